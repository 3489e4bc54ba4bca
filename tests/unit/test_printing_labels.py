"""Labels as a person gets them: rendered with poppler, barcodes read back with zxing-cpp.

Every shipped template is printed on every stock it fits, rasterised at 300 dpi and at 203 dpi
(a thermal printer's resolution); every barcode must decode to exactly its payload, every label
must stay inside its cell, the Chinese text must be extractable and every font embedded.

Every code must decode at both resolutions: Code 128 is printed only with modules of at least
0.25 mm (two dots at 203 dpi); a 21-character 档号 on a 63.5 mm label (255 modules + 2 × 10 quiet,
68.75 mm at 0.25 mm) is printed as Data Matrix beside the human-readable code.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from archive_desk.errors import UserError
from archive_desk.i18n import set_language
from archive_desk.printing import barcodes
from archive_desk.printing.data import Calibration, LabelRecord
from archive_desk.printing.labels import layout_labels, render_labels, render_test_page
from archive_desk.printing.templates import applicable_stocks, list_stocks, list_templates, load_stock, load_template

from printing_helpers import (
    dark_bbox,
    decode,
    decode_formats,
    pdf_fonts,
    pdf_pages,
    pdf_text,
    rasterise,
    records_for,
    require_poppler,
    volume_records,
)

THERMAL_MODULE_MM = 2 * 25.4 / 203 - 1e-6  # two dots of a 203-dpi printer



def _combos() -> list[tuple[str, str]]:
    stocks = list_stocks()
    return [(x.name, s.name) for x in list_templates() for s in applicable_stocks(x, stocks)]


COMBOS = _combos()


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    require_poppler()


def _used_area(layout, margin: float = 2.0) -> tuple[float, float, float, float]:
    page_w, page_h = layout.stock.page_width_mm, layout.stock.page_height_mm
    cells = [p.cell for p in layout.labels if p.page == 0]
    x0 = max(0.0, min(c.x for c in cells) - margin)
    y0 = max(0.0, min(c.y for c in cells) - margin)
    x1 = min(page_w, max(c.x + c.w for c in cells) + margin)
    y1 = min(page_h, max(c.y + c.h for c in cells) + margin)
    return (x0, y0, x1, y1)


def _outside_cells_is_blank(image: Image.Image, layout, crop: tuple[float, float, float, float], dpi: int) -> None:
    """No dark pixel of the first page lies outside the stock's cells."""
    s = dpi / 25.4
    mask = Image.new("L", image.size, 255)  # 255 = outside every cell
    draw = ImageDraw.Draw(mask)
    for cell in layout.stock.cells(layout.template):
        x0, y0 = (cell.x - crop[0]) * s - 1, (cell.y - crop[1]) * s - 1
        draw.rectangle([x0, y0, x0 + cell.w * s + 2, y0 + cell.h * s + 2], fill=0)
    dark = image.point(lambda v: 255 if v < 128 else 0)
    stray = ImageChops.multiply(dark, mask).getbbox()
    assert stray is None, f"ink outside the cells at {stray} (px, {dpi} dpi)"


