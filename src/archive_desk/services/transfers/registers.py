"""The registers: 移交(接收)登记簿 and the destruction register, and their tables for the Excel export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.models import (
    Appraisal,
    AppraisalLine,
    TransferBatch,
    TransferLine,
    Volume,
)
from archive_desk.services.transfers.common import retention_text

if TYPE_CHECKING:  # openpyxl is imported only when a register is exported
    from archive_desk.exporting.transfers import Register
    from archive_desk.services.audit import Actor


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
    LT, BT = TransferLine.__table__, TransferBatch.__table__  # noqa: N806 - named like the table it stands for
    L, B = LT.c, BT.c  # noqa: N806 - named like the table it stands for
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
    B = TransferBatch  # noqa: N806 - named like the table it stands for
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


def destruction_register(session: Session, flt: DestructionFilter = DestructionFilter(), *, limit: int = 20000,
                         viewer: Actor | None = None) -> list[DestroyedRow]:
    """Destroyed volumes of confirmed appraisal lists, newest list first (values as frozen on confirmation), as
    ``viewer`` may see them: a title above their clearance masked, and not matched by ``flt.text`` (its 档号 is;
    services/masking.py)."""
    from archive_desk.services import masking  # noqa: PLC0415

    A, AL, V = Appraisal, AppraisalLine, Volume  # noqa: N806 - named like the table it stands for
    levels = masking.visible_levels(viewer)
    stmt = (select(A, AL, V.category_id, V.fonds_id, V.security)
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
        title_match = V.title.like(like) if levels is None else and_(V.title.like(like), V.security.in_(levels))
        stmt = stmt.where(or_(V.code.like(like), title_match))
    out = []
    for a, ln, _cat, _fonds, security in session.execute(stmt):
        d = dict(ln.data or {})
        title = masking.mask_title(viewer, security, d.get("title", ""))
        out.append(DestroyedRow(a.list_no, a.year, a.destroyed_on, ln.volume_id, d.get("code", ""), title, int(d.get("year") or 0),
                                d.get("retention", ""), d.get("kept_years"), int(d.get("pages") or 0), d.get("fonds_code", ""),
                                d.get("category_code", ""), a.lead, a.approver, "、".join(x for x in (a.witness1, a.witness2) if x)))
    return out


def transfer_register_table(rows: Sequence[RegisterRow], flt: RegisterFilter = RegisterFilter()) -> Register:
    """The 移交(接收)登记簿 as an :class:`archive_desk.exporting.transfers.Register` (for the Excel export)."""
    from archive_desk.exporting.transfers import Register

    columns = ((t("Batch no."), 14), (t("Direction"), 8), (t("Nature"), 7), (t("Date"), 11), (t("Transferring unit"), 22),
               (t("Receiving unit"), 22), (t("Transferred by"), 9), (t("Receiver"), 9), (t("Volume count"), 7), (t("Items"), 7),
               (t("Pages"), 8), (t("Years"), 11), (t("Missing"), 7), (t("Status"), 8))
    body = tuple((r.batch_no, direction_label(r.direction), r.nature, r.transfer_date, r.from_unit, r.to_unit, r.from_handler,
                  r.to_handler, r.volumes, r.items, r.pages, r.years, r.missing, status_text(r.status)) for r in rows)
    return Register(t("Transfer and receiving register"), columns, body, describe_filter(flt))


def destruction_register_table(rows: Sequence[DestroyedRow], flt: DestructionFilter = DestructionFilter()) -> Register:
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
