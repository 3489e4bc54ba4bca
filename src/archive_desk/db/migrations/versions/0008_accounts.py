"""accounts: lockout, forced password change, clearance, extra rights and last login of each account

Revision ID: 0008_accounts
Revises: 0007_postgresql
Create Date: 2026-12-14

The ``users`` table came with 0001 but nothing used it; every catalogue's is empty, so the new columns need
defaults only for the database's sake. A catalogue stays without accounts (no login) until its first
administrator is created (services/accounts.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_accounts"
down_revision = "0007_postgresql"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("must_change", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("clearance", sa.String(length=8), nullable=False, server_default="公开"))
        batch.add_column(sa.Column("rights", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for name in ("last_login_at", "rights", "clearance", "must_change", "locked_until", "failed_logins"):
            batch.drop_column(name)
