"""Modules and functions stay small enough to read: no module in src/ over 1,000 lines, no function over 120."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "archive_desk"
MAX_MODULE_LINES = 1000
MAX_FUNCTION_LINES = 120

def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.relative_to(SRC).parts)


def test_no_module_is_over_1000_lines() -> None:
    too_long = {p.relative_to(SRC).as_posix(): n for p in _modules()
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert too_long == {}


def test_no_function_is_over_120_lines() -> None:
    too_long: dict[str, int] = {}
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if (n := node.end_lineno - start + 1) > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(SRC).as_posix()}:{node.name}"] = n
    assert too_long == {}
