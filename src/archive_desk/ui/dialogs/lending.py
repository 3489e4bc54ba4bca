"""Dialogs of the lending area: the loan slip's preview (the shared :class:`~archive_desk.ui.pdf_print.PdfPreviewDialog`
with paper and copies), borrower form, renewal, borrower picker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError, ValidationError
from archive_desk.services.loans import BorrowerRecord
from archive_desk.ui.pdf_print import PdfPreviewDialog


class SlipPrintDialog(PdfPreviewDialog):
    """The slip's preview with paper (A4/A5) and copies (1/2); re-rendered when they change."""

    optionsChanged = Signal(str, int)

    def __init__(self, render: Callable[[str, int], bytes], slip_no: str, paper: str = "A4", copies: int = 1,
                 parent: QWidget | None = None) -> None:
        self._render = render
        self.slip_no = slip_no
        super().__init__(render(paper, copies), self.tr("Loan slip %1").replace("%1", slip_no), f"{slip_no}.pdf", parent)
        self.setObjectName("slipPrintDialog")
        self.paper = QComboBox(self)
        self.paper.setObjectName("slipPaper")
        self.paper.addItem(self.tr("A4"), "A4")
        self.paper.addItem(self.tr("A5"), "A5")
        self.copies = QComboBox(self)
        self.copies.setObjectName("slipCopies")
        self.copies.addItem(self.tr("1 copy"), 1)
        self.copies.addItem(self.tr("2 copies"), 2)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.copies.setCurrentIndex(max(0, self.copies.findData(copies)))
        paper_label = QLabel(self.tr("Pape&r:"), self)
        paper_label.setBuddy(self.paper)
        copies_label = QLabel(self.tr("C&opies:"), self)
        copies_label.setBuddy(self.copies)
        self.options.addWidget(paper_label)
        self.options.addWidget(self.paper)
        self.options.addWidget(copies_label)
        self.options.addWidget(self.copies)
        self.paper.currentIndexChanged.connect(self._on_option_changed)
        self.copies.currentIndexChanged.connect(self._on_option_changed)

    def _on_option_changed(self) -> None:
        paper, copies = str(self.paper.currentData()), int(self.copies.currentData())
        self.set_pdf(self._render(paper, copies))
        self.optionsChanged.emit(paper, copies)


class BorrowerDialog(QDialog):
    """Create or edit a borrower. The ID number is shown masked; typing a new one replaces it."""

    def __init__(self, purpose_title: str, borrower: BorrowerRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(purpose_title)
        self.setObjectName("borrowerDialog")
        self.borrower = borrower
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Staff (this organisation)"), "staff")
        self.kind.addItem(self.tr("Outside"), "outside")
        self.unit = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.card_no = QLineEdit(self)
        self.card_no.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(60)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Unit / department:"), self.unit)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&ID number:"), self.id_number)
        form.addRow(self.tr("&Card no.:"), self.card_no)
        form.addRow(self.tr("N&otes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._masked = ""
        if borrower is not None:
            self.name.setText(borrower.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(borrower.kind)))
            self.unit.setText(borrower.unit)
            self.phone.setText(borrower.phone)
            self._masked = borrower.masked_id
            self.id_number.setText(self._masked)
            self.card_no.setText(borrower.card_no or "")
            self.notes.setPlainText(borrower.notes)

    def values(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name.text(), "kind": self.kind.currentData(), "unit": self.unit.text(), "phone": self.phone.text(),
            "card_no": self.card_no.text(), "notes": self.notes.toPlainText(),
        }
        if self.borrower is None or self.id_number.text() != self._masked:
            data["id_number"] = self.id_number.text()  # unchanged masked text keeps the stored number
        return data

    def show_problem(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.problems.values()))
        else:
            self.error.setText(str(exc))
        widget = {"name": self.name, "phone": self.phone, "id_number": self.id_number, "card_no": self.card_no}.get(exc.field or "")
        if widget is not None:
            widget.setFocus()


class RenewDialog(QDialog):
    def __init__(self, slip_no: str, current_due: date, proposed: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Renew %1").replace("%1", slip_no))
        self.setObjectName("renewDialog")
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate(current_due.year, current_due.month, current_due.day).addDays(1))
        self.due.setDate(QDate(proposed.year, proposed.month, proposed.day))
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Due now:"), QLabel(current_due.isoformat(), self))
        form.addRow(self.tr("&New due date:"), self.due)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def new_due(self) -> date:
        return self.due.date().toPython()  # type: ignore[return-value]


class BorrowerPickerDialog(QDialog):
    """Choose one of several borrowers matching a typed name (Enter picks the highlighted one)."""

    def __init__(self, borrowers: list[BorrowerRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the borrower"))
        self.setObjectName("borrowerPicker")
        self.borrowers = borrowers
        self.table = QTableWidget(len(borrowers), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Borrower kind"), self.tr("Unit / department"), self.tr("Phone"),
                                              self.tr("Card no.")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, b in enumerate(borrowers):
            for col, text in enumerate((b.name, b.kind_label, b.unit, b.phone, b.card_no or "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if borrowers:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> BorrowerRecord | None:
        row = self.table.currentRow()
        return self.borrowers[row] if 0 <= row < len(self.borrowers) else None
