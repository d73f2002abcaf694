"""The registers unions count (issue 16 §3): proposals, QC groups, services to firms and the
mentoring additions — their rules, their figures as of the year, the union summary's columns."""

from __future__ import annotations

from datetime import date

import pytest

from laomo_desktop.ledger import metrics as M
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import stats, union
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.kinds.proposal import status_then

TODAY = date(2026, 6, 1)


def _add(kind, studio, values):
    return R.create(kind, studio, values, today=TODAY)["uid"]


@pytest.fixture
def studio(ledger):
    s = _add("studio", None, {"name": "李明劳模创新工作室", "host_unit": "江城供电公司",
                              "founded_on": "2019-03-01"})
    m1 = _add("member", s, {"name": "李明", "role": "leader"})
    m2 = _add("member", s, {"name": "王芳", "role": "core"})
    return s, m1, m2


def _proposal(s, who, **values):
    return _add("proposal", s, {"title": "改进配电柜巡检路线", "date": "2025-03-01",
                                "status": "proposed", "proposers": [{"member": w} for w in who],
                                **values})


def test_proposals_count_in_the_year_of_their_date_and_stand_where_they_were_at_its_end(studio):
    s, m1, m2 = studio
    _proposal(s, [m1, m2], status="accepted", adopted_on="2025-04-01",
              implemented_on="2025-05-01", accepted_on="2025-06-01", amount_fen=1_234_500)
    # adopted in 2025, implemented only in 2026: implemented is not yet known to 2025
    _proposal(s, [m1], status="implemented", adopted_on="2025-09-01",
              implemented_on="2026-02-01", amount_fen=100)
    _proposal(s, [m2], status="not_adopted", reviewed_on="2025-05-01")
    _proposal(s, [m2], status="adopted")  # adopted, the day not entered: counted
    _proposal(s, [m1], date="2026-01-05", status="adopted", adopted_on="2026-01-06")
    f = stats.studio_year(s, 2025)
    assert (f.proposals_total, f.proposals_adopted, f.proposals_implemented,
            f.proposals_accepted, f.proposal_benefit_fen) == (4, 3, 1, 1, 1_234_600)
    assert M.fact(f, "proposal_benefit_wan") == 1.2346
    assert stats.studio_year(s, 2026).proposals_total == 1
    shown = {p["title"] + p["status"] for p in annual_data(s, 2025)["proposal_rows"]}
    assert "改进配电柜巡检路线adopted" in shown and "改进配电柜巡检路线not_adopted" in shown


def test_status_then_and_the_sql_agree():
    rec = {"status": "accepted", "adopted_on": "2025-04-01", "implemented_on": "2026-02-01",
           "accepted_on": "2026-03-01"}
    assert status_then(rec, "2025-12-31") == "adopted"
    assert status_then(rec, "2026-02-28") == "implemented"
    assert status_then({"status": "not_adopted", "reviewed_on": "2026-01-02"},
                       "2025-12-31") == "proposed"


def test_a_proposal_needs_a_proposer_and_dates_in_order(studio):
    s, m1, _ = studio
    with pytest.raises(ValidationError) as e:
        _proposal(s, [])
    assert e.value.errors == {"proposers": "请至少选择一名“建议人”"}
    with pytest.raises(ValidationError) as e:
        _proposal(s, [m1], status="adopted", adopted_on="2025-02-01")
    assert e.value.errors == {"adopted_on": "“采纳日期”不能早于“提出日期”"}
    with pytest.raises(ValidationError) as e:
        _proposal(s, [m1], status="reviewed", adopted_on="2025-04-01")
    assert e.value.errors == {"adopted_on": "“建议状态”为“审核”的建议不能填写“采纳日期”"}
    assert R.list_records("proposal", s) == []


