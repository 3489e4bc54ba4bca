"""借阅单 (loan slip): the form the borrower and the clerk sign at the loan desk.

Every field of the slip in ``domain.md``: slip no., 借阅人, 单位/部门, 联系方式 (and the borrower's kind and
masked ID number), 借阅目的 and 利用方式 (every choice printed, the chosen one marked), the lines of
档号 + 题名 + 密级 + 页数, 借阅日期, 应还日期, 审批人 + 意见, 经办人, the signatures of borrower and clerk,
and a return section (归还日期, 是否完好, 签收) — per line and for the whole slip.

Layouts (``paper`` × ``copies``):

* ``A4``, 1 copy: one slip on an A4 page;
* ``A4``, 2 copies: two A5-sized slips on one A4 sheet (第一联 档案室留存 / 第二联 借阅人留存) with a
  cut line between them;
* ``A5``, 1 or 2 copies: one slip per A5 (landscape) sheet.

A slip too long for half a sheet prints each copy on its own A4 page instead (a slip is never cut
apart); a slip longer than a page continues on the next with the line table's header repeated, and
its closing block (dates, approval, signatures, return section) is kept together. Pure: plain data in, PDF bytes (or a file) out. Text uses the shipped
WenQuanYi font through :mod:`archive_desk.printing.fonts` (embedded, nothing falls back to base-14).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, KeepTogether, LongTable, PageTemplate, Spacer, Table, TableStyle

from archive_desk.errors import UserError, ValidationError
from archive_desk.i18n import t

from . import fonts
from .labels import Out, write_output
from .data import DEFAULT_FORM_LANGUAGE
from .tables import MM, clip, form_language, para, style

PAPERS = ("A4", "A5")
CHECKED = "■"
UNCHECKED = "□"


@dataclass(frozen=True)
class SlipLine:
    """One volume on the slip. ``returned_on``/``condition`` are printed when a slip is reprinted after
    (part of) a return; on a new slip they are blank lines for the clerk's pen."""

    code: str
    title: str
    security: str = ""
    pages: int | None = None
    returned_on: date | str | None = None
    condition: str = ""
    #: a copy (复制/摘录): the parts, the original's pages copied, copies, fee in 分, 证明印记
    copy_parts: str = ""
    copy_pages: int = 0
    copies: int = 0
    fee_fen: int = 0
    stamped: bool = False


@dataclass(frozen=True)
class LoanSlip:
    slip_no: str
    borrower: str
    unit: str = ""
    phone: str = ""
    borrower_kind: str = ""  # printed label: 本单位 / 外单位
    id_number: str = ""  # already masked (all but the last 4 characters)
    card_no: str = ""
    purpose: str = ""
    use_mode: str = ""
    #: every purpose / use the room offers, printed as tick boxes with the chosen one marked
    purposes: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    lines: tuple[SlipLine, ...] = ()
    lent_on: date | datetime | str | None = None
    due_on: date | str | None = None
    approver: str = ""
    opinion: str = ""
    clerk: str = ""
    renewals: int = 0
    notes: str = ""
    room: str = ""  # e.g. 档案室, printed in the title
    #: consult (查阅单: no due date, the original stays in the reading room) | copy (复制单: parts, pages,
    #: copies, fee, stamp; no return section) | loan (借阅单)
    service: str = "loan"
    #: a personal record's request: who asks and the proofs shown ("" when none)
    request: str = ""
    language: str = DEFAULT_FORM_LANGUAGE


