"""The main window: navigation to the room's areas, one stack of area screens, a status bar.

Window geometry and each area's state are remembered in QSettings (UI state only; preferences are in
``archive_desk.settings``).
"""

from __future__ import annotations

import importlib
import pickle

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QWidget

from archive_desk import __version__
from archive_desk.ui.areas import AREAS
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.scan_input import ScanDetector


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ArchiveDesk — %1").replace("%1", str(ctx.catalogue_path)))
        self.resize(1280, 800)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)

        self.areas: dict[str, Area] = {}
        for area_id, module_name in AREAS:
            area = importlib.import_module(module_name).create(ctx, self.stack)
            self.add_area(area_id, area)
        self.nav.currentRowChanged.connect(self._on_nav_currentRowChanged)
        self.nav.setCurrentRow(0)

        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.setShortcuts([QKeySequence("F5"), QKeySequence.StandardKey.Refresh])
        refresh.triggered.connect(self.refresh_current)
        self.addAction(refresh)
        self.scan_detector = ScanDetector(self)
        self.scan_detector.scanned.connect(self._on_scan_detector_scanned)
        self._restore_state()

    # ------------------------------------------------------------ areas

    def add_area(self, area_id: str, area: Area) -> None:
        self.areas[area_id] = area
        self.stack.addWidget(area)
        item = QListWidgetItem(area.title())
        item.setData(Qt.ItemDataRole.UserRole, area_id)
        self.nav.addItem(item)
        area.statusChanged.connect(self._on_area_statusChanged)
        area.badgeChanged.connect(lambda text, a=area, it=item: it.setText(f"{a.title()}  {text}".rstrip()))

    def current_area(self) -> Area | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Area) else None

    def show_area(self, area_id: str) -> Area:
        area = self.areas[area_id]
        self.nav.setCurrentRow(self.stack.indexOf(area))
        return area

    def refresh_current(self) -> None:
        area = self.current_area()
        if area is not None:
            area.refresh()

    def _on_nav_currentRowChanged(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            area = self.current_area()
            if area is not None:
                area.activated()

    def _on_scan_detector_scanned(self, code: str) -> None:
        """A scan anywhere in the window: the current area may use it (shelving, lending, stocktake);
        otherwise the catalogue opens the volume."""
        self.last_scan = code
        area = self.current_area()
        if area is not None and area.handle_scan(code):
            return
        catalogue = self.areas.get("catalogue")
        if catalogue is not None and catalogue is not area and catalogue.handle_scan(code):
            self.show_area("catalogue")
            return
        self.status_label.setText(self.tr("Scanned %1: not a known code").replace("%1", code))

    def _on_area_statusChanged(self, text: str) -> None:
        if self.sender() is self.current_area():
            self.status_label.setText(text)

    # ------------------------------------------------------------ state

    def _qsettings(self) -> QSettings:
        return QSettings()

    def _restore_state(self) -> None:
        s = self._qsettings()
        geometry = s.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = s.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        for area_id, area in self.areas.items():
            raw = s.value(f"areas/{area_id}")
            if isinstance(raw, QByteArray):
                try:
                    area.restore_state(pickle.loads(bytes(raw.data())))  # noqa: S301 - our own state
                except Exception:  # noqa: BLE001 - state from an older version: ignore it
                    pass

    def save_state(self) -> None:
        s = self._qsettings()
        s.setValue("mainWindow/geometry", self.saveGeometry())
        s.setValue("mainWindow/splitter", self.splitter.saveState())
        for area_id, area in self.areas.items():
            s.setValue(f"areas/{area_id}", QByteArray(pickle.dumps(area.save_state())))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.scan_detector.uninstall()
        super().closeEvent(event)

    def version_text(self) -> str:
        return __version__