def test_qc_groups_count_in_the_year_they_are_registered_for(studio):
    s, m1, m2 = studio
    _add("qc_group", s, {"year": 2025, "name": "降损QC小组", "topic": "降低线损率",
                         "stage": "finished", "result": "线损率由5%降到3%", "award_level": "city",
                         "leader": m1, "members": [{"member": m1}, {"member": m2}]})
    _add("qc_group", s, {"year": 2025, "name": "安全QC小组", "topic": "减少误操作",
                         "stage": "do"})
    _add("qc_group", s, {"year": 2026, "name": "新QC小组", "topic": "课题", "stage": "plan"})
    f = stats.studio_year(s, 2025)
    assert (f.qc_groups, f.qc_groups_finished, f.qc_groups_with_result,
            f.qc_groups_awarded) == (2, 1, 1, 1)
    with pytest.raises(ValidationError) as e:
        _add("qc_group", s, {"year": 2025, "name": "X", "topic": "Y", "stage": "do",
                             "award_level": "city"})
    assert e.value.errors == {"award_level": "填写“成果获奖级别”前请先填写“活动成果”"}


def test_services_to_firms_count_firms_problems_and_person_times(studio):
    s, m1, m2 = studio
    for day, firm, solved, trained in (("2025-04-01", "江城机械厂", True, 30),
                                       ("2025-05-01", " 江城机械厂 ", False, 12),
                                       ("2025-06-01", "长江化工", True, None),
                                       ("2026-01-10", "长江化工", True, 50)):
        _add("firm_service", s, {"date": day, "firm": firm, "problem": "电机过热",
                                 "solved": solved, "trained": trained,
                                 "servers": [{"member": m1}, {"member": m2}]})
    f = stats.studio_year(s, 2025)
    assert (f.firm_services, f.firms_served, f.firm_problems_solved, f.firm_workers_trained,
            f.firm_service_person_times) == (3, 2, 2, 42, 6)
    row = union.union_year(2025)["studios"][0]
    assert (row["firm_services"], row["firms_served"], row["firm_workers_trained"]) == (3, 2, 42)
    assert set(registers_numbers := union.NUMBERS) >= {"proposals_adopted", "qc_groups"}
    assert all(k in M.METRICS for k in registers_numbers)


def test_mentoring_grade_renewal_and_records(studio):
    s, m1, m2 = studio
    _add("mentorship", s, {"master": m1, "apprentice": m2, "agreement_date": "2023-03-01",
                           "graduated_on": "2025-06-01", "grade": "excellent",
                           "allowance_fen": 20000, "renewed_on": "2024-03-01",
                           "renewed_months": 12,
                           "records": [{"date": "2025-01-10", "content": "一季度：讲解继电保护"},
                                       {"date": "2025-04-10", "content": "二季度：实操考核"},
                                       {"date": "2024-10-10", "content": "四季度"}]})
    f = stats.studio_year(s, 2025)
    assert (f.apprentices_excellent, f.mentoring_renewed, f.mentoring_records) == (1, 0, 2)
    assert stats.studio_year(s, 2024).mentoring_renewed == 1
    with pytest.raises(ValidationError) as e:
        _add("mentorship", s, {"master": m1, "apprentice_name": "赵六",
                               "agreement_date": "2025-01-01", "grade": "good"})
    assert e.value.errors == {"grade": "填写“出师考核等级”（合格及以上）时请同时填写“出师日期”"}
    # a grade given after the year's end is not yet known to the year
    pair = annual_data(s, 2024)["mentoring"][0]
    assert pair["graduated_on"] is None and pair["grade"] is None