def _date(value: date | datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _choices(options: Sequence[str], chosen: str) -> str:
    opts = list(options) or ([chosen] if chosen else [])
    if chosen and chosen not in opts:
        opts.append(chosen)
    return "　".join(f"{CHECKED if o == chosen else UNCHECKED}{o}" for o in opts)


def copy_labels(copies: int) -> list[str]:
    if copies == 1:
        return [""]
    return [t("Copy 1: kept by the archive room"), t("Copy 2: kept by the borrower")]


# --------------------------------------------------------------------------- story of one slip


@form_language
def slip_story(slip: LoanSlip, width: float, *, size: float = 9.0, copy_label: str = "", keep_together: bool = True) -> list[Flowable]:
    """The flowables of one copy of ``slip`` for a frame ``width`` points wide."""
    cap = style(size, align="center", name="slip-cap")
    val = style(size, name="slip-val")
    small = style(size - 1, name="slip-small")
    story: list[Flowable] = []

    # title line: room and copy label | title | slip no.
    left = "\n".join(x for x in (slip.room, copy_label) if x)
    head = Table(
        [[para(left, small), para(_title(slip.service), style(size + 6, align="center", name="slip-title", leading=(size + 6) * 1.25)),
          para(f"{t('Slip no.')}：{slip.slip_no}", style(size, align="right", name="slip-no"))]],
        colWidths=[width * 0.27, width * 0.46, width * 0.27],
    )
    head.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story += [head, Spacer(1, 1.5 * MM)]

    # borrower, purpose and use
    cw = 19 * MM
    vw = (width - 3 * cw) / 3
    info = [
        [para(t("Borrower"), cap), para(slip.borrower, val), para(t("Kind"), cap), para(slip.borrower_kind, val),
         para(t("Contact"), cap), para(slip.phone, val)],
        [para(t("Unit / department"), cap), para(slip.unit, val), "", "",
         para(t("ID number"), cap), para(slip.id_number, val)],
        [para(t("Purpose"), cap), para(_choices(slip.purposes, slip.purpose), val), "", "", "", ""],
        [para(t("Use"), cap), para(_choices(slip.uses, slip.use_mode), val), "", "", "", ""],
    ]
    if slip.request:
        info.append([para(t("Request"), cap), para(slip.request, val), "", "", "", ""])
    info_tbl = Table(info, colWidths=[cw, vw, cw, vw, cw, vw])
    info_tbl.setStyle(TableStyle(_grid() + [
        ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (5, 2)), ("SPAN", (1, 3), (5, 3)),
        *([("SPAN", (1, 4), (5, 4))] if slip.request else []),
        ("BACKGROUND", (0, 0), (0, -1), "#f0f0f0"), ("BACKGROUND", (2, 0), (2, 0), "#f0f0f0"),
        ("BACKGROUND", (4, 0), (4, 1), "#f0f0f0"),
    ]))
    story.append(info_tbl)

    # the volumes
    head_style = style(size, align="center", name="slip-head")
    center = style(size, align="center", name="slip-center")
    widths_mm = [9, 44, None, 11, 11, 20, 16]
    fixed = sum(w for w in widths_mm if w) * MM
    widths = [w * MM if w else max(width - fixed, 30 * MM) for w in widths_mm]
    scale = width / sum(widths)
    widths = [w * scale for w in widths]
    copy = slip.service == "copy"
    last = (t("Parts copied"), t("Copies, fee")) if copy else (t("Returned on"), t("Intact?"))
    rows: list[list[object]] = [[para(x, head_style) for x in (
        t("No."), t("Archival code"), t("Title"), t("Security level"), t("Pages copied") if copy else t("Pages"), *last)]]
    total_pages = total_fee = 0
    for i, line in enumerate(slip.lines, start=1):
        pages = line.copy_pages if copy else line.pages
        total_pages += pages or 0
        total_fee += line.fee_fen
        tail = ([para(line.copy_parts, val), para(t("{copies} × {fee} yuan", copies=line.copies, fee=f"{line.fee_fen / 100:.2f}"), center)]
                if copy else [para(_date(line.returned_on), center), para(line.condition, center)])
        rows.append([
            para(str(i), center), para(line.code, val), para(clip(line.title, size, widths[2] - 8, 6), val), para(line.security, center),
            para("" if pages is None else str(pages), center), *tail,
        ])
    total = t("{volumes} volumes, {pages} pages", volumes=len(slip.lines), pages=total_pages)
    if copy:
        total = t("{total}; fee {fee} yuan", total=total, fee=f"{total_fee / 100:.2f}")
    rows.append([para(t("Total"), center), para(total, val), "", "", "", "", ""])
    lines_tbl = LongTable(rows, colWidths=widths, repeatRows=1)
    lines_tbl.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"), ("SPAN", (1, -1), (-1, -1))]))
    story.append(lines_tbl)

    # dates, approval, clerk
    due = _date(slip.due_on)
    if slip.renewals:
        due = t("{date} (renewed {n} times)", date=due, n=slip.renewals)
    cw2 = 19 * MM
    vw2 = (width - 2 * cw2) / 2
    if slip.service == "consult":
        first = [para(t("Consulted on"), cap), para(_date(slip.lent_on), val), para(t("Due back"), cap),
                 para(t("in the reading room; the original is not taken out"), val)]
    elif copy:
        stamped = all(line.stamped for line in slip.lines) and bool(slip.lines)
        first = [para(t("Copied on"), cap), para(_date(slip.lent_on), val), para(t("Certified"), cap),
                 para(f"{CHECKED if stamped else UNCHECKED}{t('stamped (证明印记)')}　{CHECKED}{t('made in the requester presence')}", val)]
    else:
        first = [para(t("Lent on"), cap), para(_date(slip.lent_on), val), para(t("Due back"), cap), para(due, val)]
    dates = [
        first,
        [para(t("Approver"), cap), para(slip.approver, val), para(t("Opinion"), cap), para(slip.opinion, val)],
        [para(t("Clerk"), cap), para(slip.clerk, val), para(t("Notes"), cap), para(slip.notes, val)],
    ]
    dates_tbl = Table(dates, colWidths=[cw2, vw2, cw2, vw2])
    dates_tbl.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (0, -1), "#f0f0f0"), ("BACKGROUND", (2, 0), (2, -1), "#f0f0f0")]))
    story.append(dates_tbl)

    # signatures, then the return section (filled in by hand when the volumes come back)
    cw3 = 19 * MM
    rest = width - 3 * cw3
    sign_h = (10 if size < 9.5 else 14) * MM
    sw = fonts.text_width(t("Borrower signature") + "  ", size) + 4
    sw = max(cw3, min(sw, 30 * MM))
    sign = [
        [para(t("Borrower signature"), cap), "", para(t("Clerk signature"), cap), ""],
    ]
    sign_tbl = Table(sign, colWidths=[sw, (width - 2 * sw) / 2, sw, (width - 2 * sw) / 2], rowHeights=[sign_h])
    sign_tbl.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (0, 0), "#f0f0f0"), ("BACKGROUND", (2, 0), (2, 0), "#f0f0f0")]))
    back = [
        [para(t("On return"), cap), para(t("Returned on"), cap), "", para(t("Intact?"), cap),
         para(f"{UNCHECKED}{t('intact')}　{UNCHECKED}{t('damaged')}", val), para(t("Received by"), cap), ""],
    ]
    back_tbl = Table(back, colWidths=[cw3, cw3, rest * 0.3, cw3 * 0.9, rest * 0.4 - cw3 * 0.9 + cw3, cw3, rest * 0.3 - cw3],
                     rowHeights=[sign_h])
    back_tbl.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (1, 0), "#f0f0f0"), ("BACKGROUND", (3, 0), (3, 0), "#f0f0f0"),
                                            ("BACKGROUND", (5, 0), (5, 0), "#f0f0f0")]))
    # the end of the slip (dates, approval, signatures, return section) never splits from itself
    end = [dates_tbl, sign_tbl] if copy else [dates_tbl, sign_tbl, back_tbl]  # a copy: the original never left
    story[-1:] = [KeepTogether(end)] if keep_together else end
    return story


