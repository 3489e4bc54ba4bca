"""The buttons that reach from one area into another, through the window's typed seams (``AreaHost``)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from archive_desk import app as app_module
from archive_desk.services.demo import build_demo
from archive_desk.ui.areas.base import AreaHost
from conftest import settle_writes


@pytest.fixture
def window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    path = tmp_path / "demo.sqlite"
    build_demo(path, 120, seed=11)
    _app, win = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    yield win
    win.ctx.db.dispose()


def _select_rows(qtbot, catalogue, rows: tuple[int, ...]) -> list[int]:  # noqa: ANN001
    qtbot.waitUntil(lambda: not catalogue._list_runner.busy and catalogue.model.rowCount() > max(rows), timeout=10000)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        catalogue.table.selectionModel().select(catalogue.model.index(row, 0), flags)
    return [catalogue.model.id_at(r) for r in rows]


def test_every_area_the_window_lists_has_the_window_as_its_host(window) -> None:  # noqa: ANN001
    for area_id in window.area_ids():
        area = window.show_area(area_id)
        assert area.host is window
    assert isinstance(window, AreaHost)


def test_transfers_adds_the_volumes_selected_in_the_catalogue_to_a_handing_over_batch(window, qtbot) -> None:  # noqa: ANN001
    with closing(sqlite3.connect(window.ctx.catalogue_path)) as raw:
        in_stock = {row[0] for row in raw.execute("SELECT id FROM volumes WHERE status = 'in_stock'")}
    catalogue = window.areas["catalogue"]
    qtbot.waitUntil(lambda: not catalogue._list_runner.busy and catalogue.model.rowCount() > 20, timeout=10000)
    rows = tuple(r for r in range(catalogue.model.rowCount()) if catalogue.model.id_at(r) in in_stock)[:3]
    chosen = _select_rows(qtbot, catalogue, rows)
    assert window.catalogue_selection() == chosen
    page = window.show_area("transfers").show_tab("handover")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
    assert page.batch is not None and page.batch.is_draft
    qtbot.mouseClick(page.selection_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    assert sorted(line.volume_id for line in page.model.lines()) == sorted(chosen)


def test_transfers_says_so_when_nothing_is_selected_in_the_catalogue(window, qtbot) -> None:  # noqa: ANN001
    catalogue = window.areas["catalogue"]
    qtbot.waitUntil(lambda: not catalogue._list_runner.busy, timeout=10000)
    catalogue.table.clearSelection()
    catalogue.table.setCurrentIndex(catalogue.model.index(-1, 0))
    page = window.show_area("transfers").show_tab("handover")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
    qtbot.mouseClick(page.selection_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.message_label.text() == "Select volumes in the catalogue first."


def test_the_detail_pane_shows_a_shelved_volume_on_its_shelf(window, qtbot) -> None:  # noqa: ANN001
    with closing(sqlite3.connect(window.ctx.catalogue_path)) as raw:
        shelved = dict(raw.execute("SELECT id, layer_id FROM volumes WHERE layer_id IS NOT NULL"))
        unshelved = {row[0] for row in raw.execute("SELECT id FROM volumes WHERE layer_id IS NULL AND status != 'void'")}
    catalogue = window.areas["catalogue"]
    qtbot.waitUntil(lambda: not catalogue._list_runner.busy and catalogue.model.rowCount() > 20, timeout=10000)
    volume_id = next(vid for r in range(catalogue.model.rowCount()) if (vid := catalogue.model.id_at(r)) in shelved)
    assert catalogue.select_volume(volume_id)
    assert window.current_volume_id() == volume_id
    button = catalogue.detail.shelf_button
    catalogue.detail.tabs.setCurrentWidget(catalogue.detail.where)
    assert button.isVisibleTo(catalogue)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    shelves = window.areas["shelves"]
    assert window.current_area() is shelves
    assert shelves._layer_id == shelved[volume_id]  # that layer listed, and marked on the rack map
    assert shelves.rack_view._highlight == shelved[volume_id] and shelves.layer_model._highlight == volume_id
    if unshelved:  # a volume that stands nowhere has no such button
        window.show_area("catalogue")
        catalogue.detail.show_volume(next(iter(unshelved)))
        assert not button.isVisibleTo(catalogue)
