"""Benchmark: the frozen build (`make dist`) against the source run, and the build's sizes.

Same machine, same run, interleaved (frozen, source, frozen, ...), one untimed warm-up each,
median of --repeat runs [first–third quartile]. Wall time around subprocess.run / Popen in this
process. A start-up target is met when the frozen median is ≤ the source median; when the two
middle halves overlap the line says so (on this 2-core machine a few ms either way is noise).
- `laomo --version`: the bare start of the program (interpreter, the CLI module, argparse).
- `laomo studios --data-dir D` on a demo ledger (3 studios): start + open the ledger + a query.
- `laomo self-test`: the whole installation check (Qt offscreen, translations, ledger, PDF,
  package); its "qt" check time (making the QApplication, painting a widget) is shown too.
- GUI start-to-shown: `laomo-desktop --data-dir D` on the demo ledger under Xvfb (xcb), from
  the start of the process until the X server maps the main window; this process watches the
  root window for MapNotify through libX11 (ctypes), then ends the program. Each run gets a
  fresh copy of the ledger. Skipped with a note when Xvfb or libX11 is missing.
Source run: the venv's console scripts (.venv/bin/laomo, .venv/bin/laomo-desktop); frozen:
dist/laomo-desktop/laomo and its laomo-desktop link.
Targets: every frozen start ≤ the source run's; the folder ≤ 200 MB. The .deb and .tar.gz
sizes are reported without a target.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
APP = DIST / "laomo-desktop"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
BIN = Path(sys.executable).parent  # the venv's scripts (bench runs with .venv/bin/python)
FOLDER_TARGET_MB = 200.0


def env_for(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "LAOMO_", "LD_LIBRARY_PATH"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def timed_run(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return took, proc.stdout


def ms(seconds: float) -> str:
    return f"{seconds * 1000:4.0f} ms"


def quartiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def compare(label: str, runs: dict[str, Callable[[], float]], repeat: int) -> tuple[bool, bool]:
    """(target met, the middle halves overlap)"""
    for fn in runs.values():  # warm-up: page cache, .pyc, fontconfig cache
        fn()
    samples: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(repeat):
        for key, fn in runs.items():
            samples[key].append(fn())
    med = {k: statistics.median(v) for k, v in samples.items()}
    iqr = {k: quartiles(v) for k, v in samples.items()}
    ratio = med["frozen"] / med["source"]
    met = med["frozen"] <= med["source"]
    tie = iqr["frozen"][0] <= iqr["source"][1] and iqr["source"][0] <= iqr["frozen"][1]
    verdict = ("met" if met else "NOT met") + (
        ", the middle halves overlap: a tie within noise" if tie else "")
    print(f"{label:<32} frozen {ms(med['frozen'])} [{ms(iqr['frozen'][0])}–{ms(iqr['frozen'][1])}]"
          f"  source {ms(med['source'])} [{ms(iqr['source'][0])}–{ms(iqr['source'][1])}]"
          f"  frozen/source {ratio:4.2f}  (target ≤ 1.00: {verdict})")
    return met, tie


# ---------------------------------------------------------------- GUI start-to-shown on X11

class X11MapWatcher:
    """Watches an X server's root window for a top-level window being mapped (shown)."""

    MAP_NOTIFY = 19
    SUBSTRUCTURE_NOTIFY_MASK = 1 << 19

    def __init__(self, display: str):
        name = ctypes.util.find_library("X11")
        if not name:
            raise OSError("libX11 not found")
        x = self.x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        for fn in (x.XFlush, x.XPending, x.XConnectionNumber, x.XCloseDisplay):
            fn.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot open display {display}")
        x.XSelectInput(self.dpy, x.XDefaultRootWindow(self.dpy), self.SUBSTRUCTURE_NOTIFY_MASK)
        x.XFlush(self.dpy)
        self.fd = x.XConnectionNumber(self.dpy)

    def drain(self) -> None:
        event = (ctypes.c_long * 24)()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, event)

    def wait_for_map(self, timeout: float) -> float | None:
        """perf_counter() when a window that is not override-redirect (a menu, a tooltip) is
        mapped; None on timeout. XMapEvent as longs: type, serial, send_event, display, event,
        window, override_redirect."""
        event = (ctypes.c_long * 24)()
        deadline = time.perf_counter() + timeout
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, event)
                if (event[0] & 0xFFFFFFFF) == self.MAP_NOTIFY and not event[6] & 0xFFFFFFFF:
                    return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            select.select([self.fd], [], [], left)

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)


