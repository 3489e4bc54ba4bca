"""The transfers area (移交与鉴定): receiving from departments, handing over, appraisal and destruction, registers.

Four tabs, each a thin screen over :mod:`archive_desk.services.transfers` (every rule is the service's):

- **Receiving** (接收): a batch's particulars; its lines typed in, scanned, or imported from the department's
  Excel list (with a mapping step that shows every problem row); the receiving check by scanning — each scan
  ticks a volume (with the page count in "Pages counted", if given) or adds it as *not on the list*; the
  lists of what is expected, arrived, still missing, unexpected or differs in pages; confirming creates the
  volumes (in a worker, all or nothing); the space finder's proposal; 移交清册 / 交接文据 previews and Excel.
- **Handing over** (移出): a batch built from the catalogue's selection, a filter (永久 older than N years …) or
  scans; refusals (on loan, already gone) listed with their reasons; confirming marks the volumes transferred.
- **Appraisal** (鉴定销毁): a yearly list of volumes whose retention ran out, a decision per volume (destroy, or keep
  with a new retention and a reason), the 销毁清册, confirmation (destroyed, list frozen for ever).
- **Registers** (登记簿): the 移交(接收)登记簿 and the destruction register, filterable, to Excel.

Scans reach the shown tab through :meth:`TransfersArea.handle_scan` (the window's scan detector) or through the
tab's ``ScanLineEdit``. Scans never open a modal box: the outcome is written under the scan field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import catalogue, transfers
from archive_desk.services.transfers import (
    AppraisalLineRecord,
    AppraisalRecord,
    BatchRecord,
    LineRecord,
)
from archive_desk.ui.areas.base import Area, area_host
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.dialogs.transfers import (
    HandoverFilterDialog,
    ImportListDialog,
    KeepDialog,
    LineDialog,
)
from archive_desk.ui.pdf_print import PdfPreviewDialog
from archive_desk.ui.scan_input import ScanLineEdit
from archive_desk.ui.workers import Runner

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b00020")
GREEN = QColor("#1b5e20")
COLORS = {
    "found": QColor("#e3f3e3"),
    "missing": QColor("#fbe3e3"),
    "unexpected": QColor("#fff0d6"),
    "returned": QColor("#eeeeee"),
    "pages": QColor("#fff9c4"),
    "removed": QColor("#eeeeee"),
    "keep": QColor("#e3ecfb"),
}


# --------------------------------------------------------------------------- small helpers (tests patch these)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (patched in tests)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_open_file(parent: QWidget, caption: str, file_filter: str) -> str:
    name, _f = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), file_filter)
    return name


def choose_save_file(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    name, _f = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested), file_filter)
    return name


def _qdate(d: date | None) -> QDate:
    d = d or date.today()
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _item(text: object, *, center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _setup_table(view: QTableView | QTableWidget, font_height: int) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(font_height + 8)


# --------------------------------------------------------------------------- the lines of a batch


class _ListModel(QAbstractTableModel):
    """A read-only table of ``_rows`` under ``_headers`` (the lines of a batch or of an appraisal list)."""

    _rows: Sequence[object]
    _headers: Sequence[str]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class LinesModel(_ListModel):
    """The lines of one batch, with a filter by state (all, pending/missing, arrived, unexpected, returned, pages)."""

    FILTERS = ("all", "pending", "found", "unexpected", "returned", "pages")

    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self.confirmed = False
        self._all: list[LineRecord] = []
        self._rows: list[LineRecord] = []
        self._filter = "all"
        self._headers = [self.tr("No."), self.tr("Archival code"), self.tr("Title"), self.tr("Year"), self.tr("Retention"),
                         self.tr("Items"), self.tr("Pages"), self.tr("Pages counted"), self.tr("State")]

    # -- content
    def set_lines(self, lines: Sequence[LineRecord], confirmed: bool) -> None:
        self.beginResetModel()
        self._all = list(lines)
        self.confirmed = confirmed
        self._rows = [ln for ln in self._all if self._visible(ln)]
        self.endResetModel()

    def set_filter(self, kind: str) -> None:
        self._filter = kind
        self.set_lines(self._all, self.confirmed)

    def upsert(self, line: LineRecord) -> int | None:
        """Put a changed or new line in place; returns its row (None when the filter hides it)."""
        for i, ln in enumerate(self._all):
            if ln.id == line.id:
                self._all[i] = line
                break
        else:
            self._all.append(line)
        for r, ln in enumerate(self._rows):
            if ln.id == line.id:
                if self._visible(line):
                    self._rows[r] = line
                    self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
                    return r
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self.endRemoveRows()
                return None
        if self._visible(line):
            r = len(self._rows)
            self.beginInsertRows(QModelIndex(), r, r)
            self._rows.append(line)
            self.endInsertRows()
            return r
        return None

    def lines(self) -> list[LineRecord]:
        return list(self._all)

    def line_at(self, row: int) -> LineRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, line_id: int) -> int | None:
        return next((r for r, ln in enumerate(self._rows) if ln.id == line_id), None)

    def state(self, ln: LineRecord) -> str:
        if self.direction == "out":
            return "found" if ln.expected else "removed"
        if ln.state == "pending" and self.confirmed:
            return "missing"
        return ln.state

    def _visible(self, ln: LineRecord) -> bool:
        f = self._filter
        if f == "all":
            return True
        if f == "pages":
            return bool(ln.page_difference)
        state = self.state(ln)
        if f == "pending":
            return state in ("pending", "missing")
        if f == "returned":
            return state in ("returned", "removed")
        return state == f

    def state_text(self, ln: LineRecord) -> str:
        if self.direction == "out":
            if not ln.expected:
                return self.tr("taken off")
            return self.tr("handed over") if self.confirmed else self.tr("to hand over")
        state = self.state(ln)
        text = {
            "pending": self.tr("not arrived yet"),
            "missing": self.tr("missing"),
            "found": self.tr("arrived"),
            "unexpected": self.tr("not on the list"),
            "returned": self.tr("sent back"),
        }.get(state, state)
        if ln.page_difference:
            text += self.tr(", pages differ")
        return text

    # -- Qt
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ln = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(ln.seq)
            if col == 1:
                return ln.code
            if col == 2:
                return ln.title
            if col == 3:
                return "" if ln.year is None else str(ln.year)
            if col == 4:
                return transfers.retention_text(ln.retention)
            if col == 5:
                return str(ln.item_count)
            if col == 6:
                return str(ln.pages)
            if col == 7:
                return "" if ln.found_pages is None else str(ln.found_pages)
            if col == 8:
                return self.state_text(ln)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if ln.page_difference and col in (6, 7, 8):
                return QBrush(COLORS["pages"])
            color = COLORS.get(self.state(ln))
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return ln.id
        return None


# --------------------------------------------------------------------------- the particulars of a batch


class BatchForm(QGroupBox):
    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Batch"))
        self.direction = direction
        self.batch_no = QLabel(self)
        self.batch_no.setObjectName("batchNo")
        self.status = QLabel(self)
        self.nature = QComboBox(self)
        for n in transfers.NATURES:
            self.nature.addItem(n, n)
        self.from_unit = QLineEdit(self)
        self.to_unit = QLineEdit(self)
        self.from_handler = QLineEdit(self)
        self.to_handler = QLineEdit(self)
        self.from_leader = QLineEdit(self)
        self.to_leader = QLineEdit(self)
        self.transfer_date = QDateEdit(self)
        self.transfer_date.setCalendarPopup(True)
        self.transfer_date.setDisplayFormat("yyyy-MM-dd")
        self.finding_aids = QLineEdit(self)
        self.finding_aids.setPlaceholderText(self.tr("e.g. volume catalogue in two copies"))
        self.notes = QLineEdit(self)
        self.save_button = QPushButton(self.tr("Save particulars"), self)
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.batch_no)
        head.addWidget(self.status, 1)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Batch no."), head)
        form.addRow(self.tr("Nature"), self.nature)
        form.addRow(self.tr("Transferring unit"), self.from_unit)
        form.addRow(self.tr("Receiving unit"), self.to_unit)
        pair = QHBoxLayout()
        pair.addWidget(self.from_handler)
        pair.addWidget(QLabel(self.tr("received by"), self))
        pair.addWidget(self.to_handler)
        form.addRow(self.tr("Handed over by"), pair)
        leaders = QHBoxLayout()
        leaders.addWidget(self.from_leader)
        leaders.addWidget(QLabel(self.tr("receiving leader"), self))
        leaders.addWidget(self.to_leader)
        form.addRow(self.tr("Transferring leader"), leaders)
        form.addRow(self.tr("Date"), self.transfer_date)
        form.addRow(self.tr("Finding aids"), self.finding_aids)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._edits = (self.nature, self.from_unit, self.to_unit, self.from_handler, self.to_handler, self.from_leader,
                       self.to_leader, self.transfer_date, self.finding_aids, self.notes, self.save_button)

    def set_batch(self, b: BatchRecord | None) -> None:
        self.setEnabled(b is not None)
        if b is None:
            self.batch_no.setText("")
            self.status.setText("")
            return
        self.batch_no.setText(b.batch_no)
        self.status.setText(self.tr("draft") if b.is_draft else self.tr("confirmed %1").replace(
            "%1", b.confirmed_at.strftime("%Y-%m-%d %H:%M") if b.confirmed_at else ""))
        self.nature.setCurrentIndex(max(0, self.nature.findData(b.nature)))
        for edit, value in ((self.from_unit, b.from_unit), (self.to_unit, b.to_unit), (self.from_handler, b.from_handler),
                            (self.to_handler, b.to_handler), (self.from_leader, b.from_leader), (self.to_leader, b.to_leader),
                            (self.finding_aids, b.finding_aids), (self.notes, b.notes)):
            edit.setText(value)
        self.transfer_date.setDate(_qdate(b.transfer_date))
        for w in self._edits:
            w.setEnabled(b.is_draft)

    def values(self) -> dict[str, Any]:
        return {
            "nature": self.nature.currentData(), "from_unit": self.from_unit.text(), "to_unit": self.to_unit.text(),
            "from_handler": self.from_handler.text(), "to_handler": self.to_handler.text(), "from_leader": self.from_leader.text(),
            "to_leader": self.to_leader.text(), "transfer_date": _pydate(self.transfer_date.date()),
            "finding_aids": self.finding_aids.text(), "notes": self.notes.text(),
        }


# --------------------------------------------------------------------------- receiving and handing over


class BatchPage(QWidget):
    """One direction's batches: ``in`` (receiving) or ``out`` (handing over)."""

    def __init__(self, ctx: AppContext, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.direction = direction
        self.batch: BatchRecord | None = None
        self.preview: PdfPreviewDialog | None = None
        self.import_dialog: ImportListDialog | None = None
        self.line_dialog: LineDialog | None = None
        self.filter_dialog: HandoverFilterDialog | None = None
        self.last_outcome: Any = None
        self.last_refusals: tuple[transfers.Refusal, ...] = ()
        self.confirm_result: transfers.ConfirmResult | None = None
        self.shelf_proposal: transfers.ShelfProposal | None = None
        fh = self.fontMetrics().height()

        # left: the batches
        self.batch_table = QTableWidget(0, 4, self)
        self.batch_table.setObjectName(f"batches_{direction}")
        self.batch_table.setHorizontalHeaderLabels([self.tr("Batch no."), self.tr("Unit"), self.tr("Date"), self.tr("Status")])
        _setup_table(self.batch_table, fh)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col in (0, 2, 3):
            self.batch_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.batch_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.batch_table.itemSelectionChanged.connect(self._on_batch_table_itemSelectionChanged)
        self.new_button = QPushButton(self.tr("New receiving batch") if direction == "in" else self.tr("New handing-over batch"), self)
        self.new_button.clicked.connect(self.new_batch)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.batch_table, 1)

        # right: particulars, actions, check, lines
        self.form = BatchForm(direction, self)
        self.form.save_button.clicked.connect(self.save_form)
        actions = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import list from Excel…"), self)
        self.add_button = QPushButton(self.tr("Add line…"), self)
        self.selection_button = QPushButton(self.tr("Add catalogue selection"), self)
        self.filter_button = QPushButton(self.tr("Add by filter…"), self)
        self.remove_button = QPushButton(self.tr("Take off the batch"), self)
        self.confirm_button = QPushButton(self.tr("Confirm receiving…") if direction == "in" else self.tr("Confirm handing over…"), self)
        self.confirm_button.setObjectName("confirmButton")
        self.print_button = QPushButton(self.tr("Transfer list…"), self)
        self.certificate_button = QPushButton(self.tr("Handover certificate…"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.space_button = QPushButton(self.tr("Propose shelf space"), self)
        self.import_button.clicked.connect(self.import_list)
        self.add_button.clicked.connect(self.add_line_by_hand)
        self.selection_button.clicked.connect(self.add_catalogue_selection)
        self.filter_button.clicked.connect(self.add_by_filter)
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_list)
        self.certificate_button.clicked.connect(self.print_certificate)
        self.export_button.clicked.connect(self.export_excel)
        self.space_button.clicked.connect(self.propose_space)
        own = (self.import_button, self.add_button, self.space_button) if direction == "in" else (
            self.selection_button, self.filter_button, self.remove_button)
        for b in (*own, self.confirm_button, self.print_button, self.certificate_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.import_button, self.add_button, self.space_button, self.selection_button, self.filter_button, self.remove_button):
            b.setVisible(b in own)

        scan_row = QHBoxLayout()
        self.scan_edit = ScanLineEdit(self)
        self.scan_edit.setObjectName(f"transferScan_{direction}")
        self.scan_edit.setPlaceholderText(self.tr("Scan a volume's barcode (or type its code and press Enter)"))
        self.scan_edit.scanned.connect(self._on_scan_edit_scanned)
        self.pages_spin = QSpinBox(self)
        self.pages_spin.setObjectName("pagesCounted")
        self.pages_spin.setRange(0, 100000)
        self.pages_spin.setSpecialValueText(self.tr("as listed"))
        self.pages_spin.setToolTip(self.tr("Pages counted for the next scanned volume; left at \"as listed\" the list's count is taken"))
        scan_row.addWidget(QLabel(self.tr("Scan") if direction == "in" else self.tr("Scan to add"), self))
        scan_row.addWidget(self.scan_edit, 3)
        if direction == "in":
            scan_row.addWidget(QLabel(self.tr("Pages counted"), self))
            scan_row.addWidget(self.pages_spin)
        else:
            self.pages_spin.setVisible(False)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("scanMessage")
        self.message_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("checkSummary")
        self.summary_label.setWordWrap(True)
        self.filter_combo = QComboBox(self)
        for key, text in (("all", self.tr("All lines")), ("pending", self.tr("Missing / not arrived")), ("found", self.tr("Arrived")),
                          ("unexpected", self.tr("Not on the list")), ("returned", self.tr("Sent back / taken off")),
                          ("pages", self.tr("Pages differ"))):
            if direction == "out" and key in ("pending", "unexpected", "pages"):
                continue
            self.filter_combo.addItem(text, key)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_currentIndexChanged)
        self.edit_button = QPushButton(self.tr("Edit line…"), self)
        self.toggle_button = QPushButton(self.tr("Arrived / not arrived"), self)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.toggle_button.clicked.connect(self.toggle_found)
        self.edit_button.setVisible(direction == "in")
        self.toggle_button.setVisible(direction == "in")
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.summary_label, 1)
        filter_row.addWidget(self.filter_combo)
        filter_row.addWidget(self.edit_button)
        filter_row.addWidget(self.toggle_button)

        self.model = LinesModel(direction, self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName(f"transferLines_{direction}")
        self.lines_view.setModel(self.model)
        _setup_table(self.lines_view, fh)
        for col, width in enumerate((44, 190, 320, 50, 80, 45, 50, 70, 130)):
            self.lines_view.setColumnWidth(col, width)
        self.lines_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines_view.doubleClicked.connect(self._on_lines_view_doubleClicked)
        self.refused_list = QListWidget(self)
        self.refused_list.setObjectName("refusals")
        self.refused_list.setMaximumHeight(7 * fh)
        self.refused_label = QLabel(self.tr("Not added"), self)
        self.refused_list.setVisible(direction == "out")
        self.refused_label.setVisible(direction == "out")

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.form)
        rv.addLayout(actions)
        rv.addLayout(scan_row)
        rv.addWidget(self.message_label)
        rv.addLayout(filter_row)
        rv.addWidget(self.lines_view, 1)
        rv.addWidget(self.refused_label)
        rv.addWidget(self.refused_list)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._runner.progressed.connect(self._on_runner_progressed)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        keep = self.batch.id if self.batch else None
        with self.ctx.db.read() as s:
            batches = transfers.list_batches(s, self.direction)
        self.batch_table.blockSignals(True)
        self.batch_table.setRowCount(len(batches))
        for r, b in enumerate(batches):
            unit = b.from_unit if self.direction == "in" else b.to_unit
            status = self.tr("draft") if b.is_draft else self.tr("confirmed")
            for c, value in enumerate((b.batch_no, unit, b.transfer_date.isoformat() if b.transfer_date else "", status)):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                self.batch_table.setItem(r, c, item)
        self.batch_table.blockSignals(False)
        if keep is not None:
            self.select_batch(keep)
        elif batches:
            self.select_batch(batches[0].id)
        else:
            self.show_batch(None)

    def select_batch(self, batch_id: int) -> None:
        for r in range(self.batch_table.rowCount()):
            item = self.batch_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == batch_id:
                self.batch_table.blockSignals(True)
                self.batch_table.selectRow(r)
                self.batch_table.blockSignals(False)
                break
        self.show_batch(batch_id)

    def show_batch(self, batch_id: int | None) -> None:
        if self.batch is None or batch_id != self.batch.id:
            self.refused_list.clear()
        if batch_id is None:
            self.batch = None
            self.model.set_lines([], False)
        else:
            with self.ctx.db.read() as s:
                self.batch = transfers.get_batch(s, batch_id)
                lines = transfers.list_lines(s, batch_id)
            self.model.set_lines(lines, not self.batch.is_draft)
        self.form.set_batch(self.batch)
        self._update_summary()
        self._update_buttons()

    def _on_batch_table_itemSelectionChanged(self) -> None:
        rows = self.batch_table.selectionModel().selectedRows()
        if rows:
            item = self.batch_table.item(rows[0].row(), 0)
            if item is not None:
                self.show_batch(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        draft = self.batch is not None and self.batch.is_draft
        has = self.batch is not None
        for b in (self.import_button, self.add_button, self.selection_button, self.filter_button, self.remove_button,
                  self.confirm_button, self.edit_button, self.toggle_button, self.scan_edit, self.pages_spin):
            b.setEnabled(draft and not self._runner.busy)
        for b in (self.print_button, self.certificate_button, self.export_button):
            b.setEnabled(has)
        self.space_button.setEnabled(has)

    def _update_summary(self) -> None:
        lines = self.model.lines()
        if self.batch is None:
            self.summary_label.setText("")
            return
        if self.direction == "out":
            active = [ln for ln in lines if ln.expected]
            self.summary_label.setText(
                self.tr("%1 volumes, %2 items, %3 pages").replace("%1", str(len(active)))
                .replace("%2", str(sum(ln.item_count for ln in active))).replace("%3", str(sum(ln.pages for ln in active))))
            return
        expected = sum(1 for ln in lines if ln.expected)
        found = sum(1 for ln in lines if ln.state == "found")
        pending = sum(1 for ln in lines if ln.state == "pending")
        unexpected = sum(1 for ln in lines if ln.state == "unexpected")
        returned = sum(1 for ln in lines if ln.state == "returned")
        pages = sum(1 for ln in lines if ln.page_difference)
        text = (self.tr("On the list %1; arrived %2; missing %3; not on the list %4; sent back %5; pages differ %6")
                if self.model.confirmed else
                self.tr("On the list %1; arrived %2; not arrived yet %3; not on the list %4; sent back %5; pages differ %6"))
        for i, n in enumerate((expected, found, pending, unexpected, returned, pages), start=1):
            text = text.replace(f"%{i}", str(n))
        self.summary_label.setText(text)

    def summary_counts(self) -> dict[str, int]:
        lines = self.model.lines()
        return {
            "expected": sum(1 for ln in lines if ln.expected),
            "found": sum(1 for ln in lines if ln.state == "found"),
            "pending": sum(1 for ln in lines if ln.state == "pending"),
            "unexpected": sum(1 for ln in lines if ln.state == "unexpected"),
            "returned": sum(1 for ln in lines if ln.state == "returned"),
            "pages": sum(1 for ln in lines if ln.page_difference),
        }

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setText(text)
        palette = self.message_label.palette()
        palette.setColor(self.message_label.foregroundRole(), GREEN if ok else RED)
        self.message_label.setPalette(palette)

    def _on_filter_combo_currentIndexChanged(self, _index: int) -> None:
        self.model.set_filter(self.filter_combo.currentData())

    # ------------------------------------------------------------ batch

    def new_batch(self) -> None:
        room = str(self._setting("room_name") or self.tr("Archive room"))
        values = {"to_unit": room} if self.direction == "in" else {"from_unit": room}
        try:
            with self.ctx.db.write() as s:
                b = transfers.create_batch(s, self.ctx.actor, self.direction, transfer_date=date.today(), **values)
        except UserError as exc:
            show_error(self, exc)
            return
        self.batch = b
        self.refused_list.clear()
        self.refresh()
        self.form.from_unit.setFocus() if self.direction == "in" else self.form.to_unit.setFocus()

    def _setting(self, key: str) -> Any:
        from archive_desk.services.setup import get_setting

        try:
            return get_setting(self.ctx.db, key)
        except Exception:  # noqa: BLE001 - a missing setting is not worth a box
            return None

    def save_form(self) -> bool:
        if self.batch is None:
            return False
        try:
            with self.ctx.db.write() as s:
                self.batch = transfers.update_batch(s, self.ctx.actor, self.batch.id, self.batch.version, self.form.values())
        except UserError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        self._message(self.tr("Saved."))
        return True

    def _save_if_changed(self) -> bool:
        """Save the particulars before an action that uses them (printing, confirming)."""
        if self.batch is None or not self.batch.is_draft:
            return True
        current = self.form.values()
        stored = {k: getattr(self.batch, k) for k in current}
        if {k: (v or "") if not isinstance(v, date) else v for k, v in current.items()} == \
           {k: (v or "") if not isinstance(v, date) else v for k, v in stored.items()}:
            return True
        return self.save_form()

    # ------------------------------------------------------------ lines (receiving)

    def import_list(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        path = choose_open_file(self, self.tr("Import the department's list"), self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if not path:
            return
        db = self.ctx.db

        def plan(mapping):  # noqa: ANN001, ANN202 - runs in a worker
            with db.read() as s:
                return transfers.plan_transfer_list(s, path, mapping=mapping)

        dialog = ImportListDialog(path, plan, self)
        self.import_dialog = dialog
        dialog.accepted.connect(self._on_import_dialog_accepted)
        dialog.open()

    def _on_import_dialog_accepted(self) -> None:
        dialog = self.import_dialog
        if dialog is None or dialog.plan is None or self.batch is None:
            return
        try:
            with self.ctx.db.write() as s:
                result = transfers.add_planned_lines(s, self.ctx.actor, self.batch.id, dialog.plan)
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_batch(self.batch.id)
        text = self.tr("%n line(s) added from the list", "", len(result.added))
        if result.skipped:
            text += self.tr("; %n already on the batch", "", result.skipped)
        if result.refused:
            text += self.tr("; %n refused", "", len(result.refused))
        self._message(text, ok=not result.refused)

    def add_line_by_hand(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        blank = LineRecord(0, self.batch.id, 0, None, "", "", date.today().year, "D30", 0, 0, True, False, None, {}, "")
        dialog = LineDialog(blank, self)
        dialog.code_edit.setReadOnly(False)
        dialog.setWindowTitle(self.tr("New line"))
        self.line_dialog = dialog
        dialog.accepted.connect(lambda: self._on_new_line_accepted(dialog))
        dialog.open()

    def _on_new_line_accepted(self, dialog: LineDialog) -> None:
        if self.batch is None:
            return
        values = {"code": dialog.code_edit.text(), **dialog.changes()}
        found, pages = dialog.found()
        try:
            with self.ctx.db.write() as s:
                line = transfers.add_line(s, self.ctx.actor, self.batch.id, values, found=found, found_pages=pages if found else None)
        except UserError as exc:
            show_error(self, exc)
            return
        self.model.upsert(line)
        self._update_summary()
        self._message(self.tr("Line %1 added: %2").replace("%1", str(line.seq)).replace("%2", line.code))

    def selected_lines(self) -> list[LineRecord]:
        rows = sorted({i.row() for i in self.lines_view.selectionModel().selectedRows()})
        if not rows and self.lines_view.currentIndex().isValid():
            rows = [self.lines_view.currentIndex().row()]
        return [ln for r in rows if (ln := self.model.line_at(r)) is not None]

    def _on_lines_view_doubleClicked(self, index: QModelIndex) -> None:
        ln = self.model.line_at(index.row())
        if ln is not None and self.direction == "in":
            self.edit_line(ln.id)

    def _on_edit_button_clicked(self) -> None:
        lines = self.selected_lines()
        if lines:
            self.edit_line(lines[0].id)

    def edit_line(self, line_id: int) -> LineDialog | None:
        if self.batch is None or not self.batch.is_draft:
            return None
        ln = next((x for x in self.model.lines() if x.id == line_id), None)
        if ln is None:
            return None
        dialog = LineDialog(ln, self)
        self.line_dialog = dialog
        dialog.accepted.connect(lambda: self._on_line_dialog_accepted(dialog))
        dialog.open()
        return dialog

    def _on_line_dialog_accepted(self, dialog: LineDialog) -> None:
        found, pages = dialog.found()
        try:
            with self.ctx.db.write() as s:
                line = transfers.update_line(s, self.ctx.actor, dialog.line.id, dialog.changes())
                if (found, pages) != (line.found, line.found_pages):
                    line = transfers.set_found(s, self.ctx.actor, line.id, found, pages)
        except UserError as exc:
            show_error(self, exc)
            return
        self.model.upsert(line)
        self._update_summary()
        self._message(self.tr("Line %1 saved.").replace("%1", str(line.seq)))

    def toggle_found(self) -> None:
        lines = self.selected_lines()
        if not lines or self.batch is None:
            return
        try:
            with self.ctx.db.write() as s:
                changed = [transfers.set_found(s, self.ctx.actor, ln.id, not ln.found) for ln in lines]
        except UserError as exc:
            show_error(self, exc)
            return
        for ln in changed:
            self.model.upsert(ln)
        self._update_summary()

    # ------------------------------------------------------------ scanning

    def handle_scan(self, code: str) -> bool:
        if self.batch is None or not self.batch.is_draft or self._runner.busy:
            return False
        self._scan(code)
        return True

    def _on_scan_edit_scanned(self, code: str) -> None:
        if self.batch is None or not self.batch.is_draft:
            self._message(self.tr("Choose or start a batch in draft first."), ok=False)
            return
        self._scan(code)

    def _scan(self, code: str) -> None:
        assert self.batch is not None
        if self.direction == "out":
            self._add_volumes(lambda s: transfers.add_by_scan(s, self.ctx.actor, self.batch.id, code))  # type: ignore[union-attr]
            return
        pages = self.pages_spin.value() or None
        try:
            with self.ctx.db.write() as s:
                outcome = transfers.scan_check(s, self.ctx.actor, self.batch.id, code, pages=pages)
        except UserError as exc:
            self._message(str(exc), ok=False)
            return
        self.last_outcome = outcome
        self.pages_spin.setValue(0)
        if outcome.line is not None:
            row = self.model.upsert(outcome.line)
            if row is not None:
                self.lines_view.scrollTo(self.model.index(row, 0))
                self.lines_view.selectRow(row)
        self._update_summary()
        self._message(outcome.message, ok=outcome.kind == "found" and not (outcome.line and outcome.line.page_difference))

    # ------------------------------------------------------------ lines (handing over)

    def _add_volumes(self, fn: Callable[[Any], transfers.AddResult]) -> transfers.AddResult | None:
        if self.batch is None:
            return None
        try:
            with self.ctx.db.write() as s:
                result = fn(s)
        except UserError as exc:
            show_error(self, exc)
            return None
        self.show_batch(self.batch.id)
        self.last_refusals = result.refused
        for r in result.refused:  # newest first; the list is kept while this batch is shown
            self.refused_list.insertItem(0, self.tr("%1: %2").replace("%1", r.code or str(r.volume_id)).replace("%2", r.reason))
        text = self.tr("%n volume(s) added", "", len(result.added))
        if result.skipped:
            text += self.tr("; %n already on the batch", "", result.skipped)
        if result.refused:
            text += self.tr("; %n refused (see below)", "", len(result.refused))
        self._message(text, ok=not result.refused)
        return result

    def add_catalogue_selection(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        host = area_host(self)
        ids = host.catalogue_selection() if host is not None else []
        if not ids:
            self._message(self.tr("Select volumes in the catalogue first."), ok=False)
            return
        batch_id = self.batch.id
        self._add_volumes(lambda s: transfers.add_volumes(s, self.ctx.actor, batch_id, ids))

    def add_by_filter(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        with self.ctx.db.read() as s:
            fonds = [(f.id, f"{f.code} {f.name}") for f in catalogue.list_fonds(s)]
            cats = [(c.id, f"{c.code} {c.name}") for c in catalogue.list_categories(s)]
        dialog = HandoverFilterDialog(fonds, cats, self)
        self.filter_dialog = dialog
        dialog.accepted.connect(lambda: self._on_filter_dialog_accepted(dialog))
        dialog.open()

    def _on_filter_dialog_accepted(self, dialog: HandoverFilterDialog) -> None:
        if self.batch is None:
            return
        flt, limit, batch_id = dialog.volume_filter(), dialog.limit(), self.batch.id
        # the filter takes in-stock volumes only; list what it leaves out so the clerk sees the refusals
        blocked_flt = dataclasses.replace(flt, statuses=("on_loan", "missing"))

        def run(s):  # noqa: ANN001, ANN202
            result = transfers.add_by_filter(s, self.ctx.actor, batch_id, flt, limit=limit)
            blocked = transfers.filter_volume_ids(s, blocked_flt)
            if blocked:
                extra = transfers.add_volumes(s, self.ctx.actor, batch_id, blocked)
                result = transfers.AddResult(result.added + extra.added, result.refused + extra.refused, result.skipped + extra.skipped)
            return result

        self._add_volumes(run)

    def remove_selected(self) -> None:
        lines = [ln for ln in self.selected_lines() if ln.expected]
        if not lines or self.batch is None:
            return
        batch_id = self.batch.id
        try:
            with self.ctx.db.write() as s:
                n = transfers.remove_lines(s, self.ctx.actor, batch_id, [ln.id for ln in lines])
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_batch(batch_id)
        self._message(self.tr("%n volume(s) taken off the batch", "", n))

    # ------------------------------------------------------------ confirming

    def confirm(self) -> None:
        if self.batch is None or not self.batch.is_draft or self._runner.busy:
            return
        if not self._save_if_changed():
            return
        counts = self.summary_counts()
        accept_missing = False
        if self.direction == "in":
            arriving = counts["found"] + counts["unexpected"]
            if counts["pending"]:
                text = self.tr("%1 volumes on the list have not arrived. Confirm receiving the %2 that did, and record the others as "
                               "missing?").replace("%1", str(counts["pending"])).replace("%2", str(arriving))
                accept_missing = True
            else:
                text = self.tr("Confirm receiving %1 volumes? They are created in the catalogue; the batch can no longer be "
                               "changed.").replace("%1", str(arriving))
        else:
            text = self.tr("Hand over %1 volumes to %2? They become \"transferred out\"; the batch can no longer be changed.") \
                .replace("%1", str(sum(1 for ln in self.model.lines() if ln.expected))).replace("%2", self.batch.to_unit or "?")
        if not ask(self, self.tr("Confirm batch %1").replace("%1", self.batch.batch_no), text):
            return
        db, actor, batch_id, version = self.ctx.db, self.ctx.actor, self.batch.id, self.batch.version

        def run(progress, should_cancel):  # noqa: ANN001, ANN202 - in a worker, one transaction
            with db.write() as s:
                return transfers.confirm_batch(s, actor, batch_id, version, accept_missing=accept_missing, progress=progress)

        self._message(self.tr("Confirming…"))
        self._runner.start(run, with_progress=True)
        self._update_buttons()

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self._message(self.tr("Confirming… %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, transfers.ConfirmResult)
        self.confirm_result = result
        if self.direction == "in":
            text = self.tr("Batch %1 received: %2 volumes created, %3 updated, %4 missing.").replace("%1", result.batch_no) \
                .replace("%2", str(result.created)).replace("%3", str(result.updated)).replace("%4", str(result.missing))
        else:
            text = self.tr("Batch %1 handed over: %2 volumes transferred out.").replace("%1", result.batch_no) \
                .replace("%2", str(result.transferred))
        self.refresh()
        self._message(text)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._update_buttons()
        self._message(str(exc), ok=False)
        show_error(self, exc)  # type: ignore[arg-type]

    # ------------------------------------------------------------ shelf space

    def propose_space(self) -> None:
        if self.batch is None:
            return
        try:
            with self.ctx.db.write() as s:
                proposal = transfers.propose_shelf_space(s, self.ctx.actor, self.batch.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self.shelf_proposal = proposal
        if proposal is None:
            self._message(self.tr("No space finder is installed."), ok=False)
        else:
            self._message(self.tr("Shelf space for %1 volumes: %2").replace("%1", str(proposal.volumes)).replace("%2", proposal.text),
                          ok=bool(proposal.places))

    # ------------------------------------------------------------ printing and Excel

    def _pdf(self, what: str) -> bytes | None:
        from archive_desk.printing.handover_certificate import (
            render_handover_certificate,
        )
        from archive_desk.printing.transfer_list import render_transfer_list

        if self.batch is None or not self._save_if_changed():
            return None
        try:
            with self.ctx.db.read() as s:
                if what == "list":
                    return render_transfer_list(transfers.transfer_list_data(s, self.batch.id))  # type: ignore[return-value]
                return render_handover_certificate(transfers.certificate_data(s, self.batch.id))  # type: ignore[return-value]
        except UserError as exc:
            show_error(self, exc)
            return None

    def print_list(self) -> None:
        pdf = self._pdf("list")
        if pdf is not None and self.batch is not None:
            self._preview(pdf, self.tr("Transfer list %1").replace("%1", self.batch.batch_no), f"移交清册-{self.batch.batch_no}.pdf")

    def print_certificate(self) -> None:
        pdf = self._pdf("certificate")
        if pdf is not None and self.batch is not None:
            self._preview(pdf, self.tr("Handover certificate %1").replace("%1", self.batch.batch_no), f"交接文据-{self.batch.batch_no}.pdf")

    def _preview(self, pdf: bytes, title: str, name: str) -> None:
        self.preview = PdfPreviewDialog(pdf, title, name, self)
        self.preview.open()

    def export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_transfer_workbook

        if self.batch is None or not self._save_if_changed():
            return
        path = choose_save_file(self, self.tr("Export to Excel"), f"移交清册-{self.batch.batch_no}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            with self.ctx.db.read() as s:
                data = transfers.transfer_list_data(s, self.batch.id)
                cert = transfers.certificate_data(s, self.batch.id)
            write_transfer_workbook(data, path, cert)
        except UserError as exc:
            show_error(self, exc)
            return
        self._message(self.tr("Saved %1").replace("%1", path))


# --------------------------------------------------------------------------- appraisal


class AppraisalLinesModel(_ListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AppraisalLineRecord] = []
        self._headers = [self.tr("No."), self.tr("Archival code"), self.tr("Title"), self.tr("Year"), self.tr("Retention"),
                         self.tr("Ran out on"), self.tr("Pages"), self.tr("Decision"), self.tr("New retention"), self.tr("Reason")]

    def set_lines(self, lines: Sequence[AppraisalLineRecord]) -> None:
        self.beginResetModel()
        self._rows = list(lines)
        self.endResetModel()

    def lines(self) -> list[AppraisalLineRecord]:
        return list(self._rows)

    def line_at(self, row: int) -> AppraisalLineRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ln = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (str(ln.seq), ln.code, ln.title, str(ln.year), transfers.retention_text(ln.retention),
                      ln.expires_on.isoformat() if ln.expires_on else self.tr("never"), str(ln.pages),
                      {"destroy": self.tr("destroy"), "keep": self.tr("keep")}.get(ln.decision, self.tr("undecided")),
                      transfers.retention_text(ln.new_retention) if ln.new_retention else "", ln.reason)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole and ln.decision == "keep":
            return QBrush(COLORS["keep"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AppraisalPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appraisal: AppraisalRecord | None = None
        self.preview: PdfPreviewDialog | None = None
        self.keep_dialog: KeepDialog | None = None
        self.confirm_result: transfers.ConfirmResult | None = None
        fh = self.fontMetrics().height()

        self.list_table = QTableWidget(0, 3, self)
        self.list_table.setObjectName("appraisals")
        self.list_table.setHorizontalHeaderLabels([self.tr("List no."), self.tr("Year"), self.tr("Status")])
        _setup_table(self.list_table, fh)
        self.list_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col in (0, 1):
            self.list_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.list_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list_table.itemSelectionChanged.connect(self._on_list_table_itemSelectionChanged)
        self.new_button = QPushButton(self.tr("New appraisal list"), self)
        self.new_button.clicked.connect(self.new_list)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.list_table, 1)

        box = QGroupBox(self.tr("Appraisal"), self)
        self.list_no = QLabel(box)
        self.status = QLabel(box)
        self.year = QSpinBox(box)
        self.year.setRange(1900, date.today().year + 1)
        self.lead = QLineEdit(box)
        self.approver = QLineEdit(box)
        self.witness1 = QLineEdit(box)
        self.witness2 = QLineEdit(box)
        self.destroyed_on = QDateEdit(box)
        self.destroyed_on.setCalendarPopup(True)
        self.destroyed_on.setDisplayFormat("yyyy-MM-dd")
        self.notes = QLineEdit(box)
        self.save_button = QPushButton(self.tr("Save particulars"), box)
        self.save_button.clicked.connect(self.save_form)
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.list_no)
        head.addWidget(self.status, 1)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("List no."), head)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Appraisal lead"), self.lead)
        form.addRow(self.tr("Approved by"), self.approver)
        witnesses = QHBoxLayout()
        witnesses.addWidget(self.witness1)
        witnesses.addWidget(self.witness2)
        form.addRow(self.tr("Witnesses"), witnesses)
        form.addRow(self.tr("Destruction date"), self.destroyed_on)
        form.addRow(self.tr("Notes"), self.notes)
        bv = QVBoxLayout(box)
        bv.addLayout(form)
        bv.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.form_box = box
        self._edits = (self.year, self.lead, self.approver, self.witness1, self.witness2, self.destroyed_on, self.notes, self.save_button)

        due_row = QHBoxLayout()
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(_qdate(date.today()))
        self.fonds_combo = QComboBox(self)
        self.category_combo = QComboBox(self)
        self.due_button = QPushButton(self.tr("Add volumes due"), self)
        self.due_button.clicked.connect(self.add_due)
        due_row.addWidget(QLabel(self.tr("Retention ran out by"), self))
        due_row.addWidget(self.as_of)
        due_row.addWidget(self.fonds_combo)
        due_row.addWidget(self.category_combo)
        due_row.addWidget(self.due_button)
        due_row.addStretch(1)

        actions = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep…"), self)
        self.destroy_button = QPushButton(self.tr("Destroy"), self)
        self.remove_button = QPushButton(self.tr("Take off the list"), self)
        self.confirm_button = QPushButton(self.tr("Confirm destruction…"), self)
        self.confirm_button.setObjectName("confirmDestruction")
        self.print_button = QPushButton(self.tr("Destruction list…"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.keep_button.clicked.connect(self.keep_selected)
        self.destroy_button.clicked.connect(self.destroy_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_excel)
        for b in (self.keep_button, self.destroy_button, self.remove_button, self.confirm_button, self.print_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.model = AppraisalLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("appraisalLines")
        self.lines_view.setModel(self.model)
        _setup_table(self.lines_view, fh)
        for col, width in enumerate((44, 190, 300, 50, 80, 90, 50, 70, 90, 200)):
            self.lines_view.setColumnWidth(col, width)
        self.lines_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(box)
        rv.addLayout(due_row)
        rv.addLayout(actions)
        rv.addWidget(self.message_label)
        rv.addWidget(self.summary_label)
        rv.addWidget(self.lines_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._due_runner = Runner(self)
        self._due_runner.finished.connect(self._on_due_runner_finished)
        self._due_runner.failed.connect(self._on_due_runner_failed)
        self._filters_loaded = False
        self._update_buttons()

    def _load_filters(self) -> None:
        with self.ctx.db.read() as s:
            fonds = catalogue.list_fonds(s)
            cats = catalogue.list_categories(s)
        self.fonds_combo.clear()
        self.fonds_combo.addItem(self.tr("All fonds"), None)
        for f in fonds:
            self.fonds_combo.addItem(f"{f.code} {f.name}", f.id)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        for c in cats:
            self.category_combo.addItem(f"{c.code} {c.name}", c.id)
        self._filters_loaded = True

    def refresh(self) -> None:
        if not self._filters_loaded:
            self._load_filters()
        keep = self.appraisal.id if self.appraisal else None
        with self.ctx.db.read() as s:
            lists = transfers.list_appraisals(s)
        self.list_table.blockSignals(True)
        self.list_table.setRowCount(len(lists))
        for r, a in enumerate(lists):
            for c, value in enumerate((a.list_no, a.year, self.tr("draft") if a.is_draft else self.tr("confirmed"))):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.list_table.setItem(r, c, item)
        self.list_table.blockSignals(False)
        target = keep if keep is not None else (lists[0].id if lists else None)
        if target is not None:
            self.select_list(target)
        else:
            self.show_list(None)

    def select_list(self, appraisal_id: int) -> None:
        for r in range(self.list_table.rowCount()):
            item = self.list_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == appraisal_id:
                self.list_table.blockSignals(True)
                self.list_table.selectRow(r)
                self.list_table.blockSignals(False)
        self.show_list(appraisal_id)

    def show_list(self, appraisal_id: int | None) -> None:
        if appraisal_id is None:
            self.appraisal = None
            self.model.set_lines([])
        else:
            with self.ctx.db.read() as s:
                self.appraisal = transfers.get_appraisal(s, appraisal_id)
                self.model.set_lines(transfers.list_appraisal_lines(s, appraisal_id))
        a = self.appraisal
        self.form_box.setEnabled(a is not None)
        if a is not None:
            self.list_no.setText(a.list_no)
            self.status.setText(self.tr("draft") if a.is_draft else self.tr("confirmed — kept permanently"))
            self.year.setValue(a.year)
            for edit, value in ((self.lead, a.lead), (self.approver, a.approver), (self.witness1, a.witness1),
                                (self.witness2, a.witness2), (self.notes, a.notes)):
                edit.setText(value)
            self.destroyed_on.setDate(_qdate(a.destroyed_on))
            for w in self._edits:
                w.setEnabled(a.is_draft)
        lines = self.model.lines()
        destroy = [ln for ln in lines if ln.decision == "destroy"]
        kept = sum(1 for ln in lines if ln.decision == "keep")
        self.summary_label.setText(self.tr("%1 volumes: %2 to destroy (%3 pages), %4 kept, %5 not decided").replace("%1", str(len(lines)))
                                   .replace("%2", str(len(destroy))).replace("%3", str(sum(ln.pages for ln in destroy)))
                                   .replace("%4", str(kept)).replace("%5", str(len(lines) - len(destroy) - kept)))
        self._update_buttons()

    def _on_list_table_itemSelectionChanged(self) -> None:
        rows = self.list_table.selectionModel().selectedRows()
        if rows:
            item = self.list_table.item(rows[0].row(), 0)
            if item is not None:
                self.show_list(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        draft = self.appraisal is not None and self.appraisal.is_draft and not self._runner.busy and not self._due_runner.busy
        for b in (self.due_button, self.keep_button, self.destroy_button, self.remove_button, self.confirm_button):
            b.setEnabled(draft)
        for b in (self.print_button, self.export_button):
            b.setEnabled(self.appraisal is not None)

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setText(text)
        palette = self.message_label.palette()
        palette.setColor(self.message_label.foregroundRole(), GREEN if ok else RED)
        self.message_label.setPalette(palette)

    def new_list(self) -> None:
        try:
            with self.ctx.db.write() as s:
                a = transfers.create_appraisal(s, self.ctx.actor, date.today().year, destroyed_on=date.today())
        except UserError as exc:
            show_error(self, exc)
            return
        self.appraisal = a
        self.refresh()

    def _form_values(self) -> dict[str, Any]:
        return {"year": self.year.value(), "lead": self.lead.text(), "approver": self.approver.text(), "witness1": self.witness1.text(),
                "witness2": self.witness2.text(), "destroyed_on": _pydate(self.destroyed_on.date()), "notes": self.notes.text()}

    def save_form(self) -> bool:
        if self.appraisal is None or not self.appraisal.is_draft:
            return self.appraisal is not None
        values = self._form_values()
        if all(getattr(self.appraisal, k) == v for k, v in values.items()):
            return True
        try:
            with self.ctx.db.write() as s:
                self.appraisal = transfers.update_appraisal(s, self.ctx.actor, self.appraisal.id, self.appraisal.version, values)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def add_due(self) -> None:
        """Find the volumes whose retention ran out (a scan of the whole catalogue: seconds on a million volumes,
        so in a worker) and put them on the list."""
        if self.appraisal is None or self._due_runner.busy:
            return
        fid, cid = self.fonds_combo.currentData(), self.category_combo.currentData()
        as_of = _pydate(self.as_of.date())
        db, actor, aid = self.ctx.db, self.ctx.actor, self.appraisal.id

        def run():  # noqa: ANN202 - in a worker, its own session
            with db.write() as s:
                return transfers.add_due_volumes(s, actor, aid, as_of, fonds_ids=(fid,) if fid is not None else (),
                                                 category_ids=(cid,) if cid is not None else ())

        self.due_button.setEnabled(False)
        self._message(self.tr("Looking for volumes whose retention ran out…"))
        self._due_runner.start(run)

    def _on_due_runner_failed(self, exc: object, _tb: str) -> None:
        self._update_buttons()
        self._message(str(exc), ok=False)
        show_error(self, exc)  # type: ignore[arg-type]

    def _on_due_runner_finished(self, result: object) -> None:
        assert isinstance(result, transfers.AddResult)
        if self.appraisal is None:
            return
        self.show_list(self.appraisal.id)
        text = self.tr("%n volume(s) whose retention ran out were added", "", len(result.added))
        if result.refused:
            text += self.tr("; %n refused", "", len(result.refused))
        self._message(text, ok=bool(result.added))

    def selected_lines(self) -> list[AppraisalLineRecord]:
        rows = sorted({i.row() for i in self.lines_view.selectionModel().selectedRows()})
        if not rows and self.lines_view.currentIndex().isValid():
            rows = [self.lines_view.currentIndex().row()]
        return [ln for r in rows if (ln := self.model.line_at(r)) is not None]

    def keep_selected(self) -> None:
        lines = self.selected_lines()
        if not lines:
            self._message(self.tr("Select the volumes to keep first."), ok=False)
            return
        dialog = KeepDialog(len(lines), self)
        self.keep_dialog = dialog
        dialog.accepted.connect(lambda: self._decide([ln.id for ln in lines], "keep", dialog.retention(), dialog.reason()))
        dialog.open()

    def destroy_selected(self) -> None:
        self._decide([ln.id for ln in self.selected_lines()], "destroy", "", "")

    def _decide(self, line_ids: list[int], decision: str, retention: str, reason: str) -> None:
        if not line_ids or self.appraisal is None:
            return
        try:
            with self.ctx.db.write() as s:
                for lid in line_ids:
                    transfers.set_decision(s, self.ctx.actor, lid, decision, retention, reason)
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_list(self.appraisal.id)

    def remove_selected(self) -> None:
        lines = self.selected_lines()
        if not lines or self.appraisal is None:
            return
        try:
            with self.ctx.db.write() as s:
                transfers.remove_appraisal_lines(s, self.ctx.actor, self.appraisal.id, [ln.id for ln in lines])
        except UserError as exc:
            show_error(self, exc)
            return
        self.show_list(self.appraisal.id)

    def handle_scan(self, code: str) -> bool:
        """A scanned volume is looked up on the shown list and selected."""
        from archive_desk.services.codes import canonical_code

        wanted = canonical_code(code)
        for r, ln in enumerate(self.model.lines()):
            if ln.code == wanted:
                self.lines_view.selectRow(r)
                self.lines_view.scrollTo(self.model.index(r, 0))
                self._message(self.tr("%1 is line %2 of the list").replace("%1", ln.code).replace("%2", str(ln.seq)))
                return True
        if self.appraisal is not None:
            self._message(self.tr("%1 is not on this list").replace("%1", wanted), ok=False)
            return True
        return False

    def confirm(self) -> None:
        if self.appraisal is None or not self.appraisal.is_draft or self._runner.busy:
            return
        if not self.save_form():
            return
        lines = self.model.lines()
        destroy = sum(1 for ln in lines if ln.decision == "destroy")
        kept = sum(1 for ln in lines if ln.decision == "keep")
        if destroy + kept < len(lines):
            self._message(self.tr("%1 volumes on the list are not decided yet: decide each (destroy, or keep with a new retention "
                                  "and a reason) before confirming.").replace("%1", str(len(lines) - destroy - kept)), ok=False)
            return
        text = self.tr("Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is "
                       "kept permanently and can never be changed.").replace("%1", str(destroy)).replace("%2", str(kept))
        if not ask(self, self.tr("Confirm destruction list %1").replace("%1", self.appraisal.list_no), text):
            return
        db, actor, aid, version = self.ctx.db, self.ctx.actor, self.appraisal.id, self.appraisal.version

        def run():  # noqa: ANN202
            with db.write() as s:
                return transfers.confirm_appraisal(s, actor, aid, version)

        self._runner.start(run)
        self._update_buttons()

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, transfers.ConfirmResult)
        self.confirm_result = result
        self.refresh()
        self._message(self.tr("List %1 confirmed: %2 volumes destroyed, %3 kept.").replace("%1", result.batch_no)
                      .replace("%2", str(result.destroyed)).replace("%3", str(result.kept)))

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._update_buttons()
        self._message(str(exc), ok=False)
        show_error(self, exc)  # type: ignore[arg-type]

    def print_list(self) -> None:
        from archive_desk.printing.destruction_list import render_destruction_list

        if self.appraisal is None or not self.save_form():
            return
        try:
            with self.ctx.db.read() as s:
                pdf = render_destruction_list(transfers.destruction_list_data(s, self.appraisal.id))
        except UserError as exc:
            show_error(self, exc)
            return
        assert isinstance(pdf, bytes)
        self.preview = PdfPreviewDialog(pdf, self.tr("Destruction list %1").replace("%1", self.appraisal.list_no),
                                        f"销毁清册-{self.appraisal.list_no}.pdf", self)
        self.preview.open()

    def export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_destruction_workbook

        if self.appraisal is None or not self.save_form():
            return
        path = choose_save_file(self, self.tr("Export to Excel"), f"销毁清册-{self.appraisal.list_no}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            with self.ctx.db.read() as s:
                write_destruction_workbook(transfers.destruction_list_data(s, self.appraisal.id), path)
        except UserError as exc:
            show_error(self, exc)
            return
        self._message(self.tr("Saved %1").replace("%1", path))


# --------------------------------------------------------------------------- registers


class RegistersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Transfer and receiving register"), "transfers")
        self.kind_combo.addItem(self.tr("Destruction register"), "destruction")
        self.direction_combo = QComboBox(self)
        self.direction_combo.addItem(self.tr("Received and handed over"), None)
        self.direction_combo.addItem(self.tr("Received"), "in")
        self.direction_combo.addItem(self.tr("Handed over"), "out")
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1899, date.today().year + 1)
        self.year_spin.setSpecialValueText(self.tr("all years"))
        self.year_spin.setValue(1899)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("unit, person, number, code or title"))
        self.search_button = QPushButton(self.tr("Show"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.kind_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.direction_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.search_button.clicked.connect(self.refresh)
        self.text_edit.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self.export_excel)
        row = QHBoxLayout()
        for w in (self.kind_combo, self.direction_combo, self.year_spin, self.text_edit, self.search_button, self.export_button):
            row.addWidget(w)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("registerTable")
        _setup_table(self.table, self.fontMetrics().height())
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._table: Any = None

    def _on_filters_changed(self, _i: int) -> None:
        self.direction_combo.setVisible(self.kind_combo.currentData() == "transfers")
        self.refresh()

    def _query(self) -> Any:
        year = self.year_spin.value() if self.year_spin.value() > 1899 else None
        with self.ctx.db.read() as s:
            if self.kind_combo.currentData() == "transfers":
                flt = transfers.RegisterFilter(direction=self.direction_combo.currentData(), year=year, text=self.text_edit.text())
                return transfers.transfer_register_table(transfers.transfer_register(s, flt), flt)
            dflt = transfers.DestructionFilter(year=year, text=self.text_edit.text())
            return transfers.destruction_register_table(transfers.destruction_register(s, dflt), dflt)

    def refresh(self) -> None:
        table = self._query()
        self._table = table
        self.table.clear()
        self.table.setColumnCount(len(table.columns))
        self.table.setHorizontalHeaderLabels([c for c, _w in table.columns])
        self.table.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, _item("" if value is None else value.isoformat() if isinstance(value, date) else value))
        for c, (_title, width) in enumerate(table.columns):
            self.table.setColumnWidth(c, int(width * self.fontMetrics().averageCharWidth() * 1.6))
        self.count_label.setText(self.tr("%n row(s)", "", len(table.rows)))

    def export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_register

        table = self._table or self._query()
        path = choose_save_file(self, self.tr("Export to Excel"), f"{table.title}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            write_register(table, path)
        except UserError as exc:
            show_error(self, exc)
            return
        self.count_label.setText(self.tr("Saved %1").replace("%1", path))


# --------------------------------------------------------------------------- the area


class TransfersArea(Area):
    area_id = "transfers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("transferTabs")
        self.receiving = BatchPage(ctx, "in", self)
        self.handover = BatchPage(ctx, "out", self)
        self.appraisal = AppraisalPage(ctx, self)
        self.registers = RegistersPage(ctx, self)
        self.tabs.addTab(self.receiving, self.tr("Receiving"))
        self.tabs.addTab(self.handover, self.tr("Handing over"))
        self.tabs.addTab(self.appraisal, self.tr("Appraisal and destruction"))
        self.tabs.addTab(self.registers, self.tr("Registers"))
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()

    def title(self) -> str:
        return self.tr("Transfers")

    def activated(self) -> None:
        self._load(self.tabs.currentIndex())

    def refresh(self) -> None:
        self._loaded.discard(self.tabs.currentIndex())
        self._load(self.tabs.currentIndex())

    def _on_tabs_currentChanged(self, index: int) -> None:
        if self.isVisible():
            self._load(index)

    def _load(self, index: int) -> None:
        page = self.tabs.widget(index)
        if index not in self._loaded and hasattr(page, "refresh"):
            self._loaded.add(index)
            page.refresh()

    def show_tab(self, name: str) -> QWidget:
        page = {"receiving": self.receiving, "handover": self.handover, "appraisal": self.appraisal, "registers": self.registers}[name]
        self.tabs.setCurrentWidget(page)
        self._load(self.tabs.indexOf(page))
        return page

    def handle_scan(self, text: str) -> bool:
        page = self.tabs.currentWidget()
        handler = getattr(page, "handle_scan", None)
        return bool(handler(text)) if handler is not None else False

    def save_state(self) -> dict[str, object]:
        return {"tab": self.tabs.currentIndex()}

    def restore_state(self, state: dict[str, object]) -> None:
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)


def create(ctx: AppContext, parent: QWidget | None = None) -> TransfersArea:
    return TransfersArea(ctx, parent)


__all__ = ["AppraisalPage", "BatchPage", "LinesModel", "RegistersPage", "TransfersArea", "ask", "choose_open_file",
           "choose_save_file", "create"]
