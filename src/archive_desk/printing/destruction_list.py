"""销毁清册 (destruction list): the permanent record of an appraisal that destroyed volumes.

Title block with 全宗号, the list number, the appraisal year and the counts; lines of 序号, 档号, 题名, 年度,
应保管期限, 已保管期限, 页数, 备注 (header repeated on every page, A4 landscape); a totals row; the signatures
of the appraisal lead (鉴定负责人), the approver (批准人) and the two witnesses (监销人), and the date of
destruction. Volumes the appraisal decided to keep are listed after it (续存档案), with their new retention
and the reason, so the whole decision is on paper.

Pure: the transfers service fills :class:`DestructionList` with display-ready values.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archive_desk.domain.transfer_documents import DestructionLine, DestructionList, KeptLine, units_text
from archive_desk.errors import UserError
from archive_desk.i18n import t

from .labels import Out
from .signed_table import signed_table_part
from .tables import Column, Signature, TableDocument, fit_mm, form_language, render_parts


def _date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return t("{y}-{m:02d}-{d:02d}", y=value.year, m=value.month, d=value.day)
    return str(value)


@form_language
def destruction_document(d: DestructionList) -> TableDocument:
    cols = (
        Column(t("No."), 12, "center", wrap=False),
        Column(t("Archival code"), fit_mm([ln.code for ln in d.lines], 9.0, minimum=44, maximum=75), "left", wrap=False),
        Column(t("Title"), None, "left"),
        Column(t("Year"), 13, "center", wrap=False),
        Column(t("Retention due"), 22, "center"),
        Column(t("Retention kept"), 22, "center"),
        Column(t("Pages"), 14, "right", wrap=False),
        Column(t("Remarks"), 40, "left"),
    )
    rows = tuple(
        (str(ln.seq), ln.code, ln.title, ln.year, ln.retention, ln.kept, "" if ln.pages is None else str(ln.pages), ln.notes)
        for ln in d.lines
    )
    pages = sum(ln.pages or 0 for ln in d.lines)
    boxes = sum(1 for ln in d.lines if ln.boxed)
    count = units_text(len(d.lines) - boxes, boxes, None, pages)
    info = (
        (t("Fonds no."), d.fonds),
        (t("List no."), d.list_no),
        (t("Appraisal year"), str(d.year)),
        (t("Destroyed volumes"), count),
        (t("Kept after appraisal"), t("{n} volumes", n=len(d.kept))),
        (t("Destruction date"), _date(d.destroyed_on)),
        *(((t("Approved on"), _date(d.approved_on)),) if d.approved_on else ()),
        *(((t("Method and place of destruction"), "，".join(x for x in (d.method, d.place) if x)),) if d.method or d.place else ()),
        *(((t("Counted by the witnesses"), t("{n} volumes", n=d.witnessed_count)),) if d.witnessed_count is not None else ()),
    )
    header = " · ".join(x for x in (t("Destruction list"), d.list_no, t("DRAFT, not confirmed") if d.draft else "") if x)
    return TableDocument(
        title=t("Accounting archives destruction list") if d.kind == "accounting" else t("Archives destruction list"),
        columns=cols,
        rows=rows,
        info=info,
        totals=(t("Total"), "", count, "", "", "", str(pages), ""),
        note=d.notes,
        signatures=(
            Signature(t("Appraisal lead"), d.lead, ""),
            Signature(t("Approved by"), d.approver, _date(d.approved_on)),
            Signature(t("Witness"), d.witness1, _date(d.destroyed_on)),
            Signature(t("Witness"), d.witness2, _date(d.destroyed_on)),
            *_accounting_signatures(d),
        ),
        landscape=True,
        header=header,
        language=d.language,
    )


def _accounting_signatures(d: DestructionList) -> tuple[Signature, ...]:
    """The 会计 department's signatories of an accounting list ("会计机构负责人 孙红": role, then name)."""
    out = []
    for entry in d.accounting_signatories:
        role, _sep, name = entry.strip().partition(" ")
        out.append(Signature(role if name else t("Accounting department"), name.strip() or role, ""))
    return tuple(out)


