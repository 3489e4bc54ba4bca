"""Copy table rows to the clipboard so they paste as a table into Excel and WPS: tab-separated text
(what a plain editor gets) and an HTML table (what spreadsheets prefer; keeps 档号 such as ``0123`` as
text instead of turning them into numbers)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QMimeData


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def tsv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["\t".join(_cell(h) for h in headers)]
    lines.extend("\t".join(_cell(v) for v in row) for row in rows)
    return "\r\n".join(lines) + "\r\n"


def html_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    # mso-number-format:"\@" tells Excel (and WPS) to keep the cell as text
    td = '<td style="mso-number-format:\'\\@\'">'
    out = ['<html><head><meta charset="utf-8"></head><body><table border="1" cellspacing="0">',
           "<tr>" + "".join(f"<th>{html.escape(_cell(h))}</th>" for h in headers) + "</tr>"]
    for row in rows:
        out.append("<tr>" + "".join(f"{td}{html.escape(_cell(v))}</td>" for v in row) + "</tr>")
    out.append("</table></body></html>")
    return "".join(out)


def table_mime(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> QMimeData:
    mime = QMimeData()
    mime.setText(tsv(headers, rows))
    mime.setHtml(html_table(headers, rows))
    return mime
