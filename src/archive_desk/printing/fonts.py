"""The shipped fonts, text measuring, shortening, wrapping and vertical (竖排) setting.

Every PDF ArchiveDesk prints uses WenQuanYi Micro Hei (``resources/fonts/wqy-microhei.ttc``,
Apache-2.0, licence beside it) for Chinese *and* Latin text, so every font in the output is an
embedded TrueType subset: labels print the same on a machine with no Chinese fonts and on any
printer. reportlab's built-in CID fonts (``STSong-Light``) are never embedded and the base-14
fonts (Helvetica) are not embedded either; neither is used anywhere in :mod:`archive_desk.printing`.

Two faces come from the one file:

* :data:`SANS` (face 0, WenQuanYi Micro Hei) for all text;
* :data:`MONO` (face 1, WenQuanYi Micro Hei Mono) for codes under barcodes, where a fixed pitch
  keeps ``0``/``O`` and ``1``/``I`` easy to tell apart.

All sizes and widths in this module are in PostScript points (1/72 inch).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "ArchiveSans"
MONO = "ArchiveMono"
FONT_FILE = "wqy-microhei.ttc"
LICENCE_FILE = "wqy-microhei-LICENSE.txt"
ELLIPSIS = "\u2026"  # …

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register :data:`SANS` and :data:`MONO` with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        ref = resources.files("archive_desk") / "resources" / "fonts" / FONT_FILE
        # as_file gives a real path even from a zip; TTFont reads the whole file into memory,
        # so the temporary copy (if any) may go away once the fonts are built.
        with resources.as_file(ref) as path:
            sans = TTFont(SANS, str(path), subfontIndex=0)
            mono = TTFont(MONO, str(path), subfontIndex=1)
        pdfmetrics.registerFont(sans)
        pdfmetrics.registerFont(mono)
        # A "family" so platypus <b>/<i> markup never falls back to a base-14 font.
        from reportlab.lib.fonts import addMapping

        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(SANS, bold, italic, SANS)
                addMapping(MONO, bold, italic, MONO)
        _registered = True


def font_path_ref() -> Traversable:  # pragma: no cover - for the UI: QFontDatabase.addApplicationFontFromData
    """The shipped font file as an importlib.resources Traversable (the UI registers it with Qt)."""
    return resources.files("archive_desk") / "resources" / "fonts" / FONT_FILE


@lru_cache(maxsize=8)
def _metrics(font: str) -> tuple[float, float]:
    """(ascent, descent) per point of size; descent is negative."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return face.ascent / 1000.0, face.descent / 1000.0


def ascent(font: str = SANS) -> float:
    """Ascent per point of font size."""
    return _metrics(font)[0]


def descent(font: str = SANS) -> float:
    """Descent per point of font size (negative)."""
    return _metrics(font)[1]


def line_extent(font: str = SANS) -> float:
    """Height of one line's ink box (ascent - descent) per point of size."""
    a, d = _metrics(font)
    return a - d


@lru_cache(maxsize=8)
def _char_widths(font: str) -> tuple[dict[int, float], float]:
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth


def text_width(text: str, size: float, font: str = SANS) -> float:
    """Advance width of ``text`` in points."""
    widths, default = _char_widths(font)
    get = widths.get
    return sum(get(ord(ch), default) for ch in text) * size / 1000.0


def has_glyph(ch: str, font: str = SANS) -> bool:
    widths, _ = _char_widths(font)
    return ord(ch) in widths


def shorten(text: str, size: float, max_width: float, font: str = SANS, ellipsis: str = ELLIPSIS) -> str:
    """``text`` if it fits ``max_width``, else its longest prefix that fits followed by "…".

    Returns "" when not even the ellipsis fits.
    """
    if text_width(text, size, font) <= max_width:
        return text
    ell = text_width(ellipsis, size, font)
    if ell > max_width:
        return ""
    widths, default = _char_widths(font)
    budget = (max_width - ell) * 1000.0 / size
    used = 0.0
    cut = 0
    for i, ch in enumerate(text):
        used += widths.get(ord(ch), default)
        if used > budget + 1e-9:
            cut = i
            break
    else:  # pragma: no cover - the whole text fitted after all
        return text
    return text[:cut].rstrip() + ellipsis


# --------------------------------------------------------------------------- wrapping

# Characters that must not begin a line (避头点) and must not end one (避尾点).
_NO_START = set("，。、；：？！）」』】》〉’”…,.;:?!)]}%·-")
_NO_END = set("（「『【《〈‘“([{")


def is_cjk(ch: str) -> bool:
    """True for ideographs, kana, hangul and full-width forms: set upright in vertical text."""
    o = ord(ch)
    if o < 0x2E80:
        return False
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_latin(ch: str) -> bool:
    """Characters that make up a run of Latin text or digits (set as a unit in vertical text)."""
    return ch.isascii() and (ch.isalnum() or ch in "-./:·_#+%&'") or ch == "·"


