"""When the catalogue cannot be opened: say which file and what is wrong, and offer a way on.

Shown by the composition root (``app.run_gui``) instead of a silent exit: open another catalogue, open the
newest verified backup (read-only, so nothing is written to it by accident), or quit. Also the read-only
state of a catalogue that opened on read-only media.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import CatalogueFileError, UserError


class OpenFailedDialog(QDialog):
    """The choice after a failed open; ``choice`` is ``"other"``, ``"backup"`` or ``"quit"`` and ``path`` the
    catalogue to try next (None to quit)."""

    def __init__(self, error: UserError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openFailedDialog")
        self.setWindowTitle(self.tr("ArchiveDesk: the catalogue cannot be opened"))
        self.choice = "quit"
        self.path: Path | None = None
        self._failed: Path | None = Path(str(error.path)) if isinstance(error, CatalogueFileError) else None
        self.backup: Path | None = (Path(str(error.backup)) if isinstance(error, CatalogueFileError) and error.backup
                                    else None)

        layout = QVBoxLayout(self)
        self.message = QLabel(str(error), self)
        self.message.setObjectName("openFailedMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        if self.backup is not None:
            note = QLabel(self.tr("The newest verified backup, %1, can be opened read-only to look things up.")
                          .replace("%1", str(self.backup)), self)
            note.setWordWrap(True)
            layout.addWidget(note)

        buttons = QDialogButtonBox(self)
        self.open_other = QPushButton(self.tr("Open another catalogue…"), self)
        buttons.addButton(self.open_other, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_other.clicked.connect(self._on_open_other_clicked)
        self.open_backup: QPushButton | None = None
        if self.backup is not None:
            self.open_backup = QPushButton(self.tr("Open the backup (read-only)"), self)
            buttons.addButton(self.open_backup, QDialogButtonBox.ButtonRole.AcceptRole)
            self.open_backup.clicked.connect(self._on_open_backup_clicked)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def ask_for_file(self) -> str:
        """The file chooser (tests replace this)."""
        start = str(self._failed.parent) if self._failed else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a catalogue"), start,
                                              self.tr("Catalogues (*.sqlite *.db);;All files (*)"))
        return path

    def _on_open_other_clicked(self) -> None:
        chosen = self.ask_for_file()
        if not chosen:
            return
        self.choice, self.path = "other", Path(chosen)
        self.accept()

    def _on_open_backup_clicked(self) -> None:
        self.choice, self.path = "backup", self.backup
        self.accept()


def show_read_only_state(window: QMainWindow) -> QLabel:
    """A visible read-only state: the window title says so and the status bar keeps a label that explains it."""
    label = QLabel(QCoreApplication.translate("OpenFailedDialog", "Read-only: saving is off"), window)
    label.setObjectName("readOnlyBadge")
    label.setStyleSheet("QLabel { color: #8a1c1c; font-weight: bold; padding: 0 6px; }")
    label.setToolTip(QCoreApplication.translate(
        "OpenFailedDialog", "This catalogue is on read-only media or in a folder that cannot be written. Search,"
                            " printing and export work; changes cannot be saved."))
    window.statusBar().addPermanentWidget(label)
    window.setWindowTitle(window.windowTitle() + " " + QCoreApplication.translate("OpenFailedDialog", "[read-only]"))
    return label
