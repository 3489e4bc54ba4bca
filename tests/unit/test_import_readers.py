"""Readers: formats, merged cells, formulas, encodings, and file errors a person can act on."""

from __future__ import annotations

import pathlib
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from archive_desk.errors import UserError
from archive_desk.importing import RowStatus, plan_import
from archive_desk.importing.readers import (
    CellRange,
    ErrorValue,
    ImportFileError,
    NoCachedValue,
    column_letter,
    list_sheets,
    open_spreadsheet,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SAMPLE = DATA / "claims_register_2019.xlsx"
SHEET = "2019年理赔案卷"


def rows_of(path, sheet=None) -> dict[int, list[object]]:
    with open_spreadsheet(path) as book:
        return dict(book.sheet(sheet).rows())


def test_column_letters():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


@pytest.mark.parametrize("name", ["claims_register_2019.xlsx", "claims_register_2019.xls", "claims_register_2019.ods"])
def test_sample_formats_read_alike(name):
    assert [s.name for s in list_sheets(DATA / name)] == [SHEET]
    rows = rows_of(DATA / name)
    assert rows[3][:3] == ["序号", "档号", "年度"]
    assert rows[4][1] == "Q001-LP·2019-D10-0001"
    assert rows[4][2] == 2019  # 2019.0 from xlsx/ods, 2019 from xls
    assert rows[4][8] == date(2019, 9, 17)
    # the merged title fills the whole first row
    assert set(rows[1]) == {"某保险公司理赔档案案卷目录（2019年度）"}
    # a location merged over rows 41-43 applies to each of them
    assert rows[41][12] == rows[42][12] == rows[43][12] == "2号密集架2列2节3层"
    assert rows[118][12] == rows[119][12] == rows[120][12] == "1号密集架2列6节5层"
    assert rows[131] == []
    assert rows[132] == ["填表人：何平杰    审核人：王丽磊"]


def test_merged_ranges_are_reported(tmp_path):
    for name in ("claims_register_2019.xlsx", "claims_register_2019.xls", "claims_register_2019.ods"):
        with open_spreadsheet(DATA / name) as book:
            merged = set(book.sheet().merged)
        assert CellRange(41, 12, 43, 12) in merged
        assert CellRange(1, 0, 1, 13) in merged


def test_formula_without_cached_value_is_marked_not_guessed():
    rows = rows_of(SAMPLE)
    assert rows[130][0] == "合计"
    assert rows[130][10] == NoCachedValue("SUM(K4:K129)")
    # LibreOffice computed and stored the result when it converted the file
    assert rows_of(DATA / "claims_register_2019.xls")[130][10] == 7718


def test_formula_cached_value_and_error_cells(tmp_path):
    path = tmp_path / "formulas.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("表")
    ws.write_number(0, 0, 2)
    ws.write_formula(0, 1, "=A1*2", None, 4)  # cached result stored
    ws.write_formula(0, 2, "=A1*3")  # xlsxwriter stores 0 unless told: a cached value
    book.close()
    rows = rows_of(path)
    assert rows[1][:2] == [2.0, 4.0]

    path2 = tmp_path / "errors.xlsx"
    wb = openpyxl.Workbook()
    ws2 = wb.active
    ws2["A1"] = "x"
    ws2["B1"] = "=A1*2"  # openpyxl never stores a result
    ws2["C1"] = "#N/A"  # openpyxl writes this as an error cell
    ws2["D1"] = "#REF!"
    wb.save(path2)
    rows = rows_of(path2)
    assert rows[1] == ["x", NoCachedValue("A1*2"), ErrorValue("#N/A"), ErrorValue("#REF!")]
    assert str(NoCachedValue("A1*2")) == "=A1*2"


def test_sheet_not_starting_at_a1_keeps_real_row_and_column_numbers(tmp_path):
    path = tmp_path / "offset.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C5"] = "档号"
    ws["D5"] = "题名"
    ws["C6"] = "Q001-WS·2019-Y-0001"
    ws["D7"] = datetime(2019, 3, 5, 10, 0)
    wb.save(path)
    rows = rows_of(path)
    assert rows[5] == [None, None, "档号", "题名"]
    assert rows[6] == [None, None, "Q001-WS·2019-Y-0001"]
    assert rows[7][3] == datetime(2019, 3, 5, 10, 0)
    assert rows[1] == []


def test_several_sheets_hidden_one_and_selection(tmp_path):
    path = tmp_path / "multi.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.sheet_state = "hidden"
    wb.create_sheet("案卷")["A1"] = "档号"
    wb.create_sheet("卷内")["A1"] = "题名"
    wb.save(path)
    sheets = list_sheets(path)
    assert [(s.name, s.index, s.visible) for s in sheets] == [("说明", 0, False), ("案卷", 1, True), ("卷内", 2, True)]
    with open_spreadsheet(path) as book:
        assert book.sheet().name == "案卷"  # first visible
        assert book.sheet(2).name == "卷内"
        assert book.sheet("卷内") is book.sheet("卷内")  # loaded once
        with pytest.raises(ImportFileError) as exc:
            book.sheet("没有")
        assert "没有" in exc.value.message and "multi.xlsx" in exc.value.message


