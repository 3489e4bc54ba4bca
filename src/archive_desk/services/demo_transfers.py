"""Demo transfers: receiving batches for the demo volumes, a handing-over to the city archives, two appraisals.

Registered through :data:`archive_desk.services.demo.EXTENSIONS`; runs on the builder's raw sqlite3 connection
inside its open transaction with set-based SQL (``INSERT … SELECT`` with window functions), so it stays fast at a
million volumes:

- every volume arrived with a confirmed receiving batch (移交, department → archive room) in the spring after its
  year: one to three batches per category, year (and 机构 for 文书 boxes), each line ticked with its pages;
- one draft receiving batch of this year's claims, half checked, to try the receiving check on;
- 永久 科技/基建 volumes of the first five years handed over to the city archives (进馆移交) and marked
  ``transferred``;
- two confirmed appraisal lists (销毁清册): the 10-year claims of the first two years (a few kept for a lawsuit) and
  the 10-year 文书/会计 volumes of the first years, marked ``destroyed``.

Only volumes still ``in_stock`` are handed over or destroyed (lending may have run before).
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from archive_desk.domain import retention as rules
from archive_desk.services import audit, demo, room_settings
from archive_desk.services.audit import Actor

UNITS = {"LP": "理赔部", "BL": "病案统计科", "KU": "财务部", "KJ": "技术部", "JJ": "工程管理部"}
ORG_UNITS = dict(demo.ORGS)
HANDLERS = ["赵敏", "孙丽华", "周晓东", "钱晓燕", "李建华", "吴海涛"]
ROOM_HANDLERS = ["王芳", "陈静", "刘洋"]
LEADERS = ["王建国", "刘志强", "陈海燕", "张明", "黄立新"]
CITY_ARCHIVES = "临川市档案馆"
KEEP_REASONS = ["涉及未决诉讼，延长保管", "追偿尚未结束，延长保管", "审计要求保留"]


def _batch_no(prefix: str, year: int, counters: dict[tuple[str, int], int]) -> str:
    key = (prefix, year)
    counters[key] = counters.get(key, 0) + 1
    return f"{prefix}-{year}-{counters[key]:03d}"


@dataclass
class _Build:
    """What the parts of :func:`build` share: the connection, the random source, who and when, the batch and list
    counters, the next batch id, the categories (id → code) and the figures returned."""

    conn: sqlite3.Connection
    rng: random.Random
    today: date
    now: str
    user: str
    cats: dict[int, str]
    counters: dict[tuple[str, int], int] = field(default_factory=dict)
    next_id: int = 0
    stats: dict[str, int] = field(default_factory=lambda: {"batches_in": 0, "lines_in": 0, "handed_over": 0, "destroyed": 0, "kept": 0,
                                                           "draft_lines": 0})


def build(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor,
          progress: Callable[[int, int], None] | None = None, *, today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    now = datetime.now().isoformat(sep=" ", timespec="seconds")
    fonds_names = dict(conn.execute("SELECT id, name FROM fonds"))
    cats = {cid: code for cid, code in conn.execute("SELECT id, code FROM categories")}
    b = _Build(conn, rng, today, now, actor.user, cats)
    _receiving(b, fonds_names, n_volumes, progress)
    years = [y for (y,) in conn.execute("SELECT DISTINCT year FROM volumes ORDER BY year")]
    first = years[0] if years else today.year
    _handing_over(b, first)
    _appraisals(b, first)
    _draft_batch(b)
    _audit(conn, actor, b.stats)
    return b.stats


def _receiving(b: _Build, fonds_names: dict[int, str], n_volumes: int, progress: Callable[[int, int], None] | None) -> None:
    """Receiving: one to three confirmed batches per category, year (and 机构) and fonds, every line ticked."""
    groups = b.conn.execute(
        "SELECT category_id, year, org_code, fonds_id, count(*) FROM volumes GROUP BY category_id, year, org_code, fonds_id"
        " ORDER BY year, category_id, org_code"
    ).fetchall()
    batch_rows = []
    map_rows = []
    b.next_id = (b.conn.execute("SELECT coalesce(max(id), 0) FROM transfer_batches").fetchone()[0] or 0) + 1
    for category_id, year, org, fonds_id, count in groups:
        code = b.cats.get(category_id, "")
        unit = ORG_UNITS.get(org) if org else UNITS.get(code, "业务部门")
        parts = 1 if count < 40 else b.rng.choice((1, 2, 2, 3))
        for bucket in range(1, parts + 1):
            month = min(12, 2 + bucket + b.rng.randrange(3))
            when = date(year + 1, month, 1 + b.rng.randrange(27))
            if when > b.today:
                when = b.today
            no = _batch_no("JS", when.year, b.counters)
            fonds = fonds_names.get(fonds_id, "")
            batch_rows.append((b.next_id, no, "in", "移交", unit or "", f"{fonds}档案室", b.rng.choice(HANDLERS), b.rng.choice(ROOM_HANDLERS),
                               b.rng.choice(LEADERS), b.rng.choice(LEADERS), when.isoformat(), "案卷目录一式两份" if bucket == 1 else "",
                               "confirmed", f"{when.isoformat()} 16:30:00", "", b.now, b.user, b.now, b.user, 1))
            map_rows.append((category_id, year, org, fonds_id, count, bucket, parts, b.next_id))
            b.next_id += 1
    b.conn.executemany(
        "INSERT INTO transfer_batches (id, batch_no, direction, nature, from_unit, to_unit, from_handler, to_handler, from_leader,"
        " to_leader, transfer_date, finding_aids, status, confirmed_at, notes, created_at, created_by, updated_at, updated_by, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        batch_rows,
    )
    # one INSERT … SELECT per batch over its group's slice in 档号 order (a temporary mapping table would be
    # simpler, but a TEMP table on this connection makes the final WAL checkpoint fail with "table is locked")
    lines_sql = """
        INSERT INTO transfer_lines (batch_id, seq, volume_id, code, title, year, retention, item_count, pages, expected, found,
                                    found_pages, data, notes)
        SELECT ?, rn - ?, id, code, title, year, retention, item_count, pages, 1, 1, pages, '{}', ''
        FROM (SELECT id, code, title, year, retention, item_count, pages, row_number() OVER (ORDER BY code) AS rn
              FROM volumes WHERE fonds_id = ? AND category_id = ? AND year = ? AND org_code = ?)
        WHERE rn > ? AND rn <= ?
    """
    total_lines = 0
    for category_id, year, org, fonds_id, count, bucket, parts, batch_id in map_rows:
        lo = (bucket - 1) * count // parts
        hi = bucket * count // parts
        total_lines += b.conn.execute(lines_sql, (batch_id, lo, fonds_id, category_id, year, org, lo, hi)).rowcount
    b.stats["lines_in"] = total_lines
    b.stats["batches_in"] = len(batch_rows)
    if progress:
        progress(n_volumes, n_volumes)


def _handing_over(b: _Build, first: int) -> None:
    """Handing over 永久 KJ/JJ volumes of the first five years to the city archives."""
    kj_jj = [cid for cid, code in b.cats.items() if code in ("KJ", "JJ")]
    if kj_jj and b.today.year >= first + 16:
        out_date = date(min(b.today.year, first + 16), 10, 15)
        no = _batch_no("YC", out_date.year, b.counters)
        bid = b.next_id
        b.next_id += 1
        b.conn.execute(
            "INSERT INTO transfer_batches (id, batch_no, direction, nature, from_unit, to_unit, from_handler, to_handler, from_leader,"
            " to_leader, transfer_date, finding_aids, status, confirmed_at, notes, created_at, created_by, updated_at, updated_by, version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (bid, no, "out", "移交", "临川市城市建设投资集团有限公司档案室", CITY_ARCHIVES, b.rng.choice(ROOM_HANDLERS), "孟庆华", b.rng.choice(LEADERS),
             "邵文博", out_date.isoformat(), "案卷目录一式三份；全宗介绍一份", "confirmed", f"{out_date.isoformat()} 15:00:00",
             f"{first}—{first + 4}年永久卷进馆", b.now, b.user, b.now, b.user, 1),
        )
        marks = ",".join("?" * len(kj_jj))
        cur = b.conn.execute(
            f"""INSERT INTO transfer_lines (batch_id, seq, volume_id, code, title, year, retention, item_count, pages, expected, found,
                                           found_pages, data, notes)
                SELECT ?, row_number() OVER (ORDER BY code), id, code, title, year, retention, item_count, pages, 1, 1, NULL, '{{}}', ''
                FROM volumes WHERE category_id IN ({marks}) AND retention = 'Y' AND year <= ? AND status = 'in_stock'""",  # noqa: S608 - SQL from the schema's own names; values are bound
            (bid, *kj_jj, first + 4),
        )
        b.stats["handed_over"] = cur.rowcount
        b.conn.execute("UPDATE volumes SET status = 'transferred', updated_at = ?, updated_by = ?"
                       " WHERE id IN (SELECT volume_id FROM transfer_lines WHERE batch_id = ?)", (b.now, b.user, bid))


def _appraisal(b: _Build, list_year: int, destroyed_on: date, where: str, params: tuple, keep_share: float, *,
               kind: str = "general") -> None:
    """One confirmed appraisal list (销毁清册) of the in-stock volumes ``where`` says that the retention schedule finds
    due by ``destroyed_on`` (volumes the rules keep longer are not listed), with every step of the procedure recorded:
    the panel, the opinion, the approval, the destruction and the two witnesses' count."""
    no = _batch_no("XH", list_year, b.counters)
    w1, w2 = b.rng.sample(ROOM_HANDLERS, 2)
    lead, approver = b.rng.choice(LEADERS), b.rng.choice(LEADERS)
    members = [lead, *random.Random(no).sample(ROOM_HANDLERS, 2)]  # its own generator: the demo's draws stay as they were  # noqa: S311 - demo data, not secrets
    signatories = ["会计机构负责人 孙红", "经办人 周强"] if kind == "accounting" else []
    opinion_on, approved_on = destroyed_on - timedelta(days=30), destroyed_on - timedelta(days=14)
    cur = b.conn.execute(
        "INSERT INTO appraisals (list_no, year, lead, approver, witness1, witness2, destroyed_on, status, notes, created_at, created_by,"
        " updated_at, updated_by, version, kind, members, accounting_signatories, opinion, opinion_on, approved_on, method, place,"
        " witnessed_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (no, list_year, lead, approver, w1, w2, destroyed_on.isoformat(), "confirmed",
         "经鉴定小组鉴定，报分管领导批准后销毁", b.now, b.user, b.now, b.user, 1, kind, json.dumps(members, ensure_ascii=False),
         json.dumps(signatories, ensure_ascii=False), "以上档案保管期限已满，经逐卷鉴定已无继续保存价值，同意销毁。",
         opinion_on.isoformat(), approved_on.isoformat(), "粉碎", "本单位档案室", None),
    )
    aid = cur.lastrowid
    rows = b.conn.execute(
        f"SELECT v.id, v.code, v.title, v.year, v.retention, v.pages, f.code, c.code, v.notes, v.custom, c.retention_event_field"  # noqa: S608 - SQL from the schema's own names; values are bound
        f" FROM volumes v JOIN fonds f ON f.id = v.fonds_id JOIN categories c ON c.id = v.category_id"
        f" WHERE v.status = 'in_stock' AND {where} ORDER BY v.code", params
    ).fetchall()
    lines: list[tuple[Any, ...]] = []
    destroy_ids = []
    for vid, code, title, year, retention, pages, fcode, ccode, notes, custom, event_field in rows:
        r = rules.compute(rules.DEFAULT_SCHEDULE.get(ccode), year=year, code=retention, custom=json.loads(custom or "{}"), title=title,
                          code_table=room_settings.DEFAULT_RETENTION_YEARS, event_field=event_field)
        if r.due_date is None or r.due_date > destroyed_on:
            continue  # not due yet on that day (or kept by the rules): the appraisal would not have listed it
        start = r.start_date or date(year + 1, 1, 1)
        kept_years = destroyed_on.year - start.year - ((destroyed_on.month, destroyed_on.day) < (start.month, start.day))
        data = {"code": code, "title": title, "year": year, "retention": retention, "pages": pages, "fonds_code": fcode,
                "category_code": ccode, "expires_on": r.due_date.isoformat(), "kept_years": max(kept_years, 0),
                "basis": r.basis, "rule": r.rule, "start_date": start.isoformat(), "notes": notes}
        keep = b.rng.random() < keep_share
        lines.append((aid, len(lines) + 1, vid, "keep" if keep else "destroy", "D30" if keep else "",
                      b.rng.choice(KEEP_REASONS) if keep else "", json.dumps(data, ensure_ascii=False, separators=(",", ":"))))
        if not keep:
            destroy_ids.append((b.now, b.user, vid))
    b.conn.executemany("INSERT INTO appraisal_lines (appraisal_id, seq, volume_id, decision, new_retention, reason, data)"
                       " VALUES (?,?,?,?,?,?,?)", lines)
    b.conn.executemany("UPDATE volumes SET status = 'destroyed', updated_at = ?, updated_by = ? WHERE id = ?", destroy_ids)
    b.conn.execute("UPDATE appraisals SET witnessed_count = ? WHERE id = ?", (len(destroy_ids), aid))
    b.stats["destroyed"] += len(destroy_ids)
    b.stats["kept"] += len(lines) - len(destroy_ids)


