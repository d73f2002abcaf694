"""A native crash of the windowed program (no console to print on) leaves its Python stack in
the log folder; a normal exit leaves nothing there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")

# The GUI's entry point, the way the laomo-desktop launcher runs it, with the window's creation
# replaced by a segmentation fault: a crash inside Qt as the window is built.
CRASHING_START = """
import faulthandler, sys
from laomo_desktop import cli
from laomo_desktop.ui import app

def window_crashes(host, fill=True):
    faulthandler._sigsegv()

app.WindowHost.show = window_crashes
sys.argv = ["laomo-desktop", "--data-dir", sys.argv[1]]
sys.exit(cli.gui_main())
"""

CLEAN_START = """
import sys
from pathlib import Path
from laomo_desktop.ui.system import crash
print(crash.trace_native_crashes(Path(sys.argv[1])))
"""


def _run(code: str, folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": SRC}
    env.pop("PYTHONFAULTHANDLER", None)  # as a desk runs it: faulthandler is not on already
    return subprocess.run([sys.executable, "-c", code, str(folder)], env=env, text=True,
                          capture_output=True, timeout=120)


def test_a_native_crash_in_the_window_leaves_a_trace_in_the_log_folder(tmp_path):
    data = tmp_path / "data"
    done = _run(CRASHING_START, data)
    assert done.returncode != 0
    traces = sorted((data / "logs").glob("laomo-crash-*.log"))
    assert len(traces) == 1, (done.stdout, done.stderr)
    text = traces[0].read_text("utf-8")
    assert "Segmentation fault" in text
    assert "window_crashes" in text and "run_gui" in text and "gui_main" in text


def test_a_normal_exit_leaves_no_trace_file(tmp_path):
    done = _run(CLEAN_START, tmp_path / "logs")
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).parent == tmp_path / "logs"  # it was traced there
    assert list((tmp_path / "logs").iterdir()) == []
