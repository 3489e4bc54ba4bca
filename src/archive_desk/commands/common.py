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


# ---------------------------------------------------------------- who runs the command (services/accounts.py)

USER_HELP = "your user name on a catalogue with accounts (or ARCHIVE_DESK_USER); the password is asked for, or taken from ARCHIVE_DESK_PASSWORD"

#: the actor of this command, set by :func:`authenticate` (one command per process; ``cli.main`` resets it)
_ACTOR: Any = None


def reset_actor() -> None:
    global _ACTOR
    _ACTOR = None


def cli_actor() -> Any:  # -> audit.Actor
    """Who runs this command: the logged-in account, or on a catalogue without accounts the workstation's clerk."""
    if _ACTOR is not None:
        return _ACTOR
    from archive_desk.services.audit import Actor

    return Actor.current()


def _file_has_accounts(path: Path) -> bool:
    """Read straight from the file (no migration, works on a damaged file): are there active accounts? A file that
    cannot be read this way is left to the command, which says what is wrong with it."""
    import sqlite3
    from contextlib import closing

    from archive_desk.db.engine import sqlite_uri
    from archive_desk.db.migrate import file_problem

    if file_problem(path) is not None:  # not a catalogue (empty, truncated, another program's): the command says so
        return False
    try:
        with closing(sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=5)) as conn:
            return bool(conn.execute("SELECT count(*) FROM users WHERE active").fetchone()[0])
    except sqlite3.Error:
        return False


def authenticate(target: Path | str | None, user: str | None, action: str | None) -> Any:
    """Log in for this command when the catalogue ``target`` has accounts (user from ``--user`` or
    ``ARCHIVE_DESK_USER``, password from ``ARCHIVE_DESK_PASSWORD`` or a prompt), then check ``action`` (a
    permissions action, or None for commands whose writes the write path checks). Raises a UserError."""
    import getpass
    import os
    import platform

    from archive_desk.errors import NotAuthorisedError
    from archive_desk.i18n import t

    global _ACTOR
    resolved = resolve_db(target)
    if isinstance(resolved, Path):
        if not resolved.exists() or not _file_has_accounts(resolved):
            return cli_actor()
        db = open_db(resolved)
    else:
        db = open_db(resolved)
    try:
        from archive_desk.services import accounts, permissions

        with db.read() as session:
            if not accounts.has_accounts(session):
                return cli_actor()
        name = (user or os.environ.get("ARCHIVE_DESK_USER", "")).strip()
        if not name:
            raise NotAuthorisedError(t("This catalogue has accounts: say who you are with --user NAME (or ARCHIVE_DESK_USER). "
                              "Nothing was done."))
        password = os.environ.get("ARCHIVE_DESK_PASSWORD")
        if password is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise NotAuthorisedError(t("No password: type it at the prompt, or set ARCHIVE_DESK_PASSWORD. Nothing was done."))
            password = getpass.getpass(t("Password for {user}: ", user=name))
        try:
            _ACTOR = accounts.login(db, name, password, platform.node() or "unknown")
        except accounts.PasswordChangeRequired as exc:
            raise NotAuthorisedError(exc.message + " " + t("Use: archive-desk users passwd --user {user}", user=name)) from exc
        if action is not None and not permissions.allowed(_ACTOR.role, action):
            permissions.record_refusal(db, _ACTOR, action)
            raise permissions.PermissionDeniedError(permissions.refusal_message(_ACTOR.role, action), action=action,
                                                    role=_ACTOR.role)
        return _ACTOR
    finally:
        db.dispose()


def viewer(args: argparse.Namespace) -> Any:
    """Whose output a command prints (an ``audit.Actor``): the account logged in for this command (``cli_actor``;
    ``args.actor`` when a caller set one), else the configured clerk of a catalogue without accounts (nothing
    masked). Search results, labels, forms and exports are masked for it (services/masking.py)."""
    found = getattr(args, "actor", None)
    return found if found is not None else cli_actor()


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
