"""Masking of classified and personal data, and the log of who saw personal data unmasked.

Two rules, both decided here and nowhere else:

- **Clearance.** An account reads volumes up to its clearance (公开 < 内部 < 秘密 < 机密 < 绝密). For a volume
  above it, the title, the items' titles and the category's own fields are replaced by :func:`mask_text`; the
  档号 (and the other catalogue particulars: year, retention, 密级, location, status) stay visible, so the
  room can still find, shelve and lend it. The search does not match such a volume's hidden text for that
  account (``services/search.py``: the text tiers are restricted to :func:`visible_levels`), so the volumes
  it returns do not tell that a hidden title holds a word; a 档号 still finds it.
- **Personal data.** A category field marked personal (``category_fields.personal``: its kind) and a
  borrower's ID number and phone are masked by :data:`PERSONAL_KINDS` for an account without the
  personal-data right (:func:`may_see_personal`).

An actor with ``clearance=None`` and ``role=None`` is a catalogue without accounts: nothing is masked. Every
function returns a new frozen record (``dataclasses.replace``); the record passed in is left as it was.

What masking does not protect against (docs/architecture.md): the catalogue file is not encrypted. Anyone
with the file (a copy, a backup) or with ``psql`` on the server reads every title and every ID number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, CategoryField, PersonalDataAccess, Volume
from archive_desk.models.base import table_of
from archive_desk.services.ops import AUDIT, SETTINGS, operation

if TYPE_CHECKING:
    from archive_desk.db.engine import Database
    from archive_desk.services.audit import Actor
    from archive_desk.services.catalogue import CategoryRecord, ItemRecord, VolumeRecord

V = Volume.__table__
P = table_of(PersonalDataAccess)
CF = CategoryField.__table__

#: roles that see personal data unmasked without being granted the right
PERSONAL_ROLES = frozenset({"archivist", "secadmin"})
#: the right that lets any other account see personal data unmasked
PERSONAL_RIGHT = "personal_data"


# ---------------------------------------------------------------- the rules


def mask_name(value: str) -> str:
    """A name keeps its first character, then one ``*`` per further character: 张三 → 张*, 欧阳修文 → 欧***.
    A one-character name is masked whole."""
    if len(value) <= 1:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 1)


def mask_id(value: str) -> str:
    """An ID number keeps its first 4 and last 4 characters; a shorter one (9 or less) is masked whole."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """A phone number keeps its first 3 and last 4 characters; a shorter one (8 or less) is masked whole."""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_free_text(value: str) -> str:
    """Free text (a diagnosis): masked whole, with a fixed length that does not tell how long it was."""
    return "***" if value else ""


#: the one table of personal-data rules: a field's kind -> how it is masked
PERSONAL_KINDS = {"name": mask_name, "id": mask_id, "phone": mask_phone, "text": mask_free_text}


def mask_value(kind: str, value: object) -> object:
    """``value`` masked by the rule of ``kind`` (a date or a number is masked as text); empty values as they are."""
    if value is None or value == "" or not kind:
        return value
    rule = PERSONAL_KINDS.get(kind, mask_free_text)
    if isinstance(value, date | datetime):
        value = value.isoformat()
    return rule(str(value))


def mask_text() -> str:
    """What stands in for a text above the reader's clearance."""
    return t("(above your clearance)")


# ---------------------------------------------------------------- who sees what


def no_accounts(actor: Actor | None) -> bool:
    return actor is None or (actor.role is None and actor.clearance is None)


def may_see_personal(actor: Actor | None) -> bool:
    """Archivists, security administrators and anyone granted the personal-data right see personal data;
    desk, reader, auditor and administrator accounts without the right see it masked."""
    if actor is None or no_accounts(actor):
        return True
    return actor.role in PERSONAL_ROLES or PERSONAL_RIGHT in actor.rights


def level(security: str | None) -> int:
    """The rank of a 密级; one that is not known ranks above every known one (hidden from everyone with a
    clearance: safer than shown)."""
    try:
        return SECURITY_LEVELS.index(security or "公开")
    except ValueError:
        return len(SECURITY_LEVELS)


