"""Each shared meaning is written once (ledger/meanings.py) and its SQL and Python agree."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laomo_desktop.ledger import meanings
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import database

SRC = Path(__file__).resolve().parents[2] / "src" / "laomo_desktop"
# what used to be restated by hand in the figures, lists and checks
RESTATED = {
    "the role of leader": re.compile(r"role\s*(=|!=)\s*'leader'"),
    "in the team on a day": re.compile(r"left_on IS NULL OR \w+\.left_on >"),
    # the sum itself (printing the outside count as such is not a restatement)
    "person-times": re.compile(r"\+\s*\(?\s*(coalesce\()?[\w.\[\]\"'()]*outside_count"),
    "the latest 领衔人沿革 entry": re.compile(r"ORDER BY \w+\.since DESC"),
}


def test_the_meanings_are_not_restated_in_the_core():
    found = []
    for package in ("ledger", "exchange", "reports"):
        for path in (SRC / package).rglob("*.py"):
            if path.name in ("meanings.py", "demo.py"):  # demo writes records, it reads none
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.name}: {what}" for what, rx in RESTATED.items() if rx.search(text)]
    assert found == []


DAYS = st.sampled_from([None, "2024-01-01", "2024-06-30", "2024-07-01", "2025-01-01"])


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(joined=DAYS, left=DAYS, day=st.sampled_from(["2024-06-30", "2024-07-01", "2025-06-01"]))
def test_in_team_sql_and_python_agree(ledger, joined, left, day):
    member = {"joined_on": joined, "left_on": left}
    sql = f"SELECT {meanings.in_team_sql('m', ':day')} FROM (SELECT :j AS joined_on, " \
          ":l AS left_on) m"
    got = database.execute_sql(sql, {"day": day, "j": joined, "l": left}).fetchone()[0]
    assert bool(got) == meanings.in_team(member, day)
    assert meanings.in_team(member, day) == ((not joined or joined <= day)
                                             and (not left or left > day))


def test_person_times_counts_attendees_and_outsiders_and_leaves_none_entered_empty(ledger):
    s = R.create("studio", None, {"name": "人次工作室", "host_unit": "单位",
                                    "founded_on": "2020-01-01"})
    m = R.create("member", s["uid"], {"name": "甲", "role": "core"})
    both = R.create("activity", s["uid"], {"date": "2025-03-01", "type": "training",
                                           "topic": "两者", "outside_count": 7,
                                           "attendees": [{"member": m["uid"]}]})
    none = R.create("activity", s["uid"], {"date": "2025-03-02", "type": "training",
                                           "topic": "未填"})
    sql = (f"SELECT {meanings.person_times_sql('a')}, {meanings.person_times_shown_sql('a')} "
           f"FROM {meanings.table('activity')} a WHERE a.uid = ?")
    assert database.execute_sql(sql, (both["uid"],)).fetchone() == (8, 8)
    assert database.execute_sql(sql, (none["uid"],)).fetchone() == (0, None)
