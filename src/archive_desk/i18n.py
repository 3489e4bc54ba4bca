"""Languages without Qt.

The UI translates its own strings with Qt Linguist (``self.tr()``, ``.ts`` -> ``.qm``).
Messages made below ``ui/`` (validation errors, import problems, printed forms) cannot use
Qt, so they go through :func:`t`: the message id is the English text, and the Simplified
Chinese text comes from the JSON catalogues in ``archive_desk/resources/i18n/messages/``
(one file per area, so areas never edit the same file). ``tests/unit/test_i18n.py`` checks
that every ``t("...")`` literal in the code has a Chinese entry.

The composition root calls :func:`set_language` once at start; Chinese is the default.
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

SUPPORTED = ("zh_CN", "en")
#: Official forms (移交清册, 交接文据, 销毁清册, 借阅单, 备考表, covers) are Chinese archival forms: they print in
#: Chinese whatever the UI language, unless the catalogue's "form language" room setting says otherwise.
DEFAULT_FORM_LANGUAGE = "zh_CN"
_language = "zh_CN"
#: a language in force for one piece of work (printing a form in the room's form language), per thread
_override: ContextVar[str | None] = ContextVar("archive_desk_language", default=None)


def system_language() -> str:
    """The language the operating system asks for, reduced to one we ship."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - odd platform locales
        loc = ""
    if loc.lower().startswith(("zh", "chinese")):
        return "zh_CN"
    return "en" if loc else "zh_CN"


def _normalise(lang: str) -> str:
    return "zh_CN" if (lang or "zh").lower().startswith("zh") else "en"


def set_language(lang: str) -> None:
    global _language
    _language = _normalise(lang)


def current_language() -> str:
    return _override.get() or _language


def is_chinese() -> bool:
    return current_language() == "zh_CN"


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Use ``lang`` for :func:`t` inside the block (this thread only), e.g. to print Chinese forms under an
    English UI. ``None`` or "" keeps the current language."""
    token = _override.set(_normalise(lang) if lang else current_language())
    try:
        yield current_language()
    finally:
        _override.reset(token)


@cache
def _catalogue() -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resources.files("archive_desk") / "resources" / "i18n" / "messages"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def t(msgid: str, /, **values: object) -> str:
    """Translate ``msgid`` (English) into the current language and fill ``{placeholders}``."""
    template = _catalogue().get(msgid, msgid) if current_language() == "zh_CN" else msgid
    return template.format(**values)


def both(msgid: str, /, **values: object) -> tuple[str, str]:
    """The message in Chinese and in English (for bilingual output such as --help)."""
    zh = _catalogue().get(msgid, msgid)
    return zh.format(**values), msgid.format(**values)
