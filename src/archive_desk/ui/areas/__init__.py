"""The room's areas shown in the main window's navigation, in order.

Each entry is ``(area id, module)``; a module provides ``create(ctx, parent) -> Area``. Areas not built
yet are simply not listed (hidden, not dead).
"""

from __future__ import annotations

AREAS: list[tuple[str, str]] = [
    ("catalogue", "archive_desk.ui.areas.catalogue"),
]
