"""The items of one volume (卷内目录): 序号, 文号, 责任者, 题名, 日期, 密级, 页数, 页号.

The model holds :class:`~archive_desk.services.catalogue.ItemRecord` rows (a volume has tens of items,
not millions). It is read-only in the detail pane; in the items editor ``editable=True`` lets the cells
the service accepts be edited, and an edit is handed to ``editRequested`` for the dialog to save (the
model never writes to the catalogue itself; the saved records come back through :meth:`set_items`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from archive_desk.services.catalogue import ItemRecord

Index = QModelIndex | QPersistentModelIndex

ItemIdRole = Qt.ItemDataRole.UserRole + 1


class ItemsTableModel(QAbstractTableModel):
    COLUMNS = ("seq", "doc_no", "responsible", "title", "date", "security", "pages", "page_range", "code")
    EDITABLE = frozenset({"doc_no", "responsible", "title", "date", "security", "pages", "code"})

    #: (item id, field, new text): the dialog saves it through catalogue.update_item
    editRequested = Signal(int, str, str)

    def __init__(self, parent=None, *, editable: bool = False) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._items: list[ItemRecord] = []
        self._editable = editable
        #: items whose cells are not editable (shown masked: above the account's clearance)
        self._locked: frozenset[int] = frozenset()
        self._headers = {
            "seq": self.tr("No."),
            "doc_no": self.tr("Document no."),
            "responsible": self.tr("Responsible"),
            "title": self.tr("Title"),
            "date": self.tr("Date"),
            "security": self.tr("Security"),
            "pages": self.tr("Pages"),
            "page_range": self.tr("Page no."),
            "code": self.tr("Item code"),
        }

    def set_items(self, items: Sequence[ItemRecord]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_locked(self, item_ids: frozenset[int]) -> None:
        """These items' cells cannot be edited (a masked title typed over must not replace the hidden one)."""
        self._locked = frozenset(item_ids)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1))

    def is_locked(self, row: int) -> bool:
        item = self.item_at(row)
        return item is not None and item.id in self._locked

    def items(self) -> list[ItemRecord]:
        return list(self._items)

    def item_at(self, row: int) -> ItemRecord | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
                return self._headers[self.COLUMNS[section]]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and self.COLUMNS[index.column()] in self.EDITABLE and not self.is_locked(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def text(self, item: ItemRecord, column: str) -> str:
        if column == "page_range":
            if item.page_start is None:
                return ""
            return str(item.page_start) if item.page_end in (None, item.page_start) else f"{item.page_start}–{item.page_end}"
        if column == "date":
            return item.date.strftime("%Y%m%d") if item.date else ""
        value = getattr(item, column)
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ItemIdRole:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and column == "date":
                return item.date.isoformat() if item.date else ""
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return item.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("seq", "pages", "page_range"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        item = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        new = "" if value is None else str(value)
        if new == (item.date.isoformat() if column == "date" and item.date else self.text(item, column)):
            return False
        self.editRequested.emit(item.id, column, new)
        return True
