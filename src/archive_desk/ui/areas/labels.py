"""The Labels area: build a batch of volumes, pick template, stock and printer, preview, print.

Batches come from scans (a scanned list of codes), the catalogue's selection, a search, a shelf range,
or every volume whose label was never printed. Per-printer calibration (offset and creep) is kept in
the workstation settings and applied when the PDF is made; a test page helps measure it.
"""

from __future__ import annotations

from typing import ClassVar

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.printing import barcodes
from archive_desk.printing.data import Calibration, LabelRecord, label_fields
from archive_desk.printing.forms import render_volume_forms
from archive_desk.printing.labels import (
    LabelLayout,
    layout_labels,
    narrowest_module_mm,
    render_labels_reporting,
    render_test_page,
)
from archive_desk.printing.templates import (
    LabelTemplate,
    Stock,
    applicable_stocks,
    list_stocks,
    list_templates,
    save_template,
    simple_template,
)
from archive_desk.services import labels
from archive_desk.settings import config_dir
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.ops import run_op
from archive_desk.ui.permissions import Ops, may
from archive_desk.ui.pdf_print import (
    PdfPreview,
    PdfPreviewDialog,
    choose_printer,
    default_printer_name,
    printer_names,
    render_to_printer,
    save_pdf,
)
from archive_desk.ui.scan_input import ScanLineEdit


#: what one print run is made of: the records, the template, the stock and the printer's calibration
_Batch = tuple[list[LabelRecord], LabelTemplate, Stock, Calibration]


def user_templates_dir() -> Path:
    return config_dir() / "label-templates"


