"""The window's write path (ui/ops.run_op): writes off the GUI thread, one app-wide "changed" signal, and a window
that never blocks on another workstation's lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import settle_writes
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from archive_desk import app as app_module
from archive_desk.services.setup import open_catalogue
from archive_desk.models import VolumeStatus
from archive_desk.services import catalogue, loans
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui import ops

ACTOR = Actor("clerk1", "desk-1")


def seed(path: Path) -> dict[str, object]:
    db = open_catalogue(path)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司临川分公司")
            lp = catalogue.get_category(s, code="LP")
            vols = [catalogue.create_volume(s, ACTOR, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30", "pages": 20,
                "title": title, "custom": {"claim_no": f"PDAA2019000{i}", "insured": title[:2]}})
                for i, title in enumerate(["张伟机动车辆保险追尾事故理赔案卷", "王芳家庭财产保险暴雨水淹理赔案卷"])]
            borrower = loans.create_borrower(s, ACTOR, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
    finally:
        db.dispose()
    return {"volumes": vols, "borrower": borrower}


@pytest.fixture
def started(qtbot, tmp_path: Path) -> Iterator[tuple[object, Path, dict[str, object]]]:  # noqa: ANN001
    path = tmp_path / "catalogue.sqlite"
    data = seed(path)
    Settings(language="zh_CN").save(tmp_path / "settings.json")
    _app, window = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    area = window.areas["catalogue"]
    qtbot.waitUntil(lambda: area.model.rowCount() == 2 and not area._list_runner.busy, timeout=10000)
    yield window, path, data
    settle_writes(qtbot)
    window.ctx.db.dispose()


def status_shown(area, volume_id: int) -> str:  # noqa: ANN001
    """The status cell of a volume's row, as the table shows it (through the model's row cache)."""
    row = area.model.row_of(volume_id)
    return area.model.index(row, area.model.COLUMNS.index("status")).data()


def status_in_file(path: Path, volume_id: int) -> str:
    """What the file holds (a plain reader: it never waits for the write lock)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT status FROM volumes WHERE id = ?", (volume_id,)).fetchone()[0]
    finally:
        conn.close()


def test_a_loan_at_the_desk_shows_in_the_catalogue_without_f5(qtbot, started) -> None:  # noqa: ANN001
    window, _path, data = started
    a = data["volumes"][0]
    area = window.areas["catalogue"]
    assert status_shown(area, a.id) == "在库"  # read, and cached by the table
    lending = window.show_area("lending")
    lending.tabs.setCurrentWidget(lending.lend)
    assert lending.handle_scan("YG0001") and lending.handle_scan(a.barcode)
    lending.lend.use_mode.setCurrentText("外借")  # a loan (借出): a consultation leaves the volume 在库
    lending.lend.approver.setText("王建国")
    lending.lend.opinion.setText("同意")
    qtbot.mouseClick(lending.lend.lend_button, Qt.MouseButton.LeftButton)
    settle_writes(qtbot)
    assert "已借给 张伟 1 卷" in lending.lend.message.text()
    window.show_area("catalogue")  # no F5
    assert status_shown(area, a.id) == "借出"


def test_a_renewal_clicked_twice_is_not_a_false_conflict(qtbot, started) -> None:  # noqa: ANN001
    window, path, data = started
    a = data["volumes"][0]
    db = open_catalogue(path)
    try:
        with db.write() as s:
            loan = loans.lend(s, ACTOR, data["borrower"].id, [a.id], "工作查考", "外借",
                              date.today(), "王建国", "同意", clerk="赵敏")
    finally:
        db.dispose()
    lending = window.show_area("lending")
    lending.tabs.setCurrentWidget(lending.open_loans)
    out = lending.open_loans
    out.refresh()
    assert out.select_slip(loan.slip_no)
    shown = out.selected()
    new_due = loan.due_date + timedelta(days=10)
    # two clicks before the first renewal is saved: both carry the version the list shows
    first = out.renew(shown.id, new_due, "", shown.version)
    second = out.renew(shown.id, new_due, "", shown.version)
    assert first is not None and second is None  # the repeat is ignored, not sent as a stale edit
    settle_writes(qtbot)
    assert "第 1 次续借" in out.message.text() and "已被" not in out.message.text()
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "opErrorBox" and w.isVisible()]
    # and a renewal after it (the list now holds the new version) is a second renewal, not a conflict
    shown = out.selected()
    assert out.renew(shown.id, new_due + timedelta(days=7), "", shown.version) is not None
    settle_writes(qtbot)
    assert "第 2 次续借" in out.message.text()


