"""Alliances in the window: a secretary types an alliance with its member studios in its
section, sees it listed with its joint projects and funds, and prints the alliance's yearly
report from the reports page with an alliance picker."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from helpers import pdftotext
from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.reports import ReportsPage
from ui.test_grants_ui import cells, open_section, type_into

TODAY = date(2025, 6, 15)
SHOTS = Path(os.environ.get("LAOMO_SHOTS", "")) if os.environ.get("LAOMO_SHOTS") else None


def shot(widget, name: str, fallback: Path) -> None:
    widget.grab().save(str((SHOTS or fallback) / name))


@pytest.fixture
def studio(ctx) -> dict:
    s = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某重型机械厂",
                                  "founded_on": "2018-04-20"}, today=TODAY)
    R.create("member", s["uid"], {"name": "李明", "role": "leader"}, today=TODAY)
    return s


def test_an_alliance_typed_in_its_section_is_saved_with_its_members(
        ctx, open_window, studio, driver, qtbot):
    win = open_window(studio["uid"], 0)
    win.resize(1366, 768)
    page = open_section(win, "alliance")

    def fill(dlg):
        dlg.show()
        qtbot.waitExposed(dlg)
        type_into(dlg.editors["name"].widget, "市装备制造劳模创新工作室联盟")
        dlg.editors["role"].set("leader")
        type_into(dlg.editors["lead_studio"].widget, "李明劳模创新工作室")
        members = dlg.editors["members"]
        members.add_row()
        type_into(members.rows[0][0].widget, "王强技能大师工作室")
        type_into(members.rows[0][1].widget, "某某机床厂")
        shot(dlg, "alliance_form.png", ctx.paths.root)
        dlg.accept()

    driver.fill = fill
    page.new_button.click()
    saved = driver.opened[-1].saved
    assert saved is not None, driver.opened[-1].errors
    got = R.get("alliance", saved["uid"])
    assert got["role"] == "leader"
    assert [m["studio_name"] for m in got["members"]] == ["王强技能大师工作室"]
    R.create("fund", studio["uid"], {"date": "2025-03-01", "direction": "income",
                                     "source": "union", "amount_fen": 5_000_000,
                                     "note": "联盟经费", "alliance": saved["uid"]}, today=TODAY)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = cells(page)[0]
    assert "市装备制造劳模创新工作室联盟" in row and "盟主" in row and "¥50,000.00" in row
    shot(win, "alliance_section.png", ctx.paths.root)


def test_the_reports_page_prints_the_chosen_alliances_report(ctx, studio, qtbot, tmp_path):
    for name in ("省电力行业创新联盟", "市装备制造劳模创新工作室联盟"):
        R.create("alliance", studio["uid"], {"name": name, "role": "member"}, today=TODAY)
    ctx.studio_uid, ctx.year = studio["uid"], 2025
    page = ReportsPage(ctx)
    page.preview_dir = tmp_path
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    page.choose("alliance")
    assert page.record.isVisible() and page.record.label.text() == "创新联盟："
    names = [page.record.itemText(i) for i in range(page.record.count())]
    page.record.setCurrentIndex(names.index("省电力行业创新联盟"))
    page.generate_button.click()
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)
    assert page.current.file_name == "李明劳模创新工作室-省电力行业创新联盟-2025年度报告.pdf"
    text = pdftotext(page.current.path)
    assert "省电力行业创新联盟2025年度报告" in text and "本年度未登记联盟联合项目" in text
    shot(page, "alliance_report_page.png", tmp_path)
