"""What the lending panels share: colours, table helpers and the inline message under a form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTableWidget, QTableWidgetItem, QWidget

from archive_desk.errors import UserError
from archive_desk.services import masking
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import OpRun, run_op

RED = QColor("#b00020")
GREEN = QColor("#1b5e20")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _item(text: object, *, color: QColor | None = None, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if color is not None:
        item.setForeground(QBrush(color))
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _shortcut(keys: QKeySequence | QKeySequence.StandardKey, parent: QWidget, slot: Callable[[], object],
              context: Qt.ShortcutContext) -> QShortcut:
    shortcut = QShortcut(keys, parent)
    shortcut.setContext(context)  # (the constructor's context argument is ignored by PySide6 6.12)
    shortcut.activated.connect(slot)
    return shortcut


def _label(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _setup_table(table: QTableWidget | QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)


class Message(QLabel):
    """An inline message under a form: green for done, red for refused (never a blocking box).
    Each message is also ``shown`` (the area repeats it in the window's status bar)."""

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("message")

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20; font-weight: bold")
        self.setText(text)
        self.shown.emit(text)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020; font-weight: bold")
        self.setText(text)
        self.shown.emit(text)

    def refused(self, exc: BaseException) -> bool:
        """``on_error`` of a write (``ui/ops.run_op``): a ``UserError`` is shown here, in red; anything else is not
        taken (it goes to the crash box)."""
        if isinstance(exc, UserError) and shiboken6.isValid(self):
            self.error(str(exc))
            return True
        return False

    def info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.shown.emit(text)


def log_borrowers_shown(parent: QWidget, ctx: AppContext, borrowers: Iterable[tuple[int, str, str]]) -> OpRun | None:
    """Record in the personal-data access log that a list (or a dialog) just loaded showed these borrowers' phone or
    ID number unmasked ((borrower id, phone shown, ID number shown) each; "" for a field shown masked or not at all):
    a "view" with the subject ``borrower:ID`` for each, in one write for the whole list (``masking.log_access_op``
    through the write runner). Call it once per load, not per repaint. Nothing for an account without the
    personal-data right (it sees them masked), a catalogue without accounts (nobody to name) or a read-only one."""
    if not masking.should_log(ctx.actor) or ctx.db.read_only:
        return None
    subjects = masking.borrowers_shown(ctx.actor, borrowers)
    if not subjects:
        return None
    return run_op(parent, masking.log_access_op, ctx.actor, "view", (), ctx=ctx, subjects=subjects)
