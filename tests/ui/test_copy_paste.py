"""Tables that behave like a sheet: rows selected with clicks copy out with Ctrl+C as cells for
Excel/WPS; rows copied from a sheet paste in with Ctrl+V through a preview, and are added as one
step that Ctrl+Z takes back (issue 11 §3). Real clicks and key events throughout."""

from __future__ import annotations

import pytest
from boxes import stand_in_for_message_boxes
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget

from laomo_desktop.ledger import records as R
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import MODELS, AuditEntry, ImportedStudio
from laomo_desktop.ui.dialogs import paste as pastedialog
from laomo_desktop.ui.dialogs.paste import PasteDialog, PreviewModel
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(ctx, open_window, tmp_path, qtbot):
    u = build(ctx.paths, tmp_path)
    R.update("fund", u["f5"], {"note": '上级"专项"\t拨款'})
    R.update("benefit", u["b2"], {"basis": "增收" * 40 + "\n第二段"})
    win = open_window(u["A"], 0)  # all years
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win, u


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    return win.pages[key]


def click_row(page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.table.visualRect(page.model.index(row, 0))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def key(widget, k, modifier=CTRL) -> None:
    QTest.keyClick(widget, k, modifier)


@pytest.fixture
def boxes(monkeypatch):
    seen: list[tuple[str, str, str]] = []
    stand_in_for_message_boxes(monkeypatch, lambda *a: seen.append(a))
    return seen


class PasteDriver:
    """Stands in for the user at the modal preview: looks, then adds or cancels."""

    def __init__(self):
        self.opened: list[PasteDialog] = []
        self.accept = True

    def exec(self, dlg: PasteDialog) -> int:
        self.opened.append(dlg)
        return 1 if self.accept and dlg.add_button.isEnabled() else 0


@pytest.fixture
def paster(monkeypatch) -> PasteDriver:
    d = PasteDriver()
    monkeypatch.setattr(PasteDialog, "exec", lambda self: d.exec(self))
    return d


def snapshot() -> tuple[int, ...]:
    return (AuditEntry.select().count(), *(MODELS[k.name].select().count() for k in S.KINDS))


# --- copying ------------------------------------------------------------------------------

def test_ctrl_c_copies_the_clicked_rows_in_the_order_shown(window):
    win, u = window
    page = open_section(win, "fund")
    page.table.sortByColumn(page.section.columns.index("amount_fen"), Qt.SortOrder.AscendingOrder)
    click_row(page, 4)                      # ¥20,000.00
    click_row(page, 0, CTRL)                # ¥345.67
    click_row(page, 2, CTRL)                # ¥10,000.00, the note with a quote and a tab
    key(page.table, Qt.Key.Key_C)
    assert QApplication.clipboard().text() == (
        "日期\t收支\t经费来源\t支出类别\t金额\t摘要\t列支补助资金\t补助资金提示\t凭证号\r\n"
        "2025-06-01\t支出\t\t培训\t¥345.67\t\t\t\t\r\n"
        '2024-03-01\t收入\t工会拨款\t\t¥10,000.00\t"上级""专项""\t拨款"\t\t\t\r\n'
        "2025-02-15\t收入\t单位配套\t\t¥20,000.00\t\t\t\t\r\n")
    html = QApplication.clipboard().mimeData().html()
    assert "<th>金额</th>" in html and "<td>¥345.67</td>" in html
    assert win.statusBar().currentMessage().startswith("已复制 3 行")


def test_shift_click_copies_a_range(window):
    win, u = window
    page = open_section(win, "fund")
    page.table.sortByColumn(page.section.columns.index("amount_fen"), Qt.SortOrder.AscendingOrder)
    click_row(page, 1)
    click_row(page, 3, SHIFT)
    key(page.table, Qt.Key.Key_C)
    lines = QApplication.clipboard().text().split("\r\n")
    assert [line.split("\t")[4] for line in lines[1:-1]] == ["¥5,000.00", "¥10,000.00",
                                                            "¥12,000.00"]


def test_long_text_is_copied_whole_and_quoted(window):
    win, u = window
    page = open_section(win, "benefit")
    click_row(page, page.model.row_of_uid(u["b2"]))
    assert page.model.text_at(page.model.row_of_uid(u["b2"]), 4).endswith("…"), "shown cut"
    key(page.table, Qt.Key.Key_C)
    header, row, _ = QApplication.clipboard().text().split("\r\n", 2)
    assert row.split("\t")[4] == '"' + "增收" * 40 + '\n第二段"'


def test_the_context_menu_copies_too(window):
    win, u = window
    page = open_section(win, "rule")
    click_row(page, 0)
    menu = {a.text(): a for a in page.table.actions()}
    assert page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    menu["复制"].trigger()
    assert QApplication.clipboard().text().startswith("制度名称\t制度类别\t")


def test_the_member_menu_copies_the_selection_it_was_opened_on(window):
    win, u = window
    page = open_section(win, "member")
    click_row(page, 0)
    click_row(page, 1, SHIFT)
    page.show_menu(page.table.visualRect(page.model.index(1, 0)).center())
    assert len(page.table.selectionModel().selectedRows()) == 2, "right-click keeps it"
    menu = {a.text(): a for a in page.menu.actions()}
    menu["复制"].trigger()
    assert QApplication.clipboard().text().startswith("姓名\t工作室角色\t")
    assert QApplication.clipboard().text().count("\r\n") == 3


# --- pasting ------------------------------------------------------------------------------

MEMBERS = ("名字\t性别\t出生日期\t工作室角色\t备注\r\n"
           "王五\t男\t1985/3/12\t骨干\t甲\r\n"
           "赵六\t未知\t1990-01-01\t成员\t\r\n"
           "孙七\t女\t\t\t\r\n")


def test_ctrl_v_previews_then_adds_the_valid_rows_as_one_undo_step(window, paster, qtbot):
    win, u = window
    page = open_section(win, "member")
    before = page.model.total_count()
    click_row(page, 0)
    QApplication.clipboard().setText(MEMBERS)
    steps = win.ctx.undo_stack.count()
    key(page.table, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: win.ctx.undo_stack.count() == steps + 1, timeout=10000)
    # the stand-in preview was never shown: offscreen, its parent window is left inactive
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)

    [dlg] = paster.opened
    assert dlg.summary.text() == "可添加 2 行，1 行有错误"
    assert dlg.add_button.text() == "添加 2 行"
    model = dlg.table.model()
    assert isinstance(model, PreviewModel) and not isinstance(dlg.table, QTableWidget)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "备注\n→ 不导入"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名字\n→ 姓名"
    bad = model.index(1, 1)
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is pastedialog.BAD
    assert model.data(bad, Qt.ItemDataRole.ToolTipRole) == "“性别”的取值“未知”不在可选范围内"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
    assert "备注" in dlg.skipped.text()
    assert dlg.notes.text() == "未填写“工作室角色”的行按“成员”添加", "孙七 has no role"

    names = {r["name"]: r for r in R.list_records("member", u["A"])}
    assert names["王五"]["birth_date"] == "1985-03-12" and names["王五"]["role"] == "core"
    assert names["孙七"]["role"] == "member" and "赵六" not in names
    assert page.model.total_count() == before + 2
    selected = {page.model.uid_at(i.row()) for i in page.table.selectionModel().selectedRows()}
    assert selected == {names["王五"]["uid"], names["孙七"]["uid"]}, "the added rows are selected"

    key(page.table, Qt.Key.Key_Z)  # one step takes back both
    assert R.get("member", names["王五"]["uid"])["deleted_at"]
    assert R.get("member", names["孙七"]["uid"])["deleted_at"]
    assert page.model.total_count() == before
    key(page.table, Qt.Key.Key_Y)
    assert not R.get("member", names["王五"]["uid"])["deleted_at"]
    assert not R.get("member", names["孙七"]["uid"])["deleted_at"]
    assert page.model.total_count() == before + 2


