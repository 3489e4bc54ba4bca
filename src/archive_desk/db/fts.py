"""The SQLite search index: FTS5 tables over pre-tokenised text, kept in step by triggers.

Why pre-tokenised text: SQLite's own tokenizers do not split Chinese into words, and ``trigram`` cannot
answer terms under three characters (and returns *nothing, silently*, for them on SQLite 3.40:
architecture.md). So text is cut into tokens here, in Python, and handed to FTS5's ``unicode61``
tokenizer as space-separated tokens:

- a run of Chinese characters ``理赔案卷`` becomes its character bigrams ``理赔 赔案 案卷`` (a column
  whose tokens keep their positions, so a longer term is a *phrase* of bigrams), and its single
  characters ``理 赔 案 卷`` in a second column (each character once): a 1-character term (``火``) and a
  2-character term (``病历``) are each one index lookup, a 4-character term a phrase of 3 bigrams;
- runs of letters and digits stay whole words (``pdaa201900001234``, ``2019``), matched by prefix;
- the title's pinyin initials (``理赔案卷`` → ``lpaj``) become overlapping trigrams truncated at the end
  (``lpa paj aj j``), so ``lpaj`` is the phrase ``lpa paj`` and a 2-letter ``lp`` the prefix ``lp*``;
- a 档号 becomes its elements (``Z109-LP·2019-D30-0123`` → ``z109 lp 2019 d30 0123 123``: numbers also
  without their leading zeros), so ``2019-D30`` is a phrase and ``0123`` or ``123`` one token.

Tables are *contentless* (``content=''``): they keep only the index, not a second copy of the text
(about half the size). A contentless FTS5 table on SQLite 3.40 can only forget a row when given the
exact tokens it was indexed with; the triggers recompute them from the ``OLD`` row with the same
deterministic functions. The functions' output depends on this module's :data:`TOKENIZER_VERSION`,
on pypinyin's dictionary and on Python's Unicode tables: that triple is stamped in
``catalogue_settings['search_index']`` and :func:`index_is_current` tells when a rebuild is due
(``services.search.ensure_index`` does it).

Why triggers rather than sync calls from the services: every path that writes volumes or items —
catalogue services, imports, other areas, raw SQL in the demo builder — keeps the index in step, in
the same transaction, with nothing to forget. The price: every connection that *writes* volumes or
items must have the functions registered (:func:`register_functions`; ``db.engine`` does it on every
SQLAlchemy connection). A connection without them fails loudly ("no such function") instead of letting
the index drift.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache, lru_cache

#: bump when any tokenising rule below changes (the index is then rebuilt on the next start)
TOKENIZER_VERSION = 1

VOLUME_FTS = "search_volume_fts"
ITEM_FTS = "search_item_fts"
#: columns of the volume index, in order; weights for bm25 (higher = more important)
VOLUME_COLUMNS = ("code", "title", "title1", "pinyin", "body", "body1")
VOLUME_WEIGHTS = (10.0, 6.0, 4.0, 3.0, 1.0, 0.7)
#: items: one column, no positions (``detail=none``) and no column sizes: 6 items a volume make this the
#: bigger index, and a 3+-character term is answered as the AND of its bigrams and then checked against
#: the item's title (services/search.py), which needs no positions
ITEM_COLUMNS = ("terms",)

Progress = Callable[[int, int], None]


# ---------------------------------------------------------------- tokenising (pure)

#: scripts written without spaces between words: cut into bigrams (Han, kana, Hangul, Yi …)
_HAN = "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
#: letters and digits of alphabetic scripts (the text is NFKC-normalised and case-folded first)
_WORD = "0-9a-z\u00b5\u00df-\u024f\u0370-\u03ff\u0400-\u052f"
_SEGMENT = re.compile(f"([{_HAN}]+)|([{_WORD}]+)")


def normalize(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii():  # NFKC leaves ASCII alone, and ASCII case-folds to lower case
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


@lru_cache(maxsize=16)  # the triggers call several functions on the same value in a row
def segments(text: str | None) -> tuple[tuple[bool, str], ...]:
    """``(is_han, run)`` pieces of the normalised text; separators dropped."""
    return tuple((bool(han), han or word) for han, word in _SEGMENT.findall(normalize(text)))


def bigram_text(text: str | None) -> str:
    """Bigrams of Chinese runs (a lone character stays itself) and whole words, in order."""
    tokens: list[str] = []
    for han, run in segments(text):
        if han and len(run) > 1:
            tokens.extend([run[i : i + 2] for i in range(len(run) - 1)])
        else:
            tokens.append(run)
    return " ".join(tokens)


def unigram_text(text: str | None) -> str:
    """Each Chinese character once (single-character terms are one lookup here)."""
    seen: dict[str, None] = {}
    for han, run in segments(text):
        if han:
            seen.update(dict.fromkeys(run))
    return " ".join(seen)


@lru_cache(maxsize=1)
def _initial_tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """Each character's initial (its first reading) as a ``str.translate`` table, and a pattern
    matching the characters whose readings start with different letters (行 xing/hang, 长
    chang/zhang, 会 hui/kuai)."""
    from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415 - heavy, loaded on first use

    first: dict[int, str] = {}
    poly: list[str] = []
    initial = _first_letter
    for cp, readings in pinyin_dict.items():
        ordered = [initial(r) for r in readings.split(",")]
        letters = set(ordered)
        letters.discard("")
        if letters:
            first[cp] = ordered[0] or sorted(letters)[0]
            if len(letters) > 1:
                poly.append(chr(cp))
    return first, re.compile("[" + "".join(re.escape(ch) for ch in sorted(poly)) + "]")


def _strip_tone(reading: str) -> str:
    base = unicodedata.normalize("NFKD", reading)
    return "".join(ch for ch in base if "a" <= ch <= "z")


@cache
def _first_char_letter(ch: str) -> str:
    return _strip_tone(ch)[:1]


def _first_letter(reading: str) -> str:
    """``_strip_tone(reading)[:1]``, one character at a time (41,000 readings are read at first use)."""
    for ch in reading:
        letter = _first_char_letter(ch)
        if letter:
            return letter
    return ""


@lru_cache(maxsize=200_000)
def _initial_in_context(window: str, k: int) -> str:
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415

    syllables = lazy_pinyin(window, style=Style.FIRST_LETTER, errors="ignore")
    s = syllables[k] if k < len(syllables) else ""
    return s[:1].lower() if s[:1].isascii() and s[:1].isalpha() else ""


_NOT_A_LETTER = re.compile("[^a-z]")


@lru_cache(maxsize=65_536)  # registers repeat their phrases (理赔案卷, 住院病历) row after row
def _initials(run: str) -> str:
    """Pinyin initials of a Chinese run. Characters with one possible initial come from a table (one
    ``str.translate``); for a character with several, pypinyin reads it within its neighbours (银行 →
    yh, 会计 → kj): the same result as reading the whole run with pypinyin, at a thirtieth of the cost.
    Characters without a reading are left out."""
    table, poly = _initial_tables()
    out = run.translate(table)  # one letter per known character: positions are kept
    hits = list(poly.finditer(run))
    if hits:
        letters = list(out)
        for hit in hits:
            i = hit.start()
            lo = max(0, i - 1)
            letters[i] = _initial_in_context(run[lo : i + 2], i - lo) or table[ord(run[i])]
        out = "".join(letters)
    return _NOT_A_LETTER.sub("", out)


def pinyin_initials(text: str | None) -> list[str]:
    """Initials of each Chinese run: ``理赔案卷`` → ``["lpaj"]``."""
    return [ini for han, run in segments(text) if han and (ini := _initials(run))]


def pinyin_text(text: str | None) -> str:
    """Overlapping trigrams of the initials, truncated at the end of each run."""
    tokens: list[str] = []
    for ini in pinyin_initials(text):
        tokens.extend([ini[i : i + 3] for i in range(len(ini))])
    return " ".join(tokens)


def code_text(code: str | None) -> str:
    """Elements of a 档号 or barcode, plus numbers without leading zeros."""
    words = [run for han, run in segments(code) if not han]
    extra = [w.lstrip("0") for w in words if w.isdigit() and w.startswith("0") and w.lstrip("0")]
    return " ".join(words + extra)


def custom_values(custom: str | None) -> str:
    """Values of a volume's own fields (stored as JSON text)."""
    if not custom:
        return ""
    try:
        data = json.loads(custom)
    except (TypeError, ValueError):
        return str(custom)
    if not isinstance(data, dict):
        return ""
    return " ".join(str(v) for v in data.values() if v not in (None, ""))


