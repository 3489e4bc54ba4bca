"""Label templates and label stock as data.

Templates live in ``resources/templates/labels/*.json`` (shipped) and in a user folder the app
chooses (custom templates made in the app); stock (label sheets and rolls) in
``resources/templates/stock/*.json`` and the same user folder. A user file with the name of a
shipped one takes its place, so a room can adjust a shipped template without losing it.

Template file (all lengths in mm, origin at the label's top-left corner, y pointing down)::

    {
      "format": 1,
      "name": "front-63x34",                      # file-name safe: letters, digits, - _ .
      "title": "Front label 63.5 × 33.9 mm",      # shown in the app (translated when a msgid)
      "kind": "front",                            # spine | front | shelf | seal | custom
      "width_mm": 63.5, "height_mm": 33.9,
      "elements": [
        {"type": "box", "x": 0, "y": 0, "w": 45, "h": 16, "rows": 2, "cols": 3, "line_width": 0.3},
        {"type": "line", "x1": 0, "y1": 10, "x2": 20, "y2": 10, "line_width": 0.2},
        {"type": "text", "x": 2, "y": 2, "w": 59, "h": 7,
         "field": "title",            # or "text": "Fixed text" (translated), or "format": "{year}年"
         "label": "Year",             # optional caption printed before the value (translated)
         "font_size": 9, "min_font_size": 6, "max_lines": 2,
         "align": "left", "valign": "top",     # left|center|right, top|middle|bottom
         "vertical": false, "latin": "auto",   # vertical column; auto|upright|rotate|stack
         "font": "sans",                        # sans | mono (both the shipped WenQuanYi font)
         "show_if": "org"},                     # only when this field has a value
        {"type": "barcode", "x": 0, "y": 20, "w": 63.5, "h": 12, "field": "payload",
         "rotate": 0, "human_readable": true, "text_size": 7, "max_module_mm": 0.34, "align": "center",
         "symbology": "code128"}      # code128 | datamatrix (see below)
      ]
    }

Stock file::

    {"format": 1, "name": "a4-3x8", "title": "…", "kind": "sheet",   # sheet | roll | plain
     "page_width_mm": 210, "page_height_mm": 297,
     "label_width_mm": 63.5, "label_height_mm": 33.9, "columns": 3, "rows": 8,
     "margin_left_mm": 7.25, "margin_top_mm": 12.9, "gap_x_mm": 2.5, "gap_y_mm": 0,
     "corner_radius_mm": 1.5, "dpi": 600}

A barcode element prints ``code128`` across its length, or ``datamatrix``: an ECC 200 square at the
start of its length with the code printed beside it. Code 128 is printed only with modules of at least
0.25 mm; where a code is too long for that, the element prints its Data Matrix variant instead (and
the layout says so), unless the room has only 1D scanners (see ``services/labels.py``).

``roll`` stock is one label per page of the label's size; ``plain`` stock is ordinary paper on
which labels of the template's own size are laid out in a grid (margins and gaps given) with cut
guides, for spine strips and stamps cut out by hand.
"""

from __future__ import annotations

import json
import math
import os
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from archive_desk import atomic
from archive_desk.errors import UserError
from archive_desk.i18n import t

FORMAT_VERSION = 1
KINDS = ("spine", "front", "shelf", "seal", "custom")
STOCK_KINDS = ("sheet", "roll", "plain")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle", "bottom")
LATIN_MODES = ("auto", "upright", "rotate", "stack")
FONTS = ("sans", "mono")
ROTATIONS = (0, 90, 180, 270)
SYMBOLOGIES = ("code128", "datamatrix")
_NAME_RE = re.compile(r"^[^\W][\w.\-]{0,63}$")
_FIELD_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_EPS = 1e-6


class TemplateError(UserError):
    """A template or stock file is not valid."""


# --------------------------------------------------------------------------- elements


@dataclass(frozen=True)
class TextElement:
    x: float
    y: float
    w: float
    h: float
    text: str | None = None  # fixed text (translated with t())
    field: str | None = None  # a record field
    format: str | None = None  # "{item_start}–{item_end}"
    label: str | None = None  # caption printed before the value (translated)
    font_size: float = 9.0
    min_font_size: float | None = None
    max_lines: int = 1
    align: str = "left"
    valign: str = "top"
    vertical: bool = False
    latin: str = "auto"
    font: str = "sans"
    show_if: str | None = None
    type: str = "text"


