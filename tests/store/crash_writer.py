"""Child process for test_crash: writes records forever, printing each uid once committed."""

import sys
from pathlib import Path

from laomo_desktop.ledger import records as R
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.database import open_ledger
from laomo_desktop.store.models import database

if __name__ == "__main__":
    open_ledger(LedgerPaths(Path(sys.argv[1])))
    # checkpoint and restart the journal every few pages, so that kills land at every stage
    # of its life: the journal left behind must always be recognised as this ledger's own
    database.execute_sql("PRAGMA wal_autocheckpoint = 4")
    studio, member = sys.argv[2], sys.argv[3]
    i = 0
    while True:
        i += 1
        rec = R.create("activity", studio, {
            "date": "2025-05-01", "type": "training", "topic": f"第 {i} 次培训",
            "outside_count": i % 50, "attendees": [{"member": member}],
            "summary": "内容" * 200,
        })
        print(rec["uid"], flush=True)
