"""Transfers in and out (移交/接收) and appraisal for destruction (鉴定销毁)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Stamped


class TransferBatch(Stamped, Base):
    __tablename__ = "transfer_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(32), unique=True)
    direction: Mapped[str] = mapped_column(String(4))  # in (接收) | out (移出)
    nature: Mapped[str] = mapped_column(String(8), default="移交")  # 移交 寄存 征购 捐赠
    from_unit: Mapped[str] = mapped_column(String(120), default="")
    to_unit: Mapped[str] = mapped_column(String(120), default="")
    from_handler: Mapped[str] = mapped_column(String(64), default="")
    to_handler: Mapped[str] = mapped_column(String(64), default="")
    from_leader: Mapped[str] = mapped_column(String(64), default="")
    to_leader: Mapped[str] = mapped_column(String(64), default="")
    transfer_date: Mapped[date | None] = mapped_column(Date, default=None)
    finding_aids: Mapped[str] = mapped_column(Text, default="")  # 检索工具 handed over
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | confirmed
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list[TransferLine]] = relationship(back_populates="batch", order_by="TransferLine.seq")

    __mapper_args__ = {"version_id_col": Stamped.version}


class TransferLine(Base):
    __tablename__ = "transfer_lines"
    __table_args__ = (Index("ix_transfer_lines_batch", "batch_id", "seq"), Index("ix_transfer_lines_volume", "volume_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("transfer_batches.id"))
    seq: Mapped[int]
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), default=None)
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(default=None)
    retention: Mapped[str] = mapped_column(String(4), default="")
    item_count: Mapped[int] = mapped_column(default=0)
    pages: Mapped[int] = mapped_column(default=0)
    expected: Mapped[bool] = mapped_column(default=True)  # on the sender's list (False: unexpected on arrival)
    found: Mapped[bool] = mapped_column(default=False)  # ticked/scanned on the receiving check
    found_pages: Mapped[int | None] = mapped_column(default=None)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # further imported values
    notes: Mapped[str] = mapped_column(Text, default="")

    batch: Mapped[TransferBatch] = relationship(back_populates="lines")


class Appraisal(Stamped, Base):
    """A yearly appraisal of volumes whose retention ran out; its 销毁清册 is kept forever."""

    __tablename__ = "appraisals"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_no: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int]
    lead: Mapped[str] = mapped_column(String(64), default="")  # 鉴定负责人
    approver: Mapped[str] = mapped_column(String(64), default="")
    witness1: Mapped[str] = mapped_column(String(64), default="")  # 监销人
    witness2: Mapped[str] = mapped_column(String(64), default="")
    destroyed_on: Mapped[date | None] = mapped_column(Date, default=None)
    #: draft → appraised (鉴定意见书 written) → approved (报批) → executed (销毁 recorded) → confirmed (监销: destroyed)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: general | accounting (会计档案: appraised and witnessed jointly with the 会计 department)
    kind: Mapped[str] = mapped_column(String(12), default="general")
    members: Mapped[list[str]] = mapped_column(JSON, default=list)  # 鉴定小组 (the lead first)
    #: the 会计 department's signatories of an accounting list ("会计机构负责人 张三", "经办人 李四")
    accounting_signatories: Mapped[list[str]] = mapped_column(JSON, default=list)
    opinion: Mapped[str] = mapped_column(Text, default="")  # 鉴定意见书
    opinion_on: Mapped[date | None] = mapped_column(Date, default=None)
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)  # 报批: approver and date
    method: Mapped[str] = mapped_column(String(64), default="")  # 销毁方式 (粉碎, 化浆 …)
    place: Mapped[str] = mapped_column(String(120), default="")  # 销毁地点
    witnessed_count: Mapped[int | None] = mapped_column(default=None)  # volumes the 监销人 counted against the list

    lines: Mapped[list[AppraisalLine]] = relationship(back_populates="appraisal", order_by="AppraisalLine.seq")

    __mapper_args__ = {"version_id_col": Stamped.version}


class AppraisalLine(Base):
    __tablename__ = "appraisal_lines"
    __table_args__ = (Index("ix_appraisal_lines_appraisal", "appraisal_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(ForeignKey("appraisals.id"))
    seq: Mapped[int]
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"))
    decision: Mapped[str] = mapped_column(String(8), default="destroy")  # destroy | keep | removed (taken off a draft list)
    new_retention: Mapped[str] = mapped_column(String(4), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    #: the volume as listed (档号, 题名, 年度, 保管期限, 页数 …), frozen when the list is confirmed so the
    #: printed 销毁清册 never changes afterwards
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    appraisal: Mapped[Appraisal] = relationship(back_populates="lines")