def visible_levels(actor: Actor | None) -> tuple[str, ...] | None:
    """The 密级 the actor reads, or None when everything is visible (no clearance: no accounts)."""
    if actor is None or actor.clearance is None:
        return None
    top = level(actor.clearance)
    return tuple(SECURITY_LEVELS[: top + 1])


def higher(a: str | None, b: str | None) -> str | None:
    """The higher of two 密级 (an item may be classified above its volume)."""
    return a if level(a) >= level(b) else b


def above_clearance(actor: Actor | None, security: str | None) -> bool:
    if actor is None or actor.clearance is None:
        return False
    return level(security) > level(actor.clearance)


def personal_kinds(category: CategoryRecord | None) -> dict[str, str]:
    """The category's personal fields: key -> kind."""
    if category is None:
        return {}
    return {f.key: f.personal for f in category.fields if getattr(f, "personal", "")}


def personal_kinds_by_category(session: Session) -> dict[int, dict[str, str]]:
    """Every category's personal fields: category id -> {key: kind}."""
    out: dict[int, dict[str, str]] = {}
    for cat_id, key, kind in session.execute(select(CF.c.category_id, CF.c.key, CF.c.personal).where(CF.c.personal != "")):
        out.setdefault(cat_id, {})[key] = kind
    return out


def personal_shown_ids(session: Session, viewer: Actor | None, volume_ids: Sequence[int]) -> list[tuple[int, tuple[str, ...]]]:
    """For a print or export of these volumes by ``viewer``: (volume id, personal fields shown unmasked) for each
    volume that has any (what :func:`log_access` records); [] when there is nobody to name or nothing shown."""
    if not should_log(viewer) or not may_see_personal(viewer):
        return []
    kinds = personal_kinds_by_category(session)
    if not kinds:
        return []
    out: list[tuple[int, tuple[str, ...]]] = []
    for start in range(0, len(volume_ids), 500):
        chunk = list(volume_ids[start:start + 500])
        for vid, cat_id, security, custom in session.execute(
                select(V.c.id, V.c.category_id, V.c.security, V.c.custom).where(V.c.id.in_(chunk), V.c.category_id.in_(list(kinds)))):
            if above_clearance(viewer, security):
                continue
            keys = tuple(k for k in kinds[cat_id] if (custom or {}).get(k) not in (None, ""))
            if keys:
                out.append((vid, keys))
    return out


# ---------------------------------------------------------------- records


def mask_custom(actor: Actor | None, security: str | None, custom: Mapping[str, Any],
                kinds: Mapping[str, str]) -> dict[str, Any]:
    """A volume's own fields as the actor may see them."""
    if above_clearance(actor, security):
        return {key: mask_text() if value not in (None, "") else value for key, value in custom.items()}
    if kinds and not may_see_personal(actor):
        return {key: mask_value(kinds[key], value) if key in kinds else value for key, value in custom.items()}
    return dict(custom)


def mask_volume(actor: Actor | None, volume: VolumeRecord, category: CategoryRecord | None = None) -> VolumeRecord:
    """The volume as the actor may see it: above the clearance, its title and own fields masked (the 档号
    stays); otherwise its personal fields masked for an actor without the right."""
    if no_accounts(actor):
        return volume
    kinds = personal_kinds(category)
    hidden = above_clearance(actor, volume.security)
    if not hidden and (not kinds or may_see_personal(actor)):
        return volume
    custom = mask_custom(actor, volume.security, volume.custom, kinds)
    if hidden:
        return replace(volume, title=mask_text(), custom=custom, notes=mask_text() if volume.notes else "")
    return replace(volume, custom=custom)


def mask_items(actor: Actor | None, volume_security: str | None, items: Sequence[ItemRecord]) -> list[ItemRecord]:
    """The items of a volume as the actor may see them (titles masked above the clearance: the volume's
    密级 or the item's own, whichever is higher)."""
    if actor is None or actor.clearance is None:
        return list(items)
    out = []
    for item in items:
        if above_clearance(actor, volume_security) or above_clearance(actor, item.security):
            item = replace(item, title=mask_text(), notes=mask_text() if item.notes else "")
        out.append(item)
    return out


