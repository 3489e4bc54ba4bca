"""The auditor's export of the trail (and of the personal-data access log) to a workbook. Pure: the service hands
the header texts and rows of display texts; written like the catalogue's selection (a temporary file moved
into place when complete: a target open in Excel gives a FileLockedError and is left untouched)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from archive_desk.exporting.volume_list import write_volume_list


def write_audit_trail(target: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
                      sheet_name: str = "审计日志") -> int:
    """Write the rows; returns how many were written."""
    return write_volume_list(target, headers, rows, sheet_name=sheet_name)
