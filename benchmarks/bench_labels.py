"""1,000 Code 128 front labels on A4 2 × 7, beside reportlab's own Code 128 widget; and 1,000 default
(Data Matrix) front labels on A4 3 × 8.

    python benchmarks/bench_labels.py [--labels 1000] [--runs 3] [--out DIR]

Seeds its own synthetic catalogue: claim volumes with Chinese titles and realistic 档号
(``Z109-LP·2019-D30-0123`` → payload ``Z109-LP.2019-D30-0123``). Two renders of the same
labels with the same layout code:

* **ours**: bars from python-barcode's Code 128 encoding, drawn as merged vector rectangles in
  one path per barcode (``archive_desk.printing.barcodes``);
* **floor**: the same pages with every barcode drawn by
  ``reportlab.graphics.barcode.code128.Code128`` (same module width, height, quiet zone and
  human-readable line).

Target (issue 5): ours ≤ 2 s for 1,000 labels and within 1.3× of the floor. Prints the figures;
asserts nothing. Font registration (a one-off ~0.2 s per process) is timed separately.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

from reportlab.graphics.barcode.code128 import Code128 as RLCode128

from archive_desk.printing import barcodes, fonts
from archive_desk.printing.data import LabelRecord
from archive_desk.printing.labels import render_labels
from archive_desk.printing.templates import load_stock, load_template

TITLE_PARTS = (
    "机动车辆保险理赔案卷",
    "企业财产保险理赔案卷",
    "货物运输保险理赔案卷",
    "意外伤害保险理赔案卷",
    "责任保险理赔案卷",
)
NAMES = ("张三", "李四", "王五", "赵六", "陈七", "刘八", "周九", "吴十")
PLATES = ("粤A12345", "粤B67890", "京C24680", "沪D13579", "浙E11223")
EVENTS = ("追尾事故", "暴雨水淹", "火灾损失", "货物湿损", "人员受伤", "玻璃单独破碎")


def synthetic_records(n: int) -> list[LabelRecord]:
    out = []
    for i in range(n):
        year = 2015 + i % 9
        code = f"Z109-LP·{year}-D30-{i + 1:04d}"
        title = (
            f"{year}年度{TITLE_PARTS[i % 5]}（{NAMES[i % 8]} {PLATES[i % 5]} {EVENTS[i % 6]}"
            + ("，含查勘报告、定损单、赔款计算书及结案报告" if i % 3 == 0 else "")
            + "）"
        )
        out.append(
            LabelRecord(
                payload=code.replace("·", "."),
                code=code,
                title=title,
                fonds_code="Z109",
                year=str(year),
                retention="定期30年",
                location=f"一号库房 {i % 12 + 1}架{'AB'[i % 2]}面 第{i % 8 + 1}列 第{i % 5 + 1}节 第{i % 4 + 1}层",
            )
        )
    return out


def _reportlab_draw_planned(canvas, geo: barcodes.BarcodeGeometry, x: float, y: float) -> None:
    """Stand-in for barcodes.draw_planned: the same symbol drawn by reportlab's Code128 widget."""
    text_h = geo.text_size * fonts.line_extent(fonts.MONO) + geo.text_gap if geo.text_size else 0.0
    bc = RLCode128(
        geo.payload,
        barWidth=geo.module,
        barHeight=geo.bar_height,
        quiet=1,
        lquiet=barcodes.QUIET_ZONE_MODULES * geo.module,
        rquiet=barcodes.QUIET_ZONE_MODULES * geo.module,
        humanReadable=False,
    )
    bc.drawOn(canvas, x + geo.offset, y + text_h)
    if geo.text_size:
        canvas.setFont(fonts.MONO, geo.text_size)
        canvas.drawCentredString(
            x + geo.bars_start + geo.bars_width / 2, y - fonts.descent(fonts.MONO) * geo.text_size, geo.payload
        )


def _time(fn, runs: int) -> tuple[float, float, bytes]:
    """Best wall-clock and best CPU time of ``runs`` runs (caches cleared: every run encodes afresh)."""
    wall, cpu = [], []
    data = b""
    for _ in range(runs):
        barcodes.code128_modules.cache_clear()
        barcodes.bar_runs.cache_clear()
        barcodes._bar_ops.cache_clear()
        barcodes.datamatrix_matrix.cache_clear()
        barcodes._datamatrix_ops.cache_clear()
        t0, c0 = time.perf_counter(), time.process_time()
        data = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu), data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None, help="also write both PDFs here")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    fonts.register_fonts()
    t_fonts = time.perf_counter() - t0

    # Code 128 (the front label of rooms with 1D scanners); the default 3 × 8 label prints Data Matrix
    template = load_template("front-99x38")
    stock = load_stock("a4-2x7-l7163")
    records = synthetic_records(args.labels)
    dm_t, dm_cpu, dm = _time(lambda: render_labels(records, load_template("front-63x34"), load_stock("a4-3x8-l7159")), args.runs)

    ours_t, ours_cpu, ours = _time(lambda: render_labels(records, template, stock), args.runs)
    with mock.patch.object(barcodes, "draw_planned", _reportlab_draw_planned):
        floor_t, floor_cpu, floor = _time(lambda: render_labels(records, template, stock), args.runs)

    pages = -(-args.labels // stock.labels_per_page())
    print(f"labels: {args.labels} front labels ({template.name}) on {stock.name}, {pages} pages; best of {args.runs} runs")
    print(f"font registration (once per process): {t_fonts:.3f} s")
    print(f"ours  (python-barcode pattern, vector rects): {ours_t:.3f} s wall, {ours_cpu:.3f} s CPU, {len(ours) / 1024:.0f} KiB")
    print(f"floor (reportlab Code128 widget)            : {floor_t:.3f} s wall, {floor_cpu:.3f} s CPU, {len(floor) / 1024:.0f} KiB")
    print(
        f"ratio ours / floor: {ours_t / floor_t:.2f}x wall, {ours_cpu / floor_cpu:.2f}x CPU (target <= 1.30x); "
        f"ours <= 2 s: {'yes' if ours_cpu <= 2 else 'NO'} (CPU)"
    )
    print(f"per label: {ours_cpu / args.labels * 1000:.2f} ms CPU; wall time depends on the machine's load")
    print(f"Data Matrix (front-63x34 on a4-3x8-l7159, pyStrich encoder): {dm_t:.3f} s wall, {dm_cpu:.3f} s CPU, "
          f"{len(dm) / 1024:.0f} KiB, {dm_cpu / args.labels * 1000:.2f} ms CPU per label")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "labels-ours.pdf").write_bytes(ours)
        (args.out / "labels-floor.pdf").write_bytes(floor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
