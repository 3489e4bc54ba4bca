"""Open a catalogue: create it on first use, take a safety copy, migrate it to the current schema.

A safety copy is taken with SQLite's online backup API (never a file copy of a live database) before any
migration touches an existing file; it sits beside the catalogue as ``NAME.before-<rev>-<time>.sqlite``.

Importing Alembic and reading its scripts takes about a third of a second, on every start. So a catalogue
already at the newest revision is recognised without it: the scripts' own ``revision = …`` and
``down_revision = …`` lines name the head, and ``alembic_version`` holds the catalogue's revision. Anything
else (a new file, an older or unknown revision, a script that does not read plainly) goes to Alembic.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from archive_desk.db.engine import Database, translate_storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION_FILE = re.compile(r"(?!\.\#|__init__)[^/\\]*\.py")
_SCRIPT_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config  # only when a catalogue has to be migrated

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("archive_desk.db") / "migrations"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def script_head() -> str | None:
    """The head revision as the migration scripts' ``revision``/``down_revision`` lines give it, read
    without Alembic; None when that is not certain (a script without both lines, a value that is not a
    literal, several heads, scripts that are not plain files): Alembic decides then."""
    try:
        folder = resources.files("archive_desk.db") / "migrations" / "versions"
        # the files Alembic reads as revisions (its rule: any .py but __init__.py and editor back-ups)
        scripts = [entry for entry in folder.iterdir() if _REVISION_FILE.fullmatch(entry.name)]
        texts = [entry.read_text(encoding="utf-8") for entry in scripts]
    except (OSError, TypeError, ValueError):
        return None
    revisions: set[str] = set()
    parents: set[str] = set()
    for text in texts:
        found: dict[str, object] = {}
        for name, value in _SCRIPT_LINE.findall(text):
            if name in found:
                return None
            try:
                found[name] = ast.literal_eval(value)
            except (ValueError, SyntaxError):
                return None
        revision, down = found.get("revision"), found.get("down_revision", ())
        if not isinstance(revision, str) or down == ():
            return None
        downs = (down,) if isinstance(down, str) else tuple(down) if isinstance(down, tuple | list) else () if down is None else None
        if downs is None or not all(isinstance(d, str) for d in downs):
            return None
        revisions.add(revision)
        parents.update(downs)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 and parents <= revisions else None


def stored_revisions(db: Database) -> list[str] | None:
    """What ``alembic_version`` holds (None if the table is not there: a new catalogue)."""
    with translate_storage_errors(db.path), db.engine.connect() as conn:
        try:
            return [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
        except DBAPIError:
            return None


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
    quick = script_head()
    if quick is not None and stored_revisions(db) == [quick]:
        return None  # already at the newest revision: Alembic is not even imported
    from alembic import command

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
