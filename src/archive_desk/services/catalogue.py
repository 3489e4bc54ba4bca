"""Catalogue use cases: fonds, categories, volumes and items.

Everything here takes a ``Session`` (opened by :class:`archive_desk.db.engine.Database`; writes in
``db.write()``), an :class:`~archive_desk.services.audit.Actor` for changes, and plain values; it returns
frozen dataclasses. Nothing is ever hard-deleted: volumes change status, items are withdrawn.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.errors import DuplicateCodeError, NotFoundError, StaleEditError, StatusError, ValidationError
from archive_desk.i18n import is_chinese, t
from archive_desk.models import SECURITY_LEVELS, Category, CategoryField, FieldType, Fonds, Item, Volume, VolumeStatus
from archive_desk.services import audit, codes, masking, ops
from archive_desk.services.audit import Actor
from archive_desk.services.permissions import PermissionDeniedError
from archive_desk.services.ops import CATALOGUE, operation

# ---------------------------------------------------------------- status rules

#: which status changes are allowed (on_loan ↔ in_stock goes through lending, the others through
#: transfers, appraisal and stocktake; transferred and destroyed are final)
TRANSITIONS: dict[str, frozenset[str]] = {
    VolumeStatus.IN_STOCK: frozenset({VolumeStatus.ON_LOAN, VolumeStatus.TRANSFERRED, VolumeStatus.DESTROYED,
                                      VolumeStatus.MISSING, VolumeStatus.VOID}),
    VolumeStatus.ON_LOAN: frozenset({VolumeStatus.IN_STOCK, VolumeStatus.MISSING}),
    VolumeStatus.MISSING: frozenset({VolumeStatus.IN_STOCK, VolumeStatus.DESTROYED}),
    VolumeStatus.TRANSFERRED: frozenset(),
    VolumeStatus.DESTROYED: frozenset(),
    VolumeStatus.VOID: frozenset({VolumeStatus.IN_STOCK}),
}


def status_label(status: str) -> str:
    labels: dict[str, str] = {
        VolumeStatus.IN_STOCK: t("in stock"),
        VolumeStatus.ON_LOAN: t("on loan"),
        VolumeStatus.TRANSFERRED: t("transferred out"),
        VolumeStatus.DESTROYED: t("destroyed"),
        VolumeStatus.MISSING: t("missing"),
        VolumeStatus.VOID: t("void"),
        "reading": t("in reading room"),  # services/reading.py: 在库 with an open consultation, never stored
    }
    return labels.get(status, status)


RETENTION_LABELS = {"Y": "永久", "D30": "定期30年", "D10": "定期10年", "C": "长期", "S": "短期"}
RETENTION_LABELS_EN = {"Y": "Permanent", "D30": "30 years", "D10": "10 years", "C": "Long-term (legacy)", "S": "Short-term (legacy)"}


def retention_label(code: str) -> str:
    label = (RETENTION_LABELS if is_chinese() else RETENTION_LABELS_EN).get(code)
    if label is None and codes.is_retention(code) and code.startswith("D"):
        return f"定期{int(code[1:])}年" if is_chinese() else f"{int(code[1:])} years"
    return label or code


def check_transition(code: str, current: str, new: str) -> None:
    if new not in TRANSITIONS.get(current, frozenset()):
        raise StatusError(
            t("Volume {code} is {current}; it cannot become {new}.", code=code, current=status_label(current), new=status_label(new))
        )


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class FieldDef:
    key: str
    label_zh: str
    label_en: str
    type: str
    choices: tuple[str, ...] = ()
    required: bool = False
    #: personal data, masked by this kind for those without the right (services/masking.py); "" = not personal
    personal: str = ""

    @property
    def label(self) -> str:
        return self.label_zh if is_chinese() else self.label_en


@dataclass(frozen=True)
class CategoryRecord:
    id: int
    code: str
    name_zh: str
    name_en: str
    filing_mode: str
    code_pattern: str
    item_pattern: str
    default_retention: str
    thickness_mm: int
    retention_event_field: str
    fields: tuple[FieldDef, ...] = ()

    @property
    def name(self) -> str:
        return self.name_zh if is_chinese() else self.name_en

    @property
    def pattern(self) -> codes.CodePattern:
        return codes.CodePattern(self.code_pattern)


@dataclass(frozen=True)
class FondsRecord:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class VolumeRecord:
    id: int
    code: str
    barcode: str
    fonds_id: int
    fonds_code: str
    category_id: int
    category_code: str
    year: int
    retention: str
    security: str
    security_period: int | None
    org_code: str
    sequence: int
    box_no: int | None
    item_start: int | None
    item_end: int | None
    title: str
    responsible: str
    start_date: date | None
    end_date: date | None
    pages: int
    item_count: int
    notes: str
    status: str
    custom: Mapping[str, Any]
    layer_id: int | None
    shelf_position: int | None
    thickness_mm: int | None
    label_printed_at: datetime | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int

    def audit_view(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["custom"] = dict(self.custom)
        for key in ("created_at", "created_by", "updated_at", "updated_by", "version", "id"):
            data.pop(key)
        return data


@dataclass(frozen=True)
class ItemRecord:
    id: int
    volume_id: int
    seq: int
    code: str
    doc_no: str
    responsible: str
    title: str
    date: date | None
    security: str
    pages: int
    page_start: int | None
    page_end: int | None
    notes: str
    removed: bool
    version: int


EDITABLE_VOLUME_FIELDS = (
    "code", "fonds_id", "category_id", "year", "retention", "security", "security_period", "org_code",
    "box_no", "item_start", "item_end", "title", "responsible", "start_date", "end_date", "pages",
    "item_count", "notes", "custom", "thickness_mm",
)
EDITABLE_ITEM_FIELDS = ("code", "doc_no", "responsible", "title", "date", "security", "pages", "notes")


def _volume_record(v: Volume, fonds_code: str, category_code: str) -> VolumeRecord:
    return VolumeRecord(
        id=v.id, code=v.code, barcode=v.barcode, fonds_id=v.fonds_id, fonds_code=fonds_code,
        category_id=v.category_id, category_code=category_code, year=v.year, retention=v.retention,
        security=v.security, security_period=v.security_period, org_code=v.org_code, sequence=v.sequence,
        box_no=v.box_no, item_start=v.item_start, item_end=v.item_end, title=v.title, responsible=v.responsible,
        start_date=v.start_date, end_date=v.end_date, pages=v.pages, item_count=v.item_count, notes=v.notes,
        status=v.status, custom=MappingProxyType(dict(v.custom or {})), layer_id=v.layer_id,
        shelf_position=v.shelf_position, thickness_mm=v.thickness_mm, label_printed_at=v.label_printed_at,
        created_at=v.created_at, created_by=v.created_by, updated_at=v.updated_at, updated_by=v.updated_by,
        version=v.version,
    )


def volume_record(session: Session, v: Volume) -> VolumeRecord:
    fonds_code = session.scalar(select(Fonds.code).where(Fonds.id == v.fonds_id)) or ""
    category_code = session.scalar(select(Category.code).where(Category.id == v.category_id)) or ""
    return _volume_record(v, fonds_code, category_code)


def item_record(i: Item) -> ItemRecord:
    return ItemRecord(i.id, i.volume_id, i.seq, i.code, i.doc_no, i.responsible, i.title, i.date, i.security,
                      i.pages, i.page_start, i.page_end, i.notes, i.removed, i.version)


# ---------------------------------------------------------------- fonds and categories


def list_fonds(session: Session) -> list[FondsRecord]:
    return [FondsRecord(f.id, f.code, f.name) for f in session.scalars(select(Fonds).order_by(Fonds.code))]


@operation("catalogue.create_fonds", area=CATALOGUE)
def create_fonds(session: Session, actor: Actor, code: str, name: str) -> FondsRecord:
    code = codes.normalize_scan(code)
    problems = {}
    if not code or not all(ch.isalnum() and ch.isascii() for ch in code) or len(code) > 8:
        problems["code"] = t("The fonds code must be 1 to 8 letters or digits")
    if not name.strip():
        problems["name"] = t("The fonds needs a name")
    if problems:
        raise ValidationError(problems)
    if session.scalar(select(Fonds.id).where(Fonds.code == code)) is not None:
        raise DuplicateCodeError(t("The fonds code {code} is already used", code=code), field="code")
    fonds = Fonds(code=code, name=name.strip())
    session.add(fonds)
    session.flush()
    audit.record(session, actor, "fonds.create", "fonds", fonds.id, None, {"code": code, "name": fonds.name})
    return FondsRecord(fonds.id, fonds.code, fonds.name)


def get_fonds_by_code(session: Session, code: str) -> FondsRecord:
    f = session.scalar(select(Fonds).where(Fonds.code == codes.normalize_scan(code)))
    if f is None:
        raise NotFoundError(t("There is no fonds {code}", code=code), field="fonds_id")
    return FondsRecord(f.id, f.code, f.name)


def _category_record(c: Category) -> CategoryRecord:
    return CategoryRecord(
        c.id, c.code, c.name_zh, c.name_en, c.filing_mode, c.code_pattern, c.item_pattern, c.default_retention,
        c.thickness_mm, c.retention_event_field,
        tuple(FieldDef(f.key, f.label_zh, f.label_en, f.type, tuple(f.choices or ()), f.required, f.personal or "")
              for f in c.fields),
    )


def list_categories(session: Session, *, active_only: bool = True) -> list[CategoryRecord]:
    stmt = select(Category).order_by(Category.sort_order, Category.code)
    if active_only:
        stmt = stmt.where(Category.active.is_(True))
    return [_category_record(c) for c in session.scalars(stmt)]


def list_choices(session: Session) -> tuple[list[FondsRecord], list[CategoryRecord]]:
    """What :func:`list_fonds` and :func:`list_categories` return (active categories), read through Core
    for the volume list's filter bar: the window's first paint then does not wait for the ORM's mappers
    to be configured (its first ORM query does that, ~0.1 s). Reads committed data only (no autoflush)."""
    f, c, cf = Fonds.__table__, Category.__table__, CategoryField.__table__
    fonds = [FondsRecord(*row) for row in session.execute(select(f.c.id, f.c.code, f.c.name).order_by(f.c.code))]
    rows = session.execute(
        select(c.c.id, c.c.code, c.c.name_zh, c.c.name_en, c.c.filing_mode, c.c.code_pattern, c.c.item_pattern,
               c.c.default_retention, c.c.thickness_mm, c.c.retention_event_field)
        .where(c.c.active.is_(True)).order_by(c.c.sort_order, c.c.code)).all()
    fields: dict[int, list[FieldDef]] = {row[0]: [] for row in rows}
    if fields:
        for cat_id, key, label_zh, label_en, type_, choices, required, personal in session.execute(
                select(cf.c.category_id, cf.c.key, cf.c.label_zh, cf.c.label_en, cf.c.type, cf.c.choices, cf.c.required,
                       cf.c.personal)
                .where(cf.c.category_id.in_(list(fields))).order_by(cf.c.sort_order, cf.c.id)):
            fields[cat_id].append(FieldDef(key, label_zh, label_en, type_, tuple(choices or ()), required, personal or ""))
    # the ten columns selected (row[:10]: SQLAlchemy types a row of ten or more columns as open-ended)
    return fonds, [CategoryRecord(*row[:10], tuple(fields[row[0]])) for row in rows]


def get_category(session: Session, category_id: int | None = None, *, code: str | None = None) -> CategoryRecord:
    if code is not None:
        c = session.scalar(select(Category).where(Category.code == codes.normalize_scan(code)))
    else:
        c = session.get(Category, category_id) if category_id is not None else None
    if c is None:
        raise NotFoundError(t("There is no category {code}", code=code or category_id), field="category_id")
    return _category_record(c)


@operation("catalogue.add_category_field", area=CATALOGUE)
def add_category_field(session: Session, actor: Actor, category_id: int, key: str, label_zh: str, label_en: str,
                       type_: str = FieldType.TEXT, choices: list[str] | None = None) -> CategoryRecord:
    cat = session.get(Category, category_id)
    if cat is None:
        raise NotFoundError(t("There is no category {code}", code=category_id))
    if type_ not in set(FieldType):
        raise ValidationError({"type": t("Unknown field type {type}", type=type_)})
    if any(f.key == key for f in cat.fields):
        raise DuplicateCodeError(t("The category already has a field {key}", key=key), field="key")
    cat.fields.append(CategoryField(key=key, label_zh=label_zh, label_en=label_en, type=type_,
                                    choices=list(choices or []), sort_order=len(cat.fields)))
    session.flush()
    audit.record(session, actor, "category.add_field", "category", cat.id, None,
                 {"key": key, "label_zh": label_zh, "label_en": label_en, "type": type_, "choices": choices or []})
    return _category_record(cat)


# ---------------------------------------------------------------- validation


def _to_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _to_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    return int(str(value).strip())


def normalize_custom(fields: tuple[FieldDef, ...], values: Mapping[str, Any], problems: dict[str, str]) -> dict[str, Any]:
    """Check and convert a category's own field values; JSON-friendly output (dates as ISO text,
    money as a decimal string)."""
    out: dict[str, Any] = {}
    by_key = {f.key: f for f in fields}
    for key, raw in values.items():
        fdef = by_key.get(key)
        if fdef is None:
            problems[f"custom.{key}"] = t("{key} is not a field of this category", key=key)
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if fdef.required:
                problems[f"custom.{key}"] = t("{field} is required", field=fdef.label)
            continue
        try:
            if fdef.type == FieldType.DATE:
                d = _to_date(raw)
                out[key] = d.isoformat() if d else None
            elif fdef.type == FieldType.INTEGER:
                out[key] = _to_int(raw)
            elif fdef.type == FieldType.MONEY:
                amount = Decimal(str(raw).replace(",", "").replace("¥", "").strip()).quantize(Decimal("0.01"))
                if amount < 0:
                    raise ValueError(raw)
                out[key] = str(amount)
            elif fdef.type == FieldType.CHOICE:
                if str(raw) not in fdef.choices:
                    problems[f"custom.{key}"] = t("{field} must be one of {choices}", field=fdef.label, choices="、".join(fdef.choices))
                    continue
                out[key] = str(raw)
            else:
                out[key] = str(raw).strip()
        except (ValueError, InvalidOperation):
            kinds: dict[str, str] = {FieldType.DATE: t("a date (YYYY-MM-DD)"), FieldType.INTEGER: t("a whole number"),
                    FieldType.MONEY: t("an amount of money")}
            kind = kinds.get(fdef.type, fdef.type)
            problems[f"custom.{key}"] = t("{field}: {value} is not {kind}", field=fdef.label, value=raw, kind=kind)
    for fdef in fields:
        if fdef.required and fdef.key not in out and f"custom.{fdef.key}" not in problems:
            problems[f"custom.{fdef.key}"] = t("{field} is required", field=fdef.label)
    return out


def validate_volume(session: Session, data: Mapping[str, Any]) -> tuple[dict[str, Any], CategoryRecord | None]:
    """Check a volume's values; returns (clean values, category) or raises ValidationError naming
    every field with a problem."""
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    category: CategoryRecord | None = None

    fonds_id = data.get("fonds_id")
    if fonds_id is None or session.get(Fonds, fonds_id) is None:
        problems["fonds_id"] = t("Choose the fonds")
    clean["fonds_id"] = fonds_id
    try:
        category = get_category(session, data.get("category_id"))
        clean["category_id"] = category.id
    except NotFoundError:
        problems["category_id"] = t("Choose the category")

    try:
        year = _to_int(data.get("year"))
        if year is None:
            problems["year"] = t("The year is required")
        elif not 1900 <= year <= date.today().year + 1:
            problems["year"] = t("The year {year} is out of range (1900 to {last})", year=year, last=date.today().year + 1)
        clean["year"] = year
    except ValueError:
        problems["year"] = t("{value} is not a year", value=data.get("year"))

    retention = codes.normalize_scan(data.get("retention") or (category.default_retention if category else ""))
    if not codes.is_retention(retention):
        problems["retention"] = t("Retention must be Y (permanent), Dnn (nn years: D30, D15, D10, D5 …), or the legacy C / S")
    clean["retention"] = retention

    security = (data.get("security") or "公开").strip()
    if security not in SECURITY_LEVELS:
        problems["security"] = t("Security level must be one of {levels}", levels="、".join(SECURITY_LEVELS))
    clean["security"] = security
    try:
        period = _to_int(data.get("security_period"))
        if period is not None and not 0 < period <= 30:
            problems["security_period"] = t("The security period must be between 1 and 30 years")
        clean["security_period"] = period
    except ValueError:
        problems["security_period"] = t("{value} is not a whole number", value=data.get("security_period"))

    title = (data.get("title") or "").strip()
    if not title:
        problems["title"] = t("The title is required")
    clean["title"] = title
    for key in ("responsible", "notes"):
        clean[key] = (data.get(key) or "").strip()
    clean["org_code"] = codes.normalize_scan(data.get("org_code") or "")

    for key in ("pages", "item_count", "box_no", "item_start", "item_end", "thickness_mm"):
        try:
            value = _to_int(data.get(key))
            if value is not None and value < 0:
                problems[key] = t("{value} cannot be negative", value=value)
            clean[key] = value if value is not None or key not in ("pages", "item_count") else 0
        except ValueError:
            problems[key] = t("{value} is not a whole number", value=data.get(key))
    if clean.get("item_start") and clean.get("item_end") and clean["item_start"] > clean["item_end"]:
        problems["item_end"] = t("The last item number is before the first")

    for key in ("start_date", "end_date"):
        try:
            clean[key] = _to_date(data.get(key))
        except ValueError:
            problems[key] = t("{value} is not a date (YYYY-MM-DD)", value=data.get(key))
    if clean.get("start_date") and clean.get("end_date") and clean["start_date"] > clean["end_date"]:
        problems["end_date"] = t("The end date {end} is before the start date {start}: check the two dates",
                                 end=clean["end_date"].isoformat(), start=clean["start_date"].isoformat())

    clean["custom"] = normalize_custom(category.fields, data.get("custom") or {}, problems) if category else {}

    # the 档号: given (canonicalised, checked against the pattern and the fields) or proposed
    raw_code = data.get("code")
    if raw_code and category and "fonds_id" not in problems:
        code = codes.canonical_code(str(raw_code))
        clean["code"] = code
        pattern = category.pattern
        try:
            parts = pattern.parse(code)
            clean["sequence"] = int(str(parts[pattern.sequence_token]))
            expected = _code_elements(session, clean, category)
            for token, element in parts.items():
                if token in expected and expected[token] not in ("", None) and str(expected[token]) != str(element):
                    problems["code"] = t("The {element} in the code ({value}) differs from the volume's ({expected})",
                                         element=codes.element_label(token), value=element, expected=expected[token])
                    break
            if pattern.sequence_token == "box" and clean.get("box_no") is None:  # noqa: S105 - a token of the code pattern, not a password
                clean["box_no"] = clean["sequence"]
        except ValidationError as exc:
            problems["code"] = exc.problems.get("code", str(exc))
        try:
            clean["barcode"] = codes.code_to_payload(code)
        except ValidationError as exc:
            problems["code"] = exc.problems["code"]
    if problems:
        raise ValidationError(problems)
    return clean, category


def _code_elements(session: Session, values: Mapping[str, Any], category: CategoryRecord) -> dict[str, Any]:
    fonds = session.get(Fonds, values.get("fonds_id"))
    return {
        "fonds": fonds.code if fonds else "",
        "category": category.code,
        "year": values.get("year"),
        "retention": values.get("retention"),
        "org": values.get("org_code") or "",
    }


def propose_code(session: Session, data: Mapping[str, Any]) -> str | None:
    """The next free 档号 in the volume's group (e.g. one after the highest ``Z109-LP·2019-D30-``),
    or None when the values needed for the group are not filled in yet."""
    try:
        category = get_category(session, data.get("category_id"))
    except NotFoundError:
        return None
    fonds = session.get(Fonds, data.get("fonds_id")) if data.get("fonds_id") else None
    if fonds is None:
        return None
    values = {
        "fonds": fonds.code, "category": category.code, "year": data.get("year"),
        "retention": codes.normalize_scan(data.get("retention") or category.default_retention),
        "org": codes.normalize_scan(data.get("org_code") or ""),
    }
    pattern = category.pattern
    try:
        prefix = pattern.group_prefix(values)
        used = used_numbers(session, pattern, prefix)
        values[pattern.sequence_token] = codes.next_number(used)
        return pattern.format(values)
    except (ValidationError, ValueError, TypeError):
        return None


def used_numbers(session: Session, pattern: codes.CodePattern, prefix: str) -> list[int]:
    """Running numbers already used in the group that starts with ``prefix`` (an index range scan)."""
    rows = session.scalars(select(Volume.code).where(Volume.code >= prefix, Volume.code < prefix + "\uffff"))
    out = []
    for code in rows:
        try:
            out.append(int(str(pattern.parse(code)[pattern.sequence_token])))
        except ValidationError:
            continue
    return out


def numbering_report(session: Session, category_id: int) -> list[codes.GroupReport]:
    """Groups of a category with their gaps (断号) and next free numbers."""
    category = get_category(session, category_id)
    all_codes = session.scalars(select(Volume.code).where(Volume.category_id == category_id))
    return codes.group_reports(category.pattern, all_codes)


# ---------------------------------------------------------------- volumes


def _ensure_unique(session: Session, code: str, barcode: str, volume_id: int | None) -> None:
    clash = session.execute(
        select(Volume.id, Volume.code).where((Volume.code == code) | (Volume.barcode == barcode))
    ).first()
    if clash is not None and clash.id != volume_id:
        raise DuplicateCodeError(t("The code {code} is already used by another volume", code=code), field="code")


@operation("catalogue.create_volume", area=CATALOGUE)
def create_volume(session: Session, actor: Actor, data: Mapping[str, Any]) -> VolumeRecord:
    clean, category = validate_volume(session, data)
    assert category is not None  # noqa: S101 - narrows the type; the code guarantees it
    if not clean.get("code"):
        proposed = propose_code(session, {**data, **clean})
        if proposed is None:
            raise ValidationError({"code": t("The code cannot be proposed: fill in the fonds, year, retention and organisation first")})
        clean, category = validate_volume(session, {**data, **clean, "code": proposed})
    _ensure_unique(session, clean["code"], clean["barcode"], None)
    volume = Volume(**clean, status=VolumeStatus.IN_STOCK, created_by=actor.user, updated_by=actor.user)
    session.add(volume)
    session.flush()
    record = volume_record(session, volume)
    audit.record(session, actor, "volume.create", "volume", volume.id, None, record.audit_view())
    return record


@operation("catalogue.update_volume", area=CATALOGUE)
def update_volume(session: Session, actor: Actor, volume_id: int, expected_version: int,
                  changes: Mapping[str, Any]) -> VolumeRecord:
    """Apply ``changes`` if nobody changed the volume since ``expected_version`` was read."""
    volume = _load_for_change(session, volume_id, expected_version)
    before = volume_record(session, volume)
    unknown = set(changes) - set(EDITABLE_VOLUME_FIELDS)
    if unknown:
        raise ValidationError({k: t("{key} cannot be changed here", key=k) for k in sorted(unknown)})
    category = get_category(session, before.category_id)
    changes = _unmasked(actor, before, category, changes)
    if masking.above_clearance(actor, before.security) and any(
            k not in SECURITY_FIELDS and _differs(v, getattr(before, k)) for k, v in changes.items()):
        # a person cannot change what they may not read (services/masking.py); 密级 and 保密期限 are not hidden text,
        # and the security administrator sets them whatever their own clearance (set_security)
        _refuse_above_clearance(session, actor, "catalogue.update_volume", before.code, before.security)
    merged = {k: getattr(before, k) for k in EDITABLE_VOLUME_FIELDS if k != "custom"}
    merged["custom"] = dict(before.custom)
    merged.update(changes)
    clean, _category = validate_volume(session, merged)
    if any(clean.get(k) != getattr(before, k) for k in ("security", "security_period")):
        ops.check(session, actor, "catalogue.set_security")  # the security administrator's, once the volume exists
    _ensure_unique(session, clean["code"], clean["barcode"], volume_id)
    for key, value in clean.items():
        setattr(volume, key, value)
    if volume.date_precision and any(clean.get(k) != getattr(before, k) for k in ("start_date", "end_date")):
        volume.date_precision = None  # dates given to the month by an import, now typed to the day
    volume.updated_by = actor.user
    volume.updated_at = audit.utcnow()
    session.flush()
    after = volume_record(session, volume)
    old, new = audit.diff(before.audit_view(), after.audit_view())
    if new:
        audit.record(session, actor, "volume.update", "volume", volume.id, old, new)
    return masking.mask_volume(actor, after, category)  # as the actor may see it (masked above their clearance)


@operation("catalogue.set_security", area=CATALOGUE)
def set_security(session: Session, actor: Actor, volume_id: int, expected_version: int, security: str,
                 security_period: int | None) -> VolumeRecord:
    """Set a volume's 密级 and 保密期限: the security administrator's (安全保密管理员) once accounts exist. Their
    own clearance does not limit it (it changes no text); the volume comes back masked as they may see it."""
    return update_volume(session, actor, volume_id, expected_version,
                         {"security": security, "security_period": security_period})


#: what the security administrator sets: not hidden text, so a volume above the actor's clearance may change them
SECURITY_FIELDS = frozenset({"security", "security_period"})


def _refuse_above_clearance(session: Session, actor: Actor, action: str, code: str, security: str | None,
                            item_seq: int | None = None) -> None:
    """Refuse a change to a volume (or an item) above the actor's clearance: recorded in the trail as a refusal
    (``ops.refuse``), and a message naming the 档号."""
    ops.refuse(session, actor, action, {"code": code, "reason": "clearance", "security": security or ""})
    if item_seq is None:
        message = t("Volume {code} is above your clearance ({clearance}): you cannot change what you may not read. "
                    "Nothing was changed.", code=code, clearance=actor.clearance or "")
    else:
        message = t("Item {seq} of volume {code} is above your clearance ({clearance}): you cannot change what you "
                    "may not read. Nothing was changed.", seq=item_seq, code=code, clearance=actor.clearance or "")
    raise PermissionDeniedError(message, action=action, role=actor.role)


def _unmasked(actor: Actor, before: VolumeRecord, category: CategoryRecord,
              changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` with every value the actor was shown masked (``masking.mask_volume``) and sent back unchanged
    replaced by the stored one: a mask is never saved over the real text."""
    out = dict(changes)
    shown = masking.mask_volume(actor, before, category)
    if shown is before:
        return out
    for key in ("title", "notes"):
        value = out.get(key)
        if value and value == getattr(shown, key) != getattr(before, key):
            out[key] = getattr(before, key)
    custom = out.get("custom")
    if isinstance(custom, Mapping):
        out["custom"] = {k: before.custom[k] if v not in (None, "") and v == shown.custom.get(k) != before.custom.get(k)
                         else v for k, v in custom.items()}
    return out


