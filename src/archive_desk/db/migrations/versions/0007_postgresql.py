"""PostgreSQL: the search index, the layer-usage triggers and the audit trail's append-only guard

Revision ID: 0007_postgresql
Revises: 0006_tamper
Create Date: 2026-12-10

Nothing changes on SQLite (its search index and triggers came with 0002 and 0003). On PostgreSQL:
``db/postgresql.py`` (pg_trgm indexes and the pinyin table of the search, triggers keeping ``layers.used_*``
in step, a trigger refusing UPDATE/DELETE/TRUNCATE of ``audit_log``), then the layers are counted once.
"""

from __future__ import annotations

from alembic import op

revision = "0007_postgresql"
down_revision = "0006_tamper"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from archive_desk.db import layer_usage, postgresql

    # on the driver's cursor without parameters: the functions' bodies hold "%" (RAISE), which a
    # parameterised statement would take for a placeholder
    cursor = bind.connection.dbapi_connection.cursor()
    try:
        postgresql.create_all(cursor.execute)
        layer_usage.recount(cursor.execute)
    finally:
        cursor.close()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for sql in ("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
                "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
                "DROP FUNCTION IF EXISTS audit_log_append_only()",
                "DROP TRIGGER IF EXISTS layer_usage_ai ON volumes", "DROP TRIGGER IF EXISTS layer_usage_ad ON volumes",
                "DROP TRIGGER IF EXISTS layer_usage_au ON volumes",
                "DROP TRIGGER IF EXISTS layer_usage_category ON categories",
                "DROP FUNCTION IF EXISTS layer_usage_volumes()", "DROP FUNCTION IF EXISTS layer_usage_category()",
                "DROP TABLE IF EXISTS search_pinyin"):
        bind.exec_driver_sql(sql)
