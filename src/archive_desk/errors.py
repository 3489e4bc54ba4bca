"""Errors a person can act on.

Every ``UserError`` carries a message in the user's language (built with
:func:`archive_desk.i18n.t`); the UI shows it as it is. Anything that is not a
``UserError`` is a bug and goes to the crash dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """An error caused by input or state that the user can correct."""

    def __init__(self, message: str, *, field: str | None = None, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: name of the field the problem is in (for showing it next to the field)
        self.field = field
        #: where the problem is (row, sheet, file), if it applies
        self.where = where

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message if not self.where else f"{self.where}: {self.message}"


class NotAuthorisedError(UserError):
    """Who you are is not known (no user, a wrong password, a locked account) or your role may not do this. The
    command line exits with code 4 for it (the README's table), not 2."""


class ValidationError(UserError):
    """One or more fields hold a value that is not allowed."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        text = "；".join(f"{msg}" for msg in self.problems.values())
        first = next(iter(self.problems), None)
        super().__init__(text, field=first)


class DuplicateCodeError(UserError):
    """A 档号 or barcode is already used by another volume (防重号)."""


class NotFoundError(UserError):
    """No record has the given id, 档号 or barcode."""


class StaleEditError(UserError):
    """The record was changed by someone else since it was read (optimistic locking)."""


class StatusError(UserError):
    """The record's status does not allow this action (e.g. lending a destroyed volume)."""


class StorageError(UserError):
    """The catalogue file cannot be written: disk full, locked, read-only."""


class ReadOnlyCatalogueError(StorageError):
    """The catalogue was opened read-only (read-only media): nothing can be saved."""


class CatalogueFileError(UserError):
    """The file given as a catalogue is not one, or is damaged; nothing was written to it.

    ``path`` is the file, ``reason`` what is wrong with it, ``backup`` the newest verified backup found (or None)."""

    def __init__(self, message: str, *, path: object, reason: str, backup: object = None) -> None:
        super().__init__(message, where=None)
        self.path = path
        self.reason = reason
        self.backup = backup


class FileLockedError(StorageError):
    """A target file is open in another program (e.g. Excel) and cannot be replaced."""
