"""``loans overdue``: the overdue loans (days overdue, borrower, unit, phone), as text or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from archive_desk.commands.common import add_db_arg, h, open_db, print_json, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    loans = sub.add_parser("loans", help=h("lending: overdue loans"), description=h("lending: overdue loans"))
    loans_sub = loans.add_subparsers(dest="loans_command", metavar="COMMAND")
    loans_sub.required = True
    overdue = loans_sub.add_parser("overdue", help=h("list overdue loans"), description=h("list overdue loans"))
    add_db_arg(overdue)
    overdue.add_argument("--json", action="store_true", help=h("print JSON"))
    overdue.add_argument("--today", type=date.fromisoformat, default=None, help=h("count as if today were this date (YYYY-MM-DD)"))
    overdue.set_defaults(func=run_overdue)
    close = loans_sub.add_parser("close-day", help=h("close the consultations left open before a day and list them"),
                                 description=h("close the consultations left open before a day and list them"))
    add_db_arg(close)
    close.add_argument("--day", type=date.fromisoformat, default=None,
                       help=h("close those begun before this day (YYYY-MM-DD; default today)"))
    close.add_argument("--json", action="store_true", help=h("print JSON"))
    close.set_defaults(func=run_close_day)


def run_close_day(args: argparse.Namespace) -> int:
    from archive_desk.services import audit, loans

    db = open_db(getattr(args, "db", None))
    try:
        with db.write() as session:
            closed = loans.close_open_consultations(session, audit.Actor.current(), args.day)
    finally:
        db.dispose()
    if args.json:
        print_json({"closed": [{"slip_no": c.slip_no, "code": c.code, "borrower": c.borrower,
                                "lent_at": c.lent_at.isoformat(sep=" ", timespec="minutes"),
                                "closed_at": c.closed_at.isoformat(sep=" ")} for c in closed]})
        return 0
    for c in closed:
        print("\t".join((c.slip_no, c.code, c.borrower, c.lent_at.isoformat(sep=" ", timespec="minutes"))))
    print(t("{n} consultation(s) left open were closed", n=len(closed)), file=sys.stderr)
    return 0


def run_overdue(args: argparse.Namespace) -> int:
    from archive_desk.services import loans, masking

    db = open_db(getattr(args, "db", None))
    who = viewer(args)
    try:  # titles above the account's clearance and phones without the personal-data right masked; phones shown logged
        with masking.document_session(db, who) as session:
            rows = loans.overdue_loans(session, args.today, who, log_as="cli")
    finally:
        db.dispose()
    if args.json:
        print_json([
            {"slip_no": r.slip_no, "days_overdue": r.days_overdue, "due_date": r.due_date.isoformat(),
             "lent_at": r.lent_at.isoformat(sep=" ", timespec="minutes"), "borrower": r.name, "unit": r.unit, "phone": r.phone,
             "kind": r.kind, "renewals": r.renewals, "volumes": [{"code": c, "title": title} for c, title in r.volumes]}
            for r in rows
        ])
        return 0
    if not rows:
        print(t("No loan is overdue."))
        return 0
    head = (t("Days overdue"), t("Slip no."), t("Due back"), t("Borrower"), t("Unit / department"), t("Contact"), t("Volumes"))
    print("\t".join(head))
    for r in rows:
        print("\t".join((str(r.days_overdue), r.slip_no, r.due_date.isoformat(), r.name, r.unit, r.phone,
                         "、".join(code for code, _title in r.volumes))))
    print(t("{n} overdue loan(s)", n=len(rows)), file=sys.stderr)
    return 0
