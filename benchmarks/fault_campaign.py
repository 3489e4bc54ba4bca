"""A fault campaign against the real app: kill -9 at random moments, I/O faults inside the process, a full
disk, and several writer processes at once. Prints a table; exits 1 if any run left a partial state, lost
committed data, or showed a raw error.

    python benchmarks/fault_campaign.py                  # the whole campaign (>= 200 kill runs)
    python benchmarks/fault_campaign.py --kills 5        # 5 kill runs per scenario
    python benchmarks/fault_campaign.py --ci             # the slice CI runs (>= 30 kill runs + the injected faults)

How a run is judged. Each scenario is one write the app does in one transaction (an import, a loan slip of
200 volumes, returning them, confirming a transfer batch, confirming an appraisal, finishing a stocktake, a
migration of a round-one catalogue). The campaign first runs it once untouched, and takes the catalogue's
observable *state* before and after: volumes by status, items, loans and their lines, batches, appraisals,
stocktakes by status, location moves, the audit trail's length and the schema revision. A killed or faulted run
must leave exactly the *before* or the *after* state, never anything between; ``PRAGMA integrity_check`` and
``foreign_key_check`` must pass and the audit chain must verify. An injected I/O fault must end the process with a
message a person can act on (the app's own error, exit status 2), not a traceback.

Faults come from Debian's libfiu (``fiu-run -x``), which fails ``pwrite``/``pread``/``fdatasync`` inside the real
process (SQLite's own calls). The full disk is a 3 MB tmpfs (needs root; skipped otherwise, and said so).
Processes are killed with ``Popen.kill()`` (SIGKILL on Linux, TerminateProcess on Windows).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------------------
# the observable state of a catalogue


STATE_SQL = {
    "volumes": "SELECT status, count(*) FROM volumes GROUP BY status ORDER BY status",
    "items": "SELECT count(*) FROM items",
    "loans": "SELECT status, count(*) FROM loans GROUP BY status ORDER BY status",
    "loan_lines": "SELECT count(*), count(returned_at) FROM loan_lines",
    "batches": "SELECT status, count(*) FROM transfer_batches GROUP BY status ORDER BY status",
    "appraisals": "SELECT status, count(*) FROM appraisals GROUP BY status ORDER BY status",
    "stocktakes": "SELECT status, count(*) FROM stocktakes GROUP BY status ORDER BY status",
    "moves": "SELECT count(*) FROM location_moves",
    # (a command's login is its own transaction, committed before its work: not part of the all-or-nothing write)
    "audit": "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'login%'",
    "settings": "SELECT key, value FROM catalogue_settings ORDER BY key",
    "revision": "SELECT version_num FROM alembic_version",
}


def state(path: Path) -> str:
    out: dict[str, object] = {}
    # opened for writing, as the app opens it: a read-only connection cannot roll back the hot journal a
    # process killed while switching the file to WAL leaves, and would see no tables at all
    with closing(sqlite3.connect(path)) as conn:
        for key, sql in STATE_SQL.items():
            try:
                out[key] = [list(r) for r in conn.execute(sql)]
            except sqlite3.OperationalError:
                out[key] = None
    return json.dumps(out, sort_keys=True)


def soundness(path: Path, work: Path | None = None) -> list[str]:
    """What is wrong with the file as a catalogue: integrity, foreign keys, the audit chain, and what the app's own
    ``check`` finds (seals, the chain head against this run's anchor) with the run's settings folder."""
    problems: list[str] = []
    with closing(sqlite3.connect(path)) as conn:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.append(f"integrity_check: {rows[:3]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")
    from archive_desk.db.engine import Database
    from archive_desk.db.migrate import script_head
    from archive_desk.services import audit

    with closing(sqlite3.connect(path)) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    if revision != script_head():  # a migration left undone: the models of this code do not read that schema
        return problems + _check_command(path, work)
    db = Database.open(path)
    try:
        with db.read() as session:
            bad = audit.verify_chain(session)
    except Exception as exc:  # noqa: BLE001 - any failure to read the trail is a finding
        problems.append(f"audit chain unreadable: {exc}")
    else:
        if bad:
            problems.append(f"audit chain: {bad[:3]}")
    finally:
        db.dispose()
    return problems + _check_command(path, work)


def _check_command(path: Path, work: Path | None) -> list[str]:
    if work is None:
        return []
    res = subprocess.run([PY, "-m", "archive_desk", "--db", str(path), "check"], capture_output=True, text=True,
                         env=_env(work), timeout=900, check=False)
    if res.returncode != 0:
        return [f"check exit {res.returncode}: {(res.stdout + res.stderr).strip()[-600:]}"]
    return []


# ---------------------------------------------------------------------------------------------------------
# scenarios: a prepared catalogue and the child command that does one write on it

PREP_HEADER = """
import sys, datetime
from pathlib import Path
from archive_desk.services.setup import open_catalogue
from archive_desk.services.audit import Actor
A = Actor("campaign", "ws-campaign")
"""


def _guarded(body: str) -> str:
    """A child's code: the scenario's body, where any error a person can act on ends the process with its
    message and exit status 2, as the app's command line does; anything else is a traceback (a raw error)."""
    indented = "\n".join("    " + line for line in body.strip("\n").splitlines())
    return (PREP_HEADER + "from archive_desk.errors import UserError\ntry:\n" + indented +
            "\nexcept UserError as exc:\n    print(exc, file=sys.stderr)\n    sys.exit(2)\nprint('done', flush=True)\n")


@dataclass
class Scenario:
    name: str
    #: Python code run once on a copy of the demo catalogue (argv[1]) to prepare it; may print JSON for the child
    prepare: str
    #: the child: argv after the interpreter; "{db}" and "{work}" are filled in
    child: list[str]
    base: str = "demo"  # "demo", "empty" (a new catalogue) or "round1" (round one's released schema)


LEND = PREP_HEADER + """
from sqlalchemy import select
from archive_desk.models import Volume
from archive_desk.services import loans
db = open_catalogue(sys.argv[1])
with db.write() as s:
    b = loans.create_borrower(s, A, {"name": "故障演练", "kind": "staff", "unit": "理赔部"})
db.dispose()
"""

LEND_CHILD = _guarded('''
from sqlalchemy import select
from archive_desk.models import Borrower, Volume
from archive_desk.services import loans
db = open_catalogue(sys.argv[1])
with db.read() as s:
    ids = list(s.scalars(select(Volume.id).where(Volume.status == "in_stock", Volume.security == "公开").order_by(Volume.id).limit(200)))
    bid = s.scalar(select(Borrower.id).where(Borrower.name == "故障演练"))
print("go", flush=True)
with db.write() as s:
    loans.lend(s, A, bid, ids, "工作查考", "查阅", datetime.date.today() + datetime.timedelta(days=7), approver="科长", opinion="同意", clerk="演练")
''')

RETURN_PREP = LEND + """
from archive_desk.models import Borrower
db = open_catalogue(sys.argv[1])
with db.write() as s:
    ids = list(s.scalars(select(Volume.id).where(Volume.status == "in_stock", Volume.security == "公开").order_by(Volume.id).limit(200)))
    bid = s.scalar(select(Borrower.id).where(Borrower.name == "故障演练"))
    loans.lend(s, A, bid, ids, "工作查考", "查阅", datetime.date.today() + datetime.timedelta(days=7), approver="科长", opinion="同意", clerk="演练")
db.dispose()
"""

RETURN_CHILD = _guarded('''
from sqlalchemy import select
from archive_desk.models import Borrower, Loan, LoanLine
from archive_desk.services import loans
db = open_catalogue(sys.argv[1])
with db.read() as s:
    ids = list(s.scalars(select(LoanLine.volume_id).join(Loan, Loan.id == LoanLine.loan_id).join(Borrower, Borrower.id == Loan.borrower_id)
                         .where(Borrower.name == "故障演练", LoanLine.returned_at.is_(None))))
print("go", flush=True)
with db.write() as s:
    loans.return_volumes(s, A, [loans.LineReturn(v) for v in ids], received_by="演练")
''')

BATCH_PREP = PREP_HEADER + """
from archive_desk.models import TransferLine
from archive_desk.services import transfers
db = open_catalogue(sys.argv[1])
with db.write() as s:
    batch = transfers.create_batch(s, A, "in", from_unit="理赔部")
    s.add_all(TransferLine(batch_id=batch.id, seq=i, code=f"Z109-LP·2018-D30-{i:04d}", title=f"第{i}号机动车辆保险理赔案卷",
                           year=2018, retention="D30", item_count=5, pages=20 + i % 30, expected=True, found=True,
                           found_pages=None, data={"fonds_code": "Z109", "category_code": "LP"}, notes="")
              for i in range(1, 601))
db.dispose()
"""

BATCH_CHILD = _guarded('''
from sqlalchemy import select
from archive_desk.models import TransferBatch
from archive_desk.services import transfers
db = open_catalogue(sys.argv[1])
with db.read() as s:
    bid = s.scalar(select(TransferBatch.id).where(TransferBatch.status == "draft", TransferBatch.from_unit == "理赔部").order_by(TransferBatch.id.desc()))
print("go", flush=True)
with db.write() as s:
    transfers.confirm_batch(s, A, bid, accept_missing=True)
''')

APPRAISAL_PREP = PREP_HEADER + """
from sqlalchemy import select, update
from archive_desk.models import Volume, Appraisal
from archive_desk.services import transfers
db = open_catalogue(sys.argv[1])
with db.write() as s:
    ids = [d.volume_id for d in transfers.due_volumes(s) if not d.code.split("-")[1].startswith("KU")][:300]  # 会计: own lists
    a = transfers.create_appraisal(s, A, 2026)
    transfers.add_appraisal_volumes(s, A, a.id, ids)
    for line in transfers.list_appraisal_lines(s, a.id):
        transfers.set_decision(s, A, line.id, "destroy")
    # every step before the witnesses' (the one the child is killed in)
    transfers.set_panel(s, A, a.id, ["组长", "组员"])
    transfers.write_opinion(s, A, a.id, "同意销毁")
    transfers.approve_appraisal(s, A, a.id, "馆长")
    transfers.record_destruction(s, A, a.id, "粉碎", "档案室")
db.dispose()
"""

APPRAISAL_CHILD = _guarded('''
from sqlalchemy import select
from archive_desk.models import Appraisal
from archive_desk.services import transfers
db = open_catalogue(sys.argv[1])
with db.read() as s:
    aid = s.scalar(select(Appraisal.id).where(Appraisal.status == "executed", Appraisal.lead == "组长"))
    counted = sum(1 for ln in transfers.list_appraisal_lines(s, aid) if ln.decision == "destroy")
print("go", flush=True)
with db.write() as s:
    transfers.confirm_appraisal(s, A, aid, witness1="监销一", witness2="监销二", counted=counted)
''')

STOCKTAKE_PREP = PREP_HEADER + """
from sqlalchemy import select
from archive_desk.models import Layer, Volume
from archive_desk.services import stocktake
db = open_catalogue(sys.argv[1])
with db.write() as s:
    layers = list(s.execute(select(Layer.id, Layer.barcode).order_by(Layer.id).limit(60)))
    st = stocktake.start(s, A, "故障演练盘点", stocktake.Scope(layers=tuple(l.id for l in layers)))
    for layer_id, layer_code in layers:
        stocktake.record_scan(s, A, st.id, layer_code)
        for code in s.scalars(select(Volume.barcode).where(Volume.layer_id == layer_id)):
            stocktake.record_scan(s, A, st.id, code)
db.dispose()
"""

STOCKTAKE_CHILD = _guarded('''
from sqlalchemy import select
from archive_desk.models import Stocktake
from archive_desk.services import stocktake
db = open_catalogue(sys.argv[1])
with db.read() as s:
    sid = s.scalar(select(Stocktake.id).where(Stocktake.name == "故障演练盘点"))
print("go", flush=True)
with db.write() as s:
    stocktake.finish(s, A, sid)
''')

MIGRATE_CHILD = _guarded('''
from archive_desk.services.setup import open_catalogue
print("go", flush=True)
open_catalogue(sys.argv[1]).dispose()
''')

RESTORE_PREP = """
import subprocess, sys
from pathlib import Path
subprocess.run([sys.executable, "-m", "archive_desk", "--db", sys.argv[1], "backup", "--to", sys.argv[2]], check=True,
               capture_output=True)
subprocess.run([sys.executable, "-m", "archive_desk", "--db", sys.argv[1], "room", "--name", "备份之后改名的档案室"], check=True,
               capture_output=True)
"""

RESTORE_CHILD = _guarded('''
from archive_desk.services import backup
made = [p for p in Path(sys.argv[2]).glob("*.sqlite") if not p.name.endswith(".failed.sqlite")]
print("go", flush=True)
backup.restore(made[0], Path(sys.argv[1]), actor=A)
''')

IMPORT_PREP = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from bench_import import generate
generate(Path(sys.argv[3]), 3000, seed=11)
"""

SCENARIOS: list[Scenario] = [
    # into a catalogue with no shelving yet, so the register's locations are kept as text
    Scenario("import", IMPORT_PREP, ["-m", "archive_desk", "--db", "{db}", "import", "{work}/register.xlsx", "--create-fonds"],
             base="empty"),
    Scenario("lend", LEND, ["-c", LEND_CHILD, "{db}"]),
    Scenario("return", RETURN_PREP, ["-c", RETURN_CHILD, "{db}"]),
    Scenario("transfer-confirm", BATCH_PREP, ["-c", BATCH_CHILD, "{db}"]),
    Scenario("appraisal-confirm", APPRAISAL_PREP, ["-c", APPRAISAL_CHILD, "{db}"]),
    Scenario("stocktake-finish", STOCKTAKE_PREP, ["-c", STOCKTAKE_CHILD, "{db}"]),
    Scenario("migration", "", ["-c", MIGRATE_CHILD, "{db}"], base="round1"),
    Scenario("backup", "", ["-m", "archive_desk", "--db", "{db}", "backup", "--to", "{work}/backups"]),
    Scenario("restore", RESTORE_PREP, ["-c", RESTORE_CHILD, "{db}", "{work}/made"]),
]


# ---------------------------------------------------------------------------------------------------------
# running


@dataclass
class Prepared:
    scenario: Scenario
    base: Path
    work: Path
    before: str
    after: str
    seconds: float  # how long the untouched write took (from its "go" line, or from the start of a process that prints none)


@dataclass
class Tally:
    runs: int = 0
    before: int = 0
    after: int = 0
    partial: int = 0
    unsound: int = 0
    clear_errors: int = 0
    raw_errors: int = 0
    notes: list[str] = field(default_factory=list)


#: the room keys of the catalogues the campaign makes (db/sealing.py keeps a catalogue's key outside the file, in the
#: workstation's settings folder): every run gets a fresh settings folder holding these keys and nothing else, so the
#: chain-head anchor one run leaves never judges the next run's copy of the base (put back on purpose) a rollback
KEY_STORE: list[Path] = []  # one folder, set by main()


def _env(work: Path, *, fresh: bool = False) -> dict[str, str]:
    config = work / "config"
    if fresh:
        shutil.rmtree(config, ignore_errors=True)
    keys = config / "integrity"
    keys.mkdir(parents=True, exist_ok=True)
    for store in KEY_STORE:
        for key in store.glob("*.key"):
            if not (keys / key.name).exists():
                shutil.copyfile(key, keys / key.name)
    # the demo has accounts (password "demo"): the commands run as its system administrator, whose are backups,
    # restores, the room's particulars and check (an empty catalogue has no accounts and needs no login)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "ARCHIVE_DESK_CONFIG_DIR": str(config),
           "ARCHIVE_DESK_DATA_DIR": str(work / "data"), "ARCHIVE_DESK_USER": "admin", "ARCHIVE_DESK_PASSWORD": "demo"}
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _keep_keys(work: Path) -> None:
    """The keys a preparation made become the campaign's (copied into every later run's settings)."""
    for key in (work / "config" / "integrity").glob("*.key"):
        shutil.copyfile(key, KEY_STORE[0] / key.name)


def _argv(sc: Scenario, db: Path, work: Path) -> list[str]:
    return [a.replace("{db}", str(db)).replace("{work}", str(work)) for a in sc.child]


def prepare(sc: Scenario, root: Path, demo: Path) -> Prepared:
    work = root / sc.name
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base.sqlite"
    if sc.base == "empty":
        subprocess.run([PY, "-c", "import sys; from archive_desk.services.setup import open_catalogue; open_catalogue(sys.argv[1]).dispose()",
                        str(base)], check=True, env=_env(work), timeout=600)
    else:
        source = demo if sc.base == "demo" else ROOT / "tests" / "data" / "catalogues" / "round1_0003.sqlite"
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(base)) as dst:
            src.backup(dst)
    if sc.prepare:
        extra = ([str(Path(__file__).resolve().parent), str(work / "register.xlsx")] if sc.name == "import"
                 else [str(work / "made")] if sc.name == "restore" else [])
        subprocess.run([PY, "-c", sc.prepare, str(base), *extra], check=True, env=_env(work), timeout=600)
    _keep_keys(work)
    before = state(base)
    trial = work / "trial.sqlite"
    _copy(base, trial)
    code, seconds, _ = _run_timed(sc, trial, work)
    if code not in (0, 1):  # 1: done in part (an import that refused some rows)
        raise RuntimeError(f"{sc.name}: the untouched run failed ({code})")
    after = state(trial)
    if after == before:
        print(f"note: {sc.name}: the write changes nothing observable (before == after)", file=sys.stderr)
    return Prepared(sc, base, work, before, after, seconds)


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)


def _run_timed(sc: Scenario, db: Path, work: Path, kill_after: float | None = None) -> tuple[int, float, bool]:
    """Run the child; the clock starts at its "go" line (printed right before the write) or, for a child
    that prints none (the command line), at the start. With ``kill_after``, kill it that long after the clock
    started. Returns (exit status, seconds on the clock, whether it was killed)."""
    proc = subprocess.Popen([PY, *_argv(sc, db, work)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env(work, fresh=True))
    assert proc.stdout is not None
    start = time.perf_counter()
    killed = False
    try:
        if any(a.startswith("-c") for a in sc.child):
            for line in proc.stdout:
                if line.strip() == "go":
                    start = time.perf_counter()
                    break
        if kill_after is not None:
            try:
                proc.wait(timeout=max(0.0, kill_after - (time.perf_counter() - start)))
            except subprocess.TimeoutExpired:
                proc.kill()
                killed = True
        proc.stdout.read()
        code = proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    return code, time.perf_counter() - start, killed


def kill_run(p: Prepared, rnd: random.Random, tally: Tally) -> None:
    db = p.work / "run.sqlite"
    _copy(p.base, db)
    # anywhere in the write, and a little past the untouched run's end
    _run_timed(p.scenario, db, p.work, kill_after=rnd.uniform(0.0, p.seconds * 1.1))
    _judge(p, db, tally, expect_error=False, returncode=None, stderr="")


def _judge(p: Prepared, db: Path, tally: Tally, *, expect_error: bool, returncode: int | None, stderr: str) -> None:
    tally.runs += 1
    now = state(db)
    if now == p.before:
        tally.before += 1
    elif now == p.after:
        tally.after += 1
    else:
        tally.partial += 1
        tally.notes.append(f"{p.scenario.name}: partial state {now}")
    problems = soundness(db, p.work)
    if problems:
        tally.unsound += 1
        tally.notes.append(f"{p.scenario.name}: {problems}")
    if returncode is not None and ("Traceback" in stderr or returncode not in (0, 1)):
        if returncode == 2 and "Traceback" not in stderr and stderr.strip():
            tally.clear_errors += 1
        else:
            tally.raw_errors += 1
            tally.notes.append(f"{p.scenario.name}: exit {returncode}: {stderr.strip()[-400:]}")


FIU_POINTS = ("posix/io/rw/pwrite", "posix/io/sync/fdatasync", "posix/io/rw/pread")


def fault_run(p: Prepared, point: str, probability: float, tally: Tally) -> None:
    """The whole child under libfiu: the failure point fails at random calls with the given probability."""
    db = p.work / "fault.sqlite"
    _copy(p.base, db)
    cmd = ["fiu-run", "-x", "-f", "", "-c", f"enable_random name={point},probability={probability}", PY, *_argv(p.scenario, db, p.work)]
    res = subprocess.run(cmd, capture_output=True, text=True, env=_env(p.work, fresh=True), timeout=600, check=False)
    _judge(p, db, tally, expect_error=True, returncode=res.returncode, stderr=res.stderr)


def full_disk_run(p: Prepared, tally: Tally, headroom_kb: int = 160) -> bool:
    """The catalogue on a tmpfs with ``headroom_kb`` free beside it, too little for the write: a clear message,
    and the catalogue as it was."""
    size_kb = p.base.stat().st_size // 1024 + headroom_kb
    mount = p.work / "tmpfs"
    mount.mkdir(exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount)], capture_output=True, check=False).returncode:
        return False
    try:
        db = mount / "full.sqlite"
        try:
            _copy(p.base, db)
        except OSError:
            return False
        res = subprocess.run([PY, *_argv(p.scenario, db, p.work)], capture_output=True, text=True, env=_env(p.work, fresh=True), timeout=600, check=False)
        _judge(p, db, tally, expect_error=True, returncode=res.returncode, stderr=res.stderr)
        if res.returncode == 0:
            tally.notes.append(f"{p.scenario.name}: full disk ({size_kb} kB) was not full enough")
        return True
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


WRITER = PREP_HEADER + """
import json, random
from sqlalchemy import select
from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.models import Borrower, Volume
from archive_desk.services import catalogue, loans
db = Database.open(sys.argv[1])
me, ops, seed = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
A = Actor(f"writer{me}", f"ws{me}")
with db.read() as s:
    shared = list(s.scalars(select(Volume.id).where(Volume.status == "in_stock", Volume.security == "公开").order_by(Volume.id).limit(40)))
    mine = list(s.scalars(select(Volume.id).where(Volume.status == "in_stock").order_by(Volume.id).offset(100 + me * 20).limit(20)))
    bid = s.scalar(select(Borrower.id).where(Borrower.name == "故障演练"))
