"""Headings numbered as Chinese official documents number them — 一、 （一） 1. （1） — and
tables titled 表1, 表2 … above them. The numbers are counted as the headings are made, so a
section left out (no 党建 to report) leaves no gap: "九、荣誉" follows "八、…"."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Paragraph

from laomo_desktop.reports import layout
from laomo_desktop.reports.text import esc

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (as headings count)."""
    if not 0 < n < 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def label(level: int, n: int) -> str:
    """The number of the `n`th heading at `level` (1 to 4), with its punctuation."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


class BoldParagraph(Paragraph):
    """A paragraph drawn bold in a face without a bold weight (仿宋 has none): each glyph is
    filled and outlined in its own colour (PDF text rendering mode 2), as word processors
    embolden 仿宋_GB2312."""

    def beginText(self, x, y):  # noqa: N802 - ReportLab API
        text = super().beginText(x, y)
        text.setTextRenderMode(2)
        return text

    def drawPara(self, debug=0):  # noqa: N802 - ReportLab API
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * 0.035)
        canvas.setStrokeColor(self.style.textColor)
        try:
            super().drawPara(debug)
        finally:
            canvas.restoreState()


class Outline:
    """The numbering of one document: `heading(level, text)` numbers it under the last heading
    one level up; `table_title(text)` numbers tables through the document."""

    def __init__(self, st: dict, table_prefix: str = "表", chinese_tables: bool = False):
        self.st = st
        self.counts = [0, 0, 0, 0]
        self.tables = 0
        self.table_prefix = table_prefix  # 表1 …, or 附表一 … with `chinese_tables`
        self.chinese_tables = chinese_tables

    def number(self, level: int) -> str:
        self.counts[level - 1] += 1
        for deeper in range(level, len(self.counts)):
            self.counts[deeper] = 0
        return label(level, self.counts[level - 1])

    def heading(self, level: int, text: str) -> Paragraph:
        """The next heading at `level` (1–4), numbered, in its level's style."""
        words = self.number(level) + esc(text)
        style = self.st[f"h{level}"]
        return BoldParagraph(words, style) if level == 3 else Paragraph(words, style)

    def table_title(self, text: str) -> str:
        """"表N text": the next table's title (layout.table prints it above the table)."""
        self.tables += 1
        n = chinese_number(self.tables) if self.chinese_tables else str(self.tables)
        return f"{self.table_prefix}{n} {text}"

    def table(self, header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
              *, title: str, **options) -> list:
        """layout.table titled "表N `title`" above it (one with no rows: its title over the
        note saying so, so that the numbers of the tables do not change with the year)."""
        return layout.table(self.st, header, rows, widths, title=self.table_title(title),
                            **options)
