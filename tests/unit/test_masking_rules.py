"""The one table of masking rules (issue 16): names keep their first character, ID numbers the first and last
four, phones the first three and last four; who sees personal data and which 密级 an account reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from archive_desk.services import masking
from archive_desk.services.audit import Actor

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def test_the_examples_of_the_issue() -> None:
    assert masking.mask_name("张三") == "张*"
    assert masking.mask_name("欧阳修文") == "欧***"
    assert masking.mask_id("110101199003071234") == "1101**********1234"
    assert masking.mask_phone("13812345678") == "138****5678"


@given(st.text(HAN, min_size=2, max_size=8))
def test_a_name_keeps_only_its_first_character(name: str) -> None:
    masked = masking.mask_name(name)
    assert masked[0] == name[0] and masked[1:] == "*" * (len(name) - 1)


@given(st.text("0123456789X", min_size=9, max_size=20))
def test_an_id_number_keeps_its_first_and_last_four(number: str) -> None:
    masked = masking.mask_id(number)
    assert len(masked) == len(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:] and set(masked[4:-4]) <= {"*"}


@given(st.text("0123456789-", min_size=8, max_size=16))
def test_a_phone_keeps_its_first_three_and_last_four(phone: str) -> None:
    masked = masking.mask_phone(phone)
    assert masked[:3] == phone[:3] and masked[-4:] == phone[-4:] and set(masked[3:-4]) <= {"*"}


@given(st.text(min_size=0, max_size=8))
def test_short_values_show_nothing(value: str) -> None:
    assert set(masking.mask_id(value)) <= {"*"}
    assert set(masking.mask_phone(value[:7])) <= {"*"}


def test_who_sees_personal_data() -> None:
    assert masking.may_see_personal(Actor("clerk"))  # no accounts: everything visible
    for role in ("archivist", "secadmin"):
        assert masking.may_see_personal(Actor("a", role=role, clearance="公开"))
    for role in ("desk", "reader", "auditor", "admin"):
        assert not masking.may_see_personal(Actor("a", role=role, clearance="机密"))
        assert masking.may_see_personal(Actor("a", role=role, clearance="公开", rights=frozenset({"personal_data"})))


def test_clearance_levels() -> None:
    reader = Actor("r", role="reader", clearance="公开")
    desk = Actor("d", role="desk", clearance="内部")
    assert masking.visible_levels(Actor("clerk")) is None
    assert masking.visible_levels(desk) == ("公开", "内部")
    assert masking.above_clearance(reader, "内部") and not masking.above_clearance(desk, "内部")
    assert masking.above_clearance(desk, "秘密") and not masking.above_clearance(Actor("clerk"), "绝密")
    assert masking.above_clearance(desk, "不明")  # an unknown 密级 is hidden, not shown


def test_a_borrowers_phone_and_id_number_are_masked_without_the_right() -> None:
    desk = Actor("d", role="desk", clearance="内部")
    assert masking.mask_borrower_fields(desk, "13812345678", "110101199003071234") == ("138****5678", "1101**********1234")
    clerk = Actor("clerk")
    assert masking.mask_borrower_fields(clerk, "13812345678", "110101199003071234") == ("13812345678", "110101199003071234")
