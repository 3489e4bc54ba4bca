"""How text is cut into search tokens, and how queries become FTS5 expressions (no database but an in-memory one)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql

from archive_desk.db import fts
from archive_desk.db.engine import json_dumps
from archive_desk.services import search
from archive_desk.services.volume_list import VolumeFilter


def test_chinese_runs_become_bigrams_and_single_characters() -> None:
    assert fts.bigram_text("理赔案卷") == "理赔 赔案 案卷"
    assert fts.unigram_text("理赔案卷理") == "理 赔 案 卷"
    assert fts.bigram_text("火") == "火"
    # punctuation separates runs; words and numbers stay whole and lower-cased
    assert fts.bigram_text("住院病历（内科·肺炎）PDAA2019") == "住院 院病 病历 内科 肺炎 pdaa2019"


def test_full_width_text_is_normalised() -> None:
    assert fts.bigram_text("ＰＤＡＡ２０１９") == "pdaa2019"


def test_pinyin_initials_read_characters_in_context() -> None:
    assert fts.pinyin_initials("张伟理赔案卷") == ["zwlpaj"]
    assert fts.pinyin_initials("2019年9月银行存款日记账") == ["n", "yyhckrjz"]  # 银行 is yh, not yx
    assert fts.pinyin_initials("财务会计报告") == ["cwkjbg"]  # 会计 is kj
    assert fts.pinyin_text("理赔案卷") == "lpa paj aj j"


def test_codes_are_cut_into_elements_with_numbers_also_without_zeros() -> None:
    assert fts.code_text("Z109-LP·2019-D30-0123") == "z109 lp 2019 d30 0123 123"
    assert fts.code_text("Z109-LP.2019-D30-0123") == "z109 lp 2019 d30 0123 123"


def test_item_tokens_hold_title_code_and_document_number() -> None:
    text = fts.item_text("查勘报告", "", "临城投办〔2019〕12号")
    assert "查勘 勘报 报告" in text and "查 勘 报 告" in text and "2019" in text and "12" in text


def test_query_expressions() -> None:
    one = search.fts_expressions(search.parse_query("火"))
    assert one["title"] == '{title1} : "火"'
    assert one["all"] == '{title1 body1} : "火"'
    two = search.fts_expressions(search.parse_query("病历"))
    assert two["title"] == '{title} : "病历"'
    four = search.fts_expressions(search.parse_query("理赔案卷"))
    assert four["all"] == '{title body} : "理赔 赔案 案卷"'
    assert four["items"] == '"理赔" AND "赔案" AND "案卷"'
    code = search.fts_expressions(search.parse_query("2019-D30"))
    assert code["code"] == 'code : "2019 d30"'
    assert code["code_prefix"] == 'code : "2019 d30"*'  # only to fill up (2019-D3)
    assert code["title"] is None
    pinyin = search.fts_expressions(search.parse_query("lpaj"))
    assert 'pinyin : "lpa paj"' in pinyin["title"]


def test_query_with_fts_syntax_is_quoted_not_obeyed() -> None:
    exprs = search.fts_expressions(search.parse_query('火" OR title:* NEAR(a'))
    for expr in exprs.values():
        assert expr is None or expr.count('"') % 2 == 0


def test_exact_and_code_terms_are_recognised() -> None:
    parsed = search.parse_query(" z109-lp.2019-d30-0123 ")
    assert parsed.barcode == "Z109-LP.2019-D30-0123"
    assert parsed.code == "Z109-LP·2019-D30-0123"
    assert search.parse_query("张伟 火灾").barcode is None
    assert search.parse_query("").empty


def test_postgres_backend_builds_real_sql() -> None:
    """Compiled for the postgresql dialect only (no server in the test run): each tier its own query, each word's
    candidates from index-served branches (trigrams for 3+ characters, search_grams for 1–2), never one OR over
    every field (issue #17 item 7: that scanned every volume)."""
    backend = search.PostgresSearchBackend()
    stmts = backend.statements(search.parse_query("张伟 lpaj"), VolumeFilter(year_from=2019), 50)
    assert set(stmts) == {"title", "fields", "items", "item_ids"}  # no 档号 tier: not every word holds a digit
    title = str(stmts["title"].compile(dialect=postgresql.dialect()))
    # read along the postings of the longest word (lpaj: its title pieces lp, pa, aj, and its initials' marked pieces,
    # two streams in volume order, each stopped by the LIMIT), every word checked on each volume read
    assert title.count("search_grams AS s1_0_") == 3 and title.count("search_grams AS s1_1_") == 3 and "UNION" in title
    assert "search_grams AS s0_" not in title  # 张伟 is checked, not read along
    assert "volumes.title ILIKE" in title and "search_pinyin.initials LIKE" in title  # both words, each volume
    assert "volumes.year >=" in title and "volumes.status !=" in title
    assert title.count(" LIMIT %(n)s") == 3  # each stream, the union
    # each posting's volume looked up by its key (LATERAL … OFFSET 0, which the planner does not flatten into a merge
    # join walking volumes from id 1 up to the first posting)
    assert title.count("JOIN LATERAL") == 2 and title.count("OFFSET") == 2
    fields = str(stmts["fields"].compile(dialect=postgresql.dialect()))
    assert "lower(volumes.code) LIKE" in fields and "volumes.responsible" in fields
    items = str(stmts["items"].compile(dialect=postgresql.dialect()))
    # the ids read from the item postings of lpaj (lp, pa, aj: three merge-joined streams in item order, the postings
    # alone), then those items checked for both words
    item_ids = str(stmts["item_ids"].compile(dialect=postgresql.dialect()))
    assert item_ids.count("search_item_grams AS ig") == 3 and "items" not in item_ids.replace("search_item_grams", "")
    assert "ORDER BY ig0.item_id" in item_ids and "LIMIT" in item_ids
    assert "items.id = ANY (%(ids)s" in items and "search_item_grams" not in items
    assert "items.title ILIKE" in items and items.count("ILIKE") == 2 and "search_pieces" not in items
    one_char = str(backend.statements(search.parse_query("火 灾"), VolumeFilter(), 50)["items"].compile(dialect=postgresql.dialect()))
    assert "search_pieces(items.title) @>" in one_char  # 0014's pieces index, in windows of item ids
    assert "item_ids" not in backend.statements(search.parse_query("火 灾"), VolumeFilter(), 50)
    assert any("search_item_grams" in ddl for ddl in backend.ddl())
    assert set(backend.statements(search.parse_query("2019-D30"), VolumeFilter(), 50)) == {"code", "title", "fields", "items", "item_ids"}
    upsert = str(backend.upsert_statement().compile(dialect=postgresql.dialect()))
    assert "ON CONFLICT (volume_id) DO UPDATE" in upsert
    assert any("lower(code) gin_trgm_ops" in ddl for ddl in backend.ddl())
    assert any("search_grams" in ddl for ddl in backend.ddl())
    assert backend._like("50%_x") == "%50\\%\\_x%"


_TEXT = st.text(alphabet=st.sampled_from(list("理赔案卷行长会计银火病历 -·.0123456789ABCzé（）：，\u3000ｱＡ")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(code=_TEXT, title=_TEXT, responsible=st.one_of(st.none(), _TEXT), notes=st.one_of(st.none(), _TEXT),
       custom=st.one_of(st.none(), st.dictionaries(st.sampled_from(["claim_no", "insured", "amount"]),
                                                    st.one_of(_TEXT, st.integers(), st.floats(allow_nan=False)))))
def test_bulk_index_rows_are_exactly_what_the_insert_trigger_writes(code, title, responsible, notes, custom) -> None:  # noqa: ANN001
    """An import writes index rows itself (fts.volume_tokens); a later edit forgets them by recomputing
    the tokens in SQL from the stored row: the two must agree to the character."""
    with closing(sqlite3.connect(":memory:")) as conn:
        fts.register_functions(conn)
        stored = None if custom is None else json_dumps(custom)
        sql = "SELECT " + fts._VOL_VALUES.format(p="v") + " FROM (SELECT ? AS code, ? AS title, ? AS responsible, ? AS notes, ? AS custom) v"
        by_trigger = conn.execute(sql, (code, title, responsible, notes, stored)).fetchone()
        assert fts.volume_tokens(code, title, responsible, notes, stored) == tuple(by_trigger)
        if custom is not None:  # the import hands over the mapping it stores
            assert fts.volume_tokens(code, title, responsible, notes, custom) == tuple(by_trigger)


def test_postgres_text_matches_are_restricted_to_the_viewers_levels_but_not_the_code() -> None:
    """Masking (issue 16): a word in a hidden title must not return the volume; a 档号 still does."""
    backend = search.PostgresSearchBackend()

    def sql(stmt) -> str:  # noqa: ANN001 - (bound values stay placeholders: the levels are literals in the statement)
        return str(stmt.compile(dialect=postgresql.dialect()))

    stmts = backend.statements(search.parse_query("鲲鹏"), VolumeFilter(), 50, ("公开", "内部"))
    for tier in ("title", "fields", "items"):  # the text tiers and items only within the readable levels
        assert "volumes.security IN" in sql(stmts[tier]), tier
    by_code = backend.statements(search.parse_query("2019"), VolumeFilter(), 50, ("公开", "内部"))
    assert "security IN" not in sql(by_code["code"])  # the 档号 tier stands alone
    unrestricted = backend.statements(search.parse_query("鲲鹏"), VolumeFilter(), 50)
    assert all("security IN" not in sql(stmt) for stmt in unrestricted.values())


def test_postgres_items_are_read_from_postings_in_batches_until_the_page_is_full() -> None:
    """services/search_pg.py fetch_items: the first n matching items in id order, from batches of posting ids that
    grow fourfold while the check rejects most (a volume filter), and no further read once the postings end."""
    from archive_desk.services import search_pg

    postings = list(range(1, 1001))  # item ids holding the word's pieces; every 50th passes the check
    reads: list[tuple[int, int]] = []

    def read(after: int, m: int) -> list[int]:
        reads.append((after, m))
        return [i for i in postings if i > after][:m]

    def check(ids: list[int]) -> list[tuple[int, int]]:
        return [(0, i) for i in ids if i % 50 == 0]

    assert [r[1] for r in search_pg.fetch_items(read, check, 0, 4)] == [50, 100, 150, 200]
    assert [m for _after, m in reads] == [4, 16, 64, 256]  # 340 ids read for 4 items among 1,000 postings
    reads.clear()
    assert [r[1] for r in search_pg.fetch_items(read, check, 900, 4)] == [950, 1000]  # the postings end
    assert reads == [(900, 4), (904, 16), (920, 64), (984, 256)]  # the last batch came back short: no more reads
