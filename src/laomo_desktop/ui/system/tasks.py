"""The GUI's driver of long work (laomo_desktop.work): `start_job` runs a job on a worker thread
with a connection of its own, shows a progress dialog with Cancel once the job has taken half a
second, and hands its result, its error or its cancellation back on the GUI thread. Widgets are
never touched from the worker. Every long job of the GUI goes through it: import, export, the
reports, the list export, the demo, backup, restore (over a damaged ledger too), the check, the
paste of many rows and the resolution of a conflict. Nothing waits for a job in a nested event
loop: what follows a job is its callback."""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from laomo_desktop.errors import LaomoError
from laomo_desktop.store.database import release_connection
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown, warn
from laomo_desktop.work import Cancelled, Job, Progress, drive

SHOW_AFTER_MS = 500  # a job that ends sooner never flashes a dialog


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


_alive: set[Any] = set()  # runners under way (Qt would not keep them)


# -- the driver ---------------------------------------------------------------------------------
class _Worker(QRunnable):
    """Runs one job on a pool thread; its signals live on the GUI thread, so what they carry is
    delivered there."""

    def __init__(self, make_job: Callable[[], Job], signals: _Signals, stop: threading.Event):
        super().__init__()
        self.make_job, self.signals, self.stop = make_job, signals, stop

    @Slot()
    def run(self) -> None:
        release_connection()  # pool threads outlive a job: never reuse another ledger's
        try:
            result, error = drive(self.make_job(), lambda p: self.signals.progress.emit(*p),
                                  self.stop.is_set), None
        except BaseException as exc:  # handed to the GUI thread, which shows it
            result, error = None, exc
        finally:
            release_connection()
        try:
            if error is None:
                self.signals.done.emit(result)
            else:
                self.signals.failed.emit(error, "".join(traceback.format_exception(error)))
        except RuntimeError:  # the program quit meanwhile: no one is left to tell
            pass


class JobRunner(QObject):
    """One job under way: its progress dialog (after SHOW_AFTER_MS), Cancel, and its outcome.

    `ended` is emitted after the outcome's callback has run, whatever the outcome was."""

    ended = Signal()

    def __init__(self, parent: QWidget | None, title: str, text: str,
                 on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None] | None,
                 on_cancelled: Callable[[], None] | None, cancellable: bool,
                 quiet: bool = False):
        super().__init__(parent)
        self.parent_widget, self.title = parent, title
        self.on_done, self.on_failed, self.on_cancelled = on_done, on_failed, on_cancelled
        self.stop = threading.Event()
        self.running = True
        self.last: Progress | None = None
        self.dialog = d = QProgressDialog(text, tr("Cancel"), 0, 0, parent)
        d.setLabel(DataLabel(text, lines=True))  # the steps may name files and records
        d.setObjectName("job_progress")
        d.setWindowTitle(title)
        d.setWindowModality(Qt.WindowModality.WindowModal)
        d.setAutoClose(False)
        d.setAutoReset(False)
        d.setMinimumWidth(380)
        d.setMinimumDuration(10**9)  # shown by the timer below, not by setValue
        if not cancellable:
            d.setCancelButton(None)
        d.canceled.connect(self.cancel)
        d.hide()
        # no parent: the worker may still emit after the window (and this runner with it) is gone;
        # the signals then reach no one instead of a deleted object. The runner's wrapper keeps
        # them alive (in _alive until the job ends) for as long as the worker can emit.
        self.signals = _Signals()
        self.signals.progress.connect(self._progress)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        if not quiet:  # quiet: the caller says on its own screen what goes on
            QTimer.singleShot(SHOW_AFTER_MS, self, self._show)

    def _show(self) -> None:
        if self.running:
            self.dialog.show()

    def cancel(self) -> None:
        """Ask the job to stop after its current step; it rolls back and nothing is kept."""
        if self.running and not self.stop.is_set():
            self.stop.set()
            self.dialog.setLabelText(tr("Cancelling…"))

    def _progress(self, done: int, total: int, text: str) -> None:
        self.last = Progress(done, total, text)
        if self.stop.is_set():
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(shown(text))

    def _end(self) -> None:
        self.running = False
        _alive.discard(self)
        self.dialog.canceled.disconnect(self.cancel)  # closing it would emit canceled
        self.dialog.close()
        self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._end()
        try:
            self.on_done(result)
        finally:
            self.ended.emit()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self._end()
        try:
            if isinstance(exc, Cancelled):
                if self.on_cancelled is not None:
                    self.on_cancelled()
            elif self.on_failed is not None:
                self.on_failed(exc)
            elif isinstance(exc, LaomoError):
                warn(self.parent_widget, self.title, exc.message)
            else:  # a defect: the crash handler records it, as for any other slot
                sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            self.ended.emit()


def start_job(parent: QWidget | None, title: str, text: str, make_job: Callable[[], Job],
              on_done: Callable[[Any], None], *,
              on_failed: Callable[[BaseException], None] | None = None,
              on_cancelled: Callable[[], None] | None = None,
              cancellable: bool = True, quiet: bool = False) -> JobRunner:
    """Run the job `make_job()` makes on a worker thread; every callback runs on the GUI thread.

    `quiet`: no progress dialog (the caller shows on its own screen that it is working).
    Without on_failed, a LaomoError is shown as a warning titled `title`. `make_job` is called on
    the worker thread, so whatever it reads comes through the worker's own connection."""
    runner = JobRunner(parent, title, text, on_done, on_failed, on_cancelled, cancellable,
                       quiet)
    _alive.add(runner)
    worker = _Worker(make_job, runner.signals, runner.stop)
    QThreadPool.globalInstance().start(worker)
    return runner
