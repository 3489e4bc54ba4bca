"""Preview, print and save the PDFs the printing layer makes (labels, forms, slips, lists).

Printing goes through Qt's print system (QPrintDialog / QPrinter, so Windows drivers and CUPS queues
alike): each PDF page is rendered at the printer's resolution (capped at 600 dpi) as a greyscale
image and drawn at its exact physical size on a full page, with no driver margins, so labels land where
the PDF puts them; the per-printer calibration is applied when the PDF is made.
"""

from __future__ import annotations

from collections.abc import Callable
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


def render_to_printer(printer: QPrinter, data: bytes) -> int:
    """Print every page of the PDF on ``printer``; returns the number of pages sent."""
    doc, buffer = load_document(data)
    try:
        pages = doc.pageCount()
        if pages == 0:
            return 0
        first = doc.pagePointSize(0)
        printer.setFullPage(True)
        printer.setPageLayout(_layout_for(first))
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(QCoreApplication.translate("PdfPrint", "The printer %1 cannot be opened.").replace("%1", printer.printerName()))
        try:
            for index in range(pages):
                size = doc.pagePointSize(index)
                if index > 0:
                    printer.setPageLayout(_layout_for(size))
                    printer.newPage()
                res = printer.resolution()
                dpi = min(res, MAX_DPI)
                pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                image = _on_white(doc.render(index, pixels))
                target = QRectF(0, 0, size.width() / 72 * res, size.height() / 72 * res)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return pages
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


def _layout_for(size: QSizeF) -> QPageLayout:
    page = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if size.width() > size.height() else QPageLayout.Orientation.Portrait
    if orientation == QPageLayout.Orientation.Landscape:
        page = QPageSize(QSizeF(size.height(), size.width()), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def choose_printer(parent: QWidget | None, printer_name: str = "") -> QPrinter | None:
    """Qt's print dialog; returns the configured printer or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
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
            render_to_printer(printer, data)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        return True

    def _on_print_button_clicked(self) -> None:
        printer = choose_printer(self)
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
