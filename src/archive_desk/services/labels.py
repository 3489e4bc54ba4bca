"""Labels and volume forms: gather what to print from the catalogue, hand it to the pure printing layer,
and record what was printed.

Batches come from a selection (ids), a search, a scanned list of codes, a shelf range (the volumes on a
room, rack or list of layers, in shelf order) or "all volumes whose label was never printed". The
print date is recorded per volume (``label_printed_at``) with an audit row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive_desk.i18n import is_chinese, t
from archive_desk.models import Category, Fonds, Item, Layer, Rack, Volume, VolumeStatus
from archive_desk.printing.data import ItemEntry, LabelRecord, VolumeForm, VolumeNotes, date_as_written
from archive_desk.services import audit, codes, locations
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import retention_label

V = Volume.__table__
DEFAULT_TEMPLATE = "front-63x34"
DEFAULT_STOCK = "a4-3x8-l7159"
SHELF_TEMPLATE = "shelf-70x30"


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
    L = Layer.__table__
    R = Rack.__table__
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


def label_records(session: Session, volume_ids: Sequence[int]) -> list[LabelRecord]:
    """Printable data for each volume, in the order given."""
    if not volume_ids:
        return []
    fonds, cats = _fonds_and_categories(session)
    rows: dict[int, Volume] = {}
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start:start + 500])
        rows.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))})
    where = locations.describe_locations(session, [v.layer_id for v in rows.values() if v.layer_id])
    out = []
    for vid in volume_ids:
        v = rows.get(vid)
        if v is None:
            continue
        fonds_code, fonds_name = fonds.get(v.fonds_id, ("", ""))
        loc = where.get(v.layer_id) if v.layer_id else None
        out.append(LabelRecord(
            payload=v.barcode, code=v.code, title=v.title, fonds_code=fonds_code, fonds_name=fonds_name,
            category=cats.get(v.category_id, ""), year=str(v.year), retention=retention_label(v.retention),
            security=v.security, org=v.org_code, box_no=str(v.box_no or ""), volume_no=str(v.sequence or ""),
            item_start=str(v.item_start or ""), item_end=str(v.item_end or ""), item_no=str(v.sequence or ""),
            pages=str(v.pages or ""), location=loc.words if loc else "", location_code=loc.code if loc else "",
            extra={k: str(val) for k, val in (v.custom or {}).items() if val is not None},
        ))
    return out


def shelf_label_records(session: Session, layer_ids: Sequence[int]) -> list[LabelRecord]:
    """Shelf-edge labels: the layer's location in words and code, and its barcode."""
    where = locations.describe_locations(session, layer_ids)
    return [LabelRecord(payload=where[i].barcode, code=where[i].code, location=where[i].words, location_code=where[i].code)
            for i in layer_ids if i in where]


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


def volume_forms(session: Session, volume_ids: Sequence[int]) -> list[VolumeForm]:
    """Cover, item list and 备考表 data for each volume."""
    fonds, cats = _fonds_and_categories(session)
    out = []
    for vid in volume_ids:
        v = session.get(Volume, vid)
        if v is None:
            continue
        items = session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(False)).order_by(Item.seq)).all()
        removed = session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(True)).order_by(Item.seq)).all()
        note = v.notes
        if removed:
            note = (note + "\n" if note else "") + t("Withdrawn items: {list}", list="；".join(f"{i.title}（{i.notes}）" for i in removed))
        fonds_code, fonds_name = fonds.get(v.fonds_id, ("", ""))
        out.append(VolumeForm(
            code=v.code, title=v.title, payload=v.barcode, fonds_name=fonds_name, fonds_code=fonds_code,
            category=cats.get(v.category_id, ""), year=str(v.year), retention=retention_label(v.retention),
            security=v.security, date_start=date_as_written(v.start_date, v.date_precision),
            date_end=date_as_written(v.end_date, v.date_precision), item_count=v.item_count or len(items),
            page_count=v.pages or None,
            items=tuple(ItemEntry(seq=i.seq, title=i.title, ref=i.doc_no or i.code, responsible=i.responsible,
                                  date=date_as_written(i.date, i.date_precision),
                                  security=i.security, pages=i.pages,
                                  page_range=f"{i.page_start}-{i.page_end}" if i.page_start else "", remarks=i.notes)
                        for i in items),
            notes=VolumeNotes(text=note, compiler=v.created_by, compiled_on=v.created_at.date() if v.created_at else None,
                              checker="", checked_on=None),
        ))
    return out

