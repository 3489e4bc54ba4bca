"""Preview, print and save the PDFs the printing layer makes (labels, forms, slips, lists).

Printing goes through Qt's print system (QPrintDialog / QPrinter, so Windows drivers and CUPS queues
alike): each PDF page is rendered as a greyscale image at the resolution it needs (:func:`raster_dpi`:
300 dpi for text, up to 600 for barcodes, a whole fraction of the printer's own) and drawn at its exact
physical size on a full page, with no driver margins, so labels land where the PDF puts them; the
per-printer calibration is applied when the PDF is made.

Windows drivers follow rules Qt's PDF engines (a PDF file, CUPS on Linux) do not: ``setPageLayout`` is
refused while the printer is printing, and a layout whose margins are inside the printer's unprintable
border is refused whole, size and orientation with it. So paper size, orientation and margins are set
one by one before each job, what the printer took is compared with what was asked (a warning for the
clerk otherwise), and a document mixing papers or orientations (volume forms) is printed as one job per
run of pages of one paper and orientation. ``tests/ui/test_print_windows_rules.py`` shows this with a
printer that applies those rules; it has not been tried on a real Windows printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.exporting.filesafe import atomic_target
from archive_desk.ui.save_dialog import get_save_file_name

MAX_DPI = 600


class PdfPreview(QWidget):
    """A page view of PDF bytes (keeps its document and buffer alive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._buffer: QBuffer | None = None
        self.data = b""

    def set_pdf(self, data: bytes) -> None:
        self.data = data
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def page_count(self) -> int:
        return self.document.pageCount()


def load_document(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    doc = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    if doc.status() != QPdfDocument.Status.Ready:
        raise UserError(QCoreApplication.translate("PdfPrint", "The document could not be prepared for printing."))
    return doc, buffer


@dataclass(frozen=True)
class PrintReport:
    """What was sent: pages, print jobs (one per run of pages of one paper and orientation where the
    printer cannot change them within a job), the raster resolution of each page, and one warning in the
    user's language per paper or orientation the printer did not take as asked."""

    pages: int
    jobs: int
    dpis: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


#: pixels one rasterised page may have: 9 M is an A4 page at 300 dpi (8.7 MB in 8-bit grey, 35 MB if the
#: driver turns it into 32-bit colour, as Qt's Windows engine does for images); 600 dpi would be 35 / 139 MB
MAX_PAGE_PIXELS = 9_000_000
#: pages that carry fine barcodes (labels) may have 4× as many: an A4 label sheet at 600 dpi
MAX_FINE_PAGE_PIXELS = 36_000_000
#: text and rules are sharp at 300 dpi; finer only helps barcodes
TEXT_DPI = 300


def raster_dpi(printer_dpi: int, size: QSizeF, fine: bool = False) -> int:
    """The resolution to rasterise a page of ``size`` points for a printer of ``printer_dpi``: the
    printer's own resolution divided by the smallest whole number that brings it under the cap (300 dpi
    for text, 600 for barcodes) and the page under its pixel budget, so raster pixels fall on whole
    printer dots."""
    printer_dpi = max(int(printer_dpi), 1)
    cap, budget = (MAX_DPI, MAX_FINE_PAGE_PIXELS) if fine else (TEXT_DPI, MAX_PAGE_PIXELS)
    area_in2 = max(size.width(), 1.0) / 72 * max(size.height(), 1.0) / 72
    factor = 1
    while factor < printer_dpi:
        dpi = printer_dpi / factor
        if dpi <= cap and dpi * dpi * area_in2 <= budget:
            break
        factor += 1
    return max(round(printer_dpi / factor), 1)


def page_size_for(size: QSizeF) -> tuple[QPageSize, QPageLayout.Orientation]:
    """The paper for a PDF page of ``size`` points, upright, and the orientation it is printed in. A
    page within 1 pt of a standard paper (A4, A5, B5 …) is that paper; any other size (a roll label) is
    a custom paper of exactly that size, named after it, so the driver is asked for custom paper rather
    than the nearest standard one."""
    landscape = size.width() > size.height()
    upright = QSizeF(size.height(), size.width()) if landscape else QSizeF(size)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    standard = QPageSize.id(upright, QPageSize.Unit.Point, QPageSize.SizeMatchPolicy.FuzzyMatch)
    if standard != QPageSize.PageSizeId.Custom:
        known = QPageSize(standard).size(QPageSize.Unit.Point)
        if abs(known.width() - upright.width()) <= 1 and abs(known.height() - upright.height()) <= 1:
            return QPageSize(standard), orientation
    mm = QSizeF(upright.width() / 72 * 25.4, upright.height() / 72 * 25.4)
    name = f"{mm.width():.4g} x {mm.height():.4g} mm"
    return QPageSize(upright, QPageSize.Unit.Point, name, QPageSize.SizeMatchPolicy.ExactMatch), orientation


def selected_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) the print dialog's page range asks for; all pages when no range was given."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(count) if ranges.contains(i + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return list(range(first - 1, min(last or count, count)))
    return list(range(count))


def _same_paper(got: QPageSize, want: QPageSize) -> bool:
    a, b = got.size(QPageSize.Unit.Point), want.size(QPageSize.Unit.Point)
    return abs(a.width() - b.width()) <= 1.5 and abs(a.height() - b.height()) <= 1.5


def _paper_text(size: QPageSize, orientation: QPageLayout.Orientation) -> str:
    mm = size.size(QPageSize.Unit.Millimeter)
    name = size.name() if size.id() != QPageSize.PageSizeId.Custom else ""
    dims = f"{mm.width():.4g} × {mm.height():.4g} mm"
    side = (QCoreApplication.translate("PdfPrint", "landscape") if orientation == QPageLayout.Orientation.Landscape
            else QCoreApplication.translate("PdfPrint", "portrait"))
    return f"{name} ({dims}, {side})" if name else f"{dims}, {side}"


def _set_up(printer: QPrinter, size: QPageSize, orientation: QPageLayout.Orientation) -> str | None:
    """Size, orientation and margins set one by one (a Windows driver refuses a whole layout whose zero
    margins are inside its unprintable border, and then keeps neither size nor orientation); what the
    printer took is compared with what was asked: the warning for the user, or None."""
    printer.setFullPage(True)
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)  # refused by most drivers: full page anyway
    got = printer.pageLayout()
    if _same_paper(got.pageSize(), size) and got.orientation() == orientation:
        return None
    return (QCoreApplication.translate(
        "PdfPrint", "The printer %1 did not take the paper %2; it prints on %3. Check the paper set in the printer's "
                    "properties (a custom paper size may have to be added there) and print again if the pages come out wrong.")
        .replace("%1", printer.printerName() or "?").replace("%2", _paper_text(size, orientation))
        .replace("%3", _paper_text(got.pageSize(), got.orientation())))


