"""The Return tab: each volume scanned back, its pages counted and its condition."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import loans
from archive_desk.services.loans import LineReturn, PageCountMismatchError
from archive_desk.ui.areas.lending.common import RED, Message, _item, _label, _setup_table, _shortcut
from archive_desk.ui.ops import run_op
from archive_desk.ui.scan_input import ScanLineEdit

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea


# ============================================================================ return


class ReturnPanel(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled
    GUARDS: ClassVar[dict[str, str]] = {"return_button": "loans.return_volumes"}
    COLUMNS = ("code", "title", "slip", "borrower", "due", "pages_out", "pages_back", "condition", "note", "outcome_kind",
               "outcome")

    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.lines: list[tuple[loans.LoanRecord, loans.LoanLineRecord]] = []
        self.volume_edit = ScanLineEdit(self)
        self.volume_edit.setObjectName("returnVolume")
        self.volume_edit.setPlaceholderText(self.tr("Scan each volume coming back"))
        self.volume_edit.scanned.connect(self.add_volume)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels([self.tr("Archival code"), self.tr("Title"), self.tr("Slip"), self.tr("Borrower"),
                                              self.tr("Due"), self.tr("Pages lent"), self.tr("Pages counted"), self.tr("Condition"),
                                              self.tr("Damage"), self.tr("Outcome of use"), self.tr("Outcome, in words")])
        _setup_table(self.table)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        for col, width in enumerate((190, 220, 110, 70, 90, 60, 80, 70, 120, 120)):
            self.table.setColumnWidth(col, width)
        self.received_by = QLineEdit(self.ctx.actor.user, self)
        self.return_button = QPushButton(self.tr("&Take back (Ctrl+Enter)"), self)
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self.take_back)
        remove = QPushButton(self.tr("&Remove from list"), self)
        remove.clicked.connect(self.remove_selected)
        self.message = Message(self)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            _shortcut(QKeySequence(seq), self, self.return_button.click, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        _shortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected, Qt.ShortcutContext.WidgetShortcut)
        top = QHBoxLayout()
        top.addWidget(_label(self.tr("&Volume:"), self, self.volume_edit))
        top.addWidget(self.volume_edit, 1)
        top.addWidget(remove)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(_label(self.tr("Received b&y:"), self, self.received_by))
        bottom.addWidget(self.received_by)
        bottom.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def add_volume(self, code: str) -> bool:
        try:
            with self.ctx.db.read() as s:
                loan, line = loans.find_line_for_return(s, code, self.ctx.actor)  # hidden titles masked
        except UserError as exc:
            self.message.error(str(exc))
            return True  # the message says why (no such volume, not on loan)
        if any(ln.id == line.id for _l, ln in self.lines):
            self.message.info(self.tr("%1 is already in the list.").replace("%1", line.code))
            return True
        self.lines.append((loan, line))
        row = self.table.rowCount()
        self.table.insertRow(row)
        overdue = loan.days_overdue()
        for col, value in enumerate((line.code, line.title, loan.slip_no, loan.borrower.name, loan.due_date.isoformat() if loan.due_date else loan.service_label, line.pages_out)):
            self.table.setItem(row, col, _item(value, color=RED if (col == 4 and overdue) else None, align_center=col == 5))
        pages = QSpinBox(self.table)
        pages.setRange(0, 100000)
        pages.setValue(line.pages_out)
        pages.setObjectName(f"pagesBack{row}")
        condition = QComboBox(self.table)
        condition.addItems(list(loans.CONDITIONS))
        note = QLineEdit(self.table)
        note.setPlaceholderText(self.tr("if damaged: what"))
        outcome_kind = QComboBox(self.table)  # 利用效果 from the room's list (设置: use_outcomes); blank: not said
        outcome_kind.setObjectName(f"outcomeKind{row}")
        outcome_kind.addItem("", "")
        for choice in self._outcome_choices():
            outcome_kind.addItem(choice, choice)
        outcome = QLineEdit(self.table)
        outcome.setPlaceholderText(self.tr("what the use achieved"))
        self.table.setCellWidget(row, 6, pages)
        self.table.setCellWidget(row, 7, condition)
        self.table.setCellWidget(row, 8, note)
        self.table.setCellWidget(row, 9, outcome_kind)
        self.table.setCellWidget(row, 10, outcome)
        self.message.info(self.tr("%1 from slip %2: count the pages (%3 lent) and check the condition.")
                          .replace("%1", line.code).replace("%2", loan.slip_no).replace("%3", str(line.pages_out)))
        return True

    def _outcome_choices(self) -> tuple[str, ...]:
        """The room's 利用效果 list, read when a line is added (a change under 设置 shows on the next line)."""
        with self.ctx.db.read() as s:
            return loans.loan_settings(s).outcomes

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.lines[row]

    def row_widgets(self, row: int) -> tuple[QSpinBox, QComboBox, QLineEdit, QLineEdit]:
        cell = self.table.cellWidget
        return (cast(QSpinBox, cell(row, 6)), cast(QComboBox, cell(row, 7)), cast(QLineEdit, cell(row, 8)),
                cast(QLineEdit, cell(row, 10)))

    def outcome_box(self, row: int) -> QComboBox:
        """The line's 利用效果 choice."""
        return cast(QComboBox, self.table.cellWidget(row, 9))

    def returns(self) -> list[LineReturn]:
        out = []
        for row, (_loan, line) in enumerate(self.lines):
            pages, condition, note, outcome = self.row_widgets(row)
            out.append(LineReturn(line.volume_id, pages.value(), condition.currentText(), note.text(), outcome.text(),
                                  outcome_kind=self.outcome_box(row).currentData() or ""))
        return out

    def take_back(self) -> None:
        returns = self.returns()
        if not returns:
            self.message.error(self.tr("Scan the volumes coming back."))
            self.volume_edit.setFocus()
            return
        self._save_returns(returns, accept=False)

    def _save_returns(self, returns: list[LineReturn], *, accept: bool) -> None:
        """Record the returns in the background (``ui/ops.run_op``); pages counted that differ from the pages lent
        are asked about, and saved again once the clerk accepts the difference."""

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, PageCountMismatchError):
                lines = "\n".join(self.tr("%1: %2 pages lent, %3 counted").replace("%1", c).replace("%2", str(o)).replace("%3", str(b))
                                  for c, o, b in exc.differences)
                answer = QMessageBox.question(
                    self, self.tr("Page count differs"),
                    self.tr("The pages counted differ from the pages lent:\n\n%1\n\nRecord the return with this difference?").replace("%1", lines),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    self.message.error(self.tr("Nothing was recorded: recount the pages."))
                else:
                    self._save_returns(returns, accept=True)
                return True
            if isinstance(exc, UserError):
                self.message.error(str(exc))
                return True
            return False

        run_op(self, loans.return_volumes, self.ctx.actor, returns, received_by=self.received_by.text(),
               accept_page_difference=accept, on_success=self._taken_back, on_error=refused, key=f"loans.return:{accept}")

    def _taken_back(self, result: loans.ReturnResult) -> None:
        self.lines.clear()
        self.table.setRowCount(0)
        text = self.tr("Took back %1 volume(s).").replace("%1", str(len(result.returned)))
        if result.closed_slips:
            text += " " + self.tr("Slip(s) %1 fully returned.").replace("%1", "、".join(result.closed_slips))
        open_left = [f"{ln.slip_no} ({len(ln.open_lines)})" for ln in result.loans if ln.status == "open"]
        if open_left:
            text += " " + self.tr("Still out: %1.").replace("%1", "、".join(open_left))
        self.message.ok(text)
        self.volume_edit.setFocus()
        self.area.loans_changed()
