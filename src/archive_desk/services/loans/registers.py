"""The printed slip's data, a volume's loan history and the 借阅登记簿 (rows, counts, the Excel file)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.services import codes, masking
from archive_desk.services.loans.lending import get_loan
from archive_desk.services.loans.records import (
    COPY,
    LL,
    LOAN,
    B,
    C,
    L,
    V,
    approval_text,
    kind_label,
    loan_settings,
    requester_label,
    service_label,
)
from archive_desk.services.setup import form_language, in_form_language

if TYPE_CHECKING:  # the printing layer (reportlab) is imported only when something is printed
    from archive_desk.printing.loan_slip import LoanSlip
    from archive_desk.services.audit import Actor


# ---------------------------------------------------------------- printing


@in_form_language
def slip_data(session: Session, loan_id: int, viewer: Actor | None = None) -> LoanSlip:
    """The 借阅单 of a loan as plain data for :mod:`archive_desk.printing.loan_slip`, as ``viewer`` may see it
    (services/masking.py): a title above their clearance masked (the 档号 stays), the borrower's phone masked
    without the personal-data right (the ID number is never printed whole); a phone printed unmasked is noted
    for the personal-data log (``masking.document_session``)."""
    from archive_desk.printing.loan_slip import LoanSlip, SlipLine

    loan = get_loan(session, loan_id)
    settings = loan_settings(session)
    b = loan.borrower
    phone = masking.mask_borrower_fields(viewer, b.phone, "")[0]
    masking.note_shown(session, viewer, "print", ((None, masking.borrower_shown(viewer, b.phone)),), f"borrower:{b.id}")
    return LoanSlip(
        slip_no=loan.slip_no, borrower=b.name, unit=b.unit, phone=phone, borrower_kind=t("this organisation") if b.kind == "staff" else t("outside organisation"),
        id_number=b.masked_id, card_no=b.card_no or "", purpose=loan.purpose, use_mode=loan.use_mode, purposes=settings.purposes,
        uses=settings.uses,
        lines=tuple(SlipLine(ln.code, masking.mask_title(viewer, ln.security, ln.title), ln.security, ln.pages_out,
                             ln.returned_at.date() if ln.returned_at and loan.service != COPY else None, ln.condition,
                             ln.copy_parts, ln.copy_pages, ln.copies, ln.fee_fen, ln.stamped) for ln in loan.lines),
        lent_on=loan.lent_at, due_on=loan.due_date, approver=loan.approver_text, opinion=loan.approval_opinion, clerk=loan.clerk,
        renewals=loan.renewals, notes=loan.notes, room=settings.room_name, language=form_language(session),
        service=loan.service, request=_request_text(loan.request),
    )


def _request_text(request: Any) -> str:
    if not request:
        return ""
    supplied = set(request.get("supplied", ()))
    proofs = "　".join(f"{'■' if p in supplied else '□'}{p}" for p in request.get("required", ()))
    return "；".join(x for x in (requester_label(request.get("requester_kind", "")), proofs, request.get("note", "")) if x)


# ---------------------------------------------------------------- history and register


@dataclass(frozen=True)
class VolumeLoanEntry:
    loan_id: int
    slip_no: str
    borrower: str
    unit: str
    purpose: str
    use_mode: str
    lent_at: datetime
    due_date: date | None  # None: a consultation or a copy
    returned_at: datetime | None
    condition: str
    outcome: str
    renewals: int
    service: str = LOAN

    @property
    def service_label(self) -> str:
        return service_label(self.service)


def volume_loan_history(session: Session, volume_id: int) -> list[VolumeLoanEntry]:
    """Every loan of one volume, newest first (the catalogue's detail pane shows it)."""
    stmt = (select(L.c.id, L.c.slip_no, B.c.name, B.c.unit, L.c.purpose, L.c.use_mode, L.c.lent_at, L.c.due_date, LL.c.returned_at,
                   LL.c.condition, LL.c.outcome, L.c.renewals, L.c.service)
            .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id))
            .where(LL.c.volume_id == volume_id).order_by(L.c.lent_at.desc(), L.c.id.desc()))
    return [VolumeLoanEntry(*r[:7], r[7] if r.service == LOAN else None, *r[8:]) for r in session.execute(stmt)]  # type: ignore[call-arg]  # SQLAlchemy types a row of over ten columns as open-ended


REGISTER_STATES = ("all", "open", "returned", "overdue")


