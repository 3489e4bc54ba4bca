"""Transfers at scale: the demo's transfer content, the appraisal search and the registers on a big catalogue.

    python benchmarks/bench_transfers.py 100000 1000000

For each size: builds the demo catalogue without the transfers extension, then times the extension on it
(``services.demo_transfers.build``, raw SQL in one transaction), ``due_volumes`` (every volume whose retention
ran out), the 移交(接收)登记簿 and the destruction register, and confirming a handing-over batch of 1,000 volumes.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def main(sizes: list[int]) -> None:
    from archive_desk.db.engine import Database
    from archive_desk.services import demo, transfers
    from archive_desk.services import demo_transfers as dt
    from archive_desk.services.audit import Actor

    actor = Actor("bench", "bench")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"demo-{n}.sqlite"
            demo.EXTENSIONS.remove(dt._extension)  # noqa: SLF001
            try:
                t0 = time.perf_counter()
                demo.build_demo(path, n, seed=1)
                built = time.perf_counter() - t0
            finally:
                demo.EXTENSIONS.append(dt._extension)  # noqa: SLF001
            conn = sqlite3.connect(path, isolation_level=None)
            from archive_desk.db import fts

            fts.register_functions(conn)
            conn.execute("BEGIN")
            t0 = time.perf_counter()
            stats = dt.build(conn, random.Random(1), n, actor)
            conn.execute("COMMIT")
            ext = time.perf_counter() - t0
            conn.close()
            db = Database.open(path)
            with db.read() as s:
                t0 = time.perf_counter()
                due = transfers.due_volumes(s, date.today())
                t_due = time.perf_counter() - t0
                t0 = time.perf_counter()
                reg = transfers.transfer_register(s)
                t_reg = time.perf_counter() - t0
                t0 = time.perf_counter()
                dreg = transfers.destruction_register(s)
                t_dreg = time.perf_counter() - t0
                ids = transfers.filter_volume_ids(s, transfers.permanent_older_than(5), limit=1000)
            with db.write() as s:
                batch = transfers.create_batch(s, actor, "out", to_unit="临川市档案馆")
                transfers.add_volumes(s, actor, batch.id, ids)
            t0 = time.perf_counter()
            with db.write() as s:
                result = transfers.confirm_batch(s, actor, batch.id)
            t_out = time.perf_counter() - t0
            db.dispose()
            print(f"{n:>9,} volumes (demo {built:.0f} s): transfers extension {ext:.1f} s "
                  f"({stats['batches_in']:,} batches, {stats['lines_in']:,} lines, {stats['handed_over']:,} handed over, "
                  f"{stats['destroyed']:,} destroyed) | due_volumes {t_due:.2f} s ({len(due):,} due) | "
                  f"register {t_reg:.2f} s ({len(reg):,} batches) | destruction register {t_dreg:.2f} s ({len(dreg):,}) | "
                  f"hand over {result.transferred:,} volumes {t_out:.1f} s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000])
