"""Setting up the room: fonds and categories (their 档号 rules and own fields), as the admin area edits them.

Every write here is a registered operation (``services/ops.py``) and audited, so the permissions work covers
the admin area by these names. Creating a fonds and adding a category field are in ``services/catalogue.py``
(``catalogue.create_fonds``, ``catalogue.add_category_field``); this module adds what was missing:

- fonds: rename, deactivate and reactivate. The ``fonds`` table has no ``active`` column, and a migration now
  would race the other branches' migrations, so the inactive fonds codes are kept in ``catalogue_settings``
  under :data:`INACTIVE_FONDS_KEY` (not a room setting: it belongs to this module);
- categories: create, edit (names, 档号 rule, default retention), deactivate; a rule change is first checked
  against the category's existing volumes (:func:`check_rule`), and refused with the list of those that do
  not fit unless the caller says the room accepts it (``accept_misfits``);
- category fields: edit labels and choices.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.domain import codes
from archive_desk.errors import (
    DuplicateCodeError,
    NotFoundError,
    UserError,
    ValidationError,
)
from archive_desk.i18n import t
from archive_desk.models import (
    CatalogueSetting,
    Category,
    FieldType,
    FilingMode,
    Fonds,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import CategoryRecord, _category_record
from archive_desk.services.ops import CATALOGUE, operation

#: catalogue_settings key holding the codes of fonds no longer offered for new volumes
INACTIVE_FONDS_KEY = "inactive_fonds"
#: at most this many misfits are named in a message (the check returns them all)
MISFITS_IN_MESSAGE = 20
#: the field types a person may give a category's own field (money is a number with two decimals)
FIELD_TYPES = tuple(FieldType)


@dataclass(frozen=True)
class FondsRow:
    id: int
    code: str
    name: str
    active: bool
    volumes: int


@dataclass(frozen=True)
class CategoryRow:
    record: CategoryRecord
    active: bool
    volumes: int


@dataclass(frozen=True)
class RuleCheck:
    """What a new 档号 rule means for a category's existing volumes."""

    pattern: str
    example: str
    described: str
    checked: int
    misfits: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.misfits


class RuleMisfitError(UserError):
    """A rule change refused because existing volumes do not follow the new rule (``check`` lists them)."""

    def __init__(self, check: RuleCheck) -> None:
        shown = "、".join(check.misfits[:MISFITS_IN_MESSAGE])
        more = len(check.misfits) - MISFITS_IN_MESSAGE
        if more > 0:
            shown += t(" and {n} more", n=more)
        super().__init__(t("{n} existing volumes do not fit the new rule {rule}: {codes}", n=len(check.misfits),
                           rule=check.pattern, codes=shown), field="code_pattern")
        self.check = check


def catalogue_is_empty(session: Session) -> bool:
    """No volume at all (void ones count): the catalogue area shows its welcome page instead of a table.
    Core, not the ORM, so that a first paint does not wait for the mappers."""
    return session.scalar(select(Volume.__table__.c.id).limit(1)) is None


# ---------------------------------------------------------------- fonds


def _inactive_codes(session: Session) -> set[str]:
    row = session.get(CatalogueSetting, INACTIVE_FONDS_KEY)
    return set(row.value or []) if row is not None else set()


def _set_inactive_codes(session: Session, codes_: set[str]) -> None:
    row = session.get(CatalogueSetting, INACTIVE_FONDS_KEY)
    value = sorted(codes_)
    if row is None:
        session.add(CatalogueSetting(key=INACTIVE_FONDS_KEY, value=value))
    else:
        row.value = value
    session.flush()


def list_fonds(session: Session) -> list[FondsRow]:
    """Every fonds, active or not, with its number of volumes."""
    inactive = _inactive_codes(session)
    counts = dict(session.execute(select(Volume.fonds_id, func.count()).group_by(Volume.fonds_id)).all())
    return [FondsRow(f.id, f.code, f.name, f.code not in inactive, counts.get(f.id, 0))
            for f in session.scalars(select(Fonds).order_by(Fonds.code))]


