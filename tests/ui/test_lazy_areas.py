"""The main window builds only the catalogue at start; every other area is listed in the navigation at
once and built on its first show, in its own place, with its saved state. The heavy libraries of the
other areas (reportlab, openpyxl, python-barcode, Pillow, calamine, pypinyin, QtPdf) and Alembic are not
imported by starting the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from archive_desk import app as app_module
from archive_desk.services import catalogue, loans
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue
from archive_desk.settings import Settings
from archive_desk.ui.areas import AREAS

ACTOR = Actor("clerk1", "desk-1")
#: the areas whose modules exist (the navigation lists exactly these)
AREAS_DIR = Path(app_module.__file__).parent / "ui" / "areas"
EXISTING = [area_id for area_id, module in AREAS if (AREAS_DIR / f"{module.rsplit('.', 1)[1]}.py").exists()
            or (AREAS_DIR / module.rsplit(".", 1)[1] / "__init__.py").exists()]  # a module or a package


def seed(path: Path, *, overdue: bool = False) -> None:
    db = open_catalogue(path)
    try:
        with db.write() as s:
            fonds = catalogue.create_fonds(s, ACTOR, "Z109", "江南财产保险股份有限公司")
            lp = catalogue.get_category(s, code="LP")
            volume = catalogue.create_volume(s, ACTOR, {"fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30",
                                                        "title": "张伟机动车辆保险追尾事故理赔案卷", "pages": 12})
            if overdue:
                borrower = loans.create_borrower(s, ACTOR, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
                loans.lend(s, ACTOR, borrower.id, [volume.id], "工作查考", "外借", date.today() - timedelta(days=2), "王建国", "同意",
                           now=datetime.now() - timedelta(days=9))
    finally:
        db.dispose()


def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    Settings(language="zh_CN").save(path)
    return path


def test_only_the_catalogue_is_built_at_start_and_the_others_on_first_show(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sqlite"
    seed(path)
    _app, window = app_module.start(path, settings_path=settings_file(tmp_path))
    qtbot.addWidget(window)
    try:
        assert list(window.areas) == ["catalogue"]
        assert window.area_ids() == EXISTING  # every area is listed, built or not
        assert [window.nav.item(row).text() for row in range(window.nav.count())][:2] == ["案卷目录", "排架"]
        assert window.nav.count() == window.stack.count()

        labels = window.show_area("labels")  # built now, in its place: the navigation row shows it
        assert list(window.areas) == ["catalogue", "labels"] and window.areas["labels"] is labels
        row = window.area_ids().index("labels")
        assert window.stack.indexOf(labels) == row and window.nav.currentRow() == row
        assert window.current_area() is labels and window.nav.item(row).text() == labels.title()

        window.nav.setCurrentRow(window.area_ids().index("reports"))  # clicking the navigation builds it too
        assert window.current_area() is window.areas["reports"]
        assert window.show_area("labels") is labels  # built once
        assert window.nav.count() == window.stack.count() == len(EXISTING)
    finally:
        window.ctx.db.dispose()


def test_an_area_built_later_gets_its_saved_state_and_one_never_shown_keeps_it(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sqlite"
    seed(path)
    settings = settings_file(tmp_path)
    _app, window = app_module.start(path, settings_path=settings)
    qtbot.addWidget(window)
    try:
        lending = window.show_area("lending")
        lending.tabs.setCurrentWidget(lending.borrowers)
        window.save_state()
    finally:
        window.close()
        window.ctx.db.dispose()

    _app, window = app_module.start(path, settings_path=settings)
    qtbot.addWidget(window)
    try:
        window.save_state()  # lending was not shown this time: its saved state stays
        assert "lending" not in window.areas
        lending = window.show_area("lending")
        assert lending.tabs.currentWidget() is lending.borrowers
    finally:
        window.close()
        window.ctx.db.dispose()


def test_the_lending_badge_shows_before_the_lending_area_is_built(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.sqlite"
    seed(path, overdue=True)
    _app, window = app_module.start(path, settings_path=settings_file(tmp_path))
    qtbot.addWidget(window)
    try:
        row = window.area_ids().index("lending")
        qtbot.waitUntil(lambda: window.nav.item(row).text() == "借阅  逾期 1", timeout=5000)  # counted after the window shows
        assert "lending" not in window.areas
        area = window.show_area("lending")
        qtbot.waitUntil(lambda: area.overdue == 1, timeout=5000)  # the area keeps it from now on
        assert window.nav.item(row).text() == "借阅  逾期 1"
    finally:
        window.ctx.db.dispose()


def test_an_area_that_fails_to_open_leaves_the_navigation(qtbot, tmp_path: Path, monkeypatch) -> None:
    from archive_desk.ui.areas import reports

    path = tmp_path / "catalogue.sqlite"
    seed(path)
    _app, window = app_module.start(path, settings_path=settings_file(tmp_path))
    qtbot.addWidget(window)

    def broken(*_args: object) -> None:
        raise RuntimeError("broken area")

    monkeypatch.setattr(reports, "create", broken)
    try:
        window.nav.setCurrentRow(window.area_ids().index("reports"))
        assert "reports" not in window.area_ids() and "reports" not in window.areas
        assert window.nav.count() == window.stack.count() == len(EXISTING) - 1
        assert window.current_area() is not None
        assert window.stack.indexOf(window.current_area()) == window.nav.currentRow()
    finally:
        window.ctx.db.dispose()


def test_starting_the_app_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    """In a fresh interpreter, as a person starts it: the window shown, the catalogue listed."""
    path = tmp_path / "catalogue.sqlite"
    seed(path)
    script = f"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QThreadPool
from archive_desk import app
qapp, window = app.start(Path({str(path)!r}), settings_path=Path({str(settings_file(tmp_path))!r}))
area = window.areas["catalogue"]
while area._list_runner.busy or area._warm_runner.busy or area.model.rowCount() != 1:
    qapp.processEvents()
QThreadPool.globalInstance().waitForDone()  # no worker thread left running into the interpreter's exit
heavy = ("reportlab", "openpyxl", "barcode", "PIL", "python_calamine", "pypinyin", "PySide6.QtPdf",
         "PySide6.QtPdfWidgets", "alembic", "sqlalchemy.dialects.postgresql", "archive_desk.printing",
         "archive_desk.exporting", "archive_desk.importing")
print(json.dumps(sorted(name for name in heavy if name in sys.modules)))
window.scan_detector.uninstall()
window.ctx.db.dispose()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ARCHIVE_DESK_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
