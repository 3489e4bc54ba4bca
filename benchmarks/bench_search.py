"""Search latency on a large demo catalogue: the app's search service against the same SQL run bare.

    python benchmarks/bench_search.py --db /tmp/bench1m.sqlite [--repeat 25] [--limit 50] [--pg URL]

Builds the demo catalogue first if --db does not exist (``--volumes``, default 1,000,000; ~3+ min).
For each query class it prints the median and 95th percentile of the first page of results (``--limit``
hits) through ``services.search`` (a read session per search, as the workspace's worker does), and of
the very SQL statements that search sent (captured once, replayed on a bare sqlite3 connection), so the
difference is the app's own overhead (SQLAlchemy, parsing, ranking, merging). Also the index size.
Figures only: nothing is asserted.

With ``--pg URL`` (or ``ARCHIVE_DESK_TEST_PG_URL``) the same queries also run on the room's server: the database
named by the URL is used as it is when it holds volumes (a ``server copy`` of the same file), otherwise it is
created, set up (``server init``) and filled by ``server copy`` of ``--db`` first. A second table then prints each
query class on PostgreSQL beside SQLite (the same first page through ``services.search``), with the issue's
budget: median ≤ 50 ms and p95 ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import event, select

from archive_desk.db import fts
from archive_desk.db.engine import Database
from archive_desk.models import Volume
from archive_desk.services import search

QUERIES = [
    ("1-char Chinese", "火"),
    ("2-char Chinese", "病历"),
    ("4-char Chinese", "追尾事故"),
    ("4-char, very common", "理赔案卷"),
    ("档号 fragment", "2019-D30"),
    ("档号 number", "0123"),
    ("pinyin initials", "lpaj"),
    ("item-title term", "查勘报告"),
    ("two words", "张伟 火灾"),
]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench1m.sqlite"))
    ap.add_argument("--volumes", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=25)
    ap.add_argument("--limit", type=int, default=50)
    ap.add_argument("--pg", default=os.environ.get("ARCHIVE_DESK_TEST_PG_URL", ""),
                    help="also on this PostgreSQL catalogue (filled by server copy of --db when it has no volumes)")
    args = ap.parse_args()
    if not args.db.exists():
        from archive_desk.services.demo import build_demo

        print(f"building {args.volumes} volumes at {args.db} …", file=sys.stderr)
        build_demo(args.db, args.volumes)
    db = Database.open(args.db)  # no migration: the benchmark reads the file as it is
    raw = sqlite3.connect(args.db)
    fts.register_functions(raw)
    with db.read() as s:
        n = s.scalar(select(Volume.id).order_by(Volume.id.desc()).limit(1)) or 0
        barcode = s.scalar(select(Volume.barcode).where(Volume.id == n * 2 // 3))
    queries = [*QUERIES, ("exact barcode", barcode)]
    search.warm_up()

    # the search runs its hot statements on the DBAPI connection itself: capture them as SQLite runs them
    # (expanded, with their values) through a trace callback on every connection of the engine
    captured: list[tuple[str, object]] = []
    tracing = [False]

    def trace(statement: str) -> None:
        if tracing[0] and statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, ()))

    @event.listens_for(db.engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.set_trace_callback(trace)

    db.engine.dispose()

    print(f"catalogue: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB), volumes: {n:,}, "
          f"items: {raw.execute('SELECT max(id) FROM items').fetchone()[0]:,}")
    size = fts.index_size_bytes(raw)
    print(f"search index on disk: {size / 1e6:.1f} MB" if size is not None else "search index size: dbstat not available")
    for name in (fts.VOLUME_FTS, fts.ITEM_FTS):
        part = raw.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", (name + "%",)).fetchone()[0] or 0
        print(f"  {name}: {part / 1e6:.1f} MB")
    print(f"first page = {args.limit} hits; {args.repeat} runs each after one warm-up run; times in ms\n")
    print("wall-clock medians and p95; 'cpu ovh' = median CPU time of the app minus that of the bare SQL (this process")
    print("only, so it does not count time lost to other processes on a shared machine)\n")
    header = (f"{'query class':22} {'query':22} {'hits':>5} {'app med':>8} {'app p95':>8} {'SQL med':>8} {'SQL p95':>8}"
              f" {'overhead':>8} {'cpu ovh':>8}")
    print(header)
    print("-" * len(header))
    sqlite_times: dict[str, tuple[int, list[float]]] = {}
    for label, query in queries:
        captured.clear()
        tracing[0] = True
        with db.read() as s:
            hits = search.search(s, query, args.limit)  # warm-up, and the statements to replay
        tracing[0] = False
        statements = list(captured)
        app: list[float] = []
        app_cpu: list[float] = []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            with db.read() as s:
                search.search(s, query, args.limit)
            app.append((time.perf_counter() - t0) * 1000)
            app_cpu.append((time.process_time() - c0) * 1000)
        bare: list[float] = []
        bare_cpu: list[float] = []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            for sql, params in statements:
                raw.execute(sql, params).fetchall()  # type: ignore[arg-type]
            bare.append((time.perf_counter() - t0) * 1000)
            bare_cpu.append((time.process_time() - c0) * 1000)
        sqlite_times[label] = (len(hits), app)
        am, sm = statistics.median(app), statistics.median(bare)
        cpu = statistics.median(app_cpu) - statistics.median(bare_cpu)
        print(f"{label:22} {query[:22]:22} {len(hits):5} {am:8.2f} {pct(app, 95):8.2f} {sm:8.2f} {pct(bare, 95):8.2f}"
              f" {am - sm:8.2f} {cpu:8.2f}")
    raw.close()
    db.dispose()
    if args.pg:
        on_postgresql(args, queries, sqlite_times)
    return 0


def _server_catalogue(url: str, source: Path) -> str:
    """``url`` holding the demo: as it is when it has volumes, else created, set up and filled by ``server copy``."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from archive_desk.db.engine import make_engine
    from archive_desk.db.target import server_url
    from archive_desk.services import server

    url = server_url(url)
    target = make_url(url)
    admin = make_engine(target.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    finally:
        admin.dispose()
    probe = make_engine(url)
    try:
        with probe.connect() as conn:
            has = conn.execute(text("SELECT to_regclass('volumes') IS NOT NULL")).scalar() and \
                conn.execute(text("SELECT EXISTS (SELECT 1 FROM volumes)")).scalar()
    finally:
        probe.dispose()
    if not has:
        t0 = time.perf_counter()
        server.init(url)
        report = server.copy(source, url)
        print(f"\nserver copy {source} → {target.render_as_string(hide_password=True)}: "
              f"{time.perf_counter() - t0:.0f} s, verified {'OK' if report.ok else report.problems}")
    engine = make_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))  # fresh statistics, as autovacuum would give a server in use
    finally:
        engine.dispose()
    return url


