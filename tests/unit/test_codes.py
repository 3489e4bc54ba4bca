"""The 档号 engine: patterns, normalisation, payloads, numbering."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_desk.errors import ValidationError
from archive_desk.services import codes
from archive_desk.services.setup import BOX_PATTERN, CLAIMS_PATTERN, ITEM_PATTERN, VOLUME_PATTERN

CLAIMS = codes.CodePattern(CLAIMS_PATTERN)
ITEMS = codes.CodePattern(ITEM_PATTERN)


def test_format_item_filed_code_as_in_da_t_22() -> None:
    code = ITEMS.format({"fonds": "Z109", "category": "WS", "year": 2011, "retention": "Y", "org": "BGS", "item": 1})
    assert code == "Z109-WS·2011-Y-BGS-0001"


def test_parse_volume_code_returns_its_elements() -> None:
    assert CLAIMS.parse("Z109-LP·2019-D30-0123") == {
        "fonds": "Z109", "category": "LP", "year": "2019", "retention": "D30", "volume": 123,
    }


@pytest.mark.parametrize("typed", [
    "Z109-LP.2019-D30-0123",  # payload form, as scanned
    " z109-lp·2019-d30-0123 ",  # lower case and spaces
    "Ｚ１０９－ＬＰ・２０１９－Ｄ３０－０１２３",  # full-width, katakana middle dot
    "Z109-LP\u200b·2019-D30-0123\ufeff",  # zero-width characters from a web page
    "Z109 - LP · 2019 - D30 - 0123",
])
def test_canonical_code_accepts_what_people_type(typed: str) -> None:
    assert codes.canonical_code(typed) == "Z109-LP·2019-D30-0123"


def test_code_not_following_pattern_names_the_pattern() -> None:
    with pytest.raises(ValidationError) as err:
        CLAIMS.parse("Z109-LP·2019-D30-12")  # number not zero-padded to 4
    assert "code" in err.value.problems
    assert CLAIMS_PATTERN not in err.value.problems["code"]  # the rule in words and an example instead (below)


def test_format_rejects_number_wider_than_pattern() -> None:
    with pytest.raises(ValidationError) as err:
        codes.CodePattern(VOLUME_PATTERN).format({"fonds": "Z109", "category": "KJ", "year": 2019, "retention": "Y", "volume": 1000})
    assert "volume" in err.value.problems


def test_pattern_without_running_number_is_refused() -> None:
    with pytest.raises(ValidationError):
        codes.CodePattern("{fonds}-{category}·{year}").parts  # noqa: B018


def test_payload_maps_middle_dot_and_refuses_chinese() -> None:
    assert codes.code_to_payload("Z109-WS·2011-Y-BGS-0001") == "Z109-WS.2011-Y-BGS-0001"
    with pytest.raises(ValidationError) as err:
        codes.code_to_payload("Z109-文书-0001")
    assert "文" in err.value.problems["code"]


def test_next_number_gaps_and_duplicates() -> None:
    assert codes.next_number([1, 2, 3, 5]) == 6
    assert codes.next_number([]) == 1
    assert codes.find_gaps([1, 2, 5, 7]) == [3, 4, 6]
    assert codes.find_duplicates(["Z109-LP·2019-D30-0001", "z109-lp.2019-d30-0001", "Z109-LP·2019-D30-0002"]) == {
        "Z109-LP·2019-D30-0001": 2
    }


def test_group_reports_find_gaps_per_group() -> None:
    reports = codes.group_reports(CLAIMS, [
        "Z109-LP·2019-D30-0001", "Z109-LP·2019-D30-0002", "Z109-LP·2019-D30-0004",
        "Z109-LP·2020-D30-0001", "not a code",
    ])
    assert [(r.prefix, r.count, r.gaps, r.next_free) for r in reports] == [
        ("Z109-LP·2019-D30-", 3, (3,), 5),
        ("Z109-LP·2020-D30-", 1, (), 2),
    ]


# ---------------------------------------------------------------- properties

fonds_st = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8)
cat_st = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=4)
org_st = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8)


@given(fonds=fonds_st, category=cat_st, year=st.integers(1900, 2100), retention=st.sampled_from(codes.RETENTIONS),
       org=org_st, number=st.integers(1, 999), pattern=st.sampled_from([CLAIMS_PATTERN, VOLUME_PATTERN, ITEM_PATTERN, BOX_PATTERN]))
def test_parse_of_format_is_identity(fonds: str, category: str, year: int, retention: str, org: str, number: int, pattern: str) -> None:
    p = codes.CodePattern(pattern)
    values = {"fonds": fonds, "category": category, "year": str(year), "retention": retention, "org": org, p.sequence_token: number}
    code = p.format(values)
    assert p.parse(code) == {k: values[k] for k in p.tokens}


@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = codes.normalize_scan(text)
    assert codes.normalize_scan(once) == once
    canon = codes.canonical_code(text)
    assert codes.canonical_code(canon) == canon


@given(fonds=fonds_st, category=cat_st, year=st.integers(1900, 2100), retention=st.sampled_from(codes.RETENTIONS),
       org=org_st, number=st.integers(1, 9999))
def test_payload_round_trips_to_the_code(fonds: str, category: str, year: int, retention: str, org: str, number: int) -> None:
    code = ITEMS.format({"fonds": fonds, "category": category, "year": year, "retention": retention, "org": org, "item": number})
    payload = codes.code_to_payload(code)
    assert set(payload) <= codes.PAYLOAD_ALPHABET
    assert codes.payload_to_code(payload) == code
    # a scanner that sends lower case (Caps Lock) or full-width still leads back to the code
    assert codes.payload_to_code(payload.lower()) == code


def test_a_code_that_breaks_the_rule_is_told_with_the_rule_in_words_and_a_worked_example() -> None:
    pattern = codes.CodePattern("{fonds}-{category}·{year}-{retention}-{volume:4}")
    with pytest.raises(ValidationError) as caught:
        pattern.parse("Z109-LP·2019-D30-12")  # the number one digit short of its width … two short
    text = str(caught.value)
    assert "{" not in text  # never the raw template
    assert "全宗号-门类代码·年度-保管期限-案卷号（4 位）" in text
    assert "例如 Z109-LP·2019-D30-0012" in text  # the person's own code, done right
    with pytest.raises(ValidationError) as caught:
        pattern.parse("Z109-LP-2019-D30-0012")  # the wrong separator: a generic example
    assert "例如 Z109-WS·2019-D30-0001" in str(caught.value)
