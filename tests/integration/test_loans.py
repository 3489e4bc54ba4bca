"""Lending rules, enforced by the service on a real catalogue file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from archive_desk import cli
from archive_desk.db.engine import Database
from archive_desk.errors import DuplicateCodeError, FileLockedError, StaleEditError, StatusError, ValidationError
from archive_desk.models import AuditEntry, CatalogueSetting, Volume
from archive_desk.services import audit, catalogue, loans, room_settings
from archive_desk.services.audit import Actor
from archive_desk.services.loans import LineReturn, LoanConflictError, NotLendableError, PageCountMismatchError, RegisterFilter
from archive_desk.services.setup import open_catalogue

TODAY = date.today()
DUE = TODAY + timedelta(days=14)


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new catalogue (schema + standard data) per module; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    database = open_catalogue(path)
    with database.write() as s:  # the round-one rules of lending; personal records (理赔) have theirs in test_use.py
        room_settings.update(s, Actor("setup"), personal_record_categories=[])
    database.dispose()
    return path


@pytest.fixture
def db(db_path: Path, _template: Path) -> Iterator[Database]:
    src, dst = sqlite3.connect(_template), sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    database = open_catalogue(db_path)
    yield database
    database.dispose()


@pytest.fixture
def staff(db: Database, actor: Actor) -> loans.BorrowerRecord:
    with db.write() as s:
        return loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111", "card_no": "yg0001"})


@pytest.fixture
def outsider(db: Database, actor: Actor) -> loans.BorrowerRecord:
    with db.write() as s:
        return loans.create_borrower(s, actor, {"name": "李明", "unit": "临川市中级人民法院", "phone": "0794-8221234",
                                                 "id_number": "11010519491231002X", "kind": "outside"})


def lend(db: Database, actor: Actor, borrower: loans.BorrowerRecord, volumes, purpose="工作查考", use="外借", **kw):  # noqa: ANN001, ANN201
    """A loan (借出) by default: taking away needs an approver, who agreed unless the test says otherwise."""
    if use == "外借":
        kw.setdefault("approver", "王建国")
        kw.setdefault("opinion", "同意")
    with db.write() as s:
        return loans.lend(s, actor, borrower.id, [v.id for v in volumes], purpose, use, kw.pop("due", DUE), **kw)


def status_of(db: Database, volume_id: int) -> str:
    with db.read() as s:
        return catalogue.get_volume(s, volume_id).status


def actions(db: Database) -> list[str]:
    with db.read() as s:
        return [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]


# ---------------------------------------------------------------- borrowers


def test_id_numbers_are_masked_but_the_last_four() -> None:
    assert loans.mask_id_number("11010519491231002X") == "**************002X"
    assert loans.mask_id_number("E1234567") == "****4567"
    assert loans.mask_id_number("") == ""


def test_borrowers_are_created_edited_with_a_lock_and_deactivated_never_deleted(db: Database, actor: Actor, outsider) -> None:  # noqa: ANN001
    assert outsider.masked_id == "**************002X"
    with db.write() as s:
        edited = loans.update_borrower(s, actor, outsider.id, outsider.version, {"phone": "0794-8220000"})
    assert edited.version == outsider.version + 1
    with pytest.raises(StaleEditError), db.write() as s:
        loans.update_borrower(s, actor, outsider.id, outsider.version, {"phone": "1234567"})
    with db.write() as s:
        gone = loans.deactivate_borrower(s, actor, outsider.id, reason="调离")
    assert not gone.active
    with db.read() as s:
        assert loans.search_borrowers(s, "李明") == []
        assert [b.id for b in loans.search_borrowers(s, "李明", include_inactive=True)] == [outsider.id]
    with db.write() as s:
        assert loans.reactivate_borrower(s, actor, outsider.id).active
    assert {"borrower.create", "borrower.update", "borrower.deactivate", "borrower.reactivate"} <= set(actions(db))
    with db.read() as s:
        trail = " ".join(e.after for e in s.scalars(select(AuditEntry)))
    assert "11010519491231002X" not in trail  # ID numbers enter the audit trail masked


def test_borrower_search_and_card_lookup(db: Database, actor: Actor, staff, outsider) -> None:  # noqa: ANN001
    with db.read() as s:
        assert loans.find_borrower_by_card(s, " Yg0001 ").id == staff.id  # normalised like a scan
        assert [b.name for b in loans.search_borrowers(s, "法院")] == ["李明"]
        assert [b.name for b in loans.search_borrowers(s, "13800001111")] == ["张伟"]
        assert [b.name for b in loans.search_borrowers(s, "YG0001")] == ["张伟"]
        assert [b.name for b in loans.search_borrowers(s, kind="outside")] == ["李明"]


def test_borrower_values_are_checked(db: Database, actor: Actor, staff) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as exc, db.write() as s:
        loans.create_borrower(s, actor, {"name": " ", "id_number": "110105194912310021", "card_no": "卡1"})
    assert set(exc.value.problems) == {"name", "id_number", "card_no"}
    with pytest.raises(DuplicateCodeError, match="张伟"), db.write() as s:
        loans.create_borrower(s, actor, {"name": "张伟二", "card_no": "YG0001"})


# ---------------------------------------------------------------- lending rules


@pytest.mark.parametrize(("status", "words"), [("transferred", "已移出"), ("destroyed", "已销毁"), ("missing", "缺失"), ("void", "作废")])
def test_a_volume_that_is_gone_cannot_be_lent(db: Database, actor: Actor, staff, make_volume, status: str, words: str) -> None:  # noqa: ANN001
    ok, gone = make_volume(), make_volume()
    with db.write() as s:
        catalogue.set_status(s, actor, gone.id, status)
    with pytest.raises(NotLendableError) as exc:
        lend(db, actor, staff, [ok, gone])
    assert gone.code in str(exc.value) and words in str(exc.value)
    assert exc.value.refusals == ((gone.code, str(exc.value)),)
    assert status_of(db, ok.id) == "in_stock"  # nothing was lent


def test_a_volume_on_loan_cannot_be_lent_and_the_refusal_names_the_loan(db: Database, actor: Actor, staff, outsider, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    first = lend(db, actor, staff, [v])
    with pytest.raises(NotLendableError) as exc:
        lend(db, actor, outsider, [v], approver="王主任", opinion="同意")
    text = str(exc.value)
    assert v.code in text and "张伟" in text and first.slip_no in text
    with db.read() as s:
        check = loans.find_volume_for_loan(s, v.barcode)
    assert not check.lendable and check.open_slip == first.slip_no and check.status == "on_loan"


def test_lending_marks_volumes_on_loan_numbers_the_slip_and_audits(db: Database, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    a, b = make_volume(pages=12), make_volume(pages=30)
    record = lend(db, actor, staff, [a, b, a], clerk="赵敏", notes="介绍信 2026-17")  # a scanned twice
    assert record.slip_no == f"JY{datetime.now().year}-000001"
    assert [ln.volume_id for ln in record.lines] == [a.id, b.id]  # the double scan added nothing
    assert [ln.pages_out for ln in record.lines] == [12, 30]
    assert record.clerk == "赵敏" and record.status == "open" and record.renewals == 0
    assert status_of(db, a.id) == status_of(db, b.id) == "on_loan"
    second = lend(db, actor, staff, [make_volume()])
    assert second.slip_no.endswith("-000002")
    assert actions(db).count("loan.lend") == 2
    with db.read() as s:
        assert audit.verify_chain(s) == []


def test_the_rest_of_the_form_is_checked(db: Database, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    with pytest.raises(ValidationError) as exc:
        lend(db, actor, staff, [v], purpose="好奇", use="带回家", due=TODAY - timedelta(days=1))
    assert set(exc.value.problems) == {"purpose", "use_mode", "due_date"}
    with pytest.raises(ValidationError) as exc:
        lend(db, actor, staff, [])
    assert "volume_ids" in exc.value.problems
    with db.write() as s:
        loans.deactivate_borrower(s, actor, staff.id)
    with pytest.raises(ValidationError, match="停用"):
        lend(db, actor, staff, [v])


@pytest.mark.parametrize(
    ("who", "use", "security", "reason"),
    [("staff", "查阅", "秘密", "涉密档案（秘密）"), ("staff", "查阅", "绝密", "涉密档案（绝密）"), ("outside", "查阅", "公开", "外单位借阅人"),
     ("staff", "外借", "公开", "档案带出（外借）")],
)
def test_approval_is_required_by_the_rules(db: Database, actor: Actor, staff, outsider, make_volume, who: str, use: str,  # noqa: ANN001
                                           security: str, reason: str) -> None:
    borrower = staff if who == "staff" else outsider
    v = make_volume(security=security)
    with pytest.raises(ValidationError) as exc:
        lend(db, actor, borrower, [v], use=use, approver="", opinion="")
    assert set(exc.value.problems) == {"approver", "approval_opinion"}
    assert reason in exc.value.problems["approver"]
    with pytest.raises(ValidationError) as exc:
        lend(db, actor, borrower, [v], use=use, approver="王主任", opinion="")
    assert set(exc.value.problems) == {"approval_opinion"}
    record = lend(db, actor, borrower, [v], use=use, approver="王主任", opinion="同意，按期归还")
    assert (record.approver, record.approval_opinion) == ("王主任", "同意，按期归还")


def test_no_approval_for_staff_reading_open_volumes_and_rules_are_configurable(db: Database, actor: Actor, staff, outsider,  # noqa: ANN001
                                                                                make_volume) -> None:
    assert lend(db, actor, staff, [make_volume(security="内部")], use="查阅").approver == ""
    with db.write() as s:
        s.execute(update(CatalogueSetting).where(CatalogueSetting.key == "approval_rules")
                  .values(value={"security_at_or_above": "机密", "outside_borrowers": False, "take_away": False}))
    secret, confidential = make_volume(security="秘密"), make_volume(security="机密")
    with db.read() as s:
        assert loans.approval_required(s, outsider.id, [secret.id], "外借") == ()
        assert loans.approval_required(s, outsider.id, [confidential.id], "外借") != ()
    lend(db, actor, outsider, [make_volume(security="秘密")], use="外借")


def test_the_unique_index_settles_a_race_the_check_did_not_see(db: Database, db_path: Path, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    """An open line for a volume whose status still says in stock (another backend, a slower path):
    the partial unique index refuses the second line and the message names the volume and the slip."""
    v = make_volume()
    first = lend(db, actor, staff, [v])
    with db.write() as s:  # status put back behind the service's back
        s.execute(update(Volume).where(Volume.id == v.id).values(status="in_stock"))
    with pytest.raises(LoanConflictError) as exc:
        lend(db, actor, staff, [v])
    assert v.code in str(exc.value) and first.slip_no in str(exc.value) and "另一台工作站" in str(exc.value)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM loans").fetchone()[0] == 1  # the second slip was rolled back
    conn.close()


# ---------------------------------------------------------------- returns and renewals


def test_partial_return_with_a_page_difference_confirmed_and_recorded(db: Database, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    a, b, c = make_volume(pages=20), make_volume(pages=30), make_volume(pages=40)
    record = lend(db, actor, staff, [a, b, c])
    with pytest.raises(PageCountMismatchError) as exc, db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(a.id, pages_back=19), LineReturn(b.id)])
    assert exc.value.differences == ((a.code, 20, 19),)
    assert status_of(db, a.id) == "on_loan"  # nothing recorded
    with db.write() as s:
        result = loans.return_volumes(s, actor, [LineReturn(a.id, pages_back=19, outcome="核实了赔付金额"), LineReturn(b.id)],
                                      received_by="孙丽华", accept_page_difference=True)
    assert result.closed_slips == ()
    assert result.page_differences == ((a.code, 20, 19),)
    loan = result.loans[0]
    assert loan.status == "open" and [ln.volume_id for ln in loan.open_lines] == [c.id]
    line_a = next(ln for ln in loan.lines if ln.volume_id == a.id)
    assert (line_a.pages_back, line_a.page_difference, line_a.returned_to, line_a.outcome) == (19, -1, "孙丽华", "核实了赔付金额")
    assert status_of(db, a.id) == status_of(db, b.id) == "in_stock" and status_of(db, c.id) == "on_loan"
    with db.read() as s:
        after = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "loan.return")).one()
    assert json.loads(after)["page_difference_accepted"] == [[a.code, 20, 19]]
    with db.write() as s:
        last = loans.return_volumes(s, actor, [LineReturn(c.id, condition="破损", note="封面撕裂")])
    assert last.closed_slips == (record.slip_no,)
    assert last.loans[0].status == "closed"


def test_returns_are_checked(db: Database, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    v, idle = make_volume(), make_volume()
    lend(db, actor, staff, [v])
    with pytest.raises(ValidationError, match="破损"), db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(v.id, condition="破损")])  # damage needs a note
    with pytest.raises(StatusError, match="未借出"), db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(idle.id)])
    with db.read() as s, pytest.raises(StatusError):
        loans.find_line_for_return(s, idle.barcode)
    with db.read() as s:
        loan, line = loans.find_line_for_return(s, v.barcode.lower())
    assert line.volume_id == v.id and loan.borrower.name == "张伟"


def test_renewals_are_counted_and_checked(db: Database, actor: Actor, staff, make_volume) -> None:  # noqa: ANN001
    v = make_volume()
    record = lend(db, actor, staff, [v])
    with db.write() as s:
        once = loans.renew(s, actor, record.id, DUE + timedelta(days=7), note="诉讼未结")
    with db.write() as s:
        twice = loans.renew(s, actor, record.id, DUE + timedelta(days=14), expected_version=once.version)
    assert (once.renewals, twice.renewals, twice.due_date) == (1, 2, DUE + timedelta(days=14))
    assert "诉讼未结" in twice.notes
    with pytest.raises(ValidationError), db.write() as s:
        loans.renew(s, actor, record.id, DUE)
    with pytest.raises(StaleEditError), db.write() as s:
        loans.renew(s, actor, record.id, DUE + timedelta(days=30), expected_version=once.version)
    with db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(v.id)])
    with pytest.raises(StatusError), db.write() as s:
        loans.renew(s, actor, record.id, DUE + timedelta(days=40))
    assert actions(db).count("loan.renew") == 2


# ---------------------------------------------------------------- overdue, history, register, figures


def test_overdue_list_count_and_reminders(db: Database, actor: Actor, staff, outsider, make_volume) -> None:  # noqa: ANN001
    a, b, c = make_volume(), make_volume(), make_volume()
    early = lend(db, actor, staff, [a, b], due=TODAY + timedelta(days=2))
    lend(db, actor, outsider, [c], due=TODAY + timedelta(days=10), approver="王主任", opinion="同意")
    later = TODAY + timedelta(days=5)
    with db.read() as s:
        assert loans.overdue_count(s) == 0
        assert loans.overdue_count(s, later) == 1
        rows = loans.overdue_loans(s, later)
    assert [(r.slip_no, r.days_overdue, r.name, r.unit, r.phone) for r in rows] == [(early.slip_no, 3, "张伟", "理赔部", "13800001111")]
    assert [code for code, _t in rows[0].volumes] == [a.code, b.code]
    with db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(a.id)])
    with db.read() as s:
        notices = loans.overdue_notices(s, TODAY + timedelta(days=12), clerk="赵敏")
    assert [n.borrower for n in notices] == ["张伟", "李明"]  # most overdue first
    assert [ln.code for ln in notices[0].lines] == [b.code] and notices[0].lines[0].days_overdue == 10
    assert notices[0].clerk == "赵敏" and notices[0].notice_date == TODAY + timedelta(days=12)


def test_volume_history_and_register_filters(db: Database, actor: Actor, staff, outsider, make_volume) -> None:  # noqa: ANN001
    v, w = make_volume(), make_volume()
    first = lend(db, actor, staff, [v, w], purpose="保险理赔")
    with db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(v.id, outcome="为追偿提供证据")])
    second = lend(db, actor, outsider, [v], purpose="法律诉讼", approver="王主任", opinion="同意")
    with db.read() as s:
        history = loans.volume_loan_history(s, v.id)
        assert [(h.slip_no, h.borrower) for h in history] == [(second.slip_no, "李明"), (first.slip_no, "张伟")]
        assert history[1].outcome == "为追偿提供证据" and history[0].returned_at is None
        assert len(loans.register(s)) == 3 == loans.count_register(s)
        page = loans.register_page(s, limit=2)  # the register tab: the newest lines and how many in all
        assert [r.line_id for r in page.rows] == [r.line_id for r in loans.register(s)][:2] and page.total == 3
        assert {r.code for r in loans.register(s, RegisterFilter(state="open"))} == {v.code, w.code}
        assert [r.outcome for r in loans.register(s, RegisterFilter(state="returned"))] == ["为追偿提供证据"]
        assert [r.slip_no for r in loans.register(s, RegisterFilter(purpose="法律诉讼"))] == [second.slip_no]
        assert [r.slip_no for r in loans.register(s, RegisterFilter(borrower_id=outsider.id, use_mode="外借"))] == [second.slip_no]
        assert {r.borrower for r in loans.register(s, RegisterFilter(borrower="法院"))} == {"李明"}
        assert [r.code for r in loans.register(s, RegisterFilter(volume=w.code))] == [w.code]
        assert loans.register(s, RegisterFilter(date_from=TODAY + timedelta(days=1))) == []
        assert len(loans.register(s, RegisterFilter(date_from=TODAY, date_to=TODAY))) == 3
        overdue = loans.register(s, RegisterFilter(state="overdue", today=DUE + timedelta(days=1)))
        assert {r.code for r in overdue} == {v.code, w.code}
        assert loans.register(s, limit=1, offset=1)[0].line_id == loans.register(s)[1].line_id


def test_yearly_figures_count_one_person_per_purpose(db: Database, actor: Actor, staff, outsider, make_volume, lp_category_id) -> None:  # noqa: ANN001
    year = TODAY.year - 1
    day1 = datetime(year, 3, 2, 9, 0)
    vols = [make_volume() for _ in range(6)]
    with db.write() as s:
        kj = catalogue.get_category(s, code="KJ")
    kj_volume = make_volume(category_id=kj.id, year=2019, retention="Y", custom={})

    def lend_at(borrower, volumes, when, purpose="工作查考", use="查阅", **kw):  # noqa: ANN001, ANN202
        with db.write() as s:
            rec = loans.lend(s, actor, borrower.id, [v.id for v in volumes], purpose, use, when.date() + timedelta(days=7),
                             now=when, **kw)
            if rec.service != loans.COPY:
                loans.return_volumes(s, actor, [LineReturn(v.id) for v in volumes], now=when + timedelta(hours=3))
            return rec

    lend_at(staff, vols[:2], day1)  # 张伟 twice on one day for one purpose: one 人次, three 卷次
    lend_at(staff, [vols[2]], day1.replace(hour=15), purpose="编史修志")  # another purpose: another 人次
    lend_at(staff, [vols[3]], day1 + timedelta(days=1))  # the next day, the same purpose: the same 人次
    lend_at(staff, [vols[3]], day1 + timedelta(days=9))  # a week later: another 人次
    lend_at(outsider, [vols[4], kj_volume], day1, purpose="法律诉讼", use="复制", approver="王主任", opinion="同意",
            copies={vols[4].id: loans.CopyDetail("全卷", 42), kj_volume.id: loans.CopyDetail("第1-3页", 3)})
    lend_at(staff, [vols[5]], datetime(year + 1, 1, 1, 9, 0) if year + 1 < TODAY.year else datetime(year - 1, 12, 31, 16, 0))
    with db.read() as s:
        f = loans.yearly_figures(s, year)
    assert (f.person_times, f.volume_times, f.loans, f.borrowers, f.outside_person_times) == (4, 7, 5, 2, 1)
    purpose = {r.key: (r.person_times, r.volume_times) for r in f.by_purpose}
    assert purpose == {"工作查考": (2, 4), "编史修志": (1, 1), "法律诉讼": (1, 2)}
    assert [r.key for r in f.by_purpose] == ["工作查考", "编史修志", "法律诉讼"]  # in the room's order
    assert {r.key: (r.person_times, r.volume_times) for r in f.by_use} == {"查阅": (3, 5), "复制": (1, 2)}
    assert {r.key: (r.person_times, r.volume_times, r.label) for r in f.by_category} == {"LP": (4, 6, "理赔"), "KJ": (1, 1, "科技")}
    assert f.copied_pages == 45
    with pytest.raises(AttributeError):
        f.person_times = 0  # type: ignore[misc]  # frozen


# ---------------------------------------------------------------- register export and staff import


def test_register_exports_to_excel(db: Database, actor: Actor, staff, make_volume, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    v = make_volume(title="王芳家庭财产保险暴雨水淹理赔案卷")
    record = lend(db, actor, staff, [v], purpose="保险理赔")
    out = tmp_path / "登记簿.xlsx"
    with db.read() as s:
        assert loans.export_register(s, RegisterFilter(purpose="保险理赔"), out) == 1
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "档案室借阅登记簿"
    header = [c.value for c in ws[4]]
    assert header[:3] == ["借阅单号", "借阅日期", "借阅人"] and "利用效果" in header
    row = [c.value for c in ws[5]]
    assert row[0] == record.slip_no and row[2] == "张伟" and row[6] == v.code and row[7] == v.title
    assert isinstance(row[1], datetime) and row[12] == datetime.combine(DUE, datetime.min.time())
    assert not list(tmp_path.glob(".*"))  # no temporary file left

    def locked(*_a: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileLockedError), db.read() as s:
        loans.export_register(s, None, out)
    assert not list(tmp_path.glob(".*")) and openpyxl.load_workbook(out).active["A1"].value  # the old file is intact


def _staff_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["职工名单"])
    ws.append(["序号", "姓名", "部门", "工号", "手机号", "身份证号"])
    ws.append([1, "陈静", "财务部", "YG1001", "13900001111", None])
    ws.append([2, "刘洋", "人事部", "YG1002", "13900002222", "11010519491231002X"])
    ws.append([3, "刘洋", "人事部", "YG1002", "13900002222", None])  # the same card twice in the file
    ws.append([4, "张伟", "理赔部", "YG0001", "13800001111", None])  # already registered
    ws.append([5, "周敏", "办公室", "YG1003", "电话待补", None])  # a bad phone number
    ws.append([None, "合计", None, None, None, None])
    wb.save(path)
    return path


def test_staff_list_import_reports_duplicates_and_is_atomic(db: Database, actor: Actor, staff, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = _staff_list(tmp_path / "职工名单.xlsx")
    real_create = loans.create_borrower
    calls = []

    def failing(*args: object, **kw: object):  # noqa: ANN202
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real_create(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(loans.borrowers, "create_borrower", failing)  # where import_borrowers looks it up
    with pytest.raises(RuntimeError), db.write() as s:
        loans.import_borrowers(s, actor, path)
    with db.read() as s:
        assert [b.name for b in loans.search_borrowers(s)] == ["张伟"]  # all or nothing
    monkeypatch.setattr(loans.borrowers, "create_borrower", real_create)

    with db.write() as s:
        result = loans.import_borrowers(s, actor, path)
    assert (result.created, result.updated, result.key_field) == (2, 0, "card_no")
    assert [(p.row, p.key) for p in result.duplicates] == [(5, "YG1002")]
    assert [(p.row, p.key) for p in result.existing] == [(6, "YG0001")]
    assert [p.row for p in result.rejected] == [7] and "电话待补" in result.rejected[0].reason
    with db.read() as s:
        liu = loans.find_borrower_by_card(s, "YG1002")
        assert liu.kind == "staff" and liu.masked_id.endswith("002X") and liu.unit == "人事部"
    assert actions(db).count("borrower.import") == 1
    with db.write() as s:  # importing the same list again adds nobody
        again = loans.import_borrowers(s, actor, path)
    assert again.created == 0 and len(again.existing) == 3


# ---------------------------------------------------------------- CLI


def test_cli_lists_overdue_loans_as_json(db: Database, db_path: Path, actor: Actor, staff, make_volume, capsys) -> None:  # noqa: ANN001
    v = make_volume()
    with db.write() as s:
        rec = loans.lend(s, actor, staff.id, [v.id], "工作查考", "外借", TODAY + timedelta(days=1), "王建国", "同意",
                         now=datetime.now() - timedelta(days=9))
    db.dispose()
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    later = (TODAY + timedelta(days=4)).isoformat()
    out = subprocess.run([sys.executable, "-m", "archive_desk", "loans", "overdue", "--db", str(db_path), "--json", "--today", later],
                         capture_output=True, text=True, env=env, check=True, timeout=60)
    data = json.loads(out.stdout)
    assert [(d["slip_no"], d["days_overdue"], d["borrower"], d["unit"], d["phone"]) for d in data] == [
        (rec.slip_no, 3, "张伟", "理赔部", "13800001111")]
    assert data[0]["volumes"][0]["code"] == v.code
    assert cli.main(["--lang", "zh_CN", "loans", "overdue", "--db", str(db_path)]) == 0  # as text, in-process
    assert "没有逾期未还的借阅" in capsys.readouterr().out
