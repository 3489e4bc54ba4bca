"""Writing an export file safely.

The file is written under a temporary name in the target's own folder (so the final move is a rename
on the same volume, never a copy), flushed to disk, and moved over the target only when complete.
Nothing half-written ever carries the target's name; a failure or a cancel removes the temporary file
and leaves an existing target exactly as it was.

A target that is open in another program (on Windows, Excel holds an open workbook with a lock that
refuses writers and renames onto it) is reported as :class:`~archive_desk.errors.FileLockedError`
with a message saying what to do: checked once before the work starts, so nobody waits a minute for
an export that cannot be saved, and again by the final move.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from archive_desk import atomic
from archive_desk.errors import FileLockedError, StorageError, UserError
from archive_desk.i18n import t


class ExportCancelled(UserError):  # noqa: N818 - not an error: a public name others import
    """The user cancelled an export; no file was written."""

    def __init__(self) -> None:
        super().__init__(t("The export was cancelled; no file was written."))


def locked_error(target: Path) -> FileLockedError:
    return FileLockedError(
        t("{file} is open in another program (Excel?) or cannot be overwritten. Close it and export again; "
          "the file was not changed.", file=target.name),
        where=str(target),
    )


def _open_existing_for_write(target: Path) -> None:
    """Open the existing target for writing and close it again: refused while another program holds it."""
    with open(target, "r+b"):
        pass


def check_replaceable(target: Path) -> None:
    """Raise :class:`FileLockedError` if ``target`` exists and cannot be written now."""
    if target.is_dir():
        raise StorageError(t("{file} is a folder; choose a file name.", file=str(target)), where=str(target))
    if not target.exists():
        return
    try:
        _open_existing_for_write(target)
    except PermissionError as exc:
        raise locked_error(target) from exc
    except OSError as exc:  # sharing violations on Windows, EBUSY elsewhere
        raise locked_error(target) from exc


def _move_into_place(tmp: Path, target: Path) -> None:
    atomic.replace(tmp, target)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_target(target: Path | str, *, suffix: str = ".part") -> Iterator[Path]:
    """Give a temporary path beside ``target``; move it over ``target`` when the block ends without error.

    Raises :class:`FileLockedError` (target open elsewhere) or :class:`StorageError` (folder missing,
    read-only, disk full). On any exception, including a cancel, the temporary file is removed.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(t("The folder {folder} does not exist.", folder=str(folder)), where=str(target))
    check_replaceable(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise StorageError(t("Cannot write in the folder {folder}: {error}", folder=str(folder),
                             error=exc.strerror or str(exc)), where=str(target)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        try:
            yield tmp
            _fsync(tmp)
        except OSError as exc:  # disk full, folder gone, medium pulled out while writing
            raise StorageError(t("Cannot save {file}: {error}", file=str(target), error=exc.strerror or str(exc)),
                               where=str(target)) from exc
        try:
            _move_into_place(tmp, target)
        except PermissionError as exc:
            raise locked_error(target) from exc
        except OSError as exc:
            if getattr(exc, "winerror", None) in (5, 32, 33):  # access denied / sharing / lock violation
                raise locked_error(target) from exc
            raise StorageError(t("Cannot save {file}: {error}", file=str(target), error=exc.strerror or str(exc)),
                               where=str(target)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
