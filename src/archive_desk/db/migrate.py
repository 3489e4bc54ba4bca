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
import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from archive_desk.db.engine import Database, network_drive_message, translate_storage_errors
from archive_desk.db.network import is_network_path
from archive_desk.db.storage_errors import StorageProblem, classify
from archive_desk.db.target import is_server_url
from archive_desk.errors import CatalogueFileError, NotFoundError
from archive_desk.i18n import t

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
    assert head  # noqa: S101 - narrows the type; the code guarantees it
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
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
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


#: SQLite's magic string: the first 16 bytes of every database file
SQLITE_HEADER = b"SQLite format 3\x00"
#: ``PRAGMA quick_check`` runs on every open up to this file size (about 28,000 demo volumes). Measured with
#: ``benchmarks/bench_open.py`` on a 100,000-volume demo (230 MB) on the shared 2-core machine: open 0.74 s,
#: quick_check alone 2.9-3.8 s (the issue's 0.6 s idle); it grows with the file, so at a million volumes it
#: would break the 2 s start. Bigger catalogues get the header and schema checks at open (1-30 ms), and the
#: caller runs :func:`quick_check` in the background.
QUICK_CHECK_AT_OPEN_MAX_BYTES = 64 * 1024 * 1024
#: where backups of ``NAME.sqlite`` are looked for (besides the safety copies ``NAME.before-*.sqlite`` beside it)
BACKUP_FOLDER_NAME = "backups"