def start_xvfb() -> tuple[subprocess.Popen, str] | None:
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        return None
    display = next(n for n in range(140, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                   and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen([xvfb, f":{display}", "-screen", "0", "1366x768x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            return proc, f":{display}"
        time.sleep(0.025)
    proc.terminate()
    return None


def gui_shown(program: Path, ledger: Path, work: Path, watcher: X11MapWatcher,
              display: str) -> float:
    data = work / f"ledger-{time.monotonic_ns()}"
    shutil.copytree(ledger, data)
    env = env_for(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    watcher.drain()
    start = time.perf_counter()
    proc = subprocess.Popen([str(program), "--data-dir", str(data)], env=env, cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        shown = watcher.wait_for_map(timeout=60)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    shutil.rmtree(data, ignore_errors=True)
    if shown is None:
        raise SystemExit(f"{program}: no window within 60 s\n{err.decode(errors='replace')[-2000:]}")
    return shown - start


# ------------------------------------------------------------------------------------ main

def size_of(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each (median)")
    args = parser.parse_args()
    frozen_cli = APP / f"laomo{EXE}"
    frozen_gui = APP / f"laomo-desktop{EXE}"
    if not frozen_cli.exists():
        print(f"No frozen build at {frozen_cli.relative_to(ROOT)}: run `make dist` first.",
              file=sys.stderr)
        return 1
    source_cli, source_gui = BIN / f"laomo{EXE}", BIN / f"laomo-desktop{EXE}"
    if not source_cli.exists():
        print(f"No source install at {source_cli}: run this with the venv's python "
              "(`make bench-dist`).", file=sys.stderr)
        return 1
    print(f"frozen: {frozen_cli.relative_to(ROOT)}   source: {source_cli}   "
          f"median of {args.repeat}, interleaved\n")
    results: list[tuple[str, bool, bool]] = []  # (what, met, a tie within noise)
    with tempfile.TemporaryDirectory(prefix="laomo-bench-dist-") as tmp:
        work = Path(tmp)
        ledger = work / "demo-ledger"
        timed_run([str(source_cli), "--data-dir", str(ledger), "demo", "--studios", "3",
                   "--years", "2"], env_for(), work)
        env = env_for(LAOMO_DATA_DIR=str(work / "unused"))

        def cli(program: Path, *argv: str) -> Callable[[], float]:
            return lambda: timed_run([str(program), *argv], env, work)[0]

        for label, argv in (("laomo --version", ["--version"]),
                            ("laomo studios (demo ledger)", ["--data-dir", str(ledger),
                                                             "studios"])):
            results.append((label, *compare(label, {"frozen": cli(frozen_cli, *argv),
                                                     "source": cli(source_cli, *argv)},
                                             args.repeat)))

        qt_ms: dict[str, list[float]] = {"frozen": [], "source": []}

        def self_test(program: Path, key: str) -> Callable[[], float]:
            def run() -> float:
                took, out = timed_run([str(program), "self-test"], env, work)
                result = json.loads(out)
                if not result["ok"]:
                    raise SystemExit(f"{program} self-test failed: {out}")
                qt_ms[key].append(next(c["ms"] for c in result["checks"] if c["name"] == "qt"))
                return took
            return run

        results.append(("laomo self-test", *compare("laomo self-test (all checks)", {
            "frozen": self_test(frozen_cli, "frozen"), "source": self_test(source_cli, "source")},
            args.repeat)))
        print(f"{'  of which the qt check':<32} frozen {ms(statistics.median(qt_ms['frozen']) / 1000)}"
              f"{'':16}source {ms(statistics.median(qt_ms['source']) / 1000)}")

        xvfb = None if WINDOWS else start_xvfb()
        watcher = None
        try:
            if xvfb is None:
                print("GUI start-to-shown: skipped (needs Xvfb: apt-get install xvfb); the "
                      "self-test's qt check above is the GUI-side figure")
            else:
                watcher = X11MapWatcher(xvfb[1])
                results.append(("GUI start-to-shown", *compare("GUI start-to-shown (Xvfb, xcb)", {
                    "frozen": lambda: gui_shown(frozen_gui, ledger, work, watcher, xvfb[1]),
                    "source": lambda: gui_shown(source_gui, ledger, work, watcher, xvfb[1]),
                }, args.repeat)))
        except OSError as exc:
            print(f"GUI start-to-shown: skipped ({exc})")
        finally:
            if watcher is not None:
                watcher.close()
            if xvfb is not None:
                xvfb[0].terminate()
                xvfb[0].wait(timeout=10)

    print()
    folder_mb = size_of(APP) / 1e6
    ok = folder_mb <= FOLDER_TARGET_MB
    results.append(("folder size", ok, False))
    print(f"{'folder ' + str(APP.relative_to(ROOT)) + '/':<40} {folder_mb:6.1f} MB   "
          f"(target ≤ {FOLDER_TARGET_MB:.0f} MB: {'met' if ok else 'NOT met'}; "
          f"{folder_mb / FOLDER_TARGET_MB:.0%} of it)")
    for pattern in ("laomo-desktop_*.deb", "laomo-desktop-*.tar.gz", "laomo-desktop-*-setup.exe"):
        for p in sorted(DIST.glob(pattern)):
            print(f"{p.name:<40} {p.stat().st_size / 1e6:6.1f} MB   "
                  f"({p.stat().st_size / 1e6 / folder_mb:.0%} of the folder)")
    missed = [name + (" (a tie within noise)" if tie else "") for name, good, tie in results
              if not good]
    print(f"\n{len(results) - len(missed)}/{len(results)} targets met"
          + (f"; NOT met: {', '.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
