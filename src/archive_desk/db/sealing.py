"""Seals: the catalogue's rows and audit entries keyed with a room key the file does not hold.

See ``docs/tamper-evidence.md`` for the design in plain words. In short:

* every catalogue gets an identity (``catalogue_settings['integrity.catalogue_id']``) and a 256-bit room key,
  kept OUTSIDE the file in the workstation's config folder (``<config>/integrity/<id>.key``);
* every audit entry carries ``mac = HMAC(key, hash)`` (the hash chains the whole trail before it);
* every row of the sealed tables (:data:`SEALED`) has a seal ``HMAC(key, table, id, row)`` in ``row_seal``;
  the app re-seals, at commit, exactly the rows it changed in that transaction (TEMP triggers on the app's own
  connections collect them: a sqlite3 shell or any other program has no such triggers, its edits stay unsealed);
* ``seal_state`` (one row, MAC'd) binds the head of the trail to per-table counts and sums of the row seals, so
  removing rows together with their seals, or putting back one old row with its old seal, is seen too;
* after each commit that moved the head, the head (id, hash) is written to this workstation's anchor file
  (``<config>/integrity/<id>.anchor.json``): a trail shorter than the anchor, or a different entry at the
  anchor's id, is a shortened, rolled-back or rewritten trail (an older copy put back, a lost WAL).

Pure ``sqlite3`` + ``hmac``: no ORM, so the raw bulk writers (the demo) and ``check`` use the same code.
SQLite only; on PostgreSQL nothing is sealed yet.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive_desk import atomic

CATALOGUE_ID_KEY = "integrity.catalogue_id"  # catalogue_settings key: the catalogue's identity (a UUID)
KEY_BYTES = 32

#: The tables whose rows are sealed and the columns a seal covers (fixed here: a column another migration adds
#: later is not covered until it is listed here with a new SEAL_VERSION and the catalogue re-sealed).
#: Counters that triggers derive from other rows (layers.used_count/used_mm) are left out.
SEALED: dict[str, tuple[str, ...]] = {
    "volumes": ("code", "barcode", "fonds_id", "category_id", "year", "retention", "security", "security_period",
                "org_code", "sequence", "box_no", "item_start", "item_end", "title", "responsible", "start_date",
                "end_date", "pages", "item_count", "notes", "status", "custom", "layer_id", "shelf_position",
                "thickness_mm", "label_printed_at", "created_at", "created_by", "updated_at", "updated_by", "version"),
    "items": ("volume_id", "seq", "code", "doc_no", "responsible", "title", "date", "security", "pages", "page_start",
              "page_end", "notes", "removed", "created_at", "created_by", "updated_at", "updated_by", "version"),
    "loans": ("slip_no", "borrower_id", "purpose", "use_mode", "lent_at", "due_date", "approver", "approval_opinion",
              "clerk", "renewals", "status", "notes", "created_at", "created_by", "updated_at", "updated_by", "version"),
    "loan_lines": ("loan_id", "volume_id", "pages_out", "returned_at", "returned_to", "pages_back", "condition",
                   "condition_note", "outcome"),
    "rooms": ("number", "code", "name", "notes", "active"),
    "racks": ("room_id", "number", "kind", "sides", "columns", "sections", "layers", "active"),
    "layers": ("rack_id", "side", "column", "section", "layer", "code", "barcode", "capacity_count", "capacity_mm",
               "reserved_for", "active"),
    "location_moves": ("volume_id", "from_layer_id", "to_layer_id", "from_position", "to_position", "at", "by",
                       "reason"),
}
SEAL_VERSION = 1
#: in seal_state.tables: rows the app found changed outside it when it changed them again ({table: [[id, entry], …]})
BROKEN_KEY = "_changed_outside"
_LOW = 0xFFFFFFFF


class KeyMissingError(Exception):
    """The catalogue is sealed but this workstation does not hold its room key (raised as a UserError by audit)."""


# ---------------------------------------------------------------------------------------------- keys and anchors

def integrity_dir() -> Path:
    from archive_desk.settings import config_dir

    return config_dir() / "integrity"


def key_path(catalogue_id: str) -> Path:
    return integrity_dir() / f"{catalogue_id}.key"


def anchor_path(catalogue_id: str) -> Path:
    return integrity_dir() / f"{catalogue_id}.anchor.json"


_KEYS: dict[str, bytes] = {}


def load_key(catalogue_id: str) -> bytes | None:
    if catalogue_id in _KEYS:
        return _KEYS[catalogue_id]
    try:
        text = key_path(catalogue_id).read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError):
        return None
    if len(key) != KEY_BYTES:
        return None
    _KEYS[catalogue_id] = key
    return key


def store_key(catalogue_id: str, key: bytes) -> Path:
    path = key_path(catalogue_id)
    atomic.write_text(path, key.hex() + "\n")
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    _KEYS[catalogue_id] = key
    return path


def key_id(key: bytes) -> str:
    """A short fingerprint of the key (printed on the recovery sheet; kept in ``seal_state``)."""
    return hmac.new(key, b"archive-desk key id", hashlib.sha256).hexdigest()[:16]


def format_key(key: bytes) -> str:
    """The key as a person copies it: 16 groups of 4 hex digits."""
    text = key.hex().upper()
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text if ch not in " -\t\r\n")
    key = bytes.fromhex(cleaned)
    if len(key) != KEY_BYTES:
        raise ValueError("a room key has 64 hexadecimal digits")
    return key


@dataclass(frozen=True)
class Anchor:
    catalogue_id: str
    head_id: int
    head_hash: str
    at: str
    path: str


def read_anchor(catalogue_id: str) -> Anchor | None:
    try:
        raw = json.loads(anchor_path(catalogue_id).read_text(encoding="utf-8"))
        return Anchor(raw["catalogue_id"], int(raw["head_id"]), str(raw["head_hash"]), str(raw["at"]), str(raw["path"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_anchor(catalogue_id: str, head_id: int, head_hash: str, path: str) -> None:
    """Move this workstation's anchor forward (never back: a head at or below it is left as it is)."""
    old = read_anchor(catalogue_id)
    if old is not None and old.head_id >= head_id:
        return
    at = datetime.now(UTC).isoformat(timespec="seconds")
    atomic.write_text(anchor_path(catalogue_id), json.dumps(
        {"catalogue_id": catalogue_id, "head_id": head_id, "head_hash": head_hash, "at": at, "path": path},
        ensure_ascii=False, indent=1))


