"""Appraisal for destruction: the lists, the due volumes, the decisions and the confirmation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk.errors import (
    NotFoundError,
    StaleEditError,
    StatusError,
    ValidationError,
)
from archive_desk.i18n import t
from archive_desk.models import (
    Appraisal,
    AppraisalLine,
    Fonds,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit, codes, holds, masking, reading, retention
from archive_desk.services.audit import Actor
from archive_desk.services.ops import TRANSFERS, operation
from archive_desk.services.transfers.batches import _categories, _change_particulars
from archive_desk.services.transfers.common import (
    APPRAISAL_FIELDS,
    APPRAISAL_KINDS,
    DECISIONS,
    PREFIXES,
    REMOVED,
    UNDECIDED,
    AuditRow,
    Progress,
    _bulk_set_status,
    _next_number,
    _to_date,
    _to_int,
    _touch,
    kept_years,
    retention_years,
)
from archive_desk.services.transfers.handover import _refusal_reason
from archive_desk.services.transfers.records import (
    AddResult,
    AppraisalLineRecord,
    AppraisalRecord,
    ConfirmResult,
    DueVolume,
    Refusal,
    _appraisal_record,
)


@operation("transfers.create_appraisal", area=TRANSFERS)
def create_appraisal(session: Session, actor: Actor, year: int, **values: Any) -> AppraisalRecord:
    """A new draft appraisal list for ``year`` (list number XH-YYYY-NNN unless ``list_no`` is given)."""
    clean = _clean_appraisal_values({"year": year, **values})
    list_no = (values.get("list_no") or "").strip() or _next_number(session, Appraisal, Appraisal.list_no, PREFIXES["appraisal"], clean["year"])
    if session.scalar(select(Appraisal.id).where(Appraisal.list_no == list_no)) is not None:
        raise ValidationError({"list_no": t("The list number {no} is already used", no=list_no)})
    a = Appraisal(list_no=list_no, status="draft", created_by=actor.user, updated_by=actor.user, **clean)
    session.add(a)
    session.flush()
    record = _appraisal_record(a)
    audit.record(session, actor, "appraisal.create", "appraisal", a.id, None, record.audit_view())
    return record


def _clean_appraisal_values(values: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key in APPRAISAL_FIELDS:
        if key not in values:
            continue
        value = values[key]
        if key == "year":
            year = _to_int(value, "year")
            if year is None or not 1900 <= year <= date.today().year + 1:
                raise ValidationError({"year": t("{value} is not a year", value=value)})
            clean[key] = year
        elif key == "destroyed_on":
            clean[key] = _to_date(value, key)
        elif key == "kind":
            if value not in APPRAISAL_KINDS:
                raise ValidationError({"kind": t("The kind of list must be general or accounting")})
            clean[key] = value
        else:
            clean[key] = (value or "").strip()
    return clean


def _load_appraisal(session: Session, appraisal_id: int, *, for_change: bool = False, expected_version: int | None = None) -> Appraisal:
    a = session.get(Appraisal, appraisal_id, populate_existing=for_change)
    if a is None:
        raise NotFoundError(t("Appraisal list {id} does not exist", id=appraisal_id))
    if for_change and a.status != "draft":
        raise StatusError(t("Appraisal list {no} is confirmed and kept permanently; it can no longer be changed.", no=a.list_no))
    if expected_version is not None and a.version != expected_version:
        raise StaleEditError(t("Appraisal list {no} was changed meanwhile by {user}. Your changes were not saved; reload it and try again.",
                               no=a.list_no, user=a.updated_by or "?"))
    return a


@operation("transfers.update_appraisal", area=TRANSFERS)
def update_appraisal(session: Session, actor: Actor, appraisal_id: int, expected_version: int, changes: Mapping[str, Any]) -> AppraisalRecord:
    a = _load_appraisal(session, appraisal_id, for_change=True, expected_version=expected_version)
    return _change_particulars(session, actor, a, changes, APPRAISAL_FIELDS, _clean_appraisal_values, _appraisal_record,
                               "appraisal.update", "appraisal")


def get_appraisal(session: Session, appraisal_id: int) -> AppraisalRecord:
    return _appraisal_record(_load_appraisal(session, appraisal_id))


def find_appraisal(session: Session, ref: str | int) -> AppraisalRecord:
    text = str(ref).strip()
    a = session.scalar(select(Appraisal).where(Appraisal.list_no == text))
    if a is None and text.isdigit():
        a = session.get(Appraisal, int(text))
    if a is None:
        raise NotFoundError(t("There is no appraisal list {ref}", ref=ref))
    return _appraisal_record(a)


def list_appraisals(session: Session, *, year: int | None = None, status: str | None = None) -> list[AppraisalRecord]:
    stmt = select(Appraisal).order_by(Appraisal.id.desc())
    if year is not None:
        stmt = stmt.where(Appraisal.year == year)
    if status:
        stmt = stmt.where(Appraisal.status == status)
    return [_appraisal_record(a) for a in session.scalars(stmt)]


def volume_expiry(session: Session, volume_id: int) -> tuple[date | None, str, str]:
    """(expires on, retention in force, basis) of one volume under the retention schedule (services/retention.py)."""
    r = retention.for_volume(session, volume_id)
    return r.due_date, r.retention, r.basis


def due_volumes(session: Session, as_of: date | None = None, *, fonds_ids: Sequence[int] = (), category_ids: Sequence[int] = (),
                limit: int | None = None, exclude_listed: bool = True) -> list[DueVolume]:
    """In-stock volumes whose retention has run out by ``as_of`` (default today), by due date.

    Counted by the room's retention schedule (:mod:`archive_desk.services.retention`: 病案 from the patient's last
    discharge, 理赔 at least §87's minimum from the contract's end, 会计 by the 2015 table, the rest from the year's
    end). A volume kept by an earlier appraisal counts with its new retention; a held volume is never due. Volumes
    already on an appraisal list not yet confirmed are left out (``exclude_listed``)."""
    rows = retention.due(session, as_of, fonds_ids=fonds_ids, category_ids=category_ids, exclude_listed=exclude_listed, limit=limit)
    return [DueVolume(r.volume_id, r.code, r.title, r.year, r.retention, r.pages, r.due_date, r.basis)  # type: ignore[arg-type]
            for r in rows]


def _appraisal_line_record(session: Session, ln: AppraisalLine, vol: Volume | None, cat_codes: Mapping[int, str],  # noqa: ARG001 - the signature is fixed by its callers
                           fonds_codes: Mapping[int, str], as_of: date | None = None) -> AppraisalLineRecord:  # noqa: ARG001 - the signature is fixed by its callers
    data = dict(ln.data or {})
    if data.get("code"):  # frozen at confirmation
        expires = date.fromisoformat(data["expires_on"]) if data.get("expires_on") else None
        return AppraisalLineRecord(ln.id, ln.appraisal_id, ln.seq, ln.volume_id, ln.decision, ln.new_retention, ln.reason, data["code"],
                                   data.get("title", ""), int(data.get("year") or 0), data.get("retention", ""), int(data.get("pages") or 0),
                                   vol.status if vol else "", expires, data.get("fonds_code", ""), data.get("category_code", ""),
                                   MappingProxyType(data))
    assert vol is not None  # noqa: S101 - narrows the type; the code guarantees it
    return AppraisalLineRecord(ln.id, ln.appraisal_id, ln.seq, ln.volume_id, ln.decision, ln.new_retention, ln.reason, vol.code, vol.title,
                               vol.year, vol.retention, vol.pages, vol.status, None, fonds_codes.get(vol.fonds_id, ""),
                               cat_codes.get(vol.category_id, ""), MappingProxyType(data))


def list_appraisal_lines(session: Session, appraisal_id: int, *, include_removed: bool = False,
                         viewer: Actor | None = None) -> list[AppraisalLineRecord]:
    """The lines of an appraisal list in order, as ``viewer`` may see them (the title of a volume above their
    clearance masked, its 档号 kept; a volume no longer in the catalogue is hidden from every clearance:
    services/masking.py); None: unmasked (the confirmation freezes the lines from it)."""
    stmt = select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id).order_by(AppraisalLine.seq)
    if not include_removed:
        stmt = stmt.where(AppraisalLine.decision != REMOVED)
    lines = list(session.scalars(stmt))
    vols: dict[int, Volume] = {}
    ids = [ln.volume_id for ln in lines]
    for start in range(0, len(ids), 500):
        vols.update({v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(ids[start:start + 500])))})
    cat_codes = {c.id: c.code for c in _categories(session).values()}
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    out = []
    live = retention.for_volumes(session, [ln.volume_id for ln in lines if not (ln.data or {}).get("code")])
    for ln in lines:
        rec = _appraisal_line_record(session, ln, vols.get(ln.volume_id), cat_codes, fonds_codes)
        if rec.expires_on is None and ln.volume_id in live:
            r = live[ln.volume_id]
            rec = AppraisalLineRecord(**{**rec.__dict__, "retention": r.retention, "expires_on": r.due_date})
        out.append(rec)
    return masking.mask_titled(session, viewer, out)


@operation("transfers.add_appraisal_volumes", area=TRANSFERS)
def add_appraisal_volumes(session: Session, actor: Actor, appraisal_id: int, volume_ids: Iterable[int], *,
                          decision: str = UNDECIDED) -> AddResult:
    """Put volumes on a draft appraisal list, undecided: a person decides each (destroy, or keep), nothing
    defaults to destruction. Volumes not in stock, or already on another draft list, are refused with the reason."""
    a = _load_appraisal(session, appraisal_id, for_change=True)
    if decision not in (UNDECIDED, *DECISIONS):
        raise ValidationError({"decision": t("The decision must be destroy or keep")})
    ids = list(dict.fromkeys(int(i) for i in volume_ids))
    existing_lines = {ln.volume_id: ln for ln in session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id))}
    on_list = {vid for vid, ln in existing_lines.items() if ln.decision != REMOVED}
    seq = (session.scalar(select(func.max(AppraisalLine.seq)).where(AppraisalLine.appraisal_id == appraisal_id)) or 0) + 1
    added: list[AppraisalLine] = []
    refused: list[Refusal] = []
    skipped = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_(chunk)))}
        other = dict(session.execute(
            select(AppraisalLine.volume_id, Appraisal.list_no).join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
            .where(AppraisalLine.volume_id.in_(chunk), Appraisal.status == "draft", Appraisal.id != appraisal_id,
                   AppraisalLine.decision != REMOVED)).all())
        held = holds.refusal(session, chunk)
        in_reading_room = reading.refusal(session, chunk)  # 阅览中: the original is with a reader
        for vid in chunk:
            vol = vols.get(vid)
            if vol is None:
                refused.append(Refusal(vid, "", t("no such volume")))
                continue
            if vid in on_list:
                skipped += 1
                continue
            reason = _refusal_reason(vol.status)
            if reason is None and vid in other:
                reason = t("already on appraisal list {no}", no=other[vid])
            if reason is None and vid in held:
                reason = held[vid]
            if reason is None and vid in in_reading_room:
                reason = in_reading_room[vid]
            if reason is not None:
                refused.append(Refusal(vid, vol.code, reason))
                continue
            if vid in existing_lines:  # taken off earlier: put it back
                ln = existing_lines[vid]
                ln.decision, ln.new_retention, ln.reason = decision, "", ""
                added.append(ln)
                on_list.add(vid)
                continue
            ln = AppraisalLine(appraisal_id=appraisal_id, seq=seq, volume_id=vid, decision=decision, new_retention="", reason="", data={})
            seq += 1
            session.add(ln)
            added.append(ln)
            on_list.add(vid)
    session.flush()
    if added or refused:
        audit.record(session, actor, "appraisal.add_volumes", "appraisal", a.id, None,
                     {"list_no": a.list_no, "added": len(added), "refused": [{"code": r.code, "reason": r.reason} for r in refused][:200]})
    records = list_appraisal_lines(session, appraisal_id, viewer=actor)  # as the clerk may see them
    new_ids = {ln.id for ln in added}
    return AddResult(tuple(r for r in records if r.id in new_ids), tuple(refused), skipped)  # type: ignore[misc]  # AddResult is shared with batches: here its lines are appraisal lines


@operation("transfers.add_due_volumes", area=TRANSFERS)
def add_due_volumes(session: Session, actor: Actor, appraisal_id: int, as_of: date | None = None, *, fonds_ids: Sequence[int] = (),
                    category_ids: Sequence[int] = (), limit: int | None = None) -> AddResult:
    """Put every volume due by ``as_of`` (see :func:`due_volumes`) on a draft appraisal list."""
    due = due_volumes(session, as_of, fonds_ids=fonds_ids, category_ids=category_ids, limit=limit)
    return add_appraisal_volumes(session, actor, appraisal_id, [d.volume_id for d in due])


@operation("transfers.set_decision", area=TRANSFERS)
def set_decision(session: Session, actor: Actor, line_id: int, decision: str, new_retention: str = "", reason: str = "") -> AppraisalLineRecord:
    """Decide one volume of a draft list: ``destroy``, or ``keep`` with a new retention (Y, D30, D10 or
    Dnn, counted from the same start) and the reason."""
    ln = session.get(AppraisalLine, line_id, populate_existing=True)
    if ln is None:
        raise NotFoundError(t("Line {id} does not exist", id=line_id))
    a = _load_appraisal(session, ln.appraisal_id, for_change=True)
    if decision not in DECISIONS:
        raise ValidationError({"decision": t("The decision must be destroy or keep")})
    new_retention = codes.normalize_scan(new_retention or "")
    problems: dict[str, str] = {}
    if decision == "keep":
        if not (new_retention == "Y" or retention_years(session, new_retention)):
            problems["new_retention"] = t("Give the new retention: Y (permanent), D30, D10 or Dnn (nn years)")
        if not reason.strip():
            problems["reason"] = t("Say why the volume is kept")
    else:
        new_retention = ""
    if problems:
        raise ValidationError(problems)
    before = {"decision": ln.decision, "new_retention": ln.new_retention, "reason": ln.reason}
    ln.decision, ln.new_retention, ln.reason = decision, new_retention, reason.strip()
    session.flush()
    after = {"decision": ln.decision, "new_retention": ln.new_retention, "reason": ln.reason}
    if before != after:
        audit.record(session, actor, "appraisal.decide", "appraisal_line", ln.id, before, after | {"list_no": a.list_no, "volume_id": ln.volume_id})
    return next(r for r in list_appraisal_lines(session, a.id, viewer=actor) if r.id == ln.id)


@operation("transfers.remove_appraisal_lines", area=TRANSFERS)
def remove_appraisal_lines(session: Session, actor: Actor, appraisal_id: int, line_ids: Iterable[int]) -> int:
    """Take volumes off a *draft* list: the line stays, marked ``removed`` (audited), and is left out of the
    confirmation and the printed list. A confirmed list never changes."""
    a = _load_appraisal(session, appraisal_id, for_change=True)
    lines = list(session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == appraisal_id, AppraisalLine.id.in_(list(line_ids)),
                                                             AppraisalLine.decision != REMOVED)))
    for ln in lines:
        audit.record(session, actor, "appraisal.remove_line", "appraisal_line", ln.id, {"decision": ln.decision},
                     {"decision": REMOVED, "list_no": a.list_no, "seq": ln.seq, "volume_id": ln.volume_id})
        ln.decision = REMOVED
    session.flush()
    return len(lines)


# ---------------------------------------------------------------- the procedure: 鉴定小组 → 鉴定意见书 → 报批 → 销毁 → 监销

#: the steps a list goes through, in order (its ``status`` after each)
STEPS = ("draft", "appraised", "approved", "executed", "confirmed")


def step_label(status: str) -> str:
    return {"draft": t("being appraised"), "appraised": t("opinion written, awaiting approval"),
            "approved": t("approved, awaiting destruction"), "executed": t("destruction recorded, awaiting the witnesses"),
            "confirmed": t("destroyed and witnessed")}.get(status, status)


def _load_at(session: Session, appraisal_id: int, status: str, expected_version: int | None = None) -> Appraisal:
    """The list, which must be at step ``status`` (the message says which step comes next otherwise)."""
    a = session.get(Appraisal, appraisal_id, populate_existing=True)
    if a is None:
        raise NotFoundError(t("Appraisal list {id} does not exist", id=appraisal_id))
    if expected_version is not None and a.version != expected_version:
        raise StaleEditError(t("Appraisal list {no} was changed meanwhile by {user}. Your changes were not saved; reload it and try again.",
                               no=a.list_no, user=a.updated_by or "?"))
    if a.status != status:
        if a.status == "confirmed":
            raise StatusError(t("Appraisal list {no} is confirmed and kept permanently; it can no longer be changed.", no=a.list_no))
        raise StatusError(t("Appraisal list {no} is {now}: this step needs it {wanted}.", no=a.list_no, now=step_label(a.status),
                            wanted=step_label(status)))
    return a


def _names(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


@operation("transfers.set_panel", area=TRANSFERS)
def set_panel(session: Session, actor: Actor, appraisal_id: int, members: Sequence[str], *, kind: str | None = None,
              accounting_signatories: Sequence[str] = ()) -> AppraisalRecord:
    """Step 1, 鉴定小组: the panel's members (the lead first) and, for a 会计 list (``kind="accounting"``), the 会计
    department's signatories who appraise it jointly (会计机构负责人, 经办人)."""
    a = _load_at(session, appraisal_id, "draft")
    panel, signatories = _names(members), _names(accounting_signatories)
    kind = kind or a.kind or "general"
    problems: dict[str, str] = {}
    if kind not in APPRAISAL_KINDS:
        problems["kind"] = t("The kind of list must be general or accounting")
    if len(panel) < 2:
        problems["members"] = t("Name the appraisal panel: at least two members, the lead first")
    if problems:
        raise ValidationError(problems)
    before = {"kind": a.kind, "members": list(a.members or []), "accounting_signatories": list(a.accounting_signatories or [])}
    a.kind, a.members, a.accounting_signatories, a.lead = kind, panel, signatories, panel[0]
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.panel", "appraisal", a.id, before,
                 {"list_no": a.list_no, "kind": kind, "members": panel, "accounting_signatories": signatories})
    return _appraisal_record(a)


