"""Text clean-up shared by the importing modules.

The 档号 rules live in :mod:`archive_desk.domain.codes` (pure: stdlib, ``errors``, ``i18n``), the layer
below importing/.

``clean_text`` is the fast path used for every cell: it removes invisible characters and control
characters and trims, but keeps full-width punctuation (titles keep their （） and 〔〕).
``compact`` is for values that are parsed rather than kept (years, numbers, dates, codes):
it also folds full-width to half-width (NFKC), upper-cases and removes all whitespace.
"""

from __future__ import annotations

import re
import unicodedata

from archive_desk.domain.codes import MIDDLE_DOT, canonical_code, normalize_scan

__all__ = ["MIDDLE_DOT", "canonical_code", "clean_text", "compact", "fast_canonical_code", "has_inner_space", "normalize_scan"]

# zero-width and direction marks, soft hyphen, BOM; control characters (except tab/newline,
# which become spaces) - done with one regex so a 100,000-row file stays fast
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# whitespace goes, except between two digits ("56 57" must stay an error, not become 5657)
_SPACE_RE = re.compile(r"(?<!\d)\s+|\s+(?!\d)")
_ANY_SPACE = re.compile(r"\s").search
_INNER_SPACE_RE = re.compile(r"[0-9A-Za-z]\s+[0-9A-Za-z]")
_WHITESPACE_RE = re.compile(r"\s+")
_CANONICAL_RE = re.compile(f"[A-Z0-9{MIDDLE_DOT}-]+")


def clean_text(text: str) -> str:
    """Remove invisible characters, turn tabs/newlines/nbsp into spaces, trim."""
    if not text.isprintable():
        text = _INVISIBLE_RE.sub("", text)
        text = text.replace("\u00a0", " ").replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def compact(text: str) -> str:
    """A value to parse: invisible characters out, NFKC (full-width to half-width), upper-case,
    no whitespace except between two digits (so that ``56 57`` is not read as 5657)."""
    if text.isascii():
        if text.isalnum():
            return text.upper()
        if not text.isprintable():
            text = _INVISIBLE_RE.sub("", text)
    else:
        text = unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", text))
    if _ANY_SPACE(text) is None:
        return text.upper()
    return _SPACE_RE.sub("", text).upper()


def fast_canonical_code(text: str) -> str:
    """:func:`canonical_code`, skipping the work when the text is canonical already (the usual case)."""
    if _CANONICAL_RE.fullmatch(text):
        return text
    if text.isascii() and text.isprintable():
        # what canonical_code does to printable ASCII, without its per-character passes
        return _WHITESPACE_RE.sub("", text).upper().replace(".", MIDDLE_DOT)
    return canonical_code(text)


def has_inner_space(text: str) -> bool:
    """True when whitespace separates two letters/digits (``Q001 LP``, ``01 23``): not a stray space."""
    if text.isascii():
        if " " not in text and text.isprintable():
            return False
        return _INNER_SPACE_RE.search(text.strip()) is not None
    return _INNER_SPACE_RE.search(unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", text)).strip()) is not None
