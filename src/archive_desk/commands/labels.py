"""``labels``: print barcoded labels to a PDF; ``label-scanners``: the room's scanners; ``forms``: volume
covers, item lists and 备考表."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, log_personal, open_db, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("labels", help=h("print barcoded labels to a PDF"), description=h("print barcoded labels to a PDF"))
    add_db_arg(p)
    p.add_argument("--template", default=None, help=h("label template (default: the room's front label)"))
    p.add_argument("--stock", default=None, help=h("label stock (default: the room's front label stock)"))
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--codes", nargs="+", help=h("档号 or barcodes of the volumes"))
    src.add_argument("--query", help=h("a search, as in the search box"))
    src.add_argument("--never-printed", action="store_true", help=h("every volume whose label was never printed"))
    src.add_argument("--layers", nargs="+", metavar="CODE", help=h("shelf labels for these layers (location codes)"))
    src.add_argument("--room", metavar="ROOM", help=h("shelf labels for every layer of a room (with --rack: of one rack)"))
    p.add_argument("--rack", type=int, default=None, help=h("rack number, with --room"))
    p.add_argument("--per-item", action="store_true",
                   help=h("one label per 件 of the volumes (归档章); the default with a seal template"))
    p.add_argument("--start-at", type=int, default=1, help=h("first free label on a part-used sheet"))
    p.add_argument("--limit", type=int, default=1000, help=h("at most this many labels from a search"))
    p.add_argument("--mark-printed", action="store_true", help=h("record the print date on the volumes"))
    p.epilog = h("Labels that cannot be printed are listed and the others printed; the exit status is then 1 (done in part).")
    p.add_argument("-o", "--out", type=Path, required=True, help=h("PDF file to write"))
    p.set_defaults(func=run_labels)

    s = sub.add_parser("label-scanners", help=h("show or set which scanners the room has (2d or 1d)"),
                       description=h("show or set which scanners the room has: 2d (imagers: Code 128 and Data Matrix) or 1d (laser scanners: Code 128 only)"))
    add_db_arg(s)
    s.add_argument("value", nargs="?", choices=("2d", "1d"), help=h("2d or 1d"))
    s.set_defaults(func=run_scanners)

    f = sub.add_parser("forms", help=h("print volume covers, item lists and notes sheets to a PDF"),
                       description=h("print volume covers, item lists and notes sheets to a PDF"))
    add_db_arg(f)
    f.add_argument("--codes", nargs="+", required=True, help=h("档号 or barcodes of the volumes"))
    f.add_argument("--parts", default="cover,items,notes", help=h("which forms: cover, items, notes (comma-separated)"))
    f.add_argument("--clerk", default=None,
                   help=h("立卷人 on the notes sheet (default: this workstation's clerk name, see the clerk command)"))
    f.add_argument("--checker", default="", help=h("检查人 on the notes sheet"))
    f.add_argument("--checked-on", type=date.fromisoformat, default=None, help=h("date of the check (YYYY-MM-DD)"))
    f.add_argument("-o", "--out", type=Path, required=True, help=h("PDF file to write"))
    f.set_defaults(func=run_forms)



def _ids_from_codes(session, texts: list[str], refused: list[str] | None = None) -> list[int]:  # noqa: ANN001
    from archive_desk.services import labels

    batch = labels.resolve_codes(session, texts)
    for code in batch.unknown:
        print(t("Unknown code: {code}", code=code), file=sys.stderr)
    if refused is not None:
        refused.extend(batch.unknown)
    return list(batch.volume_ids)


def run_labels(args: argparse.Namespace) -> int:
    from archive_desk.printing.labels import render_labels_reporting
    from archive_desk.printing.templates import load_stock, load_template
    from archive_desk.services import labels
    from archive_desk.commands.common import cli_actor

    db = open_db(getattr(args, "db", None))
    who = viewer(args)
    try:
        shelf = bool(args.layers or args.room)
        unknown: list[str] = []
        with db.read() as session:
            scanners = labels.room_scanners(session)
            default_template, default_stock = labels.default_labels(scanners)
            if shelf and not args.template:
                default_template = labels.SHELF_TEMPLATE
            template = load_template(args.template or default_template)
            stock = load_stock(args.stock or (default_stock if template.kind != "shelf" else labels.SHELF_STOCK))
            ids: list[int] = []
            per_item = False
            if shelf:
                layer_ids, unknown = labels.shelf_layer_ids(session, codes=args.layers or (), room_code=args.room,
                                                            rack_number=args.rack)
                for code in unknown:
                    print(t("There is no layer {code}", code=code), file=sys.stderr)
                records = labels.shelf_label_records(session, layer_ids)
            else:
                if args.codes:
                    ids = _ids_from_codes(session, args.codes, unknown)
                elif args.never_printed:
                    ids = labels.never_printed(session)
                else:
                    from archive_desk.services import search

                    ids = [hit.volume_id for hit in search.search(session, args.query, limit=args.limit, viewer=who)]
                per_item = args.per_item or template.kind == "seal"
                records = (labels.item_seal_records(session, ids, viewer=who) if per_item
                           else labels.label_records(session, ids, viewer=who))
        if not records:
            print(t("No volumes to print."), file=sys.stderr)
            return 2  # nothing done (the README's exit-code table)
        _result, layout = render_labels_reporting(records, template, stock, start_at=args.start_at, out=args.out,
                                                  scanners=scanners, skip_refused=True)
        if ids and not per_item:
            log_personal(db, who, "print", [ids[p.record_index] for p in layout.labels])
        for placed in layout.fallbacks:
            rec = records[placed.record_index]
            print(t("Warning: {code} is too long for Code 128 on {template}; printed as Data Matrix.",
                    code=rec.code or rec.payload, template=template.name), file=sys.stderr)
        for refused in layout.refused:
            print(t("Not printed: {code}: {reason}", code=refused.code, reason=refused.reason), file=sys.stderr)
        if args.mark_printed and ids and not per_item:
            printed = [ids[p.record_index] for p in layout.labels]
            with db.write() as session:
                labels.mark_printed(session, cli_actor(), printed)
        print(t("{count} labels written to {path}", count=len(layout.labels), path=args.out))
        if layout.refused:
            print(t("{count} labels could not be printed (listed above).", count=len(layout.refused)), file=sys.stderr)
        if not layout.labels:
            return 2  # nothing done
        return 1 if layout.refused or unknown else 0  # some labels or codes refused: done in part
    finally:
        db.dispose()


def run_scanners(args: argparse.Namespace) -> int:
    from archive_desk.services import labels
    from archive_desk.commands.common import cli_actor

    db = open_db(getattr(args, "db", None))
    try:
        if args.value:
            with db.write() as session:
                labels.set_room_scanners(session, cli_actor(), args.value)
        with db.read() as session:
            value = labels.room_scanners(session)
            template, stock = labels.default_labels(value)
        print(t("Scanners: {value}; default label: {template} on {stock}", value=value, template=template, stock=stock))
        return 0
    finally:
        db.dispose()


def run_forms(args: argparse.Namespace) -> int:
    from archive_desk.printing.forms import render_volume_forms
    from archive_desk.services import labels

    db = open_db(getattr(args, "db", None))
    try:
        from archive_desk.settings import Settings

        clerk = args.clerk if args.clerk is not None else Settings.load().clerk_name
        unknown: list[str] = []
        who = viewer(args)
        with db.read() as session:
            ids = _ids_from_codes(session, args.codes, unknown)
            forms = labels.volume_forms(session, ids, clerk=clerk, checker=args.checker, checked_on=args.checked_on,
                                        viewer=who)
        if not forms:
            print(t("No volumes to print."), file=sys.stderr)
            return 2  # nothing done (the README's exit-code table)
        parts = tuple(p.strip() for p in args.parts.split(",") if p.strip())
        render_volume_forms(forms, parts=parts, out=args.out)
        log_personal(db, who, "print", ids)
        print(t("{count} volumes' forms written to {path}", count=len(forms), path=args.out))
        return 1 if unknown else 0  # some codes refused: done in part
    finally:
        db.dispose()
