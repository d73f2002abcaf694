"""Activities: their attendees are a checklist of the studio's members; lists show the
person-times (empty, not 0, when neither attendees nor an outside count were entered)."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import HOURS, PERSONS, SESSIONS, Extra, KindRules
from laomo_desktop.texts import Both

RULES = KindRules(
    extras=(Extra("person_times", "参加人次", "Person-times", meaning="person_times_shown_sql"),),
    people_lists=frozenset({"attendees"}),
    section=Both("活动与培训", "Activities and trainings"),
    columns=("date", "type", "topic", "place", "host", "person_times", "hours"),
    totals=("date", (("type", SESSIONS), ("person_times", PERSONS), ("hours", HOURS))),
)
