"""The lint and type checks the code is kept clean against (configured in pyproject.toml): ruff over src and
tests, mypy over the Qt-free packages, and no service function that says it returns ``Any``."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "src" / "archive_desk" / "services"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e .[test])")
    return found


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([_tool("ruff"), "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_finds_nothing_in_the_qt_free_packages() -> None:
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_no_service_function_returns_any() -> None:
    """A service hands the window a typed record, not ``Any`` (which would need ``type: ignore`` in ui/)."""
    returns_any = []
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # the module's functions and its classes' methods (a decorator's inner wrapper passes its function's
        # result through, whatever it is)
        public = [*tree.body, *(n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body)]
        for node in public:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.returns is not None:
                text = ast.unparse(node.returns)
                if text in ("Any", "typing.Any") or text.startswith("Any |") or text.endswith("| Any"):
                    returns_any.append(f"{path.relative_to(SERVICES).as_posix()}:{node.lineno} {node.name}")
    assert returns_any == []
