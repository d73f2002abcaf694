"""The main window and every dialog fit the screens office PCs have (1366×768 and 1920×1080 at
100–150 % scaling, less a task bar): each window lies inside the available area, and what a user
needs (the status bar, the overview's tiles and 去完善 buttons, dialog buttons) can be reached.

A QApplication keeps the screen it started with, so each setting runs tests/ui/fit_probe.py in
its own process on a simulated offscreen screen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import laomo_desktop
from helpers import new_ledger
from laomo_desktop.store.database import close_ledger
from sample_ledger import build

# its module fixture is made once per worker: the tests using it run in one (make test)
pytestmark = pytest.mark.xdist_group("test_fit_screen")

PROBE = Path(__file__).with_name("fit_probe.py")
TASK_BAR = 40  # logical pixels, as on Windows


# the English screens too: their words are longer than the Chinese ones
SETTINGS = [(1366, 768, 100, "zh_CN"), (1366, 768, 125, "zh_CN"), (1366, 768, 150, "zh_CN"),
            (1920, 1080, 150, "zh_CN"),
            (1366, 768, 125, "en")]


def start_probe(folder: Path, width: int, height: int, percent: int, language: str = "zh_CN",
                sample: Path | None = None) -> subprocess.Popen:
    """Opens everything on a width × height screen at `percent` scaling (its logical DPI,
    as Windows sets it) whose task bar takes TASK_BAR logical pixels at the bottom. `sample`:
    a folder holding a closed sample ledger (ledger/) and its uids, copied for this probe."""
    scale = percent / 100
    if sample is not None:
        shutil.copytree(sample, folder, ignore=shutil.ignore_patterns("ledger.lock"))
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "office", "x": 0, "y": 0, "width": width,
        "height": height - round(TASK_BAR * scale), "logicalDpi": round(96 * scale)}]}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_SCALE")}
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = os.pathsep.join([str(Path(laomo_desktop.__file__).parents[1]),
                                         str(PROBE.parents[1])])
    return subprocess.Popen([sys.executable, str(PROBE), str(folder), language], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def probes(tmp_path_factory, migrated_template: Path) -> dict:
    """The settings' probes, started together (each is one process opening every window)."""
    base = tmp_path_factory.mktemp("screens")
    sample = base / "sample"
    paths = new_ledger(sample / "ledger", migrated_template)
    try:  # built once here (and copied: tests/snapshots.py) rather than once in every probe
        uids = build(paths, sample)
    finally:
        close_ledger()
    (sample / "sample_uids.json").write_text(json.dumps(uids), encoding="utf-8")
    return {s: start_probe(base / "x".join(map(str, s)), *s, sample=sample) for s in SETTINGS}


def result(probe: subprocess.Popen) -> dict:
    out, err = probe.communicate(timeout=300)
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    assert lines, f"the probe failed:\n{out}\n{err[-3000:]}"
    return json.loads(lines[-1])


def inside(frame: list[int], area: list[int]) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize(("width", "height", "percent", "language"), SETTINGS)
def test_every_window_fits_the_screen(probes, width, height, percent, language):
    found = result(probes[(width, height, percent, language)])
    area = found["available"]
    assert found["scale"] == pytest.approx(percent / 100)
    assert area[2] == round(width * 100 / percent)  # logical pixels: 1366 at 125 % is 1093
    names = {w["name"] for w in found["windows"]}
    assert {"main window", "main window: reports", "dialog_member", "dialog_studio",
            "search_dialog", "settings_dialog", "about", "export_dialog", "fill_form",
            "form_fields_help", "excel_import_dialog"} <= names
    for w in found["windows"]:
        assert inside(w["frame"], area), f"{w['name']} at {w['frame']} is off the screen {area}"
        room = [area[2], area[3]]
        assert w["minimum"][0] <= room[0] and w["minimum"][1] <= room[1], w
        assert w["needs"][0] <= room[0] and w["needs"][1] <= room[1], w
    assert found["fix_buttons"] == 7, "the new studio has funds, none of the other must-haves"
    assert found["unreachable"] == [], "cannot be reached, not even by scrolling"
    assert found["cut"] == [], "squeezed below the room their text needs"
