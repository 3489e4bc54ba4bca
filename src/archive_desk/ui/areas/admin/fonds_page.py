"""Fonds (全宗): the list, a new one, a new name, deactivate / bring back."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.services import catalogue, room_setup
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import run_op, say_in
from archive_desk.ui.permissions import Ops


class FondsPage(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled
    GUARDS: ClassVar[dict[str, Ops]] = {"add_button": "catalogue.create_fonds", "rename_button": "setup.rename_fonds",
                                        "active_button": "setup.set_fonds_active"}
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fondsPage")
        self.rows: list[room_setup.FondsRow] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("fondsList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Fonds code"), self.tr("Fonds name"), self.tr("Volumes"), self.tr("State")])
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 320)
        self.tree.currentItemChanged.connect(self._on_tree_currentItemChanged)

        self.code = QLineEdit(self)
        self.code.setObjectName("fondsCode")
        self.code.setPlaceholderText(self.tr("e.g. Z109"))
        self.name = QLineEdit(self)
        self.name.setObjectName("fondsName")
        self.name.setPlaceholderText(self.tr("e.g. 临川市第一人民医院"))
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.add_button = QPushButton(self.tr("Add fonds"), self)
        self.add_button.setObjectName("addFonds")
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Save the name"), self)
        self.rename_button.setObjectName("renameFonds")
        self.rename_button.clicked.connect(self.rename)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.active_button.setObjectName("toggleFonds")
        self.active_button.clicked.connect(self.toggle_active)
        group = QGroupBox(self.tr("Fonds"), self)
        form = QFormLayout(group)
        form.addRow(self.tr("Fonds code (全宗号)"), self.code)
        form.addRow(self.tr("Fonds name (全宗名称)"), self.name)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.rename_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.problem)
        hint = QLabel(self.tr("A fonds code is part of every 档号 and cannot change once volumes use it; a fonds no "
                              "longer in use is deactivated, never deleted."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(group)
        layout.addWidget(hint)
        self.load()

    def load(self, select_id: int | None = None) -> None:
        with self.ctx.db.read() as session:
            self.rows = room_setup.list_fonds(session)
        self.tree.clear()
        for row in self.rows:
            item = QTreeWidgetItem([row.code, row.name, str(row.volumes), self.tr("in use") if row.active else self.tr("inactive")])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            self.tree.addTopLevelItem(item)
            if row.id == select_id:
                self.tree.setCurrentItem(item)
        self._on_tree_currentItemChanged(self.tree.currentItem(), None)

    def selected(self) -> room_setup.FondsRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        fonds_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == fonds_id), None)

    def _on_tree_currentItemChanged(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        row = self.selected() if current is not None else None
        self.rename_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        if row is not None:
            self.code.setText(row.code)
            self.name.setText(row.name)
            self.active_button.setText(self.tr("Deactivate") if row.active else self.tr("Bring back"))

    def add(self) -> None:
        self.problem.setText("")
        run_op(self, catalogue.create_fonds, self.ctx.actor, self.code.text(), self.name.text(),
               on_success=lambda rec: self.load(rec.id), on_error=say_in(self.problem), key=f"fonds.add:{id(self)}")

    def rename(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.problem.setText("")
        run_op(self, room_setup.rename_fonds, self.ctx.actor, row.id, self.name.text(),
               on_success=lambda r: self.load(r.id), on_error=say_in(self.problem), key=f"fonds.rename:{id(self)}")

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        run_op(self, room_setup.set_fonds_active, self.ctx.actor, row.id, not row.active,
               on_success=lambda r: self.load(r.id), on_error=say_in(self.problem), key=f"fonds.active:{id(self)}")
