"""masking: which category fields are personal data, and the log of who saw personal data unmasked

Revision ID: 0011_masking
Revises: 0010_use
Create Date: 2026-12-07

``category_fields.personal`` says how a field is masked for an account without the personal-data right
(``services/masking.py``: "name", "id", "phone", "text"; "" = not personal). The standard fields that hold
personal data (病历: 患者姓名, 理赔: 被保险人) are marked. ``personal_data_access`` lists every view, print and
export of a record's personal data by someone who saw it unmasked (not chained: see docs/architecture.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_masking"
down_revision = "0010_use"
branch_labels = None
depends_on = None

#: (category code, field key, kind) marked personal in catalogues made before this revision
STANDARD_PERSONAL = (("BL", "patient", "name"), ("BL", "id_number", "id"), ("BL", "diagnosis", "text"),
                     ("LP", "insured", "name"), ("LP", "insured_id", "id"))


def upgrade() -> None:
    with op.batch_alter_table("category_fields") as batch:
        batch.add_column(sa.Column("personal", sa.String(length=8), nullable=False, server_default=""))
    op.create_table(
        "personal_data_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("volume_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_personal_data_access_at", "personal_data_access", ["at"])
    op.create_index("ix_personal_data_access_volume", "personal_data_access", ["volume_id"])
    bind = op.get_bind()
    for code, key, kind in STANDARD_PERSONAL:
        bind.execute(sa.text("UPDATE category_fields SET personal = :kind WHERE key = :key AND category_id IN "
                             "(SELECT id FROM categories WHERE code = :code)"), {"kind": kind, "key": key, "code": code})


def downgrade() -> None:
    op.drop_index("ix_personal_data_access_volume", "personal_data_access")
    op.drop_index("ix_personal_data_access_at", "personal_data_access")
    op.drop_table("personal_data_access")
    with op.batch_alter_table("category_fields") as batch:
        batch.drop_column("personal")
