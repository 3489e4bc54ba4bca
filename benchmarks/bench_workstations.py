"""Several workstations at once: N processes × M mixed operations (lend, return, edit, shelve) on one catalogue.

    python benchmarks/bench_workstations.py [--desks 4] [--ops 250] [--pg URL] [--volumes 2000]

Seeds its own catalogue (a SQLite file on this PC, and a fresh database on the server given by ``--pg`` or
``ARCHIVE_DESK_TEST_PG_URL``), then starts the desks together. Each desk works on a random mix over a shared pool of
volumes (so desks do meet: the same volume lent, edited or shelved by two desks at once). Prints per engine: wall
time, operations per second, how many were refused with a plain message (conflicts and refusals such as "already
lent"), errors (bugs: must be 0), and the check afterwards: every successful operation is in the trail (0 lost),
loans and statuses agree, the trail's chain verifies.
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
from datetime import date, timedelta
from pathlib import Path

DESK = r"""
import json, random, sys, time
from datetime import date
from pathlib import Path
from archive_desk.errors import UserError
from archive_desk.services import catalogue, loans, locations
from archive_desk.services.audit import Actor
from archive_desk.services.loans.returns import LineReturn
from archive_desk.services.setup import open_catalogue

target, go, desk, ops = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
pool, borrowers, layers, due = json.loads(sys.argv[5]), json.loads(sys.argv[6]), json.loads(sys.argv[7]), date.fromisoformat(sys.argv[8])
rng = random.Random(desk)
db = open_catalogue(target)
actor = Actor(user=f"clerk{desk}", workstation=f"ws-{desk}")
with db.read() as s:
    catalogue.get_volume(s, pool[0])
print("READY", flush=True)
while not go.exists():
    time.sleep(0.001)
done = {"lend": 0, "return": 0, "edit": 0, "shelve": 0}
refused, errors, expected_audit = 0, [], 0
t0 = time.perf_counter()
for i in range(ops):
    kind = rng.choice(("lend", "return", "edit", "shelve"))
    vid = rng.choice(pool)
    try:
        with db.write() as s:
            if kind == "lend":
                loans.lend(s, actor, rng.choice(borrowers), [vid], "工作查考", "查阅", due)
            elif kind == "return":
                loans.return_volumes(s, actor, [LineReturn(vid)])
            elif kind == "edit":
                v = catalogue.get_volume(s, vid)
                catalogue.update_volume(s, actor, vid, v.version, {"notes": f"desk {desk} op {i}"})
            else:
                layer = rng.choice(layers)
                if catalogue.get_volume(s, vid).layer_id == layer:
                    kind = "shelve_noop"  # "already stands there": nothing to save, nothing in the trail
                locations.place_volume(s, actor, vid, layer)
        done[kind] = done.get(kind, 0) + 1
    except UserError:
        refused += 1
    except Exception as exc:
        errors.append(f"{kind}: {type(exc).__name__}: {str(exc)[:200]}")
