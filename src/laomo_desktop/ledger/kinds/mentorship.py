"""Mentoring pairs: from the agreement to 出师, or to an ending without 出师."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules, Span, before, label, q
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    apprentice, name = q(label(kind, "apprentice")), q(label(kind, "apprentice_name"))
    if not row.get("apprentice") and not row.get("apprentice_name"):
        errors.setdefault("apprentice_name", f"请选择{apprentice}或填写{name}")
    if row.get("apprentice") and row.get("apprentice") == row.get("master"):
        errors["apprentice"] = f"{apprentice}不能与{q(label(kind, 'master'))}是同一人"
    before(kind, row, errors, "agreement_date", "graduated_on")
    if row.get("graduated_on") and row.get("ended_on"):
        errors.setdefault("ended_on", f"{q(label(kind, 'graduated_on'))}和"
                                      f"{q(label(kind, 'ended_on'))}只能填一个：出师的结对不是解除，"
                                      "未出师就解除的结对没有出师日期")
    before(kind, row, errors, "agreement_date", "ended_on")


RULES = KindRules(
    validate=_validate,
    span=Span("agreement_date", ("graduated_on", "ended_on")),
    later={"graduated_on": ("promoted",), "ended_on": ()},
    section=Both("师徒结对", "Mentoring pairs"),
    columns=("master", "apprentice", "apprentice_name", "agreement_date", "goal", "graduated_on",
             "ended_on"),
    count_words=("本年度在带师徒结对", "Mentoring pairs under way", "对"),
)
