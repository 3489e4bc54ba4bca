"""The import wizard driven as a clerk would: pick the sample register, check the columns, read the
preview with its problems, import, and find exactly the importable volumes in the catalogue."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from archive_desk.db.migrate import open_catalogue
from archive_desk.services.audit import Actor
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.import_wizard import ImportWizard
from archive_desk.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"


def test_wizard_imports_the_sample_register(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "cat.sqlite"
    db = open_catalogue(path)
    ctx = AppContext(db=db, actor=Actor("clerk", "ws"), settings=Settings(), catalogue_path=path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        wizard.file_page.set_path(str(SAMPLE))
        assert wizard.file_page.sheet.count() == 1
        wizard.next()
        mapping = wizard.mapping
        assert mapping.header_row == 3
        assert mapping.column_of("code") == 1 and mapping.column_of("claim_no") == 5
        assert not mapping.missing_required()
        wizard.next()
        page = wizard.preview_page
        qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
        summary = page.summary.text()
        assert "128" in summary and "114" in summary
        model = page.view.model()
        assert model.rowCount() == len(wizard.plan.rows)
        # the impossible date is highlighted on its cell, with the reason as a tooltip
        rejected = next(i for i, r in enumerate(model.rows) if r.problems)
        problem = model.rows[rejected].problems[0]
        col = 2 + (ord(problem.column) - ord("A"))
        cell = model.index(rejected, col)
        assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == QColor("#f4a3a3")
        assert "2019.13.45" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
        assert page.isComplete()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)
        assert wizard.result.created == 114
        assert "114" in wizard.import_page.result.text()
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM volumes").fetchone()[0] == 114
    assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'volume.import'").fetchone()[0] == 114
    conn.close()
