"""The import wizard driven as a clerk would: pick the sample register, check the columns, read the
preview with its problems, import, and find exactly the importable volumes in the catalogue."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWizard,
)

from archive_desk.importing import (
    CellProblem,
    ColumnMapping,
    ImportPlan,
    ImportSummary,
    RowResult,
    RowStatus,
)
from archive_desk.services import catalogue, importer
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.context import AppContext
from archive_desk.ui.dialogs.import_wizard import ImportWizard, PlanModel
from archive_desk.ui.i18n import install_translators
from archive_desk.services.ops import CATALOGUE, OpChanges
from archive_desk.ui import ops

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "claims_register_2019.xlsx"


def test_wizard_imports_the_sample_register(qtbot, qapp, tmp_path: Path) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
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
        # this catalogue has no shelving yet: the register's locations are kept as text, and the clerk is told
        located = sum(1 for r in wizard.plan.rows if r.status == RowStatus.OK and r.values.get("location") is not None)
        assert located > 100 and f"{located} 卷的存放位置将以文字记入备注" in summary
        model = page.view.model()
        assert model.rowCount() == len(wizard.plan.rows)
        # the impossible date is highlighted on its cell, with the reason as a tooltip
        rejected = next(i for i, r in enumerate(model.rows()) if r.problems)
        problem = model.row_record(rejected).problems[0]
        col = PlanModel.CELLS + (ord(problem.column) - ord("A"))
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


def test_wizard_reads_a_two_row_heading(qtbot, qapp, wizard: ImportWizard, tmp_path: Path) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["某单位文书档案案卷目录"])
    ws.append(["档号", "年度", "保管期限", "案卷题名", "起止日期", None, "页数"])
    ws.append([None, None, None, None, "起", "止", None])
    ws.append(["Z109-LP·2019-D30-0001", 2019, "30年", "关于年度计划的请示", "2019.3.5", "2019.4.1", 12])
    for ref in ("A1:G1", "E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "G2:G3"):
        ws.merge_cells(ref)
    register = tmp_path / "两行表头.xlsx"
    book.save(register)
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


# ------------------------------------------------------------------ what a clerk found walking the wizard


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "cat.sqlite"
    db = open_catalogue(path)
    yield AppContext(db=db, actor=Actor("clerk", "ws"), settings=Settings(), catalogue_path=path)


@pytest.fixture
def wizard(qtbot, ctx: AppContext) -> ImportWizard:  # noqa: ANN001
    wiz = ImportWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def volume_count(ctx: AppContext) -> int:
    conn = sqlite3.connect(ctx.catalogue_path)
    try:
        return conn.execute("SELECT count(*) FROM volumes").fetchone()[0]
    finally:
        conn.close()


def to_preview(qtbot, wizard: ImportWizard, register: Path = SAMPLE) -> None:  # noqa: ANN001
    wizard.file_page.set_path(str(register))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)


def button(wizard: ImportWizard, which: QWizard.WizardButton) -> QAbstractButton:
    return wizard.button(which)


class Gate:
    """Holds a background job at its first cancel check (or at its last progress report) until
    the test opens it, so that the clerk's click lands while the job runs."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()

    def hold(self) -> None:
        self.reached.set()
        assert self.open.wait(20)

    def wrap_cancel(self, real):  # noqa: ANN001, ANN201
        def run(*args, should_cancel, **kwargs):  # noqa: ANN002, ANN003, ANN202
            def cancel() -> bool:
                self.hold()
                return should_cancel()

            return real(*args, should_cancel=cancel, **kwargs)

        return run

    def wrap_last_progress(self, real):  # noqa: ANN001, ANN201
        def run(*args, progress, **kwargs):  # noqa: ANN002, ANN003, ANN202
            def report(done: int, total: int) -> None:
                if done == total:
                    self.hold()  # after the last cancel check: the import is as good as written
                progress(done, total)

            return real(*args, progress=report, **kwargs)

        return run


