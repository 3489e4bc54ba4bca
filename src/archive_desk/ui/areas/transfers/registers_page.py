"""The registers tab: the 移交(接收)登记簿 and the destruction register, filterable, to Excel."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import transfers
from archive_desk.ui.areas.transfers import common
from archive_desk.ui.areas.transfers.common import _item, _setup_table
from archive_desk.ui.context import AppContext

if TYPE_CHECKING:
    from archive_desk.exporting.transfers import Register


class RegistersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Transfer and receiving register"), "transfers")
        self.kind_combo.addItem(self.tr("Destruction register"), "destruction")
        self.direction_combo = QComboBox(self)
        self.direction_combo.addItem(self.tr("Received and handed over"), None)
        self.direction_combo.addItem(self.tr("Received"), "in")
        self.direction_combo.addItem(self.tr("Handed over"), "out")
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1899, date.today().year + 1)
        self.year_spin.setSpecialValueText(self.tr("all years"))
        self.year_spin.setValue(1899)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("unit, person, number, code or title"))
        self.search_button = QPushButton(self.tr("Show"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.kind_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.direction_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.search_button.clicked.connect(self.refresh)
        self.text_edit.returnPressed.connect(self.refresh)
        self.export_button.clicked.connect(self.export_excel)
        row = QHBoxLayout()
        for w in (self.kind_combo, self.direction_combo, self.year_spin, self.text_edit, self.search_button, self.export_button):
            row.addWidget(w)
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("registerTable")
        _setup_table(self.table, self.fontMetrics().height())
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._table: Register | None = None

    def _on_filters_changed(self, _i: int) -> None:
        self.direction_combo.setVisible(self.kind_combo.currentData() == "transfers")
        self.refresh()

    def _query(self) -> Register:
        year = self.year_spin.value() if self.year_spin.value() > 1899 else None
        with self.ctx.db.read() as s:
            if self.kind_combo.currentData() == "transfers":
                flt = transfers.RegisterFilter(direction=self.direction_combo.currentData(), year=year, text=self.text_edit.text())
                return transfers.transfer_register_table(transfers.transfer_register(s, flt), flt)
            dflt = transfers.DestructionFilter(year=year, text=self.text_edit.text())
            return transfers.destruction_register_table(transfers.destruction_register(s, dflt, viewer=self.ctx.actor), dflt)

    def refresh(self) -> None:
        table = self._query()
        self._table = table
        self.table.clear()
        self.table.setColumnCount(len(table.columns))
        self.table.setHorizontalHeaderLabels([c for c, _w in table.columns])
        self.table.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, _item("" if value is None else value.isoformat() if isinstance(value, date) else value))
        for c, (_title, width) in enumerate(table.columns):
            self.table.setColumnWidth(c, int(width * self.fontMetrics().averageCharWidth() * 1.6))
        self.count_label.setText(self.tr("%n row(s)", "", len(table.rows)))

    def export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_register

        table = self._table or self._query()
        path = common.choose_save_file(self, self.tr("Export to Excel"), f"{table.title}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            write_register(table, path)
        except UserError as exc:
            common.show_error(self, exc)
            return
        self.count_label.setText(self.tr("Saved %1").replace("%1", path))
