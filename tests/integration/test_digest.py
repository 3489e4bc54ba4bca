"""Per-table digests (services/digest.py): the SQLite fast path reads what SQLAlchemy Core would read,
so a digest taken here equals one taken through Core (the path another engine will use)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.services import backup, digest


def _core(path: Path) -> dict[str, digest.TableDigest]:
    with backup._read_only_engine(path) as engine, engine.connect() as conn:
        return {t.name: digest._digest_core(conn, t, None) for t in digest._tables(conn)}


@pytest.mark.sqlite_only(reason="the digest's fast path reads the catalogue file (backup verification); values written into the file with sqlite3")
def test_fast_path_equals_core_also_for_values_written_outside_sqlalchemy(db: Database, make_volume) -> None:
    make_volume(custom={"claim_no": "PDAA2019", "amount_paid": "1234.50", "insured": "张伟"})
    with contextlib.closing(sqlite3.connect(db.path)) as conn:  # as a raw bulk writer (the demo, an import) may store them
        conn.execute("UPDATE volumes SET created_at = '2026-01-02 03:04:05', start_date = '2019-05-06' WHERE id = 1")
        conn.execute("UPDATE volumes SET updated_at = '2026-01-02T03:04:05.250000' WHERE id = 1")
        conn.commit()
    db.dispose()
    fast = backup.catalogue_digests(db.path)
    assert fast == _core(db.path)
    assert fast["volumes"].count == 1 and "search_index" not in fast


@pytest.mark.sqlite_only(reason="the digest's fast path reads the catalogue file (backup verification); the change is made in the file with sqlite3")
def test_one_changed_value_changes_only_its_table(db: Database, make_volume) -> None:
    make_volume()
    make_volume()
    db.dispose()
    before = backup.catalogue_digests(db.path)
    with contextlib.closing(sqlite3.connect(db.path)) as conn:
        conn.execute("UPDATE volumes SET pages = pages + 1 WHERE id = 2")
        conn.commit()
    after = backup.catalogue_digests(db.path)
    assert [d.table for d in digest.compare(before, after)] == ["volumes"]
    assert after["volumes"].count == before["volumes"].count


def test_the_drivers_rows_give_the_digest_core_gives_on_either_engine(db: Database, make_volume) -> None:
    """``check``, ``backup verify`` and ``server copy`` read the rows on the driver's connection (psycopg's objects
    on PostgreSQL, SQLite's stored values): a digest taken so equals one taken through Core, JSON, dates and
    booleans included, and one taken while streaming the rows by batches."""
    make_volume(custom={"claim_no": "PDAA2019", "amount_paid": "1234.50", "insured": "张伟"})
    make_volume(title="第二卷")
    with db.engine.connect() as conn, conn.begin():
        tables = digest._tables(conn)
        fast = {t.name: digest.table_digest(conn, t) for t in tables}
        core = {t.name: digest._digest_core(conn, t, None) for t in tables}
        volumes = next(t for t in tables if t.name == "volumes")
        streamed = digest.RowDigest(list(volumes.c), conn.dialect.name)
        for rows in digest.driver_batches(conn, volumes, batch=1):
            streamed.add(rows)
    assert fast == core
    assert fast["volumes"].count == 2 and streamed.result() == fast["volumes"]
