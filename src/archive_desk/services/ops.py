"""Operations: every service function that writes, by name, and what a write changed.

Two things live here, both Qt-free:

- **What changed** (:class:`OpChanges`). A listener on every ORM session's flush collects the ids of the volumes,
  items, loans and shelf layers that were added, changed or deleted, and the coarse areas they belong to, in
  ``session.info``; :func:`changes_of` hands them out as one frozen value when the write is done. Statements that
  bypass the unit of work (``session.execute(update(Volume)…)``) are seen too, but without ids: they mark their area
  as changed wholesale (``bulk``). A service may add what the listener cannot see with :func:`mark`.
- **The operation registry** (:data:`OPERATIONS`). ``@operation("loans.lend", area=LENDING)`` on a service function
  that writes lists it under a stable name (a later issue enumerates every operation × every role for permissions)
  and marks its area as changed when it returns.

The window's runner (``ui/ops.py``) opens the write session, runs the operation and hands :func:`changes_of` to one
app-wide ``changed`` signal; the command line ignores it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from archive_desk.services.audit import Actor

# coarse areas of the window (a screen marks itself stale when an operation touches its area)
CATALOGUE = "catalogue"
SHELVES = "shelves"
LABELS = "labels"
LENDING = "lending"
TRANSFERS = "transfers"
STOCKTAKE = "stocktake"
SETTINGS = "settings"
ACCOUNTS = "accounts"
BACKUPS = "backups"
AUDIT = "audit"

#: the area each mapped table belongs to (a table not listed changes no area the window shows)
TABLE_AREAS: dict[str, str] = {
    "fonds": CATALOGUE,
    "categories": CATALOGUE,
    "category_fields": CATALOGUE,
    "volumes": CATALOGUE,
    "items": CATALOGUE,
    "borrowers": LENDING,
    "loans": LENDING,
    "loan_lines": LENDING,
    "rooms": SHELVES,
    "racks": SHELVES,
    "layers": SHELVES,
    "location_moves": SHELVES,
    "stocktakes": STOCKTAKE,
    "stocktake_scans": STOCKTAKE,
    "transfer_batches": TRANSFERS,
    "transfer_lines": TRANSFERS,
    "appraisals": TRANSFERS,
    "appraisal_lines": TRANSFERS,
    "legal_holds": CATALOGUE,
    "catalogue_settings": SETTINGS,
    "users": ACCOUNTS,
    "backup_register": BACKUPS,
    "personal_data_access": AUDIT,
}

#: the session a write runs in, as the window's code names it (ui/ never imports SQLAlchemy itself)
WriteSession = Session

_INFO_KEY = "archive_desk.op_changes"


@dataclass(frozen=True)
class OpChanges:
    """What one write changed. Ids are of rows added, changed or deleted; ``bulk`` holds areas changed by a
    statement whose rows are not known (a screen of that area reloads whole)."""

    volumes: frozenset[int] = frozenset()
    items: frozenset[int] = frozenset()
    loans: frozenset[int] = frozenset()
    locations: frozenset[int] = frozenset()  # shelf layers
    areas: frozenset[str] = frozenset()
    #: volumes added (the catalogue's list grows: its id snapshot is rebuilt, not just rows repainted)
    new_volumes: frozenset[int] = frozenset()
    bulk: frozenset[str] = frozenset()
    #: the operations that ran (their registered names)
    operations: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.areas or self.volumes or self.items or self.loans or self.locations or self.bulk)

    def touches(self, *areas: str) -> bool:
        return any(a in self.areas or a in self.bulk for a in areas)

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.volumes | other.volumes, self.items | other.items, self.loans | other.loans,
                         self.locations | other.locations, self.areas | other.areas,
                         self.new_volumes | other.new_volumes, self.bulk | other.bulk,
                         self.operations + other.operations)


@dataclass
class _Collector:
    volumes: set[int] = field(default_factory=set)
    items: set[int] = field(default_factory=set)
    loans: set[int] = field(default_factory=set)
    locations: set[int] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    new_volumes: set[int] = field(default_factory=set)
    bulk: set[str] = field(default_factory=set)
    operations: list[str] = field(default_factory=list)
    depth: int = 0

    def freeze(self) -> OpChanges:
        return OpChanges(frozenset(self.volumes), frozenset(self.items), frozenset(self.loans),
                         frozenset(self.locations), frozenset(self.areas), frozenset(self.new_volumes),
                         frozenset(self.bulk), tuple(self.operations))


def _collector(session: Session) -> _Collector:
    found = session.info.get(_INFO_KEY)
    if found is None:
        found = session.info[_INFO_KEY] = _Collector()
    return found


def changes_of(session: Session) -> OpChanges:
    """Everything this session's flushes (and :func:`mark`) recorded so far."""
    found = session.info.get(_INFO_KEY)
    return found.freeze() if found is not None else OpChanges()


