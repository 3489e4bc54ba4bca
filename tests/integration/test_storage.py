"""Opening, migrating and checking catalogue files."""

from __future__ import annotations

import sqlite3
from contextlib import closing
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from archive_desk.db.engine import Database
from archive_desk.db.migrate import current_revision, head_revision
from archive_desk.models import Base
from archive_desk.services import catalogue
from archive_desk.services.setup import open_catalogue


def test_new_catalogue_is_created_migrated_and_seeded(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite"
    db = open_catalogue(path)
    try:
        assert path.exists()
        assert current_revision(db.engine) == head_revision()
        with db.read() as s:
            codes = {c.code for c in catalogue.list_categories(s)}
            lp = catalogue.get_category(s, code="LP")
        assert {"WS", "KJ", "KU", "RS", "BL", "LP"} <= codes
        assert [f.key for f in lp.fields] == ["claim_no", "policy_no", "insured", "incident_date", "closing_date", "amount_paid",
                                         "contract_start", "contract_end", "insured_id"]
        assert lp.retention_event_field == "closing_date"
    finally:
        db.dispose()


def test_models_and_migrations_agree(db: Database) -> None:
    """A model change without a migration would make new and migrated catalogues differ."""
    from archive_desk.db.migrations_support import include_name

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), Base.metadata)
    assert diff == []


def test_migration_takes_a_safety_copy_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = open_catalogue(path)
    with db.write() as s:
        catalogue.create_fonds(s, catalogue.audit.Actor("a", "b"), "Z109", "某公司")
    db.dispose()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0002'")  # pretend an older schema
        raw.commit()
    # a migration to run: the copy is taken before it starts
    try:
        open_catalogue(path)
    except Exception:  # noqa: BLE001, S110 - the point is the copy
        pass
    copies = list(tmp_path.glob("old.before-*.sqlite"))
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as check:
        assert check.execute("SELECT code FROM fonds").fetchall() == [("Z109",)]


def test_reopening_is_idempotent(db_path: Path) -> None:
    for _ in range(2):
        db = open_catalogue(db_path)
        with db.read() as s:
            n = len(catalogue.list_categories(s))
        db.dispose()
    assert n == 12
    assert not list(db_path.parent.glob("*.before-*"))  # no migration, so no copy


def test_services_load_without_qt() -> None:
    """Everything below ui/ is usable headless: importing it pulls in no PySide6."""
    code = (
        "import sys\n"
        "import archive_desk.cli, archive_desk.app, archive_desk.db.migrate\n"
        "import archive_desk.services.catalogue, archive_desk.services.demo, archive_desk.services.volume_list\n"
        "import archive_desk.commands.core\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_hold() -> None:
    root = Path(__file__).resolve().parents[2]
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout


def test_a_second_workstation_holding_the_lock_gives_a_clear_message(db_path: Path, db: Database) -> None:
    """Another workstation is in the middle of saving: we wait (busy timeout), then say so; nothing half-written."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    impatient = Database.open(db_path, busy_timeout_ms=200)
    try:
        from archive_desk.errors import StorageError
        from archive_desk.services.audit import Actor

        try:
            with impatient.write() as s:
                catalogue.create_fonds(s, Actor("a", "b"), "Z109", "某公司")
        except StorageError as exc:
            assert "另一台工作站正在保存" in str(exc)
        else:
            raise AssertionError("the write should have been refused")
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.dispose()
    with db.read() as s:
        assert catalogue.list_fonds(s) == []