def active_fonds_codes(session: Session) -> set[str]:
    inactive = _inactive_codes(session)
    return {c for c in session.scalars(select(Fonds.code)) if c not in inactive}


def _fonds(session: Session, fonds_id: int) -> Fonds:
    fonds = session.get(Fonds, fonds_id)
    if fonds is None:
        raise NotFoundError(t("There is no fonds {code}", code=fonds_id))
    return fonds


@operation("setup.rename_fonds", area=CATALOGUE)
def rename_fonds(session: Session, actor: Actor, fonds_id: int, name: str) -> FondsRow:
    """Change a fonds' name (全宗名称). Its code (全宗号) is part of every 档号 and stays."""
    fonds = _fonds(session, fonds_id)
    name = name.strip()
    if not name:
        raise ValidationError({"name": t("The fonds needs a name")})
    if name != fonds.name:
        before = fonds.name
        fonds.name = name
        session.flush()
        audit.record(session, actor, "fonds.rename", "fonds", fonds.id, {"name": before}, {"name": name})
    return next(r for r in list_fonds(session) if r.id == fonds_id)


@operation("setup.set_fonds_active", area=CATALOGUE)
def set_fonds_active(session: Session, actor: Actor, fonds_id: int, active: bool) -> FondsRow:
    """Deactivate a fonds (its volumes stay; it is no longer offered for new ones) or bring it back."""
    fonds = _fonds(session, fonds_id)
    inactive = _inactive_codes(session)
    was_active = fonds.code not in inactive
    if was_active != active:
        (inactive.discard if active else inactive.add)(fonds.code)
        _set_inactive_codes(session, inactive)
        audit.record(session, actor, "fonds.activate" if active else "fonds.deactivate", "fonds", fonds.id,
                     {"active": was_active}, {"active": active})
    return next(r for r in list_fonds(session) if r.id == fonds_id)


# ---------------------------------------------------------------- categories


def list_categories(session: Session) -> list[CategoryRow]:
    """Every category, active or not, with its number of volumes, in the room's order."""
    counts = dict(session.execute(select(Volume.category_id, func.count()).group_by(Volume.category_id)).all())
    return [CategoryRow(_category_record(c), c.active, counts.get(c.id, 0))
            for c in session.scalars(select(Category).order_by(Category.sort_order, Category.code))]


def rule_example(pattern: str, category_code: str = "") -> str:
    """A worked example of a 档号 rule (the category's own code in it); ValidationError for a broken rule."""
    rule = codes.CodePattern(pattern.strip())
    rule.parts  # noqa: B018 - parses, raising ValidationError for a broken rule
    return rule.example({"category": category_code} if category_code else None)


def check_rule(session: Session, category_id: int, pattern: str) -> RuleCheck:
    """Which of the category's volumes (void ones aside) would not follow ``pattern`` (their 档号, in order)."""
    cat = session.get(Category, category_id)
    if cat is None:
        raise NotFoundError(t("There is no category {code}", code=category_id))
    rule = codes.CodePattern(pattern.strip())
    example = rule_example(pattern, cat.code)
    checked, misfits = 0, []
    for (code,) in session.execute(select(Volume.code).where(Volume.category_id == category_id,
                                                             Volume.status != VolumeStatus.VOID).order_by(Volume.code)):
        checked += 1
        if not rule.matches(code):
            misfits.append(code)
    return RuleCheck(rule.text, example, rule.describe(), checked, tuple(misfits))


def _check_category_values(code: str, name_zh: str, name_en: str, pattern: str, retention: str) -> dict[str, str]:  # noqa: ARG001 - the English name is optional
    problems = {}
    if not code or not code.isascii() or not code.isalpha() or len(code) > 4:
        problems["code"] = t("The category code must be 1 to 4 letters")
    if not name_zh.strip():
        problems["name_zh"] = t("The category needs a name")
    if retention not in codes.RETENTIONS:
        problems["default_retention"] = t("The retention must be one of {choices}", choices=", ".join(codes.RETENTIONS))
    try:
        rule_example(pattern, code)
    except ValidationError as exc:
        problems.update(exc.problems)
    return problems