def item_text(title: str | None, code: str | None, doc_no: str | None) -> str:
    """An item's tokens: title bigrams and characters, its 件号 elements and its 文号 (one pass over the
    title: six million items make this the bulk of a rebuild)."""
    tokens: list[str] = []
    chars: dict[str, None] = {}
    for han, run in segments(title):
        if han:
            chars.update(dict.fromkeys(run))
            if len(run) > 1:
                tokens.extend([run[i : i + 2] for i in range(len(run) - 1)])
                continue
        tokens.append(run)
    tokens.extend(chars)
    if code:
        tokens.append(code_text(code))
    if doc_no:
        tokens.append(bigram_text(doc_no))
    return " ".join(tokens)


def body_source(responsible: str | None, notes: str | None, custom: str | None) -> str:
    return " ".join(p for p in (responsible or "", notes or "", custom_values(custom)) if p)


# ---------------------------------------------------------------- SQL functions


def _s(fn: Callable[[str | None], str]) -> Callable[..., str]:
    def wrapped(value: object) -> str:
        return fn(None if value is None else str(value))

    return wrapped


def register_functions(conn: sqlite3.Connection) -> None:
    """Register the tokenising functions the triggers call (on every connection that may write)."""
    conn.create_function("ad_fts_code", 1, _s(code_text), deterministic=True)
    conn.create_function("ad_fts_bi", 1, _s(bigram_text), deterministic=True)
    conn.create_function("ad_fts_uni", 1, _s(unigram_text), deterministic=True)
    conn.create_function("ad_fts_py", 1, _s(pinyin_text), deterministic=True)
    conn.create_function("ad_fts_body", 3, body_source, deterministic=True)
    conn.create_function("ad_fts_item", 3, item_text, deterministic=True)


