"""The catalogue workspace driven as a person would: search, edit, scan, void, copy, export, items; and
its key screens rendered offscreen to PNG in both languages (under $ARCHIVE_DESK_SCREENS or
/tmp/archive-desk-screens/<language>/) for a person to look at.

Chinese text is set directly or sent as key events carrying the text (qtbot.keyClicks with Chinese
crashes, architecture.md); scanner bursts are ASCII and go through QTest.keyClicks + Return.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from archive_desk.db.engine import Database
from archive_desk.i18n import set_language
from archive_desk.models import VolumeStatus
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext
from archive_desk.ui.fonts import register_fonts
from archive_desk.ui.i18n import install_translators
from archive_desk.ui.item_models.items_table import ItemsTableModel
from archive_desk.ui.item_models.volume_table import VolumeTableModel
from conftest import settle_writes

CATALOGUE_ONLY = [("catalogue", "archive_desk.ui.areas.catalogue")]
ACTOR = Actor("clerk1", "ws-test-1")
TITLES = [
    ("张伟家庭财产保险火灾理赔案卷", ["张伟出险通知书", "张伟查勘报告", "张伟赔款收据"]),
    ("李娜机动车辆保险追尾事故理赔案卷", ["李娜定损单", "李娜赔款计算书"]),
    ("东湖物流有限公司企业财产保险暴雨水淹理赔案卷", ["东湖物流损失清单"]),
    ("王芳意外伤害保险高空坠物理赔案卷", []),
    ("赵敏货物运输保险盗抢理赔案卷", ["赵敏结案报告"]),
]


@pytest.fixture(autouse=True)
def _chinese_ui(qapp) -> Iterator[None]:  # noqa: ANN001
    """The UI in Chinese, as the room uses it (the English run is in the screenshot test)."""
    install_translators(qapp, "zh_CN")
    yield


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small catalogue built once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("workspace") / "template.sqlite"
    db = open_catalogue(path)
    with db.write() as s:
        fonds = catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司")
        lp = catalogue.get_category(s, code="LP")
        for n, (title, items) in enumerate(TITLES * 4):
            v = catalogue.create_volume(s, ACTOR, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2019 + n % 2, "retention": "D30", "title": title,
                "custom": {"claim_no": f"PDAA2019{n:08d}", "insured": title[:2]}})
            for item in items:
                catalogue.add_item(s, ACTOR, v.id, {"title": item, "pages": 2 + len(item) % 3})
    db.dispose()
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    return path


@pytest.fixture
def ctx(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "catalogue.sqlite"
    shutil.copy(template, path)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    db = Database.open(path)
    context = AppContext(db=db, actor=ACTOR, settings=Settings(), catalogue_path=path, settings_path=tmp_path / "settings.json")
    yield context
    db.dispose()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the area would show in a message box (modal boxes would block the test)."""
    shown: list[BaseException] = []
    monkeypatch.setattr("archive_desk.ui.areas.catalogue.show_error", lambda _parent, exc: shown.append(exc))
    monkeypatch.setattr("archive_desk.ui.ops.show_error", lambda _parent, exc: shown.append(exc))
    return shown


