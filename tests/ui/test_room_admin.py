"""Setting up a new room through the window: the admin area, the welcome page of an empty catalogue, F1."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from archive_desk import app as app_module
from archive_desk.i18n import set_language
from archive_desk.services import catalogue, importer, room_settings
from archive_desk.services.audit import Actor
from archive_desk.ui import ops
from archive_desk.ui.views import welcome
from tests.conftest import settle_writes

ORG, ROOM = "临川市第一人民医院", "病案室"


@pytest.fixture
def window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    _app, win = app_module.start(tmp_path / "new.sqlite", settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    settle_writes(qtbot)
    if win.help_dialog is not None:
        win.help_dialog.close()
    win.ctx.db.dispose()


def _click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.replace(" ", "")


def _welcome_shown(qtbot, win) -> bool:  # noqa: ANN001
    catalogue_area = win.areas["catalogue"]
    qtbot.waitUntil(lambda: not catalogue_area._list_runner.busy, timeout=10000)
    return catalogue_area.welcome_shown()


def test_a_new_room_is_set_up_through_the_window_and_receives_its_register(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    import xlsxwriter

    cat_area = window.areas["catalogue"]
    qtbot.waitUntil(cat_area.welcome_shown, timeout=10000)
    _click(qtbot, cat_area.welcome.buttons["setup"])  # 设置全宗与门类
    admin = window.current_area()
    assert admin.area_id == "admin" and admin.current_page() == "fonds"

    # the particulars, with the header preview following what is typed
    page = admin.show_page("particulars")
    page.editors["org_name"].widget.setText(ORG)
    page.editors["room_name"].widget.setText(ROOM)
    page.editors["room_phone"].widget.setText("0794-1234567")
    assert ORG + ROOM in page.preview.text()
    _click(qtbot, page.save_button)
    assert room_settings.read(window.ctx.db).unit_name == ORG + ROOM

    # a fonds
    fonds = admin.show_page("fonds")
    fonds.code.setText("Z1")
    fonds.name.setText(ORG)
    _click(qtbot, fonds.add_button)
    assert [(r.code, r.name) for r in fonds.rows] == [("Z1", ORG)]

    # a category with its own 档号 rule, and a field
    cats = admin.show_page("categories")
    _click(qtbot, cats.findChild(type(cats.save_button), "newCategory"))
    cats.code.setText("DA")
    cats.name_zh.setText("档案")
    cats.name_en.setText("Records")
    cats.rule.setText("{fonds}-{category}·{year}-{volume:4}")
    assert cats.example.text() == "Z109-DA·2019-0001"
    cats.retention.setCurrentIndex(cats.retention.findData("Y"))
    _click(qtbot, cats.save_button)
    assert cats.selected().record.code == "DA"
    cats.field_zh.setText("病案号")
    cats.field_en.setText("Record no")
    _click(qtbot, cats.add_field_button)
    assert [f.label_zh for f in cats.selected().record.fields] == ["病案号"]

    # a room and a rack, through the shelves area's own dialogs
    shelves = window.show_area("shelves")
    room_dialog = shelves.open_room_dialog()
    room_dialog.name.setText("1号库房")
    room_dialog.findChild(type(room_dialog), None)  # noqa: B018 - the dialog is open
    room_dialog._on_buttons_accepted()
    settle_writes(qtbot)
    assert room_dialog.created is not None
    rack_dialog = shelves.open_rack_dialog()
    for spin, value in ((rack_dialog.columns, 2), (rack_dialog.sections, 1), (rack_dialog.layers, 2)):
        spin.setValue(value)
    _click(qtbot, rack_dialog.create_button)
    assert rack_dialog.created is not None

    # the register
    path = tmp_path / "register.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "案卷题名", "年度"])
    sheet.write_row(1, 0, ["Z1-DA·2021-0001", "二〇二一年病案第一卷", 2021])
    sheet.write_row(2, 0, ["Z1-DA·2021-0002", "二〇二一年病案第二卷", 2021])
    book.close()
    result = importer.commit(window.ctx.db, Actor("clerk1", "ws-test-1"), importer.plan(window.ctx.db, path))
    assert result.created == 2
    window._on_import_wizard_imported(result)  # what the wizard tells the window
    window.show_area("catalogue")
    qtbot.waitUntil(lambda: not cat_area.welcome_shown() and cat_area.model.rowCount() == 2, timeout=10000)

    # a rendered form carries the room's own name
    pdf = admin.show_page("particulars").sample_pdf()
    text = _pdf_text(pdf, tmp_path)
    assert ORG + ROOM in text and "Z1-DA·2021-0001" in text


def test_the_welcome_page_goes_once_the_first_volume_is_made(window, qtbot) -> None:  # noqa: ANN001
    cat_area = window.areas["catalogue"]
    assert _welcome_shown(qtbot, window)
    assert set(cat_area.welcome.buttons) == set(welcome.ACTIONS)
    with window.ctx.db.write() as s:
        fonds = catalogue.create_fonds(s, Actor("a", "b"), "Z1", ORG)
        cat = catalogue.get_category(s, code="WS")
    data = {"fonds_id": fonds.id, "category_id": cat.id, "year": 2021, "retention": "D30", "title": "第一卷", "box_no": 1,
            "org_code": "BGS"}
    ops.run_op(cat_area, catalogue.create_volume, window.ctx.actor, data)
    settle_writes(qtbot)
    qtbot.waitUntil(lambda: not cat_area.welcome_shown() and cat_area.model.rowCount() == 1, timeout=10000)
    assert cat_area.body.currentWidget() is cat_area.splitter


def test_each_way_in_is_one_click_away(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    started: list[list[str]] = []
    monkeypatch.setattr(welcome, "start_app", lambda args: started.append(args) or True)
    cat_area = window.areas["catalogue"]
    assert _welcome_shown(qtbot, window)
    _click(qtbot, cat_area.welcome.buttons["shelves"])
    assert window.current_area().area_id == "shelves"
    window.show_area("catalogue")
    _click(qtbot, cat_area.welcome.buttons["import"])
    assert window.import_wizard.isVisible()
    window.import_wizard.reject()
    _click(qtbot, cat_area.welcome.buttons["demo"])
    assert started == [["--open-demo"]]
    _click(qtbot, cat_area.welcome.buttons["server"])
    dialog = cat_area.findChild(welcome.ServerDialog)
    dialog.host.setText("archive-server")
    dialog.user.setText("clerk")
    dialog.buttons.accepted.emit()
    assert started[-1] == ["--db", "postgresql://clerk@archive-server:5432/archive_desk"]


@pytest.mark.parametrize(("lang", "area_id", "heading"), [
    ("zh_CN", "lending", "借阅"), ("zh_CN", "admin", "设置"), ("en", "lending", "Lending"), ("en", "stocktake", "Stocktake"),
])
def test_f1_opens_the_guide_at_the_section_of_the_area_on_screen(window, qtbot, lang, area_id, heading) -> None:  # noqa: ANN001
    set_language(lang)
    window.show()
    window.show_area(area_id)
    window.help_action.trigger()
    dialog = window.help_dialog
    assert dialog.isVisible() and dialog.lang == lang
    qtbot.waitUntil(lambda: dialog.heading_at_top() == heading, timeout=5000)
    assert ("扫码枪" if lang == "zh_CN" else "barcode scanner") in dialog.browser.toPlainText()


def test_a_rule_change_names_the_volumes_that_do_not_fit_and_can_be_undone(window, qtbot) -> None:  # noqa: ANN001
    actor = Actor("clerk1", "ws-test-1")
    with window.ctx.db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "Z109", ORG)
        lp = catalogue.get_category(s, code="LP")
        made = [catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2019,
                                                   "retention": "D30", "title": f"理赔案卷{i}"}).code for i in range(3)]
    cats = window.show_area("admin").show_page("categories")
    cats.load()
    assert cats.select_code("LP")
    old_rule = cats.rule.text()
    cats.rule.setText("{fonds}-{category}·{year}-{retention}-{volume:3}")  # LP numbers have 4 digits
    _click(qtbot, cats.save_button)
    assert cats.misfits.isVisible() and "3" in cats.misfit_text.text()
    assert [cats.misfits.item(i).text() for i in range(cats.misfits.count())] == sorted(made)
    with window.ctx.db.read() as s:
        assert catalogue.get_category(s, code="LP").code_pattern == old_rule  # refused until confirmed
    _click(qtbot, cats.anyway_button)
    with window.ctx.db.read() as s:
        assert catalogue.get_category(s, code="LP").code_pattern.endswith("{volume:3}")
    assert not cats.misfits.isVisible()
    _click(qtbot, cats.undo_button)
    with window.ctx.db.read() as s:
        assert catalogue.get_category(s, code="LP").code_pattern == old_rule


def test_a_lending_setting_is_saved_and_undone(window, qtbot) -> None:  # noqa: ANN001
    page = window.show_area("admin").show_page("lending")
    page.editors["loan_period_days"].widget.setValue(30)
    level, outside, _take, _uses = page.editors["approval_rules"].rule_widgets
    level.setCurrentIndex(level.findData("机密"))
    outside.setChecked(False)
    _click(qtbot, page.save_button)
    rs = room_settings.read(window.ctx.db)
    assert rs.loan_period_days == 30 and rs.approval_rules["security_at_or_above"] == "机密"
    assert not rs.approval_rules["outside_borrowers"]
    _click(qtbot, page.undo_button)
    rs = room_settings.read(window.ctx.db)
    assert rs.loan_period_days == 14 and rs.approval_rules["security_at_or_above"] == "秘密"
    page.editors["loan_period_days"].widget.setValue(400)
    _click(qtbot, page.save_button)
    assert "366" in page.problem.text() and room_settings.read(window.ctx.db).loan_period_days == 14


def test_both_guides_have_a_section_for_every_area_and_the_first_day() -> None:
    from archive_desk.ui import help as guide
    from archive_desk.ui.areas import AREAS

    wanted = {guide.section_for(area_id) for area_id, _module in AREAS} | {"first-day", "scanning", "backups"}
    zh, en = guide.load_guide("zh_CN")[1], guide.load_guide("en")[1]
    assert wanted <= set(zh) and set(zh) == set(en)
    assert "{#" not in guide.load_guide("zh_CN")[0]


def test_a_deactivated_fonds_is_not_offered_for_a_new_volume(window, qtbot) -> None:  # noqa: ANN001
    from archive_desk.ui.dialogs.volume_editor import VolumeEditor

    fonds = window.show_area("admin").show_page("fonds")
    for code in ("Z1", "Z2"):
        fonds.code.setText(code)
        fonds.name.setText(f"全宗{code}")
        _click(qtbot, fonds.add_button)
    assert fonds.selected().code == "Z2"
    _click(qtbot, fonds.active_button)
    assert [(r.code, r.active) for r in fonds.rows] == [("Z1", True), ("Z2", False)]
    editor = VolumeEditor(window.ctx, parent=window)
    qtbot.addWidget(editor)
    assert [f.code for f in editor.fonds_list] == ["Z1"]


def _select_field(cats, key: str) -> None:  # noqa: ANN001
    for i in range(cats.fields.topLevelItemCount()):
        if cats.fields.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == key:
            cats.fields.setCurrentItem(cats.fields.topLevelItem(i))
            return
    raise AssertionError(key)


def test_a_field_is_marked_as_personal_data_and_masked_for_those_without_the_right(window, qtbot) -> None:  # noqa: ANN001
    from archive_desk.services import masking

    cats = window.show_area("admin").show_page("categories")
    cats.load()
    assert cats.select_code("LP")
    _select_field(cats, "policy_no")
    assert cats.fields.currentItem().text(5) == ""  # the policy number is not personal data by default
    cats.field_personal.setCurrentIndex(cats.field_personal.findData("id"))
    _click(qtbot, cats.personal_button)
    with window.ctx.db.read() as s:
        lp = catalogue.get_category(s, code="LP")
    assert {f.key: f.personal for f in lp.fields}["policy_no"] == "id"
    desk = Actor("desk", "ws", role="desk", clearance="内部", authenticated=True)
    kinds = {f.key: f.personal for f in lp.fields if f.personal}
    assert masking.mask_custom(desk, "公开", {"policy_no": "PDZA20190000123456"}, kinds)["policy_no"] == "PDZA**********3456"


def test_only_the_security_administrator_may_mark_personal_data(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from archive_desk.errors import UserError
    from archive_desk.services import masking

    _app, win = app_module.start(tmp_path / "new.sqlite", settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    try:
        archivist = Actor("li", "ws", role="archivist", clearance="秘密", authenticated=True)
        from dataclasses import replace

        from archive_desk.ui.areas.admin.categories_page import CategoriesPage

        page = CategoriesPage(replace(win.ctx, actor=archivist))
        qtbot.addWidget(page)
        page.load()
        assert page.select_code("LP")
        _select_field(page, "policy_no")
        from archive_desk.services import permissions

        assert not page.personal_button.isEnabled()  # and it says whose it is not
        assert permissions.role_name("archivist") in page.personal_button.toolTip()
        with win.ctx.db.read() as s:
            lp_id = catalogue.get_category(s, code="LP").id
        with pytest.raises(UserError), win.ctx.db.write() as s:
            masking.set_field_personal(s, archivist, lp_id, "policy_no", "id")
        secadmin = Actor("sec", "ws", role="secadmin", clearance="公开", authenticated=True)
        with win.ctx.db.write() as s:
            assert masking.set_field_personal(s, secadmin, lp_id, "policy_no", "id") == "id"
    finally:
        settle_writes(qtbot)
        win.ctx.db.dispose()
