"""The room's settings, declared once: key, type, default, check, a translated label and description.

Room-wide settings (loan period, approval rules, the location code pattern, the room's name …) live in the
catalogue's ``catalogue_settings`` table, one JSON value per key. This module is the only place that knows the
keys and their defaults:

    rs = room_settings.read(session)          # a frozen RoomSettings, in one query
    rs.loan_period_days                        # 14 unless the room changed it
    room_settings.update(session, actor, loan_period_days=30)   # checked, audited ("setting.change")

:data:`SPECS` describes every setting for a settings screen or the ``room`` command (label, description, type,
default, choices); :func:`from_text` turns what a person typed into a value. Other keys in the same table
(the search index stamp, the catalogue's identity) belong to their own modules and are not room settings.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.db.engine import Database
from archive_desk.domain import retention
from archive_desk.errors import UserError
from archive_desk.i18n import DEFAULT_FORM_LANGUAGE, t
from archive_desk.models import SECURITY_LEVELS, CatalogueSetting
from archive_desk.services import audit, ops
from archive_desk.services.ops import SETTINGS, operation

#: the room's scanners: "2d" (Data Matrix on labels) or "1d" (Code 128 only); the same values as
#: ``printing.barcodes.SCANNER_KINDS``, spelt here so that reading settings does not load reportlab at start
SCANNER_KINDS = ("2d", "1d")

log = logging.getLogger(__name__)

FORM_LANGUAGES = ("zh_CN", "en")
#: the keys an approval rule may have (services/loans.py reads them)
APPROVAL_RULE_KEYS = ("security_at_or_above", "outside_borrowers", "take_away", "take_away_uses")
#: years of each retention code; 永久 (Y) never runs out. Legacy 长期 (C) / 短期 (S) are the room's choice
#: (domain.md: 长期 16–50 years, 短期 up to 15).
DEFAULT_RETENTION_YEARS: dict[str, int] = {"D30": 30, "D10": 10, "C": 50, "S": 15}


class _Bad(Exception):  # noqa: N818 - not an error: a public name others import
    """A value a setting's check refused; the message says what is wanted (translated)."""


@dataclass(frozen=True)
class SettingSpec:
    """One room setting: its key, kind ("int", "text", "choice", "list", "rules", "lists", "names", "years",
    "services", "codes", "proofs", "workdays", "dates"),
    default, check, and how a person sees it (label, description, choices)."""

    key: str
    kind: str
    default: Any
    label: Callable[[], str]
    description: Callable[[], str]
    check: Callable[[Any], Any]
    choices: tuple[str, ...] = ()

    def name(self) -> str:
        """How a message names the setting: its label and its key (the key is what ``room --set`` takes)."""
        return t("{label} ({key})", label=self.label(), key=self.key)


# ---------------------------------------------------------------- checks (each returns the value as stored)


def _int_between(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _Bad(t("It must be a whole number from {low} to {high}.", low=low, high=high))
        return value
    return check


def _text(*, required: bool = False, limit: int = 200) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _Bad(t("It must be text."))
        value = value.strip()
        if required and not value:
            raise _Bad(t("It must not be empty."))
        if len(value) > limit:
            raise _Bad(t("It must be at most {limit} characters long.", limit=limit))
        return value
    return check


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise _Bad(t("It must be one of {choices}.", choices=", ".join(choices)))
        return value
    return check


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad(t("It must be a list of one or more names."))
    items = [v.strip() for v in value]
    if len(set(items)) != len(items):
        raise _Bad(t("It must not name the same thing twice."))
    return items


def _lists_by_category(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, list | tuple) and all(isinstance(f, str) for f in v)
            for k, v in value.items()):
        raise _Bad(t("It must give category codes, each with a list of field keys."))
    return {k: list(v) for k, v in value.items()}


