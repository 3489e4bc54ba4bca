"""Printing through a printer that follows a Windows driver's rules.

Qt's print engine on Linux (CUPS) is a PDF engine and takes anything; a Windows printer driver does not:

- ``setPageLayout`` / ``setPageSize`` / ``setPageOrientation`` / ``setPageMargins`` are refused while the
  printer is printing (Qt: "Cannot be changed while printer is active" on any engine but PDF);
- a layout whose margins are inside the printer's unprintable border fails the driver's validity check and
  is dropped whole, paper size and orientation with it;
- a driver without custom paper keeps its current paper when asked for one.

:class:`WindowsRulesPrinter` is a QPrinter that applies those rules and writes each print job to a PDF file
of its own (what the driver received), so a test can look at every job's pages. The real Windows path has
not been tried (README: Windows).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from archive_desk.ui import pdf_print
from archive_desk.ui.pdf_print import PdfPreviewDialog, render_to_printer

#: a laser printer's unprintable border (points): about 4.2 mm
MIN_MARGIN_PT = 12.0


class WindowsRulesPrinter(QPrinter):
    """A QPrinter (writing PDF underneath, one file per job) that behaves like a Windows printer driver."""

    def __init__(self, folder: Path, dpi: int = 600, custom_paper: bool = True) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        super().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setResolution(dpi)
        super().setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.folder = folder
        self.custom_paper = custom_paper
        self.refused: list[str] = []  # what the driver refused, for the test to read
        self.papers: list[QPageSize] = []  # the paper of each job, as the driver took it
        self.job_files: list[Path] = []

    # what code may ask of a driver's printer
    def printerName(self) -> str:  # noqa: N802
        return "Fake Windows Printer"

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat

    def paintEngine(self) -> QPaintEngine:  # noqa: N802 - QPainter.begin asks for it: a new job starts
        if self.printerState() != QPrinter.PrinterState.Active:
            if not hasattr(self, "job_files"):  # called from QPrinter's own constructor
                return super().paintEngine()
            path = self.folder / f"job-{len(self.job_files) + 1}.pdf"
            self.job_files.append(path)
            self.papers.append(self.pageLayout().pageSize())
            super().setOutputFileName(str(path))
        return super().paintEngine()

    def _printing(self, what: str) -> bool:
        if self.printerState() == QPrinter.PrinterState.Active:
            self.refused.append(f"{what} while printing")
            return True
        return False

    def setPageLayout(self, layout: QPageLayout) -> bool:  # noqa: N802
        if self._printing("layout"):
            return False
        m = layout.margins(QPageLayout.Unit.Point)
        if min(m.left(), m.top(), m.right(), m.bottom()) < MIN_MARGIN_PT:
            self.refused.append("layout with margins inside the unprintable border")
            return False  # the whole layout goes: size and orientation too
        if not self._paper_ok(layout.pageSize()):
            return False
        return super().setPageLayout(layout)

    def setPageSize(self, size: QPageSize) -> bool:  # noqa: N802
        if self._printing("paper") or not self._paper_ok(size):
            return False
        return super().setPageSize(size)

    def setPageOrientation(self, orientation: QPageLayout.Orientation) -> bool:  # noqa: N802
        if self._printing("orientation"):
            return False
        return super().setPageOrientation(orientation)

    def setPageMargins(self, margins: QMarginsF, unit: QPageLayout.Unit = QPageLayout.Unit.Millimeter) -> bool:  # noqa: N802
        if self._printing("margins"):
            return False
        factor = {QPageLayout.Unit.Millimeter: 72 / 25.4, QPageLayout.Unit.Point: 1.0}.get(unit, 1.0)
        if min(margins.left(), margins.top(), margins.right(), margins.bottom()) * factor < MIN_MARGIN_PT:
            self.refused.append("margins inside the unprintable border")
            return False
        return super().setPageMargins(margins, unit)

    def _paper_ok(self, size: QPageSize) -> bool:
        if size.id() == QPageSize.PageSizeId.Custom and not self.custom_paper:
            self.refused.append(f"custom paper {size.name()}")
            return False
        return True

    # what the test reads back
    def jobs(self) -> list[list[tuple[float, float]]]:
        """Each job's pages as (width, height) in mm, from what the driver was sent."""
        out = []
        for path in self.job_files:
            doc = QPdfDocument(None)
            assert doc.load(str(path)) == QPdfDocument.Error.None_
            out.append([(round(doc.pagePointSize(i).width() / 72 * 25.4), round(doc.pagePointSize(i).height() / 72 * 25.4))
                        for i in range(doc.pageCount())])
            doc.close()
        return out


