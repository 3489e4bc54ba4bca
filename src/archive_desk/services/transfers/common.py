"""What every part of the transfers service shares: the constants, the value readers, loading a batch,
the retention arithmetic and the bulk status change that confirmations use."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive_desk.errors import (
    NotFoundError,
    StaleEditError,
    StatusError,
    ValidationError,
)
from archive_desk.i18n import t
from archive_desk.models import (
    TransferBatch,
    Volume,
    VolumeStatus,
)
from archive_desk.models.base import table_of
from archive_desk.services import audit, catalogue, codes, room_settings
from archive_desk.services.audit import Actor

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
DEFAULT_RETENTION_YEARS: dict[str, int] = dict(room_settings.DEFAULT_RETENTION_YEARS)
#: batch and list numbers: 接收 JS-2026-001, 移出 YC-2026-001, 销毁清册 XH-2026-001
PREFIXES = {"in": "JS", "out": "YC", "appraisal": "XH"}
#: a volume may be received only when it is new, or already catalogued and in stock / missing
RECEIVABLE_STATUSES = (VolumeStatus.IN_STOCK, VolumeStatus.MISSING)
#: fields of a received line that go into the volume's category fields when the category has them
CUSTOM_KEYS = ("claim_no", "policy_no", "insured", "incident_date", "closing_date", "amount_paid",
               "record_no", "patient", "discharge_date", "ward")
BATCH_FIELDS = ("nature", "from_unit", "to_unit", "from_handler", "to_handler", "from_leader", "to_leader",
                "transfer_date", "finding_aids", "notes")
APPRAISAL_FIELDS = ("year", "lead", "approver", "witness1", "witness2", "destroyed_on", "notes", "kind")
#: general lists, and 会计 lists appraised and witnessed jointly with the 会计 department (会计档案管理办法 2015)
APPRAISAL_KINDS = ("general", "accounting")


# ---------------------------------------------------------------- helpers


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


def _next_number(session: Session, model: Any, column: Any, prefix: str, year: int) -> str:  # noqa: ARG001 - the signature is fixed by its callers
    head = f"{prefix}-{year}-"
    rows = session.scalars(select(column).where(column.like(head + "%")))
    used = [int(x[len(head):]) for x in rows if x[len(head):].isdigit()]
    return f"{head}{max(used, default=0) + 1:03d}"


def _load_batch(session: Session, batch_id: int, *, for_change: bool = False, expected_version: int | None = None) -> TransferBatch:
    # a change locks the batch row (the server): two desks ticking one receiving list take turns, so a line is
    # ticked once and the other desk hears "already ticked"
    batch = session.get(TransferBatch, batch_id, populate_existing=for_change, with_for_update=for_change or None)
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
        table.update(room_settings.read(session).retention_years)
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
    V = Volume.__table__.c  # noqa: N806 - named like the table it stands for
    ids = [v.id for v in vols]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(update(table_of(Volume)).where(V.id.in_(chunk))
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
