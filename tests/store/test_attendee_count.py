"""An activity keeps the number of its member attendees (issue 16, §6: a province's figures add
up 88,000 trainings' person-times from the activity rows, not 1.7 million attendee rows). The
number follows every way the list is written, and an older ledger gets it when it is opened."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from laomo_desktop.exchange import export, importer
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import close_ledger, open_ledger
from laomo_desktop.store.models import database

FIXTURES = Path(__file__).parents[1] / "fixtures"
WRONG = """SELECT a.uid, a.attendee_count,
                  (SELECT count(*) FROM activity_attendee x WHERE x.parent_id = a.id)
           FROM activity a
           WHERE a.attendee_count != (SELECT count(*) FROM activity_attendee x
                                      WHERE x.parent_id = a.id)"""


def stored(uid: str) -> int:
    return database.execute_sql("SELECT attendee_count FROM activity WHERE uid = ?",
                                (uid,)).fetchone()[0]


def edit(uid: str, **changes) -> None:
    values = {k: v for k, v in R.get("activity", uid).items() if k not in R.META}
    R.update("activity", uid, {**values, **changes})


def studio_with(n: int) -> tuple[dict, list[dict]]:
    s = R.create("studio", None, {"name": "人数工作室", "host_unit": "单位",
                                    "founded_on": "2020-01-01"})
    people = [R.create("member", s["uid"], {"name": f"成员{i}", "role": "core"})
              for i in range(n)]
    return s, people


def test_the_number_follows_the_list_as_a_form_saves_it(ledger):
    s, people = studio_with(4)
    a = R.create("activity", s["uid"], {"date": "2025-03-01", "type": "training", "topic": "培训",
                                        "attendees": [{"member": m["uid"]} for m in people[:3]]})
    assert stored(a["uid"]) == 3
    edit(a["uid"], attendees=[{"member": people[3]["uid"]}])
    assert stored(a["uid"]) == 1
    edit(a["uid"], attendees=[])
    assert stored(a["uid"]) == 0
    assert database.execute_sql(WRONG).fetchall() == []


def test_the_year_s_person_times_are_the_listed_attendees_plus_the_outside_count(ledger):
    s, people = studio_with(3)
    R.create("activity", s["uid"], {"date": "2025-03-01", "type": "training", "topic": "一",
                                    "outside_count": 10,
                                    "attendees": [{"member": m["uid"]} for m in people]})
    second = R.create("activity", s["uid"], {"date": "2025-04-01", "type": "training",
                                             "topic": "二",
                                             "attendees": [{"member": people[0]["uid"]}]})
    assert stats.studio_year(s["uid"], 2025).training_person_times == 14
    edit(second["uid"], attendees=[{"member": m["uid"]} for m in people])
    assert stats.studio_year(s["uid"], 2025).training_person_times == 16


def test_an_imported_package_s_activities_carry_their_number_and_the_package_does_not(
        ledger, tmp_path):
    """The studio's activities arrive through the row writer at an office: the same numbers.
    The number is the ledger's own: no record of the package holds it."""
    from sample_ledger import build

    build(ledger, tmp_path)
    assert database.execute_sql("SELECT total(attendee_count) FROM activity").fetchone()[0] > 0
    studio = R.list_records("studio", None)[0]
    (tmp_path / "out").mkdir()
    pkg = export.export_studio(ledger, studio["uid"], tmp_path / "out").path
    assert all("attendee_count" not in r for r in R.list_records("activity", studio["uid"]))
    close_ledger()
    office = open_ledger(LedgerPaths(tmp_path / "office"))
    importer.apply(office, pkg, trust_new_key=True)
    assert database.execute_sql("SELECT count(*) FROM activity").fetchone()[0] > 0
    assert database.execute_sql(WRONG).fetchall() == []


def test_an_activity_purged_from_the_recycle_bin_takes_its_list_with_it(ledger):
    s, people = studio_with(2)
    a = R.create("activity", s["uid"], {"date": "2025-03-01", "type": "meeting", "topic": "会",
                                        "attendees": [{"member": m["uid"]} for m in people]})
    R.trash("activity", a["uid"])
    R.purge("activity", a["uid"])
    assert database.execute_sql("SELECT count(*) FROM activity_attendee").fetchone()[0] == 0
    assert database.execute_sql(WRONG).fetchall() == []


def test_a_ledger_of_an_earlier_schema_is_counted_when_it_is_opened(tmp_path):
    root = tmp_path / "v3"
    shutil.copytree(FIXTURES / "ledger_v3", root)
    con = sqlite3.connect(root / "ledger.sqlite3")
    listed = con.execute("SELECT count(*) FROM activity_attendee").fetchone()[0]
    con.close()
    assert listed > 0
    open_ledger(LedgerPaths(root))
    assert database.execute_sql("SELECT total(attendee_count) FROM activity"
                                ).fetchone()[0] == listed
    assert database.execute_sql(WRONG).fetchall() == []


def test_a_batch_of_new_records_carries_the_number_of_each_list(ledger):
    from laomo_desktop.ledger.bulk import BulkWriter

    s, people = studio_with(3)
    with BulkWriter("测试") as w:
        a = w.add("activity", s["uid"], {"date": "2025-05-01", "type": "training", "topic": "批",
                                         "attendees": [{"member": m["uid"]} for m in people]})
        b = w.add("activity", s["uid"], {"date": "2025-05-02", "type": "training", "topic": "空"})
    assert (stored(a), stored(b)) == (3, 0)
    assert database.execute_sql(WRONG).fetchall() == []


def test_the_ledger_check_names_an_activity_whose_number_is_not_its_list(ledger):
    from laomo_desktop.ledger.check import check_ledger

    s, people = studio_with(2)
    a = R.create("activity", s["uid"], {"date": "2025-03-01", "type": "training", "topic": "核对",
                                        "attendees": [{"member": m["uid"]} for m in people]})
    assert [p for p in check_ledger(ledger) if p.severity == "error"] == []
    database.execute_sql("UPDATE activity SET attendee_count = 5 WHERE uid = ?", (a["uid"],))
    said = [p.said.render("zh") for p in check_ledger(ledger)]
    assert any("核对" in m and "（5）" in m and "2 人" in m for m in said), said
