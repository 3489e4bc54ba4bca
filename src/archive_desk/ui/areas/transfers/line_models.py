"""The item models of the lines of a batch and of an appraisal list (on the one ``ListModel`` base)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QWidget,
)

from archive_desk.services import transfers
from archive_desk.services.transfers import (
    AppraisalLineRecord,
    LineRecord,
)
from archive_desk.ui.areas.transfers.common import COLORS
from archive_desk.ui.item_models.list_model import RIGHT, Column, ListModel

# --------------------------------------------------------------------------- the lines of a batch


class LinesModel(ListModel[LineRecord]):
    """The lines of one batch, with a filter by state (all, pending/missing, arrived, unexpected, returned, pages)."""

    FILTERS = ("all", "pending", "found", "unexpected", "returned", "pages")

    def __init__(self, direction: str, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self.direction = direction
        self.confirmed = False
        self._all: list[LineRecord] = []
        self._filter = "all"
        pages = self._pages_background
        self.set_columns([
            Column(self.tr("No."), lambda ln: ln.seq, align=RIGHT),
            Column(self.tr("Archival code"), lambda ln: ln.code),
            Column(self.tr("Title"), lambda ln: ln.title),
            Column(self.tr("Year"), lambda ln: ln.year, align=RIGHT),
            Column(self.tr("Retention"), lambda ln: transfers.retention_text(ln.retention)),
            Column(self.tr("Items"), lambda ln: ln.item_count, align=RIGHT),
            Column(self.tr("Pages"), lambda ln: ln.pages, align=RIGHT, background=pages),
            Column(self.tr("Pages counted"), lambda ln: ln.found_pages, align=RIGHT, background=pages),
            Column(self.tr("State"), self.state_text, background=pages),
        ])

    # -- content
    def set_lines(self, lines: Sequence[LineRecord], confirmed: bool) -> None:
        self._all = list(lines)
        self.confirmed = confirmed
        self.set_rows([ln for ln in self._all if self._visible(ln)])

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
        r = self.row_of(line.id)
        if r is not None:
            if self._visible(line):
                self.replace_row(r, line)
                return r
            self.remove_row(r)
            return None
        if self._visible(line):
            r = self.rowCount()
            self.insert_row(r, line)
            return r
        return None

    def lines(self) -> list[LineRecord]:
        return list(self._all)

    def line_at(self, row: int) -> LineRecord | None:
        return self.row_record(row)

    def row_of(self, line_id: int) -> int | None:
        return next((r for r, ln in enumerate(self.rows()) if ln.id == line_id), None)

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

    # -- ListModel hooks
    @staticmethod
    def _pages_background(ln: LineRecord) -> QBrush | None:
        return QBrush(COLORS["pages"]) if ln.page_difference else None

    def background(self, record: LineRecord) -> QBrush | None:
        color = COLORS.get(self.state(record))
        return QBrush(color) if color is not None else None

    def user_data(self, record: LineRecord) -> int:
        return record.id

# --------------------------------------------------------------------------- appraisal


class AppraisalLinesModel(ListModel[AppraisalLineRecord]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        decisions = {"destroy": self.tr("destroy"), "keep": self.tr("keep")}
        never, undecided = self.tr("never"), self.tr("undecided")
        self.set_columns([
            Column(self.tr("No."), lambda ln: ln.seq, align=RIGHT),
            Column(self.tr("Archival code"), lambda ln: ln.code),
            Column(self.tr("Title"), lambda ln: ln.title),
            Column(self.tr("Year"), lambda ln: ln.year, align=RIGHT),
            Column(self.tr("Retention"), lambda ln: transfers.retention_text(ln.retention)),
            Column(self.tr("Ran out on"), lambda ln: ln.expires_on.isoformat() if ln.expires_on else never),
            Column(self.tr("Pages"), lambda ln: ln.pages, align=RIGHT),
            Column(self.tr("Decision"), lambda ln: decisions.get(ln.decision, undecided)),
            Column(self.tr("New retention"), lambda ln: transfers.retention_text(ln.new_retention) if ln.new_retention else ""),
            Column(self.tr("Reason"), lambda ln: ln.reason),
        ])

    def set_lines(self, lines: Sequence[AppraisalLineRecord]) -> None:
        self.set_rows(lines)

    def lines(self) -> list[AppraisalLineRecord]:
        return self.rows()

    def line_at(self, row: int) -> AppraisalLineRecord | None:
        return self.row_record(row)

    def background(self, record: AppraisalLineRecord) -> QBrush | None:
        return QBrush(COLORS["keep"]) if record.decision == "keep" else None

    def user_data(self, record: AppraisalLineRecord) -> int:
        return record.id
