"""Set up and run ArchiveDesk, or set up and run its tests: one command each, on Windows or Linux.

    python3 tools/dev.py run  [-- ARGS for archive-desk]   # e.g. -- --db demo.sqlite, or -- demo --out demo.sqlite
    python3 tools/dev.py test [-- ARGS for pytest]
    python3 tools/dev.py test --python 3.13 [-- ARGS]      # the same under a chosen Python (a version or a path)
    python3 tools/dev.py pythons                           # every Python >= 3.12 found here, one per line

Both create ``.venv`` (with Python >= 3.12, found automatically if this interpreter is older), install the
package (``run``) or the package with its test extra (``test``), then start the app or pytest.
With ``--python X`` (or the environment variable ``ARCHIVE_DESK_PYTHON=X``) the Python is X, in a venv of
its own: ``.venv-3.13`` for Python 3.13. X is a version (``3.13``) found on PATH (``python3.13``), through
the Windows launcher (``py -3.13``) or pyenv, or the path of an interpreter. ``.ci/run`` runs the tests
under every Python ``pythons`` lists.
A test run that collects no tests fails (pytest exit code 5 is turned into 1).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
MIN = (3, 12)
_PROBE = "import sys; print('%d.%d' % sys.version_info[:2], sys.executable)"


def venv_python(venv: Path = VENV) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _probe(cmd: list[str]) -> tuple[tuple[int, int], str] | None:
    """(version, sys.executable) of the interpreter ``cmd`` starts, or None if it does not run (a pyenv shim
    of a version that is not active, say)."""
    exe = shutil.which(cmd[0]) or (cmd[0] if os.path.exists(cmd[0]) else None)
    if not exe:
        return None
    try:
        out = subprocess.run([exe, *cmd[1:], "-c", _PROBE], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.stdout.strip().split(" ", 1)
    if out.returncode != 0 or len(parts) != 2 or not re.fullmatch(r"\d+\.\d+", parts[0]):
        return None
    major, minor = (int(p) for p in parts[0].split("."))
    return (major, minor), parts[1]


def _candidates(version: str | None = None) -> list[list[str]]:
    """Commands that may start a Python (of ``version`` if given), most preferred first."""
    versions = [version] if version else [f"3.{minor}" for minor in range(12, 20)]
    cands: list[list[str]] = [[f"python{v}"] for v in versions]
    if os.name == "nt":
        cands += [["py", f"-{v}"] for v in versions]
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    for v in versions:
        for path in sorted(glob.glob(os.path.join(pyenv_root, "versions", f"{v}*", "bin", "python3")), reverse=True):
            cands.append([path])
    if not version:
        cands += [["python3"], ["python"]]
    return cands


def find_pythons() -> dict[tuple[int, int], str]:
    """Every Python >= 3.12 found, one interpreter per minor version."""
    found: dict[tuple[int, int], str] = {}
    for cmd in _candidates():
        got = _probe(cmd)
        if got and got[0] >= MIN and got[0] not in found:
            found[got[0]] = got[1]
    return dict(sorted(found.items()))


def find_newer_python() -> str | None:
    """A Python >= 3.12 other than this one: python3.12/3.13 on PATH, the Windows launcher, or pyenv."""
    pythons = find_pythons()
    return next(iter(pythons.values()), None)


def resolve_python(wanted: str) -> tuple[tuple[int, int], str] | None:
    """``wanted`` is a version such as ``3.13`` or the path/name of an interpreter."""
    if re.fullmatch(r"\d+\.\d+", wanted):
        for cmd in _candidates(wanted):
            got = _probe(cmd)
            if got and "%d.%d" % got[0] == wanted:
                return got
        return None
    return _probe([wanted])


def ensure_venv(python: str | None = None, venv: Path = VENV) -> Path:
    """The venv's interpreter, (re)made with ``python`` (default: this interpreter) if missing or of another version."""
    python = python or sys.executable
    want = _probe([python])
    py = venv_python(venv)
    if py.exists():
        have = _probe([str(py)])
        if have and have[0] >= MIN and (want is None or have[0] == want[0]):
            return py
        shutil.rmtree(venv)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=False)
    return py


def install(py: Path, extra: str) -> None:
    target = f".[{extra}]" if extra else "."
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)


def _split(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--python X`` / ``--python=X`` before ``--``; the rest for the app or pytest."""
    wanted = os.environ.get("ARCHIVE_DESK_PYTHON") or None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i + 1:]
            break
        if arg == "--python" and i + 1 < len(argv):
            wanted, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--python="):
            wanted, i = arg.split("=", 1)[1], i + 1
            continue
        rest.append(arg)
        i += 1
    return wanted, rest


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "pythons"):
        print(__doc__)
        return 2
    if argv[0] == "pythons":
        pythons = find_pythons()
        for exe in pythons.values():
            print(exe)
        return 0 if pythons else 1
    command = argv[0]
    wanted, rest = _split(argv[1:])
    if wanted:
        got = resolve_python(wanted)
        if got is None:
            print(f"Python {wanted} was not found (tried python{wanted}, the py launcher and pyenv).", file=sys.stderr)
            return 2
        if got[0] < MIN:
            print(f"ArchiveDesk needs Python 3.12 or newer; {wanted} is {got[0][0]}.{got[0][1]}.", file=sys.stderr)
            return 2
        py = ensure_venv(got[1], ROOT / ".venv-{}.{}".format(*got[0]))
    else:
        if sys.version_info < MIN:
            newer = find_newer_python()
            if newer is None:
                print("ArchiveDesk needs Python 3.12 or newer; please install it (https://www.python.org/downloads/).",
                      file=sys.stderr)
                return 2
            return subprocess.run([newer, __file__, *argv], check=False).returncode
        py = ensure_venv()
    print(f"{command} with {py}", file=sys.stderr, flush=True)
    if command == "run":
        install(py, "")
        # the developer's run opens the embedded default catalogue without the first-start question
        # (ARCHIVE_DESK_FIRST_START=1 shows it)
        env = {**os.environ, "ARCHIVE_DESK_FIRST_START": os.environ.get("ARCHIVE_DESK_FIRST_START", "0")}
        return subprocess.run([str(py), "-m", "archive_desk", *rest], cwd=ROOT, check=False, env=env).returncode
    install(py, "test")
    code = subprocess.run([str(py), "-m", "pytest", *rest], cwd=ROOT, check=False).returncode
    return 1 if code == 5 else code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
