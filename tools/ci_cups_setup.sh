#!/usr/bin/env bash
# A real print queue for the printing tests: CUPS with the cups-pdf backend as printer "PDF",
# printing at 600 dpi like an office laser printer, without Ghostscript downsampling the page images
# (a real printer receives them at full resolution), writing into /var/spool/cups-pdf/out.
set -euo pipefail
conf=/etc/cups/cups-pdf.conf
[ -f "$conf" ] || exit 0
sed -i 's|^#\?Out .*|Out /var/spool/cups-pdf/out|' "$conf"
sed -i 's|^#\?GSCall .*|GSCall %s -q -dCompatibilityLevel=%s -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="%s" -dAutoRotatePages=/PageByPage -dAutoFilterColorImages=false -dColorImageFilter=/FlateEncode -dAutoFilterGrayImages=false -dGrayImageFilter=/FlateEncode -dDownsampleColorImages=false -dDownsampleGrayImages=false -dDownsampleMonoImages=false -c -f %s|' "$conf"
mkdir -p /var/spool/cups-pdf/out
chmod 1777 /var/spool/cups-pdf/out
# `lpstat -r` exits 0 whether or not the scheduler runs; only its words tell.
running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
  (cupsd || /usr/sbin/cupsd) >/dev/null 2>&1 || true
  for _ in $(seq 1 40); do running && break; sleep 0.5; done
fi
running || { echo "CUPS scheduler did not start" >&2; exit 1; }
ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null || true)
if ! lpstat -p PDF >/dev/null 2>&1; then
  lpadmin -p PDF -v cups-pdf:/ -E ${ppd:+-P "$ppd"} >/dev/null 2>&1
fi
lpadmin -p PDF -o Resolution=600dpi >/dev/null 2>&1 || true
cupsenable PDF >/dev/null 2>&1 || true
cupsaccept PDF >/dev/null 2>&1 || true
lpstat -p PDF
