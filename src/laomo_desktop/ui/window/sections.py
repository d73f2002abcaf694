"""The navigation: which sections there are, in what order, and the columns of each table."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Section:
    key: str
    title: str          # English source text, translated in context "Section"
    kind: str | None    # the record kind its table lists, None for special pages
    columns: tuple[str, ...] = ()


SECTIONS: tuple[Section, ...] = (
    Section("dashboard", QT_TRANSLATE_NOOP("Section", "Overview"), None),
    Section("member", QT_TRANSLATE_NOOP("Section", "Members"), "member",
            ("name", "role", "sex", "post", "title", "skill_level", "party_member",
             "joined_on", "left_on")),
    Section("mentorship", QT_TRANSLATE_NOOP("Section", "Mentoring pairs"), "mentorship",
            ("master", "apprentice", "apprentice_name", "agreement_date", "goal",
             "graduated_on", "ended_on")),
    Section("rule", QT_TRANSLATE_NOOP("Section", "Rules"), "rule",
            ("title", "category", "adopted_on", "repealed_on", "revision", "on_wall")),
    Section("equipment", QT_TRANSLATE_NOOP("Section", "Equipment"), "equipment",
            ("name", "quantity", "value_fen", "acquired_on", "disposed_on", "funding_source")),
    Section("plan", QT_TRANSLATE_NOOP("Section", "Plans and targets"), "plan",
            ("year", "targets", "measures")),
    Section("project", QT_TRANSLATE_NOOP("Section", "Projects"), "project",
            ("title", "type", "level", "status", "leader", "start_date", "end_date",
             "budget_fen")),
    Section("activity", QT_TRANSLATE_NOOP("Section", "Activities and trainings"), "activity",
            ("date", "type", "topic", "place", "host", "person_times", "hours")),
    Section("result", QT_TRANSLATE_NOOP("Section", "Innovation results"), "result",
            ("title", "type", "date", "first_author", "patent_kind", "patent_status",
             "award_name", "project")),
    Section("benefit", QT_TRANSLATE_NOOP("Section", "Economic benefit"), "benefit",
            ("year", "result", "kind", "amount_fen", "basis", "certified_by")),
    Section("fund", QT_TRANSLATE_NOOP("Section", "Funds"), "fund",
            ("date", "direction", "source", "category", "amount_fen", "note", "voucher_no")),
    Section("honour", QT_TRANSLATE_NOOP("Section", "Honours"), "honour",
            ("name", "level", "year", "holder", "body")),
    Section("attachment", QT_TRANSLATE_NOOP("Section", "Attachments"), "attachment",
            ("filename", "title", "owner", "size")),
    Section("reports", QT_TRANSLATE_NOOP("Section", "Reports"), None),
    Section("union", QT_TRANSLATE_NOOP("Section", "Union overview"), None),
    Section("recycle", QT_TRANSLATE_NOOP("Section", "Recycle bin"), None),
    Section("audit", QT_TRANSLATE_NOOP("Section", "Audit log"), None),
)
BY_KEY = {s.key: s for s in SECTIONS}
SECTION_OF_KIND = {s.kind: s.key for s in SECTIONS if s.kind}
