"""The yearly inventory workbook: every value read back (openpyxl, and LibreOffice) equals the catalogue,
computed here independently from the raw tables; safe writing (locked target, cancel, progress); the CLI."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from archive_desk.errors import FileLockedError
from archive_desk.exporting import filesafe
from archive_desk.exporting.filesafe import ExportCancelled
from archive_desk.i18n import set_language
from archive_desk.services import catalogue, inventory, stocktake
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo
from archive_desk.services.setup import open_catalogue

YEAR = 2025


@pytest.fixture(autouse=True)
def _shanghai(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN202
    """The room's clock: UTC+8, so that UTC timestamps near midnight fall on another local day."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo catalogue (with its loans, receiving batches, hand-overs and destructions) plus planted
    edge cases around the turn of the year."""
    path = tmp_path_factory.mktemp("inv") / "demo.sqlite"
    build_demo(path, 600, seed=11)
    conn = sqlite3.connect(path)
    try:
        ids = [vid for (vid,) in conn.execute("SELECT id FROM volumes WHERE status = 'in_stock' ORDER BY id DESC LIMIT 8")]
        a, b, c, d, e, f, g, h = ids
        # catalogued 2025-12-31 20:00 UTC = 2026-01-01 04:00 in the room: received in 2026, not in 2025
        conn.execute("DELETE FROM transfer_lines WHERE volume_id IN (?, ?, ?, ?)", (a, b, c, d))
        conn.execute("UPDATE volumes SET created_at = '2025-12-31 20:00:00.000000' WHERE id = ?", (a,))
        # catalogued 2025-12-31 15:59 UTC = 23:59 in the room: received in 2025
        conn.execute("UPDATE volumes SET created_at = '2025-12-31 15:59:00.000000' WHERE id = ?", (b,))
        # destroyed without a destruction list: gone on the day its status changed (2026-01-01 local)
        conn.execute("UPDATE volumes SET status = 'destroyed', created_at = '2020-01-01 00:00:00',"
                     " updated_at = '2025-12-31 16:30:00.000000' WHERE id = ?", (c,))
        conn.execute("UPDATE volumes SET status = 'void', created_at = '2020-01-01 00:00:00' WHERE id = ?", (d,))
        conn.execute("UPDATE volumes SET status = 'missing' WHERE id = ?", (e,))
        # handed over on 2025-12-31 (confirmed), and a draft hand-over that changes nothing
        conn.execute("INSERT INTO transfer_batches (batch_no, direction, nature, from_unit, to_unit, from_handler, to_handler,"
                     " from_leader, to_leader, transfer_date, finding_aids, status, confirmed_at, notes, created_at, created_by,"
                     " updated_at, updated_by, version) VALUES ('YC-TEST-1', 'out', '移交', '档案室', '临川市档案馆', '', '', '',"
                     " '', '2025-12-31', '', 'confirmed', '2025-12-31 02:00:00', '', '2025-12-31 02:00:00', 't',"
                     " '2025-12-31 02:00:00', 't', 1)")
        out_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        conn.execute("INSERT INTO transfer_batches (batch_no, direction, nature, from_unit, to_unit, from_handler, to_handler,"
                     " from_leader, to_leader, transfer_date, finding_aids, status, confirmed_at, notes, created_at, created_by,"
                     " updated_at, updated_by, version) VALUES ('YC-TEST-2', 'out', '移交', '档案室', '临川市档案馆', '', '', '',"
                     " '', '2025-06-30', '', 'draft', NULL, '', '2025-06-30 02:00:00', 't', '2025-06-30 02:00:00', 't', 1)")
        draft_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        for batch, vid in ((out_id, f), (draft_id, g)):
            code, title = conn.execute("SELECT code, title FROM volumes WHERE id = ?", (vid,)).fetchone()
            conn.execute("INSERT INTO transfer_lines (batch_id, seq, volume_id, code, title, year, retention, item_count, pages,"
                         " expected, found, found_pages, data, notes) VALUES (?, 1, ?, ?, ?, 2020, 'Y', 1, 1, 1, 1, NULL, '{}', '')",
                         (batch, vid, code, title))
        conn.execute("UPDATE volumes SET status = 'transferred', updated_at = '2026-02-01 00:00:00' WHERE id = ?", (f,))
        # loans by one borrower on New Year's Eve for three purposes (three person-times), one just after
        borrower = conn.execute("SELECT id FROM borrowers ORDER BY id LIMIT 1").fetchone()[0]
        for i, (at, purpose, use) in enumerate((("2025-12-31 09:00:00", "工作查考", "查阅"), ("2025-12-31 15:00:00", "编史修志", "复制"),
                                                ("2025-12-31 23:50:00", "法律诉讼", "摘录"), ("2026-01-01 00:05:00", "其他", "查阅"))):
            conn.execute("INSERT INTO loans (slip_no, borrower_id, purpose, use_mode, lent_at, due_date, approver, approval_opinion,"
                         " clerk, renewals, status, notes, created_at, created_by, updated_at, updated_by, version)"
                         " VALUES (?, ?, ?, ?, ?, '2026-01-14', '', '', 't', 0, 'closed', '', ?, 't', ?, 't', 1)",
                         (f"JY-TEST-{i}", borrower, purpose, use, at, at, at))
            loan_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
            conn.execute("INSERT INTO loan_lines (loan_id, volume_id, pages_out, returned_at, returned_to, pages_back, condition,"
                         " condition_note, outcome) VALUES (?, ?, 1, '2026-01-05 10:00:00', 't', 1, '完好', '', '查到了')",
                         (loan_id, h))
        conn.commit()
    finally:
        conn.close()
    # a stocktake finished in the year (finished_at as stored: now, i.e. this year)
    db = open_catalogue(path)
    try:
        actor = Actor("clerk1", "ws1")
        with db.read() as s:
            layer = s.execute(stocktake.select(stocktake.L.c.id, stocktake.L.c.barcode).order_by(stocktake.L.c.id).limit(1)).one()
        with db.write() as s:
            st = stocktake.start(s, actor, "年度盘点", stocktake.Scope(layers=(layer.id,)))
            stocktake.record_scan(s, actor, st.id, layer.barcode)
            stocktake.finish(s, actor, st.id)
    finally:
        db.dispose()
    return path


# ---------------------------------------------------------------- the catalogue, computed independently


def local_day(stamp: str | None) -> date | None:
    if not stamp:
        return None
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC).astimezone().date()


class Truth:
    """What the workbook must say, from the raw tables and the counting rules of services/inventory.py."""

    def __init__(self, path: Path, year: int) -> None:
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        self.year = year
        end = date(year, 12, 31)
        start = date(year - 1, 12, 31)
        rin: dict[int, tuple[str, str, str]] = {}
        for r in conn.execute("SELECT l.volume_id, coalesce(b.transfer_date, date(b.confirmed_at)) d, b.batch_no, b.from_unit"
                              " FROM transfer_lines l JOIN transfer_batches b ON b.id = l.batch_id"
                              " WHERE b.direction = 'in' AND b.status = 'confirmed' AND l.volume_id IS NOT NULL"):
            if r["volume_id"] not in rin or r["d"] < rin[r["volume_id"]][0]:
                rin[r["volume_id"]] = (r["d"], r["batch_no"], r["from_unit"])
        rout: dict[int, tuple[str, str, str]] = {}
        for r in conn.execute("SELECT l.volume_id, coalesce(b.transfer_date, date(b.confirmed_at)) d, b.batch_no, b.to_unit"
                              " FROM transfer_lines l JOIN transfer_batches b ON b.id = l.batch_id"
                              " WHERE b.direction = 'out' AND b.status = 'confirmed' AND l.volume_id IS NOT NULL"):
            rout[r["volume_id"]] = max(rout.get(r["volume_id"], ("", "", "")), (r["d"], r["batch_no"], r["to_unit"]))
        dest: dict[int, tuple[str, str]] = {}
        for r in conn.execute("SELECT l.volume_id, coalesce(a.destroyed_on, date(a.updated_at)) d, a.list_no FROM appraisal_lines l"
                              " JOIN appraisals a ON a.id = l.appraisal_id WHERE a.status = 'confirmed' AND l.decision = 'destroy'"):
            dest[r["volume_id"]] = max(dest.get(r["volume_id"], ("", "")), (r["d"], r["list_no"]))
        cats = {r["id"]: r for r in conn.execute("SELECT * FROM categories")}
        fonds = {r["id"]: r for r in conn.execute("SELECT * FROM fonds")}
        layers = {r["id"]: r["code"] for r in conn.execute("SELECT id, code FROM layers")}
        self.volumes = []
        for v in conn.execute("SELECT * FROM volumes ORDER BY code"):
            entered = date.fromisoformat(rin[v["id"]][0]) if v["id"] in rin else local_day(v["created_at"])
            left = None
            if v["status"] == "transferred":
                left = date.fromisoformat(rout[v["id"]][0]) if v["id"] in rout else local_day(v["updated_at"])
            elif v["status"] == "destroyed":
                left = date.fromisoformat(dest[v["id"]][0]) if v["id"] in dest else local_day(v["updated_at"])
            self.volumes.append((v, entered, left))

        def held(entered: date, left: date | None, status: str, on: date) -> bool:
            return status != "void" and entered <= on and not (left is not None and left <= on)

        self.held = [(v, e, lft) for v, e, lft in self.volumes if held(e, lft, v["status"], end)]
        self.held_start = [(v, e, lft) for v, e, lft in self.volumes if held(e, lft, v["status"], start)]
        self.received = [(v, e, lft) for v, e, lft in self.volumes if v["status"] != "void" and e.year == year]
        self.transferred = [(v, e, lft) for v, e, lft in self.volumes if v["status"] == "transferred" and lft and lft.year == year]
        self.destroyed = [(v, e, lft) for v, e, lft in self.volumes if v["status"] == "destroyed" and lft and lft.year == year]
        self.rin, self.rout, self.dest, self.cats, self.fonds, self.layers = rin, rout, dest, cats, fonds, layers

        groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for v, _e, _l in self.held:
            key = (fonds[v["fonds_id"]]["code"], cats[v["category_id"]]["code"], v["retention"])
            g = groups[key]
            g[0] += 1
            g[1] += v["item_count"]
            g[2] += v["pages"]
            g[3] += 1 if cats[v["category_id"]]["filing_mode"] == "item" else 0
        self.groups = groups

        lines = conn.execute(
            "SELECT l.slip_no, l.lent_at, b.id bid, b.name, b.unit, l.purpose, l.use_mode, v.code, v.title, l.due_date,"
            " ll.returned_at, ll.outcome, ll.id llid FROM loan_lines ll JOIN loans l ON l.id = ll.loan_id"
            " JOIN borrowers b ON b.id = l.borrower_id JOIN volumes v ON v.id = ll.volume_id"
            " WHERE l.lent_at >= ? AND l.lent_at < ? ORDER BY l.lent_at, l.slip_no, ll.id",
            (f"{year}-01-01 00:00:00", f"{year + 1}-01-01 00:00:00")).fetchall()
        self.loan_lines = lines
        loans = conn.execute("SELECT borrower_id, lent_at, purpose FROM loans WHERE lent_at >= ? AND lent_at < ?",
                             (f"{year}-01-01 00:00:00", f"{year + 1}-01-01 00:00:00")).fetchall()
        self.person_times = _person_times(loans)
        self.volume_times = len(lines)
        conn.close()


def _person_times(loans) -> int:  # noqa: ANN001
    """利用人次 by hand: one person's use for one purpose counts once, and once over consecutive days (a run
    broken only by a weekday without a use; the demo room lists no holidays)."""
    days: dict[tuple[int, str], set[date]] = {}
    for r in loans:
        days.setdefault((r["borrower_id"], r["purpose"]), set()).add(date.fromisoformat(r["lent_at"][:10]))
    count = 0
    for run in days.values():
        ordered = sorted(run)
        count += 1
        for a, b in zip(ordered, ordered[1:], strict=False):
            if any((a + timedelta(days=i)).weekday() < 5 for i in range(1, (b - a).days)):
                count += 1
    return count


def values(ws) -> list[tuple]:  # noqa: ANN001
    return [tuple(row) for row in ws.iter_rows(min_row=2, values_only=True)]


def dt(d: date | str | None) -> datetime | None:
    if d is None or d == "":
        return None
    if isinstance(d, str):
        return datetime.fromisoformat(d)
    return datetime(d.year, d.month, d.day)


def export(path: Path, year: int, out: Path, **kw) -> Path:  # noqa: ANN003
    db = open_catalogue(path)
    try:
        with db.read() as s:
            return inventory.export_inventory(s, year, out, **kw)
    finally:
        db.dispose()


# ---------------------------------------------------------------- value by value


@pytest.mark.parametrize("year", [YEAR, YEAR + 1])
def test_every_value_read_back_equals_the_catalogue(demo_file: Path, tmp_path: Path, year: int) -> None:
    out = export(demo_file, year, tmp_path / "inventory.xlsx")
    truth = Truth(demo_file, year)
    assert truth.held and truth.received, "the scenario must hold and receive volumes in the year"
    wb = openpyxl.load_workbook(out, read_only=True, data_only=True)
    assert wb.sheetnames == ["汇总", "年报", "案卷目录", "本年接收", "本年移出", "本年销毁", "本年借阅"]

    ret = catalogue.RETENTION_LABELS
    status = catalogue.status_label
    expected = []
    for i, (v, _e, _l) in enumerate(truth.held, start=1):
        expected.append((i, v["code"], truth.fonds[v["fonds_id"]]["code"], truth.cats[v["category_id"]]["name_zh"], v["year"],
                         ret[v["retention"]], v["security"], v["title"], v["responsible"] or None, dt(v["start_date"]),
                         dt(v["end_date"]), v["item_count"], v["pages"], v["box_no"],
                         truth.layers.get(v["layer_id"]), status(v["status"])))
    assert values(wb["案卷目录"]) == expected

    expected = []
    for i, (v, e, _l) in enumerate(truth.received, start=1):
        batch = truth.rin.get(v["id"])
        source = " ".join(x for x in (batch[1], batch[2]) if x) if batch else None
        expected.append((i, v["code"], truth.fonds[v["fonds_id"]]["code"], truth.cats[v["category_id"]]["name_zh"], v["year"],
                         ret[v["retention"]], v["title"], v["item_count"], v["pages"], dt(e), source or None,
                         status(v["status"])))
    assert values(wb["本年接收"]) == expected

    expected = []
    for i, (v, _e, left) in enumerate(truth.transferred, start=1):
        batch = truth.rout.get(v["id"], ("", "", ""))
        expected.append((i, v["code"], truth.fonds[v["fonds_id"]]["code"], truth.cats[v["category_id"]]["name_zh"], v["year"],
                         ret[v["retention"]], v["title"], v["item_count"], v["pages"], dt(left), batch[1] or None, batch[2] or None))
    assert values(wb["本年移出"]) == expected

    expected = []
    for i, (v, _e, left) in enumerate(truth.destroyed, start=1):
        lst = truth.dest.get(v["id"], ("", ""))
        expected.append((i, v["code"], truth.fonds[v["fonds_id"]]["code"], truth.cats[v["category_id"]]["name_zh"], v["year"],
                         ret[v["retention"]], v["title"], v["item_count"], v["pages"], dt(left), lst[1] or None))
    assert values(wb["本年销毁"]) == expected

    expected = [(i, r["slip_no"], dt(r["lent_at"]), r["name"], r["unit"] or None, r["purpose"], r["use_mode"], r["code"],
                 r["title"], dt(r["due_date"]), dt(r["returned_at"]), r["outcome"] or None)
                for i, r in enumerate(truth.loan_lines, start=1)]
    got = values(wb["本年借阅"])
    # Excel keeps times to the millisecond; the catalogue's are to the second
    assert [tuple(x.replace(microsecond=0) if isinstance(x, datetime) else x for x in row) for row in got] == expected

    # the summary: holdings by fonds × category × retention, totals, changes, use
    summary = list(wb["汇总"].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(summary) if row[0] == "全宗号") + 1
    got_groups = {}
    for row in summary[start:]:
        if row[0] == "合计":
            totals = row
            break
        got_groups[(row[0], next(c["code"] for c in truth.cats.values() if c["name_zh"] == row[2]),
                    next(k for k, lab in ret.items() if lab == row[3]))] = list(row[4:8])
    assert got_groups == {k: v for k, v in truth.groups.items()}
    assert list(totals[4:8]) == [sum(g[i] for g in truth.groups.values()) for i in range(4)]
    changes = {row[0]: row[2:5] for row in summary if row[0] in ("年初室藏", "本年接收", "本年移出", "本年销毁", "年末室藏")}

    def tot(rows: list) -> tuple:
        return (len(rows), sum(v["item_count"] for v, _e, _l in rows), sum(v["pages"] for v, _e, _l in rows))

    assert changes["年初室藏"] == tot(truth.held_start)
    assert changes["本年接收"] == tot(truth.received)
    assert changes["本年移出"] == tot(truth.transferred)
    assert changes["本年销毁"] == tot(truth.destroyed)
    assert changes["年末室藏"] == tot(truth.held)
    use = next(row for row in summary if isinstance(row[0], str) and row[0].startswith("全年合计"))
    assert use[2:4] == (truth.person_times, truth.volume_times)
    by_purpose = {row[1]: row[2:4] for row in summary if row[0] == "按借阅目的"}
    assert sum(n for _p, n in by_purpose.values()) == truth.volume_times
    stocktakes = [row for row in summary if row[0] == "年度盘点"]
    assert len(stocktakes) == (1 if year == date.today().year else 0)

    # the annual report layout
    annual = {row[0].strip(): row[3] for row in wb["年报"].iter_rows(min_row=6, values_only=True) if row[0] and row[1]}
    paper = [v for v, _e, _l in truth.held if truth.cats[v["category_id"]]["code"] not in ("ZP", "SX", "SW")]
    assert annual["全宗"] == len({truth.fonds[v["fonds_id"]]["code"] for v, _e, _l in truth.held})
    assert annual["档案（纸质，以卷计；按件整理的一盒计一卷）"] == len(paper)
    assert annual["本年接收档案"] == len(truth.received)
    assert annual["本年销毁档案"] == len(truth.destroyed)
    assert annual["利用人次"] == truth.person_times
    assert annual["利用档案"] == truth.volume_times
    wb.close()


def test_large_registers_are_read_by_their_own_pass(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Registers too large to keep aside while the holdings stream are read again for their sheet: same values."""
    kept = export(demo_file, YEAR, tmp_path / "kept.xlsx")
    monkeypatch.setattr(inventory._Registers, "KEEP_LIMIT", 0)
    streamed = export(demo_file, YEAR, tmp_path / "streamed.xlsx")
    a = openpyxl.load_workbook(kept, read_only=True)
    b = openpyxl.load_workbook(streamed, read_only=True)
    for name in ("案卷目录", "本年接收", "本年移出", "本年销毁"):
        assert values(a[name]) == values(b[name]), name
    assert values(a["本年接收"]), "the scenario receives volumes in the year"
    a.close()
    b.close()


