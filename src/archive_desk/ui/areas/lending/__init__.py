"""The lending area (借阅): lend, return, loans out (renew), overdue (reminders), borrowers, register.

Keyboard and scanner first. A scan anywhere in the area arrives through :meth:`LendingArea.handle_scan`
(the window's scan detector) or through the scan fields (``ScanLineEdit``):

- on *Lend*: a volume's barcode adds it to the list (a second scan adds nothing; a volume that cannot be
  lent is listed in red with the reason and is not lent); a borrower's card picks the borrower;
- on *Return*: a volume's barcode adds its open loan line, with the page count to confirm;
- on *Borrowers*: a card finds the borrower.

Every rule is the service's (``services.loans``); this screen only shows what the service says. The
nav badge shows how many loans are overdue (``badgeChanged``), recounted after each change and every
ten minutes.
"""

from __future__ import annotations

from archive_desk.ui.areas.lending.area import LendingArea, create

__all__ = ["LendingArea", "create"]
