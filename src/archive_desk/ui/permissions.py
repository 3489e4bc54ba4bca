"""What the logged-in role cannot do is disabled in the window, with a tooltip saying why.

The services refuse it anyway (the write path checks every operation: services/permissions.py); this only spares
a person the refusal. ``guard(action_or_button, ctx.actor, "catalogue.void_volume")`` disables it for good: code
that enables it later (a selection changed) is undone at once.

Every area, page, panel and dialog says which of its buttons and actions run which operation, in one place:

- a class attribute ``GUARDS = {"save_button": "catalogue.update_volume", …}`` (attribute name, a dotted path of
  attributes such as ``form.save_button``, or the object name of a child action or button, -> the operation; a tuple of operations means "allowed if any of them is"),
- and, where it depends on the instance, a method ``guarded()`` returning ``(widget or action, operation)`` pairs.

:func:`install` (called by ``accounts_ui`` when the window opens with a logged-in account) guards the whole window
at once and then every widget that declares guards when it is first shown: areas built later, pages built when
opened, dialogs. A role may still look everywhere it is shown (search, view, print); only writes are disabled.
``tests/ui/test_ui_gating.py`` checks that every write in ``ui/`` is declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from archive_desk.services import permissions
from archive_desk.services.audit import Actor

_REFUSED = "archiveDeskRefused"
_WALKED = "archiveDeskGuardsWalked"

# one declaration: an operation, or operations of which any one allows it
type Ops = str | tuple[str, ...]
type Target = QAction | QAbstractButton | QWidget


def _ops(action: Ops) -> tuple[str, ...]:
    return (action,) if isinstance(action, str) else tuple(action)


def may(actor: Actor, action: Ops) -> bool:
    return any(permissions.allowed(actor.role, op) for op in _ops(action))


def reason(actor: Actor, action: Ops) -> str:  # noqa: ARG001 - one sentence for every action, for now
    return QCoreApplication.translate("Permissions", "Your role (%1) may not do this.").replace(
        "%1", permissions.role_name(actor.role))


class _KeepDisabled(QObject):
    """Undo any later setEnabled(True) of a refused button."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget) and watched.isEnabled():
            watched.setEnabled(False)
        return False


def guard(target: Target, actor: Actor, action: Ops) -> bool:
    """Disable ``target`` with a tooltip naming the role when ``actor`` may not do ``action``; True if allowed.
    Guarding a target already refused does nothing more."""
    if may(actor, action):
        return True
    if refused(target):
        return False
    text = reason(actor, action)
    target.setProperty(_REFUSED, ",".join(_ops(action)))
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


# ------------------------------------------------------------------------------------ declared guards


def declared_ops(cls: type) -> dict[str, Ops]:
    """The ``GUARDS`` of a class and its bases (a subclass's entry wins)."""
    merged: dict[str, Ops] = {}
    for klass in reversed(cls.__mro__):
        found = klass.__dict__.get("GUARDS")
        if isinstance(found, Mapping):
            merged.update(found)
    return merged


def declares(obj: object) -> bool:
    return bool(declared_ops(type(obj))) or callable(getattr(obj, "guarded", None))


def _find(obj: QObject, name: str) -> Target | None:
    found: object = obj
    for part in name.split("."):  # "form.save_button": an attribute of an attribute
        found = getattr(found, part, None)
    if isinstance(found, (QAction, QWidget)):
        return found
    for kind in (QAction, QWidget):
        child = obj.findChild(kind, name)
        if child is not None:
            return child
    return None


def declared(obj: QObject) -> list[tuple[Target, Ops]]:
    """What ``obj`` declares: (button or action, operation) pairs, those whose widget exists now."""
    pairs: list[tuple[Target, Ops]] = []
    for name, action in declared_ops(type(obj)).items():
        target = _find(obj, name)
        if target is not None:
            pairs.append((target, action))
    more = getattr(obj, "guarded", None)
    if callable(more):
        pairs.extend((target, action) for target, action in more() if target is not None)
    return pairs


def guard_declared(obj: QObject, actor: Actor, extra: Mapping[str, Ops] | None = None) -> None:
    """Guard what ``obj`` declares (and ``extra``: more names of its children and their operations)."""
    pairs = declared(obj)
    for name, action in (extra or {}).items():
        target = _find(obj, name)
        if target is not None:
            pairs.append((target, action))
    for target, action in pairs:
        guard(target, actor, action)


def guard_tree(root: QWidget, actor: Actor) -> None:
    """Guard ``root`` and every widget inside it that declares guards."""
    for widget in [root, *root.findChildren(QWidget)]:
        if declares(widget):
            guard_declared(widget, actor)
            widget.setProperty(_WALKED, True)


def every_declared(root: QWidget) -> Iterable[tuple[QObject, Target, Ops]]:
    """(declaring widget, target, operation) for ``root`` and everything inside it (for tests and the docs)."""
    for widget in [root, *root.findChildren(QWidget)]:
        for target, action in declared(widget):
            yield widget, target, action


class _Gate(QObject):
    """Guards a widget that declares guards when it is shown (areas built late, pages opened, dialogs), if it is
    part of this window."""

    def __init__(self, window: QWidget, actor: Actor) -> None:
        super().__init__(window)
        self.window = window
        self.actor = actor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and declares(watched) \
                and self._ours(watched):
            if watched.property(_WALKED):
                guard_declared(watched, self.actor)  # (widgets it made since: its declared attributes)
            else:
                guard_tree(watched, self.actor)
        return False

    def _ours(self, widget: QWidget) -> bool:
        parent: QWidget | None = widget
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False


def install(window: QWidget, actor: Actor, extra: Mapping[str, Ops] | None = None) -> None:
    """Guard ``window`` for ``actor`` now and every declaring widget of it when shown. An actor without a role (a
    catalogue without accounts) may do everything: nothing to guard."""
    if actor.role is None:
        return
    guard_tree(window, actor)
    if extra:
        guard_declared(window, actor, extra)
    app = QApplication.instance()
    if app is not None:
        gate = _Gate(window, actor)
        app.installEventFilter(gate)
        window.permission_gate = gate  # type: ignore[attr-defined]
