"""Backups in the window (issue #18): 文件 → 备份… (now), 文件 → 恢复… (verify, drill or restore),
文件 → 备份登记… (print, export) and 文件 → 备份设置… (folder, interval, at exit, rotation); automatic
backups on a timer and at exit (:class:`AutoBackup`).

The work is ``services/backup.py``; it runs through ``ui/workers.Runner``. A backup that fails
verification is never quiet: a critical message box opens at once, whether the backup was asked for or
automatic.
"""

from __future__ import annotations

import dataclasses

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.services import backup
from archive_desk.services.ops import BACKUPS, TABLE_AREAS, OpChanges
from archive_desk.ui.crash import show_error
from archive_desk.ui.ops import announce
from archive_desk.ui.save_dialog import get_save_file_name
from archive_desk.ui.workers import Runner

if TYPE_CHECKING:
    from archive_desk.ui.context import AppContext
    from archive_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FAILED_STYLE = "color: #B00020; font-weight: bold;"
#: the first automatic backup comes no sooner than this after the window opens (start-up first)
FIRST_BACKUP_AFTER_MS = 60_000


def backup_folder(ctx: AppContext) -> Path:
    return backup.default_folder(ctx.catalogue_path, ctx.settings.backup_folder)


def _rotation(ctx: AppContext) -> backup.Rotation:
    return backup.Rotation.from_mapping(ctx.settings.backup_keep)


def _run_backup(ctx: AppContext, folder: Path, kind: str, progress, should_cancel,  # noqa: ANN001 - the worker's callbacks, passed through
                only_if_changed: bool = False) -> backup.BackupManifest | None:
    """In a worker: back up, then rotate (only after a good backup, and only in the workstation's folder).
    Automatic backups (``only_if_changed``) write nothing when nothing changed since the last good one."""
    if only_if_changed and not backup.changed_since_last_backup(ctx.db):
        return None
    # an automatic backup is the workstation's, whoever is logged in (a 借阅登记员's session is backed up too)
    actor = dataclasses.replace(ctx.actor, role=None) if only_if_changed else ctx.actor
    manifest = backup.make_backup(ctx.db, folder, actor=actor, kind=kind, progress=progress, should_cancel=should_cancel)
    if manifest.verified and folder == backup_folder(ctx):
        try:
            backup.rotate(ctx.db, folder, _rotation(ctx), actor=actor)
        except Exception:
            log.exception("rotation of %s failed", folder)
    return manifest


def _failed_text(m: backup.BackupManifest) -> str:
    return (QCoreApplication.translate("Backups", "The backup failed verification and is NOT a good backup.\n\n%1\n\nIt was kept as %2 for inspection. "
                      "Make a new backup, and check the disk or the catalogue (archive-desk check).")
            .replace("%1", _first_lines(m.problems)).replace("%2", str(m.path)))


def _first_lines(problems: tuple[str, ...], limit: int = 8) -> str:
    """The problems, at most ``limit`` lines (integrity_check alone can say hundreds); the rest are in the manifest."""
    lines = [line for problem in problems for line in problem.splitlines()]
    return "\n".join(lines[:limit] + (["…"] if len(lines) > limit else []))


