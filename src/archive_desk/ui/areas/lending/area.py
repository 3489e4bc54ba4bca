"""The lending area: its six tabs, scans routed to the tab in front, the overdue badge, slip printing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from archive_desk.printing.loan_slip import render_loan_slip
from archive_desk.services import loans
from archive_desk.services.loans import BorrowerRecord
from archive_desk.ui.areas.badges import BADGE_INTERVAL_MS, overdue_text
from archive_desk.ui.areas.base import Area
from archive_desk.ui.areas.lending.borrowers import BorrowersPanel
from archive_desk.ui.areas.lending.common import Message
from archive_desk.ui.areas.lending.lend import LendPanel
from archive_desk.ui.areas.lending.open_loans import OpenLoansPanel
from archive_desk.ui.areas.lending.overdue import OverduePanel
from archive_desk.ui.areas.lending.register import RegisterPanel
from archive_desk.ui.areas.lending.returns import ReturnPanel
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.lending import PdfPreviewDialog, SlipPrintDialog
from archive_desk.ui.documents import document_session
from archive_desk.ui.ops import run_op
from archive_desk.ui.permissions import may


# ============================================================================ the area


class LendingArea(Area):
    area_id = "lending"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("lendingArea")
        self.last_print_dialog: PdfPreviewDialog | None = None
        self.overdue = 0
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("lendingTabs")
        self.lend = LendPanel(self)
        self.returns = ReturnPanel(self)
        self.open_loans = OpenLoansPanel(self)
        self.overdue_panel = OverduePanel(self)
        self.borrowers = BorrowersPanel(self)
        self.register = RegisterPanel(self)
        self.tabs.addTab(self.lend, self.tr("&1 Lend"))
        self.tabs.addTab(self.returns, self.tr("&2 Return"))
        self.tabs.addTab(self.open_loans, self.tr("&3 Loans out"))
        self.tabs.addTab(self.overdue_panel, self.tr("&4 Overdue"))
        self.tabs.addTab(self.borrowers, self.tr("&5 Borrowers"))
        self.tabs.addTab(self.register, self.tr("&6 Register"))
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        for panel in (self.lend, self.returns, self.open_loans, self.overdue_panel, self.borrowers, self.register):
            message = getattr(panel, "message", None)
            if isinstance(message, Message):
                message.shown.connect(self.statusChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._badge_timer = QTimer(self)
        self._badge_timer.setInterval(BADGE_INTERVAL_MS)
        self._badge_timer.timeout.connect(self.update_badge)
        self._badge_timer.start()
        QTimer.singleShot(0, self.update_badge)

    def title(self) -> str:
        return self.tr("Lending")

    # ------------------------------------------------------------ area protocol

    def activated(self) -> None:
        self.update_badge()
        self._refresh_tab(self.tabs.currentWidget())
        self._focus_tab()

    def refresh(self) -> None:
        self.update_badge()
        self._refresh_tab(self.tabs.currentWidget())

    def handle_scan(self, text: str) -> bool:
        panel = self.tabs.currentWidget()
        if panel is self.returns:
            self.returns.add_volume(text)
            return True
        if panel is self.open_loans:
            with self.ctx.db.read() as s:
                volume = loans.find_volume_for_loan(s, text)
                held = loans.open_line_for_volume(s, volume.volume_id) if volume is not None else None
            if held is None:
                return False
            self.open_loans.filter.clear()
            self.open_loans.select_slip(held[0].slip_no)
            return True
        if panel is self.borrowers:
            if self.borrowers.select_card(text):
                return True
            return False
        if panel is self.lend:
            with self.ctx.db.read() as s:
                card = loans.find_borrower_by_card(s, text, self.ctx.actor)  # phone masked without the right
                volume = loans.find_volume_for_loan(s, text) if card is None else None
            if card is not None:
                self.lend.set_borrower(card)
                self.lend.message.info(self.tr("Borrower: %1").replace("%1", card.name))
                self.lend.volume_edit.setFocus()
                return True
            if volume is not None:
                self.lend.add_volume(text)
                return True
            self.lend.message.error(self.tr("%1 is neither a volume nor a borrower's card.").replace("%1", text))
            return True
        return False

    def save_state(self) -> dict[str, object]:
        return {"tab": self.tabs.currentIndex()}

    def restore_state(self, state: dict[str, object]) -> None:
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    # ------------------------------------------------------------ shared actions

    def update_badge(self) -> int:
        self.close_day()
        with self.ctx.db.read() as s:
            self.overdue = loans.overdue_count(s)
        self.badgeChanged.emit(overdue_text(self.overdue))
        self.statusChanged.emit(self.tr("%1 loan(s) overdue").replace("%1", str(self.overdue)))
        return self.overdue

    def close_day(self) -> None:
        """Once a day (at start and when the date changes): consultations left open on an earlier day are
        closed at that day's end, and the status bar says which."""
        today = date.today()
        if getattr(self, "_day_closed", None) == today or not may(self.ctx.actor, "loans.close_open_consultations"):
            return  # (a role that may not close them leaves them to one that may: no refusal to show)
        self._day_closed = today
        with self.ctx.db.read() as s:
            stale = [r for r in loans.open_loans(s) if r.service == loans.CONSULT and r.lent_at.date() < today]
        if stale:
            run_op(self, loans.close_open_consultations, self.ctx.actor, today, on_success=self._consultations_closed,
                   key="loans.close_open_consultations")

    def _consultations_closed(self, closed: tuple[loans.ClosedConsultation, ...]) -> None:
        if closed:
            self.statusChanged.emit(self.tr("%1 consultation(s) left open were closed at the day's end: %2")
                                    .replace("%1", str(len(closed))).replace("%2", "、".join(c.slip_no for c in closed)))
        self.update_badge()

    def loans_changed(self) -> None:
        self.update_badge()

    def lend_to(self, borrower: BorrowerRecord) -> None:
        self.tabs.setCurrentWidget(self.lend)
        self.lend.set_borrower(borrower)
        self.lend.volume_edit.setFocus()

    def slip_options(self) -> tuple[str, int]:
        opts = self.ctx.settings.extra.get("lending.slip", {})
        paper = opts.get("paper", "A4") if isinstance(opts, dict) else "A4"
        copies = opts.get("copies", 2) if isinstance(opts, dict) else 2
        return (paper if paper in ("A4", "A5") else "A4", copies if copies in (1, 2) else 2)

    def _remember_slip_options(self, paper: str, copies: int) -> None:
        self.ctx.settings.extra["lending.slip"] = {"paper": paper, "copies": copies}
        try:
            self.ctx.save_settings()
        except OSError:  # a read-only profile: keep the choice for this session only
            pass

    def print_slip(self, loan_id: int) -> SlipPrintDialog:
        with document_session(self) as s:  # masked for the account; an unmasked phone is logged
            slip = loans.slip_data(s, loan_id, self.ctx.actor)

        def render(paper: str, copies: int) -> bytes:
            pdf = render_loan_slip(slip, paper=paper, copies=copies)
            assert isinstance(pdf, bytes)  # noqa: S101 - narrows the type; the code guarantees it
            return pdf

        paper, copies = self.slip_options()
        dialog = SlipPrintDialog(render, slip.slip_no, paper, copies, self)
        dialog.optionsChanged.connect(self._remember_slip_options)
        self.last_print_dialog = dialog
        dialog.open()
        return dialog

    def _on_tabs_currentChanged(self, _index: int) -> None:
        self._refresh_tab(self.tabs.currentWidget())
        self._focus_tab()

    def _refresh_tab(self, panel: QWidget) -> None:
        for refreshable in (self.open_loans, self.overdue_panel, self.borrowers, self.register):
            if panel == refreshable:
                refreshable.refresh()

    def _focus_tab(self) -> None:
        panel = self.tabs.currentWidget()
        target = {self.lend: self.lend.borrower_edit if self.lend.borrower is None else self.lend.volume_edit,
                  self.returns: self.returns.volume_edit, self.borrowers: self.borrowers.search}.get(panel)
        if target is not None:
            target.setFocus()


def create(ctx: AppContext, parent: QWidget | None = None) -> LendingArea:
    return LendingArea(ctx, parent)
