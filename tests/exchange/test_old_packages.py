"""Data packages written by earlier versions import into this one, read as this version reads.

tests/fixtures/package_v2 and package_v3 are the first packages of 李明劳模创新工作室, written by
the code that had schema 2 and schema 3 current (make_old_ledgers.py) from the saved ledgers
ledger_v2 and ledger_v3; both carry records of schema_version 2. Their 2024 plan holds a benefit
target the old form stored as typed in 万元 (50), their 2025 plan one stored in fen (10,000,000).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from laomo_desktop.exchange import export, importer
from laomo_desktop.exchange.package import read_package
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import migrations
from laomo_desktop.store.database import close_ledger, open_ledger
from sample_ledger import EXPECTED_2025

FIXTURES = Path(__file__).parents[1] / "fixtures"
STUDIO = "李明劳模创新工作室"


def _package(v: int) -> Path:
    (path,) = (FIXTURES / f"package_v{v}").glob("*.laomo.zip")
    return path


def _benefit_targets(plans: list[dict]) -> dict[int, int]:
    return {p["year"]: t["value"] for p in plans for t in p["targets"]
            if t["metric"] == "benefit_fen"}


@pytest.mark.parametrize("v", [2, 3])
def test_an_older_package_reads_its_benefit_targets_in_fen(v):
    pkg = read_package(_package(v))
    assert pkg.manifest["schema_version"] == 2
    assert _benefit_targets(pkg.records["plan"]) == {2025: 10_000_000, 2024: 50_000_000}
    assert {p["year"]: p["version"] for p in pkg.records["plan"]} == {2025: 1, 2024: 1}


@pytest.mark.parametrize("v", [2, 3])
def test_an_older_package_imports_into_this_ledger_with_all_its_records(v, ledger):
    pkg = read_package(_package(v))
    r = importer.apply(ledger, _package(v), trust_new_key=True)
    assert r.preview.counts["plan"].new == 2
    assert sum(c.new for c in r.preview.counts.values()) == sum(pkg.counts.values())
    uid = find_studio(STUDIO)["uid"]
    assert _benefit_targets(R.list_records("plan", uid)) == {2025: 10_000_000, 2024: 50_000_000}
    got = stats.studio_year(uid, 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025
    target = next(t for t in stats.studio_year(uid, 2024).targets
                  if t.metric == "benefit_fen")
    assert (target.target, target.actual, target.progress) == (50_000_000, 5_000_000,
                                                                        0.1)
    # the fields the older version did not have are empty, not invented
    assert all(e["disposed_on"] is None for e in R.list_records("equipment", uid))
    assert all(r["repealed_on"] is None for r in R.list_records("rule", uid))
    assert all(n["status"] is None for n in R.get("studio", uid)["recognitions"])


def test_a_current_package_is_not_converted_again(ledger, tmp_path):
    """A target of 50 fen written by this version stays 50 fen: the manifest's schema_version
    says how its numbers are meant."""
    studio = R.create("studio", None, {"name": "新工作室", "host_unit": "单位",
                                       "founded_on": "2024-01-01"})["uid"]
    R.create("member", studio, {"name": "甲", "role": "leader"})
    R.create("plan", studio, {"year": 2025, "targets": [{"metric": "benefit_fen", "value": 50}]})
    (tmp_path / "usb").mkdir()
    result = export.export_studio(ledger, studio, tmp_path / "usb")
    pkg = read_package(result.path)
    assert pkg.manifest["schema_version"] == migrations.RECORDS_SCHEMA
    assert _benefit_targets(pkg.records["plan"]) == {2025: 50}


def test_an_office_that_imported_the_old_package_takes_the_upgraded_studio_s_next_one(
        tmp_path):
    """The office imports the studio's schema-2 package; the studio then upgrades (its ledger
    migrates, raising the plan's version) and sends its next package: the plan is updated, in
    fen, with no conflict."""
    office = LedgerPaths(tmp_path / "office")
    studio = LedgerPaths(tmp_path / "studio")
    shutil.copytree(FIXTURES / "ledger_v3", studio.root)
    (tmp_path / "usb").mkdir()
    open_ledger(office)
    try:
        importer.apply(office, _package(3), trust_new_key=True)
        close_ledger()
        open_ledger(studio)  # migrates to 4
        result = export.export_studio(studio, find_studio(STUDIO)["uid"], tmp_path / "usb")
        close_ledger()
        open_ledger(office)
        # the saved ledger's own key was not kept with it: the office confirms the new one
        r = importer.apply(office, result.path, replace_key=True)
        assert (r.preview.counts["plan"].updated, r.preview.counts["plan"].unchanged,
                r.preview.counts["plan"].conflicting) == (1, 1, 0)
        assert sum(c.conflicting for c in r.preview.counts.values()) == 0
        plans = R.list_records("plan", find_studio(STUDIO)["uid"])
        assert _benefit_targets(plans) == {2025: 10_000_000, 2024: 50_000_000}
        assert {p["year"]: p["version"] for p in plans} == {2025: 1, 2024: 2}
    finally:
        close_ledger()