def test_the_new_choices_are_appended_and_counted(studio):
    s, m1, _ = studio
    _add("result", s, {"title": "高压带电作业工法", "type": "construction_method",
                       "date": "2025-05-01", "contributors": [{"member": m1}]})
    _add("project", s, {"title": "揭榜课题", "type": "breakthrough", "level": "provincial",
                        "source": "open_call", "start_date": "2025-01-01",
                        "status": "in_progress"})
    _add("activity", s, {"date": "2025-07-01", "type": "firm_service", "topic": "助企行"})
    _add("activity", s, {"date": "2025-08-01", "type": "academy_teaching", "topic": "授课"})
    f = stats.studio_year(s, 2025)
    assert f.results_technical == 1 and f.results_by_type == {"construction_method": 1}
    assert M.fact(f, "activities_firm_service") == M.fact(f, "activities_academy_teaching") == 1
    row = union.union_year(2025)["studios"][0]  # the two new activity types reach the union
    assert row["activities_firm_service"] == row["activities_academy_teaching"] == 1
    from laomo_desktop.ledger import unioncolumns as UC

    assert {"activities_firm_service", "activities_academy_teaching"} <= set(UC.CHOOSABLE)
    # 揭榜挂帅 is where a project came from, beside its level (a 省级 project taken by open call)
    assert f.projects_open_call == 1 and M.fact(f, "projects_open_call") == 1
    assert union.union_year(2025)["studios"][0]["projects_open_call"] == 1


def test_the_annual_summary_has_the_registers_section_in_pdf_and_word(studio, tmp_path):
    from laomo_desktop.reports.annual import document_blocks, write_annual, write_annual_docx
    from laomo_desktop.reports.docmodel import Heading, Table

    s, m1, m2 = studio
    blocks = document_blocks(annual_data(s, 2025))
    assert not any(isinstance(b, Heading) and "合理化建议" in b.text for b in blocks)
    _proposal(s, [m1, m2], status="adopted", adopted_on="2025-04-01", amount_fen=5_000_000)
    _add("qc_group", s, {"year": 2025, "name": "降损QC小组", "topic": "降低线损率",
                         "stage": "do", "members": [{"member": m1}]})
    _add("firm_service", s, {"date": "2025-04-01", "firm": "江城机械厂", "problem": "电机过热",
                             "solved": True, "trained": 30, "servers": [{"member": m2}]})
    blocks = document_blocks(annual_data(s, 2025))
    heads = [b.text for b in blocks if isinstance(b, Heading)]
    assert any(h.endswith("、合理化建议、QC小组与助企服务") for h in heads), heads
    tables = {b.title: b for b in blocks if isinstance(b, Table)}
    proposals = next(t for title, t in tables.items() if title.endswith("合理化建议"))
    assert proposals.rows == [["2025年3月1日", "改进配电柜巡检路线", "李明、王芳", "采纳", "5.00"]]
    services = next(t for title, t in tables.items() if title.endswith("助企服务"))
    assert services.rows[0][1:5] == ["江城机械厂", "电机过热", "已解决", "30"]
    write_annual(s, 2025, tmp_path / "a.pdf")
    write_annual_docx(s, 2025, tmp_path / "a.docx")
    assert (tmp_path / "a.pdf").stat().st_size > 0
    import zipfile
    xml = zipfile.ZipFile(tmp_path / "a.docx").read("word/document.xml").decode("utf-8")
    assert "江城机械厂" in xml and "降损QC小组" in xml


def test_the_registers_travel_to_the_union_office_in_a_package(studio, tmp_path):
    from laomo_desktop.exchange import export, importer
    from laomo_desktop.paths import LedgerPaths
    from laomo_desktop.store.database import close_ledger, open_ledger

    s, m1, m2 = studio
    _proposal(s, [m1, m2], status="adopted", adopted_on="2025-04-01", amount_fen=100)
    _add("qc_group", s, {"year": 2025, "name": "降损QC小组", "topic": "降低线损率",
                         "stage": "do", "members": [{"member": m1}]})
    _add("firm_service", s, {"date": "2025-04-01", "firm": "江城机械厂", "problem": "电机过热",
                             "solved": True, "trained": 30, "servers": [{"member": m2}]})
    _add("mentorship", s, {"master": m1, "apprentice": m2, "agreement_date": "2023-03-01",
                           "graduated_on": "2025-06-01", "grade": "excellent",
                           "records": [{"date": "2025-01-10", "content": "讲解继电保护"}]})
    before = stats.studio_year(s, 2025)
    (tmp_path / "usb").mkdir()
    path = export.export_studio(LedgerPaths(tmp_path / "data"), s, tmp_path / "usb").path
    close_ledger()
    office = LedgerPaths(tmp_path / "office")
    open_ledger(office)
    importer.apply(office, path, trust_new_key=True)
    after = stats.studio_year(s, 2025)
    assert (after.proposals_adopted, after.qc_groups, after.firm_problems_solved,
            after.apprentices_excellent, after.mentoring_records) == \
        (before.proposals_adopted, before.qc_groups, before.firm_problems_solved,
         before.apprentices_excellent, before.mentoring_records) == (1, 1, 1, 1, 1)
    assert R.list_records("proposal", s)[0]["proposers"] == [{"member": m1}, {"member": m2}]


