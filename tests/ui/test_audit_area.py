"""The auditor's area in the real window (zh_CN): the trail filtered by account, action, date and volume, exported
to a workbook, the chain verified with a plain message, and the personal-data access list."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate

from archive_desk import app as app_module
from archive_desk.services import catalogue, masking
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.areas import shown_to

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")
CLERK = Actor("clerk1", "desk-1")
OTHER = Actor("wangfang", "desk-2")


def seed(path: Path) -> dict[str, str]:
    db = open_catalogue(path)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, CLERK, "Z109", "江南财产保险股份有限公司")
            lp = catalogue.get_category(s, code="LP")
            first = catalogue.create_volume(s, CLERK, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30",
                                                       "title": "张伟机动车辆保险追尾事故理赔案卷", "custom": {"insured": "张伟"}})
            second = catalogue.create_volume(s, OTHER, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30",
                                                        "title": "李娜家庭财产保险火灾理赔案卷"})
            catalogue.void_volume(s, OTHER, second.id, second.version, "录入错误")
            masking.log_access(s, Actor("archivist", "desk-3", role="archivist", clearance="秘密"), "view",
                               [(first.id, ("insured",))])
        return {"first": first.code, "second": second.code}
    finally:
        db.dispose()


def start(qtbot, tmp_path: Path):  # noqa: ANN001, ANN202
    path = tmp_path / "catalogue.sqlite"
    codes = seed(path)
    settings = tmp_path / "settings.json"
    Settings(language="zh_CN").save(settings)
    _app, window = app_module.start(path, settings_path=settings)
    qtbot.addWidget(window)
    return window, codes


def test_the_auditor_filters_exports_and_verifies(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window, codes = start(qtbot, tmp_path)
    try:
        area = window.show_area("audit")
        assert area is not None and area.trail_table.rowCount() >= 3
        area.user_box.setCurrentText("wangfang")
        area.reload()
        actions = {area.trail_table.item(r, 4).text() for r in range(area.trail_table.rowCount())}
        users = {area.trail_table.item(r, 2).text() for r in range(area.trail_table.rowCount())}
        # (a catalogue without accounts: the trail marks the clerk's name as not authenticated)
        assert users == {"wangfang [unauthenticated]"} and "volume.void" in actions
        area.action_box.setCurrentText("volume.void")
        area.reload()
        assert area.trail_table.rowCount() == 1 and area.trail_table.item(0, 6).text() == codes["second"]
        area.user_box.setCurrentText("")
        area.action_box.setCurrentText("")
        area.volume_edit.setText(codes["first"])
        area.reload()
        assert {area.trail_table.item(r, 6).text() for r in range(area.trail_table.rowCount())} == {codes["first"]}
        # a date range before anything happened lists nothing
        area.volume_edit.setText("")
        area.to_check.setChecked(True)
        area.to_date.setDate(QDate(2000, 1, 1))
        area.reload()
        assert area.trail_table.rowCount() == 0 and area.access_table.rowCount() == 0
        area.to_check.setChecked(False)
        area.from_check.setChecked(True)
        area.from_date.setDate(QDate(date.today().year, date.today().month, date.today().day))
        area.reload()
        assert area.trail_table.rowCount() >= 3
        # the personal-data access list
        assert area.access_table.rowCount() == 1
        assert [area.access_table.item(0, c).text() for c in (1, 3, 4, 5)] == ["archivist", "view", codes["first"], "insured"]
        # export every matching entry
        area.user_box.setCurrentText("wangfang")
        out = tmp_path / "trail.xlsx"
        assert area.export_to(out) == 2
        book = openpyxl.load_workbook(out, read_only=True)
        try:
            rows = list(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
        assert rows[0][0] == "序号" and {r[2] for r in rows[1:]} == {"wangfang [unauthenticated]"}
        # verify the chain
        area.verify()
        qtbot.waitUntil(lambda: area.verify_button.isEnabled(), timeout=10000)
        assert "审计日志完整" in area.message.text()
        if SHOTS:
            area.user_box.setCurrentText("")
            area.reload()
            window.resize(1200, 700)
            window.grab().save(str(Path(SHOTS) / "audit_area.png"))
    finally:
        window.ctx.db.dispose()


def test_the_area_is_shown_to_the_auditor_only() -> None:
    assert shown_to("audit", Actor("clerk"))  # no accounts
    assert shown_to("audit", Actor("a", role="auditor", clearance="公开"))
    for role in ("admin", "secadmin", "archivist", "desk", "reader"):
        assert not shown_to("audit", Actor("a", role=role, clearance="秘密"))
    assert shown_to("catalogue", Actor("a", role="reader", clearance="公开"))
