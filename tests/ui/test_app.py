"""The application as a whole: language, first run, closing, one instance per ledger."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.store import backup
from laomo_desktop.store import schema as S
from laomo_desktop.ui import i18n
from laomo_desktop.ui.app import WindowHost, settings_for
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.window.mainwindow import MainWindow

ROOT = Path(__file__).parents[2]
TS = ROOT / "src" / "laomo_desktop" / "resources" / "translations" / "laomo_zh_CN.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out[(name, m.findtext("source"))] = m.find("translation")
    return out


def test_the_chinese_translation_is_complete(tmp_path):
    committed = _messages(TS)
    unfinished = [src for (_c, src), t in committed.items()
                  if t.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (t.text or "").strip()]
    assert not unfinished, f"untranslated: {unfinished}"
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "src" / "laomo_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    missing = sorted(set(_messages(fresh)) - set(committed))
    assert not missing, f"UI text missing from the .ts (run make translations): {missing}"


def test_every_declared_field_and_choice_has_both_languages():
    for kind in S.KINDS:
        assert kind.label and kind.en
        for f in kind.fields + tuple(x for c in kind.children for x in c.fields):
            assert f.label and f.en, (kind.name, f.name)
            for c in f.choices or ():
                assert c.zh and c.en, (kind.name, f.name, c)


def test_chinese_by_default_whatever_the_system_locale(qapp):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert i18n.install(qapp, "not-a-language") == "zh_CN"
    assert i18n.tr("Undo") == "撤销"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存"


def test_switching_the_language_rebuilds_the_window(ledger, qapp, qtbot):
    settings = settings_for(ledger)
    settings.setValue("backup/on_close", False)
    i18n.install(qapp, "zh_CN")
    host = WindowHost(qapp, ledger, settings)
    first = host.show()
    qtbot.addWidget(first)
    assert first.nav.item(0).text() == "概况"
    settings.setValue("language", "en")
    first.language_changed.emit()
    second = host.window
    qtbot.addWidget(second)
    assert second is not first
    assert second.nav.item(0).text() == "Overview"
    assert second.welcome.create_button.text() == "Create the studio"
    settings.setValue("language", "zh_CN")
    second.language_changed.emit()
    qtbot.addWidget(host.window)
    assert host.window.nav.item(1).text() == "成员"


@pytest.fixture
def empty_window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_first_run_shows_the_welcome_page_and_creates_a_studio(empty_window, qtbot):
    win = empty_window
    assert win.root.currentWidget() is win.welcome
    assert not win.studio_bar.isVisible()
    w = win.welcome
    w.create()
    assert not w.errors["leader"].isHidden()
    assert list_studios() == []
    w.name.setText("王强劳模创新工作室")
    w.host.setText("江城供电公司")
    w.leader.setText("王强")
    w.create()
    studios = list_studios()
    assert [(s["name"], s["leader"]) for s in studios] == [("王强劳模创新工作室", "王强")]
    assert win.root.currentWidget() is win.splitter
    assert win.studio_box.currentText() == "王强劳模创新工作室"
    assert win.ctx.studio_uid == studios[0]["uid"]


def test_a_bad_first_studio_is_refused_by_the_field(empty_window):
    w = empty_window.welcome
    w.name.setText("")
    w.host.setText("某单位")
    w.leader.setText("张三")
    w.create()
    assert "工作室名称" in w.errors["name"].text()
    assert list_studios() == []


def test_sample_data_loads_in_the_background(empty_window, qtbot):
    win = empty_window
    win.welcome.demo_button.click()
    runner = win._demo_job
    with qtbot.waitSignal(runner.ended, timeout=30000):
        pass
    assert runner.last[:2] == (3, 3)  # a step per studio, shown in the progress dialog
    qtbot.waitUntil(lambda: win.studio_box.count() == 3, timeout=30000)
    assert win.root.currentWidget() is win.splitter
    assert len(list_studios()) == 3


def test_cancelled_sample_data_leaves_the_ledger_empty(empty_window, qtbot):
    win = empty_window
    win.welcome.demo_button.click()
    runner = win._demo_job
    runner.cancel()  # as the progress dialog's Cancel does: the job stops after its step
    with qtbot.waitSignal(runner.ended, timeout=30000):
        pass
    assert runner.last is not None and runner.last.total == 3
    assert list_studios() == [] and win._demo_job is None
    assert win.root.currentWidget() is win.welcome


def test_closing_the_window_backs_up(ctx, qtbot):
    R.create("studio", None, {"name": "测试", "host_unit": "x", "founded_on": "2020-01-01"})
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.resize(1300, 700)
    win.close()
    assert [b.reason for b in backup.list_backups(ctx.paths)] == ["auto"]
    assert ctx.settings.value("window/geometry") is not None


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_second_start_on_the_same_ledger_exits_at_once(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "laomo_desktop", "--data-dir", str(tmp_path / "d"), "gui"]
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready = [tmp_path / "d" / "ledger.lock", tmp_path / "d" / "ledger.sqlite3"]
        for _ in range(300):  # up to 30 s for the first window to take the ledger
            try:
                first.wait(timeout=0.1)
                break  # it ended: reported below
            except subprocess.TimeoutExpired:
                if all(p.exists() for p in ready):
                    break
        assert first.poll() is None, first.stderr.read()
        second = subprocess.run(cmd, env=env, capture_output=True, timeout=20)
        assert second.returncode == 0
        assert first.poll() is None, "the first instance keeps running"
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=20)


def test_the_dashboard_shows_what_laomo_stats_prints(ctx, qtbot, tmp_path, capsys):
    import json

    from PySide6.QtWidgets import QLabel

    from laomo_desktop.cli import main as cli_main
    from laomo_desktop.store.database import open_ledger
    from sample_ledger import build

    u = build(ctx.paths, tmp_path)
    assert cli_main(["--data-dir", str(ctx.paths.root), "stats", "--studio", u["A"],
                     "--year", "2025", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    open_ledger(ctx.paths)  # the CLI closed the shared connection when it finished
    ctx.settings.setValue("backup/on_close", False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.refresh_studios(select=u["A"])
    win.year_box.setCurrentIndex(win.year_box.findData(2025))
    page = win.pages["dashboard"]
    shown = {name: page.findChild(QLabel, f"figure_{name}").text()
             for name in ("training_sessions", "training_person_times", "results_total",
                          "patents_total", "benefit_wan")}
    assert shown == {
        "training_sessions": str(printed["training_sessions"]),
        "training_person_times": str(printed["training_person_times"]),
        "results_total": str(printed["results_total"]),
        "patents_total": str(printed["patents_total"]),
        "benefit_wan": f"{printed['benefit_wan']:,.2f}",
    }


# What the window needs before it is first painted; the ledger and the rest come after.
START_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from laomo_desktop import cli
from laomo_desktop.ui import app as gui_app

seen = {}
show = gui_app.WindowHost.show
told = gui_app.tell_how_it_opened


class FirstPaint(QObject):
    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint and "at_show" not in seen:
            seen["at_show"] = sorted(sys.modules)
            seen["frame"] = {"title": window.windowTitle(), "sections": window.nav.count(),
                             "section": window.nav.currentRow(), "filled": window.filled,
                             "studios": window.studio_box.count(), "pages": len(window.pages)}
        return False


watch = FirstPaint()


def shown(host, fill=True):  # run_gui shows the window's frame, then opens the ledger
    window = show(host, fill)
    window.installEventFilter(watch)
    return window


def opened(window):  # run_gui calls it once the ledger is open and the window filled
    told(window)

    def later():
        page = window.pages.get("dashboard")
        if page is not None and page.figures:
            seen["filled"] = page.figures.training_sessions
            seen["studio"] = window.studio_box.currentText()
            seen["after"] = sorted(sys.modules)
            window.close()
            gui_app.QApplication.instance().quit()
        else:
            QTimer.singleShot(20, later)

    QTimer.singleShot(0, later)


gui_app.WindowHost.show = shown
gui_app.tell_how_it_opened = opened
sys.argv = ["laomo-desktop", "--data-dir", sys.argv[1]]
seen["code"] = cli.gui_main()
print(json.dumps(seen))
"""


