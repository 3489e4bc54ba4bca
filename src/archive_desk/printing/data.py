"""Plain input data for printing: what the services hand to :mod:`archive_desk.printing`.

No ORM objects cross into printing: a service reads the catalogue and fills these frozen
dataclasses with display-ready strings (the 档号 as shown, 保管期限 as "永久"/"定期30年", dates as
``datetime.date`` or ``YYYYMMDD``) plus the barcode payload, already mapped to ``0-9 A-Z - .``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType

from archive_desk.i18n import DEFAULT_FORM_LANGUAGE as _DEFAULT_FORM_LANGUAGE
from archive_desk.i18n import t


def _frozen_mapping(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType({str(k): "" if v is None else str(v) for k, v in (value or {}).items()})


@dataclass(frozen=True)
class LabelRecord:
    """One label's values. Templates bind their text and barcode elements to these names.

    ``payload`` is the barcode payload (``0-9 A-Z - .``; the caller maps the 档号, e.g. ``·`` → ``.``).
    ``extra`` carries category-specific or custom fields (赔案号, 病案号 …) by name.
    """

    payload: str = ""
    code: str = ""  # 档号 as displayed, e.g. Z109-LP·2019-D30-0123
    title: str = ""  # 题名
    fonds_code: str = ""  # 全宗号
    fonds_name: str = ""  # 全宗名称
    category: str = ""  # 门类
    year: str = ""  # 年度
    retention: str = ""  # 保管期限, as printed (永久 / 定期30年 / D30)
    security: str = ""  # 密级
    org: str = ""  # 机构(问题)
    box_no: str = ""  # 盒号
    volume_no: str = ""  # 案卷号
    item_start: str = ""  # 起件号
    item_end: str = ""  # 止件号
    item_no: str = ""  # 件号 (归档章)
    pages: str = ""  # 页数
    location: str = ""  # location in words: 一号库房 3架A面 2列 4节 3层
    location_code: str = ""  # location code as printed
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen_mapping(self.extra))

    def value(self, name: str) -> str:
        """The value bound to field ``name`` ("" when the record has none)."""
        if name in _FIELD_NAMES:
            v = getattr(self, name)
            return "" if v is None else str(v)
        return self.extra.get(name, "")


_FIELD_NAMES = frozenset(f.name for f in fields(LabelRecord) if f.name != "extra")


def label_fields() -> tuple[tuple[str, str], ...]:
    """(field name, label in the current language) of the built-in label fields, for the template editor."""
    return (
        ("payload", t("Barcode")),
        ("code", t("Archival code")),
        ("title", t("Title")),
        ("fonds_code", t("Fonds no.")),
        ("fonds_name", t("Fonds name")),
        ("category", t("Category")),
        ("year", t("Year")),
        ("retention", t("Retention")),
        ("security", t("Security level")),
        ("org", t("Org.")),
        ("box_no", t("Box no.")),
        ("volume_no", t("Volume no.")),
        ("item_start", t("First item no.")),
        ("item_end", t("Last item no.")),
        ("item_no", t("Item no.")),
        ("pages", t("Pages")),
        ("location", t("Location")),
        ("location_code", t("Location code")),
    )


@dataclass(frozen=True)
class Calibration:
    """Per-printer correction, saved in settings by the app.

    Positive offsets move the print right / down. Creep is the extra shift per row going down the
    sheet (and per column going right), for printers whose feed stretches or shrinks the page.
    Labels on rolls are one per page, so creep does not apply to them.
    """

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    creep_y_mm: float = 0.0
    creep_x_mm: float = 0.0

    def shift_mm(self, row: int, col: int) -> tuple[float, float]:
        """(dx, dy) in mm for the label in ``row``/``col`` (0-based), y pointing down."""
        return (self.offset_x_mm + col * self.creep_x_mm, self.offset_y_mm + row * self.creep_y_mm)


# --------------------------------------------------------------------------- forms

#: the forms' language unless the room's "form language" setting (``services.setup``) says otherwise
DEFAULT_FORM_LANGUAGE = _DEFAULT_FORM_LANGUAGE

DateLike = _dt.date | str | None


def format_date(value: DateLike) -> str:
    """``YYYYMMDD`` for a date; strings are kept (with ``-``/``/``/``.`` removed when that gives 8 digits)."""
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.strftime("%Y%m%d")
    text = str(value).strip()
    compact = text.replace("-", "").replace("/", "").replace(".", "")
    return compact if len(compact) == 8 and compact.isdigit() else text


def date_as_written(value: _dt.date | None, precision: str | None) -> DateLike:
    """A catalogue date as the register gave it: a date given to the month (``precision`` ``"month"``,
    stored as the month's first or last day) is ``2021.03``, which :func:`format_date` prints as it is."""
    if value is not None and precision == "month":
        return f"{value.year}.{value.month:02d}"
    return value


@dataclass(frozen=True)
class ItemEntry:
    """One document (件) in a 卷内文件目录 or a 归档文件目录."""

    seq: int | str  # 序号 (卷内) or 件号 (归档文件目录)
    title: str  # 题名
    ref: str = ""  # 文号 (or the item's 档号 in a 卷内目录)
    responsible: str = ""  # 责任者
    date: DateLike = None  # YYYYMMDD
    security: str = ""  # 密级
    pages: int | None = None  # 页数
    page_range: str = ""  # 页号, e.g. "1-5"; computed from the page counts when empty
    remarks: str = ""  # 备注
    code: str = ""  # 档号 (归档文件目录)


@dataclass(frozen=True)
class VolumeNotes:
    """The 备考表 (卷内备考表) of a volume."""

    text: str = ""  # 本卷情况说明: missing, added, removed or damaged pages, other notes
    compiler: str = ""  # 立卷人 / 整理人
    compiled_on: DateLike = None
    checker: str = ""  # 检查人
    checked_on: DateLike = None


@dataclass(frozen=True)
class VolumeForm:
    """A volume (案卷) as its cover, item list and 备考表 print it."""

    code: str  # 档号
    title: str  # 案卷题名
    payload: str = ""  # barcode payload; no barcode on the cover when empty
    fonds_name: str = ""  # 全宗名称
    fonds_code: str = ""
    category: str = ""  # 类目名称 / 门类
    year: str = ""
    retention: str = ""
    security: str = ""
    date_start: DateLike = None
    date_end: DateLike = None
    item_count: int | None = None  # 件数; from the items when None
    page_count: int | None = None  # 页数; from the items when None
    items: tuple[ItemEntry, ...] = ()
    notes: VolumeNotes = VolumeNotes()
    language: str = DEFAULT_FORM_LANGUAGE
    class_name: str = ""  # 类目名称: the class the volume is filed under (门类, and 机构/问题 where there is one)
    filing_no: str = ""  # 归档号: 案卷号 of a bound volume, 盒号 (and 起止件号) of a box
    #: a box of item-filed (按件, DA/T 22-2015) documents: its list is the 归档文件目录, each 件 with its own 档号
    boxed: bool = False
    org: str = ""  # 机构(问题)
    box_no: str = ""  # 盒号 of a box (H001)
    #: the category's own fields the room files by (赔案号, 保单号, 被保险人 …): (label, value), printed on the cover
    fields: tuple[tuple[str, str], ...] = ()

    @property
    def items_total(self) -> int:
        return self.item_count if self.item_count is not None else len(self.items)

    @property
    def pages_total(self) -> int:
        if self.page_count is not None:
            return self.page_count
        return sum(i.pages or 0 for i in self.items)


@dataclass(frozen=True)
class FilingDirectory:
    """The 归档文件目录 of one box or one year of an item-filed (按件) category."""

    items: tuple[ItemEntry, ...]
    fonds_name: str = ""
    fonds_code: str = ""
    category: str = ""
    year: str = ""
    retention: str = ""
    org: str = ""
    box_no: str = ""  # empty for a whole year's directory
    language: str = DEFAULT_FORM_LANGUAGE
