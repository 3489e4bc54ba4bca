"""Small files written whole or not at all: settings, manifests, anchors.

The text goes to a temporary file in the same folder, is flushed and fsynced, then moved over the target
(``os.replace`` is atomic on Windows and POSIX within one folder), so a crash or a full disk never leaves half
a file behind; the temporary file goes on any failure. Workbooks and PDFs, which Excel or a viewer may hold
open, have their own path with a clear message (``exporting/filesafe.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