def _line_problems(session: Session, a: Appraisal, on: date) -> list[str]:
    """Why the list's volumes cannot be destroyed on ``on`` (empty: they can)."""
    lines = list(session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == a.id, AppraisalLine.decision != REMOVED)
                                 .order_by(AppraisalLine.seq)))
    if not lines:
        raise StatusError(t("Appraisal list {no} has no volumes.", no=a.list_no))
    undecided = [ln for ln in lines if ln.decision not in DECISIONS]
    if undecided:
        codes_text = "、".join(session.scalar(select(Volume.code).where(Volume.id == ln.volume_id)) or "?" for ln in undecided[:8])
        raise StatusError(t("Appraisal list {no} cannot be confirmed: {n} volumes are not decided yet ({list}). Decide each: "
                            "destroy, or keep with a new retention and a reason.", no=a.list_no, n=len(undecided),
                            list=codes_text + ("…" if len(undecided) > 8 else "")))
    records = {r.id: r for r in list_appraisal_lines(session, a.id)}
    held = holds.refusal(session, [ln.volume_id for ln in lines])
    in_reading_room = reading.refusal(session, [ln.volume_id for ln in lines if ln.decision == "destroy"])
    blocked = []
    for ln in lines:
        rec = records[ln.id]
        accounting = rec.category_code == "KU"
        if accounting != (a.kind == "accounting"):
            blocked.append(t("{code} (会计 records go on an accounting list of their own, appraised with the 会计 department)",
                             code=rec.code))
        elif ln.decision == "destroy" and ln.volume_id in held:
            blocked.append(t("{code} ({reason})", code=rec.code, reason=held[ln.volume_id]))
        elif ln.decision == "destroy" and ln.volume_id in in_reading_room:
            blocked.append(t("{code} ({reason})", code=rec.code, reason=in_reading_room[ln.volume_id]))
        elif ln.decision == "destroy" and rec.status != VolumeStatus.IN_STOCK:
            blocked.append(t("{code} ({reason})", code=rec.code, reason=_refusal_reason(rec.status) or rec.status))
        elif ln.decision == "destroy" and (rec.expires_on is None or rec.expires_on > on):
            blocked.append(t("{code} (its retention runs until {date})", code=rec.code,
                             date=rec.expires_on.isoformat() if rec.expires_on else t("permanent")))
        elif ln.decision == "keep" and not (ln.new_retention and ln.reason):
            blocked.append(t("{code} (kept without a new retention and a reason)", code=rec.code))
    return blocked