@pytest.mark.parametrize(("template_name", "stock_name"), COMBOS, ids=[f"{a}@{b}" for a, b in COMBOS])
def test_every_template_on_every_stock(template_name: str, stock_name: str) -> None:
    template = load_template(template_name)
    stock = load_stock(stock_name)
    per_page = stock.labels_per_page(template)
    cols = stock.grid(template)[0]
    # rolls: two pages; sheets: two rows; plain paper (cut-out strips and stamps): a few labels
    n = 2 if stock.kind == "roll" else min(per_page, 2 * cols, 3 if stock.kind == "plain" else per_page)
    records = records_for(template.kind, n)

    layout = layout_labels(records, template, stock)
    pdf = render_labels(records, template, stock)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) == layout.pages

    # geometry: every label in its cell, every element's ink inside the label
    assert [p.record_index for p in layout.labels] == list(range(n))
    for placed in layout.labels:
        c = placed.cell
        lx0, ly0 = placed.label_x, placed.label_y
        lx1, ly1 = lx0 + template.width_mm, ly0 + template.height_mm
        assert c.x - 1e-6 <= lx0 and c.y - 1e-6 <= ly0 and lx1 <= c.x + c.w + 1e-6 and ly1 <= c.y + c.h + 1e-6
        for ink in placed.ink:
            assert ink.inside(lx0, ly0, lx1, ly1), (ink, placed.record_index)
        assert placed.payloads == ((records[placed.record_index].payload,) if template.has_barcode() else ())

    expected = sorted(p for placed in layout.labels for p in placed.payloads)
    for placed in layout.labels:  # Code 128 only with modules a 203-dpi printer draws as two dots
        for sym, m in zip(placed.symbologies, placed.module_mm, strict=True):
            assert sym == "datamatrix" or m >= THERMAL_MODULE_MM, (sym, m)

    def read(dpi: int):
        crop = None if stock.kind == "roll" else _used_area(layout)
        images = rasterise(pdf, dpi, crop_mm=crop)
        return dpi, crop, images, [text for im in images for text in decode(im)]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(read, (300, 203)))
    for dpi, crop, images, got in results:
        assert sorted(got) == expected, f"{dpi} dpi"
        if dpi == 203 and crop is not None:
            _outside_cells_is_blank(images[0], layout, crop, dpi)

    text = pdf_text(pdf)
    compact = text.replace(" ", "").replace("\n", "")
    if "title" in template.fields() and template.kind == "front":
        short = next(r.title for r in records if len(r.title) < 20)
        assert short in compact  # a title that fits is printed whole
    if template.kind == "shelf":
        assert "一号库房" in text
    if template.kind == "spine":
        assert "全宗号" in compact and "保管期限" in compact
    fonts_used = pdf_fonts(pdf)
    assert fonts_used and all(f["emb"] == "yes" for f in fonts_used), fonts_used
    assert not any("Helvetica" in f["name"] or "STSong" in f["name"] for f in fonts_used)


def test_full_sheet_of_default_front_labels_scans_at_300_and_203_dpi_as_data_matrix() -> None:
    template, stock = load_template("front-63x34"), load_stock("a4-3x8-l7159")
    records = volume_records(24, start=80)
    pdf = render_labels(records, template, stock)
    layout = layout_labels(records, template, stock)
    assert all(p.symbologies == ("datamatrix",) for p in layout.labels)
    for dpi in (300, 203):
        (page,) = rasterise(pdf, dpi)
        assert sorted(decode_formats(page)) == sorted((r.payload, "datamatrix") for r in records), dpi
    # the printer these sheets are made for (600 dpi): the first two rows
    (strip,) = rasterise(pdf, 600, crop_mm=(0, 10, 210, 82))
    assert sorted(decode(strip)) == sorted(r.payload for r in records[:6])
    text = pdf_text(pdf)
    assert "Z109-LP·2019-D30-0080" in text and "档号" in text


def test_start_at_skips_used_labels() -> None:
    template, stock = load_template("seal-45x16"), load_stock("a4-3x8-l7159")
    records = volume_records(4)
    layout = layout_labels(records, template, stock, start_at=5)
    assert [p.cell.index for p in layout.labels] == [4, 5, 6, 7]
    assert layout.next_start_at == 9
    pdf = render_labels(records, template, stock, start_at=5)
    (page,) = rasterise(pdf, 72)
    s = 72 / 25.4
    for cell in stock.cells():
        box = (round(cell.x * s), round(cell.y * s), round((cell.x + cell.w) * s), round((cell.y + cell.h) * s))
        inked = dark_bbox(page, box) is not None
        assert inked == (4 <= cell.index <= 7), cell.index


def test_start_at_continues_on_new_pages() -> None:
    template, stock = load_template("front-63x34"), load_stock("a4-3x8-l7159")
    layout = layout_labels(volume_records(20), template, stock, start_at=20)
    assert layout.pages == 2
    assert [(p.page, p.cell.index) for p in layout.labels[:6]] == [(0, 19), (0, 20), (0, 21), (0, 22), (0, 23), (1, 0)]
    assert layout.labels[-1].cell.index == 14 and layout.next_start_at == 16
    for bad in (0, 25):
        with pytest.raises(UserError) as err:
            layout_labels(volume_records(1), template, stock, start_at=bad)
        assert "24" in err.value.message


def _label_bbox(pdf: bytes, cell, dpi: int = 300, pad: float = 6.0):
    crop = (max(0, cell.x - pad), max(0, cell.y - pad), cell.x + cell.w + pad, cell.y + cell.h + pad)
    (img,) = rasterise(pdf, dpi, crop_mm=crop)
    bb = dark_bbox(img, (0, 0, img.width, img.height))
    assert bb is not None
    return bb


