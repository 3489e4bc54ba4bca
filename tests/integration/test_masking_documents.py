"""Masking in every printed document and export (issue 16, items 3-4): a reader or desk account below a volume's
密级 gets its 档号 but not its title on the loan slip, the loan register, the overdue notices, the transfer and
destruction lists, the sealing list and the stocktake report; an account without the personal-data right gets a
borrower's phone masked; and a document that shows a phone unmasked is in the personal-data access log."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from archive_desk.db.engine import Database
from archive_desk.services import holds, loans, masking, stocktake, transfers
from archive_desk.services.audit import Actor

READER = Actor("reader", "ws-test-3", role="reader", clearance="公开", authenticated=True)
DESK = Actor("desk", "ws-test-3", role="desk", clearance="内部", authenticated=True)
ARCHIVIST = Actor("archivist", "ws-test-3", role="archivist", clearance="秘密", authenticated=True)
MASK = "（密级高于您的权限）"  # tests run in Chinese (conftest)
HIDDEN = "鲲鹏计划涉密理赔案卷"
PHONE = "13800001111"

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) is not installed")


def pdf_text(pdf: bytes | Path) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    return "".join(out.decode("utf-8").split())  # a 档号 may wrap in its cell: compare without white space


def xlsx_cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    try:
        return [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    finally:
        book.close()


@pytest.fixture
def secret(db: Database, make_volume):  # noqa: ANN001, ANN201
    open_ = make_volume(title="李娜机动车辆保险追尾事故理赔案卷")
    hidden = make_volume(title=HIDDEN, security="秘密")
    return open_, hidden


@pytest.fixture
def loan(db: Database, actor: Actor, secret):  # noqa: ANN001, ANN201
    """Both volumes lent to 张伟 (phone on file) a month ago, due two weeks ago: overdue."""
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": PHONE, "card_no": "yg0001"})
        lent = loans.lend(s, actor, borrower.id, [v.id for v in secret], "工作查考", "外借", date.today() + timedelta(days=14),
                          approver="王建国", opinion="同意")
    return lent, borrower


def access(db: Database) -> list[tuple[str, str, str, tuple[str, ...]]]:
    with db.read() as s:
        return [(e.user, e.action, e.subject, e.fields) for e in masking.list_access(s)]


@needs_pdftotext
def test_the_loan_slip_masks_a_hidden_title_and_the_phone_and_logs_an_unmasked_print(db: Database, secret, loan) -> None:  # noqa: ANN001
    from archive_desk.printing.loan_slip import render_loan_slip

    _open, hidden = secret
    lent, borrower = loan
    with masking.document_session(db, DESK) as s:
        slip = loans.slip_data(s, lent.id, DESK)
    assert [(ln.code, ln.title) for ln in slip.lines][1] == (hidden.code, MASK)
    assert slip.phone == "138****1111" and slip.id_number == ""
    text = pdf_text(render_loan_slip(slip))
    assert hidden.code in text and "鲲鹏" not in text and PHONE not in text and "138****1111" in text
    assert access(db) == []  # the desk saw it masked: nothing to log
    with masking.document_session(db, ARCHIVIST) as s:
        slip = loans.slip_data(s, lent.id, ARCHIVIST)
    assert slip.lines[1].title == HIDDEN and slip.phone == PHONE
    assert access(db) == [("archivist", "print", f"borrower:{borrower.id}", ("phone",))]
    with db.read() as s:  # no accounts: nothing masked (and nobody to log)
        assert loans.slip_data(s, lent.id).lines[1].title == HIDDEN


def test_the_loan_register_export_masks_titles_and_phones_and_logs_it(db: Database, secret, loan, tmp_path: Path) -> None:  # noqa: ANN001
    _open, hidden = secret
    _lent, borrower = loan
    with masking.document_session(db, READER) as s:
        assert loans.export_register(s, None, tmp_path / "r.xlsx", viewer=READER) == 2
        page = loans.register_page(s, None, limit=10, viewer=READER)  # the register tab on screen too
    cells = xlsx_cells(tmp_path / "r.xlsx")
    assert hidden.code in cells and MASK in cells and not any("鲲鹏" in c for c in cells)
    assert PHONE not in cells and "138****1111" in cells
    assert {r.title for r in page.rows if r.code == hidden.code} == {MASK}
    assert access(db) == []
    with masking.document_session(db, ARCHIVIST) as s:
        loans.export_register(s, None, tmp_path / "a.xlsx", viewer=ARCHIVIST)
    cells = xlsx_cells(tmp_path / "a.xlsx")
    assert HIDDEN in cells and PHONE in cells
    assert access(db) == [("archivist", "export", f"borrower:{borrower.id}", ("phone",))]


@needs_pdftotext
def test_overdue_notices_mask_titles_and_phones(db: Database, secret, loan) -> None:  # noqa: ANN001
    from archive_desk.printing.overdue_notice import render_overdue_notices

    _open, hidden = secret
    later = date.today() + timedelta(days=30)
    with masking.document_session(db, DESK) as s:
        [notice] = loans.overdue_notices(s, later, viewer=DESK)
    assert notice.phone == "138****1111" and (hidden.code, MASK) in [(ln.code, ln.title) for ln in notice.lines]
    text = pdf_text(render_overdue_notices([notice]))
    assert hidden.code in text and "鲲鹏" not in text and PHONE not in text
    assert access(db) == []
    with masking.document_session(db, ARCHIVIST) as s:
        [notice] = loans.overdue_notices(s, later, viewer=ARCHIVIST)
    assert notice.phone == PHONE
    assert [a[:2] for a in access(db)] == [("archivist", "print")]


@pytest.mark.sqlite_only(reason="runs the command on the catalogue file")
def test_the_command_line_overdue_list_masks_and_logs(db: Database, db_path: Path, secret, loan, capsys) -> None:  # noqa: ANN001
    from archive_desk.commands.loans import run_overdue

    _open, hidden = secret
    later = date.today() + timedelta(days=30)
    assert run_overdue(argparse.Namespace(db=db_path, json=True, today=later, actor=READER)) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {"code": hidden.code, "title": MASK} in row["volumes"] and row["phone"] == "138****1111"
    assert access(db) == []
    assert run_overdue(argparse.Namespace(db=db_path, json=True, today=later, actor=ARCHIVIST)) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {"code": hidden.code, "title": HIDDEN} in row["volumes"] and row["phone"] == PHONE
    assert [a[:2] for a in access(db)] == [("archivist", "cli")]


@needs_pdftotext
@pytest.mark.sqlite_only(reason="runs the command on the catalogue file")
def test_the_transfer_list_masks_hidden_titles_in_the_service_the_pdf_and_the_workbook(
        db: Database, db_path: Path, actor: Actor, secret, tmp_path: Path) -> None:  # noqa: ANN001
    from archive_desk.commands.transfers import run_export, run_print

    open_, hidden = secret
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", nature="移交")
        transfers.add_volumes(s, actor, batch.id, [open_.id, hidden.id])
    with db.read() as s:
        data = transfers.transfer_list_data(s, batch.id, READER)
        assert {ln.code: ln.title for ln in data.lines} == {open_.code: open_.title, hidden.code: MASK}
        assert transfers.transfer_list_data(s, batch.id, ARCHIVIST).lines[1].title == HIDDEN
    out = tmp_path / "list.pdf"
    args = argparse.Namespace(db=db_path, batch=batch.batch_no, out=out, what="list", copies=1, actor=READER)
    assert run_print(args) == 0
    text = pdf_text(out)
    assert hidden.code in text and "鲲鹏" not in text and open_.title in text
    assert run_export(argparse.Namespace(db=db_path, batch=batch.batch_no, out=tmp_path / "list.xlsx", actor=READER)) == 0
    cells = xlsx_cells(tmp_path / "list.xlsx")
    assert hidden.code in cells and not any("鲲鹏" in c for c in cells)


def test_the_destruction_list_masks_hidden_titles(db: Database, actor: Actor, make_volume, tmp_path: Path) -> None:  # noqa: ANN001
    from archive_desk.exporting.transfers import write_destruction_workbook

    shown = make_volume(year=2008, retention="D10", title="二〇〇八年普通理赔案卷")
    hidden = make_volume(year=2008, retention="D10", title=HIDDEN, security="机密")
    with db.write() as s:
        a = transfers.create_appraisal(s, actor, 2026, destroyed_on=date(2026, 5, 20))
        added = transfers.add_due_volumes(s, actor, a.id, date(2026, 1, 1))
        for ln in added.added:
            transfers.set_decision(s, actor, ln.id, "destroy")
    with db.read() as s:
        data = transfers.destruction_list_data(s, a.id, ARCHIVIST)  # 秘密 clearance: the 机密 volume is above it
        assert {ln.code: ln.title for ln in data.lines} == {shown.code: shown.title, hidden.code: MASK}
        write_destruction_workbook(data, tmp_path / "d.xlsx")
        assert {ln.title for ln in transfers.destruction_list_data(s, a.id).lines} == {shown.title, HIDDEN}
    cells = xlsx_cells(tmp_path / "d.xlsx")
    assert hidden.code in cells and not any("鲲鹏" in c for c in cells)


def test_the_sealing_list_masks_hidden_titles(db: Database, actor: Actor, secret) -> None:  # noqa: ANN001
    _open, hidden = secret
    with db.write() as s:
        hold = holds.add_hold(s, actor, kind="seal", reason="医疗纠纷封存", volume_id=hidden.id, counterpart="赵强")
    with db.read() as s:
        assert holds.seal_list_data(s, hold.id, READER).rows[0][:2] == (hidden.code, MASK)
        assert holds.seal_list_data(s, hold.id, ARCHIVIST).rows[0][:2] == (hidden.code, HIDDEN)


@needs_pdftotext
def test_the_stocktake_report_masks_hidden_titles(tmp_path: Path) -> None:
    from sqlalchemy import update

    from archive_desk.models import Volume
    from archive_desk.services.setup import open_catalogue

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from stocktake_scenario import build_room  # noqa: PLC0415

    room = build_room(tmp_path / "room.sqlite")
    db = open_catalogue(room.path)
    try:
        clerk = Actor("clerk1", "ws-1")
        with db.write() as s:
            sid = stocktake.start(s, clerk, "2026年度盘点", stocktake.Scope(racks=(room.racks["R1"],))).id
            ids = [room.volumes[name][0] for name in ("v1", "v2")]  # v1 found in place, v2 missing
            s.execute(update(Volume).where(Volume.id.in_(ids)).values(security="秘密", title=HIDDEN))
        for scan in ("@R1L1", "v1"):
            with db.write() as s:
                stocktake.record_scan(s, clerk, sid, room.payload(scan))
        with db.read() as s:
            report = stocktake.report(s, sid, viewer=READER)
            lines = [ln for ln in report.lines if ln.title in (MASK, HIDDEN)]
            assert lines and {ln.title for ln in lines} == {MASK}
            code = room.volumes["v2"][1]  # missing: the report lists it
            assert [ln.cls for ln in lines if ln.code == code] == ["missing"]
            pdf = stocktake.export_report_pdf(s, sid, tmp_path / "st.pdf", READER)
            xlsx = stocktake.export_report_xlsx(s, sid, tmp_path / "st.xlsx", READER)
            assert HIDDEN in {ln.title for ln in stocktake.report(s, sid, viewer=ARCHIVIST).lines}
    finally:
        db.dispose()
    text = pdf_text(pdf)
    assert code in text and "鲲鹏" not in text
    cells = xlsx_cells(xlsx)
    assert code in cells and not any("鲲鹏" in c for c in cells)


def test_the_shelf_list_export_masks_hidden_titles(db: Database, actor: Actor, secret, tmp_path: Path) -> None:  # noqa: ANN001
    from archive_desk.services import locations

    open_, hidden = secret
    with db.write() as s:
        room = locations.create_room(s, actor, 1, "K1", "1号库房")
        rack = locations.create_rack(s, actor, room.id, 1, sides=1, columns=1, sections=1, layers=1)
        layer = locations.rack_map(s, rack.id).cells[0].layer_id
        for vid in (open_.id, hidden.id):
            locations.place_volume(s, actor, vid, layer)
    with db.read() as s:
        assert locations.export_shelf_list(s, tmp_path / "shelf.xlsx", layer_id=layer, viewer=READER) == 2
    cells = xlsx_cells(tmp_path / "shelf.xlsx")
    assert hidden.code in cells and open_.title in cells and MASK in cells and not any("鲲鹏" in c for c in cells)
