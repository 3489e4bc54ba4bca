"""Demo label extras: the names of the demo's 机构 codes (``org_names``), so the 归档章 prints 办公室, not BGS."""

from __future__ import annotations

import random
import sqlite3

from archive_desk.services import demo, room_settings
from archive_desk.services.audit import Actor


def build(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor, progress: object) -> None:  # noqa: ARG001
    conn.executemany("INSERT OR REPLACE INTO catalogue_settings (key, value) VALUES (?, ?)",
                     room_settings.encode_rows(org_names=dict(demo.ORGS)))


if build not in demo.EXTENSIONS:
    demo.EXTENSIONS.append(build)
