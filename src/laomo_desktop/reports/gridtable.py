"""A table for thousands of rows, drawn in time linear in its rows.

ReportLab's Table (and LongTable) re-applies its styles and spans to every remaining row at
each page break, and draws each cell with its own text object: 5,000 studios took over 20 s.
GridTable measures each row once (a prefix sum of heights), splits where tables.page_end says
(bisecting that sum, by the rules PagedTable follows: a page break copies nothing), and draws
a page's cells into one text object and its rules as one path. Its header row is drawn at the
top of every page it spans, never mid-page. Cells are plain strings (drawn as they are: no
markup, nothing to escape) or Paragraphs for the few that must wrap. Cells print in the table
face (`font`), the header in `head_font`, as layout.table's do; a character a face lacks is
drawn in one that has it (fonts.runs)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from laomo_desktop.reports import fonts
from laomo_desktop.reports.tables import MIN_ROWS, SHORT_ROWS, page_end, row_height

Cell = str | Paragraph


def text_width(text: str, face: str, size: float) -> float:
    """How wide `text` prints in `face`, its characters the face lacks in the faces that
    draw them."""
    return sum(stringWidth(t, f, size) for f, t in fonts.runs(text, face))


class _Grid:
    """What every page part of one table shares: rows, widths, measured heights, the look."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Cell]],
                 widths: Sequence[float], aligns: Sequence[str], *, font: str, head_font: str,
                 size: float, leading: float, pad: float, vpad: float, head_bg, head_fg, grid,
                 stripe, last_bg, shaded=frozenset()) -> None:
        self.shaded = shaded  # rows shaded like the last (the union summary's subtotals)
        self.header, self.rows, self.widths, self.aligns = list(header), rows, list(widths), aligns
        self.font, self.size, self.leading, self.pad, self.vpad = font, size, leading, pad, vpad
        self.head_font = head_font
        self.head_bg, self.head_fg, self.grid, self.stripe = head_bg, head_fg, grid, stripe
        self.last_bg = last_bg
        self.xs = [0.0, *accumulate(self.widths)]
        self.head_h = self.height(self.header)
        self.prefix = [0.0, *accumulate(self.height(r) for r in rows)]

    def height(self, row: Sequence[Cell]) -> float:
        h = self.leading  # a one-line string's height, without a call for each such cell
        for cell, w in zip(row, self.widths, strict=True):
            if isinstance(cell, Paragraph) or "\n" in cell:
                h = max(h, row_height([cell], w - 2 * self.pad, self.leading, 0))
        return h + 2 * self.vpad


