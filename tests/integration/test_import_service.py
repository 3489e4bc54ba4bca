"""Importing registers into a real catalogue: exact accounting in every format, atomic commits,
no duplicates on a second import, and a killed import that leaves nothing behind."""

from __future__ import annotations

import os
from datetime import date
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ON_POSTGRESQL, raw_connect

from archive_desk.db import fts
from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.importing import ImportCancelled
from archive_desk.services import audit, catalogue, importer, search
from archive_desk.services.audit import Actor

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SAMPLES = ["claims_register_2019.xlsx", "claims_register_2019.xls", "claims_register_2019.ods", "claims_register_2019_gbk.csv"]


def count(path: Path | str, sql: str = "SELECT count(*) FROM volumes") -> int:
    conn = raw_connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_register_imports_with_its_stated_accounting(db: Database, db_target: str, actor: Actor, name: str) -> None:
    plan = importer.plan(db, DATA / name)
    s = plan.summary
    assert (s.rows_read, s.ok, s.rejected, s.duplicate, s.skipped) == (128, 114, 6, 2, 6)
    assert (s.skipped_blank, s.skipped_total, s.skipped_signature) == (4, 1, 1)
    result = importer.commit(db, actor, plan, create_missing_fonds=True)
    assert (result.created, result.failures) == (114, ())
    assert count(db_target) == 114
    with db.read() as session:
        assert audit.verify_chain(session) == []
    # the fonds named in the 档号 was created, audited, and every volume is findable by its barcode
    assert result.fonds_created == ("Q001",)
    assert count(db_target, "SELECT count(*) FROM volumes WHERE barcode = replace(code, '·', '.')") == 114


def test_second_import_creates_no_duplicates_and_updates_only_when_asked(db: Database, db_target: str, actor: Actor) -> None:
    sample = DATA / SAMPLES[0]
    importer.commit(db, actor, importer.plan(db, sample), create_missing_fonds=True)
    again = importer.plan(db, sample)
    assert (again.summary.ok, again.summary.existing) == (0, 114)
    result = importer.commit(db, actor, again)
    assert (result.created, result.updated) == (0, 0)
    assert count(db_target) == 114
    # a clerk corrected a title in the catalogue; re-importing with "update" puts the register's back
    with db.write() as session:
        first = catalogue.get_volume(session, 1)
        catalogue.update_volume(session, actor, first.id, first.version, {"title": "改过的题名"})
    result = importer.commit(db, actor, importer.plan(db, sample), update_existing=True)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 113)
    assert count(db_target, "SELECT count(*) FROM audit_log WHERE action = 'volume.import_update'") == 1


