#!/usr/bin/env bash
# Build the installer folder with PyInstaller (build_installer.spec) and self-test both executables offscreen,
# as a user's PC would run them: no Python on PATH, a fresh home, no settings. Prints the size and the times.
#   bash tools/ci_installer.sh [PYTHON]     PYTHON: a Python with the package's dependencies (default python3)
# Fails if the folder is over 350 MB or a self-test fails. Leaves the folder in build/installer/dist/ArchiveDesk.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-python3}"
OUT="${ARCHIVE_DESK_BUILD_DIR:-build/installer}"
LIMIT_MB=350

"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q "pyinstaller>=6.10"  # the build extra
started=$(date +%s)
PYTHONPATH="$PWD/src" "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT/dist" --workpath "$OUT/work" \
  build_installer.spec
built=$(date +%s)
folder="$OUT/dist/ArchiveDesk"
size_mb=$(du -sm "$folder" | cut -f1)
echo "installer: built in $((built - started)) s; $folder is $size_mb MB (limit $LIMIT_MB MB)"
if [ "$size_mb" -gt "$LIMIT_MB" ]; then echo "installer: the folder is over $LIMIT_MB MB" >&2; exit 1; fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/empty-path"
status=0
for exe in ArchiveDesk archive-desk; do
  t0=$(date +%s)
  # no Python on PATH, nothing of this machine's settings: only what the folder ships
  if env -i HOME="$scratch/home" PATH="$scratch/empty-path" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
       XDG_RUNTIME_DIR="$scratch/home" "$folder/$exe" --self-test; then
    echo "installer: $exe --self-test passed in $(( $(date +%s) - t0 )) s"
  else
    echo "installer: $exe --self-test FAILED" >&2
    status=1
  fi
done
exit $status