print(json.dumps({"done": done, "refused": refused, "errors": errors, "seconds": time.perf_counter() - t0}), flush=True)
db.dispose()
"""


def seed(target: str, volumes: int) -> dict[str, list[int]]:
    from archive_desk.services import catalogue, loans, locations
    from archive_desk.services.audit import Actor
    from archive_desk.services.setup import open_catalogue

    actor = Actor("clerk0", "ws-0")
    db = open_catalogue(target)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司")
            lp = catalogue.get_category(s, code="LP")
            pool = [catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2018,
                                                       "retention": "D30", "pages": 10, "title": f"理赔案卷 {i}"}).id
                    for i in range(volumes)]
            borrowers = [loans.create_borrower(s, actor, {"name": f"借阅人{i}", "unit": "理赔部"}).id for i in range(8)]
            room = locations.create_room(s, actor, 1)
            locations.create_rack(s, actor, room.id, 1, columns=2, sections=2, layers=5)
            layers = [la.id for la in locations.list_layers(s, locations.list_racks(s, room.id)[0].id)]
    finally:
        db.dispose()
    return {"pool": pool, "borrowers": borrowers, "layers": layers}


def check(target: str, results: list[dict]) -> dict[str, object]:
    from sqlalchemy import func, select

    from archive_desk.models import AuditEntry, LoanLine, Volume
    from archive_desk.services import audit
    from archive_desk.services.setup import open_catalogue

    db = open_catalogue(target)
    try:
        with db.read() as s:
            chain = audit.verify_chain(s)

            def count(action: str) -> int:
                return s.scalar(select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.action == action, AuditEntry.user != "clerk0")) or 0

            trail = {"lend": count("loan.lend"), "return": count("loan.return"), "edit": count("volume.update"),
                     "shelve": count("volume.shelve")}
            open_lines = s.scalar(select(func.count()).select_from(LoanLine).where(LoanLine.returned_at.is_(None)))
            on_loan = s.scalar(select(func.count()).select_from(Volume).where(Volume.status == "on_loan"))
    finally:
        db.dispose()
    done = {k: sum(r["done"].get(k, 0) for r in results) for k in trail}
    # one trail entry per saved operation (each loan here is of one volume, so a return closes it)
    lost = sum(max(0, done[k] - trail[k]) for k in done)
    return {"chain_ok": not chain, "done": done, "trail": trail, "lost": lost,
            "loans_agree": open_lines == on_loan, "open": open_lines}


def run(target: str, desks: int, ops: int, volumes: int) -> None:
    data = seed(target, volumes)
    due = (date.today() + timedelta(days=30)).isoformat()
    go = Path(tempfile.gettempdir()) / f"bench-go-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", DESK, target, str(go), str(d + 1), str(ops),
                               json.dumps(data["pool"]), json.dumps(data["borrowers"]), json.dumps(data["layers"]), due],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for d in range(desks)]
    for p in procs:
        line = p.stdout.readline()  # type: ignore[union-attr]
        if line.strip() != "READY":
            raise SystemExit(p.stderr.read())  # type: ignore[union-attr]
    t0 = time.perf_counter()
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=3600)
        if p.returncode != 0:
            raise SystemExit(err)
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - t0
    go.unlink(missing_ok=True)
    total = desks * ops
    refused = sum(r["refused"] for r in results)
    errors = [e for r in results for e in r["errors"]]
    c = check(target, results)
    ok = total - refused - len(errors)
    print(f"  {desks} desks × {ops} ops = {total}: {wall:.1f} s wall, {total / wall:.1f} ops/s "
          f"({ok} saved, {refused} refused with a message, {len(errors)} errors)")
    print(f"  saved by kind {c['done']}; in the trail {c['trail']}; lost {c['lost']}")
    print(f"  check: chain {'OK' if c['chain_ok'] else 'BROKEN'}, open loan lines = volumes on loan: "
          f"{'OK' if c['loans_agree'] else 'NO'} ({c['open']})")
    for e in errors[:5]:
        print("   error:", e)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--desks", type=int, default=4)
    ap.add_argument("--ops", type=int, default=250)
    ap.add_argument("--volumes", type=int, default=200, help="the shared pool the desks work on")
    ap.add_argument("--pg", default=os.environ.get("ARCHIVE_DESK_TEST_PG_URL", ""))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"SQLite file on this PC ({args.volumes} volumes in the pool)")
        run(str(Path(tmp) / "bench.sqlite"), args.desks, args.ops, args.volumes)
    if args.pg:
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        from archive_desk.db.engine import make_engine
        from archive_desk.db.target import server_url
        from archive_desk.services import server

        base = make_url(server_url(args.pg))
        admin = make_engine(base.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
        name = "bench_ws_" + uuid.uuid4().hex[:8]
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = base.set(database=name).render_as_string(hide_password=False)
        try:
            server.init(url)
            print(f"PostgreSQL {base.host}:{base.port} ({args.volumes} volumes in the pool)")
            run(url, args.desks, args.ops, args.volumes)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
