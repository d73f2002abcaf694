"""What people type, read as they mean it: dates written the ways a spreadsheet takes them
(2026-4-20, 2026/4/20, 2026.4.20, 20260420, 2026年4月20日) and full-width digits from an input
method. Text that cannot be read is returned as typed, so the services refuse it with a message
(never an empty value in its place)."""

from __future__ import annotations

import re
from datetime import date

_FULL_WIDTH = str.maketrans("０１２３４５６７８９－．／，　", "0123456789-./, ")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def half_width(text: str) -> str:
    """Full-width digits and their punctuation as ASCII."""
    return text.translate(_FULL_WIDTH)


def date_text(text: str) -> str:
    """An ISO date for a typed date, or the text as typed (stripped) when it is not one."""
    raw = text.strip()
    t = half_width(raw)
    m = _DATE.fullmatch(t) or _COMPACT.fullmatch(t)
    if not m:
        return raw
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:  # 2026-02-30 and the like: the services say it is not a date
        return raw
