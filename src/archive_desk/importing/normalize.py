"""Pure parsers for the values people type into registers.

Every parser takes one raw cell value as a reader returns it (``str``, ``int``, ``float``, ``bool``,
``date``, ``datetime``, ``time``; never ``None`` - the planner handles empty cells) and returns the
normalised value, or raises :class:`CellError` with a reason the user can act on. Nothing is guessed:
a value that fits none of the documented forms is an error.

Choices made here (documented so the service layer can rely on them):

- Retention codes are ``Y``, ``D30``, ``D10`` and, for records made before 2006, ``C`` (长期) and
  ``S`` (短期), the codes of :data:`archive_desk.services.codes.RETENTIONS`. A bare number (``30``)
  is not accepted: 30 what?
- Dates are accepted only year-first (``2019.3.5``, ``2019-03-05``, ``2019/3/5``, ``20190305``,
  ``2019年3月5日``, optionally followed by a time of day); ``3/5/2019`` and ``19.3.5`` are ambiguous
  and rejected; so is a time of day that does not exist (``25:99``). Numeric cells are ``YYYYMMDD``
  when they have eight digits, else Excel serial numbers (1900 system) above 2100 (1905-10-01 on),
  whole or with a time of day (``43529.6``). A whole number from 1000 to 2100 is a year typed into a
  date column, and ``2019.3`` / ``1999.12`` a year and month: errors, never read as 1905 serials.
  Year-and-month only (``2019.3``) is not a date either.
- A date range with a single date means a one-day range (start = end).
- Dates must lie in 1900 .. today (a date after today is an error; ``today`` can be passed in, else
  :func:`_today`); a 年度 may be next year's.
- Reference numbers (赔案号, 保单号, 证件号码 …) that Excel stored as numbers of 16 digits or more,
  or that reach us as Excel's scientific notation (``1.23457E+17``), have already lost digits (Excel
  keeps 15): they are rejected with that explanation.
- Amounts take commas only between groups of three digits (``12,345.60``); ``1,2345`` is an error.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Context, Decimal
from functools import lru_cache

from archive_desk.i18n import t
from archive_desk.importing.textnorm import MIDDLE_DOT, clean_text, compact, fast_canonical_code, has_inner_space

__all__ = [
    "CellError",
    "DAY",
    "MONTH",
    "ParsedLocation",
    "SecurityMark",
    "RETENTION_LABELS",
    "SECURITY_LEVELS",
    "is_blank",
    "parse_amount",
    "parse_code",
    "parse_date",
    "parse_date_or_month",
    "parse_date_range",
    "parse_date_range_or_months",
    "parse_id_number",
    "parse_int",
    "parse_item_count",
    "parse_location",
    "parse_page_range",
    "parse_pages",
    "parse_phone",
    "parse_reference",
    "parse_retention",
    "parse_security",
    "parse_text",
    "parse_year",
    "year_bounds",
]

MIN_YEAR = 1900


class CellError(ValueError):
    """The value of one cell is not understood; ``reason`` is already in the user's language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def year_bounds(today: date | None = None) -> tuple[int, int]:
    """Years a register may hold: 1900 .. next year."""
    return MIN_YEAR, (today or _today()).year + 1


def is_blank(value: object) -> bool:
    """True for an empty cell: ``None``, ``""`` or only spaces and invisible characters."""
    if value is None:
        return True
    if type(value) is str or isinstance(value, str):
        if value.isprintable():
            return not value.strip()
        return not clean_text(value)
    return False


def _show(value: object) -> str:
    """A raw value as the user saw it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _integral(value: float) -> int | None:
    if math.isfinite(value) and value.is_integer():
        return int(value)
    return None


# --------------------------------------------------------------------------------------------- text


def parse_text(value: object) -> str:
    """Free text (titles, names, notes): invisible characters out, trimmed; numbers written as
    Excel shows them (``12.0`` -> ``12``); dates as ISO."""
    if isinstance(value, str):
        text = clean_text(value)
    elif isinstance(value, bool):
        raise CellError(t("{value} is a true/false value, not text", value=value))
    elif isinstance(value, float):
        n = _integral(value)
        text = str(n) if n is not None else repr(value)
    elif isinstance(value, (datetime, date, time, int)):
        text = _show(value)
    else:
        text = clean_text(str(value))
    if not text:
        raise CellError(t("The cell is empty"))
    return text


#: how Excel shows a long number it keeps as a number (``1.23457E+17``); digits are lost by then
_EXCEL_SCIENTIFIC = re.compile(r"[1-9](?:\.\d+)?E[+-]\d{2,3}")


def _lost_digits(shown: str) -> CellError:
    return CellError(
        t("{value} was stored by Excel as a number and has lost its last digits; format the column as text and type it again", value=shown)
    )


def _reject_scientific(text: str, shown: str) -> None:
    """``text`` (compacted) is Excel's scientific notation of a number: its digits are gone."""
    if "E" in text and _EXCEL_SCIENTIFIC.fullmatch(text):
        raise _lost_digits(shown)