@operation("setup.create_category", area=CATALOGUE)
def create_category(session: Session, actor: Actor, code: str, name_zh: str, name_en: str, code_pattern: str,
                    default_retention: str = "D30", *, filing_mode: str = FilingMode.VOLUME,
                    thickness_mm: int = 30) -> CategoryRecord:
    """A new category (门类) with its 档号 rule; its own fields are added with ``catalogue.add_category_field``."""
    code = codes.normalize_scan(code)
    problems = _check_category_values(code, name_zh, name_en, code_pattern, default_retention)
    if filing_mode not in set(FilingMode):
        problems["filing_mode"] = t("Unknown filing mode {mode}", mode=filing_mode)
    if problems:
        raise ValidationError(problems)
    if session.scalar(select(Category.id).where(Category.code == code)) is not None:
        raise DuplicateCodeError(t("The category code {code} is already used", code=code), field="code")
    order = (session.scalar(select(func.max(Category.sort_order))) or 0) + 1
    cat = Category(code=code, name_zh=name_zh.strip(), name_en=name_en.strip() or name_zh.strip(),
                   filing_mode=filing_mode, code_pattern=code_pattern.strip(), item_pattern="",
                   default_retention=default_retention, thickness_mm=thickness_mm, sort_order=order)
    session.add(cat)
    session.flush()
    audit.record(session, actor, "category.create", "category", cat.id, None,
                 {"code": code, "name_zh": cat.name_zh, "name_en": cat.name_en, "code_pattern": cat.code_pattern,
                  "default_retention": default_retention, "filing_mode": filing_mode})
    return _category_record(cat)


@operation("setup.update_category", area=CATALOGUE)
def update_category(session: Session, actor: Actor, category_id: int, *, name_zh: str, name_en: str,
                    code_pattern: str, default_retention: str, accept_misfits: bool = False) -> CategoryRecord:
    """Change a category's names, 档号 rule and default retention. A new rule that some existing volumes do not
    follow is refused (:class:`RuleMisfitError`, naming them) unless ``accept_misfits``: their codes stay as
    they are (a 档号 is never rewritten behind the room's back); new volumes follow the new rule."""
    cat = session.get(Category, category_id)
    if cat is None:
        raise NotFoundError(t("There is no category {code}", code=category_id))
    code_pattern = code_pattern.strip()
    problems = _check_category_values(cat.code, name_zh, name_en, code_pattern, default_retention)
    if problems:
        raise ValidationError(problems)
    if code_pattern != cat.code_pattern:
        check = check_rule(session, category_id, code_pattern)
        if check.misfits and not accept_misfits:
            raise RuleMisfitError(check)
    fields = ("name_zh", "name_en", "code_pattern", "default_retention")
    before = {f: getattr(cat, f) for f in fields}
    cat.name_zh, cat.name_en = name_zh.strip(), name_en.strip() or name_zh.strip()
    cat.code_pattern, cat.default_retention = code_pattern, default_retention
    after = {f: getattr(cat, f) for f in fields}
    if after != before:
        session.flush()
        changed = [f for f in fields if before[f] != after[f]]
        audit.record(session, actor, "category.update", "category", cat.id, {f: before[f] for f in changed},
                     {f: after[f] for f in changed})
    return _category_record(cat)


@operation("setup.set_category_active", area=CATALOGUE)
def set_category_active(session: Session, actor: Actor, category_id: int, active: bool) -> CategoryRecord:
    """Deactivate a category (its volumes stay; it is no longer offered for new ones) or bring it back."""
    cat = session.get(Category, category_id)
    if cat is None:
        raise NotFoundError(t("There is no category {code}", code=category_id))
    if cat.active != active:
        before = cat.active
        cat.active = active
        session.flush()
        audit.record(session, actor, "category.activate" if active else "category.deactivate", "category", cat.id,
                     {"active": before}, {"active": active})
    return _category_record(cat)