def _differs(new: Any, old: Any) -> bool:
    """Is ``new`` (as a caller sends it: text, a date, a number) another value than the stored ``old``? Leniently:
    a date and its ISO text, a number and its digits, None and "" are the same; a category's own fields key by key."""
    if isinstance(new, Mapping) or isinstance(old, Mapping):
        new, old = dict(new or {}), dict(old or {})
        return any(_differs(new.get(k), old.get(k)) for k in set(new) | set(old))

    def plain(value: Any) -> str:
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, date) else str(value).strip()

    return plain(new) != plain(old)


def _load_for_change(session: Session, volume_id: int, expected_version: int | None) -> Volume:
    # FOR UPDATE (the server; SQLite's write transactions take turns already): a second desk editing the same volume
    # waits for the first's commit, then reads its version and is told who changed it, not a bare conflict
    volume = session.get(Volume, volume_id, populate_existing=True, with_for_update=True)
    if volume is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    if expected_version is not None and volume.version != expected_version:
        raise StaleEditError(
            t("Volume {code} was changed meanwhile by {user} at {time}. Your changes were not saved; reload it and edit again.",
              code=volume.code, user=volume.updated_by or "?", time=volume.updated_at.strftime("%Y-%m-%d %H:%M"))
        )
    return volume


@operation("catalogue.set_status", area=CATALOGUE)
def set_status(session: Session, actor: Actor, volume_id: int, new_status: str, *, reason: str = "",
               expected_version: int | None = None, action: str = "volume.status") -> VolumeRecord:
    volume = _load_for_change(session, volume_id, expected_version)
    check_transition(volume.code, volume.status, new_status)
    old = volume.status
    volume.status = new_status
    volume.updated_by = actor.user
    volume.updated_at = audit.utcnow()
    session.flush()
    audit.record(session, actor, action, "volume", volume.id, {"status": old}, {"status": new_status, "reason": reason})
    return volume_record(session, volume)


