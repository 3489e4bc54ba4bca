"""Borrowers, loans (借阅) and their lines."""

from __future__ import annotations

from datetime import date, datetime

from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Table, Text, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Stamped, table_of


class Borrower(Stamped, Base):
    __tablename__ = "borrowers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(120), default="")  # 单位/部门
    phone: Mapped[str] = mapped_column(String(40), default="")
    id_number: Mapped[str] = mapped_column(String(40), default="")  # shown masked but the last 4
    kind: Mapped[str] = mapped_column(String(8), default="staff")  # staff | outside
    card_no: Mapped[str | None] = mapped_column(String(40), unique=True, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)

    __mapper_args__ = {"version_id_col": Stamped.version}


class Loan(Stamped, Base):
    __tablename__ = "loans"
    __table_args__ = (Index("ix_loans_borrower", "borrower_id"), Index("ix_loans_lent_at", "lent_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    slip_no: Mapped[str] = mapped_column(String(32), unique=True)
    borrower_id: Mapped[int] = mapped_column(ForeignKey("borrowers.id"))
    purpose: Mapped[str] = mapped_column(String(16))  # 工作查考 …
    use_mode: Mapped[str] = mapped_column(String(8))  # 查阅 外借 复制 摘录
    lent_at: Mapped[datetime]
    due_date: Mapped[date] = mapped_column(Date)
    approver: Mapped[str] = mapped_column(String(64), default="")
    approval_opinion: Mapped[str] = mapped_column(Text, default="")
    clerk: Mapped[str] = mapped_column(String(64), default="")
    renewals: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(8), default="open")  # open | closed
    notes: Mapped[str] = mapped_column(Text, default="")
    #: the service (0010_use): consult (查阅, in the reading room) | copy (复制/摘录, the original stays) | loan (借出);
    #: due_date means something only for a loan (a consultation or copy stores its day, never shown nor overdue)
    service: Mapped[str] = mapped_column(String(8), default="loan", server_default="loan")
    #: a personal record's request: requester kind, the proofs required and those supplied (None: no request)
    request: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    #: how the approval was given (0013_approvals): {"kind": "account", "username", …} or {"kind": "paper",
    #: "form_no", "date"}; None without one (or a name typed on a catalogue without accounts)
    approval: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    lines: Mapped[list[LoanLine]] = relationship(back_populates="loan", order_by="LoanLine.id")

    __mapper_args__ = {"version_id_col": Stamped.version}


#: the partial unique index: one open line per volume
OPEN_LINE_INDEX = "uq_loan_lines_open_volume"


class LoanLine(Base):
    __tablename__ = "loan_lines"
    __table_args__ = (
        # at most one open loan per volume, enforced by the database (two workstations racing); on
        # PostgreSQL the same WHERE is given when the table is created (_postgresql_partial_index)
        Index(
            OPEN_LINE_INDEX,
            "volume_id",
            unique=True,
            sqlite_where=text("returned_at IS NULL"),
        ),
        Index("ix_loan_lines_loan", "loan_id"),
        # a volume's loan history (the catalogue's detail pane) without scanning every line
        Index("ix_loan_lines_volume", "volume_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"))
    pages_out: Mapped[int] = mapped_column(default=0)
    returned_at: Mapped[datetime | None] = mapped_column(default=None)
    returned_to: Mapped[str] = mapped_column(String(64), default="")
    pages_back: Mapped[int | None] = mapped_column(default=None)
    condition: Mapped[str] = mapped_column(String(8), default="")  # 完好 | 破损
    condition_note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")  # 利用效果 (what it served, in words)
    #: 利用效果 as a choice from the room's list (0010_use); ``outcome`` keeps the words
    outcome_kind: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # a copy (复制/摘录): the parts chosen, pages of the original copied, copies made, fee in 分, 证明印记, made in
    # the requester's presence
    copy_parts: Mapped[str] = mapped_column(Text, default="", server_default="")
    copy_pages: Mapped[int] = mapped_column(default=0, server_default="0")
    copies: Mapped[int] = mapped_column(default=0, server_default="0")
    fee_fen: Mapped[int] = mapped_column(default=0, server_default="0")
    stamped: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    in_presence: Mapped[bool] = mapped_column(default=False, server_default=text("false"))

    loan: Mapped[Loan] = relationship(back_populates="lines")


def declare_postgresql_options() -> None:
    """Give the open-line index its ``postgresql_where``. Not in the model itself: naming a PostgreSQL option
    there imports SQLAlchemy's whole PostgreSQL dialect (and its drivers' modules), 0.1 s at every start of
    an app that runs on SQLite. Called when the table is created on PostgreSQL and whenever Alembic runs
    (migrations/env.py), so autogenerate and the regenerated initial migration keep it."""
    for index in table_of(LoanLine).indexes:
        if index.name == OPEN_LINE_INDEX:
            index.dialect_options["postgresql"]["where"] = text("returned_at IS NULL")


@event.listens_for(LoanLine.__table__, "before_create")
def _postgresql_partial_index(table: Table, connection: Connection, **_kw: object) -> None:  # noqa: ARG001 - the signature is fixed by its callers
    if connection.dialect.name == "postgresql":
        declare_postgresql_options()
