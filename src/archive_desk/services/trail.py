"""The auditor's view of the trail: its entries filtered by account, action, date range and volume; the
chain verified with a plain result; the entries exported to a workbook. Reads only (the trail is never edited).

The personal-data access log (``services/masking.py``) is listed beside it; both are what 安全审计员 works with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.models import AuditEntry, Volume
from archive_desk.services import audit, masking

A = AuditEntry.__table__
V = Volume.__table__


@dataclass(frozen=True)
class TrailFilter:
    user: str = ""
    action: str = ""
    #: local dates, both included
    date_from: date | None = None
    date_to: date | None = None
    #: a volume's 档号: its own entries (entity "volume")
    volume_code: str = ""


@dataclass(frozen=True)
class TrailEntry:
    id: int
    at: datetime  # naive UTC, as stored
    user: str
    workstation: str
    action: str
    entity: str
    entity_id: int | None
    code: str  # the volume's 档号 when the entry is a volume's
    before: str
    after: str


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    problems: tuple[audit.ChainProblem, ...]

    def message(self) -> str:
        if self.ok:
            return t("The audit trail is whole: {count} entries, each linked to the one before.", count=self.entries)
        first = self.problems[0]
        return t("The audit trail is broken at {count} entries; the first is entry {id}: {reason}",
                 count=len(self.problems), id=first.entry_id, reason=first.reason)


def _local_midnight_utc(d: date) -> datetime:
    return datetime(d.year, d.month, d.day).astimezone().astimezone(UTC).replace(tzinfo=None)


def list_entries(session: Session, flt: TrailFilter = TrailFilter(), limit: int = 5000,
                 viewer: audit.Actor | None = None) -> list[TrailEntry]:
    """The entries matching ``flt``, newest first, at most ``limit``; a volume's or item's before and after masked
    as ``viewer`` may see them (the auditor's clearance and personal-data right apply here too)."""
    entries = _entries(session, flt, limit)
    if masking.no_accounts(viewer):
        return entries
    return _masked(session, entries, viewer)


def _masked(session: Session, entries: list[TrailEntry], viewer: audit.Actor | None) -> list[TrailEntry]:
    from archive_desk.models import Item  # noqa: PLC0415

    item_ids = {e.entity_id for e in entries if e.entity == "item" and e.entity_id is not None}
    item_volume: dict[int, int] = {}
    for start in range(0, len(item_ids), 500):
        chunk = sorted(item_ids)[start:start + 500]
        item_volume.update(session.execute(select(Item.__table__.c.id, Item.__table__.c.volume_id)
                                           .where(Item.__table__.c.id.in_(chunk))).all())
    volume_of = {e.id: (e.entity_id if e.entity == "volume" else item_volume.get(e.entity_id or -1))
                 for e in entries if e.entity in ("volume", "item")}
    vids = sorted({v for v in volume_of.values() if v is not None})
    about: dict[int, tuple[str, int]] = {}
    for start in range(0, len(vids), 500):
        for vid, security, cat in session.execute(select(V.c.id, V.c.security, V.c.category_id)
                                                  .where(V.c.id.in_(vids[start:start + 500]))):
            about[vid] = (security, cat)
    kinds = masking.personal_kinds_by_category(session)
    out = []
    for e in entries:
        vid = volume_of.get(e.id)
        if vid is not None and vid in about:
            security, cat = about[vid]
            e = masking.mask_changes(viewer, security, kinds.get(cat, {}), [e])[0]
        out.append(e)
    return out


def _entries(session: Session, flt: TrailFilter, limit: int) -> list[TrailEntry]:
    stmt = (select(A.c.id, A.c.at, A.c.user, A.c.workstation, A.c.action, A.c.entity, A.c.entity_id, V.c.code,
                   A.c.before, A.c.after)
            .select_from(A.outerjoin(V, (A.c.entity == "volume") & (V.c.id == A.c.entity_id))))
    if flt.user:  # the account, or the same name recorded as not authenticated (a catalogue without accounts)
        stmt = stmt.where(or_(A.c.user == flt.user, A.c.user == flt.user + audit.UNAUTHENTICATED))
    if flt.action:
        stmt = stmt.where(A.c.action == flt.action)
    if flt.date_from is not None:
        stmt = stmt.where(A.c.at >= _local_midnight_utc(flt.date_from))
    if flt.date_to is not None:
        stmt = stmt.where(A.c.at < _local_midnight_utc(flt.date_to + timedelta(days=1)))
    if flt.volume_code.strip():
        vid = session.scalar(select(V.c.id).where(V.c.code == flt.volume_code.strip()))
        stmt = stmt.where(A.c.entity == "volume", A.c.entity_id == (vid if vid is not None else -1))
    stmt = stmt.order_by(A.c.id.desc()).limit(limit)
    return [TrailEntry(r.id, r.at, r.user, r.workstation, r.action, r.entity, r.entity_id, r.code or "", r.before, r.after)
            for r in session.execute(stmt)]


def users(session: Session) -> list[str]:
    return sorted(session.scalars(select(A.c.user).distinct()))


def actions(session: Session) -> list[str]:
    return sorted(session.scalars(select(A.c.action).distinct()))


def verify(session: Session) -> ChainCheck:
    """Walk the whole chain (audit.verify_chain) and say what was found."""
    problems = tuple(audit.verify_chain(session))
    count = session.scalar(select(A.c.id).order_by(A.c.id.desc()).limit(1)) or 0
    return ChainCheck(not problems, count, problems)


def headers() -> list[str]:
    return [t("Entry"), t("Time"), t("Account"), t("Workstation"), t("Action"), t("Record"), t("Archival code"),
            t("Before"), t("After")]


def _local(at: datetime) -> str:
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def rows(entries: list[TrailEntry]) -> list[list[object]]:
    return [[e.id, _local(e.at), e.user, e.workstation, e.action, f"{e.entity} {e.entity_id or ''}".strip(), e.code,
             e.before, e.after] for e in entries]


def export_trail(session: Session, flt: TrailFilter, path: Path | str, limit: int = 1_000_000,
                 viewer: audit.Actor | None = None) -> int:
    """Write the entries matching ``flt`` to an .xlsx workbook (masked as in :func:`list_entries`); returns how many."""
    from archive_desk.exporting.audit_trail import write_audit_trail  # noqa: PLC0415

    return write_audit_trail(path, headers(), rows(list_entries(session, flt, limit, viewer)))


def access_headers() -> list[str]:
    return [t("Time"), t("Account"), t("Workstation"), t("Action"), t("Archival code"), t("Fields shown")]


def access_rows(entries: list[masking.AccessEntry]) -> list[list[object]]:
    return [[_local(e.at), e.user, e.workstation, e.action, e.code or e.subject, "、".join(e.fields)] for e in entries]
