"""The retention schedule, legal holds and destruction as a procedure, built from issue #15's examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import StatusError, ValidationError
from archive_desk.services import audit, catalogue, holds, loans, retention, transfers
from archive_desk.services.audit import Actor

ON = date(2026, 12, 31)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env, check=False,
                          timeout=300)


@pytest.fixture
def make(db: Database, actor: Actor, fonds_id: int):  # noqa: ANN201
    """A volume of category ``cat`` (BL, LP, KU, WS …) with any values."""
    counters: dict[str, int] = {}

    def volume(cat: str, year: int, retention_code: str, custom: dict | None = None, title: str = "") -> catalogue.VolumeRecord:
        with db.write() as s:
            category = catalogue.get_category(s, code=cat)
            counters[cat] = counters.get(cat, 0) + 1
            data = {"fonds_id": fonds_id, "category_id": category.id, "year": year, "retention": retention_code,
                    "title": title or f"{cat} {year} 案卷 {counters[cat]}", "pages": 20, "custom": custom or {},
                    "org_code": "CWB", "sequence": counters[cat]}
            if category.filing_mode == "item":
                data["box_no"] = counters[cat]
            return catalogue.create_volume(s, actor, data)

    return volume


def _due_codes(db: Database, on: date = ON) -> dict[str, retention.VolumeRetention]:
    with db.read() as s:
        return {r.code: r for r in retention.due(s, on)}


def test_a_1990_admission_of_a_patient_readmitted_in_2020_is_not_due(db: Database, make) -> None:  # noqa: ANN001
    first = make("BL", 1990, "D30", {"record_no": "0012345", "visit_type": "住院", "discharge_date": "1990-05-03"})
    make("BL", 2020, "D30", {"record_no": "0012345", "visit_type": "住院", "discharge_date": "2020-08-17"})
    alone = make("BL", 1990, "D30", {"record_no": "0099999", "visit_type": "住院", "discharge_date": "1990-06-01"})
    due = _due_codes(db)
    assert first.code not in due and alone.code in due
    with db.read() as s:
        r = retention.for_volume(s, first.id)
    # counted from the patient's last discharge, across every volume under the 病案号
    assert (r.rule, r.start_date, r.due_date) == ("patient", date(2020, 8, 17), date(2050, 8, 17))


def test_outpatient_records_are_kept_fifteen_years_and_D15_is_accepted(db: Database, make) -> None:  # noqa: ANN001
    clinic = make("BL", 2010, "D15", {"record_no": "0055555", "visit_type": "门诊", "discharge_date": "2010-03-02"})
    assert clinic.code.endswith("-D15-0001") or "-D15-" in clinic.code
    with db.read() as s:
        r = retention.for_volume(s, clinic.id)
    assert (r.years, r.due_date) == (15, date(2025, 3, 2))
    assert clinic.code in _due_codes(db)
    # an inpatient record marked D15 by mistake is still kept 30 years from the discharge
    ward = make("BL", 2010, "D15", {"record_no": "0066666", "visit_type": "住院", "discharge_date": "2010-03-02"})
    with db.read() as s:
        assert retention.for_volume(s, ward.id).due_date == date(2040, 3, 2)


def test_a_claim_is_due_from_the_contract_end_when_that_is_later(db: Database, make) -> None:  # noqa: ANN001
    # closed 2012, D10 → 2022; the 3-year policy ended 2015-06-30 → §87: 10 years → 2025-06-30 (later)
    long_policy = make("LP", 2012, "D10", {"closing_date": "2012-04-01", "contract_start": "2012-07-01", "contract_end": "2015-06-30"})
    # a one-year policy: 5 years from its end (2018) is earlier than 结案 + 10 (2023-04-01): the closing date decides
    short_policy = make("LP", 2013, "D10", {"closing_date": "2013-04-01", "contract_start": "2013-01-01", "contract_end": "2013-12-31"})
    no_contract = make("LP", 2012, "D10", {"closing_date": "2012-04-01"})
    with db.read() as s:
        a, b, c = (retention.for_volume(s, v.id) for v in (long_policy, short_policy, no_contract))
    assert (a.due_date, a.basis, a.start_date) == (date(2025, 6, 30), "contract_end", date(2015, 6, 30))
    assert (b.due_date, b.basis) == (date(2023, 4, 1), "closing_date")
    assert c.due_date == date(2022, 4, 1) and any("保险止期" in w for w in c.warnings)  # until filled: from 结案, warned
    due = _due_codes(db, date(2023, 1, 1))
    assert long_policy.code not in due and short_policy.code not in due and no_contract.code in due


def test_accounting_records_follow_the_2015_table(db: Database, make) -> None:  # noqa: ANN001
    journal = make("KU", 2000, "D10", {"ku_kind": "日记账"}, "2000年银行存款日记账")
    vouchers = make("KU", 2000, "D10", {}, "2000年3月记账凭证")  # kind read from the title
    monthly = make("KU", 2000, "D10", {"ku_kind": "月度财务报告"}, "2000年5月财务会计报告")
    annual = make("KU", 2000, "D10", {"ku_kind": "年度财务报告"}, "2000年度财务会计报告")
    card = make("KU", 2000, "D5", {"ku_kind": "固定资产卡片", "disposal_date": "2015-09-30"}, "固定资产卡片")
    card_in_use = make("KU", 2000, "D5", {"ku_kind": "固定资产卡片"}, "固定资产卡片（在用）")
    with db.read() as s:
        r = {v.code: retention.for_volume(s, v.id) for v in (journal, vouchers, monthly, annual, card, card_in_use)}
    assert r[journal.code].due_date == date(2031, 1, 1) and r[vouchers.code].due_date == date(2031, 1, 1)
    assert any("题名" in w for w in r[vouchers.code].warnings)
    assert r[monthly.code].due_date == date(2011, 1, 1)
    assert r[annual.code].due_date is None  # 永久
    assert r[card.code].due_date == date(2020, 9, 30) and r[card_in_use.code].due_date is None
    assert set(_due_codes(db)) == {monthly.code, card.code}


def _walk_procedure(db: Database, actor: Actor, appraisal_id: int, counted: int, **panel: object) -> transfers.ConfirmResult:
    with db.write() as s:
        transfers.set_panel(s, actor, appraisal_id, ["王建国", "李明"], **panel)  # type: ignore[arg-type]
        transfers.write_opinion(s, actor, appraisal_id, "保管期满，经逐卷鉴定无继续保存价值，同意销毁。", date(2026, 6, 1))
        transfers.approve_appraisal(s, actor, appraisal_id, "刘志强", date(2026, 6, 5))
        transfers.record_destruction(s, actor, appraisal_id, "粉碎", "本单位档案室", date(2026, 6, 10))
        return transfers.confirm_appraisal(s, actor, appraisal_id, witness1="王芳", witness2="陈静", counted=counted)


def test_an_accounting_destruction_list_is_appraised_jointly_and_keeps_the_30_year_ledgers(db: Database, actor: Actor, make) -> None:  # noqa: ANN001
    monthly = make("KU", 2005, "D10", {"ku_kind": "月度财务报告"}, "2005年5月财务会计报告")
    journal = make("KU", 2005, "D10", {"ku_kind": "日记账"}, "2005年现金日记账")
    letter = make("WS", 2005, "D10")
    due = _due_codes(db, date(2026, 6, 1))
    assert monthly.code in due and journal.code not in due  # the ledger is kept 30 years whatever its code says
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026, kind="accounting")
        added = transfers.add_appraisal_volumes(s, actor, a.id, [monthly.id, journal.id, letter.id])
        for ln in added.added:
            transfers.set_decision(s, actor, ln.id, "destroy")
        transfers.set_panel(s, actor, a.id, ["王建国", "李明"])
    with db.write() as s, pytest.raises(ValidationError, match="会计机构负责人"):  # no 会计 signatories
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 6, 1))
    with db.write() as s:
        transfers.set_panel(s, actor, a.id, ["王建国", "李明"], accounting_signatories=["会计机构负责人 孙红", "经办人 周强"])
    with db.write() as s, pytest.raises(StatusError) as refused:
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 6, 1))
    assert journal.code in str(refused.value) and "2036" in str(refused.value)  # the 30-year ledger
    assert letter.code in str(refused.value) and "会计销毁清册" in str(refused.value)  # 文书 on its own list
    with db.write() as s:
        lines = {ln.code: ln for ln in transfers.list_appraisal_lines(s, a.id)}
        transfers.remove_appraisal_lines(s, actor, a.id, [lines[journal.code].id, lines[letter.code].id])
    result = _walk_procedure(db, actor, a.id, 1, accounting_signatories=["会计机构负责人 孙红", "经办人 周强"])
    assert result.destroyed == 1
    with db.read() as s:
        assert catalogue.get_volume(s, monthly.id).status == "destroyed"
        assert catalogue.get_volume(s, journal.id).status == "in_stock"
        data = transfers.destruction_list_data(s, a.id)
        record = transfers.get_appraisal(s, a.id)
    assert record.kind == "accounting" and record.accounting_signatories == ("会计机构负责人 孙红", "经办人 周强")
    assert (record.method, record.place, record.approved_on) == ("粉碎", "本单位档案室", date(2026, 6, 5))
    assert [ln.code for ln in data.lines] == [monthly.code]


def test_a_volume_on_hold_is_never_due_nor_lent_nor_destroyed(db: Database, actor: Actor, make) -> None:  # noqa: ANN001
    old = make("BL", 1990, "D30", {"record_no": "0077777", "visit_type": "住院", "discharge_date": "1990-02-01"})
    other = make("WS", 2000, "D10")
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026)
        added = transfers.add_appraisal_volumes(s, actor, a.id, [other.id])
        transfers.set_decision(s, actor, added.added[0].id, "destroy")
        transfers.set_panel(s, actor, a.id, ["王建国", "李明"])
        hold = holds.add_hold(s, actor, kind="seal", reason="医疗纠纷：患者家属申请封存", record_no="0077777", counterpart="患者之子 赵强")
        lit = holds.add_hold(s, actor, kind="litigation", reason="合同纠纷诉讼中", code=other.code)
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "医务科", "card_no": "yg0001"})
    assert hold.release_on is not None and hold.release_on.year == hold.placed_at.year + 3
    due = _due_codes(db)
    assert old.code not in due and other.code not in due
    with db.write() as s:
        refused = transfers.add_appraisal_volumes(s, actor, transfers.create_appraisal(s, actor, 2026).id, [old.id]).refused
        assert refused and "封存" in refused[0].reason
        check = loans.check_volume(s, old.id)
        assert not check.lendable and "封存" in check.reason
        with pytest.raises(Exception, match="封存"):
            loans.lend(s, actor, borrower.id, [old.id], "工作查考", "查阅", date(2027, 1, 10))
    with db.write() as s, pytest.raises(StatusError, match="诉讼"):  # the held volume stops the opinion
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 6, 1))
    with db.read() as s:
        assert holds.hold_reasons(s, old.id) and "封存" in holds.hold_reasons(s, old.id)[0]
        sealing = holds.seal_list_data(s, hold.id)
    assert [row[0] for row in sealing.rows] == [old.code] and sealing.counterpart == "患者之子 赵强"
    with db.write() as s:
        holds.release_hold(s, actor, hold.id)
        holds.release_hold(s, actor, lit.id)
        with pytest.raises(StatusError):
            holds.release_hold(s, actor, hold.id)
    assert old.code in _due_codes(db)
    with db.read() as s:
        assert [e.action for e in audit.history(s, "legal_hold", hold.id)][:2] == ["hold.release", "hold.add"]
        assert audit.verify_chain(s) == []


def test_the_procedure_refuses_to_destroy_before_the_witnesses(db: Database, actor: Actor, make) -> None:  # noqa: ANN001
    vols = [make("WS", 2000, "D10") for _ in range(2)]
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026)
        for ln in transfers.add_appraisal_volumes(s, actor, a.id, [v.id for v in vols]).added:
            transfers.set_decision(s, actor, ln.id, "destroy")
    steps = [
        lambda s: transfers.approve_appraisal(s, actor, a.id, "刘志强", date(2026, 6, 5)),
        lambda s: transfers.record_destruction(s, actor, a.id, "粉碎", "档案室", date(2026, 6, 10)),
        lambda s: transfers.confirm_appraisal(s, actor, a.id, witness1="王芳", witness2="陈静", counted=2),
    ]
    for step in steps:  # out of order: each refused, nothing destroyed
        with db.write() as s, pytest.raises(StatusError):
            step(s)
    with db.read() as s:
        assert {catalogue.get_volume(s, v.id).status for v in vols} == {"in_stock"}
    with db.write() as s:
        transfers.set_panel(s, actor, a.id, ["王建国", "李明"])
        transfers.write_opinion(s, actor, a.id, "同意销毁", date(2026, 6, 1))
        steps[0](s)
        steps[1](s)
    with db.read() as s:  # destruction recorded, not yet witnessed: still in stock
        assert {catalogue.get_volume(s, v.id).status for v in vols} == {"in_stock"}
        assert transfers.get_appraisal(s, a.id).status == "executed"
    with db.write() as s:
        steps[2](s)
    with db.read() as s:
        assert {catalogue.get_volume(s, v.id).status for v in vols} == {"destroyed"}
        actions = [e.action for e in audit.history(s, "appraisal", a.id)]
    assert {"appraisal.panel", "appraisal.opinion", "appraisal.approve", "appraisal.destruction", "appraisal.confirm"} <= set(actions)


def test_retention_due_and_holds_on_the_command_line(db: Database, db_path: Path, _pg_module_db: str | None, actor: Actor,  # noqa: PT019
                                                     make, tmp_path: Path) -> None:  # noqa: ANN001
    due = make("BL", 1990, "D30", {"record_no": "0011111", "visit_type": "住院", "discharge_date": "1990-05-03"})
    make("BL", 2020, "D30", {"record_no": "0022222", "visit_type": "住院", "discharge_date": "2020-05-03"})
    db.dispose()
    db_path = _pg_module_db or db_path  # type: ignore[assignment]  # the room's server when the suite runs on PostgreSQL
    out = run("retention", "due", "--on", "2026-12-31", "--json", "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    entries = json.loads(out.stdout)["due"]
    assert [e["code"] for e in entries] == [due.code]
    assert entries[0]["rule"] == "patient" and entries[0]["start_date"] == "1990-05-03" and entries[0]["due_date"] == "2020-05-03"

    out = run("holds", "add", due.code, "--kind", "litigation", "--reason", "诉讼中", "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    listed = json.loads(run("holds", "list", "--json", "--db", str(db_path)).stdout)["holds"]
    assert [(h["code"], h["kind"]) for h in listed] == [(due.code, "litigation")]
    assert json.loads(run("retention", "due", "--on", "2026-12-31", "--json", "--db", str(db_path)).stdout)["due"] == []
    out = run("holds", "add", "--record-no", "0011111", "--kind", "seal", "--reason", "医疗纠纷封存", "--counterpart", "赵强",
              "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    seal_id = json.loads(run("holds", "list", "--json", "--db", str(db_path)).stdout)["holds"][-1]["id"]
    pdf = tmp_path / "seal.pdf"
    out = run("holds", "print", str(seal_id), "-o", str(pdf), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    assert due.code in _pdftext(pdf.read_bytes(), tmp_path)
    assert run("holds", "release", str(seal_id), "--db", str(db_path)).returncode == 0
    out = run("holds", "release", str(listed[0]["id"]), "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    assert json.loads(run("holds", "list", "--json", "--db", str(db_path)).stdout)["holds"] == []
    out = run("holds", "add", "--kind", "seal", "--reason", "x", "--db", str(db_path))  # neither a volume nor a 病案号
    assert out.returncode != 0 and "病案号" in out.stderr


def _pdftext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout.decode().split())


def test_the_sealing_list_and_the_appraisal_opinion_print(db: Database, actor: Actor, make, tmp_path: Path) -> None:  # noqa: ANN001
    from archive_desk.printing.destruction_list import render_destruction_list
    from archive_desk.printing.sealing_list import render_sealing_list

    sealed = make("BL", 2019, "D30", {"record_no": "0088888", "visit_type": "住院", "discharge_date": "2019-05-03"})
    monthly = make("KU", 2005, "D10", {"ku_kind": "月度财务报告"}, "2005年5月财务会计报告")
    with db.write() as s:
        hold = holds.add_hold(s, actor, kind="seal", reason="医疗纠纷封存", record_no="0088888", counterpart="赵强")
        a = transfers.create_appraisal(s, actor, 2026, kind="accounting")
        ln = transfers.add_appraisal_volumes(s, actor, a.id, [monthly.id]).added[0]
        transfers.set_decision(s, actor, ln.id, "destroy")
    _walk_procedure(db, actor, a.id, 1, accounting_signatories=["会计机构负责人 孙红", "经办人 周强"])
    with db.read() as s:
        seal_text = _pdftext(render_sealing_list(holds.seal_list_data(s, hold.id)), tmp_path)
        list_text = _pdftext(render_destruction_list(transfers.destruction_list_data(s, a.id)), tmp_path)
    release = hold.release_on
    assert release is not None and release.year == hold.placed_at.year + 3
    assert seal_text.count(sealed.code) == 2 and f"{release.year}年{release.month}月{release.day}日" in seal_text  # both sides' copies
    assert "封存清单" in seal_text and "赵强" in seal_text
    assert "会计档案鉴定意见书" in list_text and "保管期满" in list_text and "孙红" in list_text and "周强" in list_text
    assert "会计档案销毁清册" in list_text and "粉碎" in list_text and monthly.code in list_text


@pytest.mark.slow  # a demo build
def test_the_demo_follows_the_rules(tmp_path: Path) -> None:
    from archive_desk.services.demo import build_demo
    from archive_desk.services.setup import open_catalogue

    path = tmp_path / "demo.sqlite"
    build_demo(path, 1500, seed=3)
    db = open_catalogue(path)
    try:
        with db.read() as s:
            from sqlalchemy import select

            from archive_desk.models import Appraisal, AppraisalLine, Category, Volume

            rows = s.execute(select(Volume.id, Volume.custom, Category.code).join(Category, Category.id == Volume.category_id)).all()
            record_nos = [str(c.get("record_no")) for _i, c, code in rows if code == "BL"]
            assert len(set(record_nos)) < len(record_nos)  # readmissions reuse the 病案号
            assert all(c.get("visit_type") for _i, c, code in rows if code == "BL")
            assert all(c.get("contract_end") for _i, c, code in rows if code == "LP")
            assert all(c.get("ku_kind") for _i, c, code in rows if code == "KU")
            ledgers = [i for i, c, code in rows if code == "KU" and c.get("ku_kind") in ("日记账", "记账凭证")]
            assert ledgers and all(s.get(Volume, i).retention == "D30" for i in ledgers)
            destroyed = s.execute(select(AppraisalLine.volume_id, Appraisal.destroyed_on, Appraisal.kind)
                                  .join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
                                  .where(AppraisalLine.decision == "destroy")).all()
            assert destroyed
            due = retention.for_volumes(s, [vid for vid, _on, _kind in destroyed])
            for vid, on, kind in destroyed:  # nothing the rules keep was destroyed, and 会计 only on its own lists
                assert due[vid].due_date is not None and due[vid].due_date <= on, due[vid]
                assert (due[vid].category_code == "KU") == (kind == "accounting")
            assert any(kind == "accounting" for _v, _on, kind in destroyed)
            assert not set(ledgers) & {vid for vid, _on, _k in destroyed}
            confirmed = transfers.list_appraisals(s, status="confirmed")
            assert confirmed and all(a.members and a.opinion and a.approved_on and a.method and a.witnessed_count is not None
                                     for a in confirmed)
    finally:
        db.dispose()
