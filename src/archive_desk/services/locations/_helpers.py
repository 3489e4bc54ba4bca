"""Row-to-record helpers and small queries the shelving modules share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError
from archive_desk.i18n import t
from archive_desk.services.locations.records import _CHUNK, DEFAULT_THICKNESS_MM, RM, C, L, LayerRecord, R, RackRecord, RoomRecord


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


def _layer_row(session: Session, layer_id: int) -> Row[Any]:
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


def _room_layers_in_order(session: Session, room_id: int) -> list[Row[Any]]:
    """All layers of a room in shelving order (active or not) with their rack's number."""
    stmt = (
        select(L, R.c.number.label("rack_number"), R.c.active.label("rack_active"))
        .join(R, R.c.id == L.c.rack_id)
        .where(R.c.room_id == room_id)
        .order_by(R.c.number, L.c.side, L.c.column, L.c.section, L.c.layer)
    )
    return list(session.execute(stmt))
