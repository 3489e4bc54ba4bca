"""Stocktake workbooks: the report of one stocktake, and the 清点检查登记 (register of stocktakes).

Pure: plain data in (built by :mod:`archive_desk.services.stocktake`), an ``.xlsx`` out, written safely
(:mod:`archive_desk.exporting.filesafe`). The data classes here are also what the PDF report
(:mod:`archive_desk.printing.stocktake_report`) prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from archive_desk.domain.stocktake_report import RegisterEntry, ReportLine, StocktakeReport, info_pairs, report_title  # noqa: F401
from archive_desk.i18n import t

from .filesafe import atomic_target
from .workbook_style import Col, Styles, finish_table, page_setup, sheet_name, table_sheet, workbook_options, writer_for


def line_columns() -> list[Col]:
    return [
        Col(t("No."), 6, "int"),
        Col(t("Result"), 16),
        Col(t("Archival code"), 26),
        Col(t("Title"), 48),
        Col(t("Status in the catalogue"), 12),
        Col(t("Found on"), 18),
        Col(t("Belongs on"), 18),
        Col(t("Scanned at"), 17, "datetime"),
        Col(t("Remarks"), 24),
    ]


def write_report(path: Path, report: StocktakeReport) -> Path:
    """The report workbook: a summary sheet and every line (in place included), filterable by class."""
    import xlsxwriter  # noqa: PLC0415

    with atomic_target(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), workbook_options())
        try:
            st = Styles(wb)
            ws = wb.add_worksheet(sheet_name(t("Summary")))
            ws.set_column(0, 0, 22)
            ws.set_column(1, 1, 60)
            ws.merge_range(0, 0, 0, 2, report_title(report), st.title)
            ws.set_row(0, 28)
            r = 2
            for caption, value in info_pairs(report):
                ws.write_string(r, 0, caption, st.box_text)
                ws.write_string(r, 1, value, st.box_text)
                r += 1
            r += 1
            ws.write_string(r, 0, t("Result"), st.header)
            ws.write_string(r, 1, t("Volumes"), st.header)
            r += 1
            for _key, label, n in report.counts:
                ws.write_string(r, 0, label, st.box_text)
                ws.write_number(r, 1, n, st.box_int)
                r += 1
            page_setup(ws, report_title(report), landscape=False, repeat_to_row=None)

            cols = line_columns()
            ws = wb.add_worksheet(sheet_name(t("Lines")))
            table_sheet(ws, st, cols, report_title(report))
            write = writer_for(ws, st, cols)
            for i, ln in enumerate(report.lines, start=1):
                write(i, (i, ln.cls_label, ln.code, ln.title, ln.status, ln.found_layer, ln.expected_layer,
                          ln.scanned_at, ln.note))
            finish_table(ws, cols, 0, len(report.lines))
        finally:
            wb.close()
    return path


def register_columns(class_names: Sequence[str]) -> list[Col]:
    return [
        Col(t("No."), 6, "int"),
        Col(t("Stocktake"), 24),
        Col(t("Scope"), 30),
        Col(t("Started"), 17, "datetime"),
        Col(t("Finished"), 17, "datetime"),
        Col(t("Counted by"), 10),
        Col(t("Layers counted"), 9, "int"),
        Col(t("Layers in scope"), 9, "int"),
        *[Col(name, 10, "int") for name in class_names],
        Col(t("Action taken"), 40),
        Col(t("State"), 9),
    ]


def register_title(year: int | None) -> str:
    return t("Register of stocktakes {year}", year=year) if year else t("Register of stocktakes")


def write_register(path: Path, entries: Sequence[RegisterEntry], *, class_names: Sequence[str], year: int | None = None) -> Path:
    """The 清点检查登记 as a workbook, one row per stocktake."""
    import xlsxwriter  # noqa: PLC0415

    cols = register_columns(class_names)
    with atomic_target(path) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), workbook_options())
        try:
            st = Styles(wb)
            ws = wb.add_worksheet(sheet_name(register_title(None)))
            table_sheet(ws, st, cols, register_title(year))
            write = writer_for(ws, st, cols)
            for i, e in enumerate(entries, start=1):
                write(i, (e.seq, e.name, e.scope_text, e.started_at, e.finished_at, e.started_by, e.layers_scanned,
                          e.layers_in_scope, *e.counts, e.corrections, e.status))
            finish_table(ws, cols, 0, len(entries))
        finally:
            wb.close()
    return path
