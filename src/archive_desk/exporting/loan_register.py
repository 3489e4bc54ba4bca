"""借阅登记簿 as an Excel workbook. Pure: rows in, file out.

The workbook is written to a temporary file beside the target and moved into place only when complete,
so a crash never leaves half a register; a target held open by Excel (Windows locks it) comes out as
:class:`~archive_desk.errors.FileLockedError` with a plain message, and the old file stays as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from archive_desk import atomic
from archive_desk.errors import FileLockedError, StorageError
from archive_desk.i18n import t


def columns() -> tuple[tuple[str, int], ...]:
    """(header, width in characters) of the register, in the order of a row."""
    return (
        (t("Slip no."), 15), (t("Lent on"), 17), (t("Borrower"), 10), (t("Unit / department"), 22), (t("Kind"), 8),
        (t("Contact"), 14), (t("Archival code"), 24), (t("Title"), 40), (t("Security level"), 7), (t("Purpose"), 10),
        (t("Use"), 7), (t("Pages lent"), 8), (t("Due back"), 11), (t("Returned on"), 17), (t("Pages back"), 8),
        (t("Condition"), 7), (t("Condition note"), 18), (t("Outcome of use"), 28), (t("Approver"), 10), (t("Opinion"), 18),
        (t("Clerk"), 10), (t("Received by"), 10), (t("Renewals"), 7), (t("Days overdue"), 8),
        (t("Service"), 7), (t("Copy"), 30),
    )


@dataclass(frozen=True)
class RegisterSheet:
    title: str
    rows: tuple[tuple[Any, ...], ...]
    filters: str = ""  # what the rows were chosen by, printed under the title


def write_loan_register(sheet: RegisterSheet, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    cols = columns()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".xlsx")
        os.close(fd)
    except PermissionError as exc:
        raise FileLockedError(t("Cannot write {file}: it is open in another program or the folder is read-only. Close it and try again.",
                                file=str(target)), where=str(target)) from exc
    tmp = Path(tmp_name)
    try:
        _write(sheet, cols, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            atomic.replace(tmp, target)
        except PermissionError as exc:
            raise FileLockedError(t("Cannot write {file}: it is open in another program or the folder is read-only. Close it and try again.",
                                    file=str(target)), where=str(target)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise FileLockedError(t("Cannot write {file}: it is open in another program or the folder is read-only. Close it and try again.",
                                    file=str(target)), where=str(target)) from exc
        raise StorageError(t("Cannot write {file}: {error}", file=str(target), error=exc.strerror or str(exc)), where=str(target)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _write(sheet: RegisterSheet, cols: Sequence[tuple[str, int]], path: Path) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    try:
        ws = wb.add_worksheet(t("Loan register")[:31])
        title = wb.add_format({"bold": True, "font_size": 14, "font_name": "SimSun"})
        note = wb.add_format({"font_size": 9, "font_color": "#555555"})
        head = wb.add_format({"bold": True, "border": 1, "bg_color": "#E8E8E8", "align": "center", "valign": "vcenter", "text_wrap": True})
        cell = wb.add_format({"border": 1, "valign": "top"})
        wrap = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
        day = wb.add_format({"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"})
        stamp = wb.add_format({"border": 1, "valign": "top", "num_format": "yyyy-mm-dd hh:mm"})
        ws.write(0, 0, sheet.title, title)
        ws.write(1, 0, (sheet.filters + "　" if sheet.filters else "") + t("{n} lines", n=len(sheet.rows)), note)
        header_row = 3
        for c, (name, width) in enumerate(cols):
            ws.set_column(c, c, width)
            ws.write(header_row, c, name, head)
        ws.freeze_panes(header_row + 1, 0)
        for r, row in enumerate(sheet.rows, start=header_row + 1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    ws.write_blank(r, c, None, cell)
                elif isinstance(value, datetime):
                    ws.write_datetime(r, c, value, stamp)
                elif isinstance(value, date):
                    ws.write_datetime(r, c, datetime.combine(value, datetime.min.time()), day)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    ws.write_number(r, c, value, cell)
                else:
                    ws.write_string(r, c, str(value), wrap if c in (7, 17) else cell)
        if sheet.rows:
            ws.autofilter(header_row, 0, header_row + len(sheet.rows), len(cols) - 1)
        ws.repeat_rows(header_row)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
    finally:
        wb.close()
