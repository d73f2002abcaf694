"""Languages: Simplified Chinese by default whatever the system locale, English selectable.

UI text is written in English and translated through Qt; resources/translations holds the
.ts source and the .qm compiled from it (committed, so every install has it: `make
translations`). A missing .qm is an incomplete install and raises, never a silent English
window. Domain labels (fields, choices) carry both languages in the ledger's declarations and
are picked by ui.fmt.
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


class TranslationMissing(RuntimeError):
    """The program's own Chinese translation cannot be loaded: the install is incomplete."""

    def __init__(self, path: Path):
        super().__init__(
            f"找不到界面的中文翻译文件 {path}：程序安装不完整，请重新安装。\n\n"
            f"The Chinese translation of the window is missing ({path}): the installation is "
            f"incomplete; please install the program again.")
        self.path = path


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
        elif name == "laomo_zh_CN":  # Qt's own (standard buttons) may lack it; ours may not
            raise TranslationMissing(translations_dir() / f"{name}.qm")
    _name_the_program(app)
    return language


def _name_the_program(app: QCoreApplication) -> None:
    """The name window titles end with on some systems, in the language just installed."""
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(tr("Laomo Desktop"))
