"""Overdue loans, their count (the lending area's badge) and the reminders to print."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from archive_desk.services.loans.records import LL, LOAN, B, L, V, loan_settings
from archive_desk.services import masking, room_settings

if TYPE_CHECKING:  # the printing layer (reportlab) is imported only when something is printed
    from archive_desk.printing.overdue_notice import OverdueNotice
    from archive_desk.services.audit import Actor


# ---------------------------------------------------------------- overdue


@dataclass(frozen=True)
class OverdueLoan:
    loan_id: int
    slip_no: str
    borrower_id: int
    name: str
    unit: str
    phone: str
    kind: str
    lent_at: datetime
    due_date: date
    days_overdue: int
    renewals: int
    volumes: tuple[tuple[str, str], ...]  # (档号, 题名) still out


def _overdue_stmt(today: date) -> Select[Any]:
    return (select(L.c.id, L.c.slip_no, L.c.borrower_id, B.c.name, B.c.unit, B.c.phone, B.c.kind, L.c.lent_at, L.c.due_date, L.c.renewals)
            .select_from(L.join(B, B.c.id == L.c.borrower_id))
            .where(L.c.status == "open", L.c.service == LOAN, L.c.due_date < today))


def overdue_loans(session: Session, today: date | None = None, viewer: Actor | None = None, *,
                  log_as: str = "") -> list[OverdueLoan]:
    """Open loans (借出 only: a consultation or a copy has no due date) past their due date, most overdue first, as
    ``viewer`` may see them (services/masking.py): a title above their clearance masked (the 档号 stays), the
    borrower's phone masked without the personal-data right. With ``log_as`` ("cli", "view"), each borrower whose
    phone is shown unmasked is noted for the personal-data log (``masking.document_session``)."""
    today = today or date.today()
    rows = session.execute(_overdue_stmt(today).order_by(L.c.due_date, L.c.id)).all()
    out_lines: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        stmt = (select(LL.c.loan_id, V.c.code, V.c.title, V.c.security).select_from(LL.join(V, V.c.id == LL.c.volume_id))
                .where(LL.c.loan_id.in_(ids[start : start + 500]), LL.c.returned_at.is_(None)).order_by(LL.c.id))
        for r in session.execute(stmt):
            out_lines[r.loan_id].append((r.code, masking.mask_title(viewer, r.security, r.title)))
    if log_as:
        for bid, phone in sorted({(r.borrower_id, r.phone or "") for r in rows}):
            masking.note_shown(session, viewer, log_as, ((None, masking.borrower_shown(viewer, phone)),), f"borrower:{bid}")
    return [OverdueLoan(r.id, r.slip_no, r.borrower_id, r.name, r.unit, masking.mask_borrower_fields(viewer, r.phone or "", "")[0],
                        r.kind, r.lent_at, r.due_date, (today - r.due_date).days, r.renewals, tuple(out_lines.get(r.id, ())))
            for r in rows]


def overdue_count(session: Session, today: date | None = None) -> int:
    """How many loans are overdue (the lending area's badge)."""
    today = today or date.today()
    return session.scalar(select(func.count()).select_from(L).where(L.c.status == "open", L.c.service == LOAN, L.c.due_date < today)) or 0


def overdue_notices(session: Session, today: date | None = None, *, borrower_ids: Iterable[int] | None = None,
                    clerk: str = "", viewer: Actor | None = None) -> list[OverdueNotice]:
    """The 催还 reminders to print: one per borrower with every overdue volume, as ``viewer`` may see them
    (:func:`overdue_loans`); a phone printed unmasked is noted for the personal-data log
    (``masking.document_session``)."""
    from archive_desk.printing.overdue_notice import OverdueLine, OverdueNotice

    today = today or date.today()
    wanted = set(borrower_ids) if borrower_ids is not None else None
    by_borrower: dict[int, list[OverdueLoan]] = defaultdict(list)
    for loan in overdue_loans(session, today, viewer):
        if wanted is None or loan.borrower_id in wanted:
            by_borrower[loan.borrower_id].append(loan)
    settings = loan_settings(session)
    notices = []
    for loans in by_borrower.values():
        first = loans[0]
        masking.note_shown(session, viewer, "print", ((None, masking.borrower_shown(viewer, first.phone)),),
                           f"borrower:{first.borrower_id}")
        lines = tuple(OverdueLine(ln.slip_no, code, title, ln.lent_at.date(), ln.due_date, ln.days_overdue)
                      for ln in loans for code, title in ln.volumes)
        notices.append(OverdueNotice(first.name, first.unit, first.phone, lines, today, settings.room_name,
                                     room_settings.read(session).room_phone, clerk))
    notices.sort(key=lambda n: (-max(ln.days_overdue for ln in n.lines), n.borrower))
    return notices
