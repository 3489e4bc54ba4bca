"""Read only the first rows of an ``.xlsx`` sheet, for the wizard's first screen.

python-calamine loads a whole sheet before giving its first row (about 2 s of CPU for a
100,000-row register). For the preview this module streams the sheet XML with the standard
library's expat parser and stops after the rows it needs; only the shared strings those rows use are
read. Merged ranges live at the end of the sheet XML, so the rest of the part is decompressed and
searched for them without parsing (about 0.2 s for 100,000 rows).

Values are converted the way python-calamine converts them (so a preview shows what the full plan
will read): numbers as ``float``; numbers in a date format as ``date`` (whole days), ``datetime``,
or ``time`` (below one day); duration formats (``[h]:mm``) as ``timedelta``; booleans; shared and
inline strings; error cells as :class:`ErrorValue` and formulas without a saved result as
:class:`NoCachedValue`, like the full reader. ``tests/unit/test_import_readers.py`` compares the two
readers cell by cell. Anything unexpected raises, and the caller falls back to calamine.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zipfile
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import cast

from archive_desk.importing.cells import ErrorValue, NoCachedValue

__all__ = ["XlsxHead", "read_xlsx_head"]

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHUNK = 1 << 16
_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\"")
_REF_RE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")
# builtin number formats that are dates/times (including the CJK ones, as python-calamine reads them)
_BUILTIN_DATE = frozenset([*range(14, 23), *range(27, 37), 45, 47, *range(50, 59), *range(71, 82)])
_BUILTIN_DURATION = frozenset([46])
_MS_PER_DAY = 86_400_000
# a parsed cell's fields by position (kept as a list while it is filled in): row, col, type, value text, style,
# has formula, has value, formula text
_Cell = tuple[int, int, str | None, str, int, bool, bool, str]


class _Stop(Exception):  # noqa: N818 - not an error: a public name others import
    """Enough rows (or strings) read."""


@dataclass
class XlsxHead:
    rows: list[list[object]]  # rows[0] is sheet row 1
    merged: list[tuple[int, int, int, int]]  # first_row, first_col, last_row, last_col (rows 1-based, cols 0-based)
    n_rows: int | None  # from the sheet's <dimension>, when it has one


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _number_format_kind(code: str) -> str | None:
    """``"date"``, ``"duration"`` or ``None`` for a custom number format (first section only)."""
    escaped = quoted = False
    brackets = 0
    prev = ""
    elapsed = False
    am_pm = False
    for ch in code:
        if escaped:
            escaped = False
        elif ch in "_\\*":
            escaped = True
        elif quoted:
            if ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == ";":
            return None
        elif ch == "[":
            brackets += 1
        elif ch == "]":
            if brackets == 1 and elapsed:
                return "duration"
            brackets = max(brackets - 1, 0)
        elif brackets == 0 and not am_pm and ch in "aA":
            am_pm = True
        elif brackets == 0 and am_pm and ch in "pmPM/":
            return "date"
        elif brackets == 0 and not am_pm and ch in "dmhysDMHYS":
            return "date"
        elif not (elapsed and ch.lower() == prev.lower()):
            elapsed = prev == "[" and ch in "mhsMHS"
        prev = ch
    return None


def _style_kinds(zf: zipfile.ZipFile) -> list[str | None]:
    try:
        root = ET.fromstring(zf.read("xl/styles.xml"))  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
    except KeyError:
        return []
    custom: dict[int, str] = {}
    for fmt in root.iter(f"{{{_NS}}}numFmt"):
        custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    kinds: list[str | None] = []
    xfs = root.find(f"{{{_NS}}}cellXfs")
    for xf in xfs if xfs is not None else ():
        fid = int(xf.get("numFmtId", "0"))
        if fid in custom:
            kinds.append(_number_format_kind(custom[fid]))
        elif fid in _BUILTIN_DATE:
            kinds.append("date")
        elif fid in _BUILTIN_DURATION:
            kinds.append("duration")
        else:
            kinds.append(None)
    return kinds


def _sheet_part(zf: zipfile.ZipFile, sheet_name: str) -> tuple[str, bool]:
    workbook = ET.fromstring(zf.read("xl/workbook.xml"))  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
    pr = workbook.find(f"{{{_NS}}}workbookPr")
    is_1904 = pr is not None and pr.get("date1904", "false").lower() in ("1", "true")
    rid = next((s.get(f"{{{_REL}}}id") for s in workbook.iter(f"{{{_NS}}}sheet") if s.get("name") == sheet_name), None)
    if rid is None:
        raise KeyError(sheet_name)
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
    target = next(r.get("Target", "") for r in rels if r.get("Id") == rid)
    part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
    return part, is_1904


def _excel_datetime(x: float, is_1904: bool) -> object:
    """As python-calamine converts a serial number in a date format."""
    ms = round(x * _MS_PER_DAY)
    if x < 1:
        t = timedelta(milliseconds=ms % _MS_PER_DAY)
        return (datetime.min + t).time()
    if is_1904:
        base = datetime(1904, 1, 1)
    elif x < 60:
        base = datetime(1899, 12, 31)
    else:
        base = datetime(1899, 12, 30)
    try:
        value = base + timedelta(milliseconds=ms)
    except OverflowError:
        return x
    if value.year > 9999 or (is_1904 and value > datetime(9999, 12, 31, 23, 59, 59)):
        return x
    if ms % _MS_PER_DAY == 0:
        return value.date()
    return value


def _shared_strings(zf: zipfile.ZipFile, needed: int) -> list[str]:
    """The first ``needed + 1`` shared strings (rich-text runs joined, phonetic runs left out)."""
    strings: list[str] = []
    if needed < 0:
        return strings
    try:
        fh = zf.open("xl/sharedStrings.xml")
    except KeyError:
        return strings
    state = {"in_si": False, "in_t": False, "rph": 0, "parts": []}

    def start(name: str, attrs: dict[str, str]) -> None:  # noqa: ARG001 - the signature is fixed by its callers
        local = _local(name)
        if local == "si":
            state["in_si"], state["parts"] = True, []
        elif local == "rPh":
            state["rph"] += 1  # type: ignore[operator]
        elif local == "t" and state["in_si"] and not state["rph"]:
            state["in_t"] = True

    def end(name: str) -> None:
        local = _local(name)
        if local == "t":
            state["in_t"] = False
        elif local == "rPh":
            state["rph"] -= 1  # type: ignore[operator]
        elif local == "si":
            strings.append("".join(state["parts"]))  # type: ignore[arg-type]
            state["in_si"] = False
            if len(strings) > needed:
                raise _Stop

    def chars(data: str) -> None:
        if state["in_t"]:
            state["parts"].append(data)  # type: ignore[attr-defined]

    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    with fh:
        try:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _Stop:
            pass
    return strings


def read_xlsx_head(path: Path, sheet_name: str, stop: int) -> XlsxHead:
    """Rows 1 .. ``stop`` of the sheet, values converted as python-calamine converts them."""

    with zipfile.ZipFile(path) as zf:
        part, is_1904 = _sheet_part(zf, sheet_name)
        kinds = _style_kinds(zf)
        # one list per cell: row, col, type, value text, style, has formula, has value, formula text
        cells: list[list[object]] = []
        merged: list[tuple[int, int, int, int]] = []
        pos = {"row": 0, "col": -1}
        dims: list[int] = []
        cell: list[object] | None = None
        collecting: str | None = None  # "v", "f" or "t" (inline string text)
        in_inline = False
        phonetic = 0
        buf: list[str] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal cell, collecting, in_inline, phonetic
            local = _local(name)
            if local == "c":
                ref = attrs.get("r")
                if ref:
                    m = _REF_RE.fullmatch(ref)
                    if m is None:
                        raise ValueError(f"bad cell reference {ref!r}")
                    pos["col"] = _col_index(m.group(1))
                else:
                    pos["col"] += 1
                cell = [pos["row"], pos["col"], attrs.get("t"), "", int(attrs.get("s", "0")), False, False, ""]
            elif local == "row":
                r = attrs.get("r")
                row = int(r) if r else pos["row"] + 1
                if row > stop:
                    raise _Stop
                pos["row"], pos["col"] = row, -1
            elif cell is not None:
                if local in ("v", "f"):
                    collecting = local
                    cell[5 if local == "f" else 6] = True
                    buf.clear()
                elif local == "is":
                    in_inline = True
                    cell[6] = True
                    buf.clear()
                elif local == "rPh":
                    phonetic += 1
                elif local == "t" and in_inline and not phonetic:
                    collecting = "t"
            elif local == "dimension":
                m = re.fullmatch(r"\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?(\d+)", attrs.get("ref", ""))
                if m:
                    dims.append(int(m.group(1)))
            elif local == "mergeCell":
                merge = _MERGE_RE.match(f'<mergeCell ref="{attrs.get("ref", "")}"'.encode())
                if merge:
                    merged.append(_merge_range(merge))

        def end(name: str) -> None:
            nonlocal cell, collecting, in_inline, phonetic
            if cell is None:
                return
            local = _local(name)
            if local == "v":
                cell[3] = "".join(buf)
                collecting = None
            elif local == "f":
                cell[7] = "".join(buf)
                collecting = None
            elif local == "t" and collecting == "t":
                collecting = None
            elif local == "rPh":
                phonetic -= 1
            elif local == "is":
                cell[3] = "".join(buf)
                in_inline = False
            elif local == "c":
                cells.append(cell)
                cell = None

        def chars(data: str) -> None:
            if collecting is not None:
                buf.append(data)

        parser = xml.parsers.expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        with zf.open(part) as fh:
            stopped = False
            tail = b""
            while chunk := fh.read(_CHUNK if not stopped else 1 << 20):
                if not stopped:
                    try:
                        parser.Parse(chunk, False)
                        continue
                    except _Stop:
                        stopped = True
                # past the rows we want: the merged ranges at the end are all we still need
                window = tail + chunk
                if b"mergeCell" in window:
                    merged.extend(_merge_range(m) for m in _MERGE_RE.finditer(window))
                tail = window[-512:]
            if not stopped:
                parser.Parse(b"", True)
        merged = list(dict.fromkeys(merged))
        max_sst = max((int(str(c[3])) for c in cells if c[2] == "s" and c[6]), default=-1)
        sst = _shared_strings(zf, max_sst)

    rows = _rows(cells, stop, kinds, sst, is_1904)
    return XlsxHead(rows, merged, dims[0] if dims else None)


def _rows(cells: list[list[object]], stop: int, kinds: list[str | None], sst: list[str], is_1904: bool) -> list[list[object]]:
    """The parsed cells as rows of values, converted as python-calamine converts them."""
    last_row = min(stop, max((int(str(c[0])) for c in cells), default=0))
    rows: list[list[object]] = [[] for _ in range(last_row)]
    for row, col, kind, text, style, has_f, has_v, formula in cast(list[_Cell], cells):
        value: object
        if kind == "e":
            value = ErrorValue((text or "#N/A").strip())
        elif has_f and (not has_v or (not text and kind != "str")):  # as readers._xlsx_flagged_cells
            value = NoCachedValue(formula.strip())
        elif not has_v:
            continue
        elif kind == "s":
            value = sst[int(text)]
        elif kind in ("str", "inlineStr"):
            value = text
        elif kind == "b":
            value = text.strip() in ("1", "true")
        elif kind == "d":
            value = datetime.fromisoformat(text.strip())
            if value.time() == time():
                value = value.date()
        else:
            x = float(text)
            fmt = kinds[style] if style < len(kinds) else None
            if fmt == "date":
                value = _excel_datetime(x, is_1904)
            elif fmt == "duration":
                value = timedelta(milliseconds=round(x * _MS_PER_DAY))
            else:
                value = x
        if value == "":
            continue
        target = rows[row - 1]
        if col >= len(target):
            target.extend([None] * (col + 1 - len(target)))
        target[col] = value
    return rows


def _merge_range(m: re.Match[bytes]) -> tuple[int, int, int, int]:
    c0, r0 = _col_index(m.group(1).decode()), int(m.group(2))
    if m.group(3):
        c1, r1 = _col_index(m.group(3).decode()), int(m.group(4))
    else:
        c1, r1 = c0, r0
    return r0, c0, r1, c1

