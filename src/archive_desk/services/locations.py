"""Shelving: rooms (库房) → racks (密集架 / 档案柜) → layers (层), and where every volume sits.

Everything takes a ``Session`` (writes in ``db.write()``), an :class:`~archive_desk.services.audit.Actor` for
changes, and plain values; it returns frozen dataclasses. Nothing is deleted: racks and layers are
deactivated, moves are appended to ``location_moves`` (undo appends a move back).

Conventions this module defines (the rest of the app relies on them):

- **Shelving order** is ``(room number, rack number, side, column, section, layer)``: on one face of a rack,
  column by column, section by section, layer 1 (the top shelf) to the bottom. Volumes are shelved in 档号
  order along it; "consecutive layers" and "nearest" are measured along it. A room is never crossed.
- **Layer barcode payload**: ``"L."`` + the location code in the scanner alphabet (``0-9 A-Z - .``), e.g.
  ``L.K1-03A-02-4-3``. A volume's payload is its 档号 with ``·`` as ``.`` and starts with the fonds code
  followed by ``-`` in every shipped pattern, so it cannot start with ``L.``; on top of that, scans are
  always tried as a layer first (:func:`resolve_scan`), so a layer label is never taken for a volume.
- **Occupancy**: a volume keeps its place on a layer while it is in stock, on loan or missing; transferred,
  destroyed and void volumes take no room (they stay in the catalogue with their history).
- **Capacity**: a layer may have a capacity by count (``capacity_count`` volumes) and/or by width
  (``capacity_mm``; each volume counts with its own ``thickness_mm`` or else its category's). When both
  are set the stricter one rules. A layer with neither has no limit (and is not proposed by the space finder).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, case, func, insert, select, text, update
from sqlalchemy.orm import Session, aliased

from archive_desk.errors import DuplicateCodeError, NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Category, Layer, LocationMove, Rack, Room, Volume, VolumeStatus
from archive_desk.services import audit, codes
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import status_label

V = Volume.__table__
L = Layer.__table__
R = Rack.__table__
RM = Room.__table__
C = Category.__table__
M = LocationMove.__table__

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


# ---------------------------------------------------------------- codes and payloads


def layer_payload(code: str) -> str:
    """The barcode payload of a layer label: ``L.`` + the location code (``·`` written as ``.``)."""
    text = codes.normalize_scan(code).replace(codes.MIDDLE_DOT, ".")
    bad = sorted({ch for ch in text if ch not in codes.PAYLOAD_ALPHABET})
    if bad or not text:
        raise ValidationError({"code": t("The location code {code} cannot be put in a barcode: it contains {chars}",
                                         code=code, chars="".join(bad) or "∅")})
    return LAYER_PAYLOAD_PREFIX + text


def is_layer_payload(scanned: str) -> bool:
    return codes.normalize_scan(scanned).startswith(LAYER_PAYLOAD_PREFIX)


def check_pattern(pattern: str, sides: int = 2) -> None:
    """Refuse a location code pattern with unknown fields, or one that would give two layers one code."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise ValidationError({"pattern": t("The location code pattern {pattern} is not valid: {error}",
                                            pattern=pattern, error=exc)}) from exc
    unknown = sorted(set(names) - set(LOCATION_FIELDS))
    if unknown:
        raise ValidationError({"pattern": t("The location code pattern has unknown fields: {fields} (use {known})",
                                            fields=", ".join(unknown), known=", ".join(LOCATION_FIELDS))})
    needed = {"rack", "column", "section", "layer"} | ({"side"} if sides == 2 else set())
    missing = sorted(needed - set(names))
    if missing:
        raise ValidationError({"pattern": t("The location code pattern needs {fields}, or two layers would get the same code",
                                            fields=", ".join("{" + m + "}" for m in missing))})


def format_location_code(pattern: str, *, room: str, rack: int, side: str, column: int, section: int, layer: int) -> str:
    try:
        return pattern.format(room=room, rack=rack, side=side, column=column, section=section, layer=layer)
    except (KeyError, ValueError, IndexError) as exc:
        raise ValidationError({"pattern": t("The location code pattern {pattern} is not valid: {error}",
                                            pattern=pattern, error=exc)}) from exc


def _check_dimensions(sides: int, columns: int, sections: int, layers: int) -> None:
    problems = {}
    if sides not in (1, 2):
        problems["sides"] = t("A rack has 1 or 2 sides")
    for key, value, label in (("columns", columns, t("columns")), ("sections", sections, t("sections")),
                              ("layers", layers, t("layers"))):
        if not isinstance(value, int) or not 1 <= value <= MAX_DIMENSION:
            problems[key] = t("The number of {what} must be between 1 and {most}", what=label, most=MAX_DIMENSION)
    if problems:
        raise ValidationError(problems)


def plan_rack(pattern: str, room_code: str, rack_number: int, *, sides: int, columns: int, sections: int,
              layers: int) -> list[PlannedLayer]:
    """The layers a new rack will have, in shelving order, with their codes and barcode payloads (pure:
    this is the preview the batch-creation dialog shows before anything is created)."""
    _check_dimensions(sides, columns, sections, layers)
    if not 1 <= rack_number <= 999:
        raise ValidationError({"number": t("The rack number must be between 1 and 999")})
    if sides * columns * sections * layers > MAX_LAYERS_PER_RACK:
        raise ValidationError({"layers": t("A rack of more than {most} layers is surely a typo; check the numbers",
                                           most=MAX_LAYERS_PER_RACK)})
    check_pattern(pattern, sides)
    out: list[PlannedLayer] = []
    seen: set[str] = set()
    for side in "AB"[:sides]:
        for col in range(1, columns + 1):
            for sec in range(1, sections + 1):
                for lay in range(1, layers + 1):
                    code = codes.normalize_scan(format_location_code(
                        pattern, room=room_code, rack=rack_number, side=side, column=col, section=sec, layer=lay))
                    if code in seen:
                        raise ValidationError({"pattern": t("The pattern gives two layers the same code {code}", code=code)})
                    seen.add(code)
                    out.append(PlannedLayer(side, col, sec, lay, code, layer_payload(code)))
    return out


def location_words(*, room: int, rack: int, side: str, column: int, section: int, layer: int, kind: str = "mobile",
                   sides: int = 2) -> str:
    """``1号库房 3号密集架 A面 第2列 第4节 第3层`` / ``Room 1, rack 3, side A, column 2, section 4, layer 3``."""
    values = {"room": room, "rack": rack, "side": side, "column": column, "section": section, "layer": layer}
    if kind == "cabinet":
        if sides == 2:
            return t("Room {room}, cabinet {rack}, side {side}, column {column}, section {section}, layer {layer}", **values)
        return t("Room {room}, cabinet {rack}, column {column}, section {section}, layer {layer}", **values)
    if sides == 2:
        return t("Room {room}, rack {rack}, side {side}, column {column}, section {section}, layer {layer}", **values)
    return t("Room {room}, rack {rack}, column {column}, section {section}, layer {layer}", **values)


# ---------------------------------------------------------------- helpers


def _room_record(row: Any) -> RoomRecord:
    return RoomRecord(row.id, row.number, row.code, row.name, row.notes, bool(row.active))


def _layer_record(row: Any) -> LayerRecord:
    return LayerRecord(row.id, row.rack_id, row.side, row.column, row.section, row.layer, row.code, row.barcode,
                       row.capacity_count, row.capacity_mm, row.reserved_for or "", bool(row.active))


_RACK_COLS = (R.c.id, R.c.room_id, RM.c.code.label("room_code"), RM.c.number.label("room_number"), R.c.number, R.c.kind,
              R.c.sides, R.c.columns, R.c.sections, R.c.layers, R.c.active)


