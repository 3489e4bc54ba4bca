"""封存清单 (sealing list): the record of a 封存 under 医疗纠纷预防和处理条例 §24.

The volumes sealed (档号, 题名, 病案号, 页数), why, when, and the date the seal may be released (three years on
without a dispute); signature lines for both sides — the hospital (the room's clerk and the 医务 department) and
the patient or the patient's representative — each side keeping one copy. Pure: services/holds.py fills
:class:`SealingList`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from archive_desk.i18n import DEFAULT_FORM_LANGUAGE, t

from .labels import Out
from .signed_table import signed_table_part
from .tables import Column, Signature, TableDocument, form_language, render_parts


@dataclass(frozen=True)
class SealingList:
    unit: str  # the hospital's archive room as it signs
    hold_id: int
    reason: str
    counterpart: str  # the patient's side, who signs
    placed_on: date
    release_on: date | None
    placed_by: str
    #: (档号, 题名, 病案号, 页数) of each volume sealed
    rows: tuple[tuple[str, str, str, int], ...]
    language: str = DEFAULT_FORM_LANGUAGE


def _date(value: date | None) -> str:
    return t("{y}-{m:02d}-{d:02d}", y=value.year, m=value.month, d=value.day) if value else ""


@form_language
def sealing_document(d: SealingList, copy: str = "") -> TableDocument:
    rows = tuple((str(i), code, title, record_no, str(pages)) for i, (code, title, record_no, pages) in enumerate(d.rows, start=1))
    return TableDocument(
        title=t("Sealing list of medical records"),
        columns=(Column(t("No."), 12, "center", wrap=False), Column(t("Archival code"), 55, "left", wrap=False),
                 Column(t("Title"), None, "left"), Column(t("Record no."), 28, "left", wrap=False), Column(t("Pages"), 14, "right")),
        rows=rows,
        info=((t("Medical institution"), d.unit), (t("Hold no."), str(d.hold_id)), (t("Reason"), d.reason),
              (t("Sealed on"), _date(d.placed_on)), (t("May be released on"), _date(d.release_on))),
        totals=(t("Total"), t("{n} volumes", n=len(rows)), "", "", str(sum(p for *_x, p in d.rows))),
        note=t("Sealed in the presence of both sides; each keeps one copy. Without a dispute the seal may be released three years "
               "after it was placed (医疗纠纷预防和处理条例 §24)."),
        signatures=(Signature(t("For the hospital"), d.placed_by, _date(d.placed_on)),
                    Signature(t("For the patient"), d.counterpart, _date(d.placed_on))),
        header=" · ".join(x for x in (t("Sealing list"), str(d.hold_id), copy) if x),
        language=d.language,
    )


@form_language
def render_sealing_list(d: SealingList, *, out: Out = None) -> bytes | Path | None:
    """Two copies, one for each side."""
    parts = [signed_table_part(sealing_document(d, copy)) for copy in (t("hospital's copy"), t("patient's copy"))]
    return render_parts(parts, title=t("Sealing list of medical records"), out=out, language=d.language)


__all__ = ["SealingList", "render_sealing_list", "sealing_document"]
