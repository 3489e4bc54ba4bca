"""The main window on a small screen and by keyboard, in both languages: a 1080p laptop at 150 % has
1,280 × 720 logical pixels. Every area fits that width, no navigation entry (badge included) is cut,
the catalogue shows every column up to 状态 and the side pane's item titles stay readable; Ctrl+1…8
switch areas; the strings Qt's own Chinese lacks come from the app's. Screens are saved under
$ARCHIVE_DESK_SCREENS (default /tmp/archive-desk-screens/<language>/) for a person to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLabel

from archive_desk import app as app_module
from archive_desk.i18n import set_language
from archive_desk.services.demo import build_demo
from archive_desk.settings import Settings

SCREENS = Path(os.environ.get("ARCHIVE_DESK_SCREENS", "/tmp/archive-desk-screens"))
WIDTH, HEIGHT = 1280, 720


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fit") / "demo.sqlite"
    build_demo(path, 300)
    return path


@pytest.fixture
def window(request: pytest.FixtureRequest, qtbot, demo: Path, tmp_path: Path) -> Iterator[object]:  # noqa: ANN001
    language = request.param
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    Settings(language=language).save(tmp_path / "settings.json")
    _app, win = app_module.start(demo, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    win.resize(WIDTH, HEIGHT)
    area = win.areas["catalogue"]
    qtbot.waitUntil(lambda: not area._list_runner.busy and area.model.rowCount() > 0, timeout=10000)
    win.language = language
    yield win
    win.scan_detector.uninstall()
    win.ctx.db.dispose()
    set_language("zh_CN")


@pytest.mark.parametrize("window", ["en", "zh_CN"], indirect=True)
def test_every_area_fits_1280_by_720(qtbot, window) -> None:  # noqa: ANN001
    shots = SCREENS / window.language
    shots.mkdir(parents=True, exist_ok=True)
    catalogue = window.areas["catalogue"]
    assert catalogue.handle_scan("Z109-LP.2019-D30-0001") or catalogue.select_volume(catalogue.model.id_at(0))
    catalogue.detail.tabs.setCurrentIndex(1)  # the volume's items
    qtbot.wait(200)
    window.grab().save(str(shots / "window-1280x720-catalogue.png"))

    # the catalogue: every column up to 状态 is in sight, nothing to scroll sideways for
    table = catalogue.table
    status = catalogue.model.COLUMNS.index("status")
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(status) + header.sectionSize(status) <= table.viewport().width()
    longest = max(table.fontMetrics().horizontalAdvance(catalogue.model.index(r, status).data() or "")
                  for r in range(min(50, catalogue.model.rowCount())))
    assert header.sectionSize(status) > longest  # "transferred out" is read whole
    # the side pane's items: the title column keeps room for a dozen characters
    items = catalogue.detail.items_view
    title_col = catalogue.detail.items_model.COLUMNS.index("title")
    assert items.columnWidth(title_col) >= 12 * items.fontMetrics().horizontalAdvance("档")
    assert items.horizontalHeader().length() <= items.viewport().width() + 1

    for area_id in window.area_ids():
        window.show_area(area_id)
        qtbot.wait(100)
        assert window.minimumSizeHint().width() <= WIDTH, area_id
        assert window.width() == WIDTH, area_id  # nothing pushed the window wider
        window.grab().save(str(shots / f"window-1280x720-{area_id}.png"))

    # the navigation shows each entry whole, badges ("借阅  逾期 1") included
    nav = window.nav
    window.update_badges()
    lending = window.show_area("lending")
    lending.update_badge()
    for row in range(nav.count()):
        text = nav.item(row).text()
        assert nav.fontMetrics().horizontalAdvance(text) + 8 <= nav.viewport().width(), text


@pytest.mark.parametrize("window", ["zh_CN"], indirect=True)
def test_ctrl_digit_switches_areas_and_qt_dialogs_speak_chinese(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    ids = window.area_ids()
    for n in (4, 6, 1):
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() is window.areas[ids[n - 1]]
    # the stocktake screen waiting for its first layer label speaks Chinese
    stocktake = window.show_area("stocktake")
    stocktake._show_layer(None)
    assert "尚未选定层" in stocktake.layer_label.text()
    # Qt's own file dialog: the labels Qt's Chinese lacks
    dialog = QFileDialog(window, "导出", str(Path.home()), "Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    dialog.close()
    assert {"查找范围(&L)：", "文件类型(&T)："} <= texts


@pytest.mark.parametrize("window", ["zh_CN"], indirect=True)
def test_the_focused_field_has_a_frame_one_can_see(qtbot, window) -> None:  # noqa: ANN001
    from archive_desk.ui.focus_style import FOCUS_COLOUR

    window.activateWindow()
    catalogue = window.areas["catalogue"]

    def framed(widget) -> bool:  # noqa: ANN001
        image = widget.grab().toImage()
        y = image.height() // 2
        return image.pixelColor(1, y).name() == FOCUS_COLOUR.name() or image.pixelColor(0, y).name() == FOCUS_COLOUR.name()

    for widget in (catalogue.search_box, catalogue.filters.fonds):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        assert framed(widget), widget.objectName()
    catalogue.table.setFocus()
    qtbot.waitUntil(catalogue.table.hasFocus, timeout=2000)
    assert not framed(catalogue.search_box)  # the frame follows the focus


@pytest.mark.parametrize("window", ["zh_CN"], indirect=True)
def test_f5_reads_the_list_again(qtbot, window) -> None:  # noqa: ANN001
    """F5 is the platform's refresh key too: listed once, so the shortcut is not ambiguous (and dead)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    catalogue = window.areas["catalogue"]
    catalogue.table.setFocus()
    with qtbot.waitSignal(catalogue.statusChanged, timeout=2000) as said:
        QTest.keyClick(catalogue.table, Qt.Key.Key_F5)
    assert said.args == ["正在读取列表…"]
