"""The union office's year: each studio as it stood at the year's end, the namings due for
review in the year and those whose plaque was removed (摘牌) or name revoked (撤销) in it."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.ledger import period
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.union import union_year
from laomo_desktop.store.models import database

TODAY = date(2026, 6, 1)


def studio(name: str, founded: str, namings: list[dict], **extra) -> str:
    return R.create("studio", None, {"name": name, "host_unit": "江城供电公司",
                                     "founded_on": founded, "recognitions": namings, **extra},
                    today=TODAY)["uid"]


def counts(year: int) -> dict:
    return {lv["level"]: lv["count"] for lv in union_year(year)["by_level"] if lv["count"]}


def levels(year: int) -> dict[str, str | None]:
    return {r["name"]: r["level"] for r in union_year(year)["studios"]}


def due(year: int) -> list[tuple]:
    return [(r["name"], r["level"], r["date"]) for r in union_year(year)["due_review"]]


def withdrawn(year: int) -> list[tuple]:
    return [(r["name"], r["level"], r["status"], r["date"])
            for r in union_year(year)["withdrawn"]]


@pytest.fixture
def office(ledger):
    """甲: enterprise 2019, city 2026-05-20. 乙: founded 2025-07-01, enterprise. 丙: city 2020,
    plaque removed 2025-06-30. 丁: provincial 2021, revoked 2026-02-01."""
    return {
        "甲": studio("甲工作室", "2018-04-20", [
            {"level": "enterprise", "date": "2019-03-01", "next_review": "2025-03-01"},
            {"level": "city", "date": "2026-05-20", "next_review": "2028-05-20"}]),
        "乙": studio("乙工作室", "2025-07-01", [
            {"level": "enterprise", "date": "2025-09-01", "next_review": "2027-09-01"}]),
        "丙": studio("丙工作室", "2019-01-01", [
            {"level": "city", "date": "2020-05-01", "next_review": "2025-05-01",
             "status": "removed", "status_on": "2025-06-30"}]),
        "丁": studio("丁工作室", "2020-01-01", [
            {"level": "provincial", "date": "2021-06-01", "next_review": "2026-01-10",
             "status": "revoked", "status_on": "2026-02-01"}]),
    }


def test_a_studio_named_city_level_in_2026_counts_as_its_earlier_level_in_2025(office):
    """The issue's finding: the summary of a past year used each studio's current level."""
    assert levels(2025)["甲工作室"] == "enterprise"
    assert levels(2026)["甲工作室"] == "city"
    assert counts(2025) == {"provincial": 1, "enterprise": 2, None: 1}
    assert counts(2026) == {"city": 1, "enterprise": 1, None: 2}


def test_a_studio_founded_in_2025_is_not_counted_in_2024(office):
    """The issue's finding: a studio founded in 2025 was counted in 2024."""
    assert "乙工作室" not in levels(2024)
    assert len(union_year(2024)["studios"]) == 3
    assert levels(2025)["乙工作室"] == "enterprise"
    assert sum(counts(2024).values()) == 3


def test_namings_due_for_review_in_the_year(office):
    assert due(2025) == [("甲工作室", "enterprise", "2025-03-01"),
                         ("丙工作室", "city", "2025-05-01")]
    assert due(2026) == [("丁工作室", "provincial", "2026-01-10")]
    assert due(2027) == [("乙工作室", "enterprise", "2027-09-01")]
    assert due(2024) == []
    row = union_year(2025)["due_review"][0]
    assert (row["uid"], row["level_label"], row["naming_date"]) == (
        office["甲"], "企业级", "2019-03-01")


def test_plaques_removed_and_names_revoked_in_the_year(office):
    assert withdrawn(2025) == [("丙工作室", "city", "removed", "2025-06-30")]
    assert withdrawn(2026) == [("丁工作室", "provincial", "revoked", "2026-02-01")]
    assert withdrawn(2024) == []
    row = union_year(2025)["withdrawn"][0]
    assert (row["uid"], row["status_label"], row["level_label"]) == (office["丙"], "摘牌", "市级")
    # a removed plaque takes the level away from the end of that year on, not before
    assert (levels(2024)["丙工作室"], levels(2025)["丙工作室"]) == ("city", None)


