"""The catalogue's table and detail pane as a reader below a volume's 密级 and a desk clerk without the personal-data
right see them (issue 16); an archivist's view of personal data is logged through the window's write runner."""

from __future__ import annotations

import os
from array import array
from pathlib import Path

from PySide6.QtWidgets import QWidget

from archive_desk.db.engine import Database
from archive_desk.services import catalogue, masking
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext
from archive_desk.ui.item_models.volume_table import VolumeTableModel
from archive_desk.ui.views.volume_detail import VolumeDetailView
from tests.conftest import settle_writes

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")
READER = Actor("reader", "ws", role="reader", clearance="公开", authenticated=True)
DESK = Actor("desk", "ws", role="desk", clearance="内部", authenticated=True)
ARCHIVIST = Actor("archivist", "ws", role="archivist", clearance="秘密", authenticated=True)
MASK = "（密级高于您的权限）"


def test_table_and_detail_mask_for_the_viewer(qtbot, db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    hidden = make_volume(title="鲲鹏计划涉密理赔案卷", security="秘密")
    person = make_volume(title="理赔案卷", custom={"claim_no": "PDAA1", "insured": "欧阳修文", "insured_id": "110101199003071234"})
    with db.write() as s:
        catalogue.add_item(s, actor, hidden.id, {"title": "鲲鹏计划查勘报告", "pages": 2})

    model = VolumeTableModel(db, viewer=READER)
    model.set_ids(array("q", [hidden.id, person.id]))
    title = VolumeTableModel.COLUMNS.index("title")
    assert model.data(model.index(0, 0)) == hidden.code
    assert model.data(model.index(0, title)) == MASK
    assert model.data(model.index(1, title)) == "理赔案卷"

    view = VolumeDetailView(db, actor=READER)
    qtbot.addWidget(view)
    view.show_volume(hidden.id)
    assert hidden.code in view.heading.text() and MASK in view.heading.text() and "鲲鹏" not in view.heading.text()
    assert view.items_model.data(view.items_model.index(0, view.items_model.COLUMNS.index("title"))) == MASK

    desk = VolumeDetailView(db, actor=DESK)
    qtbot.addWidget(desk)
    desk.show_volume(person.id)
    texts = [desk.form.itemAt(i).widget().text() for i in range(desk.form.count()) if desk.form.itemAt(i).widget()]
    assert "欧***" in texts and "1101**********1234" in texts and "欧阳修文" not in texts
    if SHOTS:
        desk.resize(420, 640)
        desk.grab().save(str(Path(SHOTS) / "detail_desk_masked.png"))
    settle_writes(qtbot)
    with db.read() as s:
        assert masking.list_access(s) == []  # the desk saw nothing unmasked

    host = QWidget()  # the catalogue area: the window's write runner finds the context on it
    host.ctx = AppContext(db=db, actor=ARCHIVIST, settings=Settings(), catalogue_path=Path("x"))  # type: ignore[attr-defined]
    qtbot.addWidget(host)
    archivist = VolumeDetailView(db, host, actor=ARCHIVIST)
    archivist.show_volume(person.id)
    settle_writes(qtbot)
    with db.read() as s:
        [entry] = masking.list_access(s)
    assert (entry.user, entry.action, entry.code, set(entry.fields)) == ("archivist", "view", person.code, {"insured", "insured_id"})