def _rack_record(row: Any) -> RackRecord:
    return RackRecord(row.id, row.room_id, row.room_code, row.room_number, row.number, row.kind, row.sides, row.columns,
                      row.sections, row.layers, bool(row.active))


_THICKNESS = select(C.c.id, C.c.thickness_mm)


def _thickness_map(session: Session) -> dict[int, int]:
    return {cid: (th or DEFAULT_THICKNESS_MM) for cid, th in session.execute(_THICKNESS)}


def _usage(session: Session, layer_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """layer id -> (volumes, mm) standing on it, from the counters the triggers keep (db/layer_usage.py)."""
    ids = list(layer_ids)
    out: dict[int, tuple[int, int]] = {}
    for i in range(0, len(ids), _CHUNK):
        for lid, n, mm in session.execute(select(L.c.id, L.c.used_count, L.c.used_mm).where(L.c.id.in_(ids[i : i + _CHUNK]))):
            out[lid] = (n or 0, mm or 0)
    return out


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


def _layer_row(session: Session, layer_id: int) -> Any:
    row = session.execute(select(L).where(L.c.id == layer_id)).first()
    if row is None:
        raise NotFoundError(t("Layer {id} does not exist", id=layer_id))
    return row


def _layer_codes(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    for i in range(0, len(wanted), _CHUNK):
        out.update((lid, code) for lid, code in session.execute(select(L.c.id, L.c.code).where(L.c.id.in_(wanted[i : i + _CHUNK]))))
    return out


def _room_layers_in_order(session: Session, room_id: int) -> list[Any]:
    """All layers of a room in shelving order (active or not) with their rack's number."""
    stmt = (
        select(L, R.c.number.label("rack_number"), R.c.active.label("rack_active"))
        .join(R, R.c.id == L.c.rack_id)
        .where(R.c.room_id == room_id)
        .order_by(R.c.number, L.c.side, L.c.column, L.c.section, L.c.layer)
    )
    return list(session.execute(stmt))


# ---------------------------------------------------------------- rooms


def list_rooms(session: Session, *, active_only: bool = True) -> list[RoomRecord]:
    stmt = select(RM).order_by(RM.c.number)
    if active_only:
        stmt = stmt.where(RM.c.active.is_(True))
    return [_room_record(r) for r in session.execute(stmt)]


def get_room(session: Session, room_id: int | None = None, *, code: str | None = None) -> RoomRecord:
    if code is not None:
        row = session.execute(select(RM).where(RM.c.code == codes.normalize_scan(code))).first()
    else:
        row = session.execute(select(RM).where(RM.c.id == room_id)).first()
    if row is None:
        raise NotFoundError(t("There is no room {code}", code=code if code is not None else room_id))
    return _room_record(row)


def create_room(session: Session, actor: Actor, number: int, code: str = "", name: str = "", notes: str = "") -> RoomRecord:
    code = codes.normalize_scan(code or f"K{number}")
    problems = {}
    if not isinstance(number, int) or not 1 <= number <= 999:
        problems["number"] = t("The room number must be between 1 and 999")
    if not code or len(code) > 8 or not all(ch.isascii() and ch.isalnum() for ch in code):
        problems["code"] = t("The room code must be 1 to 8 letters or digits")
    if problems:
        raise ValidationError(problems)
    if session.scalar(select(RM.c.id).where(RM.c.code == code)) is not None:
        raise DuplicateCodeError(t("The room code {code} is already used", code=code), field="code")
    if session.scalar(select(RM.c.id).where(RM.c.number == number)) is not None:
        raise DuplicateCodeError(t("There already is a room number {number}", number=number), field="number")
    room = Room(number=number, code=code, name=name.strip() or t("Room {number}", number=number), notes=notes)
    session.add(room)
    session.flush()
    audit.record(session, actor, "room.create", "room", room.id, None,
                 {"number": number, "code": code, "name": room.name, "notes": notes})
    return get_room(session, room.id)


def update_room(session: Session, actor: Actor, room_id: int, *, name: str | None = None, notes: str | None = None) -> RoomRecord:
    """Rename a room or change its notes (its number and code are part of every location code: fixed)."""
    room = session.get(Room, room_id)
    if room is None:
        raise NotFoundError(t("There is no room {code}", code=room_id))
    before = {"name": room.name, "notes": room.notes}
    if name is not None:
        if not name.strip():
            raise ValidationError({"name": t("The room needs a name")})
        room.name = name.strip()
    if notes is not None:
        room.notes = notes
    session.flush()
    old, new = audit.diff(before, {"name": room.name, "notes": room.notes})
    if new:
        audit.record(session, actor, "room.update", "room", room.id, old, new)
    return get_room(session, room_id)


def _held_volumes(session: Session, where: Any) -> int:
    return session.scalar(
        select(func.count()).select_from(V.join(L, L.c.id == V.c.layer_id).join(R, R.c.id == L.c.rack_id))
        .where(where, V.c.status.in_(OCCUPYING))
    ) or 0


def deactivate_room(session: Session, actor: Actor, room_id: int, reason: str = "") -> RoomRecord:
    room = get_room(session, room_id)
    held = _held_volumes(session, R.c.room_id == room_id)
    if held:
        raise StatusError(t("Room {room} still holds {count} volumes; move them elsewhere before taking the room out of use.",
                            room=room.name, count=held))
    session.execute(update(RM).where(RM.c.id == room_id).values(active=False))
    audit.record(session, actor, "room.deactivate", "room", room_id, {"active": True}, {"active": False, "reason": reason})
    return get_room(session, room_id)


# ---------------------------------------------------------------- racks


def list_racks(session: Session, room_id: int | None = None, *, active_only: bool = True) -> list[RackRecord]:
    stmt = select(*_RACK_COLS).join(RM, RM.c.id == R.c.room_id).order_by(RM.c.number, R.c.number)
    if room_id is not None:
        stmt = stmt.where(R.c.room_id == room_id)
    if active_only:
        stmt = stmt.where(R.c.active.is_(True))
    return [_rack_record(r) for r in session.execute(stmt)]


def get_rack(session: Session, rack_id: int) -> RackRecord:
    row = session.execute(select(*_RACK_COLS).join(RM, RM.c.id == R.c.room_id).where(R.c.id == rack_id)).first()
    if row is None:
        raise NotFoundError(t("Rack {id} does not exist", id=rack_id))
    return _rack_record(row)


def find_rack(session: Session, room_code: str, number: int) -> RackRecord:
    row = session.execute(select(*_RACK_COLS).join(RM, RM.c.id == R.c.room_id)
                          .where(RM.c.code == codes.normalize_scan(room_code), R.c.number == number)).first()
    if row is None:
        raise NotFoundError(t("There is no rack {number} in room {room}", number=number, room=room_code))
    return _rack_record(row)


def location_pattern(session: Session) -> str:
    from archive_desk.services import room_settings  # noqa: PLC0415 - room_settings checks patterns with this module

    return room_settings.read(session).location_code_pattern


def preview_rack(session: Session, room_id: int, number: int, *, sides: int, columns: int, sections: int,
                 layers: int) -> list[PlannedLayer]:
    """:func:`plan_rack` with the room's code and the catalogue's location code pattern."""
    room = get_room(session, room_id)
    return plan_rack(location_pattern(session), room.code, number, sides=sides, columns=columns, sections=sections,
                     layers=layers)


def create_rack(session: Session, actor: Actor, room_id: int, number: int, *, kind: str = "mobile", sides: int = 2,
                columns: int, sections: int, layers: int, capacity_count: int | None = None,
                capacity_mm: int | None = None) -> RackRecord:
    """Create a whole rack and all its layers (sides × columns × sections × layers) in one go."""
    room = get_room(session, room_id)
    if not room.active:
        raise StatusError(t("Room {room} is no longer in use", room=room.name))
    if kind not in RACK_KINDS:
        raise ValidationError({"kind": t("A rack is a compact mobile rack or a cabinet")})
    _check_capacity(capacity_count, capacity_mm)
    planned = plan_rack(location_pattern(session), room.code, number, sides=sides, columns=columns, sections=sections,
                        layers=layers)
    if session.scalar(select(R.c.id).where(R.c.room_id == room_id, R.c.number == number)) is not None:
        raise DuplicateCodeError(t("Room {room} already has a rack number {number}", room=room.name, number=number),
                                 field="number")
    clashes: list[str] = []
    all_codes = [p.code for p in planned]
    all_barcodes = [p.barcode for p in planned]
    for i in range(0, len(all_codes), _CHUNK):
        clashes += session.scalars(select(L.c.code).where(
            L.c.code.in_(all_codes[i : i + _CHUNK]) | L.c.barcode.in_(all_barcodes[i : i + _CHUNK]))).all()
    if clashes:
        raise DuplicateCodeError(t("These location codes are already used: {codes}", codes=", ".join(sorted(clashes)[:5])),
                                 field="number")
    rack = Rack(room_id=room_id, number=number, kind=kind, sides=sides, columns=columns, sections=sections, layers=layers)
    session.add(rack)
    session.flush()
    session.execute(insert(L), [
        {"rack_id": rack.id, "side": p.side, "column": p.column, "section": p.section, "layer": p.layer, "code": p.code,
         "barcode": p.barcode, "capacity_count": capacity_count, "capacity_mm": capacity_mm, "reserved_for": "",
         "active": True}
        for p in planned
    ])
    audit.record(session, actor, "rack.create", "rack", rack.id, None, {
        "room_id": room_id, "number": number, "kind": kind, "sides": sides, "columns": columns, "sections": sections,
        "layers": layers, "capacity_count": capacity_count, "capacity_mm": capacity_mm, "layer_count": len(planned),
        "first_code": planned[0].code, "last_code": planned[-1].code,
    })
    return get_rack(session, rack.id)


def update_rack(session: Session, actor: Actor, rack_id: int, *, kind: str) -> RackRecord:
    """Change what a rack is called (compact mobile rack or cabinet). Its number and shape are fixed once its
    layers exist: they are in every location code (create a new rack and move the volumes instead)."""
    rack = get_rack(session, rack_id)
    if kind not in RACK_KINDS:
        raise ValidationError({"kind": t("A rack is a compact mobile rack or a cabinet")})
    if kind != rack.kind:
        session.execute(update(R).where(R.c.id == rack_id).values(kind=kind))
        audit.record(session, actor, "rack.update", "rack", rack_id, {"kind": rack.kind}, {"kind": kind})
    return get_rack(session, rack_id)


def deactivate_rack(session: Session, actor: Actor, rack_id: int, reason: str = "") -> RackRecord:
    rack = get_rack(session, rack_id)
    held = _held_volumes(session, R.c.id == rack_id)
    if held:
        raise StatusError(t("Rack {rack} still holds {count} volumes; move them elsewhere before taking it out of use.",
                            rack=f"{rack.room_code}-{rack.number:02d}", count=held))
    session.execute(update(R).where(R.c.id == rack_id).values(active=False))
    session.execute(update(L).where(L.c.rack_id == rack_id).values(active=False))
    audit.record(session, actor, "rack.deactivate", "rack", rack_id, {"active": True}, {"active": False, "reason": reason})
    return get_rack(session, rack_id)


# ---------------------------------------------------------------- layers


def _check_capacity(capacity_count: int | None, capacity_mm: int | None) -> None:
    problems = {}
    if capacity_count is not None and not 1 <= capacity_count <= 10_000:
        problems["capacity_count"] = t("The capacity must be between 1 and 10000 volumes")
    if capacity_mm is not None and not 10 <= capacity_mm <= 100_000:
        problems["capacity_mm"] = t("The width must be between 10 and 100000 mm")
    if problems:
        raise ValidationError(problems)


def get_layer(session: Session, layer_id: int) -> LayerRecord:
    return _layer_record(_layer_row(session, layer_id))


def list_layers(session: Session, rack_id: int) -> list[LayerRecord]:
    stmt = select(L).where(L.c.rack_id == rack_id).order_by(L.c.side, L.c.column, L.c.section, L.c.layer)
    return [_layer_record(r) for r in session.execute(stmt)]


def find_layer(session: Session, scanned: str) -> LayerRecord | None:
    """The layer whose label was scanned (``L.`` + code), or whose code was typed; None if there is none."""
    text = codes.normalize_scan(scanned)
    if not text:
        return None
    row = session.execute(select(L).where(L.c.barcode == text)).first()
    if row is None and not text.startswith(LAYER_PAYLOAD_PREFIX):
        row = session.execute(select(L).where(L.c.code == text)).first()
        if row is None:  # typed with the middle dot written as "." (scanner form) or the other way round
            row = session.execute(select(L).where(L.c.barcode == layer_payload(text) if _payload_ok(text) else False)).first()
    return _layer_record(row) if row else None


def _payload_ok(text: str) -> bool:
    try:
        layer_payload(text)
    except ValidationError:
        return False
    return True


def layer_occupancy(session: Session, layer_ids: Sequence[int]) -> dict[int, Occupancy]:
    rows = []
    ids = list(layer_ids)
    for i in range(0, len(ids), _CHUNK):
        rows += session.execute(select(L.c.id, L.c.capacity_count, L.c.capacity_mm, L.c.used_count, L.c.used_mm)
                                .where(L.c.id.in_(ids[i : i + _CHUNK]))).all()
    return {r.id: _occupancy(r) for r in rows}


def update_layer(session: Session, actor: Actor, layer_id: int, *, code: str | None = None,
                 capacity_count: int | None | object = ..., capacity_mm: int | None | object = ...) -> LayerRecord:
    """Change a layer's code or capacity.

    A layer that holds volumes keeps its code (labels, lists and the volumes' history name it): that edit is
    refused with the reason. Its capacity may change, but not below what already stands on it.
    """
    row = _layer_row(session, layer_id)
    before = {"code": row.code, "barcode": row.barcode, "capacity_count": row.capacity_count, "capacity_mm": row.capacity_mm}
    after = dict(before)
    occ = layer_occupancy(session, [layer_id])[layer_id]
    if code is not None and codes.normalize_scan(code) != row.code:
        if occ.count:
            raise StatusError(t("Layer {code} holds {count} volumes; its code cannot change while volumes stand on it. Move them first.",
                                code=row.code, count=occ.count))
        new_code = codes.normalize_scan(code)
        payload = layer_payload(new_code)
        if session.scalar(select(L.c.id).where((L.c.code == new_code) | (L.c.barcode == payload), L.c.id != layer_id)):
            raise DuplicateCodeError(t("The location code {code} is already used", code=new_code), field="code")
        after.update(code=new_code, barcode=payload)
    if capacity_count is not ...:
        after["capacity_count"] = capacity_count
    if capacity_mm is not ...:
        after["capacity_mm"] = capacity_mm
    _check_capacity(after["capacity_count"], after["capacity_mm"])  # type: ignore[arg-type]
    new_occ = Occupancy(occ.count, occ.used_mm, after["capacity_count"], after["capacity_mm"])  # type: ignore[arg-type]
    if new_occ.over and not occ.over:
        raise StatusError(t("Layer {code} holds {now}; the new capacity would be less than what already stands on it.",
                            code=row.code, now=occ.text()))
    old, new = audit.diff(before, after)
    if new:
        session.execute(update(L).where(L.c.id == layer_id).values(**new))
        audit.record(session, actor, "layer.update", "layer", layer_id, old, new)
    return get_layer(session, layer_id)


def deactivate_layer(session: Session, actor: Actor, layer_id: int, reason: str = "") -> LayerRecord:
    """Take a layer out of use (a broken shelf); refused while volumes stand on it."""
    row = _layer_row(session, layer_id)
    occ = layer_occupancy(session, [layer_id])[layer_id]
    if occ.count:
        raise StatusError(t("Layer {code} holds {count} volumes; move them elsewhere before taking it out of use.",
                            code=row.code, count=occ.count))
    if row.active:
        session.execute(update(L).where(L.c.id == layer_id).values(active=False))
        audit.record(session, actor, "layer.deactivate", "layer", layer_id, {"active": True}, {"active": False, "reason": reason})
    return get_layer(session, layer_id)


def reactivate_layer(session: Session, actor: Actor, layer_id: int) -> LayerRecord:
    row = _layer_row(session, layer_id)
    if not row.active:
        session.execute(update(L).where(L.c.id == layer_id).values(active=True))
        audit.record(session, actor, "layer.reactivate", "layer", layer_id, {"active": False}, {"active": True})
    return get_layer(session, layer_id)


# ---------------------------------------------------------------- where is it


_INFO_COLS = (L.c.id, L.c.code, L.c.barcode, L.c.side, L.c.column, L.c.section, L.c.layer, L.c.active,
              L.c.reserved_for, R.c.id.label("rack_id"), R.c.number.label("rack_number"), R.c.kind, R.c.sides,
              RM.c.id.label("room_id"), RM.c.number.label("room_number"), RM.c.code.label("room_code"))


def _info(row: Any) -> LocationInfo:
    words = location_words(room=row.room_number, rack=row.rack_number, side=row.side, column=row.column,
                           section=row.section, layer=row.layer, kind=row.kind, sides=row.sides)
    return LocationInfo(row.id, row.code, words, row.room_number, row.rack_number, row.side, row.column, row.section,
                        row.layer, row.room_id, row.rack_id, row.room_code, row.kind, row.sides, row.barcode,
                        bool(row.active), row.reserved_for or "")


def _info_query() -> Any:
    return select(*_INFO_COLS).select_from(L.join(R, R.c.id == L.c.rack_id).join(RM, RM.c.id == R.c.room_id))


def describe_location(session: Session, layer_id: int) -> LocationInfo:
    """Where a layer is, with its words in the current language (for the volume detail pane)."""
    row = session.execute(_info_query().where(L.c.id == layer_id)).first()
    if row is None:
        raise NotFoundError(t("Layer {id} does not exist", id=layer_id))
    return _info(row)


def describe_locations(session: Session, layer_ids: Iterable[int]) -> dict[int, LocationInfo]:
    ids = sorted(set(layer_ids))
    out: dict[int, LocationInfo] = {}
    for i in range(0, len(ids), _CHUNK):
        for row in session.execute(_info_query().where(L.c.id.in_(ids[i : i + _CHUNK]))):
            out[row.id] = _info(row)
    return out


def volume_location(session: Session, volume_id: int) -> LocationInfo | None:
    """Where a volume stands, or None when it is not shelved."""
    layer_id = session.scalar(select(V.c.layer_id).where(V.c.id == volume_id))
    return describe_location(session, layer_id) if layer_id is not None else None


_LAYER_INFO = _info_query().add_columns(L.c.capacity_count, L.c.capacity_mm).where(L.c.id == bindparam("lid"))
_LAYER_VOLUMES = (select(V.c.id, V.c.code, V.c.title, V.c.year, V.c.status, V.c.category_id, V.c.thickness_mm,
                         V.c.shelf_position)
                  .where(V.c.layer_id == bindparam("lid"), V.c.status.in_(OCCUPYING))
                  .order_by(V.c.shelf_position, V.c.id))


def list_layer(session: Session, layer_id: int) -> LayerListing:
    """What should stand on a layer, in shelf order, with its occupancy (prebuilt statements: this runs
    on every scan)."""
    row = session.execute(_LAYER_INFO, {"lid": layer_id}).first()
    if row is None:
        raise NotFoundError(t("Layer {id} does not exist", id=layer_id))
    thick = _thickness_map(session)
    entries = tuple(
        ShelfEntry(i, r.id, r.code, r.title, r.year, r.status,
                   r.thickness_mm or thick.get(r.category_id, DEFAULT_THICKNESS_MM), r.shelf_position or 0)
        for i, r in enumerate(session.execute(_LAYER_VOLUMES, {"lid": layer_id}), start=1))
    occ = Occupancy(len(entries), sum(e.thickness_mm for e in entries), row.capacity_count, row.capacity_mm)
    return LayerListing(_info(row), occ, entries)


def resolve_scan(session: Session, text: str) -> ScanResult:
    """A scan as a layer label first (so a layer is never taken for a volume), then as a volume."""
    scanned = codes.normalize_scan(text)
    if not scanned:
        return ScanResult("unknown", scanned)
    if scanned.startswith(LAYER_PAYLOAD_PREFIX):
        layer = find_layer(session, scanned)
        return ScanResult("layer", scanned, layer=layer) if layer else ScanResult("unknown", scanned)
    row = session.execute(select(V.c.id, V.c.code).where(V.c.barcode == scanned)).first()
    if row is None:
        row = session.execute(select(V.c.id, V.c.code).where(V.c.code == codes.canonical_code(scanned))).first()
    if row is not None:
        return ScanResult("volume", scanned, volume_id=row.id, volume_code=row.code)
    layer = find_layer(session, scanned)  # a location code typed by hand
    if layer is not None:
        return ScanResult("layer", scanned, layer=layer)
    return ScanResult("unknown", scanned)


# ---------------------------------------------------------------- shelving one volume


def unshelvable_reason(code: str, status: str) -> str | None:
    """Why a volume in this status cannot be shelved or moved (None if it can)."""
    if status == VolumeStatus.ON_LOAN:
        return t("Volume {code} is on loan: register its return before shelving it.", code=code)
    if status == VolumeStatus.TRANSFERRED:
        return t("Volume {code} was transferred out; it cannot be shelved.", code=code)
    if status == VolumeStatus.DESTROYED:
        return t("Volume {code} was destroyed; it cannot be shelved.", code=code)
    if status == VolumeStatus.VOID:
        return t("Volume {code} is void (entered by mistake); it cannot be shelved.", code=code)
    if status == VolumeStatus.MISSING:
        return t("Volume {code} is recorded as missing: record it as found (stocktake) before shelving it.", code=code)
    if status != VolumeStatus.IN_STOCK:
        return t("Volume {code} is {status}; it cannot be shelved.", code=code, status=status_label(status))
    return None


def _next_position(session: Session, layer_id: int) -> int:
    return (session.scalar(select(func.max(V.c.shelf_position)).where(V.c.layer_id == layer_id)) or 0) + 1


def _layer_warnings(row: Any, occ: Occupancy) -> list[str]:
    warnings = []
    if occ.over:
        warnings.append(t("Layer {code} is over capacity: {now}.", code=row.code, now=occ.text()))
    if row.reserved_for:
        warnings.append(t("Layer {code} is reserved for {label}.", code=row.code, label=row.reserved_for))
    return warnings


def place_volume(session: Session, actor: Actor, volume_id: int, layer_id: int, *, reason: str = "") -> Placement:
    """Shelve a volume at the end of a layer (a scan in shelving mode). Refused for volumes on loan,
    transferred, destroyed, missing or void, and on layers out of use; over capacity it is placed with a
    warning (the clerk has already put it there)."""
    layer = _layer_row(session, layer_id)
    if not layer.active:
        raise StatusError(t("Layer {code} is out of use; choose another layer.", code=layer.code))
    volume = session.get(Volume, volume_id, populate_existing=True)
    if volume is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    why = unshelvable_reason(volume.code, volume.status)
    if why:
        raise StatusError(why)
    if volume.layer_id == layer_id:
        listing = list_layer(session, layer_id)
        order = next((e.order for e in listing.entries if e.volume_id == volume_id), 0)
        return Placement(volume.id, volume.code, volume.title, layer_id, layer.code, order, listing.occupancy, None,
                         layer_id, layer.code,
                         (t("Volume {code} already stands on {layer} (number {order}).", code=volume.code, layer=layer.code,
                            order=order),))
    previous, previous_pos = volume.layer_id, volume.shelf_position
    position = _next_position(session, layer_id)
    move_id = session.execute(insert(M).values(
        volume_id=volume.id, from_layer_id=previous, to_layer_id=layer_id, from_position=previous_pos,
        to_position=position, at=audit.utcnow(), by=actor.user, reason=reason)).inserted_primary_key[0]
    volume.layer_id = layer_id
    volume.shelf_position = position
    volume.updated_by = actor.user
    volume.updated_at = audit.utcnow()
    session.flush()
    audit.record(session, actor, "volume.shelve", "volume", volume.id,
                 {"layer_id": previous, "shelf_position": previous_pos},
                 {"layer_id": layer_id, "shelf_position": position, "move_id": move_id, "reason": reason})
    occ = layer_occupancy(session, [layer_id])[layer_id]
    order = session.scalar(select(func.count()).where(
        V.c.layer_id == layer_id, V.c.status.in_(OCCUPYING), V.c.shelf_position <= position)) or occ.count
    prev_code = _layer_codes(session, [previous]).get(previous, "") if previous else ""
    return Placement(volume.id, volume.code, volume.title, layer_id, layer.code, order, occ, move_id, previous, prev_code,
                     tuple(_layer_warnings(layer, occ)))


def undo_move(session: Session, actor: Actor, move_id: int) -> UndoResult:
    """Put a volume back where a move took it from (its previous layer and place). Only the volume's latest
    move can be undone, and only while it still stands where that move put it. The undo is itself a move."""
    move = session.execute(select(M).where(M.c.id == move_id)).first()
    if move is None:
        raise NotFoundError(t("Move {id} does not exist", id=move_id))
    volume = session.get(Volume, move.volume_id, populate_existing=True)
    assert volume is not None
    latest = session.scalar(select(func.max(M.c.id)).where(M.c.volume_id == volume.id))
    if latest != move_id or volume.layer_id != move.to_layer_id:
        raise StatusError(t("Volume {code} has been moved again since; this move can no longer be undone.", code=volume.code))
    target, position = move.from_layer_id, move.from_position
    if target is not None:
        if position is None:
            position = _next_position(session, target)
        else:
            taken = session.scalar(select(V.c.id).where(V.c.layer_id == target, V.c.shelf_position == position,
                                                        V.c.id != volume.id).limit(1))
            if taken is not None:  # someone was shelved into its old place meanwhile: make room, keep the order
                session.execute(update(V).where(V.c.layer_id == target, V.c.shelf_position >= position, V.c.id != volume.id)
                                .values(shelf_position=V.c.shelf_position + 1))
    else:
        position = None
    undo_id = session.execute(insert(M).values(
        volume_id=volume.id, from_layer_id=volume.layer_id, to_layer_id=target, from_position=volume.shelf_position,
        to_position=position, at=audit.utcnow(), by=actor.user, reason=t("undo"))).inserted_primary_key[0]
    before = {"layer_id": volume.layer_id, "shelf_position": volume.shelf_position}
    volume.layer_id = target
    volume.shelf_position = position
    volume.updated_by = actor.user
    volume.updated_at = audit.utcnow()
    session.flush()
    audit.record(session, actor, "volume.shelve_undo", "volume", volume.id, before,
                 {"layer_id": target, "shelf_position": position, "undoes": move_id, "move_id": undo_id})
    code = _layer_codes(session, [target]).get(target, "") if target else ""
    return UndoResult(volume.id, volume.code, target, code, undo_id)


def location_history(session: Session, volume_id: int) -> list[MoveRecord]:
    """Every move of a volume, oldest first: when, who, from where, to where, why."""
    lf, lt = aliased(Layer), aliased(Layer)
    stmt = (select(LocationMove.id, LocationMove.at, LocationMove.by, LocationMove.from_layer_id, lf.code,
                   LocationMove.to_layer_id, lt.code, LocationMove.reason)
            .outerjoin(lf, lf.id == LocationMove.from_layer_id)
            .outerjoin(lt, lt.id == LocationMove.to_layer_id)
            .where(LocationMove.volume_id == volume_id)
            .order_by(LocationMove.at, LocationMove.id))
    return [MoveRecord(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6] or "", r[7] or "") for r in session.execute(stmt)]


# ---------------------------------------------------------------- bulk moves


def _dedupe(ids: Iterable[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for i in ids:
        if i not in seen:
            seen.add(i)
            out.append(int(i))
    return out


@dataclass(frozen=True, slots=True)
class _Moving:
    id: int
    code: str
    status: str
    layer_id: int | None
    shelf_position: int | None
    width: int


def _load_volumes(session: Session, ids: Sequence[int], thick: Mapping[int, int]) -> dict[int, _Moving]:
    out = {}
    for i in range(0, len(ids), 5000):
        stmt = (select(V.c.id, V.c.code, V.c.status, V.c.layer_id, V.c.shelf_position, V.c.category_id, V.c.thickness_mm)
                .where(V.c.id.in_(ids[i : i + 5000])))
        for r in session.execute(stmt):
            out[r.id] = _Moving(r.id, r.code, r.status, r.layer_id, r.shelf_position,
                                r.thickness_mm or thick.get(r.category_id, DEFAULT_THICKNESS_MM))
    return out


def plan_bulk_move(session: Session, volume_ids: Iterable[int], target_layer_id: int, *, spill: bool = True) -> BulkMovePlan:
    """Where a selection would go, keeping its order: onto the target layer and, with ``spill``, on along the
    following layers in shelving order while they are empty, in use and not reserved for something else
    (a batch always lands in one unbroken stretch). Volumes that cannot move are listed with the reason."""
    ids = _dedupe(volume_ids)
    return _plan_bulk_move(session, ids, _load_volumes(session, ids, _thickness_map(session)), target_layer_id, spill)


def _plan_bulk_move(session: Session, ids: list[int], rows: Mapping[int, _Moving], target_layer_id: int,
                    spill: bool) -> BulkMovePlan:
    target = _layer_row(session, target_layer_id)
    if not target.active:
        raise StatusError(t("Layer {code} is out of use; choose another layer.", code=target.code))
    refused: list[Refusal] = []
    movable: list[Any] = []
    for vid in ids:
        row = rows.get(vid)
        if row is None:
            refused.append(Refusal(vid, "", t("Volume {id} does not exist", id=vid)))
            continue
        why = unshelvable_reason(row.code, row.status)
        if why:
            refused.append(Refusal(vid, row.code, why))
        else:
            movable.append(row)
    batch = [r.id for r in movable]

    room_id = session.scalar(select(R.c.room_id).where(R.c.id == target.rack_id))
    order = _room_layers_in_order(session, room_id) if spill else [target]
    start = next(i for i, r in enumerate(order) if r.id == target.id)
    run = order[start:]

    shares: list[LayerShare] = []
    i = 0  # index of the next volume to place
    batch_on = _batch_usage(movable)
    for k, layer in enumerate(run):
        if i >= len(movable):
            break
        if k > 0:
            eligible = layer.active and (getattr(layer, "rack_active", True) is not False) and (
                (layer.reserved_for or "") in ("", target.reserved_for or ""))
            if not eligible:
                break
        bn, bmm = batch_on.get(layer.id, (0, 0))  # the batch's own volumes leave their layers
        n, mm = (layer.used_count or 0) - bn, (layer.used_mm or 0) - bmm
        if k > 0 and n > 0:
            break  # a following layer that already holds other volumes ends the stretch
        occ = Occupancy(n, mm, layer.capacity_count, layer.capacity_mm)
        placed = 0
        while i < len(movable) and (occ.fits(int(movable[i].width)) or (not occ.limited)):
            occ = occ.plus(1, int(movable[i].width))
            i += 1
            placed += 1
        if placed:
            shares.append(LayerShare(layer.id, layer.code, placed, occ))
        if not spill:
            break
    shortfall = len(movable) - i
    return BulkMovePlan(target.id, target.code, tuple(batch), tuple(shares), tuple(refused), shortfall, spill)


def _batch_usage(rows: Iterable[Any]) -> dict[int, tuple[int, int]]:
    out: dict[int, tuple[int, int]] = {}
    for r in rows:
        if r.layer_id is not None and r.status in OCCUPYING:
            n, mm = out.get(r.layer_id, (0, 0))
            out[r.layer_id] = (n + 1, mm + int(r.width))
    return out


def bulk_move(session: Session, actor: Actor, volume_ids: Iterable[int], target_layer_id: int, *, spill: bool = True,
              skip_refused: bool = False, allow_overflow: bool = False, reason: str = "") -> BulkMoveResult:
    """Move a selection or a search result (ids in the order they should stand) to a target layer, keeping
    their order (see :func:`plan_bulk_move`). Refused as a whole when some volumes cannot move (unless
    ``skip_refused``) or when the stretch is too short (unless ``allow_overflow``: the rest then goes onto
    the last layer of the stretch, over its capacity)."""
    ids = _dedupe(volume_ids)
    rows = _load_volumes(session, ids, _thickness_map(session))
    plan = _plan_bulk_move(session, ids, rows, target_layer_id, spill)
    if plan.refused and not skip_refused:
        first = plan.refused[0]
        raise StatusError(t("{count} of the volumes cannot be moved, e.g. {reason}", count=len(plan.refused), reason=first.reason))
    shares = list(plan.shares)
    if not plan.fits:
        if not allow_overflow:
            fit = len(plan.volume_ids) - plan.shortfall
            raise StatusError(t("Only {fit} of {count} volumes fit from layer {code} on; choose another layer or use the space finder.",
                                fit=fit, count=len(plan.volume_ids), code=plan.target_code))
        if shares:
            last = shares[-1]
            shares[-1] = LayerShare(last.layer_id, last.code, last.count + plan.shortfall,
                                    last.occupancy_after.plus(plan.shortfall, 0))
        else:
            target = _layer_row(session, target_layer_id)
            n, mm = _usage(session, [target.id]).get(target.id, (0, 0))
            bn, bmm = _batch_usage(rows[i] for i in plan.volume_ids).get(target.id, (0, 0))
            n, mm = n - bn, mm - bmm
            shares = [LayerShare(target.id, target.code, len(plan.volume_ids),
                                 Occupancy(n + len(plan.volume_ids), mm, target.capacity_count, target.capacity_mm))]
    if not plan.volume_ids:
        return BulkMoveResult(0, (), plan.refused, None)

    now = audit.utcnow()
    updates: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    trail: list[list[Any]] = []
    ids_iter = iter(plan.volume_ids)
    share_ids = [s.layer_id for s in shares]
    bases: dict[int, int] = {}
    for i in range(0, len(share_ids), _CHUNK):
        bases.update((lid, pos) for lid, pos in session.execute(
            select(V.c.layer_id, func.max(V.c.shelf_position)).where(V.c.layer_id.in_(share_ids[i : i + _CHUNK]))
            .group_by(V.c.layer_id)))
    for share in shares:
        base = bases.get(share.layer_id) or 0  # new places follow everything on the layer (gaps are harmless)
        for k in range(share.count):
            vid = next(ids_iter)
            row = rows[vid]
            pos = base + k + 1
            updates.append({"b_id": vid, "b_layer": share.layer_id, "b_pos": pos})
            moves.append({"volume_id": vid, "from_layer_id": row.layer_id, "to_layer_id": share.layer_id,
                          "from_position": row.shelf_position, "to_position": pos, "at": now, "by": actor.user,
                          "reason": reason})
            trail.append([vid, row.layer_id, row.shelf_position, share.layer_id, pos])
    session.execute(
        update(V).where(V.c.id == bindparam("b_id")).values(
            layer_id=bindparam("b_layer"), shelf_position=bindparam("b_pos"), version=V.c.version + 1,
            updated_at=now, updated_by=actor.user),
        updates,
        execution_options={"synchronize_session": False},
    )
    first_id = (session.scalar(select(func.max(M.c.id))) or 0) + 1
    session.execute(insert(M), moves)
    session.expire_all()  # ORM copies of the moved volumes are stale now
    audit.record(session, actor, "location.bulk_move", "layer", target_layer_id, None, {
        "count": len(trail), "reason": reason, "layers": [[s.layer_id, s.code, s.count] for s in shares],
        "refused": [r.volume_id for r in plan.refused],
        "moves": trail,  # [volume id, from layer, from position, to layer, to position]
    })
    return BulkMoveResult(len(trail), tuple(shares), plan.refused, first_id)


# ---------------------------------------------------------------- overview and maps


def _free_sql() -> Any:
    return case((L.c.capacity_count > L.c.used_count, L.c.capacity_count - L.c.used_count), else_=0)


def _sum_columns() -> tuple[Any, ...]:
    """Sums over layers in use that make a :class:`Totals` (layers, capacity, used, free, mm, empty)."""
    return (func.count(), func.coalesce(func.sum(L.c.capacity_count), 0), func.coalesce(func.sum(L.c.used_count), 0),
            func.coalesce(func.sum(_free_sql()), 0), func.coalesce(func.sum(L.c.capacity_mm), 0),
            func.coalesce(func.sum(L.c.used_mm), 0), func.coalesce(func.sum(case((L.c.used_count == 0, 1), else_=0)), 0))


def room_overview(session: Session) -> Overview:
    """Per room and in all: layers, capacity, used, free, fill % (summed in SQL from the layer counters)."""
    rooms = list_rooms(session)
    stmt = (select(R.c.room_id, func.count(func.distinct(R.c.id)), func.coalesce(func.sum(case((L.c.reserved_for != "", 1), else_=0)), 0),
                   *_sum_columns())
            .join(R, R.c.id == L.c.rack_id).where(L.c.active.is_(True), R.c.active.is_(True)).group_by(R.c.room_id))
    per_room = {row[0]: (row[1], row[2], Totals(*(int(x) for x in row[3:]))) for row in session.execute(stmt)}
    out = tuple(RoomTotals(room, per_room.get(room.id, (0, 0, Totals()))[0], per_room.get(room.id, (0, 0, Totals()))[2],
                           per_room.get(room.id, (0, 0, Totals()))[1]) for room in rooms)
    parts = [t_ for _racks, _res, t_ in per_room.values()]
    total = Totals(*(sum(getattr(p, f) for p in parts) for f in ("layers", "capacity_count", "used_count", "free_count",
                                                                   "capacity_mm", "used_mm", "empty_layers")))
    return Overview(out, total)


def _rack_maps(session: Session, racks: Sequence[RackRecord]) -> list[RackMap]:
    if not racks:
        return []
    by_rack: dict[int, list[MapCell]] = {r.id: [] for r in racks}
    ids = list(by_rack)
    for i in range(0, len(ids), _CHUNK):
        stmt = (select(L).where(L.c.rack_id.in_(ids[i : i + _CHUNK]))
                .order_by(L.c.rack_id, L.c.side, L.c.column, L.c.section, L.c.layer))
        for row in session.execute(stmt):
            by_rack[row.rack_id].append(MapCell(row.id, row.side, row.column, row.section, row.layer, row.code,
                                                _occupancy(row), row.reserved_for or "", bool(row.active)))
    out = []
    for rack in racks:
        cells = tuple(by_rack[rack.id])
        out.append(RackMap(rack, cells, {(c.side, c.column, c.section, c.layer): c for c in cells}))
    return out


def rack_map(session: Session, rack_id: int) -> RackMap:
    """Every layer of a rack with its count and fill ratio, for drawing the rack per side."""
    rack = get_rack(session, rack_id)
    return _rack_maps(session, [rack])[0]


def room_map(session: Session, room_id: int) -> RoomMap:
    """Every rack of a room with the fill of each of its bays, for drawing the room as a floor of racks
    (one pass over the room's layers, in the order of the layers' position index)."""
    room = get_room(session, room_id)
    racks = list_racks(session, room_id)
    in_room = select(R.c.id).where(R.c.room_id == room_id, R.c.active.is_(True))
    stmt = (select(L.c.rack_id, L.c.side, L.c.column, L.c.section, *_sum_columns())
            .where(L.c.rack_id.in_(in_room), L.c.active.is_(True))
            .group_by(L.c.rack_id, L.c.side, L.c.column, L.c.section))
    bays: dict[int, list[BayFill]] = {r.id: [] for r in racks}
    totals: dict[int, list[int]] = {r.id: [0] * 7 for r in racks}
    for rack_id, side, col, sec, n_layers, cap, used, free, cap_mm, used_mm, empty in session.execute(stmt):
        if rack_id not in bays:
            continue
        bays[rack_id].append(BayFill(side, col, sec, Occupancy(used, used_mm, cap or None, cap_mm or None)))
        acc = totals[rack_id]
        acc[0] += n_layers
        acc[1] += cap
        acc[2] += used
        acc[3] += free
        acc[4] += cap_mm
        acc[5] += used_mm
        acc[6] += empty
    return RoomMap(room, tuple(RackSummary(r, tuple(bays[r.id]), Totals(*totals[r.id])) for r in racks))


# ---------------------------------------------------------------- space finder and reservations


def _category_anchor(session: Session, category_id: int) -> int | None:
    """The layer holding the category's last shelved volume (highest 档号): new volumes continue after it.

    Walks the 档号 index backwards from the end of each of the category's code ranges (``Z109-LP·`` …), so it
    costs a few index steps however large the catalogue."""
    from archive_desk.models import Fonds  # noqa: PLC0415

    pattern = session.scalar(select(C.c.code_pattern).where(C.c.id == category_id)) or ""
    category_code = session.scalar(select(C.c.code).where(C.c.id == category_id)) or ""
    best: tuple[str, int] | None = None
    for fonds_code in session.scalars(select(Fonds.code)):
        prefix = _code_prefix(pattern, fonds_code, category_code)
        stmt = (select(V.c.code, V.c.layer_id)
                .where(V.c.category_id == category_id, V.c.layer_id.is_not(None), V.c.status.in_(OCCUPYING)))
        if prefix:
            stmt = stmt.where(V.c.code >= prefix, V.c.code < prefix + "\uffff").order_by(V.c.code.desc())
        else:  # a pattern that does not start with the fonds and category: sort the category's volumes
            stmt = stmt.order_by(V.c.code.concat("").desc())
        row = session.execute(stmt.limit(1)).first()
        if row is not None and (best is None or row.code > best[0]):
            best = (row.code, row.layer_id)
        if not prefix:
            break
    return best[1] if best else None


def _code_prefix(pattern: str, fonds_code: str, category_code: str) -> str:
    """The literal start of a category's codes for one fonds (``Z109-LP·``), or "" if the pattern does not
    begin with the fonds and category."""
    try:
        parts = codes.CodePattern(pattern).parts
    except ValidationError:
        return ""
    out: list[str] = []
    seen: set[str] = set()
    for part in parts:
        if part.literal is not None:
            out.append(part.literal)
        elif part.token == "fonds":
            out.append(fonds_code)
            seen.add("fonds")
        elif part.token == "category":
            out.append(category_code)
            seen.add("category")
        else:
            break
    return "".join(out) if seen == {"fonds", "category"} else ""


def _room_free_map(session: Session, room_id: int) -> list[tuple[int, bool, int | None, int | None]]:
    """A room's layers in shelving order as (id, free, capacity_count, capacity_mm); free = in use, empty, not
    reserved and with a capacity. The order comes straight from the racks' and layers' position indexes."""
    free = case(((L.c.active.is_(True)) & (R.c.active.is_(True)) & (L.c.reserved_for == "") & (L.c.used_count == 0)
                 & (L.c.capacity_count.is_not(None) | L.c.capacity_mm.is_not(None)), 1), else_=0)
    stmt = (select(L.c.id, free, L.c.capacity_count, L.c.capacity_mm).join(R, R.c.id == L.c.rack_id)
            .where(R.c.room_id == room_id).order_by(R.c.number, L.c.side, L.c.column, L.c.section, L.c.layer))
    return [(lid, bool(f), cap, cap_mm) for lid, f, cap, cap_mm in session.execute(stmt)]


def _free_stretches(layers: Sequence[tuple[int, bool, int | None, int | None]], anchor: int, *, backwards: bool,
                    count: int, thick: int, limit: int) -> list[tuple[int, list[int], int]]:
    """Walk the layers away from index ``anchor`` (-1: before the first) and cut the free ones into stretches of
    consecutive layers, each just holding ``count`` volumes; stops after ``limit`` stretches.
    Returns (distance in layers from the anchor to the stretch's nearest layer, layer ids in shelving order,
    capacity)."""
    out: list[tuple[int, list[int], int]] = []
    chosen: list[int] = []
    nearest = 0
    total = 0
    indexes = range(anchor - 1, -1, -1) if backwards else range(anchor + 1, len(layers))
    for i in indexes:
        lid, free, cap, cap_mm = layers[i]
        if not free:
            chosen, total = [], 0
            continue
        if not chosen:
            nearest = i
        chosen.append(lid)
        total += Occupancy(0, 0, cap, cap_mm).room_for(thick) or 0
        if total >= count:
            out.append((abs(nearest - anchor), chosen[::-1] if backwards else chosen, total))
            if len(out) >= limit:
                break
            chosen, total = [], 0
    return out


def find_space(session: Session, count: int, *, category_id: int | None = None, thickness_mm: int | None = None,
               room_id: int | None = None, limit: int = 5) -> SpaceSearch:
    """Where can ``count`` volumes of a kind go? Proposes stretches of consecutive layers (shelving order, one
    room) that are empty, in use and not reserved, holding at least ``count`` volumes of the category's
    thickness, nearest first.

    *Nearest* is measured along the shelving order from the **anchor**: the layer holding the category's last
    shelved volume (its highest 档号), since a new batch continues its category; without a category (or
    with nothing shelved yet) the anchor is the start of the first room. Stretches in the anchor's room come
    first, nearest first, on both sides of the anchor (a stretch may start right after it); other rooms
    follow in room order, earliest stretch first. A long free run gives several successive proposals.
    """
    if count < 1:
        raise ValidationError({"count": t("The number of volumes must be at least 1")})
    thick = thickness_mm
    if thick is None and category_id is not None:
        thick = session.scalar(select(C.c.thickness_mm).where(C.c.id == category_id))
    thick = int(thick or DEFAULT_THICKNESS_MM)
    anchor_layer = _category_anchor(session, category_id) if category_id is not None else None
    anchor_room = session.scalar(select(R.c.room_id).join(L, L.c.rack_id == R.c.id).where(L.c.id == anchor_layer)) \
        if anchor_layer is not None else None
    rooms = [r for r in list_rooms(session) if room_id is None or r.id == room_id]
    if anchor_room is not None and room_id is None:
        rooms.sort(key=lambda r: (r.id != anchor_room, r.number))
    proposals: list[SpaceProposal] = []
    anchor_code = ""
    for room in rooms:
        if len(proposals) >= limit:
            break
        layers = _room_free_map(session, room.id)
        anchor = -1  # index of the anchor layer in the room (-1: measure from the start of the room)
        if anchor_layer is not None and room.id == anchor_room:
            anchor = next((i for i, row in enumerate(layers) if row[0] == anchor_layer), -1)
            if anchor >= 0:
                anchor_code = _layer_codes(session, [anchor_layer]).get(anchor_layer, "")
        wanted = limit - len(proposals)
        found = _free_stretches(layers, anchor, backwards=False, count=count, thick=thick, limit=wanted)
        if anchor >= 0:
            found += _free_stretches(layers, anchor, backwards=True, count=count, thick=thick, limit=wanted)
        found.sort(key=lambda f: f[0])
        same = anchor_room == room.id
        for distance, chosen, capacity in found[:wanted]:
            names = _layer_codes(session, [chosen[0], chosen[-1]])
            info = describe_location(session, chosen[0])
            proposals.append(SpaceProposal(room.id, room.code, tuple(chosen), names[chosen[0]], names[chosen[-1]],
                                           info.words, capacity, distance, same))
    return SpaceSearch(count, thick, anchor_code, tuple(proposals[:limit]))


def reserve_layers(session: Session, actor: Actor, layer_ids: Sequence[int], label: str) -> int:
    """Reserve layers (e.g. a space finder proposal) for an incoming transfer; returns how many."""
    label = label.strip()
    if not label or len(label) > 40:
        raise ValidationError({"label": t("Name the reservation (up to 40 characters), e.g. the transfer it is for")})
    ids = list(layer_ids)
    rows = []
    for i in range(0, len(ids), _CHUNK):
        rows += session.execute(select(L.c.id, L.c.code, L.c.reserved_for, L.c.active).where(L.c.id.in_(ids[i : i + _CHUNK]))).all()
    if len(rows) != len(set(ids)):
        raise NotFoundError(t("Some of the layers do not exist"))
    for row in rows:
        if row.reserved_for and row.reserved_for != label:
            raise StatusError(t("Layer {code} is already reserved for {label}.", code=row.code, label=row.reserved_for))
        if not row.active:
            raise StatusError(t("Layer {code} is out of use; choose another layer.", code=row.code))
    for i in range(0, len(ids), _CHUNK):
        session.execute(update(L).where(L.c.id.in_(ids[i : i + _CHUNK])).values(reserved_for=label))
    codes_sorted = sorted(r.code for r in rows)
    audit.record(session, actor, "layer.reserve", "layer", ids[0] if ids else None, None,
                 {"label": label, "layers": ids, "first_code": codes_sorted[0] if rows else "",
                  "last_code": codes_sorted[-1] if rows else ""})
    return len(rows)


def release_reservation(session: Session, actor: Actor, label: str | None = None, *,
                        layer_ids: Sequence[int] | None = None) -> int:
    """Release a reservation by its label (all its layers) or given layers; returns how many were released."""
    if label is None and layer_ids is None:
        raise ValidationError({"label": t("Say which reservation to release")})
    stmt = select(L.c.id).where(L.c.reserved_for != "")
    if label is not None:
        stmt = stmt.where(L.c.reserved_for == label)
    ids = list(session.scalars(stmt))
    if layer_ids is not None:
        wanted = set(layer_ids)
        ids = [i for i in ids if i in wanted]
    for i in range(0, len(ids), _CHUNK):
        session.execute(update(L).where(L.c.id.in_(ids[i : i + _CHUNK])).values(reserved_for=""))
    if ids:
        audit.record(session, actor, "layer.release", "layer", ids[0], {"label": label}, {"layers": ids})
    return len(ids)


def list_reservations(session: Session) -> list[Reservation]:
    stmt = (select(L.c.reserved_for, func.count(), func.min(L.c.code), func.max(L.c.code))
            .where(L.c.reserved_for != "").group_by(L.c.reserved_for).order_by(L.c.reserved_for))
    return [Reservation(label, n, first, last) for label, n, first, last in session.execute(stmt)]


# ---------------------------------------------------------------- layer counters


@dataclass(frozen=True)
class UsageDifference:
    layer_id: int
    code: str
    counted: tuple[int, int]  # (volumes, mm) in layers.used_count / used_mm
    actual: tuple[int, int]  # what a fresh count of the volumes gives


def usage_differences(session: Session) -> list[UsageDifference]:
    """Layers whose kept counters differ from a fresh count of their volumes (should be none)."""
    from archive_desk.db import layer_usage  # noqa: PLC0415

    rows = session.execute(text(layer_usage.DIFFERENCES)).all()
    return [UsageDifference(r[0], r[1], (r[2], r[3]), (r[4], r[5])) for r in rows]


def recount_layers(session: Session, actor: Actor) -> int:
    """Count every layer's volumes afresh (repair after a bulk load or a damaged file); returns how many
    layers were wrong."""
    from archive_desk.db import layer_usage  # noqa: PLC0415

    wrong = usage_differences(session)
    if wrong:
        session.execute(text(layer_usage.RECOUNT))
        audit.record(session, actor, "layer.recount", "layer", None,
                     {"layers": [[d.layer_id, *d.counted] for d in wrong[:1000]]},
                     {"layers": [[d.layer_id, *d.actual] for d in wrong[:1000]], "count": len(wrong)})
    return len(wrong)


# ---------------------------------------------------------------- shelf lists (Excel)


def shelf_list_rows(session: Session, *, room_id: int | None = None, rack_id: int | None = None,
                    layer_id: int | None = None) -> Iterator[ShelfListRow]:
    """The shelf list of a room, a rack or a layer in shelving order: location, order on the layer, 档号, title."""
    if sum(x is not None for x in (room_id, rack_id, layer_id)) != 1:
        raise ValidationError({"scope": t("Choose one room, rack or layer")})
    if layer_id is not None:
        layer_ids = [layer_id]
    elif rack_id is not None:
        layer_ids = [c.layer_id for c in rack_map(session, rack_id).cells]
    else:
        assert room_id is not None
        get_room(session, room_id)
        layer_ids = [r.id for r in _room_layers_in_order(session, room_id)]
    infos = describe_locations(session, layer_ids)
    for i in range(0, len(layer_ids), 200):
        chunk = layer_ids[i : i + 200]
        rows = session.execute(
            select(V.c.layer_id, V.c.code, V.c.title, V.c.year, V.c.status)
            .where(V.c.layer_id.in_(chunk), V.c.status.in_(OCCUPYING))
            .order_by(V.c.layer_id, V.c.shelf_position, V.c.id)
        ).all()
        by_layer: dict[int, list[Any]] = {}
        for row in rows:
            by_layer.setdefault(row.layer_id, []).append(row)
        for lid in chunk:
            info = infos.get(lid)
            if info is None:
                continue
            for order, row in enumerate(by_layer.get(lid, ()), start=1):
                status = "" if row.status == VolumeStatus.IN_STOCK else status_label(row.status)
                yield ShelfListRow(info.code, info.words, order, row.code, row.title, row.year, status)


def export_shelf_list(session: Session, path: Path | str, *, room_id: int | None = None, rack_id: int | None = None,
                      layer_id: int | None = None) -> int:
    """Write the shelf list of a room, rack or layer to an Excel file; returns the number of volumes listed."""
    from archive_desk.exporting.shelf_list import write_shelf_list  # noqa: PLC0415

    if layer_id is not None:
        scope = describe_location(session, layer_id).code
    elif rack_id is not None:
        rack = get_rack(session, rack_id)
        scope = t("Room {room}, rack {rack}", room=rack.room_number, rack=rack.number)
    elif room_id is not None:
        scope = get_room(session, room_id).name
    else:
        scope = ""
    rows = shelf_list_rows(session, room_id=room_id, rack_id=rack_id, layer_id=layer_id)
    return write_shelf_list(path, rows, title=scope)


