"""What the lending services return (frozen dataclasses) and raise, the tables they read, and the room's loan settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from archive_desk.errors import StatusError, UserError
from archive_desk.i18n import t
from archive_desk.models import Borrower, Category, Loan, LoanLine, Volume
from archive_desk.services import catalogue, room_settings

BORROWER_KINDS = ("staff", "outside")
CONDITIONS = ("完好", "破损")
INTACT, DAMAGED = CONDITIONS
SLIP_PREFIX = "JY"
TAKE_AWAY = "外借"

V = Volume.__table__
L = Loan.__table__
LL = LoanLine.__table__
B = Borrower.__table__
C = Category.__table__


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
    due_date: date
    approver: str
    approval_opinion: str
    clerk: str
    renewals: int
    status: str
    notes: str
    version: int
    lines: tuple[LoanLineRecord, ...]

    @property
    def open_lines(self) -> tuple[LoanLineRecord, ...]:
        return tuple(line for line in self.lines if not line.returned)

    def days_overdue(self, today: date | None = None) -> int:
        if self.status != "open":
            return 0
        return max(0, ((today or date.today()) - self.due_date).days)


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

    @property
    def status_label(self) -> str:
        return catalogue.status_label(self.status)

    @property
    def short_reason(self) -> str:
        """Why not, without the volume's code (for a column next to it)."""
        if self.lendable:
            return ""
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


def loan_settings(session: Session) -> LoanSettings:
    rs = room_settings.read(session)
    return LoanSettings(period_days=rs.loan_period_days, purposes=rs.loan_purposes, uses=rs.loan_uses,
                        rules=dict(rs.approval_rules), room_name=rs.unit_name)


def default_due_date(session: Session, today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=loan_settings(session).period_days)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)
