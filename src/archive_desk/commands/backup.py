"""``backup``, ``backup verify``, ``backup list``, ``restore`` (issue #18).

Exit codes: 0 done; 1 done in part or problems found (a backup that failed verification, a verify or a
drill that found problems); 2 nothing done (no such file, a backup refused for restore, a storage error).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from archive_desk.commands.common import add_db_arg, db_target, h, print_json, resolve_db
from archive_desk.i18n import t

if TYPE_CHECKING:
    from archive_desk.services import backup


def register(sub: argparse._SubParsersAction) -> None:
    bk = sub.add_parser("backup", help=h("back the catalogue up (online), verify or list backups"),
                        description=h("back the catalogue up (online), verify or list backups"))
    add_db_arg(bk)
    bk.add_argument("--to", type=Path, default=None,
                    help=h("folder for the backup (default: the workstation's backup folder, else 'backups' beside the catalogue)"))
    bk.add_argument("--rotate", action="store_true", help=h("then apply the workstation's rotation to that folder"))
    bk.add_argument("--json", action="store_true", help=h("print the result as JSON"))
    bk.set_defaults(func=run_backup)
    actions = bk.add_subparsers(dest="backup_action", metavar="ACTION")

    verify = actions.add_parser("verify", help=h("verify a backup file"), description=h("verify a backup file"))
    verify.add_argument("file", type=Path, help=h("backup file (.sqlite)"))
    verify.add_argument("--json", action="store_true", help=h("print the result as JSON"))
    verify.set_defaults(func=run_verify)

    listing = actions.add_parser("list", help=h("list the backup register (备份登记)"),
                                 description=h("list the backup register (备份登记)"))
    add_db_arg(listing)
    listing.add_argument("--folder", type=Path, default=None,
                         help=h("list the backups found in this folder instead (from their manifests)"))
    listing.add_argument("--xlsx", type=Path, default=None, help=h("also export the register to this workbook"))
    listing.add_argument("--pdf", type=Path, default=None, help=h("also print the register to this PDF"))
    listing.add_argument("--json", action="store_true", help=h("print the result as JSON"))
    listing.set_defaults(func=run_list)

    rs = sub.add_parser("restore", help=h("restore a backup into a new or the current catalogue file"),
                        description=h("restore a backup into a new or the current catalogue file"))
    rs.add_argument("file", type=Path, help=h("backup file (.sqlite)"))
    rs.add_argument("--to", type=db_target, default=None,
                    help=h("catalogue file to restore into (an existing one is kept as a safety copy beside it), or an empty server database's URL"))
    rs.add_argument("--drill", action="store_true",
                    help=h("restore drill: restore into a scratch folder and compare, switch nothing"))
    rs.add_argument("--json", action="store_true", help=h("print the result as JSON"))
    rs.set_defaults(func=run_restore)


def _progress_printer() -> Callable[[int, int], None]:
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(t("{done} of {total}", done=done, total=total), file=sys.stderr)

    return progress


def _refuse_server(target: object) -> bool:
    """Backups are copies of a catalogue file; the room's server is refused, saying what to do instead."""
    from archive_desk.db.target import display, is_server_url

    if not is_server_url(target):
        return False
    print(t("{url} is the room's server: a restore drill runs on a catalogue file. Back the server up with "
            "archive-desk backup --db {url} --to FOLDER, then drill that backup.", url=display(str(target))), file=sys.stderr)
    return True


def _catalogue(args: argparse.Namespace) -> Path | str | None:
    """The catalogue ``--db`` names: a file that exists, or the room's server (backed up by a verified copy
    into a catalogue file, services/backup.py ServerCopy)."""
    from archive_desk.db.target import is_server_url

    path = resolve_db(getattr(args, "db", None))
    if is_server_url(path):
        return path
    if not path.exists():
        print(t("The catalogue file {path} does not exist", path=path), file=sys.stderr)
        return None
    return path


def run_backup(args: argparse.Namespace) -> int:
    from archive_desk.commands.common import cli_actor
    from archive_desk.services import backup
    from archive_desk.services.setup import open_catalogue
    from archive_desk.settings import Settings

    path = _catalogue(args)
    if path is None:
        return 2
    settings = Settings.load()
    if isinstance(path, str) and not (args.to or settings.backup_folder):
        print(t("Name the folder for the server's backups: archive-desk backup --db URL --to FOLDER"), file=sys.stderr)
        return 2
    folder = args.to or backup.default_folder(Path(path), settings.backup_folder)
    db = open_catalogue(path)
    try:
        m = backup.make_backup(db, folder, actor=cli_actor(), kind="cli", progress=_progress_printer())
        rotated = backup.rotate(db, folder, backup.Rotation.from_mapping(settings.backup_keep), actor=cli_actor()) if args.rotate and m.verified else None
    finally:
        db.dispose()
    if args.json:
        out = m.as_json() | {"path": str(m.path), "register_id": m.register_id}
        if rotated is not None:
            out["rotated_out"] = [str(p) for p in rotated.removed]
        print_json(out)
    if not m.verified:
        for line in m.problems:
            print(line, file=sys.stderr)
        print(t("BACKUP FAILED VERIFICATION: {path} is not a good backup; it was kept only for inspection.", path=m.path),
              file=sys.stderr)
        return 1
    if not args.json:
        print(t("Backup {path}: {size:.1f} MB, SHA-256 {sha}, verified", path=m.path, size=m.size_bytes / 1e6, sha=m.sha256))
        if rotated is not None and rotated.removed:
            print(t("Rotation: {count} older backup(s) removed", count=len(rotated.removed)))
    return 0


