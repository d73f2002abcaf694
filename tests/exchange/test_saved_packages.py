"""Every data package version this program has written is kept in tests/fixtures/package_v*/
and still imports, with every record and the figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from laomo_desktop.exchange import importer
from laomo_desktop.exchange.package import FORMAT_VERSION, read_package
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.studios import find_studio
from laomo_desktop.store import migrations
from sample_ledger import EXPECTED_2025

FIXTURES = Path(__file__).parents[1] / "fixtures"
SAVED = sorted(FIXTURES.glob("package_v*/*.laomo.zip"))
STUDIO = "李明劳模创新工作室"


def test_a_package_of_every_version_is_saved():
    """A new format version or records schema comes with its saved package
    (tests/fixtures/make_package.py), so that the next versions are shown to read it."""
    manifests = [read_package(p).manifest for p in SAVED]
    assert {m["format_version"] for m in manifests} >= set(range(1, FORMAT_VERSION + 1))
    assert migrations.RECORDS_SCHEMA in {m["schema_version"] for m in manifests}


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.parent.name)
def test_a_saved_package_imports_with_all_its_records(path, ledger):
    pkg = read_package(path)
    r = importer.apply(ledger, path, trust_new_key=True)
    assert sum(c.new for c in r.preview.counts.values()) == sum(pkg.counts.values())
    uid = find_studio(STUDIO)["uid"]
    got = stats.studio_year(uid, 2025)
    assert {k: as_json(got)[k] for k in EXPECTED_2025} == EXPECTED_2025
    assert {p["year"]: t["value"] for p in R.list_records("plan", uid) for t in p["targets"]
            if t["metric"] == "benefit_fen"} == {2025: 10_000_000, 2024: 50_000_000}
