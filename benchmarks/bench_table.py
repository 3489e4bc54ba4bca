"""The catalogue workspace on a large demo catalogue: start to painted table, jump to the last row,
peak memory. Runs the window offscreen in a fresh process (so the start includes Python, Qt and the
imports) and prints figures; nothing is asserted.

    python benchmarks/bench_table.py --db /tmp/bench1m.sqlite [--jumps 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(db_path: Path, started: float, jumps: int) -> dict[str, float]:
    t_exec = time.time()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import resource
    import statistics

    from PySide6.QtCore import QEvent, QObject, QSettings

    from archive_desk.app import create_application
    from archive_desk.db.engine import Database
    from archive_desk.i18n import set_language
    from archive_desk.services.audit import Actor
    from archive_desk.settings import Settings
    from archive_desk.ui.context import AppContext
    from archive_desk.ui.fonts import register_fonts
    from archive_desk.ui.i18n import install_translators

    tmp = Path(tempfile.mkdtemp(prefix="bench-table-"))
    set_language("zh_CN")
    app = create_application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp))
    install_translators(app, "zh_CN")
    register_fonts()
    from archive_desk.ui.main_window import MainWindow

    t_imports = time.time()
    db = Database.open(db_path)  # as build_context does, minus migrating (the file is at its schema)
    ctx = AppContext(db=db, actor=Actor("bench", "bench"), settings=Settings(), catalogue_path=db_path,
                     settings_path=tmp / "settings.json")
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and area.model.rowCount() > 0:
                painted.append(time.time())
            return False

    window = MainWindow(ctx, areas=[("catalogue", "archive_desk.ui.areas.catalogue")])
    area = window.areas["catalogue"]
    watch = PaintWatch()
    area.table.viewport().installEventFilter(watch)
    window.resize(1400, 820)
    window.show()
    while not painted:
        app.processEvents()
    first_paint = painted[0]
    first_rows = area.model.rowCount()
    while area._list_runner.busy:
        app.processEvents()
        time.sleep(0.002)
    snapshot_done = time.time()
    rows = area.model.rowCount()
    app.processEvents()

    table = area.table
    times: list[float] = []
    for i in range(jumps):
        target = rows - 1 - (i // 2) * 300 if i % 2 == 0 else rows // 3 + i * 997  # alternate: near the end, elsewhere
        area.model._blocks.clear()  # cold: the rows there must be fetched
        painted.clear()
        t0 = time.perf_counter()
        table.scrollTo(area.model.index(target, 0))
        while not painted:
            app.processEvents()
        app.processEvents()
        if i % 2 == 0:
            times.append((time.perf_counter() - t0) * 1000)
    # selecting the last row also fills the detail pane (fields, items, location, loans, history)
    detail: list[float] = []
    for k in range(3):
        t0 = time.perf_counter()
        table.selectRow(rows - 1 - k)
        while area.detail.volume_id() != area.model.id_at(rows - 1 - k):
            app.processEvents()
        detail.append((time.perf_counter() - t0) * 1000)
    area.search_box.setText("病历")
    area.run_search()
    while area._list_runner.busy:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.scan_detector.uninstall()
    db.dispose()
    return {
        "interpreter_start_s": t_exec - started,
        "imports_done_s": t_imports - started,
        "detail_first_ms": detail[0],
        "detail_median_ms": statistics.median(detail),
        "start_to_painted_s": first_paint - started,
        "first_page_rows": first_rows,
        "start_to_full_snapshot_s": snapshot_done - started,
        "rows": rows,
        "jump_to_end_first_ms": times[0],
        "jump_to_end_median_ms": statistics.median(times),
        "peak_rss_mb": peak_mb,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench1m.sqlite"))
    ap.add_argument("--jumps", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3, help="launches of the app (figures are their medians)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--started", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.db, args.started, args.jumps)))
        return 0
    if not args.db.exists():
        print(f"{args.db} does not exist: build it with  python -m archive_desk demo --out {args.db} --volumes 1000000",
              file=sys.stderr)
        return 2
    # An installed app starts from compiled bytecode (pip and PyInstaller both compile); a source
    # checkout with PYTHONDONTWRITEBYTECODE set would compile every module at every start instead.
    import compileall
    import statistics

    import archive_desk

    compileall.compile_dir(str(Path(archive_desk.__file__).parent), quiet=1)
    runs = []
    for _ in range(max(1, args.runs)):
        started = time.time()
        out = subprocess.run([sys.executable, __file__, "--child", "--db", str(args.db), "--started", str(started),
                              "--jumps", str(args.jumps)], capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    r = {key: statistics.median(run[key] for run in runs) if isinstance(runs[0][key], float) else runs[0][key] for key in runs[0]}
    print(f"{len(runs)} launches, medians; start → painted in each: {', '.join(f'{run['start_to_painted_s']:.2f} s' for run in runs)}")
    print(f"catalogue: {args.db}, {r['rows']:,} volumes listed")
    print(f"start (process launch) → table painted:   {r['start_to_painted_s']:.2f} s "
          f"(first page of {r['first_page_rows']} rows; interpreter up after {r['interpreter_start_s']:.2f} s)")
    print(f"start → full id snapshot swapped in:      {r['start_to_full_snapshot_s']:.2f} s (in a worker; the table is usable meanwhile)")
    print(f"  of which Python/Qt/SQLAlchemy imports:  {r['imports_done_s']:.2f} s; window built and painted in the remaining "
          f"{r['start_to_painted_s'] - r['imports_done_s']:.2f} s")
    print(f"jump to the last rows (scroll + fetch + paint, cold blocks): first {r['jump_to_end_first_ms']:.1f} ms, "
          f"median {r['jump_to_end_median_ms']:.1f} ms")
    print(f"select a row → detail pane filled:        first {r['detail_first_ms']:.1f} ms, median {r['detail_median_ms']:.1f} ms")
    print(f"peak memory (RSS, incl. a search):        {r['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