def _tokens(text: str) -> Iterator[str]:
    """Break units: one CJK character, one Latin word (letters/digits), one space, or one other char."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i + 1
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in "-./:_·"):
                j += 1
            yield text[i:j]
            i = j
        else:
            yield ch
            i += 1


def wrap(text: str, size: float, max_width: float, font: str = SANS) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` (CJK anywhere, Latin at word ends).

    Explicit ``\\n`` start a new line. A word wider than the line is broken between characters.
    """
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(_wrap_paragraph(para, size, max_width, font))
    return lines


@lru_cache(maxsize=2048)
def _measured_tokens(text: str, font: str) -> tuple[tuple[str, float], ...]:
    """Break units of ``text`` with their widths at 1 pt (cached: fitting re-wraps at each size)."""
    widths, default = _char_widths(font)
    get = widths.get
    return tuple((tok, sum(get(ord(ch), default) for ch in tok) / 1000.0) for tok in _tokens(text))


def _wrap_paragraph(text: str, size: float, max_width: float, font: str) -> list[str]:
    if not text:
        return [""]
    limit = max_width / size + 1e-9  # in 1-pt units
    lines: list[str] = []
    cur = ""
    cur_w = 0.0

    def width(s: str) -> float:
        return text_width(s, 1.0, font)

    for tok, w in _measured_tokens(text, font):
        if cur_w + w <= limit:
            cur += tok
            cur_w += w
            continue
        if tok == " ":
            lines.append(cur)
            cur, cur_w = "", 0.0
            continue
        if w > limit:  # an over-long word: break it by characters
            for ch in tok:
                cw = width(ch)
                if cur_w + cw > limit and cur:
                    lines.append(cur)
                    cur, cur_w = "", 0.0
                cur += ch
                cur_w += cw
            continue
        # kinsoku: a closing mark may not start a line and an opening mark may not end one:
        # carry the previous character down to the new line with it
        carry = ""
        if len(cur) > 1 and cur[-1] != " " and (tok[0] in _NO_START or cur[-1] in _NO_END):
            carry, cur = cur[-1], cur[:-1]
        lines.append(cur.rstrip())
        cur = (carry + tok).lstrip()
        cur_w = width(cur)
        if carry and cur_w > limit:
            # the carry made the new line too wide: it fitted where it was, so put it back
            lines[-1] = lines[-1] + carry
            cur = tok.lstrip()
            cur_w = width(cur)
    lines.append(cur)
    return lines


@dataclass(frozen=True)
class FittedText:
    """Text fitted into a box: its lines, the size chosen and the line metrics (points)."""

    lines: tuple[str, ...]
    size: float
    leading: float  # baseline to baseline
    ascent: float  # of one line, points above the baseline
    descent: float  # negative
    truncated: bool
    font: str = SANS

    @property
    def height(self) -> float:
        """Height of the ink box of all lines."""
        if not self.lines:
            return 0.0
        return (self.ascent - self.descent) + (len(self.lines) - 1) * self.leading

    @property
    def widths(self) -> tuple[float, ...]:
        return tuple(text_width(line, self.size, self.font) for line in self.lines)