def test_turn_of_the_year_edge_cases(demo_file: Path, tmp_path: Path) -> None:
    """The planted volumes land in the year the room's clock says (UTC+8), not the UTC one."""
    t25, t26 = Truth(demo_file, 2025), Truth(demo_file, 2026)
    conn = sqlite3.connect(demo_file)
    a, b, c, d = [vid for (vid,) in conn.execute("SELECT id FROM volumes WHERE status IN ('in_stock', 'destroyed', 'void')"
                                                  " AND created_at IN ('2025-12-31 20:00:00.000000', '2025-12-31 15:59:00.000000',"
                                                  " '2020-01-01 00:00:00') ORDER BY id DESC")][:4]
    conn.close()
    received25 = {v["id"] for v, _e, _l in t25.received}
    received26 = {v["id"] for v, _e, _l in t26.received}
    assert a in received26 and a not in received25
    assert b in received25
    assert c in {v["id"] for v, _e, _l in t26.destroyed} and c in {v["id"] for v, _e, _l in t25.held}
    assert d not in {v["id"] for v, _e, _l in t25.held}
    assert t25.person_times >= 3  # New Year's Eve: one borrower for three purposes counts three times
    out = export(demo_file, 2025, tmp_path / "i.xlsx")
    wb = openpyxl.load_workbook(out, read_only=True)
    codes = {row[1] for row in values(wb["本年接收"])}
    wb.close()
    conn = sqlite3.connect(demo_file)
    code_a, code_b = (conn.execute("SELECT code FROM volumes WHERE id = ?", (x,)).fetchone()[0] for x in (a, b))
    conn.close()
    assert code_b in codes and code_a not in codes


