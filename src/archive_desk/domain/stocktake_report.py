"""What a stocktake report and the 清点检查登记 (register of stocktakes) show, as frozen dataclasses.

Built by :mod:`archive_desk.services.stocktake`; ``exporting/stocktake.py`` writes them to a workbook and
``printing/stocktake_report.py`` to PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from archive_desk.i18n import t


@dataclass(frozen=True)
class ReportLine:
    cls: str  # class key (in_place, misplaced …)
    cls_label: str
    code: str
    title: str
    status: str  # the volume's status in words
    found_layer: str
    expected_layer: str
    scanned_at: datetime | None  # local time
    note: str = ""


@dataclass(frozen=True)
class StocktakeReport:
    """Everything the stocktake report shows (times are local wall-clock times)."""

    id: int
    name: str
    scope_text: str
    status: str  # open | finished
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    layers_scanned: int
    layers_in_scope: int
    scans: int
    counts: tuple[tuple[str, str, int], ...]  # (class key, label, count) in class order
    lines: tuple[ReportLine, ...]
    corrections: str = ""
    room_name: str = ""

    @property
    def total_found(self) -> int:
        return sum(n for key, _label, n in self.counts if key != "missing")

    def lines_of(self, cls: str) -> list[ReportLine]:
        return [ln for ln in self.lines if ln.cls == cls]


@dataclass(frozen=True)
class RegisterEntry:
    seq: int
    name: str
    scope_text: str
    status: str  # in words
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    layers_scanned: int
    layers_in_scope: int
    counts: tuple[int, ...]  # in class order
    corrections: str


def report_title(report: StocktakeReport) -> str:
    return t("Stocktake report: {name}", name=report.name)


def info_pairs(report: StocktakeReport) -> list[tuple[str, str]]:
    fmt = "%Y-%m-%d %H:%M"
    pairs = [
        (t("Stocktake"), report.name),
        (t("Scope"), report.scope_text),
        (t("Started"), f"{report.started_at.strftime(fmt)}（{report.started_by}）" if report.started_by
         else report.started_at.strftime(fmt)),
        (t("Finished"), report.finished_at.strftime(fmt) if report.finished_at else t("in progress")),
        (t("Layers counted"), t("{scanned} of {total}", scanned=report.layers_scanned, total=report.layers_in_scope)),
        (t("Scans"), str(report.scans)),
    ]
    if report.room_name:
        pairs.insert(0, (t("Organisation"), report.room_name))
    if report.corrections:
        pairs.append((t("Corrections"), report.corrections))
    return pairs
