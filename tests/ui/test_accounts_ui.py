"""The window with accounts (issue #16): login at start, the idle lock, what a role cannot do is disabled with
the reason, and the offer to create the first administrator on a catalogue without accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from archive_desk.app import start
from archive_desk.services import accounts, permissions
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

PASSWORD = "window pw 1"


@pytest.fixture
def with_accounts(tmp_path: Path) -> Path:
    path = tmp_path / "accounts.sqlite"
    db = open_catalogue(path)
    try:
        with db.write() as s:
            accounts.create_first_admin(s, Actor("clerk", "ws"), "boss", PASSWORD)
        admin = accounts.login(db, "boss", PASSWORD, "ws")
        with db.write() as s:
            accounts.add_account(s, admin, "zhao", PASSWORD, "desk", must_change=False)
    finally:
        db.dispose()
    return path


def _start(qtbot, path: Path, monkeypatch: pytest.MonkeyPatch, user: str):  # noqa: ANN001, ANN202
    monkeypatch.setenv("ARCHIVE_DESK_USER", user)
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", PASSWORD)
    _app, window = start(path)
    qtbot.addWidget(window)
    return window


def test_a_desk_user_sees_void_disabled_with_the_reason(qtbot, with_accounts: Path,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = _start(qtbot, with_accounts, monkeypatch, "zhao")
    assert window.ctx.actor.user == "zhao" and window.ctx.actor.role == "desk"
    area = window.areas["catalogue"]
    void = area.void_action
    assert not void.isEnabled()
    assert permissions.role_name("desk") in void.toolTip()  # 借阅登记员 / Lending clerk: the window's language
    void.setEnabled(True)  # a selection change enables it: it stays off
    assert not void.isEnabled()
    actions = {a.objectName(): a for a in window.menuBar().actions()[0].menu().actions()}
    assert not actions["backupAction"].isEnabled() and not actions["restoreAction"].isEnabled()
    assert "changePasswordAction" in actions


def test_the_window_locks_when_idle_and_the_password_unlocks_it(qtbot, with_accounts: Path,  # noqa: ANN001
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = _start(qtbot, with_accounts, monkeypatch, "boss")
    lock = window.idle_lock
    assert lock is not None and lock.timer.interval() == 10 * 60_000  # the room's default
    lock.timer.setInterval(200)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    dialog = lock.dialog
    dialog.password.setText("wrong one")
    dialog.try_accept()
    assert lock.locked and dialog.message.text() == accounts.t("Wrong user name or password.")
    dialog.password.setText(PASSWORD)
    dialog.try_accept()
    assert not lock.locked and window.centralWidget().isVisible()


def test_a_catalogue_without_accounts_offers_the_administrator(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    _app, window = start(tmp_path / "new.sqlite")
    qtbot.addWidget(window)
    assert window.ctx.actor.role is None and window.idle_lock is None
    button = window.create_admin_button
    assert button.isVisible()
    button.click()
    dialog = window.first_admin_dialog
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted and not button.isVisible()
    with window.ctx.db.read() as s:
        assert accounts.has_accounts(s)
    QApplication.processEvents()
