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
from archive_desk.ui.i18n import install_translators
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


def test_wizard_reads_a_two_row_heading(qtbot, qapp, tmp_path: Path) -> None:  # noqa: ANN001
    import openpyxl

    install_translators(qapp, "zh_CN")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["某单位文书档案案卷目录"])
    ws.append(["档号", "年度", "保管期限", "案卷题名", "起止日期", None, "页数"])
    ws.append([None, None, None, None, "起", "止", None])
    ws.append(["Z109-WS·2019-D30-0001", 2019, "30年", "关于年度计划的请示", "2019.3.5", "2019.4.1", 12])
    for ref in ("A1:G1", "E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "G2:G3"):
        ws.merge_cells(ref)
    register = tmp_path / "两行表头.xlsx"
    book.save(register)
    path = tmp_path / "cat.sqlite"
    db = open_catalogue(path)
    ctx = AppContext(db=db, actor=Actor("clerk", "ws"), settings=Settings(), catalogue_path=path)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        wizard.file_page.set_path(str(register))
        wizard.next()
        page = wizard.mapping_page
        assert page.header_row.value() == 2  # the row a clerk calls the header row
        assert page.heading.text() == "表头占两行：第 2–3 行；数据从第 4 行开始"
        assert [page.table.item(i, 1).text() for i in (4, 5)] == ["起止日期/起", "起止日期/止"]
        assert [page.table.cellWidget(i, 2).currentText() for i in (4, 5)] == ["起始日期", "终止日期"]
        # the clerk steps the header row down and back: the heading follows, the spin box stays put
        page.header_row.setValue(3)
        assert (page.header_row.value(), page.heading.text()) == (3, "")
        page.header_row.setValue(2)
        assert wizard.mapping.heading_rows == 2
        wizard.next()
        qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
        assert wizard.plan.summary.rows_read == 1 and wizard.plan.summary.ok == 1
        values = wizard.plan.rows[0].values
        assert (str(values["start_date"]), str(values["end_date"])) == ("2019-03-05", "2019-04-01")
    finally:
        db.dispose()
