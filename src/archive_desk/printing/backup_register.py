"""备份登记 printed: A4 landscape, the register's lines, signature lines for the one who checked it. Pure."""

from __future__ import annotations

from pathlib import Path

from archive_desk.domain.backup_register import BackupRegisterSheet
from archive_desk.i18n import t

from .labels import Out
from .tables import Column, Signature, TableDocument, render_table_documents


def backup_register_document(sheet: BackupRegisterSheet) -> TableDocument:
    columns = (
        Column(t("No."), 10, "center"), Column(t("Backed up at"), 33), Column(t("Kind"), 14, "center"),
        Column(t("State"), 18, "center"), Column(t("File")), Column(t("Size (MB)"), 17, "right"),
        Column(t("SHA-256"), 30), Column(t("Chain head"), 28), Column(t("Account"), 18), Column(t("Workstation"), 22),
    )
    rows = tuple((str(ln.no), f"{ln.created_at:%Y-%m-%d %H:%M:%S}", ln.kind, ln.state, ln.file_name, f"{ln.size_mb:.1f}",
                  ln.sha256[:16] + "…" if ln.sha256 else "", ln.chain_head, ln.account, ln.workstation)
                 for ln in sheet.lines)
    return TableDocument(
        title=sheet.title, columns=columns, rows=rows,
        info=((t("Catalogue"), sheet.catalogue), (t("Made"), f"{sheet.made_at:%Y-%m-%d %H:%M}"),
              (t("Backups"), str(len(sheet.lines)))),
        note=t("SHA-256 shortened to its first 16 characters; the full value is in the manifest beside each backup and in the exported register."),
        signatures=(Signature(t("Checked by")),), landscape=True, font_size=8.5,
    )


def render_backup_register(sheet: BackupRegisterSheet, *, out: Out = None) -> bytes | Path | None:
    return render_table_documents([backup_register_document(sheet)], title=sheet.title, out=out)
