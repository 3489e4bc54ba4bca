"""What the 备份登记 (backup register) shows: the same columns on the screen, in the workbook
(``exporting/backup_register.py``) and on paper (``printing/backup_register.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from archive_desk.i18n import t


@dataclass(frozen=True)
class BackupRegisterLine:
    no: int
    created_at: datetime  # local time
    kind: str
    state: str
    file_name: str
    size_mb: float
    sha256: str
    chain_head: str  # "id:hash"
    account: str
    workstation: str
    folder: str
    problems: str


@dataclass(frozen=True)
class BackupRegisterSheet:
    title: str
    catalogue: str
    made_at: datetime
    lines: tuple[BackupRegisterLine, ...]

    @property
    def rows(self) -> tuple[tuple[Any, ...], ...]:
        return tuple((ln.no, f"{ln.created_at:%Y-%m-%d %H:%M:%S}", ln.kind, ln.state, ln.file_name, f"{ln.size_mb:.1f}",
                      ln.sha256, ln.chain_head, ln.account, ln.workstation, ln.folder, ln.problems) for ln in self.lines)


def columns() -> tuple[tuple[str, int], ...]:
    """(header, width in characters), in the order of :attr:`BackupRegisterSheet.rows`."""
    return ((t("No."), 6), (t("Backed up at"), 19), (t("Kind"), 8), (t("State"), 10), (t("File"), 34), (t("Size (MB)"), 9),
            (t("SHA-256"), 66), (t("Chain head"), 24), (t("Account"), 10), (t("Workstation"), 14), (t("Folder"), 40),
            (t("Problems"), 40))
