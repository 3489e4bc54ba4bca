"""The audit trail: one row per change, each chained to the previous one by a SHA-256 hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(default=None)
    before: Mapped[str] = mapped_column(Text, default="")  # canonical JSON
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    #: HMAC of ``hash`` with the room key the file does not hold (db/sealing.py); NULL before sealing began
    mac: Mapped[str | None] = mapped_column(String(64), default=None)


class RowSeal(Base):
    """One seal per row of the sealed tables: ``HMAC(room key, table, id, row)`` as a 63-bit integer."""

    __tablename__ = "row_seal"
    __table_args__ = {"sqlite_with_rowid": False}
    tbl: Mapped[str] = mapped_column(String(32), primary_key=True)
    row_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    mac: Mapped[int] = mapped_column(BigInteger)


class SealState(Base):
    """One row: the trail's head the seals were last moved to, per-table counts and sums of the row seals,
    and a MAC over all of it."""

    __tablename__ = "seal_state"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    key_id: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    sealed_from: Mapped[int] = mapped_column(Integer)  # audit entries up to this id came before sealing
    sealed_at: Mapped[str] = mapped_column(String(40))
    head_id: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    tables: Mapped[str] = mapped_column(Text)  # JSON {table: [count, sum low, sum high]}
    mac: Mapped[str] = mapped_column(String(64))


class PersonalDataAccess(Base):
    """One view, print or export of a volume's personal data by someone who saw it unmasked (services/masking.py).

    Not part of the hash-chained trail: a row per record shown must cost next to nothing, and an export of a
    thousand volumes writes a thousand rows in one insert."""

    __tablename__ = "personal_data_access"
    __table_args__ = (Index("ix_personal_data_access_at", "at"), Index("ix_personal_data_access_volume", "volume_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(64))
    #: "view", "print", "export", "cli"
    action: Mapped[str] = mapped_column(String(16))
    volume_id: Mapped[int | None] = mapped_column(default=None)
    #: what identifies the record when it is not a volume (a borrower: "borrower:12")
    subject: Mapped[str] = mapped_column(String(64), default="")
    #: the field keys shown unmasked, comma-separated
    fields: Mapped[str] = mapped_column(Text, default="")
