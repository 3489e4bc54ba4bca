"""``demo`` (``check`` is in commands/check.py)."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

from archive_desk import atomic
from archive_desk.commands.common import h
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help=h("build a demo catalogue"), description=h("build a demo catalogue"))
    demo.add_argument("--out", type=Path, required=True, help=h("file to write"))
    demo.add_argument("--volumes", type=int, default=1000, help=h("number of volumes"))
    demo.add_argument("--force", action="store_true",
                      help=h("replace the file if it exists (refused while a program has it open)"))
    demo.add_argument("--seed", type=int, default=1, help=h("random seed (the same seed builds the same catalogue)"))
    demo.set_defaults(func=run_demo)



def run_demo(args: argparse.Namespace) -> int:
    from archive_desk.services.demo import build_demo

    if args.volumes < 1:
        print(t("The number of volumes must be at least 1"), file=sys.stderr)
        return 2
    out: Path = args.out
    if out.exists() or out.is_symlink():
        if not args.force:
            print(t("{path} already exists; nothing was written. Choose another file, or add --force to replace it.", path=out),
                  file=sys.stderr)
            return 2
        if not out.is_file():
            print(t("{path} is not a file; nothing was written.", path=out), file=sys.stderr)
            return 2
        if file_in_use(out):
            print(t("{path} is open in another program (ArchiveDesk on this or another workstation?); nothing was written."
                    " Close it there first.", path=out), file=sys.stderr)
            return 2
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 2 or done == total:
            last[0] = now
            if total == args.volumes:
                print(t("{done} of {total} volumes", done=done, total=total), file=sys.stderr)
            else:  # the search index counts volumes and items together
                print(t("search index: {done} of {total} volumes and items", done=done, total=total), file=sys.stderr)

    # built under a name of its own beside the target and moved into place only when complete; whatever
    # the build leaves behind on failure or Ctrl+C is removed, and the target is untouched until then
    staging = out.with_name(f".{out.name}.demo-{os.getpid()}.sqlite")
    try:
        report = build_demo(staging, args.volumes, seed=args.seed, progress=progress)
        if out.exists() and file_in_use(out):  # opened while we were building
            print(t("{path} is open in another program (ArchiveDesk on this or another workstation?); nothing was written."
                    " Close it there first.", path=out), file=sys.stderr)
            return 2
        for suffix in ("-wal", "-shm"):  # the old catalogue's, closed (checked just above)
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        atomic.replace(staging, out)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a folder that cannot be written …
        print(t("The demo catalogue could not be built; {path} was not changed: {error}", path=out, error=exc),
              file=sys.stderr)
        return 2
    finally:
        for left in (staging, staging.with_name(staging.name + ".building")):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{left}{suffix}").unlink(missing_ok=True)
    print(t("Demo catalogue {path}: {volumes} volumes, {items} items, {layers} layers on {racks} racks in {rooms} rooms; {seconds:.1f} s, {size:.1f} MB",
            path=out, volumes=report.volumes, items=report.items, layers=report.layers, racks=report.racks,
            rooms=report.rooms, seconds=report.seconds, size=report.size_bytes / 1e6))
    from archive_desk.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    print(t("Accounts (password {password} for each): {accounts}", password=DEMO_PASSWORD,
            accounts=", ".join(name for name, _role, _clearance in DEMO_ACCOUNTS)))
    return 0


def file_in_use(path: Path) -> bool:
    """True if another connection (this process or another) has the SQLite file at ``path`` open: it holds
    a lock, so an exclusive lock cannot be taken at once. A file that is not SQLite is not "in use"."""
    try:
        # read-write (never creating): a read-only connection cannot take the lock on a WAL file
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=rw", uri=True, timeout=0.2, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
