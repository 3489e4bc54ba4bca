"""Scans as a keyboard-wedge scanner sends them: real X key events (``xdotool type``) into the real window.

``QTest.keyClicks`` sends no separate Shift press and release around a capital letter; a wedge scanner
and ``xdotool`` do. These tests start their own ``Xvfb``, start the app process on a demo catalogue with
``QT_QPA_PLATFORM=xcb`` and read back what a user would notice: what the window said about the scan
(the app logs every scan and every status line to its log file) and what a field or the table holds
(selected with Ctrl+A / the table's selection, copied with Ctrl+C, read from the X clipboard by a second
process).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import workstation_config

ROOT = Path(__file__).resolve().parents[2]
SCAN = "Z109-LP.2005-D30-0017"
SCAN_CODE = "Z109-LP·2005-D30-0017"

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool libxcb-cursor0; .ci/run installs them)",
)

CLIPBOARD_READER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
def read():
    sys.stdout.write(app.clipboard().text())
    app.quit()
QTimer.singleShot(200, read)
app.exec()
"""


class App:
    """The app running on its own X display, driven with xdotool."""

    def __init__(self, display: str, env: dict[str, str], log_file: Path) -> None:
        self.display = display
        self.env = env
        self.log_file = log_file

    window = ""

    def focus(self) -> None:
        """The app's window has the keyboard (there is no window manager to give it)."""
        self.xdotool("windowfocus", "--sync", self.window)

    def focus_until_keys_arrive(self) -> None:
        """Give the window the keyboard until a key shows that it arrives (F5 reads the list again, which
        the status bar says): without a window manager, a focus given while Qt still maps the window can
        be lost."""
        for _attempt in range(10):
            self.focus()
            mark = len(self.log_lines())
            self.xdotool("key", "F5")
            try:
                self.wait_for_log(r"status: ", after=mark, timeout=3)
                return
            except AssertionError:
                time.sleep(0.5)
        raise AssertionError("the app's window never received a key")

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60, check=True)
        return done.stdout.strip()

    def type(self, text: str, delay_ms: int) -> None:
        self.xdotool("type", "--delay", str(delay_ms), text)

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", key)
            time.sleep(0.15)  # a person's pace between keys: never part of a burst

    def log_lines(self) -> list[str]:
        return self.log_file.read_text(encoding="utf-8").splitlines() if self.log_file.exists() else []

    def wait_for_log(self, pattern: str, *, after: int = 0, timeout: float = 20.0) -> str:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.log_lines()[after:]:
                if regex.search(line):
                    return line
            time.sleep(0.1)
        raise AssertionError(f"no log line matches {pattern!r}; last lines:\n" + "\n".join(self.log_lines()[-15:]))

    def clipboard(self) -> str:
        done = subprocess.run([sys.executable, "-c", CLIPBOARD_READER], env=self.env, capture_output=True,
                              text=True, timeout=60, check=True)
        return done.stdout

    def copy_field(self) -> str:
        """Select everything in the focused field and copy it, as a person checking it would."""
        self.key("ctrl+a", "ctrl+c")
        time.sleep(0.2)
        return self.clipboard()