def fit_text(
    text: str,
    max_width: float,
    max_height: float,
    size: float,
    *,
    min_size: float | None = None,
    max_lines: int = 1,
    leading: float = 1.15,
    font: str = SANS,
    step: float = 0.5,
) -> FittedText:
    """Fit ``text`` into a ``max_width`` × ``max_height`` box.

    Tries ``size`` then smaller sizes down to ``min_size`` (default: ``size``, i.e. no shrinking),
    wrapping into at most ``max_lines`` lines. If it still does not fit, the last line that fits
    ends with "…". The result never exceeds the box: if even one line at ``min_size`` is taller
    than the box, the size is reduced until one line fits.
    """
    a, d = _metrics(font)
    ext = a - d
    min_size = size if min_size is None else min(min_size, size)
    size = min(size, max_height / ext) if max_height > 0 else 0.0
    if size <= 0.5 or max_width <= 0:
        return FittedText((), 0.0, 0.0, 0.0, 0.0, truncated=bool(text), font=font)
    min_size = min(min_size, size)

    def capacity(s: float) -> int:
        if s * ext > max_height + 1e-9:
            return 0
        return min(max_lines, 1 + int((max_height - s * ext) // (s * leading) + 1e-9))

    s = size
    while True:
        cap = capacity(s)
        lines = wrap(text, s, max_width, font)
        if cap >= len(lines):
            return FittedText(tuple(lines), s, s * leading, s * a, s * d, truncated=False, font=font)
        if s - step < min_size - 1e-9:
            break
        s = round(s - step, 3)
    s = min_size
    cap = max(1, capacity(s))
    lines = wrap(text, s, max_width, font)
    kept = lines[: cap - 1]
    # the last visible line carries the rest of the text, shortened
    rest = _remaining(text, kept)
    kept.append(shorten(rest.replace("\n", " "), s, max_width, font))
    return FittedText(tuple(kept), s, s * leading, s * a, s * d, truncated=True, font=font)


def _remaining(text: str, kept: list[str]) -> str:
    """The text after the characters of the ``kept`` lines (wrap drops spaces at breaks)."""
    pos = 0
    for line in kept:
        for ch in line:
            nxt = text.find(ch, pos)
            if nxt < 0:
                return ""
            pos = nxt + 1
    return text[pos:].lstrip()


def draw_fitted(
    canvas,  # noqa: ANN001 - a reportlab object (untyped)
    fitted: FittedText,
    x: float,
    y_top: float,
    width: float,
    height: float,
    *,
    align: str = "left",
    valign: str = "top",
) -> tuple[float, float, float, float]:
    """Draw ``fitted`` inside the box whose top-left corner is (``x``, ``y_top``) in canvas space.

    Returns the ink bounding box (x0, y0, x1, y1) actually used (canvas space, y up).
    """
    if not fitted.lines:
        return (x, y_top, x, y_top)
    h = fitted.height
    if valign == "middle":
        top = y_top - (height - h) / 2
    elif valign == "bottom":
        top = y_top - (height - h)
    else:
        top = y_top
    canvas.setFont(fitted.font, fitted.size)
    baseline = top - fitted.ascent
    x0, x1 = x + width, x
    for line, w in zip(fitted.lines, fitted.widths, strict=True):
        if align == "center":
            lx = x + (width - w) / 2
        elif align == "right":
            lx = x + width - w
        else:
            lx = x
        if line:
            canvas.drawString(lx, baseline, line)
            x0, x1 = min(x0, lx), max(x1, lx + w)
        baseline -= fitted.leading
    return (min(x0, x1), top - h, max(x0, x1), top)


# --------------------------------------------------------------------------- vertical text

# Set rotated (turned 90° clockwise) in a vertical column: brackets, dashes and the ellipsis.
_ROTATE_IN_VERTICAL = set("（）()[]【】《》〈〉「」『』—–-~～…―〜:：")
LATIN_MODES = ("auto", "upright", "rotate", "stack")


@dataclass(frozen=True)
class VGlyph:
    """One unit of a vertical column: a character or a run of Latin text/digits.

    ``top`` is its distance below the column's top, ``advance`` the length of column it takes,
    ``extent`` its horizontal width on the page (points).
    """

    text: str
    rotated: bool
    top: float
    advance: float
    extent: float


@dataclass(frozen=True)
class VerticalText:
    glyphs: tuple[VGlyph, ...]
    size: float
    height: float
    width: float  # widest unit
    truncated: bool
    font: str = SANS


def _vertical_units(text: str) -> list[tuple[str, bool]]:
    """Split into (unit, is_latin_run)."""
    out: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i + 1
            while j < n and is_latin(text[j]):
                j += 1
            out.append((text[i:j], True))
            i = j
        else:
            out.append((ch, False))
            i += 1
    return out


def _place_units(
    units: list[tuple[str, bool]], size: float, width: float, latin: str, font: str, gap: float
) -> list[VGlyph]:
    a, d = _metrics(font)
    ext = (a - d) * size
    em = size  # an ideograph is one em wide and one em tall
    pitch = em * (1 + gap)
    glyphs: list[VGlyph] = []
    y = 0.0
    for unit, latin_run in units:
        if unit in ("\n", " "):
            y += pitch / 2
            continue
        if not latin_run:
            rotated = unit in _ROTATE_IN_VERTICAL
            w = text_width(unit, size, font)
            if rotated:
                glyphs.append(VGlyph(unit, True, y, max(w, em * 0.5) * (1 + gap), ext))
                y += max(w, em * 0.5) * (1 + gap)
            else:
                glyphs.append(VGlyph(unit, False, y, pitch, w))
                y += pitch
            continue
        w = text_width(unit, size, font)
        mode = latin
        if mode == "auto":
            mode = "upright" if w <= width + 1e-9 else "rotate"
        if mode == "upright" and w > width + 1e-9:
            mode = "stack"
        if mode == "rotate" and len(unit) == 1:
            mode = "upright"
        if mode == "upright":
            glyphs.append(VGlyph(unit, False, y, ext * (1 + gap), w))
            y += ext * (1 + gap)
        elif mode == "rotate":
            glyphs.append(VGlyph(unit, True, y, w + em * gap * 2, ext))
            y += w + em * gap * 2
        else:  # stack
            for ch in unit:
                cw = text_width(ch, size, font)
                glyphs.append(VGlyph(ch, False, y, ext * (1 + gap / 2), cw))
                y += ext * (1 + gap / 2)
    return glyphs


def _column_height(glyphs: list[VGlyph]) -> float:
    if not glyphs:
        return 0.0
    last = glyphs[-1]
    return last.top + last.advance


def layout_vertical(
    text: str,
    size: float,
    width: float,
    max_height: float,
    *,
    min_size: float | None = None,
    latin: str = "auto",
    gap: float = 0.05,
    font: str = SANS,
    step: float = 0.5,
) -> VerticalText:
    """Set ``text`` as one vertical column (one character per line, top to bottom).

    Runs of Latin letters/digits (``2019``, ``D30``, ``Z109-LP``) follow ``latin``:
    ``"upright"`` keeps a run horizontal on one line (纵中横) when it fits the column width,
    ``"rotate"`` turns it 90° clockwise to read down the column, ``"stack"`` sets one character
    per line, and ``"auto"`` (default) keeps it upright when it fits the width and rotates it
    otherwise. Brackets, dashes and "…" are turned as in Chinese vertical typesetting.

    The size shrinks from ``size`` to ``min_size`` to fit ``max_height`` and ``width``; what still
    does not fit is cut and ends with a turned "…".
    """
    if latin not in LATIN_MODES:
        raise ValueError(f"latin must be one of {LATIN_MODES}")
    min_size = size if min_size is None else min(size, min_size)
    # an ideograph is one em wide: the column width caps the size
    a, d = _metrics(font)
    units = _vertical_units(text.replace("\n", " "))
    s = min(size, width / 1.0)
    min_size = min(min_size, s)
    while True:
        glyphs = _place_units(units, s, width, latin, font, gap)
        h = _column_height(glyphs)
        wmax = max((g.extent for g in glyphs), default=0.0)
        if h <= max_height + 1e-9 and wmax <= width + 1e-9:
            return VerticalText(tuple(glyphs), s, h, wmax, truncated=False, font=font)
        if s - step < min_size - 1e-9:
            break
        s = round(s - step, 3)
    s = min_size
    glyphs = _place_units(units, s, width, latin, font, gap)
    glyphs = [g for g in glyphs if g.extent <= width + 1e-9]
    ell_w = text_width(ELLIPSIS, s, font)
    ext = (a - d) * s
    kept: list[VGlyph] = []
    for g in glyphs:
        if g.top + g.advance + ell_w > max_height + 1e-9:
            break
        kept.append(g)
    # re-flow the kept glyphs (dropping filtered ones may leave holes)
    y = 0.0
    packed: list[VGlyph] = []
    for g in kept:
        packed.append(VGlyph(g.text, g.rotated, y, g.advance, g.extent))
        y += g.advance
    if y + ell_w <= max_height + 1e-9 and ext <= width + 1e-9:
        packed.append(VGlyph(ELLIPSIS, True, y, ell_w, ext))
        y += ell_w
    wmax = max((g.extent for g in packed), default=0.0)
    return VerticalText(tuple(packed), s, min(y, max_height), wmax, truncated=True, font=font)


def draw_vertical(
    canvas,  # noqa: ANN001 - a reportlab object (untyped)
    vt: VerticalText,
    x: float,
    y_top: float,
    width: float,
    height: float,
    *,
    valign: str = "top",
) -> tuple[float, float, float, float]:
    """Draw a vertical column centred in the box with top-left (``x``, ``y_top``). Returns the ink box."""
    if not vt.glyphs:
        return (x, y_top, x, y_top)
    a, d = _metrics(vt.font)
    s = vt.size
    if valign == "middle":
        top = y_top - (height - vt.height) / 2
    elif valign == "bottom":
        top = y_top - (height - vt.height)
    else:
        top = y_top
    cx = x + width / 2
    canvas.setFont(vt.font, s)
    for g in vt.glyphs:
        if g.rotated:
            # turned 90° clockwise: the text runs down the page, glyph tops face right
            w = text_width(g.text, s, vt.font)
            y_start = top - g.top - (g.advance - w) / 2
            canvas.saveState()
            canvas.translate(cx - (a + d) * s / 2, y_start)
            canvas.rotate(-90)
            canvas.drawString(0, 0, g.text)
            canvas.restoreState()
        else:
            ext = (a - d) * s
            cell = g.advance
            baseline = top - g.top - (cell - ext) / 2 - a * s
            canvas.drawCentredString(cx, baseline, g.text)
    return (cx - vt.width / 2, top - vt.height, cx + vt.width / 2, top)


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * 72.0 / 25.4


def to_mm(points: float) -> float:
    return points * 25.4 / 72.0
