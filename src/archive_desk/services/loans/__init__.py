"""Lending (借阅): borrowers, loans and their lines, returns, renewals, overdue loans, the 借阅登记簿
and the yearly figures 利用人次 / 利用卷次.

Rules live here, not in the window (domain.md, "Rules of the work"):

- A volume that is on loan, transferred out, destroyed, missing or void cannot be lent; the refusal
  names the volume and why (and, for a volume on loan, the slip and the borrower).
- Approval (审批人 + 意见) is required, per the room's ``approval_rules`` setting, for volumes at or
  above a security level, for outside borrowers and for taking volumes away (外借).
- A volume scanned twice is lent once.
- Two workstations lending the same volume at once: writes begin IMMEDIATE, so the second waits and
  then finds the volume on loan; the partial unique index ``uq_loan_lines_open_volume`` (one open
  line per volume) settles any case that slips past the check (another backend, another code path),
  and its IntegrityError comes out as :class:`LoanConflictError` with a plain message.
- Returns may be partial; the page count is compared with the count at lending and a difference
  must be accepted explicitly (``accept_page_difference=True``); it is kept on the line (pages out /
  pages back) and in the audit trail.
- Every loan, return, renewal and borrower change is audited in the same transaction.

Times: ``lent_at`` and ``returned_at`` are the desk's local wall-clock time (what the slip shows and
what "one person per day" counts by); ``created_at``/``updated_at`` stay UTC like everywhere else.
Borrowers' ID numbers never enter the audit trail unmasked.

The package re-exports everything callers use (``from archive_desk.services import loans``); the modules:
``records`` (what is returned and raised, tables, loan settings), ``borrowers`` (borrowers, staff list
import), ``checks`` (lendable? approval?), ``lending`` (slips, lend), ``returns`` (returns, renewals),
``overdue`` (overdue loans, reminders), ``registers`` (slip data, history, the 借阅登记簿), ``figures``
(yearly figures).
"""

from __future__ import annotations

from archive_desk.services.loans.borrowers import (
    BORROWER_FIELDS,
    BorrowerImportResult,
    ImportProblem,
    create_borrower,
    deactivate_borrower,
    find_borrower_by_card,
    get_borrower,
    import_borrowers,
    plan_borrower_import,
    reactivate_borrower,
    search_borrowers,
    set_borrower_active,
    update_borrower,
)
from archive_desk.services.loans.checks import (
    approval_reasons,
    approval_required,
    check_request,
    check_volume,
    find_volume_for_loan,
    personal_categories,
    required_proofs,
    service_refusals,
)
from archive_desk.services.loans.figures import FigureRow, LoanYearFigures, person_times, yearly_figures
from archive_desk.services.loans.lending import get_loan, get_loan_by_slip, lend, open_loans
from archive_desk.services.loans.overdue import OverdueLoan, overdue_count, overdue_loans, overdue_notices
from archive_desk.services.loans.records import (
    BORROWER_KINDS,
    CONDITIONS,
    CONSULT,
    COPY,
    LOAN,
    REQUESTER_KINDS,
    SERVICES,
    AccountApproval,
    CopyDetail,
    OutsideRequest,
    PaperApproval,
    add_working_days,
    approval_text,
    due_limit,
    is_working_day,
    requester_label,
    service_label,
    service_of,
    DAMAGED,
    INTACT,
    SLIP_PREFIX,
    TAKE_AWAY,
    BorrowerRecord,
    LoanConflictError,
    LoanLineRecord,
    LoanRecord,
    LoanSettings,
    NotLendableError,
    PageCountMismatchError,
    VolumeCheck,
    default_due_date,
    kind_label,
    loan_settings,
    mask_id_number,
)
from archive_desk.services.loans.registers import (
    REGISTER_STATES,
    RegisterFilter,
    RegisterPage,
    RegisterRow,
    VolumeLoanEntry,
    count_register,
    export_register,
    register,
    register_page,
    slip_data,
    volume_loan_history,
)
from archive_desk.services.loans.returns import (
    ClosedConsultation,
    LineReturn,
    close_open_consultations,
    ReturnResult,
    find_line_for_return,
    open_line_for_volume,
    renew,
    return_volumes,
)

__all__ = [
    "CONSULT",
    "COPY",
    "ClosedConsultation",
    "CopyDetail",
    "LOAN",
    "OutsideRequest",
    "REQUESTER_KINDS",
    "SERVICES",
    "add_working_days",
    "person_times",
    "check_request",
    "close_open_consultations",
    "due_limit",
    "is_working_day",
    "personal_categories",
    "requester_label",
    "required_proofs",
    "service_label",
    "service_of",
    "service_refusals",
    "BORROWER_FIELDS",
    "BORROWER_KINDS",
    "BorrowerImportResult",
    "BorrowerRecord",
    "CONDITIONS",
    "DAMAGED",
    "FigureRow",
    "INTACT",
    "ImportProblem",
    "LineReturn",
    "LoanConflictError",
    "LoanLineRecord",
    "LoanRecord",
    "LoanSettings",
    "LoanYearFigures",
    "NotLendableError",
    "OverdueLoan",
    "PageCountMismatchError",
    "REGISTER_STATES",
    "RegisterFilter",
    "RegisterPage",
    "RegisterRow",
    "ReturnResult",
    "SLIP_PREFIX",
    "TAKE_AWAY",
    "VolumeCheck",
    "VolumeLoanEntry",
    "AccountApproval",
    "PaperApproval",
    "approval_reasons",
    "approval_required",
    "approval_text",
    "check_volume",
    "count_register",
    "create_borrower",
    "deactivate_borrower",
    "default_due_date",
    "export_register",
    "find_borrower_by_card",
    "find_line_for_return",
    "find_volume_for_loan",
    "get_borrower",
    "get_loan",
    "get_loan_by_slip",
    "import_borrowers",
    "kind_label",
    "lend",
    "loan_settings",
    "mask_id_number",
    "open_line_for_volume",
    "open_loans",
    "overdue_count",
    "overdue_loans",
    "overdue_notices",
    "plan_borrower_import",
    "reactivate_borrower",
    "register",
    "register_page",
    "renew",
    "return_volumes",
    "search_borrowers",
    "set_borrower_active",
    "slip_data",
    "update_borrower",
    "volume_loan_history",
    "yearly_figures",
]
