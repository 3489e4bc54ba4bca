"""Table models of the Shelves area: what stands on a layer, the rooms' totals, space finder proposals,
planned shares of a bulk move. All hold plain records from the services (small lists: a layer holds tens
of volumes, a room has a few racks), so they are simple list models; ``flags()`` never queries."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from archive_desk.services.catalogue import status_label
from archive_desk.services.locations import LayerShare, RoomTotals, ShelfEntry, SpaceProposal, Totals
from archive_desk.ui.item_models.list_model import RIGHT, Column, ListModel


class LayerVolumesModel(ListModel[ShelfEntry]):
    """What should stand on a layer, in order; the volume just placed (or looked for) is highlighted."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__([
            Column(self.tr("No."), lambda r: r.order, RIGHT),
            Column(self.tr("Archival code"), lambda r: r.code),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Year"), lambda r: r.year, RIGHT),
            Column(self.tr("Status"), lambda r: "" if r.status == "in_stock" else status_label(r.status)),
        ], parent)
        self._highlight: int | None = None

    def set_highlight(self, volume_id: int | None) -> None:
        self._highlight = volume_id
        self.refresh_role(Qt.ItemDataRole.BackgroundRole)

    def row_of(self, volume_id: int) -> int | None:
        for i, e in enumerate(self._rows):
            if e.volume_id == volume_id:
                return i
        return None

    def background(self, record: ShelfEntry) -> QBrush | None:
        if record.volume_id == self._highlight:
            return QBrush(QColor("#cfe3ff"))
        if record.status != "in_stock":
            return QBrush(QColor("#fff4d6"))
        return None


def _pct(totals: Totals) -> str:
    pct = totals.fill_percent
    return "—" if pct is None else f"{pct:.1f}%"


class RoomTotalsModel(ListModel["RoomTotals | None"]):
    """Rooms with their totals, and a last row for all rooms (the record None)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        headers = [self.tr("Room"), self.tr("Racks"), self.tr("Layers"), self.tr("Capacity"), self.tr("Used"),
                   self.tr("Free"), self.tr("Fill"), self.tr("Shelf length (m)"), self.tr("Reserved layers")]
        super().__init__([Column(h, (lambda r, i=i: self._values(r)[i]), None if i == 0 else RIGHT)
                          for i, h in enumerate(headers)], parent)
        self._total: tuple[Totals, int, int] | None = None

    def set_overview(self, rooms: Sequence[RoomTotals], total: Totals) -> None:
        self._total = (total, sum(r.racks for r in rooms), sum(r.reserved_layers for r in rooms))
        self.set_rows([*rooms, None])

    def _values(self, row: RoomTotals | None) -> tuple[object, ...]:
        if row is None:
            assert self._total is not None  # noqa: S101 - narrows the type; the code guarantees it
            totals, racks, reserved = self._total
            name = self.tr("All rooms")
        else:
            totals, racks, reserved, name = row.totals, row.racks, row.reserved_layers, row.room.name
        return (name, racks, totals.layers, totals.capacity_count, totals.used_count, totals.free_count, _pct(totals),
                f"{totals.capacity_mm / 1000:.1f}", reserved)

    def background(self, record: RoomTotals | None) -> QBrush | None:
        return QBrush(QColor("#eef2f6")) if record is None else None

    def room_id(self, row: int) -> int | None:
        record = self.row_record(row)
        return record.room.id if record is not None else None


class ProposalsModel(ListModel[SpaceProposal]):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__([
            Column(self.tr("From"), lambda r: r.first_code),
            Column(self.tr("To"), lambda r: r.last_code),
            Column(self.tr("Layers"), lambda r: len(r.layer_ids), RIGHT),
            Column(self.tr("Holds"), lambda r: r.capacity, RIGHT),
            Column(self.tr("Distance"), lambda r: r.distance, RIGHT),
            Column(self.tr("Where"), lambda r: r.words),
        ], parent)


class SharesModel(ListModel[LayerShare]):
    """How a bulk move spreads over the layers."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__([
            Column(self.tr("Layer"), lambda r: r.code),
            Column(self.tr("Volumes moved here"), lambda r: r.count, RIGHT),
            Column(self.tr("Afterwards"), lambda r: r.occupancy_after.text()),
        ], parent)

    def background(self, record: LayerShare) -> QBrush | None:
        return QBrush(QColor("#fde0dc")) if record.occupancy_after.over else None