def test_laomo_stats_prints_the_registers_line(studio, capsys, tmp_path):
    from laomo_desktop.cli import main
    from laomo_desktop.store.database import close_ledger

    s, m1, _ = studio
    _proposal(s, [m1], status="adopted", adopted_on="2025-04-01")
    _add("firm_service", s, {"date": "2025-04-01", "firm": "江城机械厂", "problem": "电机过热",
                             "solved": True, "trained": 30})
    close_ledger()
    assert main(["--data-dir", str(tmp_path / "data"), "stats", "--studio", "李明劳模创新工作室",
                 "--year", "2025"]) == 0
    assert ("合理化建议 1 条（已采纳 1 条）；QC小组 0 个；助企服务 1 次，服务企业 1 家，解决难题 1 个，"
            "培训职工 30 人次") in capsys.readouterr().out


def test_the_work_method_and_cooperation_results_are_counted_by_their_type(studio):
    s, m1, _ = studio
    for title, kind in (("带电作业先进工作法", "work_method"), ("跨厂技术协作", "cooperation"),
                        ("配网工法", "construction_method")):
        _add("result", s, {"title": title, "type": kind, "date": "2025-05-01",
                           "contributors": [{"member": m1}]})
    f = stats.studio_year(s, 2025)
    assert f.results_total == 3
    assert f.results_by_type == {"work_method": 1, "cooperation": 1, "construction_method": 1}


def test_every_register_figure_is_a_union_column_with_the_studios_own_value(studio):
    """Each count the registers feed the studio's year (proposals implemented and accepted, QC
    groups finished / with a result / awarded, apprentices graduated excellent, renewals,
    mentoring records…) can be chosen for the union summary, and its row says what the
    studio's own figures say."""
    from laomo_desktop.ledger import registers
    from laomo_desktop.ledger import unioncolumns as UC

    s, m1, m2 = studio
    _proposal(s, [m1], status="accepted", adopted_on="2025-04-01", implemented_on="2025-05-01",
              accepted_on="2025-06-01", amount_fen=1_000_000)
    _add("qc_group", s, {"year": 2025, "name": "降损QC小组", "topic": "降低线损率",
                         "stage": "finished", "result": "线损率降到3%", "award_level": "city"})
    _add("mentorship", s, {"master": m1, "apprentice": m2, "agreement_date": "2023-03-01",
                           "graduated_on": "2025-06-01", "grade": "excellent",
                           "renewed_on": "2025-03-01", "renewed_months": 12,
                           "records": [{"date": "2025-01-10", "content": "讲解继电保护"}]})
    f = stats.studio_year(s, 2025)
    row = union.union_year(2025)["studios"][0]
    attributes = {m.attribute for m in UC.CHOOSABLE.values()}
    for attrs in registers.FIGURES.values():
        for a in attrs:
            assert a in attributes, a
            assert row[a] == getattr(f, a), a
    assert (row["proposals_accepted"], row["qc_groups_awarded"], row["apprentices_excellent"],
            row["mentoring_renewed"], row["mentoring_records"]) == (1, 1, 1, 1, 1)
