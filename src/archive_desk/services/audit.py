"""The audit trail: every mutation writes one row in the same transaction, chained by SHA-256.

``hash = sha256(prev_hash + canonical JSON of (at, user, workstation, action, entity, entity_id,
before, after))``. Changing, inserting or removing any row breaks the chain at that row, which
:func:`verify_chain` reports. There is no service that edits or deletes audit rows.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sqlite3
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from archive_desk.db import sealing
from archive_desk.errors import StorageError
from archive_desk.i18n import t
from archive_desk.models import AuditEntry
from archive_desk.models.base import table_of, utcnow

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who is doing something, and at which workstation."""

    user: str
    workstation: str = field(default_factory=platform.node)
    #: the account's role (services.access.ROLES); None on a catalogue that has no accounts yet, where every
    #: action is allowed and the trail marks the user as not authenticated
    role: str | None = None
    #: the highest 密级 this account may read (公开 < 内部 < 秘密 < 机密); None = no accounts: everything visible
    clearance: str | None = None
    #: extra rights granted to the account beyond its role (e.g. "approve", "personal_data")
    rights: frozenset[str] = frozenset()
    #: True when the user logged in with a password (an account), False for a configured clerk name
    authenticated: bool = False

    @classmethod
    def current(cls) -> Actor:
        """The actor of a catalogue without accounts: the workstation's configured clerk name (settings), not
        authenticated. Never the system's login name (``USER``/``LOGNAME`` say nothing about who is at the desk).
        Once a catalogue has accounts, the actor comes from ``services.accounts.login``."""
        from archive_desk.settings import Settings  # noqa: PLC0415

        try:
            clerk = Settings.load().clerk_name.strip()
        except Exception:  # noqa: BLE001 - an unreadable settings file: nobody configured
            clerk = ""
        return cls(user=clerk or NO_CLERK, workstation=platform.node() or "unknown")

    @property
    def trail_user(self) -> str:
        """The user as the trail records it: an account's name, or a clerk name marked as not authenticated."""
        if self.authenticated:
            return self.user
        return f"{self.user[:64 - len(UNAUTHENTICATED)]}{UNAUTHENTICATED}"


#: the trail's user where no clerk name is configured on a catalogue without accounts
NO_CLERK = "-"
#: what follows the user in the trail when nobody logged in (a catalogue without accounts)
UNAUTHENTICATED = " [unauthenticated]"


def _default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot put {type(value).__name__} in the audit trail")


def canonical_json(value: Mapping[str, Any] | None) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default)


