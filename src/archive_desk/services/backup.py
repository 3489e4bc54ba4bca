"""Backups, their register (备份登记), restore and the restore drill (恢复演练). Qt-free.

A backup is written with SQLite's online backup API from a connection that holds one read transaction for
the whole copy: in WAL mode that is a consistent snapshot and other workstations keep writing meanwhile.
It is written under a temporary name in the target folder, switched to a single-file journal, fsynced,
then verified before it gets its name:

* opened read-only; ``integrity_check`` and ``foreign_key_check``;
* the audit trail's hash chain walked from the first entry to the last;
* every table counted and digested (``services/digest.py``).

The result is a manifest — time, account, workstation, size, SHA-256, chain head, per-table digests,
verified — written beside the file (``NAME.sqlite`` + ``NAME.manifest.json``) and as a row of the
catalogue's backup register, audited. A backup that fails verification is renamed ``NAME.failed.sqlite``
(its manifest says why), registered as failed and reported by the caller at once; it is never listed as good.

Restore: verify the backup → copy it to a new file beside the target → check the copy against the
backup's digests → record the restore in the copy's own audit trail → keep the current catalogue as a
safety copy (``NAME.before-restore-<time>.sqlite``) → move the copy into place. A drill does the same in a
scratch folder, compares, and switches nothing.

The copy itself is behind :class:`CopyEngine`: :class:`SqliteOnlineCopy` is the one there is; a
PostgreSQL catalogue (a later issue) plugs in an engine-neutral copy with the same shape.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, create_engine, select, update
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from archive_desk import __version__, atomic
from archive_desk.db.engine import Database, sqlite_uri, translate_storage_errors
from archive_desk.errors import NotFoundError, StorageError, UserError
from archive_desk.i18n import t
from archive_desk.models import BackupRecord
from archive_desk.services import audit, digest
from archive_desk.services.ops import BACKUPS, operation
from archive_desk.settings import BACKUP_KEEP_DEFAULT

if TYPE_CHECKING:
    from archive_desk.exporting.backup_register import BackupRegisterSheet

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

MANIFEST_SUFFIX = ".manifest.json"
FAILED_MARK = ".failed"
MANIFEST_FORMAT = 1
#: pages copied per step of the online backup (progress is reported between steps)
PAGES_PER_STEP = 2048
KINDS = ("manual", "auto", "exit", "cli")


class BackupError(UserError):
    """A backup could not be written, or a file is not a backup that can be restored."""


class BackupCancelled(UserError):  # noqa: N818 - not an error: a public name others import
    def __init__(self) -> None:
        super().__init__(t("The backup was cancelled; nothing was kept."))


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class ChainHead:
    """The last entry of the audit trail: what an anchor kept outside the file compares against."""

    id: int | None
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "hash": self.hash}


@dataclass(frozen=True)
class BackupManifest:
    file_name: str
    folder: str
    created_at: datetime  # UTC, naive (as the catalogue stores times)
    kind: str
    account: str
    workstation: str
    catalogue: str  # the catalogue file the backup was taken from
    size_bytes: int
    sha256: str
    chain_head: ChainHead
    schema_revision: str
    tables: Mapping[str, digest.TableDigest]
    verified: bool
    problems: tuple[str, ...] = ()
    app_version: str = __version__
    engine: str = "sqlite"
    register_id: int | None = None

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.file_name

    @property
    def manifest_path(self) -> Path:
        return manifest_path_for(self.path)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "file": self.file_name,
            "created_at": self.created_at.isoformat(timespec="microseconds") + "Z",
            "kind": self.kind,
            "account": self.account,
            "workstation": self.workstation,
            "catalogue": self.catalogue,
            "size": self.size_bytes,
            "sha256": self.sha256,
            "chain_head": self.chain_head.as_json(),
            "schema_revision": self.schema_revision,
            "tables": digest.to_json(self.tables),
            "verified": self.verified,
            "problems": list(self.problems),
            "app_version": self.app_version,
            "engine": self.engine,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any], folder: Path) -> BackupManifest:
        head = raw.get("chain_head") or {}
        created = str(raw["created_at"]).removesuffix("Z")
        return cls(
            file_name=str(raw["file"]), folder=str(folder), created_at=datetime.fromisoformat(created),
            kind=str(raw.get("kind", "")), account=str(raw.get("account", "")),
            workstation=str(raw.get("workstation", "")), catalogue=str(raw.get("catalogue", "")),
            size_bytes=int(raw.get("size", 0)), sha256=str(raw.get("sha256", "")),
            chain_head=ChainHead(head.get("id"), str(head.get("hash", ""))),
            schema_revision=str(raw.get("schema_revision", "")), tables=digest.from_json(raw.get("tables", {})),
            verified=bool(raw.get("verified")), problems=tuple(raw.get("problems", ())),
            app_version=str(raw.get("app_version", "")), engine=str(raw.get("engine", "sqlite")),
        )


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    ok: bool
    problems: tuple[str, ...]
    notes: tuple[str, ...]  # not problems: e.g. "no manifest beside the file"
    size_bytes: int
    sha256: str
    chain_head: ChainHead | None
    schema_revision: str
    tables: Mapping[str, digest.TableDigest]
    manifest: BackupManifest | None


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    target: Path | str  # a file, or the server database's URL
    safety_copy: Path | None  # the catalogue that was replaced, kept
    tables: Mapping[str, digest.TableDigest]  # as restored (before the restore's own audit entry)
    audit_entry_id: int


@dataclass(frozen=True)
class DrillResult:
    backup: Path
    ok: bool
    problems: tuple[str, ...]
    scratch: Path | None  # kept only when asked
    tables: Mapping[str, digest.TableDigest]
    #: per table: (rows in the backup, rows in the live catalogue now) where they differ
    since_backup: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Rotation:
    """Keep the newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly``
    months; the newest backup is always kept."""

    daily: int = BACKUP_KEEP_DEFAULT["daily"]
    weekly: int = BACKUP_KEEP_DEFAULT["weekly"]
    monthly: int = BACKUP_KEEP_DEFAULT["monthly"]

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> Rotation:
        raw = raw or {}
        return cls(*(max(0, int(raw.get(k, BACKUP_KEEP_DEFAULT[k]))) for k in ("daily", "weekly", "monthly")))


@dataclass(frozen=True)
class RotationResult:
    kept: tuple[Path, ...]
    removed: tuple[Path, ...]


@dataclass(frozen=True)
class RegisterRow:
    id: int
    created_at: datetime
    kind: str
    file_name: str
    folder: str
    size_bytes: int
    sha256: str
    chain_head_id: int | None
    chain_head_hash: str
    verified: bool
    problems: str
    user: str
    workstation: str
    removed_at: datetime | None

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.file_name


# --------------------------------------------------------------------------- names and files


def manifest_path_for(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".sqlite") + MANIFEST_SUFFIX)


def default_folder(catalogue_path: Path | str, configured: str = "") -> Path:
    """The workstation's chosen folder, else ``backups`` beside the catalogue file (a server catalogue, given as
    its URL, has no folder of its own: ``ArchiveDesk backups`` in the home folder is only proposed)."""
    if configured:
        return Path(configured)
    if isinstance(catalogue_path, str):
        return Path.home() / "ArchiveDesk backups"
    return catalogue_path.parent / "backups"


def _stamp(at: datetime) -> str:
    return at.strftime("%Y%m%d-%H%M%S")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, value: Mapping[str, Any]) -> None:
    atomic.write_text(path, json.dumps(value, ensure_ascii=False, indent=2), mode=0o644)


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _ro_uri(path: Path) -> str:
    return sqlite_uri(path, "ro")


@contextlib.contextmanager
def _read_only_engine(path: Path) -> Iterator[Engine]:
    """SQLAlchemy over a read-only connection to ``path`` (no pragmas that write, no pool)."""
    uri = _ro_uri(path)
    engine = create_engine("sqlite+pysqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
                           poolclass=NullPool)
    try:
        yield engine
    finally:
        engine.dispose()


def _storage(exc: OSError, where: Path) -> StorageError:
    return StorageError(t("Cannot write the backup in {folder}: {error}", folder=str(where), error=exc.strerror or str(exc)),
                        where=str(where))


# --------------------------------------------------------------------------- copying


class CopyEngine(Protocol):
    """Copies a catalogue into a new single SQLite file, consistently, while it stays in use."""

    def copy(self, db: Database, target: Path, progress: Progress | None, should_cancel: Cancel | None) -> None: ...


class SqliteOnlineCopy:
    """SQLite's online backup API from one read transaction (a WAL snapshot: writers are not stopped and
    the copy does not restart when they commit)."""

    def copy(self, db: Database, target: Path, progress: Progress | None, should_cancel: Cancel | None) -> None:
        if db.path is None:
            raise BackupError(t("This catalogue is not a file; it cannot be backed up here yet."))
        copy_sqlite_file(db.path, target, progress=progress, should_cancel=should_cancel)


def copy_sqlite_file(source: Path, target: Path, *, progress: Progress | None = None,
                     should_cancel: Cancel | None = None, read_only: bool = False) -> None:
    """Online-backup ``source`` into ``target`` (a new file) and leave it as one file (journal DELETE). A disk
    that fails a read or a write on either side is a :class:`StorageError` with its message, never a traceback."""
    with translate_storage_errors(target):
        _copy_sqlite_file(source, target, progress, should_cancel, read_only)
    _remove_sidecars(target)
    _fsync_file(target)


def _copy_sqlite_file(source: Path, target: Path, progress: Progress | None, should_cancel: Cancel | None,
                      read_only: bool) -> None:
    src = sqlite3.connect(_ro_uri(source), uri=True) if read_only else sqlite3.connect(source, timeout=30)
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        dst = sqlite3.connect(target)
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if should_cancel is not None and should_cancel():
                    raise BackupCancelled
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()


class ServerCopy:
    """The room's server: the verified, engine-neutral copy of ``server copy`` into a new catalogue file (one
    repeatable-read snapshot per table, counts, digests and the chain checked on the file), so a server backup is
    a file like any other: verified, registered, restorable into a new file or an empty server database."""

    def copy(self, db: Database, target: Path, progress: Progress | None, should_cancel: Cancel | None) -> None:
        from archive_desk.services import server  # noqa: PLC0415 - only a server catalogue needs it

        if db.url is None:
            raise BackupError(t("This catalogue is not on a server."))
        target.unlink(missing_ok=True)  # the copy makes its file itself (and refuses one that exists)
        steps = [0]

        def say(_line: str) -> None:
            steps[0] += 1
            if should_cancel is not None and should_cancel():
                raise BackupCancelled
            if progress is not None:
                progress(min(steps[0], 99), 100)

        report = server.copy(db.url, target, progress=say)
        if not report.ok:
            raise BackupError(t("The copy of the server did not match it: {problems}", problems="; ".join(report.problems)))


def server_backup_stem(url: str) -> str:
    """A backup of ``postgresql://…/archive`` is named after its database: ``archive-<time>.sqlite``."""
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    return make_url(url).database or "catalogue"


