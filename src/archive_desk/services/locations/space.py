"""The space finder (stretches of free layers near a category's last volume) and layer reservations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.services import audit, codes
from archive_desk.services.audit import Actor
from archive_desk.services.locations._helpers import _layer_codes
from archive_desk.services.locations.records import (
    _CHUNK,
    DEFAULT_THICKNESS_MM,
    OCCUPYING,
    C,
    L,
    Occupancy,
    R,
    Reservation,
    SpaceProposal,
    SpaceSearch,
    V,
)
from archive_desk.services.locations.structure import list_rooms
from archive_desk.services.locations.where import describe_location
from archive_desk.services.ops import SHELVES, operation


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
        elif part.token == "fonds":  # noqa: S105 - a token of the code pattern, not a password
            out.append(fonds_code)
            seen.add("fonds")
        elif part.token == "category":  # noqa: S105 - a token of the code pattern, not a password
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


@operation("locations.reserve_layers", area=SHELVES)
def reserve_layers(session: Session, actor: Actor, layer_ids: Sequence[int], label: str) -> int:
    """Reserve layers (e.g. a space finder proposal) for an incoming transfer; returns how many."""
    label = label.strip()
    if not label or len(label) > 40:
        raise ValidationError({"label": t("Name the reservation (up to 40 characters), e.g. the transfer it is for")})
    ids = list(layer_ids)
    rows: list[Any] = []  # rows of the chunked select
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


@operation("locations.release_reservation", area=SHELVES)
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
