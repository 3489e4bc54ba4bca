"""文件 → 打开目录库 (issue #17 item 1): a file on this PC or the room's server; the password only in the credential
store (a memory keyring here), never in the settings; the choice remembered; the window reopened on it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication

from archive_desk import app as app_module
from archive_desk import credentials
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings

PG_URL = os.environ.get("ARCHIVE_DESK_TEST_PG_URL", "")


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    first = tmp_path / "first.sqlite"
    open_catalogue(first).dispose()
    Settings(language="zh_CN").save(tmp_path / "settings.json")
    _app, win = app_module.start(first, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    yield win
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow" and w.isVisible():
            w.close()
            w.ctx.db.dispose()


def new_window(old):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w is not old
             and w.isVisible()]
    return found[0] if found else None


def test_a_file_on_this_pc_is_opened_and_remembered(qtbot, window, tmp_path: Path, memory_keyring) -> None:
    second = tmp_path / "second.sqlite"
    open_catalogue(second).dispose()
    window.findChild(type(window.refresh_action), "openCatalogueAction").trigger()
    dialog = window.open_catalogue_dialog
    assert dialog.file_choice.isChecked() and dialog.file_edit.text().endswith("first.sqlite")
    dialog.file_edit.setText(str(second))
    dialog.accept()
    qtbot.waitUntil(lambda: new_window(window) is not None, timeout=10000)
    assert not window.isVisible()
    assert str(new_window(window).ctx.catalogue_path) == str(second)
    assert Settings.load(tmp_path / "settings.json").default_catalogue == str(second)
    assert app_module._workstation_catalogue(Settings.load(tmp_path / "settings.json"), None) == second


def test_the_rooms_server_password_goes_only_to_the_credential_store(qtbot, window, tmp_path: Path,
                                                                      memory_keyring: MemoryKeyring) -> None:
    window.open_catalogue()
    dialog = window.open_catalogue_dialog
    dialog.server_choice.setChecked(True)
    assert not dialog.file_edit.isEnabled() and dialog.host_edit.isEnabled()
    dialog.host_edit.setText("")
    dialog.accept()  # nothing filled in: said, not sent
    assert dialog.isVisible() and "服务器" in dialog.problem.text()
    if PG_URL:
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        from archive_desk.db.engine import make_engine
        from archive_desk.db.target import server_url
        from archive_desk.services import server

        base = make_url(server_url(PG_URL))
        name = "open_" + uuid.uuid4().hex[:12]
        admin = make_engine(base.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        server.init(base.set(database=name).render_as_string(hide_password=False))
        host, port, user = base.host, base.port, base.username
    else:  # no server here: the same steps against a port nobody listens on (the window stays, says why)
        name, host, port, user, admin = "archive", "127.0.0.1", 9, "clerk1", None
    dialog.host_edit.setText(host)
    dialog.port_spin.setValue(port)
    dialog.database_edit.setText(name)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText("s3cret-口令")
    assert dialog.remember_check.isChecked()
    dialog.accept()
    expected = f"postgresql://{user}@{host}:{port}/{name}"
    # the password is in the credential store, under this login and server, and nowhere in the settings
    assert memory_keyring.store == {("ArchiveDesk", f"{user}@{host}:{port}/{name}"): "s3cret-口令"}
    from sqlalchemy.engine import make_url as parse_url

    assert parse_url(credentials.with_password(expected)).password == "s3cret-口令"  # for the engine alone
    try:
        if PG_URL:
            qtbot.waitUntil(lambda: new_window(window) is not None, timeout=20000)
            reopened = new_window(window)
            assert reopened.ctx.db.is_sqlite is False and "s3cret" not in reopened.windowTitle()
            saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
            assert "s3cret" not in saved and Settings.load(tmp_path / "settings.json").default_catalogue == expected
            assert app_module._workstation_catalogue(Settings.load(tmp_path / "settings.json"), None) == expected
            reopened.close()
            reopened.ctx.db.dispose()
        else:
            qtbot.waitUntil(lambda: any(w.objectName() == "openCatalogueError" and w.isVisible()
                                        for w in QApplication.topLevelWidgets()), timeout=20000)
            box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "openCatalogueError")
            assert "无法连接档案室服务器" in box.text() and "s3cret" not in box.text()  # why, and no password
            assert window.isVisible()  # the catalogue it had stays open
            assert Settings.load(tmp_path / "settings.json").default_catalogue == ""
    finally:
        for w in QApplication.topLevelWidgets():
            if w.objectName() == "openCatalogueError":
                w.close()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