def _format_at(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def entry_hash(prev_hash: str, at: datetime, user: str, workstation: str, action: str, entity: str,
               entity_id: int | None, before: str, after: str) -> str:
    body = json.dumps(
        [_format_at(at), user, workstation, action, entity, entity_id, before, after],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    value = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return value or GENESIS


def _seal_key(session: Session) -> bytes | None:
    """The room key of this write transaction (db/sealing.py), or None where nothing is sealed (PostgreSQL, a
    catalogue before 0004). A sealed catalogue on a workstation without its key refuses to change."""
    context = sealing.write_context(session.connection().info)
    if context is None:
        return None
    if context.missing_key:
        if context.seals_removed:
            raise StorageError(t("The catalogue's seals were removed or altered outside ArchiveDesk; nothing was saved. "
                                 "Run “archive-desk check” and, once the findings are understood, “archive-desk check --reseal”."))
        raise StorageError(t("This workstation does not hold the room key of this catalogue; nothing was saved. "
                             "Enter it from the printed recovery sheet: archive-desk check --import-key KEY"))
    return context.key


def _mac(key: bytes | None, digest: str) -> str | None:
    return sealing.audit_mac(key, digest) if key is not None else None


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """Append one audit row inside the caller's transaction (which, on SQLite, began IMMEDIATE,
    so no other writer can slip a row in between reading the last hash and writing ours; on PostgreSQL
    the row is chained when the transaction commits, under the trail's lock: :func:`install_postgresql`)."""
    if _defer(session, [(action, entity, entity_id, before, after)], actor):
        return
    session.flush()
    key = _seal_key(session)
    prev = last_hash(session)
    at = utcnow()
    b, a = canonical_json(before), canonical_json(after)
    digest = entry_hash(prev, at, actor.trail_user, actor.workstation, action, entity, entity_id, b, a)
    session.execute(
        insert(AuditEntry).values(
            at=at, user=actor.trail_user, workstation=actor.workstation, action=action, entity=entity,
            entity_id=entity_id, before=b, after=a, prev_hash=prev, hash=digest, mac=_mac(key, digest),
        )
    )


def record_many(
    session: Session,
    actor: Actor,
    entries: list[tuple[str, str, int | None, Mapping[str, Any] | None, Mapping[str, Any] | None]],
) -> None:
    """Append many audit rows (action, entity, entity_id, before, after) in one go: the chain is
    computed here from one read of the last hash, then inserted with one executemany."""
    if not entries:
        return
    if _defer(session, entries, actor):
        return
    session.flush()
    key = _seal_key(session)
    prev = last_hash(session)
    at = utcnow()
    rows = []
    for action, entity, entity_id, before, after in entries:
        b, a = canonical_json(before), canonical_json(after)
        digest = entry_hash(prev, at, actor.trail_user, actor.workstation, action, entity, entity_id, b, a)
        rows.append({"at": at, "user": actor.trail_user, "workstation": actor.workstation, "action": action, "entity": entity,
                     "entity_id": entity_id, "before": b, "after": a, "prev_hash": prev, "hash": digest,
                     "mac": _mac(key, digest)})
        prev = digest
    _insert_rows(session, rows)


_AUDIT_COLUMNS = ("at", "user", "workstation", "action", "entity", "entity_id", "before", "after", "prev_hash", "hash", "mac")


def _insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), 2000):
            session.execute(insert(table_of(AuditEntry)), rows[start:start + 2000])
        return
    # SQLite: one executemany on the driver's connection, the time stamp written once as SQLAlchemy
    # writes it (an import appends 100,000 entries; SQLAlchemy's per-row handling was a fifth of its commit)
    table = table_of(AuditEntry)
    at_column = table.c.at
    process = at_column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    stamps: dict[datetime, Any] = {}
    params = []
    for row in rows:
        at = row["at"]
        if at not in stamps:
            stamps[at] = process(at) if process is not None else at
        params.append((stamps[at], *(row[name] for name in _AUDIT_COLUMNS[1:])))
    sql = f"INSERT INTO {table.name} ({', '.join(_AUDIT_COLUMNS)}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})"  # noqa: S608
    cast(sqlite3.Connection, connection.connection.driver_connection).executemany(sql, params)


# ---------------------------------------------------------------- one trail, many workstations (PostgreSQL)
#
# Two workstations appending at once must never fork the chain: each reads the head and links to it, so
# reading the head and inserting must not interleave. SQLite serialises whole write transactions (BEGIN
# IMMEDIATE). On PostgreSQL the entries of a transaction wait in a temporary table of its own connection
# (``audit_pending``: savepoints and rollbacks drop them with the changes they describe) and are chained
# just before COMMIT under a transaction-level advisory lock: the lock is held from reading the head to the
# commit, a few milliseconds for an edit and well under 2 s for an import of 100,000 rows (COPY), never for
# the length of the import's own work, so other desks do not wait behind a long import.

#: the key of the trail's advisory lock (pg_advisory_xact_lock): "ARCHDESK" read as an integer, held to COMMIT
TRAIL_LOCK = 0x4152434844455348 & 0x7FFFFFFFFFFFFFFF
_PENDING_COLUMNS = ('"user"', "workstation", "action", "entity", "entity_id", "before", "after")
_PENDING_DDL = ("CREATE TEMP TABLE IF NOT EXISTS audit_pending (seq bigserial PRIMARY KEY, \"user\" text NOT NULL,"
                " workstation text NOT NULL, action text NOT NULL, entity text NOT NULL, entity_id integer,"
                " before text NOT NULL, after text NOT NULL) ON COMMIT DELETE ROWS")


_PENDING_ENGINES: weakref.WeakSet[Any] = weakref.WeakSet()