LOCKER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
""")


@pytest.fixture
def other_workstation(started) -> Iterator[subprocess.Popen]:  # noqa: ANN001
    """Another process holding the catalogue's write lock (BEGIN IMMEDIATE) until told to let go."""
    _window, path, _data = started
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        release(proc)


def release(proc: subprocess.Popen) -> None:
    assert proc.stdin is not None
    proc.communicate("go\n", timeout=10)  # (and closes the pipes)


def wait_dialog() -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == "opWaitDialog" and w.isVisible()), None)


def test_a_write_waiting_for_another_workstation_keeps_the_window_responsive(qtbot, started, other_workstation,  # noqa: ANN001
                                                                             tmp_path: Path) -> None:
    window, path, data = started
    b = data["volumes"][1]
    area = window.areas["catalogue"]
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    run = area.void_volume(b.id, b.version, "重复登记")
    assert run is not None
    qtbot.waitUntil(lambda: wait_dialog() is not None, timeout=5000)
    dialog = wait_dialog()
    assert dialog.message.text() == "正在等待另一台工作站…"
    dialog.grab().save(str(tmp_path / "wait-dialog.png"))  # for a person to look at
    before = len(ticks)
    qtbot.wait(400)  # the event loop keeps going while the write waits
    assert len(ticks) >= before + 5
    assert not run.done and status_in_file(path, b.id) == VolumeStatus.IN_STOCK
    release(other_workstation)
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    timer.stop()
    assert run.error is None and not run.cancelled
    assert status_in_file(path, b.id) == VolumeStatus.VOID
    assert wait_dialog() is None
    qtbot.waitUntil(lambda: area.model.row_of(b.id) is None, timeout=5000)  # the list follows


def test_cancel_while_waiting_leaves_the_catalogue_unchanged(qtbot, started, other_workstation) -> None:  # noqa: ANN001
    window, path, data = started
    b = data["volumes"][1]
    area = window.areas["catalogue"]
    run = area.void_volume(b.id, b.version, "重复登记")
    qtbot.waitUntil(lambda: wait_dialog() is not None, timeout=5000)
    qtbot.mouseClick(wait_dialog().cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: run.done, timeout=5000)
    assert run.cancelled and run.error is None
    assert wait_dialog() is None
    release(other_workstation)
    assert status_in_file(path, b.id) == VolumeStatus.IN_STOCK
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'volume.void'").fetchone()[0] == 0
    finally:
        conn.close()
    assert area.model.row_of(b.id) is not None and status_shown(area, b.id) == "在库"
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "opErrorBox" and w.isVisible()]


def test_a_user_error_from_a_service_shows_once_in_chinese(qtbot, started) -> None:  # noqa: ANN001
    window, _path, data = started
    a = data["volumes"][0]
    area = window.areas["catalogue"]
    run = area.void_volume(a.id, a.version + 5, "重复登记")  # an old version: someone changed it meanwhile
    qtbot.waitUntil(lambda: run.done, timeout=5000)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "opErrorBox" and w.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert isinstance(boxes[0], QMessageBox) and boxes[0].icon() == QMessageBox.Icon.Warning
    boxes[0].close()
    assert ops.pending() == 0


def test_an_appraisal_list_started_while_another_workstation_saves_keeps_the_window_responsive(  # noqa: ANN001
        qtbot, started, other_workstation, monkeypatch) -> None:
    from archive_desk.ui.areas.transfers import common as transfers_common

    refusals: list[BaseException] = []  # (a "catalogue is busy" refusal would be a modal box)
    monkeypatch.setattr(transfers_common, "show_error", lambda _parent, exc: refusals.append(exc))
    window, _path, _data = started
    page = window.show_area("transfers").show_tab("appraisal")
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # the click returns: the write waits in the background
    qtbot.waitUntil(lambda: wait_dialog() is not None, timeout=5000)
    assert wait_dialog().message.text() == "正在等待另一台工作站…"
    before = len(ticks)
    qtbot.wait(400)
    assert len(ticks) >= before + 5 and page.appraisal is None and page.list_table.rowCount() == 0
    release(other_workstation)
    settle_writes(qtbot)
    timer.stop()
    assert wait_dialog() is None and not refusals
    assert page.appraisal is not None and page.list_table.rowCount() == 1
    assert page.list_no.text() == page.appraisal.list_no and page.opinion_button.isEnabled()  # step 2 is next
