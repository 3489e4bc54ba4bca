"""CLI output is UTF-8 whatever the console's code page: a Chinese Windows console is cp936 (GBK), which has no
䶮 (U+4DAE, a name character); before, ``search --json`` ended in a UnicodeEncodeError traceback there."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_json_with_a_rare_name_character_survives_a_cp936_console(db_target: str, make_volume, db) -> None:  # noqa: ANN001
    make_volume(title="刘䶮机动车辆保险理赔案卷")
    db.dispose()
    env = {**os.environ, "PYTHONIOENCODING": "cp936", "LANG": "zh_CN.GBK"}
    out = subprocess.run([sys.executable, "-m", "archive_desk", "search", "--db", db_target, "--json", "理赔"],
                         capture_output=True, env=env, check=False, timeout=120)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")[-2000:]
    hits = json.loads(out.stdout.decode("utf-8"))["hits"]
    assert [hit["title"] for hit in hits] == ["刘䶮机动车辆保险理赔案卷"]
