"""Find the header row and map columns to fields.

Registers start with title rows (a merged title, a 全宗号/编制单位 line) above the header row; the
header row is the first of the first :data:`HEADER_SCAN_ROWS` rows that names the most known
columns (at least two, one of them a key column such as 档号 or 题名), so nobody has to count rows.

Headers are compared after clean-up (full-width to half-width, no spaces or line breaks, a trailing
``:``/``*`` dropped); a header not known as written is tried again without a bracketed unit
(``页数（页）`` -> ``页数``). A field found in two columns is given to the first one; the second stays
unmapped and is listed by :meth:`ColumnMapping.unmapped` so the wizard can show it.

A :class:`ColumnMapping` belongs to one sheet (columns by position). To reuse a corrected mapping on
next year's file, save it as a :class:`MappingTemplate` (header text -> field) with a
:class:`MappingStore`; applying a template finds the header row again and maps by header text.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from archive_desk import atomic
from archive_desk.errors import UserError
from archive_desk.i18n import current_language, t
from archive_desk.importing.readers import SheetReader, column_letter
from archive_desk.importing.textnorm import compact

__all__ = [
    "FIELDS",
    "HEADER_SCAN_ROWS",
    "KINDS",
    "ColumnMapping",
    "MappingStore",
    "MappingTemplate",
    "apply_template",
    "detect_mapping",
    "field_label",
    "header_key",
    "required_fields",
]

KINDS = ("volumes", "items", "borrowers")
HEADER_SCAN_ROWS = 30

#: field -> usual headers, per kind. Keys are written as :func:`header_key` leaves them.
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "volumes": {
        "seq": ("序号", "顺序号"),
        "code": ("档号", "案卷档号", "档案号"),
        "title": ("题名", "案卷题名", "标题", "案卷标题", "题名与内容"),
        "year": ("年度", "年份", "归档年度"),
        "retention": ("保管期限", "期限"),
        "security": ("密级",),
        "date_range": ("起止日期", "起止时间", "日期", "日期范围", "起讫日期"),
        "start_date": ("起始日期", "开始日期", "起日期"),
        "end_date": ("终止日期", "截止日期", "结束日期", "止日期"),
        "pages": ("页数", "总页数"),
        "item_count": ("件数", "文件数", "卷内文件数"),
        "location": ("存放位置", "位置", "存放地点", "架位", "库位", "存址"),
        "responsible": ("责任者", "立卷人"),
        "notes": ("备注", "附注"),
        "fonds_code": ("全宗号",),
        "fonds_name": ("全宗名称", "全宗名", "立档单位名称", "立档单位"),
        "category_code": ("类别", "门类", "类别号", "门类代码", "类别代码", "分类号"),
        "box_no": ("盒号",),
        "claim_no": ("赔案号", "理赔案号", "报案号"),
        "policy_no": ("保单号", "保险单号"),
        "insured": ("被保险人",),
        "incident_date": ("出险日期", "出险时间"),
        "closing_date": ("结案日期", "结案时间"),
        "amount_paid": ("赔付金额", "赔款金额", "赔付金额(元)", "赔款"),
        "record_no": ("病案号", "住院号"),
        "patient": ("患者姓名", "病人姓名", "患者"),
        "discharge_date": ("出院日期", "出院时间"),
        "ward": ("科室", "出院科室", "病区"),
    },
    "items": {
        "seq": ("序号", "顺序号", "件号"),
        "volume_code": ("档号", "案卷档号", "所属档号", "案卷号"),
        "doc_no": ("文号", "文件编号", "发文字号", "文件号", "档号/文号"),
        "responsible": ("责任者",),
        "title": ("题名", "文件题名", "标题", "文件标题"),
        "date": ("日期", "文件日期", "成文日期", "时间", "形成日期"),
        "security": ("密级",),
        "pages": ("页数",),
        "page_range": ("页号", "页次", "起止页号"),
        "notes": ("备注", "附注"),
    },
    "borrowers": {
        "seq": ("序号",),
        "name": ("姓名", "借阅人", "借阅人姓名"),
        "unit": ("部门", "单位", "部门/单位", "单位/部门", "所在单位", "工作单位", "所在部门", "单位部门", "部门单位"),
        "phone": ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式"),
        "id_number": ("证件号码", "身份证号", "身份证号码", "证件号"),
        "card_no": ("工号", "借阅证号", "员工号", "借书证号", "员工编号"),
        "notes": ("备注",),
    },
}

_REQUIRED = {"volumes": ("code", "title"), "items": ("volume_code", "title"), "borrowers": ("name",)}
#: a header row must name at least one of these
_KEY_FIELDS = {"volumes": ("code", "title"), "items": ("volume_code", "title"), "borrowers": ("name",)}

FIELDS: dict[str, tuple[str, ...]] = {kind: tuple(aliases) for kind, aliases in _ALIASES.items()}
"""Fields a column can be mapped to, per kind (in the order the wizard lists them)."""


def required_fields(kind: str) -> tuple[str, ...]:
    return _REQUIRED[_check_kind(kind)]


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise UserError(t("Unknown kind of import: {kind}", kind=kind))
    return kind


def field_label(name: str) -> str:
    """The field's name for people (Chinese by default)."""
    return _labels(current_language()).get(name, name)


