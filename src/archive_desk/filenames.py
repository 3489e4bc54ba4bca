"""File names a person's file system accepts (Qt-free).

Suggested names come from what the clerk typed (a stocktake's name, a fonds, a catalogue's file stem) and
may hold characters Windows refuses in a file name (``\\ / : * ? " < > |``), control characters, trailing
dots or spaces (which Windows silently drops), or be one of the device names Windows reserves (CON, PRN,
AUX, NUL, COM1…COM9, LPT1…LPT9, with any extension). :func:`clean_file_name` makes any of them a name that
can be saved everywhere, keeping everything else (Chinese included) as it was.
"""

from __future__ import annotations

import re

#: characters no Windows file name may hold, and control characters
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
#: device names Windows reserves, whatever the extension and the case
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                     | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")})
#: longest name kept (Windows allows 255 UTF-16 units in one path component; leave room for a ".part" suffix)
MAX_LENGTH = 200


def clean_file_name(name: str, fallback: str = "file") -> str:
    """``name`` with every character Windows refuses replaced by ``_``, no trailing dots or spaces, not a
    reserved device name, at most :data:`MAX_LENGTH` characters (the extension kept), never empty."""
    cleaned = _FORBIDDEN.sub("_", name).strip(" ")
    cleaned = cleaned.rstrip(". ")
    if len(cleaned) > MAX_LENGTH:
        stem, dot, ext = cleaned.rpartition(".")
        if dot and 0 < len(ext) <= 10 and stem:
            cleaned = stem[: MAX_LENGTH - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            cleaned = cleaned[:MAX_LENGTH].rstrip(". ")
    if not cleaned:
        cleaned = fallback
    if cleaned.split(".", 1)[0].rstrip(" ").upper() in RESERVED:
        cleaned = "_" + cleaned
    return cleaned
