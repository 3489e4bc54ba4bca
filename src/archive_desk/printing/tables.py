"""Table documents: the printed lists of an archive room, built once and reused.

卷内文件目录, 归档文件目录, 移交清册, 销毁清册 and loan slips share one shape: a title block, a table
whose header row repeats on every page and whose long cells wrap inside the cell, an optional
totals row, notes, a block of signature lines, and page numbers "第 N 页 共 M 页".

* :class:`TableDocument` describes one such document; :func:`table_part` turns it into a
  :class:`Part` (a run of pages numbered on its own).
* :func:`render_parts` puts any number of parts — portrait or landscape, numbered or not — into
  one PDF. It builds twice: the first pass counts each part's pages, the second prints
  "共 M 页" with the right M.

Every text uses the shipped WenQuanYi font (embedded); nothing falls back to a base-14 font.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from archive_desk.errors import UserError
from archive_desk.domain.forms import form_language  # noqa: F401 - re-exported: the forms import it from here
from archive_desk.i18n import language as in_language
from archive_desk.i18n import t

from . import fonts
from .labels import Out, write_output

MM = 72.0 / 25.4
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
MARGIN_MM = 15.0
FOOTER_MM = 10.0


@dataclass(frozen=True)
class Column:
    """A table column. ``width_mm`` None shares the width left over by the fixed columns."""

    title: str
    width_mm: float | None = None
    align: str = "left"  # left | center | right
    wrap: bool = True  # False: one line, shortened with "…"


@dataclass(frozen=True)
class Signature:
    """A signature line: the role (移交人), an optional printed name, and a date line."""

    role: str
    name: str = ""
    date: str | None = ""  # printed date, "" for a blank line, None for no date line


@dataclass(frozen=True)
class TableDocument:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    info: tuple[tuple[str, str], ...] = ()  # title block: (caption, value) pairs
    totals: tuple[str, ...] | None = None  # a last row, e.g. ("合计", "", …, "86", "")
    note: str = ""  # text under the table
    signatures: tuple[Signature, ...] = ()
    landscape: bool = False
    font_size: float = 9.0
    header: str = ""  # running header at the top of every page (e.g. the volume's 档号)
    page_numbers: bool = True
    language: str | None = None  # the form's language (page numbers); None: the one in force


@dataclass(frozen=True)
class Part:
    """A run of pages. ``build(width, height)`` returns fresh flowables for a frame of that size
    (points); it is called once per pass, because platypus consumes flowables as it lays them out."""

    build: Callable[[float, float], list[Flowable]]
    landscape: bool = False
    numbered: bool = True
    header: str = ""


# --------------------------------------------------------------------------- language


# form_language: in archive_desk.domain.forms (exporting uses it too), imported above


# --------------------------------------------------------------------------- styles


def style(size: float = 9.0, *, align: str = "left", leading: float | None = None, name: str = "s") -> ParagraphStyle:
    fonts.register_fonts()
    return ParagraphStyle(
        name,
        fontName=fonts.SANS,
        fontSize=size,
        leading=leading if leading is not None else size * 1.3,
        alignment=_ALIGN[align],
        wordWrap="CJK",
        splitLongWords=True,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (markup characters escaped; newlines kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), st)


def title_flowables(title: str, info: Sequence[tuple[str, str]], width: float, *, size: float = 18.0) -> list[Flowable]:
    """The title and, under it, caption/value pairs laid out in two columns."""
    out: list[Flowable] = [para(title, style(size, align="center", name="title")), Spacer(1, 4 * MM)]
    if info:
        st = style(10, name="info")
        per_row = 2 if width < 200 * MM else 3
        cells = [para(clip(f"{cap}：{val}" if cap else val, 10, width / per_row - 6, 4), st) for cap, val in info]
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        tbl = Table(rows, colWidths=[width / per_row] * per_row)
        tbl.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        out += [tbl, Spacer(1, 3 * MM)]
    return out


#: a table cell wraps to at most this many lines; longer text is shortened with "…" (a 10,000-character title
#: must print, not fail because one row is taller than a page)
MAX_CELL_LINES = 12


def clip(text: str, size: float, width: float, max_lines: int = MAX_CELL_LINES) -> str:
    """``text`` shortened with "…" so that, wrapped into ``width`` points at ``size``, it takes at most
    ``max_lines`` lines (estimated: wrapping Chinese loses little at line ends; a margin covers it)."""
    if not text or width <= 0:
        return text
    lines = max(1, max_lines - text.count("\n"))
    return fonts.shorten(text, size, width * lines * 0.9)


def fit_mm(texts: Sequence[str], size: float, *, minimum: float, maximum: float, pad: float = 2.0) -> float:
    """A column width (mm) that holds the longest of ``texts`` on one line at ``size`` points, within
    [minimum, maximum]: a 档号 must never break over two lines."""
    widest = max((fonts.text_width(str(x), size) for x in texts if x), default=0.0)
    return max(minimum, min(maximum, (widest + 2 * pad + 1.0) / MM))


def column_widths(columns: Sequence[Column], width: float) -> list[float]:
    fixed = sum(c.width_mm * MM for c in columns if c.width_mm)
    flexible = [c for c in columns if not c.width_mm]
    rest = max(0.0, width - fixed)
    share = rest / len(flexible) if flexible else 0.0
    widths = [c.width_mm * MM if c.width_mm else share for c in columns]
    total = sum(widths)
    if total > width:  # never wider than the frame
        widths = [w * width / total for w in widths]
    return widths


def table_flowable(doc: TableDocument, width: float) -> LongTable:
    """The main table: header repeated on every page, wrapped cells, totals row."""
    size = doc.font_size
    widths = column_widths(doc.columns, width)
    pad = 2.0
    head_style = style(size, align="center", name="head")
    data: list[list[object]] = [[para(c.title, head_style) for c in doc.columns]]
    cell_styles = [style(size, align=c.align, name=f"c{i}") for i, c in enumerate(doc.columns)]
    for row in doc.rows:
        data.append(_row_cells(row, doc.columns, widths, cell_styles, size, pad))
    if doc.totals is not None:
        data.append(_row_cells(doc.totals, doc.columns, widths, cell_styles, size, pad))
    tbl = LongTable(data, colWidths=widths, repeatRows=1)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
    ]
    for i, c in enumerate(doc.columns):
        cmds.append(("ALIGN", (i, 1), (i, -1), c.align.upper() if c.align != "center" else "CENTER"))
    if doc.totals is not None:
        cmds.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, "black"))
    tbl.setStyle(TableStyle(cmds))
    return tbl


def _row_cells(row: Sequence[str], columns: Sequence[Column], widths: Sequence[float], styles, size: float, pad: float) -> list[object]:  # noqa: ANN001 - a reportlab object (untyped)
    cells: list[object] = []
    for i, col in enumerate(columns):
        text = str(row[i]) if i < len(row) and row[i] is not None else ""
        if col.wrap:
            cells.append(para(clip(text, size, widths[i] - 2 * pad), styles[i]))
        else:
            cells.append(fonts.shorten(text, size, widths[i] - 2 * pad - 0.5))
    return cells


def signature_flowable(signatures: Sequence[Signature], width: float, *, size: float = 10.0) -> Table:
    """Signature lines, two per row: "移交人：____  日期：____"."""
    st = style(size, name="sig")
    per_row = 2
    cols: list[float] = []
    cells: list[list[object]] = []
    row: list[object] = []
    slot = width / per_row
    for sig in signatures:
        name = sig.name or ""
        text = f"{sig.role}：{name}"
        row.append(para(text, st))
        if sig.date is not None:
            row.append(para(f"{t('Date')}：{sig.date}", st))
        else:
            row.append("")
        if len(row) == 2 * per_row:
            cells.append(row)
            row = []
    if row:
        row += [""] * (2 * per_row - len(row))
        cells.append(row)
    cols = [slot * 0.58, slot * 0.42] * per_row
    tbl = Table(cells, colWidths=cols, rowHeights=[12 * MM] * len(cells))
    cmds: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    # underline where a signature / date goes
    for r, line in enumerate(cells):
        for cidx, cell in enumerate(line):
            if cell != "":
                cmds.append(("LINEBELOW", (cidx, r), (cidx, r), 0.5, "black"))
    tbl.setStyle(TableStyle(cmds))
    return tbl


def table_story(doc: TableDocument, width: float, height: float) -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    story = title_flowables(doc.title, doc.info, width)
    story.append(table_flowable(doc, width))
    if doc.note:
        story += [Spacer(1, 3 * MM), para(doc.note, style(doc.font_size + 1, name="note"))]
    if doc.signatures:
        story += [Spacer(1, 6 * MM), signature_flowable(doc.signatures, width)]
    return story


def table_part(doc: TableDocument) -> Part:
    return Part(lambda w, h: table_story(doc, w, h), landscape=doc.landscape, numbered=doc.page_numbers, header=doc.header)


# --------------------------------------------------------------------------- the PDF


class _PartStart(Flowable):
    """Zero-size marker: the part with this index starts on the page it lands on."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, aw, ah):  # noqa: ANN001, ANN202, ARG002, D102 - a reportlab object (untyped); the signature is fixed by the base class
        return (0, 0)

    def draw(self) -> None:  # noqa: D102
        pass


