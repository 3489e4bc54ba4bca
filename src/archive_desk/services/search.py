"""Search: one box that finds volumes by 档号 fragment, barcode, words of any length, pinyin initials and
words in their items' titles.

The search sits behind :class:`SearchBackend` so that a PostgreSQL catalogue can use its own index:

- :class:`SqliteFtsBackend` — FTS5 tables over pre-tokenised text (character bigrams and single
  characters, pinyin-initial trigrams, 档号 elements; see ``archive_desk/db/fts.py``), kept in step by
  triggers inside the same transaction as the change;
- :class:`PostgresSearchBackend` — ``ILIKE`` over the same fields, served by pg_trgm GIN indexes (its
  ``ddl()``), with the pinyin initials in a side table. Its statements are compiled for the postgresql
  dialect in the unit tests, and ``tests/integration/test_search_postgres.py`` runs it against a real
  PostgreSQL 15 server when ``ARCHIVE_DESK_TEST_PG_URL`` is set (opt-in; not in the default run). Its
  speed on a large catalogue has not been measured.

Ranking, the same in both: an exact 档号 or barcode first, then 档号 prefix and fragment matches (in
code order), then title matches (title words or pinyin initials; ranked by a BM25-style score), then matches in
the other fields (responsible, notes, the category's own fields), then volumes found through one of
their items (the hit names the item).

Several words are all required (``张伟 火灾``). For very common terms only the first
:data:`RANK_WINDOW` matches (in 档号 order) are ranked, so that a one-character query over a million
volumes still answers in milliseconds; the hit list says when it was cut.

Why not FTS5's own ``bm25()``: before scoring the first row it counts every row matching each phrase
(for its IDF), 300 ms for ``理赔案卷`` over a million titles however small the window. Every candidate
matches every term (all words are required), so the IDF factor is the same for all of them; what orders
them is term frequency against field length, which :func:`title_score` computes on the window's titles
(:func:`rank_titles` for a whole window at once).
A complete 档号 or barcode that matches exactly is the whole answer (it names one volume).
"""

from __future__ import annotations

import dataclasses
import heapq
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import methodcaller
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import (Integer, Select, String, Text, and_, bindparam, cast, column, func, literal, literal_column, or_, select,
                        table, text, union)
from sqlalchemy.orm import Session

from archive_desk.db import fts, postgresql
from archive_desk.models import Item, Volume
from archive_desk.services import codes, masking, reading, search_pg
from archive_desk.services.audit import Actor
from archive_desk.services.volume_list import VolumeFilter, apply_filter, level_condition
from archive_desk.services.ops import CATALOGUE, operation

if TYPE_CHECKING:
    from sqlalchemy import BindParameter, ColumnElement
    from sqlalchemy.dialects.postgresql import Insert

V = Volume.__table__
I = Item.__table__  # noqa: E741

#: at most this many matches of one FTS query are ranked (the first ones in id, i.e. 档号, order)
RANK_WINDOW = 1000
#: a search's matches are counted up to this many; past it the total is "more than" this
COUNT_CAP = 10_000

Progress = Callable[[int, int], None]

TIER_EXACT, TIER_CODE, TIER_TITLE, TIER_FIELDS, TIER_ITEM = range(5)


@dataclass(frozen=True)
class SearchHit:
    volume_id: int
    code: str
    title: str
    status: str
    #: 0 exact 档号/barcode, 1 档号 prefix or fragment, 2 title, 3 other fields, 4 an item's title
    tier: int
    #: order inside the tier (lower is better)
    score: float = 0.0
    #: "barcode", "code", "title", "fields" or "item"
    matched: str = "title"
    item_id: int | None = None
    item_seq: int | None = None
    item_title: str | None = None


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    #: True when some tier had more matches than were looked at (refine the search)
    truncated: bool = False


# ---------------------------------------------------------------- query parsing (shared)

_CODE_LIKE = re.compile(r"^[0-9a-z]+(?:[-.·][0-9a-z]*)*$")
_DOTS = dict.fromkeys(map(ord, "\u2022\u2027\u2219\u30fb\uff65\u22c5\u0387"), "·")


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    terms: tuple[str, ...]
    #: the whole query as a scanned barcode payload / canonical 档号, when it could be one
    barcode: str | None = None
    code: str | None = None
    #: terms that look like 档号 fragments (2019-D30, 0123, LP.2019)
    code_terms: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms



def pg_array(items: list[ColumnElement[str]]) -> ColumnElement[list[str]]:
    """A PostgreSQL ARRAY[...] (imported when a PostgreSQL search is built: a SQLite start loads no PG dialect)."""
    from sqlalchemy.dialects.postgresql import array  # noqa: PLC0415

    built: ColumnElement[list[str]] = array(items)  # type: ignore[arg-type]  # (stubs want literal lists)
    return built

def parse_query(query: str) -> ParsedQuery:
    raw = unicodedata.normalize("NFKC", query or "").translate(_DOTS).strip()
    terms = tuple(t for t in re.split(r"\s+", raw.casefold()) if t and fts.segments(t))
    barcode = code = None
    code_terms: tuple[str, ...] = ()
    if len(terms) == 1 and _CODE_LIKE.match(terms[0]):
        barcode = codes.normalize_scan(raw)
        code = codes.canonical_code(raw)
    code_terms = tuple(t for t in terms if _CODE_LIKE.match(t) and any(ch.isdigit() for ch in t))
    return ParsedQuery(raw, terms, barcode, code, code_terms)