@dataclass(frozen=True)
class BarcodeElement:
    x: float
    y: float
    w: float
    h: float
    field: str = "payload"
    rotate: int = 0  # clockwise degrees
    human_readable: bool = True
    text_size: float | None = None
    max_module_mm: float | None = None
    align: str = "center"
    show_if: str | None = None
    symbology: str = "code128"  # code128 | datamatrix
    type: str = "barcode"

    @property
    def length(self) -> float:
        """Length along the reading direction (mm)."""
        return self.h if self.rotate in (90, 270) else self.w

    @property
    def thickness(self) -> float:
        return self.w if self.rotate in (90, 270) else self.h


@dataclass(frozen=True)
class BoxElement:
    x: float
    y: float
    w: float
    h: float
    rows: int = 1
    cols: int = 1
    line_width: float = 0.25  # mm
    show_if: str | None = None
    type: str = "box"


@dataclass(frozen=True)
class LineElement:
    x1: float
    y1: float
    x2: float
    y2: float
    line_width: float = 0.25
    show_if: str | None = None
    type: str = "line"

    @property
    def x(self) -> float:
        return min(self.x1, self.x2)

    @property
    def y(self) -> float:
        return min(self.y1, self.y2)

    @property
    def w(self) -> float:
        return abs(self.x2 - self.x1)

    @property
    def h(self) -> float:
        return abs(self.y2 - self.y1)


Element = TextElement | BarcodeElement | BoxElement | LineElement
_ELEMENT_TYPES: dict[str, type] = {
    "text": TextElement,
    "barcode": BarcodeElement,
    "box": BoxElement,
    "line": LineElement,
}


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    title: str
    width_mm: float
    height_mm: float
    elements: tuple[Element, ...]
    kind: str = "custom"
    description: str = ""
    source: str = "user"  # "shipped" or "user"
    path: Path | None = field(default=None, compare=False)

    @property
    def display_title(self) -> str:
        return t(self.title) if self.title else self.name

    def fields(self) -> tuple[str, ...]:
        """The record fields this template prints."""
        out: list[str] = []
        for el in self.elements:
            names: list[str] = []
            if isinstance(el, TextElement):
                if el.field:
                    names.append(el.field)
                if el.format:
                    names.extend(_format_fields(el.format))
            elif isinstance(el, BarcodeElement):
                names.append(el.field)
            if getattr(el, "show_if", None):
                names.append(el.show_if)  # type: ignore[arg-type]
            out.extend(n for n in names if n not in out)
        return tuple(out)

    def has_barcode(self) -> bool:
        return any(isinstance(el, BarcodeElement) for el in self.elements)


# --------------------------------------------------------------------------- stock


