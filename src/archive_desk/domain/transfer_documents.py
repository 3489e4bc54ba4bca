"""What the transfer forms show: 移交清册 (transfer list), 销毁清册 (destruction list) and 交接文据 (handover
certificate), as display-ready frozen dataclasses.

The transfers service fills them; ``printing/`` turns them into PDF and ``exporting/`` into workbooks, so
both read the same data without importing each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from archive_desk.i18n import DEFAULT_FORM_LANGUAGE, t


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


@dataclass(frozen=True)
class DestructionLine:
    seq: int
    code: str
    title: str
    year: str = ""
    retention: str = ""  # 应保管期限, as printed
    kept: str = ""  # 已保管期限, e.g. 12年
    pages: int | None = None
    notes: str = ""
    boxed: bool = False  # a box (盒) of item-filed documents, not a bound volume (卷)


@dataclass(frozen=True)
class KeptLine:
    seq: int
    code: str
    title: str
    year: str = ""
    retention: str = ""  # the retention it had
    new_retention: str = ""  # the retention decided
    reason: str = ""


@dataclass(frozen=True)
class DestructionList:
    list_no: str
    year: int | str
    fonds: str  # 全宗号 (and name), e.g. "Z109 江南财产保险股份有限公司临川分公司"; several joined by "、"
    lines: tuple[DestructionLine, ...]
    kept: tuple[KeptLine, ...] = ()
    lead: str = ""
    approver: str = ""
    witness1: str = ""
    witness2: str = ""
    destroyed_on: date | str | None = None
    notes: str = ""
    draft: bool = False
    language: str = DEFAULT_FORM_LANGUAGE
    #: the procedure (鉴定小组 → 鉴定意见书 → 报批 → 销毁 → 监销) as recorded
    kind: str = "general"  # general | accounting (会计档案, with the 会计 department's signatories)
    members: tuple[str, ...] = ()
    accounting_signatories: tuple[str, ...] = ()  # "会计机构负责人 孙红", "经办人 周强"
    opinion: str = ""
    opinion_on: date | None = None
    approved_on: date | None = None
    method: str = ""
    place: str = ""
    witnessed_count: int | None = None


CHECKED = "■"
UNCHECKED = "□"
NATURES = ("移交", "寄存", "征购", "捐赠")


@dataclass(frozen=True)
class CategoryQuantity:
    category: str  # as printed: 理赔 (LP)
    volumes: int = 0  # 卷 (volume-filed volumes)
    items: int = 0  # 件
    boxes: int = 0  # 盒 (boxes of item-filed documents)
    metres: float = 0.0  # shelf length in metres


@dataclass(frozen=True)
class HandoverCertificate:
    batch_no: str
    from_unit: str
    to_unit: str
    nature: str = "移交"
    transfer_date: date | str | None = None
    years: str = ""  # years covered, e.g. 2015—2019
    quantities: tuple[CategoryQuantity, ...] = ()
    finding_aids: str = ""
    notes: str = ""
    from_leader: str = ""
    from_handler: str = ""
    to_leader: str = ""
    to_handler: str = ""
    natures: tuple[str, ...] = NATURES
    draft: bool = False
    #: 档号 of listed volumes that did not arrive: named on the certificate, not counted
    missing: tuple[str, ...] = ()
    signed_on: date | str | None = None  # the day both units signed (the batch's confirmation)
    language: str = DEFAULT_FORM_LANGUAGE


def choices(options: tuple[str, ...], chosen: str) -> str:
    opts = list(options)
    if chosen and chosen not in opts:
        opts.append(chosen)
    return "　".join(f"{CHECKED if o == chosen else UNCHECKED}{o}" for o in opts)
