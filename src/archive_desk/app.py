"""Composition root: settings, logging, language, the catalogue, then the main window.

Nothing else reaches for globals; every screen gets an :class:`~archive_desk.ui.context.AppContext`.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from archive_desk.i18n import set_language, system_language
from archive_desk.settings import Settings, data_dir, default_catalogue_path
from archive_desk.ui.application import create_application, isolate_qsettings  # noqa: F401 - isolate_qsettings re-exported

logger = logging.getLogger(__name__)


def build_context(db_path: Path | str | None, settings: Settings | None = None, settings_path: Path | None = None,  # noqa: ANN201 - returns ui.context.AppContext, imported inside: this module stays Qt-free
                  *, read_only: bool | None = None, secret: str | None = None):  # noqa: ANN201
    """Open (create, migrate) the catalogue and bundle what the screens need. Qt-free.

    Raises ``CatalogueFileError`` (a UserError naming the file) for anything that is not a catalogue."""
    from archive_desk.services.audit import Actor
    from archive_desk.services.setup import open_catalogue
    from archive_desk.ui.context import AppContext

    settings = settings or Settings.load(settings_path)
    from archive_desk.db.target import is_server_url

    # the room's server (a URL, kept as text) or a file
    path = db_path if is_server_url(db_path) else Path(db_path) if db_path else default_catalogue_path()
    from archive_desk import credentials

    # a server's password (typed now, or from the system's credential store) goes to the engine alone
    db = open_catalogue(credentials.with_password(path, secret), read_only=read_only)
    from archive_desk.services.search import ensure_index

    if not db.read_only:  # a read-only catalogue searches with the index it has
        try:
            ensure_index(db)  # rebuilt only when an update changed how text is cut into search tokens
        except BaseException:
            db.dispose()
            raise
    return AppContext(db=db, actor=Actor.current(), settings=settings, catalogue_path=path, settings_path=settings_path)




class AlreadyOpen(Exception):  # noqa: N818 - not an error: a public name others import
    """A window on this PC has the catalogue open already; it was brought forward, this start ends."""


class StartCancelled(Exception):  # noqa: N818 - not an error: a public name others import
    """The first-start question (where the catalogue goes) was cancelled: nothing was created."""


def start(db_path: Path | str | None, *, settings_path: Path | None = None, read_only: bool | None = None,  # noqa: ANN201
          single_instance: bool = False):
    """Build everything and show the main window (used by ``run_gui`` and by the GUI tests); returns (app, window).

    ``single_instance`` (the real start): if a window on this PC has the catalogue open, it is brought
    forward and :class:`AlreadyOpen` is raised; otherwise this window answers later starts.

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
    if db_path is None:
        db_path = _workstation_catalogue(settings, settings_path)
    guard = None
    if single_instance:
        from archive_desk.ui.single_instance import SingleInstance

        guard = SingleInstance(Path(db_path) if db_path else default_catalogue_path())
        if guard.bring_forward_existing():
            raise AlreadyOpen(str(db_path or default_catalogue_path()))
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
    ctx.actor = log_in(ctx)
    window = MainWindow(ctx)
    window.context_builder = build_context
    if guard is not None:
        guard.setParent(window)
        guard.listen(window)
        window.single_instance = guard
    if ctx.db.read_only:
        show_read_only_state(window)
    window.show()
    from archive_desk.ui import integrity_watch

    window.integrity_check = integrity_watch.start(window, ctx)  # a big file's quick_check, in the background
    from archive_desk.ui import live

    window.live_watch = live.start(window, ctx)  # other workstations' changes show without F5
    return app, window


def log_in(ctx):  # noqa: ANN001, ANN201 - AppContext -> Actor
    """The actor of this window: on a catalogue with accounts the account logged in (the login dialog; with
    ARCHIVE_DESK_USER and ARCHIVE_DESK_PASSWORD set, as on the command line, those are tried first), else the
    workstation's clerk. Cancelling the login ends the start (:class:`StartCancelled`)."""
    from archive_desk.errors import UserError
    from archive_desk.services import accounts
    from archive_desk.ui.dialogs.login import LoginDialog, workstation

    with ctx.db.read() as session:
        if not accounts.has_accounts(session):
            return ctx.actor
    user, password = os.environ.get("ARCHIVE_DESK_USER", "").strip(), os.environ.get("ARCHIVE_DESK_PASSWORD")
    if user and password is not None:
        try:
            return accounts.login(ctx.db, user, password, workstation())
        except UserError as exc:
            logger.info("login from the environment refused: %s", exc)
    dialog = LoginDialog(ctx.db, username=user)
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
        ctx.db.dispose()
        raise StartCancelled()
    return dialog.actor


