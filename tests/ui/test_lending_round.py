"""A full round at the loan desk, driven through the real main window with scanner bursts:
lend three volumes to an outside borrower with approval, print the slip, return two, renew one, let it go
overdue, print the reminder."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from archive_desk import app as app_module
from archive_desk.services import catalogue, loans
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.dialogs import lending as dialogs
from conftest import settle_writes


def seed(path: Path) -> dict[str, object]:
    db = open_catalogue(path)
    actor = Actor("clerk1", "desk-1")
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司临川分公司")
            lp = catalogue.get_category(s, code="LP")
            vols = [catalogue.create_volume(s, actor, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30", "pages": pages, "security": sec,
                "title": title, "custom": {"claim_no": f"PDAA2019000{i}", "insured": title[:2]}})
                for i, (title, pages, sec) in enumerate([("张伟机动车辆保险追尾事故理赔案卷", 42, "公开"),
                                                         ("王芳家庭财产保险暴雨水淹理赔案卷", 35, "秘密"),
                                                         ("江南物流有限公司货物运输保险火灾理赔案卷", 58, "公开")])]
            outsider = loans.create_borrower(s, actor, {"name": "李明", "unit": "临川市中级人民法院", "phone": "0794-8221234",
                                                        "id_number": "11010519491231002X", "kind": "outside", "card_no": "W0001"})
            loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
    finally:
        db.dispose()
    return {"volumes": vols, "borrower": outsider}


def burst(widget, payload: str) -> None:  # noqa: ANN001
    """What a keyboard-wedge scanner does: the code typed very fast, then Enter."""
    QTest.keyClicks(widget, payload)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def assert_fonts_embedded(path: Path) -> None:
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), rows


def test_full_round_at_the_loan_desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001, PLR0915
    path = tmp_path / "catalogue.sqlite"
    data = seed(path)
    a, b, c = data["volumes"]  # type: ignore[misc]
    Settings(language="zh_CN").save(tmp_path / "settings.json")  # the room's language, whatever the test machine's
    _app, window = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    saved: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(saved[-1]), "PDF (*.pdf)"))
    try:
        area = window.show_area("lending")
        nav = window.nav.item(window.stack.indexOf(area))
        assert nav.text() == "借阅"  # nothing overdue: no badge
        lend = area.lend
        area.tabs.setCurrentWidget(lend)  # the area reopens on the tab last used (QSettings): start at the desk

        # -- lend: the borrower's card, then the volumes (one scanned twice)
        burst(lend.borrower_edit, "W0001")
        qtbot.waitUntil(lambda: lend.borrower is not None, timeout=3000)
        assert "李明" in lend.borrower_info.text() and "**************002X" in lend.borrower_info.text()
        for vol in (a, b, c, a):
            burst(lend.volume_edit, vol.barcode)
        assert lend.table.rowCount() == 3 and "已在列表中" in lend.message.text()
        lend.purpose.setCurrentText("法律诉讼")
        lend.use_mode.setCurrentText("外借")
        # 理赔 are personal records: a court asking from outside shows its proofs, ticked on the checklist
        assert lend.request_box.isVisible()
        lend.requester.setCurrentIndex(lend.requester.findData("police_court"))
        for i in range(lend.proofs.count()):
            lend.proofs.item(i).setCheckState(Qt.CheckState.Checked)
        assert lend.approval.isVisible()
        reason = lend.approval_reason.text()
        assert "涉密档案（秘密）" in reason and "外单位借阅人" in reason and "档案带出（外借）" in reason
        qtbot.mouseClick(lend.lend_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert "审批" in lend.message.text()  # refused inline: no approver yet
        lend.approver.setText("王建国")
        lend.opinion.setText("同意外借，注意保密")
        lend.notes.setText("凭介绍信借阅")
        # the workstation's clerk name, never the login name ("clerk1"): none is set yet
        assert lend.clerk.text() == "" and window.ctx.settings.clerk_name == ""
        lend.clerk.setText("赵敏")
        due = lend.due.date().toPython()
        assert due == date.today() + timedelta(days=14)  # the room's default period
        shots = tmp_path / "screens"  # the lending screen and the slip as PNG, for a person to look at
        shots.mkdir()
        window.grab().save(str(shots / "lending-lend.png"))
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        QTest.keyClick(lend.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # keyboard first: Ctrl+Enter lends
        settle_writes(qtbot)
        dialog = area.last_print_dialog
        assert isinstance(dialog, dialogs.SlipPrintDialog)
        slip_no = dialog.slip_no
        assert "已借给 李明 3 卷" in lend.message.text() and slip_no in lend.message.text()
        # the clerk named at the desk is remembered as this workstation's clerk name
        assert Settings.load(tmp_path / "settings.json").clerk_name == "赵敏" and lend.clerk.text() == "赵敏"

        # -- print the slip: two copies on one A4 sheet, saved as PDF
        dialog.paper.setCurrentIndex(dialog.paper.findData("A5"))  # re-rendered on each change
        dialog.paper.setCurrentIndex(dialog.paper.findData("A4"))
        dialog.copies.setCurrentIndex(dialog.copies.findData(2))
        saved.append(tmp_path / "slip.pdf")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.last_saved == saved[-1] and saved[-1].exists()
        text = pdf_text(saved[-1])
        for field in (slip_no, "李明", "临川市中级人民法院", "0794-8221234", "外单位", "**************002X", "■法律诉讼", "■外借",
                      a.code, b.code, c.code, "张伟机动车辆保险追尾事故理赔案卷", "秘密", "42", "35", "58", date.today().isoformat(),
                      due.isoformat(), "王建国", "同意外借，注意保密", "赵敏", "凭介绍信借阅", "借阅人签字", "经办人签字", "归还日期",
                      "是否完好", "签收人", "第一联", "第二联"):
            assert field in text, field
        assert_fonts_embedded(saved[-1])
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(saved[-1]), str(shots / "lending-slip")], check=True)
        assert window.ctx.settings.extra["lending.slip"] == {"paper": "A4", "copies": 2}  # remembered per workstation
        dialog.close()
        window.activateWindow()  # the offscreen platform does not hand activation back after a dialog
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)

        # -- return two: one counted a page short (confirmed), one damaged
        area.tabs.setCurrentWidget(area.returns)
        ret = area.returns
        asked: list[str] = []

        def confirm(_parent, _title, text, *_a, **_k):  # noqa: ANN001, ANN202
            asked.append(text)
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", confirm)
        burst(ret.volume_edit, a.barcode)
        burst(ret.volume_edit, b.barcode.lower())  # scanners with Caps Lock off
        assert ret.table.rowCount() == 2
        pages, condition, note, outcome = ret.row_widgets(0)
        pages.setValue(41)
        outcome.setText("为诉讼提供证据")
        # 利用效果 as a choice from the room's list (设置: use_outcomes), beside the words
        kinds = ret.outcome_box(0)
        assert [kinds.itemText(i) for i in range(kinds.count())] == ["", "解决了问题", "提供了依据", "部分满足需求", "未能满足需求"]
        kinds.setCurrentIndex(kinds.findText("提供了依据"))
        _p, condition2, note2, _o = ret.row_widgets(1)
        condition2.setCurrentText("破损")
        note2.setText("封面撕裂")
        outcome.setFocus()
        QTest.keyClick(outcome, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert len(asked) == 1 and a.code in asked[0] and "41" in asked[0]
        assert "已归还 2 卷" in ret.message.text() and slip_no in ret.message.text()
        with sqlite3.connect(path) as conn:  # the choice is recorded per line; a line left blank says nothing
            kinds_saved = dict(conn.execute("SELECT volume_id, outcome_kind FROM loan_lines WHERE returned_at IS NOT NULL"))
        conn.close()
        assert kinds_saved == {a.id: "提供了依据", b.id: ""}

        # -- renew the slip, which still holds the third volume
        area.tabs.setCurrentWidget(area.open_loans)
        out = area.open_loans
        assert out.table.rowCount() == 1 and out.select_slip(slip_no)
        # the tab says which volumes are out: the third one, not the two returned
        assert out.lines.rowCount() == 1 and out.lines.item(0, 0).text() == c.code and slip_no in out.lines_label.text()
        out.filter.setText(c.code)  # a volume's code finds the slip holding it
        assert not out.table.isRowHidden(0)
        out.filter.setText(a.code)
        assert out.table.isRowHidden(0)
        out.filter.clear()
        out.select_slip(slip_no)
        new_due = due + timedelta(days=10)

        def accept_renewal(self):  # noqa: ANN001, ANN202
            self.due.setDate(QDate(new_due.year, new_due.month, new_due.day))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(dialogs.RenewDialog, "exec", accept_renewal)
        renew_button = out.findChild(type(lend.lend_button), "renewButton")
        qtbot.mouseClick(renew_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert "第 1 次续借" in out.message.text() and new_due.isoformat() in out.message.text()
        assert out.table.item(0, 4).text() == new_due.isoformat()  # the list shows the new due date
        # renewing again at once works (the list holds the slip as the first renewal left it)
        new_due = new_due + timedelta(days=7)
        qtbot.mouseClick(renew_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert "第 2 次续借" in out.message.text() and new_due.isoformat() in out.message.text()

        # -- time passes: the due date goes by
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE loans SET due_date = ? WHERE slip_no = ?", ((date.today() - timedelta(days=3)).isoformat(), slip_no))
        conn.close()
        window.refresh_current()  # F5
        assert area.overdue == 1 and nav.text() == "借阅  逾期 1"
        area.tabs.setCurrentWidget(area.overdue_panel)
        od = area.overdue_panel
        assert od.table.rowCount() == 1 and od.table.item(0, 0).text() == "3" and od.table.item(0, 2).text() == "李明"
        window.grab().save(str(shots / "lending-overdue.png"))

        # -- print the reminder
        saved.append(tmp_path / "reminder.pdf")
        qtbot.mouseClick(od.findChild(type(lend.lend_button), "printAllReminders"), Qt.MouseButton.LeftButton)
        reminder = area.last_print_dialog
        assert isinstance(reminder, dialogs.PdfPreviewDialog)
        qtbot.mouseClick(reminder.save_button, Qt.MouseButton.LeftButton)
        text = pdf_text(saved[-1])
        for field in ("档案催还通知单", "尊敬的李明", "临川市中级人民法院", slip_no, c.code, "江南物流有限公司货", "已逾期3天"):
            assert field in text, field
        assert a.code not in text  # returned volumes are not claimed
        assert_fonts_embedded(saved[-1])
        reminder.close()

        # the register holds all three lines with what came back
        area.tabs.setCurrentWidget(area.register)
        reg = area.register
        qtbot.waitUntil(lambda: reg.model.rowCount() == 3, timeout=5000)
        assert reg.summary.text() == "共 3 条"
        rows = {r.code: r for r in reg.model.rows()}
        assert rows[a.code].pages_back == 41 and rows[a.code].outcome == "为诉讼提供证据"
        assert rows[b.code].condition == "破损" and rows[c.code].returned_at is None
    finally:
        window.ctx.db.dispose()


def test_scans_refusals_and_borrower_editing_at_the_desk(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    data = seed(path)
    a, b, c = data["volumes"]  # type: ignore[misc]
    borrower = data["borrower"]
    db = open_catalogue(path)
    try:
        with db.write() as s:
            catalogue.set_status(s, Actor("x"), c.id, "destroyed")
    finally:
        db.dispose()
    Settings(language="zh_CN").save(tmp_path / "settings.json")
    _app, window = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    try:
        area = window.show_area("lending")
        area.tabs.setCurrentWidget(area.lend)
        lend = area.lend
        # scans reaching the area through the window's scan detector
        assert area.handle_scan("NOSUCHCODE") and "既不是案卷条码，也不是借阅证" in lend.message.text()
        assert area.handle_scan("YG0001") and lend.borrower is not None and lend.borrower.name == "张伟"
        assert area.handle_scan(a.barcode) and area.handle_scan(c.barcode)
        assert lend.table.rowCount() == 2
        refused = lend.table.item(1, 5)
        assert refused.text() == "已销毁" and c.code in refused.toolTip() and refused.foreground().color().name() == "#b00020"
        assert "不能借出：已销毁" in lend.message.text()
        assert lend.lendable_ids() == [a.id]
        assert not lend.approval.isVisible()  # staff reading an open volume: no approval
        qtbot.mouseClick(lend.lend_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert "1 卷不能借出" in lend.message.text()
        slip_dialog = area.last_print_dialog
        assert isinstance(slip_dialog, dialogs.SlipPrintDialog)
        # the print path: every page painted on a printer (here one that writes a PDF)
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        slip_dialog.print_to(printer)
        info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info)
        slip_dialog.close()

        # loans out: scanning a volume finds the slip holding it
        area.tabs.setCurrentWidget(area.open_loans)
        assert area.handle_scan(a.barcode) and area.open_loans.selected().borrower.name == "张伟"  # type: ignore[union-attr]
        assert not area.handle_scan(b.barcode)  # not out: the window hands it to the catalogue

        # return tab: a volume that is not out is refused inline
        area.tabs.setCurrentWidget(area.returns)
        assert area.handle_scan(b.barcode) and "未借出" in area.returns.message.text() and area.returns.table.rowCount() == 0

        # borrowers: a card scan finds the borrower; editing keeps the ID number unless retyped
        area.tabs.setCurrentWidget(area.borrowers)
        assert area.handle_scan("W0001") and area.borrowers.selected().id == borrower.id  # type: ignore[union-attr]
        assert area.borrowers.table.item(area.borrowers.table.currentRow(), 4).text() == "**************002X"

        def edit(self):  # noqa: ANN001, ANN202
            assert self.id_number.text() == "**************002X"
            self.phone.setText("0794-8220000")
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(dialogs.BorrowerDialog, "exec", edit)
        area.borrowers.edit_selected()
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        with window.ctx.db.read() as s:
            after = loans.get_borrower(s, borrower.id)
        assert after.phone == "0794-8220000" and after.id_number == "11010519491231002X"

        # the register: a workbook held open elsewhere gives a plain message
        area.tabs.setCurrentWidget(area.register)
        target = tmp_path / "register.xlsx"
        assert area.register.export_to(target) == 1 and target.exists()

        def locked(*_a: object) -> None:
            raise PermissionError(13, "locked")

        monkeypatch.setattr("os.replace", locked)
        assert area.register.export_to(target) is None
        assert "正被其他程序打开" in area.register.message.text()
    finally:
        window.ctx.db.dispose()
