"""Notices in the window: typing one in, the overview's countdown (red wording once overdue),
ticking a required item done under the table (undoable), opening what produces an item, and
printing the checklist."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from helpers import pdftotext
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ui.dialogs.fillform import FillFormDialog
from laomo_desktop.ui.pages.cardlook import RED

TODAY = date.today()
FORMS = Path(__file__).parents[2] / "src" / "laomo_desktop" / "resources" / "forms"
TITLE = "关于开展劳模创新工作室考核工作的通知"


def commit_text(widget, text: str) -> None:
    """Text as an input method hands it over (QTest.keyClicks takes Latin-1 only)."""
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


@pytest.fixture
def studio(ledger):
    return R.create("studio", None, {"name": "通知劳模创新工作室", "host_unit": "测试单位",
                                     "founded_on": "2015-01-01"})["uid"]


def _notice(studio: str, due: int, title: str = TITLE, **more) -> dict:
    return R.create("notice", studio, {
        "issuer": "市总工会", "doc_no": "市工发〔2026〕12号", "title": title, "due_on": day(due),
        "items": [{"what": "年度工作总结", "source": "annual"},
                  {"what": "考核申报表", "source": "union_form"},
                  {"what": "照片", "source": "other"}], **more})


def _md(n: int) -> str:
    d = TODAY + timedelta(days=n)
    return f"{d.month}月{d.day}日" if d.year == TODAY.year else f"{d.year}年{d.month}月{d.day}日"


def test_the_overview_counts_down_to_the_next_due_notice(open_window, studio, qtbot):
    _notice(studio, 9, "关于报送年度计划的通知")
    soon = _notice(studio, 5)
    win = open_window(studio)
    line = win.page("dashboard").notice_line
    assert line.isVisible()
    assert f"还有 5 天：{TITLE}（{_md(5)}截止）" in line.text()
    assert "另有 1 份未办结的通知" in line.text()
    line.linkActivated.emit(soon["uid"])  # a click opens the notice in its section
    assert win.stack.currentWidget() is win.page("notice")
    assert win.page("notice").current_uid() == soon["uid"]


def test_an_overdue_notice_is_red_and_says_so(open_window, studio):
    _notice(studio, -2)
    line = open_window(studio).page("dashboard").notice_line
    assert f"已逾期 2 天：{TITLE}" in line.text() and RED in line.text()


def test_no_open_notice_no_countdown(open_window, studio):
    _notice(studio, 3, closed_on=day(0))
    assert not open_window(studio).page("dashboard").notice_line.isVisible()


def test_typing_a_notice_with_its_items(open_window, studio, driver, qtbot):
    win = open_window(studio, 0)
    page = win.page("notice")
    win.navigate("notice", "")

    def fill(dlg):
        for name, typed, chinese in (("issuer", "", "市总工会"), ("doc_no", "", "市工发〔2026〕7号"),
                                     ("title", "2026", "关于报送创新成果的通知")):
            w = dlg.editors[name].widget
            w.setFocus()
            QTest.keyClicks(w, typed)  # Latin-1 keys; Chinese comes from the input method
            commit_text(w, chinese)
        due = dlg.editors["due_on"].line
        due.setFocus()
        due.selectAll()
        QTest.keyClicks(due, "2026/6/9")
        QTest.keyClick(due, Qt.Key.Key_Tab)
        items = dlg.editors["items"]
        items.add_row()
        what, source, *_ = items.rows[0]
        commit_text(what.widget, "创新成果登记表")
        source.widget.setCurrentIndex(source.widget.findData("book_results"))
        dlg.accept()

    driver.fill = fill
    page.new_record()
    rec = R.list_records("notice", studio)[0]
    assert (rec["issuer"], rec["doc_no"], rec["title"], rec["due_on"]) == (
        "市总工会", "市工发〔2026〕7号", "2026关于报送创新成果的通知", "2026-06-09")
    assert rec["items"] == [{"what": "创新成果登记表", "source": "book_results", "done": False,
                             "done_on": None}]
    qtbot.waitUntil(lambda: page.items.rowCount() == 1)
    assert page.items.item(0, 0).text() == "创新成果登记表"
    assert page.items.item(0, 1).text() == "创新成果登记表"


def test_ticking_an_item_done_under_the_table_and_undoing_it(open_window, studio, qtbot):
    rec = _notice(studio, 5)
    win = open_window(studio, 0)
    win.navigate("notice", "")
    page = win.page("notice")
    page.select_uid(rec["uid"])
    qtbot.waitUntil(lambda: page.items.rowCount() == 3)
    page.items.item(1, 2).setCheckState(Qt.CheckState.Checked)
    after = R.get("notice", rec["uid"])
    assert [i["done"] for i in after["items"]] == [False, True, False]
    assert after["items"][1]["done_on"] == TODAY.isoformat()
    qtbot.waitUntil(lambda: page.items.item(1, 3) is not None and bool(page.items.item(1, 3).text()))
    assert "1/3" in [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    win.ctx.undo_stack.undo()
    assert [i["done"] for i in R.get("notice", rec["uid"])["items"]] == [False, False, False]


def test_each_item_opens_what_produces_it(open_window, studio, qtbot, monkeypatch, tmp_path):
    rec = _notice(studio, 5)
    form = tmp_path / "考核申报表.docx"
    form.write_bytes((FORMS / "劳模创新工作室推荐表.docx").read_bytes())
    win = open_window(studio, 0)
    A.attach(win.ctx.paths, "notice", rec["uid"], form)
    win.navigate("notice", "")
    page = win.page("notice")
    page.reload()
    page.select_uid(rec["uid"])
    qtbot.waitUntil(lambda: page.items.cellWidget(0, 4) is not None)
    page.items.cellWidget(0, 4).click()
    assert win.stack.currentWidget() is win.page("reports")
    assert win.page("reports").doc_buttons["annual"].isChecked()
    offered = []
    monkeypatch.setattr(FillFormDialog, "exec", lambda dlg: offered.append(dlg.chosen_form()))
    win.navigate("notice", "")
    page.items.cellWidget(1, 4).click()
    assert offered and offered[0].name == "考核申报表.docx"
    assert page.items.cellWidget(2, 4) is None  # made outside the program: nothing to open


def test_printing_the_checklist(open_window, studio, qtbot, monkeypatch, tmp_path):
    rec = _notice(studio, 5)
    win = open_window(studio, 0)
    win.navigate("notice", "")
    page = win.page("notice")
    page.select_uid(rec["uid"])
    out = tmp_path / "清单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.print_button.click()
    qtbot.waitUntil(lambda: out.exists() and page._job is None, timeout=10000)
    text = "".join(pdftotext(out).split())
    assert TITLE in text and "还有5天" in text and text.count("□未完成") == 3


def test_a_notice_sent_by_the_office_says_so(open_window, studio, qtbot):
    from laomo_desktop.store.models import NoticeOrigin

    rec = _notice(studio, 9)
    own = _notice(studio, 12, title="本工作室自己登记的通知")
    NoticeOrigin.create(notice_uid=rec["uid"], studio_uid=studio, office_notice_uid="on-1",
                        office_uid="of-1", office_name="江城区总工会", office_level="county",
                        fingerprint="ab" * 32, revision=2, package_uid="pk-1", items="[]",
                        imported_at="2026-05-06T08:00:00Z")
    win = open_window(studio, 0)
    win.navigate("notice", "")
    page = win.page("notice")
    page.select_uid(rec["uid"])
    qtbot.waitUntil(lambda: page.items.rowCount() == 3)
    assert "江城区总工会（区县）下发，第 2 版" in page.state.text()
    page.select_uid(own["uid"])
    qtbot.waitUntil(lambda: "下发" not in page.state.text())
