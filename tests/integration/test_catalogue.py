"""Catalogue services on a real catalogue file: validation, status rules, locking, audit, no deletes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from archive_desk.db.engine import Database
from archive_desk.errors import DuplicateCodeError, StaleEditError, StatusError, ValidationError
from archive_desk.i18n import set_language
from archive_desk.models import AuditEntry, Volume, VolumeStatus
from archive_desk.services import audit, catalogue
from archive_desk.services.audit import Actor


def test_new_volume_gets_next_code_barcode_and_audit_row(db: Database, make_volume) -> None:  # noqa: ANN001
    first = make_volume()
    second = make_volume(title="李娜家庭财产保险暴雨水淹理赔案卷")
    assert first.code == "Z109-LP·2019-D30-0001"
    assert second.code == "Z109-LP·2019-D30-0002"
    assert second.barcode == "Z109-LP.2019-D30-0002"
    with db.read() as s:
        rows = audit.history(s, "volume", second.id)
    assert [r.action for r in rows] == ["volume.create"]
    assert "李娜家庭财产保险" in rows[0].after


def test_validation_names_each_field_in_chinese(db: Database, actor: Actor, fonds_id: int, lp_category_id: int) -> None:
    with pytest.raises(ValidationError) as err, db.write() as s:
        catalogue.create_volume(s, actor, {
            "fonds_id": fonds_id, "category_id": lp_category_id, "year": "二〇一九", "retention": "D0", "title": " ",
            "start_date": "2019-05-01", "end_date": "2019-04-01", "custom": {"closing_date": "2019-13-45", "amount_paid": "abc"},
        })
    problems = err.value.problems
    assert set(problems) == {"year", "retention", "title", "end_date", "custom.closing_date", "custom.amount_paid"}
    assert problems["title"] == "题名不能为空"
    assert "结案日期" in problems["custom.closing_date"]
    with db.read() as s:
        assert catalogue.count_volumes(s) == 0


def test_validation_in_english(db: Database, actor: Actor, fonds_id: int, lp_category_id: int) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as err, db.write() as s:
        catalogue.create_volume(s, actor, {"fonds_id": fonds_id, "category_id": lp_category_id, "year": 2019, "title": ""})
    assert err.value.problems == {"title": "The title is required"}


def test_code_that_contradicts_the_fields_is_refused(db: Database, make_volume) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        make_volume(code="Z109-LP·2018-D30-0007")
    assert "2018" in err.value.problems["code"] and "2019" in err.value.problems["code"]


def test_duplicate_code_is_refused_even_when_typed_differently(db: Database, make_volume) -> None:  # noqa: ANN001
    make_volume(code="Z109-LP·2019-D30-0005")
    with pytest.raises(DuplicateCodeError) as err:
        make_volume(code=" z109-lp.2019-d30-0005 ")
    assert "Z109-LP·2019-D30-0005" in str(err.value)
    with db.read() as s:
        assert catalogue.count_volumes(s) == 1


def test_proposed_code_follows_highest_number_and_gaps_are_reported(db: Database, make_volume) -> None:  # noqa: ANN001
    make_volume(code="Z109-LP·2019-D30-0001")
    make_volume(code="Z109-LP·2019-D30-0003")
    v = make_volume()
    assert v.code == "Z109-LP·2019-D30-0004"
    with db.read() as s:
        report = catalogue.numbering_report(s, v.category_id)
    assert [(r.prefix, r.gaps, r.next_free) for r in report] == [("Z109-LP·2019-D30-", (2,), 5)]


def test_stale_edit_is_refused_and_nothing_is_overwritten(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    other = Actor("clerk2", "ws-test-2")
    with db.write() as s:
        catalogue.update_volume(s, other, v.id, v.version, {"title": "第二个工作站改的题名"})
    with pytest.raises(StaleEditError) as err, db.write() as s:
        catalogue.update_volume(s, actor, v.id, v.version, {"title": "第一个工作站改的题名"})
    assert "clerk2" in str(err.value) and "已被" in str(err.value)
    with db.read() as s:
        assert catalogue.get_volume(s, v.id).title == "第二个工作站改的题名"


def test_update_audits_only_what_changed(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    with db.write() as s:
        after = catalogue.update_volume(s, actor, v.id, v.version, {"pages": 50, "custom": {**v.custom, "insured": "张伟伟"}})
    assert after.version == v.version + 1
    with db.read() as s:
        last = audit.history(s, "volume", v.id)[0]
    assert last.action == "volume.update"
    assert '"pages":42' in last.before and '"pages":50' in last.after
    assert "张伟伟" in last.after and "title" not in last.after


@pytest.mark.parametrize(("start", "target", "allowed"), [
    (VolumeStatus.IN_STOCK, VolumeStatus.ON_LOAN, True),
    (VolumeStatus.IN_STOCK, VolumeStatus.DESTROYED, True),
    (VolumeStatus.ON_LOAN, VolumeStatus.DESTROYED, False),
    (VolumeStatus.ON_LOAN, VolumeStatus.TRANSFERRED, False),
    (VolumeStatus.DESTROYED, VolumeStatus.IN_STOCK, False),
    (VolumeStatus.TRANSFERRED, VolumeStatus.ON_LOAN, False),
    (VolumeStatus.MISSING, VolumeStatus.IN_STOCK, True),
])
def test_status_rules(db: Database, actor: Actor, make_volume, start: str, target: str, allowed: bool) -> None:  # noqa: ANN001
    v = make_volume()
    with db.write() as s:
        if start != VolumeStatus.IN_STOCK:
            catalogue.set_status(s, actor, v.id, start)
    if allowed:
        with db.write() as s:
            assert catalogue.set_status(s, actor, v.id, target).status == target
    else:
        with pytest.raises(StatusError) as err, db.write() as s:
            catalogue.set_status(s, actor, v.id, target)
        assert v.code in str(err.value)
        with db.read() as s:
            assert catalogue.get_volume(s, v.id).status == start


def test_delete_marks_void_and_keeps_the_record(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    with pytest.raises(ValidationError), db.write() as s:
        catalogue.void_volume(s, actor, v.id, v.version, "")
    with db.write() as s:
        catalogue.void_volume(s, actor, v.id, v.version, "重复录入")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Volume)) == 1
        assert catalogue.get_volume(s, v.id).status == VolumeStatus.VOID
        assert audit.history(s, "volume", v.id)[0].action == "volume.void"


def test_items_insert_reorder_and_page_ranges(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    with db.write() as s:
        catalogue.add_item(s, actor, v.id, {"title": "出险通知书", "pages": 2})
        catalogue.add_item(s, actor, v.id, {"title": "查勘报告", "pages": 5})
        catalogue.add_item(s, actor, v.id, {"title": "损失清单", "pages": 3}, position=2)
        change = catalogue.move_item(s, actor, catalogue.list_items(s, v.id)[0].id, 3)
    assert [(i.seq, i.title, i.page_start, i.page_end) for i in change.items] == [
        (1, "损失清单", 1, 3), (2, "查勘报告", 4, 8), (3, "出险通知书", 9, 10),
    ]
    with db.write() as s:
        change = catalogue.remove_item(s, actor, change.items[1].id, "移入另卷")
        assert catalogue.get_volume(s, v.id).item_count == 2
    assert [(i.seq, i.title, i.page_start) for i in change.items] == [(1, "损失清单", 1), (2, "出险通知书", 4)]
    with db.read() as s:
        assert len(catalogue.list_items(s, v.id, include_removed=True)) == 3


def test_lookup_by_scanned_barcode(db: Database, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    with db.read() as s:
        assert catalogue.find_volume(s, "z109-lp.2019-d30-0001\r").id == v.id  # Caps Lock on
        assert catalogue.find_volume(s, v.code).id == v.id
        assert catalogue.find_volume(s, "Z109-LP.2019-D30-9999") is None


@pytest.mark.sqlite_only(reason="edits the file's trail with sqlite3; on PostgreSQL a trigger refuses it (test_server.py)")
def test_audit_chain_detects_a_tampered_row(db: Database, db_path: Path, make_volume) -> None:  # noqa: ANN001
    make_volume()
    make_volume()
    with db.read() as s:
        assert audit.verify_chain(s) == []
        target = s.scalars(select(AuditEntry.id).where(AuditEntry.action == "volume.create")).first()
    db.dispose()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE audit_log SET after = replace(after, '张伟', '王五') WHERE id = ?", (target,))
    raw.commit()
    raw.close()
    with db.read() as s:
        problems = audit.verify_chain(s)
    assert [p.entry_id for p in problems] == [target]


@pytest.mark.sqlite_only(reason="deletes from the file's trail with sqlite3; on PostgreSQL a trigger refuses it (test_server.py)")
def test_audit_chain_detects_a_removed_row(db: Database, db_path: Path, make_volume) -> None:  # noqa: ANN001
    make_volume()
    make_volume()
    db.dispose()
    raw = sqlite3.connect(db_path)
    victim = raw.execute("SELECT min(id) FROM audit_log WHERE action = 'volume.create'").fetchone()[0]
    raw.execute("DELETE FROM audit_log WHERE id = ?", (victim,))
    raw.commit()
    raw.close()
    with db.read() as s:
        assert [p.entry_id for p in audit.verify_chain(s)] == [victim + 1]


def test_a_failed_change_leaves_no_trace(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    make_volume()
    with db.read() as s:
        audit_rows = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(RuntimeError), db.write() as s:
        catalogue.create_fonds(s, actor, "J001", "临川市第一人民医院")
        raise RuntimeError("power cut")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_rows
        assert [f.code for f in catalogue.list_fonds(s)] == ["Z109"]


def test_rolled_back_savepoint_leaves_nothing_behind(db: Database, actor: Actor) -> None:
    with db.write() as s:
        catalogue.create_fonds(s, actor, "A001", "甲")
        nested = s.begin_nested()
        catalogue.create_fonds(s, actor, "B002", "乙")
        nested.rollback()
        catalogue.create_fonds(s, actor, "C003", "丙")
    with db.read() as s:
        assert [f.code for f in catalogue.list_fonds(s)] == ["A001", "C003"]
        assert audit.verify_chain(s) == []


@pytest.mark.sqlite_only(reason="SQLite's connection pragmas")
def test_connection_pragmas(db: Database) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


@pytest.mark.sqlite_only(reason="SQLite's foreign_keys pragma (PostgreSQL always enforces them)")
def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as s:
        s.execute(text("INSERT INTO items (volume_id, seq, code, doc_no, responsible, title, security, pages, notes, removed,"
                       " created_at, created_by, updated_at, updated_by, version)"
                       " VALUES (999, 1, '', '', '', 'x', '公开', 0, '', 0, '2020-01-01', '', '2020-01-01', '', 1)"))
