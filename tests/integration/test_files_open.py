"""Opening a catalogue file: only a missing path creates one; anything else that is not a catalogue is
refused with one message naming the file, and nothing is written to it. Damaged files, read-only media."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_desk.db.migrate import newest_verified_backup, quick_check
from archive_desk.errors import CatalogueFileError, ReadOnlyCatalogueError
from archive_desk.services import catalogue, search
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo
from archive_desk.services.setup import open_catalogue


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": f"{lang}.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env,
                          check=False, timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, 300, seed=11)
    return path


def broken_files(tmp_path: Path, demo: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.sqlite",
        "text": tmp_path / "notes.sqlite",
        "truncated": tmp_path / "truncated.sqlite",
        "truncated-on-a-page": tmp_path / "short.sqlite",
        "bad header": tmp_path / "header.sqlite",
    }
    files["empty"].write_bytes(b"")
    files["text"].write_text("档号,题名\nZ109-LP·2019-D30-0001,张伟理赔案卷\n", encoding="utf-8")
    data = demo.read_bytes()
    files["truncated"].write_bytes(data[:50_000])
    files["truncated-on-a-page"].write_bytes(data[: 40 * 4096])
    files["bad header"].write_bytes(b"SQLite format 3\x00" + b"\xff" * 84 + data[100:8192])
    return files


@pytest.mark.parametrize("kind", ["empty", "text", "truncated", "truncated-on-a-page", "bad header"])
def test_a_file_that_is_not_a_catalogue_is_refused_by_name_and_left_alone(kind: str, tmp_path: Path, demo: Path) -> None:
    path = broken_files(tmp_path, demo)[kind]
    before = digest(path)
    result = run("search", "--db", str(path), "理赔")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr
    assert "Nothing was written to it" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one clear message
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


def test_the_message_is_in_chinese_too(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    result = run("search", "--db", str(path), "理赔", lang="zh_CN")
    assert result.returncode == 2
    assert "不是档案室桌面管理的目录库" in result.stderr and "0 字节" in result.stderr
    assert path.stat().st_size == 0


def test_only_a_missing_path_creates_a_catalogue(tmp_path: Path) -> None:
    new = tmp_path / "sub" / "new.sqlite"
    db = open_catalogue(new)
    db.dispose()
    assert new.stat().st_size > 0
    other = tmp_path / "other-program.sqlite"  # an SQLite file of some other program
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
        conn.commit()
    before = digest(other)
    with pytest.raises(CatalogueFileError, match="不是档案室桌面管理的目录库") as caught:
        open_catalogue(other)
    assert caught.value.path == other
    assert digest(other) == before


def corrupt(path: Path) -> None:
    """Overwrite a few pages in the middle (a failing disk): the header and schema still read."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_volumes_code'").fetchone()
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for page in (root[0] if root else size // page_size // 2, size // page_size // 2):
            fh.seek((page - 1) * page_size)
            fh.write(b"\x0d\x00\x00\xff" + os.urandom(page_size - 4))


def test_a_damaged_catalogue_is_refused_before_anything_writes_and_the_newest_verified_backup_is_offered(
        tmp_path: Path, demo: Path) -> None:
    path = tmp_path / "room.sqlite"
    shutil.copy(demo, path)
    backups = tmp_path / "backups"
    backups.mkdir()
    older, newer, broken = backups / "room-20261201.sqlite", backups / "room-20261205.sqlite", backups / "room-20261206.sqlite"
    shutil.copy(demo, older)
    shutil.copy(demo, newer)
    broken.write_bytes(b"half a file")  # the newest is not a catalogue: not offered
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_700_100_000, 1_700_100_000))
    os.utime(broken, (1_700_200_000, 1_700_200_000))
    corrupt(path)
    assert quick_check(path)
    before = digest(path)
    with pytest.raises(CatalogueFileError) as caught:
        open_catalogue(path)
    assert caught.value.backup == newer
    assert str(path) in str(caught.value) and str(newer) in str(caught.value)
    assert digest(path) == before
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # SQLite's read-only look may leave an empty log, no more
    result = run("search", "--db", str(path), "理赔")
    assert result.returncode == 2 and "damaged" in result.stderr and str(newer) in result.stderr
    assert digest(path) == before
    (tmp_path / "other").mkdir()
    assert newest_verified_backup(tmp_path / "other" / "room.sqlite") is None


