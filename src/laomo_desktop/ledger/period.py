"""The union's statistics year: which days a year's figures and documents cover.

Most unions count January to December; some count a statistics year from 10-01 to 09-30. The
ledger keeps its union's first month (统计年度起始月) as a setting; statistics year Y is the twelve
months that end in year Y: with October, "2025" runs from 2024-10-01 to 2025-09-30. Fields that
hold a year (a plan's, a benefit's, an honour's) name the statistics year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import peewee as pw

from laomo_desktop.errors import LaomoError
from laomo_desktop.store.models import database
from laomo_desktop.texts import Message, Text, worded

CALENDAR_YEAR = Text("{year} 年度", "{year}")
STATISTICS_YEAR = Text("{year} 统计年度", "statistics year {year}")
STATISTICS_DAYS = Text("{year} 统计年度（{start} 至 {end}）", "{year} ({start} to {end})")
BAD_START_MONTH = Text("统计年度起始月必须是 1 到 12 之间的整数，现在是“{value}”。",
                       'The first month of the statistics year must be a whole number from 1 to '
                       '12, not "{value}".')

SETTING = "year_start_month"


@dataclass(frozen=True)
class Period:
    year: int
    start_month: int = 1

    @property
    def start(self) -> str:
        """The first day, ISO."""
        if self.start_month == 1:
            return f"{self.year:04d}-01-01"
        return f"{self.year - 1:04d}-{self.start_month:02d}-01"

    @property
    def end(self) -> str:
        """The last day, ISO."""
        if self.start_month == 1:
            return f"{self.year:04d}-12-31"
        last = self.start_month - 1
        return f"{self.year:04d}-{last:02d}-{calendar.monthrange(self.year, last)[1]:02d}"

    @property
    def day_before(self) -> str:
        """The last day of the period before, ISO: balances carried in are taken there."""
        return Period(self.year - 1, self.start_month).end

    @property
    def said_label(self) -> Message:
        """How the selector and the documents name the year, in either language."""
        if self.start_month == 1:
            return CALENDAR_YEAR(year=self.year)
        return STATISTICS_DAYS(year=self.year, start=self.start, end=self.end)

    @property
    def said_short(self) -> Message:
        return (CALENDAR_YEAR if self.start_month == 1 else STATISTICS_YEAR)(year=self.year)

    @property
    def label(self) -> str:
        """The year as the (Chinese) documents name it."""
        return worded(self.said_label, "zh")

    @property
    def short(self) -> str:
        return worded(self.said_short, "zh")

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of the twelve months in order."""
        out, y, m = [], int(self.start[:4]), self.start_month
        for _ in range(12):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def params(self) -> dict:
        """The named parameters every period query takes."""
        return {"year": self.year, "start": self.start, "end": self.end,
                "before": self.day_before}

    def contains(self, iso: str | None) -> bool:
        return bool(iso) and self.start <= iso[:10] <= self.end


def year_of(day: date | str, start_month: int) -> int:
    """The statistics year a day falls in."""
    d = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    return d.year + 1 if start_month > 1 and d.month >= start_month else d.year


def check_start_month(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise LaomoError(BAD_START_MONTH(value=value))
    return value


def start_month() -> int:
    """This ledger's first month of the statistics year (1 unless set)."""
    try:
        row = database.execute_sql("SELECT value FROM ledger_info WHERE key = ?",
                                   (SETTING,)).fetchone()
    except pw.OperationalError:  # a ledger from before schema step 3 being opened
        return 1
    try:
        return check_start_month(int(row[0])) if row else 1
    except (ValueError, LaomoError):
        return 1


def set_start_month(month: int) -> None:
    """Change the ledger's statistics year; every figure and document follows it."""
    month = check_start_month(month)
    with database.atomic():
        database.execute_sql("INSERT OR REPLACE INTO ledger_info (key, value) VALUES (?, ?)",
                             (SETTING, str(month)))


def period(year: int) -> Period:
    """Statistics year `year` under this ledger's setting."""
    return Period(year, start_month())


def current_year(today: date | None = None) -> int:
    return year_of(today or date.today(), start_month())