class LabelsArea(Area):
    area_id = "labels"
    # (ui/permissions.py) printing and saving labels are for everyone who may look; recording the print date on
    # the volumes is a write (unticked and disabled for a role that may not), as is the room's choice of scanners
    GUARDS: ClassVar[dict[str, Ops]] = {"mark_printed": "labels.mark_printed", "scanners_combo": "labels.set_room_scanners"}

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.volume_ids: list[int] = []
        self._templates: list[LabelTemplate] = []
        self._stocks: list[Stock] = []
        #: what the last PDF made held: which labels fell back to Data Matrix, which were refused
        self.last_layout: LabelLayout | None = None
        with ctx.db.read() as session:
            self.scanners = labels.room_scanners(session)

        left = self._build_batch_side()
        right = self._build_print_side()
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.template_combo.currentIndexChanged.connect(self._on_template_combo_currentIndexChanged)
        self.stock_combo.currentIndexChanged.connect(self._on_stock_combo_currentIndexChanged)
        self.printer_combo.currentTextChanged.connect(self._on_printer_combo_currentTextChanged)
        self.scanners_combo.currentIndexChanged.connect(self._on_scanners_combo_currentIndexChanged)
        self._load_templates(labels.default_labels(self.scanners)[0])
        self._load_printers()

    def _build_print_side(self) -> QWidget:
        """The right side: scanners, template, stock, printer calibration, the actions and the preview."""
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("templateCombo")
        self.stock_combo = QComboBox(self)
        self.stock_combo.setObjectName("stockCombo")
        self.start_at = QSpinBox(self)
        self.start_at.setObjectName("startAt")
        self.start_at.setRange(1, 1)
        self.scanners_combo = QComboBox(self)
        self.scanners_combo.setObjectName("scannersCombo")
        self.scanners_combo.addItem(self.tr("2D imagers (Data Matrix and Code 128)"), barcodes.SCANNERS_2D)
        self.scanners_combo.addItem(self.tr("1D laser scanners only (Code 128)"), barcodes.SCANNERS_1D)
        self.scanners_combo.setCurrentIndex(max(0, self.scanners_combo.findData(self.scanners)))
        self.printer_combo = QComboBox(self)
        self.printer_combo.setObjectName("printerCombo")
        self.offset_x = self._mm_box()
        self.offset_y = self._mm_box()
        self.creep = self._mm_box(0.5)
        self.mark_printed = QCheckBox(self.tr("Record the print date"), self)
        self.mark_printed.setChecked(may(self.ctx.actor, "labels.mark_printed"))
        new_template = QPushButton(self.tr("New template…"), self)
        new_template.clicked.connect(self._on_new_template_clicked)
        form = QFormLayout()
        trow = QHBoxLayout()
        trow.addWidget(self.template_combo, 1)
        trow.addWidget(new_template)
        form.addRow(self.tr("Scanners in this room"), self.scanners_combo)
        form.addRow(self.tr("Template"), trow)
        form.addRow(self.tr("Label stock"), self.stock_combo)
        form.addRow(self.tr("Start at label"), self.start_at)
        calib = QGroupBox(self.tr("Printer calibration (mm)"), self)
        cform = QFormLayout(calib)
        cform.addRow(self.tr("Printer"), self.printer_combo)
        cform.addRow(self.tr("Offset right"), self.offset_x)
        cform.addRow(self.tr("Offset down"), self.offset_y)
        cform.addRow(self.tr("Creep per row"), self.creep)
        save_cal = QPushButton(self.tr("Save calibration"), self)
        save_cal.clicked.connect(self._on_save_calibration_clicked)
        test_page = QPushButton(self.tr("Test page…"), self)
        test_page.clicked.connect(self._on_test_page_clicked)
        crow = QHBoxLayout()
        crow.addWidget(save_cal)
        crow.addWidget(test_page)
        cform.addRow(crow)
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.update_preview)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.forms_button = QPushButton(self.tr("Volume forms…"), self)
        self.forms_button.clicked.connect(self._on_forms_clicked)
        actions = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button, self.forms_button):
            actions.addWidget(b)
        self.preview = PdfPreview(self)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.addLayout(form)
        rv.addWidget(calib)
        rv.addWidget(self.mark_printed)
        rv.addLayout(actions)
        rv.addWidget(self.preview, 1)
        return right

    def _build_batch_side(self) -> QWidget:
        """The left side: the scan field, the ways to fill the batch, the batch and the message."""
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("labelScanField")
        self.scan_field.setPlaceholderText(self.tr("Scan or type a code, then Enter"))
        self.scan_field.scanned.connect(self._on_scan_field_scanned)
        self.message = QLabel(self)
        self.message.setObjectName("labelMessage")
        self.message.setWordWrap(True)
        self.batch = QTableWidget(0, 2, self)
        self.batch.setObjectName("labelBatch")
        self.batch.setHorizontalHeaderLabels([self.tr("Archival code"), self.tr("Title")])
        self.batch.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.batch.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batch.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        add_never = QPushButton(self.tr("Add never printed"), self)
        add_never.clicked.connect(self._on_add_never_clicked)
        add_selection = QPushButton(self.tr("Add catalogue selection"), self)
        add_selection.setObjectName("addSelectionButton")
        add_selection.clicked.connect(self._on_add_selection_clicked)
        self.add_selection_button = add_selection
        add_search = QPushButton(self.tr("Add search results…"), self)
        add_search.clicked.connect(self._on_add_search_clicked)
        add_shelf = QPushButton(self.tr("Add a shelf range…"), self)
        add_shelf.clicked.connect(self._on_add_shelf_clicked)
        remove = QPushButton(self.tr("Remove selected"), self)
        remove.clicked.connect(self._on_remove_clicked)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(self._on_clear_clicked)
        sources = QHBoxLayout()
        for b in (add_never, add_selection, add_search, add_shelf):
            sources.addWidget(b)
        edits = QHBoxLayout()
        edits.addWidget(remove)
        edits.addWidget(clear)
        edits.addStretch(1)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addWidget(self.scan_field)
        lv.addLayout(sources)
        lv.addWidget(self.batch, 1)
        lv.addLayout(edits)
        lv.addWidget(self.message)
        return left

    def title(self) -> str:
        return self.tr("Labels")

    def _mm_box(self, limit: float = 20.0) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(-limit, limit)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.setSuffix(" mm")
        return box

    # ------------------------------------------------------------ templates, stock, printers

    def _load_templates(self, select: str | None = None) -> None:
        select = select or labels.default_labels(self.scanners)[0]
        problems: list[str] = []
        self._templates = list_templates(user_templates_dir(), on_error=lambda exc: problems.append(str(exc)))
        self._stocks = list_stocks(user_templates_dir(), on_error=lambda exc: problems.append(str(exc)))
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for tpl in self._templates:
            self.template_combo.addItem(f"{tpl.display_title}  ({tpl.width_mm:g}×{tpl.height_mm:g} mm)", tpl.name)
        index = max(0, self.template_combo.findData(select))
        self.template_combo.setCurrentIndex(index)
        self.template_combo.blockSignals(False)
        self._fill_stocks()
        if problems:
            self.message.setText("\n".join(problems))

    def current_template(self) -> LabelTemplate | None:
        name = self.template_combo.currentData()
        return next((tpl for tpl in self._templates if tpl.name == name), None)

    def current_stock(self) -> Stock | None:
        name = self.stock_combo.currentData()
        return next((s for s in self._stocks if s.name == name), None)

    def _fill_stocks(self) -> None:
        tpl = self.current_template()
        stocks = applicable_stocks(tpl, self._stocks) if tpl else []
        self.stock_combo.blockSignals(True)
        self.stock_combo.clear()
        for stock in stocks:
            self.stock_combo.addItem(stock.display_title, stock.name)
        index = self.stock_combo.findData(labels.default_labels(self.scanners)[1])
        self.stock_combo.setCurrentIndex(index if index >= 0 else 0)
        self.stock_combo.blockSignals(False)
        self._on_stock_combo_currentIndexChanged()

    def _on_scanners_combo_currentIndexChanged(self) -> None:
        value = self.scanners_combo.currentData()
        if value == self.scanners:
            return
        def done(scanners: str) -> None:
            self.scanners = scanners
            template, _stock = labels.default_labels(self.scanners)
            self._load_templates(template)
            self.message.setText(self.tr("The room's labels now start with %1 on %2.").replace(
                "%1", self.template_combo.currentText()).replace("%2", self.stock_combo.currentText()))

        run_op(self, labels.set_room_scanners, self.ctx.actor, value, on_success=done)

    def _on_template_combo_currentIndexChanged(self) -> None:
        self._fill_stocks()

    def _on_stock_combo_currentIndexChanged(self) -> None:
        stock = self.current_stock()
        per_page = stock.labels_per_page(self.current_template()) if stock else 1
        self.start_at.setRange(1, max(1, per_page))

    def _load_printers(self) -> None:
        names = printer_names()
        self.printer_combo.addItems(names or [self.tr("(no printer)")])
        default = default_printer_name()
        if default in names:
            self.printer_combo.setCurrentText(default)
        self._on_printer_combo_currentTextChanged(self.printer_combo.currentText())

    def calibration_for(self, printer: str) -> Calibration:
        values = self.ctx.settings.calibration.get(printer, {})
        return Calibration(offset_x_mm=float(values.get("offset_x_mm", 0.0)), offset_y_mm=float(values.get("offset_y_mm", 0.0)),
                           creep_y_mm=float(values.get("creep_y_mm", 0.0)))

    def _on_printer_combo_currentTextChanged(self, name: str) -> None:
        cal = self.calibration_for(name)
        self.offset_x.setValue(cal.offset_x_mm)
        self.offset_y.setValue(cal.offset_y_mm)
        self.creep.setValue(cal.creep_y_mm)

    def _on_save_calibration_clicked(self) -> None:
        printer = self.printer_combo.currentText()
        self.ctx.settings.calibration[printer] = {"offset_x_mm": self.offset_x.value(), "offset_y_mm": self.offset_y.value(),
                                                  "creep_y_mm": self.creep.value()}
        self.ctx.save_settings()
        self.message.setText(self.tr("Calibration saved for %1.").replace("%1", printer))

    def _current_calibration(self) -> Calibration:
        return Calibration(offset_x_mm=self.offset_x.value(), offset_y_mm=self.offset_y.value(), creep_y_mm=self.creep.value())

    # ------------------------------------------------------------ the batch

    def add_volumes(self, ids: list[int]) -> int:
        have = set(self.volume_ids)
        new = [i for i in dict.fromkeys(ids) if i not in have]
        if not new:
            return 0
        with self.ctx.db.read() as session:
            records = labels.label_records(session, new, viewer=self.ctx.actor)
        for vid, record in zip(new, records, strict=False):
            self.volume_ids.append(vid)
            row = self.batch.rowCount()
            self.batch.insertRow(row)
            self.batch.setItem(row, 0, QTableWidgetItem(record.code))
            self.batch.setItem(row, 1, QTableWidgetItem(record.title))
        self.message.setText(self.tr("%n volume(s) in the batch.", "", len(self.volume_ids)))
        return len(new)

    def handle_scan(self, text: str) -> bool:
        self._on_scan_field_scanned(text)
        return True

    def _on_scan_field_scanned(self, text: str) -> None:
        with self.ctx.db.read() as session:
            batch = labels.resolve_codes(session, [text])
        if batch.unknown:
            self.message.setText(self.tr("Unknown code: %1").replace("%1", text))
            return
        if not self.add_volumes(list(batch.volume_ids)):
            self.message.setText(self.tr("%1 is already in the batch.").replace("%1", text))

    def _on_add_never_clicked(self) -> None:
        with self.ctx.db.read() as session:
            ids = labels.never_printed(session, limit=5000)
        if not ids:
            self.message.setText(self.tr("Every volume's label has been printed."))
            return
        self.add_volumes(ids)

    def _on_add_selection_clicked(self) -> None:
        ids = self.host.catalogue_selection() if self.host is not None else []
        if not ids:
            self.message.setText(self.tr("Select volumes in the catalogue first."))
            return
        self.add_volumes(ids)

    def _on_add_search_clicked(self) -> None:
        query, ok = QInputDialog.getText(self, self.tr("Add search results"), self.tr("Search for:"))
        if not ok or not query.strip():
            return
        from archive_desk.services import search

        with self.ctx.db.read() as session:
            hits = search.search(session, query.strip(), limit=1000, viewer=self.ctx.actor)
        self.add_volumes([h.volume_id for h in hits])

    def _on_add_shelf_clicked(self) -> None:
        dialog = ShelfRangeDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with self.ctx.db.read() as session:
            ids = labels.shelf_range(session, room_id=dialog.room_id(), rack_id=dialog.rack_id())
        self.add_volumes(ids)

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.batch.selectedIndexes()}, reverse=True)
        for row in rows:
            self.batch.removeRow(row)
            del self.volume_ids[row]

    def _on_clear_clicked(self) -> None:
        self.batch.setRowCount(0)
        self.volume_ids.clear()
        self.message.clear()

    # ------------------------------------------------------------ output

    def _batch(self, printer: str | None = None) -> _Batch:
        tpl, stock = self.current_template(), self.current_stock()
        if tpl is None or stock is None:
            raise UserError(self.tr("Choose a template and a label stock."))
        if not self.volume_ids:
            raise UserError(self.tr("The batch is empty: scan or add volumes first."))
        calibration = self.calibration_for(printer) if printer else self._current_calibration()
        with self.ctx.db.read() as session:
            # a 归档章 belongs to each 件: one seal per item, with the item's own 件号 and 页数
            records = (labels.item_seal_records(session, self.volume_ids, viewer=self.ctx.actor) if tpl.kind == "seal"
                       else labels.label_records(session, self.volume_ids, viewer=self.ctx.actor))
        if tpl.kind != "seal":
            self._log_personal("print")
        return records, tpl, stock, calibration

    def _log_personal(self, action: str) -> None:
        """Record that the batch's personal fields were shown unmasked (services/masking.py), off the GUI thread."""
        from archive_desk.services import masking  # noqa: PLC0415

        if self.ctx.db.read_only or not masking.should_log(self.ctx.actor):
            return
        with self.ctx.db.read() as session:
            shown = masking.personal_shown_ids(session, self.ctx.actor, self.volume_ids)
        if shown:
            from archive_desk.ui.ops import run_op  # noqa: PLC0415

            run_op(self, masking.log_access_op, self.ctx.actor, action, shown)

    def make_pdf(self, printer: str | None = None, batch: _Batch | None = None) -> bytes:
        """The batch as PDF; labels that cannot print are left out and listed (see :meth:`layout_note`)."""
        records, tpl, stock, calibration = batch or self._batch(printer)
        self._last_records = records
        data, self.last_layout = render_labels_reporting(records, tpl, stock, start_at=self.start_at.value(),
                                                         calibration=calibration, scanners=self.scanners, skip_refused=True)
        assert isinstance(data, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        return data

    def layout_note(self, layout: LabelLayout | None = None) -> str:
        """What the clerk should know about the labels made: codes printed as Data Matrix, labels not printed."""
        layout = layout or self.last_layout
        if layout is None:
            return ""
        lines = []
        if layout.fallbacks:
            lines.append(self.tr("%n code(s) are too long for Code 128 on this template and print as Data Matrix: %1", "",
                                 len(layout.fallbacks)).replace("%1", "、".join(
                self._code_at(p.record_index) for p in layout.fallbacks[:10])))
        if layout.refused:
            lines.append(self.tr("%n label(s) cannot be printed and are left out:", "", len(layout.refused)))
            lines.extend(f"{r.code}: {r.reason}" for r in layout.refused[:10])
        return "\n".join(lines)

    def _code_at(self, record_index: int) -> str:
        records = getattr(self, "_last_records", [])
        return records[record_index].code if record_index < len(records) else str(record_index + 1)

    def too_fine_for(self, printer: QPrinter, batch: _Batch | None = None) -> str | None:
        """What to tell the user when the batch's barcodes are finer than ``printer`` can draw (bars of
        fewer than two of its dots do not scan), else None."""
        records, tpl, stock, calibration = batch or self._batch(printer.printerName())
        narrowest = narrowest_module_mm(layout_labels(records, tpl, stock, start_at=self.start_at.value(), calibration=calibration,
                                                      scanners=self.scanners, skip_refused=True))
        dpi = printer.resolution()
        if narrowest is None or barcodes.readable_on(narrowest, dpi):
            return None
        return self.tr(
            "The narrowest bars of these barcodes are %1 mm wide. %2 prints at %3 dpi, where they are %4 dots wide, "
            "and scanners may not read them. Print on a printer of at least %5 dpi, or choose a larger label.\n\n"
            "Print anyway?"
        ).replace("%1", f"{narrowest:.3f}").replace("%2", printer.printerName() or self.tr("This printer")).replace(
            "%3", str(dpi)).replace("%4", f"{barcodes.printer_dots(narrowest, dpi):.1f}").replace(
            "%5", str(barcodes.min_printer_dpi(narrowest)))

    def update_preview(self) -> None:
        try:
            self.preview.set_pdf(self.make_pdf())
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.layout_note())

    def _after_output(self) -> None:
        note = self.layout_note()
        if self.last_layout is not None and self.last_layout.template.kind == "seal":
            printed = []  # seals are per 件, not the volumes' labels
        elif self.last_layout is not None:
            printed = [self.volume_ids[p.record_index] for p in self.last_layout.labels]
        else:
            printed = list(self.volume_ids)
        self.message.setText(note)
        if self.mark_printed.isChecked() and self.mark_printed.isEnabled() and printed:
            recorded = self.tr("Print date recorded for %n volume(s).", "", len(printed))
            run_op(self, labels.mark_printed, self.ctx.actor, printed,
                   on_success=lambda _n: self.message.setText("\n".join(x for x in (recorded, note) if x)))

    def _on_print_clicked(self) -> None:
        printer = choose_printer(self, self.printer_combo.currentText())
        if printer is None:
            return
        try:
            batch = self._batch(printer.printerName())  # read once for the check and the print
            warning = self.too_fine_for(printer, batch)
            if warning is not None and QMessageBox.warning(
                    self, self.tr("Barcodes too fine for this printer"), warning,
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return
            report = render_to_printer(printer, self.make_pdf(batch=batch), fine=True)
        except UserError as exc:
            show_error(self, exc)
            return
        self._after_output()
        if report.warnings:  # the paper the driver kept is not the labels' paper: say so before more sheets go in
            QMessageBox.warning(self, self.tr("Print labels"), "\n\n".join(report.warnings))

    def _on_save_clicked(self) -> None:
        try:
            data = self.make_pdf()
        except UserError as exc:
            show_error(self, exc)
            return
        if save_pdf(self, data, "labels.pdf"):
            self._after_output()

    def _on_test_page_clicked(self) -> None:
        stock, tpl = self.current_stock(), self.current_template()
        if stock is None:
            return
        try:
            data = render_test_page(stock, self._current_calibration(), template=tpl)
        except UserError as exc:
            show_error(self, exc)
            return
        assert isinstance(data, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        PdfPreviewDialog(data, self.tr("Calibration test page"), "test-page.pdf", self,
                         make_pdf=lambda printer: render_test_page(stock, self.calibration_for(printer), template=tpl)).open()

    def _on_forms_clicked(self) -> None:
        if not self.volume_ids:
            self.message.setText(self.tr("The batch is empty: scan or add volumes first."))
            return
        with self.ctx.db.read() as session:
            forms = labels.volume_forms(session, self.volume_ids, clerk=self.ctx.settings.clerk_name, viewer=self.ctx.actor)
        self._log_personal("print")
        data = render_volume_forms(forms)
        assert isinstance(data, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        PdfPreviewDialog(data, self.tr("Volume forms"), "volume-forms.pdf", self).open()

    def _on_new_template_clicked(self) -> None:
        dialog = NewTemplateDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            tpl = dialog.template()
            save_template(tpl, user_templates_dir())
        except UserError as exc:
            show_error(self, exc)
            return
        self._load_templates(select=tpl.name)


class ShelfRangeDialog(QDialog):
    """Pick a room, or a rack in it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shelf range"))
        from archive_desk.services import locations

        with ctx.db.read() as session:
            self._rooms = locations.list_rooms(session)
            self._racks = {room.id: locations.list_racks(session, room.id) for room in self._rooms}
        self.room = QComboBox(self)
        for room in self._rooms:
            self.room.addItem(room.name or room.code, room.id)
        self.rack = QComboBox(self)
        self.room.currentIndexChanged.connect(self._fill_racks)
        self._fill_racks()
        form = QFormLayout(self)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Rack"), self.rack)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fill_racks(self) -> None:
        self.rack.clear()
        self.rack.addItem(self.tr("(whole room)"), None)
        for rack in self._racks.get(self.room.currentData(), []):
            self.rack.addItem(self.tr("Rack %1").replace("%1", str(rack.number)), rack.id)

    def room_id(self) -> int | None:
        return self.room.currentData()

    def rack_id(self) -> int | None:
        return self.rack.currentData()


class NewTemplateDialog(QDialog):
    """A custom label template from fields, a size and a font size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New label template"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("my-label"))
        self.width = QDoubleSpinBox(self)
        self.width.setRange(10, 200)
        self.width.setValue(60)
        self.width.setSuffix(" mm")
        self.height = QDoubleSpinBox(self)
        self.height.setRange(10, 300)
        self.height.setValue(40)
        self.height.setSuffix(" mm")
        self.font_size = QDoubleSpinBox(self)
        self.font_size.setRange(5, 24)
        self.font_size.setValue(9)
        self.font_size.setSuffix(" pt")
        self.barcode = QCheckBox(self.tr("Barcode"), self)
        self.barcode.setChecked(True)
        self.fields = QListWidget(self)
        for key, caption in label_fields():
            item = QListWidgetItem(caption, self.fields)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ("code", "title", "year", "retention") else Qt.CheckState.Unchecked)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.tr("Height"), self.height)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.barcode)
        form.addRow(self.tr("Fields"), self.fields)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def template(self) -> LabelTemplate:
        fields = [self.fields.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.fields.count())
                  if self.fields.item(i).checkState() == Qt.CheckState.Checked]
        name = self.name.text().strip() or "custom"
        return simple_template(name, self.width.value(), self.height.value(), fields, title=name,
                               barcode=self.barcode.isChecked(), font_size=self.font_size.value())


def create(ctx: AppContext, parent: QWidget | None = None) -> LabelsArea:
    return LabelsArea(ctx, parent)


__all__ = ["LabelsArea", "QMessageBox", "create"]
