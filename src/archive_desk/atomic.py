"""Small files written whole or not at all: settings, manifests, anchors.

The text goes to a temporary file in the same folder, is flushed and fsynced, then moved over the target
(``os.replace`` is atomic on Windows and POSIX within one folder), so a crash or a full disk never leaves half
a file behind; the temporary file goes on any failure. Workbooks and PDFs, which Excel or a viewer may hold
open, have their own path with a clear message (``exporting/filesafe.py``).

On Windows an antivirus scanner, the search indexer or a sync client opens a new file for a moment just
after it is written, and ``os.replace`` then fails with WinError 5 or 32 (``PermissionError``).
:func:`replace` retries such a move (and only such a move: other errors are raised at once) for about two seconds with a growing pause, then raises a
:class:`~archive_desk.errors.FileLockedError` naming the file and what may be holding it. Every move into
place in the app goes through it.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from archive_desk.errors import FileLockedError
from archive_desk.i18n import t

#: pauses (seconds) between attempts of a move that a scanner or indexer refuses: about 2 s in all
RETRY_PAUSES = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8)
#: Windows error numbers of a file another program holds: access denied, sharing violation, lock violation
_HELD_WINERRORS = (5, 32, 33)


def _held(exc: OSError) -> bool:
    """Windows' answer when another program has the file open. Elsewhere a refused move is not
    transient (a read-only folder): it is raised at once for the caller's own message."""
    return getattr(exc, "winerror", None) in _HELD_WINERRORS


def replace(src: Path | str, dst: Path | str) -> None:
    """``os.replace(src, dst)``, retried while another program briefly holds either file; a file still held
    after about two seconds raises :class:`FileLockedError` (a UserError) naming it."""
    for pause in (*RETRY_PAUSES, None):
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            if not _held(exc):
                raise
            if pause is None:
                raise FileLockedError(
                    t("{file} is held by another program (an antivirus scanner, Excel or a sync client such as "
                      "OneDrive?) and could not be replaced. Close that program or wait a moment, then try again.",
                      file=str(dst)),
                    where=str(dst),
                ) from exc
            time.sleep(pause)


def write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; ``mode`` sets the file's permission bits where they apply."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
