"""Long tables as a reader expects them on paper: one table whose header row repeats only at the
top of each page, columns as wide as their longest short value, a heading kept with the first
few rows of its table (not with the whole table), and totals rows never left alone.

ReportLab's own Table splits a long table by re-measuring every remaining row at each page
break (quadratic in the rows); page-sized chunks avoid that but put a header row wherever two
chunks meet, mid-page. PagedTable measures each row once and cuts one page-sized Table per page,
so the cost stays linear and each header row heads a page or follows its heading."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

PAD = 4  # left and right cell padding, each
MIN_ROWS = 3  # rows that must fit under a heading, or at a page's foot, for a table to start
SHORT_ROWS = 6  # a table of no more rows is never split (but on a page of its own)


def column_widths(need: Sequence[float], head: Sequence[float], weights: Sequence[float],
                  body_w: float, char: float) -> list[float]:
    """Widths for columns whose longest values are `need` wide and headers `head` wide.

    Short columns (dates, numbers, voucher numbers, labels) get their longest value, so none
    breaks; the widest columns take the rest in proportion to `weights` and wrap. A header of
    more than four characters may wrap onto two lines. Room left over is shared by weight."""
    n = len(need)
    want = []
    for w_need, w_head in zip(need, head, strict=True):
        w_head = w_head if w_head <= 4 * char + 2 * PAD else max(4 * char + 2 * PAD,
                                                                   w_head / 2 + char + PAD)
        want.append(max(w_need, w_head))
    if sum(want) <= body_w:
        extra = body_w - sum(want)
        return [want[i] + extra * weights[i] / sum(weights) for i in range(n)]
    min_flex = 6 * char + 2 * PAD
    fixed = set(range(n))
    for i in sorted(range(n), key=lambda i: -want[i]):  # the widest wrap first
        if sum(want[j] for j in fixed) + min_flex * (n - len(fixed)) <= body_w:
            break
        fixed.discard(i)
    rest = body_w - sum(want[j] for j in fixed)
    flex = [i for i in range(n) if i not in fixed]
    if not flex or rest < min_flex * len(flex):  # too many short columns: by weight, as before
        return [body_w * w / sum(weights) for w in weights]
    out = list(want)
    while flex:  # a column whose share exceeds its widest value keeps that, and frees the rest
        share = {i: rest * weights[i] / sum(weights[j] for j in flex) for i in flex}
        done = [i for i in flex if share[i] >= want[i]]
        if not done:
            for i in flex:
                out[i] = share[i]
            break
        for i in done:
            out[i] = want[i]
            rest -= want[i]
            flex.remove(i)
    return out


def head_lines(head: str, fits) -> str:
    """A column head that does not fit on one line (`fits`) broken before its unit in
    brackets, 金额 over （万元）, instead of wherever the width runs out (“金额（万 / 元）”)."""
    at = head.rfind("（")
    if at <= 0 or not head.endswith("）") or "\n" in head or fits(head):
        return head
    return head[:at] + "\n" + head[at:]


def text_width(value: str, font: str, size: float) -> float:
    return max(stringWidth(line, font, size) for line in value.split("\n")) if value else 0.0


def page_end(prefix: Sequence[float], start: int, room: float, *, totals: int = 0,
             after_h: float = 0.0, atop: bool = False) -> int | None:
    """Where the part of a table from row `start` that goes on this page ends, the rows' heights
    given as prefix sums (`prefix[i]`: rows 0…i-1) and `room` the height left under the header.
    All rows (`len(prefix) - 1`) when they fit with `after_h` under them; else as many as fit,
    but what follows the table keeps two rows, the `totals` last rows at least one above them,
    and no last row goes alone to the next page. None: fewer than MIN_ROWS fit and the page is
    not a fresh one, so the table starts over on the next page (at a page's top: one row at
    least, however tall); so does a short table (SHORT_ROWS) that does not fit whole."""
    n = len(prefix) - 1
    end = min(bisect_right(prefix, prefix[start] + room) - 1, n)
    if end == n and room - (prefix[n] - prefix[start]) >= after_h:
        return n  # everything fits after all
    if n - start <= SHORT_ROWS and not atop:
        return None
    if end == n:
        end = max(start, n - 2)  # keep what follows with two rows
    if totals and n - totals <= end < n:
        end = n - totals - 1  # the totals rows with at least one row above them
    elif n - totals - end == 1 and end - 1 - start >= MIN_ROWS:
        end -= 1  # nor a last row alone on the next page
    if end - start < min(MIN_ROWS, n - start) and not atop:
        return None
    return max(end, start + 1)


class PagedTable(Flowable):
    """One logical table cut into one Table per page. Rows are measured once (`heights`, with
    their padding); `totals`: how many last rows are sums, never carried alone onto a page;
    `after`: flowables printed under the last row and kept with at least two rows."""

    def __init__(self, head: list, rows: list[list], heights: list[float], head_h: float,
                 col: list[float], style: list, *, totals: int = 0,
                 after: Sequence[Flowable] = (), start: int = 0, prefix: list[float] | None = None):
        self.head, self.rows, self.heights, self.head_h = head, rows, heights, head_h
        self.col, self.style, self.totals, self.after, self.start = col, style, totals, after, start
        # prefix[i]: the height of rows 0…i-1 (computed once for all pieces)
        self.prefix = [0.0, *accumulate(heights)] if prefix is None else prefix
        self.width = sum(col)
        self.hAlign = "CENTER"  # as wide as the text block: flush with its edges, not 6 pt right
        self._after_h = 0.0

    def _after_height(self, aW: float) -> float:
        h = 0.0
        for f in self.after:
            h += f.getSpaceBefore() + f.wrap(aW, 0xFFFFFF)[1]
        return h

    def begins_with(self, rows: int = MIN_ROWS) -> float:
        """The height of the header and the first `rows` rows (all of them, with what follows
        the table, when the table is no longer): what must fit under the table's heading."""
        p, n = self.prefix, len(self.heights)
        if n - self.start <= max(rows, SHORT_ROWS):
            return self.head_h + p[n] - p[self.start] + self._after_h
        return self.head_h + p[self.start + rows] - p[self.start]

    def wrap(self, aW, aH):
        self._after_h = self._after_height(aW)
        self.height = self.head_h + self.prefix[-1] - self.prefix[self.start] + self._after_h
        return self.width, self.height

    def _piece(self, start: int, end: int) -> Table:
        style = list(self.style)
        if start % 2:  # the stripes go on where the previous page left them
            style = [s if s[0] != "ROWBACKGROUNDS" else (*s[:3], list(reversed(s[3])))
                     for s in style]
        if self.totals and end == len(self.rows):
            first = -self.totals
            style += [("BACKGROUND", (0, first), (-1, -1), "#eeeeee"),
                      ("LINEABOVE", (0, first), (-1, first), 0.8, "#555555")]
        return Table([self.head] + self.rows[start:end], colWidths=self.col,
                     rowHeights=[self.head_h] + self.heights[start:end], style=style)

    def split(self, aW, aH):
        atop = getattr(getattr(self, "_frame", None), "_atTop", False)
        end = page_end(self.prefix, self.start, aH - self.head_h, totals=self.totals,
                       after_h=self._after_height(aW), atop=atop)
        if end is None:
            return []  # too few rows here: the frame moves on and the table starts over there
        rows_h = self.prefix[-1] - self.prefix[self.start]
        if end == len(self.rows) and aH - self.head_h - rows_h >= self._after_height(aW):
            return [self._rest(self.start)]  # everything fits after all
        return [self._piece(self.start, end), self._rest(end)]

    def _rest(self, start: int) -> PagedTable:
        return PagedTable(self.head, self.rows, self.heights, self.head_h, self.col, self.style,
                          totals=self.totals, after=self.after, start=start, prefix=self.prefix)

    def draw(self):
        t = self._piece(self.start, len(self.rows))
        _, h = t.wrap(self.width, 0xFFFFFF)
        y = self.height - h
        t.drawOn(self.canv, 0, y)
        for f in self.after:
            _, fh = f.wrap(self.width, 0xFFFFFF)
            y -= f.getSpaceBefore() + fh
            f.drawOn(self.canv, 0, y)


def row_height(cells: Sequence, room: float, leading: float, vpad: float) -> float:
    """A row's height as Table measures it: strings by their lines, paragraphs wrapped."""
    h = 0.0
    for c in cells:
        if isinstance(c, Paragraph):
            ch = c.wrap(room, 0xFFFFFF)[1]
        else:
            ch = leading * (str(c).count("\n") + 1)
        h = max(h, ch)
    return h + vpad


class KeepHeadingWithRows(KeepTogether):
    """What ReportLab wraps a heading or a caption (keepWithNext) and the flowable after it
    in. Kept together is it and the beginning of what follows — a table's first rows, a
    paragraph's first two lines — so a long table starts under its heading instead of leaving
    the rest of the page empty."""

    def wrap(self, aW, aH):
        W, H = super().wrap(aW, aH)
        last = self._content[-1]
        if hasattr(last, "begins_with"):  # a PagedTable, a GridTable
            self._H -= last.height - last.begins_with()
        elif isinstance(last, Paragraph) and getattr(last, "height", 0):
            self._H -= max(0.0, last.height - 2 * last.style.leading)
        return W, H
