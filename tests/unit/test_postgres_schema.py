"""The schema on PostgreSQL keeps what SQLite has, although some of it is declared outside the models."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_mock_engine

import archive_desk.db.migrations.versions as versions
from archive_desk.models import Base
from archive_desk.models.loans import OPEN_LINE_INDEX


def test_a_volume_can_be_lent_again_on_postgresql_one_open_loan_at_a_time() -> None:
    statements: list[str] = []
    engine = create_mock_engine("postgresql+psycopg2://", lambda sql, *a, **kw: statements.append(str(sql.compile(dialect=engine.dialect))))
    Base.metadata.create_all(engine, checkfirst=False)
    index = [s for s in statements if OPEN_LINE_INDEX in s and "CREATE" in s]
    # a plain unique index would let each volume be lent only once, ever
    assert len(index) == 1 and "WHERE returned_at IS NULL" in index[0], index


def test_the_initial_migration_keeps_the_partial_index_on_postgresql() -> None:
    text = next(Path(versions.__path__[0]).glob("0001_*.py")).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "create_index" in line and OPEN_LINE_INDEX in line)
    assert "postgresql_where=sa.text('returned_at IS NULL')" in line
