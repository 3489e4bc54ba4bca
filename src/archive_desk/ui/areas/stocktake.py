"""The stocktake area (盘点): choose a scope, scan layer labels and volumes, see every class live, resume,
finish, print or export the report, correct the catalogue, and the 清点检查登记 (register of stocktakes).

Scans arrive through :meth:`StocktakeArea.handle_scan` (the window's scan detector, wherever the focus
is) or through the scan field. Each is written by ``services.stocktake.record_scan`` in its own
transaction before the screen changes, so what the screen shows is always what is saved; a stocktake
interrupted in any way is resumed from the list of open stocktakes exactly where it stopped.
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.filenames import clean_file_name
from archive_desk.services import locations, stocktake
from archive_desk.services.stocktake import CLASSES, Line, Scope, ScanOutcome, StocktakeClass, class_label
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.ops import run_op
from archive_desk.ui.permissions import Ops, Target
from archive_desk.ui.save_dialog import documents_folder, get_save_file_name
from archive_desk.ui.scan_input import ScanLineEdit
from archive_desk.ui.item_models.list_model import Column, ListModel
from archive_desk.ui.workers import Runner

#: background of each class (rows, chips, the last-scan banner)
CLASS_COLORS: dict[str, str] = {
    StocktakeClass.IN_PLACE: "#d9f2d9",
    StocktakeClass.MISPLACED: "#fff0b3",
    StocktakeClass.MISSING: "#ffc7c7",
    StocktakeClass.ON_LOAN_FOUND: "#cfe2ff",
    StocktakeClass.UNKNOWN: "#e6d3f7",
    StocktakeClass.GONE_FOUND: "#ffd8b0",
}
REFUSED_COLOR = "#f2f2f2"


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    """The file dialog (a function of its own so tests can answer it)."""
    return get_save_file_name(parent, caption, suggested, file_filter)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (a function of its own so tests can answer it)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def local_text(at: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if at is None:
        return ""
    return at.replace(tzinfo=UTC).astimezone().strftime(fmt)


# ---------------------------------------------------------------- the lines of a session


class LinesModel(ListModel[Line]):
    """The stocktake's lines, newest change first; ``show`` filters by class (all, attention, one class)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([
            Column(self.tr("Result"), lambda ln: class_label(ln.cls),
                   background=lambda ln: QBrush(QColor(CLASS_COLORS.get(ln.cls, "#ffffff")))),
            Column(self.tr("Archival code"), lambda ln: ln.code),
            Column(self.tr("Title"), lambda ln: ln.title),
            Column(self.tr("Found on"), lambda ln: ln.found_layer),
            Column(self.tr("Belongs on"), lambda ln: ln.expected_layer),
            Column(self.tr("Catalogue status"), lambda ln: stocktake.status_text(ln.status)),
            Column(self.tr("Scanned at"), lambda ln: local_text(ln.scanned_at, "%H:%M:%S")),
            Column(self.tr("Remarks"), lambda ln: ln.note),
        ], parent)
        self._all: dict[str, Line] = {}
        self._order: list[str] = []  # keys, newest first
        self._show = "all"
        self.counts: Counter[str] = Counter()

    # -- data
    def set_lines(self, lines: list[Line] | tuple[Line, ...]) -> None:
        self._all = {ln.key: ln for ln in lines}
        self._order = [ln.key for ln in sorted(lines, key=lambda x: -(x.scan_id or 0))]
        self.counts = Counter(ln.cls for ln in lines)
        self._refilter()

    def _row_of(self, key: str) -> int | None:
        return next((i for i, ln in enumerate(self._rows) if ln.key == key), None)

    def upsert(self, line: Line) -> None:
        old = self._all.get(line.key)
        if old is not None:
            self.counts[old.cls] -= 1
        self.counts[line.cls] += 1
        self._all[line.key] = line
        row = self._row_of(line.key)
        if old is not None and row is not None and self._shown(line):
            self.replace_row(row, line)
            return
        if old is not None:
            self._order.remove(line.key)
            if row is not None:
                self.remove_row(row)
        self._order.insert(0, line.key)
        if self._shown(line):
            self.insert_row(0, line)

    def set_filter(self, show: str) -> None:
        self._show = show
        self._refilter()

    def _shown(self, line: Line) -> bool:
        if self._show == "all":
            return True
        if self._show == "attention":
            return line.cls != StocktakeClass.IN_PLACE
        return line.cls == self._show

    def _refilter(self) -> None:
        self.set_rows([self._all[k] for k in self._order if self._shown(self._all[k])])

    def line(self, row: int) -> Line:
        return self._rows[row]

    def lines(self) -> list[Line]:
        return [self._all[k] for k in self._order]

    def get(self, key: str) -> Line | None:
        return self._all.get(key)

    def user_data(self, record: Line) -> str:
        return record.cls


