"""Navigation badges that need no area: the main window builds an area on its first show, and keeps
the badge of one not built yet (the lending area's count of overdue loans) itself until then.

A badge function takes the :class:`~archive_desk.ui.context.AppContext` and returns the badge text
("" for none); it imports only what the count needs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from archive_desk.ui.context import AppContext

#: badges are recounted this often (and after each change, by the area once it is built)
BADGE_INTERVAL_MS = 10 * 60 * 1000


def overdue_text(count: int) -> str:
    """The lending area's badge: ``(3 overdue)``, or "" when nothing is overdue."""
    if not count:
        return ""
    return QCoreApplication.translate("LendingArea", "(%1 overdue)").replace("%1", str(count))


def lending_badge(ctx: AppContext) -> str:
    from archive_desk.services import loans  # counted after the window shows

    with ctx.db.read() as session:
        return overdue_text(loans.overdue_count(session))


#: area id -> its badge, for the areas whose navigation item shows one before the area is built
BADGES: dict[str, Callable[[AppContext], str]] = {"lending": lending_badge}
