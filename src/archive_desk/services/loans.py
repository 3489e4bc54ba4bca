"""Lending (借阅): borrowers, loans and their lines, returns, renewals, overdue loans, the 借阅登记簿
and the yearly figures 利用人次 / 利用卷次.

Rules live here, not in the window (domain.md, "Rules of the work"):

- A volume that is on loan, transferred out, destroyed, missing or void cannot be lent; the refusal
  names the volume and why (and, for a volume on loan, the slip and the borrower).
- Approval (审批人 + 意见) is required, per the room's ``approval_rules`` setting, for volumes at or
  above a security level, for outside borrowers and for taking volumes away (外借).
- A volume scanned twice is lent once.
- Two workstations lending the same volume at once: writes begin IMMEDIATE, so the second waits and
  then finds the volume on loan; the partial unique index ``uq_loan_lines_open_volume`` (one open
  line per volume) settles any case that slips past the check (another backend, another code path),
  and its IntegrityError comes out as :class:`LoanConflictError` with a plain message.
- Returns may be partial; the page count is compared with the count at lending and a difference
  must be accepted explicitly (``accept_page_difference=True``); it is kept on the line (pages out /
  pages back) and in the audit trail.
- Every loan, return, renewal and borrower change is audited in the same transaction.

Times: ``lent_at`` and ``returned_at`` are the desk's local wall-clock time (what the slip shows and
what "one person per day" counts by); ``created_at``/``updated_at`` stay UTC like everywhere else.
Borrowers' ID numbers never enter the audit trail unmasked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive_desk.errors import DuplicateCodeError, NotFoundError, StaleEditError, StatusError, StorageError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, Borrower, Category, Loan, LoanLine, Volume, VolumeStatus
from archive_desk.services import audit, catalogue, codes
from archive_desk.services.audit import Actor
from archive_desk.services.setup import form_language, get_setting, in_form_language, unit_name

if TYPE_CHECKING:  # the printing layer (reportlab) is imported only when something is printed
    from archive_desk.printing.loan_slip import LoanSlip
    from archive_desk.printing.overdue_notice import OverdueNotice

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
    rules = get_setting(session, "approval_rules") or {}
    return LoanSettings(
        period_days=int(get_setting(session, "loan_period_days") or 14),
        purposes=tuple(get_setting(session, "loan_purposes") or ()),
        uses=tuple(get_setting(session, "loan_uses") or ()),
        rules=dict(rules),
        room_name=unit_name(session),
    )


def default_due_date(session: Session, today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=loan_settings(session).period_days)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


# ---------------------------------------------------------------- borrowers

_CARD_RE = re.compile(r"[0-9A-Z.\-]{1,40}")
_PHONE_RE = re.compile(r"\+?[\d()\- ]+(?:转\d+)?")
BORROWER_FIELDS = ("name", "unit", "phone", "id_number", "kind", "card_no", "notes")


def _clean_borrower(session: Session, data: Mapping[str, Any], borrower_id: int | None) -> dict[str, Any]:
    from archive_desk.importing.normalize import CellError, parse_id_number  # pure; shared with the import

    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    clean["name"] = " ".join(str(data.get("name") or "").split())
    if not clean["name"]:
        problems["name"] = t("The borrower's name is required")
    elif len(clean["name"]) > 64:
        problems["name"] = t("The name is too long (at most {n} characters)", n=64)
    clean["unit"] = str(data.get("unit") or "").strip()[:120]
    phone = str(data.get("phone") or "").strip()
    if phone and (not _PHONE_RE.fullmatch(phone) or sum(ch.isdigit() for ch in phone) < 3):
        problems["phone"] = t("Phone number {value} is not understood", value=phone)
    clean["phone"] = phone
    id_number = str(data.get("id_number") or "").strip()
    if id_number:
        try:
            id_number = parse_id_number(id_number)
        except CellError as exc:
            problems["id_number"] = exc.reason
    clean["id_number"] = id_number
    kind = str(data.get("kind") or "staff")
    if kind not in BORROWER_KINDS:
        problems["kind"] = t("The borrower is staff or outside")
    clean["kind"] = kind
    card = codes.normalize_scan(str(data.get("card_no") or ""))
    if card and not _CARD_RE.fullmatch(card):
        problems["card_no"] = t("A card number may hold only 0-9, A-Z, '-' and '.' (a scanner types nothing else safely)")
    clean["card_no"] = card or None
    clean["notes"] = str(data.get("notes") or "").strip()
    if problems:
        raise ValidationError(problems)
    if card:
        other = session.execute(select(B.c.id, B.c.name).where(B.c.card_no == card)).first()
        if other is not None and other.id != borrower_id:
            raise DuplicateCodeError(t("Card no. {card} already belongs to {name}", card=card, name=other.name), field="card_no")
    if id_number:
        other = session.execute(select(B.c.id, B.c.name, B.c.unit).where(B.c.id_number == id_number)).first()
        if other is not None and other.id != borrower_id:
            raise DuplicateCodeError(t("A borrower with this ID number is already registered: {name} ({unit})", name=other.name, unit=other.unit or "—"),
                                     field="id_number")
    return clean


def create_borrower(session: Session, actor: Actor, data: Mapping[str, Any]) -> BorrowerRecord:
    clean = _clean_borrower(session, data, None)
    b = Borrower(**clean, active=True, created_by=actor.user, updated_by=actor.user)
    session.add(b)
    session.flush()
    record = _borrower_record(b)
    audit.record(session, actor, "borrower.create", "borrower", b.id, None, record.audit_view())
    return record


def _load_borrower(session: Session, borrower_id: int, expected_version: int | None = None) -> Borrower:
    b = session.get(Borrower, borrower_id, populate_existing=True)
    if b is None:
        raise NotFoundError(t("Borrower {id} does not exist", id=borrower_id))
    if expected_version is not None and b.version != expected_version:
        raise StaleEditError(t("Borrower {name} was changed meanwhile by {user}. Your changes were not saved; reload and edit again.",
                               name=b.name, user=b.updated_by or "?"))
    return b


def update_borrower(session: Session, actor: Actor, borrower_id: int, expected_version: int, changes: Mapping[str, Any]) -> BorrowerRecord:
    b = _load_borrower(session, borrower_id, expected_version)
    unknown = set(changes) - set(BORROWER_FIELDS)
    if unknown:
        raise ValidationError({k: t("{key} cannot be changed here", key=k) for k in sorted(unknown)})
    before = _borrower_record(b)
    merged = {k: getattr(before, k) for k in BORROWER_FIELDS}
    merged.update(changes)
    clean = _clean_borrower(session, merged, borrower_id)
    for key, value in clean.items():
        setattr(b, key, value)
    b.updated_by = actor.user
    b.updated_at = audit.utcnow()
    session.flush()
    after = _borrower_record(b)
    old, new = audit.diff(before.audit_view(), after.audit_view())
    if new:
        audit.record(session, actor, "borrower.update", "borrower", b.id, old, new)
    return after


def set_borrower_active(session: Session, actor: Actor, borrower_id: int, active: bool, *, reason: str = "",
                        expected_version: int | None = None) -> BorrowerRecord:
    """Deactivate (or reactivate) a borrower; borrowers are never deleted, their loans stay on record."""
    b = _load_borrower(session, borrower_id, expected_version)
    if bool(b.active) == active:
        return _borrower_record(b)
    b.active = active
    b.updated_by = actor.user
    b.updated_at = audit.utcnow()
    session.flush()
    audit.record(session, actor, "borrower.reactivate" if active else "borrower.deactivate", "borrower", b.id,
                 {"active": not active}, {"active": active, "reason": reason})
    return _borrower_record(b)


def deactivate_borrower(session: Session, actor: Actor, borrower_id: int, *, reason: str = "",
                        expected_version: int | None = None) -> BorrowerRecord:
    return set_borrower_active(session, actor, borrower_id, False, reason=reason, expected_version=expected_version)


def reactivate_borrower(session: Session, actor: Actor, borrower_id: int, *, expected_version: int | None = None) -> BorrowerRecord:
    return set_borrower_active(session, actor, borrower_id, True, expected_version=expected_version)


def get_borrower(session: Session, borrower_id: int) -> BorrowerRecord:
    return _borrower_record(_load_borrower(session, borrower_id))


def find_borrower_by_card(session: Session, scanned: str) -> BorrowerRecord | None:
    card = codes.normalize_scan(scanned)
    if not card:
        return None
    b = session.scalar(select(Borrower).where(Borrower.card_no == card))
    return _borrower_record(b) if b else None


def search_borrowers(session: Session, text: str = "", *, include_inactive: bool = False, kind: str | None = None,
                     limit: int = 200) -> list[BorrowerRecord]:
    """Borrowers whose name, unit, card no. or phone contains ``text`` (all when empty); exact card
    matches first, then by name."""
    stmt = select(Borrower)
    text = text.strip()
    if text:
        like = f"%{text}%"
        card = codes.normalize_scan(text)
        stmt = stmt.where(or_(Borrower.name.like(like), Borrower.unit.like(like), Borrower.phone.like(like),
                              Borrower.card_no.like(f"%{card}%") if card else False))
        exact = Borrower.card_no == card
        stmt = stmt.order_by(exact.desc(), Borrower.name, Borrower.id)
    else:
        stmt = stmt.order_by(Borrower.name, Borrower.id)
    if not include_inactive:
        stmt = stmt.where(Borrower.active.is_(True))
    if kind:
        stmt = stmt.where(Borrower.kind == kind)
    return [_borrower_record(b) for b in session.scalars(stmt.limit(limit))]


# ---------------------------------------------------------------- staff list import


@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int
    key: str
    reason: str


@dataclass(frozen=True)
class BorrowerImportResult:
    created: int
    updated: int
    duplicates: tuple[ImportProblem, ...]  # the same card no. / ID twice in the file
    existing: tuple[ImportProblem, ...]  # already registered (kept, or updated with update_existing)
    rejected: tuple[ImportProblem, ...]
    skipped: int
    rows_read: int
    key_field: str | None


def _existing_keys(session: Session) -> Callable[[Iterable[str]], set[str]]:
    def existing(keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found |= {k for (k,) in session.execute(select(B.c.card_no).where(B.c.card_no.in_(chunk))) if k}
            found |= {k for (k,) in session.execute(select(B.c.id_number).where(B.c.id_number.in_(chunk))) if k}
        return found

    return existing


def plan_borrower_import(session: Session, path: str | Path, **options: Any):  # noqa: ANN201 - importing.ImportPlan
    """What importing the staff list at ``path`` would do (nothing written)."""
    from archive_desk.importing import plan_import

    return plan_import(path, kind="borrowers", existing_codes=_existing_keys(session), **options)


def import_borrowers(session: Session, actor: Actor, path: str | Path, *, kind: str = "staff", update_existing: bool = False,
                     plan: Any = None, **options: Any) -> BorrowerImportResult:
    """Import a staff list (xlsx/xls/ods/csv) through the importing layer, in the caller's one
    transaction: all accepted rows or none. Rows whose 借阅证号/工号 (else 证件号码) appears twice in
    the file or is already registered are reported, not imported (``update_existing`` updates the
    registered borrower instead)."""
    from archive_desk.importing import RowStatus

    if kind not in BORROWER_KINDS:
        raise ValidationError({"kind": t("The borrower is staff or outside")})
    plan = plan or plan_borrower_import(session, path, **options)
    created = updated = 0
    problems: dict[str, list[ImportProblem]] = {"duplicate": [], "existing": [], "rejected": []}
    for row in plan.rows:
        if row.status is RowStatus.DUPLICATE:
            problems["duplicate"].append(ImportProblem(row.sheet, row.row, row.key or "",
                                                       t("Already given on row {row}", row=row.duplicate_of)))
        elif row.status is RowStatus.REJECTED:
            problems["rejected"].append(ImportProblem(row.sheet, row.row, row.key or "", "；".join(p.reason for p in row.problems)))
    for row in plan.rows:
        if row.status not in (RowStatus.OK, RowStatus.EXISTING):
            continue
        values = {k: row.values.get(k) for k in ("name", "unit", "phone", "id_number", "card_no", "notes") if row.values.get(k) is not None}
        values["kind"] = kind
        if row.status is RowStatus.EXISTING:
            key = row.key or ""
            current = session.scalar(select(Borrower).where(or_(Borrower.card_no == key, Borrower.id_number == key)))
            if not update_existing or current is None:
                problems["existing"].append(ImportProblem(row.sheet, row.row, key, t("Already registered: {name}", name=current.name if current else key)))
                continue
            try:
                update_borrower(session, actor, current.id, current.version, {k: v for k, v in values.items() if k != "kind"})
            except (ValidationError, DuplicateCodeError) as exc:
                problems["rejected"].append(ImportProblem(row.sheet, row.row, key, str(exc)))
                continue
            updated += 1
            continue
        try:
            with session.begin_nested():
                create_borrower(session, actor, values)
        except (ValidationError, DuplicateCodeError) as exc:
            problems["rejected"].append(ImportProblem(row.sheet, row.row, row.key or "", exc.message))
            continue
        created += 1
    summary = {"file": Path(plan.path).name, "created": created, "updated": updated, "duplicates": len(problems["duplicate"]),
               "existing": len(problems["existing"]), "rejected": len(problems["rejected"]), "rows_read": plan.summary.rows_read}
    audit.record(session, actor, "borrower.import", "borrower", None, None, summary)
    return BorrowerImportResult(created, updated, tuple(problems["duplicate"]), tuple(problems["existing"]), tuple(problems["rejected"]),
                                plan.summary.skipped, plan.summary.rows_read, plan.key_field)


# ---------------------------------------------------------------- checks before lending


def _open_loan_of(session: Session, volume_id: int) -> tuple[str, str] | None:
    row = session.execute(
        select(L.c.slip_no, B.c.name).select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id))
        .where(LL.c.volume_id == volume_id, LL.c.returned_at.is_(None))
    ).first()
    return (row.slip_no, row.name) if row else None


def _refusal(session: Session, code: str, status: str, volume_id: int) -> tuple[str, str | None, str | None]:
    """(reason, open slip, borrower) for a volume that cannot be lent; reason "" when it can."""
    if status == VolumeStatus.IN_STOCK:
        return "", None, None
    if status == VolumeStatus.ON_LOAN:
        held = _open_loan_of(session, volume_id)
        if held:
            return t("Volume {code} cannot be lent: it is on loan to {name} (slip {slip}).", code=code, name=held[1], slip=held[0]), held[0], held[1]
        return t("Volume {code} cannot be lent: it is on loan.", code=code), None, None
    reasons = {
        VolumeStatus.TRANSFERRED: t("Volume {code} cannot be lent: it was transferred out.", code=code),
        VolumeStatus.DESTROYED: t("Volume {code} cannot be lent: it was destroyed.", code=code),
        VolumeStatus.MISSING: t("Volume {code} cannot be lent: it is missing.", code=code),
        VolumeStatus.VOID: t("Volume {code} cannot be lent: its record is void.", code=code),
    }
    return reasons.get(status, t("Volume {code} cannot be lent: it is {status}.", code=code, status=catalogue.status_label(status))), None, None


def _volume_rows(session: Session, volume_ids: Sequence[int]) -> dict[int, Any]:
    rows: dict[int, Any] = {}
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start : start + 500])
        stmt = (select(V.c.id, V.c.code, V.c.barcode, V.c.title, V.c.security, V.c.pages, V.c.status, C.c.code.label("category_code"))
                .select_from(V.join(C, C.c.id == V.c.category_id)).where(V.c.id.in_(chunk)))
        rows.update({r.id: r for r in session.execute(stmt)})
    return rows


def check_volume(session: Session, volume_id: int) -> VolumeCheck:
    row = _volume_rows(session, [volume_id]).get(volume_id)
    if row is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    reason, slip, who = _refusal(session, row.code, row.status, row.id)
    return VolumeCheck(row.id, row.code, row.barcode, row.title, row.security, row.pages, row.status, row.category_code,
                       not reason, reason, slip, who)


def find_volume_for_loan(session: Session, scanned: str) -> VolumeCheck | None:
    """A scanned barcode or typed 档号 -> the volume and whether it can be lent (None: no such volume)."""
    found = catalogue.find_volume(session, scanned)
    return check_volume(session, found.id) if found else None


def approval_reasons(session: Session, borrower_kind: str, securities: Iterable[str], use_mode: str) -> tuple[str, ...]:
    """Why this loan needs an approver and an opinion (empty: it does not), per ``approval_rules``."""
    rules = loan_settings(session).rules
    reasons: list[str] = []
    threshold = rules.get("security_at_or_above")
    if threshold in SECURITY_LEVELS:
        level = SECURITY_LEVELS.index(threshold)
        classified = sorted({s for s in securities if s in SECURITY_LEVELS and SECURITY_LEVELS.index(s) >= level},
                            key=SECURITY_LEVELS.index)
        if classified:
            reasons.append(t("classified volumes ({levels})", levels="、".join(classified)))
    if rules.get("outside_borrowers") and borrower_kind == "outside":
        reasons.append(t("an outside borrower"))
    take_away = rules.get("take_away_uses", [TAKE_AWAY])
    if rules.get("take_away") and use_mode in take_away:
        reasons.append(t("taking volumes away ({use})", use=use_mode))
    return tuple(reasons)


def approval_required(session: Session, borrower_id: int, volume_ids: Sequence[int], use_mode: str) -> tuple[str, ...]:
    b = _load_borrower(session, borrower_id)
    securities = [r.security for r in _volume_rows(session, list(dict.fromkeys(volume_ids))).values()]
    return approval_reasons(session, b.kind, securities, use_mode)


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


# ---------------------------------------------------------------- returns and renewals


@dataclass(frozen=True)
class LineReturn:
    """What the clerk found when a volume came back. ``pages_back`` None: as many as lent."""

    volume_id: int
    pages_back: int | None = None
    condition: str = INTACT
    note: str = ""
    outcome: str = ""  # 利用效果


@dataclass(frozen=True)
class ReturnResult:
    loans: tuple[LoanRecord, ...]
    returned: tuple[LoanLineRecord, ...]
    closed_slips: tuple[str, ...]
    page_differences: tuple[tuple[str, int, int], ...]


def open_line_for_volume(session: Session, volume_id: int) -> tuple[LoanRecord, LoanLineRecord] | None:
    """The open loan holding ``volume_id`` and its line (for return by scan)."""
    loan_id = session.scalar(select(LL.c.loan_id).where(LL.c.volume_id == volume_id, LL.c.returned_at.is_(None)))
    if loan_id is None:
        return None
    loan = get_loan(session, loan_id)
    line = next(ln for ln in loan.lines if ln.volume_id == volume_id and not ln.returned)
    return loan, line


def find_line_for_return(session: Session, scanned: str) -> tuple[LoanRecord, LoanLineRecord]:
    volume = catalogue.find_volume(session, scanned)
    if volume is None:
        raise NotFoundError(t("No volume has the code {code}", code=scanned))
    found = open_line_for_volume(session, volume.id)
    if found is None:
        raise StatusError(t("Volume {code} is not on loan ({status}); there is nothing to return.", code=volume.code,
                            status=catalogue.status_label(volume.status)))
    return found


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
        touched[line.loan_id].append(code)
        volume_status = session.scalar(select(V.c.status).where(V.c.id == line.volume_id))
        if volume_status in (VolumeStatus.ON_LOAN, VolumeStatus.MISSING):
            catalogue.set_status(session, actor, line.volume_id, VolumeStatus.IN_STOCK, reason=f"{t('returned')} {code}", action="volume.return")
    session.flush()
    closed: list[str] = []
    for loan_id, codes_back in touched.items():
        loan = session.get(Loan, loan_id, populate_existing=True)
        assert loan is not None
        still_out = session.scalar(select(func.count()).select_from(LL).where(LL.c.loan_id == loan_id, LL.c.returned_at.is_(None))) or 0
        if still_out == 0:
            loan.status = "closed"
            closed.append(loan.slip_no)
        loan.updated_by = actor.user
        loan.updated_at = audit.utcnow()
        session.flush()
        detail = [
            {"code": code, "pages_out": ln.pages_out, "pages_back": ln.pages_back, "condition": ln.condition,
             "note": ln.condition_note, "outcome": ln.outcome}
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


def _overdue_stmt(today: date):  # noqa: ANN202
    return (select(L.c.id, L.c.slip_no, L.c.borrower_id, B.c.name, B.c.unit, B.c.phone, B.c.kind, L.c.lent_at, L.c.due_date, L.c.renewals)
            .select_from(L.join(B, B.c.id == L.c.borrower_id))
            .where(L.c.status == "open", L.c.due_date < today))


def overdue_loans(session: Session, today: date | None = None) -> list[OverdueLoan]:
    """Open loans past their due date, most overdue first."""
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
    return session.scalar(select(func.count()).select_from(L).where(L.c.status == "open", L.c.due_date < today)) or 0


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
                                     str(get_setting(session, "room_phone") or ""), clerk))
    notices.sort(key=lambda n: (-max(ln.days_overdue for ln in n.lines), n.borrower))
    return notices


# ---------------------------------------------------------------- printing


@in_form_language
def slip_data(session: Session, loan_id: int) -> LoanSlip:
    """The 借阅单 of a loan as plain data for :mod:`archive_desk.printing.loan_slip`."""
    from archive_desk.printing.loan_slip import LoanSlip, SlipLine

    loan = get_loan(session, loan_id)
    settings = loan_settings(session)
    b = loan.borrower
    return LoanSlip(
        slip_no=loan.slip_no, borrower=b.name, unit=b.unit, phone=b.phone, borrower_kind=t("this organisation") if b.kind == "staff" else t("outside organisation"),
        id_number=b.masked_id, card_no=b.card_no or "", purpose=loan.purpose, use_mode=loan.use_mode, purposes=settings.purposes,
        uses=settings.uses,
        lines=tuple(SlipLine(ln.code, ln.title, ln.security, ln.pages_out, ln.returned_at.date() if ln.returned_at else None,
                             ln.condition) for ln in loan.lines),
        lent_on=loan.lent_at, due_on=loan.due_date, approver=loan.approver, opinion=loan.approval_opinion, clerk=loan.clerk,
        renewals=loan.renewals, notes=loan.notes, room=settings.room_name, language=form_language(session),
    )


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
    due_date: date
    returned_at: datetime | None
    condition: str
    outcome: str
    renewals: int


def volume_loan_history(session: Session, volume_id: int) -> list[VolumeLoanEntry]:
    """Every loan of one volume, newest first (the catalogue's detail pane shows it)."""
    stmt = (select(L.c.id, L.c.slip_no, B.c.name, B.c.unit, L.c.purpose, L.c.use_mode, L.c.lent_at, L.c.due_date, LL.c.returned_at,
                   LL.c.condition, LL.c.outcome, L.c.renewals)
            .select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id))
            .where(LL.c.volume_id == volume_id).order_by(L.c.lent_at.desc(), L.c.id.desc()))
    return [VolumeLoanEntry(*r) for r in session.execute(stmt)]


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
    due_date: date
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

    def days_overdue(self, today: date | None = None) -> int:
        if self.returned_at is not None:
            return 0
        return max(0, ((today or date.today()) - self.due_date).days)


