"""The demo catalogue: a realistic Chinese archive room, deterministic per seed.

Three fonds share one room: an insurer's claims archive (理赔), a hospital's medical-record room (病历)
and general administrative records (文书, item-filed in boxes), plus some accounting, technical and
construction volumes. Volumes carry items (卷内文件), their category's own fields, and shelf positions
on compact shelving, in 档号 order.

Built for benchmarks too: 1,000,000 volumes with their items in bulk inserts on one raw SQLite
connection, into a temporary file that is moved into place only when complete.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import random
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from archive_desk import atomic
from archive_desk.db import sealing
from archive_desk.services import audit
from archive_desk.services.audit import Actor
from archive_desk.services.locations import DEFAULT_PATTERN, format_location_code, layer_payload
from archive_desk.services.setup import open_catalogue

Progress = Callable[[int, int], None]

#: Extra content built after the volumes, each ``fn(conn, rng, n_volumes, actor, progress)`` on the open
#: transaction (loans, transfers …); areas append their builder from their own module
#: (``archive_desk.services.demo_<area>``), listed in ``EXTENSION_MODULES``.
EXTENSIONS: list[Callable[..., None]] = []
EXTENSION_MODULES: tuple[str, ...] = ("archive_desk.services.demo_shelves", "archive_desk.services.demo_loans", "archive_desk.services.demo_transfers",
                                     "archive_desk.services.demo_labels")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文斌海燕玉兰红梅晓东春梅丽华俊杰子涵浩然欣怡梓轩"
CITIES = ["江南", "临川", "清河", "东湖", "南岭", "西山", "北塘", "安平", "永宁", "长乐"]
CLAIM_KINDS = ["机动车辆保险", "家庭财产保险", "企业财产保险", "意外伤害保险", "健康保险", "货物运输保险", "工程保险", "责任保险"]
CLAIM_CAUSES = ["追尾事故", "暴雨水淹", "火灾", "盗抢", "台风", "碰撞", "玻璃单独破碎", "住院医疗", "高空坠物", "管道爆裂"]
CLAIM_ITEMS = ["出险通知书", "损失清单", "查勘报告", "定损单", "赔款计算书", "赔款收据", "结案报告", "现场照片", "事故责任认定书", "保单抄件"]
WARDS = ["内科", "外科", "妇产科", "儿科", "骨科", "心内科", "神经内科", "消化内科", "呼吸内科", "眼科", "耳鼻喉科", "肿瘤科"]
DIAGNOSES = ["肺炎", "阑尾炎", "骨折", "冠心病", "糖尿病", "高血压", "胆结石", "脑梗死", "白内障", "胃溃疡", "剖宫产", "支气管炎"]
RECORD_ITEMS = ["病案首页", "入院记录", "病程记录", "手术记录", "麻醉记录", "医嘱单", "检验报告", "影像检查报告", "护理记录", "出院记录", "知情同意书"]
ORGS = [("BGS", "办公室"), ("RSB", "人事部"), ("CWB", "财务部"), ("LPB", "理赔部"), ("YWB", "业务部")]
WS_TOPICS = ["年度工作总结", "安全生产检查", "内部审计工作", "员工培训计划", "防汛抗台工作", "档案工作检查", "节能减排工作",
             "消防安全管理", "信息化建设", "廉洁从业教育", "服务质量提升", "合规管理", "客户投诉处理", "车辆管理"]
WS_KINDS = ["通知", "请示", "报告", "批复", "会议纪要", "决定", "函", "意见"]
KU_KINDS = ["记账凭证", "总账", "明细账", "银行存款日记账", "财务会计报告", "固定资产卡片"]
KJ_KINDS = ["设计图纸", "技术方案", "验收报告", "设备说明书", "施工记录", "竣工图"]


@dataclass(frozen=True)
class DemoReport:
    path: Path
    volumes: int
    items: int
    layers: int
    racks: int
    rooms: int
    seconds: float
    size_bytes: int


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


# category code -> share of volumes
MIX = [("LP", 0.45), ("BL", 0.35), ("WS", 0.12), ("KU", 0.04), ("KJ", 0.02), ("JJ", 0.02)]
FONDS = [("Z109", "江南财产保险股份有限公司临川分公司"), ("Y201", "临川市第一人民医院"), ("G001", "临川市城市建设投资集团有限公司")]
CATEGORY_FONDS = {"LP": "Z109", "BL": "Y201", "WS": "G001", "KU": "G001", "KJ": "G001", "JJ": "G001"}

LAYER_CAPACITY = 30  # volumes of ~30 mm on a 900 mm shelf
LAYER_WIDTH_MM = 900
RACK_SHAPE = (2, 10, 6, 5)  # sides, columns, sections, layers: 600 layers a rack


def build_demo(out: Path | str, volumes: int, *, seed: int = 1, progress: Progress | None = None,
               actor: Actor | None = None) -> DemoReport:
    """Build a demo catalogue of ``volumes`` volumes at ``out`` (replacing any file there)."""
    started = datetime.now()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".building")
    for stale in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        stale.unlink(missing_ok=True)
    db = open_catalogue(tmp)  # schema and standard categories
    db.dispose()
    actor = actor or Actor.current()
    rng = random.Random(seed)  # noqa: S311 - demo data, not security

    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")  # a new file: nothing to protect until it is moved in place
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("BEGIN")
        _before_build(conn)
        stats = _fill(conn, rng, volumes, actor, progress)
        for module in EXTENSION_MODULES:
            importlib.import_module(module)
        for extend in EXTENSIONS:
            extend(conn, rng, volumes, actor, progress)
        # seal every row and entry the builder wrote with the catalogue's room key (db/sealing.py)
        catalogue_id = sealing.seal_all(conn)
        conn.execute("COMMIT")
        _after_build(conn, progress)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    atomic.replace(tmp, out)
    with closing(sqlite3.connect(out)) as conn:
        head_id, head_hash = sealing.head(conn)
    sealing.write_anchor(catalogue_id, head_id, head_hash, str(out.resolve()))
    add_demo_accounts(out, actor)
    seconds = (datetime.now() - started).total_seconds()
    return DemoReport(out, volumes, stats["items"], stats["layers"], stats["racks"], stats["rooms"], seconds, out.stat().st_size)


#: the demo's accounts (issue #16): user name, role, clearance; every one's password is DEMO_PASSWORD
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("admin", "admin", "公开"), ("secadmin", "secadmin", "公开"), ("auditor", "auditor", "公开"),
    ("archivist", "archivist", "秘密"), ("desk", "desk", "内部"), ("reader", "reader", "公开"),
)
DEMO_PASSWORD = "demo"  # noqa: S105 - the demo's published password (README)


def add_demo_accounts(path: Path, actor: Actor) -> None:
    """One account per role, password ``demo``: the demo opens with a login, as a room with accounts does."""
    from archive_desk.services import accounts  # noqa: PLC0415

    db = open_catalogue(path)
    try:
        with db.write() as session:
            for username, role, clearance in DEMO_ACCOUNTS:
                accounts.add_demo_account(session, actor, username, DEMO_PASSWORD, role, clearance)
    finally:
        db.dispose()


def _before_build(conn: sqlite3.Connection) -> None:
    """The search index's triggers call SQL functions registered per connection (db/fts.py): register
    them on this raw connection, then drop the triggers for the bulk load; ``_after_build`` rebuilds the
    index in one pass (much faster than row by row) and recreates them."""
    try:
        from archive_desk.db import fts  # noqa: PLC0415
    except ImportError:  # pragma: no cover - before the search index existed
        return
    fts.register_functions(conn)
    fts.drop_triggers(conn.execute)


def _after_build(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Derived structures built once after the bulk load (the search index, statistics)."""
    try:
        from archive_desk.services import search  # noqa: PLC0415
    except ImportError:  # the search index arrives with the catalogue workspace
        rebuild = None
    else:
        rebuild = getattr(search, "rebuild_sqlite_index", None)
    if rebuild is not None:
        rebuild(conn, progress=progress)
    conn.execute("ANALYZE")