def _engine_for(db: Database) -> CopyEngine:
    if db.is_sqlite:
        return SqliteOnlineCopy()
    return ServerCopy()


# --------------------------------------------------------------------------- verifying


def _inspect_file(path: Path, should_cancel: Cancel | None = None,
                  progress: Progress | None = None) -> tuple[list[str], ChainHead | None, str, dict[str, digest.TableDigest]]:
    """Open read-only and check: integrity, foreign keys, audit chain, digests."""
    problems: list[str] = []
    head: ChainHead | None = None
    revision = ""
    tables: dict[str, digest.TableDigest] = {}
    try:
        with contextlib.closing(sqlite3.connect(_ro_uri(path), uri=True)) as conn:
            lines = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
            if lines != ["ok"]:
                problems.extend(t("integrity_check: {line}", line=line) for line in lines)
                return problems, None, "", {}
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(t("foreign_key_check: row {rowid} of {table} points to a missing {parent}",
                                  rowid=rowid, table=table, parent=parent))
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"audit_log", "alembic_version"} <= names:
                problems.append(t("The file is not an ArchiveDesk catalogue."))
                return problems, None, "", {}
            revision = ",".join(row[0] for row in conn.execute("SELECT version_num FROM alembic_version"))
            last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            head = ChainHead(last[0], last[1]) if last else ChainHead(None, audit.GENESIS)
    except sqlite3.DatabaseError as exc:
        problems.append(t("The file is not a readable catalogue: {error}", error=exc))
        return problems, None, "", {}
    try:
        with _read_only_engine(path) as engine:
            with Session(engine) as session:
                for p in audit.verify_chain(session):
                    problems.append(t("audit trail: entry {id}: {reason}", id=p.entry_id, reason=p.reason))
            with engine.connect() as conn:
                tables = digest.table_digests(conn, progress=progress, should_cancel=should_cancel)
    except InterruptedError:
        raise BackupCancelled from None
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways; each is a finding
        problems.append(t("The file is not a readable catalogue: {error}", error=exc))
    return problems, head, revision, tables


