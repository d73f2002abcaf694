"""Studios of several kinds and the union's must-have set on screen (issue 16 §4): the studio's
form and the union page show the category; the overview's checklist follows the set chosen in
Tools ▸ Settings; a set that cannot be used is refused there in Chinese and the set chosen
before stays in force."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from laomo_desktop import settings as declared
from laomo_desktop.ledger import records as R
from laomo_desktop.ui import prefs
from laomo_desktop.ui.dialogs.menus import SettingsDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.pages.dashboard import DashboardPage
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage

YEAR = 2025


@pytest.fixture
def studio(ctx):
    s = R.create("studio", None, {"name": "王强工作室", "host_unit": "江城机械厂",
                                  "founded_on": "2020-01-01", "category": "skill_master",
                                  "room_address": "三号楼 105 室", "room_area": 40})["uid"]
    for i, n in enumerate(("王强", "李四", "张三")):
        R.create("member", s, {"name": n, "role": "leader" if i == 0 else "member"})
    R.create("plan", s, {"year": YEAR, "targets": [{"metric": "results", "value": 1}]})
    ctx.studio_uid, ctx.year = s, YEAR
    return s


def marks(page) -> list[str]:
    return sorted(lab.objectName()[5:] for lab in page.findChildren(QLabel)
                  if lab.objectName().startswith("mark_"))


def test_switching_the_set_changes_the_overviews_checklist(ctx, studio, qtbot):
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.figures), timeout=5000)
    title = page.findChild(QLabel, "must_haves_title")
    assert title.text() == "八个必有" and len(marks(page)) == 8
    assert "participation" in marks(page)
    prefs.write(ctx.settings, declared.MUST_HAVE_SET, "six_haves")
    page.reload()
    assert title.text() == "六有"
    assert marks(page) == ["equipment", "funds", "lh1", "lh6", "room", "rules"]
    assert page.findChild(QLabel, "mark_lh1").text() == "✓"  # 3 members: the 六有's team
    assert page.findChild(QLabel, "must_haves_summary").text() == "已具备 2 / 6 项"


def test_a_set_broken_since_it_was_chosen_says_so_in_the_card(ctx, studio, qtbot):
    ctx.paths.templates.mkdir()
    (ctx.paths.templates / "own.json").write_text("{", "utf-8")
    prefs.write(ctx.settings, declared.MUST_HAVE_SET, "own")
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.figures), timeout=5000)
    said = page.findChild(QLabel, "must_haves_problem").text()
    assert "无法使用" in said and "设置" in said
    assert page.findChild(QLabel, "figure_training_sessions").text() == "0"  # the rest is shown


def test_settings_refuse_a_broken_or_hostile_set_and_keep_the_previous(ctx, qtbot, warnings):
    ctx.paths.templates.mkdir()
    (ctx.paths.templates / "broken.json").write_text("{ 不是 JSON", "utf-8")
    (ctx.paths.templates / "deep.json").write_text('{"a": ' + "[" * 50_000, "utf-8")
    prefs.write(ctx.settings, declared.MUST_HAVE_SET, "six_haves")
    for bad, said in (("broken", "不是有效的 JSON"), ("deep", "嵌套层数过多")):
        dlg = SettingsDialog(ctx.settings, None, None, ctx.paths.templates)
        qtbot.addWidget(dlg)
        combo = dlg.must_haves.combo
        assert combo.currentData() == "six_haves"
        combo.setCurrentIndex(combo.findData(bad))
        assert "（无法使用）" in combo.currentText()
        dlg.accept()
        assert dlg.result() != QDialog.DialogCode.Accepted
        assert said in warnings.shown[-1][1]
        assert prefs.read(ctx.settings, declared.MUST_HAVE_SET) == "six_haves"
    dlg = SettingsDialog(ctx.settings, None, None, ctx.paths.templates)
    qtbot.addWidget(dlg)
    dlg.must_haves.combo.setCurrentIndex(dlg.must_haves.combo.findData("eight_must_haves"))
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    dlg.save()
    assert prefs.read(ctx.settings, declared.MUST_HAVE_SET) == "eight_must_haves"


def test_the_studio_form_and_the_union_page_show_the_category(ctx, studio, qtbot):
    dlg = RecordDialog(ctx.paths, "studio", studio, R.get("studio", studio), lambda v: v)
    qtbot.addWidget(dlg)
    assert dlg.editors["category"].get() == "skill_master"
    new = RecordDialog(ctx.paths, "studio", "", None, lambda v: v,
                       defaults={"category": "model_worker"})
    qtbot.addWidget(new)
    assert new.editors["category"].get() == "model_worker"
    R.create("studio", None, {"name": "老工作室", "host_unit": "x", "founded_on": "2019-01-01"})
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.show()
    col = [k for k, _ in COLUMNS].index("category")
    header = page.table.model().headerData(col, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.DisplayRole)
    assert header == "工作室类别"
    cells = {page.table.item(r, 0).text(): page.table.item(r, col).text()
             for r in range(page.table.rowCount())}
    assert cells == {"王强工作室": "技能大师工作室", "老工作室": "劳模创新工作室"}
    json.dumps(cells)
