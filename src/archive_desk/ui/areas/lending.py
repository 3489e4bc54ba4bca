"""The lending area (借阅): lend, return, loans out (renew), overdue (reminders), borrowers, register.

Keyboard and scanner first. A scan anywhere in the area arrives through :meth:`LendingArea.handle_scan`
(the window's scan detector) or through the scan fields (``ScanLineEdit``):

- on *Lend*: a volume's barcode adds it to the list (a second scan adds nothing; a volume that cannot be
  lent is listed in red with the reason and is not lent); a borrower's card picks the borrower;
- on *Return*: a volume's barcode adds its open loan line, with the page count to confirm;
- on *Borrowers*: a card finds the borrower.

Every rule is the service's (``services.loans``); this screen only shows what the service says. The
nav badge shows how many loans are overdue (``badgeChanged``), recounted after each change and every
ten minutes.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.printing.loan_slip import render_loan_slip
from archive_desk.printing.overdue_notice import render_overdue_notices
from archive_desk.services import loans
from archive_desk.services.loans import (
    BorrowerRecord,
    LineReturn,
    PageCountMismatchError,
    RegisterFilter,
    RegisterRow,
    VolumeCheck,
)
from archive_desk.ui.areas.badges import BADGE_INTERVAL_MS, overdue_text
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.dialogs.lending import (
    BorrowerDialog,
    BorrowerPickerDialog,
    PdfPreviewDialog,
    RenewDialog,
    SlipPrintDialog,
)
from archive_desk.ui.scan_input import ScanLineEdit
from archive_desk.ui.workers import Runner

RED = QColor("#b00020")
GREEN = QColor("#1b5e20")
REGISTER_LIMIT = 5000


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _item(text: object, *, color: QColor | None = None, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if color is not None:
        item.setForeground(QBrush(color))
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _shortcut(keys: QKeySequence, parent: QWidget, slot: object, context: Qt.ShortcutContext) -> QShortcut:
    shortcut = QShortcut(keys, parent)
    shortcut.setContext(context)  # (the constructor's context argument is ignored by PySide6 6.12)
    shortcut.activated.connect(slot)  # type: ignore[arg-type]
    return shortcut


def _label(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _setup_table(table: QTableWidget | QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)


class Message(QLabel):
    """An inline message under a form: green for done, red for refused (never a blocking box).
    Each message is also ``shown`` (the area repeats it in the window's status bar)."""

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("message")

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20; font-weight: bold")
        self.setText(text)
        self.shown.emit(text)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020; font-weight: bold")
        self.setText(text)
        self.shown.emit(text)

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.shown.emit(text)


# ============================================================================ lend


class LendPanel(QWidget):
    COLUMNS = ("code", "title", "security", "pages", "status", "note")

    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.borrower: BorrowerRecord | None = None
        self.checks: list[VolumeCheck] = []

        self.borrower_edit = QLineEdit(self)
        self.borrower_edit.setObjectName("lendBorrower")
        self.borrower_edit.setPlaceholderText(self.tr("Scan the borrower's card, or type a name, card no. or phone and press Enter"))
        # a field for card scans *and* typed Chinese names: the window's scan detector leaves it alone (the
        # field itself gets the burst and its Enter), and the input method stays on for names
        self.borrower_edit.setProperty("scanField", True)
        self.borrower_edit.returnPressed.connect(self._on_borrower_edit_returnPressed)
        find = QPushButton(self.tr("Searc&h…"), self)
        find.clicked.connect(self._on_borrower_edit_returnPressed)
        self.borrower_info = QLabel(self.tr("No borrower chosen"), self)
        self.borrower_info.setObjectName("borrowerInfo")
        self.borrower_info.setWordWrap(True)

        self.volume_edit = ScanLineEdit(self)
        self.volume_edit.setObjectName("lendVolume")
        self.volume_edit.setPlaceholderText(self.tr("Scan a volume's barcode or type its archival code and press Enter"))
        self.volume_edit.scanned.connect(self.add_volume)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("lendVolumes")
        self.table.setHorizontalHeaderLabels([self.tr("Archival code"), self.tr("Title"), self.tr("Security"), self.tr("Pages"),
                                              self.tr("Status"), self.tr("Note")])
        _setup_table(self.table)
        for col, width in enumerate((200, 260, 50, 50, 70)):
            self.table.setColumnWidth(col, width)
        remove = QPushButton(self.tr("&Remove from list"), self)
        remove.clicked.connect(self.remove_selected)
        _shortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected, Qt.ShortcutContext.WidgetShortcut)

        settings = self._settings()
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("lendPurpose")
        self.purpose.addItems(list(settings.purposes))
        self.use_mode = QComboBox(self)
        self.use_mode.setObjectName("lendUse")
        self.use_mode.addItems(list(settings.uses))
        self.use_mode.currentIndexChanged.connect(self._update_approval)
        self.due = QDateEdit(self)
        self.due.setObjectName("lendDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        # the workstation's clerk name (printed as 经办人 on the slip), never the login name; remembered when changed
        self.clerk = QLineEdit(self.ctx.settings.clerk_name, self)
        self.clerk.setObjectName("lendClerk")
        self.notes = QLineEdit(self)
        self.approval = QGroupBox(self.tr("Approval required"), self)
        self.approval.setObjectName("approvalBox")
        self.approval_reason = QLabel(self.approval)
        self.approval_reason.setWordWrap(True)
        self.approver = QLineEdit(self.approval)
        self.approver.setObjectName("lendApprover")
        self.opinion = QLineEdit(self.approval)
        self.opinion.setObjectName("lendOpinion")
        box = QVBoxLayout(self.approval)
        box.addWidget(self.approval_reason)
        af = QFormLayout()
        af.addRow(self.tr("A&pprover:"), self.approver)
        af.addRow(self.tr("&Opinion:"), self.opinion)
        box.addLayout(af)
        self.approval.hide()

        self.lend_button = QPushButton(self.tr("&Lend and print slip (Ctrl+Enter)"), self)
        self.lend_button.setObjectName("lendButton")
        self.lend_button.clicked.connect(self.lend)
        clear = QPushButton(self.tr("&Clear"), self)
        clear.clicked.connect(self.clear)
        self.message = Message(self)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):  # only while the focus is on this tab
            _shortcut(QKeySequence(seq), self, self.lend, Qt.ShortcutContext.WidgetWithChildrenShortcut)

        top = QHBoxLayout()
        top.addWidget(_label(self.tr("&Borrower:"), self, self.borrower_edit))
        top.addWidget(self.borrower_edit, 1)
        top.addWidget(find)
        vol = QHBoxLayout()
        vol.addWidget(_label(self.tr("&Volume:"), self, self.volume_edit))
        vol.addWidget(self.volume_edit, 1)
        vol.addWidget(remove)
        form = QFormLayout()
        form.addRow(self.tr("P&urpose:"), self.purpose)
        form.addRow(self.tr("U&se:"), self.use_mode)
        form.addRow(self.tr("&Due date:"), self.due)
        form.addRow(self.tr("Cler&k:"), self.clerk)
        form.addRow(self.tr("No&tes:"), self.notes)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.approval)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 3)
        middle.addLayout(side, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(clear)
        buttons.addWidget(self.lend_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.borrower_info)
        layout.addLayout(vol)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.reset_due()

    def _settings(self) -> loans.LoanSettings:
        with self.ctx.db.read() as s:
            return loans.loan_settings(s)

    def reset_due(self) -> None:
        with self.ctx.db.read() as s:
            self.due.setDate(_qdate(loans.default_due_date(s)))

    # ------------------------------------------------------------ borrower

    def set_borrower(self, b: BorrowerRecord | None) -> None:
        self.borrower = b
        if b is None:
            self.borrower_info.setText(self.tr("No borrower chosen"))
            self.borrower_info.setStyleSheet("")
        else:
            parts = [b.name, b.kind_label, b.unit, b.phone]
            if b.id_number:
                parts.append(self.tr("ID %1").replace("%1", b.masked_id))
            if b.card_no:
                parts.append(self.tr("card %1").replace("%1", b.card_no))
            text = " · ".join(p for p in parts if p)
            if not b.active:
                text += "  " + self.tr("(deactivated: cannot borrow)")
                self.borrower_info.setStyleSheet("color: #b00020; font-weight: bold")
            else:
                self.borrower_info.setStyleSheet("font-weight: bold")
            self.borrower_info.setText(text)
            self.borrower_edit.clear()
        self._update_approval()

    def _on_borrower_edit_returnPressed(self) -> None:
        text = self.borrower_edit.text().strip()
        if not text:
            return
        with self.ctx.db.read() as s:
            exact = loans.find_borrower_by_card(s, text) if text.isascii() else None
            found = [exact] if exact else loans.search_borrowers(s, text, limit=50)
            volume = loans.find_volume_for_loan(s, text) if not found and text.isascii() else None
        if volume is not None:  # a volume scanned first: list it, the borrower can follow
            self.borrower_edit.clear()
            self.add_volume(text)
            return
        if not found:
            self.message.error(self.tr("No borrower matches “%1”.").replace("%1", text))
            return
        if len(found) == 1:
            self.set_borrower(found[0])
            self.volume_edit.setFocus()
            return
        picker = BorrowerPickerDialog(found, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen() is not None:
            self.set_borrower(picker.chosen())
            self.volume_edit.setFocus()

    # ------------------------------------------------------------ volumes

    def add_volume(self, code: str) -> bool:
        """A scanned or typed volume code; returns False when no volume has that code."""
        with self.ctx.db.read() as s:
            check = loans.find_volume_for_loan(s, code)
        if check is None:
            self.message.error(self.tr("No volume has the code %1.").replace("%1", code))
            return False
        for row, existing in enumerate(self.checks):
            if existing.volume_id == check.volume_id:
                self.table.selectRow(row)
                self.message.info(self.tr("%1 is already in the list.").replace("%1", check.code))
                return True
        self.checks.append(check)
        row = self.table.rowCount()
        self.table.insertRow(row)
        color = None if check.lendable else RED
        values = (check.code, check.title, check.security, check.pages, check.status_label,
                  check.short_reason)
        for col, value in enumerate(values):
            item = _item(value, color=color, align_center=col in (2, 3))
            if not check.lendable:
                item.setToolTip(check.reason)
            self.table.setItem(row, col, item)
        self.table.scrollToItem(self.table.item(row, 0))
        if check.lendable:
            self.message.info(self.tr("Added %1.").replace("%1", check.code))
        else:
            self.message.error(check.reason)
        self._update_approval()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.checks[row]
        self._update_approval()

    def lendable_ids(self) -> list[int]:
        return [c.volume_id for c in self.checks if c.lendable]

    def _remember_clerk(self, name: str) -> None:
        """The clerk named at the desk becomes this workstation's clerk name (forms and slips print it)."""
        settings = self.ctx.settings
        if name and name != settings.clerk_name:
            settings.clerk_name = name
            try:
                settings.save(self.ctx.settings_path)
            except OSError:  # the loan is made; the name is remembered for this session only
                pass

    def _update_approval(self) -> None:
        kind = self.borrower.kind if self.borrower else "staff"
        securities = [c.security for c in self.checks if c.lendable]
        with self.ctx.db.read() as s:
            reasons = loans.approval_reasons(s, kind, securities, self.use_mode.currentText())
        self.approval.setVisible(bool(reasons))
        self.approval_reason.setText(self.tr("Needed for: %1").replace("%1", "、".join(reasons)))

    # ------------------------------------------------------------ lend

    def lend(self) -> None:
        if self.borrower is None:
            self.message.error(self.tr("Choose the borrower first: scan the card or type the name."))
            self.borrower_edit.setFocus()
            return
        ids = self.lendable_ids()
        if not ids:
            self.message.error(self.tr("Scan the volumes to lend."))
            self.volume_edit.setFocus()
            return
        approver = self.approver.text() if self.approval.isVisible() else ""
        opinion = self.opinion.text() if self.approval.isVisible() else ""
        run_op(self, loans.lend, self.ctx.actor, self.borrower.id, ids, self.purpose.currentText(), self.use_mode.currentText(),
               self.due.date().toPython(), approver, opinion, self.clerk.text(), notes=self.notes.text(),
               on_success=lambda record: self._lent(record, ids), on_error=self._lend_refused, key="loans.lend")

    def _lend_refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self.message.error(str(exc))
        if exc.field in ("approver", "approval_opinion"):
            (self.approver if exc.field == "approver" else self.opinion).setFocus()
        self._recheck()
        return True

    def _lent(self, record: loans.LoanRecord, ids: list[int]) -> None:
        self._remember_clerk(self.clerk.text().strip())
        refused = len(self.checks) - len(ids)
        text = self.tr("Lent %1 volume(s) to %2 on slip %3.").replace("%1", str(len(record.lines))).replace("%2", record.borrower.name) \
            .replace("%3", record.slip_no)
        if refused:
            text += " " + self.tr("%1 refused volume(s) were not lent.").replace("%1", str(refused))
        self.clear()
        self.message.ok(text)
        self.area.loans_changed()
        self.area.print_slip(record.id)

    def _recheck(self) -> None:
        """After a refusal (e.g. another workstation was faster), show every volume's current state."""
        codes = [c.code for c in self.checks]
        message = self.message.text()
        self.checks.clear()
        self.table.setRowCount(0)
        for code in codes:
            self.add_volume(code)
        self.message.error(message)

    def clear(self) -> None:
        self.checks.clear()
        self.table.setRowCount(0)
        self.set_borrower(None)
        self.approver.clear()
        self.opinion.clear()
        self.notes.clear()
        self.reset_due()
        self.message.info("")
        self.borrower_edit.setFocus()


# ============================================================================ return


class ReturnPanel(QWidget):
    COLUMNS = ("code", "title", "slip", "borrower", "due", "pages_out", "pages_back", "condition", "note", "outcome")

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
                                              self.tr("Damage"), self.tr("Outcome of use")])
        _setup_table(self.table)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        for col, width in enumerate((190, 220, 110, 70, 90, 60, 80, 70, 120)):
            self.table.setColumnWidth(col, width)
        self.received_by = QLineEdit(self.ctx.actor.user, self)
        self.return_button = QPushButton(self.tr("&Take back (Ctrl+Enter)"), self)
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self.take_back)
        remove = QPushButton(self.tr("&Remove from list"), self)
        remove.clicked.connect(self.remove_selected)
        self.message = Message(self)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            _shortcut(QKeySequence(seq), self, self.take_back, Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
                loan, line = loans.find_line_for_return(s, code)
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
        for col, value in enumerate((line.code, line.title, loan.slip_no, loan.borrower.name, loan.due_date.isoformat(), line.pages_out)):
            self.table.setItem(row, col, _item(value, color=RED if (col == 4 and overdue) else None, align_center=col == 5))
        pages = QSpinBox(self.table)
        pages.setRange(0, 100000)
        pages.setValue(line.pages_out)
        pages.setObjectName(f"pagesBack{row}")
        condition = QComboBox(self.table)
        condition.addItems(list(loans.CONDITIONS))
        note = QLineEdit(self.table)
        note.setPlaceholderText(self.tr("if damaged: what"))
        outcome = QLineEdit(self.table)
        outcome.setPlaceholderText(self.tr("what the use achieved"))
        self.table.setCellWidget(row, 6, pages)
        self.table.setCellWidget(row, 7, condition)
        self.table.setCellWidget(row, 8, note)
        self.table.setCellWidget(row, 9, outcome)
        self.message.info(self.tr("%1 from slip %2: count the pages (%3 lent) and check the condition.")
                          .replace("%1", line.code).replace("%2", loan.slip_no).replace("%3", str(line.pages_out)))
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.lines[row]

    def row_widgets(self, row: int) -> tuple[QSpinBox, QComboBox, QLineEdit, QLineEdit]:
        return (self.table.cellWidget(row, 6), self.table.cellWidget(row, 7), self.table.cellWidget(row, 8),  # type: ignore[return-value]
                self.table.cellWidget(row, 9))

    def returns(self) -> list[LineReturn]:
        out = []
        for row, (_loan, line) in enumerate(self.lines):
            pages, condition, note, outcome = self.row_widgets(row)
            out.append(LineReturn(line.volume_id, pages.value(), condition.currentText(), note.text(), outcome.text()))
        return out

    def take_back(self) -> None:
        returns = self.returns()
        if not returns:
            self.message.error(self.tr("Scan the volumes coming back."))
            self.volume_edit.setFocus()
            return
        accept = False
        while True:
            try:
                with self.ctx.db.write() as s:
                    result = loans.return_volumes(s, self.ctx.actor, returns, received_by=self.received_by.text(),
                                                  accept_page_difference=accept)
                break
            except PageCountMismatchError as exc:
                lines = "\n".join(self.tr("%1: %2 pages lent, %3 counted").replace("%1", c).replace("%2", str(o)).replace("%3", str(b))
                                  for c, o, b in exc.differences)
                answer = QMessageBox.question(
                    self, self.tr("Page count differs"),
                    self.tr("The pages counted differ from the pages lent:\n\n%1\n\nRecord the return with this difference?").replace("%1", lines),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    self.message.error(self.tr("Nothing was recorded: recount the pages."))
                    return
                accept = True
            except UserError as exc:
                self.message.error(str(exc))
                return
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


# ============================================================================ loans out (renew, reprint)


class OpenLoansPanel(QWidget):
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
            self.records = loans.open_loans(s)
        today = date.today()
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            late = r.days_overdue(today)
            color = RED if late else None
            for col, value in enumerate((r.slip_no, r.borrower.name, r.borrower.unit, r.lent_at.strftime("%Y-%m-%d"), r.due_date.isoformat(),
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
            self.rows = loans.overdue_loans(s)
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            volumes = "、".join(code for code, _t in r.volumes)
            for col, value in enumerate((r.days_overdue, r.slip_no, r.name, r.unit, r.phone, r.due_date.isoformat(), r.renewals, volumes)):
                self.table.setItem(row, col, _item(value, color=RED if col == 0 else None, align_center=col in (0, 6)))
        self.table.resizeColumnsToContents()
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
        with self.ctx.db.read() as s:
            notices = loans.overdue_notices(s, borrower_ids=ids, clerk=self.ctx.settings.clerk_name)
        if not notices:
            self.message.info(self.tr("No loan is overdue."))
            return None
        try:
            pdf = render_overdue_notices(notices)
        except UserError as exc:
            show_error(self, exc)
            return None
        assert isinstance(pdf, bytes)
        dialog = PdfPreviewDialog(pdf, self.tr("Reminders to return archives"), f"催还通知-{date.today().isoformat()}.pdf", self)
        self.area.last_print_dialog = dialog
        dialog.open()
        return dialog


# ============================================================================ borrowers


class BorrowersPanel(QWidget):
    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.records: list[BorrowerRecord] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("borrowerSearch")
        self.search.setPlaceholderText(self.tr("Search name, unit, card no. or phone"))
        self.search.textChanged.connect(self.refresh)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), "")
        self.kind.addItem(self.tr("Staff"), "staff")
        self.kind.addItem(self.tr("Outside"), "outside")
        self.kind.currentIndexChanged.connect(self.refresh)
        self.inactive = QCheckBox(self.tr("Show &deactivated"), self)
        self.inactive.toggled.connect(self.refresh)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("borrowers")
        self.table.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Borrower kind"), self.tr("Unit / department"), self.tr("Phone"),
                                              self.tr("ID number"), self.tr("Card no."), self.tr("Active"), self.tr("Notes")])
        _setup_table(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.edit_selected)
        new = QPushButton(self.tr("&New…"), self)
        new.clicked.connect(self.create)
        edit = QPushButton(self.tr("&Edit…"), self)
        edit.clicked.connect(self.edit_selected)
        self.toggle = QPushButton(self.tr("Deac&tivate"), self)
        self.toggle.clicked.connect(self.toggle_selected)
        lend = QPushButton(self.tr("&Lend to…"), self)
        lend.clicked.connect(self.lend_to_selected)
        imp = QPushButton(self.tr("&Import staff list…"), self)
        imp.clicked.connect(self.import_list)
        self.table.itemSelectionChanged.connect(self._update_toggle)
        self.message = Message(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.inactive)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(edit)
        buttons.addWidget(self.toggle)
        buttons.addWidget(lend)
        buttons.addStretch(1)
        buttons.addWidget(imp)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        with self.ctx.db.read() as s:
            self.records = loans.search_borrowers(s, self.search.text(), include_inactive=self.inactive.isChecked(),
                                                  kind=self.kind.currentData() or None, limit=1000)
        self.table.setRowCount(len(self.records))
        for row, b in enumerate(self.records):
            color = None if b.active else QColor("#888888")
            values = (b.name, b.kind_label, b.unit, b.phone, b.masked_id, b.card_no or "", self.tr("yes") if b.active else self.tr("no"), b.notes)
            for col, value in enumerate(values):
                self.table.setItem(row, col, _item(value, color=color))
        self.table.resizeColumnsToContents()
        self._update_toggle()

    def selected(self) -> BorrowerRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def select_card(self, card: str) -> bool:
        with self.ctx.db.read() as s:
            b = loans.find_borrower_by_card(s, card)
        if b is None:
            return False
        self.search.setText(b.card_no or b.name)
        for row, r in enumerate(self.records):
            if r.id == b.id:
                self.table.selectRow(row)
        return True

    def _update_toggle(self) -> None:
        b = self.selected()
        self.toggle.setText(self.tr("Reac&tivate") if b is not None and not b.active else self.tr("Deac&tivate"))

    def create(self) -> None:
        dialog = BorrowerDialog(self.tr("New borrower"), None, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.db.write() as s:
                    b = loans.create_borrower(s, self.ctx.actor, dialog.values())
            except UserError as exc:
                dialog.show_problem(exc)
                continue
            self.message.ok(self.tr("%1 registered.").replace("%1", b.name))
            self.refresh()
            return

    def edit_selected(self) -> None:
        b = self.selected()
        if b is None:
            return
        dialog = BorrowerDialog(self.tr("Edit borrower"), b, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                with self.ctx.db.write() as s:
                    after = loans.update_borrower(s, self.ctx.actor, b.id, b.version, dialog.values())
            except UserError as exc:
                dialog.show_problem(exc)
                continue
            self.message.ok(self.tr("%1 saved.").replace("%1", after.name))
            self.refresh()
            return

    def toggle_selected(self) -> None:
        b = self.selected()
        if b is None:
            return
        try:
            with self.ctx.db.write() as s:
                after = loans.set_borrower_active(s, self.ctx.actor, b.id, not b.active, expected_version=b.version)
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.message.ok((self.tr("%1 reactivated.") if after.active else self.tr("%1 deactivated; the loan history is kept.")).replace("%1", after.name))
        self.refresh()

    def lend_to_selected(self) -> None:
        b = self.selected()
        if b is not None:
            self.area.lend_to(b)

    def import_list(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Import staff list"), str(Path.home()),
                                               self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> loans.BorrowerImportResult | None:
        try:
            with self.ctx.db.read() as s:
                plan = loans.plan_borrower_import(s, path)
        except UserError as exc:
            self.message.error(str(exc))
            return None
        summary = plan.summary
        question = self.tr("%1: %2 new borrower(s); %3 already registered; %4 repeated in the file; %5 rejected. Import the new ones?") \
            .replace("%1", path.name).replace("%2", str(summary.ok)).replace("%3", str(summary.existing)) \
            .replace("%4", str(summary.duplicate)).replace("%5", str(summary.rejected))
        if QMessageBox.question(self, self.tr("Import staff list"), question) != QMessageBox.StandardButton.Yes:
            return None
        try:
            with self.ctx.db.write() as s:
                result = loans.import_borrowers(s, self.ctx.actor, path)
        except UserError as exc:
            self.message.error(str(exc))
            return None
        details = [f"{p.sheet}!{p.row} {p.key}: {p.reason}" for p in (*result.duplicates, *result.existing, *result.rejected)]
        text = self.tr("Imported %1 borrower(s).").replace("%1", str(result.created))
        if details:
            text += " " + self.tr("Not imported: %1").replace("%1", "；".join(details[:20]) + ("…" if len(details) > 20 else ""))
        self.message.ok(text)
        self.refresh()
        return result


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
                      r.due_date.isoformat(), r.returned_at.strftime("%Y-%m-%d") if r.returned_at else "",
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
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,  # type: ignore[arg-type]
            borrower=self.borrower.text(), volume=self.volume.text(), purpose=self.purpose.currentData() or "",
            use_mode=self.use_mode.currentData() or "", state=self.state.currentData() or "all",
        )

    def refresh(self) -> None:
        f = self.current_filter()
        db = self.ctx.db

        def fetch():  # noqa: ANN202 - worker thread, own session
            with db.read() as s:
                return loans.register(s, f, limit=REGISTER_LIMIT), loans.count_register(s, f)

        self._runner.start(fetch)

    def _on_runner_finished(self, result: object) -> None:
        rows, total = result  # type: ignore[misc]
        self.model.set_rows(rows)
        if total > len(rows):
            self.summary.setText(self.tr("Showing the newest %1 of %2 lines; export writes all of them.").replace("%1", str(len(rows)))
                                 .replace("%2", str(total)))
        else:
            self.summary.setText(self.tr("%n line(s)", "", total))

    def export(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, self.tr("Export the loan register"), str(Path.home() / "借阅登记簿.xlsx"),
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


# ============================================================================ the area


class LendingArea(Area):
    area_id = "lending"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("lendingArea")
        self.last_print_dialog: PdfPreviewDialog | None = None
        self.overdue = 0
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("lendingTabs")
        self.lend = LendPanel(self)
        self.returns = ReturnPanel(self)
        self.open_loans = OpenLoansPanel(self)
        self.overdue_panel = OverduePanel(self)
        self.borrowers = BorrowersPanel(self)
        self.register = RegisterPanel(self)
        self.tabs.addTab(self.lend, self.tr("&1 Lend"))
        self.tabs.addTab(self.returns, self.tr("&2 Return"))
        self.tabs.addTab(self.open_loans, self.tr("&3 Loans out"))
        self.tabs.addTab(self.overdue_panel, self.tr("&4 Overdue"))
        self.tabs.addTab(self.borrowers, self.tr("&5 Borrowers"))
        self.tabs.addTab(self.register, self.tr("&6 Register"))
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        for panel in (self.lend, self.returns, self.open_loans, self.overdue_panel, self.borrowers, self.register):
            message = getattr(panel, "message", None)
            if isinstance(message, Message):
                message.shown.connect(self.statusChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._badge_timer = QTimer(self)
        self._badge_timer.setInterval(BADGE_INTERVAL_MS)
        self._badge_timer.timeout.connect(self.update_badge)
        self._badge_timer.start()
        QTimer.singleShot(0, self.update_badge)

    def title(self) -> str:
        return self.tr("Lending")

    # ------------------------------------------------------------ area protocol

    def activated(self) -> None:
        self.update_badge()
        self._refresh_tab(self.tabs.currentWidget())
        self._focus_tab()

    def refresh(self) -> None:
        self.update_badge()
        self._refresh_tab(self.tabs.currentWidget())

    def handle_scan(self, text: str) -> bool:
        panel = self.tabs.currentWidget()
        if panel is self.returns:
            self.returns.add_volume(text)
            return True
        if panel is self.open_loans:
            with self.ctx.db.read() as s:
                volume = loans.find_volume_for_loan(s, text)
                held = loans.open_line_for_volume(s, volume.volume_id) if volume is not None else None
            if held is None:
                return False
            self.open_loans.filter.clear()
            self.open_loans.select_slip(held[0].slip_no)
            return True
        if panel is self.borrowers:
            if self.borrowers.select_card(text):
                return True
            return False
        if panel is self.lend:
            with self.ctx.db.read() as s:
                card = loans.find_borrower_by_card(s, text)
                volume = loans.find_volume_for_loan(s, text) if card is None else None
            if card is not None:
                self.lend.set_borrower(card)
                self.lend.message.info(self.tr("Borrower: %1").replace("%1", card.name))
                self.lend.volume_edit.setFocus()
                return True
            if volume is not None:
                self.lend.add_volume(text)
                return True
            self.lend.message.error(self.tr("%1 is neither a volume nor a borrower's card.").replace("%1", text))
            return True
        return False

    def save_state(self) -> dict[str, object]:
        return {"tab": self.tabs.currentIndex()}

    def restore_state(self, state: dict[str, object]) -> None:
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    # ------------------------------------------------------------ shared actions

    def update_badge(self) -> int:
        with self.ctx.db.read() as s:
            self.overdue = loans.overdue_count(s)
        self.badgeChanged.emit(overdue_text(self.overdue))
        self.statusChanged.emit(self.tr("%1 loan(s) overdue").replace("%1", str(self.overdue)))
        return self.overdue

    def loans_changed(self) -> None:
        self.update_badge()

    def lend_to(self, borrower: BorrowerRecord) -> None:
        self.tabs.setCurrentWidget(self.lend)
        self.lend.set_borrower(borrower)
        self.lend.volume_edit.setFocus()

    def slip_options(self) -> tuple[str, int]:
        opts = self.ctx.settings.extra.get("lending.slip", {})
        paper = opts.get("paper", "A4") if isinstance(opts, dict) else "A4"
        copies = opts.get("copies", 2) if isinstance(opts, dict) else 2
        return (paper if paper in ("A4", "A5") else "A4", copies if copies in (1, 2) else 2)

    def _remember_slip_options(self, paper: str, copies: int) -> None:
        self.ctx.settings.extra["lending.slip"] = {"paper": paper, "copies": copies}
        try:
            self.ctx.save_settings()
        except OSError:  # a read-only profile: keep the choice for this session only
            pass

    def print_slip(self, loan_id: int) -> SlipPrintDialog:
        with self.ctx.db.read() as s:
            slip = loans.slip_data(s, loan_id)

        def render(paper: str, copies: int) -> bytes:
            pdf = render_loan_slip(slip, paper=paper, copies=copies)
            assert isinstance(pdf, bytes)
            return pdf

        paper, copies = self.slip_options()
        dialog = SlipPrintDialog(render, slip.slip_no, paper, copies, self)
        dialog.optionsChanged.connect(self._remember_slip_options)
        self.last_print_dialog = dialog
        dialog.open()
        return dialog

    def _on_tabs_currentChanged(self, _index: int) -> None:
        self._refresh_tab(self.tabs.currentWidget())
        self._focus_tab()

    def _refresh_tab(self, panel: QWidget) -> None:
        if panel in (self.open_loans, self.overdue_panel, self.borrowers, self.register):
            panel.refresh()  # type: ignore[attr-defined]

    def _focus_tab(self) -> None:
        panel = self.tabs.currentWidget()
        target = {self.lend: self.lend.borrower_edit if self.lend.borrower is None else self.lend.volume_edit,
                  self.returns: self.returns.volume_edit, self.borrowers: self.borrowers.search}.get(panel)
        if target is not None:
            target.setFocus()


def create(ctx: AppContext, parent: QWidget | None = None) -> LendingArea:
    return LendingArea(ctx, parent)


__all__ = ["LendingArea", "create"]
