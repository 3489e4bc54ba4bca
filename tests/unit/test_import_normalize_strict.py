"""Values the importer used to misread or crash on: each is now refused with a reason a clerk can act
on (a CellError on the cell), or read with the right value. Never a silent guess, never a traceback."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_desk.db.engine import Database
from archive_desk.importing import normalize
from archive_desk.importing.normalize import (
    CellError,
    parse_amount,
    parse_date,
    parse_date_range,
    parse_id_number,
    parse_location,
    parse_reference,
    parse_year,
)
from archive_desk.services import importer, locations
from archive_desk.services.audit import Actor

TODAY = date(2026, 11, 28)


def reason(parse, value, **kw) -> str:
    with pytest.raises(CellError) as exc:
        parse(value, **kw)
    return exc.value.reason


# ------------------------------------------------------------------------------ numbers as dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (43529, date(2019, 3, 5)),  # Excel serial (1900 system)
        (43530, date(2019, 3, 6)),
        (43529.0, date(2019, 3, 5)),
        (43529.75, date(2019, 3, 5)),  # a serial with a time of day (18:00)
        (2101, date(1905, 10, 1)),  # the first number read as a serial
        (20190305, date(2019, 3, 5)),  # YYYYMMDD
        (20190305.0, date(2019, 3, 5)),
    ],
)
def test_numbers_that_are_dates(value, expected):
    assert parse_date(value, today=TODAY) == expected


@pytest.mark.parametrize("value", [2019, 2019.0, 1999, 1900, 2100, 1850])
def test_a_whole_number_like_a_year_is_not_a_date(value):
    assert "像是年份" in reason(parse_date, value, today=TODAY)


@pytest.mark.parametrize("value", [2019.3, 1999.12, 2019.03, 2020.5])
def test_a_number_like_a_year_and_month_is_not_a_date(value):
    assert "像是年月" in reason(parse_date, value, today=TODAY)


@pytest.mark.parametrize(
    "value",
    [
        500,  # would be 1901-05-14: a count, not a date
        123.45,
        60.0,
        -43529.0,
        201903.0,  # YYYYMM: as a serial 2452-10-24
        190305,
        2958466,  # past 9999-12-31
        float("inf"),
        float("nan"),
        10**400,  # too large even for a float
    ],
)
def test_numbers_that_are_not_dates(value):
    assert "不是日期" in reason(parse_date, value, today=TODAY)


def test_a_serial_after_today_is_in_the_future():
    assert parse_date(46354, today=TODAY) == TODAY  # 2026-11-28
    assert "晚于今天" in reason(parse_date, 46355, today=TODAY)


def test_a_date_range_typed_as_a_number_is_checked_the_same_way():
    assert "像是年份" in reason(parse_date_range, 2019.0, today=TODAY)
    assert parse_date_range(43529, today=TODAY) == (date(2019, 3, 5), date(2019, 3, 5))


# --------------------------------------------------------------------------------- future dates


@pytest.mark.parametrize("value", ["2027-03-01", "2026.11.29", "20261129", "2026年11月29日", datetime(2027, 3, 1), date(2026, 11, 29)])
def test_a_date_after_today_is_an_error(value):
    r = reason(parse_date, value, today=TODAY)
    assert "晚于今天" in r and "2026-11-28" in r


@pytest.mark.parametrize("value", ["2026-11-28", datetime(2026, 11, 28, 23, 59), "2026年11月28日"])
def test_today_is_not_the_future(value):
    assert parse_date(value, today=TODAY) == TODAY


@pytest.mark.parametrize("value", ["2019.3.5-2027.11.30", "2019.3.5-2026.11.29", "2019.3.5至2027年1月1日", "2027.1.1-2027.2.1"])
def test_a_range_ending_after_today_is_an_error(value):
    assert "晚于今天" in reason(parse_date_range, value, today=TODAY)


def test_today_defaults_to_the_clock_and_can_be_patched(monkeypatch):
    monkeypatch.setattr(normalize, "_today", lambda: TODAY)
    assert parse_date("2026-11-28") == TODAY
    assert "晚于今天" in reason(parse_date, "2026-11-29")
    assert "晚于今天" in reason(parse_date_range, "2026.11.1-2026.11.29")
    monkeypatch.setattr(normalize, "_today", lambda: date(2026, 11, 29))
    assert parse_date("2026-11-29") == date(2026, 11, 29)  # not stuck in the cache from yesterday


def test_the_year_may_still_be_next_year():
    assert parse_year(2027, today=TODAY) == 2027
    assert "晚于今天" in reason(parse_date, "2027-01-01", today=TODAY)


@pytest.mark.parametrize("value", ["2019-03-05 25:99", "2019-03-05 24:00", "2019.3.5 12:60", "2019年3月5日 99:00"])
def test_an_impossible_time_of_day_is_an_error(value):
    assert "不存在" in reason(parse_date, value, today=TODAY)


# ---------------------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("12,345.60", "12345.60"),
        ("1,234,567", "1234567.00"),
        ("１，２３４，５６７．８", "1234567.80"),  # full-width commas and digits
        ("¥1,234", "1234.00"),
        ("1,200万元", "12000000.00"),
        ("999", "999.00"),
        ("12345RMB", "12345.00"),
    ],
)
def test_amount_commas_between_groups_of_three(value, amount):
    assert parse_amount(value) == Decimal(amount)


@pytest.mark.parametrize("value", ["1,2345", "12,34", "1,23,456", ",123", "123,", "1,,234", "1，2345"])
def test_amount_commas_elsewhere_are_an_error(value):
    assert "逗号" in reason(parse_amount, value)


@pytest.mark.parametrize("value", ["1" * 30, 1e30, 10**30, "1" * 16, 1e15, "1e30", "9" * 5000])
def test_an_enormous_amount_is_an_error_not_a_crash(value):
    r = reason(parse_amount, value)
    assert "过大" in r or "不是金额" in r


def test_amount_decimals_are_exact_however_long():
    assert "小数超过" in reason(parse_amount, "1.00000000000000000000000000001万")
    assert parse_amount("1.2345万") == Decimal("12345.00")


@pytest.mark.parametrize("value", ["1¥2", "12RMB34", "¥", "12,345.6,7"])
def test_currency_marks_only_around_the_number(value):  # and commas never after the point
    assert "不是金额" in reason(parse_amount, value)


# -------------------------------------------------------------------------- scientific notation


@pytest.mark.parametrize("value", ["1.23457E+17", "1.23457e+17", "1E+17", "１．２３４５７Ｅ＋１７", " 1.10105E+17 ", "1.38001E+10"])
def test_excel_scientific_notation_lost_its_digits(value):
    assert "丢失" in reason(parse_reference, value)
    assert "丢失" in reason(parse_id_number, value)


@pytest.mark.parametrize("value", ["2019E001", "PDAA2019E-0001", "LP2019E+01X", "E12345678"])
def test_codes_with_an_e_are_still_references(value):
    assert parse_reference(value) == value


# ------------------------------------------------------------------------------------- locations


@pytest.mark.parametrize("value", ["5号架7列1节十十层", "5号密集架7列1节二十十层", "十十号架1列1节1层", "5号架零十列1节1层", "5号架十零列1节1层"])
def test_malformed_chinese_numerals_are_an_error(value):
    assert "不是有效的数字" in reason(parse_location, value)


@pytest.mark.parametrize(
    ("value", "parts"),
    [("十号架二十三列十节两层", ("10", 23, 10, 2)), ("五号架十列一节九层", ("5", 10, 1, 9)), ("二十号架一二列一节一层", ("20", 12, 1, 1))],
)
def test_chinese_numerals(value, parts):
    loc = parse_location(value)
    assert (loc.rack, loc.column, loc.section, loc.layer) == parts


@pytest.mark.parametrize("value", ["5号架99999列1节1层", "5号架7列1节" + "9" * 5000 + "层", "K1-03A-02-4-" + "9" * 30])
def test_location_numbers_too_large_are_an_error(value):
    assert "过大" in reason(parse_location, value)


def test_a_rack_that_is_not_a_number_is_an_error_on_the_cell(db: Database, actor: Actor):
    with db.write() as session:
        room = locations.create_room(session, actor, 1)
        locations.create_rack(session, actor, room.id, 5, sides=1, columns=8, sections=1, layers=5)
    resolve = importer._location_resolver(db)
    assert resolve is not None
    r = reason(resolve, parse_location("A区3列1节4层"))
    assert "A" in r and "密集架" in r
    assert isinstance(resolve(parse_location("5号密集架3列1节4层")), int)
    assert isinstance(resolve(parse_location("1号库房5号架3列1节4层")), int)
    assert "没有" in reason(resolve, parse_location("6号密集架3列1节4层"))
    assert "没有" in reason(resolve, parse_location("K9号库房5号架3列1节4层"))


# ------------------------------------------------------------------------------------ properties

_MESSY_TEXT = st.text(alphabet=st.sampled_from("0123456789,，.。-—~至¥￥元万RMBCNYEe+ 年月日号/:十二零一两"), max_size=24) | st.text(max_size=24)
_NUMBERS = st.floats(allow_nan=True, allow_infinity=True) | st.integers(min_value=-(10**40), max_value=10**40)


@settings(max_examples=400, deadline=None)
@given(_MESSY_TEXT | _NUMBERS)
def test_amount_raises_only_cell_errors(value):
    try:
        amount = parse_amount(value)
    except CellError as exc:
        assert exc.reason
    else:
        assert amount >= 0 and amount == amount.quantize(Decimal("0.01")) and amount < 10**15


@settings(max_examples=400, deadline=None)
@given(_MESSY_TEXT | _NUMBERS)
def test_dates_raise_only_cell_errors_and_never_pass_today(value):
    for parse in (parse_date, parse_date_range):
        try:
            result = parse(value, today=TODAY)
        except CellError as exc:
            assert exc.reason
        else:
            for d in result if isinstance(result, tuple) else (result,):
                assert date(1900, 1, 1) <= d <= TODAY


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1000, max_value=2100.99, allow_nan=False))
def test_no_year_or_year_and_month_number_becomes_a_date(value):
    with pytest.raises(CellError):
        parse_date(value, today=TODAY)


_NUMERAL = st.text(alphabet=st.sampled_from("0123456789零〇一二两三五九十"), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.tuples(_NUMERAL, _NUMERAL, _NUMERAL, _NUMERAL) | st.text(alphabet=st.sampled_from("0123456789一二十号架列节层面库房区AB-K"), max_size=20))
def test_location_raises_only_cell_errors(value):
    if isinstance(value, tuple):
        value = "{}号架{}列{}节{}层".format(*value)
    try:
        loc = parse_location(value)
    except CellError as exc:
        assert exc.reason
    else:
        assert all(n is None or 0 <= n <= 9999 for n in (loc.column, loc.section, loc.layer))
