"""``--self-test``: the installed app checks itself. In-process here, with ``sys.stdout`` and ``sys.stderr``
set to None as the windowed Windows executable has them; CI runs it in the frozen folder (.ci/run)."""

from __future__ import annotations

import logging
import sys

import pytest

from archive_desk import __version__, cli, selftest


def test_self_test_passes_without_stdout_or_stderr(qtbot, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    caplog.set_level(logging.INFO, logger="archive_desk.selftest")
    code = cli.main(["--self-test"])
    monkeypatch.undo()
    assert code == 0, caplog.text[-3000:]
    assert "self-test passed: 7 steps" in caplog.text


def test_a_broken_step_exits_non_zero_naming_it(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def broken(scratch: selftest.Scratch) -> str:
        raise RuntimeError("the search index is missing")

    def later(scratch: selftest.Scratch) -> str:
        ran.append("later")
        return ""

    monkeypatch.setattr(selftest, "STEPS", [("catalogue", selftest.step_catalogue), ("search", broken), ("window", later)])
    assert cli.main(["--self-test"]) == 1
    out = capsys.readouterr()
    assert out.out.strip().splitlines() == [
        f"ArchiveDesk {__version__} self-test FAILED at step 'search': RuntimeError: the search index is missing"]
    assert "catalogue: ok" in out.err
    assert ran == []  # it stops at the failing step


def test_fonts_not_embedded_are_told() -> None:
    embedded, missing = selftest.embedded_fonts(
        b"%PDF-1.4 << /Type /FontDescriptor /FontName /AAAAAA+WenQuanYiMicroHei-0 /FontFile2 7 0 R >>"
        b" << /Type /Font /BaseFont /Helvetica >>")
    assert embedded == ["AAAAAA+WenQuanYiMicroHei-0"]
    assert missing == ["Helvetica"]
