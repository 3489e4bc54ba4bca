"""Colleagues' work shows in this window without F5: what other workstations changed goes out on the one app-wide
``hub(ctx).changed`` signal, the same path this window's own writes take (ui/ops.py), so every screen refreshes
the way it does after its own save.

On the room's server a listener thread hears the server's notices (``services/live.py`` ServerListener) and hands
them to the GUI thread through a queued signal; on a file on this PC a timer asks every :data:`POLL_MS` whether
another connection committed (``PRAGMA data_version``) and reads the trail since. A read-only catalogue is
watched the same way (another PC may be writing to it)."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from archive_desk.services import live
from archive_desk.services.ops import OpChanges
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import hub

log = logging.getLogger(__name__)

#: how often a file catalogue is asked whether another connection wrote (ms)
POLL_MS = 700


class LiveWatch(QObject):
    """Started by the main window (``start(window, ctx)``), stopped when it is destroyed or by :meth:`stop`."""

    #: from the listener thread: changes of another workstation (delivered on the GUI thread: queued)
    heard = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.file_watch: live.FileWatch | None = None
        self.listener: live.ServerListener | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.heard.connect(self._emit)

    def start(self) -> None:
        try:
            if self.ctx.db.is_sqlite:
                self.file_watch = live.FileWatch(self.ctx.db)
                self.timer.start()
            else:
                self.listener = live.ServerListener(self.ctx.db, self.heard.emit)
                self.listener.start()
        except Exception:
            log.exception("cannot watch the catalogue for other workstations' changes")

    def poll(self) -> None:
        if self.file_watch is None:
            return
        try:
            changes = self.file_watch.poll()
        except Exception:
            log.debug("live poll failed", exc_info=True)
            return
        self._emit(changes)

    def _emit(self, changes: object) -> None:
        if isinstance(changes, OpChanges) and changes and shiboken6.isValid(self):
            hub(self.ctx).changed.emit(changes)

    def stop(self) -> None:
        self.timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self.file_watch is not None:
            self.file_watch.close()
            self.file_watch = None


def start(parent: QObject, ctx: AppContext) -> LiveWatch:
    watch = LiveWatch(ctx, parent)
    watch.start()
    parent.destroyed.connect(lambda *_: watch.stop())
    return watch
