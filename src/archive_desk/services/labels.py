"""Labels and volume forms: gather what to print from the catalogue, hand it to the pure printing layer,
and record what was printed.

Batches come from a selection (ids), a search, a scanned list of codes, a shelf range (the volumes on a
room, rack or list of layers, in shelf order) or "all volumes whose label was never printed". The
print date is recorded per volume (``label_printed_at``) with an audit row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from archive_desk.i18n import is_chinese, t
from archive_desk.models import Category, CategoryField, Fonds, Item, Layer, Rack, Volume, VolumeStatus
from archive_desk.models.base import table_of
from archive_desk.printing.barcodes import SCANNERS_1D, SCANNERS_2D
from archive_desk.printing.data import ItemEntry, LabelRecord, VolumeForm, VolumeNotes, date_as_written
from archive_desk.services import audit, codes, locations, masking, room_settings
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import retention_label
from archive_desk.services.setup import form_language, in_form_language
from archive_desk.services.ops import LABELS, SETTINGS, operation

V = table_of(Volume)
I = Item.__table__  # noqa: E741
SHELF_TEMPLATE = "shelf-70x30"
SHELF_STOCK = "a4-3x10-70x29.7"

# ---- room settings of this area (declared in services/room_settings.py): which scanners the room has,
# ``label_scanners``: "2d" (keyboard-wedge imagers: Code 128 and Data Matrix) or "1d" (laser scanners: Code 128
# only, so labels default to stock where a 档号 fits as Code 128 and Data Matrix is never printed); per category
# code the category's own fields printed on labels (``label_category_fields``, "filing_refs"); 机构(问题) code ->
# name for the 归档章 (``org_names``, "BGS" -> "办公室")
DEFAULT_SCANNERS = room_settings.defaults().label_scanners

#: (front template, stock) a batch starts with, by the room's scanners
DEFAULT_LABELS = {SCANNERS_2D: ("front-63x34", "a4-3x8-l7159"), SCANNERS_1D: ("front-99x38", "a4-2x7-l7163")}
DEFAULT_TEMPLATE, DEFAULT_STOCK = DEFAULT_LABELS[DEFAULT_SCANNERS]
SEAL_TEMPLATE = "seal-45x16"


def room_scanners(session: Session) -> str:
    """"2d" or "1d": what the room's scanners read (the ``label_scanners`` room setting)."""
    return room_settings.read(session).label_scanners


@operation("labels.set_room_scanners", area=SETTINGS)
def set_room_scanners(session: Session, actor: Actor, value: str) -> str:
    """Record which scanners the room has ("2d" or "1d"); audited."""
    return room_settings.update(session, actor, label_scanners=value).label_scanners


def default_labels(scanners: str) -> tuple[str, str]:
    """(template, stock) names a room with these scanners starts with."""
    return DEFAULT_LABELS.get(scanners, DEFAULT_LABELS[DEFAULT_SCANNERS])


@dataclass(frozen=True)
class ScannedBatch:
    """A list of scanned or typed codes resolved to volumes (in scan order, each once) and the codes
    that matched nothing."""

    volume_ids: tuple[int, ...]
    unknown: tuple[str, ...]
    duplicates: tuple[str, ...]


def resolve_codes(session: Session, texts: Iterable[str]) -> ScannedBatch:
    ids: list[int] = []
    seen: set[int] = set()
    unknown: list[str] = []
    duplicates: list[str] = []
    for raw in texts:
        text = codes.normalize_scan(raw)
        if not text:
            continue
        row = session.execute(select(V.c.id).where(V.c.barcode == text)).first() or session.execute(
            select(V.c.id).where(V.c.code == codes.canonical_code(text))).first()
        if row is None:
            unknown.append(text)
        elif row[0] in seen:
            duplicates.append(text)
        else:
            seen.add(row[0])
            ids.append(row[0])
    return ScannedBatch(tuple(ids), tuple(unknown), tuple(duplicates))


def never_printed(session: Session, limit: int | None = None) -> list[int]:
    """Volumes in the room whose label was never printed, in 档号 order."""
    stmt = (select(V.c.id).where(V.c.label_printed_at.is_(None))
            .where(V.c.status.in_((VolumeStatus.IN_STOCK, VolumeStatus.ON_LOAN, VolumeStatus.MISSING)))
            .order_by(V.c.code))
    if limit:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def shelf_range(session: Session, *, room_id: int | None = None, rack_id: int | None = None,
                layer_ids: Sequence[int] = ()) -> list[int]:
    """Volumes standing in a room, a rack or on the given layers, in shelf order."""
    L = Layer.__table__  # noqa: N806 - named like the table it stands for
    R = Rack.__table__  # noqa: N806 - named like the table it stands for
    stmt = (select(V.c.id).join(L, L.c.id == V.c.layer_id).join(R, R.c.id == L.c.rack_id)
            .order_by(R.c.room_id, R.c.number, L.c.side, L.c.column, L.c.section, L.c.layer, V.c.shelf_position, V.c.id))
    if room_id is not None:
        stmt = stmt.where(R.c.room_id == room_id)
    if rack_id is not None:
        stmt = stmt.where(L.c.rack_id == rack_id)
    if layer_ids:
        stmt = stmt.where(L.c.id.in_(list(layer_ids)))
    return list(session.scalars(stmt))


