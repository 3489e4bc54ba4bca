"""The item models of the lines of a batch and of an appraisal list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QWidget,
)

from archive_desk.services import transfers
from archive_desk.services.transfers import (
    AppraisalLineRecord,
    LineRecord,
)
from archive_desk.ui.areas.transfers.common import COLORS, Index

# --------------------------------------------------------------------------- the lines of a batch


class _ListModel(QAbstractTableModel):
    """A read-only table of ``_rows`` under ``_headers`` (the lines of a batch or of an appraisal list)."""

    _rows: Sequence[object]
    _headers: Sequence[str]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class LinesModel(_ListModel):
    """The lines of one batch, with a filter by state (all, pending/missing, arrived, unexpected, returned, pages)."""

    FILTERS = ("all", "pending", "found", "unexpected", "returned", "pages")

    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = direction
        self.confirmed = False
        self._all: list[LineRecord] = []
        self._rows: list[LineRecord] = []
        self._filter = "all"
        self._headers = [self.tr("No."), self.tr("Archival code"), self.tr("Title"), self.tr("Year"), self.tr("Retention"),
                         self.tr("Items"), self.tr("Pages"), self.tr("Pages counted"), self.tr("State")]

    # -- content
    def set_lines(self, lines: Sequence[LineRecord], confirmed: bool) -> None:
        self.beginResetModel()
        self._all = list(lines)
        self.confirmed = confirmed
        self._rows = [ln for ln in self._all if self._visible(ln)]
        self.endResetModel()

    def set_filter(self, kind: str) -> None:
        self._filter = kind
        self.set_lines(self._all, self.confirmed)

    def upsert(self, line: LineRecord) -> int | None:
        """Put a changed or new line in place; returns its row (None when the filter hides it)."""
        for i, ln in enumerate(self._all):
            if ln.id == line.id:
                self._all[i] = line
                break
        else:
            self._all.append(line)
        for r, ln in enumerate(self._rows):
            if ln.id == line.id:
                if self._visible(line):
                    self._rows[r] = line
                    self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
                    return r
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self.endRemoveRows()
                return None
        if self._visible(line):
            r = len(self._rows)
            self.beginInsertRows(QModelIndex(), r, r)
            self._rows.append(line)
            self.endInsertRows()
            return r
        return None

    def lines(self) -> list[LineRecord]:
        return list(self._all)

    def line_at(self, row: int) -> LineRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, line_id: int) -> int | None:
        return next((r for r, ln in enumerate(self._rows) if ln.id == line_id), None)

    def state(self, ln: LineRecord) -> str:
        if self.direction == "out":
            return "found" if ln.expected else "removed"
        if ln.state == "pending" and self.confirmed:
            return "missing"
        return ln.state

    def _visible(self, ln: LineRecord) -> bool:
        f = self._filter
        if f == "all":
            return True
        if f == "pages":
            return bool(ln.page_difference)
        state = self.state(ln)
        if f == "pending":
            return state in ("pending", "missing")
        if f == "returned":
            return state in ("returned", "removed")
        return state == f

    def state_text(self, ln: LineRecord) -> str:
        if self.direction == "out":
            if not ln.expected:
                return self.tr("taken off")
            return self.tr("handed over") if self.confirmed else self.tr("to hand over")
        state = self.state(ln)
        text = {
            "pending": self.tr("not arrived yet"),
            "missing": self.tr("missing"),
            "found": self.tr("arrived"),
            "unexpected": self.tr("not on the list"),
            "returned": self.tr("sent back"),
        }.get(state, state)
        if ln.page_difference:
            text += self.tr(", pages differ")
        return text

    # -- Qt
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ln = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(ln.seq)
            if col == 1:
                return ln.code
            if col == 2:
                return ln.title
            if col == 3:
                return "" if ln.year is None else str(ln.year)
            if col == 4:
                return transfers.retention_text(ln.retention)
            if col == 5:
                return str(ln.item_count)
            if col == 6:
                return str(ln.pages)
            if col == 7:
                return "" if ln.found_pages is None else str(ln.found_pages)
            if col == 8:
                return self.state_text(ln)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if ln.page_difference and col in (6, 7, 8):
                return QBrush(COLORS["pages"])
            color = COLORS.get(self.state(ln))
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return ln.id
        return None

# --------------------------------------------------------------------------- appraisal


class AppraisalLinesModel(_ListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AppraisalLineRecord] = []
        self._headers = [self.tr("No."), self.tr("Archival code"), self.tr("Title"), self.tr("Year"), self.tr("Retention"),
                         self.tr("Ran out on"), self.tr("Pages"), self.tr("Decision"), self.tr("New retention"), self.tr("Reason")]

    def set_lines(self, lines: Sequence[AppraisalLineRecord]) -> None:
        self.beginResetModel()
        self._rows = list(lines)
        self.endResetModel()

    def lines(self) -> list[AppraisalLineRecord]:
        return list(self._rows)

    def line_at(self, row: int) -> AppraisalLineRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ln = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (str(ln.seq), ln.code, ln.title, str(ln.year), transfers.retention_text(ln.retention),
                      ln.expires_on.isoformat() if ln.expires_on else self.tr("never"), str(ln.pages),
                      {"destroy": self.tr("destroy"), "keep": self.tr("keep")}.get(ln.decision, self.tr("undecided")),
                      transfers.retention_text(ln.new_retention) if ln.new_retention else "", ln.reason)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole and ln.decision == "keep":
            return QBrush(COLORS["keep"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