def _refuse(a: Appraisal, blocked: list[str]) -> None:
    if blocked:
        raise StatusError(t("Appraisal list {no} cannot be confirmed: {list}", no=a.list_no,
                            list="、".join(blocked[:8]) + ("…" if len(blocked) > 8 else "")))


@operation("transfers.write_opinion", area=TRANSFERS)
def write_opinion(session: Session, actor: Actor, appraisal_id: int, opinion: str, on: date | None = None, *,
                  expected_version: int | None = None) -> AppraisalRecord:
    """Step 2, 鉴定意见书: the panel's opinion on the list as it stands. Every volume must be decided, not held,
    in stock and due on ``on``; a 会计 list carries only 会计 records and the 会计 department's signatories. The
    list's volumes and decisions cannot change afterwards."""
    a = _load_at(session, appraisal_id, "draft", expected_version)
    on = on or date.today()
    problems: dict[str, str] = {}
    if len(a.members or []) < 2:
        problems["members"] = t("Name the appraisal panel first: at least two members, the lead first")
    if a.kind == "accounting" and len(a.accounting_signatories or []) < 2:
        problems["accounting_signatories"] = t("A 会计 list is appraised jointly with the 会计 department: name its head and its handler")
    if not (opinion or "").strip():
        problems["opinion"] = t("Write the panel's opinion")
    if problems:
        raise ValidationError(problems)
    _refuse(a, _line_problems(session, a, on))
    a.opinion, a.opinion_on, a.status = opinion.strip(), on, "appraised"
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.opinion", "appraisal", a.id, {"status": "draft"},
                 {"status": a.status, "list_no": a.list_no, "opinion": a.opinion, "opinion_on": on})
    return _appraisal_record(a)


