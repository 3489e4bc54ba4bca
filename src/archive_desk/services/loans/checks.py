"""Checks before lending: can a volume be lent, and does a loan need an approver."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError
from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, VolumeStatus
from archive_desk.services import catalogue, holds
from archive_desk.services.loans.borrowers import _load_borrower
from archive_desk.services.loans.records import LL, TAKE_AWAY, B, C, L, V, VolumeCheck, loan_settings


# ---------------------------------------------------------------- checks before lending


def _open_loan_of(session: Session, volume_id: int) -> tuple[str, str] | None:
    row = session.execute(
        select(L.c.slip_no, B.c.name).select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id))
        .where(LL.c.volume_id == volume_id, LL.c.returned_at.is_(None))
    ).first()
    return (row.slip_no, row.name) if row else None


def _refusal(session: Session, code: str, status: str, volume_id: int) -> tuple[str, str | None, str | None]:
    """(reason, open slip, borrower) for a volume that cannot be lent; reason "" when it can."""
    if status == VolumeStatus.IN_STOCK:
        held = holds.refusal(session, [volume_id]).get(volume_id)  # a held volume is never lent (services/holds.py)
        return (t("Volume {code} cannot be lent: {reason}", code=code, reason=held) if held else ""), None, None
    if status == VolumeStatus.ON_LOAN:
        held = _open_loan_of(session, volume_id)
        if held:
            return t("Volume {code} cannot be lent: it is on loan to {name} (slip {slip}).", code=code, name=held[1], slip=held[0]), held[0], held[1]
        return t("Volume {code} cannot be lent: it is on loan.", code=code), None, None
    reasons = {
        VolumeStatus.TRANSFERRED: t("Volume {code} cannot be lent: it was transferred out.", code=code),
        VolumeStatus.DESTROYED: t("Volume {code} cannot be lent: it was destroyed.", code=code),
        VolumeStatus.MISSING: t("Volume {code} cannot be lent: it is missing.", code=code),
        VolumeStatus.VOID: t("Volume {code} cannot be lent: its record is void.", code=code),
    }
    return reasons.get(status, t("Volume {code} cannot be lent: it is {status}.", code=code, status=catalogue.status_label(status))), None, None


def _volume_rows(session: Session, volume_ids: Sequence[int]) -> dict[int, Row[Any]]:
    rows: dict[int, Row[Any]] = {}
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start : start + 500])
        stmt = (select(V.c.id, V.c.code, V.c.barcode, V.c.title, V.c.security, V.c.pages, V.c.status, C.c.code.label("category_code"))
                .select_from(V.join(C, C.c.id == V.c.category_id)).where(V.c.id.in_(chunk)))
        rows.update({r.id: r for r in session.execute(stmt)})
    return rows


def check_volume(session: Session, volume_id: int) -> VolumeCheck:
    row = _volume_rows(session, [volume_id]).get(volume_id)
    if row is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    reason, slip, who = _refusal(session, row.code, row.status, row.id)
    return VolumeCheck(row.id, row.code, row.barcode, row.title, row.security, row.pages, row.status, row.category_code,
                       not reason, reason, slip, who)


def find_volume_for_loan(session: Session, scanned: str) -> VolumeCheck | None:
    """A scanned barcode or typed 档号 -> the volume and whether it can be lent (None: no such volume)."""
    found = catalogue.find_volume(session, scanned)
    return check_volume(session, found.id) if found else None


def approval_reasons(session: Session, borrower_kind: str, securities: Iterable[str], use_mode: str) -> tuple[str, ...]:
    """Why this loan needs an approver and an opinion (empty: it does not), per ``approval_rules``."""
    rules = loan_settings(session).rules
    reasons: list[str] = []
    threshold = rules.get("security_at_or_above")
    if threshold in SECURITY_LEVELS:
        level = SECURITY_LEVELS.index(threshold)
        classified = sorted({s for s in securities if s in SECURITY_LEVELS and SECURITY_LEVELS.index(s) >= level},
                            key=SECURITY_LEVELS.index)
        if classified:
            reasons.append(t("classified volumes ({levels})", levels="、".join(classified)))
    if rules.get("outside_borrowers") and borrower_kind == "outside":
        reasons.append(t("an outside borrower"))
    take_away = rules.get("take_away_uses", [TAKE_AWAY])
    if rules.get("take_away") and use_mode in take_away:
        reasons.append(t("taking volumes away ({use})", use=use_mode))
    return tuple(reasons)


def approval_required(session: Session, borrower_id: int, volume_ids: Sequence[int], use_mode: str) -> tuple[str, ...]:
    b = _load_borrower(session, borrower_id)
    securities = [r.security for r in _volume_rows(session, list(dict.fromkeys(volume_ids))).values()]
    return approval_reasons(session, b.kind, securities, use_mode)
