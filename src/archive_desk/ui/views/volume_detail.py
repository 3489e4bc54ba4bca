"""The detail pane of the selected volume: its fields (with the category's own), its items (卷内目录),
where it stands, its loans and its history.

Location words come from ``services.locations.describe_location`` and loans from
``services.loans.volume_loan_history``, imported on first use (the catalogue's warm-up loads them off the
GUI thread once the table has painted).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.db.engine import Database
from archive_desk.errors import NotFoundError
from archive_desk.services import audit, catalogue, lookups, masking
from archive_desk.services.catalogue import CategoryRecord, ItemRecord, VolumeRecord
from archive_desk.ui.item_models.items_table import ItemsTableModel

#: the items' 题名 in the side pane keeps room for at least this many characters
ITEM_TITLE_CHARS = 12


if TYPE_CHECKING:
    from archive_desk.services.loans import VolumeLoanEntry


@dataclass(frozen=True)
class VolumeDetail:
    volume: VolumeRecord
    category: CategoryRecord
    fonds_name: str
    items: tuple[ItemRecord, ...]
    location: str
    location_code: str
    loans: tuple[VolumeLoanEntry, ...]
    history: tuple[audit.AuditRow, ...]
    #: why the volume is held (封存, litigation …): never due, lent or destroyed while any stands
    holds: tuple[str, ...] = ()
    #: when its retention runs out under the schedule, and from which day (services/retention.py)
    due: str = ""
    #: the personal fields shown unmasked (logged as a view: services/masking.py)
    personal_shown: tuple[str, ...] = ()
    #: the status a person sees: the stored one, or 阅览中 while a consultation is open (services/reading.py)
    status: str = ""


def load_detail(db: Database, volume_id: int, viewer: audit.Actor | None = None) -> VolumeDetail:
    """Everything the pane shows, read in one session, as ``viewer`` may see it (None: no accounts, unmasked)."""
    from archive_desk.services import loans, locations, reading, retention  # on first use: off the catalogue's start path

    with db.read() as session:
        volume = catalogue.get_volume(session, volume_id)
        category = catalogue.get_category(session, volume.category_id)
        fonds_name = lookups.fonds_name(session, volume.fonds_id)
        items = tuple(catalogue.list_items(session, volume_id))
        location = code = ""
        if volume.layer_id is not None:
            code = lookups.layer_code(session, volume.layer_id)
            location = code
            try:
                info = locations.describe_location(session, volume.layer_id)
                location, code = info.words or code, info.code
            except NotFoundError:
                pass
        lent = tuple(loans.volume_loan_history(session, volume_id))
        history = tuple(audit.history(session, "volume", volume_id, limit=100))
        r = retention.for_volume(session, volume_id)
        status = reading.display_status(session, volume_id, volume.status)
    if r.due_date is None and r.start_date is None:
        due = "；".join(r.warnings)
    elif r.due_date is None:
        due = catalogue.retention_label("Y")
    else:
        due = "；".join((f"{r.due_date.isoformat()}（{retention.rule_label(r.rule)}：{r.start_date.isoformat() if r.start_date else ''}）",
                        *r.warnings))
    shown = masking.shown_personal(viewer, volume, category) if masking.should_log(viewer) else ()
    history = tuple(masking.mask_history(viewer, volume.security, category, history))
    items = tuple(masking.mask_items(viewer, volume.security, items))
    volume = masking.mask_volume(viewer, volume, category)
    return VolumeDetail(volume, category, fonds_name, items, location, code, lent, history, r.holds, due, shown, status)


class VolumeDetailView(QWidget):
    """Read-only view of one volume; ``editRequested``/``itemsRequested`` ask the area to open editors."""

    editRequested = Signal(int)
    itemsRequested = Signal(int)
    #: "Show on shelf": the area asks the window to open the shelves area at the volume's layer
    shelfRequested = Signal(int)
    #: "Legal holds…": the area opens the holds of the volume (place, release, print the 封存 list)
    holdsRequested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, actor: audit.Actor | None = None) -> None:
        super().__init__(parent)
        self._db = db
        #: whose pane it is: hidden titles and personal fields come masked for them (services/masking.py)
        self._actor = actor
        self.detail: VolumeDetail | None = None
        self.setObjectName("volumeDetail")
        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)

        self.fields_widget = QWidget()
        self.form = QFormLayout(self.fields_widget)
        self._rows: list[tuple[QLabel, QLabel]] = []
        self._used = 0
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_widget)
        self.tabs.addTab(scroll, self.tr("Details"))

        self.items_model = ItemsTableModel(self)
        self.items_view = QTableView(self)
        self.items_view.setObjectName("detailItems")
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.verticalHeader().setVisible(False)
        self.items_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.items_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.items_view.horizontalHeader().setSectionResizeMode(ItemsTableModel.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        for key, width in (("seq", 40), ("doc_no", 90), ("responsible", 80), ("date", 80), ("security", 50), ("pages", 45),
                           ("page_range", 60), ("code", 150)):
            self.items_view.setColumnWidth(ItemsTableModel.COLUMNS.index(key), width)
        self.items_view.hideColumn(ItemsTableModel.COLUMNS.index("code"))
        self.items_view.installEventFilter(self)  # its width decides which columns fit beside the title
        self.tabs.addTab(self.items_view, self.tr("Items"))

        self.where = QWidget()
        where_layout = QVBoxLayout(self.where)
        self.location_label = QLabel(self.where)
        self.location_label.setObjectName("detailLocation")
        self.location_label.setWordWrap(True)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loans_table = QTableWidget(0, 6, self.where)
        self.loans_table.setObjectName("detailLoans")
        self.loans_table.setHorizontalHeaderLabels([self.tr("Slip no."), self.tr("Borrower"), self.tr("Use"),
                                                    self.tr("Lent on"), self.tr("Due"), self.tr("Returned")])
        self.loans_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loans_table.verticalHeader().setVisible(False)
        self.loans_table.horizontalHeader().setStretchLastSection(True)
        self.shelf_button = QPushButton(self.tr("Show on shelf"), self.where)
        self.shelf_button.setObjectName("detailShowOnShelf")
        self.shelf_button.setToolTip(self.tr("Open the shelves with this volume's layer highlighted"))
        self.shelf_button.clicked.connect(self._on_shelfButton_clicked)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_label, 1)
        location_row.addWidget(self.shelf_button, 0, Qt.AlignmentFlag.AlignTop)
        where_layout.addLayout(location_row)
        where_layout.addWidget(QLabel(self.tr("Loans"), self.where))
        where_layout.addWidget(self.loans_table, 1)
        self.tabs.addTab(self.where, self.tr("Location and loans"))

        self.history_table = QTableWidget(0, 4, self)
        self.history_table.setObjectName("detailHistory")
        self.history_table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")])
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setWordWrap(False)
        self.tabs.addTab(self.history_table, self.tr("History"))

        self.holds_button = QPushButton(self.tr("Legal holds…"), self)
        self.holds_button.setObjectName("detailHolds")
        self.holds_button.setToolTip(self.tr("Place a hold (封存, litigation, audit, unsettled matter) on this volume or "
                                             "release one; print the sealing list"))
        self.holds_button.clicked.connect(self._on_holdsButton_clicked)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.holds_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(heading_row)
        layout.addWidget(self.tabs, 1)
        self.show_nothing()

    # ------------------------------------------------------------ content

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.items_view and event.type() == QEvent.Type.Resize:
            self._fit_item_columns()
        return super().eventFilter(watched, event)

    def _fit_item_columns(self) -> None:
        """The pane is narrow beside the table: the items' 题名 keeps at least ITEM_TITLE_CHARS characters;
        the columns that matter least give way first (页号, 责任者, 文号, 密级) and come back when there is
        room. The items editor shows them all."""
        view = self.items_view
        cols = ItemsTableModel.COLUMNS
        need = view.fontMetrics().horizontalAdvance("档") * ITEM_TITLE_CHARS
        room = view.viewport().width()
        optional = ("page_range", "responsible", "doc_no", "security")
        for key in reversed(optional):
            view.setColumnHidden(cols.index(key), False)
        shown = [k for k in cols if k not in ("title", "code")]
        for key in optional:
            if room - sum(view.columnWidth(cols.index(k)) for k in shown) >= need:
                break
            view.setColumnHidden(cols.index(key), True)
            shown.remove(key)

    def volume_id(self) -> int | None:
        return self.detail.volume.id if self.detail else None

    def _on_holdsButton_clicked(self) -> None:
        if self.detail is not None:
            self.holdsRequested.emit(self.detail.volume.id)

    def _on_shelfButton_clicked(self) -> None:
        if self.detail is not None:
            self.shelfRequested.emit(self.detail.volume.id)

    def show_nothing(self) -> None:
        self.detail = None
        self.heading.setText(self.tr("No volume selected"))
        self._clear_form()
        self.items_model.set_items([])
        self.location_label.setText("")
        self.shelf_button.setVisible(False)
        self.holds_button.setVisible(False)
        self.loans_table.setRowCount(0)
        self.history_table.setRowCount(0)
        self.tabs.setTabText(1, self.tr("Items"))

    def show_volume(self, volume_id: int) -> None:
        try:
            detail = load_detail(self._db, volume_id, self._actor)
        except NotFoundError:
            self.show_nothing()
            return
        self.detail = detail
        if detail.personal_shown and self._actor is not None and not self._db.read_only:
            from archive_desk.ui.ops import run_op  # noqa: PLC0415

            run_op(self, masking.log_access_op, self._actor, "view", ((volume_id, detail.personal_shown),))
        v = detail.volume
        self.heading.setText(f"<b>{html.escape(v.code)}</b><br>{html.escape(v.title)}")
        self._fill_form(detail)
        self.items_model.set_items(detail.items)
        self.tabs.setTabText(1, self.tr("Items (%1)").replace("%1", str(len(detail.items))))
        if v.layer_id is None:
            self.location_label.setText(self.tr("Not shelved yet."))
        elif detail.location and detail.location != detail.location_code:
            self.location_label.setText(f"{detail.location_code}\n{detail.location}")
        else:
            self.location_label.setText(detail.location_code)
        self.shelf_button.setVisible(v.layer_id is not None)
        self.holds_button.setVisible(True)
        self._fill_loans(detail.loans)
        self._fill_history(detail.history)

    def _clear_form(self) -> None:
        """Hide every row; rows are kept and reused (rebuilding ~25 labels per selection costs more than
        reading the volume)."""
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, False)
        self._used = 0

    def _add(self, label: str, value: object) -> None:
        text = "" if value is None else str(value)
        if self._used < self.form.rowCount():
            caption, field = self._rows[self._used]
            self.form.setRowVisible(self._used, True)
        else:
            caption, field = QLabel(self.fields_widget), QLabel(self.fields_widget)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(caption, field)
            self._rows.append((caption, field))
        caption.setText(self.tr("%1:").replace("%1", label))
        field.setText(text)
        field.setStyleSheet("")
        self._used += 1

    def _fill_form(self, d: VolumeDetail) -> None:
        self._clear_form()
        v = d.volume
        self._add(self.tr("Archival code"), v.code)
        self._add(self.tr("Barcode"), v.barcode)
        self._add(self.tr("Fonds"), f"{v.fonds_code} {d.fonds_name}")
        self._add(self.tr("Category"), f"{v.category_code} {d.category.name}")
        self._add(self.tr("Year"), v.year)
        self._add(self.tr("Retention"), catalogue.retention_label(v.retention))
        security = v.security + (self.tr(" (%1 years)").replace("%1", str(v.security_period)) if v.security_period else "")
        self._add(self.tr("Security"), security)
        if v.org_code:
            self._add(self.tr("Organisation"), v.org_code)
        if v.box_no is not None:
            self._add(self.tr("Box no."), v.box_no)
        if v.item_start is not None:
            self._add(self.tr("Item numbers"), f"{v.item_start}–{v.item_end or ''}")
        self._add(self.tr("Title"), v.title)
        self._add(self.tr("Responsible"), v.responsible)
        dates = " – ".join(d_.isoformat() for d_ in (v.start_date, v.end_date) if d_)
        self._add(self.tr("Dates"), dates)
        self._add(self.tr("Pages"), v.pages)
        self._add(self.tr("Items"), v.item_count)
        for f in d.category.fields:
            self._add(f.label, v.custom.get(f.key, ""))
        self._add(self.tr("Status"), catalogue.status_label(d.status or v.status))
        if d.due:
            self._add(self.tr("Retention runs out"), d.due)
        for reason in d.holds:
            self._add(self.tr("On hold"), reason)
            self._rows[self._used - 1][1].setStyleSheet("color: #b00020; font-weight: bold;")
        if v.notes:
            self._add(self.tr("Notes"), v.notes)
        self._add(self.tr("Created"), f"{v.created_at:%Y-%m-%d %H:%M} {v.created_by}")
        self._add(self.tr("Last changed"), f"{v.updated_at:%Y-%m-%d %H:%M} {v.updated_by} (v{v.version})")

    def _fill_loans(self, loans: tuple[VolumeLoanEntry, ...]) -> None:
        self.loans_table.setRowCount(len(loans))
        for row, loan in enumerate(loans):
            lent, due, returned = loan.lent_at, loan.due_date, loan.returned_at
            values = [loan.slip_no, f"{loan.borrower} {loan.unit}".strip(),
                      loan.use_mode, f"{lent:%Y-%m-%d}" if lent else "", f"{due:%Y-%m-%d}" if due else "",
                      f"{returned:%Y-%m-%d}" if returned else self.tr("not returned")]
            for col, value in enumerate(values):
                self.loans_table.setItem(row, col, QTableWidgetItem(str(value)))

    def _fill_history(self, rows: tuple[audit.AuditRow, ...]) -> None:
        self.history_table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            values = [f"{entry.at:%Y-%m-%d %H:%M}", entry.user, self.action_label(entry.action), self.change_text(entry)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.history_table.setItem(row, col, item)
        self.history_table.resizeColumnsToContents()

    @staticmethod
    def change_text(entry: audit.AuditRow) -> str:
        """``title: old → new; …`` for a change, the code and title for a creation."""
        try:
            before = json.loads(entry.before) if entry.before else {}
            after = json.loads(entry.after) if entry.after else {}
        except ValueError:
            return entry.after[:300]
        if not isinstance(after, dict):
            return str(after)[:300]
        if not before and "code" in after and "title" in after:
            return f"{after['code']} {after['title']}"
        parts = []
        for key, new in after.items():
            old = before.get(key) if isinstance(before, dict) else None
            if isinstance(new, dict) or isinstance(old, dict):
                old_d, new_d = old or {}, new or {}
                changed = [f"{k}: {old_d.get(k, '')} → {new_d.get(k, '')}" for k in sorted(set(old_d) | set(new_d))
                           if old_d.get(k) != new_d.get(k)]
                parts.extend(changed)
            elif old is None and key in ("reason",):
                parts.append(str(new))
            else:
                parts.append(f"{key}: {'' if old is None else old} → {'' if new is None else new}")
        return "; ".join(parts)[:300]

    def action_label(self, action: str) -> str:
        return {
            "volume.create": self.tr("created"),
            "volume.update": self.tr("changed"),
            "volume.void": self.tr("made void"),
            "volume.status": self.tr("status changed"),
        }.get(action, action)
