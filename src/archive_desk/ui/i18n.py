"""Qt translations: the compiled .qm files shipped in ``archive_desk/resources/i18n``."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def _qt_strings_for_lupdate() -> None:  # pragma: no cover - never called: lupdate reads these
    """Texts of Qt's own dialogs that Qt's ``qtbase_zh_CN`` lacks (Qt 6 added accelerators to them);
    they go into the app's own translations (``resources/i18n/ui/core.zh_CN.json``), which Qt consults
    after its own."""
    QCoreApplication.translate("QFileDialog", "&Look in:")
    QCoreApplication.translate("QFileDialog", "Files of &type:")


def install_translators(app: QCoreApplication, language: str) -> None:
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English,
                               QLocale.Country.China if language == "zh_CN" else QLocale.Country.UnitedStates))
    folder = resources.files("archive_desk") / "resources" / "i18n"
    ours = QTranslator(app)
    if ours.load(str(folder / f"archive_desk_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_tr = QTranslator(app)  # Qt's own dialogs (OK/Cancel, print dialog)
    if language == "zh_CN" and qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
