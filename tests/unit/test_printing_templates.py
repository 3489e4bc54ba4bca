"""Label templates and stock as data: loading, validating, saving, listing."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from archive_desk.i18n import set_language, t
from archive_desk.printing import templates as tp
from archive_desk.printing.templates import (
    BarcodeElement,
    Stock,
    TemplateError,
    TextElement,
    applicable_stocks,
    list_stocks,
    list_templates,
    load_stock,
    load_template,
    save_stock,
    save_template,
    simple_template,
    template_from_dict,
    template_to_dict,
)

MESSAGES = resources.files("archive_desk") / "resources" / "i18n" / "messages"


def test_shipped_templates_cover_the_issue() -> None:
    names = {x.name for x in list_templates()}
    for w in (20, 30, 40, 50):
        assert f"spine-box-{w}" in names
    for w in (10, 15, 20):
        assert f"spine-volume-{w}" in names
    assert {"front-63x34", "front-99x38", "front-100x50", "shelf-70x30", "shelf-60x40", "seal-45x16"} <= names
    for x in list_templates():
        assert x.source == "shipped"
        if x.kind == "spine":
            assert x.width_mm in (10, 15, 20, 30, 40, 50)
            assert {"fonds_code", "year", "retention", "item_start", "item_end", "org"} <= set(x.fields())
        if x.kind in ("front", "shelf"):
            assert x.has_barcode()
    # the default front label (A4 3 × 8) and the spines print Data Matrix; the others Code 128 (with a
    # Data Matrix variant for codes too long for it)
    symbologies = {x.name: {el.symbology for el in x.elements if hasattr(el, "symbology")} for x in list_templates()}
    assert symbologies["front-63x34"] == {"datamatrix"}
    assert all(symbologies[f"spine-{k}"] == {"datamatrix"} for k in ("box-20", "box-30", "box-40", "box-50", "volume-10", "volume-15", "volume-20"))
    assert symbologies["front-99x38"] == symbologies["shelf-60x40"] == {"code128"}
    assert {"filing_refs"} <= set(load_template("front-63x34").fields())
    seal = load_template("seal-45x16")
    assert (seal.width_mm, seal.height_mm) == (45, 16)
    assert set(seal.fields()) == {"fonds_code", "year", "item_no", "org", "retention", "pages"}


def test_shipped_stock() -> None:
    l7159 = load_stock("a4-3x8-l7159")
    assert (l7159.columns, l7159.rows, l7159.label_width_mm, l7159.label_height_mm) == (3, 8, 63.5, 33.9)
    assert (l7159.margin_left_mm, l7159.margin_top_mm, l7159.gap_x_mm) == (7.25, 12.9, 2.5)
    cells = l7159.cells()
    assert len(cells) == 24
    assert cells[-1].x + cells[-1].w == pytest.approx(210 - 7.25)
    assert cells[-1].y + cells[-1].h == pytest.approx(297 - 12.9)
    assert load_stock("a4-2x7-l7163").labels_per_page() == 14
    assert load_stock("a4-3x10-70x29.7").labels_per_page() == 30
    for name, size in (("roll-60x40", (60, 40)), ("roll-100x50", (100, 50))):
        roll = load_stock(name)
        assert roll.kind == "roll" and roll.dpi == 203
        assert (roll.page_width_mm, roll.page_height_mm) == size == (roll.label_width_mm, roll.label_height_mm)


def test_plain_stock_lays_out_by_template() -> None:
    plain = load_stock("a4-plain")
    assert plain.labels_per_page(load_template("spine-box-20")) == 8
    assert plain.labels_per_page(load_template("spine-box-50")) == 3
    with pytest.raises(TemplateError):
        plain.cells()


def test_every_template_has_a_stock_and_applicability_is_by_size() -> None:
    stocks = list_stocks()
    for x in list_templates():
        ok = applicable_stocks(x, stocks)
        assert ok, x.name
        for s in ok:
            cell = s.cells(x)[0]
            assert x.width_mm <= cell.w + 0.05 and x.height_mm <= cell.h + 0.05
    names = {s.name for s in applicable_stocks(load_template("front-63x34"), stocks)}
    assert "a4-3x8-l7159" in names and "roll-60x40" not in names and "a4-3x10-70x29.7" not in names


def test_custom_sheet_and_roll() -> None:
    s = Stock.custom_sheet("my-4x10", columns=4, rows=10, label_width_mm=48.5, label_height_mm=25.4, margin_left_mm=8, margin_top_mm=21.5, gap_x_mm=0, gap_y_mm=0)
    assert s.labels_per_page() == 40 and s.kind == "sheet"
    with pytest.raises(TemplateError) as err:
        Stock.custom_sheet("too-big", columns=4, rows=10, label_width_mm=60, label_height_mm=30, margin_left_mm=10, margin_top_mm=10)
    assert "210" in err.value.message  # names the page it overflows
    roll = Stock.roll("roll-50x30", 50, 30)
    assert roll.cells()[0].w == 50


def test_save_and_load_user_template(tmp_path: Path) -> None:
    custom = simple_template(
        "我的标签",
        70,
        36,
        ["code", "title", "year", "retention"],
        captions={"code": "Archival code", "year": "Year"},
        font_size=10,
    )
    assert isinstance(custom.elements[-1], BarcodeElement)
    path = save_template(custom, tmp_path)
    assert path == tmp_path / "我的标签.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["width_mm"] == 70
    mine = load_template("我的标签", tmp_path)
    assert mine.source == "user" and mine.elements == custom.elements
    # a user file of a shipped name takes its place
    shipped = load_template("seal-45x16")
    bigger = template_from_dict({**template_to_dict(shipped), "title": "Our seal"})
    save_template(bigger, tmp_path)
    assert load_template("seal-45x16", tmp_path).title == "Our seal"
    assert load_template("seal-45x16").title != "Our seal"
    names = [x.name for x in list_templates(tmp_path)]
    assert names.count("seal-45x16") == 1 and "我的标签" in names


def test_save_and_load_user_stock(tmp_path: Path) -> None:
    s = Stock.custom_sheet("my-2x8", columns=2, rows=8, label_width_mm=99.1, label_height_mm=33.9, margin_left_mm=4.65, margin_top_mm=12.9, gap_x_mm=2.5)
    save_stock(s, tmp_path)
    assert load_stock("my-2x8", tmp_path) == s
    assert {x.name for x in list_stocks(tmp_path)} >= {"my-2x8", "a4-3x8-l7159"}


def _base() -> dict:
    return {
        "format": 1,
        "name": "t1",
        "title": "T",
        "kind": "custom",
        "width_mm": 50,
        "height_mm": 30,
        "elements": [{"type": "text", "x": 1, "y": 1, "w": 40, "h": 5, "field": "title"}],
    }


@pytest.mark.parametrize(
    ("change", "expect"),
    [
        (lambda d: d["elements"].append({"type": "circle", "x": 0, "y": 0, "w": 1, "h": 1}), "circle"),
        (lambda d: d["elements"].append({"type": "text", "x": 20, "y": 1, "w": 40, "h": 5, "field": "title"}), "50"),
        (lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "w": 40, "h": 5}), "text"),
        (lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "w": 40, "h": 5, "format": "{title.__class__}"}), "format"),
        (lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "w": 40, "h": 5, "field": "title", "colour": "red"}), "colour"),
        (lambda d: d["elements"].append({"type": "barcode", "x": 0, "y": 1, "w": 40, "h": 10, "rotate": 45}), "rotate"),
        (lambda d: d["elements"].append({"type": "barcode", "x": 0, "y": 1, "w": 40, "h": 10, "symbology": "qr"}), "symbology"),
        (lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "w": 40, "h": 5, "field": "title", "align": "middle"}), "align"),
        (lambda d: d.update(width_mm="wide"), "width_mm"),
        (lambda d: d.update(name="../evil"), "../evil"),
        (lambda d: d.update(format=2), "2"),
        (lambda d: d.update(elements=[]), "elements"),
    ],
)
def test_invalid_templates_give_clear_errors(change, expect: str) -> None:
    d = _base()
    change(d)
    with pytest.raises(TemplateError) as err:
        template_from_dict(d)
    assert expect in err.value.message
    assert err.value.message.startswith(t("Label template"))


def test_invalid_json_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "x",\n "width_mm": }', encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        list_templates(tmp_path)
    assert "broken.json" in err.value.message and "2" in err.value.message
    # the app lists the rest and reports the broken file
    seen: list[TemplateError] = []
    names = {x.name for x in list_templates(tmp_path, on_error=seen.append)}
    assert "front-63x34" in names and len(seen) == 1 and "broken.json" in seen[0].message


def test_printing_is_pure() -> None:
    """No Qt and no database behind the printing modules (import-linter checks the same statically)."""
    import subprocess
    import sys

    code = (
        "import sys; import archive_desk.printing.labels, archive_desk.printing.forms, archive_desk.printing.tables; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy') or m.startswith('archive_desk.db')]; "
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_errors_in_english() -> None:
    set_language("en")
    d = _base()
    d["elements"][0]["x"] = 30
    with pytest.raises(TemplateError) as err:
        template_from_dict(d)
    assert "reaches outside the label" in err.value.message


def test_text_element_defaults_round_trip() -> None:
    el = TextElement(1, 2, 30, 5, field="title", max_lines=2)
    d = tp._element_to_dict(el)
    assert d == {"type": "text", "x": 1, "y": 2, "w": 30, "h": 5, "field": "title", "max_lines": 2}


def _catalogues() -> dict[str, dict[str, str]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in MESSAGES.iterdir() if p.name.endswith(".json")}


def test_template_and_stock_texts_have_chinese() -> None:
    """Texts in the data files go through t() at print time: each needs a Chinese entry."""
    zh = {}
    for cat in _catalogues().values():
        zh.update(cat)
    wanted = set()
    for x in list_templates():
        wanted.add(x.title)
        for el in x.elements:
            for key in ("text", "label"):
                if getattr(el, key, None):
                    wanted.add(getattr(el, key))
    wanted |= {s.title for s in list_stocks()}
    assert sorted(w for w in wanted if w not in zh) == []


def test_printing_catalogue_agrees_with_the_others() -> None:
    """The catalogues are merged into one dict: a msgid shared with another area must mean the same."""
    cats = _catalogues()
    mine = cats.pop("printing.json")
    for name, other in cats.items():
        clash = {k: (v, other[k]) for k, v in mine.items() if k in other and other[k] != v}
        assert clash == {}, name
