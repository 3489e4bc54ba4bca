"""Label batches from the catalogue, printed to PDF and read back as a person (and a scanner) would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from sqlalchemy import text
from PIL import Image

from archive_desk.db.engine import Database
from archive_desk.services import audit, labels
from archive_desk.services.audit import Actor
from archive_desk.services.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("labels") / "demo.sqlite"
    build_demo(path, 200, seed=5)
    return path


def decode_pdf(pdf: Path, tmp: Path, dpi: int = 300) -> list[str]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(tmp / "page")], check=True)
    found: list[str] = []
    for page in sorted(tmp.glob("page*.pgm")):
        found += [r.text for r in zxingcpp.read_barcodes(Image.open(page))]
        page.unlink()
    return found


def test_scanned_codes_resolve_in_order_with_unknown_and_repeats_reported(demo: Path) -> None:
    db = Database.open(demo)
    with db.read() as s:
        a, b = s.execute(text("SELECT barcode FROM volumes ORDER BY id LIMIT 2")).scalars().all()
        batch = labels.resolve_codes(s, [b.lower(), "NOPE-123", a, b])
    db.dispose()
    assert len(batch.volume_ids) == 2
    assert batch.unknown == ("NOPE-123",)
    assert batch.duplicates == (b,)


def test_never_printed_shrinks_after_printing_and_is_audited(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo, copy)
    db = Database.open(copy)
    try:
        with db.read() as s:
            before = labels.never_printed(s)
        with db.write() as s:
            assert labels.mark_printed(s, Actor("clerk", "ws"), before[:10]) == 10
        with db.read() as s:
            after = labels.never_printed(s)
            history = audit.history(s, "volume", before[0])
        assert after == before[10:]
        assert history[0].action == "volume.label_printed"
    finally:
        db.dispose()


def test_records_carry_location_in_words(demo: Path) -> None:
    db = Database.open(demo)
    with db.read() as s:
        ids = labels.shelf_range(s, room_id=1)[:3]
        records = labels.label_records(s, ids)
    db.dispose()
    assert len(records) == 3
    assert all("号库房" in r.location and r.location_code for r in records)
    assert records[0].payload == records[0].code.replace("·", ".")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env, check=False, timeout=300)


def test_cli_labels_print_decodable_barcodes_and_chinese_titles(demo: Path, tmp_path: Path) -> None:
    db = Database.open(demo)
    with db.read() as s:
        rows = s.execute(text("SELECT barcode, title FROM volumes ORDER BY id LIMIT 30")).all()
    db.dispose()
    out = tmp_path / "labels.pdf"
    result = run_cli("labels", "--db", str(demo), "--codes", *[r[0] for r in rows], "--start-at", "4", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(decode_pdf(out, tmp_path)) == sorted(r[0] for r in rows)
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert rows[0][1][:6] in words.replace("\n", "")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)


def test_cli_labels_unknown_code_is_reported(demo: Path, tmp_path: Path) -> None:
    result = run_cli("labels", "--db", str(demo), "--codes", "NO-SUCH-CODE", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2  # nothing done (the README's exit-code table)
    assert "NO-SUCH-CODE" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_cli_forms_cover_items_and_notes(demo: Path, tmp_path: Path) -> None:
    db = Database.open(demo)
    with db.read() as s:
        code, title = s.execute(text(
            "SELECT code, title FROM volumes WHERE item_count > 3 ORDER BY id LIMIT 1")).one()
        first_item = s.execute(text(
            "SELECT i.title FROM items i JOIN volumes v ON v.id = i.volume_id WHERE v.code = :c ORDER BY seq LIMIT 1"), {"c": code}).scalar()
    db.dispose()
    out = tmp_path / "forms.pdf"
    result = run_cli("forms", "--db", str(demo), "--codes", code, "-o", str(out))
    assert result.returncode == 0, result.stderr
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.replace("\n", "")
    assert "卷内文件目录" in words and "备考表" in words
    assert title[:8] in words and first_item[:6] in words


# --------------------------------------------------------------------------- issue #13: every demo category prints


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo catalogue large enough to hold every demo category (文书 boxes included)."""
    path = tmp_path_factory.mktemp("labels-room") / "demo.sqlite"
    build_demo(path, 400, seed=5)
    return path


