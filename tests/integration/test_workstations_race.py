"""Concurrency across PCs (issue #17 item 5): two and four workstation processes at once, on a SQLite file on this PC
and on the room's server (when ``ARCHIVE_DESK_TEST_PG_URL`` names one). Each desk is a real process with its own
connections; all start at one signal. One wins, the others get a clear message, nothing is duplicated or lost, and
the trail stays one chain."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import server_catalogue

from archive_desk.services import (
    audit,
    catalogue,
    loans,
    locations,
    stocktake,
    transfers,
)
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

PG_URL = os.environ.get("ARCHIVE_DESK_TEST_PG_URL", "")
ACTOR = Actor("clerk0", "ws-0")
IMPORT_FILE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"

DESK = r"""
import json, sys, time, traceback
from datetime import date
from pathlib import Path
from archive_desk.i18n import set_language
from archive_desk.services.setup import open_catalogue
from archive_desk.errors import UserError
from archive_desk.services import catalogue, importer, loans, stocktake, transfers
from archive_desk.services.loans.returns import LineReturn
from archive_desk.services.audit import Actor

set_language("zh_CN")
target, go, scenario, desk, args = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
db = open_catalogue(target)
actor = Actor(user="clerk-" + desk, workstation="ws-" + desk)
with db.read() as s:  # warm up: connections, imports, mappers
    catalogue.get_volume(s, args["warm"])
out = []

def step(fn):
    try:
        with db.write() as s:
            out.append({"ok": fn(s)})
    except UserError as exc:
        out.append({"refused": str(exc), "type": type(exc).__name__})
    except Exception as exc:
        out.append({"error": type(exc).__name__ + ": " + str(exc)[:300]})

print("READY", flush=True)
while not go.exists():
    time.sleep(0.001)
if scenario == "lend":
    step(lambda s: loans.lend(s, actor, args["borrower"], args["volumes"], "工作查考", "查阅",
                              date.fromisoformat(args["due"])).slip_no)
elif scenario == "edit":
    step(lambda s: catalogue.update_volume(s, actor, args["volume"], args["version"],
                                           {"title": "改过的题名 " + desk}).version)
elif scenario == "receive":
    for code in args["codes"]:
        step(lambda s, c=code: transfers.scan_check(s, actor, args["batch"], c).kind)
elif scenario == "stocktake":
    for code in args["codes"]:
        step(lambda s, c=code: stocktake.record_scan(s, actor, args["stocktake"], c).kind)
elif scenario == "import":
    plan = importer.plan(db, args["file"])
    try:
        result = importer.commit(db, actor, plan, create_missing_fonds=True)
        out.append({"ok": [result.created, len(result.failures)]})
    except UserError as exc:
        out.append({"refused": str(exc), "type": type(exc).__name__})
elif scenario == "lend_return":
    for _ in range(args["rounds"]):
        step(lambda s: loans.lend(s, actor, args["borrower"], args["volumes"], "工作查考", "查阅",
                                  date.fromisoformat(args["due"])).slip_no)
        step(lambda s: loans.return_volumes(s, actor, [LineReturn(v) for v in args["volumes"]]) and "returned")
