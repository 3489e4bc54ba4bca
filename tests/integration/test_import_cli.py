"""``archive-desk import``: the same planner and commit from the command line, as a script or a
scheduled job would run it."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import raw_connect

from archive_desk import cli
from archive_desk.db.engine import Database
from archive_desk.importing import MappingStore
from archive_desk.importing.mapping import detect_mapping
from archive_desk.importing.readers import open_spreadsheet
from archive_desk.settings import config_dir

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--lang", "zh_CN", *args])
    out, err = capsys.readouterr()
    return code, out, err


def volumes(path: Path | str) -> int:
    conn = raw_connect(path)
    try:
        return conn.execute("SELECT count(*) FROM volumes").fetchone()[0]
    finally:
        conn.close()


def test_dry_run_then_import_then_again(capsys: pytest.CaptureFixture[str], db: Database, db_target: str, tmp_path: Path) -> None:
    db.dispose()
    report = tmp_path / "问题.xlsx"
    code, out, _ = run(capsys, "import", "--db", db_target, str(SAMPLE), "--dry-run", "--json", "--report", str(report))
    assert code == 1  # 6 rows with errors and 2 duplicates would be refused
    data = json.loads(out)
    assert data["summary"] == {"rows_read": 128, "ok": 114, "rejected": 6, "duplicate": 2, "existing": 0, "skipped": 6,
                                "skipped_blank": 4, "skipped_total": 1, "skipped_signature": 1}
    assert len(data["problems"]) == 6 and len(data["duplicates"]) == 2 and data["result"] is None
    assert {p["row"] for p in data["problems"]} == {6, 42, 56, 71, 110, 127}
    assert volumes(db_target) == 0  # a dry run writes nothing
    assert openpyxl.load_workbook(report).sheetnames[:2] == ["汇总", "问题"]

    code, out, _ = run(capsys, "import", "--db", db_target, str(SAMPLE), "--create-fonds")
    assert code == 1  # done in part: 114 imported, 8 refused
    assert "新增 114" in out and "共读取 128 行" in out
    assert volumes(db_target) == 114

    # the same file again: every row is already catalogued, nothing is added
    code, out, _ = run(capsys, "import", "--db", db_target, str(SAMPLE), "--json")
    data = json.loads(out)
    assert (code, data["summary"]["existing"], data["result"]["created"]) == (1, 114, 0)
    assert volumes(db_target) == 114


def audit_actions(path: Path | str) -> list[str]:
    conn = raw_connect(path)
    try:
        return [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    finally:
        conn.close()


def test_nothing_imported_gives_exit_status_2_and_no_audit_row(capsys: pytest.CaptureFixture[str], db: Database,
                                                                 db_target: str) -> None:
    db.dispose()
    before = audit_actions(db_target)
    code, _out, err = run(capsys, "import", "--db", db_target, str(SAMPLE))  # fonds Q001 is not catalogued
    assert code == 2  # nothing done: every row was refused
    assert "Q001" in err
    assert volumes(db_target) == 0
    assert audit_actions(db_target) == before  # an import that wrote nothing is not in the log


def test_a_clean_register_gives_exit_status_0(capsys: pytest.CaptureFixture[str], db: Database, db_target: str,
                                              tmp_path: Path) -> None:
    db.dispose()
    register = tmp_path / "干净.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["档号", "案卷题名", "年度"])
    book.active.append(["Q001-LP·2019-D30-0001", "第1号理赔案卷", 2019])
    book.save(register)
    assert run(capsys, "import", "--db", db_target, str(register), "--dry-run")[0] == 0
    assert run(capsys, "import", "--db", db_target, str(register), "--create-fonds")[0] == 0
    assert audit_actions(db_target).count("import.file") == 1
    assert run(capsys, "import", "--db", db_target, str(register))[0] == 0  # again: already catalogued, not refused
    assert audit_actions(db_target).count("import.file") == 1


def test_a_saved_mapping_by_name(capsys: pytest.CaptureFixture[str], db: Database, db_target: str, tmp_path: Path) -> None:
    db.dispose()
    # a register whose title column the automatic mapping does not know, mapped by hand and saved in the app
    register = tmp_path / "文书.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["档号", "案卷名称", "年度", "保管期限"])
    book.active.append(["Q001-LP·2019-D30-0001", "关于理赔的请示", 2019, "30年"])
    book.save(register)
    with open_spreadsheet(register) as spreadsheet:
        mapping = detect_mapping(spreadsheet.sheet()).with_field("B", "title")
    MappingStore(config_dir() / "import-mappings").save("文书格式", mapping)
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--json", "--dry-run")
    assert code == 2 and "题名" in json.loads(out)["error"]  # without the mapping: no title column
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--mapping", "文书格式", "--json", "--create-fonds")
    assert (code, json.loads(out)["result"]["created"]) == (0, 1)


def test_errors_are_json_with_json(capsys: pytest.CaptureFixture[str], db: Database, db_target: str, tmp_path: Path) -> None:
    db.dispose()
    code, out, err = run(capsys, "import", "--db", db_target, str(tmp_path / "没有这个文件.xlsx"), "--json")
    assert code == 2 and err == ""
    data = json.loads(out)
    assert "没有这个文件.xlsx" in data["error"]
    code, out, err = run(capsys, "import", "--db", db_target, str(tmp_path / "没有这个文件.xlsx"))
    assert code == 2 and out == "" and "没有这个文件.xlsx" in err


def test_every_sheet_holding_a_register_by_default(capsys: pytest.CaptureFixture[str], db: Database, db_target: str, tmp_path: Path) -> None:
    db.dispose()
    register = tmp_path / "登记表.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本登记表每年一张工作表"])
    for year in (2019, 2020):
        sheet = book.create_sheet(str(year))
        sheet.append(["档号", "案卷题名", "年度"])
        sheet.append([f"Q001-LP·{year}-D30-0001", f"{year}年第1号理赔案卷", year])
    book.save(register)
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--json", "--create-fonds")
    assert (code, json.loads(out)["result"]["created"]) == (0, 2)
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--json", "--sheet", "2020")
    assert json.loads(out)["summary"]["rows_read"] == 1


def test_locations_the_shelving_lacks_are_named_and_can_go_into_the_notes(capsys: pytest.CaptureFixture[str], db: Database,
                                                                         db_target: str) -> None:
    """Against a catalogue with shelving (the demo's), every 存放位置 of the sample is unknown: it said
    "可导入 0 + 有错误 122" and left the clerk to discover the 不导入 mapping."""
    from archive_desk.services import locations
    from archive_desk.services.audit import Actor

    with db.write() as session:
        room = locations.create_room(session, Actor("test", "ws"), 1)
        locations.create_rack(session, Actor("test", "ws"), room.id, 9, sides=1, columns=2, sections=1, layers=2)
    db.dispose()
    code, out, _ = run(capsys, "import", "--db", db_target, str(SAMPLE), "--dry-run")
    assert code == 2  # nothing would be imported
    lines = out.splitlines()
    assert "可导入 0" in lines[0]
    assert "有 114 行仅因存放位置" in lines[1] and "--without-locations" in lines[1]  # said in one line, under the summary

    code, out, _ = run(capsys, "import", "--db", db_target, str(SAMPLE), "--without-locations", "--create-fonds",
                       "--fonds-name", "Q001=某保险公司理赔档案", "--json")
    data = json.loads(out)
    assert (code, data["summary"]["ok"], data["result"]["created"]) == (1, 114, 114)  # the 8 other refusals stay
    assert data["result"]["fonds_names"] == {"Q001": "某保险公司理赔档案"}
    conn = raw_connect(db_target)
    try:
        unshelved, noted = conn.execute("SELECT count(*), sum(CASE WHEN notes LIKE '%原存放位置：%号密集架%' THEN 1 ELSE 0 END) FROM volumes WHERE layer_id IS NULL").fetchone()
    finally:
        conn.close()
    assert (unshelved, noted) == (114, 114)


def test_a_new_fonds_without_a_name_is_said_to_be_named_by_its_code(capsys: pytest.CaptureFixture[str], db: Database,
                                                                     db_target: str, tmp_path: Path) -> None:
    db.dispose()
    register = tmp_path / "无名称.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["档号", "案卷题名", "年度"])
    book.active.append(["Q001-LP·2019-D30-0001", "第1号理赔案卷", 2019])
    book.save(register)
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--create-fonds")
    assert code == 0 and "--fonds-name Q001=" in out
    code, _out, err = run(capsys, "import", "--db", db_target, str(register), "--fonds-name", "Q001")
    assert code == 2 and "全宗号=名称" in err


def yearly_workbook(path: Path, volumes: int = 15, items_each: int = 7) -> Path:
    """A year's register as rooms keep it: the volumes on one sheet, their 卷内目录 on another."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2019年案卷"
    sheet.append(["2019年理赔案卷目录"])
    sheet.append(["序号", "档号", "年度", "保管期限", "案卷题名", "起止日期", "页数"])
    for n in range(1, volumes + 1):
        sheet.append([n, f"Q001-LP·2019-D30-{n:04d}", 2019, "定期30年", f"第{n}号理赔案卷", "2019.03.05-2019.04.12", items_each * 2])
    items = book.create_sheet("卷内目录")
    items.append(["卷内文件目录"])
    items.append(["序号", "档号", "文号", "责任者", "题名", "日期", "页数", "备注"])
    for n in range(1, volumes + 1):
        for seq in range(1, items_each + 1):
            items.append([seq, f"Q001-LP·2019-D30-{n:04d}", "", "理赔部", f"第{n}号案卷的第{seq}份文件", "2019.03.05", 2, ""])
    book.save(path)
    return path


def test_a_yearly_workbook_imports_its_item_list_after_its_volumes(capsys: pytest.CaptureFixture[str], db: Database,
                                                                    db_target: str, tmp_path: Path) -> None:
    # the 卷内目录 sheet was read as volumes: 105 rows reported as 107 duplicates
    register = yearly_workbook(tmp_path / "2019年.xlsx")
    db.dispose()
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--create-fonds", "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["summary"]["ok"], data["summary"]["duplicate"]) == (15, 0)
    assert (data["items_summary"]["rows_read"], data["items_summary"]["ok"]) == (105, 105)
    assert [(s["sheet"], s["kind"], s["summary"]["ok"]) for s in data["sheets"]] == [("2019年案卷", "volumes", 15), ("卷内目录", "items", 105)]
    assert (data["result"]["created"], data["result"]["items"]) == (15, 105)
    assert volumes(db_target) == 15
    conn = raw_connect(db_target)
    try:
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == 105
        assert conn.execute("SELECT count(*) FROM volumes WHERE item_count = 7").fetchone()[0] == 15
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'import.file'").fetchone()[0] == 1
    finally:
        conn.close()
    # the accounting per sheet, in words
    code, out, _ = run(capsys, "import", "--db", db_target, str(register), "--dry-run")
    assert "工作表“2019年案卷”（案卷）" in out and "工作表“卷内目录”（卷内文件）" in out


def test_a_yearly_workbook_is_all_or_nothing(capsys: pytest.CaptureFixture[str], db: Database, db_target: str, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.services import importer

    register = yearly_workbook(tmp_path / "2019年.xlsx", volumes=3, items_each=2)
    db.dispose()

    def broken(*_a: object, **_k: object) -> int:
        raise RuntimeError("disk unplugged while the items were written")

    monkeypatch.setattr(importer, "_write_items", broken)
    with pytest.raises(RuntimeError):
        run(capsys, "import", "--db", db_target, str(register), "--create-fonds")
    assert volumes(db_target) == 0  # the volumes written before the items were rolled back with them