def parse_reference(value: object) -> str:
    """A reference number that may be scanned or compared (赔案号, 保单号, 病案号, 工号, 借阅证号):
    half-width, upper-case, no spaces."""
    if type(value) is str:
        if value.isascii() and value.isalnum():
            return value.upper()
        if has_inner_space(value):
            raise CellError(t("{value} has a space inside; a number or code has none", value=clean_text(value)))
        text = compact(value)
        if not text:
            raise CellError(t("The cell is empty"))
        _reject_scientific(text, clean_text(value))
        return text
    if isinstance(value, bool):
        raise CellError(t("{value} is a true/false value, not a number or code", value=value))
    if isinstance(value, float):
        n = _integral(value)
        if n is None:
            raise CellError(t("{value} has decimals; a reference number has none", value=value))
        if abs(n) >= 10**15:
            raise _lost_digits(_show(value))
        return str(n)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (date, datetime, time)):
        raise CellError(t("{value} is a date, not a reference number", value=_show(value)))
    if has_inner_space(str(value)):
        raise CellError(t("{value} has a space inside; a number or code has none", value=clean_text(str(value))))
    text = compact(str(value))
    if not text:
        raise CellError(t("The cell is empty"))
    _reject_scientific(text, clean_text(str(value)))
    return text


# ---------------------------------------------------------------------------------------------- 档号

_CODE_RE = re.compile(f"[A-Z0-9]+(?:[-{MIDDLE_DOT}][A-Z0-9]+)*")
_CANONICAL_CODE_RE = re.compile(f"[A-Z0-9{MIDDLE_DOT}-]+")


def parse_code(value: object) -> str:
    """A 档号, canonical: trimmed, no inner spaces, half-width, upper-case, ``.`` written ``·``."""
    if type(value) is str:
        if _CANONICAL_CODE_RE.fullmatch(value):
            quick: str | None = value
        elif value.isascii() and value.isprintable() and " " not in value:
            quick = value.upper().replace(".", MIDDLE_DOT)
        else:
            quick = None
        if quick is not None and _CODE_RE.fullmatch(quick):
            return quick  # the usual case: nothing to clean but case and the dot
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        # a bare number is at most a running number, never a whole 档号
        raise CellError(t("档号 {value} is only a number; a 档号 has its fonds, category and number", value=_show(value)))
    if not isinstance(value, str):
        raise CellError(t("{value} is not a 档号", value=_show(value)))
    code = fast_canonical_code(value)
    if has_inner_space(value):
        raise CellError(t("档号 {value} has a space inside a part; only spaces around it or around - and · are ignored", value=clean_text(value)))
    if not _CODE_RE.fullmatch(code):
        bad = "".join(sorted({ch for ch in code if not (ch.isascii() and ch.isalnum()) and ch not in f"-{MIDDLE_DOT}"}))
        if bad:
            raise CellError(t("档号 {value} contains characters a 档号 cannot have: {chars}", value=clean_text(value), chars=bad))
        raise CellError(t("档号 {value} is not well formed (empty part, or starts or ends with a separator)", value=clean_text(value)))
    return code


# --------------------------------------------------------------------------------------------- year

_YEAR_RE = re.compile(r"(\d{4})(?:\.0+)?(?:年度?)?")


def parse_year(value: object, *, today: date | None = None) -> int:
    """``2019``, ``2019.0`` (calamine float), ``2019年``, ``2019年度``, ``２０１９``."""
    if isinstance(value, bool):
        raise CellError(t("Year {value} is not a year", value=value))
    if isinstance(value, (datetime, date)):
        raise CellError(t("Year {value} is a date; type the year only, e.g. 2019", value=_show(value)))
    if isinstance(value, float):
        n = _integral(value)
        if n is None:
            raise CellError(t("Year {value} is not a year", value=value))
        year = n
    elif isinstance(value, int):
        year = value
    else:
        m = _YEAR_RE.fullmatch(compact(str(value)))
        if not m:
            raise CellError(t("Year {value} is not a year", value=clean_text(str(value))))
        year = int(m.group(1))
    low, high = year_bounds(today)
    if not low <= year <= high:
        raise CellError(t("Year {value} is outside {low}–{high}", value=year, low=low, high=high))
    return year


