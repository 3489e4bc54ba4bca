"""The reports area (统计报表): the yearly inventory workbook for the annual report (年报).

Pick the year and the file, export: the workbook is written in a worker thread with a progress bar and a
Cancel button. The file appears only when complete; a target that is open in Excel is reported plainly
and left untouched; a cancel leaves no file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import FileLockedError, UserError
from archive_desk.exporting.filesafe import ExportCancelled
from archive_desk.services import inventory
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.save_dialog import documents_folder, get_save_file_name
from archive_desk.ui.workers import Runner


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    """The file dialog (a function of its own so tests can answer it)."""
    return get_save_file_name(parent, caption, suggested, file_filter)


def default_year(today: date | None = None) -> int:
    """The year a report is most likely made for: the year before in its first quarter (年报 are due early
    in January), else the current one."""
    today = today or date.today()
    return today.year - 1 if today.month <= 3 else today.year


class ReportsArea(Area):
    area_id = "reports"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_result: object = None
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)
        self._runner.progressed.connect(self._on_runner_progressed)

        box = QGroupBox(self.tr("Yearly inventory workbook (for the annual report 档案室基本情况年报)"), self)
        form = QFormLayout(box)
        self.year_spin = QSpinBox(box)
        self.year_spin.setObjectName("inventoryYear")
        self.year_spin.setRange(1949, date.today().year + 1)
        self.year_spin.setValue(default_year())
        self.year_spin.setMaximumWidth(120)
        self.year_spin.valueChanged.connect(self._on_year_spin_valueChanged)
        form.addRow(self.tr("Year"), self.year_spin)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(box)
        self.path_edit.setObjectName("inventoryPath")
        self.choose_button = QPushButton(self.tr("Choose…"), box)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("File"), row)
        about = QLabel(self.tr("Summary (holdings by fonds, category and retention in volumes, items, pages and boxes; the "
                               "year's changes; use; stocktakes), the annual report layout, the holdings register and the "
                               "volumes received, transferred out and destroyed, the year's loans, and a chart."), box)
        about.setWordWrap(True)
        form.addRow("", about)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export"), box)
        self.export_button.setObjectName("exportInventory")
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"), box)
        self.cancel_button.setObjectName("cancelInventory")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.progress = QProgressBar(box)
        self.progress.setObjectName("inventoryProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        form.addRow(self.tr("Progress"), self.progress)
        self.message = QLabel(box)
        self.message.setObjectName("inventoryMessage")
        self.message.setWordWrap(True)
        form.addRow("", self.message)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self._suggest_path()

    def title(self) -> str:
        return self.tr("Reports")

    def _folder(self) -> Path:
        return Path(self.ctx.settings.extra.get("export_folder") or str(documents_folder()))

    def _file_name(self, year: int) -> str:
        return self.tr("Yearly inventory %1.xlsx").replace("%1", str(year))

    def _suggest_path(self) -> None:
        self.path_edit.setText(str(self._folder() / self._file_name(self.year_spin.value())))

    def _on_year_spin_valueChanged(self, year: int) -> None:
        current = Path(self.path_edit.text()) if self.path_edit.text() else None
        folder = current.parent if current else self._folder()
        self.path_edit.setText(str(folder / self._file_name(year)))

    def _on_choose_button_clicked(self) -> None:
        path = ask_save_path(self, self.tr("Save the yearly inventory"), self.path_edit.text(),
                             self.tr("Excel workbooks (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.path_edit.setText(path)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def start_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._on_choose_button_clicked()
            text = self.path_edit.text().strip()
            if not text:
                return
        path = Path(text)
        year = self.year_spin.value()
        self.ctx.settings.extra["export_folder"] = str(path.parent)
        try:
            self.ctx.save_settings()
        except OSError:
            pass
        db = self.ctx.db
        actor = self.ctx.actor

        def job(progress, should_cancel):  # noqa: ANN001, ANN202 - in a worker thread, with its own session
            with db.read() as s:
                return inventory.export_inventory(s, year, path, progress=progress, should_cancel=should_cancel,
                                                  viewer=actor)

        self.progress.setValue(0)
        self._set_message(self.tr("Writing the %1 inventory…").replace("%1", str(year)), "")
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._runner.start(job, with_progress=True)

    def cancel_export(self) -> None:
        if self._runner.busy:
            self._runner.cancel()
            self.cancel_button.setEnabled(False)
            self._set_message(self.tr("Cancelling…"), "")

    def _set_message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{color};" if color else "")
        self.statusChanged.emit(text)

    def _done(self) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 100 / total) if total else 0)

    def _on_runner_finished(self, result: object) -> None:
        self._done()
        self.last_result = result
        self.progress.setValue(100)
        self._set_message(self.tr("Saved %1").replace("%1", str(result)), "#1b5e20")

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._done()
        self.last_result = exc
        self.progress.setValue(0)
        if isinstance(exc, ExportCancelled):
            self._set_message(exc.message, "#7f6000")
        elif isinstance(exc, FileLockedError):
            self._set_message(exc.message, "#b00020")
        elif isinstance(exc, UserError):
            self._set_message(str(exc), "#b00020")
        elif isinstance(exc, BaseException):
            self._set_message(str(exc), "#b00020")
            show_error(self, exc)  # a bug: the crash dialog with the details


def create(ctx: AppContext, parent: QWidget | None = None) -> ReportsArea:
    return ReportsArea(ctx, parent)
