"""Two workstations lend the same volume at the same moment: two real processes on one catalogue file.
Exactly one loan results; the other workstation gets a plain message naming the volume."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from archive_desk.db.engine import Database
from archive_desk.services import loans
from archive_desk.services.audit import Actor

WORKSTATION = r"""
import json, sys, time
from datetime import date
from pathlib import Path
from archive_desk.services.setup import open_catalogue
from archive_desk.errors import UserError
from archive_desk.i18n import set_language
from archive_desk.services import loans
from archive_desk.services.audit import Actor

set_language("zh_CN")
db_path, go_file, borrower_id, due = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), date.fromisoformat(sys.argv[4])
volume_ids = [int(x) for x in sys.argv[5].split(",")]
db = open_catalogue(db_path)
actor = Actor(user=sys.argv[6], workstation=sys.argv[6])
with db.read() as s:  # warm up: connections, imports, caches
    loans.loan_settings(s)
print("READY", flush=True)
while not go_file.exists():
    time.sleep(0.001)
try:
    with db.write() as s:
        rec = loans.lend(s, actor, borrower_id, volume_ids, "工作查考", "查阅", due)
    print(json.dumps({"ok": rec.slip_no}, ensure_ascii=False), flush=True)
except UserError as exc:
    print(json.dumps({"refused": str(exc), "type": type(exc).__name__}, ensure_ascii=False), flush=True)
db.dispose()
"""


def test_two_workstations_lend_the_same_volume_at_once(db: Database, db_target: str, actor: Actor, make_volume, tmp_path: Path) -> None:  # noqa: ANN001
    shared = make_volume()
    own = [make_volume(), make_volume()]
    with db.write() as s:
        a = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部"})
        b = loans.create_borrower(s, actor, {"name": "王芳", "unit": "财务部"})
    db.dispose()
    go = tmp_path / "go"
    due = (date.today() + timedelta(days=7)).isoformat()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKSTATION, db_target, str(go), str(who.id), due, f"{shared.id},{mine.id}", ws],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for who, mine, ws in ((a, own[0], "ws-1"), (b, own[1], "ws-2"))
    ]
    try:
        for p in procs:  # both ready before either starts
            assert p.stdout is not None
            line = p.stdout.readline()
            assert line.strip() == "READY", p.stderr.read() if p.stderr else line
        go.touch()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    ok = [r for r in results if "ok" in r]
    refused = [r for r in results if "refused" in r]
    assert len(ok) == 1 and len(refused) == 1, results
    message = refused[0]["refused"]
    assert shared.code in message and ok[0]["ok"] in message  # names the volume and the slip that got it
    assert refused[0]["type"] in ("NotLendableError", "LoanConflictError")

    db2 = Database.open(db_target)
    try:
        with db2.read() as s:
            history = loans.volume_loan_history(s, shared.id)
            assert [h.slip_no for h in history] == [ok[0]["ok"]]  # one loan of the shared volume
            slips = loans.open_loans(s)
            assert len(slips) == 1  # the refused workstation lent nothing, not even its own volume
            winner_own = {own[0].id, own[1].id} & {ln.volume_id for ln in slips[0].lines}
            assert len(winner_own) == 1
            loser_own = ({own[0].id, own[1].id} - winner_own).pop()
            assert loans.check_volume(s, loser_own).status == "in_stock"
    finally:
        db2.dispose()
