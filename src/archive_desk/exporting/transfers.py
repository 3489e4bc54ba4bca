"""Excel exports of the transfer papers and registers: 移交清册 (with the 交接文据 on a second sheet), 销毁清册,
the 移交(接收)登记簿 and the destruction register.

Pure: the same plain data the printed forms take (:mod:`archive_desk.printing.transfer_list`,
:mod:`~archive_desk.printing.handover_certificate`, :mod:`~archive_desk.printing.destruction_list`), or a
register as headers and rows. Written with xlsxwriter under a temporary name beside the target and moved over it
only when complete (:func:`archive_desk.exporting.filesafe.atomic_target`): a target open in Excel gives
:class:`~archive_desk.errors.FileLockedError` and is left as it was.

Sheets print like the paper: A4, the table's header row repeated on every page, 件数 and 页数 in columns of their
own (so Excel can sum them), the totals row "共 N 卷 M 件 P 页" and the signature lines under the table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from archive_desk.domain.forms import form_language
from archive_desk.domain.transfer_documents import DestructionList, HandoverCertificate, TransferList, choices, totals, units_text
from archive_desk.i18n import t

from .filesafe import atomic_target

PAPER_A4 = 9


@dataclass(frozen=True)
class Register:
    """A register to export: its title, column headers with widths (characters), and rows of plain values."""

    title: str
    columns: tuple[tuple[str, float], ...]
    rows: tuple[tuple[Any, ...], ...]
    filters: str = ""  # what the register was filtered by, printed under the title


class _Book:
    def __init__(self, path: Path) -> None:
        self.wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
        base = {"font_name": "SimSun", "font_size": 10, "valign": "vcenter"}
        self.title = self.wb.add_format({**base, "bold": True, "font_size": 16, "align": "center"})
        self.info = self.wb.add_format(base)
        self.head = self.wb.add_format({**base, "bold": True, "align": "center", "border": 1, "bg_color": "#E8E8E8", "text_wrap": True})
        self.cell = self.wb.add_format({**base, "border": 1, "text_wrap": True})
        self.center = self.wb.add_format({**base, "border": 1, "align": "center"})
        self.num = self.wb.add_format({**base, "border": 1, "num_format": "0"})
        self.date = self.wb.add_format({**base, "border": 1, "num_format": "yyyy-mm-dd", "align": "center"})
        self.total = self.wb.add_format({**base, "border": 1, "top": 2, "bold": True})
        self.total_num = self.wb.add_format({**base, "border": 1, "top": 2, "bold": True, "num_format": "0"})
        self.sign = self.wb.add_format({**base, "bottom": 1})

    def sheet(self, name: str, *, landscape: bool = False) -> Any:
        ws = self.wb.add_worksheet(name[:31])
        ws.set_paper(PAPER_A4)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
        ws.set_footer("&C" + t("Page &P of &N"))
        return ws

    def close(self) -> None:
        self.wb.close()


def _date_text(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write(path: str | os.PathLike[str], fill: Any) -> Path:
    target = Path(path)
    with atomic_target(target, suffix=".xlsx") as tmp:
        book = _Book(tmp)
        try:
            fill(book)
        finally:
            book.close()
    return target


# --------------------------------------------------------------------------- 移交清册 and 交接文据


def _transfer_list_sheet(book: _Book, data: TransferList) -> None:
    ws = book.sheet(t("Transfer list"))
    cols = [(t("No."), 6), (t("Archival code"), 26), (t("Volume title"), 44), (t("Year"), 7), (t("Retention"), 10),
            (t("Items"), 7), (t("Pages"), 7), (t("Remarks"), 22)]
    for i, (_title, width) in enumerate(cols):
        ws.set_column(i, i, width)
    last = len(cols) - 1
    ws.merge_range(0, 0, 0, last, t("Archives transfer list") + (t(" (draft)") if data.draft else ""), book.title)
    tot = totals(data.lines)
    info = [
        f"{t('Transferring unit')}：{data.from_unit}", f"{t('Receiving unit')}：{data.to_unit}",
        f"{t('Transfer date')}：{_date_text(data.transfer_date)}", f"{t('List no.')}：{data.batch_no}",
        f"{t('Nature')}：{data.nature}", f"{t('Quantity')}：{tot.text()}",
    ]
    row = 1
    for i in range(0, len(info), 2):
        ws.merge_range(row, 0, row, 2, info[i], book.info)
        if i + 1 < len(info):
            ws.merge_range(row, 3, row, last, info[i + 1], book.info)
        row += 1
    head_row = row
    for c, (title, _w) in enumerate(cols):
        ws.write_string(head_row, c, title, book.head)
    row += 1
    for ln in data.lines:
        ws.write_number(row, 0, ln.seq, book.center)
        ws.write_string(row, 1, ln.code, book.cell)
        ws.write_string(row, 2, ln.title, book.cell)
        ws.write_string(row, 3, ln.year, book.center)
        ws.write_string(row, 4, ln.retention, book.center)
        for c, value in ((5, ln.item_count), (6, ln.pages)):
            if value is None:
                ws.write_blank(row, c, None, book.num)
            else:
                ws.write_number(row, c, value, book.num)
        ws.write_string(row, 7, ln.notes, book.cell)
        row += 1
    ws.write_string(row, 0, t("Total"), book.total)
    ws.write_string(row, 1, "", book.total)
    ws.write_string(row, 2, tot.text(), book.total)
    ws.write_string(row, 3, "", book.total)
    ws.write_string(row, 4, "", book.total)
    ws.write_number(row, 5, tot.items, book.total_num)
    ws.write_number(row, 6, tot.pages, book.total_num)
    ws.write_string(row, 7, "", book.total)
    row += 1
    if data.note:
        ws.merge_range(row, 0, row, last, data.note, book.info)
        row += 1
    row += 1
    ws.write_string(row, 0, f"{t('Transferred by')}：{data.from_handler}", book.info)
    ws.write_string(row, 4, f"{t('Receiver')}：{data.to_handler}", book.info)
    row += 1
    ws.write_string(row, 0, f"{t('Date')}：{_date_text(data.signed_on)}", book.info)
    ws.write_string(row, 4, f"{t('Date')}：{_date_text(data.signed_on)}", book.info)
    ws.repeat_rows(head_row)
    ws.freeze_panes(head_row + 1, 0)
    ws.autofilter(head_row, 0, head_row + max(len(data.lines), 1), last)


def _certificate_sheet(book: _Book, c: HandoverCertificate) -> None:
    ws = book.sheet(t("Handover certificate"))
    for i, width in enumerate((22, 12, 12, 12, 14)):
        ws.set_column(i, i, width)
    ws.merge_range(0, 0, 0, 4, t("Archives handover certificate") + (t(" (draft)") if c.draft else ""), book.title)
    rows = [
        (t("Certificate no."), c.batch_no),
        (t("Transferring unit"), c.from_unit),
        (t("Receiving unit"), c.to_unit),
        (t("Nature"), choices(c.natures, c.nature)),
        (t("Years covered"), c.years),
        (t("Handover date"), _date_text(c.transfer_date)),
    ]
    r = 1
    for caption, value in rows:
        ws.write_string(r, 0, caption, book.head)
        ws.merge_range(r, 1, r, 4, value, book.cell)
        r += 1
    r += 1
    for col, title in enumerate((t("Category"), t("Volumes (卷)"), t("Items (件)"), t("Boxes (盒)"), t("Shelf length (m)"))):
        ws.write_string(r, col, title, book.head)
    r += 1
    tv = ti = tb = 0
    tm = 0.0
    for q in c.quantities:
        ws.write_string(r, 0, q.category, book.cell)
        ws.write_number(r, 1, q.volumes, book.num)
        ws.write_number(r, 2, q.items, book.num)
        ws.write_number(r, 3, q.boxes, book.num)
        ws.write_number(r, 4, round(q.metres, 2), book.num)
        tv, ti, tb, tm = tv + q.volumes, ti + q.items, tb + q.boxes, tm + q.metres
        r += 1
    ws.write_string(r, 0, t("Total"), book.total)
    for col, total in ((1, float(tv)), (2, float(ti)), (3, float(tb)), (4, round(tm, 2))):
        ws.write_number(r, col, total, book.total_num)
    r += 2
    missing = (t("{n}: {codes}", n=len(c.missing), codes="、".join(c.missing)),) if c.missing else ()
    for caption, value in ((t("Finding aids handed over"), c.finding_aids or t("none")),
                           *((t("Listed, not received"), m) for m in missing), (t("Notes"), c.notes)):
        ws.write_string(r, 0, caption, book.head)
        ws.merge_range(r, 1, r, 4, value, book.cell)
        r += 1
    r += 1
    ws.write_string(r, 0, t("Transferring unit (seal)"), book.info)
    ws.write_string(r, 3, t("Receiving unit (seal)"), book.info)
    for caption, left, right in ((t("Leader"), c.from_leader, c.to_leader), (t("Handled by"), c.from_handler, c.to_handler),
                                 (t("Date"), _date_text(c.signed_on), _date_text(c.signed_on))):
        r += 1
        ws.write_string(r, 0, f"{caption}：{left}", book.sign)
        ws.write_string(r, 3, f"{caption}：{right}", book.sign)


@form_language
def write_transfer_workbook(data: TransferList, path: str | os.PathLike[str], certificate: HandoverCertificate | None = None) -> Path:
    """The 移交清册 (and, when given, the 交接文据 on a second sheet) as one workbook."""

    def fill(book: _Book) -> None:
        _transfer_list_sheet(book, data)
        if certificate is not None:
            _certificate_sheet(book, certificate)

    return _write(path, fill)


# --------------------------------------------------------------------------- 销毁清册


@form_language
def write_destruction_workbook(d: DestructionList, path: str | os.PathLike[str]) -> Path:
    """The 销毁清册 (and the volumes kept after appraisal, on a second sheet)."""

    def fill(book: _Book) -> None:
        ws = book.sheet(t("Destruction list"), landscape=True)
        cols = [(t("No."), 6), (t("Archival code"), 26), (t("Title"), 46), (t("Year"), 7), (t("Retention due"), 11),
                (t("Retention kept"), 11), (t("Pages"), 7), (t("Remarks"), 24)]
        for i, (_title, width) in enumerate(cols):
            ws.set_column(i, i, width)
        last = len(cols) - 1
        ws.merge_range(0, 0, 0, last, t("Archives destruction list") + (t(" (draft)") if d.draft else ""), book.title)
        pages = sum(ln.pages or 0 for ln in d.lines)
        boxes = sum(1 for ln in d.lines if ln.boxed)
        count = units_text(len(d.lines) - boxes, boxes, None, pages)
        info = [f"{t('Fonds no.')}：{d.fonds}", f"{t('List no.')}：{d.list_no}", f"{t('Appraisal year')}：{d.year}",
                f"{t('Destroyed volumes')}：{count}", f"{t('Destruction date')}：{_date_text(d.destroyed_on)}",
                f"{t('Kept after appraisal')}：{t('{n} volumes', n=len(d.kept))}"]
        r = 1
        for i in range(0, len(info), 2):
            ws.merge_range(r, 0, r, 2, info[i], book.info)
            ws.merge_range(r, 3, r, last, info[i + 1], book.info)
            r += 1
        head = r
        for c, (title, _w) in enumerate(cols):
            ws.write_string(head, c, title, book.head)
        r += 1
        for ln in d.lines:
            ws.write_number(r, 0, ln.seq, book.center)
            ws.write_string(r, 1, ln.code, book.cell)
            ws.write_string(r, 2, ln.title, book.cell)
            ws.write_string(r, 3, ln.year, book.center)
            ws.write_string(r, 4, ln.retention, book.center)
            ws.write_string(r, 5, ln.kept, book.center)
            if ln.pages is None:
                ws.write_blank(r, 6, None, book.num)
            else:
                ws.write_number(r, 6, ln.pages, book.num)
            ws.write_string(r, 7, ln.notes, book.cell)
            r += 1
        ws.write_string(r, 0, t("Total"), book.total)
        ws.write_string(r, 1, "", book.total)
        ws.write_string(r, 2, count, book.total)
        for c in (3, 4, 5):
            ws.write_string(r, c, "", book.total)
        ws.write_number(r, 6, pages, book.total_num)
        ws.write_string(r, 7, "", book.total)
        r += 2
        for i, (caption, name) in enumerate(((t("Appraisal lead"), d.lead), (t("Approved by"), d.approver),
                                             (t("Witness"), d.witness1), (t("Witness"), d.witness2))):
            ws.write_string(r + i // 2, 0 if i % 2 == 0 else 4, f"{caption}：{name}", book.sign)
        ws.repeat_rows(head)
        ws.freeze_panes(head + 1, 0)
        if d.kept:
            ks = book.sheet(t("Kept after appraisal"), landscape=True)
            kcols = [(t("No."), 6), (t("Archival code"), 26), (t("Title"), 46), (t("Year"), 7), (t("Retention"), 11),
                     (t("New retention"), 11), (t("Reason"), 36)]
            for i, (_title, width) in enumerate(kcols):
                ks.set_column(i, i, width)
            ks.merge_range(0, 0, 0, len(kcols) - 1, t("Volumes kept after appraisal"), book.title)
            for c, (title, _w) in enumerate(kcols):
                ks.write_string(1, c, title, book.head)
            for i, k in enumerate(d.kept, start=2):
                ks.write_number(i, 0, k.seq, book.center)
                for c, value in enumerate((k.code, k.title, k.year, k.retention, k.new_retention, k.reason), start=1):
                    ks.write_string(i, c, value, book.cell)
            ks.repeat_rows(1)

    return _write(path, fill)


# --------------------------------------------------------------------------- registers


def write_register(register: Register, path: str | os.PathLike[str]) -> Path:
    """A register (移交(接收)登记簿, the destruction register …) as a filterable table, header frozen and repeated."""

    def fill(book: _Book) -> None:
        ws = book.sheet(register.title, landscape=True)
        last = len(register.columns) - 1
        for i, (_title, width) in enumerate(register.columns):
            ws.set_column(i, i, width)
        ws.merge_range(0, 0, 0, last, register.title, book.title)
        head = 1
        if register.filters:
            ws.merge_range(1, 0, 1, last, register.filters, book.info)
            head = 2
        for c, (title, _w) in enumerate(register.columns):
            ws.write_string(head, c, title, book.head)
        r = head + 1
        for row in register.rows:
            for c, value in enumerate(row):
                if value is None:
                    ws.write_blank(r, c, None, book.cell)
                elif isinstance(value, bool):
                    ws.write_string(r, c, t("yes") if value else t("no"), book.cell)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, value, book.num)
                elif isinstance(value, datetime):
                    ws.write_string(r, c, value.strftime("%Y-%m-%d %H:%M"), book.center)
                elif isinstance(value, date):
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), book.date)
                else:
                    ws.write_string(r, c, str(value), book.cell)
            r += 1
        ws.repeat_rows(head)
        ws.freeze_panes(head + 1, 0)
        ws.autofilter(head, 0, max(r - 1, head), last)

    return _write(path, fill)


__all__ = ["Register", "write_destruction_workbook", "write_register", "write_transfer_workbook"]
