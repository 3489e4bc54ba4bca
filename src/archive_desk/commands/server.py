"""``server init URL`` and ``server copy SOURCE TARGET``: the room's PostgreSQL server (services/server.py).

    archive-desk server init postgresql://postgres@srv:5432/archive --login wangfang --login lina
    archive-desk server copy 档案.sqlite postgresql://postgres@srv:5432/archive
    archive-desk server copy postgresql://postgres@srv:5432/archive 副本.sqlite

Exit codes (the README's table): 0 done and verified; 1 copied but the verification found differences;
2 refused or failed (nothing changed).
"""

from __future__ import annotations

import argparse
import sys
import time

from archive_desk.commands.common import db_target, h
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser("server", help=h("set up the room's PostgreSQL server and copy catalogues to and from it"),
                            description=h("set up the room's PostgreSQL server and copy catalogues to and from it"))
    inner = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = inner.add_parser("init", help=h("create the catalogue, its roles and its standard data on the server"),
                            description=h("create the catalogue, its roles and its standard data on the server"))
    init.add_argument("url", type=db_target, help=h("the server database, as a superuser: postgresql://postgres@host:5432/archive"))
    init.add_argument("--login", action="append", default=[], metavar="NAME",
                      help=h("also create a login role for a person, member of the application role (repeatable)"))
    init.set_defaults(func=run_init)
    cp = inner.add_parser("copy", help=h("copy a whole catalogue between a file and the server, then verify it"),
                          description=h("copy a whole catalogue between a file and the server, then verify it"))
    cp.add_argument("source", type=db_target, help=h("catalogue file or server URL to copy from"))
    cp.add_argument("target", type=db_target, help=h("new catalogue file, or a server database set up by server init"))
    cp.set_defaults(func=run_copy)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run_init(args: argparse.Namespace) -> int:
    from archive_desk.services import server

    if not isinstance(args.url, str):
        print(t("server init takes the server's URL, e.g. postgresql://postgres@host:5432/archive"), file=sys.stderr)
        return 2
    report = server.init(args.url, logins=args.login, progress=_say)
    if report.already_initialised:
        print(t("{url}: already set up; now at schema {revision}", url=report.url, revision=report.revision))
    else:
        print(t("{url}: catalogue set up at schema {revision}", url=report.url, revision=report.revision))
    if report.created_roles:
        print(t("Roles created: {roles}", roles=", ".join(report.created_roles)))
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from archive_desk.services import server

    started = time.monotonic()
    report = server.copy(args.source, args.target, progress=_say)
    seconds = time.monotonic() - started
    total = sum(report.counts.values())
    for line in report.problems:
        print(line, file=sys.stderr)
    if not report.ok:
        print(t("{target}: copied, but the verification found {count} problem(s)", target=report.target,
                count=len(report.problems)), file=sys.stderr)
        return 1
    print(t("{target}: {rows} rows in {tables} tables copied from {source} and verified (counts, digests, audit chain);"
            " {seconds:.1f} s", target=report.target, rows=total, tables=len(report.counts), source=report.source,
            seconds=seconds))
    return 0
