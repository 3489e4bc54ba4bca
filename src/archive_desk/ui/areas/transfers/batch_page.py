"""One direction's batches (receiving or handing over): the list of batches, the particulars, scanning and
confirming. What is done to the lines is in :mod:`.batch_lines`, printing and Excel in :mod:`.batch_output`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import transfers
from archive_desk.services.transfers import (
    BatchRecord,
)
from archive_desk.ui.areas.transfers import common
from archive_desk.ui.areas.transfers.batch_form import BatchForm
from archive_desk.ui.areas.transfers.batch_lines import BatchLines
from archive_desk.ui.areas.transfers.batch_output import BatchOutput
from archive_desk.ui.areas.transfers.common import GREEN, RED, Progress, _item, _setup_table
from archive_desk.ui.areas.transfers.line_models import LinesModel
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.transfers import (
    HandoverFilterDialog,
    ImportListDialog,
    LineDialog,
)
from archive_desk.ui.pdf_print import PdfPreviewDialog
from archive_desk.ui.scan_input import ScanLineEdit
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.permissions import Ops, Target


class BatchPage(BatchLines, BatchOutput, QWidget):
    # (ui/permissions.py) what the role cannot do is disabled; the lists, certificates, Excel and the proposed shelf
    # space are for everyone who may look
    GUARDS: ClassVar[dict[str, Ops]] = {
        "new_button": "transfers.create_batch", "form.save_button": "transfers.update_batch",
        "import_button": "transfers.add_planned_lines", "add_button": "transfers.add_line",
        "selection_button": "transfers.add_volumes", "filter_button": ("transfers.add_by_filter", "transfers.add_volumes"),
        "remove_button": "transfers.remove_lines", "confirm_button": "transfers.confirm_batch",
        "edit_button": ("transfers.update_line", "transfers.set_found"), "toggle_button": "transfers.set_found",
        "scan_edit": ("transfers.scan_check", "transfers.add_by_scan"),  # (``guarded``: which one, by direction)
    }

    def guarded(self) -> list[tuple[Target, Ops]]:
        """The scan field checks a received volume in, or adds a handed-over one."""
        scan = "transfers.scan_check" if self.direction == "in" else "transfers.add_by_scan"
        return [(self.scan_edit, scan), (self.pages_spin, scan)]

    """One direction's batches: ``in`` (receiving) or ``out`` (handing over)."""

    def __init__(self, ctx: AppContext, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.direction = direction
        self.batch: BatchRecord | None = None
        self.preview: PdfPreviewDialog | None = None
        self.import_dialog: ImportListDialog | None = None
        self.line_dialog: LineDialog | None = None
        self.filter_dialog: HandoverFilterDialog | None = None
        self.last_outcome: Any = None
        self.last_refusals: tuple[transfers.Refusal, ...] = ()
        self.confirm_result: transfers.ConfirmResult | None = None
        self.shelf_proposal: transfers.ShelfProposal | None = None
        fh = self.fontMetrics().height()

        left = self._build_batch_list(fh)
        # right: particulars, actions, check, lines (built in this order: the order of the focus chain)
        self.form = BatchForm(direction, self)
        self.form.save_button.clicked.connect(lambda: self.save_form())  # (not the button's checked flag as `then`)
        actions = self._build_actions()
        scan_row = self._build_scan_row()
        filter_row = self._build_filter_row()
        self._build_lines(fh)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.form)
        rv.addLayout(actions)
        rv.addLayout(scan_row)
        rv.addWidget(self.message_label)
        rv.addLayout(filter_row)
        rv.addWidget(self.lines_view, 1)
        rv.addWidget(self.refused_label)
        rv.addWidget(self.refused_list)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._confirming: OpRun | None = None  # the confirmation being written
        self._progress = Progress(self)
        self._progress.progressed.connect(self._on_progressed)
        self._update_buttons()

    def _build_batch_list(self, fh: int) -> QWidget:
        """The left side: the batches of this direction and the button that starts one."""
        self.batch_table = QTableWidget(0, 4, self)
        self.batch_table.setObjectName(f"batches_{self.direction}")
        self.batch_table.setHorizontalHeaderLabels([self.tr("Batch no."), self.tr("Unit"), self.tr("Date"), self.tr("Status")])
        _setup_table(self.batch_table, fh)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col in (0, 2, 3):
            self.batch_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.batch_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.batch_table.itemSelectionChanged.connect(self._on_batch_table_itemSelectionChanged)
        self.new_button = QPushButton(self.tr("New receiving batch") if self.direction == "in" else self.tr("New handing-over batch"), self)
        self.new_button.clicked.connect(self.new_batch)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.batch_table, 1)
        return left

    def _build_actions(self) -> QHBoxLayout:
        """The batch's buttons; each direction shows its own."""
        actions = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import list from Excel…"), self)
        self.add_button = QPushButton(self.tr("Add line…"), self)
        self.selection_button = QPushButton(self.tr("Add catalogue selection"), self)
        self.filter_button = QPushButton(self.tr("Add by filter…"), self)
        self.remove_button = QPushButton(self.tr("Take off the batch"), self)
        self.confirm_button = QPushButton(self.tr("Confirm receiving…") if self.direction == "in" else self.tr("Confirm handing over…"), self)
        self.confirm_button.setObjectName("confirmButton")
        self.print_button = QPushButton(self.tr("Transfer list…"), self)
        self.certificate_button = QPushButton(self.tr("Handover certificate…"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.space_button = QPushButton(self.tr("Propose shelf space"), self)
        self.import_button.clicked.connect(self.import_list)
        self.add_button.clicked.connect(self.add_line_by_hand)
        self.selection_button.clicked.connect(self.add_catalogue_selection)
        self.filter_button.clicked.connect(self.add_by_filter)
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_list)
        self.certificate_button.clicked.connect(self.print_certificate)
        self.export_button.clicked.connect(self.export_excel)
        self.space_button.clicked.connect(self.propose_space)
        own = (self.import_button, self.add_button, self.space_button) if self.direction == "in" else (
            self.selection_button, self.filter_button, self.remove_button)
        for b in (*own, self.confirm_button, self.print_button, self.certificate_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.import_button, self.add_button, self.space_button, self.selection_button, self.filter_button, self.remove_button):
            b.setVisible(b in own)
        return actions

    def _build_scan_row(self) -> QHBoxLayout:
        """The scan field (and, receiving, the pages counted for the next scan)."""
        scan_row = QHBoxLayout()
        self.scan_edit = ScanLineEdit(self)
        self.scan_edit.setObjectName(f"transferScan_{self.direction}")
        self.scan_edit.setPlaceholderText(self.tr("Scan a volume's barcode (or type its code and press Enter)"))
        self.scan_edit.scanned.connect(self._on_scan_edit_scanned)
        self.pages_spin = QSpinBox(self)
        self.pages_spin.setObjectName("pagesCounted")
        self.pages_spin.setRange(0, 100000)
        self.pages_spin.setSpecialValueText(self.tr("as listed"))
        self.pages_spin.setToolTip(self.tr("Pages counted for the next scanned volume; left at \"as listed\" the list's count is taken"))
        scan_row.addWidget(QLabel(self.tr("Scan") if self.direction == "in" else self.tr("Scan to add"), self))
        scan_row.addWidget(self.scan_edit, 3)
        if self.direction == "in":
            scan_row.addWidget(QLabel(self.tr("Pages counted"), self))
            scan_row.addWidget(self.pages_spin)
        else:
            self.pages_spin.setVisible(False)
        return scan_row

    def _build_filter_row(self) -> QHBoxLayout:
        """The scan message, the check summary, the line filter and the line buttons."""
        self.message_label = QLabel(self)
        self.message_label.setObjectName("scanMessage")
        self.message_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("checkSummary")
        self.summary_label.setWordWrap(True)
        self.filter_combo = QComboBox(self)
        for key, text in (("all", self.tr("All lines")), ("pending", self.tr("Missing / not arrived")), ("found", self.tr("Arrived")),
                          ("unexpected", self.tr("Not on the list")), ("returned", self.tr("Sent back / taken off")),
                          ("pages", self.tr("Pages differ"))):
            if self.direction == "out" and key in ("pending", "unexpected", "pages"):
                continue
            self.filter_combo.addItem(text, key)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_currentIndexChanged)
        self.edit_button = QPushButton(self.tr("Edit line…"), self)
        self.toggle_button = QPushButton(self.tr("Arrived / not arrived"), self)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.toggle_button.clicked.connect(self.toggle_found)
        self.edit_button.setVisible(self.direction == "in")
        self.toggle_button.setVisible(self.direction == "in")
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.summary_label, 1)
        filter_row.addWidget(self.filter_combo)
        filter_row.addWidget(self.edit_button)
        filter_row.addWidget(self.toggle_button)
        return filter_row

    def _build_lines(self, fh: int) -> None:
        """The lines of the batch and, handing over, the volumes refused."""
        self.model = LinesModel(self.direction, self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName(f"transferLines_{self.direction}")
        self.lines_view.setModel(self.model)
        _setup_table(self.lines_view, fh)
        for col, width in enumerate((44, 190, 320, 50, 80, 45, 50, 70, 130)):
            self.lines_view.setColumnWidth(col, width)
        self.lines_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines_view.doubleClicked.connect(self._on_lines_view_doubleClicked)
        self.refused_list = QListWidget(self)
        self.refused_list.setObjectName("refusals")
        self.refused_list.setMaximumHeight(7 * fh)
        self.refused_label = QLabel(self.tr("Not added"), self)
        self.refused_list.setVisible(self.direction == "out")
        self.refused_label.setVisible(self.direction == "out")

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        keep = self.batch.id if self.batch else None
        with self.ctx.db.read() as s:
            batches = transfers.list_batches(s, self.direction)
        self.batch_table.blockSignals(True)
        self.batch_table.setRowCount(len(batches))
        for r, b in enumerate(batches):
            unit = b.from_unit if self.direction == "in" else b.to_unit
            status = self.tr("draft") if b.is_draft else self.tr("confirmed")
            for c, value in enumerate((b.batch_no, unit, b.transfer_date.isoformat() if b.transfer_date else "", status)):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, b.id)
                self.batch_table.setItem(r, c, item)
        self.batch_table.blockSignals(False)
        if keep is not None:
            self.select_batch(keep)
        elif batches:
            self.select_batch(batches[0].id)
        else:
            self.show_batch(None)

    def select_batch(self, batch_id: int) -> None:
        for r in range(self.batch_table.rowCount()):
            item = self.batch_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == batch_id:
                self.batch_table.blockSignals(True)
                self.batch_table.selectRow(r)
                self.batch_table.blockSignals(False)
                break
        self.show_batch(batch_id)

    def show_batch(self, batch_id: int | None) -> None:
        if self.batch is None or batch_id != self.batch.id:
            self.refused_list.clear()
        if batch_id is None:
            self.batch = None
            self.model.set_lines([], False)
        else:
            with self.ctx.db.read() as s:
                self.batch = transfers.get_batch(s, batch_id)
                lines = transfers.list_lines(s, batch_id, self.ctx.actor)  # hidden titles masked
            self.model.set_lines(lines, not self.batch.is_draft)
        self.form.set_batch(self.batch)
        self._update_summary()
        self._update_buttons()

    def _on_batch_table_itemSelectionChanged(self) -> None:
        rows = self.batch_table.selectionModel().selectedRows()
        if rows:
            item = self.batch_table.item(rows[0].row(), 0)
            if item is not None:
                self.show_batch(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        draft = self.batch is not None and self.batch.is_draft
        has = self.batch is not None
        for b in (self.import_button, self.add_button, self.selection_button, self.filter_button, self.remove_button,
                  self.confirm_button, self.edit_button, self.toggle_button, self.scan_edit, self.pages_spin):
            b.setEnabled(draft and self._confirming is None)
        for b in (self.print_button, self.certificate_button, self.export_button):
            b.setEnabled(has)
        self.space_button.setEnabled(has)

    def _update_summary(self) -> None:
        lines = self.model.lines()
        if self.batch is None:
            self.summary_label.setText("")
            return
        if self.direction == "out":
            active = [ln for ln in lines if ln.expected]
            self.summary_label.setText(
                self.tr("%1 volumes, %2 items, %3 pages").replace("%1", str(len(active)))
                .replace("%2", str(sum(ln.item_count for ln in active))).replace("%3", str(sum(ln.pages for ln in active))))
            return
        expected = sum(1 for ln in lines if ln.expected)
        found = sum(1 for ln in lines if ln.state == "found")
        pending = sum(1 for ln in lines if ln.state == "pending")
        unexpected = sum(1 for ln in lines if ln.state == "unexpected")
        returned = sum(1 for ln in lines if ln.state == "returned")
        pages = sum(1 for ln in lines if ln.page_difference)
        text = (self.tr("On the list %1; arrived %2; missing %3; not on the list %4; sent back %5; pages differ %6")
                if self.model.confirmed else
                self.tr("On the list %1; arrived %2; not arrived yet %3; not on the list %4; sent back %5; pages differ %6"))
        for i, n in enumerate((expected, found, pending, unexpected, returned, pages), start=1):
            text = text.replace(f"%{i}", str(n))
        self.summary_label.setText(text)

    def summary_counts(self) -> dict[str, int]:
        lines = self.model.lines()
        return {
            "expected": sum(1 for ln in lines if ln.expected),
            "found": sum(1 for ln in lines if ln.state == "found"),
            "pending": sum(1 for ln in lines if ln.state == "pending"),
            "unexpected": sum(1 for ln in lines if ln.state == "unexpected"),
            "returned": sum(1 for ln in lines if ln.state == "returned"),
            "pages": sum(1 for ln in lines if ln.page_difference),
        }

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setText(text)
        palette = self.message_label.palette()
        palette.setColor(self.message_label.foregroundRole(), GREEN if ok else RED)
        self.message_label.setPalette(palette)

    def _on_filter_combo_currentIndexChanged(self, _index: int) -> None:
        self.model.set_filter(self.filter_combo.currentData())

    # ------------------------------------------------------------ batch

    def new_batch(self) -> None:
        room = self._room_name() or self.tr("Archive room")
        values = {"to_unit": room} if self.direction == "in" else {"from_unit": room}

        def done(b: BatchRecord) -> None:
            self.batch = b
            self.refused_list.clear()
            self.refresh()
            self.form.from_unit.setFocus() if self.direction == "in" else self.form.to_unit.setFocus()

        run_op(self, transfers.create_batch, self.ctx.actor, self.direction, transfer_date=date.today(), **values,
               on_success=done, on_error=common.refusal_shown(self), key=f"transfers.new_batch:{self.direction}")

    def _room_name(self) -> str:
        from archive_desk.services import room_settings

        try:
            return room_settings.read(self.ctx.db).room_name
        except Exception:  # noqa: BLE001 - a missing setting is not worth a box
            return ""

    def save_form(self, then: Callable[[], object] | None = None) -> None:
        """Save the particulars in the background (``ui/ops.run_op``), then ``then()`` once they are saved."""
        if self.batch is None:
            return

        def done(batch: BatchRecord) -> None:
            self.batch = batch
            self.refresh()
            self._message(self.tr("Saved."))
            if then is not None:
                then()

        run_op(self, transfers.update_batch, self.ctx.actor, self.batch.id, self.batch.version, self.form.values(),
               on_success=done, on_error=common.refusal_shown(self), key=f"transfers.save_batch:{self.batch.id}")

    def _save_if_changed(self, then: Callable[[], object]) -> None:
        """Save the particulars before an action that uses them (printing, confirming), then do it: at once when
        nothing changed, after the save otherwise (not at all when the save was refused)."""
        if self.batch is None or not self.batch.is_draft:
            then()
            return
        current = self.form.values()
        stored = {k: getattr(self.batch, k) for k in current}
        if {k: (v or "") if not isinstance(v, date) else v for k, v in current.items()} == \
           {k: (v or "") if not isinstance(v, date) else v for k, v in stored.items()}:
            then()
            return
        self.save_form(then)

    # ------------------------------------------------------------ scanning

    def handle_scan(self, code: str) -> bool:
        if self.batch is None or not self.batch.is_draft or self._confirming is not None or not self.scan_edit.isEnabled():
            return False  # (a role that may not scan here: the catalogue shows the volume instead)
        self._scan(code)
        return True

    def _on_scan_edit_scanned(self, code: str) -> None:
        if self.batch is None or not self.batch.is_draft:
            self._message(self.tr("Choose or start a batch in draft first."), ok=False)
            return
        self._scan(code)

    def _scan(self, code: str) -> None:
        assert self.batch is not None  # noqa: S101 - narrows the type; the code guarantees it
        if self.direction == "out":
            actor, batch_id = self.ctx.actor, self.batch.id
            self._add_volumes(lambda s: transfers.add_by_scan(s, actor, batch_id, code))
            return
        pages = self.pages_spin.value() or None
        self.pages_spin.setValue(0)
        # scans are saved one after another, in scan order (ui/ops.run_op)
        run_op(self, transfers.scan_check, self.ctx.actor, self.batch.id, code, pages=pages, on_success=self._checked,
               on_error=self._scan_refused)

    def _scan_refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        self._message(str(exc), ok=False)
        return True

    def _checked(self, outcome: transfers.ScanOutcome) -> None:
        self.last_outcome = outcome
        if outcome.line is not None:
            row = self.model.upsert(outcome.line)
            if row is not None:
                self.lines_view.scrollTo(self.model.index(row, 0))
                self.lines_view.selectRow(row)
        self._update_summary()
        self._message(outcome.message, ok=outcome.kind == "found" and not (outcome.line and outcome.line.page_difference))

    # ------------------------------------------------------------ confirming

    def confirm(self) -> None:
        if self.batch is None or not self.batch.is_draft or self._confirming is not None:
            return
        self._save_if_changed(self._confirm_saved)

    def _confirm_saved(self) -> None:
        if self.batch is None or not self.batch.is_draft or self._confirming is not None:
            return
        counts = self.summary_counts()
        accept_missing = False
        if self.direction == "in":
            arriving = counts["found"] + counts["unexpected"]
            if counts["pending"]:
                text = self.tr("%1 volumes on the list have not arrived. Confirm receiving the %2 that did, and record the others as "
                               "missing?").replace("%1", str(counts["pending"])).replace("%2", str(arriving))
                accept_missing = True
            else:
                text = self.tr("Confirm receiving %1 volumes? They are created in the catalogue; the batch can no longer be "
                               "changed.").replace("%1", str(arriving))
        else:
            text = self.tr("Hand over %1 volumes to %2? They become \"transferred out\"; the batch can no longer be changed.") \
                .replace("%1", str(sum(1 for ln in self.model.lines() if ln.expected))).replace("%2", self.batch.to_unit or "?")
        if not common.ask(self, self.tr("Confirm batch %1").replace("%1", self.batch.batch_no), text):
            return
        self._message(self.tr("Confirming…"))
        # one transaction off the GUI thread; its progress comes back through a queued signal
        self._confirming = run_op(self, transfers.confirm_batch, self.ctx.actor, self.batch.id, self.batch.version,
                                  accept_missing=accept_missing, progress=self._progress.progressed.emit,
                                  on_success=self._confirmed, on_error=self._confirm_refused, key=f"transfers.confirm:{self.batch.id}")
        if self._confirming is not None:
            self._confirming.finished.connect(self._confirm_ended)
        self._update_buttons()

    def _confirm_ended(self) -> None:
        self._confirming = None
        self._update_buttons()

    def _on_progressed(self, done: int, total: int) -> None:
        if self._confirming is not None:
            self._message(self.tr("Confirming… %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def _confirmed(self, result: transfers.ConfirmResult) -> None:
        self.confirm_result = result
        self._confirming = None
        if self.direction == "in":
            text = self.tr("Batch %1 received: %2 volumes created, %3 updated, %4 missing.").replace("%1", result.batch_no) \
                .replace("%2", str(result.created)).replace("%3", str(result.updated)).replace("%4", str(result.missing))
        else:
            text = self.tr("Batch %1 handed over: %2 volumes transferred out.").replace("%1", result.batch_no) \
                .replace("%2", str(result.transferred))
        self.refresh()
        self._message(text)

    def _confirm_refused(self, exc: BaseException) -> bool:
        self._confirming = None
        self._update_buttons()
        self._message(str(exc), ok=False)
        return common.refusal_shown(self)(exc)
