"""What every screen gets from the composition root (app.py): the catalogue, who is working, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive_desk.db.engine import Database
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings


@dataclass
class AppContext:
    db: Database
    actor: Actor
    settings: Settings
    catalogue_path: Path
    settings_path: Path | None = None
    #: per-area extras (services objects, caches) keyed by area id
    extras: dict[str, object] = field(default_factory=dict)

    def save_settings(self) -> None:
        self.settings.save(self.settings_path)
