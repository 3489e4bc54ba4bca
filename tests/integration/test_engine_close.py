"""Every connection to the catalogue file is closed, also the one a background search still holds when the
window closes (otherwise the file stays open until the garbage collector runs; Python 3.13 warns)."""

from __future__ import annotations

import gc
import threading
import warnings
from pathlib import Path

from sqlalchemy import text

from archive_desk.db.engine import Database
from archive_desk.services.setup import open_catalogue


def test_a_connection_in_use_at_dispose_is_closed_when_it_comes_back(db_path: Path) -> None:
    db = open_catalogue(db_path)
    started, release = threading.Event(), threading.Event()

    def search() -> None:
        with db.read() as s:  # noqa: F821 - the closure runs before the del below
            s.execute(text("SELECT count(*) FROM volumes")).all()
            started.set()
            release.wait(30)

    worker = threading.Thread(target=search)
    worker.start()
    assert started.wait(30)
    db.dispose()  # the window closes while the search runs
    release.set()
    worker.join(30)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del db
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert not Path(f"{db_path}-wal").exists()  # the last connection closed: SQLite removed its log


def test_a_database_dropped_without_dispose_closes_its_file(db_path: Path) -> None:
    open_catalogue(db_path).dispose()
    db = Database.open(db_path)
    with db.read() as s:
        s.execute(text("SELECT 1")).all()
    assert Path(f"{db_path}-wal").exists()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del db
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert not Path(f"{db_path}-wal").exists()
