"""The frozen app's start on the 100,000-volume demo: from launching ``ArchiveDesk`` to the catalogue table painted
with rows (target: 2 s). The demo is built with the frozen folder's own CLI (``archive-desk demo``); each start is
a fresh process, offscreen, with settings of its own; prints figures, asserts nothing.

    python benchmarks/frozen_start.py [--app build/installer/dist/ArchiveDesk] [--volumes 100000] [--repeat 5]

Two figures a start: ``wall`` from the launch to the process printing ``first paint`` (what a user waits for,
bootloader and imports included) and ``app``, the process's own time since the package was imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", type=Path, default=ROOT / "build" / "installer" / "dist" / "ArchiveDesk")
    parser.add_argument("--volumes", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse this demo (built if missing)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="frozen-start-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "ARCHIVE_DESK_DATA_DIR": str(scratch / "data"), "ARCHIVE_DESK_CONFIG_DIR": str(scratch / "config"),
           "XDG_CONFIG_HOME": str(scratch / "xdg")}
    db = args.db or Path(tempfile.gettempdir()) / f"frozen-start-demo-{args.volumes}.sqlite"
    if not db.exists():
        t0 = time.perf_counter()
        subprocess.run([str(args.app / "archive-desk"), "demo", "--out", str(db), "--volumes", str(args.volumes)],
                       env=env, check=True, stderr=subprocess.DEVNULL)
        print(f"demo of {args.volumes} volumes built by the frozen CLI in {time.perf_counter() - t0:.1f} s")
    else:  # a demo from another run has the room key of that run's config folder: saving is refused, showing is not
        print(f"reusing {db}")
    walls: list[float] = []
    apps: list[float] = []
    for run in range(args.repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(args.app / "ArchiveDesk"), "--quit-after-first-paint", "--db", str(db)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        line = ""
        for line in proc.stdout:
            if line.startswith("first paint"):
                break
        wall = time.perf_counter() - t0
        proc.wait(timeout=120)
        if not line.startswith("first paint"):
            raise SystemExit(f"run {run + 1}: the app exited ({proc.returncode}) without painting the table")
        app = float(line.split()[2])
        walls.append(wall)
        apps.append(app)
        print(f"start {run + 1}: wall {wall:.2f} s, app {app:.2f} s{' (first: cold cache)' if run == 0 else ''}")
    warm = walls[1:] or walls
    print(f"first paint on {args.volumes} volumes: first start {walls[0]:.2f} s, median of the others {statistics.median(warm):.2f} s"
          f" (app's own: {statistics.median(apps[1:] or apps):.2f} s); target 2 s")


if __name__ == "__main__":
    main()
