"""Tamper evidence (issue #18 item 3): each tampering case of the issue, done on a copy of a catalogue exactly as
described (sqlite3 edits in the file; hashes recomputed with the app's own ``entry_hash``), makes ``check`` exit 1
with a message naming what was found; normal work and round one's catalogue pass."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from archive_desk import cli
from archive_desk.db import fts, sealing
from archive_desk.db.engine import Database
from archive_desk.errors import StorageError
from archive_desk.services import audit, catalogue, importer, integrity, labels, loans, locations, transfers
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

ROUND1 = Path(__file__).resolve().parents[1] / "data" / "catalogues" / "round1_0003.sqlite"
IMPORT = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"

pytestmark = pytest.mark.sqlite_only(reason="tamper evidence of the catalogue file: sqlite3 edits in the file, its seals, room key and anchors (on PostgreSQL the trail is guarded by grants and a trigger, tests/integration/test_server.py)")


def check(path: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["--lang", "en", "check", "--db", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def copy_of(db_path: Path, target: Path) -> Path:
    """A copy as a person takes one of a closed catalogue (the WAL is checkpointed into the file on close)."""
    with contextlib.closing(sqlite3.connect(db_path)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def edit(path: Path, *statements: str | tuple[str, tuple]) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        fts.register_functions(conn)  # the search index's triggers: whoever edits has the code too
        for statement in statements:
            if isinstance(statement, tuple):
                conn.execute(*statement)
            else:
                conn.execute(statement)
        conn.commit()


@pytest.fixture
def filled(db: Database, db_path: Path, actor: Actor, make_volume) -> Path:  # noqa: ANN001
    """A catalogue with 130 volumes (one transaction of 120, so the trail has more than 119 entries), items, and a
    few single changes, closed."""
    first = make_volume(title="王芳车险理赔案卷")
    with db.write() as s:
        for n in range(2):
            catalogue.add_item(s, actor, first.id, {"title": f"出险通知书{n}", "pages": 2})
    for _ in range(9):
        make_volume()
    with db.write() as s:
        cat = catalogue.get_category(s, code="LP").id
        fonds = catalogue.list_fonds(s)[0].id
        for _ in range(120):
            catalogue.create_volume(s, actor, {"fonds_id": fonds, "category_id": cat, "year": 2020, "retention": "D30",
                                               "title": "批量理赔案卷", "pages": 5})
    db.dispose()
    return db_path


def test_an_untouched_copy_passes(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = check(copy_of(filled, tmp_path / "copy.sqlite"), capsys=capsys)
    assert code == 0, text
    assert "OK" in text


@pytest.mark.parametrize("count", [1, 119])
def test_the_newest_entries_deleted(filled: Path, tmp_path: Path, count: int, capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        head = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    edit(copy, ("DELETE FROM audit_log WHERE id > ?", (head - count,)))
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert f"The audit trail ends at entry {head - count} but" in text
    assert f"saw entry {head}" in text and "newest entries were removed" in text


def test_the_whole_trail_deleted(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    edit(copy, "DELETE FROM audit_log")
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert "The audit trail ends at entry 0 but" in text


def test_an_entry_edited_and_every_hash_after_it_recomputed(filled: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE audit_log SET user = 'someone-else' WHERE id = 5")
        rows = conn.execute("SELECT id, at, user, workstation, action, entity, entity_id, before, after FROM audit_log"
                            " WHERE id >= 5 ORDER BY id").fetchall()
        prev = conn.execute("SELECT hash FROM audit_log WHERE id = 4").fetchone()[0]
        for entry_id, at, user, ws, action, entity, entity_id, before, after in rows:
            digest = audit.entry_hash(prev, datetime.fromisoformat(at), user, ws, action, entity, entity_id, before, after)
            conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry_id))
            prev = digest
        conn.commit()
    # the chain agrees with itself again: round one's check said OK here
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        assert not _chain_breaks(conn)
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert "entries do not match their seal (altered, or rewritten with recomputed hashes): 5, 6, 7" in text


def _chain_breaks(conn: sqlite3.Connection) -> list[int]:
    prev, broken = audit.GENESIS, []
    for entry_id, at, user, ws, action, entity, entity_id, before, after, prev_hash, digest in conn.execute(
            "SELECT id, at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id"):
        if prev_hash != prev or audit.entry_hash(prev_hash, datetime.fromisoformat(at), user, ws, action, entity,
                                                 entity_id, before, after) != digest:
            broken.append(entry_id)
        prev = digest
    return broken


@pytest.mark.parametrize(("column", "value", "shown"), [
    ("title", "被改过的题名", "title: 王芳车险理赔案卷 → 被改过的题名"),
    ("status", "destroyed", "status: in_stock → destroyed"),
    ("code", "Z109-LP·2019-D30-999", "→ Z109-LP·2019-D30-999"),
])
def test_a_volume_changed_in_the_file(filled: Path, tmp_path: Path, column: str, value: str, shown: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        vid, code = conn.execute("SELECT id, code FROM volumes WHERE title = '王芳车险理赔案卷'").fetchone()
    edit(copy, (f"UPDATE volumes SET {column} = ? WHERE id = ?", (value, vid)))  # noqa: S608
    code_, text = check(copy, capsys=capsys)
    assert code_ == 1
    assert f"volume {vid}" in text and "was changed outside ArchiveDesk" in text
    assert shown in text
    assert code in text or column == "code"


def test_a_volumes_items_deleted(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM items ORDER BY id")]
    assert len(ids) == 2
    edit(copy, "PRAGMA foreign_keys=OFF", "DELETE FROM items")
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert "the items table: 2 rows were deleted outside ArchiveDesk" in text
    assert f"item {ids[0]}" in text and "出险通知书0" in text


def test_rows_removed_together_with_their_seals(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    edit(copy, "DELETE FROM items", "DELETE FROM row_seal WHERE tbl = 'items'")
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert "the items table: the seals do not add up to the sealed totals" in text


def test_an_older_copy_put_back(db: Database, db_path: Path, actor: Actor, make_volume, tmp_path: Path,  # noqa: ANN001
                                capsys: pytest.CaptureFixture[str]) -> None:
    volume = make_volume()
    db.dispose()
    older = copy_of(db_path, tmp_path / "older.sqlite")
    db2 = open_catalogue(db_path)
    with db2.write() as s:
        catalogue.set_status(s, actor, volume.id, "destroyed", reason="鉴定销毁")
    db2.dispose()
    shutil.copyfile(older, db_path)  # the older file put back in its place
    code, text = check(db_path, capsys=capsys)
    assert code == 1
    assert "an older copy of the file was put back" in text


def test_the_wal_lost_after_a_crash(db: Database, db_path: Path, actor: Actor, make_volume, tmp_path: Path,  # noqa: ANN001
                                    capsys: pytest.CaptureFixture[str]) -> None:
    make_volume()
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file holds everything up to here
    make_volume()
    # the app still has the catalogue open: the last commit is only in the -wal file
    wal = Path(str(db_path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    crashed = tmp_path / "crashed.sqlite"
    shutil.copyfile(db_path, crashed)  # the file as found after the crash, without its WAL
    code, text = check(crashed, capsys=capsys)
    assert code == 1
    assert "lost its WAL" in text


def test_normal_work_lending_import_and_transfer_is_no_false_alarm(db: Database, db_path: Path, actor: Actor,
                                                                   make_volume, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    vols = [make_volume(year=2001, retention="Y") for _ in range(4)]
    result = importer.commit(db, actor, importer.plan(db, IMPORT), create_missing_fonds=True)  # the bulk path
    assert result.created == 114
    with db.write() as s:
        room = locations.create_room(s, actor, 1, name="一号库房")
        locations.create_rack(s, actor, room.id, 1, columns=2, sections=2, layers=3)
        layer = s.execute(sealing_sql("SELECT id FROM layers ORDER BY id LIMIT 1")).scalar_one()
        locations.place_volume(s, actor, vols[0].id, layer)
        catalogue.add_item(s, actor, vols[1].id, {"title": "查勘报告", "pages": 3})
    with db.write() as s:  # Core bulk updates, not the ORM
        labels.mark_printed(s, actor, [v.id for v in vols])
        locations.bulk_move(s, actor, [vols[1].id, vols[2].id], layer + 1)
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "card_no": "yg0001"})
        loans.lend(s, actor, borrower.id, [vols[1].id], "工作查考", "查阅", date.today() + timedelta(days=7))
    with db.write() as s:
        loans.return_volumes(s, actor, [loans.LineReturn(vols[1].id)])
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", nature="移交")
        transfers.add_volumes(s, actor, batch.id, [vols[2].id, vols[3].id])
        transfers.confirm_batch(s, actor, batch.id)
    db.dispose()
    code, text = check(db_path, capsys=capsys)
    assert code == 0, text
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM volumes").fetchone()[0] > 20  # the import was sealed too
        assert conn.execute("SELECT count(*) FROM audit_log WHERE mac IS NULL").fetchone()[0] == 0


def sealing_sql(sql: str):  # noqa: ANN201
    from sqlalchemy import text

    return text(sql)


def test_round_one_catalogue_passes_and_says_what_is_not_sealed(tmp_path: Path, actor: Actor,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "round1.sqlite"
    shutil.copyfile(ROUND1, path)
    code, text = check(path, capsys=capsys)
    assert code == 0, text
    assert "older schema and not sealed yet" in text
    db = open_catalogue(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        old_entries = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with db.write() as s:
        catalogue.create_fonds(s, actor, "J001", "某单位")
    db.dispose()
    code, text = check(path, capsys=capsys)
    assert code == 0, text
    assert f"{old_entries} audit entries were written before sealing began (not sealed before 20" in text


def test_a_zero_byte_file_could_not_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, text = check(empty, capsys=capsys)
    assert code == 2
    assert "is empty (0 bytes)" in text and "Traceback" not in text


def test_a_full_disk_is_named(filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    real_connect = sqlite3.connect

    def full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - what SQLite says when it cannot create the -shm
        conn = real_connect(*args, **kwargs)
        conn.close()
        exc = sqlite3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = sqlite3.SQLITE_FULL  # as SQLite raises it: classified by its code, not its words
        raise exc

    monkeypatch.setattr(integrity.sqlite3, "connect", full)
    code, text = check(copy, capsys=capsys)
    assert code == 2
    assert "is full" in text and "Free some space" in text


def test_a_workstation_without_the_key_cannot_write_until_it_is_entered(filled: Path, tmp_path: Path, actor: Actor,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.pdf"
    code, _text = check(filled, "--recovery-sheet", str(sheet), capsys=capsys)
    assert code == 0 and sheet.read_bytes().startswith(b"%PDF")
    import subprocess

    printed = subprocess.run(["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        cid = sealing.catalogue_id(conn)
    key = sealing.load_key(cid)
    assert sealing.format_key(key)[:39] in printed
    # a new PC: another config folder, no key
    monkeypatch.setenv("ARCHIVE_DESK_CONFIG_DIR", str(tmp_path / "new-pc"))
    sealing._KEYS.clear()
    db = open_catalogue(filled)
    with pytest.raises(StorageError, match="room key"), db.write() as s:
        catalogue.create_fonds(s, actor, "J002", "某单位")
    code, text = check(filled, capsys=capsys)
    assert code == 2 and "does not hold the room key" in text
    line = next(ln for ln in printed.splitlines() if sealing.format_key(key)[:9] in ln).strip()
    second = next(ln for ln in printed.splitlines() if sealing.format_key(key)[40:49] in ln).strip()
    code, text = check(filled, "--import-key", f"{line} {second}", capsys=capsys)
    assert code == 0, text
    with db.write() as s:
        catalogue.create_fonds(s, actor, "J002", "某单位")
    db.dispose()
    code, text = check(filled, capsys=capsys)
    assert code == 0, text


def test_a_wrong_key_is_refused(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = check(filled, "--import-key", "00" * 32, capsys=capsys)
    assert code == 2 and "not this catalogue's room key" in text  # nothing done


def test_seals_removed_then_resealed_on_purpose(filled: Path, tmp_path: Path, actor: Actor,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    edit(copy, "DELETE FROM seal_state", "UPDATE volumes SET title = '改' WHERE id = 1")
    code, text = check(copy, capsys=capsys)
    assert code == 1 and "seal state is missing" in text
    db = open_catalogue(copy)
    with pytest.raises(StorageError, match="seals were removed"), db.write() as s:
        catalogue.create_fonds(s, actor, "J003", "某单位")
    db.dispose()
    code, text = check(copy, "--reseal", capsys=capsys)
    assert code == 0, text
    code, text = check(copy, capsys=capsys)
    assert code == 0, text


def test_chain_head_for_backup_manifests(filled: Path) -> None:
    db = open_catalogue(filled)
    with db.read() as s:
        head = integrity.chain_head(s)
    db.dispose()
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        assert (head.entry_id, head.hash) == sealing.head(conn)
        assert head.catalogue_id == sealing.catalogue_id(conn)
        assert head.count == conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_check_against_a_head_from_the_backup_register(filled: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        head_id, head_hash = sealing.head(conn)
    copy = copy_of(filled, tmp_path / "copy.sqlite")
    code, text = check(copy, "--head", f"{head_id + 5}:{'a' * 64}", capsys=capsys)
    assert code == 1 and "the given head saw entry" in text
    code, text = check(copy, "--head", f"{head_id}:{head_hash}", capsys=capsys)
    assert code == 0, text


@pytest.fixture
def small_disk(tmp_path: Path):  # noqa: ANN201
    """A real 3 MB disk (tmpfs; needs root, as in CI), unmounted after the test."""
    import os
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                                           capture_output=True, check=False).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_disk_is_named(small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_disk / "catalogue.sqlite"
    open_catalogue(path).dispose()
    with open(small_disk / "filler", "wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
    code, text = check(path, capsys=capsys)
    assert code == 2, text
    assert "is full" in text and "Free some space" in text


def test_the_catalogue_identity_changed_in_the_file(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(filled, ("UPDATE catalogue_settings SET value = ? WHERE key = ?", ('"00000000-0000-0000-0000-000000000000"',
                                                                          sealing.CATALOGUE_ID_KEY)),
         "UPDATE volumes SET title = '改' WHERE id = 1")
    code, text = check(filled, capsys=capsys)
    assert code == 1
    assert "This workstation last saw a sealed catalogue" in text and "identity were removed or changed" in text


def test_a_change_outside_is_not_laundered_by_a_later_change_in_the_app(filled: Path, actor: Actor,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.closing(sqlite3.connect(filled)) as conn:
        vid, code = conn.execute("SELECT id, code FROM volumes WHERE title = '王芳车险理赔案卷'").fetchone()
    edit(filled, ("UPDATE volumes SET title = '被改过的题名' WHERE id = ?", (vid,)))
    db = open_catalogue(filled)
    with db.write() as s:  # the clerk, unaware, changes the same volume: its row is sealed again
        catalogue.set_status(s, actor, vid, "on_loan")
    db.dispose()
    code_, text = check(filled, capsys=capsys)
    assert code_ == 1
    assert f"volume {vid} {code}" in text and "had been changed outside ArchiveDesk when the app changed it again" in text


def test_the_app_refuses_to_write_on_a_shortened_trail(filled: Path, actor: Actor) -> None:
    edit(filled, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    db = open_catalogue(filled)
    with pytest.raises(StorageError, match="封印在本软件之外被删除或改动"), db.write() as s:
        catalogue.create_fonds(s, actor, "J004", "某单位")
    db.dispose()


def test_the_catalogue_identity_removed(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = copy_of(filled, tmp_path / "elsewhere.sqlite")  # at another path: no anchor for it here
    edit(copy, ("DELETE FROM catalogue_settings WHERE key = ?", (sealing.CATALOGUE_ID_KEY,)))
    code, text = check(copy, capsys=capsys)
    assert code == 1
    assert "its identity was removed" in text