def _workstation_catalogue(settings: Settings, settings_path: Path | None) -> Path | str:
    """The catalogue this workstation opens when none is given: the one chosen at first start, else the
    embedded default if it exists; at a real first start the user is asked (``catalogue_place``)."""
    from archive_desk import catalogue_place

    if settings.default_catalogue:
        from archive_desk.db.target import is_server_url

        if is_server_url(settings.default_catalogue):  # the room's server (文件 → 打开目录库)
            return settings.default_catalogue  # type: ignore[return-value]
        return Path(settings.default_catalogue)
    if not catalogue_place.should_ask(settings.default_catalogue, default_catalogue_path()):
        return default_catalogue_path()
    from archive_desk.ui.dialogs.first_start import ask_catalogue

    chosen = ask_catalogue(settings, settings_path)
    if chosen is None:
        raise StartCancelled()
    return chosen


def missing_files() -> list[str]:
    """Shipped files the app cannot start without that are not there (a damaged or partial installation:
    an antivirus that quarantined a file, a build that left the migrations out)."""
    from importlib import resources

    package = resources.files("archive_desk")
    needed = ("db/migrations/env.py", "db/migrations/versions/0001_catalogue_schema.py",
              "resources/fonts/wqy-microhei.ttc", "resources/i18n/archive_desk_zh_CN.qm")
    return [name for name in needed if not (package / name).is_file()]


def run_gui(db_path: Path | str | None = None) -> int:
    """Start the window and run it. Any failure before the window shows (a bug, a migration that fails, a
    damaged installation) is shown in a dialog naming the log file, never a silent exit: the windowed
    executable has no console to print to."""
    from archive_desk import log as app_log

    app_log.setup(data_dir() / "logs")
    try:
        missing = missing_files()
        if missing:
            raise InstallationIncomplete(missing)
        app, window = start(db_path, single_instance=True)
    except KeyboardInterrupt:
        raise
    except AlreadyOpen:
        logger.info("the catalogue is open in another window, brought forward")
        return 0
    except StartCancelled:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug, a migration, a missing file: shown and logged
        if _is_user_error(exc):
            return 2  # already shown (OpenFailedDialog); the user chose to quit
        startup_failed(exc)
        return 1
    code = app.exec()
    from archive_desk.ui import workers

    workers.shutdown()  # a search or an export still running finishes (or stops) before Python exits
    window.ctx.db.dispose()
    return int(code)


class InstallationIncomplete(RuntimeError):  # noqa: N818 - not an error: a public name others import
    def __init__(self, missing: list[str]) -> None:
        super().__init__("ArchiveDesk is not installed completely; missing: " + ", ".join(missing)
                         + ". Reinstall ArchiveDesk.")
        self.missing = missing


def _is_user_error(exc: BaseException) -> bool:
    try:
        from archive_desk.errors import UserError
    except Exception:  # noqa: BLE001 - the package itself is damaged
        return False
    return isinstance(exc, UserError)


def startup_failed(exc: BaseException) -> None:
    """Log the failure and show it with the log file's name: in Qt if Qt starts, else in a native Windows
    message box, else on stderr (if there is one)."""
    from archive_desk import log as app_log

    log_file = app_log.file_path()
    logger.critical("ArchiveDesk could not start", exc_info=(type(exc), exc, exc.__traceback__))
    try:
        from archive_desk.ui.crash import show_startup_failure

        show_startup_failure(exc, log_file)
        return
    except Exception:  # noqa: BLE001 - Qt itself is what failed: fall back to what the system has
        logger.exception("the start-up failure could not be shown in Qt")
    text = f"ArchiveDesk could not start / ArchiveDesk 无法启动:\n{type(exc).__name__}: {exc}\n\nLog / 日志: {log_file or '-'}"
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, "ArchiveDesk", 0x10)  # MB_ICONERROR
            return
        except Exception:  # noqa: BLE001, S110
            pass
    if sys.stderr is not None:
        try:
            print(text, file=sys.stderr)
        except (OSError, ValueError, UnicodeError):
            pass


def run_gui_first_paint(db_path: Path | None) -> int:
    """``--quit-after-first-paint`` (benchmarks/frozen_start.py): start as ``run_gui`` does, and quit once the
    catalogue table has painted rows, printing ``first paint <seconds>`` (since the process started)."""
    from archive_desk import STARTED_AT
    from archive_desk import log as app_log

    app_log.setup(data_dir() / "logs")
    app, window = start(db_path)
    from archive_desk.ui.selftest_window import quit_after_first_paint

    quit_after_first_paint(app, window, lambda seconds: print(f"first paint {seconds:.3f} s", flush=True)
                           if sys.stdout is not None else None, started=STARTED_AT)
    code = app.exec()
    from archive_desk.ui import workers

    workers.shutdown()
    window.ctx.db.dispose()
    return int(code)