class _Doc(BaseDocTemplate):
    def __init__(self, buf, parts: Sequence[Part], counts: list[int] | None, title: str) -> None:  # noqa: ANN001 - a reportlab object (untyped)
        super().__init__(
            buf,
            pagesize=A4,
            leftMargin=MARGIN_MM * MM,
            rightMargin=MARGIN_MM * MM,
            topMargin=MARGIN_MM * MM,
            bottomMargin=(MARGIN_MM + FOOTER_MM / 2) * MM,
            title=title,
            author="ArchiveDesk",
            creator="ArchiveDesk",
            invariant=1,
            pageCompression=1,
            # otherwise every page starts with an (unembedded) Helvetica selected
            initialFontName=fonts.SANS,
            initialFontSize=10,
            initialLeading=12,
        )
        self.parts = parts
        self.counts = counts
        self.part_pages = [0] * len(parts)
        self.part_index = 0
        self.part_start = 1
        templates = []
        for name, size in (("portrait", A4), ("landscape", landscape(A4))):
            w, h = size
            frame = Frame(
                MARGIN_MM * MM,
                (MARGIN_MM + FOOTER_MM / 2) * MM,
                w - 2 * MARGIN_MM * MM,
                h - (2 * MARGIN_MM + FOOTER_MM / 2) * MM,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            templates.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPageEnd=self._page_end))
        if parts and parts[0].landscape:
            templates.reverse()
        self.addPageTemplates(templates)

    def afterFlowable(self, flowable) -> None:  # noqa: ANN001, N802 - a reportlab object (untyped)
        if isinstance(flowable, _PartStart):
            self.part_index = flowable.index
            self.part_start = self.page

    def _page_end(self, canvas, doc) -> None:  # noqa: ANN001, ARG002 - a reportlab object (untyped); the signature is fixed by the base class
        idx = self.part_index
        n = self.page - self.part_start + 1
        self.part_pages[idx] = max(self.part_pages[idx], n)
        part = self.parts[idx]
        w, _h = canvas._pagesize  # noqa: SLF001 - the same package's own object
        canvas.saveState()
        canvas.setFillGray(0)
        if part.numbered:
            total = self.counts[idx] if self.counts else n
            canvas.setFont(fonts.SANS, 9)
            canvas.drawCentredString(w / 2, MARGIN_MM * MM * 0.6, t("Page {n} of {total}", n=n, total=total))
        if part.header:
            canvas.setFont(fonts.SANS, 8)
            text = fonts.shorten(part.header, 8, w - 2 * MARGIN_MM * MM)
            canvas.drawRightString(w - MARGIN_MM * MM, _h - MARGIN_MM * MM * 0.6, text)
        canvas.restoreState()


