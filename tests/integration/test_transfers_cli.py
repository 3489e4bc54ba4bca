"""``archive-desk transfer print|export|register`` as a user runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from archive_desk.db.engine import Database
from archive_desk.services import catalogue, transfers
from archive_desk.services.audit import Actor


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env, check=False, timeout=300)


def _pdftotext(path: Path) -> str:
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout.decode())


@pytest.fixture
def papers(db: Database, db_target: str, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    """A confirmed handing-over batch of two volumes and a confirmed destruction list of two more."""
    vols = [make_volume(year=2005, retention="D10", custom={}) for _ in range(4)]
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", to_handler="孟庆华",
                                       transfer_date=date(2026, 10, 15))
        transfers.add_volumes(s, actor, batch.id, [v.id for v in vols[:2]])
        transfers.confirm_batch(s, actor, batch.id)
        a = transfers.create_appraisal(s, actor, 2026, lead="王建国", approver="刘志强", witness1="王芳", witness2="陈静",
                                       destroyed_on=date(2026, 11, 1))
        added = transfers.add_due_volumes(s, actor, a.id, date(2026, 11, 1)).added
        for ln in added:
            transfers.set_decision(s, actor, ln.id, "destroy")
        transfers.set_panel(s, actor, a.id, ["王建国", "李明"])
        transfers.write_opinion(s, actor, a.id, "保管期满，无保存价值，同意销毁。", date(2026, 10, 20))
        transfers.approve_appraisal(s, actor, a.id, "刘志强", date(2026, 10, 25))
        transfers.record_destruction(s, actor, a.id, "粉碎", "本单位档案室", date(2026, 11, 1))
        transfers.confirm_appraisal(s, actor, a.id, counted=len(added))
    db.dispose()
    return vols, batch, a


def test_print_and_export_a_batch(db_target: str, papers, tmp_path: Path) -> None:  # noqa: ANN001
    vols, batch, _a = papers
    out = tmp_path / "list.pdf"
    result = run("transfer", "print", batch.batch_no, "-o", str(out), "--db", db_target)
    assert result.returncode == 0, result.stderr
    text = _pdftotext(out)
    assert text.count(vols[0].code) == 2 and "共2卷0件84页" in text and "接收人：孟庆华" in text

    xlsx = tmp_path / "list.xlsx"
    result = run("transfer", "export", batch.batch_no, "-o", str(xlsx), "--db", db_target)
    assert result.returncode == 0, result.stderr
    values = {str(c) for row in openpyxl.load_workbook(xlsx)["移交清册"].iter_rows(values_only=True) for c in row if c is not None}
    assert {vols[0].code, vols[1].code, "共 2 卷 0 件 84 页"} <= values


@pytest.mark.slow
def test_print_a_certificate_a_destruction_list_and_the_registers(db_target: str, papers, tmp_path: Path) -> None:  # noqa: ANN001
    vols, batch, a = papers
    both = tmp_path / "both.pdf"
    assert run("transfer", "print", batch.batch_no, "--what", "both", "--copies", "1", "-o", str(both), "--db", db_target).returncode == 0
    assert "档案交接文据" in _pdftotext(both)

    dl = tmp_path / "destruction.pdf"
    assert run("transfer", "print", a.list_no, "-o", str(dl), "--db", db_target).returncode == 0
    text = _pdftotext(dl)
    assert "档案销毁清册" in text and vols[2].code in text and "共2卷84页" in text

    xlsx = tmp_path / "destruction.xlsx"
    assert run("transfer", "export", a.list_no, "-o", str(xlsx), "--db", db_target).returncode == 0
    assert openpyxl.load_workbook(xlsx).sheetnames == ["销毁清册"]

    reg = tmp_path / "register.xlsx"
    assert run("transfer", "register", "--kind", "destruction", "-o", str(reg), "--db", db_target).returncode == 0
    rows = list(openpyxl.load_workbook(reg).active.iter_rows(values_only=True))
    assert rows[0][0] == "档案销毁登记簿" and {r[2] for r in rows[2:]} == {vols[2].code, vols[3].code}

    missing = run("transfer", "print", "JS-1999-999", "-o", str(tmp_path / "x.pdf"), "--db", db_target)
    assert missing.returncode == 2 and "JS-1999-999" in missing.stderr
    with Database.open(db_target).read() as s:
        assert catalogue.get_volume(s, vols[0].id).status == "transferred"
