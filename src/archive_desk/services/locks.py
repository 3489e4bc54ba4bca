"""Writes that must take turns across workstations on the room's server.

SQLite lets one write transaction run at a time (they begin IMMEDIATE), so a check-then-write inside one is safe
from other workstations. PostgreSQL runs them side by side (READ COMMITTED): two desks lending at the same moment
would both read the same "next slip number" and both see the volume in stock. :func:`take_turns` makes such a
write wait for the other desk's commit (a transaction-level advisory lock, released by COMMIT or ROLLBACK), so it
then reads what the other desk saved and says so plainly ("already lent on slip …"), exactly as on a file.
Hold it only around short writes (one loan, one scan): a long import never takes it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

#: the names in use (each its own lock)
LENDING = "lending"


def take_turns(session: Session, name: str) -> None:
    """Wait until no other workstation's transaction holds ``name``; hold it until this one ends. A no-op on
    SQLite (its write transactions take turns already)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": "archive_desk." + name})
