"""The search ranks a window of titles in one pass (``rank_titles``); it must give exactly what scoring
each title with ``title_score`` and sorting gives, floats and ties included."""

from __future__ import annotations

import random

import pytest

from archive_desk.services.search import rank_titles, title_score

TITLES = [
    "张伟家庭财产保险火灾理赔案卷", "李娜机动车辆保险追尾事故理赔案卷", "火", "火火火灾", "", "理赔", "病历 病历 病历",
    "东湖物流有限公司企业财产保险暴雨水淹理赔案卷", "ABC abc Abc", "lpaj LPAJ 理赔案卷", "Straße STRASSE", "İstanbul",
    "ﬁre fire FIRE", "火 fire 火灾", "two\nlines ss", "Ｆｉｒｅ 全角", "2019-D30 年度 会计 凭证", "银行 行长 会计",
]


@pytest.fixture(scope="module")
def rows() -> list[tuple[int, str]]:
    rnd = random.Random(7)
    pool = [*TITLES, *("".join(rnd.choice("火灾理赔案卷病历追尾事故张伟 abcLPAJss") for _ in range(rnd.randint(0, 40))) for _ in range(2000))]
    ids = rnd.sample(range(1, 10_000_000), len(pool))
    return list(zip(ids, pool, strict=True))


@pytest.mark.parametrize("runs", [(), ("火",), ("病历",), ("理赔案卷",), ("追尾", "事故"), ("lpaj",), ("abc",), ("fire",),
                                  ("ss",), ("火", "fire"), ("qqzz",), ("qqzz", "xxyy"), ("qqzz", "火")])
@pytest.mark.parametrize("best", [None, 1, 51, 2017, 2018, 5000])
def test_rank_titles_is_title_score_sorted(rows: list[tuple[int, str]], runs: tuple[str, ...], best: int | None) -> None:
    expected = sorted((title_score(title, runs), vid) for vid, title in rows)[:best]
    got = rank_titles(rows, runs, best)
    assert got == expected
    assert [score.hex() for score, _vid in got] == [score.hex() for score, _vid in expected]  # the very same floats


def test_an_empty_window() -> None:
    assert rank_titles([], ("火",), 5) == [] and rank_titles([], ("lpaj",)) == []
