"""Accounts (issue #16): argon2id passwords, lockout, forced change, the role × operation matrix in the write path,
the refusals in the trail, and a catalogue without accounts that keeps working without login."""

from __future__ import annotations

import importlib
import json
import pkgutil
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

import archive_desk.services as services_package
from archive_desk.db.engine import Database
from archive_desk.models import AuditEntry, User, Volume
from archive_desk.services import accounts, audit, catalogue, ops, permissions
from archive_desk.services.audit import Actor

PASSWORD = "correct horse"


def _trail(db: Database) -> list[audit.AuditRow]:
    with db.read() as s:
        return [audit.AuditRow(r.id, r.at, r.user, r.workstation, r.action, r.entity, r.entity_id, r.before, r.after)
                for r in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


@pytest.fixture
def with_admin(db: Database, actor: Actor) -> Actor:
    with db.write() as s:
        accounts.create_first_admin(s, actor, "boss", PASSWORD)
    return accounts.login(db, "boss", PASSWORD, "ws-1")


def _add(db: Database, admin: Actor, username: str, role: str, **kw: object) -> Actor:
    with db.write() as s:
        accounts.add_account(s, admin, username, PASSWORD, role, must_change=False, **kw)  # type: ignore[arg-type]
    return accounts.login(db, username, PASSWORD, "ws-1")


def test_a_catalogue_without_accounts_needs_no_login_and_marks_its_trail_unauthenticated(
        db: Database, make_volume) -> None:  # noqa: ANN001
    with db.read() as s:
        assert not accounts.has_accounts(s)
    make_volume()  # the conftest actor: role None, not authenticated — everything allowed
    last = _trail(db)[-1]
    assert last.user == "clerk1" + audit.UNAUTHENTICATED


def test_the_first_administrator_switches_login_on_and_logs_in_with_argon2id(db: Database, actor: Actor) -> None:
    with db.write() as s:
        accounts.create_first_admin(s, actor, "boss", PASSWORD)
        stored = s.scalar(select(User.password_hash))
        assert accounts.has_accounts(s)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    who = accounts.login(db, "boss", PASSWORD, "ws-1")
    assert (who.user, who.role, who.authenticated, who.clearance) == ("boss", "admin", True, "公开")
    assert [e.action for e in _trail(db)][-2:] == ["account.create", "login"]
    assert _trail(db)[-1].user == "boss"
    with db.write() as s, pytest.raises(accounts.UserError):
        accounts.create_first_admin(s, actor, "other", PASSWORD)


def test_five_wrong_passwords_lock_the_account_for_15_minutes(db: Database, with_admin: Actor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [datetime(2027, 3, 1, 9, 0)]
    monkeypatch.setattr(accounts, "now", lambda: clock[0])
    for _ in range(4):
        with pytest.raises(accounts.LoginError) as wrong:
            accounts.login(db, "boss", "wrong password", "ws-1")
        assert not isinstance(wrong.value, accounts.AccountLockedError)
    with pytest.raises(accounts.AccountLockedError) as locked:
        accounts.login(db, "boss", "wrong password", "ws-1")
    assert "15" in locked.value.message
    # the right password does not open a locked account
    clock[0] += timedelta(minutes=14)
    with pytest.raises(accounts.AccountLockedError):
        accounts.login(db, "boss", PASSWORD, "ws-1")
    clock[0] += timedelta(minutes=1, seconds=1)
    assert accounts.login(db, "boss", PASSWORD, "ws-1").authenticated
    actions = [e.action for e in _trail(db)]
    assert actions.count("login.failed") == 4 and actions.count("login.locked") == 1
    assert "login.refused" in actions and actions[-1] == "login"


def test_an_administrators_reset_forces_a_change_at_the_next_login(db: Database, with_admin: Actor) -> None:
    _add(db, with_admin, "li", permissions.ARCHIVIST)
    with db.write() as s:
        accounts.reset_password(s, with_admin, "li", "temporary1")
    with pytest.raises(accounts.PasswordChangeRequired):
        accounts.login(db, "li", "temporary1", "ws-1")
    with pytest.raises(accounts.LoginError):  # the old password is gone
        accounts.login(db, "li", PASSWORD, "ws-1")
    accounts.change_password(db, "li", "temporary1", "my own secret", "ws-1")
    assert accounts.login(db, "li", "my own secret", "ws-1").role == "archivist"


def test_the_trail_user_is_the_account_even_with_USER_set(db: Database, with_admin: Actor, make_volume,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "director")
    monkeypatch.setenv("LOGNAME", "director")
    archivist = _add(db, with_admin, "wang", permissions.ARCHIVIST)
    volume = make_volume()
    with db.write() as s:
        catalogue.void_volume(s, archivist, volume.id, volume.version, "重复著录")
    assert _trail(db)[-1].user == "wang"
    assert "director" not in Actor.current().user


def test_a_desk_user_may_not_void_a_volume_and_the_refusal_is_in_the_trail(db: Database, with_admin: Actor,
                                                                          make_volume) -> None:  # noqa: ANN001
    desk = _add(db, with_admin, "zhao", permissions.DESK)
    volume = make_volume()
    with pytest.raises(permissions.PermissionDeniedError) as refused, db.write() as s:
        catalogue.void_volume(s, desk, volume.id, volume.version, "不要了")
    assert "借阅登记员" in refused.value.message
    with db.read() as s:
        assert s.get(Volume, volume.id).status != "void"
    last = _trail(db)[-1]  # written in a transaction of its own: the rollback of the refused write kept it
    assert (last.user, last.action) == ("zhao", "permission.refused")
    assert "catalogue.void_volume" in last.after
    with db.read() as s:
        assert audit.verify_chain(s) == []


def test_three_administrators_stay_separate(db: Database, with_admin: Actor) -> None:
    secadmin = _add(db, with_admin, "sec", permissions.SECADMIN)
    # the system administrator manages accounts but gives no roles or clearances
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
        accounts.set_role(s, with_admin, "sec", permissions.ARCHIVIST)
    with db.write() as s:
        accounts.set_clearance(s, secadmin, "boss", "秘密")
    with pytest.raises(accounts.UserError), db.write() as s:  # approving is archival work
        accounts.set_rights(s, secadmin, "sec", {permissions.APPROVE})
    reader = _add(db, with_admin, "kezhang", permissions.READER)
    with db.write() as s:
        accounts.set_rights(s, secadmin, "kezhang", {permissions.APPROVE})
    assert permissions.has_right(accounts.login(db, "kezhang", PASSWORD, "ws-1"), permissions.APPROVE)
    assert not permissions.has_right(reader, permissions.APPROVE)


# ------------------------------------------------------------------------------------------------ the matrix

#: what each role may do, written out by hand from the issue: the matrix in services/permissions.py must agree
EXPECTED_AREAS = {
    "admin": {ops.ACCOUNTS, ops.BACKUPS},
    "secadmin": set(),
    "auditor": set(),
    "archivist": {ops.CATALOGUE, ops.SHELVES, ops.LABELS, ops.LENDING, ops.TRANSFERS, ops.STOCKTAKE},
    "desk": {ops.LENDING},
    "reader": set(),
}
EXPECTED_SINGLE = {
    "admin": {"settings.update", "labels.set_room_scanners"},
    "secadmin": {"accounts.set_role", "accounts.set_clearance", "accounts.set_rights", "catalogue.set_security",
                 "masking.set_field_personal"},
    "auditor": set(),
    "archivist": {"settings.update", "labels.set_room_scanners", "backup.make_backup", "backup.rotate"},
    "desk": set(),
    "reader": set(),
}
EXPECTED_NOT = {"admin": {"accounts.set_role", "accounts.set_clearance", "accounts.set_rights"},
                # a volume's 密级 and 保密期限 are the security administrator's, though in the catalogue area
                "archivist": {"catalogue.set_security"}}


def _all_operations() -> list[ops.Operation]:
    for module in pkgutil.walk_packages(services_package.__path__, "archive_desk.services."):
        importlib.import_module(module.name)
    return ops.operations()


def test_every_registered_operation_times_every_role_is_decided_by_the_matrix() -> None:
    operations = _all_operations()
    assert len(operations) > 60
    covered = 0
    for op in operations:
        for role in permissions.ROLES:
            if op.name in permissions.SYSTEM_OPERATIONS:
                expected = True
            elif op.name in EXPECTED_NOT.get(role, set()):
                expected = False
            else:
                expected = op.area in EXPECTED_AREAS[role] or op.name in EXPECTED_SINGLE[role]
            assert permissions.allowed(role, op.name) is expected, (op.name, role)
            covered += 1
        # an operation the matrix does not place (a new area) is refused to everyone but the system: a new
        # operation's author must add it to the matrix, and this test names it
        assert op.name in permissions.SYSTEM_OPERATIONS or any(
            permissions.allowed(role, op.name) for role in permissions.ROLES), op.name
    assert covered == len(operations) * len(permissions.ROLES)
    # nothing is allowed to an unknown role, everything to a catalogue without accounts
    assert not any(permissions.allowed("clerk", op.name) for op in operations
                   if op.name not in permissions.SYSTEM_OPERATIONS)
    assert all(permissions.allowed(None, op.name) for op in operations)


def test_the_write_path_checks_an_unplaced_operation_and_refuses_it(db: Database, with_admin: Actor) -> None:
    @ops.operation("test.unplaced", area="nowhere")
    def unplaced(session, actor) -> None:  # noqa: ANN001
        raise AssertionError("must not run")

    try:
        with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
            unplaced(s, with_admin)
    finally:
        ops.OPERATIONS.pop("test.unplaced")
    assert _trail(db)[-1].action == "permission.refused"


def test_the_rooms_particulars_are_the_administrators_and_its_archival_settings_the_archivists(
        db: Database, with_admin: Actor) -> None:
    from archive_desk.services import room_settings  # noqa: PLC0415

    archivist = _add(db, with_admin, "keeper", "archivist")
    with db.write() as s:
        room_settings.update(s, with_admin, room_name="一号库房")
        room_settings.update(s, archivist, loan_period_days=21)
    for who, change in ((with_admin, {"loan_period_days": 30}), (archivist, {"room_name": "二号库房"}),
                        (with_admin, {"room_name": "三号", "loan_period_days": 30})):
        with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
            room_settings.update(s, who, **change)
    with db.read() as s:
        now_in_force = room_settings.read(s)
    assert (now_in_force.room_name, now_in_force.loan_period_days) == ("一号库房", 21)
    assert [json.loads(e.after)["operation"] if isinstance(e.after, str) else e.after["operation"] for e in _trail(db) if e.action == "permission.refused"] == [
        permissions.SETTINGS_ARCHIVAL, permissions.SETTINGS_PARTICULARS, permissions.SETTINGS_ARCHIVAL]


def test_a_volumes_security_level_is_the_security_administrators(db: Database, with_admin: Actor,
                                                                  make_volume) -> None:  # noqa: ANN001
    archivist = _add(db, with_admin, "keeper", "archivist", clearance="秘密")  # (reads the volume: may edit its text)
    secadmin = _add(db, with_admin, "guard", "secadmin")
    volume = make_volume(security="内部")
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
        catalogue.update_volume(s, archivist, volume.id, volume.version, {"security": "公开"})
    with db.write() as s:  # the archivist still edits the rest of the volume
        edited = catalogue.update_volume(s, archivist, volume.id, volume.version, {"notes": "补充说明"})
        raised = catalogue.set_security(s, secadmin, volume.id, edited.version, "秘密", edited.security_period)
    assert raised.security == "秘密"
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
        catalogue.set_security(s, archivist, volume.id, raised.version, "公开", raised.security_period)
