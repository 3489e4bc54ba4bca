"""The Loans out tab: open slips and the volumes still out on them; renew, reprint the slip."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import loans
from archive_desk.ui.areas.lending.common import RED, Message, _item, _setup_table
from archive_desk.ui.dialogs.lending import RenewDialog
from archive_desk.ui.ops import OpRun, run_op

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea


# ============================================================================ loans out (renew, reprint)


class OpenLoansPanel(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled; reprinting a slip is for everyone who may look
    GUARDS: ClassVar[dict[str, str]] = {"renew_button": "loans.renew"}
    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.records: list[loans.LoanRecord] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by slip no., borrower, unit or archival code"))
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("openLoans")
        self.table.setHorizontalHeaderLabels([self.tr("Slip"), self.tr("Borrower"), self.tr("Unit / department"), self.tr("Lent"),
                                              self.tr("Due"), self.tr("Volumes out"), self.tr("Renewals"), self.tr("Days overdue")])
        _setup_table(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.renew_selected)
        self.table.itemSelectionChanged.connect(self._show_lines)
        # the volumes still out on the selected slip
        self.lines_label = QLabel(self)
        self.lines = QTableWidget(0, 4, self)
        self.lines.setObjectName("openLoanLines")
        self.lines.setHorizontalHeaderLabels([self.tr("Archival code"), self.tr("Title"), self.tr("Security"), self.tr("Pages")])
        _setup_table(self.lines)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        renew = QPushButton(self.tr("&Renew…"), self)
        renew.setObjectName("renewButton")
        renew.clicked.connect(self.renew_selected)
        self.renew_button = renew
        reprint = QPushButton(self.tr("&Print slip…"), self)
        reprint.clicked.connect(self.print_selected)
        self.message = Message(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(renew)
        bar.addWidget(reprint)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.message)
        self._show_lines()

    def refresh(self) -> None:
        chosen = self.selected()
        with self.ctx.db.read() as s:
            self.records = loans.open_loans(s, viewer=self.ctx.actor)  # hidden titles masked
        today = date.today()
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            late = r.days_overdue(today)
            color = RED if late else None
            for col, value in enumerate((r.slip_no, r.borrower.name, r.borrower.unit, r.lent_at.strftime("%Y-%m-%d"), r.due_date.isoformat() if r.due_date else r.service_label,
                                         len(r.open_lines), r.renewals, late or "")):
                self.table.setItem(row, col, _item(value, color=color, align_center=col >= 5))
        self.table.resizeColumnsToContents()
        self._apply_filter()
        if chosen is not None:
            self.select_slip(chosen.slip_no)
        self._show_lines()

    def _apply_filter(self) -> None:
        text = self.filter.text().strip().upper()
        for row, r in enumerate(self.records):
            volumes = " ".join(f"{line.code} {line.title}" for line in r.open_lines)
            hay = f"{r.slip_no} {r.borrower.name} {r.borrower.unit} {volumes}".upper()
            self.table.setRowHidden(row, bool(text) and text not in hay)

    def _show_lines(self) -> None:
        """The volumes still out on the selected slip (returned ones are not listed)."""
        loan = self.selected()
        lines = loan.open_lines if loan is not None else ()
        if loan is None:
            self.lines_label.setText(self.tr("Choose a slip to see the volumes out on it."))
        else:
            self.lines_label.setText(self.tr("Volumes out on slip %1 (%2):").replace("%1", loan.slip_no)
                                     .replace("%2", loan.borrower.name))
        self.lines.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for col, value in enumerate((line.code, line.title, line.security, line.pages_out)):
                self.lines.setItem(row, col, _item(value, align_center=col >= 2))
        self.lines.resizeColumnsToContents()

    def select_slip(self, slip_no: str) -> bool:
        for row, r in enumerate(self.records):
            if r.slip_no == slip_no:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> loans.LoanRecord | None:
        row = self.table.currentRow()
        if self.table.isRowHidden(row):
            return None
        return self.records[row] if 0 <= row < len(self.records) else None

    def renew_selected(self) -> None:
        loan = self.selected()
        if loan is None:
            self.message.error(self.tr("Choose the loan to renew."))
            return
        if loan.due_date is None:  # a consultation: nothing to extend
            self.message.error(self.tr("Only a loan has a due date to extend."))
            return
        with self.ctx.db.read() as s:
            period = loans.loan_settings(s).period_days
        proposed = max(loan.due_date, date.today()) + timedelta(days=period)
        dialog = RenewDialog(loan.slip_no, loan.due_date, proposed, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.renew(loan.id, dialog.new_due(), dialog.note.text(), loan.version)

    def renew(self, loan_id: int, new_due: date, note: str = "", version: int | None = None) -> OpRun | None:
        """Renew in the background (``ui/ops.run_op``); a second click while it saves is ignored (it would carry the
        slip's old version and be refused as a conflict)."""
        return run_op(self, loans.renew, self.ctx.actor, loan_id, new_due, expected_version=version, note=note,
                      on_success=self._renewed, on_error=self._say_refused, key=f"loans.renew:{loan_id}")

    def _say_refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self.message.error(str(exc))
        return True

    def _renewed(self, record: loans.LoanRecord) -> None:
        self.message.ok(self.tr("Slip %1 renewed to %2 (renewal no. %3).").replace("%1", record.slip_no)
                        .replace("%2", record.due_date.isoformat()).replace("%3", str(record.renewals)))
        self.area.loans_changed()
        self.refresh()  # the list holds the slip's new version (and due date): a second renewal works
        self.select_slip(record.slip_no)

    def print_selected(self) -> None:
        loan = self.selected()
        if loan is None:
            self.message.error(self.tr("Choose the loan whose slip to print."))
            return
        self.area.print_slip(loan.id)