done = {"lent": [], "returned": [], "edits": {}, "conflicts": 0, "busy": 0, "raw": []}
for _ in range(ops):
    op = rnd.choice(("lend", "return", "edit"))
    try:
        if op == "lend":
            v = rnd.choice(shared)
            with db.write() as s:
                loan = loans.lend(s, A, bid, [v], "工作查考", "查阅", datetime.date.today() + datetime.timedelta(days=7), approver="科长", opinion="同意", clerk=A.user)
            done["lent"].append(loan.slip_no)
        elif op == "return":
            v = rnd.choice(shared)
            with db.write() as s:
                loans.return_volumes(s, A, [loans.LineReturn(v)], received_by=A.user)
            done["returned"].append(v)
        else:
            v = rnd.choice(mine)
            with db.read() as s:
                rec = catalogue.get_volume(s, v)
            with db.write() as s:
                catalogue.update_volume(s, A, v, rec.version, {"notes": f"writer{me} edit {rnd.random():.6f}"})
            done["edits"][str(v)] = done["edits"].get(str(v), 0) + 1
    except UserError as exc:
        if "busy" in str(exc).lower():
            done["busy"] += 1
        else:
            done["conflicts"] += 1
    except Exception as exc:  # a raw error: what the campaign counts as a failure
        done["raw"].append(f"{type(exc).__name__}: {exc}")
