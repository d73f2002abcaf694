from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import demo, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.bulk import BulkWriter
from laomo_desktop.ledger.check import check_ledger
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.ledger.union import union_year
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database
from laomo_desktop.work import Cancelled, drive

# its module fixture is made once per worker: the tests using it run in one (make test)
pytestmark = pytest.mark.xdist_group("test_demo")

TODAY = date(2026, 6, 1)
CONTENT = """
    SELECT (SELECT group_concat(name, '|') FROM (SELECT name FROM studio ORDER BY name)),
           (SELECT count(*) || '/' || total(outside_count) FROM activity),
           (SELECT group_concat(date || topic, '|') FROM
              (SELECT date, topic FROM activity ORDER BY date, topic LIMIT 200)),
           (SELECT total(amount_fen) FROM fund), (SELECT total(amount_fen) FROM benefit),
           (SELECT count(*) FROM activity_attendee), (SELECT count(*) FROM result_contributor),
           (SELECT group_concat(x, '|') FROM (SELECT level || date || coalesce(status, '') ||
              coalesce(status_on, '') || coalesce(next_review, '') AS x FROM studio_recognition
              ORDER BY x)),
           (SELECT group_concat(party_org || date, '|') FROM
              (SELECT party_org, date FROM studio_party_change ORDER BY date, party_org)),
           (SELECT group_concat(name || since, '|') FROM
              (SELECT name, since FROM studio_leader ORDER BY since, name)),
           (SELECT group_concat(disposed_on, '|') FROM
              (SELECT disposed_on FROM equipment WHERE disposed_on IS NOT NULL ORDER BY 1)),
           (SELECT group_concat(title || repealed_on, '|') FROM
              (SELECT title, repealed_on FROM rule WHERE repealed_on IS NOT NULL ORDER BY 1, 2)),
           (SELECT group_concat(ended_on, '|') FROM
              (SELECT ended_on FROM mentorship WHERE ended_on IS NOT NULL ORDER BY 1))
"""


def _content(root) -> tuple:
    open_ledger(LedgerPaths(root))
    list(demo.generate(2, 2, seed=11, today=TODAY))
    out = database.execute_sql(CONTENT).fetchone()
    close_ledger()
    return out


def test_same_seed_same_sample_data(tmp_path):
    one = _content(tmp_path / "one")
    assert one == _content(tmp_path / "two")
    assert any(one[7:]), one  # the fields of a studio's life are drawn too


def test_sample_studios_are_sound_and_busy(ledger):
    progress = list(demo.generate(3, 2, today=TODAY))
    assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
    studios = list_studios()
    assert len(studios) == 3 and all(s["leader"] for s in studios)
    assert check_ledger(ledger) == []
    busiest = max(stats.studio_year(s["uid"], 2025).training_person_times for s in studios)
    assert 1000 < busiest < 3000
    year = stats.studio_year(studios[0]["uid"], 2025)
    assert year.results_total > 0 and year.fund_balance_fen > 0
    assert year.targets, "every sample year has a plan with targets"


def test_an_interrupted_demo_leaves_the_ledger_as_it_was(ledger):
    gen = demo.generate(3, 1, today=TODAY)
    next(gen)
    gen.close()
    assert list_studios() == []
    assert check_ledger(ledger) == []


def test_a_cancelled_demo_reports_studios_and_leaves_the_ledger_empty(ledger):
    seen: list = []
    with pytest.raises(Cancelled):
        drive(demo.generate(3, 1, today=TODAY), seen.append, cancelled=lambda: len(seen) == 2)
    assert [(p.done, p.total) for p in seen] == [(1, 3), (2, 3)]
    assert list_studios() == []


def test_demo_only_fills_an_empty_ledger(ledger):
    R.create("studio", None, {"name": "已有工作室", "host_unit": "x", "founded_on": "2020-01-01"})
    with pytest.raises(LaomoError, match="空台账"):
        next(demo.generate(1, 1))


