"""Storage failures as messages a person can act on, told apart by SQLite's result codes, not its wording.

SQLite gives every failure a result code; Python's ``sqlite3`` carries the extended one on the exception
(``sqlite_errorcode``, e.g. 778 = SQLITE_IOERR_WRITE), and its low byte is the primary code (10 = SQLITE_IOERR).
The message text differs between SQLite versions and is sometimes about something else: after an I/O error
inside a savepoint, SQLite has already rolled the transaction back, and what reaches the caller is SQLAlchemy's
``no such savepoint`` (SQLITE_ERROR) with the I/O error as its context. So the whole chain of causes is read and
the first storage code in it decides.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from enum import StrEnum

# SQLite's primary result codes (https://www.sqlite.org/rescode.html)
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageProblem(StrEnum):
    BUSY = "busy"  # another connection holds the write lock (another workstation saving)
    LOCKED = "locked"  # a table is locked inside this process
    READONLY = "readonly"
    IO = "io"  # the disk or the network drive failed a read, write or sync
    CORRUPT = "corrupt"  # damaged, or not a catalogue at all
    FULL = "full"
    CANTOPEN = "cantopen"


_BY_PRIMARY = {
    SQLITE_BUSY: StorageProblem.BUSY,
    SQLITE_LOCKED: StorageProblem.LOCKED,
    SQLITE_READONLY: StorageProblem.READONLY,
    SQLITE_IOERR: StorageProblem.IO,
    SQLITE_CORRUPT: StorageProblem.CORRUPT,
    SQLITE_NOTADB: StorageProblem.CORRUPT,
    SQLITE_FULL: StorageProblem.FULL,
    SQLITE_CANTOPEN: StorageProblem.CANTOPEN,
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (SQLAlchemy's ``orig``), its cause and its context, each once."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [x for x in (getattr(e, "orig", None), e.__cause__, e.__context__) if isinstance(x, BaseException)]


def sqlite_codes(exc: BaseException) -> list[int]:
    """The extended SQLite result codes found along the exception's chain, outermost first."""
    return [e.sqlite_errorcode for e in _chain(exc)
            if isinstance(e, sqlite3.Error) and isinstance(getattr(e, "sqlite_errorcode", None), int)]


def classify(exc: BaseException) -> StorageProblem | None:
    """The storage problem behind ``exc``, or None when it is not one (a constraint, a bug, SQL text)."""
    for code in sqlite_codes(exc):
        problem = _BY_PRIMARY.get(code & 0xFF)
        if problem is not None:
            return problem
    return None
