"""The one way the window writes: ``run_op(parent, fn, *args, on_success=…)``.

``fn(session, *args, **kwargs)`` runs in a worker thread inside its own ``db.write()`` session (sessions are not
thread-safe, so the session is opened in the worker), one write at a time and in the order they were asked for.
When it is done:

- a :class:`~archive_desk.errors.UserError` is shown once, in the clerk's language (:func:`show_error`), unless
  ``on_error`` takes it; anything else is a bug and goes to the crash box;
- what the write changed (``services.ops.OpChanges``, collected from the session's flushes) goes out on the one
  app-wide :attr:`OpsHub.changed` signal (``hub(ctx).changed``): the catalogue repaints just the changed rows,
  other areas mark themselves stale and reload when shown;
- ``on_success(result)`` runs on the GUI thread (skipped when ``parent`` was closed meanwhile).

The GUI thread never waits for the catalogue's write lock. When another workstation holds it for more than
:data:`WAIT_NOTICE_S`, the window shows "Waiting for another workstation…" with Cancel and keeps working; Cancel
abandons the write before it began (nothing written). A ``key`` makes a request that is already queued or running
ignore its repeats (a double click on Renew).

``fn`` runs off the GUI thread: it must not touch widgets. Read what it needs from them (and translate texts)
before calling ``run_op``.
"""

from __future__ import annotations

import collections
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk.db.engine import WriteAbandoned
from archive_desk.errors import UserError
from archive_desk.services.ops import OpChanges, changes_of
from archive_desk.ui import workers
from archive_desk.ui.context import AppContext

log = logging.getLogger(__name__)

#: a write kept waiting for another workstation's lock this long says so (seconds)
WAIT_NOTICE_S = 0.5

#: writes queued or running, in every window (tests wait for none)
_pending: list[OpRun] = []


def pending() -> int:
    return len(_pending)


class OpsHub(QObject):
    """One per open catalogue (``hub(ctx)``): the queue of writes and the app-wide ``changed`` signal."""

    #: what a write changed (``services.ops.OpChanges``)
    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._queue: collections.deque[OpRun] = collections.deque()
        self._running: OpRun | None = None

    def submit(self, run: OpRun) -> None:
        self._queue.append(run)
        self._next()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        run = self._queue.popleft()
        self._running = run
        run.finished.connect(self._on_run_finished)
        run.start()

    def _on_run_finished(self) -> None:
        self._running = None
        self._next()

    def running_keys(self) -> set[str]:
        runs = list(self._queue) + ([self._running] if self._running is not None else [])
        return {r.key for r in runs if r.key}


def hub(ctx: AppContext) -> OpsHub:
    found = ctx.extras.get("ui.ops.hub")
    if not isinstance(found, OpsHub):
        found = OpsHub()
        ctx.extras["ui.ops.hub"] = found
    return found


class _JobSignals(QObject):
    waiting = Signal()
    writing = Signal()
    done = Signal(object, object, object, str)  # result, changes, exception, traceback


class _WriteJob(QRunnable):
    def __init__(self, run: OpRun) -> None:
        super().__init__()
        self.run_ = run
        self.fn = run.fn  # (workers.shutdown logs this name)
        self.cancelled = False  # workers.shutdown sets it: a write still waiting for the lock is abandoned
        self.noticed = False
        self.setAutoDelete(True)

    def _waiter(self, seconds: float) -> bool:
        if self.cancelled or self.run_.cancel_requested:
            return False
        if seconds >= WAIT_NOTICE_S and not self.noticed:
            self.noticed = True
            self.run_.signals.waiting.emit()
        return True

    def run(self) -> None:
        run = self.run_
        try:
            with run.db.write(waiting=self._waiter) as session:
                run.signals.writing.emit()
                result = run.fn(session, *run.args, **run.kwargs)
            changes = changes_of(session)
        except WriteAbandoned as exc:
            run.signals.done.emit(None, None, exc, "")
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            run.signals.done.emit(None, None, exc, traceback.format_exc())
        else:
            run.signals.done.emit(result, changes, None, "")
        finally:
            workers._live.discard(self)  # noqa: SLF001 - the same bookkeeping as every background job