def test_calibration_shifts_the_print_by_the_offset() -> None:
    template, stock = load_template("front-63x34"), load_stock("a4-3x8-l7159")
    records = volume_records(1)
    plain = render_labels(records, template, stock)
    moved = render_labels(records, template, stock, calibration=Calibration(offset_x_mm=2.0, offset_y_mm=-1.5))
    cell = stock.cells()[0]
    a, b = _label_bbox(plain, cell), _label_bbox(moved, cell)
    px = 300 / 25.4
    for i, want in ((0, 2.0), (1, -1.5), (2, 2.0), (3, -1.5)):
        assert b[i] - a[i] == pytest.approx(want * px, abs=2.0), (i, a, b)


def test_creep_grows_row_by_row() -> None:
    template, stock = load_template("seal-45x16"), load_stock("a4-3x8-l7159")
    records = volume_records(24)
    plain = render_labels(records, template, stock)
    crept = render_labels(records, template, stock, calibration=Calibration(creep_y_mm=0.4))
    px = 300 / 25.4
    cells = stock.cells()
    for idx, rows in ((0, 0), (21, 7)):
        a, b = _label_bbox(plain, cells[idx]), _label_bbox(crept, cells[idx])
        assert b[1] - a[1] == pytest.approx(0.4 * rows * px, abs=2.0)
        assert b[0] == a[0]


def test_long_title_is_shortened_never_overflowing() -> None:
    template, stock = load_template("front-63x34"), load_stock("a4-3x8-l7159")
    long_title = "关于" + "某某财产保险股份有限公司广州分公司机动车辆保险理赔" * 8 + "的结案报告"
    record = LabelRecord(payload="Z109-LP.2019-D30-0001", code="Z109-LP·2019-D30-0001", title=long_title, year="2019", retention="永久")
    layout = layout_labels([record], template, stock)
    title_el = next(el for el in template.elements if getattr(el, "field", None) == "title")
    placed = layout.labels[0]
    x0, y0 = placed.label_x + title_el.x, placed.label_y + title_el.y
    texts = [i for i in placed.ink if i.kind == "text" and i.y0 >= y0 - 0.05 and i.y1 <= y0 + title_el.h + 0.05]
    assert texts and all(i.inside(x0, y0, x0 + title_el.w, y0 + title_el.h) for i in texts)
    pdf = render_labels([record], template, stock)
    text = pdf_text(pdf).replace("\n", "")
    assert "…" in text and "关于某某财产保险" in text and "的结案报告" not in text


def test_template_larger_than_the_stock_is_refused() -> None:
    with pytest.raises(UserError) as err:
        render_labels(volume_records(1), load_template("front-100x50"), load_stock("a4-3x8-l7159"))
    assert "front-100x50" in err.value.message and "63.5" in err.value.message


def test_label_without_payload_is_refused() -> None:
    with pytest.raises(UserError) as err:
        render_labels([LabelRecord(code="Z109-LP·2019-D30-0009", title="无条码")], load_template("front-63x34"), load_stock("a4-3x8-l7159"))
    assert "Z109-LP·2019-D30-0009" in err.value.message


def test_bad_payload_is_refused() -> None:
    with pytest.raises(UserError) as err:
        render_labels([LabelRecord(payload="Z109-LP·2019", code="x")], load_template("front-63x34"), load_stock("a4-3x8-l7159"))
    assert "·" in err.value.message


def test_output_is_byte_stable_and_written_where_asked(tmp_path: Path) -> None:
    template, stock = load_template("spine-box-30"), load_stock("a4-plain")
    records = volume_records(3)
    a = render_labels(records, template, stock)
    b = render_labels(records, template, stock)
    assert a == b
    path = render_labels(records, template, stock, out=tmp_path / "sub" / "spines.pdf")
    assert path == tmp_path / "sub" / "spines.pdf" and path.read_bytes() == a
    buf = io.BytesIO()
    assert render_labels(records, template, stock, out=buf) is None and buf.getvalue() == a
    assert not list((tmp_path / "sub").glob(".*tmp"))


def test_english_labels() -> None:
    set_language("en")
    pdf = render_labels(volume_records(2), load_template("spine-box-40"), load_stock("a4-plain"))
    text = pdf_text(pdf)
    assert "Fonds no." in text and "Retention" in text and "全宗号" not in text


