"""Handing over: catalogue volumes put on (and taken off) a draft batch, with the refusals and their reasons."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.errors import StatusError
from archive_desk.i18n import t
from archive_desk.models import (
    TransferBatch,
    TransferLine,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit, catalogue, codes, reading
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.batches import _next_seq
from archive_desk.services.transfers.common import Progress, _load_batch
from archive_desk.services.transfers.records import AddResult, Refusal, _line_record, seen_lines
from archive_desk.services.volume_list import VolumeFilter, apply_filter
from archive_desk.services.ops import TRANSFERS, operation


def _refusal_reason(status: str) -> str | None:
    if status == VolumeStatus.IN_STOCK:
        return None
    if status == VolumeStatus.ON_LOAN:
        return t("on loan: it must be returned first")
    if status == VolumeStatus.TRANSFERRED:
        return t("already transferred out")
    if status == VolumeStatus.DESTROYED:
        return t("destroyed")
    if status == VolumeStatus.MISSING:
        return t("missing: it is not in the room")
    return t("void")


@operation("transfers.add_volumes", area=TRANSFERS)
def add_volumes(session: Session, actor: Actor, batch_id: int, volume_ids: Iterable[int], *,
                progress: Progress | None = None) -> AddResult:
    """Put catalogue volumes on a draft handing-over batch; volumes on loan or already gone are refused
    (with the reason), volumes already on the batch are skipped."""
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "out":
        raise StatusError(t("Catalogue volumes are added to a handing-over batch; a receiving batch takes the department's list."))
    ids = list(dict.fromkeys(int(i) for i in volume_ids))
    existing_lines = {ln.volume_id: ln for ln in session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id))}
    on_batch = {vid for vid, ln in existing_lines.items() if ln.expected}
    elsewhere = _volumes_on_other_drafts(session, batch_id, ids)
    seq = _next_seq(session, batch_id)
    added: list[TransferLine] = []
    refused: list[Refusal] = []
    skipped = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))}
        in_reading_room = reading.refusal(session, chunk)  # 阅览中: the original is with a reader
        for vid in chunk:
            vol = vols.get(vid)
            if vol is None:
                refused.append(Refusal(vid, "", t("no such volume")))
                continue
            if vid in on_batch:
                skipped += 1
                continue
            reason = _refusal_reason(vol.status)
            if reason is None and vid in in_reading_room:
                reason = in_reading_room[vid]
            if reason is None and vid in elsewhere:
                reason = t("already on handing-over batch {no}", no=elsewhere[vid])
            if reason is not None:
                refused.append(Refusal(vid, vol.code, reason))
                continue
            if vid in existing_lines:  # taken off earlier: put it back
                line = existing_lines[vid]
                line.expected = True
                added.append(line)
                on_batch.add(vid)
                continue
            line = TransferLine(batch_id=batch_id, seq=seq, volume_id=vid, code=vol.code, title=vol.title, year=vol.year,
                                retention=vol.retention, item_count=vol.item_count, pages=vol.pages, expected=True, found=False, data={})
            seq += 1
            session.add(line)
            added.append(line)
            on_batch.add(vid)
        if progress is not None:
            progress(min(start + 500, len(ids)), len(ids))
    session.flush()
    if added or refused:
        audit.record(session, actor, "transfer.add_volumes", "transfer_batch", batch_id, None,
                     {"batch_no": batch.batch_no, "added": [ln.code for ln in added],
                      "refused": [{"code": r.code, "reason": r.reason} for r in refused]})
    return AddResult(tuple(seen_lines(session, actor, [_line_record(ln) for ln in added])), tuple(refused), skipped)


def _volumes_on_other_drafts(session: Session, batch_id: int, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(TransferLine.volume_id, TransferBatch.batch_no)
            .join(TransferBatch, TransferBatch.id == TransferLine.batch_id)
            .where(TransferLine.volume_id.in_(ids[start:start + 500]), TransferBatch.status == "draft", TransferLine.expected.is_(True),
                   TransferBatch.direction == "out", TransferBatch.id != batch_id)
        )
        out.update({vid: no for vid, no in rows if vid is not None})  # in_() already left out the null ones
    return out


def permanent_older_than(years: int, *, today: date | None = None, retentions: tuple[str, ...] = ("Y",),
                         fonds_ids: tuple[int, ...] = (), category_ids: tuple[int, ...] = ()) -> VolumeFilter:
    """The usual 进馆移交 selection: volumes of ``retentions`` (永久) whose year is more than ``years`` ago."""
    this_year = (today or date.today()).year
    return VolumeFilter(retentions=retentions, year_to=this_year - years - 1, fonds_ids=fonds_ids, category_ids=category_ids,
                        statuses=(VolumeStatus.IN_STOCK,))


def filter_volume_ids(session: Session, flt: VolumeFilter, *, limit: int | None = None) -> list[int]:
    stmt = apply_filter(select(Volume.id), flt).order_by(Volume.code.concat(""))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


@operation("transfers.add_by_filter", area=TRANSFERS)
def add_by_filter(session: Session, actor: Actor, batch_id: int, flt: VolumeFilter, *, limit: int | None = None,
                  progress: Progress | None = None) -> AddResult:
    """Put the volumes a filter selects on a draft handing-over batch (e.g. :func:`permanent_older_than`)."""
    return add_volumes(session, actor, batch_id, filter_volume_ids(session, flt, limit=limit), progress=progress)


@operation("transfers.add_by_scan", area=TRANSFERS)
def add_by_scan(session: Session, actor: Actor, batch_id: int, text: str) -> AddResult:
    """Put the scanned volume on a draft handing-over batch."""
    vol = catalogue.find_volume(session, text)
    if vol is None:
        return AddResult((), (Refusal(None, codes.canonical_code(text), t("not in the catalogue")),))
    return add_volumes(session, actor, batch_id, [vol.id])


@operation("transfers.remove_lines", area=TRANSFERS)
def remove_lines(session: Session, actor: Actor, batch_id: int, line_ids: Iterable[int]) -> int:
    """Take volumes off a *draft* handing-over batch. Nothing is deleted: the line stays, marked as taken off
    (not ``expected``), and is left out of the confirmation and the printed list; adding the volume again
    puts it back. Receiving lines are never taken off: an unexpected volume sent back is unticked (*returned*)."""
    batch = _load_batch(session, batch_id, for_change=True)
    if batch.direction != "out":
        raise StatusError(t("Lines of a receiving batch stay on it; untick a volume that was sent back."))
    ids = list(line_ids)
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id, TransferLine.id.in_(ids),
                                                            TransferLine.expected.is_(True))))
    for ln in lines:
        ln.expected = False
        ln.found = False
        audit.record(session, actor, "transfer.remove_line", "transfer_line", ln.id,
                     {"expected": True}, {"expected": False, "batch_no": batch.batch_no, "seq": ln.seq, "code": ln.code, "volume_id": ln.volume_id})
    session.flush()
    return len(lines)