@operation("catalogue.void_volume", area=CATALOGUE)
def void_volume(session: Session, actor: Actor, volume_id: int, expected_version: int, reason: str) -> VolumeRecord:
    """What Del does: the volume is marked void (作废) and hidden by default; nothing is deleted."""
    if not reason.strip():
        raise ValidationError({"reason": t("Say why the volume is void")})
    return set_status(session, actor, volume_id, VolumeStatus.VOID, reason=reason, expected_version=expected_version,
                      action="volume.void")


def get_volume(session: Session, volume_id: int) -> VolumeRecord:
    volume = session.get(Volume, volume_id)
    if volume is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    return volume_record(session, volume)


def find_volume(session: Session, text: str) -> VolumeRecord | None:
    """Look a volume up by scanned barcode or typed 档号 (both normalised)."""
    scanned = codes.normalize_scan(text)
    if not scanned:
        return None
    volume = session.scalar(select(Volume).where(Volume.barcode == scanned))
    if volume is None:
        volume = session.scalar(select(Volume).where(Volume.code == codes.canonical_code(text)))
    return volume_record(session, volume) if volume else None


def count_volumes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Volume)) or 0


# ---------------------------------------------------------------- items


@dataclass(frozen=True)
class ItemChange:
    """What an item operation changed, for the view to refresh just that."""

    volume_id: int
    items: tuple[ItemRecord, ...] = field(default_factory=tuple)


