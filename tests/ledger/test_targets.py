"""The union's targets of a year: read as typed, validated with a message per field, saved
for that year only (atomically, other years kept), with an audit entry naming each change."""

from __future__ import annotations

import json
import os

import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import targets as T
from laomo_desktop.ledger import union as U
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store.models import AuditEntry

FORM = {"training_person_times": "3,000", "technical_innovations": "５００",
        "results_total": "", "patents": "60", "party_coverage_percent": "80%",
        "level:city": "60", "level:district": "", "unit:滨海公交集团": "2"}


def test_what_is_typed_is_read_as_a_spreadsheet_reads_it():
    got = T.read_form(FORM, "city")
    assert got | {} == U.DEFAULT_TARGETS | {
        "training_person_times": 3000, "technical_innovations": 500, "patents": 60,
        "party_coverage_percent": 80, "results_total": None,
        "studios_by_level": {"city": 60}, "studios_by_unit": {"滨海公交集团": 2}}


@pytest.mark.parametrize("field, text, words", [
    ("training_person_times", "-5", "不能是负数"),
    ("technical_innovations", "2.5", "整数"),
    ("patents", "", "请填写"),
    ("party_coverage_percent", "120", "0 到 100"),
    ("party_coverage_percent", "很多", "0 到 100"),
    ("level:city", "abc", "市级工作室数"),
    ("unit:滨海公交集团", "-1", "滨海公交集团的工作室数不能是负数"),
])
def test_a_bad_entry_is_refused_with_a_chinese_message_for_its_field(field, text, words):
    with pytest.raises(ValidationError) as exc:
        T.read_form(FORM | {field: text}, "city")
    assert list(exc.value.errors) == [field]
    assert words in exc.value.errors[field]


def test_saving_a_year_keeps_the_other_years_and_the_common_targets(ledger, tmp_path):
    path = U.targets_path(tmp_path)
    path.write_text(json.dumps({"patents": 80, "years": {"2025": {"patents": 70}}}), "utf-8")
    changes = T.save_year(path, 2026, T.read_form(FORM, "provincial"))
    raw = json.loads(path.read_text("utf-8"))
    assert raw["patents"] == 80 and raw["years"]["2025"] == {"patents": 70}
    assert U.load_targets(path, 2025)["patents"] == 70
    assert U.load_targets(path, 2024)["patents"] == 80  # a year without its own
    y2026 = U.load_targets(path, 2026)
    assert (y2026["patents"], y2026["studios_by_level"], y2026["party_coverage_min_level"]) \
        == (60, {"city": 60}, "provincial")
    assert "专利（件） 80 → 60" in changes and "市级工作室 未设 → 60" in changes
    assert "滨海公交集团工作室 未设 → 2" in changes
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_the_audit_entry_names_what_changed(ledger, tmp_path):
    path = U.targets_path(tmp_path)
    T.save_year(path, 2026, T.read_form(FORM, "city"), actor="工会经办人")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.action, entry.kind, entry.actor) == ("targets", "union_targets", "工会经办人")
    assert entry.summary.startswith("2026 年度汇总表目标：")
    assert "培训人次 2000 → 3000" in entry.summary
    assert json.loads(entry.before)["training_person_times"] == 2000
    assert json.loads(entry.after)["training_person_times"] == 3000
    studio = R.create("studio", None, {"name": "甲工作室", "host_unit": "某厂",
                                       "founded_on": "2020-01-01"})
    listed = Q.audit_rows(studio["uid"])  # a studio's log lists the ledger's own changes too
    assert any(r[3] == "union_targets" and "培训人次" in r[4] for r in listed)
    n = AuditEntry.select().count()
    assert T.save_year(path, 2026, T.read_form(FORM, "city")) == []  # nothing changed
    assert AuditEntry.select().count() == n


def test_a_failed_write_leaves_the_file_and_the_log_as_they_were(ledger, tmp_path, monkeypatch):
    path = U.targets_path(tmp_path)
    U.save_targets(path, {"patents": 80})
    before, n = path.read_bytes(), AuditEntry.select().count()

    def full_disk(*_a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(LaomoError) as exc:
        T.save_year(path, 2026, T.read_form(FORM, "city"))
    assert "无法保存" in exc.value.message
    assert path.read_bytes() == before and AuditEntry.select().count() == n
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_the_years_targets_drive_the_summary(ledger, tmp_path):
    R.create("studio", None, {"name": "甲工作室", "host_unit": "滨海公交集团",
                                  "founded_on": "2020-01-01", "party_org": "party_branch",
                                  "recognitions": [{"level": "city", "date": "2021-01-01"}]})
    R.create("studio", None, {"name": "乙工作室", "host_unit": "滨海电力",
                              "founded_on": "2020-01-01",
                              "recognitions": [{"level": "city", "date": "2021-01-01"}]})
    targets = T.read_form(FORM | {"party_coverage_percent": "50", "results_total": "3"}, "city")
    goals = {g["key"]: g for g in U.union_year(2025, targets)["goals"]}
    assert (goals["party_coverage"]["target"], goals["party_coverage"]["met"]) == (1, True)
    assert "50%" in goals["party_coverage"]["label"]
    assert (goals["studios:city"]["target"], goals["studios:city"]["actual"]) == (60, 2)
    assert goals["studios:city"]["label"] == "市级工作室（个）"
    assert (goals["unit:滨海公交集团"]["actual"], goals["unit:滨海公交集团"]["met"]) == (1, False)
    assert goals["results_total"]["target"] == 3
    plain = {g["key"] for g in U.union_year(2025)["goals"]}
    assert plain == {"party_coverage", "training_person_times", "technical_innovations",
                     "patents"}


def test_a_broken_year_in_the_file_is_named(tmp_path):
    path = U.targets_path(tmp_path)
    path.write_text(json.dumps({"years": {"2026": {"studios_by_level": {"town": 3}}}}), "utf-8")
    assert U.load_targets(path, 2025) == U.DEFAULT_TARGETS
    with pytest.raises(LaomoError) as exc:
        U.load_targets(path, 2026)
    assert "town" in exc.value.message
