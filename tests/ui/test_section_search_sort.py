"""What a section's search and sort show, pinned against the rule users know: a row is shown when
every typed word is in its cells' text as the table shows it (dates as written on screen, choices
by their label in the screen's language, references by title, long text as far as the cell shows
it), in either case; a header click orders by the stored value, empty cells last (first when
descending), rows of equal value in the list's own order."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt

from laomo_desktop.ledger import demo
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ui import fmt
from laomo_desktop.ui.pages.sections import SECTIONS
from laomo_desktop.ui.widgets.tablemodel import RAW_ROLE, UID_ROLE

KEYS = [s.key for s in SECTIONS if s.kind]


@pytest.fixture
def demo_window(ctx, open_window):
    list(demo.generate(2, 2, seed=5, today=date(2025, 11, 20)))
    from laomo_desktop.store.models import database
    uid = database.execute_sql("SELECT uid FROM studio ORDER BY id LIMIT 1").fetchone()[0]
    return open_window(uid, 0)


def open_section(win, key):
    win.nav.setCurrentRow([s.key for s in SECTIONS].index(key))
    return win.pages[key]


def shown_uids(page) -> list[str]:
    m = page.model
    return [m.index(r, 0).data(UID_ROLE) for r in range(m.rowCount())]


def texts_of(page, row: tuple) -> list[str]:
    return [f(v) for (_, f), v in zip(page.specs, row[2:], strict=True)]


def expected(page, words: str) -> list[str]:
    """The rule, worked out here from the stored rows and the cells' formatters."""
    rows = Q.fetch_rows(page.kind.name, page.ctx.studio_uid, list(page.section.columns))
    folded = words.strip().casefold().split()
    return [r[0] for r in rows
            if all(w in "\t".join(texts_of(page, r)).casefold() for w in folded)]


def sort_key(v):
    if v is None or v == "":
        return (1, 0, "")
    if isinstance(v, int | float):
        return (0, 0, v)
    return (0, 1, str(v))


def probes(page, rng: random.Random) -> list[str]:
    """Words a user might type, taken from the cells: whole texts, pieces, other case, pairs."""
    rows = Q.fetch_rows(page.kind.name, page.ctx.studio_uid, list(page.section.columns))
    out: list[str] = ["", "没有这样的字", "zzqx"]
    for r in rng.sample(rows, min(4, len(rows))):
        for text in texts_of(page, r):
            for word in text.split()[:2]:
                out.append(word)
                if len(word) > 2:
                    i = rng.randrange(len(word) - 1)
                    out.append(word[i:i + 2])
                out.append(word.upper())
                out.append(word.swapcase()[:3])
        cells = [t for t in texts_of(page, r) if t.strip()]
        if len(cells) >= 2:
            out.append(f"{cells[0].split()[0]}  {cells[-1].split()[0]}")
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_search_finds_what_the_cells_show_in_every_section(demo_window, qapp, language):
    from laomo_desktop.ui import i18n

    win = demo_window
    if language != "zh_CN":
        i18n.install(qapp, language)
    try:
        rng = random.Random(16)
        for key in KEYS:
            page = open_section(win, key)
            page.reload()
            for words in probes(page, rng):
                page.search.setText(words)
                assert shown_uids(page) == expected(page, words), (key, words)
            page.search.clear()
    finally:
        i18n.install(qapp, "zh_CN")
        fmt.set_language("zh_CN")


def test_search_concrete_words(demo_window):
    win = demo_window
    page = open_section(win, "activity")
    rows = Q.fetch_rows("activity", page.ctx.studio_uid, list(page.section.columns))
    total = len(rows)
    label = fmt.choice_label(page.kind.field("type").choices, rows[0][3])
    page.search.setText(label)  # a choice by its Chinese label
    assert 0 < page.model.rowCount() <= total
    assert all(page.model.text_at(r, 1) == label or label in
               "\t".join(page.model.text_at(r, c) for c in range(page.model.columnCount()))
               for r in range(page.model.rowCount()))
    day = fmt.date_text(rows[0][2])  # "2025年3月5日"
    page.search.setText(day[:day.index("月") + 1])
    assert rows[0][0] in shown_uids(page)
    page.search.setText(rows[0][4][:2])  # a piece of the Chinese topic
    assert rows[0][0] in shown_uids(page)
    assert page.count.text() == f"显示 {page.model.rowCount()} / 共 {total} 条" or \
        page.model.rowCount() == total


def test_sort_orders_by_stored_value_empties_last_ties_in_list_order(demo_window):
    win = demo_window
    for key in KEYS:
        page = open_section(win, key)
        base = Q.fetch_rows(page.kind.name, page.ctx.studio_uid, list(page.section.columns))
        for col in range(len(page.section.columns)):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                page.table.sortByColumn(col, order)
                want = [r[0] for r in sorted(base, key=lambda r: sort_key(r[col + 2]),
                                             reverse=order == Qt.SortOrder.DescendingOrder)]
                assert shown_uids(page) == want, (key, col, order)
                raws = [page.model.data(page.model.index(r, col), RAW_ROLE)
                        for r in range(min(5, page.model.rowCount()))]
                assert raws == [r[col + 2] for r in sorted(
                    base, key=lambda r: sort_key(r[col + 2]),
                    reverse=order == Qt.SortOrder.DescendingOrder)][:5]
        # a search keeps the sort
        if base:
            page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            word = page.model.text_at(0, 0)[:1]
            page.search.setText(word)
            want = [r[0] for r in sorted(base, key=lambda r: sort_key(r[2]), reverse=True)
                    if r[0] in set(expected(page, word))]
            assert shown_uids(page) == want, key
            page.search.clear()
