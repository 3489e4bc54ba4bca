"""Where a workstation keeps its catalogue when nobody said (first start). Qt-free.

The embedded default (``settings.default_catalogue_path``) is in ``%LOCALAPPDATA%``, a hidden folder users'
own backups skip. So the first start asks, proposing ``文档\\ArchiveDesk``, but checks the folder first: on
managed PCs 文档 is often redirected to a network share (SQLite's WAL does not work there: the catalogue
would open read-only) or synced by OneDrive (a sync client copying a live SQLite file mid-write damages
it). Such a folder is flagged and a local one proposed instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from archive_desk.db import network
from archive_desk.settings import data_dir

CATALOGUE_FILE = "catalogue.sqlite"
FOLDER_NAME = "ArchiveDesk"
#: what OneDrive sets for its folders (personal, work or school)
ONEDRIVE_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
#: folder names of sync clients a live catalogue must stay out of
#: (a folder whose name starts with one: "OneDrive", "OneDrive - 某某公司", "Dropbox (Personal)" …)
SYNC_FOLDER_WORDS = ("onedrive", "dropbox", "google drive", "icloud drive", "iclouddrive", "坚果云", "nutstore", "百度网盘",
                     "baidunetdisk")


def _norm(path: Path | str) -> str:
    return os.path.normcase(os.path.normpath(str(path)))


def sync_root(folder: Path, environ: Mapping[str, str] | None = None) -> Path | None:
    """The synced folder ``folder`` lies in (OneDrive through its environment variables, or a folder named
    after a sync client on the way), or None."""
    env = os.environ if environ is None else environ
    here = _norm(folder)
    for var in ONEDRIVE_VARS:
        root = env.get(var)
        if root and (here == _norm(root) or here.startswith(_norm(root).rstrip("\\/") + os.sep)):
            return Path(root)
    parts = Path(folder).parts
    for n, part in enumerate(parts):
        if part.lower().startswith(SYNC_FOLDER_WORDS):
            return Path(*parts[: n + 1])
    return None


def problem(folder: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """``"network"`` (a share: the catalogue would open read-only), ``"sync"`` (a synced folder), or None."""
    if network.is_network_path(folder / CATALOGUE_FILE):
        return "network"
    if sync_root(folder, environ) is not None:
        return "sync"
    return None


def proposed(documents: Path) -> Path:
    """The folder first proposed: ArchiveDesk in the user's Documents (文档)."""
    return documents / FOLDER_NAME


def local_alternative(environ: Mapping[str, str] | None = None) -> Path:
    """A local folder that is neither a share nor synced: on Windows the PC's public Documents
    (``C:\\Users\\Public\\Documents\\ArchiveDesk``, shared by the PC's users, not redirected), elsewhere
    ``~/ArchiveDesk``; the app's own data folder if those are not local either."""
    env = os.environ if environ is None else environ
    if sys.platform == "win32" and env.get("PUBLIC"):
        candidate = Path(env["PUBLIC"]) / "Documents" / FOLDER_NAME
    else:
        candidate = Path.home() / FOLDER_NAME
    if problem(candidate, env) is None:
        return candidate
    return data_dir()


def should_ask(configured: str, default_file: Path, environ: Mapping[str, str] | None = None) -> bool:
    """Ask only at a real first start: no catalogue configured, none at the embedded default path (a
    workstation that has one keeps it), no data folder given by the environment (tests, scripts), and not
    switched off (``ARCHIVE_DESK_FIRST_START=0``: ``tools/dev.py run`` starts on the embedded default)."""
    env = os.environ if environ is None else environ
    if env.get("ARCHIVE_DESK_FIRST_START") == "0":
        return False
    return not configured and not default_file.exists() and not env.get("ARCHIVE_DESK_DATA_DIR")
