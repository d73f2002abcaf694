"""A section's list as row ids: filtered and ordered in SQLite, its columns read a page at a time.

A table over every studio holds tens of thousands of rows; reading them all into Python before
the first paint costs seconds (issue 16, §6). So, as Anki's browser does, a list is the ids of
its rows in the shown order; the cells of the rows on screen are read when shown (`rows`).

The search finds what the cells show, not what is stored: a choice by its label in the screen's
language, a date as written on screen, long text as far as the cell shows it. How a column's
text is made is the caller's (the screens format it): each column comes with a `Cell` saying
whether its text is the stored text (searched in SQL as is), a choice's label (the labels that
contain the word become a list of codes), or made by a function (each distinct value of the
column is formatted once, and the values whose text holds the word become a list). Words match
in any case, as `str.casefold`; ASCII words are compared with SQLite's lower() over the stored
text."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.ledger.queries import _column_sql, in_period_sql, year_filter
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database

PAGE = 200  # rows read at a time
RAW, CHOICE, CALL = "raw", "choice", "call"


@dataclass(frozen=True)
class Cell:
    """How the text a column shows is searched: RAW (the stored text itself), CHOICE (`labels`:
    code → the label shown; another value shows as stored) or CALL (`text`: the shown text of a
    stored value)."""

    how: str
    labels: Mapping[str, str] | None = None
    text: Callable[[Any], str] | None = None


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _functions() -> None:
    database.connection().create_function("laomo_fold", 1, _fold, deterministic=True)


def _ascii_fold_enough(word: str) -> bool:
    """lower() folds this word's letters as casefold does (ASCII, or letters without case)."""
    return all(ch.isascii() or ch.lower() == ch.upper() for ch in word)


def words_of(text: str) -> list[str]:
    return text.strip().casefold().split()


