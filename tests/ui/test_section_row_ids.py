"""A section's table holds the ids of its rows and reads the cells of the rows it shows (issue
16, §6): a long list paints after reading a page of rows, and searching, sorting, selecting,
copying, deleting and the totals still take in the whole list."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import rowquery
from laomo_desktop.store.models import database
from laomo_desktop.ui.pages.sections import SECTIONS
from sample_ledger import build

MANY = 5000


@pytest.fixture
def long_list(ctx, open_window, tmp_path, monkeypatch):
    u = build(ctx.paths, tmp_path)
    sid = database.execute_sql("SELECT id FROM studio WHERE uid = ?", (u["A"],)).fetchone()[0]
    with database.atomic():
        database.connection().executemany(
            "INSERT INTO activity (uid, created_at, updated_at, version, studio_id, date, type, "
            "topic, place, outside_count, hours) VALUES (?, '2025-01-01T00:00:00Z', "
            "'2025-01-01T00:00:00Z', 1, ?, ?, 'training', ?, '车间', ?, 1.5)",
            [(str(uuid.uuid4()), sid, f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
              f"第{i}次班组培训", i % 7) for i in range(MANY)])
    read: list[int] = []
    real = rowquery.RowQuery.rows

    def counted(self, ids, columns=None):
        if columns is None:  # whole rows (the totals read their own columns of every row)
            read.extend(ids)
        return real(self, ids, columns)

    monkeypatch.setattr(rowquery.RowQuery, "rows", counted)
    win = open_window(u["A"], 0)
    return win, u, read


def open_activities(win):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index("activity"))
    page = win.pages["activity"]
    page.table.viewport().repaint()
    return page


def test_first_paint_reads_a_page_of_rows_and_scrolling_reads_more(long_list, qtbot):
    win, u, read = long_list
    read.clear()
    page = open_activities(win)
    total = page.model.rowCount()
    assert total > MANY
    assert 0 < len(read) <= 2 * rowquery.PAGE  # the rows on screen, and a few more
    base = Q.fetch_rows("activity", u["A"], list(page.section.columns))
    # a long list's totals are added up (in SQL) once its rows have painted
    qtbot.waitUntil(lambda: page.totals.text_under("person_times") ==
                    f"{sum(r[7] or 0 for r in base)} 人次")
    assert page.totals.text_under("type") == f"{total} 场"
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    last = page.table.rowAt(page.table.viewport().height() - 2)
    assert last == total - 1 and page.model.uid_at(last) == base[-1][0]
    assert page.model.text_at(0, 2) == base[0][4]


def test_search_sort_select_copy_and_delete_take_in_the_whole_list(long_list, qtbot):
    win, u, _read = long_list
    page = open_activities(win)
    total = page.model.total_count()
    page.search.setText("第4999次")
    assert page.model.rowCount() == 1 and page.model.text_at(0, 2) == "第4999次班组培训"
    page.search.setText("班组培训 第4 车间")  # words anywhere in the row, all of them
    found = page.model.rowCount()
    assert found == sum(1 for i in range(MANY) if str(i).startswith("4"))
    assert page.count.text() == f"显示 {found} / 共 {total} 条"
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # topic, as stored
    topics = [page.model.text_at(r, 2) for r in range(found)]
    assert topics == sorted(topics, reverse=True)
    page.table.selectAll()
    page.copy_action.trigger()
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == found + 1 and lines[1].split("\t")[2] == topics[0]
    qtbot.waitUntil(lambda: page.totals.text_under("type") == f"{found} 场")
    page.search.setText("第4998次")
    page.table.selectRow(0)
    uid = page.model.uid_at(0)
    page.delete_current()
    assert page.model.row_of_uid(uid) == -1
    assert database.execute_sql("SELECT deleted_at IS NOT NULL FROM activity WHERE uid = ?",
                                (uid,)).fetchone()[0] == 1
    win.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.row_of_uid(uid) >= 0)
    assert page.select_uid(uid) and page.current_uid() == uid


def test_a_long_lists_totals_are_added_up_on_a_worker_and_a_newer_filter_wins(long_list,
                                                                             qtbot,
                                                                             monkeypatch):
    import threading

    win, _u, _read = long_list
    gate, threads = threading.Event(), []
    real = rowquery.RowQuery.grouped

    def held(self, words, cells, columns):
        threads.append(threading.current_thread())
        if not words:  # the whole list's totals wait; the filtered list's do not
            assert gate.wait(20)
        return real(self, words, cells, columns)

    monkeypatch.setattr(rowquery.RowQuery, "grouped", held)
    page = open_activities(win)
    qtbot.waitUntil(lambda: bool(threads))
    assert page.totals.text_under("type") == "…"  # being added up; the rows are shown
    assert threads[0] is not threading.main_thread()
    page.search.setText("第4999次")  # typed meanwhile: its totals are the ones shown
    qtbot.waitUntil(lambda: page.totals.text_under("type") == "1 场")
    gate.set()  # the whole list's totals come in late: they are not shown
    qtbot.waitUntil(lambda: not page.totals.adding_up, timeout=10000)
    assert page.totals.text_under("type") == "1 场"
