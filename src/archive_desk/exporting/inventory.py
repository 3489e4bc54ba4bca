"""The yearly inventory workbook (年度室藏统计). Pure: plain data and row iterables in, an ``.xlsx`` out.

Sheets, in order:

1. **Summary** (汇总): holdings at the end of the year by fonds × category × retention in 卷, 件, 页 and 盒,
   holdings by category (with a column chart), the year's changes, use figures (利用人次, 利用卷次 by
   purpose, use and category), the year's stocktakes, and the counting rules;
2. **Annual report** (年报): the figures in the layout of the 档案室基本情况年报 (档基3表);
3. detail sheets, one row per volume or loan line: holdings register (案卷目录), volumes received,
   transferred out and destroyed, and the year's loans.

Every table sheet has a frozen, filterable header row repeated on every printed page, column widths and
number/date formats, and prints on A4 landscape fitted to the page width.

**Writer.** xlsxwriter in ``constant_memory`` mode: each sheet streams its rows to its own temporary file
as they are written, so memory stays flat whatever the number of rows (the detail rows come straight from
a database cursor), and strings are written inline (no shared-strings table to hold in memory). It is
also the fastest pure-Python xlsx writer measured here (100,000 rows × 12 columns in about 12 s against
about 20 s for openpyxl's write-only mode on the same 2-core machine), and it writes everything staff
expect (freeze panes, autofilter, print titles, page setup, charts). Rows of one sheet must be written
top to bottom, which is how this module writes them. The cost: strings are not shared, so the file is
somewhat larger than one Excel would save.

**Safe writing**: :func:`~archive_desk.exporting.filesafe.atomic_target`; ``should_cancel()`` is polled
every few thousand rows and a cancel leaves no file (neither the target nor any temporary file).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from archive_desk.i18n import t

from .filesafe import ExportCancelled, atomic_target
from .workbook_style import (
    Col,
    Styles,
    excel_datetime,
    finish_table,
    page_setup,
    sheet_name,
    table_sheet,
    workbook_options,
    writer_for,
)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: rows between two progress reports / cancel checks
CHUNK = 2000


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class HoldingGroup:
    fonds_code: str
    fonds_name: str
    category_code: str
    category_name: str
    retention: str  # code (Y, D30 …)
    retention_label: str
    volumes: int  # 卷
    items: int  # 件
    pages: int  # 页
    boxes: int  # 盒
    thickness_mm: int = 0


@dataclass(frozen=True)
class CategoryTotal:
    code: str
    name: str
    volumes: int
    items: int
    pages: int
    boxes: int
    shelf_m: float


@dataclass(frozen=True)
class ChangeRow:
    key: str  # start | received | transferred | destroyed | end
    label: str
    volumes: int
    items: int
    pages: int


@dataclass(frozen=True)
class UseRow:
    key: str
    label: str
    person_times: int
    volume_times: int


@dataclass(frozen=True)
class StocktakeLine:
    name: str
    scope: str
    started_at: datetime
    finished_at: datetime | None
    layers_scanned: int
    layers_in_scope: int
    counts: tuple[int, ...]  # in the order of InventorySummary.stocktake_classes
    action: str = ""


@dataclass(frozen=True)
class AnnualRow:
    """One indicator of the annual report: name, code, unit, value (None: not known / fill in by hand)."""

    label: str
    code: str
    unit: str
    value: float | int | None
    note: str = ""
    level: int = 1  # 0 heading, 1 indicator, 2 "of which"
    manual: bool = False
    heading: bool = False


@dataclass(frozen=True)
class InventorySummary:
    year: int
    room_name: str
    generated_at: datetime
    holdings: tuple[HoldingGroup, ...]
    categories: tuple[CategoryTotal, ...]
    changes: tuple[ChangeRow, ...]
    person_times: int
    volume_times: int
    loans: int
    use_by_purpose: tuple[UseRow, ...]
    use_by_use: tuple[UseRow, ...]
    use_by_category: tuple[UseRow, ...]
    stocktakes: tuple[StocktakeLine, ...]
    stocktake_classes: tuple[str, ...]
    annual: tuple[AnnualRow, ...]
    use_by_service: tuple[UseRow, ...] = ()  # 查阅 / 复制 / 借出
    copied_pages: int = 0  # the originals' pages copied


@dataclass(frozen=True)
class DetailSheet:
    """A detail sheet: ``rows`` may be a lazy iterable (a database cursor); ``count`` is known up front."""

    key: str
    name: str
    title: str
    columns: tuple[Col, ...]
    rows: Iterable[Sequence[Any]]
    count: int


@dataclass(frozen=True)
class InventoryData:
    summary: InventorySummary
    details: tuple[DetailSheet, ...]


def detail_columns(key: str) -> tuple[Col, ...]:
    """The columns of each detail sheet (headers in the current language)."""
    no = Col(t("No."), 7, "int")
    code = Col(t("Archival code"), 25)
    fonds = Col(t("Fonds"), 7)
    category = Col(t("Category"), 9)
    year = Col(t("Year"), 6, "int")
    retention = Col(t("Retention"), 10)
    title = Col(t("Title"), 46)
    items = Col(t("Items"), 6, "count")
    pages = Col(t("Pages"), 7, "count")
    if key == "holdings":
        return (no, code, fonds, category, year, retention, Col(t("Security"), 6), title, Col(t("Creator"), 14),
                Col(t("Start date"), 11, "date"), Col(t("End date"), 11, "date"), items, pages, Col(t("Box no."), 6, "int"),
                Col(t("Location"), 16), Col(t("Status"), 8))
    if key == "received":
        return (no, code, fonds, category, year, retention, title, items, pages, Col(t("Received on"), 11, "date"),
                Col(t("Transfer batch / from"), 24), Col(t("Status now"), 8))
    if key == "transferred":
        return (no, code, fonds, category, year, retention, title, items, pages, Col(t("Transferred on"), 11, "date"),
                Col(t("Batch no."), 16), Col(t("Receiving unit"), 24))
    if key == "destroyed":
        return (no, code, fonds, category, year, retention, title, items, pages, Col(t("Destroyed on"), 11, "date"),
                Col(t("Destruction list no."), 18))
    if key == "loans":
        return (no, Col(t("Slip no."), 14), Col(t("Lent at"), 17, "datetime"), Col(t("Borrower"), 10),
                Col(t("Borrower's unit / department"), 18), Col(t("Purpose"), 10), Col(t("Use"), 7), code, title, Col(t("Due"), 11, "date"),
                Col(t("Returned at"), 17, "datetime"), Col(t("Outcome"), 24))
    raise KeyError(key)


def workbook_title(year: int) -> str:
    return t("Yearly inventory {year}", year=year)


# ---------------------------------------------------------------- writing


def write_inventory(path: Path, data: InventoryData, *, progress: Progress | None = None,
                    should_cancel: Cancel | None = None) -> Path:
    """Write the workbook to ``path`` safely; returns ``path``."""
    import xlsxwriter  # noqa: PLC0415

    total = sum(d.count for d in data.details) + 1
    done = 0

    def report(n: int) -> None:
        if progress is not None:
            progress(min(n, total), total)

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise ExportCancelled

    report(0)
    check()
    with atomic_target(path) as tmp:
        work = tempfile.mkdtemp(prefix="archive-desk-xlsx-")
        wb = xlsxwriter.Workbook(str(tmp), workbook_options(constant_memory=True, tmpdir=work))
        closed = False
        try:
            styles = Styles(wb)
            wb.set_properties({"title": workbook_title(data.summary.year), "author": "ArchiveDesk",
                               "company": data.summary.room_name, "created": data.summary.generated_at})
            summary_ws = wb.add_worksheet(sheet_name(t("Summary")))
            annual_ws = wb.add_worksheet(sheet_name(t("Annual report")))
            detail_ws = [wb.add_worksheet(sheet_name(d.name)) for d in data.details]
            _write_summary(wb, summary_ws, styles, data.summary)
            _write_annual(annual_ws, styles, data.summary)
            done = 1
            report(done)
            for ws, sheet in zip(detail_ws, data.details, strict=True):
                table_sheet(ws, styles, sheet.columns, sheet.title)
                write = writer_for(ws, styles, sheet.columns)
                r = 0
                for row in sheet.rows:
                    r += 1
                    write(r, row)
                    if r % CHUNK == 0:
                        check()
                        report(done + r)
                finish_table(ws, sheet.columns, 0, r)
                done += r
                report(done)
            check()
            wb.close()
            closed = True
        finally:
            if not closed:
                _discard(wb)
            shutil.rmtree(work, ignore_errors=True)
    report(total)
    return path


def _discard(wb: Any) -> None:
    """Drop an unfinished workbook: close the sheets' temporary row files without writing anything."""
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None:
            with contextlib.suppress(Exception):
                fh.close()
    wb.fileclosed = True  # nothing to write on garbage collection


