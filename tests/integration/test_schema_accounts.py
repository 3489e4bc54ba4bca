"""Migration 0008_accounts: a released catalogue (round one's, schema 0003) upgrades with its users table ready
for accounts, keeps working without login, and takes its first administrator; the same on PostgreSQL (the
``db`` fixture runs on the server with ARCHIVE_DESK_TEST_ENGINE=postgresql)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from archive_desk.db.engine import Database
from archive_desk.services import accounts, audit
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

ROUND1 = Path(__file__).parents[1] / "data" / "catalogues" / "round1_0003.sqlite"
NEW_COLUMNS = {"failed_logins", "locked_until", "must_change", "clearance", "rights", "last_login_at"}


@pytest.mark.sqlite_only(reason="upgrades a released SQLite catalogue")
def test_a_released_catalogue_upgrades_to_accounts_and_works_without_login_until_its_administrator(
        tmp_path: Path) -> None:
    path = tmp_path / ROUND1.name
    shutil.copyfile(ROUND1, path)
    db = open_catalogue(path)
    try:
        with closing(sqlite3.connect(path)) as conn:
            columns = {row[1] for row in conn.execute('PRAGMA table_info("users")')}
        assert NEW_COLUMNS <= columns
        with db.read() as s:
            assert not accounts.has_accounts(s)  # every existing catalogue: no login yet
        with db.write() as s:
            accounts.create_first_admin(s, Actor("档案室", "ws"), "admin", "first admin pw")
        who = accounts.login(db, "admin", "first admin pw", "ws")
        assert who.authenticated and who.role == "admin" and who.clearance == "公开"
        with db.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        db.dispose()


def test_the_accounts_columns_hold_their_values_on_either_engine(db: Database, actor: Actor,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    monkeypatch.setattr(accounts, "now", lambda: datetime(2027, 1, 1, 8, 0))
    with db.write() as s:
        accounts.create_first_admin(s, actor, "admin", "first admin pw")
    admin = accounts.login(db, "admin", "first admin pw", "ws")
    with db.write() as s:
        accounts.add_account(s, admin, "li", "li password", "archivist", clearance="秘密", rights={"personal_data"})
    with db.read() as s:
        li = {a.username: a for a in accounts.list_accounts(s)}["li"]
        boss = {a.username: a for a in accounts.list_accounts(s)}["admin"]
    assert (li.role, li.clearance, li.rights, li.must_change, li.locked_until) == (
        "archivist", "秘密", frozenset({"personal_data"}), True, None)
    # the last login is the trail's (a login writes nothing to the account row itself)
    with db.read() as s:
        logged = s.execute(text("SELECT max(at) FROM audit_log WHERE action = 'login'")).scalar_one()
    assert boss.last_login_at is not None and boss.last_login_at == (
        logged if isinstance(logged, datetime) else datetime.fromisoformat(str(logged)))