@cache
def _labels(language: str) -> dict[str, str]:  # noqa: ARG001 - the signature is fixed by its callers
    return {
        "seq": t("No."),
        "code": t("Archival code"),
        "title": t("Title"),
        "year": t("Year"),
        "retention": t("Retention"),
        "security": t("Security level"),
        "date_range": t("Date range"),
        "start_date": t("Start date"),
        "end_date": t("End date"),
        "pages": t("Pages"),
        "item_count": t("Items"),
        "location": t("Location"),
        "responsible": t("Responsible"),
        "notes": t("Notes"),
        "fonds_code": t("Fonds code"),
        "fonds_name": t("Fonds name"),
        "category_code": t("Category"),
        "box_no": t("Box no."),
        "claim_no": t("Claim no."),
        "policy_no": t("Policy no."),
        "insured": t("Insured"),
        "incident_date": t("Incident date"),
        "closing_date": t("Closing date"),
        "amount_paid": t("Amount paid"),
        "record_no": t("Medical record no."),
        "patient": t("Patient"),
        "discharge_date": t("Discharge date"),
        "ward": t("Ward"),
        "volume_code": t("Volume archival code"),
        "doc_no": t("Document no."),
        "date": t("Date"),
        "page_range": t("Page no."),
        "name": t("Name"),
        "unit": t("Unit / department"),
        "phone": t("Phone"),
        "id_number": t("ID number"),
        "card_no": t("Staff / card no."),
    }


_BRACKETS_RE = re.compile(r"[(\[【][^)\]】]*[)\]】]")


#: how templates of other archive systems mark a required column: ``档号*``, ``*档号``, ``档号!``,
#: ``档号（必填）``, ``档号[必填]``, ``题名(必填项)`` (``compact`` has made the brackets half-width)
_REQUIRED_MARK_RE = re.compile(r"(?:[(\[【](?:必填项?|必选|必输|必须|REQUIRED|\*)[)\]】]|[:*!])+$")


def header_key(text: object) -> str:
    """A header as compared: half-width, upper-case, no whitespace, no trailing ``:``, and no mark of
    a required column (``*`` before or after, ``!`` after, ``（必填）`` or ``[必填]`` after)."""
    if text is None:
        return ""
    key = compact(str(text)).lstrip("*")
    key = _REQUIRED_MARK_RE.sub("", key) or key
    return key.replace("／", "/")


