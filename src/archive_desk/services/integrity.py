"""``check``: is this catalogue file whole, and is it what ArchiveDesk last wrote?

Read-only, on a raw ``sqlite3`` connection (fast over a million rows). What is checked, in order:

1. the file: SQLite's ``integrity_check`` and ``foreign_key_check`` (a 0-byte file, a full disk, a file that
   is not a catalogue each get their own message and exit code 2);
2. the audit trail: every entry's hash chain, and its MAC with the room key (``db/sealing.py``); entries from
   before sealing began are a note, not a problem;
3. the head: the seal state's head (MAC'd) and this workstation's anchor against the trail's last entry
   (a shortened trail, an older copy put back, a lost WAL);
4. the rows: every sealed row against its seal, seals without rows, rows without seals, and the per-table
   counts and sums of the seals against the seal state.

See ``docs/tamper-evidence.md`` for what this can and cannot detect.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.db import sealing
from archive_desk.db.engine import sqlite_uri
from archive_desk.db.storage_errors import StorageProblem, classify
from archive_desk.errors import UserError
from archive_desk.i18n import t
from archive_desk.models import AuditEntry, CatalogueSetting
from archive_desk.services import audit

SHOWN_PER_KIND = 20  # findings of one kind listed one by one; the rest are counted
FULL_DISK_BYTES = 1 << 20  # less free space than this on the catalogue's disk counts as full

OK, PROBLEMS, COULD_NOT_CHECK = 0, 1, 2


@dataclass(frozen=True)
class ChainHead:
    """The last entry of the audit trail (for backup manifests and the printed backup register)."""

    entry_id: int
    hash: str
    count: int
    catalogue_id: str | None


def chain_head(session: Session) -> ChainHead:
    row = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0

    value = session.scalar(select(CatalogueSetting.value).where(CatalogueSetting.key == sealing.CATALOGUE_ID_KEY))
    return ChainHead(int(row[0]) if row else 0, str(row[1]) if row else "", int(count),
                     value if isinstance(value, str) else None)


@dataclass
class CheckReport:
    path: Path | str  # the file, or the server as a message names it (no password)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    could_not_check: list[str] = field(default_factory=list)
    sealed: bool = False  # the rows and entries were checked against their seals

    @property
    def exit_code(self) -> int:
        if self.problems:
            return PROBLEMS
        if self.could_not_check:
            return COULD_NOT_CHECK
        return OK


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < FULL_DISK_BYTES
    except OSError:
        return False


def check_catalogue(path: Path, *, expect_head: tuple[int, str] | None = None,
                    progress: Callable[[str], None] | None = None) -> CheckReport:
    """Check the catalogue at ``path``; ``expect_head`` = (entry id, hash) read from a backup register or
    manifest, compared like this workstation's anchor."""
    report = CheckReport(path)
    if not path.exists():
        report.could_not_check.append(t("The catalogue file {path} does not exist", path=path))
        return report
    if path.stat().st_size == 0:
        report.could_not_check.append(t("The file {path} is empty (0 bytes): it is not a catalogue. "
                                        "Restore it from a backup.", path=path))
        return report
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        report.could_not_check.append(_unreadable(path, exc))
        return report
    with contextlib.closing(conn):
        try:
            _check(conn, path, report, expect_head, progress or (lambda _stage: None))
        except sqlite3.DatabaseError as exc:
            report.could_not_check.append(_unreadable(path, exc))
    return report


#: the triggers that keep the server's trail append-only (db/postgresql.py)
_PG_TRAIL_GUARDS = ("audit_log_append_only", "audit_log_no_truncate")


