"""List the ``t("...")`` message ids in the code that have no Chinese entry yet.

    python tools/messages.py            # missing ids, by file
    python tools/messages.py --json     # a JSON skeleton of the missing ids to fill in

The same scan runs in tests/unit/test_i18n.py.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "archive_desk"
CATALOGUES = SRC / "resources" / "i18n" / "messages"
FUNCS = {"t", "both", "h"}


def message_ids() -> dict[str, list[str]]:
    """msgid -> files using it (only literal first arguments of t()/both()/h())."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCS and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, []).append(str(path.relative_to(SRC)))
    return found


def catalogue() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(CATALOGUES.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def missing() -> dict[str, list[str]]:
    have = catalogue()
    return {m: files for m, files in message_ids().items() if m not in have}


if __name__ == "__main__":
    gaps = missing()
    if "--json" in sys.argv:
        json.dump({m: "" for m in gaps}, sys.stdout, ensure_ascii=False, indent=2)
    else:
        for m, files in sorted(gaps.items(), key=lambda kv: kv[1][0]):
            print(f"{files[0]}: {m}")
    sys.exit(1 if gaps else 0)