class OpRun(QObject):
    """One requested write: queued, waiting for the lock, writing, then done (``succeeded`` / ``failed`` /
    ``cancelled``). ``finished`` fires once in every case."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 *, on_success: Callable[[Any], object] | None, on_error: Callable[[BaseException], bool] | None,
                 busy_text: str, key: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.db = ctx.db
        self.parent_widget = parent
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.on_success = on_success
        self.on_error = on_error
        self.busy_text = busy_text
        self.key = key
        self.done = False
        self.cancelled = False
        self.cancel_requested = False
        self.result: object = None
        self.error: BaseException | None = None
        self.changes = OpChanges()
        self.wait_dialog: WaitDialog | None = None
        self.signals = _JobSignals()
        self.signals.waiting.connect(self._on_waiting)
        self.signals.writing.connect(self._close_wait_dialog)
        self.signals.done.connect(self._on_done)

    def start(self) -> None:
        job = _WriteJob(self)
        workers._live.add(job)  # noqa: SLF001
        QThreadPool.globalInstance().start(job)

    def cancel(self) -> None:
        """Abandon the write if it has not begun (it is waiting for the lock); one already writing completes."""
        self.cancel_requested = True

    def _alive_parent(self) -> QWidget | None:
        p = self.parent_widget
        return p if p is not None and shiboken6.isValid(p) else None

    def _on_waiting(self) -> None:
        if self.done:
            return
        dialog = WaitDialog(self.busy_text, self._alive_parent())
        dialog.cancelRequested.connect(self.cancel)
        self.wait_dialog = dialog
        dialog.show()

    def _close_wait_dialog(self) -> None:
        if self.wait_dialog is not None and shiboken6.isValid(self.wait_dialog):
            self.wait_dialog.hide()  # (not close(): that would ask reject(), i.e. Cancel)
            self.wait_dialog.deleteLater()
        self.wait_dialog = None

    def _on_done(self, result: object, changes: object, exc: object, tb: str) -> None:
        self._close_wait_dialog()
        self.done = True
        if self in _pending:
            _pending.remove(self)
        try:
            if isinstance(exc, WriteAbandoned):
                self.cancelled = True
                log.info("write abandoned while waiting for the lock: %s", getattr(self.fn, "__qualname__", self.fn))
            elif isinstance(exc, BaseException):
                self.error = exc
                if tb:
                    log.debug("write failed: %s", tb)
                self.failed.emit(exc)
                handled = self.on_error is not None and self.on_error(exc)
                if not handled:
                    show_error(self._alive_parent(), exc)
            else:
                self.result = result
                if isinstance(changes, OpChanges):
                    self.changes = changes
                    if changes:
                        hub(self.ctx).changed.emit(changes)
                if self.on_success is not None and (self.parent_widget is None or self._alive_parent() is not None):
                    self.on_success(result)
                self.succeeded.emit(result)
        finally:
            self.finished.emit()


def run_op(parent: QWidget | None, fn: Callable[..., Any], *args: Any, ctx: AppContext | None = None,
           on_success: Callable[[Any], object] | None = None, on_error: Callable[[BaseException], bool] | None = None,
           busy_text: str = "", key: str = "", **kwargs: Any) -> OpRun | None:
    """Run the write ``fn(session, *args, **kwargs)`` off the GUI thread (see the module's text). ``ctx`` defaults
    to the nearest ``ctx`` of ``parent`` and its parents. ``on_error(exc)`` returning True takes a failure instead of
    the message box. Returns the run, or None when a run with the same ``key`` is still queued or running."""
    ctx = ctx or _find_ctx(parent)
    ops_hub = hub(ctx)
    if key and key in ops_hub.running_keys():
        log.info("write %s already under way: repeat ignored", key)
        return None
    run = OpRun(ctx, parent, fn, args, kwargs, on_success=on_success, on_error=on_error, busy_text=busy_text, key=key)
    _pending.append(run)
    ops_hub.submit(run)
    return run


def announce(ctx: AppContext, changes: OpChanges) -> None:
    """A write that runs in a worker of its own rather than through :func:`run_op` (an import, a backup, a restore)
    tells the window what it changed, on the same ``hub(ctx).changed`` signal."""
    if changes:
        hub(ctx).changed.emit(changes)


def _find_ctx(widget: QObject | None) -> AppContext:
    while widget is not None:
        found = getattr(widget, "ctx", None)
        if isinstance(found, AppContext):
            return found
        widget = widget.parent()
    raise ValueError("run_op needs ctx= or a parent widget with a ctx")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A failed write, shown once: a ``UserError`` as a message in the clerk's language (not blocking the window),
    anything else in the crash box."""
    if not isinstance(exc, UserError):
        from archive_desk.ui.crash import show_bug

        show_bug(parent, type(exc), exc, exc.__traceback__)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("crash", "ArchiveDesk"), str(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("opErrorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class WaitDialog(QDialog):
    """"Waiting for another workstation…" with Cancel, while a write waits for the catalogue's lock."""

    cancelRequested = Signal()

    def __init__(self, busy_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opWaitDialog")
        self.setWindowTitle(self.tr("Saving"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        if busy_text:
            layout.addWidget(QLabel(busy_text, self))
        self.message = QLabel(self.tr("Waiting for another workstation…"), self)
        self.message.setObjectName("opWaitMessage")
        layout.addWidget(self.message)
        hint = QLabel(self.tr("Another workstation is saving to the catalogue. This saves as soon as it is done; "
                              "Cancel leaves the catalogue as it is."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setObjectName("opWaitCancel")
        buttons.rejected.connect(self._on_cancel)
        layout.addWidget(buttons)

    def _on_cancel(self) -> None:
        self.message.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)
        self.cancelRequested.emit()

    def reject(self) -> None:  # Esc or the close box: the same as Cancel; the dialog closes when the write stops
        if self.cancel_button.isEnabled():
            self._on_cancel()


def say_in(label: QLabel) -> Callable[[BaseException], bool]:
    """``on_error`` for a form that shows problems under its fields: a ``UserError``'s message goes into ``label``."""

    def show(exc: BaseException) -> bool:
        if isinstance(exc, UserError) and shiboken6.isValid(label):
            label.setText(str(exc))
            return True
        return False

    return show
