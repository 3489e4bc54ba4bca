"""How ArchiveDesk's xlsxwriter workbooks look: formats, column kinds, page setup.

Staff print these sheets and filter them, so every table sheet gets: a bold shaded header row that stays
in view (frozen) and repeats on every printed page (print titles), an autofilter, column widths that fit
Chinese text, number and date formats, A4 landscape fitted to the page width, and "第 N 页 共 M 页"
in the footer.

Dates are written as Excel serial numbers with a date format (what ``write_datetime`` does, minus its
per-cell type dispatch: this is the innermost loop of a 100,000-row export).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from archive_desk.i18n import is_chinese, t

_EPOCH = date(1899, 12, 30)
_EPOCH_ORDINAL = _EPOCH.toordinal()

#: column kinds and the cell format each gets: text and int (years, numbers) stay General,
#: count is "#,##0", date / datetime / money / percent their formats
KINDS = ("text", "int", "count", "date", "datetime", "money", "percent")

#: Excel's paper code for A4
PAPER_A4 = 9


def excel_date(d: date) -> int:
    return d.toordinal() - _EPOCH_ORDINAL


def excel_datetime(dt: datetime) -> float:
    return dt.toordinal() - _EPOCH_ORDINAL + (dt.hour * 3600 + dt.minute * 60 + dt.second + dt.microsecond / 1e6) / 86400.0


@dataclass(frozen=True)
class Col:
    """A table column: header text, width in characters (a Chinese character counts about 2), kind."""

    title: str
    width: float
    kind: str = "text"


def workbook_options(*, constant_memory: bool = False, tmpdir: str | None = None) -> dict[str, Any]:
    options: dict[str, Any] = {
        "constant_memory": constant_memory,
        # cell text is data: "=..." stays text, "http://..." stays text
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "default_format_properties": {"font_name": "宋体" if is_chinese() else "Calibri", "font_size": 10},
    }
    if tmpdir:
        options["tmpdir"] = tmpdir
    return options


class Styles:
    """The formats of one workbook (xlsxwriter formats belong to their workbook)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        self.subtitle = wb.add_format({"font_size": 10, "align": "left", "valign": "vcenter", "italic": True})
        self.section = wb.add_format({"bold": True, "font_size": 12, "bottom": 1})
        self.header = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                     "align": "center", "valign": "vcenter"})
        self.text = wb.add_format({"valign": "top"})
        self.int = wb.add_format({"num_format": "#,##0", "valign": "top"})
        self.date = wb.add_format({"num_format": "yyyy-mm-dd", "align": "center", "valign": "top"})
        self.datetime = wb.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "center", "valign": "top"})
        self.money = wb.add_format({"num_format": "#,##0.00", "valign": "top"})
        self.percent = wb.add_format({"num_format": "0.0%", "valign": "top"})
        # boxed cells for small summary tables
        self.box_text = wb.add_format({"border": 1, "valign": "vcenter", "text_wrap": True})
        self.box_int = wb.add_format({"border": 1, "num_format": "#,##0", "valign": "vcenter"})
        self.box_num = wb.add_format({"border": 1, "num_format": "#,##0.00", "valign": "vcenter"})
        self.box_date = wb.add_format({"border": 1, "num_format": "yyyy-mm-dd", "align": "center", "valign": "vcenter"})
        self.box_datetime = wb.add_format({"border": 1, "num_format": "yyyy-mm-dd hh:mm", "align": "center",
                                           "valign": "vcenter"})
        self.total_text = wb.add_format({"border": 1, "bold": True, "bg_color": "#F2F2F2", "valign": "vcenter"})
        self.total_int = wb.add_format({"border": 1, "bold": True, "bg_color": "#F2F2F2", "num_format": "#,##0",
                                        "valign": "vcenter"})
        self.total_num = wb.add_format({"border": 1, "bold": True, "bg_color": "#F2F2F2", "num_format": "#,##0.00",
                                        "valign": "vcenter"})
        self.manual = wb.add_format({"border": 1, "bg_color": "#FFF2CC", "valign": "vcenter"})
        self.note = wb.add_format({"font_color": "#595959", "italic": True, "text_wrap": True, "valign": "top"})

    def for_kind(self, kind: str) -> Any:
        """The column format of a kind (None: General, no style attribute on its cells)."""
        return {"text": None, "int": None, "count": self.int, "date": self.date, "datetime": self.datetime,
                "money": self.money, "percent": self.percent}[kind]


def _header_text(text: str) -> str:
    return text.replace("&", "&&")[:200]


def page_setup(ws: Any, title: str, *, landscape: bool = True, fit_width: bool = True, repeat_to_row: int | None = 0) -> None:
    """A4, landscape by default, fitted to one page wide, title in the page header, page numbers in the footer."""
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(PAPER_A4)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    if fit_width:
        ws.fit_to_pages(1, 0)
    # no font-size code: "&12" followed by a title starting with digits ("2026年…") would read as one number
    ws.set_header(f'&C&"-,Bold"{_header_text(title)}')
    ws.set_footer("&C" + t("Page &P of &N"))
    if repeat_to_row is not None:
        ws.repeat_rows(0, repeat_to_row)


def table_sheet(ws: Any, styles: Styles, cols: Sequence[Col], title: str, *, header_row: int = 0,
                landscape: bool = True) -> None:
    """Column widths and formats, the header row (frozen, repeated when printed), page setup.
    Call :func:`finish_table` when the rows are written to set the autofilter."""
    for i, col in enumerate(cols):
        ws.set_column(i, i, col.width, styles.for_kind(col.kind))
    ws.set_row(header_row, 30)
    for i, col in enumerate(cols):
        ws.write_string(header_row, i, col.title, styles.header)
    ws.freeze_panes(header_row + 1, 0)
    page_setup(ws, title, landscape=landscape, repeat_to_row=header_row)


def finish_table(ws: Any, cols: Sequence[Col], header_row: int, last_row: int) -> None:
    ws.autofilter(header_row, 0, max(header_row, last_row), len(cols) - 1)


def writer_for(ws: Any, styles: Styles, cols: Sequence[Col]) -> Any:  # noqa: ARG001 - the signature is fixed by its callers
    """A fast row writer for a table sheet: ``write(row_index, values)``; None or "" leaves a cell empty.

    Rows go through ``write_row`` without a cell format: cells take their column's format (set by
    :func:`table_sheet`), so only date and count columns carry a style attribute at all, and text and
    plain numbers cost what a bare write costs. Dates become Excel serial numbers here."""
    dates = [i for i, c in enumerate(cols) if c.kind == "date"]
    stamps = [i for i, c in enumerate(cols) if c.kind == "datetime"]
    write_row = ws.write_row
    epoch = _EPOCH_ORDINAL

    if not dates and not stamps:
        def write_plain(r: int, values: Sequence[Any]) -> None:
            write_row(r, 0, values)

        return write_plain

    def write(r: int, values: Sequence[Any]) -> None:
        values = list(values)
        for c in dates:
            v = values[c]
            if v is not None:
                values[c] = (v.date() if isinstance(v, datetime) else v).toordinal() - epoch
        for c in stamps:
            v = values[c]
            if v is not None:
                values[c] = excel_datetime(v) if isinstance(v, datetime) else v.toordinal() - epoch
        write_row(r, 0, values)

    return write


def sheet_name(text: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text.strip("'")[:31] or "Sheet"
