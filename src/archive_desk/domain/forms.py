"""What every printed or exported form shares: it is made in the language of the form (the room's
"form language" setting), not necessarily the language of the screen."""

from __future__ import annotations

import functools
from collections.abc import Callable

from archive_desk.i18n import language as in_language


def form_language(fn: Callable) -> Callable:
    """Run ``fn(data, …)`` in the language of its form: ``data.language`` (or, for a list of forms, the first
    one's). The services fill it from the room's "form language" setting; the data classes default to Chinese."""

    @functools.wraps(fn)
    def wrapper(data, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - passed through unchanged
        first = data[0] if isinstance(data, list | tuple) and data else data
        with in_language(getattr(first, "language", None)):
            return fn(data, *args, **kwargs)

    return wrapper
