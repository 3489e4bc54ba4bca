"""移交清册 (transfer list): the list both sides sign when volumes change hands.

Lines of 序号, 档号, 案卷题名, 年度, 保管期限, 件数/页数, 备注; the header row repeats on every page; a totals row
"共 N 卷 M 件 P 页"; the signature lines of 移交人 and 接收人 (and the units' seals); made in two copies, one per
side, each numbered "第 N 页 共 M 页" on its own.

Built on :mod:`archive_desk.printing.tables`. Pure: the transfers service fills :class:`TransferList` with
display-ready values (保管期限 as "定期30年", notes such as "缺，未移交") and says per line whether it counts in the
totals (a volume missing on arrival is listed but not counted).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from archive_desk.errors import UserError
from archive_desk.i18n import t

from .labels import Out
from .signed_table import signed_table_part
from .data import DEFAULT_FORM_LANGUAGE
from .tables import Column, Signature, TableDocument, fit_mm, form_language, render_parts


@dataclass(frozen=True)
class TransferListLine:
    seq: int
    code: str
    title: str
    year: str = ""
    retention: str = ""  # as printed: 永久 / 定期30年 / 定期10年
    item_count: int | None = None
    pages: int | None = None
    notes: str = ""
    #: False for a line listed but not handed over (missing on arrival): shown, not counted in the totals
    counted: bool = True
    #: a box (盒) of item-filed (按件) documents rather than a bound volume (卷)
    boxed: bool = False


@dataclass(frozen=True)
class TransferList:
    batch_no: str
    from_unit: str
    to_unit: str
    lines: tuple[TransferListLine, ...]
    transfer_date: date | str | None = None
    nature: str = ""  # 移交 / 寄存 / 征购 / 捐赠
    from_handler: str = ""
    to_handler: str = ""
    #: "in" (a department hands volumes to the archive room) or "out" (the room hands them on)
    direction: str = "in"
    note: str = ""  # text under the table (e.g. what the receiving check found)
    draft: bool = False  # not confirmed yet: the header says so
    signed_on: date | str | None = None  # the date both sides signed (the batch's confirmation), printed on the signature lines
    language: str = DEFAULT_FORM_LANGUAGE


@dataclass(frozen=True)
class Totals:
    volumes: int  # bound volumes (卷)
    items: int
    pages: int
    boxes: int = 0  # boxes of item-filed documents (盒)

    def text(self) -> str:
        return units_text(self.volumes, self.boxes, self.items, self.pages)


def units_text(volumes: int, boxes: int, items: int | None, pages: int) -> str:
    """"共 2 卷 3 盒 40 件 131 页": volumes and boxes each named as what they are (a box is no 卷), a zero count
    of one of them left out; ``items`` None leaves the 件 out."""
    if items is None:
        if volumes and boxes:
            return t("{volumes} volumes, {boxes} boxes, {pages} pages in total", volumes=volumes, boxes=boxes, pages=pages)
        if boxes:
            return t("{boxes} boxes, {pages} pages in total", boxes=boxes, pages=pages)
        return t("{volumes} volumes, {pages} pages in total", volumes=volumes, pages=pages)
    if volumes and boxes:
        return t("{volumes} volumes, {boxes} boxes, {items} items, {pages} pages in total", volumes=volumes, boxes=boxes, items=items, pages=pages)
    if boxes:
        return t("{boxes} boxes, {items} items, {pages} pages in total", boxes=boxes, items=items, pages=pages)
    return t("{volumes} volumes, {items} items, {pages} pages in total", volumes=volumes, items=items, pages=pages)


def totals(lines: Sequence[TransferListLine]) -> Totals:
    counted = [ln for ln in lines if ln.counted]
    return Totals(sum(1 for ln in counted if not ln.boxed), sum(ln.item_count or 0 for ln in counted), sum(ln.pages or 0 for ln in counted),
                  sum(1 for ln in counted if ln.boxed))


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
