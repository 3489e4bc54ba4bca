"""Label batches from the catalogue, printed to PDF and read back as a person (and a scanner) would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
