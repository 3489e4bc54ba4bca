"""The error report workbook of an import plan.

Three sheets: the summary (counts that add up), one line per problem (sheet, row, column, header,
value, reason; duplicate and already-catalogued rows are listed there too, since they are not
imported), and the skipped rows with their reason. Written to a temporary file in the target folder
and then moved into place, so a crash never leaves half a report under the real name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter

from archive_desk import atomic
from archive_desk.errors import FileLockedError, StorageError
from archive_desk.i18n import t
from archive_desk.importing.mapping import ColumnMapping
from archive_desk.importing.plan import ImportPlan, RowStatus
from archive_desk.importing.readers import column_letter

__all__ = ["write_error_report"]


def _duplicate_reason(row_sheet: str, first_sheet: str | None, first_row: int | None) -> str:
    if first_sheet and first_sheet != row_sheet:
        return t("Duplicate: already given on sheet {sheet}, row {row}; not imported", sheet=first_sheet, row=first_row)
    return t("Duplicate: already given on row {row}; not imported", row=first_row)


def write_error_report(plan: ImportPlan, target: str | Path, refused: Sequence[tuple[str, int, str, str]] = ()) -> Path:
    """Write the report for ``plan`` to ``target`` (``.xlsx``) and return its path. ``refused``: rows the
    catalogue refused when the import was written, as (sheet, row, value, reason), listed with the
    problems."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=".xlsx", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise StorageError(t("The report cannot be written to {folder}: {reason}", folder=str(folder), reason=exc.strerror or str(exc))) from exc
    tmp = Path(tmp_name)
    try:
        _write(plan, tmp, refused)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is an ordinary document
        try:
            atomic.replace(tmp, target)
        except PermissionError as exc:
            raise FileLockedError(t("{name} is open in another program (Excel, WPS); close it and save the report again", name=target.name), where=str(target)) from exc
        except OSError as exc:
            raise StorageError(t("The report cannot be written to {folder}: {reason}", folder=str(folder), reason=exc.strerror or str(exc))) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _write(plan: ImportPlan, path: Path, refused: Sequence[tuple[str, int, str, str]]) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    try:
        bold = book.add_format({"bold": True})
        head = book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})

        s = plan.summary
        summary = book.add_worksheet(t("Summary"))
        summary.set_column(0, 0, 36)
        summary.set_column(1, 1, 60)
        lines: list[tuple[str, object]] = [
            (t("File"), plan.file_name),
            (t("Sheets"), "、".join(sp.name for sp in plan.sheets)),
            (t("Header row"), "、".join(f"{sp.name}: {_heading_rows(sp.mapping)}" for sp in plan.sheets)),
            (t("Complete"), t("yes") if plan.complete else t("no (preview of the first rows only)")),
            ("", ""),
            (t("Rows read"), s.rows_read),
            (t("To import"), s.ok),
            (t("Rejected (problems)"), s.rejected),
            (t("Duplicates within the file"), s.duplicate),
            (t("Already in the catalogue"), s.existing),
            (t("Skipped"), s.skipped),
            (t("  blank lines"), s.skipped_blank),
            (t("  total lines"), s.skipped_total),
            (t("  signature lines"), s.skipped_signature),
            ("", ""),
            (t("Check: rows read = to import + rejected + duplicates + already in the catalogue + skipped"), t("adds up") if s.adds_up else t("DOES NOT ADD UP")),
            (t("Cells with problems"), s.problems),
            (t("Title and header rows above the data"), s.rows_above_data),
            (t("Blank rows around the table (not counted)"), s.blank_outside),
        ]
        for i, (label, value) in enumerate(lines):
            summary.write_string(i, 0, label, bold if label else None)
            if isinstance(value, int):
                summary.write_number(i, 1, value)
            else:
                summary.write_string(i, 1, str(value))

        problems = book.add_worksheet(t("Problems"))
        headers = [t("Sheet"), t("Row"), t("Column"), t("Header"), t("Value"), t("Reason")]
        widths = [16, 7, 7, 16, 30, 70]
        for c, (h, w) in enumerate(zip(headers, widths, strict=True)):
            problems.write_string(0, c, h, head)
            problems.set_column(c, c, w)
        problems.freeze_panes(1, 0)
        r = 1
        for row in plan.rows:
            for p in row.problems:
                problems.write_string(r, 0, p.sheet)
                problems.write_number(r, 1, p.row)
                problems.write_string(r, 2, p.column)
                problems.write_string(r, 3, p.header)
                problems.write_string(r, 4, p.value)
                problems.write_string(r, 5, p.reason, wrap)
                r += 1
            if row.status in (RowStatus.DUPLICATE, RowStatus.EXISTING):
                sheet_plan = next(sp for sp in plan.sheets if sp.name == row.sheet)
                key_col = sheet_plan.mapping.column_of({"volumes": "code", "items": "volume_code"}.get(plan.kind, plan.key_field or "name"))
                problems.write_string(r, 0, row.sheet)
                problems.write_number(r, 1, row.row)
                problems.write_string(r, 2, column_letter(key_col) if key_col is not None else "")
                problems.write_string(r, 3, sheet_plan.mapping.headers[key_col] if key_col is not None else "")
                problems.write_string(r, 4, row.key or "")
                if row.status is RowStatus.DUPLICATE:
                    problems.write_string(r, 5, _duplicate_reason(row.sheet, row.duplicate_of_sheet, row.duplicate_of), wrap)
                else:
                    problems.write_string(r, 5, t("Already in the catalogue; updated only if you choose to"), wrap)
                r += 1
        for sheet, row_number, value, reason in refused:
            problems.write_string(r, 0, sheet)
            problems.write_number(r, 1, row_number)
            problems.write_string(r, 4, value)
            problems.write_string(r, 5, t("Refused by the catalogue: {reason}", reason=reason), wrap)
            r += 1
        problems.autofilter(0, 0, max(r - 1, 0), len(headers) - 1)

        skipped = book.add_worksheet(t("Skipped rows"))
        for c, (h, w) in enumerate(zip([t("Sheet"), t("Row"), t("Reason"), t("Content")], [16, 7, 50, 60], strict=True)):
            skipped.write_string(0, c, h, head)
            skipped.set_column(c, c, w)
        r = 1
        for row in plan.rows:
            if row.status is RowStatus.SKIPPED:
                skipped.write_string(r, 0, row.sheet)
                skipped.write_number(r, 1, row.row)
                skipped.write_string(r, 2, row.skip_reason or "")
                content = " | ".join(str(c) for c in dict.fromkeys(row.cells) if c is not None)
                skipped.write_string(r, 3, content[:500])
                r += 1
    finally:
        book.close()


def _heading_rows(mapping: ColumnMapping) -> str:
    """``3``, or ``2–3`` for a two-row heading."""
    if mapping.heading_rows > 1:
        return f"{mapping.first_header_row}–{mapping.header_row}"
    return str(mapping.header_row)
