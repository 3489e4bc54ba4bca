"""The volume table: an id snapshot plus rows fetched in blocks (after Anki's browser table model).

``flags()`` never queries; ``data()`` reads a cached block or fetches the block of ``BLOCK`` rows
around the requested one by ``id IN (...)``; a small LRU keeps the blocks most recently painted.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from archive_desk.db.engine import Database
from archive_desk.services import volume_list
from archive_desk.services.catalogue import retention_label, status_label

Index = QModelIndex | QPersistentModelIndex


class VolumeTableModel(QAbstractTableModel):
    BLOCK = 256
    MAX_BLOCKS = 24

    COLUMNS = ("code", "title", "year", "retention", "security", "pages", "item_count", "location", "status")

    def __init__(self, db: Database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        self._ids: array = array("q")
        self._blocks: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self._headers = {
            "code": self.tr("Archival code"),
            "title": self.tr("Title"),
            "year": self.tr("Year"),
            "retention": self.tr("Retention"),
            "security": self.tr("Security"),
            "pages": self.tr("Pages"),
            "item_count": self.tr("Items"),
            "location": self.tr("Location"),
            "status": self.tr("Status"),
            "fonds": self.tr("Fonds"),
            "category": self.tr("Category"),
            "responsible": self.tr("Responsible"),
            "barcode": self.tr("Barcode"),
        }

    # ------------------------------------------------------------ snapshot

    def set_ids(self, ids: array) -> None:
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def ids(self) -> array:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, volume_id: int) -> int | None:
        try:
            return self._ids.index(volume_id)
        except ValueError:
            return None

    def refresh_ids(self, changed: Iterable[int]) -> None:
        """Forget cached rows of changed volumes and repaint just those rows."""
        changed = set(changed)
        for block, rows in list(self._blocks.items()):
            if changed & rows.keys():
                del self._blocks[block]
        for vid in changed:
            row = self.row_of(vid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in ("year", "pages", "item_count"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self._row(index.row())
        if row is None:
            return None
        value = row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column != "title":
            return None
        return self.display(column, value)

    @staticmethod
    def display(column: str, value: object) -> str:
        if value is None:
            return ""
        if column == "status":
            return status_label(str(value))
        if column == "retention":
            return retention_label(str(value))
        return str(value)

    def row_values(self, row: int) -> tuple | None:
        """Display texts of one row (for copying and export)."""
        values = self._row(row)
        if values is None:
            return None
        return tuple(self.display(c, v) for c, v in zip(self.COLUMNS, values, strict=True))

    def header_texts(self) -> list[str]:
        return [self._headers[c] for c in self.COLUMNS]

    # ------------------------------------------------------------ blocks

    def _row(self, row: int) -> tuple | None:
        block = row // self.BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._fetch(block)
        else:
            self._blocks.move_to_end(block)
        return rows.get(self._ids[row])

    def _fetch(self, block: int) -> dict[int, tuple]:
        ids = self._ids[block * self.BLOCK : (block + 1) * self.BLOCK]
        with self._db.read() as session:
            rows = volume_list.fetch_rows(session, ids, self.COLUMNS)
        self._blocks[block] = rows
        while len(self._blocks) > self.MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return rows
