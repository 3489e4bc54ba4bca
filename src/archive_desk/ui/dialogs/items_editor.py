"""The items editor (卷内目录): add, insert, edit in place, reorder, renumber and withdraw the items of one
volume. Page numbers (页号) are derived from the page counts by the service after every change.

Keyboard: the list has focus first; F2 or typing edits a cell, Enter saves it; Ctrl+Up / Ctrl+Down move
the selected item; Del withdraws it (asks why); Ctrl+R renumbers. The "new item" row under the list
takes a title, 文号, responsible, date and pages; Enter there adds it at the end, Ctrl+Enter inserts it
before the selected item. Every step is saved at once (its own transaction, in the audit trail).

An item above the account's clearance (its volume's 密级 or its own) shows its title masked and its cells cannot be
edited: a masked title typed over must not replace the hidden one (``catalogue.update_item`` refuses it too).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError, ValidationError
from archive_desk.models import SECURITY_LEVELS
from archive_desk.services import catalogue, masking
from archive_desk.services.catalogue import ItemChange, ItemRecord
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import run_op
from archive_desk.ui.permissions import Ops, may
from archive_desk.ui.dialogs.reason import ReasonDialog
from archive_desk.ui.item_models.items_table import ItemsTableModel

_ERROR_STYLE = "color: #b00020;"


class ItemsEditor(QDialog):
    # (ui/permissions.py) what the role cannot do is disabled; editing in the table (catalogue.update_item) is switched
    # off for a role that may not, the table stays to read
    GUARDS: ClassVar[dict[str, Ops]] = {
        "add_button": "catalogue.add_item", "insert_button": "catalogue.add_item", "up_button": "catalogue.move_item",
        "down_button": "catalogue.move_item", "renumber_button": "catalogue.renumber_items",
        "withdraw_button": "catalogue.remove_item",
    }
    #: the volume's items changed (the area refreshes its row and the detail pane)
    itemsChanged = Signal(int)

    def __init__(self, ctx: AppContext, volume_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volume_id = volume_id
        self.setObjectName("itemsEditor")
        with ctx.db.read() as session:  # masked above the account's clearance (services/masking.py; items: _show_items)
            volume = masking.mask_volume(ctx.actor, catalogue.get_volume(session, volume_id))
            items = catalogue.list_items(session, volume_id)
        self._security = volume.security
        self.setWindowTitle(self.tr("Items of %1").replace("%1", volume.code))
        self.heading = QLabel(f"<b>{volume.code}</b> {volume.title}", self)
        self.heading.setWordWrap(True)
        self.model = ItemsTableModel(self, editable=True)
        self._show_items(items)
        self.model.editRequested.connect(self._on_model_editRequested)
        self.view = QTableView(self)
        self.view.setObjectName("itemsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setSectionResizeMode(ItemsTableModel.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for key, width in (("seq", 40), ("doc_no", 110), ("responsible", 90), ("date", 80), ("security", 55),
                           ("pages", 50), ("page_range", 70), ("code", 170)):
            self.view.setColumnWidth(ItemsTableModel.COLUMNS.index(key), width)

        self._build_new_item_row()

        self.message = QLabel(self)
        self.message.setObjectName("itemsMessage")
        self.message.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("itemsSummary")

        grid = QGridLayout()
        grid.addWidget(self.new_title, 0, 0, 1, 3)
        grid.addWidget(self.new_doc_no, 0, 3)
        grid.addWidget(self.new_responsible, 1, 0)
        grid.addWidget(self.new_date, 1, 1)
        grid.addWidget(self.new_pages, 1, 2)
        grid.addWidget(self.new_security, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        buttons_row = QGridLayout()
        for col, b in enumerate((self.add_button, self.insert_button, self.up_button, self.down_button,
                                 self.renumber_button, self.withdraw_button)):
            buttons_row.addWidget(b, 0, col)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addLayout(buttons_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(900, 600)

        self.add_button.clicked.connect(self.add_at_end)
        self.insert_button.clicked.connect(self.insert_before_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.renumber_button.clicked.connect(self.renumber)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        for w in (self.new_title, self.new_doc_no, self.new_responsible, self.new_date):
            w.returnPressed.connect(self.add_button.click)
        # the keys press the buttons: a button the role may not use (disabled) does nothing
        QShortcut(QKeySequence("Ctrl+Up"), self.view, self.up_button.click, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+Down"), self.view, self.down_button.click, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.withdraw_button.click,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+R"), self, self.renumber_button.click)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.insert_button.click)
        if not may(ctx.actor, "catalogue.update_item"):
            self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._update_summary()
        if items:
            self.view.selectRow(0)
        self.view.setFocus()

    def _build_new_item_row(self) -> None:
        """The fields of a new item and the buttons that add, move, renumber and withdraw items."""
        self.new_title = QLineEdit(self)
        self.new_title.setObjectName("newTitle")
        self.new_title.setPlaceholderText(self.tr("Title of the new item"))
        self.new_doc_no = QLineEdit(self)
        self.new_doc_no.setObjectName("newDocNo")
        self.new_doc_no.setPlaceholderText(self.tr("Document no."))
        self.new_responsible = QLineEdit(self)
        self.new_responsible.setObjectName("newResponsible")
        self.new_responsible.setPlaceholderText(self.tr("Responsible"))
        self.new_date = QLineEdit(self)
        self.new_date.setObjectName("newDate")
        self.new_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.new_pages = QSpinBox(self)
        self.new_pages.setObjectName("newPages")
        self.new_pages.setRange(0, 10000)
        self.new_pages.setPrefix(self.tr("pages: "))
        self.new_security = QComboBox(self)
        self.new_security.setObjectName("newSecurity")
        for level in SECURITY_LEVELS:
            self.new_security.addItem(level, level)
        self.add_button = QPushButton(self.tr("&Add at end"), self)
        self.add_button.setObjectName("addItem")
        self.insert_button = QPushButton(self.tr("&Insert before selected"), self)
        self.insert_button.setObjectName("insertItem")
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setObjectName("moveUp")
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.down_button.setObjectName("moveDown")
        self.renumber_button = QPushButton(self.tr("&Renumber"), self)
        self.renumber_button.setObjectName("renumber")
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), self)
        self.withdraw_button.setObjectName("withdraw")
        for b in (self.add_button, self.insert_button, self.up_button, self.down_button, self.renumber_button, self.withdraw_button):
            b.setAutoDefault(False)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        """Enter adds an item (or ends a cell edit); it never closes the editor. Esc does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ helpers

    def selected_item(self):  # noqa: ANN201 - ItemRecord | None
        index = self.view.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _show_items(self, items: list[ItemRecord]) -> None:
        """The items, masked above the account's clearance, those read-only (``catalogue.update_item`` refuses them)."""
        self.model.set_items(masking.mask_items(self.ctx.actor, self._security, items))
        self.model.set_locked(frozenset(i.id for i in items if masking.above_clearance(
            self.ctx.actor, masking.higher(self._security, i.security))))

    def _apply(self, change: ItemChange, select_id: int | None = None) -> None:
        self._show_items(list(change.items))
        if select_id is not None:
            row = self.model.row_of(select_id)
            if row is not None:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
        self._update_summary()
        self.itemsChanged.emit(self.volume_id)

    def _update_summary(self) -> None:
        items = self.model.items()
        pages = sum(i.pages for i in items)
        self.summary.setText(self.tr("%1 item(s), %2 page(s)").replace("%1", str(len(items))).replace("%2", str(pages)))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(_ERROR_STYLE if error else "")
        self.message.setText(text)

    def _run(self, fn, select_id_of=None, then=None):  # noqa: ANN001, ANN202
        """Run one service call in its own write transaction, in the background (``ui/ops.run_op``); show a
        problem under the list; ``then(change)`` after it succeeded."""

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationError):
                self._say("；".join(exc.problems.values()), error=True)
                return True
            if isinstance(exc, UserError):
                self._say(str(exc), error=True)
                return True
            return False

        def done(change) -> None:  # noqa: ANN001
            self._say("")
            self._apply(change, select_id_of(change) if select_id_of else None)
            if then is not None:
                then(change)

        return run_op(self, fn, on_success=done, on_error=failed)

    def _new_values(self) -> dict[str, object]:
        return {"title": self.new_title.text(), "doc_no": self.new_doc_no.text(), "responsible": self.new_responsible.text(),
                "date": self.new_date.text().strip() or None, "pages": self.new_pages.value(),
                "security": self.new_security.currentData()}

    def _clear_new(self) -> None:
        for w in (self.new_title, self.new_doc_no, self.new_date):
            w.clear()
        self.new_pages.setValue(0)
        self.new_title.setFocus()

    # ------------------------------------------------------------ actions

    def add_at_end(self) -> None:
        self._add(None)

    def insert_before_selected(self) -> None:
        item = self.selected_item()
        self._add(item.seq if item else None)

    def _add(self, position: int | None) -> None:
        data = self._new_values()
        before = {i.id for i in self.model.items()}
        self._run(lambda s: catalogue.add_item(s, self.ctx.actor, self.volume_id, data, position=position),
                  lambda ch: next((i.id for i in ch.items if i.id not in before), None), then=lambda _ch: self._clear_new())

    def move_selected(self, delta: int) -> None:
        item = self.selected_item()
        if item is None:
            return
        target = item.seq + delta
        if not 1 <= target <= self.model.rowCount():
            return
        self._run(lambda s: catalogue.move_item(s, self.ctx.actor, item.id, target), lambda _ch: item.id)
        self.view.setFocus()

    def renumber(self) -> None:
        item = self.selected_item()
        said = self.tr("Items renumbered; page numbers follow the page counts.")
        self._run(lambda s: catalogue.renumber_items(s, self.ctx.actor, self.volume_id), lambda _ch: item.id if item else None,
                  then=lambda _ch: self._say(said))

    def ask_withdraw(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        dialog = ReasonDialog(self.tr("Withdraw item"),
                              self.tr("Withdraw item %1 “%2” from the list? It is kept, marked withdrawn, with your reason.")
                              .replace("%1", str(item.seq)).replace("%2", item.title), self)
        dialog.accepted.connect(lambda: self.withdraw(item.id, dialog.text()))
        self.reason_dialog = dialog
        dialog.open()

    def withdraw(self, item_id: int, reason: str) -> None:
        self._run(lambda s: catalogue.remove_item(s, self.ctx.actor, item_id, reason))

    def _on_model_editRequested(self, item_id: int, column: str, text: str) -> None:
        item = next((i for i in self.model.items() if i.id == item_id), None)
        if item is None:
            return
        value: object = text
        if column == "pages":
            value = text.strip()
        if column == "date":
            value = text.strip() or None
        self._run(lambda s: catalogue.update_item(s, self.ctx.actor, item_id, item.version, {column: value}), lambda _ch: item_id)
