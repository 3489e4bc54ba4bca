"""What the shelving services return (frozen dataclasses), the tables they read and the limits they keep."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive_desk.models import Category, Layer, LocationMove, Rack, Room, Volume, VolumeStatus
from archive_desk.models.base import table_of

V = table_of(Volume)
L = table_of(Layer)
R = table_of(Rack)
RM = table_of(Room)
C = table_of(Category)
M = table_of(LocationMove)

#: statuses in which a volume keeps its place on the shelf
OCCUPYING: tuple[str, ...] = (VolumeStatus.IN_STOCK, VolumeStatus.ON_LOAN, VolumeStatus.MISSING)
LAYER_PAYLOAD_PREFIX = "L."
RACK_KINDS = ("mobile", "cabinet")
DEFAULT_PATTERN = "{room}-{rack:02}{side}-{column:02}-{section}-{layer}"
LOCATION_FIELDS = ("room", "rack", "side", "column", "section", "layer")
#: thickness assumed for a volume whose category is unknown (mm)
DEFAULT_THICKNESS_MM = 30
MAX_DIMENSION = 99
MAX_LAYERS_PER_RACK = 10_000
_CHUNK = 500


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class RoomRecord:
    id: int
    number: int
    code: str
    name: str
    notes: str
    active: bool


@dataclass(frozen=True)
class RackRecord:
    id: int
    room_id: int
    room_code: str
    room_number: int
    number: int
    kind: str
    sides: int
    columns: int
    sections: int
    layers: int
    active: bool

    @property
    def side_letters(self) -> tuple[str, ...]:
        return tuple("AB"[: self.sides])

    @property
    def layer_count(self) -> int:
        return self.sides * self.columns * self.sections * self.layers


@dataclass(frozen=True)
class LayerRecord:
    id: int
    rack_id: int
    side: str
    column: int
    section: int
    layer: int
    code: str
    barcode: str
    capacity_count: int | None
    capacity_mm: int | None
    reserved_for: str
    active: bool


@dataclass(frozen=True)
class LocationInfo:
    """Where a layer is, in code and in words (``1号库房 3号密集架 A面 第2列 第4节 第3层``)."""

    layer_id: int
    code: str
    words: str
    room: int
    rack: int
    side: str
    column: int
    section: int
    layer: int
    room_id: int = 0
    rack_id: int = 0
    room_code: str = ""
    rack_kind: str = "mobile"
    sides: int = 2
    barcode: str = ""
    active: bool = True
    reserved_for: str = ""


@dataclass(frozen=True)
class Occupancy:
    """What is on a layer against what it holds."""

    count: int = 0
    used_mm: int = 0
    capacity_count: int | None = None
    capacity_mm: int | None = None

    @property
    def fill(self) -> float | None:
        """Fill ratio (1.0 = full; above 1 = over capacity) by the stricter limit; None without a limit."""
        ratios = []
        if self.capacity_count:
            ratios.append(self.count / self.capacity_count)
        if self.capacity_mm:
            ratios.append(self.used_mm / self.capacity_mm)
        return max(ratios) if ratios else None

    @property
    def limited(self) -> bool:
        return bool(self.capacity_count or self.capacity_mm)

    @property
    def over(self) -> bool:
        return (self.capacity_count is not None and self.count > self.capacity_count) or (
            self.capacity_mm is not None and self.used_mm > self.capacity_mm
        )

    def room_for(self, thickness_mm: int) -> int | None:
        """How many more volumes of this thickness fit; None when the layer has no limit."""
        limits = []
        if self.capacity_count:
            limits.append(self.capacity_count - self.count)
        if self.capacity_mm:
            limits.append((self.capacity_mm - self.used_mm) // max(1, thickness_mm))
        return max(0, min(limits)) if limits else None

    def fits(self, thickness_mm: int) -> bool:
        if self.capacity_count is not None and self.count + 1 > self.capacity_count:
            return False
        return not (self.capacity_mm is not None and self.used_mm + thickness_mm > self.capacity_mm)

    def plus(self, n: int, mm: int) -> Occupancy:
        return Occupancy(self.count + n, self.used_mm + mm, self.capacity_count, self.capacity_mm)

    def text(self) -> str:
        """``22 / 30`` (count), or ``640 / 900 mm`` when the layer is limited by width only."""
        if self.capacity_count:
            return f"{self.count} / {self.capacity_count}"
        if self.capacity_mm:
            return f"{self.count} · {self.used_mm} / {self.capacity_mm} mm"
        return str(self.count)


@dataclass(frozen=True)
class ShelfEntry:
    """One volume on a layer, in shelf order (``order`` counts from 1)."""

    order: int
    volume_id: int
    code: str
    title: str
    year: int
    status: str
    thickness_mm: int
    shelf_position: int


@dataclass(frozen=True)
class LayerListing:
    location: LocationInfo
    occupancy: Occupancy
    entries: tuple[ShelfEntry, ...]


@dataclass(frozen=True)
class Placement:
    """The result of shelving one volume (by scan or by hand)."""

    volume_id: int
    volume_code: str
    title: str
    layer_id: int
    layer_code: str
    order: int  # its place on the layer, counted from 1
    occupancy: Occupancy
    move_id: int | None  # None when the volume already was on that layer
    previous_layer_id: int | None = None
    previous_layer_code: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def already_there(self) -> bool:
        return self.move_id is None

    @property
    def over_capacity(self) -> bool:
        return self.occupancy.over


@dataclass(frozen=True)
class UndoResult:
    volume_id: int
    volume_code: str
    layer_id: int | None
    layer_code: str
    move_id: int


@dataclass(frozen=True)
class MoveRecord:
    """One step of a volume's location history."""

    id: int
    at: datetime
    by: str
    from_layer_id: int | None
    from_code: str
    to_layer_id: int | None
    to_code: str
    reason: str


