"""The welcome page a new, empty catalogue shows instead of an empty table: the ways in, each one click away.

导入登记表 (the import wizard), 设置全宗与门类 (the admin area), 设置库房与密集架 (the shelves area), 打开演示目录库
(builds the demo and opens it in a new window of the app) and 连接服务器目录库 (asks for the server and opens the
app on it). The page only asks; the catalogue area decides when it shows (no volumes) and the window does the rest.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk.ui.areas.base import area_host

#: (action id, object name) of the page's buttons, in order
ACTIONS = ("import", "setup", "shelves", "demo", "server")


class WelcomePage(QWidget):
    """``chosen(action)`` with one of :data:`ACTIONS`."""

    chosen = Signal(str)
    # (ui/permissions.py) importing a register writes volumes; the other ways in only open something
    GUARDS: ClassVar[dict[str, str]] = {"welcome_import": "importer.commit"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("The catalogue is empty"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("Start in one of these ways. This page goes away once the catalogue holds its first "
                               "volume; F1 opens the guide."), self)
        intro.setWordWrap(True)
        texts = {
            "import": (self.tr("Import a register"), self.tr("Read the room's Excel or CSV register (登记表) into the catalogue.")),
            "setup": (self.tr("Set up fonds and categories"), self.tr("The room's name for forms, its fonds, categories and 档号 rules.")),
            "shelves": (self.tr("Set up rooms and compact shelving"), self.tr("The storerooms and racks, so that volumes get locations.")),
            "demo": (self.tr("Open the demo catalogue"), self.tr("A catalogue of 1,000 sample volumes to try things out, in a window of its own.")),
            "server": (self.tr("Connect to a server catalogue"), self.tr("Open the room's shared catalogue on its PostgreSQL server.")),
        }
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for row, action in enumerate(ACTIONS):
            button = QPushButton(texts[action][0], self)
            button.setObjectName(f"welcome_{action}")
            button.setMinimumWidth(260)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _checked=False, a=action: self.chosen.emit(a))
            note = QLabel(texts[action][1], self)
            note.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(note, row, 1)
            self.buttons[action] = button
        grid.setColumnStretch(1, 1)
        box = QWidget(self)
        box.setMaximumWidth(820)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class ServerDialog(QDialog):
    """Host, port, database and user of the room's PostgreSQL server; ``url()`` is what ``--db`` takes (the
    password is not put in the URL: libpq asks its password file, or the server's login settings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to a server catalogue"))
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or archive-server"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("archive_desk", self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("serverUser")
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        note = QLabel(self.tr("ArchiveDesk opens again on the server's catalogue; this window stays on this one."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def url(self) -> str:
        from urllib.parse import quote

        user = self.user.text().strip()
        auth = f"{quote(user)}@" if user else ""
        return f"postgresql://{auth}{self.host.text().strip()}:{self.port.value()}/{quote(self.database.text().strip())}"

    def _on_buttons_accepted(self) -> None:
        if self.host.text().strip() and self.database.text().strip():
            self.accept()


def app_command(args: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start ArchiveDesk again with ``args`` (the frozen executable itself, or
    this Python with ``-m archive_desk``)."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(args)
    return sys.executable, ["-m", "archive_desk", *args]


def start_app(args: list[str]) -> bool:
    """Start another window of the app (its own process) with ``args``; False if it could not start."""
    program, arguments = app_command(args)
    return bool(QProcess.startDetached(program, arguments))


def act(area: QWidget, action: str) -> QWidget | None:
    """Carry out one of the welcome page's ways in, from the catalogue ``area`` (through its window)."""
    host = area_host(area)
    if action == "import" and host is not None:
        host.open_import_wizard()
    elif action in ("setup", "shelves") and host is not None:
        try:
            shown = host.show_area("admin" if action == "setup" else "shelves")
        except KeyError:
            return None
        if action == "setup" and hasattr(shown, "show_page"):
            shown.show_page("fonds")
        return shown
    elif action == "demo":
        if not start_app(["--open-demo"]):
            QMessageBox.warning(area, QCoreApplication.translate("WelcomePage", "Demo catalogue"),
                                QCoreApplication.translate("WelcomePage", "The demo could not be started."))
    elif action == "server":
        dialog = ServerDialog(area)
        dialog.accepted.connect(lambda: start_app(["--db", dialog.url()]))
        dialog.open()
        return dialog
    return None
