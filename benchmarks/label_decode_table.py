"""Every shipped label template × the longest 档号 of every demo category: does it print, and does each
code decode at 300 and at 203 dpi? And how close does ink come to a label's edge on each stock?

    python benchmarks/label_decode_table.py [--volumes 400] [--scanners 2d|1d|both]

Seeds its own demo catalogue (``services.demo.build_demo``; 400 volumes hold every demo category, the
文书 boxes' 25-character codes included), takes the longest code of each category and the longest layer
codes for the shelf labels, prints each template on every shipped stock it fits, renders every page with
``pdftoppm`` at 300 and 203 dpi and reads each label's cell back with zxing-cpp (Code 128 and Data Matrix).

Table cells: ``C``/``D`` = printed as Code 128 / Data Matrix (``D*`` = a Code 128 template's Data
Matrix variant), then ✓/✗ for 300 and 203 dpi; ``refused`` = not printed (1D rooms, where no Data
Matrix is allowed). Edge figures: the smallest distance (mm) from any text or barcode ink to its label's
edge (from the layout), and, for sheets and rolls, the same measured on the 150-dpi raster (every dark
pixel). Frames of cut-out strips and stamps (box/line elements on plain paper) are cut lines and not counted.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import zxingcpp
from PIL import Image
from sqlalchemy import text

from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.printing.labels import render_labels_reporting
from archive_desk.printing.templates import applicable_stocks, list_stocks, list_templates
from archive_desk.services import labels
from archive_desk.services.demo import build_demo

FORMATS = (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.DataMatrix)
NAMES = {zxingcpp.BarcodeFormat.Code128: "code128", zxingcpp.BarcodeFormat.DataMatrix: "datamatrix"}


def rasterise(pdf: bytes, dpi: int, tmp: Path) -> list[Image.Image]:
    src = tmp / "in.pdf"
    src.write_bytes(pdf)
    for old in tmp.glob("p-*.pgm"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(src), str(tmp / "p")], check=True, capture_output=True)
    out = []
    for p in sorted(tmp.glob("p-*.pgm")):
        with Image.open(p) as im:
            out.append(im.copy())
    return out


def cell_crop(image: Image.Image, cell, dpi: int, pad: float = 0.0) -> Image.Image:  # noqa: ANN001
    s = dpi / 25.4
    return image.crop((round((cell.x - pad) * s), round((cell.y - pad) * s), round((cell.x + cell.w + pad) * s),
                       round((cell.y + cell.h + pad) * s)))


def seed(volumes: int, tmp: Path):  # noqa: ANN201
    path = tmp / "demo.sqlite"
    build_demo(path, volumes, seed=5)
    db = Database.open(path)
    with db.read() as s:
        rows = s.execute(text(
            "SELECT cc, id FROM (SELECT c.code cc, v.id, row_number() OVER (PARTITION BY c.code ORDER BY length(v.code) DESC, v.id) rn "
            "FROM volumes v JOIN categories c ON c.id = v.category_id) WHERE rn = 1 ORDER BY cc")).all()
        cats = [r[0] for r in rows]
        volume_records = labels.label_records(s, [r[1] for r in rows])
        layer_ids = [r[0] for r in s.execute(text("SELECT id FROM layers ORDER BY length(barcode) DESC, id LIMIT 2"))]
        shelf_records = labels.shelf_label_records(s, layer_ids)
        seal_records = labels.item_seal_records(s, [rows[0][1]])[:3]
    db.dispose()
    return cats, volume_records, shelf_records, seal_records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--volumes", type=int, default=400)
    ap.add_argument("--scanners", choices=("2d", "1d", "both"), default="both")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        cats, volume_records, shelf_records, seal_records = seed(args.volumes, tmp)
        print("longest codes:", ", ".join(f"{c} {r.code} ({len(r.payload)})" for c, r in zip(cats, volume_records, strict=True)))
        print("layer codes:", ", ".join(r.payload for r in shelf_records))
        stocks = list_stocks()
        edge_layout: dict[str, float] = defaultdict(lambda: 99.0)
        edge_where: dict[str, str] = {}
        edge_pixels: dict[str, float] = defaultdict(lambda: 99.0)
        failures = 0
        for scanners in (("2d", "1d") if args.scanners == "both" else (args.scanners,)):
            print(f"\n== scanners: {scanners}")
            cols = [*cats, "layers"]
            print(f"{'template':<17} {'stock':<17} " + " ".join(f"{c:<14}" for c in cols))
            for tpl in list_templates():
                for stock in applicable_stocks(tpl, stocks):
                    if tpl.kind == "shelf":
                        records, columns = shelf_records, ["layers"] * len(shelf_records)
                    elif tpl.kind == "seal":
                        records, columns = seal_records, []
                    else:
                        records, columns = volume_records, list(cats)
                    try:
                        pdf, layout = render_labels_reporting(records, tpl, stock, scanners=scanners, skip_refused=True)
                    except UserError:  # not one label printed
                        failures += 0 if scanners == "1d" else len(records)
                        print(f"{tpl.name:<17} {stock.name:<17} " + " ".join(f"{'refused' if c in columns else '-':<14}" for c in cols))
                        continue
                    cell_text: dict[str, list[str]] = defaultdict(list)
                    for r in layout.refused:
                        cell_text[columns[r.record_index]].append("refused")
                        failures += 0 if scanners == "1d" else 1
                    if tpl.has_barcode() and layout.labels:
                        pages = {dpi: rasterise(pdf, dpi, tmp) for dpi in (300, 203)}
                        for placed in layout.labels:
                            want = [(p, s) for p, s in zip(placed.payloads, placed.symbologies, strict=True)]
                            marks = []
                            for dpi in (300, 203):
                                crop = cell_crop(pages[dpi][placed.page], placed.cell, dpi, pad=0.5)
                                got = [(r.text, NAMES[r.format]) for r in zxingcpp.read_barcodes(crop, formats=FORMATS)]
                                ok = sorted(got) == sorted(want)
                                failures += 0 if ok else 1
                                marks.append("✓" if ok else "✗")
                            sym = "".join("C" if s == "code128" else "D" for s in placed.symbologies) + ("*" if placed.fallback else "")
                            cell_text[columns[placed.record_index]].append(f"{sym}{''.join(marks)}")
                    # ink distance to the label edge (content only: text and barcodes)
                    for placed in layout.labels:
                        c = placed.cell
                        for ink in placed.ink:
                            if ink.kind not in ("text", "barcode"):
                                continue
                            d = min(ink.x0 - c.x, ink.y0 - c.y, c.x + c.w - ink.x1, c.y + c.h - ink.y1)
                            if d < edge_layout[stock.name]:
                                edge_layout[stock.name] = d
                                edge_where[stock.name] = f"{tpl.name}, {ink.kind}"
                    if stock.kind != "plain" and scanners == "2d":
                        dpi = 150
                        (first,) = rasterise(pdf, dpi, tmp)[:1]
                        for placed in [p for p in layout.labels if p.page == 0]:
                            crop = cell_crop(first, placed.cell, dpi).point(lambda v: 255 if v < 128 else 0)
                            bb = crop.getbbox()
                            if bb:
                                w, h = crop.size
                                d = min(bb[0], bb[1], w - bb[2], h - bb[3]) * 25.4 / dpi
                                edge_pixels[stock.name] = min(edge_pixels[stock.name], d)
                    row = " ".join(f"{' '.join(cell_text.get(col, ['-'])) if columns else 'no barcode':<14}" for col in cols)
                    print(f"{tpl.name:<17} {stock.name:<17} {row}")
        print("\nworst ink distance to a label edge (mm; text and barcodes from the layout / every dark pixel at 150 dpi):")
        for name in sorted(edge_layout):
            px = f"{edge_pixels[name]:.2f}" if name in edge_pixels else "-"
            print(f"  {name:<18} {edge_layout[name]:.2f} / {px}   ({edge_where[name]})")
        print(f"\ndecode failures or refusals (2d): {failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
