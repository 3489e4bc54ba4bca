"""The shortcuts taken at start give the same answers as the long ways: the catalogue's revision
recognised without Alembic, and the filter bar's choices read through Core."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from conftest import workstation_config

from archive_desk.db import migrate
from archive_desk.errors import CatalogueFileError
from archive_desk.models import Category
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

ACTOR = Actor("clerk1", "ws-test-1")


def test_the_scripts_name_the_same_head_as_alembic() -> None:
    assert migrate.script_head() == migrate.head_revision()


def test_a_catalogue_at_the_head_is_opened_without_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.sqlite"
    open_catalogue(path).dispose()

    def no_alembic() -> str:
        raise AssertionError("Alembic was asked although the catalogue is at the head")

    monkeypatch.setattr(migrate, "head_revision", no_alembic)
    db = open_catalogue(path)
    try:
        assert migrate.stored_revisions(db) == [migrate.script_head()]
    finally:
        db.dispose()


def test_any_other_revision_goes_to_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.sqlite"
    # a catalogue of a released, older revision (round one's 0003)
    shutil.copyfile(Path(__file__).parents[1] / "data" / "catalogues" / "round1_0003.sqlite", path)
    asked: list[bool] = []
    real = migrate.head_revision
    monkeypatch.setattr(migrate, "head_revision", lambda: asked.append(True) or real())
    open_catalogue(path).dispose()
    assert asked
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == real()


def test_a_catalogue_of_a_newer_version_is_refused_with_a_message_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    open_catalogue(path).dispose()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_future'")
        raw.commit()
    before = path.read_bytes()
    with pytest.raises(CatalogueFileError, match="更新版本") as caught:
        open_catalogue(path)
    assert caught.value.path == path and "0099_future" in str(caught.value)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("c.before-*.sqlite"))  # no safety copy: nothing was about to change


def test_a_new_file_has_no_stored_revision(tmp_path: Path) -> None:
    from archive_desk.db.engine import Database

    db = Database.open(tmp_path / "empty.sqlite")
    try:
        assert migrate.stored_revisions(db) is None
    finally:
        db.dispose()


def test_filter_choices_read_through_core_match_the_orm_lists(tmp_path: Path) -> None:
    db = open_catalogue(tmp_path / "c.sqlite")
    try:
        with db.write() as s:
            catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司")
            catalogue.create_fonds(s, ACTOR, "A001", "某某公司")
            ws = catalogue.get_category(s, code="WS")
            catalogue.add_category_field(s, ACTOR, ws.id, "sender", "来文单位", "Sender")
            catalogue.add_category_field(s, ACTOR, ws.id, "doc_kind", "文种", "Kind", "choice", ["通知", "报告"])
            s.execute(Category.__table__.update().where(Category.__table__.c.code == "SW").values(active=False))
        with db.read() as s:
            fonds, categories = catalogue.list_choices(s)
            assert fonds == catalogue.list_fonds(s)
            assert categories == catalogue.list_categories(s)
        assert "SW" not in {c.code for c in categories}
        assert [f.key for f in next(c for c in categories if c.code == "WS").fields][-2:] == ["sender", "doc_kind"]
    finally:
        db.dispose()


def _categories(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT code FROM categories ORDER BY sort_order")]


def test_the_database_layer_alone_makes_the_schema_but_no_standard_data(tmp_path: Path) -> None:
    """db/ knows nothing of categories: seeding is the composition root's job (services.setup)."""
    migrate.open_catalogue(tmp_path / "c.sqlite").dispose()
    assert _categories(tmp_path / "c.sqlite") == []


def test_the_window_start_seeds_a_new_catalogue_and_one_made_without_standard_data(tmp_path: Path) -> None:
    from archive_desk.app import build_context

    for path in (tmp_path / "new.sqlite", tmp_path / "bare.sqlite"):
        if path.name == "bare.sqlite":
            migrate.open_catalogue(path).dispose()  # schema only, as an older tool might have left it
        ctx = build_context(path, settings_path=tmp_path / "settings.json")
        ctx.db.dispose()
        assert _categories(path)[:3] == ["WS", "KJ", "JJ"] and len(_categories(path)) == 12


def test_the_command_line_seeds_the_catalogue_it_creates(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "en_US.UTF-8", "ARCHIVE_DESK_CONFIG_DIR": str(workstation_config(tmp_path / "config")),
           "ARCHIVE_DESK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "archive_desk", "room"], capture_output=True, text=True, env=env,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(_categories(tmp_path / "data" / "catalogue.sqlite")) == 12
