"""The union page at scale: its figures kept until the ledger changes, its table making only
the rows shown, and the imports of a program run sharing one pre-import backup."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laomo_desktop.exchange.session import ImportSession
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.store.models import database
from laomo_desktop.ui.pages.union import COLUMNS, UnionPage, UnionTableModel

YEAR = 2025
RESULTS = [k for k, _ in COLUMNS].index("results_total")


def many(n: int) -> None:
    with BulkWriter("测试") as w:
        for i in range(n):
            s = w.add("studio", None, {"name": f"第{i:04d}号工作室", "host_unit": f"单位{i % 13}",
                                       "founded_on": "2018-03-01"})
            for k in range(i % 4):
                w.add("result", s, {"title": f"成果{i}-{k}", "type": "renovation",
                                    "date": f"{YEAR}-06-{1 + k:02d}"})


def page_for(ctx, qtbot) -> UnionPage:
    ctx.set_year(YEAR)
    page = UnionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()  # from 300 studios on, the figures are added up on a worker thread
    qtbot.waitUntil(lambda: page._loading is None and page._shown is not None, timeout=10000)
    return page


def results_of(page: UnionPage, name: str) -> str:
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == name)
    return page.table.item(row, RESULTS).text()


def statements(fn) -> list[str]:
    seen: list[str] = []
    con = database.connection()
    con.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        con.set_trace_callback(None)
    return seen


def test_a_changed_record_shows_in_the_overview_when_it_is_shown_again(ctx, qtbot):
    many(5)
    page = page_for(ctx, qtbot)
    assert results_of(page, "第0003号工作室") == "3"
    page.hide()
    uid = next(u for (u,) in database.execute_sql(
        "SELECT uid FROM studio WHERE name = '第0003号工作室'"))
    R.create("result", uid, {"title": "新成果", "type": "renovation", "date": f"{YEAR}-09-01"})
    ctx.changed()
    page.show()
    assert results_of(page, "第0003号工作室") == "4"


def test_a_change_by_another_connection_is_seen_too(ctx, qtbot):
    many(5)
    page = page_for(ctx, qtbot)
    page.hide()
    import sqlite3

    other = sqlite3.connect(database.database)  # another program writing the ledger
    other.execute("UPDATE studio SET name = '改名工作室' WHERE name = '第0002号工作室'")
    other.commit()
    other.close()
    ctx.set_studio("")  # the page is marked (nothing told it the ledger changed)
    ctx.studio_changed.emit("")
    page.show()
    names = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert "改名工作室" in names and "第0002号工作室" not in names


def test_re_opening_without_a_change_reads_no_figures_again(ctx, qtbot):
    many(5)
    page = page_for(ctx, qtbot)
    page.hide()
    ctx.studio_changed.emit("x")  # another studio looked at meanwhile
    seen = statements(page.show)
    assert not any("GROUP BY" in s for s in seen), seen
    assert page.up_to_date and page.table.rowCount() == 5
    page.hide()
    ctx.set_year(YEAR - 1)  # another year: loaded again
    assert any("GROUP BY" in s for s in statements(page.show))


def test_scrolling_the_table_shows_the_right_rows(ctx, qtbot):
    many(600)
    page = page_for(ctx, qtbot)
    asked: set[int] = set()

    class Spy(UnionTableModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                asked.add(index.row())
            return super().data(index, role)

    table = page.table
    page.model = model = Spy(page)
    table.setModel(model)
    page.reload()
    assert model.rowCount() == 600
    table.grab()
    assert asked and max(asked) < 100  # only the rows on screen were made
    table.scrollToBottom()
    table.grab()
    bottom = table.rowAt(table.viewport().height() - 2)
    assert bottom == 599 or table.item(599, 0).text() == "第0599号工作室"
    for r in (table.rowAt(1), bottom):
        assert table.item(r, 0).text() == page.data["studios"][r]["name"]
    table.sortByColumn(RESULTS, Qt.SortOrder.DescendingOrder)
    table.scrollToTop()
    table.grab()
    assert table.item(table.rowAt(1), RESULTS).text() == "3"
    assert table.item(599, RESULTS).text() == "0"


def test_imports_of_one_run_share_one_backup(ctx):
    session = ctx.import_session
    assert isinstance(session, ImportSession) and session is ctx.import_session
    assert session.needs_backup()
    session.imported(ctx.paths.root / "nothing.sqlite3")  # a backup since removed
    assert session.needs_backup()