def check_server(url: str, *, expect_head: tuple[int, str] | None = None,
                 progress: Callable[[str], None] | None = None) -> CheckReport:
    """Check the catalogue on the room's server (PostgreSQL): the trail's hash chain and its append-only guard,
    ``expect_head`` (from a backup register or manifest) against the trail, the layers' stored counts against
    their volumes, and a digest of every table (every row read back). The file's own checks (SQLite's
    integrity_check, the seals of the rows, this workstation's anchor) belong to a catalogue file and are skipped:
    a note says so."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    from archive_desk.db import layer_usage
    from archive_desk.db.engine import Database
    from archive_desk.db.target import display
    from archive_desk.services import digest

    say = progress or (lambda _stage: None)
    report = CheckReport(display(url))
    database = Database.open(url, read_only=True)
    try:
        with database.read() as session:
            names = set(inspect(session.connection()).get_table_names())
            if "audit_log" not in names or "volumes" not in names:
                report.could_not_check.append(t("{url} holds no ArchiveDesk catalogue (set it up with: archive-desk "
                                                "server init)", url=report.path))
                return report
            report.notes.append(t("The catalogue is on the room's server: the file checks (SQLite's integrity check, "
                                  "the seals of the rows, this workstation's anchor) are for a catalogue file and were "
                                  "skipped; on the server the trail is kept append-only by its grants and triggers."))
            say("trail")
            breaks = [t("audit trail: entry {id}: prev_hash does not match the entry before (an entry was removed or inserted)",
                        id=p.entry_id) if p.reason.startswith("prev_hash") else
                      t("audit trail: entry {id}: its content does not match its hash (the entry was altered)", id=p.entry_id)
                      for p in audit.verify_chain(session)]
            _listed(report.problems, breaks)
            guards = {r[0] for r in session.execute(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal"
                " AND tgenabled <> 'D'"))}
            for name in _PG_TRAIL_GUARDS:
                if name not in guards:
                    report.problems.append(t("The trigger {name} that keeps the audit trail append-only is missing or "
                                             "disabled on the server: entries could be changed or removed. Run "
                                             "archive-desk server init on it again as its owner.", name=name))
            head = chain_head(session)
            if expect_head is not None:
                seen_id, seen_hash = expect_head
                if seen_id > head.entry_id:
                    report.problems.append(t(
                        "The audit trail ends at entry {head} but the given head is entry {seen}: the newest entries "
                        "were removed, or an older copy of the catalogue was put back.", head=head.entry_id, seen=seen_id))
                elif seen_id and session.scalar(select(AuditEntry.hash).where(AuditEntry.id == seen_id)) != seen_hash:
                    report.problems.append(t("Entry {seen} of the audit trail is not the one {source} saw: the trail "
                                             "was rewritten.", seen=seen_id, source=t("the given head")))
            say("layers")
            for _id, code, count, mm, real_count, real_mm in session.execute(text(layer_usage.DIFFERENCES)):
                report.problems.append(t("Layer {code} counts {count} volumes ({mm} mm) but {real_count} volumes "
                                         "({real_mm} mm) stand on it: its counts were changed outside ArchiveDesk.",
                                         code=code, count=count, mm=mm, real_count=real_count, real_mm=real_mm))
            say("digests")
            digests = digest.table_digests(session.connection())
            report.notes.append(t("{tables} tables, {rows} rows read back and digested; the trail ends at entry {head}.",
                                  tables=len(digests), rows=sum(d.count for d in digests.values()), head=head.entry_id))
    except SQLAlchemyError as exc:
        report.could_not_check.append(t("The server could not be read: {error}", error=str(exc).splitlines()[0]))
    finally:
        database.dispose()
    return report


def _unreadable(path: Path, exc: BaseException) -> str:
    if _disk_full(path) or classify(exc) is StorageProblem.FULL:
        return t("The disk holding {path} is full, so the catalogue cannot be opened to check it. "
                 "Free some space on that disk and check again.", path=path)
    return t("The file is not a readable catalogue: {error}", error=exc)


def _check(conn: sqlite3.Connection, path: Path, report: CheckReport, expect_head: tuple[int, str] | None,
           progress: Callable[[str], None]) -> None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "audit_log" not in tables or "volumes" not in tables:
        report.could_not_check.append(t("The file {path} is an SQLite file but not an ArchiveDesk catalogue.", path=path))
        return
    progress("integrity")
    for (line,) in conn.execute("PRAGMA quick_check"):  # integrity_check less the index cross-checks: O(N), a third of the time
        if line != "ok":
            report.problems.append(t("integrity_check: {line}", line=line))
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        report.problems.append(t("foreign_key_check: row {rowid} of {table} points to a missing {parent}",
                                 rowid=rowid, table=table, parent=parent))
    if report.problems:
        return  # a damaged file: the findings below would only repeat it

    sealed_schema = "seal_state" in tables
    cid = sealing.catalogue_id(conn)
    state = sealing.read_state(conn) if sealed_schema else None
    key = sealing.load_key(cid) if cid else None
    if cid is not None and key is None:
        report.could_not_check.append(t(
            "This workstation does not hold the room key of this catalogue ({id}), so its seals cannot be checked. "
            "Enter it from the printed recovery sheet: archive-desk check --import-key KEY", id=cid))
    if state is not None and key is not None and state["key_id"] != sealing.key_id(key):
        report.could_not_check.append(t(
            "The room key on this workstation is not the one this catalogue was sealed with (key {expected}, "
            "here {found}); enter the right one from the recovery sheet.", expected=state["key_id"], found=sealing.key_id(key)))
        key = None
    state_ok = state is not None and key is not None and state["mac"] == sealing.state_mac(key, state)
    if state is not None and key is not None and not state_ok:
        report.problems.append(t("The seal state was altered outside ArchiveDesk (its seal does not match)."))

    progress("trail")
    head_id, head_hash = _check_trail(conn, report, key, state if state_ok else None)
    _check_head(conn, path, report, cid, state if state_ok else None, head_id, head_hash, expect_head,
                sealed=state is not None and key is not None)
    if cid is None and state is not None:
        report.problems.append(t("The catalogue is sealed but its identity was removed from its settings (outside "
                                 "ArchiveDesk), so no room key can be matched to it."))
    if cid is not None and state is None and sealed_schema:
        report.problems.append(t("The catalogue has an identity ({id}) but its seal state is missing: the seals "
                                 "were removed outside ArchiveDesk.", id=cid))
    if state is None:
        if not sealed_schema:
            report.notes.append(t("This catalogue is at an older schema and not sealed yet: open it once in "
                                  "ArchiveDesk (it is upgraded and sealed on the first change)."))
        elif cid is None:
            report.notes.append(t("This catalogue is not sealed yet: it is sealed on its first change in ArchiveDesk."))
        return
    if state_ok and key is not None and state["version"] != sealing.SEAL_VERSION:
        report.could_not_check.append(t(
            "The rows were sealed by another version of ArchiveDesk (seal version {found}, this one reads {expected}): "
            "check them with that version.", found=state["version"], expected=sealing.SEAL_VERSION))
    elif state_ok and key is not None:
        progress("rows")
        _check_rows(conn, report, key, state)
        report.sealed = True


def _check_trail(conn: sqlite3.Connection, report: CheckReport, key: bytes | None,
                 state: dict[str, Any] | None) -> tuple[int, str]:
    has_mac = any(row[1] == "mac" for row in conn.execute("PRAGMA table_info(audit_log)"))
    sealed_from = int(state["sealed_from"]) if state is not None else None
    prev = audit.GENESIS
    expected_id = 1
    head_id, head_hash = 0, ""
    chain_breaks: list[str] = []
    bad_macs: list[int] = []
    unsealed_late: list[tuple[int, str]] = []
    unsealed_early = 0
    last_unsealed_at = ""
    sql = ("SELECT id, at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash, "  # noqa: S608 - SQL from the schema's own names; values are bound
           + ("mac" if has_mac else "NULL") + " FROM audit_log ORDER BY id")
    for (entry_id, at, user, workstation, action, entity, entity_id, before, after, prev_hash, digest, mac) in conn.execute(sql):
        if entry_id != expected_id:
            chain_breaks.append(t("audit trail: entries {first} to {last} are missing (removed)", first=expected_id, last=entry_id - 1))
        expected_id = entry_id + 1
        if prev_hash != prev:
            chain_breaks.append(t("audit trail: entry {id}: prev_hash does not match the entry before (an entry was removed or inserted)", id=entry_id))
        when = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
        if audit.entry_hash(prev_hash, when, user, workstation, action, entity, entity_id, before, after) != digest:
            chain_breaks.append(t("audit trail: entry {id}: its content does not match its hash (the entry was altered)", id=entry_id))
        if key is not None:
            if mac is None:
                if sealed_from is not None and entry_id > sealed_from:
                    unsealed_late.append((entry_id, workstation))
                else:
                    unsealed_early += 1
                    last_unsealed_at = str(at)
            elif mac != sealing.audit_mac(key, digest):
                bad_macs.append(entry_id)
        elif mac is None:
            unsealed_early += 1
            last_unsealed_at = str(at)
        prev = digest
        head_id, head_hash = entry_id, digest
    _listed(report.problems, chain_breaks)
    if bad_macs:
        report.problems.append(t(
            "audit trail: {count} entries do not match their seal (altered, or rewritten with recomputed hashes): {ids}",
            count=len(bad_macs), ids=_ids(bad_macs)))
    if unsealed_late:
        report.problems.append(t(
            "audit trail: {count} entries written after sealing began carry no seal (added outside ArchiveDesk, "
            "or their seals removed): {ids}", count=len(unsealed_late), ids=_ids([i for i, _ in unsealed_late])))
    if unsealed_early:
        report.notes.append(t("{count} audit entries were written before sealing began (not sealed before {date}); "
                              "they are checked by their hash chain only.", count=unsealed_early,
                              date=_when((state or {}).get("sealed_at") or last_unsealed_at)))
    return head_id, head_hash


def _check_head(conn: sqlite3.Connection, path: Path, report: CheckReport, cid: str | None,
                state: dict[str, Any] | None, head_id: int, head_hash: str, expect_head: tuple[int, str] | None,  # noqa: ARG001 - the signature is fixed by its callers
                *, sealed: bool) -> None:
    def hash_at(entry_id: int) -> str | None:
        row = conn.execute("SELECT hash FROM audit_log WHERE id=?", (entry_id,)).fetchone()
        return row[0] if row else None

    def compare(seen_id: int, seen_hash: str, source: str) -> None:
        if seen_id > head_id:
            report.problems.append(t(
                "The audit trail ends at entry {head} but {source} saw entry {seen}: the newest entries were removed, "
                "or an older copy of the file was put back, or the file lost its WAL after a crash.",
                head=head_id, source=source, seen=seen_id))
        elif seen_id and hash_at(seen_id) != seen_hash:
            report.problems.append(t(
                "Entry {seen} of the audit trail is not the one {source} saw: the trail was rewritten.",
                seen=seen_id, source=source))

    if state is not None:
        compare(int(state["head_id"]), str(state["head_hash"]), t("the seal state (moved at the last change)"))
        if head_id > int(state["head_id"]):
            report.problems.append(t(
                "Entries {first} to {last} were added to the trail after the last sealed change (outside ArchiveDesk).",
                first=int(state["head_id"]) + 1, last=head_id))
    anchor = sealing.read_anchor(cid) if cid else None
    if anchor is not None:
        compare(anchor.head_id, anchor.head_hash, t("this workstation (on {at})", at=anchor.at))
    elif cid is not None:
        report.notes.append(t("This workstation has not written to this catalogue, so it holds no anchor of its "
                              "trail; check on a workstation that has, or compare with the backup register."))
    if not sealed:  # no seals, or none this workstation can check: was a sealed catalogue here before?
        others = [a for a in sealing.anchors_for_path(path) if a.catalogue_id != cid]
        if others:
            report.problems.append(t(
                "This workstation last saw a sealed catalogue ({id}, entry {entry}) at this path; this file carries "
                "no seals it can check: its seals or its identity were removed or changed, or another file was put "
                "in its place.", id=others[0].catalogue_id, entry=others[0].head_id))
    if expect_head is not None:
        compare(expect_head[0], expect_head[1], t("the given head"))


def _check_rows(conn: sqlite3.Connection, report: CheckReport, key: bytes, state: dict[str, Any]) -> None:
    sealing.register_functions(conn, key)
    for table, rows in sorted((state.get("broken") or {}).items()):
        for row_id, entry in rows[:SHOWN_PER_KIND]:
            report.problems.append(t(
                "{what} had been changed outside ArchiveDesk when the app changed it again (audit entry {entry}); "
                "the trail holds only the app's change.", what=_label(table, row_id, _trail_state(conn, table, row_id)),
                entry=entry))
        if len(rows) > SHOWN_PER_KIND:
            report.problems.append(t("… and {count} more rows of {table} changed outside ArchiveDesk",
                                     count=len(rows) - SHOWN_PER_KIND, table=_table(table)))
    for table in sealing.SEALED:
        # fast path: one pass computing every row's seal, summed in SQL; equal to the sealed totals (MAC'd in the
        # seal state) means every row is as the app last wrote it, with overwhelming probability
        expected = list(state["tables"].get(table, [0, 0, 0]))
        if _recomputed_sums(conn, table) == expected and sealing._sums(conn, table) == expected:  # noqa: SLF001 - the same package's own object
            continue
        altered: list[int] = []
        added: list[int] = []
        for row_id, unsealed in conn.execute(
                f"SELECT r.id, s.mac IS NULL FROM {table} r LEFT JOIN row_seal s ON s.tbl=? AND s.row_id=r.id "  # noqa: S608
                f"WHERE s.mac IS NULL OR s.mac != {sealing.row_mac_sql(table)} ORDER BY r.id", (table,)):
            (added if unsealed else altered).append(row_id)
        missing = [row[0] for row in conn.execute(
            f"SELECT s.row_id FROM row_seal s WHERE s.tbl=? AND NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id=s.row_id)"  # noqa: S608
            " ORDER BY s.row_id", (table,))]
        for entity_id in altered[:SHOWN_PER_KIND]:
            report.problems.append(_describe_altered(conn, table, entity_id))
        if len(altered) > SHOWN_PER_KIND:
            report.problems.append(t("… and {count} more rows of {table} changed outside ArchiveDesk",
                                     count=len(altered) - SHOWN_PER_KIND, table=_table(table)))
        if added:
            report.problems.append(t("{table}: {count} rows carry no seal (added outside ArchiveDesk): ids {ids}",
                                     table=_table(table), count=len(added), ids=_ids(added)))
        if missing:
            described = [_describe_missing(conn, table, i) for i in missing[:SHOWN_PER_KIND]]
            report.problems.append(t("{table}: {count} rows were deleted outside ArchiveDesk: {rows}",
                                     table=_table(table), count=len(missing), rows="; ".join(described)
                                     + (" …" if len(missing) > SHOWN_PER_KIND else "")))
        if not (altered or added or missing) and sealing._sums(conn, table) != list(state["tables"].get(table, [0, 0, 0])):  # noqa: SLF001 - the same package's own object
            report.problems.append(t(
                "{table}: the seals do not add up to the sealed totals: rows were put back from an older copy "
                "together with their seals, or removed together with them.", table=_table(table)))


def _recomputed_sums(conn: sqlite3.Connection, table: str) -> list[int]:
    row = conn.execute(f"SELECT count(*), coalesce(sum(m & {sealing._LOW}), 0), coalesce(sum(m >> 32), 0)"  # noqa: S608, SLF001 - the same package's own object
                       f" FROM (SELECT {sealing.row_mac_sql(table)} AS m FROM {table} r LIMIT -1)").fetchone()  # LIMIT: not flattened, one call a row
    return [int(row[0]), int(row[1]), int(row[2])]


_ENTITY = {"volumes": "volume", "items": "item", "loans": "loan", "loan_lines": "loan_line", "rooms": "room",
           "racks": "rack", "layers": "layer", "location_moves": "location_move"}


def _trail_state(conn: sqlite3.Connection, table: str, entity_id: int) -> dict[str, Any]:
    """The after-state the trail records for one row (its entries folded in order)."""
    state: dict[str, Any] = {}
    for (after,) in conn.execute("SELECT after FROM audit_log WHERE entity=? AND entity_id=? ORDER BY id",
                                 (_ENTITY[table], entity_id)):
        with contextlib.suppress(ValueError, TypeError):
            value = json.loads(after) if after else {}
            if isinstance(value, dict):
                state.update(value)
    return state


def _describe_altered(conn: sqlite3.Connection, table: str, entity_id: int) -> str:
    columns = sealing.SEALED[table]
    row = conn.execute(f"SELECT {', '.join(f'"{c}"' for c in columns)} FROM {table} WHERE id=?", (entity_id,)).fetchone()  # noqa: S608
    current = dict(zip(columns, row, strict=True)) if row else {}
    trail = _trail_state(conn, table, entity_id)
    differences = [f"{_field(name)}: {trail[name]!s} → {current[name]!s}" for name in columns
                   if name in trail and name in current and not isinstance(trail[name], dict | list)
                   and str(trail[name]) != str(current[name])]
    label = _label(table, entity_id, current)
    if differences:
        return t("{what} was changed outside ArchiveDesk (the trail says → the file has): {fields}",
                 what=label, fields="; ".join(differences))
    return t("{what} was changed outside ArchiveDesk (its row no longer matches its seal)", what=label)


def _describe_missing(conn: sqlite3.Connection, table: str, entity_id: int) -> str:
    return _label(table, entity_id, _trail_state(conn, table, entity_id))


def _kind(table: str) -> str:
    return {"volumes": t("volume"), "items": t("item"), "loans": t("loan"), "loan_lines": t("loan line"),
            "rooms": t("room"), "racks": t("rack"), "layers": t("layer"), "location_moves": t("location move")}[table]


def _table(table: str) -> str:
    return {"volumes": t("the volumes table"), "items": t("the items table"), "loans": t("the loans table"),
            "loan_lines": t("the loan lines table"), "rooms": t("the rooms table"), "racks": t("the racks table"),
            "layers": t("the layers table"), "location_moves": t("the location moves table")}[table]


def _field(column: str) -> str:
    names = {"code": t("archival code"), "title": t("title"), "status": t("status"), "barcode": t("barcode"),
             "retention": t("retention"), "security": t("security level"), "pages": t("pages"),
             "layer_id": t("layer"), "due_date": t("due date"), "returned_at": t("returned at")}
    return names.get(column, column)


def _label(table: str, entity_id: int, values: dict[str, Any]) -> str:
    code = values.get("code") or values.get("slip_no") or ""
    title = values.get("title") or ""
    text = t("{kind} {id}", kind=_kind(table), id=entity_id)
    if code:
        text += f" {code}"
    if title:
        text += f" 「{str(title)[:30]}」"
    return text


def _when(text: str) -> str:
    with contextlib.suppress(ValueError):
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M") + (" UTC" if "+00:00" in text else "")
    return text[:16]


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:SHOWN_PER_KIND])
    return shown + (" …" if len(ids) > SHOWN_PER_KIND else "")


def _listed(target: list[str], lines: list[str]) -> None:
    target.extend(lines[:SHOWN_PER_KIND])
    if len(lines) > SHOWN_PER_KIND:
        target.append(t("… and {count} more breaks of the hash chain", count=len(lines) - SHOWN_PER_KIND))


# ---------------------------------------------------------------------------------------------- the room key

class RoomKeyError(UserError):
    """A room key that cannot be entered here (not a key, not this catalogue's, a catalogue not sealed yet)."""


@dataclass(frozen=True)
class RoomKeyStatus:
    """Whether the catalogue at ``path`` is sealed, and whether this workstation holds its room key."""

    path: Path
    catalogue_id: str | None  # None: not sealed yet (nothing to hold)
    held: bool
    fingerprint: str  # the key's fingerprint as the seal state records it ("" when not sealed)

    @property
    def missing(self) -> bool:
        """Sealed, and this workstation cannot save to it until the key is entered."""
        return self.catalogue_id is not None and not self.held


def _identity(path: Path) -> tuple[str | None, dict[str, Any] | None, tuple[int, str]]:
    with contextlib.closing(sqlite3.connect(sqlite_uri(path, "ro"), uri=True)) as conn:
        cid = sealing.catalogue_id(conn)
        state = sealing.read_state(conn) if sealing.has_seal_tables(conn) else None
        return cid, state, sealing.head(conn)


def room_key_status(path: Path) -> RoomKeyStatus:
    cid, state, _head = _identity(path)
    return RoomKeyStatus(path, cid, bool(cid and sealing.load_key(cid) is not None), str((state or {}).get("key_id", "")))


def import_room_key(path: Path, text: str) -> Path:
    """Store the room key typed from the recovery sheet for the catalogue at ``path`` on this workstation;
    returns where it is kept. Refused (nothing stored) for text that is not a key or another catalogue's key."""
    try:
        key = sealing.parse_key(text)
    except ValueError:
        raise RoomKeyError(t("That is not a room key: it has 64 hexadecimal digits (0-9, A-F), in groups of 4.")) from None
    cid, state, _head = _identity(path)
    if cid is None:
        raise RoomKeyError(t("This catalogue is not sealed yet, so it has no room key to enter."))
    if state is not None and state["key_id"] != sealing.key_id(key):
        raise RoomKeyError(t("That key is not this catalogue's room key (its fingerprint is {found}, the catalogue's {expected}); "
                             "nothing was stored.", found=sealing.key_id(key), expected=state["key_id"]))
    return sealing.store_key(cid, key)


def write_recovery_sheet(path: Path, out: Path) -> Path:
    """The printable recovery sheet (PDF) of the catalogue's room key, from this workstation's copy of it."""
    from archive_desk.printing.recovery_sheet import (
        RecoverySheet,
        render_recovery_sheet,
    )

    cid, _state, (head_id, head_hash) = _identity(path)
    key = sealing.load_key(cid) if cid else None
    if cid is None or key is None:
        raise RoomKeyError(t("This workstation holds no room key for this catalogue; print the sheet where it was sealed."))
    sheet = RecoverySheet(cid, str(path.resolve()), sealing.format_key(key), sealing.key_id(key),
                          datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"), head_id, head_hash)
    render_recovery_sheet(sheet, out=out)
    return out
