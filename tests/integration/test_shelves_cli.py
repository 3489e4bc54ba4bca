"""``archive-desk shelves …``: the same services from the command line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from archive_desk import cli
from archive_desk.db.engine import Database
from archive_desk.services import locations as loc
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, migrated and seeded catalogue made once; each test gets a copy (migrating costs ~1 s)."""
    path = tmp_path_factory.mktemp("template") / "catalogue.sqlite"
    open_catalogue(path).dispose()
    assert not Path(str(path) + "-wal").exists()
    return path


@pytest.fixture
def db(db_path: Path, catalogue_template: Path) -> Iterator[Database]:
    shutil.copyfile(catalogue_template, db_path)
    database = open_catalogue(db_path)
    yield database
    database.dispose()


@pytest.fixture
def shelved(db: Database, actor: Actor, make_volume) -> list:  # noqa: ANN001
    with db.write() as s:
        room = loc.create_room(s, actor, 1)
        rack = loc.create_rack(s, actor, room.id, 1, sides=1, columns=2, sections=2, layers=3, capacity_count=4)
        layers = loc.list_layers(s, rack.id)
    volumes = [make_volume(title=f"案卷{i}") for i in range(6)]
    with db.write() as s:
        for i, v in enumerate(volumes):
            loc.place_volume(s, actor, v.id, layers[i // 4].id)
    db.dispose()
    return volumes


def run(capsys, *args: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = cli.main(["--lang", "zh_CN", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_overview_layer_where_find_space_and_export(capsys, db_path: Path, shelved, tmp_path: Path) -> None:  # noqa: ANN001
    db = str(db_path)
    code, out, _ = run(capsys, "shelves", "overview", "--json", "--db", db)
    assert code == 0
    rooms = json.loads(out)
    assert rooms[0]["room"] == "K1" and rooms[0]["used"] == 6 and rooms[0]["capacity"] == 48 and rooms[0]["layers"] == 12

    code, out, _ = run(capsys, "shelves", "layer", "l.k1-01a-01-1-1", "--db", db)  # a scanned label, Caps Lock on
    assert code == 0
    assert "1号库房 1号密集架 第1列 第1节 第1层" in out and "(4 / 4)" in out
    assert [line.split()[1] for line in out.splitlines()[1:]] == [v.code for v in shelved[:4]]

    code, out, _ = run(capsys, "shelves", "where", shelved[5].barcode, "--db", db)
    assert code == 0 and "K1-01A-01-1-2" in out and "→ K1-01A-01-1-2" in out

    code, out, _ = run(capsys, "shelves", "find-space", "10", "--category", "LP", "--reserve", "2026年移交", "--json", "--db", db)
    assert code == 0
    found = json.loads(out)
    assert found["proposals"][0]["first"] == "K1-01A-01-1-3" and found["reserved_layers"] == 3

    out_file = tmp_path / "k1.xlsx"
    code, out, _ = run(capsys, "shelves", "export", "--room", "K1", "-o", str(out_file), "--db", db)
    assert code == 0 and "6" in out
    book = openpyxl.load_workbook(out_file, read_only=True)
    try:
        rows = list(book.active.iter_rows(min_row=4, max_row=9, values_only=True))
    finally:
        book.close()
    assert [r[3] for r in rows] == [v.code for v in shelved]

    code, _, err = run(capsys, "shelves", "layer", "K9-99", "--db", db)
    assert code == 2 and "K9-99" in err
