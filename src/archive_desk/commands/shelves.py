"""``shelves``: the room's shelving from the command line, on the same services as the Shelves area.

    archive-desk shelves overview [--db PATH]
    archive-desk shelves layer CODE
    archive-desk shelves where 档号
    archive-desk shelves find-space N [--category LP] [--room K4] [--reserve LABEL]
    archive-desk shelves export (--room K1 [--rack 3] | --layer CODE) -o out.xlsx
    archive-desk shelves recount
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db, print_json, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    shelves = sub.add_parser("shelves", help=h("rooms, racks and layers: where volumes stand"),
                             description=h("rooms, racks and layers: where volumes stand"))
    inner = shelves.add_subparsers(dest="shelves_command", metavar="ACTION", required=True)

    overview = inner.add_parser("overview", help=h("totals per room: layers, capacity, used, free, fill %"))
    add_db_arg(overview)
    overview.add_argument("--json", action="store_true", help=h("print JSON"))
    overview.set_defaults(func=run_overview)

    layer = inner.add_parser("layer", help=h("what should stand on a layer, in order"))
    layer.add_argument("code", help=h("location code or scanned layer label"))
    add_db_arg(layer)
    layer.add_argument("--json", action="store_true", help=h("print JSON"))
    layer.set_defaults(func=run_layer)

    where = inner.add_parser("where", help=h("where a volume stands, and its location history"))
    where.add_argument("code", help=h("archival code or scanned barcode"))
    add_db_arg(where)
    where.set_defaults(func=run_where)

    space = inner.add_parser("find-space", help=h("where can N volumes go: free consecutive layers, nearest first"))
    space.add_argument("count", type=int, help=h("number of volumes"))
    space.add_argument("--category", help=h("category code, e.g. LP (its spine thickness and where it stands)"))
    space.add_argument("--room", help=h("only this room (code, e.g. K1)"))
    space.add_argument("--reserve", metavar="LABEL", help=h("reserve the first proposal for this incoming transfer"))
    add_db_arg(space)
    space.add_argument("--json", action="store_true", help=h("print JSON"))
    space.set_defaults(func=run_find_space)

    recount = inner.add_parser("recount", help=h("check the layers' volume counts against the volumes, and repair them"))
    add_db_arg(recount)
    recount.set_defaults(func=run_recount)

    export = inner.add_parser("export", help=h("write the shelf list of a room, rack or layer to Excel"))
    export.add_argument("--room", help=h("room code, e.g. K1"))
    export.add_argument("--rack", type=int, help=h("rack number in the room"))
    export.add_argument("--layer", help=h("location code of one layer"))
    export.add_argument("-o", "--out", type=Path, required=True, help=h("file to write (.xlsx)"))
    add_db_arg(export)
    export.set_defaults(func=run_export)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def run_overview(args: argparse.Namespace) -> int:
    from archive_desk.services import locations

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            ov = locations.room_overview(session)
    finally:
        db.dispose()
    rows = [(r.room.code, r.room.name, r.racks, r.totals) for r in ov.rooms]
    if args.json:
        print_json([{"room": code, "name": name, "racks": racks, "layers": tt.layers, "capacity": tt.capacity_count,
                     "used": tt.used_count, "free": tt.free_count, "fill_percent": tt.fill_percent,
                     "shelf_metres": tt.capacity_mm / 1000, "used_metres": tt.used_mm / 1000}
                    for code, name, racks, tt in rows])
        return 0
    print(t("{room:<6} {name:<12} {racks:>5} {layers:>8} {capacity:>10} {used:>10} {free:>10} {fill:>7}",
            room=t("Room"), name=t("Name"), racks=t("Racks"), layers=t("Layers"), capacity=t("Capacity"), used=t("Used"),
            free=t("Free"), fill=t("Fill")))
    for code, name, racks, tt in [*rows, ("", t("All rooms"), sum(r[2] for r in rows), ov.total)]:
        print(f"{code:<6} {name:<12} {racks:>5} {tt.layers:>8} {tt.capacity_count:>10} {tt.used_count:>10} {tt.free_count:>10}"
              f" {_pct(tt.fill_percent):>7}")
    return 0


def run_layer(args: argparse.Namespace) -> int:
    from archive_desk.services import locations

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            layer = locations.find_layer(session, args.code)
            if layer is None:
                print(t("There is no layer {code}", code=args.code), file=sys.stderr)
                return 2
            listing = locations.list_layer(session, layer.id, viewer=viewer(args))
    finally:
        db.dispose()
    if args.json:
        print_json({"code": listing.location.code, "words": listing.location.words, "count": listing.occupancy.count,
                    "capacity_count": listing.occupancy.capacity_count, "capacity_mm": listing.occupancy.capacity_mm,
                    "used_mm": listing.occupancy.used_mm,
                    "volumes": [{"order": e.order, "code": e.code, "title": e.title, "status": e.status} for e in listing.entries]})
        return 0
    print(f"{listing.location.code}  {listing.location.words}  ({listing.occupancy.text()})")
    for e in listing.entries:
        print(f"{e.order:>4}  {e.code:<28} {e.title}")
    return 0


def run_where(args: argparse.Namespace) -> int:
    from archive_desk.services import catalogue, locations

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            volume = catalogue.find_volume(session, args.code)
            if volume is None:
                print(t("There is no volume {code}", code=args.code), file=sys.stderr)
                return 2
            info = locations.describe_location(session, volume.layer_id) if volume.layer_id else None
            history = locations.location_history(session, volume.id)
    finally:
        db.dispose()
    if info is None:
        print(t("{code} is not shelved", code=volume.code))
    else:
        print(f"{volume.code}  {info.code}  {info.words}")
    for move in history:
        print(f"  {move.at:%Y-%m-%d %H:%M}  {move.by:<12} {move.from_code or '—'} → {move.to_code or '—'}  {move.reason}")
    return 0


def run_find_space(args: argparse.Namespace) -> int:
    from archive_desk.services import catalogue, locations
    from archive_desk.commands.common import cli_actor

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            category_id = catalogue.get_category(session, code=args.category).id if args.category else None
            room_id = locations.get_room(session, code=args.room).id if args.room else None
            result = locations.find_space(session, args.count, category_id=category_id, room_id=room_id)
        reserved = 0
        if args.reserve and result.proposals:
            with db.write() as session:
                reserved = locations.reserve_layers(session, cli_actor(), result.proposals[0].layer_ids, args.reserve)
    finally:
        db.dispose()
    if args.json:
        print_json({"count": result.count, "thickness_mm": result.thickness_mm, "anchor": result.anchor_code,
                    "reserved_layers": reserved,
                    "proposals": [{"first": p.first_code, "last": p.last_code, "layers": len(p.layer_ids),
                                   "capacity": p.capacity, "distance": p.distance, "words": p.words} for p in result.proposals]})
        return 0
    if not result.proposals:
        print(t("No stretch of free layers holds {count} volumes.", count=args.count))
        return 1
    for i, p in enumerate(result.proposals, start=1):
        print(t("{n}. {first} … {last}: {layers} layers for {capacity} volumes ({words})", n=i, first=p.first_code,
                last=p.last_code, layers=len(p.layer_ids), capacity=p.capacity, words=p.words))
    if reserved:
        print(t("Reserved {count} layers for {label}", count=reserved, label=args.reserve))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from archive_desk.services import locations

    if bool(args.layer) == bool(args.room):
        print(t("Give either --room (optionally with --rack) or --layer"), file=sys.stderr)
        return 2
    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            if args.layer:
                layer = locations.find_layer(session, args.layer)
                if layer is None:
                    print(t("There is no layer {code}", code=args.layer), file=sys.stderr)
                    return 2
                count = locations.export_shelf_list(session, args.out, layer_id=layer.id, viewer=viewer(args))
            elif args.rack is not None:
                rack = locations.find_rack(session, args.room, args.rack)
                count = locations.export_shelf_list(session, args.out, rack_id=rack.id, viewer=viewer(args))
            else:
                room = locations.get_room(session, code=args.room)
                count = locations.export_shelf_list(session, args.out, room_id=room.id, viewer=viewer(args))
    finally:
        db.dispose()
    print(t("Wrote {count} volumes to {path}", count=count, path=args.out))
    return 0


def run_recount(args: argparse.Namespace) -> int:
    from archive_desk.services import locations
    from archive_desk.commands.common import cli_actor

    db = open_db(getattr(args, "db", None))
    try:
        with db.write() as session:
            wrong = locations.recount_layers(session, cli_actor())
    finally:
        db.dispose()
    print(t("{count} layer(s) had wrong counts and were recounted", count=wrong) if wrong
          else t("Every layer's count is right"))
    return 0
