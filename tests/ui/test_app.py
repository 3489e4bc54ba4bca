"""The real application object on a temporary catalogue."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject

from archive_desk import app as app_module
from archive_desk.db.engine import Database
from archive_desk.services.demo import build_demo


def test_twenty_thousand_void_calls_survive(qapp) -> None:  # noqa: ANN001
    """PySide6 6.12 drops a reference to None on each void C++ call; Python < 3.12 aborts (none_dealloc)."""
    obj = QObject()
    for i in range(20_000):
        obj.setObjectName(f"n{i % 7}")
    assert obj.objectName() == f"n{19_999 % 7}"


def test_app_starts_on_a_catalogue_and_lists_its_volumes(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "demo.sqlite"
    build_demo(path, 500, seed=3)
    _app, window = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    try:
        assert str(path) in window.windowTitle()
        area = window.areas["catalogue"]
        qtbot.waitUntil(lambda: area.model.rowCount() == 500, timeout=5000)
        conn = sqlite3.connect(path)
        lowest, highest = conn.execute("SELECT min(code), max(code) FROM volumes").fetchone()
        conn.close()
        assert area.model.index(0, 0).data() == lowest  # sorted by 档号
        assert area.model.index(499, 0).data() == highest
        assert "500" in window.status_label.text()
    finally:
        window.ctx.db.dispose()


def test_app_creates_the_embedded_catalogue_on_first_start(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARCHIVE_DESK_DATA_DIR", str(tmp_path / "userdata"))
    _app, window = app_module.start(None, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    try:
        expected = tmp_path / "userdata" / "catalogue.sqlite"
        assert expected.exists()
        assert window.ctx.catalogue_path == expected
        assert isinstance(window.ctx.db, Database)
    finally:
        window.ctx.db.dispose()
