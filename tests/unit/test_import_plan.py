"""Planning imports: the sample register's exact accounting in every format, kinds, options, report."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import xlsxwriter

from archive_desk.errors import FileLockedError, UserError
from archive_desk.importing import (
    CellError,
    ImportCancelled,
    ParsedLocation,
    RowStatus,
    SkipKind,
    plan_import,
    preview,
    write_error_report,
)
from archive_desk.importing.readers import open_spreadsheet

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "import"
SAMPLE = DATA / "claims_register_2019.xlsx"
SHARED_SAMPLE = ROOT.parent / "shared" / "samples" / "claims_register_2019.xlsx"
FORMATS = ["claims_register_2019.xlsx", "claims_register_2019.xls", "claims_register_2019.ods", "claims_register_2019_gbk.csv"]
BAD_DATE_ROWS = [6, 42, 56, 71, 110, 127]
MERGE_COVERED = {42, 43, 119, 120}  # location cells covered by a merged cell (CSV cannot carry merges)


@pytest.fixture(scope="module")
def sample_plans():
    return {name: plan_import(DATA / name) for name in FORMATS}


def test_fixture_is_the_shared_sample():
    if not SHARED_SAMPLE.exists():
        pytest.skip("shared sample folder not present")
    assert SAMPLE.read_bytes() == SHARED_SAMPLE.read_bytes()


@pytest.mark.parametrize("name", FORMATS)
def test_sample_accounting(sample_plans, name):
    plan = sample_plans[name]
    s = plan.summary
    # README: 122 volume rows = 114 importable + 6 with a bad value + 2 duplicates;
    # 6 further rows are skipped (4 blank, 1 total, 1 signature line)
    assert (s.ok, s.rejected, s.duplicate, s.existing) == (114, 6, 2, 0)
    assert s.ok + s.rejected + s.duplicate == 122
    assert (s.skipped, s.skipped_blank, s.skipped_total, s.skipped_signature) == (6, 4, 1, 1)
    assert s.rows_read == 128 == s.ok + s.rejected + s.duplicate + s.existing + s.skipped
    assert s.adds_up
    assert s.problems == 6
    # every row of the sheet is accounted for: 3 above the data, 128 read, 1 blank below the last entry
    sheet = plan.sheets[0]
    assert sheet.mapping.header_row == 3
    assert (s.rows_above_data, s.blank_outside) == (3, 1)
    assert s.rows_above_data + s.rows_read + s.blank_outside == sheet.n_rows == 132
    assert plan.complete


@pytest.mark.parametrize("name", FORMATS)
def test_sample_skipped_rows_say_why(sample_plans, name):
    skipped = {r.row: r for r in sample_plans[name].with_status(RowStatus.SKIPPED)}
    assert {n: r.skip for n, r in skipped.items()} == {
        29: SkipKind.BLANK,
        55: SkipKind.BLANK,
        81: SkipKind.BLANK,
        107: SkipKind.BLANK,
        130: SkipKind.TOTAL,
        132: SkipKind.SIGNATURE,
    }
    assert skipped[29].skip_reason == "空行"
    assert "合计" in skipped[130].skip_reason
    assert "签字" in skipped[132].skip_reason


@pytest.mark.parametrize("name", FORMATS)
def test_sample_impossible_dates_rejected_with_sheet_row_column_reason(sample_plans, name):
    plan = sample_plans[name]
    rejected = plan.with_status(RowStatus.REJECTED)
    assert [r.row for r in rejected] == BAD_DATE_ROWS
    sheet = "claims_register_2019_gbk" if name.endswith(".csv") else "2019年理赔案卷"
    for r in rejected:
        (p,) = r.problems
        assert (p.sheet, p.row, p.column, p.header, p.value, p.field) == (sheet, r.row, "I", "出险日期", "2019.13.45", "incident_date")
        assert p.reason == "日期“2019.13.45”不存在"
        # the rest of the row is still read, for the preview
        assert r.values["code"].startswith("Q001-LP·2019-")


@pytest.mark.parametrize("name", FORMATS)
def test_sample_duplicates(sample_plans, name):
    dups = sample_plans[name].with_status(RowStatus.DUPLICATE)
    assert [(r.row, r.key, r.duplicate_of) for r in dups] == [(128, "Q001-LP·2019-D30-0016", 19), (129, "Q001-LP·2019-Y-0014", 17)]


def test_sample_values_normalised(sample_plans):
    rows = {r.row: r for r in sample_plans["claims_register_2019.xlsx"].rows}
    v = rows[4].values
    assert v["code"] == "Q001-LP·2019-D10-0001" and v["year"] == 2019 and v["retention"] == "D10"
    assert v["start_date"] == date(2019, 9, 17) and v["end_date"] == date(2019, 10, 5)
    assert v["incident_date"] == date(2019, 9, 17) and v["pages"] == 12 and v["item_count"] == 4
    assert v["claim_no"] == "LP2019173248" and v["insured"] == "张艳" and v["seq"] == 1
    assert rows[5].values["code"] == "Q001-LP·2019-D30-0002"  # stray spaces
    assert rows[10].values["code"] == "Q001-LP·2019-D30-0007"  # "." for "·"
    assert rows[7].values["year"] == 2019  # ２０１９
    assert rows[85].values["year"] == 2019  # 2019年
    assert rows[8].values["incident_date"] == date(2019, 2, 3)  # 2019年2月3日
    assert rows[68].values["start_date"] == date(2019, 3, 24)  # 20190324至20190508
    assert rows[45].values["pages"] == 57  # 57页
    assert {rows[n].values["retention"] for n in (17, 13, 11, 8)} == {"Y", "D30", "D10"}
    assert "notes" not in v  # empty cells give no value


def test_sample_merged_location_applies_to_each_row(sample_plans):
    rows = {r.row: r for r in sample_plans["claims_register_2019.xlsx"].rows}
    expected = ParsedLocation(None, "2", None, 2, 2, 3, "2号密集架2列2节3层")
    assert rows[41].values["location"] == rows[42].values["location"] == rows[43].values["location"] == expected
    assert rows[118].values["location"] == rows[119].values["location"] == rows[120].values["location"]
    assert rows[118].values["location"].rack == "1"


@pytest.mark.parametrize("name", FORMATS[1:])
def test_other_formats_give_the_same_values(sample_plans, name):
    base = sample_plans["claims_register_2019.xlsx"]
    other = sample_plans[name]
    assert len(base.rows) == len(other.rows)
    for a, b in zip(base.rows, other.rows, strict=True):
        assert (a.row, a.status, a.skip, a.key, a.duplicate_of) == (b.row, b.status, b.skip, b.key, b.duplicate_of)
        assert [(p.row, p.column, p.value, p.reason) for p in a.problems] == [(p.row, p.column, p.value, p.reason) for p in b.problems]
        va, vb = dict(a.values), dict(b.values)
        if name.endswith(".csv") and a.row in MERGE_COVERED:
            assert "location" not in vb  # CSV has no merged cells: only the first row of the range has it
            va.pop("location")
        assert va == vb, a.row


# ----------------------------------------------------------------------------------------- options


def test_existing_codes_are_reported_apart():
    calls: list[list[str]] = []

    def existing(codes):
        codes = list(codes)
        calls.append(codes)
        return {c for c in codes if c.endswith(("-0001", "-0002", "-0016"))}

    plan = plan_import(SAMPLE, existing_codes=existing)
    s = plan.summary
    assert (s.ok, s.existing, s.duplicate, s.rejected) == (111, 3, 2, 6)
    assert s.adds_up and s.rows_read == 128
    assert [r.row for r in plan.with_status(RowStatus.EXISTING)] == [4, 5, 19]
    # the later copy of 0016 stays a duplicate of the file's own row 19
    assert [r.row for r in plan.with_status(RowStatus.DUPLICATE)] == [128, 129]
    assert len(calls) == 1 and len(calls[0]) == 114  # only rows that would be imported are looked up
    assert [r.row for r in plan.importable()] == [r.row for r in plan.with_status(RowStatus.OK)]
    assert len(list(plan.importable(include_existing=True))) == 114


def test_locations_resolved_against_shelving():
    calls = []

    def resolve(loc: ParsedLocation):
        calls.append(loc)
        if loc.rack == "6":
            return None
        if loc.rack == "4" and loc.column == 12:
            raise CellError("该层已满")
        return (loc.rack, loc.column, loc.section, loc.layer)

    plan = plan_import(SAMPLE, resolve_location=resolve)
    rows = {r.row: r for r in plan.rows}
    assert rows[4].values["location_ref"] == ("5", 7, 1, 5)
    six = [r for r in plan.rows if r.status is RowStatus.REJECTED and any(p.field == "location" for p in r.problems)]
    assert six
    reasons = {p.reason for r in six for p in r.problems if p.field == "location"}
    assert "该层已满" in reasons
    assert any("6号密集架" in reason for reason in reasons)
    assert len(calls) == len({(c.rack, c.column, c.section, c.layer) for c in calls})  # cached per place
    assert plan.summary.adds_up


def _big_register(path: Path, n: int) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("案卷")
    ws.write_row(0, 0, ["档号", "题名", "年度", "页数"])
    for i in range(1, n + 1):
        ws.write_row(i, 0, [f"Q001-WS·2019-Y-{i:04d}", f"文件{i}", 2019, i % 90])
    book.close()
    return path


def test_progress_and_cancel(tmp_path):
    path = _big_register(tmp_path / "big.xlsx", 1200)
    seen = []
    plan = plan_import(path, progress=lambda done, total: seen.append((done, total)))
    assert plan.summary.ok == 1200
    assert seen[-1] == (1200, 1200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ImportCancelled) as exc:
        plan_import(path, should_cancel=lambda: True)
    assert isinstance(exc.value, UserError)


def test_preview_reads_only_the_first_rows():
    plan = preview(SAMPLE, 10)
    assert not plan.complete
    assert [r.row for r in plan.rows] == list(range(4, 14))
    assert plan.summary.rows_read == 10 and plan.summary.adds_up
    assert preview(SAMPLE).rows[-1].row == 53


def test_missing_required_column_is_a_user_error(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["档号", "年度", "页数"])
    wb.active.append(["Q001-WS·2019-Y-0001", 2019, 3])
    wb.save(path)
    with pytest.raises(UserError) as exc:
        plan_import(path)
    assert "题名" in exc.value.message


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
    wb.save(path)
    return path


def test_cross_checks_formulas_and_required_values(tmp_path):
    path = _workbook(
        tmp_path / "t.xlsx",
        {
            "案卷": [
                ["档号", "题名", "年度", "保管期限", "页数", "起止日期", "终止日期", "内部"],
                ["Q001-WS·2019-Y-0001", "一", 2018, "永久", 3, None, None, "=1+1"],  # year differs from the code
                ["Q001-WS·2019-Y-0002", "二", 2019, "30年", 3],  # retention differs from the code
                ["Q001-WS·2019-Y-0003", "三", 2019, "Y", "=E2*2"],  # formula without a saved result
                ["Q001-WS·2019-Y-0004", None, 2019, "Y", 3],  # no title
                ["Q001-WS·2019-Y-0005", "五", 2019, "Y", 3, "2019.3.5-2019.4.1", "2019.4.2"],  # end dates disagree
                ["Q001-WS·2019-Y-0006", "六", 2019, "Y", 3, "2019.3.5-2019.4.1", "2019.4.1"],  # agree
            ]
        },
    )
    plan = plan_import(path)
    rows = {r.row: r for r in plan.rows}
    assert [(p.column, p.field) for p in rows[2].problems] == [("C", "year")]
    assert "2018" in rows[2].problems[0].reason and "Q001-WS·2019-Y-0001" in rows[2].problems[0].reason
    assert [(p.column, p.field) for p in rows[3].problems] == [("D", "retention")]
    assert [(p.column, p.value) for p in rows[4].problems] == [("E", "=E2*2")]
    assert "公式" in rows[4].problems[0].reason
    assert [(p.column, p.reason) for p in rows[5].problems] == [("B", "“题名”不能为空")]
    assert [p.column for p in rows[6].problems] == ["G"]
    assert rows[7].status is RowStatus.OK and rows[7].values["end_date"] == date(2019, 4, 1)
    assert plan.summary.rejected == 5 and plan.summary.adds_up


def test_total_and_signature_lines_need_an_empty_key(tmp_path):
    path = _workbook(
        tmp_path / "t.xlsx",
        {
            "案卷": [
                ["序号", "档号", "题名", "页数"],
                [1, "Q001-WS·2019-Y-0001", "合计划生育工作的通知", 3],  # a title starting with 合计 is data
                [2, None, "关于审核工作的通知", 3],  # no code but a real title: rejected, not skipped
                ["小计", None, None, 6],
                [None, None, None, None],
                ["共计：2卷6页"],
                ["移交人：", None, "接收人：", None],
                ["经办人：张三", None, None, "日期：2019.12.1"],
            ]
        },
    )
    plan = plan_import(path)
    got = [(r.row, r.status.value, r.skip.value if r.skip else None) for r in plan.rows]
    assert got == [(2, "ok", None), (3, "rejected", None), (4, "skipped", "total"), (6, "skipped", "total"), (7, "skipped", "signature"), (8, "skipped", "signature")]
    assert plan.summary.blank_outside == 1 and plan.summary.adds_up


def test_a_volume_row_without_its_code_is_never_skipped_as_a_layout_line(tmp_path):
    """A title that ends in 审批 or 审核, or carries （签字）, is a volume whose 档号 was forgotten: it
    is rejected and shown, not skipped out of sight as a signature line. Totals written 共N卷 are totals."""
    path = _workbook(
        tmp_path / "t.xlsx",
        {
            "案卷": [
                ["档号", "题名", "年度", "保管期限", "页数"],
                [None, "2019年度固定资产处置审批", 2019, "永久", 12],
                [None, "合同审核", 2019, "30年", 8],
                [None, "人事任免审批（签字）", 2019, "永久", 3],
                ["合计", "共2卷", None, None, 22],
                [None, "共2卷 22页"],
                ["审核：李四", None, None, None, None],
                ["（签字）", None, None, None, None],
                ["单位负责人：王五", None, "部门负责人签字：", None, None],
                ["档案移交人：张三", None, None, None, None],
            ]
        },
    )
    plan = plan_import(path)
    got = [(r.row, r.status.value, r.skip.value if r.skip else None) for r in plan.rows]
    assert got == [(2, "rejected", None), (3, "rejected", None), (4, "rejected", None),
                   (5, "skipped", "total"), (6, "skipped", "total"), (7, "skipped", "signature"), (8, "skipped", "signature"),
                   (9, "skipped", "signature"), (10, "skipped", "signature")]
    assert all("档号" in r.problems[0].reason for r in plan.rows[:3])


def test_a_blank_line_inside_a_cell_merged_down_is_blank(tmp_path):
    """年度 merged over four rows, one of them a blank separator line: the merge spreads 2019 over it,
    but the line holds nothing of its own and is skipped as blank, not rejected as an incomplete volume."""
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["档号", "题名", "年度", "页数"])
    ws.append(["Z109-LP·2019-D30-0001", "题名一", 2019, 56])
    ws.append(["Z109-LP·2019-D30-0002", "题名二", None, 12])
    ws.append([])
    ws.append(["Z109-LP·2019-D30-0003", "题名三", None, 7])
    ws.merge_cells("C2:C5")
    wb.save(path)
    plan = plan_import(path)
    got = [(r.row, r.status.value, r.skip.value if r.skip else None, r.values.get("year")) for r in plan.rows]
    assert got == [(2, "ok", None, 2019), (3, "ok", None, 2019), (4, "skipped", "blank", None), (5, "ok", None, 2019)]
    assert plan.summary.adds_up


def test_several_sheets_and_duplicates_across_them(tmp_path):
    path = _workbook(
        tmp_path / "t.xlsx",
        {
            "2019": [["档号", "题名"], ["Q001-WS·2019-Y-0001", "甲"], ["Q001-WS·2019-Y-0002", "乙"]],
            "2020": [["标题"], ["题名", "档号"], ["丙", "Q001-WS·2020-Y-0001"], ["甲", "q001-ws.2019-y-0001"]],
        },
    )
    plan = plan_import(path, sheet=["2019", "2020"])
    assert [s.mapping.header_row for s in plan.sheets] == [1, 2]
    assert (plan.summary.ok, plan.summary.duplicate) == (3, 1)
    dup = plan.with_status(RowStatus.DUPLICATE)[0]
    assert (dup.sheet, dup.row, dup.duplicate_of_sheet, dup.duplicate_of) == ("2020", 4, "2019", 2)
    assert [s.summary.rows_read for s in plan.sheets] == [2, 2]
    # without a sheet named, the first sheet whose header is found
    assert plan_import(path).sheets[0].name == "2019"


def test_items_kind(tmp_path):
    path = _workbook(
        tmp_path / "items.xlsx",
        {
            "卷内目录": [
                ["卷内文件目录"],
                ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "页号", "备注"],
                [1, "Q001-LP·2019-D30-0016", "保发〔2019〕12号", "理赔部", "出险通知书", 20190926, "内部", 2, "1-2", None],
                [2, "Q001-LP·2019-D30-0016", None, "理赔部", "查勘报告", "2019.9.27", "机密★10年", 5, "3", None],
                [2, "Q001-LP·2019-D30-0016", None, "理赔部", "查勘报告（重复）", "2019.9.27", None, 5, "3", None],
                [1, "Q001-LP·2019-D30-9999", None, None, "不存在的案卷", "2019.9.27", None, 1, "1", None],
                [3, "Q001-LP·2019-D30-0016", None, None, "结案报告", "2019.13.1", "顶级", 1, "8", None],
            ]
        },
    )
    plan = plan_import(path, kind="items", known_volumes=lambda codes: {c for c in codes if c.endswith("0016")})
    rows = {r.row: r for r in plan.rows}
    v = rows[3].values
    assert v == {
        "seq": 1, "volume_code": "Q001-LP·2019-D30-0016", "doc_no": "保发〔2019〕12号", "responsible": "理赔部",
        "title": "出险通知书", "date": date(2019, 9, 26), "security": "内部", "pages": 2, "page_start": 1, "page_end": 2,
    }  # fmt: skip
    assert rows[4].values["security"] == "机密" and rows[4].values["security_years"] == 10
    assert rows[5].status is RowStatus.DUPLICATE and rows[5].duplicate_of == 4
    assert rows[6].status is RowStatus.REJECTED and "Q001-LP·2019-D30-9999" in rows[6].problems[0].reason
    assert sorted(p.field for p in rows[7].problems) == ["date", "security"]
    assert plan.summary.adds_up and plan.summary.ok == 2


def test_borrowers_kind(tmp_path):
    path = _workbook(
        tmp_path / "borrowers.xlsx",
        {
            "借阅人": [
                ["借阅人名单"],
                ["序号", "姓名", "部门/单位", "电话", "证件号码", "工号"],
                [1, "张三", "理赔部", 13812345678, "11010519491231002X", "E001"],
                [2, "李四", "财务部", "010-12345678", "110105194912310022", "E002"],  # wrong check digit
                [3, "王五", "外单位：某律所", None, "E12345678", "e001"],  # card no. repeats E001
                [4, "赵六", None, "8021", None, "E004"],
                [None, "经办人：刘七", None, None, None, None],
            ]
        },
    )
    plan = plan_import(path, kind="borrowers", existing_codes=lambda keys: {k for k in keys if k == "E004"})
    assert plan.key_field == "card_no"
    rows = {r.row: r for r in plan.rows}
    assert rows[3].values == {"seq": 1, "name": "张三", "unit": "理赔部", "phone": "13812345678", "id_number": "11010519491231002X", "card_no": "E001"}
    assert rows[4].status is RowStatus.REJECTED and rows[4].problems[0].field == "id_number"
    assert rows[5].status is RowStatus.DUPLICATE and rows[5].duplicate_of == 3
    assert rows[6].status is RowStatus.EXISTING
    assert rows[7].skip is SkipKind.SIGNATURE
    assert plan.summary.adds_up


def test_amounts_and_medical_fields(tmp_path):
    path = _workbook(
        tmp_path / "t.xlsx",
        {
            "病历": [
                ["档号", "题名", "病案号", "患者姓名", "出院日期", "科室", "赔付金额"],
                ["H001-BL·2019-D30-0001", "住院病历", 123456.0, "张三", "2019/3/5", "内科", "1.2万元"],
            ]
        },
    )
    v = plan_import(path).rows[0].values
    assert (v["record_no"], v["patient"], v["discharge_date"], v["ward"], v["amount_paid"]) == ("123456", "张三", date(2019, 3, 5), "内科", Decimal("12000.00"))


# ------------------------------------------------------------------------------------------ report


def test_error_report_workbook(tmp_path, sample_plans):
    plan = plan_import(SAMPLE, existing_codes=lambda codes: {c for c in codes if c.endswith("-0001")})
    target = tmp_path / "报告" / "导入问题.xlsx"
    assert write_error_report(plan, target) == target
    assert sorted(p.name for p in target.parent.iterdir()) == ["导入问题.xlsx"]  # no temporary file left
    book = python_calamine.CalamineWorkbook.from_path(str(target))
    assert book.sheet_names == ["汇总", "问题", "跳过的行"]
    summary = dict((r[0], r[1]) for r in book.get_sheet_by_name("汇总").to_python() if r[0])
    assert summary["读取行数"] == 128 and summary["可导入"] == 113 and summary["目录中已存在"] == 1
    assert summary["核对：读取行数 = 可导入 + 有问题 + 文件内重复 + 目录中已存在 + 跳过"] == "相符"
    problems = book.get_sheet_by_name("问题").to_python()
    assert problems[0] == ["工作表", "行", "列", "表头", "值", "原因"]
    assert len(problems) - 1 == 6 + 2 + 1
    assert problems[1] == ["2019年理赔案卷", 4.0, "B", "档号", "Q001-LP·2019-D10-0001", "目录中已存在；仅在您选择更新时才更新"]
    assert problems[2] == ["2019年理赔案卷", 6.0, "I", "出险日期", "2019.13.45", "日期“2019.13.45”不存在"]
    assert ["2019年理赔案卷", 128.0, "B", "档号", "Q001-LP·2019-D30-0016", "重复：与第 19 行重复，不导入"] in problems
    skipped = book.get_sheet_by_name("跳过的行").to_python()
    assert [r[1] for r in skipped[1:]] == [29, 55, 81, 107, 130, 132]


def test_error_report_locked_target(tmp_path, monkeypatch):
    plan = preview(SAMPLE, 5)
    target = tmp_path / "报告.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileLockedError) as exc:
        write_error_report(plan, target)
    assert "报告.xlsx" in exc.value.message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.xlsx"]


# ------------------------------------------------------------------------------------------ purity


def test_importing_is_pure():
    code = "import sys, archive_desk.importing; print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy') or m.startswith(('archive_desk.db', 'archive_desk.models', 'archive_desk.ui'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_every_message_has_chinese():
    catalogue: dict[str, str] = {}
    folder = ROOT / "src" / "archive_desk" / "resources" / "i18n" / "messages"
    for path in folder.glob("*.json"):
        catalogue.update(json.loads(path.read_text(encoding="utf-8")))
    missing = []
    for path in (ROOT / "src" / "archive_desk" / "importing").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args and isinstance(node.args[0], ast.Constant):
                msgid = node.args[0].value
                if msgid not in catalogue:
                    missing.append((path.name, msgid))
                else:
                    placeholders = set(__import__("re").findall(r"\{(\w+)\}", msgid))
                    assert placeholders == set(__import__("re").findall(r"\{(\w+)\}", catalogue[msgid])), msgid
    assert missing == []


def test_open_spreadsheet_closes():
    with open_spreadsheet(SAMPLE) as book:
        book.sheet()
    assert book._workbook is None


def test_empty_sheet_is_a_user_error(tmp_path):
    path = _workbook(tmp_path / "empty.xlsx", {"空表": []})
    with pytest.raises(UserError) as exc:
        plan_import(path)
    assert "空表" in exc.value.message and "empty.xlsx" in exc.value.message


@pytest.mark.parametrize("name", FORMATS)
def test_preview_agrees_with_the_plan_in_every_format(sample_plans, name):
    first = preview(DATA / name, 30)
    full = {r.row: r for r in sample_plans[name].rows}
    assert [r.row for r in first.rows] == list(range(4, 34))
    for r in first.rows:
        assert (r.status, dict(r.values), r.problems) == (full[r.row].status, dict(full[r.row].values), full[r.row].problems)


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_cell_too_long_for_a_spreadsheet_is_a_cell_error(tmp_path, suffix):
    # a 1 MB title was silently cut to 32,767 characters (python-calamine's limit) and imported shortened
    title = "关于某某理赔案的请示" * 100_000
    rows = [["档号", "题名", "年度"], ["Q001-WS·2019-Y-0001", title, 2019], ["Q001-WS·2019-Y-0002", "二", 2019]]
    if suffix == "xlsx":
        path = _workbook(tmp_path / "long.xlsx", {"案卷": rows})
    else:
        path = tmp_path / "long.csv"
        path.write_text("\n".join(",".join(str(v) for v in row) for row in rows), encoding="utf-8")
    plan = plan_import(path)
    rows_ = {r.row: r for r in plan.rows}
    assert rows_[2].status is RowStatus.REJECTED
    [problem] = rows_[2].problems
    assert problem.column == "B" and "字符" in problem.reason and "截断" in problem.reason
    assert len(problem.value) < 300  # the problem list shows the start of the text, not a megabyte
    assert rows_[3].status is RowStatus.OK and plan.summary.rejected == 1


def test_legacy_long_retention_against_the_retention_in_the_code(tmp_path):
    # 长期 was refused against a 档号 that says D30 ("Retention C does not match D30")
    path = _workbook(tmp_path / "t.xlsx", {"案卷": [
        ["档号", "题名", "年度", "保管期限"],
        ["Q001-WS·1998-D30-0001", "转换后的长期案卷", 1998, "长期"],  # converted after the 2006 rules: the 档号 decides
        ["Q001-WS·1998-Y-0002", "二", 1998, "长期"],
        ["Q001-WS·1998-D10-0003", "三", 1998, "长期"],
        ["Q001-WS·1998-BGS-0004", "没有保管期限的档号", 1998, "长期"],  # the 档号 carries none: kept as the legacy code
    ]})
    rows = {r.row: r for r in plan_import(path).rows}
    assert rows[2].status is RowStatus.OK and rows[2].values["retention"] == "D30"
    for n, named in ((3, "永久"), (4, "定期10年")):
        assert rows[n].status is RowStatus.REJECTED
        [problem] = rows[n].problems
        assert problem.field == "retention" and "长期" in problem.reason and named in problem.reason
    assert rows[5].status is RowStatus.OK and rows[5].values["retention"] == "C"


def test_months_in_separate_date_columns_and_in_an_item_list(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"案卷": [
        ["档号", "题名", "年度", "起始日期", "终止日期"],
        ["Q001-WS·2021-Y-0001", "一", 2021, "2021.03", "2021年5月"],
        ["Q001-WS·2021-Y-0002", "二", 2021, "2021.03.05", "2021.05"],  # one to the day, one to the month
        ["Q001-WS·2021-Y-0003", "三", 2021, "2021.03.05", "2021.05.06"],
    ]})
    rows = {r.row: r for r in plan_import(path).rows}
    assert rows[2].values["start_date"] == date(2021, 3, 1) and rows[2].values["end_date"] == date(2021, 5, 31)
    assert rows[2].values["date_precision"] == "month" and "start_month" not in rows[2].values
    assert rows[3].status is RowStatus.REJECTED and "起始日期" in rows[3].problems[0].reason
    assert "date_precision" not in rows[4].values
    items = _workbook(tmp_path / "items.xlsx", {"卷内目录": [
        ["序号", "档号", "题名", "日期"],
        [1, "Q001-WS·2021-Y-0001", "请示", "2021年3月"],
        [2, "Q001-WS·2021-Y-0001", "批复", "2021.04.02"],
    ]})
    rows = {r.row: r for r in plan_import(items, kind="items").rows}
    assert (rows[2].values["date"], rows[2].values["date_precision"]) == (date(2021, 3, 1), "month")
    assert rows[3].values["date"] == date(2021, 4, 2) and "date_precision" not in rows[3].values
