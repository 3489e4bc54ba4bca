"""Every value form the importer accepts, and the forms it must refuse (never a silent guess)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from archive_desk.importing.normalize import (
    CellError,
    ParsedLocation,
    SecurityMark,
    is_blank,
    parse_amount,
    parse_code,
    parse_date,
    parse_date_or_month,
    parse_date_range,
    parse_date_range_or_months,
    parse_id_number,
    parse_item_count,
    parse_location,
    parse_page_range,
    parse_pages,
    parse_phone,
    parse_reference,
    parse_retention,
    parse_security,
    parse_text,
    parse_year,
)

TODAY = date(2026, 11, 28)


# ------------------------------------------------------------------------------------------- years


@pytest.mark.parametrize("value", [2019, 2019.0, "2019", "2019年", "2019年度", "２０１９", "２０１９年", " 2019 ", "2019.0", "\u200b2019"])
def test_year_forms(value):
    assert parse_year(value, today=TODAY) == 2019


@pytest.mark.parametrize("value", ["19", "20l9", "二〇一九", "2019.5", 2019.5, True, "2019-2020", "", date(2019, 1, 1), datetime(2019, 1, 1)])
def test_year_errors(value):
    with pytest.raises(CellError):
        parse_year(value, today=TODAY)


def test_year_range():
    assert parse_year(1900, today=TODAY) == 1900
    assert parse_year(2027, today=TODAY) == 2027
    for bad in (1899, 2028, "1800"):
        with pytest.raises(CellError) as exc:
            parse_year(bad, today=TODAY)
        assert "1900" in exc.value.reason and "2027" in exc.value.reason


def test_reasons_are_chinese_by_default():
    with pytest.raises(CellError) as exc:
        parse_year("abc", today=TODAY)
    assert exc.value.reason == "年度“abc”不是有效的年份"


# --------------------------------------------------------------------------------------- retention


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("永久", "Y"),
        ("Y", "Y"),
        ("y", "Y"),
        ("30年", "D30"),
        ("定期30年", "D30"),
        ("D30", "D30"),
        ("Ｄ３０", "D30"),
        ("定期 30 年", "D30"),
        ("10年", "D10"),
        ("定期10年", "D10"),
        ("D10", "D10"),
        ("长期", "C"),
        ("短期", "S"),
    ],
)
def test_retention_forms(value, code):
    assert parse_retention(value) == code


@pytest.mark.parametrize("value", ["15年", "永远", "30", 30.0, "D20", "定期", "长"])
def test_retention_errors(value):
    with pytest.raises(CellError):
        parse_retention(value)


# ---------------------------------------------------------------------------------------- security


@pytest.mark.parametrize(
    ("value", "mark"),
    [
        ("公开", SecurityMark("公开")),
        ("内部", SecurityMark("内部")),
        ("秘密", SecurityMark("秘密")),
        ("机密", SecurityMark("机密")),
        ("绝密", SecurityMark("绝密")),
        ("机密★10年", SecurityMark("机密", 10)),
        ("秘密★5年", SecurityMark("秘密", 5)),
        ("绝密*30年", SecurityMark("绝密", 30)),
        ("机密 ★ 20", SecurityMark("机密", 20)),
    ],
)
def test_security_forms(value, mark):
    assert parse_security(value) == mark


@pytest.mark.parametrize("value", ["非密", "秘", "机密★25年", "秘密★11年", "公开★5年", "内部★1年", "机密★0年", 1.0])
def test_security_errors(value):
    with pytest.raises(CellError):
        parse_security(value)


def test_security_str():
    assert str(SecurityMark("机密", 10)) == "机密★10年"
    assert str(SecurityMark("公开")) == "公开"


# ------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value",
    [
        date(2019, 3, 5),
        datetime(2019, 3, 5, 14, 30),
        43529,
        43529.0,
        43529.6,  # a serial with a time of day
        20190305,
        20190305.0,
        "2019.3.5",
        "2019.03.05",
        "2019-03-05",
        "2019/3/5",
        "20190305",
        "2019年3月5日",
        "2019年03月05日",
        "2019年3月5号",
        "２０１９年３月５日",
        "2019-03-05 00:00:00",
        " 2019.3.5 ",
    ],
)
def test_date_forms(value):
    assert parse_date(value, today=TODAY) == date(2019, 3, 5)


@pytest.mark.parametrize(
    "value",
    ["2019.13.45", "2019.2.30", "2019-02-29", "20191345", "2019年13月1日", "3/5/2019", "19.3.5", "2019.3", "2019年3月", "昨天", "2019.3-5", 12, 0, -5, True, time(10, 0), "43529"],
)
def test_date_errors(value):
    with pytest.raises(CellError):
        parse_date(value, today=TODAY)


def test_impossible_date_says_so():
    with pytest.raises(CellError) as exc:
        parse_date("2019.13.45", today=TODAY)
    assert exc.value.reason == "日期“2019.13.45”不存在"


def test_date_year_range():
    with pytest.raises(CellError):
        parse_date("1899.12.31", today=TODAY)
    with pytest.raises(CellError):
        parse_date(date(2030, 1, 1), today=TODAY)
    assert parse_date("2026.11.28", today=TODAY) == TODAY  # today, not yet the future (a 年度 may be next year's)


@pytest.mark.parametrize(
    "value",
    [
        "2019.03.05-2019.04.12",
        "2019.3.5—2019.4.12",
        "2019.3.5–2019.4.12",
        "2019.3.5~2019.4.12",
        "2019.3.5～2019.4.12",
        "2019.3.5 至 2019.4.12",
        "20190305至20190412",
        "20190305-20190412",
        "2019-03-05-2019-04-12",
        "2019/3/5-2019/4/12",
        "2019年3月5日至2019年4月12日",
        "2019年3月5日-2019年4月12日",
        "2019.3.5——2019.4.12",
        "2019.3.5 - 2019.4.12",
    ],
)
def test_date_range_forms(value):
    assert parse_date_range(value, today=TODAY) == (date(2019, 3, 5), date(2019, 4, 12))


def test_date_range_single_date_is_one_day():
    assert parse_date_range("2019.3.5", today=TODAY) == (date(2019, 3, 5), date(2019, 3, 5))
    assert parse_date_range(date(2019, 3, 5), today=TODAY) == (date(2019, 3, 5), date(2019, 3, 5))
    assert parse_date_range("2019-03-05", today=TODAY) == (date(2019, 3, 5), date(2019, 3, 5))


@pytest.mark.parametrize(
    "value",
    ["2019.4.12-2019.3.5", "2019.13.45-2019.4.1", "2019.3.5-", "至2019.4.1", "2019.3.5至2019.4.1至2019.5.1", "2019.3-2019.4", "2019.3.5-4.12", "乱写"],
)
def test_date_range_errors(value):
    with pytest.raises(CellError):
        parse_date_range(value, today=TODAY)


@pytest.mark.parametrize(
    "value",
    ["2021年3月—2021年5月", "2021.03-2021.05", "2021.3-2021.5", "202103-202105", "2021-03-2021-05", "2021/03~2021/05",
     "2021年3月至2021年5月", "2021年03月-2021年05月"],
)
def test_date_range_of_months(value):
    # common in real registers, refused before ("Date 2021年10月 is not understood"): the first day of the first
    # month to the last day of the last, so the range sorts by its first day and overlaps as a filter expects
    assert parse_date_range_or_months(value, today=TODAY) == (date(2021, 3, 1), date(2021, 5, 31), "month")


@pytest.mark.parametrize("value, expected", [
    ("2021年10月", (date(2021, 10, 1), date(2021, 10, 31))),
    ("202102", (date(2021, 2, 1), date(2021, 2, 28))),
    (202002, (date(2020, 2, 1), date(2020, 2, 29))),  # typed as a number: six digits are a month
    ("2021.12", (date(2021, 12, 1), date(2021, 12, 31))),
    ("2026.11", (date(2026, 11, 1), date(2026, 11, 30))),  # this month: begun, not in the future
])
def test_one_month(value, expected):
    assert parse_date_range_or_months(value, today=TODAY) == (*expected, "month")
    assert parse_date_or_month(value, today=TODAY) == (*expected, "month")


def test_dates_to_the_day_are_unchanged_where_months_are_accepted():
    assert parse_date_range_or_months("2019.3.5-2019.4.12", today=TODAY) == (date(2019, 3, 5), date(2019, 4, 12), "day")
    assert parse_date_or_month("2019年3月5日", today=TODAY) == (date(2019, 3, 5), date(2019, 3, 5), "day")


@pytest.mark.parametrize("value, says", [
    ("2021.03.05-2021.05", "一端"),  # one end to the day, the other to the month
    ("2021.05-2021.03", "早于"),
    ("2021.13", "不存在"),
    ("2026.12", "晚于今天"),
    (2021.03, "年月"),  # a number: Excel keeps 2021.10 as 2021.1, so it is never read as a month
    ("2021年3月至5月", "2019.03-2019.04"),
])
def test_month_errors(value, says):
    with pytest.raises(CellError) as exc:
        parse_date_range_or_months(value, today=TODAY)
    assert says in exc.value.reason


def test_date_range_impossible_date_reason():
    with pytest.raises(CellError) as exc:
        parse_date_range("2019.02.30-2019.03.01", today=TODAY)
    assert "不存在" in exc.value.reason


# ----------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("value", "n"), [(56, 56), (56.0, 56), ("56", 56), ("56页", 56), ("共56页", 56), ("５６页", 56), (" 56 页 ", 56), ("56.0", 56), (0, 0), ("56P", 56)])
def test_pages_forms(value, n):
    assert parse_pages(value) == n


@pytest.mark.parametrize("value", [-1, "-3", "56.5", 56.5, "五十六", "56件", "56页面", True, date(2019, 1, 1), "56 57"])
def test_pages_errors(value):
    with pytest.raises(CellError):
        parse_pages(value)


@pytest.mark.parametrize(("value", "n"), [(3, 3), (3.0, 3), ("3件", 3), ("3份", 3), ("共3件", 3)])
def test_item_count_forms(value, n):
    assert parse_item_count(value) == n


def test_item_count_refuses_pages_unit():
    with pytest.raises(CellError) as exc:
        parse_item_count("3页")
    assert "页" in exc.value.reason


@pytest.mark.parametrize(("value", "expected"), [("5", (5, None)), (5.0, (5, None)), ("5-12", (5, 12)), ("5~12", (5, 12)), ("5至12", (5, 12)), ("５－１２", (5, 12))])
def test_page_range_forms(value, expected):
    assert parse_page_range(value) == expected


@pytest.mark.parametrize("value", ["12-5", "a-b", "5-", "5,6"])
def test_page_range_errors(value):
    with pytest.raises(CellError):
        parse_page_range(value)


@pytest.mark.parametrize(
    ("value", "amount"),
    [(12345.6, "12345.60"), (12345, "12345.00"), ("12,345.60", "12345.60"), ("¥12345", "12345.00"), ("￥12345元", "12345.00"), ("1.2万元", "12000.00"), ("1.2万", "12000.00"), (0.1 + 0.2, "0.30")],
)
def test_amount_forms(value, amount):
    assert parse_amount(value) == Decimal(amount)


@pytest.mark.parametrize("value", ["-5", -5.0, "12.345", 12.345, "一万元", "abc", True])
def test_amount_errors(value):
    with pytest.raises(CellError):
        parse_amount(value)


# ------------------------------------------------------------------------------------------- 档号


@pytest.mark.parametrize(
    "value",
    [
        "Z109-LP·2019-D30-0123",
        "Z109-LP.2019-D30-0123",
        " Z109-LP·2019-D30-0123  ",
        "Z109 - LP · 2019 - D30 - 0123",
        "z109-lp.2019-d30-0123",
        "Ｚ１０９－ＬＰ．２０１９－Ｄ３０－０１２３",
        "Z109-LP・2019-D30-0123",
        "Z109-LP•2019-D30-0123",
        "Z109\u2014LP·2019\u2013D30\u22120123",
        "\ufeffZ109-LP·2019-D30-0123\u200b",
    ],
)
def test_code_forms(value):
    assert parse_code(value) == "Z109-LP·2019-D30-0123"


@pytest.mark.parametrize("value", ["Z109-文书·2019-D30-0123", "Z109--0123", "-Z109-0123", "Z109-0123-", "Z109/LP/2019", "Q001 LP·2019-D30-0001", "Q001-LP·2019-D30-01 23", 123.0, 123, date(2019, 1, 1), "Z109_LP"])
def test_code_errors(value):
    with pytest.raises(CellError):
        parse_code(value)


# ---------------------------------------------------------------------------------- text, references


def test_text():
    assert parse_text("  张艳建筑工程保险（重复登记）\u200b ") == "张艳建筑工程保险（重复登记）"
    assert parse_text(12.0) == "12"
    assert parse_text(12.5) == "12.5"
    assert parse_text(date(2019, 3, 5)) == "2019-03-05"
    for bad in (True, "   ", "\u200b"):
        with pytest.raises(CellError):
            parse_text(bad)


def test_reference():
    assert parse_reference("lp2019173248") == "LP2019173248"
    assert parse_reference(2019173248.0) == "2019173248"
    assert parse_reference(" ＬＰ2019 ") == "LP2019"
    with pytest.raises(CellError):
        parse_reference("LP 2019")
    with pytest.raises(CellError) as exc:
        parse_reference(110105194912310021.0)  # an 18-digit number Excel stored as a float
    assert "Excel" in exc.value.reason
    for bad in (12.5, True, date(2019, 1, 1)):
        with pytest.raises(CellError):
            parse_reference(bad)


def test_id_number():
    assert parse_id_number("11010519491231002x") == "11010519491231002X"
    assert parse_id_number("110105491231002") == "110105491231002"  # old 15-digit number
    assert parse_id_number("E12345678") == "E12345678"  # passport
    for bad in ("110105194912310022", "110105194913310029", "12-34", 110105194912310021.0):
        with pytest.raises(CellError):
            parse_id_number(bad)


def test_phone():
    assert parse_phone("010-12345678") == "010-12345678"
    assert parse_phone("138 1234 5678") == "13812345678"
    assert parse_phone(13812345678.0) == "13812345678"
    assert parse_phone("8021") == "8021"
    assert parse_phone("(010)12345678转123") == "(010)12345678转123"
    for bad in ("无", "12", "abc123"):
        with pytest.raises(CellError):
            parse_phone(bad)


def test_is_blank():
    assert is_blank(None) and is_blank("") and is_blank("  ") and is_blank("\u200b\u3000")
    assert not is_blank(0) and not is_blank("0") and not is_blank(False)


# ---------------------------------------------------------------------------------------- location


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5号密集架7列1节5层", ParsedLocation(None, "5", None, 7, 1, 5, "5号密集架7列1节5层")),
        ("5号架7列1节5层", ParsedLocation(None, "5", None, 7, 1, 5, "5号架7列1节5层")),
        ("K1-03A-02-4-3", ParsedLocation("K1", "3", "A", 2, 4, 3, "K1-03A-02-4-3", "K1-03A-02-4-3")),
        ("k1-03a-02-4-3", ParsedLocation("K1", "3", "A", 2, 4, 3, "k1-03a-02-4-3", "K1-03A-02-4-3")),
        ("L.K1-03A-02-4-3", ParsedLocation("K1", "3", "A", 2, 4, 3, "L.K1-03A-02-4-3", "K1-03A-02-4-3")),
        ("Ｋ１－０３Ａ－０２－４－３", ParsedLocation("K1", "3", "A", 2, 4, 3, "Ｋ１－０３Ａ－０２－４－３", "K1-03A-02-4-3")),
        # four parts: which level is missing depends on the room's code pattern; only the code is kept whole
        ("K1-03A-02-4", ParsedLocation("K1", "3", "A", None, None, None, "K1-03A-02-4", "K1-03A-02-4")),
        ("2-05-01-3-2", ParsedLocation("2", "5", None, 1, 3, 2, "2-05-01-3-2", "2-05-01-3-2")),
        ("1号库房5号密集架A面7列1节5层", ParsedLocation("1", "5", "A", 7, 1, 5, "1号库房5号密集架A面7列1节5层")),
        ("五号架十二列一节五层", ParsedLocation(None, "5", None, 12, 1, 5, "五号架十二列一节五层")),
        ("A区3列2节4层", ParsedLocation(None, "A", None, 3, 2, 4, "A区3列2节4层")),
        (" ５号密集架 ７列１节５层 ", ParsedLocation(None, "5", None, 7, 1, 5, "５号密集架 ７列１节５层")),
        ("5号密集架7列B面1节5层", ParsedLocation(None, "5", "B", 7, 1, 5, "5号密集架7列B面1节5层")),
        ("5号密集架", ParsedLocation(None, "5", None, None, None, None, "5号密集架")),
    ],
)
def test_location_forms(value, expected):
    assert parse_location(value) == expected


def test_location_label_and_completeness():
    loc = parse_location("1号库房5号架A面7列1节5层")
    assert loc.label() == "1号库房5号密集架A面7列1节5层"
    assert loc.is_complete
    assert not parse_location("5号密集架").is_complete
    assert parse_location("K1-03A-02-4").is_complete  # a code to look up
    assert parse_location("K1-03A-02-4").label() == "K1-03A-02-4"


@pytest.mark.parametrize("value", ["第五排", "5号密集架A面7列B面1节5层", "K1-03A", "K1-A3-02-4", "K1-03A-02-4-3-1-1", "", 5.0, "库房"])
def test_location_errors(value):
    with pytest.raises(CellError):
        parse_location(value)
