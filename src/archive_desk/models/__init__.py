"""SQLAlchemy models, one module per aggregate. Importing this package registers every table."""

from .audit import AuditEntry, PersonalDataAccess, RowSeal, SealState
from .backup import BackupRecord
from .base import Base
from .holds import LegalHold
from .catalogue import SECURITY_LEVELS, Category, CategoryField, FieldType, FilingMode, Fonds, Item, Volume, VolumeStatus
from .loans import Borrower, Loan, LoanLine
from .locations import Layer, LocationMove, Rack, Room
from .settings import CatalogueSetting, User
from .stocktake import Stocktake, StocktakeScan
from .transfers import Appraisal, AppraisalLine, TransferBatch, TransferLine

__all__ = [
    "SECURITY_LEVELS",
    "Appraisal",
    "AppraisalLine",
    "AuditEntry",
    "BackupRecord",
    "Base",
    "Borrower",
    "CatalogueSetting",
    "Category",
    "CategoryField",
    "FieldType",
    "FilingMode",
    "Fonds",
    "Item",
    "Layer",
    "LegalHold",
    "Loan",
    "LoanLine",
    "LocationMove",
    "PersonalDataAccess",
    "Rack",
    "RowSeal",
    "SealState",
    "Room",
    "Stocktake",
    "StocktakeScan",
    "TransferBatch",
    "TransferLine",
    "User",
    "Volume",
    "VolumeStatus",
]
