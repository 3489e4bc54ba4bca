"""Documents printed from the lending area are masked for the account that prints them, and one that shows a
borrower's phone unmasked is logged through the window's write runner (issue 16, items 3-4)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from archive_desk.db.engine import Database
from archive_desk.services import loans, masking
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui.areas.lending.area import LendingArea
from archive_desk.ui.context import AppContext
from tests.conftest import settle_writes

DESK = Actor("desk", "ws", role="desk", clearance="内部", authenticated=True)
ARCHIVIST = Actor("archivist", "ws", role="archivist", clearance="秘密", authenticated=True)
MASK = "（密级高于您的权限）"


def _area(qtbot, db: Database, who: Actor) -> LendingArea:  # noqa: ANN001
    area = LendingArea(AppContext(db=db, actor=who, settings=Settings(), catalogue_path=Path("x")))
    qtbot.addWidget(area)
    return area


def test_the_slip_printed_from_the_lending_area_is_masked_and_an_unmasked_one_logged(
        qtbot, db: Database, actor: Actor, make_volume, monkeypatch) -> None:  # noqa: ANN001
    hidden = make_volume(title="鲲鹏计划涉密理赔案卷", security="秘密")
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111", "card_no": "yg0001"})
        lent = loans.lend(s, actor, borrower.id, [hidden.id], "工作查考", "外借", date.today() + timedelta(days=14),
                          approver="王建国", opinion="同意")

    slips: list = []
    real = loans.slip_data

    def spy(session, loan_id, viewer=None):  # noqa: ANN001, ANN202
        slips.append(slip := real(session, loan_id, viewer))
        return slip

    monkeypatch.setattr(loans, "slip_data", spy)  # the area calls loans.slip_data: see what it was given back
    _area(qtbot, db, DESK).print_slip(lent.id).close()
    settle_writes(qtbot)
    assert (slips[-1].lines[0].title, slips[-1].phone) == (MASK, "138****1111")
    with db.read() as s:
        assert masking.list_access(s) == []  # the desk saw it masked
    _area(qtbot, db, ARCHIVIST).print_slip(lent.id).close()
    settle_writes(qtbot)
    assert slips[-1].phone == "13800001111"
    with db.read() as s:
        assert [(e.user, e.action, e.subject, e.fields) for e in masking.list_access(s)] == [
            ("archivist", "print", f"borrower:{borrower.id}", ("phone",))]