def list_items(session: Session, volume_id: int, *, include_removed: bool = False) -> list[ItemRecord]:
    stmt = select(Item).where(Item.volume_id == volume_id).order_by(Item.seq, Item.id)
    if not include_removed:
        stmt = stmt.where(Item.removed.is_(False))
    return [item_record(i) for i in session.scalars(stmt)]


def _validate_item(data: Mapping[str, Any]) -> dict[str, Any]:
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    clean["title"] = (data.get("title") or "").strip()
    if not clean["title"]:
        problems["title"] = t("The title is required")
    for key in ("code", "doc_no", "responsible", "notes"):
        if key in data:
            clean[key] = (data.get(key) or "").strip()
    if "code" in clean:
        clean["code"] = codes.canonical_code(clean["code"]) if clean["code"] else ""
    security = (data.get("security") or "公开").strip()
    if security not in SECURITY_LEVELS:
        problems["security"] = t("Security level must be one of {levels}", levels="、".join(SECURITY_LEVELS))
    clean["security"] = security
    try:
        pages = _to_int(data.get("pages")) or 0
        if pages < 0:
            problems["pages"] = t("{value} cannot be negative", value=pages)
        clean["pages"] = pages
    except ValueError:
        problems["pages"] = t("{value} is not a whole number", value=data.get("pages"))
    try:
        clean["date"] = _to_date(data.get("date"))
    except ValueError:
        problems["date"] = t("{value} is not a date (YYYY-MM-DD)", value=data.get("date"))
    if problems:
        raise ValidationError(problems)
    return clean


