"""What comes out of a batch: the shelf space proposal, the 移交清册 and 交接文据 previews, and the Excel workbook."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from archive_desk.errors import UserError
from archive_desk.services import transfers
from archive_desk.ui.areas.transfers import common
from archive_desk.ui.areas.transfers.common import PageMixin
from archive_desk.ui.ops import run_op
from archive_desk.ui.pdf_print import PdfPreviewDialog

if TYPE_CHECKING:
    from archive_desk.services.transfers import BatchRecord
    from archive_desk.ui.context import AppContext


class BatchOutput(PageMixin):
    """The output actions of :class:`~.batch_page.BatchPage` (a mixin: the page holds the widgets and the batch)."""

    # what BatchPage holds and does (annotations only: see BatchLines)
    ctx: AppContext
    batch: BatchRecord | None
    preview: PdfPreviewDialog | None
    shelf_proposal: transfers.ShelfProposal | None
    _save_if_changed: Callable[[Callable[[], object]], None]
    _message: Callable[..., None]  # (text, ok=True)

    # ------------------------------------------------------------ shelf space

    def propose_space(self) -> None:
        if self.batch is None:
            return
        run_op(self, transfers.propose_shelf_space, self.ctx.actor, self.batch.id, on_success=self._proposed,
               on_error=common.refusal_shown(self), key=f"transfers.propose_space:{self.batch.id}")

    def _proposed(self, proposal: transfers.ShelfProposal | None) -> None:
        self.shelf_proposal = proposal
        if proposal is None:
            self._message(self.tr("No space finder is installed."), ok=False)
        else:
            self._message(self.tr("Shelf space for %1 volumes: %2").replace("%1", str(proposal.volumes)).replace("%2", proposal.text),
                          ok=bool(proposal.places))

    # ------------------------------------------------------------ printing and Excel

    def _pdf(self, what: str) -> bytes | None:
        from archive_desk.printing.handover_certificate import (
            render_handover_certificate,
        )
        from archive_desk.printing.transfer_list import render_transfer_list

        if self.batch is None:
            return None
        try:
            with self.ctx.db.read() as s:
                if what == "list":
                    return render_transfer_list(transfers.transfer_list_data(s, self.batch.id, self.ctx.actor))
                return render_handover_certificate(transfers.certificate_data(s, self.batch.id))
        except UserError as exc:
            common.show_error(self, exc)
            return None

    def print_list(self) -> None:
        self._save_if_changed(self._print_list)

    def _print_list(self) -> None:
        pdf = self._pdf("list")
        if pdf is not None and self.batch is not None:
            self._preview(pdf, self.tr("Transfer list %1").replace("%1", self.batch.batch_no), f"移交清册-{self.batch.batch_no}.pdf")

    def print_certificate(self) -> None:
        self._save_if_changed(self._print_certificate)

    def _print_certificate(self) -> None:
        pdf = self._pdf("certificate")
        if pdf is not None and self.batch is not None:
            self._preview(pdf, self.tr("Handover certificate %1").replace("%1", self.batch.batch_no), f"交接文据-{self.batch.batch_no}.pdf")

    def _preview(self, pdf: bytes, title: str, name: str) -> None:
        self.preview = PdfPreviewDialog(pdf, title, name, self)
        self.preview.open()

    def export_excel(self) -> None:
        if self.batch is not None:
            self._save_if_changed(self._export_excel)

    def _export_excel(self) -> None:
        from archive_desk.exporting.transfers import write_transfer_workbook

        if self.batch is None:
            return
        path = common.choose_save_file(self, self.tr("Export to Excel"), f"移交清册-{self.batch.batch_no}.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            with self.ctx.db.read() as s:
                data = transfers.transfer_list_data(s, self.batch.id, self.ctx.actor)
                cert = transfers.certificate_data(s, self.batch.id)
            write_transfer_workbook(data, path, cert)
        except UserError as exc:
            common.show_error(self, exc)
            return
        self._message(self.tr("Saved %1").replace("%1", path))