def test_cancel_writes_nothing(window, paster):
    win, u = window
    page = open_section(win, "member")
    click_row(page, 0)
    paster.accept = False
    before, steps = snapshot(), win.ctx.undo_stack.count()
    QApplication.clipboard().setText(MEMBERS)
    key(page.table, Qt.Key.Key_V)
    assert len(paster.opened) == 1
    assert snapshot() == before and win.ctx.undo_stack.count() == steps


def test_rows_without_a_header_line_are_refused_with_a_message(window, paster, boxes):
    win, u = window
    page = open_section(win, "member")
    click_row(page, 0)
    before = snapshot()
    QApplication.clipboard().setText("王五\t男\t1985-03-12\r\n赵六\t女\t1990-01-01\r\n")
    key(page.table, Qt.Key.Key_V)
    assert paster.opened == []
    [(kind, title, text)] = boxes
    assert kind == "warning" and "第一行没有可识别的列名" in text
    assert snapshot() == before


def test_paste_into_the_search_box_stays_in_the_search_box(window, paster):
    win, u = window
    page = open_section(win, "member")
    page.search.setFocus()
    QApplication.clipboard().setText("abc")
    key(page.search, Qt.Key.Key_V)
    assert page.search.text() == "abc" and paster.opened == []


def test_an_imported_studio_takes_no_paste(window, paster, boxes):
    win, u = window
    ImportedStudio.insert(studio=MODELS["studio"].get(MODELS["studio"].uid == u["A"]).id,
                          fingerprint="x", last_sequence=1,
                          last_package_at="2026-01-01").execute()
    page = open_section(win, "member")
    page.reload()
    click_row(page, 0)
    QApplication.clipboard().setText(MEMBERS)
    key(page.table, Qt.Key.Key_V)
    assert paster.opened == [] and boxes[0][2] == str(R.READ_ONLY)


