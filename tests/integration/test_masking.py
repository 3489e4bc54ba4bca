"""Masking in the services (issue 16): a reader below a volume's 密级 neither sees its hidden text nor finds it
by that text, while its 档号 still finds it; personal fields are masked for those without the right, and every
unmasked view of them is logged for the auditor."""

from __future__ import annotations

import json

import pytest

from archive_desk.db.engine import Database
from archive_desk.services import catalogue, masking, search, volume_list
from archive_desk.services.audit import Actor

READER = Actor("reader", "ws-test-2", role="reader", clearance="公开", authenticated=True)
ARCHIVIST = Actor("archivist", "ws-test-2", role="archivist", clearance="秘密", authenticated=True)
DESK = Actor("desk", "ws-test-2", role="desk", clearance="内部", authenticated=True)
MASK = "（密级高于您的权限）"  # tests run in Chinese (conftest)


@pytest.fixture
def secret(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    open_ = make_volume(title="李娜机动车辆保险追尾事故理赔案卷")
    hidden = make_volume(title="鲲鹏计划涉密理赔案卷", security="秘密", custom={"claim_no": "PDAA201900009999", "insured": "周鲲"})
    with db.write() as s:
        catalogue.add_item(s, actor, hidden.id, {"title": "鲲鹏计划查勘报告", "pages": 2})
        catalogue.add_item(s, actor, open_.id, {"title": "李娜定损单", "pages": 3})
    return open_, hidden


def test_a_reader_does_not_find_a_secret_volume_by_its_hidden_title(db: Database, secret) -> None:  # noqa: ANN001
    _open, hidden = secret
    with db.read() as s:
        assert [h.volume_id for h in search.search(s, "鲲鹏", viewer=ARCHIVIST)] == [hidden.id]
        assert search.search(s, "鲲鹏", viewer=READER) == []  # neither by the title nor by the item
        assert search.search(s, "查勘报告", viewer=READER) == []
        assert search.search(s, "周鲲", viewer=READER) == []  # nor by its own fields
        assert search.count_matches(s, "鲲鹏", viewer=READER) == 0
        assert search.count_matches(s, "鲲鹏", viewer=ARCHIVIST) == 1
        # its 档号 still finds it, masked
        hits = search.search(s, hidden.code, viewer=READER)
        assert [h.volume_id for h in hits] == [hidden.id]
        assert hits[0].code == hidden.code and hits[0].title == MASK
        # a 档号 fragment too (the tier of 档号 matches is not restricted)
        fragment = hidden.code.rsplit("-", 1)[-1]
        found = {h.volume_id: h for h in search.search(s, fragment, viewer=READER)}
        assert hidden.id in found and found[hidden.id].title == MASK
        # no accounts: found and shown as before
        assert search.search(s, "鲲鹏")[0].title == "鲲鹏计划涉密理赔案卷"


def test_the_table_shows_the_code_but_masks_the_title(db: Database, secret) -> None:  # noqa: ANN001
    open_, hidden = secret
    columns = ("code", "title", "security")
    with db.read() as s:
        rows = volume_list.fetch_rows(s, [open_.id, hidden.id], columns, READER)
        assert rows[hidden.id] == (hidden.code, MASK, "秘密")
        assert rows[open_.id][1] == "李娜机动车辆保险追尾事故理赔案卷"
        assert volume_list.fetch_rows(s, [hidden.id], ("code", "title"), READER)[hidden.id] == (hidden.code, MASK)
        assert volume_list.fetch_rows(s, [hidden.id], columns, ARCHIVIST)[hidden.id][1] == "鲲鹏计划涉密理赔案卷"


def test_the_detail_masks_title_items_fields_and_history(db: Database, secret) -> None:  # noqa: ANN001
    from archive_desk.ui.views.volume_detail import load_detail  # pure function: no widget

    _open, hidden = secret
    detail = load_detail(db, hidden.id, READER)
    assert detail.volume.code == hidden.code and detail.volume.title == MASK
    assert {k: v for k, v in detail.volume.custom.items() if v} == {"claim_no": MASK, "insured": MASK}
    assert [i.title for i in detail.items] == [MASK]
    assert "鲲鹏" not in json.dumps([(h.before, h.after) for h in detail.history], ensure_ascii=False)
    assert "周鲲" not in json.dumps([(h.before, h.after) for h in detail.history], ensure_ascii=False)
    assert load_detail(db, hidden.id, ARCHIVIST).volume.title == "鲲鹏计划涉密理赔案卷"


def test_personal_fields_are_masked_for_the_desk_and_views_logged(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.views.volume_detail import load_detail

    vol = make_volume(custom={"claim_no": "PDAA201900001234", "insured": "欧阳修文", "insured_id": "110101199003071234"})
    desk = load_detail(db, vol.id, DESK)
    assert desk.volume.custom["insured"] == "欧***"
    assert desk.volume.custom["insured_id"] == "1101**********1234"
    assert desk.volume.custom["claim_no"] == "PDAA201900001234"
    assert desk.personal_shown == ()  # nothing shown unmasked: nothing to log
    seen = load_detail(db, vol.id, ARCHIVIST)
    assert seen.volume.custom["insured"] == "欧阳修文"
    assert set(seen.personal_shown) == {"insured", "insured_id"}
    assert load_detail(db, vol.id, actor).personal_shown == ()  # no accounts: nobody to name
    with db.write() as s:
        masking.log_access_op(s, ARCHIVIST, "view", [(vol.id, seen.personal_shown)])
    with db.read() as s:
        entries = masking.list_access(s)
        assert [(e.user, e.action, e.code, set(e.fields)) for e in entries] == [
            ("archivist", "view", vol.code, {"insured", "insured_id"})]
        assert masking.list_access(s, user="desk") == []
        assert masking.list_access(s, volume_id=vol.id)[0].volume_id == vol.id


def test_labels_and_forms_mask_hidden_text_and_personal_fields(db: Database, actor: Actor, secret, make_volume) -> None:  # noqa: ANN001
    from archive_desk.services import labels

    _open, hidden = secret
    personal = make_volume(custom={"claim_no": "PDAA201900004321", "insured": "欧阳修文", "insured_id": "110101199003071234"})
    with db.read() as s:
        [label] = labels.label_records(s, [hidden.id], viewer=READER)
        assert label.code == hidden.code and label.title == MASK and label.extra["insured"] == MASK
        [seal] = labels.item_seal_records(s, [hidden.id], viewer=READER)
        assert seal.title == MASK
        [form] = labels.volume_forms(s, [hidden.id], viewer=READER)
        assert form.code == hidden.code and form.title == MASK and [i.title for i in form.items] == [MASK]
        assert all("周鲲" not in value for _label, value in form.fields)
        [form] = labels.volume_forms(s, [personal.id], viewer=DESK)
        assert ("被保险人" if dict(form.fields).get("被保险人") else "Insured", "欧***") in form.fields
        [label] = labels.label_records(s, [personal.id], viewer=DESK)
        assert label.extra["insured_id"] == "1101**********1234"
        # an archivist sees them, and that print is what gets logged
        assert labels.label_records(s, [personal.id], viewer=ARCHIVIST)[0].extra["insured"] == "欧阳修文"
        shown = dict(masking.personal_shown_ids(s, ARCHIVIST, [personal.id, hidden.id, _open.id]))
        assert shown == {personal.id: ("insured", "insured_id"), hidden.id: ("insured",), _open.id: ("insured",)}
        below = Actor("a", role="archivist", clearance="公开")  # the secret volume is masked for them: not logged
        assert hidden.id not in dict(masking.personal_shown_ids(s, below, [hidden.id, _open.id]))
        assert masking.personal_shown_ids(s, DESK, [personal.id]) == []  # masked: nothing shown to log


@pytest.mark.sqlite_only(reason="the yearly inventory reads SQLite's stored date text (its own tests run on files)")
def test_the_inventory_export_masks_hidden_titles(db: Database, secret, tmp_path) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from archive_desk.services import inventory

    _open, hidden = secret
    with db.read() as s:
        year = hidden.created_at.year
        path = inventory.export_inventory(s, year, tmp_path / "inv.xlsx", viewer=READER)
    book = load_workbook(path, read_only=True)
    try:
        cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
    finally:
        book.close()
    assert hidden.code in cells and MASK in cells
    assert not any("鲲鹏" in c for c in cells)


@pytest.mark.sqlite_only(reason="runs the command on the catalogue file")
def test_the_command_line_json_masks_hidden_titles(db: Database, db_path, secret, capsys) -> None:  # noqa: ANN001
    import argparse

    from archive_desk.commands.search import run_search

    _open, hidden = secret
    args = argparse.Namespace(db=db_path, query=[hidden.code], limit=20, json=True, actor=READER)
    assert run_search(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(h["code"], h["title"]) for h in out["hits"]] == [(hidden.code, MASK)]
    args = argparse.Namespace(db=db_path, query=["鲲鹏"], limit=20, json=True, actor=READER)
    assert run_search(args) == 0
    assert json.loads(capsys.readouterr().out)["hits"] == []


def test_a_shelf_listing_masks_hidden_titles(db: Database, actor: Actor, secret) -> None:  # noqa: ANN001
    from archive_desk.services import locations

    _open, hidden = secret
    with db.write() as s:
        room = locations.create_room(s, actor, 1)
        rack = locations.create_rack(s, actor, room.id, 1, columns=1, sections=1, layers=1)
        layer = locations.list_layers(s, rack.id)[0]
        locations.place_volume(s, actor, hidden.id, layer.id)
    with db.read() as s:
        [entry] = locations.list_layer(s, layer.id, viewer=READER).entries
        assert entry.code == hidden.code and entry.title == MASK
        assert locations.list_layer(s, layer.id).entries[0].title == "鲲鹏计划涉密理赔案卷"


def test_the_list_neither_filters_nor_sorts_by_hidden_text(db: Database, secret) -> None:  # noqa: ANN001
    from archive_desk.services.volume_list import VolumeFilter, snapshot_ids

    open_, hidden = secret
    by_insured = VolumeFilter(custom=(("insured", "周鲲"),))
    with db.read() as s:
        assert list(snapshot_ids(s, by_insured)) == [hidden.id]
        assert list(snapshot_ids(s, by_insured, viewer=READER)) == []  # the hidden field does not match
        assert list(snapshot_ids(s, by_insured, viewer=ARCHIVIST)) == [hidden.id]
        # by title: the hidden one sorts as its mask does, not as 鲲鹏… would
        order = list(snapshot_ids(s, VolumeFilter(), "title", viewer=READER))
        assert order.index(hidden.id) == len(order) - 1  # （ sorts after the Chinese titles
        assert set(order) == {open_.id, hidden.id}


def test_the_auditor_reads_the_trail_masked_by_their_clearance(db: Database, actor: Actor, secret, make_volume) -> None:  # noqa: ANN001
    from archive_desk.services import trail

    _open, hidden = secret
    make_volume(custom={"claim_no": "PDAA1", "insured": "欧阳修文", "insured_id": "110101199003071234"})
    auditor = Actor("auditor", "ws", role="auditor", clearance="公开", authenticated=True)
    with db.read() as s:
        shown = json.dumps([(e.before, e.after) for e in trail.list_entries(s, viewer=auditor)], ensure_ascii=False)
        plain = json.dumps([(e.before, e.after) for e in trail.list_entries(s)], ensure_ascii=False)
    assert "鲲鹏" in plain and "欧阳修文" in plain  # no accounts: the trail as written
    assert "鲲鹏" not in shown and "周鲲" not in shown and "欧阳修文" not in shown and "110101199003071234" not in shown
    assert hidden.code in shown and "欧***" in shown
