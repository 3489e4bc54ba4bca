"""The demo holds classified volumes (内部, 秘密 and 机密, at least 1 % each) and personal data in its claims and
medical-record volumes, marked personal in their categories (issue 16)."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

from archive_desk.services.demo import build_demo


def test_the_demo_has_classified_volumes_and_personal_data(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path, 1500, seed=3)
    with closing(sqlite3.connect(path)) as conn:
        total = conn.execute("SELECT count(*) FROM volumes").fetchone()[0]
        levels = dict(conn.execute("SELECT security, count(*) FROM volumes GROUP BY security").fetchall())
        for level in ("内部", "秘密", "机密"):
            assert levels.get(level, 0) >= total / 100, (level, levels)
        periods = dict(conn.execute("SELECT security, min(security_period) FROM volumes WHERE security != '公开' "
                                    "AND security != '内部' GROUP BY security").fetchall())
        assert periods == {"秘密": 10, "机密": 20}
        medical = [json.loads(c) for (c,) in conn.execute(
            "SELECT custom FROM volumes v JOIN categories c ON c.id = v.category_id WHERE c.code = 'BL'")]
        claims = [json.loads(c) for (c,) in conn.execute(
            "SELECT custom FROM volumes v JOIN categories c ON c.id = v.category_id WHERE c.code = 'LP'")]
        personal = dict(((cat, key), kind) for cat, key, kind in conn.execute(
            "SELECT c.code, f.key, f.personal FROM category_fields f JOIN categories c ON c.id = f.category_id WHERE f.personal != ''"))
    assert medical and claims
    assert all(re.fullmatch(r"\d{17}[\dX]", m["id_number"]) and m["diagnosis"] and m["patient"] for m in medical)
    assert sum("insured_id" in c for c in claims) > len(claims) / 2
    assert personal == {("BL", "patient"): "name", ("BL", "id_number"): "id", ("BL", "diagnosis"): "text",
                        ("LP", "insured"): "name", ("LP", "insured_id"): "id"}
