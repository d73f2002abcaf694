"""揭榜挂帅 is a project's source (立项来源), not its level (step 16): a project an earlier
version stored with the level 揭榜挂帅 keeps it as its source, its level left to be filled; a
package of an earlier version reads the same way."""

from __future__ import annotations

import json
import sqlite3

from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import migrations
from laomo_desktop.store.database import close_ledger, open_ledger


def test_a_project_at_the_level_open_call_becomes_an_open_call_source(ledger):
    s = R.create("studio", None, {"name": "揭榜工作室", "host_unit": "单位",
                                    "founded_on": "2020-01-01"})
    p = R.create("project", s["uid"], {"title": "揭榜课题", "type": "breakthrough",
                                       "level": "city", "start_date": "2025-01-01",
                                       "status": "in_progress"})
    close_ledger()
    con = sqlite3.connect(ledger.db)  # the ledger as step 15 left it
    con.execute("ALTER TABLE project DROP COLUMN source")
    con.execute("UPDATE project SET level = 'open_call' WHERE uid = ?", (p["uid"],))
    con.execute("INSERT INTO conflict (package_uid, kind, record_uid, local, incoming, "
                "created_at) VALUES ('x', 'project', ?, ?, ?, '2025-01-01')",
                (p["uid"], '{"level": "open_call", "title": "本地"}',
                 '{"level": "open_call", "title": "报来"}'))
    con.execute("PRAGMA user_version = 15")
    con.commit()
    con.close()
    open_ledger(LedgerPaths(ledger.root))
    got = R.get("project", p["uid"])
    assert (got["level"], got["source"], got["version"]) == (None, "open_call", p["version"])
    from laomo_desktop.store.models import database

    local, incoming = database.execute_sql("SELECT local, incoming FROM conflict").fetchone()
    assert json.loads(local) == {"level": None, "source": "open_call", "title": "本地"}
    assert json.loads(incoming) == {"level": None, "source": "open_call", "title": "报来"}


def test_a_package_of_an_earlier_version_reads_the_level_as_the_source():
    old = {"uid": "p1", "title": "揭榜课题", "level": "open_call"}
    assert migrations.upgrade_record("project", old, 12) == {**old, "level": None,
                                                              "source": "open_call"}
    same = {"uid": "p2", "title": "省级课题", "level": "provincial"}
    assert migrations.upgrade_record("project", same, 12) == same
    assert migrations.RECORDS_SCHEMA >= 16
