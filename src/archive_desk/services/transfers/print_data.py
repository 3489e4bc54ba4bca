"""What gets printed: the data of the 移交清册, the 交接文据 and the 销毁清册 for the printing layer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.models import (
    Fonds,
    Volume,
)
from archive_desk.services import catalogue, retention
from archive_desk.services.setup import form_language, in_form_language, unit_name
from archive_desk.services.transfers.appraisal import (
    get_appraisal,
    list_appraisal_lines,
)
from archive_desk.services.transfers.batches import (
    _categories,
    _code_values,
    get_batch,
    list_lines,
)
from archive_desk.services.transfers.common import NATURES, kept_years, retention_text
from archive_desk.services.transfers.receiving import check_summary
from archive_desk.services.transfers.records import BatchRecord, LineRecord
from archive_desk.services.transfers.registers import _years_text

if TYPE_CHECKING:  # the printing layer (reportlab) is imported only when something is printed
    from archive_desk.printing.destruction_list import DestructionList
    from archive_desk.printing.handover_certificate import HandoverCertificate
    from archive_desk.printing.transfer_list import TransferList
    from archive_desk.services.audit import Actor


def _room_name(session: Session) -> str:
    return unit_name(session) or t("Archive room")


def _line_note(ln: LineRecord, direction: str, confirmed: bool) -> tuple[str, bool]:
    """(备注, counted in the totals) of a line on the printed list."""
    notes = [ln.notes] if ln.notes else []
    counted = True
    if direction == "in":
        if ln.state == "pending":
            if confirmed:
                notes.append(t("missing, not received"))
                counted = False
        elif ln.state == "unexpected":
            notes.append(t("not on the sender's list"))
        elif ln.state == "returned":
            notes.append(t("returned to the sender"))
            counted = False
        if ln.page_difference:
            notes.append(t("listed {listed} pages, counted {counted}", listed=ln.pages, counted=ln.found_pages))
    elif not ln.expected:  # taken off a handing-over batch
        counted = False
    return "；".join(n for n in notes if n), counted


def _line_categories(session: Session, lines: Sequence[LineRecord]) -> dict[int, tuple[catalogue.CategoryRecord | None, int | None]]:
    """Per line id: its category (from its volume, else from its 档号) and the volume's thickness."""
    cats = _categories(session)
    by_id = {c.id: c for c in cats.values()}
    vol_ids = [ln.volume_id for ln in lines if ln.volume_id]
    vols: dict[int, tuple[int, int | None]] = {}
    for start in range(0, len(vol_ids), 500):
        vols.update({vid: (cid, th) for vid, cid, th in session.execute(
            select(Volume.id, Volume.category_id, Volume.thickness_mm).where(Volume.id.in_(vol_ids[start:start + 500])))})
    out: dict[int, tuple[catalogue.CategoryRecord | None, int | None]] = {}
    for ln in lines:
        cat = None
        thickness = None
        if ln.volume_id in vols:
            cid, thickness = vols[ln.volume_id]
            cat = by_id.get(cid)
        if cat is None:
            code = str(ln.data.get("category_code") or _code_values(session, ln.code).get("category_code") or "")
            cat = cats.get(code)
        out[ln.id] = (cat, thickness)
    return out


def _signed_on(batch: BatchRecord) -> date | None:
    """The day both sides signed: the batch's confirmation (nothing while it is a draft)."""
    return batch.confirmed_at.date() if batch.confirmed_at is not None and not batch.is_draft else None


