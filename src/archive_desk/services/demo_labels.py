"""Demo label extras: the names of the demo's 机构 codes (``org_names``), so the 归档章 prints 办公室, not BGS."""

from __future__ import annotations

import json
import random
import sqlite3

from archive_desk.services import demo
from archive_desk.services.audit import Actor
from archive_desk.services.labels import ORG_NAMES_SETTING


def build(conn: sqlite3.Connection, rng: random.Random, n_volumes: int, actor: Actor, progress: object) -> None:  # noqa: ARG001
    conn.execute("INSERT OR REPLACE INTO catalogue_settings (key, value) VALUES (?, ?)",
                 (ORG_NAMES_SETTING, json.dumps(dict(demo.ORGS), ensure_ascii=False)))


if build not in demo.EXTENSIONS:
    demo.EXTENSIONS.append(build)
