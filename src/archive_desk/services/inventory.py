"""The yearly inventory (年度室藏统计) for the archive room's annual report (档案室基本情况年报, 档基3表).

This module gathers the figures and the register rows for one year from the catalogue; the workbook is
written by :mod:`archive_desk.exporting.inventory` (pure). Detail rows are *streamed* from the database
while the workbook is written (one read transaction, so every sheet sees the same catalogue), which keeps
a 100,000-volume export within a few tens of megabytes.

Counting rules (``domain.md``), stated once here because every figure follows them:

- A volume **enters** the room on the date of the confirmed receiving batch (移交接收) that lists it, or
  else on the date it was catalogued (``created_at``, local time). It **leaves** on the date of the
  confirmed hand-over batch (移出) or destruction list (销毁清册) that lists it, or else on the date its
  status changed to transferred/destroyed. Void records (作废, entered by mistake) never count.
- **Holdings at the end of the year** (年末室藏) are the volumes that entered on or before 31 December and
  had not left by then (in stock, on loan or recorded missing today; or gone since).
- Paper is counted in 卷: a volume is 1 卷 and so is a box (盒) of item-filed documents; 件 is the number of
  items (卷内文件 / 件) the volumes hold, 页 their pages, 盒 the number of boxes (volumes of item-filed
  categories). Photographs count in 张 (their items), audio-visual records in 盘 (their items), objects in
  件 (volumes). Shelf length is the sum of the volumes' spine thickness (own, else the category's), in metres.
- Use figures come from the lending service: 利用人次 one person's use for one purpose (once over consecutive
  days), 利用卷次 every volume on
  every loan made in the year.
- Stocktakes count in the year they were finished.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from archive_desk.errors import ValidationError
from archive_desk.exporting.inventory import (
    AnnualRow,
    CategoryTotal,
    ChangeRow,
    DetailSheet,
    HoldingGroup,
    InventoryData,
    InventorySummary,
    StocktakeLine,
    UseRow,
    detail_columns,
    write_inventory,
)
from archive_desk.i18n import is_chinese, t
from archive_desk.models import (
    Appraisal,
    AppraisalLine,
    Borrower,
    Category,
    Fonds,
    Layer,
    Loan,
    LoanLine,
    TransferBatch,
    TransferLine,
    Volume,
    VolumeStatus,
)
from archive_desk.services import catalogue, masking, stocktake
from archive_desk.services.audit import Actor
from archive_desk.services.setup import unit_name

V = Volume.__table__
F = Fonds.__table__
C = Category.__table__
L = Layer.__table__
TB = TransferBatch.__table__
TL = TransferLine.__table__
A = Appraisal.__table__
AL = AppraisalLine.__table__
LN = Loan.__table__
LL = LoanLine.__table__
B = Borrower.__table__

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: thickness assumed for a volume whose category has none (mm)
DEFAULT_THICKNESS_MM = 30
#: categories counted in other units than 卷 in the annual report: code -> (unit, counted as items?)
SPECIAL_UNITS: dict[str, tuple[str, bool]] = {"ZP": ("张", True), "SX": ("盘", True), "SW": ("件", False)}
RETENTION_ORDER = ("Y", "D30", "D10", "C", "S")
_GONE = (VolumeStatus.TRANSFERRED, VolumeStatus.DESTROYED)
STREAM_ROWS = 2000


# ---------------------------------------------------------------- the year's bounds


@dataclass(frozen=True)
class YearBounds:
    year: int
    start: date  # 1 January (local calendar)
    end: date  # 1 January of the next year
    start_utc: datetime  # local midnight of 1 January, as stored (UTC, naive)
    end_utc: datetime
    start_local: datetime  # naive local times, as loans store them
    end_local: datetime


def local_midnight_utc(d: date) -> datetime:
    """Local midnight at the start of ``d`` as a naive UTC time (how ``created_at`` & co. are stored)."""
    return datetime(d.year, d.month, d.day).astimezone().astimezone(UTC).replace(tzinfo=None)


def year_bounds(year: int) -> YearBounds:
    if not 1900 <= year <= 9998:
        raise ValidationError({"year": t("{value} is not a year", value=year)})
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    return YearBounds(year, start, end, local_midnight_utc(start), local_midnight_utc(end),
                      datetime(year, 1, 1), datetime(year + 1, 1, 1))


def to_local_date(at: datetime | None) -> date | None:
    if at is None:
        return None
    return at.replace(tzinfo=UTC).astimezone().date()


# ---------------------------------------------------------------- entry and exit of volumes

HELD_END, HELD_START, RECEIVED, TRANSFERRED_OUT, DESTROYED = 1, 2, 4, 8, 16


def _stamp_text(at: datetime) -> str:
    """A naive UTC time as stored text, for comparing with stored timestamps as text (as SQLite does)."""
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _entry_map(session: Session) -> dict[int, tuple[str, str, str]]:
    """volume id -> (date received, batch no., from unit) of its first confirmed receiving batch."""
    d = type_coerce(func.coalesce(TB.c.transfer_date, func.date(TB.c.confirmed_at)), String)
    out: dict[int, tuple[str, str, str]] = {}
    stmt = (select(TL.c.volume_id, d, TB.c.batch_no, TB.c.from_unit).select_from(TL.join(TB, TB.c.id == TL.c.batch_id))
            .where(TB.c.direction == "in", TB.c.status == "confirmed", TL.c.volume_id.is_not(None)))
    for vid, day, batch, unit in session.execute(stmt):
        if day and (vid not in out or day < out[vid][0]):
            out[vid] = (day, batch or "", unit or "")
    return out


def _exit_maps(session: Session) -> tuple[dict[int, tuple[str, str, str]], dict[int, tuple[str, str]]]:
    """volume id -> (date, batch no., to unit) of its last confirmed hand-over, and -> (date, list no.) of
    its last confirmed destruction list."""
    d = type_coerce(func.coalesce(TB.c.transfer_date, func.date(TB.c.confirmed_at)), String)
    handed: dict[int, tuple[str, str, str]] = {}
    stmt = (select(TL.c.volume_id, d, TB.c.batch_no, TB.c.to_unit).select_from(TL.join(TB, TB.c.id == TL.c.batch_id))
            .where(TB.c.direction == "out", TB.c.status == "confirmed", TL.c.volume_id.is_not(None)))
    for vid, day, batch, unit in session.execute(stmt):
        if day and (vid not in handed or day > handed[vid][0]):
            handed[vid] = (day, batch or "", unit or "")
    dd = type_coerce(func.coalesce(A.c.destroyed_on, func.date(A.c.updated_at)), String)
    destroyed: dict[int, tuple[str, str]] = {}
    stmt = (select(AL.c.volume_id, dd, A.c.list_no).select_from(AL.join(A, A.c.id == AL.c.appraisal_id))
            .where(A.c.status == "confirmed", AL.c.decision == "destroy"))
    for vid, day, list_no in session.execute(stmt):
        if day and (vid not in destroyed or day > destroyed[vid][0]):
            destroyed[vid] = (day, list_no or "")
    return handed, destroyed


class Moves:
    """When each volume entered and left the room, and which of the year's figures it counts in.

    Dates of batches and lists are calendar days (text ``YYYY-MM-DD``); ``created_at``/``updated_at`` are
    stored UTC times, compared as text with the UTC instants of local midnights, exactly as SQLite
    compares them.
    """

    def __init__(self, session: Session, yb: YearBounds) -> None:
        self.yb = yb
        self.entry = _entry_map(session)
        self.handed, self.destroyed = _exit_maps(session)
        self._start = (yb.start.isoformat(), _stamp_text(yb.start_utc))
        self._end = (yb.end.isoformat(), _stamp_text(yb.end_utc))

    def entered_before(self, vid: int, created: str | datetime, bound: tuple[str, str]) -> bool:
        entry = self.entry.get(vid)
        if entry is not None:
            return entry[0] < bound[0]
        # (a file stores the time as text, the server as a timestamp)
        text = created.isoformat(sep=" ") if isinstance(created, datetime) else created.replace("T", " ", 1)
        return text < bound[1]

    def left_before(self, vid: int, status: str, updated: str, bound: tuple[str, str]) -> bool:
        if status == VolumeStatus.TRANSFERRED:
            gone: tuple[str, ...] | None = self.handed.get(vid)
        elif status == VolumeStatus.DESTROYED:
            gone = self.destroyed.get(vid)
        else:
            return False
        if gone is not None:
            return gone[0] < bound[0]
        return updated.replace("T", " ", 1) < bound[1]

    def flags(self, vid: int, status: str, created: str, updated: str) -> int:
        """Which of the year's figures a volume counts in (HELD_END | HELD_START | RECEIVED | …)."""
        if status == VolumeStatus.VOID:
            return 0
        f = 0
        in_by_end = self.entered_before(vid, created, self._end)
        in_by_start = self.entered_before(vid, created, self._start)
        out_by_end = self.left_before(vid, status, updated, self._end)
        out_by_start = self.left_before(vid, status, updated, self._start)
        if in_by_end and not out_by_end:
            f |= HELD_END
        if in_by_start and not out_by_start:
            f |= HELD_START
        if in_by_end and not in_by_start:
            f |= RECEIVED
        if out_by_end and not out_by_start:
            f |= TRANSFERRED_OUT if status == VolumeStatus.TRANSFERRED else DESTROYED
        return f


