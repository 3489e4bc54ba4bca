"""Returns (any subset of any open loans, page counts compared) and renewals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StaleEditError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Loan, LoanLine, VolumeStatus
from archive_desk.services import audit, catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.loans.lending import get_loan
from archive_desk.services.loans.records import (
    CONDITIONS,
    DAMAGED,
    INTACT,
    LL,
    LoanLineRecord,
    LoanRecord,
    CONSULT,
    LOAN,
    B,
    L,
    PageCountMismatchError,
    V,
    _now,
    loan_settings,
    service_label,
    seen_loan,
)
from archive_desk.services.ops import LENDING, operation


# ---------------------------------------------------------------- returns and renewals


@dataclass(frozen=True)
class LineReturn:
    """What the clerk found when a volume came back. ``pages_back`` None: as many as lent."""

    volume_id: int
    pages_back: int | None = None
    condition: str = INTACT
    note: str = ""
    outcome: str = ""  # 利用效果, in words
    outcome_kind: str = ""  # 利用效果, from the room's list (use_outcomes)


@dataclass(frozen=True)
class ReturnResult:
    loans: tuple[LoanRecord, ...]
    returned: tuple[LoanLineRecord, ...]
    closed_slips: tuple[str, ...]
    page_differences: tuple[tuple[str, int, int], ...]


def open_line_for_volume(session: Session, volume_id: int, viewer: Actor | None = None) -> tuple[LoanRecord, LoanLineRecord] | None:
    """The open loan holding ``volume_id`` and its line (for return by scan), as ``viewer`` may see them
    (``records.seen_loan``; None: unmasked)."""
    loan_id = session.scalar(select(LL.c.loan_id).where(LL.c.volume_id == volume_id, LL.c.returned_at.is_(None)))
    if loan_id is None:
        return None
    loan = seen_loan(viewer, get_loan(session, loan_id))
    line = next(ln for ln in loan.lines if ln.volume_id == volume_id and not ln.returned)
    return loan, line


def find_line_for_return(session: Session, scanned: str, viewer: Actor | None = None) -> tuple[LoanRecord, LoanLineRecord]:
    """The open loan and line of a scanned volume, as ``viewer`` may see them (:func:`open_line_for_volume`)."""
    volume = catalogue.find_volume(session, scanned)
    if volume is None:
        raise NotFoundError(t("No volume has the code {code}", code=scanned))
    found = open_line_for_volume(session, volume.id, viewer)
    if found is None:
        raise StatusError(t("Volume {code} is not on loan ({status}); there is nothing to return.", code=volume.code,
                            status=catalogue.status_label(volume.status)))
    return found


@operation("loans.return_volumes", area=LENDING)
def return_volumes(session: Session, actor: Actor, returns: Sequence[LineReturn], *, received_by: str = "",
                   accept_page_difference: bool = False, now: datetime | None = None) -> ReturnResult:
    """Take back volumes (any subset of any open loans). A loan closes when its last volume is back."""
    now = _now(now)
    problems: dict[str, str] = {}
    seen: dict[int, LineReturn] = {}
    for r in returns:
        seen.setdefault(int(r.volume_id), r)
    if not seen:
        raise ValidationError({"volume_ids": t("Scan the volumes being returned")})
    lines: list[tuple[LoanLine, LineReturn, str]] = []
    differences: list[tuple[str, int, int]] = []
    for vid, r in seen.items():
        line = session.scalar(select(LoanLine).where(LoanLine.volume_id == vid, LoanLine.returned_at.is_(None)))
        code = session.scalar(select(V.c.code).where(V.c.id == vid))
        if code is None:
            raise NotFoundError(t("Volume {id} does not exist", id=vid))
        if line is None:
            status = session.scalar(select(V.c.status).where(V.c.id == vid)) or ""
            raise StatusError(t("Volume {code} is not on loan ({status}); there is nothing to return.", code=code,
                                status=catalogue.status_label(status)))
        if r.condition not in CONDITIONS:
            problems[f"condition.{code}"] = t("Condition of {code} must be {choices}", code=code, choices="、".join(CONDITIONS))
        if r.condition == DAMAGED and not r.note.strip():
            problems[f"note.{code}"] = t("Describe the damage to {code}", code=code)
        back = line.pages_out if r.pages_back is None else int(r.pages_back)
        if back < 0:
            problems[f"pages.{code}"] = t("{value} cannot be negative", value=back)
        elif back != line.pages_out:
            differences.append((code, line.pages_out, back))
        lines.append((line, r, code))
        if r.outcome_kind and r.outcome_kind not in loan_settings(session).outcomes:
            problems[f"outcome.{code}"] = t("Choose the outcome ({choices})", choices="、".join(loan_settings(session).outcomes))
    if problems:
        raise ValidationError(problems)
    if differences and not accept_page_difference:
        raise PageCountMismatchError(differences)
    received_by = (received_by or actor.user).strip()
    touched: dict[int, list[str]] = defaultdict(list)
    for line, r, code in lines:
        back = line.pages_out if r.pages_back is None else int(r.pages_back)
        line.returned_at = now
        line.returned_to = received_by
        line.pages_back = back
        line.condition = r.condition
        line.condition_note = r.note.strip()
        line.outcome = r.outcome.strip()
        line.outcome_kind = r.outcome_kind
        touched[line.loan_id].append(code)
        volume_status = session.scalar(select(V.c.status).where(V.c.id == line.volume_id))
        if volume_status in (VolumeStatus.ON_LOAN, VolumeStatus.MISSING):
            catalogue.set_status(session, actor, line.volume_id, VolumeStatus.IN_STOCK, reason=f"{t('returned')} {code}", action="volume.return")
    session.flush()
    closed: list[str] = []
    for loan_id, codes_back in touched.items():
        loan = session.get(Loan, loan_id, populate_existing=True)
        assert loan is not None  # noqa: S101 - narrows the type; the code guarantees it
        still_out = session.scalar(select(func.count()).select_from(LL).where(LL.c.loan_id == loan_id, LL.c.returned_at.is_(None))) or 0
        if still_out == 0:
            loan.status = "closed"
            closed.append(loan.slip_no)
        loan.updated_by = actor.user
        loan.updated_at = audit.utcnow()
        session.flush()
        detail = [
            {"code": code, "pages_out": ln.pages_out, "pages_back": ln.pages_back, "condition": ln.condition,
             "note": ln.condition_note, "outcome": ln.outcome, "outcome_kind": ln.outcome_kind}
            for ln, _r, code in lines if ln.loan_id == loan_id
        ]
        audit.record(session, actor, "loan.return", "loan", loan_id, {"status": "open"}, {
            "slip_no": loan.slip_no, "returned_at": now, "received_by": received_by, "lines": detail,
            "page_difference_accepted": [list(d) for d in differences if d[0] in codes_back], "status": loan.status,
            "still_out": still_out,
        })
    loans = tuple(get_loan(session, lid) for lid in touched)
    returned = tuple(ln for loan in loans for ln in loan.lines if ln.volume_id in seen and ln.returned_at == now)
    return ReturnResult(loans, returned, tuple(closed), tuple(differences))


@operation("loans.renew", area=LENDING)
def renew(session: Session, actor: Actor, loan_id: int, new_due: date, *, expected_version: int | None = None,
          note: str = "", today: date | None = None) -> LoanRecord:
    """Extend an open loan to ``new_due``; counts the renewal."""
    loan = session.get(Loan, loan_id, populate_existing=True)
    if loan is None:
        raise NotFoundError(t("Loan {id} does not exist", id=loan_id))
    if expected_version is not None and loan.version != expected_version:
        raise StaleEditError(t("Loan slip {slip} was changed meanwhile by {user}; reload it and try again.", slip=loan.slip_no, user=loan.updated_by or "?"))
    if loan.status != "open":
        raise StatusError(t("Loan slip {slip} is closed: every volume is back; nothing to renew.", slip=loan.slip_no))
    if loan.service != LOAN:
        raise StatusError(t("Slip {slip} is a {service}, not a loan; it has no due date to extend.", slip=loan.slip_no,
                            service=service_label(loan.service)))
    today = today or date.today()
    if new_due <= loan.due_date:
        raise ValidationError({"due_date": t("The new due date must be after the current one ({date})", date=loan.due_date.isoformat())})
    if new_due < today:
        raise ValidationError({"due_date": t("The due date {date} is before today", date=new_due.isoformat())})
    old_due, old_count = loan.due_date, loan.renewals
    loan.due_date = new_due
    loan.renewals = old_count + 1
    if note.strip():
        loan.notes = (loan.notes + "\n" if loan.notes else "") + t("Renewed {date}: {note}", date=today.isoformat(), note=note.strip())
    loan.updated_by = actor.user
    loan.updated_at = audit.utcnow()
    session.flush()
    audit.record(session, actor, "loan.renew", "loan", loan.id, {"due_date": old_due, "renewals": old_count},
                 {"slip_no": loan.slip_no, "due_date": new_due, "renewals": loan.renewals, "note": note.strip()})
    return get_loan(session, loan.id)


# ---------------------------------------------------------------- consultations left open at day's end


@dataclass(frozen=True)
class ClosedConsultation:
    """A consultation nobody closed on its day, closed at that day's end (the report the clerk sees)."""

    loan_id: int
    slip_no: str
    borrower: str
    code: str
    title: str
    lent_at: datetime
    closed_at: datetime


