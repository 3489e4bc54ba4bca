"""Where a layer or a volume is, what stands on a layer, and what a scan stands for."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError
from archive_desk.i18n import t
from archive_desk.services import codes
from archive_desk.services.locations._helpers import _thickness_map
from archive_desk.services.locations.location_codes import location_words
from archive_desk.services.locations.records import (
    _CHUNK,
    DEFAULT_THICKNESS_MM,
    LAYER_PAYLOAD_PREFIX,
    OCCUPYING,
    RM,
    L,
    LayerListing,
    LocationInfo,
    Occupancy,
    R,
    ScanResult,
    ShelfEntry,
    V,
)
from archive_desk.services.locations.structure import find_layer


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


def _info_query() -> Select[Any]:
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
                         V.c.shelf_position, V.c.security)
                  .where(V.c.layer_id == bindparam("lid"), V.c.status.in_(OCCUPYING))
                  .order_by(V.c.shelf_position, V.c.id))


def list_layer(session: Session, layer_id: int, viewer: Any = None) -> LayerListing:
    """What should stand on a layer, in shelf order, with its occupancy (prebuilt statements: this runs
    on every scan). ``viewer`` (an ``audit.Actor``): titles above their clearance masked (services/masking.py)."""
    from archive_desk.services import masking  # noqa: PLC0415
    row = session.execute(_LAYER_INFO, {"lid": layer_id}).first()
    if row is None:
        raise NotFoundError(t("Layer {id} does not exist", id=layer_id))
    thick = _thickness_map(session)
    entries = tuple(
        ShelfEntry(i, r.id, r.code, masking.mask_title(viewer, r.security, r.title), r.year, r.status,
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