# ---------------------------------------------------------------- summary figures


def _category_name(row: Any) -> str:
    return row.name_zh if is_chinese() else row.name_en


def _retention_rank(code: str) -> int:
    return RETENTION_ORDER.index(code) if code in RETENTION_ORDER else len(RETENTION_ORDER)


@dataclass(frozen=True)
class YearFigures:
    """The year's figures: holdings at the end of the year by fonds × category × retention, the totals
    (卷, 件, 页) of the year's changes, and which figures each volume counts in (``flags``)."""

    groups: tuple[HoldingGroup, ...]
    changes: tuple[ChangeRow, ...]
    flags: dict[int, int]

    def count(self, key: str) -> int:
        return next(c.volumes for c in self.changes if c.key == key)


def year_figures(session: Session, moves: Moves) -> YearFigures:
    """One narrow pass over the volumes (ids, statuses, times and counts only), classified in Python: the
    conditions are plain comparisons per volume, several times cheaper than the same conditions joined
    and evaluated in SQL."""
    fonds = {r.id: r for r in session.execute(select(F.c.id, F.c.code, F.c.name))}
    cats = {r.id: r for r in session.execute(select(C.c.id, C.c.code, C.c.name_zh, C.c.name_en, C.c.sort_order,
                                                     C.c.filing_mode, C.c.thickness_mm))}
    stmt = select(V.c.id, V.c.fonds_id, V.c.category_id, V.c.retention, V.c.status, V.c.item_count, V.c.pages,
                  V.c.thickness_mm, _raw(V.c.created_at), _raw(V.c.updated_at))
    # per (flags, fonds, category, retention): volumes, items, pages, own thickness, volumes without one
    acc: dict[tuple[int, int, int, str], list[int]] = {}
    flags: dict[int, int] = {}
    classify = moves.flags
    for vid, fid, cid, retention, status, items, pages, thick, created, updated in _stream(session, stmt):
        f = classify(vid, status, created or "", updated or "")
        if not f:
            continue
        flags[vid] = f
        a = acc.get((f, fid, cid, retention))
        if a is None:
            a = acc[(f, fid, cid, retention)] = [0, 0, 0, 0, 0]
        a[0] += 1
        a[1] += items or 0
        a[2] += pages or 0
        if thick:
            a[3] += thick
        else:
            a[4] += 1
    totals = {bit: [0, 0, 0] for bit in (HELD_END, HELD_START, RECEIVED, TRANSFERRED_OUT, DESTROYED)}
    groups: dict[tuple[int, int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for (f, fid, cid, retention), (n, items, pages, thick, unknown) in acc.items():
        for bit, tot in totals.items():
            if f & bit:
                tot[0] += n
                tot[1] += items
                tot[2] += pages
        if f & HELD_END:
            cat = cats[cid]
            g = groups[(fid, cid, retention)]
            g[0] += n
            g[1] += items
            g[2] += pages
            g[3] += n if cat.filing_mode == "item" else 0
            g[4] += thick + unknown * (cat.thickness_mm or DEFAULT_THICKNESS_MM)
    order = sorted(groups, key=lambda k: (fonds[k[0]].code, cats[k[1]].sort_order, cats[k[1]].code, _retention_rank(k[2])))
    held = tuple(HoldingGroup(fonds[fid].code, fonds[fid].name, cats[cid].code, _category_name(cats[cid]), ret,
                              catalogue.retention_label(ret), *groups[(fid, cid, ret)]) for fid, cid, ret in order)
    changes = (
        ChangeRow("start", t("Holdings on 1 January"), *totals[HELD_START]),
        ChangeRow("received", t("Received in the year"), *totals[RECEIVED]),
        ChangeRow("transferred", t("Transferred out in the year"), *totals[TRANSFERRED_OUT]),
        ChangeRow("destroyed", t("Destroyed in the year"), *totals[DESTROYED]),
        ChangeRow("end", t("Holdings on 31 December"), *totals[HELD_END]),
    )
    return YearFigures(held, changes, flags)


def category_totals(session: Session, groups: Sequence[HoldingGroup]) -> list[CategoryTotal]:
    order = {code: (i, zh, en) for i, (code, zh, en) in
             enumerate(session.execute(select(C.c.code, C.c.name_zh, C.c.name_en).order_by(C.c.sort_order, C.c.code)))}
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for g in groups:
        a = acc[g.category_code]
        a[0] += g.volumes
        a[1] += g.items
        a[2] += g.pages
        a[3] += g.boxes
        a[4] += g.thickness_mm
    out = []
    for code in sorted(acc, key=lambda c: order.get(c, (999, c, c))[0]):
        _i, zh, en = order.get(code, (0, code, code))
        v, i, p, b, mm = acc[code]
        out.append(CategoryTotal(code, zh if is_chinese() else en, v, i, p, b, round(mm / 1000.0, 2)))
    return out


@dataclass(frozen=True)
class UseFigures:
    person_times: int
    volume_times: int
    loans: int
    by_purpose: tuple[UseRow, ...]
    by_use: tuple[UseRow, ...]
    by_category: tuple[UseRow, ...]
    copies: int  # 利用卷次 of copies (复制/摘录)
    by_service: tuple[UseRow, ...] = ()  # 查阅 / 复制 / 借出
    copied_pages: int = 0  # 复制页数, the originals' pages copied


def use_figures(session: Session, year: int) -> UseFigures:
    """利用人次 and 利用卷次 from the lending service (one definition for the whole app)."""
    from archive_desk.services import loans  # noqa: PLC0415

    f = loans.yearly_figures(session, year)

    def rows(items: Sequence[Any]) -> tuple[UseRow, ...]:
        return tuple(UseRow(r.key, r.label or r.key, r.person_times, r.volume_times) for r in items)

    copies = sum(r.volume_times for r in f.by_service if r.key == loans.COPY)
    return UseFigures(f.person_times, f.volume_times, f.loans, rows(f.by_purpose), rows(f.by_use), rows(f.by_category),
                      copies, rows(f.by_service), f.copied_pages)


def stocktake_lines(session: Session, yb: YearBounds) -> list[StocktakeLine]:
    out = []
    for rec in stocktake.finished_in(session, yb.start_utc, yb.end_utc):
        counts = rec.counts
        out.append(StocktakeLine(rec.name, rec.scope_text, stocktake._local(rec.started_at),  # noqa: SLF001 - the same package's own object
                                 stocktake._local(rec.finished_at) if rec.finished_at else None,  # noqa: SLF001 - the same package's own object
                                 int(rec.summary.get("layers_scanned", 0)), int(rec.summary.get("layers_in_scope", 0)),
                                 tuple(counts[c.value] for c in stocktake.CLASSES),
                                 stocktake.corrections_text(rec)))
    return out


def annual_rows(groups: Sequence[HoldingGroup], cats: Sequence[CategoryTotal], changes: Sequence[ChangeRow],
                use: UseFigures, stocktakes: Sequence[StocktakeLine]) -> list[AnnualRow]:
    """The figures in the layout of the 档案室基本情况年报 (档基3表). Indicators the catalogue cannot know
    (staff, floor space, equipment) are left for the clerk to fill in (``manual``). The indicator codes
    follow the order of the form; check them against the form in force in your province *(verify)*."""
    paper = [g for g in groups if g.category_code not in SPECIAL_UNITS]
    by_ret: dict[str, int] = defaultdict(int)
    for g in paper:
        by_ret[g.retention] += g.volumes
    special: dict[str, int] = {}
    for code, (_unit, as_items) in SPECIAL_UNITS.items():
        special[code] = sum((g.items if as_items else g.volumes) for g in groups if g.category_code == code)
    item_filed = sum(g.items for g in groups if g.boxes)
    change = {c.key: c for c in changes}
    missing = sum(s.counts[2] for s in stocktakes)
    rows: list[AnnualRow] = []
    n = 0

    def add(label: str, unit: str, value: float | int | None, *, level: int = 1, note: str = "", manual: bool = False,
            heading: bool = False) -> None:
        nonlocal n
        code = ""
        if not heading:
            n += 1
            code = f"{n:02d}"
        rows.append(AnnualRow(label, code, unit, value, note, level, manual, heading))

    add(t("I. Holdings at the end of the year"), "", None, level=0, heading=True)
    add(t("Number of fonds"), t("unit(s)"), len({g.fonds_code for g in groups}))
    add(t("Paper records (a box of item-filed records counts as one volume)"), t("volumes"), sum(g.volumes for g in paper))
    for code in RETENTION_ORDER:
        if by_ret.get(code):
            add(t("of which {retention}", retention=catalogue.retention_label(code)), t("volumes"), by_ret[code], level=2)
    for cat in cats:
        if cat.code in SPECIAL_UNITS:
            continue
        add(t("of which {category} records", category=cat.name), t("volumes"), cat.volumes, level=2)
    add(t("Items of item-filed records"), t("items"), item_filed)
    add(t("Photographs"), "张", special["ZP"], note=t("items of the photograph category"))
    add(t("Audio and video records"), "盘", special["SX"], note=t("items of the audio-visual category"))
    add(t("Objects"), "件", special["SW"])
    add(t("Pages of the records"), t("pages"), sum(g.pages for g in groups))
    add(t("Shelf length of the records"), t("metres"), round(sum(c.shelf_m for c in cats), 2))
    add(t("II. Receipts and removals in the year"), "", None, level=0, heading=True)
    add(t("Volumes received"), t("volumes"), change["received"].volumes)
    add(t("Items received"), t("items"), change["received"].items, level=2)
    add(t("Volumes transferred out (to the archives or other units)"), t("volumes"), change["transferred"].volumes)
    add(t("Volumes destroyed"), t("volumes"), change["destroyed"].volumes)
    add(t("III. Use of the records"), "", None, level=0, heading=True)
    add(t("Users (person-times)"), t("person-times"), use.person_times,
        note=t("one person's use for one purpose, once even over consecutive days"))
    add(t("Volumes used (volume-times)"), t("volume-times"), use.volume_times)
    for row in use.by_service:
        add(t("of which {service}", service=row.label), t("volume-times"), row.volume_times, level=2)
    add(t("Pages copied (by the originals' pages)"), t("pages"), use.copied_pages)
    add(t("IV. Stocktakes"), "", None, level=0, heading=True)
    add(t("Stocktakes finished"), t("times"), len(stocktakes))
    add(t("Volumes found missing"), t("volumes"), missing)
    add(t("V. Staff and premises (fill in by hand)"), "", None, level=0, heading=True)
    add(t("Full-time archive staff"), t("persons"), None, manual=True)
    add(t("Storeroom floor space"), t("square metres"), None, manual=True)
    add(t("Shelving length installed"), t("metres"), None, manual=True)
    return rows


# ---------------------------------------------------------------- detail rows (streamed)


def _stream(session: Session, stmt: Any) -> Iterator[Any]:
    result = session.execute(stmt.execution_options(yield_per=STREAM_ROWS))
    for part in result.partitions():
        yield from part


def _count(session: Session, stmt: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def _category_label_expr() -> Any:
    return C.c.name_zh if is_chinese() else C.c.name_en


def _label_cache(fn: Callable[[str], str]) -> Callable[[str], str]:
    cache: dict[str, str] = {}

    def get(key: str) -> str:
        value = cache.get(key)
        if value is None:
            value = cache[key] = fn(key)
        return value

    return get


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _stamp_day(text: str | None) -> date | None:
    """A stored UTC timestamp (as text) as the local calendar day."""
    return to_local_date(datetime.fromisoformat(text)) if text else None


def _raw(column: Any) -> Any:
    """The column as stored text: dates and times are parsed by the caller with ``fromisoformat`` (C speed),
    not by the ORM type's per-row processor."""
    return type_coerce(column, String)


class _Registers:
    """The detail sheets of the volumes, from one streamed pass.

    The pass reads the volumes in 档号 order and keeps those that count in the year (``YearFigures.flags``):
    the holdings register is streamed straight to the workbook, and the rows of the other three registers
    are kept aside for their sheets, which the writer fills next. One pass over the catalogue instead of
    four; a register too large to keep in memory (more than ``KEEP_LIMIT`` rows, e.g. the first year after
    a whole room was catalogued) is read by a pass of its own when its sheet is written.
    """

    KEEP_LIMIT = 20_000

    def __init__(self, session: Session, moves: Moves, yb: YearBounds, figures: YearFigures, viewer: Actor | None = None) -> None:
        self.session, self.moves, self.yb, self.flags = session, moves, yb, figures.flags
        #: a title as the viewer may see it (masked above their clearance: services/masking.py)
        self.title = _title_for(viewer)
        self.counts = {key: figures.count(key) for key in ("end", "received", "transferred", "destroyed")}
        self.kept: dict[str, list[tuple]] = {"received": [], "transferred": [], "destroyed": []}
        self.keep = {key: self.counts[key] <= self.KEEP_LIMIT for key in self.kept}
        self.pass_done = False
        self.retention = _label_cache(catalogue.retention_label)
        self.status = _label_cache(catalogue.status_label)

    def _select(self) -> Any:
        base = (V.join(F, F.c.id == V.c.fonds_id).join(C, C.c.id == V.c.category_id)
                .outerjoin(L, L.c.id == V.c.layer_id))
        return (select(V.c.id, V.c.code, F.c.code.label("fonds"), _category_label_expr().label("category"), V.c.year,
                       V.c.retention, V.c.security, V.c.title, V.c.responsible, _raw(V.c.start_date).label("start_date"),
                       _raw(V.c.end_date).label("end_date"), V.c.item_count, V.c.pages, V.c.box_no,
                       L.c.code.label("layer"), V.c.status, _raw(V.c.created_at).label("created_at"),
                       _raw(V.c.updated_at).label("updated_at"))
                .select_from(base).where(V.c.status != VolumeStatus.VOID).order_by(V.c.code))

    # -- rows of each register (rows are unpacked by position: a Row's attribute lookups cost ~2 µs each,
    # which is most of the time of a 100,000-row register)
    def holding(self, n: int, r: Any) -> tuple:
        (_vid, code, fonds, category, year, retention, security, title, responsible, start, end, items, pages, box,
         layer, status, _created, _updated) = r
        return (n, code, fonds, category, year, self.retention(retention), security, self.title(security, title), responsible, _day(start),
                _day(end), items, pages, box, layer, self.status(status))

    def received(self, n: int, r: Any) -> tuple:
        (vid, code, fonds, category, year, retention, security, title, _resp, _start, _end, items, pages, _box, _layer,
         status, created, _updated) = r
        entry = self.moves.entry.get(vid)
        d = _day(entry[0]) if entry else _stamp_day(created)
        source = " ".join(x for x in (entry[1], entry[2]) if x) if entry else ""
        return (n, code, fonds, category, year, self.retention(retention), self.title(security, title), items, pages, d, source,
                self.status(status))

    def transferred(self, n: int, r: Any) -> tuple:
        (vid, code, fonds, category, year, retention, security, title, _resp, _start, _end, items, pages, _box, _layer,
         _status, _created, updated) = r
        gone = self.moves.handed.get(vid)
        d = _day(gone[0]) if gone else _stamp_day(updated)
        return (n, code, fonds, category, year, self.retention(retention), self.title(security, title), items, pages, d,
                gone[1] if gone else "", gone[2] if gone else "")

    def destroyed(self, n: int, r: Any) -> tuple:
        (vid, code, fonds, category, year, retention, security, title, _resp, _start, _end, items, pages, _box, _layer,
         _status, _created, updated) = r
        gone = self.moves.destroyed.get(vid)
        d = _day(gone[0]) if gone else _stamp_day(updated)
        return (n, code, fonds, category, year, self.retention(retention), self.title(security, title), items, pages, d,
                gone[1] if gone else "")

    _BITS = {"received": RECEIVED, "transferred": TRANSFERRED_OUT, "destroyed": DESTROYED}

    # -- the pass
    def holdings_rows(self) -> Iterator[tuple]:
        flags = self.flags
        keep = [(key, self._BITS[key], getattr(self, key), self.kept[key]) for key, on in self.keep.items()
                if on and self.counts[key]]
        n = 0
        for r in _stream(self.session, self._select()):
            f = flags.get(r[0])
            if not f:
                continue
            if f & HELD_END:
                n += 1
                yield self.holding(n, r)
            for _key, bit, make, rows in keep:
                if f & bit:
                    rows.append(make(len(rows) + 1, r))
        self.pass_done = True

    def other_rows(self, key: str) -> Iterator[tuple]:
        if self.keep[key] and self.pass_done:
            yield from self.kept[key]
            self.kept[key] = []
            return
        if not self.counts[key]:
            return
        bit, make, flags = self._BITS[key], getattr(self, key), self.flags
        n = 0
        for r in _stream(self.session, self._select()):
            if flags.get(r[0], 0) & bit:
                n += 1
                yield make(n, r)

    def sheets(self) -> tuple[DetailSheet, ...]:
        y = self.yb.year
        return (
            DetailSheet("holdings", t("Holdings register"), t("{year} holdings register (on 31 December)", year=y),
                        detail_columns("holdings"), self.holdings_rows(), self.counts["end"]),
            DetailSheet("received", t("Received"), t("Volumes received in {year}", year=y), detail_columns("received"),
                        self.other_rows("received"), self.counts["received"]),
            DetailSheet("transferred", t("Transferred out"), t("Volumes transferred out in {year}", year=y),
                        detail_columns("transferred"), self.other_rows("transferred"), self.counts["transferred"]),
            DetailSheet("destroyed", t("Destroyed"), t("Volumes destroyed in {year}", year=y), detail_columns("destroyed"),
                        self.other_rows("destroyed"), self.counts["destroyed"]),
        )


def _title_for(viewer: Actor | None) -> Callable[[str, str], str]:
    if masking.visible_levels(viewer) is None:
        return lambda _security, title: title
    return lambda security, title: masking.mask_title(viewer, security, title)


def _loans_sheet(session: Session, yb: YearBounds, viewer: Actor | None = None) -> DetailSheet:
    title = _title_for(viewer)
    stmt = (select(LN.c.slip_no, LN.c.lent_at, B.c.name, B.c.unit, LN.c.purpose, LN.c.use_mode, V.c.code, V.c.title, V.c.security,
                   LN.c.due_date, LL.c.returned_at, LL.c.outcome)
            .select_from(LL.join(LN, LN.c.id == LL.c.loan_id).join(B, B.c.id == LN.c.borrower_id)
                         .join(V, V.c.id == LL.c.volume_id))
            .where(LN.c.lent_at >= yb.start_local, LN.c.lent_at < yb.end_local)
            .order_by(LN.c.lent_at, LN.c.slip_no, LL.c.id))
    count = _count(session, stmt.with_only_columns(LL.c.id))

    def rows() -> Iterator[tuple]:
        for i, r in enumerate(_stream(session, stmt), start=1):
            yield (i, r.slip_no, r.lent_at, r.name, r.unit, r.purpose, r.use_mode, r.code, title(r.security, r.title), r.due_date,
                   r.returned_at, r.outcome)

    return DetailSheet("loans", t("Loans"), t("Loans of {year}", year=yb.year), detail_columns("loans"), rows(), count)


# ---------------------------------------------------------------- the export


def gather(session: Session, year: int, *, now: datetime | None = None, viewer: Actor | None = None) -> InventoryData:
    """The figures and the (lazy) detail rows of ``year``. Iterate the detail rows inside the same session.
    ``viewer``: titles above their clearance are masked in the registers (None = no accounts)."""
    yb = year_bounds(year)
    moves = Moves(session, yb)
    figures = year_figures(session, moves)
    groups, changes = list(figures.groups), list(figures.changes)
    cats = category_totals(session, groups)
    use = use_figures(session, year)
    stocktakes = stocktake_lines(session, yb)
    summary = InventorySummary(
        year=year,
        room_name=unit_name(session),
        generated_at=(now or datetime.now()).replace(microsecond=0),
        holdings=tuple(groups),
        categories=tuple(cats),
        changes=tuple(changes),
        person_times=use.person_times,
        volume_times=use.volume_times,
        loans=use.loans,
        use_by_purpose=use.by_purpose,
        use_by_use=use.by_use,
        use_by_category=use.by_category,
        use_by_service=use.by_service,
        copied_pages=use.copied_pages,
        stocktakes=tuple(stocktakes),
        stocktake_classes=tuple(stocktake.class_label(c) for c in stocktake.CLASSES),
        annual=tuple(annual_rows(groups, cats, changes, use, stocktakes)),
    )
    details = (*_Registers(session, moves, yb, figures, viewer).sheets(), _loans_sheet(session, yb, viewer))
    return InventoryData(summary, details)


def export_inventory(session: Session, year: int, path: Path | str, *, progress: Progress | None = None,
                     should_cancel: Cancel | None = None, now: datetime | None = None, viewer: Actor | None = None) -> Path:
    """Write the yearly inventory workbook of ``year`` to ``path`` (safely: a temporary file moved into
    place when complete; :class:`~archive_desk.errors.FileLockedError` when the target is open elsewhere,
    :class:`~archive_desk.exporting.filesafe.ExportCancelled` when cancelled, leaving no file)."""
    data = gather(session, year, now=now, viewer=viewer)
    return write_inventory(Path(path), data, progress=progress, should_cancel=should_cancel)


__all__ = [
    "DESTROYED", "HELD_END", "HELD_START", "RECEIVED", "RETENTION_ORDER", "SPECIAL_UNITS", "TRANSFERRED_OUT", "Moves",
    "UseFigures", "YearBounds", "YearFigures", "annual_rows", "category_totals",
    "export_inventory", "gather", "local_midnight_utc", "stocktake_lines", "to_local_date", "use_figures", "year_bounds",
    "year_figures",
]
