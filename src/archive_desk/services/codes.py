"""Moved: the 档号 engine lives in :mod:`archive_desk.domain.codes` (pure, imported by every layer).

Kept so that existing ``archive_desk.services.codes`` imports keep working: this name is the very same module
object as ``archive_desk.domain.codes`` (so private names and monkeypatching behave as before). New code
imports ``archive_desk.domain.codes``."""

import sys

from archive_desk.domain.codes import *  # noqa: F403 - the names, for readers and tools
from archive_desk.domain import codes as _codes

sys.modules[__name__] = _codes
