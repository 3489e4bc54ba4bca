"""交接文据 (handover certificate): the paper both units sign and seal when archives change hands.

Both units' names; the nature of the handover (移交/寄存/征购/捐赠, printed as tick boxes with the chosen one
marked); the years covered; per category the quantity in 卷, 件, 盒 and 米 (shelf length) with a total; the
finding aids (检索工具) handed over with them; notes; and for each unit its leader's and handler's signature,
the date and the seal. Made in two copies (one per unit), one page each.

Pure: the transfers service fills :class:`HandoverCertificate` with display-ready values.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from archive_desk.domain.transfer_documents import CHECKED, NATURES, UNCHECKED, CategoryQuantity, HandoverCertificate, choices  # noqa: F401
from archive_desk.i18n import t

from . import fonts
from .labels import Out
from .tables import MM, Part, form_language, para, render_parts, style


def _date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return t("{y}-{m:02d}-{d:02d}", y=value.year, m=value.month, d=value.day)
    return str(value)


def _metres(value: float) -> str:
    return f"{value:.2f}"


def _grid() -> list[tuple]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


@form_language
def certificate_story(c: HandoverCertificate, width: float, height: float, copy_label: str = "") -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    size = 10.5
    cap = style(size, align="center", name="hc-cap")
    val = style(size, name="hc-val")
    num = style(size, align="center", name="hc-num")
    story: list[Flowable] = []
    small = style(8.5, name="hc-small")
    right = style(8.5, align="right", name="hc-right")
    head = Table([[para(copy_label, small), para(f"{t('Certificate no.')}：{c.batch_no}", right)]], colWidths=[width / 2, width / 2])
    head.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [head, Spacer(1, 4 * MM)]
    title = t("Archives handover certificate")
    if c.draft:
        title += t(" (draft)")
    story += [para(title, style(20, align="center", name="hc-title", leading=28)), Spacer(1, 6 * MM)]

    cw = 30 * MM
    vw = width - cw
    basics = [
        [para(t("Transferring unit"), cap), para(c.from_unit, val)],
        [para(t("Receiving unit"), cap), para(c.to_unit, val)],
        [para(t("Nature"), cap), para(choices(c.natures, c.nature), val)],
        [para(t("Years covered"), cap), para(c.years, val)],
        [para(t("Handover date"), cap), para(_date(c.transfer_date), val)],
    ]
    tbl = Table(basics, colWidths=[cw, vw])
    tbl.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (0, -1), "#f0f0f0")]))
    story += [tbl, Spacer(1, 5 * MM)]

    story += [para(t("Quantities handed over"), style(12, name="hc-sub")), Spacer(1, 2 * MM)]
    qhead = [para(x, cap) for x in (t("Category"), t("Volumes (卷)"), t("Items (件)"), t("Boxes (盒)"), t("Shelf length (m)"))]
    rows: list[list[object]] = [qhead]
    tv = ti = tb = 0
    tm = 0.0
    for q in c.quantities:
        rows.append([para(q.category, val), para(str(q.volumes), num), para(str(q.items), num), para(str(q.boxes), num), para(_metres(q.metres), num)])
        tv, ti, tb, tm = tv + q.volumes, ti + q.items, tb + q.boxes, tm + q.metres
    rows.append([para(t("Total"), cap), para(str(tv), num), para(str(ti), num), para(str(tb), num), para(_metres(tm), num)])
    qw = (width - 50 * MM) / 4
    qt = Table(rows, colWidths=[50 * MM, qw, qw, qw, qw], repeatRows=1)
    qt.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"), ("LINEABOVE", (0, -1), (-1, -1), 1.2, "black")]))
    story += [qt, Spacer(1, 5 * MM)]

    more = [[para(t("Finding aids handed over"), cap), para(c.finding_aids or t("none"), val)]]
    if c.missing:
        listed = "、".join(c.missing[:60]) + (t(" and {n} more", n=len(c.missing) - 60) if len(c.missing) > 60 else "")
        more.append([para(t("Listed, not received"), cap), para(t("{n}: {codes}", n=len(c.missing), codes=listed), val)])
    more.append([para(t("Notes"), cap), para(c.notes, val)])
    mt = Table(more, colWidths=[cw, vw], rowHeights=[None] * (len(more) - 1) + [18 * MM])
    mt.setStyle(TableStyle(_grid() + [("BACKGROUND", (0, 0), (0, -1), "#f0f0f0"), ("VALIGN", (1, -1), (1, -1), "TOP")]))
    story += [mt, Spacer(1, 8 * MM)]

    # signatures: one column per unit
    sig = style(size, name="hc-sig", leading=size * 1.6)
    half = width / 2
    sign = [
        [para(t("Transferring unit (seal)"), sig), para(t("Receiving unit (seal)"), sig)],
        [para(f"{t('Leader')}：{c.from_leader}", sig), para(f"{t('Leader')}：{c.to_leader}", sig)],
        [para(f"{t('Handled by')}：{c.from_handler}", sig), para(f"{t('Handled by')}：{c.to_handler}", sig)],
        [para(f"{t('Date')}：{_date(c.signed_on)}", sig), para(f"{t('Date')}：{_date(c.signed_on)}", sig)],
    ]
    # the first row leaves room under the unit's name for its seal (a round stamp of about 40 mm)
    st = Table(sign, colWidths=[half, half], rowHeights=[30 * MM, 12 * MM, 12 * MM, 12 * MM])
    cmds: list[tuple] = [("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("VALIGN", (0, 0), (-1, 0), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 12 * MM)]
    for r in range(1, 4):
        cmds.append(("LINEBELOW", (0, r), (-1, r), 0.5, "black"))
    st.setStyle(TableStyle(cmds))
    story.append(st)
    return story


@form_language
def render_handover_certificate(c: HandoverCertificate, *, copies: int = 2, out: Out = None) -> bytes | Path | None:
    """The 交接文据 in ``copies`` copies (default two, one per unit), one page each."""
    labels = [t("Copy 1: kept by the transferring unit"), t("Copy 2: kept by the receiving unit")] if copies > 1 else [""]
    labels += [t("Copy {n}", n=i + 1) for i in range(len(labels), copies)]
    parts = [Part(partial(certificate_story, c, copy_label=label), landscape=False, numbered=False) for label in labels]
    return render_parts(parts, title=t("Archives handover certificate") + " " + c.batch_no, out=out, language=c.language)


__all__ = ["CategoryQuantity", "HandoverCertificate", "NATURES", "certificate_story", "choices", "render_handover_certificate"]
