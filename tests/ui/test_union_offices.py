"""The union page of an office above offices: which office each studio came through, the
studios by office with the office's own target, and the note when a studio came by two paths
(counted once) and when those paths disagree; the office's own settings dialog."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from laomo_desktop.ledger import offices
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import database
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage
from laomo_desktop.ui.pages.unionoffices import OfficeDialog

YEAR = 2025
COUNTY_A = {"uid": "11111111-1111-4111-8111-111111111111", "name": "江城区总工会",
            "code": None, "level": "county"}
COUNTY_B = {"uid": "22222222-2222-4222-8222-222222222222", "name": "滨海区总工会",
            "code": None, "level": "county"}


def _studio(name: str) -> str:
    return R.create("studio", None, {"name": name, "host_unit": "江城供电公司",
                                     "founded_on": "2019-01-01"}, today=date(2025, 6, 1))["uid"]


@pytest.fixture
def routed(ctx):
    """Three studios: 甲 and 乙 through 江城区, 乙 also through 滨海区 with other content."""
    offices.set_own_office("江城市总工会", "city")
    u = {n: _studio(f"{n}工作室") for n in "甲乙丙"}
    with database.atomic():
        for i, office in enumerate((COUNTY_A, COUNTY_B), 1):
            offices.register_office_package(office, f"0000000{i}-0000-4000-8000-000000000000",
                                            1, "2025-12-01T00:00:00Z", YEAR,
                                            {"training_person_times": 300 * i}, "x", {}, None)
        offices.record_route(u["甲"], COUNTY_A["uid"], YEAR, "p1", 1, "a" * 64)
        offices.record_route(u["乙"], COUNTY_A["uid"], YEAR, "p2", 1, "b" * 64)
        offices.record_route(u["乙"], COUNTY_B["uid"], YEAR, "p3", 2, "c" * 64)
    return u


def _page(ctx, qtbot) -> UnionPage:
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_each_studio_says_which_office_it_came_through(ctx, qtbot, routed):
    page = _page(ctx, qtbot)
    col = [k for k, _ in COLUMNS].index("came_through")
    by_name = {page.table.item(r, 0).text(): page.table.item(r, col).text()
               for r in range(page.table.rowCount())}
    assert by_name == {"甲工作室": "江城区总工会", "乙工作室": "江城区总工会、滨海区总工会",
                       "丙工作室": ""}
    assert page.heading.text().startswith("江城市总工会")


def test_studios_by_office_count_a_studio_once_and_say_when_paths_disagree(ctx, qtbot,
                                                                           routed):
    page = _page(ctx, qtbot)
    card = page.offices_card
    assert card.frame.isVisible()
    rows = [[card.tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(card.tree.topLevelItemCount())]
    assert [r[1] for r in rows] == ["2", "1", "1"]  # 江城, 滨海, then the direct ones
    assert rows[0][3] == "300" and rows[1][3] == "600"  # each office's own target
    assert card.summary.text() == "3"  # the studios, each once
    note = card.note.text()
    assert "1 个工作室经两个或更多途径报来，只计一次" in note
    assert "乙工作室" in note and "内容不同" in note
    if os.environ.get("LAOMO_SHOTS"):  # to look at it: LAOMO_SHOTS=/some/folder
        from laomo_desktop.ui.system.cjkfont import ensure_chinese_font

        ensure_chinese_font()
        page.grab().save(os.path.join(os.environ["LAOMO_SHOTS"], "union_offices.png"))


def test_each_office_below_shows_every_target_it_set_against_its_studios(ctx, qtbot):
    """Targets per sub-unit: under each office, the numbers of studios by level and the
    person-times it set itself, against the studios that came through it; an office that set
    none shows none."""
    offices.set_own_office("江城市总工会", "city")
    named = {n: R.create("studio", None, {
        "name": f"{n}工作室", "host_unit": "江城供电公司", "founded_on": "2019-01-01",
        "recognitions": [{"level": "city", "date": "2020-05-01"}]}, today=date(2025, 6, 1))["uid"]
        for n in "甲乙"}
    with database.atomic():
        offices.register_office_package(COUNTY_A, "00000001-0000-4000-8000-000000000000", 1,
                                        "2025-12-01T00:00:00Z", YEAR,
                                        {"training_person_times": 300,
                                         "studios_by_level": {"city": 4}}, "x", {}, None)
        offices.register_office_package(COUNTY_B, "00000002-0000-4000-8000-000000000000", 1,
                                        "2025-12-01T00:00:00Z", YEAR, {}, "x", {}, None)
        offices.record_route(named["甲"], COUNTY_A["uid"], YEAR, "p1", 1, "a" * 64)
        offices.record_route(named["乙"], COUNTY_A["uid"], YEAR, "p2", 1, "b" * 64)
    page = _page(ctx, qtbot)
    tree = page.offices_card.tree
    a = tree.topLevelItem(0)
    assert a.text(0).startswith("江城区总工会")
    goals = {a.child(i).text(0): (a.child(i).text(2), a.child(i).text(3))
             for i in range(a.childCount())}
    assert goals == {"市级工作室（个）": ("2", "4"), "培训人次": ("0", "300")}
    assert a.isExpanded()


def test_no_card_without_offices_below(ctx, qtbot):
    _studio("甲工作室")
    page = _page(ctx, qtbot)
    assert not page.offices_card.frame.isVisible()


def test_the_office_dialog_saves_what_is_typed_and_refuses_an_empty_name(ctx, qtbot):
    dlg = OfficeDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert len(dlg.fingerprint.text()) == 39
    dlg._save()
    assert dlg.error.isVisible() and "名称" in dlg.error.text()
    QTest.keyClicks(dlg.name, "Jiangcheng")  # QTest types Latin letters only
    dlg.name.insert(" 江城市总工会")
    dlg.level.setCurrentIndex(dlg.level.findData("city"))
    with qtbot.waitSignal(dlg.accepted):
        QTest.keyClick(dlg.name, Qt.Key.Key_Return)
    own = offices.own_office()
    assert (own.name, own.level) == ("Jiangcheng 江城市总工会", "city")