@dataclass(frozen=True)
class RegisterFilter:
    date_from: date | None = None  # lent on or after
    date_to: date | None = None  # lent on or before
    borrower: str = ""  # name, unit or card no. contains
    borrower_id: int | None = None
    purpose: str = ""
    use_mode: str = ""
    state: str = "all"  # all | open | returned | overdue
    volume: str = ""  # 档号 contains
    category_code: str = ""
    slip_no: str = ""
    today: date | None = None
    service: str = ""  # consult | copy | loan; "" every service


@dataclass(frozen=True)
class RegisterRow:
    """One line of the 借阅登记簿: one volume on one slip."""

    line_id: int
    slip_no: str
    lent_at: datetime
    borrower: str
    unit: str
    kind: str
    phone: str
    code: str
    title: str
    security: str
    category_code: str
    purpose: str
    use_mode: str
    pages_out: int
    due_date: date | None  # None: a consultation or a copy
    returned_at: datetime | None
    pages_back: int | None
    condition: str
    condition_note: str
    outcome: str
    approver: str
    approval_opinion: str
    clerk: str
    returned_to: str
    renewals: int
    service: str = "loan"
    outcome_kind: str = ""
    copy_parts: str = ""
    copy_pages: int = 0
    copies: int = 0
    fee_fen: int = 0
    stamped: bool = False

    @property
    def service_label(self) -> str:
        return service_label(self.service)

    @property
    def copy_text(self) -> str:
        """A copy's details in a line (parts, pages, copies, fee, stamp); "" for other services."""
        if self.service != COPY:
            return ""
        return t("{parts}, {pages} pages × {copies}, fee {fee} yuan{stamped}", parts=self.copy_parts, pages=self.copy_pages,
                 copies=self.copies, fee=f"{self.fee_fen / 100:.2f}", stamped=t(", stamped") if self.stamped else "")

    def days_overdue(self, today: date | None = None) -> int:
        if self.returned_at is not None or self.due_date is None:
            return 0
        return max(0, ((today or date.today()) - self.due_date).days)


def _register_stmt(f: RegisterFilter) -> Select[Any]:
    stmt = (select(LL.c.id.label("line_id"), L.c.slip_no, L.c.lent_at, B.c.name.label("borrower"), B.c.unit, B.c.kind, B.c.phone,
                   V.c.code, V.c.title, V.c.security, C.c.code.label("category_code"), L.c.purpose, L.c.use_mode, LL.c.pages_out,
                   L.c.due_date, LL.c.returned_at, LL.c.pages_back, LL.c.condition, LL.c.condition_note, LL.c.outcome, L.c.approver,
                   L.c.approval_opinion, L.c.clerk, LL.c.returned_to, L.c.renewals, L.c.service, LL.c.outcome_kind,
                   LL.c.copy_parts, LL.c.copy_pages, LL.c.copies, LL.c.fee_fen, LL.c.stamped, L.c.approval)
            .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id)
                         .join(V, V.c.id == LL.c.volume_id).join(C, C.c.id == V.c.category_id)))
    conds = []
    if f.date_from:
        conds.append(L.c.lent_at >= datetime.combine(f.date_from, datetime.min.time()))
    if f.date_to:
        conds.append(L.c.lent_at < datetime.combine(f.date_to + timedelta(days=1), datetime.min.time()))
    if f.borrower_id is not None:
        conds.append(L.c.borrower_id == f.borrower_id)
    if f.borrower.strip():
        like = f"%{f.borrower.strip()}%"
        conds.append(or_(B.c.name.like(like), B.c.unit.like(like), B.c.card_no.like(f"%{codes.normalize_scan(f.borrower)}%")))
    if f.purpose:
        conds.append(L.c.purpose == f.purpose)
    if f.use_mode:
        conds.append(L.c.use_mode == f.use_mode)
    if f.category_code:
        conds.append(C.c.code == f.category_code)
    if f.volume.strip():
        conds.append(V.c.code.like(f"%{codes.canonical_code(f.volume.strip())}%"))
    if f.slip_no.strip():
        conds.append(L.c.slip_no.like(f"%{codes.normalize_scan(f.slip_no)}%"))
    if f.state == "open":
        conds.append(LL.c.returned_at.is_(None))
    elif f.state == "returned":
        conds.append(LL.c.returned_at.is_not(None))
    elif f.state == "overdue":
        conds.append(and_(LL.c.returned_at.is_(None), L.c.service == LOAN, L.c.due_date < (f.today or date.today())))
    if f.service:
        conds.append(L.c.service == f.service)
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def register(session: Session, f: RegisterFilter | None = None, *, limit: int | None = None, offset: int = 0,
             viewer: Actor | None = None) -> list[RegisterRow]:
    """The 借阅登记簿: every loan line matching ``f``, newest loans first, as ``viewer`` may see it (a title above
    their clearance masked, the borrower's phone masked without the personal-data right: services/masking.py)."""
    stmt = _register_stmt(f or RegisterFilter()).order_by(L.c.lent_at.desc(), L.c.id.desc(), LL.c.id)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    rows = [_row(r._mapping) for r in session.execute(stmt)]  # noqa: SLF001 - the same package's own object
    if masking.no_accounts(viewer):
        return rows
    return [replace(r, title=masking.mask_title(viewer, r.security, r.title),
                    phone=masking.mask_borrower_fields(viewer, r.phone, "")[0]) for r in rows]


