"""What was in force in a period and at its end: the one definition every figure, document and
section table uses.

A standing record lasts from a start date to an end date (either may be unknown):

- a member from joining to leaving (退出日期: no longer in the team from that day);
- a mentoring pair from its agreement to 出师 or to its ending without 出师;
- a rule from its adoption to its repeal; equipment from purchase to disposal;
- a project from its start to its end (its end day included);
- a naming (命名) from its date until it is revoked (撤销) or its plaque removed (摘牌).

"During" a period: started by its last day and not ended before its first. "At its end":
started by the last day and not ended on or before it. An unknown start counts as always
begun (the ledger cannot place it, so it never vanishes); an unknown end as still lasting.
Dated records (activities, results, funds) belong to the period their date falls in; records
with a year (plans, benefits, honours) to the statistics year they name.

The studio's level at a period's end is its highest naming valid then; its party organisation
the latest form begun by then (the studio's own entry with its founding date, or one of its
recorded changes); its leader the latest recorded leader begun by then, else the member with
the role of leader in the team at the end (ledger/meanings.py). A studio exists from its
founding date.

Each definition is given twice, as SQL over a table alias (for statistics over many rows) and
in Python over a record (for documents); a test holds the two to the same answers.
"""

from __future__ import annotations

from laomo_desktop.ledger import kinds
from laomo_desktop.ledger.kinds import Span
from laomo_desktop.ledger.kinds.project import status_at_end
from laomo_desktop.ledger.period import Period
from laomo_desktop.store import enums as E

# Each standing kind's span is declared with the kind (ledger/kinds/<kind>.py).
SPANS: dict[str, Span] = kinds.spans()
STANDING = frozenset(SPANS)

_ENDING = ", ".join(f"'{s.value}'" for s in sorted(E.ENDING_STATUSES))


def _until_value(kind: str, record: dict) -> str | None:
    return SPANS[kind].until_value(record)


# ---- SQL (named parameters :start and :end) --------------------------------------------------

def during_sql(kind: str, a: str = "t") -> str:
    """A record of `kind` (alias `a`) lasted into the period."""
    s = SPANS[kind]
    return (f"({a}.{s.since} IS NULL OR {a}.{s.since} <= :end) AND "
            f"({s.until_sql(a)} IS NULL OR {s.until_sql(a)} >= :start)")


def at_end_sql(kind: str, a: str = "t", day: str = ":end") -> str:
    """A record of `kind` (alias `a`) was in force on the period's last day (or on `day`, an
    SQL expression)."""
    s = SPANS[kind]
    op = ">=" if s.until_included else ">"
    return (f"({a}.{s.since} IS NULL OR {a}.{s.since} <= {day}) AND "
            f"({s.until_sql(a)} IS NULL OR {s.until_sql(a)} {op} {day})")


def naming_valid_sql(r: str = "r", day: str = ":end") -> str:
    """A studio_recognition row (alias `r`) was valid on the period's last day (or on `day`,
    an SQL expression: the union's list of reviews asks about the review date)."""
    return (f"{r}.date <= {day} AND NOT (coalesce({r}.status, '') IN ({_ENDING}) "
            f"AND coalesce({r}.status_on, {r}.date) <= {day})")


def level_sql(s: str = "s") -> str:
    """Comma-separated levels of the studio's (alias `s`) namings valid at the end."""
    return (f"(SELECT group_concat(DISTINCT r.level) FROM studio_recognition r "
            f"WHERE r.parent_id = {s}.id AND {naming_valid_sql('r')})")


def party_org_sql(s: str = "s") -> str:
    """The studio's (alias `s`) party organisation at the end: the latest form begun by then."""
    return f"""(SELECT o FROM (
        SELECT {s}.party_org_founded_on AS d, {s}.party_org AS o, 1 AS own
          WHERE {s}.party_org IS NOT NULL
            AND ({s}.party_org_founded_on IS NULL OR {s}.party_org_founded_on <= :end)
        UNION ALL
        SELECT c.date, c.party_org, 0 FROM studio_party_change c
          WHERE c.parent_id = {s}.id AND c.date <= :end)
        ORDER BY coalesce(d, '') DESC, own DESC LIMIT 1)"""


def founded_sql(s: str = "s") -> str:
    return f"({s}.founded_on IS NULL OR {s}.founded_on <= :end)"


# ---- Python, over records as ledger.records gives them -------------------------------------

def during(kind: str, record: dict, p: Period) -> bool:
    since, until = record.get(SPANS[kind].since), _until_value(kind, record)
    return (not since or since <= p.end) and (not until or until >= p.start)


