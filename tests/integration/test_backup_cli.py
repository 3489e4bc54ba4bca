"""``archive-desk backup``, ``backup verify``, ``backup list``, ``restore``: run as a user runs them, with
their exit codes (0 done; 1 done in part / problems found; 2 nothing done)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_desk.services import backup, digest
from archive_desk.services.demo import build_demo
from conftest import workstation_config


def run(*args: str, home: Path, lang: str = "zh_CN", user: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": f"{lang}.UTF-8", "ARCHIVE_DESK_CONFIG_DIR": str(workstation_config(home / "config")),
           "ARCHIVE_DESK_DATA_DIR": str(home / "data")}
    if user is not None:  # the demo's accounts (password "demo"): restores are the system administrator's
        env["ARCHIVE_DESK_USER"] = user
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env,
                          check=False, timeout=300)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, 300)
    return path


@pytest.fixture
def catalogue(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "room" / "catalogue.sqlite"
    path.parent.mkdir()
    backup.copy_sqlite_file(demo_file, path)
    return path


def _only_backup(folder: Path) -> Path:
    files = sorted(folder.glob("*.sqlite"))
    assert len(files) == 1, files
    return files[0]


def test_backup_verify_list_restore_round(catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    made = run("--db", str(catalogue), "backup", "--to", str(folder), home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "已校验" in made.stdout
    file = _only_backup(folder)

    verified = run("backup", "verify", str(file), home=tmp_path)
    assert verified.returncode == 0, verified.stderr

    listed = run("--db", str(catalogue), "backup", "list", "--json", home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["path"], r["verified"], r["state"]) for r in rows] == [(str(file), True, "good")]

    in_folder = run("backup", "list", "--folder", str(folder), "--json", home=tmp_path)  # no catalogue needed
    assert in_folder.returncode == 0, in_folder.stderr
    [entry] = json.loads(in_folder.stdout)
    assert entry["path"] == str(file) and entry["verified"] is True and entry["chain_head"]["id"] is not None

    target = tmp_path / "restored.sqlite"
    restored = run("restore", str(file), "--to", str(target), home=tmp_path)
    assert restored.returncode == 0, restored.stderr
    original, copy = backup.catalogue_digests(catalogue), backup.catalogue_digests(target)
    # equal but for the register row and audit entry the backup itself wrote in the original afterwards
    assert digest.compare(original, copy, ignore=digest.TRAIL_TABLES | {"backup_register"}) == []
    checked = run("--db", str(target), "check", home=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_backup_defaults_to_a_folder_beside_the_catalogue(catalogue: Path, tmp_path: Path) -> None:
    made = run("--db", str(catalogue), "backup", home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert _only_backup(catalogue.parent / "backups").exists()


def test_verify_a_damaged_backup_exits_1(catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    assert run("--db", str(catalogue), "backup", "--to", str(folder), home=tmp_path).returncode == 0
    file = _only_backup(folder)
    size = file.stat().st_size
    with open(file, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\0" * 4096)
    result = run("backup", "verify", str(file), home=tmp_path)
    assert result.returncode == 1
    assert "SHA-256" in result.stderr
    # and it is not restored: nothing done
    target = tmp_path / "restored.sqlite"
    refused = run("restore", str(file), "--to", str(target), home=tmp_path)
    assert refused.returncode == 2 and not target.exists()
    drill = run("restore", str(file), "--drill", home=tmp_path)
    assert drill.returncode == 1


def test_missing_files_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite"
    assert run("backup", "verify", str(missing), home=tmp_path).returncode == 2
    assert run("--db", str(missing), "backup", "--to", str(tmp_path / "out"), home=tmp_path).returncode == 2
    assert not missing.exists()
    assert run("restore", str(missing), "--to", str(tmp_path / "x.sqlite"), home=tmp_path).returncode == 2


def test_restore_over_the_catalogue_keeps_a_safety_copy_and_drill_switches_nothing(catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    assert run("--db", str(catalogue), "backup", "--to", str(folder), home=tmp_path).returncode == 0
    file = _only_backup(folder)
    with contextlib.closing(sqlite3.connect(catalogue)) as conn:
        conn.execute("INSERT INTO catalogue_settings (key, value) VALUES ('after-the-backup', '1')")
        conn.commit()
    before = backup.catalogue_digests(catalogue)
    drill = run("--db", str(catalogue), "restore", str(file), "--drill", home=tmp_path, user="admin")
    assert drill.returncode == 0, drill.stderr
    after_drill = backup.catalogue_digests(catalogue)
    assert digest.compare(before, after_drill, ignore=digest.TRAIL_TABLES) == []

    result = run("--db", str(catalogue), "restore", str(file), "--to", str(catalogue), "--json", home=tmp_path, user="admin")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    safety = Path(out["safety_copy"])
    assert safety.exists() and backup.catalogue_digests(safety)["catalogue_settings"] == before["catalogue_settings"]
    with contextlib.closing(sqlite3.connect(catalogue)) as conn:
        assert conn.execute("SELECT count(*) FROM catalogue_settings WHERE key = 'after-the-backup'").fetchone()[0] == 0
        assert conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0] == "restore"


def test_register_export_and_print(catalogue: Path, tmp_path: Path) -> None:
    import openpyxl

    assert run("--db", str(catalogue), "backup", "--to", str(tmp_path / "usb"), home=tmp_path).returncode == 0
    xlsx, pdf = tmp_path / "备份登记.xlsx", tmp_path / "备份登记.pdf"
    listed = run("--db", str(catalogue), "backup", "list", "--xlsx", str(xlsx), "--pdf", str(pdf), home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    book = openpyxl.load_workbook(xlsx)
    try:
        ws = book.active
        assert ws.cell(1, 1).value == "备份登记"
        header = [ws.cell(4, c).value for c in range(1, 13)]
        assert "SHA-256" in header and "状态" in header
        sha = ws.cell(5, header.index("SHA-256") + 1).value
        assert sha == backup.list_backups(tmp_path / "usb")[0].sha256
        assert ws.cell(5, header.index("状态") + 1).value == "已校验"
    finally:
        book.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "备份登记" in text and "已校验" in text and "检查人" in text


def test_backup_rotate_uses_the_workstation_rotation(catalogue: Path, tmp_path: Path) -> None:
    from archive_desk.settings import Settings

    Settings(backup_folder=str(tmp_path / "nas"), backup_keep={"daily": 1, "weekly": 0, "monthly": 0}).save(
        tmp_path / "config" / "settings.json")
    for _ in range(2):
        made = run("--db", str(catalogue), "backup", "--rotate", home=tmp_path)
        assert made.returncode == 0, made.stderr
    assert len(list((tmp_path / "nas").glob("*.sqlite"))) == 1  # the day's newest; the register keeps both rows
    listed = json.loads(run("--db", str(catalogue), "backup", "list", "--json", home=tmp_path).stdout)
    assert [r["state"] for r in listed] == ["good", "removed"]


def test_a_backup_failing_verification_exits_1_and_says_so(catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from archive_desk import cli

    class Corrupting(backup.SqliteOnlineCopy):
        def copy(self, db, target, progress, should_cancel):
            super().copy(db, target, progress, should_cancel)
            with open(target, "r+b") as fh:
                fh.seek(target.stat().st_size // 2)
                fh.write(b"\0" * 4096)

    monkeypatch.setattr(backup, "_engine_for", lambda db: Corrupting())
    code = cli.main(["--lang", "zh_CN", "--db", str(catalogue), "backup", "--to", str(tmp_path / "usb")])
    err = capsys.readouterr().err
    assert code == 1
    assert "备份校验失败" in err and ".failed.sqlite" in err
    assert backup.list_backups(tmp_path / "usb", include_failed=False) == []


KILL_CHILD = r"""
import sys, time
from pathlib import Path
from archive_desk.services.setup import open_catalogue
from archive_desk.services import backup
backup.PAGES_PER_STEP = 1
db = open_catalogue(Path(sys.argv[1]))
def slow(done, total):
    if done == 10:
        print("copying", flush=True)
    time.sleep(0.002)