def _live_items(session: Session, volume_id: int) -> list[Item]:
    return list(session.scalars(select(Item).where(Item.volume_id == volume_id, Item.removed.is_(False)).order_by(Item.seq, Item.id)))


def _renumber(items: list[Item], actor: Actor) -> None:
    page = 1
    for seq, item in enumerate(items, start=1):
        start, end = (page, page + item.pages - 1) if item.pages > 0 else (None, None)
        if (item.seq, item.page_start, item.page_end) != (seq, start, end):
            item.seq, item.page_start, item.page_end = seq, start, end
            item.updated_by = actor.user
            item.updated_at = audit.utcnow()
        page += max(item.pages, 0)


def _sync_volume_counts(session: Session, volume_id: int, items: list[Item]) -> None:
    volume = session.get(Volume, volume_id)
    assert volume is not None  # noqa: S101 - narrows the type; the code guarantees it
    volume.item_count = len(items)


@operation("catalogue.add_item", area=CATALOGUE)
def add_item(session: Session, actor: Actor, volume_id: int, data: Mapping[str, Any], *, position: int | None = None) -> ItemChange:
    """Add an item at the end, or insert it before ``position`` (1-based); items are renumbered and
    their page ranges derived from page counts."""
    if session.get(Volume, volume_id) is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    clean = _validate_item(data)
    items = _live_items(session, volume_id)
    item = Item(volume_id=volume_id, seq=0, created_by=actor.user, updated_by=actor.user, **clean)
    session.add(item)
    index = len(items) if position is None else max(0, min(position - 1, len(items)))
    items.insert(index, item)
    _renumber(items, actor)
    session.flush()
    _sync_volume_counts(session, volume_id, items)
    audit.record(session, actor, "item.create", "item", item.id, None,
                 {"volume_id": volume_id, "seq": item.seq, **{k: v for k, v in clean.items()}})
    return ItemChange(volume_id, tuple(item_record(i) for i in items))


