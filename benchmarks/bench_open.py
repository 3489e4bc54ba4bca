"""Opening a catalogue: the cost of the checks made at open (header and schema, ``PRAGMA quick_check``), each
in a fresh process so the page cache is the only thing shared; prints figures, asserts nothing.

    python benchmarks/bench_open.py --db /tmp/bench100k.sqlite [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
from pathlib import Path
path, what = Path(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
from archive_desk.db import migrate
t1 = time.perf_counter()
if what == "quick_check":
    problems = migrate.quick_check(path)
    assert not problems, problems
else:
    db = migrate.open_catalogue(path, check=(what == "open+quick_check"))
    db.dispose()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "work_s": t2 - t1}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = args.db.stat().st_size
    print(f"{args.db}: {size / 1e6:.0f} MB")
    for what in ("open", "open+quick_check", "quick_check"):
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.db), what], capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout)["work_s"])
        print(f"{what:18} best {min(runs):.3f} s, worst {max(runs):.3f} s over {args.repeat} runs")


if __name__ == "__main__":
    main()
