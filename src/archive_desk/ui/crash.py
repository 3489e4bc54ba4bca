"""Anything that is not a UserError is a bug: show it with "copy details", log it, keep running.
A UserError that escapes to the top is shown as a plain message."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from archive_desk import __version__
from archive_desk.errors import UserError

log = logging.getLogger(__name__)


def details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    from archive_desk.log import last_lines  # logging.handlers is not needed to start

    lines = [
        f"ArchiveDesk {__version__}, Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
        "Last log lines:",
        *last_lines(30),
    ]
    return "\n".join(lines)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a UserError as a message; anything else as a bug report."""
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, QApplication.translate("crash", "ArchiveDesk"), str(exc))
        return
    show_bug(parent, type(exc), exc, exc.__traceback__)


def show_bug(parent: QWidget | None, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
             *, wait: bool = False) -> None:
    """The crash box; ``wait`` shows it modally and returns when it is closed (before the event loop runs,
    e.g. a failure while starting, a box merely opened would vanish with the process)."""
    text = details(exc_type, exc, tb)
    log.error("unexpected error\n%s", text)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("crash", "ArchiveDesk: unexpected error"))
    box.setText(QApplication.translate("crash", "Something went wrong that should not have. Your catalogue is safe: "
                                                "the change in progress was not saved. Please copy the details for support."))
    box.setDetailedText(text)
    copy = box.addButton(QApplication.translate("crash", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
    if wait:
        box.exec()
    else:
        box.open()


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            show_error(QApplication.activeWindow(), exc)
            return
        show_bug(QApplication.activeWindow(), exc_type, exc, tb)

    sys.excepthook = hook


def show_startup_failure(exc: BaseException, log_file: Path | None, *, wait: bool = True) -> QMessageBox:
    """ArchiveDesk could not start (a bug before the window showed, a migration that failed, a damaged
    installation): say so, name the log file, offer the details. Creates the application if there is none yet."""
    import sys

    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    box = QMessageBox()
    box.setObjectName("startupFailure")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("crash", "ArchiveDesk could not start"))
    where = str(log_file) if log_file is not None else QApplication.translate("crash", "(no log file could be written)")
    box.setText(QApplication.translate("crash", "ArchiveDesk could not start: {error}").format(error=f"{type(exc).__name__}: {exc}"))
    box.setInformativeText(QApplication.translate(
        "crash", "The details are in the log file:\n{path}\nPlease send that file to whoever looks after ArchiveDesk for you.").format(path=where))
    text = details(type(exc), exc, exc.__traceback__)
    box.setDetailedText(text)
    copy = box.addButton(QApplication.translate("crash", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(text))
    if wait:
        box.exec()
    else:
        box.open()
    return box
