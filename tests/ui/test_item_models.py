"""Every item model of the UI, filled with real records, passes pytest-qt's model tester (Qt's QAbstractItemModelTester:
row and column counts, parents, indexes, header and data roles answer consistently). A model that breaks Qt's
rules shows as wrong rows, crashes in views or warnings under a proxy."""

from __future__ import annotations

import shutil
from array import array
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from archive_desk.db.engine import Database
from archive_desk.services.setup import open_catalogue
from archive_desk.importing import ColumnMapping, ImportPlan, ImportSummary, RowResult, RowStatus
from archive_desk.services import catalogue, loans, stocktake, transfers
from archive_desk.services import locations as loc
from archive_desk.services.audit import Actor


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "catalogue.sqlite"
    open_catalogue(path).dispose()
    return path


@pytest.fixture
def db(db_path: Path, _template: Path) -> Iterator[Database]:
    shutil.copyfile(_template, db_path)
    database = open_catalogue(db_path)
    yield database
    database.dispose()


@pytest.fixture
def room(db: Database, actor: Actor, make_volume) -> dict[str, object]:  # noqa: ANN001
    """A rack with volumes on its first layer, one volume lent, a stocktake with a scan, a transfer batch."""
    with db.write() as s:
        room = loc.create_room(s, actor, 1)
        rack = loc.create_rack(s, actor, room.id, 3, sides=2, columns=2, sections=2, layers=3, capacity_count=3)
        layers = loc.list_layers(s, rack.id)
    volumes = [make_volume(title=f"理赔案卷{i}") for i in range(5)]
    with db.write() as s:
        for title, pages in (("张伟查勘报告", 3), ("理赔计算书", 2)):
            catalogue.add_item(s, actor, volumes[0].id, {"title": title, "pages": pages, "responsible": "理赔部"})
        for v in volumes[:3]:
            loc.place_volume(s, actor, v.id, layers[0].id)
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111", "card_no": "yg0001"})
        loans.lend(s, actor, borrower.id, [volumes[4].id], "工作查考", "查阅", date.today() + timedelta(days=14))
        st = stocktake.start(s, actor, "2026 年盘点", stocktake.Scope(rooms=(room.id,)))
        stocktake.record_scan(s, actor, st.id, layers[0].barcode)
        stocktake.record_scan(s, actor, st.id, volumes[0].barcode)
        stocktake.record_scan(s, actor, st.id, volumes[3].barcode)  # not shelved anywhere: a line to look at
        batch = transfers.create_batch(s, actor, "out", to_unit="临川市档案馆")
        transfers.add_volumes(s, actor, batch.id, [volumes[3].id])
    # two volumes past their 10-year retention on an appraisal list, one kept (a coloured row), one undecided
    expired = [make_volume(title=f"过期理赔案卷{i}", year=2005, retention="D10") for i in range(2)]
    with db.write() as s:
        appraisal = transfers.create_appraisal(s, actor, date.today().year)
        added = transfers.add_due_volumes(s, actor, appraisal.id, date.today())
        assert {v.id for v in expired} <= {ln.volume_id for ln in added.added}
        first = transfers.list_appraisal_lines(s, appraisal.id)[0]
        transfers.set_decision(s, actor, first.id, "keep", "D30", "涉及未决诉讼")
    return {"room": room, "rack": rack, "layers": layers, "volumes": volumes, "stocktake": st.id, "batch": batch.id,
            "appraisal": appraisal.id}


