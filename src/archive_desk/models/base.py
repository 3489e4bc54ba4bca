"""Declarative base and shared column types."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import JSON, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from archive_desk import clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now in UTC; on PostgreSQL the server's clock inside a write (archive_desk/clock.py)."""
    return clock.utcnow()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON}


def table_of(model: type[Base]) -> Table:
    """A mapped class's table, typed as the Table it is (SQLAlchemy types ``Model.__table__`` as the wider
    FromClause, which has no ``name``/``indexes`` and which insert()/update() do not accept)."""
    return cast(Table, model.__table__)


class Stamped:
    """Who made and last changed a record, when, and a version counter for optimistic locking."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(default=1)
