"""Migration 0011_masking on a catalogue made at 0007: the standard personal fields are marked, every other field
stays not personal, and the personal-data access log exists and starts empty."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

from archive_desk.db.engine import Database
from archive_desk.db.migrate import alembic_config
from archive_desk.services import catalogue
from archive_desk.services.setup import open_catalogue


@pytest.mark.sqlite_only(reason="builds a 0007 catalogue file with sqlite3")
def test_a_0007_catalogue_gets_its_personal_fields_marked(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database.open(path)
    try:
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0007_postgresql")
    finally:
        db.dispose()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO categories (id, code, name_zh, name_en, filing_mode, code_pattern, item_pattern, default_retention,"
                     " thickness_mm, retention_event_field, active, sort_order) VALUES"
                     " (1, 'BL', '病历', 'Medical records', 'volume', 'x', '', 'D30', 20, '', 1, 0),"
                     " (2, 'LP', '理赔', 'Claims', 'volume', 'x', '', 'D30', 30, '', 1, 1)")
        conn.executemany("INSERT INTO category_fields (category_id, key, label_zh, label_en, type, choices, required, searchable,"
                         " sort_order) VALUES (?, ?, ?, ?, 'text', '[]', 0, 1, 0)",
                         [(1, "patient", "患者姓名", "Patient"), (1, "ward", "科室", "Ward"), (2, "insured", "被保险人", "Insured"),
                          (2, "claim_no", "赔案号", "Claim no.")])
    db = open_catalogue(path)
    try:
        with db.read() as s:
            kinds = {(c.code, f.key): f.personal for c in catalogue.list_categories(s) for f in c.fields}
    finally:
        db.dispose()
    # the standard personal fields are marked; every other field (the retention rules' fields of 0009 included) is not
    assert {k: v for k, v in kinds.items() if v} == {("BL", "patient"): "name", ("LP", "insured"): "name"}
    assert kinds[("BL", "ward")] == kinds[("LP", "claim_no")] == kinds[("BL", "visit_type")] == ""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM personal_data_access").fetchone() == (0,)
