"""The Register tab: the 借阅登记簿 filtered, fetched in a worker, exported to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import loans
from archive_desk.services.loans import RegisterFilter, RegisterRow
from archive_desk.ui.areas.lending.common import RED, Message, _pydate, _qdate, _setup_table
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.workers import Runner

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea

REGISTER_LIMIT = 5000


# ============================================================================ register


class RegisterModel(QAbstractTableModel):
    """Rows of the 借阅登记簿 (at most REGISTER_LIMIT, fetched in a worker)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RegisterRow] = []
        self.headers = [self.tr("Slip"), self.tr("Lent"), self.tr("Borrower"), self.tr("Unit / department"), self.tr("Archival code"),
                        self.tr("Title"), self.tr("Security"), self.tr("Purpose"), self.tr("Use"), self.tr("Due"), self.tr("Returned on"),
                        self.tr("Condition"), self.tr("Outcome of use"), self.tr("Approver"), self.tr("Clerk")]
        self.today = date.today()

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.today = date.today()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            values = (r.slip_no, r.lent_at.strftime("%Y-%m-%d %H:%M"), r.borrower, r.unit, r.code, r.title, r.security, r.purpose, r.use_mode,
                      r.due_date.isoformat() if r.due_date else r.service_label, r.returned_at.strftime("%Y-%m-%d") if r.returned_at else "",
                      r.condition, r.outcome, r.approver, r.clerk)
            return values[col] if col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and r.days_overdue(self.today):
            return QBrush(RED)
        return None


class RegisterPanel(QWidget):
    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        today = date.today()
        self.use_from = QCheckBox(self.tr("F&rom"), self)
        self.date_from = QDateEdit(_qdate(date(today.year, 1, 1)), self)
        self.use_to = QCheckBox(self.tr("T&o"), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.use_from.setChecked(True)
        self.borrower = QLineEdit(self)
        self.borrower.setPlaceholderText(self.tr("Borrower or unit"))
        self.volume = QLineEdit(self)
        self.volume.setPlaceholderText(self.tr("Archival code"))
        settings = area.lend.purpose
        self.purpose = QComboBox(self)
        self.purpose.addItem(self.tr("All purposes"), "")
        for i in range(settings.count()):
            self.purpose.addItem(settings.itemText(i), settings.itemText(i))
        self.use_mode = QComboBox(self)
        self.use_mode.addItem(self.tr("All uses"), "")
        for i in range(area.lend.use_mode.count()):
            self.use_mode.addItem(area.lend.use_mode.itemText(i), area.lend.use_mode.itemText(i))
        self.state = QComboBox(self)
        for key, label in (("all", self.tr("All")), ("open", self.tr("Still out")), ("returned", self.tr("Back")), ("overdue", self.tr("Overdue"))):
            self.state.addItem(label, key)
        search = QPushButton(self.tr("&Search"), self)
        search.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("E&xport to Excel…"), self)
        self.export_button.clicked.connect(self.export)
        for w in (self.borrower, self.volume):
            w.returnPressed.connect(self.refresh)
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        _setup_table(self.table)
        self.table.horizontalHeader().setStretchLastSection(False)
        for col, width in enumerate((110, 115, 70, 150, 190, 260, 45, 70, 50, 85, 85, 50, 160, 70, 70)):
            self.table.setColumnWidth(col, width)
        self.summary = QLabel(self)
        self.message = Message(self)
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(lambda exc, _tb: self.message.error(str(exc)))
        row1 = QHBoxLayout()
        for w in (self.use_from, self.date_from, self.use_to, self.date_to, self.borrower, self.volume):
            row1.addWidget(w)
        row2 = QHBoxLayout()
        for w in (self.purpose, self.use_mode, self.state):
            row2.addWidget(w)
        row2.addStretch(1)
        row2.addWidget(search)
        row2.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)

    def current_filter(self) -> RegisterFilter:
        return RegisterFilter(
            date_from=_pydate(self.date_from.date()) if self.use_from.isChecked() else None,
            date_to=_pydate(self.date_to.date()) if self.use_to.isChecked() else None,
            borrower=self.borrower.text(), volume=self.volume.text(), purpose=self.purpose.currentData() or "",
            use_mode=self.use_mode.currentData() or "", state=self.state.currentData() or "all",
        )

    def refresh(self) -> None:
        f = self.current_filter()
        db = self.ctx.db

        def fetch() -> loans.RegisterPage:  # worker thread, own session
            with db.read() as s:
                return loans.register_page(s, f, limit=REGISTER_LIMIT)

        self._runner.start(fetch)

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, loans.RegisterPage)
        rows, total = result.rows, result.total
        self.model.set_rows(rows)
        if total > len(rows):
            self.summary.setText(self.tr("Showing the newest %1 of %2 lines; export writes all of them.").replace("%1", str(len(rows)))
                                 .replace("%2", str(total)))
        else:
            self.summary.setText(self.tr("%n line(s)", "", total))

    def export(self) -> None:
        name = get_save_file_name(self, self.tr("Export the loan register"), "借阅登记簿.xlsx",
                                  self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int | None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            with self.ctx.db.read() as s:
                n = loans.export_register(s, self.current_filter(), path)
        except UserError as exc:
            self.message.error(str(exc))
            return None
        self.message.ok(self.tr("%1 line(s) written to %2.").replace("%1", str(n)).replace("%2", str(path)))
        return n
