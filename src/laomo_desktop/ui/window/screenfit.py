"""Every window fits the screen it opens on.

Office PCs run 1366×768 and 1920×1080 screens at 125–150 % scaling: 1093×614 and 1280×720
logical pixels, less the task bar. A window sized for a big screen would put its buttons and
its status bar below the task bar, where nobody can reach them. So the main window starts at
what the screen has room for, and every top-level window (dialogs and message boxes included,
whoever made them) is shrunk and moved into the screen's available area when it is shown.
What a window cannot lose (its layout's minimum) is kept small by its own scroll areas."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QWindow
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
        widget.move(max(x, area.x()), max(y, area.y()))


class _ScreenFit(QObject):
    """Keeps each top-level window on screen when it is shown.

    A window's first show activates it, and the application says so with one C++ signal
    (focusWindowChanged); from then on the window's own visibleChanged says when it is shown
    again. Listening to these costs nothing in between, where an application-wide event filter
    ran Python for every event of every widget (it doubled the time of every paint, key press
    and timer)."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._watched: set[int] = set()
        app.focusWindowChanged.connect(self._activated)

    def _activated(self, window: QWindow | None) -> None:
        if window is None or id(window) in self._watched:
            return
        widget = _fittable(window)
        if widget is None:
            return
        keep_on_screen(widget)
        key = id(window)
        self._watched.add(key)
        window.visibleChanged.connect(lambda shown: shown and _fit(window))
        window.destroyed.connect(lambda: self._watched.discard(key))


def _fittable(window: QWindow) -> QWidget | None:
    """The top-level window or dialog shown in `window` (not a menu, tooltip or splash)."""
    for widget in QApplication.topLevelWidgets():
        if (widget.windowHandle() is window and widget.isVisible()
                and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)):
            return widget
    return None


def _fit(window: QWindow) -> None:
    widget = _fittable(window)
    if widget is not None:
        keep_on_screen(widget)


def install(app: QApplication | None = None) -> None:
    """Watch every window of the application (once; later calls do nothing)."""
    app = app or QApplication.instance()
    if app is not None and app.property("screen_fit") is None:
        _ScreenFit(app)
        app.setProperty("screen_fit", True)