def _merge_title(ws: Any, row: int, last_col: int, text: str, fmt: Any) -> None:
    ws.merge_range(row, 0, row, last_col, text, fmt)


def _write_summary(wb: Any, ws: Any, st: Styles, s: InventorySummary) -> None:
    """The summary sheet, top to bottom (constant_memory: rows are written in order)."""
    last_col = 10
    widths = [12, 30, 12, 12, 11, 11, 12, 10, 12, 12, 12]
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    ws.set_row(0, 30)
    _merge_title(ws, 0, last_col, workbook_title(s.year), st.title)
    # counted up to the end of the year, or up to the day the workbook is made when that comes first
    until = min(date(s.year, 12, 31), s.generated_at.date())
    sub = t("{room} · holdings on {date} · made {at}", room=s.room_name or "",
            date=t("{y}-{m:02d}-{d:02d}", y=until.year, m=until.month, d=until.day),
            at=s.generated_at.strftime("%Y-%m-%d %H:%M"))
    _merge_title(ws, 1, last_col, sub, st.subtitle)
    ws.freeze_panes(2, 0)
    page_setup(ws, workbook_title(s.year), landscape=True, repeat_to_row=1)
    r = 3
    r = _summary_holdings(ws, st, s, r)
    r = _summary_categories(wb, ws, st, s, r)
    r = _summary_changes(ws, st, s, r)
    r = _summary_use(ws, st, s, r)
    r = _summary_stocktakes(ws, st, s, r, last_col)
    _summary_notes(ws, st, r, last_col)


