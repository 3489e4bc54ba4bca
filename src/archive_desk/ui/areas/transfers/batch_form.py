"""The particulars of a batch (units, people, date, nature, finding aids, notes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.services import transfers
from archive_desk.services.transfers import (
    BatchRecord,
)
from archive_desk.ui.areas.transfers.common import _pydate, _qdate


class BatchForm(QGroupBox):
    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Batch"))
        self.direction = direction
        self.batch_no = QLabel(self)
        self.batch_no.setObjectName("batchNo")
        self.status = QLabel(self)
        self.nature = QComboBox(self)
        for n in transfers.NATURES:
            self.nature.addItem(n, n)
        self.from_unit = QLineEdit(self)
        self.to_unit = QLineEdit(self)
        self.from_handler = QLineEdit(self)
        self.to_handler = QLineEdit(self)
        self.from_leader = QLineEdit(self)
        self.to_leader = QLineEdit(self)
        self.transfer_date = QDateEdit(self)
        self.transfer_date.setCalendarPopup(True)
        self.transfer_date.setDisplayFormat("yyyy-MM-dd")
        self.finding_aids = QLineEdit(self)
        self.finding_aids.setPlaceholderText(self.tr("e.g. volume catalogue in two copies"))
        self.notes = QLineEdit(self)
        self.save_button = QPushButton(self.tr("Save particulars"), self)
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.batch_no)
        head.addWidget(self.status, 1)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Batch no."), head)
        form.addRow(self.tr("Nature"), self.nature)
        form.addRow(self.tr("Transferring unit"), self.from_unit)
        form.addRow(self.tr("Receiving unit"), self.to_unit)
        pair = QHBoxLayout()
        pair.addWidget(self.from_handler)
        pair.addWidget(QLabel(self.tr("received by"), self))
        pair.addWidget(self.to_handler)
        form.addRow(self.tr("Handed over by"), pair)
        leaders = QHBoxLayout()
        leaders.addWidget(self.from_leader)
        leaders.addWidget(QLabel(self.tr("receiving leader"), self))
        leaders.addWidget(self.to_leader)
        form.addRow(self.tr("Transferring leader"), leaders)
        form.addRow(self.tr("Date"), self.transfer_date)
        form.addRow(self.tr("Finding aids"), self.finding_aids)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self._edits = (self.nature, self.from_unit, self.to_unit, self.from_handler, self.to_handler, self.from_leader,
                       self.to_leader, self.transfer_date, self.finding_aids, self.notes, self.save_button)

    def set_batch(self, b: BatchRecord | None) -> None:
        self.setEnabled(b is not None)
        if b is None:
            self.batch_no.setText("")
            self.status.setText("")
            return
        self.batch_no.setText(b.batch_no)
        self.status.setText(self.tr("draft") if b.is_draft else self.tr("confirmed %1").replace(
            "%1", b.confirmed_at.strftime("%Y-%m-%d %H:%M") if b.confirmed_at else ""))
        self.nature.setCurrentIndex(max(0, self.nature.findData(b.nature)))
        for edit, value in ((self.from_unit, b.from_unit), (self.to_unit, b.to_unit), (self.from_handler, b.from_handler),
                            (self.to_handler, b.to_handler), (self.from_leader, b.from_leader), (self.to_leader, b.to_leader),
                            (self.finding_aids, b.finding_aids), (self.notes, b.notes)):
            edit.setText(value)
        self.transfer_date.setDate(_qdate(b.transfer_date))
        for w in self._edits:
            w.setEnabled(b.is_draft)

    def values(self) -> dict[str, Any]:
        return {
            "nature": self.nature.currentData(), "from_unit": self.from_unit.text(), "to_unit": self.to_unit.text(),
            "from_handler": self.from_handler.text(), "to_handler": self.to_handler.text(), "from_leader": self.from_leader.text(),
            "to_leader": self.to_leader.text(), "transfer_date": _pydate(self.transfer_date.date()),
            "finding_aids": self.finding_aids.text(), "notes": self.notes.text(),
        }