def test_xlsx_saved_under_xls_name_is_read_by_content(tmp_path):
    path = tmp_path / "wps导出.xls"
    path.write_bytes(SAMPLE.read_bytes())
    assert rows_of(path)[4][1] == "Q001-LP·2019-D10-0001"


# --------------------------------------------------------------------------------------------- CSV


CSV_TEXT = "标题行,,\r\n档号,题名,页数\r\nQ001-WS·2019-Y-0001,关于“档案”的通知,12\r\n,,\r\nQ001-WS·2019-Y-0002,\"多行\n题名\",=\"007\"\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "list.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    rows = rows_of(path)
    assert rows[2] == ["档号", "题名", "页数"]
    assert rows[3] == ["Q001-WS·2019-Y-0001", "关于“档案”的通知", "12"]
    assert rows[4] == []
    assert rows[5] == ["Q001-WS·2019-Y-0002", "多行\n题名", "007"]  # a record, not a line; ="007" unwrapped
    assert [s.name for s in list_sheets(path)] == ["list"]


def test_csv_gb18030_only_characters(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("档号,题名\r\nQ001-WS·2019-Y-0001,䶮与€\r\n".encode("gb18030"))
    assert rows_of(path)[2][1] == "䶮与€"


def test_csv_tab_separated(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("档号\t题名\nQ001-WS·2019-Y-0001\t题名, 带逗号\n", encoding="utf-8")
    assert rows_of(path)[2] == ["Q001-WS·2019-Y-0001", "题名, 带逗号"]


def test_gbk_csv_fixture_matches_the_workbook():
    csv_rows = rows_of(DATA / "claims_register_2019_gbk.csv")
    xlsx_rows = rows_of(SAMPLE)
    assert csv_rows[3] == xlsx_rows[3]
    assert csv_rows[6][8] == "2019.13.45"
    assert csv_rows[132] == xlsx_rows[132]


# --------------------------------------------------------------------------------------- bad files


def _message(path) -> str:
    with pytest.raises(ImportFileError) as exc:
        open_spreadsheet(path).sheet()
    assert isinstance(exc.value, UserError)
    return exc.value.message


def test_missing_file(tmp_path):
    message = _message(tmp_path / "没有这个文件.xlsx")
    assert message == "文件“没有这个文件.xlsx”不存在"


def test_folder(tmp_path):
    (tmp_path / "dir.xlsx").mkdir()
    assert "文件夹" in _message(tmp_path / "dir.xlsx")


def test_empty_files(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert _message(tmp_path / "empty.xlsx") == "文件“empty.xlsx”是空的"
    (tmp_path / "empty.csv").write_text(" ,,\r\n,,\r\n", encoding="utf-8")
    assert "empty.csv" in _message(tmp_path / "empty.csv")


def test_not_a_spreadsheet(tmp_path):
    (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "photo.xlsx" in _message(tmp_path / "photo.xlsx")
    (tmp_path / "notes.docx").write_text("hello", encoding="utf-8")
    assert "notes.docx" in _message(tmp_path / "notes.docx")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "broken.xlsx" in _message(tmp_path / "broken.xlsx")
    (tmp_path / "export.xls").write_text("<html><table><tr><td>档号</td></tr></table></html>", encoding="utf-8")
    assert "网页" in _message(tmp_path / "export.xls")
    (tmp_path / "truncated.xlsx").write_bytes(SAMPLE.read_bytes()[:5000])
    assert "truncated.xlsx" in _message(tmp_path / "truncated.xlsx")


def test_locked_file(tmp_path, monkeypatch):
    path = tmp_path / "在用.xlsx"
    path.write_bytes(SAMPLE.read_bytes())
    real_open = pathlib.Path.open

    def locked(self, *args, **kwargs):
        if self.name == "在用.xlsx":
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", locked)
    message = _message(path)
    assert "在用.xlsx" in message and "Excel" in message


# ------------------------------------------------------------------------- first rows of a big .xlsx


def _typed_workbook(path: Path, date_1904: bool = False) -> Path:
    book = xlsxwriter.Workbook(str(path), {"date_1904": date_1904})
    ws = book.add_worksheet("登记")
    fmt = {f: book.add_format({"num_format": f}) for f in ("yyyy-mm-dd", "yyyy-mm-dd hh:mm", "h:mm", "[h]:mm", "0.00", 'yyyy"年"m"月"d"日"')}
    ws.merge_range("A1:F1", "某局档案目录")
    ws.write_row(1, 0, ["档号", "题名", "日期", "数量", "是否", "备注"])
    for r in range(2, 40):
        ws.write_string(r, 0, f"Q001-WS·2019-Y-{r:04d}")
        ws.write_string(r, 1, f"题名{r % 7}")  # shared strings repeat
        ws.write_number(r, 2, 43500 + r + (0.5 if r % 5 == 0 else 0), fmt["yyyy-mm-dd hh:mm" if r % 5 == 0 else "yyyy-mm-dd"])
        ws.write_number(r, 3, r * 1.5, fmt["0.00"])
        ws.write_boolean(r, 4, r % 2 == 0)
        if r % 3 == 0:
            ws.write_number(r, 5, 0.25, fmt["h:mm"])
        elif r % 3 == 1:
            ws.write_number(r, 5, 1.75, fmt["[h]:mm"])
        else:
            ws.write_number(r, 5, 43600, fmt['yyyy"年"m"月"d"日"'])
    ws.merge_range("F10:F12", "合并的备注")
    ws.write_formula(40, 3, "=SUM(D3:D40)", None, 1234.5)
    ws.write_string(41, 0, "  ")
    book.close()
    return path


@pytest.mark.parametrize("source", ["sample", "typed", "typed1904", "openpyxl"])
def test_first_rows_streamed_match_the_full_reader(tmp_path, source):
    if source == "sample":
        path = SAMPLE
    elif source == "openpyxl":
        path = tmp_path / "o.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["档号", "题名", "日期"])
        ws.append(["Q001-WS·2019-Y-0001", "甲", datetime(2019, 3, 5)])
        ws.append(["Q001-WS·2019-Y-0002", "=A2", "#N/A"])
        ws.merge_cells("B4:C5")
        ws["B4"] = "合并"
        wb.save(path)
    else:
        path = _typed_workbook(tmp_path / f"{source}.xlsx", date_1904=source == "typed1904")
    with open_spreadsheet(path) as book, open_spreadsheet(path) as streamed:
        name = book.sheets[0].name
        full = book.sheet(name)
        assert book.sheet(name, head=5) is full  # once loaded, the whole sheet serves
        for head in (5, 25, 500):
            part = streamed.sheet(name, head=head)
            assert not part.complete and full.complete
            assert list(part.rows()) == list(full.rows(stop=head))
            assert part.n_rows >= full.n_rows  # <dimension> may count formatted empty rows


def test_first_rows_do_not_load_the_whole_sheet(monkeypatch):
    import python_calamine

    def refuse(self, name):
        raise AssertionError("the whole sheet was loaded")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", refuse, raising=True)
    with open_spreadsheet(SAMPLE) as book:
        rows = dict(book.sheet(head=50).rows())
    assert rows[42][12] == "2号密集架2列2节3层"  # merged ranges found at the end of the sheet
    assert max(rows) == 50


def test_a_formula_whose_saved_result_is_empty_text_is_blank_not_unsaved():
    """=IF(D2>100,"厚","") recalculated and saved by LibreOffice (t="str", an empty <v></v>): the saved
    result is the empty text. Calling it unsaved would reject the row however often the clerk saves it."""
    path = DATA / "formula_empty_text_libreoffice.xlsx"
    plan = plan_import(path)
    assert (plan.summary.ok, plan.summary.rejected) == (1, 0)
    assert "notes" not in plan.rows[0].values
    # the quick reader of the wizard's first screen agrees
    assert plan_import(path, limit=10).rows[0].status is RowStatus.OK


@pytest.mark.parametrize("name", ["error_cells.xlsx", "error_cells.xls", "error_cells.ods"])
def test_error_cells_are_errors_in_every_format(name):
    """#DIV/0! in 页数 and #N/A in 保管期限 (LibreOffice's .xls and .ods of the same sheet): calamine
    reads both as empty there, which would import the volume with no page count."""
    plan = plan_import(DATA / name)
    assert (plan.summary.ok, plan.summary.rejected) == (0, 2)
    got = [[(p.column, p.value) for p in row.problems] for row in plan.rows]
    assert got == [[("D", "#DIV/0!")], [("E", "#N/A")]]
    assert all("#" in row.problems[0].reason for row in plan.rows)


@pytest.mark.parametrize("first, second", [("utf-8", "gbk"), ("gbk", "utf-8")])
def test_csv_mixing_utf8_and_gbk_names_the_encoding_and_the_first_bad_line(tmp_path, first, second):
    # two exports pasted together: said "No header row found" (the whole file read as GBK, the UTF-8 part garbled)
    path = tmp_path / "mixed.csv"
    path.write_bytes("档号,题名,年度\r\nQ001-WS·2019-Y-0001,关于理赔的请示,2019\r\n".encode(first)
                     + "Q001-WS·2019-Y-0002,关于赔付的批复,2019\r\nQ001-WS·2019-Y-0003,结案报告,2019\r\n".encode(second))
    with pytest.raises(ImportFileError) as caught:
        open_spreadsheet(path)
    message = str(caught.value)
    assert "UTF-8" in message and "GBK" in message
    assert "第 3 行" in message


# ------------------------------------------------------------------------------- hostile or huge files

_MINIMAL_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
_SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_SHEET_TAIL = b"</sheetData></worksheet>"


def _xlsx_of(path: Path, write_rows) -> Path:  # noqa: ANN001 - a callable writing the rows' XML
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in _MINIMAL_PARTS.items():
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(_SHEET_HEAD)
            write_rows(fh)
            fh.write(_SHEET_TAIL)
    return path


def _zip_bomb(path: Path, megabytes: int) -> Path:
    """Small on disk, ``megabytes`` of sheet XML unpacked: the same register row over and over."""
    row = ('<row><c t="inlineStr"><is><t>Q001-LP·2019-D30-0001</t></is></c><c t="inlineStr"><is><t>'
           + "理赔案卷题名" * 20 + "</t></is></c><c><v>2019</v></c></row>").encode()
    block = row * (1024 * 1024 // len(row) + 1)
    block = block[: 1024 * 1024 - (1024 * 1024) % len(row)]

    def rows(fh) -> None:  # noqa: ANN001
        fh.write('<row><c t="inlineStr"><is><t>档号</t></is></c><c t="inlineStr"><is><t>题名</t></is></c>'
                 '<c t="inlineStr"><is><t>年度</t></is></c></row>'.encode())
        for _ in range(megabytes):
            fh.write(block)

    return _xlsx_of(path, rows)


_MEASURE = r"""
import json, resource, sys, time
from archive_desk.errors import UserError
from archive_desk.importing import plan_import
t0 = time.perf_counter()
try:
    plan_import(sys.argv[1])
    outcome = "read"
except UserError as exc:
    outcome = str(exc)
def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss carries the parent's peak over fork and exec on Linux, so a
    # big test process would be measured instead of the reader
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - t0, "rss_mb": peak_mb()}))
"""


def _plan_in_a_process(path: Path) -> dict[str, object]:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, env=env, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss: the resource module is Unix only")
def test_a_zip_bomb_is_refused_within_bounded_memory(tmp_path):
    # 400 MB of sheet XML in a file of a few MB: took 96 s and 5.2 GB for 1 GB before
    bomb = _zip_bomb(tmp_path / "登记表.xlsx", 400)
    assert bomb.stat().st_size < 20 * 1024 * 1024
    measured = _plan_in_a_process(bomb)
    assert "太大" in measured["outcome"] and "拆成" in measured["outcome"]
    assert measured["rss_mb"] <= 600


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss: the resource module is Unix only")
def test_a_few_cells_far_apart_are_refused_before_they_are_allocated(tmp_path):
    # one cell at A1 and one at XFD100000: python-calamine asked for 52 GB and aborted the process
    def rows(fh) -> None:  # noqa: ANN001
        fh.write('<row r="1"><c r="A1" t="inlineStr"><is><t>档号</t></is></c></row>'
                 '<row r="100000"><c r="XFD100000"><v>1</v></c></row>'.encode())

    measured = _plan_in_a_process(_xlsx_of(tmp_path / "稀疏.xlsx", rows))
    assert "太大" in measured["outcome"] and "单元格" in measured["outcome"]
    assert measured["rss_mb"] <= 600


def test_too_many_rows_are_refused_with_the_limit(tmp_path, monkeypatch):
    from archive_desk.importing import readers

    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    path = tmp_path / "多.csv"
    path.write_text("档号,题名,年度\n" + "".join(f"Q001-WS·2019-Y-000{i},题名,2019\n" for i in range(1, 5)), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_spreadsheet(path)
    assert "5 行" in str(caught.value) and "3 行" in str(caught.value)


@pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss: the resource module is Unix only")
def test_an_ods_repeating_a_value_over_millions_of_cells_is_refused(tmp_path):
    # 1 KB: one cell with a value repeated over 1,000 columns and 99,000 rows; python-calamine took 3.2 GB and aborted
    import zipfile

    path = tmp_path / "重复.ods"
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="目录"><table:table-row><table:table-cell '
               'office:value-type="string"><text:p>档号</text:p></table:table-cell></table:table-row><table:table-row '
               'table:number-rows-repeated="99000"><table:table-cell office:value-type="float" office:value="1" '
               'table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell></table:table-row></table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    measured = _plan_in_a_process(path)
    assert "太大" in measured["outcome"] and "99,001,000" in measured["outcome"]
    assert measured["rss_mb"] <= 600
