"""Backup file names and the read-only URIs they are opened by (a network share, Chinese, '#' and '?' in names)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path, PureWindowsPath

from archive_desk.services import backup


def test_uri_forms() -> None:
    assert backup.sqlite_uri("/home/a/备份/x#1?.sqlite", "ro") == "file:///home/a/%E5%A4%87%E4%BB%BD/x%231%3F.sqlite?mode=ro"
    assert backup.sqlite_uri(PureWindowsPath(r"C:\档案\b.sqlite").as_posix(), "ro") == "file:///C:/%E6%A1%A3%E6%A1%88/b.sqlite?mode=ro"
    # a Windows share keeps its two leading slashes after an empty authority
    assert backup.sqlite_uri(PureWindowsPath(r"\\nas\backups\b.sqlite").as_posix(), "ro") == "file:////nas/backups/b.sqlite?mode=ro"


def test_a_file_with_awkward_characters_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "档案 #1 ?.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    with contextlib.closing(sqlite3.connect(backup._ro_uri(path), uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
        try:
            conn.execute("INSERT INTO t VALUES (1)")
        except sqlite3.OperationalError as exc:
            assert "readonly" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("a backup is opened read-only")
