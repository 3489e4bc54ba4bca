"""Helpers of the PostgreSQL search (services/search.py ``PostgresSearchBackend``): the pieces a word is looked up
by, and the items tier read in windows of item ids.

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
from typing import Any

from sqlalchemy import func, literal_column

#: the first window of item ids, and how many times wider each next one may be
ITEM_WINDOW = 4096
ITEM_GROWTH = 8

Rows = Sequence[Sequence[Any]]

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
