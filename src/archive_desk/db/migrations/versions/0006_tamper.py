"""tamper evidence: a MAC on each audit entry, a seal per catalogue row, and the seal state

Revision ID: 0006_tamper
Revises: 0005_backup
Create Date: 2026-12-07

Nothing is sealed here: the migration has no key. The first write after the upgrade creates the catalogue's
identity and room key and seals every row (``archive_desk/db/sealing.py``); the audit entries already
there stay unsealed and ``check`` reports them as "not sealed before <date>".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_tamper"
down_revision = "0005_backup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    op.create_table(
        "row_seal",
        sa.Column("tbl", sa.String(length=32), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("mac", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "seal_state",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sealed_from", sa.Integer(), nullable=False),
        sa.Column("sealed_at", sa.String(length=40), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("seal_state")
    op.drop_table("row_seal")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("mac")
