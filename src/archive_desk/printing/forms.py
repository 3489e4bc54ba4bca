"""Volume forms on A4: 案卷封面, 卷内文件目录, 卷内备考表, and the 归档文件目录 of item-filed boxes.

One call prints one volume or a whole batch into one PDF: for each volume its cover (portrait),
its item list (landscape, header row on every page, "第 N 页 共 M 页" counted per volume) and its
备考表 (portrait). Titles and headers go through :func:`archive_desk.i18n.t`, so an English UI
gets English forms; Chinese is the default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from archive_desk.errors import UserError
from archive_desk.i18n import t

from . import barcodes, fonts
from .data import FilingDirectory, ItemEntry, VolumeForm, format_date
from .labels import Out
from .tables import (
    form_language,
    MM,
    Column,
    Part,
    Signature,
    TableDocument,
    clip,
    fit_mm,
    para,
    render_parts,
    signature_flowable,
    style,
    table_part,
)

PARTS = ("cover", "items", "notes")


class BarcodeFlowable(Flowable):
    """A vector Code 128 barcode (with its code under the bars) as a platypus flowable."""

    def __init__(self, payload: str, width: float, height: float, *, dpi: int = 600, max_module_mm: float = 0.34) -> None:
        super().__init__()
        self.payload = payload
        self.width = width
        self.height = height
        self.geo = barcodes.plan_code128(payload, width, height, dpi=dpi, max_module_mm=max_module_mm, align="right")

    def wrap(self, aw, ah):  # noqa: ANN001, ANN201, ARG002, D102 - a reportlab object (untyped); the signature is fixed by the base class
        return (self.width, self.height)

    def draw(self) -> None:  # noqa: D102
        barcodes.draw_planned(self.canv, self.geo, 0, 0)


def _page_ranges(items: Sequence[ItemEntry]) -> list[str]:
    """页号 of each item: its own ``page_range``, or start-end counted from the page counts."""
    out: list[str] = []
    page = 0
    for it in items:
        if it.page_range:
            bounds = [x.strip() for x in it.page_range.replace("–", "-").split("-")]
            single = len(bounds) == 2 and bounds[0] == bounds[1]
            out.append(bounds[0] if single else it.page_range)  # a one-page item prints "25", not "25-25"
            last = bounds[-1]
            page = int(last) if last.isdigit() else page + (it.pages or 0)
        elif it.pages:
            start, end = page + 1, page + it.pages
            out.append(str(start) if start == end else f"{start}-{end}")
            page = end
        else:
            out.append("")
    return out


def _dates(a, b) -> str:  # noqa: ANN001 - a date, a year or text, as the form holds them
    a, b = format_date(a), format_date(b)
    if a and b:
        return f"{a} — {b}"
    return a or b


# --------------------------------------------------------------------------- 案卷封面


@form_language
def cover_story(v: VolumeForm, width: float, height: float) -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    story: list[Flowable] = []
    if v.payload:
        story.append(BarcodeFlowable(v.payload, width, 16 * MM))
    story.append(Spacer(1, 22 * MM))
    story.append(para(v.fonds_name or " ", style(20, align="center", name="fonds", leading=28)))
    story.append(Spacer(1, 16 * MM))
    label = style(12, align="center", name="clabel")
    value = style(13, name="cvalue", leading=18)
    big = style(17, name="ctitle", leading=25)
    lw = 32 * MM
    rows = [
        [para(t("Class name"), label), para(v.class_name or v.category, value), para(t("Filing no."), label), para(v.filing_no, value)],
        [para(t("Volume title"), label), para(v.title, big), "", ""],
        [para(t("Dates"), label), para(_dates(v.date_start, v.date_end), value), "", ""],
        [para(t("Retention"), label), para(v.retention, value), para(t("Security level"), label), para(v.security, value)],
        [
            para(t("Items / pages"), label),
            para(t("{items} items, {pages} pages", items=v.items_total, pages=v.pages_total), value),
            "",
            "",
        ],
        [para(t("Archival code"), label), para(v.code, value), "", ""],
    ]
    heights = [16 * MM, 62 * MM, 16 * MM, 16 * MM, 16 * MM, 16 * MM]
    spans = [("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 4), (3, 4)), ("SPAN", (1, 5), (3, 5))]
    # the category's own fields the room files by (赔案号, 保单号, 被保险人 …), two to a row
    fields = [f for f in v.fields if f[1]]
    if fields:
        heights[1] = 46 * MM
    for i in range(0, len(fields), 2):
        pair = fields[i:i + 2]
        row: list[object] = []
        for cap, val in pair:
            row += [para(cap, label), para(clip(val, 13, (width - 2 * lw) / 2 - 12, 2), value)]
        if len(pair) == 1:
            row += ["", ""]
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append(row)
        heights.append(12 * MM)
    rest = width - lw
    rows[1][1] = para(clip(v.title, 17, width - lw - 12, 6 if not fields else 4), big)
    tbl = Table(
        rows,
        colWidths=[lw, rest / 2 - lw / 2, lw, rest / 2 - lw / 2],
        rowHeights=heights,
    )
    tbl.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                ("GRID", (0, 0), (-1, -1), 0.8, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *spans,
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(tbl)
    return story


def cover_part(v: VolumeForm) -> Part:
    return Part(lambda w, h: cover_story(v, w, h), landscape=False, numbered=False, header="")


# --------------------------------------------------------------------------- 卷内文件目录


@form_language
def item_list_document(v: VolumeForm) -> TableDocument:
    refs = [it.ref or it.code for it in v.items]
    cols = (
        Column(t("No."), 9, "center"),
        Column(t("Code / ref. no."), fit_mm(refs, 9.0, minimum=24, maximum=34), "left"),
        Column(t("Responsible"), 22, "left"),
        Column(t("Title"), None, "left"),
        Column(t("Date"), 17, "center", wrap=False),
        Column(t("Security"), 10, "center"),
        Column(t("Pages"), 9, "right", wrap=False),
        Column(t("Page nos."), 15, "center", wrap=False),
        Column(t("Remarks"), 14, "left"),
    )
    ranges = _page_ranges(v.items)
    rows = tuple(
        (
            str(it.seq),
            ref,
            it.responsible,
            it.title,
            format_date(it.date),
            it.security,
            "" if it.pages is None else str(it.pages),
            rng,
            it.remarks,
        )
        for it, ref, rng in zip(v.items, refs, ranges, strict=True)
    )
    pages = sum(it.pages or 0 for it in v.items)
    totals = (t("Total"), t("{n} items", n=len(v.items)), "", "", "", "", str(pages), "", "")
    return TableDocument(
        title=t("Item list of the volume"),
        columns=cols,
        rows=rows,
        info=((t("Archival code"), v.code), (t("Volume title"), v.title), (t("Fonds name"), v.fonds_name)),
        totals=totals,
        landscape=False,  # GB/T 9705: bound into the volume between its portrait cover and 备考表
        header=f"{t('Item list of the volume')} · {v.code}",
    )


# --------------------------------------------------------------------------- 备考表


@form_language
def notes_story(v: VolumeForm, width: float, height: float) -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    n = v.notes
    story: list[Flowable] = [
        para(t("Volume notes"), style(20, align="center", name="ntitle", leading=28)),
        Spacer(1, 4 * MM),
        para(f"{t('Archival code')}：{v.code}", style(10, name="ncode")),
        Spacer(1, 3 * MM),
    ]
    body = style(12, name="nbody", leading=20)
    inner: list[Flowable] = [
        para(t("Notes on this volume"), style(13, name="nhead")),
        Spacer(1, 3 * MM),
        para(t("This volume holds {items} documents, {pages} pages in total.", items=v.items_total, pages=v.pages_total), body),
    ]
    if n.text:
        inner += [Spacer(1, 2 * MM), para(clip(n.text, 12, width - 16, 15), body)]
    box = Table([[inner]], colWidths=[width], rowHeights=[150 * MM])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                ("BOX", (0, 0), (-1, -1), 0.8, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    story += [box, Spacer(1, 8 * MM)]
    sigs = (
        Signature(t("Compiled by"), n.compiler, format_date(n.compiled_on)),
        Signature(t("Checked by"), n.checker, format_date(n.checked_on)),
    )
    story.append(signature_flowable(sigs, width, size=12))
    return story


def notes_part(v: VolumeForm) -> Part:
    return Part(lambda w, h: notes_story(v, w, h), landscape=False, numbered=False)


# --------------------------------------------------------------------------- public API


def volume_parts(v: VolumeForm, parts: Iterable[str] = PARTS) -> list[Part]:
    wanted = tuple(parts)
    unknown = [p for p in wanted if p not in PARTS]
    if unknown:
        raise ValueError(f"unknown form parts {unknown}; use {PARTS}")
    out: list[Part] = []
    if "cover" in wanted:
        out.append(cover_part(v))
    if "items" in wanted:
        out.append(table_part(filing_directory_document(box_directory(v)) if v.boxed else item_list_document(v)))
    if "notes" in wanted:
        out.append(notes_part(v))
    return out


@form_language
def render_volume_forms(
    volumes: Sequence[VolumeForm],
    *,
    parts: Iterable[str] = PARTS,
    out: Out = None,
) -> bytes | Path | None:
    """Cover, item list and 备考表 (or the ``parts`` named) of one volume or a batch, in one PDF.

    Returns the PDF bytes when ``out`` is None, else writes ``out`` (path or binary file).
    """
    volumes = list(volumes)
    if not volumes:
        raise UserError(t("There is nothing to print."))
    wanted = tuple(parts)
    all_parts: list[Part] = []
    for v in volumes:
        if v.payload:
            barcodes.validate_payload(v.payload)
        all_parts.extend(volume_parts(v, wanted))
    title = volumes[0].code if len(volumes) == 1 else t("Volume forms")
    return render_parts(all_parts, title=title, out=out, language=volumes[0].language)


@form_language
def box_directory(v: VolumeForm) -> FilingDirectory:
    """The 归档文件目录 of one box of item-filed documents, each 件 with its own 档号."""
    return FilingDirectory(items=v.items, fonds_name=v.fonds_name, fonds_code=v.fonds_code, category=v.category, year=v.year,
                           retention=v.retention, org=v.org, box_no=v.box_no, language=v.language)


def filing_directory_document(d: FilingDirectory) -> TableDocument:
    """归档文件目录 (DA/T 22-2015) of one box or one year."""
    cols = (
        Column(t("Item no."), 13, "center"),
        Column(t("Archival code"), fit_mm([it.code for it in d.items], 9.0, minimum=40, maximum=62), "left", wrap=False),
        Column(t("Ref. no."), fit_mm([it.ref for it in d.items], 9.0, minimum=26, maximum=44), "left"),
        Column(t("Responsible"), 28, "left"),
        Column(t("Title"), None, "left"),
        Column(t("Date"), 20, "center", wrap=False),
        Column(t("Security"), 14, "center"),
        Column(t("Pages"), 12, "right", wrap=False),
        Column(t("Remarks"), 20, "left"),
    )
    rows = tuple(
        (
            str(it.seq),
            it.code,
            it.ref,
            it.responsible,
            it.title,
            format_date(it.date),
            it.security,
            "" if it.pages is None else str(it.pages),
            it.remarks,
        )
        for it in d.items
    )
    pages = sum(it.pages or 0 for it in d.items)
    info = [(t("Fonds name"), d.fonds_name or d.fonds_code)]
    for cap, val in (
        (t("Category"), d.category),
        (t("Year"), d.year),
        (t("Retention"), d.retention),
        (t("Org."), d.org),
        (t("Box no."), d.box_no),
    ):
        if val:
            info.append((cap, val))
    header = " · ".join(x for x in (d.fonds_code, d.year, d.retention, d.org, d.box_no and t("Box {n}", n=d.box_no)) if x)
    return TableDocument(
        title=t("Filing list"),
        columns=cols,
        rows=rows,
        info=tuple(info),
        totals=(t("Total"), t("{n} items", n=len(d.items)), "", "", "", "", "", str(pages), ""),
        landscape=True,
        header=f"{t('Filing list')} · {header}" if header else "",
    )


@form_language
def render_filing_directories(directories: Sequence[FilingDirectory], *, out: Out = None) -> bytes | Path | None:
    """The 归档文件目录 of one or more boxes (or years), each numbered on its own, in one PDF."""
    directories = list(directories)
    if not directories:
        raise UserError(t("There is nothing to print."))
    return render_parts([table_part(filing_directory_document(d)) for d in directories], title=t("Filing list"), out=out,
                        language=directories[0].language)


__all__ = [
    "BarcodeFlowable",
    "PARTS",
    "box_directory",
    "cover_part",
    "filing_directory_document",
    "item_list_document",
    "notes_part",
    "render_filing_directories",
    "render_volume_forms",
    "volume_parts",
]