@in_form_language
def transfer_list_data(session: Session, batch_id: int, viewer: Actor | None = None) -> TransferList:
    """The 移交清册 of a batch as :class:`archive_desk.printing.transfer_list.TransferList`, as ``viewer`` may see it:
    the title of a volume above their clearance masked, its 档号 and counts kept (services/masking.py). The list
    handed over with the volumes is printed by someone cleared for them; a clerk without the clearance gets a
    list that still counts and identifies every volume, not its hidden titles."""
    from archive_desk.printing.transfer_list import TransferList, TransferListLine

    batch = get_batch(session, batch_id)
    confirmed = not batch.is_draft
    lines: list[TransferListLine] = []
    records = list_lines(session, batch_id, viewer)  # titles above the viewer's clearance masked
    line_cats = _line_categories(session, records)
    for ln in records:
        if batch.direction == "out" and not ln.expected:
            continue  # taken off the batch before it was confirmed
        note, counted = _line_note(ln, batch.direction, confirmed)
        pages = ln.received_pages if (batch.direction == "in" and ln.found) else ln.pages
        seq = ln.seq if batch.direction == "in" else len(lines) + 1
        cat = line_cats[ln.id][0]
        lines.append(TransferListLine(seq, ln.code, ln.title, str(ln.year or ""), retention_text(ln.retention), ln.item_count, pages,
                                      note, counted, boxed=cat is not None and cat.filing_mode == "item"))
    summary = check_summary(session, batch_id, with_problems=False)
    note = ""
    if batch.direction == "in" and (summary.pending or summary.unexpected or summary.page_differences or summary.returned):
        note = t("Receiving check: {expected} on the list, {found} arrived, {missing} missing, {unexpected} not on the list, "
                 "{returned} returned, {pages} with a different page count.",
                 expected=summary.expected, found=summary.found, missing=len(summary.pending), unexpected=len(summary.unexpected),
                 returned=len(summary.returned), pages=len(summary.page_differences))
    return TransferList(
        batch_no=batch.batch_no, from_unit=batch.from_unit, to_unit=batch.to_unit or _room_name(session), lines=tuple(lines),
        transfer_date=batch.transfer_date, nature=batch.nature, from_handler=batch.from_handler, to_handler=batch.to_handler,
        direction=batch.direction, note=note, draft=batch.is_draft, signed_on=_signed_on(batch), language=form_language(session),
    )


@in_form_language
def certificate_data(session: Session, batch_id: int) -> HandoverCertificate:
    """The 交接文据 of a batch as :class:`archive_desk.printing.handover_certificate.HandoverCertificate`."""
    from archive_desk.printing.handover_certificate import (
        CategoryQuantity,
        HandoverCertificate,
    )

    batch = get_batch(session, batch_id)
    confirmed = not batch.is_draft
    per: dict[str, list[float]] = {}
    years: list[int] = []
    lines = list_lines(session, batch_id)
    line_cats = _line_categories(session, lines)
    missing: list[str] = []
    for ln in lines:
        _note, counted = _line_note(ln, batch.direction, confirmed)
        if batch.direction == "in" and not ln.found:
            # the certificate counts what was received: a listed volume that has not arrived is named, not counted
            if ln.expected:
                missing.append(ln.code)
            counted = False
        if not counted:
            continue
        cat, thickness = line_cats[ln.id]
        key = f"{cat.name}（{cat.code}）" if cat else t("Other")
        row = per.setdefault(key, [0, 0, 0, 0.0])
        boxed = cat is not None and cat.filing_mode == "item"
        if boxed:
            row[2] += 1
        else:
            row[0] += 1
        row[1] += ln.item_count
        row[3] += (thickness or (cat.thickness_mm if cat else 30)) / 1000.0
        if ln.year:
            years.append(ln.year)
    quantities = tuple(CategoryQuantity(k, int(v[0]), int(v[1]), int(v[2]), round(v[3], 2)) for k, v in sorted(per.items()))
    return HandoverCertificate(
        batch_no=batch.batch_no, from_unit=batch.from_unit, to_unit=batch.to_unit or _room_name(session), nature=batch.nature,
        transfer_date=batch.transfer_date, years=_years_text(min(years), max(years)) if years else "", quantities=quantities,
        finding_aids=batch.finding_aids, notes=batch.notes, from_leader=batch.from_leader, from_handler=batch.from_handler,
        to_leader=batch.to_leader, to_handler=batch.to_handler, natures=NATURES, draft=batch.is_draft,
        missing=tuple(missing), signed_on=_signed_on(batch), language=form_language(session),
    )


