"""A person cannot change text they may not read (issue 16, review items 3-4): a volume or an item above the
actor's clearance is not changed by ``update_volume`` / ``update_item`` / ``remove_item`` (a refusal naming the
档号, recorded in the trail), a masked value sent back unchanged never replaces the real one, and the security
administrator still sets 密级 and 保密期限 whatever their own clearance."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from archive_desk.db.engine import Database
from archive_desk.models import AuditEntry
from archive_desk.services import catalogue, permissions
from archive_desk.services.audit import Actor

ARCHIVIST = Actor("archivist", "ws-test-3", role="archivist", clearance="秘密", authenticated=True)
SECADMIN = Actor("secadmin", "ws-test-3", role="secadmin", clearance="公开", authenticated=True)
MASK = "（密级高于您的权限）"  # tests run in Chinese (conftest)
TITLE = "鲲鹏计划涉密理赔案卷"


@pytest.fixture
def hidden(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201 - a 机密 volume with one item
    volume = make_volume(title=TITLE, security="机密", notes="内部备注", custom={"claim_no": "PDAA201900009999", "insured": "周鲲"})
    with db.write() as s:
        catalogue.add_item(s, actor, volume.id, {"title": "鲲鹏计划查勘报告", "pages": 2})
    with db.read() as s:
        return catalogue.get_volume(s, volume.id)


def _refusals(db: Database) -> list[dict[str, object]]:
    with db.read() as s:
        rows = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "permission.refused").order_by(AuditEntry.id))
        return [json.loads(r) if isinstance(r, str) else r for r in rows]


def test_an_archivist_below_the_volume_cannot_change_it(db: Database, hidden) -> None:  # noqa: ANN001
    for changes in ({"title": "改写的题名"}, {"notes": "新的备注"}, {"custom": {**hidden.custom, "insured": "王五"}},
                    {"pages": 99}):
        with pytest.raises(permissions.PermissionDeniedError) as refused, db.write() as s:
            catalogue.update_volume(s, ARCHIVIST, hidden.id, hidden.version, changes)
        assert hidden.code in str(refused.value) and "密级高于您的权限" in str(refused.value)
    with db.read() as s:
        now = catalogue.get_volume(s, hidden.id)
    assert (now.title, now.notes, dict(now.custom), now.pages, now.version) == (
        TITLE, "内部备注", dict(hidden.custom), hidden.pages, hidden.version)
    assert [(r["operation"], r["code"], r["reason"]) for r in _refusals(db)] == [
        ("catalogue.update_volume", hidden.code, "clearance")] * 4


def test_masked_values_sent_back_unchanged_keep_the_stored_ones(db: Database, hidden) -> None:  # noqa: ANN001
    # what the editor holds for the archivist: the mask in every hidden text; sent back as it is, nothing changes
    shown = {"title": MASK, "notes": MASK, "custom": {"claim_no": MASK, "insured": MASK}, "pages": hidden.pages}
    with db.write() as s:
        after = catalogue.update_volume(s, ARCHIVIST, hidden.id, hidden.version, shown)
    assert after.title == MASK  # the result as the archivist may see it
    with db.read() as s:
        now = catalogue.get_volume(s, hidden.id)
    assert (now.title, now.notes, dict(now.custom)) == (TITLE, "内部备注", dict(hidden.custom))
    assert _refusals(db) == []


def test_the_security_administrator_sets_the_security_above_their_clearance(db: Database, hidden) -> None:  # noqa: ANN001
    with db.write() as s:
        changed = catalogue.set_security(s, SECADMIN, hidden.id, hidden.version, "秘密", 10)
    assert (changed.security, changed.security_period, changed.title) == ("秘密", 10, MASK)  # 秘密 is still above 公开
    with db.read() as s:
        now = catalogue.get_volume(s, hidden.id)
    assert (now.security, now.security_period, now.title, now.notes) == ("秘密", 10, TITLE, "内部备注")
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:  # the rest is the archivist's still
        catalogue.update_volume(s, SECADMIN, hidden.id, now.version, {"title": "x"})


def test_an_item_above_the_clearance_cannot_be_changed_or_withdrawn(db: Database, hidden) -> None:  # noqa: ANN001
    with db.read() as s:
        item = catalogue.list_items(s, hidden.id)[0]
    with pytest.raises(permissions.PermissionDeniedError) as refused, db.write() as s:
        catalogue.update_item(s, ARCHIVIST, item.id, item.version, {"title": MASK + "改"})
    assert hidden.code in str(refused.value)
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
        catalogue.remove_item(s, ARCHIVIST, item.id, "误录")
    with db.read() as s:
        assert [(i.title, i.notes, i.removed) for i in catalogue.list_items(s, hidden.id, include_removed=True)] == [
            ("鲲鹏计划查勘报告", "", False)]
    assert [r["operation"] for r in _refusals(db)] == ["catalogue.update_item", "catalogue.remove_item"]


def test_an_item_classified_above_its_volume_is_refused_too(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    volume = make_volume(title="公开理赔案卷", security="内部")
    with db.write() as s:
        change = catalogue.add_item(s, actor, volume.id, {"title": "涉密附件", "security": "机密"})
        catalogue.add_item(s, actor, volume.id, {"title": "普通附件"})
    secret, = change.items
    with pytest.raises(permissions.PermissionDeniedError), db.write() as s:
        catalogue.update_item(s, ARCHIVIST, secret.id, secret.version, {"title": "改写"})
    with db.write() as s:  # the volume itself and its other items the archivist reads, and changes
        version = catalogue.get_volume(s, volume.id).version
        catalogue.update_volume(s, ARCHIVIST, volume.id, version, {"title": "公开理赔案卷（补）"})
        other = catalogue.list_items(s, volume.id)[1]
        catalogue.update_item(s, ARCHIVIST, other.id, other.version, {"title": "普通附件（补）"})
    with db.read() as s:
        assert [i.title for i in catalogue.list_items(s, volume.id)] == ["涉密附件", "普通附件（补）"]
