"""First start: where does the room keep its catalogue?

Asked once, when no catalogue is configured and none exists at the embedded default path
(``catalogue_place.should_ask``). Proposes 文档\\ArchiveDesk; a folder on a network share is refused (the
catalogue would open read-only) and a synced folder (OneDrive …) is warned about, each with a local folder
proposed in one click. The choice is remembered in the workstation settings (``default_catalogue``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk import catalogue_place
from archive_desk.settings import Settings
from archive_desk.ui.save_dialog import documents_folder


class FirstStartDialog(QDialog):
    def __init__(self, documents: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(self.tr("Where does the room keep its catalogue?"))
        self.setMinimumWidth(640)
        intro = QLabel(self.tr(
            "ArchiveDesk keeps the room's catalogue (every volume, loan and label) in one file. Choose a folder "
            "that your backups include; the catalogue file is created there."), self)
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(str(catalogue_place.proposed(documents or documents_folder())), self)
        self.folder_edit.setObjectName("catalogueFolder")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.warning = QLabel(self)
        self.warning.setObjectName("folderWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a35a00;")
        self.local_button = QPushButton(self)
        self.local_button.setObjectName("useLocalFolder")
        self.local_button.clicked.connect(self._on_local_button_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(self.local_button)
        layout.addWidget(self.buttons)
        self.folder_edit.textChanged.connect(self._check)
        self._check()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def catalogue(self) -> Path:
        return self.folder() / catalogue_place.CATALOGUE_FILE

    def _check(self) -> None:
        text = self.folder_edit.text().strip()
        found = catalogue_place.problem(self.folder()) if text else None
        local = catalogue_place.local_alternative()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text) and Path(text).is_absolute() and found != "network")
        if found == "network":
            self.warning.setText(self.tr(
                "This folder is on a network drive. A catalogue there opens read-only: SQLite cannot be shared "
                "safely over a network. Choose a folder on this PC (share a catalogue through the room's server)."))
        elif found == "sync":
            self.warning.setText(self.tr(
                "This folder is synchronised by OneDrive or another sync client. A sync client copying the catalogue "
                "while it is being written can damage it. Choose a folder that is not synchronised, and let the "
                "automatic backups go to the synchronised folder instead."))
        else:
            self.warning.setText("")
        self.warning.setVisible(found is not None)
        self.local_button.setText(self.tr("Use %1 instead").replace("%1", str(local)))
        self.local_button.setVisible(found is not None and local != self.folder())
        self._local = local

    def _on_local_button_clicked(self) -> None:
        self.folder_edit.setText(str(self._local))

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(str(Path(chosen) / catalogue_place.FOLDER_NAME)
                                     if Path(chosen).name != catalogue_place.FOLDER_NAME else chosen)


def ask_catalogue(settings: Settings, settings_path: Path | None, parent: QWidget | None = None) -> Path | None:
    """The first-start question; the chosen catalogue (remembered in the settings), or None if cancelled."""
    dialog = FirstStartDialog(parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.folder().mkdir(parents=True, exist_ok=True)
    settings.default_catalogue = str(dialog.catalogue())
    settings.save(settings_path)
    return dialog.catalogue()