def _start_xvfb() -> tuple[subprocess.Popen[bytes], int]:
    """Xvfb on a display number it picks itself (``-displayfd``): no race with another X server."""
    read, write = os.pipe()
    try:
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            number = pipe.readline().strip()
    except BaseException:
        os.close(read)
        raise
    if not number:
        xvfb.kill()
        xvfb.wait()
        pytest.fail("Xvfb did not start")
    return xvfb, int(number)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    tmp = tmp_path_factory.mktemp("x11")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND"))}
    base["PYTHONPATH"] = str(ROOT / "src")
    catalogue = tmp / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "archive_desk", "demo", "--out", str(catalogue), "--volumes", "3000"],
                   env=base, check=True, capture_output=True, timeout=300)
    (tmp / "config").mkdir()
    (tmp / "config" / "settings.json").write_text('{"language": "zh_CN"}', encoding="utf-8")  # the room's language
    xvfb, n = _start_xvfb()
    env = dict(base, DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb", HOME=str(tmp / "home"),
               XDG_CONFIG_HOME=str(tmp / "home" / ".config"), ARCHIVE_DESK_DATA_DIR=str(tmp / "data"),
               ARCHIVE_DESK_CONFIG_DIR=str(workstation_config(tmp / "config")), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = None
    try:
        with (tmp / "app.err").open("w") as err:
            proc = subprocess.Popen([sys.executable, "-m", "archive_desk", "--db", str(catalogue)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=err)
        driver = App(f":{n}", env, tmp / "data" / "logs" / "archive-desk.log")
        driver.window = driver.xdotool("search", "--sync", "--onlyvisible", "--name", r"demo\.sqlite").splitlines()[0]
        driver.wait_for_log(r"status: .*(卷|volume)")  # the catalogue's first page is listed
        driver.focus_until_keys_arrive()
        yield driver
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        xvfb.terminate()
        xvfb.wait(timeout=20)


def test_scan_with_capitals_in_the_catalogue_opens_the_volume(app: App) -> None:
    """The table has the focus; each capital comes with its own Shift press and release."""
    app.focus()
    app.key("ctrl+1")
    app.xdotool("key", "Down")  # the table's current row, as after clicking into it
    mark = len(app.log_lines())
    app.type(SCAN, 6)
    app.xdotool("key", "Return")
    line = app.wait_for_log(r"scan \S+ in ", after=mark)
    assert f"scan {SCAN} in catalogue: " in line
    assert SCAN_CODE in line.split(": ", 1)[1]
    # the table's type-ahead got none of the keys: the scanned volume is the one selected
    app.key("ctrl+c")
    header, row = app.clipboard().splitlines()[:2]
    assert header.startswith("档号") and row.startswith(SCAN_CODE + "\t")


def test_scan_into_an_ordinary_field_at_12_ms_is_a_scan_and_leaves_the_field_alone(app: App) -> None:
    app.focus()
    app.key("ctrl+1", "ctrl+f")  # the catalogue's search box, an ordinary line edit
    mark = len(app.log_lines())
    app.type("Z109-LP.2005-D30-0018", 12)
    app.xdotool("key", "Return")
    line = app.wait_for_log(r"scan \S+ in ", after=mark)
    assert "scan Z109-LP.2005-D30-0018 in catalogue: " in line
    app.key("ctrl+f", "x")  # a person types one letter into the box: it holds that letter only
    assert app.copy_field() == "x"  # nothing of the scan was typed into the box
    app.key("BackSpace")


def test_fast_typing_into_an_ordinary_field_arrives_whole(app: App) -> None:
    """Typing (no Enter) at 12 ms a key, capitals and all: the field holds exactly what was typed."""
    app.focus()
    app.key("ctrl+1", "ctrl+f")
    typed = "K1-01A-01-1-1 Z109-LP Anhui"
    app.type(typed, 12)
    time.sleep(0.3)
    assert app.copy_field() == typed
    app.key("ctrl+a", "BackSpace", "Escape")


def test_scan_in_the_lending_desk_adds_the_volume(app: App) -> None:
    app.focus()
    app.key("ctrl+4")
    mark = len(app.log_lines())
    app.type("Z109-LP.2005-D30-0019", 6)
    app.xdotool("key", "Return")
    line = app.wait_for_log(r"status: .*(Z109-LP·2005-D30-0019|D30-0019)", after=mark)
    assert line.endswith("status: 已加入 Z109-LP·2005-D30-0019。")  # "Added …" to the lending list


def test_stocktake_started_by_keyboard_then_scanned(app: App) -> None:
    """Ctrl+6, tick the rack with the keyboard, Space on "开始盘点", then a layer label and a volume scanned
    into the stocktake's scan field: the scans are judged by the stocktake, not taken for catalogue look-ups."""
    app.focus()
    app.key("ctrl+6")  # the stocktake; the focus goes into it (its name field)
    app.key("Tab", "Down", "space", "Tab", "Tab")  # scope tree: the first rack ticked; past the layers box to Start
    mark = len(app.log_lines())
    app.key("space")
    started = app.wait_for_log(r"status: ", after=mark)
    assert "请扫描第一层的层标签" in started or "层标签" in started, started
    mark = len(app.log_lines())
    app.type("K1-01A-03-5-3", 6)
    app.xdotool("key", "Return")
    layer = app.wait_for_log(r"status: .*K1-01A-03-5-3", after=mark)
    assert "没有这个档号" not in layer
    mark = len(app.log_lines())
    app.type("Z109-LP.2005-D30-0016", 6)
    app.xdotool("key", "Return")
    line = app.wait_for_log(r"status: .*Z109-LP·2005-D30-0016", after=mark)
    assert "在位" in line  # it stands where the catalogue says: judged "in place"