# ---------------------------------------------------------------- schema

_VOL_VALUES = (
    "ad_fts_code({p}.code), ad_fts_bi({p}.title), ad_fts_uni({p}.title), ad_fts_py({p}.title), "
    "ad_fts_bi(ad_fts_body({p}.responsible, {p}.notes, {p}.custom)), "
    "ad_fts_uni(ad_fts_body({p}.responsible, {p}.notes, {p}.custom))"
)
_ITEM_VALUES = "ad_fts_item({p}.title, {p}.code, {p}.doc_no)"

_VOL_COLS = ", ".join(VOLUME_COLUMNS)
_ITEM_COLS = ", ".join(ITEM_COLUMNS)

TABLES = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOLUME_FTS} USING fts5({_VOL_COLS}, content='', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {ITEM_FTS} USING fts5({_ITEM_COLS}, content='', detail=none, columnsize=0,"
    " tokenize='unicode61 remove_diacritics 0')",
]

TRIGGERS = {
    "search_volumes_ai": f"""
CREATE TRIGGER IF NOT EXISTS search_volumes_ai AFTER INSERT ON volumes BEGIN
  INSERT INTO {VOLUME_FTS}(rowid, {_VOL_COLS}) VALUES (new.id, {_VOL_VALUES.format(p="new")});
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "search_volumes_au": f"""
CREATE TRIGGER IF NOT EXISTS search_volumes_au AFTER UPDATE OF code, title, responsible, notes, custom ON volumes
WHEN old.code IS NOT new.code OR old.title IS NOT new.title OR old.responsible IS NOT new.responsible
  OR old.notes IS NOT new.notes OR old.custom IS NOT new.custom BEGIN
  INSERT INTO {VOLUME_FTS}({VOLUME_FTS}, rowid, {_VOL_COLS}) VALUES ('delete', old.id, {_VOL_VALUES.format(p="old")});
  INSERT INTO {VOLUME_FTS}(rowid, {_VOL_COLS}) VALUES (new.id, {_VOL_VALUES.format(p="new")});
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    # volumes are never deleted by the app; a raw DELETE still leaves the index consistent
    "search_volumes_ad": f"""
CREATE TRIGGER IF NOT EXISTS search_volumes_ad AFTER DELETE ON volumes BEGIN
  INSERT INTO {VOLUME_FTS}({VOLUME_FTS}, rowid, {_VOL_COLS}) VALUES ('delete', old.id, {_VOL_VALUES.format(p="old")});
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    # withdrawn items (removed = 1) leave the index
    "search_items_ai": f"""
CREATE TRIGGER IF NOT EXISTS search_items_ai AFTER INSERT ON items WHEN new.removed = 0 BEGIN
  INSERT INTO {ITEM_FTS}(rowid, {_ITEM_COLS}) VALUES (new.id, {_ITEM_VALUES.format(p="new")});
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "search_items_au": f"""
CREATE TRIGGER IF NOT EXISTS search_items_au AFTER UPDATE OF title, code, doc_no, removed ON items
WHEN old.title IS NOT new.title OR old.code IS NOT new.code OR old.doc_no IS NOT new.doc_no
  OR old.removed IS NOT new.removed BEGIN
  INSERT INTO {ITEM_FTS}({ITEM_FTS}, rowid, {_ITEM_COLS}) SELECT 'delete', old.id, {_ITEM_VALUES.format(p="old")} WHERE old.removed = 0;
  INSERT INTO {ITEM_FTS}(rowid, {_ITEM_COLS}) SELECT new.id, {_ITEM_VALUES.format(p="new")} WHERE new.removed = 0;
END""",
    "search_items_ad": f"""
CREATE TRIGGER IF NOT EXISTS search_items_ad AFTER DELETE ON items WHEN old.removed = 0 BEGIN
  INSERT INTO {ITEM_FTS}({ITEM_FTS}, rowid, {_ITEM_COLS}) VALUES ('delete', old.id, {_ITEM_VALUES.format(p="old")});
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
}

STAMP_KEY = "search_index"


def stamp() -> dict[str, object]:
    """What the indexed tokens depend on."""
    try:
        from importlib.metadata import version  # noqa: PLC0415

        pypinyin_version = version("pypinyin")
    except Exception:  # noqa: BLE001 - a frozen build without metadata
        import pypinyin  # noqa: PLC0415

        pypinyin_version = getattr(pypinyin, "__version__", "?")
    return {"tokenizer": TOKENIZER_VERSION, "pypinyin": pypinyin_version, "unicode": unicodedata.unidata_version}


def create_schema(execute: Callable[[str], object]) -> None:
    for sql in TABLES:
        execute(sql)
    for sql in TRIGGERS.values():
        execute(sql)


def drop_triggers(execute: Callable[[str], object]) -> None:
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")


def drop_schema(execute: Callable[[str], object]) -> None:
    drop_triggers(execute)
    execute(f"DROP TABLE IF EXISTS {VOLUME_FTS}")
    execute(f"DROP TABLE IF EXISTS {ITEM_FTS}")


# ---------------------------------------------------------------- bulk writes


def volume_tokens(code: str | None, title: str | None, responsible: str | None, notes: str | None,
                  custom: str | Mapping[str, object] | None) -> tuple[str, str, str, str, str, str]:
    """The six column values the insert trigger computes for a volume, in one pass over each text: the
    same tokens, so the row can later be forgotten by the triggers. ``custom`` as stored (JSON text) or
    as the mapping of JSON values that is stored (spares a round trip through JSON)."""
    title_segments = segments(title)
    if isinstance(custom, Mapping):
        extra = " ".join(str(v) for v in custom.values() if v not in (None, ""))
        body = " ".join(p for p in (responsible or "", notes or "", extra) if p)
    else:
        body = body_source(responsible, notes, custom)
    return (code_text(code), _bigrams(title_segments), _unigrams(title_segments), pinyin_text(title),
            *_bi_uni(body))


def _bigrams(segs: tuple[tuple[bool, str], ...]) -> str:
    tokens: list[str] = []
    for han, run in segs:
        if han and len(run) > 1:
            tokens.extend(map(str.__add__, run, run[1:]))
        else:
            tokens.append(run)
    return " ".join(tokens)


def _unigrams(segs: tuple[tuple[bool, str], ...]) -> str:
    seen: dict[str, None] = {}
    for han, run in segs:
        if han:
            seen.update(dict.fromkeys(run))
    return " ".join(seen)


def _bi_uni(text: str) -> tuple[str, str]:
    segs = segments(text)
    return _bigrams(segs), _unigrams(segs)


class BulkVolumeInserts:
    """Insert many volumes without the per-row insert trigger: while open, ``search_volumes_ai`` is
    dropped (inside the caller's transaction: a rollback or a killed process brings it back with
    everything else) and the caller hands each new volume to :meth:`add`; the index rows go in with
    one executemany per :meth:`flush`. :meth:`close` recreates the trigger. Only the *insert* trigger
    is dropped: updates and deletes stay indexed as always.

    The caller must hold the write lock (BEGIN IMMEDIATE) for the whole time it is open.
    """

    _SQL = f"INSERT INTO {VOLUME_FTS}(rowid, {_VOL_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?)"  # noqa: S608

    def __init__(self, conn: sqlite3.Connection) -> None:
        if not conn.in_transaction:
            raise RuntimeError("bulk volume inserts need the caller's transaction")
        self._conn = conn
        self._pending: list[tuple[object, ...]] = []
        self._open = has_index(conn)
        if self._open:
            conn.execute("DROP TRIGGER IF EXISTS search_volumes_ai")

    def add(self, volume_id: int, code: str, title: str, responsible: str | None, notes: str | None,
            custom: str | Mapping[str, object] | None) -> None:
        """``custom`` as :func:`volume_tokens` takes it."""
        if self._open:
            self._pending.append((volume_id, *volume_tokens(code, title, responsible, notes, custom)))

    def flush(self) -> None:
        if self._pending:
            self._conn.executemany(self._SQL, self._pending)
            self._pending = []

    def close(self) -> None:
        if self._open:
            self.flush()
            self._conn.execute(TRIGGERS["search_volumes_ai"])
            self._open = False


# ---------------------------------------------------------------- building


def rebuild(conn: sqlite3.Connection, progress: Progress | None = None, *, batch: int = 50_000,
            optimize: bool = True) -> dict[str, int]:
    """(Re)build both indexes from the catalogue on a raw sqlite3 connection, inside the caller's
    transaction if one is open (the demo builder's bulk load), else in one of its own.

    Tables and triggers are dropped and created anew, then filled in batches by INSERT … SELECT through the same SQL functions the triggers use.
    """
    register_functions(conn)
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        # dropped and made anew: the table definitions may have changed with the tokenizer version
        drop_schema(conn.execute)
        create_schema(conn.execute)
        n_vol = conn.execute("SELECT count(*) FROM volumes").fetchone()[0]
        n_item = conn.execute("SELECT count(*) FROM items WHERE removed = 0").fetchone()[0]
        total = n_vol + n_item
        done = 0
        for table, fts, cols, values, where in (
            ("volumes", VOLUME_FTS, _VOL_COLS, _VOL_VALUES.format(p="t"), ""),
            ("items", ITEM_FTS, _ITEM_COLS, _ITEM_VALUES.format(p="t"), " AND t.removed = 0"),
        ):
            last = 0
            while True:
                upper = conn.execute(f"SELECT max(id) FROM (SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT ?)",  # noqa: S608
                                     (last, batch)).fetchone()[0]
                if upper is None:
                    break
                cur = conn.execute(
                    f"INSERT INTO {fts}(rowid, {cols}) SELECT t.id, {values} FROM {table} t"  # noqa: S608 - our own names
                    f" WHERE t.id > ? AND t.id <= ?{where} ORDER BY t.id",
                    (last, upper),
                )
                done += max(cur.rowcount, 0)
                last = upper
                if progress:
                    progress(min(done, total), total)
        if optimize:
            conn.execute(f"INSERT INTO {VOLUME_FTS}({VOLUME_FTS}) VALUES ('optimize')")  # noqa: S608 - SQL from the schema's own names; values are bound
            conn.execute(f"INSERT INTO {ITEM_FTS}({ITEM_FTS}) VALUES ('optimize')")  # noqa: S608 - SQL from the schema's own names; values are bound
        write_stamp(conn)
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    return {"volumes": n_vol, "items": n_item}


def write_stamp(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO catalogue_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (STAMP_KEY, json.dumps(stamp(), sort_keys=True)),
    )


def read_stamp(conn: sqlite3.Connection) -> dict[str, object] | None:
    row = conn.execute("SELECT value FROM catalogue_settings WHERE key = ?", (STAMP_KEY,)).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (VOLUME_FTS,)).fetchone() is not None


def index_is_current(conn: sqlite3.Connection) -> bool:
    return has_index(conn) and read_stamp(conn) == json.loads(json.dumps(stamp(), sort_keys=True))


def index_size_bytes(conn: sqlite3.Connection) -> int | None:
    """Bytes on disk taken by the index tables (needs the dbstat virtual table)."""
    try:
        row = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\'"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0] or 0)
