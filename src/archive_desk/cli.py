"""``archive-desk``: with no sub-command it opens the GUI; sub-commands use the same services."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from archive_desk import __version__
from archive_desk.commands import AREAS
from archive_desk.commands.common import h
from archive_desk.errors import UserError
from archive_desk.i18n import set_language, system_language


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-desk",
        description=h("ArchiveDesk: the archive room's catalogue, shelves, labels, lending and transfers"),
    )
    parser.add_argument("--version", action="version", version=f"archive-desk {__version__}")
    parser.add_argument("--db", type=Path, default=None, help=h("catalogue file (default: the embedded catalogue)"))
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help=h("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        importlib.import_module(f"archive_desk.commands.{area}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_lang_from(argv) or system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return gui(args.db)
    # "--db" may be given before or after the sub-command
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        if getattr(args, "json", False):  # a program reading --json output gets the error as JSON too
            from archive_desk.commands.common import print_json

            print_json({"error": exc.message, "where": exc.where})
        else:
            print(str(exc), file=sys.stderr)
        return 2


def _lang_from(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def gui(db: Path | None) -> int:
    from archive_desk.app import run_gui

    return run_gui(db)


def gui_main() -> int:
    """Entry of the windowed launcher (no console on Windows)."""
    args = [a for a in sys.argv[1:]]
    db = None
    if "--db" in args and args.index("--db") + 1 < len(args):
        db = Path(args[args.index("--db") + 1])
    return gui(db)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
