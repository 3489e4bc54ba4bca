"""A second start on a catalogue brings the first window forward instead of opening a second one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from archive_desk.ui.single_instance import SingleInstance, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_the_same_catalogue_is_one_name_whatever_the_spelling(tmp_path: Path) -> None:
    a = tmp_path / "room" / "catalogue.sqlite"
    assert server_name(a) == server_name(tmp_path / "room" / ".." / "room" / "catalogue.sqlite")
    assert server_name(a) != server_name(tmp_path / "other.sqlite")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stack; Windows and X11 do
def test_a_second_start_brings_the_first_window_forward(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    catalogue = tmp_path / "catalogue.sqlite"
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    first = SingleInstance(catalogue, window)
    assert first.listen(window)
    try:
        assert not SingleInstance(tmp_path / "another.sqlite").bring_forward_existing()  # another catalogue: a window of its own
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert SingleInstance(catalogue).bring_forward_existing()
        assert not window.isMinimized() and window.isVisible()
    finally:
        first.close()
    assert not SingleInstance(catalogue).bring_forward_existing()  # closed: the next start opens it


def test_a_second_process_on_the_same_catalogue_finds_the_first(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    catalogue = tmp_path / "目录库.sqlite"
    holder = QWidget()
    qtbot.addWidget(holder)
    first = SingleInstance(catalogue, holder)
    assert first.listen()
    child = ("import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
             "from archive_desk.ui.single_instance import SingleInstance;"
             "sys.exit(0 if SingleInstance(Path(sys.argv[1])).bring_forward_existing() else 3)")
    try:
        with qtbot.waitSignal(first.activated, timeout=20000):
            proc = subprocess.Popen([sys.executable, "-c", child, str(catalogue)], env={**os.environ,
                                    "PYTHONPATH": str(ROOT / "src")})
        assert proc.wait(timeout=60) == 0
    finally:
        first.close()
