"""文件 → 备份 / 恢复 / 备份登记 / 备份设置, and the automatic backups, as a clerk meets them."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from archive_desk import app as app_module
from archive_desk.services import audit, backup, digest
from archive_desk.services.demo import build_demo
from archive_desk.settings import Settings
from archive_desk.ui.dialogs import backup as backup_ui
from archive_desk.services.ops import OpChanges
from archive_desk.ui import ops

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS", "")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bk") / "demo.sqlite"
    build_demo(path, 300, seed=5)
    return path


def _start(qtbot, demo_file: Path, tmp_path: Path, **settings: object):
    path = tmp_path / "room" / "catalogue.sqlite"
    path.parent.mkdir(exist_ok=True)
    backup.copy_sqlite_file(demo_file, path)
    settings_path = tmp_path / "settings.json"
    Settings(language="zh_CN", **settings).save(settings_path)  # type: ignore[arg-type]
    _app, win = app_module.start(path, settings_path=settings_path)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def window(qtbot, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ARCHIVE_DESK_USER", "admin")  # backups and restores are the system administrator's (demo accounts)
    win = _start(qtbot, demo_file, tmp_path)
    yield win
    win.ctx.db.dispose()


def _action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_file_backup_now(qtbot, window, tmp_path: Path) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert {"备份(&B)…", "从备份恢复(&R)…", "备份登记(&G)…", "备份设置(&S)…"} <= set(texts)
    _action(window, "backupAction").trigger()
    dialog = window.backups.backup_dialog
    assert isinstance(dialog, backup_ui.BackupDialog) and dialog.isVisible()
    usb = tmp_path / "U盘"
    dialog.folder_edit.setText(str(usb))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    m = dialog.last_manifest
    assert m is not None and m.verified
    assert m.path.parent == usb and m.path.exists()
    assert "已写入并校验" in dialog.message.text() and str(m.path) in dialog.message.text()
    assert dialog.progress.value() == 100
    assert [r.file_name for r in backup.register_rows(window.ctx.db)] == [m.file_name]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / "backup-done.png"))

    _action(window, "backupRegisterAction").trigger()
    register = window.backups.register_dialog
    assert register.table.rowCount() == 1
    headers = [register.table.horizontalHeaderItem(c).text() for c in range(register.table.columnCount())]
    assert register.table.item(0, headers.index("状态")).text() == "已校验"
    assert register.table.item(0, headers.index("SHA-256")).text() == m.sha256
    target = register.export_register(str(tmp_path / "备份登记.xlsx"))
    assert target is not None and target.exists()
    register.print_register()
    preview = register.preview
    assert preview.isVisible() and preview.pdf.startswith(b"%PDF") and preview.document.pageCount() == 1
    preview.close()
    if SHOTS:
        register.grab().save(str(Path(SHOTS) / "backup-register.png"))


def test_a_failed_backup_is_reported_loudly(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Corrupting(backup.SqliteOnlineCopy):
        def copy(self, db, target, progress, should_cancel):
            super().copy(db, target, progress, should_cancel)
            with open(target, "r+b") as fh:
                fh.seek(target.stat().st_size // 2)
                fh.write(b"\0" * 8192)

    good = backup.make_backup(window.ctx.db, tmp_path / "usb")
    monkeypatch.setattr(backup, "_engine_for", lambda db: Corrupting())
    _action(window, "backupAction").trigger()
    dialog = window.backups.backup_dialog
    dialog.folder_edit.setText(str(tmp_path / "usb"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    box = dialog.failed_box
    assert box is not None and box.isVisible() and box.icon() == QMessageBox.Icon.Critical
    assert "校验" in box.windowTitle() and ".failed" in box.text()
    assert "校验失败" in dialog.message.text()
    assert [m.path for m in backup.list_backups(tmp_path / "usb", include_failed=False)] == [good.path]
    box.close()
    # 恢复: the failed one is listed (in red), the newest good one is chosen; the failed one cannot be restored
    _action(window, "restoreAction").trigger()
    restore = window.backups.restore_dialog
    restore.folder_edit.setText(str(tmp_path / "usb"))
    restore.reload()
    assert restore.table.rowCount() == 2 and restore.selected() == good.path
    assert restore.restore_button.isEnabled()
    restore.table.selectRow(0)
    assert restore.selected() == dialog.last_manifest.path
    assert restore.verify_button.isEnabled() and not restore.restore_button.isEnabled() and not restore.drill_button.isEnabled()


def test_restore_drill_then_restore(qtbot, window, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    m = backup.make_backup(window.ctx.db, usb)
    with window.ctx.db.write() as s:  # a change after the backup
        s.connection().exec_driver_sql("INSERT INTO catalogue_settings (key, value) VALUES ('after-the-backup', '1')")
    live = window.ctx.catalogue_path
    before = backup.catalogue_digests(live)

    _action(window, "restoreAction").trigger()
    dialog = window.backups.restore_dialog
    dialog.folder_edit.setText(str(usb))
    dialog.reload()
    assert dialog.table.rowCount() == 1 and dialog.selected() == m.path
    qtbot.mouseClick(dialog.drill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    assert isinstance(dialog.last_result, backup.DrillResult) and dialog.last_result.ok
    assert "演练" in dialog.report.toPlainText()
    assert digest.compare(before, backup.catalogue_digests(live), ignore=digest.TRAIL_TABLES) == []  # not switched

    announced: list[OpChanges] = []
    ops.hub(window.ctx).changed.connect(announced.append)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60000)
    result = dialog.last_result
    assert isinstance(result, backup.RestoreResult), dialog.report.toPlainText()
    # another catalogue altogether: every area is told (hidden ones reload when shown); the watch of the file
    # (services/live.py: PRAGMA data_version) may tell it once more
    assert announced and any(c.touches("catalogue", "lending", "shelves", "transfers") for c in announced)
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert "安全副本" in dialog.report.toPlainText() or str(result.safety_copy) in dialog.report.toPlainText()
    # the window now works on the restored catalogue: the change made after the backup is gone
    with window.ctx.db.read() as s:
        rows = s.connection().exec_driver_sql("SELECT count(*) FROM catalogue_settings WHERE key = 'after-the-backup'").scalar()
        last = s.connection().exec_driver_sql("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    assert rows == 0 and last == "restore"
    with contextlib.closing(sqlite3.connect(result.safety_copy)) as conn:
        assert conn.execute("SELECT count(*) FROM catalogue_settings WHERE key = 'after-the-backup'").fetchone()[0] == 1
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "restore-done.png"))


def test_automatic_backups_on_the_timer_and_at_exit(qtbot, demo_file: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    win = _start(qtbot, demo_file, tmp_path, backup_folder=str(usb), backup_interval_minutes=30, backup_at_exit=True)
    try:
        win.show()
        qtbot.waitExposed(win)
        auto = win.backups
        # no backup yet: the first one is due a minute after start, then every 30 minutes
        assert auto.timer.isActive() and auto.timer.interval() == backup_ui.FIRST_BACKUP_AFTER_MS
        auto.timer.timeout.emit()
        assert auto.timer.interval() == 30 * 60_000
        qtbot.waitUntil(lambda: auto.last_manifest is not None, timeout=60000)
        assert auto.last_manifest.verified and auto.last_manifest.kind == "auto"
        assert "自动备份" in win.status_label.text()
        first = auto.last_manifest
        auto.timer.timeout.emit()  # nothing changed since: nothing written
        qtbot.waitUntil(lambda: auto.skipped, timeout=60000)
        assert auto.last_manifest is first and len(backup.list_backups(usb)) == 1
        with win.ctx.db.write() as s:  # a clerk's change, then the window closes
            audit.record(s, win.ctx.actor, "update", "volume", 1, {"pages": 1}, {"pages": 2})
        win.close()
        # the backup at exit is the day's newest: the rotation (one a day for 7 days …) took the earlier one out
        assert [m.kind for m in backup.list_backups(usb)] == ["exit"]
        rows = backup.register_rows(win.ctx.db)
        assert [(r.kind, r.removed_at is not None) for r in rows] == [("exit", False), ("auto", True)]
    finally:
        win.ctx.db.dispose()


def test_backup_settings_dialog_saves_and_starts_the_timer(qtbot, window, tmp_path: Path) -> None:
    assert not window.backups.timer.isActive()  # no folder chosen: no automatic backups
    _action(window, "backupSettingsAction").trigger()
    dialog = window.backups.settings_dialog
    dialog.folder_edit.setText(str(tmp_path / "nas"))
    dialog.interval_spin.setValue(60)
    dialog.daily_spin.setValue(5)
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "backup-settings.png"))
    dialog.accept()
    saved = Settings.load(window.ctx.settings_path)
    assert saved.backup_folder == str(tmp_path / "nas") and saved.backup_interval_minutes == 60
    assert saved.backup_keep["daily"] == 5
    assert window.backups.timer.isActive() and window.backups.timer.interval() == backup_ui.FIRST_BACKUP_AFTER_MS


def test_the_interval_counts_from_the_last_backup(qtbot, demo_file: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from archive_desk.services.setup import open_catalogue

    path = tmp_path / "room" / "catalogue.sqlite"
    path.parent.mkdir()
    backup.copy_sqlite_file(demo_file, path)
    db = open_catalogue(path)
    try:  # the last backup was written 100 minutes ago
        backup.make_backup(db, tmp_path / "usb", now=datetime.now(UTC) - timedelta(minutes=100))
    finally:
        db.dispose()
    settings_path = tmp_path / "settings.json"
    Settings(language="zh_CN", backup_folder=str(tmp_path / "usb"), backup_interval_minutes=240).save(settings_path)
    _app, win = app_module.start(path, settings_path=settings_path)
    qtbot.addWidget(win)
    try:
        remaining = win.backups.timer.interval()
        assert 139 * 60_000 <= remaining <= 140 * 60_000  # due 240 minutes after the last one, not after this start
    finally:
        win.ctx.db.dispose()
