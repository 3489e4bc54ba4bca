"""Appraisal for destruction: the lists, the due volumes, the decisions and the confirmation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import and_, func, or_, select
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
    Category,
    Fonds,
    Volume,
    VolumeStatus,
)
from archive_desk.services import audit, codes
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.batches import _categories, _change_particulars
from archive_desk.services.transfers.common import (
    APPRAISAL_FIELDS,
    DECISIONS,
    DEFAULT_RETENTION_YEARS,
    PREFIXES,
    REMOVED,
    UNDECIDED,
    AuditRow,
    Progress,
    _add_years,
    _bulk_set_status,
    _next_number,
    _to_date,
    _to_int,
    _touch,
    expires_on,
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
from archive_desk.services.ops import TRANSFERS, operation


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


def _event_date(volume_custom: Mapping[str, Any] | None, field_key: str) -> date | None:
    if not field_key or not volume_custom:
        return None
    raw = volume_custom.get(field_key)
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


def _latest_keeps(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """volume id -> the new retention of its latest confirmed keep decision."""
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(AppraisalLine.volume_id, AppraisalLine.new_retention)
            .join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
            .where(AppraisalLine.volume_id.in_(ids[start:start + 500]), AppraisalLine.decision == "keep", Appraisal.status == "confirmed")
            .order_by(Appraisal.id)
        )
        out.update({vid: ret for vid, ret in rows if ret})
    return out


def volume_expiry(session: Session, volume_id: int) -> tuple[date | None, str, str]:
    """(expires on, retention in force, basis) of one volume; basis "year" or the event field."""
    vol = session.get(Volume, volume_id)
    if vol is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    cat = session.get(Category, vol.category_id)
    field_key = cat.retention_event_field if cat else ""
    retention = _latest_keeps(session, [volume_id]).get(volume_id, vol.retention)
    event = _event_date(vol.custom, field_key)
    return expires_on(vol.year, retention_years(session, retention), event), retention, (field_key if event else "year")


def due_volumes(session: Session, as_of: date | None = None, *, fonds_ids: Sequence[int] = (), category_ids: Sequence[int] = (),
                limit: int | None = None, exclude_listed: bool = True) -> list[DueVolume]:
    """In-stock volumes whose retention has run out by ``as_of`` (default today), oldest first.

    Counted from the category's event date (``retention_event_field``, e.g. a claim's closing date or a
    patient's last discharge) when the volume has one, else from the end of the volume's year. A volume kept by
    an earlier appraisal counts with its new retention. Volumes already on an appraisal list still in draft are
    left out (``exclude_listed``)."""
    as_of = as_of or date.today()
    v = Volume.__table__.c
    cats = {c.id: c for c in _categories(session).values()}
    table = {code: retention_years(session, code) for code in (*codes.RETENTIONS, *DEFAULT_RETENTION_YEARS)}
    conds = []
    for cat in cats.values():
        if category_ids and cat.id not in category_ids:
            continue
        for code, years in table.items():
            if years is None:
                continue
            by_year = v.year <= as_of.year - 1 - years
            if cat.retention_event_field:
                ev = v.custom[cat.retention_event_field].as_string()
                limit_day = _add_years_back(as_of, years).isoformat()
                when = or_(and_(or_(ev.is_(None), ev == ""), by_year), and_(ev.is_not(None), ev != "", func.substr(ev, 1, 10) <= limit_day))
            else:
                when = by_year
            conds.append(and_(v.category_id == cat.id, v.retention == code, when))
    if not conds:
        return []
    stmt = (select(v.id, v.code, v.title, v.year, v.retention, v.pages, v.custom, v.category_id)
            .where(v.status == VolumeStatus.IN_STOCK, or_(*conds)))
    if fonds_ids:
        stmt = stmt.where(v.fonds_id.in_(list(fonds_ids)))
    if exclude_listed:
        listed = (select(AppraisalLine.volume_id).join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
                  .where(Appraisal.status == "draft", AppraisalLine.decision != REMOVED))
        stmt = stmt.where(v.id.not_in(listed))
    stmt = stmt.order_by(v.year, v.code.concat(""))
    rows = session.execute(stmt).all()
    keeps = _latest_keeps(session, [r.id for r in rows])
    out: list[DueVolume] = []
    for r in rows:
        cat = cats.get(r.category_id)
        field_key = cat.retention_event_field if cat else ""
        event = _event_date(r.custom, field_key)
        retention = keeps.get(r.id, r.retention)
        ends = expires_on(r.year, retention_years(session, retention), event)
        if ends is None or ends > as_of:
            continue
        out.append(DueVolume(r.id, r.code, r.title, r.year, retention, r.pages, ends, field_key if event else "year"))
        if limit is not None and len(out) >= limit:
            break
    return out


def _add_years_back(d: date, years: int) -> date:
    return _add_years(d, -years)


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


def list_appraisal_lines(session: Session, appraisal_id: int, *, include_removed: bool = False) -> list[AppraisalLineRecord]:
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
    keeps = _latest_keeps(session, ids)
    cats = {c.id: c for c in _categories(session).values()}
    for ln in lines:
        rec = _appraisal_line_record(session, ln, vols.get(ln.volume_id), cat_codes, fonds_codes)
        if rec.expires_on is None and ln.volume_id in vols:
            vol = vols[ln.volume_id]
            cat = cats.get(vol.category_id)
            event = _event_date(vol.custom, cat.retention_event_field if cat else "")
            retention = keeps.get(vol.id, vol.retention)
            rec = AppraisalLineRecord(**{**rec.__dict__, "retention": retention,
                                         "expires_on": expires_on(vol.year, retention_years(session, retention), event)})
        out.append(rec)
    return out


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
    records = list_appraisal_lines(session, appraisal_id)
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
    return next(r for r in list_appraisal_lines(session, a.id) if r.id == ln.id)


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


@operation("transfers.confirm_appraisal", area=TRANSFERS)
def confirm_appraisal(session: Session, actor: Actor, appraisal_id: int, expected_version: int | None = None, *,
                      progress: Progress | None = None) -> ConfirmResult:
    """Confirm a draft appraisal list in the caller's transaction: every volume decided *destroy* becomes
    ``destroyed`` (its record and history stay), every *keep* is recorded with its new retention, and each
    line's values are frozen so the 销毁清册 never changes. Refused when a volume is not in stock any more,
    its retention has not run out on the destruction date, or the signatures are missing."""
    a = _load_appraisal(session, appraisal_id, for_change=True, expected_version=expected_version)
    problems: dict[str, str] = {}
    for key, label in (("lead", t("the appraisal lead")), ("approver", t("the approver")), ("witness1", t("the first witness")),
                       ("witness2", t("the second witness"))):
        if not getattr(a, key).strip():
            problems[key] = t("Name {who}", who=label)
    if a.witness1.strip() and a.witness1.strip() == a.witness2.strip():
        problems["witness2"] = t("The two witnesses must be two different people")
    if problems:
        raise ValidationError(problems)
    on = a.destroyed_on or date.today()
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
    blocked = []
    for ln in lines:
        rec = records[ln.id]
        if ln.decision == "destroy" and rec.status != VolumeStatus.IN_STOCK:
            blocked.append(t("{code} ({reason})", code=rec.code, reason=_refusal_reason(rec.status) or rec.status))
        elif ln.decision == "destroy" and (rec.expires_on is None or rec.expires_on > on):
            blocked.append(t("{code} (its retention runs until {date})", code=rec.code,
                             date=rec.expires_on.isoformat() if rec.expires_on else t("permanent")))
        elif ln.decision == "keep" and not (ln.new_retention and ln.reason):
            blocked.append(t("{code} (kept without a new retention and a reason)", code=rec.code))
    if blocked:
        raise StatusError(t("Appraisal list {no} cannot be confirmed: {list}", no=a.list_no,
                            list="、".join(blocked[:8]) + ("…" if len(blocked) > 8 else "")))
    vols = {v.id: v for v in session.scalars(select(Volume).where(Volume.id.in_([ln.volume_id for ln in lines])))}
    cats = {c.id: c for c in _categories(session).values()}
    fonds_codes = dict(session.execute(select(Fonds.id, Fonds.code)).all())
    destroyed = kept = 0
    ids = []
    doomed: list[Volume] = []
    keeps: list[AuditRow] = []
    for i, ln in enumerate(lines, start=1):
        rec = records[ln.id]
        vol = vols[ln.volume_id]
        cat = cats.get(vol.category_id)
        event = _event_date(vol.custom, cat.retention_event_field if cat else "")
        ln.data = {
            "code": vol.code, "title": vol.title, "year": vol.year, "retention": rec.retention, "pages": vol.pages,
            "fonds_code": fonds_codes.get(vol.fonds_id, ""), "category_code": cat.code if cat else "",
            "expires_on": rec.expires_on.isoformat() if rec.expires_on else None,
            "kept_years": kept_years(vol.year, event, on), "basis": (cat.retention_event_field if event and cat else "year"),
            "notes": vol.notes,
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
    a.status = "confirmed"
    a.destroyed_on = on
    _touch(a, actor)
    session.flush()
    audit.record(session, actor, "appraisal.confirm", "appraisal", a.id, {"status": "draft"},
                 {"status": "confirmed", "list_no": a.list_no, "destroyed": destroyed, "kept": kept, "destroyed_on": on})
    return ConfirmResult(a.list_no, tuple(ids), destroyed=destroyed, kept=kept)