def _lookup(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in _ALIASES[kind].items():
        for alias in aliases:
            table.setdefault(header_key(alias), name)
    return table


_LOOKUPS = {kind: _lookup(kind) for kind in KINDS}


def match_header(kind: str, header: object) -> str | None:
    """The field a header names for ``kind``, or ``None``. A header of a two-row heading, written
    ``group/sub`` (:func:`_combined_headers`), names what its sub-header names, else what the pair
    names together (起止日期/起 → start date)."""
    key = header_key(header)
    if not key:
        return None
    found = _match_key(kind, key)
    if found is None and "/" in key:
        group, _slash, sub = key.rpartition("/")
        found = _match_key(kind, sub) or _match_key(kind, group + sub)
        if found is None and _match_key(kind, group) == "date_range" and kind == "volumes":
            found = "start_date" if sub in _START_WORDS else "end_date" if sub in _END_WORDS else None
    return found


def _match_key(kind: str, key: str) -> str | None:
    table = _LOOKUPS[kind]
    found = table.get(key)
    if found is None and not _SCALED_RE.search(key):
        stripped = _BRACKETS_RE.sub("", key)
        if stripped != key:
            found = table.get(stripped)
    return found


#: a unit in brackets that scales the values (赔付金额（万元）): such a column is not taken as the
#: field's plain unit; the clerk maps it knowingly or leaves it out
_SCALED_RE = re.compile(r"[(\[【][^)\]】]*(?:[十百千万亿]+元|[‰%])[^)\]】]*[)\]】]")


#: sub-headers under a date-range heading (起止日期 over 起 | 止)
_START_WORDS = frozenset({"起", "始", "自", "从", "起始", "开始", "起日", "始日", "起始日期", "开始日期", "起日期"})
_END_WORDS = frozenset({"止", "终", "至", "讫", "终止", "结束", "截止", "止日", "终日", "终止日期", "结束日期", "截止日期", "止日期"})
_DIGITS_RE = re.compile(r"\d")


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _groups(upper: list[str], lower: list[str]) -> list[str]:
    """The group heading over each column of a heading's upper row, ``""`` for a column that stands
    alone. A group is a cell merged across columns (its value repeated in each) or written once with
    blanks after it (a CSV cannot merge), with a sub-header under each of its columns."""
    out = [""] * len(upper)
    i = 0
    while i < len(upper):
        j = i + 1
        if upper[i]:
            while j < len(upper) and upper[j] in ("", upper[i]):
                j += 1
            if j - i > 1 and all(sub and sub != upper[i] for sub in lower[i:j]):
                out[i:j] = [upper[i]] * (j - i)
        i = j
    return out


def _combined_headers(kind: str, upper_cells: list[object], lower_cells: list[object]) -> tuple[str, ...] | None:
    """The headers of a two-row heading, ``None`` when the lower row is not its second row.

    A second row holds sub-headers under group headings of the upper row (起止日期 over 起 | 止,
    数量 over 页数 | 件数), and elsewhere nothing or the upper row's own header (a cell merged down
    across both rows). The upper row must name at least two usual headers (a title line merged over
    the whole width is not a heading), and a sub-header is short text without digits (a data row has
    档号, years and dates)."""
    width = max(len(upper_cells), len(lower_cells))
    upper = [_text(c) for c in upper_cells] + [""] * (width - len(upper_cells))
    lower = [_text(c) for c in lower_cells] + [""] * (width - len(lower_cells))
    if _score(kind, upper)[0] < 2 or any(c is not None and not isinstance(c, str) for c in lower_cells):
        return None
    groups = _groups(upper, lower)
    headers: list[str] = []
    subs = 0
    for top, sub, group in zip(upper, lower, groups, strict=True):
        if not sub or sub == top:
            headers.append(top)
        elif group and len(sub) <= 12 and not _DIGITS_RE.search(sub) and group != sub:
            headers.append(sub if match_header(kind, sub) else f"{group}/{sub}")
            subs += 1
        else:
            return None
    return tuple(headers) if subs else None


@dataclass(frozen=True)
class ColumnMapping:
    """Which column of one sheet holds which field.

    ``headers[i]`` and ``fields[i]`` describe column ``i`` (0-based; ``A`` = 0); ``fields[i]`` is
    ``None`` for a column that is not imported. Data starts on the row after ``header_row``, the last
    row of the heading; a two-row heading (起止日期 over 起 | 止) has ``heading_rows == 2``.
    """

    kind: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    fields: tuple[str | None, ...]
    heading_rows: int = 1

    @property
    def first_header_row(self) -> int:
        """The first row of the heading: the row a person names as the header row."""
        return self.header_row - self.heading_rows + 1

    def column_of(self, name: str) -> int | None:
        try:
            return self.fields.index(name)
        except ValueError:
            return None

    def mapped(self) -> dict[str, int]:
        """field -> column, for mapped columns."""
        return {f: i for i, f in enumerate(self.fields) if f is not None}

    def unmapped(self) -> list[tuple[int, str]]:
        """Columns with a header but no field: (column, header)."""
        return [(i, h) for i, (h, f) in enumerate(zip(self.headers, self.fields, strict=True)) if h and f is None]

    def missing_required(self) -> list[str]:
        have = set(self.fields)
        return [name for name in _REQUIRED[self.kind] if name not in have]

    def with_field(self, column: int | str, name: str | None) -> ColumnMapping:
        """The mapping with ``column`` (index or letter) set to field ``name`` (``None`` = don't import);
        another column holding ``name`` is cleared, so a field is never mapped twice."""
        col = _column_index(column)
        if name is not None and name not in _ALIASES[self.kind]:
            raise UserError(t("{field} is not a field of this kind of import", field=name))
        fields = [None if (name is not None and f == name) else f for f in self.fields]
        headers = list(self.headers)
        while len(fields) <= col:
            fields.append(None)
            headers.append("")
        fields[col] = name
        return replace(self, fields=tuple(fields), headers=tuple(headers))

    def with_header_row(self, reader: SheetReader, header_row: int) -> ColumnMapping:
        """Map again from another header row the user picked: the first row of the heading, which
        takes the row under it too when that holds sub-headers."""
        return _mapping_from_row(self.kind, reader, header_row, look_above=False)

    def describe(self) -> list[tuple[str, str, str | None]]:
        """(column letter, header, field) for every column: what the wizard shows."""
        return [(column_letter(i), h, f) for i, (h, f) in enumerate(zip(self.headers, self.fields, strict=True))]

    def to_template(self, name: str) -> MappingTemplate:
        by_header: dict[str, str | None] = {}
        for h, f in zip(self.headers, self.fields, strict=True):
            key = header_key(h)
            if key and key not in by_header:
                by_header[key] = f
        return MappingTemplate(name=name, kind=self.kind, by_header=by_header, header_row=self.header_row)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "sheet": self.sheet, "header_row": self.header_row, "headers": list(self.headers),
                "fields": list(self.fields), "heading_rows": self.heading_rows}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ColumnMapping:
        return cls(
            kind=_check_kind(str(data["kind"])),
            sheet=str(data["sheet"]),
            header_row=int(data["header_row"]),  # type: ignore[call-overload]
            headers=tuple(str(h) for h in data["headers"]),  # type: ignore[attr-defined]
            fields=tuple(None if f is None else str(f) for f in data["fields"]),  # type: ignore[attr-defined]
            heading_rows=int(data.get("heading_rows", 1)),  # type: ignore[call-overload]
        )