def read_manifest(path: Path) -> BackupManifest | None:
    mpath = manifest_path_for(path)
    try:
        raw = json.loads(mpath.read_text(encoding="utf-8"))
        return BackupManifest.from_json(raw, path.parent)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def verify_backup(path: Path | str, *, progress: Progress | None = None, should_cancel: Cancel | None = None) -> VerifyResult:
    """Check a backup file on its own and against the manifest beside it."""
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(t("The backup file {path} does not exist", path=str(path)), where=str(path))
    size = path.stat().st_size
    sha = _sha256(path)
    problems, head, revision, tables = _inspect_file(path, should_cancel, progress)
    notes: list[str] = []
    manifest = read_manifest(path)
    if manifest is None:
        if manifest_path_for(path).exists():
            problems.append(t("The manifest beside the backup cannot be read."))
        else:
            notes.append(t("No manifest beside the file: it was checked on its own, not against what was written."))
    else:
        if manifest.sha256 != sha or manifest.size_bytes != size:
            problems.append(t("The file is not the one that was written: its SHA-256 or size differs from the manifest's."))
        if not manifest.verified:
            problems.append(t("This backup failed verification when it was written."))
        if head is not None and manifest.chain_head != head:
            problems.append(t("The audit trail's last entry differs from the manifest's chain head."))
        if tables:
            for d in digest.compare(manifest.tables, tables):
                problems.append(t("Table {table}: {actual} rows, the manifest says {expected} (or the rows differ)",
                                  table=d.table, actual=d.actual.count if d.actual else "—",
                                  expected=d.expected.count if d.expected else "—"))
    return VerifyResult(path, not problems, tuple(problems), tuple(notes), size, sha, head, revision, tables, manifest)


