"""Read spreadsheets: ``.xlsx``/``.xlsm``, ``.xls``, ``.ods`` (python-calamine) and ``.csv``.

Rows come out as ``(row_number, cells)``: ``row_number`` is the 1-based row number the user sees in
Excel/WPS, ``cells`` a list indexed by 0-based column (``A`` = 0), with ``None`` for empty cells.
Cell values are ``str``, ``float``/``int`` (calamine returns ``2019.0`` for an integer in ``.xlsx``),
``bool``, ``date``/``datetime``/``time``, or one of two markers the planner reports as problems:

- :class:`NoCachedValue`: a formula whose result was never saved (files written by programs, not by
  Excel); its value is not guessed.
- :class:`ErrorValue`: a cell that shows an error such as ``#N/A`` or ``#REF!``.

Merged cells: the value of a merged range is applied to every cell it covers (calamine gives the
ranges for ``.xlsx`` and ``.xls``; for ``.ods`` they are read from ``content.xml``). A CSV file
cannot hold merged cells.

Formulas: the cached value is used. Only ``.xlsx`` files are scanned for formulas without a cached
value and for error cells (a quick byte scan first; the XML is parsed only when formulas or errors
are present). ``.xls`` always stores formula results; error cells in ``.xls``/``.ods`` read as empty.

CSV: UTF-8 with or without BOM, else GB18030 (a superset of GBK, what Chinese Excel saves);
the delimiter is ``,`` unless the first line holds tabs and no commas (then tab). Excel's
``="00123"`` text-forcing idiom is unwrapped.

File problems raise :class:`ImportFileError` (a ``UserError``) naming the file.
"""

from __future__ import annotations

import csv
import io
import re
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TypedDict

import python_calamine

from archive_desk.errors import UserError
from archive_desk.i18n import t
from archive_desk.importing.cells import ErrorValue, NoCachedValue

__all__ = [
    "CellRange",
    "ErrorValue",
    "ImportFileError",
    "NoCachedValue",
    "SheetInfo",
    "SUPPORTED_SUFFIXES",
    "SheetReader",
    "Spreadsheet",
    "column_letter",
    "list_sheets",
    "open_spreadsheet",
]

#: for the file dialog's filter (the content decides the format, not the name)
SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


class ImportFileError(UserError):
    """The file cannot be read as a spreadsheet (missing, locked, damaged, not a spreadsheet, empty)."""


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    index: int
    visible: bool = True


