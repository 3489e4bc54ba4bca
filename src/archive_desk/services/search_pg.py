"""Helpers of the PostgreSQL search (services/search.py ``PostgresSearchBackend``): the pieces a word is looked up
by, the title tier read along the postings of ``search_grams`` in volume order (:func:`title_statement`), and the items
tier read along those of ``search_item_grams`` in item order (:func:`items_statement`), or, for words of one
character only, in windows of item ids:

Matching items are wanted in id order, the first of each volume not listed yet, until the page is full or a
number of matches were looked at. One statement ``ORDER BY id LIMIT n`` over every item lets the server either
walk the items in id order (slow for a rare word: every item read) or take every match from an index and sort
them (slow for a common one). Item ids are taken in windows instead, the first :data:`ITEM_WINDOW` ids wide, each
next one up to :data:`ITEM_GROWTH` times as wide (less when the last one held matches: as wide as the rest of the
batch needs at that density): a common word fills the page from the first windows, a rare one is found by the
index in a few wide ones, and no statement walks or sorts more than its window holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (Integer, Select, String, any_, bindparam, column, func, literal, literal_column, or_, select, table, true,
                        union)

from archive_desk.db import postgresql
from archive_desk.models import Item, Volume
from archive_desk.services.volume_list import VolumeFilter, apply_filter

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

#: the first window of item ids, and how many times wider each next one may be
ITEM_WINDOW = 4096
ITEM_GROWTH = 8

Rows = Sequence[Sequence[Any]]

V = Volume.__table__
I = Item.__table__  # noqa: E741
GRAMS = table("search_grams", column("gram", String), column("volume_id", Integer))
#: two-character pieces of the items' titles beside the item's id (migration 0015, db/postgresql.py ITEM_GRAMS_DDL)
ITEM_GRAMS = table("search_item_grams", column("gram", String), column("item_id", Integer))
PINYIN = table("search_pinyin", column("volume_id", Integer), column("initials", String))
#: mark of the pinyin initials' pieces in ``search_grams`` (a term never holds it: it is whitespace to the parser)
PINYIN_MARK = chr(postgresql.PINYIN_GRAM_MARK)
#: terms up to this many characters are looked up in ``search_grams`` whole (pg_trgm needs three)
GRAM_MAX = 2

#: the pieces of a volume's other fields (db/postgresql.py REST_TEXT), as its GIN index has them (migration 0014)
REST_PIECES = func.search_pieces(literal_column(
    "lower(volumes.code) || ' ' || volumes.responsible || ' ' || volumes.notes || ' ' || CAST(volumes.custom AS text)"))


def gram_pieces(term: str) -> list[str]:
    """Up to four distinct two-character pieces of a word of 3+ characters, spread over it (first and last kept)."""
    pieces = list(dict.fromkeys(term[k : k + 2] for k in range(len(term) - 1)))
    if len(pieces) > 4:
        pieces = [pieces[round(k * (len(pieces) - 1) / 3)] for k in range(4)]
    return pieces


def walk(fetch: Callable[[int, int, int], Rows], take: Callable[[Rows], int], top: int, *,
         windowed: bool, cap: int) -> bool:
    """``fetch(after, upto, n)``: the first ``n`` matching items with ``after < id <= upto``, in id order, the item's id
    second in each row; ``take(rows)``: lists them, returns how many hits the page still wants; ``top``: the highest
    item id. Not ``windowed``: one window of every item. True when ``cap`` matches were looked at (the list was cut)."""
    after, span, scanned, wanted = 0, ITEM_WINDOW if windowed else top, 0, take(())
    while wanted > 0 and scanned < cap and after < top:
        batch = max(4 * wanted, 64)
        upto = min(after + span, top)
        rows = fetch(after, upto, batch)
        wanted = take(rows)
        scanned += len(rows)
        if len(rows) >= batch:  # the window holds more: go on inside it
            after = rows[-1][1]
        else:  # wide enough for what is still wanted at the density seen (a plan may sort a whole window)
            after = upto
            span *= ITEM_GROWTH if not rows else max(2, min(ITEM_GROWTH, 2 * (batch - len(rows)) // len(rows) + 1))
    return scanned >= cap


def like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def driver(terms: Sequence[str]) -> int:
    """The word whose pieces the title tier is read by: the longest (fewer volumes hold all its pieces), the first of
    equals."""
    return max(range(len(terms)), key=lambda i: (len(terms[i]), -i))


def term_holds(i: int, term: str) -> ColumnElement[bool]:
    """Word ``i`` is in the volume's title or (an ASCII word) its pinyin initials: checked on each volume read."""
    held = V.c.title.ilike(bindparam(f"l{i}", like(term)), escape="\\")
    if not term.isascii():  # initials are ASCII letters: another word never matches them
        return held
    in_initials = select(literal(1)).where(PINYIN.c.volume_id == V.c.id,
                                           PINYIN.c.initials.like(bindparam(f"l{i}", like(term)), escape="\\"))
    return or_(held, in_initials.exists())