def test_formatting_staff_expect(demo_file: Path, tmp_path: Path) -> None:
    out = export(demo_file, YEAR, tmp_path / "inventory.xlsx")
    wb = openpyxl.load_workbook(out)  # full mode: page setup, panes, filters
    for name in ("案卷目录", "本年接收", "本年移出", "本年销毁", "本年借阅"):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
        assert ws["A1"].font.b
        assert ws.column_dimensions["A"].width > 5
    ws = wb["案卷目录"]
    assert ws.column_dimensions["B"].width > 20  # 档号
    assert ws.column_dimensions["H"].width > 40  # 题名
    assert ws["J2"].number_format == "yyyy-mm-dd"
    assert ws["M2"].number_format == "#,##0"
    assert wb["汇总"].freeze_panes == "A3"
    assert wb["汇总"]._charts, "the chart of holdings by category"
    assert wb["年报"]["A5"].value == "指标名称"
    wb.close()


def test_english_sheet_names_and_headers(demo_file: Path, tmp_path: Path) -> None:
    set_language("en")
    out = export(demo_file, YEAR, tmp_path / "inventory-en.xlsx")
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Summary", "Annual report", "Holdings register", "Received", "Transferred out", "Destroyed", "Loans"]
    header = next(wb["Holdings register"].iter_rows(max_row=1, values_only=True))
    assert header[:3] == ("No.", "Archival code", "Fonds")
    wb.close()


