"""The room overview and the maps of rooms and racks (summed in SQL from the layer counters)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Case, case, func, select
from sqlalchemy.orm import Session

from archive_desk.services.locations.records import (
    _CHUNK,
    BayFill,
    L,
    MapCell,
    Occupancy,
    Overview,
    R,
    RackMap,
    RackRecord,
    RackSummary,
    RoomMap,
    RoomTotals,
    Totals,
    _occupancy,
)
from archive_desk.services.locations.structure import get_rack, get_room, list_racks, list_rooms


# ---------------------------------------------------------------- overview and maps


def _free_sql() -> Case[Any]:
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
