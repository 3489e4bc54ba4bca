"""Open a catalogue: create it on first use, take a safety copy, migrate it to the current schema.

A safety copy is taken with SQLite's online backup API (never a file copy of a live database) before any
migration touches an existing file; it sits beside the catalogue as ``NAME.before-<rev>-<time>.sqlite``.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from archive_desk.db.engine import Database, translate_storage_errors


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("archive_desk.db") / "migrations"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently with the online backup API, then verify the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if ok != "ok":  # pragma: no cover - would mean a damaged source
        raise RuntimeError(f"backup {target} failed its integrity check: {ok}")
    return target


def upgrade(db: Database) -> Path | None:
    """Bring the catalogue to the current schema; returns the safety copy's path if one was taken."""
    head = head_revision()
    with translate_storage_errors(db.path):
        current = current_revision(db.engine)
        if current == head:
            return None
        safety: Path | None = None
        if current is not None and db.path is not None and db.is_sqlite:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            safety = backup_sqlite(db.path, db.path.with_name(f"{db.path.stem}.before-{head}-{stamp}.sqlite"))
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return safety


def open_catalogue(path: Path | str, *, seed: bool = True) -> Database:
    """Open (creating if needed) and migrate the catalogue at ``path``; seeds the standard categories
    into a new catalogue."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(path)
    upgrade(db)
    if seed:
        from archive_desk.services.setup import ensure_standard_data

        ensure_standard_data(db)
    return db
