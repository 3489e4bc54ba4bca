"""Lending: loan slips and their lines, read back as records, and a loan made in one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StorageError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Borrower, Loan, LoanLine, VolumeStatus
from archive_desk.services import audit, catalogue, codes, locks
from archive_desk.services.audit import Actor
from archive_desk.services.loans.checks import _open_loan_of, _refusal, _volume_rows, approval_reasons
from archive_desk.services.loans.records import (
    LL,
    SLIP_PREFIX,
    C,
    L,
    LoanConflictError,
    LoanLineRecord,
    LoanRecord,
    NotLendableError,
    V,
    _borrower_record,
    _now,
    loan_settings,
)
from archive_desk.services.ops import LENDING, operation


# ---------------------------------------------------------------- lending


def _next_slip_no(session: Session, year: int) -> str:
    prefix = f"{SLIP_PREFIX}{year}-"
    last = session.scalar(select(func.max(L.c.slip_no)).where(L.c.slip_no >= prefix, L.c.slip_no < prefix + "\uffff"))
    n = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{n:06d}"


def _line_records(session: Session, loan_ids: Sequence[int]) -> dict[int, list[LoanLineRecord]]:
    out: dict[int, list[LoanLineRecord]] = defaultdict(list)
    if not loan_ids:
        return out
    for start in range(0, len(loan_ids), 500):
        chunk = list(loan_ids[start : start + 500])
        stmt = (select(LL, V.c.code, V.c.title, V.c.security, C.c.code.label("category_code"))
                .select_from(LL.join(V, V.c.id == LL.c.volume_id).join(C, C.c.id == V.c.category_id))
                .where(LL.c.loan_id.in_(chunk)).order_by(LL.c.id))
        for r in session.execute(stmt):
            out[r.loan_id].append(LoanLineRecord(r.id, r.loan_id, r.volume_id, r.code, r.title, r.security, r.category_code,
                                                 r.pages_out, r.returned_at, r.returned_to, r.pages_back, r.condition,
                                                 r.condition_note, r.outcome))
    return out


def _loan_records(session: Session, loans: Sequence[Loan]) -> list[LoanRecord]:
    lines = _line_records(session, [ln.id for ln in loans])
    borrowers = {b.id: _borrower_record(b) for b in session.scalars(select(Borrower).where(Borrower.id.in_({ln.borrower_id for ln in loans})))} if loans else {}
    return [LoanRecord(ln.id, ln.slip_no, borrowers[ln.borrower_id], ln.purpose, ln.use_mode, ln.lent_at, ln.due_date, ln.approver,
                       ln.approval_opinion, ln.clerk, ln.renewals, ln.status, ln.notes, ln.version, tuple(lines.get(ln.id, ())))
            for ln in loans]


def get_loan(session: Session, loan_id: int) -> LoanRecord:
    loan = session.get(Loan, loan_id, populate_existing=True)
    if loan is None:
        raise NotFoundError(t("Loan {id} does not exist", id=loan_id))
    return _loan_records(session, [loan])[0]


def get_loan_by_slip(session: Session, slip_no: str) -> LoanRecord:
    loan = session.scalar(select(Loan).where(Loan.slip_no == codes.normalize_scan(slip_no)))
    if loan is None:
        raise NotFoundError(t("There is no loan slip {slip}", slip=slip_no))
    return _loan_records(session, [loan])[0]


def open_loans(session: Session, *, borrower_id: int | None = None, limit: int = 2000) -> list[LoanRecord]:
    stmt = select(Loan).where(Loan.status == "open").order_by(Loan.due_date, Loan.id)
    if borrower_id is not None:
        stmt = stmt.where(Loan.borrower_id == borrower_id)
    return _loan_records(session, list(session.scalars(stmt.limit(limit))))


@operation("loans.lend", area=LENDING)
def lend(
    session: Session,
    actor: Actor,
    borrower_id: int,
    volume_ids: Sequence[int],
    purpose: str,
    use_mode: str,
    due_date: date,
    approver: str = "",
    opinion: str = "",
    clerk: str = "",
    *,
    notes: str = "",
    now: datetime | None = None,
) -> LoanRecord:
    """Lend ``volume_ids`` (duplicates ignored) to the borrower on one slip. Raises
    :class:`NotLendableError` naming every volume that cannot go, ValidationError for missing or wrong
    values (including a missing approver/opinion when the rules ask for one), and
    :class:`LoanConflictError` when another workstation lent a volume at the same moment."""
    locks.take_turns(session, locks.LENDING)  # on the server: the other desk's loan first, then this one sees it
    now = _now(now)
    settings = loan_settings(session)
    ids = list(dict.fromkeys(int(v) for v in volume_ids))
    problems: dict[str, str] = {}
    b = session.get(Borrower, borrower_id, populate_existing=True)
    if b is None:
        raise NotFoundError(t("Borrower {id} does not exist", id=borrower_id))
    if not b.active:
        problems["borrower_id"] = t("{name} is deactivated and cannot borrow; reactivate the borrower first", name=b.name)
    if not ids:
        problems["volume_ids"] = t("Scan at least one volume")
    if purpose not in settings.purposes:
        problems["purpose"] = t("Choose the purpose ({choices})", choices="、".join(settings.purposes))
    if use_mode not in settings.uses:
        problems["use_mode"] = t("Choose the use ({choices})", choices="、".join(settings.uses))
    if not isinstance(due_date, date) or isinstance(due_date, datetime):
        problems["due_date"] = t("The due date is required")
    elif due_date < now.date():
        problems["due_date"] = t("The due date {date} is before today", date=due_date.isoformat())
    rows = _volume_rows(session, ids)
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFoundError(t("Volume {id} does not exist", id=missing[0]))
    refusals: list[tuple[str, str]] = []
    for vid in ids:
        r = rows[vid]
        reason, _slip, _who = _refusal(session, r.code, r.status, vid)
        if reason:
            refusals.append((r.code, reason))
    if refusals:
        raise NotLendableError(refusals)
    approver, opinion = approver.strip(), opinion.strip()
    reasons = approval_reasons(session, b.kind, [r.security for r in rows.values()], use_mode)
    if reasons:
        why = "、".join(reasons)
        if not approver:
            problems["approver"] = t("An approver is required for {why}", why=why)
        if not opinion:
            problems["approval_opinion"] = t("Record the approver's opinion")
    if problems:
        raise ValidationError(problems)

    loan = Loan(slip_no=_next_slip_no(session, now.year), borrower_id=b.id, purpose=purpose, use_mode=use_mode, lent_at=now,
                due_date=due_date, approver=approver, approval_opinion=opinion, clerk=(clerk or "").strip(),  # a person's name; the login stays in created_by
                renewals=0, status="open", notes=notes.strip(), created_by=actor.user, updated_by=actor.user)
    try:
        with session.begin_nested():
            session.add(loan)
            session.flush()
            for vid in ids:
                session.add(LoanLine(loan_id=loan.id, volume_id=vid, pages_out=rows[vid].pages or 0))
            session.flush()
    except IntegrityError as exc:
        raise _conflict(session, ids, exc) from exc
    for vid in ids:
        catalogue.set_status(session, actor, vid, VolumeStatus.ON_LOAN, reason=loan.slip_no, action="volume.lend")
    record = get_loan(session, loan.id)
    audit.record(session, actor, "loan.lend", "loan", loan.id, None, {
        "slip_no": record.slip_no, "borrower_id": b.id, "borrower": b.name, "purpose": purpose, "use_mode": use_mode,
        "lent_at": now, "due_date": due_date, "approver": approver, "approval_opinion": opinion, "clerk": record.clerk,
        "approval_reasons": list(reasons), "volumes": [rows[v].code for v in ids],
    })
    return record


def _conflict(session: Session, ids: Sequence[int], exc: IntegrityError) -> UserError:
    text = str(exc.orig)
    if "loan_lines" in text or "uq_loan_lines_open_volume" in text:
        refusals = []
        for vid in ids:
            held = _open_loan_of(session, vid)
            if held:
                code = session.scalar(select(V.c.code).where(V.c.id == vid)) or str(vid)
                refusals.append((code, t("Volume {code} was lent at another workstation a moment ago (slip {slip}, to {name}); it was not lent again.",
                                         code=code, slip=held[0], name=held[1])))
        return LoanConflictError(refusals or [("", t("A volume was lent at another workstation a moment ago; nothing was lent. Scan the volumes again."))])
    if "slip_no" in text:
        return StorageError(t("Another workstation took the same slip number at the same moment; nothing was lent. Try again."))
    raise exc
