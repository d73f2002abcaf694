"""A province office's overview (2,000 studios) adds its figures up on a worker thread: the page
shows at once with what it is doing, the window answers meanwhile, and the figures appear when
they are ready; a write made meanwhile is shown too (issue 16, §6)."""

from __future__ import annotations

import threading

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import union
from laomo_desktop.texts import Text
from laomo_desktop.ui.pages import union as page_module
from laomo_desktop.ui.pages.union import UnionPage


@pytest.fixture
def studios(ctx):
    for name in ("甲工作室", "乙工作室", "丙工作室"):
        R.create("studio", None, {"name": name, "host_unit": "江城供电公司",
                                  "founded_on": "2018-01-01"})
    ctx.set_year(2025)


@pytest.fixture
def held(monkeypatch):
    """The figures wait on the worker until the test lets them go."""
    monkeypatch.setattr(page_module, "BACKGROUND_FROM", 1)
    gate = threading.Event()
    real = union.union_year
    threads = []

    def slow(*args, **kwargs):
        threads.append(threading.current_thread())
        assert gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(union, "union_year", slow)
    yield gate
    gate.set()


def names(page: UnionPage) -> list[str]:
    m = page.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_the_page_shows_at_once_and_the_figures_follow(ctx, qtbot, studios, held):
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.busy.isVisible()
    assert "3" in page.busy.text() and "汇总" in page.busy.text()
    assert not page.empty.isVisible()  # not "no studios yet" while they are being added up
    assert page.model.rowCount() == 0
    held.set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    assert not page.busy.isVisible()
    assert set(names(page)) == {"甲工作室", "乙工作室", "丙工作室"}


def test_a_studio_added_while_adding_up_is_shown_after(ctx, qtbot, studios, held):
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    R.create("studio", None, {"name": "丁工作室", "host_unit": "江城供电公司",
                              "founded_on": "2018-01-01"})
    page.mark_dirty()  # what the window does on a change
    held.set()
    qtbot.waitUntil(lambda: "丁工作室" in names(page), timeout=10000)
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10000)
    assert len(names(page)) == 4


def test_a_failure_is_said_on_the_page_and_the_page_keeps_what_it_showed(ctx, qtbot, studios,
                                                                         monkeypatch):
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 3  # three studios: added up at once
    monkeypatch.setattr(page_module, "BACKGROUND_FROM", 1)

    def broken(*_a, **_k):
        raise LaomoError(Text("台账文件无法读取。", "The ledger file cannot be read."))

    monkeypatch.setattr(union, "union_year", broken)
    R.create("studio", None, {"name": "丁工作室", "host_unit": "江城供电公司",
                              "founded_on": "2018-01-01"})
    page.mark_dirty()
    qtbot.waitUntil(lambda: "台账文件无法读取" in page.busy.text(), timeout=10000)
    assert page.busy.isVisible()
    assert page.model.rowCount() == 3


def first_studio() -> str:
    return R.list_records("studio")[0]["uid"]


def test_a_province_ledger_prepares_the_overview_once_the_window_is_up(ctx, qtbot, studios,
                                                                        open_window, held):
    from laomo_desktop.ui.pages.sections import SECTIONS

    win = open_window(first_studio())
    qtbot.waitUntil(lambda: "union" in win.pages, timeout=5000)
    page = win.pages["union"]
    assert not page.isVisible()  # prepared, not shown: the user stays where they were
    held.set()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("union"))
    assert page.isVisible() and not page.busy.isVisible()
    assert page.model.rowCount() == 3  # shown at once, nothing added up again


def test_a_studio_ledger_prepares_nothing(ctx, qtbot, studios, open_window, monkeypatch):
    from laomo_desktop.ui.window.mainwindow import MainWindow

    ran = []
    real = MainWindow._prepare_union
    monkeypatch.setattr(MainWindow, "_prepare_union", lambda self: ran.append(real(self)))
    win = open_window(first_studio())
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)
    assert "union" not in win.pages
