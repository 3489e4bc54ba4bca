"""Benchmark the permission check of the write path (issue #16: it adds ≤ 5 ms to a search or a loan).

Builds a small demo catalogue, then times with and without the check:

- a loan at the desk (``loans.lend`` of one volume, then its return) by an actor without a role (a catalogue
  without accounts: the write path skips the check) and by the 借阅登记员 account (checked);
- the check alone (``permissions.require``), a million calls;
- a search: searching is not a write, so the write path does not check it; timed for reference with both actors'
  sessions, which is what the desk does between loans.

    python benchmarks/bench_permissions.py [--volumes 2000] [--rounds 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volumes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    if "ARCHIVE_DESK_CONFIG_DIR" not in os.environ:
        os.environ["ARCHIVE_DESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-permissions-config-")
    from sqlalchemy import select

    from archive_desk.models import Volume, VolumeStatus
    from archive_desk.services import accounts, loans, permissions, search
    from archive_desk.services.demo import build_demo
    from archive_desk.services.setup import open_catalogue

    path = Path(tempfile.mkdtemp(prefix="bench-permissions-")) / "demo.sqlite"
    build_demo(path, args.volumes, seed=3)
    db = open_catalogue(path)
    desk = accounts.login(db, "desk", "demo", "bench")
    unchecked = replace(desk, role=None)  # the same person on a catalogue without accounts: no check
    with db.read() as s:
        ids = list(s.scalars(select(Volume.id).where(Volume.status == VolumeStatus.IN_STOCK, Volume.security == "公开").limit(50)))
    with db.write() as s:
        borrower = loans.create_borrower(s, unchecked, {"name": "基准", "unit": "理赔部", "card_no": "bench-1"})

    def loan_round(actor) -> float:  # noqa: ANN001
        vid = ids[0]
        started = time.perf_counter()
        with db.write() as s:
            loan = loans.lend(s, actor, borrower.id, [vid], "工作查考", "查阅", date.today() + timedelta(days=7))
        elapsed = time.perf_counter() - started
        with db.write() as s:
            loans.return_volumes(s, unchecked, [loans.LineReturn(vid)])
        del loan
        return elapsed

    def search_round() -> float:
        started = time.perf_counter()
        with db.read() as s:
            search.search(s, "理赔", 50)
        return time.perf_counter() - started

    for _ in range(5):  # warm up
        loan_round(unchecked), loan_round(desk), search_round()
    plain, checked = [], []
    for _ in range(args.rounds):  # interleaved, so the machine's load falls on both alike
        plain.append(loan_round(unchecked))
        checked.append(loan_round(desk))
    n = 1_000_000
    started = time.perf_counter()
    for _ in range(n):
        permissions.require(desk, "loans.lend")
    per_check = (time.perf_counter() - started) / n
    searches = [search_round() for _ in range(args.rounds)]
    db.dispose()
    p, c = statistics.median(plain) * 1000, statistics.median(checked) * 1000
    print(f"loan (lend 1 volume), median of {args.rounds}: without check {p:.2f} ms, with check {c:.2f} ms, "
          f"difference {c - p:+.2f} ms")
    print(f"permissions.require alone: {per_check * 1e6:.2f} µs per call")
    print(f"search '理赔' (not a write: not checked), median of {args.rounds}: {statistics.median(searches) * 1000:.2f} ms")
    ok = per_check * 1000 <= 5 and c - p <= 5
    print("OK: the check adds ≤ 5 ms" if ok else "OVER BUDGET: the check adds more than 5 ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
