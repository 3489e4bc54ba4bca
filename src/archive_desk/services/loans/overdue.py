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
from archive_desk.services import room_settings

if TYPE_CHECKING:  # the printing layer (reportlab) is imported only when something is printed
    from archive_desk.printing.overdue_notice import OverdueNotice


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


def overdue_loans(session: Session, today: date | None = None) -> list[OverdueLoan]:
    """Open loans (借出 only: a consultation or a copy has no due date) past their due date, most overdue first."""
    today = today or date.today()
    rows = session.execute(_overdue_stmt(today).order_by(L.c.due_date, L.c.id)).all()
    out_lines: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        stmt = (select(LL.c.loan_id, V.c.code, V.c.title).select_from(LL.join(V, V.c.id == LL.c.volume_id))
                .where(LL.c.loan_id.in_(ids[start : start + 500]), LL.c.returned_at.is_(None)).order_by(LL.c.id))
        for r in session.execute(stmt):
            out_lines[r.loan_id].append((r.code, r.title))
    return [OverdueLoan(r.id, r.slip_no, r.borrower_id, r.name, r.unit, r.phone, r.kind, r.lent_at, r.due_date,
                        (today - r.due_date).days, r.renewals, tuple(out_lines.get(r.id, ()))) for r in rows]


def overdue_count(session: Session, today: date | None = None) -> int:
    """How many loans are overdue (the lending area's badge)."""
    today = today or date.today()
    return session.scalar(select(func.count()).select_from(L).where(L.c.status == "open", L.c.service == LOAN, L.c.due_date < today)) or 0


def overdue_notices(session: Session, today: date | None = None, *, borrower_ids: Iterable[int] | None = None,
                    clerk: str = "") -> list[OverdueNotice]:
    """The 催还 reminders to print: one per borrower with every overdue volume."""
    from archive_desk.printing.overdue_notice import OverdueLine, OverdueNotice

    today = today or date.today()
    wanted = set(borrower_ids) if borrower_ids is not None else None
    by_borrower: dict[int, list[OverdueLoan]] = defaultdict(list)
    for loan in overdue_loans(session, today):
        if wanted is None or loan.borrower_id in wanted:
            by_borrower[loan.borrower_id].append(loan)
    settings = loan_settings(session)
    notices = []
    for loans in by_borrower.values():
        first = loans[0]
        lines = tuple(OverdueLine(ln.slip_no, code, title, ln.lent_at.date(), ln.due_date, ln.days_overdue)
                      for ln in loans for code, title in ln.volumes)
        notices.append(OverdueNotice(first.name, first.unit, first.phone, lines, today, settings.room_name,
                                     room_settings.read(session).room_phone, clerk))
    notices.sort(key=lambda n: (-max(ln.days_overdue for ln in n.lines), n.borrower))
    return notices
