"""文件 → 室密钥…: whether this PC holds the catalogue's room key, entering it from the recovery sheet, and
printing that sheet (services/integrity.py; what the key is for: docs/tamper-evidence.md).

A PC without the key of a sealed catalogue saves nothing, so when the window opens such a catalogue for writing
the dialog comes up by itself and says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import integrity
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.save_dialog import get_save_file_name


class RoomKeyDialog(QDialog):
    #: the key was stored: saving works again
    keyStored = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("roomKeyDialog")
        self.setWindowTitle(self.tr("Room key"))
        self.resize(640, 280)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("roomKeyEdit")
        self.key_edit.setPlaceholderText(self.tr("64 hexadecimal digits from the recovery sheet, in groups of 4"))
        self.store_button = QPushButton(self.tr("&Store the key on this PC"), self)
        self.store_button.setObjectName("storeRoomKey")
        self.store_button.clicked.connect(self._on_store_clicked)
        self.sheet_button = QPushButton(self.tr("&Print the recovery sheet…"), self)
        self.sheet_button.setObjectName("printRecoverySheet")
        self.sheet_button.clicked.connect(self._on_sheet_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.store_button)
        layout.addWidget(self.sheet_button)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        status = integrity.room_key_status(self.ctx.catalogue_path)
        if status.catalogue_id is None:
            text = self.tr("This catalogue is not sealed yet: it gets its room key with its first change.")
        elif status.held:
            text = self.tr("This PC holds the room key of this catalogue (fingerprint %1). Print the recovery sheet and "
                           "keep it with the room's keys: a new PC needs it.").replace("%1", status.fingerprint)
        else:
            text = self.tr("This catalogue is sealed with a room key that this PC does not hold (fingerprint %1), so "
                           "nothing can be saved here. Type the key from the catalogue's recovery sheet.").replace(
                               "%1", status.fingerprint)
        self.status_label.setText(text)
        self.key_edit.setEnabled(status.missing)
        self.store_button.setEnabled(status.missing)
        self.sheet_button.setEnabled(status.held)

    def _on_store_clicked(self) -> None:
        try:
            integrity.import_room_key(self.ctx.catalogue_path, self.key_edit.text())
        except UserError as exc:
            show_error(self, exc)
            return
        self.key_edit.clear()
        self.refresh()
        self.keyStored.emit()

    def _on_sheet_clicked(self) -> None:
        suggested = f"{self.ctx.catalogue_path.stem}-{self.tr('room key recovery sheet')}.pdf"
        out = get_save_file_name(self, self.tr("Print the recovery sheet"), suggested, self.tr("PDF (*.pdf)"))
        if out:
            self.write_sheet(Path(out))

    def write_sheet(self, out: Path) -> None:
        try:
            integrity.write_recovery_sheet(self.ctx.catalogue_path, out)
        except (UserError, OSError) as exc:
            show_error(self, exc)


def install(window: QWidget, ctx: AppContext, file_menu: QMenu) -> RoomKeyDialog | None:
    """File → 室密钥…; the dialog opens by itself when this PC cannot save to the catalogue for want of its key.
    Returns that dialog, if it opened."""
    holder: dict[str, RoomKeyDialog] = {}

    def open_dialog() -> RoomKeyDialog:
        dialog = RoomKeyDialog(ctx, window)
        holder["dialog"] = dialog
        dialog.open()
        return dialog

    action = file_menu.addAction(QCoreApplication.translate("RoomKeyDialog", "Room &key…"))
    action.setObjectName("roomKeyAction")
    action.triggered.connect(open_dialog)
    if ctx.db.is_sqlite and ctx.catalogue_path.exists() and not ctx.db.read_only and integrity.room_key_status(ctx.catalogue_path).missing:
        return open_dialog()
    return None
