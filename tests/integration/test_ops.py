"""Operations report what they changed (services/ops.py), are registered by name, and a write can wait for another
workstation's lock in short tries and be abandoned (db.write(waiting=…))."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from archive_desk.db.engine import Database, WriteAbandoned
from archive_desk.models import Volume, VolumeStatus
from archive_desk.services import (
    backup,
    catalogue,
    importer,
    labels,
    loans,
    locations,
    ops,
    room_settings,
    search,
    setup,
    stocktake,
    transfers,
)
from archive_desk.services.audit import Actor


def test_a_loan_reports_the_volumes_and_the_loan_it_changed(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    a, b = make_volume(), make_volume()
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
    with db.write() as s:
        loan = loans.lend(s, actor, borrower.id, [a.id], "工作查考", "外借", date.today(), "王建国", "同意", clerk="赵敏")
        changes = ops.changes_of(s)
    assert a.id in changes.volumes and b.id not in changes.volumes  # the catalogue repaints a's row only
    assert loan.id in changes.loans
    assert changes.touches(ops.LENDING) and changes.touches(ops.CATALOGUE)
    assert not changes.new_volumes and not changes.bulk


def test_an_operation_names_itself_and_a_new_volume_is_new(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    a = make_volume()
    with db.write() as s:
        catalogue.void_volume(s, actor, a.id, a.version, "重复登记")
        changes = ops.changes_of(s)
    assert changes.operations == ("catalogue.void_volume",) and changes.volumes == {a.id}
    with db.write() as s:
        created = catalogue.create_volume(s, actor, {k: getattr(a, k) for k in ("fonds_id", "category_id", "year", "retention")}
                                          | {"title": "新建理赔案卷"})
        assert ops.changes_of(s).new_volumes == {created.id}


def test_a_bulk_statement_marks_its_area_wholesale(db: Database, make_volume) -> None:  # noqa: ANN001
    make_volume()
    with db.write() as s:
        s.execute(update(Volume).values(notes="盘点"))
        changes = ops.changes_of(s)
    assert ops.CATALOGUE in changes.bulk and not changes.volumes


def test_every_writing_service_function_is_registered() -> None:
    names = {op.name for op in ops.operations()}
    for fn in (catalogue.create_fonds, catalogue.add_category_field, catalogue.create_volume, catalogue.update_volume,
               catalogue.set_status, catalogue.void_volume, catalogue.add_item, catalogue.update_item, catalogue.move_item,
               catalogue.remove_item, catalogue.renumber_items, labels.mark_printed, labels.set_room_scanners,
               stocktake.start, stocktake.record_scan, stocktake.finish, stocktake.apply_corrections,
               setup.ensure_standard_data, room_settings.update, importer.commit, backup.make_backup, backup.rotate,
               backup.restore, search.ensure_index):
        operation = fn.operation  # type: ignore[attr-defined]
        assert operation.name in names and operation.function.endswith(fn.__name__)
    assert ops.OPERATIONS["stocktake.record_scan"].area == ops.STOCKTAKE
    # the lending, shelves and transfers packages: every function that writes
    for fn in (loans.create_borrower, loans.update_borrower, loans.import_borrowers, loans.lend, loans.return_volumes,
               loans.renew, locations.create_room, locations.create_rack, locations.place_volume, locations.bulk_move,
               locations.undo_move, transfers.create_batch, transfers.add_line, transfers.confirm_batch,
               transfers.create_appraisal, transfers.set_decision, transfers.confirm_appraisal):
        assert fn.operation.name in names  # type: ignore[attr-defined]
    assert ops.OPERATIONS["loans.lend"].area == ops.LENDING and ops.OPERATIONS["transfers.confirm_batch"].area == ops.TRANSFERS


@pytest.mark.sqlite_only(reason="the waiting dialog is for a catalogue file's single write lock; on the server writers "
                                 "wait only for the rows they share (row locks), not for each other")
def test_a_write_waiting_for_the_lock_can_be_abandoned_and_writes_nothing(db: Database, db_path: Path, actor: Actor,
                                                                           make_volume) -> None:  # noqa: ANN001
    a = make_volume()
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another workstation saving
    asked: list[float] = []
    ran = []
    try:
        with pytest.raises(WriteAbandoned), db.write(waiting=lambda seconds: asked.append(seconds) or seconds < 0.3) as s:
            ran.append(True)
            catalogue.set_status(s, actor, a.id, VolumeStatus.MISSING)
        assert not ran and len(asked) >= 2  # asked between tries; the work never began
        # waiting on: the write goes through once the other workstation is done
        threading.Timer(0.3, other.rollback).start()
        with db.write(waiting=lambda _seconds: True) as s:
            catalogue.set_status(s, actor, a.id, VolumeStatus.MISSING)
    finally:
        other.close()
    with db.read() as s:
        assert catalogue.get_volume(s, a.id).status == VolumeStatus.MISSING
