"""Rooms, racks and layers: create, list, find, change and take out of use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import false, func, insert, select, update
from sqlalchemy.orm import Session

from archive_desk.errors import DuplicateCodeError, NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Rack, Room
from archive_desk.services import audit, codes
from archive_desk.services.audit import Actor
from archive_desk.services.locations._helpers import _RACK_COLS, _layer_record, _layer_row, _rack_record, _room_record
from archive_desk.services.locations.location_codes import layer_payload, plan_rack
from archive_desk.services.locations.records import (
    _CHUNK,
    LAYER_PAYLOAD_PREFIX,
    OCCUPYING,
    RACK_KINDS,
    RM,
    L,
    LayerRecord,
    Occupancy,
    PlannedLayer,
    R,
    RackRecord,
    RoomRecord,
    V,
    _occupancy,
)
from archive_desk.services.ops import SHELVES, operation


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


@operation("locations.create_room", area=SHELVES)
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


@operation("locations.update_room", area=SHELVES)
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


@operation("locations.deactivate_room", area=SHELVES)
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


@operation("locations.create_rack", area=SHELVES)
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


@operation("locations.update_rack", area=SHELVES)
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


@operation("locations.deactivate_rack", area=SHELVES)
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
            row = session.execute(select(L).where(L.c.barcode == layer_payload(text) if _payload_ok(text) else false())).first()
    return _layer_record(row) if row else None


def _payload_ok(text: str) -> bool:
    try:
        layer_payload(text)
    except ValidationError:
        return False
    return True


def layer_occupancy(session: Session, layer_ids: Sequence[int]) -> dict[int, Occupancy]:
    rows: list[Any] = []  # rows of the chunked select
    ids = list(layer_ids)
    for i in range(0, len(ids), _CHUNK):
        rows += session.execute(select(L.c.id, L.c.capacity_count, L.c.capacity_mm, L.c.used_count, L.c.used_mm)
                                .where(L.c.id.in_(ids[i : i + _CHUNK]))).all()
    return {r.id: _occupancy(r) for r in rows}


@operation("locations.update_layer", area=SHELVES)
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
    _check_capacity(after["capacity_count"], after["capacity_mm"])
    new_occ = Occupancy(occ.count, occ.used_mm, after["capacity_count"], after["capacity_mm"])
    if new_occ.over and not occ.over:
        raise StatusError(t("Layer {code} holds {now}; the new capacity would be less than what already stands on it.",
                            code=row.code, now=occ.text()))
    old, new = audit.diff(before, after)
    if new:
        session.execute(update(L).where(L.c.id == layer_id).values(**new))
        audit.record(session, actor, "layer.update", "layer", layer_id, old, new)
    return get_layer(session, layer_id)


@operation("locations.deactivate_layer", area=SHELVES)
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


@operation("locations.reactivate_layer", area=SHELVES)
def reactivate_layer(session: Session, actor: Actor, layer_id: int) -> LayerRecord:
    row = _layer_row(session, layer_id)
    if not row.active:
        session.execute(update(L).where(L.c.id == layer_id).values(active=True))
        audit.record(session, actor, "layer.reactivate", "layer", layer_id, {"active": False}, {"active": True})
    return get_layer(session, layer_id)
