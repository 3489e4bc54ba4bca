"""The reports area: the yearly inventory export with progress, cancel and a locked target, in the real window."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from archive_desk import app as app_module
from archive_desk.exporting import filesafe
from archive_desk.exporting import inventory as writer
from archive_desk.services.demo import build_demo
from archive_desk.ui.areas import reports

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rep") / "demo.sqlite"
    build_demo(path, 300, seed=5)
    return path


@pytest.fixture
def window(qtbot, demo_path: Path, tmp_path: Path):  # noqa: ANN001, ANN201
    settings = tmp_path / "settings.json"
    settings.write_text('{"language": "zh_CN"}', encoding="utf-8")
    _app, win = app_module.start(demo_path, settings_path=settings)
    qtbot.addWidget(win)
    yield win
    win.ctx.db.dispose()


def test_export_with_progress(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    area = window.show_area("reports")
    assert isinstance(area, reports.ReportsArea)
    year = date.today().year
    area.year_spin.setValue(year)
    target = tmp_path / "年度室藏统计.xlsx"
    area.path_edit.setText(str(target))
    seen: list[int] = []
    area.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert not area.export_button.isEnabled() and area.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not area.busy, timeout=60000)
    assert area.last_result == target, area.message.text()
    assert target.exists() and "已保存" in area.message.text()
    assert area.progress.value() == 100 and seen and seen[-1] == 100
    assert area.export_button.isEnabled() and not area.cancel_button.isEnabled()
    wb = openpyxl.load_workbook(target, read_only=True)
    assert wb.sheetnames[:3] == ["汇总", "年报", "案卷目录"]
    wb.close()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "reports-done.png"))


def test_cancel_leaves_no_file(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(writer, "CHUNK", 1)
    area = window.show_area("reports")
    area.year_spin.setValue(date.today().year)
    target = tmp_path / "out" / "inventory.xlsx"
    target.parent.mkdir()
    area.path_edit.setText(str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=60000)
    assert "取消" in area.message.text()
    assert list(target.parent.iterdir()) == []
    assert area.export_button.isEnabled()


def test_a_workbook_open_in_excel_gets_a_clear_message(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "inventory.xlsx"
    target.write_bytes(b"last year's workbook, open in Excel")

    def locked(path: Path) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(path))

    monkeypatch.setattr(filesafe, "_open_existing_for_write", locked)
    area = window.show_area("reports")
    area.path_edit.setText(str(target))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.busy, timeout=60000)
    text = area.message.text()
    assert "inventory.xlsx" in text and "Excel" in text and "原文件未被改动" in text
    assert "b00020" in area.message.styleSheet()
    assert target.read_bytes() == b"last year's workbook, open in Excel"
    assert list(folder.iterdir()) == [target]
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "reports-locked.png"))
