"""Seeing colleagues' work (issue #17 item 6): a loan, return, edit or shelving saved at another workstation shows
in this window's catalogue within 2 s, without F5 — on a file on this PC (PRAGMA data_version) and on the room's
server (LISTEN/NOTIFY, when ``ARCHIVE_DESK_TEST_PG_URL`` names one)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import server_catalogue, settle_writes

from archive_desk import app as app_module
from archive_desk.services import catalogue, loans, locations
from archive_desk.services.audit import Actor
from archive_desk.services.loans.returns import LineReturn
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings

HERE = Actor("clerk1", "desk-1")
THERE = Actor("clerk2", "desk-2")  # the colleague at the other PC
PG_URL = os.environ.get("ARCHIVE_DESK_TEST_PG_URL", "")
WITHIN_MS = 2000


def seed(target: str | Path) -> dict[str, object]:
    db = open_catalogue(target)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, HERE, "Z109", "江南财产保险股份有限公司临川分公司")
            lp = catalogue.get_category(s, code="LP")
            vols = [catalogue.create_volume(s, HERE, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30", "pages": 20,
                "title": title, "custom": {"claim_no": f"PDAA2019000{i}", "insured": title[:2]}})
                for i, title in enumerate(["张伟机动车辆保险追尾事故理赔案卷", "王芳家庭财产保险暴雨水淹理赔案卷"])]
            borrower = loans.create_borrower(s, HERE, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
            room = locations.create_room(s, HERE, 1)
            locations.create_rack(s, HERE, room.id, 1, columns=1, sections=1, layers=2)
            layer = locations.list_layers(s, locations.list_racks(s, room.id)[0].id)[0]
    finally:
        db.dispose()
    return {"volumes": vols, "borrower": borrower, "layer": layer}


def _server_catalogue() -> Iterator[str]:
    return server_catalogue("live")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    if request.param == "sqlite":
        yield tmp_path / "catalogue.sqlite"
        return
    if not PG_URL:
        pytest.skip("ARCHIVE_DESK_TEST_PG_URL is not set (.ci/run sets it)")
    yield from _server_catalogue()


@pytest.fixture
def window_and_other(qtbot, tmp_path: Path, target: str | Path):
    data = seed(target)
    Settings(language="zh_CN").save(tmp_path / "settings.json")
    _app, window = app_module.start(target, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    area = window.areas["catalogue"]
    qtbot.waitUntil(lambda: area.model.rowCount() == 2 and not area._list_runner.busy, timeout=10000)
    other = open_catalogue(target)  # the other PC: its own handle, its own connections
    yield window, other, data
    settle_writes(qtbot)
    window.close()
    other.dispose()
    window.ctx.db.dispose()


def cell(area, volume_id: int, column: str) -> str:
    row = area.model.row_of(volume_id)
    return area.model.index(row, area.model.COLUMNS.index(column)).data() or ""


def test_a_colleagues_loan_return_edit_and_shelving_show_without_f5(qtbot, window_and_other) -> None:
    window, other, data = window_and_other
    a, b = data["volumes"]
    area = window.areas["catalogue"]
    assert cell(area, a.id, "status") == "在库"  # shown, and cached by the table
    assert window.live_watch.timer.isActive() or window.live_watch.listener is not None

    with other.write() as s:  # a loan at the other desk
        loans.lend(s, THERE, data["borrower"].id, [a.id], "工作查考", "外借", date.today() + timedelta(days=7),
                   "王建国", "同意")  # a loan (借出): a consultation leaves the volume 在库
    qtbot.waitUntil(lambda: cell(area, a.id, "status") == "借出", timeout=WITHIN_MS)

    with other.write() as s:  # and its return
        loans.return_volumes(s, THERE, [LineReturn(a.id)])
    qtbot.waitUntil(lambda: cell(area, a.id, "status") == "在库", timeout=WITHIN_MS)

    with other.write() as s:  # an edit of the title
        current = catalogue.get_volume(s, b.id)
        catalogue.update_volume(s, THERE, b.id, current.version, {"title": "王芳家庭财产保险暴雨水淹理赔案卷（补）"})
    qtbot.waitUntil(lambda: cell(area, b.id, "title").endswith("（补）"), timeout=WITHIN_MS)

    with other.write() as s:  # shelving
        locations.place_volume(s, THERE, b.id, data["layer"].id)
    qtbot.waitUntil(lambda: cell(area, b.id, "location") != "", timeout=WITHIN_MS)

    with other.write() as s:  # a new volume grows the list
        lp = catalogue.get_category(s, code="LP")
        catalogue.create_volume(s, THERE, {"fonds_id": a.fonds_id, "category_id": lp.id, "year": 2020,
                                           "retention": "D30", "pages": 5, "title": "李娜意外伤害保险理赔案卷"})
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=WITHIN_MS)


@pytest.mark.skipif(not PG_URL, reason="ARCHIVE_DESK_TEST_PG_URL is not set (.ci/run sets it)")
@pytest.mark.parametrize("designated", [False, True])
def test_only_the_designated_pc_backs_the_server_up_and_never_at_exit(qtbot, tmp_path: Path, designated: bool) -> None:
    for url in _server_catalogue():
        seed(url)
        Settings(language="zh_CN", backup_folder=str(tmp_path / "nas"), backup_interval_minutes=30, backup_at_exit=True,
                 server_backup_pc=designated).save(tmp_path / "settings.json")
        _app, window = app_module.start(url, settings_path=tmp_path / "settings.json")
        qtbot.addWidget(window)
        try:
            auto = window.backups
            assert auto.enabled is designated and auto.timer.isActive() is designated
            assert auto.at_exit() is None  # no PC backs the server up as it closes
            assert not (tmp_path / "nas").exists()
            if designated:  # the designated PC's scheduled backup: a verified file, in the server's register
                auto.timer.timeout.emit()
                qtbot.waitUntil(lambda auto=auto: auto.last_manifest is not None or auto.skipped or auto.failed_box is not None,
                                timeout=120_000)
                assert auto.failed_box is None, auto.failed_box.text()
                assert auto.last_manifest is not None and auto.last_manifest.verified and auto.last_manifest.kind == "auto"
        finally:
            settle_writes(qtbot)
            window.close()
            window.ctx.db.dispose()
