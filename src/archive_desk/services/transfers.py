"""Transfers in and out (归档移交 / 进馆移交) and appraisal for destruction (鉴定销毁).

Receiving (direction ``in``, a department → the archive room)
    A draft batch gets lines by hand (:func:`add_line`), by scanning (:func:`add_line` with only a code), or from
    the department's Excel list through the importing layer (:func:`plan_transfer_list` then
    :func:`add_planned_lines`). The receiving check ticks each volume by scan (:func:`scan_check`) or by hand
    (:func:`set_found`) and confirms its page count; :func:`check_summary` tells what is expected, found,
    missing, unexpected and what differs in pages. :func:`confirm_batch` then creates (or updates) every
    volume that arrived, in the caller's one transaction: all or nothing. :func:`propose_shelf_space` asks the
    shelving service, when there is one, where they can go.

Handing over (direction ``out``, the archive room → another unit)
    :func:`add_volumes` / :func:`add_by_filter` put catalogue volumes on a draft batch and refuse those on loan
    or already gone; :func:`confirm_batch` marks them ``transferred`` (one audit row per volume naming the
    batch). Their records stay forever.

Line states (``expected``/``found`` on the line): on the list and ticked = *found*; on the list, not ticked =
*pending* before confirmation and *missing* after; not on the list and ticked = *unexpected*; not on the list
and not ticked = *returned* (an unexpected volume sent back; kept on the batch as a record, not received).

Appraisal (鉴定)
    :func:`due_volumes` finds volumes whose retention ran out (from year + retention, or from the category's
    event date such as a claim's closing date); an appraisal list gets them (:func:`add_due_volumes`), each with
    a decision (:func:`set_decision`: destroy, or keep with a new retention and a reason);
    :func:`confirm_appraisal` marks the destroyed ones ``destroyed`` (records and history kept) and freezes the
    list: a confirmed list can never be edited again.

Registers: :func:`transfer_register` (移交(接收)登记簿) and :func:`destruction_register` (the destroyed volumes).
Printing data: :func:`transfer_list_data`, :func:`certificate_data`, :func:`destruction_list_data`.
Every mutation writes an audit row in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sqlalchemy import and_, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StaleEditError, StatusError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import (
    Appraisal,
    AppraisalLine,
    CatalogueSetting,
    Category,
    Fonds,
    TransferBatch,
    TransferLine,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit, catalogue, codes
from archive_desk.services.audit import Actor
from archive_desk.services.setup import form_language, in_form_language, unit_name
from archive_desk.services.volume_list import VolumeFilter, apply_filter

Progress = Callable[[int, int], None]

NATURES = ("移交", "寄存", "征购", "捐赠")
DIRECTIONS = ("in", "out")
DECISIONS = ("destroy", "keep")
#: a volume on an appraisal list that nobody has decided yet: nothing defaults to destruction
UNDECIDED = ""
#: the decision of a line taken off a draft appraisal list (kept as a record, never deleted)
REMOVED = "removed"
#: years of each retention code; 永久 (Y) never runs out. Legacy 长期/短期 are configurable (domain.md:
#: 长期 16–50 years, 短期 up to 15) through the catalogue setting ``retention_years``.
DEFAULT_RETENTION_YEARS: dict[str, int] = {"D30": 30, "D10": 10, "C": 50, "S": 15}
#: batch and list numbers: 接收 JS-2026-001, 移出 YC-2026-001, 销毁清册 XH-2026-001
PREFIXES = {"in": "JS", "out": "YC", "appraisal": "XH"}
#: a volume may be received only when it is new, or already catalogued and in stock / missing
RECEIVABLE_STATUSES = (VolumeStatus.IN_STOCK, VolumeStatus.MISSING)
#: fields of a received line that go into the volume's category fields when the category has them
CUSTOM_KEYS = ("claim_no", "policy_no", "insured", "incident_date", "closing_date", "amount_paid",
               "record_no", "patient", "discharge_date", "ward")
BATCH_FIELDS = ("nature", "from_unit", "to_unit", "from_handler", "to_handler", "from_leader", "to_leader",
                "transfer_date", "finding_aids", "notes")
APPRAISAL_FIELDS = ("year", "lead", "approver", "witness1", "witness2", "destroyed_on", "notes")


# ================================================================ records


@dataclass(frozen=True)
class BatchRecord:
    id: int
    batch_no: str
    direction: str
    nature: str
    from_unit: str
    to_unit: str
    from_handler: str
    to_handler: str
    from_leader: str
    to_leader: str
    transfer_date: date | None
    finding_aids: str
    status: str
    confirmed_at: datetime | None
    notes: str
    version: int
    created_at: datetime
    created_by: str

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def audit_view(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("batch_no", "direction", *BATCH_FIELDS, "status")}


@dataclass(frozen=True)
class LineRecord:
    id: int
    batch_id: int
    seq: int
    volume_id: int | None
    code: str
    title: str
    year: int | None
    retention: str
    item_count: int
    pages: int
    expected: bool
    found: bool
    found_pages: int | None
    data: Mapping[str, Any]
    notes: str

    @property
    def state(self) -> str:
        """pending | found | unexpected | returned (a pending line of a confirmed batch is missing).
        On a handing-over batch a line not ``expected`` was taken off the batch: ``returned`` too."""
        if self.expected:
            return "found" if self.found else "pending"
        return "unexpected" if self.found else "returned"

    @property
    def received_pages(self) -> int:
        return self.found_pages if self.found_pages is not None else self.pages

    @property
    def page_difference(self) -> int | None:
        """Counted minus listed pages, when both are known and differ."""
        if not self.found or self.found_pages is None or not self.expected:
            return None
        diff = self.found_pages - self.pages
        return diff or None


@dataclass(frozen=True)
class LineProblem:
    line_id: int
    seq: int
    code: str
    message: str


@dataclass(frozen=True)
class CheckSummary:
    """What the receiving check found so far."""

    expected: int
    found: int
    pending: tuple[LineRecord, ...]  # on the list, not (yet) arrived: *missing* if confirmed like this
    unexpected: tuple[LineRecord, ...]
    returned: tuple[LineRecord, ...]
    page_differences: tuple[LineRecord, ...]
    problems: tuple[LineProblem, ...] = ()

    @property
    def missing(self) -> tuple[LineRecord, ...]:
        return self.pending

    @property
    def to_receive(self) -> int:
        return self.found + len(self.unexpected)

    @property
    def complete(self) -> bool:
        return not self.pending and not self.unexpected and not self.page_differences


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan on the receiving check did: ``found`` (ticked), ``again`` (already ticked),
    ``unexpected`` (not on the list: added as such), ``refused`` (not allowed: see ``message``)."""

    kind: str
    line: LineRecord | None
    message: str


@dataclass(frozen=True)
class Refusal:
    volume_id: int | None
    code: str
    reason: str


@dataclass(frozen=True)
class AddResult:
    added: tuple[LineRecord, ...]
    refused: tuple[Refusal, ...] = ()
    skipped: int = 0  # already on the batch / list


@dataclass(frozen=True)
class ConfirmResult:
    batch_no: str
    volume_ids: tuple[int, ...]
    created: int = 0
    updated: int = 0
    missing: int = 0
    returned: int = 0
    transferred: int = 0
    destroyed: int = 0
    kept: int = 0


@dataclass(frozen=True)
class ShelfProposal:
    """Where the shelving service proposes to put a received batch (``places`` as it returns them)."""

    volumes: int
    places: tuple[Any, ...]
    reserved: bool
    text: str


@dataclass(frozen=True)
class AppraisalRecord:
    id: int
    list_no: str
    year: int
    lead: str
    approver: str
    witness1: str
    witness2: str
    destroyed_on: date | None
    status: str
    notes: str
    version: int
    created_at: datetime
    created_by: str

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def audit_view(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("list_no", *APPRAISAL_FIELDS, "status")}


@dataclass(frozen=True)
class AppraisalLineRecord:
    id: int
    appraisal_id: int
    seq: int
    volume_id: int
    decision: str
    new_retention: str
    reason: str
    code: str
    title: str
    year: int
    retention: str
    pages: int
    status: str  # the volume's status now
    expires_on: date | None
    fonds_code: str
    category_code: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DueVolume:
    volume_id: int
    code: str
    title: str
    year: int
    retention: str  # the retention that applies now (a kept volume's new one)
    pages: int
    expires_on: date
    basis: str  # "year" or the event field (closing_date …)


# ================================================================ helpers


def _batch_record(b: TransferBatch) -> BatchRecord:
    return BatchRecord(
        b.id, b.batch_no, b.direction, b.nature, b.from_unit, b.to_unit, b.from_handler, b.to_handler, b.from_leader,
        b.to_leader, b.transfer_date, b.finding_aids, b.status, b.confirmed_at, b.notes, b.version, b.created_at,
        b.created_by,
    )


def _line_record(ln: TransferLine) -> LineRecord:
    return LineRecord(
        ln.id, ln.batch_id, ln.seq, ln.volume_id, ln.code, ln.title, ln.year, ln.retention, ln.item_count, ln.pages,
        bool(ln.expected), bool(ln.found), ln.found_pages, MappingProxyType(dict(ln.data or {})), ln.notes,
    )


def _appraisal_record(a: Appraisal) -> AppraisalRecord:
    return AppraisalRecord(a.id, a.list_no, a.year, a.lead, a.approver, a.witness1, a.witness2, a.destroyed_on, a.status,
                           a.notes, a.version, a.created_at, a.created_by)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raw = getattr(value, "raw", None)  # ParsedLocation and the like: keep what was written
    return str(raw if raw is not None else value)


def _to_date(value: Any, key: str) -> date | None:
    try:
        return catalogue._to_date(value)  # noqa: SLF001 - the catalogue's own date reading
    except ValueError:
        raise ValidationError({key: t("{value} is not a date (YYYY-MM-DD)", value=value)}) from None


def _to_int(value: Any, key: str, *, default: int | None = None) -> int | None:
    if value is None or value == "":
        return default
    try:
        number = catalogue._to_int(value)  # noqa: SLF001
    except (ValueError, TypeError):
        raise ValidationError({key: t("{value} is not a whole number", value=value)}) from None
    if number is not None and number < 0:
        raise ValidationError({key: t("{value} cannot be negative", value=number)})
    return number


def _next_number(session: Session, model: Any, column: Any, prefix: str, year: int) -> str:
    head = f"{prefix}-{year}-"
    rows = session.scalars(select(column).where(column.like(head + "%")))
    used = [int(x[len(head):]) for x in rows if x[len(head):].isdigit()]
    return f"{head}{max(used, default=0) + 1:03d}"


def _load_batch(session: Session, batch_id: int, *, for_change: bool = False, expected_version: int | None = None) -> TransferBatch:
    batch = session.get(TransferBatch, batch_id, populate_existing=for_change)
    if batch is None:
        raise NotFoundError(t("Transfer batch {id} does not exist", id=batch_id))
    if for_change and batch.status != "draft":
        raise StatusError(t("Batch {no} is confirmed; it can no longer be changed.", no=batch.batch_no))
    if expected_version is not None and batch.version != expected_version:
        raise StaleEditError(t("Batch {no} was changed meanwhile by {user}. Your changes were not saved; reload it and try again.",
                               no=batch.batch_no, user=batch.updated_by or "?"))
    return batch


def _touch(obj: Any, actor: Actor) -> None:
    obj.updated_by = actor.user
    obj.updated_at = audit.utcnow()


AuditRow = tuple[str, str, int | None, Mapping[str, Any] | None, Mapping[str, Any] | None]