def _column_index(column: int | str) -> int:
    if isinstance(column, int):
        return column
    n = 0
    for ch in column.strip().upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _score(kind: str, cells: Sequence[object]) -> tuple[int, bool]:
    found = {match_header(kind, c) for c in cells if isinstance(c, str)}
    found.discard(None)
    return len(found), any(k in found for k in _KEY_FIELDS[kind])


def find_header_row(kind: str, reader: SheetReader) -> int | None:
    """The 1-based header row, or ``None`` when no row in the first rows looks like a header."""
    best_row, best_score = None, 1
    for number, cells in reader.rows(stop=HEADER_SCAN_ROWS):
        score, has_key = _score(kind, cells)
        if has_key and score > best_score:
            best_row, best_score = number, score
    return best_row


def _heading(kind: str, reader: SheetReader, header_row: int, *, look_above: bool) -> tuple[int, int, tuple[str, ...]]:
    """(last row, number of rows, headers) of the heading at ``header_row``: the row itself, or a
    two-row heading it starts or (``look_above``) ends (:func:`_combined_headers`)."""
    rows = dict(reader.rows(stop=header_row + 1))
    above, cells, below = rows.get(header_row - 1), rows.get(header_row, []), rows.get(header_row + 1)
    if below is not None and (combined := _combined_headers(kind, cells, below)) is not None:
        return header_row + 1, 2, combined
    if look_above and above is not None and (combined := _combined_headers(kind, above, cells)) is not None:
        return header_row, 2, combined
    return header_row, 1, tuple(_text(c) for c in cells)


