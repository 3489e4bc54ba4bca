"""The Shelves area (排架): the room's compact shelving, where volumes stand, and shelving by scan.

Left, the room overview (totals per room and a floor of racks coloured by fill) and the rack map (each face
as bays and shelves). Right, shelving by scan and the list of the layer in view.

Shelving by scan: scan a layer label (it becomes the target; what should stand on it is listed, with a
running count against its capacity), then scan volumes: each is placed at the end of the target, refused
with the reason when it cannot be (on loan, transferred, destroyed …), with a warning when the layer
overflows. A layer label scanned at any time switches the target: scans are resolved as a layer first, so
a layer is never taken for a volume. Ctrl+Z undoes the last placement (and the one before …). Without a
target, a scanned volume is looked up and shown on the map.

Other areas use :meth:`ShelvesArea.show_volume` (highlight a volume's layer on the map) and
:meth:`ShelvesArea.open_bulk_move` (move a selection or search result, in order).
"""

from __future__ import annotations

from typing import ClassVar

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import locations
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.shelves import BulkMoveDialog, RackDialog, RoomDialog, SpaceFinderDialog
from archive_desk.ui.item_models.shelf_models import LayerVolumesModel, RoomTotalsModel
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.permissions import Ops, may
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.scan_input import ScanLineEdit
from archive_desk.ui.views.shelf_map import RackMapView, RoomMapView
from archive_desk.ui.workers import Runner

OK_STYLE = "color: #1e6b2f;"
WARN_STYLE = "color: #a35a00; font-weight: bold;"
REFUSED_STYLE = "color: #b3261e; font-weight: bold;"


@dataclass(frozen=True)
class ScanEvent:
    """The last thing shelving by scan did (for the screen and for tests)."""

    kind: str  # "target" | "saving" | "placed" | "already" | "refused" | "unknown" | "located" | "undone"
    text: str
    layer_id: int | None = None
    volume_id: int | None = None