db.dispose()
print(json.dumps(done))
"""


def writers_run(p: Prepared, processes: int, ops: int) -> dict[str, object]:
    """``processes`` writer processes, ``ops`` operations in all, on one file: nothing lost, no raw errors."""
    db = p.work / f"writers{processes}.sqlite"
    _copy(p.base, db)
    with closing(sqlite3.connect(db)) as conn:
        versions0 = dict(conn.execute("SELECT id, version FROM volumes"))
    per = ops // processes
    _env(p.work, fresh=True)
    t0 = time.perf_counter()
    procs = [subprocess.Popen([PY, "-c", WRITER, str(db), str(i), str(per), str(i * 7919)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=_env(p.work)) for i in range(processes)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=1200)
        if proc.returncode != 0:
            raise RuntimeError(f"writer failed: {err[-1500:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    seconds = time.perf_counter() - t0
    lost: list[str] = []
    with closing(sqlite3.connect(db)) as conn:
        slips = {r[0] for r in conn.execute("SELECT slip_no FROM loans")}
        versions = dict(conn.execute("SELECT id, version FROM volumes"))
        double = conn.execute("SELECT volume_id, count(*) FROM loan_lines WHERE returned_at IS NULL GROUP BY volume_id HAVING count(*) > 1").fetchall()
    edits: dict[int, int] = {}
    for r in results:
        lost += [f"loan {s}" for s in r["lent"] if s not in slips]
        for v, n in r["edits"].items():
            edits[int(v)] = edits.get(int(v), 0) + n
    for v, n in edits.items():
        # an edit bumps the version once; the loans and returns of these volumes do not touch them (not shared)
        if versions[v] - versions0[v] != n:
            lost.append(f"volume {v}: {n} edits, version moved by {versions[v] - versions0[v]}")
    lost += [f"volume {v} has {n} open loans" for v, n in double]
    problems = soundness(db, p.work)
    done = sum(len(r["lent"]) + len(r["returned"]) + sum(r["edits"].values()) for r in results)
    return {"processes": processes, "ops": per * processes, "done": done,
            "conflicts": sum(r["conflicts"] for r in results), "busy": sum(r["busy"] for r in results),
            "raw": sum(len(r["raw"]) for r in results), "raw_examples": [x for r in results for x in r["raw"]][:3],
            "lost": lost, "unsound": problems, "seconds": seconds}


def build_demo(root: Path, volumes: int) -> Path:
    demo = root / "demo.sqlite"
    subprocess.run([PY, "-m", "archive_desk", "demo", "--out", str(demo), "--volumes", str(volumes), "--seed", "3"],
                   check=True, capture_output=True, env=_env(root), timeout=900)
    _keep_keys(root)
    return demo


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=30, help="kill runs per scenario (default 30: 210 in all)")
    ap.add_argument("--faults", type=int, default=3, help="runs per scenario and libfiu failure point")
    ap.add_argument("--writer-ops", type=int, default=1000, help="operations of the 2- and 4-writer runs")
    ap.add_argument("--volumes", type=int, default=2000, help="volumes in the demo catalogue the scenarios start from")
    ap.add_argument("--only", nargs="*", default=None, help="scenario names")
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--ci", action="store_true", help="CI's slice: 5 kills per scenario (35), 1 run per fault, 200 writer ops")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = ap.parse_args(argv)
    if args.ci:
        args.kills, args.faults, args.writer_ops, args.volumes = 5, 1, 200, 800
    rnd = random.Random(args.seed)
    have_fiu = shutil.which("fiu-run") is not None
    root = args.keep or Path(tempfile.mkdtemp(prefix="fault-campaign-"))
    root.mkdir(parents=True, exist_ok=True)
    KEY_STORE[:] = [root / "keys"]
    KEY_STORE[0].mkdir(exist_ok=True)
    failed = False
    try:
        demo = build_demo(root, args.volumes)
        rows: list[tuple[str, Tally, float]] = []
        prepared: dict[str, Prepared] = {}
        for sc in SCENARIOS:
            if args.only and sc.name not in args.only:
                continue
            p = prepare(sc, root, demo)
            prepared[sc.name] = p
            kills, faults = Tally(), Tally()
            for _ in range(args.kills):
                kill_run(p, rnd, kills)
            if have_fiu:
                for point in FIU_POINTS:
                    for _ in range(args.faults):
                        fault_run(p, point, rnd.choice((0.002, 0.01, 0.05)), faults)
            rows.append((sc.name, kills, p.seconds))
            rows.append((sc.name + " +I/O faults", faults, p.seconds))
            print(f"  {sc.name}: {kills.runs} kills, {faults.runs} faults done", file=sys.stderr, flush=True)
        disk = Tally()
        if "import" in prepared and full_disk_run(prepared["import"], disk):
            rows.append(("import on a full disk", disk, prepared["import"].seconds))
        print()
        print(f"{'scenario':<32} {'runs':>5} {'before':>7} {'after':>6} {'partial':>8} {'unsound':>8} {'clear err':>10} {'raw err':>8} {'write s':>8}")
        for name, tl, secs in rows:
            print(f"{name:<32} {tl.runs:>5} {tl.before:>7} {tl.after:>6} {tl.partial:>8} {tl.unsound:>8} {tl.clear_errors:>10} {tl.raw_errors:>8} {secs:>8.2f}")
            failed |= bool(tl.partial or tl.unsound or tl.raw_errors)
        total_kills = sum(tl.runs for name, tl, _ in rows if "+" not in name and "disk" not in name)
        print(f"kill runs: {total_kills}; libfiu: {'yes' if have_fiu else 'not installed (apt-get install fiu-utils)'}")
        if "lend" in prepared:
            print()
            print(f"{'writers':>8} {'ops':>6} {'done':>6} {'conflicts':>10} {'busy':>5} {'raw':>4} {'lost':>5} {'ops/s':>7} {'check':>6}")
            for n in (2, 4):
                w = writers_run(prepared["lend"], n, args.writer_ops)
                ok = not w["unsound"]
                print(f"{n:>8} {w['ops']:>6} {w['done']:>6} {w['conflicts']:>10} {w['busy']:>5} {w['raw']:>4} {len(w['lost']):>5} "
                      f"{w['ops'] / w['seconds']:>7.1f} {'OK' if ok else 'FAIL':>6}")
                for x in w["raw_examples"] + w["lost"][:5] + w["unsound"]:
                    print(f"    {x}")
                failed |= bool(w["raw"] or w["lost"] or w["unsound"])
        notes = [n for _, tl, _ in rows for n in tl.notes]
        for n in notes[:30]:
            print("  ! " + n)
        print("FAILED" if failed else "all runs whole: no partial state, nothing lost, no raw error")
        return 1 if failed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