# ---------------------------------------------------------------------------------------- retention

#: retention code -> the Chinese name shown to people
RETENTION_LABELS = {"Y": "永久", "D30": "定期30年", "D10": "定期10年", "C": "长期", "S": "短期"}

_RETENTION_FORMS = {
    "永久": "Y",
    "Y": "Y",
    "30年": "D30",
    "定期30年": "D30",
    "D30": "D30",
    "10年": "D10",
    "定期10年": "D10",
    "D10": "D10",
    "长期": "C",
    "C": "C",
    "短期": "S",
    "S": "S",
}


def parse_retention(value: object) -> str:
    """永久/Y -> ``Y``; 30年/定期30年/D30 -> ``D30``; 10年/定期10年/D10 -> ``D10``;
    legacy 长期 -> ``C``, 短期 -> ``S``."""
    text = compact(value) if isinstance(value, str) else _show(value)
    code = _RETENTION_FORMS.get(text)
    if code is None:
        raise CellError(
            t("Retention {value} is not understood; use 永久 (Y), 定期30年 (D30), 定期10年 (D10), 长期 or 短期", value=_show(value).strip())
        )
    return code


# ---------------------------------------------------------------------------------------- security

SECURITY_LEVELS = ("公开", "内部", "秘密", "机密", "绝密")
#: longest secrecy period (years) per level (保密期限)
_SECURITY_MAX_YEARS = {"秘密": 10, "机密": 20, "绝密": 30}
_SECURITY_RE = re.compile(r"(公开|内部|秘密|机密|绝密)(?:[★☆*](\d{1,2})年?)?")


@dataclass(frozen=True, slots=True)
class SecurityMark:
    """A 密级 and its optional period (``机密★10年`` -> level 机密, years 10)."""

    level: str
    years: int | None = None

    def __str__(self) -> str:
        return f"{self.level}★{self.years}年" if self.years else self.level


def parse_security(value: object) -> SecurityMark:
    """公开, 内部, 秘密, 机密, 绝密, optionally with a period: ``机密★10年``."""
    text = compact(value) if isinstance(value, str) else ""
    m = _SECURITY_RE.fullmatch(text)
    if not m:
        raise CellError(t("Security level {value} is not understood; use 公开, 内部, 秘密, 机密 or 绝密 (e.g. 机密★10年)", value=_show(value).strip()))
    level, years_text = m.group(1), m.group(2)
    if years_text is None:
        return SecurityMark(level)
    years = int(years_text)
    limit = _SECURITY_MAX_YEARS.get(level)
    if limit is None:
        raise CellError(t("{level} has no secrecy period; remove ★{years}年", level=level, years=years))
    if not 1 <= years <= limit:
        raise CellError(t("The secrecy period of {level} is 1 to {limit} years, not {years}", level=level, limit=limit, years=years))
    return SecurityMark(level, years)


# -------------------------------------------------------------------------------------------- dates

_EXCEL_EPOCH = date(1899, 12, 30)
#: the largest whole number that reads as a year (``2019`` typed into a date column); Excel serials
#: start after it (2101 is 1905-10-01), so no date a register holds is lost
_LAST_YEARLIKE = 2100
_FIRST_YEARLIKE = 1000
_LAST_SERIAL = 2958465  # 9999-12-31
_TIME_SUFFIX = r"(?:[T ]?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
_DATE_FORMS = (
    re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})" + _TIME_SUFFIX),
    re.compile(r"(\d{4})()年(\d{1,2})月(\d{1,2})[日号]?" + _TIME_SUFFIX),
    re.compile(r"(\d{4})()(\d{2})(\d{2})"),
)


def _today() -> date:
    """Today's date (patch this in tests, or pass ``today=`` to the parsers)."""
    return date.today()


class _ImpossibleDate(CellError):  # noqa: N818 - not an error: a public name others import
    """A date written in a known form that does not exist (``2019.13.45``)."""


def _checked(d: date, shown: object, today: date | None) -> date:
    today = today or _today()
    if d.year < MIN_YEAR:
        raise CellError(t("Date {value} is outside the years {low}–{high}", value=_show(shown), low=MIN_YEAR, high=today.year))
    if d > today:
        raise CellError(t("Date {value} is in the future (today is {today})", value=_show(shown), today=today.isoformat()))
    return d


