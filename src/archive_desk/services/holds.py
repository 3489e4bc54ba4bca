"""Legal holds: 封存 (医疗纠纷预防和处理条例 §24), litigation, audit and unsettled matters.

A hold is placed on one volume or on a 病案号 (``record_no``: every volume of the patient, also those filed
later). While it stands the volume is never due for destruction, cannot go on an appraisal list or be destroyed,
and cannot be lent; the catalogue shows why. A hold is released, never deleted; both are audited.
A 封存 has its sealing list (:func:`seal_list_data`, printed by ``printing/sealing_list.py``), signed by both
sides, and a release date three years on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from archive_desk.domain.retention import add_years
from archive_desk.errors import NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import LegalHold, Volume
from archive_desk.services import audit, catalogue, masking, room_settings
from archive_desk.services.audit import Actor
from archive_desk.services.ops import CATALOGUE, operation

if TYPE_CHECKING:
    from archive_desk.printing.sealing_list import SealingList

KINDS = ("seal", "litigation", "audit", "matter")
#: a 封存 may be released this many years on without a dispute (医疗纠纷预防和处理条例 §24)
SEAL_YEARS = 3


def kind_label(kind: str) -> str:
    return {"seal": t("sealed (封存)"), "litigation": t("litigation"), "audit": t("audit"),
            "matter": t("unsettled matter")}.get(kind, kind)


@dataclass(frozen=True)
class HoldRecord:
    id: int
    kind: str
    reason: str
    volume_id: int | None
    volume_code: str
    record_no: str
    counterpart: str
    release_on: date | None
    placed_by: str
    placed_at: datetime
    released_by: str
    released_at: datetime | None

    @property
    def active(self) -> bool:
        return self.released_at is None

    @property
    def target(self) -> str:
        return self.volume_code or t("record no. {no}", no=self.record_no)

    def describe(self) -> str:
        """What a person reads in the catalogue: 封存 since 2026-03-01: 医疗纠纷 (hold 3)."""
        return t("On hold: {kind} since {date}: {reason} (hold {id})", kind=kind_label(self.kind),
                 date=self.placed_at.date().isoformat(), reason=self.reason, id=self.id)


def _record(h: LegalHold, code: str) -> HoldRecord:
    return HoldRecord(h.id, h.kind, h.reason, h.volume_id, code, h.record_no, h.counterpart, h.release_on, h.placed_by,
                      h.placed_at, h.released_by, h.released_at)


@operation("holds.add", area=CATALOGUE)
def add_hold(session: Session, actor: Actor, *, kind: str, reason: str, volume_id: int | None = None, code: str = "",
             record_no: str = "", counterpart: str = "") -> HoldRecord:
    """Place a hold on one volume (its id, or its 档号/barcode in ``code``) or on a 病案号."""
    problems: dict[str, str] = {}
    if kind not in KINDS:
        problems["kind"] = t("The kind of hold must be one of {kinds}", kinds=", ".join(KINDS))
    if not (reason or "").strip():
        problems["reason"] = t("Say why the hold is placed")
    record_no = (record_no or "").strip()
    vol: Volume | None = None
    if code and volume_id is None:
        found = catalogue.find_volume(session, code)
        if found is None:
            raise NotFoundError(t("There is no volume {code}", code=code))
        volume_id = found.id
    if volume_id is not None:
        vol = session.get(Volume, volume_id)
        if vol is None:
            raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    if (vol is None) == (not record_no):
        problems["target"] = t("Give either one volume or a record no. (病案号)")
    if problems:
        raise ValidationError(problems)
    placed = audit.utcnow()
    release_on = add_years(placed.date(), SEAL_YEARS) if kind == "seal" else None
    h = LegalHold(kind=kind, reason=reason.strip(), volume_id=vol.id if vol else None, record_no=record_no,
                  counterpart=(counterpart or "").strip(), release_on=release_on, placed_by=actor.user, placed_at=placed,
                  released_by="", released_at=None)
    session.add(h)
    session.flush()
    rec = _record(h, vol.code if vol else "")
    audit.record(session, actor, "hold.add", "legal_hold", h.id, None,
                 {"kind": kind, "reason": h.reason, "code": rec.volume_code, "record_no": record_no,
                  "counterpart": h.counterpart, "release_on": release_on})
    return rec


@operation("holds.release", area=CATALOGUE)
def release_hold(session: Session, actor: Actor, hold_id: int) -> HoldRecord:
    h = session.get(LegalHold, hold_id, populate_existing=True)
    if h is None:
        raise NotFoundError(t("There is no hold {id}", id=hold_id))
    if h.released_at is not None:
        raise StatusError(t("Hold {id} was released on {date} by {user}.", id=hold_id, date=h.released_at.date().isoformat(),
                            user=h.released_by))
    h.released_at, h.released_by = audit.utcnow(), actor.user
    session.flush()
    code = session.scalar(select(Volume.code).where(Volume.id == h.volume_id)) if h.volume_id else ""
    audit.record(session, actor, "hold.release", "legal_hold", h.id, {"released_at": None},
                 {"released_at": h.released_at, "kind": h.kind, "code": code or "", "record_no": h.record_no})
    return _record(h, code or "")


def list_holds(session: Session, *, active_only: bool = False) -> list[HoldRecord]:
    stmt = select(LegalHold, Volume.code).outerjoin(Volume, Volume.id == LegalHold.volume_id).order_by(LegalHold.id)
    if active_only:
        stmt = stmt.where(LegalHold.released_at.is_(None))
    return [_record(h, code or "") for h, code in session.execute(stmt)]


def get_hold(session: Session, hold_id: int) -> HoldRecord:
    row = session.execute(select(LegalHold, Volume.code).outerjoin(Volume, Volume.id == LegalHold.volume_id)
                          .where(LegalHold.id == hold_id)).first()
    if row is None:
        raise NotFoundError(t("There is no hold {id}", id=hold_id))
    return _record(row[0], row[1] or "")


def _record_no_volumes(session: Session, record_no: str) -> list[tuple[int, str]]:
    """(id, code) of every volume whose 病案号 is ``record_no`` (the JSON text narrows, the value decides)."""
    stmt = (select(Volume.id, Volume.code, Volume.custom)
            .where(cast(Volume.custom, String).like(f"%{record_no}%")))
    return [(vid, code) for vid, code, custom in session.execute(stmt)
            if str((custom or {}).get("record_no") or "").strip() == record_no]


def active_holds(session: Session, volume_ids: Iterable[int] | None = None) -> dict[int, list[HoldRecord]]:
    """Volume id → the holds standing on it (on the volume or on its 病案号); only ``volume_ids`` when given."""
    wanted = None if volume_ids is None else set(volume_ids)
    out: dict[int, list[HoldRecord]] = {}
    for h in list_holds(session, active_only=True):
        targets = [(h.volume_id, h.volume_code)] if h.volume_id is not None else _record_no_volumes(session, h.record_no)
        for vid, _code in targets:
            if vid is not None and (wanted is None or vid in wanted):
                out.setdefault(vid, []).append(h)
    return out


def hold_reasons(session: Session, volume_id: int) -> tuple[str, ...]:
    """Why a volume is held, one sentence per hold (empty: it is not held)."""
    return tuple(h.describe() for h in active_holds(session, [volume_id]).get(volume_id, []))


def refusal(session: Session, volume_ids: Sequence[int]) -> dict[int, str]:
    """Volume id → why it cannot be lent, listed or destroyed because of a hold (only held volumes)."""
    return {vid: "；".join(h.describe() for h in hs) for vid, hs in active_holds(session, volume_ids).items()}


def seal_list_data(session: Session, hold_id: int, viewer: Actor | None = None) -> SealingList:
    """What the printed 封存清单 shows (``printing.sealing_list.render_sealing_list``), as ``viewer`` may see it: the
    title of a volume above their clearance masked, its 档号, 病案号 and pages kept (services/masking.py)."""
    from archive_desk.printing.sealing_list import (
        SealingList,  # reportlab: only when printing
    )

    h = get_hold(session, hold_id)
    if h.kind != "seal":
        raise StatusError(t("Hold {id} is not a 封存: only a 封存 has a sealing list.", id=hold_id))
    ids = [h.volume_id] if h.volume_id is not None else [vid for vid, _ in _record_no_volumes(session, h.record_no)]
    rows = []
    for v in session.scalars(select(Volume).where(Volume.id.in_(ids)).order_by(Volume.code)):
        rows.append((v.code, masking.mask_title(viewer, v.security, v.title), str((v.custom or {}).get("record_no") or ""), v.pages))
    settings = room_settings.read(session)
    return SealingList(settings.unit_name, h.id, h.reason, h.counterpart, h.placed_at.date(), h.release_on, h.placed_by,
                       tuple(rows), settings.form_language)


__all__ = ["KINDS", "SEAL_YEARS", "HoldRecord", "active_holds", "add_hold",
           "get_hold", "hold_reasons", "kind_label", "list_holds", "refusal", "release_hold", "seal_list_data"]
