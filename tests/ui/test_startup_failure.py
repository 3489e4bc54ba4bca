"""A window that cannot start says so in a dialog naming the log file, instead of a silent exit (the windowed
Windows executable has no console): a bug or a migration failing while opening, or a damaged installation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from archive_desk import app as app_module
from archive_desk import log as app_log


def _answer_startup_dialog(seen: list[str]) -> None:
    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "startupFailure" and widget.isVisible():
                seen.append(f"{widget.windowTitle()}\n{widget.text()}\n{widget.informativeText()}")
                widget.done(0)
                return
        QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)


@pytest.mark.parametrize("failure", ["migration", "missing"])
def test_a_start_that_fails_shows_a_dialog_naming_the_log(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,  # noqa: ANN001
                                                          failure: str) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs the app's own
    if failure == "migration":
        def broken(*args: object, **kwargs: object) -> object:
            raise RuntimeError("alembic: Can't locate revision identified by '0006_tamper'")

        monkeypatch.setattr(app_module, "build_context", broken)
    else:
        monkeypatch.setattr(app_module, "missing_files", lambda: ["db/migrations/env.py"])
    seen: list[str] = []
    _answer_startup_dialog(seen)
    code = app_module.run_gui(tmp_path / "catalogue.sqlite")
    assert code == 1
    assert len(seen) == 1
    log_file = app_log.file_path()
    assert log_file is not None and str(log_file) in seen[0]
    assert ("0006_tamper" if failure == "migration" else "db/migrations/env.py") in seen[0]
    assert "0006_tamper" in log_file.read_text(encoding="utf-8") or failure == "missing"
