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
    ("audit", "archive_desk.ui.areas.audit_trail"),
    ("admin", "archive_desk.ui.areas.admin"),
]

#: areas shown only to accounts of these roles (on a catalogue without accounts, to everyone)
ROLES: dict[str, frozenset[str]] = {
    "audit": frozenset({"auditor"}),
}


def shown_to(area_id: str, actor: object) -> bool:
    """Whether the navigation lists ``area_id`` for ``actor`` (an ``audit.Actor``)."""
    roles = ROLES.get(area_id)
    if roles is None or actor is None:
        return True
    role = getattr(actor, "role", None)
    if role is None and getattr(actor, "clearance", None) is None:
        return True  # no accounts: everything is shown
    return role in roles
