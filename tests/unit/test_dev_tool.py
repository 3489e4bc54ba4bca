"""``tools/dev.py``: the README's commands under a chosen Python, and the list of Pythons CI runs the tests under."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_dev():  # noqa: ANN201 - the module
    spec = importlib.util.spec_from_file_location("dev_tool", ROOT / "tools" / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_python_is_taken_from_the_option_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    dev = load_dev()
    monkeypatch.delenv("ARCHIVE_DESK_PYTHON", raising=False)
    assert dev._split(["--python", "3.13", "--", "-m", "slow"]) == ("3.13", ["-m", "slow"])
    assert dev._split(["--python=/opt/py/bin/python3", "tests/unit"]) == ("/opt/py/bin/python3", ["tests/unit"])
    assert dev._split(["--", "--python", "x"]) == (None, ["--python", "x"])  # after "--" it is pytest's
    monkeypatch.setenv("ARCHIVE_DESK_PYTHON", "3.12")
    assert dev._split(["-q"]) == ("3.12", ["-q"])


def test_pythons_lists_every_python_from_3_12_once_and_this_one_among_them() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "dev.py"), "pythons"], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split()
    versions = [subprocess.run([exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True,
                               text=True, check=True).stdout.strip() for exe in out]
    assert len(versions) == len(set(versions))
    assert all(tuple(int(x) for x in v.split(".")) >= (3, 12) for v in versions)
    assert "{}.{}".format(*sys.version_info[:2]) in versions


def test_an_unknown_python_is_a_plain_message() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "dev.py"), "test", "--python", "3.99"],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 2
    assert "Python 3.99 was not found" in result.stderr