def test_the_window_is_shown_before_the_parser_the_network_and_the_pages_are_loaded(ledger):
    """A start from the `laomo-desktop` entry builds no command parser, paints the window's
    frame (title, sections) before it opens the ledger (no peewee, models or ledger modules
    loaded yet), then fills it: the studio, the page it shows (the only one imported), the
    overview's figures after its own first paint, QtNetwork to listen."""
    import json

    from laomo_desktop.store.database import close_ledger

    paths = ledger
    R.create("studio", None, {"name": "测试", "host_unit": "x", "founded_on": "2020-01-01"})
    close_ledger()
    s = settings_for(paths)
    s.setValue("backup/on_close", False)
    s.sync()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", START_PROBE, str(paths.root)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0 and seen["filled"] == 0 and seen["studio"] == "测试"
    assert seen["frame"] == {"title": "劳模创新工作室台账", "sections": len(SECTIONS),
                             "section": 0, "filled": False, "studios": 0, "pages": 0}
    at_show, after = set(seen["at_show"]), set(seen["after"])
    for later in ("peewee", "sqlite3", "laomo_desktop.store.models", "laomo_desktop.store.database",
                  "laomo_desktop.store.migrations", "laomo_desktop.store.health",
                  "laomo_desktop.ledger.records", "laomo_desktop.ledger.queries",
                  "laomo_desktop.ledger.stats", "laomo_desktop.ledger.period",
                  "laomo_desktop.ui.pages.dashboard"):
        assert later not in at_show, later
        assert later in after, later
    assert "laomo_desktop.cliargs" not in at_show and "laomo_desktop.cli_records" not in at_show
    assert "PySide6.QtNetwork" not in at_show
    assert "PySide6.QtNetwork" in after  # listening once the window is up
    for lazy in ("pages.section", "dialogs.record", "widgets.editors", "dialogs.welcome",
                 "dialogs.recovery", "pages.binlog"):
        assert f"laomo_desktop.ui.{lazy}" not in at_show, lazy
