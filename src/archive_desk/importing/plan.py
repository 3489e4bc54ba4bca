"""Plan an import: read a sheet, classify and normalise every row, and account for all of them.

Nothing is written anywhere: :func:`plan_import` returns an :class:`ImportPlan` that the catalogue
service commits (accepted rows, in one transaction) and the wizard previews.

Row accounting (``ImportSummary``), for the rows below the header row::

    rows_read = ok + rejected + duplicate + existing + skipped
    skipped   = skipped_blank + skipped_total + skipped_signature

A blank row counts as read (and skipped, "blank line") when it lies *between* register rows - the
blank line left every 25 volumes. Blank rows above the first or below the last register row are
layout around the table, not register lines: they are counted apart in ``blank_outside``, so that
``rows_above_data + rows_read + blank_outside`` equals the sheet's row count.

Statuses, in order of precedence:

- ``skipped``: a blank line, a total line (合计/总计/小计/共计 …) or a signature line (经办人：…) whose
  key column (档号, or 姓名 for borrowers) is empty. Each carries its reason.
- ``rejected``: at least one cell problem (value not understood, required value missing, value out
  of range, formula without result, …). Every problem names sheet, row, column, header, value, reason.
- ``duplicate``: the key (档号; for items 档号 + 序号; for borrowers 借阅证号/工号, else 证件号码)
  appeared on an earlier row of the file (``duplicate_of``). The first occurrence keeps the key even
  when it is itself rejected: fix that row rather than importing the later copy.
- ``existing``: the key is already in the catalogue (``existing_codes``); the caller decides to
  update those volumes or leave them.
- ``ok``: to be imported.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import cast

from archive_desk.errors import UserError
from archive_desk.i18n import t
from archive_desk.importing.mapping import (
    HEADER_SCAN_ROWS,
    ColumnMapping,
    MappingTemplate,
    apply_template,
    detect_mapping,
    field_label,
    find_header_row,
    required_fields,
)
from archive_desk.importing import normalize as _normalize
from archive_desk.importing.normalize import (
    MONTH,
    RETENTION_LABELS,
    CellError,
    ParsedLocation,
    is_blank,
    parse_amount,
    parse_code,
    parse_date,
    parse_date_or_month,
    parse_date_range_or_months,
    parse_id_number,
    parse_int,
    parse_item_count,
    parse_location,
    parse_page_range,
    parse_pages,
    parse_phone,
    parse_reference,
    parse_retention,
    parse_security,
    parse_text,
    parse_year,
)
from archive_desk.importing.readers import ErrorValue, ImportFileError, NoCachedValue, SheetReader, Spreadsheet, column_letter, open_spreadsheet
from archive_desk.importing.sheets import item_list_sheets, register_sheets  # noqa: F401 - re-exported
from archive_desk.importing.textnorm import MIDDLE_DOT, compact

__all__ = [
    "CellProblem",
    "ImportCancelled",
    "ImportPlan",
    "ImportSummary",
    "RowResult",
    "RowStatus",
    "SheetPlan",
    "SkipKind",
    "plan_import",
    "preview",
]

PREVIEW_ROWS = 50
_PROGRESS_EVERY = 500


class ImportCancelled(UserError):  # noqa: N818 - not an error: a public name others import
    """The user cancelled planning; nothing was changed."""


class RowStatus(StrEnum):
    OK = "ok"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    EXISTING = "existing"
    SKIPPED = "skipped"


class SkipKind(StrEnum):
    BLANK = "blank"
    TOTAL = "total"
    SIGNATURE = "signature"


@dataclass(frozen=True, slots=True)
class CellProblem:
    """One problem in one cell. ``column`` is the letter (``I``), ``row`` the 1-based sheet row."""

    sheet: str
    row: int
    column: str
    header: str
    value: str
    reason: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class RowResult:
    """One row below the header and what becomes of it.

    ``values`` holds the normalised values by field name (see :func:`plan_import` for the names);
    for a rejected row it holds the values that could be read, for the preview.
    ``cells`` is the row as read (merged values applied), for showing it as it was.
    """

    sheet: str
    row: int
    status: RowStatus
    values: Mapping[str, object] = field(default_factory=dict)
    problems: tuple[CellProblem, ...] = ()
    skip: SkipKind | None = None
    skip_reason: str | None = None
    duplicate_of: int | None = None
    duplicate_of_sheet: str | None = None
    key: str | None = None
    cells: tuple[object, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.status is RowStatus.OK


@dataclass(frozen=True, slots=True)
class ImportSummary:
    rows_read: int = 0
    ok: int = 0
    rejected: int = 0
    duplicate: int = 0
    existing: int = 0
    skipped: int = 0
    skipped_blank: int = 0
    skipped_total: int = 0
    skipped_signature: int = 0
    problems: int = 0
    #: title rows and the header row
    rows_above_data: int = 0
    #: blank rows above the first or below the last register row (not counted as read)
    blank_outside: int = 0

    @property
    def adds_up(self) -> bool:
        return (
            self.rows_read == self.ok + self.rejected + self.duplicate + self.existing + self.skipped
            and self.skipped == self.skipped_blank + self.skipped_total + self.skipped_signature
        )

    def __add__(self, other: ImportSummary) -> ImportSummary:
        return ImportSummary(*(getattr(self, f) + getattr(other, f) for f in self.__slots__))


@dataclass(frozen=True, slots=True)
class SheetPlan:
    name: str
    mapping: ColumnMapping
    #: rows the sheet holds (last row number with anything in it)
    n_rows: int
    summary: ImportSummary


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    kind: str
    sheets: tuple[SheetPlan, ...]
    rows: tuple[RowResult, ...]
    summary: ImportSummary
    #: False for a preview that read only the first rows
    complete: bool = True
    #: the field used to find duplicates ("code", ("volume_code", "seq"), "card_no", "id_number" or None)
    key_field: str | None = None

    def importable(self, *, include_existing: bool = False) -> Iterator[RowResult]:
        """Rows to write: ``ok`` ones, and ``existing`` ones when the user chose to update them."""
        for row in self.rows:
            if row.status is RowStatus.OK or (include_existing and row.status is RowStatus.EXISTING):
                yield row

    def with_status(self, status: RowStatus) -> list[RowResult]:
        return [row for row in self.rows if row.status is status]

    def refused_for_location_only(self) -> int:
        """Rows refused only because of their 存放位置 (a place the shelving does not have, or one not
        understood): planned with ``unknown_locations_as_notes`` they import, the place kept in the notes."""
        return sum(1 for row in self.rows if row.status is RowStatus.REJECTED and row.problems
                   and all(p.field == "location" for p in row.problems))

    def problems(self) -> Iterator[CellProblem]:
        for row in self.rows:
            yield from row.problems

    @property
    def file_name(self) -> str:
        return self.path.name


# ------------------------------------------------------------------------------ row classification

_TOTAL_RE = re.compile(r"(?:(?:本页|本表|本卷|全部|总)?(?:合计|总计|小计|共计|累计)[:：]?|共(?=[0-9]+[卷件盒册份]))"
                       r"[0-9卷件页盒册份张米,，、.;；:：()（）/]*")
#: a signature label opens its cell (经办人：张三, 审核：); a title that merely ends in 审批 is no label
_SIGN_LABELS = (r"(?:经办人|移交人|接收人|制表人|填表人|审核人|审批人|负责人|立卷人|检查人|编制人|交接人|监销人|复核人|监交人|"
                r"移交单位|接收单位|制表|填表|审核|审批|签字|签名|盖章|签章)")
#: … or follows a few characters naming whose it is (单位负责人：, 部门负责人签字：) when a colon ends it
_SIGN_RE = re.compile(rf"[(（]?{_SIGN_LABELS}(?:[:：(（)）]|$)|[\u4e00-\u9fff]{{1,6}}{_SIGN_LABELS}+[:：]")
_MAX_SIGNATURE_CELLS = 6


def _text_of(value: object) -> str:
    return compact(value) if isinstance(value, str) else ""


#: first characters of the total and signature words: a key cell without any of them is data
_TRIGGER_CHARS = frozenset("合总小共累本全经移接制填审负立检编交监复签盖")


def _classify(cells: list[object], key_col: int | None, title_col: int | None) -> SkipKind | None:
    if key_col is not None and key_col < len(cells):
        key = cells[key_col]
        if type(key) is str:
            if key.isprintable() and key.strip() and (key.isascii() or _TRIGGER_CHARS.isdisjoint(key)):
                return None
        elif key is not None and type(key) not in (NoCachedValue, ErrorValue):
            return None  # a number or a date in the key column: a (bad) register row
    nonblank = [c for c in cells if not is_blank(c)]
    if not nonblank:
        return SkipKind.BLANK
    key_text = _text_of(cells[key_col]) if key_col is not None and key_col < len(cells) and not is_blank(cells[key_col]) else ""
    if key_text and not (_TOTAL_RE.fullmatch(key_text) or _SIGN_RE.match(key_text)):
        return None
    if key_col is not None and key_col < len(cells) and not is_blank(cells[key_col]) and not isinstance(cells[key_col], str):
        return None
    texts = [_text_of(c) for c in nonblank]
    title_text = _text_of(cells[title_col]) if title_col is not None and title_col < len(cells) and not is_blank(cells[title_col]) else ""
    if (any(text and _TOTAL_RE.fullmatch(text) for text in texts) and (not key_text or _TOTAL_RE.fullmatch(key_text))
            and (not title_text or _TOTAL_RE.fullmatch(title_text))):
        return SkipKind.TOTAL
    if (len(set(map(repr, nonblank))) <= _MAX_SIGNATURE_CELLS and any(_SIGN_RE.match(x) for x in texts if x)
            and (not title_text or _SIGN_RE.match(title_text))
            and not any(isinstance(c, int | float) for c in nonblank)):  # a year or a page count: a register row
        return SkipKind.SIGNATURE
    return None


def _spread_down(reader: SheetReader) -> dict[int, set[int]]:
    """Row -> columns whose value comes from a cell merged down from a row above: a line holding
    nothing else is blank, whatever the merge spreads over it."""
    spread: dict[int, set[int]] = {}
    for m in reader.merged:
        for row in range(m.first_row + 1, m.last_row + 1):
            spread.setdefault(row, set()).update(range(m.first_col, m.last_col + 1))
    return spread


def _skip_reason(kind: SkipKind) -> str:
    if kind is SkipKind.BLANK:
        return t("Blank line")
    if kind is SkipKind.TOTAL:
        return t("Total line (合计/小计), not a register entry")
    return t("Signature line (经办人/审核人 …), not a register entry")


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if len(text) > _SHOWN_LIMIT:  # a problem list, the preview and the problems workbook show the start
        return text[:_SHOWN_LIMIT] + "…"
    return text


_SHOWN_LIMIT = 200
#: the most characters a spreadsheet cell holds (Excel, WPS); python-calamine cuts a longer text to it
#: without a word, so a text of this length may have been cut and is refused, never stored shortened
CELL_TEXT_LIMIT = 32_767


# ---------------------------------------------------------------------------------------- handlers

#: a handler turns one cell value into (field, value) pairs, or raises CellError
Handler = Callable[[object], tuple[tuple[str, object], ...]]


def _one(name: str, parser: Callable[[object], object]) -> Handler:
    def handle(value: object) -> tuple[tuple[str, object], ...]:
        return ((name, parser(value)),)

    return handle


def _security(value: object) -> tuple[tuple[str, object], ...]:
    mark = parse_security(value)
    if mark.years is not None:
        return (("security", mark.level), ("security_years", mark.years))
    return (("security", mark.level),)


def _page_range(value: object) -> tuple[tuple[str, object], ...]:
    first, last = parse_page_range(value)
    return (("page_start", first), ("page_end", last))


_TEXT_FIELDS = ("title", "responsible", "notes", "fonds_name", "insured", "patient", "ward", "name", "unit", "doc_no")
_REFERENCE_FIELDS = ("fonds_code", "category_code", "box_no", "claim_no", "policy_no", "record_no", "card_no")
_DATE_FIELDS = ("start_date", "end_date", "date", "incident_date", "closing_date", "discharge_date")


def _handlers(today: date) -> dict[str, Handler]:
    def year(value: object) -> int:
        return parse_year(value, today=today)

    def one_date(value: object) -> date:
        return parse_date(value, today=today)

    def date_range(value: object) -> tuple[tuple[str, object], ...]:
        start, end, precision = parse_date_range_or_months(value, today=today)
        if precision == MONTH:
            return (("start_date", start), ("end_date", end), ("date_precision", MONTH))
        return (("start_date", start), ("end_date", end))

    def start_date(value: object) -> tuple[tuple[str, object], ...]:
        first, _last, precision = parse_date_or_month(value, today=today)
        return (("start_date", first), ("start_month", True)) if precision == MONTH else (("start_date", first),)

    def end_date(value: object) -> tuple[tuple[str, object], ...]:
        _first, last, precision = parse_date_or_month(value, today=today)
        return (("end_date", last), ("end_month", True)) if precision == MONTH else (("end_date", last),)

    def item_date(value: object) -> tuple[tuple[str, object], ...]:
        first, _last, precision = parse_date_or_month(value, today=today)
        return (("date", first), ("date_precision", MONTH)) if precision == MONTH else (("date", first),)

    return {
        "seq": _one("seq", parse_int),
        "code": _one("code", parse_code),
        "volume_code": _one("volume_code", parse_code),
        "year": _one("year", year),
        "retention": _one("retention", parse_retention),
        "security": _security,
        "date_range": date_range,
        "pages": _one("pages", parse_pages),
        "item_count": _one("item_count", parse_item_count),
        "amount_paid": _one("amount_paid", parse_amount),
        "phone": _one("phone", parse_phone),
        "id_number": _one("id_number", parse_id_number),
        "page_range": _page_range,
        **{name: _one(name, parse_text) for name in _TEXT_FIELDS},
        **{name: _one(name, parse_reference) for name in _REFERENCE_FIELDS},
        **{name: _one(name, one_date) for name in _DATE_FIELDS},
        # 起止日期 and a 卷内文件's 日期 may be given to the month (2021.03), as old registers do
        "start_date": start_date,
        "end_date": end_date,
        "date": item_date,
    }


_CODE_YEAR_RE = re.compile(f"[{MIDDLE_DOT}-](\\d{{4}})(?:-|$)")
_CODE_RETENTION_RE = re.compile(r"-(Y|D30|D10)(?:-|$)")
_CODE_YEAR_RETENTION_RE = re.compile(f"[{MIDDLE_DOT}-](\\d{{4}})-(Y|D30|D10)(?:-|$)")


# ------------------------------------------------------------------------------------------ planner


_MEMO_PROBE = 4096
_MEMO_LIMIT = 50_000


# a column's outcome for a cell when it parses: ((field, value), …)
_Fields = tuple[tuple[str, object], ...]


@dataclass
class _Column:
    """A mapped column and a memo of its outcomes: registers repeat the same retention, year,
    page count or place thousands of times. The memo switches itself off for columns whose values
    rarely repeat (titles, codes)."""

    index: int
    name: str
    header: str
    handler: Handler
    memo: dict[tuple[type, object], tuple[bool, object]] | None = field(default_factory=dict)
    lookups: int = 0  # memo misses
    calls: int = 0  # all values seen (counted by the planner)

    def outcome(self, value: object) -> tuple[bool, object]:
        """(True, ((field, value), …)) - empty for a blank cell - or (False, reason)."""
        memo = self.memo
        if memo is not None:
            key = (type(value), value)
            found = memo.get(key)
            if found is not None:
                return found
            self.lookups += 1
            if self.lookups == _MEMO_PROBE:
                # nearly every value new (titles, codes, date ranges): the memo only costs
                if len(memo) > _MEMO_PROBE * 3 // 4 and self.calls < 2 * _MEMO_PROBE:
                    self.memo = memo = None
            elif self.lookups > _MEMO_LIMIT:
                self.memo = memo = None
        result = self._compute(value)
        if memo is not None:
            memo[(type(value), value)] = result
        return result

    def _compute(self, value: object) -> tuple[bool, object]:
        kind = type(value)
        if kind is NoCachedValue:
            return False, _formula_reason(value)  # type: ignore[arg-type]
        if kind is ErrorValue:
            return False, t("The cell shows the error {code}", code=value.code)  # type: ignore[attr-defined]
        if kind is str:
            if len(value) >= CELL_TEXT_LIMIT:  # type: ignore[arg-type]
                return False, t("The cell holds {n} characters, the most a spreadsheet cell can hold or more; its text may have "
                                "been cut when it was saved. Shorten it (keep long texts in a document of their own)",
                                n=f"{len(value):,}")  # type: ignore[arg-type]
            if value.isprintable():  # type: ignore[attr-defined]
                if not value.strip():  # type: ignore[attr-defined]
                    return True, ()
            elif is_blank(value):
                return True, ()
        try:
            return True, self.handler(value)
        except CellError as exc:
            return False, exc.reason


def _formula_reason(value: NoCachedValue) -> str:
    return t("The formula {formula} has no saved result; open the file in Excel or WPS, let it calculate and save it", formula=str(value))


class _SheetPlanner:
    def __init__(
        self,
        reader: SheetReader,
        mapping: ColumnMapping,
        kind: str,
        resolve_location: Callable[[ParsedLocation], object] | None,
        location_cache: dict[tuple[object, ...], tuple[object, str | None]],
        today: date,
        locations_as_notes: bool = False,
    ) -> None:
        self.reader = reader
        self.locations_as_notes = locations_as_notes
        self.mapping = mapping
        self.kind = kind
        self.sheet = reader.name
        handlers = _handlers(today)
        fields = set(mapping.fields)
        self.may_conflict = "date_range" in fields and bool(fields & {"start_date", "end_date"})
        self.columns = [
            _Column(i, name, mapping.headers[i] if i < len(mapping.headers) else "", handlers[name])
            for i, name in enumerate(mapping.fields)
            if name is not None and name != "location"
        ]
        self.location_col = mapping.column_of("location")
        self.resolve_location = resolve_location
        self.location_cache = location_cache
        key_name = {"volumes": "code", "items": "volume_code", "borrowers": "name"}[kind]
        self.key_col = mapping.column_of(key_name)
        self.title_col = mapping.column_of("title")
        self.required = [(name, mapping.column_of(name)) for name in required_fields(kind)]

    def problem(self, row: int, col: int, name: str | None, value: object, reason: str) -> CellProblem:
        header = self.mapping.headers[col] if col < len(self.mapping.headers) else ""
        return CellProblem(self.sheet, row, column_letter(col), header, _shown(value), reason, name)

    def parse_row(self, number: int, cells: list[object]) -> tuple[dict[str, object], list[CellProblem]]:
        values: dict[str, object] = {}
        problems: list[CellProblem] = []
        width = len(cells)
        may_conflict = self.may_conflict
        for col in self.columns:
            if col.index >= width:
                break  # columns are in sheet order
            value = cells[col.index]
            if value is None:
                continue
            memo = col.memo
            col.calls += 1
            found = memo.get((type(value), value)) if memo is not None else None
            ok, parsed = found if found is not None else col.outcome(value)
            if not ok:
                problems.append(self.problem(number, col.index, col.name, value, cast(str, parsed)))  # (False, reason)
            elif not may_conflict:
                values.update(cast(_Fields, parsed))  # (True, ((field, value), …))
            else:
                for name, result in cast(_Fields, parsed):
                    if name in values and values[name] != result:
                        # 起止日期 and a separate 起始日期/终止日期 column say different things
                        problems.append(self.problem(number, col.index, col.name, value, t("{value} does not agree with another column that gives {field}", value=_shown(result), field=field_label(name))))
                    else:
                        values[name] = result
        if self.location_col is not None and self.location_col < width:
            self._location(number, cells[self.location_col], values, problems)
        for name, required_col in self.required:
            if name not in values and required_col is not None and not any(p.field == name for p in problems):
                problems.append(self.problem(number, required_col, name, None, t("{field} is required", field=field_label(name))))
        if self.kind == "volumes":
            self._cross_checks(number, values, problems)
        return values, problems

    def _location(self, number: int, value: object, values: dict[str, object], problems: list[CellProblem]) -> None:
        col = self.location_col
        assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
        if value is None or (isinstance(value, str) and is_blank(value)):
            return
        if isinstance(value, NoCachedValue):
            problems.append(self.problem(number, col, "location", value, _formula_reason(value)))
            return
        if isinstance(value, ErrorValue):
            problems.append(self.problem(number, col, "location", value, t("The cell shows the error {code}", code=value.code)))
            return
        try:
            parsed = parse_location(value)
        except CellError as exc:
            if self.locations_as_notes:
                values["location_text"] = _shown(value)
            else:
                problems.append(self.problem(number, col, "location", value, exc.reason))
            return
        values["location"] = parsed
        if self.resolve_location is None:
            return
        key = (parsed.room, parsed.rack, parsed.side, parsed.column, parsed.section, parsed.layer, parsed.code)
        cached = self.location_cache.get(key)
        if cached is None:
            try:
                ref = self.resolve_location(parsed)
                cached = (ref, None if ref is not None else t("Location {value} does not exist in the shelving", value=parsed.label()))
            except CellError as exc:
                cached = (None, exc.reason)
            self.location_cache[key] = cached
        ref, reason = cached
        if reason is not None:
            if not self.locations_as_notes:  # else: imported unshelved, the place kept in the notes
                problems.append(self.problem(number, col, "location", value, reason))
        else:
            values["location_ref"] = ref

    def _cross_checks(self, number: int, values: dict[str, object], problems: list[CellProblem]) -> None:
        m = self.mapping
        code = values.get("code")
        year, retention = values.get("year"), values.get("retention")
        if isinstance(code, str) and (year is not None or retention is not None):
            both = _CODE_YEAR_RETENTION_RE.search(code)
            if both and (year is None or int(both.group(1)) == year) and (retention is None or both.group(2) == retention):
                code = None  # consistent: the usual case, one search
        if isinstance(code, str) and (year is not None or retention is not None):
            ym = _CODE_YEAR_RE.search(code)
            if year is not None and ym and int(ym.group(1)) != year:
                col = m.column_of("year")
                assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
                problems.append(self.problem(number, col, "year", year, t("Year {year} does not match the year {code_year} in 档号 {code}", year=year, code_year=ym.group(1), code=code)))
            retention = values.get("retention")
            rm = _CODE_RETENTION_RE.search(code)
            if retention is not None and rm and rm.group(1) != retention:
                if retention == "C" and rm.group(1) == "D30":
                    # a record converted after the 2006 rules: its 档号 says D30, the old register still 长期
                    # (16–50 years); the 档号 decides. Against Y or D10 长期 is refused: a period is never
                    # lengthened or shortened by guessing
                    values["retention"] = "D30"
                else:
                    col = m.column_of("retention")
                    assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
                    problems.append(self.problem(
                        number, col, "retention", RETENTION_LABELS.get(str(retention), retention),
                        t("Retention {retention} does not match {code_retention} in 档号 {code}",
                          retention=_retention_shown(str(retention)), code_retention=_retention_shown(rm.group(1)), code=code)))
        start_month, end_month = values.pop("start_month", False), values.pop("end_month", False)
        if start_month or end_month:  # 起始日期 and 终止日期 in columns of their own, given to the month
            if (start_month and end_month) or values.get("start_date") is None or values.get("end_date") is None:
                values["date_precision"] = MONTH
            else:
                col = m.column_of("end_date" if start_month else "start_date")
                assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
                problems.append(self.problem(number, col, "end_date", values.get("end_date" if start_month else "start_date"),
                                             t("One of 起始日期 and 终止日期 is given to the day, the other to the month; write both the same way")))
        start, end = values.get("start_date"), values.get("end_date")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            col = m.column_of("end_date")
            if col is None:
                col = m.column_of("date_range")
            assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
            problems.append(self.problem(number, col, "end_date", end, t("The end date {end} is before the start date {start}", end=end.isoformat(), start=start.isoformat())))


def _retention_shown(code: str) -> str:
    """``长期 (C)``, ``定期30年 (D30)``: both names of a retention, for a message that names two."""
    label = RETENTION_LABELS.get(code)
    return f"{label} ({code})" if label else code


def item_key(code: str, seq: int | None, title: str | None, doc_no: str | None, when: date | None) -> str:
    """How an item of a 卷内目录 is matched with the catalogue: by 档号 and 序号, or, without a 序号, by
    档号, 题名, 文号 and date (so a list imported twice adds nothing either way)."""
    if seq is not None:
        return f"{code}#{seq}"
    return f"{code}#{title or ''}#{doc_no or ''}#{when.isoformat() if when else ''}"


def _row_key(kind: str, values: Mapping[str, object], key_field: str | None) -> str | None:
    if kind == "volumes":
        code = values.get("code")
        return code if isinstance(code, str) else None
    if kind == "items":
        code = values.get("volume_code")
        if not isinstance(code, str):
            return None
        return item_key(code, values.get("seq"), values.get("title"), values.get("doc_no"), values.get("date"))  # type: ignore[arg-type]
    if key_field is not None:
        key = values.get(key_field)
        return key if isinstance(key, str) else None
    return None


def _resolve_mapping(
    reader: SheetReader,
    kind: str,
    mapping: ColumnMapping | MappingTemplate | Mapping[str, ColumnMapping] | None,
) -> ColumnMapping:
    if mapping is None:
        return detect_mapping(reader, kind)
    if isinstance(mapping, MappingTemplate):
        if mapping.kind != kind:
            raise UserError(t("The mapping {name} is for another kind of import", name=mapping.name))
        return apply_template(mapping, reader)
    if isinstance(mapping, ColumnMapping):
        if mapping.kind != kind:
            raise UserError(t("The mapping is for another kind of import"))
        return mapping
    if reader.name in mapping:
        return mapping[reader.name]
    return detect_mapping(reader, kind)


def _pick_sheets(book: Spreadsheet, sheet: str | int | Sequence[str | int] | None, kind: str, head: int | None) -> list[SheetReader]:
    if sheet is None:
        visible = [s for s in book.sheets if s.visible] or book.sheets
        for info in visible:
            reader = book.sheet(info.name, head=head)
            if find_header_row(kind, reader) is not None:
                return [reader]
        if not visible:
            raise UserError(t("File {name} holds no worksheet", name=book.path.name))
        return [book.sheet(visible[0].name, head=head)]
    if isinstance(sheet, (str, int)):
        return [book.sheet(sheet, head=head)]
    return [book.sheet(s, head=head) for s in sheet]


def plan_import(
    path: str | Path,
    *,
    sheet: str | int | Sequence[str | int] | None = None,
    mapping: ColumnMapping | MappingTemplate | Mapping[str, ColumnMapping] | None = None,
    kind: str = "volumes",
    existing_codes: Callable[[Iterable[str]], set[str]] = lambda codes: set(),  # noqa: ARG005 - the signature is fixed by its caller
    known_volumes: Callable[[Iterable[str]], set[str]] | None = None,
    resolve_location: Callable[[ParsedLocation], object] | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    limit: int | None = None,
    check_key: Callable[[Mapping[str, object]], str | None] | None = None,
    unknown_locations_as_notes: bool = False,
) -> ImportPlan:
    """Plan importing ``path``; nothing is written.

    - ``sheet``: a name, a 0-based index, a list of them, or ``None`` for the first visible sheet
      whose header row is found.
    - ``mapping``: ``None`` (automatic), a :class:`ColumnMapping` (the wizard's, possibly corrected),
      a :class:`MappingTemplate` (saved by name), or ``{sheet name: ColumnMapping}``.
    - ``kind``: ``"volumes"``, ``"items"`` (卷内目录) or ``"borrowers"``.
    - ``existing_codes(keys) -> keys already in the catalogue``; called once per 2,000 keys with
      the keys of rows that are otherwise ``ok`` (volumes: 档号; borrowers: 借阅证号/工号 or
      证件号码; items: ``档号#序号``, for rows with a 序号). Those rows become ``existing``.
    - ``known_volumes(codes) -> codes that exist`` (items only): an item whose volume is not known is
      rejected. ``None`` = not checked here.
    - ``resolve_location(parsed) -> reference``: match a parsed location to real shelving; return
      ``None`` (or raise :class:`CellError`) when there is no such place: the row is rejected.
      Without it, locations are parsed only (``values["location"]``). Results are cached per place.
    - ``progress(done, total)`` every few hundred rows; ``should_cancel()`` -> raise
      :class:`ImportCancelled`.
    - ``limit``: read only this many rows below the header (a preview; ``complete`` is False).
    - ``check_key(values) -> reason or None``: what the catalogue says of a row's key (volumes: a 档号
      that follows no category's code pattern); a reason is a problem on the key cell.
    - ``unknown_locations_as_notes``: a place the shelving does not have, or one not understood, is no
      problem: the row imports unshelved and the place goes into its notes (``values["location"]``
      without ``location_ref``, or ``values["location_text"]``).

    ``values`` field names: code, title, year (int), retention (Y/D30/D10/C/S), security
    (公开/内部/秘密/机密/绝密) and security_years, start_date/end_date (from 起止日期 or from
    separate columns), pages, item_count, location (:class:`ParsedLocation`) and location_ref,
    responsible, notes, fonds_code, category_code, box_no, seq, and the category fields claim_no,
    policy_no, insured, incident_date, closing_date, amount_paid (Decimal), record_no, patient,
    discharge_date, ward. Items: volume_code, seq, doc_no, responsible, title, date, security,
    pages, page_start/page_end, notes. Borrowers: name, unit, phone, id_number, card_no, notes.
    """
    path = Path(path)
    # the plan keeps every row alive and holds no reference cycles: the cyclic collector would only
    # rescan the growing heap again and again (about a fifth of the time for 100,000 rows)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _plan(path, sheet, mapping, kind, existing_codes, known_volumes, resolve_location, progress, should_cancel, limit,
                     check_key, unknown_locations_as_notes)
    finally:
        if gc_was_enabled:
            gc.enable()


def _plan(
    path: Path,
    sheet: str | int | Sequence[str | int] | None,
    mapping: ColumnMapping | MappingTemplate | Mapping[str, ColumnMapping] | None,
    kind: str,
    existing_codes: Callable[[Iterable[str]], set[str]],
    known_volumes: Callable[[Iterable[str]], set[str]] | None,
    resolve_location: Callable[[ParsedLocation], object] | None,
    progress: Callable[[int, int], None] | None,
    should_cancel: Callable[[], bool] | None,
    limit: int | None,
    check_key: Callable[[Mapping[str, object]], str | None] | None = None,
    unknown_locations_as_notes: bool = False,
) -> ImportPlan:
    if sheet is None and isinstance(mapping, ColumnMapping):
        sheet = mapping.sheet  # the wizard's mapping belongs to the sheet it was made on
    elif sheet is None and isinstance(mapping, Mapping) and mapping and all(isinstance(m, ColumnMapping) for m in mapping.values()):
        sheet = list(mapping)
    with open_spreadsheet(path) as book:
        head = None
        if limit is not None:
            rows_above = [m.header_row for m in (mapping.values() if isinstance(mapping, Mapping) else [mapping]) if isinstance(m, ColumnMapping)]
            head = max([HEADER_SCAN_ROWS, *rows_above]) + limit
        readers = _pick_sheets(book, sheet, kind, head)
        for reader in readers:
            if reader.n_rows == 0:
                raise ImportFileError(t("Sheet {sheet} in file {name} is empty", sheet=reader.name, name=path.name), where=str(path))
        mappings = [_resolve_mapping(reader, kind, mapping) for reader in readers]
        for reader, m in zip(readers, mappings, strict=True):
            missing = m.missing_required()
            if missing:
                raise UserError(
                    t("Sheet {sheet} has no column for {fields}; map it in the column list", sheet=reader.name, fields="、".join(field_label(f) for f in missing)),
                    where=reader.name,
                )
        key_field: str | None = {"volumes": "code", "items": "volume_code"}.get(kind)
        if kind == "borrowers":
            key_field = next((f for f in ("card_no", "id_number") if all(m.column_of(f) is not None for m in mappings)), None)

        total = sum(max(r.n_rows - m.header_row, 0) for r, m in zip(readers, mappings, strict=True))
        if limit is not None:
            total = min(total, limit * len(readers))
        done = 0
        rows: list[RowResult] = []
        seen: dict[str, tuple[str, int]] = {}
        location_cache: dict[tuple[object, ...], tuple[object, str | None]] = {}
        today = _normalize._today()  # one day for the whole file (tests patch normalize._today)  # noqa: SLF001 - the same package's own object
        sheet_spans: list[tuple[SheetReader, ColumnMapping, int, int, int]] = []  # reader, mapping, first idx, end idx, blank_outside
        for reader, m in zip(readers, mappings, strict=True):
            planner = _SheetPlanner(reader, m, kind, resolve_location, location_cache, today, unknown_locations_as_notes)
            first_index = len(rows)
            sheet_rows: list[RowResult] = []
            stop = m.header_row + limit if limit is not None else None
            spread = _spread_down(reader)
            for number, cells in reader.rows(stop=stop):
                if number <= m.header_row:
                    continue
                done += 1
                if done % _PROGRESS_EVERY == 0:
                    if should_cancel is not None and should_cancel():
                        raise ImportCancelled(t("Import cancelled; nothing was changed"))
                    if progress is not None:
                        progress(done, total)
                skip = _classify(cells, planner.key_col, planner.title_col)
                if skip is None and number in spread and all(is_blank(c) for i, c in enumerate(cells) if i not in spread[number]):
                    skip = SkipKind.BLANK  # a blank line inside a cell merged down the rows (年度 over ten rows)
                if skip is not None:
                    sheet_rows.append(
                        RowResult(reader.name, number, RowStatus.SKIPPED, skip=skip, skip_reason=_skip_reason(skip), cells=tuple(cells) if cells else ())
                    )
                    continue
                sheet_rows.append(_plan_row(planner, reader.name, number, cells, kind, key_field, check_key, seen))
            blank_outside = _keep_rows(sheet_rows, rows)
            sheet_spans.append((reader, m, first_index, len(rows), blank_outside))

        if kind == "items" and known_volumes is not None:
            rows = _check_volumes(rows, known_volumes, mappings, readers)
        rows = _mark_existing(rows, existing_codes, should_cancel)  # items: by 档号 and 序号
        if progress is not None:
            progress(total, total)

        sheet_plans = []
        grand = ImportSummary()
        for reader, m, first_index, end_index, blank_outside in sheet_spans:
            summary = _summarise(rows[first_index:end_index], m.header_row if (m.header_row <= reader.n_rows) else reader.n_rows, blank_outside)
            sheet_plans.append(SheetPlan(reader.name, m, reader.n_rows, summary))
            grand = grand + summary
        return ImportPlan(
            path=path,
            kind=kind,
            sheets=tuple(sheet_plans),
            rows=tuple(rows),
            summary=grand,
            complete=limit is None,
            key_field=key_field,
        )


def _plan_row(planner: _SheetPlanner, sheet_name: str, number: int, cells: list[object], kind: str, key_field: str | None,
              check_key: Callable[[Mapping[str, object]], str | None] | None, seen: dict[str, tuple[str, int]]) -> RowResult:
    """One register row (not skipped): parsed, its key checked, and judged against the rows seen before."""
    values, problems = planner.parse_row(number, cells)
    if check_key is not None and not problems and planner.key_col is not None:
        reason = check_key(values)
        if reason is not None:
            col = planner.key_col
            problems.append(planner.problem(number, col, key_field, cells[col] if col < len(cells) else None, reason))
    key = _row_key(kind, values, key_field)
    status = RowStatus.REJECTED if problems else RowStatus.OK
    dup_of: tuple[str, int] | None = None
    if key is not None and not (kind == "items" and values.get("seq") is None):
        # (an item without a 序号 is known by its content, for the catalogue's sake only: two
        # 发票 of one day in a volume are two documents)
        first = seen.get(key)
        if first is None:
            seen[key] = (sheet_name, number)
        elif problems:
            col = planner.key_col if planner.key_col is not None else 0
            problems.append(planner.problem(number, col, key_field, cells[col] if col < len(cells) else None, _dup_reason(first, sheet_name)))
        else:
            status, dup_of = RowStatus.DUPLICATE, first
    return RowResult(
        sheet_name,
        number,
        status,
        values,
        tuple(problems),
        duplicate_of=dup_of[1] if dup_of else None,
        duplicate_of_sheet=dup_of[0] if dup_of else None,
        key=key,
        cells=tuple(cells),
    )


def _keep_rows(sheet_rows: list[RowResult], rows: list[RowResult]) -> int:
    """Append a sheet's rows to ``rows``, except blank rows above the first or below the last register row
    (layout, not lines read); returns how many of those were left out."""
    data_numbers = [r.row for r in sheet_rows if r.skip is None]
    low = data_numbers[0] if data_numbers else None
    high = data_numbers[-1] if data_numbers else None
    blank_outside = 0
    for r in sheet_rows:
        if r.skip is SkipKind.BLANK and (low is None or r.row < low or r.row > high):  # type: ignore[operator]
            blank_outside += 1
        else:
            rows.append(r)
    return blank_outside


def _dup_reason(first: tuple[str, int], sheet: str) -> str:
    if first[0] == sheet:
        return t("Already given on row {row}", row=first[1])
    return t("Already given on sheet {sheet}, row {row}", sheet=first[0], row=first[1])


def _mark_existing(rows: list[RowResult], existing_codes: Callable[[Iterable[str]], set[str]], should_cancel: Callable[[], bool] | None) -> list[RowResult]:
    candidates = [i for i, r in enumerate(rows) if r.status is RowStatus.OK and r.key is not None]
    found: set[str] = set()
    for start in range(0, len(candidates), 2000):
        if should_cancel is not None and should_cancel():
            raise ImportCancelled(t("Import cancelled; nothing was changed"))
        chunk = [rows[i].key for i in candidates[start : start + 2000]]
        found |= set(existing_codes([k for k in chunk if k is not None]))
    if not found:
        return rows
    for i in candidates:
        if rows[i].key in found:
            rows[i] = replace(rows[i], status=RowStatus.EXISTING)
    return rows


def _check_volumes(rows: list[RowResult], known_volumes: Callable[[Iterable[str]], set[str]], mappings: list[ColumnMapping], readers: list[SheetReader]) -> list[RowResult]:
    by_sheet = {r.name: m for r, m in zip(readers, mappings, strict=True)}
    codes = {str(r.values["volume_code"]) for r in rows if r.status is RowStatus.OK and "volume_code" in r.values}
    known = set(known_volumes(sorted(codes))) if codes else set()
    for i, r in enumerate(rows):
        if r.status is RowStatus.OK and str(r.values.get("volume_code")) not in known:
            m = by_sheet[r.sheet]
            col = m.column_of("volume_code")
            assert col is not None  # noqa: S101 - narrows the type; the code guarantees it
            problem = CellProblem(r.sheet, r.row, column_letter(col), m.headers[col], str(r.values["volume_code"]), t("No volume with 档号 {code} in the catalogue", code=r.values["volume_code"]), "volume_code")
            rows[i] = replace(r, status=RowStatus.REJECTED, problems=(*r.problems, problem))
    return rows


def _summarise(rows: Sequence[RowResult], header_row: int, blank_outside: int) -> ImportSummary:
    counts = dict.fromkeys(RowStatus, 0)
    skips = dict.fromkeys(SkipKind, 0)
    problems = 0
    for r in rows:
        counts[r.status] += 1
        if r.skip is not None:
            skips[r.skip] += 1
        problems += len(r.problems)
    return ImportSummary(
        rows_read=len(rows),
        ok=counts[RowStatus.OK],
        rejected=counts[RowStatus.REJECTED],
        duplicate=counts[RowStatus.DUPLICATE],
        existing=counts[RowStatus.EXISTING],
        skipped=counts[RowStatus.SKIPPED],
        skipped_blank=skips[SkipKind.BLANK],
        skipped_total=skips[SkipKind.TOTAL],
        skipped_signature=skips[SkipKind.SIGNATURE],
        problems=problems,
        rows_above_data=header_row,
        blank_outside=blank_outside,
    )


def preview(path: str | Path, n: int = PREVIEW_ROWS, **options: object) -> ImportPlan:
    """The first ``n`` rows below the header, planned like :func:`plan_import` (same options):
    the wizard's first screen without planning the whole file. Duplicates and catalogue matches
    are judged among those rows only; ``complete`` is False."""
    return plan_import(path, limit=n, **options)  # type: ignore[arg-type]
