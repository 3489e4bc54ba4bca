"""Backups (issue #18): written online while others write, verified, registered; restore equal by digests;
a drill switches nothing; the rotation keeps the right files; a damaged backup is caught."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.services import audit, backup, digest
from archive_desk.services.demo import build_demo
from archive_desk.services.setup import open_catalogue

#: backups copy the catalogue file with SQLite's online backup API (server backups are a later issue; on a URL
#: the backup command refuses, tests/integration/test_server.py)
pytestmark = pytest.mark.sqlite_only(reason="SQLite's online-API backup of the catalogue file")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, 400)
    return path


@pytest.fixture
def live(demo_file: Path, tmp_path: Path):
    path = tmp_path / "room" / "catalogue.sqlite"
    path.parent.mkdir()
    backup.copy_sqlite_file(demo_file, path)
    database = open_catalogue(path)
    yield database
    database.dispose()


def _zero_middle(path: Path, size: int = 4096) -> None:
    total = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(total // 2)
        fh.write(b"\0" * size)


def _audit_rows(path: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id, action, hash FROM audit_log ORDER BY id").fetchall()


def test_backup_is_written_verified_and_registered(live: Database, tmp_path: Path, actor: audit.Actor) -> None:
    m = backup.make_backup(live, tmp_path / "usb", actor=actor)
    assert m.verified and m.problems == ()
    assert m.path.exists() and m.manifest_path.exists()
    assert m.account == "clerk1" and m.workstation == "ws-test-1"
    assert m.tables["volumes"].count == 400
    # the manifest on disk carries what an outside anchor needs: chain head = the trail's last entry
    raw = json.loads(m.manifest_path.read_text(encoding="utf-8"))
    last_id, _action, last_hash = _audit_rows(m.path)[-1]
    assert raw["chain_head"] == {"id": last_id, "hash": last_hash}
    assert raw["verified"] is True and raw["size"] == m.path.stat().st_size and len(raw["sha256"]) == 64
    # the register row and its audit entry
    rows = backup.register_rows(live)
    assert [(r.file_name, r.verified, r.user) for r in rows] == [(m.path.name, True, "clerk1")]
    assert _audit_rows(live.path)[-1][1] == "backup"
    # nothing half-written is left in the folder
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == sorted([m.path.name, m.manifest_path.name])


def test_backup_while_another_connection_writes(live: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)  # many small steps: the writer commits between them
    stop = threading.Event()
    written: list[int] = []
    copying = threading.Event()

    def writer() -> None:
        with contextlib.closing(sqlite3.connect(live.path, timeout=10)) as conn:
            i = 0
            while not stop.is_set():
                conn.execute("INSERT INTO catalogue_settings (key, value) VALUES (?, '1')", (f"writer-{i}",))
                conn.commit()
                if copying.is_set():
                    written.append(i)
                i += 1

    before = backup.catalogue_digests(live.path)["catalogue_settings"].count

    def progress(done: int, total: int) -> None:
        copying.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        m = backup.make_backup(live, tmp_path / "out", progress=progress)
    finally:
        stop.set()
        thread.join()
    after = backup.catalogue_digests(live.path)["catalogue_settings"].count
    assert written, "the other connection kept committing while the backup was copied"
    assert m.verified, m.problems
    assert before <= m.tables["catalogue_settings"].count < after  # one consistent moment in between
    assert backup.verify_backup(m.path).ok


def test_verify_catches_4_kib_zeroed_in_the_middle(live: Database, tmp_path: Path) -> None:
    m = backup.make_backup(live, tmp_path / "out")
    assert backup.verify_backup(m.path).ok
    _zero_middle(m.path)
    result = backup.verify_backup(m.path)
    assert not result.ok
    assert any("SHA-256" in p for p in result.problems)
    # without its manifest the file's own checks still find the damage
    m.manifest_path.unlink()
    alone = backup.verify_backup(m.path)
    assert not alone.ok and alone.problems


def test_backup_restore_check_gives_an_equal_catalogue(live: Database, tmp_path: Path, actor: audit.Actor) -> None:
    original = backup.catalogue_digests(live.path)
    original_trail = _audit_rows(live.path)
    m = backup.make_backup(live, tmp_path / "out")
    target = tmp_path / "restored" / "catalogue.sqlite"
    result = backup.restore(m.path, target, actor=actor)
    assert result.safety_copy is None
    restored = backup.catalogue_digests(target)
    # equal by counts and digests, table by table; the trail has one entry more: the restore itself
    assert digest.compare(original, restored, ignore=digest.TRAIL_TABLES) == []
    trail = _audit_rows(target)
    assert trail[:-1] == original_trail and trail[-1][1] == "restore" and trail[-1][0] == result.audit_entry_id
    reopened = Database.open(target)
    try:
        with reopened.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        reopened.dispose()
    with contextlib.closing(sqlite3.connect(target)) as conn:
        after = json.loads(conn.execute("SELECT after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0])
        user = conn.execute("SELECT user FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert after["from_backup"] == str(m.path) and after["sha256"] == m.sha256 and user == "clerk1" + audit.UNAUTHENTICATED


def test_restore_over_the_catalogue_keeps_a_safety_copy(live: Database, tmp_path: Path) -> None:
    m = backup.make_backup(live, tmp_path / "out")
    with contextlib.closing(sqlite3.connect(live.path)) as conn:  # a change after the backup: the restore takes it back
        conn.execute("INSERT INTO catalogue_settings (key, value) VALUES ('after-the-backup', '1')")
        conn.commit()
    current = backup.catalogue_digests(live.path)
    path = live.path
    live.dispose()  # the GUI closes its connections before switching
    result = backup.restore(m.path, path)
    assert result.safety_copy is not None and result.safety_copy.name.startswith("catalogue.before-restore-")
    assert backup.catalogue_digests(result.safety_copy) == current
    restored = backup.catalogue_digests(path)
    # the trail: the backup's, then the register rows carried over from the replaced catalogue, then the restore
    assert restored["audit_log"].count == m.tables["audit_log"].count + 2
    assert [a for _i, a, _h in _audit_rows(path)][-2:] == ["backup_register_carried_over", "restore"]
    assert restored["catalogue_settings"] == m.tables["catalogue_settings"]
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_a_damaged_backup_is_not_restored(live: Database, tmp_path: Path) -> None:
    m = backup.make_backup(live, tmp_path / "out")
    _zero_middle(m.path)
    target = tmp_path / "restored.sqlite"
    with pytest.raises(UserError):
        backup.restore(m.path, target)
    assert not target.exists()
    assert list(tmp_path.glob("*.restoring-*")) == []


def test_drill_restores_to_scratch_and_switches_nothing(live: Database, tmp_path: Path) -> None:
    m = backup.make_backup(live, tmp_path / "out")
    before = backup.catalogue_digests(live.path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    result = backup.drill(m.path, live=live, scratch=scratch)
    assert result.ok and result.problems == ()
    assert result.tables == m.tables
    assert list(scratch.iterdir()) == []  # the scratch copy is gone
    after = backup.catalogue_digests(live.path)
    assert digest.compare(before, after, ignore=digest.TRAIL_TABLES) == []
    assert _audit_rows(live.path)[-1][1] == "restore_drill"
    assert result.since_backup["audit_log"][1] > result.since_backup["audit_log"][0]


def test_drill_reports_a_damaged_backup(live: Database, tmp_path: Path) -> None:
    m = backup.make_backup(live, tmp_path / "out")
    _zero_middle(m.path)
    result = backup.drill(m.path)
    assert not result.ok and result.problems


class _CorruptingCopy(backup.SqliteOnlineCopy):
    def copy(self, db, target, progress, should_cancel):
        super().copy(db, target, progress, should_cancel)
        _zero_middle(target, 8192)


def test_a_backup_that_fails_verification_is_not_kept_as_good(live: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    m = backup.make_backup(live, folder, copier=_CorruptingCopy())
    assert not m.verified and m.problems
    assert ".failed" in m.path.name and m.path.exists()
    assert backup.list_backups(folder, include_failed=False) == []
    assert [b.verified for b in backup.list_backups(folder)] == [False]
    assert [(r.verified, bool(r.problems)) for r in backup.register_rows(live)] == [(False, True)]
    assert _audit_rows(live.path)[-1][1] == "backup_failed"
    assert not backup.verify_backup(m.path).ok


def test_rotation_plan_keeps_days_weeks_and_months() -> None:
    start = datetime(2025, 1, 1, 8)
    backups = [(Path(f"b{i:04}"), start + timedelta(hours=12 * i)) for i in range(2 * 400)]  # two a day for 400 days
    keep, remove = backup.plan_rotation(backups, backup.Rotation(daily=7, weekly=4, monthly=12))
    kept = {p: at for p, at in backups if p in keep}
    newest = max(at for _, at in backups)
    assert backups[-1][0] in keep
    days = {at.date() for at in kept.values()}
    # the last 7 days, one (the newest) each
    for d in range(7):
        assert (newest - timedelta(days=d)).date() in days
    assert all(at.hour == 20 for at in kept.values())  # always the newest of its day
    assert len({at.isocalendar()[:2] for at in kept.values()}) >= 4
    assert len({(at.year, at.month) for at in kept.values()}) == 12
    assert len(keep) <= 7 + 4 + 12 and len(keep) + len(remove) == len(backups)
    oldest_kept = min(kept.values())
    assert oldest_kept > newest - timedelta(days=366)


def test_rotate_removes_files_and_marks_the_register(live: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    now = datetime.now(UTC)
    made = [backup.make_backup(live, folder, now=now - timedelta(days=d)) for d in (3, 2, 1, 0)]
    result = backup.rotate(live, folder, backup.Rotation(daily=2, weekly=0, monthly=0))
    assert set(result.kept) == {made[2].path, made[3].path}
    assert set(result.removed) == {made[0].path, made[1].path}
    assert not made[0].path.exists() and not made[0].manifest_path.exists()
    rows = {r.file_name: r for r in backup.register_rows(live)}
    assert rows[made[0].file_name].removed_at is not None and rows[made[3].file_name].removed_at is None
    assert _audit_rows(live.path)[-1][1] == "backup_rotated_out"


def test_rotation_keeps_the_newer_of_two_backups_in_one_second(live: Database, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    now = datetime.now(UTC).replace(microsecond=100)
    first = backup.make_backup(live, folder, now=now, kind="auto")
    second = backup.make_backup(live, folder, now=now + timedelta(microseconds=500), kind="exit")
    assert second.path.name.endswith("-2.sqlite")  # the same second: a second name
    result = backup.rotate(live, folder, backup.Rotation(daily=1, weekly=0, monthly=0))
    assert result.kept == (second.path,) and result.removed == (first.path,)


def test_a_cancelled_backup_leaves_nothing(live: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 4)
    folder = tmp_path / "out"
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(backup.BackupCancelled):
        backup.make_backup(live, folder, should_cancel=cancel)
    assert list(folder.iterdir()) == []
    assert backup.register_rows(live) == []


def test_a_folder_that_cannot_be_made_is_a_plain_storage_error(live: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as err:
        backup.make_backup(live, blocker / "backups")
    assert str(blocker) in str(err.value)
    assert backup.register_rows(live) == []


def test_changed_since_last_backup(live: Database, tmp_path: Path, actor: audit.Actor) -> None:
    assert backup.changed_since_last_backup(live)  # no backup yet
    backup.make_backup(live, tmp_path / "out")
    assert not backup.changed_since_last_backup(live)
    backup.drill(backup.list_backups(tmp_path / "out")[0].path, live=live)
    assert not backup.changed_since_last_backup(live)  # a drill changes nothing worth a new backup
    with live.write() as s:
        audit.record(s, actor, "update", "volume", 1, {"pages": 1}, {"pages": 2})
    assert backup.changed_since_last_backup(live)


def test_rotation_clears_what_a_killed_backup_left_a_day_ago(live: Database, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "out"
    folder.mkdir()
    old, fresh = folder / ".catalogue-20261201-080000.partial.sqlite", folder / ".catalogue-20261207-080000.partial.sqlite"
    for p in (old, fresh):
        p.write_bytes(b"half a backup")
    day_ago = datetime.now().timestamp() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    backup.make_backup(live, folder)
    backup.rotate(live, folder, backup.Rotation())
    assert not old.exists() and fresh.exists()  # a fresh one may be another workstation's backup in progress


def test_restore_over_the_catalogue_carries_its_backup_register_over(live: Database, tmp_path: Path) -> None:
    first = backup.make_backup(live, tmp_path / "out")
    second = backup.make_backup(live, tmp_path / "out")
    path = live.path
    live.dispose()
    backup.restore(first.path, path)
    restored = Database.open(path)
    try:
        # the first backup's file was taken before its own register row: both rows come from the replaced catalogue
        assert [(r.file_name, r.sha256) for r in backup.register_rows(restored)] == [
            (second.file_name, second.sha256), (first.file_name, first.sha256)]
        with restored.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        restored.dispose()
    actions = [a for _id, a, _h in _audit_rows(path)]
    assert actions[-2:] == ["backup_register_carried_over", "restore"]
