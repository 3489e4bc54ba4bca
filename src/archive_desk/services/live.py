"""Seeing colleagues' work: what other workstations changed, as :class:`~archive_desk.services.ops.OpChanges`.

The window (``ui/live.py``) hands these to the one app-wide ``changed`` signal, so a loan, return, edit or
shelving done at another PC repaints this PC's open screens within about a second, without F5. Qt-free; two ways
of noticing, one per engine:

- **The room's server (PostgreSQL)**: every write session that changed something sends, at commit,
  ``NOTIFY archive_desk`` with what it changed (:func:`install_postgresql`, a ``before_commit`` hook next to the
  trail's). NOTIFY is transactional: a rolled-back write says nothing, a committed one is heard by every
  listening PC at once. :class:`ServerListener` holds one connection of its own that ``LISTEN``\\ s (it blocks in a
  worker thread, never the GUI's).
- **A file on this PC (SQLite)**: SQLite has no notifications. :class:`FileWatch` keeps one connection of its own
  and asks ``PRAGMA data_version`` (it changes when another connection committed; a cheap read of a counter in
  shared memory); when it moved, the audit trail since the last entry seen says what changed (volume, loan, layer
  ids by entity): every catalogue change is audited.

The window's own writes come back too (on the server they are recognised by their origin and skipped; on a file
they repaint the same rows once more, which costs nothing a clerk notices).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sqlite3
import threading
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from archive_desk.db import engine as db_engine
from archive_desk.db.engine import Database
from archive_desk.models.audit import AuditEntry
from archive_desk.models.loans import LoanLine
from archive_desk.services import ops
from archive_desk.services.ops import OpChanges

log = logging.getLogger(__name__)

#: the NOTIFY channel of a server catalogue
CHANNEL = "archive_desk"
#: in ``OpChanges.operations`` of changes made at another workstation (or by another program on this PC)
REMOTE = "live.remote"
#: PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: beyond this the ids are left out (areas reload whole)
MAX_PAYLOAD = 7000
#: at most this many trail entries are read per look (a big import elsewhere: its areas reload whole)
MAX_ENTRIES = 2000

#: the area of each audited entity (the trail's ``entity`` column)
ENTITY_AREAS: dict[str, str] = {
    "volume": ops.CATALOGUE, "item": ops.CATALOGUE, "fonds": ops.CATALOGUE, "category": ops.CATALOGUE,
    "catalogue": ops.CATALOGUE,
    "loan": ops.LENDING, "borrower": ops.LENDING,
    "room": ops.SHELVES, "rack": ops.SHELVES, "layer": ops.SHELVES,
    "stocktake": ops.STOCKTAKE,
    "transfer_batch": ops.TRANSFERS, "transfer_line": ops.TRANSFERS, "appraisal": ops.TRANSFERS,
    "appraisal_line": ops.TRANSFERS,
    "setting": ops.SETTINGS, "user": ops.ACCOUNTS, "backup": ops.BACKUPS,
}
ALL_AREAS = frozenset({ops.CATALOGUE, ops.SHELVES, ops.LABELS, ops.LENDING, ops.TRANSFERS, ops.STOCKTAKE,
                       ops.SETTINGS, ops.ACCOUNTS, ops.BACKUPS, ops.AUDIT})


def origin_of(bind: Any) -> str:
    """Who sent a notice: this PC, this process and this catalogue handle (its connection pool)."""
    engine = getattr(bind, "engine", bind)
    return f"{socket.gethostname()}:{os.getpid()}:{id(engine.pool):x}"


# ------------------------------------------------------------------------------------------ the trail (files)


def trail_head(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEntry.id))) or 0)


def changes_since(session: Session, after_id: int) -> tuple[OpChanges, int]:
    """What the trail entries after ``after_id`` changed, and the last entry's id (``after_id`` when none)."""
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.action)
        .where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(MAX_ENTRIES + 1)).all()
    if not rows:
        return OpChanges(), after_id
    if len(rows) > MAX_ENTRIES:  # a big import or move elsewhere: everything reloads, ids are not worth reading
        return OpChanges(areas=ALL_AREAS, bulk=ALL_AREAS, operations=(REMOTE,)), trail_head(session)
    volumes: set[int] = set()
    new_volumes: set[int] = set()
    items: set[int] = set()
    loans: set[int] = set()
    layers: set[int] = set()
    areas: set[str] = {ops.AUDIT}
    bulk: set[str] = set()
    for _id, entity, entity_id, action in rows:
        area = ENTITY_AREAS.get(entity)
        if area is None:
            continue
        areas.add(area)
        if entity_id is None:  # a change of many rows (an import, a recount, a bulk move)
            bulk.add(area)
            continue
        if entity == "volume":
            volumes.add(entity_id)
            if action.endswith((".create", ".import")):
                new_volumes.add(entity_id)
            if action.startswith(("volume.shelve", "location")):
                areas.add(ops.SHELVES)
        elif entity == "item":
            items.add(entity_id)
        elif entity == "loan":
            loans.add(entity_id)
        elif entity == "layer":
            layers.add(entity_id)
    if loans:  # a loan's volumes (lent, returned) repaint in the catalogue too
        volumes.update(session.scalars(select(LoanLine.volume_id).where(LoanLine.loan_id.in_(loans))))
        areas.add(ops.CATALOGUE)
    return OpChanges(volumes=frozenset(volumes), items=frozenset(items), loans=frozenset(loans),
                     locations=frozenset(layers), areas=frozenset(areas), new_volumes=frozenset(new_volumes),
                     bulk=frozenset(bulk), operations=(REMOTE,)), rows[-1][0]


