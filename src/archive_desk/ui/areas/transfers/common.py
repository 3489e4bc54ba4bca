"""What the pages of the transfers area share: colours, table set-up, dates, and the questions and file
choosers that tests patch (here, once for every page)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.ui.crash import show_error
from archive_desk.ui.save_dialog import get_save_file_name

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b00020")
GREEN = QColor("#1b5e20")
COLORS = {
    "found": QColor("#e3f3e3"),
    "missing": QColor("#fbe3e3"),
    "unexpected": QColor("#fff0d6"),
    "returned": QColor("#eeeeee"),
    "pages": QColor("#fff9c4"),
    "removed": QColor("#eeeeee"),
    "keep": QColor("#e3ecfb"),
}


# --------------------------------------------------------------------------- small helpers (tests patch these)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question (patched in tests)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class Progress(QObject):
    """Progress of a write off the GUI thread: pass ``progressed.emit`` as the service's ``progress``; the signal
    reaches the page queued, on the GUI thread."""

    progressed = Signal(int, int)


def refusal_shown(parent: QWidget) -> Callable[[BaseException], bool]:
    """``on_error`` of a page's write (``ui/ops.run_op``): a ``UserError`` goes to :func:`show_error` (which tests
    patch); anything else is not taken (the crash box)."""

    def shown(exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        show_error(parent, exc)
        return True

    return shown


def choose_open_file(parent: QWidget, caption: str, file_filter: str) -> str:
    name, _f = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), file_filter)
    return name


def choose_save_file(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    name = get_save_file_name(parent, caption, suggested, file_filter)
    return name


def _qdate(d: date | None) -> QDate:
    d = d or date.today()
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _item(text: object, *, center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _setup_table(view: QTableView | QTableWidget, font_height: int) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(font_height + 8)


if TYPE_CHECKING:  # the batch page's mixins are QWidgets to the type checker, plain classes at run time
    PageMixin = QWidget
else:
    PageMixin = object


__all__ = ["COLORS", "GREEN", "RED", "Index", "PageMixin", "Progress", "ask", "choose_open_file", "choose_save_file", "refusal_shown", "show_error"]