@operation("catalogue.update_item", area=CATALOGUE)
def update_item(session: Session, actor: Actor, item_id: int, expected_version: int, changes: Mapping[str, Any]) -> ItemChange:
    item = session.get(Item, item_id, populate_existing=True)
    if item is None or item.removed:
        raise NotFoundError(t("Item {id} does not exist", id=item_id))
    if item.version != expected_version:
        raise StaleEditError(t("Item {seq} was changed meanwhile by {user}. Your changes were not saved; reload and edit again.",
                               seq=item.seq, user=item.updated_by or "?"))
    unknown = set(changes) - set(EDITABLE_ITEM_FIELDS)
    if unknown:
        raise ValidationError({k: t("{key} cannot be changed here", key=k) for k in sorted(unknown)})
    _check_item_clearance(session, actor, "catalogue.update_item", item)
    current = {k: getattr(item, k) for k in EDITABLE_ITEM_FIELDS}
    clean = _validate_item({**current, **changes})
    before = {k: current[k] for k in clean}
    for key, value in clean.items():
        setattr(item, key, value)
    item.updated_by = actor.user
    item.updated_at = audit.utcnow()
    items = _live_items(session, item.volume_id)
    _renumber(items, actor)
    session.flush()
    old, new = audit.diff(before, clean)
    if new:
        audit.record(session, actor, "item.update", "item", item.id, old, new)
    return ItemChange(item.volume_id, tuple(item_record(i) for i in items))