def _summary_holdings(ws: Any, st: Styles, s: InventorySummary, r: int) -> int:
    """Section 1: holdings by fonds × category × retention, with totals. Returns the next row."""
    ws.write_string(r, 0, t("1. Holdings at the end of the year, by fonds, category and retention"), st.section)
    r += 1
    headers = [t("Fonds"), t("Fonds name"), t("Category"), t("Retention"), t("Volumes (卷)"), t("Items (件)"),
               t("Pages (页)"), t("Boxes (盒)")]
    ws.set_row(r, 30)
    for c, h in enumerate(headers):
        ws.write_string(r, c, h, st.header)
    first = r + 1
    for g in s.holdings:
        r += 1
        ws.write_string(r, 0, g.fonds_code, st.box_text)
        ws.write_string(r, 1, g.fonds_name, st.box_text)
        ws.write_string(r, 2, g.category_name, st.box_text)
        ws.write_string(r, 3, g.retention_label, st.box_text)
        for c, v in enumerate((g.volumes, g.items, g.pages, g.boxes), start=4):
            ws.write_number(r, c, v, st.box_int)
    r += 1
    _total_row(ws, st, r, first, r - 1, 4, [sum(g.volumes for g in s.holdings), sum(g.items for g in s.holdings),
                                            sum(g.pages for g in s.holdings), sum(g.boxes for g in s.holdings)],
               label_cols=4)
    r += 2
    return r


def _summary_categories(wb: Any, ws: Any, st: Styles, s: InventorySummary, r: int) -> int:
    """Section 2: holdings by category, with the chart beside it. Returns the next row."""
    ws.write_string(r, 0, t("2. Holdings by category"), st.section)
    r += 1
    headers = [t("Code"), t("Category"), t("Volumes (卷)"), t("Items (件)"), t("Pages (页)"), t("Boxes (盒)"),
               t("Shelf length (m)")]
    ws.set_row(r, 30)
    for c, h in enumerate(headers):
        ws.write_string(r, c, h, st.header)
    header_row = r
    cat_first = r + 1
    for cat in s.categories:
        r += 1
        ws.write_string(r, 0, cat.code, st.box_text)
        ws.write_string(r, 1, cat.name, st.box_text)
        for c, v in enumerate((cat.volumes, cat.items, cat.pages, cat.boxes), start=2):
            ws.write_number(r, c, v, st.box_int)
        ws.write_number(r, 6, cat.shelf_m, st.box_num)
    cat_last = r
    r += 1
    _total_row(ws, st, r, cat_first, cat_last, 2,
               [sum(c.volumes for c in s.categories), sum(c.items for c in s.categories),
                sum(c.pages for c in s.categories), sum(c.boxes for c in s.categories),
                round(sum(c.shelf_m for c in s.categories), 2)], label_cols=2, last_float=True)
    if s.categories:
        chart = wb.add_chart({"type": "column"})
        name = ws.get_name()
        chart.add_series({
            "name": t("Volumes (卷)"),
            "categories": [name, cat_first, 1, cat_last, 1],
            "values": [name, cat_first, 2, cat_last, 2],
            "data_labels": {"value": True},
            "fill": {"color": "#4472C4"},
        })
        chart.set_title({"name": t("Holdings by category, {year}", year=s.year), "name_font": {"size": 12}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"name": t("Volumes (卷)"), "num_format": "#,##0", "major_gridlines": {"visible": True}})
        chart.set_size({"width": 560, "height": 300})
        ws.insert_chart(header_row, 8, chart, {"x_offset": 10, "y_offset": 0})
    r += max(2, 17 - (r - header_row))  # leave room for the chart before the next section
    return r