def _retention_table(session: Session | None) -> dict[str, int]:
    """Years per retention code: the defaults, overridden by the catalogue setting ``retention_years`` (read once
    per session: a missing setting would otherwise cost a query per volume)."""
    if session is None:
        return dict(DEFAULT_RETENTION_YEARS)
    table = session.info.get("transfers.retention_years")
    if table is None:
        table = dict(DEFAULT_RETENTION_YEARS)
        row = session.get(CatalogueSetting, "retention_years")
        if row is not None and isinstance(row.value, dict):
            table.update({str(k): int(v) for k, v in row.value.items()})
        session.info["transfers.retention_years"] = table
    return table


def _bulk_set_status(session: Session, actor: Actor, vols: Sequence[Volume], new_status: str, reason: str, action: str,
                     extra: Callable[[Volume], Mapping[str, Any]] | None = None) -> None:
    """Change many volumes' status in one statement per 500, with one audit row each shaped as
    :func:`catalogue.set_status` writes it ({"status": old} → {"status": new, "reason": …}); the transition rules
    are the catalogue's. The version counter moves on, as an ORM update would move it."""
    entries: list[AuditRow] = []
    for vol in vols:
        catalogue.check_transition(vol.code, vol.status, new_status)
        entries.append((action, "volume", vol.id, {"status": vol.status},
                        {"status": new_status, "reason": reason, **(extra(vol) if extra else {})}))
    now = audit.utcnow()
    V = Volume.__table__.c
    ids = [v.id for v in vols]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(update(Volume.__table__).where(V.id.in_(chunk))
                        .values(status=new_status, updated_by=actor.user, updated_at=now, version=V.version + 1))
    audit.record_many(session, actor, list(entries))
    for vol in vols:  # the objects in this session are stale now
        session.expire(vol)


def retention_years(session: Session | None, code: str) -> int | None:
    """Years a retention code keeps a volume (None: permanent). ``Dnn`` means nn years."""
    code = codes.normalize_scan(code or "")
    if code == "Y" or not code:
        return None
    table = _retention_table(session)
    if code in table:
        return table[code]
    m = re.fullmatch(r"D(\d{1,3})", code)
    if m:
        return int(m.group(1))
    return None


def retention_text(code: str) -> str:
    """保管期限 as printed: 永久 / 定期30年, and 定期N年 for other ``Dnn`` codes."""
    label = catalogue.retention_label(code)
    if label == code:
        m = re.fullmatch(r"D(\d{1,3})", code or "")
        if m:
            return t("{n} years (fixed term)", n=int(m.group(1)))
    return label


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def expires_on(year: int, years: int | None, event: date | None = None) -> date | None:
    """When a retention runs out: ``years`` after the event date when there is one, else after the end of
    the volume's year (counted from 1 January of the next year). None for permanent volumes."""
    if years is None:
        return None
    start = event if event is not None else date(year + 1, 1, 1)
    return _add_years(start, years)


def kept_years(year: int, event: date | None, on: date) -> int:
    """Whole years a volume has been kept on ``on`` (已保管期限)."""
    start = event if event is not None else date(year + 1, 1, 1)
    years = on.year - start.year - ((on.month, on.day) < (start.month, start.day))
    return max(0, years)


# ================================================================ batches


def create_batch(session: Session, actor: Actor, direction: str, **values: Any) -> BatchRecord:
    """A new draft batch. ``values``: nature, from_unit, to_unit, from_handler, to_handler, from_leader,
    to_leader, transfer_date, finding_aids, notes; ``batch_no`` to give one (else JS-/YC-YYYY-NNN)."""
    if direction not in DIRECTIONS:
        raise ValidationError({"direction": t("The direction must be in (receiving) or out (handing over)")})
    clean = _clean_batch_values(values)
    year = (clean.get("transfer_date") or date.today()).year
    batch_no = (values.get("batch_no") or "").strip() or _next_number(session, TransferBatch, TransferBatch.batch_no, PREFIXES[direction], year)
    if session.scalar(select(TransferBatch.id).where(TransferBatch.batch_no == batch_no)) is not None:
        raise ValidationError({"batch_no": t("The batch number {no} is already used", no=batch_no)})
    batch = TransferBatch(batch_no=batch_no, direction=direction, status="draft", created_by=actor.user, updated_by=actor.user, **clean)
    session.add(batch)
    session.flush()
    record = _batch_record(batch)
    audit.record(session, actor, "transfer.create", "transfer_batch", batch.id, None, record.audit_view())
    return record


def _clean_batch_values(values: Mapping[str, Any]) -> dict[str, Any]:
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for key in BATCH_FIELDS:
        if key not in values:
            continue
        value = values[key]
        if key == "transfer_date":
            try:
                clean[key] = catalogue._to_date(value)  # noqa: SLF001
            except ValueError:
                problems[key] = t("{value} is not a date (YYYY-MM-DD)", value=value)
        elif key == "nature":
            nature = (value or "移交").strip()
            if nature not in NATURES:
                problems[key] = t("The nature must be one of {natures}", natures="、".join(NATURES))
            clean[key] = nature
        else:
            clean[key] = (value or "").strip()
    if problems:
        raise ValidationError(problems)
    return clean


def update_batch(session: Session, actor: Actor, batch_id: int, expected_version: int, changes: Mapping[str, Any]) -> BatchRecord:
    """Change a draft batch's particulars (units, people, date, nature, finding aids, notes)."""
    batch = _load_batch(session, batch_id, for_change=True, expected_version=expected_version)
    return _change_particulars(session, actor, batch, changes, BATCH_FIELDS, _clean_batch_values, _batch_record,
                               "transfer.update", "transfer_batch")


def _change_particulars(session: Session, actor: Actor, row: Any, changes: Mapping[str, Any], allowed: Iterable[str],
                        clean: Callable[[Mapping[str, Any]], Mapping[str, Any]], to_record: Callable[[Any], Any],
                        action: str, entity: str) -> Any:
    """Set the checked ``changes`` on a draft batch or appraisal list and audit what really changed."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError({k: t("{key} cannot be changed here", key=k) for k in sorted(unknown)})
    before = to_record(row).audit_view()
    for key, value in clean(changes).items():
        setattr(row, key, value)
    _touch(row, actor)
    session.flush()
    record = to_record(row)
    old, new = audit.diff(before, record.audit_view())
    if new:
        audit.record(session, actor, action, entity, row.id, old, new)
    return record


def get_batch(session: Session, batch_id: int) -> BatchRecord:
    return _batch_record(_load_batch(session, batch_id))


def find_batch(session: Session, ref: str | int) -> BatchRecord:
    """A batch by its number (JS-2026-001) or its id."""
    text = str(ref).strip()
    batch = session.scalar(select(TransferBatch).where(TransferBatch.batch_no == text))
    if batch is None and text.isdigit():
        batch = session.get(TransferBatch, int(text))
    if batch is None:
        batch = session.scalar(select(TransferBatch).where(TransferBatch.batch_no == codes.normalize_scan(text)))
    if batch is None:
        raise NotFoundError(t("There is no transfer batch {ref}", ref=ref))
    return _batch_record(batch)


def list_batches(session: Session, direction: str | None = None, *, status: str | None = None, limit: int = 500) -> list[BatchRecord]:
    stmt = select(TransferBatch).order_by(TransferBatch.id.desc()).limit(limit)
    if direction:
        stmt = stmt.where(TransferBatch.direction == direction)
    if status:
        stmt = stmt.where(TransferBatch.status == status)
    return [_batch_record(b) for b in session.scalars(stmt)]


def list_lines(session: Session, batch_id: int) -> list[LineRecord]:
    stmt = select(TransferLine).where(TransferLine.batch_id == batch_id).order_by(TransferLine.seq, TransferLine.id)
    return [_line_record(ln) for ln in session.scalars(stmt)]


def _next_seq(session: Session, batch_id: int) -> int:
    return (session.scalar(select(func.max(TransferLine.seq)).where(TransferLine.batch_id == batch_id)) or 0) + 1


def _code_values(session: Session, code: str) -> dict[str, Any]:
    """What a 档号 tells by itself: fonds, category, year, retention (from the first category pattern it fits)."""
    cache = session.info.setdefault("transfers.code_values", {})
    if code not in cache:
        cache[code] = _parse_code(session, code)
    return dict(cache[code])


def _parse_code(session: Session, code: str) -> dict[str, Any]:
    for cat in _categories(session).values():
        pattern = cat.pattern
        if not pattern.matches(code):
            continue
        try:
            parts = pattern.parse(code)
        except ValidationError:  # pragma: no cover - matches() said it fits
            continue
        if str(parts.get("category", cat.code)) != cat.code:
            continue
        out: dict[str, Any] = {"category_code": cat.code}
        if "fonds" in parts:
            out["fonds_code"] = str(parts["fonds"])
        if "year" in parts:
            out["year"] = int(str(parts["year"]))
        if "retention" in parts:
            out["retention"] = str(parts["retention"])
        if "org" in parts:
            out["org_code"] = str(parts["org"])
        return out
    return {}


def _categories(session: Session) -> dict[str, catalogue.CategoryRecord]:
    """Categories by code, read once per session (sessions are short: one dialog step, one command)."""
    cats = session.info.get("transfers.categories")
    if cats is None:
        cats = {c.code: c for c in catalogue.list_categories(session, active_only=False)}
        session.info["transfers.categories"] = cats
    return cats


def _line_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """Clean a line's values; the core columns, and the rest (category fields, dates …) into ``data``."""
    code = codes.canonical_code(str(values.get("code") or ""))
    if not code:
        raise ValidationError({"code": t("The archival code is required")})
    implied = _code_values(session, code)
    year = _to_int(values.get("year"), "year")
    if year is None:
        year = implied.get("year")
    retention = codes.normalize_scan(str(values.get("retention") or implied.get("retention") or ""))
    clean: dict[str, Any] = {
        "code": code,
        "title": str(values.get("title") or "").strip(),
        "year": year,
        "retention": retention,
        "item_count": _to_int(values.get("item_count"), "item_count", default=0),
        "pages": _to_int(values.get("pages"), "pages", default=0),
        "notes": str(values.get("notes") or "").strip(),
    }
    data = {k: _jsonable(v) for k, v in values.items() if k not in clean and k not in ("seq", "location_ref") and v not in (None, "")}
    for k in ("fonds_code", "category_code"):
        if k not in data and k in implied:
            data[k] = implied[k]
    clean["data"] = data
    return clean


def add_line(session: Session, actor: Actor, batch_id: int, values: Mapping[str, Any], *, expected: bool = True,
             found: bool = False, found_pages: int | None = None) -> LineRecord:
    """Add a line to a draft receiving batch (by hand, by scanning a code, or from an import).

    ``values``: code (required), title, year, retention, item_count, pages, notes, and any further values
    (category fields such as claim_no, start_date/end_date, responsible, security …) kept in ``data``
    and used when the volume is created. Year, retention, fonds and category default to what the code says.
    """
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "in":
        raise StatusError(t("Volumes are added to a handing-over batch from the catalogue, not typed in."))
    clean = _line_values(session, values)
    found_pages = _to_int(found_pages, "found_pages")
    clash = session.scalar(select(TransferLine.seq).where(TransferLine.batch_id == batch_id, TransferLine.code == clean["code"]))
    if clash is not None:
        raise ValidationError({"code": t("{code} is already on this batch (line {seq})", code=clean["code"], seq=clash)})
    existing = session.scalar(select(Volume.id).where(Volume.code == clean["code"]))
    line = TransferLine(batch_id=batch_id, seq=_next_seq(session, batch_id), volume_id=existing, expected=expected, found=found,
                        found_pages=found_pages, **clean)
    session.add(line)
    session.flush()
    record = _line_record(line)
    audit.record(session, actor, "transfer.add_line", "transfer_line", line.id, None,
                 {"batch_no": batch.batch_no, "seq": line.seq, "code": line.code, "title": line.title,
                  "expected": expected, "found": found, "pages": line.pages, "found_pages": found_pages})
    return record


LINE_FIELDS = ("code", "title", "year", "retention", "item_count", "pages", "notes")


