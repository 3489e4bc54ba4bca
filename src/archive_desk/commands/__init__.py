"""Sub-commands of ``archive-desk``, one module per area; each has ``register(subparsers)``.

Every command runs on the same services as the GUI. Help texts are bilingual (中文 / English).
"""

from __future__ import annotations

AREAS = ("core", "check", "importing", "search", "shelves", "labels", "loans", "transfers", "inventory", "room", "backup",
         "server", "users", "retention")