def _summary_changes(ws: Any, st: Styles, s: InventorySummary, r: int) -> int:
    """Section 3: the year's changes. Returns the next row."""
    ws.write_string(r, 0, t("3. Changes in the year"), st.section)
    r += 1
    ws.set_row(r, 30)
    ws.merge_range(r, 0, r, 1, t("Item"), st.header)
    for c, h in enumerate([t("Volumes (卷)"), t("Items (件)"), t("Pages (页)")], start=2):
        ws.write_string(r, c, h, st.header)
    for ch in s.changes:
        r += 1
        bold = ch.key in ("start", "end")
        ws.merge_range(r, 0, r, 1, ch.label, st.total_text if bold else st.box_text)
        for c, v in enumerate((ch.volumes, ch.items, ch.pages), start=2):
            ws.write_number(r, c, v, st.total_int if bold else st.box_int)
    r += 2
    return r


def _summary_use(ws: Any, st: Styles, s: InventorySummary, r: int) -> int:
    """Section 4: use of the records. Returns the next row."""
    ws.write_string(r, 0, t("4. Use of the records"), st.section)
    r += 1
    ws.set_row(r, 30)
    ws.merge_range(r, 0, r, 1, t("Item"), st.header)
    for c, h in enumerate([t("Person-times (利用人次)"), t("Volume-times (利用卷次)")], start=2):
        ws.write_string(r, c, h, st.header)
    r += 1
    ws.merge_range(r, 0, r, 1, t("All use in the year ({loans} loan slips)", loans=s.loans), st.total_text)
    ws.write_number(r, 2, s.person_times, st.total_int)
    ws.write_number(r, 3, s.volume_times, st.total_int)
    for caption, rows in ((t("by service"), s.use_by_service), (t("by purpose"), s.use_by_purpose), (t("by use"), s.use_by_use),
                          (t("by category"), s.use_by_category)):
        for u in rows:
            r += 1
            ws.write_string(r, 0, caption, st.box_text)
            ws.write_string(r, 1, u.label, st.box_text)
            ws.write_number(r, 2, u.person_times, st.box_int)
            ws.write_number(r, 3, u.volume_times, st.box_int)
    r += 1
    ws.merge_range(r, 0, r, 1, t("Pages copied (by the originals' pages)"), st.total_text)
    ws.write_number(r, 3, s.copied_pages, st.total_int)
    r += 2
    return r


def _summary_stocktakes(ws: Any, st: Styles, s: InventorySummary, r: int, last_col: int) -> int:
    """Section 5: the stocktakes finished in the year. Returns the next row."""
    ws.write_string(r, 0, t("5. Stocktakes finished in the year"), st.section)
    r += 1
    if not s.stocktakes:
        ws.merge_range(r, 0, r, last_col, t("No stocktake was finished in {year}.", year=s.year), st.note)
        r += 1
    else:
        headers = [t("Stocktake"), t("Scope"), t("Finished"), t("Layers counted"), *s.stocktake_classes]
        ws.set_row(r, 42)
        for c, h in enumerate(headers):
            ws.write_string(r, c, h, st.header)
        for line in s.stocktakes:
            r += 1
            ws.write_string(r, 0, line.name, st.box_text)
            ws.write_string(r, 1, line.scope, st.box_text)
            if line.finished_at:  # the day (a date and time is wider than the column: LibreOffice printed "###")
                ws.write_number(r, 2, excel_datetime(line.finished_at), st.box_date)
            else:
                ws.write_blank(r, 2, None, st.box_text)
            ws.write_string(r, 3, t("{scanned} of {total}", scanned=line.layers_scanned, total=line.layers_in_scope),
                            st.box_text)
            for c, n in enumerate(line.counts, start=4):
                ws.write_number(r, c, n, st.box_int)
        r += 1
    r += 1
    return r


