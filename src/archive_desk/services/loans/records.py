"""What the lending services return (frozen dataclasses) and raise, the tables they read, and the room's loan settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from archive_desk.errors import StatusError, UserError
from archive_desk.i18n import t
from archive_desk.models import Borrower, Category, Loan, LoanLine, Volume
from archive_desk.services import catalogue, masking, room_settings
from archive_desk.services.audit import Actor

BORROWER_KINDS = ("staff", "outside")
#: the services of use: 查阅 in the reading room, 复制/摘录 (the original stays 在库), 借出 (taken away)
CONSULT, COPY, LOAN = SERVICES = ("consult", "copy", "loan")
#: who asks for a personal record from outside (医疗机构病历管理规定 (2013) 第四章, 保险法, 医疗纠纷条例 §16)
REQUESTER_KINDS = ("patient", "agent", "heir", "police_court", "social_security", "insurer", "hospital")
CONDITIONS = ("完好", "破损")
INTACT, DAMAGED = CONDITIONS
SLIP_PREFIX = "JY"
TAKE_AWAY = "外借"

V = Volume.__table__
L = Loan.__table__
LL = LoanLine.__table__
B = Borrower.__table__
C = Category.__table__


# ---------------------------------------------------------------- approvals


@dataclass(frozen=True)
class AccountApproval:
    """An approval by an account holding the approve right, confirmed with its password at the desk."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class PaperApproval:
    """An approval given on paper (审批单) and recorded by the clerk: the approver's name, the form's number, its date."""

    name: str
    form_no: str
    approved_on: date


def approval_text(approver: str, approval: Mapping[str, Any] | None) -> str:
    """``approver`` marked with how the approval was given (a paper form and its number, or an account)."""
    if not approver or not approval:
        return approver
    if approval.get("kind") == "paper":
        return t("{name} (paper approval, form {form_no}, {date})", name=approver, form_no=approval.get("form_no", ""),
                 date=approval.get("date", ""))
    if approval.get("kind") == "account":
        return t("{name} (account {username}, confirmed with its password)", name=approver,
                 username=approval.get("username", ""))
    return approver


# ---------------------------------------------------------------- errors


class NotLendableError(StatusError):
    """One or more volumes cannot be lent; ``refusals`` holds (volume code, reason) for each."""

    def __init__(self, refusals: Sequence[tuple[str, str]]) -> None:
        self.refusals = tuple(refusals)
        super().__init__("；".join(reason for _code, reason in self.refusals))


class LoanConflictError(NotLendableError):
    """Another workstation lent the volume at the same moment (the database kept one loan)."""


class PageCountMismatchError(UserError):
    """Pages counted back differ from the pages lent; confirm with ``accept_page_difference=True``.
    ``differences`` holds (volume code, pages out, pages back)."""

    def __init__(self, differences: Sequence[tuple[str, int, int]]) -> None:
        self.differences = tuple(differences)
        text = "；".join(t("{code}: {out} pages lent, {back} counted back", code=c, out=o, back=b) for c, o, b in self.differences)
        super().__init__(t("The page count differs: {details}. Confirm the difference to record the return.", details=text))


# ---------------------------------------------------------------- records


def mask_id_number(value: str | None) -> str:
    """An ID number shown with everything but its last 4 characters hidden (``**************123X``)."""
    text = (value or "").strip()
    if len(text) <= 4:
        return text
    return "*" * (len(text) - 4) + text[-4:]


def service_of(use_mode: str) -> str:
    """The service a 利用方式 names: 查阅 → consult, 复制/摘录 → copy, anything else (外借 …) → loan."""
    return {"查阅": CONSULT, "阅览": CONSULT, "复制": COPY, "摘录": COPY}.get(use_mode, LOAN)


def service_label(service: str) -> str:
    return {CONSULT: t("Consult (in the reading room)"), COPY: t("Copy or extract"), LOAN: t("Lend (taken away)")}.get(service, service)


