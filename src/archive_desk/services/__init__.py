"""Use cases. Services take a Session (or a Database for long work) and plain values, and
return frozen dataclasses, ids or counts, never live ORM objects. Nothing here imports Qt."""
