"""Confirming a batch (receiving creates or updates the volumes; handing over marks them transferred) and the
shelf space for a received batch."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from archive_desk.errors import StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import (
    TransferBatch,
    TransferLine,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit, catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.batches import _categories, _code_values
from archive_desk.services.transfers.common import (
    RECEIVABLE_STATUSES,
    AuditRow,
    Progress,
    _bulk_set_status,
    _load_batch,
    _touch,
)
from archive_desk.services.transfers.handover import _refusal_reason
from archive_desk.services.transfers.receiving import (
    _check_line,
    _fonds_ids,
    _target_values,
)
from archive_desk.services.transfers.records import ConfirmResult, ShelfProposal
from archive_desk.services.ops import TRANSFERS, operation


@operation("transfers.confirm_batch", area=TRANSFERS)
def confirm_batch(session: Session, actor: Actor, batch_id: int, expected_version: int | None = None, *,
                  accept_missing: bool = False, progress: Progress | None = None) -> ConfirmResult:
    """Confirm a draft batch in the caller's transaction (``db.write()``): all of it, or nothing.

    Receiving: every volume that arrived (found or unexpected) is created, or updated when the catalogue
    has it already; lines still pending are recorded as missing (refused unless ``accept_missing``).
    Handing over: every volume becomes ``transferred``; a volume lent or gone since it was put on the
    batch stops the whole confirmation. One audit row per volume names the batch."""
    batch = _load_batch(session, batch_id, for_change=True, expected_version=expected_version)
    if batch.direction == "in":
        result = _confirm_receiving(session, actor, batch, accept_missing=accept_missing, progress=progress)
    else:
        result = _confirm_handover(session, actor, batch, progress=progress)
    batch.status = "confirmed"
    batch.confirmed_at = audit.utcnow()
    if batch.transfer_date is None:
        batch.transfer_date = date.today()
    _touch(batch, actor)
    session.flush()
    audit.record(session, actor, "transfer.confirm", "transfer_batch", batch.id, {"status": "draft"},
                 {"status": "confirmed", "batch_no": batch.batch_no, "direction": batch.direction, "volumes": len(result.volume_ids),
                  "created": result.created, "updated": result.updated, "missing": result.missing, "transferred": result.transferred})
    return result


def _confirm_receiving(session: Session, actor: Actor, batch: TransferBatch, *, accept_missing: bool,
                       progress: Progress | None) -> ConfirmResult:
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch.id).order_by(TransferLine.seq)))
    pending = [ln for ln in lines if ln.expected and not ln.found]
    receive = [ln for ln in lines if ln.found]
    returned = [ln for ln in lines if not ln.expected and not ln.found]
    if not receive:
        raise StatusError(t("No volume of batch {no} was ticked as arrived; there is nothing to receive.", no=batch.batch_no))
    if pending and not accept_missing:
        raise StatusError(t("{n} volumes on the list have not arrived: {codes}. Confirm with them recorded as missing, or tick them first.",
                            n=len(pending), codes="、".join(ln.code for ln in pending[:5]) + ("…" if len(pending) > 5 else "")))
    total = len(receive) * 2 + 1  # checking, writing, then the last step (audit rows) before the commit
    session.info.pop("transfers.fonds", None)

    # 1. check every line before anything is written: one problem stops the whole batch
    existing: dict[str, Volume] = {}
    all_codes = [ln.code for ln in receive]
    for start in range(0, len(all_codes), 500):
        existing.update({v.code: v for v in session.scalars(select(Volume).where(Volume.code.in_(all_codes[start:start + 500])))})
    cats_by_id = {c.id: c for c in _categories(session).values()}
    fonds_codes = {fid: code for code, fid in _fonds_ids(session).items()}
    problems: list[str] = []
    planned: list[tuple[TransferLine, dict[str, Any]]] = []
    updates: list[tuple[TransferLine, Volume, dict[str, Any]]] = []
    for i, ln in enumerate(receive, start=1):
        vol = existing.get(ln.code)
        if vol is not None:
            if vol.status not in RECEIVABLE_STATUSES:
                problems.append(t("line {seq} {code}: {problem}", seq=ln.seq, code=ln.code,
                                  problem=t("the volume is in the catalogue already and is {status}", status=catalogue.status_label(vol.status))))
            else:
                updates.append((ln, vol, _target_values(session, ln)))
        else:
            msgs, clean = _check_line(session, ln, check_existing=False)
            if msgs or clean is None:
                problems += [t("line {seq} {code}: {problem}", seq=ln.seq, code=ln.code, problem=m) for m in msgs]
            else:
                planned.append((ln, clean))
        if progress is not None and i % 50 == 0:
            progress(i, total)
    barcodes = [clean["barcode"] for _ln, clean in planned]
    for start in range(0, len(barcodes), 500):
        for code in session.scalars(select(Volume.code).where(Volume.barcode.in_(barcodes[start:start + 500]))):
            problems.append(t("{code}: the barcode is used by another volume already", code=code))
    if problems:
        more = t(" and {n} more", n=len(problems) - 8) if len(problems) > 8 else ""
        raise ValidationError({"lines": t("Batch {no} cannot be confirmed: {problems}", no=batch.batch_no,
                                          problems="；".join(problems[:8]) + more)})

    # 2. volumes already catalogued are updated one by one through the catalogue (rare)
    entries: list[AuditRow] = []
    ids_by_line: dict[int, int] = {}
    for ln, vol, values in updates:
        changes = {k: v for k, v in values.items() if k in catalogue.EDITABLE_VOLUME_FIELDS and k not in ("code", "fonds_id", "category_id")
                   and v not in (None, "")}
        if "custom" in changes:
            changes["custom"] = {**dict(vol.custom or {}), **changes["custom"]}
        record = catalogue.update_volume(session, actor, vol.id, vol.version, changes)
        if record.status == VolumeStatus.MISSING:
            catalogue.set_status(session, actor, vol.id, VolumeStatus.IN_STOCK, reason=t("received with batch {no}", no=batch.batch_no),
                                 action="transfer.receive_status")
        ids_by_line[ln.id] = vol.id

    # 3. new volumes in one multi-row insert; their audit rows chained in one go
    now = audit.utcnow()
    base: dict[str, Any] = {"security": "公开", "security_period": None, "org_code": "", "sequence": 0, "box_no": None, "item_start": None, "item_end": None,
            "responsible": "", "start_date": None, "end_date": None, "pages": 0, "item_count": 0, "notes": "", "custom": {},
            "layer_id": None, "shelf_position": None, "thickness_mm": None, "label_printed_at": None}
    rows = [{**base, **clean, "status": VolumeStatus.IN_STOCK.value, "created_at": now, "created_by": actor.user, "updated_at": now,
             "updated_by": actor.user, "version": 1} for _ln, clean in planned]
    new_ids: list[int] = []
    for start in range(0, len(rows), 500):
        new_ids += list(session.scalars(insert(Volume).returning(Volume.id, sort_by_parameter_order=True), rows[start:start + 500]))
        if progress is not None:
            progress(len(receive) + min(start + 500, len(rows)), total)
    for (ln, _clean), row, vid in zip(planned, rows, new_ids, strict=True):
        ids_by_line[ln.id] = vid
        view = {k: v for k, v in row.items() if k not in ("created_at", "created_by", "updated_at", "updated_by", "version")}
        view["fonds_code"] = fonds_codes.get(row["fonds_id"], "")
        view["category_code"] = cats_by_id[row["category_id"]].code if row["category_id"] in cats_by_id else ""
        entries.append(("volume.create", "volume", vid, None, view))
    for ln in receive:
        vid = ids_by_line[ln.id]
        ln.volume_id = vid
        notes = []
        if ln.expected and ln.found_pages is not None and ln.found_pages != ln.pages:
            notes.append(t("pages differ: listed {listed}, counted {counted}", listed=ln.pages, counted=ln.found_pages))
        if not ln.expected:
            notes.append(t("not on the sender's list"))
        entries.append(("transfer.receive", "volume", vid, None,
                         {"batch_no": batch.batch_no, "seq": ln.seq, "from_unit": batch.from_unit, "nature": batch.nature,
                          "created": ln.code not in existing, "pages": ln.found_pages if ln.found_pages is not None else ln.pages,
                          "notes": "；".join(notes)}))
    for ln in pending:
        entries.append(("transfer.missing", "transfer_line", ln.id, None, {"batch_no": batch.batch_no, "seq": ln.seq, "code": ln.code}))
    audit.record_many(session, actor, list(entries))
    session.flush()
    if progress is not None:
        progress(total, total)
    ids = tuple(ids_by_line[ln.id] for ln in receive)
    return ConfirmResult(batch.batch_no, ids, created=len(planned), updated=len(updates), missing=len(pending), returned=len(returned))


def _confirm_handover(session: Session, actor: Actor, batch: TransferBatch, *, progress: Progress | None) -> ConfirmResult:
    lines = list(session.scalars(select(TransferLine).where(TransferLine.batch_id == batch.id, TransferLine.expected.is_(True))
                                 .order_by(TransferLine.seq)))
    if not lines:
        raise StatusError(t("Batch {no} has no volumes.", no=batch.batch_no))
    vols = {}
    for start in range(0, len(lines), 500):
        chunk = [ln.volume_id for ln in lines[start:start + 500]]
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))})
    blocked = []
    for ln in lines:
        vol = vols.get(ln.volume_id)  # type: ignore[arg-type]
        reason = _refusal_reason(vol.status) if vol is not None else t("no such volume")
        if reason is not None:
            blocked.append(t("{code} ({reason})", code=ln.code, reason=reason))
    if blocked:
        raise StatusError(t("Batch {no} cannot be confirmed: {n} volumes are no longer available: {list}. Take them off the batch first.",
                            no=batch.batch_no, n=len(blocked), list="、".join(blocked[:8]) + ("…" if len(blocked) > 8 else "")))
    reason = t("handed over with batch {no} to {unit}", no=batch.batch_no, unit=batch.to_unit)
    leaving = []
    for ln in lines:
        vol = vols[ln.volume_id]  # type: ignore[index]
        # the list shows the volume as it leaves
        ln.code, ln.title, ln.year, ln.retention, ln.item_count, ln.pages = vol.code, vol.title, vol.year, vol.retention, vol.item_count, vol.pages
        leaving.append(vol)
    session.flush()
    _bulk_set_status(session, actor, leaving, VolumeStatus.TRANSFERRED, reason, "transfer.out", lambda v: {"batch_no": batch.batch_no})  # noqa: ARG005 - the signature is fixed by its caller
    if progress is not None:
        progress(len(lines), len(lines))
    return ConfirmResult(batch.batch_no, tuple(v.id for v in leaving), transferred=len(leaving))


# ---------------------------------------------------------------- shelf space


def propose_shelf_space(session: Session, actor: Actor, batch_id: int, *, reserve: bool = False, limit: int = 3) -> ShelfProposal | None:
    """Ask the shelving service's space finder where the volumes of a receiving batch can go (stretches of free
    layers near their category's last shelved volume); with ``reserve`` the first proposal's layers are reserved
    for the batch (label = batch number). None when the shelving service is not installed."""
    try:
        from archive_desk.services import locations  # noqa: PLC0415
    except ImportError:  # pragma: no cover - before the shelving service existed
        return None
    if not hasattr(locations, "find_space"):  # pragma: no cover
        return None
    batch = _load_batch(session, batch_id)
    lines = [ln for ln in session.scalars(select(TransferLine).where(TransferLine.batch_id == batch_id))
             if ln.found or (ln.expected and batch.status == "draft")]
    if not lines:
        return ShelfProposal(0, (), False, t("The batch has no volumes."))
    cats = _categories(session)
    by_cat: dict[str, int] = {}
    for ln in lines:
        code = str((ln.data or {}).get("category_code") or _code_values(session, ln.code).get("category_code") or "")
        by_cat[code] = by_cat.get(code, 0) + 1
    main = cats.get(max(by_cat, key=lambda k: by_cat[k])) if by_cat else None
    search = locations.find_space(session, len(lines), category_id=main.id if main else None, limit=limit)
    places = tuple(search.proposals)
    reserved = False
    if reserve and places:
        locations.reserve_layers(session, actor, list(places[0].layer_ids), batch.batch_no)
        reserved = True
    if places:
        text = "；".join(t("{first} to {last} ({words}), room for {n} volumes", first=p.first_code, last=p.last_code, words=p.words,
                           n=p.capacity) for p in places)
    else:
        text = t("No stretch of free layers holds {n} volumes.", n=len(lines))
    audit.record(session, actor, "transfer.propose_space", "transfer_batch", batch_id, None,
                 {"batch_no": batch.batch_no, "volumes": len(lines), "reserved": reserved,
                  "proposals": [[p.first_code, p.last_code, p.capacity] for p in places]})
    return ShelfProposal(len(lines), places, reserved, text)
