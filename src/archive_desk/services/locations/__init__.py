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

The package re-exports everything callers use (``from archive_desk.services import locations``); the
modules: ``records`` (what is returned, tables, limits), ``location_codes`` (patterns, payloads, words),
``structure`` (rooms, racks, layers), ``where`` (describe, list a layer, resolve a scan), ``placement``
(shelve, undo, history, bulk moves), ``maps`` (overview, room and rack maps), ``space`` (space finder,
reservations), ``counters`` (layer counters), ``shelf_lists`` (shelf lists to Excel).
"""

from __future__ import annotations

from archive_desk.services.locations.counters import UsageDifference, recount_layers, usage_differences
from archive_desk.services.locations.location_codes import (
    check_pattern,
    format_location_code,
    is_layer_payload,
    layer_payload,
    location_words,
    plan_rack,
)
from archive_desk.services.locations.maps import rack_map, room_map, room_overview
from archive_desk.services.locations.placement import (
    bulk_move,
    location_history,
    place_volume,
    plan_bulk_move,
    undo_move,
    unshelvable_reason,
)
from archive_desk.services.locations.records import (
    DEFAULT_PATTERN,
    DEFAULT_THICKNESS_MM,
    LAYER_PAYLOAD_PREFIX,
    LOCATION_FIELDS,
    MAX_DIMENSION,
    MAX_LAYERS_PER_RACK,
    OCCUPYING,
    RACK_KINDS,
    BayFill,
    BulkMovePlan,
    BulkMoveResult,
    LayerListing,
    LayerRecord,
    LayerShare,
    LocationInfo,
    MapCell,
    MoveRecord,
    Occupancy,
    Overview,
    Placement,
    PlannedLayer,
    RackMap,
    RackRecord,
    RackSummary,
    Refusal,
    Reservation,
    RoomMap,
    RoomRecord,
    RoomTotals,
    ScanResult,
    ShelfEntry,
    ShelfListRow,
    SpaceProposal,
    SpaceSearch,
    Totals,
    UndoResult,
)
from archive_desk.services.locations.shelf_lists import export_shelf_list, shelf_list_rows
from archive_desk.services.locations.space import find_space, list_reservations, release_reservation, reserve_layers
from archive_desk.services.locations.structure import (
    create_rack,
    create_room,
    deactivate_layer,
    deactivate_rack,
    deactivate_room,
    find_layer,
    find_rack,
    get_layer,
    get_rack,
    get_room,
    layer_occupancy,
    list_layers,
    list_racks,
    list_rooms,
    location_pattern,
    preview_rack,
    reactivate_layer,
    update_layer,
    update_rack,
    update_room,
)
from archive_desk.services.locations.where import describe_location, describe_locations, list_layer, resolve_scan, volume_location

__all__ = [
    "BayFill",
    "BulkMovePlan",
    "BulkMoveResult",
    "DEFAULT_PATTERN",
    "DEFAULT_THICKNESS_MM",
    "LAYER_PAYLOAD_PREFIX",
    "LOCATION_FIELDS",
    "LayerListing",
    "LayerRecord",
    "LayerShare",
    "LocationInfo",
    "MAX_DIMENSION",
    "MAX_LAYERS_PER_RACK",
    "MapCell",
    "MoveRecord",
    "OCCUPYING",
    "Occupancy",
    "Overview",
    "Placement",
    "PlannedLayer",
    "RACK_KINDS",
    "RackMap",
    "RackRecord",
    "RackSummary",
    "Refusal",
    "Reservation",
    "RoomMap",
    "RoomRecord",
    "RoomTotals",
    "ScanResult",
    "ShelfEntry",
    "ShelfListRow",
    "SpaceProposal",
    "SpaceSearch",
    "Totals",
    "UndoResult",
    "UsageDifference",
    "bulk_move",
    "check_pattern",
    "create_rack",
    "create_room",
    "deactivate_layer",
    "deactivate_rack",
    "deactivate_room",
    "describe_location",
    "describe_locations",
    "export_shelf_list",
    "find_layer",
    "find_rack",
    "find_space",
    "format_location_code",
    "get_layer",
    "get_rack",
    "get_room",
    "is_layer_payload",
    "layer_occupancy",
    "layer_payload",
    "list_layer",
    "list_layers",
    "list_racks",
    "list_reservations",
    "list_rooms",
    "location_history",
    "location_pattern",
    "location_words",
    "place_volume",
    "plan_bulk_move",
    "plan_rack",
    "preview_rack",
    "rack_map",
    "reactivate_layer",
    "recount_layers",
    "release_reservation",
    "reserve_layers",
    "resolve_scan",
    "room_map",
    "room_overview",
    "shelf_list_rows",
    "undo_move",
    "unshelvable_reason",
    "update_layer",
    "update_rack",
    "update_room",
    "usage_differences",
    "volume_location",
]
