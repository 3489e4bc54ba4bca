"""The transfers area (移交与鉴定): receiving from departments, handing over, appraisal and destruction, registers.

Four tabs, each a thin screen over :mod:`archive_desk.services.transfers` (every rule is the service's):

- **Receiving** (接收): a batch's particulars; its lines typed in, scanned, or imported from the department's
  Excel list (with a mapping step that shows every problem row); the receiving check by scanning — each scan
  ticks a volume (with the page count in "Pages counted", if given) or adds it as *not on the list*; the
  lists of what is expected, arrived, still missing, unexpected or differs in pages; confirming creates the
  volumes (in a worker, all or nothing); the space finder's proposal; 移交清册 / 交接文据 previews and Excel.
- **Handing over** (移出): a batch built from the catalogue's selection, a filter (永久 older than N years …) or
  scans; refusals (on loan, already gone) listed with their reasons; confirming marks the volumes transferred.
- **Appraisal** (鉴定销毁): a yearly list of volumes whose retention ran out, a decision per volume (destroy, or keep
  with a new retention and a reason), the 销毁清册, confirmation (destroyed, list frozen for ever).
- **Registers** (登记簿): the 移交(接收)登记簿 and the destruction register, filterable, to Excel.

Scans reach the shown tab through :meth:`TransfersArea.handle_scan` (the window's scan detector) or through the
tab's ``ScanLineEdit``. Scans never open a modal box: the outcome is written under the scan field.

One page or panel per module: :mod:`.area` (the tabs), :mod:`.batch_page` (receiving and handing over) with its
mixins :mod:`.batch_lines` and :mod:`.batch_output`, :mod:`.batch_form`, :mod:`.line_models`, :mod:`.appraisal_page`,
:mod:`.registers_page`; :mod:`.common` holds what they share, and the questions, file choosers and error box that
tests patch (``common.ask`` …), once for every page.
"""

from __future__ import annotations

from archive_desk.ui.areas.transfers.appraisal_page import AppraisalPage
from archive_desk.ui.areas.transfers.area import TransfersArea, create
from archive_desk.ui.areas.transfers.batch_form import BatchForm
from archive_desk.ui.areas.transfers.batch_page import BatchPage
from archive_desk.ui.areas.transfers.common import (
           ask,
           choose_open_file,
           choose_save_file,
)
from archive_desk.ui.areas.transfers.line_models import AppraisalLinesModel, LinesModel
from archive_desk.ui.areas.transfers.registers_page import RegistersPage

__all__ = ["AppraisalLinesModel", "AppraisalPage", "BatchForm", "BatchPage", "LinesModel", "RegistersPage", "TransfersArea", "ask",
           "choose_open_file", "choose_save_file", "create"]
