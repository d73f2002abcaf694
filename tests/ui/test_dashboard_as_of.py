"""The overview states the studio as it stood at the selected year's end: its level (highest
naming valid then), its leader and its party organisation; and the next review date of its valid
namings, marked when it falls in the current statistics year or is past."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from laomo_desktop.ledger import records as R
from laomo_desktop.ui import fmt
from laomo_desktop.ui.pages.dashboard import DashboardPage

TODAY = date.today()
LATER = (TODAY + timedelta(days=800)).isoformat()


@pytest.fixture
def studio(ledger):
    """Named city-level in 2021 and provincial in 2023; leader 李明, then 王芳 from 2023-03-01;
    a party group from 2020, a party branch from 2023-02-01."""
    return R.create("studio", None, {
        "name": "沿革工作室", "host_unit": "测试单位", "founded_on": "2020-01-01",
        "party_org": "party_group", "party_org_founded_on": "2020-06-01",
        "recognitions": [
            {"level": "city", "date": "2021-05-01", "next_review": TODAY.isoformat()},
            {"level": "provincial", "date": "2023-06-01", "next_review": LATER}],
        "party_changes": [{"party_org": "party_branch", "date": "2023-02-01"}],
        "leaders": [{"name": "李明", "since": "2020-01-01"},
                    {"name": "王芳", "since": "2023-03-01"}],
    })["uid"]


@pytest.fixture
def page(studio, ctx, qtbot):
    ctx.studio_uid = studio
    ctx.year = 2022
    w = DashboardPage(ctx)
    qtbot.addWidget(w)
    w.resize(1166, 768)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: bool(w.figures), timeout=5000)  # filled after the first paint
    return w


def label(page, name) -> QLabel:
    lab = page.findChild(QLabel, name)
    assert lab is not None, name
    return lab


def test_the_studio_as_it_stood_at_the_years_end(page):
    assert "市级" in label(page, "studio_level").text()
    assert "李明" in label(page, "studio_leader").text()
    assert "劳模党小组" in label(page, "studio_party_org").text()
    assert fmt.date_text("2022-12-31") in label(page, "as_of").text()
    page.ctx.set_year(2024)
    assert "省级" in label(page, "studio_level").text()
    assert "王芳" in label(page, "studio_leader").text()
    assert "劳模党支部" in label(page, "studio_party_org").text()


def test_a_naming_not_yet_made_gives_no_level(page):
    page.ctx.set_year(2020)
    assert "未命名" in label(page, "studio_level").text()
    assert not label(page, "next_review").isVisible(), "no valid naming, no review"


def test_a_review_due_this_year_is_marked(page):
    text = label(page, "next_review").text()
    assert fmt.date_text(TODAY.isoformat()) in text and "本年度复审" in text
    assert "#b45309" in label(page, "next_review").styleSheet()


def test_an_overdue_review_is_marked(page, studio):
    before = R.get("studio", studio)
    past = (TODAY - timedelta(days=400)).isoformat()
    R.update("studio", studio, {"recognitions": [
        {**before["recognitions"][0], "next_review": past}, before["recognitions"][1]]})
    page.ctx.changed()
    text = label(page, "next_review").text()
    assert fmt.date_text(past) in text and "已逾期" in text
    assert "#c62828" in label(page, "next_review").styleSheet()


def test_a_removed_plaque_leaves_the_other_namings_review(page, studio):
    before = R.get("studio", studio)
    R.update("studio", studio, {"recognitions": [
        {**before["recognitions"][0], "status": "removed", "status_on": "2023-12-01"},
        before["recognitions"][1]]})
    page.ctx.set_year(2024)
    text = label(page, "next_review").text()
    assert fmt.date_text(LATER) in text
    assert "本年度" not in text and "逾期" not in text
    assert "省级" in label(page, "studio_level").text()
