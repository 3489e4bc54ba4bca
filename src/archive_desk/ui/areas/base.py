"""What an area of the main window offers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from archive_desk.services.ops import OpChanges
from archive_desk.ui import ops
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
        #: a write elsewhere changed what this area shows while it was hidden: it reloads when shown
        self.stale = False
        ops.hub(ctx).changed.connect(self._on_ops_changed)

    def _on_ops_changed(self, changes: object) -> None:
        if isinstance(changes, OpChanges):
            self.catalogue_changed(changes)

    def catalogue_changed(self, changes: OpChanges) -> None:
        """A write (``ui/ops.run_op``) changed the catalogue. By default a hidden area marks itself stale and
        reloads when next shown; a shown one leaves it to the write's own ``on_success``. Areas that can do better
        (the catalogue repaints just the changed rows) override this."""
        if not self.isVisible():
            self.stale = True

    def refresh_if_stale(self) -> None:
        """Called by the main window when the area is shown."""
        if self.stale:
            self.stale = False
            self.refresh()

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