def at_end(kind: str, record: dict, p: Period) -> bool:
    return at_day(kind, record, p.end)


def at_day(kind: str, record: dict, day: str) -> bool:
    """at_end_sql with a `day` (ISO date)."""
    s = SPANS[kind]
    since, until = record.get(s.since), _until_value(kind, record)
    if since and since > day:
        return False
    return not until or (until >= day if s.until_included else until > day)


def naming_valid(r: dict, p: Period) -> bool:
    if not r.get("date") or r["date"] > p.end:
        return False
    return not (r.get("status") in E.ENDING_STATUSES
                and (r.get("status_on") or r["date"]) <= p.end)


def status_then(r: dict, p: Period) -> str:
    """A naming's status as it stood at the period's end: a change dated later not yet made."""
    status = r.get("status") or E.RecognitionStatus.VALID.value
    if r.get("status_on") and r["status_on"] > p.end:
        return E.RecognitionStatus.VALID.value
    return status


def highest_level(levels) -> str | None:
    """The highest of some level codes (a comma-separated string or an iterable)."""
    if isinstance(levels, str) or levels is None:
        levels = (levels or "").split(",")
    codes = [c for c in levels if c in E.LEVEL_RANK]
    return min(codes, key=lambda c: E.LEVEL_RANK[E.Level(c)]) if codes else None


def valid_namings(studio: dict, p: Period) -> list[dict]:
    return [r for r in studio.get("recognitions") or [] if naming_valid(r, p)]


def level(studio: dict, p: Period) -> str | None:
    return highest_level(r["level"] for r in valid_namings(studio, p))


def party_org(studio: dict, p: Period) -> str | None:
    entries = []
    if studio.get("party_org") and (not studio.get("party_org_founded_on")
                                    or studio["party_org_founded_on"] <= p.end):
        entries.append((studio.get("party_org_founded_on") or "", 1, studio["party_org"]))
    entries += [(c["date"], 0, c["party_org"]) for c in studio.get("party_changes") or []
                if c.get("date") and c["date"] <= p.end]
    return max(entries)[2] if entries else None


def founded(studio: dict, p: Period) -> bool:
    return not studio.get("founded_on") or studio["founded_on"] <= p.end


def next_review(studio: dict, p: Period) -> str | None:
    """The earliest next-review date of the namings valid at the end, if any is set."""
    dates = [r["next_review"] for r in valid_namings(studio, p) if r.get("next_review")]
    return min(dates) if dates else None


# ---- what a record of the period had become by its end ---------------------------------------
# Some records carry facts that may come after their own date: a project's conclusion (its end
# date, status 结题 or 推广应用), a patent's grant, a result's award (its year) and roll-out (推广
# 应用起始日期), the end of a standing record. At a period's end such a fact counts only if it had
# happened by then; a later one is not yet known to the period (a patent granted later was
# still filed). A project's status has no date of its own: while the project lasts (no end
# date, or one after the period) it was under way (进行中) — its recorded status, 立项 or one
# reached later, cannot say what it was then; once it ended, its recorded status.


def project_status_sql(a: str = "t") -> str:
    """A project's (alias `a`) status at the period's end."""
    return (f"CASE WHEN {a}.end_date IS NULL OR {a}.end_date > :end "
            f"THEN '{E.ProjectStatus.IN_PROGRESS.value}' ELSE {a}.status END")


def awarded_sql(a: str = "t") -> str:
    """A result (alias `a`) had its award by the period's end (award year :year or earlier)."""
    return f"({a}.award_name IS NOT NULL AND ({a}.award_year IS NULL OR {a}.award_year <= :year))"


def rolled_out_sql(a: str = "t") -> str:
    """A result (alias `a`) was put to use by the period's end."""
    return (f"({a}.applied_where IS NOT NULL AND "
            f"({a}.applied_since IS NULL OR {a}.applied_since <= :end))")


def project_status(record: dict, p: Period) -> str | None:
    return status_at_end(record, p)


def known_at_end(kind: str, record: dict, p: Period) -> dict:
    """The record as it stood at the period's end: an end, a grant, a roll-out dated later and
    an award of a later year are left out, a project's status is the one it had then
    (project_status); each kind says which of its facts come later (ledger/kinds/)."""
    out = dict(record)
    rules = kinds.rules(kind)
    for field, with_it in rules.later.items():
        if (out.get(field) or "") > p.end:
            out[field] = None
            out.update({f: None if f != "promoted" else False for f in with_it if f in out})
    if rules.known_at_end is not None:  # after the later dates are gone (a grant not yet made)
        rules.known_at_end(record, out, p)
    return out