@operation("loans.close_open_consultations", area=LENDING)
def close_open_consultations(session: Session, actor: Actor, day: date | None = None) -> tuple[ClosedConsultation, ...]:
    """Close every consultation (查阅) begun before ``day`` (default today) and still open: the reading room
    closed at that day's end, so each line is closed at 23:59:59 of its own day with a note saying so, and
    the slip closes. Called at the app's start, when the day changes, and by ``archive-desk loans close-day``;
    returns what it closed, for the report. Audited (``loan.close_day_end``), one entry per slip."""
    day = day or date.today()
    rows = session.execute(
        select(LL.c.id, LL.c.loan_id, L.c.slip_no, L.c.lent_at, B.c.name, V.c.code, V.c.title)
        .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id).join(V, V.c.id == LL.c.volume_id))
        .where(L.c.service == CONSULT, LL.c.returned_at.is_(None), L.c.lent_at < datetime.combine(day, time()))
        .order_by(L.c.lent_at, LL.c.id)).all()
    out: list[ClosedConsultation] = []
    note = t("not closed at the desk; closed at the day's end")
    by_loan: dict[int, list[str]] = defaultdict(list)
    for r in rows:
        closed_at = datetime.combine(r.lent_at.date(), time()) + timedelta(days=1, seconds=-1)
        line = session.get(LoanLine, r.id)
        if line is None:  # (selected in this transaction: it is there)
            continue
        line.returned_at, line.returned_to, line.pages_back = closed_at, actor.user, None
        line.condition_note = note
        by_loan[r.loan_id].append(r.code)
        out.append(ClosedConsultation(r.loan_id, r.slip_no, r.name, r.code, r.title, r.lent_at, closed_at))
    session.flush()
    for loan_id, codes_closed in by_loan.items():
        loan = session.get(Loan, loan_id, populate_existing=True)
        if loan is None:  # (the lines' own slip, in this transaction)
            continue
        loan.status = "closed"
        loan.updated_by, loan.updated_at = actor.user, audit.utcnow()
        session.flush()
        audit.record(session, actor, "loan.close_day_end", "loan", loan_id, {"status": "open"},
                     {"slip_no": loan.slip_no, "status": "closed", "volumes": codes_closed, "note": note})
    return tuple(out)
