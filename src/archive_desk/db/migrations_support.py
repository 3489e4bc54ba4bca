"""What Alembic's autogenerate and the models-vs-migrations test leave alone: the search index's FTS5
tables and their shadow tables (made by migration 0002 with raw SQL, not by the models), and on PostgreSQL the
search's trigram indexes ``ix_search_*`` (made by migration 0007 with raw SQL, db/postgresql.py)."""

from __future__ import annotations


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    if name is None:
        return True
    return not ((type_ == "table" and name.startswith("search_")) or (type_ == "index" and name.startswith("ix_search_")))