# --------------------------------------------------------------------------- backing up


def _unique_name(folder: Path, base: str) -> str:
    name, n = base, 1
    while (folder / f"{name}.sqlite").exists() or (folder / f"{name}{FAILED_MARK}.sqlite").exists():
        n += 1
        name = f"{base}-{n}"
    return name


@operation("backup.make_backup", area=BACKUPS)
def make_backup(db: Database, folder: Path | str, *, actor: audit.Actor | None = None, kind: str = "manual",
                progress: Progress | None = None, should_cancel: Cancel | None = None,
                copier: CopyEngine | None = None, now: datetime | None = None) -> BackupManifest:
    """Back the catalogue up into ``folder``; verify; write the manifest; register it (audited).

    Returns the manifest whether or not verification passed: ``manifest.verified`` False means the file
    was kept only as ``…failed…`` and the caller must say so at once. Storage problems raise."""
    actor = actor or audit.Actor.current()
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _storage(exc, folder) from exc
    created = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    stem = db.path.stem if db.path is not None else server_backup_stem(db.url) if db.url else "catalogue"
    name = _unique_name(folder, f"{stem}-{_stamp(created.replace(tzinfo=UTC).astimezone())}")
    copier = copier or _engine_for(db)
    try:  # a name of its own: another workstation may be backing up into the same folder in the same second
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial.sqlite")
        os.close(fd)
    except OSError as exc:
        raise _storage(exc, folder) from exc
    tmp = Path(tmp_name)

    def copy_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(done * 60 // max(total, 1), 100)

    def check_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(60 + done * 40 // max(total, 1), 100)

    try:
        try:
            copier.copy(db, tmp, copy_progress, should_cancel)
            size, sha = tmp.stat().st_size, _sha256(tmp)
        except OSError as exc:
            raise _storage(exc, folder) from exc
        problems, head, revision, tables = _inspect_file(tmp, should_cancel, check_progress)
        ok = not problems
        final = folder / (f"{name}.sqlite" if ok else f"{name}{FAILED_MARK}.sqlite")
        manifest = BackupManifest(
            file_name=final.name, folder=str(folder), created_at=created, kind=kind, account=actor.user,
            workstation=actor.workstation, catalogue=str(db.path or db.location), size_bytes=size, sha256=sha,
            chain_head=head or ChainHead(None, ""), schema_revision=revision, tables=tables, verified=ok,
            problems=tuple(problems),
        )
        try:
            _write_json(manifest_path_for(final), manifest.as_json())
            atomic.replace(tmp, final)
            _fsync_dir(folder)
        except OSError as exc:
            manifest_path_for(final).unlink(missing_ok=True)
            raise _storage(exc, folder) from exc
    finally:
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
    register_id = _register(db, actor, manifest)
    return replace(manifest, register_id=register_id)


def _register(db: Database, actor: audit.Actor, m: BackupManifest) -> int:
    with db.write() as session:
        row = BackupRecord(
            created_at=m.created_at, kind=m.kind, file_name=m.file_name, folder=m.folder, size_bytes=m.size_bytes,
            sha256=m.sha256, chain_head_id=m.chain_head.id, chain_head_hash=m.chain_head.hash, verified=m.verified,
            problems="\n".join(m.problems), user=m.account, workstation=m.workstation, manifest=m.as_json(),
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "backup" if m.verified else "backup_failed", "backup", row.id, None,
                     {"file": m.file_name, "folder": m.folder, "sha256": m.sha256, "size": m.size_bytes,
                      "verified": m.verified, "kind": m.kind, "chain_head": m.chain_head.as_json()})
        return row.id


#: what a backup (and its rotation and drills) writes in the trail: a trail ending in these has no change
#: since the last backup
BACKUP_ACTIONS = ("backup", "backup_failed", "backup_rotated_out", "restore_drill")


def changed_since_last_backup(db: Database) -> bool:
    """False when the last thing in the trail is a good backup's own record (or its rotation, a drill):
    an automatic backup then has nothing new to keep. True when anything else came after it, or when
    there is no good backup yet."""
    from archive_desk.models import AuditEntry

    with db.read() as session:
        last_good = session.scalar(select(BackupRecord.id).where(BackupRecord.verified.is_(True))
                                   .order_by(BackupRecord.id.desc()).limit(1))
        if last_good is None:
            return True
        since = session.scalar(select(AuditEntry.id).where(AuditEntry.action == "backup", AuditEntry.entity_id == last_good)
                               .order_by(AuditEntry.id.desc()).limit(1))
        if since is None:
            return True
        later = session.scalars(select(AuditEntry.action).where(AuditEntry.id > since)).all()
        return any(action not in BACKUP_ACTIONS for action in later)


# --------------------------------------------------------------------------- listing


def list_backups(folder: Path | str, *, catalogue: Path | None = None, include_failed: bool = True) -> list[BackupManifest]:
    """The backups in a folder, newest first, read from their manifests (a file without one is not
    listed). ``catalogue``: only those taken from a catalogue of that file name."""
    folder = Path(folder)
    found: list[BackupManifest] = []
    if not folder.is_dir():
        return found
    for mpath in folder.glob(f"*{MANIFEST_SUFFIX}"):
        path = mpath.with_name(mpath.name.removesuffix(MANIFEST_SUFFIX) + ".sqlite")
        m = read_manifest(path)
        if m is None or not path.exists():
            continue
        if catalogue is not None and Path(m.catalogue).name != catalogue.name:
            continue
        if not include_failed and not m.verified:
            continue
        found.append(m)
    found.sort(key=lambda m: (m.created_at, m.file_name), reverse=True)
    return found


def register_rows(db: Database, *, limit: int | None = None) -> list[RegisterRow]:
    """备份登记, newest first."""
    with db.read() as session:
        stmt = select(BackupRecord).order_by(BackupRecord.id.desc())
        if limit:
            stmt = stmt.limit(limit)
        return [RegisterRow(r.id, r.created_at, r.kind, r.file_name, r.folder, r.size_bytes, r.sha256, r.chain_head_id,
                            r.chain_head_hash, r.verified, r.problems, r.user, r.workstation, r.removed_at)
                for r in session.scalars(stmt)]


# --------------------------------------------------------------------------- rotation


def plan_rotation(backups: Sequence[tuple[Path, datetime]], rotation: Rotation) -> tuple[list[Path], list[Path]]:
    """(keep, remove) for backups given with their local time. Newest of each of the last ``daily``
    days, ``weekly`` ISO weeks and ``monthly`` months; the newest overall always."""
    ordered = sorted(backups, key=lambda b: b[1], reverse=True)
    keep: set[Path] = set()
    if ordered:
        keep.add(ordered[0][0])

    def take(key: Callable[[date], object], count: int) -> None:
        seen: list[object] = []
        for path, at in ordered:
            k = key(at.date())
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(path)

    take(lambda d: d, rotation.daily)
    take(lambda d: d.isocalendar()[:2], rotation.weekly)
    take(lambda d: (d.year, d.month), rotation.monthly)
    return ([p for p, _ in ordered if p in keep], [p for p, _ in ordered if p not in keep])


def _local(at_utc: datetime) -> datetime:
    return at_utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


#: a hidden ``.NAME.partial.sqlite`` older than this is what a backup killed mid-way left (a backup running
#: now on another workstation into the same folder has a fresh one)
STALE_PARTIAL_SECONDS = 24 * 3600


def _remove_stale_partials(folder: Path) -> None:
    limit = datetime.now().timestamp() - STALE_PARTIAL_SECONDS
    for path in folder.glob(".*.partial.sqlite*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()


@operation("backup.rotate", area=BACKUPS)
def rotate(db: Database, folder: Path | str, rotation: Rotation, *, actor: audit.Actor | None = None) -> RotationResult:
    """Apply the rotation to the good backups of this catalogue in ``folder``: the others are removed
    (file and manifest), and their register rows marked removed (audited). Failed backups are left for
    a person to look at."""
    actor = actor or audit.Actor.current()
    _remove_stale_partials(Path(folder))
    good = list_backups(folder, catalogue=db.path, include_failed=False)
    keep, remove = plan_rotation([(m.path, _local(m.created_at)) for m in good], rotation)
    by_path = {m.path: m for m in good}
    removed: list[Path] = []
    for path in remove:
        try:
            path.unlink(missing_ok=True)
            manifest_path_for(path).unlink(missing_ok=True)
        except OSError:
            continue  # a file in use elsewhere stays until the next rotation
        removed.append(path)
    if removed:
        with db.write() as session:
            now = datetime.now(UTC).replace(tzinfo=None)
            entries: list[tuple[str, str, int | None, Mapping[str, Any] | None, Mapping[str, Any] | None]] = []
            for path in removed:
                m = by_path[path]
                ids = session.scalars(select(BackupRecord.id).where(
                    BackupRecord.file_name == m.file_name, BackupRecord.folder == m.folder,
                    BackupRecord.sha256 == m.sha256, BackupRecord.removed_at.is_(None))).all()
                if ids:
                    session.execute(update(BackupRecord).where(BackupRecord.id.in_(ids)).values(removed_at=now))
                targets: list[int | None] = list(ids) or [None]  # a backup not in this register still leaves a trace
                entries.extend(("backup_rotated_out", "backup", rid, None, {"file": m.file_name, "folder": m.folder})
                               for rid in targets)
            audit.record_many(session, actor, entries)
    return RotationResult(tuple(keep), tuple(removed))


# --------------------------------------------------------------------------- restoring


def _checked_copy(backup: Path, target: Path, expected: Mapping[str, digest.TableDigest],
                  progress: Progress | None, should_cancel: Cancel | None) -> dict[str, digest.TableDigest]:
    """Copy the backup to ``target`` and check the copy against the backup's digests; raise if not equal."""
    copy_sqlite_file(backup, target, progress=progress, should_cancel=should_cancel, read_only=True)
    problems, _head, _rev, tables = _inspect_file(target, should_cancel)
    diffs = digest.compare(expected, tables)
    if problems or diffs:
        lines = list(problems) + [t("Table {table} differs from the backup", table=d.table) for d in diffs]
        raise BackupError(t("The restored copy does not match the backup: {problems}", problems="; ".join(lines)))
    return tables


def _refuse_unless_good(v: VerifyResult) -> None:
    if not v.ok:
        raise BackupError(t("The backup {path} failed verification; nothing was restored: {problems}",
                            path=str(v.path), problems="; ".join(v.problems)), where=str(v.path))


@dataclass(frozen=True)
class PreparedRestore:
    """A restored, checked copy waiting beside its target (with the restore in its trail), and the safety
    copy of the catalogue it will replace. :func:`finish_restore` switches; :func:`discard_restore` drops it."""

    backup: Path
    target: Path
    copy: Path
    safety_copy: Path | None
    tables: Mapping[str, digest.TableDigest]
    audit_entry_id: int


@operation("backup.restore", area=BACKUPS)
def restore(backup: Path | str, target: Path | str, *, actor: audit.Actor | None = None,
            progress: Progress | None = None, should_cancel: Cancel | None = None) -> RestoreResult:
    """Restore ``backup`` as the catalogue at ``target``.

    If ``target`` exists it is the current catalogue: every connection to it must be closed first (the
    GUI disposes its engine); it is kept as ``NAME.before-restore-<time>.sqlite`` beside it, copied with
    the online backup API. Nothing is changed at ``target`` until the restored copy has been checked."""
    prepared = prepare_restore(backup, target, actor=actor, progress=progress, should_cancel=should_cancel)
    return finish_restore(prepared)


@operation("backup.restore_to_server", area=BACKUPS)
def restore_to_server(backup: Path | str, url: str, *, actor: audit.Actor | None = None,
                      progress: Progress | None = None, should_cancel: Cancel | None = None) -> RestoreResult:
    """Restore ``backup`` into an empty database on the room's server (made by ``server init``): verify the
    backup, copy it with ``server copy`` (which refuses a database holding a catalogue, and checks counts,
    digests and the chain on the server), then record the restore in the server's trail. The catalogue the
    workstations used is never overwritten: the room points them at the restored database when it is ready."""
    from archive_desk.models import AuditEntry  # noqa: PLC0415
    from archive_desk.services import server  # noqa: PLC0415

    actor = actor or audit.Actor.current()
    backup = Path(backup)
    v = verify_backup(backup, should_cancel=should_cancel)
    _refuse_unless_good(v)
    report = server.copy(backup, url, progress=(lambda _line: progress(50, 100)) if progress else None)
    if not report.ok:
        raise BackupError(t("The restored copy does not match the backup: {problems}", problems="; ".join(report.problems)))
    restored = Database.open(url)
    try:
        with restored.write() as session:
            m = v.manifest
            audit.record(session, actor, "restore", "catalogue", None, None, {
                "from_backup": str(backup), "sha256": v.sha256,
                "backup_created_at": m.created_at.isoformat(timespec="seconds") + "Z" if m else None,
                "chain_head": v.chain_head.as_json() if v.chain_head else None,
                "restored_to": restored.location, "safety_copy": None,
            })
        with restored.read() as session:
            entry_id = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    finally:
        restored.dispose()
    return RestoreResult(backup=backup, target=url, safety_copy=None, tables=dict(v.tables), audit_entry_id=int(entry_id or 0))


def prepare_restore(backup: Path | str, target: Path | str, *, actor: audit.Actor | None = None,
                    progress: Progress | None = None, should_cancel: Cancel | None = None) -> PreparedRestore:
    """The long part of a restore, done while the catalogue stays open: verify the backup, copy it beside
    the target, check the copy against the backup's digests, take the safety copy of the target (online),
    record the restore in the copy's trail."""
    actor = actor or audit.Actor.current()
    backup, target = Path(backup), Path(target)
    v = verify_backup(backup, should_cancel=should_cancel)
    _refuse_unless_good(v)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _storage(exc, target.parent) from exc
    stamp = _stamp(datetime.now())
    tmp = target.with_name(f".{target.stem}.restoring-{stamp}.sqlite")
    safety: Path | None = None
    try:
        tables = _checked_copy(backup, tmp, v.tables, progress, should_cancel)
        if target.exists():
            safety = target.with_name(f"{target.stem}.before-restore-{stamp}.sqlite")
            copy_sqlite_file(target, safety)
        entry_id = _record_restore(tmp, actor, backup, v, target, safety)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
        if safety is not None:
            safety.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _storage(exc, target.parent) from exc
        raise
    return PreparedRestore(backup, target, tmp, safety, tables, entry_id)


def finish_restore(prepared: PreparedRestore) -> RestoreResult:
    """Switch: move the restored copy over the target (quick). No connection to the target may be open."""
    target = prepared.target
    try:
        if target.exists():
            with contextlib.closing(sqlite3.connect(target, timeout=30)) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            _remove_sidecars(target)
        atomic.replace(prepared.copy, target)
    except OSError as exc:
        raise _storage(exc, target.parent) from exc
    finally:
        prepared.copy.unlink(missing_ok=True)
    # switched: from here on nothing may undo it (the caller would throw the safety copy away)
    with contextlib.suppress(OSError):  # a folder that cannot be synced (some network shares) keeps the rename
        _fsync_dir(target.parent)
    _accept_restored_head(target)
    return RestoreResult(prepared.backup, target, prepared.safety_copy, prepared.tables, prepared.audit_entry_id)


def _accept_restored_head(target: Path) -> None:
    """The restored trail ends earlier than the one this workstation last saw (its anchor, db/sealing.py): that
    is the point of a restore, recorded in the restored trail itself. This workstation now expects the restored
    head, so ``check`` does not report the restored file as an older copy put back."""
    from archive_desk.db import sealing

    with contextlib.closing(sqlite3.connect(_ro_uri(target), uri=True)) as conn:
        cid = sealing.catalogue_id(conn) if sealing.has_seal_tables(conn) else None
        head_id, head_hash = sealing.head(conn)
    if cid is not None:
        sealing.accept_head(cid, head_id, head_hash, str(target.resolve()))


def discard_restore(prepared: PreparedRestore) -> None:
    """Give a prepared restore up: the copy goes; the safety copy, a copy of the untouched catalogue, too."""
    prepared.copy.unlink(missing_ok=True)
    _remove_sidecars(prepared.copy)
    if prepared.safety_copy is not None:
        prepared.safety_copy.unlink(missing_ok=True)


def _record_restore(path: Path, actor: audit.Actor, backup: Path, v: VerifyResult, target: Path, safety: Path | None) -> int:
    from archive_desk.models import AuditEntry

    carried = _register_of(safety) if safety is not None else []
    restored = Database.open(path)
    try:
        with restored.write() as session:
            _carry_register_over(session, actor, carried)
            m = v.manifest
            audit.record(session, actor, "restore", "catalogue", None, None, {
                "from_backup": str(backup), "sha256": v.sha256,
                "backup_created_at": m.created_at.isoformat(timespec="seconds") + "Z" if m else None,
                "chain_head": v.chain_head.as_json() if v.chain_head else None,
                "restored_to": str(target), "safety_copy": str(safety) if safety else None,
            })
            entry_id = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        with restored.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        restored.dispose()
    _remove_sidecars(path)
    assert entry_id is not None  # noqa: S101 - narrows the type; the code guarantees it
    return int(entry_id)


_REGISTER_COLUMNS = ("created_at", "kind", "file_name", "folder", "size_bytes", "sha256", "chain_head_id", "chain_head_hash",
                     "verified", "problems", "user", "workstation", "manifest", "removed_at")


def _register_of(path: Path) -> list[dict[str, Any]]:
    """The backup register of the catalogue being replaced (read from its safety copy)."""
    table = BackupRecord.__table__
    try:
        with _read_only_engine(path) as engine, engine.connect() as conn:
            rows = conn.execute(select(*(table.c[name] for name in _REGISTER_COLUMNS)).order_by(table.c.id)).mappings().all()
    except Exception:  # noqa: BLE001 - an older catalogue without a register: nothing to carry
        return []
    return [dict(row) for row in rows]


def _carry_register_over(session: Session, actor: audit.Actor, rows: list[dict[str, Any]]) -> None:
    """备份登记 is the room's history of its backups: the restored catalogue (as old as its backup) gets the
    rows the replaced one had and it lacks — the backup it came from among them."""
    if not rows:
        return
    known = {(name, sha) for name, sha in session.execute(select(BackupRecord.file_name, BackupRecord.sha256))}
    missing = [row for row in rows if (row["file_name"], row["sha256"]) not in known]
    if not missing:
        return
    session.add_all(BackupRecord(**row) for row in missing)
    session.flush()
    audit.record(session, actor, "backup_register_carried_over", "backup", None, None,
                 {"files": [row["file_name"] for row in missing]})


def drill(backup: Path | str, *, live: Database | None = None, actor: audit.Actor | None = None,
          scratch: Path | None = None, keep: bool = False, progress: Progress | None = None,
          should_cancel: Cancel | None = None) -> DrillResult:
    """恢复演练: verify, restore into a scratch folder, check, compare; switch nothing. The drill is
    recorded in the live catalogue's trail when one is given."""
    actor = actor or audit.Actor.current()
    backup = Path(backup)
    v = verify_backup(backup, should_cancel=should_cancel)
    problems = list(v.problems)
    tables: Mapping[str, digest.TableDigest] = {}
    folder = Path(tempfile.mkdtemp(prefix="archive-desk-drill-", dir=scratch))
    copy = folder / backup.name
    try:
        if v.ok:
            try:
                tables = _checked_copy(backup, copy, v.tables, progress, should_cancel)
            except BackupError as exc:
                problems.append(exc.message)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    since: dict[str, tuple[int, int]] = {}
    if live is not None:
        with live.engine.connect() as conn:
            now_counts = digest.table_counts(conn)
        since = {name: (tables[name].count if name in tables else 0, now_counts.get(name, 0))
                 for name in sorted(set(tables) | set(now_counts))
                 if (tables[name].count if name in tables else 0) != now_counts.get(name, 0)}
        with live.write() as session:
            audit.record(session, actor, "restore_drill", "backup", None, None,
                         {"file": str(backup), "sha256": v.sha256, "ok": not problems})
    return DrillResult(backup, not problems, tuple(problems), folder if keep else None, tables, since)


def catalogue_digests(path: Path) -> dict[str, digest.TableDigest]:
    """Digests of a catalogue file, read-only (for comparing an original with its restore)."""
    with _read_only_engine(path) as engine, engine.connect() as conn:
        return digest.table_digests(conn)


# --------------------------------------------------------------------------- the register as a sheet


def row_state(row: RegisterRow) -> str:
    """good | failed | removed (by the rotation) | missing (not in its folder any more)."""
    if not row.verified:
        return "failed"
    if row.removed_at is not None:
        return "removed"
    if not row.path.exists():
        return "missing"
    return "good"


def state_text(state: str) -> str:
    return {"good": t("verified"), "failed": t("FAILED"), "removed": t("rotated out"), "missing": t("missing")}[state]


def kind_text(kind: str) -> str:
    return {"manual": t("manual"), "auto": t("automatic"), "exit": t("at exit"), "cli": t("command line")}.get(kind, kind)


def register_sheet(rows: Sequence[RegisterRow], *, catalogue: Path | str | None = None) -> BackupRegisterSheet:
    from archive_desk.exporting.backup_register import (
        BackupRegisterLine,
        BackupRegisterSheet,
    )

    lines = tuple(
        BackupRegisterLine(
            no=i, created_at=_local(r.created_at), kind=kind_text(r.kind), state=state_text(row_state(r)),
            file_name=r.file_name, size_mb=r.size_bytes / 1e6, sha256=r.sha256,
            chain_head=f"{r.chain_head_id}:{r.chain_head_hash[:12]}" if r.chain_head_hash else "",
            account=r.user, workstation=r.workstation, folder=r.folder, problems=r.problems.replace("\n", "; "),
        )
        for i, r in enumerate(rows, start=1)
    )
    return BackupRegisterSheet(t("Backup register"), str(catalogue or ""), datetime.now(), lines)
