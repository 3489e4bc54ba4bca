"""文件 → 打开目录库: a catalogue file on this PC, or the room's server (host, port, database, user).

The password goes only to the operating system's credential store (``archive_desk.credentials``), and only when
"Remember the password on this PC" is ticked; the settings keep the choice as a file path or a URL without a
password (``default_catalogue``), so this workstation opens it at the next start too. The window is then
reopened on the chosen catalogue; if that cannot be opened, the message says why and the current one stays.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk import credentials
from archive_desk.db.target import is_server_url

log = logging.getLogger(__name__)


class OpenCatalogueDialog(QDialog):
    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCatalogueDialog")
        self.setWindowTitle(self.tr("Open a catalogue"))
        self.setMinimumWidth(560)
        self.file_choice = QRadioButton(self.tr("A catalogue file on this PC"), self)
        self.file_choice.setObjectName("fileChoice")
        self.server_choice = QRadioButton(self.tr("The room's server"), self)
        self.server_choice.setObjectName("serverChoice")
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)

        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("catalogueFile")
        self.browse_button = browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(24, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)

        self.server_box = QWidget(self)
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.host_edit = QLineEdit(self.server_box)
        self.host_edit.setObjectName("serverHost")
        self.host_edit.setPlaceholderText(self.tr("the server PC's name or address"))
        self.port_spin = QSpinBox(self.server_box)
        self.port_spin.setObjectName("serverPort")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.database_edit = QLineEdit("archive", self.server_box)
        self.database_edit.setObjectName("serverDatabase")
        self.user_edit = QLineEdit(self.server_box)
        self.user_edit.setObjectName("serverUser")
        self.password_edit = QLineEdit(self.server_box)
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(self.tr("Remember the password on this PC (in the system's credential store)"),
                                        self.server_box)
        self.remember_check.setObjectName("rememberPassword")
        self.remember_check.setChecked(True)
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_check)

        self.problem = QLabel(self)
        self.problem.setObjectName("openCatalogueProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_choice)
        layout.addLayout(file_row)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.file_choice.toggled.connect(self._update_enabled)
        self._fill(current)
        self._update_enabled()

    def _fill(self, current: str) -> None:
        if is_server_url(current):
            parts = credentials.server_parts(current)
            self.server_choice.setChecked(True)
            self.host_edit.setText(str(parts["host"]))
            self.port_spin.setValue(int(parts["port"]))
            self.database_edit.setText(str(parts["database"]) or "archive")
            self.user_edit.setText(str(parts["user"]))
            self.password_edit.setText(credentials.password(current) or "")
        else:
            self.file_choice.setChecked(True)
            self.file_edit.setText(current)
            with contextlib.suppress(Exception):  # no login name: typed by hand
                self.user_edit.setText(getpass.getuser())

    def _update_enabled(self) -> None:
        on_file = self.file_choice.isChecked()
        self.file_edit.setEnabled(on_file)
        self.browse_button.setEnabled(on_file)
        self.server_box.setEnabled(not on_file)

    def _on_browse_clicked(self) -> None:
        start = str(Path(self.file_edit.text()).parent) if self.file_edit.text() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a catalogue"), start,
                                              self.tr("Catalogues (*.sqlite *.db);;All files (*)"))
        if path:
            self.file_edit.setText(path)

    def target(self) -> str:
        """The chosen catalogue as the settings keep it: a file path, or a server URL without a password."""
        if self.file_choice.isChecked():
            return self.file_edit.text().strip()
        return credentials.build_url(self.host_edit.text().strip(), self.port_spin.value(),
                                     self.database_edit.text().strip(), self.user_edit.text().strip())

    def secret(self) -> str:
        return self.password_edit.text() if self.server_choice.isChecked() else ""

    def accept(self) -> None:
        if self.file_choice.isChecked() and not self.file_edit.text().strip():
            self.problem.setText(self.tr("Choose the catalogue file."))
            return
        if self.server_choice.isChecked():
            missing = [label for label, edit in ((self.tr("server"), self.host_edit),
                                                 (self.tr("database"), self.database_edit),
                                                 (self.tr("user"), self.user_edit)) if not edit.text().strip()]
            if missing:
                self.problem.setText(self.tr("Fill in: %1").replace("%1", ", ".join(missing)))
                return
        super().accept()


def choose_and_reopen(window: QWidget) -> QDialog:  # the MainWindow
    """Show the dialog; when accepted, remember the choice (the password only in the credential store) and reopen
    the window on the catalogue (:func:`reopen`)."""
    current = str(window.ctx.catalogue_path)
    dialog = OpenCatalogueDialog(credentials.without_password(current) if is_server_url(current) else current, window)

    def done(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        target, secret = dialog.target(), dialog.secret()
        if is_server_url(target):
            if secret and dialog.remember_check.isChecked():
                credentials.save_password(target, secret)
            elif not dialog.remember_check.isChecked():
                credentials.forget_password(target)
        reopen(window, target, secret or None)

    dialog.finished.connect(done)
    dialog.open()
    window.open_catalogue_dialog = dialog
    return dialog


def reopen(window: QWidget, target: str, secret: str | None = None) -> QWidget | None:  # noqa: ANN001 - the MainWindow
    """A new window on ``target``; the old one closes and lets go of its catalogue. On failure the old window stays
    and a message says why. Returns the new window (None on failure)."""
    from archive_desk.errors import UserError
    from archive_desk.ui import live
    from archive_desk.ui.main_window import MainWindow

    old = window.ctx
    build_context = window.context_builder  # (the composition root's: app.build_context)
    try:
        if build_context is None:
            raise RuntimeError("this window cannot open another catalogue")
        ctx = build_context(target, old.settings, old.settings_path, secret=secret)
    except Exception as exc:
        log.warning("cannot open the catalogue %s", credentials.without_password(target)
                    if is_server_url(target) else target, exc_info=True)
        text = str(exc) if isinstance(exc, UserError) else QApplication.translate(
            "OpenCatalogueDialog", "The catalogue could not be opened:\n%1").replace("%1", _reason(exc))
        box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("OpenCatalogueDialog", "Open a catalogue"), text,
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("openCatalogueError")
        box.open()
        return None
    old.settings.default_catalogue = target  # (a server URL here never holds the password)
    old.save_settings()
    new = MainWindow(ctx)
    new.context_builder = build_context
    new.live_watch = live.start(new, ctx)
    new.show()
    window.close()
    old.db.dispose()
    return new


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else type(exc).__name__