@form_language
def opinion_document(d: DestructionList) -> TableDocument:
    """鉴定意见书: the panel (and on an accounting list the 会计 department's signatories), the volumes it found
    due, and its opinion, signed by every member. Kept permanently with the list."""
    members = tuple((str(i), name, t("Appraisal lead") if i == 1 else t("Panel member")) for i, name in enumerate(d.members, start=1))
    signers = tuple((str(len(members) + i), entry, t("Accounting department"))
                    for i, entry in enumerate(d.accounting_signatories, start=1))
    info = (
        (t("Fonds no."), d.fonds),
        (t("List no."), d.list_no),
        (t("Appraisal year"), str(d.year)),
        (t("To destroy"), t("{n} volumes", n=len(d.lines))),
        (t("Kept after appraisal"), t("{n} volumes", n=len(d.kept))),
        (t("Opinion dated"), _date(d.opinion_on)),
    )
    return TableDocument(
        title=t("Accounting archives appraisal opinion") if d.kind == "accounting" else t("Archives appraisal opinion"),
        columns=(Column(t("No."), 12, "center", wrap=False), Column(t("Name"), None, "left"), Column(t("Role"), 60, "left")),
        rows=members + signers,
        info=info,
        note=t("Opinion: {text}", text=d.opinion) if d.opinion else t("The panel has not written its opinion yet."),
        signatures=tuple(Signature(t("Panel member"), name, _date(d.opinion_on)) for name in d.members) + _accounting_signatures(d),
        header=" · ".join((t("Appraisal opinion"), d.list_no)),
        language=d.language,
    )


@form_language
def kept_document(d: DestructionList) -> TableDocument:
    cols = (
        Column(t("No."), 12, "center", wrap=False),
        Column(t("Archival code"), fit_mm([k.code for k in d.kept], 9.0, minimum=44, maximum=75), "left", wrap=False),
        Column(t("Title"), None, "left"),
        Column(t("Year"), 13, "center", wrap=False),
        Column(t("Retention"), 22, "center"),
        Column(t("New retention"), 22, "center"),
        Column(t("Reason"), 60, "left"),
    )
    rows = tuple((str(k.seq), k.code, k.title, k.year, k.retention, k.new_retention, k.reason) for k in d.kept)
    return TableDocument(
        title=t("Volumes kept after appraisal"),
        columns=cols,
        rows=rows,
        info=((t("Fonds no."), d.fonds), (t("List no."), d.list_no), (t("Appraisal year"), str(d.year))),
        totals=(t("Total"), "", t("{n} volumes", n=len(d.kept)), "", "", "", ""),
        signatures=(Signature(t("Appraisal lead"), d.lead, ""), Signature(t("Approved by"), d.approver, "")),
        landscape=True,
        header=" · ".join((t("Volumes kept after appraisal"), d.list_no)),
        language=d.language,
    )


@form_language
def render_destruction_list(d: DestructionList, *, out: Out = None) -> bytes | Path | None:
    """The 销毁清册 (and, when the appraisal kept volumes, the list of those kept) in one PDF."""
    if not d.lines and not d.kept:
        raise UserError(d.notes or t("The appraisal list has no volumes; there is nothing to print."))
    parts = []
    if d.members or d.opinion:
        parts.append(signed_table_part(opinion_document(d)))
    if d.lines:
        parts.append(signed_table_part(destruction_document(d)))
    if d.kept:
        parts.append(signed_table_part(kept_document(d)))
    return render_parts(parts, title=t("Archives destruction list") + " " + d.list_no, out=out, language=d.language)


__all__ = ["DestructionLine", "DestructionList", "KeptLine", "destruction_document", "kept_document", "opinion_document",
           "render_destruction_list"]
