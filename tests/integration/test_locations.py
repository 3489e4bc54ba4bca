"""Shelving services on a real catalogue file: racks, placement rules, capacity, undo, bulk moves, history,
the space finder and reservations, the shelf list workbook."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text

from archive_desk.db.engine import Database
from archive_desk.errors import DuplicateCodeError, FileLockedError, StatusError
from archive_desk.i18n import set_language
from archive_desk.models import AuditEntry, LocationMove, VolumeStatus
from archive_desk.services import audit, catalogue
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
def rack(db: Database, actor: Actor) -> loc.RackRecord:
    """1号库房, rack 3: two sides × 2 columns × 2 sections × 3 layers = 24 layers of 3 volumes each."""
    with db.write() as s:
        room = loc.create_room(s, actor, 1)
        return loc.create_rack(s, actor, room.id, 3, sides=2, columns=2, sections=2, layers=3, capacity_count=3)


@pytest.fixture
def layers(db: Database, rack: loc.RackRecord) -> list[loc.LayerRecord]:
    with db.read() as s:
        return loc.list_layers(s, rack.id)


@pytest.fixture
def volumes(make_volume) -> list[catalogue.VolumeRecord]:  # noqa: ANN001
    return [make_volume(title=f"案卷{i}") for i in range(10)]


def place(db: Database, actor: Actor, volume_id: int, layer_id: int) -> loc.Placement:
    with db.write() as s:
        return loc.place_volume(s, actor, volume_id, layer_id)


def shelf(db: Database, layer_id: int) -> list[str]:
    with db.read() as s:
        return [e.code for e in loc.list_layer(s, layer_id).entries]


def test_a_whole_rack_is_created_with_its_codes_and_audited(db: Database, actor: Actor, rack: loc.RackRecord,
                                                             layers: list[loc.LayerRecord]) -> None:
    assert len(layers) == 24
    assert [layer.code for layer in layers[:4]] == ["K1-03A-01-1-1", "K1-03A-01-1-2", "K1-03A-01-1-3", "K1-03A-01-2-1"]
    assert layers[-1].code == "K1-03B-02-2-3"
    assert all(layer.barcode == "L." + layer.code and layer.capacity_count == 3 for layer in layers)
    with db.read() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert actions[-2:] == ["room.create", "rack.create"]
        assert audit.verify_chain(s) == []
    with db.write() as s, pytest.raises(DuplicateCodeError):
        loc.create_rack(s, actor, rack.room_id, 3, sides=1, columns=1, sections=1, layers=1)
    with db.write() as s:
        assert loc.update_rack(s, actor, rack.id, kind="cabinet").kind == "cabinet"
        assert loc.describe_location(s, layers[0].id).words == "1号库房 3号档案柜 A面 第1列 第1节 第1层"
        assert audit.history(s, "rack", rack.id)[0].action == "rack.update"


def test_describe_location_in_both_languages(db: Database, layers: list[loc.LayerRecord]) -> None:
    target = next(layer for layer in layers if layer.code == "K1-03A-02-2-3")
    with db.read() as s:
        info = loc.describe_location(s, target.id)
        assert (info.room, info.rack, info.side, info.column, info.section, info.layer) == (1, 3, "A", 2, 2, 3)
        assert info.words == "1号库房 3号密集架 A面 第2列 第2节 第3层"
        set_language("en")
        assert loc.describe_location(s, target.id).words == "Room 1, rack 3, side A, column 2, section 2, layer 3"


def test_shelving_appends_in_order_and_records_history_and_audit(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    first = place(db, actor, volumes[0].id, layers[0].id)
    second = place(db, actor, volumes[1].id, layers[0].id)
    assert (first.order, second.order) == (1, 2)
    assert second.occupancy.count == 2 and not second.warnings
    assert shelf(db, layers[0].id) == [volumes[0].code, volumes[1].code]
    again = place(db, actor, volumes[1].id, layers[0].id)  # scanned twice: nothing moves
    assert again.already_there and again.order == 2
    moved = place(db, actor, volumes[0].id, layers[1].id)
    assert moved.previous_layer_code == layers[0].code
    with db.read() as s:
        history = loc.location_history(s, volumes[0].id)
        assert [(h.from_code, h.to_code, h.by) for h in history] == [("", layers[0].code, "clerk1"),
                                                                       (layers[0].code, layers[1].code, "clerk1")]
        assert history[0].at <= history[1].at
        trail = audit.history(s, "volume", volumes[0].id)
        assert [r.action for r in trail[:2]] == ["volume.shelve", "volume.shelve"]
        assert json.loads(trail[0].after)["layer_id"] == layers[1].id
        assert catalogue.get_volume(s, volumes[0].id).layer_id == layers[1].id


@pytest.mark.parametrize(("status", "words"), [
    (VolumeStatus.ON_LOAN, "借出"),
    (VolumeStatus.TRANSFERRED, "移出"),
    (VolumeStatus.DESTROYED, "销毁"),
    (VolumeStatus.VOID, "作废"),
])
def test_volumes_that_are_not_in_the_room_are_refused_with_the_reason(db: Database, actor: Actor, layers, volumes,  # noqa: ANN001
                                                                      status: str, words: str) -> None:
    with db.write() as s:
        catalogue.set_status(s, actor, volumes[0].id, status)
    with pytest.raises(StatusError) as exc:
        place(db, actor, volumes[0].id, layers[0].id)
    assert words in str(exc.value) and volumes[0].code in str(exc.value)
    assert shelf(db, layers[0].id) == []


def test_overflow_is_placed_with_a_warning(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    for v in volumes[:3]:
        assert not place(db, actor, v.id, layers[0].id).warnings
    fourth = place(db, actor, volumes[3].id, layers[0].id)
    assert fourth.over_capacity and fourth.occupancy.text() == "4 / 3"
    assert "超出容量" in fourth.warnings[0]


def test_capacity_by_width_uses_each_volume_or_its_category_thickness(db: Database, actor: Actor, layers, make_volume) -> None:  # noqa: ANN001
    with db.write() as s:
        loc.update_layer(s, actor, layers[0].id, capacity_count=None, capacity_mm=100)
    thick = make_volume(thickness_mm=50)
    normal = make_volume()  # 理赔: 30 mm from its category
    assert not place(db, actor, thick.id, layers[0].id).warnings
    second = place(db, actor, normal.id, layers[0].id)
    assert second.occupancy.used_mm == 80 and not second.over_capacity
    third = place(db, actor, make_volume().id, layers[0].id)
    assert third.occupancy.used_mm == 110 and third.over_capacity


def test_undo_puts_the_volume_back_exactly_where_it_was(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    for v in volumes[:3]:
        place(db, actor, v.id, layers[0].id)
    moved = place(db, actor, volumes[1].id, layers[5].id)  # the middle one goes away …
    place(db, actor, volumes[4].id, layers[0].id)  # … and another is shelved meanwhile
    with db.write() as s:
        undone = loc.undo_move(s, actor, moved.move_id)
    assert undone.layer_id == layers[0].id
    assert shelf(db, layers[0].id) == [volumes[0].code, volumes[1].code, volumes[2].code, volumes[4].code]
    with db.write() as s, pytest.raises(StatusError):
        loc.undo_move(s, actor, moved.move_id)  # already undone: its volume has moved since
    first_time = place(db, actor, volumes[6].id, layers[2].id)
    with db.write() as s:
        assert loc.undo_move(s, actor, first_time.move_id).layer_id is None  # back to "not shelved"
    with db.read() as s:
        assert catalogue.get_volume(s, volumes[6].id).layer_id is None
        assert [h.reason for h in loc.location_history(s, volumes[6].id)] == ["", "撤销"]


def test_bulk_move_keeps_the_order_and_spills_onto_the_following_empty_layers(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    order = [volumes[i].id for i in (7, 2, 9, 0, 5, 1, 8)]
    place(db, actor, volumes[3].id, layers[10].id)  # the target already holds one volume
    with db.write() as s:
        catalogue.set_status(s, actor, volumes[8].id, VolumeStatus.ON_LOAN)
    with db.read() as s:
        plan = loc.plan_bulk_move(s, order, layers[10].id)
    assert [r.volume_id for r in plan.refused] == [volumes[8].id]
    assert [(sh.code, sh.count) for sh in plan.shares] == [(layers[10].code, 2), (layers[11].code, 3), (layers[12].code, 1)]
    with db.write() as s, pytest.raises(StatusError):
        loc.bulk_move(s, actor, order, layers[10].id)  # one is on loan: refused as a whole …
    with db.write() as s:
        result = loc.bulk_move(s, actor, order, layers[10].id, skip_refused=True, reason="整理")  # … or without it
    assert result.moved == 6
    moved_codes = shelf(db, layers[10].id)[1:] + shelf(db, layers[11].id) + shelf(db, layers[12].id)
    assert moved_codes == [volumes[i].code for i in (7, 2, 9, 0, 5, 1)]
    assert shelf(db, layers[10].id)[0] == volumes[3].code
    with db.read() as s:
        moves = s.scalars(select(LocationMove).where(LocationMove.reason == "整理").order_by(LocationMove.id)).all()
        assert [m.volume_id for m in moves] == [volumes[i].id for i in (7, 2, 9, 0, 5, 1)]
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)) == "location.bulk_move"
        assert catalogue.get_volume(s, volumes[7].id).version == volumes[7].version + 1


def test_bulk_move_stops_at_an_occupied_or_reserved_layer(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    place(db, actor, volumes[9].id, layers[2].id)
    with db.read() as s:
        plan = loc.plan_bulk_move(s, [v.id for v in volumes[:6]], layers[0].id)
    assert plan.fits
    assert [(sh.code, sh.count) for sh in plan.shares] == [(layers[0].code, 3), (layers[1].code, 3)]
    with db.read() as s:
        short = loc.plan_bulk_move(s, [v.id for v in volumes[:8]], layers[0].id)
    assert short.shortfall == 2
    with db.write() as s, pytest.raises(StatusError) as exc:
        loc.bulk_move(s, actor, [v.id for v in volumes[:8]], layers[0].id)
    assert "6" in str(exc.value) and "8" in str(exc.value)
    with db.write() as s:
        loc.reserve_layers(s, actor, [layers[4].id], "2026年移交")
    with db.read() as s:
        reserved = loc.plan_bulk_move(s, [v.id for v in volumes[:8]], layers[3].id)
    assert [sh.code for sh in reserved.shares] == [layers[3].code] and reserved.shortfall == 5


def test_a_layer_holding_volumes_cannot_be_removed_or_renamed(db: Database, actor: Actor, rack, layers, volumes) -> None:  # noqa: ANN001
    for v in volumes[:2]:
        place(db, actor, v.id, layers[0].id)
    with db.write() as s, pytest.raises(StatusError) as exc:
        loc.deactivate_layer(s, actor, layers[0].id, "broken shelf")
    assert "2" in str(exc.value) and layers[0].code in str(exc.value)
    with db.write() as s, pytest.raises(StatusError):
        loc.update_layer(s, actor, layers[0].id, code="K1-99A-01-1-1")
    with db.write() as s, pytest.raises(StatusError):
        loc.update_layer(s, actor, layers[0].id, capacity_count=1)  # less than what stands there
    with db.write() as s, pytest.raises(StatusError):
        loc.deactivate_rack(s, actor, rack.id)
    with db.write() as s:
        assert loc.update_layer(s, actor, layers[0].id, capacity_count=5).capacity_count == 5
        assert loc.update_layer(s, actor, layers[1].id, code="K1-03A-01-1-2X").barcode == "L.K1-03A-01-1-2X"
        assert not loc.deactivate_layer(s, actor, layers[2].id, "broken shelf").active
    with pytest.raises(StatusError):
        place(db, actor, volumes[5].id, layers[2].id)


def test_space_finder_proposes_contiguous_free_layers_nearest_first_and_reserves(db: Database, actor: Actor, layers, volumes) -> None:  # noqa: ANN001
    order = [layer.id for layer in layers]  # shelving order
    # the claims shelving ends on layer 5 (where the highest 档号 stands); layers 3 and 9 hold volumes too
    for v in volumes[:3]:
        place(db, actor, v.id, layers[3].id)
    place(db, actor, volumes[3].id, layers[9].id)
    place(db, actor, volumes[9].id, layers[5].id)
    with db.read() as s:
        lp = catalogue.get_category(s, code="LP").id
        found = loc.find_space(s, 7, category_id=lp)
    assert found.anchor_code == layers[5].code and found.thickness_mm == 30
    spans = [[order.index(i) for i in p.layer_ids] for p in found.proposals]
    for span in spans:
        assert span == list(range(span[0], span[0] + len(span)))  # consecutive layers
    # nearest first: right after the anchor (6–8), then before it (0–2, ending nearest), then after layer 9
    assert spans[:3] == [[6, 7, 8], [0, 1, 2], [10, 11, 12]]
    assert [p.distance for p in found.proposals[:3]] == [1, 3, 5]
    assert all(p.capacity >= 7 and p.same_room for p in found.proposals)
    first = found.proposals[0]
    with db.write() as s:
        assert loc.reserve_layers(s, actor, first.layer_ids, "2026年理赔部移交") == 3
    with db.read() as s:
        again = loc.find_space(s, 7, category_id=lp)
        assert [order.index(i) for i in again.proposals[0].layer_ids] == [0, 1, 2]
        assert loc.list_reservations(s)[0].layers == 3
        assert loc.describe_location(s, first.layer_ids[0]).reserved_for == "2026年理赔部移交"
    with db.write() as s, pytest.raises(StatusError):
        loc.reserve_layers(s, actor, first.layer_ids, "another transfer")
    with db.write() as s:
        assert loc.release_reservation(s, actor, "2026年理赔部移交") == 3
    with db.read() as s:
        assert loc.find_space(s, 7, category_id=lp).proposals[0].layer_ids == first.layer_ids
        assert loc.find_space(s, 1000).proposals == ()


def test_overview_and_rack_map_count_what_stands(db: Database, actor: Actor, rack, layers, volumes) -> None:  # noqa: ANN001
    for v in volumes[:4]:
        place(db, actor, v.id, layers[0].id)
    place(db, actor, volumes[5].id, layers[1].id)
    with db.read() as s:
        overview = loc.room_overview(s)
        rmap = loc.rack_map(s, rack.id)
        room_map = loc.room_map(s, rack.room_id)
    total = overview.rooms[0].totals
    assert (total.layers, total.capacity_count, total.used_count, total.free_count) == (24, 72, 5, 72 - 3 - 1)
    assert total.fill_percent == round(5 / 72 * 100, 1)
    cell = rmap.cell("A", 1, 1, 1)
    assert cell is not None and cell.count == 4 and cell.fill == pytest.approx(4 / 3) and cell.occupancy.over
    assert len(rmap.cells) == 24
    summary = room_map.racks[0]
    assert summary.totals == rmap.totals() and summary.totals.used_count == 5
    bay = next(b for b in summary.bays if (b.side, b.column, b.section) == ("A", 1, 1))
    assert (bay.occupancy.count, bay.occupancy.capacity_count) == (5, 9) and bay.fill == pytest.approx(5 / 9)
    assert len(summary.bays) == 2 * 2 * 2


def test_scans_resolve_as_a_layer_first(db: Database, layers, volumes) -> None:  # noqa: ANN001
    with db.read() as s:
        layer = loc.resolve_scan(s, "l.k1-03a-01-1-1")
        assert layer.kind == "layer" and layer.layer is not None and layer.layer.id == layers[0].id
        volume = loc.resolve_scan(s, volumes[2].barcode.lower())
        assert volume.kind == "volume" and volume.volume_id == volumes[2].id
        assert loc.resolve_scan(s, "L.K9-99A-01-1-1").kind == "unknown"  # a label of no layer: never a volume
        assert loc.resolve_scan(s, "K1-03A-01-1-1").kind == "layer"  # a code typed by hand


def test_shelf_list_workbook_reopens_with_the_same_rows(db: Database, actor: Actor, rack, layers, volumes, tmp_path: Path) -> None:  # noqa: ANN001
    for i, v in enumerate(volumes[:7]):
        place(db, actor, v.id, layers[i // 3].id)
    with db.write() as s:
        catalogue.set_status(s, actor, volumes[1].id, VolumeStatus.ON_LOAN)
    out = tmp_path / "exports" / "清单.xlsx"
    with db.read() as s:
        count = loc.export_shelf_list(s, out, rack_id=rack.id)
        rows = list(loc.shelf_list_rows(s, rack_id=rack.id))
    assert count == 7
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        values = [tuple(row) for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()
    assert values[2] == ("存放位置", "位置说明", "顺序号", "档号", "题名", "年度", "备注")
    body = values[3 : 3 + count]
    assert body == [(r.location_code, r.words, r.order, r.code, r.title, r.year, r.status or None) for r in rows]
    assert body[0][:4] == (layers[0].code, "1号库房 3号密集架 A面 第1列 第1节 第1层", 1, volumes[0].code)
    assert body[1][6] == "借出"
    assert [b[2] for b in body] == [1, 2, 3, 1, 2, 3, 1]
    assert [p.name for p in out.parent.iterdir()] == ["清单.xlsx"]  # no temporary file left behind


def test_a_locked_target_keeps_the_old_file_and_says_so(db: Database, rack, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    (tmp_path / "exports").mkdir()
    out = tmp_path / "exports" / "清单.xlsx"
    out.write_bytes(b"old")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with db.read() as s, pytest.raises(FileLockedError) as exc:
        loc.export_shelf_list(s, out, rack_id=rack.id)
    assert "Excel" in str(exc.value) and str(out) in str(exc.value)
    assert out.read_bytes() == b"old"
    assert [p.name for p in out.parent.iterdir()] == ["清单.xlsx"]


def test_layer_counters_follow_every_change_whoever_makes_it(db: Database, actor: Actor, layers, volumes, make_volume) -> None:  # noqa: ANN001
    """Triggers keep layers.used_count / used_mm right: shelving, moves, undo, status and thickness changes,
    a category's new spine width, rows written by other programs."""
    for v in volumes[:5]:
        place(db, actor, v.id, layers[0].id)
    with db.write() as s:
        loc.bulk_move(s, actor, [volumes[1].id, volumes[2].id], layers[3].id)
        catalogue.set_status(s, actor, volumes[3].id, VolumeStatus.ON_LOAN)  # still takes its place
        catalogue.set_status(s, actor, volumes[4].id, VolumeStatus.TRANSFERRED)  # gone from the room
        fresh = catalogue.get_volume(s, volumes[0].id)
        catalogue.update_volume(s, actor, fresh.id, fresh.version, {"thickness_mm": 55})
    moved = place(db, actor, volumes[5].id, layers[3].id)
    with db.write() as s:
        loc.undo_move(s, actor, moved.move_id)
        s.execute(text("UPDATE categories SET thickness_mm = 25 WHERE code = 'LP'"))
        s.execute(text("INSERT INTO volumes (code, barcode, fonds_id, category_id, year, retention, security, org_code,"
                       " sequence, title, responsible, pages, item_count, notes, status, custom, layer_id, shelf_position,"
                       " created_at, created_by, updated_at, updated_by, version) SELECT 'Z109-LP·2019-D30-0999',"
                       " 'Z109-LP.2019-D30-0999', fonds_id, category_id, 2019, 'D30', '公开', '', 999, '导入', '', 0, 0, '',"
                       " 'in_stock', '{}', :layer, 9, created_at, 'import', updated_at, 'import', 1 FROM volumes LIMIT 1"),
                  {"layer": layers[3].id})
    with db.read() as s:
        assert loc.usage_differences(s) == []
        occ = loc.layer_occupancy(s, [layers[0].id, layers[3].id])
        assert (occ[layers[0].id].count, occ[layers[0].id].used_mm) == (2, 55 + 25)
        assert (occ[layers[3].id].count, occ[layers[3].id].used_mm) == (3, 75)
    with db.write() as s:
        s.execute(text("UPDATE layers SET used_count = 40 WHERE id = :id"), {"id": layers[7].id})
        assert loc.recount_layers(s, actor) == 1
    with db.read() as s:
        assert loc.usage_differences(s) == []
