"""备份登记 (the backup register) as an Excel workbook. Pure: a sheet of plain values in, a file out.

:class:`BackupRegisterSheet` is also what ``printing/backup_register.py`` prints, so the screen, the
workbook and the paper show the same columns. Written through ``filesafe.atomic_target``: a crash or a
workbook held open by Excel never leaves half a register.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive_desk.domain.backup_register import BackupRegisterLine, BackupRegisterSheet, columns  # noqa: F401 - re-exported
from archive_desk.i18n import t


def write_backup_register(sheet: BackupRegisterSheet, path: str | os.PathLike[str]) -> Path:
    import xlsxwriter

    from archive_desk.exporting.workbook_style import page_setup
    from archive_desk.filesafe import atomic_target

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    cols = columns()
    with atomic_target(target, suffix=".xlsx.part") as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False})
        try:
            ws = wb.add_worksheet(t("Backup register")[:31])
            title = wb.add_format({"bold": True, "font_size": 14})
            note = wb.add_format({"font_size": 9, "font_color": "#555555"})
            head = wb.add_format({"bold": True, "border": 1, "bg_color": "#E8E8E8", "align": "center", "valign": "vcenter",
                                  "text_wrap": True})
            cell = wb.add_format({"border": 1, "valign": "top"})
            bad = wb.add_format({"border": 1, "valign": "top", "bold": True, "font_color": "#B00020"})
            stamp = wb.add_format({"border": 1, "valign": "top", "num_format": "yyyy-mm-dd hh:mm:ss"})
            number = wb.add_format({"border": 1, "valign": "top", "num_format": "0.0"})
            ws.write(0, 0, sheet.title, title)
            ws.write(1, 0, t("Catalogue: {path}; made {at}; {n} backups", path=sheet.catalogue,
                             at=f"{sheet.made_at:%Y-%m-%d %H:%M}", n=len(sheet.lines)), note)
            header_row = 3
            for c, (name, width) in enumerate(cols):
                ws.set_column(c, c, width)
                ws.write(header_row, c, name, head)
            ws.freeze_panes(header_row + 1, 0)
            good = t("verified")
            for r, ln in enumerate(sheet.lines, start=header_row + 1):
                ws.write_number(r, 0, ln.no, cell)
                ws.write_datetime(r, 1, ln.created_at, stamp)
                ws.write_string(r, 2, ln.kind, cell)
                ws.write_string(r, 3, ln.state, cell if ln.state == good else bad)
                ws.write_string(r, 4, ln.file_name, cell)
                ws.write_number(r, 5, round(ln.size_mb, 1), number)
                for c, value in enumerate((ln.sha256, ln.chain_head, ln.account, ln.workstation, ln.folder, ln.problems), start=6):
                    if value:
                        ws.write_string(r, c, value, cell)
                    else:
                        ws.write_blank(r, c, None, cell)
            if sheet.lines:
                ws.autofilter(header_row, 0, header_row + len(sheet.lines), len(cols) - 1)
            page_setup(ws, sheet.title, repeat_to_row=header_row)  # A4 landscape, one page wide, as every register
        finally:
            wb.close()
    return target