def on_postgresql(args: argparse.Namespace, queries: list[tuple[str, str]],
                  sqlite_times: dict[str, tuple[int, list[float]]]) -> None:
    import archive_desk.services  # noqa: F401 - the server's write hooks

    url = _server_catalogue(args.pg, args.db)
    db = Database.open(url)
    with db.read() as s:
        n = s.scalar(select(Volume.id).order_by(Volume.id.desc()).limit(1)) or 0
    print(f"\nPostgreSQL: {db.location}, volumes: {n:,}; the same first page through services.search, "
          f"{args.repeat} runs each after one warm-up run; times in ms")
    print("budget: median ≤ 50 ms, p95 ≤ 150 ms\n")
    header = (f"{'query class':22} {'query':22} {'hits':>9} {'SQLite med':>10} {'SQLite p95':>10} {'PG med':>8}"
              f" {'PG p95':>8}  budget")
    print(header)
    print("-" * len(header))
    for label, query in queries:
        with db.read() as s:
            hits = search.search(s, query, args.limit)
        times: list[float] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            with db.read() as s:
                search.search(s, query, args.limit)
            times.append((time.perf_counter() - t0) * 1000)
        lite_hits, lite = sqlite_times[label]
        med, p95 = statistics.median(times), pct(times, 95)
        ok = "ok" if med <= 50 and p95 <= 150 else "OVER"
        print(f"{label:22} {query[:22]:22} {lite_hits:4}/{len(hits):<4} {statistics.median(lite):10.2f}"
              f" {pct(lite, 95):10.2f} {med:8.2f} {p95:8.2f}  {ok}")
    db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