def _date_from_number(value: float, today: date | None) -> date:
    """A number in a date column: ``YYYYMMDD`` (eight digits) or an Excel serial number, whole or with a
    time of day (``43529.6``). A year (``2019``), a year and month typed as a number (``2019.3``,
    ``1999.12``), a small count or a fraction of one are not dates."""
    if not math.isfinite(value) or value < 0:
        raise CellError(t("The number {value} is not a date", value=_show(value)))
    whole = math.floor(value)
    if value == whole and 19000101 <= whole <= 29991231:
        return _date_from_text(str(whole), value, today)
    if _FIRST_YEARLIKE <= whole <= _LAST_YEARLIKE:
        if value == whole:
            raise CellError(t("The number {value} looks like a year, not a date; type the whole date, e.g. 2019-03-05", value=_show(value)))
        raise CellError(t("The number {value} looks like a year and month, not a date; type the whole date, e.g. 2019-03-05", value=_show(value)))
    if whole <= _LAST_YEARLIKE or whole > _LAST_SERIAL:
        raise CellError(t("The number {value} is not a date", value=_show(value)))
    # a whole serial, or a serial and a time of day (the fraction): the date is the whole part
    result = _EXCEL_EPOCH + timedelta(days=whole)
    if result.year > year_bounds(today)[1]:  # 201903 (a year and month) would be 2452-10-24
        raise CellError(t("The number {value} is not a date", value=_show(value)))
    return _checked(result, value, today)


@lru_cache(maxsize=16384)
def _date_cached(text: str, today: date) -> date:
    return _date_from_text(text, text, today)


def _date_from_text(text: str, shown: object, today: date | None) -> date:
    if "年" in text:
        forms: tuple[re.Pattern[str], ...] = (_DATE_FORMS[1],)
    elif len(text) == 8 and text.isdigit():
        forms = (_DATE_FORMS[2],)
    else:
        forms = (_DATE_FORMS[0],)
    for form in forms:
        m = form.fullmatch(text)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
            try:
                result = date(y, mo, d)
                if form.groups > 4 and m.group(5) is not None:
                    time(int(m.group(5)), int(m.group(6)), int(m.group(7) or 0))
            except ValueError:
                raise _ImpossibleDate(t("Date {value} does not exist", value=_show(shown).strip())) from None
            return _checked(result, shown, today)
    raise CellError(t("Date {value} is not understood; write it as 2019-03-05, 2019.3.5, 20190305 or 2019年3月5日", value=_show(shown).strip()))


def parse_date(value: object, *, today: date | None = None) -> date:
    """Excel dates and datetimes, serial numbers, ``2019.3.5``, ``2019-03-05``, ``2019/3/5``,
    ``20190305``, ``2019年3月5日``. Dates before 1900 or after ``today`` are errors."""
    today = today or _today()
    if isinstance(value, datetime):
        return _checked(value.date(), value, today)
    if isinstance(value, date):
        return _checked(value, value, today)
    if isinstance(value, bool) or isinstance(value, (time, timedelta)):
        raise CellError(t("{value} is not a date", value=_show(value)))
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int too large for a float
            raise CellError(t("The number {value} is not a date", value=_show(value))) from None
        return _date_from_number(number, today)
    text = compact(str(value))
    if len(text) <= 16:
        try:
            return _date_cached(text, today)
        except CellError:
            pass
    return _date_from_text(text, value, today)


_RANGE_SEPARATORS = re.compile(r"至|到|~|〜|—+|–|―|--")
_ONE_DATE = r"\d{4}[./]\d{1,2}[./]\d{1,2}|\d{4}-\d{1,2}-\d{1,2}|\d{8}|\d{4}年\d{1,2}月\d{1,2}[日号]?"
#: the usual forms, split in one step (the general path below handles the rest)
_RANGE_FAST = re.compile(f"({_ONE_DATE})(?:-|至|到|~|〜|—+|–|―)({_ONE_DATE})")


