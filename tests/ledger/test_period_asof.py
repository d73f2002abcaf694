"""The statistics year (ledger/period.py) and the two renderings of "in force" (ledger/asof.py):
the SQL that statistics use and the Python that documents use must give the same answers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import run_cli
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof, meanings
from laomo_desktop.ledger import period as P
from laomo_desktop.ledger.period import Period
from laomo_desktop.store.models import database


def test_a_statistics_year_from_october_runs_to_the_end_of_september():
    p = Period(2025, 10)
    assert (p.start, p.end, p.day_before) == ("2024-10-01", "2025-09-30", "2024-09-30")
    assert p.label == "2025 统计年度（2024-10-01 至 2025-09-30）"
    assert p.months()[0] == (2024, 10) and p.months()[-1] == (2025, 9)
    assert P.year_of("2024-10-01", 10) == 2025 and P.year_of("2025-09-30", 10) == 2025


def test_a_calendar_year_is_named_plainly_and_a_march_year_ends_on_a_leap_day():
    assert Period(2025).label == "2025 年度"
    assert (Period(2025).start, Period(2025).end) == ("2025-01-01", "2025-12-31")
    assert Period(2024, 3).end == "2024-02-29" and Period(2025, 3).end == "2025-02-28"


def test_the_setting_is_kept_in_the_ledger_and_a_bad_month_is_refused(ledger):
    assert P.start_month() == 1
    P.set_start_month(10)
    assert P.period(2025).start == "2024-10-01"
    with pytest.raises(LaomoError, match="1 到 12"):
        P.set_start_month(13)
    assert P.start_month() == 10


def test_the_command_shows_and_sets_the_first_month(sample_dir, capsys):
    rc, out, _ = run_cli(capsys, "--data-dir", str(sample_dir), "year-start")
    assert rc == 0 and "当前统计年度起始月：1 月" in out
    rc, out, _ = run_cli(capsys, "--data-dir", str(sample_dir), "year-start", "10")
    assert rc == 0 and "已设置统计年度起始月：10 月" in out
    rc, _, err = run_cli(capsys, "--data-dir", str(sample_dir), "year-start", "0")
    assert rc == 1 and "1 到 12" in err
    rc, out, _ = run_cli(capsys, "--data-dir", str(sample_dir), "stats", "--studio", "李明",
                         "--year", "2025", "--json")
    assert rc == 0 and '"start": "2024-10-01"' in out


DAYS = st.one_of(st.none(), st.dates(date(2023, 6, 1), date(2026, 6, 30)).map(date.isoformat))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(asof.SPANS)), since=DAYS, until=DAYS, other=DAYS,
       year=st.sampled_from([2024, 2025]), month=st.sampled_from([1, 10]))
def test_sql_and_python_agree_on_what_was_in_force(kind, since, until, other, year, month):
    """Records as plain values; the SQL runs over them in SQLite, the Python over the dict."""
    span = asof.SPANS[kind]
    rec = {span.since: since}
    if kind == "mentorship":
        rec.update(graduated_on=until, ended_on=other)
    else:
        rec[span.until] = until
    p = Period(year, month)
    cols = ", ".join(f"? AS {c}" for c in rec)
    params = {**p.params()}
    for which, python in (("during", asof.during), ("at_end", asof.at_end)):
        sql_fn = asof.during_sql if which == "during" else asof.at_end_sql
        sql = (f"SELECT count(*) FROM (SELECT {cols}) t WHERE "
               + sql_fn(kind).replace(":start", f"'{p.start}'").replace(":end", f"'{p.end}'"))
        import sqlite3

        got = sqlite3.connect(":memory:").execute(sql, list(rec.values())).fetchone()[0]
        assert bool(got) == python(kind, rec, p), (which, rec, params)


@pytest.mark.parametrize(("status", "status_on", "valid_2025"), [
    (None, None, True), ("valid", None, True), ("under_review", "2025-03-01", True),
    ("renamed", "2025-03-01", True), ("removed", "2025-03-01", False),
    ("removed", "2026-03-01", True), ("revoked", "2024-01-01", False),
])
def test_a_naming_is_valid_until_it_is_revoked_or_its_plaque_removed(ledger, status, status_on,
                                                                      valid_2025):
    from laomo_desktop.ledger import records as R

    s = R.create("studio", None, {
        "name": "测试工作室", "host_unit": "测试单位", "founded_on": "2020-01-01",
        "recognitions": [{"level": "city", "date": "2021-01-01", "status": status,
                          "status_on": status_on}]})
    p = Period(2025)
    sql = f"SELECT {asof.level_sql('s')} FROM studio s WHERE s.uid = :uid"
    got = database.execute_sql(sql, {"uid": s["uid"], **p.params()}).fetchone()[0]
    assert (got == "city") == valid_2025 == (asof.level(s, p) == "city")


def test_party_organisation_and_leader_are_the_latest_begun_by_the_end(ledger):
    from laomo_desktop.ledger import records as R

    s = R.create("studio", None, {
        "name": "测试工作室", "host_unit": "测试单位", "founded_on": "2020-01-01",
        "party_org": "party_group", "party_org_founded_on": "2025-06-01",
        "party_changes": [{"party_org": "pioneer_post", "date": "2022-03-01"}],
        "leaders": [{"name": "老王", "since": "2020-01-01"},
                    {"name": "小李", "since": "2026-02-01"}]})
    R.create("member", s["uid"], {"name": "小李", "role": "leader", "joined_on": "2021-01-01"})
    members = [{"name": "小李", "role": "leader", "joined_on": "2021-01-01", "left_on": None}]
    sql = (f"SELECT {asof.party_org_sql('s')}, {meanings.leader_sql('s')} FROM studio s "
           "WHERE s.uid = :uid")
    want = {2021: (None, "老王"), 2023: ("pioneer_post", "老王"),
            2025: ("party_group", "老王"), 2026: ("party_group", "小李")}
    for year, expected in want.items():
        p = Period(year)
        got = database.execute_sql(sql, {"uid": s["uid"], **p.params()}).fetchone()
        assert tuple(got) == expected == (asof.party_org(s, p), meanings.leader(s, members, p)), year
