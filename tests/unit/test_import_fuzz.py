"""Fuzz: generated messy registers never crash the planner and are accounted for exactly.

Each example plants a known number of good rows, rows with one bad value, duplicates, blank lines,
total lines and signature lines (with title rows above, full-width digits, stray spaces, ``.`` for
``·``, merged title and location cells), writes the workbook with openpyxl, xlsxwriter or as a
UTF-8/GBK CSV, plans it, and checks every count against what was planted.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_desk.importing import RowStatus, SkipKind, plan_import
from archive_desk.importing.readers import open_spreadsheet

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
RETENTIONS = {"Y": ["永久", "Y", "y"], "D30": ["30年", "定期30年", "D30", "定期 30 年"], "D10": ["10年", "定期10年", "D10", "Ｄ１０"]}
OPTIONAL_COLUMNS = ["序号", "年度", "保管期限", "起止日期", "页数", "存放位置", "备注", "密级"]
TITLE_CHARS = "档案理赔保险火灾车辆医疗财产通知报告请示批复会议纪要年度计划工作"


@dataclass
class Planted:
    kind: str  # good, bad, dup, blank, total, signature
    cells: dict[str, object]
    code: str | None = None
    dup_of: int | None = None  # index into rows of the row it repeats


def code_for(n: int, year: int, retention: str) -> str:
    return f"Q001-LP·{year}-{retention}-{n:04d}"


def code_variant(code: str, how: int) -> str:
    if how == 1:
        return code.replace("·", ".")
    if how == 2:
        return f"  {code} "
    if how == 3:
        return code.translate(FULL).replace("-", "－").replace("·", "．")
    if how == 4:
        return code.lower()
    return code


@st.composite
def good_cells(draw, n: int) -> tuple[dict[str, object], str]:
    year = draw(st.integers(2001, 2024))
    retention = draw(st.sampled_from(sorted(RETENTIONS)))
    code = code_for(n, year, retention)
    start = date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    end = date(year, max(start.month, draw(st.integers(1, 12))), 28)
    cells: dict[str, object] = {
        "档号": code_variant(code, draw(st.integers(0, 4))),
        "题名": "".join(draw(st.lists(st.sampled_from(TITLE_CHARS), min_size=2, max_size=12))) + "案卷",
        "序号": n,
        "年度": draw(st.sampled_from([year, float(year), str(year), f"{year}年", str(year).translate(FULL)])),
        "保管期限": draw(st.sampled_from(RETENTIONS[retention])),
        "起止日期": draw(
            st.sampled_from(
                [
                    f"{start:%Y.%m.%d}-{end:%Y.%m.%d}",
                    f"{start:%Y%m%d}至{end:%Y%m%d}",
                    f"{start.year}年{start.month}月{start.day}日~{end.year}年{end.month}月{end.day}日",
                    f"{start:%Y/%m/%d}—{end:%Y/%m/%d}",
                    datetime(start.year, start.month, start.day),
                ]
            )
        ),
        "页数": draw(st.sampled_from([draw(st.integers(0, 300)), float(draw(st.integers(1, 300))), f"{draw(st.integers(1, 300))}页", "５６页"])),
        "存放位置": draw(st.sampled_from([f"{draw(st.integers(1, 9))}号密集架{draw(st.integers(1, 12))}列{draw(st.integers(1, 6))}节{draw(st.integers(1, 5))}层", "K1-03A-02-4-3", None])),
        "备注": draw(st.sampled_from([None, "补充材料", "（重复登记）"])),
        "密级": draw(st.sampled_from([None, "公开", "内部", "秘密★5年"])),
    }
    return cells, code


BAD_VALUES = {
    "年度": ["20l9", "1800", "二〇一九", "2019.5", "19"],
    "保管期限": ["15年", "永远", "D20", "30"],
    "起止日期": ["2019.13.45-2019.12.01", "2019.02.30", "2019.05.01-2019.03.01", "昨天"],
    "页数": ["-3", "五十", "56件", "12.5"],
    "存放位置": ["第五排", "5号密集架A面7列B面1节5层"],
    "密级": ["顶级", "公开★5年"],
    "档号": ["Q001-理赔·2019-Y-0001", "Q001 LP·2019-Y-0001"],
    "题名": [None],
}


@st.composite
def registers(draw):
    columns = ["档号", "题名", *draw(st.lists(st.sampled_from(OPTIONAL_COLUMNS), unique=True, max_size=len(OPTIONAL_COLUMNS)))]
    columns = draw(st.permutations(columns))
    rows: list[Planted] = []
    n = 0
    good_indexes: list[int] = []
    for kind in draw(st.lists(st.sampled_from(["good"] * 6 + ["bad", "dup", "blank", "total", "signature"]), max_size=40)):
        if kind == "good" or (kind == "dup" and not good_indexes):
            n += 1
            cells, code = draw(good_cells(n))
            good_indexes.append(len(rows))
            rows.append(Planted("good", cells, code))
        elif kind == "dup":
            first = draw(st.sampled_from(good_indexes))
            n += 1
            cells, _ = draw(good_cells(n))
            original = rows[first]
            # the same 档号 as an earlier good row, written another way, with consistent year/retention
            for col in ("档号", "年度", "保管期限"):
                cells[col] = original.cells[col]
            cells["档号"] = code_variant(original.code or "", draw(st.integers(0, 4)))
            rows.append(Planted("dup", cells, original.code, dup_of=first))
        elif kind == "bad":
            candidates = [c for c in BAD_VALUES if c in columns]
            column = draw(st.sampled_from(candidates))
            n += 1
            cells, code = draw(good_cells(n))
            cells[column] = draw(st.sampled_from(BAD_VALUES[column]))
            rows.append(Planted("bad", cells, code))
        elif kind == "blank":
            rows.append(Planted("blank", {}))
        elif kind == "total":
            rows.append(Planted("total", {"*first": draw(st.sampled_from(["合计", "小计", "总计：12卷", "合 计", "本页合计"]))}))
        else:
            rows.append(Planted("signature", {"*first": draw(st.sampled_from(["经办人：张三", "移交人：    接收人：", "制表人：李四  审核：王五", "填表人："]))}))
    titles = draw(st.lists(st.sampled_from(["某保险公司理赔档案案卷目录（2019年度）", "全宗号：Q001    编制单位：理赔档案室", "（第1页）", None]), max_size=3))
    blank_after_header = draw(st.integers(0, 2))
    writer = draw(st.sampled_from(["openpyxl", "xlsxwriter", "csv-utf8", "csv-gbk"]))
    merge_locations = draw(st.booleans())
    return columns, rows, titles, blank_after_header, writer, merge_locations


def to_grid(columns, rows, titles, blank_after_header):
    grid: list[list[object]] = [[t] if t else [] for t in titles]
    header_row = len(grid) + 1
    grid.append(list(columns))
    grid.extend([] for _ in range(blank_after_header))
    first_data = len(grid) + 1
    for planted in rows:
        if "*first" in planted.cells:
            grid.append([planted.cells["*first"]])
        else:
            grid.append([planted.cells.get(col) for col in columns])
    return grid, header_row, first_data


def location_merges(columns, rows, first_data):
    """Runs of consecutive good rows whose location is the same: merge that cell over them."""
    if "存放位置" not in columns:
        return []
    col = columns.index("存放位置")
    merges = []
    i = 0
    while i < len(rows) - 1:
        if rows[i].kind == "good" and rows[i + 1].kind == "good" and rows[i].cells.get("存放位置"):
            rows[i + 1].cells["存放位置"] = None  # the merged cell holds it
            merges.append((first_data + i, col, first_data + i + 1, col))
            i += 2
        else:
            i += 1
    return merges


def write(path: Path, grid, writer, merges, width, merge_title):
    if writer == "openpyxl":
        wb = openpyxl.Workbook()
        ws = wb.active
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        if merge_title and width > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        for r0, c0, r1, c1 in merges:
            ws.merge_cells(start_row=r0, start_column=c0 + 1, end_row=r1, end_column=c1 + 1)
        wb.save(path)
    elif writer == "xlsxwriter":
        book = xlsxwriter.Workbook(str(path))
        ws = book.add_worksheet("登记簿")
        fmt = book.add_format({"num_format": "yyyy-mm-dd"})
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime):
                    ws.write_datetime(r, c, value, fmt)
                elif isinstance(value, str):
                    ws.write_string(r, c, value)
                else:
                    ws.write(r, c, value)
        for r0, c0, r1, c1 in merges:
            anchor = grid[r0 - 1][c0]
            ws.merge_range(r0 - 1, c0, r1 - 1, c1, anchor)
        book.close()
    else:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        for row in grid:
            w.writerow(["" if v is None else (f"{v:%Y-%m-%d}" if isinstance(v, datetime) else v) for v in row])
        path.write_bytes(out.getvalue().encode("utf-8-sig" if writer == "csv-utf8" else "gb18030"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(registers(), st.data())
def test_messy_registers_are_accounted_exactly(register, data):
    columns, rows, titles, blank_after_header, writer, merge_locations = register
    if not any(p.kind in ("good", "bad", "dup") for p in rows):
        rows = rows + [Planted("good", {"档号": "Q001-LP·2019-Y-9999", "题名": "最后一卷", "年度": 2019, "保管期限": "永久", "序号": 9999}, "Q001-LP·2019-Y-9999")]
    grid, header_row, first_data = to_grid(columns, rows, titles, blank_after_header)
    merges = location_merges(columns, rows, first_data) if merge_locations and writer in ("openpyxl", "xlsxwriter") else []
    grid, header_row, first_data = to_grid(columns, rows, titles, blank_after_header)

    # some good first occurrences are "already in the catalogue"
    good_codes = [p.code for p in rows if p.kind == "good"]
    existing = set(data.draw(st.lists(st.sampled_from(good_codes), unique=True, max_size=3))) if good_codes else set()

    suffix = ".csv" if writer.startswith("csv") else ".xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"register{suffix}"
        write(path, grid, writer, merges, len(columns), merge_title=bool(titles and titles[0]))
        plan = plan_import(path, existing_codes=lambda codes: {c for c in codes if c in existing})
        with open_spreadsheet(path) as book:
            n_rows = book.sheet().n_rows

    data_idx = [i for i, p in enumerate(rows) if p.kind in ("good", "bad", "dup")]
    lo, hi = data_idx[0], data_idx[-1]
    blanks_inside = sum(1 for i, p in enumerate(rows) if p.kind == "blank" and lo < i < hi)
    goods = [p for p in rows if p.kind == "good"]
    expected = {
        "ok": sum(1 for p in goods if p.code not in existing),
        "existing": sum(1 for p in goods if p.code in existing),
        "rejected": sum(1 for p in rows if p.kind == "bad"),
        "duplicate": sum(1 for p in rows if p.kind == "dup"),
        "skipped_blank": blanks_inside,
        "skipped_total": sum(1 for p in rows if p.kind == "total"),
        "skipped_signature": sum(1 for p in rows if p.kind == "signature"),
    }
    s = plan.summary
    got = {k: getattr(s, k) for k in expected}
    assert got == expected, (writer, columns, [(p.kind, p.cells) for p in rows], [(r.row, r.status, r.skip, r.problems) for r in plan.rows])
    assert s.adds_up
    assert s.rows_read == len(rows) - sum(1 for i, p in enumerate(rows) if p.kind == "blank" and not lo < i < hi)
    assert plan.sheets[0].mapping.header_row == header_row
    assert s.rows_above_data + s.rows_read + s.blank_outside == n_rows

    # row by row: each planted row got its status, at its own row number
    by_row = {r.row: r for r in plan.rows}
    for i, p in enumerate(rows):
        r = by_row.get(first_data + i)
        if p.kind == "blank":
            assert r is None or r.skip is SkipKind.BLANK
            continue
        assert r is not None
        if p.kind == "good":
            assert r.status is (RowStatus.EXISTING if p.code in existing else RowStatus.OK)
            assert r.values["code"] == p.code and not r.problems
        elif p.kind == "bad":
            assert r.status is RowStatus.REJECTED and len(r.problems) >= 1
            assert all(pr.row == first_data + i and pr.sheet == plan.sheets[0].name for pr in r.problems)
        elif p.kind == "dup":
            assert r.status is RowStatus.DUPLICATE and r.duplicate_of == first_data + p.dup_of  # type: ignore[operator]
        else:
            assert r.skip is (SkipKind.TOTAL if p.kind == "total" else SkipKind.SIGNATURE)
