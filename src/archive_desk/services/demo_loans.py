"""Demo lending: borrowers and a realistic year of loans, added to the demo catalogue.

Registered through :data:`archive_desk.services.demo.EXTENSIONS`; runs on the builder's raw sqlite3
connection inside its open transaction, with bulk inserts, so it stays fast at a million volumes:
about one slip per 200 volumes (at least 40), one to four volumes a slip, spread over the twelve
months before today. Most loans are back (with page counts, condition and 利用效果); some are still
out, a few of them overdue; volumes still out are marked ``on_loan``. Loans that the approval rules
cover carry an approver and an opinion, as the service would demand.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from typing import Any
from datetime import date, datetime, timedelta

from archive_desk.models import SECURITY_LEVELS
from archive_desk.services import audit, demo, room_settings
from archive_desk.services.audit import Actor

DEPARTMENTS = ["办公室", "人事部", "财务部", "理赔部", "业务部", "法律合规部", "客户服务部", "信息技术部", "审计部", "医务科", "病案室"]
OUTSIDE_UNITS = ["临川市中级人民法院", "临川市公安局交通警察支队", "江南大学历史学院", "临川市地方志办公室", "江南明达律师事务所",
                 "临川市医疗保障局", "临川市档案馆", "平安公估有限公司", "临川市审计局"]
OUTCOMES = {
    "工作查考": ["为业务核对提供依据", "查清了原始记录", "为制度修订提供参考", "核实了人员信息"],
    "编史修志": ["为编写企业志提供史料", "补充了大事记条目", "为志书提供数据"],
    "学术研究": ["为论文提供第一手资料", "提供研究数据"],
    "保险理赔": ["为重新核赔提供依据", "核实了赔付金额", "为追偿提供证据"],
    "法律诉讼": ["为诉讼提供证据", "法院调取证据", "协助案件审理"],
    "其他": ["满足了利用需求"],
}
APPROVERS = ["王建国", "刘志强", "陈海燕"]
OPINIONS = ["同意", "同意借阅，按期归还", "同意，限阅览室内查阅", "同意外借，注意保密"]
CLERKS = ["赵敏", "孙丽华", "周晓东"]


def _rules(conn: sqlite3.Connection) -> tuple[str, bool, bool, int]:
    rs = room_settings.from_rows(conn.execute("SELECT key, value FROM catalogue_settings"))
    rules = rs.approval_rules
    return (str(rules.get("security_at_or_above") or ""), bool(rules.get("outside_borrowers")), bool(rules.get("take_away")),
            rs.loan_period_days)


def build(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor,
          progress: Callable[[int, int], None] | None = None, *, today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    now = datetime.now().isoformat(sep=" ", timespec="seconds")
    user = actor.user
    threshold, rule_outside, rule_take_away, period = _rules(conn)
    level = SECURITY_LEVELS.index(threshold) if threshold in SECURITY_LEVELS else None

    borrowers = _borrowers(conn, rng, n_volumes, now, user)
    staff_ids = [b[0] for b in borrowers if b[5] == "staff" and b[8]]
    outside_ids = [b[0] for b in borrowers if b[5] == "outside"]

    max_vid = conn.execute("SELECT max(id) FROM volumes").fetchone()[0] or 0
    if max_vid == 0:
        return {"borrowers": len(borrowers), "loans": 0, "lines": 0}
    n_loans = max(40, n_volumes // 200)
    purposes = [("工作查考", 50), ("保险理赔", 18), ("法律诉讼", 10), ("编史修志", 8), ("学术研究", 6), ("其他", 8)]
    uses = [("查阅", 60), ("复制", 20), ("外借", 12), ("摘录", 8)]
    first_loan = (conn.execute("SELECT max(id) FROM loans").fetchone()[0] or 0) + 1
    first_line = (conn.execute("SELECT max(id) FROM loan_lines").fetchone()[0] or 0) + 1
    start = today - timedelta(days=365)
    used_open: set[int] = set()
    loans: list[tuple[Any, ...]] = []
    lines: list[tuple[Any, ...]] = []
    out_now = []
    serial: dict[int, int] = {}
    line_id = first_line
    # loan dates in order, so slip numbers run with time
    days = sorted(start + timedelta(days=rng.randrange(365)) for _ in range(n_loans))
    for day in days:
        loan_id = first_loan + len(loans)
        while day.weekday() >= 5:  # the room is closed at weekends
            day -= timedelta(days=1)
        lent_at = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(8, 16), minutes=rng.randrange(60))
        outside = rng.random() < 0.15 and bool(outside_ids)
        borrower = rng.choice(outside_ids) if outside else rng.choice(staff_ids)
        purpose = _weighted(rng, purposes if not outside else [("法律诉讼", 40), ("保险理赔", 25), ("学术研究", 20), ("编史修志", 15)])
        use = _weighted(rng, uses)
        due = day + timedelta(days=period if use == "外借" else 7)
        age = (today - day).days
        # recent loans are more often still out; a few older ones were never brought back (overdue); a
        # consultation is open only on its own day, a copy is made at once
        still_out = (age <= 20 and rng.random() < 0.7) or (20 < age <= 120 and rng.random() < 0.04)
        if still_out and age > 0 and use != "外借":  # out after its day: a loan (a consultation ends that day, a copy at once)
            use = "外借"
            due = day + timedelta(days=period)
        volume_ids: list[int] = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            vid = rng.randint(1, max_vid)
            if vid not in volume_ids and vid not in used_open:
                volume_ids.append(vid)
        rows = conn.execute("SELECT v.id, v.pages, v.security, v.status, c.code FROM volumes v JOIN categories c ON c.id = v.category_id"  # noqa: S608 - SQL from the schema's own names; values are bound
                            f" WHERE v.id IN ({','.join('?' * len(volume_ids))})", volume_ids).fetchall() if volume_ids else []
        # a loan still out takes volumes in stock; one already back may have used a volume out again now
        rows = [r for r in rows if (r[3] == "in_stock" if still_out else r[3] in ("in_stock", "on_loan")) and r[0] not in used_open]
        if not rows:
            continue
        personal = any(r[4] in PERSONAL for r in rows)
        if outside and use == "外借" and any(r[4] in ORIGINALS_STAY for r in rows):
            use = "复制"  # 病案 originals never leave for outside parties: the rules give them copies
        service = SERVICE_OF.get(use, "loan")
        if service == "copy" or (service == "consult" and age > 0):
            still_out = False
            rows = [r for r in rows if r[3] in ("in_stock", "on_loan")]
        if service != "loan":
            due = day
        request = _request(rng, conn, borrower) if outside and personal else None
        if lent_at.year not in serial:  # continue after slips already in the file
            last = conn.execute("SELECT max(slip_no) FROM loans WHERE slip_no LIKE ?", (f"JY{lent_at.year}-%",)).fetchone()[0]
            serial[lent_at.year] = int(last.split("-")[1]) if last else 0
        serial[lent_at.year] += 1
        slip = f"JY{lent_at.year}-{serial[lent_at.year]:06d}"
        securities = [r[2] for r in rows]
        needs = (outside and (rule_outside or personal)) or (use == "外借" and rule_take_away) or (
            level is not None and any(s in SECURITY_LEVELS and SECURITY_LEVELS.index(s) >= level for s in securities))
        approver, opinion = (rng.choice(APPROVERS), rng.choice(OPINIONS)) if needs else ("", "")
        renewals = 1 if still_out and rng.random() < 0.1 else 0
        if renewals:
            due += timedelta(days=period)
        status = "open" if still_out else "closed"
        if service != "loan":
            renewals = 0
        loans.append((loan_id, slip, borrower, purpose, use, lent_at.isoformat(sep=" ", timespec="microseconds"), due.isoformat(), approver, opinion,
                      rng.choice(CLERKS), renewals, status, "", now, user, now, user, 1, service, request))
        for vid, pages, _security, _status, _category in rows:
            if status == "open" and service != "copy":
                used_open.add(vid)
                if service == "loan":
                    out_now.append(vid)
            lines.append(_line(rng, line_id, loan_id, vid, pages, service, status, purpose, outside, lent_at, day, due, today))
            line_id += 1
    conn.executemany("INSERT INTO loans (id, slip_no, borrower_id, purpose, use_mode, lent_at, due_date, approver, approval_opinion, clerk,"
                     " renewals, status, notes, created_at, created_by, updated_at, updated_by, version, service, request)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", loans)
    conn.executemany("INSERT INTO loan_lines (id, loan_id, volume_id, pages_out, returned_at, returned_to, pages_back, condition,"
                     " condition_note, outcome, copy_parts, copy_pages, copies, fee_fen, stamped, in_presence)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", lines)
    conn.executemany("UPDATE volumes SET status = 'on_loan' WHERE id = ? AND status = 'in_stock'", [(v,) for v in out_now])
    stats = {"borrowers": len(borrowers), "loans": len(loans), "lines": len(lines), "out": len(out_now)}
    _audit(conn, actor, stats)
    if progress:
        progress(n_volumes, n_volumes)
    return stats


def _borrowers(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, now: str, user: str) -> list[tuple[Any, ...]]:
    """Staff with cards and outside people with ID numbers, written; their rows."""
    n_staff = min(400, 30 + n_volumes // 5000)
    n_outside = min(200, 12 + n_volumes // 10000)
    first_id = (conn.execute("SELECT max(id) FROM borrowers").fetchone()[0] or 0) + 1
    borrowers: list[tuple[Any, ...]] = []
    for i in range(n_staff):
        bid = first_id + i
        borrowers.append((bid, demo._name(rng), rng.choice(DEPARTMENTS), f"1{rng.choice('3589')}{rng.randrange(10**9):09d}", "", "staff",  # noqa: SLF001 - the same package's own object
                          f"YG{bid:05d}", "", 1 if rng.random() > 0.03 else 0, now, user, now, user, 1))
    for i in range(n_outside):
        bid = first_id + n_staff + i
        borrowers.append((bid, demo._name(rng), rng.choice(OUTSIDE_UNITS), f"0794-{rng.randrange(10**7):07d}", _id_number(rng), "outside",  # noqa: SLF001 - the same package's own object
                          None, "凭介绍信借阅", 1, now, user, now, user, 1))
    conn.executemany("INSERT INTO borrowers (id, name, unit, phone, id_number, kind, card_no, notes, active, created_at, created_by,"
                     " updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", borrowers)
    return borrowers


def _line(rng: random.Random, line_id: int, loan_id: int, vid: int, pages: int | None, service: str, status: str,
          purpose: str, outside: bool, lent_at: datetime, day: date, due: date, today: date) -> tuple[Any, ...]:
    """One line of a slip: a copy made at once (the original stays 在库), a use still open, or one brought back."""
    if service == "copy":  # made at once, in the requester's presence
        copied = max(1, min(pages or 1, rng.randint(1, 12)))
        return (line_id, loan_id, vid, pages, lent_at.isoformat(sep=" ", timespec="microseconds"), rng.choice(CLERKS), pages,
                "完好", "", rng.choice(OUTCOMES.get(purpose, OUTCOMES["其他"])), "全卷" if copied == pages else "部分页",
                copied, 1, copied * 50, 1 if outside else 0, 1)
    if status == "open":
        return (line_id, loan_id, vid, pages, None, "", None, "", "", "", "", 0, 0, 0, 0, 0)
    back_day = min(today, day + timedelta(days=rng.randint(0, max(1, (due - day).days + 3))))
    back = datetime.combine(back_day, datetime.min.time()) + timedelta(hours=rng.randint(9, 17), minutes=rng.randrange(60))
    if back < lent_at:
        back = lent_at + timedelta(hours=2)
    damaged = rng.random() < 0.02
    return (line_id, loan_id, vid, pages, back.isoformat(sep=" ", timespec="microseconds"), rng.choice(CLERKS), pages,
            "破损" if damaged else "完好", "装订线松脱" if damaged else "",
            rng.choice(OUTCOMES.get(purpose, OUTCOMES["其他"])) if rng.random() < 0.8 else "", "", 0, 0, 0, 0, 0)


SERVICE_OF = {"查阅": "consult", "复制": "copy", "摘录": "copy", "外借": "loan"}
#: categories of personal records, and those whose originals never leave for outside parties (the defaults of
#: room_settings personal_record_categories / service_rules)
PERSONAL = ("BL", "LP")
ORIGINALS_STAY = ("BL",)
REQUESTERS = {"法院": "police_court", "公安": "police_court", "医疗保障": "social_security", "公估": "insurer", "律师": "agent"}


def _request(rng: random.Random, conn: sqlite3.Connection, borrower: int) -> str:  # noqa: ARG001 - the demo builders' shared signature
    """A personal record's request as the service stores it: who asks (from the unit) and every proof shown."""
    import json

    unit = conn.execute("SELECT unit FROM borrowers WHERE id = ?", (borrower,)).fetchone()[0]
    kind = next((k for word, k in REQUESTERS.items() if word in unit), "patient")
    proofs = room_settings.DEFAULT_REQUEST_PROOFS[kind]
    return json.dumps({"requester_kind": kind, "required": proofs, "supplied": proofs, "note": ""}, ensure_ascii=False)


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _id_number(rng: random.Random) -> str:
    """A well-formed (check digit, birth date) but made-up 居民身份证号."""
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
    body = f"3610{rng.randrange(100):02d}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _audit(conn: sqlite3.Connection, actor: Actor, stats: dict[str, int]) -> None:
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    at = audit.utcnow()
    after = audit.canonical_json(stats)
    digest = audit.entry_hash(prev_hash, at, actor.user, actor.workstation, "demo.loans", "loan", None, "", after)
    conn.execute("INSERT INTO audit_log (at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash)"
                 " VALUES (?, ?, ?, 'demo.loans', 'loan', NULL, '', ?, ?, ?)",
                 (at.isoformat(sep=" "), actor.user, actor.workstation, after, prev_hash, digest))


def _extension(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor,
               progress: Callable[[int, int], None] | None) -> None:
    build(conn, random.Random(rng.random()), n_volumes, actor, progress)  # noqa: S311 - demo data, not security


if _extension not in demo.EXTENSIONS:
    demo.EXTENSIONS.append(_extension)
