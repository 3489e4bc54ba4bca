"""The time of a change: the workstation's clock for a SQLite file, the server's for a PostgreSQL catalogue.

Several workstations write one PostgreSQL catalogue; their clocks disagree by minutes and a trail must not
go backwards because one PC's clock is slow. So ``Database.write()`` on PostgreSQL reads the server's
``now()`` and ``CURRENT_DATE`` once when the write transaction begins and :func:`server_time` makes them
what :func:`utcnow` and :func:`today` return inside that transaction (``now()`` is the transaction's start,
as PostgreSQL itself stamps it). Outside such a transaction, and always on SQLite, they are the local clock,
exactly as before. Context-local, so a worker thread's transaction never sees another thread's time.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from datetime import UTC, date, datetime

_server: contextvars.ContextVar[tuple[datetime, date] | None] = contextvars.ContextVar("archive_desk_server_time",
                                                                                       default=None)


def utcnow() -> datetime:
    """Now in UTC without a time zone (as every time column stores it)."""
    server = _server.get()
    return server[0] if server is not None else datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """Today's date (due dates, overdue days): the server's inside a PostgreSQL write, else this PC's."""
    server = _server.get()
    return server[1] if server is not None else date.today()


@contextlib.contextmanager
def server_time(now_utc: datetime, current_date: date) -> Iterator[None]:
    token = _server.set((now_utc, current_date))
    try:
        yield
    finally:
        _server.reset(token)
