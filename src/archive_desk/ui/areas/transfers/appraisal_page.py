"""The appraisal and destruction tab: yearly lists of volumes whose retention ran out, a decision per volume,
the 销毁清册 and its confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

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
    Progress,
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
from archive_desk.ui.permissions import Ops
from archive_desk.ui.pdf_print import PdfPreviewDialog

if TYPE_CHECKING:
    from archive_desk.services.ops import WriteSession as Session


class AppraisalPage(QWidget):
    # (ui/permissions.py) what the role cannot do is disabled; the destruction list and Excel are for everyone who may look
    GUARDS: ClassVar[dict[str, Ops]] = {
        "new_button": "transfers.create_appraisal",
        "save_button": ("transfers.update_appraisal", "transfers.set_panel"),
        "opinion_button": "transfers.write_opinion", "approve_button": "transfers.approve_appraisal",
        "destruction_button": "transfers.record_destruction", "confirm_button": "transfers.confirm_appraisal",
        "due_button": "transfers.add_due_volumes", "keep_button": "transfers.set_decision",
        "destroy_button": "transfers.set_decision", "remove_button": "transfers.remove_appraisal_lines",
    }

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
        # the long writes under way (``ui/ops.run_op``): the witnesses' confirmation, and adding the volumes due
        self._busy: OpRun | None = None
        self._adding: OpRun | None = None
        self._progress = Progress(self)
        self._progress.progressed.connect(self._on_progressed)
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
        """The particulars of the shown list and the steps of its destruction, in order: 鉴定小组 → 鉴定意见书 → 报批 →
        销毁 → 监销 (each a button that records its step; nothing is destroyed before the last)."""
        box = QGroupBox(self.tr("Appraisal"), self)
        self.list_no = QLabel(box)
        self.status = QLabel(box)
        self.year = QSpinBox(box)
        self.year.setRange(1900, date.today().year + 1)
        self.kind_combo = QComboBox(box)
        self.kind_combo.addItem(self.tr("General records"), "general")
        self.kind_combo.addItem(self.tr("Accounting records (jointly with the accounting department)"), "accounting")
        self.members = QLineEdit(box)
        self.members.setPlaceholderText(self.tr("the lead first, names separated by 、"))
        self.signatories = QLineEdit(box)
        self.signatories.setPlaceholderText(self.tr("会计机构负责人 …、经办人 …"))
        self.notes = QLineEdit(box)
        self.save_button = QPushButton(self.tr("1. Save the panel"), box)
        self.save_button.clicked.connect(lambda: self.save_form())  # (not the button's checked flag as `then`)

        def day() -> QDateEdit:
            edit = QDateEdit(box)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(date.today()))
            return edit

        self.opinion = QLineEdit(box)
        self.opinion.setPlaceholderText(self.tr("the panel's opinion (鉴定意见书)"))
        self.opinion_on = day()
        self.opinion_button = QPushButton(self.tr("2. Write the opinion"), box)
        self.opinion_button.clicked.connect(self.write_opinion)
        self.approver = QLineEdit(box)
        self.approved_on = day()
        self.approve_button = QPushButton(self.tr("3. Approved"), box)
        self.approve_button.clicked.connect(self.approve)
        self.method = QLineEdit(box)
        self.method.setPlaceholderText(self.tr("method, e.g. 粉碎"))
        self.place = QLineEdit(box)
        self.place.setPlaceholderText(self.tr("place"))
        self.destroyed_on = day()
        self.destruction_button = QPushButton(self.tr("4. Destroyed"), box)
        self.destruction_button.clicked.connect(self.record_destruction)
        self.witness1 = QLineEdit(box)
        self.witness2 = QLineEdit(box)
        self.counted = QSpinBox(box)
        self.counted.setRange(0, 1_000_000)
        self.counted.setToolTip(self.tr("The volumes the two witnesses counted against the list"))
        self.confirm_button = QPushButton(self.tr("5. Witnessed: confirm destruction…"), self)
        self.confirm_button.setObjectName("confirmDestruction")
        self.confirm_button.clicked.connect(self.confirm)

        def row(*widgets: QWidget) -> QHBoxLayout:
            line = QHBoxLayout()
            for w in widgets:
                line.addWidget(w, 0 if isinstance(w, QPushButton | QDateEdit | QSpinBox) else 1)
            return line

        form = QFormLayout()
        head = QHBoxLayout()
        head.addWidget(self.list_no)
        head.addWidget(self.status, 1)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("List no."), head)
        form.addRow(self.tr("Year"), row(self.year, self.kind_combo))
        form.addRow(self.tr("Appraisal panel"), row(self.members))
        form.addRow(self.tr("Accounting signatories"), row(self.signatories))
        form.addRow(self.tr("Notes"), row(self.notes, self.save_button))
        form.addRow(self.tr("Opinion"), row(self.opinion, self.opinion_on, self.opinion_button))
        form.addRow(self.tr("Approved by"), row(self.approver, self.approved_on, self.approve_button))
        form.addRow(self.tr("Destruction"), row(self.method, self.place, self.destroyed_on, self.destruction_button))
        form.addRow(self.tr("Witnesses"), row(self.witness1, self.witness2, QLabel(self.tr("counted"), box), self.counted,
                                              self.confirm_button))
        bv = QVBoxLayout(box)
        bv.addLayout(form)
        self.form_box = box
        self._steps = {
            "draft": (self.year, self.kind_combo, self.members, self.signatories, self.notes, self.save_button, self.opinion,
                      self.opinion_on, self.opinion_button),
            "appraised": (self.approver, self.approved_on, self.approve_button),
            "approved": (self.method, self.place, self.destroyed_on, self.destruction_button),
            "executed": (self.witness1, self.witness2, self.counted, self.confirm_button),
        }
        self._edits = tuple(w for ws in self._steps.values() for w in ws)
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
        self.print_button = QPushButton(self.tr("Destruction list…"), self)
        self.export_button = QPushButton(self.tr("Excel…"), self)
        self.keep_button.clicked.connect(self.keep_selected)
        self.destroy_button.clicked.connect(self.destroy_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(self.export_excel)
        for b in (self.keep_button, self.destroy_button, self.remove_button, self.print_button, self.export_button):
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
            for c, value in enumerate((a.list_no, a.year, transfers.step_label(a.status))):
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
        same = self.appraisal is not None and self.appraisal.id == appraisal_id  # typed, not yet recorded: kept
        if appraisal_id is None:
            self.appraisal = None
            self.model.set_lines([])
        else:
            with self.ctx.db.read() as s:
                self.appraisal = transfers.get_appraisal(s, appraisal_id)
                self.model.set_lines(transfers.list_appraisal_lines(s, appraisal_id, viewer=self.ctx.actor))
        a = self.appraisal
        self.form_box.setEnabled(a is not None)
        if a is not None:
            self.list_no.setText(a.list_no)
            self.status.setText(transfers.step_label(a.status) + (self.tr(" — kept permanently") if a.status == "confirmed" else ""))
            self.year.setValue(a.year)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(a.kind)))
            for edit, value in ((self.members, "、".join(a.members)), (self.signatories, "、".join(a.accounting_signatories)),
                                (self.approver, a.approver), (self.witness1, a.witness1), (self.witness2, a.witness2),
                                (self.notes, a.notes), (self.opinion, a.opinion), (self.method, a.method), (self.place, a.place)):
                if value or not same:
                    edit.setText(value)
            for edit, value in ((self.opinion_on, a.opinion_on), (self.approved_on, a.approved_on), (self.destroyed_on, a.destroyed_on)):
                edit.setDate(_qdate(value or date.today()))
            self.counted.setValue(a.witnessed_count or 0)
            for status, widgets in self._steps.items():
                for w in widgets:
                    w.setEnabled(a.status == status)
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
        draft = self.appraisal is not None and self.appraisal.is_draft and self._busy is None and self._adding is None
        for b in (self.due_button, self.keep_button, self.destroy_button, self.remove_button):
            b.setEnabled(draft)
        status = self.appraisal.status if self.appraisal is not None else ""
        idle = self._busy is None
        for step, button in (("draft", self.opinion_button), ("appraised", self.approve_button),
                             ("approved", self.destruction_button), ("executed", self.confirm_button)):
            button.setEnabled(idle and status == step)
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

    @staticmethod
    def _names(text: str) -> list[str]:
        return [n.strip() for n in text.replace(",", "、").replace("，", "、").replace(";", "、").split("、") if n.strip()]

    def _form_values(self) -> dict[str, Any]:
        return {"year": self.year.value(), "notes": self.notes.text(), "kind": self.kind_combo.currentData()}

    def save_form(self, then: Callable[[], object] | None = None) -> None:
        """Step 1: the particulars and the 鉴定小组 (with the 会计 department's signatories on an accounting list),
        saved in the background (``ui/ops.run_op``) when they changed; then ``then()``: at once when nothing changed
        (or the list is past its draft), after the save otherwise, not at all when the save was refused."""
        if self.appraisal is None:
            return
        values = self._form_values()
        members, signatories = self._names(self.members.text()), self._names(self.signatories.text())
        panel_changed = (tuple(members), tuple(signatories)) != (self.appraisal.members, self.appraisal.accounting_signatories)
        if not self.appraisal.is_draft or (all(getattr(self.appraisal, k) == v for k, v in values.items()) and not panel_changed):
            if then is not None:
                then()
            return
        actor, aid, version = self.ctx.actor, self.appraisal.id, self.appraisal.version
        set_members = bool(members) or panel_changed

        def save(s: Session) -> AppraisalRecord:  # one transaction, off the GUI thread
            a = transfers.update_appraisal(s, actor, aid, version, values)
            if set_members:
                a = transfers.set_panel(s, actor, aid, members, kind=values["kind"], accounting_signatories=signatories)
            return a

        def done(a: AppraisalRecord) -> None:
            self.appraisal = a
            self.refresh()
            if then is not None:
                then()

        run_op(self, save, on_success=done, on_error=common.refusal_shown(self), key=f"transfers.save_appraisal:{aid}")

    def _step(self, fn: Callable[..., AppraisalRecord], *args: Any, done: str) -> None:
        """One step of the procedure (``fn(session, actor, *args)``) in the background; ``done`` is said once it is
        recorded, a refusal in red and in a box."""
        if self.appraisal is None:
            return

        def recorded(a: AppraisalRecord) -> None:
            self.appraisal = a
            self.refresh()
            self._message(done)

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            self._message(exc.message, ok=False)
            common.show_error(self, exc)
            return True

        run_op(self, fn, self.ctx.actor, *args, on_success=recorded, on_error=refused,
               key=f"transfers.appraisal_step:{self.appraisal.id}")

    def write_opinion(self) -> None:
        """Step 2: the 鉴定意见书; the list's volumes and decisions are fixed from here."""
        if self.appraisal is None:
            return
        text, on = self.opinion.text(), _pydate(self.opinion_on.date())  # saving the panel shows the list again
        aid = self.appraisal.id
        self.save_form(lambda: self._step(transfers.write_opinion, aid, text, on,
                                          done=self.tr("The opinion is recorded: the list now waits for approval.")))

    def approve(self) -> None:
        """Step 3: 报批 — who approved, and when."""
        if self.appraisal is None:
            return
        aid, who, on = self.appraisal.id, self.approver.text(), _pydate(self.approved_on.date())
        self._step(transfers.approve_appraisal, aid, who, on,
                   done=self.tr("The approval is recorded: destroy the volumes, then record how, where and when."))

    def record_destruction(self) -> None:
        """Step 4: 销毁 — method, place and date; the volumes stay in the catalogue until the witnesses sign."""
        if self.appraisal is None:
            return
        aid, method, place, on = self.appraisal.id, self.method.text(), self.place.text(), _pydate(self.destroyed_on.date())
        self._step(transfers.record_destruction, aid, method, place, on,
                   done=self.tr("The destruction is recorded: the two witnesses count against the list and confirm."))

    def add_due(self) -> None:
        """Find the volumes whose retention ran out (a scan of the whole catalogue: seconds on a million volumes,
        so in a worker) and put them on the list."""
        if self.appraisal is None or self._adding is not None:
            return
        fid, cid = self.fonds_combo.currentData(), self.category_combo.currentData()
        as_of = _pydate(self.as_of.date())
        self._message(self.tr("Looking for volumes whose retention ran out…"))
        self._adding = run_op(self, transfers.add_due_volumes, self.ctx.actor, self.appraisal.id, as_of,
                              fonds_ids=(fid,) if fid is not None else (), category_ids=(cid,) if cid is not None else (),
                              on_success=self._due_added, on_error=self._refused, key=f"transfers.add_due:{self.appraisal.id}")
        if self._adding is not None:
            self._adding.finished.connect(self._adding_ended)
        self._update_buttons()

    def _adding_ended(self) -> None:
        self._adding = None
        self._update_buttons()

    def _refused(self, exc: BaseException) -> bool:
        """``on_error`` of the long writes: the refusal is said in red and in a box (the buttons come back when the
        write has finished)."""
        self._message(str(exc), ok=False)
        return common.refusal_shown(self)(exc)

    def _due_added(self, result: transfers.AddResult) -> None:
        self._adding = None
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
        """Step 5: 监销 — the two witnesses' count and names; only now are the volumes marked destroyed."""
        if self.appraisal is None or self.appraisal.status != "executed" or self._busy is not None:
            return
        lines = self.model.lines()
        destroy = sum(1 for ln in lines if ln.decision == "destroy")
        kept = sum(1 for ln in lines if ln.decision == "keep")
        text = self.tr("Destroy %1 volumes and keep %2? The volumes are marked destroyed (their records stay); the list is "
                       "kept permanently and can never be changed.").replace("%1", str(destroy)).replace("%2", str(kept))
        if not common.ask(self, self.tr("Confirm destruction list %1").replace("%1", self.appraisal.list_no), text):
            return
        aid = self.appraisal.id
        # one transaction off the GUI thread; its progress comes back through a queued signal
        self._busy = run_op(self, transfers.confirm_appraisal, self.ctx.actor, aid, self.appraisal.version,
                            witness1=self.witness1.text(), witness2=self.witness2.text(), counted=self.counted.value(),
                            progress=self._progress.progressed.emit, on_success=self._confirmed, on_error=self._refused,
                            key=f"transfers.confirm_appraisal:{aid}")
        if self._busy is not None:
            self._busy.finished.connect(self._busy_ended)
        self._update_buttons()

    def _busy_ended(self) -> None:
        self._busy = None
        self._update_buttons()

    def _on_progressed(self, done: int, total: int) -> None:
        if self._busy is not None:
            self._message(self.tr("Confirming… %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

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
                pdf = render_destruction_list(transfers.destruction_list_data(s, self.appraisal.id, self.ctx.actor))
        except UserError as exc:
            common.show_error(self, exc)
            return
        if not isinstance(pdf, bytes):  # rendered in memory (no ``out``): always bytes
            raise TypeError(f"render_destruction_list returned {type(pdf).__name__}, not the PDF's bytes")
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
                write_destruction_workbook(transfers.destruction_list_data(s, self.appraisal.id, self.ctx.actor), path)
        except UserError as exc:
            common.show_error(self, exc)
            return
        self._message(self.tr("Saved %1").replace("%1", path))
