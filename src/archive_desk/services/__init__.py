"""Use cases. Services take a Session (or a Database for long work) and plain values, and
return frozen dataclasses, ids or counts, never live ORM objects. Nothing here imports Qt."""

# A server catalogue's write sessions chain the trail and keep the pinyin table in step through hooks these two
# register with the database layer (db/engine.py POSTGRESQL_WRITE_HOOKS), and tell the other workstations what
# they changed (live: NOTIFY at commit): importing any service loads them.
from archive_desk.services import audit as _audit  # noqa: E402, F401
from archive_desk.services import search as _search  # noqa: E402, F401
from archive_desk.services import live as _live  # noqa: E402, F401