def parse_date_range(value: object, *, today: date | None = None) -> tuple[date, date]:
    """Two dates joined by ``-``, ``—``, ``–``, ``~``, ``～`` or ``至``; a single date is a one-day range."""
    today = today or _today()
    if not isinstance(value, str):
        d = parse_date(value, today=today)
        return d, d
    text = compact(value)
    fast = _RANGE_FAST.fullmatch(text)
    if fast:
        start, end = _date_cached(fast.group(1), today), _date_cached(fast.group(2), today)
        if end < start:
            raise CellError(t("Date range {value} ends before it starts", value=clean_text(value)))
        return start, end
    shown = clean_text(value)
    parts = _RANGE_SEPARATORS.split(text)
    if len(parts) > 2:
        raise CellError(t("Date range {value} has more than two dates", value=shown))
    if len(parts) == 2:
        if not parts[0] or not parts[1]:
            raise CellError(t("Date range {value} lacks its start or its end", value=shown))
        start, end = _date_from_text(parts[0], parts[0], today), _date_from_text(parts[1], parts[1], today)
    else:
        try:
            single = _date_from_text(text, shown, today)
        except _ImpossibleDate:
            raise
        except CellError:
            single = None
        if single is not None:
            return single, single
        candidates: list[tuple[date, date]] = []
        impossible: CellError | None = None
        for i, ch in enumerate(text):
            if ch != "-":
                continue
            left, right = text[:i], text[i + 1 :]
            try:
                candidates.append((_date_from_text(left, left, today), _date_from_text(right, right, today)))
            except _ImpossibleDate as exc:  # well-formed but impossible: the telling reason
                impossible = impossible or exc
            except CellError:
                continue
        if len(candidates) > 1:  # pragma: no cover - cannot happen with year-first dates
            raise CellError(t("Date range {value} can be read in more than one way", value=shown))
        if not candidates:
            if impossible is not None:
                raise impossible
            raise CellError(t("Date range {value} is not understood; write it as 2019.03.05-2019.04.12", value=shown))
        start, end = candidates[0]
    if end < start:
        raise CellError(t("Date range {value} ends before it starts", value=shown))
    return start, end


# ------------------------------------------------------------------------------------------- months

#: how precisely a register gives a date: to the day, or only the month (``2021.03``, ``2021年3月``,
#: ``202103``; common in old registers). A month is stored as its first day (a start, and how it sorts)
#: or its last day (an end), so a date filter matches when the ranges overlap, and printed as written
DAY, MONTH = "day", "month"
_MONTH_FORMS = (
    re.compile(r"(\d{4})年(\d{1,2})月份?"),
    re.compile(r"(\d{4})[./-](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})"),
)


def _month_from_text(text: str, shown: object, today: date) -> tuple[date, date] | None:
    """(first day, last day) of a month written ``2021.03``, ``2021-3``, ``2021/03``, ``2021年3月`` or
    ``202103``; ``None`` when the text is not a month; an error for a month that does not exist or has
    not begun."""
    for form in _MONTH_FORMS:
        m = form.fullmatch(text)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise _ImpossibleDate(t("Date {value} does not exist", value=_show(shown).strip()))
            first = _checked(date(year, month, 1), shown, today)
            following = date(year + month // 12, month % 12 + 1, 1)
            return first, following - timedelta(days=1)
    return None


def _month_of(value: object, today: date) -> tuple[date, date] | None:
    if isinstance(value, str):
        return _month_from_text(compact(value), value, today)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() and 190001 <= value <= 299912:
        # 202103 typed as a number (an Excel serial there would be a date after 2420)
        return _month_from_text(str(int(value)), value, today)
    return None


def parse_date_or_month(value: object, *, today: date | None = None) -> tuple[date, date, str]:
    """A date, ``(d, d, DAY)``, or a month, ``(first day, last day, MONTH)``. A number such as
    ``2021.03`` is not a month (Excel keeps ``2021.10`` as ``2021.1``): type it as text."""
    today = today or _today()
    try:
        d = parse_date(value, today=today)
        return d, d, DAY
    except _ImpossibleDate:
        raise
    except CellError as exc:
        month = _month_of(value, today)
        if month is None:
            raise CellError(t("Date {value} is not understood; write it as 2019-03-05, 2019.3.5, 20190305 or 2019年3月5日, "
                              "or a month as 2019.03 or 2019年3月", value=_show(value).strip())) from exc
        return month[0], month[1], MONTH


def parse_date_range_or_months(value: object, *, today: date | None = None) -> tuple[date, date, str]:
    """:func:`parse_date_range`, or a range of months (``2021年3月—2021年5月``, ``2021.03-2021.05``,
    ``202103-202105``) or one month: ``(first day of the first month, last day of the last month,
    MONTH)``. Both ends are given to the day or both to the month: a mix is refused."""
    today = today or _today()
    try:
        start, end = parse_date_range(value, today=today)
        return start, end, DAY
    except _ImpossibleDate:
        raise
    except CellError as exc:
        error = exc
    shown = clean_text(_show(value))
    single = _month_of(value, today)
    if single is not None:
        return single[0], single[1], MONTH
    if not isinstance(value, str):
        raise error
    text = compact(value)
    parts = _RANGE_SEPARATORS.split(text)
    splits = [(parts[0], parts[1])] if len(parts) == 2 else [(text[:i], text[i + 1 :]) for i, ch in enumerate(text) if ch == "-"]
    for left, right in splits:
        first, last = _month_from_text(left, left, today), _month_from_text(right, right, today)
        if first is not None and last is not None:
            if last[1] < first[0]:
                raise CellError(t("Date range {value} ends before it starts", value=shown))
            return first[0], last[1], MONTH
        if (first is not None or last is not None) and _is_day(right if first is not None else left, today):
            raise CellError(t("Date range {value} gives one end to the day and the other to the month; write both ends the same way",
                              value=shown))
    if len(parts) == 1 and len(splits) <= 1 and "-" not in text:
        raise error
    raise CellError(t("Date range {value} is not understood; write it as 2019.03.05-2019.04.12, or months as 2019.03-2019.04",
                      value=shown))


def _is_day(text: str, today: date) -> bool:
    try:
        _date_from_text(text, text, today)
    except CellError:
        return False
    return True


# ------------------------------------------------------------------------------------------ numbers


_INT_RE = re.compile(r"共?(-?\d+)(?:\.0+)?(\D*)")


def parse_int(value: object, *, units: tuple[str, ...] = (), what: str = "") -> int:  # noqa: ARG001 - the signature is fixed by its callers
    """A whole number >= 0, optionally with one of ``units`` after it (``56页``) and 共 before it."""
    if type(value) is float and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, bool) or isinstance(value, (date, time, timedelta)):
        raise CellError(t("{value} is not a number", value=_show(value)))
    if isinstance(value, float):
        n = _integral(value)
        if n is None:
            raise CellError(t("{value} is not a whole number", value=value))
    elif isinstance(value, int):
        n = value
    else:
        text = compact(str(value))
        m = _INT_RE.fullmatch(text)
        if not m:
            raise CellError(t("{value} is not a whole number", value=clean_text(str(value))))
        unit = m.group(2)
        if unit and unit not in units:
            if units:
                raise CellError(t("{value}: the unit {unit} does not fit here (expected {units})", value=clean_text(str(value)), unit=unit, units="/".join(units)))
            raise CellError(t("{value} is not a whole number", value=clean_text(str(value))))
        n = int(m.group(1))
    if n < 0:
        raise CellError(t("{value} cannot be negative", value=_show(value)))
    return n


