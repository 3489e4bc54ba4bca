"""The appraisal and destruction tab: yearly lists of volumes whose retention ran out, a decision per volume,
the 销毁清册 and its confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import catalogue, transfers
from archive_desk.services.transfers import (
    AppraisalLineRecord,
    AppraisalRecord,
)
from archive_desk.ui.areas.transfers import common
from archive_desk.ui.areas.transfers.common import (
    GREEN,
    RED,
    _item,
    _pydate,
    _qdate,
    _setup_table,
)
from archive_desk.ui.areas.transfers.line_models import AppraisalLinesModel
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.transfers import (
    KeepDialog,
)
from archive_desk.ui.ops import OpRun, run_op
from archive_desk.ui.pdf_print import PdfPreviewDialog

if TYPE_CHECKING:
    from archive_desk.services.ops import WriteSession as Session


class AppraisalPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.appraisal: AppraisalRecord | None = None
        self.preview: PdfPreviewDialog | None = None
        self.keep_dialog: KeepDialog | None = None
        self.confirm_result: transfers.ConfirmResult | None = None
        fh = self.fontMetrics().height()

        # built in this order: the order of the focus chain
        left = self._build_list_side(fh)
        box = self._build_form()
        due_row = self._build_due_row()
        actions = self._build_actions()
        self._build_lines(fh)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(box)
        rv.addLayout(due_row)
        rv.addLayout(actions)
        rv.addWidget(self.message_label)
        rv.addWidget(self.summary_label)
        rv.addWidget(self.lines_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._busy: OpRun | None = None  # the long write under way (adding the due volumes, confirming)
        self._filters_loaded = False
        self._update_buttons()

    def _build_list_side(self, fh: int) -> QWidget:
        """The left side: the appraisal lists and the button that starts one."""
        self.list_table = QTableWidget(0, 3, self)
        self.list_table.setObjectName("appraisals")
        self.list_table.setHorizontalHeaderLabels([self.tr("List no."), self.tr("Year"), self.tr("Status")])
        _setup_table(self.list_table, fh)
        self.list_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for col in (0, 1):
            self.list_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.list_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list_table.itemSelectionChanged.connect(self._on_list_table_itemSelectionChanged)
        self.new_button = QPushButton(self.tr("New appraisal list"), self)
        self.new_button.clicked.connect(self.new_list)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.new_button)
        lv.addWidget(self.list_table, 1)
        return left

    def _build_form(self) -> QGroupBox:
        """The particulars of the shown list."""
        box = QGroupBox(self.tr("Appraisal"), self)
        self.list_no = QLabel(box)
        self.status = QLabel(box)
        self.year = QSpinBox(box)
        self.year.setRange(1900, date.today().year + 1)
        self.lead = QLineEdit(box)
        self.approver = QLineEdit(box)
        self.witness1 = QLineEdit(box)
        self.witness2 = QLineEdit(box)
        self.destroyed_on = QDateEdit(box)
        self.destroyed_on.setCalendarPopup(True)
        self.destroyed_on.setDisplayFormat("yyyy-MM-dd")
        self.notes = QLineEdit(box)
        self.save_button = QPushButton(self.tr("Save particulars"), box)
        self.save_button.clicked.connect(lambda: self.save_form())  # (not the button's checked flag as `then`)
        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.list_no)
        head.addWidget(self.status, 1)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("List no."), head)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Appraisal lead"), self.lead)
        form.addRow(self.tr("Approved by"), self.approver)
        witnesses = QHBoxLayout()
        witnesses.addWidget(self.witness1)
        witnesses.addWidget(self.witness2)
        form.addRow(self.tr("Witnesses"), witnesses)
        form.addRow(self.tr("Destruction date"), self.destroyed_on)
        form.addRow(self.tr("Notes"), self.notes)
        bv = QVBoxLayout(box)
        bv.addLayout(form)
        bv.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.form_box = box
        self._edits = (self.year, self.lead, self.approver, self.witness1, self.witness2, self.destroyed_on, self.notes, self.save_button)
        return box

    def _build_due_row(self) -> QHBoxLayout:
        """Finding the volumes whose retention ran out by a date, in a fonds and a category."""
        due_row = QHBoxLayout()
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(_qdate(date.today()))
        self.fonds_combo = QComboBox(self)
        self.category_combo = QComboBox(self)
        self.due_button = QPushButton(self.tr("Add volumes due"), self)
        self.due_button.clicked.connect(self.add_due)
        due_row.addWidget(QLabel(self.tr("Retention ran out by"), self))
        due_row.addWidget(self.as_of)
        due_row.addWidget(self.fonds_combo)
        due_row.addWidget(self.category_combo)
        due_row.addWidget(self.due_button)
        due_row.addStretch(1)
        return due_row

    def _build_actions(self) -> QHBoxLayout:
        """The decisions, the confirmation, the 销毁清册 and Excel."""
        actions = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Keep…"), self)
        self.destroy_button = QPushButton(self.tr("Destroy"), self)
        self.remove_button = QPushButton(self.tr("Take off the list"), self)
        self.confirm_button = QPushButton(self.tr("Confirm destruction…"), self)
        self.confirm_button.setObjectName("confirmDestruction")
        self.print_button = QPushButton(self.tr("Destruction list…"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.keep_button.clicked.connect(self.keep_selected)
        self.destroy_button.clicked.connect(self.destroy_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_excel)
        for b in (self.keep_button, self.destroy_button, self.remove_button, self.confirm_button, self.print_button, self.export_button):
            actions.addWidget(b)
        actions.addStretch(1)
        return actions

    def _build_lines(self, fh: int) -> None:
        """The message, the summary and the lines of the list."""
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.model = AppraisalLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("appraisalLines")
        self.lines_view.setModel(self.model)
        _setup_table(self.lines_view, fh)
        for col, width in enumerate((44, 190, 300, 50, 80, 90, 50, 70, 90, 200)):
            self.lines_view.setColumnWidth(col, width)
        self.lines_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _load_filters(self) -> None:
        with self.ctx.db.read() as s:
            fonds = catalogue.list_fonds(s)
            cats = catalogue.list_categories(s)
        self.fonds_combo.clear()
        self.fonds_combo.addItem(self.tr("All fonds"), None)
        for f in fonds:
            self.fonds_combo.addItem(f"{f.code} {f.name}", f.id)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        for c in cats:
            self.category_combo.addItem(f"{c.code} {c.name}", c.id)
        self._filters_loaded = True

    def refresh(self) -> None:
        if not self._filters_loaded:
            self._load_filters()
        keep = self.appraisal.id if self.appraisal else None
        with self.ctx.db.read() as s:
            lists = transfers.list_appraisals(s)
        self.list_table.blockSignals(True)
        self.list_table.setRowCount(len(lists))
        for r, a in enumerate(lists):
            for c, value in enumerate((a.list_no, a.year, self.tr("draft") if a.is_draft else self.tr("confirmed"))):
                item = _item(value)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.list_table.setItem(r, c, item)
        self.list_table.blockSignals(False)
        target = keep if keep is not None else (lists[0].id if lists else None)
        if target is not None:
            self.select_list(target)
        else:
            self.show_list(None)

    def select_list(self, appraisal_id: int) -> None:
        for r in range(self.list_table.rowCount()):
            item = self.list_table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == appraisal_id:
                self.list_table.blockSignals(True)
                self.list_table.selectRow(r)
                self.list_table.blockSignals(False)
        self.show_list(appraisal_id)

    def show_list(self, appraisal_id: int | None) -> None:
        if appraisal_id is None:
            self.appraisal = None
            self.model.set_lines([])
        else:
            with self.ctx.db.read() as s:
                self.appraisal = transfers.get_appraisal(s, appraisal_id)
                self.model.set_lines(transfers.list_appraisal_lines(s, appraisal_id))
        a = self.appraisal
        self.form_box.setEnabled(a is not None)
        if a is not None:
            self.list_no.setText(a.list_no)
            self.status.setText(self.tr("draft") if a.is_draft else self.tr("confirmed — kept permanently"))
            self.year.setValue(a.year)
            for edit, value in ((self.lead, a.lead), (self.approver, a.approver), (self.witness1, a.witness1),
                                (self.witness2, a.witness2), (self.notes, a.notes)):
                edit.setText(value)
            self.destroyed_on.setDate(_qdate(a.destroyed_on))
            for w in self._edits:
                w.setEnabled(a.is_draft)
        lines = self.model.lines()
        destroy = [ln for ln in lines if ln.decision == "destroy"]
        kept = sum(1 for ln in lines if ln.decision == "keep")
        self.summary_label.setText(self.tr("%1 volumes: %2 to destroy (%3 pages), %4 kept, %5 not decided").replace("%1", str(len(lines)))
                                   .replace("%2", str(len(destroy))).replace("%3", str(sum(ln.pages for ln in destroy)))
                                   .replace("%4", str(kept)).replace("%5", str(len(lines) - len(destroy) - kept)))
        self._update_buttons()

    def _on_list_table_itemSelectionChanged(self) -> None:
        rows = self.list_table.selectionModel().selectedRows()
        if rows:
            item = self.list_table.item(rows[0].row(), 0)
            if item is not None:
                self.show_list(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        draft = self.appraisal is not None and self.appraisal.is_draft and self._busy is None
        for b in (self.due_button, self.keep_button, self.destroy_button, self.remove_button, self.confirm_button):
            b.setEnabled(draft)
        for b in (self.print_button, self.export_button):
            b.setEnabled(self.appraisal is not None)

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setText(text)
        palette = self.message_label.palette()
        palette.setColor(self.message_label.foregroundRole(), GREEN if ok else RED)
        self.message_label.setPalette(palette)

    def new_list(self) -> None:
        def done(a: AppraisalRecord) -> None:
            self.appraisal = a
            self.refresh()

        run_op(self, transfers.create_appraisal, self.ctx.actor, date.today().year, destroyed_on=date.today(),
               on_success=done, on_error=common.refusal_shown(self), key="transfers.new_appraisal")

    def _form_values(self) -> dict[str, Any]:
        return {"year": self.year.value(), "lead": self.lead.text(), "approver": self.approver.text(), "witness1": self.witness1.text(),
                "witness2": self.witness2.text(), "destroyed_on": _pydate(self.destroyed_on.date()), "notes": self.notes.text()}

    def save_form(self, then: Callable[[], object] | None = None) -> None:
        """Save the particulars when they changed (in the background, ``ui/ops.run_op``), then ``then()``: at once
        when nothing changed, after the save otherwise, not at all when the save was refused."""
        if self.appraisal is None:
            return
        values = self._form_values()
        if not self.appraisal.is_draft or all(getattr(self.appraisal, k) == v for k, v in values.items()):
            if then is not None:
                then()
            return

        def done(appraisal: AppraisalRecord) -> None:
            self.appraisal = appraisal
            self.refresh()
            if then is not None:
                then()

        run_op(self, transfers.update_appraisal, self.ctx.actor, self.appraisal.id, self.appraisal.version, values,
               on_success=done, on_error=common.refusal_shown(self), key=f"transfers.save_appraisal:{self.appraisal.id}")

    def add_due(self) -> None:
        """Find the volumes whose retention ran out (a scan of the whole catalogue: seconds on a million volumes,
        so in a worker) and put them on the list."""
        if self.appraisal is None or self._busy is not None:
            return
        fid, cid = self.fonds_combo.currentData(), self.category_combo.currentData()
        as_of = _pydate(self.as_of.date())
        self._message(self.tr("Looking for volumes whose retention ran out…"))
        self._busy = run_op(self, transfers.add_due_volumes, self.ctx.actor, self.appraisal.id, as_of,
                            fonds_ids=(fid,) if fid is not None else (), category_ids=(cid,) if cid is not None else (),
                            on_success=self._due_added, on_error=self._refused, key=f"transfers.add_due:{self.appraisal.id}")
        self._watch_busy()

    def _watch_busy(self) -> None:
        """While a long write runs (``self._busy``), the list's buttons wait."""
        if self._busy is not None:
            self._busy.finished.connect(self._busy_ended)
        self._update_buttons()

    def _busy_ended(self) -> None:
        self._busy = None
        self._update_buttons()

    def _refused(self, exc: BaseException) -> bool:
        self._busy = None
        self._update_buttons()
        self._message(str(exc), ok=False)
        return common.refusal_shown(self)(exc)

    def _due_added(self, result: transfers.AddResult) -> None:
        self._busy = None
        if self.appraisal is None:
            return
        self.show_list(self.appraisal.id)
        text = self.tr("%n volume(s) whose retention ran out were added", "", len(result.added))
        if result.refused:
            text += self.tr("; %n refused", "", len(result.refused))
        self._message(text, ok=bool(result.added))

    def selected_lines(self) -> list[AppraisalLineRecord]:
        rows = sorted({i.row() for i in self.lines_view.selectionModel().selectedRows()})
        if not rows and self.lines_view.currentIndex().isValid():
            rows = [self.lines_view.currentIndex().row()]
        return [ln for r in rows if (ln := self.model.line_at(r)) is not None]

    def keep_selected(self) -> None:
        lines = self.selected_lines()
        if not lines:
            self._message(self.tr("Select the volumes to keep first."), ok=False)
            return
        dialog = KeepDialog(len(lines), self)
        self.keep_dialog = dialog
        dialog.accepted.connect(lambda: self._decide([ln.id for ln in lines], "keep", dialog.retention(), dialog.reason()))
        dialog.open()

    def destroy_selected(self) -> None:
        self._decide([ln.id for ln in self.selected_lines()], "destroy", "", "")

    def _decide(self, line_ids: list[int], decision: str, retention: str, reason: str) -> None:
        if not line_ids or self.appraisal is None:
            return
        actor, aid = self.ctx.actor, self.appraisal.id

        def decide(s: Session) -> None:  # one transaction, off the GUI thread
            for lid in line_ids:
                transfers.set_decision(s, actor, lid, decision, retention, reason)

        run_op(self, decide, on_success=lambda _r: self.show_list(aid), on_error=common.refusal_shown(self))

    def remove_selected(self) -> None:
        lines = self.selected_lines()
        if not lines or self.appraisal is None:
            return
        aid = self.appraisal.id
        run_op(self, transfers.remove_appraisal_lines, self.ctx.actor, aid, [ln.id for ln in lines],
               on_success=lambda _n: self.show_list(aid), on_error=common.refusal_shown(self),
               key=f"transfers.remove_appraisal_lines:{aid}")

    def handle_scan(self, code: str) -> bool:
        """A scanned volume is looked up on the shown list and selected."""
        from archive_desk.services.codes import canonical_code

        wanted = canonical_code(code)
        for r, ln in enumerate(self.model.lines()):
            if ln.code == wanted:
                self.lines_view.selectRow(r)
                self.lines_view.scrollTo(self.model.index(r, 0))
                self._message(self.tr("%1 is line %2 of the list").replace("%1", ln.code).replace("%2", str(ln.seq)))
                return True
        if self.appraisal is not None:
            self._message(self.tr("%1 is not on this list").replace("%1", wanted), ok=False)
            return True
        return False

    def confirm(self) -> None:
        if self.appraisal is None or not self.appraisal.is_draft or self._busy is not None:
            return
        self.save_form(self._confirm_saved)

    def _confirm_saved(self) -> None:
        if self.appraisal is None or not self.appraisal.is_draft or self._busy is not None:
            return
        lines = self.model.lines()
        destroy = sum(1 for ln in lines if ln.decision == "destroy")
        kept = sum(1 for ln in lines if ln.decision == "keep")
        if destroy + kept < len(lines):
            self._message(self.tr("%1 volumes on the list are not decided yet: decide each (destroy, or keep with a new retention "
                                  "and a reason) before confirming.").replace("%1", str(len(lines) - destroy - kept)), ok=False)
            return
        text = self.tr("Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is "
                       "kept permanently and can never be changed.").replace("%1", str(destroy)).replace("%2", str(kept))
        if not common.ask(self, self.tr("Confirm destruction list %1").replace("%1", self.appraisal.list_no), text):
            return
        self._busy = run_op(self, transfers.confirm_appraisal, self.ctx.actor, self.appraisal.id, self.appraisal.version,
                            on_success=self._confirmed, on_error=self._refused, key=f"transfers.confirm_appraisal:{self.appraisal.id}")
        self._watch_busy()

    def _confirmed(self, result: transfers.ConfirmResult) -> None:
        self._busy = None
        self.confirm_result = result
        self.refresh()
        self._message(self.tr("List %1 confirmed: %2 volumes destroyed, %3 kept.").replace("%1", result.batch_no)
                      .replace("%2", str(result.destroyed)).replace("%3", str(result.kept)))

    def print_list(self) -> None:
        self.save_form(self._print_list)

    def _print_list(self) -> None:
        from archive_desk.printing.destruction_list import render_destruction_list

        if self.appraisal is None:
            return
        try:
            with self.ctx.db.read() as s:
                pdf = render_destruction_list(transfers.destruction_list_data(s, self.appraisal.id))
        except UserError as exc:
            common.show_error(self, exc)
            return
        assert isinstance(pdf, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        self.preview = PdfPreviewDialog(pdf, self.tr("Destruction list %1").replace("%1", self.appraisal.list_no),
                                        f"销毁清册-{self.appraisal.list_no}.pdf", self)
        self.preview.open()

    def export_excel(self) -> None:
        self.save_form(self._export_excel)

    def _export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_destruction_workbook

        if self.appraisal is None:
            return
        path = common.choose_save_file(self, self.tr("Export to Excel"), f"销毁清册-{self.appraisal.list_no}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            with self.ctx.db.read() as s:
                write_destruction_workbook(transfers.destruction_list_data(s, self.appraisal.id), path)
        except UserError as exc:
            common.show_error(self, exc)
            return
        self._message(self.tr("Saved %1").replace("%1", path))