@dataclass(frozen=True)
class Cell:
    """One label position on a page, mm from the page's top-left corner."""

    index: int  # 0-based, row-major
    row: int
    col: int
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Stock:
    name: str
    title: str
    kind: str  # sheet | roll | plain
    page_width_mm: float
    page_height_mm: float
    label_width_mm: float = 0.0  # 0 for plain stock (the template gives the size)
    label_height_mm: float = 0.0
    columns: int = 1
    rows: int = 1
    margin_left_mm: float = 0.0
    margin_top_mm: float = 0.0
    gap_x_mm: float = 0.0
    gap_y_mm: float = 0.0
    corner_radius_mm: float = 0.0
    dpi: int = 600  # resolution of the printer the stock is meant for (bars snap to its dots)
    min_module_mm: float = 0.19
    description: str = ""
    source: str = "user"
    path: Path | None = field(default=None, compare=False)

    @property
    def display_title(self) -> str:
        return t(self.title) if self.title else self.name

    @classmethod
    def custom_sheet(
        cls,
        name: str,
        *,
        columns: int,
        rows: int,
        label_width_mm: float,
        label_height_mm: float,
        margin_left_mm: float,
        margin_top_mm: float,
        gap_x_mm: float = 0.0,
        gap_y_mm: float = 0.0,
        page_width_mm: float = 210.0,
        page_height_mm: float = 297.0,
        title: str = "",
        dpi: int = 600,
    ) -> Stock:
        """A custom sheet (validated): rows × columns of labels with the given margins and gaps."""
        stock = cls(
            name=name,
            title=title or name,
            kind="sheet",
            page_width_mm=page_width_mm,
            page_height_mm=page_height_mm,
            label_width_mm=label_width_mm,
            label_height_mm=label_height_mm,
            columns=columns,
            rows=rows,
            margin_left_mm=margin_left_mm,
            margin_top_mm=margin_top_mm,
            gap_x_mm=gap_x_mm,
            gap_y_mm=gap_y_mm,
            dpi=dpi,
        )
        return stock_from_dict(stock_to_dict(stock))

    @classmethod
    def roll(cls, name: str, width_mm: float, height_mm: float, *, title: str = "", dpi: int = 203) -> Stock:
        """Single labels on a roll: one label per page of the label's size."""
        return stock_from_dict(
            stock_to_dict(
                cls(
                    name=name,
                    title=title or name,
                    kind="roll",
                    page_width_mm=width_mm,
                    page_height_mm=height_mm,
                    label_width_mm=width_mm,
                    label_height_mm=height_mm,
                    dpi=dpi,
                )
            )
        )

    def grid(self, template: LabelTemplate | None = None) -> tuple[int, int, float, float]:
        """(columns, rows, cell width, cell height); plain stock needs the template."""
        if self.kind != "plain":
            return self.columns, self.rows, self.label_width_mm, self.label_height_mm
        if template is None:
            raise TemplateError(t("Stock {stock} is plain paper: choose a label template to lay it out.", stock=self.name))
        w, h = template.width_mm, template.height_mm
        usable_w = self.page_width_mm - 2 * self.margin_left_mm
        usable_h = self.page_height_mm - 2 * self.margin_top_mm
        cols = int(math.floor((usable_w + self.gap_x_mm) / (w + self.gap_x_mm) + _EPS))
        rows = int(math.floor((usable_h + self.gap_y_mm) / (h + self.gap_y_mm) + _EPS))
        if cols < 1 or rows < 1:
            raise TemplateError(
                t(
                    "Label template {template} ({w} × {h} mm) does not fit on {stock}.",
                    template=template.name,
                    w=_num(w),
                    h=_num(h),
                    stock=self.display_title,
                )
            )
        return cols, rows, w, h

    def cells(self, template: LabelTemplate | None = None) -> tuple[Cell, ...]:
        cols, rows, w, h = self.grid(template)
        left, top = self.margin_left_mm, self.margin_top_mm
        if self.kind == "plain":  # centre the grid on the page
            used_w = cols * w + (cols - 1) * self.gap_x_mm
            used_h = rows * h + (rows - 1) * self.gap_y_mm
            left = (self.page_width_mm - used_w) / 2
            top = (self.page_height_mm - used_h) / 2
        out = []
        for r in range(rows):
            for c in range(cols):
                out.append(
                    Cell(
                        index=r * cols + c,
                        row=r,
                        col=c,
                        x=left + c * (w + self.gap_x_mm),
                        y=top + r * (h + self.gap_y_mm),
                        w=w,
                        h=h,
                    )
                )
        return tuple(out)

    def labels_per_page(self, template: LabelTemplate | None = None) -> int:
        cols, rows, _, _ = self.grid(template)
        return cols * rows


def fits(template: LabelTemplate, stock: Stock) -> bool:
    """True when the template fits one label of the stock (no scaling is ever applied)."""
    if stock.kind == "plain":
        try:
            stock.grid(template)
        except TemplateError:
            return False
        return True
    return template.width_mm <= stock.label_width_mm + 0.05 and template.height_mm <= stock.label_height_mm + 0.05


def applicable_stocks(template: LabelTemplate, stocks: Iterable[Stock]) -> list[Stock]:
    return [s for s in stocks if fits(template, s)]


# --------------------------------------------------------------------------- parsing and validation


def _num(v: float) -> str:
    return f"{v:g}"


def _format_fields(fmt: str) -> list[str]:
    names = []
    for _lit, name, _spec, _conv in string.Formatter().parse(fmt):
        if name is not None:
            names.append(name)
    return names


class _Problems:
    def __init__(self, what: str, name: str) -> None:
        self.what = what
        self.name = name
        self.items: list[str] = []

    def add(self, text: str) -> None:
        self.items.append(text)

    def raise_if_any(self, where: str | None) -> None:
        if self.items:
            raise TemplateError(
                t("{what} {name} is not valid: {problems}", what=self.what, name=self.name, problems="；".join(self.items)),
                where=where,
            )


