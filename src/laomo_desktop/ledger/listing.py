"""A section's list as the user sees it (its rows in the shown order, after the year, the filter
text and "show all"), turned into what the exported list and the printed list both print: a
title, typed columns, typed cells and the totals lines.

The totals are computed here once, from the raw values (fen integers, never floats), so the
footer under a table, the workbook, the CSV file and the PDF cannot disagree. Documents are
worded in Chinese, as every other document of the program; the GUI words the same figures
through its translations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from laomo_desktop.ledger import kinds, money
from laomo_desktop.ledger.kinds.base import COUNT as COUNT  # re-exported, as the other units
from laomo_desktop.ledger.kinds.base import FEN, HOURS, PERSONS, SESSIONS, WAN
from laomo_desktop.ledger.period import period
from laomo_desktop.ledger.queries import EXTRAS, in_period_sql
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.visible import visible

TEXT, MONEY, DATE, INT, NUMBER = "text", "money", "date", "int", "number"
NOT_PROVIDED = "未提供"

# What a figure counts (FEN, WAN, SESSIONS, PERSONS, HOURS, COUNT) is declared with the kinds'
# totals (ledger/kinds/base.py) and imported from there.
# What a totals line is: the line of a list's totals, or one of the three lines of the funds.
TOTAL, INCOME, EXPENSE, BALANCE = "total", "income", "expense", "balance"
LINE_LABEL = {TOTAL: "合计", INCOME: "收入合计", EXPENSE: "支出合计", BALANCE: "结余"}


@dataclass(frozen=True)
class Figure:
    """One total, printed under the column `column`."""

    column: str
    value: int | Decimal  # fen for FEN and WAN; hours as an exact decimal; else a count
    unit: str


@dataclass(frozen=True)
class TotalLine:
    """A line under the table: its label (under `label_column`) and its figures."""

    key: str
    label_column: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Column:
    name: str
    header: str  # as documents print it: a money column says its unit, "金额（元）"
    type: str


@dataclass
class Listing:
    title: str
    subtitle: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)  # str | int | Decimal (元) | date | None
    totals: list[TotalLine] = field(default_factory=list)
    file_stem: str = ""


# -- totals --------------------------------------------------------------------------------

def _sum(rows: Iterable[tuple], at: int, times: Sequence[int] | None = None) -> int:
    if times is None:
        return sum(int(r[at]) for r in rows if r[at] is not None)
    return sum(int(r[at]) * n for r, n in zip(rows, times, strict=True) if r[at] is not None)


def _hours(rows: Iterable[tuple], at: int, times: Sequence[int] | None = None) -> Decimal:
    """Hours are stored as floats: each is read as the table shows it (15 significant digits),
    so 0.1 + 0.2 sums to 0.3, as a spreadsheet shows it."""
    weights = times if times is not None else [1] * len(rows)  # type: ignore[arg-type]
    return sum((Decimal(format(r[at], ".15g")) * n for r, n in zip(rows, weights, strict=True)
                if r[at] is not None), Decimal(0))


def totals(kind_name: str, columns: Sequence[str], rows: Sequence[tuple],
           times: Sequence[int] | None = None) -> list[TotalLine]:
    """The totals lines of `rows` ((uid, version, *values of `columns`), what is shown); none
    for a section without money or count columns. As the kind declares them (KindRules.totals);
    a kind with a `balance` (funds): income, expense and balance. `times`: how many shown rows
    each row stands for (rows of equal values read once, as a GROUP BY gives them)."""
    at = {c: i + 2 for i, c in enumerate(columns)}
    rules = kinds.rules(kind_name)
    if rules.balance is not None:
        direction_field, amount_field = rules.balance
        if amount_field not in at or direction_field not in at:
            return []
        amount, direction = at[amount_field], at[direction_field]
        weights = list(times) if times is not None else [1] * len(rows)
        income = sum(int(r[amount]) * n for r, n in zip(rows, weights, strict=True)
                     if r[direction] == E.FundDirection.INCOME and r[amount] is not None)
        expense = sum(int(r[amount]) * n for r, n in zip(rows, weights, strict=True)
                      if r[direction] == E.FundDirection.EXPENSE and r[amount] is not None)
        return [TotalLine(key, direction_field, (Figure(amount_field, value, FEN),))
                for key, value in ((INCOME, income), (EXPENSE, expense),
                                   (BALANCE, income - expense))]
    spec = rules.totals
    if spec is None:
        return []
    label_column, wanted = spec
    figures = []
    for column, unit in wanted:
        if column not in at:
            continue
        if unit == SESSIONS:
            value: int | Decimal = len(rows) if times is None else sum(times)
        elif unit == HOURS:
            value = _hours(rows, at[column], times)
        else:
            value = _sum(rows, at[column], times)
        figures.append(Figure(column, value, unit))
    if not figures:
        return []
    if label_column not in at:
        label_column = columns[0]
    return [TotalLine(TOTAL, label_column, tuple(figures))]


def has_totals(kind_name: str) -> bool:
    rules = kinds.rules(kind_name)
    return rules.balance is not None or rules.totals is not None


def totalled_columns(kind_name: str) -> frozenset[str]:
    """The columns `totals` reads (a list reads only these for its footer)."""
    rules = kinds.rules(kind_name)
    if rules.balance is not None:
        return frozenset(rules.balance)
    if rules.totals is None:
        return frozenset()
    return frozenset(c for c, unit in rules.totals[1] if unit != SESSIONS)  # a count: no value


def figure_text(f: Figure) -> str:
    """A figure as a document prints it: "1,234.56" under a 元 column, "12.35 万元", "5 场"."""
    if f.unit == FEN:
        return money.yuan(int(f.value))
    if f.unit == WAN:
        return f"{money.wan(int(f.value))} 万元"
    if f.unit == SESSIONS:
        return f"{f.value} 场"
    if f.unit == PERSONS:
        return f"{f.value} 人次"
    if f.unit == HOURS:
        return f"{hours_text(Decimal(f.value))} 学时"
    return f"{f.value:,}"


def hours_text(value: Decimal) -> str:
    """An exact sum of hours without trailing zeros: 12.5, 36."""
    return format(value.normalize(), "f") if value else "0"


# -- columns and cells ---------------------------------------------------------------------

def _extra(kind: S.Kind, name: str):
    return next((e for e in EXTRAS.get(kind.name, ()) if e.name == name), None)


def column(kind: S.Kind, name: str) -> Column:
    """The column as a document heads it, and the type its cells are written as."""
    extra = _extra(kind, name)
    if extra is not None and extra.type == S.MONEY:
        return Column(name, f"{extra.label}（元）", MONEY)
    if extra is not None:
        return Column(name, extra.label, INT if name in ("person_times", "targets") else TEXT)
    if kinds.rules(kind).is_file and name == "size":
        return Column(name, "大小（KB）", INT)
    f = kind.field(name)
    if f.type == S.MONEY:
        return Column(name, f"{f.label}（元）", MONEY)
    if f.type == S.DATE:
        return Column(name, f.label, DATE)
    if f.type in (S.INT, S.YEAR):
        return Column(name, f.label, INT)
    if f.type == S.FLOAT:
        return Column(name, f.label, NUMBER)
    return Column(name, f.label, TEXT)


def cell(kind: S.Kind, name: str, value):
    """A stored value as a typed cell: 元 as an exact decimal, a date as a date, a choice by
    its Chinese name; a long text whole (the table cuts it, a document must not)."""
    if value is None or value == "":
        f = None if _extra(kind, name) else kind.field(name)
        return "否" if f is not None and f.type == S.BOOL else None
    if name == "skill_level" and _extra(kind, name):
        return _choice(E.SkillLevel, value)
    if (extra := _extra(kind, name)) is not None and extra.type == S.MONEY:
        return Decimal(int(value)).scaleb(-2)
    if extra is not None and extra.choices is not None:  # one code or several
        return "、".join(_choice(extra.choices, c) for c in str(value).split(",") if c)
    if _extra(kind, name):
        return value if isinstance(value, int) else visible(str(value))
    if kinds.rules(kind).is_file:
        if name == "size":
            return (int(value) + 512) // 1024
        if name == "owner_kind":
            return S.kind(value).label if value in S.BY_NAME else visible(str(value))
    f = kind.field(name)
    if f.type == S.MONEY:
        return Decimal(int(value)).scaleb(-2)
    if f.type == S.DATE:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return visible(str(value))
    if f.type in (S.INT, S.YEAR):
        return int(value)
    if f.type == S.FLOAT:
        return Decimal(format(value, ".15g"))
    if f.type == S.BOOL:
        return "是" if value else "否"
    if f.type == S.CHOICE:
        return _choice(f.choices, value)
    if f.type == S.MULTI:
        return "、".join(_choice(f.choices, c) for c in str(value).split(",") if c)
    return visible(str(value), keep_newlines=f.type == S.LONGTEXT)


def _choice(choices: type[E.Choice] | None, code: str) -> str:
    if choices is None:
        return str(code)
    try:
        return choices(code).zh
    except ValueError:
        return visible(str(code))


# -- the whole list ------------------------------------------------------------------------

def scope_text(kind_name: str, year: int | None, show_all: bool) -> str:
    """Which records the list holds: "2025 年度", "全部记录", or both when "show all" is on."""
    if not year or in_period_sql(S.kind(kind_name)) is None:
        return "全部记录"
    short = period(year).short
    return f"全部记录（含不在 {short} 的记录）" if show_all else short


def build(kind_name: str, columns: Sequence[str], rows: Sequence[tuple], *, studio: str,
          section: str, year: int | None, show_all: bool = False, filter_text: str = "",
          withheld: Iterable[str] = (), total_count: int | None = None,
          today: date | None = None) -> Listing:
    """The list of `rows` ((uid, version, *values of `columns`) in the shown order) of one
    studio's section, with what the user chose to see named in the title and subtitle."""
    kind = S.kind(kind_name)
    hidden = frozenset(withheld)
    scope = scope_text(kind_name, year, show_all)
    title = f"{studio} · {section} · {scope}"
    parts = []
    if filter_text.strip():
        parts.append(f"筛选：“{visible(filter_text.strip())}”")
    shown = f"共 {len(rows)} 条"
    if total_count is not None and total_count != len(rows):
        shown = f"显示 {len(rows)} 条（共 {total_count} 条）"
    parts.append(shown)
    parts.append(f"制表日期：{date_cn(today or date.today())}")
    cols = [column(kind, c) for c in columns]
    body = [[NOT_PROVIDED if c in hidden else cell(kind, c, v)
             for c, v in zip(columns, r[2:], strict=False)] for r in rows]
    stem_scope = scope.split("（")[0].replace(" ", "")
    return Listing(title=title, subtitle="　".join(parts), columns=cols, rows=body,
                   totals=totals(kind_name, columns, rows),
                   file_stem=f"{studio}-{section}-{stem_scope}")


def total_cells(listing: Listing, line: TotalLine) -> list[Figure | str | None]:
    """The cells of a totals line across the listing's columns: the label, the figures, gaps."""
    out: list[Figure | str | None] = [None] * len(listing.columns)
    names = [c.name for c in listing.columns]
    if line.label_column in names:
        out[names.index(line.label_column)] = LINE_LABEL[line.key]
    for f in line.figures:
        if f.column in names:
            out[names.index(f.column)] = f
    return out
