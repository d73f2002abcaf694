"""Long work, one way (Qt-free): a job is a generator that yields `Progress` and returns its result.

The core (import, export, reports, backup, demo, check) writes its long work as such a generator,
so it says how far it is and can be stopped between steps, without knowing who drives it. Two
drivers exist: `run_in_terminal` for the command line (here) and `ui.tasks.start_job` for the GUI.
Both call `drive`, the one place that takes a job's return value and that cancels it.

Cancelling throws `Cancelled` into the job at the step where it stands; the job's own
`with database.atomic():` then rolls back, so a cancelled job leaves the ledger as it was.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Generator
from typing import NamedTuple, TextIO, TypeVar

from laomo_desktop.errors import LaomoError
from laomo_desktop.texts import Text

T = TypeVar("T")


class Progress(NamedTuple):
    """How far a job is: `done` of `total` steps (total 0: not known), and what it does now.

    A NamedTuple, so the older step generators that yield plain (done, total, text) tuples
    (exchange.export) are jobs too."""

    done: int
    total: int
    text: str = ""


Job = Generator[Progress, None, T]


CANCELLED = Text("已取消，台账没有改动。", "Cancelled; the ledger was not changed.")


class Cancelled(LaomoError):
    """The user stopped the job; whatever it had started is rolled back."""

    def __init__(self, message: object = None):
        super().__init__(message or CANCELLED)


def drive(job: Job[T], on_progress: Callable[[Progress], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> T:
    """Run `job` to its end and return its result.

    After each step, `cancelled()` is asked; when it says yes, `Cancelled` is thrown into the job
    (so its transaction rolls back and its files are cleaned up) and raised here. A job that
    swallows it still counts as cancelled."""
    try:
        while True:
            try:
                step = next(job)
            except StopIteration as stop:
                return stop.value
            if on_progress is not None:
                on_progress(Progress(*step))
            if cancelled is not None and cancelled():
                with contextlib.suppress(StopIteration):
                    job.throw(Cancelled())
                raise Cancelled()
    finally:
        job.close()


def single_step(call: Callable[[], T]) -> Job[T]:
    """A job of one step from a plain call (a backup, a check): no progress, no cancel point."""
    return call()
    yield  # unreachable: it makes this function a generator, so a job


def result_of(job: Job[T]) -> T:
    """A job's result with nobody watching: the plain function behind each `…_steps` job."""
    return drive(job)


def _bar(p: Progress, width: int = 24) -> str:
    if p.total > 0:
        filled = width * min(p.done, p.total) // p.total
        return f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} {p.text}"
    return f"[{'.' * width}] {p.text}"


def run_in_terminal(job: Job[T], stream: TextIO | None = None) -> T:
    """The command line's driver: a progress line on `stream` (stderr) when it is a terminal,
    nothing otherwise (a script's log stays clean). Ctrl-C stops the job the way Cancel does."""
    out = sys.stderr if stream is None else stream
    live = bool(getattr(out, "isatty", lambda: False)())
    shown = [0]  # length of the line on screen, to blank it out

    def show(p: Progress) -> None:
        line = _bar(p)[:79]
        out.write("\r" + line.ljust(shown[0]))
        out.flush()
        shown[0] = len(line)

    try:
        return drive(job, show if live else None)
    except KeyboardInterrupt:
        raise Cancelled() from None
    finally:
        if live and shown[0]:
            out.write("\r" + " " * shown[0] + "\r")
            out.flush()
