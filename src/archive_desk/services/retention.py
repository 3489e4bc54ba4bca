"""When each volume's retention runs out, under the room's retention schedule (``retention_schedule``).

The rules themselves are pure (:mod:`archive_desk.domain.retention`); this module reads what they need from the
catalogue: the schedule and the years of the legacy codes (room settings), a kept volume's new retention (its
latest confirmed appraisal), the patient's last discharge or visit across every volume under one 病案号, and the
legal holds (a held volume is never due).

    retention.for_volume(session, volume_id)      # VolumeRetention: rule, start date, due date, warnings, holds
    retention.due(session, date(2026, 12, 31))    # every in-stock volume due by then, oldest first
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.domain import retention as rules
from archive_desk.domain.retention import Retention
from archive_desk.errors import NotFoundError
from archive_desk.i18n import t
from archive_desk.models import Appraisal, AppraisalLine, Category, Volume, VolumeStatus
from archive_desk.services import holds, room_settings


def rule_label(rule: str) -> str:
    return {"year_end": t("from the end of the year"), "patient": t("from the patient's last discharge or visit"),
            "claim": t("from the closing date, at least the legal minimum from the contract's end"),
            "accounting": t("by the accounting records table (2015)")}.get(rule, rule)


@dataclass(frozen=True)
class VolumeRetention:
    """One volume's retention as the rules count it."""

    volume_id: int
    code: str
    title: str
    year: int
    retention: str  # the retention code in force (a kept volume's new one)
    pages: int
    category_code: str
    status: str
    rule: str
    start_date: date | None
    due_date: date | None  # None: permanent, or not known yet
    years: int | None
    basis: str
    warnings: tuple[str, ...]
    holds: tuple[str, ...]  # why it is held (never due while any stands)

    @property
    def held(self) -> bool:
        return bool(self.holds)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "year": self.year, "retention": self.retention,
                "category": self.category_code, "rule": self.rule,
                "start_date": self.start_date.isoformat() if self.start_date else None,
                "due_date": self.due_date.isoformat() if self.due_date else None,
                "years": self.years, "basis": self.basis, "warnings": list(self.warnings), "holds": list(self.holds)}


class _Context:
    """What the rules read, loaded once for many volumes."""

    def __init__(self, session: Session) -> None:
        settings = room_settings.read(session)
        self.schedule: Mapping[str, Any] = settings.retention_schedule
        self.codes = {**room_settings.DEFAULT_RETENTION_YEARS, **dict(settings.retention_years)}
        self.cats = {c.id: c for c in session.scalars(select(Category))}
        self.session = session
        self._visits: dict[int, dict[str, date]] = {}

    def entry(self, cat: Category | None) -> Mapping[str, Any] | None:
        return self.schedule.get(cat.code) if cat is not None else None

    def last_visits(self, category_id: int) -> dict[str, date]:
        """病案号 → the latest discharge/visit date of any volume of the category with that number."""
        if category_id not in self._visits:
            out: dict[str, date] = {}
            rows = self.session.execute(select(Volume.custom).where(Volume.category_id == category_id,
                                                                    Volume.status != VolumeStatus.VOID))
            for (custom,) in rows:
                custom = custom or {}
                no = str(custom.get("record_no") or "").strip()
                d = rules.to_date(custom.get("discharge_date"))
                if no and d is not None and (no not in out or d > out[no]):
                    out[no] = d
            self._visits[category_id] = out
        return self._visits[category_id]

    def compute(self, *, category_id: int, year: int, code: str, custom: Mapping[str, Any] | None, title: str) -> Retention:
        cat = self.cats.get(category_id)
        entry = self.entry(cat)
        last = None
        if entry and entry.get("start") == "patient":
            no = str((custom or {}).get("record_no") or "").strip()
            last = self.last_visits(category_id).get(no) if no else None
        return rules.compute(entry, year=year, code=code, custom=custom, title=title, code_table=self.codes,
                             event_field=cat.retention_event_field if cat else "", last_visit=last)


def latest_keeps(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """volume id → the new retention of its latest confirmed keep decision."""
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(AppraisalLine.volume_id, AppraisalLine.new_retention)
            .join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
            .where(AppraisalLine.volume_id.in_(list(ids[start:start + 500])), AppraisalLine.decision == "keep",
                   Appraisal.status == "confirmed")
            .order_by(Appraisal.id))
        out.update({vid: ret for vid, ret in rows if ret})
    return out


_COLUMNS = (Volume.id, Volume.code, Volume.title, Volume.year, Volume.retention, Volume.pages, Volume.custom,
            Volume.category_id, Volume.status)


def _evaluate(session: Session, rows: Iterable[Any], ctx: _Context | None = None) -> list[VolumeRetention]:
    rows = list(rows)
    ctx = ctx or _Context(session)
    ids = [r.id for r in rows]
    keeps = latest_keeps(session, ids)
    held = holds.refusal(session, ids) if ids else {}
    out = []
    for r in rows:
        code = keeps.get(r.id, r.retention)
        res = ctx.compute(category_id=r.category_id, year=r.year, code=code, custom=r.custom, title=r.title)
        cat = ctx.cats.get(r.category_id)
        out.append(VolumeRetention(r.id, r.code, r.title, r.year, code, r.pages, cat.code if cat else "", r.status, res.rule,
                                   res.start_date, res.due_date, res.years, res.basis, res.warnings,
                                   (held[r.id],) if r.id in held else ()))
    return out


def for_volumes(session: Session, volume_ids: Sequence[int]) -> dict[int, VolumeRetention]:
    out: dict[int, VolumeRetention] = {}
    ctx = _Context(session)
    for start in range(0, len(volume_ids), 500):
        rows = session.execute(select(*_COLUMNS).where(Volume.id.in_(list(volume_ids[start:start + 500]))))
        out.update({v.volume_id: v for v in _evaluate(session, rows, ctx)})
    return out


def for_volume(session: Session, volume_id: int) -> VolumeRetention:
    found = for_volumes(session, [volume_id]).get(volume_id)
    if found is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    return found


def due(session: Session, as_of: date | None = None, *, fonds_ids: Sequence[int] = (), category_ids: Sequence[int] = (),
        exclude_listed: bool = True, limit: int | None = None) -> list[VolumeRetention]:
    """In-stock volumes whose retention has run out by ``as_of`` (default today), by due date then 档号.

    Held volumes are never due. Volumes already on an appraisal list not yet confirmed are left out
    (``exclude_listed``)."""
    as_of = as_of or date.today()
    v = Volume.__table__.c
    # a period is at least a year and starts no earlier than the volume's year: later years cannot be due yet
    stmt = select(*_COLUMNS).where(v.status == VolumeStatus.IN_STOCK, v.retention != rules.PERMANENT, v.year <= as_of.year - 1)
    if fonds_ids:
        stmt = stmt.where(v.fonds_id.in_(list(fonds_ids)))
    if category_ids:
        stmt = stmt.where(v.category_id.in_(list(category_ids)))
    if exclude_listed:
        listed = (select(AppraisalLine.volume_id).join(Appraisal, Appraisal.id == AppraisalLine.appraisal_id)
                  .where(Appraisal.status != "confirmed", AppraisalLine.decision != "removed"))
        stmt = stmt.where(v.id.not_in(listed))
    ctx = _Context(session)
    out = [r for r in _evaluate(session, session.execute(stmt), ctx)
           if not r.held and r.due_date is not None and r.due_date <= as_of]
    out.sort(key=lambda r: (r.due_date, r.code))
    return out[:limit] if limit is not None else out
