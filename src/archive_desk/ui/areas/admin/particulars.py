"""The room's particulars (单位名称, 档案室名称, telephone, address) with a live preview of a form's header, and a
sample 借阅单 rendered with them."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from archive_desk.i18n import language, t
from archive_desk.services import room_settings, room_setup
from archive_desk.ui.areas.admin.settings_page import SettingsPage
from archive_desk.ui.context import AppContext

KEYS = ("org_name", "room_name", "room_phone", "room_address")


def unit_text(org: str, room: str) -> str:
    """单位名称 + 档案室名称 as forms print them (the same rule as ``RoomSettings.unit_name``)."""
    org, room = org.strip(), room.strip()
    return org if org and room and org.endswith(room) else f"{org}{room}"


class ParticularsPage(SettingsPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.form_language = room_settings.read(ctx.db).form_language
        super().__init__(ctx, KEYS, parent=parent)
        self.setObjectName("particularsPage")
        self.preview = QLabel(self)
        self.preview.setObjectName("headerPreview")
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(120)
        self.preview.setStyleSheet("background: white; color: black; padding: 12px;")
        self.sample_button = QPushButton(self.tr("Preview a loan slip with these particulars…"), self)
        self.sample_button.setObjectName("sampleForm")
        self.sample_button.clicked.connect(self.show_sample_form)
        self.sample_dialog: QWidget | None = None
        heading = QLabel(self.tr("How the header of a form will look:"), self)
        at = self.body.count() - 1  # before the stretch
        for offset, widget in enumerate((heading, self.preview, self.sample_button)):
            self.body.insertWidget(at + offset, widget)
        for editor in self.editors.values():
            editor.edited.connect(self.update_preview)
        self.update_preview()

    def load(self) -> None:
        super().load()
        self.form_language = room_settings.read(self.ctx.db).form_language
        if hasattr(self, "preview"):
            self.update_preview()

    def _typed(self, key: str) -> str:
        return str(self.editors[key].value())

    def update_preview(self) -> None:
        unit = unit_text(self._typed("org_name"), self._typed("room_name")) or self.tr("(no name yet)")
        with language(self.form_language):  # the form's own title, in the language forms print in
            title = t("Archive loan slip")
        lines = [f"<div style='font-size:16pt; font-weight:bold'>{escape(unit)}</div>",
                 f"<div style='font-size:13pt'>{escape(title)}</div>"]
        contact = [x for x in (self._typed("room_address"), self._typed("room_phone")) if x.strip()]
        if contact:
            lines.append(f"<div style='font-size:9pt'>{escape('　'.join(contact))}</div>")
        self.preview.setText("".join(lines))

    def sample_pdf(self) -> bytes:
        with self.ctx.db.read() as session:
            return room_setup.sample_form(session, room_name=self._typed("room_name"), org_name=self._typed("org_name"))

    def show_sample_form(self) -> QWidget:
        from archive_desk.ui.pdf_print import PdfPreviewDialog

        dialog = PdfPreviewDialog(self.sample_pdf(), self.tr("Sample loan slip"), "sample-loan-slip.pdf", self)
        dialog.open()
        self.sample_dialog = dialog
        return dialog