def _check_item_clearance(session: Session, actor: Actor, action: str, item: Item) -> None:
    """Refuse a change to an item the actor reads masked: its volume's 密级 or its own, whichever is higher, above
    their clearance (``masking.mask_items``): a masked title typed over must not replace the hidden one."""
    if actor.clearance is None:
        return
    code, security = session.execute(select(Volume.code, Volume.security).where(Volume.id == item.volume_id)).one()
    if masking.above_clearance(actor, masking.higher(security, item.security)):
        _refuse_above_clearance(session, actor, action, code, masking.higher(security, item.security), item.seq)


@operation("catalogue.move_item", area=CATALOGUE)
def move_item(session: Session, actor: Actor, item_id: int, new_position: int) -> ItemChange:
    item = session.get(Item, item_id)
    if item is None or item.removed:
        raise NotFoundError(t("Item {id} does not exist", id=item_id))
    items = _live_items(session, item.volume_id)
    old_seq = items.index(item) + 1
    items.remove(item)
    items.insert(max(0, min(new_position - 1, len(items))), item)
    _renumber(items, actor)
    session.flush()
    audit.record(session, actor, "item.move", "item", item.id, {"seq": old_seq}, {"seq": item.seq})
    return ItemChange(item.volume_id, tuple(item_record(i) for i in items))