def file_problem(path: Path) -> str | None:
    """What makes the existing ``path`` not an SQLite file (a message), or None. Reads only."""
    if path.is_dir():
        return t("it is a folder, not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return t("it cannot be read ({error})", error=exc.strerror or exc)
    if size == 0:
        return t("the file is empty (0 bytes)")
    if not header.startswith(SQLITE_HEADER):
        return t("it is not an SQLite database (it may be a text file or a document)")
    if len(header) < 100:
        return t("the file is truncated ({size} bytes)", size=size)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return t("its header is damaged")
    pages = int.from_bytes(header[28:32], "big")
    header_count_valid = pages > 0 and header[24:28] == header[92:96]
    wal = Path(f"{path}-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0  # pages may still sit in the write-ahead log
    if size % page_size:
        return t("the file is truncated or damaged ({size} bytes is not a whole number of {page} byte pages)",
                 size=size, page=page_size)
    if header_count_valid and not wal_pending and size < pages * page_size:
        return t("the file is truncated: {size} bytes of the {expected} its header announces", size=size,
                 expected=pages * page_size)
    return None


def quick_check(path: Path, *, immutable: bool = False, max_errors: int = 10) -> list[str]:
    """``PRAGMA quick_check`` on a read-only connection of its own: the problems found (empty if none)."""
    from archive_desk.db.engine import read_only_uri

    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)) as conn:
            lines = [row[0] for row in conn.execute(f"PRAGMA quick_check({int(max_errors)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if lines == ["ok"] else lines


def newest_verified_backup(catalogue: Path, folders: Sequence[Path] | None = None) -> Path | None:
    """The newest ``*.sqlite`` backup of ``catalogue`` that passes :func:`file_problem` and :func:`quick_check`.

    Looks in ``folders`` (default: the ``backups`` folder beside the catalogue) and at the safety copies taken
    before migrations (``NAME.before-*.sqlite`` beside it). Small on purpose: the backup service
    (``services/backup.py``) can pass its own folder, or replace this."""
    catalogue = Path(catalogue)
    if folders is None:
        folders = [catalogue.parent / BACKUP_FOLDER_NAME]
        with contextlib.suppress(Exception):  # the folder this workstation backs up to (services/backup.py)
            from archive_desk.settings import Settings

            configured = Settings.load().backup_folder
            if configured:
                folders.append(Path(configured))
    found: list[Path] = []
    for folder in folders:
        with contextlib.suppress(OSError):
            found += [p for p in Path(folder).glob("*.sqlite")
                      if p.is_file() and not p.name.startswith(".") and _not_failed(p) and _backup_of(p, catalogue)]
    with contextlib.suppress(OSError):
        found += [p for p in catalogue.parent.glob(f"{catalogue.stem}.before-*.sqlite") if p.is_file()]
    found = [p for p in found if p.resolve() != catalogue.resolve()]
    for candidate in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True):
        if file_problem(candidate) is None and not quick_check(candidate, immutable=not _writable(candidate)):
            return candidate
    return None


def _manifest(path: Path) -> dict:
    """The manifest the backup service writes beside a backup (``NAME.manifest.json``), or {}."""
    try:
        raw = json.loads(path.with_name(path.name.removesuffix(".sqlite") + ".manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _backup_of(path: Path, catalogue: Path) -> bool:
    """A backup whose manifest names another catalogue (two catalogues backing up into one folder) is not this one's."""
    named = _manifest(path).get("catalogue")
    return not named or Path(str(named)).name == catalogue.name


def _not_failed(path: Path) -> bool:
    """A backup that failed its verification (``NAME.failed.sqlite``, or a manifest saying so) is never offered."""
    if path.name.endswith(".failed.sqlite"):
        return False
    return bool(_manifest(path).get("verified", True))  # no manifest (a safety copy): quick_check decides


def _writable(path: Path) -> bool:
    """Can the catalogue at ``path`` be written, its ``-wal``/``-shm`` files included? False on read-only media."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return False
    try:  # os.access says yes to root on a read-only mount: ask the file system itself
        with path.open("r+b"):
            pass
    except OSError:
        return False
    return True


def _refuse(path: Path, reason: str, *, damaged: bool = False) -> CatalogueFileError:
    backup = newest_verified_backup(path) if damaged else None
    if damaged:
        message = t("The catalogue {path} is damaged: {reason}. Nothing was written to it.", path=path, reason=reason)
        if backup is not None:
            message += " " + t("The newest verified backup is {backup}.", backup=backup)
    else:
        message = t("{path} is not an ArchiveDesk catalogue: {reason}. Nothing was written to it.", path=path, reason=reason)
    return CatalogueFileError(message, path=path, reason=reason, backup=backup)


def open_catalogue(path: Path | str, *, read_only: bool | None = None, check: bool | None = None) -> Database:
    """Open and migrate the catalogue at ``path``. The standard data (categories, room settings) is not this
    layer's business: callers go through ``services.setup.open_catalogue``, which seeds after opening.

    Only a path where nothing exists creates a catalogue. Anything else that is not a catalogue (an empty,
    text, truncated or damaged file, another program's database) raises :class:`CatalogueFileError` naming
    the file before anything is written to it. A catalogue on read-only media (or with ``read_only=True``)
    opens read-only: ``db.read_only`` is True and every write raises a clear ``ReadOnlyCatalogueError``.
    ``check`` runs ``PRAGMA quick_check`` first (default: on files up to ``QUICK_CHECK_AT_OPEN_MAX_BYTES``).

    A server URL (``postgresql://user@host/archive``) opens the room's PostgreSQL catalogue: :func:`open_server`."""
    if is_server_url(path):
        return open_server(str(path), read_only=bool(read_only))
    path = Path(path)
    on_network = is_network_path(path)
    if not path.exists() and not path.is_symlink():
        if read_only:
            raise NotFoundError(t("The catalogue file {path} does not exist", path=path))
        if on_network:
            raise CatalogueFileError(t(
                "{path} is on a network drive, where SQLite cannot keep a catalogue safely (its WAL mode does not work on"
                " network file systems). Make the catalogue on this PC, or use the room's PostgreSQL server.", path=path),
                path=path, reason=t("a network drive"))
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database.open(path)
        try:
            upgrade(db)
        except BaseException:
            db.dispose()
            raise
        return db

    problem = file_problem(path)
    if problem is not None:
        raise _refuse(path, problem, damaged=path.stat().st_size > 0 and _has_sqlite_header(path))
    reason = ""
    if read_only is None and on_network:  # WAL breaks over SMB/NFS (db/network.py): read, never write
        read_only, reason = True, network_drive_message()
    if read_only is None:
        read_only = not _writable(path)
    # read-only media: no -shm can be made beside the file, so SQLite is told nothing will change it
    immutable = read_only and not os.access(path.parent, os.W_OK)
    if check is None:
        check = path.stat().st_size <= QUICK_CHECK_AT_OPEN_MAX_BYTES
    # looked at on a read-only connection of its own before the app's engine opens it (which sets WAL mode,
    # i.e. writes the header): a damaged file or another program's database is never written to
    revisions = _inspect(path, immutable=immutable, check=check)
    db = Database.open(path, read_only=read_only, immutable=immutable, read_only_reason=reason)
    try:
        if read_only:
            quick = script_head()
            if revisions != [quick if quick is not None else head_revision()]:
                raise CatalogueFileError(
                    t("The catalogue {path} was made by another version of ArchiveDesk and must be upgraded, which a"
                      " read-only file cannot be. Copy it to a writable folder and open the copy.", path=path),
                    path=path, reason=t("an older schema"))
            return db
        upgrade(db)
    except BaseException:
        db.dispose()
        raise
    return db


def open_server(url: str, *, read_only: bool = False) -> Database:
    """Open the room's PostgreSQL catalogue. It is made and upgraded by ``archive-desk server init`` (as the owner
    role; the workstations log in with the application role, which may not change the schema), so a database
    without the catalogue, or at another schema, is refused with what to do instead of being changed here."""
    from archive_desk.db.target import display

    db = Database.open(url, read_only=read_only)
    try:
        try:
            revisions = stored_revisions(db)
        except DBAPIError as exc:
            raise CatalogueFileError(
                t("The room's server {url} cannot be reached: {error}", url=display(url), error=_first_line(exc)),
                path=display(url), reason=t("the server cannot be reached")) from exc
        if revisions is None:
            raise CatalogueFileError(
                t("{url} holds no ArchiveDesk catalogue yet. Set it up with: archive-desk server init URL", url=display(url)),
                path=display(url), reason=t("no catalogue on the server"))
        quick = script_head()
        head = quick if quick is not None else head_revision()
        if revisions != [head]:
            known = _known_revisions()
            if known is not None and not set(revisions) <= known:
                raise CatalogueFileError(
                    t("The catalogue on {url} was made by a newer version of ArchiveDesk (schema {revision}); please update"
                      " ArchiveDesk.", url=display(url), revision=", ".join(revisions)),
                    path=display(url), reason=t("a newer schema"))
            raise CatalogueFileError(
                t("The catalogue on {url} is at an older schema ({revision}). Upgrade it once, from one PC, with:"
                  " archive-desk server init URL", url=display(url), revision=", ".join(revisions)),
                path=display(url), reason=t("an older schema"))
    except BaseException:
        db.dispose()
        raise
    return db


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _inspect(path: Path, *, immutable: bool, check: bool) -> list[str]:
    """The catalogue's ``alembic_version`` rows, read on a read-only connection after ``quick_check`` (if
    ``check``). Refused (CatalogueFileError): a damaged file, an SQLite file without ``alembic_version`` (another
    program's database, an empty one) rather than turned into a catalogue, an unknown revision (a newer
    ArchiveDesk)."""
    from archive_desk.db.engine import read_only_uri, storage_error

    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, timeout=10)) as conn:
            if check:
                lines = [row[0] for row in conn.execute("PRAGMA quick_check(10)")]
                if lines != ["ok"]:
                    raise _refuse(path, "; ".join(lines[:3]), damaged=True)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = ([row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
                         if "alembic_version" in tables else None)
    except sqlite3.DatabaseError as exc:
        # by SQLite's result code (db/storage_errors.py): the file is busy, cannot be opened or cannot be read
        # (the disk, the network) -> that storage message; damaged or not a database -> refused as damaged
        if classify(exc) not in (None, StorageProblem.CORRUPT):
            raise storage_error(exc, path) from exc
        raise _refuse(path, str(exc), damaged=True) from exc
    if not revisions or "volumes" not in tables:
        raise _refuse(path, t("it is an SQLite file but not an ArchiveDesk catalogue"))
    known = _known_revisions()
    if known is not None and not set(revisions) <= known:
        raise CatalogueFileError(
            t("The catalogue {path} was made by a newer version of ArchiveDesk (schema {revision}); please update"
              " ArchiveDesk. Nothing was written to it.", path=path, revision=", ".join(revisions)),
            path=path, reason=t("a newer schema"))
    return revisions


def _known_revisions() -> set[str] | None:
    try:
        folder = resources.files("archive_desk.db") / "migrations" / "versions"
        texts = [e.read_text(encoding="utf-8") for e in folder.iterdir() if _REVISION_FILE.fullmatch(e.name)]
    except (OSError, TypeError, ValueError):
        return None
    found: set[str] = set()
    for text in texts:
        for name, value in _SCRIPT_LINE.findall(text):
            if name == "revision":
                try:
                    found.add(ast.literal_eval(value))
                except (ValueError, SyntaxError):
                    return None
    return found or None
