"""The Borrowers tab: find, register, edit, deactivate, lend to, import a staff list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import loans, masking
from archive_desk.services.loans import BorrowerRecord
from archive_desk.ui.areas.lending.common import Message, _item, _setup_table, log_borrowers_shown
from archive_desk.ui.dialogs.lending import BorrowerDialog
from archive_desk.ui.ops import OpRun, run_op

if TYPE_CHECKING:  # the area imports this panel
    from archive_desk.ui.areas.lending.area import LendingArea


# ============================================================================ borrowers


#: how long a borrowers list stays as it is before the phones it shows are logged (milliseconds)
LOG_SETTLE_MS = 1500

class BorrowersPanel(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled; "lend to" only fills the lend tab (its lend button is guarded)
    GUARDS: ClassVar[dict[str, str]] = {"new_button": "loans.create_borrower", "edit_button": "loans.update_borrower",
                                         "toggle": "loans.set_borrower_active", "import_button": "loans.import_borrowers"}
    def __init__(self, area: LendingArea) -> None:
        super().__init__(area)
        self.area = area
        self.ctx = area.ctx
        self.records: list[BorrowerRecord] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("borrowerSearch")
        self.search.setPlaceholderText(self.tr("Search name, unit, card no. or phone"))
        self.search.textChanged.connect(self.refresh)
        # the phones a list shows are logged once it settles: a name typed letter by letter is one view, not one
        # per keystroke (each load restarts the wait)
        self.log_timer = QTimer(self)
        self.log_timer.setSingleShot(True)
        self.log_timer.setInterval(LOG_SETTLE_MS)
        self.log_timer.timeout.connect(self._log_shown)
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
        self.new_button = new
        edit = QPushButton(self.tr("&Edit…"), self)
        edit.clicked.connect(self.edit_selected)
        self.edit_button = edit
        self.toggle = QPushButton(self.tr("Deac&tivate"), self)
        self.toggle.clicked.connect(self.toggle_selected)
        lend = QPushButton(self.tr("&Lend to…"), self)
        lend.clicked.connect(self.lend_to_selected)
        imp = QPushButton(self.tr("&Import staff list…"), self)
        imp.clicked.connect(self.import_list)
        self.import_button = imp
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
                                                  kind=self.kind.currentData() or None, limit=1000, viewer=self.ctx.actor)
        self.table.setRowCount(len(self.records))
        for row, b in enumerate(self.records):
            color = None if b.active else QColor("#888888")
            phone, _id = masking.mask_borrower_fields(self.ctx.actor, b.phone, b.id_number)
            values = (b.name, b.kind_label, b.unit, phone, b.masked_id, b.card_no or "", self.tr("yes") if b.active else self.tr("no"), b.notes)
            for col, value in enumerate(values):
                self.table.setItem(row, col, _item(value, color=color))
        self.table.resizeColumnsToContents()
        self._update_toggle()
        self.log_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt
        """A list hidden (another tab, the window closing) before it settled was still seen: log it now."""
        if self.log_timer.isActive():
            self.log_timer.stop()
            self._log_shown()
        super().hideEvent(event)

    def _log_shown(self) -> None:
        """The phones shown unmasked (the ID numbers are shown masked to everyone): logged, one write per load."""
        log_borrowers_shown(self, self.ctx, ((b.id, b.phone, "") for b in self.records))

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
        self._save_from(dialog, lambda values: (loans.create_borrower, self.ctx.actor, values),
                        lambda b: self.tr("%1 registered.").replace("%1", b.name))

    def edit_selected(self) -> None:
        b = self.selected()
        if b is None or not self.edit_button.isEnabled():  # (a double click, for a role that may not edit)
            return
        dialog = BorrowerDialog(self.tr("Edit borrower"), b, self)
        log_borrowers_shown(self, self.ctx, ((b.id, b.phone, ""),))  # the phone it shows unmasked, once per open
        self._save_from(dialog, lambda values: (loans.update_borrower, self.ctx.actor, b.id, b.version, values),
                        lambda after: self.tr("%1 saved.").replace("%1", after.name))

    def _save_from(self, dialog: BorrowerDialog, call: Callable[[dict], tuple], said: Callable[[BorrowerRecord], str]) -> None:
        """Ask in ``dialog``, then save in the background (``ui/ops.run_op``); a refusal reopens the dialog with the
        problem shown, until the clerk saves or cancels."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            dialog.show_problem(exc)
            self._save_from(dialog, call, said)
            return True

        def done(record: BorrowerRecord) -> None:
            self.message.ok(said(record))
            self.refresh()

        run_op(self, *call(dialog.values()), on_success=done, on_error=refused)

    def toggle_selected(self) -> None:
        b = self.selected()
        if b is None:
            return

        def done(after: BorrowerRecord) -> None:
            self.message.ok((self.tr("%1 reactivated.") if after.active else self.tr("%1 deactivated; the loan history is kept.")).replace("%1", after.name))
            self.refresh()

        run_op(self, loans.set_borrower_active, self.ctx.actor, b.id, not b.active, expected_version=b.version,
               on_success=done, on_error=self.message.refused, key=f"loans.borrower.active:{b.id}")

    def lend_to_selected(self) -> None:
        b = self.selected()
        if b is not None:
            self.area.lend_to(b)

    def import_list(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Import staff list"), str(Path.home()),
                                               self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> OpRun | None:
        """Plan the import, ask, then import in the background (``ui/ops.run_op``); the run, or None when not asked."""
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
        return run_op(self, loans.import_borrowers, self.ctx.actor, path, on_success=self._imported,
                      on_error=self.message.refused, key="loans.import_borrowers")

    def _imported(self, result: loans.BorrowerImportResult) -> None:
        details = [f"{p.sheet}!{p.row} {p.key}: {p.reason}" for p in (*result.duplicates, *result.existing, *result.rejected)]
        text = self.tr("Imported %1 borrower(s).").replace("%1", str(result.created))
        if details:
            text += " " + self.tr("Not imported: %1").replace("%1", "；".join(details[:20]) + ("…" if len(details) > 20 else ""))
        self.message.ok(text)
        self.refresh()
