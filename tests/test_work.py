"""The long-work protocol (laomo_desktop.work) and its command-line driver, without Qt."""

from __future__ import annotations

import contextlib
import io

import pytest

from laomo_desktop.work import Cancelled, Progress, drive, result_of, run_in_terminal


def counting(n: int, log: list[str]):
    """A job of n steps that records how it ended, as a job's transaction would."""
    try:
        for i in range(n):
            yield Progress(i + 1, n, f"第 {i + 1} 步")
    except BaseException as exc:
        log.append(f"rolled back: {type(exc).__name__}")
        raise
    log.append("committed")
    return n * 10


def test_a_job_returns_its_result_and_reports_every_step():
    seen: list[Progress] = []
    log: list[str] = []
    assert drive(counting(3, log), seen.append) == 30
    assert seen == [Progress(1, 3, "第 1 步"), Progress(2, 3, "第 2 步"), Progress(3, 3, "第 3 步")]
    assert log == ["committed"]
    assert result_of(counting(2, [])) == 20


def test_plain_tuples_are_steps_too():
    def old_style():
        yield 1, 2, "写入"
        return "ok"

    seen: list[Progress] = []
    assert drive(old_style(), seen.append) == "ok"
    assert seen == [Progress(1, 2, "写入")] and seen[0].text == "写入"


def test_cancel_throws_into_the_job_where_it_stands():
    log: list[str] = []
    seen: list[Progress] = []
    with pytest.raises(Cancelled) as err:
        drive(counting(5, log), seen.append, cancelled=lambda: len(seen) == 2)
    assert len(seen) == 2 and log == ["rolled back: Cancelled"]
    assert "没有改动" in err.value.message


def test_a_job_that_swallows_cancel_is_still_cancelled_and_closed():
    log: list[str] = []

    def stubborn():
        with contextlib.suppress(Cancelled):
            yield Progress(1, 2)
        try:
            yield Progress(2, 2)
        finally:
            log.append("closed")
        return "finished anyway"

    with pytest.raises(Cancelled):
        drive(stubborn(), cancelled=lambda: True)
    assert log == ["closed"]


def test_an_error_inside_the_job_reaches_the_caller():
    def broken():
        yield Progress(1, 2)
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        drive(broken())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_terminal_shows_a_progress_line_and_clears_it():
    out = Terminal()
    assert run_in_terminal(counting(4, []), out) == 40
    text = out.getvalue()
    assert "4/4 第 4 步" in text and "[" in text and "#" in text
    assert text.endswith("\r")  # the line is blanked out, so the command's output starts clean
    assert "\n" not in text


def test_a_pipe_or_a_file_gets_no_progress_line():
    out = io.StringIO()
    assert run_in_terminal(counting(4, []), out) == 40
    assert out.getvalue() == ""


def test_ctrl_c_in_the_terminal_cancels_the_job():
    log: list[str] = []

    class Interrupting(Terminal):
        def write(self, s: str) -> int:
            if "2/3" in s:
                raise KeyboardInterrupt
            return super().write(s)

    with pytest.raises(Cancelled):
        run_in_terminal(counting(3, log), Interrupting())
    assert log == ["rolled back: GeneratorExit"]
