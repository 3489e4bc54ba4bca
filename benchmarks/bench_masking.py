"""What masking costs a search and a block of the table: the same queries as no accounts, as a reader (公开: the
text tiers restricted in SQL, hits masked) and as an archivist (秘密), on a demo catalogue.

    python benchmarks/bench_masking.py [--volumes 100000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from archive_desk.services import search, volume_list
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo
from archive_desk.services.setup import open_catalogue

VIEWERS = {"no accounts": None, "reader 公开": Actor("r", role="reader", clearance="公开"),
           "archivist 秘密": Actor("a", role="archivist", clearance="秘密")}
QUERIES = ("张伟", "理赔案卷", "火灾 2019", "lpaj", "住院病历")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volumes", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo(path, args.volumes, seed=1)
        db = open_catalogue(path)
        try:
            with db.read() as s:
                ids = list(volume_list.snapshot_ids(s))[:256]
            for name, viewer in VIEWERS.items():
                times = []
                with db.read() as s:
                    for _ in range(5):
                        for q in QUERIES:
                            start = time.perf_counter()
                            search.search_result(s, q, 200, viewer=viewer)
                            times.append((time.perf_counter() - start) * 1000)
                    block = []
                    for _ in range(20):
                        start = time.perf_counter()
                        volume_list.fetch_rows(s, ids, ("code", "title", "year", "security", "status"), viewer)
                        block.append((time.perf_counter() - start) * 1000)
                print(f"{name:14} search median {statistics.median(times):6.2f} ms  max {max(times):6.2f} ms   "
                      f"table block of 256 median {statistics.median(block):5.2f} ms")
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