class FileWatch:
    """``PRAGMA data_version`` on a connection of its own, then the trail since the last entry seen.

    ``poll()`` is quick (one pragma) when nothing changed; call it about once a second from the GUI thread."""

    def __init__(self, db: Database) -> None:
        self.db = db
        fairy = db.engine.raw_connection()
        self._conn: sqlite3.Connection | None = cast(sqlite3.Connection, fairy.driver_connection)  # SQLite's way of noticing
        fairy.detach()  # kept for this watch alone: data_version is per connection
        self._version = self._data_version()
        with db.read() as session:
            self.last_id = trail_head(session)

    def _data_version(self) -> int:
        assert self._conn is not None  # noqa: S101 - narrows the type; only called while the watch is open
        cur = self._conn.cursor()
        try:
            cur.execute("PRAGMA data_version")
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def poll(self) -> OpChanges:
        if self._conn is None:
            return OpChanges()
        version = self._data_version()
        if version == self._version:
            return OpChanges()
        self._version = version
        with self.db.read() as session:
            changes, self.last_id = changes_since(session, self.last_id)
        return changes

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None


# ------------------------------------------------------------------------------------ the server (PostgreSQL)


def payload(changes: OpChanges, origin: str) -> str:
    """The NOTIFY text of a write: its origin and what it changed (ids left out when too long)."""
    body: dict[str, Any] = {"origin": origin, "areas": sorted(changes.areas), "bulk": sorted(changes.bulk),
                            "volumes": sorted(changes.volumes), "new_volumes": sorted(changes.new_volumes),
                            "items": sorted(changes.items), "loans": sorted(changes.loans),
                            "locations": sorted(changes.locations)}
    raw = json.dumps(body, separators=(",", ":"))
    if len(raw.encode()) > MAX_PAYLOAD:
        areas = sorted(changes.areas | changes.bulk)
        raw = json.dumps({"origin": origin, "areas": areas, "bulk": areas}, separators=(",", ":"))
    return raw


def parse_payload(raw: str) -> tuple[str, OpChanges]:
    """(origin, changes) of a NOTIFY text; anything unreadable is a change of every area."""
    try:
        body = json.loads(raw)

        def ids(key: str) -> frozenset[int]:
            return frozenset(int(x) for x in body.get(key, ()))

        return str(body.get("origin", "")), OpChanges(
            volumes=ids("volumes"), items=ids("items"), loans=ids("loans"), locations=ids("locations"),
            areas=frozenset(map(str, body.get("areas", ()))) | {ops.AUDIT},
            new_volumes=ids("new_volumes"), bulk=frozenset(map(str, body.get("bulk", ()))), operations=(REMOTE,))
    except (ValueError, TypeError, AttributeError):
        return "", OpChanges(areas=ALL_AREAS, bulk=ALL_AREAS, operations=(REMOTE,))


def _notify(session: Session) -> None:
    session.flush()  # (the commit's own flush comes after this hook)
    changes = ops.changes_of(session)
    if not changes:
        return
    bind = session.get_bind()
    session.execute(text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": CHANNEL, "payload": payload(changes, origin_of(bind))})


def install_postgresql(session_factory: sessionmaker) -> None:
    """Every commit of ``session_factory``'s sessions that changed something tells the listening PCs."""
    event.listen(session_factory, "before_commit", _notify)


class ServerListener:
    """``LISTEN archive_desk`` on a connection of its own, in a thread: ``on_changes(changes)`` is called (from that
    thread) for every other handle's committed write. ``stop()`` ends the thread within about a second."""

    def __init__(self, db: Database, on_changes: Callable[[OpChanges], None]) -> None:
        self.db = db
        self.on_changes = on_changes
        self.origin = origin_of(db.engine)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="archive-desk-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(10)

    def _run(self) -> None:
        try:
            fairy = self.db.engine.raw_connection()
            conn = fairy.driver_connection
            assert conn is not None  # noqa: S101 - narrows the type; a checked-out connection has its driver's
            fairy.detach()  # ours alone until the thread ends (the pool never hands it out)
            conn.autocommit = True
        except Exception:
            log.exception("cannot listen for other workstations' changes")
            self._ready.set()
            return
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.5, stop_after=1):
                    origin, changes = parse_payload(note.payload)
                    if origin != self.origin and changes:
                        self.on_changes(changes)
        except Exception:
            if not self._stop.is_set():
                log.exception("listening for other workstations' changes stopped")
        finally:
            self._ready.set()
            with contextlib.suppress(Exception):
                conn.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)


def _register() -> None:
    db_engine.POSTGRESQL_WRITE_HOOKS["live"] = install_postgresql


_register()
