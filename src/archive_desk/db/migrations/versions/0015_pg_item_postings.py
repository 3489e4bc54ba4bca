"""PostgreSQL search: postings of the items' titles, so the items tier stops at its page

Revision ID: 0015_pg_item_postings
Revises: 0014_pg_search_pieces
Create Date: 2026-12-28

Nothing changes on SQLite (its FTS5 index serves every query since 0002). On PostgreSQL (issue #17: an item-title
search, 查勘报告, took every one of its 24,762 matching items from the trigram index and sorted them before the
first page at 100,000 volumes; ten times as many at 1,000,000): ``search_item_grams`` (gram, item_id), every
distinct two-character piece of each lower-cased item title, read along its primary key in item order like
``search_grams`` for titles (services/search_pg.py), filled here from the items and kept by a trigger on items
(db/postgresql.py ``ITEM_GRAMS_DDL``). The key is added after the fill, in one sort. At 100,000 volumes (603,699
items): 4.4 million rows, 319 MB with its key, 20 s; at 1,000,000 about ten times as much.
"""

from __future__ import annotations

from alembic import op

revision = "0015_pg_item_postings"
down_revision = "0014_pg_search_pieces"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from archive_desk.db import postgresql

    for sql in postgresql.ITEM_GRAMS_DDL:
        bind.exec_driver_sql(sql)
    postgresql.refill_item_grams(bind.exec_driver_sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS search_item_grams_ai ON items")
    bind.exec_driver_sql("DROP TRIGGER IF EXISTS search_item_grams_au ON items")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS search_item_grams_sync()")
    bind.exec_driver_sql("DROP TABLE IF EXISTS search_item_grams")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS search_bigrams(text)")
