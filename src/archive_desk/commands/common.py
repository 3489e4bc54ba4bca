"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from archive_desk.i18n import both


def h(msgid: str, /, **values: object) -> str:
    """Bilingual help text: ``中文 / English``."""
    zh, en = both(msgid, **values)
    return en if zh == en else f"{zh} / {en}"


DB_HELP = "catalogue file, or the room's server as postgresql://user@host:5432/archive (default: the embedded catalogue)"


def db_target(value: str) -> Path | str:
    """``--db``'s type: a file (a Path) or a server URL (text, ``postgresql+psycopg://…``; a Path would mangle it)."""
    from archive_desk.db.target import parse

    return parse(value)


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, default=argparse.SUPPRESS, help=h(DB_HELP))


def resolve_db(path: Path | str | None) -> Path | str:
    """The catalogue a command works on: the file or server URL given, else the embedded catalogue."""
    from archive_desk.db.target import is_server_url
    from archive_desk.settings import default_catalogue_path

    if is_server_url(path):
        return str(path)
    return Path(path) if path else default_catalogue_path()


def open_db(path: Path | None, *, must_exist: bool = True):  # noqa: ANN201 - Database
    from archive_desk.errors import NotFoundError
    from archive_desk.i18n import t
    from archive_desk.services.setup import open_catalogue

    target = resolve_db(path)
    if isinstance(target, str):  # the room's server
        return open_catalogue(target)
    if must_exist and path is not None and not target.exists():
        raise NotFoundError(t("The catalogue file {path} does not exist", path=target))
    return open_catalogue(target)


def print_json(value: Any) -> None:
    """JSON to stdout, UTF-8 (cli.utf8_console); nothing when there is no stdout (the windowed executable)."""
    if sys.stdout is None:
        return
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def viewer(args: argparse.Namespace) -> Any:
    """Whose output a command prints (an ``audit.Actor``): the logged-in account the command line put in
    ``args.actor`` (issue 16's login), else the configured user of a catalogue without accounts (nothing masked).
    Search results, labels, forms and exports are masked for it (services/masking.py)."""
    found = getattr(args, "actor", None)
    if found is not None:
        return found
    from archive_desk.services.audit import Actor

    return Actor.current()


def log_personal(db: Any, actor: Any, action: str, volume_ids: list[int]) -> None:
    """Record the personal fields of these volumes that ``actor`` printed or exported unmasked (not on a
    read-only catalogue, nor on one without accounts: services/masking.py)."""
    from archive_desk.services import masking

    if db.read_only or not masking.should_log(actor):
        return
    with db.read() as session:
        shown = masking.personal_shown_ids(session, actor, volume_ids)
    if shown:
        with db.write() as session:
            masking.log_access_op(session, actor, action, shown)
