"""Legal holds on the selected volume (issue #15 item 3): the holds standing on it (on the volume or on its 病案号),
a new one placed (kind, reason, on the volume or on every volume of the patient), one released, and the 封存
sealing list printed. Writes go through ``ui/ops.run_op`` to ``services/holds.py``."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import catalogue, holds
from archive_desk.ui.context import AppContext
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.permissions import Ops


class HoldsDialog(QDialog):
    # (ui/permissions.py) anyone who may look sees the holds and prints the sealing list; placing and releasing write
    GUARDS: ClassVar[dict[str, Ops]] = {"place_button": "holds.add", "release_button": "holds.release"}
    """``changed(volume_id)`` after a hold was placed or released (the catalogue repaints the volume)."""

    changed = Signal(int)

    def __init__(self, ctx: AppContext, volume_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volume_id = volume_id
        self.setObjectName("holdsDialog")
        self.holds: list[holds.HoldRecord] = []
        with ctx.db.read() as s:
            self.volume = catalogue.get_volume(s, volume_id)
        self.record_no = str((self.volume.custom or {}).get("record_no") or "").strip()
        self.setWindowTitle(self.tr("Legal holds: %1").replace("%1", self.volume.code))
        intro = QLabel(self.tr("A held volume is never due for destruction, cannot be lent, put on an appraisal list or "
                               "destroyed. A hold is released, never deleted."), self)
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("holdsTable")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Kind"), self.tr("On"), self.tr("Reason"),
                                              self.tr("Placed")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.release_button = QPushButton(self.tr("&Release hold"), self)
        self.release_button.setObjectName("releaseHoldButton")
        self.release_button.clicked.connect(self.release_selected)
        self.print_button = QPushButton(self.tr("&Print sealing list…"), self)
        self.print_button.setObjectName("printSealingListButton")
        self.print_button.clicked.connect(self.print_sealing_list)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.print_button)
        row_buttons.addWidget(self.release_button)

        place = QGroupBox(self.tr("Place a hold"), self)
        self.kind = QComboBox(place)
        self.kind.setObjectName("holdKind")
        for kind in holds.KINDS:
            self.kind.addItem(holds.kind_label(kind), kind)
        self.scope = QComboBox(place)
        self.scope.setObjectName("holdScope")
        self.scope.addItem(self.tr("This volume (%1)").replace("%1", self.volume.code), "volume")
        if self.record_no:
            self.scope.addItem(self.tr("Every volume of record no. %1").replace("%1", self.record_no), "record_no")
        self.reason = QLineEdit(place)
        self.reason.setObjectName("holdReason")
        self.reason.setPlaceholderText(self.tr("e.g. medical dispute, sealed in the presence of both sides"))
        self.counterpart = QLineEdit(place)
        self.counterpart.setObjectName("holdCounterpart")
        self.counterpart.setPlaceholderText(self.tr("who signs for the patient's side (封存)"))
        self.place_button = QPushButton(self.tr("P&lace hold"), place)
        self.place_button.setObjectName("placeHoldButton")
        self.place_button.clicked.connect(self.place)
        self.reason.textChanged.connect(self._update_buttons)
        self.kind.currentIndexChanged.connect(self._update_buttons)
        form = QFormLayout(place)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&On:"), self.scope)
        form.addRow(self.tr("R&eason:"), self.reason)
        form.addRow(self.tr("Patient's &side:"), self.counterpart)
        form.addRow("", self.place_button)

        self.message = QLabel(self)
        self.message.setObjectName("holdsMessage")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(place)
        layout.addLayout(bottom)
        self.resize(720, 480)
        self.reload()

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        with self.ctx.db.read() as s:
            self.holds = holds.active_holds(s, [self.volume_id]).get(self.volume_id, [])
        self.table.setRowCount(len(self.holds))
        for row, h in enumerate(self.holds):
            values = (str(h.id), holds.kind_label(h.kind), h.target, h.reason,
                      f"{h.placed_at:%Y-%m-%d} {h.placed_by}")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(h.describe())
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if self.holds:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_hold(self) -> holds.HoldRecord | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.holds[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        h = self.selected_hold()
        self.release_button.setEnabled(h is not None)
        self.print_button.setEnabled(h is not None and h.kind == "seal")
        self.place_button.setEnabled(bool(self.reason.text().strip()))
        self.counterpart.setEnabled(self.kind.currentData() == "seal")

    # ------------------------------------------------------------ writing

    def place(self) -> OpRun | None:
        kind, reason = str(self.kind.currentData()), self.reason.text().strip()
        target = {"record_no": self.record_no} if self.scope.currentData() == "record_no" else {"volume_id": self.volume_id}

        def done(h: holds.HoldRecord) -> None:
            self.reason.clear()
            self.counterpart.clear()
            self._say(self.tr("Hold %1 placed: %2").replace("%1", str(h.id)).replace("%2", h.describe()))
            self.reload()
            self.changed.emit(self.volume_id)

        return run_op(self, holds.add_hold, self.ctx.actor, kind=kind, reason=reason,
                      counterpart=self.counterpart.text().strip() if kind == "seal" else "", on_success=done,
                      on_error=self._refused, key=f"holds.add:{self.volume_id}", **target)

    def release_selected(self) -> OpRun | None:
        h = self.selected_hold()
        if h is None:
            return None

        def done(released: holds.HoldRecord) -> None:
            self._say(self.tr("Hold %1 released.").replace("%1", str(released.id)))
            self.reload()
            self.changed.emit(self.volume_id)

        return run_op(self, holds.release_hold, self.ctx.actor, h.id, on_success=done, on_error=self._refused,
                      key=f"holds.release:{h.id}")

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            self._say(str(exc), error=True)
            return True
        return False

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "")

    # ------------------------------------------------------------ printing

    def print_sealing_list(self) -> QDialog | None:
        h = self.selected_hold()
        if h is None or h.kind != "seal":
            return None
        from archive_desk.printing.sealing_list import render_sealing_list  # reportlab: only when printing
        from archive_desk.ui.pdf_print import PdfPreviewDialog

        try:
            with self.ctx.db.read() as s:
                data = holds.seal_list_data(s, h.id, self.ctx.actor)
            pdf = render_sealing_list(data)
        except UserError as exc:
            self._say(str(exc), error=True)
            return None
        assert isinstance(pdf, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        dialog = PdfPreviewDialog(pdf, self.tr("Sealing list %1").replace("%1", str(h.id)), f"封存清单-{h.id}.pdf", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.open()
        return dialog