def close_by(how: str, qtbot, wizard: ImportWizard) -> None:  # noqa: ANN001
    if how == "cancel button":
        qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    elif how == "window close":
        wizard.close()
    else:
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)


@pytest.mark.parametrize("how", ["cancel button", "window close", "escape"])
def test_cancel_during_the_import_stops_it_and_waits(qtbot, wizard: ImportWizard, ctx: AppContext,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    gate = Gate()
    monkeypatch.setattr(importer, "commit", gate.wrap_cancel(importer.commit))
    imported: list[object] = []
    wizard.imported.connect(imported.append)
    to_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(gate.reached.is_set, timeout=10000)
    close_by(how, qtbot, wizard)
    # the wizard stays until the import has stopped, and says it is stopping
    assert wizard.isVisible()
    assert not wizard.import_page.stop.isEnabled()
    gate.open.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30000)
    assert wizard.result is None and imported == []
    assert volume_count(ctx) == 0  # rolled back, not committed seconds later


def test_cancel_too_late_keeps_the_result_on_screen(qtbot, wizard: ImportWizard, ctx: AppContext,  # noqa: ANN001
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate()
    monkeypatch.setattr(importer, "commit", gate.wrap_last_progress(importer.commit))
    imported: list[object] = []
    wizard.imported.connect(imported.append)
    to_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(gate.reached.is_set, timeout=10000)
    wizard.reject()
    assert wizard.isVisible()
    gate.open.set()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    # written after all: the clerk reads what was imported, and the catalogue is told
    assert wizard.isVisible() and len(imported) == 1
    assert volume_count(ctx) == 114
    assert "114" in wizard.import_page.result.text()
    # now Cancel just closes
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def test_cancel_after_the_import_closes_at_once(qtbot, wizard: ImportWizard, ctx: AppContext) -> None:  # noqa: ANN001
    imported: list[object] = []
    wizard.imported.connect(imported.append)
    announced: list[OpChanges] = []
    ops.hub(ctx).changed.connect(announced.append)
    to_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert len(imported) == 1  # as soon as the result is there, not when the wizard closes
    # every area hears of it on the window's one "changed" signal (hidden ones reload when shown)
    assert len(announced) == 1 and announced[0].touches(CATALOGUE)
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert volume_count(ctx) == 114


def test_the_catalogue_shows_the_imported_volumes_without_waiting_for_the_wizard(qtbot, ctx: AppContext) -> None:  # noqa: ANN001
    from archive_desk.ui.main_window import MainWindow

    win = MainWindow(ctx, areas=[("catalogue", "archive_desk.ui.areas.catalogue")])
    qtbot.addWidget(win)
    win.show()
    area = win.areas["catalogue"]
    try:
        qtbot.waitUntil(lambda: not area._list_runner.busy, timeout=5000)
        assert area.model.rowCount() == 0
        win.open_import_wizard()
        wizard = win.import_wizard
        to_preview(qtbot, wizard)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
        assert wizard.isVisible()
        qtbot.waitUntil(lambda: area.model.rowCount() == 114, timeout=10000)
    finally:
        win.scan_detector.uninstall()


def _register(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    target = tmp_path / name
    book.save(target)
    return target


@pytest.mark.parametrize("kind", ["empty sheet", "unrelated columns", "text file"])
def test_no_header_found_says_why_and_keeps_next_disabled(qtbot, wizard: ImportWizard, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    if kind == "empty sheet":
        register = _register(tmp_path, "空表.xlsx", [])
    elif kind == "unrelated columns":
        register = _register(tmp_path, "通讯录.xlsx", [["姓名", "电话"], ["张伟", "13800000000"]])
    else:
        register = tmp_path / "说明.txt"
        register.write_text("这是一份说明\n第二行\n", encoding="utf-8")
    wizard.file_page.set_path(str(register))
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert "找不到表头行" in page.problem.text()  # the service's own words, in Chinese
    assert page.problem.isVisible()
    assert wizard.mapping is not None and wizard.mapping.header_row == 1
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    if kind == "unrelated columns":
        # the clerk maps the columns by hand: Next comes, the complaint goes
        for row, field in ((0, "code"), (1, "title")):
            combo = page.table.cellWidget(row, 2)
            combo.setCurrentIndex(combo.findData(field))
        assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()
        assert page.problem.text() == ""


def test_a_header_row_found_by_hand(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:  # noqa: ANN001
    preface = [[f"说明第 {i} 行"] for i in range(1, 40)]
    register = _register(tmp_path, "长说明.xlsx", [*preface, ["档号", "年度", "保管期限", "案卷题名"],
                                                    ["Z109-LP·2019-D30-0001", 2019, "30年", "关于年度计划的请示"]])
    wizard.file_page.set_path(str(register))
    wizard.next()
    page = wizard.mapping_page
    assert page.problem.text() and not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    page.header_row.setValue(40)
    assert wizard.mapping.column_of("code") == 0 and wizard.mapping.column_of("title") == 3
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.plan.summary.ok == 1


def test_ticking_update_existing_enables_import(qtbot, qapp, wizard: ImportWizard, ctx: AppContext) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
    importer.commit(ctx.db, ctx.actor, importer.plan(ctx.db, SAMPLE), create_missing_fonds=True)
    with ctx.db.write() as session:  # a clerk corrected one title in the catalogue since
        first = catalogue.get_volume(session, 1)
        catalogue.update_volume(session, ctx.actor, first.id, first.version, {"title": "改过的题名"})
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert wizard.plan.summary.ok == 0 and wizard.plan.summary.existing == 114
    # the preview says which catalogued row differs, and how, before anything is ticked
    model = page.view.model()
    texts = {model.row_record(r).values["code"]: model.data(model.index(r, PlanModel.PROBLEMS)) for r in range(model.rowCount())
             if model.row_record(r).status == RowStatus.EXISTING}
    assert texts.pop(first.code) == f"更新将改动 题名：改过的题名 → {first.title}"
    assert set(texts.values()) == {"与目录一致"}
    assert "有 1 行与目录不同" in page.summary.text()
    page.only_problems.setChecked(True)  # the rows to look at: errors, duplicates and the one that differs
    s = wizard.plan.summary
    assert model.rowCount() == s.rejected + s.duplicate + 1
    page.only_problems.setChecked(False)
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and not commit.isEnabled()
    page.update_existing.setChecked(True)
    assert commit.isEnabled()
    page.update_existing.setChecked(False)
    assert not commit.isEnabled()


def test_no_way_back_once_imported(qtbot, wizard: ImportWizard, ctx: AppContext, tmp_path: Path,  # noqa: ANN001
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    # the preview's button says 导入: it is the step that writes
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.text() == page.tr("Import")
    assert not button(wizard, QWizard.WizardButton.NextButton).isVisible()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    back = button(wizard, QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())
    assert button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    # what was created, what was left out, and the problems workbook
    result = wizard.import_page
    text = result.result.text()
    assert wizard.result.fonds_created == ("Q001",) and "Q001" in text
    s = wizard.plan.summary
    assert re.search(rf"\b{s.rejected}\b.*\b{s.duplicate}\b.*\b0\b.*\b{s.skipped}\b", text.split("\n")[-1])
    assert result.report.isVisible()
    target = tmp_path / "问题.xlsx"
    suggested: list[str] = []

    def ask(*args: object, **_k: object) -> tuple[str, str]:
        suggested.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    install_translators(QApplication.instance(), "zh_CN")
    qtbot.mouseClick(result.report, Qt.MouseButton.LeftButton)
    assert target.exists()
    # offered next to the register, named after it, in the clerk's language
    assert suggested == [str(SAMPLE.with_name("claims_register_2019 - 导入问题.xlsx"))]


def test_the_fonds_choice_is_explained_before_the_import(qtbot, qapp, wizard: ImportWizard) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert preview.fonds_note.text() == "将新建全宗：Q001（114）。"
    assert preview.isComplete()
    # not creating it: every importable row would be refused, so there is nothing to import
    preview.create_fonds.setChecked(False)
    assert preview.fonds_note.text().startswith("目录中没有全宗 Q001（114）：这些行不会导入")
    assert not preview.isComplete()
    preview.create_fonds.setChecked(True)
    assert preview.isComplete()


def test_refusals_are_listed_in_a_scrollable_list(qtbot, qapp, wizard: ImportWizard, ctx: AppContext,  # noqa: ANN001
                                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_translators(qapp, "zh_CN")
    to_preview(qtbot, wizard)
    # rows the catalogue refuses while the import is written (another workstation took their fonds out, say)
    refusals = tuple(importer.RowFailure(r.sheet, r.row, "", str(r.values["code"]), "目录中没有全宗 Q001")
                     for r in wizard.plan.rows if r.status == RowStatus.OK)
    monkeypatch.setattr(importer, "commit", lambda *_a, **_k: importer.ImportResult(0, 0, 0, 0, refusals))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert wizard.result.created == 0 and len(wizard.result.failures) == 114
    page = wizard.import_page
    refused = page.findChild(QPlainTextEdit, "importRefusals")
    assert refused is not None and refused.isVisible() and refused.isReadOnly()
    assert refused.document().blockCount() == 114
    assert "Q001" in refused.document().firstBlock().text()
    assert "目录中没有全宗 Q001" in refused.toPlainText()
    assert "目录中没有全宗" not in page.result.text()  # the summary stays short
    assert page.result.height() < wizard.height()
    # the problems workbook from here holds the refusals too
    target = tmp_path / "问题.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert page.report.isVisible()
    qtbot.mouseClick(page.report, Qt.MouseButton.LeftButton)
    reasons = [row[5] for row in openpyxl.load_workbook(target)["问题"].iter_rows(min_row=2, values_only=True)]
    assert sum(1 for r in reasons if r == "目录拒绝写入：目录中没有全宗 Q001") == 114


def test_a_duplicate_from_another_sheet_names_that_sheet(qapp) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
    mapping = ColumnMapping(kind="volumes", sheet="2020", header_row=1, headers=("档号", "题名"), fields=("code", "title"))
    rows = (RowResult("2020", 5, RowStatus.DUPLICATE, duplicate_of=7, duplicate_of_sheet="2019", cells=("A-1", "甲")),
            RowResult("2020", 6, RowStatus.DUPLICATE, duplicate_of=5, duplicate_of_sheet="2020", cells=("A-1", "甲")))
    model = PlanModel(ImportPlan(Path("x.xlsx"), "volumes", (), rows, ImportSummary(rows_read=2)), mapping)
    assert [model.data(model.index(r, PlanModel.PROBLEMS)) for r in (0, 1)] == ["与工作表“2019”第 7 行重复", "与第 5 行重复"]


def test_the_page_stop_button_leaves_the_wizard_open_and_says_nothing_was_imported(
        qtbot, wizard: ImportWizard, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    gate = Gate()
    monkeypatch.setattr(importer, "commit", gate.wrap_cancel(importer.commit))
    to_preview(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(gate.reached.is_set, timeout=10000)
    qtbot.mouseClick(wizard.import_page.stop, Qt.MouseButton.LeftButton)
    gate.open.set()
    qtbot.waitUntil(lambda: not wizard.import_page.running, timeout=30000)
    assert wizard.isVisible() and wizard.result is None
    assert "已取消导入" in wizard.import_page.result.text()
    assert not button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    back = button(wizard, QWizard.WizardButton.BackButton)
    assert not (back.isVisible() and back.isEnabled())
    qtbot.mouseClick(button(wizard, QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert volume_count(ctx) == 0


def test_stopping_the_check_says_so_and_offers_to_check_again(qtbot, wizard: ImportWizard,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate()
    monkeypatch.setattr(importer, "plan", gate.wrap_cancel(importer.plan))
    wizard.file_page.set_path(str(SAMPLE))
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(gate.reached.is_set, timeout=10000)
    # one 取消 closes the wizard; the page's own button says what it stops
    assert page.stop.isVisible() and page.stop.text() != button(wizard, QWizard.WizardButton.CancelButton).text()
    qtbot.mouseClick(page.stop, Qt.MouseButton.LeftButton)
    gate.open.set()
    qtbot.waitUntil(page.again.isVisible, timeout=30000)
    assert "已取消导入" not in page.summary.text()  # it was the check that stopped, not an import
    assert not page.stop.isVisible()
    assert page.progress.value() in (-1, page.progress.minimum())  # not left half way
    assert not button(wizard, QWizard.WizardButton.CommitButton).isEnabled()
    qtbot.mouseClick(page.again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert not page.again.isVisible() and page.view.model().rowCount() == 128
    assert button(wizard, QWizard.WizardButton.CommitButton).isEnabled()


class _Translator(QTranslator):
    """Chinese for one source text, whatever the context."""

    def __init__(self, source: str, text: str) -> None:
        super().__init__()
        self.source, self.text = source, text

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201, ARG002
        return self.text if source == self.source else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def test_the_file_dialog_filter_is_translated(qtbot, qapp, wizard: ImportWizard, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda _p, _c, _d, flt, *_a, **_k: (asked.append(flt), ("", ""))[1])
    translator = _Translator("Spreadsheets (%1)", "电子表格（%1）")
    qapp.installTranslator(translator)
    try:
        browse = next(b for b in wizard.file_page.findChildren(QPushButton) if b.text() == wizard.file_page.tr("Browse…"))
        qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    finally:
        qapp.removeTranslator(translator)
    assert len(asked) == 1
    assert asked[0].startswith("电子表格（*.xlsx") and "*.csv" in asked[0]


def test_a_bad_file_is_said_once_and_next_stays_disabled(qtbot, wizard: ImportWizard, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: boxes.append(text))
    page = wizard.file_page
    missing = tmp_path / "没有这个文件.xlsx"
    page.set_path(str(missing))
    page.path.editingFinished.emit()  # the field loses focus afterwards: the same path, read once
    nxt = button(wizard, QWizard.WizardButton.NextButton)
    assert not nxt.isEnabled()
    wizard.next()
    assert wizard.currentPage() is page
    assert boxes == []
    assert page.problem.isVisible()
    assert "不存在" in page.problem.text() and str(missing) not in page.problem.text()
    assert page.problem.text().count("没有这个文件.xlsx") == 1
    page.set_path(str(SAMPLE))
    assert nxt.isEnabled() and page.problem.text() == ""
    page.path.setText(str(missing))  # typed over, not read yet: no stale sheets to go on with
    assert not nxt.isEnabled() and page.sheet.count() == 0


def test_the_preview_shows_each_rows_problems_and_filters_them(qtbot, wizard: ImportWizard) -> None:  # noqa: ANN001
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    model = page.view.model()
    assert model.headerData(PlanModel.PROBLEMS, Qt.Orientation.Horizontal) == model.tr("Problems")
    assert PlanModel.PROBLEMS == 2  # right after the status
    texts = [model.data(model.index(r, PlanModel.PROBLEMS)) for r in range(model.rowCount())]
    assert any("2019.13.45" in t for t in texts)  # the reason as text, not only in a tooltip
    s = wizard.plan.summary
    page.only_problems.setChecked(True)
    assert model.rowCount() == s.rejected + s.duplicate
    assert all(model.data(model.index(r, PlanModel.PROBLEMS)) for r in range(model.rowCount()))
    page.only_problems.setChecked(False)
    assert model.rowCount() == s.rows_read


def test_filtering_a_hundred_thousand_rows_keeps_the_rows_with_problems(qapp) -> None:  # noqa: ANN001
    mapping = ColumnMapping(kind="volumes", sheet="s", header_row=1, headers=("档号", "题名"), fields=("code", "title"))
    problem = CellProblem("s", 0, "B", "题名", "", "缺少题名")
    rows = tuple(RowResult("s", i, RowStatus.REJECTED, problems=(problem,), cells=(f"A-{i}", "")) if i % 10 == 0
                 else RowResult("s", i, RowStatus.OK, cells=(f"A-{i}", "题名")) for i in range(2, 100_002))
    plan = ImportPlan(Path("x.xlsx"), "volumes", (), rows, ImportSummary(rows_read=len(rows)))
    model = PlanModel(plan, mapping)
    model.set_only_problems(True)
    assert model.rowCount() == 10_000
    model.set_only_problems(False)
    assert model.rowCount() == 100_000
    model.set_only_problems(True)
    assert model.data(model.index(0, PlanModel.PROBLEMS)) == "题名：缺少题名"
    assert model.data(model.index(0, PlanModel.ROW)) == 10


def _yearly_register(path: Path, *, odd_sheet: bool = False) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本登记表每年一张工作表"])
    for year in (2019, 2020):
        sheet = book.create_sheet(str(year))
        sheet.append([f"{year}年理赔案卷目录"])
        sheet.append(["档号", "年度", "保管期限", "案卷题名"])
        for i in range(1, 4):
            sheet.append([f"Q001-LP·{year}-D30-{i:04d}", year, "30年", f"{year}年第{i}号理赔案卷", "复印件"])
    if odd_sheet:
        sheet = book.create_sheet("2021")
        sheet.append(["档号", "案卷题名", "年度"])
        sheet.append(["Q001-LP·2021-D30-0001", "2021年第1号理赔案卷", 2021])
    book.save(path)
    return path


def test_every_sheet_of_a_yearly_register_in_one_import(qtbot, qapp, wizard: ImportWizard, ctx: AppContext, tmp_path: Path) -> None:  # noqa: ANN001
    install_translators(qapp, "zh_CN")
    page = wizard.file_page
    page.set_path(str(_yearly_register(tmp_path / "登记表.xlsx")))
    assert [page.sheet.itemData(i) for i in range(page.sheet.count())][1:] == ["说明", "2019", "2020"]
    # every sheet holding a register, unless the clerk picks one: a 说明 sheet in front is no trap
    assert page.sheet.currentText() == "所有登记表工作表"
    wizard.next()
    mapping_page = wizard.mapping_page
    assert wizard.sheets == ["2019", "2020"]  # 说明 holds no register
    assert "2019、2020" in mapping_page.sheets.text()
    assert mapping_page.isComplete()
    # the clerk maps by hand a column that has no header (E: 备注 written beside each row)
    mapping_page.set_mapping(wizard.mapping.with_field("E", "notes"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert (wizard.plan.summary.rows_read, wizard.plan.summary.ok) == (6, 6)
    assert {r.sheet: r.values.get("notes") for r in wizard.plan.rows} == {"2019": "复印件", "2020": "复印件"}
    model = wizard.preview_page.view.model()
    assert model.data(model.index(3, PlanModel.ROW)) == "2020 / 3"  # which sheet each row comes from
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert wizard.result.created == 6 and volume_count(ctx) == 6


def test_sheets_with_other_columns_are_imported_one_at_a_time(qtbot, wizard: ImportWizard, ctx: AppContext, tmp_path: Path) -> None:  # noqa: ANN001
    page = wizard.file_page
    page.set_path(str(_yearly_register(tmp_path / "登记表.xlsx", odd_sheet=True)))
    page.sheet.setCurrentIndex(0)
    wizard.next()
    mapping_page = wizard.mapping_page
    assert "2021" in mapping_page.problem.text() and "2019" in mapping_page.problem.text()
    assert not mapping_page.isComplete()
    wizard.back()
    page.sheet.setCurrentIndex(page.sheet.findData("2021"))
    wizard.next()
    assert mapping_page.isComplete() and wizard.mapping.sheet == "2021"


def test_locations_the_shelving_lacks_are_explained_and_can_go_into_the_notes(qtbot, qapp, wizard: ImportWizard,  # noqa: ANN001
                                                                             ctx: AppContext, tmp_path: Path) -> None:
    """A catalogue with shelving (the demo's) knows none of the sample's places: the preview said "可导入 0 +
    有错误 122" and the clerk had to find the 不导入 mapping. The fonds the import creates is named here."""
    from archive_desk.services import locations

    install_translators(qapp, "zh_CN")
    with ctx.db.write() as session:
        room = locations.create_room(session, ctx.actor, 1)
        locations.create_rack(session, ctx.actor, room.id, 9, sides=1, columns=2, sections=1, layers=2)
    to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert wizard.plan.summary.ok == 0 and not preview.isComplete()
    assert "有 114 行仅因存放位置在库房中不存在而不能导入" in preview.summary.text()
    assert preview.without_locations.isVisible() and "“不导入存放位置（记入备注）”" in preview.summary.text()
    wizard.plan = None
    preview.without_locations.setChecked(True)  # checks the file again
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.plan.summary.ok == 114 and preview.isComplete()
    assert "114 卷的存放位置将以文字记入备注" in preview.summary.text()
    name = preview.findChild(QLineEdit, "fondsName_Q001")
    assert name is not None and name.isVisible() and name.text() == ""  # the sample has no 全宗名称 column
    name.setText("某保险公司理赔档案")
    preview.grab().save(str(tmp_path / "preview.png"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)
    assert wizard.result.created == 114
    conn = sqlite3.connect(ctx.catalogue_path)
    try:
        assert conn.execute("SELECT name FROM fonds WHERE code = 'Q001'").fetchone() == ("某保险公司理赔档案",)
        assert conn.execute("SELECT count(*) FROM volumes WHERE layer_id IS NULL AND notes LIKE '%原存放位置：%'").fetchone() == (114,)
    finally:
        conn.close()


def test_a_yearly_workbook_with_its_item_list_imports_both(qtbot, qapp, wizard: ImportWizard, ctx: AppContext,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    """Volumes on one sheet, their 卷内目录 on another: the item list was taken for a register of volumes
    with other columns ("import the sheets one at a time")."""
    install_translators(qapp, "zh_CN")
    register = tmp_path / "2019年.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "2019年案卷"
    book.active.append(["序号", "档号", "年度", "保管期限", "案卷题名"])
    items = book.create_sheet("卷内目录")
    items.append(["序号", "档号", "文号", "题名", "日期", "页数"])
    for n in (1, 2, 3):
        book.active.append([n, f"Q001-LP·2019-D30-{n:04d}", 2019, "定期30年", f"第{n}号理赔案卷"])
        for seq in (1, 2):
            items.append([seq, f"Q001-LP·2019-D30-{n:04d}", "", f"第{seq}份文件", "2019年3月", 2])
    book.save(register)
    wizard.file_page.set_path(str(register))
    wizard.next()
    assert wizard.sheets == ["2019年案卷"] and wizard.item_sheets == ["卷内目录"]
    assert "卷内目录" in wizard.mapping_page.sheets.text() and wizard.mapping_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.plan.summary.ok == 3 and wizard.items_plan.summary.ok == 6
    assert "卷内目录（卷内目录）：共读取 6 行 = 可导入 6" in wizard.preview_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=30000)
    assert (wizard.result.created, wizard.result.items) == (3, 6)
    conn = sqlite3.connect(ctx.catalogue_path)
    try:
        assert conn.execute("SELECT count(*), count(DISTINCT date_precision) FROM items").fetchone() == (6, 1)
    finally:
        conn.close()
