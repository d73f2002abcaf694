"""What happens on an unexpected error: a log file for support and a plain message; the program
keeps running. Every change to the ledger is saved in its own transaction, so an error in the
GUI never leaves half a change behind.

A native crash (in Qt, a driver, a C extension) ends the process before any of that can run,
and the windowed program has no console: `trace_native_crashes` has faulthandler write every
thread's Python stack into a log file of the same folder instead."""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import os
import platform
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

import PySide6
from PySide6.QtCore import QObject, Signal, qVersion
from PySide6.QtWidgets import QApplication, QWidget

import laomo_desktop
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import fail


def log_dir_for(paths: LedgerPaths) -> Path:
    return paths.logs


def log_text(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None, thread_name: str | None = None) -> str:
    lines = [
        f"Laomo Desktop {laomo_desktop.__version__}: unexpected error",
        f"Time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python: {sys.version.splitlines()[0]}",
        f"Qt: {qVersion()}, PySide6: {PySide6.__version__}",
        f"Platform: {platform.platform()}",
        f"Thread: {thread_name or threading.current_thread().name}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    return "\n".join(lines)


def write_log(log_dir: Path, text: str, now: datetime | None = None) -> Path | None:
    """Write the log as log_dir/laomo-error-YYYYmmdd-HHMMSS.log (the temp folder if that
    fails); None if it could be written nowhere."""
    now = now or datetime.now()
    stem = f"laomo-error-{now:%Y%m%d-%H%M%S}"
    for folder in (log_dir, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for n in range(1, 100):
                path = folder / (f"{stem}.log" if n == 1 else f"{stem}-{n}.log")
                try:
                    with open(path, "x", encoding="utf-8") as f:
                        f.write(text)
                    return path
                except FileExistsError:
                    continue
        except OSError:
            continue
    return None


def trace_native_crashes(log_dir: Path, now: datetime | None = None) -> Path | None:
    """From now on a fatal signal (segmentation fault, abort, a Windows access violation) writes
    the stacks of all threads to log_dir/laomo-crash-YYYYmmdd-HHMMSS-<pid>.log (the temp folder
    if that cannot be written); a normal exit removes the file when it stayed empty. Returns the
    file; None if none could be opened, or if faulthandler already writes somewhere (`python -X
    faulthandler`, PYTHONFAULTHANDLER, a test runner): that choice is left as it was."""
    if faulthandler.is_enabled():
        return None
    now = now or datetime.now()
    name = f"laomo-crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    for folder in (log_dir, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            trace = open(folder / name, "x", encoding="utf-8")  # noqa: SIM115 - open until exit
        except OSError:
            continue
        faulthandler.enable(trace, all_threads=True)
        atexit.register(_untrace, trace, folder / name)
        return folder / name
    return None


def _untrace(trace: TextIO, path: Path) -> None:
    """At a normal exit: stop tracing, and remove the trace unless something was written."""
    faulthandler.disable()
    trace.close()
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def message_text(log_path: Path | None) -> str:
    text = tr("Something went wrong inside the program, and what you were doing may not have "
              "finished.\n\nYour data is safe: every change is saved in its own step, so "
              "everything saved before this moment is kept. You can keep working; if this "
              "happens again, close the program and start it again.")
    if log_path is not None:
        text += "\n\n" + tr("A report for support was written to:\n%1\nPlease send this file "
                            "to the person who looks after this program.").replace(
            "%1", str(log_path))
    return text


class _Reporter(QObject):
    """Shows the message on the GUI thread, whichever thread the error happened in."""

    report = Signal(object)  # the log path or None

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        super().__init__()
        self.parent_getter = parent_getter
        self.showing = False
        self.report.connect(self.show)

    def show(self, log_path: Path | None) -> None:
        if self.showing:  # an error while the message is up (e.g. in painting): log only
            return
        self.showing = True
        try:
            parent = None
            with contextlib.suppress(Exception):
                parent = self.parent_getter()
            fail(parent, tr("Unexpected error"), message_text(log_path))
        finally:
            self.showing = False


_reporter: _Reporter | None = None


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
           log_dir: Path, thread_name: str | None = None) -> Path | None:
    """Log an unexpected error and tell the user; returns the log file."""
    text = log_text(exc_type, exc, tb, thread_name)
    sys.stderr.write(text)
    path = write_log(log_dir, text)
    app = QApplication.instance()
    if _reporter is not None and isinstance(app, QApplication):
        _reporter.report.emit(path)  # queued to the GUI thread when raised elsewhere
    return path


def install_excepthook(log_dir: Path,
                       parent_getter: Callable[[], QWidget | None]) -> None:
    """Route unexpected exceptions (of the GUI thread and of other threads) to `handle`."""
    global _reporter
    app = QApplication.instance()
    _reporter = _Reporter(parent_getter)
    if app is not None:
        _reporter.moveToThread(app.thread())

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            handle(exc_type, exc, tb, log_dir)
        except Exception:
            sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is None or issubclass(args.exc_type, KeyboardInterrupt | SystemExit):
            threading.__excepthook__(args)
            return
        try:
            handle(args.exc_type, args.exc_value, args.exc_traceback, log_dir,
                   args.thread.name if args.thread else None)
        except Exception:
            threading.__excepthook__(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
