"""密钥恢复单 (room key recovery sheet): the catalogue's room key on paper, to enter on a new workstation.

Pure: plain data in, PDF out (built on :mod:`archive_desk.printing.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from archive_desk.i18n import t

from .labels import Out
from .tables import MM, Part, Signature, para, render_parts, signature_flowable, style, title_flowables


@dataclass(frozen=True)
class RecoverySheet:
    catalogue_id: str
    catalogue_path: str
    key_text: str  # 16 groups of 4 hex digits
    key_id: str
    printed_on: str
    head_id: int
    head_hash: str


def _story(s: RecoverySheet, width: float, _height: float) -> list[Flowable]:
    info = [(t("Catalogue"), s.catalogue_path), (t("Catalogue id"), s.catalogue_id), (t("Printed on"), s.printed_on)]
    story = title_flowables(t("Room key recovery sheet"), info, width)
    body = style(11, name="recovery-body", leading=17)
    key_style = style(15, name="recovery-key", leading=24, align="center")
    story += [
        para(t("This key seals the catalogue's audit trail and rows. Every workstation that changes the catalogue "
               "needs it; keep this sheet locked away with the backup register. Whoever holds it and the file can "
               "rewrite the trail undetected."), body),
        Spacer(1, 6 * MM),
        para(t("Room key"), body),
        para(s.key_text[:39], key_style),
        para(s.key_text[40:], key_style),
        Spacer(1, 3 * MM),
        para(t("Key fingerprint: {id}", id=s.key_id), body),
        Spacer(1, 6 * MM),
        para(t("On a new workstation: archive-desk check --db CATALOGUE --import-key \"KEY\" (the groups may be typed "
               "with or without dashes)."), body),
        Spacer(1, 3 * MM),
        para(t("Audit trail head when printed: entry {id}, {hash}", id=s.head_id, hash=s.head_hash), style(9, name="recovery-head")),
        Spacer(1, 10 * MM),
        signature_flowable((Signature(t("Printed by")), Signature(t("Security officer"))), width),
    ]
    return story


def render_recovery_sheet(sheet: RecoverySheet, *, out: Out = None) -> bytes | Path | None:
    return render_parts([Part(lambda w, h: _story(sheet, w, h), landscape=False, numbered=False)],
                        title=t("Room key recovery sheet"), out=out)
