"""The first-start question: where the room keeps its catalogue, with the folder checked first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from archive_desk import app as app_module
from archive_desk import catalogue_place
from archive_desk.settings import Settings
from archive_desk.ui.dialogs import first_start
from archive_desk.ui.dialogs.first_start import FirstStartDialog
from archive_desk.ui.i18n import install_translators


def test_documents_in_onedrive_is_warned_about_and_a_local_folder_proposed(qapp, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    install_translators(qapp, "zh_CN")
    for var in catalogue_place.ONEDRIVE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(catalogue_place, "local_alternative", lambda environ=None: tmp_path / "local" / "ArchiveDesk")
    docs = tmp_path / "OneDrive - 公司" / "文档"
    dialog = FirstStartDialog(documents=docs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.folder() == docs / "ArchiveDesk"
    assert dialog.warning.isVisible() and "OneDrive" in dialog.warning.text() and "同步" in dialog.warning.text()
    assert dialog.local_button.isVisible()
    if shots := os.environ.get("ARCHIVE_DESK_SHOTS"):
        dialog.grab().save(str(Path(shots) / "first-start-onedrive.png"))
    dialog.local_button.click()
    assert dialog.folder() == tmp_path / "local" / "ArchiveDesk"
    assert not dialog.warning.isVisible()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_network_folder_cannot_be_chosen(qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(catalogue_place.network, "is_network_path", lambda p: "share" in str(p))
    dialog = FirstStartDialog(documents=tmp_path / "share" / "Documents")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isVisible() and not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_choice_is_remembered_and_opened(qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings_path = tmp_path / "config" / "settings.json"
    monkeypatch.setattr(catalogue_place, "should_ask", lambda *_a, **_k: True)  # a real first start
    chosen = tmp_path / "Documents" / "ArchiveDesk"

    def answer(self: FirstStartDialog) -> int:
        self.folder_edit.setText(str(chosen))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstStartDialog, "exec", answer)
    _app, window = app_module.start(None, settings_path=settings_path)
    qtbot.addWidget(window)
    try:
        assert window.ctx.catalogue_path == chosen / "catalogue.sqlite" and (chosen / "catalogue.sqlite").exists()
        assert Settings.load(settings_path).default_catalogue == str(chosen / "catalogue.sqlite")
    finally:
        window.ctx.db.dispose()
    # the next start asks nothing
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: pytest.fail("asked again"))
    _app, again = app_module.start(None, settings_path=settings_path)
    qtbot.addWidget(again)
    try:
        assert again.ctx.catalogue_path == chosen / "catalogue.sqlite"
    finally:
        again.ctx.db.dispose()


def test_cancelling_creates_nothing(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert first_start.ask_catalogue(Settings(), tmp_path / "settings.json") is None
    assert not (tmp_path / "settings.json").exists()
