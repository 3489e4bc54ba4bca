"""Quitting while work is still running in the background ends the process cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import workstation_config

from archive_desk.services.demo import build_demo

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from archive_desk import app as A
from archive_desk.ui.workers import Runner
start, done = A.start, []
def start_and_quit(db_path, **kw):
    app, win = start(db_path, **kw)
    Runner(win).start(lambda: time.sleep(1.0) or done.append(1))  # e.g. a search or an export
    QTimer.singleShot(100, app.quit)  # the clerk closes the window meanwhile
    return app, win
A.start = start_and_quit
code = A.run_gui(Path(sys.argv[1]))
print("background jobs finished:", len(done), flush=True)
sys.exit(code)
"""


def test_closing_the_window_during_background_work_exits_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    build_demo(db, 60, seed=3)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ARCHIVE_DESK_DATA_DIR": str(tmp_path / "data"),
           "ARCHIVE_DESK_CONFIG_DIR": str(workstation_config(tmp_path / "config"))}  # this workstation's room key
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True, text=True, env=env, timeout=120, check=False)
    # before: the worker thread outlived the application and the process aborted (exit code 134)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "background jobs finished: 1" in out.stdout