@operation("catalogue.remove_item", area=CATALOGUE)
def remove_item(session: Session, actor: Actor, item_id: int, reason: str) -> ItemChange:
    """Withdraw an item from the list (kept, marked removed; the 备考表 records why)."""
    item = session.get(Item, item_id)
    if item is None or item.removed:
        raise NotFoundError(t("Item {id} does not exist", id=item_id))
    _check_item_clearance(session, actor, "catalogue.remove_item", item)  # (the reason is added to its notes)
    item.removed = True
    item.notes = (item.notes + " " if item.notes else "") + reason
    items = _live_items(session, item.volume_id)
    items = [i for i in items if i.id != item.id]
    _renumber(items, actor)
    session.flush()
    _sync_volume_counts(session, item.volume_id, items)
    audit.record(session, actor, "item.remove", "item", item.id, {"removed": False}, {"removed": True, "reason": reason})
    return ItemChange(item.volume_id, tuple(item_record(i) for i in items))


@operation("catalogue.renumber_items", area=CATALOGUE)
def renumber_items(session: Session, actor: Actor, volume_id: int) -> ItemChange:
    items = _live_items(session, volume_id)
    before = [(i.id, i.seq, i.page_start, i.page_end) for i in items]
    _renumber(items, actor)
    session.flush()
    after = [(i.id, i.seq, i.page_start, i.page_end) for i in items]
    if before != after:
        audit.record(session, actor, "item.renumber", "volume", volume_id, {"items": before}, {"items": after})
    return ItemChange(volume_id, tuple(item_record(i) for i in items))
