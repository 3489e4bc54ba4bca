"""The Qt parts of ``--self-test`` (archive_desk/selftest.py): open the main window on the scratch catalogue
offscreen and close it again; read a label's code back from the printed PDF (where zxing-cpp is importable)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

WINDOW_TIMEOUT_S = 60.0


def ensure_application() -> QCoreApplication:
    """The running application, or a new one; a new one is offscreen unless a platform was chosen (the
    self-test runs on machines without a display, and must not flash a window on a user's screen)."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from archive_desk.ui.application import create_application

        app = create_application(sys.argv[:1])
    return app


def _wait(condition, timeout_s: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def open_and_close_window(catalogue: Path, settings_path: Path, build_context: Callable[..., Any]) -> int:
    """Start the main window as the app does (translations, fonts, the catalogue), wait for the table to show
    rows, close it; the number of rows shown. Window state goes to an INI file beside ``settings_path``
    (not the user's registry or config), and the default settings format is put back afterwards."""
    from archive_desk.i18n import current_language
    from archive_desk.settings import Settings
    from archive_desk.ui.fonts import register_fonts
    from archive_desk.ui.i18n import install_translators
    from archive_desk.ui.main_window import MainWindow

    app = ensure_application()
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    Settings(language="zh_CN", backup_at_exit=False).save(settings_path)
    previous_format = QSettings.defaultFormat()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_path.parent / "qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    language = current_language()
    window = None
    ctx = build_context(catalogue, Settings.load(settings_path), settings_path)
    try:
        install_translators(app, "zh_CN")
        if not register_fonts():
            raise RuntimeError("the shipped fonts could not be loaded")
        window = MainWindow(ctx)
        window.show()
        area = window.areas["catalogue"]
        if not _wait(lambda: not area._list_runner.busy and area.model.rowCount() > 0, WINDOW_TIMEOUT_S):  # noqa: SLF001 - the same package's own object
            raise RuntimeError(f"the catalogue table showed no rows within {WINDOW_TIMEOUT_S:.0f} s")
        rows = area.model.rowCount()
        window.close()
        if window.isVisible():
            raise RuntimeError("the main window did not close")
        return rows
    finally:
        if window is not None:
            window.scan_detector.uninstall()
            window.deleteLater()
        from archive_desk.ui import workers

        workers.shutdown()
        QCoreApplication.processEvents()
        ctx.db.dispose()
        install_translators(app, language)
        QSettings.setDefaultFormat(previous_format)


def decode_pdf_page(pdf: Path, page: int = 0, dpi: int = 300) -> list[str]:
    """The codes zxing-cpp reads on one page of a PDF rendered as a scanner would see it (grey, ``dpi``)."""
    import zxingcpp
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    ensure_application()
    doc = QPdfDocument()
    try:
        if doc.load(str(pdf)) != QPdfDocument.Error.None_:
            raise RuntimeError(f"Qt could not open {pdf}")
        points = doc.pagePointSize(page)
        size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        rendered = doc.render(page, size)  # transparent where nothing is drawn: put it on white paper
    finally:
        doc.close()
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    image = paper.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())[: stride * height]
    rows = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    try:
        from PIL import Image
    except ImportError:
        return []
    picture = Image.frombytes("L", (width, height), rows)
    return [hit.text for hit in zxingcpp.read_barcodes(picture)]


def quit_after_first_paint(app: QCoreApplication, window, report, *, started: float) -> None:  # noqa: ANN001
    """Quit ``app`` once the catalogue table has painted with rows, calling ``report(seconds since started)``."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    area = window.areas["catalogue"]
    viewport = area.table.viewport()

    class _Painted(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, ARG002, N802 - the signature is fixed by the base class
            if event.type() == QEvent.Type.Paint and area.model.rowCount() > 0 and not self.property("done"):
                self.setProperty("done", True)
                seconds = time.monotonic() - started
                QTimer.singleShot(0, lambda: (report(seconds), window.close(), app.quit()))
            return False

    watcher = _Painted(window)
    viewport.installEventFilter(watcher)
    window._first_paint_watcher = watcher  # kept alive with the window  # noqa: SLF001 - the same package's own object
