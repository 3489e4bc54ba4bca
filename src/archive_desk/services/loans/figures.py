"""The yearly figures 利用人次 / 利用卷次 for the inventory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.services.loans.records import DAMAGED, LL, B, C, L, V, loan_settings


# ---------------------------------------------------------------- yearly figures


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    person_times: int  # 利用人次: one per borrower per day
    volume_times: int  # 利用卷次


@dataclass(frozen=True)
class LoanYearFigures:
    """The room's use of its archives in one year (for the yearly inventory / 年报)."""

    year: int
    person_times: int  # 利用人次
    volume_times: int  # 利用卷次
    loans: int  # slips
    borrowers: int  # different people
    outside_person_times: int
    by_purpose: tuple[FigureRow, ...]
    by_use: tuple[FigureRow, ...]
    by_category: tuple[FigureRow, ...]
    returned_damaged: int = 0
    outcomes_recorded: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def yearly_figures(session: Session, year: int) -> LoanYearFigures:
    """利用人次 (one person on one day counts once, however many slips), 利用卷次 (every volume on
    every slip), by purpose, by use and by category, for loans made in ``year``."""
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    loans = session.execute(select(L.c.id, L.c.borrower_id, L.c.lent_at, L.c.purpose, L.c.use_mode, B.c.kind)
                            .select_from(L.join(B, B.c.id == L.c.borrower_id))
                            .where(L.c.lent_at >= start, L.c.lent_at < end)).all()
    lines = session.execute(select(LL.c.loan_id, C.c.code, C.c.name_zh, C.c.name_en, LL.c.condition, LL.c.outcome)
                            .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(V, V.c.id == LL.c.volume_id)
                                         .join(C, C.c.id == V.c.category_id))
                            .where(L.c.lent_at >= start, L.c.lent_at < end)).all()
    by_id = {r.id: r for r in loans}
    people: set[tuple[int, date]] = set()
    outside: set[tuple[int, date]] = set()
    groups: dict[str, dict[str, tuple[set[tuple[int, date]], list[int]]]] = {"purpose": {}, "use": {}, "category": {}}
    labels: dict[str, str] = {}

    def add(group: str, key: str, who: tuple[int, date], volumes: int) -> None:
        persons, count = groups[group].setdefault(key, (set(), [0]))
        persons.add(who)
        count[0] += volumes

    line_count: dict[int, int] = defaultdict(int)
    for ln in lines:
        line_count[ln.loan_id] += 1
    for r in loans:
        who = (r.borrower_id, r.lent_at.date())
        people.add(who)
        if r.kind == "outside":
            outside.add(who)
        add("purpose", r.purpose, who, line_count[r.id])
        add("use", r.use_mode, who, line_count[r.id])
    from archive_desk.i18n import is_chinese

    for ln in lines:
        loan = by_id[ln.loan_id]
        add("category", ln.code, (loan.borrower_id, loan.lent_at.date()), 1)
        labels[ln.code] = ln.name_zh if is_chinese() else ln.name_en
    settings = loan_settings(session)

    def rows(group: str, order: Sequence[str]) -> tuple[FigureRow, ...]:
        data = groups[group]
        keys = [k for k in order if k in data] + sorted(k for k in data if k not in order)
        return tuple(FigureRow(k, labels.get(k, k), len(data[k][0]), data[k][1][0]) for k in keys)

    categories = [c for (c,) in session.execute(select(C.c.code).order_by(C.c.sort_order, C.c.code))]
    return LoanYearFigures(
        year=year, person_times=len(people), volume_times=len(lines), loans=len(loans),
        borrowers=len({r.borrower_id for r in loans}), outside_person_times=len(outside),
        by_purpose=rows("purpose", settings.purposes), by_use=rows("use", settings.uses), by_category=rows("category", categories),
        returned_damaged=sum(1 for ln in lines if ln.condition == DAMAGED),
        outcomes_recorded=sum(1 for ln in lines if ln.outcome),
    )
