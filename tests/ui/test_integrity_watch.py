"""A big catalogue is opened without its quick_check (the start stays fast); the check runs in the background,
and damage it finds switches saving off, says so in the window and names the newest verified backup."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from archive_desk import app as app_module
from archive_desk.db import migrate
from archive_desk.errors import ReadOnlyCatalogueError
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo
from archive_desk.settings import Settings


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("watch") / "demo.sqlite"
    build_demo(path, 200, seed=3)
    return path


def _damage_an_index_the_start_does_not_read(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_location_moves_volume'").fetchone()[0]
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0a\x00\x00\xff" + os.urandom(page_size - 4))


def _start(qtbot, path: Path, tmp_path: Path):  # noqa: ANN202
    settings_path = tmp_path / "settings.json"
    Settings(language="zh_CN").save(settings_path)
    _app, win = app_module.start(path, settings_path=settings_path)
    qtbot.addWidget(win)
    return win


def test_damage_found_in_the_background_turns_saving_off_and_names_the_backup(qtbot, demo_file, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    path = tmp_path / "room" / "catalogue.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_file, path)
    (path.parent / "backups").mkdir()
    good = path.parent / "backups" / "catalogue-20261201.sqlite"
    shutil.copy(demo_file, good)
    _damage_an_index_the_start_does_not_read(path)
    monkeypatch.setattr(migrate, "QUICK_CHECK_AT_OPEN_MAX_BYTES", 1024)  # as if the file were big: no check at open
    win = _start(qtbot, path, tmp_path)
    try:
        assert win.integrity_check is not None
        qtbot.waitUntil(lambda: getattr(win, "damaged_box", None) is not None, timeout=30_000)
        box = win.damaged_box
        assert str(path) in box.text() and str(good) in box.text() and "损坏" in box.text()
        assert win.ctx.db.read_only
        assert win.statusBar().findChild(QLabel, "readOnlyBadge") is not None
        with pytest.raises(ReadOnlyCatalogueError, match="损坏"), win.ctx.db.write() as s:
            catalogue.create_fonds(s, Actor("clerk", "ws"), "Z110", "第二全宗")
        box.close()
    finally:
        win.ctx.db.dispose()


def test_a_sound_big_catalogue_keeps_saving(qtbot, demo_file, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    shutil.copy(demo_file, path)
    monkeypatch.setattr(migrate, "QUICK_CHECK_AT_OPEN_MAX_BYTES", 1024)
    win = _start(qtbot, path, tmp_path)
    try:
        runner = win.integrity_check
        assert runner is not None
        qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
        assert not win.ctx.db.read_only and getattr(win, "damaged_box", None) is None
    finally:
        win.ctx.db.dispose()