def accept_head(catalogue_id: str, head_id: int, head_hash: str, path: str) -> None:
    """Set this workstation's anchor to the given head even if it is older (a restore from a backup, recorded in
    the restored trail, or ``check --reseal``): from now on the restored file is the one expected."""
    anchor_path(catalogue_id).unlink(missing_ok=True)
    write_anchor(catalogue_id, head_id, head_hash, path)


def anchors_for_path(path: Path) -> list[Anchor]:
    """Anchors this workstation keeps for a catalogue at ``path`` (to notice a file whose identity was changed)."""
    found = []
    target = str(path.resolve())
    with contextlib.suppress(OSError):
        for file in integrity_dir().glob("*.anchor.json"):
            anchor = read_anchor(file.name.removesuffix(".anchor.json"))
            if anchor is not None and anchor.path == target:
                found.append(anchor)
    return found


# ---------------------------------------------------------------------------------------------- MACs

def audit_mac(key: bytes, entry_hash: str) -> str:
    return hmac.digest(key, b"audit:" + entry_hash.encode("ascii"), "sha256").hex()  # one-shot: the C fast path


def _row_mac_function(key: bytes) -> Callable[[bytes], int]:
    # keyed BLAKE2b is a MAC in its own right; copying a keyed state is cheaper than keying one per row
    base = hashlib.blake2b(key=key, digest_size=8, person=b"row-seal")

    def row_mac(text: bytes) -> int:
        h = base.copy()
        h.update(text)
        return int.from_bytes(h.digest(), "big") >> 1  # 63 bits: a SQLite integer
    return row_mac


def register_functions(conn: sqlite3.Connection, key: bytes) -> None:
    conn.create_function("seal_row_mac", 1, _row_mac_function(key), deterministic=True)


def row_text_sql(table: str, alias: str = "r") -> str:
    """SQL for a row's canonical text: ``table:id:`` then each sealed column as an SQL literal (``%Q``: text
    quoted, NULL as NULL), in one ``printf`` (five times faster than ``quote()||…`` over a million rows)."""
    columns = SEALED[table]
    fmt = f"{table}:%d:" + ",".join(["%Q"] * len(columns))
    return f"printf('{fmt}', {alias}.id, " + ", ".join(f'{alias}."{column}"' for column in columns) + ")"


