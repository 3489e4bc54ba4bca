"""The Lend tab: a borrower (card or name), the volumes scanned, the approval when the rules ask for it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.models import SECURITY_LEVELS
from archive_desk.services import accounts, loans, masking
from archive_desk.services.loans import BorrowerRecord, VolumeCheck
from archive_desk.ui.areas.lending.common import (
    RED,
    Message,
    _item,
    _label,
    _pydate,
    _qdate,
    _setup_table,
    _shortcut,
    log_borrowers_shown,
)
from archive_desk.ui.dialogs.lending import BorrowerPickerDialog
from archive_desk.ui.dialogs.login import ApproverDialog
from archive_desk.ui.ops import run_op
from archive_desk.ui.scan_input import ScanLineEdit

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea


# ============================================================================ lend


class LendPanel(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled
    GUARDS: ClassVar[dict[str, str]] = {"lend_button": "loans.lend"}
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
        self.use_mode.currentIndexChanged.connect(self._update_service)
        self.service_info = QLabel(self)
        self.service_info.setObjectName("lendService")
        self.service_info.setWordWrap(True)
        self.due = QDateEdit(self)
        self.due.setObjectName("lendDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        # the workstation's clerk name (printed as 经办人 on the slip), never the login name; remembered when changed
        self.clerk = QLineEdit(self.ctx.settings.clerk_name, self)
        self.clerk.setObjectName("lendClerk")
        self.notes = QLineEdit(self)
        self._build_approval()

        self._build_copy_box()

        self._build_request_box()

        self.lend_button = QPushButton(self.tr("&Lend and print slip (Ctrl+Enter)"), self)
        self.lend_button.setObjectName("lendButton")
        self.lend_button.clicked.connect(self.lend)
        clear = QPushButton(self.tr("&Clear"), self)
        clear.clicked.connect(self.clear)
        self.message = Message(self)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):  # only while the focus is on this tab
            _shortcut(QKeySequence(seq), self, self.lend_button.click, Qt.ShortcutContext.WidgetWithChildrenShortcut)

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
        form.addRow("", self.service_info)
        form.addRow(self.tr("&Due date:"), self.due)
        form.addRow(self.tr("Cler&k:"), self.clerk)
        form.addRow(self.tr("No&tes:"), self.notes)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.approval)
        side.addWidget(self.copy_box)
        side.addWidget(self.request_box)
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
        self._update_proofs()
        self._update_service()

    def _build_approval(self) -> None:
        """The approval box: an approving account or a paper approval (with accounts), a typed name (without)."""
        self.approval = QGroupBox(self.tr("Approval required"), self)
        self.approval.setObjectName("approvalBox")
        self.approval_reason = QLabel(self.approval)
        self.approval_reason.setWordWrap(True)
        self.approver = QLineEdit(self.approval)
        self.approver.setObjectName("lendApprover")
        self.opinion = QLineEdit(self.approval)
        self.opinion.setObjectName("lendOpinion")
        # a catalogue with accounts: an approving account (confirmed with its password) or a paper approval;
        # without accounts the approver's name is typed, as before
        self.approval_kind = QComboBox(self.approval)
        self.approval_kind.setObjectName("lendApprovalKind")
        self.approval_kind.addItem(self.tr("Approving account"), "account")
        self.approval_kind.addItem(self.tr("Paper approval"), "paper")
        self.approval_kind.currentIndexChanged.connect(self._show_approval_rows)
        self.approver_account = QComboBox(self.approval)
        self.approver_account.setObjectName("lendApproverAccount")
        self.approval_form_no = QLineEdit(self.approval)
        self.approval_form_no.setObjectName("lendApprovalFormNo")
        self.approval_date = QDateEdit(self.approval)
        self.approval_date.setObjectName("lendApprovalDate")
        self.approval_date.setCalendarPopup(True)
        self.approval_date.setDisplayFormat("yyyy-MM-dd")
        self.approval_date.setDate(_qdate(date.today()))
        self._accounts = False
        self._highest: str | None = None
        box = QVBoxLayout(self.approval)
        box.addWidget(self.approval_reason)
        self.approval_form = af = QFormLayout()
        af.addRow(self.tr("Approval &by:"), self.approval_kind)
        af.addRow(self.tr("Approving &account:"), self.approver_account)
        af.addRow(self.tr("A&pprover:"), self.approver)
        af.addRow(self.tr("Approval &form no.:"), self.approval_form_no)
        af.addRow(self.tr("Approval &date:"), self.approval_date)
        af.addRow(self.tr("&Opinion:"), self.opinion)
        box.addLayout(af)
        self._show_approval_rows()
        self.approval.hide()

    def _build_copy_box(self) -> None:
        # a copy (复制/摘录): what is copied, how many copies, the fee, 证明印记, made in the requester's presence
        self.copy_box = QGroupBox(self.tr("Copy"), self)
        self.copy_box.setObjectName("copyBox")
        self.copy_parts = QLineEdit(self.copy_box)
        self.copy_parts.setObjectName("copyParts")
        self.copy_parts.setPlaceholderText(self.tr("e.g. discharge record, pages 3-5"))
        self.copy_pages = QSpinBox(self.copy_box)
        self.copy_pages.setObjectName("copyPages")
        self.copy_pages.setRange(0, 99999)
        self.copy_pages.setSpecialValueText(self.tr("whole volume"))
        self.copy_count = QSpinBox(self.copy_box)
        self.copy_count.setRange(1, 999)
        self.copy_fee = QDoubleSpinBox(self.copy_box)
        self.copy_fee.setRange(0, 99999)
        self.copy_fee.setDecimals(2)
        self.copy_fee.setSuffix(self.tr(" yuan"))
        self.copy_stamped = QCheckBox(self.tr("Stamped (证明印记)"), self.copy_box)
        self.copy_presence = QCheckBox(self.tr("Made in the requester's presence"), self.copy_box)
        self.copy_presence.setChecked(True)
        cf = QFormLayout(self.copy_box)
        cf.addRow(self.tr("Parts:"), self.copy_parts)
        cf.addRow(self.tr("Pages copied:"), self.copy_pages)
        cf.addRow(self.tr("Copies:"), self.copy_count)
        cf.addRow(self.tr("Fee:"), self.copy_fee)
        cf.addRow(self.copy_stamped)
        cf.addRow(self.copy_presence)

    def _build_request_box(self) -> None:
        # personal records asked for from outside: who asks, and the proofs shown (a checklist)
        self.request_box = QGroupBox(self.tr("Request for personal records"), self)
        self.request_box.setObjectName("requestBox")
        self.requester = QComboBox(self.request_box)
        self.requester.setObjectName("requesterKind")
        for kind in loans.REQUESTER_KINDS:
            self.requester.addItem(loans.requester_label(kind), kind)
        self.requester.currentIndexChanged.connect(self._update_proofs)
        self.proofs = QListWidget(self.request_box)
        self.proofs.setObjectName("requestProofs")
        self.proofs.setMaximumHeight(110)
        rf = QFormLayout(self.request_box)
        rf.addRow(self.tr("Who asks:"), self.requester)
        rf.addRow(self.tr("Proofs shown:"), self.proofs)
        self.request_box.hide()

    def _settings(self) -> loans.LoanSettings:
        with self.ctx.db.read() as s:
            return loans.loan_settings(s)

    def reset_due(self) -> None:
        categories = [c.category_code for c in self.checks if c.lendable]
        with self.ctx.db.read() as s:
            self.due.setDate(_qdate(loans.default_due_date(s, None, categories)))

    # ------------------------------------------------------------ service and request

    def service(self) -> str:
        return loans.service_of(self.use_mode.currentText())

    def _update_service(self) -> None:
        """查阅: in the reading room, no due date; 复制: the copy's details; 借出: a due date."""
        service = self.service()
        self.service_info.setText({
            loans.CONSULT: self.tr("Consultation in the reading room: the original stays in the room, no due date."),
            loans.COPY: self.tr("Copy made now, in the requester's presence: the original stays in stock."),
        }.get(service, self.tr("Loan: the volumes leave the room until the due date.")))
        self.due.setEnabled(service == loans.LOAN)
        self.copy_box.setVisible(service == loans.COPY)
        self.lend_button.setText({loans.CONSULT: self.tr("Record consultation and print slip (Ctrl+Enter)"),
                                  loans.COPY: self.tr("Record copy and print slip (Ctrl+Enter)")}.get(
            service, self.tr("&Lend and print slip (Ctrl+Enter)")))

    def _update_proofs(self) -> None:
        kind = self.requester.currentData()
        with self.ctx.db.read() as s:
            proofs = loans.required_proofs(s, kind)
        self.proofs.clear()
        for proof in proofs:
            item = QListWidgetItem(proof, self.proofs)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def request(self) -> loans.OutsideRequest | None:
        if not self.request_box.isVisible():
            return None
        ticked = tuple(self.proofs.item(i).text() for i in range(self.proofs.count())
                       if self.proofs.item(i).checkState() == Qt.CheckState.Checked)
        return loans.OutsideRequest(self.requester.currentData(), ticked)

    def copies(self, ids: list[int]) -> dict[int, loans.CopyDetail] | None:
        if self.service() != loans.COPY:
            return None
        pages = {c.volume_id: c.pages for c in self.checks}
        return {vid: loans.CopyDetail(self.copy_parts.text(), self.copy_pages.value() or pages.get(vid, 0),
                                      self.copy_count.value(), round(self.copy_fee.value() * 100), self.copy_stamped.isChecked(),
                                      self.copy_presence.isChecked()) for vid in ids}

    # ------------------------------------------------------------ borrower

    def set_borrower(self, b: BorrowerRecord | None) -> None:
        self.borrower = b
        if b is None:
            self.borrower_info.setText(self.tr("No borrower chosen"))
            self.borrower_info.setStyleSheet("")
        else:
            parts = [b.name, b.kind_label, b.unit, masking.mask_borrower_fields(self.ctx.actor, b.phone, b.id_number)[0]]
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
            shown = masking.borrower_shown(self.ctx.actor, b.phone)  # the phone shown unmasked: logged once per choice
            if shown and masking.should_log(self.ctx.actor) and not self.ctx.db.read_only:
                run_op(self, masking.log_access_op, self.ctx.actor, "view", ((None, shown),), f"borrower:{b.id}")
        self._update_approval()

    def _on_borrower_edit_returnPressed(self) -> None:
        text = self.borrower_edit.text().strip()
        if not text:
            return
        with self.ctx.db.read() as s:
            exact = loans.find_borrower_by_card(s, text, self.ctx.actor) if text.isascii() else None
            found = [exact] if exact else loans.search_borrowers(s, text, limit=50, viewer=self.ctx.actor)
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
        log_borrowers_shown(self, self.ctx, ((b.id, b.phone, "") for b in found))  # the phones it lists, once per open
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen() is not None:
            self.set_borrower(picker.chosen())
            self.volume_edit.setFocus()

    # ------------------------------------------------------------ volumes

    def add_volume(self, code: str) -> bool:
        """A scanned or typed volume code; returns False when no volume has that code."""
        with self.ctx.db.read() as s:
            check = loans.find_volume_for_loan(s, code, self.ctx.actor)  # hidden titles masked
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
        self.reset_due()
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
        categories = [c.category_code for c in self.checks if c.lendable]
        with self.ctx.db.read() as s:
            reasons = loans.approval_reasons(s, kind, securities, self.use_mode.currentText(), categories)
            personal = loans.personal_categories(s, categories)
            known = [x for x in securities if x in SECURITY_LEVELS]
            self._highest = max(known, key=SECURITY_LEVELS.index) if known else None
            self._accounts = accounts.has_accounts(s)
            eligible = accounts.eligible_approvers(s, self._highest) if self._accounts and reasons else []
        self.request_box.setVisible(bool(personal) and kind != "staff")
        self.approval.setVisible(bool(reasons))
        self.approval_reason.setText(self.tr("Needed for: %1").replace("%1", "、".join(reasons)))
        chosen = self.approver_account.currentData()
        self.approver_account.clear()
        for a in eligible:
            self.approver_account.addItem(f"{a.display_name or a.username} ({a.username})", a.username)
        if chosen is not None and self.approver_account.findData(chosen) >= 0:
            self.approver_account.setCurrentIndex(self.approver_account.findData(chosen))
        self._show_approval_rows()

    def _show_approval_rows(self) -> None:
        """Which rows of the approval box apply: the typed name without accounts; with accounts, the account or
        the paper approval's name, form no. and date."""
        paper = self.approval_kind.currentData() == "paper"
        rows = {self.approval_kind: self._accounts, self.approver_account: self._accounts and not paper,
                self.approver: not self._accounts or paper, self.approval_form_no: self._accounts and paper,
                self.approval_date: self._accounts and paper}
        for widget, visible in rows.items():
            self.approval_form.setRowVisible(widget, visible)
        self.approver.setPlaceholderText(self.tr("the name on the approval form") if paper and self._accounts else "")

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
        needed = self.approval.isVisible()
        approver = self.approver.text() if needed else ""
        opinion = self.opinion.text() if needed else ""
        approval: loans.AccountApproval | loans.PaperApproval | None = None
        if needed and self._accounts:
            approver = ""
            if self.approval_kind.currentData() == "paper":
                approval = loans.PaperApproval(self.approver.text(), self.approval_form_no.text(),
                                               _pydate(self.approval_date.date()))
            else:
                username = self.approver_account.currentData()
                if not username:
                    self.message.error(self.tr("No account may approve this loan (the approve right and clearance "
                                               "for %1 are needed): record the paper approval instead.")
                                       .replace("%1", self._highest or self.tr("these volumes")))
                    self.approval_kind.setFocus()
                    return
                password = self.confirm_approver(username, self._highest)
                if password is None:
                    return
                approval = loans.AccountApproval(username, password)
        run_op(self, loans.lend, self.ctx.actor, self.borrower.id, ids, self.purpose.currentText(), self.use_mode.currentText(),
               _pydate(self.due.date()), approver, opinion, self.clerk.text(), notes=self.notes.text(),
               copies=self.copies(ids), request=self.request(), approval=approval,
               on_success=lambda record: self._lent(record, ids), on_error=self._lend_refused, key="loans.lend")

    def confirm_approver(self, username: str, security: str | None) -> str | None:
        """The approving account's password, checked in a small dialog (None: cancelled)."""
        dialog = ApproverDialog(self.ctx.db, username, security, self)
        return dialog.password if dialog.exec() == QDialog.DialogCode.Accepted else None

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
        self.approval_form_no.clear()
        self.opinion.clear()
        self.notes.clear()
        self.copy_parts.clear()
        self.copy_pages.setValue(0)
        self.copy_count.setValue(1)
        self.copy_fee.setValue(0)
        self.copy_stamped.setChecked(False)
        self._update_proofs()
        self.reset_due()
        self.message.info("")
        self.borrower_edit.setFocus()
