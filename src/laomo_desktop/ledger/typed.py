"""What people type, read as they mean it: dates written the ways a spreadsheet takes them
(2026-4-20, 2026/4/20, 2026.4.20, 20260420, 2026年4月20日) and full-width digits from an input
method. Text that cannot be read is returned as typed, so the services refuse it with a message
(never an empty value in its place)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from laomo_desktop.texts import Message, Text

_FULL_WIDTH = str.maketrans("０１２３４５６７８９－．／，　", "0123456789-./, ")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


CHINESE_DATE = "{year}年{month}月{day}日"  # how documents write a day (the reader above takes it)


def date_cn(value: date | str | None) -> str:
    """A day as Chinese documents write it ("2025年3月5日"); text that is not an ISO date is
    given back as it is, and no date as ""."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return CHINESE_DATE.format(year=value.year, month=value.month, day=value.day)


def half_width(text: str) -> str:
    """Full-width digits and their punctuation as ASCII."""
    return text.translate(_FULL_WIDTH)


def date_parts(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of text written the way a date is, whether or not that day exists
    (2026-02-30 gives (2026, 2, 30))."""
    t = half_width(text.strip())
    m = _DATE.fullmatch(t) or _COMPACT.fullmatch(t)
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def date_text(text: str) -> str:
    """An ISO date for a typed date, or the text as typed (stripped) when it is not one."""
    raw = text.strip()
    parts = date_parts(raw)
    if parts is None:
        return raw
    try:
        return date(*parts).isoformat()
    except ValueError:  # 2026-02-30 and the like: the services say why it is not a date
        return raw


NO_SUCH_MONTH = Text("没有 {month} 月（月份应为 1 至 12）",
                     "there is no month {month} (months are 1 to 12)")
SHORT_MONTH = Text("{year} 年 {month} 月只有 {last} 天",
                   "{year} has only {last} days in month {month}")
DAY_FROM_ONE = Text("日应为 1 以上", "the day must be 1 or more")


def no_such_day(parts: tuple[int, int, int]) -> Message:
    """Why a date written the right way is not a day of the calendar, in the user's terms."""
    year, month, day = parts
    if not 1 <= month <= 12:
        return NO_SUCH_MONTH(month=month)
    last = calendar.monthrange(year, month)[1]
    return SHORT_MONTH(year=year, month=month, last=last) if day > last else DAY_FROM_ONE()


_MONEY = re.compile(r"-?\d+(\.\d{1,2})?")
_WHOLE = re.compile(r"-?\d+")
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
NUMBER_SEPARATORS = re.compile(r"[,，\s]")  # thousands separators, half- and full-width


def number_text(text: str) -> str:
    """A typed number with full-width digits made ASCII and thousands separators (1,200 or
    1，200) and spaces taken out."""
    return NUMBER_SEPARATORS.sub("", half_width(text))


def number_value(text: str, kind: str) -> int | float | str | None:
    """What a typed number means for a field of type `kind` ("int", "year", "float" or
    "money", money in fen): None when empty, the text as typed when it is not such a number
    (the services then refuse it with a message)."""
    t = number_text(text)
    if not t:
        return None
    if kind == "money":
        if not _MONEY.fullmatch(t):
            return text.strip()
        whole, _, cents = t.lstrip("-").partition(".")
        fen = int(whole) * 100 + int((cents + "00")[:2])
        return -fen if t.startswith("-") else fen
    if kind == "float":
        return float(t) if _DECIMAL.fullmatch(t) else text.strip()
    return int(t) if _WHOLE.fullmatch(t) else text.strip()
