"""What an area of the main window offers."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from archive_desk.services.ops import OpChanges
from archive_desk.ui import ops
from archive_desk.ui.context import AppContext


@runtime_checkable
class AreaHost(Protocol):
    """What an area may ask of the window that holds it (the main window): the seams between areas.

    An area reaches another one only through these, never by looking up another area's attributes."""

    def catalogue_selection(self) -> list[int]:
        """The ids of the volumes selected in the catalogue (its current row if none is selected)."""
        ...

    def current_volume_id(self) -> int | None:
        """The volume the catalogue shows (its current row), or None."""
        ...

    def open_volume(self, area_id: str, volume_id: int) -> bool:
        """Show the area and the volume in it; False if the area cannot show it (and says why)."""
        ...

    def show_area(self, area_id: str) -> Area:
        """Show an area (KeyError if the window does not list it); the welcome page's ways in use it."""
        ...

    def open_import_wizard(self) -> None:
        """Open the wizard that imports a register (登记表)."""
        ...


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
        #: the window holding this area, set by the main window when it lists the area (None on its own)
        self.host: AreaHost | None = None
        #: a write elsewhere changed what this area shows while it was hidden: it reloads when shown
        self.stale = False
        ops.hub(ctx).changed.connect(self._on_ops_changed)

    def _on_ops_changed(self, changes: object) -> None:
        if isinstance(changes, OpChanges):
            self.catalogue_changed(changes)

    def catalogue_changed(self, changes: OpChanges) -> None:  # noqa: ARG002 - the signature is fixed by the base class
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

    def handle_scan(self, text: str) -> bool:  # noqa: ARG002 - the signature is fixed by the base class
        """A barcode scan arrived while this area is shown; return True if it was handled."""
        return False

    def menu_actions(self) -> list[QAction]:
        """Actions the window also puts in its menus (the catalogue's new volume, export …)."""
        return []

    def show_volume(self, volume_id: int) -> bool:  # noqa: ARG002 - the signature is fixed by the base class
        """Another area asks this one to show a volume (``AreaHost.open_volume``); False if it cannot."""
        return False

    def selected_volume_ids(self) -> list[int]:
        """The volumes selected in this area, for the other areas (the catalogue has some)."""
        return []

    def current_volume_id(self) -> int | None:
        """The volume this area shows, for the other areas (the catalogue has one)."""
        return None

    def save_state(self) -> dict[str, object]:
        return {}

    def restore_state(self, state: dict[str, object]) -> None:  # noqa: ARG002 - the signature is fixed by the base class
        return None


def area_host(widget: QWidget) -> AreaHost | None:
    """The host of the area ``widget`` is part of (a page or panel inside an area), or None."""
    parent: QWidget | None = widget
    while parent is not None and not isinstance(parent, Area):
        parent = parent.parentWidget()
    return parent.host if parent is not None else None
