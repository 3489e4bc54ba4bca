"""``transfer print``, ``transfer export`` and ``transfer register``: the transfer papers from the command line.

    archive-desk transfer print JS-2026-001 -o list.pdf                 # 移交清册, two copies
    archive-desk transfer print JS-2026-001 --what certificate -o c.pdf # 交接文据
    archive-desk transfer print XH-2026-001 -o destruction.pdf          # 销毁清册 of an appraisal list
    archive-desk transfer export JS-2026-001 -o list.xlsx               # 移交清册 + 交接文据 sheets
    archive-desk transfer register -o register.xlsx --direction in --year 2026
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    tr = sub.add_parser("transfer", help=h("transfers: print and export transfer lists, certificates and destruction lists"),
                        description=h("transfers: print and export transfer lists, certificates and destruction lists"))
    tr_sub = tr.add_subparsers(dest="transfer_command", metavar="COMMAND")
    tr_sub.required = True

    pr = tr_sub.add_parser("print", help=h("print a batch's transfer list (or certificate), or an appraisal's destruction list, to PDF"),
                           description=h("print a batch's transfer list (or certificate), or an appraisal's destruction list, to PDF"))
    add_db_arg(pr)
    pr.add_argument("batch", metavar="BATCH", help=h("batch number (JS-2026-001), appraisal list number (XH-2026-001) or id"))
    pr.add_argument("-o", "--out", type=Path, required=True, help=h("file to write"))
    pr.add_argument("--what", choices=("list", "certificate", "both"), default="list",
                    help=h("what to print for a batch: the transfer list, the handover certificate, or both"))
    pr.add_argument("--copies", type=int, default=2, help=h("number of copies (default 2, one per side)"))
    pr.set_defaults(func=run_print)

    ex = tr_sub.add_parser("export", help=h("export a batch (transfer list and certificate) or a destruction list to Excel"),
                           description=h("export a batch (transfer list and certificate) or a destruction list to Excel"))
    add_db_arg(ex)
    ex.add_argument("batch", metavar="BATCH", help=h("batch number (JS-2026-001), appraisal list number (XH-2026-001) or id"))
    ex.add_argument("-o", "--out", type=Path, required=True, help=h("file to write"))
    ex.set_defaults(func=run_export)

    rg = tr_sub.add_parser("register", help=h("export the transfer register or the destruction register to Excel"),
                           description=h("export the transfer register or the destruction register to Excel"))
    add_db_arg(rg)
    rg.add_argument("-o", "--out", type=Path, required=True, help=h("file to write"))
    rg.add_argument("--kind", choices=("transfers", "destruction"), default="transfers", help=h("which register"))
    rg.add_argument("--direction", choices=("in", "out"), default=None, help=h("only batches received (in) or handed over (out)"))
    rg.add_argument("--year", type=int, default=None, help=h("only this year"))
    rg.add_argument("--text", default="", help=h("only rows containing this text"))
    rg.set_defaults(func=run_register)


def _resolve(session, ref: str):  # noqa: ANN001, ANN202 - (kind, record)
    from archive_desk.errors import NotFoundError
    from archive_desk.services import transfers

    try:
        return "batch", transfers.find_batch(session, ref)
    except NotFoundError:
        pass
    try:
        return "appraisal", transfers.find_appraisal(session, ref)
    except NotFoundError:
        raise NotFoundError(t("There is no transfer batch or appraisal list {ref}", ref=ref)) from None


def run_print(args: argparse.Namespace) -> int:
    from archive_desk.printing.destruction_list import render_destruction_list
    from archive_desk.printing.handover_certificate import render_handover_certificate
    from archive_desk.printing.signed_table import signed_table_part
    from archive_desk.printing.tables import Part, render_parts
    from archive_desk.printing.transfer_list import copy_labels, transfer_list_document
    from archive_desk.printing.handover_certificate import certificate_story
    from archive_desk.services import transfers

    if args.copies < 1:
        print(t("The number of copies must be at least 1"), file=sys.stderr)
        return 2
    db = open_db(getattr(args, "db", None))
    who = viewer(args)  # titles above the account's clearance are masked (services/masking.py)
    try:
        with db.read() as session:
            kind, record = _resolve(session, args.batch)
            if kind == "appraisal":
                render_destruction_list(transfers.destruction_list_data(session, record.id, who), out=args.out)
            elif args.what == "list":
                from archive_desk.printing.transfer_list import render_transfer_list

                render_transfer_list(transfers.transfer_list_data(session, record.id, who), copies=args.copies, out=args.out)
            elif args.what == "certificate":
                render_handover_certificate(transfers.certificate_data(session, record.id), copies=args.copies, out=args.out)
            else:
                data = transfers.transfer_list_data(session, record.id, who)
                cert = transfers.certificate_data(session, record.id)
                labels = copy_labels(args.copies)
                parts = [signed_table_part(transfer_list_document(data, label)) for label in labels]
                parts += [Part(lambda w, h, label=label: certificate_story(cert, w, h, label), numbered=False) for label in labels]
                render_parts(parts, title=record.batch_no, out=args.out, language=data.language)
    finally:
        db.dispose()
    print(t("Written {path}", path=args.out))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from archive_desk.exporting.transfers import write_destruction_workbook, write_transfer_workbook
    from archive_desk.services import transfers

    db = open_db(getattr(args, "db", None))
    who = viewer(args)
    try:
        with db.read() as session:
            kind, record = _resolve(session, args.batch)
            if kind == "appraisal":
                write_destruction_workbook(transfers.destruction_list_data(session, record.id, who), args.out)
            else:
                write_transfer_workbook(transfers.transfer_list_data(session, record.id, who), args.out,
                                        transfers.certificate_data(session, record.id))
    finally:
        db.dispose()
    print(t("Written {path}", path=args.out))
    return 0


def run_register(args: argparse.Namespace) -> int:
    from archive_desk.exporting.transfers import write_register
    from archive_desk.services import transfers

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            if args.kind == "transfers":
                flt = transfers.RegisterFilter(direction=args.direction, year=args.year, text=args.text)
                table = transfers.transfer_register_table(transfers.transfer_register(session, flt), flt)
            else:
                dflt = transfers.DestructionFilter(year=args.year, text=args.text)
                table = transfers.destruction_register_table(transfers.destruction_register(session, dflt, viewer=viewer(args)), dflt)
    finally:
        db.dispose()
    write_register(table, args.out)
    print(t("Written {path} ({n} rows)", path=args.out, n=len(table.rows)))
    return 0
