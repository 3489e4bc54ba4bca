"""layer usage: triggers keeping layers.used_count / used_mm in step with the volumes (SQLite only)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The columns themselves are in the catalogue schema (0001); here the triggers of
``archive_desk/db/layer_usage.py`` are created and the columns counted once from the volumes.
On PostgreSQL nothing is created yet.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from archive_desk.db import layer_usage

    layer_usage.create_triggers(bind.exec_driver_sql)
    layer_usage.recount(bind.exec_driver_sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from archive_desk.db import layer_usage

    layer_usage.drop_triggers(bind.exec_driver_sql)
