"""The yearly figures 利用人次 / 利用卷次 for the inventory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.services.loans.records import (
    COPY,
    DAMAGED,
    LL,
    SERVICES,
    B,
    C,
    L,
    V,
    is_working_day,
    loan_settings,
    service_label,
)


# ---------------------------------------------------------------- yearly figures


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    person_times: int  # 利用人次: one person's use for one purpose, once even over consecutive days
    volume_times: int  # 利用卷次


@dataclass(frozen=True)
class LoanYearFigures:
    """The room's use of its archives in one year (for the yearly inventory / 年报)."""

    year: int
    person_times: int  # 利用人次
    volume_times: int  # 利用卷次
    loans: int  # slips, whatever the service
    borrowers: int  # different people
    outside_person_times: int
    by_purpose: tuple[FigureRow, ...]
    by_use: tuple[FigureRow, ...]
    by_category: tuple[FigureRow, ...]
    returned_damaged: int = 0
    outcomes_recorded: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    by_service: tuple[FigureRow, ...] = ()  # 查阅 / 复制 / 借出
    copied_pages: int = 0  # 复制页数, counted by the originals' pages (as the 年报 counts them)
    copies_made: int = 0  # pages handed over (originals' pages × copies)
    copy_fees_fen: int = 0


def _consecutive(a: date, b: date, holidays: frozenset[date], makeup: frozenset[date]) -> bool:
    """``b`` (on or after ``a``) continues ``a``'s use: the same day, the next day, or no working day between."""
    return all(not is_working_day(a + timedelta(days=i), holidays, makeup) for i in range(1, (b - a).days))


def person_times(uses: Iterable[tuple[int, str, date]], holidays: frozenset[date] = frozenset(),
                 makeup: frozenset[date] = frozenset()) -> int:
    """利用人次 of (person, purpose, day) uses: one person's use for one purpose counts once, however many slips,
    and once over consecutive days (a weekend or holiday between does not break the run)."""
    days: dict[tuple[int, str], set[date]] = defaultdict(set)
    for who, purpose, day in uses:
        days[(who, purpose)].add(day)
    count = 0
    for run in days.values():
        ordered = sorted(run)
        count += 1 + sum(1 for a, b in zip(ordered, ordered[1:], strict=False) if not _consecutive(a, b, holidays, makeup))
    return count


def yearly_figures(session: Session, year: int) -> LoanYearFigures:
    """利用人次 (:func:`person_times`), 利用卷次 (every volume on every slip, whatever the service), by purpose,
    by use, by service and by category, and the copies (复制) counted by the originals' pages, for uses begun in
    ``year``."""
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    loans = session.execute(select(L.c.id, L.c.borrower_id, L.c.lent_at, L.c.purpose, L.c.use_mode, L.c.service, B.c.kind)
                            .select_from(L.join(B, B.c.id == L.c.borrower_id))
                            .where(L.c.lent_at >= start, L.c.lent_at < end)).all()
    lines = session.execute(select(LL.c.loan_id, C.c.code, C.c.name_zh, C.c.name_en, LL.c.condition, LL.c.outcome,
                                   LL.c.outcome_kind, LL.c.copy_pages, LL.c.copies, LL.c.fee_fen)
                            .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(V, V.c.id == LL.c.volume_id)
                                         .join(C, C.c.id == V.c.category_id))
                            .where(L.c.lent_at >= start, L.c.lent_at < end)).all()
    settings = loan_settings(session)
    hol, makeup = settings.holidays, settings.makeup_workdays
    by_id = {r.id: r for r in loans}
    groups: dict[str, dict[str, tuple[list[tuple[int, str, date]], list[int]]]] = {
        "purpose": {}, "use": {}, "category": {}, "service": {}}
    labels: dict[str, str] = {s: service_label(s) for s in SERVICES}

    def add(group: str, key: str, who: tuple[int, str, date], volumes: int) -> None:
        persons, count = groups[group].setdefault(key, ([], [0]))
        persons.append(who)
        count[0] += volumes

    line_count: dict[int, int] = defaultdict(int)
    for ln in lines:
        line_count[ln.loan_id] += 1
    everyone = [(r.borrower_id, r.purpose, r.lent_at.date()) for r in loans]
    for r in loans:
        who = (r.borrower_id, r.purpose, r.lent_at.date())
        add("purpose", r.purpose, who, line_count[r.id])
        add("use", r.use_mode, who, line_count[r.id])
        add("service", r.service, who, line_count[r.id])
    from archive_desk.i18n import is_chinese

    copied = [ln for ln in lines if by_id[ln.loan_id].service == COPY]
    for ln in lines:
        loan = by_id[ln.loan_id]
        add("category", ln.code, (loan.borrower_id, loan.purpose, loan.lent_at.date()), 1)
        labels[ln.code] = ln.name_zh if is_chinese() else ln.name_en

    def rows(group: str, order: Sequence[str]) -> tuple[FigureRow, ...]:
        data = groups[group]
        keys = [k for k in order if k in data] + sorted(k for k in data if k not in order)
        return tuple(FigureRow(k, labels.get(k, k), person_times(data[k][0], hol, makeup), data[k][1][0]) for k in keys)

    categories = [c for (c,) in session.execute(select(C.c.code).order_by(C.c.sort_order, C.c.code))]
    return LoanYearFigures(
        year=year, person_times=person_times(everyone, hol, makeup), volume_times=len(lines), loans=len(loans),
        borrowers=len({r.borrower_id for r in loans}),
        outside_person_times=person_times([w for w, r in zip(everyone, loans, strict=True) if r.kind == "outside"], hol, makeup),
        by_purpose=rows("purpose", settings.purposes), by_use=rows("use", settings.uses), by_category=rows("category", categories),
        returned_damaged=sum(1 for ln in lines if ln.condition == DAMAGED),
        outcomes_recorded=sum(1 for ln in lines if ln.outcome or ln.outcome_kind),
        by_service=rows("service", SERVICES),
        copied_pages=sum(ln.copy_pages for ln in copied), copies_made=sum(ln.copy_pages * ln.copies for ln in copied),
        copy_fees_fen=sum(ln.fee_fen for ln in copied),
    )