def update_line(session: Session, actor: Actor, line_id: int, changes: Mapping[str, Any]) -> LineRecord:
    """Correct a line of a draft receiving batch (e.g. fill in the title of an unexpected volume)."""
    line = session.get(TransferLine, line_id, populate_existing=True)
    if line is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    _load_batch(session, line.batch_id, for_change=True)  # refuses lines of a confirmed batch
    before = {k: getattr(line, k) for k in LINE_FIELDS} | {"data": dict(line.data or {})}
    merged = {k: getattr(line, k) for k in LINE_FIELDS} | dict(line.data or {}) | dict(changes)
    clean = _line_values(session, merged)
    if clean["code"] != line.code:
        clash = session.scalar(select(TransferLine.seq).where(TransferLine.batch_id == line.batch_id, TransferLine.code == clean["code"],
                                                            TransferLine.id != line.id))
        if clash is not None:
            raise ValidationError({"code": t("{code} is already on this batch (line {seq})", code=clean["code"], seq=clash)})
        line.volume_id = session.scalar(select(Volume.id).where(Volume.code == clean["code"]))
    for key, value in clean.items():
        setattr(line, key, value)
    session.flush()
    after = {k: getattr(line, k) for k in LINE_FIELDS} | {"data": dict(line.data or {})}
    old, new = audit.diff(before, after)
    if new:
        audit.record(session, actor, "transfer.update_line", "transfer_line", line.id, old, new)
    return _line_record(line)


def set_found(session: Session, actor: Actor, line_id: int, found: bool, found_pages: int | None = None, *,
              keep_pages: bool = False) -> LineRecord:
    """Tick (or untick) a line on the receiving check and record the pages counted (None: as listed).
    Unticking an unexpected line means it was sent back (state *returned*)."""
    line = session.get(TransferLine, line_id, populate_existing=True)
    if line is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    batch = _load_batch(session, line.batch_id, for_change=True)
    return _tick(session, actor, batch, line, found, found_pages, keep_pages=keep_pages)


def _tick(session: Session, actor: Actor, batch: TransferBatch, line: TransferLine, found: bool, found_pages: int | None, *,
          keep_pages: bool = False) -> LineRecord:
    pages = _to_int(found_pages, "found_pages")
    before = {"found": bool(line.found), "found_pages": line.found_pages}
    line.found = bool(found)
    if not keep_pages:
        line.found_pages = pages if found else None
    session.flush()
    after = {"found": bool(line.found), "found_pages": line.found_pages}
    if before != after:
        audit.record(session, actor, "transfer.check", "transfer_line", line.id, before, after | {"batch_no": batch.batch_no, "code": line.code})
    return _line_record(line)


def set_found_pages(session: Session, actor: Actor, line_id: int, found_pages: int | None) -> LineRecord:
    """Record the page count of a line already ticked (the listed count is taken when None)."""
    line = session.get(TransferLine, line_id)
    if line is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    return set_found(session, actor, line_id, True, found_pages)


def scan_check(session: Session, actor: Actor, batch_id: int, text: str, *, pages: int | None = None) -> ScanOutcome:
    """One scan on the receiving check (or the packing check of a handing-over batch).

    A code on the list is ticked (with ``pages`` counted, if given); a code ticked before is reported
    ``again``; a code not on the list is added as *unexpected* (with what the catalogue or the code itself
    tells about it) on a receiving batch, and refused on a handing-over batch."""
    batch = _load_batch(session, batch_id, for_change=True)
    scanned = codes.normalize_scan(text)
    if not scanned:
        return ScanOutcome("refused", None, t("Nothing was scanned"))
    code = codes.payload_to_code(scanned)
    line = session.scalar(select(TransferLine).where(TransferLine.batch_id == batch_id, TransferLine.code == code))
    if line is None:
        # a volume label scanned whose code differs only by how it is written (barcode payload)
        vol = session.scalar(select(Volume).where(Volume.barcode == scanned))
        if vol is not None:
            line = session.scalar(select(TransferLine).where(TransferLine.batch_id == batch_id, TransferLine.code == vol.code))
            code = vol.code
    if line is not None:
        if line.found and pages is None:
            return ScanOutcome("again", _line_record(line), t("{code} was already ticked (line {seq})", code=line.code, seq=line.seq))
        record = _tick(session, actor, batch, line, True, pages if pages is not None else line.found_pages)
        if not line.expected:
            return ScanOutcome("unexpected", record, t("{code} is not on the list (line {seq})", code=line.code, seq=line.seq))
        msg = t("{code} ticked (line {seq})", code=line.code, seq=line.seq)
        if record.page_difference:
            msg = t("{code} ticked (line {seq}); pages differ: listed {listed}, counted {counted}", code=line.code, seq=line.seq,
                    listed=record.pages, counted=record.found_pages)
        return ScanOutcome("found", record, msg)
    if batch.direction == "out":
        return ScanOutcome("refused", None, t("{code} is not on this batch", code=code))
    vol = session.scalar(select(Volume).where(Volume.code == code))
    values: dict[str, Any] = {"code": code}
    if vol is not None:
        values |= {"title": vol.title, "year": vol.year, "retention": vol.retention, "item_count": vol.item_count, "pages": vol.pages}
    elif not _code_values(session, code):
        return ScanOutcome("refused", None, t("{code} is not an archival code this catalogue knows: no category pattern fits it", code=code))
    record = add_line(session, actor, batch_id, values, expected=False, found=True, found_pages=pages)
    return ScanOutcome("unexpected", record, t("{code} is not on the list: added as unexpected (line {seq})", code=code, seq=record.seq))


# ---------------------------------------------------------------- importing the department's list


def plan_transfer_list(session: Session | None, path: str | Path, *, mapping: Any = None, sheet: Any = None,
                       progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None) -> Any:
    """Plan reading a department's transfer list (an Excel register) through the importing layer.

    Rows whose 档号 is already in the catalogue come back as ``existing``: receiving them updates those
    volumes. Returns the importing layer's ``ImportPlan``; nothing is written."""
    from archive_desk.importing import plan_import

    def existing(keys: Iterable[str]) -> set[str]:
        if session is None:
            return set()
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            found |= set(session.scalars(select(Volume.code).where(Volume.code.in_(keys[start:start + 500]))))
        return found

    return plan_import(path, kind="volumes", mapping=mapping, sheet=sheet, existing_codes=existing, progress=progress,
                       should_cancel=should_cancel)


def add_planned_lines(session: Session, actor: Actor, batch_id: int, plan: Any, *, include_existing: bool = True,
                      progress: Progress | None = None) -> AddResult:
    """Add the importable rows of a planned list to a draft receiving batch (rows already on it are skipped).
    One audit row records the import with every line it added (file, sheet row and 档号)."""
    rows = list(plan.importable(include_existing=include_existing))
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "in":
        raise StatusError(t("Volumes are added to a handing-over batch from the catalogue, not typed in."))
    on_batch = set(session.scalars(select(TransferLine.code).where(TransferLine.batch_id == batch_id)))
    seq = _next_seq(session, batch_id)
    new: list[TransferLine] = []
    skipped = 0
    refused: list[Refusal] = []
    for i, row in enumerate(rows, start=1):
        values = dict(row.values)
        code = codes.canonical_code(str(values.get("code") or ""))
        if code in on_batch:
            skipped += 1
            continue
        values["source_row"] = row.row
        values["source_sheet"] = row.sheet
        try:
            clean = _line_values(session, values)
        except UserError as exc:
            refused.append(Refusal(None, code, str(exc)))
            continue
        new.append(TransferLine(batch_id=batch_id, seq=seq, volume_id=None, expected=True, found=False, found_pages=None, **clean))
        seq += 1
        on_batch.add(code)
        if progress is not None and i % 500 == 0:
            progress(i, len(rows))
    known: dict[str, int] = {}
    all_codes = [ln.code for ln in new]
    for start in range(0, len(all_codes), 500):
        known.update(dict(session.execute(select(Volume.code, Volume.id).where(Volume.code.in_(all_codes[start:start + 500]))).all()))
    for ln in new:
        ln.volume_id = known.get(ln.code)
    session.add_all(new)
    session.flush()
    audit.record(session, actor, "transfer.import", "transfer_batch", batch_id, None,
                 {"batch_no": batch.batch_no, "file": Path(str(plan.path)).name, "added": len(new), "skipped": skipped,
                  "refused": [{"code": r.code, "reason": r.reason} for r in refused], "rows_read": plan.summary.rows_read,
                  "rejected": plan.summary.rejected, "duplicate": plan.summary.duplicate,
                  "lines": [[ln.seq, ln.code, (ln.data or {}).get("source_row")] for ln in new]})
    if progress is not None:
        progress(len(rows), len(rows))
    return AddResult(tuple(_line_record(ln) for ln in new), tuple(refused), skipped)


# ---------------------------------------------------------------- the receiving check


def _fonds_ids(session: Session) -> dict[str, int]:
    ids = session.info.get("transfers.fonds")
    if ids is None:
        ids = dict(session.execute(select(Fonds.code, Fonds.id)).all())
        session.info["transfers.fonds"] = ids
    return ids


def _target_values(session: Session, line: TransferLine) -> dict[str, Any]:
    """The volume values a received line stands for (as create_volume / update_volume take them)."""
    data = dict(line.data or {})
    implied = _code_values(session, line.code)
    fonds_code = str(data.get("fonds_code") or implied.get("fonds_code") or "")
    category_code = str(data.get("category_code") or implied.get("category_code") or "")
    fonds_id = _fonds_ids(session).get(codes.normalize_scan(fonds_code)) if fonds_code else None
    cats = _categories(session)
    category = cats.get(codes.normalize_scan(category_code)) if category_code else None
    values: dict[str, Any] = {
        "code": line.code,
        "fonds_id": fonds_id,
        "category_id": category.id if category else None,
        "year": line.year if line.year is not None else implied.get("year"),
        "retention": line.retention or implied.get("retention") or "",
        "title": line.title,
        "pages": line.found_pages if line.found_pages is not None else line.pages,
        "item_count": line.item_count,
        "notes": line.notes or str(data.get("notes") or ""),
    }
    for key in ("responsible", "start_date", "end_date", "security", "box_no", "item_start", "item_end"):
        if data.get(key) not in (None, ""):
            values[key] = data[key]
    if data.get("security_years") not in (None, ""):
        values["security_period"] = data["security_years"]
    if implied.get("org_code"):
        values["org_code"] = implied["org_code"]
    if category is not None:
        keys = {f.key for f in category.fields}
        custom = {k: data[k] for k in CUSTOM_KEYS if k in keys and data.get(k) not in (None, "")}
        if custom:
            values["custom"] = custom
    return values


def _line_problems(session: Session, line: TransferLine, *, check_existing: bool = True) -> list[str]:
    return _check_line(session, line, check_existing=check_existing)[0]


def _check_line(session: Session, line: TransferLine, *, check_existing: bool = True) -> tuple[list[str], dict[str, Any] | None]:
    """(problems, the checked volume values) of a line to be received as a new volume."""
    out: list[str] = []
    vol = session.scalar(select(Volume).where(Volume.code == line.code)) if check_existing else None
    if vol is not None:
        if vol.status not in RECEIVABLE_STATUSES:
            return [t("the volume is in the catalogue already and is {status}", status=catalogue.status_label(vol.status))], None
        return [], None  # received again: the catalogue's values are updated
    if not line.title.strip():
        out.append(t("the title is missing"))
    values = _target_values(session, line)
    data = dict(line.data or {})
    implied = _code_values(session, line.code)
    fonds_code = str(data.get("fonds_code") or implied.get("fonds_code") or "")
    if values["fonds_id"] is None:
        if fonds_code:
            out.append(t("there is no fonds {code} in the catalogue", code=fonds_code))
        else:
            out.append(t("the code does not name a fonds"))
    if values["category_id"] is None:
        out.append(t("no category pattern fits the code"))
    clean = None
    if not out:
        try:
            clean, _category = catalogue.validate_volume(session, values)
        except ValidationError as exc:
            out.extend(exc.problems.values())
    return out, clean