def shout_failed(parent: QWidget, m: backup.BackupManifest) -> QMessageBox:
    """The loud report of a failed backup: a critical message box, opened at once (non-blocking)."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Backups", "Backup failed verification"), _failed_text(m),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("backupFailedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _folder_row(parent: QWidget, edit: QLineEdit) -> QHBoxLayout:
    browse = QPushButton(QCoreApplication.translate("Backups", "Choose…"), parent)
    browse.setObjectName("chooseFolderButton")

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("Backups", "Backup folder"), edit.text())
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


# --------------------------------------------------------------------------- 备份


class BackupDialog(QDialog):
    """文件 → 备份…: back up now to a folder, with progress, and say plainly how it went."""

    backupWritten = Signal(object)  # BackupManifest

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up the catalogue"))
        self.resize(620, 220)
        self.last_manifest: backup.BackupManifest | None = None
        self.failed_box: QMessageBox | None = None
        self.folder_edit = QLineEdit(str(backup_folder(ctx)), self)
        self.folder_edit.setObjectName("backupFolderEdit")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.message = QLabel(self.tr("The catalogue stays in use while the backup is written."), self)
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start_button = QPushButton(self.tr("Back up now"), self)
        self.start_button.setObjectName("backupStartButton")
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), _folder_row(self, self.folder_edit))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.start_button, self.cancel_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message, 1)
        layout.addLayout(buttons)
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.runner.cancel)
        close.clicked.connect(self.reject)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def start(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Choose a folder for the backup."))
            return
        folder = Path(text)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing and verifying the backup…"))
        ctx = self.ctx
        self.runner.start(lambda progress, cancel: _run_backup(ctx, folder, "manual", progress, cancel), with_progress=True)

    def _done(self) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done * 100 // max(total, 1))

    def _on_runner_finished(self, m: backup.BackupManifest) -> None:
        self._done()
        self.last_manifest = m
        announce(self.ctx, OpChanges(areas=frozenset({BACKUPS})))  # the backup register has a new line
        self.backupWritten.emit(m)
        if m.verified:
            self.progress.setValue(100)
            self.message.setText(self.tr("Backup written and verified: %1 (%2, SHA-256 %3…)")
                                 .replace("%1", str(m.path)).replace("%2", _size(m.size_bytes)).replace("%3", m.sha256[:16]))
        else:
            self.message.setStyleSheet(FAILED_STYLE)
            self.message.setText(self.tr("BACKUP FAILED VERIFICATION: %1 is not a good backup.").replace("%1", str(m.path)))
            self.failed_box = shout_failed(self, m)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._done()
        self.message.setStyleSheet(FAILED_STYLE)
        self.message.setText(self.tr("No backup was written: %1").replace("%1", str(exc)))
        if isinstance(exc, BaseException) and not isinstance(exc, backup.BackupCancelled):
            show_error(self, exc)


# --------------------------------------------------------------------------- 恢复


class RestoreDialog(QDialog):
    """文件 → 恢复…: pick a backup; verify it, drill it (scratch copy, compare, switch nothing) or restore
    it (the current catalogue is kept as a safety copy, the restore is recorded in the restored trail)."""

    restored = Signal(object)  # RestoreResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(860, 560)
        self.other_file: Path | None = None
        self.backups: list[backup.BackupManifest] = []
        self.last_result: object = None
        self._pending: str = ""
        self.folder_edit = QLineEdit(str(backup_folder(ctx)), self)
        self.folder_edit.editingFinished.connect(self.reload)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Backed up at"), self.tr("Kind"), self.tr("State"), self.tr("Size"),
                                              self.tr("Account"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        other = QPushButton(self.tr("Other file…"), self)
        other.clicked.connect(self.choose_file)
        self.chosen_label = QLabel(self)
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.setObjectName("verifyButton")
        self.drill_button = QPushButton(self.tr("Restore drill"), self)
        self.drill_button.setObjectName("drillButton")
        self.drill_button.setToolTip(self.tr("Restore to a scratch folder and compare; the catalogue in use is not switched"))
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setObjectName("restoreButton")
        close = QPushButton(self.tr("Close"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("restoreReport")
        self.report.setReadOnly(True)
        self.report.setMaximumBlockCount(500)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), _folder_row(self, self.folder_edit))
        pick = QHBoxLayout()
        pick.addWidget(other)
        pick.addWidget(self.chosen_label, 1)
        buttons = QHBoxLayout()
        for b in (self.verify_button, self.drill_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 2)
        layout.addLayout(pick)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.progressed.connect(lambda d, t: self.progress.setValue(d * 100 // max(t, 1)))
        self.verify_button.clicked.connect(self.verify)
        self.drill_button.clicked.connect(self.drill)
        self.restore_button.clicked.connect(self.ask_restore)
        close.clicked.connect(self.reject)
        self.folder_edit.textChanged.connect(lambda _t: QTimer.singleShot(0, self.reload))
        self.reload()

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def reload(self) -> None:
        self.backups = backup.list_backups(Path(self.folder_edit.text().strip() or "."))
        self.table.setRowCount(len(self.backups))
        for row, m in enumerate(self.backups):
            state = self.tr("verified") if m.verified else self.tr("FAILED")
            values = (f"{backup._local(m.created_at):%Y-%m-%d %H:%M:%S}", backup.kind_text(m.kind), state,  # noqa: SLF001 - the same package's own object
                      _size(m.size_bytes), f"{m.account}@{m.workstation}", m.file_name)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not m.verified:
                    item.setForeground(QColor("#B00020"))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        good = [row for row, m in enumerate(self.backups) if m.verified]
        if good and self.other_file is None:
            self.table.selectRow(good[0])  # the newest good backup
        self._update_buttons()

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), self.folder_edit.text(),
                                                    self.tr("Catalogue backups (*.sqlite)"))
        if name:
            self.select_file(Path(name))

    def select_file(self, path: Path) -> None:
        self.other_file = path
        self.table.clearSelection()
        self.chosen_label.setText(str(path))
        self._update_buttons()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.backups[rows[0].row()].path
        return self.other_file

    def _update_buttons(self) -> None:
        if self.table.selectionModel().selectedRows():
            self.other_file = None
            self.chosen_label.setText("")
        has = self.selected() is not None and not self.runner.busy
        rows = self.table.selectionModel().selectedRows()
        failed = bool(rows) and not self.backups[rows[0].row()].verified  # a failed backup can be verified, not restored
        self.verify_button.setEnabled(has)
        self.drill_button.setEnabled(has and not failed)
        self.restore_button.setEnabled(has and not failed)

    def _start(self, what: str, fn) -> None:  # noqa: ANN001 - a worker function of any shape
        self._pending = what
        self.progress.setValue(0)
        for b in (self.verify_button, self.drill_button, self.restore_button):
            b.setEnabled(False)
        self.runner.start(fn, with_progress=True)

    def verify(self) -> None:
        path = self.selected()
        if path is None:
            return
        self.report.setPlainText(self.tr("Verifying %1…").replace("%1", str(path)))
        self._start("verify", lambda progress, cancel: backup.verify_backup(path, progress=progress, should_cancel=cancel))

    def drill(self) -> None:
        path = self.selected()
        if path is None:
            return
        self.report.setPlainText(self.tr("Restore drill of %1…").replace("%1", str(path)))
        ctx = self.ctx
        self._start("drill", lambda progress, cancel: backup.drill(path, live=ctx.db, actor=ctx.actor, progress=progress,
                                                                   should_cancel=cancel))

    def ask_restore(self) -> None:
        path = self.selected()
        if path is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from a backup"),
                          self.tr("Replace the catalogue in use by the backup %1?\n\nThe backup is verified and checked first; "
                                  "the catalogue in use is kept as a safety copy beside it. Changes made since the backup "
                                  "are then only in the safety copy. Other workstations must close the catalogue first.")
                          .replace("%1", str(path)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmRestoreBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirmed_path = path
        box.finished.connect(self._on_confirm_box_finished)
        box.open()
        self.confirm_box = box

    def _on_confirm_box_finished(self, code: int) -> None:
        if code == QMessageBox.StandardButton.Yes:
            self.restore(self._confirmed_path)

    def restore(self, path: Path) -> None:
        ctx = self.ctx
        self.report.setPlainText(self.tr("Restoring %1…").replace("%1", str(path)))
        self._start("restore", lambda progress, cancel: backup.prepare_restore(
            path, ctx.catalogue_path, actor=ctx.actor, progress=progress, should_cancel=cancel))

    def _on_runner_finished(self, result: object) -> None:
        self.progress.setValue(100)
        what, self._pending = self._pending, ""
        if what == "restore" and isinstance(result, backup.PreparedRestore):
            prepared = result
            try:
                # the switch: every pooled connection is closed; the next query opens the restored file
                self.ctx.db.dispose()
                result = backup.finish_restore(prepared)
            except Exception as exc:  # noqa: BLE001 - not switched: the prepared copy and its safety copy go
                backup.discard_restore(prepared)
                self._update_buttons()
                show_error(self, exc)
                return
            try:
                from archive_desk.db.migrate import upgrade

                upgrade(self.ctx.db)  # a backup from an older schema is brought up to this version's
            except Exception as exc:  # noqa: BLE001 - switched already: the safety copy is the catalogue replaced, kept
                self._update_buttons()
                show_error(self, exc)
                return
        self.last_result = result
        self.report.setPlainText(self._describe(result))
        if isinstance(result, backup.RestoreResult):
            # another catalogue altogether: every area reads it again (hidden ones when shown)
            announce(self.ctx, OpChanges(bulk=frozenset(TABLE_AREAS.values()), areas=frozenset(TABLE_AREAS.values())))
            self.restored.emit(result)
        self._update_buttons()
        self.reload()

    def _describe(self, result: object) -> str:
        if isinstance(result, backup.VerifyResult):
            head = (self.tr("Verified: the backup is good (integrity, audit trail, %1 tables counted and digested).")
                    .replace("%1", str(len(result.tables))) if result.ok else self.tr("The backup FAILED verification:"))
            return "\n".join([head, *result.problems, *result.notes, f"SHA-256 {result.sha256}"])
        if isinstance(result, backup.DrillResult):
            if not result.ok:
                return "\n".join([self.tr("Restore drill FAILED:"), *result.problems])
            lines = [self.tr("Restore drill passed: the backup was restored to a scratch folder and %1 tables are equal to it. "
                             "Nothing was switched.").replace("%1", str(len(result.tables)))]
            if result.since_backup:
                lines.append(self.tr("Rows since the backup (backup → now):"))
                lines.extend(f"  {name}: {a} → {b}" for name, (a, b) in result.since_backup.items())
            return "\n".join(lines)
        if isinstance(result, backup.RestoreResult):
            lines = [self.tr("Restored and checked: %1 tables equal to the backup. The catalogue in use is now the restored one.")
                     .replace("%1", str(len(result.tables)))]
            if result.safety_copy is not None:
                lines.append(self.tr("The catalogue that was in use is kept as %1").replace("%1", str(result.safety_copy)))
            return "\n".join(lines)
        return str(result)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        self._pending = ""
        self._update_buttons()
        self.report.setPlainText(str(exc))
        if isinstance(exc, BaseException):
            show_error(self, exc)


# --------------------------------------------------------------------------- 备份设置


class BackupSettingsDialog(QDialog):
    """Backup folder, interval, at exit, rotation: this workstation's settings."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.settings
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle(self.tr("Backup settings"))
        self.folder_edit = QLineEdit(s.backup_folder, self)
        self.folder_edit.setPlaceholderText(str(backup.default_folder(ctx.catalogue_path)))
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(0, 24 * 60)
        self.interval_spin.setSingleStep(30)
        self.interval_spin.setSpecialValueText(self.tr("never"))
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.setValue(s.backup_interval_minutes)
        self.exit_check = QCheckBox(self.tr("Back up when ArchiveDesk closes"), self)
        self.exit_check.setChecked(s.backup_at_exit)
        keep = backup.Rotation.from_mapping(s.backup_keep)
        self.daily_spin, self.weekly_spin, self.monthly_spin = (QSpinBox(self) for _ in range(3))
        for spin, value in ((self.daily_spin, keep.daily), (self.weekly_spin, keep.weekly), (self.monthly_spin, keep.monthly)):
            spin.setRange(0, 999)
            spin.setValue(value)
        self.daily_spin.setMinimum(1)
        self.server_check = QCheckBox(self.tr("This PC makes the server's scheduled backups"), self)
        self.server_check.setChecked(s.server_backup_pc)
        self.server_check.setToolTip(self.tr("A catalogue on the room's server is backed up on the interval by one PC only, "
                                             "never by every PC as it closes."))
        self.server_check.setVisible(not ctx.db.is_sqlite)
        note = QLabel(self.tr("Automatic backups (on the interval and at exit) run only when a folder is chosen. A USB drive "
                              "or a network folder keeps them away from this computer's disk."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), _folder_row(self, self.folder_edit))
        form.addRow(self.tr("Every:"), self.interval_spin)
        form.addRow("", self.exit_check)
        form.addRow("", self.server_check)
        form.addRow(self.tr("Keep daily:"), self.daily_spin)
        form.addRow(self.tr("Keep weekly:"), self.weekly_spin)
        form.addRow(self.tr("Keep monthly:"), self.monthly_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        s = self.ctx.settings
        s.backup_folder = self.folder_edit.text().strip()
        s.backup_interval_minutes = self.interval_spin.value()
        s.backup_at_exit = self.exit_check.isChecked()
        s.server_backup_pc = self.server_check.isChecked()
        s.backup_keep = {"daily": self.daily_spin.value(), "weekly": self.weekly_spin.value(), "monthly": self.monthly_spin.value()}
        self.ctx.save_settings()
        super().accept()


# --------------------------------------------------------------------------- 备份登记


class BackupRegisterDialog(QDialog):
    """备份登记: every backup written, good or failed, with print and export."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupRegisterDialog")
        self.setWindowTitle(self.tr("Backup register"))
        self.resize(1000, 480)
        self.table = QTableWidget(self)
        self.table.setObjectName("registerTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        print_button = QPushButton(self.tr("Print…"), self)
        print_button.setObjectName("printRegisterButton")
        export_button = QPushButton(self.tr("Export…"), self)
        export_button.setObjectName("exportRegisterButton")
        close = QPushButton(self.tr("Close"), self)
        print_button.clicked.connect(self.print_register)
        export_button.clicked.connect(self.export_register)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (print_button, export_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        from archive_desk.exporting.backup_register import columns

        self.sheet = backup.register_sheet(backup.register_rows(self.ctx.db), catalogue=self.ctx.catalogue_path)
        cols = columns()
        self.table.setColumnCount(len(cols))
        self.table.setHorizontalHeaderLabels([name for name, _w in cols])
        self.table.setRowCount(len(self.sheet.lines))
        good = backup.state_text("good")
        for r, (line, values) in enumerate(zip(self.sheet.lines, self.sheet.rows, strict=True)):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if line.state != good:
                    item.setForeground(QColor("#B00020"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def pdf(self) -> bytes:
        from archive_desk.printing.backup_register import render_backup_register

        data = render_backup_register(self.sheet)
        assert isinstance(data, bytes)  # noqa: S101 - narrows the type; the code guarantees it
        return data

    def print_register(self) -> None:
        from archive_desk.ui.pdf_print import PdfPreviewDialog

        try:
            data = self.pdf()
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.preview = PdfPreviewDialog(data, self.tr("Backup register"), self.tr("Backup register") + ".pdf", self)
        self.preview.open()

    def export_register(self, path: str | None = None) -> Path | None:
        from archive_desk.exporting.backup_register import write_backup_register

        if not path:
            path = get_save_file_name(self, self.tr("Export the backup register"),
                                      self.tr("Backup register") + ".xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        try:
            return write_backup_register(self.sheet, path)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None


# --------------------------------------------------------------------------- automatic backups


class AutoBackup(QObject):
    """Backups on an interval while the window is open, and one at exit, into the workstation's folder."""

    backupWritten = Signal(object)  # BackupManifest

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.timeout.connect(self._on_timer_timeout)
        self.runner = Runner(self)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.failed_box: QMessageBox | None = None
        self.last_manifest: backup.BackupManifest | None = None
        self.skipped = False
        #: the dialogs opened from the File menu (kept so they live while open; tests reach them here)
        self.backup_dialog: BackupDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.register_dialog: BackupRegisterDialog | None = None
        self.settings_dialog: BackupSettingsDialog | None = None
        self.apply_settings()

    @property
    def enabled(self) -> bool:
        # a read-only catalogue changes nothing, and its backups could not be registered in it; the room's server
        # is backed up by its one designated PC only
        designated = self.ctx.db.is_sqlite or self.ctx.settings.server_backup_pc
        return bool(self.ctx.settings.backup_folder) and not self.ctx.db.read_only and designated

    def apply_settings(self) -> None:
        """The interval counts from the last good backup (a session shorter than the interval still gets
        its backup when one is due), at the earliest :data:`FIRST_BACKUP_AFTER_MS` after start."""
        minutes = self.ctx.settings.backup_interval_minutes
        if self.enabled and minutes > 0:
            self.timer.start(self._first_wait_ms(minutes * 60_000))
        else:
            self.timer.stop()

    def _first_wait_ms(self, interval_ms: int) -> int:
        try:
            last = next((r.created_at for r in backup.register_rows(self.ctx.db, limit=20) if r.verified), None)
        except Exception:
            log.exception("last backup time not read")
            return interval_ms
        if last is None:
            return FIRST_BACKUP_AFTER_MS
        age_ms = int((datetime.now(UTC).replace(tzinfo=None) - last).total_seconds() * 1000)
        return max(FIRST_BACKUP_AFTER_MS, min(interval_ms, interval_ms - age_ms))

    def _on_timer_timeout(self) -> None:
        minutes = self.ctx.settings.backup_interval_minutes
        if minutes > 0 and self.timer.interval() != minutes * 60_000:
            self.timer.start(minutes * 60_000)  # after the first, catching-up wait: the full interval
        if not self.enabled or self.runner.busy:
            return
        ctx, folder = self.ctx, backup_folder(self.ctx)
        self.runner.start(lambda progress, cancel: _run_backup(ctx, folder, "auto", progress, cancel, only_if_changed=True),
                          with_progress=True)

    def _status(self, text: str) -> None:
        self.window.status_label.setText(text)

    def _on_runner_finished(self, m: backup.BackupManifest | None) -> None:
        self.skipped = m is None
        if m is None:
            self._status(self.tr("Automatic backup: nothing changed since the last backup, none written."))
            return
        self.last_manifest = m
        announce(self.ctx, OpChanges(areas=frozenset({BACKUPS})))  # the backup register has a new line
        self.backupWritten.emit(m)
        if m.verified:
            self._status(self.tr("Automatic backup written and verified: %1").replace("%1", str(m.path)))
        else:
            self._status(self.tr("AUTOMATIC BACKUP FAILED VERIFICATION: %1").replace("%1", str(m.path)))
            self.failed_box = shout_failed(self.window, m)

    def _on_runner_failed(self, exc: object, _tb: str) -> None:
        if isinstance(exc, backup.BackupCancelled):
            return
        self._status(self.tr("Automatic backup failed: %1").replace("%1", str(exc)))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Automatic backup failed"),
                          self.tr("No backup was written: %1").replace("%1", str(exc)), QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("backupFailedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.failed_box = box

    def at_exit(self) -> backup.BackupManifest | None:
        """The backup when the window closes (if anything changed since the last one). It runs in the
        worker under a progress dialog whose button skips it; the window waits for it. A failure is
        shown and waited for, so that nobody closes the lid on a backup that did not happen unknowingly."""
        if not (self.enabled and self.ctx.settings.backup_at_exit and self.ctx.db.is_sqlite):
            return None  # (the server's backups run on the designated PC's interval, not as every PC closes)
        self.runner.cancel()
        progress = QProgressDialog(self.tr("Backing up before closing…"), self.tr("Skip"), 0, 100, self.window)
        progress.setObjectName("exitBackupProgress")
        progress.setWindowTitle(self.tr("Backup"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        loop = QEventLoop(self)
        outcome: dict[str, object] = {}
        runner = Runner(self)
        def finished(m: object) -> None:
            outcome["manifest"] = m
            loop.quit()

        def failed(exc: object, _tb: str) -> None:
            outcome["error"] = exc
            loop.quit()

        runner.finished.connect(finished)
        runner.failed.connect(failed)
        runner.progressed.connect(lambda done, total: progress.setValue(done * 100 // max(total, 1)))
        progress.canceled.connect(runner.cancel)
        ctx, folder = self.ctx, backup_folder(self.ctx)
        runner.start(lambda p, cancel: _run_backup(ctx, folder, "exit", p, cancel, only_if_changed=True), with_progress=True)
        loop.exec()
        progress.close()
        progress.deleteLater()
        error = outcome.get("error")
        if isinstance(error, backup.BackupCancelled):
            return None
        if error is not None:
            log.error("backup at exit failed: %s", error)
            QMessageBox.critical(self.window, self.tr("Automatic backup failed"),
                                 self.tr("No backup was written: %1").replace("%1", str(error)))
            return None
        m = outcome.get("manifest")
        if isinstance(m, backup.BackupManifest):
            self.last_manifest = m
            if not m.verified:
                QMessageBox.critical(self.window, self.tr("Backup failed verification"), _failed_text(m))
            return m
        return None


def install(window: MainWindow, file_menu: QMenu) -> AutoBackup:
    """The menu hook of the main window: 备份… 恢复… 备份登记… 备份设置… in the File menu, and the timer."""
    auto = AutoBackup(window)

    def add(text: str, name: str, slot) -> QAction:  # noqa: ANN001 - any Qt slot
        action = file_menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def open_backup() -> None:
        auto.backup_dialog = BackupDialog(window.ctx, window)
        auto.backup_dialog.open()

    def refresh_areas(_result: object) -> None:
        for area in window.areas.values():
            area.refresh()

    def open_restore() -> None:
        auto.restore_dialog = RestoreDialog(window.ctx, window)
        auto.restore_dialog.restored.connect(refresh_areas)
        auto.restore_dialog.open()

    def open_register() -> None:
        auto.register_dialog = BackupRegisterDialog(window.ctx, window)
        auto.register_dialog.open()

    def open_settings() -> None:
        auto.settings_dialog = BackupSettingsDialog(window.ctx, window)
        auto.settings_dialog.accepted.connect(auto.apply_settings)
        auto.settings_dialog.open()

    add(QCoreApplication.translate("Backups", "&Back up now…"), "backupAction", open_backup)
    add(QCoreApplication.translate("Backups", "&Restore from a backup…"), "restoreAction", open_restore)
    add(QCoreApplication.translate("Backups", "Backup re&gister…"), "backupRegisterAction", open_register)
    add(QCoreApplication.translate("Backups", "Backup &settings…"), "backupSettingsAction", open_settings)
    return auto
