"""更换领衔人… in the members section, and a member form that never changes the leader behind
the user's back: through real widgets, key events and the undo stack."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QMessageBox

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.store.models import MODELS, AuditEntry, ImportedStudio
from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
from laomo_desktop.ui.pages.members import MemberSectionPage
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build


class LeaderDriver:
    """Stands in for the user at the modal change-of-leader dialog: shown, then `fill`."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.fill: Callable[[ChangeLeaderDialog], None] | None = None
        self.opened: list[ChangeLeaderDialog] = []

    def exec(self, dlg: ChangeLeaderDialog) -> int:
        self.opened.append(dlg)
        dlg.show()
        dlg.activateWindow()
        self.qtbot.waitUntil(dlg.isActiveWindow)
        if self.fill is not None:
            self.fill(dlg)
        dlg.hide()
        return dlg.result()


@pytest.fixture
def leader_driver(monkeypatch, qtbot) -> LeaderDriver:
    d = LeaderDriver(qtbot)
    monkeypatch.setattr(ChangeLeaderDialog, "exec", lambda self: d.exec(self))
    return d


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    win = open_window(u["A"], 0)  # all years
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("member"))
    page = win.pages["member"]
    assert isinstance(page, MemberSectionPage) and page.isVisible()
    return win, page, u


def snapshot() -> dict:
    return {"studios": R.list_records("studio"), "members": R.list_records("member"),
            "binned": R.list_records("member", deleted=True),
            "audit": AuditEntry.select().count()}


def content(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in R.META} for r in rows]


def type_date(qtbot, dlg: ChangeLeaderDialog, day: str) -> None:
    """Type a date section by section, as one does in a date field."""
    dlg.since.setFocus()
    for section, text in zip((QDateEdit.Section.YearSection, QDateEdit.Section.MonthSection,
                              QDateEdit.Section.DaySection), day.split("-"), strict=True):
        dlg.since.setSelectedSection(section)
        qtbot.keyClicks(dlg.since, text)
    assert dlg.since.date().toString("yyyy-MM-dd") == day


def press_enter(qtbot, dlg: ChangeLeaderDialog) -> None:
    qtbot.keyClick(dlg.since, Qt.Key.Key_Return)


def test_the_toolbar_action_changes_the_leader_keeping_2025_and_undoes_as_one_step(
        window, leader_driver, qtbot):
    win, page, u = window
    ctx = win.ctx
    start = snapshot()
    steps = ctx.undo_stack.count()
    assert page.leader_button.text() == "更换领衔人…"
    page.select_uid(u["wangfang"])

    def fill(dlg):
        assert dlg.windowTitle() == "更换领衔人"
        assert dlg.current.text() == "李明"
        assert dlg.member.currentData() == u["wangfang"], "the selected member is preselected"
        assert dlg.member.currentText() == "王芳（骨干）"
        names = [dlg.member.itemText(i) for i in range(dlg.member.count())]
        assert not any(n.startswith(("李明", "赵强")) for n in names), "not the leader, not who left"
        explanation = dlg.findChild(QLabel, "leader_explanation").text()
        assert "原领衔人改为骨干" in explanation and "以往年度的材料仍写原领衔人" in explanation
        type_date(qtbot, dlg, "2026-03-01")
        press_enter(qtbot, dlg)

    leader_driver.fill = fill
    qtbot.mouseClick(page.leader_button, Qt.MouseButton.LeftButton)
    assert leader_driver.opened and leader_driver.opened[-1].result() == 1

    assert annual_data(u["A"], 2025)["leader"] == "李明"
    assert annual_data(u["A"], 2026)["leader"] == "王芳"
    assert R.get("member", u["liming"])["role"] == "core"
    assert ctx.undo_stack.count() == steps + 1
    assert ctx.undo_stack.undoText() == "更换领衔人"
    row = page.model.row_of_uid(u["wangfang"])
    assert page.current_uid() == u["wangfang"]
    assert page.model.index(row, 1).data() == "领衔人"
    done = snapshot()

    ctx.undo_stack.undo()
    undone = snapshot()
    for key in ("studios", "members"):
        assert content(undone[key]) == content(start[key])
    assert annual_data(u["A"], 2026)["leader"] == "李明"
    assert page.model.index(page.model.row_of_uid(u["liming"]), 1).data() == "领衔人"

    ctx.undo_stack.redo()
    for key in ("studios", "members"):
        assert content(snapshot()[key]) == content(done[key])


def test_the_context_menu_of_a_member_offers_the_change(window, leader_driver, qtbot):
    win, page, u = window
    start = snapshot()
    row = page.model.row_of_uid(u["zhangwei"])
    pos = page.table.visualRect(page.model.index(row, 0)).center()
    QApplication.sendEvent(page.table.viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                             page.table.viewport().mapToGlobal(pos)))
    assert page.menu is not None and page.current_uid() == u["zhangwei"]
    action = next(a for a in page.menu.actions() if a.text() == "更换领衔人…")
    assert action.isEnabled()
    page.menu.hide()

    def fill(dlg):
        assert dlg.member.currentData() == u["zhangwei"]
        qtbot.keyClick(dlg.member, Qt.Key.Key_Escape)  # changed their mind

    leader_driver.fill = fill
    action.trigger()
    assert leader_driver.opened[-1].result() == 0
    assert snapshot() == start


