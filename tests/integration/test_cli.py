"""The archive-desk command, run as a user runs it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_desk import __version__


def run(*args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": f"{lang}.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env, check=False, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    result = run("demo", "--out", str(out), "--volumes", "3000", "--seed", "7")
    assert result.returncode == 0, result.stderr
    assert "3000 卷" in result.stdout
    return out


def test_version() -> None:
    result = run("--version")
    assert result.stdout.strip() == f"archive-desk {__version__}"


def test_help_is_bilingual() -> None:
    out = run("--help").stdout
    assert "生成演示目录库 / build a demo catalogue" in out


def test_demo_then_check_reports_ok(demo_db: Path) -> None:
    result = run("check", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "正常" in result.stdout


def test_demo_is_realistic_and_deterministic(demo_db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(demo_db)
    cats = dict(conn.execute("SELECT c.code, count(*) FROM volumes v JOIN categories c ON c.id = v.category_id GROUP BY c.code"))
    assert {"LP", "BL", "WS"} <= cats.keys() and sum(cats.values()) == 3000
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] > 3 * 3000
    assert conn.execute("SELECT count(*) FROM volumes WHERE layer_id IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM volumes WHERE title LIKE '%理赔案卷%'").fetchone()[0] > 1000
    insured = conn.execute("SELECT json_extract(custom, '$.insured') FROM volumes v JOIN categories c ON c.id = v.category_id"
                           " WHERE c.code = 'LP' LIMIT 1").fetchone()[0]
    assert insured
    first = conn.execute("SELECT code, title FROM volumes ORDER BY id LIMIT 50").fetchall()
    conn.close()
    again = tmp_path / "again.sqlite"
    assert run("demo", "--out", str(again), "--volumes", "3000", "--seed", "7").returncode == 0
    conn = sqlite3.connect(again)
    assert conn.execute("SELECT code, title FROM volumes ORDER BY id LIMIT 50").fetchall() == first
    conn.close()


def test_check_reports_a_tampered_audit_row_and_where(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tampered.sqlite"
    src = sqlite3.connect(demo_db)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("UPDATE audit_log SET user = 'someone-else' WHERE id = 1")
    dst.commit()
    dst.close()
    result = run("check", "--db", str(copy))
    assert result.returncode == 1
    assert "审计日志：第 1 条" in result.stderr


def test_check_on_a_missing_file_says_so() -> None:
    result = run("check", "--db", "/nonexistent/nowhere.sqlite")
    assert result.returncode == 2
    assert "不存在" in result.stderr


def test_check_on_a_broken_file_fails(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    result = run("check", "--db", str(junk), lang="en")
    assert result.returncode == 2  # could not check
    assert "not a readable catalogue" in result.stderr