@dataclass(frozen=True, slots=True)
class CellRange:
    """A merged range: rows 1-based, columns 0-based, both ends included."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


def column_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cell_ref(ref: str) -> tuple[int, int] | None:
    """``K130`` -> (130, 10)."""
    m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", ref)
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + (ord(ch) - 64)
    return int(m.group(2)), col - 1


# ------------------------------------------------------------------------------------------- errors


def _file_error(path: Path, exc: BaseException | None = None) -> ImportFileError:
    name = path.name
    if isinstance(exc, FileNotFoundError) or (exc is None and not path.exists()):
        return ImportFileError(t("File {name} does not exist", name=name), where=str(path))
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return ImportFileError(t("{name} is a folder, not a spreadsheet file", name=name), where=str(path))
    if isinstance(exc, PermissionError):
        return ImportFileError(
            t("File {name} cannot be opened: it may be open in another program (Excel, WPS) or you lack permission to read it; close it and try again", name=name),
            where=str(path),
        )
    return ImportFileError(t("File {name} cannot be read: {reason}", name=name, reason=str(exc) if exc else "?"), where=str(path))


def _not_a_spreadsheet(path: Path, detail: str = "") -> ImportFileError:
    message = t("File {name} is not a spreadsheet this program can read (.xlsx, .xls, .ods or .csv)", name=path.name)
    if detail:
        message = f"{message} ({detail})"
    return ImportFileError(message, where=str(path))


# ------------------------------------------------------------------------------------------ sniffing


def _sniff(path: Path) -> str:
    """``xlsx``, ``ods``, ``xls`` or ``csv`` by content (the extension may lie: WPS and web systems
    often save an ``.xlsx`` or an HTML table under ``.xls``)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise _file_error(path, exc) from exc
    if not head:
        raise ImportFileError(t("File {name} is empty", name=path.name), where=str(path))
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype"):
                    return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "xl/workbook.bin" in names:
                    return "xlsb"
        except (zipfile.BadZipFile, OSError) as exc:
            raise _not_a_spreadsheet(path, t("damaged zip archive")) from exc
        raise _not_a_spreadsheet(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"  # OLE2: Excel 97-2003, or an encrypted .xlsx (calamine tells)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        raise ImportFileError(
            t("File {name} is a web page or XML file saved with a spreadsheet name; open it in Excel or WPS and save it as .xlsx", name=path.name),
            where=str(path),
        )
    if b"\x00" in head:
        raise _not_a_spreadsheet(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return "csv"
    raise _not_a_spreadsheet(path)


# ------------------------------------------------------------------------------------------- limits

#: What an import reads and holds, so that no file - a register too big for one import, a damaged file or
#: one built to exhaust memory (a "zip bomb": 4.7 MB on disk, 1 GB of sheet XML) - takes the process past
#: about 600 MB. A 100,000-row register (72 MB of sheet XML, 2.7 M cells) stays well inside each.
#: Rows of one file (measured with benchmarks/bench_import: 100,000 rows, 72 MB of sheet XML, imported at a
#: peak of 336 MB; 147,700 rows, 107 MB, at 457 MB)
MAX_ROWS = 150_000
#: Unpacked size of the XML parts of an .xlsx/.ods (sheets, shared strings): checked before anything is
#: unpacked, from the sizes the archive declares (python-calamine and zipfile both stop a part that
#: inflates past its declared size). The text of the cells is held about twice over while planning, so
#: rows of long text are bounded here rather than by MAX_ROWS
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
#: Cells of one sheet as python-calamine holds it: a rectangle from its first to its last cell, 32 bytes
#: each (a tiny file with one cell at A1 and one at XFD100000 asked for 52 GB)
MAX_CELLS = 8_000_000
#: Size of a CSV file (read whole, then split into cells) and of an Excel 97-2003 file (not compressed)
MAX_PLAIN_FILE_BYTES = 48 * 1024 * 1024
#: parts of a zipped workbook that are never unpacked by an import (pictures, embedded objects)
_UNREAD_PARTS = re.compile(r"(?:^|/)(?:media|embeddings|Pictures|Thumbnails|printerSettings)/|\.(?:png|jpe?g|gif|bmp|emf|wmf|tiff?|bin)$", re.I)


def _too_big(path: Path, detail: str) -> ImportFileError:
    return ImportFileError(
        t("File {name} is too big for one import ({detail}). Split the register into several files (a year or a few "
          "thousand volumes each) and import them one by one; a damaged file can also look like this",
          name=path.name, detail=detail),
        where=str(path),
    )


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _check_zip(path: Path) -> None:
    """Refuse a zipped workbook whose parts would unpack to more than :data:`MAX_UNPACKED_BYTES`
    (read from the archive's directory: nothing is unpacked)."""
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(i.file_size for i in zf.infolist() if not _UNREAD_PARTS.search(i.filename))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _not_a_spreadsheet(path, t("damaged zip archive")) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _too_big(path, t("its sheets unpack to {size}; at most {limit} are read", size=_mb(unpacked),
                               limit=_mb(MAX_UNPACKED_BYTES)))


def _check_rows(path: Path, sheet: str, n_rows: int) -> None:
    if n_rows > MAX_ROWS:
        raise _too_big(path, t("sheet {sheet} has {rows} rows; at most {limit} are read at once", sheet=sheet,
                               rows=f"{n_rows:,}", limit=f"{MAX_ROWS:,}"))


# ---------------------------------------------------------------------------------------- .xlsx scan

_XLSX_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsx_sheet_member(zf: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the worksheet called ``sheet_name``."""
    import xml.etree.ElementTree as ET

    workbook = ET.fromstring(zf.read("xl/workbook.xml"))  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
    rid = None
    for sheet in workbook.iter(f"{{{_XLSX_NS}}}sheet"):
        if sheet.get("name") == sheet_name:
            rid = sheet.get(f"{{{_REL_NS}}}id")
            break
    if rid is None:
        return None
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    return None


#: in one pass over a sheet's XML, cells that may stretch the rectangle python-calamine allocates: a
#: column of two or three letters (AA on) with its row, a row of six digits or more (100000 on), or a cell
#: without a reference (placed by counting). Other cells lie within A1:Z99999.
_FAR_CELL_RE = re.compile(rb'<c(?: r="(?:([A-Z]{2,3})(\d+)"|[A-Z](\d{6,})")|/?>|\s+(?!r=))')
_CELL_REF_RE = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_NEAR_ROWS, _NEAR_COLS = 99_999, 26


def _far_rows(body: bytes) -> Iterator[int | None]:
    """Rows of 100000 on; ``None`` for a cell past column Z or without a reference."""
    for wide, _wide_row, far_row in _FAR_CELL_RE.findall(body):
        yield None if wide or not far_row else int(far_row)


def _letters_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _xlsx_scan(path: Path, sheet_name: str) -> dict[tuple[int, int], object]:
    """Before python-calamine loads a sheet: refuse one whose cells span more than :data:`MAX_CELLS`
    (or :data:`MAX_ROWS` rows), and return the cells calamine reads as empty although they are not:
    formulas without a saved result (:class:`NoCachedValue`) and error cells (:class:`ErrorValue`).
    Keys: (row 1-based, col 0-based). One pass over the XML; a second only for an unusual sheet."""
    try:
        with zipfile.ZipFile(path) as zf:
            member = _xlsx_sheet_member(zf, sheet_name)
            if member is None or member not in zf.namelist():
                return {}
            flagged_found = False
            max_col = max_row = 0  # of the cells outside A1:Z99999
            exact = False  # a cell without a reference, or columns past Z: measure the whole sheet
            tail = b""
            with zf.open(member) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    window = tail + chunk
                    # a tag cut in two by the chunk goes whole into the next window
                    cut = window.rfind(b"<") if chunk else len(window)
                    body, tail = (window[:cut], window[cut:]) if cut > 0 else (window, b"")
                    if not flagged_found and (b"<f" in body or b't="e"' in body):
                        flagged_found = True
                    if not exact:
                        for far_row in _far_rows(body):
                            if far_row is None:
                                exact = True  # columns past Z or cells placed by counting
                                break
                            max_row = max(max_row, far_row)
                    if not chunk:
                        break
            if exact:
                max_row, max_col = _xlsx_extent(zf, member)
            else:
                max_row, max_col = max(max_row, _NEAR_ROWS), _NEAR_COLS
            if max_row * max_col > MAX_CELLS:
                raise _too_big(path, t("sheet {sheet} spans {cells} cells; at most {limit} are read", sheet=sheet_name,
                                       cells=f"{max_row * max_col:,}", limit=f"{MAX_CELLS:,}"))
            if max_row > _NEAR_ROWS:
                _check_rows(path, sheet_name, max_row)
            if not flagged_found:
                return {}
            with zf.open(member) as fh:
                return _parse_xlsx_cells(fh)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, SyntaxError, xml.parsers.expat.ExpatError):
        return {}  # calamine reads the file or says what is wrong; this extra scan is best effort


def _xlsx_extent(zf: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """(last row, last column) a sheet's cells reach, as python-calamine places them: by their reference,
    else after the cell before (a row without a number follows the row before)."""
    with zf.open(member) as fh:
        head = fh.read(1 << 20)
    with zf.open(member) as fh:
        if b"<c>" not in head and b"<c/>" not in head and not re.search(rb"<c\s+(?!r=)", head):
            # references throughout (columns past Z): the references alone
            max_row = max_col = 0
            tail = b""
            while chunk := fh.read(1 << 20):
                window = tail + chunk
                cut = window.rfind(b"<c ")
                body, tail = (window[:cut], window[cut:]) if cut > 0 else (window, b"")
                for letters, digits in _CELL_REF_RE.findall(body):
                    max_col = max(max_col, _letters_index(letters))
                    max_row = max(max_row, int(digits))
            for letters, digits in _CELL_REF_RE.findall(tail):
                max_col = max(max_col, _letters_index(letters))
                max_row = max(max_row, int(digits))
            return max_row, max_col
        return _xlsx_extent_counted(fh)


def _xlsx_extent_counted(fh: IO[bytes]) -> tuple[int, int]:
    state = {"row": 0, "col": 0, "max_row": 0, "max_col": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        if local == "row":
            r = attrs.get("r")
            state["row"] = int(r) if r and r.isdigit() else state["row"] + 1
            state["col"] = 0
        elif local == "c":
            ref = _cell_ref(attrs["r"]) if "r" in attrs else None
            if ref is None:
                state["col"] += 1
                row = state["row"]
            else:
                row, state["col"] = ref[0], ref[1] + 1
            state["max_row"] = max(state["max_row"], row)
            state["max_col"] = max(state["max_col"], state["col"])

    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = start
    parser.ParseFile(fh)
    return state["max_row"], state["max_col"]


class _XlsxCellState(TypedDict):
    """Where the parser is in a worksheet part, and what it has read of the current cell."""

    row: int
    col: int
    ref: tuple[int, int] | None
    t: str | None  # the cell's type attribute
    f: str | None  # its formula text, when it has one
    v: str | None  # its value text, when it has one
    text: str | None  # "f" or "v": where the characters being read go


def _parse_xlsx_cells(fh: IO[bytes]) -> dict[tuple[int, int], object]:
    flagged: dict[tuple[int, int], object] = {}
    state: _XlsxCellState = {"row": 0, "col": -1, "ref": None, "t": None, "f": None, "v": None, "text": None}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1] if ":" in name else name
        if local == "row":
            r = attrs.get("r")
            state["row"] = int(r) if r else state["row"] + 1
            state["col"] = -1
        elif local == "c":
            ref = _cell_ref(attrs["r"]) if "r" in attrs else None
            if ref is None:
                state["col"] += 1
                ref = (state["row"], state["col"])
            else:
                state["col"] = ref[1]
            state["ref"], state["t"], state["f"], state["v"] = ref, attrs.get("t"), None, None
        elif local == "f" and state["ref"] is not None:
            state["f"] = ""
            state["text"] = "f"
        elif local == "v" and state["ref"] is not None:
            state["v"] = ""
            state["text"] = "v"

    def chars(data: str) -> None:
        which = state["text"]
        if which == "f":
            state["f"] = (state["f"] or "") + data
        elif which == "v":
            state["v"] = (state["v"] or "") + data

    def end(name: str) -> None:
        local = name.rsplit(":", 1)[-1] if ":" in name else name
        if local in ("f", "v"):
            state["text"] = None
        elif local == "c" and (ref := state["ref"]) is not None:
            value, formula = state["v"], state["f"]
            if state["t"] == "e":
                flagged[ref] = ErrorValue((value or "#N/A").strip())
            elif formula is not None and (value is None or (not value and state["t"] != "str")):
                # no result saved (openpyxl writes <v/>); an empty <v/> of a text formula (t="str", as Excel and
                # LibreOffice save =IF(…,"厚","")) is a saved result: the empty text
                flagged[ref] = NoCachedValue(formula.strip())
            state["ref"] = None

    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.ParseFile(fh)
    return flagged


# ------------------------------------------------------------------------------------- .ods extent

#: a run of repeated rows or cells: how an .ods writes blank stretches, and how a 1 KB file can ask
#: python-calamine for 99 M cells (3.2 GB, then an abort)
_ODS_LONG_REPEAT_RE = re.compile(rb'number-(?:rows|columns)-repeated="\d{3,}"')
_ODS_TAG_RE = re.compile(rb"<table:(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(/?)>|</table:(table-row|table)>")
_ODS_ROWS_RE = re.compile(rb'number-rows-repeated="(\d+)"')
_ODS_COLS_RE = re.compile(rb'number-columns-repeated="(\d+)"')


def _ods_scan(path: Path) -> None:
    """Refuse an .ods whose sheets span more than :data:`MAX_CELLS` cells, counting repeated rows and
    cells that hold a value (a blank run at the end of a row or sheet is no cell). Only files with a
    long run (100 or more) are measured: without one, a sheet's cells are bounded by the XML's size."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            tail = b""
            found = False
            while chunk := fh.read(1 << 20):
                if _ODS_LONG_REPEAT_RE.search(tail + chunk):
                    found = True
                    break
                tail = chunk[-40:]
            if not found:
                return
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            worst = _ods_extent(fh)
    except (zipfile.BadZipFile, KeyError, OSError):
        return  # python-calamine says what is wrong with the file
    if worst > MAX_CELLS:
        raise _too_big(path, t("its sheets span {cells} cells; at most {limit} are read", cells=f"{worst:,}", limit=f"{MAX_CELLS:,}"))


def _ods_extent(fh: IO[bytes]) -> int:
    """The largest sheet's rectangle (last row with a value × last column with a value), in cells."""
    worst = 0
    rows = last_row = width = 0  # of the current sheet
    repeat = 1  # of the current row
    col = row_last_col = 0
    tail = b""
    while True:
        chunk = fh.read(1 << 20)
        window = tail + chunk
        cut = window.rfind(b"<") if chunk else len(window)
        body, tail = (window[:cut], window[cut:]) if cut > 0 else (window, b"")
        for m in _ODS_TAG_RE.finditer(body):
            name, attrs, closed, end = m.groups()
            if end == b"table" or name == b"table":
                worst = max(worst, last_row * width)
                rows = last_row = width = 0
            elif name == b"table-row":
                found = _ODS_ROWS_RE.search(attrs)
                repeat = int(found.group(1)) if found else 1
                col = row_last_col = 0
                if closed:
                    rows += repeat
            elif end == b"table-row":
                if row_last_col:
                    last_row = rows + repeat
                    width = max(width, row_last_col)
                rows += repeat
            elif name is not None:  # a cell
                found = _ODS_COLS_RE.search(attrs)
                col += int(found.group(1)) if found else 1
                if b"value-type" in attrs:
                    row_last_col = col
        if not chunk:
            break
    return max(worst, last_row * width)


# ----------------------------------------------------------------------- .ods merges and error cells

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_CALCEXT_NS = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def _ods_marks(path: Path, sheet_name: str) -> tuple[list[CellRange], dict[tuple[int, int], object]]:
    """Merged ranges and error cells (``#DIV/0!``: calamine reads them as empty) of one sheet of an
    ``.ods``. The file is parsed only when it holds either."""
    try:
        with zipfile.ZipFile(path) as zf:
            with zf.open("content.xml") as fh:
                found = False
                tail = b""
                while chunk := fh.read(1 << 20):
                    window = tail + chunk
                    if b"-spanned" in window or b'value-type="error"' in window:
                        found = True
                        break
                    tail = window[-32:]
            if not found:
                return [], {}
            with zf.open("content.xml") as fh:
                return _parse_ods_marks(fh, sheet_name)
    except (zipfile.BadZipFile, KeyError, OSError, xml.parsers.expat.ExpatError):
        return [], {}


# where the parser is in an .ods content.xml ("in" the wanted sheet, "done" once past it), and the error cell
# it is reading the text of ("in" is a keyword, hence the call form)
_OdsMarksState = TypedDict("_OdsMarksState", {"in": bool, "done": bool, "row": int, "col": int, "row_repeat": int,
                                              "error": tuple[int, int] | None, "text": str})


def _parse_ods_marks(fh: IO[bytes], sheet_name: str) -> tuple[list[CellRange], dict[tuple[int, int], object]]:
    ranges: list[CellRange] = []
    errors: dict[tuple[int, int], object] = {}
    sep = "\x1f"
    table = f"{_TABLE_NS}{sep}"
    error_type = f"{_CALCEXT_NS}{sep}value-type"
    state: _OdsMarksState = {"in": False, "done": False, "row": 0, "col": 0, "row_repeat": 1, "error": None, "text": ""}

    def start(name: str, attrs: dict[str, str]) -> None:
        if state["done"]:
            return
        if name == table + "table":
            state["in"] = attrs.get(table + "name") == sheet_name
            state["row"] = 0
            return
        if not state["in"]:
            return
        if name == table + "table-row":
            state["row"] += 1
            state["col"] = 0
            state["row_repeat"] = int(attrs.get(table + "number-rows-repeated", "1"))
        elif name in (table + "table-cell", table + "covered-table-cell"):
            rows = int(attrs.get(table + "number-rows-spanned", "1"))
            cols = int(attrs.get(table + "number-columns-spanned", "1"))
            r, c = state["row"], state["col"]
            if name == table + "table-cell" and (rows > 1 or cols > 1):
                ranges.append(CellRange(r, c, r + rows - 1, c + cols - 1))
            if attrs.get(error_type) == "error":
                state["error"], state["text"] = (r, c), ""
            state["col"] += int(attrs.get(table + "number-columns-repeated", "1"))

    def chars(data: str) -> None:
        if state["error"] is not None:
            state["text"] += data

    def end(name: str) -> None:
        if name == table + "table" and state["in"]:
            state["in"] = False
            state["done"] = True
        elif name == table + "table-row" and state["in"]:
            state["row"] += state["row_repeat"] - 1
        elif name == table + "table-cell" and (error := state["error"]) is not None:
            errors[error] = ErrorValue(state["text"].strip() or "#N/A")
            state["error"] = None

    parser = xml.parsers.expat.ParserCreate(namespace_separator=sep)
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.ParseFile(fh)
    return ranges, errors


# -------------------------------------------------------------------------------- .xls error cells


def _xls_error_cells(path: Path, sheet_name: str) -> dict[tuple[int, int], object]:
    """Error cells (``#DIV/0!``, ``#N/A`` …) of one sheet of an Excel 97-2003 file: calamine reads them
    as empty, which would let a broken 页数 pass as none. Read with xlrd, which keeps the cell type;
    a file xlrd cannot read (calamine may still) gives none."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, logfile=_NullLog())
        try:
            sheet = book.sheet_by_name(sheet_name)
            found: dict[tuple[int, int], object] = {}
            for r in range(sheet.nrows):
                types = sheet.row_types(r)
                if xlrd.XL_CELL_ERROR in types:
                    for c, kind in enumerate(types):
                        if kind == xlrd.XL_CELL_ERROR:
                            code = sheet.cell_value(r, c)
                            found[(r + 1, c)] = ErrorValue(xlrd.error_text_from_code.get(code, "#N/A"))
            return found
        finally:
            book.release_resources()
    except Exception:  # noqa: BLE001 - an unusual file: calamine reads it or says what is wrong
        return {}


class _NullLog:
    def write(self, _text: str) -> None:
        return None


# -------------------------------------------------------------------------------------- sheet reader


class SheetReader:
    """One sheet, loaded. Iterate :meth:`rows` as often as needed (header detection, preview, plan)."""

    def __init__(
        self,
        name: str,
        index: int,
        row_source: object,
        *,
        n_rows: int,
        col_offset: int = 0,
        merged: list[CellRange] | None = None,
        flagged: dict[tuple[int, int], object] | None = None,
    ) -> None:
        self.name = name
        self.index = index
        #: number of rows in the sheet (the last row number holding anything)
        self.n_rows = n_rows
        #: False when only the first rows can be read (see ``Spreadsheet.sheet(head=...)``)
        self.complete = True
        self.merged = [m for m in (merged or []) if (m.last_row > m.first_row or m.last_col > m.first_col)]
        self._row_source = row_source  # callable -> iterator of lists
        self._col_offset = col_offset
        self._flagged = flagged or {}

    def rows(self, *, stop: int | None = None) -> Iterator[tuple[int, list[object]]]:
        """``(row_number, cells)`` for rows 1 .. ``stop`` (inclusive), merged values applied."""
        last = min(stop, self.n_rows) if stop is not None else self.n_rows
        # covered cells by row: row -> [(first_col, last_col, anchor_row, anchor_col)]
        covered: dict[int, list[tuple[int, int, int, int]]] = {}
        anchors: dict[int, list[int]] = {}
        for m in self.merged:
            anchors.setdefault(m.first_row, []).append(m.first_col)
            for r in range(m.first_row, min(m.last_row, last) + 1):
                covered.setdefault(r, []).append((m.first_col, m.last_col, m.first_row, m.first_col))
        flagged: dict[int, list[tuple[int, object]]] = {}
        for (r, c), marker in self._flagged.items():
            flagged.setdefault(r, []).append((c, marker))
        anchor_values: dict[tuple[int, int], object] = {}
        offset = self._col_offset
        pad: list[object] = [None] * offset
        for number, raw in enumerate(self._row_source(), start=1):  # type: ignore[operator]
            if number > last:
                break
            cells: list[object] = [None if v == "" else v for v in raw]
            if offset:
                cells = pad + cells
            if flagged and number in flagged:
                for c, marker in flagged[number]:
                    _put(cells, c, marker)
            if covered:
                for c in anchors.get(number, ()):
                    anchor_values[(number, c)] = cells[c] if c < len(cells) else None
                for first_col, last_col, ar, ac in covered.get(number, ()):
                    value = anchor_values.get((ar, ac))
                    for c in range(first_col, last_col + 1):
                        if (number, c) != (ar, ac):
                            _put(cells, c, value)
            while cells and cells[-1] is None:
                cells.pop()
            yield number, cells


def _put(cells: list[object], col: int, value: object) -> None:
    if col >= len(cells):
        cells.extend([None] * (col + 1 - len(cells)))
    cells[col] = value


# -------------------------------------------------------------------------------------- spreadsheet


class Spreadsheet:
    """An opened spreadsheet file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind  # "xlsx", "xls", "ods", "csv"
        self._workbook: python_calamine.CalamineWorkbook | None = None
        self._csv_rows: list[list[str]] | None = None
        self._loaded: dict[str, SheetReader] = {}
        if kind == "csv":
            self._csv_rows = _read_csv(path)
        else:
            if kind in ("xlsx", "ods"):
                _check_zip(path)
            if kind == "ods":
                _ods_scan(path)
            elif path.stat().st_size > MAX_PLAIN_FILE_BYTES:
                raise _too_big(path, _mb(path.stat().st_size))
            try:
                suffix = path.suffix.lower().lstrip(".")
                if suffix == kind or (suffix == "xlsm" and kind == "xlsx"):
                    self._workbook = python_calamine.CalamineWorkbook.from_path(str(path))
                else:
                    with path.open("rb") as fh:
                        self._workbook = python_calamine.CalamineWorkbook.from_filelike(fh)
            except python_calamine.PasswordError as exc:
                raise ImportFileError(t("File {name} is protected by a password; open it, remove the password and save it again", name=path.name), where=str(path)) from exc
            except OSError as exc:
                raise _file_error(path, exc) from exc
            except Exception as exc:  # calamine raises its own error types for damaged files
                raise _not_a_spreadsheet(path, str(exc)[:200]) from exc

    # -- sheets
    @property
    def sheets(self) -> list[SheetInfo]:
        if self._workbook is None:
            return [SheetInfo(self.path.stem, 0, True)]
        out = []
        for i, meta in enumerate(self._workbook.sheets_metadata):
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            out.append(SheetInfo(meta.name, i, meta.visible == python_calamine.SheetVisibleEnum.Visible))
        return out

    def sheet(self, which: str | int | None = None, *, head: int | None = None) -> SheetReader:
        """A sheet by name or 0-based index; ``None`` is the first visible worksheet.

        ``head``: only rows 1 .. ``head`` are needed (the wizard's first screen). For ``.xlsx`` they
        are then streamed without loading the whole sheet; the reader's ``complete`` is False.
        Other formats load the whole sheet either way."""
        sheets = self.sheets
        if not sheets:
            raise ImportFileError(t("File {name} holds no worksheet", name=self.path.name), where=str(self.path))
        if which is None:
            info = next((s for s in sheets if s.visible), sheets[0])
        elif isinstance(which, int):
            info = next((s for s in sheets if s.index == which), None)  # type: ignore[assignment]
        else:
            info = next((s for s in sheets if s.name == which), None)  # type: ignore[assignment]
        if info is None:
            raise ImportFileError(t("File {name} has no sheet {sheet}", name=self.path.name, sheet=which), where=str(self.path))
        if info.name in self._loaded:
            return self._loaded[info.name]
        if head is not None and self.kind == "xlsx":
            key = f"{info.name}\x00head{head}"
            if key not in self._loaded:
                partial = self._head_reader(info, head)
                if partial is None:
                    return self.sheet(info.name)
                self._loaded[key] = partial
            return self._loaded[key]
        if self._workbook is None:
            rows = self._csv_rows or []
            reader = SheetReader(info.name, 0, lambda: iter(rows), n_rows=len(rows))
        else:
            # an .xlsx sheet is measured before python-calamine allocates it (other formats: MAX_PLAIN_FILE_BYTES
            # and MAX_UNPACKED_BYTES bound what it can allocate)
            flagged_xlsx = _xlsx_scan(self.path, info.name) if self.kind == "xlsx" else {}
            try:
                sheet = self._workbook.get_sheet_by_name(info.name)
            except Exception as exc:
                raise _not_a_spreadsheet(self.path, str(exc)[:200]) from exc
            start, end = sheet.start, sheet.end
            if start is None or end is None:
                n_rows, col_offset = 0, 0
            else:
                n_rows, col_offset = end[0] + 1, start[1]
            _check_rows(self.path, info.name, n_rows)
            merged_raw = sheet.merged_cell_ranges
            merged = [CellRange(a[0] + 1, a[1], b[0] + 1, b[1]) for a, b in merged_raw] if merged_raw is not None else []
            flagged: dict[tuple[int, int], object] = {}
            if self.kind == "xlsx":
                flagged = flagged_xlsx
            elif self.kind == "ods":
                ods_merged, flagged = _ods_marks(self.path, info.name)
                merged = merged or ods_merged
            elif self.kind == "xls":
                flagged = _xls_error_cells(self.path, info.name)
            reader = SheetReader(info.name, info.index, sheet.iter_rows, n_rows=n_rows, col_offset=col_offset, merged=merged, flagged=flagged)
        self._loaded[info.name] = reader
        return reader

    def _head_reader(self, info: SheetInfo, head: int) -> SheetReader | None:
        from archive_desk.importing._xlsx_head import read_xlsx_head

        try:
            part = read_xlsx_head(self.path, info.name, head)
        except Exception:  # anything unusual: the full reader will say what is wrong, or cope  # noqa: BLE001 - anything may fail here and must not stop the caller
            return None
        rows = part.rows
        merged = [CellRange(*m) for m in part.merged]
        reader = SheetReader(info.name, info.index, lambda: iter(rows), n_rows=part.n_rows or len(rows), merged=merged)
        reader.complete = False
        return reader

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None
        self._loaded.clear()
        self._csv_rows = None

    def __enter__(self) -> Spreadsheet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_spreadsheet(path: str | Path) -> Spreadsheet:
    """Open ``path`` for reading; raises :class:`ImportFileError` when it cannot be read."""
    path = Path(path)
    try:
        if not path.exists():
            raise _file_error(path, FileNotFoundError())
        if path.is_dir():
            raise _file_error(path, IsADirectoryError())
    except OSError as exc:  # pragma: no cover - e.g. a path too long
        raise _file_error(path, exc) from exc
    return Spreadsheet(path, _sniff(path))


def list_sheets(path: str | Path) -> list[SheetInfo]:
    with open_spreadsheet(path) as book:
        return book.sheets


# ---------------------------------------------------------------------------------------------- CSV

_EXCEL_TEXT_RE = re.compile(r'="(.*)"', re.S)


def _read_csv(path: Path) -> list[list[str]]:
    try:
        if path.stat().st_size > MAX_PLAIN_FILE_BYTES:
            raise _too_big(path, _mb(path.stat().st_size))
        data = path.read_bytes()
    except OSError as exc:
        raise _file_error(path, exc) from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            if encoding == "gb18030":  # pragma: no cover - gb18030 decodes almost any byte string
                raise ImportFileError(t("File {name} is in a text encoding this program does not know; save it as UTF-8 or as a Chinese (GBK) CSV", name=path.name), where=str(path)) from None
            _refuse_mixed_encodings(path, data)
            continue
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if ("\t" in first_line and "," not in first_line) else ","
    rows: list[list[str]] = []
    # csv's default limit (131,072 characters) would refuse the whole file for one long cell; the
    # planner refuses that cell alone (a text over a spreadsheet cell's 32,767 characters)
    limit = csv.field_size_limit(max(len(text), 131_072))
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([_unwrap_excel_text(v) for v in record])
    except csv.Error as exc:
        raise _not_a_spreadsheet(path, str(exc)) from exc
    finally:
        csv.field_size_limit(limit)
    if not any(any(v.strip() for v in row) for row in rows):
        raise ImportFileError(t("File {name} is empty", name=path.name), where=str(path))
    _check_rows(path, path.stem, len(rows))
    return rows


def _refuse_mixed_encodings(path: Path, data: bytes) -> None:
    """A file that is not UTF-8 throughout is read as GB18030 (GBK), which decodes any bytes: a file
    with UTF-8 lines *and* GBK lines (two exports pasted together) would come out garbled in part, and
    its header unrecognisable. Refuse it, naming the first line in the other encoding than the first
    line holding Chinese."""
    first: bool | None = None  # is the first line with non-ASCII text UTF-8?
    for number, line in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        if first is None:
            first = utf8
        elif utf8 != first:
            raise ImportFileError(
                t("File {name} mixes two text encodings (UTF-8 and Chinese GBK): line {line} is not in the encoding of the lines "
                  "before it. Open the file in a text editor or Excel, correct that part and save it again in one encoding",
                  name=path.name, line=number),
                where=str(path),
            )


def _unwrap_excel_text(value: str) -> str:
    if value.startswith('="'):
        m = _EXCEL_TEXT_RE.fullmatch(value)
        if m:
            return m.group(1).replace('""', '"')
    return value
