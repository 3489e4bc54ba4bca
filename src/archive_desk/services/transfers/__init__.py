"""Transfers in and out (归档移交 / 进馆移交) and appraisal for destruction (鉴定销毁).

Receiving (direction ``in``, a department → the archive room)
    A draft batch gets lines by hand (:func:`add_line`), by scanning (:func:`add_line` with only a code), or from
    the department's Excel list through the importing layer (:func:`plan_transfer_list` then
    :func:`add_planned_lines`). The receiving check ticks each volume by scan (:func:`scan_check`) or by hand
    (:func:`set_found`) and confirms its page count; :func:`check_summary` tells what is expected, found,
    missing, unexpected and what differs in pages. :func:`confirm_batch` then creates (or updates) every
    volume that arrived, in the caller's one transaction: all or nothing. :func:`propose_shelf_space` asks the
    shelving service, when there is one, where they can go.

Handing over (direction ``out``, the archive room → another unit)
    :func:`add_volumes` / :func:`add_by_filter` put catalogue volumes on a draft batch and refuse those on loan
    or already gone; :func:`confirm_batch` marks them ``transferred`` (one audit row per volume naming the
    batch). Their records stay forever.

Line states (``expected``/``found`` on the line): on the list and ticked = *found*; on the list, not ticked =
*pending* before confirmation and *missing* after; not on the list and ticked = *unexpected*; not on the list
and not ticked = *returned* (an unexpected volume sent back; kept on the batch as a record, not received).

Appraisal (鉴定)
    :func:`due_volumes` finds volumes whose retention ran out (from year + retention, or from the category's
    event date such as a claim's closing date); an appraisal list gets them (:func:`add_due_volumes`), each with
    a decision (:func:`set_decision`: destroy, or keep with a new retention and a reason);
    then the procedure, one call per step: :func:`set_panel` (鉴定小组; a 会计 list names the 会计 department's
    signatories), :func:`write_opinion` (鉴定意见书: the list is fixed from here), :func:`approve_appraisal` (报批),
    :func:`record_destruction` (销毁: method, place, date) and :func:`confirm_appraisal` (监销: two witnesses count
    against the list; only now are the volumes marked ``destroyed``, records and history kept). A confirmed list
    can never be edited again. Held volumes (services/holds.py) are refused at every step.

Registers: :func:`transfer_register` (移交(接收)登记簿) and :func:`destruction_register` (the destroyed volumes).
Printing data: :func:`transfer_list_data`, :func:`certificate_data`, :func:`destruction_list_data`.
Every mutation writes an audit row in the same transaction.

The package is cut along those parts: :mod:`.common` (constants, value readers, retention arithmetic),
:mod:`.records` (the frozen records returned), :mod:`.batches` (batches and their lines), :mod:`.receiving`
(the department's list, the receiving check), :mod:`.handover` (handing over), :mod:`.confirming` (confirming a
batch, shelf space), :mod:`.appraisal`, :mod:`.registers` and :mod:`.print_data` (what the printed forms show).
Import the names from here (``from archive_desk.services import transfers``); the modules are its inside.
"""

from __future__ import annotations

from archive_desk.services.transfers.appraisal import (
    add_appraisal_volumes,
    STEPS,
    add_due_volumes,
    approve_appraisal,
    confirm_appraisal,
    create_appraisal,
    due_volumes,
    find_appraisal,
    get_appraisal,
    list_appraisal_lines,
    list_appraisals,
    record_destruction,
    remove_appraisal_lines,
    set_decision,
    set_panel,
    step_label,
    update_appraisal,
    volume_expiry,
    write_opinion,
)
from archive_desk.services.transfers.batches import (
    LINE_FIELDS,
    add_line,
    create_batch,
    find_batch,
    get_batch,
    list_batches,
    list_lines,
    scan_check,
    set_found,
    set_found_pages,
    update_batch,
    update_line,
)
from archive_desk.services.transfers.common import (
    APPRAISAL_FIELDS,
    APPRAISAL_KINDS,
    BATCH_FIELDS,
    CUSTOM_KEYS,
    DECISIONS,
    DEFAULT_RETENTION_YEARS,
    DIRECTIONS,
    NATURES,
    PREFIXES,
    RECEIVABLE_STATUSES,
    REMOVED,
    UNDECIDED,
    AuditRow,
    Progress,
    expires_on,
    kept_years,
    retention_text,
    retention_years,
)
from archive_desk.services.transfers.confirming import (
    confirm_batch,
    propose_shelf_space,
)
from archive_desk.services.transfers.handover import (
    add_by_filter,
    add_by_scan,
    add_volumes,
    filter_volume_ids,
    permanent_older_than,
    remove_lines,
)
from archive_desk.services.transfers.print_data import (
    certificate_data,
    destruction_list_data,
    transfer_list_data,
)
from archive_desk.services.transfers.receiving import (
    add_planned_lines,
    check_summary,
    plan_transfer_list,
)
from archive_desk.services.transfers.records import (
    AddResult,
    AppraisalLineRecord,
    AppraisalRecord,
    BatchRecord,
    CheckSummary,
    ConfirmResult,
    DueVolume,
    LineProblem,
    LineRecord,
    Refusal,
    ScanOutcome,
    ShelfProposal,
)
from archive_desk.services.transfers.registers import (
    DestroyedRow,
    DestructionFilter,
    RegisterFilter,
    RegisterRow,
    describe_filter,
    destruction_register,
    destruction_register_table,
    direction_label,
    status_text,
    transfer_register,
    transfer_register_table,
)

__all__ = [
    "APPRAISAL_FIELDS", "APPRAISAL_KINDS", "STEPS", "approve_appraisal", "record_destruction", "set_panel", "step_label",
    "write_opinion", "AddResult", "AppraisalLineRecord", "AppraisalRecord", "AuditRow", "BATCH_FIELDS",
    "BatchRecord", "CUSTOM_KEYS", "CheckSummary", "ConfirmResult", "DECISIONS", "DEFAULT_RETENTION_YEARS", "DIRECTIONS",
    "DestroyedRow", "DestructionFilter", "DueVolume", "LINE_FIELDS", "LineProblem", "LineRecord", "NATURES", "PREFIXES",
    "Progress", "RECEIVABLE_STATUSES", "REMOVED", "Refusal", "RegisterFilter", "RegisterRow", "ScanOutcome",
    "ShelfProposal", "UNDECIDED", "add_appraisal_volumes", "add_by_filter", "add_by_scan", "add_due_volumes",
    "add_line", "add_planned_lines", "add_volumes", "certificate_data", "check_summary", "confirm_appraisal",
    "confirm_batch", "create_appraisal", "create_batch", "describe_filter", "destruction_list_data",
    "destruction_register", "destruction_register_table", "direction_label", "due_volumes", "expires_on",
    "filter_volume_ids", "find_appraisal", "find_batch", "get_appraisal", "get_batch", "kept_years",
    "list_appraisal_lines", "list_appraisals", "list_batches", "list_lines", "permanent_older_than",
    "plan_transfer_list", "propose_shelf_space", "remove_appraisal_lines", "remove_lines", "retention_text",
    "retention_years", "scan_check", "set_decision", "set_found", "set_found_pages", "status_text",
    "transfer_list_data", "transfer_register", "transfer_register_table", "update_appraisal", "update_batch",
    "update_line", "volume_expiry",
]