def row_mac_sql(table: str, alias: str = "r") -> str:
    return f"seal_row_mac(CAST({row_text_sql(table, alias)} AS BLOB))"  # a BLOB reaches Python as bytes: no decoding


def state_mac(key: bytes, state: dict[str, Any]) -> str:
    body = json.dumps([state["key_id"], state["version"], state["sealed_from"], state["sealed_at"], state["head_id"],
                       state["head_hash"], state["tables"], state.get("broken") or {}], sort_keys=True, separators=(",", ":"))
    return hmac.new(key, b"state:" + body.encode("utf-8"), hashlib.sha256).hexdigest()


# ---------------------------------------------------------------------------------------------- catalogue helpers

def has_seal_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='seal_state'").fetchone()
    return row is not None


def catalogue_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM catalogue_settings WHERE key=?", (CATALOGUE_ID_KEY,)).fetchone()
    if row is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        value = json.loads(row[0])
        if isinstance(value, str) and value:
            return value
    return None


def read_state(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT key_id, version, sealed_from, sealed_at, head_id, head_hash, tables, mac"
                       " FROM seal_state WHERE id=1").fetchone()
    if row is None:
        return None
    tables = json.loads(row[6])
    broken = tables.pop(BROKEN_KEY, {})
    return {"key_id": row[0], "version": row[1], "sealed_from": row[2], "sealed_at": row[3], "head_id": row[4],
            "head_hash": row[5], "tables": tables, "broken": broken, "mac": row[7]}


def _write_state(conn: sqlite3.Connection, key: bytes, state: dict[str, Any]) -> None:
    state["mac"] = state_mac(key, state)
    conn.execute(
        "INSERT OR REPLACE INTO seal_state (id, key_id, version, sealed_from, sealed_at, head_id, head_hash, tables, mac)"
        " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        (state["key_id"], state["version"], state["sealed_from"], state["sealed_at"], state["head_id"],
         state["head_hash"], json.dumps({**state["tables"], **({BROKEN_KEY: state["broken"]} if state.get("broken") else {})},
                                        sort_keys=True, separators=(",", ":")), state["mac"]))


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _sums(conn: sqlite3.Connection, table: str, where: str = "", params: tuple = ()) -> list[int]:
    row = conn.execute(f"SELECT count(*), coalesce(sum(mac & {_LOW}), 0), coalesce(sum(mac >> 32), 0)"  # noqa: S608
                       f" FROM row_seal WHERE tbl=? {where}", (table, *params)).fetchone()
    return [int(row[0]), int(row[1]), int(row[2])]


def ensure_identity(conn: sqlite3.Connection) -> tuple[str, bytes, bool]:
    """The catalogue's id and key, creating both (the key file first) for a catalogue that has none.
    Returns (id, key, created)."""
    cid = catalogue_id(conn)
    if cid is not None:
        key = load_key(cid)
        if key is None:
            raise KeyMissingError(cid)
        return cid, key, False
    cid = str(uuid.uuid4())
    key = secrets.token_bytes(KEY_BYTES)
    store_key(cid, key)
    conn.execute("INSERT OR REPLACE INTO catalogue_settings (key, value) VALUES (?, ?)", (CATALOGUE_ID_KEY, json.dumps(cid)))
    return cid, key, True


def seal_all(conn: sqlite3.Connection, *, sealed_from: int | None = None) -> str:
    """Seal every row and every unsealed audit entry from scratch, inside the caller's transaction (a new
    catalogue, the demo builder, or the first write after the upgrade to 0004). Entries with an id up to
    ``sealed_from`` (default: all unsealed entries already there) stay unsealed: they came before sealing."""
    cid, key, _created = ensure_identity(conn)
    register_functions(conn, key)
    if sealed_from is None:
        state = read_state(conn)
        if state is not None:
            sealed_from = int(state["sealed_from"])
        else:
            row = conn.execute("SELECT max(id) FROM audit_log").fetchone()
            sealed_from = int(row[0] or 0)
    conn.execute("DELETE FROM row_seal")
    tables = {}
    for table in SEALED:
        conn.execute(f"INSERT INTO row_seal (tbl, row_id, mac) SELECT ?, r.id, {row_mac_sql(table)} FROM {table} r",  # noqa: S608
                     (table,))
        tables[table] = _sums(conn, table)
    _mac_new_entries(conn, key, sealed_from)
    head_id, head_hash = head(conn)
    _write_state(conn, key, {"key_id": key_id(key), "version": SEAL_VERSION, "sealed_from": sealed_from,
                             "sealed_at": datetime.now(UTC).isoformat(timespec="seconds"), "head_id": head_id,
                             "head_hash": head_hash, "tables": tables, "broken": {}})
    return cid


