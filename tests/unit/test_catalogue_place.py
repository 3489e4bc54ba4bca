"""First start: the proposed catalogue folder is checked before it is used (network share, OneDrive)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_desk import catalogue_place
from archive_desk.db import network


def test_a_folder_inside_onedrive_is_a_synced_folder(tmp_path: Path) -> None:
    docs = tmp_path / "Users" / "li" / "OneDrive - 某某保险公司" / "文档"
    assert catalogue_place.problem(docs / "ArchiveDesk", environ={}) == "sync"
    assert catalogue_place.sync_root(docs, environ={}) == tmp_path / "Users" / "li" / "OneDrive - 某某保险公司"


def test_onedrive_found_through_its_environment_variable(tmp_path: Path) -> None:
    root = tmp_path / "Users" / "li" / "Company Files"  # a renamed business folder: only the variable knows
    env = {"OneDriveCommercial": str(root)}
    assert catalogue_place.problem(root / "Documents" / "ArchiveDesk", environ=env) == "sync"
    assert catalogue_place.problem(tmp_path / "Users" / "li" / "Company Files 2" / "ArchiveDesk", environ=env) is None


def test_a_local_documents_folder_is_fine(tmp_path: Path) -> None:
    assert catalogue_place.problem(tmp_path / "Documents" / "ArchiveDesk", environ={}) is None
    assert catalogue_place.proposed(tmp_path / "Documents") == tmp_path / "Documents" / "ArchiveDesk"


def test_a_network_documents_folder_is_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "is_network_path", lambda p: str(p).startswith(str(tmp_path / "share")))
    assert catalogue_place.problem(tmp_path / "share" / "li" / "Documents" / "ArchiveDesk", environ={}) == "network"
    assert network.is_unc(r"\\fileserver\home$\li\Documents")  # what a redirected 文档 looks like on Windows


def test_the_local_alternative_is_not_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "OneDrive" / "home"))  # even a home inside a synced folder
    assert catalogue_place.problem(catalogue_place.local_alternative(environ={}), environ={}) is None


def test_asked_only_at_a_real_first_start(tmp_path: Path) -> None:
    default = tmp_path / "data" / "catalogue.sqlite"
    assert catalogue_place.should_ask("", default, environ={})
    assert not catalogue_place.should_ask(str(tmp_path / "x.sqlite"), default, environ={})  # chosen before
    assert not catalogue_place.should_ask("", default, environ={"ARCHIVE_DESK_DATA_DIR": str(tmp_path)})  # tests, scripts
    assert not catalogue_place.should_ask("", default, environ={"ARCHIVE_DESK_FIRST_START": "0"})  # tools/dev.py run
    default.parent.mkdir()
    default.write_bytes(b"")
    assert not catalogue_place.should_ask("", default, environ={})  # a workstation that has one keeps it
