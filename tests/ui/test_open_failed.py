"""The GUI on a file that is not a catalogue, a damaged one, or one on read-only media: a dialog naming the
file instead of a silent exit, a way on to another catalogue or the backup, and a visible read-only state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from archive_desk import app as app_module
from archive_desk.errors import CatalogueFileError, ReadOnlyCatalogueError
from archive_desk.services import catalogue
from archive_desk.services.demo import build_demo
from archive_desk.ui.dialogs.open_failed import OpenFailedDialog


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, 120, seed=2)
    return path


def chinese(folder: Path) -> Path:
    path = folder / "settings.json"
    path.write_text('{"language": "zh_CN"}', encoding="utf-8")
    return path


def answer(monkeypatch: pytest.MonkeyPatch, choose: str, other: Path | None = None) -> list[OpenFailedDialog]:
    """Replace the dialog's exec with a person's click; returns the dialogs shown."""
    shown: list[OpenFailedDialog] = []

    def exec_(self: OpenFailedDialog) -> int:
        shown.append(self)
        self.ask_for_file = lambda: str(other) if other else ""  # type: ignore[method-assign]
        button = {"other": self.open_other, "backup": self.open_backup, "quit": self.quit_button}[choose]
        assert button is not None
        button.click()
        return self.result()

    monkeypatch.setattr(OpenFailedDialog, "exec", exec_)
    return shown


def test_a_text_file_shows_the_dialog_naming_it_and_quit_ends_with_the_error(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    notes = tmp_path / "notes.sqlite"
    notes.write_text("这是一个文本文件\n", encoding="utf-8")
    shown = answer(monkeypatch, "quit")
    with pytest.raises(CatalogueFileError):
        app_module.start(notes, settings_path=chinese(tmp_path))
    assert len(shown) == 1
    text = shown[0].message.text()
    assert str(notes) in text and "不是档案室桌面管理的目录库" in text
    assert shown[0].open_backup is None
    assert notes.read_text(encoding="utf-8") == "这是一个文本文件\n"


def test_open_another_catalogue_from_the_dialog(qtbot, tmp_path: Path, demo: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    shown = answer(monkeypatch, "other", demo)
    _app, window = app_module.start(empty, settings_path=chinese(tmp_path))
    qtbot.addWidget(window)
    try:
        assert len(shown) == 1 and "0 字节" in shown[0].message.text()
        assert window.ctx.catalogue_path == demo
        assert not window.ctx.db.read_only
        assert window.findChild(QLabel, "readOnlyBadge") is None
        assert empty.stat().st_size == 0
    finally:
        window.ctx.db.dispose()


def test_a_damaged_catalogue_offers_the_newest_verified_backup_read_only(
        qtbot, tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    room = tmp_path / "room.sqlite"
    room.write_bytes(demo.read_bytes()[: 20 * 4096 + 100])  # cut short by a failing copy
    (tmp_path / "backups").mkdir()
    backup = tmp_path / "backups" / "room-20261206.sqlite"
    shutil.copy(demo, backup)
    before = backup.read_bytes()
    shown = answer(monkeypatch, "backup")
    _app, window = app_module.start(room, settings_path=chinese(tmp_path))
    qtbot.addWidget(window)
    try:
        assert str(backup) in shown[0].message.text() and "已损坏" in shown[0].message.text()
        assert window.ctx.catalogue_path == backup and window.ctx.db.read_only
        badge = window.findChild(QLabel, "readOnlyBadge")
        assert badge is not None and badge.isVisible() and "只读" in badge.text()
        assert "只读" in window.windowTitle()
        area = window.areas["catalogue"]
        qtbot.waitUntil(lambda: area.model.rowCount() == 120, timeout=5000)  # looking things up works
        with pytest.raises(ReadOnlyCatalogueError, match="保存已关闭"):
            with window.ctx.db.write() as s:
                catalogue.create_fonds(s, window.ctx.actor, "X001", "某单位")
        window.grab().save(str(tmp_path / "read-only.png"))
    finally:
        window.ctx.db.dispose()
    assert backup.read_bytes() == before


def test_the_dialog_grabbed(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    error = CatalogueFileError("/data/room.sqlite 不是档案室桌面管理的目录库：文件是空的（0 字节）。未向其写入任何内容。",
                               path="/data/room.sqlite", reason="文件是空的（0 字节）", backup="/data/backups/room-1.sqlite")
    dialog = OpenFailedDialog(error)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.open_backup is not None and dialog.open_backup.isVisible()
    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_bug_while_starting_shows_the_crash_box_instead_of_a_silent_exit(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("something nobody expected")

    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.detailedText())
        return 0

    monkeypatch.setattr(app_module, "build_context", broken)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setenv("ARCHIVE_DESK_CONFIG_DIR", str(tmp_path))
    assert app_module.run_gui(tmp_path / "any.sqlite") == 1
    assert len(shown) == 1 and "something nobody expected" in shown[0]