class ShelvesArea(Area):
    area_id = "shelves"
    # (ui/permissions.py) what the role cannot do is disabled; finding space and the shelf lists are for everyone
    # who may look (the space finder's reserve button is its own)
    GUARDS: ClassVar[dict[str, Ops]] = {
        "shelve_here": "locations.place_volume", "undo_button": "locations.undo_move",
        "undo_shortcut": "locations.undo_move", "new_button": ("locations.create_room", "locations.create_rack"),
        "move_button": "locations.bulk_move",
    }

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._room_id: int | None = None
        self._rack_id: int | None = None
        self._layer_id: int | None = None  # the layer listed on the right
        self.target: locations.LayerRecord | None = None
        self._undo: list[tuple[int, str]] = []  # (move id, volume code), newest last
        self.last_event: ScanEvent | None = None
        self._loaded = False
        self._room_map_stale = True

        bar = self._build_toolbar()
        self._build_maps()
        right = self._build_shelving_side()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("shelvesSplitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._add_shortcuts()

        self._overview_runner = Runner(self)
        self._overview_runner.finished.connect(self._on_overview_runner_finished)
        self._overview_runner.failed.connect(self._on_runner_failed)
        self._export_runner = Runner(self)
        self._export_runner.finished.connect(self._on_export_runner_finished)
        self._export_runner.failed.connect(self._on_runner_failed)
        self.room_combo.currentIndexChanged.connect(self._on_room_combo_currentIndexChanged)
        self.rack_combo.currentIndexChanged.connect(self._on_rack_combo_currentIndexChanged)

    def _add_shortcuts(self) -> None:
        """Ctrl+Z undoes the last placement; Esc stops shelving."""
        undo = QAction(self.tr("Undo last placement"), self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo_last)
        self.addAction(undo)
        self.undo_shortcut = undo
        stop = QAction(self.tr("Stop shelving"), self)
        stop.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        stop.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        stop.triggered.connect(self.stop_shelving)
        self.addAction(stop)

    def _build_shelving_side(self) -> QWidget:
        """The right side: shelving by scan, and the layer in view."""
        self.scan_box = QGroupBox(self.tr("Shelving by scan"), self)
        self.target_title = QLabel(self.tr("Scan a layer label to start"), self)
        self.target_title.setObjectName("targetTitle")
        font = self.target_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.target_title.setFont(font)
        self.target_words = QLabel(self)
        self.target_words.setWordWrap(True)
        self.capacity_bar = QProgressBar(self)
        self.capacity_bar.setObjectName("capacityBar")
        self.capacity_bar.setTextVisible(True)
        self.capacity_bar.setRange(0, 1)
        self.capacity_bar.setValue(0)
        self.capacity_bar.setFormat("")
        self.message = QLabel(self)
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.fontMetrics().height() + 4)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan a layer label, then the volumes"))
        self.scan_field.scanned.connect(self.process_scan)
        self.undo_button = QPushButton(self.tr("Undo last"), self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_shelving)
        scan_buttons = QHBoxLayout()
        scan_buttons.addWidget(self.scan_field, 1)
        scan_buttons.addWidget(self.undo_button)
        scan_buttons.addWidget(self.stop_button)
        scan_layout = QVBoxLayout(self.scan_box)
        scan_layout.addWidget(self.target_title)
        scan_layout.addWidget(self.target_words)
        scan_layout.addWidget(self.capacity_bar)
        scan_layout.addWidget(self.message)
        scan_layout.addLayout(scan_buttons)

        self.layer_title = QLabel(self.tr("Click a layer on the map to list it"), self)
        self.layer_title.setObjectName("layerTitle")
        self.shelve_here = QPushButton(self.tr("Shelve here"), self)
        self.shelve_here.setToolTip(self.tr("Make this layer the target of shelving by scan"))
        self.shelve_here.setEnabled(False)
        self.shelve_here.clicked.connect(lambda: self._layer_id is not None and self.set_target(self._layer_id))
        self.layer_words = QLabel(self)
        self.layer_words.setObjectName("layerWords")
        self.layer_words.setWordWrap(True)
        title_row = QHBoxLayout()
        title_row.addWidget(self.layer_title, 1)
        title_row.addWidget(self.shelve_here)
        self.layer_model = LayerVolumesModel(self)
        self.layer_view = QTableView(self)
        self.layer_view.setObjectName("layerVolumes")
        self.layer_view.setModel(self.layer_model)
        self.layer_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.layer_view.verticalHeader().setVisible(False)
        self.layer_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.layer_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.layer_view.setWordWrap(False)
        for col, width in enumerate((40, 170, 220, 46, 56)):
            self.layer_view.setColumnWidth(col, width)
        self.layer_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.scan_box)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.layer_words)
        right_layout.addWidget(self.layer_view, 1)
        return right

    def _build_maps(self) -> None:
        """The left side (``self.tabs``): the room overview and the rack map."""
        self.totals_model = RoomTotalsModel(self)
        self.totals_view = QTableView(self)
        self.totals_view.setObjectName("roomTotals")
        self.totals_view.setModel(self.totals_model)
        self.totals_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.totals_view.verticalHeader().setVisible(False)
        self.totals_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.totals_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.totals_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals_view.setMaximumHeight(6 * (self.fontMetrics().height() + 6) + 8)
        self.totals_view.clicked.connect(self._on_totals_view_clicked)
        self.room_view = RoomMapView(self)
        self.room_view.rackClicked.connect(self._on_room_view_rackClicked)
        room_scroll = QScrollArea(self)
        room_scroll.setWidgetResizable(True)
        room_scroll.setWidget(self.room_view)
        room_page = QWidget(self)
        room_layout = QVBoxLayout(room_page)
        room_layout.setContentsMargins(0, 0, 0, 0)
        room_layout.addWidget(self.totals_view)
        room_layout.addWidget(room_scroll, 1)

        self.rack_view = RackMapView(self)
        self.rack_view.layerClicked.connect(self._on_rack_view_layerClicked)
        self.rack_scroll = QScrollArea(self)
        self.rack_scroll.setWidgetResizable(True)
        self.rack_scroll.setWidget(self.rack_view)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("shelvesTabs")
        self.tabs.addTab(room_page, self.tr("Room overview"))
        self.tabs.addTab(self.rack_scroll, self.tr("Rack map"))
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)

    def _build_toolbar(self) -> QHBoxLayout:
        """The bar above: room and rack choosers and the area's buttons."""
        self.room_combo = QComboBox(self)
        self.room_combo.setObjectName("roomCombo")
        self.room_combo.setMinimumWidth(140)
        self.rack_combo = QComboBox(self)
        self.rack_combo.setObjectName("rackCombo")
        self.rack_combo.setMinimumWidth(120)
        new_menu = QMenu(self)
        new_menu.addAction(self.tr("New room…"), self.open_room_dialog)
        new_menu.addAction(self.tr("New rack…"), self.open_rack_dialog)
        new_button = QToolButton(self)
        new_button.setText(self.tr("New"))
        new_button.setMenu(new_menu)
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button = new_button
        move_button = QPushButton(self.tr("Move volumes…"), self)
        move_button.clicked.connect(lambda: self.open_bulk_move(None))
        self.move_button = move_button
        space_button = QPushButton(self.tr("Find space…"), self)
        space_button.clicked.connect(self.open_space_finder)
        export_menu = QMenu(self)
        export_menu.addAction(self.tr("Shelf list of the room…"), lambda: self.export_shelf_list("room"))
        export_menu.addAction(self.tr("Shelf list of the rack…"), lambda: self.export_shelf_list("rack"))
        export_menu.addAction(self.tr("Shelf list of the layer…"), lambda: self.export_shelf_list("layer"))
        export_button = QToolButton(self)
        export_button.setText(self.tr("Export to Excel"))
        export_button.setMenu(export_menu)
        export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Room"), self))
        bar.addWidget(self.room_combo)
        bar.addWidget(QLabel(self.tr("Rack"), self))
        bar.addWidget(self.rack_combo)
        bar.addStretch(1)
        for w in (new_button, move_button, space_button, export_button):
            bar.addWidget(w)
        return bar

    # ------------------------------------------------------------ Area

    def title(self) -> str:
        return self.tr("Shelves")

    def activated(self) -> None:
        if not self._loaded:
            self.refresh()
        self.scan_field.setFocus()

    def refresh(self) -> None:
        self._loaded = True
        with self.ctx.db.read() as s:
            rooms = locations.list_rooms(s)
        keep = self._room_id
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        for room in rooms:
            self.room_combo.addItem(room.name, room.id)
        self.room_combo.blockSignals(False)
        index = self.room_combo.findData(keep) if keep is not None else 0
        self.room_combo.setCurrentIndex(max(0, index) if rooms else -1)
        self._select_room(self.room_combo.currentData(), rack_id=self._rack_id)
        self._reload_layer()

    def handle_scan(self, text: str) -> bool:
        if not may(self.ctx.actor, "locations.place_volume"):
            return False  # a role that may not shelve: the catalogue shows the scanned volume
        self.process_scan(text)
        return True

    def save_state(self) -> dict[str, object]:
        return {"splitter": bytes(self.splitter.saveState().data()), "room": self._room_id, "rack": self._rack_id}

    def restore_state(self, state: dict[str, object]) -> None:
        splitter = state.get("splitter")
        if isinstance(splitter, bytes | bytearray):
            self.splitter.restoreState(QByteArray(bytes(splitter)))
        room, rack = state.get("room"), state.get("rack")
        self._room_id = room if isinstance(room, int) else None
        self._rack_id = rack if isinstance(rack, int) else None

    # ------------------------------------------------------------ rooms and racks

    def _select_room(self, room_id: int | None, *, rack_id: int | None = None) -> None:
        self._room_id = room_id
        racks: list[locations.RackRecord] = []
        if room_id is not None:
            with self.ctx.db.read() as s:
                racks = locations.list_racks(s, room_id)
        self.rack_combo.blockSignals(True)
        self.rack_combo.clear()
        for rack in racks:
            kind = self.tr("Cabinet %1") if rack.kind == "cabinet" else self.tr("Rack %1")
            self.rack_combo.addItem(kind.replace("%1", str(rack.number)), rack.id)
        self.rack_combo.blockSignals(False)
        index = self.rack_combo.findData(rack_id) if rack_id is not None else 0
        self.rack_combo.setCurrentIndex(max(0, index) if racks else -1)
        self._show_rack(self.rack_combo.currentData())
        self._room_map_stale = True
        self._load_overview()

    def _show_rack(self, rack_id: int | None) -> None:
        self._rack_id = rack_id
        rack_map = None
        if rack_id is not None:
            with self.ctx.db.read() as s:
                rack_map = locations.rack_map(s, rack_id)
        self.rack_view.set_map(rack_map)
        self.room_view.set_highlight(rack_id)
        self.rack_view.set_target(self.target.id if self.target else None)

    def _load_overview(self) -> None:
        db, room_id = self.ctx.db, self._room_id

        def build():  # noqa: ANN202 - runs in a worker thread with its own session
            with db.read() as s:
                overview = locations.room_overview(s)
                room_map = locations.room_map(s, room_id) if room_id is not None else None
            return overview, room_map

        self._room_map_stale = False
        self._overview_runner.start(build)

    def _on_overview_runner_finished(self, result: object) -> None:
        overview, room_map = result  # type: ignore[misc]
        self.totals_model.set_overview(overview.rooms, overview.total)
        self.room_view.set_map(room_map)
        self.room_view.set_highlight(self._rack_id)
        t = overview.total
        pct = "—" if t.fill_percent is None else f"{t.fill_percent:.1f}%"
        self.statusChanged.emit(self.tr("%1 layers, %2 of %3 places used (%4)").replace("%1", str(t.layers))
                                .replace("%2", str(t.used_count)).replace("%3", str(t.capacity_count)).replace("%4", pct))

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._say("refused", str(exc))

    def _on_room_combo_currentIndexChanged(self, _index: int) -> None:
        self._select_room(self.room_combo.currentData())

    def _on_rack_combo_currentIndexChanged(self, _index: int) -> None:
        self._show_rack(self.rack_combo.currentData())

    def _on_totals_view_clicked(self, index) -> None:  # noqa: ANN001
        room_id = self.totals_model.room_id(index.row())
        if room_id is not None and room_id != self._room_id:
            self.room_combo.setCurrentIndex(self.room_combo.findData(room_id))

    def _on_room_view_rackClicked(self, rack_id: int) -> None:
        self.rack_combo.setCurrentIndex(self.rack_combo.findData(rack_id))
        self.tabs.setCurrentIndex(1)

    def _on_rack_view_layerClicked(self, layer_id: int) -> None:
        self.show_layer(layer_id)

    def _on_tabs_currentChanged(self, index: int) -> None:
        if index == 0 and self._room_map_stale:
            self._load_overview()

    # ------------------------------------------------------------ the layer on the right

    def show_layer(self, layer_id: int, *, highlight_volume: int | None = None) -> None:
        """List a layer (what should stand on it, in order) and mark it on the map."""
        self._layer_id = layer_id
        self._reload_layer(highlight_volume)
        self.rack_view.set_highlight(layer_id)

    def _reload_layer(self, highlight_volume: int | None = None) -> None:
        if self._layer_id is None:
            self.layer_model.set_rows([])
            self.layer_words.setText("")
            self.shelve_here.setEnabled(False)
            return
        with self.ctx.db.read() as s:
            listing = locations.list_layer(s, self._layer_id, viewer=self.ctx.actor)
        self.layer_model.set_rows(listing.entries)
        self.layer_model.set_highlight(highlight_volume)
        info = listing.location
        extra = ""
        if info.reserved_for:
            extra += "  " + self.tr("Reserved for %1").replace("%1", info.reserved_for)
        if not info.active:
            extra += "  " + self.tr("Out of use")
        self.layer_title.setText(f"<b>{info.code}</b>  ({listing.occupancy.text()})")
        self.layer_words.setText(info.words + extra)
        self.shelve_here.setEnabled(info.active)
        if highlight_volume is not None:
            row = self.layer_model.row_of(highlight_volume)
            if row is not None:
                self.layer_view.scrollTo(self.layer_model.index(row, 0))
                self.layer_view.selectRow(row)
        return

    def show_volume(self, volume_id: int) -> bool:
        """Open the rack map with the volume's layer highlighted and list that layer (for the catalogue's
        detail pane). Returns False when the volume is not shelved."""
        if not self._loaded:
            self.refresh()
        with self.ctx.db.read() as s:
            info = locations.volume_location(s, volume_id)
        if info is None:
            self._say("unknown", self.tr("This volume is not shelved yet."))
            return False
        if info.room_id != self._room_id:
            self.room_combo.blockSignals(True)
            self.room_combo.setCurrentIndex(self.room_combo.findData(info.room_id))
            self.room_combo.blockSignals(False)
            self._select_room(info.room_id, rack_id=info.rack_id)
        elif info.rack_id != self._rack_id:
            self.rack_combo.setCurrentIndex(self.rack_combo.findData(info.rack_id))
        self.tabs.setCurrentIndex(1)
        self.show_layer(info.layer_id, highlight_volume=volume_id)
        rect = self.rack_view.layer_rect(info.layer_id)
        if rect is not None:
            self.rack_scroll.ensureVisible(rect.center().x(), rect.center().y(), rect.width() + 40, rect.height() + 80)
        return True

    # ------------------------------------------------------------ shelving by scan

    def process_scan(self, text: str) -> ScanEvent:
        """One scan: a layer label becomes the target; a volume is placed on the target (or located)."""
        with self.ctx.db.read() as s:
            result = locations.resolve_scan(s, text)
        if result.kind == "layer" and result.layer is not None:
            return self.set_target(result.layer.id)
        if result.kind == "volume" and result.volume_id is not None:
            if self.target is None:
                found = self.show_volume(result.volume_id)
                if found:
                    return self._say("located", self.tr("%1 stands here (scan a layer label first to shelve)")
                                     .replace("%1", result.volume_code), volume_id=result.volume_id)
                return self.last_event  # type: ignore[return-value]
            return self.place(result.volume_id)
        return self._say("unknown", self.tr("%1 is neither a layer label nor a volume of this catalogue.").replace("%1", result.text))

    def set_target(self, layer_id: int) -> ScanEvent:
        with self.ctx.db.read() as s:
            layer = locations.get_layer(s, layer_id)
            info = locations.describe_location(s, layer_id)
        if not layer.active:
            return self._say("refused", self.tr("Layer %1 is out of use; choose another layer.").replace("%1", layer.code),
                             layer_id=layer_id)
        self.target = layer
        self.target_title.setText(layer.code)
        self.target_words.setText(info.words + (("  " + self.tr("Reserved for %1").replace("%1", layer.reserved_for))
                                                 if layer.reserved_for else ""))
        self.stop_button.setEnabled(True)
        if info.rack_id != self._rack_id or info.room_id != self._room_id:
            if info.room_id != self._room_id:
                self.room_combo.blockSignals(True)
                self.room_combo.setCurrentIndex(self.room_combo.findData(info.room_id))
                self.room_combo.blockSignals(False)
                self._select_room(info.room_id, rack_id=info.rack_id)
            else:
                self.rack_combo.setCurrentIndex(self.rack_combo.findData(info.rack_id))
        self.tabs.setCurrentIndex(1)
        self.rack_view.set_target(layer_id)
        self.show_layer(layer_id)
        self._update_capacity()
        return self._say("target", self.tr("Target %1: scan the volumes to shelve on it.").replace("%1", layer.code),
                         layer_id=layer_id)

    def stop_shelving(self) -> None:
        self.target = None
        self.target_title.setText(self.tr("Scan a layer label to start"))
        self.target_words.setText("")
        self.capacity_bar.setRange(0, 1)
        self.capacity_bar.setValue(0)
        self.capacity_bar.setFormat("")
        self.stop_button.setEnabled(False)
        self.rack_view.set_target(None)

    def place(self, volume_id: int) -> ScanEvent:
        """Put a volume on the target, in the background (``ui/ops.run_op``, one write after another, in scan order).
        Returns a "saving" event at once; ``last_event`` and the message say how it went when it is saved."""
        assert self.target is not None  # noqa: S101 - narrows the type; the code guarantees it
        target_id = self.target.id

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            QApplication.beep()
            self._say("refused", str(exc), volume_id=volume_id)
            return True

        run_op(self, locations.place_volume, self.ctx.actor, volume_id, target_id,
               on_success=lambda placed: self._placed(volume_id, target_id, placed), on_error=refused)
        return ScanEvent("saving", "", target_id, volume_id)

    def _placed(self, volume_id: int, target_id: int, placed: locations.Placement) -> ScanEvent:
        self._refresh_cells([placed.layer_id, placed.previous_layer_id])
        self.show_layer(self.target.id if self.target is not None else target_id, highlight_volume=volume_id)
        if self.target is not None and self.target.id == target_id:
            self._update_capacity(placed.occupancy)
        self._room_map_stale = True
        if placed.already_there:
            return self._say("already", placed.warnings[0] if placed.warnings else "", layer_id=placed.layer_id,
                             volume_id=volume_id)
        assert placed.move_id is not None  # noqa: S101 - narrows the type; the code guarantees it
        self._undo.append((placed.move_id, placed.volume_code))
        self.undo_button.setEnabled(True)
        text = self.tr("%1 → %2, number %3 (%4)").replace("%1", placed.volume_code).replace("%2", placed.layer_code) \
            .replace("%3", str(placed.order)).replace("%4", placed.occupancy.text())
        if placed.previous_layer_code:
            text += "  " + self.tr("(was on %1)").replace("%1", placed.previous_layer_code)
        if placed.warnings:
            QApplication.beep()
            return self._say("placed", text + "\n" + "\n".join(placed.warnings), layer_id=placed.layer_id,
                             volume_id=volume_id, warn=True)
        return self._say("placed", text, layer_id=placed.layer_id, volume_id=volume_id)

    def _refresh_cells(self, layer_ids: Sequence[int | None]) -> None:
        """Repaint the map cells of layers whose counts changed (cheaper than reloading the rack)."""
        ids = [i for i in layer_ids if i is not None]
        if ids:
            with self.ctx.db.read() as s:
                self.rack_view.update_occupancy(locations.layer_occupancy(s, ids))

    def undo_last(self) -> OpRun | None:
        """Undo the last placement (in the background); ``last_event`` says "undone" or "refused" when done."""
        if not self._undo:
            return None
        move_id, code = self._undo[-1]

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            if self._undo and self._undo[-1][0] == move_id:
                self._undo.pop()
            self.undo_button.setEnabled(bool(self._undo))
            self._say("refused", str(exc))
            return True

        def done(undone: locations.UndoResult) -> None:
            if self._undo and self._undo[-1][0] == move_id:
                self._undo.pop()
            self.undo_button.setEnabled(bool(self._undo))
            self._show_rack(self._rack_id)
            self._reload_layer()
            self._update_capacity()
            self._room_map_stale = True
            where = undone.layer_code or self.tr("not shelved")
            self._say("undone", self.tr("Undone: %1 is back on %2").replace("%1", code).replace("%2", where),
                      volume_id=undone.volume_id)

        return run_op(self, locations.undo_move, self.ctx.actor, move_id, on_success=done, on_error=refused,
                      key=f"locations.undo_move:{move_id}")

    def _update_capacity(self, occ: locations.Occupancy | None = None) -> None:
        if self.target is None:
            return
        if occ is None:
            with self.ctx.db.read() as s:
                occ = locations.layer_occupancy(s, [self.target.id])[self.target.id]
        if occ.capacity_count:
            top, value = occ.capacity_count, occ.count
        elif occ.capacity_mm:
            top, value = occ.capacity_mm, occ.used_mm
        else:
            top, value = max(1, occ.count), occ.count
        self.capacity_bar.setRange(0, top)
        self.capacity_bar.setValue(min(value, top))
        fill = occ.fill
        pct = "" if fill is None else f"  {fill * 100:.0f}%"
        self.capacity_bar.setFormat(occ.text() + pct)
        colour = "#d04a3f" if occ.over else ("#e0a030" if (fill or 0) >= 0.85 else "#5e9e4f")
        self.capacity_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")

    def _say(self, kind: str, text: str, *, layer_id: int | None = None, volume_id: int | None = None,
             warn: bool = False) -> ScanEvent:
        style = REFUSED_STYLE if kind in ("refused", "unknown") else (WARN_STYLE if warn or kind == "already" else OK_STYLE)
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.last_event = ScanEvent(kind, text, layer_id, volume_id)
        self.statusChanged.emit(text.splitlines()[0] if text else "")
        return self.last_event

    # ------------------------------------------------------------ dialogs

    def open_room_dialog(self) -> RoomDialog:
        dialog = RoomDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._after_room_created(dialog))
        dialog.open()
        return dialog

    def _after_room_created(self, dialog: RoomDialog) -> None:
        if dialog.created is not None:
            self._room_id = dialog.created.id
            self._rack_id = None
        self.refresh()

    def open_rack_dialog(self) -> RackDialog:
        dialog = RackDialog(self.ctx, self._room_id, self)
        dialog.accepted.connect(lambda: self._after_rack_created(dialog))
        dialog.open()
        return dialog

    def _after_rack_created(self, dialog: RackDialog) -> None:
        if dialog.created is not None:
            self._room_id = dialog.created.room_id
            self._rack_id = dialog.created.id
        self.refresh()
        self.tabs.setCurrentIndex(1)

    def open_bulk_move(self, volume_ids: Sequence[int] | None = None) -> BulkMoveDialog:
        """Move a selection or search result (ids in order) — or, with None, a list typed or scanned in."""
        dialog = BulkMoveDialog(self.ctx, volume_ids, self.target.id if self.target else self._layer_id, self)
        dialog.accepted.connect(lambda: self._after_bulk_move(dialog))
        dialog.open()
        return dialog

    def _after_bulk_move(self, dialog: BulkMoveDialog) -> None:
        result = dialog.result_
        if result is None:
            return
        self._say("placed", self.tr("Moved %1 volumes onto %2 layers").replace("%1", str(result.moved))
                  .replace("%2", str(len(result.shares))))
        if result.shares:
            with self.ctx.db.read() as s:
                info = locations.describe_location(s, result.shares[0].layer_id)
            if info.rack_id != self._rack_id or info.room_id != self._room_id:
                self._room_id, self._rack_id = info.room_id, info.rack_id
                self.refresh()
            else:
                self._show_rack(self._rack_id)
                self._load_overview()
            self.tabs.setCurrentIndex(1)
            self.show_layer(info.layer_id)

    def open_space_finder(self) -> SpaceFinderDialog:
        dialog = SpaceFinderDialog(self.ctx, self)
        dialog.showRequested.connect(self._on_space_finder_showRequested)
        dialog.finished.connect(lambda _r: self._show_rack(self._rack_id))
        dialog.open()
        return dialog

    def _on_space_finder_showRequested(self, layer_id: int) -> None:
        with self.ctx.db.read() as s:
            info = locations.describe_location(s, layer_id)
        if info.room_id != self._room_id:
            self._room_id = info.room_id
            self._rack_id = info.rack_id
            self.refresh()
        elif info.rack_id != self._rack_id:
            self.rack_combo.setCurrentIndex(self.rack_combo.findData(info.rack_id))
        self._show_rack(self._rack_id)
        self.tabs.setCurrentIndex(1)
        self.show_layer(layer_id)

    # ------------------------------------------------------------ export

    def export_shelf_list(self, scope: str, path: str | Path | None = None) -> bool:
        """Export the shelf list of the current room, rack or listed layer (asks for the file unless given)."""
        ids = {"room": self._room_id, "rack": self._rack_id, "layer": self._layer_id}
        if ids[scope] is None:
            self._say("refused", self.tr("Choose a %1 first.").replace("%1", {"room": self.tr("room"), "rack": self.tr("rack"),
                                                                           "layer": self.tr("layer")}[scope]))
            return False
        if path is None:
            chosen = get_save_file_name(self, self.tr("Export shelf list"), "排架清单.xlsx", self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return False
            path = chosen
        db, target, key, actor = self.ctx.db, Path(path), scope, self.ctx.actor

        def job():  # noqa: ANN202 - worker thread
            with db.read() as s:  # titles above the account's clearance masked (services/masking.py)
                return target, locations.export_shelf_list(s, target, viewer=actor, **{f"{key}_id": ids[key]})

        self._say("target", self.tr("Writing %1 …").replace("%1", str(target)))
        self._export_runner.start(job)
        return True

    def _on_export_runner_finished(self, result: object) -> None:
        path, count = result  # type: ignore[misc]
        self._say("placed", self.tr("Wrote %1 volumes to %2").replace("%1", str(count)).replace("%2", str(path)))


def create(ctx: AppContext, parent: QWidget | None = None) -> ShelvesArea:
    return ShelvesArea(ctx, parent)