class RowQuery:
    """The live records of a kind for a studio (None: every studio); with `within`, those of
    the period, or with `grey_outside` every record, those outside the period marked."""

    def __init__(self, kind_name: str, studio_uid: str | None, columns: Sequence[str], *,
                 year: int | None = None, within: Period | None = None,
                 grey_outside: bool = False):
        self.kind = kind = S.kind(kind_name)
        self.columns = list(columns)
        self._exprs = [_column_sql(kind, c) for c in self.columns]
        where = ["t.deleted_at IS NULL"]
        params: dict[str, Any] = {}
        if studio_uid is not None:
            where.append(f"t.studio_id = {M.studio_id_sql(':studio')}" if kind.per_studio
                         else "t.uid = :studio")
            params["studio"] = studio_uid
        if within is None and year is not None:
            within = period(year)
        cond = in_period_sql(kind) if within is not None else None
        self.outside_sql = "0"
        if cond:
            params.update(within.params())
            if grey_outside:
                self.outside_sql = f"CASE WHEN {cond} THEN 0 ELSE 1 END"
            else:
                where.append(cond)
        self._where, self._params = where, params
        self._texts: dict[tuple[int, int], list[tuple[Any, str]]] = {}
        yf = year_filter(kind)
        self._order = f't."{yf[0]}" DESC, t.id DESC' if yf else "t.id"

    # -- the list -----------------------------------------------------------------------
    def _shown(self, i: int, cell: Cell) -> list[tuple[Any, str]]:
        """(value, its shown text casefolded) for each distinct value of column `i` in the list:
        a column whose text a function makes is searched by the values whose text matches
        (each distinct value formatted once, kept with the query)."""
        key = (i, id(cell))
        got = self._texts.get(key)
        if got is None:
            sql = (f'SELECT DISTINCT {self._exprs[i]} FROM "{self.kind.table}" t '
                   f'WHERE {" AND ".join(self._where)}')
            text = cell.text or str
            got = self._texts[key] = [(v, text(v).casefold()) for (v,) in
                                      database.execute_sql(sql, self._params).fetchall()]
        return got

    def _search(self, words: Sequence[str], cells: Sequence[Cell], params: dict) -> list[str]:
        """One condition per word: some column's shown text contains it."""
        out = []
        for n, w in enumerate(words):
            params[f"w{n}"] = w
            ascii_ok = _ascii_fold_enough(w)
            if not ascii_ok:
                _functions()
            found = []
            for i, (expr, cell) in enumerate(zip(self._exprs, cells, strict=True)):
                folded = f"lower({expr})" if ascii_ok else f"laomo_fold({expr})"
                if cell.how == RAW:
                    found.append(f"instr({folded}, :w{n}) > 0")
                elif cell.how == CHOICE:
                    labels = cell.labels or {}
                    names = {code: f"c{n}_{i}_{j}" for j, code in enumerate(labels)}
                    params.update({name: code for code, name in names.items()})
                    hit = [f":{names[c]}" for c, label in labels.items() if w in label.casefold()]
                    if hit:
                        found.append(f"{expr} IN ({', '.join(hit)})")
                    known = f"{expr} NOT IN ({', '.join(':' + x for x in names.values())})" \
                        if names else "1"
                    found.append(f"({known} AND instr({folded}, :w{n}) > 0)")
                else:
                    hit = [v for v, text in self._shown(i, cell) if w in text]
                    if None in hit:
                        found.append(f"{expr} IS NULL")
                    hit = [v for v in hit if v is not None]
                    if hit:
                        params[f"v{n}_{i}"] = json.dumps(hit)
                        found.append(f"{expr} IN (SELECT value FROM json_each(:v{n}_{i}))")
            out.append("(" + " OR ".join(found or ["0"]) + ")")
        return out

    def ids(self, words: Sequence[str] = (), cells: Sequence[Cell] = (),
            sort: tuple[int, bool] | None = None) -> list[int]:
        """The ids of the rows shown, in the shown order: `words` all found (`cells` say how
        each column's text is searched), ordered by column `sort[0]` (descending when
        `sort[1]`): by the stored value, empty values last (first when descending), rows of
        equal value in the list's own order."""
        params = dict(self._params)
        where = self._where + (self._search(words, cells, params) if words else [])
        order = self._order
        if sort is not None:
            col, descending = sort
            v = self._exprs[col]
            d = " DESC" if descending else ""
            order = f"({v} IS NULL OR {v} = ''){d}, {v}{d}, {order}"
        sql = (f'SELECT t.id FROM "{self.kind.table}" t WHERE {" AND ".join(where)} '
               f"ORDER BY {order}")
        return [r[0] for r in database.execute_sql(sql, params).fetchall()]

    def grouped(self, words: Sequence[str], cells: Sequence[Cell], columns: Sequence[int]
                ) -> list[tuple]:
        """(how many rows, *values of `columns`) of the rows shown, one per set of equal values:
        what their totals need, read without reading every row into Python."""
        params = dict(self._params)
        where = self._where + (self._search(words, cells, params) if words else [])
        cols = "".join(f", {self._exprs[i]}" for i in columns)
        group = f" GROUP BY {', '.join(str(i + 2) for i in range(len(columns)))}" \
            if columns else ""
        sql = (f'SELECT count(*){cols} FROM "{self.kind.table}" t '
               f'WHERE {" AND ".join(where)}{group}')
        return database.execute_sql(sql, params).fetchall()

    def grouped_ids(self, ids: Sequence[int], columns: Sequence[int]) -> list[tuple]:
        """grouped() of the rows with these ids (a search's rows, already found: the search is
        not run again over the whole list)."""
        cols = "".join(f", {self._exprs[i]}" for i in columns)
        group = f" GROUP BY {', '.join(str(i + 2) for i in range(len(columns)))}" \
            if columns else ""
        sql = (f'SELECT count(*){cols} FROM "{self.kind.table}" t '
               f"WHERE t.id IN (SELECT value FROM json_each(:ids)){group}")
        return database.execute_sql(sql, {**self._params, "ids": json.dumps(list(ids))}
                                    ).fetchall()

    def count(self) -> int:
        sql = f'SELECT count(*) FROM "{self.kind.table}" t WHERE {" AND ".join(self._where)}'
        return database.execute_sql(sql, self._params).fetchone()[0]

    def count_outside(self) -> int:
        """How many rows are marked as outside the period."""
        sql = (f'SELECT coalesce(sum({self.outside_sql}), 0) FROM "{self.kind.table}" t '
               f'WHERE {" AND ".join(self._where)}')
        return database.execute_sql(sql, self._params).fetchone()[0]

    # -- cells ------------------------------------------------------------------------------
    def rows(self, ids: Sequence[int], columns: Sequence[int] | None = None
             ) -> dict[int, tuple]:
        """id → (uid, version, outside, *values) of these rows; with `columns` (positions),
        only those columns' values, the others None."""
        want = range(len(self._exprs)) if columns is None else sorted(set(columns))
        cols = "".join(f", {self._exprs[i]}" for i in want)
        out: dict[int, tuple] = {}
        n = len(self._exprs)
        sql = (f"SELECT t.id, t.uid, t.version, {self.outside_sql}{cols} "
               f'FROM "{self.kind.table}" t WHERE t.id IN (SELECT value FROM json_each(:ids))')
        for chunk in _chunks(list(ids), 5000):
            cursor = database.execute_sql(sql, {**self._params, "ids": json.dumps(chunk)})
            for r in cursor.fetchall():
                if columns is None:
                    out[r[0]] = r[1:]
                else:
                    values: list = [None] * n
                    for i, v in zip(want, r[4:], strict=True):
                        values[i] = v
                    out[r[0]] = (*r[1:4], *values)
        return out

    def id_of(self, uid: str) -> int | None:
        row = database.execute_sql(f'SELECT id FROM "{self.kind.table}" WHERE uid = ?',
                                   (uid,)).fetchone()
        return row[0] if row else None


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
