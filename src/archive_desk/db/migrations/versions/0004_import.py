"""dates given to the month: volumes.date_precision and items.date_precision

Revision ID: 0004_import
Revises: 0003
Create Date: 2026-12-07

Old registers give 起止日期 as months (2021.03-2021.05). The dates stay in start_date / end_date (the
month's first and last day, so they sort and filter as dates); the new column says they were given to
the month, so they are printed as written (2021.03). NULL: to the day, as every row so far.
A plain ADD COLUMN: the volumes' triggers (search index, layer usage) stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_import"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("volumes", sa.Column("date_precision", sa.String(length=8), nullable=True))
    op.add_column("items", sa.Column("date_precision", sa.String(length=8), nullable=True))


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy that would drop the volumes' triggers
    op.drop_column("items", "date_precision")
    op.drop_column("volumes", "date_precision")
