"""What the logged-in role cannot do is disabled in the window, with a tooltip saying why.

The services refuse it anyway (the write path checks every operation: services/permissions.py); this only spares
a person the refusal. ``guard(action_or_button, ctx.actor, "catalogue.void_volume")`` disables it for good: code
that enables it later (a selection changed) is undone at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QWidget

from archive_desk.services import permissions
from archive_desk.services.audit import Actor

_REFUSED = "archiveDeskRefused"


def may(actor: Actor, action: str) -> bool:
    return permissions.allowed(actor.role, action)


def reason(actor: Actor, action: str) -> str:  # noqa: ARG001 - one sentence for every action, for now
    return QCoreApplication.translate("Permissions", "Your role (%1) may not do this.").replace(
        "%1", permissions.role_name(actor.role))


class _KeepDisabled(QObject):
    """Undo any later setEnabled(True) of a refused button."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget) and watched.isEnabled():
            watched.setEnabled(False)
        return False


def guard(target: QAction | QAbstractButton | QWidget, actor: Actor, action: str) -> bool:
    """Disable ``target`` with a tooltip naming the role when ``actor`` may not do ``action``; True if allowed."""
    if may(actor, action):
        return True
    text = reason(actor, action)
    target.setProperty(_REFUSED, action)
    target.setEnabled(False)
    target.setToolTip(text)
    if isinstance(target, QAction):
        target.setStatusTip(text)

        def keep() -> None:
            if target.isEnabled():
                target.setEnabled(False)

        target.changed.connect(keep)
    else:
        keeper = _KeepDisabled(target)
        target.installEventFilter(keeper)
    return False


def refused(target: QObject) -> str | None:
    """The action ``target`` was refused for, or None."""
    value = target.property(_REFUSED)
    return str(value) if value else None
