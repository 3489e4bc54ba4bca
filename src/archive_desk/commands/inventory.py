"""``export-inventory``: the yearly inventory workbook (年度室藏统计) for the annual report."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-inventory", help=h("export the yearly inventory workbook"),
                       description=h("export the yearly inventory workbook"))
    add_db_arg(p)
    p.add_argument("--year", type=int, required=True, help=h("the year to report (YYYY)"))
    p.add_argument("-o", "--output", type=Path, required=True, help=h("the workbook to write (.xlsx)"))
    p.add_argument("--quiet", action="store_true", help=h("do not report progress"))
    p.set_defaults(func=run_export_inventory)


def run_export_inventory(args: argparse.Namespace) -> int:
    from archive_desk.services import inventory  # noqa: PLC0415

    out: Path = args.output
    if out.suffix.lower() != ".xlsx":
        print(t("The workbook must be an .xlsx file: {path}", path=out), file=sys.stderr)
        return 2
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if args.quiet:
            return
        now = time.monotonic()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(t("{done} of {total} rows", done=done, total=total), file=sys.stderr)

    started = time.monotonic()
    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            path = inventory.export_inventory(session, args.year, out, progress=progress, viewer=viewer(args))
    finally:
        db.dispose()
    print(t("Yearly inventory {year} written to {path} in {seconds:.1f} s", year=args.year, path=path,
            seconds=time.monotonic() - started))
    return 0
