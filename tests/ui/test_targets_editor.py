"""The union page's editor of the year's targets, typed into with real key events: saved for
that year only with an audit entry, the comparison redone at once; bad entries refused under
their fields; Cancel after a change asks first; a broken file is explained, not overwritten."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from laomo_desktop.ledger import union
from laomo_desktop.store.models import AuditEntry
from laomo_desktop.ui.dialogs.targets import TargetsDialog
from laomo_desktop.ui.pages.union import UnionPage
from sample_ledger import build

YEAR = 2025


class Editor:
    """Stands in for the user at the modal editor: `fill` runs while it is open."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.fill = None
        self.opened: list[TargetsDialog] = []

    def exec(self, dlg: TargetsDialog) -> int:
        self.opened.append(dlg)
        dlg.show()
        if self.fill is not None:
            self.fill(dlg)
        return dlg.result()


@pytest.fixture
def editor(monkeypatch, qtbot) -> Editor:
    e = Editor(qtbot)
    monkeypatch.setattr(TargetsDialog, "exec", lambda dlg: e.exec(dlg))
    return e


class Asked(list):
    """The questions the editor asked; each is answered `answer` (False: No)."""

    answer = False


@pytest.fixture
def asked(monkeypatch) -> Asked:
    questions = Asked()

    def exec_(box: QMessageBox) -> int:  # the user at the question: reads it, answers
        questions.append(box.text())
        wanted = "放弃修改" if questions.answer else "继续编辑"
        next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return questions


@pytest.fixture
def page(ctx, qtbot, tmp_path):
    build(ctx.paths, tmp_path)
    ctx.set_year(YEAR)
    p = UnionPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def type_into(qtbot, edit, text: str) -> None:
    """Select what the field holds and type over it, key by key."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def commit_text(widget, text: str) -> None:
    """Text as an input method hands it over (full-width digits)."""
    ev = QInputMethodEvent()
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def goal_texts(page) -> dict[str, str]:
    """Each goal's "actual / target" as the card shows it."""
    return {w.objectName()[10:]: w.text() for w in page.findChildren(QLabel)
            if w.objectName().startswith("goal_text_") and w.isVisible()}


def test_typed_targets_are_saved_for_the_year_and_compared_at_once(page, editor, qtbot, ctx):
    path = union.targets_path(ctx.paths.root)
    path.write_text(json.dumps({"years": {"2024": {"patents": 7}}}), "utf-8")
    assert goal_texts(page)["training_person_times"].endswith("/ 2000")

    def fill(dlg):
        type_into(qtbot, dlg.fields["training_person_times"], "3,000")
        dlg.fields["patents"].setFocus()
        qtbot.keyClick(dlg.fields["patents"], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        commit_text(dlg.fields["patents"], "６０")
        type_into(qtbot, dlg.fields["level:city"], "5")
        type_into(qtbot, dlg.fields["unit:江城供电公司"], "2")
        type_into(qtbot, dlg.fields["party_coverage_percent"], "80%")
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)

    editor.fill = fill
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)
    assert editor.opened[0].result() == TargetsDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: "studios:city" in goal_texts(page))  # the new goals are shown
    texts = goal_texts(page)
    assert texts["training_person_times"].endswith("/ 3000")
    assert texts["patents"].endswith("/ 60")
    assert texts["studios:city"].endswith("/ 5")
    assert texts["unit:江城供电公司"] == "1 / 2"
    raw = json.loads(path.read_text("utf-8"))
    assert raw["years"]["2024"] == {"patents": 7}  # another year's own targets kept
    assert raw["years"]["2025"]["party_coverage_percent"] == 80
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert entry.kind == "union_targets"
    assert "培训人次 2000 → 3000" in entry.summary and "专利（件） 50 → 60" in entry.summary


def test_bad_entries_are_refused_under_their_fields_and_nothing_is_saved(page, editor, qtbot,
                                                                        ctx):
    path = union.targets_path(ctx.paths.root)
    seen = {}

    def fill(dlg):
        type_into(qtbot, dlg.fields["training_person_times"], "-5")
        type_into(qtbot, dlg.fields["party_coverage_percent"], "120")
        type_into(qtbot, dlg.fields["level:national"], "two")
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        seen.update({n: e.text() for n, e in dlg.errors.items() if e.isVisible()})
        seen["open"] = dlg.isVisible()
        seen["focus"] = dlg.focusWidget() is dlg.fields["training_person_times"]

    editor.fill = fill
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)
    assert seen.pop("open") and seen.pop("focus")
    assert seen == {"training_person_times": "培训人次不能是负数。",
                    "party_coverage_percent": "党组织覆盖率（%）应在 0 到 100 之间，现在是 120。",
                    "level:national": "全国级工作室数应为不小于 0 的整数，“two”不是整数。"}
    assert not path.exists() and not AuditEntry.select().where(
        AuditEntry.kind == "union_targets").exists()
    assert goal_texts(page)["training_person_times"].endswith("/ 2000")


def test_cancel_after_a_change_asks_and_a_no_keeps_editing(page, editor, qtbot, asked, ctx):
    states = []

    def fill(dlg):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # nothing changed: closes without asking
        states.append((dlg.isVisible(), len(asked)))
        dlg.show()
        type_into(qtbot, dlg.fields["patents"], "99")
        qtbot.keyClick(dlg.fields["patents"], Qt.Key.Key_Escape)
        states.append((dlg.isVisible(), len(asked)))
        asked.answer = True
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)
        states.append((dlg.isVisible(), len(asked)))

    editor.fill = fill
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)
    assert states == [(False, 0), (True, 1), (False, 2)]
    assert asked[0] == "放弃所做的修改？"
    assert not union.targets_path(ctx.paths.root).exists()


def test_a_broken_targets_file_is_explained_and_left_as_it_is(page, editor, qtbot, ctx,
                                                              monkeypatch):
    path = union.targets_path(ctx.paths.root)
    path.write_text('{"patents": 5', "utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    qtbot.mouseClick(page.targets_button, Qt.MouseButton.LeftButton)
    assert not editor.opened
    assert "无法读取汇总表目标设置文件" in shown[0] and "修复" in shown[0]
    assert path.read_text("utf-8") == '{"patents": 5'