@operation("transfers.approve_appraisal", area=TRANSFERS)
def approve_appraisal(session: Session, actor: Actor, appraisal_id: int, approver: str, on: date | None = None) -> AppraisalRecord:
    """Step 3, 报批: who approved the destruction, and when (not before the opinion)."""
    a = _load_at(session, appraisal_id, "appraised")
    on = on or date.today()
    problems: dict[str, str] = {}
    if not (approver or "").strip():
        problems["approver"] = t("Name {who}", who=t("the approver"))
    if a.opinion_on and on < a.opinion_on:
        problems["approved_on"] = t("The approval cannot come before the opinion ({date})", date=a.opinion_on.isoformat())
    if problems:
        raise ValidationError(problems)
    a.approver, a.approved_on, a.status = approver.strip(), on, "approved"
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.approve", "appraisal", a.id, {"status": "appraised"},
                 {"status": a.status, "list_no": a.list_no, "approver": a.approver, "approved_on": on})
    return _appraisal_record(a)


@operation("transfers.record_destruction", area=TRANSFERS)
def record_destruction(session: Session, actor: Actor, appraisal_id: int, method: str, place: str, on: date | None = None) -> AppraisalRecord:
    """Step 4, 销毁: how, where and when the volumes are destroyed (not before the approval). Nothing is marked
    destroyed until the two witnesses have counted (:func:`confirm_appraisal`)."""
    a = _load_at(session, appraisal_id, "approved")
    on = on or date.today()
    problems: dict[str, str] = {}
    if not (method or "").strip():
        problems["method"] = t("Give the method of destruction")
    if not (place or "").strip():
        problems["place"] = t("Give the place of destruction")
    if a.approved_on and on < a.approved_on:
        problems["destroyed_on"] = t("The destruction cannot come before the approval ({date})", date=a.approved_on.isoformat())
    if problems:
        raise ValidationError(problems)
    a.method, a.place, a.destroyed_on, a.status = method.strip(), place.strip(), on, "executed"
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.destruction", "appraisal", a.id, {"status": "approved"},
                 {"status": a.status, "list_no": a.list_no, "method": a.method, "place": a.place, "destroyed_on": on})
    return _appraisal_record(a)


