"""The volume list behind the big table: id snapshots sorted and filtered in SQL, rows fetched in blocks.

A snapshot is the ordered list of matching volume ids (``array('q')``, 8 bytes a row: 8 MB for a
million), built off the GUI thread; the table then fetches only the rows it paints, a block at a time,
by ``id IN (...)`` through SQLAlchemy Core (architecture.md: ORM entities cost 3–4× Core for pages).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, case, literal, select
from sqlalchemy.orm import Session

from archive_desk.models import Category, Fonds, Layer, Volume, VolumeStatus
from archive_desk.models.base import table_of
from archive_desk.services import reading

V = table_of(Volume)
L = Layer.__table__
C = Category.__table__
F = Fonds.__table__

#: columns the list can show, in display order: key -> SQL expression
LIST_COLUMNS: dict[str, Any] = {
    "code": V.c.code,
    "title": V.c.title,
    "year": V.c.year,
    "retention": V.c.retention,
    "security": V.c.security,
    "pages": V.c.pages,
    "item_count": V.c.item_count,
    "status": V.c.status,
    "location": L.c.code,
    "fonds": F.c.code,
    "category": C.c.code,
    "responsible": V.c.responsible,
    "barcode": V.c.barcode,
}

#: sort keys -> expression; with a filter, text keys are sorted as ``col || ''`` so SQLite does not walk
#: the column's index (architecture.md: 2 s → 0.3 s on a million rows)
SORT_KEYS: dict[str, Any] = {
    "code": V.c.code,
    "title": V.c.title,
    "year": V.c.year,
    "retention": V.c.retention,
    "security": V.c.security,
    "pages": V.c.pages,
    "item_count": V.c.item_count,
    "status": V.c.status,
    "location": V.c.layer_id,
    "fonds": V.c.fonds_id,
    "category": V.c.category_id,
    "responsible": V.c.responsible,
    "barcode": V.c.barcode,
}


@dataclass(frozen=True)
class VolumeFilter:
    """Conditions of the volume list (all optional; empty means everything but void volumes)."""

    fonds_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    retentions: tuple[str, ...] = ()
    securities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    layer_ids: tuple[int, ...] = ()
    rack_id: int | None = None
    room_id: int | None = None
    unshelved: bool = False
    #: custom field key -> text the value must contain
    custom: tuple[tuple[str, str], ...] = ()
    #: restrict to these ids (e.g. search results); None = no restriction
    ids: tuple[int, ...] | None = None
    include_void: bool = False
    extra: tuple[Any, ...] = field(default=())  # further SQL conditions built by other services


def apply_filter(stmt: Select, flt: VolumeFilter) -> Select:
    if flt.fonds_ids:
        stmt = stmt.where(V.c.fonds_id.in_(flt.fonds_ids))
    if flt.category_ids:
        stmt = stmt.where(V.c.category_id.in_(flt.category_ids))
    if flt.year_from is not None:
        stmt = stmt.where(V.c.year >= flt.year_from)
    if flt.year_to is not None:
        stmt = stmt.where(V.c.year <= flt.year_to)
    if flt.retentions:
        stmt = stmt.where(V.c.retention.in_(flt.retentions))
    if flt.securities:
        stmt = stmt.where(V.c.security.in_(flt.securities))
    if flt.statuses:
        stmt = stmt.where(V.c.status.in_(flt.statuses))
    elif not flt.include_void:
        stmt = stmt.where(V.c.status != VolumeStatus.VOID)
    if flt.layer_ids:
        stmt = stmt.where(V.c.layer_id.in_(flt.layer_ids))
    if flt.rack_id is not None or flt.room_id is not None:
        from archive_desk.models import Rack

        layer_q = select(L.c.id).join(Rack.__table__, Rack.__table__.c.id == L.c.rack_id)
        if flt.rack_id is not None:
            layer_q = layer_q.where(L.c.rack_id == flt.rack_id)
        if flt.room_id is not None:
            layer_q = layer_q.where(Rack.__table__.c.room_id == flt.room_id)
        stmt = stmt.where(V.c.layer_id.in_(layer_q))
    if flt.unshelved:
        stmt = stmt.where(V.c.layer_id.is_(None))
    for key, text in flt.custom:
        stmt = stmt.where(V.c.custom[key].as_string().contains(text, autoescape=True))
    if flt.ids is not None:
        stmt = stmt.where(V.c.id.in_(flt.ids))
    for cond in flt.extra:
        stmt = stmt.where(cond)
    return stmt


_LEVEL_CONDITIONS: dict[tuple[str, ...], ColumnElement[bool]] = {}


def level_condition(levels: tuple[str, ...]) -> ColumnElement[bool]:
    """``volumes.security IN (levels)``, one object per clearance (statements built with it stay cached)."""
    cond = _LEVEL_CONDITIONS.get(levels)
    if cond is None:
        cond = _LEVEL_CONDITIONS[levels] = V.c.security.in_(levels)
    return cond


def snapshot_ids(session: Session, flt: VolumeFilter = VolumeFilter(), sort: str = "code", descending: bool = False,
                 should_cancel: Callable[[], bool] | None = None, viewer: Any = None) -> array:
    """Ordered ids of the volumes matching ``flt``. For a ``viewer`` with a clearance (services/masking.py) the
    hidden text of a volume above it neither matches a filter on the category's own fields nor orders the list
    by title (those volumes sort as their masked title does)."""
    from archive_desk.services import masking  # noqa: PLC0415

    levels = masking.visible_levels(viewer)
    if levels is not None and flt.custom:
        flt = replace(flt, extra=(*flt.extra, level_condition(levels)))
    if levels is not None and sort == "title":
        return _snapshot(session, flt, case((level_condition(levels), V.c.title), else_=literal(masking.mask_text())),
                         descending, should_cancel)
    if flt == VolumeFilter() and sort in ("code", "barcode") and session.get_bind().dialect.name == "sqlite":
        return _default_snapshot(session, sort, descending, should_cancel)
    key = SORT_KEYS.get(sort, V.c.code)
    filtered = flt != VolumeFilter()
    if filtered and key is not None and key.type.python_type is str:
        key = key.concat("")  # `code || ''`: same order, but SQLite no longer walks the index (see SORT_KEYS)
    return _snapshot(session, flt, key, descending, should_cancel)


def _snapshot(session: Session, flt: VolumeFilter, key: Any, descending: bool,
              should_cancel: Callable[[], bool] | None) -> array:
    order = key.desc() if descending else key.asc()
    stmt = apply_filter(select(V.c.id), flt).order_by(order, V.c.id.desc() if descending else V.c.id)
    out = array("q")
    result = session.execute(stmt).scalars()
    for chunk in iter(lambda: list(_take(result, 50_000)), []):
        out.extend(chunk)
        if should_cancel is not None and should_cancel():
            break
    return out


def _default_snapshot(session: Session, sort: str, descending: bool,
                      should_cancel: Callable[[], bool] | None) -> array:
    """Everything but void volumes in 档号 (or barcode) order: a covering scan of the unique index, with
    the few void ids (from the status index) taken out in Python. Filtering ``status != 'void'`` in SQL
    instead makes SQLite visit every row of the table from the index: 4× slower at a million."""
    raw = cast(sqlite3.Connection, session.connection().connection.dbapi_connection)  # only on SQLite
    void = {row[0] for row in raw.execute("SELECT id FROM volumes WHERE status = ?", (str(VolumeStatus.VOID),))}
    order = "DESC" if descending else "ASC"
    cur = raw.execute(f"SELECT id FROM volumes ORDER BY {sort} {order}")  # noqa: S608 - sort is one of two names
    out = array("q")
    while rows := cur.fetchmany(100_000):
        out.extend(r[0] for r in rows if r[0] not in void) if void else out.extend(r[0] for r in rows)
        if should_cancel is not None and should_cancel():
            break
    cur.close()
    return out


def _take(it, n: int):  # noqa: ANN001, ANN202
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


def row_query(columns: Sequence[str]) -> Select:
    cols = [V.c.id] + [LIST_COLUMNS[c].label(c) for c in columns]
    return (
        select(*cols)
        .select_from(V.outerjoin(L, L.c.id == V.c.layer_id).join(F, F.c.id == V.c.fonds_id).join(C, C.c.id == V.c.category_id))
    )


#: SQLite: the row query's SQL up to its WHERE, per column list (None: some column needs SQLAlchemy's
#: result processing, so the block goes through Core)
_RAW_ROW_SQL: dict[tuple[str, tuple[str, ...]], str | None] = {}
#: at most this many ids in one ``IN (...)`` (SQLite's limit on bound values is far above)
_RAW_IN_MAX = 999


def _raw_row_sql(session: Session, columns: tuple[str, ...]) -> str | None:
    dialect = session.get_bind().dialect
    key = (dialect.name, columns)  # one process may hold a SQLite and a PostgreSQL catalogue
    sql = _RAW_ROW_SQL.get(key, "")
    if sql == "":
        stmt = row_query(columns)
        plain = dialect.name == "sqlite" and all(
            col.type.result_processor(dialect, None) is None for col in stmt.selected_columns)
        sql = _RAW_ROW_SQL[key] = str(stmt.compile(dialect=dialect)) + f" WHERE {V.name}.id IN " if plain else None
    return sql


def fetch_rows(session: Session, ids: Sequence[int], columns: Sequence[str], viewer: Any = None) -> dict[int, tuple]:
    """:func:`fetch_raw_rows` as ``viewer`` (an ``audit.Actor``; None = no accounts) may see them: the title of a
    volume above their clearance masked (services/masking.py); the 档号 and the other columns stay."""
    from archive_desk.services import masking  # noqa: PLC0415

    if masking.visible_levels(viewer) is None or "title" not in columns:
        return fetch_raw_rows(session, ids, columns)
    cols = tuple(columns)
    extra = "security" not in cols
    rows = fetch_raw_rows(session, ids, (*cols, "security") if extra else cols)
    t_col, s_col = cols.index("title"), (len(cols) if extra else cols.index("security"))
    out: dict[int, tuple] = {}
    for vid, row in rows.items():
        if masking.above_clearance(viewer, row[s_col]):
            row = (*row[:t_col], masking.mask_text(), *row[t_col + 1:])
        out[vid] = row[:len(cols)]
    return out


def fetch_raw_rows(session: Session, ids: Sequence[int], columns: Sequence[str]) -> dict[int, tuple]:
    """The listed columns of the given volumes, keyed by id (order is the caller's).

    On SQLite the statement (compiled once per column list) runs on the session's own DBAPI connection,
    inside its transaction: a block of 256 rows then takes about half the time it takes through Core,
    whose per-execute work (cache key, expanding the IN list, result rows) costs as much as the lookup
    itself. Every column here is plain text or a number, so the rows are the same either way.

    The ``status`` column is the status a person sees: 阅览中 (``reading.READING``) for a volume in the
    reading room, one more query on the open lines only (filtering and sorting still use the stored status)."""
    if not ids:
        return {}
    rows = _fetch_rows(session, ids, columns)
    if "status" in columns:  # 阅览中 (services/reading.py): 在库 volumes with an open consultation
        at = list(columns).index("status")
        shown = reading.display_statuses(session, {vid: row[at] for vid, row in rows.items()})
        for vid, status in shown.items():
            if status != rows[vid][at]:
                rows[vid] = (*rows[vid][:at], status, *rows[vid][at + 1:])
    return rows


def _fetch_rows(session: Session, ids: Sequence[int], columns: Sequence[str]) -> dict[int, tuple]:
    head = _raw_row_sql(session, tuple(columns))
    if head is not None:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None  # noqa: S101 - narrows the type; the code guarantees it
        wanted = list(ids)
        out: dict[int, tuple] = {}
        for i in range(0, len(wanted), _RAW_IN_MAX):
            chunk = wanted[i : i + _RAW_IN_MAX]
            for row in raw.execute(head + "(" + ",".join("?" * len(chunk)) + ")", chunk):
                out[row[0]] = row[1:]
        return out
    rows = session.execute(row_query(columns).where(V.c.id.in_(list(ids)))).all()
    return {row[0]: tuple(row[1:]) for row in rows}
