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


# ------------------------------------------------------------------ a Chinese input method on; scanner prefix/suffix

def _ime(widget: QWidget, commit: str = "", preedit: str = "") -> None:
    """What a Chinese IME (Microsoft Pinyin, Sogou) sends the focused widget: the composition, then a commit."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(widget, event)


def _ime_scan(widget: QWidget, code: str) -> None:
    for n in range(1, len(code) + 1):  # the scanner's keys compose, fast
        _ime(widget, preedit=code[:n])
    _ime(widget, commit=code)  # its Enter commits the whole text


def test_a_fast_ime_commit_that_looks_like_a_code_is_a_scan(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    field.setText("张三")
    _ime_scan(field, "z109-lp.2019-d30-0123")
    assert got == ["Z109-LP.2019-D30-0123"]
    assert field.text() == "张三"  # nothing typed, the composition gone
    detector.uninstall()


def test_words_typed_through_the_ime_reach_the_field(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    _ime(field, preedit="dang'an")
    _ime(field, commit="档案")  # a Chinese word is not a code
    _ime(field, preedit="report")
    _ime(field, commit="report")  # no digit: a word, not a code
    assert field.text() == "档案report" and got == []
    detector.uninstall()


def test_a_slow_ime_commit_is_typing_even_if_it_looks_like_a_code(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    _ime(field, preedit="w")
    qtbot.wait(900)  # a person composing "ws2019" in pinyin mode
    _ime(field, preedit="ws2019")
    _ime(field, commit="ws2019")
    assert field.text() == "ws2019" and got == []
    detector.uninstall()


def test_a_commit_with_the_scanners_prefix_is_a_scan_whatever_the_pace(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    detector.prefix = "]"
    _ime(field, preedit="]")
    qtbot.wait(600)
    _ime(field, commit="]A0001")
    assert got == ["A0001"] and field.text() == ""
    detector.uninstall()


def test_a_burst_with_the_scanners_prefix_and_suffix_is_a_scan(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    detector.prefix, detector.suffix = "]", "\t"
    QTest.keyClicks(field, "]A12")  # shorter than a burst needs: the prefix says it is a scan
    QTest.keyClick(field, Qt.Key.Key_Tab)  # the suffix ends it like Enter
    assert got == ["A12"] and field.text() == ""
    detector.uninstall()


def test_without_a_prefix_a_short_burst_is_still_typing(qtbot) -> None:  # noqa: ANN001
    _win, field, detector, got = _window(qtbot)
    detector.suffix = "\t"
    scan(field, "A12")
    assert got == [] and field.text() == "A12"
    detector.uninstall()
