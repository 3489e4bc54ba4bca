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


def add_db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=h("catalogue file (default: the embedded catalogue)"))


def resolve_db(path: Path | None) -> Path:
    from archive_desk.settings import default_catalogue_path

    return Path(path) if path else default_catalogue_path()


def open_db(path: Path | None, *, must_exist: bool = True):  # noqa: ANN201 - Database
    from archive_desk.errors import NotFoundError
    from archive_desk.i18n import t
    from archive_desk.services.setup import open_catalogue

    target = resolve_db(path)
    if must_exist and path is not None and not target.exists():
        raise NotFoundError(t("The catalogue file {path} does not exist", path=target))
    return open_catalogue(target)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