def _story(parts: Sequence[Part]) -> list[Flowable]:
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        size = landscape(A4) if part.landscape else A4
        w = size[0] - 2 * MARGIN_MM * MM
        h = size[1] - (2 * MARGIN_MM + FOOTER_MM / 2) * MM
        if i:
            story += [NextPageTemplate("landscape" if part.landscape else "portrait"), PageBreak()]
        story.append(_PartStart(i))
        story.extend(part.build(w, h))
    return story


def render_parts(parts: Sequence[Part], *, title: str = "", out: Out = None, language: str | None = None) -> bytes | Path | None:
    """Lay out ``parts`` into one PDF (each part starts on a new page). Returns like ``render_labels``.

    ``language``: the language of everything printed while laying out (page numbers, texts the parts build);
    None keeps the one in force.
    """
    fonts.register_fonts()
    if not parts:
        raise UserError(t("There is nothing to print."))
    with in_language(language):
        first = _Doc(io.BytesIO(), parts, None, title)
        first.build(_story(parts))
        counts = list(first.part_pages)
        buf = io.BytesIO()
        second = _Doc(buf, parts, counts, title)
        second.build(_story(parts))
    return write_output(buf.getvalue(), out)


def render_table_documents(docs: Sequence[TableDocument], *, title: str = "", out: Out = None) -> bytes | Path | None:
    """One PDF of table documents (移交清册, 销毁清册 …), each numbered on its own."""
    return render_parts([table_part(d) for d in docs], title=title or (docs[0].title if docs else ""), out=out,
                        language=docs[0].language if docs else None)
