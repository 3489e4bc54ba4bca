"""Borrowers' personal data on screen (issue 16, review items 2-3): an account without the personal-data right does
not find a borrower by phone digits (it would tell whose number it is), and the lists and dialogs that show phones
unmasked to an account with the right log a "view" per borrower shown, in one write per load (not per repaint)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from archive_desk.db.engine import Database
from archive_desk.services import loans, masking
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext
from tests.conftest import settle_writes

DESK = Actor("desk", "ws", role="desk", clearance="内部", authenticated=True)
ARCHIVIST = Actor("archivist", "ws", role="archivist", clearance="秘密", authenticated=True)
DESK_WITH_RIGHT = Actor("desk2", "ws", role="desk", clearance="内部", rights=frozenset({"personal_data"}), authenticated=True)


def _ctx(db: Database, who: Actor) -> AppContext:
    return AppContext(db=db, actor=who, settings=Settings(), catalogue_path=Path("x"))


@pytest.fixture
def borrowers(db: Database, actor: Actor) -> list[loans.BorrowerRecord]:
    with db.write() as s:
        return [loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111",
                                                 "id_number": "110101199003071233", "card_no": "yg0001"}),
                loans.create_borrower(s, actor, {"name": "李娜", "unit": "核保部", "phone": "13900002222", "card_no": "yg0002"})]


def _log(db: Database) -> list[tuple[str, str, str, tuple[str, ...]]]:
    with db.read() as s:
        return [(e.user, e.action, e.subject, e.fields) for e in reversed(masking.list_access(s))]


def test_a_desk_without_the_right_does_not_find_a_borrower_by_phone(db: Database, borrowers) -> None:  # noqa: ANN001
    zhang = borrowers[0]
    with db.read() as s:
        for digits in ("13800001111", "0000111", "1111"):
            assert loans.search_borrowers(s, digits, viewer=DESK) == [], digits
            assert [b.id for b in loans.search_borrowers(s, digits, viewer=ARCHIVIST)] == [zhang.id], digits
        assert [b.id for b in loans.search_borrowers(s, digits, viewer=DESK_WITH_RIGHT)] == [zhang.id]
        assert [b.id for b in loans.search_borrowers(s, "1111")] == [zhang.id]  # no accounts: as before
        # name, unit and card number still find them, masked
        for text in ("张伟", "理赔部", "yg0001", "YG0001"):
            [found] = loans.search_borrowers(s, text, viewer=DESK)
            assert (found.id, found.phone) == (zhang.id, "138****1111"), text
        assert loans.find_borrower_by_card(s, "yg0001", DESK).phone == "138****1111"
        assert loans.find_borrower_by_card(s, "13800001111", DESK) is None


def test_a_duplicate_id_number_names_its_holder_only_to_whom_may_see_it(db: Database, borrowers) -> None:  # noqa: ANN001
    """Registering a borrower whose ID number is taken says who holds it: masked (张*) for a desk without the
    personal-data right, so typing numbers cannot tell it whose they are; in full for the archivist."""
    from archive_desk.errors import DuplicateCodeError

    taken = {"name": "王五", "unit": "客服部", "id_number": "110101199003071233"}
    for who, shown in ((DESK, "张*"), (ARCHIVIST, "张伟")):
        with pytest.raises(DuplicateCodeError) as refused, db.write() as s:
            loans.create_borrower(s, who, taken)
        assert shown in refused.value.message and (who is ARCHIVIST or "张伟" not in refused.value.message)


def test_the_borrowers_list_logs_the_phones_it_shows_once_per_load(qtbot, db: Database, borrowers) -> None:  # noqa: ANN001
    from archive_desk.ui.areas.lending.area import LendingArea

    zhang, li = borrowers
    desk = LendingArea(_ctx(db, DESK))  # sees them masked: nothing to log
    qtbot.addWidget(desk)
    desk.borrowers.refresh()
    _settle_list(qtbot, desk)
    assert _log(db) == []

    area = LendingArea(_ctx(db, ARCHIVIST))
    qtbot.addWidget(area)
    area.borrowers.refresh()
    _settle_list(qtbot, area)
    assert area.borrowers.table.rowCount() == 2
    one_load = [("archivist", "view", f"borrower:{li.id}", ("phone",)), ("archivist", "view", f"borrower:{zhang.id}", ("phone",))]
    assert sorted(_log(db)) == sorted(one_load)
    with db.read() as s:
        assert len({e.at for e in masking.list_access(s)}) == 1  # one write for the whole list
    area.borrowers.table.viewport().repaint()  # a repaint is not a load
    area.borrowers.table.selectRow(1)
    settle_writes(qtbot)
    assert len(_log(db)) == 2
    for typed in ("张", "张伟"):  # a name typed letter by letter: one view of what the list settles on
        area.borrowers.search.setText(typed)
    _settle_list(qtbot, area)
    assert _log(db)[2:] == [("archivist", "view", f"borrower:{zhang.id}", ("phone",))]


def _settle_list(qtbot, area) -> None:  # noqa: ANN001
    """Wait until the borrowers list has settled and its log write is done."""
    qtbot.waitUntil(lambda: not area.borrowers.log_timer.isActive(), timeout=5000)
    settle_writes(qtbot)


def test_the_edit_dialog_and_the_picker_log_once_per_open(qtbot, db: Database, borrowers,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.ui.areas.lending.area import LendingArea
    from archive_desk.ui.dialogs.lending import BorrowerDialog, BorrowerPickerDialog

    zhang, li = borrowers
    area = LendingArea(_ctx(db, ARCHIVIST))
    qtbot.addWidget(area)
    area.borrowers.search.setText("yg0001")
    _settle_list(qtbot, area)
    before = len(_log(db))
    opened: list[BorrowerDialog] = []

    def cancel(dialog: BorrowerDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(BorrowerDialog, "exec", cancel)
    area.borrowers.table.selectRow(0)
    area.borrowers.edit_selected()
    settle_writes(qtbot)
    assert opened and opened[0].phone.text() == "13800001111"
    assert _log(db)[before:] == [("archivist", "view", f"borrower:{zhang.id}", ("phone",))]

    monkeypatch.setattr(BorrowerPickerDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    before = len(_log(db))
    area.lend.borrower_edit.setText("部")  # both units: the picker lists both
    area.lend._on_borrower_edit_returnPressed()
    settle_writes(qtbot)
    assert sorted(_log(db)[before:]) == sorted([("archivist", "view", f"borrower:{zhang.id}", ("phone",)),
                                                ("archivist", "view", f"borrower:{li.id}", ("phone",))])


def test_the_overdue_view_logs_the_phones_it_shows(qtbot, db: Database, actor: Actor, borrowers, make_volume) -> None:  # noqa: ANN001
    from sqlalchemy import update

    from archive_desk.models import Loan
    from archive_desk.ui.areas.lending.area import LendingArea

    zhang = borrowers[0]
    volume = make_volume(title="公开理赔案卷")
    with db.write() as s:
        lent = loans.lend(s, actor, zhang.id, [volume.id], "工作查考", "外借", date.today() + timedelta(days=14),
                          approver="王建国", opinion="同意")
        s.execute(update(Loan).where(Loan.id == lent.id).values(due_date=date.today() - timedelta(days=3)))
    for who in (DESK, ARCHIVIST):
        area = LendingArea(_ctx(db, who))
        qtbot.addWidget(area)
        area.overdue_panel.refresh()
        settle_writes(qtbot)
        assert area.overdue_panel.table.rowCount() == 1
    assert area.overdue_panel.table.item(0, 4).text() == "13800001111"
    assert _log(db) == [("archivist", "view", f"borrower:{zhang.id}", ("phone",))]