print(json.dumps(out, ensure_ascii=False), flush=True)
db.dispose()
"""


def _server_catalogue() -> Iterator[str]:
    return server_catalogue("race")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "catalogue.sqlite")
        return
    if not PG_URL:
        pytest.skip("ARCHIVE_DESK_TEST_PG_URL is not set (.ci/run sets it)")
    yield from _server_catalogue()


def seed(target: str, volumes: int, *, shelves: bool = True) -> dict[str, object]:
    db = open_catalogue(target)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司临川分公司")
            lp = catalogue.get_category(s, code="LP")
            vols = [catalogue.create_volume(s, ACTOR, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2018, "retention": "D30", "pages": 10,
                "title": f"理赔案卷 {i}"}) for i in range(volumes)]
            borrowers = [loans.create_borrower(s, ACTOR, {"name": f"借阅人{i}", "unit": "理赔部"}) for i in range(4)]
            layer = None
            if shelves:  # (without: the register's 存放位置 column is not checked against a room)
                room = locations.create_room(s, ACTOR, 1)
                locations.create_rack(s, ACTOR, room.id, 1, columns=1, sections=1, layers=1)
                layer = locations.list_layers(s, locations.list_racks(s, room.id)[0].id)[0]
                for v in vols:
                    locations.place_volume(s, ACTOR, v.id, layer.id)
    finally:
        db.dispose()
    return {"volumes": vols, "borrowers": borrowers, "layer": layer, "fonds": fonds}


def run_desks(target: str, tmp_path: Path, jobs: list[tuple[str, dict]]) -> list[list[dict]]:
    """Start one process per job, wait until all are ready, let them go at once; each one's outcomes."""
    go = tmp_path / f"go-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", DESK, target, str(go), scenario, str(i + 1), json.dumps(args)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for i, (scenario, args) in enumerate(jobs)]
    try:
        for p in procs:
            assert p.stdout is not None
            line = p.stdout.readline()
            assert line.strip() == "READY", p.stderr.read() if p.stderr else line
        go.touch()
        results = []
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    errors = [r for desk in results for r in desk if "error" in r]
    assert not errors, errors  # no desk saw a bug (a crash box), only outcomes and plain messages
    return results


def chain_ok(target: str) -> None:
    db = open_catalogue(target)
    try:
        with db.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        db.dispose()


DESKS = [2, 4]


@pytest.mark.parametrize("desks", DESKS)
def test_desks_lend_the_same_volume_at_once(target: str, tmp_path: Path, desks: int) -> None:
    data = seed(target, desks + 1)
    shared, own = data["volumes"][0], data["volumes"][1:]
    due = (date.today() + timedelta(days=7)).isoformat()
    results = run_desks(target, tmp_path, [("lend", {"warm": shared.id, "borrower": data["borrowers"][i].id,
                                                      "volumes": [shared.id, own[i].id], "due": due})
                                            for i in range(desks)])
    outcomes = [r[0] for r in results]
    ok = [r for r in outcomes if "ok" in r]
    refused = [r for r in outcomes if "refused" in r]
    assert len(ok) == 1 and len(refused) == desks - 1, outcomes
    for r in refused:  # names the volume and the slip that got it
        assert shared.code in r["refused"] and ok[0]["ok"] in r["refused"], r
    db = open_catalogue(target)
    try:
        with db.read() as s:
            assert [h.slip_no for h in loans.volume_loan_history(s, shared.id)] == [ok[0]["ok"]]
            slips = loans.open_loans(s)
            assert len(slips) == 1 and len(slips[0].lines) == 2  # the refused desks lent nothing, not even their own
    finally:
        db.dispose()
    chain_ok(target)


@pytest.mark.parametrize("desks", DESKS)
def test_desks_edit_the_same_volume_at_once(target: str, tmp_path: Path, desks: int) -> None:
    data = seed(target, 1)
    vol = data["volumes"][0]
    db = open_catalogue(target)
    with db.read() as s:
        version = catalogue.get_volume(s, vol.id).version  # every desk has the same version on screen
    db.dispose()
    results = run_desks(target, tmp_path, [("edit", {"warm": vol.id, "volume": vol.id, "version": version})
                                           for _ in range(desks)])
    outcomes = [r[0] for r in results]
    ok = [r for r in outcomes if "ok" in r]
    refused = [r for r in outcomes if "refused" in r]
    assert len(ok) == 1 and len(refused) == desks - 1, outcomes
    for r in refused:
        assert r["type"] == "StaleEditError" and vol.code in r["refused"], r
    db = open_catalogue(target)
    try:
        with db.read() as s:
            now = catalogue.get_volume(s, vol.id)
            assert now.version == version + 1 and now.title.startswith("改过的题名")
            assert len([h for h in audit.history(s, "volume", vol.id) if h.action == "volume.update"]) == 1
    finally:
        db.dispose()
    chain_ok(target)


