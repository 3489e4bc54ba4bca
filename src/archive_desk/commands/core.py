"""``demo`` (``check`` is in commands/check.py)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from archive_desk.commands.common import h
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help=h("build a demo catalogue"), description=h("build a demo catalogue"))
    demo.add_argument("--out", type=Path, required=True, help=h("file to write"))
    demo.add_argument("--volumes", type=int, default=1000, help=h("number of volumes"))
    demo.add_argument("--seed", type=int, default=1, help=h("random seed (the same seed builds the same catalogue)"))
    demo.set_defaults(func=run_demo)



def run_demo(args: argparse.Namespace) -> int:
    from archive_desk.services.demo import build_demo

    if args.volumes < 1:
        print(t("The number of volumes must be at least 1"), file=sys.stderr)
        return 2
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(t("{done} of {total} volumes", done=done, total=total), file=sys.stderr)

    report = build_demo(args.out, args.volumes, seed=args.seed, progress=progress)
    print(t("Demo catalogue {path}: {volumes} volumes, {items} items, {layers} layers on {racks} racks in {rooms} rooms; {seconds:.1f} s, {size:.1f} MB",
            path=report.path, volumes=report.volumes, items=report.items, layers=report.layers, racks=report.racks,
            rooms=report.rooms, seconds=report.seconds, size=report.size_bytes / 1e6))
    return 0

