"""Window state is kept apart through an INI file in the workstation's config folder (not XDG_CONFIG_HOME,
which Windows ignores: QSettings there is the registry)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings


def test_window_state_is_an_ini_file_in_the_config_folder(qapp) -> None:  # noqa: ANN001
    settings = QSettings()
    assert settings.format() == QSettings.Format.IniFormat
    path = Path(settings.fileName())
    assert path.suffix == ".ini" and Path(os.environ["ARCHIVE_DESK_CONFIG_DIR"]) in path.parents