def _fonds_and_categories(session: Session) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    fonds = {f.id: (f.code, f.name) for f in session.scalars(select(Fonds))}
    cats = {c.id: (c.name_zh if is_chinese() else c.name_en) for c in session.scalars(select(Category))}
    return fonds, cats


def _filing_fields(session: Session) -> dict[int, list[tuple[str, str]]]:
    """Per category id, (key, caption) of the category's own fields printed on its labels."""
    wanted = room_settings.read(session).label_category_fields
    codes_by_id = dict(session.execute(select(Category.id, Category.code)).all())
    out: dict[int, list[tuple[str, str]]] = {}
    fields = {(f.category_id, f.key): f for f in session.scalars(select(CategoryField))}
    for cat_id, code in codes_by_id.items():
        keys: Sequence[str] = wanted.get(code) or ()
        chosen = [(k, (fields[(cat_id, k)].label_zh if is_chinese() else fields[(cat_id, k)].label_en))
                  for k in keys if (cat_id, k) in fields]
        if chosen:
            out[cat_id] = chosen
    return out


def _filing_refs(custom: dict | None, chosen: list[tuple[str, str]]) -> str:
    parts = [f"{caption} {custom[k]}" for k, caption in chosen if custom and str(custom.get(k) or "").strip()]
    return "　".join(parts)


def _item_no(n: int | None) -> str:
    """件号 as printed: four digits (DA/T 22)."""
    return f"{n:04d}" if n else ""


def _item_number(item: Item, volume: Volume) -> int:
    """The 件号 of an item: the number its 档号 ends with (in a box it runs on from the box before),
    else its place after the box's first 件号, else its place in the volume."""
    last = (item.code or "").rsplit("-", 1)[-1]
    if last.isdigit():
        return int(last)
    return (volume.item_start - 1 + item.seq) if volume.item_start else item.seq


def _box_no(v: Volume) -> str:
    """盒号: the box's number; a volume-filed 案卷 in its own box has its 案卷号."""
    if v.box_no:
        return f"{v.box_no:03d}"
    last = v.code.rsplit("-", 1)[-1]
    return last if last.isdigit() else (str(v.sequence) if v.sequence else "")


def _item_ranges(session: Session, volume_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """(first, last) 件号 of the items filed in each volume (withdrawn items left out)."""
    out: dict[int, tuple[int, int]] = {}
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start:start + 500])
        rows = session.execute(select(I.c.volume_id, func.min(I.c.seq), func.max(I.c.seq))
                               .where(I.c.volume_id.in_(chunk), I.c.removed.is_(False)).group_by(I.c.volume_id))
        out.update({vid: (lo, hi) for vid, lo, hi in rows if lo is not None})
    return out


def label_records(session: Session, volume_ids: Sequence[int], *, viewer: Actor | None = None) -> list[LabelRecord]:
    """Printable data for each volume, in the order given.

    起止件号 are the box's item numbers (按件) or the first and last 件 filed in the volume (按卷), four
    digits each; 盒号 is the box number, or the 案卷号 of a volume that is its own box; ``filing_refs``
    (in ``extra``) carries the category's own reference numbers a room files by (赔案号, 病案号 …,
    the ``label_category_fields`` room setting).
    ``viewer``: whose print it is; a title above their clearance and personal fields they may not see are
    masked (services/masking.py; None = no accounts).
    """
    if not volume_ids:
        return []
    fonds, cats = _fonds_and_categories(session)
    filing = _filing_fields(session)
    kinds = masking.personal_kinds_by_category(session) if not masking.no_accounts(viewer) else {}
    rows: dict[int, Volume] = {}
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start:start + 500])
        rows.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))})
    where = locations.describe_locations(session, [v.layer_id for v in rows.values() if v.layer_id])
    ranges = _item_ranges(session, [vid for vid, v in rows.items() if not (v.item_start and v.item_end)])
    out = []
    for vid in volume_ids:
        v = rows.get(vid)
        if v is None:
            continue
        fonds_code, fonds_name = fonds.get(v.fonds_id, ("", ""))
        loc = where.get(v.layer_id) if v.layer_id else None
        first, last = (v.item_start, v.item_end) if v.item_start and v.item_end else ranges.get(vid, (None, None))
        custom = masking.mask_custom(viewer, v.security, v.custom or {}, kinds.get(v.category_id, {}))
        extra = {k: str(val) for k, val in custom.items() if val is not None}
        refs = _filing_refs(custom, filing.get(v.category_id, []))
        if refs:
            extra["filing_refs"] = refs
        out.append(LabelRecord(
            payload=v.barcode, code=v.code, title=masking.mask_title(viewer, v.security, v.title), fonds_code=fonds_code,
            fonds_name=fonds_name, category=cats.get(v.category_id, ""), year=str(v.year),
            retention=retention_label(v.retention), security=v.security, org=v.org_code, box_no=_box_no(v), volume_no=str(v.sequence or ""),
            item_start=_item_no(first), item_end=_item_no(last), item_no="",
            pages=str(v.pages or ""), location=loc.words if loc else "", location_code=loc.code if loc else "",
            extra=extra,
        ))
    return out


