"""Set up and run ArchiveDesk, or set up and run its tests: one command each, on Windows or Linux.

    python3 tools/dev.py run  [-- ARGS for archive-desk]   # e.g. -- --db demo.sqlite, or -- demo --out demo.sqlite
    python3 tools/dev.py test [-- ARGS for pytest]

Both create ``.venv`` (with Python >= 3.12, found automatically if this interpreter is older), install the
package (``run``) or the package with its test extra (``test``), then start the app or pytest.
A test run that collects no tests fails (pytest exit code 5 is turned into 1).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
MIN = (3, 12)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def find_newer_python() -> str | None:
    """A Python >= 3.12 other than this one: python3.13/3.12 on PATH, the Windows launcher, or pyenv."""
    candidates: list[list[str]] = [["python3.12"], ["python3.13"], ["python3.14"]]
    if os.name == "nt":
        candidates += [["py", "-3.12"], ["py", "-3.13"], ["py", "-3.14"]]
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    for path in sorted(glob.glob(os.path.join(pyenv_root, "versions", "3.1[2-9]*", "bin", "python3"))):
        candidates.append([path])
    for cmd in candidates:
        exe = shutil.which(cmd[0]) or (cmd[0] if os.path.exists(cmd[0]) else None)
        if not exe:
            continue
        try:
            out = subprocess.run([exe, *cmd[1:], "-c", "import sys; print(sys.version_info >= (3, 12))"],
                                 capture_output=True, text=True, timeout=30, check=False)
        except OSError:
            continue
        if out.stdout.strip() == "True":
            return subprocess.run([exe, *cmd[1:], "-c", "import sys; print(sys.executable)"],
                                  capture_output=True, text=True, check=True).stdout.strip()
    return None


def ensure_venv() -> Path:
    py = venv_python()
    if py.exists():
        ok = subprocess.run([str(py), "-c", "import sys; raise SystemExit(sys.version_info < (3, 12))"], check=False)
        if ok.returncode == 0:
            return py
        shutil.rmtree(VENV)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=False)
    return py


def install(py: Path, extra: str) -> None:
    target = f".[{extra}]" if extra else "."
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    if sys.version_info < MIN:
        newer = find_newer_python()
        if newer is None:
            print("ArchiveDesk needs Python 3.12 or newer; please install it (https://www.python.org/downloads/).", file=sys.stderr)
            return 2
        return subprocess.run([newer, __file__, *argv], check=False).returncode
    command, rest = argv[0], argv[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    py = ensure_venv()
    if command == "run":
        install(py, "")
        return subprocess.run([str(py), "-m", "archive_desk", *rest], cwd=ROOT, check=False).returncode
    install(py, "test")
    code = subprocess.run([str(py), "-m", "pytest", *rest], cwd=ROOT, check=False).returncode
    return 1 if code == 5 else code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
