"""``retention due`` and ``holds list|add|release``: the retention schedule's due list and the legal holds.

    archive-desk retention due --on 2026-12-31 --json     # {"due": [{code, rule, start_date, due_date, ...}]}
    archive-desk holds list --json                         # {"holds": [{id, kind, reason, code, record_no, ...}]}
    archive-desk holds add Y201-BL·2005-D30-0001 --kind seal --reason "医疗纠纷封存"
    archive-desk holds add --record-no 0012345 --kind litigation --reason "诉讼中"
    archive-desk holds release 3
    archive-desk holds print 3 -o 封存清单.pdf                # the sealing list, one copy for each side
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db, print_json, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    ret = sub.add_parser("retention", help=h("retention: the volumes whose retention has run out"),
                         description=h("retention: the volumes whose retention has run out"))
    ret_sub = ret.add_subparsers(dest="retention_command", metavar="COMMAND")
    ret_sub.required = True
    due = ret_sub.add_parser("due", help=h("list the volumes due for appraisal, with the rule, start date and due date"),
                             description=h("list the volumes due for appraisal, with the rule, start date and due date"))
    add_db_arg(due)
    due.add_argument("--on", type=date.fromisoformat, default=None, help=h("due on or before this date (YYYY-MM-DD, default today)"))
    due.add_argument("--json", action="store_true", help=h("print JSON"))
    due.set_defaults(func=run_due)

    hd = sub.add_parser("holds", help=h("legal holds: sealed, litigation, audit, unsettled matters"),
                        description=h("legal holds: sealed, litigation, audit, unsettled matters"))
    hd_sub = hd.add_subparsers(dest="holds_command", metavar="COMMAND")
    hd_sub.required = True
    ls = hd_sub.add_parser("list", help=h("list the holds, each with its id"), description=h("list the holds, each with its id"))
    add_db_arg(ls)
    ls.add_argument("--json", action="store_true", help=h("print JSON"))
    ls.add_argument("--all", action="store_true", help=h("also the released holds"))
    ls.set_defaults(func=run_list)
    add = hd_sub.add_parser("add", help=h("place a hold on a volume or on a record no."),
                            description=h("place a hold on a volume or on a record no."))
    add_db_arg(add)
    add.add_argument("code", nargs="?", default="", metavar="CODE", help=h("the volume's code or barcode"))
    add.add_argument("--record-no", default="", help=h("a record no. (病案号): every volume with it"))
    add.add_argument("--kind", choices=("seal", "litigation", "audit", "matter"), required=True, help=h("kind of hold"))
    add.add_argument("--reason", required=True, help=h("why the hold is placed"))
    add.add_argument("--counterpart", default="", help=h("the other side who signs a sealing list (the patient or the patient's agent)"))
    add.set_defaults(func=run_add)
    rel = hd_sub.add_parser("release", help=h("release a hold"), description=h("release a hold"))
    add_db_arg(rel)
    rel.add_argument("hold_id", type=int, metavar="HOLD_ID", help=h("the hold's id (holds list)"))
    rel.set_defaults(func=run_release)
    pr = hd_sub.add_parser("print", help=h("print the sealing list of a 封存 to PDF (two copies, one for each side)"),
                           description=h("print the sealing list of a 封存 to PDF (two copies, one for each side)"))
    add_db_arg(pr)
    pr.add_argument("hold_id", type=int, metavar="HOLD_ID", help=h("the hold's id (holds list)"))
    pr.add_argument("-o", "--out", type=Path, required=True, help=h("file to write"))
    pr.set_defaults(func=run_print)


def run_due(args: argparse.Namespace) -> int:
    from archive_desk.services import retention

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            rows = retention.due(session, args.on)
    finally:
        db.dispose()
    if args.json:
        print_json({"due": [r.as_json() for r in rows]})
        return 0
    print("\t".join((t("Code"), t("Rule"), t("Counted from"), t("Due on"), t("Warnings"))))
    for r in rows:
        print("\t".join((r.code, retention.rule_label(r.rule), r.start_date.isoformat() if r.start_date else "",
                         r.due_date.isoformat() if r.due_date else "", "；".join(r.warnings))))
    print(t("{n} volume(s) due", n=len(rows)), file=sys.stderr)
    return 0


def _hold_json(hold) -> dict:  # noqa: ANN001 - holds.HoldRecord
    return {"id": hold.id, "kind": hold.kind, "reason": hold.reason, "code": hold.volume_code, "record_no": hold.record_no,
            "counterpart": hold.counterpart, "release_on": hold.release_on.isoformat() if hold.release_on else None,
            "placed_by": hold.placed_by, "placed_at": hold.placed_at.isoformat(sep=" ", timespec="minutes"),
            "released_by": hold.released_by,
            "released_at": hold.released_at.isoformat(sep=" ", timespec="minutes") if hold.released_at else None,
            "active": hold.active}


def run_list(args: argparse.Namespace) -> int:
    from archive_desk.services import holds

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            rows = holds.list_holds(session, active_only=not args.all)
    finally:
        db.dispose()
    if args.json:
        print_json({"holds": [_hold_json(r) for r in rows]})
        return 0
    for r in rows:
        print("\t".join((str(r.id), holds.kind_label(r.kind), r.target, r.reason, r.placed_at.date().isoformat(),
                         r.released_at.date().isoformat() if r.released_at else "")))
    print(t("{n} hold(s)", n=len(rows)), file=sys.stderr)
    return 0


def run_add(args: argparse.Namespace) -> int:
    from archive_desk.errors import ValidationError
    from archive_desk.services import holds
    from archive_desk.services.audit import Actor

    if bool(args.code) == bool(args.record_no):
        raise ValidationError({"target": t("Give either one volume or a record no. (病案号)")})
    db = open_db(getattr(args, "db", None))
    try:
        with db.write() as session:
            hold = holds.add_hold(session, Actor.current(), kind=args.kind, reason=args.reason, code=args.code,
                                  record_no=args.record_no, counterpart=args.counterpart)
    finally:
        db.dispose()
    print(t("Hold {id} placed on {target}.", id=hold.id, target=hold.target))
    return 0


def run_release(args: argparse.Namespace) -> int:
    from archive_desk.services import holds
    from archive_desk.services.audit import Actor

    db = open_db(getattr(args, "db", None))
    try:
        with db.write() as session:
            hold = holds.release_hold(session, Actor.current(), args.hold_id)
    finally:
        db.dispose()
    print(t("Hold {id} on {target} released.", id=hold.id, target=hold.target))
    return 0


def run_print(args: argparse.Namespace) -> int:
    from archive_desk.printing.sealing_list import render_sealing_list
    from archive_desk.services import holds

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as session:
            data = holds.seal_list_data(session, args.hold_id, viewer(args))  # titles above the clearance masked
    finally:
        db.dispose()
    render_sealing_list(data, out=args.out)
    print(t("Sealing list written to {path}", path=args.out))
    return 0
