"""The full look at a big catalogue, after the window is up.

Opening checks files up to ``QUICK_CHECK_AT_OPEN_MAX_BYTES`` with ``PRAGMA quick_check`` before anything is
written (db/migrate.py); a bigger file gets only the header and schema checks, so the start stays fast. Its
``quick_check`` runs here, in the background, right after the window is shown. If it finds damage, saving is
switched off at once (nothing writes to a damaged file), the window says so, and the clerk is told which file,
what is wrong and where the newest verified backup is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from archive_desk.db import migrate
from archive_desk.ui.context import AppContext
from archive_desk.ui.workers import Runner


def start(window: QMainWindow, ctx: AppContext) -> Runner | None:
    """Start the background check when opening skipped it (a big file, opened for writing); returns its runner."""
    path = ctx.catalogue_path
    if ctx.db.read_only or not ctx.db.is_sqlite or not path.exists() or path.stat().st_size <= migrate.QUICK_CHECK_AT_OPEN_MAX_BYTES:
        return None
    runner = Runner(window)
    runner.finished.connect(lambda problems: _on_checked(window, ctx, path, problems))
    runner.start(lambda: migrate.quick_check(path))
    return runner


def _on_checked(window: QMainWindow, ctx: AppContext, path: Path, problems: object) -> None:
    if not problems:
        return
    found = "; ".join(str(p) for p in list(problems)[:3])  # type: ignore[call-overload]
    ctx.db.read_only = True  # nothing writes to a damaged file from now on
    ctx.db.read_only_reason = QCoreApplication.translate("IntegrityWatch", "The catalogue %1 is damaged (%2); saving is off.").replace("%1", str(path)).replace("%2", found)
    from archive_desk.ui.dialogs.open_failed import show_read_only_state

    show_read_only_state(window)
    backup = migrate.newest_verified_backup(path)
    text = ctx.db.read_only_reason + "\n\n" + (
        QCoreApplication.translate("IntegrityWatch", "The newest verified backup is %1: restore it with File → Restore from a backup…").replace("%1", str(backup))
        if backup is not None else QCoreApplication.translate("IntegrityWatch", "No verified backup of it was found."))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("IntegrityWatch", "The catalogue is damaged"), text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("damagedCatalogueBox")
    window.damaged_box = box  # type: ignore[attr-defined]
    box.open()