def parse_pages(value: object) -> int:
    """页数: ``56``, ``56.0``, ``56页``, ``共56页``."""
    return parse_int(value, units=("页", "P"))


def parse_item_count(value: object) -> int:
    """件数: ``3``, ``3件``, ``3份``."""
    return parse_int(value, units=("件", "份"))


def parse_page_range(value: object) -> tuple[int, int | None]:
    """页号: a first page (``5``) or a range (``5-12``, ``5~12``, ``5至12``)."""
    if not isinstance(value, str):
        return parse_int(value), None
    text = compact(value)
    m = re.fullmatch(r"(\d+)(?:(?:-|~|〜|—+|–|至|到)(\d+))?", text)
    if not m:
        raise CellError(t("Page numbers {value} are not understood; write 5 or 5-12", value=clean_text(value)))
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) else None
    if last is not None and last < first:
        raise CellError(t("Page range {value} ends before it starts", value=clean_text(value)))
    return first, last


#: what an amount may look like once currency marks and 万/元 are off: digits, commas only between
#: groups of three (``12,345.60``; ``1,2345`` is a mistyped or a 万-grouped number, not guessed at)
_AMOUNT_RE = re.compile(r"-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?")
_CURRENCY_RE = re.compile(r"^(-?)(?:¥|RMB|CNY)|(?:RMB|CNY)$")
#: 10^15 元 and more is no amount of money a register holds (and more than Excel keeps exactly)
_AMOUNT_LIMIT = Decimal(10) ** 15


def parse_amount(value: object) -> Decimal:
    """Money in 元: ``12345.6``, ``12,345.60``, ``¥12345``, ``12345元``, ``1.2万元``; at most 2 decimals."""
    if isinstance(value, bool) or isinstance(value, (date, time, timedelta)):
        raise CellError(t("{value} is not an amount of money", value=_show(value)))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError(t("{value} is not an amount of money", value=value))
        if abs(value) >= _AMOUNT_LIMIT:
            raise CellError(t("{value} is too large to be an amount of money", value=value if isinstance(value, int) else f"{value:G}"))
        rounded = round(value, 2)
        if abs(value - rounded) > 1e-6:
            raise CellError(t("{value} has more than 2 decimals", value=value))
        amount = Decimal(repr(rounded)) if isinstance(value, float) else Decimal(value)
    else:
        shown = clean_text(str(value))
        text = _CURRENCY_RE.sub(r"\1", compact(str(value)), count=1)
        factor = 1
        if text.endswith("万元") or text.endswith("万"):
            factor, text = 10000, text.removesuffix("元").removesuffix("万")
        text = text.removesuffix("元")
        if not _AMOUNT_RE.fullmatch(text):
            if "," in text and re.fullmatch(r"-?[\d,]+(?:\.\d+)?", text):
                raise CellError(t("{value}: commas in an amount go only between groups of three digits, e.g. 12,345.60", value=shown))
            raise CellError(t("{value} is not an amount of money", value=shown))
        digits = text.replace(",", "")
        amount = Context(prec=len(digits) + 5).multiply(Decimal(digits), factor)  # exact, however long
        if abs(amount) >= _AMOUNT_LIMIT:
            raise CellError(t("{value} is too large to be an amount of money", value=shown))
        if amount != amount.quantize(Decimal("0.01")):
            raise CellError(t("{value} has more than 2 decimals", value=shown))
    if amount < 0:
        raise CellError(t("{value} cannot be negative", value=_show(value)))
    return amount.quantize(Decimal("0.01"))