def posting_streams(i: int, term: str) -> list[Select]:
    """The ids of the volumes holding every piece of word ``i`` in their title (and, for an ASCII word, in its initials:
    the marked pieces), in volume order: a merge join of ``search_grams`` read along its primary key (gram,
    volume_id), which a LIMIT stops as soon as it has enough."""
    names = [f"t{i}"] if len(term) <= GRAM_MAX else [f"g{i}_{k}" for k in range(len(gram_pieces(term)))]
    streams = []
    for s, mark in enumerate(["", PINYIN_MARK] if term.isascii() else [""]):
        pieces = [GRAMS.alias(f"s{i}_{s}_{k}") for k in range(len(names))]
        stmt = select(pieces[0].c.volume_id.label("id"))
        for k, (piece, name) in enumerate(zip(pieces, names, strict=True)):
            if k:
                stmt = stmt.join(piece, piece.c.volume_id == pieces[0].c.volume_id)
            value = func.lower(bindparam(name, type_=String))
            stmt = stmt.where(piece.c.gram == (literal(mark).concat(value) if mark else value))
        streams.append(stmt)
    return streams


def title_statement(terms: Sequence[str], flt: VolumeFilter, levels: tuple[str, ...] | None) -> Select:
    """The title tier: the first ``n`` volumes in id (档号) order whose title or initials hold every word, read along
    the postings of one word (:func:`driver`; its title pieces and its initials' pieces, two streams for an ASCII
    word), every word checked on each volume read, each stream stopped by its LIMIT: the work grows with ``n``, not
    with how many volumes match (issue #17: ``lpaj`` gathered all 45,000 matches at 100,000 volumes)."""
    d = driver(terms)
    branches = []
    for stream in posting_streams(d, terms[d]):
        ids = stream.subquery()
        # each posting's volume looked up by its key (a LATERAL the planner may not flatten: OFFSET 0), never a
        # merge join that walks volumes from id 1 up to the word's first posting (理赔案卷 at 1,000,000 volumes:
        # 550,000 rows read and thrown away, 700 ms)
        vol = select(V.c.id, V.c.code, V.c.title, V.c.status).where(V.c.id == ids.c.id)
        vol = vol.where(*(term_holds(i, term) for i, term in enumerate(terms)))
        if levels is not None:  # hidden text is not searchable by who may not read it
            vol = vol.where(V.c.security.in_(levels))
        found = apply_filter(vol, flt).offset(0).lateral("v")
        stmt = select(*found.c).select_from(ids.join(found, true())).order_by(ids.c.id).limit(bindparam("n"))
        branches.append(stmt.subquery())
    if len(branches) == 1:
        return select(*branches[0].c).order_by(branches[0].c.id).limit(bindparam("n"))
    merged = union(*(select(*b.c) for b in branches)).subquery()
    return select(*merged.c).order_by(merged.c.id).limit(bindparam("n"))


def item_driver(terms: Sequence[str]) -> int | None:
    """The word whose postings in ``search_item_grams`` the items tier is read along (:func:`driver`), or None when
    every word is one character (the table holds two-character pieces: the pieces index of 0014 serves those)."""
    d = driver(terms)
    return d if len(terms[d]) >= GRAM_MAX else None