@dataclass(frozen=True)
class Refusal:
    volume_id: int
    code: str
    reason: str


@dataclass(frozen=True)
class LayerShare:
    layer_id: int
    code: str
    count: int  # volumes of the batch going to this layer
    occupancy_after: Occupancy


@dataclass(frozen=True)
class BulkMovePlan:
    target_layer_id: int
    target_code: str
    volume_ids: tuple[int, ...]  # the movable ones, in the order they will stand
    shares: tuple[LayerShare, ...]
    refused: tuple[Refusal, ...]
    #: volumes that found no room (0 when the plan fits)
    shortfall: int
    spill: bool

    @property
    def fits(self) -> bool:
        return self.shortfall == 0

    @property
    def over_capacity(self) -> bool:
        return any(s.occupancy_after.over for s in self.shares)


@dataclass(frozen=True)
class BulkMoveResult:
    moved: int
    shares: tuple[LayerShare, ...]
    refused: tuple[Refusal, ...]
    first_move_id: int | None


@dataclass(frozen=True)
class PlannedLayer:
    side: str
    column: int
    section: int
    layer: int
    code: str
    barcode: str


@dataclass(frozen=True)
class MapCell:
    layer_id: int
    side: str
    column: int
    section: int
    layer: int
    code: str
    occupancy: Occupancy
    reserved_for: str
    active: bool

    @property
    def fill(self) -> float | None:
        return self.occupancy.fill

    @property
    def count(self) -> int:
        return self.occupancy.count


@dataclass(frozen=True)
class RackMap:
    rack: RackRecord
    cells: tuple[MapCell, ...]  # in shelving order
    _index: Mapping[tuple[str, int, int, int], MapCell] = field(default_factory=dict, compare=False, repr=False)

    def cell(self, side: str, column: int, section: int, layer: int) -> MapCell | None:
        return self._index.get((side, column, section, layer))

    def totals(self) -> Totals:
        return _totals(c.occupancy for c in self.cells if c.active)



@dataclass(frozen=True)
class Totals:
    layers: int = 0
    capacity_count: int = 0
    used_count: int = 0
    free_count: int = 0
    capacity_mm: int = 0
    used_mm: int = 0
    empty_layers: int = 0

    @property
    def fill(self) -> float | None:
        if self.capacity_count:
            return self.used_count / self.capacity_count
        if self.capacity_mm:
            return self.used_mm / self.capacity_mm
        return None

    @property
    def fill_percent(self) -> float | None:
        f = self.fill
        return None if f is None else round(f * 100, 1)


@dataclass(frozen=True)
class RoomTotals:
    room: RoomRecord
    racks: int
    totals: Totals
    reserved_layers: int


@dataclass(frozen=True)
class Overview:
    rooms: tuple[RoomTotals, ...]
    total: Totals


@dataclass(frozen=True)
class BayFill:
    """One bay (a section of a column, all its layers) summed up, for the room overview."""

    side: str
    column: int
    section: int
    occupancy: Occupancy  # the bay's layers in use, summed

    @property
    def fill(self) -> float | None:
        return self.occupancy.fill


@dataclass(frozen=True)
class RackSummary:
    rack: RackRecord
    bays: tuple[BayFill, ...]
    totals: Totals


@dataclass(frozen=True)
class RoomMap:
    """A room drawn as a floor of racks, each with the fill of every bay (summed in SQL: a room of 14,400
    layers gives ~2,900 bays)."""

    room: RoomRecord
    racks: tuple[RackSummary, ...]


@dataclass(frozen=True)
class SpaceProposal:
    room_id: int
    room_code: str
    layer_ids: tuple[int, ...]
    first_code: str
    last_code: str
    words: str  # where the first layer is
    capacity: int  # volumes of the asked thickness the layers hold
    distance: int  # layers along the shelving order from the anchor
    same_room: bool


@dataclass(frozen=True)
class SpaceSearch:
    count: int
    thickness_mm: int
    anchor_code: str  # the layer the search started from ("" = the start of the first room)
    proposals: tuple[SpaceProposal, ...]


@dataclass(frozen=True)
class Reservation:
    label: str
    layers: int
    first_code: str
    last_code: str


@dataclass(frozen=True)
class ScanResult:
    """What a scanned text stands for: a layer label, a volume, or nothing known."""

    kind: str  # "layer" | "volume" | "unknown"
    text: str
    layer: LayerRecord | None = None
    volume_id: int | None = None
    volume_code: str = ""


@dataclass(frozen=True)
class ShelfListRow:
    location_code: str
    words: str
    order: int
    code: str
    title: str
    year: int
    status: str  # a label ("" when in stock)


def _occupancy(row: Any) -> Occupancy:
    """Occupancy of a row of ``layers`` (with its counters)."""
    return Occupancy(row.used_count or 0, row.used_mm or 0, row.capacity_count, row.capacity_mm)


def _totals(occupancies: Iterable[Occupancy]) -> Totals:
    layers = cap = used = free = cap_mm = used_mm = empty = 0
    for o in occupancies:
        layers += 1
        used += o.count
        used_mm += o.used_mm
        if o.count == 0:
            empty += 1
        if o.capacity_count:
            cap += o.capacity_count
            free += max(0, o.capacity_count - o.count)
        if o.capacity_mm:
            cap_mm += o.capacity_mm
    return Totals(layers, cap, used, free, cap_mm, used_mm, empty)
