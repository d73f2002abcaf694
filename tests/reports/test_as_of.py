"""Every document states what was true in its year: standing records as of the period's end,
the studio's level, party organisation and leader then, the namings dated by then with the
status they had then, and the period's own name (a statistics year may start in October)."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from helpers import pdftotext
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.period import set_start_month
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.reports.union import write_union_pdf
from sample_ledger import build

GENERATED = date(2026, 7, 1)
LATER = date(2026, 12, 31)  # "today" for records entered after the year


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def flat(text: str) -> str:
    return "".join(text.split())


def add_later_records(u: dict) -> None:
    """What happened in 2026, entered into the ledger after 2025's documents were due."""
    a = u["A"]
    recognitions = R.get("studio", a)["recognitions"]
    R.update("studio", a, {
        "recognitions": [*recognitions,
                         {"level": "national", "date": "2026-05-20", "body": "中华全国总工会",
                          "doc_no": "总工发〔2026〕9号"}],
        "leaders": [{"name": "李明", "since": "2019-03-01"},
                    {"name": "王芳", "since": "2026-02-01"}],
        "party_changes": [{"party_org": "party_branch", "date": "2026-03-01"}],
    }, today=LATER)

    def add(kind, values):
        return R.create(kind, a, values, today=LATER)["uid"]

    add("equipment", {"name": "无人机巡检系统", "quantity": 1, "value_fen": 8_800_000,
                      "acquired_on": "2026-02-01"})
    add("rule", {"title": "创新成果奖励办法", "category": "other", "adopted_on": "2026-03-01"})
    add("member", {"name": "钱新", "role": "core", "joined_on": "2026-01-05"})
    add("mentorship", {"master": u["liming"], "apprentice_name": "吴新",
                       "agreement_date": "2026-01-10", "graduated_on": "2026-08-01"})
    add("activity", {"date": "2026-03-03", "type": "training", "topic": "新年度培训",
                     "outside_count": 30})
    add("result", {"title": "新型验电器", "type": "patent", "date": "2026-02-02",
                   "patent_kind": "utility", "patent_status": "filed",
                   "patent_filed_on": "2026-02-02"})
    add("fund", {"date": "2026-02-01", "direction": "income", "source": "union",
                 "amount_fen": 10_000_000})
    # events of 2026 on records of 2025 and before
    R.update("mentorship", u["ms2"], {"graduated_on": "2026-04-30"}, today=LATER)
    R.update("rule", u["rule2"], {"repealed_on": "2026-04-01"}, today=LATER)
    R.update("equipment", u["eq1"], {"disposed_on": "2026-05-01"}, today=LATER)
    R.update("result", u["r2"], {"patent_status": "granted", "patent_granted_on": "2026-03-01"},
             today=LATER)
    R.update("project", u["p2"], {"status": "concluded", "end_date": "2026-03-31"},
             today=LATER)
    wang = R.get("member", u["wangfang"])["skill_levels"]
    R.update("member", u["wangfang"],
             {"skill_levels": [*wang, {"level": "grade1", "date": "2026-04-01"}]}, today=LATER)
    R.update("studio", a, {"recognitions": [
        {**r, "status": "removed", "status_on": "2026-06-01"} if r["level"] == "city" else r
        for r in R.get("studio", a)["recognitions"]]}, today=LATER)


def documents(ledger, u, tmp_path, tag: str) -> dict[str, str]:
    annual, packet, union = (tmp_path / f"{tag}-{n}.pdf" for n in ("annual", "packet", "union"))
    write_annual(u["A"], 2025, annual, generated=GENERATED)
    write_packet(ledger, u["A"], 2025, "eight_must_haves", [], packet, generated=GENERATED)
    write_union_pdf(2025, None, union, generated=GENERATED)
    return {"annual": pdftotext(annual), "packet": pdftotext(packet), "union": pdftotext(union)}


def test_records_dated_after_the_year_change_none_of_its_documents(ledger, sample, tmp_path):
    before = documents(ledger, sample, tmp_path, "before")
    add_later_records(sample)
    after = documents(ledger, sample, tmp_path, "after")
    for name in before:
        assert after[name] == before[name], name


def test_the_2025_summary_leaves_out_what_came_later(ledger, sample, tmp_path):
    add_later_records(sample)
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf, generated=GENERATED)
    text = flat(pdftotext(pdf)).replace("2026年7月1日", "")  # the generation date
    for later in ("2026年5月20日", "全国级", "总工发〔2026〕9号", "无人机巡检系统", "创新成果奖励办法",
                  "钱新", "吴新", "新年度培训", "新型验电器", "2026年4月30日", "劳模党支部",
                  "高级技师", "摘牌", "领衔人：王芳", "2026年"):
        assert later not in text, later
    assert "领衔人：李明" in text
    assert "孙丽" in text  # the pair was in training at the end of 2025 ...
    assert "绝缘电阻测试仪" in text and "经费管理办法" in text  # ... still held, still in force
    assert "劳模党小组" in text
    # and the 2026 summary tells the later story
    write_annual(sample["A"], 2026, pdf, generated=GENERATED)
    text = flat(pdftotext(pdf))
    for later in ("2026年5月20日", "全国级", "总工发〔2026〕9号", "无人机巡检系统", "创新成果奖励办法",
                  "劳模党支部", "领衔人：王芳", "摘牌（2026年6月1日）"):
        assert later in text, later
    assert "经费管理办法" not in text  # repealed on 2026-04-01


