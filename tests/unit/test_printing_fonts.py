"""Measuring, shortening, wrapping and vertical setting with the shipped font."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_desk.printing import fonts

CJK = "档案馆理赔报告通知关于年度机动车辆保险案卷张三粤追尾事故，。、（）《》"
TEXT = st.text(alphabet=CJK + "ABCXYZabc0123456789 -·.", min_size=0, max_size=80)


def test_font_and_licence_are_shipped() -> None:
    folder = resources.files("archive_desk") / "resources" / "fonts"
    assert (folder / fonts.FONT_FILE).is_file()
    licence = (folder / fonts.LICENCE_FILE).read_text(encoding="utf-8")
    assert "WenQuanYi" in licence and "Apache License" in licence


def test_shipped_font_covers_the_forms() -> None:
    for ch in "档号全宗年度保管期限起止件号盒机构卷内文件目录备考表第页共…·—★№0A":
        assert fonts.has_glyph(ch), ch


def test_shorten_fits_and_ends_with_ellipsis() -> None:
    title = "2019年度机动车辆保险理赔案卷（张三 粤A12345 追尾事故 含查勘报告、定损单、赔款计算书）"
    short = fonts.shorten(title, 9, 100)
    assert short.endswith("…") and len(short) < len(title)
    assert fonts.text_width(short, 9) <= 100
    assert title.startswith(short[:-1])
    assert fonts.shorten("档案", 9, 100) == "档案"
    assert fonts.shorten("档案", 9, 1) == ""


@settings(max_examples=80, deadline=None)
@given(TEXT, st.floats(20, 300), st.sampled_from([6.0, 8.0, 10.5]))
def test_wrapped_lines_never_exceed_the_width(text: str, width: float, size: float) -> None:
    for line in fonts.wrap(text, size, width):
        assert fonts.text_width(line, size) <= width + 1e-6


@settings(max_examples=80, deadline=None)
@given(TEXT, st.floats(15, 200), st.floats(4, 60), st.integers(1, 4))
def test_fitted_text_stays_in_its_box(text: str, width: float, height: float, lines: int) -> None:
    f = fonts.fit_text(text, width, height, 10, min_size=6, max_lines=lines)
    assert len(f.lines) <= lines
    assert f.height <= height + 1e-6
    for w in f.widths:
        assert w <= width + 1e-6
    if not f.truncated:
        assert "".join(f.lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_fit_shrinks_before_it_shortens() -> None:
    text = "关于印发《档案管理办法》的通知"
    wide = fonts.text_width(text, 10)
    f = fonts.fit_text(text, wide * 0.8, 20, 10, min_size=7)
    assert not f.truncated and f.size < 10 and f.lines == (text,)
    g = fonts.fit_text(text * 3, wide * 0.8, 20, 10, min_size=7, max_lines=1)
    assert g.truncated and g.lines[0].endswith("…") and g.size == 7


def test_line_never_starts_with_closing_punctuation() -> None:
    text = "理赔报告，查勘报告。定损单、赔款计算书。"
    for width in range(20, 120, 3):
        for line in fonts.wrap(text, 10, width)[1:]:
            assert line[:1] not in "，。、", (width, line)


@settings(max_examples=60, deadline=None)
@given(TEXT, st.floats(8, 60), st.floats(10, 400), st.sampled_from(fonts.LATIN_MODES))
def test_vertical_column_stays_in_its_strip(text: str, width: float, height: float, latin: str) -> None:
    vt = fonts.layout_vertical(text, 10, width, height, min_size=5, latin=latin)
    assert vt.height <= height + 1e-6
    assert vt.width <= width + 1e-6
    for g in vt.glyphs:
        assert g.top + g.advance <= height + 1e-6


def test_vertical_digits_upright_or_rotated() -> None:
    # "2019" fits a 20 mm strip: kept upright on one line (纵中横)
    vt = fonts.layout_vertical("定期30年", 12, fonts.mm(17), fonts.mm(60))
    units = [(g.text, g.rotated) for g in vt.glyphs]
    assert units == [("定", False), ("期", False), ("30", False), ("年", False)]
    # a long code does not fit across a 10 mm strip: turned to read down the column
    vt = fonts.layout_vertical("档号Z109-LP·2019-D30", 9, fonts.mm(8), fonts.mm(80))
    assert ("Z109-LP·2019-D30", True) in [(g.text, g.rotated) for g in vt.glyphs]
    # or stacked one character per line when asked
    vt = fonts.layout_vertical("D30", 9, fonts.mm(8), fonts.mm(80), latin="stack")
    assert [g.text for g in vt.glyphs] == ["D", "3", "0"]


def test_vertical_text_too_long_is_cut_with_ellipsis() -> None:
    vt = fonts.layout_vertical("关于印发档案管理办法的通知" * 3, 9, fonts.mm(8), fonts.mm(30), min_size=8)
    assert vt.truncated and vt.glyphs[-1].text == "…" and vt.height <= fonts.mm(30) + 1e-6


@pytest.mark.parametrize("size", [4, 9, 20])
def test_mm_round_trip(size: float) -> None:
    assert fonts.to_mm(fonts.mm(size)) == pytest.approx(size)
