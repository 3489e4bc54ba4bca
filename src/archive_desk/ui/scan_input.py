"""Keyboard-wedge barcode scanners.

A USB scanner "types" its code very fast and presses Enter. Two tools:

- :class:`ScanLineEdit`: a field meant for scans (and typing codes): the input method is disabled so a
  Chinese IME cannot swallow the keystrokes, and what arrives is normalised (Caps Lock, full-width).
- :class:`ScanDetector`: an application-wide event filter that recognises a burst of keystrokes ending in
  Enter anywhere in a window, *without* typing it into the focused field. The first key of a possible
  burst is held back for a few milliseconds; if more keys follow that fast it is a scan, otherwise the
  held keys are replayed to the widget they were meant for, so ordinary typing is unaffected.

A wedge scanner (and ``xdotool type``) presses and releases Shift around every capital letter, as
separate key events with no text. Those modifier-only events neither end nor start a burst: they pass
to the focused widget untouched and the burst goes on (``QTest.keyClicks`` sends no such events, which
is why the detector is tested with real X key events in ``tests/ui/test_scan_x11.py``).

With a Chinese input method on (Microsoft Pinyin, Sogou) a scanner's keys go to the IME, not to the
widget: the widget sees a composition (preedit) and then one commit of the whole text when the scanner's
Enter ends it. A commit that looks like a code (:func:`looks_like_code`) and was composed about as fast
as a scanner types is taken for a scan too. Many scanners can also send a prefix and a suffix around
each code (the workstation settings ``scanner_prefix`` / ``scanner_suffix``, e.g. a Tab): a burst that
starts with the prefix is a scan however short or slow-ish it is, and the suffix ends it like Enter.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from archive_desk.services.codes import normalize_scan

#: keys closer together than this (ms) belong to one burst; scanners send 1–15 ms apart, people ≥ 60 ms
BURST_GAP_MS = 35
#: a burst shorter than this is not taken for a scan
MIN_SCAN_LENGTH = 4
#: after a configured scanner prefix, keys may be this far apart (slower Bluetooth scanners)
PREFIXED_GAP_MS = 150
#: an IME commit is a scan when its composition took at most this long per character, plus the slack
IME_MS_PER_CHAR = 35
IME_SLACK_MS = 250
#: what 档号 and barcodes are made of: letters, digits and the separators of 档号 rules, with a digit somewhere
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-_./·:()（）]*")


def looks_like_code(text: str) -> bool:
    """A 档号 or barcode as a scanner sends it (not a word someone types): ASCII letters, digits and
    separators, at least :data:`MIN_SCAN_LENGTH` long, with at least one digit."""
    return len(text) >= MIN_SCAN_LENGTH and bool(_CODE.fullmatch(text)) and any(c.isdigit() for c in text)


#: keys that only change what the next key means: they never break a burst
MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock,
})


class ScanLineEdit(QLineEdit):
    """A code field: no input method, normalised text; ``scanned`` fires on Enter with the clean code."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhPreferUppercase)
        self.setProperty("scanField", True)
        self.returnPressed.connect(self._on_returnPressed)

    def _on_returnPressed(self) -> None:
        text = normalize_scan(self.text())
        if text:
            self.scanned.emit(text)
        self.clear()


def _is_scan_field(widget: QObject | None) -> bool:
    return isinstance(widget, QWidget) and bool(widget.property("scanField"))


