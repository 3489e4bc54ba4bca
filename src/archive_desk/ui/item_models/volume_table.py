"""The volume table: an id snapshot plus rows fetched in blocks (after Anki's browser table model).

``flags()`` never queries; ``data()`` reads a cached block or fetches the block of ``BLOCK`` rows
around the requested one by ``id IN (...)``; a small LRU keeps the blocks most recently painted.

Two kinds of list share the model: the catalogue in a sort order (the snapshot of every matching id,
built in a worker thread) and search results (ranked ids, with the matched item's title shown in an
extra "Matched" column for volumes found through one of their items).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from archive_desk.db.engine import Database
from archive_desk.models import VolumeStatus
from archive_desk.services import volume_list
from archive_desk.services.catalogue import retention_label, status_label

Index = QModelIndex | QPersistentModelIndex

#: the role that gives a row's volume id
VolumeIdRole = Qt.ItemDataRole.UserRole + 1


_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                     Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, VolumeIdRole))


class VolumeTableModel(QAbstractTableModel):
    BLOCK = 256
    MAX_BLOCKS = 24

    COLUMNS = ("code", "title", "year", "retention", "security", "pages", "item_count", "location", "status")
    #: the extra column shown with search results
    MATCH = "match"

    def __init__(self, db: Database, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        self._ids: array = array("q")
        self._blocks: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self._matches: dict[int, str] = {}
        self._search_mode = False
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
            self.MATCH: self.tr("Matched item"),
        }
        self._muted = QBrush(QColor(128, 128, 128))

    # ------------------------------------------------------------ snapshot

    def set_ids(self, ids: array, *, matches: Mapping[int, str] | None = None, search_mode: bool = False) -> None:
        """Show these volumes in this order (a sort snapshot, or ranked search results)."""
        columns_change = search_mode != self._search_mode
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self._matches = dict(matches or {})
        self._search_mode = search_mode
        self.endResetModel()
        if columns_change:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def ids(self) -> array:
        return self._ids

    @property
    def search_mode(self) -> bool:
        return self._search_mode

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, volume_id: int) -> int | None:
        """The row showing a volume (a linear scan in C: a few ms at a million; a dict would cost ~100 MB)."""
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

    def columns(self) -> tuple[str, ...]:
        return (*self.COLUMNS, self.MATCH) if self._search_mode else self.COLUMNS

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
                key = self.COLUMNS[section] if section < len(self.COLUMNS) else self.MATCH
                return self._headers[key]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        # painting asks ~7 roles a cell: answer the ones we do not serve before touching anything else
        if int(role) not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == VolumeIdRole:
            return self._ids[index.row()]
        if index.column() >= len(self.COLUMNS):  # the "matched item" column
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._matches.get(self._ids[index.row()], "")
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in ("year", "pages", "item_count"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            status = row[self.COLUMNS.index("status")]
            return self._muted if status in (VolumeStatus.VOID, VolumeStatus.DESTROYED, VolumeStatus.TRANSFERRED) else None
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
        """Display texts of one row (for copying and export), with the matched item in search mode."""
        values = self._row(row)
        if values is None:
            return None
        out = tuple(self.display(c, v) for c, v in zip(self.COLUMNS, values, strict=True))
        if self._search_mode:
            out = (*out, self._matches.get(self._ids[row], ""))
        return out

    def header_texts(self) -> list[str]:
        return [self._headers[c] for c in self.columns()]

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
