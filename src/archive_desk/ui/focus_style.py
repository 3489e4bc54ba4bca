"""Where the keyboard is, seen at a glance: a clear two-pixel frame around the widget that has the focus.

The staff work with the keyboard and a scanner; the platform styles mark the focus with a one-pixel tint
that is easy to lose on a busy screen. :class:`FocusStyle` is a proxy of the style in use (Fusion,
Windows …) that draws, after the style's own drawing, a frame in :data:`FOCUS_COLOUR` around a focused
field, combo box, spin box, button, check box and the current cell of a focused table. Nothing else about
the look changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

#: the focus frame's colour and width (pixels)
FOCUS_COLOUR = QColor("#1565c0")
FOCUS_WIDTH = 2

_FRAMED_PRIMITIVES = (QStyle.PrimitiveElement.PE_FrameFocusRect, QStyle.PrimitiveElement.PE_FrameLineEdit)
_FRAMED_CONTROLS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


class FocusStyle(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,  # noqa: N802
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _FRAMED_PRIMITIVES and option.state & QStyle.StateFlag.State_HasFocus:
            _frame(painter, option)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,  # noqa: N802
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FRAMED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            _frame(painter, option)


def _frame(painter: QPainter, option: QStyleOption) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(FOCUS_COLOUR, FOCUS_WIDTH, Qt.PenStyle.SolidLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FOCUS_WIDTH // 2
    painter.drawRect(option.rect.adjusted(half, half, -half, -half))
    painter.restore()


def install(app: QApplication) -> None:
    """Wrap the application's style once (a second window keeps the first one's)."""
    if not isinstance(app.style(), FocusStyle):
        app.setStyle(FocusStyle(app.style().name()))
