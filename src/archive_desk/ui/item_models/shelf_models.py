"""Table models of the Shelves area: what stands on a layer, the rooms' totals, space finder proposals,
planned shares of a bulk move. All hold plain records from the services (small lists: a layer holds tens
of volumes, a room has a few racks), so they are simple list models; ``flags()`` never queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from archive_desk.services.catalogue import status_label
from archive_desk.services.locations import LayerShare, RoomTotals, ShelfEntry, SpaceProposal, Totals

Index = QModelIndex | QPersistentModelIndex

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _ListModel(QAbstractTableModel):
    """Rows of records; subclasses name their columns and say how to show a cell."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> object:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < self.columnCount():
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.cell(record, index.column())
            return None if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.numeric(index.column()) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record)
        return None

    def numeric(self, column: int) -> bool:
        return False

    def background(self, record: Any) -> QBrush | None:
        return None


class LayerVolumesModel(_ListModel):
    """What should stand on a layer, in order; the volume just placed (or looked for) is highlighted."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._highlight: int | None = None
        self._headers = [self.tr("No."), self.tr("Archival code"), self.tr("Title"), self.tr("Year"), self.tr("Status")]

    def headers(self) -> list[str]:
        return self._headers

    def set_highlight(self, volume_id: int | None) -> None:
        self._highlight = volume_id
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.BackgroundRole])

    def row_of(self, volume_id: int) -> int | None:
        for i, e in enumerate(self._rows):
            if e.volume_id == volume_id:
                return i
        return None

    def cell(self, row: ShelfEntry, column: int) -> object:
        if column == 4:
            return "" if row.status == "in_stock" else status_label(row.status)
        return (row.order, row.code, row.title, row.year)[column]

    def numeric(self, column: int) -> bool:
        return column in (0, 3)

    def background(self, record: ShelfEntry) -> QBrush | None:
        if record.volume_id == self._highlight:
            return QBrush(QColor("#cfe3ff"))
        if record.status != "in_stock":
            return QBrush(QColor("#fff4d6"))
        return None


def _pct(totals: Totals) -> str:
    pct = totals.fill_percent
    return "—" if pct is None else f"{pct:.1f}%"


class RoomTotalsModel(_ListModel):
    """Rooms with their totals, and a last row for all rooms."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [self.tr("Room"), self.tr("Racks"), self.tr("Layers"), self.tr("Capacity"), self.tr("Used"),
                         self.tr("Free"), self.tr("Fill"), self.tr("Shelf length (m)"), self.tr("Reserved layers")]
        self._total: tuple[Totals, int, int] | None = None

    def headers(self) -> list[str]:
        return self._headers

    def set_overview(self, rooms: Sequence[RoomTotals], total: Totals) -> None:
        self._total = (total, sum(r.racks for r in rooms), sum(r.reserved_layers for r in rooms))
        self.set_rows([*rooms, None])

    def cell(self, row: RoomTotals | None, column: int) -> object:
        if row is None:
            assert self._total is not None
            totals, racks, reserved = self._total
            name = self.tr("All rooms")
        else:
            totals, racks, reserved, name = row.totals, row.racks, row.reserved_layers, row.room.name
        values = (name, racks, totals.layers, totals.capacity_count, totals.used_count, totals.free_count, _pct(totals),
                  f"{totals.capacity_mm / 1000:.1f}", reserved)
        return values[column]

    def numeric(self, column: int) -> bool:
        return column > 0

    def background(self, record: RoomTotals | None) -> QBrush | None:
        return QBrush(QColor("#eef2f6")) if record is None else None

    def room_id(self, row: int) -> int | None:
        record = self.row_record(row)
        return record.room.id if record is not None else None


class ProposalsModel(_ListModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [self.tr("From"), self.tr("To"), self.tr("Layers"), self.tr("Holds"), self.tr("Distance"),
                         self.tr("Where")]

    def headers(self) -> list[str]:
        return self._headers

    def cell(self, row: SpaceProposal, column: int) -> object:
        return (row.first_code, row.last_code, len(row.layer_ids), row.capacity, row.distance, row.words)[column]

    def numeric(self, column: int) -> bool:
        return column in (2, 3, 4)


class SharesModel(_ListModel):
    """How a bulk move spreads over the layers."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [self.tr("Layer"), self.tr("Volumes moved here"), self.tr("Afterwards")]

    def headers(self) -> list[str]:
        return self._headers

    def cell(self, row: LayerShare, column: int) -> object:
        return (row.code, row.count, row.occupancy_after.text())[column]

    def numeric(self, column: int) -> bool:
        return column == 1

    def background(self, record: LayerShare) -> QBrush | None:
        return QBrush(QColor("#fde0dc")) if record.occupancy_after.over else None
