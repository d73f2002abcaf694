"""An alliance's yearly report (联盟年度报告) as the union reads it: the alliance and its member
studios, the year's plan against the joint projects, and the alliance funds in and out with the
balance — the same in the PDF and the Word document, written by `laomo report alliance`."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from helpers import pdftotext, run_cli
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.documents import BY_KEY, Job, report_commands

TODAY = date(2025, 6, 15)


@pytest.fixture
def alliance(ledger) -> dict:
    studio = R.create("studio", None, {"name": "李明劳模创新工作室", "host_unit": "某某重型机械厂",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    a = R.create("alliance", studio["uid"], {
        "name": "市装备制造劳模创新工作室联盟", "role": "leader", "founded_on": "2023-05-01",
        "lead_studio": "李明劳模创新工作室",
        "members": [{"studio_name": "王强技能大师工作室", "host_unit": "某某机床厂",
                     "role": "member"}],
        "plans": [{"year": 2025, "joint_projects": 2, "tasks": "联合攻关两项，联合培训四次"}]},
        today=TODAY)
    R.create("project", studio["uid"], {"title": "大型铸件缺陷联合攻关", "type": "cooperation",
                                        "start_date": "2025-02-01", "status": "in_progress",
                                        "alliance": a["uid"]}, today=TODAY)
    for day, direction, amount, note in (("2024-10-01", "income", 2_000_000, "上年联盟经费"),
                                         ("2025-03-01", "income", 5_000_000, "省总工会联盟经费"),
                                         ("2025-05-01", "expense", 1_230_000, "联合攻关材料费")):
        R.create("fund", studio["uid"], {
            "date": day, "direction": direction, "amount_fen": amount, "note": note,
            **({"category": "project"} if direction == "expense" else {"source": "union"}),
            "alliance": a["uid"]}, today=TODAY)
    return {"studio": studio, "alliance": a, "paths": ledger}


FACTS = ("市装备制造劳模创新工作室联盟2025年度报告", "王强技能大师工作室", "某某机床厂", "盟主",
         "联合攻关两项，联合培训四次", "大型铸件缺陷联合攻关", "省总工会联盟经费", "联合攻关材料费")
PLAN = "本年度计划联合项目 2 项，实际开展 1 项（其中年末已结题 0 项），尚差 1 项。"
BALANCE = "上年结余 20,000.00 元，本年收入 50,000.00 元、支出 12,300.00 元，年末结余 57,700.00 元。"


def flat(text: str) -> str:
    """The text without the line breaks and spaces a PDF's wrapping puts in or takes out."""
    return text.replace("\n", "").replace(" ", "")


def _write(a: dict, suffix: str, tmp_path):
    out = tmp_path / f"alliance{suffix}"
    BY_KEY["alliance"].write(Job(a["paths"], 2025, a["studio"]["uid"],
                                 record_uid=a["alliance"]["uid"]), out)
    return out


def test_the_pdf_states_members_plan_against_projects_and_the_balance(alliance, tmp_path):
    text = flat(pdftotext(_write(alliance, ".pdf", tmp_path)))
    for fact in (*FACTS, PLAN, BALANCE):
        assert flat(fact) in text, fact


def test_the_word_document_says_the_same(alliance, tmp_path):
    d = docx.Document(str(_write(alliance, ".docx", tmp_path)))
    text = "\n".join(p.text for p in d.paragraphs) + "\n".join(
        c.text for t in d.tables for r in t.rows for c in r.cells)
    for fact in (*FACTS, PLAN, BALANCE):
        assert fact in text, fact


def test_laomo_report_alliance_takes_the_alliance_by_name(alliance, tmp_path, capsys):
    assert [d.key for d in report_commands()["alliance"]] == ["alliance"]
    out = tmp_path / "联盟.pdf"
    code, _, _ = run_cli(capsys, "--data-dir", str(alliance["paths"].root), "report", "alliance",
                         "--studio", "李明", "--alliance", "装备制造", "--year", "2025",
                         "--out", str(out))
    assert code == 0 and flat(BALANCE) in flat(pdftotext(out))
    code, _, err = run_cli(capsys, "--data-dir", str(alliance["paths"].root), "report",
                           "alliance", "--studio", "李明", "--alliance", "电力", "--out", str(out))
    assert code != 0 and "本工作室没有创新联盟“电力”" in err