def check_summary(session: Session, batch_id: int, *, with_problems: bool = True) -> CheckSummary:
    """Expected, found, pending (missing), unexpected, returned and page differences of a batch, and the
    problems that would stop the received volumes from being created."""
    batch = _load_batch(session, batch_id)
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id).order_by(TransferLine.seq)))
    records = [_line_record(ln) for ln in lines]
    problems: list[LineProblem] = []
    if with_problems and batch.direction == "in" and batch.status == "draft":
        for ln, rec in zip(lines, records, strict=True):
            if rec.state in ("found", "unexpected"):
                for msg in _line_problems(session, ln):
                    problems.append(LineProblem(rec.id, rec.seq, rec.code, msg))
    return CheckSummary(
        expected=sum(1 for r in records if r.expected),
        found=sum(1 for r in records if r.state == "found"),
        pending=tuple(r for r in records if r.state == "pending"),
        unexpected=tuple(r for r in records if r.state == "unexpected"),
        returned=tuple(r for r in records if r.state == "returned"),
        page_differences=tuple(r for r in records if r.page_difference),
        problems=tuple(problems),
    )


# ---------------------------------------------------------------- handing over


def _refusal_reason(status: str) -> str | None:
    if status == VolumeStatus.IN_STOCK:
        return None
    if status == VolumeStatus.ON_LOAN:
        return t("on loan: it must be returned first")
    if status == VolumeStatus.TRANSFERRED:
        return t("already transferred out")
    if status == VolumeStatus.DESTROYED:
        return t("destroyed")
    if status == VolumeStatus.MISSING:
        return t("missing: it is not in the room")
    return t("void")


def add_volumes(session: Session, actor: Actor, batch_id: int, volume_ids: Iterable[int], *,
                progress: Progress | None = None) -> AddResult:
    """Put catalogue volumes on a draft handing-over batch; volumes on loan or already gone are refused
    (with the reason), volumes already on the batch are skipped."""
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "out":
        raise StatusError(t("Catalogue volumes are added to a handing-over batch; a receiving batch takes the department's list."))
    ids = list(dict.fromkeys(int(i) for i in volume_ids))
    existing_lines = {ln.volume_id: ln for ln in session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id))}
    on_batch = {vid for vid, ln in existing_lines.items() if ln.expected}
    elsewhere = _volumes_on_other_drafts(session, batch_id, ids)
    seq = _next_seq(session, batch_id)
    added: list[TransferLine] = []
    refused: list[Refusal] = []
    skipped = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))}
        for vid in chunk:
            vol = vols.get(vid)
            if vol is None:
                refused.append(Refusal(vid, "", t("no such volume")))
                continue
            if vid in on_batch:
                skipped += 1
                continue
            reason = _refusal_reason(vol.status)
            if reason is None and vid in elsewhere:
                reason = t("already on handing-over batch {no}", no=elsewhere[vid])
            if reason is not None:
                refused.append(Refusal(vid, vol.code, reason))
                continue
            if vid in existing_lines:  # taken off earlier: put it back
                line = existing_lines[vid]
                line.expected = True
                added.append(line)
                on_batch.add(vid)
                continue
            line = TransferLine(batch_id=batch_id, seq=seq, volume_id=vid, code=vol.code, title=vol.title, year=vol.year,
                                retention=vol.retention, item_count=vol.item_count, pages=vol.pages, expected=True, found=False, data={})
            seq += 1
            session.add(line)
            added.append(line)
            on_batch.add(vid)
        if progress is not None:
            progress(min(start + 500, len(ids)), len(ids))
    session.flush()
    if added or refused:
        audit.record(session, actor, "transfer.add_volumes", "transfer_batch", batch_id, None,
                     {"batch_no": batch.batch_no, "added": [ln.code for ln in added],
                      "refused": [{"code": r.code, "reason": r.reason} for r in refused]})
    return AddResult(tuple(_line_record(ln) for ln in added), tuple(refused), skipped)


def _volumes_on_other_drafts(session: Session, batch_id: int, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(TransferLine.volume_id, TransferBatch.batch_no)
            .join(TransferBatch, TransferBatch.id == TransferLine.batch_id)
            .where(TransferLine.volume_id.in_(ids[start:start + 500]), TransferBatch.status == "draft", TransferLine.expected.is_(True),
                   TransferBatch.direction == "out", TransferBatch.id != batch_id)
        )
        out.update({vid: no for vid, no in rows})
    return out


def permanent_older_than(years: int, *, today: date | None = None, retentions: tuple[str, ...] = ("Y",),
                         fonds_ids: tuple[int, ...] = (), category_ids: tuple[int, ...] = ()) -> VolumeFilter:
    """The usual 进馆移交 selection: volumes of ``retentions`` (永久) whose year is more than ``years`` ago."""
    this_year = (today or date.today()).year
    return VolumeFilter(retentions=retentions, year_to=this_year - years - 1, fonds_ids=fonds_ids, category_ids=category_ids,
                        statuses=(VolumeStatus.IN_STOCK,))


def filter_volume_ids(session: Session, flt: VolumeFilter, *, limit: int | None = None) -> list[int]:
    stmt = apply_filter(select(Volume.id), flt).order_by(Volume.code.concat(""))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def add_by_filter(session: Session, actor: Actor, batch_id: int, flt: VolumeFilter, *, limit: int | None = None,
                  progress: Progress | None = None) -> AddResult:
    """Put the volumes a filter selects on a draft handing-over batch (e.g. :func:`permanent_older_than`)."""
    return add_volumes(session, actor, batch_id, filter_volume_ids(session, flt, limit=limit), progress=progress)


def add_by_scan(session: Session, actor: Actor, batch_id: int, text: str) -> AddResult:
    """Put the scanned volume on a draft handing-over batch."""
    vol = catalogue.find_volume(session, text)
    if vol is None:
        return AddResult((), (Refusal(None, codes.canonical_code(text), t("not in the catalogue")),))
    return add_volumes(session, actor, batch_id, [vol.id])


def remove_lines(session: Session, actor: Actor, batch_id: int, line_ids: Iterable[int]) -> int:
    """Take volumes off a *draft* handing-over batch. Nothing is deleted: the line stays, marked as taken off
    (not ``expected``), and is left out of the confirmation and the printed list; adding the volume again
    puts it back. Receiving lines are never taken off: an unexpected volume sent back is unticked (*returned*)."""
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "out":
        raise StatusError(t("Lines of a receiving batch stay on it; untick a volume that was sent back."))
    ids = list(line_ids)
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id, TransferLine.id.in_(ids),
                                                            TransferLine.expected.is_(True))))
    for ln in lines:
        ln.expected = False
        ln.found = False
        audit.record(session, actor, "transfer.remove_line", "transfer_line", ln.id,
                     {"expected": True}, {"expected": False, "batch_no": batch.batch_no, "seq": ln.seq, "code": ln.code, "volume_id": ln.volume_id})
    session.flush()
    return len(lines)


# ---------------------------------------------------------------- confirming


def confirm_batch(session: Session, actor: Actor, batch_id: int, expected_version: int | None = None, *,
                  accept_missing: bool = False, progress: Progress | None = None) -> ConfirmResult:
    """Confirm a draft batch in the caller's transaction (``db.write()``): all of it, or nothing.

    Receiving: every volume that arrived (found or unexpected) is created, or updated when the catalogue
    has it already; lines still pending are recorded as missing (refused unless ``accept_missing``).
    Handing over: every volume becomes ``transferred``; a volume lent or gone since it was put on the
    batch stops the whole confirmation. One audit row per volume names the batch."""
    batch = _load_batch(session, batch_id, for_change=True, expected_version=expected_version)
    if batch.direction == "in":
        result = _confirm_receiving(session, actor, batch, accept_missing=accept_missing, progress=progress)
    else:
        result = _confirm_handover(session, actor, batch, progress=progress)
    batch.status = "confirmed"
    batch.confirmed_at = audit.utcnow()
    if batch.transfer_date is None:
        batch.transfer_date = date.today()
    _touch(batch, actor)
    session.flush()
    audit.record(session, actor, "transfer.confirm", "transfer_batch", batch.id, {"status": "draft"},
                 {"status": "confirmed", "batch_no": batch.batch_no, "direction": batch.direction, "volumes": len(result.volume_ids),
                  "created": result.created, "updated": result.updated, "missing": result.missing, "transferred": result.transferred})
    return result


def _confirm_receiving(session: Session, actor: Actor, batch: TransferBatch, *, accept_missing: bool,
                       progress: Progress | None) -> ConfirmResult:
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch.id).order_by(TransferLine.seq)))
    pending = [ln for ln in lines if ln.expected and not ln.found]
    receive = [ln for ln in lines if ln.found]
    returned = [ln for ln in lines if not ln.expected and not ln.found]
    if not receive:
        raise StatusError(t("No volume of batch {no} was ticked as arrived; there is nothing to receive.", no=batch.batch_no))
    if pending and not accept_missing:
        raise StatusError(t("{n} volumes on the list have not arrived: {codes}. Confirm with them recorded as missing, or tick them first.",
                            n=len(pending), codes="、".join(ln.code for ln in pending[:5]) + ("…" if len(pending) > 5 else "")))
    total = len(receive) * 2 + 1  # checking, writing, then the last step (audit rows) before the commit
    session.info.pop("transfers.fonds", None)

    # 1. check every line before anything is written: one problem stops the whole batch
    existing: dict[str, Volume] = {}
    all_codes = [ln.code for ln in receive]
    for start in range(0, len(all_codes), 500):
        existing.update({v.code: v for v in session.scalars(select(Volume).where(Volume.code.in_(all_codes[start:start + 500])))})
    cats_by_id = {c.id: c for c in _categories(session).values()}
    fonds_codes = {fid: code for code, fid in _fonds_ids(session).items()}
    problems: list[str] = []
    planned: list[tuple[TransferLine, dict[str, Any]]] = []
    updates: list[tuple[TransferLine, Volume, dict[str, Any]]] = []
    for i, ln in enumerate(receive, start=1):
        vol = existing.get(ln.code)
        if vol is not None:
            if vol.status not in RECEIVABLE_STATUSES:
                problems.append(t("line {seq} {code}: {problem}", seq=ln.seq, code=ln.code,
                                  problem=t("the volume is in the catalogue already and is {status}", status=catalogue.status_label(vol.status))))
            else:
                updates.append((ln, vol, _target_values(session, ln)))
        else:
            msgs, clean = _check_line(session, ln, check_existing=False)
            if msgs or clean is None:
                problems += [t("line {seq} {code}: {problem}", seq=ln.seq, code=ln.code, problem=m) for m in msgs]
            else:
                planned.append((ln, clean))
        if progress is not None and i % 50 == 0:
            progress(i, total)
    barcodes = [clean["barcode"] for _ln, clean in planned]
    for start in range(0, len(barcodes), 500):
        for code in session.scalars(select(Volume.code).where(Volume.barcode.in_(barcodes[start:start + 500]))):
            problems.append(t("{code}: the barcode is used by another volume already", code=code))
    if problems:
        more = t(" and {n} more", n=len(problems) - 8) if len(problems) > 8 else ""
        raise ValidationError({"lines": t("Batch {no} cannot be confirmed: {problems}", no=batch.batch_no,
                                          problems="；".join(problems[:8]) + more)})

    # 2. volumes already catalogued are updated one by one through the catalogue (rare)
    entries: list[AuditRow] = []
    ids_by_line: dict[int, int] = {}
    for ln, vol, values in updates:
        changes = {k: v for k, v in values.items() if k in catalogue.EDITABLE_VOLUME_FIELDS and k not in ("code", "fonds_id", "category_id")
                   and v not in (None, "")}
        if "custom" in changes:
            changes["custom"] = {**dict(vol.custom or {}), **changes["custom"]}
        record = catalogue.update_volume(session, actor, vol.id, vol.version, changes)
        if record.status == VolumeStatus.MISSING:
            catalogue.set_status(session, actor, vol.id, VolumeStatus.IN_STOCK, reason=t("received with batch {no}", no=batch.batch_no),
                                 action="transfer.receive_status")
        ids_by_line[ln.id] = vol.id

    # 3. new volumes in one multi-row insert; their audit rows chained in one go
    now = audit.utcnow()
    base = {"security": "公开", "security_period": None, "org_code": "", "sequence": 0, "box_no": None, "item_start": None, "item_end": None,
            "responsible": "", "start_date": None, "end_date": None, "pages": 0, "item_count": 0, "notes": "", "custom": {},
            "layer_id": None, "shelf_position": None, "thickness_mm": None, "label_printed_at": None}
    rows = [{**base, **clean, "status": VolumeStatus.IN_STOCK.value, "created_at": now, "created_by": actor.user, "updated_at": now,
             "updated_by": actor.user, "version": 1} for _ln, clean in planned]
    new_ids: list[int] = []
    for start in range(0, len(rows), 500):
        new_ids += list(session.scalars(insert(Volume).returning(Volume.id, sort_by_parameter_order=True), rows[start:start + 500]))
        if progress is not None:
            progress(len(receive) + min(start + 500, len(rows)), total)
    for (ln, _clean), row, vid in zip(planned, rows, new_ids, strict=True):
        ids_by_line[ln.id] = vid
        view = {k: v for k, v in row.items() if k not in ("created_at", "created_by", "updated_at", "updated_by", "version")}
        view["fonds_code"] = fonds_codes.get(row["fonds_id"], "")
        view["category_code"] = cats_by_id[row["category_id"]].code if row["category_id"] in cats_by_id else ""
        entries.append(("volume.create", "volume", vid, None, view))
    for ln in receive:
        vid = ids_by_line[ln.id]
        ln.volume_id = vid
        notes = []
        if ln.expected and ln.found_pages is not None and ln.found_pages != ln.pages:
            notes.append(t("pages differ: listed {listed}, counted {counted}", listed=ln.pages, counted=ln.found_pages))
        if not ln.expected:
            notes.append(t("not on the sender's list"))
        entries.append(("transfer.receive", "volume", vid, None,
                         {"batch_no": batch.batch_no, "seq": ln.seq, "from_unit": batch.from_unit, "nature": batch.nature,
                          "created": ln.code not in existing, "pages": ln.found_pages if ln.found_pages is not None else ln.pages,
                          "notes": "；".join(notes)}))
    for ln in pending:
        entries.append(("transfer.missing", "transfer_line", ln.id, None, {"batch_no": batch.batch_no, "seq": ln.seq, "code": ln.code}))
    audit.record_many(session, actor, list(entries))
    session.flush()
    if progress is not None:
        progress(total, total)
    ids = tuple(ids_by_line[ln.id] for ln in receive)
    return ConfirmResult(batch.batch_no, ids, created=len(planned), updated=len(updates), missing=len(pending), returned=len(returned))