def install_postgresql(session_factory: Any) -> None:
    """Chain the transaction's pending entries before each commit of ``session_factory``'s sessions, and give
    every new connection of its engine the ``audit_pending`` table."""
    from sqlalchemy import event  # noqa: PLC0415

    engine = session_factory.kw["bind"]
    engine = getattr(engine, "engine", engine)
    if engine not in _PENDING_ENGINES:
        _PENDING_ENGINES.add(engine)
        event.listen(engine, "connect", _create_pending_table)
        engine.dispose()  # connections made before this point have no table: let the pool make new ones
    event.listen(session_factory, "before_commit", append_pending)


def _create_pending_table(dbapi_conn: Any, _record: object) -> None:
    with dbapi_conn.cursor() as cur:
        cur.execute(_PENDING_DDL)
    dbapi_conn.commit()


def _defer(session: Session, entries: list[tuple[str, str, int | None, Mapping[str, Any] | None, Mapping[str, Any] | None]],
           actor: Actor) -> bool:
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    rows = [(actor.trail_user, actor.workstation, action, entity, entity_id, canonical_json(before), canonical_json(after))
            for action, entity, entity_id, before, after in entries]
    driver = connection.connection.driver_connection
    assert driver is not None  # noqa: S101 - narrows the type; a checked-out connection has its driver's
    cursor = driver.cursor()
    try:
        with cursor.copy(f"COPY audit_pending ({', '.join(_PENDING_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()
    session.info["audit_pending"] = True
    return True


def append_pending(session: Session) -> None:
    """Chain and insert the transaction's pending entries (PostgreSQL, before COMMIT): take the trail's lock,
    read the head, hash, COPY into ``audit_log``. The lock is released by the commit that follows."""
    if not session.info.pop("audit_pending", False):
        return
    session.flush()
    connection = session.connection()
    raw = connection.connection.driver_connection
    assert raw is not None  # noqa: S101 - narrows the type; a checked-out connection has its driver's
    with raw.cursor() as cur:
        cur.execute(f"SELECT {', '.join(_PENDING_COLUMNS)} FROM audit_pending ORDER BY seq")  # noqa: S608
        pending = cur.fetchall()
        if not pending:  # the savepoints that held them were rolled back
            return
        cur.execute("SELECT pg_advisory_xact_lock(%s), clock_timestamp() AT TIME ZONE 'UTC'", (TRAIL_LOCK,))
        at = cur.fetchone()[1]
        cur.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
        head = cur.fetchone()
        prev = head[0] if head else GENESIS
        with cur.copy("COPY audit_log (at, \"user\", workstation, action, entity, entity_id, before, after, prev_hash, hash)"
                      " FROM STDIN") as copy:
            for user, workstation, action, entity, entity_id, b, a in pending:
                digest = entry_hash(prev, at, user, workstation, action, entity, entity_id, b, a)
                copy.write_row((at, user, workstation, action, entity, entity_id, b, a, prev, digest))
                prev = digest
        cur.execute("DELETE FROM audit_pending")


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, as (old values, new values)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    reason: str


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    workstation: str
    action: str
    entity: str
    entity_id: int | None
    before: str
    after: str


def iter_rows(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id
        session.expunge_all()


def verify_chain(session: Session) -> list[ChainProblem]:
    """Walk the whole trail; report every row whose link or content does not match."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    for row in iter_rows(session):
        if row.prev_hash != prev:
            problems.append(ChainProblem(row.id, "prev_hash does not match the row before (a row was removed or inserted)"))
        expected = entry_hash(row.prev_hash, row.at, row.user, row.workstation, row.action, row.entity,
                              row.entity_id, row.before, row.after)
        if expected != row.hash:
            problems.append(ChainProblem(row.id, "content does not match its hash (the row was altered)"))
        prev = row.hash
    return problems


def history(session: Session, entity: str, entity_id: int, limit: int = 200) -> list[AuditRow]:
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    ).all()
    return [AuditRow(r.id, r.at, r.user, r.workstation, r.action, r.entity, r.entity_id, r.before, r.after) for r in rows]


def _register() -> None:
    from archive_desk.db import engine  # noqa: PLC0415

    engine.POSTGRESQL_WRITE_HOOKS["audit"] = install_postgresql


_register()
