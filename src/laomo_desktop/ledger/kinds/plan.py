"""Yearly plans: one per studio and year."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Cited, Extra, KindRules, OnePer, label
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

KIND = S.PLAN

ONE_A_YEAR = Text("每个工作室每个{year}只能有一份{plan}",
                  'A studio can have only one "{plan}" for each "{year}"')
EXISTS = Text("{n} 年的“{year}”计划已存在，请直接编辑它",
              'The plan for {n} ("{year}") already exists: edit it instead')

def _cite(rec: dict, title: str) -> Cited:
    return Cited(title)  # a section of its own in the summary, not a row


RULES = KindRules(
    cite=_cite,
    constraints=(
        OnePer(KIND.name, "year", (), "year", ONE_A_YEAR(year=label(KIND, "year"), plan=KIND),
               lambda row, other: EXISTS(n=row["year"], year=label(KIND, "year"))),
    ),
    extras=(
        Extra("targets", "目标数", "Targets",
              f"(SELECT count(*) FROM {KIND.child('targets').table} p WHERE p.parent_id = t.id)"),
    ),
    section=Both("年度计划与目标", "Plans and targets"),
    columns=("year", "targets", "measures"),
)
