"""The loan desk offers the service (查阅 / 复制 / 借出) and, for personal records asked for from outside, the
requester's proofs as a checklist: an insurer's clerk gets a stamped copy of a 病案, the original stays 在库."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import settle_writes
from PySide6.QtCore import Qt

from archive_desk import app as app_module
from archive_desk.services import catalogue, loans
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings


def seed(path: Path) -> catalogue.VolumeRecord:
    db = open_catalogue(path)
    actor = Actor("clerk1", "desk-1")
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, actor, "Y201", "临川市第一人民医院")
            bl = catalogue.get_category(s, code="BL")
            vol = catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": bl.id, "year": 2005, "retention": "D30",
                                                     "pages": 60, "title": "王某住院病案", "custom": {"record_no": "0012345", "patient": "王某"}})
            loans.create_borrower(s, actor, {"name": "钱理赔", "unit": "某人寿保险公司理赔部", "kind": "outside", "card_no": "W0002",
                                             "id_number": "11010519491231002X"})
    finally:
        db.dispose()
    return vol


def test_an_insurers_clerk_gets_a_stamped_copy_at_the_desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "catalogue.sqlite"
    vol = seed(path)
    Settings(language="zh_CN").save(tmp_path / "settings.json")  # the room's language, whatever the test machine's
    _app, window = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    try:
        area = window.show_area("lending")
        lend = area.lend
        area.tabs.setCurrentWidget(lend)
        monkeypatch.setattr(area, "print_slip", lambda loan_id: None)
        lend.borrower_edit.setText("W0002")
        lend._on_borrower_edit_returnPressed()
        assert lend.add_volume(vol.barcode)
        assert lend.request_box.isVisible()  # a personal record asked for from outside
        lend.purpose.setCurrentText("保险理赔")
        lend.use_mode.setCurrentText("外借")
        assert lend.due.isEnabled() and "借出" in lend.service_info.text()
        lend.requester.setCurrentIndex(lend.requester.findData("insurer"))
        lend.approver.setText("王建国")
        lend.opinion.setText("同意复制")
        lend.lend()
        settle_writes(qtbot)
        assert "保险机构不得借出" in lend.message.text()  # the 外借 of an original 病案: refused, clearly
        lend.use_mode.setCurrentText("复制")
        assert not lend.due.isEnabled() and lend.copy_box.isVisible()
        lend.copy_parts.setText("出院记录、费用清单")
        lend.copy_pages.setValue(6)
        lend.copy_fee.setValue(3.0)
        lend.copy_stamped.setChecked(True)
        proofs = [lend.proofs.item(i) for i in range(lend.proofs.count())]
        assert [p.text() for p in proofs][:2] == ["经办人有效工作证件", "患者本人或其代理人同意的法定证明材料"]
        proofs[0].setCheckState(Qt.CheckState.Checked)
        lend.lend()
        settle_writes(qtbot)
        assert "患者本人或其代理人同意的法定证明材料" in lend.message.text()  # refused until every proof is ticked
        for p in proofs:
            p.setCheckState(Qt.CheckState.Checked)
        window.grab().save(str(tmp_path / "lending-copy.png"))  # zh_CN, for a person to look at
        lend.lend()
        settle_writes(qtbot)
        assert "JY" in lend.message.text()
        with window.ctx.db.read() as s:
            assert catalogue.get_volume(s, vol.id).status == "in_stock"
            row = loans.register(s)[0]
        assert (row.service, row.copy_pages, row.fee_fen, row.stamped, row.due_date) == ("copy", 6, 300, True, None)
    finally:
        window.close()
