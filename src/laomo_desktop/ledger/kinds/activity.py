"""Activities: their attendees are a checklist of the studio's members; lists show the
person-times (empty, not 0, when neither attendees nor an outside count were entered)."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules

RULES = KindRules(
    extras=(Extra("person_times", "参加人次", "Person-times", meaning="person_times_shown_sql"),),
    people_lists=frozenset({"attendees"}),
)
