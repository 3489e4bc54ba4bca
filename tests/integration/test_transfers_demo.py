"""The demo catalogue's transfers: every volume arrived with a confirmed batch; some left, some were destroyed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.services import audit, transfers
from archive_desk.services.demo import build_demo


@pytest.mark.slow  # a demo build: ~8 s on a loaded machine
def test_demo_volumes_arrived_left_or_were_destroyed_with_their_papers(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path, 800, seed=5)
    conn = sqlite3.connect(path)
    try:
        unreceived = conn.execute(
            "SELECT count(*) FROM volumes v WHERE NOT EXISTS (SELECT 1 FROM transfer_lines l JOIN transfer_batches b ON b.id = l.batch_id"
            " WHERE l.volume_id = v.id AND b.direction = 'in' AND b.status = 'confirmed')").fetchone()[0]
        assert unreceived == 0
        statuses = dict(conn.execute("SELECT status, count(*) FROM volumes GROUP BY status").fetchall())
        out_lines = conn.execute("SELECT count(*) FROM transfer_lines l JOIN transfer_batches b ON b.id = l.batch_id"
                                 " JOIN volumes v ON v.id = l.volume_id WHERE b.direction = 'out' AND v.status = 'transferred'").fetchone()[0]
        destroyed = conn.execute("SELECT count(*) FROM appraisal_lines l JOIN appraisals a ON a.id = l.appraisal_id JOIN volumes v"
                                 " ON v.id = l.volume_id WHERE a.status = 'confirmed' AND l.decision = 'destroy' AND v.status = 'destroyed'"
                                 " AND json_extract(l.data, '$.code') = v.code").fetchone()[0]
        drafts = conn.execute("SELECT id FROM transfer_batches WHERE status = 'draft'").fetchall()
    finally:
        conn.close()
    assert statuses.get("transferred", 0) == out_lines > 0
    assert statuses.get("destroyed", 0) == destroyed > 0
    assert len(drafts) == 1
    db = Database.open(path)
    try:
        with db.read() as s:
            assert audit.verify_chain(s) == []
            register = transfers.transfer_register(s)
            assert {r.direction for r in register} == {"in", "out"}
            assert sum(r.volumes for r in register if r.direction == "in" and r.status == "confirmed") == 800
            assert len(transfers.destruction_register(s)) == destroyed
            summary = transfers.check_summary(s, drafts[0][0], with_problems=False)
            assert summary.expected == 20 and summary.found == 10
            lists = transfers.list_appraisals(s)
            data = transfers.destruction_list_data(s, lists[-1].id)
            assert data.lines and all(ln.kept.endswith("年") for ln in data.lines)
    finally:
        db.dispose()
