"""Logging: a rotating file in the user data folder plus an in-memory ring of the last lines for the
crash dialog's "copy details" (after qutebrowser's RAMHandler)."""

from __future__ import annotations

import collections
import logging
import logging.handlers
from pathlib import Path

_ring: collections.deque[str] = collections.deque(maxlen=200)


class RingHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            _ring.append(self.format(record))
        except Exception:  # pragma: no cover  # noqa: BLE001 - anything may fail here and must not stop the caller
            self.handleError(record)


def last_lines(n: int = 50) -> list[str]:
    return list(_ring)[-n:]


def file_path() -> Path | None:
    """The log file being written, if any (named in the start-up failure dialog)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def setup(log_dir: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not any(isinstance(h, RingHandler) for h in root.handlers):
        ring = RingHandler()
        ring.setFormatter(fmt)
        root.addHandler(ring)
    # the file once (a second setup, e.g. the self-test inside a started app, keeps the first file)
    if log_dir is not None and file_path() is None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(log_dir / "archive-desk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
            fh.setFormatter(fmt)
            root.addHandler(fh)
        except OSError:  # a read-only profile: keep the ring only
            pass
    root.setLevel(level)