def test_update_existing_changes_only_what_the_file_says(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    """Re-importing with "update": a corrected title is written, but a blank cell or a missing column
    never clears the catalogue's value, a shelved volume keeps its place on its layer unless the file
    moves it, the version counts up, and the audit row holds what changed."""
    import xlsxwriter

    from archive_desk.services import locations

    with db.write() as session:
        room = locations.create_room(session, actor, 1)
        locations.create_rack(session, actor, room.id, 5, sides=1, columns=2, sections=1, layers=2)

    def register(name: str, header: list[str], rows: list[list[object]]) -> Path:
        path = tmp_path / name
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, header)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
        book.close()
        return path

    codes = [f"Z109-LP·2020-D30-{i:04d}" for i in (1, 2, 3)]
    first = register("first.xlsx", ["档号", "年度", "保管期限", "案卷题名", "备注", "存放位置"],
                     [[code, 2020, "D30", f"第{i}号案卷", "原件", "5号密集架1列1节1层"] for i, code in enumerate(codes, 1)])
    importer.commit(db, actor, importer.plan(db, first), create_missing_fonds=True)

    def state() -> dict[str, tuple[object, ...]]:
        conn = raw_connect(db_target)
        try:
            return {r[0]: r[1:] for r in conn.execute(
                "SELECT code, title, notes, layer_id, shelf_position, version FROM volumes ORDER BY code")}
        finally:
            conn.close()

    before = state()
    assert [v[3] for v in before.values()] == [1, 2, 3]  # places 1-3 on the layer, in the file's order
    # the same file again: nothing changes, nobody moves along the layer
    again = importer.commit(db, actor, importer.plan(db, first), update_existing=True)
    assert (again.updated, again.unchanged) == (0, 3)
    assert state() == before
    # a corrected register: no 备注 or 存放位置 column, one title corrected, one title left blank,
    # one volume moved to another layer by a second file
    corrected = register("corrected.xlsx", ["档号", "年度", "保管期限", "案卷题名"],
                         [[codes[0], 2020, "D30", "第1号案卷（更正）"], [codes[1], 2020, "D30", None], [codes[2], 2020, "D30", "第3号案卷"]])
    plan = importer.plan(db, corrected)
    assert plan.summary.existing == 2 and plan.summary.rejected == 1  # a blank title is an error, as ever
    # what the preview shows before the clerk ticks "update": which rows would change, and how
    sheet = plan.sheets[0].name
    assert importer.pending_updates(db, plan) == {(sheet, 2): {"title": ("第1号案卷", "第1号案卷（更正）")}, (sheet, 4): {}}
    result = importer.commit(db, actor, plan, update_existing=True)
    assert (result.updated, result.unchanged, result.updated_codes) == (1, 1, (codes[0],))  # named on the result page
    moved = register("moved.xlsx", ["档号", "案卷题名", "存放位置"], [[codes[2], "第3号案卷", "5号密集架2列1节2层"]])
    assert list(importer.pending_updates(db, importer.plan(db, moved)).values()) == [{"layer_id": ("K1-05A-01-1-1", "K1-05A-02-1-2")}]
    assert importer.commit(db, actor, importer.plan(db, moved), update_existing=True).updated == 1
    after = state()
    assert after[codes[0]] == ("第1号案卷（更正）", "原件", before[codes[0]][2], 1, 2)
    assert after[codes[1]] == before[codes[1]]
    layer, place = after[codes[2]][2:4]
    assert layer != before[codes[2]][2] and place == 1 and after[codes[2]][4] == 2
    conn = raw_connect(db_target)
    try:
        entries = conn.execute("SELECT entity_id, before, after FROM audit_log WHERE action = 'volume.import_update' ORDER BY id").fetchall()
        used = dict(conn.execute("SELECT id, used_count FROM layers WHERE used_count > 0"))
    finally:
        conn.close()
    assert [(b, a) for _id, b, a in entries][0] == ('{"title":"第1号案卷"}', '{"title":"第1号案卷（更正）"}')
    assert used == {before[codes[0]][2]: 2, layer: 1}
    conn = raw_connect(db_target)
    try:  # the move is in the volume's location history, as a move by scan would be
        moves = conn.execute("SELECT from_layer_id, to_layer_id, from_position, to_position, reason FROM location_moves").fetchall()
    finally:
        conn.close()
    assert moves == [(before[codes[2]][2], layer, 3, 1, "导入")]
    with db.read() as session:
        assert audit.verify_chain(session) == []

    # a volume out on loan is not moved by an import (it is not on the shelf); the row says why
    conn = raw_connect(db_target)
    with conn:
        conn.execute("UPDATE volumes SET status = 'on_loan' WHERE code = ?", (codes[0],))
    conn.close()
    lent = register("lent.xlsx", ["档号", "案卷题名", "存放位置"], [[codes[0], "第1号案卷（更正）", "5号密集架2列1节2层"]])
    refused = importer.commit(db, actor, importer.plan(db, lent), update_existing=True)
    assert refused.updated == 0 and "借出" in refused.failures[0].reason
    assert state()[codes[0]][2] == before[codes[0]][2]


