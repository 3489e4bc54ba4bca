"""What an area of the main window offers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from archive_desk.ui.context import AppContext


class Area(QWidget):
    """One area (catalogue, shelves, lending …) in the main window's stack."""

    #: text for the status bar
    statusChanged = Signal(str)
    #: the navigation badge changed (e.g. number of overdue loans; "" for none)
    badgeChanged = Signal(str)

    area_id = "area"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def activated(self) -> None:
        """Called when the user switches to this area."""

    def refresh(self) -> None:
        """F5."""

    def handle_scan(self, text: str) -> bool:
        """A barcode scan arrived while this area is shown; return True if it was handled."""
        return False

    def save_state(self) -> dict[str, object]:
        return {}

    def restore_state(self, state: dict[str, object]) -> None:
        return None