def test_optional_org_is_left_out_when_empty() -> None:
    template, stock = load_template("spine-box-20"), load_stock("a4-plain")
    with_org, without = volume_records(2, start=1)  # start=1: org "办公室"; start=2: "" (k % 3)
    assert with_org.org and not without.org
    a = layout_labels([with_org], template, stock).labels[0]
    b = layout_labels([without], template, stock).labels[0]
    assert len(b.ink) < len(a.ink)
    assert "机构" in pdf_text(render_labels([with_org], template, stock)).replace("\n", "")
    assert "机构" not in pdf_text(render_labels([without], template, stock)).replace("\n", "")


def test_test_page_marks_label_corners() -> None:
    stock = load_stock("a4-3x8-l7159")
    dpi = 200
    s = dpi / 25.4

    def dark_at(img, x_mm: float, y_mm: float) -> bool:
        x, y = round(x_mm * s), round(y_mm * s)
        return min(img.getpixel((x + dx, y + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)) < 100

    cell = stock.cells()[0]
    for cal in (Calibration(), Calibration(offset_x_mm=1.0, offset_y_mm=2.0)):
        pdf = render_test_page(stock, cal)
        (img,) = rasterise(pdf, dpi)
        cx, cy = cell.x + cal.offset_x_mm, cell.y + cal.offset_y_mm
        # the crosshair at the top-left corner: its arms left/right and above/below the corner
        assert dark_at(img, cx - 1.2, cy) and dark_at(img, cx + 1.2, cy)
        assert dark_at(img, cx, cy - 1.2)
        # the centre crosshair
        assert dark_at(img, cx + cell.w / 2 + 1.2, cy + cell.h / 2)
        # the ruler: a 10 mm tick 10 mm from the left edge
        assert dark_at(img, 10 + cal.offset_x_mm, 4 + cal.offset_y_mm + 1)
        assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))
    # moved: nothing left where the uncalibrated corner was (away from the rulers)
    moved = rasterise(render_test_page(stock, Calibration(offset_x_mm=1.0, offset_y_mm=2.0)), dpi)[0]
    assert not dark_at(moved, cell.x + cell.w / 2 + 1.2, cell.y + cell.h / 2)


@pytest.mark.parametrize("stock_name", ["roll-60x40", "roll-100x50", "a4-2x7-l7163", "a4-3x10-70x29.7"])
def test_test_page_for_other_stock(stock_name: str) -> None:
    pdf = render_test_page(load_stock(stock_name), Calibration(offset_x_mm=0.5))
    assert pdf_pages(pdf) == 1
    assert "十字线" in pdf_text(pdf).replace("\n", "")


def test_test_page_on_plain_paper_needs_the_template() -> None:
    with pytest.raises(UserError):
        render_test_page(load_stock("a4-plain"))
    pdf = render_test_page(load_stock("a4-plain"), template=load_template("spine-box-20"))
    assert pdf_pages(pdf) == 1


# --------------------------------------------------------------------------- Code 128 or Data Matrix


LONG = LabelRecord(payload="G001-WS.2005-D30-BGS-H001", code="G001-WS·2005-D30-BGS-H001", title="办公室2005年文书",
                   location="一号库房", location_code="K1-01A-01-1-1")


def _narrow_code128_template():
    """shelf-70x30's Code 128 (62 mm) cannot hold a 25-character code at 0.25 mm (84 mm)."""
    return load_template("shelf-70x30")


def test_a_code128_template_prints_its_data_matrix_variant_when_the_code_is_too_long() -> None:
    template, stock = _narrow_code128_template(), load_stock("a4-3x10-70x29.7")
    records = [LONG, *records_for("shelf", 1)]
    layout = layout_labels(records, template, stock)
    assert [p.symbologies for p in layout.labels] == [("datamatrix",), ("code128",)]
    assert [p.record_index for p in layout.fallbacks] == [0]
    pdf = render_labels(records, template, stock)
    for dpi in (300, 203):
        (page,) = rasterise(pdf, dpi, crop_mm=(0, 0, 150, 35))
        assert sorted(decode_formats(page)) == sorted([(LONG.payload, "datamatrix"), (records[1].payload, "code128")])


