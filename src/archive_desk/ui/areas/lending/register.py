"""The Register tab: the 借阅登记簿 filtered, fetched in a worker, exported to Excel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
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
from archive_desk.ui.documents import document_session
from archive_desk.ui.item_models.list_model import Column, ListModel
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.workers import Runner

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea

REGISTER_LIMIT = 5000


# ============================================================================ register


class RegisterModel(ListModel[RegisterRow]):
    """Rows of the 借阅登记簿 (at most REGISTER_LIMIT, fetched in a worker); overdue lines in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self.today = date.today()
        self.set_columns([
            Column(self.tr("Slip"), lambda r: r.slip_no),
            Column(self.tr("Lent"), lambda r: r.lent_at.strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("Borrower"), lambda r: r.borrower),
            Column(self.tr("Unit / department"), lambda r: r.unit),
            Column(self.tr("Archival code"), lambda r: r.code),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Security"), lambda r: r.security),
            Column(self.tr("Purpose"), lambda r: r.purpose),
            Column(self.tr("Use"), lambda r: r.use_mode),
            Column(self.tr("Due"), lambda r: r.due_date.isoformat() if r.due_date else r.service_label),
            Column(self.tr("Returned on"), lambda r: r.returned_at.strftime("%Y-%m-%d") if r.returned_at else ""),
            Column(self.tr("Condition"), lambda r: r.condition),
            Column(self.tr("Outcome of use"), lambda r: r.outcome),
            Column(self.tr("Approver"), lambda r: r.approver),
            Column(self.tr("Clerk"), lambda r: r.clerk),
        ])

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.today = date.today()
        super().set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ForegroundRole:
            r = self.row_record(index.row()) if index.isValid() else None
            return QBrush(RED) if r is not None and r.days_overdue(self.today) else None
        return super().data(index, role)


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
        actor = self.ctx.actor  # titles above the clearance and phones without the personal-data right masked

        def fetch() -> loans.RegisterPage:  # worker thread, own session
            with db.read() as s:
                return loans.register_page(s, f, limit=REGISTER_LIMIT, viewer=actor)

        self._runner.start(fetch)

    def _on_runner_finished(self, result: object) -> None:
        assert isinstance(result, loans.RegisterPage)  # noqa: S101 - narrows the type; the code guarantees it
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
            with document_session(self) as s:  # masked for the account; unmasked phones are logged
                n = loans.export_register(s, self.current_filter(), path, viewer=self.ctx.actor)
        except UserError as exc:
            self.message.error(str(exc))
            return None
        self.message.ok(self.tr("%1 line(s) written to %2.").replace("%1", str(n)).replace("%2", str(path)))
        return n
