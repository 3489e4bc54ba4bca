"""Engines and sessions.

SQLite is set up the way an archive wants it (architecture.md): foreign keys on, WAL, ``synchronous=FULL``,
a busy timeout, and SQLAlchemy's documented pysqlite workaround (the driver's own transaction handling is
switched off and ``BEGIN`` is emitted by us), so that savepoints work and writes can begin ``IMMEDIATE``:
two workstations then queue for the write lock instead of deadlocking on a read-to-write upgrade.

The same code accepts a PostgreSQL URL; the SQLite-only parts are attached only to SQLite engines.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from archive_desk import clock
from archive_desk.db import fts, sealing
from archive_desk.db.storage_errors import StorageProblem, classify
from archive_desk.db.target import display as target_display
from archive_desk.db.target import is_server_url, server_url
from archive_desk.errors import ReadOnlyCatalogueError, StaleEditError, StorageError
from archive_desk.i18n import t

BUSY_TIMEOUT_MS = 10_000
#: a write that may wait for the lock (``Database.write(waiting=…)``) asks SQLite for it this often, so that it can
#: say it waits and be abandoned between tries
LOCK_POLL_MS = 100


class WriteAbandoned(Exception):  # noqa: N818 - not an error: a public name others import
    """A write waiting for another workstation's lock was abandoned (Cancel): it never began, nothing was written."""


#: ``waiting(seconds_waited) -> bool``: called between tries for the write lock; False abandons the write
LockWaiter = Callable[[float], bool]