def _get_number(d: Mapping[str, Any], key: str, probs: _Problems, ctx: str, *, default: Any = ..., lo: float | None = None, hi: float | None = None) -> float:
    if key not in d:
        if default is ...:
            probs.add(t("{where}: {key} is missing", where=ctx, key=key))
            return 0.0
        return default
    v = d[key]
    if v is None and default is not ... and default is None:
        return None  # type: ignore[return-value]
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        probs.add(t("{where}: {key} must be a number", where=ctx, key=key))
        return 0.0
    if lo is not None and hi is not None and not lo <= v <= hi:
        probs.add(t("{where}: {key} must be between {lo} and {hi}", where=ctx, key=key, lo=_num(lo), hi=_num(hi)))
    elif lo is not None and hi is None and v < lo:
        probs.add(t("{where}: {key} must be at least {lo}", where=ctx, key=key, lo=_num(lo)))
    return float(v)


def _get_int(d: Mapping[str, Any], key: str, probs: _Problems, ctx: str, *, default: Any = ..., lo: int = 0, hi: int = 10_000) -> int:
    v = _get_number(d, key, probs, ctx, default=default, lo=lo, hi=hi)
    if v is None:
        return v
    if float(v) != int(v):
        probs.add(t("{where}: {key} must be a whole number", where=ctx, key=key))
    return int(v)


def _get_str(d: Mapping[str, Any], key: str, probs: _Problems, ctx: str, *, default: Any = ..., choices: Sequence[str] | None = None) -> str:
    if key not in d or d[key] is None:
        if default is ...:
            probs.add(t("{where}: {key} is missing", where=ctx, key=key))
            return ""
        return default
    v = d[key]
    if not isinstance(v, str):
        probs.add(t("{where}: {key} must be text", where=ctx, key=key))
        return ""
    if choices is not None and v not in choices:
        probs.add(t("{where}: {key} must be one of {choices}", where=ctx, key=key, choices=", ".join(choices)))
    return v


def _get_bool(d: Mapping[str, Any], key: str, probs: _Problems, ctx: str, default: bool) -> bool:
    v = d.get(key, default)
    if not isinstance(v, bool):
        probs.add(t("{where}: {key} must be true or false", where=ctx, key=key))
        return default
    return v


_ALLOWED_KEYS = {
    "text": {"type", "x", "y", "w", "h", "text", "field", "format", "label", "font_size", "min_font_size", "max_lines", "align", "valign", "vertical", "latin", "font", "show_if"},
    "barcode": {"type", "x", "y", "w", "h", "field", "rotate", "human_readable", "text_size", "max_module_mm", "align", "show_if", "symbology"},
    "box": {"type", "x", "y", "w", "h", "rows", "cols", "line_width", "show_if"},
    "line": {"type", "x1", "y1", "x2", "y2", "line_width", "show_if"},
}