def test_the_annual_summary_has_an_alliance_section(alliance, tmp_path):
    out = tmp_path / "summary.pdf"
    BY_KEY["annual"].write(Job(alliance["paths"], 2025, alliance["studio"]["uid"]), out)
    text = flat(pdftotext(out))
    assert flat("年末参加创新联盟 1 个，其中任盟主 1 个；本年度开展联盟联合项目 1 项；"
                "联盟经费收入 5.00 万元、支出 1.23 万元。") in text
    assert "市装备制造劳模创新工作室联盟" in text


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_annual_summary_marks_the_joint_project_and_the_alliance_funds(alliance, tmp_path,
                                                                           suffix):
    """In the summary's lists, a project or fund entry of an alliance says which: an inspector
    reading the 创新课题 or 经费收支明细 tables sees the joint work the 创新联盟 section counts."""
    out = tmp_path / f"summary{suffix}"
    BY_KEY["annual"].write(Job(alliance["paths"], 2025, alliance["studio"]["uid"]), out)
    if suffix == ".pdf":
        text = flat(pdftotext(out))
    else:
        d = docx.Document(str(out))
        text = flat("\n".join(c.text for t in d.tables for row in t.rows for c in row.cells))
    mark = "（市装备制造劳模创新工作室联盟联合项目）"
    assert flat("大型铸件缺陷联合攻关" + mark) in text
    assert flat("【联盟经费：市装备制造劳模创新工作室联盟】省总工会联盟经费") in text
    assert flat("【联盟经费：市装备制造劳模创新工作室联盟】联合攻关材料费") in text


def _words(pdf, page: int = 1) -> list[tuple[str, float, float]]:
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l",
                           str(page), str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [(w, float(x0), float(y0)) for x0, y0, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', html)]


def test_a_long_title_breaks_before_the_year_and_the_aims_read_as_body_text(ledger, tmp_path):
    """A title too long for one line breaks before 2025年度报告, never leaving 告 alone; the
    aims are indented as the other paragraphs are, with room above them."""
    studio = R.create("studio", None, {"name": "尹健辉劳模创新工作室", "host_unit": "某某车辆段",
                                       "founded_on": "2018-04-20"}, today=TODAY)
    a = R.create("alliance", studio["uid"], {
        "name": "东川市电力检修劳模创新工作室联盟", "role": "leader", "founded_on": "2023-05-12",
        "aims": "围绕配网带电作业开展联合攻关",
        "plans": [{"year": 2025, "joint_projects": 1, "tasks": "联合攻关一项"}]}, today=TODAY)
    out = tmp_path / "alliance.pdf"
    BY_KEY["alliance"].write(Job(ledger, 2025, studio["uid"], record_uid=a["uid"]), out)
    lines = [ln.strip() for ln in pdftotext(out, layout=True).splitlines() if ln.strip()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith("东川市电力检修"))
    assert flat(lines[first + 1]) == "2025年度报告", lines[first:first + 2]
    words = _words(out)
    aims = next(x for w, x, _ in words if w.startswith("联盟宗旨"))
    body = next(x for w, x, _ in words if w.startswith("年度任务"))
    assert abs(aims - body) < 1, (aims, body)  # indented alike


def test_the_word_totals_stand_right_under_the_amounts_as_in_the_pdf(alliance, tmp_path):
    """A numeric column reads down to its sum: the 合计 rows' amounts are right-aligned like the
    amounts above them (the PDF aligns the whole column)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = tmp_path / "summary.docx"
    BY_KEY["annual"].write(Job(alliance["paths"], 2025, alliance["studio"]["uid"]), out)
    funds = next(t for t in docx.Document(str(out)).tables
                 if t.rows[0].cells[0].text == "日期" and "收入合计" in t.rows[-2].cells[0].text)
    amounts = [row.cells[3].paragraphs[0] for row in funds.rows[1:]]
    assert [p.text for p in amounts[-2:]] == ["50,000.00", "12,300.00"]
    assert {p.alignment for p in amounts} == {WD_ALIGN_PARAGRAPH.RIGHT}

