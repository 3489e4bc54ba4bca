"""What the pages of the transfers area share: colours, table set-up, dates, and the questions and file
choosers that tests patch (here, once for every page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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


__all__ = ["COLORS", "GREEN", "RED", "Index", "PageMixin", "ask", "choose_open_file", "choose_save_file", "show_error"]
