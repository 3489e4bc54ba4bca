"""``labels``: print barcoded labels to a PDF; ``forms``: volume covers, item lists and 备考表."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("labels", help=h("print barcoded labels to a PDF"), description=h("print barcoded labels to a PDF"))
    add_db_arg(p)
    p.add_argument("--template", default=None, help=h("label template (default: the front label)"))
    p.add_argument("--stock", default=None, help=h("label stock (default: A4 3×8)"))
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--codes", nargs="+", help=h("档号 or barcodes of the volumes"))
    src.add_argument("--query", help=h("a search, as in the search box"))
    src.add_argument("--never-printed", action="store_true", help=h("every volume whose label was never printed"))
    p.add_argument("--start-at", type=int, default=1, help=h("first free label on a part-used sheet"))
    p.add_argument("--limit", type=int, default=1000, help=h("at most this many labels from a search"))
    p.add_argument("--mark-printed", action="store_true", help=h("record the print date on the volumes"))
    p.add_argument("-o", "--out", type=Path, required=True, help=h("PDF file to write"))
    p.set_defaults(func=run_labels)

    f = sub.add_parser("forms", help=h("print volume covers, item lists and notes sheets to a PDF"),
                       description=h("print volume covers, item lists and notes sheets to a PDF"))
    add_db_arg(f)
    f.add_argument("--codes", nargs="+", required=True, help=h("档号 or barcodes of the volumes"))
    f.add_argument("--parts", default="cover,items,notes", help=h("which forms: cover, items, notes (comma-separated)"))
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
    from archive_desk.printing.labels import render_labels
    from archive_desk.printing.templates import load_stock, load_template
    from archive_desk.services import labels
    from archive_desk.services.audit import Actor

    db = open_db(args.db)
    unknown: list[str] = []
    try:
        template = load_template(args.template or labels.DEFAULT_TEMPLATE)
        stock = load_stock(args.stock or labels.DEFAULT_STOCK)
        with db.read() as session:
            if args.codes:
                ids = _ids_from_codes(session, args.codes, unknown)
            elif args.never_printed:
                ids = labels.never_printed(session)
            else:
                from archive_desk.services import search

                ids = [hit.volume_id for hit in search.search(session, args.query, limit=args.limit)]
            records = labels.label_records(session, ids)
        if not records:
            print(t("No volumes to print."), file=sys.stderr)
            return 2  # nothing done (the README's exit-code table)
        render_labels(records, template, stock, start_at=args.start_at, out=args.out)
        if args.mark_printed:
            with db.write() as session:
                labels.mark_printed(session, Actor.current(), ids)
        print(t("{count} labels written to {path}", count=len(records), path=args.out))
        return 1 if unknown else 0  # some codes refused: done in part
    finally:
        db.dispose()


def run_forms(args: argparse.Namespace) -> int:
    from archive_desk.printing.forms import render_volume_forms
    from archive_desk.services import labels

    db = open_db(args.db)
    unknown: list[str] = []
    try:
        with db.read() as session:
            forms = labels.volume_forms(session, _ids_from_codes(session, args.codes, unknown))
        if not forms:
            print(t("No volumes to print."), file=sys.stderr)
            return 2  # nothing done (the README's exit-code table)
        parts = tuple(p.strip() for p in args.parts.split(",") if p.strip())
        render_volume_forms(forms, parts=parts, out=args.out)
        print(t("{count} volumes' forms written to {path}", count=len(forms), path=args.out))
        return 1 if unknown else 0  # some codes refused: done in part
    finally:
        db.dispose()
