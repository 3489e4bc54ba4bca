"""The Overdue tab: loans past their due date and the reminders to print."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from archive_desk.errors import UserError
from archive_desk.printing.overdue_notice import render_overdue_notices
from archive_desk.services import loans
from archive_desk.ui.areas.lending.common import RED, Message, _item, _setup_table, log_borrowers_shown
from archive_desk.ui.crash import show_error
from archive_desk.ui.dialogs.lending import PdfPreviewDialog
from archive_desk.ui.documents import document_session

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea


# ============================================================================ overdue


class OverduePanel(QWidget):
    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.rows: list[loans.OverdueLoan] = []
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("overdueLoans")
        self.table.setHorizontalHeaderLabels([self.tr("Days overdue"), self.tr("Slip"), self.tr("Borrower"), self.tr("Unit / department"),
                                              self.tr("Phone"), self.tr("Due"), self.tr("Renewals"), self.tr("Volumes out")])
        _setup_table(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        print_selected = QPushButton(self.tr("Print reminders for &selected borrowers…"), self)
        print_selected.clicked.connect(lambda: self.print_reminders(selected_only=True))
        print_all = QPushButton(self.tr("Print reminders for &all…"), self)
        print_all.setObjectName("printAllReminders")
        print_all.clicked.connect(lambda: self.print_reminders(selected_only=False))
        self.message = Message(self)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(print_selected)
        bar.addWidget(print_all)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        with self.ctx.db.read() as s:
            self.rows = loans.overdue_loans(s, viewer=self.ctx.actor)
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            volumes = "、".join(code for code, _t in r.volumes)
            for col, value in enumerate((r.days_overdue, r.slip_no, r.name, r.unit, r.phone, r.due_date.isoformat(), r.renewals, volumes)):
                self.table.setItem(row, col, _item(value, color=RED if col == 0 else None, align_center=col in (0, 6)))
        self.table.resizeColumnsToContents()
        log_borrowers_shown(self, self.ctx, ((r.borrower_id, r.phone, "") for r in self.rows))  # one write per load
        people = len({r.borrower_id for r in self.rows})
        self.summary.setText(self.tr("%1 overdue loan(s), %2 borrower(s)").replace("%1", str(len(self.rows))).replace("%2", str(people)))

    def print_reminders(self, *, selected_only: bool) -> PdfPreviewDialog | None:
        ids = None
        if selected_only:
            rows = {i.row() for i in self.table.selectedIndexes()}
            ids = {self.rows[r].borrower_id for r in rows if r < len(self.rows)}
            if not ids:
                self.message.error(self.tr("Select the borrowers to remind."))
                return None
        with document_session(self) as s:  # masked for the account; unmasked phones are logged
            notices = loans.overdue_notices(s, borrower_ids=ids, clerk=self.ctx.settings.clerk_name, viewer=self.ctx.actor)
        if not notices:
            self.message.info(self.tr("No loan is overdue."))
            return None
        try:
            pdf = render_overdue_notices(notices)
        except UserError as exc:
            show_error(self, exc)
            return None
        assert isinstance(pdf, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        dialog = PdfPreviewDialog(pdf, self.tr("Reminders to return archives"), f"催还通知-{date.today().isoformat()}.pdf", self)
        self.area.last_print_dialog = dialog
        dialog.open()
        return dialog
