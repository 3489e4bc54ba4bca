"""Spreadsheet import: read registers (xlsx, xls, ods, csv), find the header, map columns,
normalise values and plan what an import would do. Pure: no database, no Qt.

The service layer calls :func:`plan_import` (or :func:`preview` for the wizard's first screen),
shows or commits ``plan.importable()``, and can save :func:`write_error_report`.
"""

from archive_desk.importing.mapping import (
    FIELDS,
    KINDS,
    ColumnMapping,
    MappingStore,
    MappingTemplate,
    apply_template,
    detect_mapping,
    field_label,
    required_fields,
)
from archive_desk.importing.normalize import RETENTION_LABELS, CellError, ParsedLocation, SecurityMark
from archive_desk.importing.plan import (
    CellProblem,
    ImportCancelled,
    ImportPlan,
    ImportSummary,
    RowResult,
    RowStatus,
    SheetPlan,
    SkipKind,
    plan_import,
    preview,
)
from archive_desk.importing.readers import SUPPORTED_SUFFIXES, ImportFileError, SheetInfo, list_sheets, open_spreadsheet
from archive_desk.importing.report import write_error_report
from archive_desk.importing.sheets import item_list_sheets, register_sheets

__all__ = [
    "FIELDS",
    "KINDS",
    "RETENTION_LABELS",
    "SUPPORTED_SUFFIXES",
    "CellError",
    "CellProblem",
    "ColumnMapping",
    "ImportCancelled",
    "ImportFileError",
    "ImportPlan",
    "ImportSummary",
    "MappingStore",
    "MappingTemplate",
    "ParsedLocation",
    "RowResult",
    "RowStatus",
    "SecurityMark",
    "SheetInfo",
    "SheetPlan",
    "SkipKind",
    "apply_template",
    "detect_mapping",
    "field_label",
    "list_sheets",
    "open_spreadsheet",
    "plan_import",
    "preview",
    "item_list_sheets",
    "register_sheets",
    "required_fields",
    "write_error_report",
]
