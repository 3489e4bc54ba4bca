"""Stocktake services: classification, partial scope, resume, finish, corrective action, register, report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import StatusError, ValidationError
from archive_desk.models import VolumeStatus
from archive_desk.services import audit, catalogue, stocktake
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.services.stocktake import Scope

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from stocktake_scenario import FOUND_ON, NOT_JUDGED, REFUSED, SCANS, UNKNOWN_CODE, Room, build_room  # noqa: E402

ACTOR = Actor("clerk1", "ws-1")


@pytest.fixture(scope="module")
def room_file(tmp_path_factory: pytest.TempPathFactory) -> Room:
    return build_room(tmp_path_factory.mktemp("st") / "room.sqlite")


@pytest.fixture
def room(room_file: Room, tmp_path: Path) -> Room:
    """A fresh copy of the planted room for each test."""
    copy = tmp_path / "room.sqlite"
    shutil.copy(room_file.path, copy)
    return Room(copy, room_file.layers, room_file.racks, room_file.volumes)


@pytest.fixture
def db(room: Room):  # noqa: ANN201
    database = open_catalogue(room.path)
    yield database
    database.dispose()


def two_racks(room: Room) -> Scope:
    return Scope(racks=(room.racks["R1"], room.racks["R2"]))


def run_scans(db: Database, room: Room, stocktake_id: int, scans: list[str] = SCANS) -> list[stocktake.ScanOutcome]:
    out = []
    for scan in scans:
        with db.write() as s:
            out.append(stocktake.record_scan(s, ACTOR, stocktake_id, room.payload(scan)))
    return out


def started(db: Database, room: Room, scope: Scope | None = None) -> int:
    with db.write() as s:
        return stocktake.start(s, ACTOR, "2026年度盘点", scope or two_racks(room)).id


def test_scans_are_classified_live_and_as_a_whole(db: Database, room: Room) -> None:
    sid = started(db, room)
    outcomes = run_scans(db, room, sid)
    assert [i for i, o in enumerate(outcomes) if o.kind == "refused"] == sorted(REFUSED)
    # live: replay the outcomes the way the screen does
    live: dict[str, str] = {}
    for o in outcomes:
        for line in o.expected:
            live.setdefault(line.key, line.cls)
            if live[line.key] == "missing":
                live[line.key] = line.cls
        if o.line is not None:
            live[o.line.key] = o.line.cls
    assert live == room.expected_by_key()
    with db.read() as s:
        st = stocktake.state(s, sid)
    assert {ln.key: ln.cls for ln in st.lines} == room.expected_by_key()
    assert st.layers_scanned == 5 and st.layers_in_scope == 6
    assert st.current_layer is not None and st.current_layer.code == room.layers["R2L2"][1]
    assert st.scans == len(SCANS) - len(REFUSED)
    for name in NOT_JUDGED:
        assert room.key(name) not in {ln.key for ln in st.lines}
    by_key = {ln.key: ln for ln in st.lines}
    for name, layer in FOUND_ON.items():
        line = by_key[room.key(name)]
        assert line.found_layer == room.layers[layer][1]
        assert line.expected_layer and line.expected_layer != line.found_layer
    assert by_key[room.key("v15")].note  # recorded missing, found again
    assert outcomes[-1].repeated  # v18 scanned twice on its layer


def test_refusals_record_nothing(db: Database, room: Room) -> None:
    sid = started(db, room)
    with db.write() as s:
        first = stocktake.record_scan(s, ACTOR, sid, room.payload("v1"))
        outside = stocktake.record_scan(s, ACTOR, sid, room.payload("@R3L1"))
        empty = stocktake.record_scan(s, ACTOR, sid, "   ")
    assert first.kind == outside.kind == empty.kind == "refused"
    assert "K1-03A-01-1-1" in outside.message
    with db.read() as s:
        assert stocktake.state(s, sid).scans == 0


def test_typed_codes_and_full_width_scans_are_understood(db: Database, room: Room) -> None:
    sid = started(db, room)
    with db.write() as s:
        layer = stocktake.record_scan(s, ACTOR, sid, room.layers["R1L1"][1].lower())  # the location code typed
        typed = stocktake.record_scan(s, ACTOR, sid, room.volumes["v1"][1])  # the 档号 with its middle dot
        wide = stocktake.record_scan(s, ACTOR, sid, "Ｚ１０９-ＬＰ.２０１９-Ｄ３０-０００２")  # full-width from an IME
    assert layer.kind == "layer"
    assert typed.line is not None and typed.line.cls == "in_place"
    assert wide.line is not None and wide.line.cls == "in_place" and wide.line.code == room.volumes["v2"][1]


def test_a_partial_stocktake_judges_only_the_layers_it_scanned(db: Database, room: Room) -> None:
    sid = started(db, room, Scope(rooms=(1,)))
    run_scans(db, room, sid, ["@R1L2", "v5"])
    with db.read() as s:
        st = stocktake.state(s, sid)
    assert {ln.key: ln.cls for ln in st.lines} == {room.key("v5"): "in_place", room.key("v6"): "missing"}
    assert st.layers_in_scope == 7  # the whole room: three racks
    with db.write() as s:
        rec = stocktake.finish(s, ACTOR, sid)
    assert rec.counts["missing"] == 1 and rec.summary["layers_scanned"] == 1


def test_start_needs_a_name_and_a_scope(db: Database, room: Room) -> None:
    with db.write() as s, pytest.raises(ValidationError):
        stocktake.start(s, ACTOR, "  ", two_racks(room))
    with db.write() as s, pytest.raises(ValidationError):
        stocktake.start(s, ACTOR, "空范围", Scope())
    with db.write() as s:
        rec = stocktake.start(s, ACTOR, "单层", Scope(layers=(room.layers["R2L3"][0],)))
    assert rec.scope_text == "层 K1-02A-01-1-3"


def test_finish_freezes_the_result_and_the_corrections_apply_once(db: Database, room: Room) -> None:
    sid = started(db, room)
    run_scans(db, room, sid)
    with db.write() as s:
        rec = stocktake.finish(s, ACTOR, sid)
    assert rec.finished and rec.counts == {"in_place": 13, "misplaced": 3, "missing": 2, "on_loan_found": 1, "unknown": 1,
                                           "gone_found": 2}
    with db.write() as s, pytest.raises(StatusError):
        stocktake.record_scan(s, ACTOR, sid, room.payload("@R1L1"))
    with db.write() as s, pytest.raises(StatusError):
        stocktake.finish(s, ACTOR, sid)

    # the catalogue changes afterwards: the finished stocktake's lines do not
    with db.write() as s:
        catalogue.set_status(s, ACTOR, room.volumes["v7"][0], VolumeStatus.IN_STOCK, reason="returned")
    with db.read() as s:
        _rec, lines, scanned, in_scope, scans = stocktake.lines_for_report(s, sid)
    assert {ln.key: ln.cls for ln in lines} == room.expected_by_key()
    assert (scanned, in_scope, scans) == (5, 6, len(SCANS) - len(REFUSED))

    with db.read() as s:
        plan = stocktake.plan_corrections(s, sid)
    assert sorted(ln.code for ln in plan.mark_missing) == sorted(room.volumes[n][1] for n in ("v6", "v19"))
    assert sorted(ln.code for ln in plan.relocate) == sorted(room.volumes[n][1] for n in FOUND_ON)
    assert [ln.code for ln in plan.restore] == [room.volumes["v15"][1]]
    # a volume moved by hand since the stocktake is left alone
    from archive_desk.services import locations

    with db.write() as s:
        locations.place_volume(s, ACTOR, room.volumes["v19"][0], room.layers["R1L1"][0], reason="moved by hand")
    with db.write() as s:
        result = stocktake.apply_corrections(s, ACTOR, sid)
    assert (result.marked_missing, result.relocated, result.restored, result.skipped) == (1, 3, 1, 1)
    with db.read() as s:
        v = {name: catalogue.get_volume(s, vid) for name, (vid, _c, _b) in room.volumes.items()}
        rec = stocktake.get(s, sid)
        history = audit.history(s, "stocktake", sid)
    assert v["v6"].status == "missing" and v["v19"].status == "in_stock"
    assert v["v15"].status == "in_stock"
    for name, layer in FOUND_ON.items():
        assert v[name].layer_id == room.layers[layer][0]
    assert rec.corrections is not None and rec.corrections["marked_missing"] == [room.volumes["v6"][0]]
    assert history[0].action == "stocktake.correct"
    with db.write() as s, pytest.raises(StatusError):
        stocktake.apply_corrections(s, ACTOR, sid)


def test_corrections_need_a_finished_stocktake(db: Database, room: Room) -> None:
    sid = started(db, room)
    with db.read() as s, pytest.raises(StatusError):
        stocktake.plan_corrections(s, sid)


def test_register_of_stocktakes(db: Database, room: Room, tmp_path: Path) -> None:
    first = started(db, room)
    run_scans(db, room, first)
    with db.write() as s:
        stocktake.finish(s, ACTOR, first)
    second = started(db, room, Scope(layers=(room.layers["R2L3"][0],)))
    run_scans(db, room, second, ["@R2L3", "v21"])
    with db.read() as s:
        rows = stocktake.register(s)
        out = stocktake.export_register(s, tmp_path / "register.xlsx")
    assert [(r.seq, r.id, r.status) for r in rows] == [(1, first, "finished"), (2, second, "open")]
    assert rows[0].counts["misplaced"] == 3 and rows[1].counts == {"in_place": 1, "misplaced": 0, "missing": 2,
                                                                   "on_loan_found": 0, "unknown": 0, "gone_found": 0}
    wb = openpyxl.load_workbook(out, read_only=True)
    ws = wb["清点检查登记"]
    got = list(ws.iter_rows(values_only=True))
    wb.close()
    assert got[0][:3] == ("序号", "盘点名称", "盘点范围")
    assert got[1][0] == 1 and got[1][1] == "2026年度盘点" and got[1][8:14] == (13, 3, 2, 1, 1, 2)
    assert got[2][-1] == "进行中"


def test_report_pdf_and_workbook(db: Database, room: Room, tmp_path: Path) -> None:
    sid = started(db, room)
    run_scans(db, room, sid)
    with db.write() as s:
        stocktake.finish(s, ACTOR, sid)
    with db.read() as s:
        pdf = stocktake.export_report_pdf(s, sid, tmp_path / "report.pdf")
        xlsx = stocktake.export_report_xlsx(s, sid, tmp_path / "report.xlsx")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for label in ("盘点报告", "错架：3 卷", "缺失：2 卷", "借出但在架：1 卷", "无此档号：1 卷", "已销毁但在架：2 卷", "盘点人"):
            assert label in text, label
        for name in ("m1", "v14", "v22", "v6", "v19", "v7", "v10", "v11"):
            assert room.volumes[name][1] in text, name
        assert UNKNOWN_CODE in text
        assert room.volumes["v1"][1] not in text  # in place: counted, not listed
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "WenQuanYi" in fonts and " no " not in fonts.split("\n", 2)[2]  # every font embedded
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    rows = list(wb["明细"].iter_rows(min_row=2, values_only=True))
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r[0]}
    wb.close()
    assert len(rows) == len(room.expected_by_key())
    by_code = {r[2]: r[1] for r in rows}
    assert by_code[room.volumes["m1"][1]] == "错架" and by_code[UNKNOWN_CODE] == "无此档号"
    assert summary["缺失"] == 2 and summary["在位"] == 13


def test_english_labels(db: Database, room: Room) -> None:
    from archive_desk.i18n import set_language

    set_language("en")
    assert [stocktake.class_label(c) for c in stocktake.CLASSES] == [
        "In place", "Misplaced", "Missing", "On loan yet found", "Unknown code", "Destroyed or transferred yet found"]


def test_two_clerks_count_different_layers_at_once(db: Database, room: Room) -> None:
    sid = started(db, room)
    one, two = Actor("clerk1", "ws-1"), Actor("clerk2", "ws-2")
    with db.write() as s:
        stocktake.record_scan(s, one, sid, room.payload("@R1L1"))
        stocktake.record_scan(s, two, sid, room.payload("@R2L1"))
        a = stocktake.record_scan(s, one, sid, room.payload("v1"))
        b = stocktake.record_scan(s, two, sid, room.payload("v13"))
    assert a.line is not None and a.line.cls == "in_place" and a.line.found_layer == room.layers["R1L1"][1]
    assert b.line is not None and b.line.cls == "in_place" and b.line.found_layer == room.layers["R2L1"][1]
    with db.read() as s:
        assert stocktake.state(s, sid, by="clerk1").current_layer.code == room.layers["R1L1"][1]
        assert stocktake.state(s, sid, by="clerk2").current_layer.code == room.layers["R2L1"][1]
