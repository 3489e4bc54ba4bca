"""``server copy`` of the demo catalogue to PostgreSQL and back: time and peak memory of each direction.

    python benchmarks/bench_server_copy.py [--source /tmp/bench-copy.sqlite] [--volumes 1000000] [--pg URL]

Builds the demo catalogue at ``--source`` first if it does not exist (``--volumes``). Each direction runs in a
child process (``services.server.copy``, as ``archive-desk server copy`` runs it, verification included: per-table
counts and digests, the audit chain on the target) that prints its own peak resident memory (VmHWM from
/proc/self/status) when done; the budget is 500 MB. The server side is a fresh database made by ``server init``
(dropped afterwards), the file side a new file in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

CHILD = r"""
import json, sys, time
from archive_desk.services import server
t0 = time.perf_counter()
report = server.copy(sys.argv[1], sys.argv[2])
seconds = time.perf_counter() - t0
hwm = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        hwm = int(line.split()[1])
print(json.dumps({"seconds": seconds, "vmhwm_kb": hwm, "ok": report.ok, "problems": list(report.problems)[:5],
                  "rows": sum(report.counts.values()), "volumes": report.counts.get("volumes", 0)}))
"""

BUDGET_MB = 500


def child(source: str, target: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, source, target], capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def show(label: str, r: dict) -> None:
    mb = r["vmhwm_kb"] / 1024
    print(f"  {label:28} {r['seconds']:8.1f} s   peak {mb:6.0f} MB ({'within' if mb <= BUDGET_MB else 'OVER'} "
          f"{BUDGET_MB} MB)   {r['volumes']:,} volumes, {r['rows']:,} rows   verified: {'OK' if r['ok'] else r['problems']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=Path(tempfile.gettempdir()) / "bench-copy.sqlite")
    ap.add_argument("--volumes", type=int, default=1_000_000)
    ap.add_argument("--pg", default=os.environ.get("ARCHIVE_DESK_TEST_PG_URL", ""))
    args = ap.parse_args()
    if not args.pg:
        raise SystemExit("give --pg URL (or set ARCHIVE_DESK_TEST_PG_URL): a server whose user may create databases")
    if not args.source.exists():
        from archive_desk.services.demo import build_demo

        print(f"building {args.volumes:,} volumes at {args.source} …", file=sys.stderr)
        t0 = time.perf_counter()
        build_demo(args.source, args.volumes)
        print(f"  built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from archive_desk.db.engine import make_engine
    from archive_desk.db.target import server_url
    from archive_desk.services import server

    base = make_url(server_url(args.pg))
    admin = make_engine(base.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    name = "bench_copy_" + uuid.uuid4().hex[:8]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    print(f"server copy of {args.source} ({args.source.stat().st_size / 1e6:.0f} MB) to PostgreSQL "
          f"{base.host}:{base.port} and back")
    try:
        t0 = time.perf_counter()
        server.init(url)
        print(f"  {'server init':28} {time.perf_counter() - t0:8.1f} s")
        show("file → server", child(str(args.source), url))
        with tempfile.TemporaryDirectory() as tmp:
            show("server → file", child(url, str(Path(tmp) / "back.sqlite")))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
