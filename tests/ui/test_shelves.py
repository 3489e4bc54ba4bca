"""The Shelves area in the real main window: shelving by simulated scanner bursts, the maps drawn offscreen,
the dialogs driven the way a clerk uses them, and the item models checked by qtmodeltester."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from archive_desk import app as app_module
from archive_desk.db.engine import Database
from archive_desk.models import VolumeStatus
from archive_desk.services import catalogue
from archive_desk.services import locations as loc
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.dialogs.shelves import BulkMoveDialog, RackDialog, SpaceFinderDialog
from archive_desk.ui.item_models.shelf_models import LayerVolumesModel, ProposalsModel, RoomTotalsModel, SharesModel
from archive_desk.ui.views import shelf_map
from archive_desk.ui.views.shelf_map import RackMapView, RoomMapView
from conftest import settle_writes_now


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, migrated and seeded catalogue made once; each test gets a copy (migrating costs ~1 s)."""
    path = tmp_path_factory.mktemp("template") / "catalogue.sqlite"
    open_catalogue(path).dispose()
    assert not Path(str(path) + "-wal").exists()
    return path


@pytest.fixture
def db(db_path: Path, catalogue_template: Path) -> Iterator[Database]:
    shutil.copyfile(catalogue_template, db_path)
    database = open_catalogue(db_path)
    yield database
    database.dispose()


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: ARCHIVE_DESK_SHOTS (to look at them) or the test's temporary folder."""
    folder = Path(os.environ.get("ARCHIVE_DESK_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def scan(widget: QWidget, payload: str) -> None:
    """What a keyboard-wedge scanner sends: the characters back to back, then Enter."""
    QTest.keyClicks(widget, payload)
    QTest.keyClick(widget, Qt.Key.Key_Return)
    settle_writes_now()  # a placement is saved off the GUI thread (ui/ops.run_op)


@pytest.fixture
def shelving(db: Database, actor: Actor, make_volume) -> dict[str, object]:  # noqa: ANN001
    """A room with one small rack (24 layers of 3 volumes) and eight claims volumes, one of them on loan."""
    with db.write() as s:
        room = loc.create_room(s, actor, 1)
        rack = loc.create_rack(s, actor, room.id, 3, sides=2, columns=2, sections=2, layers=3, capacity_count=3)
    volumes = [make_volume(title=f"理赔案卷{i}") for i in range(8)]
    with db.write() as s:
        catalogue.set_status(s, actor, volumes[7].id, VolumeStatus.ON_LOAN)
        layers = loc.list_layers(s, rack.id)
    return {"room": room, "rack": rack, "volumes": volumes, "layers": layers}


def chinese_settings(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    Settings(language="zh_CN").save(path)
    return path


@pytest.fixture
def window(qtbot, db_path: Path, tmp_path: Path, shelving):  # noqa: ANN001, ANN201
    _app, win = app_module.start(db_path, settings_path=chinese_settings(tmp_path))
    qtbot.addWidget(win)
    win.activateWindow()
    area = win.show_area("shelves")
    qtbot.waitUntil(lambda: area.room_view.room_map() is not None, timeout=30000)
    yield win
    win.ctx.db.dispose()


def test_shelving_by_scanner_bursts_through_the_main_window(qtbot, window, shelving, db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    area = window.areas["shelves"]
    volumes, layers = shelving["volumes"], shelving["layers"]
    keys_to = area.layer_view  # the scanner "types" into whatever has focus
    keys_to.setFocus()

    scan(keys_to, layers[0].barcode)
    assert area.last_event.kind == "target"
    assert area.target is not None and area.target.id == layers[0].id
    assert area.target_title.text() == "K1-03A-01-1-1"
    assert "1号库房 3号密集架 A面 第1列 第1节 第1层" in area.target_words.text()
    assert area.tabs.currentIndex() == 1 and area.rack_view.rack_map().rack.id == shelving["rack"].id

    scan(keys_to, volumes[0].barcode)
    assert area.last_event.kind == "placed", area.message.text()
    scan(keys_to, volumes[1].barcode.lower())  # Caps Lock on: still the same volume
    assert area.last_event.kind == "placed"
    assert [area.layer_model.index(r, 1).data() for r in range(area.layer_model.rowCount())] == [volumes[0].code, volumes[1].code]
    assert area.capacity_bar.text().startswith("2 / 3")

    scan(keys_to, volumes[7].barcode)  # on loan: refused with the reason
    assert area.last_event.kind == "refused"
    assert "借出" in area.message.text() and volumes[7].code in area.message.text()

    scan(keys_to, volumes[2].barcode)
    scan(keys_to, volumes[3].barcode)  # the fourth on a layer for three
    assert area.last_event.kind == "placed"
    assert "超出容量" in area.message.text() and "4 / 3" in area.message.text()
    assert area.rack_view.cell(layers[0].id).occupancy.over  # the map shows it at once
    window.grab().save(str(shots(tmp_path) / "shelves_window_overflow.png"))

    # a layer label where a volume was expected is a new target, never a volume
    scan(keys_to, layers[1].barcode.lower())
    assert area.last_event.kind == "target" and area.target.id == layers[1].id
    scan(area.scan_field, volumes[4].barcode)  # the scan field on the screen works the same way
    assert area.last_event.kind == "placed" and area.layer_model.rowCount() == 1

    # Ctrl+Z undoes the last placement, then the one before
    keys_to.setFocus()
    QTest.keyClick(keys_to, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle_writes_now()
    assert area.last_event.kind == "undone"
    area.undo_button.click()
    settle_writes_now()
    assert area.last_event.kind == "undone"
    db = Database.open(db_path)
    try:
        with db.read() as s:
            assert catalogue.get_volume(s, volumes[4].id).layer_id is None
            assert catalogue.get_volume(s, volumes[3].id).layer_id is None
            assert [e.code for e in loc.list_layer(s, layers[0].id).entries] == [v.code for v in volumes[:3]]
            assert len(loc.location_history(s, volumes[3].id)) == 2
    finally:
        db.dispose()

    assert "not a known" not in window.status_label.text()
    scan(keys_to, "L.K9-99Z-01-1-1")
    assert area.last_event.kind == "unknown"
    window.grab().save(str(shots(tmp_path) / "shelves_window_scan.png"))


def test_a_scanned_volume_without_a_target_is_shown_on_the_map(qtbot, window, shelving, db_path: Path) -> None:  # noqa: ANN001
    area = window.areas["shelves"]
    volumes, layers = shelving["volumes"], shelving["layers"]
    db = Database.open(db_path)
    try:
        with db.write() as s:
            for v in volumes[:3]:
                loc.place_volume(s, Actor("clerk2"), v.id, layers[9].id)
    finally:
        db.dispose()
    area.layer_view.setFocus()
    scan(area.layer_view, volumes[1].barcode)
    assert area.last_event.kind == "located"
    assert area.target is None
    assert area.rack_view._highlight == layers[9].id
    assert area.layer_model.rowCount() == 3
    assert area.layer_view.selectionModel().selectedRows()[0].row() == 1
    assert area.show_volume(volumes[5].id) is False  # not shelved


def _pixel(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(x, y))


def test_rack_map_is_drawn_as_shelving(qtbot, db: Database, actor: Actor, shelving, tmp_path: Path) -> None:  # noqa: ANN001
    volumes, layers = shelving["volumes"], shelving["layers"]
    with db.write() as s:
        for v in volumes[:4]:
            loc.place_volume(s, actor, v.id, layers[0].id)  # 4 / 3: over capacity
        loc.place_volume(s, actor, volumes[4].id, layers[1].id)  # 1 / 3
        loc.reserve_layers(s, actor, [layers[5].id], "2026年移交")
        loc.deactivate_layer(s, actor, layers[6].id, "broken")
        rack_map = loc.rack_map(s, shelving["rack"].id)
    view = RackMapView()
    qtbot.addWidget(view)
    view.set_map(rack_map)
    view.set_highlight(layers[1].id)
    view.resize(view.sizeHint())
    image = view.grab().toImage()
    image.save(str(shots(tmp_path) / "shelves_rack_map.png"))
    over = view.layer_rect(layers[0].id)
    assert over is not None
    assert _pixel(image, over.left() + 20, over.center().y()).name() in (shelf_map.RED.name(), shelf_map.RED.darker(125).name())
    empty = view.layer_rect(layers[2].id)
    assert _pixel(image, empty.center().x(), empty.center().y()).name() == shelf_map.WOOD.name()
    partial = view.layer_rect(layers[1].id)
    assert _pixel(image, partial.right() - 4, partial.center().y()).name() == shelf_map.WOOD.name()  # 1/3: right part empty
    reserved = view.layer_rect(layers[5].id)
    blues = {_pixel(image, x, reserved.center().y()).name() for x in range(reserved.left() + 1, reserved.right() - 1)}
    assert shelf_map.RESERVED.name() in blues
    inactive = view.layer_rect(layers[6].id)
    assert shelf_map.INACTIVE.name() in {_pixel(image, x, inactive.top() + 4).name() for x in range(inactive.left(), inactive.right())}
    got: list[int] = []
    view.layerClicked.connect(got.append)
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=over.center())
    assert got == [layers[0].id]
    # the tooltip names what it measures: volumes against places, and so 133 %, not a bare "4 / 3"
    tip = view.cell_tooltip(rack_map.cell("A", 1, 1, 1)).splitlines()
    assert tip[1] == "案卷：4 卷 / 可放 3 卷（133%）"


def test_room_overview_of_a_demo_catalogue(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "demo.sqlite"
    build_demo(path, 1500, seed=5)
    _app, win = app_module.start(path, settings_path=chinese_settings(tmp_path))
    qtbot.addWidget(win)
    try:
        area = win.show_area("shelves")
        qtbot.waitUntil(lambda: area.room_view.room_map() is not None and area.totals_model.rowCount() > 0, timeout=30000)
        totals = area.totals_model
        conn = sqlite3.connect(path)
        (standing,) = conn.execute("SELECT count(*) FROM volumes WHERE layer_id IS NOT NULL"
                                   " AND status IN ('in_stock', 'on_loan', 'missing')").fetchone()
        conn.close()
        assert standing > 1000
        assert totals.index(totals.rowCount() - 1, 4).data() == str(standing)  # used, all rooms
        assert totals.index(0, 0).data() == "1号库房"
        win.resize(1400, 900)
        area.tabs.setCurrentIndex(0)
        win.grab().save(str(shots(tmp_path) / "shelves_window_room.png"))
        room_view: RoomMapView = area.room_view
        rect = room_view.rack_rect(room_view.room_map().racks[0].rack.id)
        # the room view says what its colours and percentages mean, and a rack's tooltip what it measures
        assert [text for _c, text in room_view.legend_items()] == ["空", "已用", "将满（85% 以上）", "超出容量"]
        assert "百分比" in room_view.legend_note()
        rack = room_view.room_map().racks[0]
        tip = room_view.rack_tooltip(rack.rack.id)
        assert f"案卷：{rack.totals.used_count} 卷 / 可放 {rack.totals.capacity_count} 卷" in tip
        QTest.mouseClick(room_view, Qt.MouseButton.LeftButton, pos=rect.center())
        assert area.tabs.currentIndex() == 1
        assert area.rack_view.rack_map().rack.id == room_view.room_map().racks[0].rack.id
        first = area.rack_view.rack_map().cells[0]
        QTest.mouseClick(area.rack_view, Qt.MouseButton.LeftButton, pos=area.rack_view.layer_rect(first.layer_id).center())
        assert area.layer_model.rowCount() == first.count > 0
        win.grab().save(str(shots(tmp_path) / "shelves_window_rack.png"))
        out = tmp_path / "shelf.xlsx"
        assert area.export_shelf_list("layer", out)
        qtbot.waitUntil(lambda: out.exists() and "写入" in area.message.text() and "正在" not in area.message.text(), timeout=30000)
    finally:
        win.ctx.db.dispose()


def test_rack_dialog_previews_the_codes_then_creates_the_rack(qtbot, db: Database, shelving) -> None:  # noqa: ANN001
    from archive_desk.ui.context import AppContext

    ctx = AppContext(db=db, actor=Actor("clerk1"), settings=Settings(), catalogue_path=Path("x"))
    dialog = RackDialog(ctx, shelving["room"].id)
    qtbot.addWidget(dialog)
    assert dialog.number.value() == 4  # the next free rack number
    dialog.columns.setValue(3)
    dialog.sections.setValue(2)
    dialog.layers.setValue(4)
    assert dialog.preview.count() == 2 * 3 * 2 * 4
    assert dialog.preview.item(0).text().startswith("K1-04A-01-1-1")
    assert "K1-04B-03-2-4" in dialog.summary.text()
    dialog.number.setValue(3)  # taken: the preview still shows, creating says why not
    dialog.create_button.click()
    settle_writes_now()
    assert "3" in dialog.findChild(QWidget, "problem").text()
    dialog.number.setValue(4)
    dialog.create_button.click()
    settle_writes_now()
    assert dialog.created is not None and dialog.created.layer_count == 48
    with db.read() as s:
        assert len(loc.list_layers(s, dialog.created.id)) == 48


def test_bulk_move_and_space_finder_dialogs(qtbot, db: Database, shelving) -> None:  # noqa: ANN001
    from archive_desk.ui.context import AppContext

    ctx = AppContext(db=db, actor=Actor("clerk1"), settings=Settings(), catalogue_path=Path("x"))
    volumes, layers = shelving["volumes"], shelving["layers"]
    ids = [volumes[i].id for i in (5, 3, 7, 1, 0)]  # 7 is on loan
    dialog = BulkMoveDialog(ctx, ids)
    qtbot.addWidget(dialog)
    scan(dialog.target_field, layers[12].barcode.lower())
    assert dialog.plan is not None and [s.count for s in dialog.plan.shares] == [3, 1]
    assert "1" in dialog.summary.text() and dialog.move_button.isEnabled()
    dialog.move_button.click()
    settle_writes_now()
    assert dialog.result_ is not None and dialog.result_.moved == 4
    with db.read() as s:
        assert [e.code for e in loc.list_layer(s, layers[12].id).entries] == [volumes[i].code for i in (5, 3, 1)]
        assert [e.code for e in loc.list_layer(s, layers[13].id).entries] == [volumes[0].code]

    pasted = BulkMoveDialog(ctx, None)
    qtbot.addWidget(pasted)
    pasted.codes.setPlainText(f"{volumes[2].code}\n{volumes[6].barcode}\nNOPE-123\n")
    qtbot.waitUntil(lambda: bool(pasted.volume_ids), timeout=3000)
    assert pasted.volume_ids == [volumes[2].id, volumes[6].id] and "NOPE-123" in pasted.selection.text()

    finder = SpaceFinderDialog(ctx)
    qtbot.addWidget(finder)
    finder.count.setValue(7)
    finder.find()
    assert finder.proposals.rowCount() >= 1
    first = finder.proposals.row_record(0)
    finder.label.setText("2026年移交")
    finder.reserve_selected()
    settle_writes_now()
    assert "2026年移交" in finder.message.text()
    assert finder.reservations.count() == 1
    with db.read() as s:
        assert loc.describe_location(s, first.layer_ids[0]).reserved_for == "2026年移交"
    finder.reservations.setCurrentRow(0)
    finder.release_selected()
    settle_writes_now()
    assert finder.reservations.count() == 0
    assert isinstance(finder.findChild(QDialogButtonBox), QDialogButtonBox)


def test_item_models_pass_the_model_tester(qtmodeltester, db: Database, actor: Actor, shelving) -> None:  # noqa: ANN001
    volumes, layers = shelving["volumes"], shelving["layers"]
    with db.write() as s:
        for v in volumes[:3]:
            loc.place_volume(s, actor, v.id, layers[0].id)
        listing = loc.list_layer(s, layers[0].id)
        overview = loc.room_overview(s)
        space = loc.find_space(s, 5)
        plan = loc.plan_bulk_move(s, [v.id for v in volumes[3:7]], layers[3].id)
    layer_model = LayerVolumesModel()
    layer_model.set_rows(listing.entries)
    layer_model.set_highlight(volumes[1].id)
    qtmodeltester.check(layer_model)
    totals = RoomTotalsModel()
    totals.set_overview(overview.rooms, overview.total)
    qtmodeltester.check(totals)
    proposals = ProposalsModel()
    proposals.set_rows(space.proposals)
    qtmodeltester.check(proposals)
    shares = SharesModel()
    shares.set_rows(plan.shares)
    qtmodeltester.check(shares)
    assert totals.index(1, 0).data() == "全部库房" and totals.index(0, 4).data() == "3"
