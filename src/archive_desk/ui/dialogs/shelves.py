"""Dialogs of the Shelves area: a new room, a whole new rack with a preview of its codes, a bulk move, and
the space finder with reservations. Problems are shown inside the dialog (red line), never in a modal box,
so the dialogs stay usable by scanner and testable."""

from __future__ import annotations

from typing import ClassVar

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import catalogue, locations
from archive_desk.services.codes import normalize_scan
from archive_desk.ui.context import AppContext
from archive_desk.ui.item_models.shelf_models import ProposalsModel, SharesModel
from archive_desk.ui.ops import run_op, say_in
from archive_desk.ui.permissions import Ops
from archive_desk.ui.scan_input import ScanLineEdit

PREVIEW_LIMIT = 300


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    return label


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


# ------------------------------------------------------------------ room


class RoomDialog(QDialog):
    # (ui/permissions.py) its OK creates the room
    GUARDS: ClassVar[dict[str, Ops]] = {"ok_button": "locations.create_room"}
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: locations.RoomRecord | None = None
        self.setWindowTitle(self.tr("New room"))
        with ctx.db.read() as s:
            rooms = locations.list_rooms(s, active_only=False)
        next_number = max((r.number for r in rooms), default=0) + 1
        self.number = QSpinBox(self)
        self.number.setRange(1, 999)
        self.number.setValue(next_number)
        self.code = QLineEdit(f"K{next_number}", self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. %1").replace("%1", f"{next_number}号库房"))
        self.problem = _problem_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Room number"), self.number)
        form.addRow(self.tr("Code (in location codes)"), self.code)
        form.addRow(self.tr("Name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        run_op(self, locations.create_room, self.ctx.actor, self.number.value(), self.code.text(), self.name.text(),
               on_success=self._created, on_error=say_in(self.problem), key=f"rooms.create:{id(self)}")

    def _created(self, record: locations.RoomRecord) -> None:
        self.created = record
        self.accept()


# ------------------------------------------------------------------ rack


class RackDialog(QDialog):
    GUARDS: ClassVar[dict[str, Ops]] = {"create_button": "locations.create_rack"}
    """Create a whole rack (sides × columns × sections × layers) after seeing the codes it will make."""

    def __init__(self, ctx: AppContext, room_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: locations.RackRecord | None = None
        self.planned: list[locations.PlannedLayer] = []
        self.setWindowTitle(self.tr("New rack"))
        self.resize(620, 560)
        with ctx.db.read() as s:
            self._rooms = locations.list_rooms(s)
            self._racks = locations.list_racks(s, active_only=False)

        self.room = QComboBox(self)
        for room in self._rooms:
            self.room.addItem(f"{room.name} ({room.code})", room.id)
        if room_id is not None and self.room.findData(room_id) >= 0:
            self.room.setCurrentIndex(self.room.findData(room_id))
        self.number = QSpinBox(self)
        self.number.setRange(1, 999)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Compact mobile rack"), "mobile")
        self.kind.addItem(self.tr("Cabinet"), "cabinet")
        self.sides = QComboBox(self)
        self.sides.addItem(self.tr("Double-sided (A and B)"), 2)
        self.sides.addItem(self.tr("Single-sided"), 1)
        self.columns = self._spin(10)
        self.sections = self._spin(6)
        self.layers = self._spin(5)
        self.capacity_count = QSpinBox(self)
        self.capacity_count.setRange(0, 10_000)
        self.capacity_count.setValue(30)
        self.capacity_count.setSpecialValueText(self.tr("no limit"))
        self.capacity_mm = QSpinBox(self)
        self.capacity_mm.setRange(0, 100_000)
        self.capacity_mm.setSingleStep(50)
        self.capacity_mm.setValue(900)
        self.capacity_mm.setSuffix(" mm")
        self.capacity_mm.setSpecialValueText(self.tr("no limit"))

        form = QFormLayout()
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Rack number"), self.number)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Sides"), self.sides)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(self.tr("Sections per column"), self.sections)
        form.addRow(self.tr("Layers per section"), self.layers)
        form.addRow(self.tr("Capacity of a layer (volumes)"), self.capacity_count)
        form.addRow(self.tr("Width of a layer"), self.capacity_mm)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.preview = QListWidget(self)
        self.preview.setObjectName("preview")
        self.problem = _problem_label(self)
        group = QGroupBox(self.tr("Codes that will be created"), self)
        glayout = QVBoxLayout(group)
        glayout.addWidget(self.summary)
        glayout.addWidget(self.preview)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(self.tr("Create rack"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createRack")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for spin in (self.number, self.columns, self.sections, self.layers):
            spin.valueChanged.connect(self._update_preview)
        for combo in (self.room, self.kind, self.sides):
            combo.currentIndexChanged.connect(self._on_room_or_shape_changed)
        self._propose_number()
        self._update_preview()

    def _spin(self, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, locations.MAX_DIMENSION)
        spin.setValue(value)
        return spin

    def _propose_number(self) -> None:
        room_id = self.room.currentData()
        used = [r.number for r in self._racks if r.room_id == room_id]
        self.number.setValue(max(used, default=0) + 1)

    def _on_room_or_shape_changed(self) -> None:
        if self.sender() is self.room:
            self._propose_number()
        self._update_preview()

    def _update_preview(self) -> None:
        self.preview.clear()
        self.planned = []
        room_id = self.room.currentData()
        if room_id is None:
            self.summary.setText("")
            self.problem.setText(self.tr("Create a room first."))
            self.create_button.setEnabled(False)
            return
        try:
            with self.ctx.db.read() as s:
                self.planned = locations.preview_rack(
                    s, room_id, self.number.value(), sides=self.sides.currentData(), columns=self.columns.value(),
                    sections=self.sections.value(), layers=self.layers.value())
        except UserError as exc:
            self.summary.setText("")
            self.problem.setText(str(exc))
            self.create_button.setEnabled(False)
            return
        self.problem.setText("")
        self.create_button.setEnabled(True)
        n = len(self.planned)
        self.summary.setText(self.tr("%1 layers, from %2 to %3").replace("%1", str(n))
                             .replace("%2", self.planned[0].code).replace("%3", self.planned[-1].code))
        shown = self.planned if n <= PREVIEW_LIMIT else self.planned[: PREVIEW_LIMIT - 1]
        self.preview.addItems([f"{p.code}    {p.barcode}" for p in shown])
        if n > PREVIEW_LIMIT:
            self.preview.addItem(self.tr("… and %1 more, to %2").replace("%1", str(n - len(shown))).replace("%2", self.planned[-1].code))

    def _on_buttons_accepted(self) -> None:
        run_op(self, locations.create_rack, self.ctx.actor, self.room.currentData(), self.number.value(),
               kind=self.kind.currentData(), sides=self.sides.currentData(), columns=self.columns.value(),
               sections=self.sections.value(), layers=self.layers.value(),
               capacity_count=self.capacity_count.value() or None, capacity_mm=self.capacity_mm.value() or None,
               on_success=self._created, on_error=say_in(self.problem), key=f"racks.create:{id(self)}")

    def _created(self, record: locations.RackRecord) -> None:
        self.created = record
        self.accept()


# ------------------------------------------------------------------ bulk move


class BulkMoveDialog(QDialog):
    GUARDS: ClassVar[dict[str, Ops]] = {"move_button": "locations.bulk_move"}
    """Move a selection (ids given by the caller) or a pasted list of 档号 to a target layer, in order."""

    def __init__(self, ctx: AppContext, volume_ids: Sequence[int] | None = None, target_layer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Move volumes"))
        self.resize(640, 560)
        self.volume_ids: list[int] = list(volume_ids or [])
        self.target: locations.LayerRecord | None = None
        self.plan: locations.BulkMovePlan | None = None
        self.result_: locations.BulkMoveResult | None = None

        self.codes = QPlainTextEdit(self)
        self.codes.setObjectName("codes")
        self.codes.setPlaceholderText(self.tr("Archival codes or barcodes, one a line (scan them here), in the order they should stand"))
        self.codes.setVisible(volume_ids is None)
        self.codes.textChanged.connect(self._on_codes_textChanged)
        # a scanner types a line in milliseconds: read the list once typing pauses, not on every key
        self._codes_timer = QTimer(self)
        self._codes_timer.setSingleShot(True)
        self._codes_timer.setInterval(250)
        self._codes_timer.timeout.connect(self.read_codes)
        self.selection = QLabel(self)
        self.target_field = ScanLineEdit(self)
        self.target_field.setObjectName("targetField")
        self.target_field.setPlaceholderText(self.tr("Scan or type the target layer"))
        self.target_field.scanned.connect(self._on_target_field_scanned)
        self.target_label = QLabel(self.tr("No target layer yet"), self)
        self.target_label.setWordWrap(True)
        self.spill = QCheckBox(self.tr("Continue onto the following empty layers when the target is full"), self)
        self.spill.setChecked(True)
        self.spill.toggled.connect(self._replan)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (e.g. reorganising 2019 claims)"))
        self.shares = SharesModel(self)
        self.shares_view = _table(self)
        self.shares_view.setModel(self.shares)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.problem = _problem_label(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.move_button = self.buttons.addButton(self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.move_button.setObjectName("moveButton")
        self.move_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Volumes"), self.selection)
        form.addRow(self.tr("Target layer"), self.target_field)
        form.addRow("", self.target_label)
        form.addRow("", self.spill)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.codes, 1)
        layout.addLayout(form)
        layout.addWidget(self.shares_view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update_selection_text([])
        if target_layer_id is not None:
            with ctx.db.read() as s:
                self._set_target(locations.get_layer(s, target_layer_id))

    def _update_selection_text(self, unknown: list[str]) -> None:
        text = self.tr("%n volume(s)", "", len(self.volume_ids))
        if unknown:
            text += "  " + self.tr("Unknown: %1").replace("%1", ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else ""))
        self.selection.setText(text)

    def _on_codes_textChanged(self) -> None:
        self._codes_timer.start()

    def read_codes(self) -> None:
        """Resolve the typed or scanned 档号 / barcodes to volumes, keeping their order."""
        self._codes_timer.stop()
        lines = [normalize_scan(line) for line in self.codes.toPlainText().splitlines()]
        ids: list[int] = []
        unknown: list[str] = []
        with self.ctx.db.read() as s:
            for line in lines:
                if not line:
                    continue
                volume = catalogue.find_volume(s, line)
                if volume is None:
                    unknown.append(line)
                else:
                    ids.append(volume.id)
        self.volume_ids = ids
        self._update_selection_text(unknown)
        self._replan()

    def _on_target_field_scanned(self, text: str) -> None:
        with self.ctx.db.read() as s:
            layer = locations.find_layer(s, text)
        if layer is None:
            self.problem.setText(self.tr("There is no layer %1").replace("%1", text))
            return
        self._set_target(layer)

    def _set_target(self, layer: locations.LayerRecord) -> None:
        self.target = layer
        with self.ctx.db.read() as s:
            info = locations.describe_location(s, layer.id)
        self.target_label.setText(f"{info.code}  {info.words}")
        self._replan()

    def _replan(self) -> None:
        self.plan = None
        self.shares.set_rows([])
        self.move_button.setEnabled(False)
        self.problem.setText("")
        if self.target is None or not self.volume_ids:
            self.summary.setText("")
            return
        try:
            with self.ctx.db.read() as s:
                self.plan = locations.plan_bulk_move(s, self.volume_ids, self.target.id, spill=self.spill.isChecked())
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        plan = self.plan
        self.shares.set_rows(plan.shares)
        parts = [self.tr("%1 volumes onto %2 layers").replace("%1", str(len(plan.volume_ids) - plan.shortfall))
                 .replace("%2", str(len(plan.shares)))]
        if plan.refused:
            parts.append(self.tr("%1 cannot move (e.g. %2); they stay where they are").replace("%1", str(len(plan.refused)))
                         .replace("%2", plan.refused[0].reason))
        self.summary.setText("; ".join(parts))
        if not plan.fits:
            self.problem.setText(self.tr("%1 volumes do not fit: the free stretch from %2 is too short. Choose another layer or use the space finder.")
                                 .replace("%1", str(plan.shortfall)).replace("%2", plan.target_code))
        self.move_button.setEnabled(plan.fits and bool(plan.volume_ids))

    def _on_buttons_accepted(self) -> None:
        if self.plan is None or self.target is None:
            return
        run_op(self, locations.bulk_move, self.ctx.actor, self.volume_ids, self.target.id,
               spill=self.spill.isChecked(), skip_refused=True, reason=self.reason.text().strip(),
               on_success=self._moved, on_error=say_in(self.problem), key=f"volumes.bulk_move:{id(self)}")

    def _moved(self, result: object) -> None:
        self.result_ = result
        self.accept()


# ------------------------------------------------------------------ space finder


class SpaceFinderDialog(QDialog):
    # finding space is for everyone who may look; reserving and releasing write
    GUARDS: ClassVar[dict[str, Ops]] = {"reserve_button": "locations.reserve_layers",
                                        "release_button": "locations.release_reservation"}
    """Where can N volumes of a kind go? Proposals nearest first; reserve one for an incoming transfer."""

    showRequested = Signal(int)  # a layer id to show on the map

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Find space"))
        self.resize(760, 520)
        self.search: locations.SpaceSearch | None = None
        with ctx.db.read() as s:
            categories = catalogue.list_categories(s)
            rooms = locations.list_rooms(s)
        self.count = QSpinBox(self)
        self.count.setRange(1, 1_000_000)
        self.count.setValue(100)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Any (30 mm a volume)"), None)
        for c in categories:
            self.category.addItem(f"{c.code} {c.name} ({c.thickness_mm} mm)", c.id)
        self.room = QComboBox(self)
        self.room.addItem(self.tr("All rooms"), None)
        for r in rooms:
            self.room.addItem(r.name, r.id)
        find = QPushButton(self.tr("Find"), self)
        find.setObjectName("findButton")
        find.setDefault(True)
        find.clicked.connect(self.find)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Volumes"), self))
        top.addWidget(self.count)
        top.addWidget(QLabel(self.tr("of"), self))
        top.addWidget(self.category, 1)
        top.addWidget(self.room)
        top.addWidget(find)

        self.anchor = QLabel(self)
        self.anchor.setWordWrap(True)
        self.proposals = ProposalsModel(self)
        self.view = _table(self)
        self.view.setModel(self.proposals)
        self.view.doubleClicked.connect(self._on_view_doubleClicked)
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("Reserve for (e.g. the incoming transfer)"))
        self.reserve_button = QPushButton(self.tr("Reserve"), self)
        self.reserve_button.setObjectName("reserveButton")
        self.reserve_button.clicked.connect(self.reserve_selected)
        show = QPushButton(self.tr("Show on map"), self)
        show.clicked.connect(self._on_show_clicked)
        reserve_row = QHBoxLayout()
        reserve_row.addWidget(self.label, 1)
        reserve_row.addWidget(self.reserve_button)
        reserve_row.addWidget(show)

        self.reservations = QListWidget(self)
        self.reservations.setObjectName("reservations")
        release = QPushButton(self.tr("Release"), self)
        release.setObjectName("releaseButton")
        release.clicked.connect(self.release_selected)
        self.release_button = release
        res_box = QGroupBox(self.tr("Reservations"), self)
        res_layout = QHBoxLayout(res_box)
        res_layout.addWidget(self.reservations, 1)
        res_layout.addWidget(release, 0, Qt.AlignmentFlag.AlignTop)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problem = _problem_label(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.anchor)
        layout.addWidget(self.view, 2)
        layout.addLayout(reserve_row)
        layout.addWidget(res_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self._load_reservations()

    def find(self) -> None:
        self.problem.setText("")
        self.message.setText("")
        try:
            with self.ctx.db.read() as s:
                self.search = locations.find_space(s, self.count.value(), category_id=self.category.currentData(),
                                                   room_id=self.room.currentData())
        except UserError as exc:
            self.problem.setText(str(exc))
            return
        self.proposals.set_rows(self.search.proposals)
        if self.search.anchor_code:
            self.anchor.setText(self.tr("Nearest to %1, where this category's shelving ends (%2 mm a volume)")
                                .replace("%1", self.search.anchor_code).replace("%2", str(self.search.thickness_mm)))
        else:
            self.anchor.setText(self.tr("Nearest to the start of the first room (%1 mm a volume)")
                                .replace("%1", str(self.search.thickness_mm)))
        if self.search.proposals:
            self.view.selectRow(0)
        else:
            self.problem.setText(self.tr("No stretch of free layers holds that many volumes."))

    def selected(self) -> locations.SpaceProposal | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proposals.row_record(rows[0].row()) if rows else None

    def reserve_selected(self) -> None:
        proposal = self.selected()
        if proposal is None:
            self.problem.setText(self.tr("Choose a proposal first."))
            return
        label = self.label.text().strip()

        def done(n: int) -> None:
            self._load_reservations()
            self.find()
            self.message.setText(self.tr("Reserved %1 layers (%2 … %3) for %4").replace("%1", str(n))
                                 .replace("%2", proposal.first_code).replace("%3", proposal.last_code).replace("%4", label))

        run_op(self, locations.reserve_layers, self.ctx.actor, proposal.layer_ids, self.label.text(),
               on_success=done, on_error=say_in(self.problem))

    def release_selected(self) -> None:
        item = self.reservations.currentItem()
        if item is None:
            return
        label = item.data(Qt.ItemDataRole.UserRole)
        def done(n: int) -> None:
            self.message.setText(self.tr("Released %1 layers reserved for %2").replace("%1", str(n)).replace("%2", label))
            self._load_reservations()

        run_op(self, locations.release_reservation, self.ctx.actor, label, on_success=done)

    def _load_reservations(self) -> None:
        self.reservations.clear()
        with self.ctx.db.read() as s:
            for r in locations.list_reservations(s):
                self.reservations.addItem(f"{r.label}: {r.layers} × {r.first_code} … {r.last_code}")
                self.reservations.item(self.reservations.count() - 1).setData(Qt.ItemDataRole.UserRole, r.label)

    def _on_show_clicked(self) -> None:
        proposal = self.selected()
        if proposal is not None:
            self.showRequested.emit(proposal.layer_ids[0])

    def _on_view_doubleClicked(self, index) -> None:  # noqa: ANN001
        proposal = self.proposals.row_record(index.row())
        if proposal is not None:
            self.showRequested.emit(proposal.layer_ids[0])
