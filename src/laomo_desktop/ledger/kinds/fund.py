"""Fund entries: an amount above zero; income names its source, an expense its category."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules, label, q
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    if row.get("amount_fen") == 0:
        errors.setdefault("amount_fen", f"{q(label(kind, 'amount_fen'))}必须大于 0")
    income, expense = E.FundDirection.INCOME, E.FundDirection.EXPENSE
    if row.get("direction") == income and not row.get("source"):
        errors.setdefault("source", f"{income.zh}必须选择{q(label(kind, 'source'))}")
    if row.get("direction") == expense and not row.get("category"):
        errors.setdefault("category", f"{expense.zh}必须选择{q(label(kind, 'category'))}")


RULES = KindRules(
    validate=_validate,
    section=Both("经费", "Funds"),
    columns=("date", "direction", "source", "category", "amount_fen", "note", "voucher_no"),
    balance=("direction", "amount_fen"),
)