def test_copied_rows_paste_back_as_the_same_records(window, paster, qtbot):
    """What Ctrl+C puts out, Ctrl+V reads back: a rule copied, pasted, is the same rule again."""
    win, u = window
    page = open_section(win, "rule")
    click_row(page, page.model.row_of_uid(u["rule1"]))
    key(page.table, Qt.Key.Key_C)
    steps = win.ctx.undo_stack.count()
    key(page.table, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: win.ctx.undo_stack.count() == steps + 1, timeout=10000)
    [dlg] = paster.opened
    assert dlg.summary.text() == "可添加 1 行，0 行有错误"
    copies = [r for r in R.list_records("rule", u["A"]) if r["title"] == "工作室学习培训制度"]
    assert len(copies) == 2
    keep = ("category", "adopted_on", "repealed_on", "revision", "on_wall")
    assert {k: copies[0][k] for k in keep} == {k: copies[1][k] for k in keep}


def test_del_moves_every_selected_row_to_the_bin_and_one_ctrl_z_brings_them_back(window, qtbot):
    """Rows are selected as in a sheet, so Del acts on all of them, not the last one clicked."""
    win, u = window
    page = open_section(win, "fund")
    qtbot.waitUntil(lambda: page.model.rowCount() > 3)
    before = page.model.total_count()
    click_row(page, 0)
    click_row(page, 2, CTRL)
    click_row(page, 3, CTRL)
    chosen = {page.model.uid_at(r) for r in (0, 2, 3)}
    key(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: page.model.total_count() == before - 3)
    assert all(R.get("fund", uid)["deleted_at"] for uid in chosen)
    key(page.table, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: page.model.total_count() == before)
    assert not any(R.get("fund", uid)["deleted_at"] for uid in chosen)
    key(page.table, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: page.model.total_count() == before - 3)


EXIT_PROBE = """
import sys
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication
from laomo_desktop.ui.pages import tableclip

app = QApplication([])
mime = QMimeData()  # as copy_rows makes it: made in Python, owned by the clipboard
mime.setText("甲\\t乙")
mime.setHtml("<table><tr><td>甲</td><td>乙</td></tr></table>")
QApplication.clipboard().setMimeData(mime)
tableclip._copied[:] = [mime]
if sys.argv[1] == "hand over":
    tableclip.hand_over_clipboard()  # what run_gui does when the window has closed
print(QApplication.clipboard().text() == "甲\\t乙")
"""


def test_the_program_ends_cleanly_after_copying_rows_and_they_stay_on_the_clipboard():
    """The copied rows' QMimeData is made in Python; left to Qt's last clean-up it was deleted
    after Python had finished, and the program crashed on its way out (exit code -11)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", EXIT_PROBE, "hand over"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr[-2000:]
