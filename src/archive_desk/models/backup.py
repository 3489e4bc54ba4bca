"""备份登记 (the backup register): one row per backup written, good or failed, kept for ever.

A row is never deleted: a backup taken out of the folder by the rotation keeps its row, with
``removed_at`` set. The same facts are in the manifest beside the backup file (``NAME.manifest.json``),
so a backup can be checked on another machine without the catalogue it came from.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class BackupRecord(Base):
    __tablename__ = "backup_register"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(12), default="manual")  # manual | auto | exit | cli
    file_name: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    chain_head_id: Mapped[int | None] = mapped_column(default=None)
    chain_head_hash: Mapped[str] = mapped_column(String(64), default="")
    verified: Mapped[bool] = mapped_column(default=False)
    problems: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(64), default="")
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
