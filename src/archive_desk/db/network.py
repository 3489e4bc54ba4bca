"""Is a catalogue file on a network drive?

SQLite's WAL documentation: "All processes using a database must be on the same host computer; WAL does not
work over a network filesystem." ``PRAGMA journal_mode=WAL`` may even answer ``wal`` on an SMB or NFS share and
fail or corrupt the file later. So a catalogue file on a network drive is opened read-only, and the room is
pointed to its PostgreSQL server for sharing one catalogue between workstations.

- Windows: a UNC path (``\\\\server\\share\\…``) or a drive letter whose type is ``DRIVE_REMOTE`` (a mapped drive).
- Linux (the 信创 desktops): the file system type of the mount holding the file, from ``/proc/self/mounts``
  (``nfs``, ``nfs4``, ``cifs``, ``smb3``, ``smbfs``, ``fuse.sshfs`` …).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

#: file system types of network mounts on Linux
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "afs", "coda", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.davfs", "davfs", "fuse.rclone", "lustre", "gpfs", "ocfs2", "gfs2",
})

DRIVE_REMOTE = 4  # GetDriveTypeW


def is_unc(path: str) -> bool:
    """``\\\\server\\share\\…`` or ``//server/share/…`` (but not the ``\\\\?\\C:\\…`` long-path form of a local drive)."""
    p = path.replace("/", "\\")
    if p.startswith("\\\\?\\UNC\\"):
        return True
    if p.startswith("\\\\?\\") or p.startswith("\\\\.\\"):
        return False
    return p.startswith("\\\\") and len(PureWindowsPath(p).drive) > 2


def mount_fs_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The type of the file system mounted at the longest mount point holding ``path`` (Linux), or None."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path)
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type


def _existing_ancestor(path: Path) -> Path:
    path = path.absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def is_network_path(path: Path | str) -> bool:
    """True when ``path`` (a catalogue file, existing or to be created) lies on a network drive."""
    raw = str(path)
    if sys.platform == "win32":  # pragma: no cover - Windows only; is_unc is tested everywhere
        if is_unc(raw):
            return True
        import ctypes

        resolved = str(Path(raw).resolve())
        if is_unc(resolved):  # a drive letter mapped with subst onto a share resolves to its UNC path
            return True
        root = PureWindowsPath(resolved).anchor
        return bool(root) and ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE  # type: ignore[attr-defined]
    if is_unc(raw):
        return True
    real = Path(os.path.realpath(_existing_ancestor(Path(raw))))
    return (mount_fs_type(real) or "") in NETWORK_FS_TYPES