@operation("transfers.confirm_appraisal", area=TRANSFERS)
def confirm_appraisal(session: Session, actor: Actor, appraisal_id: int, expected_version: int | None = None, *,
                      witness1: str | None = None, witness2: str | None = None, counted: int | None = None,
                      progress: Progress | None = None) -> ConfirmResult:
    """Step 5, 监销: two witnesses count the volumes against the list and sign; only then does every volume decided
    *destroy* become ``destroyed`` (its record and history stay), every *keep* is recorded with its new retention,
    and each line's values are frozen so the 销毁清册 never changes. Refused before the destruction was recorded,
    when the count differs from the list, or when a volume is held, gone or not due any more."""
    a = _load_at(session, appraisal_id, "executed", expected_version)
    w1 = (witness1 if witness1 is not None else a.witness1).strip()
    w2 = (witness2 if witness2 is not None else a.witness2).strip()
    problems: dict[str, str] = {}
    for key, name, label in (("witness1", w1, t("the first witness")), ("witness2", w2, t("the second witness"))):
        if not name:
            problems[key] = t("Name {who}", who=label)
    if w1 and w1 == w2:
        problems["witness2"] = t("The two witnesses must be two different people")
    lines = list(session.scalars(select(AppraisalLine).where(AppraisalLine.appraisal_id == a.id, AppraisalLine.decision != REMOVED)
                                 .order_by(AppraisalLine.seq)))
    listed = sum(1 for ln in lines if ln.decision == "destroy")
    if counted is None:
        problems["counted"] = t("The witnesses count the volumes against the list: give their count")
    elif counted != listed:
        problems["counted"] = t("The witnesses counted {counted} volumes, the list has {listed} to destroy: find the difference first",
                                counted=counted, listed=listed)
    if problems:
        raise ValidationError(problems)
    on = a.destroyed_on or date.today()
    _refuse(a, _line_problems(session, a, on))
    records = {r.id: r for r in list_appraisal_lines(session, a.id)}
    vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_([ln.volume_id for ln in lines])))}
    cats = {c.id: c for c in _categories(session).values()}
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    live = retention.for_volumes(session, list(vols))
    destroyed = kept = 0
    ids = []
    doomed: list[Volume] = []
    keeps: list[AuditRow] = []
    for i, ln in enumerate(lines, start=1):
        rec = records[ln.id]
        vol = vols[ln.volume_id]
        cat = cats.get(vol.category_id)
        r = live[vol.id]
        ln.data = {
            "code": vol.code, "title": vol.title, "year": vol.year, "retention": rec.retention, "pages": vol.pages,
            "fonds_code": fonds_codes.get(vol.fonds_id, ""), "category_code": cat.code if cat else "",
            "expires_on": rec.expires_on.isoformat() if rec.expires_on else None,
            "kept_years": kept_years(vol.year, r.start_date, on), "basis": r.basis, "rule": r.rule,
            "start_date": r.start_date.isoformat() if r.start_date else None, "notes": vol.notes,
        }
        if ln.decision == "destroy":
            doomed.append(vol)
            destroyed += 1
        else:
            keeps.append(("appraisal.keep", "volume", vol.id, {"retention": rec.retention},
                          {"retention": ln.new_retention, "reason": ln.reason, "list_no": a.list_no}))
            kept += 1
        ids.append(vol.id)
        if progress is not None and (i % 50 == 0 or i == len(lines)):
            progress(i, len(lines))
    session.flush()
    _bulk_set_status(session, actor, doomed, VolumeStatus.DESTROYED,
                     t("destroyed with appraisal list {no} on {date}", no=a.list_no, date=on.isoformat()), "appraisal.destroy",
                     lambda v: {"list_no": a.list_no})  # noqa: ARG005 - the signature is fixed by its caller
    audit.record_many(session, actor, list(keeps))
    a.witness1, a.witness2, a.witnessed_count = w1, w2, counted
    a.status = "confirmed"
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.confirm", "appraisal", a.id, {"status": "executed"},
                 {"status": "confirmed", "list_no": a.list_no, "destroyed": destroyed, "kept": kept, "destroyed_on": on,
                  "witnesses": [w1, w2], "counted": counted})
    return ConfirmResult(a.list_no, tuple(ids), destroyed=destroyed, kept=kept)
