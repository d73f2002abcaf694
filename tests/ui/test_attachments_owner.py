"""The attachments section: which record each file belongs to (and opening it), sizes as
people read them, and thumbnails of pictures made lazily, a bad picture showing its icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QMessageBox, QStyleOptionViewItem

from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.widgets import thumbs
from laomo_desktop.ui.widgets.attachpanel import AttachmentsPanel
from sample_ledger import build

RED = QColor(220, 20, 20)


def picture(path: Path, color: QColor = RED, size=(640, 480)) -> Path:
    img = QImage(*size, QImage.Format.Format_RGB32)
    img.fill(color)
    assert img.save(str(path), "PNG" if path.suffix == ".png" else "JPG")
    return path


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


@pytest.fixture
def window(ctx, open_window, tmp_path):
    u = build(ctx.paths, tmp_path)
    p = ctx.paths
    u["photo"] = A.attach(p, "activity", u["t1"], picture(tmp_path / "比武现场.png"))["uid"]
    big = tmp_path / "视频截图.pdf"
    big.write_bytes(b"%PDF" + b"0" * (3_565_158 - 4))  # 3.4 MB
    u["big"] = A.attach(p, "studio", u["A"], big)["uid"]
    small = tmp_path / "签到表.txt"
    small.write_bytes(b"x" * 900)
    u["small"] = A.attach(p, "member", u["liming"], small)["uid"]
    gone = tmp_path / "删掉的.txt"
    gone.write_bytes(b"y" * 12_300)
    u["gone"] = A.attach(p, "activity", u["e1"], gone)["uid"]
    R.trash("activity", u["e1"])
    return open_window(u["A"], 0), u


def open_attachments(win):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("attachment"))
    page = win.pages["attachment"]
    assert page.isVisible()
    return page


def column(page, name: str) -> int:
    return page.section.columns.index(name)


def cell(page, uid: str, name: str) -> str:
    row = page.model.row_of_uid(uid)
    return page.model.index(row, column(page, name)).data()


def header(page, name: str) -> str:
    return page.model.headerData(column(page, name), Qt.Orientation.Horizontal)


def test_each_file_says_which_record_it_belongs_to(window):
    win, u = window
    page = open_attachments(win)
    assert header(page, "owner") == "所属记录"
    assert cell(page, u["photo"], "owner") == "活动：带电作业培训"
    assert cell(page, u["att1"], "owner") == "创新成果：" + R.get("result", u["r1"])["title"]
    assert cell(page, u["small"], "owner") == "成员：李明"
    assert cell(page, u["big"], "owner") == "工作室：" + R.get("studio", u["A"])["name"]
    assert cell(page, u["gone"], "owner") == "活动：兄弟单位交流（在回收站中）"


def test_the_size_column_shows_kb_and_mb_and_sorts_by_the_bytes(window):
    win, u = window
    page = open_attachments(win)
    assert header(page, "size") == "大小"
    assert [cell(page, u[k], "size") for k in ("small", "gone", "big")] == \
        ["900 B", "12 KB", "3.4 MB"]
    page.table.sortByColumn(column(page, "size"), Qt.SortOrder.AscendingOrder)
    order = [page.model.uid_at(r) for r in range(page.model.rowCount())]
    assert order.index(u["small"]) < order.index(u["gone"]) < order.index(u["big"])
    assert order[-1] == u["big"]  # not text order, where "3.4 MB" comes before "900 B"


def _select(page, uid: str, name: str):
    idx = page.model.index(page.model.row_of_uid(uid), column(page, name))
    page.table.setCurrentIndex(idx)
    return idx


def test_double_click_on_the_owner_opens_its_record(window, driver, qtbot):
    win, u = window
    page = open_attachments(win)
    driver.fill = lambda d: None
    idx = _select(page, u["photo"], "owner")
    rect = page.table.visualRect(idx)
    # a double-click is a press and release, then the second press (QTest's sends only that)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.stack.currentWidget() is win.pages["activity"]
    assert driver.opened[-1].record["uid"] == u["t1"]
    assert win.pages["activity"].current_uid() == u["t1"]


def test_enter_on_the_owner_opens_it_and_the_button_too(window, driver, qtbot):
    win, u = window
    page = open_attachments(win)
    driver.fill = lambda d: None
    _select(page, u["small"], "owner")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert win.stack.currentWidget() is win.pages["member"]
    assert driver.opened[-1].record["uid"] == u["liming"]

    page = open_attachments(win)
    _select(page, u["att1"], "filename")
    qtbot.mouseClick(page.owner_button, Qt.MouseButton.LeftButton)
    assert win.stack.currentWidget() is win.pages["result"]
    assert driver.opened[-1].record["uid"] == u["r1"]


def test_enter_elsewhere_still_edits_the_attachment(window, driver, qtbot):
    win, u = window
    page = open_attachments(win)
    driver.fill = lambda d: None
    _select(page, u["photo"], "title")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert win.stack.currentWidget() is page
    assert driver.opened[-1].record["uid"] == u["photo"]


def test_an_owner_in_the_recycle_bin_is_explained_not_opened(window, driver, qtbot, warnings):
    win, u = window
    page = open_attachments(win)
    _select(page, u["gone"], "owner")
    qtbot.mouseClick(page.owner_button, Qt.MouseButton.LeftButton)
    assert win.stack.currentWidget() is page and not driver.opened
    assert "回收站" in warnings[0]


def thumbnail_of(page, uid: str):
    idx = page.model.index(page.model.row_of_uid(uid), column(page, "filename"))
    option = QStyleOptionViewItem()
    page.table.itemDelegateForColumn(idx.column()).initStyleOption(option, idx)
    return QIcon(option.icon)


def middle_pixel(icon) -> tuple[int, int, int]:
    """The thumbnail's middle colour, rounded (a JPEG's red is not exactly the red drawn)."""
    img = icon.pixmap(thumbs.SIZE, thumbs.SIZE).toImage()
    c = img.pixelColor(img.width() // 2, img.height() // 2)
    return (round(c.red() / 20), round(c.green() / 20), round(c.blue() / 20))


def rounded(c: QColor) -> tuple[int, int, int]:
    return (round(c.red() / 20), round(c.green() / 20), round(c.blue() / 20))


def test_a_picture_shows_its_thumbnail_and_a_broken_one_its_file_icon(window, qtbot, warnings):
    win, u = window
    page = open_attachments(win)
    sha = R.get("attachment", u["photo"])["sha256"]
    broken = R.get("attachment", u["att1"])["sha256"]  # "证书.png" holds no picture
    # both rows are on screen: each is decoded once, the broken one found not to be a picture
    qtbot.waitUntil(lambda: thumbs.shared().state(sha) == "ready"
                    and thumbs.shared().state(broken) == "failed")
    assert middle_pixel(thumbnail_of(page, u["photo"])) == rounded(RED)
    icon = thumbnail_of(page, u["att1"])
    assert not icon.isNull() and middle_pixel(icon) != rounded(RED)
    assert thumbnail_of(page, u["small"]).isNull()  # not a picture: no decoration at all
    assert not warnings


def test_opening_the_section_decodes_only_the_rows_on_screen(ctx, open_window, qtbot,
                                                           tmp_path):
    u = build(ctx.paths, tmp_path)
    cache = thumbs.shared()
    for i in range(120):  # each a different picture: nothing comes from the cache
        pic = picture(tmp_path / f"照片{i:03}.jpg", QColor(i, 100, 200), (800, 600))
        A.attach(ctx.paths, "studio", u["A"], pic)
    win = open_window(u["A"], 0)
    win.resize(1100, 700)
    before = cache.decoded
    page = open_attachments(win)
    page.table.viewport().repaint()
    on_screen = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
    assert cache.decoded == before, "nothing is decoded before the first paint"
    qtbot.waitUntil(lambda: cache.decoded > before and cache.pending() == 0)
    assert cache.decoded - before <= on_screen + 2


def test_the_record_form_lists_its_files_with_thumbnails(ctx, tmp_path, qtbot):
    u = build(ctx.paths, tmp_path)
    rec = A.attach(ctx.paths, "activity", u["t1"], picture(tmp_path / "合影.jpg", RED))
    panel = AttachmentsPanel(ctx.paths, "activity", u["t1"])
    qtbot.addWidget(panel)
    panel.add_paths([picture(tmp_path / "新照片.png", QColor(20, 20, 220))])
    qtbot.waitUntil(lambda: thumbs.shared().state(rec["sha256"]) == "ready"
                    and thumbs.shared().pending() == 0)
    qtbot.waitUntil(lambda: middle_pixel(panel.list.item(0).icon()) == rounded(RED))
    assert middle_pixel(panel.list.item(1).icon()) == rounded(QColor(20, 20, 220))
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole)["uid"] == rec["uid"]
