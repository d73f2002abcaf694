"""Notices (通知) from the union: who issued it, its document number, the due date and the
items to hand in, each ticked done. Not a figure of the year; the overview counts down to
the next due date (ledger/notices.py)."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules, before
from laomo_desktop.texts import Both

_ITEMS = "FROM notice_item i WHERE i.parent_id = t.id"


def _validate(kind, row, children, ctx, errors) -> None:
    before(kind, row, errors, "received_on", "closed_on")


RULES = KindRules(
    validate=_validate,
    extras=(Extra("progress", "完成情况", "Items done",
                  f"CASE WHEN (SELECT count(*) {_ITEMS}) = 0 THEN '' ELSE "
                  f"(SELECT count(*) {_ITEMS} AND i.done) || '/' || "
                  f"(SELECT count(*) {_ITEMS}) END"),),
    section=Both("通知", "Notices"),
    columns=("due_on", "title", "issuer", "doc_no", "received_on", "progress", "closed_on"),
    counted=False,
    checklist=True,
)
