"""The filter bar above the volume table: fonds, category, year range, retention, security level, status,
location and one of the categories' own fields. It emits a :class:`VolumeFilter`; the area builds the
list from it in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from archive_desk.db.engine import Database
from archive_desk.domain import codes
from archive_desk.models import SECURITY_LEVELS, VolumeStatus
from archive_desk.services import catalogue, lookups
from archive_desk.services.volume_list import VolumeFilter

_ANY = None
_UNSHELVED = "unshelved"
_ALL_STATUSES = "all"
#: how many characters a filter's combo box shows (the fonds box twice as many)
COMBO_CHARS = 9


class VolumeFilterBar(QWidget):
    filterChanged = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volumeFilters")
        self._db = db
        self._loading = False
        self.fonds = QComboBox(self)
        self.fonds.setObjectName("filterFonds")
        self.category = QComboBox(self)
        self.category.setObjectName("filterCategory")
        self.year_from = self._year_box("filterYearFrom")
        self.year_to = self._year_box("filterYearTo")
        self.retention = QComboBox(self)
        self.retention.setObjectName("filterRetention")
        self.security = QComboBox(self)
        self.security.setObjectName("filterSecurity")
        self.status = QComboBox(self)
        self.status.setObjectName("filterStatus")
        self.location = QComboBox(self)
        self.location.setObjectName("filterLocation")
        self.custom_key = QComboBox(self)
        self.custom_key.setObjectName("filterCustomKey")
        self.custom_text = QLineEdit(self)
        self.custom_text.setObjectName("filterCustomText")
        self.custom_text.setPlaceholderText(self.tr("contains…"))
        self.custom_text.setMaximumWidth(140)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("filterClear")

        # two rows, so that the bar fits a 1,280-pixel window in both languages; a combo box is as wide as
        # COMBO_CHARS characters (a long fonds name is cut in the box and shown whole in its list)
        for combo in (self.fonds, self.category, self.retention, self.status, self.location, self.custom_key):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_CHARS)
        self.fonds.setMinimumContentsLength(2 * COMBO_CHARS)
        self.status.setMinimumContentsLength(COMBO_CHARS + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        rows = (((self.tr("Fonds"), self.fonds), (self.tr("Category"), self.category), (self.tr("Year"), self.year_from),
                 ("–", self.year_to), (self.tr("Retention"), self.retention), (self.tr("Security"), self.security)),
                ((self.tr("Status"), self.status), (self.tr("Location"), self.location),
                 (self.tr("Field"), self.custom_key), ("", self.custom_text), ("", self.clear_button)))
        for row in rows:
            line = QHBoxLayout()
            line.setSpacing(4)
            for label, widget in row:
                if label:
                    caption = QLabel(label, self)
                    caption.setBuddy(widget)
                    line.addWidget(caption)
                line.addWidget(widget)
            line.addStretch(1)
            layout.addLayout(line)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._emit)
        self.load_choices()
        for combo in (self.fonds, self.category, self.retention, self.security, self.status, self.location, self.custom_key):
            combo.currentIndexChanged.connect(self._changed)
        self.year_from.valueChanged.connect(self._changed)
        self.year_to.valueChanged.connect(self._changed)
        self.custom_text.textChanged.connect(self._changed_later)
        self.clear_button.clicked.connect(self.clear)

    def _year_box(self, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(1899, 2100)
        box.setSpecialValueText(self.tr("any"))
        box.setValue(1899)
        box.setAccelerated(True)
        return box

    def load_choices(self) -> None:
        """(Re)fill the choice lists from the catalogue."""
        self._loading = True
        try:
            with self._db.read() as session:  # Core only: see catalogue.list_choices
                fonds, categories = catalogue.list_choices(session)
                rooms = lookups.active_rooms(session)
            self.fonds.clear()
            self.fonds.addItem(self.tr("All"), _ANY)
            for f in fonds:
                self.fonds.addItem(f"{f.code} {f.name}", f.id)
            self.category.clear()
            self.category.addItem(self.tr("All"), _ANY)
            for c in categories:
                self.category.addItem(f"{c.code} {c.name}", c.id)
            self.retention.clear()
            self.retention.addItem(self.tr("All"), _ANY)
            for r in codes.RETENTIONS:
                self.retention.addItem(catalogue.retention_label(r), r)
            self.security.clear()
            self.security.addItem(self.tr("All"), _ANY)
            for level in SECURITY_LEVELS:
                self.security.addItem(level, level)
            self.status.clear()
            self.status.addItem(self.tr("Current (not void)"), _ANY)
            for status in VolumeStatus:
                self.status.addItem(catalogue.status_label(status), str(status))
            self.status.addItem(self.tr("All, void included"), _ALL_STATUSES)
            self.location.clear()
            self.location.addItem(self.tr("All"), _ANY)
            self.location.addItem(self.tr("Not shelved"), _UNSHELVED)
            for room in rooms:
                self.location.addItem(f"{room.code} {room.name}", room.id)
            self.custom_key.clear()
            self.custom_key.addItem(self.tr("(own field)"), _ANY)
            seen: set[str] = set()
            for c in categories:
                for f in c.fields:
                    if f.key not in seen:
                        seen.add(f.key)
                        self.custom_key.addItem(f"{f.label}", f.key)
        finally:
            self._loading = False

    def current_filter(self) -> VolumeFilter:
        status = self.status.currentData()
        location = self.location.currentData()
        key = self.custom_key.currentData()
        text = self.custom_text.text().strip()
        return VolumeFilter(
            fonds_ids=(self.fonds.currentData(),) if self.fonds.currentData() is not None else (),
            category_ids=(self.category.currentData(),) if self.category.currentData() is not None else (),
            year_from=self.year_from.value() if self.year_from.value() > self.year_from.minimum() else None,
            year_to=self.year_to.value() if self.year_to.value() > self.year_to.minimum() else None,
            retentions=(self.retention.currentData(),) if self.retention.currentData() is not None else (),
            securities=(self.security.currentData(),) if self.security.currentData() is not None else (),
            statuses=(status,) if status not in (_ANY, _ALL_STATUSES) else (),
            include_void=status == _ALL_STATUSES,
            unshelved=location == _UNSHELVED,
            room_id=location if isinstance(location, int) else None,
            custom=((key, text),) if key and text else (),
        )

    def is_default(self) -> bool:
        return self.current_filter() == VolumeFilter()

    def clear(self) -> None:
        self._loading = True
        try:
            for combo in (self.fonds, self.category, self.retention, self.security, self.status, self.location, self.custom_key):
                combo.setCurrentIndex(0)
            self.year_from.setValue(self.year_from.minimum())
            self.year_to.setValue(self.year_to.minimum())
            self.custom_text.clear()
        finally:
            self._loading = False
        self._emit()

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._debounce.start(0)

    def _changed_later(self, *_args: object) -> None:
        if not self._loading:
            self._debounce.start()

    def _emit(self) -> None:
        self.filterChanged.emit(self.current_filter())


__all__ = ["Qt", "VolumeFilterBar"]
