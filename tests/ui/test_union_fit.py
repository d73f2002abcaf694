"""The union page on the screens union clerks have (1366×768 at 100–150 %): the window never
wider than the screen, the table keeping a usable height, its totals one line under their
columns, the column heads worded as the printouts word them, and the cards' names whole."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt

from laomo_desktop.ledger import offices
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import unioncolumns as UC
from laomo_desktop.store.models import database
from laomo_desktop.ui.pages.union import UnionPage
from laomo_desktop.ui.window import screenfit

YEAR = 2025
COUNTY = {"uid": "11111111-1111-4111-8111-111111111111", "name": "江城区总工会",
          "code": None, "level": "county"}
# 1366×768 at 150 %: 911×512 logical pixels, less a 40-pixel task bar and the window's frame
ROOM_150 = QSize(911, 512 - 40) - screenfit.FRAME
# the page's share of the window at 1366×768, 100 % and 150 % (the navigation beside it)
PAGE_100, PAGE_150 = QSize(1160, 640), QSize(720, 370)


@pytest.fixture
def studios(ctx):
    offices.set_own_office("东川市总工会", "city")
    uids = []
    for i, name in enumerate(["彭平劳模创新工作室", "龚文海劳模创新工作室", "吴静琳技能大师工作室",
                              "林浩宁劳模创新工作室", "段文华劳模创新工作室", "胡红娜劳模创新工作室",
                              "郝超明劳模创新工作室", "钟颖霞劳模创新工作室"]):
        uids.append(R.create("studio", None, {
            "name": name, "host_unit": "东川供电公司", "founded_on": "2019-01-01",
            "recognitions": [{"level": "city", "date": "2020-05-01",
                              "next_review": f"2025-{i + 2:02d}-01"}]},
            today=date(2025, 6, 1))["uid"])
    with database.atomic():
        offices.register_office_package(COUNTY, "00000001-0000-4000-8000-000000000000", 1,
                                        "2025-12-01T00:00:00Z", YEAR,
                                        {"training_person_times": 300}, "x", {}, None)
        for n, uid in enumerate(uids[:4]):
            offices.record_route(uid, COUNTY["uid"], YEAR, f"p{n}", 1, f"{n}" * 64)
    return uids


def page_at(ctx, qtbot, size: QSize) -> UnionPage:
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.resize(size)
    page.show()
    qtbot.waitUntil(lambda: page._shown is not None)
    return page


def rows_shown(page: UnionPage) -> int:
    table = page.table
    return sum(1 for r in range(table.rowCount())
               if table.rowViewportPosition(r) >= 0
               and table.rowViewportPosition(r) + table.rowHeight(r)
               <= table.viewport().height())


def test_the_heads_are_the_printouts_heads(ctx, qtbot, studios):
    page = page_at(ctx, qtbot, PAGE_100)
    model = page.model
    for c in range(6, model.columnCount()):
        key = model.columns[c][0]
        shown = model.headerData(c, Qt.Orientation.Horizontal)
        assert shown.replace("\n", "") == UC.head(key), key


def test_the_main_window_fits_1366_at_150_percent_on_the_union_page(open_window, studios,
                                                                     qtbot):
    win = open_window(studios[0])
    win.ctx.set_year(YEAR)
    win.nav.setCurrentRow([win.nav.item(i).text() for i in range(win.nav.count())]
                          .index("单位汇总"))
    page = win.page("union")
    qtbot.waitUntil(lambda: page._shown is not None)
    need = win.minimumSizeHint()
    assert need.width() <= ROOM_150.width() and need.height() <= ROOM_150.height(), need
    win.resize(ROOM_150)
    qtbot.waitUntil(lambda: win.size() == ROOM_150)
    assert page.import_button.isVisible()
    right = page.import_button.mapTo(win, page.import_button.rect().topRight()).x()
    assert right < win.width()  # 导入数据包… whole, not cut at the window's edge
    qtbot.waitUntil(lambda: rows_shown(page) >= 4)


@pytest.mark.parametrize("size", [PAGE_100, PAGE_150])
def test_the_table_keeps_a_usable_height_and_its_totals_one_line(ctx, qtbot, studios, size):
    page = page_at(ctx, qtbot, size)
    qtbot.waitUntil(lambda: rows_shown(page) >= 4)  # once the page's layout has settled
    assert page.totals.isVisible()
    assert page.totals.height() <= 2 * page.table.rowHeight(0)
    assert "合计" in page.totals.text() and "新立项课题（项） 0" in page.totals.text()


@pytest.mark.parametrize("size", [PAGE_100, PAGE_150])
def test_office_and_studio_names_in_the_cards_are_whole(ctx, qtbot, studios, size):
    page = page_at(ctx, qtbot, size)
    tree = page.offices_card.tree
    assert tree.columnWidth(0) >= tree.sizeHintForColumn(0)
    names = page.namings
    assert names.columnWidth(0) >= max(
        names.fontMetrics().horizontalAdvance(names.topLevelItem(0).child(i).text(0))
        for i in range(names.topLevelItem(0).childCount())) + names.indentation()



@pytest.fixture
def many_lacking(ctx):
    """A city of 120 city-level studios, none with a party organisation yet (a province's
    ledger listed 280 such names)."""
    from laomo_desktop.ledger.bulk import BulkWriter

    offices.set_own_office("东川市总工会", "city")
    with BulkWriter("测试") as w:
        for i in range(120):
            w.add("studio", None, {
                "name": f"第{i + 1:03d}号劳模创新工作室", "host_unit": "东川供电公司",
                "founded_on": "2019-01-01",
                "recognitions": [{"level": "city", "date": "2020-05-01"}]})


@pytest.mark.parametrize("size", [PAGE_100, PAGE_150])
def test_a_long_list_of_studios_lacking_a_party_organisation_scrolls_in_its_card(
        ctx, qtbot, many_lacking, size):
    """The names scroll inside their card: the card beside it (the goals) keeps its height, and
    each goal's label stays one line where it is drawn, not spread over the height of 120
    names (a province's page showed an empty goals card 4,677 pixels tall)."""
    page = page_at(ctx, qtbot, size)
    assert "第120号劳模创新工作室" in page.lacking.text()
    line = page.lacking.fontMetrics().lineSpacing()
    party = page.lacking.parentWidget()
    while party.objectName() != "card":
        party = party.parentWidget()
    qtbot.waitUntil(lambda: party.height() > 0)
    assert party.height() < 40 * line  # 120 lines would be 120 × line
    first = page.goals_card.grid.itemAt(0).widget()
    qtbot.waitUntil(lambda: first.parentWidget().height() > 0)  # the goals laid out
    assert first.height() <= 3 * first.fontMetrics().height()


@pytest.mark.parametrize(("level", "title"), [("province", "全省合计与目标"),
                                              ("city", "全市合计与目标"),
                                              ("county", "全区（县）合计与目标"),
                                              (None, "合计与目标")])
def test_the_goals_card_names_the_office_s_own_totals(ctx, qtbot, level, title):
    """A province's clerk reads the province's totals as 全省, not 全市."""
    if level:
        offices.set_own_office("某总工会", level)
    page = page_at(ctx, qtbot, PAGE_100)
    assert page.goals_card.caption.text() == title
