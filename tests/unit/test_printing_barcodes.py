"""Code 128 from python-barcode's encoding, drawn as vector rectangles."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode.code128 import _patterns
from reportlab.pdfgen import canvas

from archive_desk.errors import UserError
from archive_desk.printing import barcodes

from printing_helpers import decode, pdf_text, rasterise

MM = 72 / 25.4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-."

# reportlab's Code 128 table (an independent source): letters are element widths, upper = bar
_WIDTH = {"A": 1, "B": 2, "C": 3, "D": 4}


def _pattern_modules(pattern: str) -> str:
    return "".join(("1" if ch.isupper() else "0") * _WIDTH[ch.upper()] for ch in pattern)


_BY_MODULES = {_pattern_modules(p): v for v, p in _patterns.items()}


def decode_modules(modules: str) -> str:
    """Decode a Code 128 module string with reportlab's symbol table; checks start, check digit, stop."""
    assert modules.endswith(_pattern_modules(_patterns[106])), "no stop pattern"
    body = modules[: -13]
    assert len(body) % 11 == 0
    values = [_BY_MODULES[body[i : i + 11]] for i in range(0, len(body), 11)]
    start, data, check = values[0], values[1:-1], values[-1]
    assert start in (103, 104, 105)
    assert (start + sum((i + 1) * v for i, v in enumerate(data))) % 103 == check, "bad check symbol"
    code = {103: "A", 104: "B", 105: "C"}[start]
    out = []
    for v in data:
        if code == "C" and v < 100:
            out.append(f"{v:02d}")
        elif v == 99:
            code = "C"
        elif v == 100:
            code = "B"
        elif v == 101:
            code = "A"
        elif code == "B":
            out.append(chr(v + 32))
        elif code == "A":
            assert v < 64
            out.append(chr(v + 32))
        else:  # pragma: no cover
            raise AssertionError(f"unexpected symbol {v} in code set {code}")
    return "".join(out)


def test_modules_of_a_real_archival_code() -> None:
    modules = barcodes.code128_modules("Z109-LP.2019-D30-0123")
    assert set(modules) == {"0", "1"}
    assert modules.startswith("11010010000")  # start code B
    assert len(modules) == 255  # the shortest encoding: code C for the trailing "0123"
    assert decode_modules(modules) == "Z109-LP.2019-D30-0123"


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_modules_decode_back_to_the_payload(payload: str) -> None:
    modules = barcodes.code128_modules(payload)
    assert decode_modules(modules) == payload  # reportlab's table: an independent check
    # merged bar runs cover exactly the 1s
    runs = barcodes.bar_runs(payload)
    rebuilt = ["0"] * len(modules)
    for start, length in runs:
        rebuilt[start : start + length] = ["1"] * length
    assert "".join(rebuilt) == modules


@pytest.mark.parametrize("payload", ["99", "9910", "9999", "99A", "99-01", "0099", "A99"])
def test_leading_99_in_code_set_c_is_kept(payload: str) -> None:
    """python-barcode 0.16 drops a leading "99" in code set C; the wrapper keeps it."""
    assert decode_modules(barcodes.code128_modules(payload)) == payload
    assert barcodes.decode_modules(barcodes.code128_modules(payload)) == payload


@pytest.mark.parametrize("bad", ["", "z109", "Z109-LP·2019", "档号", "A B", "A_B", "A/B", "Ｚ109", "X" * 49])
def test_payload_alphabet_is_enforced(bad: str) -> None:
    with pytest.raises(barcodes.BarcodePayloadError) as err:
        barcodes.validate_payload(bad)
    assert isinstance(err.value, UserError)
    if bad:
        assert bad[:10] in err.value.message


def test_module_width_is_whole_printer_dots() -> None:
    # 275 modules in 100 mm at 203 dpi: 2 dots (0.25 mm), capped by max 0.34 mm
    m = barcodes.choose_module(275, 100 * MM, dpi=203, max_module_mm=0.34)
    assert m == pytest.approx(2 * 72 / 203)
    # at 600 dpi prefer whole 300-dpi dots: 6 dots (0.254 mm) rather than 7 (0.296 mm)
    m = barcodes.choose_module(130, 40 * MM, dpi=600, max_module_mm=0.34)
    assert m == pytest.approx(6 * 72 / 600)
    # the 21-character code on a 63.5 mm label: 5/600 in = 0.212 mm is the only width that fits
    m = barcodes.choose_module(275, 63.4 * MM, dpi=600)
    assert m == pytest.approx(5 * 72 / 600)
    # and nothing at 203 dpi (0.25 mm would need 68.75 mm)
    assert barcodes.choose_module(275, 63.4 * MM, dpi=203) is None


