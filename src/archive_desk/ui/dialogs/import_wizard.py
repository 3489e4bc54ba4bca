"""The import wizard: file and sheet → column mapping → preview of every row with its problems →
import in one transaction (all or nothing), with progress and cancel throughout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from archive_desk.errors import UserError
from archive_desk.importing import (
    FIELDS,
    ColumnMapping,
    ImportPlan,
    MappingStore,
    RowStatus,
    detect_mapping,
    field_label,
    list_sheets,
    open_spreadsheet,
    write_error_report,
)
from archive_desk.services import importer
from archive_desk.settings import config_dir
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.workers import Runner

Index = QModelIndex | QPersistentModelIndex
FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)"
STATUS_COLOURS = {RowStatus.REJECTED: "#fde2e2", RowStatus.DUPLICATE: "#fff1c2", RowStatus.EXISTING: "#e2ecfd",
                  RowStatus.SKIPPED: "#eeeeee"}


def mapping_store() -> MappingStore:
    return MappingStore(config_dir() / "import-mappings")


class PlanModel(QAbstractTableModel):
    """Every row of the plan: row number, status, then the sheet's columns; problem cells in red."""

    def __init__(self, plan: ImportPlan, mapping: ColumnMapping, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.plan = plan
        self.rows = list(plan.rows)
        self.mapping = mapping
        self._status = {RowStatus.OK: self.tr("OK"), RowStatus.REJECTED: self.tr("Error"), RowStatus.DUPLICATE: self.tr("Duplicate"),
                        RowStatus.EXISTING: self.tr("Already catalogued"), RowStatus.SKIPPED: self.tr("Skipped")}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2 + len(self.mapping.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Status")
        col = section - 2
        return self.mapping.headers[col] if col < len(self.mapping.headers) else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _problem(self, row, col: int):  # noqa: ANN001, ANN202
        letter = _letter(col)
        return next((p for p in row.problems if p.column == letter), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.row
            if column == 1:
                return self._status.get(row.status, str(row.status))
            cells = row.cells or ()
            value = cells[column - 2] if column - 2 < len(cells) else None
            if isinstance(value, float) and value.is_integer():
                value = int(value)  # spreadsheets hand whole numbers over as floats: show 2019, not 2019.0
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column >= 2 and self._problem(row, column - 2) is not None:
                return QBrush(QColor("#f4a3a3"))
            colour = STATUS_COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column >= 2:
                problem = self._problem(row, column - 2)
                if problem is not None:
                    return problem.reason
            if column == 1:
                if row.status == RowStatus.SKIPPED:
                    return row.skip_reason
                if row.status == RowStatus.DUPLICATE:
                    return self.tr("Repeats row %1").replace("%1", str(row.duplicate_of))
                if row.problems:
                    return "\n".join(f"{p.column}: {p.reason}" for p in row.problems)
        return None


def _letter(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose the register"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls), WPS or LibreOffice (.ods) workbooks and CSV files (UTF-8 or GBK)."))
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Volumes (案卷目录)"), "volumes")
        self.kind.addItem(self.tr("Items (卷内目录)"), "items")
        self.saved = QComboBox(self)
        self.saved.addItem(self.tr("(find the columns automatically)"), "")
        for name in mapping_store().names():
            self.saved.addItem(name, name)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("The rows are"), self.kind)
        form.addRow(self.tr("Column mapping"), self.saved)
        self.path.editingFinished.connect(self._load_sheets)
        self.registerField("path*", self.path)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the register"), "", FILTER)
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path.setText(path)
        self._load_sheets()

    def _load_sheets(self) -> None:
        self.sheet.clear()
        try:
            sheets = list_sheets(self.path.text())
        except UserError as exc:
            QMessageBox.warning(self, self.title(), str(exc))
            return
        for info in sheets:
            self.sheet.addItem(info.name, info.name)

    def validatePage(self) -> bool:  # noqa: N802
        return self.sheet.count() > 0


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("The header row was found and the columns matched from their headers; correct any that are wrong."))
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1000)
        self.header_row.setObjectName("headerRow")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Imported as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.heading = QLabel(self)
        self.heading.setObjectName("headingRows")
        self.missing = QLabel(self)
        self.missing.setStyleSheet("color: #b00020")
        save = QPushButton(self.tr("Save this mapping…"), self)
        save.clicked.connect(self._on_save_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Header row"), self))
        top.addWidget(self.header_row)
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        self.header_row.valueChanged.connect(self._on_header_row_valueChanged)
        self._reader = None

    def initializePage(self) -> None:  # noqa: N802
        page = self.wiz.file_page
        kind = page.kind.currentData()
        with open_spreadsheet(page.path.text()) as book:
            self._reader = book.sheet(page.sheet.currentData(), head=60)
            saved = page.saved.currentData()
            if saved:
                from archive_desk.importing import apply_template

                mapping = apply_template(mapping_store().load(saved), self._reader)
            else:
                mapping = detect_mapping(self._reader, kind)
        self.set_mapping(mapping)

    def set_mapping(self, mapping: ColumnMapping) -> None:
        self.wiz.mapping = mapping
        self.header_row.blockSignals(True)
        self.header_row.setValue(mapping.first_header_row)
        self.header_row.blockSignals(False)
        self.heading.setText(self.tr("A heading of two rows: %1–%2; data starts on row %3")
                             .replace("%1", str(mapping.first_header_row)).replace("%2", str(mapping.header_row))
                             .replace("%3", str(mapping.header_row + 1)) if mapping.heading_rows > 1 else "")
        self.table.setRowCount(len(mapping.headers))
        for i, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True)):
            self.table.setItem(i, 0, QTableWidgetItem(_letter(i)))
            self.table.setItem(i, 1, QTableWidgetItem(header))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(not imported)"), None)
            for name in FIELDS[mapping.kind]:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(lambda _i, col=i, c=combo: self._on_field_changed(col, c.currentData()))
            self.table.setCellWidget(i, 2, combo)
        self._show_missing()

    def _on_field_changed(self, column: int, name: str | None) -> None:
        try:
            self.set_mapping(self.wiz.mapping.with_field(column, name))
        except UserError as exc:
            show_error(self, exc)

    def _on_header_row_valueChanged(self, value: int) -> None:
        if self._reader is not None:
            self.set_mapping(self.wiz.mapping.with_header_row(self._reader, value))

    def _show_missing(self) -> None:
        missing = self.wiz.mapping.missing_required()
        self.missing.setText(self.tr("Still needed: %1").replace("%1", "、".join(field_label(m) for m in missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.mapping is not None and not self.wiz.mapping.missing_required()

    def _on_save_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save this mapping"), self.tr("Name:"))
        if ok and name.strip():
            try:
                mapping_store().save(name.strip(), self.wiz.mapping)
            except UserError as exc:
                show_error(self, exc)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Every row of the file with what will happen to it. Nothing has been written yet."))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.view = QTableView(self)
        self.view.setObjectName("importPreview")
        self.view.verticalHeader().setVisible(False)
        self.update_existing = QCheckBox(self.tr("Update volumes that are already catalogued"), self)
        self.create_fonds = QCheckBox(self.tr("Create fonds that are not in the catalogue yet"), self)
        self.create_fonds.setChecked(True)
        report = QPushButton(self.tr("Save the problems as a workbook…"), self)
        report.clicked.connect(self._on_report_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel)
        options = QHBoxLayout()
        options.addWidget(self.update_existing)
        options.addWidget(self.create_fonds)
        options.addStretch(1)
        options.addWidget(report)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(options)
        self.runner = Runner(self)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)

    def initializePage(self) -> None:  # noqa: N802
        self.wiz.plan = None
        self.summary.setText(self.tr("Reading and checking every row…"))
        db, path, mapping = self.wiz.ctx.db, self.wiz.file_page.path.text(), self.wiz.mapping
        kind = self.wiz.file_page.kind.currentData()
        self.cancel.setEnabled(True)
        self.runner.start(lambda progress, cancel: importer.plan(db, path, kind=kind, sheet=mapping.sheet, mapping=mapping,
                                                                 progress=progress, should_cancel=cancel), with_progress=True)
        self.completeChanged.emit()

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_runner_finished(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)
        self.wiz.plan = plan
        self.cancel.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self.view.setModel(PlanModel(plan, self.wiz.mapping, self.view))
        s = plan.summary
        self.summary.setText(self.tr("%1 rows read = %2 to import + %3 with errors + %4 duplicates + %5 already catalogued + "
                                     "%6 skipped (%7 blank, %8 total lines, %9 signature lines)")
                             .replace("%1", str(s.rows_read)).replace("%2", str(s.ok)).replace("%3", str(s.rejected))
                             .replace("%4", str(s.duplicate)).replace("%5", str(s.existing)).replace("%6", str(s.skipped))
                             .replace("%7", str(s.skipped_blank)).replace("%8", str(s.skipped_total)).replace("%9", str(s.skipped_signature)))
        self.completeChanged.emit()

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.cancel.setEnabled(False)
        self.summary.setText(str(exc))
        if not isinstance(exc, UserError):
            show_error(self, exc)  # type: ignore[arg-type]

    def _on_cancel_clicked(self) -> None:
        self.runner.cancel()

    def _on_report_clicked(self) -> None:
        if self.wiz.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the problems as a workbook"), "import-problems.xlsx", "Excel (*.xlsx)")
        if path:
            try:
                write_error_report(self.wiz.plan, Path(path))
            except UserError as exc:
                show_error(self, exc)

    def isComplete(self) -> bool:  # noqa: N802
        plan = self.wiz.plan
        return plan is not None and (plan.summary.ok > 0 or (self.update_existing.isChecked() and plan.summary.existing > 0))


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All accepted rows are written together, or none: a cancel leaves the catalogue as it was."))
        self.progress = QProgressBar(self)
        self.result = QLabel(self)
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(lambda: self.runner.cancel())
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        self.runner = Runner(self)
        self.runner.progressed.connect(lambda done, total: (self.progress.setMaximum(max(total, 1)), self.progress.setValue(done)))
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.done = False

    def initializePage(self) -> None:  # noqa: N802
        self.done = False
        preview = self.wiz.preview_page
        db, actor, plan = self.wiz.ctx.db, self.wiz.ctx.actor, self.wiz.plan
        update, create = preview.update_existing.isChecked(), preview.create_fonds.isChecked()
        self.result.setText(self.tr("Importing…"))
        self.cancel.setEnabled(True)
        self.runner.start(lambda progress, cancel: importer.commit(db, actor, plan, update_existing=update, create_missing_fonds=create,
                                                                   progress=progress, should_cancel=cancel), with_progress=True)

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, importer.ImportResult)
        self.wiz.result = result
        self.done = True
        self.cancel.setEnabled(False)
        lines = [self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 items.").replace("%1", str(result.created))
                 .replace("%2", str(result.updated)).replace("%3", str(result.unchanged)).replace("%4", str(result.items))]
        for failure in result.failures:
            lines.append(self.tr("Row %1 (%2) refused: %3").replace("%1", str(failure.row)).replace("%2", failure.value)
                         .replace("%3", failure.reason))
        self.result.setText("\n".join(lines))
        self.completeChanged.emit()

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.cancel.setEnabled(False)
        self.result.setText(self.tr("Nothing was imported: %1").replace("%1", str(exc)))
        if not isinstance(exc, UserError):
            show_error(self, exc)  # type: ignore[arg-type]

    def isComplete(self) -> bool:  # noqa: N802
        return self.done


class ImportWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a register"))
        self.resize(1000, 700)
        self.mapping: ColumnMapping | None = None
        self.plan: ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)
