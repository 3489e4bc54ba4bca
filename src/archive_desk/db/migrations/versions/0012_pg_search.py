"""PostgreSQL search served by indexes: one- and two-character pieces of titles, lower-cased 档号 trigrams

Revision ID: 0012_pg_search
Revises: 0011_masking
Create Date: 2026-12-13

Nothing changes on SQLite (its FTS5 index serves every query since 0002). On PostgreSQL (issue #17 item 7, a
search took 0.4–1.2 s at 100,000 volumes): ``search_grams``, every distinct one- and two-character piece of each
lower-cased title and, marked, of its pinyin initials (pg_trgm cannot serve words shorter than three characters),
filled here from the volumes and ``search_pinyin``; a trigram index on ``lower(code)`` (the 档号 match compares
lower-cased codes, which the index on ``code`` could not serve) replaces the one on ``code``.
"""

from __future__ import annotations

from alembic import op

revision = "0012_pg_search"
down_revision = "0011_masking"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from archive_desk.db import postgresql

    for sql in postgresql.search_ddl():
        bind.exec_driver_sql(sql)
    bind.exec_driver_sql("DROP INDEX IF EXISTS ix_search_volumes_code_trgm")
    bind.exec_driver_sql("DELETE FROM search_grams")
    bind.exec_driver_sql(postgresql.fill_grams_sql(only_ids=False))
    bind.exec_driver_sql("ANALYZE search_grams")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    bind.exec_driver_sql("DROP TABLE IF EXISTS search_grams")
    bind.exec_driver_sql("DROP INDEX IF EXISTS ix_search_volumes_lower_code_trgm")
    bind.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_search_volumes_code_trgm ON volumes USING gin (code gin_trgm_ops)")