def test_barcode_that_does_not_fit_names_payload_and_label() -> None:
    with pytest.raises(barcodes.BarcodeFitError) as err:
        barcodes.plan_code128("Z109-LP.2019-D30-0123", 50 * MM, 12 * MM, dpi=600, label="front-63x34")
    msg = err.value.message
    assert "Z109-LP.2019-D30-0123" in msg and "front-63x34" in msg


def test_draw_code128_returns_width_and_scans() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(80 * MM, 30 * MM), invariant=1)
    dot = 72 / 600
    drawn = barcodes.draw_code128(c, 60 * dot, 60 * dot, 74 * MM, 20 * MM, "K1-03A-02-04-3", dpi=600)
    c.showPage()
    c.save()
    n = len(barcodes.code128_modules("K1-03A-02-04-3")) + 2 * barcodes.QUIET_ZONE_MODULES
    module = drawn / n
    assert module / dot == pytest.approx(round(module / dot))  # whole dots
    assert 0.25 <= module / MM <= barcodes.DEFAULT_MAX_MODULE_MM + 1e-9
    for dpi in (203, 300):
        (page,) = rasterise(buf.getvalue(), dpi)
        assert decode(page) == ["K1-03A-02-04-3"]


def test_no_raster_images_in_barcode_pdf() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(80 * MM, 30 * MM), invariant=1, pageCompression=0)
    barcodes.draw_code128(c, 0, 0, 80 * MM, 20 * MM, "Z109-LP.2019-D30-0123", human_readable=False)
    c.save()
    pdf = buf.getvalue()
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf
    assert b" re" in pdf  # the bars are rectangles in the page content


def test_printer_resolution_needed_for_a_module() -> None:
    # the 21-character 档号 on a 63.5 mm label: 0.212 mm bars are 1.67 dots at 203 dpi, 2.5 at 300
    assert barcodes.printer_dots(5 * 25.4 / 600, 203) == pytest.approx(1.69, abs=0.01)
    assert barcodes.printer_dots(5 * 25.4 / 600, 300) == pytest.approx(2.5)
    assert barcodes.min_printer_dpi(5 * 25.4 / 600) == 240
    # two dots of a thermal printer need exactly that printer
    assert barcodes.min_printer_dpi(2 * 25.4 / 203) == 203


# --------------------------------------------------------------------------- Data Matrix


@pytest.mark.parametrize("payload", ["G001-WS.2005-D30-BGS-H001", "Z109-LP.2019-D30-0123", "L.K1-01A-01-1-1"])
def test_data_matrix_reads_back_exactly_its_payload_at_203_and_300_dpi(payload: str) -> None:
    """pyStrich's symbol carries the payload and nothing else (reportlab's ECC200 widget adds a NUL a
    scanner would type); drawn as vector squares at the smallest module used, it reads at 203 dpi."""
    from printing_helpers import decode_formats

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(60 * MM, 20 * MM), invariant=1, pageCompression=0)
    geo = barcodes.plan_datamatrix(payload, 55 * MM, 8 * MM, dpi=600)
    assert geo.module_mm >= barcodes.MIN_DATAMATRIX_MODULE_MM
    c.saveState()
    c.translate(24 * 72 / 600, 24 * 72 / 600)
    barcodes.draw_datamatrix_planned(c, geo, 0, 0)
    c.restoreState()
    c.showPage()
    c.save()
    pdf = buf.getvalue()
    assert b"/Subtype /Image" not in pdf
    for dpi in (203, 300):
        (page,) = rasterise(pdf, dpi)
        assert decode_formats(page) == [(payload, "datamatrix")], dpi
    assert payload in pdf_text(pdf)  # the code is printed beside the symbol


def test_data_matrix_that_does_not_fit_names_payload_and_label() -> None:
    with pytest.raises(barcodes.BarcodeFitError) as err:
        barcodes.plan_datamatrix("G001-WS.2005-D30-BGS-H001", 40 * MM, 5 * MM, label="spine-x")
    assert "G001-WS.2005-D30-BGS-H001" in err.value.message and "spine-x" in err.value.message
