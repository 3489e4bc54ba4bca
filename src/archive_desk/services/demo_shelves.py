"""Demo shelving extras: each volume's first location history step, and a reservation for an incoming
transfer on the first empty layers of the last room (so the map and the space finder have something to show)."""

from __future__ import annotations

import random
import sqlite3

from archive_desk.services import demo
from archive_desk.services.audit import Actor

RESERVATION = "2026年理赔部移交"
RESERVED_LAYERS = 20


def build(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor, progress: object) -> None:  # noqa: ARG001 - the signature is fixed by its callers
    # one statement: the initial shelving of every volume, dated when the volume was catalogued
    conn.execute(
        "INSERT INTO location_moves (volume_id, from_layer_id, to_layer_id, from_position, to_position, at, by, reason)"
        " SELECT id, NULL, layer_id, NULL, shelf_position, created_at, created_by, '初始上架'"
        " FROM volumes WHERE layer_id IS NOT NULL ORDER BY id"
    )
    # reserve a stretch of empty layers in the last room, after the last occupied layer
    last_room = conn.execute("SELECT max(room_id) FROM racks").fetchone()[0]
    if last_room is None:
        return
    empty = conn.execute(
        "SELECT l.id FROM layers l JOIN racks r ON r.id = l.rack_id"
        " WHERE r.room_id = ? AND NOT EXISTS (SELECT 1 FROM volumes v WHERE v.layer_id = l.id)"
        " ORDER BY r.number DESC, l.side DESC, l.\"column\" DESC, l.section DESC, l.layer DESC LIMIT ?",
        (last_room, RESERVED_LAYERS),
    ).fetchall()
    if len(empty) == RESERVED_LAYERS:
        conn.executemany("UPDATE layers SET reserved_for = ? WHERE id = ?", [(RESERVATION, lid) for (lid,) in empty])


if build not in demo.EXTENSIONS:
    demo.EXTENSIONS.append(build)
