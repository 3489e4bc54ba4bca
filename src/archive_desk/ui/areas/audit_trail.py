"""The auditor's area (安全审计): the trail filtered by account, action, date range and volume, exported to a
workbook, its chain verified; and the list of who saw personal data unmasked (services/masking.py).

Shown to the auditor role, and on a catalogue without accounts to everyone (:func:`visible_to`). It reads
only: nothing here writes to the catalogue. The lists load when the area is first shown, not with the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.errors import UserError
from archive_desk.services import masking, trail
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.crash import show_error
from archive_desk.ui.save_dialog import documents_folder, get_save_file_name
from archive_desk.ui.workers import Runner

#: at most this many entries are listed (the export takes every matching one)
LIST_LIMIT = 2000


def visible_to(actor: object) -> bool:
    """The auditor's area is for 安全审计员; on a catalogue without accounts everyone may open it
    (``ui.areas.ROLES``)."""
    from archive_desk.ui.areas import shown_to  # noqa: PLC0415

    return shown_to(AuditTrailArea.area_id, actor)


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str:
    """The file dialog (a function of its own so tests can answer it)."""
    return get_save_file_name(parent, caption, suggested, file_filter)


class AuditTrailArea(Area):
    area_id = "audit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded = False
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)

        filters = QGridLayout()
        self.user_box = QComboBox(self)
        self.user_box.setObjectName("trailUser")
        self.user_box.setEditable(True)
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("trailAction")
        self.action_box.setEditable(True)
        self.from_check = QCheckBox(self.tr("From"), self)
        self.from_date = QDateEdit(self)
        self.from_date.setObjectName("trailFrom")
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("yyyy-MM-dd")
        self.from_date.setDate(QDate.currentDate().addMonths(-1))
        self.to_check = QCheckBox(self.tr("To"), self)
        self.to_date = QDateEdit(self)
        self.to_date.setObjectName("trailTo")
        self.to_date.setCalendarPopup(True)
        self.to_date.setDisplayFormat("yyyy-MM-dd")
        self.to_date.setDate(QDate.currentDate())
        self.volume_edit = QLineEdit(self)
        self.volume_edit.setObjectName("trailVolume")
        self.volume_edit.setPlaceholderText(self.tr("Archival code"))
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.apply_button.setObjectName("trailApply")
        self.apply_button.clicked.connect(self.reload)
        self.volume_edit.returnPressed.connect(self.reload)
        filters.addWidget(QLabel(self.tr("Account"), self), 0, 0)
        filters.addWidget(self.user_box, 0, 1)
        filters.addWidget(QLabel(self.tr("Action"), self), 0, 2)
        filters.addWidget(self.action_box, 0, 3)
        filters.addWidget(QLabel(self.tr("Volume"), self), 0, 4)
        filters.addWidget(self.volume_edit, 0, 5)
        filters.addWidget(self.from_check, 1, 0)
        filters.addWidget(self.from_date, 1, 1)
        filters.addWidget(self.to_check, 1, 2)
        filters.addWidget(self.to_date, 1, 3)
        filters.addWidget(self.apply_button, 1, 5)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)

        self.trail_table = self._table("trailTable", [self.tr("Entry"), self.tr("Time"), self.tr("Account"),
                                                      self.tr("Workstation"), self.tr("Action"), self.tr("Record"),
                                                      self.tr("Archival code"), self.tr("Change")])
        self.access_table = self._table("personalAccessTable", [self.tr("Time"), self.tr("Account"), self.tr("Workstation"),
                                                                self.tr("Action"), self.tr("Archival code"),
                                                                self.tr("Fields shown")])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.trail_table, self.tr("Audit trail"))
        self.tabs.addTab(self.access_table, self.tr("Personal-data access"))

        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("trailExport")
        self.export_button.clicked.connect(self._on_export_clicked)
        self.verify_button = QPushButton(self.tr("Verify the chain"), self)
        self.verify_button.setObjectName("trailVerify")
        self.verify_button.clicked.connect(self.verify)
        self.message = QLabel(self)
        self.message.setObjectName("trailMessage")
        self.message.setWordWrap(True)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def title(self) -> str:
        return self.tr("Audit")

    def activated(self) -> None:
        if not self._loaded:
            self.reload()

    def refresh(self) -> None:
        self.reload()

    # ------------------------------------------------------------ filters and lists

    def current_filter(self) -> trail.TrailFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            if not check.isChecked():
                return None
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        return trail.TrailFilter(user=self.user_box.currentText().strip(), action=self.action_box.currentText().strip(),
                                 date_from=day(self.from_check, self.from_date), date_to=day(self.to_check, self.to_date),
                                 volume_code=self.volume_edit.text().strip())

    def reload(self) -> None:
        flt = self.current_filter()
        with self.ctx.db.read() as session:
            if not self._loaded:
                self._fill_choices(trail.users(session), trail.actions(session))
            entries = trail.list_entries(session, flt, LIST_LIMIT, viewer=self.ctx.actor)
            since = trail._local_midnight_utc(flt.date_from) if flt.date_from else None  # noqa: SLF001
            until = trail._local_midnight_utc(flt.date_to) if flt.date_to else None  # noqa: SLF001
            if until is not None:
                from datetime import timedelta  # noqa: PLC0415

                until += timedelta(days=1)
            vid = None
            if flt.volume_code:
                vid = next((e.entity_id for e in entries if e.code == flt.volume_code), -1)
            access = masking.list_access(session, user=flt.user or None, volume_id=vid, since=since, until=until,
                                         limit=LIST_LIMIT)
        self._loaded = True
        self._fill(self.trail_table, [row[:7] + [self._change(row[7], row[8])] for row in trail.rows(entries)])
        self._fill(self.access_table, trail.access_rows(access))
        self.message.setText(self.tr("%n entries listed.", "", len(entries)) if len(entries) < LIST_LIMIT
                             else self.tr("The newest %1 entries are listed; narrow the filter or export them all.")
                             .replace("%1", str(LIST_LIMIT)))

    def _fill_choices(self, users: list[str], actions: list[str]) -> None:
        for box, values in ((self.user_box, users), (self.action_box, actions)):
            box.clear()
            box.addItem("")
            box.addItems(values)

    @staticmethod
    def _change(before: object, after: object) -> str:
        text = " → ".join(str(x) for x in (before, after) if x)
        return text if len(text) <= 300 else text[:300] + "…"

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    # ------------------------------------------------------------ export and verify

    def _on_export_clicked(self) -> None:
        suggested = str(Path(documents_folder()) / self.tr("Audit trail.xlsx"))
        path = ask_save_path(self, self.tr("Export the audit trail"), suggested, self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> int:
        """Write every entry matching the filter (not only the listed ones) to ``path``."""
        try:
            with self.ctx.db.read() as session:
                count = trail.export_trail(session, self.current_filter(), path, viewer=self.ctx.actor)
        except UserError as exc:
            self.message.setText(str(exc))
            return 0
        self.message.setText(self.tr("%n entries exported to %1.", "", count).replace("%1", str(path)))
        return count

    def verify(self) -> None:
        db = self.ctx.db
        self.verify_button.setEnabled(False)
        self.message.setText(self.tr("Verifying the chain…"))

        def job():  # noqa: ANN202 - in a worker, with its own session
            with db.read() as session:
                return trail.verify(session)

        self._runner.start(job)

    def _on_runner_finished(self, result: object) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(result, trail.ChainCheck):
            self.message.setText(result.message())

    def _on_runner_failed(self, exc: object, details: str) -> None:
        self.verify_button.setEnabled(True)
        del details
        if isinstance(exc, BaseException):
            show_error(self, exc)


def create(ctx: AppContext, parent: QWidget | None = None) -> AuditTrailArea | None:
    if not visible_to(ctx.actor):
        return None
    return AuditTrailArea(ctx, parent)
