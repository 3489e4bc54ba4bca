"""Drawings of the shelving: one rack face by face, and a room as a floor of racks.

A rack face is drawn the way a clerk sees it standing in the aisle: for each column (列) a row of bays
(节) between uprights, each bay with its layers (层, layer 1 at the top) as shelves; the volumes on a shelf
are drawn as a block of spines filling it from the left as far as the layer is full, coloured by fill
(green, amber near full, red over capacity), with the count written on the shelf. Reserved layers are
hatched blue; layers out of use are grey and crossed. The room view shows each rack as a small tile with
the fill of every bay.

Both are plain QWidgets painting from the services' data (no Qt item model: the data is a fixed grid);
they live in a QScrollArea and report clicks as ``layerClicked(layer_id)`` / ``rackClicked(rack_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from archive_desk.services.locations import MapCell, Occupancy, RackMap, RoomMap, Totals

# ------------------------------------------------------------------ colours

WOOD = QColor("#f4efe4")  # an empty shelf
BOARD = QColor("#8d7b63")  # shelf boards
UPRIGHT = QColor("#5f6b76")  # the steel uprights between bays
FRAME = QColor("#3f4a54")
GREEN = QColor("#5e9e4f")
AMBER = QColor("#e0a030")
RED = QColor("#d04a3f")
RESERVED = QColor("#3f78c0")
INACTIVE = QColor("#b9bcc0")
HIGHLIGHT = QColor("#1257d6")
TEXT = QColor("#25303a")
NEAR_FULL = 0.85


def fill_colour(fill: float | None) -> QColor:
    if fill is None:
        return QColor("#9bb3c9")
    if fill > 1.0:
        return RED
    if fill >= NEAR_FULL:
        return AMBER
    return GREEN


_BAY_COLOURS: dict[int, QColor] = {}


def bay_colour(fill: float | None) -> QColor:
    """A bay's colour on the room view: from pale (empty) to the fill colour (full); cached per percent."""
    if fill is None or fill <= 0:
        return WOOD
    key = min(200, round(fill * 100))
    colour = _BAY_COLOURS.get(key)
    if colour is None:
        colour = _BAY_COLOURS[key] = _bay_colour(key / 100)
    return colour


def _bay_colour(fill: float) -> QColor:
    base = fill_colour(fill)
    strength = 0.35 + 0.65 * min(1.0, fill)
    return QColor(
        round(WOOD.red() + (base.red() - WOOD.red()) * strength),
        round(WOOD.green() + (base.green() - WOOD.green()) * strength),
        round(WOOD.blue() + (base.blue() - WOOD.blue()) * strength),
    )


_SPINES: dict[tuple[str, int], QPixmap] = {}


def _spines(colour: QColor, step: int) -> QPixmap:
    """A tile of one volume's spine: the fill colour with a darker edge (cached)."""
    key = (colour.name(), step)
    tile = _SPINES.get(key)
    if tile is None:
        tile = QPixmap(step, 4)
        tile.fill(colour)
        p = QPainter(tile)
        p.setPen(QPen(colour.darker(125), 1))
        p.drawLine(step - 1, 0, step - 1, 3)
        p.end()
        _SPINES[key] = tile
    return tile


# ------------------------------------------------------------------ rack view


@dataclass(frozen=True)
class _Geometry:
    cell_w: int = 52
    cell_h: int = 17
    upright: int = 4
    label_w: int = 64
    row_gap: int = 12
    face_gap: int = 28
    margin: int = 12
    header_h: int = 40
    legend_h: int = 34