backup.make_backup(db, Path(sys.argv[2]), progress=slow)
"""


def test_a_backup_killed_mid_copy_leaves_nothing_that_looks_good(catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    env = {**os.environ, "ARCHIVE_DESK_CONFIG_DIR": str(workstation_config(tmp_path / "config")), "ARCHIVE_DESK_DATA_DIR": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(catalogue), str(folder)], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "copying"
        child.kill()
    finally:
        child.wait(timeout=60)
        if child.stdout is not None:
            child.stdout.close()
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".")] == []  # only the hidden partial, if any
    assert backup.list_backups(folder) == []
    with contextlib.closing(sqlite3.connect(catalogue)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    made = run("--db", str(catalogue), "backup", "--to", str(folder), home=tmp_path)  # the next one is fine
    assert made.returncode == 0, made.stderr
    assert len(backup.list_backups(folder)) == 1


def test_check_after_restoring_an_older_backup_on_this_workstation_is_clean(catalogue: Path, tmp_path: Path) -> None:
    """A restore puts an older trail back on purpose, and says so in it. This workstation's anchor of the trail's
    head must follow, or check would call the restored file an older copy put back (tampering)."""
    folder = tmp_path / "usb"
    assert run("--db", str(catalogue), "backup", "--to", str(folder), home=tmp_path).returncode == 0
    for name in ("第一档案室", "第二档案室", "第三档案室", "第四档案室", "第五档案室"):  # the anchor moves well past the backup
        changed = run("--db", str(catalogue), "room", "--name", name, home=tmp_path, user="admin")  # the particulars: the administrator's
        assert changed.returncode == 0, changed.stderr
    restored = run("--db", str(catalogue), "restore", str(_only_backup(folder)), "--to", str(catalogue), home=tmp_path,
                   user="admin")
    assert restored.returncode == 0, restored.stderr
    checked = run("--db", str(catalogue), "check", home=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # and the restored catalogue takes changes again
    assert run("--db", str(catalogue), "room", "--name", "第六档案室", home=tmp_path, user="admin").returncode == 0
    assert run("--db", str(catalogue), "check", home=tmp_path).returncode == 0
