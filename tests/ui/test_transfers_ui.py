"""The transfers area end to end through the real window: receiving the sample register as a department's list
(two of its volumes missing on arrival, one unexpected volume scanned), and handing over 50 volumes."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from archive_desk import app as app_module
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.areas.transfers import common as transfers_common  # the pages ask, choose files and show errors through it
from archive_desk.ui.dialogs import transfers as transfer_dialogs
from conftest import settle_writes, settle_writes_now

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "claims_register_2019.xlsx"
if not SAMPLE.exists():
    SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"
SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")  # set to a folder to keep screenshots for looking at


def _scan(widget, payload: str) -> None:  # noqa: ANN001
    QTest.keyClicks(widget, payload)
    QTest.keyClick(widget, Qt.Key.Key_Return)
    settle_writes_now()  # scans are saved off the GUI thread (ui/ops.run_op)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def errors(monkeypatch) -> list[BaseException]:  # noqa: ANN001
    seen: list[BaseException] = []
    monkeypatch.setattr(transfers_common, "show_error", lambda _parent, exc: seen.append(exc))
    monkeypatch.setattr(transfer_dialogs, "show_error", lambda _parent, exc: seen.append(exc))
    monkeypatch.setattr(transfers_common, "ask", lambda *_a: True)
    return seen


def _start(qtbot, path: Path, tmp_path: Path):  # noqa: ANN001, ANN202
    settings = tmp_path / "settings.json"
    Settings(language="zh_CN").save(settings)  # the users' language, whatever this machine's locale
    _app, window = app_module.start(path, settings_path=settings)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    return window


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_receiving_the_sample_register_through_the_window(qtbot, tmp_path: Path, monkeypatch, errors) -> None:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    db = open_catalogue(path)
    with db.write() as s:
        catalogue.create_fonds(s, Actor("admin", "ws"), "Q001", "临川财产保险股份有限公司")
    db.dispose()
    monkeypatch.setattr(transfers_common, "choose_open_file", lambda *_a: str(SAMPLE))
    window = _start(qtbot, path, tmp_path)
    try:
        area = window.show_area("transfers")
        page = area.show_tab("receiving")
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.batch is not None and page.batch.is_draft
        page.form.from_unit.setText("理赔部")
        page.form.from_handler.setText("张三")
        page.form.to_handler.setText("李四")
        page.form.from_leader.setText("王五")
        page.form.finding_aids.setText("案卷目录一式两份")
        qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.batch.from_unit == "理赔部"

        # the department's Excel list, through the mapping step that shows what will not be added
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        dialog = page.import_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=60_000)
        assert dialog.add_button.isEnabled() and "114" in dialog.add_button.text()
        assert dialog.mapping_table.rowCount() == 14
        assert dialog.problems_table.rowCount() == 6 + 2 + 6  # bad values, repeated codes, blank/total/signature lines
        reasons = {dialog.problems_table.item(r, 4).text() for r in range(dialog.problems_table.rowCount())}
        assert any("2019.13.45" in r for r in reasons)
        _shot(dialog, "receiving-import.png")
        # the clerk corrects the mapping: 保单号 (column G) is not wanted; the file is read again with it
        assert dialog.current_mapping().fields[6] == "policy_no"
        dialog.set_field(6, None)
        qtbot.mouseClick(dialog.reread_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy and dialog.plan.sheets[0].mapping.fields[6] is None, timeout=60_000)
        assert dialog.plan.summary.ok == 114 and "policy_no" not in next(dialog.plan.importable()).values
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.model.rowCount() == 114
        lines = page.model.lines()

        # the receiving check: scanner bursts, some into the scan field, some anywhere in the window
        missing = {lines[10].code, lines[50].code}
        short = lines[30]
        page.scan_edit.setFocus()
        for i, ln in enumerate(lines):
            if ln.code in missing:
                continue
            if ln is short:
                page.pages_spin.setValue(ln.pages - 1)  # the clerk counted one page less
            # a few through the window's scan detector (timing-based: kept few so a loaded machine cannot break
            # a burst), the rest into the scan field
            target = page.lines_view if i in (3, 60, 100) else page.scan_edit
            _scan(target, ln.code.replace("·", "."))
            assert page.last_outcome is not None and page.last_outcome.line.code == ln.code, ln.code
        _scan(page.scan_edit, "Q001-LP.2019-D30-0500")  # a volume that is not on the list
        assert page.last_outcome.kind == "unexpected"
        assert page.summary_counts() == {"expected": 114, "found": 112, "pending": 2, "unexpected": 1, "returned": 0, "pages": 1}
        assert "未到 2" in page.summary_label.text() and "清单外 1" in page.summary_label.text()
        for key, count in (("pending", 2), ("unexpected", 1), ("pages", 1), ("all", 115)):
            page.filter_combo.setCurrentIndex(page.filter_combo.findData(key))
            assert page.model.rowCount() == count, key
        page.filter_combo.setCurrentIndex(page.filter_combo.findData("pending"))
        assert {page.model.line_at(r).code for r in range(2)} == missing
        page.filter_combo.setCurrentIndex(page.filter_combo.findData("all"))
        _shot(window, "receiving-check.png")

        # the unexpected volume gets its title and page count before it can be received
        unexpected = page.last_outcome.line
        line_dialog = page.edit_line(unexpected.id)
        assert line_dialog is not None
        line_dialog.title_edit.setText("周丽清单外机动车辆保险理赔案卷")
        line_dialog.pages_spin.setValue(33)
        line_dialog.accept()
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert not errors

        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_result is not None or bool(errors), timeout=120_000)
        assert not errors, errors
        result = page.confirm_result
        assert (result.created, result.updated, result.missing) == (113, 0, 2)
        assert not page.batch.is_draft and not page.confirm_button.isEnabled()
        assert "缺失 2" in page.summary_label.text()

        # the 移交清册 as printed: every line (missing ones marked), the right totals, both sides' signatures
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        assert page.preview is not None and page.preview.document.pageCount() >= 6
        _shot(page.preview, "receiving-preview.png")
        pdf_path = page.preview.save_to(tmp_path / "list.pdf")
        page.preview.close()
        text = _flat(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, check=True).stdout.decode())
        fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, check=True).stdout.decode().splitlines()[2:]
        assert fonts and all(" yes " in f for f in fonts)
        raw = sqlite3.connect(path)
        n, items, pages = raw.execute("SELECT count(*), sum(item_count), sum(pages) FROM volumes").fetchone()
        raw.close()
        assert n == 113
        assert text.count(_flat(f"共 113 卷 {items} 件 {pages} 页")) >= 4
        for ln in page.model.lines():
            assert text.count(ln.code) == 2, ln.code
        assert text.count("缺，未接收") == 4 and text.count("不在移交清单中") == 2
        assert "移交人：张三" in text and "接收人：李四" in text

        qtbot.mouseClick(page.certificate_button, Qt.MouseButton.LeftButton)
        cert = _flat(page.preview.document.getAllText(0).text()) if hasattr(page.preview.document, "getAllText") else ""
        page.preview.close()
        if cert:
            assert "档案交接文据" in cert

        # the register shows it
        registers = area.show_tab("registers")
        registers.refresh()
        assert registers.table.rowCount() == 1 and registers.table.item(0, 8).text() == "113"
    finally:
        window.ctx.db.dispose()


def test_handing_over_fifty_volumes_through_the_window(qtbot, tmp_path: Path, monkeypatch, errors) -> None:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    db = open_catalogue(path)
    actor = Actor("admin", "ws")
    with db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "G001", "临川市城市建设投资集团有限公司")
        kj = catalogue.get_category(s, code="KJ")
        vols = [catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": kj.id, "year": 2001 + i % 4, "retention": "Y",
                                                   "title": f"临川大桥工程竣工图第{i}册", "pages": 30 + i})
                for i in range(53)]
        catalogue.set_status(s, actor, vols[0].id, "on_loan")
        catalogue.set_status(s, actor, vols[1].id, "destroyed")
    db.dispose()
    window = _start(qtbot, path, tmp_path)
    try:
        area = window.show_area("transfers")
        page = area.show_tab("handover")
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        page.form.to_unit.setText("临川市档案馆")
        page.form.to_handler.setText("孟庆华")
        qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)

        # 永久 volumes older than 20 years, at most 50: the one on loan is refused and shown
        qtbot.mouseClick(page.filter_button, Qt.MouseButton.LeftButton)
        dialog = page.filter_dialog
        assert dialog is not None
        dialog.older_spin.setValue(20)
        dialog.limit_spin.setValue(50)
        dialog.accept()
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.summary_label.text().startswith("50 卷")
        assert page.refused_list.count() == 1 and vols[0].code in page.refused_list.item(0).text()
        assert "借出" in page.refused_list.item(0).text()

        # scans: the destroyed volume is refused, the 51st is added and then taken off again
        _scan(page.scan_edit, vols[1].code.replace("·", "."))
        assert page.refused_list.count() == 2 and "已销毁" in page.refused_list.item(0).text()
        on_batch = {ln.code for ln in page.model.lines()}
        (last,) = [v for v in vols[2:] if v.code not in on_batch]  # the limit of 50 left one out
        _scan(page.lines_view, last.code.replace("·", "."))  # through the window's scan detector
        assert sum(1 for ln in page.model.lines() if ln.expected) == 51
        row = next(r for r in range(page.model.rowCount()) if page.model.line_at(r).code == last.code)
        page.lines_view.selectRow(row)
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert sum(1 for ln in page.model.lines() if ln.expected) == 50
        _shot(window, "handover.png")

        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_result is not None or bool(errors), timeout=60_000)
        assert not errors, errors
        assert page.confirm_result.transferred == 50
        raw = sqlite3.connect(path)
        statuses = dict(raw.execute("SELECT status, count(*) FROM volumes GROUP BY status").fetchall())
        raw.close()
        assert statuses == {"transferred": 50, "in_stock": 1, "on_loan": 1, "destroyed": 1}

        monkeypatch.setattr(transfers_common, "choose_save_file", lambda *_a: str(tmp_path / "out.xlsx"))
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        assert (tmp_path / "out.xlsx").exists() and not errors
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        pdf_path = page.preview.save_to(tmp_path / "out.pdf")
        page.preview.close()
        text = _flat(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, check=True).stdout.decode())
        assert "共50卷" in text and last.code not in text and text.count(vols[2].code) == 2
    finally:
        window.ctx.db.dispose()


def test_appraisal_and_destruction_through_the_window(qtbot, tmp_path: Path, monkeypatch, errors) -> None:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    db = open_catalogue(path)
    actor = Actor("admin", "ws")
    with db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司")
        lp = catalogue.get_category(s, code="LP")
        vols = [catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2010, "retention": "D10",
                                                   "title": f"张伟机动车辆保险追尾事故理赔案卷{i}", "pages": 20,
                                                   "custom": {"closing_date": f"2010-0{i + 1}-15"}})
                for i in range(4)]
    db.dispose()
    window = _start(qtbot, path, tmp_path)
    try:
        area = window.show_area("transfers")
        page = area.show_tab("appraisal")
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.appraisal is not None
        page.as_of.setDate(page.as_of.date().fromString("2020-03-31", "yyyy-MM-dd"))
        qtbot.mouseClick(page.due_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 or bool(errors), timeout=30_000)
        # counted from the closing date: January, February and March 2010 closings ran out by 31 March 2020
        assert [ln.code for ln in page.model.lines()] == [v.code for v in vols[:3]]
        page.lines_view.selectRow(0)
        qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
        page.keep_dialog.reason_edit.setText("涉及未决诉讼")
        page.keep_dialog.accept()
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.model.lines()[0].decision == "keep" and page.model.lines()[0].new_retention == "D30"
        page.members.setText("王建国、李明")
        page.opinion.setText("保管期满，无继续保存价值，同意销毁。")
        # nothing defaults to destruction: the other two wait for a decision, and the opinion says so
        assert [ln.decision for ln in page.model.lines()[1:]] == ["", ""]
        assert page.model.index(1, 7).data() == "未决定" and "未决定 2 卷" in page.summary_label.text()
        assert not page.confirm_button.isEnabled() and not page.approve_button.isEnabled()  # steps in order
        qtbot.mouseClick(page.opinion_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.appraisal.status == "draft" and "2 卷尚未作出鉴定结论" in page.message_label.text()
        assert len(errors) == 1
        errors.clear()
        for row in (1, 2):
            page.lines_view.selectRow(row)
            qtbot.mouseClick(page.destroy_button, Qt.MouseButton.LeftButton)
            settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert [ln.decision for ln in page.model.lines()] == ["keep", "destroy", "destroy"]
        qtbot.mouseClick(page.opinion_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert not errors, [str(e) for e in errors]
        assert page.appraisal.status == "appraised" and page.approve_button.isEnabled() and not page.keep_button.isEnabled()
        page.approver.setText("刘志强")
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        page.method.setText("粉碎")
        page.place.setText("本单位档案室")
        qtbot.mouseClick(page.destruction_button, Qt.MouseButton.LeftButton)
        settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
        assert page.appraisal.status == "executed" and page.confirm_result is None  # recorded, nothing destroyed yet
        page.witness1.setText("王芳")
        page.witness2.setText("陈静")
        page.counted.setValue(2)
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.confirm_result is not None or bool(errors), timeout=60_000)
        assert not errors, errors
        assert (page.confirm_result.destroyed, page.confirm_result.kept) == (2, 1)
        assert not page.keep_button.isEnabled() and not page.members.isEnabled()
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        pdf_path = page.preview.save_to(tmp_path / "destruction.pdf")
        page.preview.close()
        text = _flat(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, check=True).stdout.decode())
        assert "共2卷40页" in text and "监销人：王芳" in text and "涉及未决诉讼" in text
        _shot(window, "appraisal.png")
        registers = area.show_tab("registers")
        registers.kind_combo.setCurrentIndex(1)
        assert registers.table.rowCount() == 2
        monkeypatch.setattr(transfers_common, "choose_save_file", lambda *_a: str(tmp_path / "register.xlsx"))
        qtbot.mouseClick(registers.export_button, Qt.MouseButton.LeftButton)
        assert (tmp_path / "register.xlsx").exists() and not errors
    finally:
        window.ctx.db.dispose()
