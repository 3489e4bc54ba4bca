"""The session a printed or exported document is produced in, from the window (services/masking.py).

``with document_session(self) as s: slip = loans.slip_data(s, loan_id, self.ctx.actor)``: the document services
mask what the account may not see and note the personal data they put in unmasked; when the block ends, that is
written to the personal-data access log through the window's write runner (``run_op``), off the GUI thread.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from PySide6.QtWidgets import QWidget

from archive_desk.services import masking
from archive_desk.services.ops import WriteSession
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import run_op


def document_session(widget: QWidget, ctx: AppContext | None = None) -> AbstractContextManager[WriteSession]:
    """A read session for producing a document as ``ctx.actor`` (default: the widget's ``ctx``), whose noted
    personal-data accesses are logged when it ends."""
    context: AppContext = ctx if ctx is not None else widget.ctx  # type: ignore[attr-defined]
    actor = context.actor

    def record(shown: list[masking.Shown]) -> None:
        for action, subject, rows in shown:
            run_op(widget, masking.log_access_op, actor, action, rows, subject, ctx=context)

    return masking.document_session(context.db, actor, record)

