"""Importing registers into a real catalogue: exact accounting in every format, atomic commits,
no duplicates on a second import, and a killed import that leaves nothing behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.importing import ImportCancelled
from archive_desk.services import audit, catalogue, importer
from archive_desk.services.audit import Actor

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SAMPLES = ["claims_register_2019.xlsx", "claims_register_2019.xls", "claims_register_2019.ods", "claims_register_2019_gbk.csv"]


def count(path: Path, sql: str = "SELECT count(*) FROM volumes") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_register_imports_with_its_stated_accounting(db: Database, db_path: Path, actor: Actor, name: str) -> None:
    plan = importer.plan(db, DATA / name)
    s = plan.summary
    assert (s.rows_read, s.ok, s.rejected, s.duplicate, s.skipped) == (128, 114, 6, 2, 6)
    assert (s.skipped_blank, s.skipped_total, s.skipped_signature) == (4, 1, 1)
    result = importer.commit(db, actor, plan, create_missing_fonds=True)
    assert (result.created, result.failures) == (114, ())
    assert count(db_path) == 114
    with db.read() as session:
        assert audit.verify_chain(session) == []
    # the fonds named in the 档号 was created, audited, and every volume is findable by its barcode
    assert result.fonds_created == ("Q001",)
    assert count(db_path, "SELECT count(*) FROM volumes WHERE barcode = replace(code, '·', '.')") == 114


def test_second_import_creates_no_duplicates_and_updates_only_when_asked(db: Database, db_path: Path, actor: Actor) -> None:
    sample = DATA / SAMPLES[0]
    importer.commit(db, actor, importer.plan(db, sample), create_missing_fonds=True)
    again = importer.plan(db, sample)
    assert (again.summary.ok, again.summary.existing) == (0, 114)
    result = importer.commit(db, actor, again)
    assert (result.created, result.updated) == (0, 0)
    assert count(db_path) == 114
    # a clerk corrected a title in the catalogue; re-importing with "update" puts the register's back
    with db.write() as session:
        first = catalogue.get_volume(session, 1)
        catalogue.update_volume(session, actor, first.id, first.version, {"title": "改过的题名"})
    result = importer.commit(db, actor, importer.plan(db, sample), update_existing=True)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 113)
    assert count(db_path, "SELECT count(*) FROM audit_log WHERE action = 'volume.import_update'") == 1


def test_unknown_fonds_is_refused_per_row_unless_created(db: Database, db_path: Path, actor: Actor) -> None:
    result = importer.commit(db, actor, importer.plan(db, DATA / SAMPLES[0]))
    assert result.created == 0 and len(result.failures) == 114
    assert "Q001" in result.failures[0].reason
    assert count(db_path) == 0


def test_cancel_leaves_the_catalogue_as_it_was(db: Database, db_path: Path, actor: Actor) -> None:
    plan = importer.plan(db, DATA / SAMPLES[0])
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        importer.commit(db, actor, plan, create_missing_fonds=True, should_cancel=lambda: next(calls) > 50)
    assert count(db_path) == 0
    assert count(db_path, "SELECT count(*) FROM fonds") == 0
    assert count(db_path, "SELECT count(*) FROM audit_log WHERE action LIKE '%import%'") == 0


def make_register(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("案卷目录")
    sheet.write_row(0, 0, ["档号", "年度", "保管期限", "案卷题名", "页数"])
    for i in range(1, rows + 1):
        sheet.write_row(i, 0, [f"Z109-LP·2020-D30-{i:05d}"[:-5] + f"{i:04d}" if i < 10000 else f"Z109-LP·2020-D10-{i - 9999:04d}",
                               2020, "D30" if i < 10000 else "D10", f"第{i}号理赔案卷", i % 90 + 1])
    book.close()


CHILD = r"""
import sys, time
from archive_desk.db.engine import Database
from archive_desk.services import importer
from archive_desk.services.audit import Actor
db = Database.open(sys.argv[1])
plan = importer.plan(db, sys.argv[2])
def progress(done, total):
    if done >= 1000:
        print("COMMITTING", flush=True)
        time.sleep(0.05)
importer.commit(db, Actor("killed", "ws"), plan, create_missing_fonds=True, progress=progress)
print("DONE", flush=True)
"""


def test_killed_import_leaves_the_catalogue_unchanged_and_intact(db: Database, db_path: Path, actor: Actor, tmp_path: Path) -> None:
    register = tmp_path / "big.xlsx"
    make_register(register, 12000)
    before = count(db_path, "SELECT count(*) FROM audit_log")
    db.dispose()
    with subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(register)], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "COMMITTING"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert count(db_path) == 0
    assert count(db_path, "SELECT count(*) FROM audit_log") == before
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # and the same file then imports completely
    reopened = Database.open(db_path)
    try:
        result = importer.commit(reopened, actor, importer.plan(reopened, register), create_missing_fonds=True)
        assert result.created == 12000
    finally:
        reopened.dispose()