def _parse_element(d: Any, i: int, tw: float, th: float, probs: _Problems) -> Element | None:
    ctx = t("element {n}", n=i + 1)
    if not isinstance(d, Mapping):
        probs.add(t("{where} must be an object", where=ctx))
        return None
    kind = d.get("type")
    if kind not in _ELEMENT_TYPES:
        probs.add(t("{where}: unknown type {type} (text, barcode, box or line)", where=ctx, type=kind))
        return None
    unknown = sorted(set(d) - _ALLOWED_KEYS[kind])
    if unknown:
        probs.add(t("{where}: unknown setting {keys}", where=ctx, keys=", ".join(unknown)))
    show_if = _get_str(d, "show_if", probs, ctx, default=None)
    if show_if is not None and not _FIELD_RE.match(show_if):
        probs.add(t("{where}: {key} must be a field name", where=ctx, key="show_if"))
    if kind == "line":
        x1 = _get_number(d, "x1", probs, ctx, lo=0, hi=tw + _EPS)
        y1 = _get_number(d, "y1", probs, ctx, lo=0, hi=th + _EPS)
        x2 = _get_number(d, "x2", probs, ctx, lo=0, hi=tw + _EPS)
        y2 = _get_number(d, "y2", probs, ctx, lo=0, hi=th + _EPS)
        lw = _get_number(d, "line_width", probs, ctx, default=0.25, lo=0.05, hi=3)
        return LineElement(x1, y1, x2, y2, line_width=lw, show_if=show_if)
    x = _get_number(d, "x", probs, ctx, lo=0)
    y = _get_number(d, "y", probs, ctx, lo=0)
    w = _get_number(d, "w", probs, ctx, lo=0.5)
    h = _get_number(d, "h", probs, ctx, lo=0.5)
    if x + w > tw + 0.01 or y + h > th + 0.01:
        probs.add(
            t(
                "{where} ({x}, {y}, {w} × {h} mm) reaches outside the label ({tw} × {th} mm)",
                where=ctx,
                x=_num(x),
                y=_num(y),
                w=_num(w),
                h=_num(h),
                tw=_num(tw),
                th=_num(th),
            )
        )
    if kind == "box":
        rows = _get_int(d, "rows", probs, ctx, default=1, lo=1, hi=50)
        cols = _get_int(d, "cols", probs, ctx, default=1, lo=1, hi=50)
        lw = _get_number(d, "line_width", probs, ctx, default=0.25, lo=0.05, hi=3)
        return BoxElement(x, y, w, h, rows=rows, cols=cols, line_width=lw, show_if=show_if)
    if kind == "barcode":
        fld = _get_str(d, "field", probs, ctx, default="payload")
        if not _FIELD_RE.match(fld):
            probs.add(t("{where}: {key} must be a field name", where=ctx, key="field"))
        rot = _get_int(d, "rotate", probs, ctx, default=0, lo=0, hi=270)
        if rot not in ROTATIONS:
            probs.add(t("{where}: rotate must be 0, 90, 180 or 270", where=ctx))
        hr = _get_bool(d, "human_readable", probs, ctx, True)
        ts = _get_number(d, "text_size", probs, ctx, default=None, lo=4, hi=24)
        mm_max = _get_number(d, "max_module_mm", probs, ctx, default=None, lo=0.19, hi=1.0)
        align = _get_str(d, "align", probs, ctx, default="center", choices=ALIGNS)
        symbology = _get_str(d, "symbology", probs, ctx, default="code128", choices=SYMBOLOGIES)
        thickness = w if rot in (90, 270) else h
        if thickness < 5:
            probs.add(t("{where}: a barcode needs at least 5 mm for its bars and code", where=ctx))
        return BarcodeElement(x, y, w, h, field=fld, rotate=rot, human_readable=hr, text_size=ts, max_module_mm=mm_max, align=align, show_if=show_if,
                              symbology=symbology)
    # text
    sources = [k for k in ("text", "field", "format") if d.get(k) not in (None, "")]
    if len(sources) != 1:
        probs.add(t("{where}: give exactly one of text, field or format", where=ctx))
    text = _get_str(d, "text", probs, ctx, default=None)
    fld = _get_str(d, "field", probs, ctx, default=None)
    if fld is not None and not _FIELD_RE.match(fld):
        probs.add(t("{where}: {key} must be a field name", where=ctx, key="field"))
    fmt = _get_str(d, "format", probs, ctx, default=None)
    if fmt is not None:
        try:
            names = _format_fields(fmt)
        except ValueError:
            names = None
        if names is None or any(not _FIELD_RE.match(n) for n in names):
            probs.add(t("{where}: the format may only hold {{field}} placeholders", where=ctx))
    label = _get_str(d, "label", probs, ctx, default=None)
    fs = _get_number(d, "font_size", probs, ctx, default=9.0, lo=3, hi=96)
    mfs = _get_number(d, "min_font_size", probs, ctx, default=None, lo=3, hi=96)
    ml = _get_int(d, "max_lines", probs, ctx, default=1, lo=1, hi=50)
    align = _get_str(d, "align", probs, ctx, default="left", choices=ALIGNS)
    valign = _get_str(d, "valign", probs, ctx, default="top", choices=VALIGNS)
    vertical = _get_bool(d, "vertical", probs, ctx, False)
    latin = _get_str(d, "latin", probs, ctx, default="auto", choices=LATIN_MODES)
    font = _get_str(d, "font", probs, ctx, default="sans", choices=FONTS)
    # a box shorter (or, set vertically, narrower) than 3-point text holds nothing readable
    if h < 3 * 25.4 / 72 or (vertical and w < 3 * 25.4 / 72):
        probs.add(t("{where} is too small for any text", where=ctx))
    return TextElement(
        x, y, w, h, text=text, field=fld, format=fmt, label=label, font_size=fs, min_font_size=mfs, max_lines=ml,
        align=align, valign=valign, vertical=vertical, latin=latin, font=font, show_if=show_if,
    )


def _check_name(name: Any, probs: _Problems) -> str:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        probs.add(t("the name must be 1–64 letters, digits, '-', '_' or '.'"))
        return name if isinstance(name, str) else ""
    return name


