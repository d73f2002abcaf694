"""Yearly plans: one per studio and year."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules, OnePer, label, q
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

KIND = S.PLAN

RULES = KindRules(
    constraints=(
        OnePer(KIND.name, "year", (), "year", f"每个工作室每个{label(KIND, 'year')}只能有一份"
                                              f"{KIND.label}",
               lambda row, other: f"{row['year']} 年的{q(label(KIND, 'year'))}计划已存在，请直接编辑它"),
    ),
    extras=(
        Extra("targets", "目标数", "Targets",
              f"(SELECT count(*) FROM {KIND.child('targets').table} p WHERE p.parent_id = t.id)"),
    ),
    section=Both("年度计划与目标", "Plans and targets"),
    columns=("year", "targets", "measures"),
)
