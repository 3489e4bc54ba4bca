"""Every Save dialog starts in Documents (文档) with a name Windows accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from archive_desk.ui import save_dialog
from archive_desk.ui.pdf_print import PdfPreviewDialog


def test_a_bare_name_starts_in_documents_cleaned(qapp) -> None:  # noqa: ANN001
    docs = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert save_dialog.documents_folder() == docs and docs != Path.home()
    assert save_dialog.suggested_path('盘点 1/2: "一号库".xlsx') == str(docs / "盘点 1_2_ _一号库_.xlsx")


def test_a_full_path_keeps_its_folder(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    assert save_dialog.suggested_path(tmp_path / "a|b.xlsx") == str(tmp_path / "a_b.xlsx")


def test_the_preview_saves_from_documents(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: ANN001
    asked: list[str] = []

    def ask(_parent, _caption, start, _filter):  # noqa: ANN001, ANN202
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    dialog = PdfPreviewDialog(_tiny_pdf(), "t", "CON: 标签?.pdf")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert asked == [str(save_dialog.documents_folder() / "CON_ 标签_.pdf")]


def _tiny_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(100, 100, "x")
    c.save()
    return buf.getvalue()