def _register_stmt(f: RegisterFilter):  # noqa: ANN202
    stmt = (select(LL.c.id.label("line_id"), L.c.slip_no, L.c.lent_at, B.c.name.label("borrower"), B.c.unit, B.c.kind, B.c.phone,
                   V.c.code, V.c.title, V.c.security, C.c.code.label("category_code"), L.c.purpose, L.c.use_mode, LL.c.pages_out,
                   L.c.due_date, LL.c.returned_at, LL.c.pages_back, LL.c.condition, LL.c.condition_note, LL.c.outcome, L.c.approver,
                   L.c.approval_opinion, L.c.clerk, LL.c.returned_to, L.c.renewals)
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
        conds.append(and_(LL.c.returned_at.is_(None), L.c.due_date < (f.today or date.today())))
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def register(session: Session, f: RegisterFilter | None = None, *, limit: int | None = None, offset: int = 0) -> list[RegisterRow]:
    """The 借阅登记簿: every loan line matching ``f``, newest loans first."""
    stmt = _register_stmt(f or RegisterFilter()).order_by(L.c.lent_at.desc(), L.c.id.desc(), LL.c.id)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return [RegisterRow(**r._mapping) for r in session.execute(stmt)]


def count_register(session: Session, f: RegisterFilter | None = None) -> int:
    sub = _register_stmt(f or RegisterFilter()).subquery()
    return session.scalar(select(func.count()).select_from(sub)) or 0


def export_register(session: Session, f: RegisterFilter | None, path: str | Path, *, today: date | None = None) -> int:
    """Write the register lines matching ``f`` to an Excel workbook (temp file, then moved in place)."""
    from archive_desk.exporting.loan_register import RegisterSheet, write_loan_register

    rows = register(session, f)
    settings = loan_settings(session)
    write_loan_register(RegisterSheet(title=t("{room} loan register", room=settings.room_name or t("archive room")),
                                      rows=tuple(_export_row(r, today) for r in rows), filters=_filter_text(f)), path)
    return len(rows)


def _export_row(r: RegisterRow, today: date | None) -> tuple[Any, ...]:
    return (r.slip_no, r.lent_at, r.borrower, r.unit, kind_label(r.kind), r.phone, r.code, r.title, r.security, r.purpose,
            r.use_mode, r.pages_out, r.due_date, r.returned_at, r.pages_back, r.condition, r.condition_note, r.outcome,
            r.approver, r.approval_opinion, r.clerk, r.returned_to, r.renewals, r.days_overdue(today) or None)


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


__all__ = [
    "BORROWER_KINDS", "CONDITIONS", "BorrowerImportResult", "BorrowerRecord", "FigureRow", "LineReturn", "LoanConflictError",
    "LoanLineRecord", "LoanRecord", "LoanSettings", "LoanYearFigures", "NotLendableError", "OverdueLoan", "PageCountMismatchError",
    "RegisterFilter", "RegisterRow", "ReturnResult", "VolumeCheck", "VolumeLoanEntry", "approval_reasons", "approval_required",
    "check_volume", "count_register", "create_borrower", "deactivate_borrower", "default_due_date", "export_register",
    "find_borrower_by_card", "find_line_for_return", "find_volume_for_loan", "get_borrower", "get_loan", "get_loan_by_slip",
    "import_borrowers", "lend", "loan_settings", "mask_id_number", "open_line_for_volume", "open_loans", "overdue_count",
    "overdue_loans", "overdue_notices", "plan_borrower_import", "reactivate_borrower", "register", "renew", "return_volumes",
    "search_borrowers", "slip_data", "update_borrower", "volume_loan_history", "yearly_figures",
]