def _pdf(*pages: tuple[float, float]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n, (w, h) in enumerate(pages, 1):
        c.setPageSize((w, h))
        c.drawString(20, 20, f"page {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


PORTRAIT, LANDSCAPE = A4, landscape(A4)


def test_mixed_portrait_and_landscape_pages_each_print_in_their_orientation(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    # a volume's cover, its item list across the sheet, its 备考表: the landscape page used to come out
    # clipped on a portrait sheet because the driver refused the new layout in the middle of the job
    printer = WindowsRulesPrinter(tmp_path)
    report = render_to_printer(printer, _pdf(PORTRAIT, LANDSCAPE, LANDSCAPE, PORTRAIT))
    assert printer.jobs() == [[(210, 297)], [(297, 210), (297, 210)], [(210, 297)]]
    assert report.pages == 4 and report.jobs == 3 and report.warnings == ()
    assert printer.refused == ["margins inside the unprintable border"] * 3  # asked, refused, harmless


def test_a_pdf_engine_keeps_one_job_for_mixed_pages(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    report = render_to_printer(printer, _pdf(PORTRAIT, LANDSCAPE, PORTRAIT))
    assert report.jobs == 1
    doc = QPdfDocument(None)
    doc.load(str(tmp_path / "out.pdf"))
    sizes = [doc.pagePointSize(i) for i in range(doc.pageCount())]
    assert [s.width() > s.height() for s in sizes] == [False, True, False]


def test_a_zero_margin_label_sheet_is_taken_by_the_driver(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    printer = WindowsRulesPrinter(tmp_path)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # whatever the last job left behind
    report = render_to_printer(printer, _pdf(PORTRAIT, PORTRAIT), fine=True)
    assert report.warnings == ()
    assert printer.jobs() == [[(210, 297), (210, 297)]]
    assert printer.papers[0].id() == QPageSize.PageSizeId.A4
    assert report.dpis == (600, 600)  # barcodes keep the printer's resolution


def test_a_custom_roll_label_reaches_the_driver_as_custom_paper(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    printer = WindowsRulesPrinter(tmp_path, dpi=203)
    report = render_to_printer(printer, _pdf((62 * mm, 100 * mm), (62 * mm, 100 * mm)), fine=True)
    assert report.warnings == () and report.jobs == 1
    paper = printer.papers[0]
    assert paper.id() == QPageSize.PageSizeId.Custom
    size = paper.size(QPageSize.Unit.Millimeter)
    assert round(size.width()) == 62 and round(size.height()) == 100
    assert printer.jobs() == [[(62, 100), (62, 100)]]
    assert report.dpis == (203, 203)


def test_only_the_page_range_is_printed(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    printer = WindowsRulesPrinter(tmp_path)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    report = render_to_printer(printer, _pdf(PORTRAIT, LANDSCAPE, PORTRAIT, PORTRAIT))
    assert report.pages == 2
    assert printer.jobs() == [[(297, 210)], [(210, 297)]]


def test_a_paper_the_driver_refuses_is_a_warning_in_the_clerks_language(qapp, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    printer = WindowsRulesPrinter(tmp_path, dpi=203, custom_paper=False)
    dialog = PdfPreviewDialog(_pdf((62 * mm, 100 * mm)), "t", "label.pdf")
    qtbot.addWidget(dialog)
    assert dialog.print_to(printer)
    assert dialog.last_report is not None and len(dialog.last_report.warnings) == 1
    assert len(shown) == 1 and "Fake Windows Printer" in shown[0] and "62 × 100 mm" in shown[0] and "A4" in shown[0]
    assert "打印机 Fake Windows Printer 未接受纸张" in shown[0] and "纵向" in shown[0]


def test_a_page_of_text_is_rasterised_at_300_dpi_not_600(qapp) -> None:  # noqa: ANN001
    a4 = QSizeF(*A4)
    assert pdf_print.raster_dpi(600, a4) == 300
    assert pdf_print.raster_dpi(1200, a4) == 300
    assert pdf_print.raster_dpi(203, a4) == 203
    assert pdf_print.raster_dpi(600, QSizeF(*landscape(A4))) == 300
    # what a page costs: 8.7 MB in 8-bit grey at 300 dpi (35 MB at 600); a driver turning it into 32-bit
    # colour makes that 35 MB (139 MB at 600)
    pixels = round(a4.width() / 72 * 300) * round(a4.height() / 72 * 300)
    assert pixels <= pdf_print.MAX_PAGE_PIXELS and pixels * 4 < 36_000_000
    # an A3 page of text drops to 200 dpi (a third of the printer's dots), not below the budget
    assert pdf_print.raster_dpi(600, QSizeF(842, 1191)) == 200
