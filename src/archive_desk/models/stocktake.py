"""Stocktake sessions (盘点) and their scans; a session survives a killed app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Stocktake(Base):
    __tablename__ = "stocktakes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"rooms": [...], "racks": [...], "layers": [...]}
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | finished
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by: Mapped[str] = mapped_column(String(64), default="")
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")


class StocktakeScan(Base):
    """One scan, written the moment it is made (a killed app resumes from the last row).

    ``kind`` says what the scan was: ``layer`` (a shelf label: ``layer_id`` becomes the current layer),
    ``volume`` (a known volume found on ``layer_id``) or ``unknown`` (a code the catalogue does not hold,
    found on ``layer_id``). Stored rather than re-derived, so that replaying a session never depends on
    codes or labels that may have changed since.
    """

    __tablename__ = "stocktake_scans"
    __table_args__ = (Index("ix_stocktake_scans_session", "stocktake_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    kind: Mapped[str] = mapped_column(String(8), default="volume")  # layer | volume | unknown
    layer_id: Mapped[int | None] = mapped_column(ForeignKey("layers.id"), default=None)
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), default=None)
    raw_code: Mapped[str] = mapped_column(String(80))
    scanned_at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(64), default="")
