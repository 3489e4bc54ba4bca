"""A file an antivirus scanner or indexer holds for a moment (WinError 5/32) is moved once it is let go;
one held for good is reported by name, with what may be holding it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive_desk import atomic
from archive_desk.errors import FileLockedError, UserError
from archive_desk.exporting.filesafe import atomic_target
from archive_desk.i18n import language


def _held_error(winerror: int) -> PermissionError:
    exc = PermissionError(13, "The process cannot access the file because it is being used by another process")
    exc.winerror = winerror  # what Windows sets; absent on other systems
    return exc


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    pauses: list[float] = []
    monkeypatch.setattr(atomic.time, "sleep", pauses.append)
    return pauses


def _fail_first(monkeypatch: pytest.MonkeyPatch, times: int, winerror: int = 32) -> list[int]:
    real = os.replace
    calls: list[int] = []

    def flaky(src: str, dst: str) -> None:
        calls.append(1)
        if len(calls) <= times:
            raise _held_error(winerror)
        real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    return calls


@pytest.mark.parametrize("winerror", [5, 32])
def test_a_file_held_for_a_moment_is_written_after_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       no_sleep: list[float], winerror: int) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")
    calls = _fail_first(monkeypatch, 3, winerror)
    atomic.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert len(calls) == 4 and no_sleep == list(atomic.RETRY_PAUSES[:3])
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_file_held_for_good_names_it_and_what_may_hold_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            no_sleep: list[float]) -> None:
    target = tmp_path / "清单.xlsx"
    target.write_bytes(b"old")
    calls = _fail_first(monkeypatch, 1000)
    with language("zh_CN"), pytest.raises(FileLockedError) as exc, atomic_target(target) as tmp:
        tmp.write_bytes(b"new")
    assert isinstance(exc.value, UserError)
    assert str(target) in exc.value.message and "杀毒软件" in exc.value.message
    assert len(calls) == len(atomic.RETRY_PAUSES) + 1
    assert 1.5 <= sum(no_sleep) <= 3  # about two seconds of patience, no more
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["清单.xlsx"]


def test_other_refusals_are_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_sleep: list[float]) -> None:
    def refused(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")  # a read-only folder, not a passing scanner

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        atomic.write_text(tmp_path / "a.json", "x")
    assert no_sleep == []