def test_a_naming_shows_the_status_it_had_at_the_years_end(ledger, sample, tmp_path):
    R.update("studio", sample["A"], {"recognitions": [
        {"level": "city", "date": "2021-05-01", "body": "江城市总工会", "doc_no": "江工发〔2021〕3号",
         "status": "revoked", "status_on": "2025-10-01"},
        {"level": "provincial", "date": "2023-06-01", "demonstration": True, "star": "three",
         "status": "under_review", "status_on": "2025-03-01"}]}, today=LATER)
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf, generated=GENERATED)
    text = flat(pdftotext(pdf))
    assert "撤销（2025年10月1日）" in text and "复审中（2025年3月1日）" in text
    assert "江城市总工会" in text and "江工发〔2021〕3号" in text and "三星" in text
    assert "级别省级" in text
    write_annual(sample["A"], 2024, pdf, generated=GENERATED)
    text = flat(pdftotext(pdf))
    assert "撤销" not in text and "复审中" not in text  # neither had happened by 2024's end
    assert text.count("有效") >= 2


def test_a_studio_founded_mid_2025_gets_no_2024_documents(ledger, sample, tmp_path):
    uid = R.create("studio", None, {"name": "新成立工作室", "host_unit": "江城供电公司",
                                    "founded_on": "2025-07-01"}, today=LATER)["uid"]
    for write in (lambda out: write_annual(uid, 2024, out),
                  lambda out: write_packet(ledger, uid, 2024, "eight_must_haves", [], out)):
        out = tmp_path / "2024.pdf"
        with pytest.raises(LaomoError, match="成立于 2025-07-01，2024 年度结束时尚未成立"):
            write(out)
        assert not out.exists() and not list(tmp_path.glob("*.partial"))
    union = tmp_path / "union-2024.pdf"
    write_union_pdf(2024, None, union)
    assert "新成立工作室" not in pdftotext(union)
    write_union_pdf(2025, None, union)
    assert "新成立工作室" in pdftotext(union)


def test_a_statistics_year_from_october_names_itself_everywhere(ledger, sample, tmp_path):
    set_start_month(10)
    annual, packet, union = (tmp_path / f"{n}.pdf" for n in ("annual", "packet", "union"))
    write_annual(sample["A"], 2025, annual, generated=GENERATED)
    write_packet(ledger, sample["A"], 2025, "eight_must_haves", [], packet, generated=GENERATED)
    write_union_pdf(2025, None, union, generated=GENERATED)
    span = "2024-10-01至2025-09-30"
    for pdf, title in ((annual, "2025统计年度工作总结"), (packet, "2025统计年度考核材料"),
                       (union, "2025统计年度劳模创新工作室汇总表")):
        text = flat(pdftotext(pdf))
        assert title in text and span in text, pdf.name
        assert "年底" not in text, pdf.name
        # the plan keeps the name of its year (a 2025 plan is the plan of statistics year 2025)
        assert "2025年度" not in text.replace("2025年度计划", ""), pdf.name
    text = flat(pdftotext(annual))
    assert "截至2025-09-30，工作室共有成员" in text
    assert "对外授课" not in text  # 2025-11-01: statistics year 2026
    assert "去年培训" in text  # 2024-12-31: statistics year 2025
    axis = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(annual), "-"],
                          check=True, capture_output=True, text=True).stdout  # left to right
    months = [w for w in axis.split() if w.endswith("月") and w[:-1].isdigit()]
    assert months[:12] == [f"{m}月" for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]


def test_the_union_summary_counts_each_studio_as_it_stood_then(ledger, sample, tmp_path):
    import openpyxl

    from laomo_desktop.reports.union import write_union_xlsx

    R.update("studio", sample["B"], {
        "recognitions": [{"level": "city", "date": "2026-03-01"}],
        "party_changes": [{"party_org": "pioneer_post", "date": "2026-03-01"}]}, today=LATER)
    R.create("studio", None, {"name": "新成立工作室", "host_unit": "江城供电公司",
                              "founded_on": "2026-02-01"}, today=LATER)

    def rows(year):
        out = tmp_path / f"{year}.xlsx"
        write_union_xlsx(year, None, out)
        ws = openpyxl.load_workbook(out)["汇总表"]
        return ws.cell(1, 1).value, {r[1].value: [c.value for c in r] for r in ws.iter_rows(
            min_row=3) if isinstance(r[1].value, str) and r[1].value.endswith("工作室")}

    title, by_name = rows(2025)
    assert title == "2025 年度劳模创新工作室汇总表"
    assert set(by_name) == {"李明劳模创新工作室", "周红职工创新工作室"}
    assert by_name["周红职工创新工作室"][3:5] == ["未命名", "无"]  # after 序号, name, leader
    title, by_name = rows(2026)
    assert "新成立工作室" in by_name
    assert by_name["周红职工创新工作室"][3:5] == ["市级", "党员先锋岗"]
    pdf = tmp_path / "2025.pdf"
    write_union_pdf(2025, None, pdf)
    text = flat(pdftotext(pdf))
    assert "纳入汇总的工作室共2个" in text and "新成立工作室" not in text
    assert "市级及以上工作室1个" in text  # 周红's studio was not yet city-level

    set_start_month(10)
    title, by_name = rows(2026)  # 2025-10-01 … 2026-09-30
    assert title == "2026 统计年度（2025-10-01 至 2026-09-30）劳模创新工作室汇总表"
    title, by_name = rows(2025)
    assert "新成立工作室" not in by_name