def test_a_refused_date_shows_by_the_field_and_the_dialog_stays(window, leader_driver, qtbot):
    win, page, u = window
    start = snapshot()
    page.select_uid(u["wangfang"])
    seen = []

    def fill(dlg):
        type_date(qtbot, dlg, "2018-01-01")
        press_enter(qtbot, dlg)
        assert dlg.isVisible(), "refused: still open with what was typed"
        assert dlg.errors["since"].isVisible() and "成立日期" in dlg.errors["since"].text()
        seen.append(snapshot() == start)
        type_date(qtbot, dlg, "2025-10-01")
        press_enter(qtbot, dlg)

    leader_driver.fill = fill
    page.change_leader()
    assert seen == [True]
    assert annual_data(u["A"], 2025)["leader"] == "王芳"
    assert annual_data(u["A"], 2024)["leader"] == "李明"


def test_no_change_of_leader_in_an_imported_studio(window, leader_driver):
    win, page, u = window
    ImportedStudio.insert(studio=MODELS["studio"].get(MODELS["studio"].uid == u["A"]).id,
                          fingerprint="x", last_sequence=1,
                          last_package_at="2026-01-01").execute()
    page.reload()
    assert not page.leader_button.isEnabled()
    page.change_leader()
    assert leader_driver.opened == []


# ---- the member form --------------------------------------------------------------------

def fill_form(values: dict):
    def fill(dlg):
        for name, value in values.items():
            dlg.editors[name].set(value)
        dlg.accept()
    return fill


def test_giving_the_role_of_leader_in_the_form_is_a_change_of_leader(
        window, driver, leader_driver, qtbot):
    win, page, u = window
    ctx = win.ctx
    start = snapshot()
    steps = ctx.undo_stack.count()

    def confirm(dlg):
        assert not dlg.member.isEnabled() and dlg.member.currentText() == "王芳"
        type_date(qtbot, dlg, "2026-03-01")
        press_enter(qtbot, dlg)

    leader_driver.fill = confirm
    driver.fill = fill_form({"role": "leader", "post": "班长"})
    page.edit_uid(u["wangfang"])
    assert driver.opened[-1].saved is not None
    wang = R.get("member", u["wangfang"])
    assert wang["role"] == "leader" and wang["post"] == "班长"
    assert R.get("member", u["liming"])["role"] == "core"
    assert annual_data(u["A"], 2025)["leader"] == "李明"
    assert annual_data(u["A"], 2026)["leader"] == "王芳"
    assert ctx.undo_stack.count() == steps + 1

    ctx.undo_stack.undo()  # the form's edit and the change, together
    for key in ("studios", "members"):
        assert content(snapshot()[key]) == content(start[key])


def test_cancelling_the_change_keeps_the_form_open_and_saves_nothing(
        window, driver, leader_driver, qtbot):
    win, page, u = window
    start = snapshot()
    leader_driver.fill = lambda dlg: qtbot.keyClick(dlg.since, Qt.Key.Key_Escape)
    driver.fill = fill_form({"role": "leader"})
    page.edit_uid(u["wangfang"])
    form = driver.opened[-1]
    assert form.saved is None and form.result() == 0
    assert not form.errors["role"].isHidden() and "更换领衔人" in form.errors["role"].text()
    assert snapshot() == start


def test_a_form_error_goes_back_to_the_form(window, driver, leader_driver, qtbot):
    win, page, u = window
    start = snapshot()
    leader_driver.fill = lambda dlg: press_enter(qtbot, dlg)
    driver.fill = fill_form({"role": "leader", "name": ""})
    page.edit_uid(u["wangfang"])
    form = driver.opened[-1]
    assert form.saved is None
    assert not form.errors["name"].isHidden() and "姓名" in form.errors["name"].text()
    assert snapshot() == start


def test_a_new_member_can_come_in_as_the_leader_and_undo_bins_them(
        window, driver, leader_driver, qtbot):
    win, page, u = window
    ctx = win.ctx

    def confirm(dlg):
        assert dlg.member.currentText() == "钱新"
        type_date(qtbot, dlg, "2026-03-01")
        press_enter(qtbot, dlg)

    leader_driver.fill = confirm
    driver.fill = fill_form({"name": "钱新", "role": "leader", "joined_on": "2026-02-01"})
    page.new_record()
    new = driver.opened[-1].saved
    assert new is not None and new["role"] == "leader"
    assert page.current_uid() == new["uid"]
    assert annual_data(u["A"], 2026)["leader"] == "钱新"
    ctx.undo_stack.undo()
    assert R.get("member", new["uid"])["deleted_at"] is not None
    assert R.get("member", u["liming"])["role"] == "leader"
    assert R.get("studio", u["A"])["leaders"] == []


def test_taking_the_role_from_the_leader_asks_first(window, driver, monkeypatch):
    win, page, u = window
    start = snapshot()
    asked = []
    answer = [QMessageBox.StandardButton.No]
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: asked.append(text),
                               lambda kind: answer[0])
    driver.fill = fill_form({"role": "core"})
    page.edit_uid(u["liming"])
    assert len(asked) == 1 and "李明" in asked[0] and "以往年度" in asked[0]
    form = driver.opened[-1]
    assert form.saved is None and "仍是领衔人" in form.errors["role"].text()
    assert snapshot() == start

    answer[0] = QMessageBox.StandardButton.Yes  # correcting a mistake: saved as asked
    page.edit_uid(u["liming"])
    assert R.get("member", u["liming"])["role"] == "core"


def test_an_ordinary_edit_of_a_member_asks_nothing(window, driver, leader_driver, monkeypatch):
    win, page, u = window
    asked = []
    stand_in_for_message_boxes(monkeypatch, lambda kind, title, text: asked.append(text))
    driver.fill = fill_form({"post": "技术员"})
    page.edit_uid(u["liming"])
    page.edit_uid(u["wangfang"])
    assert asked == [] and leader_driver.opened == []
    assert R.get("member", u["liming"])["post"] == "技术员"