def test_a_naming_removed_before_its_review_is_not_due(office):
    R.update("studio", office["甲"], {"recognitions": [
        {"level": "enterprise", "date": "2019-03-01", "next_review": "2025-03-01",
         "status": "removed", "status_on": "2024-11-01"}]}, today=TODAY)
    assert due(2025) == [("丙工作室", "city", "2025-05-01")]
    assert withdrawn(2024) == [("甲工作室", "enterprise", "removed", "2024-11-01")]


def test_a_naming_under_review_or_renamed_stays_due_and_valid(office):
    R.update("studio", office["甲"], {"recognitions": [
        {"level": "enterprise", "date": "2019-03-01", "next_review": "2025-03-01",
         "status": "under_review", "status_on": "2025-02-01"}]}, today=TODAY)
    assert due(2025)[0] == ("甲工作室", "enterprise", "2025-03-01")
    assert union_year(2025)["due_review"][0]["status_label"] == "复审中"
    assert withdrawn(2025) == [("丙工作室", "city", "removed", "2025-06-30")]
    assert levels(2025)["甲工作室"] == "enterprise"


def test_changes_dated_after_the_year_leave_it_as_it_was(office):
    before = union_year(2025)
    R.update("studio", office["甲"], {"recognitions": [
        {"level": "enterprise", "date": "2019-03-01", "next_review": "2025-03-01",
         "status": "revoked", "status_on": "2026-01-05"},
        {"level": "national", "date": "2026-03-01", "next_review": "2026-12-01"}]}, today=TODAY)
    studio("戊工作室", "2026-01-01", [{"level": "city", "date": "2026-02-01",
                                       "next_review": "2026-03-01"}])
    after = union_year(2025)
    for key in ("studios", "by_level", "due_review", "withdrawn", "coverage", "totals"):
        assert after[key] == before[key], key


def test_studios_in_the_recycle_bin_are_left_out_of_the_lists(office):
    R.trash("studio", office["丙"])
    assert withdrawn(2025) == [] and due(2025) == [("甲工作室", "enterprise", "2025-03-01")]


def test_the_office_statistics_year_decides_what_falls_in_it(office):
    period.set_start_month(10)  # statistics year 2026: 2025-10-01 to 2026-09-30
    data = union_year(2026)
    assert data["period_label"] == "2026 统计年度（2025-10-01 至 2026-09-30）"
    assert (data["start"], data["end"]) == ("2025-10-01", "2026-09-30")
    assert [r["date"] for r in data["due_review"]] == ["2026-01-10"]
    assert withdrawn(2025) == [("丙工作室", "city", "removed", "2025-06-30")]
    assert due(2025) == [("甲工作室", "enterprise", "2025-03-01"),
                         ("丙工作室", "city", "2025-05-01")]
    assert levels(2025)["乙工作室"] == "enterprise"  # named 2025-09-01, before 2025-09-30
    assert union_year(2025)["period_label"] == "2025 统计年度（2024-10-01 至 2025-09-30）"


def _statements(year: int) -> int:
    seen: list[str] = []
    con = database.connection()
    con.set_trace_callback(seen.append)
    try:
        union_year(year)
    finally:
        con.set_trace_callback(None)
    return len(seen)


def test_the_lists_take_one_query_however_many_studios(office):
    few = _statements(2025)
    for i in range(20):
        studio(f"新建工作室{i:02d}", "2019-01-01", [
            {"level": "city", "date": "2020-01-01", "next_review": "2025-01-01"},
            {"level": "enterprise", "date": "2019-06-01", "status": "removed",
             "status_on": "2025-08-01"}])
    assert len(union_year(2025)["due_review"]) == 22
    assert len(union_year(2025)["withdrawn"]) == 21
    assert _statements(2025) == few