@pytest.mark.parametrize("desks", DESKS)
def test_desks_scan_one_receiving_batch_at_once(target: str, tmp_path: Path, desks: int) -> None:
    data = seed(target, 1)
    db = open_catalogue(target)
    codes = [f"Z109-WS·2020-D30-{n:04d}" for n in range(1, 9)]
    try:
        with db.write() as s:
            batch = transfers.create_batch(s, ACTOR, "in", from_unit="理赔部")
            for code in codes:
                transfers.add_line(s, ACTOR, batch.id, {"code": code, "title": "移交案卷", "year": 2020,
                                                        "retention": "D30", "pages": 5})
    finally:
        db.dispose()
    # every desk scans every code, each in its own order: every line is ticked once, the rest are "again"
    jobs = [("receive", {"warm": data["volumes"][0].id, "batch": batch.id,
                         "codes": codes[i % len(codes):] + codes[:i % len(codes)] if i % 2 == 0 else codes[::-1]})
            for i in range(desks)]
    results = run_desks(target, tmp_path, jobs)
    kinds = [r.get("ok") for desk in results for r in desk]
    refused = [r for desk in results for r in desk if "refused" in r]
    assert kinds.count("found") == len(codes), (kinds, refused)
    assert all(k in ("found", "again") for k in kinds if k is not None)
    for r in refused:  # a desk that met another's tick at the same moment is told to scan again, nothing lost
        assert r["type"] == "StaleEditError", r
    db = open_catalogue(target)
    try:
        with db.read() as s:
            lines = transfers.list_lines(s, batch.id)
            assert len(lines) == len(codes) and all(ln.found for ln in lines)  # none duplicated as "unexpected"
    finally:
        db.dispose()
    chain_ok(target)


@pytest.mark.parametrize("desks", DESKS)
def test_desks_count_one_stocktake_at_once(target: str, tmp_path: Path, desks: int) -> None:
    per_desk = 5
    data = seed(target, desks * per_desk)
    vols, layer = data["volumes"], data["layer"]
    db = open_catalogue(target)
    try:
        with db.write() as s:
            st = stocktake.start(s, ACTOR, "2024 年盘点", stocktake.Scope(layers=(layer.id,)))
    finally:
        db.dispose()
    jobs = [("stocktake", {"warm": vols[0].id, "stocktake": st.id,
                           "codes": [layer.barcode] + [v.barcode for v in vols[i * per_desk:(i + 1) * per_desk]]})
            for i in range(desks)]
    results = run_desks(target, tmp_path, jobs)
    refused = [r for desk in results for r in desk if "refused" in r]
    assert not refused, refused
    db = open_catalogue(target)
    try:
        with db.read() as s:
            state = stocktake.state(s, st.id)
            assert stocktake.scan_counts(s, [st.id])[st.id] == desks * (per_desk + 1)  # every scan kept, none twice
            assert not [ln for ln in state.lines if ln.cls == "missing"], state  # every volume found
    finally:
        db.dispose()
    chain_ok(target)


@pytest.mark.parametrize("desks", DESKS)
def test_an_import_while_the_others_lend(target: str, tmp_path: Path, desks: int) -> None:
    lenders = desks - 1
    data = seed(target, lenders, shelves=False)
    due = (date.today() + timedelta(days=7)).isoformat()
    jobs = [("import", {"warm": data["volumes"][0].id, "file": str(IMPORT_FILE)})]
    jobs += [("lend_return", {"warm": data["volumes"][0].id, "borrower": data["borrowers"][i].id,
                              "volumes": [data["volumes"][i].id], "due": due, "rounds": 5}) for i in range(lenders)]
    results = run_desks(target, tmp_path, jobs)
    assert results[0] == [{"ok": [114, 0]}], results[0]  # the register's 114 volumes, none failed
    for desk in results[1:]:
        assert [r.get("ok") is not None for r in desk] == [True] * 10, desk  # every loan and return saved
    db = open_catalogue(target)
    try:
        with db.read() as s:
            assert len(loans.open_loans(s)) == 0
            for i in range(lenders):
                assert len(loans.volume_loan_history(s, data["volumes"][i].id)) == 5
            from sqlalchemy import func, select

            from archive_desk.models import Volume

            assert s.scalar(select(func.count()).select_from(Volume)) == lenders + 114  # none lost, none twice
    finally:
        db.dispose()
    chain_ok(target)
