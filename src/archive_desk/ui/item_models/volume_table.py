"""The volume table: an id snapshot plus rows fetched in blocks (after Anki's browser table model).

``flags()`` never queries; ``data()`` reads a cached block or fetches the block of ``BLOCK`` rows
around the requested one by ``id IN (...)``; a small LRU keeps the blocks most recently painted.

Two kinds of list share the model: the catalogue in a sort order (the snapshot of every matching id,
built in a worker thread) and search results (ranked ids, with the matched item's title shown in an
extra "Matched" column for volumes found through one of their items).

Painting asks every visible cell for seven roles, so ``data()`` answers the roles it does not serve
before anything else, and everything a cell needs is precomputed (roles and alignments as plain ints,
flags, the muted brush, the status column's place); the block of the row just painted is found
without reordering the LRU again. (Answering the delegate's roles in one ``multiData`` call a cell
was measured too: no faster, as building the role-data wrappers costs what the calls saved.)
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


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_VOLUME_ID = int(VolumeIdRole)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _VOLUME_ID))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
#: volumes shown greyed out
_MUTED_STATUSES = frozenset(str(s) for s in (VolumeStatus.VOID, VolumeStatus.DESTROYED, VolumeStatus.TRANSFERRED))


class VolumeTableModel(QAbstractTableModel):
    BLOCK = 256
    MAX_BLOCKS = 24

    COLUMNS = ("code", "title", "year", "retention", "security", "pages", "item_count", "location", "status")
    #: the extra column shown with search results
    MATCH = "match"

    def __init__(self, db: Database, parent=None, viewer: object = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._db = db
        #: whose table it is (services.audit.Actor): titles above their clearance come masked; None = no accounts
        self._viewer = viewer
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
        self._status_col = self.COLUMNS.index("status")
        self._right_cols = frozenset(self.COLUMNS.index(c) for c in ("year", "pages", "item_count"))
        self._title_col = self.COLUMNS.index("title")
        self._mru_block = -1  # the block read last: found again without reordering the LRU

    # ------------------------------------------------------------ snapshot

    def set_ids(self, ids: array, *, matches: Mapping[int, str] | None = None, search_mode: bool = False) -> None:
        """Show these volumes in this order (a sort snapshot, or ranked search results)."""
        columns_change = search_mode != self._search_mode
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self._mru_block = -1
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
        self._mru_block = -1
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
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: Index, role: int = _DISPLAY):  # noqa: ANN201
        # painting asks ~7 roles a cell: answer the ones we do not serve before touching anything else
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids) or not index.isValid():
            return None
        return self._value(row, index.column(), int(role))

    def _value(self, row: int, column: int, role: int) -> object:
        """``data()`` for a row in range and a role in ``_ROLES``."""
        if role == _VOLUME_ID:
            return self._ids[row]
        if column >= len(self.COLUMNS):  # the "matched item" column
            if role == _DISPLAY or role == _TOOLTIP:
                return self._matches.get(self._ids[row], "")
            return None
        if role == _ALIGNMENT:
            return _RIGHT if column in self._right_cols else None
        values = self._row(row)
        if values is None:
            return None
        if role == _FOREGROUND:
            return self._muted if values[self._status_col] in _MUTED_STATUSES else None
        if role == _TOOLTIP and column != self._title_col:
            return None
        return self.display(self.COLUMNS[column], values[column])

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
        elif block != self._mru_block:
            self._blocks.move_to_end(block)
        self._mru_block = block
        return rows.get(self._ids[row])

    def _fetch(self, block: int) -> dict[int, tuple]:
        ids = self._ids[block * self.BLOCK : (block + 1) * self.BLOCK]
        with self._db.read() as session:
            rows = volume_list.fetch_rows(session, ids, self.COLUMNS, self._viewer)
        self._blocks[block] = rows
        while len(self._blocks) > self.MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return rows
