"""Per-workstation settings (Qt-free): language, last catalogue, printer calibration …

Kept as JSON in the platform's user config folder (platformdirs). Window geometry and splitter/column
state are UI state and live in QSettings inside ``ui/``. Room-wide settings (loan period, approval
rules) are in the catalogue itself (``services.room_settings``).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from archive_desk import atomic

APP_NAME = "ArchiveDesk"
APP_AUTHOR = "ArchiveDesk"


def data_dir() -> Path:
    override = os.environ.get("ARCHIVE_DESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("ARCHIVE_DESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_catalogue_path() -> Path:
    """The embedded default catalogue, created on first start."""
    return data_dir() / "catalogue.sqlite"


#: automatic backups (issue #18): minutes between two backups while the app runs (0: none), a backup when
#: the app closes, and how many to keep (one per day / ISO week / month, newest first). They apply only
#: once a backup folder is chosen.
BACKUP_INTERVAL_MINUTES_DEFAULT = 240
BACKUP_AT_EXIT_DEFAULT = True
BACKUP_KEEP_DEFAULT: dict[str, int] = {"daily": 7, "weekly": 4, "monthly": 12}


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


@dataclass
class Settings:
    language: str = ""  # "" = follow the system
    #: the person working at this workstation, printed as 立卷人 / 经办人 on forms (until there are accounts);
    #: "" = none configured: forms leave a blank line for the pen rather than print the login name
    clerk_name: str = ""
    last_catalogue: str = ""
    #: per printer name: {"offset_x_mm": .., "offset_y_mm": .., "creep_mm": ..}
    calibration: dict[str, dict[str, float]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    #: backups of this workstation ("" = no automatic backups; 文件 → 备份 then proposes "backups" beside the catalogue)
    backup_folder: str = ""
    backup_interval_minutes: int = BACKUP_INTERVAL_MINUTES_DEFAULT
    backup_at_exit: bool = BACKUP_AT_EXIT_DEFAULT
    backup_keep: dict[str, int] = field(default_factory=lambda: dict(BACKUP_KEEP_DEFAULT))
    #: a catalogue on the room's server is backed up on the interval by ONE designated PC (this one, when True),
    #: never by every PC at exit
    server_backup_pc: bool = False
    #: what this workstation's barcode scanner sends before / after each code, besides the Enter that ends it
    #: (a scanner can be set to send e.g. a prefix "]" or a suffix Tab "\t"): recognised by the window-wide
    #: scan detector, so a scan is told from typing even with a Chinese input method on
    scanner_prefix: str = ""
    scanner_suffix: str = ""
    #: the catalogue this workstation opens when none is given (chosen at first start; "" = not chosen yet)
    default_catalogue: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        # a value of the wrong type (a hand-edited file, an old version) is dropped for the default, so a
        # setting always has the type declared here (an int is fine where a float is declared)
        known = {k: v for k, v in raw.items()
                 if k in cls.__dataclass_fields__ and _same_type(v, getattr(defaults, k))}
        return cls(**known)

    def save(self, path: Path | None = None) -> None:
        """Written to a temporary file and moved into place, so a crash never leaves half a file."""
        path = path or config_dir() / "settings.json"
        atomic.write_text(path, json.dumps(asdict(self), ensure_ascii=False, indent=2))
