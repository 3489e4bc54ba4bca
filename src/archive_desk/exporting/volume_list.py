"""The catalogue workspace's "export selection to Excel": a sheet of the listed columns as shown.

Pure (no database): the UI hands header texts and rows of display texts. Written with xlsxwriter in
constant-memory mode to a temporary file beside the target and moved into place only when complete
(``exporting.filesafe.atomic_target``): a target open in Excel gives a clear FileLockedError and is
left untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import xlsxwriter

from archive_desk.filesafe import atomic_target

#: column widths in characters by header position hint (Chinese text is about two characters wide)
_MAX_WIDTH = 60


def write_volume_list(target: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
                      sheet_name: str = "案卷目录", progress: Callable[[int], None] | None = None) -> int:
    """Write the rows; returns how many were written."""
    target = Path(target)
    widths = [_width(h) for h in headers]
    count = 0
    with atomic_target(target, suffix=".xlsx") as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False, "strings_to_urls": False})
        try:
            sheet = book.add_worksheet(sheet_name[:31])
            head = book.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
            sheet.write_row(0, 0, list(headers), head)
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        sheet.write_number(r, c, value)
                    else:
                        text = "" if value is None else str(value)
                        if text.isdigit() and len(text) <= 6 and not text.startswith("0"):
                            sheet.write_number(r, c, int(text))
                        else:
                            sheet.write_string(r, c, text)
                        if c < len(widths):
                            widths[c] = max(widths[c], min(_MAX_WIDTH, _width(text)))
                count = r
                if progress is not None and r % 1000 == 0:
                    progress(r)
            for c, w in enumerate(widths):
                sheet.set_column(c, c, w + 2)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(count, 1), max(len(headers) - 1, 0))
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.repeat_rows(0)
            sheet.fit_to_pages(1, 0)
        finally:
            book.close()
    return count


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
