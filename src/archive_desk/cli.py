"""``archive-desk``: with no sub-command it opens the GUI; sub-commands use the same services."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from archive_desk import __version__
from archive_desk.commands import AREAS
from archive_desk.commands.common import DB_HELP, USER_HELP, db_target, h
from archive_desk.errors import NotAuthorisedError, UserError
from archive_desk.i18n import set_language, system_language


class _HelpFormatter(argparse.HelpFormatter):
    """argparse %-formats every help text; ours are plain sentences ("fill %"), so a lone ``%`` is kept as
    it is while ``%(default)s`` and ``%%`` still work."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = super()._get_help_string(action) or ""
        return re.sub(r"%%|%\(|%", lambda m: m.group() if len(m.group()) == 2 else "%%", text)


class ArchiveParser(argparse.ArgumentParser):
    """The parser of ``archive-desk`` and (argparse makes sub-parsers of the parent's class) every sub-command."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    parser = ArchiveParser(
        prog="archive-desk",
        description=h("ArchiveDesk: the archive room's catalogue, shelves, labels, lending and transfers"),
    )
    parser.add_argument("--version", action="version", version=f"archive-desk {__version__}")
    parser.add_argument("--db", type=db_target, default=None, help=h(DB_HELP))
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help=h("language of messages"))
    parser.add_argument("--user", default=None, metavar="NAME", help=h(USER_HELP))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        importlib.import_module(f"archive_desk.commands.{area}").register(sub)
    return parser


def utf8_console() -> None:
    """Write the CLI's output as UTF-8 whatever the console's code page: under cp936 (a Chinese Windows
    console) a rare name character such as 䶮 is not encodable and would end the command with a traceback.
    Only real text streams are switched; ``None`` (the windowed executable) and test doubles are left alone."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace" if stream is sys.stderr else "replace")
        except (OSError, ValueError, AttributeError):  # pragma: no cover - a stream that cannot change now
            pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # the installed app checks itself (selftest.py); any executable, no sub-command
        utf8_console()
        from archive_desk import selftest

        return selftest.main([a for a in argv if a != "--self-test"])
    if "--quit-after-first-paint" in argv:  # benchmarks/frozen_start.py: start, paint the table, print the time
        from archive_desk.app import run_gui_first_paint

        rest = [a for a in argv if a != "--quit-after-first-paint"]
        db = Path(rest[rest.index("--db") + 1]) if "--db" in rest and rest.index("--db") + 1 < len(rest) else None
        return run_gui_first_paint(db)
    if "--open-demo" in argv:  # the Start-menu / desktop entry "open the demo"
        return gui(demo_catalogue())
    set_language(_lang_from(argv) or system_language())
    parser = build_parser()
    argv, user = _user_from(argv)  # "--user" may be given before or after the sub-command
    args = parser.parse_args(argv)
    args.user = user
    if args.command is None:
        return gui(args.db)
    utf8_console()
    # "--db" may be given before or after the sub-command
    from archive_desk.commands import common

    common.reset_actor()
    try:
        gate = _gate(args)
        if gate is not None:
            common.authenticate(gate[0], user, gate[1])
        code = int(args.func(args) or 0)
        if sys.stdout is not None:
            sys.stdout.flush()  # inside the try: a reader that went away (``| head``) is seen here, not at exit
        return code
    except BrokenPipeError:
        # the reader of our output stopped reading (``archive-desk search … | head``): no traceback; what it
        # did not read is lost, so the command is done in part (the README's exit-code table)
        _silence_stdout()
        return 1
    except UserError as exc:
        if getattr(args, "json", False):  # a program reading --json output gets the error as JSON too
            from archive_desk.commands.common import print_json

            print_json({"error": exc.message, "where": exc.where})
        else:
            print(str(exc), file=sys.stderr)
        return 4 if isinstance(exc, NotAuthorisedError) else 2


def _silence_stdout() -> None:
    """Point stdout at the null device so Python's own flush at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout without a file descriptor
        pass


def _user_from(argv: list[str]) -> tuple[list[str], str | None]:
    """Take ``--user NAME`` / ``--user=NAME`` out of the arguments wherever it stands."""
    rest: list[str] = []
    user = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg.startswith("--user="):
            user = arg.split("=", 1)[1]
        elif arg == "--user" and i + 1 < len(argv):
            user = argv[i + 1]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return rest, user


#: commands that need no login: they write a new file (demo) or the workstation's own settings (clerk)
_NO_LOGIN = {"demo", "clerk"}


def _gate(args: argparse.Namespace) -> tuple[object, str | None] | None:
    """(the catalogue to log in to, the action the command needs, or None when the write path checks its writes),
    or None for a command that needs no login."""
    from archive_desk.services import permissions

    command = args.command
    if command in _NO_LOGIN:
        return None
    if command == "server":
        if args.server_command != "copy":
            return None  # init: a new, empty server
        return getattr(args, "source", None), permissions.CLI_SERVER_COPY
    if command == "check":
        return args.db, permissions.CLI_CHECK
    if command == "backup":
        return args.db, permissions.CLI_BACKUP
    if command == "restore":
        from archive_desk.services import backup  # noqa: F401 - registers the operation the gate names

        return args.db, "backup.restore"
    if command == "users":
        if getattr(args, "no_login", False):
            return None  # passwd: the old password proves who it is (and a forced change cannot log in first)
        return args.db, getattr(args, "permission", None)
    return args.db, None


def _lang_from(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def demo_catalogue() -> Path:
    """The demo catalogue in the user's data folder, built (1,000 volumes) the first time it is opened."""
    from archive_desk.services.demo import build_demo
    from archive_desk.settings import data_dir

    path = data_dir() / "demo.sqlite"
    if not path.exists():
        build_demo(path, 1000)
    return path


def gui(db: Path | str | None) -> int:
    from archive_desk.app import run_gui

    return run_gui(db)


def gui_main() -> int:
    """Entry of the windowed launcher (no console on Windows)."""
    args = [a for a in sys.argv[1:]]
    if "--self-test" in args or "--quit-after-first-paint" in args or "--open-demo" in args:
        return main(args)
    db = None
    if "--db" in args and args.index("--db") + 1 < len(args):
        db = db_target(args[args.index("--db") + 1])
    return gui(db)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
