"""What Alembic's autogenerate and the models-vs-migrations test leave alone: the search index's FTS5
tables and their shadow tables (made by migration 0002 with raw SQL, not by the models)."""

from __future__ import annotations


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith("search_"))
