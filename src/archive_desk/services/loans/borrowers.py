"""Borrowers: register, change, deactivate, find by card or text, and import a staff list."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from archive_desk.errors import DuplicateCodeError, NotFoundError, StaleEditError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Borrower
from archive_desk.services import audit, codes, masking
from archive_desk.services.audit import Actor
from archive_desk.services.loans.records import BORROWER_KINDS, B, BorrowerRecord, _borrower_record, seen_borrower
from archive_desk.services.ops import LENDING, operation

if TYPE_CHECKING:  # the importing layer (calamine, openpyxl) is imported only when a list is imported
    from archive_desk.importing import ImportPlan


# ---------------------------------------------------------------- borrowers

_CARD_RE = re.compile(r"[0-9A-Z.\-]{1,40}")
_PHONE_RE = re.compile(r"\+?[\d()\- ]+(?:转\d+)?")
BORROWER_FIELDS = ("name", "unit", "phone", "id_number", "kind", "card_no", "notes")


def _clean_borrower(session: Session, data: Mapping[str, Any], borrower_id: int | None,
                    viewer: Actor | None = None) -> dict[str, Any]:
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
        same_id = session.execute(select(B.c.id, B.c.name, B.c.unit).where(B.c.id_number == id_number)).first()
        if same_id is not None and same_id.id != borrower_id:
            # whose number it is, as the clerk may see them: an account without the personal-data right gets the
            # name masked (张*), so typing numbers cannot tell it who holds one
            name = same_id.name if masking.may_see_personal(viewer) else masking.mask_name(same_id.name)
            raise DuplicateCodeError(t("A borrower with this ID number is already registered: {name} ({unit})", name=name, unit=same_id.unit or "—"),
                                     field="id_number")
    return clean


@operation("loans.create_borrower", area=LENDING)
def create_borrower(session: Session, actor: Actor, data: Mapping[str, Any]) -> BorrowerRecord:
    clean = _clean_borrower(session, data, None, actor)
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


@operation("loans.update_borrower", area=LENDING)
def update_borrower(session: Session, actor: Actor, borrower_id: int, expected_version: int, changes: Mapping[str, Any]) -> BorrowerRecord:
    b = _load_borrower(session, borrower_id, expected_version)
    unknown = set(changes) - set(BORROWER_FIELDS)
    if unknown:
        raise ValidationError({k: t("{key} cannot be changed here", key=k) for k in sorted(unknown)})
    before = _borrower_record(b)
    shown = seen_borrower(actor, before)
    # a phone or ID number the actor was shown masked (no personal-data right) and sent back as shown keeps the stored one
    changes = {k: v for k, v in changes.items() if not (k in ("phone", "id_number") and v and v == getattr(shown, k) != getattr(before, k))}
    merged = {k: getattr(before, k) for k in BORROWER_FIELDS}
    merged.update(changes)
    clean = _clean_borrower(session, merged, borrower_id, actor)
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


@operation("loans.set_borrower_active", area=LENDING)
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


@operation("loans.deactivate_borrower", area=LENDING)
def deactivate_borrower(session: Session, actor: Actor, borrower_id: int, *, reason: str = "",
                        expected_version: int | None = None) -> BorrowerRecord:
    return set_borrower_active(session, actor, borrower_id, False, reason=reason, expected_version=expected_version)


@operation("loans.reactivate_borrower", area=LENDING)
def reactivate_borrower(session: Session, actor: Actor, borrower_id: int, *, expected_version: int | None = None) -> BorrowerRecord:
    return set_borrower_active(session, actor, borrower_id, True, expected_version=expected_version)


def get_borrower(session: Session, borrower_id: int) -> BorrowerRecord:
    return _borrower_record(_load_borrower(session, borrower_id))


def find_borrower_by_card(session: Session, scanned: str, viewer: Actor | None = None) -> BorrowerRecord | None:
    """The borrower with this card, as ``viewer`` may see them (``records.seen_borrower``; None: unmasked)."""
    card = codes.normalize_scan(scanned)
    if not card:
        return None
    b = session.scalar(select(Borrower).where(Borrower.card_no == card))
    return seen_borrower(viewer, _borrower_record(b)) if b else None


def search_borrowers(session: Session, text: str = "", *, include_inactive: bool = False, kind: str | None = None,
                     limit: int = 200, viewer: Actor | None = None) -> list[BorrowerRecord]:
    """Borrowers whose name, unit, card no. or phone contains ``text`` (all when empty); exact card
    matches first, then by name. As ``viewer`` may see them: phone and ID number masked without the
    personal-data right (services/masking.py), and for such a viewer the phone is not matched either (searching
    by digits must not tell whose number it is); None: unmasked."""
    stmt = select(Borrower)
    text = text.strip()
    if text:
        like = f"%{text}%"
        card = codes.normalize_scan(text)
        phone = Borrower.phone.like(like) if masking.may_see_personal(viewer) else false()
        stmt = stmt.where(or_(Borrower.name.like(like), Borrower.unit.like(like), phone,
                              Borrower.card_no.like(f"%{card}%") if card else false()))
        exact = Borrower.card_no == card
        stmt = stmt.order_by(exact.desc(), Borrower.name, Borrower.id)
    else:
        stmt = stmt.order_by(Borrower.name, Borrower.id)
    if not include_inactive:
        stmt = stmt.where(Borrower.active.is_(True))
    if kind:
        stmt = stmt.where(Borrower.kind == kind)
    return [seen_borrower(viewer, _borrower_record(b)) for b in session.scalars(stmt.limit(limit))]


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


def plan_borrower_import(session: Session, path: str | Path, **options: Any) -> ImportPlan:
    """What importing the staff list at ``path`` would do (nothing written)."""
    from archive_desk.importing import plan_import

    return plan_import(path, kind="borrowers", existing_codes=_existing_keys(session), **options)


@operation("loans.import_borrowers", area=LENDING)
def import_borrowers(session: Session, actor: Actor, path: str | Path, *, kind: str = "staff", update_existing: bool = False,
                     plan: ImportPlan | None = None, **options: Any) -> BorrowerImportResult:
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
