"""Checks before lending: can a volume be lent, and does a loan need an approver."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError
from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, VolumeStatus
from archive_desk.services import catalogue, holds, masking
from archive_desk.services.audit import Actor
from archive_desk.services.loans.borrowers import _load_borrower
from archive_desk.services.loans.records import (
    LL,
    REQUESTER_KINDS,
    TAKE_AWAY,
    B,
    C,
    L,
    OutsideRequest,
    V,
    VolumeCheck,
    loan_settings,
    requester_label,
    service_label,
)


# ---------------------------------------------------------------- checks before lending


def _open_loan_of(session: Session, volume_id: int) -> tuple[str, str] | None:
    row = _open_use_of(session, volume_id)
    return (row[0], row[1]) if row else None


def _open_use_of(session: Session, volume_id: int) -> tuple[str, str, str] | None:
    """(slip, borrower, service) of the open loan or consultation holding the volume."""
    row = session.execute(
        select(L.c.slip_no, B.c.name, L.c.service).select_from(LL.join(L, L.c.id == LL.c.loan_id).join(B, B.c.id == L.c.borrower_id))
        .where(LL.c.volume_id == volume_id, LL.c.returned_at.is_(None))
    ).first()
    return (row.slip_no, row.name, row.service) if row else None


def _refusal(session: Session, code: str, status: str, volume_id: int) -> tuple[str, str | None, str | None]:
    """(reason, open slip, borrower) for a volume that cannot be lent; reason "" when it can."""
    if status == VolumeStatus.IN_STOCK:
        held = holds.refusal(session, [volume_id]).get(volume_id)  # a held volume is never lent (services/holds.py)
        if held:
            return t("Volume {code} cannot be lent: {reason}", code=code, reason=held), None, None
        in_use = _open_use_of(session, volume_id)
        if in_use and in_use[2] == "consult":  # 阅览中: the original is in the reading room
            return (t("Volume {code} is in the reading room (阅览中) with {name} (slip {slip}); close that consultation first.",
                      code=code, name=in_use[1], slip=in_use[0]), in_use[0], in_use[1])
        return "", None, None
    if status == VolumeStatus.ON_LOAN:
        lent = _open_loan_of(session, volume_id)
        if lent:
            return t("Volume {code} cannot be lent: it is on loan to {name} (slip {slip}).", code=code, name=lent[1], slip=lent[0]), lent[0], lent[1]
        return t("Volume {code} cannot be lent: it is on loan.", code=code), None, None
    reasons: dict[str, str] = {
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


def check_volume(session: Session, volume_id: int, viewer: Actor | None = None) -> VolumeCheck:
    """Whether a volume can be lent, with its title as ``viewer`` may see it (masked above their clearance, the
    档号 and 密级 kept: services/masking.py); None: unmasked."""
    row = _volume_rows(session, [volume_id]).get(volume_id)
    if row is None:
        raise NotFoundError(t("Volume {id} does not exist", id=volume_id))
    reason, slip, who = _refusal(session, row.code, row.status, row.id)
    return VolumeCheck(row.id, row.code, row.barcode, masking.mask_title(viewer, row.security, row.title), row.security, row.pages, row.status, row.category_code,
                       not reason, reason, slip, who, reading=bool(slip) and row.status == VolumeStatus.IN_STOCK)


def find_volume_for_loan(session: Session, scanned: str, viewer: Actor | None = None) -> VolumeCheck | None:
    """A scanned barcode or typed 档号 -> the volume and whether it can be lent (None: no such volume), as
    ``viewer`` may see it (:func:`check_volume`)."""
    found = catalogue.find_volume(session, scanned)
    return check_volume(session, found.id, viewer) if found else None


def approval_reasons(session: Session, borrower_kind: str, securities: Iterable[str], use_mode: str,
                     categories: Iterable[str] = ()) -> tuple[str, ...]:
    """Why this use needs an approver and an opinion (empty: it does not), per ``approval_rules``; personal
    records (``personal_record_categories``) asked for from outside always do, whatever their security level
    and the rule for outside borrowers (staff state their purpose; the request path holds the proofs)."""
    rules = loan_settings(session).rules
    reasons: list[str] = []
    personal = personal_categories(session, categories) if borrower_kind != "staff" else ()
    if personal:
        reasons.append(t("personal records ({categories})", categories="、".join(personal)))
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
    rows = _volume_rows(session, list(dict.fromkeys(volume_ids))).values()
    return approval_reasons(session, b.kind, [r.security for r in rows], use_mode, [r.category_code for r in rows])


# ---------------------------------------------------------------- services allowed, personal records


def service_refusals(session: Session, service: str, borrower_kind: str, request: OutsideRequest | None,
                     volumes: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(code, reason) for each (code, category code) whose category does not allow ``service`` to this borrower
    (or, with a request, to this kind of requester), per the room's ``service_rules``."""
    settings = loan_settings(session)
    who = request.requester_kind if request else borrower_kind
    refusals = []
    for code, category in volumes:
        rule = settings.service_rules.get(category)
        if rule is None:
            continue
        allowed = rule.get(who, rule.get(borrower_kind)) if request else rule.get(borrower_kind)
        if allowed is not None and service not in allowed:
            asked = requester_label(who) if request else (t("staff") if borrower_kind == "staff" else t("an outside borrower"))
            refusals.append((code, t("Volume {code}: the room's rules for {category} do not allow a {service} for {who}; "
                                     "allowed: {allowed}.", code=code, category=category, service=service_label(service),
                                     who=asked, allowed="、".join(service_label(s) for s in allowed) or t("nothing"))))
    return refusals


def personal_categories(session: Session, categories: Iterable[str]) -> tuple[str, ...]:
    """Which of these categories hold personal records (the room's ``personal_record_categories``)."""
    personal = loan_settings(session).personal_categories
    return tuple(sorted({c for c in categories if c in personal}))


def required_proofs(session: Session, requester_kind: str) -> tuple[str, ...]:
    return tuple(loan_settings(session).request_proofs.get(requester_kind, ()))


def check_request(session: Session, borrower_kind: str, request: OutsideRequest | None, personal: Sequence[str]) -> dict[str, str]:
    """Problems (field -> message) with a request for personal records: an outside borrower must say who asks
    and show every proof that kind of requester needs; empty when all is in order or nothing personal is asked."""
    if request is None:
        if personal and borrower_kind != "staff":
            return {"request": t("Personal records ({categories}) are asked for from outside: record who asks and tick "
                                 "the proofs shown.", categories="、".join(personal))}
        return {}
    if request.requester_kind not in REQUESTER_KINDS:
        return {"request": t("Choose who asks ({choices})", choices="、".join(requester_label(k) for k in REQUESTER_KINDS))}
    missing = [p for p in required_proofs(session, request.requester_kind) if p not in request.supplied]
    if missing:
        return {"request": t("Refused: {who} must show {missing} before personal records are consulted or copied.",
                             who=requester_label(request.requester_kind), missing="、".join(missing))}
    return {}


def request_view(session: Session, request: OutsideRequest | None) -> dict[str, Any] | None:
    """The request as stored on the slip and in the audit trail."""
    if request is None:
        return None
    return {"requester_kind": request.requester_kind, "required": list(required_proofs(session, request.requester_kind)),
            "supplied": list(request.supplied), "note": request.note.strip()}
