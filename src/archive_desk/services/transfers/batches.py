"""Batches and their lines: creating and editing a batch, typing, scanning and ticking its lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import (
    TransferBatch,
    TransferLine,
    Volume,
)
from archive_desk.services import audit, catalogue, codes, masking
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.common import (
    BATCH_FIELDS,
    DIRECTIONS,
    NATURES,
    PREFIXES,
    _jsonable,
    _load_batch,
    _next_number,
    _to_int,
    _touch,
)
from archive_desk.services.transfers.records import (
    AppraisalRecord,
    BatchRecord,
    LineRecord,
    ScanOutcome,
    _batch_record,
    _line_record,
    seen_line,
    seen_lines,
)
from archive_desk.services.ops import TRANSFERS, operation


@operation("transfers.create_batch", area=TRANSFERS)
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


@operation("transfers.update_batch", area=TRANSFERS)
def update_batch(session: Session, actor: Actor, batch_id: int, expected_version: int, changes: Mapping[str, Any]) -> BatchRecord:
    """Change a draft batch's particulars (units, people, date, nature, finding aids, notes)."""
    batch = _load_batch(session, batch_id, for_change=True, expected_version=expected_version)
    return _change_particulars(session, actor, batch, changes, BATCH_FIELDS, _clean_batch_values, _batch_record,
                               "transfer.update", "transfer_batch")


def _change_particulars[R: (BatchRecord, AppraisalRecord)](session: Session, actor: Actor, row: Any, changes: Mapping[str, Any], allowed: Iterable[str],
                        clean: Callable[[Mapping[str, Any]], Mapping[str, Any]], to_record: Callable[[Any], R],
                        action: str, entity: str) -> R:
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


def list_lines(session: Session, batch_id: int, viewer: Actor | None = None) -> list[LineRecord]:
    """The lines of a batch in order, as ``viewer`` may see them (a title above their clearance masked, the 档号
    kept: services/masking.py); None: unmasked (the services that check and confirm the batch)."""
    stmt = select(TransferLine).where(TransferLine.batch_id == batch_id).order_by(TransferLine.seq, TransferLine.id)
    return seen_lines(session, viewer, [_line_record(ln) for ln in session.scalars(stmt)])


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


@operation("transfers.add_line", area=TRANSFERS)
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
    return seen_line(session, actor, record)  # the line as the clerk who added it may see it


LINE_FIELDS = ("code", "title", "year", "retention", "item_count", "pages", "notes")


@operation("transfers.update_line", area=TRANSFERS)
def update_line(session: Session, actor: Actor, line_id: int, changes: Mapping[str, Any]) -> LineRecord:
    """Correct a line of a draft receiving batch (e.g. fill in the title of an unexpected volume). A title the
    actor was shown masked (services/masking.py) and sent back unchanged keeps the stored title."""
    line = session.get(TransferLine, line_id, populate_existing=True)
    if line is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    _load_batch(session, line.batch_id, for_change=True)  # refuses lines of a confirmed batch
    if changes.get("title") == masking.mask_text() and seen_line(session, actor, _line_record(line)).title != line.title:
        changes = {k: v for k, v in changes.items() if k != "title"}
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
    return seen_line(session, actor, _line_record(line))


@operation("transfers.set_found", area=TRANSFERS)
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
    return seen_line(session, actor, _line_record(line))


@operation("transfers.set_found_pages", area=TRANSFERS)
def set_found_pages(session: Session, actor: Actor, line_id: int, found_pages: int | None) -> LineRecord:
    """Record the page count of a line already ticked (the listed count is taken when None)."""
    line = session.get(TransferLine, line_id)
    if line is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    return set_found(session, actor, line_id, True, found_pages)


@operation("transfers.scan_check", area=TRANSFERS)
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
            return ScanOutcome("again", seen_line(session, actor, _line_record(line)), t("{code} was already ticked (line {seq})", code=line.code, seq=line.seq))
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
