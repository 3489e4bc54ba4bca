"""Where a catalogue lives: a SQLite file on this PC, or the room's PostgreSQL server named by a libpq URL.

``--db`` and the GUI take either. A URL is kept as text (``Path`` would fold ``postgresql://u@h/db`` into
``postgresql:/u@h/db``); ``postgresql://`` and ``postgres://`` are given the driver the project installs
(psycopg 3: ``postgresql+psycopg://``; a bare ``postgresql://`` makes SQLAlchemy look for psycopg2). Light on
purpose: the command line parses its arguments with this before anything heavy is imported.
"""

from __future__ import annotations

import re
from pathlib import Path

#: the schemes of a server catalogue (anything else, including ``C:\\…`` and ``\\\\nas\\…``, is a file)
_SERVER = re.compile(r"^(postgresql|postgres)(\+[a-z0-9_]+)?://", re.IGNORECASE)


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and bool(_SERVER.match(target.strip()))


def server_url(target: str) -> str:
    """The SQLAlchemy URL of a libpq URL: ``postgres(ql)://…`` → ``postgresql+psycopg://…`` (a driver already
    named is kept)."""
    text = target.strip()
    match = _SERVER.match(text)
    if match is None:
        raise ValueError(f"not a PostgreSQL URL: {target!r}")
    driver = match.group(2) or "+psycopg"
    return f"postgresql{driver}://" + text[match.end():]


def parse(value: str | Path) -> str | Path:
    """``--db``'s type: a server URL stays text (normalised by :func:`server_url`), anything else is a path."""
    if isinstance(value, Path):
        return value
    return server_url(value) if is_server_url(value) else Path(value)


def display(target: str | Path | None) -> str:
    """The catalogue as a person reads it in a message: a file's path, or the URL without its password."""
    if target is None:
        return ""
    if is_server_url(target):
        return re.sub(r"^([^:/]+://[^:/@]*):[^@]*@", r"\1:***@", str(target))
    return str(target)
