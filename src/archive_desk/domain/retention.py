"""The retention schedule (保管期限表): how long a volume is kept and from which day, per category. Pure.

A schedule maps a category code to its *start rule* and the rule's periods; the volume's own retention code
(``Y``, ``Dnn``, legacy ``C``/``S``) is its period, and a rule's period is a minimum the law sets: the longer
of the two applies, 永久 above all. The rules (docs/domain.md, "Rules of use and disposal"):

``year_end`` (文书 and every category not named)
    from 1 January after the volume's year (or from the category's event date when it has one).
``patient`` (病案, 医疗机构管理条例实施细则 §53)
    from the patient's last discharge or visit across every volume under one 病案号; 门诊 at least 15 years,
    住院 at least 30.
``claim`` (理赔, 保险法 §87)
    the later of the volume's period from 结案日期 and the insurer's minimum from the end of the insurance
    contract: 5 years for a contract of one year or less, 10 for a longer one. Until the contract's end date is
    filled, from 结案 with a warning.
``accounting`` (会计档案管理办法 2015)
    by the kind of record: 凭证 and 账簿 (日记账 included) 30 years, monthly and quarterly reports 10, annual
    reports, 鉴定意见书 and 销毁清册 永久; 固定资产卡片 5 years after the asset's disposal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from archive_desk.i18n import t

RULES = ("year_end", "patient", "claim", "accounting")
PERMANENT = "Y"

#: 会计档案管理办法 (2015) 附表: kind → years, or "Y" (永久); 固定资产卡片 counts from the disposal date
ACCOUNTING_PERIODS: dict[str, int | str] = {
    "原始凭证": 30, "记账凭证": 30, "总账": 30, "明细账": 30, "日记账": 30, "辅助账簿": 30,
    "固定资产卡片": 5, "月度财务报告": 10, "季度财务报告": 10, "年度财务报告": PERMANENT,
    "会计档案移交清册": 30, "会计档案保管清册": PERMANENT, "会计档案销毁清册": PERMANENT, "会计档案鉴定意见书": PERMANENT,
    "银行存款余额调节表": 10, "银行对账单": 10, "纳税申报表": 10, "其他会计资料": 10,
}
#: kinds counted from the asset's disposal (``disposal_date``), not from the year's end
AFTER_DISPOSAL = ("固定资产卡片",)

DEFAULT_SCHEDULE: dict[str, dict[str, Any]] = {
    "BL": {"start": "patient", "minimum": {"门诊": 15, "住院": 30}},
    "LP": {"start": "claim", "minimum": {"short": 5, "long": 10}},
    "KU": {"start": "accounting", "periods": dict(ACCOUNTING_PERIODS)},
}

#: words in a 会计 volume's title that tell its kind when the kind field is empty (the first that matches)
_TITLE_KINDS = (("日记账", "日记账"), ("固定资产卡片", "固定资产卡片"), ("原始凭证", "原始凭证"), ("凭证", "记账凭证"),
                ("总账", "总账"), ("明细账", "明细账"), ("鉴定意见书", "会计档案鉴定意见书"), ("销毁清册", "会计档案销毁清册"),
                ("移交清册", "会计档案移交清册"), ("保管清册", "会计档案保管清册"), ("余额调节表", "银行存款余额调节表"),
                ("对账单", "银行对账单"), ("纳税申报", "纳税申报表"), ("年度", "年度财务报告"), ("年报", "年度财务报告"),
                ("季度", "季度财务报告"), ("季报", "季度财务报告"), ("月报", "月度财务报告"))


@dataclass(frozen=True)
class Retention:
    """When one volume's retention runs out, and why."""

    rule: str  # year_end | patient | claim | accounting
    start_date: date | None  # the day the period counts from (None: not known yet, e.g. an asset not disposed of)
    years: int | None  # None: permanent
    due_date: date | None  # None: never (permanent, or the start is not known)
    basis: str  # what the start is: "year", or the field it came from (discharge_date, contract_end …)
    warnings: tuple[str, ...] = ()

    @property
    def permanent(self) -> bool:
        return self.years is None


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def to_date(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def code_years(code: str, table: Mapping[str, int]) -> int | None:
    """Years of a retention code (None: 永久). ``Dnn`` is nn years; the table gives the legacy C/S (and may
    override any code)."""
    code = (code or "").strip().upper()
    if code in ("", PERMANENT):
        return None
    if code in table:
        return int(table[code])
    m = re.fullmatch(r"D(\d{1,3})", code)
    return int(m.group(1)) if m else None


def _longer(a: int | None, b: int | str | None) -> int | None:
    """The longer of two periods, None (永久) above all."""
    if b == PERMANENT or a is None:
        return None
    if b is None:
        return a
    return max(a, int(b))


def accounting_kind(custom: Mapping[str, Any], title: str) -> tuple[str, bool]:
    """(kind, read from the title) of a 会计 volume: its 会计档案类别 field, else the first kind word in its title."""
    kind = str(custom.get("ku_kind") or "").strip()
    if kind:
        return kind, False
    for word, k in _TITLE_KINDS:
        if word in (title or ""):
            if k == "年度财务报告" and "月" in title:
                continue
            return k, True
    if "报告" in (title or "") or "报表" in (title or ""):
        return ("月度财务报告" if "月" in title else "年度财务报告"), True
    return "", False


def compute(entry: Mapping[str, Any] | None, *, year: int, code: str, custom: Mapping[str, Any] | None, title: str = "",
            code_table: Mapping[str, int] | None = None, event_field: str = "", last_visit: date | None = None) -> Retention:
    """The retention of one volume under its category's schedule ``entry`` (None: ``year_end``).

    ``code`` is the retention in force (the volume's, or the new one an appraisal kept it with); ``last_visit``
    the latest discharge/visit date of every volume under the volume's 病案号 (the ``patient`` rule)."""
    entry = entry or {}
    custom = custom or {}
    table = code_table or {}
    rule = str(entry.get("start") or "year_end")
    years = code_years(code, table)
    year_end = date(year + 1, 1, 1)
    warnings: list[str] = []

    if rule == "patient":
        visit = str(custom.get("visit_type") or "").strip()
        minimum = dict(entry.get("minimum") or {})
        if visit not in minimum:
            warnings.append(t("就诊类型 is not filled: kept as 住院 (the longer period)"))
            visit = "住院"
        years = _longer(years, minimum.get(visit))
        own = to_date(custom.get("discharge_date"))
        start = max((d for d in (own, last_visit) if d is not None), default=None)
        basis = "discharge_date"
        if start is None:
            warnings.append(t("The discharge or visit date is not filled: counted from the end of the year"))
            start, basis = year_end, "year"
        return _result(rule, start, years, basis, warnings)

    if rule == "claim":
        closing = to_date(custom.get("closing_date"))
        start, basis = (closing, "closing_date") if closing else (year_end, "year")
        if closing is None:
            warnings.append(t("The closing date is not filled: counted from the end of the year"))
        due = None if years is None else add_years(start, years)
        end = to_date(custom.get("contract_end"))
        if end is None:
            warnings.append(t("The contract's end date is not filled: counted from the closing date only (保险法 §87 counts from the contract's end)"))
            return _result(rule, start, years, basis, warnings)
        begin = to_date(custom.get("contract_start"))
        minimum = dict(entry.get("minimum") or {})
        if begin is None:
            warnings.append(t("The contract's start date is not filled: taken as a contract longer than one year"))
            short = False
        else:
            short = add_years(begin, 1) >= end
        law = int(minimum.get("short" if short else "long") or 0)
        law_due = add_years(end, law)
        if years is None or due is None:
            return _result(rule, start, None, basis, warnings)
        if law_due > due:
            return Retention(rule, end, law, law_due, "contract_end", tuple(warnings))
        return Retention(rule, start, years, due, basis, tuple(warnings))

    if rule == "accounting":
        kind, guessed = accounting_kind(custom, title)
        periods = dict(entry.get("periods") or {})
        if not kind or kind not in periods:
            warnings.append(t("会计档案类别 is not filled: kept by the volume's own retention"))
            return _result(rule, year_end, years, "year", warnings)
        if guessed:
            warnings.append(t("会计档案类别 is not filled: read from the title as {kind}", kind=kind))
        rule_years = periods[kind]
        if code_years(code, table) is not None and rule_years != PERMANENT and code_years(code, table) < int(rule_years):  # type: ignore[operator]
            warnings.append(t("The volume's retention {code} is shorter than the rule's {years} years for {kind}: the rule applies",
                              code=code, years=rule_years, kind=kind))
        years = _longer(years, rule_years)
        if kind in AFTER_DISPOSAL:
            disposed = to_date(custom.get("disposal_date"))
            if disposed is None:
                warnings.append(t("The asset has not been disposed of (no disposal date): its card is kept"))
                return Retention(rule, None, years, None, "disposal_date", tuple(warnings))
            return _result(rule, disposed, years, "disposal_date", warnings)
        return _result(rule, year_end, years, "year", warnings)

    event = to_date(custom.get(event_field)) if event_field else None
    return _result("year_end", event or year_end, years, event_field if event else "year", warnings)


def _result(rule: str, start: date, years: int | None, basis: str, warnings: list[str]) -> Retention:
    return Retention(rule, start, years, None if years is None else add_years(start, years), basis, tuple(warnings))


def check_schedule(value: Any) -> dict[str, dict[str, Any]]:
    """A schedule as a room setting stores it; ValueError (translated) naming what is wrong."""
    if not isinstance(value, Mapping):
        raise ValueError(t("It must give category codes, each with its start rule ({rules}).", rules=", ".join(RULES)))  # noqa: TRY004 - a setting check: ValueError means refused
    out: dict[str, dict[str, Any]] = {}
    for cat, entry in value.items():
        if not isinstance(cat, str) or not isinstance(entry, Mapping) or entry.get("start") not in RULES:
            raise ValueError(t("{category}: the start rule must be one of {rules}.", category=cat, rules=", ".join(RULES)))
        clean: dict[str, Any] = {"start": entry["start"]}
        for key in ("minimum", "periods"):
            if key not in entry:
                continue
            periods = entry[key]
            if not isinstance(periods, Mapping) or not all(
                    isinstance(k, str) and (v == PERMANENT or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 200))
                    for k, v in periods.items()):
                raise ValueError(t("{category}: each period is a number of years from 1 to 200, or Y (永久).", category=cat))
            clean[key] = dict(periods)
        out[cat] = clean
    return out
