"""Shelving: one volume by scan or by hand (with undo and its history), and bulk moves that keep a selection's order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from archive_desk.errors import NotFoundError, StatusError
from archive_desk.i18n import t
from archive_desk.models import Layer, LocationMove, Volume, VolumeStatus
from archive_desk.services import audit
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import status_label
from archive_desk.services.locations._helpers import _layer_codes, _layer_row, _room_layers_in_order, _thickness_map, _usage
from archive_desk.services.locations.records import (
    _CHUNK,
    DEFAULT_THICKNESS_MM,
    OCCUPYING,
    BulkMovePlan,
    BulkMoveResult,
    LayerShare,
    M,
    MoveRecord,
    Occupancy,
    Placement,
    R,
    Refusal,
    UndoResult,
    V,
)
from archive_desk.services.locations.structure import layer_occupancy
from archive_desk.services.locations.where import list_layer
from archive_desk.services.ops import SHELVES, operation


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


@operation("locations.place_volume", area=SHELVES)
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
        to_position=position, at=audit.utcnow(), by=actor.user, reason=reason).returning(M.c.id)).scalar_one()
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


@operation("locations.undo_move", area=SHELVES)
def undo_move(session: Session, actor: Actor, move_id: int) -> UndoResult:
    """Put a volume back where a move took it from (its previous layer and place). Only the volume's latest
    move can be undone, and only while it still stands where that move put it. The undo is itself a move."""
    move = session.execute(select(M).where(M.c.id == move_id)).first()
    if move is None:
        raise NotFoundError(t("Move {id} does not exist", id=move_id))
    volume = session.get(Volume, move.volume_id, populate_existing=True)
    assert volume is not None  # noqa: S101 - narrows the type; the code guarantees it
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
        to_position=position, at=audit.utcnow(), by=actor.user, reason=t("undo")).returning(M.c.id)).scalar_one()
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

    room_id = session.execute(select(R.c.room_id).where(R.c.id == target.rack_id)).scalar_one()  # the layer's rack exists (foreign key)
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


@operation("locations.bulk_move", area=SHELVES)
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