def test_nothing_is_shelved_on_a_layer_out_of_use(db: Database, actor: Actor, tmp_path: Path) -> None:
    import xlsxwriter

    from archive_desk.services import locations

    with db.write() as session:
        room = locations.create_room(session, actor, 1)
        rack = locations.create_rack(session, actor, room.id, 5, sides=1, columns=1, sections=1, layers=2)
        layer = next(x for x in locations.list_layers(session, rack.id) if x.layer == 2)
        locations.deactivate_layer(session, actor, layer.id, "漏水")
    path = tmp_path / "r.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "案卷题名", "存放位置"])
    sheet.write_row(1, 0, ["Z109-LP·2020-D30-0001", "第1号案卷", "5号密集架1列1节1层"])
    sheet.write_row(2, 0, ["Z109-LP·2020-D30-0002", "第2号案卷", "5号密集架1列1节2层"])
    book.close()
    plan = importer.plan(db, path)
    assert (plan.summary.ok, plan.summary.rejected) == (1, 1)
    problem = next(plan.problems())
    assert (problem.row, problem.column) == (3, "C") and "已停用" in problem.reason


def test_update_existing_keeps_the_security_period(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    """秘密★10年 stores the level and its 10-year period; importing the same register again changes nothing,
    and a register giving the level alone does not clear the period."""
    import xlsxwriter

    def register(name: str, mark: str) -> Path:
        path = tmp_path / name
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["档号", "案卷题名", "密级"])
        sheet.write_row(1, 0, ["Z109-LP·2020-D30-0001", "第1号案卷", mark])
        book.close()
        return path

    first = register("a.xlsx", "秘密★10年")
    importer.commit(db, actor, importer.plan(db, first), create_missing_fonds=True)
    assert count(db_target, "SELECT security_period FROM volumes WHERE security = '秘密'") == 10
    assert importer.commit(db, actor, importer.plan(db, first), update_existing=True).unchanged == 1
    assert importer.commit(db, actor, importer.plan(db, register("b.xlsx", "秘密")), update_existing=True).unchanged == 1
    assert count(db_target, "SELECT security_period FROM volumes") == 10


def test_unknown_fonds_is_refused_per_row_unless_created(db: Database, db_target: str, actor: Actor) -> None:
    plan = importer.plan(db, DATA / SAMPLES[0])
    assert importer.fonds_not_catalogued(db, plan) == {"Q001": 114}  # what the preview warns of
    result = importer.commit(db, actor, plan)
    assert result.created == 0 and len(result.failures) == 114
    assert "Q001" in result.failures[0].reason
    assert count(db_target) == 0
    importer.commit(db, actor, plan, create_missing_fonds=True)
    assert importer.fonds_not_catalogued(db, importer.plan(db, DATA / SAMPLES[0])) == {}


def test_a_code_that_follows_no_category_pattern_is_an_error_in_the_plan(db: Database, actor: Actor, tmp_path: Path) -> None:
    """The commit would refuse such a row; the plan says so first, on the 档号 cell, so the preview does."""
    import xlsxwriter

    path = tmp_path / "r.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "案卷题名"])
    sheet.write_row(1, 0, ["Z109-WS·2019-D30-0001", "文书案卷缺盒号"])  # 文书 codes end in a box number
    sheet.write_row(2, 0, ["Z109-LP·2019-D30-0002", "理赔案卷"])
    book.close()
    plan = importer.plan(db, path)
    assert (plan.summary.ok, plan.summary.rejected) == (1, 1)
    problem = next(plan.problems())
    assert (problem.row, problem.column) == (2, "A") and "Z109-WS·2019-D30-0001" in problem.reason
    result = importer.commit(db, actor, plan, create_missing_fonds=True)
    assert (result.created, result.failures) == (1, ())


def test_cancel_leaves_the_catalogue_as_it_was(db: Database, db_target: str, actor: Actor) -> None:
    plan = importer.plan(db, DATA / SAMPLES[0])
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        importer.commit(db, actor, plan, create_missing_fonds=True, should_cancel=lambda: next(calls) > 50)
    assert count(db_target) == 0
    assert count(db_target, "SELECT count(*) FROM fonds") == 0
    assert count(db_target, "SELECT count(*) FROM audit_log WHERE action LIKE '%import%'") == 0