def _changes_layout_in_a_job(printer: QPrinter) -> bool:
    """Only a PDF file takes a new paper or orientation between two pages of one job for sure; a Windows
    driver refuses while printing. So on a real printer each run of pages of one paper and orientation
    is a job of its own (on CUPS, whose engine could switch, that only means more, smaller jobs)."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat


def render_to_printer(printer: QPrinter, data: bytes, *, fine: bool = False) -> PrintReport:
    """Print the PDF's pages (those of the dialog's page range) on ``printer``, each on its own paper and
    in its own orientation, rasterised at :func:`raster_dpi` (``fine``: the page carries barcodes) and
    drawn at its exact physical size on the full sheet. Returns what was sent and what to warn about."""
    doc, buffer = load_document(data)
    try:
        wanted = selected_pages(printer, doc.pageCount())
        if not wanted:
            return PrintReport(0, 0)
        in_job = _changes_layout_in_a_job(printer)
        warnings: list[str] = []
        dpis: list[int] = []
        jobs = 0
        painter = QPainter()
        current: tuple[QPageSize, QPageLayout.Orientation] | None = None
        try:
            for index in wanted:
                size = doc.pagePointSize(index)
                paper = page_size_for(size)
                changed = current is None or not (paper[0].isEquivalentTo(current[0]) and paper[1] == current[1])
                if painter.isActive() and changed and not in_job:
                    painter.end()
                if not painter.isActive():
                    warning = _set_up(printer, *paper)
                    if warning and warning not in warnings:
                        warnings.append(warning)
                    if not painter.begin(printer):
                        raise UserError(QCoreApplication.translate("PdfPrint", "The printer %1 cannot be opened.")
                                        .replace("%1", printer.printerName()))
                    jobs += 1
                else:
                    if changed:
                        printer.setPageSize(paper[0])
                        printer.setPageOrientation(paper[1])
                    printer.newPage()
                current = paper
                res = printer.resolution()
                dpi = raster_dpi(res, size, fine)
                dpis.append(dpi)
                pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                image = _on_white(doc.render(index, pixels))
                painter.drawImage(QRectF(0, 0, size.width() / 72 * res, size.height() / 72 * res), image)
        finally:
            if painter.isActive():
                painter.end()
        return PrintReport(len(wanted), jobs, tuple(dpis), tuple(warnings))
    finally:
        doc.close()
        buffer.close()


def _on_white(rendered: QImage) -> QImage:
    """The rendered page (transparent where nothing is drawn) on white paper, in greyscale: a quarter of
    the data of a colour image, and no printer or spooler turns a transparent background black."""
    page = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def choose_printer(parent: QWidget | None, printer_name: str = "", pages: int = 0) -> QPrinter | None:
    """Qt's print dialog (with a page range when the document's ``pages`` are known); returns the
    configured printer or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    if pages > 1:
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, pages)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def printer_names() -> list[str]:
    return QPrinterInfo.availablePrinterNames()


