"""The lend panel on a catalogue with accounts (issue #16): the approval is an account chosen from those that may
approve (confirmed with its password in a small dialog) or a paper approval, never a typed name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from sqlalchemy import select

from archive_desk.app import start
from archive_desk.models import Volume
from archive_desk.services import accounts, catalogue, loans
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from conftest import settle_writes

PASSWORD = "window pw 1"


@pytest.fixture
def desk_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "approvals.sqlite"
    db = open_catalogue(path)
    clerk = Actor("clerk", "ws")
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, clerk, "Z109", "江南财产保险股份有限公司临川分公司")
            lp = catalogue.get_category(s, code="LP")
            for i in range(2):
                catalogue.create_volume(s, clerk, {
                    "fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30", "pages": 30,
                    "security": "秘密", "title": f"秘密理赔案卷{i}", "custom": {"claim_no": f"PDAA20190{i}"}})
            loans.create_borrower(s, clerk, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
            accounts.create_first_admin(s, clerk, "boss", PASSWORD)
        admin = accounts.login(db, "boss", PASSWORD, "ws")
        with db.write() as s:
            accounts.add_account(s, admin, "wang", PASSWORD, "archivist", display_name="王建国", clearance="秘密",
                                 must_change=False)
            accounts.add_account(s, admin, "low", PASSWORD, "archivist", clearance="内部", must_change=False)
            accounts.add_account(s, admin, "zhao", PASSWORD, "desk", clearance="内部", must_change=False)
    finally:
        db.dispose()
    return path


def test_the_desk_lends_a_secret_volume_with_an_accounts_approval_or_a_paper_one(
        qtbot, desk_catalogue: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARCHIVE_DESK_USER", "zhao")
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", PASSWORD)
    _app, window = start(desk_catalogue)
    qtbot.addWidget(window)
    area = window.show_area("lending")
    monkeypatch.setattr(area, "print_slip", lambda loan_id: None)
    lend = area.lend
    area.tabs.setCurrentWidget(lend)
    with window.ctx.db.read() as s:
        borrower = loans.find_borrower_by_card(s, "YG0001")
        first, second = s.scalars(select(Volume.code).order_by(Volume.id)).all()
    assert borrower is not None
    lend.set_borrower(borrower)
    lend.add_volume(first)
    lend.use_mode.setCurrentText("外借")
    assert lend.approval.isVisible()
    # only the archivist cleared for 秘密 is offered; no typed name
    offered = [lend.approver_account.itemData(i) for i in range(lend.approver_account.count())]
    assert offered == ["wang"]
    assert lend.approver_account.isVisible() and not lend.approver.isVisible()
    asked: list[tuple[str, str | None]] = []
    monkeypatch.setattr(lend, "confirm_approver", lambda user, security: asked.append((user, security)) or PASSWORD)
    lend.opinion.setText("同意")
    window.grab().save(str(tmp_path / "lend-approval-account.png"))
    qtbot.mouseClick(lend.lend_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    assert asked == [("wang", "秘密")]
    with window.ctx.db.read() as s:
        made = loans.open_loans(s)
    assert len(made) == 1 and made[0].approval["username"] == "wang" and made[0].approver == "王建国"

    # a paper approval: name, form no., date; marked as such
    lend.set_borrower(borrower)
    lend.add_volume(second)
    lend.use_mode.setCurrentText("外借")
    lend.approval_kind.setCurrentIndex(lend.approval_kind.findData("paper"))
    assert lend.approver.isVisible() and lend.approval_form_no.isVisible() and not lend.approver_account.isVisible()
    lend.approver.setText("李科长")
    lend.approval_form_no.setText("SP-031")
    lend.approval_date.setDate(QDate.currentDate().addDays(-1))
    lend.opinion.setText("同意")
    window.grab().save(str(tmp_path / "lend-approval-paper.png"))
    qtbot.mouseClick(lend.lend_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    with window.ctx.db.read() as s:
        paper = [ln for ln in loans.open_loans(s) if ln.approval and ln.approval["kind"] == "paper"]
    assert len(paper) == 1 and "SP-031" in paper[0].approver_text