def _mapping_from_row(kind: str, reader: SheetReader, header_row: int, template: MappingTemplate | None = None,
                      *, look_above: bool = True) -> ColumnMapping:
    header_row, heading_rows, headers = _heading(kind, reader, header_row, look_above=look_above)
    fields: list[str | None] = []
    taken: set[str] = set()
    for h in headers:
        name: str | None
        key = header_key(h)
        if template is not None and key in template.by_header:
            name = template.by_header[key]
            if name is not None and name not in _ALIASES[kind]:
                name = None
        else:
            name = match_header(kind, h)
        if name is not None and name in taken:
            name = None
        if name is not None:
            taken.add(name)
        fields.append(name)
    return ColumnMapping(kind=kind, sheet=reader.name, header_row=header_row, headers=headers, fields=tuple(fields),
                         heading_rows=heading_rows)


def detect_mapping(reader: SheetReader, kind: str = "volumes", *, header_row: int | None = None) -> ColumnMapping:
    """Find the header row (unless given: then it is the first row of the heading) and map its columns
    from the usual Chinese headers."""
    _check_kind(kind)
    given = header_row is not None
    if header_row is None:
        header_row = find_header_row(kind, reader)
        if header_row is None:
            raise UserError(
                t("No header row found in sheet {sheet}: none of its first {n} rows names the usual columns (档号, 题名 …); choose the header row by hand", sheet=reader.name, n=HEADER_SCAN_ROWS),
                where=reader.name,
            )
    return _mapping_from_row(kind, reader, header_row, look_above=not given)


@dataclass(frozen=True)
class MappingTemplate:
    """A saved mapping: header text -> field (``None`` = don't import), reusable on other files."""

    name: str
    kind: str
    by_header: dict[str, str | None] = field(default_factory=dict)
    #: the header row of the file it was made from; used only when no header row is found
    header_row: int | None = None

    def to_json(self) -> str:
        return json.dumps(
            {"format": "archive-desk-import-mapping", "version": 1, "name": self.name, "kind": self.kind, "header_row": self.header_row, "by_header": self.by_header},
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> MappingTemplate:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != "archive-desk-import-mapping":
            raise ValueError("not a mapping file")
        by_header = {header_key(k): (None if v is None else str(v)) for k, v in dict(data.get("by_header", {})).items()}
        return cls(name=str(data["name"]), kind=_check_kind(str(data["kind"])), by_header=by_header, header_row=data.get("header_row"))


def apply_template(template: MappingTemplate, reader: SheetReader) -> ColumnMapping:
    """Map a sheet with a saved template: find its header row (the row naming the most of the
    template's headers, else the usual headers, else the template's row), then map by header text;
    headers the template does not know are mapped automatically."""
    known = set(template.by_header)
    best_row, best = None, 1
    for number, cells in reader.rows(stop=HEADER_SCAN_ROWS):
        score = len({header_key(c) for c in cells if isinstance(c, str)} & known)
        if score > best:
            best_row, best = number, score
    if best_row is None:
        best_row = find_header_row(template.kind, reader) or template.header_row
    if best_row is None:
        raise UserError(t("No header row found in sheet {sheet}: none of its first {n} rows names the usual columns (档号, 题名 …); choose the header row by hand", sheet=reader.name, n=HEADER_SCAN_ROWS))
    return _mapping_from_row(template.kind, reader, best_row, template)


_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class MappingStore:
    """Saved mappings, one JSON file per name, in a folder the caller chooses."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        clean = _UNSAFE_NAME.sub("_", name.strip()).strip(". ")
        if not clean:
            raise UserError(t("A mapping needs a name"))
        return self.folder / f"{clean}.json"

    def save(self, name: str, mapping: ColumnMapping | MappingTemplate) -> Path:
        template = mapping.to_template(name) if isinstance(mapping, ColumnMapping) else replace(mapping, name=name)
        path = self._path(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".mapping-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(template.to_json())
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            atomic.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def load(self, name: str) -> MappingTemplate:
        path = self._path(name)
        try:
            return MappingTemplate.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(t("There is no saved mapping called {name}", name=name)) from None
        except (ValueError, KeyError, TypeError, UserError):
            raise UserError(t("The saved mapping {name} is damaged; save it again", name=name)) from None

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        out = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                out.append(MappingTemplate.from_json(path.read_text(encoding="utf-8")).name)
            except (ValueError, KeyError, TypeError, OSError, UserError):
                continue
        return sorted(out)

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


def iter_aliases(kind: str) -> Iterable[tuple[str, tuple[str, ...]]]:
    """(field, usual headers) for documentation and the wizard's hints."""
    return _ALIASES[_check_kind(kind)].items()
