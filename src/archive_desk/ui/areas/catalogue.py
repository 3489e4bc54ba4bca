"""The catalogue area: search box and filters over the volume table, the selected volume's details
beside it, and the editors.

The table is never filled on the GUI thread beyond its first page: the full id snapshot (a million ids
sorted in SQL) and every search run in a worker (``ui.workers.Runner``); newer requests make older
results stale. At start the first rows of the default list (档号 order) are read directly so the table
paints at once, and the snapshot is swapped in when it is ready, keeping the selection and scroll place.
The snapshot's worker waits for that first paint (it would otherwise take the interpreter from the GUI
thread while the window is being laid out and painted), and so does the warm-up of the modules the
detail pane needs. The editors, the search and the pinyin tables (needed only when a title is saved)
are loaded when first used.

Keys: Ctrl+F search, Esc in the search box clears it, Ctrl+N new volume, Enter edits the selected one,
Ctrl+I edits its items, Del makes it void (asks why; nothing is deleted), Ctrl+C copies the selected
rows (paste into Excel/WPS), Ctrl+E exports them to Excel, Ctrl+Z in the table undoes the last change,
F5 (main window) refreshes.
"""

from __future__ import annotations

import dataclasses
import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import codes
from archive_desk.models import VolumeStatus
from archive_desk.services import catalogue, lookups, reading, room_setup, volume_list
from archive_desk.services.live import REMOTE
from archive_desk.services.ops import CATALOGUE, OpChanges
from archive_desk.services.ops import WriteSession as Session
from archive_desk.services.volume_list import VolumeFilter
from archive_desk.ui.areas.base import Area
from archive_desk.ui.permissions import Ops, may
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.item_models.volume_table import VolumeTableModel
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.views.volume_detail import VolumeDetailView
from archive_desk.ui.views.volume_filters import VolumeFilterBar
from archive_desk.ui.workers import Runner

if TYPE_CHECKING:  # loaded on first use: they cost nothing until a volume is edited or made void
    from archive_desk.ui.dialogs.holds import HoldsDialog
    from archive_desk.ui.dialogs.items_editor import ItemsEditor
    from archive_desk.ui.dialogs.reason import ReasonDialog
    from archive_desk.ui.dialogs.volume_editor import VolumeEditor


#: at most this many search hits are listed (ranked); the status bar says when there were more
SEARCH_LIMIT = 1000
#: rows read directly at start, before the snapshot is ready
FIRST_PAGE = 200
#: saved window state of another layout is ignored
STATE_VERSION = 3  # 3: columns fitted to a 1,280-pixel window (earlier widths pushed 状态 out of sight)
#: the volume table's share of a 1,280-pixel window (pixels) and the detail pane's; the columns are fitted to it
TABLE_WIDTH = 750
DETAIL_WIDTH = 380
#: the snapshot's worker waits at most this long for the table's first paint (a window never shown)
FIRST_PAINT_WAIT_S = 1.5


def _warm_up() -> None:
    """Off the GUI thread, once the table has painted: what the detail pane needs (the ORM's mappers,
    configured by the first ORM query, and the location and loan services)."""
    import importlib

    lookups.prepare_orm()
    for module in ("archive_desk.services.locations", "archive_desk.services.loans"):
        try:
            importlib.import_module(module)
        except ImportError:
            pass


def _warm_up_pinyin() -> None:
    """Off the GUI thread, when an editor opens: the pinyin tables (about a second) that the search
    index's triggers need when a title is saved. Searching does not need them."""
    from archive_desk.services import search

    search.warm_up()


class _FirstPaintWatch(QObject):
    """Tells the area when its table has painted for the first time, then stops watching."""

    def __init__(self, area: CatalogueArea) -> None:
        super().__init__(area)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._area, self._area._on_table_firstPainted)  # once this paint is done  # noqa: SLF001 - the same package's own object
        return False


@dataclasses.dataclass
class UndoEntry:
    text: str
    run: Callable[[Session], int | None]  # a write (ui/ops.run_op); returns the volume id to show afterwards


