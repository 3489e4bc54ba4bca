"""Receiving: the department's Excel list read through the importing layer, and the receiving check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.errors import StatusError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import (
    Fonds,
    TransferLine,
    Volume,
)
from archive_desk.services import audit, catalogue, codes
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.batches import (
    _categories,
    _code_values,
    _line_values,
    _next_seq,
)
from archive_desk.services.transfers.common import (
    CUSTOM_KEYS,
    RECEIVABLE_STATUSES,
    Progress,
    _load_batch,
)
from archive_desk.services.transfers.records import (
    AddResult,
    CheckSummary,
    LineProblem,
    Refusal,
    _line_record,
    seen_lines,
)
from archive_desk.services.ops import TRANSFERS, operation

if TYPE_CHECKING:  # the importing layer (calamine, openpyxl) is imported only when a list is read
    from archive_desk.importing import ColumnMapping, ImportPlan, MappingTemplate


def plan_transfer_list(session: Session | None, path: str | Path, *,
                       mapping: ColumnMapping | MappingTemplate | Mapping[str, ColumnMapping] | None = None,
                       sheet: str | int | Sequence[str | int] | None = None, progress: Progress | None = None,
                       should_cancel: Callable[[], bool] | None = None) -> ImportPlan:
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


@operation("transfers.add_planned_lines", area=TRANSFERS)
def add_planned_lines(session: Session, actor: Actor, batch_id: int, plan: ImportPlan, *, include_existing: bool = True,
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
    return AddResult(tuple(seen_lines(session, actor, [_line_record(ln) for ln in new])), tuple(refused), skipped)


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
