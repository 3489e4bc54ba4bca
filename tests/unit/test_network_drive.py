"""A catalogue file on a network drive is recognised before SQLite opens it for writing (WAL breaks there)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive_desk.db.network import is_network_path, is_unc, mount_fs_type

MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//fileserver/档案室 /mnt/archive cifs rw,vers=3.0,username=clerk 0 0
fs1:/export/records /mnt/records nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /mnt/archive/local\\040copy ext4 rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/archive/catalogue.sqlite", "cifs"),
    ("/mnt/records/2026/catalogue.sqlite", "nfs4"),
    ("/mnt/archive/local copy/catalogue.sqlite", "ext4"),  # a local disk mounted inside the share's folder
    ("/mnt/archived/catalogue.sqlite", "ext4"),  # a name that only begins like the share's
    ("/tmp/catalogue.sqlite", "tmpfs"),
    ("/home/clerk/catalogue.sqlite", "ext4"),
])
def test_the_mount_holding_the_file_decides(path: str, expected: str) -> None:
    assert mount_fs_type(Path(path), MOUNTS) == expected


@pytest.mark.parametrize(("path", "unc"), [
    (r"\\fileserver\档案室\catalogue.sqlite", True),
    ("//fileserver/share/catalogue.sqlite", True),
    (r"\\?\UNC\fileserver\share\catalogue.sqlite", True),
    (r"\\?\C:\ArchiveDesk\catalogue.sqlite", False),
    (r"C:\Users\clerk\Documents\ArchiveDesk\catalogue.sqlite", False),
    ("/home/clerk/catalogue.sqlite", False),
])
def test_unc_paths_are_network_paths(path: str, unc: bool) -> None:
    assert is_unc(path) is unc
    if unc:
        assert is_network_path(path)


def test_a_local_folder_is_not_a_network_drive(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "not yet created" / "catalogue.sqlite")


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a file system")
def test_a_real_nfs_style_mount_type_is_seen(tmp_path: Path) -> None:
    """A real mount whose reported type is a network one: here a tmpfs is not, and is_network_path says so."""
    point = tmp_path / "share"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)], capture_output=True, check=False).returncode:
        pytest.skip("cannot mount here (not root)")
    try:
        assert mount_fs_type(point / "catalogue.sqlite") == "tmpfs"
        assert not is_network_path(point / "catalogue.sqlite")
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_catalogue_on_a_network_drive_opens_read_only_and_a_new_one_is_not_made_there(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The file system type is what db/network.py reads (tested above); here the share is this folder, said to be one."""
    from archive_desk.db import migrate
    from archive_desk.errors import CatalogueFileError, ReadOnlyCatalogueError
    from archive_desk.i18n import set_language
    from archive_desk.services import catalogue, setup
    from archive_desk.services.audit import Actor

    set_language("en")
    path = tmp_path / "catalogue.sqlite"
    setup.open_catalogue(path).dispose()  # made on this PC
    monkeypatch.setattr(migrate, "is_network_path", lambda p: True)  # …then the folder is shared and mapped
    db = setup.open_catalogue(path)
    try:
        assert db.read_only
        with db.read() as s:  # search, printing and export read
            assert catalogue.get_category(s, code="LP").code == "LP"
        with pytest.raises(ReadOnlyCatalogueError, match="network drive.*PostgreSQL server"), db.write() as s:
            catalogue.create_fonds(s, Actor("clerk", "ws"), "Z109", "江南财产保险股份有限公司")
    finally:
        db.dispose()
    with pytest.raises(CatalogueFileError, match="network drive"):
        setup.open_catalogue(tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()
