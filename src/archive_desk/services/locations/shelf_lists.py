"""Shelf lists of a room, a rack or a layer (rows, and the Excel file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.errors import ValidationError
from archive_desk.i18n import t
from archive_desk.models import VolumeStatus
from archive_desk.services.catalogue import status_label
from archive_desk.services.locations._helpers import _room_layers_in_order
from archive_desk.services.locations.maps import rack_map
from archive_desk.services.locations.records import OCCUPYING, ShelfListRow, V
from archive_desk.services.locations.structure import get_rack, get_room
from archive_desk.services.locations.where import describe_location, describe_locations


# ---------------------------------------------------------------- shelf lists (Excel)


def shelf_list_rows(session: Session, *, room_id: int | None = None, rack_id: int | None = None,
                    layer_id: int | None = None, viewer: Any = None) -> Iterator[ShelfListRow]:
    """The shelf list of a room, a rack or a layer in shelving order: location, order on the layer, 档号, title (masked
    above ``viewer``'s clearance: services/masking.py)."""
    from archive_desk.services import masking  # noqa: PLC0415

    if sum(x is not None for x in (room_id, rack_id, layer_id)) != 1:
        raise ValidationError({"scope": t("Choose one room, rack or layer")})
    if layer_id is not None:
        layer_ids = [layer_id]
    elif rack_id is not None:
        layer_ids = [c.layer_id for c in rack_map(session, rack_id).cells]
    else:
        assert room_id is not None  # noqa: S101 - narrows the type; the code guarantees it
        get_room(session, room_id)
        layer_ids = [r.id for r in _room_layers_in_order(session, room_id)]
    infos = describe_locations(session, layer_ids)
    for i in range(0, len(layer_ids), 200):
        chunk = layer_ids[i : i + 200]
        rows = session.execute(
            select(V.c.layer_id, V.c.code, V.c.title, V.c.year, V.c.status, V.c.security)
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
                yield ShelfListRow(info.code, info.words, order, row.code, masking.mask_title(viewer, row.security, row.title),
                                   row.year, status)


def export_shelf_list(session: Session, path: Path | str, *, room_id: int | None = None, rack_id: int | None = None,
                      layer_id: int | None = None, viewer: Any = None) -> int:
    """Write the shelf list of a room, rack or layer to an Excel file, as ``viewer`` may see it (titles above their
    clearance masked); returns the number of volumes listed."""
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
    rows = shelf_list_rows(session, room_id=room_id, rack_id=rack_id, layer_id=layer_id, viewer=viewer)
    return write_shelf_list(path, rows, title=scope)
