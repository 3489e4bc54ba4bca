"""The shelf list (排架清单) of a room, rack or layer as an Excel workbook. Pure: rows in, a file out.

The file is written next to the target under a temporary name and moved into place only when complete,
so a reader never sees half a workbook and a failed export leaves the old file as it was. A target open in
another program (Excel locks it on Windows) raises :class:`~archive_desk.errors.FileLockedError`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Protocol

import xlsxwriter

from archive_desk import atomic
from archive_desk.errors import FileLockedError, StorageError
from archive_desk.i18n import t

#: column headers (the clerks' register is in Chinese whatever the screen language) and widths
HEADERS = ("存放位置", "位置说明", "顺序号", "档号", "题名", "年度", "备注")
WIDTHS = (18, 34, 8, 26, 60, 8, 12)
SHEET_NAME = "排架清单"


class ShelfRow(Protocol):
    # read-only members, so a frozen dataclass (locations.ShelfListRow) is one
    @property
    def location_code(self) -> str: ...
    @property
    def words(self) -> str: ...
    @property
    def order(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def status(self) -> str: ...


def write_shelf_list(path: Path | str, rows: Iterable[ShelfRow], *, title: str = "", today: date | None = None) -> int:
    """Write the rows (already in shelving order) to ``path``; returns how many were written."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix="." + target.stem + "-", suffix=".xlsx.part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        count = _write(tmp, rows, title, today or date.today())
        _replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _write(tmp: Path, rows: Iterable[ShelfRow], title: str, today: date) -> int:
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                          "strings_to_formulas": False, "strings_to_urls": False})
    try:
        sheet = book.add_worksheet(SHEET_NAME)
        head = book.add_format({"bold": True, "font_size": 14})
        bold = book.add_format({"bold": True, "border": 1, "bg_color": "#E8EEF4", "align": "center", "valign": "vcenter"})
        cell = book.add_format({"border": 1, "valign": "vcenter"})
        num = book.add_format({"border": 1, "align": "center", "valign": "vcenter"})
        for col, width in enumerate(WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write(0, 0, f"排架清单　{title}".rstrip(), head)
        sheet.write(1, 0, f"制表日期：{today.isoformat()}")
        sheet.write_row(2, 0, HEADERS, bold)
        sheet.freeze_panes(3, 0)
        sheet.repeat_rows(2)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.set_footer("&C第 &P 页，共 &N 页")
        r = 3
        for row in rows:
            sheet.write_string(r, 0, row.location_code, cell)
            sheet.write_string(r, 1, row.words, cell)
            sheet.write_number(r, 2, row.order, num)
            sheet.write_string(r, 3, row.code, cell)
            sheet.write_string(r, 4, row.title, cell)
            sheet.write_number(r, 5, row.year, num)
            if row.status:
                sheet.write_string(r, 6, row.status, cell)
            else:
                sheet.write_blank(r, 6, None, cell)
            r += 1
        count = r - 3
        sheet.write(r + 1, 0, f"共 {count} 卷")
        if count:
            sheet.autofilter(2, 0, r - 1, len(HEADERS) - 1)
    finally:
        book.close()
    return count


def _replace(tmp: Path, target: Path) -> None:
    try:
        atomic.replace(tmp, target)
    except PermissionError as exc:
        raise FileLockedError(
            t("{path} is open in another program (Excel?). Close it there and export again.", path=target),
            where=str(target),
        ) from exc
    except OSError as exc:
        raise StorageError(t("{path} cannot be written: {error}", path=target, error=exc.strerror or exc),
                           where=str(target)) from exc
