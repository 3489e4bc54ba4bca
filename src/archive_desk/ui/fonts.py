"""Register the shipped Chinese font with Qt, so screens never show empty boxes on a machine
without Chinese fonts; it is added as a fallback behind the system's own UI font."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase


def register_fonts() -> list[str]:
    families: list[str] = []
    folder = resources.files("archive_desk") / "resources" / "fonts"
    if not folder.is_dir():
        return families
    for entry in folder.iterdir():
        if entry.name.lower().endswith((".ttf", ".ttc", ".otf")):
            font_id = QFontDatabase.addApplicationFont(str(entry))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        QFont.insertSubstitutions(QFont().family(), families)
    return families
