"""Categories (门类): code, names, the 档号 rule with a live example, the default retention and the category's
own fields. A rule change is checked against the category's volumes first: those that would not follow it are
listed, and the rule changes only when the person confirms (their codes stay); 撤销 puts the last change back."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import codes
from archive_desk.errors import UserError
from archive_desk.models import FieldType
from archive_desk.services import catalogue, masking, room_setup
from archive_desk.services.setup import VOLUME_PATTERN
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import run_op, say_in
from archive_desk.ui.permissions import Ops, guard


def _red(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


class CategoriesPage(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled; which fields are personal data is the security
    # administrator's (``personal_allowed``)
    GUARDS: ClassVar[dict[str, Ops]] = {
        "new_button": "setup.create_category", "save_button": ("setup.create_category", "setup.update_category"),
        "anyway_button": "setup.update_category", "active_button": "setup.set_category_active",
        "undo_button": "setup.update_category", "add_field_button": "catalogue.add_category_field",
        "save_field_button": "setup.update_category_field", "personal_button": "masking.set_field_personal",
    }
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("categoriesPage")
        self.rows: list[room_setup.CategoryRow] = []
        #: the category's values before the last saved change, for 撤销: (category id, values)
        self.undo_values: tuple[int, dict[str, Any]] | None = None
        self.last_check: room_setup.RuleCheck | None = None

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("categoryList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Volumes"), self.tr("State")])
        self.tree.setColumnWidth(0, 60)
        self.tree.setColumnWidth(1, 130)
        self.tree.setColumnWidth(2, 60)
        self.tree.currentItemChanged.connect(self._on_tree_currentItemChanged)
        new_button = QPushButton(self.tr("New category"), self)
        new_button.setObjectName("newCategory")
        new_button.clicked.connect(self.start_new)
        self.new_button = new_button
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(new_button)

        self.code = QLineEdit(self)
        self.code.setObjectName("categoryCode")
        self.code.setMaxLength(4)
        self.code.setPlaceholderText(self.tr("1 to 4 letters, e.g. WS"))
        self.name_zh = QLineEdit(self)
        self.name_zh.setObjectName("categoryNameZh")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("categoryNameEn")
        self.rule = QLineEdit(self)
        self.rule.setObjectName("categoryRule")
        self.example = QLabel(self)
        self.example.setObjectName("ruleExample")
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retention = QComboBox(self)
        self.retention.setObjectName("categoryRetention")
        for code in codes.RETENTIONS:
            self.retention.addItem(f"{catalogue.retention_label(code)} ({code})", code)
        self.misfit_text = _red(QLabel(self))
        self.misfit_text.setObjectName("misfitText")
        self.misfits = QListWidget(self)
        self.misfits.setObjectName("misfits")
        self.misfits.setMaximumHeight(110)
        self.misfits.hide()
        self.problem = _red(QLabel(self))
        self.problem.setObjectName("problem")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCategory")
        self.save_button.clicked.connect(self.save)
        self.anyway_button = QPushButton(self.tr("Change the rule anyway"), self)
        self.anyway_button.setObjectName("changeRuleAnyway")
        self.anyway_button.hide()
        self.anyway_button.clicked.connect(lambda: self.save(accept_misfits=True))
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.active_button.setObjectName("toggleCategory")
        self.active_button.clicked.connect(self.toggle_active)
        self.undo_button = QPushButton(self.tr("Undo the last change"), self)
        self.undo_button.setObjectName("undoCategory")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)

        group = QGroupBox(self.tr("Category"), self)
        form = QFormLayout(group)
        form.addRow(self.tr("Category code (门类代码)"), self.code)
        form.addRow(self.tr("Name (Chinese)"), self.name_zh)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("档号 rule"), self.rule)
        form.addRow(self.tr("Example"), self.example)
        form.addRow(QLabel(self.tr("Elements: {fonds} {category} {year} {retention} {org} and a running number "
                                   "{volume:3}, {item:4} or {box:3} (the digits after the colon: its width)."), group))
        form.addRow(self.tr("Default retention"), self.retention)
        form.addRow(self.misfit_text)
        form.addRow(self.misfits)
        form.addRow(self.problem)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.anyway_button, self.active_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.status)
        for label in group.findChildren(QLabel):
            label.setWordWrap(True)

        fields_group = self._make_fields_group()

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(group)
        right_layout.addWidget(fields_group, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.code.textChanged.connect(self.update_example)
        self.rule.textChanged.connect(self.update_example)
        self.load()

    def _make_fields_group(self) -> QGroupBox:
        """The category's own fields: the list, and a row to add one or change the selected one."""
        self.fields = QTreeWidget(self)
        self.fields.setObjectName("fieldList")
        self.fields.setRootIsDecorated(False)
        self.fields.setHeaderLabels([self.tr("Key"), self.tr("Name (Chinese)"), self.tr("Name (English)"), self.tr("Type"),
                                     self.tr("Choices"), self.tr("Personal data")])
        self.fields.currentItemChanged.connect(self._on_fields_currentItemChanged)
        self.field_zh = QLineEdit(self)
        self.field_zh.setObjectName("fieldNameZh")
        self.field_zh.setPlaceholderText(self.tr("e.g. 病案号"))
        self.field_en = QLineEdit(self)
        self.field_en.setObjectName("fieldNameEn")
        self.field_type = QComboBox(self)
        self.field_type.setObjectName("fieldType")
        for value, text in ((FieldType.TEXT, self.tr("Text")), (FieldType.DATE, self.tr("Date")),
                            (FieldType.INTEGER, self.tr("Number")), (FieldType.MONEY, self.tr("Amount of money")),
                            (FieldType.CHOICE, self.tr("Choice"))):
            self.field_type.addItem(text, str(value))
        self.field_choices = QLineEdit(self)
        self.field_choices.setObjectName("fieldChoices")
        self.field_choices.setPlaceholderText(self.tr("for a choice: the choices, separated by 、"))
        # which fields are personal data, and how they are masked for accounts without the right (the security
        # administrator's choice: services/masking.py set_field_personal)
        self.field_personal = QComboBox(self)
        self.field_personal.setObjectName("fieldPersonal")
        for value, text in (("", self.tr("Not personal data")), ("name", self.tr("Personal: a name")),
                            ("id", self.tr("Personal: an ID number")), ("phone", self.tr("Personal: a phone number")),
                            ("text", self.tr("Personal: other text"))):
            self.field_personal.addItem(text, value)
        self.personal_button = QPushButton(self.tr("Set personal data"), self)
        self.personal_button.setObjectName("setFieldPersonal")
        self.personal_button.clicked.connect(self.save_personal)
        self.personal_button.setEnabled(False)
        self.personal_allowed = guard(self.personal_button, self.ctx.actor, "masking.set_field_personal")
        self.add_field_button = QPushButton(self.tr("Add field"), self)
        self.add_field_button.setObjectName("addField")
        self.add_field_button.clicked.connect(self.add_field)
        self.save_field_button = QPushButton(self.tr("Save the field"), self)
        self.save_field_button.setObjectName("saveField")
        self.save_field_button.clicked.connect(self.save_field)
        self.field_problem = _red(QLabel(self))
        fields_group = QGroupBox(self.tr("The category's own fields"), self)
        fform = QFormLayout(fields_group)
        fform.addRow(self.fields)
        row = QHBoxLayout()
        row.addWidget(self.field_zh, 2)
        row.addWidget(self.field_en, 2)
        row.addWidget(self.field_type, 1)
        row.addWidget(self.field_choices, 2)
        fform.addRow(row)
        fbuttons = QHBoxLayout()
        fbuttons.addWidget(self.add_field_button)
        fbuttons.addWidget(self.save_field_button)
        fbuttons.addStretch(1)
        fbuttons.addWidget(self.field_personal)
        fbuttons.addWidget(self.personal_button)
        fform.addRow(fbuttons)
        fform.addRow(self.field_problem)
        return fields_group

    # ------------------------------------------------------------ the list

    def load(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.selected().record.id if self.selected() else None)
        with self.ctx.db.read() as session:
            self.rows = room_setup.list_categories(session)
        self.tree.blockSignals(True)
        self.tree.clear()
        current = None
        for row in self.rows:
            rec = row.record
            item = QTreeWidgetItem([rec.code, rec.name, str(row.volumes), self.tr("in use") if row.active else self.tr("inactive")])
            item.setData(0, Qt.ItemDataRole.UserRole, rec.id)
            self.tree.addTopLevelItem(item)
            if rec.id == keep:
                current = item
        self.tree.blockSignals(False)
        if current is not None:
            self.tree.setCurrentItem(current)
        else:
            self.start_new()

    def selected(self) -> room_setup.CategoryRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        cat_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.record.id == cat_id), None)

    def select_code(self, code: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).text(0) == code:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return True
        return False

    def _clear_check(self) -> None:
        self.last_check = None
        self.misfit_text.setText("")
        self.misfits.clear()
        self.misfits.hide()
        self.anyway_button.hide()
        self.problem.setText("")

    def _on_tree_currentItemChanged(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        row = self.selected() if current is not None else None
        if row is None:
            return
        rec = row.record
        self._clear_check()
        self.code.setText(rec.code)
        self.code.setReadOnly(True)
        self.name_zh.setText(rec.name_zh)
        self.name_en.setText(rec.name_en)
        self.rule.setText(rec.code_pattern)
        self.retention.setCurrentIndex(max(0, self.retention.findData(rec.default_retention)))
        self.active_button.setEnabled(True)
        self.active_button.setText(self.tr("Deactivate") if row.active else self.tr("Bring back"))
        self.save_button.setText(self.tr("Save"))
        self._fill_fields(rec)

    def start_new(self) -> None:
        """Empty the form for a new category."""
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(None)
        self.tree.clearSelection()
        self.tree.blockSignals(False)
        self._clear_check()
        self.code.setReadOnly(False)
        for w in (self.code, self.name_zh, self.name_en):
            w.clear()
        self.rule.setText(VOLUME_PATTERN)
        self.retention.setCurrentIndex(max(0, self.retention.findData("D30")))
        self.active_button.setEnabled(False)
        self.save_button.setText(self.tr("Create category"))
        self.fields.clear()
        self.add_field_button.setEnabled(False)
        self.save_field_button.setEnabled(False)
        self.code.setFocus()

    def update_example(self) -> None:
        try:
            example = room_setup.rule_example(self.rule.text(), codes.normalize_scan(self.code.text()))
        except UserError as exc:
            self.example.setText(exc.message)
            self.example.setStyleSheet("color: #b00020;")
            return
        self.example.setStyleSheet("")
        self.example.setText(example)

    # ------------------------------------------------------------ saving

    def save(self, accept_misfits: bool = False) -> None:
        self.problem.setText("")
        row = self.selected()
        if row is None:
            run_op(self, room_setup.create_category, self.ctx.actor, self.code.text(), self.name_zh.text(),
                   self.name_en.text(), self.rule.text(), self.retention.currentData(),
                   on_success=self._created, on_error=say_in(self.problem), key=f"category.create:{id(self)}")
            return
        rec = row.record
        rule = self.rule.text().strip()
        if rule != rec.code_pattern and not accept_misfits:
            try:
                with self.ctx.db.read() as session:
                    check = room_setup.check_rule(session, rec.id, rule)
            except UserError as exc:
                self.problem.setText(exc.message)
                return
            if check.misfits:
                self.show_misfits(check)
                return
        before = {"name_zh": rec.name_zh, "name_en": rec.name_en, "code_pattern": rec.code_pattern,
                  "default_retention": rec.default_retention}
        run_op(self, room_setup.update_category, self.ctx.actor, rec.id, name_zh=self.name_zh.text(),
               name_en=self.name_en.text(), code_pattern=rule, default_retention=self.retention.currentData(),
               accept_misfits=accept_misfits, on_success=lambda r: self._updated(r, before), on_error=say_in(self.problem),
               key=f"category.update:{id(self)}")

    def show_misfits(self, check: room_setup.RuleCheck) -> None:
        """The volumes a new rule would leave behind, and the choice: change the rule anyway, or not."""
        self.last_check = check
        self.misfit_text.setText(
            self.tr("%n existing volume(s) do not fit the new rule. Their codes stay as they are; new volumes follow the "
                    "new rule. Change the rule anyway, or keep the old one.", "", len(check.misfits)))
        self.misfits.clear()
        self.misfits.addItems(list(check.misfits))
        self.misfits.show()
        self.anyway_button.show()

    def _created(self, rec: catalogue.CategoryRecord) -> None:
        self.status.setText(self.tr("Category %1 created.").replace("%1", rec.code))
        self.load(rec.id)

    def _updated(self, rec: catalogue.CategoryRecord, before: dict[str, Any]) -> None:
        after = {k: getattr(rec, k) for k in before}
        if after != before:
            self.undo_values = (rec.id, before)
            self.undo_button.setEnabled(True)
        self.status.setText(self.tr("Category %1 saved.").replace("%1", rec.code))
        self.load(rec.id)

    def undo(self) -> None:
        if self.undo_values is None:
            return
        cat_id, values = self.undo_values
        run_op(self, room_setup.update_category, self.ctx.actor, cat_id, accept_misfits=True, **values,
               on_success=self._after_undo, on_error=say_in(self.problem), key=f"category.undo:{id(self)}")

    def _after_undo(self, rec: catalogue.CategoryRecord) -> None:
        self.undo_values = None
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("The last change of %1 was undone.").replace("%1", rec.code))
        self.load(rec.id)

    def toggle_active(self) -> None:
        row = self.selected()
        if row is not None:
            run_op(self, room_setup.set_category_active, self.ctx.actor, row.record.id, not row.active,
                   on_success=lambda r: self.load(r.id), on_error=say_in(self.problem), key=f"category.active:{id(self)}")

    # ------------------------------------------------------------ fields

    def _fill_fields(self, rec: catalogue.CategoryRecord) -> None:
        types = {self.field_type.itemData(i): self.field_type.itemText(i) for i in range(self.field_type.count())}
        self.fields.clear()
        kinds = {self.field_personal.itemData(i): self.field_personal.itemText(i) for i in range(self.field_personal.count())}
        for f in rec.fields:
            item = QTreeWidgetItem([f.key, f.label_zh, f.label_en, types.get(f.type, f.type), "、".join(f.choices),
                                    kinds.get(f.personal, f.personal) if f.personal else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, f.key)
            item.setData(5, Qt.ItemDataRole.UserRole, f.personal)
            self.fields.addTopLevelItem(item)
        self.add_field_button.setEnabled(True)
        self.save_field_button.setEnabled(False)
        self.field_problem.setText("")

    def _on_fields_currentItemChanged(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.save_field_button.setEnabled(current is not None)
        if self.personal_allowed:
            self.personal_button.setEnabled(current is not None)
        if current is not None:
            self.field_zh.setText(current.text(1))
            self.field_en.setText(current.text(2))
            self.field_choices.setText(current.text(4))
            self.field_personal.setCurrentIndex(max(0, self.field_personal.findData(current.data(5, Qt.ItemDataRole.UserRole) or "")))

    def _choices(self) -> list[str]:
        text = self.field_choices.text().replace(",", "、").replace("，", "、")
        return [c.strip() for c in text.split("、") if c.strip()]

    def add_field(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.field_problem.setText("")
        label_zh, label_en = self.field_zh.text().strip(), self.field_en.text().strip()
        if not label_zh:
            self.field_problem.setText(self.tr("Give the field a name."))
            return
        key = room_setup.field_key(label_en or label_zh, {f.key for f in row.record.fields})
        type_ = self.field_type.currentData()
        choices = self._choices() if type_ == FieldType.CHOICE else []
        run_op(self, catalogue.add_category_field, self.ctx.actor, row.record.id, key, label_zh, label_en or label_zh,
               type_, choices, on_success=lambda r: self.load(r.id), on_error=say_in(self.field_problem),
               key=f"category.add_field:{id(self)}")

    def save_field(self) -> None:
        row, item = self.selected(), self.fields.currentItem()
        if row is None or item is None:
            return
        run_op(self, room_setup.update_category_field, self.ctx.actor, row.record.id, item.data(0, Qt.ItemDataRole.UserRole),
               label_zh=self.field_zh.text(), label_en=self.field_en.text(), choices=self._choices(),
               on_success=lambda r: self.load(r.id), on_error=say_in(self.field_problem), key=f"category.field:{id(self)}")

    def save_personal(self) -> None:
        row, item = self.selected(), self.fields.currentItem()
        if row is None or item is None:
            return
        run_op(self, masking.set_field_personal, self.ctx.actor, row.record.id, item.data(0, Qt.ItemDataRole.UserRole),
               self.field_personal.currentData(), on_success=lambda _kind: self.load(row.record.id),
               on_error=say_in(self.field_problem), key=f"category.personal:{id(self)}")
