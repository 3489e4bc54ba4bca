"""Standard data every new catalogue starts with: the categories of domain.md with their own fields,
and the room-wide settings."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from archive_desk.db import migrate
from archive_desk.db.engine import Database
from archive_desk.i18n import language
from archive_desk.models import CatalogueSetting, Category, CategoryField
from archive_desk.services import audit, room_settings
from archive_desk.services.ops import SETTINGS, operation

VOLUME_PATTERN = "{fonds}-{category}·{year}-{retention}-{volume:3}"
CLAIMS_PATTERN = "{fonds}-{category}·{year}-{retention}-{volume:4}"
BOX_PATTERN = "{fonds}-{category}·{year}-{retention}-{org}-H{box:3}"
ITEM_PATTERN = "{fonds}-{category}·{year}-{retention}-{org}-{item:4}"

# code, 中文, English, filing mode, default retention, spine thickness (mm)
STANDARD_CATEGORIES: list[tuple[str, str, str, str, str, int]] = [
    ("WS", "文书", "Administrative records", "item", "D30", 30),
    ("KJ", "科技", "Technical records", "volume", "Y", 30),
    ("JJ", "基建", "Construction records", "volume", "Y", 40),
    ("SB", "设备", "Equipment records", "volume", "D30", 30),
    ("KY", "科研", "Research records", "volume", "Y", 30),
    ("KU", "会计", "Accounting records", "volume", "D30", 30),
    ("RS", "人事", "Personnel records", "volume", "Y", 20),
    ("SX", "声像", "Audio-visual records", "volume", "Y", 20),
    ("ZP", "照片", "Photographs", "volume", "Y", 20),
    ("SW", "实物", "Objects", "volume", "Y", 50),
    ("BL", "病历", "Medical records", "volume", "D30", 20),
    ("LP", "理赔", "Insurance claims", "volume", "D30", 30),
]

# key, 中文, English, type
CATEGORY_FIELDS: dict[str, list[tuple[str, str, str, str]]] = {
    "LP": [
        ("claim_no", "赔案号", "Claim no.", "text"),
        ("policy_no", "保单号", "Policy no.", "text"),
        ("insured", "被保险人", "Insured", "text"),
        ("incident_date", "出险日期", "Incident date", "date"),
        ("closing_date", "结案日期", "Closing date", "date"),
        ("amount_paid", "赔付金额", "Amount paid", "money"),
        ("contract_start", "保险起期", "Contract start", "date"),
        ("contract_end", "保险止期", "Contract end", "date"),
        ("insured_id", "被保险人身份证号", "Insured's ID no.", "text"),
    ],
    "BL": [
        ("record_no", "病案号", "Record no.", "text"),
        ("patient", "患者姓名", "Patient", "text"),
        ("discharge_date", "出院日期", "Discharge date", "date"),
        ("ward", "科室", "Ward", "text"),
        ("visit_type", "就诊类型", "Visit type", "choice"),
        ("id_number", "身份证号", "ID no.", "text"),
        ("diagnosis", "诊断", "Diagnosis", "text"),
    ],
    "KU": [
        ("ku_kind", "会计档案类别", "Accounting record kind", "choice"),
        ("disposal_date", "处置日期", "Disposal date", "date"),
    ],
}
#: the choices of the choice fields above (0009_retention adds the same fields to older catalogues)
FIELD_CHOICES: dict[str, list[str]] = {
    "visit_type": ["住院", "门诊"],
    "ku_kind": ["记账凭证", "原始凭证", "总账", "明细账", "日记账", "辅助账簿", "固定资产卡片", "月度财务报告",
                "季度财务报告", "年度财务报告", "会计档案鉴定意见书", "会计档案销毁清册", "会计档案移交清册",
                "会计档案保管清册", "银行存款余额调节表", "银行对账单", "纳税申报表", "其他会计资料"],
}
#: the standard fields that hold personal data, and how they are masked (services/masking.py PERSONAL_KINDS);
#: migration 0011_masking marks the same ones in older catalogues
PERSONAL_FIELDS: dict[tuple[str, str], str] = {
    ("BL", "patient"): "name", ("BL", "id_number"): "id", ("BL", "diagnosis"): "text",
    ("LP", "insured"): "name", ("LP", "insured_id"): "id",
}
RETENTION_EVENTS = {"LP": "closing_date", "BL": "discharge_date"}


def open_catalogue(path: Path | str, *, read_only: bool | None = None, check: bool | None = None) -> Database:
    """Open (create, migrate) the catalogue at ``path`` and make sure it holds the standard data.

    The composition roots (``app.py``, the command line) and the tests open catalogues here: ``db/`` knows
    nothing of categories and settings, so a new catalogue and a migrated one are seeded by this layer. A
    read-only catalogue is left as it is."""
    db = migrate.open_catalogue(path, read_only=read_only, check=check)
    if not db.read_only:
        try:
            ensure_standard_data(db)
        except BaseException:
            db.dispose()
            raise
    return db


@operation("setup.ensure_standard_data", area=SETTINGS)
def ensure_standard_data(db: Database) -> None:
    """Seed a new catalogue once (idempotent): standard categories, their fields, default settings."""
    with db.read() as session:  # Core: at every start, and the ORM's mappers can be configured later
        if session.scalar(select(Category.__table__.c.id).limit(1)) is not None:
            return
    actor = audit.Actor.current()
    with db.write() as session:
        if session.scalar(select(Category.id).limit(1)) is not None:  # another workstation was first
            return
        for order, (code, zh, en, mode, retention, thickness) in enumerate(STANDARD_CATEGORIES):
            if mode == "item":
                pattern, item_pattern = BOX_PATTERN, ITEM_PATTERN
            else:
                pattern, item_pattern = (CLAIMS_PATTERN if code in ("LP", "BL") else VOLUME_PATTERN), ""
            cat = Category(
                code=code, name_zh=zh, name_en=en, filing_mode=mode, code_pattern=pattern,
                item_pattern=item_pattern, default_retention=retention, thickness_mm=thickness,
                retention_event_field=RETENTION_EVENTS.get(code, ""), sort_order=order,
            )
            for i, (key, fzh, fen, ftype) in enumerate(CATEGORY_FIELDS.get(code, [])):
                cat.fields.append(CategoryField(key=key, label_zh=fzh, label_en=fen, type=ftype, sort_order=i,
                                                choices=list(FIELD_CHOICES.get(key, [])),
                                                searchable=key not in FIELD_CHOICES and ftype != "date",
                                                personal=PERSONAL_FIELDS.get((code, key), "")))
            session.add(cat)
        seeded = room_settings.seed_rows()
        for key, value in seeded.items():
            if session.get(CatalogueSetting, key) is None:
                session.add(CatalogueSetting(key=key, value=value))
        session.flush()
        audit.record(session, actor, "catalogue.seed", "catalogue", None, None,
                     {"categories": [c[0] for c in STANDARD_CATEGORIES], "settings": sorted(seeded)})


def form_language(db_or_session: Any) -> str:
    """The language official forms print in (the room's "form language"; Chinese unless set)."""
    return room_settings.read(db_or_session).form_language


def unit_name(db_or_session: Any) -> str:
    """The archive room as a unit on paper: 单位名称 + 档案室 name (e.g. 江南财产保险股份有限公司临川分公司档案室)."""
    return room_settings.read(db_or_session).unit_name


def in_form_language(fn: Callable) -> Callable:
    """Run a print-data service ``fn(session, …)`` in the room's form language, so the texts it makes
    (定期30年, "缺，未移交", the category's name) match the form they go on."""

    @functools.wraps(fn)
    def wrapper(session, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - passed through unchanged
        with language(form_language(session)):
            return fn(session, *args, **kwargs)

    return wrapper