@in_form_language
def destruction_list_data(session: Session, appraisal_id: int, viewer: Actor | None = None) -> DestructionList:
    """The 销毁清册 of an appraisal list as :class:`archive_desk.printing.destruction_list.DestructionList`, as
    ``viewer`` may see it: the title of a volume above their clearance masked, its 档号, year and retention kept
    (services/masking.py). The list the appraisal group signs is printed by someone cleared for its volumes; one
    printed by a clerk without the clearance still names every volume by its 档号."""
    from archive_desk.printing.destruction_list import (
        DestructionLine,
        DestructionList,
        KeptLine,
    )

    a = get_appraisal(session, appraisal_id)
    records = list_appraisal_lines(session, appraisal_id, viewer=viewer)  # titles above the viewer's clearance masked
    on = a.destroyed_on or date.today()
    destroy: list[DestructionLine] = []
    keep: list[KeptLine] = []
    undecided = 0
    fonds: list[str] = []
    vols: dict[int, Volume] = {}
    ids = [r.volume_id for r in records]
    for start in range(0, len(ids), 500):
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(ids[start:start + 500])))})
    cats = {c.id: c for c in _categories(session).values()}
    live = retention.for_volumes(session, [r.volume_id for r in records if not r.data.get("code")])
    for r in records:
        if r.fonds_code and r.fonds_code not in fonds:
            fonds.append(r.fonds_code)
        if r.decision == "destroy":
            kept = r.data.get("kept_years")
            if kept is None and r.volume_id in vols:
                vol = vols[r.volume_id]
                kept = kept_years(vol.year, live[vol.id].start_date if vol.id in live else None, on)
            notes = str(r.data.get("notes") or "")
            basis = r.data.get("basis")
            if basis and basis != "year":
                notes = "；".join(x for x in (notes, t("counted from the {field}", field=_field_label(cats, r.category_code, str(basis)))) if x)
            cat_code = r.category_code or str(r.data.get("category_code") or "")
            boxed = any(c.code == cat_code and c.filing_mode == "item" for c in cats.values())
            destroy.append(DestructionLine(len(destroy) + 1, r.code, r.title, str(r.year), retention_text(r.retention),
                                           t("{n} years", n=kept) if kept is not None else "", r.pages, notes, boxed=boxed))
        elif r.decision == "keep":
            keep.append(KeptLine(len(keep) + 1, r.code, r.title, str(r.year), retention_text(r.retention), retention_text(r.new_retention), r.reason))
        else:
            undecided += 1
    names = dict(session.execute(select(Fonds.code, Fonds.name).where(Fonds.code.in_(fonds))).all()) if fonds else {}
    fonds_text = "、".join(f"{code} {names.get(code, '')}".strip() for code in fonds)
    notes = a.notes
    if undecided:
        notes = "；".join(x for x in (notes, t("{n} volumes on the list are not decided yet and are not on this print.", n=undecided)) if x)
    return DestructionList(list_no=a.list_no, year=a.year, fonds=fonds_text, lines=tuple(destroy), kept=tuple(keep), lead=a.lead,
                           approver=a.approver, witness1=a.witness1, witness2=a.witness2, destroyed_on=a.destroyed_on, notes=notes,
                           draft=a.status != "confirmed", language=form_language(session), kind=a.kind, members=a.members,
                           accounting_signatories=a.accounting_signatories, opinion=a.opinion, opinion_on=a.opinion_on,
                           approved_on=a.approved_on, method=a.method, place=a.place, witnessed_count=a.witnessed_count)


def _field_label(cats: Mapping[int, catalogue.CategoryRecord], category_code: str, key: str) -> str:
    for c in cats.values():
        if c.code == category_code:
            for f in c.fields:
                if f.key == key:
                    return f.label
    return key
