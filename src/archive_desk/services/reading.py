"""阅览中: a volume in the reading room while a consultation (查阅) of it is open.

Not a volume status: the stored status stays 在库 (the shelf-occupancy triggers, stocktake and transfers
depend on the statuses), and this display status is computed from the open consultation line. The
catalogue's table, its detail pane, search results (the window's and the command line's) show it through
:func:`display_statuses`; transfers and appraisal lists refuse such a volume through :func:`refusal`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.models import Borrower, Loan, LoanLine, VolumeStatus

#: the display status of a volume 在库 with an open consultation (never stored)
READING = "reading"

_CHUNK = 900


def open_consultations(session: Session, volume_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Volume id → (slip no., reader's name) for those of ``volume_ids`` held by an open consultation.

    Open lines are few and the partial index on open lines finds them by volume id."""
    ids = list(dict.fromkeys(int(i) for i in volume_ids))
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        stmt = (select(LoanLine.volume_id, Loan.slip_no, Borrower.name)
                .join(Loan, Loan.id == LoanLine.loan_id).join(Borrower, Borrower.id == Loan.borrower_id)
                .where(LoanLine.volume_id.in_(chunk), LoanLine.returned_at.is_(None), Loan.service == "consult"))
        out.update({vid: (slip, name) for vid, slip, name in session.execute(stmt)})
    return out


def display_statuses(session: Session, statuses: Mapping[int, str]) -> dict[int, str]:
    """Volume id → the status a person sees: the stored one, or :data:`READING` for a volume 在库 in the
    reading room."""
    in_stock = [vid for vid, st in statuses.items() if st == VolumeStatus.IN_STOCK]
    reading = open_consultations(session, in_stock) if in_stock else {}
    return {vid: READING if vid in reading else st for vid, st in statuses.items()}


def display_status(session: Session, volume_id: int, status: str) -> str:
    return display_statuses(session, {volume_id: status})[volume_id]


def refusal(session: Session, volume_ids: Iterable[int]) -> dict[int, str]:
    """Volume id → why it cannot go on a transfer batch or an appraisal list now (only volumes in the room)."""
    return {vid: t("in the reading room (阅览中) with {name} (slip {slip}): close that consultation first",
                   name=name, slip=slip)
            for vid, (slip, name) in open_consultations(session, volume_ids).items()}


__all__ = ["READING", "display_status", "display_statuses", "open_consultations", "refusal"]
