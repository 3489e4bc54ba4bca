"""Benchmark ``check`` on a large demo catalogue (issue #18: ≤ 60 s on 1,000,000 volumes).

Builds its own demo (``services/demo.py``; the builder seals every row it writes) unless ``--db`` names one
already built, then runs the whole ``check`` (quick_check, foreign keys, trail + MACs, head and anchor, every
sealed row) once cold-ish and prints the time of each stage and the CPU time, plus what ``check`` found.

    python benchmarks/bench_check.py [--volumes 1000000] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volumes", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="an existing demo catalogue (built with this code)")
    parser.add_argument("--keep", action="store_true", help="keep the demo catalogue built here")
    args = parser.parse_args()
    # the room key and the anchor go to this run's own config folder unless one is given
    if "ARCHIVE_DESK_CONFIG_DIR" not in os.environ:
        os.environ["ARCHIVE_DESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-check-config-")
    from archive_desk.services.demo import build_demo
    from archive_desk.services.integrity import check_catalogue

    path = args.db
    built = False
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="bench-check-")) / "demo.sqlite"
        started = time.monotonic()
        report = build_demo(path, args.volumes, seed=1)
        built = True
        print(f"demo: {report.volumes:,} volumes, {report.items:,} items, {report.size_bytes / 1e6:,.0f} MB "
              f"built and sealed in {time.monotonic() - started:,.1f} s")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                  for t in ("volumes", "items", "location_moves", "loans", "row_seal", "audit_log")}
    print("rows:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    stages: list[tuple[str, float]] = []
    last = [time.monotonic()]

    def progress(stage: str) -> None:
        now = time.monotonic()
        stages.append((stage, now - last[0]))
        last[0] = now

    cpu, wall = time.process_time(), time.monotonic()
    result = check_catalogue(path, progress=progress)
    wall, cpu = time.monotonic() - wall, time.process_time() - cpu
    progress("end")
    names = ["open", "quick_check + foreign keys", "trail + head", "rows"]
    for name, (_stage, seconds) in zip(names, stages, strict=False):
        print(f"  {name:28s} {seconds:7.1f} s")
    print(f"check: {wall:.1f} s wall, {cpu:.1f} s CPU; exit code {result.exit_code}; "
          f"{len(result.problems)} problems, {len(result.could_not_check)} could-not-check, {len(result.notes)} notes")
    for line in result.problems + result.could_not_check + result.notes:
        print("  ", line)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    if built and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    elif built:
        print(f"kept: {path}", file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
