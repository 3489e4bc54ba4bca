"""``clerk``: this workstation's clerk name; ``room``: the room's settings (services/room_settings.py).

    archive-desk clerk 王芳                        # printed as 立卷人 / 经办人 on forms and slips
    archive-desk room                              # every room setting: its name, key and value
    archive-desk room --set loan_period_days=30 --set loan_uses=查阅,外借
    archive-desk room --org 江南财产保险股份有限公司临川分公司 --name 档案室
    archive-desk room --form-language en           # print official forms in English (default: Chinese)
"""

from __future__ import annotations

import argparse

from archive_desk.commands.common import add_db_arg, h, open_db
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("clerk", help=h("show or set this workstation's clerk name, printed on forms and slips"),
                       description=h("show or set this workstation's clerk name, printed on forms and slips"))
    c.add_argument("name", nargs="?", default=None, help=h("the clerk's name; an empty string clears it"))
    c.set_defaults(func=run_clerk)

    r = sub.add_parser("room", help=h("show the room's settings, or set any of them by name"),
                       description=h("show the room's settings (loan period, approval rules, names on forms …), or set "
                                     "any of them by name: --set loan_period_days=30"))
    add_db_arg(r)
    r.add_argument("--set", dest="assignments", action="append", default=[], metavar="KEY=VALUE",
                   help=h("set one room setting (repeatable); lists take commas (查阅,外借), rules take JSON"))
    r.add_argument("--name", default=None, help=h("the room's name (档案室); the same as --set room_name=…"))
    r.add_argument("--org", default=None, help=h("the organisation's name (单位名称); the same as --set org_name=…"))
    r.add_argument("--form-language", default=None,
                   help=h("the language official forms print in: zh_CN (default) or en; the same as --set form_language=…"))
    r.set_defaults(func=run_room)


def run_clerk(args: argparse.Namespace) -> int:
    from archive_desk.settings import Settings

    settings = Settings.load()
    if args.name is not None:
        settings.clerk_name = args.name.strip()
        settings.save()
    print(settings.clerk_name or t("No clerk name is set on this workstation."))
    return 0


def _changes(args: argparse.Namespace) -> dict[str, object]:
    """--set KEY=VALUE and the shortcuts, as values for the room settings' writer (which checks them)."""
    from archive_desk.errors import UserError
    from archive_desk.services import room_settings

    changes: dict[str, object] = {}
    for key, value in (("room_name", args.name), ("org_name", args.org), ("form_language", args.form_language)):
        if value is not None:
            changes[key] = value
    for assignment in args.assignments:
        key, sep, text = assignment.partition("=")
        if not sep:
            raise UserError(t("--set takes KEY=VALUE, e.g. loan_period_days=30; {given} has no “=”.", given=assignment))
        key = key.strip()
        changes[key] = room_settings.from_text(key, text)
    return changes


def run_room(args: argparse.Namespace) -> int:
    from archive_desk.services import room_settings
    from archive_desk.commands.common import cli_actor

    db = open_db(getattr(args, "db", None))
    try:
        changes = _changes(args)
        if changes:
            with db.write() as session:
                room_settings.update(session, cli_actor(), **changes)
        current = room_settings.read(db).as_dict()
        for spec in room_settings.SPECS:
            print(t("{label} ({key}): {value}", label=spec.label(), key=spec.key,
                    value=room_settings.as_text(spec.key, current[spec.key])))
        return 0
    finally:
        db.dispose()
