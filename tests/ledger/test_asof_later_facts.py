"""What a record of a period had become by the period's end: the SQL forms (statistics) and the
Python form (documents) of ledger/asof.py give the same answers, edges included."""

from __future__ import annotations

import itertools

from laomo_desktop.ledger import asof
from laomo_desktop.ledger.period import Period
from laomo_desktop.store.models import database

PER = Period(2025, 10)  # 2024-10-01 … 2025-09-30
DAYS = (None, "2025-09-29", "2025-09-30", "2025-10-01")


def _sql(expr: str, columns: dict) -> object:
    names = ", ".join(f":{c} AS {c}" for c in columns)
    return database.execute_sql(f"SELECT {expr} FROM (SELECT {names}) t",
                                {**columns, **PER.params()}).fetchone()[0]


def test_a_project_s_status_is_under_way_while_it_lasts_then_the_recorded_one(ledger):
    for status, end in itertools.product(("approved", "in_progress", "concluded", "rolled_out"),
                                         DAYS):
        row = {"status": status, "end_date": end}
        python = asof.known_at_end("project", row, PER)
        assert _sql(asof.project_status_sql(), row) == python["status"] == \
            asof.project_status(row, PER), row
        assert python["end_date"] == (end if end is None or end <= PER.end else None)
        lasting = end is None or end == "2025-10-01"
        assert python["status"] == ("in_progress" if lasting else status)


def test_an_award_of_a_later_year_and_a_later_roll_out_are_not_yet_there(ledger):
    for award_year, applied_since in itertools.product((None, 2024, 2025, 2026), DAYS):
        row = {"award_name": "市级奖", "award_year": award_year, "award_level": "city",
               "applied_where": "本单位", "applied_since": applied_since}
        python = asof.known_at_end("result", row, PER)
        assert bool(_sql(asof.awarded_sql(), row)) == (python["award_name"] is not None) == (
            award_year != 2026), row
        assert bool(_sql(asof.rolled_out_sql(), row)) == (python["applied_where"] is not None) \
            == (applied_since != "2025-10-01"), row


def test_a_patent_granted_after_the_end_was_still_filed():
    for granted in DAYS[1:]:
        row = {"type": "patent", "patent_status": "granted", "patent_granted_on": granted}
        python = asof.known_at_end("result", row, PER)
        assert (python["patent_status"], python["patent_granted_on"]) == (
            ("filed", None) if granted > PER.end else ("granted", granted))


def test_a_pair_that_graduated_later_had_not_graduated_nor_been_promoted():
    row = {"graduated_on": "2025-10-01", "ended_on": None, "promoted": True}
    assert asof.known_at_end("mentorship", row, PER) == {"graduated_on": None, "ended_on": None,
                                                         "promoted": False}
    row = {"graduated_on": "2025-09-30", "ended_on": None, "promoted": True}
    assert asof.known_at_end("mentorship", row, PER) == row
