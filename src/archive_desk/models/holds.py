"""Legal holds (封存, litigation, audit, an unsettled matter): a held volume is never due, lent or destroyed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class LegalHold(Base):
    """A hold on one volume, or on every volume of one 病案号 (``record_no``), until it is released."""

    __tablename__ = "legal_holds"
    __table_args__ = (Index("ix_legal_holds_volume", "volume_id"), Index("ix_legal_holds_record_no", "record_no"))
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # seal (封存) | litigation | audit | matter
    reason: Mapped[str] = mapped_column(Text, default="")
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), default=None)
    record_no: Mapped[str] = mapped_column(String(64), default="")
    #: the other side of a 封存 (the patient or the patient's representative), who signs the sealing list
    counterpart: Mapped[str] = mapped_column(String(120), default="")
    #: when a 封存 may be released (3 years on, 医疗纠纷预防和处理条例 §24), None for other kinds
    release_on: Mapped[date | None] = mapped_column(Date, default=None)
    placed_by: Mapped[str] = mapped_column(String(64), default="")
    placed_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_by: Mapped[str] = mapped_column(String(64), default="")
    released_at: Mapped[datetime | None] = mapped_column(default=None)
