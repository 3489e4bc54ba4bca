"""The search index on a real catalogue file: what it finds, in what order, and that it stays in step
with every change inside the same transaction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from archive_desk.db import fts
from archive_desk.db.engine import Database
from archive_desk.errors import ValidationError
from archive_desk.services import catalogue, search
from archive_desk.services.audit import Actor
from archive_desk.services.volume_list import VolumeFilter


def _fill_room(db: Database, actor: Actor, make_volume) -> dict[str, catalogue.VolumeRecord]:  # noqa: ANN001
    """A few claims and medical volumes with items."""
    made = {}
    made["fire"] = make_volume(title="张伟家庭财产保险火灾理赔案卷", custom={"claim_no": "PDAA201900001234", "insured": "张伟"})
    made["crash"] = make_volume(title="李娜机动车辆保险追尾事故理赔案卷", responsible="理赔部",
                                custom={"claim_no": "PDAA201900005678", "insured": "李娜"})
    made["flood"] = make_volume(title="东湖物流有限公司企业财产保险暴雨水淹理赔案卷", year=2020,
                                notes="火灾后复查", custom={"claim_no": "PDAA202000000042", "insured": "东湖物流有限公司"})
    with db.write() as s:
        bl = catalogue.get_category(s, code="BL")
        y201 = catalogue.create_fonds(s, actor, "Y201", "临川市第一人民医院")
        made["record"] = catalogue.create_volume(s, actor, {
            "fonds_id": y201.id, "category_id": bl.id, "year": 2019, "retention": "D30",
            "title": "王芳住院病历（内科·肺炎）", "custom": {"patient": "王芳", "ward": "内科", "record_no": "0012345"}})
        for title, pages in (("张伟出险通知书", 2), ("张伟查勘报告", 5), ("张伟赔款收据", 1)):
            catalogue.add_item(s, actor, made["fire"].id, {"title": title, "pages": pages})
        catalogue.add_item(s, actor, made["crash"].id, {"title": "李娜定损单", "pages": 3})
    return made


@pytest.fixture
def room(db: Database, actor: Actor, make_volume, fonds_id: int):  # noqa: ANN001, ANN201
    """A room of its own, for tests that change it."""
    return _fill_room(db, actor, make_volume)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """One room for the read-only tests of this module (building a catalogue costs seconds)."""
    from archive_desk.services.setup import open_catalogue

    path = tmp_path_factory.mktemp("search") / "catalogue.sqlite"
    db = open_catalogue(path)
    actor = Actor("clerk1", "ws-test-1")
    with db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司")
        lp = catalogue.get_category(s, code="LP")

    def make_volume(**overrides: object) -> catalogue.VolumeRecord:
        data: dict[str, object] = {"fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30",
                                   "title": "张伟机动车辆保险追尾事故理赔案卷", "pages": 42}
        data.update(overrides)
        with db.write() as s:
            return catalogue.create_volume(s, actor, data)

    made = _fill_room(db, actor, make_volume)
    yield db, made
    db.dispose()


def hits(db: Database, query: str, **kw: object) -> list[search.SearchHit]:
    with db.read() as s:
        return search.search(s, query, **kw)  # type: ignore[arg-type]


def codes_of(found: list[search.SearchHit]) -> list[str]:
    return [h.code for h in found]


def test_one_and_two_character_terms(shared) -> None:  # noqa: ANN001
    db, room = shared
    fire = hits(db, "火")
    assert [h.volume_id for h in fire[:1]] == [room["fire"].id]  # title hit first …
    assert room["flood"].id in [h.volume_id for h in fire]  # … then the notes (火灾后复查)
    assert fire[0].matched == "title" and fire[-1].matched == "fields"
    assert [h.volume_id for h in hits(db, "病历")] == [room["record"].id]
    assert [h.volume_id for h in hits(db, "肺")] == [room["record"].id]


def test_longer_terms_are_phrases(shared) -> None:  # noqa: ANN001
    db, room = shared
    assert {h.volume_id for h in hits(db, "理赔案卷")} == {room["fire"].id, room["crash"].id, room["flood"].id}
    assert [h.volume_id for h in hits(db, "追尾事故")] == [room["crash"].id]
    assert hits(db, "事故追尾") == []  # same bigram set in another order is not a match
    assert [h.volume_id for h in hits(db, "张伟 火灾")] == [room["fire"].id]  # all words required


def test_custom_fields_and_responsible(shared) -> None:  # noqa: ANN001
    db, room = shared
    assert [h.volume_id for h in hits(db, "PDAA201900005678")] == [room["crash"].id]
    assert [h.volume_id for h in hits(db, "pdaa2020")] == [room["flood"].id]  # prefix, any case
    assert {h.volume_id for h in hits(db, "王芳")} == {room["record"].id}
    assert room["crash"].id in {h.volume_id for h in hits(db, "理赔部")}


def test_pinyin_initials(shared) -> None:  # noqa: ANN001
    db, room = shared
    found = hits(db, "lpaj")
    assert {h.volume_id for h in found} == {room["fire"].id, room["crash"].id, room["flood"].id}
    assert [h.volume_id for h in hits(db, "zwjtcc")] == [room["fire"].id]  # 张伟家庭财产
    assert [h.volume_id for h in hits(db, "zybl")] == [room["record"].id]  # 住院病历


def test_code_fragments_barcode_and_ranking(shared) -> None:  # noqa: ANN001
    db, room = shared
    crash = room["crash"]
    exact = hits(db, crash.barcode.lower())  # a scan typed with Caps Lock off
    assert exact[0].volume_id == crash.id and exact[0].tier == search.TIER_EXACT and exact[0].matched == "barcode"
    by_code = hits(db, crash.code)
    assert by_code[0].volume_id == crash.id and by_code[0].matched == "code"
    assert set(codes_of(hits(db, "2019-D30"))) == {room["fire"].code, crash.code, room["record"].code}
    assert codes_of(hits(db, "Z109-LP·2020")) == [room["flood"].code]
    assert codes_of(hits(db, "0002")) == [crash.code]
    assert crash.code in codes_of(hits(db, "2"))  # ...-0002 as a number without its zeros (and 2019…)


def test_exact_code_ranks_before_fragments_and_titles(shared) -> None:  # noqa: ANN001
    db, room = shared
    found = hits(db, room["fire"].code)
    assert found[0].tier == search.TIER_EXACT
    assert [h.tier for h in found] == sorted(h.tier for h in found)


def test_item_hit_says_which_item(shared) -> None:  # noqa: ANN001
    db, room = shared
    found = hits(db, "查勘报告")
    assert len(found) == 1
    hit = found[0]
    assert hit.volume_id == room["fire"].id and hit.tier == search.TIER_ITEM
    assert hit.item_title == "张伟查勘报告" and hit.item_seq == 2
    assert search.matched_text(hit) == "2. 张伟查勘报告"
    assert hits(db, "报告查勘") == []  # the AND of bigrams is checked against the title


def test_filters_apply_inside_the_search(shared) -> None:  # noqa: ANN001
    db, room = shared
    assert codes_of(hits(db, "理赔案卷", flt=VolumeFilter(year_from=2020))) == [room["flood"].code]


def test_index_follows_create_update_void_and_items(db: Database, actor: Actor, room, make_volume) -> None:  # noqa: ANN001
    new = make_volume(title="赵敏货物运输保险盗抢理赔案卷")
    assert codes_of(hits(db, "盗抢")) == [new.code]
    with db.write() as s:
        changed = catalogue.update_volume(s, actor, new.id, new.version, {"title": "赵敏货物运输保险台风理赔案卷"})
    assert hits(db, "盗抢") == []
    assert codes_of(hits(db, "台风")) == [new.code]
    with db.write() as s:
        catalogue.void_volume(s, actor, new.id, changed.version, "录入错误")
    assert hits(db, "台风") == []  # void volumes are hidden by default …
    assert codes_of(hits(db, "台风", flt=VolumeFilter(include_void=True))) == [new.code]  # … but indexed
    with db.read() as s:
        item = next(i for i in catalogue.list_items(s, room["fire"].id) if i.title == "张伟赔款收据")
    with db.write() as s:
        catalogue.update_item(s, actor, item.id, item.version, {"title": "张伟赔款收条"})
    assert hits(db, "收据") == [] and [h.item_title for h in hits(db, "收条")] == ["张伟赔款收条"]
    with db.write() as s:
        catalogue.remove_item(s, actor, item.id, "重复")
    assert hits(db, "收条") == []


def test_rolled_back_transaction_leaves_index_unchanged(db: Database, actor: Actor, room) -> None:  # noqa: ANN001
    with db.read() as s:
        crash = catalogue.get_volume(s, room["crash"].id)
    with pytest.raises(RuntimeError), db.write() as s:
        catalogue.update_volume(s, actor, crash.id, crash.version, {"title": "李娜机动车辆保险冰雹理赔案卷"})
        assert codes_of(search.search(s, "冰雹")) == [crash.code]  # visible inside the transaction
        raise RuntimeError("power cut")
    assert hits(db, "冰雹") == []
    assert codes_of(hits(db, "追尾")) == [crash.code]
    with pytest.raises(ValidationError), db.write() as s:
        catalogue.create_volume(s, actor, {"fonds_id": crash.fonds_id, "category_id": crash.category_id, "year": 2019,
                                           "retention": "D30", "title": "冰雹理赔案卷", "code": "bad code"})
    assert hits(db, "冰雹") == []


@pytest.mark.sqlite_only(reason="the FTS5 index's tokenizer stamp in the file, read and changed with sqlite3; PostgreSQL's search has no FTS5 index")
def test_index_is_stamped_and_rebuilt_when_the_tokenizer_changes(db: Database, db_path: Path, room) -> None:  # noqa: ANN001
    raw = sqlite3.connect(db_path)
    assert fts.index_is_current(raw)
    raw.execute("UPDATE catalogue_settings SET value = '{\"tokenizer\": 0}' WHERE key = 'search_index'")
    raw.commit()
    assert not fts.index_is_current(raw)
    raw.close()
    assert search.ensure_index(db) is True
    assert search.ensure_index(db) is False
    assert [h.volume_id for h in hits(db, "病历")] == [room["record"].id]
    raw = sqlite3.connect(db_path)
    assert raw.execute(f"INSERT INTO {fts.VOLUME_FTS}({fts.VOLUME_FTS}, rank) VALUES ('integrity-check', 0)").rowcount != -2
    raw.close()


@pytest.mark.sqlite_only(reason="rebuilds the FTS5 index on a raw sqlite3 connection (the demo builder's path); PostgreSQL has no FTS5 index")
def test_rebuild_on_a_raw_connection_matches_the_triggers(db: Database, db_path: Path, room) -> None:  # noqa: ANN001
    before = {q: codes_of(hits(db, q)) for q in ("火", "病历", "lpaj", "2019-D30", "查勘报告")}
    raw = sqlite3.connect(db_path, isolation_level=None)
    fts.rebuild(raw)
    raw.close()
    assert {q: codes_of(hits(db, q)) for q in before} == before


def test_cli_search(db: Database, db_target: str, room, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    from archive_desk import cli

    db.dispose()
    assert cli.main(["--lang", "zh_CN", "search", "--db", db_target, "查勘报告", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hits"][0]["item_title"] == "张伟查勘报告"
    assert cli.main(["--lang", "zh_CN", "search", "--db", db_target, "不存在的词"]) == 0  # done: no hits (README exit codes)
    assert "没有" in capsys.readouterr().out
    assert cli.main(["--lang", "zh_CN", "search", "--db", db_target, "lpaj", "--limit", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and "理赔案卷" in out[0] and "--limit" in out[2]


def test_the_total_counts_every_match_not_only_the_ranked_window(shared) -> None:  # noqa: ANN001
    """The list stops at its limit and the title ranking at its window; the total does not: it equals what a
    search without either would list (checked against a backend whose window holds everything)."""
    db, _room = shared
    narrow = search.SqliteFtsBackend(rank_window=2)  # a tiny window, like 1,000 of a million
    whole = search.SqliteFtsBackend(rank_window=10**6)
    with db.read() as s:
        for query in ("理赔", "保险 火灾", "Z109-LP", "2019", "lpaj", "查勘报告", "不存在"):
            every = len(whole.search_result(s, query, 10**6).hits)
            assert narrow.count_matches(s, query) == every, query
            listed = narrow.search_result(s, query, 2)
            assert len(listed.hits) <= 2
        assert len(whole.search_result(s, "理赔", 10**6).hits) == 3
        assert narrow.count_matches(s, "理赔", cap=2) == 3  # past the cap: "more than 2"
        assert search.count_matches(s, "理赔", search.VolumeFilter(year_from=2100)) == 0  # the filters apply
