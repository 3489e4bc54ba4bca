"""Login at start, the first administrator, a password change, and the idle lock's password prompt."""

from __future__ import annotations

import platform

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.services import accounts
from archive_desk.services.audit import Actor


def workstation() -> str:
    return platform.node() or "unknown"


class _Form(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def try_accept(self) -> None:  # pragma: no cover - overridden
        self.accept()


class LoginDialog(_Form):
    """User name and password; the account's Actor in :attr:`actor` once accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, username: str = "", locked: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in") if not locked else self.tr("The window is locked"))
        self.username = QLineEdit(username)
        self.username.setObjectName("loginUser")
        self.username.setReadOnly(locked)
        self.password = self._password("loginPassword")
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        if locked:
            self.note.setText(self.tr("The window was locked after a time without use. Enter your password to go on."))
            self.note.show()
        elif db.read_only:
            self.note.setText(self.tr("This catalogue is open read-only: your password is checked, but logins and "
                                      "wrong passwords cannot be recorded in its trail."))
            self.note.show()
        (self.password if username else self.username).setFocus()

    def try_accept(self) -> None:
        try:
            self.actor = accounts.login(self.db, self.username.text().strip(), self.password.text(), workstation())
        except accounts.PasswordChangeRequired as exc:
            change = ChangePasswordDialog(self.db, self.username.text().strip(), self, reason=exc.message,
                                          old=self.password.text())
            if change.exec() == QDialog.DialogCode.Accepted:
                self.password.setText(change.new_password)
                self.try_accept()
            return
        except UserError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class ChangePasswordDialog(_Form):
    """文件 → 修改密码, and a forced change after an administrator's reset."""

    def __init__(self, db: Database, username: str, parent: QWidget | None = None, *, reason: str = "",
                 old: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        self.new_password = ""
        self.setWindowTitle(self.tr("Change password"))
        if reason:
            self.note.setText(reason)
            self.note.show()
        self.old = self._password("oldPassword")
        self.old.setText(old)
        self.new = self._password("newPassword")
        self.again = self._password("newPasswordAgain")
        self.form.addRow(self.tr("User name"), QLabel(username))
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("New password again"), self.again)
        (self.new if old else self.old).setFocus()

    def try_accept(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        try:
            accounts.change_password(self.db, self.username, self.old.text(), self.new.text(), workstation())
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.new_password = self.new.text()
        self.accept()


class FirstAdminDialog(_Form):
    """Create the catalogue's first account, its system administrator: from then on everyone logs in."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clerk = actor
        self.account: accounts.Account | None = None
        self.setWindowTitle(self.tr("Create the administrator"))
        self.note.setText(self.tr("This catalogue has no accounts: anyone at a workstation may do anything, and the "
                                  "trail records the workstation's clerk name only. Create its system administrator "
                                  "(系统管理员) to switch logins on; the administrator then adds the other accounts."))
        self.note.show()
        self.user = QLineEdit("admin")
        self.user.setObjectName("adminUser")
        self.password = self._password("adminPassword")
        self.again = self._password("adminPasswordAgain")
        self.form.addRow(self.tr("User name"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.again)

    def try_accept(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            with self.db.write() as session:
                self.account = accounts.create_first_admin(session, self.clerk, self.user.text().strip(),
                                                           self.password.text())
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


class ApproverDialog(_Form):
    """The approving account confirms a loan with its password at the desk; the desk's own login stays. The
    password is in :attr:`password` once accepted (the loan's service checks it again in its transaction)."""

    def __init__(self, db: Database, username: str, security: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        self.security = security
        self.setWindowTitle(self.tr("Approval"))
        self.note.setText(self.tr("%1 approves this loan: enter that account's password. The desk stays logged in as "
                                  "it is.").replace("%1", username))
        self.note.show()
        self.password_edit = self._password("approverPassword")
        self.form.addRow(self.tr("Password"), self.password_edit)
        self.password = ""
        self.password_edit.setFocus()

    def try_accept(self) -> None:
        try:
            accounts.confirm_approver(self.db, self.username, self.password_edit.text(), workstation(), self.security)
        except UserError as exc:
            self.message.setText(exc.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.password = self.password_edit.text()
        self.accept()
