"""Approvals: who approved a loan, as an account or a recorded paper approval

Revision ID: 0013_approvals
Revises: 0012_pg_search
Create Date: 2026-12-20

One column, ``loans.approval`` (JSON, NULL for slips without one): ``{"kind": "account", "username", "role",
"clearance"}`` when an account holding the approve right confirmed it with its password, ``{"kind": "paper",
"form_no", "date"}`` for a paper approval recorded by the clerk. ``loans.approver`` keeps the name as before.
Slips already in the file keep NULL: their typed names are shown as they were. (Chained after 0010_use; another
branch may add 0011_pg_search, and the owner re-chains this one after it.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_approvals"
down_revision = "0012_pg_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("loans") as batch:
        batch.add_column(sa.Column("approval", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("loans") as batch:
        batch.drop_column("approval")
