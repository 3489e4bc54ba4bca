"""Transfers in and out, appraisal and destruction, registers: the services on a real catalogue file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from archive_desk.db.engine import Database
from archive_desk.errors import FileLockedError, StatusError, ValidationError
from archive_desk.models import AuditEntry, TransferLine, Volume
from archive_desk.services import audit, catalogue, transfers
from archive_desk.services.audit import Actor

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "claims_register_2019.xlsx"
if not SAMPLE.exists():  # the copy kept with the tests
    SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"


def payload(code: str) -> str:
    return code.replace("·", ".")


@pytest.fixture
def q001(db: Database, actor: Actor) -> int:
    with db.write() as s:
        return catalogue.create_fonds(s, actor, "Q001", "临川财产保险股份有限公司").id


def _receiving_batch(db: Database, actor: Actor) -> transfers.BatchRecord:
    with db.write() as s:
        return transfers.create_batch(s, actor, "in", from_unit="理赔部", to_unit="档案室", from_handler="张三", to_handler="李四",
                                      from_leader="王五", to_leader="赵六", transfer_date=date(2026, 3, 2), finding_aids="案卷目录一式两份")


def _count(db: Database, model) -> int:  # noqa: ANN001
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# ------------------------------------------------------------------------------------------- receiving


def test_a_small_receiving_batch_is_checked_then_received_whole_and_audited(db: Database, actor: Actor, fonds_id: int) -> None:
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "in", from_unit="理赔部")
        lines = [transfers.add_line(s, actor, batch.id, {"code": f"Z109-LP·2019-D30-{i:04d}", "title": f"第{i}号理赔案卷", "pages": 20,
                                                         "item_count": 4, "claim_no": f"PDAA2019{i:08d}", "closing_date": "2019-05-06"})
                 for i in range(1, 7)]
        assert lines[0].year == 2019 and lines[0].retention == "D30"  # told by the code
        for ln in lines[:5]:
            transfers.scan_check(s, actor, batch.id, payload(ln.code), pages=19 if ln is lines[2] else None)
        extra = transfers.scan_check(s, actor, batch.id, "Z109-LP.2019-D30-0099")
    with db.write() as s, pytest.raises(ValidationError, match="0099"):  # the unexpected volume has no title
        transfers.confirm_batch(s, actor, batch.id, accept_missing=True)
    assert _count(db, Volume) == 0
    with db.write() as s:
        transfers.update_line(s, actor, extra.line.id, {"title": "清单外案卷"})
    before = _count(db, AuditEntry)
    with db.write() as s:
        result = transfers.confirm_batch(s, actor, batch.id, accept_missing=True)
    assert (result.created, result.missing) == (6, 1)
    assert _count(db, AuditEntry) - before == 6 * 2 + 1 + 1
    with db.read() as s:
        vol = catalogue.find_volume(s, payload(lines[2].code))
        assert vol.pages == 19 and vol.custom == {"claim_no": "PDAA201900000003", "closing_date": "2019-05-06"}
        assert audit.verify_chain(s) == []


@pytest.mark.slow  # the same path through the window is tests/ui/test_transfers_ui.py
def test_receiving_the_sample_register_with_two_missing_and_one_unexpected(db: Database, actor: Actor, q001: int) -> None:
    batch = _receiving_batch(db, actor)
    with db.read() as s:
        plan = transfers.plan_transfer_list(s, SAMPLE)
    assert plan.summary.ok == 114 and plan.summary.rejected == 6 and plan.summary.duplicate == 2
    with db.write() as s:
        added = transfers.add_planned_lines(s, actor, batch.id, plan)
    assert len(added.added) == 114 and not added.refused
    with db.read() as s:
        lines = transfers.list_lines(s, batch.id)
    assert [ln.seq for ln in lines] == list(range(1, 115))
    first = lines[0]
    assert first.code == "Q001-LP·2019-D10-0001" and first.pages == 12 and first.data["claim_no"] == "LP2019173248"

    missing = {lines[10].code, lines[50].code}
    short = lines[20]
    with db.write() as s:
        for ln in lines:
            if ln.code in missing:
                continue
            outcome = transfers.scan_check(s, actor, batch.id, payload(ln.code), pages=ln.pages - 2 if ln is short else None)
            assert outcome.kind == "found", outcome.message
        again = transfers.scan_check(s, actor, batch.id, payload(lines[0].code))
        assert again.kind == "again"
        unexpected = transfers.scan_check(s, actor, batch.id, "Q001-LP.2019-D30-0500")
    assert unexpected.kind == "unexpected" and unexpected.line is not None and not unexpected.line.expected

    with db.read() as s:
        summary = transfers.check_summary(s, batch.id)
    assert summary.expected == 114 and summary.found == 112
    assert {ln.code for ln in summary.missing} == missing
    assert [ln.code for ln in summary.unexpected] == ["Q001-LP·2019-D30-0500"]
    assert [ln.code for ln in summary.page_differences] == [short.code]
    assert summary.page_differences[0].page_difference == -2
    # the unexpected volume has no title yet: confirming would not create it
    assert [p.code for p in summary.problems] == ["Q001-LP·2019-D30-0500"]

    with db.write() as s, pytest.raises(StatusError):  # two still missing
        transfers.confirm_batch(s, actor, batch.id, accept_missing=False)
    with db.write() as s, pytest.raises(ValidationError, match="Q001-LP·2019-D30-0500"):
        transfers.confirm_batch(s, actor, batch.id, accept_missing=True)
    assert _count(db, Volume) == 0  # all or nothing

    with db.write() as s:
        transfers.update_line(s, actor, unexpected.line.id, {"title": "周丽清单外机动车辆保险理赔案卷", "pages": 33, "item_count": 5})
    audit_before = _count(db, AuditEntry)
    with db.read() as s:
        version = transfers.get_batch(s, batch.id).version
    with db.write() as s:
        result = transfers.confirm_batch(s, actor, batch.id, version, accept_missing=True)
    assert (result.created, result.updated, result.missing) == (113, 0, 2)
    assert _count(db, Volume) == 113
    with db.read() as s:
        vol = catalogue.find_volume(s, payload(short.code))
        assert vol is not None and vol.pages == short.pages - 2 and vol.status == "in_stock"
        assert vol.custom["claim_no"] == short.data["claim_no"] and vol.start_date is not None
        assert catalogue.find_volume(s, payload(lines[10].code)) is None
        assert catalogue.find_volume(s, "Q001-LP.2019-D30-0500").title == "周丽清单外机动车辆保险理赔案卷"
        # audited per volume: its creation and its receipt with the batch number
        history = audit.history(s, "volume", vol.id)
        assert {h.action for h in history} == {"volume.create", "transfer.receive"}
        assert "JS-2026-001" in next(h.after for h in history if h.action == "transfer.receive")
        assert audit.verify_chain(s) == []
        assert s.scalar(select(func.count()).select_from(TransferLine).where(TransferLine.volume_id.is_not(None))) == 113
    assert _count(db, AuditEntry) - audit_before == 113 * 2 + 2 + 1  # create + receive each, 2 missing, the batch

    with db.write() as s, pytest.raises(StatusError):
        transfers.add_line(s, actor, batch.id, {"code": "Q001-LP·2019-D30-0600", "title": "迟到的案卷"})
    with db.read() as s:
        reg = transfers.transfer_register(s, transfers.RegisterFilter(direction="in", year=2026))
        data = transfers.transfer_list_data(s, batch.id)
        cert = transfers.certificate_data(s, batch.id)
    assert len(reg) == 1 and reg[0].volumes == 113 and reg[0].missing == 2 and reg[0].years == "2019"
    counted = [ln for ln in data.lines if ln.counted]
    assert len(data.lines) == 115 and len(counted) == 113
    assert sum(ln.pages for ln in counted) == reg[0].pages
    assert cert.quantities[0].volumes == 113 and cert.years == "2019" and cert.finding_aids == "案卷目录一式两份"


def test_confirming_updates_volumes_already_catalogued(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    kept = make_volume(title="旧题名", pages=10)
    gone = make_volume()
    lost = make_volume()
    with db.write() as s:
        catalogue.set_status(s, actor, gone.id, "destroyed")
        catalogue.set_status(s, actor, lost.id, "missing")
        batch = transfers.create_batch(s, actor, "in", from_unit="理赔部")
        for vol in (kept, gone, lost):
            transfers.add_line(s, actor, batch.id, {"code": vol.code, "title": "新题名", "pages": 12}, found=True)
    with db.read() as s:
        problems = transfers.check_summary(s, batch.id).problems
    assert [p.code for p in problems] == [gone.code]
    with db.write() as s, pytest.raises(ValidationError, match="已销毁"):
        transfers.confirm_batch(s, actor, batch.id)
    with db.write() as s:
        line = next(ln for ln in transfers.list_lines(s, batch.id) if ln.code == gone.code)
        transfers.update_line(s, actor, line.id, {"title": "新题名"})
        transfers.set_found(s, actor, line.id, False)  # the line is on the list: untick it, it stays missing
        result = transfers.confirm_batch(s, actor, batch.id, accept_missing=True)
    assert (result.created, result.updated, result.missing) == (0, 2, 1)
    with db.read() as s:
        assert catalogue.get_volume(s, kept.id).title == "新题名"
        assert catalogue.get_volume(s, lost.id).status == "in_stock"
        assert catalogue.get_volume(s, gone.id).status == "destroyed"


def test_scanning_a_code_no_category_knows_is_refused(db: Database, actor: Actor, q001: int) -> None:
    batch = _receiving_batch(db, actor)
    with db.write() as s:
        outcome = transfers.scan_check(s, actor, batch.id, "HELLO-WORLD")
    assert outcome.kind == "refused" and outcome.line is None


# ------------------------------------------------------------------------------------------- handing over


def test_handing_over_refuses_lent_and_gone_volumes_and_marks_the_rest_transferred(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    vols = [make_volume(year=2001, retention="Y") for _ in range(6)]
    with db.write() as s:
        catalogue.set_status(s, actor, vols[0].id, "on_loan")
        catalogue.set_status(s, actor, vols[1].id, "destroyed")
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", nature="移交")
        flt = transfers.permanent_older_than(10, today=date(2026, 1, 1))
        assert set(transfers.filter_volume_ids(s, flt)) == {v.id for v in vols[2:]}
        result = transfers.add_volumes(s, actor, batch.id, [v.id for v in vols])
    assert len(result.added) == 4
    assert {r.code: r.reason for r in result.refused} == {vols[0].code: "借出中：须先归还", vols[1].code: "已销毁"}
    with db.write() as s:
        again = transfers.add_by_scan(s, actor, batch.id, payload(vols[2].code))
        assert again.skipped == 1 and not again.added
        other = transfers.create_batch(s, actor, "out", to_unit="别处")
        clash = transfers.add_volumes(s, actor, other.id, [vols[3].id])
        assert clash.refused and "YC-" in clash.refused[0].reason
        taken = transfers.remove_lines(s, actor, batch.id, [result.added[-1].id])
    assert taken == 1
    # lent meanwhile: the whole confirmation stops
    with db.write() as s:
        catalogue.set_status(s, actor, vols[2].id, "on_loan")
    with db.write() as s, pytest.raises(StatusError, match=vols[2].code):
        transfers.confirm_batch(s, actor, batch.id)
    with db.write() as s:
        catalogue.set_status(s, actor, vols[2].id, "in_stock")
        outcome = transfers.confirm_batch(s, actor, batch.id)
    assert outcome.transferred == 3
    with db.read() as s:
        statuses = {v.id: catalogue.get_volume(s, v.id).status for v in vols}
        lines = transfers.list_lines(s, batch.id)
        history = audit.history(s, "volume", vols[2].id)
        data = transfers.transfer_list_data(s, batch.id)
    assert [statuses[v.id] for v in vols] == ["on_loan", "destroyed", "transferred", "transferred", "transferred", "in_stock"]
    assert len(lines) == 4 and not lines[-1].expected  # the line taken off stays, marked
    assert history[0].action == "transfer.out" and "临川市档案馆" in history[0].after
    assert [ln.seq for ln in data.lines] == [1, 2, 3]


# ------------------------------------------------------------------------------------------- appraisal


def test_due_volumes_count_from_the_year_or_from_the_event_date(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    by_year = make_volume(year=2010, retention="D10", custom={})
    by_event = make_volume(year=2010, retention="D10", custom={"closing_date": "2010-03-15"})
    late_event = make_volume(year=2010, retention="D10", custom={"closing_date": "2010-12-20"})
    permanent = make_volume(year=1990, retention="Y", custom={})
    with db.read() as s:
        due = {d.code: d for d in transfers.due_volumes(s, date(2020, 6, 30))}
        assert set(due) == {by_event.code}
        assert due[by_event.code].expires_on == date(2020, 3, 15) and due[by_event.code].basis == "closing_date"
        due = {d.code: d for d in transfers.due_volumes(s, date(2021, 1, 1))}
        assert set(due) == {by_year.code, by_event.code, late_event.code}
        assert due[by_year.code].expires_on == date(2021, 1, 1) and due[by_year.code].basis == "year"
        assert permanent.code not in due


def _appraisal_with_lines(db: Database, actor: Actor, make_volume) -> tuple[transfers.AppraisalRecord, list]:  # noqa: ANN001
    vols = [make_volume(year=2008, retention="D10", custom={}) for _ in range(3)]
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026, destroyed_on=date(2026, 5, 20))
        added = transfers.add_due_volumes(s, actor, a.id, date(2026, 1, 1))
    assert len(added.added) == 3
    # nothing defaults to destruction: each waits for a person's decision
    assert [ln.decision for ln in added.added] == ["", "", ""]
    with db.write() as s:
        for ln in added.added:
            transfers.set_decision(s, actor, ln.id, "destroy")
    return a, vols


def test_appraisal_destroys_keeps_and_freezes_the_list(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    a, vols = _appraisal_with_lines(db, actor, make_volume)
    with db.read() as s:
        lines = transfers.list_appraisal_lines(s, a.id)
    with db.write() as s, pytest.raises(ValidationError):
        transfers.set_decision(s, actor, lines[0].id, "keep", "D30", "")  # a reason is required
    with db.write() as s:
        transfers.set_decision(s, actor, lines[0].id, "keep", "D30", "涉及未决诉讼")
    with db.write() as s, pytest.raises(ValidationError):  # no panel yet
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 5, 1))
    with db.write() as s, pytest.raises(StatusError, match="待监销确认"):  # nothing is destroyed before the last step
        transfers.confirm_appraisal(s, actor, a.id, witness1="王芳", witness2="陈静", counted=2)
    with db.write() as s:
        transfers.set_panel(s, actor, a.id, ["王建国", "李明", "赵丽"])
        transfers.write_opinion(s, actor, a.id, "保管期满，无保存价值，同意销毁。", date(2026, 5, 1))
    with db.write() as s, pytest.raises(StatusError):  # the list is fixed once the opinion is written
        transfers.set_decision(s, actor, lines[1].id, "keep", "Y", "改主意")
    with db.write() as s, pytest.raises(ValidationError):  # the approval cannot come before the opinion
        transfers.approve_appraisal(s, actor, a.id, "刘志强", date(2026, 4, 1))
    with db.write() as s:
        transfers.approve_appraisal(s, actor, a.id, "刘志强", date(2026, 5, 10))
    with db.read() as s:  # approved: still nothing destroyed
        assert [catalogue.get_volume(s, v.id).status for v in vols] == ["in_stock", "in_stock", "in_stock"]
    with db.write() as s:
        transfers.record_destruction(s, actor, a.id, "粉碎", "本单位档案室", date(2026, 5, 20))
    with db.write() as s, pytest.raises(ValidationError, match="不同"):
        transfers.confirm_appraisal(s, actor, a.id, witness1="王芳", witness2="王芳", counted=2)
    with db.write() as s, pytest.raises(ValidationError):  # the witnesses' count differs from the list
        transfers.confirm_appraisal(s, actor, a.id, witness1="王芳", witness2="陈静", counted=3)
    with db.write() as s:
        a = transfers.get_appraisal(s, a.id)
        result = transfers.confirm_appraisal(s, actor, a.id, a.version, witness1="王芳", witness2="陈静", counted=2)
        a = transfers.get_appraisal(s, a.id)
    assert (result.destroyed, result.kept) == (2, 1)
    with db.read() as s:
        assert [catalogue.get_volume(s, v.id).status for v in vols] == ["in_stock", "destroyed", "destroyed"]
        before = transfers.destruction_list_data(s, a.id)
    assert [ln.code for ln in before.lines] == [vols[1].code, vols[2].code]
    assert before.lines[0].kept == "17年" and before.lines[0].retention == "定期10年"
    assert before.kept[0].new_retention == "定期30年" and before.kept[0].reason == "涉及未决诉讼"
    # confirmed: kept permanently, never edited
    with db.write() as s, pytest.raises(StatusError):
        transfers.set_decision(s, actor, lines[1].id, "keep", "Y", "改主意")
    with db.write() as s, pytest.raises(StatusError):
        transfers.update_appraisal(s, actor, a.id, a.version, {"lead": "别人"})
    with db.write() as s, pytest.raises(StatusError):
        catalogue.set_status(s, actor, vols[1].id, "in_stock")
    with db.write() as s:  # the destroyed volume's record is edited later: the printed list does not change
        vol = catalogue.get_volume(s, vols[1].id)
        catalogue.update_volume(s, actor, vol.id, vol.version, {"title": "改过的题名"})
    with db.read() as s:
        assert transfers.destruction_list_data(s, a.id).lines == before.lines
        # the kept volume counts with its new retention: not due again until 2039
        assert vols[0].id not in {d.volume_id for d in transfers.due_volumes(s, date(2030, 1, 1))}
        assert vols[0].id in {d.volume_id for d in transfers.due_volumes(s, date(2039, 1, 1))}
        register = transfers.destruction_register(s, transfers.DestructionFilter(year=2026))
        assert [r.code for r in register] == [vols[1].code, vols[2].code] and register[0].witnesses == "王芳、陈静"
        assert transfers.destruction_register(s, transfers.DestructionFilter(year=2025)) == []
        assert audit.verify_chain(s) == []


def test_destroying_before_the_retention_ran_out_is_refused(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    young = make_volume(year=2020, retention="D10", custom={})
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026, lead="甲", approver="乙", witness1="丙", witness2="丁", destroyed_on=date(2026, 5, 1))
        added = transfers.add_appraisal_volumes(s, actor, a.id, [young.id])
    with db.write() as s:
        transfers.set_panel(s, actor, a.id, ["甲", "戊"])
    with db.write() as s, pytest.raises(StatusError, match="尚未作出鉴定结论"):  # undecided: the opinion says so
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 5, 1))
    with db.write() as s:
        transfers.set_decision(s, actor, added.added[0].id, "destroy")
    with db.write() as s, pytest.raises(StatusError, match="2031"):
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 5, 1))


# ------------------------------------------------------------------------------------------- Excel


def test_exports_reopen_and_a_locked_target_is_reported(db: Database, actor: Actor, make_volume, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from archive_desk.exporting import filesafe
    from archive_desk.exporting.transfers import write_register, write_transfer_workbook

    vols = [make_volume(year=2000, retention="Y") for _ in range(3)]
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆")
        transfers.add_volumes(s, actor, batch.id, [v.id for v in vols])
        transfers.confirm_batch(s, actor, batch.id)
    with db.read() as s:
        data = transfers.transfer_list_data(s, batch.id)
        cert = transfers.certificate_data(s, batch.id)
        reg = transfers.transfer_register_table(transfers.transfer_register(s))
    target = tmp_path / "list.xlsx"
    write_transfer_workbook(data, target, cert)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["移交清册", "交接文据"]
    cells = [[c for c in row if c is not None] for row in wb["移交清册"].iter_rows(values_only=True)]
    flat = [str(c) for row in cells for c in row]
    assert all(v.code in flat for v in vols)
    assert "共 3 卷 0 件 126 页" in flat
    write_register(reg, tmp_path / "register.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "register.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "档案移交（接收）登记簿" and rows[2][0] == batch.batch_no

    before = target.read_bytes()

    def locked(_tmp: Path, _target: Path) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(filesafe, "_move_into_place", locked)
    with pytest.raises(FileLockedError):
        write_transfer_workbook(data, target, cert)
    assert target.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".list.xlsx")]


# ------------------------------------------------------------------------------------------- shelf space


def test_the_space_finder_proposes_and_reserves_layers_for_a_received_batch(db: Database, actor: Actor, fonds_id: int) -> None:
    locations = pytest.importorskip("archive_desk.services.locations")
    with db.write() as s:
        room = locations.create_room(s, actor, 1, "K1", "1号库房")
        locations.create_rack(s, actor, room.id, 1, sides=1, columns=2, sections=2, layers=2, capacity_count=10)
        batch = transfers.create_batch(s, actor, "in", from_unit="理赔部")
        for i in range(1, 26):
            transfers.add_line(s, actor, batch.id, {"code": f"Z109-LP·2019-D30-{i:04d}", "title": f"第{i}号理赔案卷"}, found=True)
    with db.write() as s:
        proposal = transfers.propose_shelf_space(s, actor, batch.id, reserve=True)
    assert proposal is not None and proposal.volumes == 25 and proposal.reserved
    assert proposal.places and proposal.places[0].capacity >= 25 and len(proposal.places[0].layer_ids) == 3
    with db.read() as s:
        (reservation,) = locations.list_reservations(s)
    assert reservation.label == batch.batch_no and reservation.layers == 3
