"""search index: FTS5 tables over pre-tokenised text, kept in step by triggers (SQLite only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

On SQLite: two contentless FTS5 tables (``search_volume_fts``, ``search_item_fts``) and the triggers on
``volumes`` and ``items`` that keep them in step (see ``archive_desk/db/fts.py``); an existing catalogue's
rows are indexed here, in the migration's transaction. The connection comes from ``db.engine``, which
registers the tokenising SQL functions on every SQLite connection.

On PostgreSQL nothing is created here: ``services.search.PostgresSearchBackend.ddl()`` lists its
pg_trgm indexes (not yet run in production, see there).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from archive_desk.db import fts

    raw = bind.connection.dbapi_connection
    fts.register_functions(raw)  # normally done by db.engine already; harmless twice
    fts.create_schema(bind.exec_driver_sql)
    has_rows = bind.exec_driver_sql("SELECT 1 FROM volumes LIMIT 1").first() is not None
    if has_rows:
        fts.rebuild(raw, optimize=True)
    else:
        fts.write_stamp(raw)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from archive_desk.db import fts

    fts.drop_schema(bind.exec_driver_sql)
    bind.exec_driver_sql("DELETE FROM catalogue_settings WHERE key = ?", (fts.STAMP_KEY,))
