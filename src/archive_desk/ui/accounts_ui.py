"""The window's side of accounts: 文件 → 修改密码, the idle lock, the offer to create the first administrator, and
the actions the logged-in role cannot do, disabled with the reason (ui/permissions.py)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton

from archive_desk.services import accounts, room_settings
from archive_desk.ui import permissions as ui_permissions
from archive_desk.ui.dialogs.login import ChangePasswordDialog, FirstAdminDialog, LoginDialog

if TYPE_CHECKING:
    from archive_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}

# File-menu actions (object names) and the operation each runs; the areas, pages and dialogs declare theirs
# (``GUARDS``: ui/permissions.py), the catalogue's as ``CatalogueArea.GUARDS``
FILE_ACTIONS = {"newVolumeAction": "catalogue.create_volume", "importAction": "importer.commit",
                "backupAction": "backup.make_backup", "restoreAction": "backup.restore",
                "backupSettingsAction": "backup.rotate"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


class IdleLock(QObject):
    """Lock the window after ``minutes`` without input: its content hidden, the password asked for again."""

    def __init__(self, window: MainWindow, minutes: float) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802, ARG002 - Qt's signature
        if not self.locked and event.type() in _INPUT:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.window.menuBar().setEnabled(False)
        ctx = self.window.ctx
        self.dialog = LoginDialog(ctx.db, self.window, username=ctx.actor.user, locked=True)
        self.dialog.setObjectName("idleLockDialog")
        self.dialog.accepted.connect(self.unlock)
        self.dialog.rejected.connect(self.window.close)
        self.dialog.open()

    def unlock(self) -> None:
        self.locked = False
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.window.menuBar().setEnabled(True)
        self.timer.start()


def install(window: MainWindow, file_menu: QMenu) -> None:
    ctx = window.ctx
    actor = ctx.actor
    window.idle_lock = None
    if actor.authenticated:
        quit_action = next((a for a in file_menu.actions() if a.objectName() == "quitAction"), None)
        change = QAction(_tr("Change &password…"), window)
        change.setObjectName("changePasswordAction")
        file_menu.insertAction(quit_action, change)  # before Quit (at the end without one)

        def change_password() -> None:
            dialog = ChangePasswordDialog(ctx.db, actor.user, window)
            dialog.open()
            window.change_password_dialog = dialog

        change.triggered.connect(change_password)
        try:
            minutes = room_settings.read(ctx.db).idle_lock_minutes
        except Exception:  # noqa: BLE001 - a catalogue whose settings cannot be read: the default
            log.exception("idle lock setting unreadable")
            minutes = 10
        window.idle_lock = IdleLock(window, minutes)
        window.status_label.setToolTip(_tr("Logged in as %1 (%2)").replace("%1", actor.user).replace(
            "%2", _role(actor.role)))
    elif not ctx.db.read_only:
        with ctx.db.read() as session:
            none_yet = not accounts.has_accounts(session)
        if none_yet:
            _offer_first_admin(window)
    guard_file_menu(window, file_menu)
    # every area, page, panel and dialog of the window: what it declares, now and whenever one is first shown
    ui_permissions.install(window, actor)


def _role(role: str | None) -> str:
    from archive_desk.services import permissions

    return permissions.role_name(role)


def guard_file_menu(window: MainWindow, file_menu: QMenu) -> None:
    for action in file_menu.actions():
        op = FILE_ACTIONS.get(action.objectName())
        if op is not None:
            ui_permissions.guard(action, window.ctx.actor, op)


def _offer_first_admin(window: MainWindow) -> None:
    """A button in the status bar (not a dialog in the way): 创建系统管理员… — skippable, it only offers."""
    button = QPushButton(_tr("Create the administrator…"))
    button.setObjectName("createAdminButton")
    button.setFlat(True)
    button.setToolTip(_tr("This catalogue has no accounts yet: anyone may do anything here. Create its system "
                          "administrator to switch logins on."))

    def create() -> None:
        dialog = FirstAdminDialog(window.ctx.db, window.ctx.actor, window)
        window.first_admin_dialog = dialog

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                button.hide()
                window.status_label.setText(_tr("Logins are on: from the next start everyone logs in."))

        dialog.finished.connect(done)
        dialog.open()

    button.clicked.connect(create)
    window.statusBar().addPermanentWidget(button)
    window.create_admin_button = button
