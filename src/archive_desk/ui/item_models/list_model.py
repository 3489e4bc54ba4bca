"""One base for the small read-only table models: rows of records (frozen dataclasses from the services) shown
under a list of columns, each column saying its header, how to get a cell's value from a record, its
alignment, its tooltip and its background.

    class SharesModel(ListModel[LayerShare]):
        def __init__(self, parent=None):
            super().__init__([Column(self.tr("Layer"), lambda r: r.code),
                              Column(self.tr("Volumes moved here"), lambda r: r.count, align=RIGHT)], parent)

A model with rows that change one by one (a stocktake's lines) uses :meth:`insert_row`, :meth:`remove_row`
and :meth:`replace_row`, which tell the views exactly what changed; everything else :meth:`set_rows`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

Index = QModelIndex | QPersistentModelIndex

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column[R]:
    """A column: its header, the value of a record's cell (None: an empty cell; anything else is shown as text,
    or as it is with ``as_text=False``), its alignment (None: the view's), its tooltip (None: the cell's text) and
    its background (None: none)."""

    header: str
    value: Callable[[R], object]
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[R], str | None] | None = None
    background: Callable[[R], QBrush | None] | None = None
    as_text: bool = True


class ListModel[R](QAbstractTableModel):
    """Rows of records under :class:`Column` s; read-only, flat (no children), selectable.

    ``background(record)`` colours a whole row (a column's own ``background`` wins); ``user_data(record)``
    answers ``Qt.UserRole``."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column[R]] = list(columns)
        self._rows: list[R] = []

    # -- the records
    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_record(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def insert_row(self, row: int, record: R) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._rows.pop(row)
        self.endRemoveRows()

    def replace_row(self, row: int, record: R) -> None:
        self._rows[row] = record
        if self._columns:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def refresh_role(self, role: Qt.ItemDataRole) -> None:
        """Every cell's ``role`` may have changed (a highlight moved)."""
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1), [role])

    # -- hooks
    def background(self, record: R) -> QBrush | None:  # noqa: ARG002
        return None

    def user_data(self, record: R) -> Any:  # noqa: ARG002, ANN401
        return None

    # -- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _text(self, column: Column[R], record: R) -> object:
        value = column.value(record)
        return None if value is None else str(value) if column.as_text else value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._columns):
            return None
        record, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip is not None else self._text(column, record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align) if column.align is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            own = column.background(record) if column.background is not None else None
            return own if own is not None else self.background(record)
        if role == Qt.ItemDataRole.UserRole:
            return self.user_data(record)
        return None
