"""Benchmark the read + plan part of importing a large register.

Generates a 100,000-row claims register (xlsx, xlsxwriter constant_memory: title rows, a header,
mixed value forms as people type them, a blank line every 25 rows, a few bad values and duplicates),
then prints:

- floor: bare python-calamine reading every row of the sheet (load + iterate);
- preview: time to the wizard's first screen (``preview(path, 50)``);
- plan: ``plan_import`` of the whole file;
- peak memory of each (tracemalloc for Python objects, plus the process's peak RSS, which
  includes calamine's Rust-side cells).

Each measurement runs in a fresh process so peak RSS is its own. The DB commit part (executemany
of the accepted rows) is left for the service layer to add.

    python benchmarks/bench_import.py [--rows 100000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HEADERS = ["序号", "档号", "年度", "保管期限", "案卷题名", "赔案号", "保单号", "被保险人", "出险日期", "起止日期", "页数", "件数", "存放位置", "备注"]


def generate(path: Path, rows: int, seed: int = 7) -> dict[str, int]:
    import xlsxwriter

    rnd = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("理赔案卷")
    date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_string(0, 0, "某保险公司理赔档案案卷目录")
    ws.write_string(1, 0, "全宗号：Q001    编制单位：理赔档案室")
    ws.write_row(2, 0, HEADERS)
    r = 3
    planted = {"volumes": 0, "bad": 0, "dup": 0, "blank": 0}
    names = "张王李赵刘陈杨黄周吴"
    retentions = [("Y", "永久"), ("D30", "30年"), ("D30", "定期30年"), ("D10", "10年"), ("D10", "D10")]
    for i in range(1, rows + 1):
        if i > 1 and i % 25 == 1:
            r += 1  # blank line
            planted["blank"] += 1
        year = 2000 + i % 24
        ret_code, ret_text = retentions[i % len(retentions)]
        n = i
        if i % 997 == 0:
            n = i - 500  # repeats an earlier 档号
            year = 2000 + n % 24
            ret_code, ret_text = retentions[n % len(retentions)]
            planted["dup"] += 1
        # 4-digit running numbers per year and retention, as the LP category's pattern has them
        code = f"Q001-LP·{year}-{ret_code}-{n // 24 + 1:04d}"  # unique: one year is every 24th row
        if i % 7 == 0:
            code = code.replace("·", ".")
        start = date(year, 1, 1) + timedelta(days=rnd.randrange(300))
        end = start + timedelta(days=rnd.randrange(1, 60))
        ws.write_number(r, 0, i)
        ws.write_string(r, 1, code)
        if i % 11 == 0:
            ws.write_string(r, 2, f"{year}年")
        else:
            ws.write_number(r, 2, year)
        ws.write_string(r, 3, ret_text)
        ws.write_string(r, 4, f"{names[i % 10]}某某机动车辆保险追尾事故理赔案卷{i}")
        ws.write_string(r, 5, f"LP{year}{i:07d}")
        ws.write_string(r, 6, f"P{i:010d}")
        ws.write_string(r, 7, f"{names[i % 10]}某")
        if i % 1009 == 0:
            ws.write_string(r, 8, f"{year}.13.45")  # impossible date
            planted["bad"] += 1
        elif i % 3 == 0:
            ws.write_string(r, 8, f"{start.year}年{start.month}月{start.day}日")
        else:
            ws.write_datetime(r, 8, start, date_fmt)
        ws.write_string(r, 9, f"{start:%Y.%m.%d}-{end:%Y.%m.%d}")
        ws.write(r, 10, f"{i % 200}页" if i % 13 == 0 else i % 200)
        ws.write_number(r, 11, i % 15 + 1)
        ws.write_string(r, 12, f"{i % 9 + 1}号密集架{i % 12 + 1}列{i % 6 + 1}节{i % 5 + 1}层")
        r += 1
        planted["volumes"] += 1
    ws.write_string(r, 0, "合计")
    ws.write_string(r + 2, 0, "填表人：某某    审核人：某某")
    book.close()
    return planted


def _rss_peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _measure(what: str, path: str) -> dict[str, float]:
    """Run one measurement in this (fresh) process."""
    import tracemalloc

    tracemalloc.start()
    t0 = time.perf_counter()
    out: dict[str, float] = {}
    if what == "floor":
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(path)
        sheet = book.get_sheet_by_index(0)
        n = 0
        for _row in sheet.iter_rows():
            n += 1
        out["rows"] = n
    elif what == "preview":
        from archive_desk.importing import preview

        plan = preview(path, 50)
        out["rows"] = len(plan.rows)
    elif what == "plan":
        from archive_desk.importing import plan_import

        plan = plan_import(path)
        s = plan.summary
        out.update(rows=s.rows_read, ok=s.ok, rejected=s.rejected, duplicate=s.duplicate, skipped=s.skipped, adds_up=float(s.adds_up))
    elif what == "plan+report":
        from archive_desk.importing import plan_import, write_error_report

        plan = plan_import(path)
        t1 = time.perf_counter()
        write_error_report(plan, Path(path).with_suffix(".report.xlsx"))
        out["report_s"] = time.perf_counter() - t1
    out["seconds"] = time.perf_counter() - t0
    out["py_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    out["rss_peak_mb"] = _rss_peak_mb()
    return out


def _cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _measure_untraced(what: str, path: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds): on a shared machine CPU time is the steadier figure."""
    c0 = _cpu()
    t0 = time.perf_counter()
    if what == "plan":
        from archive_desk.importing import plan_import

        plan_import(path)
    elif what == "preview":
        from archive_desk.importing import preview

        preview(path, 50)
    elif what == "plan+report":
        from archive_desk.importing import plan_import, write_error_report

        write_error_report(plan_import(path), Path(path).with_suffix(".report.xlsx"))
    else:
        import python_calamine

        for _row in python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows():
            pass
    return time.perf_counter() - t0, _cpu() - c0


def _child(what: str, path: str, traced: bool) -> dict[str, float]:
    code = (
        "import json, sys; sys.path.insert(0, %r); import bench_import as b; "
        "print(json.dumps(b._measure(%r, %r) if %r else dict(zip(('seconds', 'cpu'), b._measure_untraced(%r, %r)), rss_peak_mb=b._rss_peak_mb())))"
    ) % (str(Path(__file__).parent), what, path, traced, what, path)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the generated register here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "register.xlsx"
        t0 = time.perf_counter()
        planted = generate(path, args.rows)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - t0:.1f} s: {path.stat().st_size / 1e6:.1f} MB, planted {planted}")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
        print(f"{'measurement':<24}{'wall s':>9}{'CPU s':>9}{'py peak MB':>12}{'RSS peak MB':>13}")
        for what in ("floor", "preview", "plan", "plan+report"):
            untraced = _child(what, str(path), traced=False)
            traced = _child(what, str(path), traced=True) if what != "plan+report" else {"py_peak_mb": float("nan")}
            print(f"{what:<24}{untraced['seconds']:>9.2f}{untraced['cpu']:>9.2f}{traced['py_peak_mb']:>12.1f}{untraced['rss_peak_mb']:>13.1f}")
            if what == "plan":
                print(f"  accounting: {json.dumps({k: int(v) for k, v in traced.items() if k in ('rows', 'ok', 'rejected', 'duplicate', 'skipped', 'adds_up')}, ensure_ascii=False)}")
        print("\nfloor = python-calamine loading the sheet and iterating its rows; preview = first 50 rows planned;")
        print("wall/CPU from untraced runs, each in a fresh process; 'py peak MB' from a separate tracemalloc run;")
        print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work inflates wall time)")


if __name__ == "__main__":
    main()