def item_postings(i: int, term: str) -> Select:
    """The first ``n`` ids after ``after`` of the items holding every two-character piece of word ``i`` in their title, in
    item order: a merge join of ``search_item_grams`` along its primary key (gram, item_id), which the LIMIT stops.
    The postings alone: joined to the items in the same statement, the planner, which takes a word's pieces for
    independent and so expects few items to hold them all, gathered every match from the trigram index and sorted
    them (278 ms at 100,000 volumes); on their own the ordered streams are the one cheap plan."""
    names = [f"t{i}"] if len(term) <= GRAM_MAX else [f"g{i}_{k}" for k in range(len(gram_pieces(term)))]
    pieces = [ITEM_GRAMS.alias(f"ig{k}") for k in range(len(names))]
    stmt = select(pieces[0].c.item_id)
    for k, (piece, name) in enumerate(zip(pieces, names, strict=True)):
        if k:
            stmt = stmt.join(piece, piece.c.item_id == pieces[0].c.item_id)
        stmt = stmt.where(piece.c.gram == func.lower(bindparam(name, type_=String)), piece.c.item_id > bindparam("after"))
    return stmt.order_by(pieces[0].c.item_id).limit(bindparam("n"))


def items_statement(terms: Sequence[str], flt: VolumeFilter, levels: tuple[str, ...] | None) -> Select:
    """The items tier: those of the bound ``ids`` (read from one word's postings, :func:`item_postings`; see
    :func:`fetch_items`) whose title holds every word, with their volume, in id order: the work grows with the page,
    not with how many items match (issue #17: 查勘报告 gathered all 24,762 matching items at 100,000 volumes before
    the first page). When every word is one character (no :func:`item_driver`): the first ``n`` items in a window of
    item ids (after ``after``, up to ``upto``: :func:`walk`), which the pieces index of 0014 serves."""
    from sqlalchemy.dialects.postgresql import ARRAY, array as pg_array  # noqa: PLC0415 - a SQLite start loads no PG dialect
    cols = (I.c.volume_id, I.c.id, I.c.seq, I.c.title, V.c.title.label("vtitle"), V.c.code, V.c.status)
    conds: list[ColumnElement[bool]] = [I.c.removed.is_(False), *(I.c.title.ilike(bindparam(f"l{i}", like(t)), escape="\\") for i, t in enumerate(terms))]
    if levels is not None:  # hidden text is not searchable by who may not read it
        conds.append(V.c.security.in_(levels))
    if item_driver(terms) is not None:  # the items of ids read from their postings (:func:`item_postings`)
        stmt = select(*cols).select_from(I.join(V, V.c.id == I.c.volume_id))
        stmt = stmt.where(I.c.id == any_(bindparam("ids", type_=ARRAY(Integer))), *conds)
        return apply_filter(stmt, flt).order_by(I.c.id)
    # one window of item ids at a time, its bounds in the SQL: planned for its size
    conds += [I.c.id > bindparam("after", literal_execute=True), I.c.id <= bindparam("upto", literal_execute=True),
              *(func.search_pieces(I.c.title).op("@>")(pg_array([func.lower(bindparam(f"t{i}", t))])) for i, t in enumerate(terms))]
    stmt = select(*cols).select_from(I.join(V, V.c.id == I.c.volume_id)).where(*conds)
    return apply_filter(stmt, flt).order_by(I.c.id).limit(bindparam("n"))


def fetch_items(postings: Callable[[int, int], Sequence[int]], check: Callable[[Sequence[int]], Rows],
                after: int, n: int) -> Rows:
    """The first ``n`` matching items after ``after`` (:func:`walk`'s ``fetch``), from batches of ids read along the
    postings (``postings(after, m)``: :func:`item_postings`) and checked (``check(ids)``: :func:`items_statement`);
    a batch four times as large after one that held too few (the volume filter or a clearance rejects most)."""
    rows: list[Sequence[Any]] = []
    m = n
    while len(rows) < n:
        ids = postings(after, m)
        found = check(ids) if ids else ()
        rows.extend(found[: n - len(rows)])
        if len(ids) < m:
            break
        after = ids[-1]
        if 2 * len(found) < len(ids):
            m = min(4 * m, 65_536)
    return rows