def test_imported_volumes_are_found_by_search_and_stay_in_step_after_edits(db: Database, actor: Actor, tmp_path: Path) -> None:
    """An import writes the search index in bulk; the rows it writes must be exactly what the triggers
    would write, or a later edit (which forgets the old tokens) would leave the old title findable."""
    register = tmp_path / "r.xlsx"
    make_register(register, 1500)  # more than one chunk of the bulk writer
    result = importer.commit(db, actor, importer.plan(db, register), create_missing_fonds=True)
    assert result.created == 1500
    with db.read() as session:
        assert [h.code for h in search.search(session, "第1234号")] == ["Z109-LP·2020-D30-1234"]
        assert [h.code for h in search.search(session, "第1499号")] == ["Z109-LP·2020-D30-1499"]
        assert [h.code for h in search.search(session, "Z109-LP·2020-D30-0007")][:1] == ["Z109-LP·2020-D30-0007"]
        vid = next(h.volume_id for h in search.search(session, "第1234号"))
    conn = raw_connect(db.url or db.path)
    try:  # every imported title is in the index by its bigrams, characters and pinyin initials (理赔案卷 → lpaj)
        for match in ('title : "赔案"', "title1 : 卷", 'pinyin : "lpa paj"') if not ON_POSTGRESQL else ():  # SQLite's FTS5 index
            assert conn.execute("SELECT count(*) FROM search_volume_fts WHERE search_volume_fts MATCH ?", (match,)).fetchone()[0] == 1500
    finally:
        conn.close()
    with db.write() as session:
        volume = catalogue.get_volume(session, vid)
        catalogue.update_volume(session, actor, vid, volume.version, {"title": "车险追尾查勘报告"})
    with db.read() as session:
        assert search.search(session, "第1234号") == []
        assert [h.volume_id for h in search.search(session, "追尾")] == [vid]
    conn = raw_connect(db.url or db.path)
    try:  # FTS5's own check of the index structure (SQLite's; PostgreSQL's search has no such index)
        if not ON_POSTGRESQL:
            conn.execute("INSERT INTO search_volume_fts(search_volume_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    # and a volume saved after the import is indexed by the trigger again
    with db.write() as session:
        created = catalogue.create_volume(session, actor, {"code": "Z109-LP·2020-D30-9999", "fonds_id": volume.fonds_id,
                                                           "category_id": volume.category_id, "year": 2020,
                                                           "retention": "D30", "title": "新建的医疗费用单据"})
    with db.read() as session:
        assert [h.volume_id for h in search.search(session, "医疗费用")] == [created.id]


def test_imported_volumes_on_the_shelving_count_on_their_layers(db: Database, actor: Actor, tmp_path: Path) -> None:
    """The bulk commit recounts the layers its volumes stand on instead of a trigger per row: the room
    map must show the same numbers as counting the volumes one by one."""
    import xlsxwriter

    from archive_desk.db import layer_usage
    from archive_desk.services import locations

    with db.write() as session:
        room = locations.create_room(session, actor, 1)
        locations.create_rack(session, actor, room.id, 5, sides=1, columns=8, sections=1, layers=5)
    register = tmp_path / "shelved.xlsx"
    book = xlsxwriter.Workbook(str(register))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "年度", "保管期限", "案卷题名", "存放位置"])
    for i in range(1, 1201):
        sheet.write_row(i, 0, [f"Z109-LP·2020-D30-{i:04d}", 2020, "D30", f"第{i}号理赔案卷", f"5号密集架{i % 8 + 1}列1节{i % 5 + 1}层"])
    book.close()
    result = importer.commit(db, actor, importer.plan(db, register), create_missing_fonds=True)
    assert (result.created, result.failures) == (1200, ())
    conn = raw_connect(db.url or db.path)
    try:
        used = dict(conn.execute("SELECT code, used_count FROM layers WHERE used_count > 0").fetchall())
        assert len(used) == 40 and sum(used.values()) == 1200  # 8 columns × 5 layers, 30 volumes each
        assert set(used.values()) == {30}
        assert conn.execute(layer_usage.DIFFERENCES).fetchall() == []
        if not ON_POSTGRESQL:  # SQLite's bulk import drops the trigger and puts it back; PostgreSQL's stays
            assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'layer_usage_ai'").fetchone()[0] == 1
    finally:
        conn.close()
    if ON_POSTGRESQL:
        return  # the rest checks SQLite's bulk path, which drops and restores the layer trigger
    # the trigger is back: a volume inserted onto that layer afterwards counts too
    conn = raw_connect(db.url or db.path)
    try:
        fts.register_functions(conn)  # the search index's triggers need them on any writing connection
        layer = conn.execute("SELECT layer_id FROM volumes WHERE id = ?", (result.volume_ids[0],)).fetchone()[0]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(volumes)") if r[1] not in ("id", "code", "barcode")]
        with conn:
            conn.execute(f"INSERT INTO volumes (code, barcode, {', '.join(columns)}) "
                         f"SELECT 'Z109-LP·2020-D30-9999', 'Z109-LP.2020-D30-9999', {', '.join(columns)} FROM volumes WHERE id = ?",
                         (result.volume_ids[0],))
        used_layer = conn.execute("SELECT used_count FROM layers WHERE id = ?", (layer,)).fetchone()[0]
    finally:
        conn.close()
    assert used_layer == 31


