"""Each kind of storage failure reaches the clerk as one plain message, told apart by SQLite's result codes.

Real failures where SQLite can be made to give them on this machine (the lock of another connection, a page
limit that fills the file, a read-only connection, a damaged file, a text file, a file that cannot be created,
an I/O error injected into a real process with libfiu); an exception carrying the code where it cannot
(SQLITE_LOCKED needs shared cache).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from archive_desk.db.engine import Database, storage_error
from archive_desk.db.storage_errors import StorageProblem, classify
from archive_desk.errors import StorageError
from archive_desk.i18n import set_language
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

ACTOR = Actor("clerk", "ws")

pytestmark = pytest.mark.sqlite_only(reason="storage failures of the catalogue file, told apart by SQLite's result codes")


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def _write_fonds(db: Database, code: str = "Z109") -> None:
    with db.write() as s:
        catalogue.create_fonds(s, ACTOR, code, "江南财产保险股份有限公司")


def test_busy_another_connection_holds_the_write_lock(db_path: Path, db: Database) -> None:
    quick = Database.open(db_path, busy_timeout_ms=50)
    try:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageError, match="another workstation is saving"):
                _write_fonds(quick)
            other.execute("ROLLBACK")
    finally:
        quick.dispose()


def test_full_the_file_cannot_grow(db: Database) -> None:
    with pytest.raises(StorageError, match="is full; nothing was saved") as caught, db.write() as s:
        page_count = s.execute(text("PRAGMA page_count")).scalar_one()
        s.execute(text(f"PRAGMA max_page_count = {page_count}"))
        catalogue.create_fonds(s, ACTOR, "Z109", "江" * 200_000)
    assert "Z109" not in _fonds_codes(db)
    assert caught.value.where == str(db.path)


def test_readonly_connection_refuses_to_write(db: Database) -> None:
    with pytest.raises(StorageError, match="read-only; nothing was saved"), db.write() as s:
        s.execute(text("PRAGMA query_only = ON"))
        catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司")


def test_corrupt_file_says_damaged(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    open_catalogue(path).dispose()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2: page * 6] = b"\xa5" * (page * 4)  # the first tables' pages are garbage now
    path.write_bytes(bytes(data))
    db = Database.open(path)
    try:
        with pytest.raises(StorageError, match="damaged or is not a catalogue"), db.read() as s:
            for table in ("volumes", "fonds", "categories", "audit_log", "items"):
                s.execute(text(f"SELECT * FROM {table}")).all()
    finally:
        db.dispose()


def test_not_a_database_says_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是目录数据库，是一份笔记。\n" * 400, encoding="utf-8")
    db = Database.open(path)
    try:
        with pytest.raises(StorageError, match="damaged or is not a catalogue"), db.read() as s:
            s.execute(text("SELECT count(*) FROM volumes")).scalar_one()
    finally:
        db.dispose()


def test_cantopen_a_file_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "no such folder" / "catalogue.sqlite")
    try:
        with pytest.raises(StorageError, match="cannot be opened"), db.read() as s:
            s.execute(text("SELECT 1")).scalar_one()
    finally:
        db.dispose()


def test_locked_and_io_codes_are_classified_by_code_not_wording() -> None:
    locked = sqlite3.OperationalError("something unusual")  # the wording says nothing: the code decides
    locked.sqlite_errorcode = 262  # SQLITE_LOCKED_SHAREDCACHE
    assert classify(locked) is StorageProblem.LOCKED
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
    assert classify(io) is StorageProblem.IO
    assert "failed to read or write" in str(storage_error(io, None))
    # a constraint is not a storage problem: it comes back as it was
    constraint = sqlite3.IntegrityError("UNIQUE constraint failed: fonds.code")
    constraint.sqlite_errorcode = 2067
    assert classify(constraint) is None and storage_error(constraint, None) is constraint


def test_an_io_error_behind_a_lost_savepoint_is_still_an_io_error() -> None:
    """After an I/O error SQLite rolls the transaction back itself; SQLAlchemy's ROLLBACK TO SAVEPOINT then fails
    with SQLITE_ERROR ("no such savepoint"). The I/O error in its context decides the message."""
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 778
    try:
        try:
            raise io
        except sqlite3.OperationalError:
            lost = sqlite3.OperationalError("no such savepoint: sa_savepoint_1")
            lost.sqlite_errorcode = 1
            raise lost  # noqa: B904 - the context is what is tested
    except sqlite3.OperationalError as exc:
        assert classify(exc) is StorageProblem.IO


CHILD = r"""
import sys
from archive_desk.db.engine import Database
from archive_desk.errors import StorageError
from archive_desk.i18n import set_language
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
set_language("en")
db = Database.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
try:
    with db.write() as s:
        for i in range(300):
            catalogue.create_fonds(s, Actor("clerk", "ws"), f"F{i:03d}", "全宗" * 50)