def test_bulk_writes_parents_first_whatever_order_kinds_first_appear(ledger):
    with BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        w.add("fund", s, {"date": "2021-01-01", "direction": "income", "source": "union",
                          "amount_fen": 100})
        p = w.add("project", s, {"title": "课题", "type": "other", "start_date": "2021-01-01",
                                 "status": "approved"})
        w.add("fund", s, {"date": "2021-02-01", "direction": "expense", "category": "project",
                          "amount_fen": 50, "project": p})
    funds = R.list_records("fund", s)
    assert [f["project"] for f in funds] == [None, p]


def test_a_bad_record_in_a_batch_writes_nothing(ledger):
    with pytest.raises(LaomoError), BulkWriter("测试") as w:
        s = w.add("studio", None, {"name": "批量", "host_unit": "x", "founded_on": "2020-01-01"})
        w.add("member", s, {"name": "", "role": "leader"})
    assert list_studios() == []


# --- a studio's life in the sample data: what the union and the documents read as of a year ------

@pytest.fixture(scope="module")
def lived(tmp_path_factory):
    """Three studios over three years (the GUI's sample): opened once for the tests below."""
    open_ledger(LedgerPaths(tmp_path_factory.mktemp("demo-life") / "data"))
    try:
        list(demo.generate(3, 3, today=TODAY))
        studios = {s["uid"]: s for s in R.list_records("studio")}
        yield studios
    finally:
        close_ledger()


def test_some_equipment_is_disposed_of_after_it_was_bought(lived):
    items = R.list_records("equipment")
    gone = [e for e in items if e["disposed_on"]]
    assert gone and len(gone) < len(items) / 3
    assert all(e["acquired_on"] <= e["disposed_on"] <= TODAY.isoformat() for e in gone)


def test_a_rule_is_repealed_and_replaced_by_its_revision(lived):
    rules = R.list_records("rule")
    repealed = [r for r in rules if r["repealed_on"]]
    assert repealed
    for old in repealed:
        new = [r for r in rules if r["studio"] == old["studio"] and r["title"] == old["title"]
               and r["adopted_on"] == old["repealed_on"] and not r["repealed_on"]]
        assert len(new) == 1 and new[0]["revision"] != old["revision"], old["title"]


def test_a_mentoring_pair_ends_without_graduating(lived):
    pairs = R.list_records("mentorship")
    ended = [m for m in pairs if m["ended_on"]]
    assert ended and all(not m["graduated_on"] and not m["promoted"] for m in ended)
    assert all(m["agreement_date"] < m["ended_on"] <= TODAY.isoformat() for m in ended)


def test_namings_are_reviewed_every_two_years(lived):
    namings = [n for s in lived.values() for n in s["recognitions"]]
    assert namings and all(n["next_review"] for n in namings)
    for n in namings:
        gap = int(n["next_review"][:4]) - int(n["date"][:4])
        assert gap > 0 and gap % 2 == 0, n
        assert n["next_review"][5:] == n["date"][5:] or n["date"][5:] == "02-29", n
    # a review not yet recorded is due this year or later; one passed this year is 复审中
    for s in lived.values():
        for n in s["recognitions"]:
            renewed = any(m["level"] == n["level"] and m["date"] >= n["next_review"]
                          for m in s["recognitions"])
            if n["status"] != "removed" and not renewed:
                assert n["next_review"] >= f"{TODAY.year}-01-01", n
            if n["status"] == "under_review":
                assert n["status_on"] == n["next_review"] <= TODAY.isoformat()


