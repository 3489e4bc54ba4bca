#!/usr/bin/env bash
# A .deb of the frozen folder for the Linux desktops of Chinese offices (UOS, Kylin; Debian and Ubuntu alike):
#   bash tools/build_deb.sh [FOLDER] [OUT.deb]
# FOLDER: the PyInstaller folder (default build/installer/dist/ArchiveDesk, from tools/ci_installer.sh).
# Installs the folder as /opt/archive-desk, the commands /usr/bin/archive-desk (the CLI, and the window with no
# sub-command) and /usr/bin/ArchiveDesk, a desktop entry (with an "open the demo" action) and the icon.
set -euo pipefail
cd "$(dirname "$0")/.."
FOLDER="${1:-build/installer/dist/ArchiveDesk}"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/archive_desk/__init__.py)"
ARCH="$(dpkg --print-architecture)"
OUT="${2:-build/installer/archive-desk_${VERSION}_${ARCH}.deb}"
[ -x "$FOLDER/ArchiveDesk" ] || { echo "no frozen folder at $FOLDER (run tools/ci_installer.sh first)" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/archive-desk_${VERSION}_${ARCH}"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/archive-desk"
cp -a "$FOLDER" "$root/opt/archive-desk"
ln -s /opt/archive-desk/archive-desk "$root/usr/bin/archive-desk"
ln -s /opt/archive-desk/ArchiveDesk "$root/usr/bin/ArchiveDesk"
cp src/archive_desk/resources/icons/archive-desk.png "$root/usr/share/icons/hicolor/256x256/apps/archive-desk.png"
cp src/archive_desk/resources/fonts/wqy-microhei-LICENSE.txt "$root/usr/share/doc/archive-desk/"
cat > "$root/usr/share/applications/archive-desk.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=ArchiveDesk
Name[zh_CN]=档案室桌面管理
GenericName=Archive room catalogue
GenericName[zh_CN]=档案室管理
Comment=Catalogue, shelves, labels, lending and transfers of an archive room
Comment[zh_CN]=档案室的目录、库房、标签、借阅与移交
Exec=/opt/archive-desk/ArchiveDesk
Icon=archive-desk
Terminal=false
Categories=Office;Database;
StartupWMClass=ArchiveDesk
Actions=demo;

[Desktop Action demo]
Name=Open the demo catalogue
Name[zh_CN]=打开演示目录库
Exec=/opt/archive-desk/ArchiveDesk --open-demo
DESKTOP
installed_kb="$(du -sk "$root" | cut -f1)"
# the libraries the Qt xcb platform and fontconfig load from the system (PyInstaller bundles the rest)
cat > "$root/DEBIAN/control" <<CONTROL
Package: archive-desk
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: ArchiveDesk <archive-desk@localhost>
Installed-Size: ${installed_kb}
Depends: libc6, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-randr0, libxcb-xfixes0, libxcb-sync1, libxcb-xkb1, libegl1, libgl1, libdbus-1-3, libglib2.0-0
Section: misc
Priority: optional
Homepage: https://example.invalid/archive-desk
Description: ArchiveDesk 档案室桌面管理
 The catalogue, shelves, labels, lending, transfers and stocktaking of one archive room.
 Self-contained (its own Python and Qt). Check an installation with: archive-desk --self-test
CONTROL
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
POSTINST
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
mkdir -p "$(dirname "$OUT")"
dpkg-deb --build -Zxz --root-owner-group "$root" "$OUT" >/dev/null  # root-owned files without fakeroot
echo "$OUT: $(du -m "$OUT" | cut -f1) MB, $((installed_kb / 1024)) MB installed"