def _confirm_handover(session: Session, actor: Actor, batch: TransferBatch, *, progress: Progress | None) -> ConfirmResult:
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch.id, TransferLine.expected.is_(True))
                                 .order_by(TransferLine.seq)))
    if not lines:
        raise StatusError(t("Batch {no} has no volumes.", no=batch.batch_no))
    vols = {}
    for start in range(0, len(lines), 500):
        chunk = [ln.volume_id for ln in lines[start:start + 500]]
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))})
    blocked = []
    for ln in lines:
        vol = vols.get(ln.volume_id)  # type: ignore[arg-type]
        reason = _refusal_reason(vol.status) if vol is not None else t("no such volume")
        if reason is not None:
            blocked.append(t("{code} ({reason})", code=ln.code, reason=reason))
    if blocked:
        raise StatusError(t("Batch {no} cannot be confirmed: {n} volumes are no longer available: {list}. Take them off the batch first.",
                            no=batch.batch_no, n=len(blocked), list="、".join(blocked[:8]) + ("…" if len(blocked) > 8 else "")))
    reason = t("handed over with batch {no} to {unit}", no=batch.batch_no, unit=batch.to_unit)
    leaving = []
    for ln in lines:
        vol = vols[ln.volume_id]  # type: ignore[index]
        # the list shows the volume as it leaves
        ln.code, ln.title, ln.year, ln.retention, ln.item_count, ln.pages = vol.code, vol.title, vol.year, vol.retention, vol.item_count, vol.pages
        leaving.append(vol)
    session.flush()
    _bulk_set_status(session, actor, leaving, VolumeStatus.TRANSFERRED, reason, "transfer.out", lambda v: {"batch_no": batch.batch_no})
    if progress is not None:
        progress(len(lines), len(lines))
    return ConfirmResult(batch.batch_no, tuple(v.id for v in leaving), transferred=len(leaving))


# ---------------------------------------------------------------- shelf space


def propose_shelf_space(session: Session, actor: Actor, batch_id: int, *, reserve: bool = False, limit: int = 3) -> ShelfProposal | None:
    """Ask the shelving service's space finder where the volumes of a receiving batch can go (stretches of free
    layers near their category's last shelved volume); with ``reserve`` the first proposal's layers are reserved
    for the batch (label = batch number). None when the shelving service is not installed."""
    try:
        from archive_desk.services import locations  # noqa: PLC0415
    except ImportError:  # pragma: no cover - before the shelving service existed
        return None
    if not hasattr(locations, "find_space"):  # pragma: no cover
        return None
    batch = _load_batch(session, batch_id)
    lines = [ln for ln in session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id))
             if ln.found or (ln.expected and batch.status == "draft")]
    if not lines:
        return ShelfProposal(0, (), False, t("The batch has no volumes."))
    cats = _categories(session)
    by_cat: dict[str, int] = {}
    for ln in lines:
        code = str((ln.data or {}).get("category_code") or _code_values(session, ln.code).get("category_code") or "")
        by_cat[code] = by_cat.get(code, 0) + 1
    main = cats.get(max(by_cat, key=lambda k: by_cat[k])) if by_cat else None
    search = locations.find_space(session, len(lines), category_id=main.id if main else None, limit=limit)
    places = tuple(search.proposals)
    reserved = False
    if reserve and places:
        locations.reserve_layers(session, actor, list(places[0].layer_ids), batch.batch_no)
        reserved = True
    if places:
        text = "；".join(t("{first} to {last} ({words}), room for {n} volumes", first=p.first_code, last=p.last_code, words=p.words,
                           n=p.capacity) for p in places)
    else:
        text = t("No stretch of free layers holds {n} volumes.", n=len(lines))
    audit.record(session, actor, "transfer.propose_space", "transfer_batch", batch_id, None,
                 {"batch_no": batch.batch_no, "volumes": len(lines), "reserved": reserved,
                  "proposals": [[p.first_code, p.last_code, p.capacity] for p in places]})
    return ShelfProposal(len(lines), places, reserved, text)


# ================================================================ appraisal


def create_appraisal(session: Session, actor: Actor, year: int, **values: Any) -> AppraisalRecord:
    """A new draft appraisal list for ``year`` (list number XH-YYYY-NNN unless ``list_no`` is given)."""
    clean = _clean_appraisal_values({"year": year, **values})
    list_no = (values.get("list_no") or "").strip() or _next_number(session, Appraisal, Appraisal.list_no, PREFIXES["appraisal"], clean["year"])
    if session.scalar(select(Appraisal.id).where(Appraisal.list_no == list_no)) is not None:
        raise ValidationError({"list_no": t("The list number {no} is already used", no=list_no)})
    a = Appraisal(list_no=list_no, status="draft", created_by=actor.user, updated_by=actor.user, **clean)
    session.add(a)
    session.flush()
    record = _appraisal_record(a)
    audit.record(session, actor, "appraisal.create", "appraisal", a.id, None, record.audit_view())
    return record