def _mac_new_entries(conn: sqlite3.Connection, key: bytes, after_id: int) -> None:
    rows = conn.execute("SELECT id, hash FROM audit_log WHERE id > ? AND mac IS NULL", (after_id,)).fetchall()
    conn.executemany("UPDATE audit_log SET mac=? WHERE id=?", [(audit_mac(key, h), i) for i, h in rows])


# ---------------------------------------------------------------------------------------------- the app's connections

_DIRTY_TABLE = "CREATE TEMP TABLE IF NOT EXISTS seal_dirty (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"


_BROKEN_TABLE = "CREATE TEMP TABLE IF NOT EXISTS seal_broken (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"


def install_triggers(conn: sqlite3.Connection) -> None:
    """TEMP triggers: they live on this connection only (never in the file), and note the rows it changes.
    The first time a transaction changes or deletes a row, the row as it was is checked against its seal: a row
    changed outside the app is noted in ``seal_broken``, so that re-sealing it does not launder that change."""
    conn.execute(_DIRTY_TABLE)
    conn.execute(_BROKEN_TABLE)
    for table in SEALED:
        verify = (f"INSERT OR IGNORE INTO seal_broken SELECT '{table}', OLD.id WHERE NOT EXISTS "  # noqa: S608 - SQL from the schema's own names; values are bound
                  f"(SELECT 1 FROM seal_dirty WHERE tbl='{table}' AND row_id=OLD.id) AND NOT EXISTS "
                  f"(SELECT 1 FROM row_seal WHERE tbl='{table}' AND row_id=OLD.id AND mac={row_mac_sql(table, 'OLD')});")
        for event, ids in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            body = (verify if "OLD" in ids else "") + " ".join(  # noqa: S608 - SQL from the schema's own names; values are bound
                f"INSERT OR IGNORE INTO seal_dirty VALUES ('{table}', {who}.id);" for who in ids)  # noqa: S608 - SQL from the schema's own names; values are bound
            conn.execute(f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table}_{event.lower()} AFTER {event} ON main.{table}"
                         f" BEGIN {body} END")


@dataclass
class WriteContext:
    """What a write connection knows about the catalogue's seals (kept in the connection record's info)."""

    catalogue_id: str | None
    key: bytes | None
    new: bool  # the catalogue is sealed in this transaction for the first time
    missing_key: bool = False
    seals_removed: bool = False
    head_before: int = 0


def begin_write(conn: sqlite3.Connection, info: dict) -> WriteContext | None:
    """At the start of a write transaction: the key (created for a catalogue that has none yet) and the
    triggers. None when the catalogue has no seal tables yet (before the 0004 migration)."""
    if not info.get("seal_tables"):
        if not has_seal_tables(conn):
            return None
        info["seal_tables"] = True
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name='seal_dirty'").fetchone() is None:
        install_triggers(conn)  # a new connection (the record's info outlives a reconnect)
    state_row = conn.execute("SELECT 1 FROM seal_state WHERE id=1").fetchone()
    cid = catalogue_id(conn)
    if cid is not None and state_row is not None:
        key = load_key(cid)
        context = WriteContext(cid, key, False, missing_key=key is None)
        state = read_state(conn) if key is not None else None
        if state is not None and key is not None and (state["key_id"] != key_id(key) or state["mac"] != state_mac(key, state)
                                  or head(conn) != (state["head_id"], state["head_hash"])):
            # the seal state was altered, or the trail changed outside the app: carrying on would seal that
            context = WriteContext(cid, None, False, missing_key=True, seals_removed=True)
    elif cid is None and state_row is None:
        # never sealed (new, or upgraded from 0003): seal it now, with a new key
        cid, key, _created = ensure_identity(conn)
        context = WriteContext(cid, key, True, head_before=head(conn)[0])
    else:
        # an identity without a seal state or the reverse: the file was altered outside the app. Writing
        # would seal the alteration, so refuse until ``check`` has been read and ``check --reseal`` run.
        context = WriteContext(cid, None, False, missing_key=True, seals_removed=True)
    # without the key the triggers still run: every seal then looks broken, and nothing is committed anyway
    register_functions(conn, context.key if context.key is not None else secrets.token_bytes(KEY_BYTES))
    conn.execute("DELETE FROM temp.seal_dirty")
    conn.execute("DELETE FROM temp.seal_broken")
    return context


