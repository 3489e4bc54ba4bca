"""Scanner bursts are recognised anywhere and never typed into the focused field; people typing are unaffected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from archive_desk.ui.scan_input import ScanDetector, ScanLineEdit


def _window(qtbot) -> tuple[QWidget, QLineEdit, ScanDetector, list[str]]:  # noqa: ANN001
    win = QWidget()
    qtbot.addWidget(win)
    field = QLineEdit(win)
    QVBoxLayout(win).addWidget(field)
    win.show()
    field.setFocus()
    detector = ScanDetector(win)
    got: list[str] = []
    detector.scanned.connect(got.append)
    return win, field, detector, got


def scan(widget: QWidget, code: str) -> None:
    """What a keyboard-wedge scanner sends: the characters back to back, then Enter."""
    QTest.keyClicks(widget, code)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_burst_is_a_scan_and_is_not_typed_into_the_field(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    field.setText("张三")
    scan(field, "Z109-LP.2019-D30-0123")
    assert got == ["Z109-LP.2019-D30-0123"]
    assert field.text() == "张三"
    detector.uninstall()


def test_caps_lock_scan_is_upper_cased(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    scan(field, "z109-lp.2019-d30-0123")
    assert got == ["Z109-LP.2019-D30-0123"]
    assert field.text() == ""
    detector.uninstall()


def test_slow_typing_reaches_the_field(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    for ch in "2019":
        QTest.keyClick(field, ch)
        qtbot.wait(80)  # a person types ~5 keys a second
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "2019"
    assert got == []
    detector.uninstall()


def test_scan_field_has_no_input_method_and_normalises(qtbot) -> None:  # noqa: ANN001
    field = ScanLineEdit()
    qtbot.addWidget(field)
    got: list[str] = []
    field.scanned.connect(got.append)
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    scan(field, "l1-03a-02-4-3")
    assert got == ["L1-03A-02-4-3"]
    assert field.text() == ""


def test_space_on_a_button_still_clicks_it(qtbot) -> None:  # noqa: ANN001
    """A held key's release is held behind its press: a button (which clicks on release) is clicked once,
    and is not left looking pressed."""
    from PySide6.QtWidgets import QPushButton

    win = QWidget()
    qtbot.addWidget(win)
    button = QPushButton("开始盘点", win)
    QVBoxLayout(win).addWidget(button)
    win.show()
    button.setFocus()
    detector = ScanDetector(win)
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    QTest.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(clicks) == 1, timeout=2000)
    qtbot.wait(100)
    assert clicks == [1] and not button.isDown()
    detector.uninstall()
