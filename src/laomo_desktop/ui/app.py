"""Starting the GUI: one instance per ledger, translations, the crash hook, the main window.

A start paints the window before it opens the ledger, as a bare window would be painted: the
lock, the language and the window's frame first; after its first paint the ledger is opened
(with the recovery dialog for a damaged or lost one), the window filled, what the opening found
told, and the single-instance server started. peewee, the models and the ledger's modules are
loaded in that second step."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths, resources_dir
from laomo_desktop.texts import Text, worded
from laomo_desktop.ui import i18n, prefs
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import fail, inform, warn


def settings_for(paths: LedgerPaths) -> QSettings:
    """Settings live beside the ledger, so each ledger (and each test) has its own."""
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


class WindowHost:
    """Owns the main window; re-creates it when the language changes."""

    def __init__(self, app: QApplication, paths: LedgerPaths, settings: QSettings):
        self.app = app
        self.paths = paths
        self.settings = settings
        self.window = None

    def show(self, fill: bool = True):
        """Show the main window; with `fill=False` only its frame (fill it once the ledger is
        open: `window.fill()`)."""
        from laomo_desktop.ui.window.mainwindow import MainWindow

        ctx = AppContext(self.paths, self.settings)
        self.window = MainWindow(ctx, fill=fill)
        self.window.language_changed.connect(self.rebuild)
        self.window.show()
        return self.window

    def rebuild(self) -> None:
        old = self.window
        i18n.install(self.app, prefs.read(self.settings, declared.LANGUAGE))
        old.closing_for_rebuild = True
        old.close()
        old.deleteLater()
        self.show()


NO_DATA_FOLDER = Text("无法创建数据文件夹“{folder}”：{reason}",
                      "Cannot create the data folder “{folder}”: {reason}")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Laomo Desktop")
    app.setOrganizationName("Laomo")
    app.setDesktopFileName("laomo-desktop")  # Linux: matches laomo-desktop.desktop's icon
    app.setWindowIcon(app_icon())
    from laomo_desktop.ui.system.collector import keep_gc_on_gui_thread
    from laomo_desktop.ui.window import screenfit

    keep_gc_on_gui_thread(app)  # before any job runs on a worker thread
    from laomo_desktop.ui.system.cjkfont import ensure_chinese_font

    ensure_chinese_font()  # before the first label is drawn
    screenfit.install(app)  # every window, the recovery dialog before the main one included
    return app


def app_icon() -> QIcon:
    """The app icon at every size in resources/icons (laomo-16.png … laomo-512.png)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("laomo-*.png")):
        icon.addFile(str(png))
    return icon


class _FirstPaint(QObject):
    """Calls `then` once, when the loop turns after the widget's first paint (or after
    `fallback_ms` if it is never painted, e.g. started minimized)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None], fallback_ms: int = 1000) -> None:
    """Run `then` right after `widget` is first painted: what it does is not waited for by the
    first sight of the window."""
    _FirstPaint(widget, then, fallback_ms)


def run_gui(paths: LedgerPaths, argv: list[str] | None = None) -> int:
    from laomo_desktop.ui.system import crash
    from laomo_desktop.ui.system.crash import install_excepthook, log_dir_for

    crash.trace_native_crashes(log_dir_for(paths))  # before Qt's first native code runs
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = make_app(argv)
    try:
        paths.ensure()
    except OSError as exc:
        from laomo_desktop.store import health

        if not (paths.db.exists() and health.folder_read_only(paths)):
            said = NO_DATA_FOLDER(folder=paths.root, reason=exc)  # no language chosen yet: both
            fail(None, "Laomo Desktop", f"{said.render('zh')}\n\n{said.render('en')}")
            return 1
        # a read-only folder with a ledger: it opens for reading and printing
    from laomo_desktop.ui.system.single import SingleInstance

    single = SingleInstance(paths)
    if not single.acquire(listen=False):  # the lock now; QtNetwork once the window is shown
        if single.busy_holder is not None:  # a command is changing the ledger right now
            warn(None, "Laomo Desktop", tr(
                "The ledger is in use by %1. Please wait until it has finished, then open the "
                "program again.").replace("%1", worded(single.busy_holder.describe())))
            return 1
        return 0  # the running window was brought to the front
    settings = settings_for(paths)
    try:
        i18n.install(app, prefs.read(settings, declared.LANGUAGE))
    except i18n.TranslationMissing as exc:  # logged for support, told in both languages
        text = crash.log_text(type(exc), exc, exc.__traceback__)
        if sys.stderr is not None:
            sys.stderr.write(text)
        log = crash.write_log(log_dir_for(paths), text)
        fail(None, "Laomo Desktop", f"{exc}\n\n{log or ''}".strip())
        return 1
    host = WindowHost(app, paths, settings)
    install_excepthook(log_dir_for(paths), lambda: host.window)
    host.show(fill=False)  # the frame: painted before the ledger is even opened
    not_opened: list[bool] = []

    def open_and_fill() -> None:
        if not open_or_recover(paths):  # the user was told (or chose to quit)
            not_opened.append(True)
            app.exit(1)
            host.window.close()
            return
        host.window.fill()
        tell_how_it_opened(host.window)
        single.activated.connect(lambda: host.window.bring_to_front())
        single.listen()  # the window is up: later starts are answered from now on

    after_first_paint(host.window, open_and_fill)
    try:
        code = app.exec()
    finally:
        # closing the last window while the loop was ending posts a quit that the ended loop
        # never takes; delivered later it would end every event loop still to come at once
        QApplication.removePostedEvents(app, QEvent.Type.Quit)
        from laomo_desktop.store.database import close_ledger
        from laomo_desktop.ui.pages.tableclip import hand_over_clipboard

        hand_over_clipboard()
        close_ledger()
        single.release()
    return 1 if not_opened else code


def open_or_recover(paths: LedgerPaths) -> bool:
    """Open the ledger; when it is damaged or lost, let the user restore a backup (or, for a
    lost one, start empty). False when it cannot be opened and the user was told."""
    from laomo_desktop.store import health
    from laomo_desktop.store.database import open_ledger

    start_empty = False
    while True:
        try:
            open_ledger(paths, program="gui", start_empty=start_empty)
            return True
        except health.LedgerProblem as problem:
            from laomo_desktop.ui.dialogs.recovery import (  # only for a damaged ledger
                EMPTY,
                recover,
            )

            choice = recover(paths, problem)
            if choice is None:
                return False
            start_empty = choice[0] == EMPTY
        except LaomoError as exc:
            fail(None, tr("Cannot open the ledger"), exc.message)
            return False


def tell_how_it_opened(window) -> None:
    """Say once what the opening found: a read-only ledger, a stranger's journal set aside."""
    from laomo_desktop.store.database import current

    state = current()
    if state is None:
        return
    if state.read_only:
        window.show_read_only(worded(state.read_only_message))
    for note in state.notices:
        inform(window, tr("Note"), worded(note))
