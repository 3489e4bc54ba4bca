"""Composition root: settings, logging, language, the catalogue, then the main window.

Nothing else reaches for globals; every screen gets an :class:`~archive_desk.ui.context.AppContext`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from archive_desk.i18n import set_language, system_language
from archive_desk.settings import Settings, data_dir, default_catalogue_path

logger = logging.getLogger(__name__)


def build_context(db_path: Path | None, settings: Settings | None = None, settings_path: Path | None = None,
                  *, read_only: bool | None = None):  # noqa: ANN201
    """Open (create, migrate) the catalogue and bundle what the screens need. Qt-free.

    Raises ``CatalogueFileError`` (a UserError naming the file) for anything that is not a catalogue."""
    from archive_desk.services.audit import Actor
    from archive_desk.services.setup import open_catalogue
    from archive_desk.ui.context import AppContext

    settings = settings or Settings.load(settings_path)
    path = Path(db_path) if db_path else default_catalogue_path()
    db = open_catalogue(path, read_only=read_only)
    from archive_desk.services.search import ensure_index

    if not db.read_only:  # a read-only catalogue searches with the index it has
        try:
            ensure_index(db)  # rebuilt only when an update changed how text is cut into search tokens
        except BaseException:
            db.dispose()
            raise
    return AppContext(db=db, actor=Actor.current(), settings=settings, catalogue_path=path, settings_path=settings_path)


def create_application(argv: list[str] | None = None):  # noqa: ANN201 - QApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("ArchiveDesk")
    app.setApplicationName("ArchiveDesk")
    return app


def start(db_path: Path | None, *, settings_path: Path | None = None, read_only: bool | None = None):  # noqa: ANN201
    """Build everything and show the main window (used by ``run_gui`` and by the GUI tests); returns (app, window).

    A file that cannot be opened as a catalogue (or a storage error) is shown in :class:`OpenFailedDialog`,
    which offers another catalogue or the newest verified backup; if the user quits there, the UserError is
    raised on."""
    from archive_desk import log as app_log
    from archive_desk.errors import UserError
    from archive_desk.ui.crash import install_excepthook
    from archive_desk.ui.dialogs.open_failed import OpenFailedDialog, show_read_only_state
    from archive_desk.ui.fonts import register_fonts
    from archive_desk.ui.i18n import install_translators
    from archive_desk.ui.main_window import MainWindow

    settings = Settings.load(settings_path)
    language = settings.language or system_language()
    set_language(language)
    app_log.setup(data_dir() / "logs")
    app = create_application()
    install_translators(app, language)
    register_fonts()
    install_excepthook()
    while True:
        try:
            ctx = build_context(db_path, settings, settings_path, read_only=read_only)
            break
        except UserError as exc:
            logger.warning("cannot open the catalogue %s: %s", db_path, exc)
            dialog = OpenFailedDialog(exc)
            if dialog.exec() != OpenFailedDialog.DialogCode.Accepted or dialog.path is None:
                raise
            db_path, read_only = dialog.path, (True if dialog.choice == "backup" else None)
    window = MainWindow(ctx)
    if ctx.db.read_only:
        show_read_only_state(window)
    window.show()
    from archive_desk.ui import integrity_watch

    window.integrity_check = integrity_watch.start(window, ctx)  # a big file's quick_check, in the background
    return app, window


def run_gui(db_path: Path | None = None) -> int:
    from archive_desk.errors import UserError

    try:
        app, window = start(db_path)
    except UserError:
        return 2  # already shown (OpenFailedDialog); the user chose to quit
    except Exception as exc:  # a bug while starting: show the crash box and wait for it, never exit silently
        from archive_desk.ui.crash import show_bug

        show_bug(None, type(exc), exc, exc.__traceback__, wait=True)
        return 1
    code = app.exec()
    from archive_desk.ui import workers

    workers.shutdown()  # a search or an export still running finishes (or stops) before Python exits
    window.ctx.db.dispose()
    return int(code)