def _title(service: str) -> str:
    return {"consult": t("Archive consultation slip"), "copy": t("Archive copy slip")}.get(service, t("Archive loan slip"))


def _grid() -> list[tuple]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]


# --------------------------------------------------------------------------- documents


def _frames(paper: str, copies: int) -> tuple[tuple[float, float], list[Frame], float, bool]:
    """Page size, frames, font size and whether the page is cut in two halves."""
    if paper == "A4" and copies == 2:
        w, h = A4
        m = 9 * MM
        half = h / 2
        frames = [Frame(m, half + m, w - 2 * m, half - 2 * m, id="top", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
                  Frame(m, m, w - 2 * m, half - 2 * m, id="bottom", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]
        return (w, h), frames, 8.5, True
    if paper == "A4":
        w, h = A4
        m = 15 * MM
        return (w, h), [Frame(m, m, w - 2 * m, h - 2 * m, id="page", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], 10.0, False
    w, h = landscape(A5)
    m = 9 * MM
    return (w, h), [Frame(m, m, w - 2 * m, h - 2 * m, id="page", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)], 8.5, False


def _height(story: list[Flowable], width: float) -> float:
    from reportlab.pdfgen.canvas import Canvas

    scratch = Canvas(io.BytesIO(), initialFontName=fonts.SANS)
    return sum(f.wrapOn(scratch, width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


def _draw_cut_line(canvas, doc) -> None:  # noqa: ANN001, ARG001 - the signature is fixed by its callers
    w, h = canvas._pagesize  # noqa: SLF001 - the same package's own object
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.45)
    canvas.line(6 * MM, h / 2, w - 6 * MM, h / 2)
    canvas.setDash()
    canvas.setFont(fonts.SANS, 6.5)
    canvas.setFillGray(0.45)
    text = t("cut here")
    tw = fonts.text_width(text, 6.5)
    canvas.setFillGray(1)
    canvas.rect(w / 2 - tw / 2 - 2, h / 2 - 3, tw + 4, 6, stroke=0, fill=1)
    canvas.setFillGray(0.45)
    canvas.drawCentredString(w / 2, h / 2 - 2.2, text)
    canvas.restoreState()


@form_language
def render_loan_slips(slips: Sequence[LoanSlip], *, paper: str = "A4", copies: int = 1, out: Out = None) -> bytes | Path | None:
    """One PDF with ``copies`` copies of each slip. Returns the bytes (``out`` None) or writes ``out``."""
    slips = list(slips)
    if not slips:
        raise UserError(t("There is nothing to print."))
    if paper not in PAPERS:
        raise ValidationError({"paper": t("Paper must be one of {papers}", papers="、".join(PAPERS))})
    if copies not in (1, 2):
        raise ValidationError({"copies": t("Print one or two copies")})
    fonts.register_fonts()
    pagesize, frames, size, halves = _frames(paper, copies)
    if halves and any(_height(slip_story(s, frames[0].width, size=size, copy_label="-\n-", keep_together=False), frames[0].width) > frames[0].height
                      for s in slips):
        # a slip too long for half a sheet: each copy on its own A4 page(s) rather than cut apart
        pagesize, frames, size, halves = _frames("A4", 1)
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=pagesize, title=t("Archive loan slip") + " " + slips[0].slip_no, author="ArchiveDesk",
                          creator="ArchiveDesk", invariant=1, pageCompression=1,
                          # otherwise every page starts with an (unembedded) Helvetica selected
                          initialFontName=fonts.SANS, initialFontSize=10)
    template = PageTemplate(id="slip", frames=frames, pagesize=pagesize, onPage=_draw_cut_line) if halves else \
        PageTemplate(id="slip", frames=frames, pagesize=pagesize)
    doc.addPageTemplates([template])
    width = frames[0].width
    story: list[Flowable] = []
    for slip in slips:
        for label in copy_labels(copies):
            if story:
                story.append(FrameBreak())
            story.extend(slip_story(slip, width, size=size, copy_label=label))
    doc.build(story)
    return write_output(buf.getvalue(), out)


@form_language
def render_loan_slip(slip: LoanSlip, *, paper: str = "A4", copies: int = 1, out: Out = None) -> bytes | Path | None:
    return render_loan_slips([slip], paper=paper, copies=copies, out=out)
