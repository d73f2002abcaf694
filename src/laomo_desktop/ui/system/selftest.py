"""The Qt half of `laomo self-test` (the runner is laomo_desktop.selftest): Qt starts headless,
a widget paints, and both our translation and Qt's own Chinese translation are in effect.

Each check makes the application itself if no check made it before, so either runs alone.
"""

from __future__ import annotations

import os

from laomo_desktop.errors import require

MARK = (0x8B, 0x1A, 0x1A)  # the reports' dark red: an unlikely colour for a blank grab


def _app():
    # Before the QApplication exists: headless, whatever the machine has (or lacks) as a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from laomo_desktop.ui.app import make_app

    return make_app(["laomo-self-test"])


def qt_version() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"


def check_qt() -> str:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QWidget

    app = _app()
    require(QApplication.instance() is app, "no QApplication instance")
    widget = QWidget()
    try:
        widget.resize(64, 48)
        widget.setAutoFillBackground(True)
        palette = widget.palette()
        palette.setColor(widget.backgroundRole(), QColor(*MARK))
        widget.setPalette(palette)
        pixmap = widget.grab()
        require(not pixmap.isNull(), "grabbing a widget gave an empty picture")
        image = pixmap.toImage()
        require((image.width(), image.height()) == (64, 48),
                f"the grab is {image.width()}×{image.height()}, expected 64×48")
        colour = image.pixelColor(32, 24)
        got = (colour.red(), colour.green(), colour.blue())
        require(got == MARK, f"the widget painted {got}, expected {MARK}")
    finally:
        widget.deleteLater()
    return f"platform {app.platformName()}, a widget painted and grabbed"


def check_translations() -> str:
    from PySide6.QtWidgets import QDialogButtonBox

    from laomo_desktop.ui import i18n
    from laomo_desktop.ui.i18n import tr

    app = _app()
    language = i18n.install(app, "zh_CN")
    require(language == "zh_CN", f"the language installed is {language}")
    undo = tr("Undo")  # a message the .ts already has (context "", as every tr() call)
    require(undo == "撤销", f'tr("Undo") is {undo!r}: laomo_zh_CN.qm not loaded '
                           f"from {i18n.translations_dir()}")
    Cancel = QDialogButtonBox.StandardButton.Cancel  # noqa: N806 - a Qt constant
    box = QDialogButtonBox(Cancel)
    try:
        cancel = box.button(Cancel).text().replace("&", "")
    finally:
        box.deleteLater()
    require(cancel == "取消", f"the Cancel button says {cancel!r}: qtbase_zh_CN.qm not loaded")
    return 'laomo_zh_CN and qtbase_zh_CN loaded: "Undo" is 撤销, Cancel is 取消'