def mask_title(actor: Actor | None, security: str | None, title: str) -> str:
    return mask_text() if above_clearance(actor, security) else title


#: keys of a volume's or item's audit entry that hold hidden text (the 档号, 密级, status … stay)
_HIDDEN_KEYS = frozenset({"title", "notes", "custom", "item_title", "items"})


def _mask_change(value: Any, hidden: bool, kinds: Mapping[str, str]) -> Any:
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, val in value.items():
        if hidden and (key in _HIDDEN_KEYS or key.endswith("title")):
            val = ({k: mask_text() for k in val} if isinstance(val, dict)
                   else mask_text() if val not in (None, "") else val)
        elif key == "custom" and isinstance(val, dict):
            val = {k: mask_value(kinds[k], v) if k in kinds else v for k, v in val.items()}
        elif key in kinds:
            val = mask_value(kinds[key], val)
        out[key] = val
    return out


def mask_history(actor: Actor | None, security: str | None, category: CategoryRecord | None,
                 rows: Sequence[Any]) -> list[Any]:
    """A volume's audit entries (``audit.AuditRow``) as the actor may see them: the before and after of a
    hidden volume's title, notes and own fields masked, and personal fields for an actor without the right."""
    return mask_changes(actor, security, personal_kinds(category), rows)


def mask_changes(actor: Actor | None, security: str | None, kinds: Mapping[str, str], rows: Sequence[Any]) -> list[Any]:
    """:func:`mask_history` with the category's personal fields given as {key: kind}."""
    import json  # noqa: PLC0415

    hidden = above_clearance(actor, security)
    kinds = {} if may_see_personal(actor) else kinds
    if not hidden and not kinds:
        return list(rows)
    out = []
    for row in rows:
        texts = []
        for text in (row.before, row.after):
            try:
                value = json.loads(text) if text else None
            except ValueError:
                value = None
            texts.append(text if value is None else json.dumps(_mask_change(value, hidden, kinds), ensure_ascii=False))
        out.append(replace(row, before=texts[0], after=texts[1]))
    return out


def shown_personal(actor: Actor | None, volume: VolumeRecord, category: CategoryRecord | None) -> tuple[str, ...]:
    """The personal fields of ``volume`` that the actor sees unmasked (those to log); () when none."""
    kinds = personal_kinds(category)
    if not kinds or above_clearance(actor, volume.security) or not may_see_personal(actor):
        return ()
    return tuple(key for key in kinds if volume.custom.get(key) not in (None, ""))


def mask_borrower_fields(actor: Actor | None, phone: str, id_number: str) -> tuple[str, str]:
    """A borrower's phone and ID number as the actor may see them."""
    if may_see_personal(actor):
        return phone, id_number
    return mask_phone(phone), mask_id(id_number)


# ---------------------------------------------------------------- the access log


@dataclass(frozen=True)
class AccessEntry:
    id: int
    at: datetime
    user: str
    workstation: str
    action: str
    volume_id: int | None
    code: str
    subject: str
    fields: tuple[str, ...]


def log_access(session: Session, actor: Actor, action: str, shown: Iterable[tuple[int | None, Sequence[str]]],
               subject: str = "", *, subjects: Iterable[tuple[str, Sequence[str]]] = ()) -> int:
    """Record that ``actor`` saw these volumes' personal fields unmasked (``shown``: (volume id, field keys)), and
    these other records' (``subjects``: (subject such as "borrower:12", field keys), for a list of borrowers);
    one row each, one insert for all. Returns the number of rows. Nothing is logged on a catalogue without
    accounts (nobody to name; the trail marks that user as not authenticated) — call it only when there are."""
    from archive_desk.models.base import utcnow  # noqa: PLC0415

    at = utcnow()
    rows = [{"at": at, "user": actor.user, "workstation": actor.workstation, "action": action,
             "volume_id": vid, "subject": subject, "fields": ",".join(keys)} for vid, keys in shown if keys]
    rows += [{"at": at, "user": actor.user, "workstation": actor.workstation, "action": action,
              "volume_id": None, "subject": name, "fields": ",".join(keys)} for name, keys in subjects if keys]
    if rows:
        session.execute(insert(P), rows)
    return len(rows)