def _longest_per_category(room: Path) -> list[tuple[str, str, str]]:
    db = Database.open(room)
    try:
        with db.read() as s:
            return [tuple(r) for r in s.execute(text(
                "SELECT cc, code, barcode FROM (SELECT c.code cc, v.code, v.barcode, row_number() OVER "
                "(PARTITION BY c.code ORDER BY length(v.code) DESC, v.id) rn FROM volumes v JOIN categories c ON c.id = v.category_id) "
                "WHERE rn = 1 ORDER BY cc"))]
    finally:
        db.dispose()


def test_cli_default_label_prints_every_categorys_longest_code_and_it_decodes_at_300_and_203_dpi(room: Path, tmp_path: Path) -> None:
    rows = _longest_per_category(room)
    assert any(len(code) >= 21 and cat == "WS" for cat, code, _ in rows)  # the 文书 box code that used to be refused
    out = tmp_path / "labels.pdf"
    result = run_cli("labels", "--db", str(room), "--codes", *[code for _, code, _ in rows], "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "65.2 mm" not in result.stderr and "does not fit" not in result.stderr
    for dpi in (300, 203):
        assert sorted(decode_pdf(out, tmp_path, dpi)) == sorted(b for _, _, b in rows), dpi


def test_cli_code128_template_too_short_for_a_code_warns_prints_data_matrix_and_exits_0(room: Path, tmp_path: Path) -> None:
    ws = next(r for r in _longest_per_category(room) if r[0] == "WS")
    out = tmp_path / "shelf.pdf"
    result = run_cli("labels", "--db", str(room), "--codes", ws[1], "--template", "shelf-70x30", "--stock", "a4-3x10-70x29.7",
                     "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert ws[1] in result.stderr and "Data Matrix" in result.stderr
    subprocess.run(["pdftoppm", "-r", "203", "-gray", str(out), str(tmp_path / "page")], check=True)
    (page,) = sorted(tmp_path.glob("page*.pgm"))
    got = [(r.text, r.format) for r in zxingcpp.read_barcodes(Image.open(page))]
    assert got == [(ws[2], zxingcpp.BarcodeFormat.DataMatrix)]


def test_room_with_1d_scanners_defaults_to_code128_on_2x7_and_never_prints_data_matrix(room: Path, tmp_path: Path) -> None:
    copy = tmp_path / "room.sqlite"
    shutil.copy(room, copy)
    assert run_cli("label-scanners", "--db", str(copy), "1d").returncode == 0
    rows = _longest_per_category(copy)
    out = tmp_path / "labels.pdf"
    result = run_cli("labels", "--db", str(copy), "--codes", *[code for _, code, _ in rows], "-o", str(out))
    assert result.returncode == 0, result.stderr
    subprocess.run(["pdftoppm", "-r", "203", "-gray", str(out), str(tmp_path / "page")], check=True)
    found = []
    for page in sorted(tmp_path.glob("page*.pgm")):
        found += [(r.text, r.format) for r in zxingcpp.read_barcodes(Image.open(page))]
    assert sorted(found) == sorted((b, zxingcpp.BarcodeFormat.Code128) for _, _, b in rows)
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89" in size  # A4 (the 2 × 7 sheet)
    # the 3 × 8 template asked for by name: refused, with the reason, and no Data Matrix in its place
    refused = run_cli("labels", "--db", str(copy), "--codes", rows[0][1], "--template", "front-63x34", "--stock", "a4-3x8-l7159",
                      "-o", str(tmp_path / "no.pdf"))
    assert refused.returncode != 0 and "1D" in refused.stderr and not (tmp_path / "no.pdf").exists()
    db = Database.open(copy)
    try:
        with db.read() as s:
            assert labels.room_scanners(s) == "1d"
            assert s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'setting.change'")).scalar() == 1
    finally:
        db.dispose()


def test_cli_never_printed_prints_the_rest_and_lists_the_refused(room: Path, tmp_path: Path) -> None:
    copy = tmp_path / "room.sqlite"
    shutil.copy(room, copy)
    db = Database.open(copy)
    try:
        with db.write() as s:  # two volumes whose barcode cannot be printed (a hand-edited catalogue: '·' in it)
            bad = [r[0] for r in s.execute(text("SELECT code FROM volumes ORDER BY code LIMIT 2 OFFSET 5"))]
            s.execute(text("UPDATE volumes SET barcode = code WHERE code IN (:a, :b)"), {"a": bad[0], "b": bad[1]})
        with db.read() as s:
            total = len(labels.never_printed(s))
    finally:
        db.dispose()
    out = tmp_path / "never.pdf"
    result = run_cli("labels", "--db", str(copy), "--never-printed", "--mark-printed", "-o", str(out))
    assert result.returncode == 1, result.stderr  # done in part
    assert out.exists() and f"{total - 2} " in result.stdout
    assert all(code in result.stderr for code in bad)
    db = Database.open(copy)
    try:
        with db.read() as s:
            assert sorted(s.execute(text("SELECT code FROM volumes WHERE label_printed_at IS NULL AND status = 'in_stock'")).scalars()) == sorted(bad)
    finally:
        db.dispose()


def test_cli_prints_layer_shelf_labels_on_the_thermal_roll(room: Path, tmp_path: Path) -> None:
    db = Database.open(room)
    try:
        with db.read() as s:
            codes = list(s.execute(text("SELECT code, barcode FROM layers ORDER BY length(barcode) DESC, id LIMIT 3")))
    finally:
        db.dispose()
    out = tmp_path / "shelf.pdf"
    result = run_cli("labels", "--db", str(room), "--layers", *[c for c, _ in codes], "--template", "shelf-60x40",
                     "--stock", "roll-60x40", "-o", str(out))
    assert result.returncode == 0, result.stderr
    for dpi in (300, 203):
        assert sorted(decode_pdf(out, tmp_path, dpi)) == sorted(b for _, b in codes)


def test_seal_prints_one_per_item_with_its_own_number_pages_and_the_org_name(room: Path, tmp_path: Path) -> None:
    copy = tmp_path / "room.sqlite"
    shutil.copy(room, copy)
    db = Database.open(copy)
    try:  # the demo records its 机构 names (BGS 办公室 …) in the org_names setting
        with db.write() as s:
            # make the box a second box: its 件号 run on from the first box's (0007 …), not its places in the box (1 …)
            box = s.execute(text("SELECT id, code, org_code FROM volumes WHERE org_code != '' ORDER BY id LIMIT 1")).one()
            s.execute(text("UPDATE items SET code = substr(code, 1, length(code) - 4) || printf('%04d', seq + 6) WHERE volume_id = :v"),
                      {"v": box[0]})
            s.execute(text("UPDATE volumes SET item_start = item_start + 6, item_end = item_end + 6 WHERE id = :v"), {"v": box[0]})
        with db.read() as s:
            items = [(int(code.rsplit("-", 1)[-1]), pages) for code, pages in s.execute(
                text("SELECT code, pages FROM items WHERE volume_id = :v AND removed = 0 ORDER BY seq"), {"v": box[0]})]
            records = labels.item_seal_records(s, [box[0]])
    finally:
        db.dispose()
    assert items[0][0] > 1
    assert [(r.item_no, r.pages) for r in records] == [(f"{no:04d}", str(pages)) for no, pages in items]
    from archive_desk.services.demo import ORGS

    name = dict(ORGS)[box[2]]
    assert {r.org for r in records} == {name}
    out = tmp_path / "seal.pdf"
    result = run_cli("labels", "--db", str(copy), "--codes", box[1], "--template", "seal-45x16", "-o", str(out))
    assert result.returncode == 0, result.stderr
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert f"{len(items)} " in result.stdout and name in words and box[2] not in words
    assert f"{items[-1][0]:04d}" in words


def test_records_fill_item_range_box_number_and_the_categorys_filing_numbers(room: Path) -> None:
    db = Database.open(room)
    try:
        with db.read() as s:
            lp = s.execute(text("SELECT v.id, v.custom FROM volumes v JOIN categories c ON c.id = v.category_id "
                                "WHERE c.code = 'LP' ORDER BY v.id LIMIT 1")).one()
            n = s.execute(text("SELECT max(seq) FROM items WHERE volume_id = :v AND removed = 0"), {"v": lp[0]}).scalar()
            (rec,) = labels.label_records(s, [lp[0]])
    finally:
        db.dispose()
    import json

    custom = json.loads(lp[1])
    assert (rec.item_start, rec.item_end) == ("0001", f"{n:04d}")
    assert rec.box_no == rec.code.rsplit("-", 1)[-1]
    assert custom["claim_no"] in rec.value("filing_refs") and "赔案号" in rec.value("filing_refs")


def test_every_shipped_template_prints_every_demo_categorys_longest_code_and_each_decodes_at_300_and_203_dpi(room: Path) -> None:
    """The closing figure of issue #13 as a test: template × category (and the layers' shelf labels), each
    label's cell read back on its own, with the symbology the layout says it printed."""
    from archive_desk.printing.labels import render_labels_reporting
    from archive_desk.printing.templates import applicable_stocks, list_stocks, list_templates

    db = Database.open(room)
    try:
        with db.read() as s:
            ids = [r[0] for r in s.execute(text(
                "SELECT id FROM (SELECT v.id, row_number() OVER (PARTITION BY v.category_id ORDER BY length(v.code) DESC, v.id) rn "
                "FROM volumes v) WHERE rn = 1"))]
            volumes = labels.label_records(s, ids)
            layers = labels.shelf_label_records(s, [r[0] for r in s.execute(text("SELECT id FROM layers ORDER BY length(barcode) DESC LIMIT 2"))])
    finally:
        db.dispose()
    assert len(volumes) == 6 and max(len(r.payload) for r in volumes) == 25
    names = {zxingcpp.BarcodeFormat.Code128: "code128", zxingcpp.BarcodeFormat.DataMatrix: "datamatrix"}
    checked = 0
    for template in list_templates():
        if not template.has_barcode():
            continue
        stock = applicable_stocks(template, list_stocks())[0]  # the stock it is made for (sheets, rolls, plain for strips)
        records = layers if template.kind == "shelf" else volumes
        pdf, layout = render_labels_reporting(records, template, stock)
        assert not layout.refused and len(layout.labels) == len(records), template.name
        for dpi in (300, 203):
            pages = {}
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "in.pdf").write_bytes(pdf)
                subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(Path(tmp) / "in.pdf"), str(Path(tmp) / "p")], check=True)
                for i, p in enumerate(sorted(Path(tmp).glob("p-*.pgm"))):
                    with Image.open(p) as im:
                        pages[i] = im.copy()
            k = dpi / 25.4
            for placed in layout.labels:
                c = placed.cell
                crop = pages[placed.page].crop((round((c.x - 0.5) * k), round((c.y - 0.5) * k), round((c.x + c.w + 0.5) * k), round((c.y + c.h + 0.5) * k)))
                got = [(r.text, names[r.format]) for r in zxingcpp.read_barcodes(crop, formats=tuple(names))]
                assert got == list(zip(placed.payloads, placed.symbologies, strict=True)), (template.name, stock.name, dpi, got)
                checked += 1
    assert checked >= 2 * (6 * 10 + 2 * 2)