except StorageError as exc:
    print("StorageError:", exc, flush=True)
    sys.exit(2)
print("saved", flush=True)
"""


@pytest.mark.skipif(shutil.which("fiu-run") is None or sys.platform != "linux", reason="libfiu (Debian fiu-utils) injects the fault")
@pytest.mark.parametrize(("point", "words"), [("posix/io/rw/pwrite", "failed to read or write"),
                                              ("posix/io/sync/fdatasync", "failed to read or write")])
def test_io_error_injected_into_a_real_process(db_path: Path, db: Database, point: str, words: str) -> None:
    _write_fonds(db, "Z001")
    proc = subprocess.Popen(["fiu-run", "-x", "-f", str(db_path.parent / "fiu"), sys.executable, "-c", CHILD, str(db_path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        subprocess.run(["fiu-ctrl", "-f", str(db_path.parent / "fiu"), "-c", f"enable name={point}", str(proc.pid)], check=True)
        proc.stdin.write("\n")
        proc.stdin.flush()
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 2, err
    # libfiu fails the call with an errno of its choosing: ENOSPC is a full disk, the others an I/O error; each its message
    assert (words in out or "is full" in out) and "Traceback" not in err, out
    # what was committed before is there, nothing of the failed write is, and the file is sound
    assert _fonds_codes(db) == ["Z001"]
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _fonds_codes(db: Database) -> list[str]:
    with db.read() as s:
        return [r[0] for r in s.execute(text("SELECT code FROM fonds ORDER BY code"))]


def _coded(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(("code", "message", "words"), [
    (5, "something unusual", "another workstation is saving"),  # SQLITE_BUSY, whatever the wording
    (14, "something unusual", "cannot be opened"),  # SQLITE_CANTOPEN
    (266, "something unusual", "failed to read or write"),  # SQLITE_IOERR_READ
])
def test_opening_tells_a_busy_or_unreadable_file_by_its_code(db_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch,
                                                             code: int, message: str, words: str) -> None:
    from archive_desk.db import migrate

    db.dispose()

    def failing_connect(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise _coded(code, message)

    monkeypatch.setattr(migrate.sqlite3, "connect", failing_connect)
    with pytest.raises(StorageError, match=words):
        open_catalogue(db_path)


def test_opening_a_damaged_file_is_refused_as_damaged_even_when_the_words_say_locked(
        db_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.db import migrate
    from archive_desk.errors import CatalogueFileError

    db.dispose()

    def failing_connect(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise _coded(11, "database is locked")  # SQLITE_CORRUPT: the code decides, not the words

    monkeypatch.setattr(migrate.sqlite3, "connect", failing_connect)
    with pytest.raises(CatalogueFileError) as refused:
        open_catalogue(db_path)
    assert not isinstance(refused.value, StorageError)


def test_the_check_tells_a_full_disk_by_its_code(db_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.services import integrity

    db.dispose()

    def failing_connect(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise _coded(13, "something unusual")  # SQLITE_FULL

    monkeypatch.setattr(integrity.sqlite3, "connect", failing_connect)
    report = integrity.check_catalogue(db_path)
    assert any("is full" in line for line in report.could_not_check), report.could_not_check