def default_printer_name() -> str:
    return QPrinterInfo.defaultPrinterName()


def save_pdf(parent: QWidget | None, data: bytes, suggested: str) -> Path | None:
    title = QCoreApplication.translate("PdfPrint", "Save as PDF")
    path = get_save_file_name(parent, title, suggested, "PDF (*.pdf)")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    try:
        with atomic_target(target) as tmp:
            tmp.write_bytes(data)
    except UserError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    except OSError as exc:
        QMessageBox.warning(parent, title, QCoreApplication.translate("PdfPrint", "%1 could not be written: %2")
                            .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
        return None
    return target


class PdfPreviewDialog(QDialog):
    """The one preview of a document for every area: its pages, Save as PDF…, Print…, Close, and room for
    options of its own (``options``, e.g. the loan slip's paper and copies). ``make_pdf(printer_name)`` may
    remake the PDF for the chosen printer (labels apply the printer's calibration); ``after_print`` runs
    after it was printed or saved (labels record the print date); ``saved`` fires with the path written."""

    saved = Signal(str)

    def __init__(self, data: bytes, title: str, suggested_name: str, parent: QWidget | None = None,
                 make_pdf: Callable[[str], bytes] | None = None, after_print: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.suggested_name = suggested_name
        self.make_pdf = make_pdf
        self.after_print = after_print
        self.last_saved: Path | None = None
        self.last_report: PrintReport | None = None
        self.preview = PdfPreview(self)
        self.pages_label = QLabel(self)
        self.options = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setShortcut(Qt.Modifier.CTRL | Qt.Key.Key_P)
        self.print_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addLayout(self.options)
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.set_pdf(data)

    @property
    def pdf(self) -> bytes:
        return self.preview.data

    @property
    def document(self) -> QPdfDocument:
        return self.preview.document

    def set_pdf(self, data: bytes) -> None:
        self.preview.set_pdf(data)
        # the class's own context: PySide's tr() falls back along a subclass's MRO, but not for %n texts
        self.pages_label.setText(QCoreApplication.translate("PdfPreviewDialog", "%n page(s)", "", self.preview.page_count()))

    def save_to(self, path: str | Path) -> Path:
        """Write the PDF to ``path`` (``.pdf`` added if missing) through a temporary file, so a file Excel or a
        reader holds open is never left half-written; a locked target raises a UserError."""
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        with atomic_target(target) as tmp:
            tmp.write_bytes(self.pdf)
        self.last_saved = target
        self.saved.emit(str(target))
        return target

    def print_to(self, printer: QPrinter) -> bool:
        """Print on ``printer`` through the shared path; False (and the reason shown) when it failed."""
        printer.setDocName(self.suggested_name)
        try:
            data = self.make_pdf(printer.printerName()) if self.make_pdf else self.pdf
            report = render_to_printer(printer, data)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        self.last_report = report
        if report.warnings:
            QMessageBox.warning(self, self.windowTitle(), "\n\n".join(report.warnings))
        return True

    def _on_print_button_clicked(self) -> None:
        printer = choose_printer(self, pages=self.preview.page_count())
        if printer is not None and self.print_to(printer) and self.after_print:
            self.after_print()

    def _on_save_button_clicked(self) -> None:
        title = QCoreApplication.translate("PdfPrint", "Save as PDF")
        path = get_save_file_name(self, title, self.suggested_name, "PDF (*.pdf)")
        if not path:
            return
        try:
            self.save_to(path)
        except UserError as exc:
            QMessageBox.warning(self, title, str(exc))
            return
        except OSError as exc:
            QMessageBox.warning(self, title, QCoreApplication.translate("PdfPrint", "%1 could not be written: %2")
                                .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return
        if self.after_print:
            self.after_print()
