"""The frozen records the transfers service returns, and their builders from the ORM rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy.orm import Session

from archive_desk.models import (
    Appraisal,
    TransferBatch,
    TransferLine,
)
from archive_desk.services import masking
from archive_desk.services.audit import Actor
from archive_desk.services.transfers.common import APPRAISAL_FIELDS, BATCH_FIELDS


@dataclass(frozen=True)
class BatchRecord:
    id: int
    batch_no: str
    direction: str
    nature: str
    from_unit: str
    to_unit: str
    from_handler: str
    to_handler: str
    from_leader: str
    to_leader: str
    transfer_date: date | None
    finding_aids: str
    status: str
    confirmed_at: datetime | None
    notes: str
    version: int
    created_at: datetime
    created_by: str

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def audit_view(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("batch_no", "direction", *BATCH_FIELDS, "status")}


@dataclass(frozen=True)
class LineRecord:
    id: int
    batch_id: int
    seq: int
    volume_id: int | None
    code: str
    title: str
    year: int | None
    retention: str
    item_count: int
    pages: int
    expected: bool
    found: bool
    found_pages: int | None
    data: Mapping[str, Any]
    notes: str

    @property
    def state(self) -> str:
        """pending | found | unexpected | returned (a pending line of a confirmed batch is missing).
        On a handing-over batch a line not ``expected`` was taken off the batch: ``returned`` too."""
        if self.expected:
            return "found" if self.found else "pending"
        return "unexpected" if self.found else "returned"

    @property
    def received_pages(self) -> int:
        return self.found_pages if self.found_pages is not None else self.pages

    @property
    def page_difference(self) -> int | None:
        """Counted minus listed pages, when both are known and differ."""
        if not self.found or self.found_pages is None or not self.expected:
            return None
        diff = self.found_pages - self.pages
        return diff or None


@dataclass(frozen=True)
class LineProblem:
    line_id: int
    seq: int
    code: str
    message: str


@dataclass(frozen=True)
class CheckSummary:
    """What the receiving check found so far."""

    expected: int
    found: int
    pending: tuple[LineRecord, ...]  # on the list, not (yet) arrived: *missing* if confirmed like this
    unexpected: tuple[LineRecord, ...]
    returned: tuple[LineRecord, ...]
    page_differences: tuple[LineRecord, ...]
    problems: tuple[LineProblem, ...] = ()

    @property
    def missing(self) -> tuple[LineRecord, ...]:
        return self.pending

    @property
    def to_receive(self) -> int:
        return self.found + len(self.unexpected)

    @property
    def complete(self) -> bool:
        return not self.pending and not self.unexpected and not self.page_differences


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan on the receiving check did: ``found`` (ticked), ``again`` (already ticked),
    ``unexpected`` (not on the list: added as such), ``refused`` (not allowed: see ``message``)."""

    kind: str
    line: LineRecord | None
    message: str


@dataclass(frozen=True)
class Refusal:
    volume_id: int | None
    code: str
    reason: str


@dataclass(frozen=True)
class AddResult:
    added: tuple[LineRecord, ...]
    refused: tuple[Refusal, ...] = ()
    skipped: int = 0  # already on the batch / list


@dataclass(frozen=True)
class ConfirmResult:
    batch_no: str
    volume_ids: tuple[int, ...]
    created: int = 0
    updated: int = 0
    missing: int = 0
    returned: int = 0
    transferred: int = 0
    destroyed: int = 0
    kept: int = 0


@dataclass(frozen=True)
class ShelfProposal:
    """Where the shelving service proposes to put a received batch (``places`` as it returns them)."""

    volumes: int
    places: tuple[Any, ...]
    reserved: bool
    text: str


@dataclass(frozen=True)
class AppraisalRecord:
    id: int
    list_no: str
    year: int
    lead: str
    approver: str
    witness1: str
    witness2: str
    destroyed_on: date | None
    status: str
    notes: str
    version: int
    created_at: datetime
    created_by: str
    kind: str = "general"  # general | accounting
    members: tuple[str, ...] = ()  # 鉴定小组, the lead first
    accounting_signatories: tuple[str, ...] = ()
    opinion: str = ""  # 鉴定意见书
    opinion_on: date | None = None
    approved_on: date | None = None
    method: str = ""
    place: str = ""
    witnessed_count: int | None = None

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def audit_view(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("list_no", *APPRAISAL_FIELDS, "status")}


@dataclass(frozen=True)
class AppraisalLineRecord:
    id: int
    appraisal_id: int
    seq: int
    volume_id: int
    decision: str
    new_retention: str
    reason: str
    code: str
    title: str
    year: int
    retention: str
    pages: int
    status: str  # the volume's status now
    expires_on: date | None
    fonds_code: str
    category_code: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DueVolume:
    volume_id: int
    code: str
    title: str
    year: int
    retention: str  # the retention that applies now (a kept volume's new one)
    pages: int
    expires_on: date
    basis: str  # "year" or the event field (closing_date …)


# ---------------------------------------------------------------- builders from the ORM rows


def _batch_record(b: TransferBatch) -> BatchRecord:
    return BatchRecord(
        b.id, b.batch_no, b.direction, b.nature, b.from_unit, b.to_unit, b.from_handler, b.to_handler, b.from_leader,
        b.to_leader, b.transfer_date, b.finding_aids, b.status, b.confirmed_at, b.notes, b.version, b.created_at,
        b.created_by,
    )


def _line_record(ln: TransferLine) -> LineRecord:
    return LineRecord(
        ln.id, ln.batch_id, ln.seq, ln.volume_id, ln.code, ln.title, ln.year, ln.retention, ln.item_count, ln.pages,
        bool(ln.expected), bool(ln.found), ln.found_pages, MappingProxyType(dict(ln.data or {})), ln.notes,
    )


def _appraisal_record(a: Appraisal) -> AppraisalRecord:
    return AppraisalRecord(a.id, a.list_no, a.year, a.lead, a.approver, a.witness1, a.witness2, a.destroyed_on, a.status,
                           a.notes, a.version, a.created_at, a.created_by, a.kind or "general", tuple(a.members or ()),
                           tuple(a.accounting_signatories or ()), a.opinion or "", a.opinion_on, a.approved_on, a.method or "",
                           a.place or "", a.witnessed_count)


def listed_security(ln: LineRecord) -> str | None:
    """A transfer line's 密级 when its volume is not in the catalogue (yet): the one listed for it."""
    listed = ln.data.get("security")
    return str(listed) if listed else None


def seen_lines(session: Session, viewer: Actor | None, lines: Sequence[LineRecord]) -> list[LineRecord]:
    """Lines of a batch as ``viewer`` may see them: the title of a volume above their clearance masked (its
    档号, year and counts stay; services/masking.py)."""
    return masking.mask_titled(session, viewer, lines, listed_security)


def seen_line(session: Session, viewer: Actor | None, line: LineRecord) -> LineRecord:
    return seen_lines(session, viewer, [line])[0]
