"""The volume editor: the volume's fields and its category's own, the proposed next 档号, and live
validation messages under each field (``catalogue.validate_volume`` on a read session, a moment after
each change).

Keyboard only: Tab walks the fields in order, Ctrl+Enter or Ctrl+S saves, Esc cancels, Alt+U takes the
proposed 档号, Ctrl+Z undoes typing inside a field and "Revert" (Ctrl+R) brings back the values the
dialog opened with. Saving a volume that somebody else changed meanwhile ends in a "changed meanwhile"
message with the choice to reload it (your values are lost only if you say so).

What the logged-in role may change: a new volume is the archivist's (密级 included); once it exists, its 密级 and
保密期限 are the security administrator's (``catalogue.set_security``), the rest the archivist's. The editor shows
every field to everyone who may look, and lets change only what the role may (the others read-only, with a
tooltip saying why); the security administrator's save changes just those two (``catalogue.set_security``).

A volume above the account's clearance is loaded masked (``services/masking.py``: its title, notes and own fields
read （密级高于您的权限）) and every field is read-only, with a note at the top saying why: a person cannot change text
they may not read (``catalogue.update_volume`` refuses it too). The security administrator still changes its 密级 and
保密期限, whatever their own clearance.

After saving, ``saved`` carries the new record and the values it had before (None for a new volume):
the catalogue area keeps them to offer "Undo last change".
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import codes
from archive_desk.errors import StaleEditError, UserError, ValidationError
from archive_desk.models import SECURITY_LEVELS, FieldType, FilingMode
from archive_desk.services import catalogue, lookups, masking, permissions, room_setup
from archive_desk.services.catalogue import CategoryRecord, VolumeRecord
from archive_desk.services.ops import WriteSession as Session
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.permissions import Ops, Target, may

_ERROR_STYLE = "color: #b00020;"
_NOTE_STYLE = "background: #fff4d6; border: 1px solid #e0c070; padding: 6px;"


# the operations of the editor's save (``guarded`` says which one for a new or an existing volume)
CREATE, UPDATE, SET_SECURITY = "catalogue.create_volume", "catalogue.update_volume", "catalogue.set_security"


class VolumeEditor(QDialog):
    saved = Signal(object, object)  # VolumeRecord, dict of previous values (None when created)
    # (ui/permissions.py) saving runs one of these; ``guarded`` names the one for this volume
    GUARDS: ClassVar[dict[str, Ops]] = {"save_button": (CREATE, UPDATE, SET_SECURITY)}

    def __init__(self, ctx: AppContext, volume_id: int | None = None, *, prefill: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("volumeEditor")
        self.volume_id = volume_id
        self.record: VolumeRecord | None = None
        self.problems: dict[str, str] = {}
        self.proposed: str | None = None
        self._loading = False
        self._custom_widgets: dict[str, QLineEdit | QComboBox] = {}
        self.messages: dict[str, QLabel] = {}

        with ctx.db.read() as session:
            self.categories = {c.id: c for c in catalogue.list_categories(session)}
            if volume_id is not None:
                self.record = self._read_record(session, volume_id)
            # fonds deactivated under 设置 are not offered, except the one the edited volume belongs to
            active = room_setup.active_fonds_codes(session)
            own = self.record.fonds_id if self.record is not None else None
            self.fonds_list = [f for f in catalogue.list_fonds(session) if f.code in active or f.id == own]

        #: above the account's clearance: shown masked, nothing but 密级 and 保密期限 (the secadmin's) changes
        self.hidden = self.record is not None and masking.above_clearance(ctx.actor, self.record.security)
        self.setWindowTitle(self.tr("New volume") if volume_id is None else self.tr("Edit volume %1").replace("%1", self.record.code if self.record else ""))
        self._build()
        self._load(self._initial_values(prefill))
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(150)
        self._validate_timer.timeout.connect(self.validate_now)
        self._connect_changes(self)
        self._apply_role()
        self.validate_now()

    # ------------------------------------------------------------ what the role may change

    def _read_record(self, session: Session, volume_id: int) -> VolumeRecord:
        """The volume as the account may see it (masked above its clearance; ``services/masking.py``)."""
        record = catalogue.get_volume(session, volume_id)
        if record.category_id not in self.categories:
            self.categories[record.category_id] = catalogue.get_category(session, record.category_id)
        return masking.mask_volume(self.ctx.actor, record, self.categories[record.category_id])

    def may_edit(self) -> bool:
        """May the account change the volume's fields other than 密级 and 保密期限 (all of them for a new one)? Not
        those of a volume above its clearance: what it may not read it may not change."""
        return not self.hidden and may(self.ctx.actor, CREATE if self.record is None else UPDATE)

    def _read_only_reason(self) -> str:
        """Why the fields other than 密级 and 保密期限 are read-only ("" when they are not)."""
        if self.hidden:
            return self.tr("This volume is outside your clearance: its text is masked and cannot be changed.")
        if not self.may_edit():
            return self.tr("Your role (%1) may not change this volume: it is shown to read.").replace(
                "%1", permissions.role_name(self.ctx.actor.role))
        return ""

    def may_set_security(self) -> bool:
        """May the role change 密级 and 保密期限? A new volume's are its creator's."""
        return self.may_edit() if self.record is None else may(self.ctx.actor, SET_SECURITY)

    def guarded(self) -> list[tuple[Target, Ops]]:
        return [(self.save_button, CREATE if self.record is None else (UPDATE, SET_SECURITY))]

    def _apply_role(self) -> None:
        """Fields the role may not change are read-only, with the reason in their tooltip."""
        role = permissions.role_name(self.ctx.actor.role)
        if not self.may_set_security():
            why = self.tr("Your role (%1) may not change a volume's security level and period: the security "
                          "administrator sets them.").replace("%1", role)
            for widget in (self.security, self.security_period):
                widget.setEnabled(False)
                widget.setToolTip(why)
        why = self._read_only_reason()
        if why:
            self._read_only([self.fonds, self.category, self.year, self.retention, self.org, self.code, self.use_proposed,
                             self.title_edit, self.responsible, self.start_date, self.end_date, self.pages, self.box_no,
                             self.item_start, self.item_end, self.notes, *self._custom_widgets.values()], why)
        if self.hidden:
            self._show_clearance_note()

    def _show_clearance_note(self) -> None:
        """The note at the top of a volume above the account's clearance; nothing left to save but the secadmin's
        密级 and 保密期限."""
        if self.may_set_security():
            text = self.tr("Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and "
                           "cannot be changed. You may still change its security level and period.")
        else:
            text = self.tr("Volume %1 (%2) is outside your clearance (%3): its title, notes and fields are masked and "
                           "cannot be changed.")
        text = text.replace("%1", self.record.code if self.record else "").replace(
            "%2", self.record.security if self.record else "").replace("%3", self.ctx.actor.clearance or "")
        if not self.may_set_security():
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(text)
        self.clearance_note.setText(text)
        self.clearance_note.show()

    @staticmethod
    def _read_only(widgets: list[QWidget], why: str) -> None:
        for widget in widgets:
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(True)  # (still selectable, to copy)
            else:
                widget.setEnabled(False)
            widget.setToolTip(why)

    # ------------------------------------------------------------ layout

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget, extra: QWidget | None = None) -> None:
        """A row: the widget (and an optional extra beside it) with its message line under it."""
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        if extra is not None:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            row.addWidget(extra)
            col.addLayout(row)
        else:
            col.addWidget(widget)
        message = QLabel(box)
        message.setObjectName(f"message_{key}")
        message.setStyleSheet(_ERROR_STYLE)
        message.setWordWrap(True)
        message.hide()
        col.addWidget(message)
        self.messages[key] = message
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        form.addRow(caption, box)

    def _build(self) -> None:
        self._make_fields()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f = self.form
        self._field(f, "fonds_id", self.tr("&Fonds"), self.fonds)
        self._field(f, "category_id", self.tr("&Category"), self.category)
        self._field(f, "year", self.tr("&Year"), self.year)
        self._field(f, "retention", self.tr("&Retention"), self.retention)
        self._field(f, "org_code", self.tr("&Organisation"), self.org)
        self._field(f, "code", self.tr("Archival &code"), self.code, self.use_proposed)
        f.addRow("", self.proposed_label)
        self._field(f, "title", self.tr("&Title"), self.title_edit)
        self._field(f, "responsible", self.tr("Res&ponsible"), self.responsible)
        self._field(f, "security", self.tr("&Security"), self.security, self.security_period)
        self._field(f, "start_date", self.tr("Start date"), self.start_date)
        self._field(f, "end_date", self.tr("End date"), self.end_date)
        self._field(f, "pages", self.tr("Pa&ges"), self.pages)
        self._field(f, "box_no", self.tr("Box no."), self.box_no)
        self._field(f, "item_start", self.tr("First item no."), self.item_start)
        self._field(f, "item_end", self.tr("Last item no."), self.item_end)
        self._field(f, "notes", self.tr("&Notes"), self.notes)
        self.messages["security_period"] = self.messages["security"]

        self.custom_form = QFormLayout()
        self.custom_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.custom_box = QWidget(self)
        self.custom_box.setLayout(self.custom_form)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self.form)
        self.custom_title = QLabel(self)
        inner_layout.addWidget(self.custom_title)
        inner_layout.addWidget(self.custom_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)

        self.clearance_note = QLabel(self)
        self.clearance_note.setObjectName("clearanceNote")
        self.clearance_note.setStyleSheet(_NOTE_STYLE)
        self.clearance_note.setWordWrap(True)
        self.clearance_note.hide()

        self.general_message = QLabel(self)
        self.general_message.setObjectName("generalMessage")
        self.general_message.setStyleSheet(_ERROR_STYLE)
        self.general_message.setWordWrap(True)
        self.general_message.hide()

        self._make_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.clearance_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self.resize(640, 760)

    def _make_buttons(self) -> None:
        """Save, revert and cancel, and their shortcuts."""
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.revert_button = self.buttons.addButton(self.tr("Revert"), QDialogButtonBox.ButtonRole.ResetRole)
        self.revert_button.setObjectName("revert")
        self.revert_button.setToolTip(self.tr("Bring back the values the editor opened with (Ctrl+R)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        cancel.clicked.connect(self.reject)
        self.use_proposed.clicked.connect(self._on_useProposed_clicked)
        self.category.currentIndexChanged.connect(self._on_category_changed)
        for seq in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(seq), self, self.save)
        QShortcut(QKeySequence("Ctrl+R"), self, self.revert)

    def _make_fields(self) -> None:
        """The editors of the volume's own fields (the category's own fields: ``_rebuild_custom``)."""
        self.fonds = QComboBox(self)
        self.fonds.setObjectName("fonds")
        for f in self.fonds_list:
            self.fonds.addItem(f"{f.code} {f.name}", f.id)
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for c in self.categories.values():
            self.category.addItem(f"{c.code} {c.name}", c.id)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1900, 2100)
        self.retention = QComboBox(self)
        self.retention.setObjectName("retention")
        for r in codes.RETENTIONS:
            self.retention.addItem(f"{r} {catalogue.retention_label(r)}", r)
        self.org = QLineEdit(self)
        self.org.setObjectName("org_code")
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.use_proposed = QPushButton(self.tr("&Use proposed"), self)
        self.use_proposed.setObjectName("useProposed")
        self.use_proposed.setAutoDefault(False)
        self.proposed_label = QLabel(self)
        self.proposed_label.setObjectName("proposedCode")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.responsible = QLineEdit(self)
        self.responsible.setObjectName("responsible")
        self.security = QComboBox(self)
        self.security.setObjectName("security")
        for level in SECURITY_LEVELS:
            self.security.addItem(level, level)
        self.security_period = QSpinBox(self)
        self.security_period.setObjectName("security_period")
        self.security_period.setRange(0, 30)
        self.security_period.setSpecialValueText(self.tr("none"))
        self.security_period.setSuffix(self.tr(" years"))
        self.start_date = QLineEdit(self)
        self.start_date.setObjectName("start_date")
        self.start_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end_date = QLineEdit(self)
        self.end_date.setObjectName("end_date")
        self.end_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.pages = QSpinBox(self)
        self.pages.setObjectName("pages")
        self.pages.setRange(0, 100000)
        self.box_no = QLineEdit(self)
        self.box_no.setObjectName("box_no")
        self.item_start = QLineEdit(self)
        self.item_start.setObjectName("item_start")
        self.item_end = QLineEdit(self)
        self.item_end.setObjectName("item_end")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)

    def _connect_changes(self, root: QWidget) -> None:
        for w in root.findChildren(QLineEdit):
            if w.parent() is not None and isinstance(w.parent(), QSpinBox):
                continue
            w.textChanged.connect(self._changed)
        for w in root.findChildren(QComboBox):
            w.currentIndexChanged.connect(self._changed)
        for w in root.findChildren(QSpinBox):
            w.valueChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)

    # ------------------------------------------------------------ values

    def _initial_values(self, prefill: dict[str, Any] | None) -> dict[str, Any]:
        if self.record is not None:
            r = self.record
            values = {k: getattr(r, k) for k in catalogue.EDITABLE_VOLUME_FIELDS if k != "custom"}
            values["custom"] = dict(r.custom)
            return values
        first_cat = next(iter(self.categories.values()), None)
        values: dict[str, Any] = {
            "fonds_id": self.fonds_list[0].id if self.fonds_list else None,
            "category_id": first_cat.id if first_cat else None,
            "year": date.today().year,
            "retention": first_cat.default_retention if first_cat else "D30",
            "security": "公开",
            "custom": {},
        }
        prefill = dict(prefill or {})
        code = prefill.get("code")
        if code:
            values.update(self._elements_from_code(str(code)))
        values.update({k: v for k, v in prefill.items() if v is not None})
        return values

    def _elements_from_code(self, code: str) -> dict[str, Any]:
        """Fonds, category, year, retention and organisation read out of a scanned 档号."""
        code = codes.canonical_code(code)
        for cat in self.categories.values():
            try:
                parts = cat.pattern.parse(code)
            except (UserError, ValueError):
                continue
            out: dict[str, Any] = {"code": code, "category_id": cat.id}
            fonds = next((f for f in self.fonds_list if f.code == parts.get("fonds")), None)
            if fonds:
                out["fonds_id"] = fonds.id
            if "year" in parts:
                out["year"] = int(str(parts["year"]))
            if "retention" in parts:
                out["retention"] = str(parts["retention"])
            if "org" in parts:
                out["org_code"] = str(parts["org"])
            return out
        return {"code": code}

    def _load(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self._loaded_values = values
            self._set_combo(self.fonds, values.get("fonds_id"))
            self._set_combo(self.category, values.get("category_id"))
            self._rebuild_custom()
            self.year.setValue(int(values.get("year") or date.today().year))
            self._set_combo(self.retention, values.get("retention"))
            self.org.setText(values.get("org_code") or "")
            self.code.setText(values.get("code") or "")
            self.title_edit.setText(values.get("title") or "")
            self.responsible.setText(values.get("responsible") or "")
            self._set_combo(self.security, values.get("security") or "公开")
            self.security_period.setValue(int(values.get("security_period") or 0))
            self.start_date.setText(_text(values.get("start_date")))
            self.end_date.setText(_text(values.get("end_date")))
            self.pages.setValue(int(values.get("pages") or 0))
            self.box_no.setText(_text(values.get("box_no")))
            self.item_start.setText(_text(values.get("item_start")))
            self.item_end.setText(_text(values.get("item_end")))
            self.notes.setPlainText(values.get("notes") or "")
            custom = values.get("custom") or {}
            for key, widget in self._custom_widgets.items():
                if isinstance(widget, QComboBox):
                    if self.hidden and custom.get(key) and widget.findData(custom[key]) < 0:
                        widget.addItem(str(custom[key]), custom[key])  # the mask, shown as the other fields show it
                    self._set_combo(widget, custom.get(key, ""))
                else:
                    widget.setText(_text(custom.get(key)))
        finally:
            self._loading = False

    @staticmethod
    def _set_combo(combo: QComboBox, value: object) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def current_category(self) -> CategoryRecord | None:
        return self.categories.get(self.category.currentData())

    def _rebuild_custom(self) -> None:
        old = {k: (w.currentData() if isinstance(w, QComboBox) else w.text()) for k, w in self._custom_widgets.items()}
        while self.custom_form.rowCount():
            self.custom_form.removeRow(0)
        for key in list(self.messages):
            if key.startswith("custom."):
                del self.messages[key]
        self._custom_widgets.clear()
        cat = self.current_category()
        item_mode = bool(cat and cat.filing_mode == FilingMode.ITEM)
        for key in ("box_no", "item_start", "item_end"):
            widget = getattr(self, key)
            widget.setVisible(item_mode)
            label = self.form.labelForField(widget.parentWidget())
            if label is not None:
                label.setVisible(item_mode)
            widget.parentWidget().setVisible(item_mode)
        if cat is None or not cat.fields:
            self.custom_title.hide()
            return
        self.custom_title.setText(self.tr("<b>%1 fields</b>").replace("%1", cat.name))
        self.custom_title.show()
        for fdef in cat.fields:
            widget: QLineEdit | QComboBox
            if fdef.type == FieldType.CHOICE:
                widget = QComboBox(self)
                widget.addItem("", "")
                for choice in fdef.choices:
                    widget.addItem(choice, choice)
                widget.currentIndexChanged.connect(self._changed)
            else:
                widget = QLineEdit(self)
                if fdef.type == FieldType.DATE:
                    widget.setPlaceholderText(self.tr("YYYY-MM-DD"))
                widget.setText(old.get(fdef.key) or "")
                widget.textChanged.connect(self._changed)
            widget.setObjectName(f"custom_{fdef.key}")
            self._custom_widgets[fdef.key] = widget
            self._field(self.custom_form, f"custom.{fdef.key}", fdef.label + (" *" if fdef.required else ""), widget)
        # Tab walks the category's fields right after the notes, before the buttons
        chain = [self.notes, *self._custom_widgets.values(), self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        why = self._read_only_reason()
        if why:  # (a reload builds them again)
            self._read_only(list(self._custom_widgets.values()), why)

    def values(self) -> dict[str, Any]:
        """What the form holds, as the service takes it."""
        custom = {}
        for key, widget in self._custom_widgets.items():
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
            if value not in ("", None):
                custom[key] = value
        return {
            "fonds_id": self.fonds.currentData(),
            "category_id": self.category.currentData(),
            "year": self.year.value(),
            "retention": self.retention.currentData(),
            "org_code": self.org.text(),
            "code": self.code.text().strip() or None,
            "title": self.title_edit.text(),
            "responsible": self.responsible.text(),
            "security": self.security.currentData(),
            "security_period": self.security_period.value() or None,
            "start_date": self.start_date.text().strip() or None,
            "end_date": self.end_date.text().strip() or None,
            "pages": self.pages.value(),
            "box_no": self.box_no.text().strip() or None,
            "item_start": self.item_start.text().strip() or None,
            "item_end": self.item_end.text().strip() or None,
            "notes": self.notes.toPlainText(),
            "custom": custom,
        }

    # ------------------------------------------------------------ validation

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._validate_timer.start()

    def _on_category_changed(self, *_args: object) -> None:
        if self._loading:
            return
        cat = self.current_category()
        if cat is not None and self.record is None:
            self._set_combo(self.retention, cat.default_retention)
        self._rebuild_custom()
        self._changed()

    def validate_now(self) -> dict[str, str]:
        """Check the form with the catalogue's own rules and show each problem under its field."""
        self._validate_timer.stop()
        data = self.values()
        problems: dict[str, str] = {}
        with self.ctx.db.read() as session:
            try:
                catalogue.validate_volume(session, data)
            except ValidationError as exc:
                problems = dict(exc.problems)
            self.proposed = catalogue.propose_code(session, data)
            if data["code"] and "code" not in problems:
                code = codes.canonical_code(data["code"])
                other = lookups.volume_id_by_code(session, code)
                if other is not None and other != self.volume_id:
                    problems["code"] = self.tr("The code %1 is already used by another volume").replace("%1", code)
        if not data["code"] and self.record is None:
            problems.pop("code", None)  # left empty: the proposed code is taken on saving
        if self.hidden:  # the masked fields are read-only and kept as stored: only what may change is checked
            problems = {k: v for k, v in problems.items() if k in catalogue.SECURITY_FIELDS}
        self.problems = problems
        self._show_problems()
        self._show_proposed(data)
        return problems

    def _show_problems(self) -> None:
        shown: set[int] = set()
        for key, label in self.messages.items():
            if id(label) in shown and key not in self.problems:
                continue
            text = self.problems.get(key, "")
            if key == "security" and not text:
                text = self.problems.get("security_period", "")
            label.setText(text)
            label.setVisible(bool(text))
            shown.add(id(label))
        unplaced = [msg for key, msg in self.problems.items() if key not in self.messages]
        self.general_message.setText("\n".join(unplaced))
        self.general_message.setVisible(bool(unplaced))

    def _show_proposed(self, data: dict[str, Any]) -> None:
        current = codes.canonical_code(data["code"]) if data["code"] else ""
        if self.proposed and self.proposed != current:
            if self.record is None and not current:
                self.code.setPlaceholderText(self.proposed)
                self.proposed_label.setText(self.tr("Left empty, the next free code %1 is used.").replace("%1", self.proposed))
            else:
                self.proposed_label.setText(self.tr("Next free code in this group: %1").replace("%1", self.proposed))
            self.use_proposed.setEnabled(self.may_edit())
        else:
            self.code.setPlaceholderText("")
            self.proposed_label.setText("")
            self.use_proposed.setEnabled(False)

    def _on_useProposed_clicked(self) -> None:
        if self.proposed:
            self.code.setText(self.proposed)
            self.validate_now()

    # ------------------------------------------------------------ saving

    def revert(self) -> None:
        self._load(self._loaded_values)
        self.validate_now()

    def save(self) -> OpRun | None:
        """Check the fields, then save in the background (``ui/ops.run_op``); the run, or None when a field is
        wrong. The dialog closes when the volume is saved."""
        if not self.save_button.isEnabled():  # (Ctrl+S when the role may not save: the button says why)
            return None
        if self.validate_now():
            first = next(iter(self.problems))
            widget = self._widget_for(first)
            if widget is not None:
                widget.setFocus()
            return None
        data = self.values()
        actor, loaded = self.ctx.actor, self.record
        security_only = loaded is not None and not self.may_edit() and self.may_set_security()

        def write(session: Session) -> tuple[catalogue.VolumeRecord, dict[str, object] | None]:
            if loaded is None:
                return catalogue.create_volume(session, actor, data), None
            if security_only:  # the security administrator: 密级 and 保密期限, nothing else
                before_security = {"security": loaded.security, "security_period": loaded.security_period}
                record = catalogue.set_security(session, actor, loaded.id, loaded.version, data["security"],
                                                data["security_period"])
                return record, {k: v for k, v in before_security.items() if getattr(record, k) != v}
            before_full = {k: getattr(loaded, k) for k in catalogue.EDITABLE_VOLUME_FIELDS if k != "custom"}
            before_full["custom"] = dict(loaded.custom)
            changes = {k: v for k, v in data.items() if k in catalogue.EDITABLE_VOLUME_FIELDS}
            if changes.get("code") is None:
                changes.pop("code", None)
            record = catalogue.update_volume(session, actor, loaded.id, loaded.version, changes)
            before = {k: before_full[k] for k in catalogue.EDITABLE_VOLUME_FIELDS
                      if _comparable(before_full[k]) != _comparable(getattr(record, k) if k != "custom" else dict(record.custom))}
            return record, before

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, StaleEditError):
                self.on_stale(str(exc))
                return True
            if isinstance(exc, ValidationError):
                self.problems = dict(exc.problems)
                self._show_problems()
                return True
            return False

        def done(result: tuple[catalogue.VolumeRecord, dict[str, object] | None]) -> None:
            record, before = result
            self.record = record
            self.saved.emit(record, before)
            self.accept()

        return run_op(self, write, on_success=done, on_error=failed, key=f"volume.save:{id(self)}")

    def on_stale(self, message: str) -> None:
        """Somebody saved this volume since it was opened: say so, offer to reload."""
        self.general_message.setText(message)
        self.general_message.show()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed meanwhile"), message, parent=self)
        box.setObjectName("staleMessage")
        reload_button = box.addButton(self.tr("Reload the volume"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep my values"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload_button)
        reload_button.clicked.connect(self.reload)
        self.stale_box = box
        box.open()

    def reload(self) -> None:
        if self.volume_id is None:
            return
        with self.ctx.db.read() as session:
            self.record = self._read_record(session, self.volume_id)
        became_hidden = not self.hidden and masking.above_clearance(self.ctx.actor, self.record.security)
        self.hidden = self.hidden or became_hidden  # (raised meanwhile above the account's clearance: read-only now)
        values = {k: getattr(self.record, k) for k in catalogue.EDITABLE_VOLUME_FIELDS if k != "custom"}
        values["custom"] = dict(self.record.custom)
        self._load(values)
        if became_hidden:
            self._apply_role()
        self.general_message.hide()
        self.validate_now()

    def _widget_for(self, key: str) -> QWidget | None:
        if key.startswith("custom."):
            return self._custom_widgets.get(key.split(".", 1)[1])
        return {"fonds_id": self.fonds, "category_id": self.category, "year": self.year, "retention": self.retention,
                "org_code": self.org, "code": self.code, "title": self.title_edit, "responsible": self.responsible,
                "security": self.security, "security_period": self.security_period, "start_date": self.start_date,
                "end_date": self.end_date, "pages": self.pages, "box_no": self.box_no, "item_start": self.item_start,
                "item_end": self.item_end, "notes": self.notes}.get(key)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _comparable(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
