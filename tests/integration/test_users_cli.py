"""The command line on a catalogue with accounts (issue #16): --user anywhere, refusals by role, users commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_desk import cli
from archive_desk.services import accounts
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

PW = "cli password"


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ARCHIVE_DESK_USER", raising=False)
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", PW)
    path = tmp_path / "c.sqlite"
    db = open_catalogue(path)
    try:
        with db.write() as s:
            accounts.create_first_admin(s, Actor("clerk", "ws"), "boss", PW)
        admin = accounts.login(db, "boss", PW, "ws")
        with db.write() as s:
            for name, role in (("sec", "secadmin"), ("aud", "auditor"), ("zhao", "desk")):
                accounts.add_account(s, admin, name, PW, role, must_change=False)
    finally:
        db.dispose()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_user_on_a_catalogue_with_accounts_is_refused(catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "search", "--db", str(catalogue), "张")
    assert code == 4 and "--user" in err  # 4: not authorised (the README's exit codes)


def test_user_before_or_after_the_command(catalogue: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--user", "aud", "check", "--db", str(catalogue))[0] == 0
    assert _run(capsys, "check", "--db", str(catalogue), "--user=aud")[0] == 0


def test_check_backup_and_users_each_only_for_their_roles(catalogue: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(catalogue)
    code, _out, err = _run(capsys, "check", "--db", db, "--user", "zhao")
    assert code == 4 and accounts.permissions.role_name("desk") in err
    assert _run(capsys, "backup", "--db", db, "--to", str(tmp_path / "b"), "--user", "aud")[0] == 4
    assert _run(capsys, "backup", "--db", db, "--to", str(tmp_path / "b"), "--user", "boss")[0] == 0
    monkeypatch.setenv("ARCHIVE_DESK_NEW_PASSWORD", "new account pw")
    assert _run(capsys, "users", "add", "li", "--role", "archivist", "--db", db, "--user", "zhao")[0] == 4
    assert _run(capsys, "users", "add", "li", "--role", "archivist", "--db", db, "--user", "boss")[0] == 0
    # roles and clearances are the security administrator's, not the system administrator's (三员分立)
    assert _run(capsys, "users", "set-role", "li", "desk", "--db", db, "--user", "boss")[0] == 4
    assert _run(capsys, "users", "set-clearance", "li", "秘密", "--db", db, "--user", "sec")[0] == 0
    code, out, _err = _run(capsys, "users", "list", "--json", "--db", db, "--user", "sec")
    assert code == 0 and '"clearance": "秘密"' in out
    # every refusal is in the trail, under the account's name
    check = open_catalogue(catalogue)
    try:
        with check.read() as s:
            from sqlalchemy import select

            from archive_desk.models import AuditEntry

            refused = s.execute(select(AuditEntry.user, AuditEntry.after)
                                .where(AuditEntry.action == "permission.refused")).all()
    finally:
        check.dispose()
    assert {user for user, _after in refused} == {"zhao", "aud", "boss"}
    assert len(refused) == 4


def test_a_wrong_password_is_refused_and_counted(catalogue: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", "nope")
    code, _out, err = _run(capsys, "search", "--db", str(catalogue), "--user", "zhao", "张")
    assert code == 4 and err.strip() == accounts.t("Wrong user name or password.")


def test_demo_needs_no_login_and_names_its_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "demo.sqlite"
    code, out, _err = _run(capsys, "demo", "--out", str(out_file), "--volumes", "30")
    assert code == 0 and "demo" in out and "archivist" in out
    db = open_catalogue(out_file)
    try:
        assert accounts.login(db, "reader", "demo", "ws").clearance == "公开"
        assert accounts.login(db, "desk", "demo", "ws").clearance == "内部"
        assert accounts.login(db, "archivist", "demo", "ws").clearance == "秘密"
        assert accounts.login(db, "secadmin", "demo", "ws").role == "secadmin"
    finally:
        db.dispose()
