"""Studio → office: the round trip, re-import, updates, conflicts, stale packages, read-only."""

from __future__ import annotations

import json

import pytest
from exchange_helpers import all_records, snapshot

from laomo_desktop.errors import LaomoError
from laomo_desktop.exchange import importer, importlog
from laomo_desktop.ledger import attachments, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.studios import list_studios
from laomo_desktop.store.models import AuditEntry, Conflict, ImportedStudio, ImportLog, database
from sample_ledger import EXPECTED_2025


def test_round_trip_brings_every_record_and_attachment_to_the_office(ex):
    ex.at_studio()  # texts with line and paragraph separators travel as they are
    R.update("rule", ex.uids["rule1"], {"text": "第一条\n第二条\u2028第三条\u2029\r完"})
    expected = ex.studio_records()
    att = attachments.attachments_of(ex.uids["r1"])[0]
    blob = attachments.open_path(ex.studio, att).read_bytes()
    pkg = ex.export().path
    office = ex.at_office()
    preview = importer.preview(office, pkg)
    assert preview.key_status == "first" and preview.total("new") == sum(map(len, expected.values()))
    result = importer.apply(office, pkg, trust_new_key=True)
    assert result.applied and result.backup is not None and result.backup.exists()
    assert all_records(ex.uids["A"]) == expected
    assert attachments.open_path(office, att).read_bytes() == blob
    got = stats.studio_year(ex.uids["A"], 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025
    assert [s["name"] for s in list_studios()] == ["李明劳模创新工作室"]  # not studio B
    log = ImportLog.get()
    assert json.loads(log.result)["counts"]["member"]["new"] == 6
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1


def test_reimporting_the_same_package_changes_nothing(ex):
    pkg = ex.export().path
    office = ex.at_office()
    importer.apply(office, pkg, trust_new_key=True)
    before = snapshot(office)
    again = importer.apply(office, pkg, trust_new_key=True)
    assert not again.applied and "导入过" in str(again.message)
    assert importer.preview(office, pkg).already_imported
    assert snapshot(office) == before


def test_an_edit_at_the_studio_updates_the_offices_copy(ex):
    first = ex.export().path
    office = ex.at_office()
    importer.apply(office, first, trust_new_key=True)
    ex.at_studio()
    R.update("activity", ex.uids["t1"], {"topic": "改过的主题", "attendees": []})
    R.trash("rule", ex.uids["rule2"])
    R.update("studio", ex.uids["A"], {"contact_person": "新联系人", "recognitions": []})
    expected = ex.studio_records()
    second = ex.export().path
    ex.at_office()
    result = importer.apply(office, second)
    assert result.preview.counts["activity"].updated == 1
    assert result.preview.counts["rule"].updated == 1
    assert result.preview.counts["member"].unchanged == 6
    assert all_records(ex.uids["A"]) == expected
    act = R.get("activity", ex.uids["t1"])
    assert act["topic"] == "改过的主题" and act["attendees"] == [] and act["version"] == 2
    assert R.get("rule", ex.uids["rule2"])["deleted_at"] is not None
    studio = R.get("studio", ex.uids["A"])
    assert studio["contact_person"] == "新联系人" and studio["recognitions"] == []


def test_same_version_different_content_is_kept_as_a_conflict_not_applied(ex):
    pkg = ex.export().path
    office = ex.at_office()
    importer.apply(office, pkg, trust_new_key=True)
    database.execute_sql("UPDATE rule SET title = '办公室改的' WHERE uid = ?", (ex.uids["rule1"],))
    ex.at_studio()
    second = ex.export().path  # the studio changed nothing: same versions
    ex.at_office()
    preview = importer.preview(office, second)
    assert preview.counts["rule"].conflicting == 1 and preview.total("conflicting") == 1
    result = importer.apply(office, second)
    assert "冲突" in str(result.message)
    assert R.get("rule", ex.uids["rule1"])["title"] == "办公室改的"
    [c] = importlog.open_conflicts()
    assert (c["kind"], c["record_uid"]) == ("rule", ex.uids["rule1"])
    assert c["local"]["title"] == "办公室改的" and c["incoming"]["title"] == "工作室学习培训制度"
    assert Conflict.select().count() == 1


def test_an_older_package_is_stale_and_does_not_overwrite(ex):
    old = ex.export().path
    R.update("rule", ex.uids["rule1"], {"title": "新标题"})
    new = ex.export().path
    office = ex.at_office()
    importer.apply(office, new, trust_new_key=True)
    result = importer.apply(office, old)
    assert result.preview.counts["rule"].stale == 1
    assert any("早于" in str(w) for w in result.preview.warnings)
    assert R.get("rule", ex.uids["rule1"])["title"] == "新标题"


def test_a_gap_in_the_sequence_is_warned_about(ex):
    first = ex.export().path
    ex.export()
    third = ex.export().path
    office = ex.at_office()
    assert importer.apply(office, first, trust_new_key=True).preview.warnings == []
    preview = importer.preview(office, third)
    assert preview.sequence == 3
    assert any("缺少第 2 号" in str(w) for w in preview.warnings)
    importer.apply(office, third)
    assert ImportedStudio.get().last_sequence == 3


def test_an_imported_studio_is_read_only(ex, tmp_path):
    pkg = ex.export().path
    office = ex.at_office()
    importer.apply(office, pkg, trust_new_key=True)
    before = snapshot(office)
    f = tmp_path / "x.txt"
    f.write_text("x")
    attempts = [
        lambda: R.create("member", ex.uids["A"], {"name": "新人", "role": "member"}),
        lambda: R.update("member", ex.uids["liming"], {"post": "改"}),
        lambda: R.update("studio", ex.uids["A"], {"name": "改名"}),
        lambda: R.trash("rule", ex.uids["rule1"]),
        lambda: R.restore("activity", ex.uids["t4"]),
        lambda: R.purge("activity", ex.uids["t4"]),
        lambda: attachments.attach(office, "rule", ex.uids["rule1"], f),
    ]
    for attempt in attempts:
        with pytest.raises(LaomoError, match="只读"):
            attempt()
    assert snapshot(office) == before


def test_the_offices_own_studios_stay_writable_and_cannot_be_overwritten(ex):
    pkg = ex.export().path
    # importing a studio's package into its own ledger would make it read-only: refused
    before = snapshot(ex.studio)
    with pytest.raises(LaomoError, match="本台账自己的工作室"):
        importer.apply(ex.studio, pkg, trust_new_key=True)
    assert snapshot(ex.studio) == before
    R.update("rule", ex.uids["rule1"], {"title": "仍可编辑"})