def test_a_room_with_1d_scanners_never_gets_data_matrix() -> None:
    template, stock = _narrow_code128_template(), load_stock("a4-3x10-70x29.7")
    with pytest.raises(barcodes.BarcodeFitError) as err:
        render_labels([LONG], template, stock, scanners=barcodes.SCANNERS_1D)
    assert LONG.payload in err.value.message and "1D" in err.value.message
    # a Data Matrix template prints Code 128 in a 1D room where the code fits (the 1D default: 2 × 7 sheets)
    front, sheet = load_template("front-99x38"), load_stock("a4-2x7-l7163")
    layout = layout_labels([LONG, *volume_records(1)], front, sheet, scanners=barcodes.SCANNERS_1D)
    assert all(p.symbologies == ("code128",) for p in layout.labels)
    spine = layout_labels(volume_records(1), load_template("spine-volume-20"), load_stock("a4-plain"), scanners=barcodes.SCANNERS_1D)
    assert spine.labels[0].symbologies == ("code128",) and spine.labels[0].module_mm[0] >= 0.25


def test_skip_refused_prints_the_rest_and_lists_the_refused() -> None:
    template, stock = load_template("front-63x34"), load_stock("a4-3x8-l7159")
    good = volume_records(3)
    bad = LabelRecord(payload="", code="Z109-LP·2019-D30-9999", title="没有条码")
    with pytest.raises(UserError):
        layout_labels([good[0], bad, *good[1:]], template, stock)
    from archive_desk.printing.labels import render_labels_reporting

    pdf, layout = render_labels_reporting([good[0], bad, *good[1:]], template, stock, skip_refused=True)
    assert [r.code for r in layout.refused] == [bad.code]
    assert [p.record_index for p in layout.labels] == [0, 2, 3]
    assert [p.cell.index for p in layout.labels] == [0, 1, 2]  # no hole on the sheet
    (page,) = rasterise(pdf, 203)
    assert sorted(decode(page)) == sorted(r.payload for r in good)
    assert "没有条码" not in pdf_text(pdf)


def test_ink_keeps_1_5_mm_from_every_label_edge_on_the_rendered_sheets() -> None:
    """On every sheet and roll stock, no dark pixel of a shipped template's label lies within 1.5 mm
    of its label's edge (printers drift; a label's edge is where a cut or a die sits)."""
    margin = 1.5
    dpi = 150
    s = dpi / 25.4
    for template in list_templates():
        for stock in applicable_stocks(template, list_stocks()):
            if stock.kind == "plain":
                continue  # cut-out strips and stamps: their frame is the cut line
            n = 1 if stock.kind == "roll" else stock.labels_per_page(template)
            records = records_for(template.kind, min(n, 3)) + ([LONG] if template.kind != "shelf" else [])
            records = records[: max(1, min(n, 4))]
            layout = layout_labels(records, template, stock)
            pdf = render_labels(records, template, stock)
            (page,) = rasterise(pdf, dpi, last=1)
            for placed in [p for p in layout.labels if p.page == 0]:
                c = placed.cell
                outer = (round(c.x * s), round(c.y * s), round((c.x + c.w) * s), round((c.y + c.h) * s))
                inner = (c.x + margin, c.y + margin, c.x + c.w - margin, c.y + c.h - margin)
                bb = dark_bbox(page, outer)
                assert bb is not None, (template.name, stock.name)
                x0, y0, x1, y1 = (v / s for v in bb)
                assert x0 >= inner[0] - 0.2 and y0 >= inner[1] - 0.2 and x1 <= inner[2] + 0.2 and y1 <= inner[3] + 0.2, (
                    template.name, stock.name, (x0 - c.x, y0 - c.y, c.x + c.w - x1, c.y + c.h - y1))


@pytest.mark.parametrize("name", ["spine-box-30", "spine-box-40", "spine-box-50"])
def test_box_spine_prints_retention_on_one_line_and_item_range_start_above_end(name: str) -> None:
    """"定期10年" used to break into "定期10" / "年" on the 30 mm spine."""
    records = [LabelRecord(payload="G001-WS.2009-D10-BGS-H001", code="G001-WS·2009-D10-BGS-H001", fonds_code="G001", year="2009",
                           retention=r, item_start="0001", item_end="0010", box_no="001", org="BGS")
               for r in ("定期10年", "定期30年", "永久")]
    pdf = render_labels(records, load_template(name), load_stock("a4-plain"))
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    for r in ("定期10年", "定期30年", "永久"):
        assert r in lines
    for start, end in zip([i for i, x in enumerate(lines) if x == "0001"], [i for i, x in enumerate(lines) if x == "0010"], strict=True):
        assert start < end
    assert lines.count("001") == 3  # 盒号