def test_a_volume_saved_elsewhere_between_check_and_import_stops_the_import_cleanly(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    register = tmp_path / "r.xlsx"
    make_register(register, 1200)
    plan = importer.plan(db, register)
    # meanwhile another workstation imports a list holding one of the register's volumes
    import xlsxwriter

    other = tmp_path / "other.xlsx"
    book = xlsxwriter.Workbook(str(other))
    book.add_worksheet().write_row(0, 0, ["档号", "年度", "保管期限", "案卷题名"])
    book.worksheets()[0].write_row(1, 0, ["Z109-LP·2020-D30-1100", 2020, "D30", "另一台工作站登记的案卷"])
    book.close()
    assert importer.commit(db, actor, importer.plan(db, other), create_missing_fonds=True).created == 1
    before = count(db_target), count(db_target, "SELECT count(*) FROM audit_log")
    with pytest.raises(UserError, match="另一台工作站"):
        importer.commit(db, actor, plan, create_missing_fonds=True)
    assert (count(db_target), count(db_target, "SELECT count(*) FROM audit_log")) == before  # nothing half-written
    if not ON_POSTGRESQL:  # SQLite's bulk import drops these triggers inside its transaction: they are back
        assert count(db_target, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('search_volumes_ai', 'layer_usage_ai')") == 2
    # checked again, the file imports everything but the volume that now exists
    again = importer.commit(db, actor, importer.plan(db, register), create_missing_fonds=True)
    assert again.created == 1199


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


def test_killed_import_leaves_the_catalogue_unchanged_and_intact(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    register = tmp_path / "big.xlsx"
    make_register(register, 12000)
    before = count(db_target, "SELECT count(*) FROM audit_log")
    db.dispose()
    with subprocess.Popen([sys.executable, "-c", CHILD, db_target, str(register)], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "COMMITTING"
        child.kill()  # SIGKILL / TerminateProcess: no clean-up
        child.wait(timeout=30)
    assert child.returncode != 0  # killed (-9 on POSIX, 1 on Windows), not finished
    assert count(db_target) == 0
    assert count(db_target, "SELECT count(*) FROM audit_log") == before
    if not ON_POSTGRESQL:  # the file is intact, and SQLite's bulk path put back the trigger it dropped
        conn = raw_connect(db_target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the bulk commit drops the search index's insert trigger inside its transaction: it is back
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'search_volumes_ai'").fetchone()[0] == 1
        conn.close()
    # and the same file then imports completely
    reopened = Database.open(db_target)
    try:
        result = importer.commit(reopened, actor, importer.plan(reopened, register), create_missing_fonds=True)
        assert result.created == 12000
    finally:
        reopened.dispose()


def test_item_lists_link_to_their_volumes_and_a_second_import_adds_nothing(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    import xlsxwriter

    volumes = tmp_path / "volumes.xlsx"
    book = xlsxwriter.Workbook(str(volumes))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "年度", "保管期限", "案卷题名"])
    sheet.write_row(1, 0, ["Z109-LP·2020-D30-0001", 2020, "D30", "第1号理赔案卷"])
    book.close()
    importer.commit(db, actor, importer.plan(db, volumes), create_missing_fonds=True)
    items = tmp_path / "卷内目录.xlsx"
    book = xlsxwriter.Workbook(str(items))
    sheet = book.add_worksheet("卷内目录")
    sheet.write_row(0, 0, ["档号", "序号", "文件题名", "页数", "页号"])
    sheet.write_row(1, 0, ["Z109-LP.2020-D30-0001", 1, "出险通知书", 2])  # pages only: numbered from 1
    sheet.write_row(2, 0, ["Z109-LP.2020-D30-0001", 2, "查勘报告", 5, "5-9"])  # the list's own page numbers
    sheet.write_row(3, 0, ["Z109-LP.2020-D30-0001", 3, "赔款收据", 1])  # runs on after the item before
    sheet.write_row(4, 0, ["Z109-LP.2020-D30-0009", 1, "无此案卷", 1])
    sheet.write_row(5, 0, ["Z109-LP.2020-D30-0001", 4, "医疗费发票", 3, "11"])  # 页号 as usual: the first page
    sheet.write_row(6, 0, ["Z109-LP.2020-D30-0001", 5, "结案报告", None, "14"])
    book.close()
    plan = importer.plan(db, items, kind="items")
    assert (plan.summary.ok, plan.summary.rejected) == (5, 1)
    result = importer.commit(db, actor, plan)
    assert result.items == 5

    def listed() -> list[tuple[object, ...]]:
        conn = raw_connect(db_target)
        try:
            return conn.execute("SELECT seq, title, page_start, page_end FROM items ORDER BY seq").fetchall()
        finally:
            conn.close()

    assert listed() == [(1, "出险通知书", 1, 2), (2, "查勘报告", 5, 9), (3, "赔款收据", 10, 10), (4, "医疗费发票", 11, 13),
                        (5, "结案报告", 14, None)]
    # the same list again: every item is already there, nothing is added
    again = importer.plan(db, items, kind="items")
    assert (again.summary.ok, again.summary.existing, again.summary.rejected) == (0, 5, 1)
    assert importer.commit(db, actor, again).items == 0
    assert len(listed()) == 5
    assert count(db_target, "SELECT item_count FROM volumes") == 5

    # a list without 序号: two 发票 of one day are two documents, and the list imported twice adds nothing
    plain = tmp_path / "无序号.xlsx"
    book = xlsxwriter.Workbook(str(plain))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["档号", "文件题名", "日期", "页数"])
    for _ in range(2):
        sheet.write_row(sheet.dim_rowmax + 1 if sheet.dim_rowmax is not None else 1, 0, ["Z109-LP.2020-D30-0001", "发票", "2020.3.5", 1])
    book.close()
    first = importer.plan(db, plain, kind="items")
    assert (first.summary.ok, first.summary.duplicate) == (2, 0)
    assert importer.commit(db, actor, first).items == 2
    second = importer.plan(db, plain, kind="items")
    assert (second.summary.ok, second.summary.existing) == (0, 2)
    assert len(listed()) == 7


def test_legacy_long_retention_imports_as_the_code_says(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    import openpyxl

    register = tmp_path / "长期.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["档号", "案卷题名", "年度", "保管期限"])
    book.active.append(["Q001-LP·2005-D30-0001", "2006年后转换的案卷", 2005, "长期"])
    book.active.append(["Q001-LP·2005-Y-0002", "永久案卷误记长期", 2005, "长期"])
    book.save(register)
    plan = importer.plan(db, register)
    assert (plan.summary.ok, plan.summary.rejected) == (1, 1)
    result = importer.commit(db, actor, plan, create_missing_fonds=True)
    assert (result.created, result.failures) == (1, ())
    assert count(db_target, "SELECT retention FROM volumes") == "D30"


def test_dates_given_to_the_month(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    """起止日期 as months (refused before: "Date 2021年10月 is not understood") are stored as the first day of
    the first month and the last day of the last, marked as given to the month, and printed as written."""
    import subprocess as sp

    import openpyxl

    from archive_desk.printing.forms import render_volume_forms
    from archive_desk.services import labels

    register = tmp_path / "按月.xlsx"
    book = openpyxl.Workbook()
    volumes_sheet = book.active
    volumes_sheet.title = "案卷"
    volumes_sheet.append(["档号", "案卷题名", "年度", "起止日期"])
    volumes_sheet.append(["Q001-LP·2021-D30-0001", "按月登记的案卷", 2021, "2021年3月—2021年5月"])
    volumes_sheet.append(["Q001-LP·2021-D30-0002", "按日登记的案卷", 2021, "2021.04.02-2021.06.30"])
    volumes_sheet.append(["Q001-LP·2021-D30-0003", "只写一个月", 2021, "202110"])
    book.save(register)
    plan = importer.plan(db, register)
    assert (plan.summary.ok, plan.summary.rejected) == (3, 0)
    result = importer.commit(db, actor, plan, create_missing_fonds=True)
    assert result.created == 3
    conn = raw_connect(db_target)
    try:
        rows = conn.execute("SELECT code, CAST(start_date AS TEXT), CAST(end_date AS TEXT), date_precision FROM volumes ORDER BY start_date").fetchall()
        # a date filter for April 2021 matches where the ranges overlap
        april = [c for (c,) in conn.execute("SELECT code FROM volumes WHERE start_date <= '2021-04-30' AND end_date >= '2021-04-01'"
                                             " ORDER BY code")]
    finally:
        conn.close()
    assert rows == [("Q001-LP·2021-D30-0001", "2021-03-01", "2021-05-31", "month"),  # sorts as the month's first day
                    ("Q001-LP·2021-D30-0002", "2021-04-02", "2021-06-30", None),
                    ("Q001-LP·2021-D30-0003", "2021-10-01", "2021-10-31", "month")]
    assert april == ["Q001-LP·2021-D30-0001", "Q001-LP·2021-D30-0002"]
    # the cover prints the months as the register wrote them
    with db.read() as session:
        forms = labels.volume_forms(session, [1, 2])
    assert (forms[0].date_start, forms[0].date_end) == ("2021.03", "2021.05")
    pdf = Path(os.environ.get("IMPORT_LOOK_DIR", tmp_path)) / "cover.pdf"
    render_volume_forms(forms, parts=("cover",), out=pdf)
    text = sp.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "2021.03 — 2021.05" in text and "20210402 — 20210630" in text
    # edited in the catalogue: another field keeps the months; a date typed to the day ends them
    with db.write() as session:
        v = catalogue.get_volume(session, 1)
        v = catalogue.update_volume(session, actor, v.id, v.version, {"title": "按月登记的案卷（改）"})
    with db.read() as session:
        assert labels.volume_forms(session, [1])[0].date_start == "2021.03"
    with db.write() as session:
        catalogue.update_volume(session, actor, v.id, v.version, {"start_date": "2021-03-15"})
    with db.read() as session:
        form = labels.volume_forms(session, [1])[0]
    assert (form.date_start, form.date_end) == (date(2021, 3, 15), date(2021, 5, 31))


def test_a_new_fonds_is_named_from_the_file_or_by_the_clerk(db: Database, db_target: str, actor: Actor, tmp_path: Path) -> None:
    import openpyxl

    register = tmp_path / "全宗名称.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["全宗号", "全宗名称", "档号", "案卷题名", "年度"])
    book.active.append(["Q001", "某保险公司理赔档案", "Q001-LP·2019-D30-0001", "一", 2019])
    book.active.append(["Q002", "", "Q002-LP·2019-D30-0001", "二", 2019])
    book.save(register)
    plan = importer.plan(db, register)
    assert importer.new_fonds(db, plan) == {"Q001": (1, "某保险公司理赔档案"), "Q002": (1, "")}
    importer.commit(db, actor, plan, create_missing_fonds=True, fonds_names={"Q002": "某分公司档案"})
    conn = raw_connect(db_target)
    try:
        names = dict(conn.execute("SELECT code, name FROM fonds WHERE code LIKE 'Q00%'").fetchall())
    finally:
        conn.close()
    assert names == {"Q001": "某保险公司理赔档案", "Q002": "某分公司档案"}
