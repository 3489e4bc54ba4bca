"""F1: the short guide shipped with the app (``resources/help/guide.<lang>.md``), shown in-app at the section of
the area on screen.

Sections are level-2 headings carrying an id, ``## 借阅 {#lending}``; the id is taken out before the Markdown is
rendered (QTextDocument does not know the syntax) and remembered with the heading's text, so that the browser can
scroll to it. An area's section is its area id (:data:`AREA_SECTIONS` for the others).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archive_desk.i18n import is_chinese

GUIDE_DIR = Path(__file__).resolve().parents[1] / "resources" / "help"
#: the section of an area whose id is not its section's
AREA_SECTIONS = {"admin": "setup"}
FIRST_SECTION = "first-day"

_HEADING = re.compile(r"^(##\s+)(.*?)\s*\{#([\w-]+)\}\s*$", re.MULTILINE)


def guide_path(lang: str) -> Path:
    return GUIDE_DIR / f"guide.{'zh_CN' if lang.startswith('zh') else 'en'}.md"


def load_guide(lang: str) -> tuple[str, dict[str, str]]:
    """The guide's Markdown without the section ids, and section id -> heading text."""
    text = guide_path(lang).read_text(encoding="utf-8")
    sections = {m.group(3): m.group(2).strip() for m in _HEADING.finditer(text)}
    return _HEADING.sub(lambda m: f"{m.group(1)}{m.group(2).strip()}", text), sections


def section_for(area_id: str | None) -> str:
    if not area_id:
        return FIRST_SECTION
    return AREA_SECTIONS.get(area_id, area_id)


class HelpDialog(QDialog):
    """The guide, in the language of the screen, not modal (it stays open beside the work)."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("ArchiveDesk guide"))
        self.resize(720, 760)
        self.lang = lang or ("zh_CN" if is_chinese() else "en")
        markdown, self.sections = load_guide(self.lang)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        self.current_section = ""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def show_section(self, section: str) -> bool:
        """Scroll to the section (its heading at the top); False if the guide has no such section."""
        heading = self.sections.get(section) or self.sections.get(FIRST_SECTION)
        if heading is None:
            return False
        doc = self.browser.document()
        # room below the last section, so that any heading can be scrolled to the top
        frame = doc.rootFrame().frameFormat()
        if frame.bottomMargin() < self.browser.viewport().height():
            frame.setBottomMargin(self.browser.viewport().height())
            doc.rootFrame().setFrameFormat(frame)
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.text().strip() == heading:
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                top = doc.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                self.current_section = section if section in self.sections else FIRST_SECTION
                return section in self.sections
            block = block.next()
        return False

    def heading_at_top(self) -> str:
        """The heading of the section shown at the top of the browser (what a person sees first)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid() and block.blockFormat().headingLevel() != 2:
            block = block.previous()
        return block.text().strip() if block.isValid() else ""


def open_help(parent: QWidget, area_id: str | None, dialog: HelpDialog | None = None) -> HelpDialog:
    """Show the guide (reusing ``dialog`` if it is still there) at the section of ``area_id``."""
    if dialog is None:
        dialog = HelpDialog(parent)
    if dialog.isVisible():  # open behind the window: bring it forward
        dialog.raise_()
        dialog.activateWindow()
    dialog.show()
    dialog.show_section(section_for(area_id))
    return dialog
