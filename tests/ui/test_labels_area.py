"""The Labels area through the real window: scan a batch, preview, print to a real CUPS queue."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtTest import QTest

from archive_desk import app as app_module
from archive_desk.services.demo import build_demo
from archive_desk.ui.areas import labels as labels_area
from conftest import settle_writes


@pytest.fixture
def window(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    path = tmp_path / "demo.sqlite"
    build_demo(path, 120, seed=11)
    _app, win = app_module.start(path, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(win)
    yield win
    win.ctx.db.dispose()


def payloads(path: Path, n: int) -> list[str]:
    conn = sqlite3.connect(path)
    rows = [r[0] for r in conn.execute("SELECT barcode FROM volumes ORDER BY id DESC LIMIT ?", (n,))]
    conn.close()
    return rows


def scan(widget, code: str) -> None:  # noqa: ANN001
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_scanning_builds_the_batch_and_unknown_codes_are_said(window, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("labels")
    codes = payloads(window.ctx.catalogue_path, 3)
    focus = area.template_combo  # any widget: the scan is recognised wherever the focus is
    focus.setFocus()
    for i, code in enumerate(codes):
        scan(focus, code.lower() if i == 1 else code)  # the second one with Caps Lock on
    assert len(area.volume_ids) == 3
    assert area.batch.rowCount() == 3
    scan(focus, "Z999-XX.1999-Y-9999")
    assert "Z999-XX.1999-Y-9999" in area.message.text()
    assert len(area.volume_ids) == 3
    scan(focus, codes[0])  # a second scan of the same volume adds nothing
    assert len(area.volume_ids) == 3


def test_preview_shows_the_sheet(window, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("labels")
    conn = sqlite3.connect(window.ctx.catalogue_path)
    shelved = conn.execute("SELECT count(*) FROM volumes WHERE status IN ('in_stock', 'on_loan', 'missing')").fetchone()[0]
    conn.close()
    area._on_add_never_clicked()
    assert len(area.volume_ids) == shelved
    area.update_preview()
    qtbot.waitUntil(lambda: area.preview.page_count() == -(-shelved // 24), timeout=10000)  # 24 labels a sheet


def _cups_out_dir() -> Path | None:
    conf = Path("/etc/cups/cups-pdf.conf")
    if not conf.exists():
        return None
    m = re.search(r"^Out\s+(\S+)", conf.read_text(), re.M)
    return Path(os.path.expandvars(m.group(1))) if m else None


def test_printing_through_qt_reaches_a_real_cups_queue(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    out_dir = _cups_out_dir()
    if "PDF" not in QPrinterInfo.availablePrinterNames() or out_dir is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide the cups-pdf queue 'PDF' (tools/ci_cups_setup.sh)")
        pytest.skip("no cups-pdf print queue named PDF on this machine")
    area = window.show_area("labels")
    codes = payloads(window.ctx.catalogue_path, 8)
    for code in codes:
        area._on_scan_field_scanned(code)
    job = f"archive-desk-test-{os.getpid()}-{time.time_ns()}"

    def the_dialog_chose_pdf(parent, name=""):  # noqa: ANN001, ANN202 - what QPrintDialog returns
        printer = QPrinter(QPrinterInfo.printerInfo("PDF"), QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job)
        return printer

    monkeypatch.setattr(labels_area, "choose_printer", the_dialog_chose_pdf)
    before = set(out_dir.glob("*.pdf")) if out_dir.exists() else set()
    qtbot.mouseClick(area.print_button, Qt.MouseButton.LeftButton)
    printed: list[Path] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not printed:
        printed = [p for p in out_dir.glob("*.pdf") if p not in before and job in p.name and p.stat().st_size > 0]
        qtbot.wait(500)
    assert printed, f"nothing arrived in {out_dir}"
    qtbot.wait(1000)  # let cups-pdf finish writing
    subprocess.run(["pdftoppm", "-r", "600", "-gray", str(printed[0]), str(tmp_path / "printed")], check=True)
    found = [r.text for page in sorted(tmp_path.glob("printed*.pgm")) for r in zxingcpp.read_barcodes(Image.open(page))]
    assert sorted(found) == sorted(codes)
    # and the print date was recorded
    conn = sqlite3.connect(window.ctx.catalogue_path)
    assert conn.execute("SELECT count(*) FROM volumes WHERE label_printed_at IS NOT NULL").fetchone()[0] == 8
    conn.close()


def _pdf_printer(path: Path, dpi: int) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return printer


def test_default_front_labels_print_on_a_thermal_resolution_printer_without_a_question_and_scan(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A 21-character 档号 used to fit a 63.5 mm label only with 0.212 mm bars (1.7 dots of a 203-dpi printer,
    which do not scan, so the clerk was asked first). The default label now prints it as Data Matrix: a
    203-dpi printer prints it without a question and every code scans from what it printed."""
    area = window.show_area("labels")
    codes = payloads(window.ctx.catalogue_path, 3)
    for code in codes:
        area._on_scan_field_scanned(code)
    asked: list[str] = []
    monkeypatch.setattr(labels_area.QMessageBox, "warning", lambda *a: asked.append(a[2]) or labels_area.QMessageBox.StandardButton.No)
    thermal = tmp_path / "thermal.pdf"
    monkeypatch.setattr(labels_area, "choose_printer", lambda parent, name="": _pdf_printer(thermal, 203))
    qtbot.mouseClick(area.print_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert thermal.exists() and thermal.stat().st_size > 0
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(thermal), str(tmp_path / "printed")], check=True)
    found = [(r.text, r.format) for page in sorted(tmp_path.glob("printed*.pgm")) for r in zxingcpp.read_barcodes(Image.open(page))]
    assert sorted(found) == sorted((c, zxingcpp.BarcodeFormat.DataMatrix) for c in codes)