def reset_changes(session: Session) -> None:
    session.info.pop(_INFO_KEY, None)


def mark(session: Session, *, areas: Iterable[str] = (), volumes: Iterable[int] = (), items: Iterable[int] = (),
         loans: Iterable[int] = (), locations: Iterable[int] = (), bulk: Iterable[str] = ()) -> None:
    """Record changes the flush listener cannot see (raw SQL on the session's connection)."""
    c = _collector(session)
    c.areas.update(areas)
    c.volumes.update(volumes)
    c.items.update(items)
    c.loans.update(loans)
    c.locations.update(locations)
    c.bulk.update(bulk)
    c.areas.update(bulk)


def _note(c: _Collector, obj: object, *, new: bool) -> None:
    table = getattr(getattr(obj, "__table__", None), "name", "")
    area = TABLE_AREAS.get(table)
    if area is not None:
        c.areas.add(area)
    oid = getattr(obj, "id", None)
    if table == "volumes" and oid is not None:
        c.volumes.add(oid)
        if new:
            c.new_volumes.add(oid)
    elif table == "items" and oid is not None:
        c.items.add(oid)
    elif table == "loans" and oid is not None:
        c.loans.add(oid)
    elif table == "layers" and oid is not None:
        c.locations.add(oid)
    if table != "volumes":
        vid = getattr(obj, "volume_id", None)  # an item, a loan line, a move, a scan … of a volume
        if isinstance(vid, int):
            c.volumes.add(vid)
    if table == "loan_lines":
        loan_id = getattr(obj, "loan_id", None)
        if isinstance(loan_id, int):
            c.loans.add(loan_id)
    if table == "volumes":
        layer_id = getattr(obj, "layer_id", None)
        if isinstance(layer_id, int):
            c.locations.add(layer_id)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    c = _collector(session)
    for obj in session.new:
        _note(c, obj, new=True)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(c, obj, new=False)
    for obj in session.deleted:
        _note(c, obj, new=False)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    table = getattr(getattr(mapper, "local_table", None), "name", "") if mapper is not None else ""
    area = TABLE_AREAS.get(table)
    if area is not None:
        c = _collector(state.session)
        c.areas.add(area)
        c.bulk.add(area)


# ------------------------------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class Operation:
    """One operation that writes: its stable name, the area it changes, and the service function."""

    name: str
    area: str
    function: str  # module.qualname


#: every registered operation by name
OPERATIONS: dict[str, Operation] = {}

F = TypeVar("F", bound=Callable[..., Any])


