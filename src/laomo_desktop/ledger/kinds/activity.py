"""Activities: their attendees are a checklist of the studio's members; lists show the
person-times (empty, not 0, when neither attendees nor an outside count were entered)."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import HOURS, PERSONS, SESSIONS, Cited, Extra, KindRules
from laomo_desktop.texts import Both


def _cite(rec: dict, title: str) -> Cited:
    """By its topic on its day (the summary's tables list activities by date and topic)."""
    topic = rec["topic"] or title
    return Cited(topic, rec["date"] or "", (topic,), date_is_key=True, place=rec["place"] or "")


RULES = KindRules(
    cite=_cite,
    extras=(Extra("person_times", "参加人次", "Person-times", meaning="person_times_shown_sql"),),
    people_lists=frozenset({"attendees"}),
    section=Both("活动与培训", "Activities and trainings"),
    columns=("date", "type", "topic", "place", "host", "person_times", "hours"),
    totals=("date", (("type", SESSIONS), ("person_times", PERSONS), ("hours", HOURS))),
)