class CatalogueArea(Area):
    area_id = "catalogue"
    # what the role cannot do is disabled (ui/permissions.py). The editor opens for the security administrator
    # too (密级 and 保密期限 are hers); undo runs whatever undoes the last change (an update, a void, a status).
    GUARDS: ClassVar[dict[str, Ops]] = {
        "new_action": "catalogue.create_volume",
        "edit_action": ("catalogue.update_volume", "catalogue.set_security"),
        "items_action": "catalogue.update_item",
        "void_action": "catalogue.void_volume",
        "undo_action": ("catalogue.update_volume", "catalogue.void_volume", "catalogue.set_status"),
    }

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("catalogueArea")
        self.model = VolumeTableModel(ctx.db, self, viewer=ctx.actor)
        self.sort_key = "code"
        self.sort_descending = False
        self.undo_entry: UndoEntry | None = None
        self._pending_select: int | None = None
        self._last_search_total = 0
        self.last_message = ""

        # search row
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search (Ctrl+F): archival code, barcode, title words, pinyin initials, item titles…"))
        self.filter_toggle = QToolButton(self)
        self.filter_toggle.setObjectName("filterToggle")
        self.filter_toggle.setText(self.tr("Filters"))
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setChecked(True)
        self.filters = VolumeFilterBar(ctx.db, self)

        # table
        self.table = QTableView(self)
        self.table.setObjectName("volumeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        self._set_default_widths()
        match_col = len(VolumeTableModel.COLUMNS)
        header.moveSection(header.visualIndex(match_col), 2)  # "matched item" right after the title
        self.table.setColumnHidden(match_col, True)

        self.detail = VolumeDetailView(ctx.db, self, actor=ctx.actor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("catalogueSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([TABLE_WIDTH + 20, DETAIL_WIDTH])

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filter_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        # the table, or (an empty catalogue) the welcome page with the ways in, built when first needed
        self.body = QStackedWidget(self)
        self.body.setObjectName("catalogueBody")
        self.body.addWidget(self.splitter)
        self.welcome: QWidget | None = None
        layout.addWidget(self.body, 1)

        self._make_actions()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.run_search)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(0)
        self._detail_timer.timeout.connect(self._show_current_detail)

        self._list_runner = Runner(self)
        self._list_runner.finished.connect(self._on_listRunner_finished)
        self._list_runner.failed.connect(self._on_runner_failed)
        self._export_runner = Runner(self)
        self._export_runner.finished.connect(self._on_exportRunner_finished)
        self._export_runner.failed.connect(self._on_runner_failed)

        self.search_box.textChanged.connect(self._on_searchBox_textChanged)
        self.search_box.returnPressed.connect(self.run_search)
        self.filter_toggle.toggled.connect(self.filters.setVisible)
        self.filters.filterChanged.connect(self._on_filters_filterChanged)
        header.sortIndicatorChanged.connect(self._on_header_sortIndicatorChanged)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.detail.editRequested.connect(lambda _vid: self.edit_selected())
        self.detail.shelfRequested.connect(self._on_detail_shelfRequested)
        self.detail.holdsRequested.connect(self.open_holds)
        self._warm_runner = Runner(self)  # the detail pane's modules, once the table has painted
        self._pinyin_runner = Runner(self)  # the pinyin tables, once an editor opens
        self._pinyin_warmed = False
        painted = self._painted = threading.Event()  # the snapshot's worker waits for the first paint
        self.destroyed.connect(lambda *_args: painted.set())  # and never for an area that is gone
        self.table.viewport().installEventFilter(_FirstPaintWatch(self))
        self.refresh()

    def _on_table_firstPainted(self) -> None:
        self._painted.set()
        self._warm_runner.start(_warm_up)

    def _warm_pinyin(self) -> None:
        if not self._pinyin_warmed:
            self._pinyin_warmed = True
            self._pinyin_runner.start(_warm_up_pinyin)

    # ------------------------------------------------------------ actions and keys

    def _action(self, name: str, text: str, slot: Callable[[], object], keys: list[QKeySequence] | None = None,
                widget: QWidget | None = None, context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(context)
        action.triggered.connect(slot)
        (widget or self).addAction(action)
        return action

    def _make_actions(self) -> None:
        table_only = Qt.ShortcutContext.WidgetShortcut
        # window-wide while the catalogue is the shown area (a hidden area's shortcuts do not fire)
        anywhere = Qt.ShortcutContext.WindowShortcut
        self.find_action = self._action("findAction", self.tr("&Find…"), self.focus_search, [QKeySequence.StandardKey.Find],
                                        context=anywhere)
        self.new_action = self._action("newVolumeAction", self.tr("&New volume…"), lambda: self.new_volume(),
                                       [QKeySequence.StandardKey.New], context=anywhere)
        self.edit_action = self._action("editVolumeAction", self.tr("&Edit volume…"), self.edit_selected,
                                        [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)], self.table, table_only)
        self.items_action = self._action("editItemsAction", self.tr("Edit &items…"), self.edit_items, [QKeySequence("Ctrl+I")],
                                         context=anywhere)
        self.void_action = self._action("voidVolumeAction", self.tr("Make &void…"), self.ask_void,
                                        [QKeySequence(QKeySequence.StandardKey.Delete)], self.table, table_only)
        self.copy_action = self._action("copyRowsAction", self.tr("&Copy rows"), self.copy_selection,
                                        [QKeySequence(QKeySequence.StandardKey.Copy)], self.table, table_only)
        self.export_action = self._action("exportAction", self.tr("E&xport selection to Excel…"), lambda: self.export_selection(),
                                          [QKeySequence("Ctrl+E")], context=anywhere)
        self.undo_action = self._action("undoAction", self.tr("&Undo last change"), self.undo_last,
                                        [QKeySequence(QKeySequence.StandardKey.Undo)], self.table, table_only)
        self.undo_action.setEnabled(False)
        self.holds_action = self._action("holdsAction", self.tr("Legal &holds…"), lambda: self.open_holds())
        clear = QAction(self)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.search_box.clear)
        self.search_box.addAction(clear)
        down = QAction(self)
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._focus_table)
        self.search_box.addAction(down)

    def menu_actions(self) -> list[QAction]:
        """For the main window's menus."""
        return [self.new_action, self.edit_action, self.items_action, self.void_action, self.undo_action,
                self.copy_action, self.export_action, self.find_action, self.holds_action]

    def title(self) -> str:
        return self.tr("Catalogue")

    def _set_default_widths(self) -> None:
        """Columns as wide as what they hold in this language and font (the longest status, retention …;
        a 档号 of the usual shape), the title taking what is left of a table that shows every column in a
        1,280-pixel window; a person's own widths, once saved, win (``restore_state``)."""
        fm = self.table.fontMetrics()
        header_fm = self.table.horizontalHeader().fontMetrics()
        pad = fm.horizontalAdvance("M") + 6  # the cell's margins (a header's sort arrow takes the title's room)

        def fit(key: str, *samples: str) -> int:
            section = self.model.COLUMNS.index(key) if key in self.model.COLUMNS else len(self.model.COLUMNS)
            heading = str(self.model.headerData(section, Qt.Orientation.Horizontal) or "")
            return max([header_fm.horizontalAdvance(heading) + pad, *(fm.horizontalAdvance(x) + pad for x in samples)])

        widths = {
            "code": fit("code", "Z109-LP·2005-D30-0017"),
            "year": fit("year", "2026"),
            "retention": fit("retention", *(catalogue.retention_label(r) for r in ("Y", "D30", "D10"))),
            "security": fit("security", "绝密"),
            "pages": fit("pages", "9999"),
            "item_count": fit("item_count", "999"),
            "location": fit("location", "K1-01A-01-1-1"),
            "status": fit("status", *(catalogue.status_label(st) for st in (*VolumeStatus, reading.READING))),
        }
        widths["title"] = max(fit("title", "某某某某某某某某某某"), TABLE_WIDTH - sum(widths.values()))
        for col, key in enumerate(self.model.COLUMNS):
            self.table.setColumnWidth(col, widths.get(key, 100))
        self.table.setColumnWidth(len(self.model.COLUMNS), fit("title", "某某某某某某某某某某某某"))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.statusChanged.emit(text)

    # ------------------------------------------------------------ the list

    def activated(self) -> None:
        self._say(self.last_message)

    def refresh(self) -> None:
        """F5: read the list again (search results or the sorted catalogue)."""
        if self.search_box.text().strip():
            self.run_search()
        else:
            self.build_list(first_page=True)

    def current_filter(self) -> VolumeFilter:
        return self.filters.current_filter()

    def build_list(self, *, first_page: bool = False) -> None:
        """The catalogue in the chosen order: first page at once when cheap, then the snapshot."""
        db = self.ctx.db
        actor = self.ctx.actor
        flt = self.current_filter()
        sort, desc = self.sort_key, self.sort_descending
        painted = None
        if first_page and flt == VolumeFilter() and sort == "code" and not desc and self.model.rowCount() == 0:
            # index walk on the unique 档号 index, stops after FIRST_PAGE rows: a few ms at a million
            # (Core, not the ORM: the first ORM query configures every mapper, which can wait)
            with db.read() as session:
                first = lookups.first_page_ids(session, FIRST_PAGE)
            self.model.set_ids(array("q", first))
            painted = self._painted

        def build():  # noqa: ANN202 - in a worker, with its own session
            if painted is not None:
                painted.wait(FIRST_PAINT_WAIT_S)  # the first page paints first; then the GUI thread is idle
            with db.read() as session:
                ids = volume_list.snapshot_ids(session, flt, sort, desc, viewer=actor)
                empty = not ids and flt == VolumeFilter() and room_setup.catalogue_is_empty(session)
                return ("list", ids, {"empty": empty})

        self._list_runner.start(build)
        self._say(self.tr("Reading the list…"))

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text().strip()
        if not text:
            self.build_list()
            return
        db = self.ctx.db
        flt = self.current_filter()
        actor = self.ctx.actor
        sort, desc = self.sort_key, self.sort_descending
        ranked = self.table.horizontalHeader().sortIndicatorSection() < 0

        def find():  # noqa: ANN202 - in a worker
            from archive_desk.services import search  # loaded with the first search

            with db.read() as session:
                result = search.search_result(session, text, SEARCH_LIMIT, flt, viewer=actor)
                ids = array("q", [h.volume_id for h in result.hits])
                if not ranked and ids:
                    ids = volume_list.snapshot_ids(session, dataclasses.replace(flt, ids=tuple(ids), include_void=True), sort, desc,
                                                   viewer=actor)
                # the list holds the best SEARCH_LIMIT: count them all when there may be more
                more = result.truncated or len(result.hits) >= SEARCH_LIMIT
                total = search.count_matches(session, text, flt, viewer=actor) if more else len(result.hits)
            matches = {h.volume_id: search.matched_text(h) for h in result.hits if h.tier == search.TIER_ITEM}
            return ("search", ids, {"matches": matches, "truncated": total > len(result.hits), "text": text,
                                    "total": total, "cap": search.COUNT_CAP,
                                    "first": result.hits[0].volume_id if result.hits else None,
                                    "exact": bool(result.hits) and result.hits[0].tier == search.TIER_EXACT})

        self._list_runner.start(find)
        self._say(self.tr("Searching…"))

    def _on_listRunner_finished(self, payload: object) -> None:
        kind, ids, info = payload  # type: ignore[misc]
        if kind == "list":
            self.show_welcome(bool(info.get("empty")))
        pending = self._pending_select
        keep = pending or self.selected_volume_id()
        top = self.model.id_at(self.table.rowAt(0)) if self.model.rowCount() else None
        search_mode = kind == "search"
        self.model.set_ids(ids, matches=info.get("matches"), search_mode=search_mode)
        self.table.setColumnHidden(len(VolumeTableModel.COLUMNS), not (search_mode and info.get("matches")))
        if search_mode:
            n = len(ids)
            if n == 0:
                text = self.tr("No volume matches “%1”.").replace("%1", info["text"])
            elif info.get("truncated"):
                total, cap = info["total"], info["cap"]
                if total > cap:
                    text = self.tr("More than %1 volumes match “%2”: the best %n are listed (add a word or a filter).", "", n)
                else:
                    text = self.tr("%1 volumes match “%2”: the best %n are listed (add a word or a filter).", "", n)
                text = text.replace("%1", self.locale().toString(min(total, cap))).replace("%2", info["text"])
            else:
                text = self.tr("%n volume(s) match “%1”.", "", n).replace("%1", info["text"])
            self._say(text)
            if keep is None or self.model.row_of(keep) is None:
                keep = info.get("first")
        else:
            self._say(self.tr("%n volume(s)", "", len(ids)))
        if top is not None:
            row = self.model.row_of(top)
            if row is not None:
                self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if keep is not None and (keep == pending or self.model.row_of(keep) is not None):
            self.select_volume(keep)  # (a scanned or new volume is shown even when the list leaves it out)
            self._pending_select = None
        elif self.detail.volume_id() is not None and self.model.row_of(self.detail.volume_id()) is None:
            self.detail.show_nothing()  # the filter or search took the shown volume out of the list

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        if isinstance(exc, BaseException):
            show_error(self, exc)

    def _on_searchBox_textChanged(self, text: str) -> None:
        # search results come ranked (no sort column) until a header is clicked; the list comes sorted
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if text.strip() and header.sortIndicatorSection() >= 0:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        elif not text.strip() and header.sortIndicatorSection() < 0:
            self.sort_key, self.sort_descending = "code", False
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()
        self._search_timer.start()

    def _on_filters_filterChanged(self, _flt: object) -> None:
        self.refresh()

    def _on_header_sortIndicatorChanged(self, section: int, order: Qt.SortOrder) -> None:
        if section >= len(self.model.COLUMNS):
            return
        self.sort_key = self.model.COLUMNS[section]
        self.sort_descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # ------------------------------------------------------------ selection and detail

    def selected_volume_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [vid for r in rows if (vid := self.model.id_at(r)) is not None]

    def _on_detail_shelfRequested(self, volume_id: int) -> None:
        """The detail pane's "Show on shelf": the shelves area with the volume's layer highlighted."""
        if self.host is None or not self.host.open_volume("shelves", volume_id):
            self._say(self.tr("The shelves cannot show this volume."))

    def selected_volume_ids(self) -> list[int]:
        return self.selected_ids()

    def current_volume_id(self) -> int | None:
        return self.selected_volume_id() or self.detail.volume_id()

    def show_volume(self, volume_id: int) -> bool:
        return self.select_volume(volume_id)

    def select_volume(self, volume_id: int) -> bool:
        """Select the volume's row and show it; True if it is in the list."""
        row = self.model.row_of(volume_id)
        if row is None:
            self.detail.show_volume(volume_id)
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.detail.show_volume(volume_id)
        return True

    def _on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:  # noqa: ARG002 - the signature is fixed by the base class
        self._detail_timer.start()

    def _show_current_detail(self) -> None:
        vid = self.selected_volume_id()
        if vid is None:
            self.detail.show_nothing()
        elif vid != self.detail.volume_id():
            self.detail.show_volume(vid)

    # ------------------------------------------------------------ editing

    def new_volume(self, prefill: dict[str, object] | None = None) -> VolumeEditor:
        from archive_desk.ui.dialogs.volume_editor import VolumeEditor

        self._warm_pinyin()
        editor = VolumeEditor(self.ctx, None, prefill=prefill, parent=self)
        editor.saved.connect(self._on_editor_saved)
        self.editor = editor
        editor.open()
        return editor

    def edit_selected(self) -> VolumeEditor | None:
        vid = self.selected_volume_id()
        if vid is None:
            return None
        from archive_desk.ui.dialogs.volume_editor import VolumeEditor

        self._warm_pinyin()
        editor = VolumeEditor(self.ctx, vid, parent=self)
        editor.saved.connect(self._on_editor_saved)
        self.editor = editor
        editor.open()
        return editor

    def edit_items(self) -> ItemsEditor | None:
        vid = self.selected_volume_id() or self.detail.volume_id()
        if vid is None:
            return None
        from archive_desk.ui.dialogs.items_editor import ItemsEditor

        dialog = ItemsEditor(self.ctx, vid, self)
        dialog.itemsChanged.connect(self._on_volume_changed)
        self.items_editor = dialog
        dialog.open()
        return dialog

    def _on_editor_saved(self, record: catalogue.VolumeRecord, before: dict[str, object] | None) -> None:
        if before is None:
            self._set_undo(self.tr("Undo: create %1").replace("%1", record.code), self._undo_create(record.id))
            self._say(self.tr("Volume %1 created.").replace("%1", record.code))
            self._pending_select = record.id
            self.search_box.clear() if self.search_box.text() else self.build_list()
            return
        if before:
            self._set_undo(self.tr("Undo: change of %1").replace("%1", record.code),
                           self._undo_update(record.id, record.version, before))
        self._say(self.tr("Volume %1 saved.").replace("%1", record.code))
        self._on_volume_changed(record.id)

    def catalogue_changed(self, changes: OpChanges) -> None:
        """Any write in the window: repaint just the changed volumes' rows (their status after a loan, a move…);
        volumes added or changed wholesale while the catalogue is hidden rebuild the list when it is shown."""
        if changes.volumes:
            self.model.refresh_ids(changes.volumes)
            shown = self.detail.volume_id()
            if shown is not None and shown in changes.volumes:
                self.detail.show_volume(shown)
        if (changes.new_volumes or CATALOGUE in changes.bulk) and not self.isVisible():
            self.stale = True
        elif (changes.new_volumes or CATALOGUE in changes.bulk) and self.welcome_shown():
            self.refresh()  # the first volume: the table takes the welcome page's place
        elif changes.new_volumes and REMOTE in changes.operations and not self._list_runner.busy:
            self.build_list()  # a colleague added volumes (this window's own additions rebuild where they are made)

    # ------------------------------------------------------------ the welcome page of an empty catalogue

    def welcome_shown(self) -> bool:
        return self.welcome is not None and self.body.currentWidget() is self.welcome

    def show_welcome(self, show: bool) -> None:
        """The welcome page instead of the table (an empty catalogue), or the table again."""
        if show and self.welcome is None:
            from archive_desk.ui.views.welcome import WelcomePage

            self.welcome = WelcomePage(self)
            self.welcome.chosen.connect(self._on_welcome_chosen)
            self.body.addWidget(self.welcome)
        if show:
            self.body.setCurrentWidget(self.welcome)
        elif self.body.currentWidget() is not self.splitter:
            self.body.setCurrentWidget(self.splitter)

    def _on_welcome_chosen(self, action: str) -> None:
        from archive_desk.ui.views import welcome

        welcome.act(self, action)

    def _on_volume_changed(self, volume_id: int) -> None:
        self.model.refresh_ids([volume_id])
        if self.detail.volume_id() == volume_id or self.selected_volume_id() == volume_id:
            self.detail.show_volume(volume_id)

    def open_holds(self, volume_id: int | None = None) -> HoldsDialog | None:
        """The legal holds of the selected volume: place one, release one, print the 封存 sealing list."""
        vid = volume_id if volume_id is not None else self.selected_volume_id()
        if vid is None:
            return None
        from archive_desk.ui.dialogs.holds import HoldsDialog

        dialog = HoldsDialog(self.ctx, vid, self)
        dialog.changed.connect(self._on_holds_changed)
        self.holds_dialog = dialog
        dialog.open()
        return dialog

    def _on_holds_changed(self, volume_id: int) -> None:
        """A hold on a 病案号 names no volume: repaint the one shown (the others repaint when selected)."""
        self._on_volume_changed(volume_id)

    def ask_void(self) -> ReasonDialog | None:
        vid = self.selected_volume_id()
        if vid is None:
            return None
        from archive_desk.ui.dialogs.reason import ReasonDialog

        with self.ctx.db.read() as session:
            record = catalogue.get_volume(session, vid)
        dialog = ReasonDialog(self.tr("Make volume void"),
                              self.tr("Make %1 “%2” void? It stays in the catalogue, hidden from the list, with your reason; "
                                      "nothing is deleted.").replace("%1", record.code).replace("%2", record.title), self)
        dialog.setObjectName("voidDialog")
        dialog.accepted.connect(lambda: self.void_volume(record.id, record.version, dialog.text()))
        self.void_dialog = dialog
        dialog.open()
        return dialog

    def void_volume(self, volume_id: int, version: int, reason: str) -> OpRun | None:
        """Make a volume void (in the background: ``ui/ops.run_op``); the run, to wait for."""
        row = self.model.row_of(volume_id)

        def done(record: catalogue.VolumeRecord) -> None:
            self._set_undo(self.tr("Undo: void %1").replace("%1", record.code),
                           self._undo_void(record.id, record.version))
            self._say(self.tr("Volume %1 is void.").replace("%1", record.code))
            self.refresh()
            if row is not None and self.model.rowCount():
                self.table.selectRow(min(row, self.model.rowCount() - 1))

        return run_op(self, catalogue.void_volume, self.ctx.actor, volume_id, version, reason, on_success=done)

    # ------------------------------------------------------------ undo

    def _set_undo(self, text: str, run: Callable[[Session], int | None]) -> None:
        self.undo_entry = UndoEntry(text, run)
        self.undo_action.setText(text)
        self.undo_action.setEnabled(True)

    def undo_last(self) -> OpRun | None:
        """Undo the last change (in the background); the run, or None when there is nothing to undo."""
        entry = self.undo_entry
        if entry is None:
            return None

        def done(volume_id: int | None) -> None:
            if self.undo_entry is entry:
                self.undo_entry = None
                self.undo_action.setText(self.tr("&Undo last change"))
                self.undo_action.setEnabled(False)
            self._say(self.tr("Undone."))
            if volume_id is not None:
                self._pending_select = volume_id
                self._on_volume_changed(volume_id)
            self.refresh()

        return run_op(self, entry.run, on_success=done, key="catalogue.undo")

    def _undo_update(self, volume_id: int, version: int, before: dict[str, object]) -> Callable[[Session], int]:
        actor = self.ctx.actor

        def undo(session: Session) -> int:
            catalogue.update_volume(session, actor, volume_id, version, before)
            return volume_id

        return undo

    def _undo_create(self, volume_id: int) -> Callable[[Session], None]:
        actor, reason = self.ctx.actor, self.tr("created by mistake (undone)")

        def undo(session: Session) -> None:
            record = catalogue.get_volume(session, volume_id)
            catalogue.void_volume(session, actor, volume_id, record.version, reason)

        return undo

    def _undo_void(self, volume_id: int, version: int) -> Callable[[Session], int]:
        actor, reason = self.ctx.actor, self.tr("void undone")

        def undo(session: Session) -> int:
            catalogue.set_status(session, actor, volume_id, VolumeStatus.IN_STOCK, reason=reason,
                                 expected_version=version, action="volume.unvoid")
            return volume_id

        return undo

    # ------------------------------------------------------------ copy and export

    def _selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return rows

    def copy_selection(self) -> int:
        rows = self._selected_rows()
        if not rows:
            return 0
        from archive_desk.ui.table_copy import table_mime

        values = [v for r in rows if (v := self.model.row_values(r)) is not None]
        mime = table_mime(self.model.header_texts(), values)
        QGuiApplication.clipboard().setMimeData(mime)
        # the clipboard owns the data now; cut the Python wrapper loose, or Qt's static clean-up at
        # exit would call back into a Python that has already shut down (a crash on quit)
        shiboken6.invalidate(mime)
        self._say(self.tr("%n row(s) copied: paste them into Excel or WPS.", "", len(values)))
        return len(values)

    def export_selection(self, path: Path | str | None = None) -> None:
        ids = [self.model.id_at(r) for r in self._selected_rows()]
        ids = [i for i in ids if i is not None]
        if not ids:
            self._say(self.tr("Select the rows to export first (Ctrl+A selects all)."))
            return
        if path is None:
            chosen = get_save_file_name(self, self.tr("Export to Excel"), "案卷目录.xlsx", self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            path = chosen
        target = Path(path)
        db = self.ctx.db
        actor = self.ctx.actor
        columns = self.model.COLUMNS
        headers = self.model.header_texts()
        matches = {vid: self.model.data(self.model.index(r, len(columns))) for r in self._selected_rows()
                   if (vid := self.model.id_at(r)) is not None} if self.model.search_mode else {}
        display = self.model.display

        def export():  # noqa: ANN202 - in a worker
            from archive_desk.exporting.volume_list import write_volume_list

            def rows():  # noqa: ANN202
                with db.read() as session:
                    for i in range(0, len(ids), 500):
                        chunk = ids[i : i + 500]
                        fetched = volume_list.fetch_rows(session, chunk, columns, actor)
                        for vid in chunk:
                            if vid in fetched:
                                out = [display(c, v) for c, v in zip(columns, fetched[vid], strict=True)]
                                if matches:
                                    out.append(matches.get(vid) or "")
                                yield out

            return target, write_volume_list(target, headers, rows())

        self._export_runner.start(export)
        self._say(self.tr("Exporting…"))

    def _on_exportRunner_finished(self, payload: object) -> None:
        target, count = payload  # type: ignore[misc]
        self._say(self.tr("%n row(s) exported to %1.", "", count).replace("%1", str(target)))

    # ------------------------------------------------------------ scans

    def handle_scan(self, text: str) -> bool:
        """A barcode scan: open that volume, or say it is unknown and offer to create it."""
        with self.ctx.db.read() as session:
            record = catalogue.find_volume(session, text)
            creatable = (record is None and may(self.ctx.actor, "catalogue.create_volume")
                         and self._looks_like_code(session, text))
        if record is not None:
            if not self.select_volume(record.id):
                if self.model.rowCount() and self.model.row_of(record.id) is None and self._list_runner.busy:
                    self._pending_select = record.id
                self._say(self.tr("Scanned %1: %2 (not in the current list)").replace("%1", record.code).replace("%2", record.title))
            else:
                self._say(self.tr("Scanned %1: %2").replace("%1", record.code).replace("%2", record.title))
            self.table.setFocus()
            return True
        if not creatable:
            return False
        code = codes.canonical_code(text)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unknown code"),
                          self.tr("No volume has the code %1. Create it now?").replace("%1", code),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("unknownScanBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Create volume"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.new_volume({"code": code}))
        self.unknown_box = box
        self._say(self.tr("Scanned %1: no such volume").replace("%1", code))
        box.open()
        return True

    @staticmethod
    def _looks_like_code(session, text: str) -> bool:  # noqa: ANN001
        code = codes.canonical_code(text)
        for cat in catalogue.list_categories(session):
            if cat.pattern.matches(code):
                return True
        return False

    # ------------------------------------------------------------ state

    def save_state(self) -> dict[str, object]:
        return {
            "v": STATE_VERSION,
            "header": bytes(self.table.horizontalHeader().saveState().data()),
            "splitter": bytes(self.splitter.saveState().data()),
            "filters": self.filter_toggle.isChecked(),
            "tab": self.detail.tabs.currentIndex(),
        }

    def restore_state(self, state: dict[str, object]) -> None:
        if state.get("v") != STATE_VERSION:  # columns of another version: keep the defaults
            return
        header = state.get("header")
        if isinstance(header, bytes | bytearray):
            self.table.horizontalHeader().restoreState(QByteArray(bytes(header)))
        splitter = state.get("splitter")
        if isinstance(splitter, bytes | bytearray):
            self.splitter.restoreState(QByteArray(bytes(splitter)))
        if isinstance(state.get("filters"), bool):
            self.filter_toggle.setChecked(bool(state["filters"]))
        if isinstance(state.get("tab"), int):
            self.detail.tabs.setCurrentIndex(int(state["tab"]))  # type: ignore[arg-type]


def create(ctx: AppContext, parent: QWidget | None = None) -> CatalogueArea:
    return CatalogueArea(ctx, parent)


__all__ = ["CatalogueArea", "create"]