def _appraisals(b: _Build, first: int) -> None:
    """Three appraisals: the 10-year claims of the first two years, the 10-year 文书 of the first years, and on a list of
    their own, appraised jointly with the 会计 department, the 会计 records of the first years the 2015 table lets go
    (the monthly reports; 凭证 and 账簿 are kept 30 years)."""
    lp = [cid for cid, code in b.cats.items() if code == "LP"]
    if lp and b.today.year >= first + 12:
        _appraisal(b, first + 12, date(first + 12, 6, 20), "v.category_id = ? AND v.retention = 'D10' AND v.year <= ?", (lp[0], first + 1), 0.04)
    ws = [cid for cid, code in b.cats.items() if code == "WS"]
    if ws and b.today.year >= first + 19:
        _appraisal(b, first + 19, date(first + 19, 11, 8), "v.category_id = ? AND v.retention = 'D10' AND v.year <= ?", (ws[0], first + 3), 0.0)
    ku = [cid for cid, code in b.cats.items() if code == "KU"]
    if ku and b.today.year >= first + 19:
        _appraisal(b, first + 19, date(first + 19, 11, 8), "v.category_id = ? AND v.year <= ?", (ku[0], first + 3), 0.0, kind="accounting")


def _draft_batch(b: _Build) -> None:
    """A draft batch of this year's claims, half checked."""
    lp = [cid for cid, code in b.cats.items() if code == "LP"]
    lp_fonds = b.conn.execute("SELECT f.code, f.name FROM fonds f WHERE f.code = ?", (demo.CATEGORY_FONDS.get("LP", ""),)).fetchone()
    if lp and lp_fonds:
        this_year = b.today.year
        no = _batch_no("JS", this_year, b.counters)
        bid = b.next_id
        b.conn.execute(
            "INSERT INTO transfer_batches (id, batch_no, direction, nature, from_unit, to_unit, from_handler, to_handler, from_leader,"
            " to_leader, transfer_date, finding_aids, status, confirmed_at, notes, created_at, created_by, updated_at, updated_by, version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (bid, no, "in", "移交", "理赔部", f"{lp_fonds[1]}档案室", b.rng.choice(HANDLERS), b.rng.choice(ROOM_HANDLERS), b.rng.choice(LEADERS),
             b.rng.choice(LEADERS), b.today.isoformat(), "", "draft", None, "", b.now, b.user, b.now, b.user, 1),
        )
        lines = []
        for seq in range(1, 21):
            code = f"{lp_fonds[0]}-LP·{this_year}-D30-{9000 + seq:04d}"
            insured = demo._name(b.rng)  # noqa: SLF001 - the demo's own name maker
            title = f"{insured}{b.rng.choice(demo.CLAIM_KINDS)}{b.rng.choice(demo.CLAIM_CAUSES)}理赔案卷"
            pages = b.rng.randint(12, 80)
            found = seq % 2 == 0
            data = {"insured": insured, "claim_no": f"PDAA{this_year}{b.rng.randrange(10**8):08d}", "fonds_code": lp_fonds[0], "category_code": "LP"}
            lines.append((bid, seq, None, code, title, this_year, "D30", b.rng.randint(3, 8), pages, 1, 1 if found else 0,
                          pages if found else None, json.dumps(data, ensure_ascii=False, separators=(",", ":")), ""))
        b.conn.executemany(
            "INSERT INTO transfer_lines (batch_id, seq, volume_id, code, title, year, retention, item_count, pages, expected, found,"
            " found_pages, data, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            lines,
        )
        b.stats["draft_lines"] = len(lines)


def _audit(conn: sqlite3.Connection, actor: Actor, stats: dict[str, int]) -> None:
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    at = audit.utcnow()
    after = audit.canonical_json(stats)
    digest = audit.entry_hash(prev_hash, at, actor.user, actor.workstation, "demo.transfers", "transfer_batch", None, "", after)
    conn.execute("INSERT INTO audit_log (at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash)"
                 " VALUES (?, ?, ?, 'demo.transfers', 'transfer_batch', NULL, '', ?, ?, ?)",
                 (at.isoformat(sep=" "), actor.user, actor.workstation, after, prev_hash, digest))


def _extension(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor,
               progress: Callable[[int, int], None] | None = None) -> None:
    build(conn, random.Random(rng.random()), n_volumes, actor, progress)  # noqa: S311 - demo data, not security


if _extension not in demo.EXTENSIONS:
    demo.EXTENSIONS.append(_extension)
