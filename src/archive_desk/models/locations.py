"""Shelving: rooms (库房) → racks (密集架/柜) → layers (层, addressed by side, column, section, layer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Room(Base):
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]  # 1号库房
    code: Mapped[str] = mapped_column(String(16), unique=True)  # K1
    name: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


class Rack(Base):
    __tablename__ = "racks"
    __table_args__ = (Index("uq_racks_room_number", "room_id", "number", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    number: Mapped[int]  # 3号密集架
    kind: Mapped[str] = mapped_column(String(12), default="mobile")  # mobile (密集架) | cabinet (柜)
    sides: Mapped[int] = mapped_column(default=2)  # 1 or 2 (A/B)
    columns: Mapped[int]
    sections: Mapped[int]
    layers: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)

    room: Mapped[Room] = relationship()


class Layer(Base):
    """The shelf a volume sits on."""

    __tablename__ = "layers"
    __table_args__ = (
        Index("uq_layers_position", "rack_id", "side", "column", "section", "layer", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    rack_id: Mapped[int] = mapped_column(ForeignKey("racks.id"))
    side: Mapped[str] = mapped_column(String(1), default="A")
    column: Mapped[int]
    section: Mapped[int]
    layer: Mapped[int]
    code: Mapped[str] = mapped_column(String(32), unique=True)  # K1-03A-02-4-3
    barcode: Mapped[str] = mapped_column(String(40), unique=True)
    capacity_count: Mapped[int | None] = mapped_column(default=None)
    capacity_mm: Mapped[int | None] = mapped_column(default=None)
    reserved_for: Mapped[str] = mapped_column(String(40), default="")  # e.g. an incoming transfer batch
    active: Mapped[bool] = mapped_column(default=True)
    #: what stands on the layer (volumes, and their width in mm), kept in step by triggers (db/layer_usage.py)
    used_count: Mapped[int] = mapped_column(default=0, server_default="0")
    used_mm: Mapped[int] = mapped_column(default=0, server_default="0")

    rack: Mapped[Rack] = relationship()


class LocationMove(Base):
    """One step in a volume's location history."""

    __tablename__ = "location_moves"
    __table_args__ = (Index("ix_location_moves_volume", "volume_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"))
    from_layer_id: Mapped[int | None] = mapped_column(ForeignKey("layers.id"), default=None)
    to_layer_id: Mapped[int | None] = mapped_column(ForeignKey("layers.id"), default=None)
    #: shelf positions before and after, so that a move can be undone to the exact place it came from
    from_position: Mapped[int | None] = mapped_column(default=None)
    to_position: Mapped[int | None] = mapped_column(default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
