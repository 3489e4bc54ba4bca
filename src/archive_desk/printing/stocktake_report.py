"""The stocktake report (盘点报告 / 清点检查记录) as a PDF. Pure: a
:class:`~archive_desk.exporting.stocktake.StocktakeReport` in, PDF bytes or a file out.

One run of A4 portrait pages numbered "第 N 页 共 M 页": the title and what was counted, the results per
class, a table per scanned layer, then every volume that needs attention, class by class (错架 with where
it belongs, 缺失, 借出但在架, 无此档号, 已销毁但在架), and the signature lines of the people who counted,
checked and approved. Volumes in place are counted, not listed (the Excel export lists every line).

Built on :mod:`archive_desk.printing.tables` (shipped font embedded, header rows repeated on every page).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Spacer

from archive_desk.domain.stocktake_report import ReportLine, StocktakeReport, info_pairs, report_title
from archive_desk.i18n import t

from .labels import Out
from .tables import MM, Column, Part, Signature, TableDocument, para, render_parts, style, table_flowable, title_flowables

#: per class: which columns its table shows
_CLASS_COLUMNS: dict[str, tuple[str, ...]] = {
    "misplaced": ("code", "title", "found", "expected", "note"),
    "missing": ("code", "title", "expected", "status", "note"),
    "on_loan_found": ("code", "title", "found", "expected", "note"),
    "unknown": ("code", "found", "scanned", "note"),
    "gone_found": ("code", "title", "status", "found", "note"),
}


def _column(key: str) -> Column:
    return {
        "code": Column(t("Archival code"), 44, wrap=False),
        "title": Column(t("Title"), None),
        "found": Column(t("Found on"), 30, wrap=False),
        "expected": Column(t("Belongs on"), 30, wrap=False),
        "status": Column(t("Status in the catalogue"), 22, align="center"),
        "scanned": Column(t("Scanned at"), 30, align="center", wrap=False),
        "note": Column(t("Remarks"), 30),
    }[key]


def _cell(line: ReportLine, key: str) -> str:
    if key == "code":
        return line.code
    if key == "title":
        return line.title
    if key == "found":
        return line.found_layer
    if key == "expected":
        return line.expected_layer or ("—" if line.cls != "unknown" else "")
    if key == "status":
        return line.status
    if key == "scanned":
        return line.scanned_at.strftime("%Y-%m-%d %H:%M") if line.scanned_at else ""
    return line.note


def class_document(report: StocktakeReport, cls: str, label: str) -> TableDocument:
    keys = _CLASS_COLUMNS[cls]
    columns = (Column(t("No."), 10, align="center"), *(_column(k) for k in keys))
    rows = tuple((str(i), *(_cell(ln, k) for k in keys)) for i, ln in enumerate(report.lines_of(cls), start=1))
    return TableDocument(title=label, columns=columns, rows=rows, font_size=8.5)


def layer_rows(report: StocktakeReport) -> list[tuple[str, ...]]:
    """Per layer that holds any line: volumes found in place, found though belonging elsewhere, missing, other."""
    per: OrderedDict[str, list[int]] = OrderedDict()
    for ln in sorted(report.lines, key=lambda x: x.found_layer or x.expected_layer):
        layer = ln.found_layer if ln.cls != "missing" else ln.expected_layer
        if not layer:
            continue
        counts = per.setdefault(layer, [0, 0, 0, 0])
        if ln.cls == "in_place":
            counts[0] += 1
        elif ln.cls == "misplaced":
            counts[1] += 1
        elif ln.cls == "missing":
            counts[2] += 1
        else:
            counts[3] += 1
    return [(layer, *(str(n) for n in c)) for layer, c in per.items()]


def report_story(report: StocktakeReport, width: float, _height: float) -> list[Flowable]:
    story: list[Flowable] = title_flowables(report_title(report), info_pairs(report), width, size=16)
    counts_doc = TableDocument(
        title="", columns=(Column(t("Result"), None), Column(t("Volumes"), 30, align="right")),
        rows=tuple((label, str(n)) for _key, label, n in report.counts),
        totals=(t("Volumes found on the shelves"), str(report.total_found)),
        font_size=10,
    )
    story += [para(t("Results"), style(12, name="h2")), Spacer(1, 2 * MM),
              table_flowable(counts_doc, min(width, 120 * MM)), Spacer(1, 6 * MM)]
    layers = layer_rows(report)
    if layers:
        layer_doc = TableDocument(
            title="", font_size=8.5,
            columns=(Column(t("Layer"), None, wrap=False), Column(t("In place"), 24, align="right"),
                     Column(t("Found here, belongs elsewhere"), 34, align="right"),
                     Column(t("Missing"), 24, align="right"), Column(t("Other findings"), 24, align="right")),
            rows=tuple(layers),
        )
        story += [para(t("Layers counted"), style(12, name="h2")), Spacer(1, 2 * MM),
                  table_flowable(layer_doc, min(width, 150 * MM)), Spacer(1, 6 * MM)]
    for key, label, n in report.counts:
        if key == "in_place" or n == 0:
            continue
        doc = class_document(report, key, label)
        heading = para(t("{label}: {count} volume(s)", label=label, count=n), style(12, name="h2"))
        story += [KeepTogether([heading, Spacer(1, 2 * MM)]), table_flowable(doc, width), Spacer(1, 6 * MM)]
    if not any(n for key, _label, n in report.counts if key != "in_place"):
        story += [para(t("Every volume counted was in place."), style(10, name="ok")), Spacer(1, 6 * MM)]
    from .tables import signature_flowable  # noqa: PLC0415

    story += [Spacer(1, 4 * MM),
              KeepTogether([signature_flowable((Signature(t("Counted by")), Signature(t("Checked by")),
                                                Signature(t("Head of the archive room"))), width)])]
    return story


def render_stocktake_report(report: StocktakeReport, *, out: Out = None) -> bytes | Path | None:
    part = Part(lambda w, h: report_story(report, w, h), landscape=False, numbered=True, header=report.name)
    return render_parts([part], title=report_title(report), out=out)