class GridTable(Flowable):
    """Rows `start` to `stop` of a grid, under its header; see the module's docstring."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Cell]],
                 widths: Sequence[float], aligns: Sequence[str], *, font: str, head_font: str = "",
                 size: float = 8.5, leading: float = 11.5, pad: float = 2, vpad: float = 2.5,
                 head_bg=colors.lightgrey, head_fg=colors.black, grid=colors.grey,
                 stripe=None, last_bg=None, _grid: _Grid | None = None, start: int = 0,
                 stop: int | None = None, shaded: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.g = _grid or _Grid(header, rows, widths, aligns, font=font,
                                head_font=head_font or font, size=size, leading=leading,
                                pad=pad, vpad=vpad, head_bg=head_bg,
                                head_fg=head_fg, grid=grid, stripe=stripe, last_bg=last_bg,
                                shaded=shaded)
        self.start, self.stop = start, len(self.g.rows) if stop is None else stop
        self.hAlign = "CENTER"  # as wide as the text block: flush with its edges, like the others

    def _part(self, start: int, stop: int) -> GridTable:
        return GridTable((), (), (), (), font="", _grid=self.g, start=start, stop=stop)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        g = self.g
        self.width = g.xs[-1]
        self.height = g.head_h + g.prefix[self.stop] - g.prefix[self.start]
        return self.width, self.height

    def begins_with(self, rows: int = MIN_ROWS) -> float:
        """The height of the header and the first `rows` rows (all of a short table): what
        must fit under the table's caption (tables.KeepHeadingWithRows)."""
        g = self.g
        end = self.stop if self.stop - self.start <= max(rows, SHORT_ROWS) else self.start + rows
        return g.head_h + g.prefix[end] - g.prefix[self.start]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Cut where tables.page_end says, as PagedTable does: the totals row (the last, when
        shaded) never alone, the table not begun at a page's foot with fewer than MIN_ROWS."""
        g = self.g
        prefix = g.prefix if self.stop == len(g.rows) else g.prefix[:self.stop + 1]
        atop = getattr(getattr(self, "_frame", None), "_atTop", False)
        end = page_end(prefix, self.start, avail_height - g.head_h,
                       totals=1 if g.last_bg else 0, atop=atop)
        if end is None:
            return []  # too few rows here: the frame moves on to the next page
        if end >= self.stop:
            return [self]
        return [self._part(self.start, end), self._part(end, self.stop)]

    def _text(self, tx, row: Sequence[Cell], top: float, h: float, paras: list,
              aligns: Sequence[str], face: str) -> None:
        g = self.g
        have = fonts.covered(face)
        for cell, x0, w, align in zip(row, g.xs[:-1], g.widths, aligns, strict=True):
            if isinstance(cell, Paragraph):
                ph = cell.wrap(w - 2 * g.pad, 1e6)[1]
                paras.append((cell, x0 + g.pad, top - (h - ph) / 2 - ph))
                continue
            lines = cell.split("\n")
            y = top - (h - len(lines) * g.leading) / 2 - g.leading + (g.leading - g.size) / 2 \
                + g.size * 0.12  # the baseline: the text's box centred in the row
            for line in lines:
                plain = have.issuperset(line)  # all in the face: drawn as before, at once
                runs = () if plain else fonts.runs(line, face)
                if align == "LEFT":
                    x = x0 + g.pad
                else:
                    tw = (stringWidth(line, face, g.size) if plain
                          else sum(stringWidth(t, f, g.size) for f, t in runs))
                    x = x0 + w - g.pad - tw if align == "RIGHT" else x0 + (w - tw) / 2
                tx.setTextOrigin(x, y)
                if plain:
                    tx.textOut(line)
                for f, t in runs:  # a character the face lacks, in a face that has it
                    if f != face:
                        tx.setFont(f, g.size, g.leading)
                    tx.textOut(t)
                    if f != face:
                        tx.setFont(face, g.size, g.leading)
                y -= g.leading

    def draw(self) -> None:
        g, c = self.g, self.canv
        width, top = g.xs[-1], self.height
        tops = [top - g.head_h - (g.prefix[i] - g.prefix[self.start])
                for i in range(self.start, self.stop + 1)]
        c.saveState()
        c.setFillColor(g.head_bg)
        c.rect(0, top - g.head_h, width, g.head_h, stroke=0, fill=1)
        for i in range(self.start, self.stop):
            last = i == len(g.rows) - 1 or i in g.shaded
            fill = g.last_bg if last and g.last_bg else g.stripe if i % 2 else None
            if fill is not None:
                y0, y1 = tops[i - self.start], tops[i - self.start + 1]
                c.setFillColor(fill)
                c.rect(0, y1, width, y0 - y1, stroke=0, fill=1)
        tx = c.beginText()
        tx.setFillColor(g.head_fg)
        tx.setFont(g.head_font, g.size, g.leading)
        paras: list = []
        self._text(tx, g.header, top, g.head_h, paras, ["CENTER"] * len(g.widths), g.head_font)
        tx.setFillColor(colors.black)
        tx.setFont(g.font, g.size, g.leading)
        for i in range(self.start, self.stop):
            y0, y1 = tops[i - self.start], tops[i - self.start + 1]
            self._text(tx, g.rows[i], y0, y0 - y1, paras, g.aligns, g.font)
        c.drawText(tx)
        for p, x, y in paras:
            p.drawOn(c, x, y)
        c.setStrokeColor(g.grid)
        c.setLineWidth(0.4)
        rules = [(0, y, width, y) for y in (top, *tops)]
        rules += [(x, top, x, tops[-1]) for x in g.xs]
        c.lines(rules)
        c.restoreState()
