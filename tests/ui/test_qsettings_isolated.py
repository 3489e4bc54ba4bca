"""Window state is kept apart through an INI file in the workstation's config folder (not XDG_CONFIG_HOME,
which Windows ignores: QSettings there is the registry)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from archive_desk.app import isolate_qsettings


def test_window_state_is_an_ini_file_in_the_config_folder(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARCHIVE_DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ARCHIVE_DESK_WINDOW_STATE_DIR", raising=False)  # (the tests' own per-test folder)
    isolate_qsettings()
    try:
        settings = QSettings()
        assert settings.format() == QSettings.Format.IniFormat
        path = Path(settings.fileName())
        assert path.suffix == ".ini" and tmp_path / "config" in path.parents
        settings.setValue("probe", 1)
        settings.sync()
        assert path.exists()
    finally:
        monkeypatch.undo()
        isolate_qsettings()  # back to this test's own folder