def requester_label(kind: str) -> str:
    return {"patient": t("the patient"), "agent": t("the patient's agent"), "heir": t("an heir of the patient"),
            "police_court": t("police, procuratorate or court"), "social_security": t("social security"),
            "insurer": t("an insurer"), "hospital": t("another hospital")}.get(kind, kind)


@dataclass(frozen=True)
class CopyDetail:
    """A copy (复制/摘录) of one volume: the parts chosen, the original's pages copied, copies made, the fee in
    分, whether it was stamped (证明印记) and made in the requester's presence."""

    parts: str
    pages: int
    copies: int = 1
    fee_fen: int = 0
    stamped: bool = False
    in_presence: bool = True


@dataclass(frozen=True)
class OutsideRequest:
    """A request for personal records (病案 …): who asks, and the proofs shown (from the room's checklist)."""

    requester_kind: str
    supplied: tuple[str, ...] = ()
    note: str = ""


def kind_label(kind: str) -> str:
    return {"staff": t("staff"), "outside": t("outside")}.get(kind, kind)


@dataclass(frozen=True)
class BorrowerRecord:
    id: int
    name: str
    unit: str
    phone: str
    id_number: str
    kind: str
    card_no: str | None
    notes: str
    active: bool
    version: int

    @property
    def masked_id(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    def audit_view(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "phone": self.phone, "id_number": self.masked_id, "kind": self.kind,
                "card_no": self.card_no, "notes": self.notes, "active": self.active}


def _borrower_record(b: Borrower) -> BorrowerRecord:
    return BorrowerRecord(b.id, b.name, b.unit, b.phone, b.id_number, b.kind, b.card_no, b.notes, bool(b.active), b.version)


def seen_borrower(viewer: Actor | None, b: BorrowerRecord) -> BorrowerRecord:
    """A borrower as ``viewer`` (an ``audit.Actor``; None: no accounts) may see them: phone and ID number masked
    without the personal-data right (services/masking.py)."""
    phone, id_number = masking.mask_borrower_fields(viewer, b.phone, b.id_number)
    return b if (phone, id_number) == (b.phone, b.id_number) else replace(b, phone=phone, id_number=id_number)


@dataclass(frozen=True)
class LoanLineRecord:
    id: int
    loan_id: int
    volume_id: int
    code: str
    title: str
    security: str
    category_code: str
    pages_out: int
    returned_at: datetime | None
    returned_to: str
    pages_back: int | None
    condition: str
    condition_note: str
    outcome: str
    outcome_kind: str = ""
    copy_parts: str = ""
    copy_pages: int = 0
    copies: int = 0
    fee_fen: int = 0
    stamped: bool = False
    in_presence: bool = False

    @property
    def returned(self) -> bool:
        return self.returned_at is not None

    @property
    def page_difference(self) -> int:
        return 0 if self.pages_back is None else self.pages_back - self.pages_out


@dataclass(frozen=True)
class LoanRecord:
    id: int
    slip_no: str
    borrower: BorrowerRecord
    purpose: str
    use_mode: str
    lent_at: datetime
    due_date: date | None  # None unless the service is a loan
    approver: str
    approval_opinion: str
    clerk: str
    renewals: int
    status: str
    notes: str
    version: int
    lines: tuple[LoanLineRecord, ...]
    service: str = LOAN
    request: Mapping[str, Any] | None = None
    #: how the approval was given (:func:`approval_text`); None: a typed name (catalogue without accounts) or none
    approval: Mapping[str, Any] | None = None

    @property
    def service_label(self) -> str:
        return service_label(self.service)

    @property
    def approver_text(self) -> str:
        """The approver as the slip and the register show it: marked as a paper approval or as an account."""
        return approval_text(self.approver, self.approval)

    @property
    def open_lines(self) -> tuple[LoanLineRecord, ...]:
        return tuple(line for line in self.lines if not line.returned)

    def days_overdue(self, today: date | None = None) -> int:
        if self.status != "open" or self.due_date is None:
            return 0
        return max(0, ((today or date.today()) - self.due_date).days)


def seen_loan(viewer: Actor | None, loan: LoanRecord) -> LoanRecord:
    """A loan as ``viewer`` may see it (services/masking.py): the title of a volume above their clearance masked
    (the 档号 stays), the borrower's phone and ID number masked without the personal-data right."""
    if masking.no_accounts(viewer):
        return loan
    lines = tuple(replace(ln, title=masking.mask_title(viewer, ln.security, ln.title)) for ln in loan.lines)
    return replace(loan, borrower=seen_borrower(viewer, loan.borrower), lines=lines)


@dataclass(frozen=True)
class VolumeCheck:
    """A scanned volume and whether it can be lent (``reason`` says why not)."""

    volume_id: int
    code: str
    barcode: str
    title: str
    security: str
    pages: int
    status: str
    category_code: str
    lendable: bool
    reason: str = ""
    open_slip: str | None = None
    borrower: str | None = None
    reading: bool = False  # 阅览中: an open consultation holds it in the reading room

    @property
    def status_label(self) -> str:
        return catalogue.status_label(self.status)

    @property
    def short_reason(self) -> str:
        """Why not, without the volume's code (for a column next to it)."""
        if self.lendable:
            return ""
        if self.open_slip and self.reading:
            return t("in the reading room with {name} (slip {slip})", name=self.borrower, slip=self.open_slip)
        if self.open_slip:
            return t("on loan to {name} (slip {slip})", name=self.borrower, slip=self.open_slip)
        return self.status_label


@dataclass(frozen=True)
class LoanSettings:
    period_days: int
    purposes: tuple[str, ...]
    uses: tuple[str, ...]
    rules: Mapping[str, Any]
    room_name: str
    service_rules: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    personal_categories: tuple[str, ...] = ()
    request_proofs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    working_day_loans: Mapping[str, int] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()
    outcomes: tuple[str, ...] = ()


def loan_settings(session: Session) -> LoanSettings:
    rs = room_settings.read(session)
    return LoanSettings(period_days=rs.loan_period_days, purposes=rs.loan_purposes, uses=rs.loan_uses,
                        rules=dict(rs.approval_rules), room_name=rs.unit_name, service_rules=rs.service_rules,
                        personal_categories=rs.personal_record_categories, request_proofs=rs.request_proofs,
                        working_day_loans=rs.working_day_loans,
                        holidays=frozenset(date.fromisoformat(d) for d in rs.holidays),
                        makeup_workdays=frozenset(date.fromisoformat(d) for d in rs.makeup_workdays),
                        outcomes=rs.use_outcomes)


def is_working_day(day: date, holidays: frozenset[date] = frozenset(), makeup: frozenset[date] = frozenset()) -> bool:
    """Monday to Friday less the room's holidays; a 调休 weekend day the room lists is a working day."""
    if day in makeup:
        return True
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, days: int, holidays: frozenset[date] = frozenset(),
                     makeup: frozenset[date] = frozenset()) -> date:
    """The ``days``-th working day after ``start`` (the day of lending does not count)."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays, makeup):
            left -= 1
    return day


def due_limit(session: Session, category_codes: Sequence[str], today: date) -> tuple[date, str] | None:
    """The latest due date a loan of these categories may have (the 病案 rule: N working days), and the
    category that sets it; None when only the loan period applies."""
    settings = loan_settings(session)
    limits = [(add_working_days(today, n, settings.holidays, settings.makeup_workdays), code)
              for code, n in settings.working_day_loans.items() if code in category_codes]
    return min(limits) if limits else None


def default_due_date(session: Session, today: date | None = None, category_codes: Sequence[str] = ()) -> date:
    today = today or date.today()
    plain = today + timedelta(days=loan_settings(session).period_days)
    limit = due_limit(session, category_codes, today)
    return min(plain, limit[0]) if limit else plain


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)