def template_from_dict(data: Any, *, source: str = "user", path: Path | None = None) -> LabelTemplate:
    """Build and validate a template; raises :class:`TemplateError` listing every problem."""
    name = data.get("name") if isinstance(data, Mapping) else None
    probs = _Problems(t("Label template"), str(name or (path.name if path else "?")))
    where = str(path) if path else None
    if not isinstance(data, Mapping):
        probs.add(t("the file must hold one JSON object"))
        probs.raise_if_any(where)
    allowed = {"format", "name", "title", "kind", "width_mm", "height_mm", "elements", "description"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        probs.add(t("unknown setting {keys}", keys=", ".join(unknown)))
    fmt = data.get("format", FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        probs.add(t("format {format} is not supported (this version reads format {supported})", format=fmt, supported=FORMAT_VERSION))
    name = _check_name(data.get("name"), probs)
    ctx = t("label")
    title = _get_str(data, "title", probs, ctx, default=name)
    kind = _get_str(data, "kind", probs, ctx, default="custom", choices=KINDS)
    desc = _get_str(data, "description", probs, ctx, default="")
    tw = _get_number(data, "width_mm", probs, ctx, lo=5, hi=400)
    th = _get_number(data, "height_mm", probs, ctx, lo=5, hi=400)
    raw = data.get("elements")
    elements: list[Element] = []
    if not isinstance(raw, list) or not raw:
        probs.add(t("elements must be a non-empty list"))
    else:
        for i, el in enumerate(raw):
            parsed = _parse_element(el, i, tw, th, probs)
            if parsed is not None:
                elements.append(parsed)
    probs.raise_if_any(where)
    return LabelTemplate(name=name, title=title, width_mm=tw, height_mm=th, elements=tuple(elements), kind=kind, description=desc, source=source, path=path)


def _element_to_dict(el: Element) -> dict[str, Any]:
    out: dict[str, Any] = {"type": el.type}
    defaults = type(el).__dataclass_fields__
    for name, f in defaults.items():
        if name == "type":
            continue
        v = getattr(el, name)
        if f.default is not v and f.default != v or name in ("x", "y", "w", "h", "x1", "y1", "x2", "y2"):
            out[name] = v
    return out


def template_to_dict(template: LabelTemplate) -> dict[str, Any]:
    out: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "name": template.name,
        "title": template.title,
        "kind": template.kind,
        "width_mm": template.width_mm,
        "height_mm": template.height_mm,
    }
    if template.description:
        out["description"] = template.description
    out["elements"] = [_element_to_dict(el) for el in template.elements]
    return out


def stock_from_dict(data: Any, *, source: str = "user", path: Path | None = None) -> Stock:
    name = data.get("name") if isinstance(data, Mapping) else None
    probs = _Problems(t("Label stock"), str(name or (path.name if path else "?")))
    where = str(path) if path else None
    if not isinstance(data, Mapping):
        probs.add(t("the file must hold one JSON object"))
        probs.raise_if_any(where)
    allowed = {f for f in Stock.__dataclass_fields__ if f not in ("source", "path")} | {"format"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        probs.add(t("unknown setting {keys}", keys=", ".join(unknown)))
    if data.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        probs.add(t("format {format} is not supported (this version reads format {supported})", format=data.get("format"), supported=FORMAT_VERSION))
    name = _check_name(data.get("name"), probs)
    ctx = t("stock")
    kind = _get_str(data, "kind", probs, ctx, choices=STOCK_KINDS)
    title = _get_str(data, "title", probs, ctx, default=name)
    desc = _get_str(data, "description", probs, ctx, default="")
    if kind == "roll":
        lw = _get_number(data, "label_width_mm", probs, ctx, lo=10, hi=400)
        lh = _get_number(data, "label_height_mm", probs, ctx, lo=5, hi=1000)
        pw = _get_number(data, "page_width_mm", probs, ctx, default=lw, lo=10, hi=400)
        ph = _get_number(data, "page_height_mm", probs, ctx, default=lh, lo=5, hi=1000)
    else:
        pw = _get_number(data, "page_width_mm", probs, ctx, lo=20, hi=1200)
        ph = _get_number(data, "page_height_mm", probs, ctx, lo=20, hi=1200)
        need = ... if kind == "sheet" else 0.0
        lw = _get_number(data, "label_width_mm", probs, ctx, default=need, lo=0 if kind == "plain" else 5, hi=pw)
        lh = _get_number(data, "label_height_mm", probs, ctx, default=need, lo=0 if kind == "plain" else 5, hi=ph)
    cols = _get_int(data, "columns", probs, ctx, default=1, lo=1, hi=50)
    rows = _get_int(data, "rows", probs, ctx, default=1, lo=1, hi=100)
    ml = _get_number(data, "margin_left_mm", probs, ctx, default=0.0, lo=0, hi=pw)
    mt = _get_number(data, "margin_top_mm", probs, ctx, default=0.0, lo=0, hi=ph)
    gx = _get_number(data, "gap_x_mm", probs, ctx, default=0.0, lo=0, hi=pw)
    gy = _get_number(data, "gap_y_mm", probs, ctx, default=0.0, lo=0, hi=ph)
    cr = _get_number(data, "corner_radius_mm", probs, ctx, default=0.0, lo=0, hi=20)
    dpi = _get_int(data, "dpi", probs, ctx, default=600, lo=150, hi=2400)
    mmm = _get_number(data, "min_module_mm", probs, ctx, default=0.19, lo=0.1, hi=1.0)
    if kind == "roll" and (cols != 1 or rows != 1):
        probs.add(t("a roll holds one label per page: columns and rows must be 1"))
    if kind == "sheet" and not probs.items:
        right = ml + cols * lw + (cols - 1) * gx
        bottom = mt + rows * lh + (rows - 1) * gy
        if right > pw + 0.01 or bottom > ph + 0.01:
            probs.add(
                t(
                    "the labels reach {right} × {bottom} mm, beyond the page of {pw} × {ph} mm",
                    right=f"{right:.1f}",
                    bottom=f"{bottom:.1f}",
                    pw=_num(pw),
                    ph=_num(ph),
                )
            )
    if kind == "roll" and not probs.items and (lw > pw + 0.01 or lh > ph + 0.01):
        probs.add(t("the label is larger than its page"))
    probs.raise_if_any(where)
    return Stock(
        name=name, title=title, kind=kind, page_width_mm=pw, page_height_mm=ph, label_width_mm=lw or 0.0,
        label_height_mm=lh or 0.0, columns=cols, rows=rows, margin_left_mm=ml, margin_top_mm=mt, gap_x_mm=gx,
        gap_y_mm=gy, corner_radius_mm=cr, dpi=dpi, min_module_mm=mmm, description=desc, source=source, path=path,
    )


def stock_to_dict(stock: Stock) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT_VERSION}
    for name in Stock.__dataclass_fields__:
        if name in ("source", "path"):
            continue
        v = getattr(stock, name)
        if name == "description" and not v:
            continue
        out[name] = v
    return out


# --------------------------------------------------------------------------- files


def _shipped_dir(sub: str) -> Traversable:
    return resources.files("archive_desk") / "resources" / "templates" / sub


def _read_json(text: str, where: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(
            t("{what} file {file} is not valid JSON (line {line}, column {col}): {error}", what=what, file=where, line=exc.lineno, col=exc.colno, error=exc.msg),
            where=where,
        ) from exc


def load_template_file(path: str | os.PathLike[str], *, source: str = "user") -> LabelTemplate:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(t("Cannot read the label template {file}: {error}", file=str(p), error=exc.strerror or str(exc)), where=str(p)) from exc
    return template_from_dict(_read_json(text, str(p), t("Label template")), source=source, path=p)


def load_stock_file(path: str | os.PathLike[str], *, source: str = "user") -> Stock:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(t("Cannot read the label stock {file}: {error}", file=str(p), error=exc.strerror or str(exc)), where=str(p)) from exc
    return stock_from_dict(_read_json(text, str(p), t("Label stock")), source=source, path=p)


def _load_shipped(sub: str, loader) -> dict[str, Any]:  # noqa: ANN001 - a reader of any template kind
    out: dict[str, Any] = {}
    folder = _shipped_dir(sub)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            with resources.as_file(entry) as p:
                obj = loader(p, source="shipped")
            out[obj.name] = obj
    return out


OnError = Callable[[TemplateError], None] | None


def _load_user(folder: str | os.PathLike[str] | None, loader, on_error: OnError) -> dict[str, Any]:  # noqa: ANN001 - a reader of any template kind
    out: dict[str, Any] = {}
    if folder is None:
        return out
    f = Path(folder)
    if not f.is_dir():
        return out
    for p in sorted(f.glob("*.json")):
        try:
            obj = loader(p, source="user")
        except TemplateError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        out[obj.name] = obj
    return out


def list_templates(user_dir: str | os.PathLike[str] | None = None, *, on_error: OnError = None) -> list[LabelTemplate]:
    """Shipped templates, then the user's (a user template replaces a shipped one of the same name).

    An invalid user file raises :class:`TemplateError`, or, with ``on_error``, is passed to it and
    left out, so one broken file does not hide the others.
    """
    merged = _load_shipped("labels", load_template_file)
    merged.update(_load_user(user_dir, load_template_file, on_error))
    return sorted(merged.values(), key=lambda x: (KINDS.index(x.kind), x.name))


def list_stocks(user_dir: str | os.PathLike[str] | None = None, *, on_error: OnError = None) -> list[Stock]:
    """Shipped stock, then the user's (same rules as :func:`list_templates`)."""
    merged = _load_shipped("stock", load_stock_file)
    merged.update(_load_user(user_dir, load_stock_file, on_error))
    return sorted(merged.values(), key=lambda x: (STOCK_KINDS.index(x.kind), x.name))


def load_template(name: str, user_dir: str | os.PathLike[str] | None = None) -> LabelTemplate:
    for tpl in list_templates(user_dir):
        if tpl.name == name:
            return tpl
    raise TemplateError(t("There is no label template named {name}.", name=name))


def load_stock(name: str, user_dir: str | os.PathLike[str] | None = None) -> Stock:
    for st in list_stocks(user_dir):
        if st.name == name:
            return st
    raise TemplateError(t("There is no label stock named {name}.", name=name))


def _atomic_write(folder: Path, filename: str, data: dict[str, Any]) -> Path:
    target = folder / filename
    try:
        atomic.write_text(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise TemplateError(t("Cannot save {file}: {error}", file=str(target), error=exc.strerror or str(exc)), where=str(target)) from exc
    return target


def save_template(template: LabelTemplate, folder: str | os.PathLike[str]) -> Path:
    """Validate ``template`` and write it to ``folder/<name>.json``; returns the path."""
    data = template_to_dict(template)
    template_from_dict(data)  # validate before anything is written
    return _atomic_write(Path(folder), f"{template.name}.json", data)


def save_stock(stock: Stock, folder: str | os.PathLike[str]) -> Path:
    data = stock_to_dict(stock)
    stock_from_dict(data)
    return _atomic_write(Path(folder), f"{stock.name}.json", data)


def simple_template(
    name: str,
    width_mm: float,
    height_mm: float,
    fields: Sequence[str],
    *,
    title: str = "",
    barcode: bool = True,
    font_size: float = 9.0,
    font: str = "sans",
    captions: Mapping[str, str] | None = None,
    margin_mm: float = 1.5,
) -> LabelTemplate:
    """A custom template from a list of fields, a size and a font: one line per field, barcode below.

    ``captions`` maps a field to the caption printed before its value (English msgid or any text).
    This is what the app's "new template" dialog builds; it can be edited further and saved with
    :func:`save_template`.
    """
    from .fonts import line_extent

    line_h = font_size * line_extent() * 1.15 * 25.4 / 72
    bar_h = min(14.0, max(7.0, height_mm * 0.4)) if barcode else 0.0
    avail = height_mm - 2 * margin_mm - bar_h - (0.8 if barcode else 0)
    elements: list[Element] = []
    y = margin_mm
    inner_w = width_mm - 2 * margin_mm
    for fld in fields:
        if y + line_h > margin_mm + avail + 1e-6:
            break
        elements.append(
            TextElement(
                margin_mm, round(y, 2), inner_w, round(line_h, 2), field=fld, label=(captions or {}).get(fld),
                font_size=font_size, min_font_size=max(4.0, font_size - 3), font=font,
            )
        )
        y += line_h
    if barcode:
        elements.append(BarcodeElement(0.0, round(height_mm - margin_mm - bar_h, 2), width_mm, bar_h, max_module_mm=0.5))
    tpl = LabelTemplate(name=name, title=title or name, width_mm=width_mm, height_mm=height_mm, elements=tuple(elements), kind="custom")
    return template_from_dict(template_to_dict(tpl))


def with_elements(template: LabelTemplate, elements: Iterable[Element]) -> LabelTemplate:
    """A copy of ``template`` with other elements (validated)."""
    return template_from_dict(template_to_dict(replace(template, elements=tuple(elements))), source=template.source, path=template.path)
