"""Dialogs of the transfers area: importing a department's list (with the column mapping and its problems), editing
a received line, choosing volumes to hand over by a filter, keeping a volume after appraisal, and the PDF preview.

Every dialog opens with ``open()`` (window-modal, testable) and reports through ``accepted``; the caller reads its
values. Strings go through ``self.tr``; the area's Chinese is in ``resources/i18n/ui/transfers.zh_CN.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.importing import (
    FIELDS,
    ColumnMapping,
    ImportPlan,
    RowStatus,
    field_label,
)
from archive_desk.services.volume_list import VolumeFilter
from archive_desk.ui.crash import show_error
from archive_desk.ui.workers import Runner

RETENTION_CODES = ("Y", "D30", "D10")


def _ro_item(text: object) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


# --------------------------------------------------------------------------- importing a department's list


class ImportListDialog(QDialog):
    """The department's Excel list: what the importer makes of it, the column mapping (correctable), and every
    problem row with its reason. ``plan_fn(mapping)`` plans the file (``mapping`` None = automatic); it runs
    in a worker thread. On accept, :attr:`plan` is the plan to add."""

    def __init__(self, path: str | Path, plan_fn: Callable[[ColumnMapping | None], ImportPlan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferImportDialog")
        self.setWindowTitle(self.tr("Import the department's list"))
        self.resize(1000, 720)
        self.path = Path(path)
        self.plan_fn = plan_fn
        self.plan: ImportPlan | None = None
        self.error: BaseException | None = None
        self.file_label = QLabel(self.tr("File: %1").replace("%1", self.path.name), self)
        self.summary_label = QLabel(self.tr("Reading the file…"), self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setObjectName("importSummary")

        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header in the file"), self.tr("Imported as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().setVisible(False)
        self.reread_button = QPushButton(self.tr("Read again with this mapping"), self)
        self.reread_button.clicked.connect(self._on_reread_clicked)

        self.problems_table = QTableWidget(0, 5, self)
        self.problems_table.setObjectName("problemsTable")
        self.problems_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("What"), self.tr("Column"), self.tr("Value"), self.tr("Reason")])
        self.problems_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("Add the lines"))
        self.add_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel(self.tr("Columns of the file"), self))
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.reread_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(self.tr("Rows that will not be added"), self))
        layout.addWidget(self.problems_table, 3)
        layout.addWidget(self.buttons)
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._combos: list[QComboBox] = []
        self.start(None)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def start(self, mapping: ColumnMapping | None) -> None:
        self.add_button.setEnabled(False)
        self.reread_button.setEnabled(False)
        self.summary_label.setText(self.tr("Reading the file…"))
        fn = self.plan_fn
        self._runner.start(lambda: fn(mapping))

    def current_mapping(self) -> ColumnMapping | None:
        if self.plan is None or not self.plan.sheets:
            return None
        mapping = self.plan.sheets[0].mapping
        for col, combo in enumerate(self._combos):
            mapping = mapping.with_field(col, combo.currentData())
        return mapping

    def set_field(self, column: int, field: str | None) -> None:
        """Map ``column`` (0-based) to ``field`` (None: not imported), as a person does in the list."""
        combo = self._combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def _on_reread_clicked(self) -> None:
        self.start(self.current_mapping())

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self.error = exc  # type: ignore[assignment]
        self.summary_label.setText(str(exc))
        self.reread_button.setEnabled(self.plan is not None)
        show_error(self, exc)  # type: ignore[arg-type]

    def _on_runner_finished(self, plan: object) -> None:
        assert isinstance(plan, ImportPlan)  # noqa: S101 - narrows the type; the code guarantees it
        self.plan = plan
        s = plan.summary
        self.summary_label.setText(
            self.tr("%1 rows read: %2 to add, %3 already in the catalogue (their volumes are updated on receipt), "
                    "%4 with problems, %5 repeated, %6 skipped (blank, total or signature lines).")
            .replace("%1", str(s.rows_read)).replace("%2", str(s.ok)).replace("%3", str(s.existing))
            .replace("%4", str(s.rejected)).replace("%5", str(s.duplicate)).replace("%6", str(s.skipped))
        )
        self._fill_mapping(plan)
        self._fill_problems(plan)
        count = s.ok + s.existing
        self.add_button.setText(self.tr("Add %n line(s)", "", count))
        self.add_button.setEnabled(count > 0)
        self.reread_button.setEnabled(True)

    def _fill_mapping(self, plan: ImportPlan) -> None:
        mapping = plan.sheets[0].mapping if plan.sheets else None
        self._combos = []
        rows = mapping.describe() if mapping else []
        self.mapping_table.setRowCount(len(rows))
        for r, (letter, header, field) in enumerate(rows):
            self.mapping_table.setItem(r, 0, _ro_item(letter))
            self.mapping_table.setItem(r, 1, _ro_item(header))
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("(not imported)"), None)
            for name in FIELDS["volumes"]:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            self.mapping_table.setCellWidget(r, 2, combo)
            self._combos.append(combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.resizeColumnToContents(1)

    def _fill_problems(self, plan: ImportPlan) -> None:
        rows: list[tuple[str, str, str, str, str]] = []
        for r in plan.rows:
            if r.status is RowStatus.REJECTED:
                for p in r.problems:
                    rows.append((str(r.row), self.tr("Problem"), f"{p.column} {p.header}", p.value, p.reason))
            elif r.status is RowStatus.DUPLICATE:
                rows.append((str(r.row), self.tr("Repeated"), "", str(r.key or ""),
                             self.tr("Same archival code as row %1").replace("%1", str(r.duplicate_of))))
            elif r.status is RowStatus.SKIPPED:
                rows.append((str(r.row), self.tr("Skipped"), "", "", r.skip_reason or ""))
        self.problems_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for c, value in enumerate(row):
                self.problems_table.setItem(i, c, _ro_item(value))
        self.problems_table.resizeColumnsToContents()


# --------------------------------------------------------------------------- a received line


class LineDialog(QDialog):
    """Fill in or correct one line of a receiving batch (e.g. an unexpected volume's title and pages)."""

    def __init__(self, line: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferLineDialog")
        self.setWindowTitle(self.tr("Line %1").replace("%1", str(line.seq)))
        self.line = line
        self.code_edit = QLineEdit(line.code, self)
        self.code_edit.setReadOnly(True)
        self.title_edit = QLineEdit(line.title, self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1900, date.today().year + 1)
        self.year_spin.setValue(line.year or date.today().year)
        self.retention_combo = QComboBox(self)
        for code in RETENTION_CODES:
            self.retention_combo.addItem(code, code)
        self.retention_combo.setEditable(True)
        self.retention_combo.setCurrentText(line.retention)
        self.items_spin = QSpinBox(self)
        self.items_spin.setRange(0, 100000)
        self.items_spin.setValue(line.item_count)
        self.pages_spin = QSpinBox(self)
        self.pages_spin.setRange(0, 1000000)
        self.pages_spin.setValue(line.pages)
        self.found_check = QCheckBox(self.tr("Arrived"), self)
        self.found_check.setChecked(line.found)
        self.found_pages_spin = QSpinBox(self)
        self.found_pages_spin.setRange(-1, 1000000)
        self.found_pages_spin.setSpecialValueText(self.tr("as listed"))
        self.found_pages_spin.setValue(line.found_pages if line.found_pages is not None else -1)
        self.notes_edit = QLineEdit(line.notes, self)
        form = QFormLayout()
        form.addRow(self.tr("Archival code"), self.code_edit)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Year"), self.year_spin)
        form.addRow(self.tr("Retention"), self.retention_combo)
        form.addRow(self.tr("Items"), self.items_spin)
        form.addRow(self.tr("Pages listed"), self.pages_spin)
        form.addRow("", self.found_check)
        form.addRow(self.tr("Pages counted"), self.found_pages_spin)
        form.addRow(self.tr("Remarks"), self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        return {"title": self.title_edit.text().strip(), "year": self.year_spin.value(),
                "retention": self.retention_combo.currentText().strip().upper(), "item_count": self.items_spin.value(),
                "pages": self.pages_spin.value(), "notes": self.notes_edit.text().strip()}

    def found(self) -> tuple[bool, int | None]:
        pages = self.found_pages_spin.value()
        return self.found_check.isChecked(), (None if pages < 0 else pages)


# --------------------------------------------------------------------------- handing over by a filter


class HandoverFilterDialog(QDialog):
    """Which volumes to hand over: e.g. 永久 volumes older than N years, of one fonds or category."""

    def __init__(self, fonds: list[tuple[int, str]], categories: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverFilterDialog")
        self.setWindowTitle(self.tr("Add volumes by a filter"))
        self.fonds_combo = QComboBox(self)
        self.fonds_combo.addItem(self.tr("All fonds"), None)
        for fid, text in fonds:
            self.fonds_combo.addItem(text, fid)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("All categories"), None)
        for cid, text in categories:
            self.category_combo.addItem(text, cid)
        self.retention_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for code, text in (("Y", self.tr("Permanent")), ("D30", self.tr("30 years")), ("D10", self.tr("10 years"))):
            box = QCheckBox(text, self)
            box.setChecked(code == "Y")
            self.retention_checks[code] = box
            row.addWidget(box)
        self.older_spin = QSpinBox(self)
        self.older_spin.setRange(0, 200)
        self.older_spin.setValue(10)
        self.older_spin.setSuffix(self.tr(" years"))
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setRange(0, 1000000)
        self.limit_spin.setSpecialValueText(self.tr("no limit"))
        form = QFormLayout()
        form.addRow(self.tr("Fonds"), self.fonds_combo)
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Retention"), row)
        form.addRow(self.tr("Older than"), self.older_spin)
        form.addRow(self.tr("At most"), self.limit_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def volume_filter(self, today: date | None = None) -> VolumeFilter:
        from archive_desk.services.transfers import permanent_older_than

        retentions = tuple(code for code, box in self.retention_checks.items() if box.isChecked()) or ("Y",)
        fid, cid = self.fonds_combo.currentData(), self.category_combo.currentData()
        return permanent_older_than(self.older_spin.value(), today=today, retentions=retentions,
                                    fonds_ids=(fid,) if fid is not None else (), category_ids=(cid,) if cid is not None else ())

    def limit(self) -> int | None:
        return self.limit_spin.value() or None


# --------------------------------------------------------------------------- keeping a volume after appraisal


class KeepDialog(QDialog):
    """Keep the chosen volumes: the new retention and why."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepDialog")
        self.setWindowTitle(self.tr("Keep %n volume(s)", "", count))
        self.retention_combo = QComboBox(self)
        self.retention_combo.setEditable(True)
        for code, text in (("D30", self.tr("30 years (D30)")), ("Y", self.tr("Permanent (Y)")), ("D10", self.tr("10 years (D10)"))):
            self.retention_combo.addItem(text, code)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. a lawsuit is still open"))
        form = QFormLayout()
        form.addRow(self.tr("New retention"), self.retention_combo)
        form.addRow(self.tr("Reason"), self.reason_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Keep"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def retention(self) -> str:
        data = self.retention_combo.currentData()
        text = self.retention_combo.currentText().strip().upper()
        if data is not None and self.retention_combo.itemText(self.retention_combo.currentIndex()) == self.retention_combo.currentText():
            return str(data)
        return text

    def reason(self) -> str:
        return self.reason_edit.text().strip()


__all__ = ["HandoverFilterDialog", "ImportListDialog", "KeepDialog", "LineDialog"]
