"""The room's areas shown in the main window's navigation, in order.

Each entry is ``(area id, module)``; a module provides ``create(ctx, parent) -> Area``. An area whose
module is not there yet is left out of the navigation (hidden, not dead): the main window checks with
``importlib.util.find_spec`` and lists only what it can open.
"""

from __future__ import annotations

AREAS: list[tuple[str, str]] = [
    ("catalogue", "archive_desk.ui.areas.catalogue"),
    ("shelves", "archive_desk.ui.areas.shelves"),
    ("labels", "archive_desk.ui.areas.labels"),
    ("lending", "archive_desk.ui.areas.lending"),
    ("transfers", "archive_desk.ui.areas.transfers"),
    ("stocktake", "archive_desk.ui.areas.stocktake"),
    ("reports", "archive_desk.ui.areas.reports"),
    ("admin", "archive_desk.ui.areas.admin"),
]
