"""Lay label records out on label stock and draw them to PDF.

* Labels fill the stock's cells row by row (left to right, top to bottom); ``start_at`` (1-based)
  skips the used labels of a part-used first sheet.
* A template is never scaled: when it is larger than the stock's label a :class:`UserError` says
  so (scaling would change bar widths and font sizes the template was designed for). A smaller
  template is centred in the cell.
* Every element stays inside its box and every box inside the label: text is shrunk (down to the
  element's ``min_font_size``) and then shortened with "…".
* Barcodes: Code 128 only with modules of at least 0.25 mm; a ``code128`` element whose code is too
  long for that prints its Data Matrix variant in the same box (``PlacedLabel.fallback``), a
  ``datamatrix`` element prints Data Matrix. With ``scanners="1d"`` (a room with laser scanners only)
  Data Matrix is never printed: Code 128 where it fits, else
  :class:`~archive_desk.printing.barcodes.BarcodeFitError`. With ``skip_refused`` a record that cannot
  be printed is left out (``LabelLayout.refused``) and the others fill the cells without a hole.
* A per-printer :class:`~archive_desk.printing.data.Calibration` shifts everything printed by its
  offsets plus the creep per row/column. The cells themselves (and the geometry reported by
  :func:`layout_labels`) stay where the stock says they are.
* Barcodes are placed on the stock's printer dot grid (``stock.dpi``), measured from the page's
  top-left corner where printers start, so every bar edge lands on a dot.

Lengths in the public API are millimetres (top-left origin, y down) unless a name says otherwise.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen import canvas as rl_canvas

from archive_desk.errors import StorageError, UserError
from archive_desk.filesafe import atomic_target
from archive_desk.i18n import t

from . import barcodes, fonts
from .data import Calibration, LabelRecord
from .templates import (
    BarcodeElement,
    BoxElement,
    Cell,
    LabelTemplate,
    LineElement,
    Stock,
    TextElement,
)

MM = 72.0 / 25.4
Out = str | os.PathLike[str] | BinaryIO | None

__all__ = [
    "Calibration",
    "Ink",
    "LabelLayout",
    "PlacedLabel",
    "Refused",
    "layout_labels",
    "render_labels",
    "render_labels_reporting",
    "render_test_page",
]


@dataclass(frozen=True)
class Ink:
    """A rectangle in mm on the page (top-left origin, y down): where an element put ink."""

    kind: str  # text | barcode | box | line | cut
    x0: float
    y0: float
    x1: float
    y1: float

    def inside(self, x0: float, y0: float, x1: float, y1: float, tol: float = 0.02) -> bool:
        return self.x0 >= x0 - tol and self.y0 >= y0 - tol and self.x1 <= x1 + tol and self.y1 <= y1 + tol


@dataclass(frozen=True)
class PlacedLabel:
    """One printed label: where it is (nominal, before calibration) and what it drew."""

    record_index: int
    page: int  # 0-based
    cell: Cell
    label_x: float  # the template's top-left corner on the page (mm)
    label_y: float
    shift: tuple[float, float]  # calibration shift applied when drawing (mm, y down)
    ink: tuple[Ink, ...]  # nominal positions (without the shift)
    payloads: tuple[str, ...]  # barcodes drawn
    module_mm: tuple[float, ...]  # module width of each barcode
    symbologies: tuple[str, ...] = ()  # "code128" or "datamatrix", per barcode
    fallback: bool = False  # a Code 128 element printed its Data Matrix variant (the code was too long)


@dataclass(frozen=True)
class Refused:
    """A record that could not be printed (with ``skip_refused``): its index and why."""

    record_index: int
    code: str
    reason: str


@dataclass(frozen=True)
class LabelLayout:
    template: LabelTemplate
    stock: Stock
    pages: int
    labels: tuple[PlacedLabel, ...]
    cells_per_page: int
    next_start_at: int  # where the next run could start on the last sheet (1 = a fresh sheet)
    refused: tuple[Refused, ...] = ()

    @property
    def fallbacks(self) -> tuple[PlacedLabel, ...]:
        """Labels whose Code 128 did not fit and which carry the template's Data Matrix variant."""
        return tuple(label for label in self.labels if label.fallback)


# --------------------------------------------------------------------------- drawing one label


