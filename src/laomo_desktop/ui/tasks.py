"""The one background-task helper of the GUI: run a function off the GUI thread, then hand its
result or its error back on the GUI thread. Widgets are never touched from the worker."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from laomo_desktop.store.database import release_connection
from laomo_desktop.ui.plain import DataLabel, shown


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[..., Any], with_progress: bool):
        super().__init__()
        self.work = work
        self.with_progress = with_progress
        self.signals = _Signals()
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = None
                for step in self.work():
                    if self.cancelled:
                        break
                    result = step
                    if isinstance(step, tuple) and len(step) == 3:
                        self.signals.progress.emit(*step)
            else:
                result = self.work()
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self.signals.failed.emit(exc, traceback.format_exc())
            return
        finally:
            release_connection()  # this worker thread's own connection; pool threads live on
        self.signals.done.emit(result)


_alive: set[_Job] = set()


def run_task(work: Callable[..., Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None],
             on_progress: Callable[[int, int, str], None] | None = None) -> _Job:
    """Run `work()` on the thread pool. With on_progress, `work()` is a generator yielding
    (done, total, text); on_done gets its last item."""
    job = _Job(work, on_progress is not None)
    _alive.add(job)

    def finished(result):
        _alive.discard(job)
        on_done(result)

    def failed(exc, _tb):
        _alive.discard(job)
        on_error(exc)

    job.signals.done.connect(finished)
    job.signals.failed.connect(failed)
    if on_progress:
        job.signals.progress.connect(on_progress)
    job.setAutoDelete(False)
    QThreadPool.globalInstance().start(job)
    return job


def progress_dialog(parent, name: str, title: str, text: str, maximum: int, cancel: str):
    """The window-modal progress dialog every long task shows; feed it with `show_progress`."""
    p = QProgressDialog(text, cancel, 0, maximum, parent)
    p.setLabel(DataLabel(text, lines=True))  # the steps name records and files
    p.setObjectName(name)
    p.setWindowTitle(title)
    p.setWindowModality(Qt.WindowModality.WindowModal)
    p.setAutoClose(False)
    p.setAutoReset(False)
    p.setMinimumWidth(380)
    p.setMinimumDuration(0)
    p.setValue(0)
    return p


def show_progress(dialog) -> Callable[[int, int, str], None]:
    """An on_progress callback for run_task that moves `dialog` and shows the step's text."""

    def update(done: int, _total: int, text: str) -> None:
        dialog.setValue(done)
        dialog.setLabelText(shown(text))  # Qt sets the label's text itself: see progress_dialog

    return update