def _clean_appraisal_values(values: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key in APPRAISAL_FIELDS:
        if key not in values:
            continue
        value = values[key]
        if key == "year":
            year = _to_int(value, "year")
            if year is None or not 1900 <= year <= date.today().year + 1:
                raise ValidationError({"year": t("{value} is not a year", value=value)})
            clean[key] = year
        elif key == "destroyed_on":
            clean[key] = _to_date(value, key)
        else:
            clean[key] = (value or "").strip()
    return clean


def _load_appraisal(session: Session, appraisal_id: int, *, for_change: bool = False, expected_version: int | None = None) -> Appraisal:
    a = session.get(Appraisal, appraisal_id, populate_existing=for_change)
    if a is None:
        raise NotFoundError(t("Appraisal list {id} does not exist", id=appraisal_id))
    if for_change and a.status != "draft":
        raise StatusError(t("Appraisal list {no} is confirmed and kept permanently; it can no longer be changed.", no=a.list_no))
    if expected_version is not None and a.version != expected_version:
        raise StaleEditError(t("Appraisal list {no} was changed meanwhile by {user}. Your changes were not saved; reload it and try again.",
                               no=a.list_no, user=a.updated_by or "?"))
    return a


def update_appraisal(session: Session, actor: Actor, appraisal_id: int, expected_version: int, changes: Mapping[str, Any]) -> AppraisalRecord:
    a = _load_appraisal(session, appraisal_id, for_change=True, expected_version=expected_version)
    return _change_particulars(session, actor, a, changes, APPRAISAL_FIELDS, _clean_appraisal_values, _appraisal_record,
                               "appraisal.update", "appraisal")


def get_appraisal(session: Session, appraisal_id: int) -> AppraisalRecord:
    return _appraisal_record(_load_appraisal(session, appraisal_id))


def find_appraisal(session: Session, ref: str | int) -> AppraisalRecord:
    text = str(ref).strip()
    a = session.scalar(select(Appraisal).where(Appraisal.list_no == text))
    if a is None and text.isdigit():
        a = session.get(Appraisal, int(text))
    if a is None:
        raise NotFoundError(t("There is no appraisal list {ref}", ref=ref))
    return _appraisal_record(a)


def list_appraisals(session: Session, *, year: int | None = None, status: str | None = None) -> list[AppraisalRecord]:
    stmt = select(Appraisal).order_by(Appraisal.id.desc())
    if year is not None:
        stmt = stmt.where(Appraisal.year == year)
    if status:
        stmt = stmt.where(Appraisal.status == status)
    return [_appraisal_record(a) for a in session.scalars(stmt)]


def _event_date(volume_custom: Mapping[str, Any] | None, field_key: str) -> date | None:
    if not field_key or not volume_custom:
        return None
    raw = volume_custom.get(field_key)
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def _latest_keeps(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """volume id -> the new retention of its latest confirmed keep decision."""
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(AppraisalLine.volume_id, AppraisalLine.new_retention)
            .join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
            .where(AppraisalLine.volume_id.in_(ids[start:start + 500]), AppraisalLine.decision == "keep", Appraisal.status == "confirmed")
            .order_by(Appraisal.id)
        )
        out.update({vid: ret for vid, ret in rows if ret})
    return out


def volume_expiry(session: Session, volume_id: int) -> tuple[date | None, str, str]:
    """(expires on, retention in force, basis) of one volume; basis "year" or the event field."""
    vol = session.get(Volume, volume_id)
    if vol is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    cat = session.get(Category, vol.category_id)
    field_key = cat.retention_event_field if cat else ""
    retention = _latest_keeps(session, [volume_id]).get(volume_id, vol.retention)
    event = _event_date(vol.custom, field_key)
    return expires_on(vol.year, retention_years(session, retention), event), retention, (field_key if event else "year")


def due_volumes(session: Session, as_of: date | None = None, *, fonds_ids: Sequence[int] = (), category_ids: Sequence[int] = (),
                limit: int | None = None, exclude_listed: bool = True) -> list[DueVolume]:
    """In-stock volumes whose retention has run out by ``as_of`` (default today), oldest first.

    Counted from the category's event date (``retention_event_field``, e.g. a claim's closing date or a
    patient's last discharge) when the volume has one, else from the end of the volume's year. A volume kept by
    an earlier appraisal counts with its new retention. Volumes already on an appraisal list still in draft are
    left out (``exclude_listed``)."""
    as_of = as_of or date.today()
    v = Volume.__table__.c
    cats = {c.id: c for c in _categories(session).values()}
    table = {code: retention_years(session, code) for code in (*codes.RETENTIONS, *DEFAULT_RETENTION_YEARS)}
    conds = []
    for cat in cats.values():
        if category_ids and cat.id not in category_ids:
            continue
        for code, years in table.items():
            if years is None:
                continue
            by_year = v.year <= as_of.year - 1 - years
            if cat.retention_event_field:
                ev = v.custom[cat.retention_event_field].as_string()
                limit_day = _add_years_back(as_of, years).isoformat()
                when = or_(and_(or_(ev.is_(None), ev == ""), by_year), and_(ev.is_not(None), ev != "", func.substr(ev, 1, 10) <= limit_day))
            else:
                when = by_year
            conds.append(and_(v.category_id == cat.id, v.retention == code, when))
    if not conds:
        return []
    stmt = (select(v.id, v.code, v.title, v.year, v.retention, v.pages, v.custom, v.category_id)
            .where(v.status == VolumeStatus.IN_STOCK, or_(*conds)))
    if fonds_ids:
        stmt = stmt.where(v.fonds_id.in_(list(fonds_ids)))
    if exclude_listed:
        listed = (select(AppraisalLine.volume_id).join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
                  .where(Appraisal.status == "draft", AppraisalLine.decision != REMOVED))
        stmt = stmt.where(v.id.not_in(listed))
    stmt = stmt.order_by(v.year, v.code.concat(""))
    rows = session.execute(stmt).all()
    keeps = _latest_keeps(session, [r.id for r in rows])
    out: list[DueVolume] = []
    for r in rows:
        cat = cats.get(r.category_id)
        field_key = cat.retention_event_field if cat else ""
        event = _event_date(r.custom, field_key)
        retention = keeps.get(r.id, r.retention)
        ends = expires_on(r.year, retention_years(session, retention), event)
        if ends is None or ends > as_of:
            continue
        out.append(DueVolume(r.id, r.code, r.title, r.year, retention, r.pages, ends, field_key if event else "year"))
        if limit is not None and len(out) >= limit:
            break
    return out


def _add_years_back(d: date, years: int) -> date:
    return _add_years(d, -years)


def _appraisal_line_record(session: Session, ln: AppraisalLine, vol: Volume | None, cat_codes: Mapping[int, str],
                           fonds_codes: Mapping[int, str], as_of: date | None = None) -> AppraisalLineRecord:
    data = dict(ln.data or {})
    if data.get("code"):  # frozen at confirmation
        expires = date.fromisoformat(data["expires_on"]) if data.get("expires_on") else None
        return AppraisalLineRecord(ln.id, ln.appraisal_id, ln.seq, ln.volume_id, ln.decision, ln.new_retention, ln.reason, data["code"],
                                   data.get("title", ""), int(data.get("year") or 0), data.get("retention", ""), int(data.get("pages") or 0),
                                   vol.status if vol else "", expires, data.get("fonds_code", ""), data.get("category_code", ""),
                                   MappingProxyType(data))
    assert vol is not None
    return AppraisalLineRecord(ln.id, ln.appraisal_id, ln.seq, ln.volume_id, ln.decision, ln.new_retention, ln.reason, vol.code, vol.title,
                               vol.year, vol.retention, vol.pages, vol.status, None, fonds_codes.get(vol.fonds_id, ""),
                               cat_codes.get(vol.category_id, ""), MappingProxyType(data))


def list_appraisal_lines(session: Session, appraisal_id: int, *, include_removed: bool = False) -> list[AppraisalLineRecord]:
    stmt = select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id).order_by(AppraisalLine.seq)
    if not include_removed:
        stmt = stmt.where(AppraisalLine.decision != REMOVED)
    lines = list(session.scalars(stmt))
    vols: dict[int, Volume] = {}
    ids = [ln.volume_id for ln in lines]
    for start in range(0, len(ids), 500):
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(ids[start:start + 500])))})
    cat_codes = {c.id: c.code for c in _categories(session).values()}
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    out = []
    keeps = _latest_keeps(session, ids)
    cats = {c.id: c for c in _categories(session).values()}
    for ln in lines:
        rec = _appraisal_line_record(session, ln, vols.get(ln.volume_id), cat_codes, fonds_codes)
        if rec.expires_on is None and ln.volume_id in vols:
            vol = vols[ln.volume_id]
            cat = cats.get(vol.category_id)
            event = _event_date(vol.custom, cat.retention_event_field if cat else "")
            retention = keeps.get(vol.id, vol.retention)
            rec = AppraisalLineRecord(**{**rec.__dict__, "retention": retention,
                                         "expires_on": expires_on(vol.year, retention_years(session, retention), event)})
        out.append(rec)
    return out


def add_appraisal_volumes(session: Session, actor: Actor, appraisal_id: int, volume_ids: Iterable[int], *,
                          decision: str = UNDECIDED) -> AddResult:
    """Put volumes on a draft appraisal list, undecided: a person decides each (destroy, or keep), nothing
    defaults to destruction. Volumes not in stock, or already on another draft list, are refused with the reason."""
    a = _load_appraisal(session, appraisal_id, for_change=True)
    if decision not in (UNDECIDED, *DECISIONS):
        raise ValidationError({"decision": t("The decision must be destroy or keep")})
    ids = list(dict.fromkeys(int(i) for i in volume_ids))
    existing_lines = {ln.volume_id: ln for ln in session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id))}
    on_list = {vid for vid, ln in existing_lines.items() if ln.decision != REMOVED}
    seq = (session.scalar(select(func.max(AppraisalLine.seq)).where(AppraisalLine.appraisal_id == appraisal_id)) or 0) + 1
    added: list[AppraisalLine] = []
    refused: list[Refusal] = []
    skipped = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))}
        other = dict(session.execute(
            select(AppraisalLine.volume_id, Appraisal.list_no).join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
            .where(AppraisalLine.volume_id.in_(chunk), Appraisal.status == "draft", Appraisal.id != appraisal_id,
                   AppraisalLine.decision != REMOVED)).all())
        for vid in chunk:
            vol = vols.get(vid)
            if vol is None:
                refused.append(Refusal(vid, "", t("no such volume")))
                continue
            if vid in on_list:
                skipped += 1
                continue
            reason = _refusal_reason(vol.status)
            if reason is None and vid in other:
                reason = t("already on appraisal list {no}", no=other[vid])
            if reason is not None:
                refused.append(Refusal(vid, vol.code, reason))
                continue
            if vid in existing_lines:  # taken off earlier: put it back
                ln = existing_lines[vid]
                ln.decision, ln.new_retention, ln.reason = decision, "", ""
                added.append(ln)
                on_list.add(vid)
                continue
            ln = AppraisalLine(appraisal_id=appraisal_id, seq=seq, volume_id=vid, decision=decision, new_retention="", reason="", data={})
            seq += 1
            session.add(ln)
            added.append(ln)
            on_list.add(vid)
    session.flush()
    if added or refused:
        audit.record(session, actor, "appraisal.add_volumes", "appraisal", a.id, None,
                     {"list_no": a.list_no, "added": len(added), "refused": [{"code": r.code, "reason": r.reason} for r in refused][:200]})
    records = list_appraisal_lines(session, appraisal_id)
    new_ids = {ln.id for ln in added}
    return AddResult(tuple(r for r in records if r.id in new_ids), tuple(refused), skipped)  # type: ignore[arg-type]


def add_due_volumes(session: Session, actor: Actor, appraisal_id: int, as_of: date | None = None, *, fonds_ids: Sequence[int] = (),
                    category_ids: Sequence[int] = (), limit: int | None = None) -> AddResult:
    """Put every volume due by ``as_of`` (see :func:`due_volumes`) on a draft appraisal list."""
    due = due_volumes(session, as_of, fonds_ids=fonds_ids, category_ids=category_ids, limit=limit)
    return add_appraisal_volumes(session, actor, appraisal_id, [d.volume_id for d in due])


def set_decision(session: Session, actor: Actor, line_id: int, decision: str, new_retention: str = "", reason: str = "") -> AppraisalLineRecord:
    """Decide one volume of a draft list: ``destroy``, or ``keep`` with a new retention (Y, D30, D10 or
    Dnn, counted from the same start) and the reason."""
    ln = session.get(AppraisalLine, line_id, populate_existing=True)
    if ln is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    a = _load_appraisal(session, ln.appraisal_id, for_change=True)
    if decision not in DECISIONS:
        raise ValidationError({"decision": t("The decision must be destroy or keep")})
    new_retention = codes.normalize_scan(new_retention or "")
    problems: dict[str, str] = {}
    if decision == "keep":
        if not (new_retention == "Y" or retention_years(session, new_retention)):
            problems["new_retention"] = t("Give the new retention: Y (permanent), D30, D10 or Dnn (nn years)")
        if not reason.strip():
            problems["reason"] = t("Say why the volume is kept")
    else:
        new_retention = ""
    if problems:
        raise ValidationError(problems)
    before = {"decision": ln.decision, "new_retention": ln.new_retention, "reason": ln.reason}
    ln.decision, ln.new_retention, ln.reason = decision, new_retention, reason.strip()
    session.flush()
    after = {"decision": ln.decision, "new_retention": ln.new_retention, "reason": ln.reason}
    if before != after:
        audit.record(session, actor, "appraisal.decide", "appraisal_line", ln.id, before, after | {"list_no": a.list_no, "volume_id": ln.volume_id})
    return next(r for r in list_appraisal_lines(session, a.id) if r.id == ln.id)


def remove_appraisal_lines(session: Session, actor: Actor, appraisal_id: int, line_ids: Iterable[int]) -> int:
    """Take volumes off a *draft* list: the line stays, marked ``removed`` (audited), and is left out of the
    confirmation and the printed list. A confirmed list never changes."""
    a = _load_appraisal(session, appraisal_id, for_change=True)
    lines = list(session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id, AppraisalLine.id.in_(list(line_ids)),
                                                             AppraisalLine.decision != REMOVED)))
    for ln in lines:
        audit.record(session, actor, "appraisal.remove_line", "appraisal_line", ln.id, {"decision": ln.decision},
                     {"decision": REMOVED, "list_no": a.list_no, "seq": ln.seq, "volume_id": ln.volume_id})
        ln.decision = REMOVED
    session.flush()
    return len(lines)