def _summary_notes(ws: Any, st: Styles, r: int, last_col: int) -> int:
    """How the figures are counted. Returns the next row."""
    ws.write_string(r, 0, t("How this is counted"), st.section)
    for text in (
        t("A volume counts from the day it was received (confirmed receiving batch) or else catalogued, until the day it was "
          "transferred out or destroyed. Void records never count."),
        t("Paper records count in volumes (卷); a box of item-filed records counts as one volume. Items (件) are the "
          "documents the volumes hold; boxes (盒) are the volumes of item-filed categories."),
        t("Person-times (利用人次): one per borrower per day. Volume-times (利用卷次): every volume on every loan made in the year."),
    ):
        r += 1
        ws.merge_range(r, 0, r, last_col, text, st.note)
        ws.set_row(r, 30)
    return r


def _total_row(ws: Any, st: Styles, r: int, first: int, last: int, first_col: int, values: Sequence[float],
               *, label_cols: int, last_float: bool = False) -> None:
    """A totals row: SUM formulas (with their values cached, so readers that do not calculate see them)."""
    from xlsxwriter.utility import xl_rowcol_to_cell  # noqa: PLC0415

    if label_cols > 1:
        ws.merge_range(r, 0, r, label_cols - 1, t("Total"), st.total_text)
    else:
        ws.write_string(r, 0, t("Total"), st.total_text)
    for i, value in enumerate(values):
        c = first_col + i
        fmt = st.total_num if (last_float and i == len(values) - 1) else st.total_int
        if last >= first:
            formula = f"=SUM({xl_rowcol_to_cell(first, c)}:{xl_rowcol_to_cell(last, c)})"
            ws.write_formula(r, c, formula, fmt, value)
        else:
            ws.write_number(r, c, value, fmt)


def _write_annual(ws: Any, st: Styles, s: InventorySummary) -> None:
    """The 档案室基本情况年报 layout: 指标名称 | 代码 | 计量单位 | 数量 | 说明."""
    for c, w in enumerate((52, 8, 12, 14, 36)):
        ws.set_column(c, c, w)
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, 4, t("Basic statistics of the archive room (annual report)"), st.title)
    ws.merge_range(1, 0, 1, 4, t("Form: 档基3表 · issued by the National Archives Administration of China"), st.subtitle)
    ws.merge_range(2, 0, 2, 4, t("Reporting unit: {room}    Year: {year}", room=s.room_name or "", year=s.year), st.subtitle)
    header = 4
    ws.set_row(header, 24)
    for c, h in enumerate((t("Indicator"), t("Code"), t("Unit"), t("Quantity"), t("Note"))):
        ws.write_string(header, c, h, st.header)
    ws.freeze_panes(header + 1, 0)
    page_setup(ws, t("Basic statistics of the archive room (annual report)"), landscape=True, repeat_to_row=header)
    ws.fit_to_pages(1, 1)  # a form: one page
    indent = {0: "", 1: "  ", 2: "    "}
    r = header
    for row in s.annual:
        r += 1
        label = indent.get(row.level, "") + row.label
        if row.heading:
            ws.merge_range(r, 0, r, 4, label, st.total_text)
            continue
        ws.write_string(r, 0, label, st.box_text)
        ws.write_string(r, 1, row.code, st.box_text)
        ws.write_string(r, 2, row.unit, st.box_text)
        if row.manual:
            ws.write_blank(r, 3, None, st.manual)
        elif row.value is None:
            ws.write_blank(r, 3, None, st.box_int)
        else:
            ws.write_number(r, 3, row.value, st.box_num if isinstance(row.value, float) else st.box_int)
        ws.write_string(r, 4, row.note or (t("fill in by hand") if row.manual else ""), st.box_text)
    r += 2
    ws.merge_range(r, 0, r, 4, t("Filled in from the catalogue by ArchiveDesk on {at}; yellow cells are filled in by hand.",
                                 at=s.generated_at.strftime("%Y-%m-%d")), st.note)


__all__ = [
    "AnnualRow", "CategoryTotal", "ChangeRow", "DetailSheet", "HoldingGroup", "InventoryData", "InventorySummary",
    "StocktakeLine", "UseRow", "detail_columns", "workbook_title", "write_inventory",
]
