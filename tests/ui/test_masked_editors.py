"""The catalogue's editors mask a volume above the account's clearance (issue 16, review item 1): the archivist
(秘密) opening a 机密 volume sees （密级高于您的权限） in its title, notes and fields, every field read-only and a note
at the top saying it is outside their clearance, and cannot save; the security administrator (公开) still changes
its 密级; the items editor does not let a masked item title be typed over."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from archive_desk.db.engine import Database
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext
from archive_desk.ui.fonts import register_fonts
from archive_desk.ui.i18n import install_translators

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS")
ARCHIVIST = Actor("archivist", "ws", role="archivist", clearance="秘密", authenticated=True)
SECADMIN = Actor("secadmin", "ws", role="secadmin", clearance="公开", authenticated=True)
MASK = "（密级高于您的权限）"
TITLE = "鲲鹏计划涉密理赔案卷"


@pytest.fixture(autouse=True)
def _chinese_ui(qapp) -> Iterator[None]:  # noqa: ANN001
    """The UI in Chinese, as the room uses it."""
    install_translators(qapp, "zh_CN")
    register_fonts()
    yield


def _ctx(db: Database, who: Actor) -> AppContext:
    return AppContext(db=db, actor=who, settings=Settings(), catalogue_path=Path("x"))


@pytest.fixture
def hidden(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    volume = make_volume(title=TITLE, security="机密", notes="内部备注", custom={"claim_no": "PDAA201900009999", "insured": "周鲲"})
    with db.write() as s:
        catalogue.add_item(s, actor, volume.id, {"title": "鲲鹏计划查勘报告", "pages": 2})
        return catalogue.get_volume(s, volume.id)


def test_the_editor_shows_a_hidden_volume_masked_and_read_only(qtbot, db: Database, hidden) -> None:  # noqa: ANN001
    from archive_desk.ui.dialogs.volume_editor import VolumeEditor

    editor = VolumeEditor(_ctx(db, ARCHIVIST), hidden.id)
    qtbot.addWidget(editor)
    assert editor.title_edit.text() == MASK and editor.notes.toPlainText() == MASK
    custom = {key: w.text() if isinstance(w, QLineEdit) else w.currentText() for key, w in editor._custom_widgets.items()}
    assert custom["insured"] == MASK and custom["claim_no"] == MASK
    assert all(TITLE not in text and "周鲲" not in text for text in (*custom.values(), editor.title_edit.text()))
    assert editor.title_edit.isReadOnly() and editor.notes.isReadOnly() and editor.responsible.isReadOnly()
    assert all(w.isReadOnly() if isinstance(w, QLineEdit) else not w.isEnabled() for w in editor._custom_widgets.values())
    assert not editor.year.isEnabled() and not editor.pages.isEnabled() and not editor.category.isEnabled()
    assert "在您的密级权限之外" in editor.title_edit.toolTip()
    assert editor.clearance_note.isVisibleTo(editor) and "在您的密级权限之外" in editor.clearance_note.text()
    assert hidden.code in editor.clearance_note.text()
    assert not editor.save_button.isEnabled() and editor.save() is None  # nothing to save
    if SHOTS:
        editor.grab().save(str(Path(SHOTS) / "volume_editor_above_clearance.png"))
    with db.read() as s:
        now = catalogue.get_volume(s, hidden.id)
    assert (now.title, now.notes, dict(now.custom), now.version) == (TITLE, "内部备注", dict(hidden.custom), hidden.version)


def test_the_security_administrator_changes_the_security_of_a_hidden_volume(qtbot, db: Database, hidden) -> None:  # noqa: ANN001
    from archive_desk.ui.dialogs.volume_editor import VolumeEditor

    editor = VolumeEditor(_ctx(db, SECADMIN), hidden.id)
    qtbot.addWidget(editor)
    assert editor.title_edit.text() == MASK and editor.title_edit.isReadOnly()
    assert editor.security.isEnabled() and editor.security_period.isEnabled() and editor.save_button.isEnabled()
    assert "密级" in editor.clearance_note.text() and editor.clearance_note.isVisibleTo(editor)
    if SHOTS:
        editor.grab().save(str(Path(SHOTS) / "volume_editor_secadmin_above_clearance.png"))
    editor.security.setCurrentIndex(editor.security.findData("秘密"))
    editor.security_period.setValue(10)
    run = editor.save()
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=20000)
    assert run.error is None, run.error
    with db.read() as s:
        now = catalogue.get_volume(s, hidden.id)
    assert (now.security, now.security_period, now.title, now.notes, dict(now.custom)) == (
        "秘密", 10, TITLE, "内部备注", dict(hidden.custom))


def test_the_archivist_still_edits_a_volume_within_their_clearance(qtbot, db: Database, make_volume) -> None:  # noqa: ANN001
    from archive_desk.ui.dialogs.volume_editor import VolumeEditor

    volume = make_volume(title="秘密理赔案卷", security="秘密")
    editor = VolumeEditor(_ctx(db, ARCHIVIST), volume.id)
    qtbot.addWidget(editor)
    assert editor.title_edit.text() == "秘密理赔案卷" and not editor.title_edit.isReadOnly()
    assert editor.save_button.isEnabled() and not editor.clearance_note.isVisibleTo(editor)


def test_the_items_editor_does_not_let_a_masked_title_be_typed_over(qtbot, db: Database, actor: Actor, hidden,  # noqa: ANN001
                                                                     make_volume) -> None:
    from archive_desk.ui.dialogs.items_editor import ItemsEditor

    editor = ItemsEditor(_ctx(db, ARCHIVIST), hidden.id)
    qtbot.addWidget(editor)
    title = editor.model.index(0, editor.model.COLUMNS.index("title"))
    assert editor.model.data(title) == MASK
    assert not editor.model.flags(title) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.setData(title, "改写的题名")
    with db.read() as s:
        assert catalogue.list_items(s, hidden.id)[0].title == "鲲鹏计划查勘报告"

    open_ = make_volume(title="公开理赔案卷")
    with db.write() as s:
        catalogue.add_item(s, actor, open_.id, {"title": "定损单", "pages": 1})
    editor = ItemsEditor(_ctx(db, ARCHIVIST), open_.id)
    qtbot.addWidget(editor)
    title = editor.model.index(0, editor.model.COLUMNS.index("title"))
    assert editor.model.flags(title) & Qt.ItemFlag.ItemIsEditable  # what the archivist reads they edit
    assert isinstance(editor.new_security, QComboBox)
