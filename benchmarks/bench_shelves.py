"""Shelving on a large demo catalogue: bulk move, room map, layer list, space finder. Prints figures.

    python -m archive_desk demo --out /tmp/bench1m_shelves.sqlite --volumes 1000000   # once (~3 min)
    python benchmarks/bench_shelves.py /tmp/bench1m_shelves.sqlite

Targets (issue 4): bulk move of 10,000 volumes <= 3 s, room map (service data + offscreen paint) <= 200 ms,
layer list <= 20 ms, space finder for 500 volumes <= 300 ms.

The bulk move is real (committed, with its location history and audit row); afterwards the benchmark puts
the volumes back and removes the rows it added, so the catalogue can be reused for the next run.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text  # noqa: E402

from archive_desk.db.engine import Database  # noqa: E402
from archive_desk.i18n import set_language  # noqa: E402
from archive_desk.services import catalogue  # noqa: E402
from archive_desk.services import locations as loc  # noqa: E402
from archive_desk.services.audit import Actor  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def timed(fn, repeat: int = 5) -> tuple[float, float, object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), result


def line(label: str, median: float, worst: float, target: float | None, extra: str = "") -> None:
    verdict = "" if target is None else ("  ok" if median <= target else "  OVER TARGET")
    goal = "" if target is None else f"  (target {target * 1000:.0f} ms)"
    print(f"{label:<44} median {ms(median)}  worst {ms(worst)}{goal}{verdict}  {extra}")


def main(path: Path) -> None:
    set_language("zh_CN")
    db = Database.open(path)
    actor = Actor("bench", "bench")
    with db.read() as s:
        n_volumes = catalogue.count_volumes(s)
        rooms = loc.list_rooms(s)
        racks = loc.list_racks(s)
        n_layers = s.execute(text("SELECT count(*) FROM layers")).scalar_one()
    print(f"{path}: {n_volumes:,} volumes, {len(rooms)} rooms, {len(racks)} racks, {n_layers:,} layers")

    # -- layer list
    with db.read() as s:
        layer_ids = [r[0] for r in s.execute(text("SELECT DISTINCT layer_id FROM volumes WHERE layer_id IS NOT NULL LIMIT 50000"))]
    sample = random.Random(1).sample(layer_ids, 200)
    times = []
    for lid in sample:
        with db.read() as s:
            start = time.perf_counter()
            listing = loc.list_layer(s, lid)
            times.append(time.perf_counter() - start)
    line("layer list (200 random layers)", statistics.median(times), max(times), 0.020, f"{listing.occupancy.count} volumes")
    times = []
    for lid in sample[:100]:
        with db.read() as s:
            start = time.perf_counter()
            loc.describe_location(s, lid)
            times.append(time.perf_counter() - start)
    line("describe_location", statistics.median(times), max(times), None)

    # -- room map: service data + offscreen paint
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from archive_desk.ui.views.shelf_map import RackMapView, RoomMapView  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    biggest = max(rooms, key=lambda r: sum(1 for k in racks if k.room_id == r.id))
    room_view = RoomMapView()
    room_view.resize(1100, 800)

    def draw_room():  # noqa: ANN202
        with db.read() as s:
            data = loc.room_map(s, biggest.id)
        room_view.set_map(data)
        room_view.resize(1100, room_view.heightForWidth(1100))
        return room_view.grab(), data

    for _ in range(2):
        draw_room()  # warm the page cache
    median, worst, (image, data) = timed(draw_room, 7)
    cells = sum(r.totals.layers for r in data.racks)
    line(f"room map {biggest.code} (data + paint)", median, worst, 0.200, f"{len(data.racks)} racks, {cells:,} layers")
    image.save("/tmp/bench_shelves_room_map.png")

    def room_data():  # noqa: ANN202
        with db.read() as s:
            return loc.room_map(s, biggest.id)

    m, w, _ = timed(room_data, 5)
    line("  of which service data", m, w, None)
    rack_view = RackMapView()

    def draw_rack():  # noqa: ANN202
        with db.read() as s:
            rack_view.set_map(loc.rack_map(s, racks[0].id))
        rack_view.resize(rack_view.sizeHint())
        return rack_view.grab()

    m, w, rack_image = timed(draw_rack, 7)
    line("rack map (data + paint)", m, w, None)
    rack_image.save("/tmp/bench_shelves_rack_map.png")

    def overview():  # noqa: ANN202
        with db.read() as s:
            return loc.room_overview(s)

    m, w, ov = timed(overview, 3)
    line("room overview, all rooms (totals)", m, w, None, f"fill {ov.total.fill_percent}%")

    # -- space finder
    with db.read() as s:
        lp = catalogue.get_category(s, code="LP").id

    def space(count: int, category: int | None):  # noqa: ANN202
        def run():  # noqa: ANN202
            with db.read() as s:
                return loc.find_space(s, count, category_id=category)
        return run

    m, w, found = timed(space(500, lp), 5)
    first = found.proposals[0] if found.proposals else None
    line("space finder, 500 LP volumes", m, w, 0.300,
         f"first {first.first_code}…{first.last_code} ({len(first.layer_ids)} layers)" if first else "none")
    m, w, _ = timed(space(500, None), 5)
    line("space finder, 500 volumes, no category", m, w, None)

    # -- bulk move of 10,000 volumes (a search result: 2019 claims in 档号 order)
    with db.read() as s:
        ids = [r[0] for r in s.execute(text(
            "SELECT id FROM volumes WHERE code >= 'Z109-LP·2019' AND status = 'in_stock' ORDER BY code LIMIT 10000"))]
        target = loc.find_space(s, len(ids), category_id=lp).proposals[0]
        before_moves = s.execute(text("SELECT coalesce(max(id), 0) FROM location_moves")).scalar_one()
        before_audit = s.execute(text("SELECT coalesce(max(id), 0) FROM audit_log")).scalar_one()
    with db.read() as s:
        start = time.perf_counter()
        plan = loc.plan_bulk_move(s, ids, target.layer_ids[0])
        plan_time = time.perf_counter() - start
    line("bulk move plan (preview), 10,000 volumes", plan_time, plan_time, None, f"{len(plan.shares)} layers")
    start = time.perf_counter()
    with db.write() as s:
        result = loc.bulk_move(s, actor, ids, target.layer_ids[0], reason="benchmark")
    elapsed = time.perf_counter() - start
    line("bulk move 10,000 volumes (committed)", elapsed, elapsed, 3.0,
         f"{result.moved} moved onto {len(result.shares)} layers {result.shares[0].code}…{result.shares[-1].code}")
    with db.read() as s:
        listing = loc.list_layer(s, result.shares[0].layer_id)
        assert [e.volume_id for e in listing.entries] == ids[: len(listing.entries)], "order not kept"

    # put everything back as it was, so the catalogue can be benchmarked again
    with db.write() as s:
        s.execute(text(
            "UPDATE volumes SET layer_id = m.from_layer_id, shelf_position = m.from_position, version = version - 1"
            " FROM (SELECT volume_id, from_layer_id, from_position FROM location_moves WHERE id > :mid) AS m"
            " WHERE volumes.id = m.volume_id"), {"mid": before_moves})
        s.execute(text("DELETE FROM location_moves WHERE id > :mid"), {"mid": before_moves})
        s.execute(text("DELETE FROM audit_log WHERE id > :aid"), {"aid": before_audit})
    db.dispose()
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench1m_shelves.sqlite"))