class ScanDetector(QObject):
    """Watches key presses going to widgets inside ``window`` and emits ``scanned`` for bursts."""

    scanned = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._text = ""
        self._clock = QElapsedTimer()
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self._on_flush_timeout)
        self._last_stamp = 0
        self._replaying = False
        self.enabled = True
        #: what this workstation's scanner sends before / after each code ("" = nothing; Enter always ends one)
        self.prefix = ""
        self.suffix = ""
        self._ime_clock = QElapsedTimer()
        self._ime_target: QObject | None = None
        app = QApplication.instance()
        assert app is not None  # noqa: S101 - narrows the type; the code guarantees it
        app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and not self._replaying and self.enabled:
            return self._claim_shortcut(obj, event)
        if event.type() == QEvent.Type.InputMethod and not self._replaying and self.enabled:
            return self._input_method(obj, event)
        if self._replaying or not self.enabled or event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(obj, QWidget) or obj.window() is not self._window or _is_scan_field(obj):
            return False
        assert isinstance(event, QKeyEvent)  # noqa: S101 - narrows the type; the code guarantees it
        if event.type() == QEvent.Type.KeyRelease:
            return self._hold_release(obj, event)
        key = event.key()
        if key in MODIFIER_KEYS:
            return False  # Shift around a capital letter: the burst goes on
        text = event.text()
        ends_with_suffix = bool(self.suffix) and bool(self._held) and (self._text + text).endswith(self.suffix)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or ends_with_suffix:
            if self._held and self._gap(event) <= self._allowed_gap() and self._is_code(self._text + (text if ends_with_suffix else "")):
                code = self._strip(self._text + (text if ends_with_suffix else ""))
                self._reset()
                self.scanned.emit(normalize_scan(code))
                return True
            self._replay()
            return False
        modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if len(text) != 1 or not text.isascii() or not text.isprintable() or modifiers:
            self._replay()
            return False
        if self._held and self._gap(event) > self._allowed_gap():
            self._replay()
        # hold this key until we know whether a burst follows
        self._held.append((obj, QKeyEvent(event.type(), key, event.modifiers(), text, event.isAutoRepeat(), event.count())))
        self._text += text
        self._clock.restart()
        self._last_stamp = event.timestamp()
        self._flush.start(self._allowed_gap() + 5)
        return True

    def _prefixed(self) -> bool:
        return bool(self.prefix) and self._text.startswith(self.prefix)

    def _allowed_gap(self) -> int:
        return PREFIXED_GAP_MS if self._prefixed() else BURST_GAP_MS

    def _strip(self, text: str) -> str:
        """The code without the scanner's configured prefix and suffix."""
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix):]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        return text

    def _is_code(self, text: str) -> bool:
        code = self._strip(text)
        if self.prefix and text.startswith(self.prefix):
            return bool(code)  # the scanner said so
        return len(code) >= MIN_SCAN_LENGTH

    def _input_method(self, obj: QObject, event: QEvent) -> bool:
        """A Chinese IME took the scanner's keys: the composition starts, then the whole text is committed
        at once (on the scanner's Enter). A fast commit that looks like a code is a scan; the widget's
        composition is cleared instead of committed."""
        if not isinstance(obj, QWidget) or obj.window() is not self._window or _is_scan_field(obj):
            return False
        assert isinstance(event, QInputMethodEvent)  # noqa: S101 - narrows the type; the code guarantees it
        commit, preedit = event.commitString(), event.preeditString()
        if not commit:
            if preedit and self._ime_target is not obj:
                self._ime_target = obj
                self._ime_clock.restart()
            elif not preedit:
                self._ime_target = None
            return False
        composed_here = self._ime_target is obj and self._ime_clock.isValid()
        elapsed = self._ime_clock.elapsed() if composed_here else None
        self._ime_target = None
        code = normalize_scan(self._strip(commit.strip()))
        prefixed = bool(self.prefix) and commit.startswith(self.prefix)
        fast = elapsed is not None and elapsed <= IME_SLACK_MS + IME_MS_PER_CHAR * len(commit)
        if not (looks_like_code(code) and (fast or prefixed)):
            return False
        self._replaying = True
        try:
            QApplication.sendEvent(obj, QInputMethodEvent())  # end the composition, type nothing
        finally:
            self._replaying = False
        self.scanned.emit(code)
        return True

    def _hold_release(self, obj: QObject, event: QKeyEvent) -> bool:
        """The release of a key whose press is held is held behind it: a button clicked with Space (on
        release) must get the press first, and a key must never seem to stay down."""
        if not self._held or event.isAutoRepeat() or event.key() in MODIFIER_KEYS:
            return False
        if not any(held.type() == QEvent.Type.KeyPress and held.key() == event.key() for _o, held in self._held):
            return False
        self._held.append((obj, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), False, event.count())))
        return True

    def _gap(self, event: QKeyEvent) -> int:
        """Milliseconds since the last held key. Real key events carry the window system's time of the
        key press, so a burst stays a burst when the app was busy and handled its keys late; synthetic
        events (no time) are measured when they arrive."""
        stamp = event.timestamp()
        if stamp and self._last_stamp and stamp >= self._last_stamp:
            return stamp - self._last_stamp
        return self._clock.elapsed()

    def _on_flush_timeout(self) -> None:
        """No key for a while: replay the held keys, but only after key events that were already waiting
        (the app was busy) have been handled, so a late timer does not cut a burst in two."""
        QTimer.singleShot(0, self._replay_if_quiet)

    def _replay_if_quiet(self) -> None:
        if self._held and self._clock.elapsed() > BURST_GAP_MS:
            self._replay()

    def _claim_shortcut(self, obj: QObject, event: QEvent) -> bool:
        """Shortcuts are matched before the key press is delivered: the Enter that ends a burst (and the
        burst's own keys) must not trigger a shortcut such as "Enter opens the editor" in the table."""
        if not isinstance(obj, QWidget) or obj.window() is not self._window or _is_scan_field(obj):
            return False
        assert isinstance(event, QKeyEvent)  # noqa: S101 - narrows the type; the code guarantees it
        if event.key() in MODIFIER_KEYS:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            claim = bool(self._held) and self._gap(event) <= self._allowed_gap() and self._is_code(self._text)
        else:
            modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            text = event.text()
            claim = len(text) == 1 and text.isascii() and text.isprintable() and not modifiers
        if claim:
            event.accept()
        return claim

    def _reset(self) -> None:
        self._flush.stop()
        self._held.clear()
        self._text = ""

    def _replay(self) -> None:
        """Not a scan: deliver the held keys to where they were going."""
        held = self._held[:]
        self._reset()
        if not held:
            return
        self._replaying = True
        try:
            for target, event in held:
                QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
