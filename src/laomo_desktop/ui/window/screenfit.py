"""Every window fits the screen it opens on.

Office PCs run 1366×768 and 1920×1080 screens at 125–150 % scaling: 1093×614 and 1280×720
logical pixels, less the task bar. A window sized for a big screen would put its buttons and
its status bar below the task bar, where nobody can reach them. So the main window starts at
what the screen has room for, and every top-level window (dialogs and message boxes included,
whoever made them) is shrunk and moved into the screen's available area when it is shown.
What a window cannot lose (its layout's minimum) is kept small by its own scroll areas."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

FRAME = QSize(16, 40)  # title bar and borders, used before the window system tells them


def available(widget: QWidget) -> QRect:
    """The room on the widget's screen (logical pixels, after scaling, less the task bar)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else QRect(0, 0, 1024, 700)


def frame_extra(widget: QWidget) -> QSize:
    """What the window frame adds to the widget's size."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return extra if widget.windowHandle() is not None and extra != QSize(0, 0) else FRAME


def room(widget: QWidget) -> QSize:
    """The largest size of the widget (without its frame) that fits the screen."""
    return available(widget).size() - frame_extra(widget)


def fit_size(widget: QWidget, width: int, height: int) -> None:
    """Resize a window to width × height, or to what the screen has room for."""
    widget.resize(QSize(width, height).boundedTo(room(widget)))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink the window (and any minimum set on it) to the screen's room, then move it so its
    frame lies inside the available area."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    limit = room(widget)
    if widget.minimumWidth() > limit.width() or widget.minimumHeight() > limit.height():
        widget.setMinimumSize(widget.minimumSize().boundedTo(limit))
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(widget.size().boundedTo(limit))
    area, frame = available(widget), widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        QWidget.move(widget, max(x, area.x()), max(y, area.y()))  # a window may define move()


class _ScreenFit(QObject):
    """Keeps each top-level window on screen as it is shown."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow()
                and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
            keep_on_screen(obj)
        return False


def install(app: QApplication | None = None) -> None:
    """Watch every window of the application (once; later calls do nothing)."""
    app = app or QApplication.instance()
    if app is not None and app.property("screen_fit") is None:
        fit = _ScreenFit(app)
        app.installEventFilter(fit)
        app.setProperty("screen_fit", True)
