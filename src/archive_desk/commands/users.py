"""``users``: the catalogue's accounts (services/accounts.py), each action only for its role.

    archive-desk users list                                  # admin, secadmin
    archive-desk users add wang --role archivist             # admin; the first admin of a catalogue: anyone
    archive-desk users deactivate wang                       # admin
    archive-desk users reset-password wang                   # admin: wang must change it at the next login
    archive-desk users set-role wang desk                    # secadmin
    archive-desk users set-clearance wang 秘密                # secadmin
    archive-desk users passwd --user wang                    # anyone: their own password

New passwords are asked for twice, or taken from ARCHIVE_DESK_NEW_PASSWORD.
"""

from __future__ import annotations

import argparse
import getpass
import os
import platform
import sys

from archive_desk.commands.common import add_db_arg, cli_actor, h, open_db, print_json
from archive_desk.errors import UserError
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    from archive_desk.services import permissions

    users = sub.add_parser("users", help=h("the catalogue's accounts: list, add, deactivate, reset passwords, roles, clearances"),
                           description=h("the catalogue's accounts: list, add, deactivate, reset passwords, roles, clearances"))
    add_db_arg(users)
    inner = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help=h("list the accounts"), description=h("list the accounts"))
    add_db_arg(listing)
    listing.add_argument("--json", action="store_true", help=h("print the accounts as JSON"))
    listing.set_defaults(func=run_list, permission=permissions.ACCOUNTS_LIST)

    add = inner.add_parser("add", help=h("add an account (the first one is the system administrator)"),
                           description=h("add an account (the first one is the system administrator)"))
    add_db_arg(add)
    add.add_argument("username", help=h("user name"))
    add.add_argument("--role", choices=permissions.ROLES, default=permissions.READER, help=h("the account's role"))
    add.add_argument("--name", default="", help=h("the person's name"))
    add.add_argument("--clearance", default="公开", help=h("the highest 密级 the account may read"))
    add.set_defaults(func=run_add, permission="accounts.add")

    deactivate = inner.add_parser("deactivate", help=h("deactivate an account"), description=h("deactivate an account"))
    add_db_arg(deactivate)
    deactivate.add_argument("username", help=h("user name"))
    deactivate.set_defaults(func=run_deactivate, permission="accounts.deactivate")

    reset = inner.add_parser("reset-password", help=h("set a new password the user must change at the next login"),
                             description=h("set a new password the user must change at the next login"))
    add_db_arg(reset)
    reset.add_argument("username", help=h("user name"))
    reset.set_defaults(func=run_reset, permission="accounts.reset_password")

    role = inner.add_parser("set-role", help=h("give an account its role"), description=h("give an account its role"))
    add_db_arg(role)
    role.add_argument("username", help=h("user name"))
    role.add_argument("role", choices=permissions.ROLES, help=h("the new role"))
    role.set_defaults(func=run_set_role, permission="accounts.set_role")

    clearance = inner.add_parser("set-clearance", help=h("give an account its clearance (公开, 内部, 秘密, 机密)"),
                                 description=h("give an account its clearance (公开, 内部, 秘密, 机密)"))
    add_db_arg(clearance)
    clearance.add_argument("username", help=h("user name"))
    clearance.add_argument("clearance", help=h("公开, 内部, 秘密 or 机密"))
    clearance.set_defaults(func=run_set_clearance, permission="accounts.set_clearance")

    passwd = inner.add_parser("passwd", help=h("change your own password (--user NAME)"),
                              description=h("change your own password (--user NAME)"))
    add_db_arg(passwd)
    passwd.set_defaults(func=run_passwd, permission=None, no_login=True)


def _new_password() -> str:
    given = os.environ.get("ARCHIVE_DESK_NEW_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(t("No new password: type it at the prompt, or set ARCHIVE_DESK_NEW_PASSWORD. Nothing was done."))
    first = getpass.getpass(t("New password: "))
    if getpass.getpass(t("New password again: ")) != first:
        raise UserError(t("The two passwords differ. Nothing was done."))
    return first


def run_list(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts, permissions

    db = open_db(getattr(args, "db", None))
    try:
        with db.read() as s:
            found = accounts.list_accounts(s)
    finally:
        db.dispose()
    if args.json:
        print_json([{"username": a.username, "name": a.display_name, "role": a.role, "clearance": a.clearance,
                     "rights": sorted(a.rights), "active": a.active, "must_change": a.must_change,
                     "locked_until": a.locked_until, "last_login_at": a.last_login_at} for a in found])
        return 0
    if not found:
        print(t("This catalogue has no accounts: anyone at a workstation may work, recorded under the workstation's clerk name."))
    for a in found:
        state = t("active") if a.active else t("deactivated")
        print(f"{a.username}\t{permissions.role_name(a.role)}\t{a.clearance}\t{','.join(sorted(a.rights))}\t{state}")
    return 0


def _write(args: argparse.Namespace, work) -> object:  # noqa: ANN001
    db = open_db(getattr(args, "db", None))
    try:
        with db.write() as s:
            return work(s, cli_actor())
    finally:
        db.dispose()


def run_add(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    password = _new_password()

    def work(s, actor):  # noqa: ANN001, ANN202
        if not accounts.has_accounts(s):
            if args.role != "admin":
                raise UserError(t("The first account of a catalogue is its system administrator: add it with --role admin."))
            return accounts.create_first_admin(s, actor, args.username, password, args.name)
        return accounts.add_account(s, actor, args.username, password, args.role, display_name=args.name,
                                    clearance=args.clearance)

    made = _write(args, work)
    print(t("Account {username} added ({role}).", username=made.username, role=made.role))
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    _write(args, lambda s, actor: accounts.deactivate(s, actor, args.username))
    print(t("Account {username} deactivated.", username=args.username))
    return 0


def run_reset(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    password = _new_password()
    _write(args, lambda s, actor: accounts.reset_password(s, actor, args.username, password))
    print(t("Password of {username} reset; it must be changed at the next login.", username=args.username))
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    _write(args, lambda s, actor: accounts.set_role(s, actor, args.username, args.role))
    print(t("{username} now has the role {role}.", username=args.username, role=args.role))
    return 0


def run_set_clearance(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    _write(args, lambda s, actor: accounts.set_clearance(s, actor, args.username, args.clearance))
    print(t("{username} now has the clearance {clearance}.", username=args.username, clearance=args.clearance))
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from archive_desk.services import accounts

    name = (args.user or os.environ.get("ARCHIVE_DESK_USER", "")).strip()
    if not name:
        raise UserError(t("Say whose password: --user NAME (or ARCHIVE_DESK_USER)."))
    old = os.environ.get("ARCHIVE_DESK_PASSWORD")
    if old is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise UserError(t("No password: type it at the prompt, or set ARCHIVE_DESK_PASSWORD. Nothing was done."))
        old = getpass.getpass(t("Password for {user}: ", user=name))
    new = _new_password()
    db = open_db(getattr(args, "db", None))
    try:
        accounts.change_password(db, name, old, new, platform.node() or "unknown")
    finally:
        db.dispose()
    print(t("Password changed."))
    return 0
