"""Background work on the global QThreadPool.

A job is a plain callable run in a worker thread (it opens its own Session); its result or exception
comes back on the GUI thread through signals. Each job carries a generation number so that a view can
drop stale results (a newer search was started meanwhile).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    progressed = Signal(int, int, int)


#: jobs started and not finished yet (so that quitting can ask them to stop and wait for them)
_live: set[_Job] = set()


#: how long quitting waits for background work (a snapshot of a million volumes takes a few seconds)
SHUTDOWN_WAIT_MS = 30_000


def shutdown(timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
    """Before the application exits: ask every running job that can stop to stop, then wait for all of
    them (a worker thread still running while Python and Qt tear down aborts the process). True when
    every job has finished; after ``timeout_ms`` the exit goes on (a write still open is then rolled
    back by SQLite, never half-kept) and the jobs left are logged."""
    for job in list(_live):
        job.cancelled = True
    if QThreadPool.globalInstance().waitForDone(timeout_ms):
        return True
    log.warning("quitting with %d background job(s) still running: %s", len(_live),
                ", ".join(getattr(job.fn, "__qualname__", repr(job.fn)) for job in list(_live)))
    return False


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.generation = generation
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress
        self.cancelled = False
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._run()
        finally:
            _live.discard(self)

    def _run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self.signals.progressed.emit(self.generation, done, total),
                                 lambda: self.cancelled)
            else:
                result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(self.generation, exc, traceback.format_exc())
            return
        self.signals.finished.emit(self.generation, result)


class Runner(QObject):
    """Runs one kind of job at a time for its owner; newer jobs make older results stale."""

    finished = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._current: _Job | None = None
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progressed.connect(self._on_progressed)

    def start(self, fn: Callable[..., Any], *, with_progress: bool = False) -> int:
        """Run ``fn()`` (or ``fn(progress, should_cancel)``) in the pool; returns its generation."""
        self.cancel()
        self._generation += 1
        job = _Job(self._generation, fn, self._signals, with_progress)
        self._current = job
        _live.add(job)
        QThreadPool.globalInstance().start(job)
        return self._generation

    def cancel(self) -> None:
        if self._current is not None:
            self._current.cancelled = True

    @property
    def busy(self) -> bool:
        return self._current is not None

    def _on_finished(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._current = None
            self.finished.emit(result)

    def _on_failed(self, generation: int, exc: object, tb: str) -> None:
        if generation == self._generation:
            self._current = None
            log.debug("background job failed: %s", tb)
            self.failed.emit(exc, tb)

    def _on_progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progressed.emit(done, total)
