"""Fonds, categories with their own fields, volumes (案卷) and items (卷内文件)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Stamped, utcnow


class FilingMode(enum.StrEnum):
    VOLUME = "volume"  # 按卷
    ITEM = "item"  # 按件


class VolumeStatus(enum.StrEnum):
    IN_STOCK = "in_stock"  # 在库
    ON_LOAN = "on_loan"  # 借出
    TRANSFERRED = "transferred"  # 已移出
    DESTROYED = "destroyed"  # 已销毁
    MISSING = "missing"  # 缺失
    VOID = "void"  # 作废: entered by mistake; kept, hidden by default, never deleted


class FieldType(enum.StrEnum):
    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    MONEY = "money"
    CHOICE = "choice"


SECURITY_LEVELS = ("公开", "内部", "秘密", "机密", "绝密")


class Fonds(Base):
    __tablename__ = "fonds"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64))
    filing_mode: Mapped[str] = mapped_column(String(8), default=FilingMode.VOLUME)
    code_pattern: Mapped[str] = mapped_column(String(120))  # code of a volume or box
    item_pattern: Mapped[str] = mapped_column(String(120), default="")  # 件号 code of an item (按件)
    default_retention: Mapped[str] = mapped_column(String(4), default="D30")
    #: spine thickness of one volume/box in mm, used for shelf capacity by width
    thickness_mm: Mapped[int] = mapped_column(default=40)
    #: custom field holding the event date retention runs from (e.g. closing_date), or ""
    retention_event_field: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)

    fields: Mapped[list[CategoryField]] = relationship(
        back_populates="category", order_by="CategoryField.sort_order", cascade="all, delete-orphan"
    )


class CategoryField(Base):
    """A category's own field (赔案号, 病案号 …), stored in ``volumes.custom`` under ``key``."""

    __tablename__ = "category_fields"
    __table_args__ = (Index("uq_category_fields_key", "category_id", "key", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    key: Mapped[str] = mapped_column(String(32))
    label_zh: Mapped[str] = mapped_column(String(64))
    label_en: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(8), default=FieldType.TEXT)
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(default=False)
    searchable: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    #: personal data and how it is masked for those without the right (services/masking.py PERSONAL_KINDS):
    #: "" not personal, "name", "id", "phone" or "text"
    personal: Mapped[str] = mapped_column(String(8), default="", server_default="")

    category: Mapped[Category] = relationship(back_populates="fields")


class Volume(Stamped, Base):
    """A physical unit on a shelf: a bound 案卷 or a box (盒) of item-filed documents."""

    __tablename__ = "volumes"
    __table_args__ = (
        Index("ix_volumes_fonds_category_year", "fonds_id", "category_id", "year"),
        Index("ix_volumes_status", "status"),
        Index("ix_volumes_year", "year"),
        # shelf order, and covering for per-layer occupancy (count, width by category) without reading rows
        Index("ix_volumes_location", "layer_id", "shelf_position", "status", "category_id", "thickness_mm"),
        Index("ix_volumes_label_printed", "label_printed_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # 档号
    barcode: Mapped[str] = mapped_column(String(64), unique=True)  # payload: 0-9 A-Z - .
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    year: Mapped[int]
    retention: Mapped[str] = mapped_column(String(4))
    security: Mapped[str] = mapped_column(String(4), default="公开")
    security_period: Mapped[int | None] = mapped_column(default=None)  # years, e.g. 机密★10年
    org_code: Mapped[str] = mapped_column(String(16), default="")  # 机构(问题)
    sequence: Mapped[int] = mapped_column(default=0)  # 案卷号 / 件号 (the pattern's running number)
    box_no: Mapped[int | None] = mapped_column(default=None)  # 盒号
    item_start: Mapped[int | None] = mapped_column(default=None)  # 起止件号
    item_end: Mapped[int | None] = mapped_column(default=None)
    title: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")  # 责任者
    start_date: Mapped[date | None] = mapped_column(Date, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    #: None: the dates are to the day; "month": given to the month (2021.03), start_date the month's
    #: first day, end_date its last (importing.normalize.MONTH)
    date_precision: Mapped[str | None] = mapped_column(String(8), default=None)
    pages: Mapped[int] = mapped_column(default=0)
    item_count: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default=VolumeStatus.IN_STOCK)
    custom: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    layer_id: Mapped[int | None] = mapped_column(ForeignKey("layers.id"), default=None)
    shelf_position: Mapped[int | None] = mapped_column(default=None)  # order on the layer
    thickness_mm: Mapped[int | None] = mapped_column(default=None)
    label_printed_at: Mapped[datetime | None] = mapped_column(default=None)

    items: Mapped[list[Item]] = relationship(back_populates="volume", order_by="Item.seq")

    __mapper_args__ = {"version_id_col": Stamped.version}


class Item(Stamped, Base):
    """One document inside a volume (卷内文件), or the filed unit of an item-filed box."""

    __tablename__ = "items"
    __table_args__ = (Index("ix_items_volume_seq", "volume_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"))
    seq: Mapped[int]  # 序号
    code: Mapped[str] = mapped_column(String(64), default="")  # 件号 code for item-filed categories
    doc_no: Mapped[str] = mapped_column(String(64), default="")  # 文号
    responsible: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[date | None] = mapped_column(Date, default=None)
    date_precision: Mapped[str | None] = mapped_column(String(8), default=None)  # None: to the day; "month"
    security: Mapped[str] = mapped_column(String(4), default="公开")
    pages: Mapped[int] = mapped_column(default=0)
    page_start: Mapped[int | None] = mapped_column(default=None)
    page_end: Mapped[int | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(default=False)  # items are withdrawn, never deleted

    volume: Mapped[Volume] = relationship(back_populates="items")

    __mapper_args__ = {"version_id_col": Stamped.version}
