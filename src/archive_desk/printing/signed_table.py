"""A :class:`~archive_desk.printing.tables.TableDocument` whose signatures never stand alone on a page.

The shared :func:`archive_desk.printing.tables.table_story` puts the note and the signature lines after the
table; when the table ends near the foot of a page, the signatures move to the next page by themselves and
nobody can tell which list they sign. Here the note and the signature block are the table's own last rows
(spanning all columns, without grid lines) and the last data rows, the totals row, the note and the
signatures are kept together (reportlab's ``NOSPLIT``): when they do not fit, they move to the next page
together, under the repeated header row.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from . import fonts
from .tables import MM, Part, TableDocument, _row_cells, column_widths, para, signature_flowable, style, title_flowables

#: data rows kept on the page of the totals and the signatures
KEEP_ROWS = 2


def signed_table_story(doc: TableDocument, width: float, height: float) -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    size = doc.font_size
    widths = column_widths(doc.columns, width)
    pad = 2.0
    head_style = style(size, align="center", name="head")
    cell_styles = [style(size, align=c.align, name=f"c{i}") for i, c in enumerate(doc.columns)]
    data: list[list[object]] = [[para(c.title, head_style) for c in doc.columns]]
    for row in doc.rows:
        data.append(_row_cells(row, doc.columns, widths, cell_styles, size, pad))
    last_grid = len(data) - 1
    if doc.totals is not None:
        data.append(_row_cells(doc.totals, doc.columns, widths, cell_styles, size, pad))
        last_grid += 1
    blank = [""] * (len(doc.columns) - 1)
    extra_rows = []
    if doc.note:
        data.append([para(doc.note, style(size + 1, name="note")), *blank])
        extra_rows.append(len(data) - 1)
    if doc.signatures:
        data.append([Spacer(1, 4 * MM), *blank])
        extra_rows.append(len(data) - 1)
        data.append([signature_flowable(doc.signatures, width), *blank])
        extra_rows.append(len(data) - 1)
    tbl = LongTable(data, colWidths=widths, repeatRows=1)
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, last_grid), 0.5, "black"),
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
        cmds.append(("ALIGN", (i, 1), (i, last_grid), c.align.upper()))
    if doc.totals is not None:
        cmds.append(("LINEABOVE", (0, last_grid), (-1, last_grid), 1.2, "black"))
    for r in extra_rows:
        cmds += [("SPAN", (0, r), (-1, r)), ("LEFTPADDING", (0, r), (-1, r), 0), ("RIGHTPADDING", (0, r), (-1, r), 0),
                 ("TOPPADDING", (0, r), (-1, r), 6)]
    first_kept = max(1, len(doc.rows) + 1 - KEEP_ROWS)
    if len(data) - 1 > first_kept:
        cmds.append(("NOSPLIT", (0, first_kept), (-1, -1)))
    tbl.setStyle(TableStyle(cmds))
    return [*title_flowables(doc.title, doc.info, width), tbl]


def signed_table_part(doc: TableDocument) -> Part:
    return Part(lambda w, h: signed_table_story(doc, w, h), landscape=doc.landscape, numbered=doc.page_numbers, header=doc.header)


__all__ = ["KEEP_ROWS", "signed_table_part", "signed_table_story"]
