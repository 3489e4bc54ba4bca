"""One window per catalogue on a PC.

Two windows on one catalogue file would each keep their own view of it and their own backups and checks.
The first window on a catalogue listens on a local socket (a named pipe on Windows) named after a hash of
the catalogue's full path; a second start on the same catalogue finds it, asks it to come forward and
exits. A window left behind by a crash leaves at most a stale socket file (POSIX), which the next start
removes.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

MESSAGE = b"raise\n"
CONNECT_MS = 500


def server_name(catalogue: Path) -> str:
    """The socket's name for ``catalogue``: the same for every spelling of the same path on this PC."""
    full = os.path.normcase(str(Path(catalogue).expanduser().resolve()))
    return "ArchiveDesk-" + hashlib.sha256(full.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """The first window's listener (``listen``) and the second start's call to it (``bring_forward_existing``)."""

    activated = Signal()

    def __init__(self, catalogue: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(catalogue)
        self.server: QLocalServer | None = None

    def bring_forward_existing(self) -> bool:
        """True if a window already has this catalogue open: it was asked to come forward."""
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(CONNECT_MS):
                return False
            if sys.platform == "win32":  # let the first window take the focus from us (else only its taskbar button flashes)
                import ctypes

                ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
            socket.write(MESSAGE)
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()
            return True
        finally:
            socket.deleteLater()

    def listen(self, window: QWidget | None = None) -> bool:
        """Answer later starts on this catalogue (bringing ``window`` forward); False if it cannot listen."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket of a window that crashed (nobody answered)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_server_newConnection)
        self.server = server
        if window is not None:
            self.activated.connect(lambda: bring_forward(window))
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None

    def _on_server_newConnection(self) -> None:  # noqa: N802
        assert self.server is not None  # noqa: S101 - narrows the type; the code guarantees it
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_socket_readyRead)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_socket_readyRead(self) -> None:  # noqa: N802
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.activated.emit()


def bring_forward(window: QWidget) -> None:
    """Show ``window`` (restored if minimised), on top and active."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
