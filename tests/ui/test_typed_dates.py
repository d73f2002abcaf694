"""Dates are typed as in a spreadsheet: whatever the secretary types is read or refused with a
message, Tab always moves to the next field, nothing typed is silently dropped (issue 11 §1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.typed import date_text
from laomo_desktop.ui.dialogs.record import RecordDialog


@pytest.mark.parametrize("typed", ["2026-4-20", "2026/4/20", "2026.4.20", "20260420",
                                   "2026年4月20日", "２０２６－０４－２０", " 2026-04-20 "])
def test_the_ways_people_write_a_date_are_read(typed):
    assert date_text(typed) == "2026-04-20"


@pytest.mark.parametrize("typed", ["2026-02-30", "明年", "2026-4", "4/20/2026"])
def test_text_that_is_not_a_date_is_kept_as_typed(typed):
    assert date_text(typed) == typed


@pytest.fixture
def member_form(ctx, qtbot):
    studio = R.create("studio", None, {"name": "测试工作室", "host_unit": "某厂",
                                       "founded_on": "2020-01-01"})
    saved: list[dict] = []

    def save(values):
        saved.append(R.create("member", studio["uid"], values))
        return saved[-1]

    dlg = RecordDialog(ctx.paths, "member", studio["uid"], None, save)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg, saved


def focused() -> object:
    return QApplication.focusWidget()


def test_typing_a_birth_date_then_tab_keeps_it_and_the_next_fields(member_form, qtbot):
    """Typing 1985-03-12 into an empty date was thrown away and the text meant for the next
    fields landed in the date box: the member was saved with birth date, 专业, 岗位 and 职称 empty."""
    dlg, saved = member_form
    name = dlg.editors["name"].widget
    name.setFocus()
    QTest.keyClicks(name, "Wang Wu")
    birth = dlg.editors["birth_date"].line
    birth.setFocus()
    qtbot.waitUntil(lambda: focused() is birth)
    QTest.keyClicks(birth, "1985/3/12")
    QTest.keyClick(birth, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is not birth)
    assert birth.text() == "1985-03-12"
    specialty = dlg.editors["specialty"].widget
    specialty.setFocus()
    QTest.keyClicks(specialty, "electrical")
    QTest.keyClick(specialty, Qt.Key.Key_Tab)
    assert focused() is dlg.editors["post"].widget
    QTest.keyClicks(focused(), "foreman")
    dlg.accept()
    assert saved and saved[-1]["birth_date"] == "1985-03-12"
    assert (saved[-1]["specialty"], saved[-1]["post"]) == ("electrical", "foreman")


def test_a_filled_date_retyped_after_select_all_is_replaced_whole(member_form, qtbot):
    dlg, _ = member_form
    joined = dlg.editors["joined_on"]
    joined.set("2010-01-01")
    joined.line.setFocus()
    QTest.keyClick(joined.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(joined.line, "2019-05-01")
    assert joined.get() == "2019-05-01"


def test_a_date_it_cannot_read_turns_red_and_blocks_saving(member_form, qtbot):
    dlg, saved = member_form
    QTest.keyClicks(dlg.editors["name"].widget, "Wang Wu")
    birth = dlg.editors["birth_date"].line
    QTest.keyClicks(birth, "1985-13-40")
    dlg.accept()
    assert not saved and dlg.isVisible()
    assert dlg.errors["birth_date"].isVisible()
    assert "出生日期" in dlg.errors["birth_date"].text()
    assert birth.text() == "1985-13-40"  # kept for the user to correct, never emptied


def commit_text(widget, text: str) -> None:
    """Text as an input method hands it over (full-width digits and the like)."""
    from PySide6.QtGui import QInputMethodEvent

    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


@pytest.fixture
def fund_form(ctx, qtbot):
    studio = R.create("studio", None, {"name": "测试工作室", "host_unit": "某厂",
                                       "founded_on": "2020-01-01"})
    saved: list[dict] = []

    def save(values):
        saved.append(R.create("fund", studio["uid"], values))
        return saved[-1]

    dlg = RecordDialog(ctx.paths, "fund", studio["uid"],
                       None, save, defaults={"date": "2025-03-01", "direction": "income",
                                             "source": "union"})
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg, saved


def test_full_width_digits_and_thousands_separators_are_read(fund_form, qtbot):
    """Full-width digits from an input method (１２００) gave an empty amount."""
    dlg, saved = fund_form
    amount = dlg.editors["amount_fen"].line
    amount.setFocus()
    commit_text(amount, "１，２００．５")
    assert amount.text() == "１，２００．５"
    dlg.accept()
    assert saved and saved[-1]["amount_fen"] == 120_050


def test_a_minus_or_a_word_is_refused_with_a_message_not_dropped(fund_form, qtbot):
    """A minus sign was silently ignored: -300 was saved as 300."""
    dlg, saved = fund_form
    amount = dlg.editors["amount_fen"].line
    amount.setFocus()
    QTest.keyClicks(amount, "-300")
    assert amount.text() == "-300"
    dlg.accept()
    assert not saved and "不能为负数" in dlg.errors["amount_fen"].text()
    amount.selectAll()
    QTest.keyClicks(amount, "12.345")
    dlg.accept()
    assert not saved and "不是有效的金额" in dlg.errors["amount_fen"].text()
    assert amount.text() == "12.345"
