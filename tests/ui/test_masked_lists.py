"""On-screen lists outside the catalogue are masked for the account that looks at them (issue 16, item 3): a
机密 volume, above the reader's, the desk's and the archivist's clearance, shows （密级高于您的权限） for its title in the transfers, appraisal,
stocktake and lending lists and in the items editor, its 档号 unchanged; a borrower's phone is masked for an
account without the personal-data right. The masking is done by the services, so the command line gets the same."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel

from archive_desk.db.engine import Database
from archive_desk.services import catalogue, locations, loans, stocktake, transfers
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")
READER = Actor("reader", "ws", role="reader", clearance="公开", authenticated=True)
DESK = Actor("desk", "ws", role="desk", clearance="内部", authenticated=True)
ARCHIVIST = Actor("archivist", "ws", role="archivist", clearance="秘密", authenticated=True)
MASK = "（密级高于您的权限）"
SECRET_TITLE = "鲲鹏计划涉密理赔案卷"


def _ctx(db: Database, who: Actor) -> AppContext:
    return AppContext(db=db, actor=who, settings=Settings(), catalogue_path=Path("x"))


def _cells(model: QAbstractItemModel, row: int) -> list[object]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_transfer_and_appraisal_lines_mask_a_hidden_title(qtbot, db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.areas.transfers.appraisal_page import AppraisalPage
    from archive_desk.ui.areas.transfers.batch_page import BatchPage

    hidden = make_volume(title=SECRET_TITLE, security="机密")
    open_ = make_volume(title="公开理赔案卷")
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", to_unit="市档案馆")
        added = transfers.add_volumes(s, ARCHIVIST, batch.id, [hidden.id, open_.id])
        appraisal = transfers.create_appraisal(s, actor, 2024)
        transfers.add_appraisal_volumes(s, actor, appraisal.id, [hidden.id])
        receiving = transfers.create_batch(s, actor, "in", from_unit="理赔部")
        listed = transfers.add_line(s, actor, receiving.id, {"code": "Z109-LP·2019-D30-0999", "title": "尚未进馆的涉密案卷",
                                                             "security": "机密"})
    assert [ln.title for ln in added.added] == [MASK, "公开理赔案卷"]  # what the clerk who added them is told

    page = BatchPage(_ctx(db, READER), "out")
    qtbot.addWidget(page)
    page.show_batch(batch.id)
    row = _cells(page.model, 0)
    assert row[1] == hidden.code and row[2] == MASK and SECRET_TITLE not in row
    assert _cells(page.model, 1)[2] == "公开理赔案卷"
    if SHOTS:
        page.resize(1100, 500)
        page.grab().save(str(Path(SHOTS) / "transfer_lines_reader_masked.png"))

    appraisal_page = AppraisalPage(_ctx(db, READER))
    qtbot.addWidget(appraisal_page)
    appraisal_page.show_list(appraisal.id)
    assert _cells(appraisal_page.model, 0)[1:3] == [hidden.code, MASK]

    with db.read() as s:  # a line not received yet is masked by the 密级 it was listed with
        assert [ln.title for ln in transfers.list_lines(s, receiving.id, ARCHIVIST)] == [MASK]
        assert [ln.title for ln in transfers.list_lines(s, batch.id)] == [SECRET_TITLE, "公开理赔案卷"]
    with db.write() as s:  # the line dialog sends the masked title back unchanged: the stored title stays
        changed = transfers.update_line(s, ARCHIVIST, listed.id, {"title": MASK, "pages": 12})
    assert (changed.title, changed.pages) == (MASK, 12)
    with db.read() as s:
        assert transfers.list_lines(s, receiving.id)[0].title == "尚未进馆的涉密案卷"


def test_stocktake_lines_mask_a_hidden_title(qtbot, db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.areas.stocktake import StocktakeArea

    hidden = make_volume(title=SECRET_TITLE, security="机密")
    with db.write() as s:
        room = locations.create_room(s, actor, 1, "K1", "1号库房")
        rack = locations.create_rack(s, actor, room.id, 1, sides=1, columns=1, sections=1, layers=1)
        [layer] = locations.list_layers(s, rack.id)
        locations.place_volume(s, actor, hidden.id, layer.id)
        st = stocktake.start(s, actor, "年度盘点", stocktake.Scope(racks=(rack.id,)))
        layer_scan = stocktake.record_scan(s, ARCHIVIST, st.id, layer.barcode)
    assert [(ln.code, ln.title) for ln in layer_scan.expected] == [(hidden.code, MASK)]  # the live list as the scan fills it

    area = StocktakeArea(_ctx(db, READER))
    qtbot.addWidget(area)
    area.resume(st.id)
    row = _cells(area.lines_model, 0)
    assert row[1] == hidden.code and row[2] == MASK and SECRET_TITLE not in row
    with db.write() as s:
        found = stocktake.record_scan(s, ARCHIVIST, st.id, hidden.barcode)
    assert found.line is not None and (found.line.code, found.line.title) == (hidden.code, MASK)
    with db.write() as s:
        stocktake.finish(s, actor, st.id)  # what is frozen is the catalogue's text, not one account's view of it
    with db.read() as s:
        _record, lines, *_ = stocktake.lines_for_report(s, st.id)
    assert [ln.title for ln in lines] == [SECRET_TITLE]


def test_lending_lists_mask_hidden_titles_and_phones(qtbot, db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.areas.lending.area import LendingArea

    hidden = make_volume(title=SECRET_TITLE, security="机密")
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111",
                                                    "id_number": "110101199003071233", "card_no": "yg0001"})
        lent = loans.lend(s, actor, borrower.id, [hidden.id], "工作查考", "外借", date.today() + timedelta(days=14),
                          approver="王建国", opinion="同意")

    area = LendingArea(_ctx(db, DESK))
    qtbot.addWidget(area)
    area.open_loans.refresh()
    assert area.open_loans.select_slip(lent.slip_no)
    lines = area.open_loans.lines.model()
    assert _cells(lines, 0)[:2] == [hidden.code, MASK]

    assert area.returns.add_volume(hidden.code)
    assert _cells(area.returns.table.model(), 0)[:2] == [hidden.code, MASK]

    assert area.lend.add_volume(hidden.code)  # on loan: listed, not lendable, its title still masked
    assert _cells(area.lend.table.model(), 0)[:2] == [hidden.code, MASK]

    area.borrowers.refresh()
    row = _cells(area.borrowers.table.model(), 0)
    assert "138****1111" in row and "13800001111" not in row and "110101199003071233" not in row
    if SHOTS:
        area.borrowers.resize(900, 300)
        area.borrowers.grab().save(str(Path(SHOTS) / "borrowers_desk_masked.png"))
    with db.read() as s:
        [found] = loans.search_borrowers(s, "张伟", viewer=DESK)
        assert (found.phone, found.id_number) == ("138****1111", "1101**********1233")
        assert loans.search_borrowers(s, "张伟", viewer=ARCHIVIST)[0].phone == "13800001111"
    with db.write() as s:  # the desk edits the unit; the phone and ID number it was shown masked come back as shown
        loans.update_borrower(s, DESK, found.id, found.version, {"unit": "核赔部", "phone": found.phone,
                                                                 "id_number": found.id_number})
    with db.read() as s:
        b = loans.get_borrower(s, borrower.id)
    assert (b.unit, b.phone, b.id_number) == ("核赔部", "13800001111", "110101199003071233")


def test_items_editor_masks_a_hidden_volume(qtbot, db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.dialogs.items_editor import ItemsEditor

    hidden = make_volume(title=SECRET_TITLE, security="机密")
    with db.write() as s:
        catalogue.add_item(s, actor, hidden.id, {"title": "鲲鹏计划查勘报告", "pages": 2})
    editor = ItemsEditor(_ctx(db, READER), hidden.id)
    qtbot.addWidget(editor)
    assert hidden.code in editor.heading.text() and MASK in editor.heading.text() and "鲲鹏" not in editor.heading.text()
    title = editor.model.COLUMNS.index("title")
    assert editor.model.data(editor.model.index(0, title)) == MASK


def test_a_borrower_chosen_for_a_loan_is_logged_when_their_phone_is_shown(qtbot, db: Database, actor: Actor) -> None:  # noqa: ANN001
    from archive_desk.services import masking
    from archive_desk.ui.areas.lending.area import LendingArea
    from tests.conftest import settle_writes

    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111", "card_no": "yg0001"})
    for who in (DESK, ARCHIVIST):
        area = LendingArea(_ctx(db, who))
        qtbot.addWidget(area)
        with db.read() as s:
            area.lend.set_borrower(loans.find_borrower_by_card(s, "yg0001", who))
        settle_writes(qtbot)
    assert "13800001111" in area.lend.borrower_info.text()  # the archivist, last, sees it whole
    with db.read() as s:  # the desk saw it masked: only the archivist's view is logged
        assert [(e.user, e.action, e.subject, e.fields) for e in masking.list_access(s)] == [
            ("archivist", "view", f"borrower:{borrower.id}", ("phone",))]