@dataclass(frozen=True)
class _Drawn:
    inks: tuple[Ink, ...]
    payloads: tuple[str, ...]
    module_mm: tuple[float, ...]
    symbologies: tuple[str, ...]
    fallback: bool


class _LabelDrawer:
    """Draws a template's elements; records ink boxes in page mm (nominal)."""

    def __init__(self, canvas, template: LabelTemplate, stock: Stock, scanners: str = "2d") -> None:  # noqa: ANN001 - a reportlab object (untyped)
        fonts.register_fonts()
        self.scanners = scanners
        self.c = canvas
        self.tpl = template
        self.stock = stock
        self.page_h = stock.page_height_mm * MM
        self.dot = barcodes.dot_size(stock.dpi)

    # coordinates: (lx, ly) = label top-left in page mm incl. shift; element mm -> canvas points
    def _box(self, lx: float, ly: float, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """Canvas-space (left, top, width, height) in points."""
        return ((lx + x) * MM, self.page_h - (ly + y) * MM, w * MM, h * MM)

    def _ink(self, kind: str, bx0: float, by0: float, bx1: float, by1: float, shift: tuple[float, float]) -> Ink:
        """Canvas points -> nominal page mm."""
        dx, dy = shift
        return Ink(
            kind,
            bx0 / MM - dx,
            (self.page_h - by1) / MM - dy,
            bx1 / MM - dx,
            (self.page_h - by0) / MM - dy,
        )

    def draw(self, record: LabelRecord, lx: float, ly: float, shift: tuple[float, float]) -> _Drawn:
        inks: list[Ink] = []
        payloads: list[str] = []
        modules: list[float] = []
        symbologies: list[str] = []
        fallback = False
        c = self.c
        for el in self.tpl.elements:
            if el.show_if and not record.value(el.show_if).strip():
                continue
            if isinstance(el, TextElement):
                ink = self._text(el, record, lx, ly)
                if ink is not None:
                    inks.append(self._ink("text", *ink, shift))
            elif isinstance(el, BarcodeElement):
                ink, payload, module, symbology, fell_back = self._barcode(el, record, lx, ly)
                inks.append(self._ink("barcode", *ink, shift))
                payloads.append(payload)
                modules.append(module)
                symbologies.append(symbology)
                fallback = fallback or fell_back
            elif isinstance(el, BoxElement):
                lw = el.line_width * MM
                left, top, w, h = self._box(lx, ly, el.x, el.y, el.w, el.h)
                c.setLineWidth(lw)
                # the stroke is drawn inside the box so it never reaches past it
                i = lw / 2
                path = c.beginPath()
                path.rect(left + i, top - h + i, w - lw, h - lw)
                for r in range(1, el.rows):
                    yy = top - h * r / el.rows
                    path.moveTo(left + i, yy)
                    path.lineTo(left + w - i, yy)
                for k in range(1, el.cols):
                    xx = left + w * k / el.cols
                    path.moveTo(xx, top - i)
                    path.lineTo(xx, top - h + i)
                c.drawPath(path, stroke=1, fill=0)
                inks.append(self._ink("box", left, top - h, left + w, top, shift))
            elif isinstance(el, LineElement):
                lw = el.line_width * MM
                x1, y1 = (lx + el.x1) * MM, self.page_h - (ly + el.y1) * MM
                x2, y2 = (lx + el.x2) * MM, self.page_h - (ly + el.y2) * MM
                # keep the stroke's ends and sides inside the label
                x1, x2 = self._clamp_line(x1, x2, lx * MM, (lx + self.tpl.width_mm) * MM, lw)
                ytop = self.page_h - ly * MM
                y1, y2 = self._clamp_line(y1, y2, ytop - self.tpl.height_mm * MM, ytop, lw)
                c.setLineWidth(lw)
                c.line(x1, y1, x2, y2)
                inks.append(self._ink("line", min(x1, x2) - (lw / 2 if y1 == y2 else 0), min(y1, y2) - (lw / 2 if x1 == x2 else 0),
                                      max(x1, x2) + (lw / 2 if y1 == y2 else 0), max(y1, y2) + (lw / 2 if x1 == x2 else 0), shift))
        return _Drawn(tuple(inks), tuple(payloads), tuple(modules), tuple(symbologies), fallback)

    @staticmethod
    def _clamp_line(a: float, b: float, lo: float, hi: float, lw: float) -> tuple[float, float]:
        half = lw / 2
        return (min(max(a, lo + half), hi - half), min(max(b, lo + half), hi - half))

    def _resolve(self, el: TextElement, record: LabelRecord) -> str:
        if el.text is not None:
            value = t(el.text)
        elif el.field is not None:
            value = record.value(el.field)
        else:
            value = _format(el.format or "", record)
        if el.label:
            caption = t(el.label)
            value = f"{caption} {value}" if value else caption
        return value

    def _text(self, el: TextElement, record: LabelRecord, lx: float, ly: float) -> tuple[float, float, float, float] | None:
        value = self._resolve(el, record)
        if not value.strip():
            return None
        font = fonts.MONO if el.font == "mono" else fonts.SANS
        left, top, w, h = self._box(lx, ly, el.x, el.y, el.w, el.h)
        if el.vertical:
            vt = fonts.layout_vertical(value, el.font_size, w, h, min_size=el.min_font_size, latin=el.latin, font=font)
            box = fonts.draw_vertical(self.c, vt, left, top, w, h, valign=el.valign)
        else:
            fitted = fonts.fit_text(value, w, h, el.font_size, min_size=el.min_font_size, max_lines=el.max_lines, font=font)
            box = fonts.draw_fitted(self.c, fitted, left, top, w, h, align=el.align, valign=el.valign)
        if box[2] <= box[0]:
            return None
        return box

    def _plan(self, el: BarcodeElement, payload: str, length: float, thick: float, where: str):  # noqa: ANN202 - a drawing plan of reportlab's untyped parts
        """(symbology, geometry, fell back) for a barcode element: Code 128 where its modules are at least
        0.25 mm, else (or when the element asks for it) Data Matrix, unless the room reads only 1D codes."""

        def code128():  # noqa: ANN202 - a reportlab barcode (untyped)
            return barcodes.plan_code128(
                payload, length, thick, dpi=self.stock.dpi,
                min_module_mm=max(self.stock.min_module_mm, barcodes.MIN_CODE128_MODULE_MM),
                max_module_mm=max(el.max_module_mm or barcodes.DEFAULT_MAX_MODULE_MM, barcodes.MIN_CODE128_MODULE_MM),
                human_readable=el.human_readable, text_size=el.text_size, align=el.align, label=where,
            )

        if self.scanners == barcodes.SCANNERS_1D:
            try:
                return "code128", code128(), False
            except barcodes.BarcodeFitError as exc:
                raise barcodes.BarcodeFitError(
                    t("{reason} The room's scanners read only 1D barcodes, so no Data Matrix code is printed in its place.",
                      reason=exc.message),
                    field="payload",
                ) from exc
        datamatrix = lambda: barcodes.plan_datamatrix(  # noqa: E731
            payload, length, thick, dpi=self.stock.dpi, human_readable=el.human_readable, align=el.align, label=where)
        if el.symbology == "datamatrix":
            return "datamatrix", datamatrix(), False
        try:
            return "code128", code128(), False
        except barcodes.BarcodeFitError:
            return "datamatrix", datamatrix(), True

    def _barcode(self, el: BarcodeElement, record: LabelRecord, lx: float, ly: float
                 ) -> tuple[tuple[float, float, float, float], str, float, str, bool]:
        payload = record.value(el.field).strip()
        where = t("label template {template}", template=self.tpl.name)
        if not payload:
            raise barcodes.BarcodePayloadError(
                t(
                    "The label for {code} has no barcode value ({field}), but template {template} prints one.",
                    code=record.code or record.title or record.location or "?",
                    field=el.field,
                    template=self.tpl.name,
                ),
                field=el.field,
            )
        barcodes.validate_payload(payload)
        left, top, w, h = self._box(lx, ly, el.x, el.y, el.w, el.h)
        rot = el.rotate
        length, thick = (h, w) if rot in (90, 270) else (w, h)
        # Reserve one dot in each direction so snapping the origin onto the dot grid never
        # pushes bars past the element box.
        dot = self.dot
        symbology, geo, fell_back = self._plan(el, payload, length - dot, thick - dot, where)
        # local frame: x along the reading direction, y from the code line up to the bars' top
        if rot == 0:
            ox, oy, ux, uy = left, top - h, (1, 0), (0, 1)
        elif rot == 90:  # clockwise: reads down the page, the code line on the left
            ox, oy, ux, uy = left, top, (0, -1), (1, 0)
        elif rot == 180:
            ox, oy, ux, uy = left + w, top, (-1, 0), (0, -1)
        else:  # 270: reads up the page, the code line on the right
            ox, oy, ux, uy = left + w, top - h, (0, 1), (-1, 0)
        ox, oy = self._snap(ox, oy, ux, uy)
        c = self.c
        c.saveState()
        c.translate(ox, oy)
        if rot:
            c.rotate(-rot)
        if symbology == "code128":
            barcodes.draw_planned(c, geo, 0.0, 0.0)
            # ink: the bars, and the code line centred under them (quiet zones are blank)
            text_w = fonts.text_width(payload, geo.text_size, fonts.MONO) if geo.text_size else 0.0
            mid = geo.bars_start + geo.bars_width / 2
            a0, a1 = min(geo.bars_start, mid - text_w / 2), max(geo.bars_start + geo.bars_width, mid + text_w / 2)
            b0 = 0.0
            b1 = (geo.text_size * fonts.line_extent(fonts.MONO) + geo.text_gap if geo.text_size else 0.0) + geo.bar_height
        else:
            barcodes.draw_datamatrix_planned(c, geo, 0.0, 0.0)
            a0 = geo.symbol_start
            a1 = max(geo.symbol_start + geo.side, geo.text_x + geo.text_width)
            b0, b1 = geo.symbol_y, geo.symbol_y + geo.side
            if geo.text_size:
                b0 = min(b0, geo.text_y + fonts.descent(fonts.MONO) * geo.text_size)
                b1 = max(b1, geo.text_y + fonts.ascent(fonts.MONO) * geo.text_size)
        c.restoreState()
        pts = [(ox + ux[0] * a + uy[0] * b, oy + ux[1] * a + uy[1] * b) for a in (a0, a1) for b in (b0, b1)]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        return (min(xs), min(ys), max(xs), max(ys)), payload, geo.module_mm, symbology, fell_back

    def _snap(self, x: float, y: float, ux: tuple[int, int], uy: tuple[int, int]) -> tuple[float, float]:
        """Move the origin onto the dot grid (from the page's top-left), inwards along both local axes."""
        dot = self.dot
        # page x: inward is +1 if a local axis points right
        dir_x = ux[0] or uy[0]
        dir_y = ux[1] or uy[1]  # +1 = up in canvas space
        gx = x / dot
        nx = math.ceil(gx - 1e-6) if dir_x > 0 else math.floor(gx + 1e-6)
        from_top = (self.page_h - y) / dot
        ny = math.floor(from_top + 1e-6) if dir_y > 0 else math.ceil(from_top - 1e-6)
        return nx * dot, self.page_h - ny * dot


def _format(fmt: str, record: LabelRecord) -> str:
    import string

    out = []
    for lit, name, _spec, _conv in string.Formatter().parse(fmt):
        out.append(lit)
        if name is not None:
            out.append(record.value(name))
    return "".join(out)


# --------------------------------------------------------------------------- laying out


def _check_fits(template: LabelTemplate, stock: Stock) -> list[Cell]:
    cells = list(stock.cells(template))
    cell = cells[0]
    if template.width_mm > cell.w + 0.05 or template.height_mm > cell.h + 0.05:
        raise UserError(
            t(
                "Label template {template} is {tw} × {th} mm, larger than the labels of {stock} ({cw} × {ch} mm). Templates are not scaled: choose a stock with larger labels or a smaller template.",
                template=template.name,
                tw=f"{template.width_mm:g}",
                th=f"{template.height_mm:g}",
                stock=stock.display_title,
                cw=f"{cell.w:g}",
                ch=f"{cell.h:g}",
            )
        )
    return cells


def _slots(n_records: int, cells_per_page: int, start_at: int) -> list[tuple[int, int]]:
    """(page, cell index) for each record."""
    first = start_at - 1
    return [divmod(first + i, cells_per_page) for i in range(n_records)]


def _check_start(start_at: int, per_page: int, stock: Stock) -> None:
    if not isinstance(start_at, int) or start_at < 1 or start_at > per_page:
        raise UserError(
            t(
                "Start at label {n}: {stock} has labels 1 to {count}.",
                n=start_at,
                stock=stock.display_title,
                count=per_page,
            ),
            field="start_at",
        )


def _draw_cut_guides(c, cells: Sequence[Cell], page_h: float) -> None:  # noqa: ANN001 - a reportlab object (untyped)
    """Light cut guides on the edges of each label of plain stock (drawn just inside the label)."""
    c.saveState()
    c.setStrokeGray(0.6)
    c.setLineWidth(0.2)
    c.setDash(1.5, 1.5)
    i = 0.1
    path = c.beginPath()
    for cell in cells:
        path.rect(cell.x * MM + i, page_h - (cell.y + cell.h) * MM + i, cell.w * MM - 2 * i, cell.h * MM - 2 * i)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def _new_canvas(target, stock: Stock, title: str):  # noqa: ANN001, ANN202 - reportlab objects (untyped)
    fonts.register_fonts()
    # initialFontName: otherwise every page starts with an (unembedded) Helvetica selected
    c = rl_canvas.Canvas(
        target,
        pagesize=(stock.page_width_mm * MM, stock.page_height_mm * MM),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.SANS,
        initialFontSize=10,
        initialLeading=12,
    )
    c.setTitle(title)
    c.setCreator("ArchiveDesk")
    c.setAuthor("ArchiveDesk")
    return c


def _draw_labels(c, records: Sequence[LabelRecord], template: LabelTemplate, stock: Stock, start_at: int, calibration: Calibration,  # noqa: ANN001 - a reportlab object (untyped)
                 scanners: str = barcodes.SCANNERS_2D, skip_refused: bool = False) -> LabelLayout:
    cells = _check_fits(template, stock)
    per_page = len(cells)
    _check_start(start_at, per_page, stock)
    if not records:
        raise UserError(t("There is nothing to print: no labels were chosen."))
    drawer = _LabelDrawer(c, template, stock, scanners)
    page_h = stock.page_height_mm * MM
    placed: list[PlacedLabel] = []
    refused: list[Refused] = []
    slot = start_at - 1
    current_page = 0
    c.setFillGray(0)
    c.setStrokeGray(0)
    if stock.kind == "plain":
        _draw_cut_guides(c, cells, page_h)
    for i, record in enumerate(records):
        page, idx = divmod(slot, per_page)
        if page != current_page:
            c.showPage()
            current_page = page
            c.setFillGray(0)
            c.setStrokeGray(0)
            if stock.kind == "plain":
                _draw_cut_guides(c, cells, page_h)
        cell = cells[idx]
        # centre a smaller template in the cell
        lx = cell.x + (cell.w - template.width_mm) / 2
        ly = cell.y + (cell.h - template.height_mm) / 2
        shift = calibration.shift_mm(cell.row, cell.col) if stock.kind != "roll" else (calibration.offset_x_mm, calibration.offset_y_mm)
        # what the page holds before this label: a refused label's partial drawing is taken back (every
        # refusal comes from planning a barcode, outside any saveState, so the graphics state stays balanced)
        mark = len(c._code)  # noqa: SLF001 - the same package's own object
        try:
            drawn = drawer.draw(record, lx + shift[0], ly + shift[1], shift)
        except UserError as exc:
            if skip_refused:
                del c._code[mark:]  # noqa: SLF001 - the same package's own object
                refused.append(Refused(i, record.code or record.location_code or record.payload, str(exc)))
                continue
            if exc.where is None:
                exc.where = t("label {n}", n=i + 1)
            raise
        placed.append(PlacedLabel(i, page, cell, lx, ly, shift, drawn.inks, drawn.payloads, drawn.module_mm,
                                  drawn.symbologies, drawn.fallback))
        slot += 1
    c.showPage()
    if not placed:
        first = refused[0]
        raise UserError(t("No label could be printed. {code}: {reason}", code=first.code, reason=first.reason))
    last_page, last_idx = divmod(slot - 1, per_page)
    nxt = last_idx + 2
    return LabelLayout(template, stock, last_page + 1, tuple(placed), per_page, nxt if nxt <= per_page else 1, tuple(refused))


def narrowest_module_mm(layout: LabelLayout) -> float | None:
    """The narrowest barcode module on any label of the layout (None without barcodes)."""
    modules = [m for label in layout.labels for m in label.module_mm]
    return min(modules) if modules else None


def layout_labels(
    records: Sequence[LabelRecord],
    template: LabelTemplate,
    stock: Stock,
    *,
    start_at: int = 1,
    calibration: Calibration = Calibration(),  # noqa: B008 - an immutable default
    scanners: str = barcodes.SCANNERS_2D,
    skip_refused: bool = False,
) -> LabelLayout:
    """Where every label and element goes (and what would be printed), without writing a file."""
    c = _new_canvas(io.BytesIO(), stock, template.name)
    return _draw_labels(c, list(records), template, stock, start_at, calibration, scanners, skip_refused)


def _finish(c, buffer: io.BytesIO, out: Out) -> bytes | Path | None:  # noqa: ANN001 - a reportlab object (untyped)
    c.save()
    data = buffer.getvalue()
    return write_output(data, out)


def write_output(data: bytes, out: Out) -> bytes | Path | None:
    """Return ``data`` (``out`` None), write it to a file object, or save it to a path atomically."""
    if out is None:
        return data
    if hasattr(out, "write"):
        out.write(data)
        return None
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(t("Cannot write {file}: {error}", file=str(path), error=exc.strerror or str(exc)), where=str(path)) from exc
    with atomic_target(path) as tmp:  # the one safe-writing path: temp file, fsync, rename; locked -> FileLockedError
        tmp.write_bytes(data)
    return path


def render_labels(
    records: Iterable[LabelRecord],
    template: LabelTemplate,
    stock: Stock,
    *,
    start_at: int = 1,
    calibration: Calibration = Calibration(),  # noqa: B008 - an immutable default
    out: Out = None,
    scanners: str = barcodes.SCANNERS_2D,
) -> bytes | Path | None:
    """Draw ``records`` with ``template`` on ``stock`` to a PDF.

    Returns the PDF bytes when ``out`` is None, the path when ``out`` is a path (written
    atomically), or None after writing to a binary file object.
    Raises ``UserError`` for a template larger than the stock's labels, a ``start_at`` outside
    the sheet, a missing or invalid barcode payload, or a barcode that does not fit.
    """
    return render_labels_reporting(records, template, stock, start_at=start_at, calibration=calibration, out=out,
                                   scanners=scanners)[0]


def render_labels_reporting(
    records: Iterable[LabelRecord],
    template: LabelTemplate,
    stock: Stock,
    *,
    start_at: int = 1,
    calibration: Calibration = Calibration(),  # noqa: B008 - an immutable default
    out: Out = None,
    scanners: str = barcodes.SCANNERS_2D,
    skip_refused: bool = False,
) -> tuple[bytes | Path | None, LabelLayout]:
    """:func:`render_labels`, and the layout: which labels fell back to Data Matrix and, with
    ``skip_refused``, which records could not be printed (the others are printed, packed together)."""
    buffer = io.BytesIO()
    c = _new_canvas(buffer, stock, template.name)
    layout = _draw_labels(c, list(records), template, stock, start_at, calibration, scanners, skip_refused)
    return _finish(c, buffer, out), layout


# --------------------------------------------------------------------------- test page


def render_test_page(
    stock: Stock,
    calibration: Calibration = Calibration(),  # noqa: B008 - an immutable default
    *,
    template: LabelTemplate | None = None,
    out: Out = None,
) -> bytes | Path | None:
    """A page to measure a printer's offset and creep on real stock.

    Draws, with ``calibration`` applied as labels would be: millimetre rulers along the top and
    left edges and through the middle, each label's outline, crosshairs at each label's four
    corners and centre, its number, and the calibration in use. Print it on the stock, hold it to
    the light: where the crosshairs miss the label corners is the offset still to correct (right
    and down are positive); a miss that grows row by row is creep.
    Plain stock needs ``template`` (its cells take the template's size).
    """
    fonts.register_fonts()
    cells = stock.cells(template)
    buffer = io.BytesIO()
    c = _new_canvas(buffer, stock, t("Printer test page"))
    pw, ph = stock.page_width_mm, stock.page_height_mm
    H = ph * MM  # noqa: N806 - named like the table it stands for

    def P(x_mm: float, y_mm: float) -> tuple[float, float]:  # noqa: N802 - a short local helper, named like the formula
        return x_mm * MM, H - y_mm * MM

    ox, oy = calibration.offset_x_mm, calibration.offset_y_mm
    c.setStrokeGray(0)
    c.setFillGray(0)
    # rulers along the top and left edges, a little inside the paper (printers cannot print at
    # the very edge); tick k is k mm from the paper's left/top edge once calibrated
    inset = 1.0 if stock.kind == "roll" else 4.0
    tick_font = 5.0 if pw > 80 else 4.0
    c.setLineWidth(0.15)
    c.setFont(fonts.SANS, tick_font)
    for k in range(1, int(pw) + 1):
        long = 4.0 if k % 10 == 0 else (2.5 if k % 5 == 0 else 1.5)
        x, y = k + ox, inset + oy
        if 0 < x < pw:
            c.line(*P(x, y), *P(x, y + long))
            if k % 10 == 0:
                c.drawString(*P(x + 0.4, y + long), str(k))
    for k in range(1, int(ph) + 1):
        long = 4.0 if k % 10 == 0 else (2.5 if k % 5 == 0 else 1.5)
        x, y = inset + ox, k + oy
        if 0 < y < ph:
            c.line(*P(x, y), *P(x + long, y))
            if k % 10 == 0:
                px, py = P(x + long + 0.4, y)
                c.drawString(px, py - tick_font * 0.35, str(k))
    # labels: outline, corner and centre crosshairs, number
    arm = max(1.5, min(3.0, min(cells[0].w, cells[0].h) / 8))
    for cell in cells:
        dx, dy = calibration.shift_mm(cell.row, cell.col) if stock.kind != "roll" else (ox, oy)
        x0, y0 = cell.x + dx, cell.y + dy
        x1, y1 = x0 + cell.w, y0 + cell.h
        c.setLineWidth(0.2)
        c.setStrokeGray(0.55)
        c.setDash(1, 1)
        left, top = P(x0, y0)
        c.rect(left, top - cell.h * MM, cell.w * MM, cell.h * MM, stroke=1, fill=0)
        c.setDash()
        c.setStrokeGray(0)
        c.setLineWidth(0.2)
        for cx, cy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2)):
            c.line(*P(cx - arm, cy), *P(cx + arm, cy))
            c.line(*P(cx, cy - arm), *P(cx, cy + arm))
        size = min(7.0, cell.h * MM / 5)
        c.setFont(fonts.SANS, size)
        lx, ly = P((x0 + x1) / 2 + arm * 0.5, (y0 + y1) / 2 - arm * 0.4)
        c.drawString(lx, ly, str(cell.index + 1))
    # what this page is and the calibration in use: in the lower half of the first label
    info = (
        stock.display_title,
        t(
            "Offset x {x} mm, y {y} mm; creep {creep} mm per row",
            x=f"{calibration.offset_x_mm:+.2f}",
            y=f"{calibration.offset_y_mm:+.2f}",
            creep=f"{calibration.creep_y_mm:+.2f}",
        ),
        t("Crosshairs should meet the label corners. Measure how far they miss (right and down are +) and add it to the offset."),
    )
    first = cells[0]
    x0 = max(first.x + arm + 1.0, inset + 8.0) + ox
    x1 = first.x + ox + first.w - arm - 1.0
    y0 = first.y + oy + first.h / 2 + arm + 1.0
    y1 = first.y + oy + first.h - arm - 0.5
    if x1 - x0 > 10 and y1 - y0 > 3:
        text = "\n".join(info)
        fitted = fonts.fit_text(text, (x1 - x0) * MM, (y1 - y0) * MM, 6.5, min_size=3.5, max_lines=12, leading=1.2)
        fonts.draw_fitted(c, fitted, x0 * MM, H - y0 * MM, (x1 - x0) * MM, (y1 - y0) * MM)
    c.showPage()
    c.save()
    return write_output(buffer.getvalue(), out)
