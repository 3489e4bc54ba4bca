"""Moved: writing a file safely lives in :mod:`archive_desk.filesafe` (printing uses it as well as exporting).

Kept so that existing ``archive_desk.exporting.filesafe`` imports keep working: this name is the very same
module object (monkeypatching it patches the real functions)."""

import sys

from archive_desk.filesafe import *  # noqa: F403 - the names, for readers and tools
from archive_desk import filesafe as _filesafe

sys.modules[__name__] = _filesafe