# ---------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
def test_libreoffice_opens_the_workbook_and_reads_the_same_values(demo_file: Path, tmp_path: Path) -> None:
    out = export(demo_file, YEAR, tmp_path / "inventory.xlsx")
    profile = tmp_path / "lo-profile"
    # every sheet to CSV (sheet -1), UTF-8 (76), comma-separated; then ODS: both must convert without an error
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to",
           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", str(tmp_path / "csv"), str(out)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    assert "Error" not in run.stderr, run.stderr
    sheet_csv = tmp_path / "csv" / "inventory-案卷目录.csv"
    assert sheet_csv.exists(), sorted(p.name for p in (tmp_path / "csv").iterdir())
    with open(sheet_csv, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    truth = Truth(demo_file, YEAR)
    assert len(rows) == len(truth.held) + 1
    assert [r[1] for r in rows[1:]] == [v["code"] for v, _e, _l in truth.held]
    assert [int(r[12].replace(",", "")) for r in rows[1:]] == [v["pages"] for v, _e, _l in truth.held]
    assert [r[7] for r in rows[1:]] == [v["title"] for v, _e, _l in truth.held]
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to",
                          "ods", "--outdir", str(tmp_path / "ods"), str(out)], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0 and (tmp_path / "ods" / "inventory.ods").stat().st_size > 10_000, run.stderr


