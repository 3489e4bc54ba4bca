"""ArchiveDesk 档案室桌面管理."""

__version__ = "0.1.0"

import time as _time

#: when the package was first imported: the start of the process, near enough (``--quit-after-first-paint``)
STARTED_AT = _time.monotonic()
