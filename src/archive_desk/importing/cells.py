"""Cell values that are neither text nor numbers, as both spreadsheet readers return them
(:mod:`~archive_desk.importing.readers` and the fast preview reader :mod:`~archive_desk.importing._xlsx_head`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NoCachedValue:
    """A formula cell without a saved result."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}" if self.formula else "="


@dataclass(frozen=True, slots=True)
class ErrorValue:
    """A cell showing a spreadsheet error (``#N/A`` …)."""

    code: str

    def __str__(self) -> str:
        return self.code
