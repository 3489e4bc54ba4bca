"""文件 → 室密钥…: a PC without the room key of a sealed catalogue is told why it cannot save, takes the key
from the recovery sheet, and saves again; the sheet itself is printed from a PC that holds the key."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from archive_desk import app as app_module
from archive_desk.db import sealing
from archive_desk.errors import StorageError
from archive_desk.services import catalogue, integrity
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.dialogs import room_key

ACTOR = Actor("clerk", "ws")


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, str]:
    """A catalogue made (and so sealed) on this PC, and its room key as the recovery sheet prints it."""
    path = tmp_path / "room" / "catalogue.sqlite"
    db = open_catalogue(path)
    try:
        with db.write() as s:
            catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司")
    finally:
        db.dispose()
    status = integrity.room_key_status(path)
    assert status.held and status.catalogue_id
    key = sealing.load_key(status.catalogue_id)
    assert key is not None
    return path, sealing.format_key(key)


def _start(qtbot, path: Path, tmp_path: Path):  # noqa: ANN202
    settings_path = tmp_path / "settings.json"
    Settings(language="zh_CN").save(settings_path)
    _app, win = app_module.start(path, settings_path=settings_path)
    qtbot.addWidget(win)
    return win


def test_a_pc_without_the_key_is_told_takes_it_from_the_sheet_and_saves_again(qtbot, sealed, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    path, key_text = sealed
    monkeypatch.setenv("ARCHIVE_DESK_CONFIG_DIR", str(tmp_path / "new-pc"))  # the catalogue moved to a new PC
    monkeypatch.setattr(sealing, "_KEYS", {})  # …whose process has never read the key either
    shown: list[str] = []
    monkeypatch.setattr(room_key, "show_error", lambda _parent, exc: shown.append(str(exc)))
    win = _start(qtbot, path, tmp_path)
    try:
        dialog = win.room_key_dialog
        assert dialog is not None and dialog.isVisible()  # it came up by itself
        assert "本机没有该密钥" in dialog.status_label.text()
        with pytest.raises(StorageError, match="室密钥"), win.ctx.db.write() as s:
            catalogue.create_fonds(s, ACTOR, "Z110", "第二全宗")

        dialog.key_edit.setText("0000 " * 16)  # another catalogue's key: refused, nothing stored
        dialog.findChild(QPushButton, "storeRoomKey").click()
        assert shown and "不是本目录库的室密钥" in shown[-1]
        assert integrity.room_key_status(path).missing

        dialog.key_edit.setText(key_text.lower())  # typed from the sheet, in lower case
        dialog.findChild(QPushButton, "storeRoomKey").click()
        assert "本机持有" in dialog.status_label.text()
        with win.ctx.db.write() as s:
            catalogue.create_fonds(s, ACTOR, "Z110", "第二全宗")
    finally:
        win.ctx.db.dispose()


def test_the_recovery_sheet_prints_the_key_from_a_pc_that_holds_it(qtbot, sealed, tmp_path) -> None:  # noqa: ANN001
    path, key_text = sealed
    win = _start(qtbot, path, tmp_path)
    try:
        assert win.room_key_dialog is None  # this PC holds the key: nothing comes up
        dialog = room_key.RoomKeyDialog(win.ctx, win)
        qtbot.addWidget(dialog)
        assert "本机持有" in dialog.status_label.text() and not dialog.key_edit.isEnabled()
        out = tmp_path / "室密钥恢复单.pdf"
        dialog.write_sheet(out)
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert key_text[:39] in text, text  # the first line of the key, as the sheet prints it
    finally:
        win.ctx.db.dispose()
