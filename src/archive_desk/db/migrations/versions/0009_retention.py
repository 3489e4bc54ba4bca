"""Retention schedule, legal holds and destruction as a procedure

Revision ID: 0009_retention
Revises: 0008_accounts
Create Date: 2026-12-12

* ``legal_holds``: 封存, litigation, audit and unsettled-matter holds on a volume or a 病案号;
* ``appraisals`` gets the steps of a destruction: its kind (general | accounting), the 鉴定小组, the 会计
  department's signatories, the 鉴定意见书 and its date, the approval date, the method and place of destruction,
  and the count of the two 监销人. Lists confirmed before keep their status ``confirmed``;
* the standard categories get the fields the retention rules read, when the catalogue has those categories:
  病历 就诊类型 (visit_type), 理赔 保险合同起止 (contract_start, contract_end), 会计 会计档案类别 (ku_kind) and
  处置日期 (disposal_date). The values are filled by people (or the demo); nothing is guessed here.
Runs the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0009_retention"
down_revision = "0008_accounts"
branch_labels = None
depends_on = None

#: category code → (key, 中文, English, type, choices)
NEW_FIELDS = {
    "BL": [("visit_type", "就诊类型", "Visit type", "choice", ["住院", "门诊"])],
    "LP": [("contract_start", "保险起期", "Contract start", "date", []),
           ("contract_end", "保险止期", "Contract end", "date", [])],
    "KU": [("ku_kind", "会计档案类别", "Accounting record kind", "choice",
            ["记账凭证", "原始凭证", "总账", "明细账", "日记账", "辅助账簿", "固定资产卡片", "月度财务报告",
             "季度财务报告", "年度财务报告", "会计档案鉴定意见书", "会计档案销毁清册", "会计档案移交清册",
             "会计档案保管清册", "银行存款余额调节表", "银行对账单", "纳税申报表", "其他会计资料"]),
           ("disposal_date", "处置日期", "Disposal date", "date", [])],
}


def upgrade() -> None:
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("volume_id", sa.Integer(), nullable=True),
        sa.Column("record_no", sa.String(length=64), nullable=False),
        sa.Column("counterpart", sa.String(length=120), nullable=False),
        sa.Column("release_on", sa.Date(), nullable=True),
        sa.Column("placed_by", sa.String(length=64), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("released_by", sa.String(length=64), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["volume_id"], ["volumes.id"], name=op.f("fk_legal_holds_volume_id_volumes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    op.create_index("ix_legal_holds_volume", "legal_holds", ["volume_id"])
    op.create_index("ix_legal_holds_record_no", "legal_holds", ["record_no"])
    # plain ADD COLUMN (a batch copy of the table would trip the foreign keys of appraisal_lines on SQLite);
    # the server defaults fill the lists confirmed before: general lists, their steps unrecorded
    for column in (sa.Column("kind", sa.String(length=12), nullable=False, server_default="general"),
                   sa.Column("members", sa.JSON(), nullable=False, server_default="[]"),
                   sa.Column("accounting_signatories", sa.JSON(), nullable=False, server_default="[]"),
                   sa.Column("opinion", sa.Text(), nullable=False, server_default=""),
                   sa.Column("opinion_on", sa.Date(), nullable=True),
                   sa.Column("approved_on", sa.Date(), nullable=True),
                   sa.Column("method", sa.String(length=64), nullable=False, server_default=""),
                   sa.Column("place", sa.String(length=120), nullable=False, server_default=""),
                   sa.Column("witnessed_count", sa.Integer(), nullable=True)):
        op.add_column("appraisals", column)

    bind = op.get_bind()
    cats = sa.table("categories", sa.column("id", sa.Integer), sa.column("code", sa.String))
    fields = sa.table("category_fields", sa.column("category_id", sa.Integer), sa.column("key", sa.String),
                      sa.column("label_zh", sa.String), sa.column("label_en", sa.String), sa.column("type", sa.String),
                      sa.column("choices", sa.JSON), sa.column("required", sa.Boolean), sa.column("searchable", sa.Boolean),
                      sa.column("sort_order", sa.Integer))
    for code, new in NEW_FIELDS.items():
        cat_id = bind.execute(sa.select(cats.c.id).where(cats.c.code == code)).scalar()
        if cat_id is None:
            continue
        have = set(bind.execute(sa.select(fields.c.key).where(fields.c.category_id == cat_id)).scalars())
        order = bind.execute(sa.select(sa.func.coalesce(sa.func.max(fields.c.sort_order), -1))
                             .where(fields.c.category_id == cat_id)).scalar()
        for key, zh, en, ftype, choices in new:
            if key in have:
                continue
            order += 1
            bind.execute(fields.insert().values(category_id=cat_id, key=key, label_zh=zh, label_en=en, type=ftype,
                                                choices=json.loads(json.dumps(choices)), required=False, searchable=False,
                                                sort_order=order))


def downgrade() -> None:
    with op.batch_alter_table("appraisals") as batch:  # downgrade: run with foreign keys off
        for name in ("witnessed_count", "place", "method", "approved_on", "opinion_on", "opinion", "accounting_signatories",
                     "members", "kind"):
            batch.drop_column(name)
    op.drop_index("ix_legal_holds_record_no", table_name="legal_holds")
    op.drop_index("ix_legal_holds_volume", table_name="legal_holds")
    op.drop_table("legal_holds")
