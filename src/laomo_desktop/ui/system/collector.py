"""Python's cycle collector, kept on the GUI thread.

CPython runs its cycle collector in whichever thread crosses the allocation threshold. A report
job draws hundreds of thousands of ReportLab objects on a worker thread (ui/system/tasks), so the
collection used to start there and free cyclic garbage the GUI thread left behind, windows and
dialogs among it: a QWidget destroyed off the GUI thread crashes the program at random (seen as
a segmentation fault in the middle of ReportLab's `save`). So the automatic collector is turned
off and a timer on the GUI thread does what it would have done: when a generation's count is
over its threshold, that generation is collected — here, on the GUI thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        return collect_due(self.thresholds)


def collect_due(thresholds: tuple[int, ...]) -> int:
    """Collects the oldest generation whose count is over its threshold, as the automatic
    collector would have; returns it (-1: none was due)."""
    counts = gc.get_count()
    due = -1
    for generation in range(len(counts)):
        if counts[generation] > thresholds[generation]:
            due = generation
    if due >= 0:
        gc.collect(due)
    return due


def keep_gc_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Installs the collector once per application (idempotent)."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
