"""The union page's year: its statistics-year label, the namings due for review in it and those
whose plaque was removed or name revoked, each with its date and level; one query for all."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from laomo_desktop.ledger import period
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import database
from laomo_desktop.ui.pages.union import UnionPage

TODAY = date(2026, 6, 1)


def studio(name: str, founded: str, namings: list[dict]) -> str:
    return R.create("studio", None, {"name": name, "host_unit": "江城供电公司",
                                     "founded_on": founded, "recognitions": namings},
                    today=TODAY)["uid"]


@pytest.fixture
def uids(ctx):
    return {
        "甲": studio("甲工作室", "2018-04-20", [
            {"level": "enterprise", "date": "2019-03-01", "next_review": "2025-03-01",
             "doc_no": "江工发〔2019〕8号"},
            {"level": "city", "date": "2026-05-20", "next_review": "2028-05-20"}]),
        "丙": studio("丙工作室", "2019-01-01", [
            {"level": "city", "date": "2020-05-01", "next_review": "2025-05-01",
             "status": "removed", "status_on": "2025-06-30"}]),
        "丁": studio("丁工作室", "2020-01-01", [
            {"level": "provincial", "date": "2021-06-01", "status": "revoked",
             "status_on": "2025-02-01"}]),
    }


def page_for(ctx, qtbot, year: int) -> UnionPage:
    ctx.set_year(year)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()  # a page on screen loads at once
    return page


def groups(page: UnionPage) -> dict[str, list[list[str]]]:
    """Each group's title → its rows' texts (studio, level, date, status)."""
    tree, out = page.namings, {}
    for i in range(tree.topLevelItemCount()):
        g = tree.topLevelItem(i)
        out[g.text(0)] = [[g.child(j).text(c) for c in range(tree.columnCount())]
                          for j in range(g.childCount())]
    return out


def test_the_year_lists_reviews_due_and_plaques_removed(ctx, qtbot, uids):
    page = page_for(ctx, qtbot, 2025)
    assert page.year == 2025
    assert groups(page) == {
        "复审到期（2）": [["甲工作室", "企业级", "2025年3月1日", "有效"],
                     ["丙工作室", "市级", "2025年5月1日", "摘牌"]],  # as at the year's end
        "摘牌或撤销（2）": [["丁工作室", "省级", "2025年2月1日", "撤销"],
                       ["丙工作室", "市级", "2025年6月30日", "摘牌"]],
    }
    assert page.namings_summary.text() == "复审到期 2 · 摘牌或撤销 2"
    first = page.namings.topLevelItem(0).child(0)
    assert "江工发〔2019〕8号" in first.toolTip(0) and "2019年3月1日" in first.toolTip(0)
    assert page.namings.isVisibleTo(page)


def test_a_year_without_any_says_so(ctx, qtbot, uids):
    page = page_for(ctx, qtbot, 2024)
    assert groups(page) == {"复审到期（0）": [], "摘牌或撤销（0）": []}
    assert page.namings_empty.isVisibleTo(page)
    assert "没有" in page.namings_empty.text()
    ctx.set_year(2025)  # the page follows the year selector
    qtbot.waitUntil(lambda: page.year == 2025)
    assert not page.namings_empty.isVisibleTo(page)


def test_double_clicking_a_naming_opens_its_studio(ctx, qtbot, uids):
    page = page_for(ctx, qtbot, 2025)
    item = page.namings.topLevelItem(1).child(1)
    with qtbot.waitSignal(page.open_studio) as opened:
        page.namings.itemDoubleClicked.emit(item, 0)
    assert opened.args == [uids["丙"]]
    with qtbot.assertNotEmitted(page.open_studio):  # a group's title opens nothing
        page.namings.itemDoubleClicked.emit(page.namings.topLevelItem(0), 0)


def test_the_heading_names_the_office_statistics_year(ctx, qtbot, uids):
    period.set_start_month(10)
    page = page_for(ctx, qtbot, 2026)
    assert "2026 统计年度（2025-10-01 至 2026-09-30）" in page.heading.text() + \
        page.subheading.text()
    assert [r[0] for r in groups(page)["复审到期（0）"]] == []
    period.set_start_month(1)
    ctx.changed()
    qtbot.waitUntil(lambda: "2026 年度" in page.heading.text() + page.subheading.text())


def test_with_every_year_selected_the_current_statistics_year_is_shown(ctx, qtbot, uids,
                                                                       monkeypatch):
    class November(date):
        @classmethod
        def today(cls):
            return date(2030, 11, 15)

    monkeypatch.setattr(period, "date", November)
    period.set_start_month(10)  # 2030-11-15 falls in statistics year 2031
    page = page_for(ctx, qtbot, 0)
    assert page.year == 2031


def _statements(page: UnionPage) -> int:
    seen: list[str] = []
    con = database.connection()
    con.set_trace_callback(seen.append)
    try:
        page.reload()
    finally:
        con.set_trace_callback(None)
    return len(seen)


def test_the_page_takes_the_same_queries_for_many_studios(ctx, qtbot, uids):
    page = page_for(ctx, qtbot, 2025)
    few = _statements(page)
    for i in range(15):
        studio(f"新建工作室{i:02d}", "2019-01-01", [
            {"level": "city", "date": "2020-01-01", "next_review": "2025-01-01"}])
    assert _statements(page) == few
    assert len(groups(page)["复审到期（17）"]) == 17
    assert page.namings.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