def _row(m: Any) -> RegisterRow:
    values = dict(m)
    if values["service"] != LOAN:
        values["due_date"] = None  # a consultation or a copy has no due date
    values["stamped"] = bool(values["stamped"])
    values["approver"] = approval_text(values["approver"], values.pop("approval"))  # a paper approval says so
    return RegisterRow(**values)


def count_register(session: Session, f: RegisterFilter | None = None) -> int:
    sub = _register_stmt(f or RegisterFilter()).subquery()
    return session.scalar(select(func.count()).select_from(sub)) or 0


@dataclass(frozen=True)
class RegisterPage:
    """The newest register lines matching a filter, and how many match in all."""

    rows: list[RegisterRow]
    total: int


def register_page(session: Session, f: RegisterFilter | None = None, *, limit: int, viewer: Actor | None = None) -> RegisterPage:
    """The first ``limit`` lines of :func:`register` with the count of all of them (the lending area's register tab)."""
    return RegisterPage(register(session, f, limit=limit, viewer=viewer), count_register(session, f))


def export_register(session: Session, f: RegisterFilter | None, path: str | Path, *, today: date | None = None,
                    viewer: Actor | None = None) -> int:
    """Write the register lines matching ``f`` to an Excel workbook (temp file, then moved in place), as ``viewer``
    may see them (:func:`register`); the borrowers whose phone went out unmasked are noted for the personal-data
    log (``masking.document_session``)."""
    from archive_desk.exporting.loan_register import RegisterSheet, write_loan_register

    rows = register(session, f, viewer=viewer)
    if masking.may_see_personal(viewer):
        _note_borrowers(session, viewer, "export", f)
    settings = loan_settings(session)
    write_loan_register(RegisterSheet(title=t("{room} loan register", room=settings.room_name or t("archive room")),
                                      rows=tuple(_export_row(r, today) for r in rows), filters=_filter_text(f)), path)
    return len(rows)


def _note_borrowers(session: Session, viewer: Actor | None, action: str, f: RegisterFilter | None) -> None:
    """Note, for the personal-data log, each borrower of the register lines matching ``f`` with a phone on them."""
    sub = _register_stmt(f or RegisterFilter()).subquery()
    ids = select(L.c.borrower_id).where(L.c.id.in_(select(LL.c.loan_id).where(LL.c.id.in_(select(sub.c.line_id)))))
    for bid, phone in session.execute(select(B.c.id, B.c.phone).where(B.c.id.in_(ids)).order_by(B.c.id)):
        masking.note_shown(session, viewer, action, ((None, masking.borrower_shown(viewer, phone or "")),), f"borrower:{bid}")


def _export_row(r: RegisterRow, today: date | None) -> tuple[Any, ...]:
    return (r.slip_no, r.lent_at, r.borrower, r.unit, kind_label(r.kind), r.phone, r.code, r.title, r.security, r.purpose,
            r.use_mode, r.pages_out, r.due_date, r.returned_at, r.pages_back, r.condition, r.condition_note, r.outcome,
            r.approver, r.approval_opinion, r.clerk, r.returned_to, r.renewals, r.days_overdue(today) or None,
            r.service_label, r.copy_text)


def _filter_text(f: RegisterFilter | None) -> str:
    if f is None:
        return ""
    parts = []
    if f.date_from or f.date_to:
        parts.append(t("lent {start} to {end}", start=f.date_from.isoformat() if f.date_from else "…", end=f.date_to.isoformat() if f.date_to else "…"))
    for value in (f.borrower, f.purpose, f.use_mode, f.volume, f.category_code, f.slip_no):
        if value:
            parts.append(value)
    if f.state != "all":
        parts.append({"open": t("still out"), "returned": t("returned"), "overdue": t("overdue")}.get(f.state, f.state))
    return "；".join(parts)