def _names(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise _Bad(t("It must give codes, each with a name."))
    return {k: v.strip() for k, v in value.items()}


def _years(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and k and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 200
            for k, v in value.items()):
        raise _Bad(t("It must give retention codes, each with a number of years from 1 to 200."))
    return dict(value)


def _schedule(value: Any) -> dict[str, Any]:
    try:
        return retention.check_schedule(value)
    except ValueError as exc:
        raise _Bad(str(exc)) from exc


def _rules(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _Bad(t("It must give approval rules: {keys}.", keys=", ".join(APPROVAL_RULE_KEYS)))
    unknown = sorted(set(value) - set(APPROVAL_RULE_KEYS))
    if unknown:
        raise _Bad(t("There is no approval rule {unknown} (the rules are {keys}).", unknown=", ".join(map(str, unknown)),
                     keys=", ".join(APPROVAL_RULE_KEYS)))
    level = value.get("security_at_or_above", "")
    if level not in ("", *SECURITY_LEVELS):
        raise _Bad(t("security_at_or_above must be one of {levels}, or empty for none.",
                     levels="、".join(SECURITY_LEVELS)))
    for flag in ("outside_borrowers", "take_away"):
        if not isinstance(value.get(flag, False), bool):
            raise _Bad(t("{rule} must be true or false.", rule=flag))
    uses = value.get("take_away_uses")
    if uses is not None:
        _text_list(uses)
    return dict(value)


#: the services a use can be (services.loans.SERVICES) and who may ask (borrower kinds and requester kinds)
SERVICE_KEYS = ("consult", "copy", "loan")
REQUESTER_KEYS = ("staff", "outside", "patient", "agent", "heir", "police_court", "social_security", "insurer", "hospital")
#: 病案: originals never leave for outside parties (医疗机构病历管理规定 (2013) 第四章: records consulted are not
#: taken out; copies are made in the requester's presence); another hospital consults in the building; an insurer,
#: social security get copies only (保险法, 第二十一条); staff may take them away (within 3 working days)
DEFAULT_SERVICE_RULES: dict[str, dict[str, list[str]]] = {
    "BL": {"staff": ["consult", "copy", "loan"], "outside": ["consult", "copy"], "patient": ["consult", "copy"],
           "agent": ["consult", "copy"], "heir": ["consult", "copy"], "police_court": ["consult", "copy"],
           "social_security": ["copy"], "insurer": ["copy"], "hospital": ["consult", "copy"]},
}
DEFAULT_REQUEST_PROOFS: dict[str, list[str]] = {
    "patient": ["患者本人有效身份证明"],
    "agent": ["患者有效身份证明", "代理人有效身份证明", "患者授权委托书"],
    "heir": ["申请人有效身份证明", "与患者关系的法定证明材料", "患者死亡证明"],
    "police_court": ["经办人有效工作证件", "调取病历的法定证明（调取证明）"],
    "social_security": ["经办人有效工作证件", "患者本人或其代理人同意的法定证明材料"],
    "insurer": ["经办人有效工作证件", "患者本人或其代理人同意的法定证明材料", "保险合同复印件（患者死亡的）"],
    "hospital": ["转诊或会诊介绍信"],
}


def _service_rules(value: Any) -> dict[str, dict[str, list[str]]]:
    ok = isinstance(value, Mapping) and all(
        isinstance(cat, str) and isinstance(rule, Mapping) and all(
            who in REQUESTER_KEYS and isinstance(allowed, list | tuple) and all(s in SERVICE_KEYS for s in allowed)
            for who, allowed in rule.items())
        for cat, rule in value.items())
    if not ok:
        raise _Bad(t("It must give category codes, each with who may ask ({who}) and the services allowed ({services}).",
                     who=", ".join(REQUESTER_KEYS), services=", ".join(SERVICE_KEYS)))
    return {cat: {who: list(dict.fromkeys(allowed)) for who, allowed in rule.items()} for cat, rule in value.items()}


def _request_proofs(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, Mapping) or not all(
            k in REQUESTER_KEYS and isinstance(v, list | tuple) and all(isinstance(p, str) and p.strip() for p in v)
            for k, v in value.items()):
        raise _Bad(t("It must give requester kinds ({kinds}), each with the list of proofs to show.",
                     kinds=", ".join(REQUESTER_KEYS)))
    return {k: [p.strip() for p in v] for k, v in value.items()}


def _codes(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Bad(t("It must be a list of category codes (it may be empty)."))
    return list(dict.fromkeys(v.strip() for v in value))


def _working_days(value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and k and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 60
            for k, v in value.items()):
        raise _Bad(t("It must give category codes, each with a number of working days from 1 to 60."))
    return dict(value)


def _dates(value: Any) -> list[str]:
    from datetime import date

    if not isinstance(value, list | tuple):
        raise _Bad(t("It must be a list of dates (YYYY-MM-DD)."))
    out = []
    for v in value:
        try:
            out.append(date.fromisoformat(str(v).strip()).isoformat())
        except ValueError as exc:
            raise _Bad(t("It must be a list of dates (YYYY-MM-DD); {value} is not one.", value=v)) from exc
    return sorted(set(out))


def _location_pattern(value: Any) -> str:
    pattern = _text(required=True)(value)
    from archive_desk.services import locations  # locations is big; only a change needs it

    try:
        locations.check_pattern(pattern)
    except UserError as exc:
        raise _Bad(exc.message) from exc
    return pattern


# ---------------------------------------------------------------- the registry

SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("room_name", "text", "档案室", lambda: t("Room name"),
                lambda: t("The archive room's name, printed on forms after the organisation's name (档案室)."), _text()),
    SettingSpec("org_name", "text", "", lambda: t("Organisation"),
                lambda: t("The organisation the room belongs to (单位名称), printed on forms and slips."), _text()),
    SettingSpec("room_phone", "text", "", lambda: t("Room telephone"),
                lambda: t("The room's telephone number, printed on overdue notices."), _text(limit=60)),
    SettingSpec("room_address", "text", "", lambda: t("Room address"),
                lambda: t("Where the room is, for forms that give it."), _text()),
    SettingSpec("form_language", "choice", DEFAULT_FORM_LANGUAGE, lambda: t("Form language"),
                lambda: t("The language official forms print in (移交清册, 销毁清册, 借阅单, covers), whatever the screen shows."),
                _choice(FORM_LANGUAGES), FORM_LANGUAGES),
    SettingSpec("loan_period_days", "int", 14, lambda: t("Loan period (days)"),
                lambda: t("Days a new loan runs before it is due back."), _int_between(1, 366)),
    SettingSpec("loan_purposes", "list", ("工作查考", "编史修志", "学术研究", "保险理赔", "法律诉讼", "其他"),
                lambda: t("Loan purposes"), lambda: t("The purposes (利用目的) a loan slip offers."), _text_list),
    SettingSpec("loan_uses", "list", ("查阅", "外借", "复制", "摘录"), lambda: t("Loan uses"),
                lambda: t("The ways of use (利用方式) a loan slip offers."), _text_list),
    SettingSpec("approval_rules", "rules",
                {"security_at_or_above": "秘密", "outside_borrowers": True, "take_away": True},
                lambda: t("Approval rules"),
                lambda: t("When a loan needs an approver and an opinion: volumes at or above a security level, outside "
                          "borrowers, taking volumes away."), _rules),
    SettingSpec("service_rules", "services", DEFAULT_SERVICE_RULES, lambda: t("Services allowed"),
                lambda: t("Per category code, which services (consult, copy, loan) each kind of borrower or requester may "
                          "have; a category not listed allows every service."), _service_rules),
    SettingSpec("personal_record_categories", "codes", ("BL", "LP"), lambda: t("Personal records"),
                lambda: t("Category codes of personal records (病案, 理赔): every use needs its reasons and, from outside, "
                          "the requester's proofs, whatever the security level."), _codes),
    SettingSpec("request_proofs", "proofs", DEFAULT_REQUEST_PROOFS, lambda: t("Proofs per requester"),
                lambda: t("The proof documents each kind of requester must show before a personal record is consulted "
                          "or copied."), _request_proofs),
    SettingSpec("working_day_loans", "workdays", {"BL": 3}, lambda: t("Loans in working days"),
                lambda: t("Per category code, the working days within which a loan must come back (病案: 3)."),
                _working_days),
    SettingSpec("holidays", "dates", (), lambda: t("Holidays"),
                lambda: t("Public holidays on weekdays, which are not working days (YYYY-MM-DD)."), _dates),
    SettingSpec("makeup_workdays", "dates", (), lambda: t("Make-up working days"),
                lambda: t("Weekend days worked in exchange for a holiday (调休), which are working days (YYYY-MM-DD)."),
                _dates),
    SettingSpec("use_outcomes", "list", ("解决了问题", "提供了依据", "部分满足需求", "未能满足需求"),
                lambda: t("Outcomes of use"), lambda: t("The choices for the outcome of a use (利用效果)."), _text_list),
    SettingSpec("location_code_pattern", "text", "{room}-{rack:02}{side}-{column:02}-{section}-{layer}",
                lambda: t("Location code pattern"),
                lambda: t("How the codes of new shelf layers are made from room, rack, side, column, section and layer."),
                _location_pattern),
    SettingSpec("label_scanners", "choice", "2d", lambda: t("Scanners"),
                lambda: t("What the room's scanners read: 2d imagers (Code 128 and Data Matrix) or 1d laser scanners "
                          "(Code 128 only)."), _choice(SCANNER_KINDS), SCANNER_KINDS),
    SettingSpec("label_category_fields", "lists", {"LP": ["claim_no", "policy_no"], "BL": ["record_no"]},
                lambda: t("Fields on labels"),
                lambda: t("Per category code, the category's own fields printed on its labels."), _lists_by_category),
    SettingSpec("cover_fields", "lists", {"LP": ["claim_no", "policy_no", "insured"], "BL": ["record_no", "patient"]},
                lambda: t("Fields on covers"),
                lambda: t("Per category code, the category's own fields printed on the volume cover."), _lists_by_category),
    SettingSpec("org_names", "names", {}, lambda: t("Organisation unit names"),
                lambda: t("机构(问题) code → name, printed on the 归档章 (BGS → 办公室)."), _names),
    SettingSpec("retention_years", "years", DEFAULT_RETENTION_YEARS, lambda: t("Retention years"),
                lambda: t("Years each retention code keeps a volume (永久 never runs out)."), _years),
    SettingSpec("idle_lock_minutes", "int", 10, lambda: t("Idle lock (minutes)"),
                lambda: t("Minutes without use after which the window locks and asks for the password again "
                          "(catalogues with accounts)."), _int_between(1, 240)),
    SettingSpec("retention_schedule", "schedule", retention.DEFAULT_SCHEDULE, lambda: t("Retention schedule"),
                lambda: t("Per category code, the day retention counts from (start: year_end, patient, claim, accounting) "
                          "and the periods the rules set: 病案 门诊/住院 minimum years from the patient's last visit, 理赔 "
                          "保险法 §87 minimum from the contract's end (short: one year or less, long), 会计 years per kind of "
                          "record (Y: 永久). Categories not named count from the end of the year."), _schedule),
)
BY_KEY: Mapping[str, SettingSpec] = MappingProxyType({s.key: s for s in SPECS})


def _frozen(value: Any) -> Any:
    """Lists as tuples, dicts as read-only mappings (all the way down), for a frozen RoomSettings."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def _plain(value: Any) -> Any:
    """The JSON form of a value (tuples as lists, mappings as dicts)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class RoomSettings:
    """Every room setting, typed (see :data:`SPECS` for what each means)."""

    room_name: str
    org_name: str
    room_phone: str
    room_address: str
    form_language: str
    loan_period_days: int
    loan_purposes: tuple[str, ...]
    loan_uses: tuple[str, ...]
    approval_rules: Mapping[str, Any]
    service_rules: Mapping[str, Mapping[str, tuple[str, ...]]]
    personal_record_categories: tuple[str, ...]
    request_proofs: Mapping[str, tuple[str, ...]]
    working_day_loans: Mapping[str, int]
    holidays: tuple[str, ...]
    makeup_workdays: tuple[str, ...]
    use_outcomes: tuple[str, ...]
    location_code_pattern: str
    label_scanners: str
    label_category_fields: Mapping[str, tuple[str, ...]]
    cover_fields: Mapping[str, tuple[str, ...]]
    org_names: Mapping[str, str]
    retention_years: Mapping[str, int]
    idle_lock_minutes: int
    retention_schedule: Mapping[str, Any]

    @property
    def unit_name(self) -> str:
        """The archive room as a unit on paper: 单位名称 + 档案室 name (江南财产保险股份有限公司临川分公司档案室)."""
        org, room = self.org_name.strip(), self.room_name.strip()
        if org and room and org.endswith(room):
            return org
        return f"{org}{room}"

    def as_dict(self) -> dict[str, Any]:
        """Key -> JSON value, in :data:`SPECS` order."""
        return {s.key: _plain(getattr(self, s.key)) for s in SPECS}


def defaults() -> RoomSettings:
    """The settings of a room that changed none."""
    return RoomSettings(**{s.key: _frozen(s.check(_plain(s.default))) for s in SPECS})


def _from_stored(stored: Mapping[str, Any]) -> RoomSettings:
    values = {}
    for spec in SPECS:
        value = spec.default
        if spec.key in stored:
            try:
                value = spec.check(stored[spec.key])
            except _Bad:  # a value written by hand or by an old version: the default, and a line in the log
                log.warning("room setting %s: stored value %r is not valid; using the default", spec.key, stored[spec.key])
        values[spec.key] = _frozen(value)
    return RoomSettings(**values)


def read(db_or_session: Session | Database) -> RoomSettings:
    """The room's settings, in one query (a Database is read in a read transaction of its own)."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as session:
            return read(session)
    rows = db_or_session.execute(select(CatalogueSetting.key, CatalogueSetting.value)
                                 .where(CatalogueSetting.key.in_(list(BY_KEY)))).all()
    return _from_stored(dict(rows))


def from_rows(rows: Iterable[tuple[str, Any]]) -> RoomSettings:
    """The settings from raw ``catalogue_settings`` rows (key, JSON text), for code on a bare sqlite3 connection."""
    stored = {}
    for key, raw in rows:
        if key in BY_KEY:
            try:
                stored[key] = json.loads(raw) if isinstance(raw, str) else raw
            except ValueError:
                continue
    return _from_stored(stored)


def _checked(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes as they will be stored; UserError naming the first setting that is unknown or refused."""
    out = {}
    for key, value in changes.items():
        spec = BY_KEY.get(key)
        if spec is None:
            raise UserError(t("There is no room setting {key}. The settings are: {keys}.", key=key,
                              keys=", ".join(BY_KEY)), field=key)
        try:
            out[key] = spec.check(_plain(value))
        except _Bad as exc:
            raise UserError(t("{setting}: {problem} Nothing was changed (given: {value}).", setting=spec.name(), problem=str(exc),
                              value=json.dumps(_plain(value), ensure_ascii=False)), field=key) from exc
    return out


def encode_rows(**changes: Any) -> list[tuple[str, str]]:
    """(key, JSON text) rows for the checked ``changes``, for code on a bare sqlite3 connection (the demo)."""
    return [(k, json.dumps(v, ensure_ascii=False)) for k, v in _checked(changes).items()]


#: the room's particulars and the window's idle lock: the administrator's settings (the rest are the archivist's)
PARTICULARS_KEYS = ("org_name", "room_name", "room_phone", "room_address", "idle_lock_minutes")


@operation("settings.update", area=SETTINGS)
def update(session: Session, actor: audit.Actor, **changes: Any) -> RoomSettings:
    """Change room settings: every value checked first (nothing is written if one is refused, with a
    UserError naming the setting), then one ``setting.change`` audit entry with the values before and after
    of those that changed. Returns the settings now in force. With accounts, the room's particulars
    (:data:`PARTICULARS_KEYS`) are the administrator's and every other setting the archivist's."""
    from archive_desk.services import permissions  # noqa: PLC0415 - permissions imports ops, as this module does

    if set(changes) & set(PARTICULARS_KEYS):
        ops.check(session, actor, permissions.SETTINGS_PARTICULARS)
    if set(changes) - set(PARTICULARS_KEYS):
        ops.check(session, actor, permissions.SETTINGS_ARCHIVAL)
    new = _checked(changes)
    current = read(session).as_dict()
    before, after = {}, {}
    for key, value in new.items():
        row = session.get(CatalogueSetting, key)
        if row is None:
            session.add(CatalogueSetting(key=key, value=value))
        else:
            row.value = value
        if current[key] != value:
            before[key], after[key] = current[key], value
    session.flush()
    if after:
        audit.record(session, actor, "setting.change", "setting", None, before, after)
    return read(session)


def seed_rows() -> dict[str, Any]:
    """Key -> value of every setting, as a new catalogue stores them."""
    return defaults().as_dict()


# ---------------------------------------------------------------- typed text (the room command, a settings screen)


def from_text(key: str, text: str) -> object:
    """The value of setting ``key`` from what a person typed: a number, a word, a list separated by commas or
    、, or JSON. Not checked here (:func:`update` checks); an unknown key is a UserError."""
    spec = BY_KEY.get(key)
    if spec is None:
        raise UserError(t("There is no room setting {key}. The settings are: {keys}.", key=key, keys=", ".join(BY_KEY)),
                        field=key)
    text = text.strip()
    if spec.kind == "int":
        try:
            return int(text)
        except ValueError:
            return text  # refused by the check, with the message naming the setting
    if spec.kind in ("text", "choice"):
        return text
    if spec.kind in ("list", "codes", "dates") and not text.startswith("["):
        return [part.strip() for part in text.replace("、", ",").replace("，", ",").split(",") if part.strip()]
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UserError(t("{setting} takes JSON, e.g. {example}; {value} is not JSON.", setting=spec.name(),
                          example=json.dumps(_plain(spec.default), ensure_ascii=False), value=text), field=key) from exc


def as_text(key: str, value: Any) -> str:
    """A setting's value as a person reads it (and as :func:`from_text` reads it back)."""
    spec = BY_KEY[key]
    if spec.kind in ("list", "codes", "dates"):
        return ", ".join(value)
    if spec.kind in ("int", "text", "choice"):
        return str(value)
    return json.dumps(_plain(value), ensure_ascii=False)