@operation("masking.log_access", area=AUDIT)
def log_access_op(session: Session, actor: Actor, action: str, shown: Iterable[tuple[int | None, Sequence[str]]],
                  subject: str = "", *, subjects: Iterable[tuple[str, Sequence[str]]] = ()) -> int:
    """:func:`log_access` as the window's write runner calls it (every role may: it records, it grants nothing)."""
    if not should_log(actor):
        return 0
    return log_access(session, actor, action, shown, subject, subjects=subjects)


@operation("masking.set_field_personal", area=SETTINGS)
def set_field_personal(session: Session, actor: Actor, category_id: int, key: str, kind: str) -> str:
    """Mark a category's own field as personal data masked as ``kind`` (name, id, phone, text), or "" for not
    personal; the security administrator's (the permission matrix). Audited; returns the kind stored."""
    from archive_desk.errors import NotFoundError, ValidationError  # noqa: PLC0415
    from archive_desk.services import audit  # noqa: PLC0415

    if kind not in ("", *PERSONAL_KINDS):
        raise ValidationError({"personal": t("Unknown kind of personal data {kind}", kind=kind)})
    field = session.scalar(select(CategoryField).where(CategoryField.category_id == category_id, CategoryField.key == key))
    if field is None:
        raise NotFoundError(t("There is no field {key}", key=key), field="key")
    before = field.personal or ""
    if before != kind:
        field.personal = kind
        session.flush()
        audit.record(session, actor, "category_field.personal", "category", category_id, {key: before}, {key: kind})
    return kind


# ---------------------------------------------------------------- printed and exported documents

#: the personal data a document service put unmasked into what it produced, kept on the session by
#: :func:`document_session` until the document is done: [(action, subject, ((volume id, field keys), …))]
_SHOWN_KEY = "archive_desk.personal_shown"

#: one document's personal data shown unmasked: (action, subject, ((volume id or None, field keys), …))
Shown = tuple[str, str, tuple[tuple[int | None, tuple[str, ...]], ...]]


def note_shown(session: Session, viewer: Actor | None, action: str, shown: Iterable[tuple[int | None, Sequence[str]]],
               subject: str = "") -> None:
    """What a document service calls for the personal data it prints or exports unmasked (``action`` "print" or
    "export"; ``shown``: (volume id or None, field keys); ``subject`` names a record that is not a volume, e.g.
    "borrower:12"). It is kept on the session and written to the access log by :func:`document_session` when the
    document is done (a print is a read: the log is a short write after it). Nothing is kept for a catalogue
    without accounts, nor when the session was not opened by :func:`document_session`."""
    pending = session.info.get(_SHOWN_KEY)
    if pending is None or not should_log(viewer):
        return
    rows = tuple((vid, tuple(keys)) for vid, keys in shown if keys)
    if rows:
        pending.append((action, subject, rows))


@contextmanager
def document_session(db: Database, viewer: Actor | None,
                     record: Callable[[list[Shown]], object] | None = None) -> Iterator[Session]:
    """The read session a printed or exported document is produced in (``with document_session(db, viewer) as
    session: data = loans.slip_data(session, loan_id, viewer)``). When it ends, the personal data the document
    services noted (:func:`note_shown`) is written to the access log: by ``record(shown)`` when given (the window
    passes its write runner), else in a write of its own (the command line). Nothing is written on a read-only
    catalogue (it cannot be) nor on one without accounts (nobody to name)."""
    with db.read() as session:
        session.info[_SHOWN_KEY] = []
        try:
            yield session
            shown: list[Shown] = list(session.info[_SHOWN_KEY])
        finally:
            session.info.pop(_SHOWN_KEY, None)
    if not shown or db.read_only or not should_log(viewer):
        return
    if record is not None:
        record(shown)
        return
    assert viewer is not None  # noqa: S101 - should_log: there is someone to name
    with db.write() as write:
        log_shown(write, viewer, shown)


def log_shown(session: Session, actor: Actor, shown: Iterable[Shown]) -> int:
    """Write what :func:`document_session` collected: one row per volume (or other record) and document."""
    return sum(log_access(session, actor, action, rows, subject) for action, subject, rows in shown)


