"""Languages: Simplified Chinese by default whatever the system locale, English selectable.

UI text is written in English and translated through Qt; resources/translations holds the
.ts source and the .qm the build compiles from it. Domain labels (fields, choices) carry both
languages in the ledger's declarations and are picked by ui.fmt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from laomo_desktop.paths import resources_dir
from laomo_desktop.settings import LANGUAGE
from laomo_desktop.ui import fmt

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT = LANGUAGE.default  # the language of a fresh install, declared with the setting


def tr(text: str) -> str:
    """Translate UI text (English source). pyside6-lupdate collects every tr("...") call."""
    return QCoreApplication.translate("", text)


def translations_dir() -> Path:
    return resources_dir() / "translations"


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for `language`; returns the language actually used."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT
    fmt.set_language(language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _name_the_program(app)
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), ("laomo_zh_CN", str(translations_dir()))):
        t = QTranslator(app)
        if t.load(name, folder):
            app.installTranslator(t)
            _installed.append(t)
    _name_the_program(app)
    return language


def _name_the_program(app: QCoreApplication) -> None:
    """The name window titles end with on some systems, in the language just installed."""
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(tr("Laomo Desktop"))
