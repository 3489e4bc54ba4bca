"""The lines of a batch: imported from the department's list, typed, edited and ticked (receiving); added from
the catalogue, a filter or scans and taken off (handing over)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
)

from archive_desk.services import catalogue, transfers
from archive_desk.services.transfers import (
    LineRecord,
)
from archive_desk.ui.areas.base import area_host
from archive_desk.ui.areas.transfers import common
from archive_desk.ui.areas.transfers.common import PageMixin
from archive_desk.ui.dialogs.transfers import (
    HandoverFilterDialog,
    ImportListDialog,
    LineDialog,
)
from archive_desk.ui.ops import run_op

if TYPE_CHECKING:
    from archive_desk.services.ops import WriteSession as Session
    from PySide6.QtWidgets import QListWidget, QTableView

    from archive_desk.services.transfers import BatchRecord
    from archive_desk.ui.areas.transfers.line_models import LinesModel
    from archive_desk.ui.context import AppContext


class BatchLines(PageMixin):
    """The line actions of :class:`~.batch_page.BatchPage` (a mixin: the page holds the widgets and the batch)."""

    # what BatchPage holds and does (annotations only: a stub method in an ``if`` here would lose lupdate the
    # class, and with it the translation context of every string below)
    ctx: AppContext
    direction: str
    batch: BatchRecord | None
    model: LinesModel
    lines_view: QTableView
    refused_list: QListWidget
    import_dialog: ImportListDialog | None
    line_dialog: LineDialog | None
    filter_dialog: HandoverFilterDialog | None
    last_refusals: tuple[transfers.Refusal, ...]
    show_batch: Callable[[int | None], None]
    _update_summary: Callable[[], None]
    _message: Callable[..., None]  # (text, ok=True)

    # ------------------------------------------------------------ lines (receiving)

    def import_list(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        path = common.choose_open_file(self, self.tr("Import the department's list"), self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if not path:
            return
        db = self.ctx.db

        def plan(mapping):  # noqa: ANN001, ANN202 - runs in a worker
            with db.read() as s:
                return transfers.plan_transfer_list(s, path, mapping=mapping)

        dialog = ImportListDialog(path, plan, self)
        self.import_dialog = dialog
        dialog.accepted.connect(self._on_import_dialog_accepted)
        dialog.open()

    def _on_import_dialog_accepted(self) -> None:
        dialog = self.import_dialog
        if dialog is None or dialog.plan is None or self.batch is None:
            return
        run_op(self, transfers.add_planned_lines, self.ctx.actor, self.batch.id, dialog.plan, on_success=self._list_added,
               on_error=common.refusal_shown(self), key=f"transfers.add_planned:{self.batch.id}")

    def _list_added(self, result: transfers.AddResult) -> None:
        if self.batch is not None:
            self.show_batch(self.batch.id)
        text = self.tr("%n line(s) added from the list", "", len(result.added))
        if result.skipped:
            text += self.tr("; %n already on the batch", "", result.skipped)
        if result.refused:
            text += self.tr("; %n refused", "", len(result.refused))
        self._message(text, ok=not result.refused)

    def add_line_by_hand(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        blank = LineRecord(0, self.batch.id, 0, None, "", "", date.today().year, "D30", 0, 0, True, False, None, {}, "")
        dialog = LineDialog(blank, self)
        dialog.code_edit.setReadOnly(False)
        dialog.setWindowTitle(self.tr("New line"))
        self.line_dialog = dialog
        dialog.accepted.connect(lambda: self._on_new_line_accepted(dialog))
        dialog.open()

    def _on_new_line_accepted(self, dialog: LineDialog) -> None:
        if self.batch is None:
            return
        values = {"code": dialog.code_edit.text(), **dialog.changes()}
        found, pages = dialog.found()
        run_op(self, transfers.add_line, self.ctx.actor, self.batch.id, values, found=found, found_pages=pages if found else None,
               on_success=self._line_added, on_error=common.refusal_shown(self))

    def _line_added(self, line: LineRecord) -> None:
        self.model.upsert(line)
        self._update_summary()
        self._message(self.tr("Line %1 added: %2").replace("%1", str(line.seq)).replace("%2", line.code))

    def selected_lines(self) -> list[LineRecord]:
        rows = sorted({i.row() for i in self.lines_view.selectionModel().selectedRows()})
        if not rows and self.lines_view.currentIndex().isValid():
            rows = [self.lines_view.currentIndex().row()]
        return [ln for r in rows if (ln := self.model.line_at(r)) is not None]

    def _on_lines_view_doubleClicked(self, index: QModelIndex) -> None:
        ln = self.model.line_at(index.row())
        if ln is not None and self.direction == "in":
            self.edit_line(ln.id)

    def _on_edit_button_clicked(self) -> None:
        lines = self.selected_lines()
        if lines:
            self.edit_line(lines[0].id)

    def edit_line(self, line_id: int) -> LineDialog | None:
        if self.batch is None or not self.batch.is_draft:
            return None
        ln = next((x for x in self.model.lines() if x.id == line_id), None)
        if ln is None:
            return None
        dialog = LineDialog(ln, self)
        self.line_dialog = dialog
        dialog.accepted.connect(lambda: self._on_line_dialog_accepted(dialog))
        dialog.open()
        return dialog

    def _on_line_dialog_accepted(self, dialog: LineDialog) -> None:
        found, pages = dialog.found()
        actor, line_id, changes = self.ctx.actor, dialog.line.id, dialog.changes()

        def save(s: Session) -> LineRecord:  # one transaction, off the GUI thread
            line = transfers.update_line(s, actor, line_id, changes)
            if (found, pages) != (line.found, line.found_pages):
                line = transfers.set_found(s, actor, line.id, found, pages)
            return line

        def done(line: LineRecord) -> None:
            self.model.upsert(line)
            self._update_summary()
            self._message(self.tr("Line %1 saved.").replace("%1", str(line.seq)))

        run_op(self, save, on_success=done, on_error=common.refusal_shown(self), key=f"transfers.line:{line_id}")

    def toggle_found(self) -> None:
        lines = self.selected_lines()
        if not lines or self.batch is None:
            return
        actor = self.ctx.actor

        def tick(s: Session) -> list[LineRecord]:  # one transaction, off the GUI thread
            return [transfers.set_found(s, actor, ln.id, not ln.found) for ln in lines]

        def done(changed: list[LineRecord]) -> None:
            for ln in changed:
                self.model.upsert(ln)
            self._update_summary()

        run_op(self, tick, on_success=done, on_error=common.refusal_shown(self))

    # ------------------------------------------------------------ lines (handing over)

    def _add_volumes(self, fn: Callable[[Session], transfers.AddResult]) -> None:
        """Add volumes in the background (``ui/ops.run_op``, one write after another, in scan order)."""
        if self.batch is None:
            return
        run_op(self, fn, on_success=self._volumes_added, on_error=common.refusal_shown(self))

    def _volumes_added(self, result: transfers.AddResult) -> None:
        if self.batch is not None:
            self.show_batch(self.batch.id)
        self.last_refusals = result.refused
        for r in result.refused:  # newest first; the list is kept while this batch is shown
            self.refused_list.insertItem(0, self.tr("%1: %2").replace("%1", r.code or str(r.volume_id)).replace("%2", r.reason))
        text = self.tr("%n volume(s) added", "", len(result.added))
        if result.skipped:
            text += self.tr("; %n already on the batch", "", result.skipped)
        if result.refused:
            text += self.tr("; %n refused (see below)", "", len(result.refused))
        self._message(text, ok=not result.refused)

    def add_catalogue_selection(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        host = area_host(self)
        ids = host.catalogue_selection() if host is not None else []
        if not ids:
            self._message(self.tr("Select volumes in the catalogue first."), ok=False)
            return
        batch_id = self.batch.id
        actor = self.ctx.actor
        self._add_volumes(lambda s: transfers.add_volumes(s, actor, batch_id, ids))

    def add_by_filter(self) -> None:
        if self.batch is None or not self.batch.is_draft:
            return
        with self.ctx.db.read() as s:
            fonds = [(f.id, f"{f.code} {f.name}") for f in catalogue.list_fonds(s)]
            cats = [(c.id, f"{c.code} {c.name}") for c in catalogue.list_categories(s)]
        dialog = HandoverFilterDialog(fonds, cats, self)
        self.filter_dialog = dialog
        dialog.accepted.connect(lambda: self._on_filter_dialog_accepted(dialog))
        dialog.open()

    def _on_filter_dialog_accepted(self, dialog: HandoverFilterDialog) -> None:
        if self.batch is None:
            return
        flt, limit, batch_id, actor = dialog.volume_filter(), dialog.limit(), self.batch.id, self.ctx.actor
        # the filter takes in-stock volumes only; list what it leaves out so the clerk sees the refusals
        blocked_flt = dataclasses.replace(flt, statuses=("on_loan", "missing"))

        def run(s: Session) -> transfers.AddResult:  # off the GUI thread
            result = transfers.add_by_filter(s, actor, batch_id, flt, limit=limit)
            blocked = transfers.filter_volume_ids(s, blocked_flt)
            if blocked:
                extra = transfers.add_volumes(s, actor, batch_id, blocked)
                result = transfers.AddResult(result.added + extra.added, result.refused + extra.refused, result.skipped + extra.skipped)
            return result

        self._add_volumes(run)

    def remove_selected(self) -> None:
        lines = [ln for ln in self.selected_lines() if ln.expected]
        if not lines or self.batch is None:
            return
        batch_id = self.batch.id

        def done(n: int) -> None:
            self.show_batch(batch_id)
            self._message(self.tr("%n volume(s) taken off the batch", "", n))

        run_op(self, transfers.remove_lines, self.ctx.actor, batch_id, [ln.id for ln in lines], on_success=done,
               on_error=common.refusal_shown(self), key=f"transfers.remove_lines:{batch_id}")