class RackMapView(QWidget):
    """One rack, face by face: columns as rows of bays, sections as bays, layers as shelves."""

    layerClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rackMap")
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole())
        self._map: RackMap | None = None
        self._g = _Geometry()
        self._cells: list[tuple[QRect, MapCell]] = []
        self._highlight: int | None = None
        self._target: int | None = None
        self._size = QSize(400, 200)

    # data ------------------------------------------------------------

    def set_map(self, rack_map: RackMap | None) -> None:
        self._map = rack_map
        self._layout()
        self.updateGeometry()
        self.update()

    def rack_map(self) -> RackMap | None:
        return self._map

    def set_highlight(self, layer_id: int | None) -> None:
        """Mark a layer (e.g. where a volume stands) with a thick blue frame."""
        self._highlight = layer_id
        self.update()

    def set_target(self, layer_id: int | None) -> None:
        """Mark the layer being shelved by scan."""
        self._target = layer_id
        self.update()

    def update_occupancy(self, occupancies: dict[int, Occupancy]) -> None:
        """New counts for some layers (after a scan): repaint just those cells."""
        for i, (rect, cell) in enumerate(self._cells):
            occ = occupancies.get(cell.layer_id)
            if occ is not None and occ != cell.occupancy:
                self._cells[i] = (rect, replace(cell, occupancy=occ))
                self.update(rect.adjusted(-3, -3, 3, 3))

    def layer_rect(self, layer_id: int) -> QRect | None:
        for rect, cell in self._cells:
            if cell.layer_id == layer_id:
                return QRect(rect)
        return None

    def cell(self, layer_id: int) -> MapCell | None:
        """The cell as drawn now (with any counts updated since the map was loaded)."""
        return next((cell for _rect, cell in self._cells if cell.layer_id == layer_id), None)

    def cell_at(self, pos: QPoint) -> MapCell | None:
        for rect, cell in self._cells:
            if rect.contains(pos):
                return cell
        return None

    # geometry ---------------------------------------------------------

    def _face_width(self) -> int:
        assert self._map is not None  # noqa: S101 - narrows the type; the code guarantees it
        g, rack = self._g, self._map.rack
        return g.label_w + rack.sections * g.cell_w + (rack.sections + 1) * g.upright

    def _row_height(self) -> int:
        assert self._map is not None  # noqa: S101 - narrows the type; the code guarantees it
        return self._map.rack.layers * self._g.cell_h + 6

    def _layout(self) -> None:
        self._cells = []
        if self._map is None:
            self._size = QSize(400, 120)
            return
        g, rack = self._g, self._map.rack
        face_w = self._face_width()
        row_h = self._row_height()
        for f, side in enumerate(rack.side_letters):
            x0 = g.margin + f * (face_w + g.face_gap)
            for col in range(1, rack.columns + 1):
                y0 = g.margin + g.header_h + (col - 1) * (row_h + g.row_gap)
                for sec in range(1, rack.sections + 1):
                    bx = x0 + g.label_w + g.upright + (sec - 1) * (g.cell_w + g.upright)
                    for lay in range(1, rack.layers + 1):
                        cell = self._map.cell(side, col, sec, lay)
                        if cell is None:
                            continue
                        rect = QRect(bx, y0 + (lay - 1) * g.cell_h, g.cell_w, g.cell_h)
                        self._cells.append((rect, cell))
        width = 2 * g.margin + len(rack.side_letters) * face_w + (len(rack.side_letters) - 1) * g.face_gap
        width = max(width, 2 * g.margin + self._legend_width())
        height = g.margin * 2 + g.header_h + rack.columns * (row_h + g.row_gap) + g.legend_h
        self._size = QSize(width, height)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._size

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._size

    # painting ---------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self._map is None:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Choose a rack"))
            painter.end()
            return
        self._paint_frames(painter, event.rect())
        painter.setFont(self._small_font())
        clip = event.rect()
        for rect, cell in self._cells:
            if rect.intersects(clip):
                self._paint_cell(painter, rect, cell)
        for layer_id, colour, width in ((self._target, QColor("#00897b"), 3), (self._highlight, HIGHLIGHT, 3)):
            if layer_id is None:
                continue
            rect = self.layer_rect(layer_id)
            if rect is not None:
                painter.setPen(QPen(colour, width))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-2, -2, 1, 1))
        self._paint_legend(painter)
        painter.end()

    def _paint_frames(self, painter: QPainter, clip: QRect) -> None:
        assert self._map is not None  # noqa: S101 - narrows the type; the code guarantees it
        g, rack = self._g, self._map.rack
        face_w = self._face_width()
        row_h = self._row_height()
        title_font = QFont(self.font())
        title_font.setPixelSize(14)
        title_font.setBold(True)
        label_font = QFont(self.font())
        label_font.setPixelSize(11)
        kind = self.tr("cabinet") if rack.kind == "cabinet" else self.tr("rack")
        for f, side in enumerate(rack.side_letters):
            x0 = g.margin + f * (face_w + g.face_gap)
            painter.setFont(title_font)
            painter.setPen(TEXT)
            if rack.sides == 2:
                title = self.tr("Room %1 · %2 %3 · side %4").replace("%1", str(rack.room_number)).replace(
                    "%2", kind).replace("%3", str(rack.number)).replace("%4", side)
            else:
                title = self.tr("Room %1 · %2 %3").replace("%1", str(rack.room_number)).replace(
                    "%2", kind).replace("%3", str(rack.number))
            painter.drawText(QRect(x0, g.margin, face_w, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
            painter.setFont(label_font)
            # section numbers over the bays
            for sec in range(1, rack.sections + 1):
                bx = x0 + g.label_w + g.upright + (sec - 1) * (g.cell_w + g.upright)
                painter.drawText(QRect(bx, g.margin + 22, g.cell_w, 16), Qt.AlignmentFlag.AlignCenter,
                                 self.tr("Section %1").replace("%1", str(sec)))
            for col in range(1, rack.columns + 1):
                y0 = g.margin + g.header_h + (col - 1) * (row_h + g.row_gap)
                row_rect = QRect(x0, y0 - 3, face_w, row_h + 3)
                if not row_rect.intersects(clip):
                    continue
                painter.setPen(TEXT)
                painter.drawText(QRect(x0, y0, g.label_w - 4, rack.layers * g.cell_h),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("Column %1").replace("%1", str(col)))
                bays_x = x0 + g.label_w
                bays_w = rack.sections * g.cell_w + (rack.sections + 1) * g.upright
                shelf_h = rack.layers * g.cell_h
                # back panel, uprights, top rail and plinth
                painter.fillRect(QRect(bays_x, y0 - 3, bays_w, shelf_h + 6), QColor("#d9d4c8"))
                for sec in range(rack.sections + 1):
                    ux = bays_x + sec * (g.cell_w + g.upright)
                    painter.fillRect(QRect(ux, y0 - 3, g.upright, shelf_h + 6), UPRIGHT)
                painter.fillRect(QRect(bays_x, y0 - 3, bays_w, 3), FRAME)
                painter.fillRect(QRect(bays_x, y0 + shelf_h, bays_w, 4), FRAME)

    def _paint_cell(self, painter: QPainter, rect: QRect, cell: MapCell) -> None:
        inner = rect.adjusted(0, 1, 0, -2)
        painter.fillRect(inner, WOOD)
        occ = cell.occupancy
        if not cell.active:
            painter.fillRect(inner, INACTIVE)
            painter.setPen(QPen(QColor("#7a7d80"), 1))
            painter.drawLine(inner.topLeft(), inner.bottomRight())
            painter.drawLine(inner.bottomLeft(), inner.topRight())
        else:
            fill = occ.fill
            if occ.count:
                ratio = 1.0 if fill is None else min(1.0, fill)
                width = max(2, round(inner.width() * ratio))
                block = QRect(inner.left(), inner.top() + 1, width, inner.height() - 1)
                colour = fill_colour(fill)
                # spines: a darker line every few pixels, as volumes stand on a shelf (one tiled pixmap)
                step = max(2, round(inner.width() / max(occ.capacity_count or 30, 1)))
                painter.drawTiledPixmap(block, _spines(colour, step))
            if cell.reserved_for:
                painter.fillRect(inner, QBrush(RESERVED, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(RESERVED, 1))
                painter.drawRect(inner.adjusted(0, 0, -1, -1))
            if occ.count:
                text = str(occ.count)
                painter.setPen(QColor("white") if (fill or 0) >= 0.5 else TEXT)
                painter.drawText(inner.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        # the shelf board under the layer
        painter.fillRect(QRect(rect.left(), rect.bottom() - 1, rect.width(), 2), BOARD)

    def _legend_items(self) -> list[tuple[QColor, str, Qt.BrushStyle | None]]:
        return [
            (WOOD, self.tr("empty"), None),
            (GREEN, self.tr("in use"), None),
            (AMBER, self.tr("nearly full (85%+)"), None),
            (RED, self.tr("over capacity"), None),
            (RESERVED, self.tr("reserved"), Qt.BrushStyle.BDiagPattern),
            (INACTIVE, self.tr("out of use"), None),
        ]

    def _legend_width(self) -> int:
        fm = QFontMetrics(self._small_font())
        return sum(28 + fm.horizontalAdvance(text) + 18 for _c, text, _p in self._legend_items())

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPixelSize(10)
        return small

    def _paint_legend(self, painter: QPainter) -> None:
        g = self._g
        y = self._size.height() - g.legend_h + 8
        x = g.margin
        painter.setFont(self._small_font())
        fm = painter.fontMetrics()
        for colour, text, pattern in self._legend_items():
            box = QRect(x, y, 22, 12)
            painter.fillRect(box, WOOD)
            painter.fillRect(box, QBrush(colour, pattern) if pattern else colour)
            painter.setPen(QPen(FRAME, 1))
            painter.drawRect(box)
            painter.setPen(TEXT)
            painter.drawText(QPoint(x + 28, y + 11), text)
            x += 28 + fm.horizontalAdvance(text) + 18

    # interaction ------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.layerClicked.emit(cell.layer_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event) -> bool:  # noqa: ANN001
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.cell_tooltip(cell), self)
            return True
        return super().event(event)

    def cell_tooltip(self, cell: MapCell) -> str:
        lines = [cell.code, *occupancy_lines(cell.occupancy)]
        if cell.reserved_for:
            lines.append(self.tr("Reserved for %1").replace("%1", cell.reserved_for))
        if not cell.active:
            lines.append(self.tr("Out of use"))
        return "\n".join(lines)


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.0f}%"


def totals_lines(totals: Totals) -> list[str]:
    """A rack's (or room's) fullness, each measure named, and which one its percentage is."""
    lines = [QCoreApplication.translate("ShelfMap", "%n layer(s)", None, totals.layers)]
    if totals.capacity_count:
        lines.append(QCoreApplication.translate("ShelfMap", "Volumes: %1 of %2 places (%3)").replace("%1", str(totals.used_count))
                     .replace("%2", str(totals.capacity_count)).replace("%3", _pct(totals.used_count, totals.capacity_count)))
    else:
        lines.append(QCoreApplication.translate("ShelfMap", "Volumes: %1").replace("%1", str(totals.used_count)))
    if totals.capacity_mm:
        lines.append(QCoreApplication.translate("ShelfMap", "Shelf width: %1 of %2 mm used (%3)").replace("%1", str(totals.used_mm))
                     .replace("%2", str(totals.capacity_mm)).replace("%3", _pct(totals.used_mm, totals.capacity_mm)))
    if totals.fill is None:
        lines.append(QCoreApplication.translate("ShelfMap", "No capacity set: fullness unknown"))
    return lines


def occupancy_lines(occ: Occupancy) -> list[str]:
    """What a layer's fullness is made of, each measure named: the volumes against the places the layer
    has, the shelf width used against its width, and which of them the colour shows (the fuller one)."""
    lines = []
    if occ.capacity_count:
        lines.append(QCoreApplication.translate("ShelfMap", "Volumes: %1 of %2 places (%3)").replace("%1", str(occ.count))
                     .replace("%2", str(occ.capacity_count)).replace("%3", _pct(occ.count, occ.capacity_count)))
    else:
        lines.append(QCoreApplication.translate("ShelfMap", "Volumes: %1").replace("%1", str(occ.count)))
    if occ.capacity_mm:
        lines.append(QCoreApplication.translate("ShelfMap", "Shelf width: %1 of %2 mm used (%3)").replace("%1", str(occ.used_mm))
                     .replace("%2", str(occ.capacity_mm)).replace("%3", _pct(occ.used_mm, occ.capacity_mm)))
    fill = occ.fill
    if fill is None:
        lines.append(QCoreApplication.translate("ShelfMap", "No capacity set: fullness unknown"))
    elif occ.capacity_count and occ.capacity_mm:
        lines.append(QCoreApplication.translate("ShelfMap", "Fullness shown: %1, the fuller of the two").replace("%1", f"{fill * 100:.0f}%"))
    return lines


# ------------------------------------------------------------------ room view


class RoomMapView(QWidget):
    """A room as a floor of racks: one tile per rack, each bay coloured by how full it is."""

    rackClicked = Signal(int)

    TILE_GAP = 14
    MARGIN = 12
    BAY_W = 7
    BAY_H = 6
    LEGEND_H = 36

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomMap")
        self.setMouseTracking(True)
        self._map: RoomMap | None = None
        self._bays: list[tuple[int, dict[tuple[str, int, int], float | None], float | None]] = []
        self._highlight: int | None = None
        self._tile = QSize(120, 100)

    def set_map(self, room_map: RoomMap | None) -> None:
        self._map = room_map
        self._bays = []
        if room_map is not None:
            for rack in room_map.racks:
                bays = {(b.side, b.column, b.section): b.fill for b in rack.bays}
                self._bays.append((rack.rack.id, bays, rack.totals.fill))
        self._compute_tile()
        self.updateGeometry()
        self.update()

    def room_map(self) -> RoomMap | None:
        return self._map

    def set_highlight(self, rack_id: int | None) -> None:
        self._highlight = rack_id
        self.update()

    def _compute_tile(self) -> None:
        if not self._map or not self._map.racks:
            self._tile = QSize(120, 100)
            return
        sections = max(r.rack.sections for r in self._map.racks)
        columns = max(r.rack.columns for r in self._map.racks)
        sides = max(r.rack.sides for r in self._map.racks)
        face_w = sections * self.BAY_W
        width = max(96, sides * face_w + (sides - 1) * 6 + 16)
        height = columns * self.BAY_H + 44
        self._tile = QSize(width, height)

    def _per_row(self, width: int) -> int:
        return max(1, (width - 2 * self.MARGIN + self.TILE_GAP) // (self._tile.width() + self.TILE_GAP))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        n = len(self._map.racks) if self._map else 0
        rows = max(1, -(-n // self._per_row(width)))
        return 2 * self.MARGIN + rows * (self._tile.height() + self.TILE_GAP) + 24 + self.LEGEND_H

    def sizeHint(self) -> QSize:  # noqa: N802
        width = 2 * self.MARGIN + 6 * (self._tile.width() + self.TILE_GAP)
        return QSize(width, self.heightForWidth(width))

    def legend_items(self) -> list[tuple[QColor, str]]:
        """What the bays' colours mean (a bay: one column × section of a rack face, all its layers)."""
        return [
            (WOOD, self.tr("empty")),
            (bay_colour(0.5), self.tr("in use")),
            (bay_colour(NEAR_FULL), self.tr("nearly full (85%+)")),
            (bay_colour(1.1), self.tr("over capacity")),
        ]

    def legend_note(self) -> str:
        return self.tr("% = volumes on the rack against the places its layers have (shelf width where no places are set)")

    def _paint_legend(self, painter: QPainter) -> None:
        small = QFont(self.font())
        small.setPixelSize(11)
        painter.setFont(small)
        fm = painter.fontMetrics()
        y = self.height() - self.LEGEND_H - 4
        x = self.MARGIN
        for colour, text in self.legend_items():
            box = QRect(x, y + 3, 16, 11)
            painter.fillRect(box, colour)
            painter.setPen(QPen(UPRIGHT, 1))
            painter.drawRect(box)
            painter.setPen(TEXT)
            painter.drawText(QPoint(x + 21, y + 13), text)
            x += 21 + fm.horizontalAdvance(text) + 14
        painter.drawText(QRect(self.MARGIN, y + 17, self.width() - 2 * self.MARGIN, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.legend_note())

    def event(self, event) -> bool:  # noqa: ANN001
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.rack_tooltip(self.rack_at(event.pos()))
            if not text:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    def rack_tooltip(self, rack_id: int | None) -> str:
        if self._map is None or rack_id is None:
            return ""
        for rack in self._map.racks:
            if rack.rack.id == rack_id:
                kind = self.tr("Cabinet %1") if rack.rack.kind == "cabinet" else self.tr("Rack %1")
                return "\n".join([kind.replace("%1", str(rack.rack.number)), *totals_lines(rack.totals)])
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self._map is None or not self._map.racks:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No racks in this room yet"))
            painter.end()
            return
        small = QFont(self.font())
        small.setPixelSize(11)
        bold = QFont(small)
        bold.setBold(True)
        for i, (rack, (rack_id, bays, fill)) in enumerate(zip(self._map.racks, self._bays, strict=True)):
            tile = self.tile_rect(i)
            x, y = tile.x(), tile.y()
            if not tile.intersects(event.rect()):
                continue
            painter.setPen(QPen(HIGHLIGHT if rack_id == self._highlight else FRAME, 3 if rack_id == self._highlight else 1))
            painter.setBrush(QColor("#fbfaf7"))
            painter.drawRoundedRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            painter.setFont(bold)
            painter.setPen(TEXT)
            kind = self.tr("Cabinet %1") if rack.rack.kind == "cabinet" else self.tr("Rack %1")
            painter.drawText(QRect(x + 6, y + 3, tile.width() - 12, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             kind.replace("%1", str(rack.rack.number)))
            painter.setFont(small)
            pct = "—" if fill is None else f"{fill * 100:.0f}%"
            painter.drawText(QRect(x + 6, y + 3, tile.width() - 12, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, pct)
            gx = x + 8
            for side in rack.rack.side_letters:
                bw, bh = self.BAY_W, self.BAY_H
                for col in range(1, rack.rack.columns + 1):
                    top = y + 22 + (col - 1) * bh
                    for sec in range(1, rack.rack.sections + 1):
                        painter.fillRect(gx + (sec - 1) * bw, top, bw - 1, bh - 1, bay_colour(bays.get((side, col, sec))))
                painter.setPen(QPen(UPRIGHT, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRect(gx - 1, y + 21, rack.rack.sections * self.BAY_W, rack.rack.columns * self.BAY_H))
                painter.setPen(TEXT)
                painter.drawText(QRect(gx, y + 22 + rack.rack.columns * self.BAY_H + 1, rack.rack.sections * self.BAY_W, 14),
                                 Qt.AlignmentFlag.AlignCenter, side)
                gx += rack.rack.sections * self.BAY_W + 6
        self._paint_legend(painter)
        painter.end()

    def tile_rect(self, index: int) -> QRect:
        per_row = self._per_row(self.width())
        r, c = divmod(index, per_row)
        x = self.MARGIN + c * (self._tile.width() + self.TILE_GAP)
        y = self.MARGIN + r * (self._tile.height() + self.TILE_GAP)
        return QRect(x, y, self._tile.width(), self._tile.height())

    def rack_rect(self, rack_id: int) -> QRect | None:
        for i, (rid, _bays, _fill) in enumerate(self._bays):
            if rid == rack_id:
                return self.tile_rect(i)
        return None

    def rack_at(self, pos: QPoint) -> int | None:
        for i, (rack_id, _bays, _fill) in enumerate(self._bays):
            if self.tile_rect(i).contains(pos):
                return rack_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        rack_id = self.rack_at(event.position().toPoint())
        if rack_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.rackClicked.emit(rack_id)
            event.accept()
            return
        super().mousePressEvent(event)
