"""``check``: the catalogue file, its audit trail, its seals and this workstation's anchor (services/integrity.py);
and the room key: ``--import-key``, ``--recovery-sheet``, ``--reseal``.

Exit codes: 0 OK; 1 problems found; 2 could not check.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
import time
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, resolve_db
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser("check", help=h("check the catalogue file and its audit trail"),
                           description=h("check the catalogue file and its audit trail"))
    add_db_arg(check)
    check.add_argument("--head", default=None, metavar="ID:HASH",
                       help=h("also compare with the trail's head written down elsewhere (backup register, manifest)"))
    check.add_argument("--import-key", default=None, metavar="KEY",
                       help=h("enter the room key of this catalogue from its recovery sheet"))
    check.add_argument("--recovery-sheet", type=Path, default=None, metavar="PDF",
                       help=h("print the room key recovery sheet of this catalogue to a PDF"))
    check.add_argument("--reseal", action="store_true",
                       help=h("accept the catalogue as it is now and seal it again (after the findings are understood)"))
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    path = resolve_db(getattr(args, "db", None))
    if isinstance(path, str) and (getattr(args, "import_key", None) or getattr(args, "recovery_sheet", None)
                                  or getattr(args, "reseal", False)):
        print(t("The room key and the seals belong to a catalogue file; on the room's server the audit trail is kept "
                "append-only by the server's grants and triggers, so there is no key to enter and nothing to reseal."),
              file=sys.stderr)
        return 2
    if getattr(args, "import_key", None):
        return _import_key(path, args.import_key)
    if getattr(args, "recovery_sheet", None):
        return _recovery_sheet(path, args.recovery_sheet)
    if getattr(args, "reseal", False):
        return _reseal(path)
    return _check(path, getattr(args, "head", None))


def _check(path: Path | str, head: str | None) -> int:
    from archive_desk.services.integrity import check_catalogue

    expect = None
    if head:
        entry, _, digest = head.partition(":")
        if not entry.strip().isdigit() or len(digest.strip()) != 64:
            print(t("--head takes ENTRY:HASH, e.g. 1234:3fa9… (64 hexadecimal digits)"), file=sys.stderr)
            return 2
        expect = (int(entry), digest.strip().lower())
    started = time.monotonic()
    if isinstance(path, str):  # the room's server
        from archive_desk.services.integrity import check_server

        report = check_server(path, expect_head=expect)
    else:
        report = check_catalogue(path, expect_head=expect)
    seconds = time.monotonic() - started
    for line in report.notes:
        print(t("Note: {line}", line=line))
    for line in report.problems:
        print(line, file=sys.stderr)
    for line in report.could_not_check:
        print(line, file=sys.stderr)
    if report.problems:
        print(t("{path}: {count} problem(s) found", path=report.path, count=len(report.problems)), file=sys.stderr)
    elif report.could_not_check:
        print(t("{path}: could not be checked completely", path=report.path), file=sys.stderr)
    elif isinstance(path, str):
        print(t("{path}: OK (audit trail, its guard, the layers' counts and every table read back); {seconds:.1f} s",
                path=report.path, seconds=seconds))
    elif report.sealed:
        print(t("{path}: OK (file, audit trail, seals and anchor); {seconds:.1f} s", path=path, seconds=seconds))
    else:
        print(t("{path}: OK (file and audit trail; not sealed yet); {seconds:.1f} s", path=path, seconds=seconds))
    return report.exit_code


def _import_key(path: Path, text: str) -> int:
    from archive_desk.services import integrity

    if not path.exists():
        print(t("The catalogue file {path} does not exist", path=path), file=sys.stderr)
        return 2
    stored = integrity.import_room_key(path, text)  # a refusal is a UserError: exit 2, nothing done
    print(t("Room key stored for catalogue {id} in {path}", id=integrity.room_key_status(path).catalogue_id, path=stored))
    return 0


def _recovery_sheet(path: Path, out: Path) -> int:
    from archive_desk.services import integrity

    if not path.exists():
        print(t("The catalogue file {path} does not exist", path=path), file=sys.stderr)
        return 2
    integrity.write_recovery_sheet(path, out)
    print(t("Recovery sheet written to {path}", path=out))
    return 0


def _reseal(path: Path) -> int:
    """Accept the file as it is: seal every row and unsealed entry again, record that in the trail, and move
    this workstation's anchor to the new head (also backwards)."""
    from archive_desk.db import sealing
    from archive_desk.services import audit
    from archive_desk.services.setup import open_catalogue

    if not path.exists():
        print(t("The catalogue file {path} does not exist", path=path), file=sys.stderr)
        return 2
    open_catalogue(path).dispose()  # at the current schema
    from archive_desk.commands.common import cli_actor

    actor = cli_actor()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        from archive_desk.db import fts

        fts.register_functions(conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            cid = sealing.catalogue_id(conn)
            if cid is not None and sealing.load_key(cid) is None:
                conn.execute("ROLLBACK")
                print(t("This workstation does not hold the room key of this catalogue; enter it first with --import-key."),
                      file=sys.stderr)
                return 2
            prev_id, prev_hash = sealing.head(conn)
            at = audit.utcnow()
            after = audit.canonical_json({"previous_head": prev_id})
            digest = audit.entry_hash(prev_hash or audit.GENESIS, at, actor.trail_user, actor.workstation, "integrity.reseal",
                                      "catalogue", None, "", after)
            conn.execute("INSERT INTO audit_log (at, user, workstation, action, entity, entity_id, before, after, prev_hash, hash)"
                         " VALUES (?, ?, ?, 'integrity.reseal', 'catalogue', NULL, '', ?, ?, ?)",
                         (at.isoformat(sep=" "), actor.trail_user, actor.workstation, after, prev_hash or audit.GENESIS, digest))
            state = sealing.read_state(conn) if sealing.has_seal_tables(conn) else None
            cid = sealing.seal_all(conn, sealed_from=None if state is not None else prev_id)
            head_id, head_hash = sealing.head(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    sealing.accept_head(cid, head_id, head_hash, str(path.resolve()))
    print(t("{path}: sealed again at entry {id}", path=path, id=head_id))
    print(json.dumps({"catalogue_id": cid, "head_id": head_id, "head_hash": head_hash}))
    return 0
