"""Header row detection, automatic column mapping, corrections and saved mappings."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from archive_desk.errors import UserError
from archive_desk.importing import plan_import
from archive_desk.importing.mapping import (
    ColumnMapping,
    MappingStore,
    MappingTemplate,
    apply_template,
    detect_mapping,
    field_label,
    header_key,
    match_header,
)
from archive_desk.importing.readers import open_spreadsheet

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SAMPLE = DATA / "claims_register_2019.xlsx"


def write(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "目录"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def mapping_of(path: Path, kind: str = "volumes") -> ColumnMapping:
    with open_spreadsheet(path) as book:
        return detect_mapping(book.sheet(), kind)


def test_sample_header_and_mapping():
    m = mapping_of(SAMPLE)
    assert m.header_row == 3
    assert m.sheet == "2019年理赔案卷"
    assert list(m.fields) == [
        "seq", "code", "year", "retention", "title", "claim_no", "policy_no", "insured",
        "incident_date", "date_range", "pages", "item_count", "location", "notes",
    ]  # fmt: skip
    assert m.missing_required() == []
    assert m.describe()[4] == ("E", "案卷题名", "title")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("档号", "code"),
        ("档 号", "code"),
        ("档号*", "code"),
        ("档号：", "code"),
        ("案卷题名", "title"),
        ("标题", "title"),
        ("题名\n", "title"),
        ("页数（页）", "pages"),
        ("页数(页)", "pages"),
        ("赔付金额（元）", "amount_paid"),
        ("赔付金额（万元）", None),  # 1.2 there is 12,000 元: not read as 元 without the clerk saying so
        ("保管期限（十年、三十年、永久）", "retention"),  # a hint in brackets, no unit
        ("案卷题名（一百字以内）", "title"),
        ("存放位置", "location"),
        ("位置", "location"),
        ("类别", "category_code"),
        ("门类", "category_code"),
        ("起止日期", "date_range"),
        ("日期", "date_range"),
        ("病案号", "record_no"),
        ("出院日期", "discharge_date"),
        ("被保险人", "insured"),
        ("全宗号", "fonds_code"),
        ("盒号", "box_no"),
        ("全宗号：Q001 编制单位：理赔档案室", None),
        ("某公司档案目录", None),
    ],
)
def test_usual_headers(header, field):
    assert match_header("volumes", header) == field


def test_headers_per_kind():
    assert match_header("items", "档号") == "volume_code"
    assert match_header("items", "文号") == "doc_no"
    assert match_header("items", "页号") == "page_range"
    assert match_header("items", "日期") == "date"
    assert match_header("borrowers", "姓名") == "name"
    assert match_header("borrowers", "部门/单位") == "unit"
    assert match_header("borrowers", "部门／单位") == "unit"
    assert match_header("borrowers", "工号") == "card_no"
    assert match_header("borrowers", "借阅证号") == "card_no"
    assert match_header("borrowers", "证件号码") == "id_number"
    assert match_header("borrowers", "联系电话") == "phone"
    assert header_key(" 档 号 ＊") == "档号"


def test_header_found_under_titles_and_blank_rows(tmp_path):
    path = write(
        tmp_path / "t.xlsx",
        [
            ["某局文书档案案卷目录"],
            ["全宗号：J001", None, "年度：2019"],
            [],
            ["说明：本表由档案室编制"],
            ["序号", "档号", "案卷题名", "年度", "保管期限", "备注"],
            [1, "J001-WS·2019-Y-001", "关于年度计划的请示", 2019, "永久", None],
        ],
        merges=("A1:F1",),
    )
    m = mapping_of(path)
    assert m.header_row == 5
    assert m.column_of("title") == 2


def test_no_header_is_a_user_error(tmp_path):
    path = write(tmp_path / "t.xlsx", [["随便写点"], ["甲", "乙"], [1, 2]])
    with pytest.raises(UserError) as exc:
        mapping_of(path)
    assert "表头" in exc.value.message


def test_a_field_is_mapped_once_and_the_second_column_is_listed(tmp_path):
    path = write(tmp_path / "t.xlsx", [["档号", "题名", "日期", "起止日期", "自定义列"]])
    m = mapping_of(path)
    assert m.fields == ("code", "title", "date_range", None, None)
    assert m.unmapped() == [(3, "起止日期"), (4, "自定义列")]


def test_user_corrections(tmp_path):
    path = write(tmp_path / "t.xlsx", [["档号", "案卷名称", "页数", "备注"]])
    m = mapping_of(path)
    assert m.missing_required() == ["title"]
    m2 = m.with_field("B", "title")
    assert m2.column_of("title") == 1 and m2.missing_required() == []
    # moving a field clears its old column
    m3 = m2.with_field(3, "title")
    assert m3.fields == ("code", None, "pages", "title")
    # a column can be left out
    assert m3.with_field("C", None).fields == ("code", None, None, "title")
    # a column beyond the header
    assert m3.with_field("F", "notes").fields[5] == "notes"
    with pytest.raises(UserError):
        m.with_field(1, "no_such_field")
    with pytest.raises(UserError):
        m.with_field(1, "patient_name")
    assert ColumnMapping.from_dict(json.loads(json.dumps(m2.to_dict()))) == m2


def test_user_picks_another_header_row(tmp_path):
    path = write(tmp_path / "t.xlsx", [["档号", "题名"], ["档号", "题名", "页数"], ["Q001-WS·2019-Y-0001", "题名", 3]])
    with open_spreadsheet(path) as book:
        reader = book.sheet()
        m = detect_mapping(reader)
        assert m.header_row == 2  # more known columns
        assert m.with_header_row(reader, 1).fields == ("code", "title")
        assert detect_mapping(reader, header_row=1).header_row == 1


TWO_ROW = [
    ["某单位文书档案案卷目录"],
    ["序号", "档号", "年度", "保管期限", "案卷题名", "起止日期", None, "数量", None, "备注"],
    [None, None, None, None, None, "起", "止", "页数", "件数", None],
    [1, "Z109-WS·2019-D30-0001", 2019, "30年", "关于年度计划的请示", "2019.3.5", "2019.4.1", 12, 3, None],
    [2, "Z109-WS·2019-D30-0002", 2019, "D30", "关于年度计划的批复", "2019-05-01", "2019-06-01", "20页", 2, "复印件"],
]
TWO_ROW_FIELDS = ("seq", "code", "year", "retention", "title", "start_date", "end_date", "pages", "item_count", "notes")


def test_two_row_heading_with_merged_groups(tmp_path):
    # 起止日期 merged over 起 | 止 and 数量 over 页数 | 件数; the other headers merged down over both rows
    merges = ("A1:J1", "F2:G2", "H2:I2", *(f"{c}2:{c}3" for c in "ABCDEJ"))
    path = write(tmp_path / "t.xlsx", TWO_ROW, merges)
    m = mapping_of(path)
    assert m.header_row == 3  # data starts under the second row
    assert m.fields == TWO_ROW_FIELDS
    assert m.headers[5:9] == ("起止日期/起", "起止日期/止", "页数", "件数")
    plan = plan_import(path)
    assert (plan.summary.rows_read, plan.summary.ok) == (2, 2)  # the sub-header row is no data row
    first, second = (r.values for r in plan.rows)
    assert (str(first["start_date"]), str(first["end_date"]), first["pages"], first["item_count"]) == ("2019-03-05", "2019-04-01", 12, 3)
    assert (str(second["start_date"]), str(second["end_date"]), second["pages"]) == ("2019-05-01", "2019-06-01", 20)


def test_two_row_heading_in_a_csv(tmp_path):
    # a CSV cannot merge: a group is written once with a blank after it, the single headers once
    path = tmp_path / "t.csv"
    lines = [",".join("" if v is None else str(v) for v in row) for row in TWO_ROW[1:]]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    m = mapping_of(path)
    assert (m.header_row, m.fields) == (2, TWO_ROW_FIELDS)
    assert plan_import(path).summary.ok == 2


def test_a_picked_header_row_starts_the_heading(tmp_path):
    path = write(tmp_path / "t.xlsx", TWO_ROW, ("F2:G2", "H2:I2"))
    with open_spreadsheet(path) as book:
        reader = book.sheet()
        found = detect_mapping(reader)
        assert (found.first_header_row, found.header_row, found.heading_rows) == (2, 3, 2)
        # the row a person names is the first of the heading: row 2 takes row 3 with it
        picked = found.with_header_row(reader, 2)
        assert (picked.header_row, picked.fields) == (3, TWO_ROW_FIELDS)
        # stepping on to row 3 (or back to row 1) takes that row alone, so the spin box never snaps back
        alone = found.with_header_row(reader, 3)
        assert (alone.first_header_row, alone.heading_rows, alone.headers[5]) == (3, 1, "起")
        assert found.with_header_row(reader, 1).first_header_row == 1
        assert ColumnMapping.from_dict(json.loads(json.dumps(found.to_dict()))) == found


@pytest.mark.parametrize(
    "second_row",
    [
        # data right under a one-row heading whose 起止日期 is merged over two columns
        [1, "Z109-WS·2019-D30-0001", 2019, "30年", "请示", "2019.3.5", "2019.4.1", 12, 3, None],
        # the same, typed as text (a CSV)
        ["1", "Z109-WS·2019-D30-0001", "2019", "30年", "请示", "2019.3.5", "2019.4.1", "12", "3", ""],
        # text under a column that is no group: a data row, not sub-headers
        [None, "甲", None, None, None, "起", "止", "页数", "件数", None],
    ],
)
def test_a_data_row_is_not_taken_for_a_second_heading_row(tmp_path, second_row):
    path = write(tmp_path / "t.xlsx", [TWO_ROW[1], second_row], ("F1:G1", "H1:I1"))
    m = mapping_of(path)
    assert m.header_row == 1
    assert m.fields[5:7] == ("date_range", None)  # as before: the merged group names one column


@pytest.mark.parametrize(
    ("header", "field"),
    [("起止日期/起", "start_date"), ("起止日期/止", "end_date"), ("日期/自", "start_date"), ("起讫日期/至", "end_date"),
     ("数量/页数", "pages"), ("起止日期/备注", "notes"), ("案卷题名/起", None), ("部门/单位", None)],
)
def test_headers_of_two_row_headings(header, field):
    assert match_header("volumes", header) == field


def test_saved_mapping_round_trip_and_reuse_on_a_moved_layout(tmp_path):
    first = write(tmp_path / "2019.xlsx", [["标题"], ["档号", "案卷名称", "页数", "内部编号"], ["Q001-WS·2019-Y-0001", "甲", 3, "x"]])
    m = mapping_of(first).with_field("B", "title").with_field("D", None)
    store = MappingStore(tmp_path / "mappings")
    saved = store.save("文书处 2019/年度 格式", m)
    assert saved.exists() and saved.parent == tmp_path / "mappings"
    assert store.names() == ["文书处 2019/年度 格式"]
    template = store.load("文书处 2019/年度 格式")
    assert template.by_header["案卷名称"] == "title"
    assert template.kind == "volumes"

    # next year's file: columns in another order, two title rows, and the custom header
    second = write(tmp_path / "2020.xlsx", [["标题"], ["副标题"], ["页数", "内部编号", "案卷名称", "档号"], [3, "y", "乙", "Q001-WS·2020-Y-0001"]])
    with open_spreadsheet(second) as book:
        m2 = apply_template(template, book.sheet())
    assert m2.header_row == 3
    assert m2.fields == ("pages", None, "title", "code")
    plan = plan_import(second, mapping=template)
    assert plan.summary.ok == 1 and plan.rows[0].values["title"] == "乙"

    store.delete("文书处 2019/年度 格式")
    assert store.names() == []
    with pytest.raises(UserError):
        store.load("文书处 2019/年度 格式")


def test_damaged_saved_mapping(tmp_path):
    store = MappingStore(tmp_path)
    (tmp_path / "坏.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError) as exc:
        store.load("坏")
    assert "坏" in exc.value.message
    assert store.names() == []
    with pytest.raises(UserError):
        store.save("  ", MappingTemplate("x", "volumes"))


def test_field_labels_are_chinese():
    assert field_label("code") == "档号"
    assert field_label("amount_paid") == "赔付金额"
    assert field_label("card_no") == "工号/借阅证号"


def test_headers_marked_required_by_other_systems_are_recognised(tmp_path):
    # templates exported by other archive systems mark required columns; such a register found no header
    path = write(tmp_path / "marked.xlsx", [
        ["档号!", "题名！", "年度*", "*保管期限", "页数（必填）", "责任者[必填]", "备注"],
        ["Z109-LP·2019-D30-0001", "某某理赔案", 2019, "D30", 12, "理赔部", ""],
    ])
    m = mapping_of(path)
    assert m.header_row == 1
    assert list(m.fields) == ["code", "title", "year", "retention", "pages", "responsible", "notes"]
    assert m.missing_required() == []
    # the mark is not part of what a saved mapping remembers
    assert header_key("档号（必填）*") == header_key("档号!") == header_key("档号")