def commit_write(conn: sqlite3.Connection, context: WriteContext) -> tuple[str, int, str] | None:
    """Before COMMIT: seal what this transaction changed and move ``seal_state`` to the new head.
    Returns (catalogue id, head id, head hash) for the anchor, or None when nothing moved."""
    if context.key is None:
        return None
    key = context.key
    if context.new:
        seal_all(conn, sealed_from=context.head_before)
        conn.execute("DELETE FROM temp.seal_dirty")
        conn.execute("DELETE FROM temp.seal_broken")
        head_id, head_hash = head(conn)
        return context.catalogue_id or "", head_id, head_hash
    state = read_state(conn)
    if state is None:  # pragma: no cover - removed under our feet
        return None
    dirty = conn.execute("SELECT DISTINCT tbl FROM temp.seal_dirty").fetchall()
    head_id, head_hash = head(conn)
    if not dirty and head_id == state["head_id"] and head_hash == state["head_hash"]:
        return None
    tables = state["tables"]
    broken = state.get("broken") or {}
    for table, row_id in conn.execute("SELECT tbl, row_id FROM temp.seal_broken ORDER BY tbl, row_id").fetchall():
        broken.setdefault(table, []).append([row_id, head_id])
    conn.execute("DELETE FROM temp.seal_broken")
    for (table,) in dirty:
        ids = "(SELECT row_id FROM temp.seal_dirty WHERE tbl=?)"
        old = _sums(conn, table, f"AND row_id IN {ids}", (table,))
        conn.execute(f"DELETE FROM row_seal WHERE tbl=? AND row_id IN {ids}", (table, table))  # noqa: S608
        conn.execute(f"INSERT INTO row_seal (tbl, row_id, mac) SELECT ?, r.id, {row_mac_sql(table)} FROM {table} r"  # noqa: S608
                     f" WHERE r.id IN {ids}", (table, table))
        new = _sums(conn, table, f"AND row_id IN {ids}", (table,))
        current = tables.get(table, [0, 0, 0])
        tables[table] = [c - o + n for c, o, n in zip(current, old, new, strict=True)]
    conn.execute("DELETE FROM temp.seal_dirty")
    state.update(head_id=head_id, head_hash=head_hash, tables=tables, broken=broken)
    _write_state(conn, key, state)
    return context.catalogue_id or "", head_id, head_hash


def install(engine: Any) -> None:
    """Attach the seals to a SQLite engine's write transactions (called by ``db.engine.make_engine``)."""
    from sqlalchemy import event

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001 - a DB-API connection from a SQLAlchemy event (untyped)
        if not conn.get_execution_options().get("sqlite_begin_immediate", False):
            return
        raw = conn.connection.driver_connection
        conn.info["seal_context"] = begin_write(raw, conn.info)

    @event.listens_for(engine, "commit")
    def _on_commit(conn) -> None:  # noqa: ANN001 - a DB-API connection from a SQLAlchemy event (untyped)
        context = conn.info.pop("seal_context", None)
        if context is None:
            return
        moved = commit_write(conn.connection.driver_connection, context)
        if moved is not None:
            conn.info["seal_anchor"] = (*moved, str(Path(engine.url.database or "").resolve()))

    @event.listens_for(engine, "rollback")
    def _on_rollback(conn) -> None:  # noqa: ANN001 - a DB-API connection from a SQLAlchemy event (untyped)
        conn.info.pop("seal_context", None)
        conn.info.pop("seal_anchor", None)

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn, record) -> None:  # noqa: ANN001 - a DB-API connection from a SQLAlchemy event (untyped)
        pending = record.info.pop("seal_anchor", None)
        if pending is None or dbapi_conn is None:
            return
        cid, head_id, head_hash, path = pending
        try:  # only once the commit is really in the file
            row = dbapi_conn.execute("SELECT hash FROM audit_log WHERE id=?", (head_id,)).fetchone()
        except sqlite3.Error:
            return
        if row is not None and row[0] == head_hash and not dbapi_conn.in_transaction:
            with contextlib.suppress(OSError):
                write_anchor(cid, head_id, head_hash, path)


def write_context(info: dict) -> WriteContext | None:
    return info.get("seal_context")
