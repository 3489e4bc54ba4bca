"""催还通知单: one reminder per borrower listing every overdue volume, on A4.

Built on :mod:`archive_desk.printing.tables` (title block, table with repeated header, signature lines,
"第 N 页 共 M 页" counted per notice), so each borrower's notice is numbered on its own and a batch of
reminders prints as one PDF. Pure: plain data in, PDF out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from archive_desk.errors import UserError
from archive_desk.i18n import t

from .labels import Out
from .tables import MM, Column, Part, Signature, TableDocument, para, render_parts, signature_flowable, style, table_flowable, title_flowables


@dataclass(frozen=True)
class OverdueLine:
    slip_no: str
    code: str
    title: str
    lent_on: date
    due_on: date
    days_overdue: int


@dataclass(frozen=True)
class OverdueNotice:
    borrower: str
    unit: str = ""
    phone: str = ""
    lines: tuple[OverdueLine, ...] = ()
    notice_date: date | None = None
    room: str = ""  # 档案室
    room_phone: str = ""
    clerk: str = ""


def _document(n: OverdueNotice) -> TableDocument:
    columns = (
        Column(t("No."), 10, "center"),
        Column(t("Slip no."), 27, "center"),
        Column(t("Archival code"), 42),
        Column(t("Title")),
        Column(t("Lent on"), 20, "center"),
        Column(t("Due back"), 20, "center"),
        Column(t("Days overdue"), 14, "center"),
    )
    rows = tuple(
        (str(i), ln.slip_no, ln.code, ln.title, ln.lent_on.isoformat(), ln.due_on.isoformat(), str(ln.days_overdue))
        for i, ln in enumerate(n.lines, start=1)
    )
    info = [(t("Borrower"), n.borrower), (t("Unit / department"), n.unit), (t("Contact"), n.phone)]
    return TableDocument(
        title=t("Reminder to return archives"),
        columns=columns,
        rows=rows,
        info=tuple(info),
        signatures=(Signature(t("Clerk"), n.clerk, (n.notice_date or date.today()).isoformat()),),
        font_size=9.5,
    )


def _story(n: OverdueNotice, width: float, height: float) -> list[Flowable]:  # noqa: ARG001 - the signature is fixed by its callers
    doc = _document(n)
    body = style(11, name="notice-body", leading=18)
    oldest = min((ln.due_on for ln in n.lines), default=None)
    most = max((ln.days_overdue for ln in n.lines), default=0)
    greeting = t("Dear {name}:", name=n.borrower)
    room = n.room or t("archive room")
    if len({ln.due_on for ln in n.lines}) == 1:
        text = t("The {count} archive volume(s) listed below, borrowed from the {room}, fell due on {due} and are now {days} days overdue. "
                 "Please return them as soon as possible; to keep using them, renew the loan at the {room}. Thank you.",
                 count=len(n.lines), room=room, due=oldest.isoformat() if oldest else "", days=most)
    else:
        text = t("The {count} archive volumes listed below, borrowed from the {room}, fell due from {due} on; the longest is now {days} days "
                 "overdue. Please return them as soon as possible; to keep using them, renew the loans at the {room}. Thank you.",
                 count=len(n.lines), room=room, due=oldest.isoformat() if oldest else "", days=most)
    story = title_flowables(doc.title, doc.info, width)
    story += [para(greeting, body), Spacer(1, 1 * MM), para(text, body), Spacer(1, 4 * MM)]
    story.append(table_flowable(doc, width))
    footer = n.room or t("archive room")
    if n.room_phone:
        footer += "　" + t("Telephone: {phone}", phone=n.room_phone)
    story += [Spacer(1, 6 * MM), para(footer, style(11, align="right", name="notice-room")),
              para((n.notice_date or date.today()).isoformat(), style(11, align="right", name="notice-date")),
              Spacer(1, 6 * MM), signature_flowable(doc.signatures, width)]
    return story


def render_overdue_notices(notices: Sequence[OverdueNotice], *, out: Out = None) -> bytes | Path | None:
    """One PDF, one notice (one or more pages) per borrower."""
    notices = [n for n in notices if n.lines]
    if not notices:
        raise UserError(t("There is nothing to print."))
    parts = [Part(partial(_story, n), landscape=False, numbered=True) for n in notices]
    return render_parts(parts, title=t("Reminder to return archives"), out=out)
