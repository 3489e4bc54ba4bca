"""Services of use: consultation, copy and loan each recorded as what it is; a personal record's request

Revision ID: 0010_use
Revises: 0009_retention
Create Date: 2026-12-12

Columns only (no table is rebuilt: the loans and their lines are sealed rows and keep their seals):
``loans.service`` (consult | copy | loan) and ``loans.request`` (requester kind, proofs required and supplied),
and on ``loan_lines`` the structured 利用效果 and a copy's parts, pages, copies, fee, stamp and presence.

Slips already in the file: a closed one gets the service its 利用方式 names (查阅 → consult, 复制/摘录 → copy,
anything else → loan); an open one stays a loan, since round one put its volumes ``on_loan`` with a due date
and they come back through the returns desk like any loan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_use"
down_revision = "0009_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("loans") as batch:
        batch.add_column(sa.Column("service", sa.String(length=8), nullable=False, server_default="loan"))
        batch.add_column(sa.Column("request", sa.JSON(), nullable=True))
    with op.batch_alter_table("loan_lines") as batch:
        batch.add_column(sa.Column("outcome_kind", sa.String(length=16), nullable=False, server_default=""))
        batch.add_column(sa.Column("copy_parts", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("copy_pages", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("copies", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("fee_fen", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("stamped", sa.Boolean(), nullable=False, server_default=sa.text("false")))
        batch.add_column(sa.Column("in_presence", sa.Boolean(), nullable=False, server_default=sa.text("false")))
    op.execute("UPDATE loans SET service = 'consult' WHERE status = 'closed' AND use_mode = '查阅'")
    op.execute("UPDATE loans SET service = 'copy' WHERE status = 'closed' AND use_mode IN ('复制', '摘录')")


def downgrade() -> None:
    with op.batch_alter_table("loan_lines") as batch:
        for column in ("in_presence", "stamped", "fee_fen", "copies", "copy_pages", "copy_parts", "outcome_kind"):
            batch.drop_column(column)
    with op.batch_alter_table("loans") as batch:
        batch.drop_column("request")
        batch.drop_column("service")
