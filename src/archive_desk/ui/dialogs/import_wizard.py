"""The import wizard: file and sheet → column mapping → preview of every row with its problems →
import in one transaction (all or nothing), with progress and cancel throughout.

The preview is the commit page: once the import starts there is no way back to a preview that no
longer matches the catalogue. While the import runs, the wizard's Cancel (and closing the window)
asks the import to stop and waits for it: the wizard closes only when the catalogue is as it was.
``ImportWizard.imported`` is emitted when an import has been written, for the main window to refresh.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
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
    QPlainTextEdit,
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
from archive_desk.filenames import clean_file_name
from archive_desk.importing import (
    FIELDS,
    SUPPORTED_SUFFIXES,
    ColumnMapping,
    ImportCancelled,
    ImportPlan,
    MappingStore,
    RowResult,
    RowStatus,
    apply_template,
    detect_mapping,
    field_label,
    item_list_sheets,
    list_sheets,
    open_spreadsheet,
    register_sheets,
    write_error_report,
)
from archive_desk.importing.mapping import header_key
from archive_desk.services import importer
from archive_desk.services.ops import CATALOGUE, OpChanges
from archive_desk.settings import config_dir
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.item_models.list_model import Column, ListModel
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.ops import announce
from archive_desk.ui.workers import Runner

STATUS_COLOURS = {RowStatus.REJECTED: "#fde2e2", RowStatus.DUPLICATE: "#fff1c2", RowStatus.EXISTING: "#e2ecfd",
                  RowStatus.SKIPPED: "#eeeeee"}
#: rows the clerk has to look at: not imported because of something in the file
PROBLEM_STATUSES = frozenset({RowStatus.REJECTED, RowStatus.DUPLICATE})
ERROR_STYLE = "color: #b00020"
#: the sheet choice "every sheet holding a register"
ALL_SHEETS = "\x00all"


def mapping_store() -> MappingStore:
    return MappingStore(config_dir() / "import-mappings")


def _message(exc: BaseException) -> str:
    """A UserError's message without its ``where`` (the path the clerk just picked, the sheet name
    the message names already)."""
    return exc.message if isinstance(exc, UserError) else str(exc)


def save_problems_workbook(parent: QWidget, plan: ImportPlan | None, title: str,
                           result: importer.ImportResult | None = None) -> None:
    """Ask where, then write the plan's problems workbook (summary, problems, skipped rows, and the rows
    the catalogue refused when the import was written)."""
    if plan is None:
        return
    source = Path(plan.path)
    name = QCoreApplication.translate("ImportWizard", "%1 - import problems").replace("%1", source.stem)
    path = get_save_file_name(parent, title, source.with_name(clean_file_name(f"{name}.xlsx")), "Excel (*.xlsx)")
    if path:
        try:
            refused = [(f.sheet, f.row, f.value, f.reason) for f in result.failures] if result is not None else []
            write_error_report(plan, Path(path), refused)
        except UserError as exc:
            show_error(parent, exc)


#: a volume's column -> the import field that names it, for labels
_FIELD_OF_COLUMN = {"layer_id": "location", "security_period": "security", "date_precision": "date_range"}


class PlanModel(ListModel[RowResult]):
    """Every row of the plan: row number, status, the row's problems as text, then the sheet's
    columns; problem cells in red. The rows shown are all, or only those with problems
    (a list built once per switch, so that 100,000 rows filter at once)."""

    ROW, STATUS, PROBLEMS = 0, 1, 2
    #: the first of the sheet's own columns
    CELLS = 3

    def __init__(self, plan: ImportPlan, mapping: ColumnMapping, parent=None,  # noqa: ANN001
                 updates: dict[tuple[str, int], dict[str, tuple[object, object]]] | None = None) -> None:
        super().__init__([], parent)
        self.plan = plan
        #: rows already catalogued: what an update would change (importer.pending_updates)
        self.updates = updates or {}
        self.only_problems = False
        self.mapping = mapping
        self._status = {RowStatus.OK: self.tr("OK"), RowStatus.REJECTED: self.tr("Error"), RowStatus.DUPLICATE: self.tr("Duplicate"),
                        RowStatus.EXISTING: self.tr("Already catalogued"), RowStatus.SKIPPED: self.tr("Skipped")}
        several = len(plan.sheets) > 1
        self.set_columns([
            Column(self.tr("Row"), lambda r: f"{r.sheet} / {r.row}" if several else r.row, tooltip=lambda _r: None,
                   as_text=False),
            Column(self.tr("Status"), lambda r: self._status.get(r.status, str(r.status)), tooltip=self._status_tip),
            Column(self.tr("Problems"), self.problem_text, tooltip=lambda r: self.problem_text(r) or None),
            *(Column(header, self._cell_value(i), tooltip=self._cell_tip(i), background=self._cell_background(i))
              for i, header in enumerate(mapping.headers)),
        ])
        self.set_rows(plan.rows)

    def set_only_problems(self, only: bool) -> None:
        if only == self.only_problems:
            return
        self.only_problems = only
        self.set_rows([r for r in self.plan.rows if r.status in PROBLEM_STATUSES or self.updates.get((r.sheet, r.row))]
                      if only else self.plan.rows)

    @staticmethod
    def _cell_value(col: int):  # noqa: ANN205
        def value(row: RowResult) -> str:
            cells = row.cells or ()
            v = cells[col] if col < len(cells) else None
            if isinstance(v, float) and v.is_integer():
                v = int(v)  # spreadsheets hand whole numbers over as floats: show 2019, not 2019.0
            return "" if v is None else str(v)
        return value

    def _cell_tip(self, col: int):  # noqa: ANN202
        def tip(row: RowResult) -> str | None:
            problem = self._problem(row, col)
            return problem.reason if problem is not None else None
        return tip

    def _cell_background(self, col: int):  # noqa: ANN202
        def background(row: RowResult) -> QBrush | None:
            return QBrush(QColor("#f4a3a3")) if self._problem(row, col) is not None else None
        return background

    def background(self, record: RowResult) -> QBrush | None:
        colour = STATUS_COLOURS.get(record.status)
        return QBrush(QColor(colour)) if colour else None

    def _status_tip(self, row: RowResult) -> str | None:
        if row.status == RowStatus.SKIPPED:
            return row.skip_reason
        if row.status == RowStatus.DUPLICATE:
            return self.repeats(row)
        if row.problems:
            return "\n".join(f"{p.column}: {p.reason}" for p in row.problems)
        return None

    def _problem(self, row, col: int):  # noqa: ANN001, ANN202
        letter = _letter(col)
        return next((p for p in row.problems if p.column == letter), None)

    def repeats(self, row: RowResult) -> str:
        """Which row a duplicate repeats, naming the sheet when it is another."""
        if row.duplicate_of_sheet and row.duplicate_of_sheet != row.sheet:
            return self.tr("Repeats sheet %1, row %2").replace("%1", row.duplicate_of_sheet).replace("%2", str(row.duplicate_of))
        return self.tr("Repeats row %1").replace("%1", str(row.duplicate_of))

    def change_text(self, row: RowResult) -> str:
        """For a row already catalogued: what an update from it would change, old → new."""
        changes = self.updates.get((row.sheet, row.row))
        if changes is None:
            return ""
        if not changes:
            return self.tr("Same as the catalogue")
        parts = []
        for name, (before, after) in changes.items():
            label = field_label(_FIELD_OF_COLUMN.get(name, name)) if name != "custom" else self.tr("Category fields")
            if name == "date_precision" and ("start_date" in changes or "end_date" in changes):
                continue  # said with the dates
            if name in ("custom", "security_period", "date_precision"):
                parts.append(label)
            else:
                parts.append(f"{label}：{before or '—'} → {after or '—'}")
        return self.tr("An update changes %1").replace("%1", "；".join(parts))

    def problem_text(self, row: RowResult) -> str:
        """What is wrong with the row, in words (empty for a row without problems); for a row already
        catalogued, what an update would change."""
        if row.status == RowStatus.DUPLICATE:
            return self.repeats(row)
        if row.status == RowStatus.EXISTING:
            return self.change_text(row)
        return "；".join(f"{p.header or p.column}：{p.reason}" for p in row.problems)


def _letter(col: int) -> str:
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


class FilePage(QWizardPage):
    """The file, its sheet, what its rows are. Next only once a readable file with a sheet is picked;
    a file that cannot be read is said once, under the path."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose the register"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls), WPS or LibreOffice (.ods) workbooks and CSV files (UTF-8 or GBK)."))
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.problem = QLabel(self)
        self.problem.setObjectName("fileProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
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
        form.addRow("", self.problem)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("The rows are"), self.kind)
        form.addRow(self.tr("Column mapping"), self.saved)
        #: the path last read (successfully or not): the same path is not read, nor its problem said, twice
        self._read_path: str | None = None
        self.path.editingFinished.connect(self._load_sheets)
        self.path.textChanged.connect(self._on_path_textChanged)

    def file_filter(self) -> str:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        return ";;".join((self.tr("Spreadsheets (%1)").replace("%1", patterns), self.tr("All files (*)")))

    def _on_browse_clicked(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text().strip() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the register"), start, self.file_filter())
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path.setText(path)
        self._load_sheets()

    def _on_path_textChanged(self, text: str) -> None:
        if text.strip() != self._read_path:
            # another path is being typed: the sheets and the problem shown were the old file's
            self._read_path = None
            self.sheet.clear()
            self.problem.clear()
            self.completeChanged.emit()

    def _load_sheets(self) -> None:
        text = self.path.text().strip()
        if text == self._read_path:
            return
        self._read_path = text
        self.sheet.clear()
        self.problem.clear()
        if text:
            try:
                sheets = list_sheets(text)
            except UserError as exc:
                self.problem.setText(_message(exc))
            else:
                if len([info for info in sheets if info.visible]) > 1:
                    # a register kept a sheet a year: all of them in one import (found on the next page)
                    self.sheet.addItem(self.tr("Every sheet holding a register"), ALL_SHEETS)
                for info in sheets:
                    self.sheet.addItem(info.name, info.name)
                if not sheets:
                    self.problem.setText(self.tr("This file holds no sheet to import."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.sheet.count() > 0 and self.path.text().strip() == self._read_path

    def validatePage(self) -> bool:  # noqa: N802
        return self.isComplete()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check the columns"))
        self.found_text = self.tr("The header row was found and the columns matched from their headers; correct any that are wrong.")
        self.by_hand_text = self.tr("Set the header row, then choose what each column is imported as.")
        self.setSubTitle(self.found_text)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1000)
        self.header_row.setObjectName("headerRow")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"), self.tr("Imported as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.heading = QLabel(self)
        self.heading.setObjectName("headingRows")
        #: the sheets imported together, when the clerk chose every sheet
        self.sheets = QLabel(self)
        self.sheets.setObjectName("mappingSheets")
        self.sheets.setWordWrap(True)
        #: why the columns could not be found (the service's message), until the clerk has mapped them
        self.problem = QLabel(self)
        self.problem.setObjectName("mappingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.missing = QLabel(self)
        self.missing.setObjectName("mappingMissing")
        self.missing.setStyleSheet(ERROR_STYLE)
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
        layout.addWidget(self.sheets)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        self.header_row.valueChanged.connect(self._on_header_row_valueChanged)
        self._reader = None

    def initializePage(self) -> None:  # noqa: N802
        page = self.wiz.file_page
        kind = page.kind.currentData()
        self.wiz.mapping = None
        self.wiz.sheets = None
        self.wiz.item_sheets = []
        self._reader = None
        self.problem.clear()
        self.sheets.clear()
        self.setSubTitle(self.found_text)
        sheet = page.sheet.currentData()
        try:
            if sheet == ALL_SHEETS:
                sheet = self._every_sheet(page.path.text().strip(), kind)
                if sheet is None:
                    return
            with open_spreadsheet(page.path.text().strip()) as book:
                self._reader = book.sheet(sheet, head=60)
        except UserError as exc:  # the file went away or changed since it was picked
            self._show_problem(_message(exc))
            return
        self.set_mapping(self._first_mapping(kind, page.saved.currentData()))

    def _every_sheet(self, path: str, kind: str) -> str | None:
        """The sheets holding a register, imported together when their columns are the same (the first
        sheet's mapping is then applied to each by header text); the first such sheet's name, or None
        (with the reason shown) when there is none or their columns differ."""
        found = register_sheets(path, kind)
        if not found:
            self._show_problem(self.tr("No sheet of this file has a header row with the usual columns (档号, 题名 …); "
                                       "choose one sheet and set its header row by hand."))
            return None
        first = found[0]
        odd = [m.sheet for m in found[1:] if [header_key(h) for h in m.headers] != [header_key(h) for h in first.headers]]
        if odd:
            self._show_problem(self.tr("Sheet %1 has other columns than sheet %2: import the sheets one at a time.")
                               .replace("%1", odd[0]).replace("%2", first.sheet))
            return None
        self.wiz.sheets = [m.sheet for m in found]
        self.wiz.sheet_mappings = {m.sheet: m for m in found}
        self.sheets.setText(self.tr("Importing %1 sheets with the same columns: %2. The columns are checked on sheet %3.")
                            .replace("%1", str(len(found))).replace("%2", "、".join(self.wiz.sheets)).replace("%3", first.sheet))
        if kind == "volumes":
            self.wiz.item_sheets = [m.sheet for m in item_list_sheets(path)]
            if self.wiz.item_sheets:
                self.sheets.setText(self.sheets.text() + "\n" + self.tr(
                    "Sheet %1 is the volumes' item list (卷内目录): its items are imported after the volumes, in the same import.")
                    .replace("%1", "、".join(self.wiz.item_sheets)))
        return first.sheet

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.setSubTitle("")
        self.table.setRowCount(0)
        self.heading.clear()
        self._show_missing()

    def _first_mapping(self, kind: str, saved: str) -> ColumnMapping:
        """The saved mapping, else the columns found from their headers, else row 1 as the header row
        for the clerk to correct by hand (with the reason shown)."""
        if saved:
            try:
                return apply_template(mapping_store().load(saved), self._reader)
            except UserError as exc:
                self.problem.setText(_message(exc))
        try:
            return detect_mapping(self._reader, kind)
        except UserError as exc:
            self.problem.setText(_message(exc))
        self.setSubTitle(self.by_hand_text)
        return detect_mapping(self._reader, kind, header_row=1)

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
        if self._reader is not None and self.wiz.mapping is not None:
            self.set_mapping(self.wiz.mapping.with_header_row(self._reader, value))

    def _show_missing(self) -> None:
        mapping = self.wiz.mapping
        missing = mapping.missing_required() if mapping is not None else []
        self.missing.setText(self.tr("Still needed: %1").replace("%1", "、".join(field_label(m) for m in missing)) if missing else "")
        if mapping is not None and not missing:
            self.problem.clear()  # the clerk found the columns: the reason they were not found is past
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.mapping is not None and not self.wiz.mapping.missing_required()

    def _on_save_clicked(self) -> None:
        if self.wiz.mapping is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save this mapping"), self.tr("Name:"))
        if ok and name.strip():
            try:
                mapping_store().save(name.strip(), self.wiz.mapping)
            except UserError as exc:
                show_error(self, exc)


class PreviewPage(QWizardPage):
    """Every row and what becomes of it; the commit page (its Next is 导入, and there is no way back)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Every row of the file with what will happen to it. Nothing has been written yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.stop = QPushButton(self.tr("Stop checking"), self)
        self.stop.setObjectName("stopChecking")
        self.stop.clicked.connect(self._on_stop_clicked)
        self.again = QPushButton(self.tr("Check again"), self)
        self.again.setObjectName("checkAgain")
        self.again.clicked.connect(self._start_check)
        self.again.hide()
        self.only_problems = QCheckBox(self.tr("Only rows with problems or changes"), self)
        self.only_problems.setObjectName("onlyProblems")
        self.only_problems.toggled.connect(self._on_only_problems_toggled)
        self.view = QTableView(self)
        self.view.setObjectName("importPreview")
        self.view.verticalHeader().setVisible(False)
        self.update_existing = QCheckBox(self.tr("Update volumes that are already catalogued"), self)
        self.update_existing.toggled.connect(self.completeChanged)
        self.create_fonds = QCheckBox(self.tr("Create fonds that are not in the catalogue yet"), self)
        self.create_fonds.setChecked(True)
        self.create_fonds.toggled.connect(self._show_fonds)
        #: the fonds the rows belong to that the catalogue does not hold: created, or their rows refused
        self.missing_fonds: dict[str, int] = {}
        #: rows already catalogued -> what an update from them would change
        self.updates: dict[tuple[str, int], dict[str, tuple[object, object]]] = {}
        self.fonds_note = QLabel(self)
        self.fonds_note.setObjectName("fondsNote")
        self.fonds_note.setWordWrap(True)
        #: a name for each fonds the import creates (from the file's 全宗名称 where it gives one)
        self.fonds_names_box = QWidget(self)
        self.fonds_names_box.setObjectName("fondsNames")
        self.fonds_names_form = QFormLayout(self.fonds_names_box)
        self.fonds_names_form.setContentsMargins(0, 0, 0, 0)
        self.fonds_name_edits: dict[str, QLineEdit] = {}
        self.fonds_names_box.hide()
        #: rows refused only for a place the shelving lacks: imported unshelved, the place in their notes
        self.without_locations = QCheckBox(self.tr("Import without locations (kept in the notes)"), self)
        self.without_locations.setObjectName("withoutLocations")
        self.without_locations.hide()
        self.without_locations.toggled.connect(self._start_check)
        self.report = QPushButton(self.tr("Save the problems as a workbook…"), self)
        self.report.setObjectName("previewReport")
        self.report.clicked.connect(lambda: save_problems_workbook(self, self.wiz.plan, self.tr("Save the problems as a workbook")))
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.stop)
        bar.addWidget(self.again)
        options = QHBoxLayout()
        options.addWidget(self.update_existing)
        options.addWidget(self.create_fonds)
        options.addStretch(1)
        options.addWidget(self.report)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.without_locations)  # under the line that explains it
        layout.addWidget(self.only_problems)
        layout.addWidget(self.view, 1)
        layout.addLayout(options)
        layout.addWidget(self.fonds_note)
        layout.addWidget(self.fonds_names_box)
        self.runner = Runner(self)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)

    def initializePage(self) -> None:  # noqa: N802
        volumes = self.wiz.file_page.kind.currentData() == "volumes"
        self.update_existing.setVisible(volumes)  # items and fonds: volumes only
        self.create_fonds.setVisible(volumes)
        self._start_check()

    def cleanupPage(self) -> None:  # noqa: N802
        """Back to the columns: the check under way is of columns about to change."""
        self.runner.cancel()
        super().cleanupPage()

    def _start_check(self) -> None:
        self.wiz.plan = None
        old = self.view.model()
        self.view.setModel(None)
        if old is not None:
            old.deleteLater()
        self.summary.setText(self.tr("Reading and checking every row…"))
        self.progress.reset()
        self.progress.show()
        self.stop.setEnabled(True)
        self.stop.show()
        self.again.hide()
        self.report.setEnabled(False)
        db, path, mapping = self.wiz.ctx.db, self.wiz.file_page.path.text().strip(), self.wiz.mapping
        kind = self.wiz.file_page.kind.currentData()
        sheets = self.wiz.sheets
        sheet, by = (sheets, self.wiz.every_sheet_mapping()) if sheets else (mapping.sheet, mapping)
        self.missing_fonds = {}
        self.updates = {}
        self.fonds_note.clear()
        as_notes = self.without_locations.isChecked()
        item_sheets = list(self.wiz.item_sheets) if sheets else []
        self.wiz.items_plan = None

        def check(progress, cancel):  # noqa: ANN001, ANN202 - the worker's callbacks
            plan = importer.plan(db, path, kind=kind, sheet=sheet, mapping=by, progress=progress, should_cancel=cancel,
                                 locations_as_notes=as_notes)
            items = (importer.plan(db, path, kind="items", sheet=item_sheets, should_cancel=cancel, volumes=plan)
                     if item_sheets else None)
            return plan, importer.new_fonds(db, plan), importer.pending_updates(db, plan), items

        self.runner.start(check, with_progress=True)
        self.completeChanged.emit()

    def changing(self) -> int:
        """Rows already catalogued that an update would change."""
        return sum(1 for changes in self.updates.values() if changes)

    def refused_for_fonds(self) -> int:
        """Importable rows the import would refuse: their fonds is not catalogued and is not to be created."""
        return 0 if self.create_fonds.isChecked() else sum(self.missing_fonds.values())

    def fonds_names(self) -> dict[str, str]:
        """The names the clerk gave the fonds the import creates."""
        return {code: edit.text().strip() for code, edit in self.fonds_name_edits.items() if edit.text().strip()}

    def _build_fonds_names(self, suggested: dict[str, str]) -> None:
        while self.fonds_names_form.rowCount():
            self.fonds_names_form.removeRow(0)
        self.fonds_name_edits = {}
        for code in self.missing_fonds:
            edit = QLineEdit(suggested.get(code, ""), self.fonds_names_box)
            edit.setObjectName(f"fondsName_{code}")
            edit.setPlaceholderText(self.tr("e.g. the name of the organisation whose records these are"))
            self.fonds_names_form.addRow(self.tr("Name of the new fonds %1:").replace("%1", code), edit)
            self.fonds_name_edits[code] = edit

    def _show_fonds(self) -> None:
        codes = "、".join(f"{code}（{n}）" for code, n in self.missing_fonds.items()) if self.missing_fonds else ""
        self.fonds_names_box.setVisible(bool(codes) and self.create_fonds.isChecked())
        self.completeChanged.emit()
        if not codes:
            self.fonds_note.clear()
        elif self.create_fonds.isChecked():
            self.fonds_note.setStyleSheet("")
            self.fonds_note.setText(self.tr("New fonds will be created: %1.").replace("%1", codes))
        else:
            self.fonds_note.setStyleSheet(ERROR_STYLE)
            self.fonds_note.setText(self.tr("The catalogue holds no fonds %1: their rows will not be imported. Tick "
                                            "“Create fonds that are not in the catalogue yet”, or add the fonds first.")
                                    .replace("%1", codes))

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_runner_finished(self, result: object) -> None:
        plan, fonds, self.updates, self.wiz.items_plan = result  # type: ignore[misc]
        assert isinstance(plan, ImportPlan)  # noqa: S101 - narrows the type; the code guarantees it
        self.wiz.plan = plan
        typed = self.fonds_names()  # a name typed before checking again is kept
        self.missing_fonds = {code: count for code, (count, _name) in fonds.items()}
        self._build_fonds_names({code: typed.get(code) or name for code, (_count, name) in fonds.items()})
        self._show_fonds()
        self.stop.hide()
        self.progress.setValue(self.progress.maximum())
        model = PlanModel(plan, self.wiz.mapping, self.view, self.updates)
        model.set_only_problems(self.only_problems.isChecked())
        self.view.setModel(model)
        # the sheet's columns as wide as the rows on screen need (档号 whole), within reason; a signature
        # line further down does not widen its column
        self.view.horizontalHeader().setResizeContentsPrecision(0)
        self.view.resizeColumnsToContents()
        for column in range(PlanModel.CELLS, model.columnCount()):
            self.view.setColumnWidth(column, max(min(self.view.columnWidth(column), 260), 56))
        several = max((len(sp.name) for sp in plan.sheets), default=0) if len(plan.sheets) > 1 else 0
        self.view.setColumnWidth(PlanModel.ROW, self.view.fontMetrics().horizontalAdvance("国" * several + " / 99999") + 16)
        self.view.setColumnWidth(PlanModel.STATUS, 90)
        self.view.setColumnWidth(PlanModel.PROBLEMS, 320)
        self.report.setEnabled(True)
        s = plan.summary
        self.summary.setText(self.tr("%1 rows read = %2 to import + %3 with errors + %4 duplicates + %5 already catalogued + "
                                     "%6 skipped (%7 blank, %8 total lines, %9 signature lines)")
                             .replace("%1", str(s.rows_read)).replace("%2", str(s.ok)).replace("%3", str(s.rejected))
                             .replace("%4", str(s.duplicate)).replace("%5", str(s.existing)).replace("%6", str(s.skipped))
                             .replace("%7", str(s.skipped_blank)).replace("%8", str(s.skipped_total)).replace("%9", str(s.skipped_signature)))
        # with shelving, a place is matched to its layer or the row is an error; without, it is kept as text
        as_text = sum(1 for r in plan.rows if r.status == RowStatus.OK and (r.values.get("location_text") or (
                      r.values.get("location") is not None and r.values.get("location_ref") is None)))
        if as_text and self.without_locations.isChecked():
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "Imported without locations: the locations of %1 volumes go into their notes as text, to be shelved later.")
                .replace("%1", str(as_text)))
        elif as_text:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "No shelving is set up yet: the locations of %1 volumes go into their notes as text, to be shelved later.")
                .replace("%1", str(as_text)))
        items = self.wiz.items_plan
        if items is not None:
            t_ = items.summary
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "Item list (%1): %2 rows read = %3 to import + %4 with errors + %5 duplicates + %6 already catalogued + %7 skipped")
                .replace("%1", "、".join(sp.name for sp in items.sheets)).replace("%2", str(t_.rows_read)).replace("%3", str(t_.ok))
                .replace("%4", str(t_.rejected)).replace("%5", str(t_.duplicate)).replace("%6", str(t_.existing))
                .replace("%7", str(t_.skipped)))
        for_location = plan.refused_for_location_only()
        self.without_locations.setVisible(bool(for_location) or self.without_locations.isChecked())
        if for_location:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "%1 rows are refused only because their location is not in the shelving: tick “Import without locations "
                "(kept in the notes)” to import them unshelved, the location kept in their notes.").replace("%1", str(for_location)))
        if plan.summary.existing:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "Of the %1 rows already catalogued, %2 differ from the catalogue (the Problems column says how); "
                "tick “Update volumes that are already catalogued” to write the file's values.")
                .replace("%1", str(plan.summary.existing)).replace("%2", str(self.changing())))
        self.completeChanged.emit()

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.stop.hide()
        self.progress.reset()
        self.again.show()
        if isinstance(exc, ImportCancelled):
            self.summary.setText(self.tr("The check was stopped before the end; nothing has been imported. "
                                         "Check again to see every row."))
            return
        self.summary.setText(_message(exc) if isinstance(exc, UserError) else str(exc))
        if not isinstance(exc, UserError):
            show_error(self, exc)  # type: ignore[arg-type]

    def _on_stop_clicked(self) -> None:
        self.stop.setEnabled(False)
        self.runner.cancel()

    def _on_only_problems_toggled(self, checked: bool) -> None:
        model = self.view.model()
        if isinstance(model, PlanModel):
            model.set_only_problems(checked)

    def isComplete(self) -> bool:  # noqa: N802
        plan = self.wiz.plan
        if plan is None:
            return False
        updating = plan.kind == "volumes" and self.update_existing.isChecked() and self.changing() > 0
        items = self.wiz.items_plan is not None and self.wiz.items_plan.summary.ok > 0
        return plan.summary.ok > self.refused_for_fonds() or updating or items


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
        self.result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stop = QPushButton(self.tr("Stop importing"), self)
        self.stop.setObjectName("stopImporting")
        self.stop.clicked.connect(self.request_stop)
        self.refused_heading = QLabel(self)
        self.refused_heading.setObjectName("refusedHeading")
        self.refused = QPlainTextEdit(self)
        self.refused.setObjectName("importRefusals")
        self.refused.setReadOnly(True)
        self.refused.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report = QPushButton(self.tr("Save the problems as a workbook…"), self)
        self.report.setObjectName("importReport")
        self.report.clicked.connect(lambda: save_problems_workbook(self, self.wiz.plan, self.tr("Save the problems as a workbook"),
                                                                   self.wiz.result))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.refused_heading)
        layout.addWidget(self.refused, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.report)
        layout.addLayout(bottom)
        self.runner = Runner(self)
        self.runner.progressed.connect(lambda done, total: (self.progress.setMaximum(max(total, 1)), self.progress.setValue(done)))
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.done = False
        #: the clerk asked to stop (this page's button, or the wizard's Cancel)
        self.stop_requested = False

    def initializePage(self) -> None:  # noqa: N802
        self.done = False
        self.stop_requested = False
        preview = self.wiz.preview_page
        db, actor, plan = self.wiz.ctx.db, self.wiz.ctx.actor, self.wiz.plan
        update, create = preview.update_existing.isChecked(), preview.create_fonds.isChecked()
        names = preview.fonds_names()
        items = self.wiz.items_plan
        self.result.setText(self.tr("Importing…"))
        self.progress.reset()
        self.stop.setEnabled(True)
        self.stop.show()
        self.refused_heading.hide()
        self.refused.hide()
        self.refused.clear()
        self.report.hide()
        self.runner.start(lambda progress, cancel: importer.commit(db, actor, plan, update_existing=update, create_missing_fonds=create,
                                                                   progress=progress, should_cancel=cancel, fonds_names=names,
                                                                   items=items),
                          with_progress=True)

    @property
    def running(self) -> bool:
        return self.runner.busy

    def request_stop(self) -> None:
        """Ask the import to stop; the service rolls it back and the page says so when it has."""
        if not self.runner.busy:
            return
        self.stop_requested = True
        self.stop.setEnabled(False)
        self.result.setText(self.tr("Stopping the import…"))
        self.runner.cancel()

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, importer.ImportResult)  # noqa: S101 - narrows the type; the code guarantees it
        self.wiz.result = result
        self.done = True
        self.stop.hide()
        self.progress.setValue(self.progress.maximum())
        plan = self.wiz.plan
        assert plan is not None  # noqa: S101 - narrows the type; the code guarantees it
        s = plan.summary
        update = plan.kind == "volumes" and self.wiz.preview_page.update_existing.isChecked()
        lines = []
        if self.stop_requested:
            lines.append(self.tr("It was too late to stop: the import had already been written."))
        lines.append(self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 items.").replace("%1", str(result.created))
                     .replace("%2", str(result.updated)).replace("%3", str(result.unchanged)).replace("%4", str(result.items)))
        if result.fonds_created:
            lines.append(self.tr("New fonds created: %1").replace("%1", "、".join(result.fonds_created)))
        if result.updated_codes:
            shown = "、".join(result.updated_codes[:30]) + ("…" if len(result.updated_codes) > 30 else "")
            lines.append(self.tr("Updated: %1").replace("%1", shown))
        lines.append(self.tr("Left out: %1 rows with errors, %2 duplicates, %3 already catalogued and not updated, "
                             "%4 skipped lines (blank, total and signature lines).")
                     .replace("%1", str(s.rejected)).replace("%2", str(s.duplicate))
                     .replace("%3", str(0 if update else s.existing)).replace("%4", str(s.skipped)))
        self.result.setText("\n".join(lines))
        if result.failures:
            self.refused_heading.setText(self.tr("%1 rows were refused by the catalogue:").replace("%1", str(len(result.failures))))
            several = len(plan.sheets) > 1
            self.refused.setPlainText("\n".join(self._refusal(f, several) for f in result.failures))
            self.refused_heading.show()
            self.refused.show()
        self.report.setVisible(s.rejected + s.duplicate + s.existing + s.skipped + len(result.failures) > 0)
        if result.created or result.updated or result.items or result.fonds_created:
            announce(self.wiz.ctx, OpChanges(bulk=frozenset({CATALOGUE}), areas=frozenset({CATALOGUE})))
        self.wiz.imported.emit(result)
        self.completeChanged.emit()
        self.wiz.job_ended()

    def _refusal(self, failure: importer.RowFailure, several: bool) -> str:
        if several:
            return (self.tr("Sheet %1, row %2 (%3) refused: %4").replace("%1", failure.sheet).replace("%2", str(failure.row))
                    .replace("%3", failure.value).replace("%4", failure.reason))
        return self.tr("Row %1 (%2) refused: %3").replace("%1", str(failure.row)).replace("%2", failure.value).replace("%3", failure.reason)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.stop.hide()
        self.progress.reset()
        self.result.setText(self.tr("Nothing was imported: %1").replace("%1", _message(exc)  # type: ignore[arg-type]
                                                                          if isinstance(exc, UserError) else str(exc)))
        self.wiz.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        closing = self.wiz.job_ended()
        if not isinstance(exc, UserError):  # a bug: reported even when the wizard has just closed
            show_error(self.wiz.parentWidget() if closing else self, exc)  # type: ignore[arg-type]

    def isComplete(self) -> bool:  # noqa: N802
        return self.done


class ImportWizard(QWizard):
    #: an import was written (the catalogue changed): ``importer.ImportResult``
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a register"))
        self.resize(1000, 700)
        self.mapping: ColumnMapping | None = None
        #: the sheets imported together (every sheet holding a register), else None: the mapping's sheet
        self.sheets: list[str] | None = None
        #: each of those sheets as its columns were found (their headers are the same, row by row)
        self.sheet_mappings: dict[str, ColumnMapping] = {}
        #: a yearly workbook's 卷内目录 sheets: their items are imported after the volumes, in the same import
        self.item_sheets: list[str] = []
        self.plan: ImportPlan | None = None
        self.items_plan: ImportPlan | None = None
        self.result: importer.ImportResult | None = None
        #: Cancel was pressed (or the window closed) while the import ran: close when it has ended
        self._close_when_done = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.import_page):
            self.addPage(page)

    def every_sheet_mapping(self) -> dict[str, ColumnMapping]:
        """Every sheet imported together: the clerk's columns of the first sheet, column by column, on
        each sheet at its own header row (their header texts are the same; a column without a header or
        a second 日期 the clerk mapped by hand stays mapped); the first sheet exactly as checked."""
        assert self.mapping is not None and self.sheets  # noqa: S101 - narrows the type; the code guarantees it
        out = {}
        for name in self.sheets:
            found = self.sheet_mappings[name]
            if name == self.mapping.sheet:
                out[name] = self.mapping
            else:
                fields = self.mapping.fields
                headers = tuple(found.headers[i] if i < len(found.headers) else "" for i in range(len(fields)))
                out[name] = replace(found, fields=fields, headers=headers)
        return out

    def reject(self) -> None:
        """Cancel, Esc and the window's close button. While the import runs: ask it to stop (as the
        page's own button does) and close once it has rolled back, never before."""
        if self.import_page.running:
            self._close_when_done = True
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            self.import_page.request_stop()
            return
        self.preview_page.runner.cancel()  # a check writes nothing: it may end on its own
        super().reject()

    def job_ended(self) -> bool:
        """The import ended (written, refused or stopped). True when the wizard closes because the
        clerk asked to while it ran; an import that was written anyway stays on screen to be read."""
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        closing, self._close_when_done = self._close_when_done and self.result is None, False
        if closing:
            super().reject()
        return closing
