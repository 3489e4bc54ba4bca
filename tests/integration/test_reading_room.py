"""阅览中 (issue #15 item 1): while a consultation is open the volume shows "in the reading room" in the
catalogue's list, its detail and search results, and cannot go on a transfer batch or an appraisal list."""

from __future__ import annotations

from datetime import date

import pytest

from archive_desk.db.engine import Database
from archive_desk.services import catalogue, loans, reading, search, transfers, volume_list
from archive_desk.services.audit import Actor
from archive_desk.services.loans import LineReturn


@pytest.fixture
def consulted(db: Database, actor: Actor, fonds_id: int) -> tuple[catalogue.VolumeRecord, catalogue.VolumeRecord]:
    """Two 病案 volumes; the first is with a reader in the reading room (查阅, still open)."""
    with db.write() as s:
        cat = catalogue.get_category(s, code="BL")
        vols = tuple(catalogue.create_volume(s, actor, {"fonds_id": fonds_id, "category_id": cat.id, "year": 1990,
                                                        "retention": "D30", "title": f"王某住院病案{n}", "pages": 60,
                                                        "custom": {"record_no": f"001234{n}", "patient": "王某"}})
                     for n in (1, 2))
        reader = loans.create_borrower(s, actor, {"name": "周医生", "unit": "医务科", "card_no": "YG0101"})
        loans.lend(s, actor, reader.id, [vols[0].id], "工作查考", "查阅", None)
    return vols  # type: ignore[return-value]


def shown(db: Database, vid: int) -> str:
    with db.read() as s:
        return volume_list.fetch_rows(s, [vid], ("code", "status"))[vid][1]


def test_an_open_consultation_shows_in_the_reading_room_in_the_list_the_search_and_the_detail(db, actor, consulted) -> None:
    v, w = consulted
    assert (shown(db, v.id), shown(db, w.id)) == (reading.READING, "in_stock")
    assert catalogue.status_label(reading.READING) in ("in reading room", "阅览中")
    with db.read() as s:
        assert catalogue.get_volume(s, v.id).status == "in_stock"  # the stored status is untouched
        hits = {h.code: h.status for h in search.search_result(s, v.code).hits}
        assert hits[v.code] == reading.READING
        assert reading.display_status(s, v.id, "in_stock") == reading.READING
    with db.write() as s:
        loans.return_volumes(s, actor, [LineReturn(v.id)])
    assert shown(db, v.id) == "in_stock"
    with db.read() as s:
        assert {h.code: h.status for h in search.search_result(s, v.code).hits}[v.code] == "in_stock"


def test_a_volume_in_the_reading_room_cannot_go_on_a_transfer_batch_or_an_appraisal_list(db, actor, consulted) -> None:
    v, w = consulted
    with db.write() as s:
        batch = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", nature="移交")
        result = transfers.add_volumes(s, actor, batch.id, [v.id, w.id])
        a = transfers.create_appraisal(s, actor, date.today().year)
        listed = transfers.add_appraisal_volumes(s, actor, a.id, [v.id, w.id])
    for r in (result, listed):
        assert [line.code for line in r.added] == [w.code]
        assert [(x.code, "阅览中" in x.reason, "周医生" in x.reason) for x in r.refused] == [(v.code, True, True)]
    with db.write() as s:  # once the consultation is closed the volume can go
        loans.return_volumes(s, actor, [LineReturn(v.id)])
        assert [line.code for line in transfers.add_volumes(s, actor, batch.id, [v.id]).added] == [v.code]
