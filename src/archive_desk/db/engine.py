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
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from archive_desk.db import fts, sealing
from archive_desk.errors import StorageError
from archive_desk.i18n import t

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path | str) -> URL:
    return URL.create("sqlite+pysqlite", database=str(Path(path)))


def _install_sqlite_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transaction control away from pysqlite (it would start them lazily and break SAVEPOINT).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cur.execute("PRAGMA foreign_keys=ON")
            mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
            if mode and str(mode[0]).lower() not in ("wal", "memory"):
                # a read-only medium or an old network share: we still work, just without WAL
                pass
            cur.execute("PRAGMA synchronous=FULL")
        finally:
            cur.close()
        # the search index's triggers call these (db/fts.py); registering is cheap, the work is lazy
        fts.register_functions(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("sqlite_begin_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    # seals of rows and audit entries, and the workstation's anchor of the trail's head (db/sealing.py)
    sealing.install(engine)


def make_engine(url: URL | str, *, echo: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": busy_timeout_ms / 1000},
                               json_serializer=json_dumps)
        _install_sqlite_pragmas(engine, busy_timeout_ms)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, json_serializer=json_dumps)


def json_dumps(value: object) -> str:
    """JSON as stored: Chinese kept as characters (searchable, half the size of \\u escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Database:
    """The catalogue: an engine plus two kinds of session.

    ``read()`` opens a session for look-ups; ``write()`` opens one whose transaction begins IMMEDIATE
    (SQLite) and commits on success, rolls back on any exception. Storage failures (disk full, file
    locked by another program, read-only) come out as :class:`StorageError` with a plain message.
    """

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self.is_sqlite = engine.dialect.name == "sqlite"
        write_engine = engine.execution_options(sqlite_begin_immediate=True) if self.is_sqlite else engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
        path = Path(path)
        return cls(make_engine(sqlite_url(path), busy_timeout_ms=busy_timeout_ms), path)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with translate_storage_errors(self.path), self._read() as session:
            yield session
            session.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        with translate_storage_errors(self.path), self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def translate_storage_errors(path: Path | None) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        raise storage_error(exc, path) from exc
    except sqlite3.OperationalError as exc:
        raise storage_error(exc, path) from exc


def storage_error(exc: BaseException, path: Path | None) -> BaseException:
    text = str(exc).lower()
    where = str(path) if path else ""
    if "database or disk is full" in text or "disk i/o error" in text:
        return StorageError(t("The disk holding the catalogue is full or failing; nothing was saved. Free some space and try again."), where=where)
    if "database is locked" in text or "busy" in text:
        return StorageError(t("The catalogue is busy: another workstation is saving. Nothing was saved; try again in a moment."), where=where)
    if "readonly" in text or "read-only" in text:
        return StorageError(t("The catalogue file is read-only; nothing was saved."), where=where)
    if "unable to open" in text:
        return StorageError(t("The catalogue file cannot be opened."), where=where)
    return exc