def _volume_table(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.item_models.volume_table import VolumeTableModel

    model = VolumeTableModel(db)
    model.set_ids(array("q", [v.id for v in room["volumes"]]))
    return model


def _items_table(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.item_models.items_table import ItemsTableModel

    model = ItemsTableModel(editable=True)
    with db.read() as s:
        model.set_items(catalogue.list_items(s, room["volumes"][0].id))
    assert model.rowCount() == 2
    return model


def _layer_volumes(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.item_models.shelf_models import LayerVolumesModel

    model = LayerVolumesModel()
    with db.read() as s:
        model.set_rows(loc.list_layer(s, room["layers"][0].id).entries)
    model.set_highlight(room["volumes"][0].id)
    return model


def _room_totals(db: Database, room: dict) -> QAbstractItemModel:  # noqa: ARG001
    from archive_desk.ui.item_models.shelf_models import RoomTotalsModel

    model = RoomTotalsModel()
    with db.read() as s:
        overview = loc.room_overview(s)
    model.set_overview(overview.rooms, overview.total)
    return model


def _proposals(db: Database, room: dict) -> QAbstractItemModel:  # noqa: ARG001
    from archive_desk.ui.item_models.shelf_models import ProposalsModel

    model = ProposalsModel()
    with db.read() as s:
        model.set_rows(loc.find_space(s, 4).proposals)
    assert model.rowCount() > 0
    return model


def _shares(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.item_models.shelf_models import SharesModel

    model = SharesModel()
    with db.read() as s:
        model.set_rows(loc.plan_bulk_move(s, [v.id for v in room["volumes"][:3]], room["layers"][1].id).shares)
    assert model.rowCount() > 0
    return model


def _stocktake_lines(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.areas.stocktake import LinesModel

    model = LinesModel()
    with db.read() as s:
        lines = stocktake.state(s, room["stocktake"]).lines
    model.set_lines(lines)
    model.set_filter("attention")
    model.set_filter("all")
    assert model.rowCount() > 0
    return model


def _import_plan(db: Database, room: dict) -> QAbstractItemModel:  # noqa: ARG001
    from archive_desk.ui.dialogs.import_wizard import PlanModel

    rows = (RowResult("Sheet1", 2, RowStatus.OK, {"code": "Z109-LP·2019-D30-0001", "title": "理赔案卷"},
                      cells=("Z109-LP·2019-D30-0001", "理赔案卷", 2019.0)),
            RowResult("Sheet1", 3, RowStatus.DUPLICATE, {"code": "Z109-LP·2019-D30-0001"}, duplicate_of=2,
                      cells=("Z109-LP·2019-D30-0001", None, 2019.0)))
    mapping = ColumnMapping(kind="volumes", sheet="Sheet1", header_row=1, headers=("档号", "题名", "年度"),
                            fields=("code", "title", "year"))
    model = PlanModel(ImportPlan(Path("x.xlsx"), "volumes", (), rows, ImportSummary(rows_read=2)), mapping)
    model.set_only_problems(True)
    model.set_only_problems(False)
    return model


def _transfer_lines(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.areas.transfers.line_models import LinesModel

    model = LinesModel("out")
    with db.read() as s:
        model.set_lines(transfers.list_lines(s, room["batch"]), False)
    assert model.rowCount() > 0
    return model


def _appraisal_lines(db: Database, room: dict) -> QAbstractItemModel:
    from archive_desk.ui.areas.transfers.line_models import AppraisalLinesModel

    model = AppraisalLinesModel()
    with db.read() as s:
        model.set_lines(transfers.list_appraisal_lines(s, room["appraisal"]))
    assert model.rowCount() >= 2
    kept = next(r for r in range(model.rowCount()) if model.line_at(r).decision == "keep")
    undecided = next(r for r in range(model.rowCount()) if not model.line_at(r).decision)
    assert model.index(kept, 7).data() != model.index(undecided, 7).data()
    assert model.index(kept, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # a kept volume's row is coloured
    return model


def _lending_register(db: Database, room: dict) -> QAbstractItemModel:  # noqa: ARG001
    from archive_desk.ui.areas.lending.register import RegisterModel

    model = RegisterModel()
    with db.read() as s:
        model.set_rows(loans.register(s))
    assert model.rowCount() > 0
    return model


MODELS: dict[str, Callable[[Database, dict], QAbstractItemModel]] = {
    "VolumeTableModel": _volume_table, "ItemsTableModel": _items_table, "LayerVolumesModel": _layer_volumes,
    "RoomTotalsModel": _room_totals, "ProposalsModel": _proposals, "SharesModel": _shares,
    "stocktake.LinesModel": _stocktake_lines, "PlanModel": _import_plan, "transfers.LinesModel": _transfer_lines,
    "RegisterModel": _lending_register, "AppraisalLinesModel": _appraisal_lines,
}


@pytest.mark.parametrize("name", list(MODELS))
def test_every_item_model_passes_the_model_tester(qtmodeltester, db: Database, room: dict, name: str) -> None:  # noqa: ANN001
    model = MODELS[name](db, room)
    assert model.columnCount() > 0
    qtmodeltester.check(model)


def test_every_item_model_of_the_ui_is_in_this_test() -> None:
    """A new model joins MODELS (or this list says why not)."""
    import ast

    ui = Path(catalogue.__file__).resolve().parents[1] / "ui"
    found = set()
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any("Model" in ast.unparse(b) for b in node.bases):
                found.add(node.name)
    covered = {name.rsplit(".", 1)[-1] for name in MODELS}
    bases = {"ListModel"}  # no rows of their own: checked through their subclasses
    assert found - covered - bases == set()