def item_seal_records(session: Session, volume_ids: Sequence[int], *, viewer: Actor | None = None) -> list[LabelRecord]:
    """One 归档章 per 件 filed in these volumes (boxes), in volume then 件号 order: 全宗号, 年度, the 件's own
    件号, 机构(问题) by name (the ``org_names`` room setting; the code when no name is recorded), 保管期限 and the
    件's own 页数. Withdrawn items get no seal."""
    if not volume_ids:
        return []
    fonds, _cats = _fonds_and_categories(session)
    org_names = room_settings.read(session).org_names
    vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(list(volume_ids))))}
    out = []
    for vid in volume_ids:
        v = vols.get(vid)
        if v is None:
            continue
        fonds_code, fonds_name = fonds.get(v.fonds_id, ("", ""))
        items = session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(False)).order_by(Item.seq)).all()
        for it in items:
            out.append(LabelRecord(
                code=it.code or v.code, title=masking.mask_title(viewer, masking.higher(v.security, it.security), it.title),
                fonds_code=fonds_code, fonds_name=fonds_name, year=str(v.year),
                retention=retention_label(v.retention), security=it.security or v.security,
                org=org_names.get(v.org_code, v.org_code) if v.org_code else "", box_no=_box_no(v),
                item_no=_item_no(_item_number(it, v)), pages=str(it.pages) if it.pages else "",
            ))
    return out


def shelf_label_records(session: Session, layer_ids: Sequence[int]) -> list[LabelRecord]:
    """Shelf-edge labels: the layer's location in words and code, and its barcode."""
    where = locations.describe_locations(session, layer_ids)
    return [LabelRecord(payload=where[i].barcode, code=where[i].code, location=where[i].words, location_code=where[i].code)
            for i in layer_ids if i in where]


@operation("labels.mark_printed", area=LABELS)
def mark_printed(session: Session, actor: Actor, volume_ids: Sequence[int]) -> int:
    """Record that these volumes' labels were printed now (one audit row per volume)."""
    when = audit.utcnow()
    count = 0
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start:start + 500])
        before = dict(session.execute(select(V.c.id, V.c.label_printed_at).where(V.c.id.in_(chunk))).all())
        session.execute(update(V).where(V.c.id.in_(chunk)).values(label_printed_at=when))
        audit.record_many(session, actor, [("volume.label_printed", "volume", vid, {"label_printed_at": before[vid]},
                                            {"label_printed_at": when}) for vid in chunk if vid in before])
        count += len(before)
    return count


