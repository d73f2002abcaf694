"""A document described once, as a list of blocks, and printed two ways: as PDF flowables
(pdf_render.flowables) and as a Word document (docx_render.write_docx). The builders
(reports/annual.py, plan.py) say what the document holds and in what order; how a heading or a
table looks is the renderers' business, so the PDF and the .docx cannot drift apart.

Blocks carry the user's text as it is (no markup): each renderer escapes it its own way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from laomo_desktop.reports.headings import chinese_number, label


@dataclass(frozen=True)
class Cover:
    """A page of its own: the title and the lines under it (no header or footer)."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Title:
    """The title of a document without a cover, above its first heading; `breaks`: where it
    may break when it does not fit on one line (between a name and 2025年度报告), so a
    renderer never leaves a character or two alone on the second line."""

    text: str
    breaks: tuple[int, ...] = ()

    def lines(self, fits: Callable[[str], bool]) -> str:
        """The text, broken at the break that fits and balances the lines best when `fits`
        (a line's width against the page's) says it is too long for one line."""
        if fits(self.text):
            return self.text
        ok = [b for b in self.breaks if 0 < b < len(self.text)
              and fits(self.text[:b]) and fits(self.text[b:])]
        if not ok:
            return self.text
        b = min(ok, key=lambda b: abs(len(self.text) - 2 * b))
        return self.text[:b] + "\n" + self.text[b:]


@dataclass(frozen=True)
class Heading:
    """A heading at `level` 1–3, its number (一、（一）1.) already part of `text`."""

    level: int
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph; `role`: body (indented, justified), right (the seal line), plain (not
    indented), small (a note in the tables' face) or table_title (a title over a table)."""

    text: str
    role: str = "body"


@dataclass(frozen=True)
class Table:
    """A table under its title (表N …); `widths` are weights; `totals` are sum rows under the
    rows; with no rows the `empty` note is printed under the title instead."""

    title: str
    header: tuple[str, ...]
    rows: list[list[Any]]
    widths: tuple[float, ...]
    totals: tuple[tuple[Any, ...], ...] = ()
    empty: str = "（无记录）"
    compact: bool = False  # a point smaller: many columns across the page (the roster)


@dataclass(frozen=True)
class KeyValues:
    """Labels and values in a compact grid (the studio's basic facts)."""

    pairs: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Chart:
    """A chart (`draw` makes the ReportLab drawing) and the figures it shows, for a document
    that cannot show the drawing: `header` names the two columns of `items`."""

    title: str
    header: tuple[str, str]
    items: tuple[tuple[str, Any], ...]
    draw: Callable[[], Any] = field(repr=False, compare=False)
    empty: str = ""  # what the chart says when `items` is empty


@dataclass(frozen=True)
class Criterion:
    """One row of a score sheet: its area (merged over the rows of the same area), the item
    with what the ledger shows, the points, the scoring rule and the self-assessed score."""

    area: str
    item: str
    found: str
    points: str
    standard: str
    score: str


@dataclass(frozen=True)
class ScoreSheet:
    """The self-assessment sheet inspectors score on (reports/packet_sheet.py): its criteria,
    then 合计, 自评结论 and rows for the signature, the seal and the date."""

    criteria: tuple[Criterion, ...]
    points: str
    score: str
    conclusion: str


FormRow = tuple[str, Any] | tuple[tuple[str, Any], tuple[str, Any]]


@dataclass(frozen=True)
class Form:
    """A registration form: each row one (label, value) across the width, or two side by side."""

    rows: tuple[FormRow, ...]


@dataclass(frozen=True)
class Photo:
    """A picture of a record: its file in the store (or None when it cannot be found), the
    name it was attached under, and the words under it."""

    file: Path | None
    filename: str
    caption: str


@dataclass(frozen=True)
class Photos:
    """A record's pictures, two to a row."""

    photos: tuple[Photo, ...]


@dataclass(frozen=True)
class SignIn:
    """A sign-in sheet: 序号, 姓名, 岗位/单位 and blank rows to sign; `outside`: people from
    elsewhere, listed apart."""

    people: tuple[tuple[str, str], ...]
    outside: int = 0


@dataclass(frozen=True)
class Record:
    """One record of a book under its heading, kept on one page where it fits; the first
    record of a section carries the section's heading (`section`), printed above its own and
    kept with it, so a section's heading never ends a page alone."""

    heading: Heading
    parts: tuple[Any, ...]
    section: Heading | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Space:
    """Vertical room in points (the PDF's spacers; a word processor keeps its own)."""

    points: float


Block = (Cover | Title | Heading | Para | Table | KeyValues | Chart | ScoreSheet | Form | Photos
         | SignIn | Record | PageBreak | Space)


class Outline:
    """The numbering of one document, as headings.Outline numbers a PDF's: `heading` numbers a
    heading under the last one a level up, `table` titles tables 表1 … (or 附表一 …)."""

    def __init__(self, table_prefix: str = "表", chinese_tables: bool = False):
        self.counts = [0, 0, 0, 0]
        self.tables = 0
        self.table_prefix, self.chinese_tables = table_prefix, chinese_tables

    def heading(self, level: int, text: str) -> Heading:
        self.counts[level - 1] += 1
        for deeper in range(level, len(self.counts)):
            self.counts[deeper] = 0
        return Heading(level, label(level, self.counts[level - 1]) + text)

    def table(self, header: Sequence[str], rows: Sequence[Sequence], widths: Sequence[float],
              *, title: str, totals: Sequence[Sequence] = (), empty: str = "（无记录）") -> Table:
        return Table(self.table_title(title), tuple(header), [list(r) for r in rows],
                     tuple(widths), tuple(tuple(t) for t in totals), empty)

    def table_title(self, title: str) -> str:
        """"表N title": the next table's number (a title printed on its own)."""
        self.tables += 1
        n = chinese_number(self.tables) if self.chinese_tables else str(self.tables)
        return f"{self.table_prefix}{n} {title}"


def cell_text(value: Any) -> str:
    """A cell's value as printed: None is an empty cell."""
    return "" if value is None else str(value)