# --------------------------------------------------------------------------------- people's details

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def parse_phone(value: object) -> str:
    """A phone number: digits with ``-``, spaces, ``+``, brackets or 转 (extension); at least 3 digits."""
    text = parse_reference(value) if not isinstance(value, str) else re.sub(r"\s+", "", compact(value))
    _reject_scientific(text, _show(value).strip())
    if not re.fullmatch(r"\+?[\d()\-]+(?:转\d+)?", text) or sum(ch.isdigit() for ch in text) < 3:
        raise CellError(t("Phone number {value} is not understood", value=_show(value).strip()))
    return text


def parse_id_number(value: object) -> str:
    """证件号码: an 18-character 居民身份证号 is checked (check digit and birth date); a 15-digit old
    number and other documents (passport, 港澳通行证: 5-20 letters and digits) are kept as they are."""
    text = parse_reference(value)
    if re.fullmatch(r"\d{17}[\dX]", text):
        total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
        if _ID_CHECK[total % 11] != text[17]:
            raise CellError(t("ID number {value} has a wrong check digit", value=text))
        try:
            date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
        except ValueError:
            raise CellError(t("ID number {value} holds an impossible birth date", value=text)) from None
        return text
    if re.fullmatch(r"[A-Z0-9]{5,20}", text):
        return text
    raise CellError(t("ID number {value} is not understood", value=_show(value).strip()))


# ----------------------------------------------------------------------------------------- location

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


#: the largest room, rack, column, section or layer number a place may name
_MAX_PLACE_NUMBER = 9999
#: 十, 十二, 二十, 二十三 (one 十, at most one digit 1-9 on either side)
_CN_TENS = re.compile("([一二两三四五六七八九]?)十([一二三四五六七八九]?)")


def _cn_number(text: str, raw: str) -> str:
    """``5``, ``05``, ``五``, ``十二``, ``K1`` -> ``5``, ``5``, ``5``, ``12``, ``K1`` (digits lose leading zeros);
    digit by digit (``一二`` -> ``12``) is read too. A malformed numeral (``十十``, ``二十十``) or a number
    beyond :data:`_MAX_PLACE_NUMBER` is an error on the cell (``raw``)."""
    if text.isascii() and text.isdigit():
        n = int(text) if len(text) <= 9 else _MAX_PLACE_NUMBER + 1
    elif text and all(ch in _CN_DIGITS or ch == "十" for ch in text):
        if "十" in text:
            m = _CN_TENS.fullmatch(text)
            if m is None:
                raise CellError(t("Location {value}: {number} is not a number; write it as 十二 or 12", value=raw, number=text))
            tens, ones = m.group(1), m.group(2)
            n = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        else:
            n = int("".join(str(_CN_DIGITS[ch]) for ch in text)) if len(text) <= 9 else _MAX_PLACE_NUMBER + 1
    else:
        return text
    if n > _MAX_PLACE_NUMBER:
        raise CellError(t("Location {value}: the number {number} is too large", value=raw, number=text))
    return str(n)