def _q(tokens: Iterable[str]) -> str:
    return '"' + " ".join(tokens) + '"'


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def _term_expr(term: str, *, title_only: bool) -> str | None:
    """FTS5 expression for one term over the volume index's columns (every segment required)."""
    parts: list[str] = []
    words = [run for han, run in fts.segments(term) if not han]
    if _CODE_LIKE.match(term) and len(words) > 1:  # a 档号 fragment: 2019-D30
        return None if title_only else f"code : {_q(words)}*"
    for han, run in fts.segments(term):
        if han:
            cols_bi, cols_uni = ("title", "title1") if title_only else ("title body", "title1 body1")
            if len(run) == 1:
                parts.append(f"{{{cols_uni}}} : {_q([run])}")
            else:
                parts.append(f"{{{cols_bi}}} : {_q(_bigrams(run))}")
        else:
            # a prefix of 1–3 characters would merge the lists of every token it starts (2 → 2005 … 2025);
            # short words are matched whole, longer ones as prefixes (pdaa2019 → the claim numbers)
            star = "*" if len(run) >= 4 else ""
            alts = [f"{{{'title' if title_only else 'code title body'}}} : {_q([run])}{star}"]
            if run.isascii() and run.isalpha() and len(run) >= 2:
                if len(run) == 2:
                    alts.append(f"pinyin : {_q([run])}*")
                else:
                    alts.append(f"pinyin : {_q(run[i : i + 3] for i in range(len(run) - 2))}")
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts) if parts else None


def _item_expr(term: str) -> str | None:
    """The item index keeps no positions: a longer Chinese run is the AND of its bigrams, checked
    afterwards against the title (:func:`item_checks`)."""
    parts: list[str] = []
    for han, run in fts.segments(term):
        if han:
            parts.extend(_q([bg]) for bg in _bigrams(run))
        else:
            parts.append(f"{_q([run])}*")
    return " AND ".join(parts) if parts else None


def item_checks(parsed: ParsedQuery) -> list[str]:
    """Chinese runs of 3+ characters whose bigrams must also be adjacent in the item's title or 文号."""
    return [run for term in parsed.terms for han, run in fts.segments(term) if han and len(run) >= 3]


def fts_expressions(parsed: ParsedQuery) -> dict[str, str | None]:
    """The FTS5 MATCH expressions of a query: ``code`` (档号 fragments only), ``title``, ``all`` (every
    volume column) and ``items``."""
    if parsed.empty:
        return {"code": None, "code_prefix": None, "title": None, "all": None, "items": None}

    def join(exprs: list[str | None]) -> str | None:
        if any(e is None for e in exprs) or not exprs:
            return None
        return exprs[0] if len(exprs) == 1 else " AND ".join(f"({e})" for e in exprs)

    code = code_prefix = None
    if parsed.code_terms and len(parsed.code_terms) == len(parsed.terms):
        code = join([f"code : {_q([w for h, w in fts.segments(t) if not h])}" for t in parsed.terms])
        code_prefix = join([f"code : {_q([w for h, w in fts.segments(t) if not h])}*" for t in parsed.terms])
    return {
        "code": code,
        "code_prefix": code_prefix,
        "title": join([_term_expr(t, title_only=True) for t in parsed.terms]),
        "all": join([_term_expr(t, title_only=False) for t in parsed.terms]),
        "items": join([_item_expr(t) for t in parsed.terms]),
    }


# ---------------------------------------------------------------- the interface


@runtime_checkable
class SearchBackend(Protocol):
    """What the catalogue workspace and the CLI need from a search index."""

    name: str

    def search(self, session: Session, query: str, limit: int = 50, flt: VolumeFilter | None = None, *,
               viewer: Actor | None = None) -> list[SearchHit]:
        """The best ``limit`` hits, ranked (see the module docstring); for ``viewer`` with a clearance, hidden
        text is not matched and hidden titles come masked (:func:`text_filter`, :func:`mask_hits`)."""
        ...

    def search_result(self, session: Session, query: str, limit: int = 50,
                      flt: VolumeFilter | None = None, *, viewer: Actor | None = None) -> SearchResult:
        """Like :meth:`search`, and tells whether the ranking window was cut."""
        ...

    def count_matches(self, session: Session, query: str, flt: VolumeFilter | None = None, cap: int = COUNT_CAP, *,
                      viewer: Actor | None = None) -> int:
        """Every volume the query matches (not only the listed ones), up to ``cap + 1``."""
        ...

    def index_volume_ids(self, session: Session, volume_ids: Iterable[int]) -> None:
        """Bring the index in step for these volumes, in the session's transaction (a no-op where the
        database keeps the index itself)."""
        ...

    def rebuild(self, session: Session, progress: Progress | None = None) -> None:
        """Rebuild the whole index in the session's transaction."""
        ...


class _BaseBackend:
    name = "base"

    def search(self, session: Session, query: str, limit: int = 50, flt: VolumeFilter | None = None, *,
               viewer: Actor | None = None) -> list[SearchHit]:
        return list(self.search_result(session, query, limit, flt, viewer=viewer).hits)

    def search_result(self, session: Session, query: str, limit: int = 50,
                      flt: VolumeFilter | None = None, *, viewer: Actor | None = None) -> SearchResult:  # pragma: no cover
        raise NotImplementedError

    def count_matches(self, session: Session, query: str, flt: VolumeFilter | None = None, cap: int = COUNT_CAP, *,
                      viewer: Actor | None = None) -> int:
        """How many volumes the query matches in any way the search does (all of them, not only the ranked
        ones), counted up to ``cap + 1``: a result above ``cap`` means "more than ``cap``". This generic
        form lists the hits themselves; a backend with an index counts in SQL."""
        return len(self.search_result(session, query, cap + 1, flt, viewer=viewer).hits)


