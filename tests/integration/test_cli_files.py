"""The command line as a person meets it: help for every command, pipes, ``demo`` and existing files,
and the exit codes of the README's table."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_desk import cli
from archive_desk.commands import core
from archive_desk.services.demo import build_demo


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": f"{lang}.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env,
                          check=False, timeout=300)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_parsers(parser: argparse.ArgumentParser, trail: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [trail]
    for action in parser._actions:  # noqa: SLF001 - the only way to walk argparse's tree
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                found += all_parsers(sub, (*trail, name))
    return found


def test_every_command_has_working_help(capsys: pytest.CaptureFixture[str]) -> None:
    commands = all_parsers(cli.build_parser())
    assert ("shelves", "overview") in commands and len(commands) > 10
    for trail in commands:
        with pytest.raises(SystemExit) as done:
            cli.main([*trail, "--help"])
        assert done.value.code == 0, trail
        out = capsys.readouterr().out
        assert out.startswith("usage: archive-desk"), trail


def test_shelves_help_shows_the_percent_sign() -> None:
    result = run("shelves", "--help")
    assert result.returncode == 0, result.stderr
    assert "fill %" in result.stdout and "%%" not in result.stdout
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, 300, seed=4)
    return path


def test_search_piped_into_head_ends_quietly(demo: Path) -> None:
    env = {**os.environ, "LANG": "en.UTF-8"}
    proc = subprocess.Popen([sys.executable, "-m", "archive_desk", "search", "--db", str(demo), "理赔", "--limit", "300"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head -0`: the reader is gone before the first hit is printed
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 1  # done in part: the reader did not take everything
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_search_without_hits_is_done_not_failed(demo: Path) -> None:
    result = run("search", "--db", str(demo), "没有这样的案卷ZZZQ")
    assert result.returncode == 0
    assert "No volume matches" in result.stdout


def test_demo_refuses_an_existing_catalogue_without_force(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "room.sqlite"
    target.write_bytes(demo.read_bytes())
    before = digest(target)
    result = run("demo", "--out", str(target), "--volumes", "50")
    assert result.returncode == 2
    assert str(target) in result.stderr and "--force" in result.stderr
    assert digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.sqlite"]


def test_demo_with_force_replaces_it_and_counts_volumes_and_index_rows_apart(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "room.sqlite"
    target.write_bytes(demo.read_bytes())
    result = run("demo", "--out", str(target), "--volumes", "50", "--force")
    assert result.returncode == 0, result.stderr
    with contextlib.closing(sqlite3.connect(target)) as conn:
        assert conn.execute("SELECT count(*) FROM volumes").fetchone()[0] == 50
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    progress = result.stderr.splitlines()
    assert "50 of 50 volumes" in progress
    # the search index counts volumes and items together: never shown as "volumes"
    assert f"search index: {50 + items} of {50 + items} volumes and items" in progress
    assert not any(line.endswith(" volumes") and not line.startswith("50 of 50") for line in progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.sqlite"]


def test_demo_never_replaces_a_catalogue_another_program_has_open(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "room.sqlite"
    target.write_bytes(demo.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from archive_desk.db.engine import Database\n"
         "from sqlalchemy import text\n"
         f"db = Database.open({str(target)!r})\n"
         "with db.read() as s:\n"
         "    s.execute(text('SELECT count(*) FROM volumes')).all()\n"
         "print('open', flush=True)\n"
         "sys.stdin.read()\n"
         "db.dispose()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = digest(target)
        result = run("demo", "--out", str(target), "--volumes", "50", "--force")
        assert result.returncode == 2
        assert "open in another program" in result.stderr
        assert digest(target) == before
        assert Path(f"{target}-wal").exists()  # the session's own files were left alone
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.sqlite"]


def test_a_failed_demo_build_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from archive_desk.services import demo as demo_service

    def fail_midway(conn, rng, n, actor, progress):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo_service, "EXTENSIONS", [fail_midway])
    monkeypatch.setattr(demo_service, "EXTENSION_MODULES", ())
    target = tmp_path / "room.sqlite"
    assert cli.main(["demo", "--out", str(target), "--volumes", "20"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_file_in_use_sees_an_open_connection_and_not_a_closed_one(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "room.sqlite"
    target.write_bytes(demo.read_bytes())
    assert not core.file_in_use(target)
    with contextlib.closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("SELECT count(*) FROM volumes").fetchone()
        assert core.file_in_use(target)
    assert not core.file_in_use(target)


def test_labels_with_some_unknown_codes_are_done_in_part(demo: Path, tmp_path: Path) -> None:
    with contextlib.closing(sqlite3.connect(demo)) as conn:
        code = conn.execute("SELECT code FROM volumes ORDER BY id LIMIT 1").fetchone()[0]
    out = tmp_path / "labels.pdf"
    result = run("labels", "--db", str(demo), "--codes", code, "NO-SUCH-CODE", "-o", str(out))
    assert result.returncode == 1, result.stderr  # done in part: one label printed, one code refused
    assert out.exists() and "NO-SUCH-CODE" in result.stderr
