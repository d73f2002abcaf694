"""How values look on screen, in the chosen language: dates, money, choices, labels."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from laomo_desktop import texts
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S

if TYPE_CHECKING:  # the statistics year reads the ledger: loaded when a year is first shown
    from laomo_desktop.ledger.period import Period

_lang = {"code": "zh_CN"}


def set_language(code: str) -> None:
    _lang["code"] = code
    texts.set_language(code)  # what the core says follows the screen's language
    choice_label.cache_clear()
    date_text.cache_clear()


def is_chinese() -> bool:
    return _lang["code"].startswith("zh")


def label(item: S.Field | S.Kind | S.Child) -> str:
    return item.label if is_chinese() else item.en


@lru_cache(maxsize=4096)
def choice_label(choices: type[E.Choice], code: str | None) -> str:
    if not code:
        return ""
    try:
        c = choices(code)
    except ValueError:
        return code
    return c.zh if is_chinese() else c.en


@lru_cache(maxsize=16384)
def date_text(iso: str | None) -> str:
    if not iso:
        return ""
    if is_chinese():
        return date_cn(iso)
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return d.strftime("%d %b %Y")


def money_text(fen: int | None) -> str:
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


def wan_text(fen: int | None) -> str:
    """万元 with two decimals; an amount nobody entered stays empty (never "0.00")."""
    return "" if fen is None else f"{fen / 1_000_000:,.2f}"


def year_text(year: int, p: Period | None = None) -> str:
    """A statistics year in running text: "2025 年度" or "2025 统计年度" (under the ledger's
    setting unless `p` is given)."""
    from laomo_desktop.ledger.period import period

    p = p or period(year)
    if is_chinese():
        return p.short
    return str(year) if p.start_month == 1 else f"statistics year {year}"


def period_label(year: int, p: Period | None = None) -> str:
    """A statistics year with its days when it is not the calendar year, as the year selector
    and the documents name it: "2025 统计年度（2024-10-01 至 2025-09-30）"."""
    from laomo_desktop.ledger.period import period

    p = p or period(year)
    if is_chinese():
        return p.label
    return str(year) if p.start_month == 1 else f"{year} ({p.start} to {p.end})"


def wan_unit_text(fen: int | None) -> str:
    """万元 with two decimals and its unit: "50.00 万元"; no unit without a number."""
    if fen is None:
        return ""
    return f"{wan_text(fen)} 万元" if is_chinese() else f"{wan_text(fen)} × 10k yuan"


def bool_text(v) -> str:
    if is_chinese():
        return "是" if v else "否"
    return "Yes" if v else "No"


def listed(items) -> str:
    """Items in running text: "甲、乙" in Chinese, "a, b" in English."""
    return ("、" if is_chinese() else ", ").join(items)


def clauses(items) -> str:
    """Sentences or complaints run together: "…；…" in Chinese, "…; …" in English."""
    return ("；" if is_chinese() else "; ").join(items)


def noted(text: str, note: str) -> str:
    """A text with a note after it: "文件（2 KB）" in Chinese, "file (2 KB)" in English."""
    return f"{text}（{note}）" if is_chinese() else f"{text} ({note})"


def titled(name: str, text: str) -> str:
    """A name and what it says: "成员：王芳" in Chinese, "Member: Wang Fang" in English."""
    return f"{name}：{text}" if is_chinese() else f"{name}: {text}"


def multi_text(choices: type[E.Choice], codes: str | None) -> str:
    return listed(choice_label(choices, c) for c in (codes or "").split(",") if c)


def value_text(f: S.Field, v) -> str:
    """A stored value as the user reads it in a table cell. An empty number, amount or date
    leaves the cell empty, as in a spreadsheet (never 0: a typed 0 shows as 0)."""
    if v is None or v == "":
        return "" if f.type != S.BOOL else bool_text(False)
    if f.type == S.MONEY:
        return money_text(v)
    if f.type == S.DATE:
        return date_text(v)
    if f.type == S.BOOL:
        return bool_text(v)
    if f.type == S.CHOICE:
        return choice_label(f.choices, v)
    if f.type == S.MULTI:
        return multi_text(f.choices, v)
    if f.type == S.FLOAT:
        return format(v, ".15g")
    if f.type == S.LONGTEXT:
        text = str(v).replace("\n", " ")
        return text if len(text) <= 60 else text[:60] + "…"
    return str(v)