_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def _cached(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """Statements are built once per filter shape and reused (SQLAlchemy then reuses their compiled form)."""
    try:
        stmt = _STATEMENTS.get(key)
    except TypeError:  # unhashable extra conditions
        return build()
    if stmt is None:
        if len(_STATEMENTS) > 256:
            _STATEMENTS.clear()
        stmt = _STATEMENTS[key] = build()
    return stmt


def text_filter(flt: VolumeFilter, viewer: Actor | None) -> VolumeFilter:
    """``flt`` for the text tiers (title, other fields, items): for a viewer with a clearance, only volumes
    within it, so that a volume whose title is hidden from them is never returned because its hidden text
    matched (masking.py). The 档号 and barcode tiers keep ``flt``: a 档号 still finds every volume. The
    condition is one object per clearance, so the statements stay cached per filter."""
    levels = masking.visible_levels(viewer)
    if levels is None:
        return flt
    return replace(flt, extra=(*flt.extra, level_condition(levels)))


def mask_hits(session: Session, hits: Sequence[SearchHit], viewer: Actor | None) -> tuple[SearchHit, ...]:
    """The hits as ``viewer`` may see them: the title and matched item of a volume above their clearance
    replaced by the mask (the 档号 stays)."""
    if masking.visible_levels(viewer) is None or not hits:
        return tuple(hits)
    ids = [h.volume_id for h in hits]
    security = dict(session.execute(select(V.c.id, V.c.security).where(V.c.id.in_(ids))).all())
    out = []
    for hit in hits:
        if masking.above_clearance(viewer, security.get(hit.volume_id)):
            hit = replace(hit, title=masking.mask_text(),
                          item_title=masking.mask_text() if hit.item_title is not None else None)
        out.append(hit)
    return tuple(out)


class _RawStatement:
    """A statement compiled once (per filter) to SQL text and run on the session's own DBAPI connection,
    inside its transaction. SQLAlchemy's per-execute work (cache key, result rows) costs more than FTS5
    takes to answer a short query, so the hot path skips it; bind processors are applied once here."""

    def __init__(self, stmt: Any, dialect: Any, runtime: dict[str, Any]) -> None:
        compiled = stmt.compile(dialect=dialect)
        state = compiled.construct_expanded_state(runtime)
        processors = getattr(compiled, "_bind_processors", {}) or {}
        self.sql = state.statement
        base: list[Any] = []
        for name, value in zip(state.positiontup or (), state.positional_parameters, strict=True):
            proc = processors.get(name)
            base.append(proc(value) if proc is not None and name not in runtime else value)
        self.base = base
        self.slots = [(i, name) for i, name in enumerate(state.positiontup or ()) if name in runtime]

    def run(self, session: Session, values: dict[str, Any]) -> list[tuple[Any, ...]]:
        params = list(self.base)
        for i, name in self.slots:
            params[i] = values[name]
        raw = session.connection().connection.dbapi_connection
        assert raw is not None  # noqa: S101 - narrows the type; the code guarantees it
        return raw.execute(self.sql, params).fetchall()


def _raw(session: Session, key: tuple[Any, ...], build: Callable[[], Any], values: dict[str, Any]) -> list[tuple[Any, ...]]:
    prepared = _cached(("raw", *key), lambda: _RawStatement(build(), session.get_bind().dialect, values))
    if not isinstance(prepared, _RawStatement):  # pragma: no cover - unhashable filter: built each time
        prepared = _RawStatement(build(), session.get_bind().dialect, values)
    return prepared.run(session, values)


def _execute(session: Session, key: tuple[Any, ...], build: Callable[[], Any], values: dict[str, Any]) -> list[Any]:
    """Run a search statement: raw on SQLite (see :class:`_RawStatement`), through SQLAlchemy elsewhere."""
    if session.get_bind().dialect.name == "sqlite":
        return _raw(session, key, build, values)
    return list(session.execute(_cached(key, build), values).all())


def _exact_and_prefix(session: Session, parsed: ParsedQuery, flt: VolumeFilter, limit: int,
                      hits: list[SearchHit], seen: set[int]) -> None:
    """Tier 0 (index equality on barcode and code) and the 档号-prefix part of tier 1 (index range)."""
    if parsed.barcode is None or parsed.code is None:
        return
    cols = (V.c.id, V.c.code, V.c.title, V.c.status, V.c.barcode)
    rows = _execute(session, ("exact", flt), lambda: apply_filter(
        select(*cols).where(or_(V.c.barcode == bindparam("b"), V.c.code == bindparam("c"))), flt),
        {"b": parsed.barcode, "c": parsed.code})
    for vid, code, title, status, barcode in rows:
        if vid not in seen:
            seen.add(vid)
            hits.append(SearchHit(vid, code, title, status, TIER_EXACT, 0.0, "barcode" if barcode == parsed.barcode else "code"))
    prefix = parsed.code
    if len(prefix) < 2 or len(hits) >= limit:
        return
    # a prefix of the 档号 (Z109-LP·2019): an index range, in code order; the column itself is compared so
    # that SQLite uses the unique index (architecture.md: never `code || ''` here)
    rows = _execute(session, ("prefix", flt), lambda: apply_filter(
        select(*cols).where(V.c.code >= bindparam("lo"), V.c.code < bindparam("hi")), flt)
        .order_by(V.c.code).limit(bindparam("n")), {"lo": prefix, "hi": prefix + "\uffff", "n": limit - len(hits) + len(seen)})
    for vid, code, title, status, _barcode in rows:
        if vid not in seen and len(hits) < limit:
            seen.add(vid)
            hits.append(SearchHit(vid, code, title, status, TIER_CODE, 0.0, "code"))


# ---------------------------------------------------------------- SQLite FTS5

_VF = table(fts.VOLUME_FTS, column("rowid", Integer))
_IF = table(fts.ITEM_FTS, column("rowid", Integer))
_V_MATCH = literal_column(fts.VOLUME_FTS).op("MATCH")(bindparam("q", type_=String))
_I_MATCH = literal_column(fts.ITEM_FTS).op("MATCH")(bindparam("q", type_=String))


def query_runs(parsed: ParsedQuery) -> tuple[str, ...]:
    return tuple(run for term in parsed.terms for _han, run in fts.segments(term))


def title_score(title: str, runs: Sequence[str]) -> float:
    """BM25's term-frequency and length part for one title (lower is better): occurrences of the query's
    pieces (Chinese runs, words) weighed against the title's length, k1 = 1.2, b = 0.75. A word not in
    the title itself matched its pinyin initials (or is the start of a longer word): it counts once."""
    folded = title if title.isascii() is False and all(not r.isascii() for r in runs) else title.casefold()
    norm = 1.2 * (0.25 + 0.75 * len(title) / 16.0)
    score = 0.0
    for run in runs:
        tf = folded.count(run) or 1
        score += tf * 2.2 / (tf + norm)
    return -score


def rank_titles(rows: Sequence[tuple[int, str]], runs: Sequence[str], best: int | None = None) -> list[tuple[float, int]]:
    """``sorted((title_score(title, runs), vid) for vid, title in rows)[:best]``: the same floats, computed
    in one pass, and only the best ones put in order. A common term ranks a window of a thousand titles
    on every search; scoring them one call at a time and sorting them all cost more than FTS5 took to
    find them."""
    vids = [row[0] for row in rows]
    titles = [row[1] for row in rows]
    lengths = list(map(len, titles))
    # title_score's length part, once per length
    norms = [1.2 * (0.25 + 0.75 * n / 16.0) for n in range(max(lengths, default=0) + 1)]
    # title_score folds case unless the title and every piece are Chinese; a Chinese piece occurs in an
    # ASCII title neither folded nor as it is, so folding matters exactly when some piece is ASCII
    absent = False
    if any(run.isascii() for run in runs):
        # one casefold over the whole window; a word matched through the pinyin initials (lpaj) is
        # usually in no title at all, and then every title counts it once
        joined = "\n".join(titles)
        folded = joined.casefold()
        absent = not any(run in folded for run in runs)
        if not absent:
            split = folded.split("\n")
            titles = split if len(split) == len(titles) else list(map(str.casefold, titles))
    if not runs:
        scores = [-0.0] * len(vids)
    elif absent:  # tf = 1 for every piece of every title: the score depends on the length alone
        by_length: dict[int, float] = {}
        for n in set(lengths):
            score = 0.0
            for _run in runs:
                score += 1 * 2.2 / (1 + norms[n])
            by_length[n] = -score
        scores = list(map(by_length.__getitem__, lengths))
    elif len(runs) == 1:
        counts = [c or 1 for c in map(methodcaller("count", runs[0]), titles)]
        scores = [-(tf * 2.2 / (tf + norms[n])) for tf, n in zip(counts, lengths, strict=True)]
    else:
        scores = []
        for title, n in zip(titles, lengths, strict=True):
            k = norms[n]
            score = 0.0
            for run in runs:
                tf = title.count(run) or 1
                score += tf * 2.2 / (tf + k)
            scores.append(-score)
    scored = zip(scores, vids, strict=True)
    if best is not None and best < len(vids):
        return heapq.nsmallest(best, scored)  # documented to equal sorted(...)[:best]
    return sorted(scored)


def warm_up() -> None:
    """Load the pinyin tables (about a second) before a title is saved: the index's triggers need them
    (a search does not: its pinyin terms are matched as they are typed)."""
    fts.pinyin_initials("预热")


class SqliteFtsBackend(_BaseBackend):
    """FTS5 over pre-tokenised text (db/fts.py); triggers keep it in step, so :meth:`index_volume_ids`
    has nothing to do."""

    name = "sqlite-fts5"

    def __init__(self, rank_window: int = RANK_WINDOW) -> None:
        self.rank_window = rank_window
        self._stmts: dict[tuple[Any, ...], Select] = {}

    # statements are built once per filter shape and reused (SQLAlchemy caches their compiled form)
    def _window_stmt(self, flt: VolumeFilter) -> Select:
        """The first ``window`` matches in 档号 (id) order, with their titles for ranking."""
        key = ("window", flt)
        stmt = self._stmts.get(key)
        if stmt is None:
            stmt = apply_filter(select(_VF.c.rowid.label("id"), V.c.title).select_from(_VF.join(V, V.c.id == _VF.c.rowid))
                                .where(_V_MATCH), flt).limit(bindparam("window"))
            self._remember(key, stmt)
        return stmt

    def _code_stmt(self, flt: VolumeFilter) -> Select:
        key = ("code", flt)
        stmt = self._stmts.get(key)
        if stmt is None:
            stmt = apply_filter(select(_VF.c.rowid.label("id"), V.c.title, V.c.code, V.c.status)
                                .select_from(_VF.join(V, V.c.id == _VF.c.rowid))
                                .where(_V_MATCH), flt).order_by(_VF.c.rowid).limit(bindparam("n"))
            self._remember(key, stmt)
        return stmt

    def count_matches(self, session: Session, query: str, flt: VolumeFilter | None = None, cap: int = COUNT_CAP, *,
                      viewer: Actor | None = None) -> int:
        """Every way the search matches (档号 range, each FTS expression over the volumes, the items), each
        branch cut at ``cap + 1`` ids, then the distinct ids counted: bounded work however common the
        term, and exact up to ``cap``."""
        flt = flt or VolumeFilter()
        text_flt = text_filter(flt, viewer)
        parsed = parse_query(query)
        if parsed.empty:
            return 0
        exprs = fts_expressions(parsed)
        n = cap + 1
        branches: list[Select] = []
        if parsed.barcode is not None and parsed.code is not None:
            exact = apply_filter(select(V.c.id).where(or_(V.c.barcode == parsed.barcode, V.c.code == parsed.code)), flt)
            found = session.execute(exact).scalars().all()
            if found:
                return len(found)  # a whole 档号 or barcode is the whole answer, as in the search
            if len(parsed.code) >= 2:
                branches.append(apply_filter(select(V.c.id).where(V.c.code >= parsed.code, V.c.code < parsed.code + "\uffff"), flt)
                                .limit(n))
        for key in ("code", "code_prefix", "title", "all"):
            if exprs[key]:
                match = literal_column(fts.VOLUME_FTS).op("MATCH")(literal(exprs[key], String))
                branches.append(apply_filter(select(_VF.c.rowid.label("id")).select_from(_VF.join(V, V.c.id == _VF.c.rowid))
                                             .where(match), flt if key.startswith("code") else text_flt).limit(n))
        if exprs["items"]:
            match = literal_column(fts.ITEM_FTS).op("MATCH")(literal(exprs["items"], String))
            stmt = (select(I.c.volume_id.label("id")).select_from(_IF.join(I, I.c.id == _IF.c.rowid).join(V, V.c.id == I.c.volume_id))
                    .where(match, I.c.removed.is_(False)))
            haystack = I.c.title.concat(" ").concat(I.c.doc_no)
            for check in item_checks(parsed):
                stmt = stmt.where(func.instr(haystack, literal(check, String)) > 0)
            branches.append(apply_filter(stmt, text_flt).limit(n))
        if not branches:
            return 0
        ids: set[int] = set()
        for stmt in branches:  # each on its own: SQLite cannot LIMIT the arms of a compound select
            ids.update(session.execute(stmt).scalars())
            if len(ids) > cap:
                break
        return min(len(ids), n)

    def _item_stmt(self, flt: VolumeFilter, n_checks: int) -> Select:
        key = ("items", flt, n_checks)
        stmt = self._stmts.get(key)
        if stmt is None:
            stmt = (select(I.c.volume_id, I.c.id, I.c.seq, I.c.title, V.c.title.label("vtitle"), V.c.code, V.c.status)
                    .select_from(_IF.join(I, I.c.id == _IF.c.rowid).join(V, V.c.id == I.c.volume_id))
                    .where(_I_MATCH, I.c.removed.is_(False), _IF.c.rowid > bindparam("after")))
            haystack = I.c.title.concat(" ").concat(I.c.doc_no)
            for k in range(n_checks):
                stmt = stmt.where(func.instr(haystack, bindparam(f"chk{k}", type_=String)) > 0)
            stmt = apply_filter(stmt, flt).order_by(_IF.c.rowid).limit(bindparam("n"))
            self._remember(key, stmt)
        return stmt

    def _remember(self, key: tuple[Any, ...], stmt: Select) -> None:
        if len(self._stmts) > 64:
            self._stmts.clear()
        try:
            self._stmts[key] = stmt
        except TypeError:  # unhashable extra conditions: build each time
            pass

    def search_result(self, session: Session, query: str, limit: int = 50,
                      flt: VolumeFilter | None = None, *, viewer: Actor | None = None) -> SearchResult:
        result = self._search_result(session, query, limit, flt or VolumeFilter(), text_filter(flt or VolumeFilter(), viewer))
        return replace(result, hits=mask_hits(session, result.hits, viewer))

    def _search_result(self, session: Session, query: str, limit: int, flt: VolumeFilter,
                       text_flt: VolumeFilter) -> SearchResult:
        parsed = parse_query(query)
        if parsed.empty or limit <= 0:
            return SearchResult(())
        exprs = fts_expressions(parsed)
        hits: list[SearchHit] = []
        seen: set[int] = set()
        truncated = False
        _exact_and_prefix(session, parsed, flt, limit, hits, seen)
        if hits and hits[0].tier == TIER_EXACT:
            return SearchResult(tuple(h for h in hits if h.tier == TIER_EXACT))
        pending: list[tuple[int, int, float, str]] = []  # (volume id, tier, score, matched) without code/title yet

        def want() -> int:
            return limit - len(hits) - len(pending)

        known: dict[int, tuple[str, str, str]] = {}  # id -> (code, title, status)
        for key in ("code", "code_prefix"):  # whole elements first; prefixes (2019-D3) only to fill up
            if exprs[key] and want() > 0:
                n = want() + len(seen)
                rows = _raw(session, ("code", flt), lambda: self._code_stmt(flt), {"q": exprs[key], "n": n})
                truncated |= len(rows) >= n
                for vid, title, code, status in rows:
                    known[vid] = (code, title, status)
                    if vid not in seen and want() > 0:
                        seen.add(vid)
                        pending.append((vid, TIER_CODE, 0.0, "code"))
        for key, tier, matched in (("title", TIER_TITLE, "title"), ("all", TIER_FIELDS, "fields")):
            expr = exprs[key]
            if not expr or want() <= 0:
                continue
            rows = _raw(session, ("window", text_flt), lambda: self._window_stmt(text_flt), {"q": expr, "window": self.rank_window})
            if len(rows) >= self.rank_window:
                truncated = True
            if tier == TIER_TITLE:
                # enough to fill the page past the ones already listed, and one more to tell it was cut
                ranked = rank_titles(rows, query_runs(parsed), want() + len(seen) + 1)
            else:
                ranked = [(0.0, row[0]) for row in rows]
            for score, vid in ranked:
                if vid in seen:
                    continue
                if want() <= 0:
                    truncated = True  # more matches than the page holds
                    break
                seen.add(vid)
                pending.append((vid, tier, score, matched))
        item_hits: dict[int, tuple[int, int, str]] = {}
        if exprs["items"] and want() > 0:
            checks = item_checks(parsed)
            params: dict[str, Any] = {"q": exprs["items"], "after": 0, "n": 0, **{f"chk{k}": c for k, c in enumerate(checks)}}
            after, scanned = 0, 0
            while want() - len(item_hits) > 0 and scanned < self.rank_window:
                batch = max(4 * (want() - len(item_hits)), 64)
                rows = _raw(session, ("items", text_flt, len(checks)), lambda: self._item_stmt(text_flt, len(checks)),
                            {**params, "after": after, "n": batch})
                for vid, iid, seq, ititle, vtitle, code, status in rows:
                    if vid not in seen and vid not in item_hits and len(item_hits) < want():
                        item_hits[vid] = (iid, seq, ititle)
                        known[vid] = (code, vtitle, status)
                scanned += len(rows)
                if len(rows) < batch:
                    break
                after = rows[-1][1]
            else:
                truncated = truncated or scanned >= self.rank_window
            for vid in item_hits:
                seen.add(vid)
                pending.append((vid, TIER_ITEM, 0.0, "item"))
        missing = [p[0] for p in pending if p[0] not in known]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            raw = session.connection().connection.dbapi_connection
            assert raw is not None  # noqa: S101 - narrows the type; the code guarantees it
            for vid, code, title, status in raw.execute(
                    f"SELECT id, code, title, status FROM volumes WHERE id IN ({','.join('?' * len(chunk))})", chunk):  # noqa: S608
                known[vid] = (code, title, status)
        for vid, tier, score, matched in pending:
            code, title, status = known[vid]
            item = item_hits.get(vid) if tier == TIER_ITEM else None
            hits.append(SearchHit(vid, code, title, status, tier, score, matched,
                                  item[0] if item else None, item[1] if item else None, item[2] if item else None))
        return SearchResult(tuple(hits[:limit]), truncated)

    def index_volume_ids(self, session: Session, volume_ids: Iterable[int]) -> None:
        """Nothing to do: the triggers of migration 0002 index every change in its own transaction."""
        del session, volume_ids

    def rebuild(self, session: Session, progress: Progress | None = None) -> None:
        raw = session.connection().connection.dbapi_connection
        assert raw is not None  # noqa: S101 - narrows the type; the code guarantees it
        fts.rebuild(raw, progress)  # type: ignore[arg-type]


def rebuild_sqlite_index(conn: sqlite3.Connection, progress: Progress | None = None) -> dict[str, int]:
    """Build the search index on a raw sqlite3 connection (the demo builder's bulk load calls this)."""
    return fts.rebuild(conn, progress)


# ---------------------------------------------------------------- PostgreSQL


PINYIN_MARK, GRAM_MAX = search_pg.PINYIN_MARK, search_pg.GRAM_MAX


_gram_pieces = search_pg.gram_pieces


@dataclass
class PostgresSearchBackend(_BaseBackend):
    """``ILIKE '%term%'`` over title, responsible, notes, the custom fields (as JSON text), the 档号 and the
    items' titles; pinyin initials live in ``search_pinyin``. Kept by :meth:`index_volume_ids`, which a
    PostgreSQL deployment calls from a session ``before_commit`` hook (:meth:`install_sync`).

    Each tier is its own query, run only while the page still has room (as on SQLite), and each word's
    candidates come from index-served queries unioned by id (issue #17 item 7; one OR over every field
    made the planner scan every volume):

    - titles, fields and 档号 fragments of 3+ characters: pg_trgm GIN indexes (``lower(code)`` for the 档号);
    - words of 1–2 characters in titles and pinyin initials: ``search_grams``, every distinct one- and
      two-character piece of each lower-cased title (and, marked by :data:`PINYIN_MARK`, of its initials),
      which pg_trgm cannot serve;
    - items: the postings of their titles' two-character pieces, ``search_item_grams`` (0015), in item order;
    - 1–2 characters in the other fields and items: GIN indexes of their pieces (``search_pieces``, 0014).

    Known limit: pg_trgm extracts trigrams only from characters the locale calls alphanumeric (use UTF-8).
    """

    name: str = "postgresql-trgm"
    rank_window: int = RANK_WINDOW
    pinyin_table: Any = field(default=None)
    grams_table: Any = field(default=None)

    def __post_init__(self) -> None:
        self.pinyin_table = table("search_pinyin", column("volume_id", Integer), column("initials", String))
        self.grams_table = table("search_grams", column("gram", String), column("volume_id", Integer))

    @staticmethod
    def ddl() -> list[str]:
        """What a PostgreSQL catalogue needs for this backend (run once by an administrator)."""
        from archive_desk.db import postgresql  # noqa: PLC0415

        return postgresql.search_ddl()

    @staticmethod
    def _like(term: str) -> str:
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

    # ------------------------------------------------------------ candidate ids of one word

    def _title_branches(self, i: int, term: str) -> list[Select]:
        """Volumes whose title (or pinyin initials) holds ``term``, as index-served queries."""
        g, p = self.grams_table, self.pinyin_table
        pinyin = term.isascii()  # initials are ASCII letters: another word never matches them
        if len(term) <= GRAM_MAX:
            grams: list[ColumnElement[str]] = [func.lower(bindparam(f"t{i}", term))]
            if pinyin:
                grams.append(literal(PINYIN_MARK).concat(func.lower(bindparam(f"t{i}", term))))
            return [select(g.c.volume_id.label("id")).where(g.c.gram.in_(grams))]
        like: BindParameter[str] = bindparam(f"l{i}", self._like(term))
        # the volumes holding the word's two-character pieces (merge joins of search_grams in volume order), then
        # the word itself checked in their titles: cheaper than trigrams or a walk of every title for a common word
        pieces = [g.alias(f"g{i}_{k}") for k in range(len(_gram_pieces(term)))]
        title_ids = select(pieces[0].c.volume_id).join(V, V.c.id == pieces[0].c.volume_id)
        for k, piece in enumerate(pieces):
            if k:
                title_ids = title_ids.join(piece, piece.c.volume_id == pieces[0].c.volume_id)
            title_ids = title_ids.where(piece.c.gram == func.lower(bindparam(f"g{i}_{k}", type_=String)))
        branches = [title_ids.where(V.c.title.ilike(like, escape="\\"))]
        if pinyin:
            branches.append(select(p.c.volume_id).where(p.c.initials.like(like, escape="\\")))
        return branches

    def _fields_ids(self, i: int, term: str) -> Any:
        """Volumes where ``term`` is anywhere: title, initials, 档号, responsible, notes, own fields."""
        like: BindParameter[str] = bindparam(f"l{i}", self._like(term))
        code_like: BindParameter[str] = bindparam(f"c{i}", self._like(codes.canonical_code(term).casefold()))
        fields = V.c.responsible.concat(" ").concat(V.c.notes).concat(" ").concat(cast(V.c.custom, Text))  # as indexed
        # one scan of volumes for the 档号 and the other fields (a BitmapOr of their trigram indexes for 3+ characters)
        match = or_(func.lower(V.c.code).like(code_like, escape="\\"), fields.ilike(like, escape="\\"))
        if len(term) <= GRAM_MAX:
            # pg_trgm cannot serve it: the pieces index (0014), the word and the start of its 档号 form
            match = and_(search_pg.REST_PIECES.op("&&")(pg_array([func.lower(bindparam(f"t{i}", term)), bindparam(f"k{i}", term)])),
                         match)
        return union(*self._title_branches(i, term), select(V.c.id).where(match))

    @staticmethod
    def _code_ids(i: int, term: str) -> Select:
        code_like: BindParameter[str] = bindparam(f"c{i}", PostgresSearchBackend._like(codes.canonical_code(term).casefold()))
        return select(V.c.id).where(func.lower(V.c.code).like(code_like, escape="\\"))

    def statements(self, parsed: ParsedQuery, flt: VolumeFilter, limit: int,
                   levels: tuple[str, ...] | None = None) -> dict[str, Select]:
        """The SQL of one search, one statement per tier (``code``, ``title``, ``fields``: the first ``n``
        matching volumes in id (档号) order; ``items``: matching items in id order after ``after``). The
        ``code`` tier only when every word is a 档号 fragment (holds a digit), as on SQLite. With ``levels`` (the
        viewer's readable 密级) the text tiers and items count only volumes of those levels; the 档号 tier all."""
        del limit
        terms = parsed.terms
        tiers: dict[str, Callable[[int, str], Any]] = {"fields": self._fields_ids}
        if parsed.code_terms and len(parsed.code_terms) == len(terms):
            tiers = {"code": self._code_ids, **tiers}
        out: dict[str, Select] = {"title": search_pg.title_statement(terms, flt, levels)}  # in volume order, bounded
        for name, ids in tiers.items():
            stmt = select(V.c.id, V.c.code, V.c.title, V.c.status)
            for i, term in enumerate(terms):
                stmt = stmt.where(V.c.id.in_(ids(i, term)))
            if levels is not None and name != "code":  # hidden text is not searchable by who may not read it
                stmt = stmt.where(V.c.security.in_(levels))
            out[name] = apply_filter(stmt, flt).order_by(V.c.id).limit(bindparam("n"))
        out["items"] = search_pg.items_statement(terms, flt, levels)  # read along item postings (search_pg.py)
        if (d := search_pg.item_driver(terms)) is not None:
            out["item_ids"] = search_pg.item_postings(d, terms[d])
        return out

    def search_result(self, session: Session, query: str, limit: int = 50,
                      flt: VolumeFilter | None = None, *, viewer: Actor | None = None) -> SearchResult:
        result = self._search_result(session, query, limit, flt or VolumeFilter(), masking.visible_levels(viewer))
        return replace(result, hits=mask_hits(session, result.hits, viewer))

    def _search_result(self, session: Session, query: str, limit: int, flt: VolumeFilter,
                       levels: tuple[str, ...] | None) -> SearchResult:
        if session.info.get("search_dirty"):  # this transaction's own changes, indexed at commit: visible to it now
            session.flush()
            self.index_volume_ids(session, session.info.pop("search_dirty", set()))
        parsed = parse_query(query)
        if parsed.empty or limit <= 0:
            return SearchResult(())
        hits: list[SearchHit] = []
        seen: set[int] = set()
        _exact_and_prefix(session, parsed, flt, limit, hits, seen)
        if hits and hits[0].tier == TIER_EXACT:  # a whole 档号 or barcode names one volume: the whole answer
            return SearchResult(tuple(h for h in hits if h.tier == TIER_EXACT))
        # built once per shape (which branches each word takes, whether the 档号 tier applies, the filter)
        shape = (tuple((len(t) <= GRAM_MAX, t.isascii(), len(_gram_pieces(t))) for t in parsed.terms),
                 bool(parsed.code_terms) and len(parsed.code_terms) == len(parsed.terms), search_pg.driver(parsed.terms))
        stmts: dict[str, Select] = _cached(("pg", shape, flt, levels), lambda: self.statements(parsed, flt, limit, levels))
        values: dict[str, Any] = {}
        for i, term in enumerate(parsed.terms):
            values[f"t{i}"] = term
            values[f"l{i}"] = self._like(term)
            values[f"c{i}"] = self._like(codes.canonical_code(term).casefold())
            values[f"k{i}"] = codes.canonical_code(term).casefold()[:GRAM_MAX]
            if len(term) > GRAM_MAX:
                values.update({f"g{i}_{k}": piece for k, piece in enumerate(_gram_pieces(term))})
        truncated = False
        for name, tier, matched in (("code", TIER_CODE, "code"), ("title", TIER_TITLE, "title"),
                                    ("fields", TIER_FIELDS, "fields")):
            want = limit - len(hits)
            if want <= 0:
                break
            if name not in stmts:
                continue
            # as on SQLite: the first rank_window matches (in 档号 order) are ranked; other tiers only fill the page
            n = self.rank_window if tier == TIER_TITLE else want + len(seen)
            rows = session.execute(stmts[name], {**values, "n": n}).all()
            truncated |= len(rows) >= n
            by_id = {row.id: row for row in rows}
            if tier == TIER_TITLE:
                ranked = rank_titles([(row.id, row.title) for row in rows], query_runs(parsed), want + len(seen) + 1)
            else:
                ranked = [(0.0, row.id) for row in rows]
            for score, vid in ranked:
                if vid in seen:
                    continue
                if len(hits) >= limit:
                    truncated = True
                    break
                row = by_id[vid]
                seen.add(vid)
                hits.append(SearchHit(vid, row.code, row.title, row.status, tier, score, matched))
        def take(rows: search_pg.Rows) -> int:
            for vid, iid, seq, ititle, vtitle, code, status in rows:
                if vid not in seen and len(hits) < limit:
                    seen.add(vid)
                    hits.append(SearchHit(vid, code, vtitle, status, TIER_ITEM, 0.0, "item", iid, seq, ititle))
            return limit - len(hits)

        if len(hits) < limit:  # along item postings, or in windows of item ids for one-character words (search_pg.py)
            def fetch(after: int, upto: int, n: int) -> search_pg.Rows:
                if "item_ids" not in stmts:
                    return session.execute(stmts["items"], {**values, "after": after, "upto": upto, "n": n}).all()
                return search_pg.fetch_items(
                    lambda a, m: session.scalars(stmts["item_ids"], {**values, "after": a, "n": m}).all(),
                    lambda ids: session.execute(stmts["items"], {**values, "ids": list(ids)}).all(), after, n)

            truncated |= search_pg.walk(fetch,
                take, session.scalar(select(func.max(I.c.id))) or 0,
                windowed=search_pg.item_driver(parsed.terms) is None, cap=self.rank_window)
        return SearchResult(tuple(hits), truncated or len(hits) >= limit)

    def upsert_statement(self) -> Insert:
        from sqlalchemy.dialects.postgresql import insert  # noqa: PLC0415

        p = self.pinyin_table
        stmt = insert(p).values(volume_id=bindparam("volume_id"), initials=bindparam("initials"))
        return stmt.on_conflict_do_update(index_elements=[p.c.volume_id], set_={"initials": stmt.excluded.initials})

    def index_volume_ids(self, session: Session, volume_ids: Iterable[int]) -> None:
        ids = list(volume_ids)
        if not ids:
            return
        rows = session.execute(select(V.c.id, V.c.title).where(V.c.id.in_(ids))).all()
        params = [{"volume_id": vid, "initials": " ".join(fts.pinyin_initials(title))} for vid, title in rows]
        if params:
            session.execute(self.upsert_statement(), params)
        # the one- and two-character pieces, made by the server from the title and the initials just written
        session.execute(text("DELETE FROM search_grams WHERE volume_id = ANY(:ids)"), {"ids": ids})
        session.execute(text(postgresql.fill_grams_sql(only_ids=True)), {"ids": ids})

    def rebuild(self, session: Session, progress: Progress | None = None) -> None:
        last, done = 0, 0
        total = session.scalar(select(func.count()).select_from(V)) or 0
        while True:
            ids = session.scalars(select(V.c.id).where(V.c.id > last).order_by(V.c.id).limit(10_000)).all()
            if not ids:
                break
            self.index_volume_ids(session, ids)
            last, done = ids[-1], done + len(ids)
            if progress:
                progress(done, total)

    def install_sync(self, session_class: Any) -> None:
        """Keep ``search_pinyin`` in step: before each commit, index the volumes the session changed."""
        from sqlalchemy import event  # noqa: PLC0415

        backend = self

        @event.listens_for(session_class, "before_commit")
        def _sync(session: Session) -> None:
            changed = session.info.pop("search_dirty", set())
            if changed:
                backend.index_volume_ids(session, changed)

        @event.listens_for(session_class, "after_flush")
        def _collect(session: Session, _ctx: object) -> None:
            dirty = session.info.setdefault("search_dirty", set())
            for obj in list(session.new) + list(session.dirty):
                if isinstance(obj, Volume) and obj.id is not None:
                    dirty.add(obj.id)


# ---------------------------------------------------------------- choosing and maintaining


def backend_for(dialect_name: str) -> SearchBackend:
    if dialect_name == "sqlite":
        return SqliteFtsBackend()
    if dialect_name == "postgresql":
        return PostgresSearchBackend()
    raise ValueError(f"no search backend for {dialect_name}")


_backends: dict[str, SearchBackend] = {}


def backend(session: Session) -> SearchBackend:
    name = session.get_bind().dialect.name
    if name not in _backends:
        _backends[name] = backend_for(name)
    return _backends[name]


def _shown_status(session: Session, hits: Sequence[SearchHit]) -> list[SearchHit]:
    """The hits with the status a person sees (阅览中 for a volume in the reading room: services/reading.py)."""
    shown = reading.display_statuses(session, {h.volume_id: h.status for h in hits})
    return [h if shown[h.volume_id] == h.status else dataclasses.replace(h, status=shown[h.volume_id]) for h in hits]


def search(session: Session, query: str, limit: int = 50, flt: VolumeFilter | None = None, *,
           viewer: Actor | None = None) -> list[SearchHit]:
    """``viewer``: whose search it is (None = no accounts: every text matched, nothing masked)."""
    return _shown_status(session, backend(session).search(session, query, limit, flt, viewer=viewer))


def count_matches(session: Session, query: str, flt: VolumeFilter | None = None, cap: int = COUNT_CAP, *,
                  viewer: Actor | None = None) -> int:
    """All the volumes ``query`` matches, up to ``cap + 1`` (more than ``cap``)."""
    return backend(session).count_matches(session, query, flt, cap, viewer=viewer)


def search_result(session: Session, query: str, limit: int = 50, flt: VolumeFilter | None = None, *,
                  viewer: Actor | None = None) -> SearchResult:
    result = backend(session).search_result(session, query, limit, flt, viewer=viewer)
    return dataclasses.replace(result, hits=tuple(_shown_status(session, result.hits)))


def index_is_current(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return True
    raw = session.connection().connection.dbapi_connection
    return fts.index_is_current(raw)  # type: ignore[arg-type]


@operation("search.ensure_index", area=CATALOGUE)
def ensure_index(db: Any, progress: Progress | None = None) -> bool:
    """Rebuild the SQLite index if its tokens were made by another tokenizer version (an app update
    changed the rules or pypinyin's dictionary); returns True if it rebuilt."""
    if not getattr(db, "is_sqlite", False):
        return False
    with db.read() as session:
        if index_is_current(session):
            return False
    with db.write() as session:
        backend(session).rebuild(session, progress)
    return True


def matched_text(hit: SearchHit) -> str:
    """What the hit list shows in its "matched" column."""
    if hit.tier == TIER_ITEM and hit.item_title is not None:
        return f"{hit.item_seq}. {hit.item_title}"
    return ""


__all__: Sequence[str] = (
    "ParsedQuery", "PostgresSearchBackend", "SearchBackend", "SearchHit", "SearchResult", "SqliteFtsBackend",
    "backend", "backend_for", "ensure_index", "fts_expressions", "parse_query", "rebuild_sqlite_index", "search",
    "search_result",
)


def _install_postgresql_sync(session_factory: Any) -> None:
    PostgresSearchBackend().install_sync(session_factory)


def _register() -> None:
    from archive_desk.db import engine  # noqa: PLC0415

    engine.POSTGRESQL_WRITE_HOOKS["search"] = _install_postgresql_sync


_register()