@dataclass(frozen=True, slots=True)
class ParsedLocation:
    """A shelf place as written in a register, split into the shelving hierarchy.

    ``room`` and ``rack`` are text (``"5"``, ``"K1"``); ``column``, ``section`` and ``layer`` are numbers;
    ``side`` is ``"A"`` or ``"B"`` (the face of a double-sided rack). Missing parts are ``None``.

    ``code`` is set when the place was written as a location code, the form printed on shelf labels
    (``K1-03A-02-4-3``; ``L.`` of a scanned layer barcode dropped): match it against the layers' codes,
    since the code pattern is a setting. When the code has the five parts of the default pattern
    ``{room}-{rack:02}{side}-{column:02}-{section}-{layer}`` they are also split into the fields; for
    any other number of parts only room, rack and side (the first two parts) are, the rest is not guessed.

    Matching a place to real shelving is the job of the ``resolve_location`` callable given to
    :func:`~archive_desk.importing.plan.plan_import`.
    """

    room: str | None
    rack: str | None
    side: str | None
    column: int | None
    section: int | None
    layer: int | None
    raw: str
    code: str | None = None

    @property
    def is_complete(self) -> bool:
        """Down to the layer (the shelf a volume sits on), or a location code to look up."""
        return (self.rack is not None and self.layer is not None) or self.code is not None

    def label(self) -> str:
        """The place in the usual Chinese form, e.g. ``5号密集架A面7列1节5层`` (or the code)."""
        if self.code is not None and self.layer is None:
            return self.code
        out = []
        if self.room is not None:
            out.append(f"{self.room}号库房")
        if self.rack is not None:
            out.append(f"{self.rack}号密集架")
        if self.side is not None:
            out.append(f"{self.side}面")
        for part, unit in ((self.column, "列"), (self.section, "节"), (self.layer, "层")):
            if part is not None:
                out.append(f"{part}{unit}")
        return "".join(out)


_NUM = r"[0-9]+|[零〇一二两三四五六七八九十]+"
_LOCATION_CN = re.compile(
    rf"(?:(?:(?P<room>{_NUM}|[A-Z][0-9]*)号?(?:库房|库)|库房(?P<room2>{_NUM}|[A-Z][0-9]*)号?)[-—]?)?"
    rf"(?:(?P<rack>{_NUM}|[A-Z][0-9]*)号?(?:密集架|架|柜|区))?"
    rf"(?:(?P<side1>[AB])面)?"
    rf"(?:(?P<column>{_NUM})列)?"
    rf"(?:(?P<side2>[AB])面)?"
    rf"(?:(?P<section>{_NUM})节)?"
    rf"(?:(?P<layer>{_NUM})层)?"
)
_LOCATION_CODE = re.compile(r"(?:L\.)?(?P<code>(?P<room>[A-Z0-9]+)-(?P<rack>[0-9]+)(?P<side>[AB])?(?P<rest>(?:-[0-9]+){1,4}))")


def parse_location(value: object) -> ParsedLocation:
    """See :func:`_parse_location`; results are cached (a register repeats its places)."""
    if isinstance(value, str):
        return _parse_location_cached(value)
    return _parse_location(value)


@lru_cache(maxsize=8192)
def _parse_location_cached(value: str) -> ParsedLocation:
    return _parse_location(value)


def _parse_location(value: object) -> ParsedLocation:
    """``5号密集架7列1节5层``, ``5号架7列1节5层``, ``1号库房5号密集架A面7列1节5层``, ``五号架七列一节五层``,
    ``A区3列2节4层``, and location codes such as ``K1-03A-02-4-3`` (see :class:`ParsedLocation`)."""
    if not isinstance(value, str):
        raise CellError(t("Location {value} is not understood; write it as 5号密集架7列1节5层 or K1-03A-02-4-3", value=_show(value)))
    raw = clean_text(value)
    text = compact(value)
    m = _LOCATION_CODE.fullmatch(text)
    if m:
        rest = [int(_cn_number(x, raw)) for x in m.group("rest").split("-")[1:]]
        column, section, layer = rest if len(rest) == 3 else (None, None, None)
        return ParsedLocation(
            room=_cn_number(m.group("room"), raw),
            rack=_cn_number(m.group("rack"), raw),
            side=m.group("side"),
            column=column,
            section=section,
            layer=layer,
            raw=raw,
            code=m.group("code"),
        )
    m = _LOCATION_CN.fullmatch(text)
    if m and any(m.group(g) for g in ("rack", "column", "section", "layer")):
        if m.group("side1") and m.group("side2"):
            raise CellError(t("Location {value} names two sides", value=raw))
        room = m.group("room") or m.group("room2")

        def num(group: str) -> int | None:
            return int(_cn_number(m.group(group), raw)) if m.group(group) else None

        return ParsedLocation(
            room=_cn_number(room, raw) if room else None,
            rack=_cn_number(m.group("rack"), raw) if m.group("rack") else None,
            side=m.group("side1") or m.group("side2"),
            column=num("column"),
            section=num("section"),
            layer=num("layer"),
            raw=raw,
        )
    raise CellError(t("Location {value} is not understood; write it as 5号密集架7列1节5层 or K1-03A-02-4-3", value=raw))
