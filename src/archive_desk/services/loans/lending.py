"""Lending: loan slips and their lines, read back as records, and a loan made in one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StorageError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, Borrower, Loan, LoanLine, VolumeStatus
from archive_desk.services import accounts, audit, catalogue, codes, locks
from archive_desk.services.audit import Actor
from archive_desk.services.loans.checks import (
    _open_loan_of,
    _refusal,
    _volume_rows,
    approval_reasons,
    check_request,
    personal_categories,
    request_view,
    service_refusals,
)
from archive_desk.services.loans.records import (
    COPY,
    INTACT,
    LL,
    LOAN,
    SLIP_PREFIX,
    AccountApproval,
    C,
    CopyDetail,
    L,
    LoanConflictError,
    LoanLineRecord,
    LoanRecord,
    NotLendableError,
    OutsideRequest,
    PaperApproval,
    V,
    seen_loan,
    _borrower_record,
    _now,
    due_limit,
    loan_settings,
    service_of,
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
                                                 r.condition_note, r.outcome, r.outcome_kind, r.copy_parts, r.copy_pages,
                                                 r.copies, r.fee_fen, bool(r.stamped), bool(r.in_presence)))
    return out


def _loan_records(session: Session, loans: Sequence[Loan]) -> list[LoanRecord]:
    lines = _line_records(session, [ln.id for ln in loans])
    borrowers = {b.id: _borrower_record(b) for b in session.scalars(select(Borrower).where(Borrower.id.in_({ln.borrower_id for ln in loans})))} if loans else {}
    return [LoanRecord(ln.id, ln.slip_no, borrowers[ln.borrower_id], ln.purpose, ln.use_mode, ln.lent_at,
                       ln.due_date if ln.service == LOAN else None, ln.approver,
                       ln.approval_opinion, ln.clerk, ln.renewals, ln.status, ln.notes, ln.version, tuple(lines.get(ln.id, ())),
                       ln.service, ln.request, ln.approval)
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


def open_loans(session: Session, *, borrower_id: int | None = None, limit: int = 2000,
               viewer: Actor | None = None) -> list[LoanRecord]:
    """The open loans, soonest due first, as ``viewer`` may see them (:func:`seen_loan`); None: unmasked."""
    stmt = select(Loan).where(Loan.status == "open").order_by(Loan.due_date, Loan.id)
    if borrower_id is not None:
        stmt = stmt.where(Loan.borrower_id == borrower_id)
    return [seen_loan(viewer, r) for r in _loan_records(session, list(session.scalars(stmt.limit(limit))))]


@operation("loans.lend", area=LENDING)
def lend(
    session: Session,
    actor: Actor,
    borrower_id: int,
    volume_ids: Sequence[int],
    purpose: str,
    use_mode: str,
    due_date: date | None,
    approver: str = "",
    opinion: str = "",
    clerk: str = "",
    *,
    notes: str = "",
    copies: Mapping[int, CopyDetail] | None = None,
    request: OutsideRequest | None = None,
    outcome_kind: str = "",
    outcome: str = "",
    now: datetime | None = None,
    approval: AccountApproval | PaperApproval | None = None,
) -> LoanRecord:
    """Record a use of ``volume_ids`` (duplicates ignored) by the borrower on one slip; the service follows the
    利用方式 (:func:`service_of`):

    - 查阅 (consult): the originals stay in the reading room (阅览中) until the consultation is closed (returned,
      or :func:`close_open_consultations` at day's end); they stay 在库, with no due date;
    - 复制/摘录 (copy): ``copies`` gives each volume's parts, pages, copies, fee, stamp and presence; the copy is
      made at once, the slip is closed and the originals never leave 在库 (``outcome_kind``/``outcome`` record
      the 利用效果);
    - anything else (外借): a loan, the volumes ``on_loan`` until ``due_date`` (a category with a working-day
      limit, 病案, must come back within it).

    The room's ``service_rules`` say which services each category allows to whom (an insurer gets copies of a
    病案, never the original); a personal record asked for from outside needs ``request`` with every proof
    its requester must show. Raises :class:`NotLendableError` naming every volume that cannot be used,
    ValidationError for missing or wrong values (including a missing approver/opinion when the rules ask for
    one, or a proof not shown), and :class:`LoanConflictError` when another workstation took a volume at the
    same moment.

    Approval: on a catalogue without accounts ``approver`` is a typed name, as before. Once the catalogue has
    accounts, a use that needs approval needs ``approval``: an :class:`AccountApproval` (an account holding the
    approve right and a clearance at least the volumes' highest 密级, its password checked here) or a
    :class:`PaperApproval` (the approver's name, the form's number and date), each marked as such on the slip;
    a bare typed name is refused."""
    locks.take_turns(session, locks.LENDING)  # on the server: the other desk's loan first, then this one sees it
    now = _now(now)
    settings = loan_settings(session)
    service = service_of(use_mode)
    ids = list(dict.fromkeys(int(v) for v in volume_ids))
    b = session.get(Borrower, borrower_id, populate_existing=True)
    if b is None:
        raise NotFoundError(t("Borrower {id} does not exist", id=borrower_id))
    problems, due_date = _form_problems(settings, b, ids, purpose, use_mode, service, due_date, now)
    if session.get_bind().dialect.name == "postgresql":  # as SQLite's IMMEDIATE: a second lender waits, then sees them lent
        session.execute(select(V.c.id).where(V.c.id.in_(ids)).order_by(V.c.id).with_for_update())
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
    refusals += service_refusals(session, service, b.kind, request, [(rows[v].code, rows[v].category_code) for v in ids])
    if refusals:
        raise NotLendableError(refusals)
    categories = [rows[v].category_code for v in ids]
    problems.update(check_request(session, b.kind, request, personal_categories(session, categories)))
    if service == LOAN and isinstance(due_date, date) and "due_date" not in problems:
        limit = due_limit(session, categories, now.date())
        if limit and due_date > limit[0]:
            problems["due_date"] = t("A loan of {category} comes back within {days} working days: by {date} at the latest.",
                                     category=limit[1], days=settings.working_day_loans[limit[1]], date=limit[0].isoformat())
    if service == COPY:
        for vid in ids:
            problems.update(_copy_problems(rows[vid], (copies or {}).get(vid)))
    if outcome_kind and outcome_kind not in settings.outcomes:
        problems["outcome_kind"] = t("Choose the outcome ({choices})", choices="、".join(settings.outcomes))
    approver, opinion = approver.strip(), opinion.strip()
    reasons = approval_reasons(session, b.kind, [r.security for r in rows.values()], use_mode, categories)
    stored_approval: dict[str, Any] | None = None
    if reasons:
        why = "、".join(reasons)
        if approval is not None:
            approver, stored_approval = _approval(session, approval, [r.security for r in rows.values()], now, problems)
        elif approver and accounts.has_accounts(session):
            problems["approver"] = t("A typed name is not an approval: choose an account that may approve {why} "
                                     "(it confirms with its password), or record the paper approval.", why=why)
        if not approver and "approver" not in problems:
            problems["approver"] = t("An approver is required for {why}", why=why)
        if not opinion:
            problems["approval_opinion"] = t("Record the approver's opinion")
    if problems:
        raise ValidationError(problems)

    clerk = (clerk or "").strip()  # a person's name; the login stays in created_by
    stored_request = request_view(session, request)
    loan = Loan(slip_no=_next_slip_no(session, now.year), borrower_id=b.id, purpose=purpose, use_mode=use_mode, lent_at=now,
                due_date=due_date, approver=approver, approval_opinion=opinion, clerk=clerk,
                renewals=0, status="closed" if service == COPY else "open", notes=notes.strip(), created_by=actor.user,
                updated_by=actor.user, service=service, request=stored_request, approval=stored_approval)
    _add_slip(session, loan, ids, rows, (copies or {}) if service == COPY else None, now, clerk or actor.user, outcome_kind,
              outcome)
    if service == LOAN:  # a consultation or a copy leaves the original 在库
        for vid in ids:
            catalogue.set_status(session, actor, vid, VolumeStatus.ON_LOAN, reason=loan.slip_no, action="volume.lend")
    record = get_loan(session, loan.id)
    audit.record(session, actor, "loan.lend", "loan", loan.id, None, {
        "slip_no": record.slip_no, "service": service, "borrower_id": b.id, "borrower": b.name, "purpose": purpose,
        "use_mode": use_mode, "lent_at": now, "due_date": record.due_date, "approver": approver, "approval_opinion": opinion,
        "approval": stored_approval, "clerk": record.clerk, "approval_reasons": list(reasons), "volumes": [rows[v].code for v in ids],
        "request": stored_request, "copies": _copies_trail(record) if service == COPY else None,
    })
    return record


def _form_problems(settings: Any, b: Borrower, ids: list[int], purpose: str, use_mode: str, service: str,
                   due_date: date | None, now: datetime) -> tuple[dict[str, str], date | None]:
    """What is wrong with the slip's own fields (the borrower, the purpose and use, the due date); and the due date
    stored (a consultation or a copy stores the day: never shown nor overdue)."""
    problems: dict[str, str] = {}
    if not b.active:
        problems["borrower_id"] = t("{name} is deactivated and cannot borrow; reactivate the borrower first", name=b.name)
    if not ids:
        problems["volume_ids"] = t("Scan at least one volume")
    if purpose not in settings.purposes:
        problems["purpose"] = t("Choose the purpose ({choices})", choices="、".join(settings.purposes))
    if use_mode not in settings.uses:
        problems["use_mode"] = t("Choose the use ({choices})", choices="、".join(settings.uses))
    if service != LOAN:
        due_date = now.date()
    elif not isinstance(due_date, date) or isinstance(due_date, datetime):
        problems["due_date"] = t("The due date is required")
    elif due_date < now.date():
        problems["due_date"] = t("The due date {date} is before today", date=due_date.isoformat())
    return problems, due_date


def _add_slip(session: Session, loan: Loan, ids: list[int], rows: Mapping[int, Any], copies: Mapping[int, CopyDetail] | None,
              now: datetime, returned_to: str, outcome_kind: str, outcome: str) -> None:
    """The slip and its lines, in a savepoint: another workstation's loan of the same volume at the same moment
    (the one-open-loan constraint) is a :class:`LoanConflictError`, not a half-written slip. ``copies``: a copy,
    made at once in the room, so each original is back on the spot."""
    try:
        with session.begin_nested():
            session.add(loan)
            session.flush()
            for vid in ids:
                line = LoanLine(loan_id=loan.id, volume_id=vid, pages_out=rows[vid].pages or 0)
                if copies is not None:
                    d = copies[vid]
                    line.copy_parts, line.copy_pages, line.copies = d.parts.strip(), d.pages, d.copies
                    line.fee_fen, line.stamped, line.in_presence = d.fee_fen, d.stamped, d.in_presence
                    line.returned_at, line.returned_to = now, returned_to
                    line.pages_back, line.condition = line.pages_out, INTACT
                    line.outcome_kind, line.outcome = outcome_kind, outcome.strip()
                session.add(line)
            session.flush()
    except IntegrityError as exc:
        raise _conflict(session, ids, exc) from exc


def _copies_trail(record: LoanRecord) -> list[dict[str, Any]]:
    return [{"code": ln.code, "parts": ln.copy_parts, "pages": ln.copy_pages, "copies": ln.copies, "fee_fen": ln.fee_fen,
             "stamped": ln.stamped, "in_presence": ln.in_presence} for ln in record.lines]


def _approval(session: Session, approval: AccountApproval | PaperApproval, securities: Sequence[str], now: datetime,
              problems: dict[str, str]) -> tuple[str, dict[str, Any] | None]:
    """(the approver's name, the approval as stored) for an account's or a paper approval; problems go in
    ``problems``."""
    if isinstance(approval, PaperApproval):
        name, form_no = approval.name.strip(), approval.form_no.strip()
        if not name:
            problems["approver"] = t("Write the approver's name from the paper approval")
        if not form_no:
            problems["approval_form_no"] = t("Write the approval form's number")
        day = approval.approved_on
        if not isinstance(day, date) or isinstance(day, datetime):
            problems["approval_date"] = t("Write the date of the paper approval")
        elif day > now.date():
            problems["approval_date"] = t("The approval's date {date} is after today", date=day.isoformat())
        return name, {"kind": "paper", "form_no": form_no,
                      "date": day.isoformat() if isinstance(day, date) else ""}
    known = [s for s in securities if s in SECURITY_LEVELS]
    highest = max(known, key=SECURITY_LEVELS.index) if known else None
    try:
        account = accounts.verify_approver(session, approval.username, approval.password, highest)
    except ValidationError as exc:
        problems.update(exc.problems)
        return "", None
    return account.display_name or account.username, {"kind": "account", "username": account.username,
                                                      "role": account.role, "clearance": account.clearance}


def _copy_problems(row: Any, d: CopyDetail | None) -> dict[str, str]:
    code = row.code
    if d is None or not d.parts.strip():
        return {f"copy.{code}": t("Say which parts of {code} are copied", code=code)}
    if d.pages < 1 or (row.pages and d.pages > row.pages):
        return {f"copy.{code}": t("Pages copied from {code} must be from 1 to {pages}", code=code, pages=row.pages or d.pages)}
    if d.copies < 1:
        return {f"copy.{code}": t("At least one copy of {code} is made", code=code)}
    if d.fee_fen < 0:
        return {f"copy.{code}": t("{value} cannot be negative", value=d.fee_fen)}
    if not d.in_presence:
        return {f"copy.{code}": t("Copies of {code} are made in the requester's presence", code=code)}
    return {}


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