@pytest.fixture
def window(qtbot, ctx: AppContext):  # noqa: ANN001, ANN201
    from archive_desk.ui.main_window import MainWindow

    win = MainWindow(ctx, areas=CATALOGUE_ONLY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    activate(qtbot, win)
    area = win.areas["catalogue"]
    qtbot.waitUntil(lambda: not area._list_runner.busy and area.model.rowCount() == 20, timeout=5000)
    yield win
    win.scan_detector.uninstall()


def wait_idle(qtbot, area) -> None:  # noqa: ANN001
    settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
    qtbot.waitUntil(lambda: not area._list_runner.busy and not area._search_timer.isActive(), timeout=5000)


def activate(qtbot, window: QWidget) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def scan(widget: QWidget, code: str) -> None:
    """A keyboard-wedge scanner: the characters back to back, then Enter."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def volume_by_title(ctx: AppContext, title: str) -> catalogue.VolumeRecord:
    from sqlalchemy import select

    from archive_desk.models import Volume

    with ctx.db.read() as s:
        vid = s.scalar(select(Volume.id).where(Volume.title == title).order_by(Volume.id))
        return catalogue.get_volume(s, vid)


# ---------------------------------------------------------------- models


def test_item_models_pass_qtmodeltester(qtmodeltester, ctx: AppContext) -> None:  # noqa: ANN001
    from array import array

    model = VolumeTableModel(ctx.db)
    model.set_ids(array("q", [1, 2, 3, 5, 8, 13]))
    qtmodeltester.check(model)
    model.set_ids(array("q", [2, 1]), matches={1: "2. 张伟查勘报告"}, search_mode=True)
    qtmodeltester.check(model)
    assert model.index(1, len(VolumeTableModel.COLUMNS)).data() == "2. 张伟查勘报告"
    with ctx.db.read() as s:
        items = catalogue.list_items(s, 1)
    for editable in (False, True):
        items_model = ItemsTableModel(editable=editable)
        items_model.set_items(items)
        qtmodeltester.check(items_model)
    assert items_model.index(1, ItemsTableModel.COLUMNS.index("page_range")).data() == f"{items[1].page_start}–{items[1].page_end}"


def test_navigation_lists_only_areas_that_exist(qtbot, ctx: AppContext) -> None:  # noqa: ANN001
    from archive_desk.ui.main_window import MainWindow

    win = MainWindow(ctx, areas=[*CATALOGUE_ONLY, ("shelves", "archive_desk.ui.areas.not_built_yet")])
    qtbot.addWidget(win)
    assert win.nav.count() == 1 and list(win.areas) == ["catalogue"]
    win.findChild(type(win.refresh_action), "language_en").trigger()
    assert Settings.load(ctx.settings_path).language == "en"
    win.scan_detector.uninstall()


# ---------------------------------------------------------------- search


def test_search_lists_ranked_hits_and_the_matched_item(qtbot, window) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.search_box.setFocus()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert area.search_box.hasFocus()
    area.search_box.setText("查勘报告")  # Chinese is set, not typed (see the module docstring)
    wait_idle(qtbot, area)
    assert area.model.search_mode and area.model.rowCount() == 4
    match_col = len(VolumeTableModel.COLUMNS)
    assert not area.table.isColumnHidden(match_col)
    assert area.model.index(0, match_col).data() == "2. 张伟查勘报告"
    assert "4" in window.status_label.text()
    assert area.detail.volume_id() == area.model.id_at(0)  # the best hit is shown

    area.search_box.clear()
    QTest.keyClicks(area.search_box, "lpaj")  # ASCII: typed like a person (the burst is replayed into the box)
    qtbot.waitUntil(lambda: area.search_box.text() == "lpaj", timeout=2000)
    wait_idle(qtbot, area)
    assert area.model.rowCount() == 20 and area.table.isColumnHidden(match_col)

    QTest.keyClick(area.search_box, Qt.Key.Key_Escape)
    wait_idle(qtbot, area)
    assert not area.model.search_mode and area.model.rowCount() == 20


def test_search_past_the_list_limit_says_the_total(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """The list holds the best SEARCH_LIMIT hits (1,000; here 3): the status bar says how many match in all."""
    monkeypatch.setattr("archive_desk.ui.areas.catalogue.SEARCH_LIMIT", 3)
    area = window.areas["catalogue"]
    area.search_box.setText("理赔")
    wait_idle(qtbot, area)
    assert area.model.rowCount() == 3
    assert window.status_label.text() == "共 20 卷与“理赔”匹配，列出最匹配的 3 卷（请增加检索词或筛选条件）。"
    monkeypatch.setattr("archive_desk.services.search.COUNT_CAP", 10)
    area.search_box.setText("案卷")
    wait_idle(qtbot, area)
    assert window.status_label.text().startswith("超过 10 卷与“案卷”匹配，列出最匹配的 3 卷")


def test_filters_narrow_the_list(qtbot, window) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.filters.year_from.setValue(2020)
    qtbot.waitUntil(lambda: area.model.rowCount() == 10 and not area._list_runner.busy, timeout=5000)
    area.search_box.setText("火灾")
    wait_idle(qtbot, area)
    assert area.model.rowCount() == 2  # 4 fire volumes, 2 of them in 2020
    area.filters.clear()
    wait_idle(qtbot, area)
    assert area.model.rowCount() == 4


def test_detail_pane_lets_go_of_a_volume_the_filter_removes(qtbot, window) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    shown = area.model.id_at(0)  # a 2019 volume
    assert area.select_volume(shown) and area.detail.volume_id() == shown
    area.filters.year_from.setValue(2020)
    qtbot.waitUntil(lambda: area.model.rowCount() == 10 and not area._list_runner.busy, timeout=5000)
    assert area.model.row_of(shown) is None
    assert area.detail.volume_id() is None and area.detail.heading.text() == "未选择案卷"
    kept = area.model.id_at(3)  # a volume the next filter keeps stays shown
    assert area.select_volume(kept)
    area.search_box.setText("理赔")
    wait_idle(qtbot, area)
    assert area.model.row_of(kept) is not None and area.detail.volume_id() == kept


# ---------------------------------------------------------------- editing


def test_editor_validates_live_saves_and_undoes(qtbot, window, ctx: AppContext) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.setFocus()
    area.table.selectRow(1)
    QTest.keyClick(area.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(area, "editor", None) is not None and area.editor.isVisible(), timeout=2000)
    editor = area.editor
    activate(qtbot, editor)
    original = editor.record
    assert editor.title_edit.text() == original.title
    assert editor.findChild(QWidget, "custom_claim_no") is not None  # the category's own fields

    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    QTest.keyClick(editor.title_edit, Qt.Key.Key_Delete)
    QTest.keyClicks(editor.start_date, "2019-13-01")
    qtbot.waitUntil(lambda: editor.messages["title"].isVisible(), timeout=2000)
    assert editor.messages["title"].text() == "题名不能为空"
    assert "不是有效日期" in editor.messages["start_date"].text()
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # refused while problems remain
    assert editor.isVisible()

    editor.title_edit.setText("张伟家庭财产保险火灾理赔案卷（补）")
    editor.start_date.clear()
    QTest.keyClicks(editor.start_date, "2019-03-01")
    qtbot.waitUntil(lambda: not editor.messages["title"].isVisible() and not editor.messages["start_date"].isVisible(), timeout=2000)
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)
    with ctx.db.read() as s:
        saved = catalogue.get_volume(s, original.id)
    assert saved.title.endswith("（补）") and str(saved.start_date) == "2019-03-01"
    assert area.detail.heading.text().endswith("（补）")

    assert area.undo_action.isEnabled()
    activate(qtbot, window)  # the offscreen platform does not hand activation back after a dialog
    area.table.setFocus()
    QTest.keyClick(area.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle_writes(qtbot)
    with ctx.db.read() as s:
        undone = catalogue.get_volume(s, original.id)
    assert undone.title == original.title and undone.start_date == original.start_date
    assert not area.undo_action.isEnabled()


def test_new_volume_takes_the_proposed_code(qtbot, window, ctx: AppContext) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(area, "editor", None) is not None and area.editor.isVisible(), timeout=2000)
    editor = area.editor
    editor.category.setCurrentIndex(editor.category.findText("LP", Qt.MatchFlag.MatchStartsWith))
    editor.year.setValue(2019)
    editor.validate_now()
    assert editor.proposed == "Z109-LP·2019-D30-0011"
    assert editor.code.placeholderText() == "Z109-LP·2019-D30-0011"
    editor.year.setValue(2020)
    qtbot.waitUntil(lambda: editor.proposed == "Z109-LP·2020-D30-0011", timeout=2000)
    editor.title_edit.setText("新建理赔案卷")
    assert editor.save()
    wait_idle(qtbot, area)
    assert area.model.rowCount() == 21
    assert area.detail.volume_id() is not None and area.detail.detail.volume.code == "Z109-LP·2020-D30-0011"


def test_concurrent_edit_ends_in_changed_meanwhile(qtbot, window, ctx: AppContext) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.selectRow(0)
    editor = area.edit_selected()
    assert editor is not None
    qtbot.waitExposed(editor)
    record = editor.record
    # another workstation saves the same volume meanwhile (its own session)
    other = Database.open(ctx.catalogue_path)
    with other.write() as s:
        catalogue.update_volume(s, Actor("clerk2", "ws-2"), record.id, record.version, {"responsible": "理赔二部"})
    other.dispose()
    editor.title_edit.setText("我的修改")
    assert editor.save() is not None  # saving starts, and ends in "changed meanwhile"
    qtbot.waitUntil(lambda: getattr(editor, "stale_box", None) is not None and editor.stale_box.isVisible(), timeout=2000)
    assert "clerk2" in editor.stale_box.text() and "修改" in editor.stale_box.text()
    assert editor.general_message.isVisible()
    with ctx.db.read() as s:
        assert catalogue.get_volume(s, record.id).title == record.title  # nothing overwritten
    reload_button = next(b for b in editor.stale_box.buttons() if editor.stale_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    reload_button.click()
    assert editor.responsible.text() == "理赔二部" and editor.title_edit.text() == record.title
    editor.reject()


def test_void_asks_why_and_never_deletes(qtbot, window, ctx: AppContext, errors: list) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.setFocus()
    area.table.selectRow(2)
    vid = area.selected_volume_id()
    QTest.keyClick(area.table, Qt.Key.Key_Delete)
    dialog = area.void_dialog
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    QTest.keyClicks(dialog.reason, "entered twice")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    wait_idle(qtbot, area)
    with ctx.db.read() as s:
        assert not errors, errors
        assert catalogue.get_volume(s, vid).status == VolumeStatus.VOID
    assert area.model.rowCount() == 19 and area.model.row_of(vid) is None
    assert area.undo_last()
    wait_idle(qtbot, area)
    with ctx.db.read() as s:
        assert catalogue.get_volume(s, vid).status == VolumeStatus.IN_STOCK
    assert area.model.rowCount() == 20


# ---------------------------------------------------------------- scanner


@pytest.mark.parametrize("caps_lock", [False, True])
def test_scan_anywhere_opens_the_volume_without_typing_into_the_field(qtbot, window, ctx: AppContext, caps_lock: bool) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    target = volume_by_title(ctx, "赵敏货物运输保险盗抢理赔案卷")
    area.filters.custom_text.setFocus()
    area.filters.custom_text.setText("abc")
    code = target.barcode.lower() if caps_lock else target.barcode
    scan(QApplication.focusWidget(), code)
    qtbot.waitUntil(lambda: area.detail.volume_id() == target.id, timeout=2000)
    assert area.filters.custom_text.text() == "abc"  # nothing typed into the focused field
    assert area.selected_volume_id() == target.id
    assert target.code in window.status_label.text()


def test_unknown_scan_says_so_and_offers_creation(qtbot, window) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.setFocus()
    scan(area.table, "Z109-LP.2019-D30-0999")
    qtbot.waitUntil(lambda: getattr(area, "unknown_box", None) is not None and area.unknown_box.isVisible(), timeout=2000)
    assert "Z109-LP·2019-D30-0999" in area.unknown_box.text()
    area.unknown_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: getattr(area, "editor", None) is not None and area.editor.isVisible(), timeout=2000)
    editor = area.editor
    assert editor.code.text() == "Z109-LP·2019-D30-0999"
    assert editor.year.value() == 2019 and editor.retention.currentData() == "D30"
    editor.reject()
    scan(area.table, "HELLO-123")  # not a 档号 of any category: nothing to create
    qtbot.waitUntil(lambda: "HELLO-123" in window.status_label.text(), timeout=2000)


# ---------------------------------------------------------------- copy, export, items


def test_copy_rows_pastes_as_a_table(qtbot, window) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.setFocus()
    area.table.selectRow(0)
    area.table.selectionModel().select(area.model.index(1, 0), area.table.selectionModel().SelectionFlag.Select
                                       | area.table.selectionModel().SelectionFlag.Rows)
    QTest.keyClick(area.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    lines = mime.text().split("\r\n")
    assert lines[0].split("\t")[:2] == ["档号", "题名"]
    assert lines[1].startswith("Z109-LP·2019-D30-0001\t") and len(lines) == 4  # header, 2 rows, final newline
    assert "<table" in mime.html() and "mso-number-format" in mime.html()
    QGuiApplication.clipboard().clear()  # release the data while Python runs (Qt frees it at exit otherwise)


def test_export_selection_to_excel(qtbot, window, tmp_path: Path, errors: list, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    area = window.areas["catalogue"]
    area.table.selectAll()
    target = tmp_path / "目录.xlsx"
    area.export_selection(target)
    qtbot.waitUntil(lambda: not area._export_runner.busy, timeout=10000)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]][:2] == ["档号", "题名"]
    assert sheet.max_row == 21 and sheet["A2"].value == "Z109-LP·2019-D30-0001"
    assert not errors

    def locked(*_a: object) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr("archive_desk.exporting.filesafe._move_into_place", locked)
    area.export_selection(target)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "Excel" in str(errors[0]) and target.exists()


def test_items_editor_by_keyboard(qtbot, window, ctx: AppContext) -> None:  # noqa: ANN001
    area = window.areas["catalogue"]
    area.table.selectRow(0)  # 张伟… with 3 items
    QTest.keyClick(area.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(area, "items_editor", None) is not None, timeout=2000)
    dialog = area.items_editor
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    vid = dialog.volume_id

    def titles() -> list[str]:
        return [i.title for i in dialog.model.items()]

    dialog.new_title.setText("张伟现场照片")
    dialog.new_pages.setValue(4)
    QTest.keyClick(dialog.new_title, Qt.Key.Key_Return)  # add at the end
    settle_writes(qtbot)
    assert titles()[-1] == "张伟现场照片"
    dialog.view.setFocus()
    dialog.view.selectRow(3)
    QTest.keyClick(dialog.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # move it up one place
    settle_writes(qtbot)
    assert titles()[2] == "张伟现场照片"
    pages = [(i.seq, i.page_start, i.page_end) for i in dialog.model.items()]
    assert [p[0] for p in pages] == [1, 2, 3, 4] and pages[0][1] == 1
    assert all(pages[k + 1][1] == pages[k][2] + 1 for k in range(3))  # page ranges follow the counts
    dialog.view.selectRow(0)
    dialog.new_title.setText("张伟保单抄件")
    dialog.insert_before_selected()
    settle_writes(qtbot)
    assert titles()[0] == "张伟保单抄件"
    dialog.view.setFocus()
    dialog.view.selectRow(1)
    QTest.keyClick(dialog.view, Qt.Key.Key_Delete)
    qtbot.waitExposed(dialog.reason_dialog)
    activate(qtbot, dialog.reason_dialog)
    QTest.keyClicks(dialog.reason_dialog.reason, "duplicate")
    QTest.keyClick(dialog.reason_dialog.reason, Qt.Key.Key_Return)
    settle_writes(qtbot)
    assert "张伟出险通知书" not in titles() and len(titles()) == 4
    with ctx.db.read() as s:
        assert catalogue.get_volume(s, vid).item_count == 4
    dialog.reject()
    assert area.detail.items_model.rowCount() == 4


# ---------------------------------------------------------------- 阅览中 and legal holds (issue #15)


def detail_fields(area) -> dict[str, str]:  # noqa: ANN001
    return {cap.text().rstrip("：:"): field.text() for cap, field in area.detail._rows[:area.detail._used]}


def test_a_consultation_shows_in_the_reading_room_and_a_hold_is_placed_printed_and_released(qtbot, window, ctx, errors) -> None:  # noqa: ANN001
    from archive_desk.services import holds, loans

    area = window.areas["catalogue"]
    v = volume_by_title(ctx, TITLES[0][0])
    # 阅览中: a consultation open in the reading room shows in the table and the detail pane, not 在库
    with ctx.db.write() as s:
        reader = loans.create_borrower(s, ACTOR, {"name": "周医生", "unit": "医务科", "card_no": "YG0101"})
        loans.lend(s, ACTOR, reader.id, [v.id], "工作查考", "查阅", None)
    area.model.refresh_ids([v.id])
    assert area.select_volume(v.id)
    qtbot.waitUntil(lambda: area.detail.volume_id() == v.id, timeout=2000)
    row = area.model.row_of(v.id)
    status_col = area.model.COLUMNS.index("status")
    assert area.model.index(row, status_col).data() == "阅览中"
    assert detail_fields(area)["状态"] == "阅览中"

    # a hold placed from the detail pane: kind, reason, the patient's side; the pane says why at once
    qtbot.mouseClick(area.detail.holds_button, Qt.MouseButton.LeftButton)
    dialog = area.holds_dialog
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.place_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("seal"))
    dialog.reason.setText("医疗纠纷，医患双方在场封存")
    dialog.counterpart.setText("王小明（患者之子）")
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    assert dialog.table.rowCount() == 1 and "医疗纠纷" in dialog.table.item(0, 3).text()
    assert "封存" in dialog.message.text() and dialog.print_button.isEnabled()
    assert "医疗纠纷，医患双方在场封存" in detail_fields(area)["冻结"]
    out = SCREENS / "zh_CN"
    out.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out / "holds-dialog.png"))
    window.grab().save(str(out / "holds-detail.png"))

    # the 封存 sealing list, from the same place
    preview = dialog.print_sealing_list()
    assert preview is not None and preview.isVisible()
    assert preview.preview.data.startswith(b"%PDF")
    (out / "sealing-list.pdf").write_bytes(preview.preview.data)
    preview.close()

    # released: the dialog and the pane no longer list it; the hold stays on file, released
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.release_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    assert dialog.table.rowCount() == 0 and "已解除" in dialog.message.text()
    assert "冻结" not in detail_fields(area)
    with ctx.db.read() as s:
        [h] = holds.list_holds(s)
    assert (h.kind, h.volume_id, h.counterpart, h.released_by) == ("seal", v.id, "王小明（患者之子）", ACTOR.user)
    assert not errors
    dialog.accept()


# ---------------------------------------------------------------- screenshots

SCREENS = Path(os.environ.get("ARCHIVE_DESK_SCREENS", "/tmp/archive-desk-screens"))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_render_key_screens(qtbot, qapp, ctx: AppContext, language: str) -> None:  # noqa: ANN001
    from archive_desk.ui.main_window import MainWindow

    set_language(language)
    install_translators(qapp, language)
    register_fonts()
    out = SCREENS / language
    out.mkdir(parents=True, exist_ok=True)
    try:
        win = MainWindow(ctx, areas=CATALOGUE_ONLY)
        qtbot.addWidget(win)
        win.resize(1400, 820)
        win.show()
        qtbot.waitExposed(win)
        activate(qtbot, win)
        area = win.areas["catalogue"]
        qtbot.waitUntil(lambda: area.model.rowCount() == 20 and not area._list_runner.busy, timeout=5000)
        area.table.selectRow(0)
        qtbot.waitUntil(lambda: area.detail.volume_id() is not None, timeout=2000)
        win.grab().save(str(out / "1-catalogue.png"))
        area.detail.tabs.setCurrentIndex(1)
        win.grab().save(str(out / "2-detail-items.png"))
        area.detail.tabs.setCurrentIndex(3)
        win.grab().save(str(out / "3-detail-history.png"))
        area.detail.tabs.setCurrentIndex(0)

        area.search_box.setText("报告")
        wait_idle(qtbot, area)
        assert area.model.rowCount() > 0
        qtbot.wait(50)  # widgets added to a shown layout are shown by a queued call
        assert area.detail._used > 10
        win.grab().save(str(out / "4-search-item-hits.png"))

        editor = area.edit_selected()
        qtbot.waitExposed(editor)
        editor.title_edit.clear()
        editor.start_date.setText("2019-02-30")
        editor.custom_widget = editor._custom_widgets["amount_paid"]
        editor.custom_widget.setText("-5")
        editor.validate_now()
        editor.grab().save(str(out / "5-editor-validation.png"))
        editor.reject()

        items = area.edit_items()
        qtbot.waitExposed(items)
        items.grab().save(str(out / "6-items-editor.png"))
        items.reject()

        area.search_box.clear()
        wait_idle(qtbot, area)
        activate(qtbot, win)
        area.table.setFocus()
        scan(area.table, "Z109-LP.2021-D30-0001")
        qtbot.waitUntil(lambda: getattr(area, "unknown_box", None) is not None and area.unknown_box.isVisible(), timeout=2000)
        area.unknown_box.grab().save(str(out / "7-unknown-scan.png"))
        area.unknown_box.close()
        for png in out.glob("*.png"):
            assert png.stat().st_size > 5000
        win.scan_detector.uninstall()
    finally:
        set_language("zh_CN")
        install_translators(QApplication.instance(), "zh_CN")