@contextlib.contextmanager
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (a tmpfs remounted read-only), like a CD or a write-protected stick."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a read-only file system needs root")
    mnt = tmp_path / "media"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_catalogue_on_read_only_media_opens_read_only_for_search_and_refuses_to_save(
        tmp_path: Path, demo: Path) -> None:
    with read_only_mount(tmp_path) as media:
        path = media / "archive.sqlite"
        shutil.copy(demo, path)
        subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
        with pytest.raises(OSError):
            (media / "probe").write_bytes(b"")
        db = open_catalogue(path)
        try:
            assert db.read_only
            with db.read() as s:
                hits = search.search(s, "理赔", limit=5)
            assert hits
            with pytest.raises(ReadOnlyCatalogueError, match="只读") as caught:
                with db.write() as s:
                    catalogue.create_fonds(s, Actor(user="clerk1", workstation="ws"), "X001", "某单位")
            assert "保存已关闭" in str(caught.value)
        finally:
            db.dispose()
        result = run("search", "--db", str(path), "理赔", "--limit", "3")
        assert result.returncode == 0, result.stderr
        assert "理赔" in result.stdout
        assert sorted(p.name for p in media.iterdir()) == ["archive.sqlite"]  # no -wal / -shm could be made


def test_opening_read_only_on_purpose_writes_nothing(tmp_path: Path, demo: Path) -> None:
    path = tmp_path / "copy.sqlite"
    shutil.copy(demo, path)
    before = digest(path)
    db = open_catalogue(path, read_only=True)
    try:
        with db.read() as s:
            assert search.search(s, "病案", limit=3) is not None
        with pytest.raises(ReadOnlyCatalogueError):
            with db.write():
                pass
    finally:
        db.dispose()
    assert digest(path) == before


def test_a_backup_that_failed_verification_is_never_offered(tmp_path: Path, demo: Path) -> None:
    """Backups the backup service marked as failed (``NAME.failed.sqlite``, or a manifest saying verified: false)
    are passed over even when they are newer and the file itself reads; the workstation's own backup folder counts."""
    from archive_desk.settings import Settings

    path = tmp_path / "room.sqlite"
    shutil.copy(demo, path)
    folder = tmp_path / "usb" / "archive-backups"  # the folder this workstation backs up to, not beside the file
    folder.mkdir(parents=True)
    good, failed_name, failed_manifest = (folder / "room-20261201.sqlite", folder / "room-20261205.failed.sqlite",
                                          folder / "room-20261206.sqlite")
    for f, when in ((good, 1_700_000_000), (failed_name, 1_700_100_000), (failed_manifest, 1_700_200_000)):
        shutil.copy(demo, f)
        os.utime(f, (when, when))
    (folder / "room-20261206.manifest.json").write_text('{"verified": false}', encoding="utf-8")
    (folder / "room-20261201.manifest.json").write_text('{"verified": true}', encoding="utf-8")
    other = folder / "other-20261207.sqlite"  # the newest, good, but another catalogue's backup in the same folder
    shutil.copy(demo, other)
    os.utime(other, (1_700_300_000, 1_700_300_000))
    (folder / "other-20261207.manifest.json").write_text('{"verified": true, "catalogue": "D:/档案/other.sqlite"}',
                                                          encoding="utf-8")
    settings = Settings.load()
    settings.backup_folder = str(folder)
    settings.save()
    try:
        assert newest_verified_backup(path) == good
    finally:
        settings.backup_folder = ""
        settings.save()


def test_a_catalogue_in_a_folder_named_with_a_hash_is_checked_where_it_is(tmp_path: Path, demo: Path) -> None:
    """A ``#`` in a folder name once cut the read-only URI: ``check`` looked at an empty file ``d `` it had just
    created and called the catalogue 'not an ArchiveDesk catalogue'."""
    folder = tmp_path / "档案 #1"
    folder.mkdir()
    path = folder / "room.sqlite"
    shutil.copy(demo, path)
    result = run("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["档案 #1"]  # no stray file beside the folder
