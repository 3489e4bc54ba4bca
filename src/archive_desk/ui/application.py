"""The Qt application object and where its window state is kept. Nothing Qt is imported until called, so the
command line can import this without loading Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def isolate_qsettings() -> None:
    """With ``ARCHIVE_DESK_CONFIG_DIR`` set (tests, a workstation whose settings live elsewhere), the window
    and column state (QSettings) goes to an INI file in that folder too, instead of the registry on Windows or
    ``~/.config`` elsewhere: one way of keeping it apart that works on every system."""
    override = os.environ.get("ARCHIVE_DESK_CONFIG_DIR")
    if not override:
        return
    from PySide6.QtCore import QSettings

    # (ARCHIVE_DESK_WINDOW_STATE_DIR: a folder of its own for the window state alone — each test starts with none)
    folder = os.environ.get("ARCHIVE_DESK_WINDOW_STATE_DIR") or str(Path(override) / "window-state")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def create_application(argv: list[str] | None = None):  # noqa: ANN201 - QApplication
    from PySide6.QtWidgets import QApplication

    isolate_qsettings()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("ArchiveDesk")
    app.setApplicationName("ArchiveDesk")
    return app