# ---------------------------------------------------------------- dialogs


class FinishedDialog(QDialog):
    """Shown when a stocktake is finished: its counts, and what to do next."""

    GUARDS: ClassVar[dict[str, Ops]] = {"correct_button": "stocktake.apply_corrections"}

    def __init__(self, record: stocktake.StocktakeRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stocktakeFinishedDialog")
        self.setWindowTitle(self.tr("Stocktake finished"))
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("The stocktake %1 is finished and entered in the register of stocktakes.").replace("%1", record.name))
        head.setWordWrap(True)
        layout.addWidget(head)
        grid = QGridLayout()
        for i, c in enumerate(CLASSES):
            chip = QLabel(class_label(c))
            chip.setStyleSheet(f"background:{CLASS_COLORS[c]}; padding:3px 8px; border-radius:3px;")
            grid.addWidget(chip, i, 0)
            n = QLabel(str(record.counts[c.value]))
            n.setObjectName(f"finishedCount_{c.value}")
            n.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(n, i, 1)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save report (PDF)…"))
        self.xlsx_button = QPushButton(self.tr("Export (Excel)…"))
        self.correct_button = QPushButton(self.tr("Correct the catalogue…"))
        for b in (self.pdf_button, self.xlsx_button, self.correct_button):
            row.addWidget(b)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CorrectionDialog(QDialog):
    """Confirms the corrective action: what will be marked missing, moved, brought back in stock."""

    def guarded(self) -> list[tuple[Target, Ops]]:
        return [(self.buttons.button(QDialogButtonBox.StandardButton.Ok), "stocktake.apply_corrections")]

    def __init__(self, plan: stocktake.CorrectionPlan, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stocktakeCorrectionDialog")
        self.setWindowTitle(self.tr("Correct the catalogue"))
        self.plan = plan
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("After the stocktake %1 the catalogue can be corrected in one step. Every change is "
                               "recorded in the audit trail.").replace("%1", name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.missing_box = QCheckBox(self.tr("Mark %n volume(s) that were not found as missing", "", len(plan.mark_missing)))
        self.missing_box.setChecked(bool(plan.mark_missing))
        self.missing_box.setEnabled(bool(plan.mark_missing))
        self.locations_box = QCheckBox(self.tr("Record %n misplaced volume(s) where they were found", "", len(plan.relocate)))
        if plan.restore:
            self.locations_box.setText(self.locations_box.text() + self.tr("; bring %n volume(s) recorded missing but found "
                                                                           "back in stock", "", len(plan.restore)))
        self.locations_box.setChecked(bool(plan.relocate or plan.restore))
        self.locations_box.setEnabled(bool(plan.relocate or plan.restore))
        layout.addWidget(self.missing_box)
        layout.addWidget(self.locations_box)
        table = QTableWidget(0, 3, self)
        table.setObjectName("correctionTable")
        table.setHorizontalHeaderLabels([self.tr("Change"), self.tr("Archival code"), self.tr("Detail")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = ([(self.tr("Mark missing"), ln.code, ln.expected_layer) for ln in plan.mark_missing]
                + [(self.tr("Move to where found"), ln.code, f"{ln.expected_layer or '—'} → {ln.found_layer}") for ln in plan.relocate]
                + [(self.tr("Back in stock"), ln.code, ln.found_layer) for ln in plan.restore]
                + [(self.tr("Left alone"), ln.code, why) for ln, why in plan.skipped])
        for r, values in enumerate(rows):
            table.insertRow(r)
            for c, v in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(v))
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        layout.addWidget(table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply the corrections"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 420)


# ---------------------------------------------------------------- the area


class StocktakeArea(Area):
    area_id = "stocktake"
    # (ui/permissions.py) what the role cannot do is disabled; an open stocktake can still be looked at (resume)
    # and the reports saved
    GUARDS: ClassVar[dict[str, Ops]] = {
        "start_button": "stocktake.start", "scan_edit": "stocktake.record_scan", "finish_button": "stocktake.finish",
        "correct_button": "stocktake.apply_corrections",
    }

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stocktake_id: int | None = None
        self._record: stocktake.StocktakeRecord | None = None
        self._layers_scanned: set[int] = set()
        self._layers_in_scope = 0
        self._scans = 0
        self.finished_dialog: FinishedDialog | None = None
        self.last_export: object = None
        self.correction_dialog: CorrectionDialog | None = None
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)

        self.pages = QStackedWidget(self)
        self.home = self._build_home()
        self.session_page = self._build_session()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.session_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.refresh()

    def title(self) -> str:
        return self.tr("Stocktake")

    # ------------------------------------------------------------ home: start, resume, register

    def _build_home(self) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        top = QSplitter(Qt.Orientation.Horizontal, page)

        new_box = QGroupBox(self.tr("New stocktake"), page)
        form = QFormLayout(new_box)
        self.name_edit = QLineEdit(new_box)
        self.name_edit.setObjectName("stocktakeName")
        self.name_edit.setText(self.tr("Stocktake %1").replace("%1", date.today().isoformat()))
        form.addRow(self.tr("Stocktake name"), self.name_edit)
        self.scope_tree = QTreeWidget(new_box)
        self.scope_tree.setObjectName("scopeTree")
        self.scope_tree.setHeaderLabels([self.tr("Rooms and racks"), self.tr("Layers")])
        self.scope_tree.setMinimumHeight(180)
        form.addRow(self.tr("Scope"), self.scope_tree)
        self.layers_edit = QLineEdit(new_box)
        self.layers_edit.setObjectName("scopeLayers")
        self.layers_edit.setPlaceholderText(self.tr("single layers: location codes, separated by spaces or commas"))
        form.addRow(self.tr("Layers"), self.layers_edit)
        self.start_button = QPushButton(self.tr("Start the stocktake"), new_box)
        self.start_button.setObjectName("startStocktake")
        self.start_button.clicked.connect(self._on_start_button_clicked)
        form.addRow("", self.start_button)
        top.addWidget(new_box)

        open_box = QGroupBox(self.tr("Open stocktakes (resume where you stopped)"), page)
        ol = QVBoxLayout(open_box)
        self.open_table = QTableWidget(0, 4, open_box)
        self.open_table.setObjectName("openStocktakes")
        self.open_table.setHorizontalHeaderLabels([self.tr("Stocktake name"), self.tr("Scope"), self.tr("Started"), self.tr("Scans")])
        self._table_defaults(self.open_table)
        self.open_table.cellDoubleClicked.connect(lambda _r, _c: self._on_resume_button_clicked())
        ol.addWidget(self.open_table)
        self.resume_button = QPushButton(self.tr("Resume"), open_box)
        self.resume_button.setObjectName("resumeStocktake")
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        ol.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignRight)
        top.addWidget(open_box)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        outer.addWidget(top, 1)

        reg_box = QGroupBox(self.tr("Register of stocktakes (清点检查登记)"), page)
        rl = QVBoxLayout(reg_box)
        headers = [self.tr("Stocktake name"), self.tr("Scope"), self.tr("Started"), self.tr("Finished"), self.tr("Layers"),
                   *[class_label(c) for c in CLASSES], self.tr("Action taken")]
        self.register_table = QTableWidget(0, len(headers), reg_box)
        self.register_table.setObjectName("stocktakeRegister")
        self.register_table.setHorizontalHeaderLabels(headers)
        self._table_defaults(self.register_table)
        rl.addWidget(self.register_table)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Report (PDF)…"), reg_box)
        self.xlsx_button = QPushButton(self.tr("Report (Excel)…"), reg_box)
        self.correct_button = QPushButton(self.tr("Correct the catalogue…"), reg_box)
        self.register_button = QPushButton(self.tr("Export the register…"), reg_box)
        self.pdf_button.clicked.connect(lambda: self.save_report_pdf(self._selected_register_id()))
        self.xlsx_button.clicked.connect(lambda: self.save_report_xlsx(self._selected_register_id()))
        self.correct_button.clicked.connect(lambda: self.open_corrections(self._selected_register_id()))
        self.register_button.clicked.connect(self.export_register)
        for b in (self.pdf_button, self.xlsx_button, self.correct_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.register_button)
        rl.addLayout(row)
        outer.addWidget(reg_box, 1)
        self.home_message = QLabel(page)
        self.home_message.setObjectName("stocktakeHomeMessage")
        self.home_message.setWordWrap(True)
        outer.addWidget(self.home_message)
        return page

    def _table_defaults(self, table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def refresh(self) -> None:
        if self.pages.currentWidget() is self.session_page and self._stocktake_id is not None:
            self.resume(self._stocktake_id)
            return
        self._fill_scope_tree()
        with self.ctx.db.read() as s:
            open_ones = stocktake.list_stocktakes(s, status="open")
            scans = stocktake.scan_counts(s, [st.id for st in open_ones])
            register = stocktake.register(s)
        self.open_table.setRowCount(0)
        for r, st in enumerate(open_ones):
            self.open_table.insertRow(r)
            for c, v in enumerate((st.name, st.scope_text, local_text(st.started_at), str(scans[st.id]))):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, st.id)
                self.open_table.setItem(r, c, item)
        if open_ones:
            self.open_table.selectRow(0)
        self.resume_button.setEnabled(bool(open_ones))
        self.register_table.setRowCount(0)
        for r, row in enumerate(reversed(register)):
            self.register_table.insertRow(r)
            values = [row.name, row.scope_text, local_text(row.started_at), local_text(row.finished_at) or self.tr("in progress"),
                      f"{row.layers_scanned}/{row.layers_in_scope}", *[str(row.counts[c.value]) for c in CLASSES],
                      row.corrections_text]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if 5 <= c < 5 + len(CLASSES) and v != "0":
                    item.setBackground(QColor(CLASS_COLORS[CLASSES[c - 5]]))
                self.register_table.setItem(r, c, item)
        if register:
            self.register_table.selectRow(0)
        self.register_table.resizeColumnsToContents()
        self.statusChanged.emit(self.tr("%n open stocktake(s)", "", len(open_ones)))

    def _fill_scope_tree(self) -> None:
        checked_racks = set(self.checked_racks())
        self.scope_tree.clear()
        with self.ctx.db.read() as s:
            rooms = locations.list_rooms(s)
            racks = locations.list_racks(s)
        for room in rooms:
            top = QTreeWidgetItem([room.name or self.tr("Room %1").replace("%1", str(room.number)), ""])
            top.setData(0, Qt.ItemDataRole.UserRole, ("room", room.id))
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            self.scope_tree.addTopLevelItem(top)
            for rack in (r for r in racks if r.room_id == room.id):
                label = (self.tr("Cabinet %1") if rack.kind == "cabinet" else self.tr("Rack %1")).replace("%1", str(rack.number))
                child = QTreeWidgetItem([label, str(rack.layer_count)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("rack", rack.id))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if rack.id in checked_racks else Qt.CheckState.Unchecked)
                top.addChild(child)
            top.setExpanded(True)
        self.scope_tree.resizeColumnToContents(0)

    def checked_racks(self) -> list[int]:
        out = []
        for i in range(self.scope_tree.topLevelItemCount()):
            top = self.scope_tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    out.append(child.data(0, Qt.ItemDataRole.UserRole)[1])
        return out

    def set_rack_checked(self, rack_id: int, checked: bool = True) -> None:
        for i in range(self.scope_tree.topLevelItemCount()):
            top = self.scope_tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.data(0, Qt.ItemDataRole.UserRole)[1] == rack_id:
                    child.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_scope(self) -> Scope:
        """Whole rooms when all their racks are ticked, else the ticked racks; plus the typed layers."""
        rooms, racks = [], []
        for i in range(self.scope_tree.topLevelItemCount()):
            top = self.scope_tree.topLevelItem(i)
            if top.checkState(0) == Qt.CheckState.Checked and top.childCount():
                rooms.append(top.data(0, Qt.ItemDataRole.UserRole)[1])
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    racks.append(child.data(0, Qt.ItemDataRole.UserRole)[1])
        layers: list[int] = []
        codes_typed = [c for c in self.layers_edit.text().replace("，", " ").replace(",", " ").split() if c]
        if codes_typed:
            unknown = []
            with self.ctx.db.read() as s:
                for code in codes_typed:
                    layer = locations.find_layer(s, code)
                    if layer is None:
                        unknown.append(code)
                    else:
                        layers.append(layer.id)
            if unknown:
                raise UserError(self.tr("No layer has the code %1.").replace("%1", "、".join(unknown)))
        return Scope(tuple(rooms), tuple(racks), tuple(layers))

    def _on_start_button_clicked(self) -> None:
        try:
            scope = self.chosen_scope()
        except UserError as exc:
            self._home_problem(exc)
            return

        def done(record: stocktake.StocktakeRecord) -> None:
            self.home_message.setText("")
            self.resume(record.id)

        run_op(self, stocktake.start, self.ctx.actor, self.name_edit.text(), scope, on_success=done,
               on_error=self._home_problem, key="stocktake.start")

    def _home_problem(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self.home_message.setText(str(exc))
        self.home_message.setStyleSheet("color:#b00020;")
        self.statusChanged.emit(str(exc))
        return True

    def _selected_open_id(self) -> int | None:
        row = self.open_table.currentRow()
        item = self.open_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected_register_id(self) -> int | None:
        row = self.register_table.currentRow()
        item = self.register_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_resume_button_clicked(self) -> None:
        stocktake_id = self._selected_open_id()
        if stocktake_id is not None:
            self.resume(stocktake_id)

    # ------------------------------------------------------------ the session page

    def _build_session(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.session_title = QLabel(page)
        self.session_title.setObjectName("sessionTitle")
        f = self.session_title.font()
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.session_title.setFont(f)
        self.session_title.setWordWrap(True)
        layout.addWidget(self.session_title)

        row = QHBoxLayout()
        self.layer_label = QLabel(page)
        self.layer_label.setObjectName("currentLayer")
        self.layer_label.setTextFormat(Qt.TextFormat.RichText)
        self.layer_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.layer_label.setMinimumWidth(380)
        big = QFont(self.layer_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.layer_label.setMinimumHeight(QFontMetrics(big).height() + self.fontMetrics().height() + 20)
        self.layer_label.setStyleSheet("QLabel { padding:4px 10px; background:#ffffff; }")
        row.addWidget(self.layer_label, 1)
        scan_box = QVBoxLayout()
        self.scan_edit = ScanLineEdit(page)
        self.scan_edit.setObjectName("stocktakeScan")
        self.scan_edit.setPlaceholderText(self.tr("Scan or type a layer label or a volume's code, then Enter"))
        self.scan_edit.scanned.connect(self.process_scan)
        scan_box.addWidget(self.scan_edit)
        self.progress_label = QLabel(page)
        self.progress_label.setObjectName("sessionProgress")
        scan_box.addWidget(self.progress_label)
        row.addLayout(scan_box, 1)
        layout.addLayout(row)

        self.banner = QLabel(page)
        self.banner.setObjectName("lastScan")
        bf = QFont(self.banner.font())
        bf.setPointSizeF(bf.pointSizeF() * 1.25)
        self.banner.setFont(bf)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(self.fontMetrics().height() * 2 + 12)
        self.banner.setStyleSheet(f"padding:6px 10px; background:{REFUSED_COLOR};")
        layout.addWidget(self.banner)

        chips = QHBoxLayout()
        self.count_labels: dict[str, QLabel] = {}
        for c in CLASSES:
            chip = QPushButton(page)
            chip.setObjectName(f"count_{c.value}")
            chip.setFlat(True)
            chip.setStyleSheet(f"QPushButton {{ background:{CLASS_COLORS[c]}; padding:6px 12px; border:1px solid #bbbbbb;"
                               f" border-radius:4px; text-align:left; }}")
            chip.clicked.connect(lambda _checked=False, key=c.value: self._show_class(key))
            chips.addWidget(chip)
            self.count_labels[c.value] = chip  # type: ignore[assignment]
        layout.addLayout(chips)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show"), page))
        self.filter_combo = QComboBox(page)
        self.filter_combo.setObjectName("lineFilter")
        self.filter_combo.addItem(self.tr("Everything"), "all")
        self.filter_combo.addItem(self.tr("Needing attention"), "attention")
        for c in CLASSES:
            self.filter_combo.addItem(class_label(c), c.value)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_currentIndexChanged)
        bar.addWidget(self.filter_combo)
        bar.addStretch(1)
        self.pause_button = QPushButton(self.tr("Pause (resume later)"), page)
        self.pause_button.setObjectName("pauseStocktake")
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.finish_button = QPushButton(self.tr("Finish the stocktake…"), page)
        self.finish_button.setObjectName("finishStocktake")
        self.finish_button.clicked.connect(self._on_finish_button_clicked)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.finish_button)
        layout.addLayout(bar)

        self.lines_model = LinesModel(page)
        self.lines_view = QTableView(page)
        self.lines_view.setObjectName("stocktakeLines")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setWordWrap(False)
        self.lines_view.verticalHeader().hide()
        self.lines_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.lines_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for col, width in enumerate((130, 200, 320, 130, 130, 110, 80, 200)):
            self.lines_view.setColumnWidth(col, width)
        self.lines_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.lines_view, 1)
        return page

    def resume(self, stocktake_id: int) -> None:
        """Show a stocktake as it stands (new, interrupted or paused) and take scans for it."""
        with self.ctx.db.read() as s:
            st = stocktake.state(s, stocktake_id, by=self.ctx.actor.user, viewer=self.ctx.actor)
        if st.stocktake.finished:
            self.home_message.setText(self.tr("This stocktake is finished."))
            return
        self._stocktake_id = stocktake_id
        self._record = st.stocktake
        self._layers_scanned = set(st.scanned_layer_ids)
        self._layers_in_scope = st.layers_in_scope
        self._scans = st.scans
        self.lines_model.set_lines(st.lines)
        self.session_title.setText(self.tr("%1 — %2").replace("%1", st.stocktake.name).replace("%2", st.stocktake.scope_text))
        self._show_layer(st.current_layer)
        if st.scans:
            self._set_banner(self.tr("Resumed: %n scan(s) so far. Carry on where you stopped.", "", st.scans), None)
        else:
            self._set_banner(self.tr("Scan the label of the first layer, then every volume on it."), None)
        self._update_counts()
        self.pages.setCurrentWidget(self.session_page)
        self.scan_edit.setFocus()
        self.statusChanged.emit(f"{self.session_title.text()}: {self.banner.text()}")

    def _show_layer(self, layer: stocktake.LayerInfo | None) -> None:
        size = self.font().pointSizeF() * 1.6
        if layer is None:
            waiting = self.tr("No layer yet: scan a layer label")  # (lupdate finds no tr() inside an f-string)
            self.layer_label.setText(f"<span style='font-size:{size:.1f}pt; color:#7f7f7f;'>{html.escape(waiting)}</span>")
        else:
            self.layer_label.setText(f"<span style='font-size:{size:.1f}pt; font-weight:600;'>{html.escape(layer.code)}</span>"
                                     f"<br/><span>{html.escape(layer.words)}</span>")

    def _set_banner(self, text: str, cls: str | None, *, refused: bool = False) -> None:
        color = REFUSED_COLOR if cls is None else CLASS_COLORS.get(cls, REFUSED_COLOR)
        if refused:
            color = "#ffb3b3"
        self.banner.setText(text)
        self.banner.setProperty("cls", cls or ("refused" if refused else ""))
        self.banner.setStyleSheet(f"padding:6px 10px; background:{color};")

    def _update_counts(self) -> None:
        for c in CLASSES:
            self.count_labels[c.value].setText(f"{class_label(c)}  {self.lines_model.counts.get(c.value, 0)}")
        self.progress_label.setText(self.tr("Layers counted: %1 of %2 · scans: %3")
                                    .replace("%1", str(len(self._layers_scanned)))
                                    .replace("%2", str(self._layers_in_scope)).replace("%3", str(self._scans)))

    def counts(self) -> dict[str, int]:
        """The counts shown, per class (for tests and the status bar)."""
        return {c.value: self.lines_model.counts.get(c.value, 0) for c in CLASSES}

    def handle_scan(self, text: str) -> bool:
        if self.pages.currentWidget() is not self.session_page or self._stocktake_id is None \
                or not self.scan_edit.isEnabled():
            return False
        self.process_scan(text)
        return True

    def process_scan(self, text: str) -> None:
        if self._stocktake_id is None:
            return
        stocktake_id = self._stocktake_id
        # scans are saved one after another in scan order (ui/ops.run_op); a result for a stocktake no longer shown
        # is saved but not shown
        run_op(self, stocktake.record_scan, self.ctx.actor, stocktake_id, text,
               on_success=lambda outcome: self._apply(outcome) if self._stocktake_id == stocktake_id else None,
               on_error=self._banner_problem)

    def _banner_problem(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self._set_banner(str(exc), None, refused=True)
        return True

    def _apply(self, outcome: ScanOutcome) -> None:
        if outcome.kind == "refused":
            self._set_banner(outcome.message, None, refused=True)
            self.statusChanged.emit(outcome.message)
            return
        self._scans += 1
        if outcome.kind == "layer" and outcome.layer is not None:
            self._layers_scanned.add(outcome.layer.id)
            self._show_layer(outcome.layer)
            for line in outcome.expected:
                existing = self.lines_model.get(line.key)
                if existing is None or existing.cls == StocktakeClass.MISSING:
                    self.lines_model.upsert(line)
            self._set_banner(outcome.message, None)
        elif outcome.line is not None:
            self.lines_model.upsert(outcome.line)
            self._set_banner(outcome.message, outcome.line.cls)
        self._update_counts()
        self.statusChanged.emit(outcome.message)

    def _show_class(self, key: str) -> None:
        index = self.filter_combo.findData(key)
        if index >= 0:
            self.filter_combo.setCurrentIndex(index if self.filter_combo.currentIndex() != index else 0)

    def _on_filter_combo_currentIndexChanged(self, _index: int) -> None:
        self.lines_model.set_filter(self.filter_combo.currentData() or "all")

    def _on_pause_button_clicked(self) -> None:
        self._stocktake_id = None
        self.pages.setCurrentWidget(self.home)
        self.refresh()

    def _on_finish_button_clicked(self) -> None:
        if self._stocktake_id is None:
            return
        unscanned = self._layers_in_scope - len(self._layers_scanned)
        text = self.tr("Finish the stocktake %1? Its result goes into the register of stocktakes and cannot be "
                       "changed afterwards.").replace("%1", self._record.name if self._record else "")
        if unscanned > 0:
            text += "\n\n" + self.tr("%n layer(s) of the scope were not counted: volumes on them are not judged.", "", unscanned)
        if not confirm(self, self.tr("Finish the stocktake"), text):
            return
        stocktake_id = self._stocktake_id

        def done(record: stocktake.StocktakeRecord) -> None:
            if self._stocktake_id == stocktake_id:
                self._stocktake_id = None
                self.pages.setCurrentWidget(self.home)
            self.refresh()
            self._open_finished(record)

        run_op(self, stocktake.finish, self.ctx.actor, stocktake_id, on_success=done, on_error=self._banner_problem,
               key=f"stocktake.finish:{stocktake_id}")

    def _open_finished(self, record: stocktake.StocktakeRecord) -> None:
        dialog = FinishedDialog(record, self)
        dialog.pdf_button.clicked.connect(lambda: self.save_report_pdf(record.id))
        dialog.xlsx_button.clicked.connect(lambda: self.save_report_xlsx(record.id))
        dialog.correct_button.clicked.connect(lambda: self.open_corrections(record.id))
        self.finished_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ reports, register, corrections

    def _suggested(self, stocktake_id: int, suffix: str) -> str:
        with self.ctx.db.read() as s:
            name = stocktake.get(s, stocktake_id).name
        folder = self.ctx.settings.extra.get("export_folder") or str(documents_folder())
        return str(Path(folder) / clean_file_name(f"{name}{suffix}"))

    def _remember_folder(self, path: str) -> None:
        self.ctx.settings.extra["export_folder"] = str(Path(path).parent)
        try:
            self.ctx.save_settings()
        except OSError:
            pass

    def save_report_pdf(self, stocktake_id: int | None) -> None:
        if stocktake_id is None:
            return
        path = ask_save_path(self, self.tr("Save the stocktake report"), self._suggested(stocktake_id, ".pdf"),
                             self.tr("PDF files (*.pdf)"))
        if path:
            self._remember_folder(path)
            actor = self.ctx.actor  # titles above the account's clearance masked (services/masking.py)
            self._run_export(lambda s: stocktake.export_report_pdf(s, stocktake_id, path, actor))

    def save_report_xlsx(self, stocktake_id: int | None) -> None:
        if stocktake_id is None:
            return
        path = ask_save_path(self, self.tr("Export the stocktake report"), self._suggested(stocktake_id, ".xlsx"),
                             self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self._remember_folder(path)
            actor = self.ctx.actor  # titles above the account's clearance masked (services/masking.py)
            self._run_export(lambda s: stocktake.export_report_xlsx(s, stocktake_id, path, actor))

    def export_register(self) -> None:
        folder = self.ctx.settings.extra.get("export_folder") or str(documents_folder())
        path = ask_save_path(self, self.tr("Export the register of stocktakes"),
                             str(Path(folder) / (self.tr("Register of stocktakes") + ".xlsx")),
                             self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self._remember_folder(path)
            self._run_export(lambda s: stocktake.export_register(s, path))

    def _run_export(self, job) -> None:  # noqa: ANN001 - fn(session) -> Path
        db = self.ctx.db

        def run():  # noqa: ANN202 - in a worker thread, with its own session
            with db.read() as s:
                return job(s)

        self.home_message.setStyleSheet("")
        self.home_message.setText(self.tr("Writing…"))
        self._runner.start(run)

    def _on_runner_finished(self, result: object) -> None:
        self.last_export = result
        text = self.tr("Saved %1").replace("%1", str(result))
        self.home_message.setStyleSheet("color:#1b5e20;")
        self.home_message.setText(text)
        self.statusChanged.emit(text)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.last_export = exc
        self.home_message.setStyleSheet("color:#b00020;")
        self.home_message.setText(exc.message if isinstance(exc, UserError) else str(exc))
        if isinstance(exc, BaseException) and not isinstance(exc, UserError):
            show_error(self, exc)  # a bug: the crash dialog with details

    def open_corrections(self, stocktake_id: int | None) -> None:
        if stocktake_id is None:
            return
        try:
            with self.ctx.db.read() as s:
                plan = stocktake.plan_corrections(s, stocktake_id)
                name = stocktake.get(s, stocktake_id).name
        except UserError as exc:
            self.home_message.setStyleSheet("color:#b00020;")
            self.home_message.setText(str(exc))
            return
        dialog = CorrectionDialog(plan, name, self)
        dialog.accepted.connect(lambda: self._apply_corrections(stocktake_id, dialog))
        self.correction_dialog = dialog
        dialog.open()

    def _apply_corrections(self, stocktake_id: int, dialog: CorrectionDialog) -> None:
        def done(result: stocktake.CorrectionResult) -> None:
            text = self.tr("Catalogue corrected: %1 marked missing, %2 moved, %3 back in stock.") \
                .replace("%1", str(result.marked_missing)).replace("%2", str(result.relocated)).replace("%3", str(result.restored))
            self.home_message.setStyleSheet("color:#1b5e20;")
            self.home_message.setText(text)
            self.statusChanged.emit(text)
            self.refresh()

        run_op(self, stocktake.apply_corrections, self.ctx.actor, stocktake_id,
               mark_missing=dialog.missing_box.isChecked(), fix_locations=dialog.locations_box.isChecked(),
               on_success=done, on_error=self._home_problem, key=f"stocktake.corrections:{stocktake_id}")

    def activated(self) -> None:
        if self.pages.currentWidget() is self.home:
            self.refresh()
        else:
            self.scan_edit.setFocus()

    def save_state(self) -> dict[str, object]:
        return {"header": bytes(self.lines_view.horizontalHeader().saveState().data())}

    def restore_state(self, state: dict[str, object]) -> None:
        from PySide6.QtCore import QByteArray  # noqa: PLC0415

        header = state.get("header")
        if isinstance(header, bytes | bytearray):
            self.lines_view.horizontalHeader().restoreState(QByteArray(bytes(header)))


def create(ctx: AppContext, parent: QWidget | None = None) -> StocktakeArea:
    return StocktakeArea(ctx, parent)
