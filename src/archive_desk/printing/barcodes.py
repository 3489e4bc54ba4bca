"""Code 128 barcodes drawn as vector rectangles.

The bar pattern comes from python-barcode's Code 128 encoder (it picks code sets A/B/C to keep
the symbol short); this module only turns the pattern of modules into filled rectangles on a
reportlab canvas — no raster images and no python-barcode writers (10–35× slower, and raster
bars fail more often at 200 dpi, see ``docs/architecture.md``).

Module width (X)
----------------
Bars print crisply only when every bar edge falls on a printer dot. Each stock names the
resolution of the printer it is meant for (``dpi``: 203 for thermal rolls, 600 for laser
sheets) and X is a whole number of those dots: the widest that fits, capped by the template's
``max_module_mm``, never below :data:`MIN_MODULE_MM`. On 600-dpi stock, widths that are also
whole 300-dpi dots (0.254, 0.339, 0.423 mm) are preferred, since many office printers are
300 dpi. The caller places the barcode's origin on the dot grid (see ``labels.py``) and every
offset here is a whole number of dots, so at the target resolution every edge lands on a dot.

Labels print Code 128 only with X >= 0.25 mm (:data:`MIN_CODE128_MODULE_MM`, applied by
``labels.py``): two dots of a 203-dpi thermal printer, and what a 203-dpi image of a laser sheet still
resolves. A 21-character 档号 payload such as ``Z109-LP.2019-D30-0123`` is 255 modules plus 2 × 10
modules of quiet zone: 68.75 mm at 0.25 mm, which a 63.5 mm Avery L7159 label does not have (it was
once printed there at 0.212 mm, 1.67 dots at 203 dpi, which no decoder read from a 203-dpi raster).
Such codes print as Data Matrix (ECC 200, bottom of this module) instead. :func:`plan_code128` itself
still accepts a ``min_module_mm`` down to :data:`MIN_MODULE_MM` for other callers (forms). When a
payload does not fit at the floor, :class:`BarcodeFitError` (a ``UserError``) names payload and label
instead of printing a barcode nobody can scan.

python-barcode 0.16 drops a leading "99" in code set C (see :class:`_Code128`); every encoding is
read back with :func:`decode_modules` before it is drawn.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from barcode.charsets import code128 as _charset
from barcode.codex import Code128

from archive_desk.errors import UserError
from archive_desk.i18n import t

from . import fonts

#: The only characters a keyboard-wedge scanner types safely (domain.md).
PAYLOAD_ALPHABET = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.")
_PAYLOAD_RE = re.compile(r"[0-9A-Z.\-]+")
MAX_PAYLOAD_LENGTH = 48
#: Quiet zone on each side, in modules (ISO/IEC 15417 asks for at least 10).
QUIET_ZONE_MODULES = 10
#: The narrowest module printed (mm).
MIN_MODULE_MM = 0.19
#: The widest module chosen unless a template asks for more (mm).
DEFAULT_MAX_MODULE_MM = 0.34
MM = 72.0 / 25.4


class BarcodePayloadError(UserError):
    """The payload holds a character a barcode may not carry."""


class BarcodeFitError(UserError):
    """The barcode does not fit the space it is given at the smallest readable module width."""


def validate_payload(payload: str) -> str:
    """Return ``payload`` if it only uses ``0-9 A-Z - .`` (and is 1–48 characters), else raise."""
    if not payload:
        raise BarcodePayloadError(t("The barcode is empty: a label needs a code to print."), field="payload")
    if len(payload) > MAX_PAYLOAD_LENGTH:
        raise BarcodePayloadError(
            t(
                "The barcode {payload} is too long: at most {limit} characters fit a label.",
                payload=payload,
                limit=MAX_PAYLOAD_LENGTH,
            ),
            field="payload",
        )
    if not _PAYLOAD_RE.fullmatch(payload):
        bad = "".join(sorted({ch for ch in payload if ch not in PAYLOAD_ALPHABET}))
        raise BarcodePayloadError(
            t(
                "The barcode {payload} contains {chars}: only digits, capital letters A-Z, '-' and '.' can be scanned safely.",
                payload=payload,
                chars=bad,
            ),
            field="payload",
        )
    return payload


class _Code128(Code128):
    """python-barcode's encoder with one fix.

    python-barcode 0.16 shortens "start B, switch to C" to "start C" by looking only at the
    second value: when the payload itself starts in code set C with the digits "99" (value 99,
    the same number as the "switch to C" symbol) it drops those digits, so ``"9910"`` would
    encode ``"10"``. After a start C, 99 is data, never a switch.
    """

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        if len(encoded) > 1 and encoded[0] == _charset.START_CODES["C"] and encoded[1] == 99:
            return encoded
        return super()._try_to_optimize(encoded)


_SYMBOLS = {pattern: value for value, pattern in enumerate(_charset.CODES)}


def decode_modules(modules: str) -> str:
    """Read a module string back (start, data, check symbol, stop), for verifying an encoding."""
    stop = _charset.STOP + "11"
    if not modules.endswith(stop) or (len(modules) - len(stop)) % 11:
        raise ValueError("not a Code 128 symbol")
    body = modules[: -len(stop)]
    values = [_SYMBOLS[body[i : i + 11]] for i in range(0, len(body), 11)]
    start, data, check = values[0], values[1:-1], values[-1]
    if (start + sum(i * v for i, v in enumerate(data, start=1))) % 103 != check:
        raise ValueError("bad check symbol")
    sets = {103: "A", 104: "B", 105: "C"}
    if start not in sets:
        raise ValueError("no start symbol")
    code = sets[start]
    out: list[str] = []
    for v in data:
        if code == "C" and v < 100:
            out.append(f"{v:02d}")
        elif v in (99, 100, 101):
            code = {99: "C", 100: "B", 101: "A"}[v]
        elif v < 64 or (code == "B" and v < 96):
            out.append(chr(v + 32))
        else:
            raise ValueError(f"symbol {v} is not used for this alphabet")
    return "".join(out)


@lru_cache(maxsize=8192)
def code128_modules(payload: str) -> str:
    """The Code 128 symbol for ``payload`` as a string of modules, ``1`` = bar, ``0`` = space.

    Start code, data, check symbol and stop pattern, without quiet zones. The encoding comes
    from python-barcode and is read back before use: a symbol that would scan as anything
    but ``payload`` is never printed.
    """
    validate_payload(payload)
    modules = _Code128(payload).build()[0]
    if decode_modules(modules) != payload:  # pragma: no cover - a python-barcode regression
        raise RuntimeError(f"python-barcode encoded {payload!r} wrongly as {decode_modules(modules)!r}")
    return modules


@lru_cache(maxsize=8192)
def bar_runs(payload: str) -> tuple[tuple[int, int], ...]:
    """(first module, number of modules) of every bar: adjacent bar modules merged into one rectangle."""
    modules = code128_modules(payload)
    runs: list[tuple[int, int]] = []
    i, n = 0, len(modules)
    while i < n:
        if modules[i] == "1":
            j = modules.find("0", i)
            if j < 0:
                j = n
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    return tuple(runs)


@lru_cache(maxsize=8192)
def _bar_ops(payload: str) -> str:
    """PDF path operators for the bars in module units (x: modules, y: 0..1), then fill."""
    return " ".join(f"{start} 0 {length} 1 re" for start, length in bar_runs(payload)) + " f"


def _fmt(v: float) -> str:
    """A number for a PDF content stream (reportlab's pure-Python fp_str is slow)."""
    text = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def dot_size(dpi: float) -> float:
    """One printer dot in points."""
    return 72.0 / dpi


#: the narrowest bar a printer draws so that a scanner reads it back: two of its dots (a 0.212 mm bar
#: is 1.67 dots of a 203-dpi thermal printer, which no decoder reads from its output)
MIN_PRINTER_DOTS = 2


def printer_dots(module_mm: float, dpi: float) -> float:
    """How many dots of a ``dpi`` printer one module of ``module_mm`` is."""
    return module_mm / 25.4 * dpi


def min_printer_dpi(module_mm: float) -> int:
    """The lowest printer resolution that draws modules of ``module_mm`` at least two dots wide."""
    return math.ceil(MIN_PRINTER_DOTS * 25.4 / module_mm - 1e-6)


def readable_on(module_mm: float, dpi: float) -> bool:
    """Whether a ``dpi`` printer draws modules of ``module_mm`` at least two dots wide (a module
    rounded to two dots of that printer counts: 0.25 mm at 203 dpi is 1.998 dots)."""
    return printer_dots(module_mm, dpi) >= MIN_PRINTER_DOTS - 0.05


def choose_module(
    n_modules: int,
    available: float,
    *,
    dpi: float = 600,
    min_module_mm: float = MIN_MODULE_MM,
    max_module_mm: float = DEFAULT_MAX_MODULE_MM,
) -> float | None:
    """The module width in points for a symbol of ``n_modules`` (quiet zones included) in ``available`` points.

    The widest whole number of printer dots that fits and is at most ``max_module_mm``; ``None``
    when even the narrowest allowed (``min_module_mm`` rounded up to whole dots) does not fit.
    """
    dot = dot_size(dpi)
    min_dots = max(1, math.ceil(min_module_mm * MM / dot - 1e-9))
    max_dots = max(min_dots, math.floor(max_module_mm * MM / dot + 1e-9))
    fit_dots = math.floor(available / n_modules / dot + 1e-9)
    dots = min(max_dots, fit_dots)
    if dots < min_dots:
        return None
    if dpi % 300 == 0 and dpi > 300:
        # A 600/1200-dpi stock may still be printed by a 300-dpi office printer: prefer widths
        # that are whole 300-dpi dots too (0.254, 0.339, 0.423 mm …); odd 600-dpi widths only
        # when nothing else fits (0.212 mm, the 21-character 档号 on a 63.5 mm label).
        step = int(dpi) // 300
        even = dots - dots % step
        if even >= min_dots:
            dots = even
    return dots * dot


@dataclass(frozen=True)
class BarcodeGeometry:
    """Where a barcode's parts go, in points, along its reading direction (local frame)."""

    payload: str
    module: float  # X, points
    modules: int  # symbol length, quiet zones excluded
    offset: float  # from the start of the given space to the start of the left quiet zone
    bars_start: float  # from the start of the given space to the first bar
    bars_width: float
    total_width: float  # quiet zones included
    bar_height: float
    text_size: float  # 0 = no human-readable line
    text_gap: float

    @property
    def module_mm(self) -> float:
        return self.module / MM


def plan_code128(
    payload: str,
    width_max: float,
    height: float,
    *,
    dpi: float = 600,
    min_module_mm: float = MIN_MODULE_MM,
    max_module_mm: float = DEFAULT_MAX_MODULE_MM,
    human_readable: bool = True,
    text_size: float | None = None,
    align: str = "center",
    label: str = "",
) -> BarcodeGeometry:
    """Compute the module width and placement of a barcode without drawing it.

    Raises :class:`BarcodeFitError` when the payload does not fit ``width_max`` points at the
    smallest module width, or ``height`` leaves no room for bars.
    """
    runs_total = len(code128_modules(payload))
    n = runs_total + 2 * QUIET_ZONE_MODULES
    module = choose_module(n, width_max, dpi=dpi, min_module_mm=min_module_mm, max_module_mm=max_module_mm)
    where = label or t("this label")
    if module is None:
        dot = dot_size(dpi)
        need = n * max(1, math.ceil(min_module_mm * MM / dot - 1e-9)) * dot / MM
        raise BarcodeFitError(
            t(
                "The barcode {payload} does not fit on {label}: it needs {needed} mm at the smallest readable bar width, the space is {available} mm. Choose a wider label or a shorter code.",
                payload=payload,
                label=where,
                needed=f"{need:.1f}",
                available=f"{width_max / MM:.1f}",
            ),
            field="payload",
        )
    total = n * module
    bars = runs_total * module
    dot = dot_size(dpi)
    slack = width_max - total
    if align == "left":
        offset = 0.0
    elif align == "right":
        offset = slack
    else:
        offset = slack / 2
    offset = math.floor(offset / dot + 1e-9) * dot  # keep every edge on the dot grid
    gap = 0.0
    size = 0.0
    if human_readable:
        size = text_size if text_size else min(8.0, max(5.0, height * 0.18))
        # the code must be printed whole: shrink it to fit the bars' width if needed
        w = fonts.text_width(payload, size, fonts.MONO)
        if w > total:
            size = size * total / w
        gap = max(0.6, size * 0.15)
    bar_height = height - (size * fonts.line_extent(fonts.MONO) + gap if human_readable else 0.0)
    if bar_height < 3 * MM:
        raise BarcodeFitError(
            t(
                "The barcode {payload} on {label} has no room for its bars: the space is {available} mm high.",
                payload=payload,
                label=where,
                available=f"{height / MM:.1f}",
            ),
            field="payload",
        )
    return BarcodeGeometry(
        payload=payload,
        module=module,
        modules=runs_total,
        offset=offset,
        bars_start=offset + QUIET_ZONE_MODULES * module,
        bars_width=bars,
        total_width=total,
        bar_height=bar_height,
        text_size=size,
        text_gap=gap,
    )


def draw_planned(canvas, geo: BarcodeGeometry, x: float, y: float) -> None:  # noqa: ANN001 - a reportlab object (untyped)
    """Draw a planned barcode whose space starts at (``x``, ``y``) = bottom-left, in canvas space."""
    m = geo.module
    bx = x + geo.bars_start
    text_h = 0.0
    if geo.text_size:
        text_h = geo.text_size * fonts.line_extent(fonts.MONO) + geo.text_gap
        canvas.setFont(fonts.MONO, geo.text_size)
        baseline = y - fonts.descent(fonts.MONO) * geo.text_size
        canvas.drawCentredString(bx + geo.bars_width / 2, baseline, geo.payload)
    by = y + text_h
    # One transform scales module units to points: the operators for a payload are built once
    # (integers only) and every bar edge is an exact multiple of the module width.
    canvas.addLiteral(f"q {_fmt(m)} 0 0 {_fmt(geo.bar_height)} {_fmt(bx)} {_fmt(by)} cm {_bar_ops(geo.payload)} Q")


def draw_code128(
    canvas,  # noqa: ANN001 - a reportlab object (untyped)
    x: float,
    y: float,
    width_max: float,
    height: float,
    payload: str,
    *,
    dpi: float = 600,
    min_module_mm: float = MIN_MODULE_MM,
    max_module_mm: float = DEFAULT_MAX_MODULE_MM,
    human_readable: bool = True,
    text_size: float | None = None,
    align: str = "center",
    label: str = "",
) -> float:
    """Draw a Code 128 barcode in the space ``width_max`` × ``height`` points whose bottom-left is (x, y).

    Quiet zones of 10 modules are kept on both sides inside ``width_max``; the payload is printed
    under the bars when ``human_readable``. For bars on the printer's dot grid, pass an (x, y)
    that lies on it (labels.py does). Returns the width drawn, quiet zones included (points).
    """
    geo = plan_code128(
        payload,
        width_max,
        height,
        dpi=dpi,
        min_module_mm=min_module_mm,
        max_module_mm=max_module_mm,
        human_readable=human_readable,
        text_size=text_size,
        align=align,
        label=label,
    )
    draw_planned(canvas, geo, x, y)
    return geo.total_width


# --------------------------------------------------------------------------- Data Matrix (ECC 200)
#
# A 21–25-character 档号 does not fit a 63.5 mm label as Code 128 with modules of at least 0.25 mm
# (the narrowest a 203-dpi printer or a 203-dpi scan draws as two dots); as Data Matrix it is an
# 18 × 18 or 20 × 20 square of about 8 mm. The symbol comes from pyStrich's encoder, which encodes the
# payload exactly (reportlab's ECC200DataMatrix widget appends a NUL byte that a scanner would type),
# and is drawn as vector squares on the printer's dot grid like the Code 128 bars.

#: the two symbologies a barcode element can print
SYMBOLOGIES = ("code128", "datamatrix")
#: what a room's scanners read: 2D imagers (Code 128 and Data Matrix) or 1D laser scanners (Code 128 only)
SCANNERS_2D = "2d"
SCANNERS_1D = "1d"
SCANNER_KINDS = (SCANNERS_2D, SCANNERS_1D)
#: the narrowest Code 128 module printed (mm): two dots of a 203-dpi printer, and what a 203-dpi
#: image of a 600-dpi sheet still resolves
MIN_CODE128_MODULE_MM = 0.25
#: Data Matrix modules (mm): the smallest printed (7 dots of a 600-dpi printer, 0.296 mm: 3.5 dots of a 300-dpi
#: office printer, 2.4 pixels of a 203-dpi image of the page, which zxing-cpp read in every position tried; on
#: 203-dpi stock it rounds up to 3 dots, 0.375 mm; used only by a 25-character code on the 10 mm volume spine),
#: and the largest chosen
MIN_DATAMATRIX_MODULE_MM = 0.29
DEFAULT_MAX_DATAMATRIX_MODULE_MM = 0.6
#: quiet zone around a Data Matrix symbol, in modules (ISO/IEC 16022 asks for one)
DATAMATRIX_QUIET_MODULES = 1


@lru_cache(maxsize=8192)
def datamatrix_matrix(payload: str) -> tuple[str, ...]:
    """The ECC 200 symbol for ``payload``: rows top to bottom, ``1`` = dark module, finder pattern included."""
    import copy

    from pystrich.datamatrix import DataMatrixEncoder
    from pystrich.datamatrix.renderer import DataMatrixRenderer

    validate_payload(payload)
    enc = DataMatrixEncoder(payload)
    rows = DataMatrixRenderer(copy.deepcopy(enc.matrix), enc.regions, quiet_zone=0).matrix
    return tuple("".join("1" if v else "0" for v in row) for row in rows)


@lru_cache(maxsize=8192)
def _datamatrix_ops(payload: str) -> str:
    """PDF operators for the dark modules in module units (x right, y up from the symbol's bottom-left)."""
    rows = datamatrix_matrix(payload)
    n = len(rows)
    ops = []
    for r, row in enumerate(rows):
        y = n - 1 - r
        i = 0
        while i < len(row):
            if row[i] == "1":
                j = row.find("0", i)
                if j < 0:
                    j = len(row)
                ops.append(f"{i} {y} {j - i} 1 re")
                i = j
            else:
                i += 1
    return " ".join(ops) + " f"


@dataclass(frozen=True)
class DataMatrixGeometry:
    """A Data Matrix symbol and the human-readable code beside it, in points, in the element's local
    frame (x along the reading direction, y across it)."""

    payload: str
    module: float
    size: int  # modules per side
    offset: float  # from the start of the space to the symbol's quiet zone
    symbol_start: float  # to the symbol's first module
    symbol_y: float  # from the bottom of the space to the symbol's bottom
    text_x: float  # where the code line starts (0 = no code line)
    text_y: float  # its baseline
    text_size: float
    total_width: float  # symbol (quiet zone included), gap and text

    @property
    def module_mm(self) -> float:
        return self.module / MM

    @property
    def side(self) -> float:
        return self.size * self.module

    @property
    def text_width(self) -> float:
        return fonts.text_width(self.payload, self.text_size, fonts.MONO) if self.text_size else 0.0


def plan_datamatrix(
    payload: str,
    width_max: float,
    height: float,
    *,
    dpi: float = 600,
    min_module_mm: float = MIN_DATAMATRIX_MODULE_MM,
    max_module_mm: float = DEFAULT_MAX_DATAMATRIX_MODULE_MM,
    human_readable: bool = True,
    text_size: float | None = None,
    align: str = "center",
    label: str = "",
) -> DataMatrixGeometry:
    """The module size and placement of a Data Matrix symbol with the code printed beside it.

    The symbol is as large as ``height`` allows (whole printer dots per module, at most
    ``max_module_mm``); the code line takes the rest of ``width_max``, shrunk to fit.
    Raises :class:`BarcodeFitError` when the symbol does not fit at ``min_module_mm``.
    """
    rows = datamatrix_matrix(payload)
    size = len(rows)
    n = size + 2 * DATAMATRIX_QUIET_MODULES
    where = label or t("this label")
    dot = dot_size(dpi)
    min_text = 4.0 if human_readable else 0.0
    min_dots = max(1, math.ceil(min_module_mm * MM / dot - 1e-9))
    max_dots = max(min_dots, math.floor(max_module_mm * MM / dot + 1e-9))
    # the code line needs room for at least 4-point text
    room_w = width_max - (fonts.text_width(payload, min_text, fonts.MONO) + 1.0 * MM if human_readable else 0.0)
    fit_dots = math.floor(min(height, room_w) / n / dot + 1e-9)
    dots = min(max_dots, fit_dots)
    if dots < min_dots:
        need = n * min_dots * dot
        raise BarcodeFitError(
            t(
                "The barcode {payload} does not fit on {label}: it needs {needed} mm at the smallest readable bar width, the space is {available} mm. Choose a wider label or a shorter code.",
                payload=payload,
                label=where,
                needed=f"{(need + (width_max - room_w)) / MM:.1f}",
                available=f"{width_max / MM:.1f}",
            ),
            field="payload",
        )
    module = dots * dot
    quiet = DATAMATRIX_QUIET_MODULES * module
    block = n * module
    size_pt = 0.0
    gap = 0.0
    if human_readable:
        gap = max(1.0 * MM, module * 2) - quiet
        avail = width_max - block - gap
        size_pt = text_size if text_size else min(9.0, max(5.0, block * 0.45))
        size_pt = min(size_pt, block / fonts.line_extent(fonts.MONO))
        w = fonts.text_width(payload, size_pt, fonts.MONO)
        if w > avail:
            size_pt = size_pt * avail / w
    total = block + (gap + fonts.text_width(payload, size_pt, fonts.MONO) if human_readable else 0.0)
    slack = width_max - total
    offset = 0.0 if align == "left" else (slack if align == "right" else slack / 2)
    offset = math.floor(offset / dot + 1e-9) * dot
    symbol_y = math.floor((height - block) / 2 / dot + 1e-9) * dot + quiet
    text_x = offset + block + gap if human_readable else 0.0
    # the code line centred on the symbol
    text_y = symbol_y + size * module / 2 - (fonts.ascent(fonts.MONO) + fonts.descent(fonts.MONO)) * size_pt / 2 if human_readable else 0.0
    return DataMatrixGeometry(
        payload=payload, module=module, size=size, offset=offset, symbol_start=offset + quiet, symbol_y=symbol_y,
        text_x=text_x, text_y=text_y, text_size=size_pt, total_width=total,
    )


def draw_datamatrix_planned(canvas, geo: DataMatrixGeometry, x: float, y: float) -> None:  # noqa: ANN001 - a reportlab object (untyped)
    """Draw a planned Data Matrix whose space starts at (``x``, ``y``) = bottom-left, in canvas space."""
    if geo.text_size:
        canvas.setFont(fonts.MONO, geo.text_size)
        canvas.drawString(x + geo.text_x, y + geo.text_y, geo.payload)
    m = geo.module
    canvas.addLiteral(f"q {_fmt(m)} 0 0 {_fmt(m)} {_fmt(x + geo.symbol_start)} {_fmt(y + geo.symbol_y)} cm {_datamatrix_ops(geo.payload)} Q")
