"""PostgreSQL search: one- and two-character pieces of item titles and of a volume's other fields, in GIN indexes

Revision ID: 0014_pg_search_pieces
Revises: 0013_approvals
Create Date: 2026-12-27

Nothing changes on SQLite (its FTS5 index serves every query since 0002). On PostgreSQL (issue #17: an item-title
search took 190 ms and two words 570 ms at 100,000 volumes): ``search_pieces(text)``, the one- and two-character
pieces of a lower-cased text as an array, and GIN indexes over it for the items' titles and for a volume's 档号,
responsible, notes and own fields (db/postgresql.py ``SEARCH_PIECES_DDL``). pg_trgm cannot serve a word of one or
two characters, so such a word in those fields was matched by reading every row. Expression indexes: the server
keeps them in step with every write, with no table of their own to fill.
"""

from __future__ import annotations

from alembic import op

revision = "0014_pg_search_pieces"
down_revision = "0013_approvals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from archive_desk.db import postgresql

    for sql in postgresql.SEARCH_PIECES_DDL:
        bind.exec_driver_sql(sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.exec_driver_sql("DROP INDEX IF EXISTS ix_search_items_title_pieces")
    bind.exec_driver_sql("DROP INDEX IF EXISTS ix_search_volumes_rest_pieces")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS search_pieces(text)")
