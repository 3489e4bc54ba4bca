"""Regenerate the initial schema migration (0001) from the models.

Only while no catalogue with schema 0001 has been released: afterwards every change is a new
migration (``alembic revision --autogenerate``) and a fixture database per released version is kept
under tests/data/schemas/. Later migrations (0002+) are moved aside while 0001 is regenerated.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from alembic import command

from archive_desk.db.engine import make_engine
from archive_desk.db.migrate import alembic_config

VERSIONS = Path(__file__).resolve().parents[1] / "src" / "archive_desk" / "db" / "migrations" / "versions"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        aside = Path(tmp) / "aside"
        aside.mkdir()
        for path in VERSIONS.glob("0*.py"):
            if path.name.startswith("0001_"):
                path.unlink()
            else:
                shutil.move(path, aside / path.name)
        try:
            cfg = alembic_config()
            engine = make_engine(f"sqlite:///{tmp}/empty.db")
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.revision(cfg, message="catalogue schema", autogenerate=True, rev_id="0001")
        finally:
            for path in aside.iterdir():
                shutil.move(path, VERSIONS / path.name)


if __name__ == "__main__":
    main()