@in_form_language
def volume_forms(session: Session, volume_ids: Sequence[int], *, clerk: str = "", checker: str = "",
                 checked_on: date | None = None, viewer: Actor | None = None) -> list[VolumeForm]:
    """Cover, item list (卷内文件目录, or a box's 归档文件目录) and 备考表 data for each volume.

    ``clerk``: the workstation's clerk name, printed as 立卷人 (never the login name; blank when none).
    立卷日期 is the day the volume was entered only when that was its filing time (by the end of the year after
    its last document); a volume catalogued later (an old volume typed in today) gets a blank date line.
    ``checker`` / ``checked_on`` fill 检查人 and its date. ``viewer``: as :func:`label_records` (the 档号 stays;
    title, items' titles, notes and own fields masked above their clearance, personal fields without the right).
    """
    fonds, cats = _fonds_and_categories(session)
    cat_rows = {c.id: c for c in session.scalars(select(Category))}
    wanted_fields = room_settings.read(session).cover_fields
    language = form_language(session)
    kinds = masking.personal_kinds_by_category(session) if not masking.no_accounts(viewer) else {}
    out = []
    for vid in volume_ids:
        v = session.get(Volume, vid)
        if v is None:
            continue
        hidden = masking.above_clearance(viewer, v.security)
        cat = cat_rows.get(v.category_id)
        boxed = cat is not None and cat.filing_mode == "item"
        items = session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(False)).order_by(Item.seq)).all()
        removed = session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(True)).order_by(Item.seq)).all()
        note = masking.mask_text() if hidden and v.notes else v.notes
        if removed and not hidden:
            note = (note + "\n" if note else "") + t("Withdrawn items: {list}", list="；".join(f"{i.title}（{i.notes}）" for i in removed))
        fonds_code, fonds_name = fonds.get(v.fonds_id, ("", ""))
        category = cats.get(v.category_id, "")
        class_name = "·".join(x for x in (category, v.org_code) if x)
        box_no = f"H{v.box_no:03d}" if boxed and v.box_no else ""
        if boxed:
            filing_no = box_no
            if v.item_start and v.item_end:
                filing_no += t(" (items {first}–{last})", first=f"{v.item_start:04d}", last=f"{v.item_end:04d}")
        else:
            filing_no = f"{v.sequence:03d}" if v.sequence else ""
        fields = []
        if cat is not None:
            labels = {f.key: (f.label_zh if is_chinese() else f.label_en) for f in cat.fields}
            custom = masking.mask_custom(viewer, v.security, v.custom or {}, kinds.get(v.category_id, {}))
            for key in wanted_fields.get(cat.code, []):
                value = custom.get(key)
                if key in labels and value not in (None, ""):
                    fields.append((labels[key], str(value)))
        last = v.end_date or (date(v.year, 12, 31) if v.year else None)
        created = v.created_at.date() if v.created_at else None
        compiled_on = created if created and last and created.year <= last.year + 1 else None
        out.append(VolumeForm(
            code=v.code, title=masking.mask_title(viewer, v.security, v.title), payload=v.barcode, fonds_name=fonds_name, fonds_code=fonds_code,
            category=category, year=str(v.year), retention=retention_label(v.retention),
            security=v.security, date_start=date_as_written(v.start_date, v.date_precision),
            date_end=date_as_written(v.end_date, v.date_precision), item_count=v.item_count or len(items),
            page_count=v.pages or None,
            items=tuple(ItemEntry(seq=item_no, title=masking.mask_title(viewer, masking.higher(v.security, i.security), i.title),
                                  ref=i.doc_no, code=code, responsible=i.responsible,
                                  date=date_as_written(i.date, i.date_precision),
                                  security=i.security, pages=i.pages, page_range=_page_range(i.page_start, i.page_end),
                                  remarks=masking.mask_text() if hidden and i.notes else i.notes)
                        for i, (item_no, code) in zip(items, _item_numbers(v, items, boxed), strict=True)),
            notes=VolumeNotes(text=note, compiler=clerk.strip(), compiled_on=compiled_on, checker=checker.strip(), checked_on=checked_on),
            language=language, class_name=class_name, filing_no=filing_no, boxed=boxed, org=v.org_code, box_no=box_no,
            fields=tuple(fields),
        ))
    return out


def _item_numbers(v: Volume, items: Sequence[Item], boxed: bool) -> list[tuple[int | str, str]]:
    """(序号 or 件号, 档号) of each item. A box's 件 carry their own 档号 (…-BGS-0007); one the catalogue has no
    code for gets the box's 档号 stem and its 件号 counted from the box's first item number."""
    out: list[tuple[int | str, str]] = []
    stem = v.code.rsplit("-", 1)[0]
    for idx, i in enumerate(items):
        if not boxed:
            out.append((i.seq, i.code))
            continue
        code = i.code
        if not code and v.item_start:
            code = f"{stem}-{v.item_start + idx:04d}"
        last = code.rsplit("-", 1)[-1] if code else ""
        out.append((last if last.isdigit() else i.seq, code))
    return out


def _page_range(start: int | None, end: int | None) -> str:
    """页号 of an item: "5-9", or "25" for a one-page item."""
    if not start:
        return ""
    if end is None or end == start:
        return str(start)
    return f"{start}-{end}"


def shelf_layer_ids(session: Session, *, codes: Sequence[str] = (), room_code: str | None = None,
                    rack_number: int | None = None) -> tuple[list[int], list[str]]:
    """Layers for shelf labels, by scanned or typed location codes, or every layer of a room (or one rack
    of it) in shelf order; returns (layer ids, the codes that matched no layer)."""
    ids: list[int] = []
    unknown: list[str] = []
    for text in codes:
        layer = locations.find_layer(session, text)
        if layer is None:
            unknown.append(text)
        elif layer.id not in ids:
            ids.append(layer.id)
    if room_code is not None:
        room = locations.get_room(session, code=room_code)
        racks = ([locations.find_rack(session, room_code, rack_number)] if rack_number is not None
                 else locations.list_racks(session, room.id))
        for rack in racks:
            ids.extend(layer.id for layer in locations.list_layers(session, rack.id) if layer.id not in ids)
    return ids, unknown
