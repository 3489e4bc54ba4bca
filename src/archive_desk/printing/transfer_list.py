"""移交清册 (transfer list): the list both sides sign when volumes change hands.

Lines of 序号, 档号, 案卷题名, 年度, 保管期限, 件数/页数, 备注; the header row repeats on every page; a totals row
"共 N 卷 M 件 P 页"; the signature lines of 移交人 and 接收人 (and the units' seals); made in two copies, one per
side, each numbered "第 N 页 共 M 页" on its own.

Built on :mod:`archive_desk.printing.tables`. Pure: the transfers service fills :class:`TransferList` with
display-ready values (保管期限 as "定期30年", notes such as "缺，未移交") and says per line whether it counts in the
totals (a volume missing on arrival is listed but not counted).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archive_desk.domain.transfer_documents import Totals, TransferList, TransferListLine, totals, units_text  # noqa: F401 - re-exported
from archive_desk.errors import UserError
from archive_desk.i18n import t

from .labels import Out
from .signed_table import signed_table_part
from .tables import Column, Signature, TableDocument, fit_mm, form_language, render_parts


def _date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return t("{y}-{m:02d}-{d:02d}", y=value.year, m=value.month, d=value.day)
    return str(value)


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def copy_labels(copies: int) -> list[str]:
    if copies <= 1:
        return [""]
    labels = [t("Copy 1: kept by the transferring unit"), t("Copy 2: kept by the receiving unit")]
    return [labels[i] if i < len(labels) else t("Copy {n}", n=i + 1) for i in range(copies)]


@form_language
def transfer_list_document(data: TransferList, copy_label: str = "") -> TableDocument:
    size = 9.0
    cols = (
        Column(t("No."), 11, "center", wrap=False),
        Column(t("Archival code"), fit_mm([ln.code for ln in data.lines], size, minimum=38, maximum=70), "left", wrap=False),
        Column(t("Volume title"), None, "left"),
        Column(t("Year"), 12, "center", wrap=False),
        Column(t("Retention"), 17, "center"),
        Column(t("Items / pages"), 17, "center", wrap=False),
        Column(t("Remarks"), 24, "left"),
    )
    rows = tuple(
        (
            str(ln.seq),
            ln.code,
            ln.title,
            ln.year,
            ln.retention,
            f"{_count(ln.item_count)}/{_count(ln.pages)}" if (ln.item_count is not None or ln.pages is not None) else "",
            ln.notes,
        )
        for ln in data.lines
    )
    tot = totals(data.lines)
    total_row = (t("Total"), "", tot.text(), "", "", f"{tot.items}/{tot.pages}", "")
    info = [
        (t("Transferring unit"), data.from_unit),
        (t("Receiving unit"), data.to_unit),
        (t("Transfer date"), _date(data.transfer_date)),
        (t("List no."), data.batch_no),
    ]
    if data.nature:
        info.append((t("Nature"), data.nature))
    info.append((t("Quantity"), tot.text()))
    header_bits = [t("Transfer list"), data.batch_no]
    if copy_label:
        header_bits.append(copy_label)
    if data.draft:
        header_bits.append(t("DRAFT, not confirmed"))
    return TableDocument(
        title=t("Archives transfer list"),
        columns=cols,
        rows=rows,
        info=tuple(info),
        totals=total_row,
        note=data.note,
        signatures=(
            Signature(t("Transferred by"), data.from_handler, _date(data.signed_on)),
            Signature(t("Receiver"), data.to_handler, _date(data.signed_on)),
            Signature(t("Transferring unit (seal)"), "", None),
            Signature(t("Receiving unit (seal)"), "", None),
        ),
        font_size=size,
        header=" · ".join(x for x in header_bits if x),
        language=data.language,
    )


@form_language
def render_transfer_list(data: TransferList, *, copies: int = 2, out: Out = None) -> bytes | Path | None:
    """The 移交清册 in ``copies`` copies (default two: one per side), each numbered on its own."""
    if not data.lines:
        raise UserError(t("The transfer list has no lines; there is nothing to print."))
    parts = [signed_table_part(transfer_list_document(data, label)) for label in copy_labels(copies)]
    return render_parts(parts, title=t("Archives transfer list") + " " + data.batch_no, out=out, language=data.language)


__all__ = ["Totals", "TransferList", "TransferListLine", "copy_labels", "render_transfer_list", "totals", "transfer_list_document"]