def operation(name: str, *, area: str) -> Callable[[F], F]:
    """Register a service function that writes. When its first argument is the write session, the session records,
    when it returns, that ``area`` changed and that ``name`` ran."""

    def decorate(fn: F) -> F:
        qualname = f"{fn.__module__}.{fn.__qualname__}"
        known = OPERATIONS.get(name)
        if known is not None and known.function != qualname:
            raise ValueError(f"operation {name!r} registered twice: {known.function} and {qualname}")
        OPERATIONS[name] = Operation(name, area, qualname)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            session = args[0] if args else kwargs.get("session")
            actor = _actor_of(args, kwargs)
            if not isinstance(session, Session):  # (operations on a whole catalogue or file take no session)
                if actor is not None:
                    _require(actor, name, None, args[0] if args else kwargs.get("db"))
                return fn(*args, **kwargs)
            c = _collector(session)
            if actor is not None and c.depth == 0:  # the operation asked for decides, not the ones it is made of
                _require(actor, name, session, None)
            c.depth += 1
            try:
                result = fn(*args, **kwargs)
            finally:
                c.depth -= 1
            c.areas.add(area)
            if c.depth == 0:  # the operation asked for, not the ones it is made of
                c.operations.append(name)
            return result

        wrapper.operation = OPERATIONS[name]  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _actor_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Actor | None:
    """The Actor among a call's arguments (services take ``session, actor, …``), or None."""
    found = kwargs.get("actor")
    if isinstance(found, Actor):
        return found
    for arg in args[:3]:
        if isinstance(arg, Actor):
            return arg
    return None


def _require(actor: Actor, name: str, session: Session | None, db: Any) -> None:
    """The permission check of the write path (services/permissions.py). A refusal is recorded in the trail in a
    transaction of its own: after the write session's transaction ends (its rollback must not drop the entry,
    and on SQLite that session may hold the write lock), or at once when the operation has no session."""
    from archive_desk.services import permissions  # noqa: PLC0415 - permissions imports this module

    if actor.role is None:  # a catalogue without accounts: everything is allowed
        return
    try:
        permissions.require(actor, name)
    except permissions.PermissionDeniedError:
        refusal: Refusal = (actor, name, {})
        if session is not None:
            session.info.setdefault(_REFUSALS_KEY, []).append(refusal)
        elif hasattr(db, "write") and not getattr(db, "read_only", True):
            with db.write() as own:
                _record_refusals(own, [refusal])
        raise


def check(session: Session, actor: Actor, action: str) -> None:
    """A finer check inside an operation (which settings a change touches, a volume's 密级): refused and recorded
    in the trail like the operation itself."""
    _require(actor, action, session, None)


def refuse(session: Session, actor: Actor, action: str, detail: dict[str, Any]) -> None:
    """Record in the trail a refusal decided inside an operation for a reason other than the role (a volume above the
    actor's clearance: ``detail`` says which and why), like the role's: after the write session's transaction ends.
    The caller raises the error the person reads."""
    if actor.role is None:  # (nobody to name: a catalogue without accounts refuses nothing for a clearance)
        return
    session.info.setdefault(_REFUSALS_KEY, []).append((actor, action, dict(detail)))


_REFUSALS_KEY = "archive_desk.refusals"

#: a refusal to record: the actor, the operation, and what else the trail says about it
Refusal = tuple[Actor, str, dict[str, Any]]


def _record_refusals(session: Session, refusals: list[Refusal]) -> None:
    from archive_desk.services import audit  # noqa: PLC0415

    for actor, name, detail in refusals:
        audit.record(session, actor, "permission.refused", "operation", None, None,
                     {"operation": name, "role": actor.role, **detail})


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is not None or _REFUSALS_KEY not in session.info:
        return
    refusals = session.info.pop(_REFUSALS_KEY)
    bind = session.get_bind()
    with Session(bind, expire_on_commit=False) as own, own.begin():
        _record_refusals(own, refusals)
        if own.connection().dialect.name == "postgresql":
            from archive_desk.services import audit  # noqa: PLC0415

            audit.append_pending(own)


def operations() -> list[Operation]:
    """Every registered operation (import the service modules first: registering happens at import)."""
    return sorted(OPERATIONS.values(), key=lambda op: op.name)
