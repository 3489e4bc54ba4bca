"""Room-wide settings kept in the catalogue (loan period, approval rules, location code pattern …)
and the users of the app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Stamped


class CatalogueSetting(Base):
    __tablename__ = "catalogue_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class User(Stamped, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64), default="")
    #: one role per account (services/permissions.py ROLES): admin | secadmin | auditor | archivist | desk | reader
    role: Mapped[str] = mapped_column(String(12), default="reader")
    password_hash: Mapped[str] = mapped_column(String(200), default="")  # argon2id (services/accounts.py)
    active: Mapped[bool] = mapped_column(default=True)
    #: wrong passwords in a row; the fifth locks the account until ``locked_until``
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    #: set by an administrator's reset: the next login must choose a new password
    must_change: Mapped[bool] = mapped_column(default=False)
    #: the highest 密级 the account may read (models.SECURITY_LEVELS)
    clearance: Mapped[str] = mapped_column(String(8), default="公开")
    #: rights beyond the role: "approve", "personal_data"
    rights: Mapped[list[str]] = mapped_column(JSON, default=list)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