def _fill(conn: sqlite3.Connection, rng: random.Random, n: int, actor: Actor, progress: Progress | None) -> dict[str, int]:
    now = datetime.now().isoformat(sep=" ")
    cats = {code: (cid, pattern) for cid, code, pattern in conn.execute("SELECT id, code, code_pattern FROM categories")}
    fonds_ids = {}
    for code, name in FONDS:
        cur = conn.execute("INSERT INTO fonds (code, name, notes, created_at) VALUES (?, ?, '', ?)", (code, name, now))
        fonds_ids[code] = cur.lastrowid

    # volumes are generated per (category, year) group in code order, so sequence numbers run without gaps
    plan = _plan_counts(rng, n)
    layers = _build_shelving(conn, n)
    stats = {"items": 0, "layers": len(layers), "racks": 0, "rooms": 0}
    stats["racks"] = conn.execute("SELECT count(*) FROM racks").fetchone()[0]
    stats["rooms"] = conn.execute("SELECT count(*) FROM rooms").fetchone()[0]

    vol_sql = (
        "INSERT INTO volumes (id, code, barcode, fonds_id, category_id, year, retention, security, security_period, org_code,"
        " sequence, box_no, item_start, item_end, title, responsible, start_date, end_date, pages, item_count, notes, status,"
        " custom, layer_id, shelf_position, thickness_mm, label_printed_at, created_at, created_by, updated_at, updated_by, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    item_sql = (
        "INSERT INTO items (volume_id, seq, code, doc_no, responsible, title, date, security, pages, page_start, page_end,"
        " notes, removed, created_at, created_by, updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    vol_rows: list[tuple] = []
    item_rows: list[tuple] = []
    vid = 0
    layer_index = 0
    on_layer = 0
    on_layer_mm = 0
    widths = dict(conn.execute("SELECT code, thickness_mm FROM categories"))
    user = actor.user
    patients: list[tuple[str, str]] = []  # (病案号, patient) seen so far: readmissions reuse them
    for cat_code, year, retention, org, count in plan:
        cid, _pattern = cats[cat_code]
        fonds_code = CATEGORY_FONDS[cat_code]
        fid = fonds_ids[fonds_code]
        item_no = 0
        for seq in range(1, count + 1):
            vid += 1
            if cat_code == "WS":
                code = f"{fonds_code}-WS·{year}-{retention}-{org}-H{seq:03d}"
            elif cat_code in ("LP", "BL"):
                code = f"{fonds_code}-{cat_code}·{year}-{retention}-{seq:04d}"
            else:
                code = f"{fonds_code}-{cat_code}·{year}-{retention}-{seq:03d}"
            barcode = code.replace("·", ".")
            title, responsible, custom, items, start, end, security = _content(rng, cat_code, year, org, code, patients)
            box_no = item_start = item_end = None
            if cat_code == "WS":
                box_no, item_start, item_end = seq, item_no + 1, item_no + len(items)
            page = 1
            for i, (ititle, iresp, idate, pages, doc_no) in enumerate(items, start=1):
                icode = ""
                if cat_code == "WS":
                    item_no += 1
                    icode = f"{fonds_code}-WS·{year}-{retention}-{org}-{item_no:04d}"
                item_rows.append((vid, i, icode, doc_no, iresp, ititle, idate, security, pages, page, page + pages - 1,
                                  "", 0, now, user, now, user, 1))
                page += pages
            total_pages = page - 1
            # a layer takes 18-26 volumes, fewer of thick ones (construction files: 40 mm), as a clerk fills it
            width = widths.get(cat_code, 30)
            if on_layer >= _fill_target(rng) or on_layer_mm + width > LAYER_WIDTH_MM * 0.97:
                layer_index += 1
                on_layer = 0
                on_layer_mm = 0
            on_layer_mm += width
            layer_id = layers[layer_index % len(layers)]
            on_layer += 1
            vol_rows.append((vid, code, barcode, fid, cid, year, retention, security, SECURITY_PERIODS.get(security),
                             org, seq, box_no, item_start, item_end, title, responsible, start, end, total_pages,
                             len(items), "", "in_stock", json.dumps(custom, ensure_ascii=False, separators=(",", ":")),
                             layer_id, on_layer, None, None, now, user, now, user, 1))
            if len(vol_rows) >= 20000:
                conn.executemany(vol_sql, vol_rows)
                conn.executemany(item_sql, item_rows)
                stats["items"] += len(item_rows)
                vol_rows.clear()
                item_rows.clear()
                if progress:
                    progress(vid, n)
    if vol_rows:
        conn.executemany(vol_sql, vol_rows)
        conn.executemany(item_sql, item_rows)
        stats["items"] += len(item_rows)
    if progress:
        progress(n, n)
    _audit_build(conn, actor, n, stats)
    return stats


_FILL_TARGETS = (18, 20, 22, 24, 26)


def _fill_target(rng: random.Random) -> int:
    # layers are filled to 60-87 % so there is room to grow, as in a real room
    return _FILL_TARGETS[rng.randrange(len(_FILL_TARGETS))]


def _plan_counts(rng: random.Random, n: int) -> list[tuple[str, int, str, str, int]]:  # noqa: ARG001 - the signature is fixed by its callers
    """(category, year, retention, org, count) groups adding up to exactly n, in code order."""
    years = list(range(2005, 2026))
    weights = [1 + (y - 2005) * 0.08 for y in years]  # more files in later years
    groups: list[tuple[str, int, str, str, float]] = []
    for cat, share in MIX:
        retentions = {"LP": [("D30", 0.8), ("D10", 0.2)], "BL": [("D30", 1.0)], "WS": [("Y", 0.3), ("D30", 0.5), ("D10", 0.2)],
                      "KU": [("D30", 0.7), ("D10", 0.3)], "KJ": [("Y", 1.0)], "JJ": [("Y", 1.0)]}[cat]
        orgs = [o for o, _ in ORGS] if cat == "WS" else [""]
        for y, w in zip(years, weights, strict=True):
            for ret, rshare in retentions:
                for org in orgs:
                    groups.append((cat, y, ret, org, share * w * rshare / len(orgs)))
    total = sum(g[4] for g in groups)
    counts = [math.floor(g[4] / total * n) for g in groups]
    rest = n - sum(counts)
    order = sorted(range(len(groups)), key=lambda i: -(groups[i][4] / total * n - counts[i]))
    for i in order[:rest]:
        counts[i] += 1
    fonds_of = CATEGORY_FONDS
    planned = [(g[0], g[1], g[2], g[3], c) for g, c in zip(groups, counts, strict=True) if c > 0]
    planned.sort(key=lambda p: (fonds_of[p[0]], p[0], p[1], p[2], p[3]))
    return planned


def _content(rng: random.Random, cat: str, year: int, org: str, code: str,  # noqa: ANN202 - demo content, a loose tuple
             patients: list[tuple[str, str]] | None = None):
    """One volume's content. What the retention rules read (就诊类型 and readmissions under one 病案号, the insurance
    contract's dates, the 会计档案类别) is drawn from a second generator seeded by the code, so that every seed still
    builds the codes and titles it always built."""
    side = random.Random(code)  # noqa: S311 - demo data, not secrets
    security = "公开"
    if cat == "LP":
        insured = _name(rng) if rng.random() < 0.8 else rng.choice(CITIES) + rng.choice(["物流", "建材", "食品", "电子"]) + "有限公司"
        kind = rng.choice(CLAIM_KINDS)
        closing = _day(rng, year)
        incident = closing - timedelta(days=rng.randrange(10, 200))
        claim_no = f"PDAA{year}{rng.randrange(10**8):08d}"
        custom: dict[str, str] = {
            "claim_no": claim_no,
            "policy_no": f"PDZA{incident.year}{rng.randrange(10**10):010d}",
            "insured": insured,
            "incident_date": incident.isoformat(),
            "closing_date": closing.isoformat(),
            "amount_paid": f"{rng.randrange(500, 500000)}.{rng.randrange(100):02d}",
        }
        # the policy ran when the incident happened: mostly one-year policies, some of three years (保险法 §87)
        begin = incident - timedelta(days=side.randrange(1, 330))
        years = 1 if side.random() < 0.85 else 3
        custom["contract_start"] = begin.isoformat()
        custom["contract_end"] = (begin.replace(year=begin.year + years) - timedelta(days=1)).isoformat() \
            if not (begin.month == 2 and begin.day == 29) else date(begin.year + years, 2, 28).isoformat()
        if len(insured) <= 4:  # a person (not a company): their ID number
            custom["insured_id"] = _id_number(code)
        title = f"{insured}{kind}{rng.choice(CLAIM_CAUSES)}理赔案卷"
        names = rng.sample(CLAIM_ITEMS, rng.randint(3, 8))
        _name(rng)  # the claim handler: not stored, but drawn so every seed builds what it always built
        items = [(f"{insured}{n}", "理赔部" if n != "出险通知书" else insured, incident.isoformat(), rng.randint(1, 12), "")
                 for n in names]
        return title, "理赔部", custom, items, incident.isoformat(), closing.isoformat(), _security(code, security)
    if cat == "BL":
        patient = _name(rng)
        ward = rng.choice(WARDS)
        discharge = _day(rng, year)
        admitted = discharge - timedelta(days=rng.randrange(2, 30))
        record_no = f"{rng.randrange(10**7):07d}"
        if patients is not None:
            if patients and side.random() < 0.2:  # a readmission: the patient keeps one 病案号 for life
                record_no, patient = patients[side.randrange(len(patients))]
            else:
                patients.append((record_no, patient))
        custom = {"record_no": record_no, "patient": patient, "discharge_date": discharge.isoformat(), "ward": ward,
                  "visit_type": "住院"}
        diagnosis = rng.choice(DIAGNOSES)
        # personal data drawn from the 档号, not from ``rng``: every seed still builds what it always built
        custom["id_number"] = _id_number(code)
        custom["diagnosis"] = diagnosis
        title = f"{patient}住院病历（{ward}·{diagnosis}）"
        names = rng.sample(RECORD_ITEMS, rng.randint(4, 9))
        items = [(f"{patient}{n}", ward, admitted.isoformat(), rng.randint(1, 20), "") for n in names]
        return title, ward, custom, items, admitted.isoformat(), discharge.isoformat(), _security(code, security)
    if cat == "WS":
        topic = rng.choice(WS_TOPICS)
        org_name = dict(ORGS)[org]
        count = rng.randint(4, 12)
        items = []
        for _ in range(count):
            d = _day(rng, year)
            kind = rng.choice(WS_KINDS)
            items.append((f"关于{rng.choice(WS_TOPICS)}的{kind}", org_name, d.isoformat(), rng.randint(1, 15),
                          f"临城投{org_name[:2]}〔{year}〕{rng.randint(1, 200)}号"))
        items.sort(key=lambda it: it[2])
        if rng.random() < 0.05:
            security = "秘密"
        return f"{org_name}{year}年{topic}文件", org_name, {}, items, items[0][2], items[-1][2], _security(code, security)
    kinds = {"KU": KU_KINDS, "KJ": KJ_KINDS, "JJ": KJ_KINDS}[cat]
    kind = rng.choice(kinds)
    custom = {}
    if cat == "KU":
        # 会计档案管理办法 (2015): 凭证 and 账簿 (日记账 included) 30 years, monthly reports 10; the volume's code says which
        if "-D10-" in code:
            kind = "财务会计报告"
            custom["ku_kind"] = "月度财务报告"
        else:
            if kind == "财务会计报告":
                kind = side.choice(("记账凭证", "总账", "明细账", "银行存款日记账"))
            custom["ku_kind"] = {"银行存款日记账": "日记账"}.get(kind, kind)
            if kind == "固定资产卡片" and side.random() < 0.5:  # the asset was disposed of: 5 years from then
                custom["disposal_date"] = date(year + side.randrange(1, 12), side.randrange(1, 13), 1).isoformat()
    resp = {"KU": "财务部", "KJ": "技术部", "JJ": "工程部"}[cat]
    title = f"{year}年{rng.choice(CITIES)}项目{kind}" if cat != "KU" else f"{year}年{rng.randint(1, 12)}月{kind}"
    n_items = rng.randint(2, 6)
    items = [(f"{title}（{i}）", resp, _day(rng, year).isoformat(), rng.randint(5, 60), "") for i in range(1, n_items + 1)]
    # the volume's 起止日期 span its documents' dates (the items keep the order they were drawn in, as filed)
    dates = sorted(it[2] for it in items)
    return title, resp, custom, items, dates[0], dates[-1], _security(code, security)


#: of the volumes not already classified, per 100 (by the 档号's CRC): 内部, 秘密, 机密 (issue 16: at least 1 % each)
_CLASSIFIED = ((2, "内部"), (4, "秘密"), (6, "机密"))
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_REGIONS = ("110101", "310104", "320106", "330102", "440305", "510107", "420102", "370202")
#: 保密期限 (years) of a demo volume by its 密级
SECURITY_PERIODS = {"秘密": 10, "机密": 20}


def _code_rng(code: str, salt: str) -> random.Random:
    return random.Random(zlib.crc32(f"{salt}:{code}".encode()))  # noqa: S311 - demo data, not secrets


def _security(code: str, drawn: str) -> str:
    """The volume's 密级: the one drawn, or (from the 档号, not the shared ``rng``) 内部, 秘密 or 机密 for a few."""
    if drawn != "公开":
        return drawn
    bucket = zlib.crc32(code.encode()) % 100
    return next((level for upto, level in _CLASSIFIED if bucket < upto), drawn)


def _id_number(code: str) -> str:
    """A well-formed 18-character 居民身份证号 (region, birth date, sequence, check digit), made up from the 档号."""
    r = _code_rng(code, "id")
    born = date(1940, 1, 1) + timedelta(days=r.randrange(365 * 65))
    body = f"{r.choice(_ID_REGIONS)}{born:%Y%m%d}{r.randrange(1000):03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def _build_shelving(conn: sqlite3.Connection, n: int) -> list[int]:
    """Rooms and racks enough for the volumes with a quarter to spare; returns layer ids in shelving order."""
    sides, columns, sections, levels = RACK_SHAPE
    per_rack = sides * columns * sections * levels * 22
    racks_needed = max(1, math.ceil(n * 1.25 / per_rack))
    rooms = min(4, racks_needed)
    rack_rows, layer_ids = [], []
    rack_id = 0
    layer_rows = []
    lid = 0
    for room in range(1, rooms + 1):
        conn.execute("INSERT INTO rooms (id, number, code, name, notes, active) VALUES (?, ?, ?, ?, '', 1)",
                     (room, room, f"K{room}", f"{room}号库房"))
    for r in range(racks_needed):
        room = r % rooms + 1
        number = r // rooms + 1
        rack_id += 1
        rack_rows.append((rack_id, room, number, "mobile", sides, columns, sections, levels, 1))
        for side in "AB"[:sides]:
            for col in range(1, columns + 1):
                for sec in range(1, sections + 1):
                    for lay in range(1, levels + 1):
                        lid += 1
                        code = format_location_code(DEFAULT_PATTERN, room=f"K{room}", rack=number, side=side,
                                                    column=col, section=sec, layer=lay)
                        layer_rows.append((lid, rack_id, side, col, sec, lay, code, layer_payload(code), LAYER_CAPACITY,
                                           LAYER_WIDTH_MM, "", 1))
                        layer_ids.append(lid)
    conn.executemany("INSERT INTO racks (id, room_id, number, kind, sides, columns, sections, layers, active) VALUES (?,?,?,?,?,?,?,?,?)", rack_rows)
    conn.executemany(
        'INSERT INTO layers (id, rack_id, side, "column", section, layer, code, barcode, capacity_count, capacity_mm, reserved_for, active)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        layer_rows,
    )
    # volumes fill the rooms one after the other, each rack by rack, so neighbouring codes sit together
    order = {lid: i for i, lid in enumerate(layer_ids)}
    room_of = {row[0]: row[1] for row in rack_rows}
    by_room = sorted(layer_rows, key=lambda row: (room_of[row[1]], order[row[0]]))
    return [row[0] for row in by_room]


def _audit_build(conn: sqlite3.Connection, actor: Actor, n: int, stats: dict[str, int]) -> None:
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    at = audit.utcnow()
    after = audit.canonical_json({"volumes": n, "items": stats["items"], "layers": stats["layers"]})
    digest = audit.entry_hash(prev_hash, at, actor.user, actor.workstation, "demo.build", "catalogue", None, "", after)
    conn.execute(
        "INSERT INTO audit_log (at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash)"
        " VALUES (?, ?, ?, 'demo.build', 'catalogue', NULL, '', ?, ?, ?)",
        (at.isoformat(sep=" "), actor.user, actor.workstation, after, prev_hash, digest),
    )


def iter_sample_codes(path: Path, limit: int = 10) -> Iterator[str]:
    conn = sqlite3.connect(path)
    try:
        yield from (row[0] for row in conn.execute("SELECT code FROM volumes ORDER BY id LIMIT ?", (limit,)))
    finally:
        conn.close()
