"""Pages of room settings, generated from the registry's specs (``services/room_settings.SPECS``).

Each setting gets an editor for its type: a spin box for a number, a line for text, a drop-down for a choice,
one name a line for a list, tick boxes and a drop-down for the approval rules, JSON for the rest. Save sends
the changed ones through ``room_settings.update`` (checked, audited, one ``setting.change`` entry); the values
before the last save are kept and 撤销 puts them back (through the same operation).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk.models import SECURITY_LEVELS
from archive_desk.services import permissions, room_settings
from archive_desk.services.room_settings import SettingSpec
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import run_op, say_in
from archive_desk.ui.permissions import Ops, Target


class SettingEditor(QWidget):
    """The editor of one setting; ``value()`` returns what the person set, in the setting's stored form."""

    edited = Signal()

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"setting_{spec.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._get: Callable[[], Any]
        self._set: Callable[[Any], None]
        kind = spec.kind
        if kind == "int":
            w = QSpinBox(self)
            w.setRange(0, 100_000)
            w.setMaximumWidth(140)
            w.valueChanged.connect(self.edited)
            self._get, self._set = w.value, lambda v: w.setValue(int(v))
        elif kind == "text":
            w = QLineEdit(self)
            w.textChanged.connect(self.edited)
            self._get, self._set = w.text, lambda v: w.setText(str(v))
        elif kind == "choice":
            w = QComboBox(self)
            for choice in spec.choices:
                w.addItem(self._choice_text(choice), choice)
            w.currentIndexChanged.connect(self.edited)
            self._get, self._set = w.currentData, lambda v: w.setCurrentIndex(max(0, w.findData(v)))
        elif kind == "list":
            w = QPlainTextEdit(self)
            w.setPlaceholderText(self.tr("One a line"))
            w.setFixedHeight(w.fontMetrics().lineSpacing() * 7 + 12)
            w.textChanged.connect(self.edited)
            self._get = lambda: [line.strip() for line in w.toPlainText().splitlines() if line.strip()]
            self._set = lambda v: w.setPlainText("\n".join(v))
        elif kind == "rules":
            w = self._rules_editor()
        else:  # lists, names, years: JSON, as the room command takes them
            w = QPlainTextEdit(self)
            w.setFixedHeight(w.fontMetrics().lineSpacing() * 3 + 12)
            w.textChanged.connect(self.edited)
            self._get = lambda: self._json(w.toPlainText())
            self._set = lambda v: w.setPlainText(room_settings.as_text(spec.key, v))
        self.widget = w
        layout.addWidget(w)
        w.setToolTip(spec.description())

    def _choice_text(self, choice: str) -> str:
        texts = {"zh_CN": self.tr("Chinese"), "en": self.tr("English"), "2d": self.tr("2D imagers (Code 128 and Data Matrix)"),
                 "1d": self.tr("1D laser scanners (Code 128 only)")}
        return texts.get(choice, choice)

    @staticmethod
    def _json(text: str) -> Any:
        try:
            return json.loads(text)
        except ValueError:
            return text  # refused by the setting's check, with a message naming it

    def _rules_editor(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        level = QComboBox(box)
        level.setObjectName("ruleSecurity")
        level.addItem(self.tr("no approval by security level"), "")
        for name in SECURITY_LEVELS[1:]:
            level.addItem(self.tr("%1 and above").replace("%1", name), name)
        outside = QCheckBox(self.tr("Borrowers from outside the organisation need approval"), box)
        outside.setObjectName("ruleOutside")
        take_away = QCheckBox(self.tr("Taking volumes out of the room needs approval"), box)
        take_away.setObjectName("ruleTakeAway")
        uses = QLineEdit(box)
        uses.setObjectName("ruleTakeAwayUses")
        uses.setPlaceholderText(self.tr("the ways of use that take a volume away, e.g. 外借 (empty: the default)"))
        form.addRow(self.tr("Security level"), level)
        form.addRow(outside)
        form.addRow(take_away)
        form.addRow(self.tr("Uses that take away"), uses)
        for signal in (level.currentIndexChanged, outside.toggled, take_away.toggled, uses.textChanged):
            signal.connect(self.edited)
        self.rule_widgets = (level, outside, take_away, uses)

        def get() -> dict[str, Any]:
            value: dict[str, Any] = {"security_at_or_above": level.currentData(), "outside_borrowers": outside.isChecked(),
                                     "take_away": take_away.isChecked()}
            names = [u.strip() for u in uses.text().replace("、", ",").replace("，", ",").split(",") if u.strip()]
            if names:
                value["take_away_uses"] = names
            return value

        def put(value: Any) -> None:
            level.setCurrentIndex(max(0, level.findData(value.get("security_at_or_above", ""))))
            outside.setChecked(bool(value.get("outside_borrowers", False)))
            take_away.setChecked(bool(value.get("take_away", False)))
            uses.setText("、".join(value.get("take_away_uses") or ()))

        self._get, self._set = get, put
        return box

    def value(self) -> Any:
        return self._get()

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        try:
            self._set(value)
        finally:
            self.blockSignals(False)


class SettingsPage(QWidget):
    # (ui/permissions.py) saving runs settings.update; ``guarded`` adds whose keys these are (the room's particulars
    # are the administrator's, the rest the archivist's)
    GUARDS: ClassVar[dict[str, Ops]] = {"save_button": "settings.update", "undo_button": "settings.update"}

    def guarded(self) -> list[tuple[Target, Ops]]:
        whose = (permissions.SETTINGS_PARTICULARS if set(self.keys) <= set(room_settings.PARTICULARS_KEYS)
                 else permissions.SETTINGS_ARCHIVAL)
        return [(self.save_button, whose), (self.undo_button, whose)]

    """Some room settings, each with its label, editor and description; Save and 撤销 (undo the last save)."""

    saved = Signal(object)  # RoomSettings

    def __init__(self, ctx: AppContext, keys: Sequence[str], intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.keys = tuple(keys)
        self.current: dict[str, Any] = {}
        #: the values before the last save (only those it changed), for 撤销
        self.undo_values: dict[str, Any] | None = None
        self.editors: dict[str, SettingEditor] = {}
        form = QFormLayout()
        for key in self.keys:
            spec = room_settings.BY_KEY[key]
            editor = SettingEditor(spec, self)
            editor.edited.connect(self._on_editor_edited)
            self.editors[key] = editor
            form.addRow(spec.label(), editor)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self.tr("Undo the last change"), self)
        self.undo_button.setObjectName("undoSettings")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        self.body = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            self.body.addWidget(label)
        self.body.addLayout(form)
        self.body.addWidget(self.problem)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.load()

    def load(self) -> None:
        values = room_settings.read(self.ctx.db).as_dict()
        self.current = {k: values[k] for k in self.keys}
        for key, editor in self.editors.items():
            editor.set_value(self.current[key])
        self.save_button.setEnabled(False)

    def changes(self) -> dict[str, Any]:
        """The settings the person changed, with their new values."""
        return {k: e.value() for k, e in self.editors.items() if e.value() != self.current[k]}

    def _on_editor_edited(self) -> None:
        self.problem.setText("")
        self.save_button.setEnabled(bool(self.changes()))

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            return
        before = {k: self.current[k] for k in changes}
        run_op(self, room_settings.update, self.ctx.actor, **changes,
               on_success=lambda rs: self._after_save(rs, before), on_error=say_in(self.problem),
               key=f"settings.update:{id(self)}")

    def _after_save(self, settings: room_settings.RoomSettings, before: dict[str, Any]) -> None:
        self.undo_values = before
        self.undo_button.setEnabled(True)
        names = "、".join(room_settings.BY_KEY[k].label() for k in before)
        self.status.setText(self.tr("Saved: %1").replace("%1", names))
        self.load()
        self.saved.emit(settings)

    def undo(self) -> None:
        """Put back the values the last save replaced (one more audited change)."""
        if not self.undo_values:
            return
        values = self.undo_values
        run_op(self, room_settings.update, self.ctx.actor, **values, on_success=self._after_undo,
               on_error=say_in(self.problem), key=f"settings.undo:{id(self)}")

    def _after_undo(self, settings: room_settings.RoomSettings) -> None:
        self.undo_values = None
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("The last change was undone."))
        self.load()
        self.saved.emit(settings)
