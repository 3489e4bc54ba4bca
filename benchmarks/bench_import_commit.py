"""Benchmark a whole import into a catalogue: plan + one-transaction commit, against the floor of the
catalogue's own writes: python-calamine reading the file plus the same rows executemany'd into the
volumes table as its schema stands (its indexes and the search-index trigger). Prints the ratio (target
<= 1.3x) and the peak RSS (target <= 400 MB at 100,000 rows), and the bare floor for scale.

    python benchmarks/bench_import_commit.py [--rows 100000]

Uses bench_import.generate for the register. Each side runs in a fresh process (peak RSS is its own)
on a fresh catalogue.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import generate  # noqa: E402

OURS = r"""
import json, resource, sys, time
from archive_desk.services.setup import open_catalogue
from archive_desk.services import importer
from archive_desk.services.audit import Actor
db = open_catalogue(sys.argv[1])
t0 = time.perf_counter(); c0 = time.process_time()
plan = importer.plan(db, sys.argv[2])
t1 = time.perf_counter()
result = importer.commit(db, Actor("bench", "ws"), plan, create_missing_fonds=True)
t2 = time.perf_counter(); c2 = time.process_time()
print(json.dumps({"plan": t1 - t0, "commit": t2 - t1, "total": t2 - t0, "cpu": c2 - c0, "created": result.created,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FLOOR = r"""
import json, resource, sqlite3, sys, time
from python_calamine import CalamineWorkbook
from archive_desk.services.setup import open_catalogue
open_catalogue(sys.argv[1]).dispose()
t0 = time.perf_counter(); c0 = time.process_time()
rows = CalamineWorkbook.from_path(sys.argv[2]).get_sheet_by_index(0).to_python()
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA synchronous=FULL")
conn.execute("CREATE TABLE floor_rows (a, b, c, d, e, f, g, h, i, j, k, l, m, n)")
conn.execute("BEGIN")
conn.executemany("INSERT INTO floor_rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 [tuple((list(r) + [None] * 14)[:14]) for r in rows])
conn.execute("COMMIT")
t1 = time.perf_counter(); c1 = time.process_time()
print(json.dumps({"total": t1 - t0, "cpu": c1 - c0, "rows": len(rows), "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# The floor issue #9 judges the import by: the same rows executemany'd into the catalogue's own volumes table
# as its schema stands, so the database does what it does for any insert there (unique 档号 and barcode, seven
# indexes, and the search-index trigger tokenising and indexing row by row). Values are taken from the cells as
# they are: no normalising, no checks, no audit.
FLOOR_CATALOGUE = r"""
import json, resource, sqlite3, sys, time
from python_calamine import CalamineWorkbook
from archive_desk.db import fts
from archive_desk.services.setup import open_catalogue
open_catalogue(sys.argv[1]).dispose()
t0 = time.perf_counter(); c0 = time.process_time()
rows = CalamineWorkbook.from_path(sys.argv[2]).get_sheet_by_index(0).to_python()
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
fts.register_functions(conn)
conn.execute("PRAGMA synchronous=FULL")
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO fonds (code, name, notes, created_at) VALUES ('Q001', 'Q001', '', '2026-01-01 00:00:00.000000')")
fonds = conn.execute("SELECT id FROM fonds WHERE code = 'Q001'").fetchone()[0]
category = conn.execute("SELECT id FROM categories WHERE code = 'LP'").fetchone()[0]
now = "2026-01-01 00:00:00.000000"
params = []
for r in rows[3:]:
    if not r or not isinstance(r[1], str) or "-" not in r[1]:
        continue
    code = r[1].replace(".", "·")
    params.append((code, code.replace("·", "."), fonds, category, int(float(str(r[2]).rstrip("年"))), "D30", r[4] or "",
                   str(r[12] or ""), json.dumps({"claim_no": r[5], "policy_no": r[6], "insured": r[7]}, ensure_ascii=False), now, now))
conn.executemany("INSERT OR IGNORE INTO volumes (code, barcode, fonds_id, category_id, year, retention, title, notes, custom,"
                 " security, org_code, sequence, responsible, pages, item_count, status, created_at, created_by, updated_at,"
                 " updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '公开', '', 0, '', 0, 0, 'in_stock', ?, 'bench', ?, 'bench', 1)",
                 params)
conn.execute("COMMIT")
t1 = time.perf_counter(); c1 = time.process_time()
n = conn.execute("SELECT count(*) FROM volumes").fetchone()[0]
print(json.dumps({"total": t1 - t0, "cpu": c1 - c0, "rows": n, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


#: issue #9: the whole import within 1.3x the catalogue's own writes, and at most 400 MB at 100,000 rows
TARGET_RATIO = 1.3
TARGET_RSS_MB = 400


def run(code: str, db: Path, register: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, str(db), str(register)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        register = Path(tmp) / "register.xlsx"
        generate(register, args.rows)
        floor = run(FLOOR, Path(tmp) / "floor.sqlite", register)
        floor_cat = run(FLOOR_CATALOGUE, Path(tmp) / "floor_cat.sqlite", register)
        ours = run(OURS, Path(tmp) / "ours.sqlite", register)
    ratio = ours["total"] / floor_cat["total"]
    print(f"floor, the catalogue's own writes (calamine + the same rows executemany'd into the volumes table with its "
          f"indexes and search-index trigger; no checks, no audit): {floor_cat['total']:.1f} s wall, {floor_cat['cpu']:.1f} s CPU, "
          f"peak RSS {floor_cat['rss']:.0f} MB, {floor_cat['rows']:,} rows")
    print(f"import: plan {ours['plan']:.1f} s + commit {ours['commit']:.1f} s = {ours['total']:.1f} s wall, "
          f"{ours['cpu']:.1f} s CPU, peak RSS {ours['rss']:.0f} MB, {ours['created']:,} volumes created")
    print(f"ratio to that floor: {ratio:.2f}x wall, {ours['cpu'] / floor_cat['cpu']:.2f}x CPU "
          f"(target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'}); "
          f"peak RSS {ours['rss']:.0f} MB (target <= {TARGET_RSS_MB} MB: {'met' if ours['rss'] <= TARGET_RSS_MB else 'NOT met'})")
    print(f"for scale, the bare floor (calamine + executemany into a table without indexes): {floor['total']:.1f} s wall, "
          f"{floor['cpu']:.1f} s CPU, peak RSS {floor['rss']:.0f} MB; import / that = {ours['total'] / floor['total']:.2f}x wall")

if __name__ == "__main__":
    main()
