"""The GUI's driver of long work (ui.tasks.start_job): worker thread, progress dialog, Cancel,
outcomes on the GUI thread."""

from __future__ import annotations

import threading

from boxes import stand_in_for_message_boxes
from PySide6.QtWidgets import QPushButton

from laomo_desktop.errors import LaomoError
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.work import Progress


def gated(gate: threading.Event, log: list[str], steps: int = 3):
    """A job that waits at its first step until the test opens the gate."""
    log.append(threading.current_thread().name)
    try:
        yield Progress(1, steps, "第一步")
        gate.wait(10)
        for i in range(2, steps + 1):
            yield Progress(i, steps, f"第 {i} 步")
    except BaseException as exc:
        log.append(type(exc).__name__)
        raise
    return "结果"


def test_the_result_comes_back_on_the_gui_thread(qtbot):
    gate, log, got = threading.Event(), [], []
    gate.set()
    runner = start_job(None, "标题", "工作中", lambda: gated(gate, log),
                       lambda r: got.append((r, threading.current_thread().name)))
    with qtbot.waitSignal(runner.ended, timeout=5000):
        pass
    assert got == [("结果", threading.main_thread().name)]
    assert log[0] != threading.main_thread().name  # the job ran on a worker


def test_a_long_job_shows_progress_and_cancel_stops_it(qtbot):
    gate, log, done, cancelled = threading.Event(), [], [], []
    runner = start_job(None, "标题", "工作中", lambda: gated(gate, log), done.append,
                       on_cancelled=lambda: cancelled.append(True))
    assert not runner.dialog.isVisible()  # nothing flashes for a short job
    qtbot.waitUntil(runner.dialog.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: runner.dialog.value() == 1 and runner.dialog.maximum() == 3)
    assert "第一步" in runner.dialog.labelText()
    runner.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    gate.set()
    with qtbot.waitSignal(runner.ended, timeout=5000):
        pass
    assert cancelled == [True] and done == [] and log[-1] == "Cancelled"


def test_a_users_error_is_shown_as_a_message(qtbot, monkeypatch):
    seen: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *call: seen.append(call))

    def failing():
        yield Progress(1, 2, "读取")
        raise LaomoError("数据包已损坏。")

    runner = start_job(None, "导入数据包", "工作中", failing, lambda r: None)
    with qtbot.waitSignal(runner.ended, timeout=5000):
        pass
    assert seen == [("warning", "导入数据包", "数据包已损坏。")]


def test_a_window_closed_while_its_job_runs_takes_nothing_down_with_it(qtbot):
    """The job outlives the window that started it (the user closed it, or a test ended): the
    job's steps and outcome reach nothing that is gone, and its callbacks do not run."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    gate, log, got = threading.Event(), [], []
    window = QWidget()
    window.show()
    runner = start_job(window, "标题", "工作中", lambda: gated(gate, log, steps=50), got.append)
    qtbot.waitUntil(lambda: len(log) == 1)  # the job is under way
    errors: list[str] = []
    hook = threading.excepthook
    threading.excepthook = lambda args: errors.append(repr(args.exc_value))
    try:
        window.deleteLater()  # the runner and its dialog go with the window
        qtbot.waitUntil(lambda: not runner_alive(runner))
        gate.set()  # the job now reports 49 steps and its result to a window that is gone
        assert QThreadPool.globalInstance().waitForDone(10_000)
        qtbot.wait(50)  # queued deliveries, if any were left, would arrive now
    finally:
        threading.excepthook = hook
    assert got == [] and errors == []


def runner_alive(runner) -> bool:
    from shiboken6 import isValid

    return isValid(runner)


class _Sentinel:
    def __init__(self, log: list[str]):
        self.log = log

    def __del__(self):
        self.log.append(threading.current_thread().name)


def _allocating():
    rows = []
    for i in range(200_000):  # as a report's drawing does: many small containers
        rows.append([i, (i, str(i))])
        if i % 50_000 == 0:
            yield Progress(i, 200_000, "")
    return len(rows)


def test_widgets_left_in_cycles_are_freed_on_the_gui_thread_while_a_job_allocates(qtbot):
    """Python collects cycles in whatever thread allocates: a report job once freed a window
    left behind by the GUI on its worker thread, and the program crashed."""
    from PySide6.QtWidgets import QWidget

    freed: list[str] = []
    widget = QWidget()
    widget.me = widget  # a cycle: only the cycle collector frees it
    widget.sentinel = _Sentinel(freed)
    del widget
    got = []
    runner = start_job(None, "标题", "工作中", _allocating, got.append)
    with qtbot.waitSignal(runner.ended, timeout=10000):
        pass
    assert got == [200_000]
    # the job's objects are gone with it; the GUI goes on allocating, as a window does, until a
    # collection is due, and the GUI thread's collector runs it
    ballast: list[list] = []
    qtbot.waitUntil(lambda: ballast.extend([] for _ in range(100)) or freed != [], timeout=10000)
    assert freed == [threading.main_thread().name]


def test_the_program_keeps_the_collector_on_the_gui_thread(qapp):
    import gc

    from laomo_desktop.ui.app import make_app
    from laomo_desktop.ui.system.collector import GuiThreadCollector

    app = make_app()
    assert not gc.isenabled()
    assert len(app.findChildren(GuiThreadCollector)) == 1
    make_app()
    assert len(app.findChildren(GuiThreadCollector)) == 1
