"""An import's new records get their ids from SQLite when they are written, not ids worked out
(max(id)+1) while the package was checked: a record written on this ledger in between keeps
its own id, and the import still goes in."""

from __future__ import annotations

from exchange_helpers import all_records

from laomo_desktop.exchange import importer
from laomo_desktop.ledger import records as R
from laomo_desktop.store.models import MODELS, AuditEntry


def test_a_record_written_between_the_check_and_the_write_keeps_its_id(setup, monkeypatch):
    ex, pkg, _ = setup
    expected = ex.studio_records()
    office = ex.at_office()
    real = importer.backup.take_backup
    made = {}

    def backup_then_a_new_studio(paths, reason):
        # the package is checked, its rows not written yet: the office adds a studio of its own
        made["studio"] = R.create("studio", None, {"name": "办公室自建", "host_unit": "x",
                                                   "founded_on": "2020-01-01"})
        made["member"] = R.create("member", made["studio"]["uid"], {"name": "赵六",
                                                                    "role": "leader"})
        return real(paths, reason)

    monkeypatch.setattr(importer.backup, "take_backup", backup_then_a_new_studio)
    result = importer.apply(office, pkg, trust_new_key=True)
    assert result.applied
    assert all_records(ex.uids["A"]) == expected
    assert [m["name"] for m in R.list_records("member", made["studio"]["uid"])] == ["赵六"]
    studio = MODELS["studio"]
    assert studio.select().count() == 2
    entry = AuditEntry.get(AuditEntry.action == "import")
    assert (entry.record_uid, entry.studio_uid) == (ex.uids["A"], ex.uids["A"])