# ---------------------------------------------------------------- safe writing


def test_progress_reaches_the_total(demo_file: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export(demo_file, YEAR, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 1
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


def test_cancel_leaves_no_file(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.exporting import inventory as writer

    monkeypatch.setattr(writer, "CHUNK", 50)  # poll often on a small catalogue
    folder = tmp_path / "out"
    folder.mkdir()
    calls = []

    def cancel_soon() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ExportCancelled):
        export(demo_file, YEAR, folder / "inventory.xlsx", should_cancel=cancel_soon)
    assert list(folder.iterdir()) == []
    # an existing file is left as it was
    old = folder / "inventory.xlsx"
    old.write_bytes(b"last year's workbook")
    calls.clear()
    with pytest.raises(ExportCancelled):
        export(demo_file, YEAR, old, should_cancel=cancel_soon)
    assert list(folder.iterdir()) == [old] and old.read_bytes() == b"last year's workbook"


def test_target_open_in_excel_is_refused_before_the_work(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "inventory.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(path: Path) -> None:  # what Windows says while Excel holds the workbook
        raise PermissionError(13, "The process cannot access the file because it is being used by another process", str(path))

    monkeypatch.setattr(filesafe, "_open_existing_for_write", locked)
    with pytest.raises(FileLockedError) as err:
        export(demo_file, YEAR, target)
    assert "inventory.xlsx" in str(err.value) and "Excel" in str(err.value)
    assert target.read_bytes() == b"open in Excel"
    assert list(tmp_path.iterdir()) == [target]


def test_target_locked_at_the_end_keeps_the_old_file(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "inventory.xlsx"
    target.write_bytes(b"last year's workbook")
    real_replace = os.replace

    def refuse(src, dst):  # noqa: ANN001, ANN202 - Excel opened the file while we were writing
        if str(dst) == str(target):
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileLockedError):
        export(demo_file, YEAR, target)
    assert target.read_bytes() == b"last year's workbook"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_a_missing_folder_is_a_plain_message(demo_file: Path, tmp_path: Path) -> None:
    from archive_desk.errors import StorageError

    with pytest.raises(StorageError):
        export(demo_file, YEAR, tmp_path / "nowhere" / "inventory.xlsx")


# ---------------------------------------------------------------- CLI


def test_cli_export_inventory(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.xlsx"
    run = subprocess.run([sys.executable, "-m", "archive_desk", "--lang", "zh_CN", "export-inventory", "--db", str(demo_file),
                          "--year", str(YEAR), "-o", str(out)], capture_output=True, text=True, timeout=180,
                         env={**os.environ, "TZ": "Asia/Shanghai"})
    assert run.returncode == 0, run.stderr
    assert "年度室藏统计已写入" in run.stdout
    wb = openpyxl.load_workbook(out, read_only=True)
    assert len(values(wb["案卷目录"])) == len(Truth(demo_file, YEAR).held)
    wb.close()
    bad = subprocess.run([sys.executable, "-m", "archive_desk", "export-inventory", "--db", str(demo_file), "--year", str(YEAR),
                          "-o", str(tmp_path / "x.pdf")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2


# ---------------------------------------------------------------- what a person reads on the printed workbook


def test_loans_sheet_names_the_borrowers_unit_and_the_summary_its_real_cut_off(demo_file: Path, tmp_path: Path) -> None:
    made = datetime(2026, 12, 7, 10, 30)
    out = export(demo_file, 2026, tmp_path / "inventory.xlsx", now=made)
    wb = openpyxl.load_workbook(out, read_only=True)
    header = next(wb["本年借阅"].iter_rows(max_row=1, values_only=True))
    assert "单位/部门" in header and "计量单位" not in header  # the borrower's unit, not a unit of measure
    subtitle = next(wb["汇总"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    assert "统计截至 2026年12月7日" in subtitle and "12月31日" not in subtitle  # made on 7 December
    wb.close()
    out = export(demo_file, 2025, tmp_path / "inventory-2025.xlsx", now=made)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert "统计截至 2025年12月31日" in next(wb["汇总"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
    wb.close()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) and poppler's pdftotext are needed")
def test_libreoffice_prints_no_hash_marks(demo_file: Path, tmp_path: Path) -> None:
    """A value wider than its column prints as "###" in LibreOffice: print the workbook as LibreOffice does and read it."""
    out = export(demo_file, date.today().year, tmp_path / "inventory.xlsx")  # this year: with the finished stocktake
    profile = tmp_path / "lo-profile"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf",
                          "--outdir", str(tmp_path / "pdf"), str(out)], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "pdf" / "inventory.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "年度盘点" in text  # the stocktake line is printed …
    assert "###" not in text  # … and every value fits its column