def _verify_json(v: backup.VerifyResult) -> dict:
    return {"path": str(v.path), "ok": v.ok, "problems": list(v.problems), "notes": list(v.notes), "size": v.size_bytes,
            "sha256": v.sha256, "chain_head": v.chain_head.as_json() if v.chain_head else None,
            "tables": {name: d.as_json() for name, d in v.tables.items()}}


def run_verify(args: argparse.Namespace) -> int:
    from archive_desk.services import backup

    if not args.file.is_file():
        print(t("The backup file {path} does not exist", path=str(args.file)), file=sys.stderr)
        return 2
    v = backup.verify_backup(args.file)
    if args.json:
        print_json(_verify_json(v))
    else:
        for line in v.notes:
            print(line, file=sys.stderr)
        for line in v.problems:
            print(line, file=sys.stderr)
    if not v.ok:
        print(t("{path}: {count} problem(s) found", path=v.path, count=len(v.problems)), file=sys.stderr)
        return 1
    if not args.json:
        print(t("{path}: OK (integrity, audit trail, {tables} tables counted and digested)", path=v.path, tables=len(v.tables)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from archive_desk.services import backup

    if args.folder is not None:
        found = backup.list_backups(args.folder)
        if args.json:
            print_json([m.as_json() | {"path": str(m.path)} for m in found])
        else:
            for m in found:
                state = t("verified") if m.verified else t("FAILED")
                print(f"{m.created_at:%Y-%m-%d %H:%M:%S}Z  {state:8}  {m.size_bytes / 1e6:8.1f} MB  {m.account}@{m.workstation}  {m.path}")
        return 0
    path = _catalogue(args)
    if path is None:
        return 2
    from archive_desk.services.setup import open_catalogue

    db = open_catalogue(path)
    try:
        rows = backup.register_rows(db)
        sheet = backup.register_sheet(rows, catalogue=path if isinstance(path, Path) else db.location)
    finally:
        db.dispose()
    if args.xlsx is not None:
        from archive_desk.exporting.backup_register import write_backup_register

        write_backup_register(sheet, args.xlsx)
    if args.pdf is not None:
        from archive_desk.printing.backup_register import render_backup_register

        render_backup_register(sheet, out=args.pdf)
    if args.json:
        print_json([{"id": r.id, "created_at": r.created_at.isoformat(), "kind": r.kind, "path": str(r.path),
                     "size": r.size_bytes, "sha256": r.sha256, "chain_head": {"id": r.chain_head_id, "hash": r.chain_head_hash},
                     "verified": r.verified, "problems": r.problems, "user": r.user, "workstation": r.workstation,
                     "removed_at": r.removed_at.isoformat() if r.removed_at else None, "state": backup.row_state(r)}
                    for r in rows])
    else:
        for r, line in zip(rows, sheet.rows, strict=True):
            print("  ".join(str(c) for c in line[:4]) + f"  {r.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from archive_desk.commands.common import cli_actor
    from archive_desk.db.target import is_server_url
    from archive_desk.services import backup

    if _refuse_server(resolve_db(getattr(args, "db", None)) if args.drill else None):
        return 2
    if not args.file.is_file():
        print(t("The backup file {path} does not exist", path=str(args.file)), file=sys.stderr)
        return 2
    if args.drill:
        live = None
        path = resolve_db(getattr(args, "db", None))
        if path.exists():
            from archive_desk.services.setup import open_catalogue

            live = open_catalogue(path)
        try:
            drilled = backup.drill(args.file, live=live, progress=_progress_printer())
        finally:
            if live is not None:
                live.dispose()
        if args.json:
            print_json({"backup": str(drilled.backup), "ok": drilled.ok, "problems": list(drilled.problems),
                        "tables": {n: d.as_json() for n, d in drilled.tables.items()},
                        "since_backup": {n: {"backup": a, "now": b} for n, (a, b) in drilled.since_backup.items()}})
        for line in drilled.problems:
            print(line, file=sys.stderr)
        if not drilled.ok:
            print(t("Restore drill of {path}: {count} problem(s) found", path=drilled.backup, count=len(drilled.problems)), file=sys.stderr)
            return 1
        if not args.json:
            print(t("Restore drill of {path}: restored to a scratch folder, {tables} tables equal to the backup; nothing was switched",
                    path=drilled.backup, tables=len(drilled.tables)))
        return 0
    if args.to is None:
        print(t("Say where to restore to: --to PATH (or --drill)"), file=sys.stderr)
        return 2
    to = args.to  # a file, or a server URL (commands.common.db_target)
    if is_server_url(to):  # into an empty database on the room's server (server init), never over a catalogue
        result = backup.restore_to_server(args.file, str(to), actor=cli_actor(), progress=_progress_printer())
    else:
        result = backup.restore(args.file, to, actor=cli_actor(), progress=_progress_printer())
    if args.json:
        print_json({"backup": str(result.backup), "target": str(result.target),
                    "safety_copy": str(result.safety_copy) if result.safety_copy else None,
                    "audit_entry_id": result.audit_entry_id,
                    "tables": {n: d.as_json() for n, d in result.tables.items()}})
    else:
        print(t("Restored {backup} to {target}; checked: {tables} tables equal to the backup", backup=result.backup,
                target=result.target, tables=len(result.tables)))
        if result.safety_copy is not None:
            print(t("The catalogue that was there is kept as {path}", path=result.safety_copy))
    return 0
