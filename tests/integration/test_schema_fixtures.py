"""Released schemas upgrade with every row intact.

Migrations are append-only since round one's schema (0001–0003) was released. ``tests/data/catalogues`` keeps a
small catalogue written by the code of each released schema (``round1_0003.sqlite``: a 300-volume demo built by
round one's ``archive-desk demo --seed 7``); every later migration adds its own fixture. Each is copied, opened
the way the app opens it (safety copy, Alembic to head), and compared row by row with what it held before.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from archive_desk.db.migrate import head_revision
from archive_desk.services import audit
from archive_desk.services.setup import open_catalogue

FIXTURES = sorted((Path(__file__).parents[1] / "data" / "catalogues").glob("*.sqlite"))


def _plain_tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (not the search index's virtual tables nor their shadow tables)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    return [name for name, sql in rows
            if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
            and not name.startswith("sqlite_") and name != "alembic_version"]


def _snapshot(path: Path) -> dict[str, tuple[int, str]]:
    """Per table: the row count and a digest of the rows (ordered by rowid, only the columns it had)."""
    out: dict[str, tuple[int, str]] = {}
    with closing(sqlite3.connect(path)) as conn:
        for table in _plain_tables(conn):
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = _digest(conn, table, columns)
    return out


def _digest(conn: sqlite3.Connection, table: str, columns: list[str], limit: int = -1) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    cols = ", ".join(f'"{c}"' for c in columns)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0] or ""
    # a WITHOUT ROWID table (0006's row_seal) is ordered by its primary key, its first column
    order = f'"{columns[0]}"' if "WITHOUT ROWID" in sql.upper() else "rowid"
    for row in conn.execute(f'SELECT {cols} FROM "{table}" ORDER BY {order} LIMIT ?', (limit,)):
        digest.update(repr(row).encode("utf-8"))
        count += 1
    return count, digest.hexdigest()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_released_catalogue_upgrades_to_head_with_every_row_intact(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _snapshot(path)
    assert before["volumes"][0] > 0 and before["items"][0] > 0 and before["loans"][0] > 0

    db = open_catalogue(path)
    try:
        with db.read() as session:
            assert audit.verify_chain(session) == []
    finally:
        db.dispose()

    with closing(sqlite3.connect(path)) as conn:
        assert [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")] == [head_revision()]
        for table, (count, digest) in before.items():
            old_columns = _columns_of(fixture, table)
            now_count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            # the rows it had are there unchanged, in their order
            assert _digest(conn, table, old_columns, limit=count) == (count, digest), table
            if table in ("audit_log", "catalogue_settings", "categories", "category_fields"):
                # opening may append audit entries and standard data a newer release ships
                assert now_count >= count, table
            else:
                assert now_count == count, table
    assert list(tmp_path.glob(f"{path.stem}.before-*.sqlite")) or before_is_head(fixture)


def _columns_of(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def before_is_head(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")] == [head_revision()]


def test_there_is_a_fixture_for_the_head_schema_or_an_older_one() -> None:
    """Every released schema keeps its catalogue; the oldest released one (round one, 0003) is always there."""
    assert any(p.name == "round1_0003.sqlite" for p in FIXTURES)


def test_a_0007_catalogue_gains_the_retention_fields_and_its_destruction_lists_stay_confirmed(tmp_path: Path) -> None:
    """0009_retention: legal holds, the destruction steps and the fields the retention rules read, on a catalogue
    written at 0007 (``round2_0007.sqlite``: ``archive-desk demo --volumes 300 --seed 7`` at 0007)."""
    from archive_desk.services import catalogue, holds, retention, transfers

    path = tmp_path / "round2_0007.sqlite"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "catalogues" / "round2_0007.sqlite", path)
    db = open_catalogue(path)
    try:
        with db.read() as s:
            lists = transfers.list_appraisals(s)
            assert lists and all(a.status == "confirmed" and a.kind == "general" for a in lists)
            assert transfers.destruction_list_data(s, lists[-1].id).lines
            assert "visit_type" in [f.key for f in catalogue.get_category(s, code="BL").fields]
            assert {"contract_start", "contract_end"} <= {f.key for f in catalogue.get_category(s, code="LP").fields}
            assert holds.list_holds(s) == []
            assert retention.due(s) is not None
    finally:
        db.dispose()
