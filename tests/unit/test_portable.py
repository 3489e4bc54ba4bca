"""The app and its test suite run on Windows: no POSIX-only calls in app code, no signals in tests.

``benchmarks/fault_campaign.py`` stays POSIX (it kills with signals and injects faults with libfiu, which
exists only there) and is not checked."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = re.compile(r"os\.getuid|os\.geteuid|os\.fork\b|\bimport fcntl|\bfcntl\.|signal\.SIG(?!INT\b|TERM\b)|[\"']/tmp\b|os\.killpg|os\.setsid")


def _hits(folder: Path, pattern: re.Pattern[str]) -> list[str]:
    return [f"{p.relative_to(ROOT)}:{n}" for p in sorted(folder.rglob("*.py"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]


def test_app_code_has_no_posix_only_calls() -> None:
    assert _hits(ROOT / "src" / "archive_desk", POSIX_ONLY) == []


def test_tests_kill_children_the_portable_way() -> None:
    # Popen.kill() is SIGKILL on POSIX and TerminateProcess on Windows; signal.SIGKILL does not exist there
    me = Path(__file__).name
    assert [h for h in _hits(ROOT / "tests", re.compile(r"signal\.SIGKILL|[\"']XDG_CONFIG_HOME[\"']|XDG_CONFIG_HOME=")) if me not in h
            and "test_scan_x11.py" not in h] == []  # the X11 scan test runs only under Xvfb