def test_one_studio_was_re_reviewed_and_one_lost_its_plaque_in_a_past_year(lived):
    past = range(min(int(s["founded_on"][:4]) for s in lived.values()), TODAY.year)
    reviewed = [(y, r) for y in past for r in union_year(y)["due_review"]]
    removed = [(y, r) for y in past for r in union_year(y)["withdrawn"]]
    assert len(removed) == 1 and removed[0][1]["status"] == "removed"
    year, gone = removed[0]
    assert gone["date"][:4] == str(year)
    assert len({r["uid"] for _, r in reviewed} - {gone["uid"]}) == 1  # the re-reviewed one
    again = next(r for _, r in reviewed if r["uid"] != gone["uid"])
    studio = lived[again["uid"]]
    renewed = [n for n in studio["recognitions"]
               if n["level"] == again["level"] and n["date"] >= again["date"]]
    assert len(renewed) == 1 and renewed[0]["doc_no"]
    assert renewed[0]["next_review"] >= f"{TODAY.year}-01-01"
    # the removed plaque takes its level away from that year's end, not before
    before, after = (stats.studio_year(gone["uid"], y).studio.level
                     for y in (year - 1, year))
    assert before == gone["level"] and after != gone["level"]


def test_a_party_organisation_grew_from_a_pioneer_post(lived):
    grown = [s for s in lived.values() if s["party_changes"]]
    assert grown
    s = grown[0]
    first = s["party_changes"][0]
    assert first["party_org"] == "pioneer_post"
    assert s["party_org"] in ("party_group", "party_branch")
    assert first["date"] < s["party_org_founded_on"]
    then = int(first["date"][:4])
    now = int(s["party_org_founded_on"][:4])
    assert stats.studio_year(s["uid"], now).studio.party_org == s["party_org"]
    if now > then:
        assert stats.studio_year(s["uid"], then).studio.party_org == "pioneer_post"


def test_one_studio_changed_its_leader(lived):
    changed = [s for s in lived.values() if len(s["leaders"]) == 2]
    assert len(changed) == 1 and all(not s["leaders"] for s in lived.values()
                                     if s is not changed[0])
    s = changed[0]
    (old, since_old), (new, since_new) = ((x["name"], x["since"]) for x in s["leaders"])
    assert since_old == s["founded_on"] < since_new
    members = {m["name"]: m for m in R.list_records("member", s["uid"])}
    assert members[old]["role"] == "leader" and members[old]["left_on"] == since_new
    assert members[new]["role"] == "leader" and members[new]["left_on"] is None
    year = int(since_new[:4])
    assert stats.studio_year(s["uid"], year - 1).studio.leader == old
    assert stats.studio_year(s["uid"], year).studio.leader == new
    assert {x["uid"]: x["leader"] for x in list_studios()}[s["uid"]] == new


# --- the union's year in the sample data (ledger/demo_union.py) ----------------------------------

def test_each_studio_has_its_grants_drawn_on_within_their_amount_and_terms(lived):
    from laomo_desktop.ledger import grants

    for uid in lived:
        held = R.list_records("grant", uid)
        assert held, lived[uid]["name"]
        for g in held:
            drawn = [f for f in R.list_records("fund", uid) if f.get("grant") == g["uid"]]
            assert sum(f["amount_fen"] for f in drawn) <= g["amount_fen"]
            assert all(f["category"] in g["categories"] and
                       g["period_from"] <= f["date"] <= g["period_to"] for f in drawn)
        year = int(held[0]["received_on"][:4])
        assert stats.studio_year(uid, year).grants_received_fen > 0
    assert any(grants.grant_use(g["uid"]).spent_fen
               for uid in lived for g in R.list_records("grant", uid))


def test_the_studios_registers_and_the_unions_notice_fill_the_years(lived):
    """Proposals at every stage, QC groups, services to firms and a notice of the review a year,
    all counted in the union summary; the notices of past years are closed, this year's is
    still open with its items to do."""
    rows = union_year(TODAY.year)["studios"]
    assert sum(r["proposals_total"] for r in rows) and sum(r["firm_services"] for r in rows)
    statuses = {p["status"] for p in R.list_records("proposal")}
    assert len(statuses) >= 3 and "accepted" in statuses  # along the chain, some to its end
    assert R.list_records("qc_group")
    notices = R.list_records("notice")
    past = [n for n in notices if n["due_on"] < TODAY.isoformat()]
    assert past and all(n["closed_on"] and all(i["done"] for i in n["items"]) for n in past)
    assert all(n["received_on"] <= TODAY.isoformat() for n in notices)
