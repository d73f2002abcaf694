"""Whether the test process's event loops still run: a quit delivered when no program loop was
running would end every later loop at once (a dialog's exec, pytest-qt's waits), and the tests
after it would time out far from their cause."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer


def event_loops_still_run() -> bool:
    """An event loop started now runs until it is told to stop (after delivering what is
    posted, as the next test's first wait would)."""
    QCoreApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(7))
    return loop.exec() == 7
