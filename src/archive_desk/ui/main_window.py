"""The main window: navigation to the room's areas, one stack of area screens, menus, a status bar.

Areas come from ``ui.areas.AREAS``; one whose module is not there yet is not listed (hidden, not dead),
and one that fails to open is logged and left out rather than taking the window down. Only the first
area (the catalogue) is built with the window; the others are listed at once but built on first show,
so that their modules and what they need (reportlab, openpyxl, QtPdf …) cost nothing at start. Until
then a navigation badge that needs no area (the lending area's overdue count) is kept by the window.
Window geometry, the navigation splitter and each area's state are remembered in QSettings (UI state
only; preferences such as the language are in ``archive_desk.settings``).

A barcode scan anywhere in the window (a keyboard-wedge burst ending in Enter, recognised by
``ScanDetector`` without typing into the focused field) goes to the shown area first, then to the
catalogue, which opens the volume or offers to create it.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import pickle
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from archive_desk import __version__
from archive_desk.ui import focus_style
from archive_desk.ui.areas import AREAS, badges, shown_to
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.scan_input import ScanDetector

log = logging.getLogger(__name__)

#: badges of areas not built yet are counted this long after the window shows (its first paint first)
BADGES_AFTER_SHOW_MS = 500
#: Ctrl+1 … Ctrl+8 show the areas in navigation order
MAX_AREA_SHORTCUTS = 8
#: the navigation never takes more than this (pixels); it is otherwise as wide as its longest entry
NAV_MAX_WIDTH = 220
#: the window's first size (logical pixels), made smaller on a smaller screen
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 areas: Sequence[tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            focus_style.install(app)  # a clear frame where the keyboard is
        self.ctx = ctx
        #: opens another catalogue for 文件 → 打开目录库 (``app.build_context``: the composition root hands it in, so
        #: that ui/ never imports the app module that imports it); None: the window cannot switch catalogues
        self.context_builder: Callable[..., AppContext] | None = None
        self.last_scan = ""
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ArchiveDesk — %1").replace("%1", ctx.db.location))
        self._fit_screen()

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(NAV_MAX_WIDTH)
        self.nav.setMinimumWidth(90)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([120, 1160])
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusText")
        self.statusBar().addWidget(self.status_label, 1)

        #: the areas built so far (the first one with the window, the others on first show)
        self.areas: dict[str, Area] = {}
        #: listed, not built yet: area id -> (module, placeholder in the stack)
        self._unbuilt: dict[str, tuple[str, QWidget]] = {}
        titles = self._lazy_titles()
        for area_id, module_name in (AREAS if areas is None else areas):
            if not self._area_exists(module_name) or not shown_to(area_id, self.ctx.actor):
                continue
            if self.nav.count() and area_id in titles:
                self._add_unbuilt(area_id, module_name, titles[area_id])
                continue
            area = self._open_area(area_id, module_name)
            if area is not None:
                self.add_area(area_id, area)
        self.nav.currentRowChanged.connect(self._on_nav_currentRowChanged)
        self.nav.setCurrentRow(0)
        self._fit_nav()
        # badges of areas not built yet: counted shortly after the window shows, then as the areas would
        self._badge_timer = QTimer(self)
        self._badge_timer.timeout.connect(self.update_badges)
        self._shown_once = False

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        # F5, and the platform's own refresh key where that is another one (the same key twice would make
        # the shortcut ambiguous, and then it does nothing)
        refresh_keys = [QKeySequence("F5")]
        refresh_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh) if k not in refresh_keys]
        self.refresh_action.setShortcuts(refresh_keys)
        self.refresh_action.triggered.connect(self.refresh_current)
        self.addAction(self.refresh_action)
        self._make_menus()
        self.scan_detector = ScanDetector(self)
        self.scan_detector.prefix = self.ctx.settings.scanner_prefix
        self.scan_detector.suffix = self.ctx.settings.scanner_suffix
        self.scan_detector.scanned.connect(self._on_scan_detector_scanned)
        self._restore_state()

    def _fit_screen(self) -> None:
        """The first size (before one is remembered): DEFAULT_SIZE, or the screen's free area if smaller
        (a 1080p laptop at 150 % has 1,280 × 720 logical pixels, less the taskbar)."""
        width, height = DEFAULT_SIZE
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(width, height)

    def _lazy_titles(self) -> dict[str, str]:
        """Navigation titles of the areas that can wait for their first show (the same texts as their
        ``title()``); an area not named here is built with the window."""
        return {
            "catalogue": self.tr("Catalogue"),
            "shelves": self.tr("Shelves"),
            "labels": self.tr("Labels"),
            "lending": self.tr("Lending"),
            "transfers": self.tr("Transfers"),
            "stocktake": self.tr("Stocktake"),
            "reports": self.tr("Reports"),
            "admin": self.tr("Setup"),
            "audit": self.tr("Audit"),
        }

    @staticmethod
    def _area_exists(module_name: str) -> bool:
        try:
            return importlib.util.find_spec(module_name) is not None
        except ModuleNotFoundError:
            return False

    def _open_area(self, area_id: str, module_name: str) -> Area | None:
        try:
            return importlib.import_module(module_name).create(self.ctx, self.stack)
        except Exception:  # noqa: BLE001 - one broken area must not take the whole window down
            log.exception("area %s could not be opened", area_id)
            return None

    # ------------------------------------------------------------ menus

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        open_action = file_menu.addAction(self.tr("&Open catalogue…"))
        open_action.setObjectName("openCatalogueAction")
        open_action.triggered.connect(self.open_catalogue)
        file_menu.addSeparator()
        catalogue = self.areas.get("catalogue")
        actions = {a.objectName(): a for a in catalogue.menu_actions()} if catalogue is not None else {}
        for name in ("newVolumeAction", "exportAction"):
            if name in actions:
                file_menu.addAction(actions[name])
        import_action = file_menu.addAction(self.tr("&Import a register…"))
        import_action.setObjectName("importAction")
        import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        import_action.triggered.connect(self.open_import_wizard)
        file_menu.addSeparator()
        from archive_desk.ui.dialogs import backup as backup_ui  # 备份 / 恢复 / 备份登记 / 备份设置 and the automatic backups

        self.backups = backup_ui.install(self, file_menu)
        from archive_desk.ui.dialogs import room_key  # 室密钥…: opens by itself when this PC lacks the key

        self.room_key_dialog = room_key.install(self, self.ctx, file_menu)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        from archive_desk.ui import accounts_ui  # 修改密码, the idle lock, what the role cannot do

        accounts_ui.install(self, file_menu)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        for name in ("undoAction", "copyRowsAction", "findAction", None, "editVolumeAction", "editItemsAction", "voidVolumeAction",
                     "holdsAction"):
            if name is None:
                edit_menu.addSeparator()
            elif name in actions:
                edit_menu.addAction(actions[name])

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        titles = self._lazy_titles()
        self.area_actions: list[QAction] = []
        for row, area_id in enumerate(self.area_ids()[:MAX_AREA_SHORTCUTS]):
            action = view_menu.addAction(titles.get(area_id) or self.nav.item(row).text())
            action.setObjectName(f"showArea_{area_id}")
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, a=area_id: self._show_area_from_key(a))
            self.area_actions.append(action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.ctx.settings.language
        for code, text in (("", self.tr("Follow the system")), ("zh_CN", "中文（简体）"), ("en", "English")):
            action = language_menu.addAction(text)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))

        help_menu = bar.addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("&Guide"))
        guide.setObjectName("helpAction")
        guide.setShortcuts([QKeySequence("F1")])
        guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # from a dialog of the window too
        guide.triggered.connect(self.show_help)
        self.help_action = guide
        self.help_dialog = None
        about = help_menu.addAction(self.tr("&About ArchiveDesk"))
        about.triggered.connect(self.show_about)

    def open_catalogue(self) -> None:
        """文件 → 打开目录库: a file on this PC or the room's server; the window reopens on it."""
        from archive_desk.ui.dialogs.open_catalogue import choose_and_reopen

        choose_and_reopen(self)

    def open_import_wizard(self) -> None:
        from archive_desk.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.imported.connect(self._on_import_wizard_imported)
        wizard.open()
        self.import_wizard = wizard

    def _on_import_wizard_imported(self, _result: object) -> None:
        """An import was written: the catalogue (and the area shown, if another) read again at once,
        whether or not the wizard is still open."""
        catalogue = self.areas.get("catalogue")
        if catalogue is not None:
            catalogue.refresh()
        current = self.current_area()
        if current is not None and current is not catalogue:
            current.refresh()

    def set_language(self, code: str) -> None:
        """Remember the language; it applies from the next start."""
        if code == self.ctx.settings.language:
            return
        self.ctx.settings.language = code
        self.ctx.save_settings()
        self.status_label.setText(self.tr("The language changes when ArchiveDesk is started again."))

    def show_help(self) -> None:
        """F1: the guide at the section of the area on screen."""
        from archive_desk.ui import help as guide

        area = self.current_area()
        self.help_dialog = guide.open_help(self, area.area_id if area is not None else None, self.help_dialog)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About ArchiveDesk"),
                          self.tr("ArchiveDesk %1: catalogue, shelves, labels, lending and transfers for one archive room.")
                          .replace("%1", __version__), QMessageBox.StandardButton.Close, self)
        box.open()
        self.about_box = box

    # ------------------------------------------------------------ areas

    def add_area(self, area_id: str, area: Area) -> None:
        self.stack.addWidget(area)
        item = QListWidgetItem(area.title())
        item.setData(Qt.ItemDataRole.UserRole, area_id)
        self.nav.addItem(item)
        self._wire_area(area_id, area, item)

    def _wire_area(self, area_id: str, area: Area, item: QListWidgetItem) -> None:
        self.areas[area_id] = area
        area.host = self
        item.setText(area.title())
        area.statusChanged.connect(self._on_area_statusChanged)
        area.badgeChanged.connect(lambda text, a=area, it=item: self._set_nav_text(it, f"{a.title()}  {text}".rstrip()))

    def _add_unbuilt(self, area_id: str, module_name: str, title: str) -> None:
        placeholder = QWidget(self.stack)
        self.stack.addWidget(placeholder)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, area_id)
        self.nav.addItem(item)
        self._unbuilt[area_id] = (module_name, placeholder)

    def _build_area(self, area_id: str) -> Area | None:
        """Build a listed area in its place in the stack (on its first show). One that fails to open is
        logged and taken out of the navigation, as at start."""
        module_name, placeholder = self._unbuilt.pop(area_id)
        row = self.stack.indexOf(placeholder)
        area = self._open_area(area_id, module_name)
        if area is None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            # taking the row out moves the current row to the next area: show that one once the row is gone
            # (an area listed after the failed one would otherwise be built while the navigation is half-changed)
            self.nav.blockSignals(True)
            self.nav.takeItem(row)
            self.nav.blockSignals(False)
            self._on_nav_currentRowChanged(self.nav.currentRow())
            return None
        self.stack.insertWidget(row, area)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._wire_area(area_id, area, self.nav.item(row))
        self._restore_area_state(self._qsettings(), area_id, area)
        return area

    def current_area(self) -> Area | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Area) else None

    def area_ids(self) -> list[str]:
        """Every area listed in the navigation, built or not, in order."""
        return [self.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.nav.count())]

    def show_area(self, area_id: str) -> Area:
        """Show an area (building it first if this is its first show)."""
        area = self.areas.get(area_id)
        if area is None:
            if area_id not in self._unbuilt:
                raise KeyError(area_id)
            area = self._build_area(area_id)
            if area is None:
                raise KeyError(area_id)
        self.nav.setCurrentRow(self.stack.indexOf(area))
        return area

    # ------------------------------------------------------------ AreaHost: the seams between areas

    def catalogue_selection(self) -> list[int]:
        catalogue = self.areas.get("catalogue")
        return catalogue.selected_volume_ids() if catalogue is not None else []

    def current_volume_id(self) -> int | None:
        catalogue = self.areas.get("catalogue")
        return catalogue.current_volume_id() if catalogue is not None else None

    def open_volume(self, area_id: str, volume_id: int) -> bool:
        try:
            area = self.show_area(area_id)
        except KeyError:
            return False
        return area.show_volume(volume_id)

    def _show_area_from_key(self, area_id: str) -> None:
        """Ctrl+1…8: show the area and put the keyboard focus into it (its first field, or what the
        area chose on ``activated``), not on the navigation list."""
        try:
            area = self.show_area(area_id)
        except KeyError:
            return
        focus = QApplication.focusWidget()
        if focus is not None and area.isAncestorOf(focus):
            return
        widget = area.nextInFocusChain()
        while widget is not None and widget is not area:
            if (area.isAncestorOf(widget) and widget.isVisibleTo(area) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def refresh_current(self) -> None:
        area = self.current_area()
        if area is not None:
            area.refresh()

    def _on_nav_currentRowChanged(self, row: int) -> None:
        if row < 0:
            return
        area_id = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        if area_id in self._unbuilt and self._build_area(area_id) is None:
            return  # it could not be opened and left the navigation (which moved the current row)
        self.stack.setCurrentIndex(row)
        area = self.current_area()
        if area is not None:
            area.refresh_if_stale()  # a write elsewhere changed what it shows while it was hidden
            area.activated()

    def update_badges(self) -> None:
        """Navigation badges of the areas not built yet (a built area keeps its own)."""
        pending = [area_id for area_id in self._unbuilt if area_id in badges.BADGES]
        if not pending:
            self._badge_timer.stop()
            return
        self._badge_timer.start(badges.BADGE_INTERVAL_MS)
        for area_id in pending:
            try:
                text = badges.BADGES[area_id](self.ctx)
            except Exception:  # a badge is a hint; the area shows the problem when opened
                log.exception("badge of area %s could not be counted", area_id)
                continue
            row = self.stack.indexOf(self._unbuilt[area_id][1])
            item = self.nav.item(row)
            title = self._lazy_titles()[area_id]
            self._set_nav_text(item, f"{title}  {text}".rstrip())

    def _set_nav_text(self, item: QListWidgetItem, text: str) -> None:
        if item.text() != text:
            item.setText(text)
            self._fit_nav()

    def _fit_nav(self) -> None:
        """The navigation is as wide as its longest entry (a badge such as "借阅  逾期 3" included), so no
        entry is cut; the stack takes the rest."""
        if not self.nav.count():
            return
        frame = 2 * self.nav.frameWidth() + 2 * self.nav.spacing() + 12
        width = min(NAV_MAX_WIDTH, max(90, self.nav.sizeHintForColumn(0) + frame))
        if width != self.nav.minimumWidth():
            self.nav.setMinimumWidth(width)
            sizes = self.splitter.sizes()
            if sizes and sizes[0] < width:
                self.splitter.setSizes([width, max(0, sum(sizes) - width)])

    def _on_scan_detector_scanned(self, code: str) -> None:
        """A scan anywhere in the window: the current area may use it (shelving, lending, stocktake);
        otherwise the catalogue opens the volume."""
        self.last_scan = code
        area = self.current_area()
        if area is not None and area.handle_scan(code):
            self._log_scan(code)
            return
        catalogue = self.areas.get("catalogue")
        if catalogue is not None and catalogue is not area and catalogue.handle_scan(code):
            self.show_area("catalogue")
            self._log_scan(code)
            return
        self.status_label.setText(self.tr("Scanned %1: not a known code").replace("%1", code))
        self._log_scan(code)

    def _log_scan(self, code: str) -> None:
        """Each scan and what the window said about it go to the log (support reads it from the crash
        dialog's last lines; the X11 scan tests read it from the log file)."""
        area = self.current_area()
        area_id = next((k for k, v in self.areas.items() if v is area), "")
        log.info("scan %s in %s: %s", code, area_id, self.status_label.text())

    def _on_area_statusChanged(self, text: str) -> None:
        if self.sender() is self.current_area():
            self.status_label.setText(text)
            if text:
                log.info("status: %s", text)

    # ------------------------------------------------------------ state

    def _qsettings(self) -> QSettings:
        return QSettings()

    def _restore_state(self) -> None:
        s = self._qsettings()
        geometry = s.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        window_state = s.value("mainWindow/state")
        if isinstance(window_state, QByteArray):
            self.restoreState(window_state)
        splitter = s.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        for area_id, area in self.areas.items():
            self._restore_area_state(s, area_id, area)

    @staticmethod
    def _restore_area_state(s: QSettings, area_id: str, area: Area) -> None:
        raw = s.value(f"areas/{area_id}")
        if isinstance(raw, QByteArray):
            try:
                area.restore_state(pickle.loads(bytes(raw.data())))  # noqa: S301 - our own state
            except Exception:  # noqa: BLE001, S110 - nothing to do: the saved state is dropped
                pass

    def save_state(self) -> None:
        """Window geometry and the state of each built area (an area never shown keeps what it had)."""
        s = self._qsettings()
        s.setValue("mainWindow/geometry", self.saveGeometry())
        s.setValue("mainWindow/state", self.saveState())
        s.setValue("mainWindow/splitter", self.splitter.saveState())
        for area_id, area in self.areas.items():
            s.setValue(f"areas/{area_id}", QByteArray(pickle.dumps(area.save_state())))
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if any(area_id in badges.BADGES for area_id in self._unbuilt):
                self._badge_timer.start(BADGES_AFTER_SHOW_MS)  # the catalogue paints first, the badges follow

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.backups.at_exit()
        self.scan_detector.uninstall()
        watch = getattr(self, "live_watch", None)  # (set by app.start: other workstations' changes)
        if watch is not None:
            watch.stop()
        super().closeEvent(event)

    def version_text(self) -> str:
        return __version__


__all__ = ["MainWindow", "QApplication"]
