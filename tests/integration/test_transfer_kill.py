"""Killing the process while a receiving batch is being confirmed leaves the whole batch or none of it.

A real child process confirms a batch of a few hundred volumes (one ``db.write()`` transaction) and reports its
progress on stdout; the test kills it with SIGKILL at a chosen moment — while the lines are being checked,
right after the volumes were inserted, or the moment it reports that everything is written and the commit
starts — then opens the file again: the catalogue holds all the batch's volumes (and the batch is confirmed) or
none of them (and the batch is still a draft), ``PRAGMA integrity_check`` says ok and the audit chain verifies.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.models import TransferLine
from archive_desk.services import audit, catalogue, transfers
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

CHILD = r"""
import sys
from archive_desk.db.engine import Database
from archive_desk.services import transfers
from archive_desk.services.audit import Actor

db = Database.open(sys.argv[1])
batch_id = int(sys.argv[2])

def progress(done, total):
    phase = "check" if done < total // 2 else ("commit" if done >= total else "write")
    print(f"{phase} {done} {total}", flush=True)

print("start", flush=True)
with db.write() as s:
    transfers.confirm_batch(s, Actor("child", "ws-child"), batch_id, accept_missing=True, progress=progress)
print("done", flush=True)
"""


def _make_batch(path: Path, n: int) -> int:
    db = open_catalogue(path)
    actor = Actor("clerk", "ws")
    try:
        with db.write() as s:
            catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司")
            batch = transfers.create_batch(s, actor, "in", from_unit="理赔部")
            s.add_all(
                TransferLine(batch_id=batch.id, seq=i, code=f"Z109-LP·2019-D30-{i:04d}", title=f"第{i}号机动车辆保险理赔案卷",
                             year=2019, retention="D30", item_count=5, pages=20 + i % 30, expected=True, found=i % 50 != 0,
                             found_pages=None, data={"fonds_code": "Z109", "category_code": "LP", "insured": f"被保险人{i}"}, notes="")
                for i in range(1, n + 1)
            )
        return batch.id
    finally:
        db.dispose()


def _kill_at(path: Path, batch_id: int, phase: str, delay: float = 0.0) -> str:
    """Run the child, SIGKILL it ``delay`` seconds after it reports ``phase``; returns what it printed last."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(batch_id)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    last = ""
    deadline = time.monotonic() + 240
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            last = line.strip()
            if last.startswith(phase):
                if delay:
                    time.sleep(delay)
                proc.kill()  # SIGKILL / TerminateProcess
                break
            if time.monotonic() > deadline:  # pragma: no cover - a hung child
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()
        if proc.stdout is not None:
            proc.stdout.close()
    return last


def _check_all_or_nothing(path: Path, batch_id: int, n: int) -> str:
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        volumes = raw.execute("SELECT count(*) FROM volumes").fetchone()[0]
        status = raw.execute("SELECT status FROM transfer_batches WHERE id = ?", (batch_id,)).fetchone()[0]
        linked = raw.execute("SELECT count(*) FROM transfer_lines WHERE volume_id IS NOT NULL").fetchone()[0]
    finally:
        raw.close()
    arrived = n - n // 50
    assert (volumes, status, linked) in ((0, "draft", 0), (arrived, "confirmed", arrived)), (volumes, status, linked)
    db = Database.open(path)
    try:
        with db.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        db.dispose()
    return status


def test_killing_the_confirmation_in_the_commit_leaves_all_or_nothing(tmp_path: Path) -> None:
    n = 300
    path = tmp_path / "kill.sqlite"
    batch_id = _make_batch(path, n)
    last = _kill_at(path, batch_id, "commit")
    assert last.startswith("commit"), last
    _check_all_or_nothing(path, batch_id, n)


@pytest.mark.slow
@pytest.mark.parametrize(("phase", "delay"), [("check", 0), ("write", 0), ("commit", 0), ("commit", 0.05), ("commit", 0.2),
                                              ("commit", 0.5)])
def test_killing_the_confirmation_at_any_moment_leaves_all_or_nothing(tmp_path: Path, phase: str, delay: float) -> None:
    n = 1200
    base = tmp_path / "base.sqlite"
    batch_id = _make_batch(base, n)
    path = tmp_path / "kill.sqlite"
    shutil.copy(base, path)
    last = _kill_at(path, batch_id, phase, delay)
    assert last.startswith(phase), last
    print(f"killed at {last!r}: the batch is {_check_all_or_nothing(path, batch_id, n)}")
    # and when nobody kills it, the batch goes through whole
    if phase == "check":
        shutil.copy(base, path)
        _kill_at(path, batch_id, "never")
        assert _check_all_or_nothing(path, batch_id, n) == "confirmed"