def test_add_catalogue_selection_button_adds_the_volumes_selected_in_the_catalogue(window, qtbot) -> None:  # noqa: ANN001
    catalogue = window.areas["catalogue"]
    qtbot.waitUntil(lambda: not catalogue._list_runner.busy and catalogue.model.rowCount() > 5, timeout=10000)
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (1, 3, 4):
        catalogue.table.selectionModel().select(catalogue.model.index(row, 0), flags)
    chosen = [catalogue.model.id_at(r) for r in (1, 3, 4)]
    area = window.show_area("labels")
    qtbot.mouseClick(area.add_selection_button, Qt.MouseButton.LeftButton)
    assert area.volume_ids == chosen
    assert area.batch.rowCount() == 3


def test_preview_says_which_codes_print_as_data_matrix(window, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("labels")
    codes = payloads(window.ctx.catalogue_path, 2)
    for code in codes:
        area._on_scan_field_scanned(code)
    area.template_combo.setCurrentIndex(area.template_combo.findData("shelf-70x30"))  # Code 128, 62 mm: too short
    area.update_preview()
    text = area.message.text()
    assert "Data Matrix" in text and area.batch.item(0, 0).text() in text
    assert [p.symbologies for p in area.last_layout.labels] == [("datamatrix",), ("datamatrix",)]


def test_switching_the_room_to_1d_scanners_moves_the_default_to_the_2x7_sheet(window, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("labels")
    assert area.current_template().name == "front-63x34" and area.current_stock().name == "a4-3x8-l7159"
    area.scanners_combo.setCurrentIndex(area.scanners_combo.findData("1d"))
    settle_writes(qtbot)  # writes run off the GUI thread (ui/ops.run_op)
    assert area.current_template().name == "front-99x38" and area.current_stock().name == "a4-2x7-l7163"
    conn = sqlite3.connect(window.ctx.catalogue_path)
    try:
        assert conn.execute("SELECT value FROM catalogue_settings WHERE key = 'label_scanners'").fetchone()[0] == '"1d"'
    finally:
        conn.close()
    for code in payloads(window.ctx.catalogue_path, 2):
        area._on_scan_field_scanned(code)
    area.update_preview()
    assert all(p.symbologies == ("code128",) for p in area.last_layout.labels)


def test_seal_template_prints_one_seal_per_item_of_the_batch(window, qtbot) -> None:  # noqa: ANN001
    area = window.show_area("labels")
    conn = sqlite3.connect(window.ctx.catalogue_path)
    try:
        vid, code = conn.execute("SELECT id, barcode FROM volumes WHERE id IN (SELECT volume_id FROM items) ORDER BY id LIMIT 1").fetchone()
        items = conn.execute("SELECT seq, pages FROM items WHERE volume_id = ? AND removed = 0 ORDER BY seq", (vid,)).fetchall()
    finally:
        conn.close()
    area._on_scan_field_scanned(code)
    area.template_combo.setCurrentIndex(area.template_combo.findData("seal-45x16"))
    area.update_preview()
    assert len(area.last_layout.labels) == len(items) > 1
    assert [(r.item_no, r.pages) for r in area._last_records] == [(f"{s:04d}", str(p) if p else "") for s, p in items]
