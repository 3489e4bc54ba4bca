"""Build demo catalogues and print time, peak memory and file size.

    python benchmarks/bench_demo.py 100000 1000000

Each size is built in a fresh subprocess so peak memory (max RSS) is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from archive_desk.services.demo import build_demo
start = time.perf_counter()
report = build_demo(sys.argv[1], int(sys.argv[2]), seed=1)
elapsed = time.perf_counter() - start
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"volumes": report.volumes, "items": report.items, "layers": report.layers,
                  "seconds": round(elapsed, 1), "peak_rss_mb": round(rss_mb), "size_mb": round(report.size_bytes / 1e6, 1)}))
"""


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            out = Path(tmp) / f"demo-{n}.sqlite"
            result = subprocess.run([sys.executable, "-c", CHILD, str(out), str(n)], capture_output=True, text=True, check=True)
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            print(f"{n:>9,} volumes: {figures['items']:>10,} items, {figures['layers']:,} layers | "
                  f"{figures['seconds']:>6.1f} s | peak RSS {figures['peak_rss_mb']:>5} MB | file {figures['size_mb']:>7.1f} MB")
            out.unlink()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000])
