"""Money as people read it: integer fen shown in 元 or 万元 with two decimals, rounded half up
with integer arithmetic (never through a float, where 0.125 万元 would print as 0.12). The
documents, the command line and the self-assessment all word amounts through here."""

from __future__ import annotations

FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 fen


def hundredths(amount: int, unit: int) -> str:
    """`amount` / `unit` with two decimals and thousands separators, rounded half up."""
    sign, amount = ("-", -amount) if amount < 0 else ("", amount)
    step = unit // 100
    cents = (amount + step // 2) // step
    if cents == 0:
        sign = ""
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def wan(fen: int | None) -> str:
    """万元 with two decimals: 50,000,000 fen → "50.00"."""
    return "" if fen is None else hundredths(int(fen), FEN_PER_WAN)


def yuan(fen: int | None) -> str:
    """元 with two decimals: 1,234,567 fen → "12,345.67"."""
    return "" if fen is None else hundredths(int(fen), 100)