@operation("setup.update_category_field", area=CATALOGUE)
def update_category_field(session: Session, actor: Actor, category_id: int, key: str, *, label_zh: str,
                          label_en: str, choices: list[str] | None = None) -> CategoryRecord:
    """Change the labels (and, for a choice field, the choices) of a category's own field. Its key and type
    stay: the volumes' values are stored under the key."""
    cat = session.get(Category, category_id)
    field = None if cat is None else next((f for f in cat.fields if f.key == key), None)
    if cat is None or field is None:
        raise NotFoundError(t("The category has no field {key}", key=key))
    if not label_zh.strip():
        raise ValidationError({"label_zh": t("The field needs a name")})
    before = {"label_zh": field.label_zh, "label_en": field.label_en, "choices": list(field.choices or [])}
    field.label_zh, field.label_en = label_zh.strip(), label_en.strip() or label_zh.strip()
    if field.type == FieldType.CHOICE and choices is not None:
        field.choices = [c.strip() for c in choices if c.strip()]
    after = {"label_zh": field.label_zh, "label_en": field.label_en, "choices": list(field.choices or [])}
    if after != before:
        session.flush()
        audit.record(session, actor, "category.update_field", "category", cat.id, {"key": key, **before},
                     {"key": key, **after})
    return _category_record(cat)


# ---------------------------------------------------------------- a form with the room's particulars


def sample_form(session: Session, *, room_name: str | None = None, org_name: str | None = None) -> bytes:
    """A 借阅单 as the room's forms will print it (its particulars, purposes, uses, loan period, form language),
    listing up to three of the catalogue's volumes: PDF bytes, for the admin area's preview. ``room_name`` and
    ``org_name`` override the stored ones (the preview of values not saved yet)."""
    from datetime import date, timedelta

    from archive_desk.printing.loan_slip import LoanSlip, SlipLine, render_loan_slip
    from archive_desk.services import room_settings

    rs = room_settings.read(session)
    if room_name is not None or org_name is not None:
        org = (rs.org_name if org_name is None else org_name).strip()
        room = (rs.room_name if room_name is None else room_name).strip()
        unit = org if org and room and org.endswith(room) else f"{org}{room}"
    else:
        unit = rs.unit_name
    lines = tuple(SlipLine(v.code, v.title, v.security, v.pages) for v in session.scalars(
        select(Volume).where(Volume.status == VolumeStatus.IN_STOCK).order_by(Volume.code).limit(3)))
    today = date.today()
    slip = LoanSlip(slip_no=t("SAMPLE"), borrower=t("Sample borrower"), purposes=rs.loan_purposes, uses=rs.loan_uses,
                    purpose=rs.loan_purposes[0] if rs.loan_purposes else "", use_mode=rs.loan_uses[0] if rs.loan_uses else "",
                    lines=lines, lent_on=today, due_on=today + timedelta(days=rs.loan_period_days), room=unit,
                    language=rs.form_language)
    data = render_loan_slip(slip)
    if not isinstance(data, bytes):  # (no ``out``: the PDF comes back as bytes)
        raise TypeError("the loan slip was not rendered to bytes")
    return data


def field_key(label: str, taken: set[str]) -> str:
    """A key for a new field from its label: ASCII letters and digits of the label (lower case), else
    ``field_N``; never one already taken."""
    base = "".join(ch for ch in label.lower().replace(" ", "_") if (ch.isascii() and (ch.isalnum() or ch == "_")))
    base = base.strip("_")[:24] or "field"
    key, n = base, 1
    while key in taken or key == "field":
        n += 1
        key = f"{base}_{n}"
    return key


__all__ = [
    "FIELD_TYPES", "INACTIVE_FONDS_KEY", "CategoryRow", "FondsRow", "RuleCheck", "RuleMisfitError",
    "active_fonds_codes", "catalogue_is_empty", "check_rule", "create_category", "field_key", "list_categories", "list_fonds",
    "rename_fonds", "rule_example", "sample_form", "set_category_active", "set_fonds_active", "update_category",
    "update_category_field",
]