def confirm_appraisal(session: Session, actor: Actor, appraisal_id: int, expected_version: int | None = None, *,
                      progress: Progress | None = None) -> ConfirmResult:
    """Confirm a draft appraisal list in the caller's transaction: every volume decided *destroy* becomes
    ``destroyed`` (its record and history stay), every *keep* is recorded with its new retention, and each
    line's values are frozen so the 销毁清册 never changes. Refused when a volume is not in stock any more,
    its retention has not run out on the destruction date, or the signatures are missing."""
    a = _load_appraisal(session, appraisal_id, for_change=True, expected_version=expected_version)
    problems: dict[str, str] = {}
    for key, label in (("lead", t("the appraisal lead")), ("approver", t("the approver")), ("witness1", t("the first witness")),
                       ("witness2", t("the second witness"))):
        if not getattr(a, key).strip():
            problems[key] = t("Name {who}", who=label)
    if a.witness1.strip() and a.witness1.strip() == a.witness2.strip():
        problems["witness2"] = t("The two witnesses must be two different people")
    if problems:
        raise ValidationError(problems)
    on = a.destroyed_on or date.today()
    lines = list(session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == a.id, AppraisalLine.decision != REMOVED)
                                 .order_by(AppraisalLine.seq)))
    if not lines:
        raise StatusError(t("Appraisal list {no} has no volumes.", no=a.list_no))
    undecided = [ln for ln in lines if ln.decision not in DECISIONS]
    if undecided:
        codes_text = "、".join(session.scalar(select(Volume.code).where(Volume.id == ln.volume_id)) or "?" for ln in undecided[:8])
        raise StatusError(t("Appraisal list {no} cannot be confirmed: {n} volumes are not decided yet ({list}). Decide each: "
                            "destroy, or keep with a new retention and a reason.", no=a.list_no, n=len(undecided),
                            list=codes_text + ("…" if len(undecided) > 8 else "")))
    records = {r.id: r for r in list_appraisal_lines(session, a.id)}
    blocked = []
    for ln in lines:
        rec = records[ln.id]
        if ln.decision == "destroy" and rec.status != VolumeStatus.IN_STOCK:
            blocked.append(t("{code} ({reason})", code=rec.code, reason=_refusal_reason(rec.status) or rec.status))
        elif ln.decision == "destroy" and (rec.expires_on is None or rec.expires_on > on):
            blocked.append(t("{code} (its retention runs until {date})", code=rec.code,
                             date=rec.expires_on.isoformat() if rec.expires_on else t("permanent")))
        elif ln.decision == "keep" and not (ln.new_retention and ln.reason):
            blocked.append(t("{code} (kept without a new retention and a reason)", code=rec.code))
    if blocked:
        raise StatusError(t("Appraisal list {no} cannot be confirmed: {list}", no=a.list_no,
                            list="、".join(blocked[:8]) + ("…" if len(blocked) > 8 else "")))
    vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_([ln.volume_id for ln in lines])))}
    cats = {c.id: c for c in _categories(session).values()}
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    destroyed = kept = 0
    ids = []
    doomed: list[Volume] = []
    keeps: list[AuditRow] = []
    for i, ln in enumerate(lines, start=1):
        rec = records[ln.id]
        vol = vols[ln.volume_id]
        cat = cats.get(vol.category_id)
        event = _event_date(vol.custom, cat.retention_event_field if cat else "")
        ln.data = {
            "code": vol.code, "title": vol.title, "year": vol.year, "retention": rec.retention, "pages": vol.pages,
            "fonds_code": fonds_codes.get(vol.fonds_id, ""), "category_code": cat.code if cat else "",
            "expires_on": rec.expires_on.isoformat() if rec.expires_on else None,
            "kept_years": kept_years(vol.year, event, on), "basis": (cat.retention_event_field if event and cat else "year"),
            "notes": vol.notes,
        }
        if ln.decision == "destroy":
            doomed.append(vol)
            destroyed += 1
        else:
            keeps.append(("appraisal.keep", "volume", vol.id, {"retention": rec.retention},
                          {"retention": ln.new_retention, "reason": ln.reason, "list_no": a.list_no}))
            kept += 1
        ids.append(vol.id)
        if progress is not None and (i % 50 == 0 or i == len(lines)):
            progress(i, len(lines))
    session.flush()
    _bulk_set_status(session, actor, doomed, VolumeStatus.DESTROYED,
                     t("destroyed with appraisal list {no} on {date}", no=a.list_no, date=on.isoformat()), "appraisal.destroy",
                     lambda v: {"list_no": a.list_no})
    audit.record_many(session, actor, list(keeps))
    a.status = "confirmed"
    a.destroyed_on = on
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.confirm", "appraisal", a.id, {"status": "draft"},
                 {"status": "confirmed", "list_no": a.list_no, "destroyed": destroyed, "kept": kept, "destroyed_on": on})
    return ConfirmResult(a.list_no, tuple(ids), destroyed=destroyed, kept=kept)


# ================================================================ registers


@dataclass(frozen=True)
class RegisterFilter:
    direction: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # in a unit, a handler or the batch number
    nature: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class RegisterRow:
    """One line of the 移交(接收)登记簿."""

    batch_id: int
    batch_no: str
    direction: str
    nature: str
    transfer_date: date | None
    from_unit: str
    to_unit: str
    from_handler: str
    to_handler: str
    volumes: int
    items: int
    pages: int
    years: str
    missing: int
    status: str
    confirmed_at: datetime | None


def _batch_counts(session: Session, batch_ids: Sequence[int]) -> dict[int, tuple[int, int, int, int, int, int]]:
    """batch id -> (volumes, items, pages, first year, last year, missing) of what was (or is to be) handed over."""
    out: dict[int, tuple[int, int, int, int, int, int]] = {}
    LT, BT = TransferLine.__table__, TransferBatch.__table__
    L, B = LT.c, BT.c
    counted = or_(and_(B.direction == "out", L.expected.is_(True)), and_(B.direction == "in", L.found.is_(True)),
                  and_(B.direction == "in", B.status == "draft", L.expected.is_(True)))
    for start in range(0, len(batch_ids), 500):
        chunk = list(batch_ids[start:start + 500])
        rows = session.execute(
            select(L.batch_id,
                   func.sum(case((counted, 1), else_=0)),
                   func.sum(case((counted, L.item_count), else_=0)),
                   func.sum(case((counted, func.coalesce(L.found_pages, L.pages)), else_=0)),
                   func.min(L.year), func.max(L.year),
                   func.sum(case((and_(B.direction == "in", B.status == "confirmed", L.expected.is_(True), L.found.is_(False)), 1), else_=0)))
            .join(BT, B.id == L.batch_id).where(L.batch_id.in_(chunk)).group_by(L.batch_id)
        )
        for bid, n, items, pages, y0, y1, missing in rows:
            out[bid] = (int(n or 0), int(items or 0), int(pages or 0), y0 or 0, y1 or 0, int(missing or 0))
    return out


def _years_text(y0: int, y1: int) -> str:
    if not y0:
        return ""
    return str(y0) if y0 == y1 else f"{y0}—{y1}"


def transfer_register(session: Session, flt: RegisterFilter = RegisterFilter(), *, limit: int = 5000) -> list[RegisterRow]:
    """The 移交(接收)登记簿: batches, newest first, with what each moved."""
    B = TransferBatch
    stmt = select(B).order_by(B.transfer_date.desc(), B.id.desc()).limit(limit)
    if flt.direction:
        stmt = stmt.where(B.direction == flt.direction)
    if flt.year is not None:
        stmt = stmt.where(B.transfer_date >= date(flt.year, 1, 1), B.transfer_date <= date(flt.year, 12, 31))
    if flt.date_from is not None:
        stmt = stmt.where(B.transfer_date >= flt.date_from)
    if flt.date_to is not None:
        stmt = stmt.where(B.transfer_date <= flt.date_to)
    if flt.nature:
        stmt = stmt.where(B.nature == flt.nature)
    if flt.status:
        stmt = stmt.where(B.status == flt.status)
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        stmt = stmt.where(or_(B.from_unit.like(like), B.to_unit.like(like), B.batch_no.like(like), B.from_handler.like(like),
                              B.to_handler.like(like)))
    batches = list(session.scalars(stmt))
    counts = _batch_counts(session, [b.id for b in batches])
    out = []
    for b in batches:
        n, items, pages, y0, y1, missing = counts.get(b.id, (0, 0, 0, 0, 0, 0))
        out.append(RegisterRow(b.id, b.batch_no, b.direction, b.nature, b.transfer_date, b.from_unit, b.to_unit, b.from_handler,
                               b.to_handler, n, items, pages, _years_text(y0, y1), missing, b.status, b.confirmed_at))
    return out


@dataclass(frozen=True)
class DestructionFilter:
    year: int | None = None  # appraisal year
    fonds_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    text: str = ""  # in the 档号 or the title
    list_no: str = ""


@dataclass(frozen=True)
class DestroyedRow:
    """One destroyed volume in the destruction register."""

    list_no: str
    appraisal_year: int
    destroyed_on: date | None
    volume_id: int
    code: str
    title: str
    year: int
    retention: str
    kept_years: int | None
    pages: int
    fonds_code: str
    category_code: str
    lead: str
    approver: str
    witnesses: str


def destruction_register(session: Session, flt: DestructionFilter = DestructionFilter(), *, limit: int = 20000) -> list[DestroyedRow]:
    """Destroyed volumes of confirmed appraisal lists, newest list first (values as frozen on confirmation)."""
    A, AL, V = Appraisal, AppraisalLine, Volume
    stmt = (select(A, AL, V.category_id, V.fonds_id)
            .join(AL, AL.appraisal_id == A.id).join(V, V.id == AL.volume_id)
            .where(A.status == "confirmed", AL.decision == "destroy")
            .order_by(A.destroyed_on.desc(), A.id.desc(), AL.seq).limit(limit))
    if flt.year is not None:
        stmt = stmt.where(A.year == flt.year)
    if flt.fonds_ids:
        stmt = stmt.where(V.fonds_id.in_(list(flt.fonds_ids)))
    if flt.category_ids:
        stmt = stmt.where(V.category_id.in_(list(flt.category_ids)))
    if flt.list_no.strip():
        stmt = stmt.where(A.list_no == flt.list_no.strip())
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        stmt = stmt.where(or_(V.code.like(like), V.title.like(like)))
    out = []
    for a, ln, _cat, _fonds in session.execute(stmt):
        d = dict(ln.data or {})
        out.append(DestroyedRow(a.list_no, a.year, a.destroyed_on, ln.volume_id, d.get("code", ""), d.get("title", ""), int(d.get("year") or 0),
                                d.get("retention", ""), d.get("kept_years"), int(d.get("pages") or 0), d.get("fonds_code", ""),
                                d.get("category_code", ""), a.lead, a.approver, "、".join(x for x in (a.witness1, a.witness2) if x)))
    return out


def transfer_register_table(rows: Sequence[RegisterRow], flt: RegisterFilter = RegisterFilter()) -> Any:
    """The 移交(接收)登记簿 as an :class:`archive_desk.exporting.transfers.Register` (for the Excel export)."""
    from archive_desk.exporting.transfers import Register

    columns = ((t("Batch no."), 14), (t("Direction"), 8), (t("Nature"), 7), (t("Date"), 11), (t("Transferring unit"), 22),
               (t("Receiving unit"), 22), (t("Transferred by"), 9), (t("Receiver"), 9), (t("Volume count"), 7), (t("Items"), 7),
               (t("Pages"), 8), (t("Years"), 11), (t("Missing"), 7), (t("Status"), 8))
    body = tuple((r.batch_no, direction_label(r.direction), r.nature, r.transfer_date, r.from_unit, r.to_unit, r.from_handler,
                  r.to_handler, r.volumes, r.items, r.pages, r.years, r.missing, status_text(r.status)) for r in rows)
    return Register(t("Transfer and receiving register"), columns, body, describe_filter(flt))


def destruction_register_table(rows: Sequence[DestroyedRow], flt: DestructionFilter = DestructionFilter()) -> Any:
    """The destruction register as an :class:`archive_desk.exporting.transfers.Register`."""
    from archive_desk.exporting.transfers import Register

    columns = ((t("List no."), 14), (t("Destruction date"), 11), (t("Archival code"), 26), (t("Title"), 40), (t("Year"), 7),
               (t("Retention due"), 10), (t("Retention kept"), 10), (t("Pages"), 7), (t("Appraisal lead"), 9),
               (t("Approved by"), 9), (t("Witnesses"), 16))
    body = tuple((r.list_no, r.destroyed_on, r.code, r.title, r.year, retention_text(r.retention),
                  t("{n} years", n=r.kept_years) if r.kept_years is not None else "", r.pages, r.lead, r.approver, r.witnesses)
                 for r in rows)
    text = []
    if flt.year is not None:
        text.append(t("appraisal year {year}", year=flt.year))
    if flt.list_no:
        text.append(t("list {no}", no=flt.list_no))
    if flt.text:
        text.append(t("containing “{text}”", text=flt.text))
    return Register(t("Destruction register"), columns, body, "；".join(text))