class Titled(Protocol):
    """A frozen record of a list that names a volume (a transfer line, a stocktake line …)."""

    @property
    def volume_id(self) -> int | None: ...

    @property
    def title(self) -> str: ...


def mask_titled[R: Titled](session: Session, viewer: Actor | None, rows: Sequence[R],
                           listed: Callable[[R], str | None] | None = None) -> list[R]:
    """On-screen list rows as ``viewer`` may see them: the title of a row whose volume is above their clearance
    masked (its 档号 and the rest stay). A row whose volume is not (or no longer) in the catalogue counts by
    ``listed(row)``, the 密级 it was listed with, when given; else as above every level (hidden from everyone with
    a clearance: safer than shown). One query for the 密级 of all the rows' volumes; none without a clearance."""
    if visible_levels(viewer) is None or not rows:
        return list(rows)
    security = security_of(session, (r.volume_id for r in rows))
    out: list[R] = []
    for r in rows:
        vid = r.volume_id
        sec = security[vid] if vid is not None and vid in security else (listed(r) if listed is not None else "?")
        if r.title and above_clearance(viewer, sec):
            r = replace(r, title=mask_text())  # type: ignore[type-var]
        out.append(r)
    return out


def security_of(session: Session, volume_ids: Iterable[int | None]) -> dict[int, str]:
    """The 密级 of these volumes (id -> 密级), for documents whose lines carry a volume's id but not its 密级."""
    ids = sorted({vid for vid in volume_ids if vid is not None})
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        out.update({vid: sec for vid, sec in session.execute(
            select(V.c.id, V.c.security).where(V.c.id.in_(ids[start:start + 500])))})
    return out


def borrower_shown(viewer: Actor | None, phone: str, id_number: str = "") -> tuple[str, ...]:
    """The borrower's fields a document shows the viewer unmasked ("phone", "id_number"); () for a viewer
    without the personal-data right (they see them masked) or fields left empty."""
    if not may_see_personal(viewer):
        return ()
    return tuple(key for key, value in (("phone", phone), ("id_number", id_number)) if value)


def borrowers_shown(viewer: Actor | None, borrowers: Iterable[tuple[int, str, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """For a list of borrowers on screen ((borrower id, phone shown, ID number shown) each): ("borrower:ID", the
    fields shown unmasked) for each borrower shown with any, once each — what :func:`log_access` takes as
    ``subjects``; [] for a viewer without the personal-data right. Pass "" for a field the list shows masked or
    not at all."""
    out: dict[int, tuple[str, ...]] = {}
    for bid, phone, id_number in borrowers:
        keys = borrower_shown(viewer, phone, id_number)
        if keys:
            out[bid] = tuple(dict.fromkeys((*out.get(bid, ()), *keys)))
    return [(f"borrower:{bid}", keys) for bid, keys in out.items()]


def should_log(actor: Actor | None) -> bool:
    """Accesses are logged for accounts (a catalogue without accounts has nobody to name)."""
    return not no_accounts(actor)


def list_access(session: Session, *, user: str | None = None, volume_id: int | None = None,
                since: datetime | None = None, until: datetime | None = None, limit: int = 1000) -> list[AccessEntry]:
    """The personal-data access log, newest first, filtered (for the auditor)."""
    stmt = (select(P.c.id, P.c.at, P.c.user, P.c.workstation, P.c.action, P.c.volume_id, V.c.code, P.c.subject,
                   P.c.fields).select_from(P.outerjoin(V, V.c.id == P.c.volume_id)))
    if user:
        stmt = stmt.where(P.c.user == user)
    if volume_id is not None:
        stmt = stmt.where(P.c.volume_id == volume_id)
    if since is not None:
        stmt = stmt.where(P.c.at >= since)
    if until is not None:
        stmt = stmt.where(P.c.at < until)
    stmt = stmt.order_by(P.c.id.desc()).limit(limit)
    return [AccessEntry(r.id, r.at, r.user, r.workstation, r.action, r.volume_id, r.code or "", r.subject,
                        tuple(k for k in r.fields.split(",") if k)) for r in session.execute(stmt)]
