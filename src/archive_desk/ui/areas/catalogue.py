"""The catalogue area: the volume table."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from archive_desk.services import volume_list
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext
from archive_desk.ui.item_models.volume_table import VolumeTableModel
from archive_desk.ui.workers import Runner


class CatalogueArea(Area):
    area_id = "catalogue"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = VolumeTableModel(ctx.db, self)
        self.table = QTableView(self)
        self.table.setObjectName("volumeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionsMovable(True)
        self._set_default_widths()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._runner = Runner(self)
        self._runner.finished.connect(self._on_runner_finished)
        self.refresh()

    def title(self) -> str:
        return self.tr("Catalogue")

    def _set_default_widths(self) -> None:
        widths = {"code": 190, "title": 360, "year": 60, "retention": 80, "security": 60, "pages": 60,
                  "item_count": 50, "location": 130, "status": 70}
        for col, key in enumerate(self.model.COLUMNS):
            self.table.setColumnWidth(col, widths.get(key, 100))

    def refresh(self) -> None:
        db = self.ctx.db

        def build():  # noqa: ANN202 - runs in a worker thread with its own session
            with db.read() as session:
                return volume_list.snapshot_ids(session)

        self._runner.start(build)

    def _on_runner_finished(self, ids: object) -> None:
        self.model.set_ids(ids)  # type: ignore[arg-type]
        self.statusChanged.emit(self.tr("%n volume(s)", "", len(ids)))  # type: ignore[arg-type]

    def save_state(self) -> dict[str, object]:
        return {"header": bytes(self.table.horizontalHeader().saveState().data())}

    def restore_state(self, state: dict[str, object]) -> None:
        header = state.get("header")
        if isinstance(header, bytes | bytearray):
            self.table.horizontalHeader().restoreState(QByteArray(bytes(header)))


def create(ctx: AppContext, parent: QWidget | None = None) -> CatalogueArea:
    return CatalogueArea(ctx, parent)


__all__ = ["CatalogueArea", "Qt", "create"]
