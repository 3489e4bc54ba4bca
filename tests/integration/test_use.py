"""Services of use (issue #15 items 1 and 5): 查阅, 复制/摘录 and 借出 each recorded as what it is; the 病案
outside request path with its proofs; personal records apart from 密级; the 年报 figures counted by hand."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import StatusError, ValidationError
from archive_desk.services import catalogue, inventory, loans, room_settings
from archive_desk.services.audit import Actor
from archive_desk.services.loans import (
    CopyDetail,
    LineReturn,
    NotLendableError,
    OutsideRequest,
    RegisterFilter,
)
from archive_desk.services.setup import open_catalogue

INSURER_PROOFS = ("经办人有效工作证件", "患者本人或其代理人同意的法定证明材料", "保险合同复印件（患者死亡的）")


@pytest.fixture
def people(db: Database, actor: Actor) -> dict[str, loans.BorrowerRecord]:
    with db.write() as s:
        return {"staff": loans.create_borrower(s, actor, {"name": "周医生", "unit": "医务科", "card_no": "YG0101"}),
                "clerk": loans.create_borrower(s, actor, {"name": "钱理赔", "unit": "某人寿保险公司理赔部", "kind": "outside",
                                                          "id_number": "11010519491231002X"})}


@pytest.fixture
def bl(db: Database, actor: Actor, fonds_id: int):
    """A 病案 volume maker (档号 Y201-BL·2005-D30-0001 …)."""
    def make(**kw: object) -> catalogue.VolumeRecord:
        with db.write() as s:
            cat = catalogue.get_category(s, code="BL")
            data = {"fonds_id": fonds_id, "category_id": cat.id, "year": 2005, "retention": "D30", "title": "王某住院病案",
                    "pages": 60, "custom": {"record_no": "0012345", "patient": "王某"}, **kw}
            return catalogue.create_volume(s, actor, data)
    return make


def status(db: Database, vid: int) -> str:
    with db.read() as s:
        return catalogue.get_volume(s, vid).status


def test_an_insurer_gets_copies_of_a_bl_record_never_the_original_and_only_with_every_proof(db, actor, people, bl) -> None:
    v = bl()
    clerk = people["clerk"]
    insurer = OutsideRequest("insurer", INSURER_PROOFS)
    # the issue's example: 外借 for 14 days with only an approver's name
    with db.write() as s, pytest.raises(NotLendableError) as exc:
        loans.lend(s, actor, clerk.id, [v.id], "保险理赔", "外借", date.today() + timedelta(days=14), "王建国", "同意",
                   request=insurer)
    assert v.code in str(exc.value) and "保险机构" in str(exc.value) and "复制" in str(exc.value)
    # no request at all: who asks and the proofs are required
    with db.write() as s, pytest.raises(ValidationError) as exc:
        loans.lend(s, actor, clerk.id, [v.id], "保险理赔", "复制", None, "王建国", "同意", copies={v.id: CopyDetail("出院记录", 3)})
    assert "request" in exc.value.problems
    # a proof not shown: refused, naming it
    with db.write() as s, pytest.raises(ValidationError) as exc:
        loans.lend(s, actor, clerk.id, [v.id], "保险理赔", "复制", None, "王建国", "同意", copies={v.id: CopyDetail("出院记录", 3)},
                   request=OutsideRequest("insurer", INSURER_PROOFS[:1]))
    assert "患者本人或其代理人同意的法定证明材料" in exc.value.problems["request"]
    with db.write() as s:
        rec = loans.lend(s, actor, clerk.id, [v.id], "保险理赔", "复制", None, "王建国", "同意", request=insurer,
                         copies={v.id: CopyDetail("出院记录、费用清单", 3, copies=2, fee_fen=150, stamped=True)})
    assert rec.service == loans.COPY and rec.request["requester_kind"] == "insurer"
    assert rec.request["supplied"] == list(INSURER_PROOFS)
    assert status(db, v.id) == "in_stock"


def test_a_copy_leaves_the_volume_in_stock_with_no_due_date_and_the_slip_says_so(db, actor, people, bl) -> None:
    v = bl(pages=60)
    with db.write() as s:
        rec = loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "复制", None,
                         copies={v.id: CopyDetail("手术记录", 4, copies=1, fee_fen=200, stamped=True)})
    assert (rec.service, rec.due_date, rec.status) == ("copy", None, "closed")
    assert (rec.lines[0].copy_pages, rec.lines[0].fee_fen, rec.lines[0].stamped) == (4, 200, True)
    assert status(db, v.id) == "in_stock"
    with db.read() as s:
        assert loans.overdue_loans(s, date.today() + timedelta(days=60)) == []
        row = loans.register(s, RegisterFilter(service="copy"))[0]
        assert (row.use_mode, row.due_date, row.copy_pages) == ("复制", None, 4)
        assert loans.check_volume(s, v.id).lendable  # the original is free for the next use
        slip = loans.slip_data(s, rec.id)
    import sys

    from archive_desk.printing.loan_slip import render_loan_slip

    sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
    from printing_helpers import pdf_text

    text = pdf_text(render_loan_slip(slip))
    assert "档案复制单" in text and "手术记录" in text and "2.00" in text and "■加盖证明印记" in text
    # the parts and a page count within the volume are required
    with db.write() as s, pytest.raises(ValidationError):
        loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "复制", None, copies={v.id: CopyDetail("", 4)})
    with db.write() as s, pytest.raises(ValidationError):
        loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "复制", None, copies={v.id: CopyDetail("全卷", 61)})


def test_a_consultation_left_open_is_closed_at_the_days_end_and_reported(db, actor, people, bl) -> None:
    v, w = bl(), bl()
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=10)
    with db.write() as s:
        old = loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "查阅", None, now=yesterday)
        today = loans.lend(s, actor, people["staff"].id, [w.id], "工作查考", "查阅", None)
    assert old.due_date is None and status(db, v.id) == "in_stock"
    with db.read() as s:
        check = loans.check_volume(s, v.id)
        assert not check.lendable and check.reading and "阅览中" in check.reason
    with db.write() as s, pytest.raises(StatusError):
        loans.renew(s, actor, old.id, date.today() + timedelta(days=3))
    with db.write() as s:
        report = loans.close_open_consultations(s, actor, date.today())
    assert [(r.slip_no, r.code) for r in report] == [(old.slip_no, v.code)]
    assert report[0].closed_at == datetime.combine(yesterday.date(), datetime.max.time()).replace(microsecond=0)
    with db.read() as s:
        assert loans.get_loan(s, old.id).status == "closed" and loans.get_loan(s, today.id).status == "open"
        assert loans.check_volume(s, v.id).lendable
    with db.write() as s:
        assert loans.close_open_consultations(s, actor, date.today()) == ()  # nothing twice
        loans.return_volumes(s, actor, [LineReturn(w.id, outcome_kind="提供了依据", outcome="核对了手术日期")])
    assert status(db, w.id) == "in_stock"


def test_an_internal_bl_loan_returns_within_3_working_days_counting_a_holiday_and_a_makeup_day(db, actor, people, bl) -> None:
    v = bl()
    # Wed 2026-09-30 lent; Thu 10-01 is a holiday; Sat 10-03 a 调休 working day; so: Fri 10-02, Sat 10-03, Mon 10-05
    assert loans.add_working_days(date(2026, 9, 30), 3, frozenset({date(2026, 10, 1)}), frozenset({date(2026, 10, 3)})) == date(2026, 10, 5)
    with db.write() as s:
        room_settings.update(s, actor, holidays=["2026-10-01"], makeup_workdays=["2026-10-03"])
    lent = datetime(2026, 9, 30, 9, 0)
    with db.read() as s:
        assert loans.default_due_date(s, lent.date(), ["BL"]) == date(2026, 10, 5)
    with db.write() as s, pytest.raises(ValidationError) as exc:
        loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "外借", date(2026, 10, 6), "王建国", "同意", now=lent)
    assert "2026-10-05" in exc.value.problems["due_date"]
    with db.write() as s:
        rec = loans.lend(s, actor, people["staff"].id, [v.id], "工作查考", "外借", date(2026, 10, 5), "王建国", "同意", now=lent)
    assert rec.service == "loan" and status(db, v.id) == "on_loan"
    with db.read() as s:
        assert [o.slip_no for o in loans.overdue_loans(s, date(2026, 10, 6))] == [rec.slip_no]


def test_personal_records_need_the_request_whatever_their_security_level(db, actor, people, bl) -> None:
    v = bl(security="公开")
    with db.write() as s:
        room_settings.update(s, actor, approval_rules={"security_at_or_above": "秘密", "outside_borrowers": False,
                                                       "take_away": True})
    with db.write() as s, pytest.raises(ValidationError) as exc:
        loans.lend(s, actor, people["clerk"].id, [v.id], "保险理赔", "查阅", None, request=OutsideRequest("patient", ("患者本人有效身份证明",)))
    assert set(exc.value.problems) == {"approver", "approval_opinion"}  # personal records from outside: always approved
    with db.write() as s, pytest.raises(NotLendableError):  # another hospital consults in the building, never takes away
        loans.lend(s, actor, people["clerk"].id, [v.id], "工作查考", "外借", date.today() + timedelta(days=1), "王建国", "同意",
                   request=OutsideRequest("hospital", ("转诊或会诊介绍信",)))
    with db.write() as s:
        rec = loans.lend(s, actor, people["clerk"].id, [v.id], "工作查考", "查阅", None, "王建国", "同意",
                         request=OutsideRequest("hospital", ("转诊或会诊介绍信",)))
    assert rec.service == "consult"
    with db.write() as s:  # a category the room no longer counts as personal: no request needed
        room_settings.update(s, actor, personal_record_categories=["LP"])
        loans.close_open_consultations(s, actor, date.today() + timedelta(days=1))
        assert loans.lend(s, actor, people["clerk"].id, [v.id], "工作查考", "复制", None, "王建国", "同意",
                          copies={v.id: CopyDetail("首页", 1)}).request is None


def test_the_yearly_figures_match_a_count_by_hand(db, actor, people, bl, tmp_path: Path) -> None:
    """A year of uses, counted by hand the 年报 way:

    周医生 工作查考: consults A on Mon 03-03 and B on Tue 03-04 (consecutive days, one purpose) ...... 1 人次, 2 卷次
    周医生 工作查考: copies C (5 of its pages, 3 copies) on Fri 03-14 (ten days later) ................. 1 人次, 1 卷次
    周医生 学术研究: borrows A and D on Fri 03-14 (another purpose) ...................................... 1 人次, 2 卷次
    钱理赔 保险理赔: copies A (2 pages) on Fri 03-21 and B (4 pages) on Mon 03-24 (a weekend between) ... 1 人次, 2 卷次
    In all 4 人次, 7 卷次; by service 查阅 1/2, 复制 2/3, 借出 1/2; copied pages 5 + 2 + 4 = 11.
    """
    year = 2025  # the weekdays above are 2025's
    a, b, c, d = bl(), bl(), bl(), bl()
    staff, clerk = people["staff"].id, people["clerk"].id
    insurer = OutsideRequest("insurer", INSURER_PROOFS)

    def at(month: int, day: int) -> datetime:
        return datetime(year, month, day, 10, 0)

    with db.write() as s:
        loans.lend(s, actor, staff, [a.id], "工作查考", "查阅", None, now=at(3, 3))
        loans.close_open_consultations(s, actor, at(3, 4).date())
        loans.lend(s, actor, staff, [b.id], "工作查考", "查阅", None, now=at(3, 4))
        loans.close_open_consultations(s, actor, at(3, 5).date())
        loans.lend(s, actor, staff, [c.id], "工作查考", "复制", None, now=at(3, 14), copies={c.id: CopyDetail("病程记录", 5, copies=3)})
        loans.lend(s, actor, staff, [a.id, d.id], "学术研究", "外借", at(3, 17).date(), "王建国", "同意", now=at(3, 14))
        loans.return_volumes(s, actor, [LineReturn(a.id), LineReturn(d.id)], now=at(3, 17))
        loans.lend(s, actor, clerk, [a.id], "保险理赔", "复制", None, "王建国", "同意", now=at(3, 21), request=insurer,
                   copies={a.id: CopyDetail("出院记录", 2)})
        loans.lend(s, actor, clerk, [b.id], "保险理赔", "复制", None, "王建国", "同意", now=at(3, 24), request=insurer,
                   copies={b.id: CopyDetail("费用清单", 4)})
    with db.read() as s:
        f = loans.yearly_figures(s, year)
        use = inventory.use_figures(s, year)
    assert (f.person_times, f.volume_times, f.loans, f.outside_person_times) == (4, 7, 6, 1)
    assert {r.key: (r.person_times, r.volume_times) for r in f.by_service} == {"consult": (1, 2), "copy": (2, 3), "loan": (1, 2)}
    assert (f.copied_pages, f.copies_made) == (11, 5 * 3 + 2 + 4)
    assert (use.copies, use.copied_pages) == (3, 11)
    # the yearly workbook shows them
    out = tmp_path / "inventory.xlsx"
    with db.read() as s:
        inventory.export_inventory(s, year, out)
    import openpyxl

    wb = openpyxl.load_workbook(out, read_only=True)
    cells = [[c for c in row] for ws in wb.worksheets[:2] for row in ws.iter_rows(values_only=True)]
    flat = [row for row in cells if any(v is not None for v in row)]
    assert any("查阅" in str(row[1]) and row[2] == 1 and row[3] == 2 for row in flat if len(row) > 3)
    assert any(any("复制页数" in str(v) or "按原件页数" in str(v) for v in row) and 11 in row for row in flat)
    wb.close()


def test_the_migration_gives_round_one_slips_their_service(tmp_path: Path) -> None:
    """Closed 查阅/复制 slips of a round-one catalogue become consultations/copies; open ones stay loans."""
    fixture = Path(__file__).parents[1] / "data" / "catalogues" / "round1_0003.sqlite"
    path = tmp_path / "old.sqlite"
    path.write_bytes(fixture.read_bytes())
    open_catalogue(path).dispose()
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT use_mode, status, service, count(*) FROM loans GROUP BY 1, 2, 3").fetchall()
    finally:
        conn.close()
    for use_mode, state, service, _n in rows:
        expected = "loan" if state == "open" else loans.service_of(use_mode)
        assert service == expected, (use_mode, state)
    assert {r[2] for r in rows} >= {"consult", "copy", "loan"}
