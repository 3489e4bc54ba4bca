"""The transfers area: its four tabs, loaded when first shown, and the scans handed to the shown one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.ui.areas.base import Area
from archive_desk.ui.areas.transfers.appraisal_page import AppraisalPage
from archive_desk.ui.areas.transfers.batch_page import BatchPage
from archive_desk.ui.areas.transfers.registers_page import RegistersPage
from archive_desk.ui.context import AppContext


class TransfersArea(Area):
    area_id = "transfers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("transferTabs")
        self.receiving = BatchPage(ctx, "in", self)
        self.handover = BatchPage(ctx, "out", self)
        self.appraisal = AppraisalPage(ctx, self)
        self.registers = RegistersPage(ctx, self)
        self.tabs.addTab(self.receiving, self.tr("Receiving"))
        self.tabs.addTab(self.handover, self.tr("Handing over"))
        self.tabs.addTab(self.appraisal, self.tr("Appraisal and destruction"))
        self.tabs.addTab(self.registers, self.tr("Registers"))
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()

    def title(self) -> str:
        return self.tr("Transfers")

    def activated(self) -> None:
        self._load(self.tabs.currentIndex())

    def refresh(self) -> None:
        self._loaded.discard(self.tabs.currentIndex())
        self._load(self.tabs.currentIndex())

    def _on_tabs_currentChanged(self, index: int) -> None:
        if self.isVisible():
            self._load(index)

    def _load(self, index: int) -> None:
        page = self.tabs.widget(index)
        if index not in self._loaded and hasattr(page, "refresh"):
            self._loaded.add(index)
            page.refresh()

    def show_tab(self, name: str) -> QWidget:
        page = {"receiving": self.receiving, "handover": self.handover, "appraisal": self.appraisal, "registers": self.registers}[name]
        self.tabs.setCurrentWidget(page)
        self._load(self.tabs.indexOf(page))
        return page

    def handle_scan(self, text: str) -> bool:
        page = self.tabs.currentWidget()
        handler = getattr(page, "handle_scan", None)
        return bool(handler(text)) if handler is not None else False

    def save_state(self) -> dict[str, object]:
        return {"tab": self.tabs.currentIndex()}

    def restore_state(self, state: dict[str, object]) -> None:
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)


def create(ctx: AppContext, parent: QWidget | None = None) -> TransfersArea:
    return TransfersArea(ctx, parent)
