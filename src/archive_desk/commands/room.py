"""``clerk``: this workstation's clerk name; ``room``: the room's name, its organisation and the language of its forms.

    archive-desk clerk 王芳                        # printed as 立卷人 / 经办人 on forms and slips
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

    r = sub.add_parser("room", help=h("show or set the room's name, its organisation and the language of its forms"),
                       description=h("show or set the room's name, its organisation and the language of its forms"))
    add_db_arg(r)
    r.add_argument("--name", default=None, help=h("the room's name (档案室)"))
    r.add_argument("--org", default=None, help=h("the organisation's name (单位名称)"))
    r.add_argument("--form-language", choices=("zh_CN", "en"), default=None,
                   help=h("the language official forms print in (default zh_CN)"))
    r.set_defaults(func=run_room)


def run_clerk(args: argparse.Namespace) -> int:
    from archive_desk.settings import Settings

    settings = Settings.load()
    if args.name is not None:
        settings.clerk_name = args.name.strip()
        settings.save()
    print(settings.clerk_name or t("No clerk name is set on this workstation."))
    return 0


def run_room(args: argparse.Namespace) -> int:
    from archive_desk.services import setup
    from archive_desk.services.audit import Actor

    db = open_db(getattr(args, "db", None))
    try:
        changes = {key: value for key, value in ((setup.ROOM_NAME, args.name), (setup.ORG_NAME, args.org),
                                                 (setup.FORM_LANGUAGE, args.form_language)) if value is not None}
        if changes:
            with db.write() as session:
                for key, value in changes.items():
                    setup.set_setting(session, Actor.current(), key, value.strip())
        with db.read() as session:
            print(t("Room: {name}", name=setup.get_setting(session, setup.ROOM_NAME) or ""))
            print(t("Organisation: {org}", org=setup.get_setting(session, setup.ORG_NAME) or ""))
            print(t("Forms print in: {language}", language=setup.form_language(session)))
        return 0
    finally:
        db.dispose()