def direction_label(direction: str) -> str:
    return t("received") if direction == "in" else t("handed over")


def status_text(status: str) -> str:
    return {"draft": t("draft"), "confirmed": t("confirmed")}.get(status, status)


def describe_filter(flt: RegisterFilter) -> str:
    text = []
    if flt.direction:
        text.append(direction_label(flt.direction))
    if flt.year is not None:
        text.append(t("year {year}", year=flt.year))
    if flt.date_from or flt.date_to:
        text.append(t("from {start} to {end}", start=flt.date_from or "…", end=flt.date_to or "…"))
    if flt.nature:
        text.append(flt.nature)
    if flt.status:
        text.append(status_text(flt.status))
    if flt.text:
        text.append(t("containing “{text}”", text=flt.text))
    return "；".join(text)


# ================================================================ what gets printed


def _room_name(session: Session) -> str:
    return unit_name(session) or t("Archive room")


def _line_note(ln: LineRecord, direction: str, confirmed: bool) -> tuple[str, bool]:
    """(备注, counted in the totals) of a line on the printed list."""
    notes = [ln.notes] if ln.notes else []
    counted = True
    if direction == "in":
        if ln.state == "pending":
            if confirmed:
                notes.append(t("missing, not received"))
                counted = False
        elif ln.state == "unexpected":
            notes.append(t("not on the sender's list"))
        elif ln.state == "returned":
            notes.append(t("returned to the sender"))
            counted = False
        if ln.page_difference:
            notes.append(t("listed {listed} pages, counted {counted}", listed=ln.pages, counted=ln.found_pages))
    elif not ln.expected:  # taken off a handing-over batch
        counted = False
    return "；".join(n for n in notes if n), counted


def _line_categories(session: Session, lines: Sequence[LineRecord]) -> dict[int, tuple[catalogue.CategoryRecord | None, int | None]]:
    """Per line id: its category (from its volume, else from its 档号) and the volume's thickness."""
    cats = _categories(session)
    by_id = {c.id: c for c in cats.values()}
    vol_ids = [ln.volume_id for ln in lines if ln.volume_id]
    vols: dict[int, tuple[int, int | None]] = {}
    for start in range(0, len(vol_ids), 500):
        vols.update({vid: (cid, th) for vid, cid, th in session.execute(
            select(Volume.id, Volume.category_id, Volume.thickness_mm).where(Volume.id.in_(vol_ids[start:start + 500])))})
    out: dict[int, tuple[catalogue.CategoryRecord | None, int | None]] = {}
    for ln in lines:
        cat = None
        thickness = None
        if ln.volume_id in vols:
            cid, thickness = vols[ln.volume_id]  # type: ignore[index]
            cat = by_id.get(cid)
        if cat is None:
            code = str(ln.data.get("category_code") or _code_values(session, ln.code).get("category_code") or "")
            cat = cats.get(code)
        out[ln.id] = (cat, thickness)
    return out


def _signed_on(batch: BatchRecord) -> date | None:
    """The day both sides signed: the batch's confirmation (nothing while it is a draft)."""
    return batch.confirmed_at.date() if batch.confirmed_at is not None and not batch.is_draft else None


@in_form_language
def transfer_list_data(session: Session, batch_id: int) -> Any:
    """The 移交清册 of a batch as :class:`archive_desk.printing.transfer_list.TransferList`."""
    from archive_desk.printing.transfer_list import TransferList, TransferListLine

    batch = get_batch(session, batch_id)
    confirmed = not batch.is_draft
    lines = []
    records = list_lines(session, batch_id)
    line_cats = _line_categories(session, records)
    for ln in records:
        if batch.direction == "out" and not ln.expected:
            continue  # taken off the batch before it was confirmed
        note, counted = _line_note(ln, batch.direction, confirmed)
        pages = ln.received_pages if (batch.direction == "in" and ln.found) else ln.pages
        seq = ln.seq if batch.direction == "in" else len(lines) + 1
        cat = line_cats[ln.id][0]
        lines.append(TransferListLine(seq, ln.code, ln.title, str(ln.year or ""), retention_text(ln.retention), ln.item_count, pages,
                                      note, counted, boxed=cat is not None and cat.filing_mode == "item"))
    summary = check_summary(session, batch_id, with_problems=False)
    note = ""
    if batch.direction == "in" and (summary.pending or summary.unexpected or summary.page_differences or summary.returned):
        note = t("Receiving check: {expected} on the list, {found} arrived, {missing} missing, {unexpected} not on the list, "
                 "{returned} returned, {pages} with a different page count.",
                 expected=summary.expected, found=summary.found, missing=len(summary.pending), unexpected=len(summary.unexpected),
                 returned=len(summary.returned), pages=len(summary.page_differences))
    return TransferList(
        batch_no=batch.batch_no, from_unit=batch.from_unit, to_unit=batch.to_unit or _room_name(session), lines=tuple(lines),
        transfer_date=batch.transfer_date, nature=batch.nature, from_handler=batch.from_handler, to_handler=batch.to_handler,
        direction=batch.direction, note=note, draft=batch.is_draft, signed_on=_signed_on(batch), language=form_language(session),
    )


@in_form_language
def certificate_data(session: Session, batch_id: int) -> Any:
    """The 交接文据 of a batch as :class:`archive_desk.printing.handover_certificate.HandoverCertificate`."""
    from archive_desk.printing.handover_certificate import CategoryQuantity, HandoverCertificate

    batch = get_batch(session, batch_id)
    confirmed = not batch.is_draft
    per: dict[str, list[float]] = {}
    years: list[int] = []
    lines = list_lines(session, batch_id)
    line_cats = _line_categories(session, lines)
    missing: list[str] = []
    for ln in lines:
        _note, counted = _line_note(ln, batch.direction, confirmed)
        if batch.direction == "in" and not ln.found:
            # the certificate counts what was received: a listed volume that has not arrived is named, not counted
            if ln.expected:
                missing.append(ln.code)
            counted = False
        if not counted:
            continue
        cat, thickness = line_cats[ln.id]
        key = f"{cat.name}（{cat.code}）" if cat else t("Other")
        row = per.setdefault(key, [0, 0, 0, 0.0])
        boxed = cat is not None and cat.filing_mode == "item"
        if boxed:
            row[2] += 1
        else:
            row[0] += 1
        row[1] += ln.item_count
        row[3] += (thickness or (cat.thickness_mm if cat else 30)) / 1000.0
        if ln.year:
            years.append(ln.year)
    quantities = tuple(CategoryQuantity(k, int(v[0]), int(v[1]), int(v[2]), round(v[3], 2)) for k, v in sorted(per.items()))
    return HandoverCertificate(
        batch_no=batch.batch_no, from_unit=batch.from_unit, to_unit=batch.to_unit or _room_name(session), nature=batch.nature,
        transfer_date=batch.transfer_date, years=_years_text(min(years), max(years)) if years else "", quantities=quantities,
        finding_aids=batch.finding_aids, notes=batch.notes, from_leader=batch.from_leader, from_handler=batch.from_handler,
        to_leader=batch.to_leader, to_handler=batch.to_handler, natures=NATURES, draft=batch.is_draft,
        missing=tuple(missing), signed_on=_signed_on(batch), language=form_language(session),
    )


@in_form_language
def destruction_list_data(session: Session, appraisal_id: int) -> Any:
    """The 销毁清册 of an appraisal list as :class:`archive_desk.printing.destruction_list.DestructionList`."""
    from archive_desk.printing.destruction_list import DestructionLine, DestructionList, KeptLine

    a = get_appraisal(session, appraisal_id)
    records = list_appraisal_lines(session, appraisal_id)
    on = a.destroyed_on or date.today()
    destroy, keep = [], []
    undecided = 0
    fonds: list[str] = []
    vols: dict[int, Volume] = {}
    ids = [r.volume_id for r in records]
    for start in range(0, len(ids), 500):
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(ids[start:start + 500])))})
    cats = {c.id: c for c in _categories(session).values()}
    for r in records:
        if r.fonds_code and r.fonds_code not in fonds:
            fonds.append(r.fonds_code)
        if r.decision == "destroy":
            kept = r.data.get("kept_years")
            if kept is None and r.volume_id in vols:
                vol = vols[r.volume_id]
                cat = cats.get(vol.category_id)
                kept = kept_years(vol.year, _event_date(vol.custom, cat.retention_event_field if cat else ""), on)
            notes = str(r.data.get("notes") or "")
            basis = r.data.get("basis")
            if basis and basis != "year":
                notes = "；".join(x for x in (notes, t("counted from the {field}", field=_field_label(cats, r.category_code, str(basis)))) if x)
            cat_code = r.category_code or str(r.data.get("category_code") or "")
            boxed = any(c.code == cat_code and c.filing_mode == "item" for c in cats.values())
            destroy.append(DestructionLine(len(destroy) + 1, r.code, r.title, str(r.year), retention_text(r.retention),
                                           t("{n} years", n=kept) if kept is not None else "", r.pages, notes, boxed=boxed))
        elif r.decision == "keep":
            keep.append(KeptLine(len(keep) + 1, r.code, r.title, str(r.year), retention_text(r.retention), retention_text(r.new_retention), r.reason))
        else:
            undecided += 1
    names = dict(session.execute(select(Fonds.code, Fonds.name).where(Fonds.code.in_(fonds))).all()) if fonds else {}
    fonds_text = "、".join(f"{code} {names.get(code, '')}".strip() for code in fonds)
    notes = a.notes
    if undecided:
        notes = "；".join(x for x in (notes, t("{n} volumes on the list are not decided yet and are not on this print.", n=undecided)) if x)
    return DestructionList(list_no=a.list_no, year=a.year, fonds=fonds_text, lines=tuple(destroy), kept=tuple(keep), lead=a.lead,
                           approver=a.approver, witness1=a.witness1, witness2=a.witness2, destroyed_on=a.destroyed_on, notes=notes,
                           draft=a.is_draft, language=form_language(session))


def _field_label(cats: Mapping[int, catalogue.CategoryRecord], category_code: str, key: str) -> str:
    for c in cats.values():
        if c.code == category_code:
            for f in c.fields:
                if f.key == key:
                    return f.label
    return key


__all__ = [
    "AddResult", "AppraisalLineRecord", "AppraisalRecord", "BatchRecord", "CheckSummary", "ConfirmResult", "DECISIONS",
    "DestroyedRow", "DestructionFilter", "DueVolume", "LineProblem", "LineRecord", "NATURES", "Refusal", "RegisterFilter",
    "RegisterRow", "ScanOutcome", "ShelfProposal", "add_appraisal_volumes", "add_by_filter", "add_by_scan", "add_due_volumes",
    "add_line", "add_planned_lines", "add_volumes", "certificate_data", "check_summary", "confirm_appraisal", "confirm_batch",
    "create_appraisal", "create_batch", "destruction_list_data", "destruction_register", "due_volumes", "expires_on",
    "filter_volume_ids", "find_appraisal", "find_batch", "get_appraisal", "get_batch", "kept_years", "list_appraisal_lines",
    "list_appraisals", "list_batches", "list_lines", "permanent_older_than", "plan_transfer_list", "propose_shelf_space",
    "remove_appraisal_lines", "remove_lines", "retention_text", "retention_years", "scan_check", "set_decision", "set_found",
    "set_found_pages", "transfer_list_data", "transfer_register", "update_appraisal", "transfer_register_table",
    "destruction_register_table", "direction_label", "status_text", "describe_filter", "update_batch", "update_line", "volume_expiry",
]