def sqlite_url(path: Path | str) -> URL:
    return URL.create("sqlite+pysqlite", database=str(Path(path)))


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transaction control away from pysqlite (it would start them lazily and break SAVEPOINT).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cur.execute("PRAGMA foreign_keys=ON")
            if not read_only:  # setting the journal mode writes the file's header
                mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
                if mode and str(mode[0]).lower() not in ("wal", "memory"):
                    # an old network share: we still work, just without WAL
                    pass
                cur.execute("PRAGMA synchronous=FULL")
        finally:
            cur.close()
        # the search index's triggers call these (db/fts.py); registering is cheap, the work is lazy
        fts.register_functions(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001 - a DB-API connection from a SQLAlchemy event (untyped)
        options = conn.get_execution_options()
        immediate = options.get("sqlite_begin_immediate", False)
        waiter = options.get("sqlite_lock_waiter")
        if immediate and waiter is not None:
            _begin_immediate_waiting(conn.connection.dbapi_connection, waiter, busy_timeout_ms)
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    # seals of rows and audit entries, and the workstation's anchor of the trail's head (db/sealing.py)
    sealing.install(engine)


def _begin_immediate_waiting(dbapi_conn: sqlite3.Connection, waiter: LockWaiter, busy_timeout_ms: int) -> None:
    """``BEGIN IMMEDIATE`` in short tries while another connection (another workstation) holds the write lock,
    asking ``waiter`` between tries whether to go on: the caller can say it waits and can abandon the write, which
    then never began (:class:`WriteAbandoned`). Waits as long as ``waiter`` says so."""
    dbapi_conn.execute(f"PRAGMA busy_timeout={LOCK_POLL_MS}")
    started = time.monotonic()
    try:
        while True:
            try:
                dbapi_conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if classify(exc) not in (StorageProblem.BUSY, StorageProblem.LOCKED):
                    raise
            if not waiter(time.monotonic() - started):
                raise WriteAbandoned()
    finally:
        dbapi_conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")



def sqlite_uri(path: Path | str, mode: str = "ro") -> str:
    """The one SQLite URI builder: ``file:///C:/…``, ``file:///home/…``, and a Windows share ``\\\\nas\\backups\\…``
    as ``file:////nas/backups/…`` (an empty authority: SQLite refuses a host name there, and the path keeps its UNC
    form). Everything but ``/`` and ``:`` is percent-encoded, so a ``#`` or ``?`` in a folder name stays in the path
    instead of cutting the URI (``mode=ro`` lost, an empty file created)."""
    raw = str(path)
    if raw.startswith("/"):
        posix_path = raw
    elif PureWindowsPath(raw).is_absolute() or raw.startswith("\\\\"):
        posix_path = raw.replace("\\", "/")
    else:
        posix_path = Path(os.path.abspath(raw)).as_posix()
    lead = "" if posix_path.startswith("/") else "/"
    return f"file://{lead}{quote(posix_path, safe='/:')}?mode={mode}"


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` for reading only. ``immutable`` tells SQLite that nothing can change
    the file (read-only media): it then needs no ``-shm`` file, which a read-only folder cannot hold."""
    uri = sqlite_uri(Path(path).resolve(), "ro")
    return uri + "&immutable=1" if immutable else uri


def make_read_only_engine(path: Path, *, immutable: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    uri = read_only_uri(path, immutable=immutable)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, json_serializer=json_dumps)
    _install_sqlite_pragmas(engine, busy_timeout_ms, read_only=True)
    return engine


#: what a page read out of order costs the server's planner, against one in order (1.0): an SSD's figure
PG_RANDOM_PAGE_COST = 1.1


def make_engine(url: URL | str, *, echo: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": busy_timeout_ms / 1000},
                               json_serializer=json_dumps)
        _install_sqlite_pragmas(engine, busy_timeout_ms)
        return engine
    # the server's planner told the truth about the room's disk: PostgreSQL's default random_page_cost (4) is for
    # spinning disks and made the search's ordered index walks look dearer than reading the whole volumes table (a
    # one-character search: 524 ms at 1,000,000 volumes, 7 ms at 1.1, the usual value for an SSD). Set for the
    # app's own sessions, so it needs no rights on the server and psql sessions keep the server's setting.
    return create_engine(url, echo=echo, pool_pre_ping=True, json_serializer=json_dumps,
                         connect_args={"options": f"-c random_page_cost={PG_RANDOM_PAGE_COST}"})


def json_dumps(value: object) -> str:
    """JSON as stored: Chinese kept as characters (searchable, half the size of \\u escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Database:
    """The catalogue: an engine plus two kinds of session.

    ``read()`` opens a session for look-ups; ``write()`` opens one whose transaction begins IMMEDIATE
    (SQLite) and commits on success, rolls back on any exception. Storage failures (disk full, file
    locked by another program, read-only) come out as :class:`StorageError` with a plain message.
    """

    def __init__(self, engine: Engine, path: Path | None = None, *, read_only: bool = False,
                 read_only_reason: str = "", url: str | None = None) -> None:
        self.engine = engine
        self.path = path
        #: a server catalogue's URL (``postgresql+psycopg://user@host/db``), None for a file
        self.url = url
        #: opened for reading only (read-only media or file, a network drive): search, printing and export work,
        #: saving is off
        self.read_only = read_only
        #: why, in the user's words (default: read-only media)
        self.read_only_reason = read_only_reason
        self.is_sqlite = engine.dialect.name == "sqlite"
        write_engine = engine.execution_options(sqlite_begin_immediate=True) if self.is_sqlite else engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)
        # a Database dropped without dispose() still closes its pooled connections (and so its -wal/-shm
        # files) when it is collected, instead of leaving them to the garbage collector one by one
        # (Python 3.13 warns "unclosed database" for each)
        self._finalizer = weakref.finalize(self, dispose_engine, engine)
        if engine.dialect.name == "postgresql":
            _install_postgresql(self._write)

    @property
    def location(self) -> str:
        """The catalogue as a message names it: the file, or the server URL without a password."""
        if self.path is not None:
            return str(self.path)
        return target_display(self.url) if self.url else str(self.engine.url.render_as_string(hide_password=True))

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False,
             immutable: bool = False, read_only_reason: str = "") -> Database:
        """A catalogue file, or the room's server given as a URL (``postgresql://user@host:5432/archive``)."""
        if is_server_url(path):
            url = server_url(str(path))
            return cls(make_engine(url), None, url=url, read_only=read_only, read_only_reason=read_only_reason)
        path = Path(path)
        if read_only:
            engine = make_read_only_engine(path, immutable=immutable, busy_timeout_ms=busy_timeout_ms)
            return cls(engine, path, read_only=True, read_only_reason=read_only_reason)
        return cls(make_engine(sqlite_url(path), busy_timeout_ms=busy_timeout_ms), path)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with translate_storage_errors(self.path), self._read() as session:
            yield session
            session.rollback()

    @contextlib.contextmanager
    def write(self, *, waiting: LockWaiter | None = None) -> Iterator[Session]:
        """A write session. With ``waiting`` (SQLite), a write lock held by another connection is waited for in
        short tries, calling ``waiting(seconds)`` between them; when it returns False the write is abandoned
        (:class:`WriteAbandoned`, nothing begun). Without it, SQLite's busy timeout applies."""
        if self.read_only:
            raise ReadOnlyCatalogueError(self.read_only_reason or read_only_message(),
                                         where=str(self.path) if self.path else None)
        if waiting is not None and self.is_sqlite:
            engine = self._write.kw["bind"].execution_options(sqlite_lock_waiter=waiting)
            factory = sessionmaker(engine, expire_on_commit=False)
        else:
            factory = self._write
        with translate_storage_errors(self.path), _translate_stale(), factory() as session, session.begin():
            if waiting is not None:
                session.connection()  # take the lock now, before the work (a lazy BEGIN would wait mid-way)
            if self.is_sqlite:
                yield session
                return
            # the server's clock for every time this transaction writes (archive_desk/clock.py)
            now_utc, today = session.execute(text("SELECT now() AT TIME ZONE 'UTC', CURRENT_DATE")).one()
            with clock.server_time(now_utc, today):
                yield session

    def dispose(self) -> None:
        dispose_engine(self.engine)  # (the finalizer's second dispose at collection costs nothing)


#: what a server catalogue's write sessions keep in step before each commit, registered by the services that own
#: it (services/audit.py: the trail, chained under its lock; services/search.py: the pinyin side table). The
#: database layer calls them and never imports the services; ``archive_desk.services`` registers both on import.
POSTGRESQL_WRITE_HOOKS: dict[str, Callable[[sessionmaker], None]] = {}
REQUIRED_POSTGRESQL_HOOKS = ("audit", "search")


def _install_postgresql(session_factory: sessionmaker) -> None:
    missing = [name for name in REQUIRED_POSTGRESQL_HOOKS if name not in POSTGRESQL_WRITE_HOOKS]
    if missing:  # a programming error: writing to the server without the trail's chaining would fork it
        raise RuntimeError("import archive_desk.services before opening a server catalogue (missing: "
                           + ", ".join(missing) + ")")
    for name in REQUIRED_POSTGRESQL_HOOKS:
        POSTGRESQL_WRITE_HOOKS[name](session_factory)
    for name, hook in list(POSTGRESQL_WRITE_HOOKS.items()):  # e.g. "live": NOTIFY the other PCs (after the trail)
        if name not in REQUIRED_POSTGRESQL_HOOKS:
            hook(session_factory)


def dispose_engine(engine: Engine) -> None:
    """``engine.dispose()``, and a connection still checked out then (a background search finishing after
    the window closed) is closed when it comes back instead of waiting in the dropped pool for the garbage
    collector (which leaves the file open until then, and Python 3.13 warns "unclosed database")."""
    old = engine.pool
    engine.dispose()
    event.listen(old, "checkin", _close_on_checkin)


def _close_on_checkin(dbapi_conn: object, _record: object) -> None:
    if dbapi_conn is not None:
        with contextlib.suppress(Exception):
            dbapi_conn.close()  # type: ignore[attr-defined]


@contextlib.contextmanager
def _translate_stale() -> Iterator[None]:
    """A versioned row changed by another workstation between this one's read and its write (the services check
    versions first and name the record; this is the net under them): a plain message, nothing saved."""
    try:
        yield
    except StaleDataError as exc:
        raise StaleEditError(t("Another workstation saved a change to the same record at the same moment. Nothing "
                               "was saved; reload and try again.")) from exc


def network_drive_message() -> str:
    return t("This catalogue is on a network drive. SQLite cannot share a file over a network safely (its WAL mode"
             " does not work on network file systems, and the file can be damaged), so it is open read-only: saving is"
             " off. To share one catalogue between workstations, use the room's PostgreSQL server; to work alone, copy"
             " the file to this PC.")


def read_only_message() -> str:
    return t("This catalogue is open read-only (the file or its folder cannot be written, e.g. a CD or a write-protected"
             " drive): saving is off. Search, printing and export work; to make changes, copy the file to a writable folder.")


@contextlib.contextmanager
def translate_storage_errors(path: Path | None) -> Iterator[None]:
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        translated = storage_error(exc, path)
        if translated is exc:
            raise
        raise translated from exc


def storage_error(exc: BaseException, path: Path | None) -> BaseException:
    """A :class:`StorageError` with one message per kind of storage failure (by SQLite's result codes, see
    ``db/storage_errors.py``); any other error is returned as it is."""
    problem = classify(exc)
    if problem is None:
        return exc
    return StorageError(_STORAGE_MESSAGES[problem](), where=str(path) if path else "")


_STORAGE_MESSAGES = {
    StorageProblem.FULL: lambda: t("The disk holding the catalogue is full; nothing was saved. Free some space and try again."),
    StorageProblem.IO: lambda: t("The disk holding the catalogue failed to read or write (an I/O error); nothing was saved. "
                                 "Check the disk or the network connection and try again."),
    StorageProblem.BUSY: lambda: t("The catalogue is busy: another workstation is saving. Nothing was saved; try again in a moment."),
    StorageProblem.LOCKED: lambda: t("The catalogue is busy with another task of this window. Nothing was saved; try again in a moment."),
    StorageProblem.READONLY: lambda: t("The catalogue file is read-only; nothing was saved."),
    StorageProblem.CORRUPT: lambda: t("The catalogue file is damaged or is not a catalogue; nothing was saved. "
                                      "Run “check” on it, or open the newest verified backup."),
    StorageProblem.CANTOPEN: lambda: t("The catalogue file cannot be opened."),
}
