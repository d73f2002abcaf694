from __future__ import annotations

import json
import subprocess
from datetime import date

import openpyxl
import pytest

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import demo, stats
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.figures import as_json
from laomo_desktop.ledger.metrics import METRICS
from laomo_desktop.ledger.union import (
    DEFAULT_TARGETS,
    NUMBERS,
    load_targets,
    save_targets,
    targets_path,
    union_year,
)
from laomo_desktop.reports import union as report
from laomo_desktop.reports.union import write_union_pdf, write_union_xlsx
from sample_ledger import build

GENERATED = date(2026, 1, 15)
TODAY = date(2026, 6, 1)
HOSTILE = "A&B <b>粗</b> x<y"
FORMULA = '=HYPERLINK("http://example.invalid","工作室")'


def pdftotext(pdf) -> str:  # the poppler tools are required: a missing one fails the test
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdffonts(pdf) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split() for line in out if line.strip()]


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def _same_as_studio_year(year: int) -> int:
    data = union_year(year)
    for row in data["studios"]:
        want = stats.studio_year(row["uid"], year)
        figures = as_json(want)  # a figure a function computes (activities of a type): its metric
        assert {k: row[k] for k in NUMBERS} == {
            k: figures[k] if k in figures else METRICS[k].value(want) for k in NUMBERS}, row["name"]
    return len(data["studios"])


def test_per_studio_figures_equal_studio_year_on_the_sample(sample):
    assert _same_as_studio_year(2023) == 1  # 周红's studio was founded on 2024-01-01
    for year in (2024, 2025, 2026):
        assert _same_as_studio_year(year) == 2
    rows = {r["name"]: r for r in union_year(2025)["studios"]}
    a, b = rows["李明劳模创新工作室"], rows["周红职工创新工作室"]
    assert (a["level"], a["leader"], a["party_org"]) == ("provincial", "李明", "party_group")
    assert (a["results_total"], a["results_technical"], a["patents_total"]) == (4, 3, 2)
    assert (a["training_sessions"], a["training_person_times"]) == (3, 40)
    assert (a["projects_started"], a["mentoring_new"], a["benefit_fen"]) == (1, 1, 12_345_600)
    assert (a["fund_income_fen"], a["fund_expense_fen"]) == (5_000_000, 1_234_567)
    assert (b["level"], b["level_label"], b["training_person_times"]) == (None, "未命名", 501)


def test_per_studio_figures_equal_studio_year_on_demo_data(ledger):
    list(demo.generate(3, 3, today=TODAY))
    busy = 0
    for year in range(2023, 2027):
        assert _same_as_studio_year(year) == 3
        busy += union_year(year)["totals"]["results_total"]
    assert busy > 0


def test_totals_levels_and_coverage(sample):
    data = union_year(2025)
    t = data["totals"]
    for k in NUMBERS:
        assert t[k] == sum(r[k] for r in data["studios"]), k
    assert t["training_person_times"] == 541 and t["training_sessions"] == 4
    counts = {lv["level"]: lv["count"] for lv in data["by_level"]}
    assert counts == {"national": 0, "provincial": 1, "city": 0, "district": 0,
                      "enterprise": 0, None: 1}
    assert data["coverage"] | {"lacking": None} == {
        "min_level": "city", "scope": "市级及以上", "total": 1, "covered": 1, "met": True,
        "progress": 1.0, "lacking": None, "all_covered": 1}
    goals = {g["key"]: g for g in data["goals"]}
    assert goals["training_person_times"] | {"label": None} == {
        "key": "training_person_times", "label": None, "target": 2000, "actual": 541,
        "met": False, "progress": 0.2705}
    assert goals["technical_innovations"]["actual"] == 3 and goals["patents"]["actual"] == 2

    # a city-level studio without a party organisation is listed as lacking one
    R.update("studio", sample["B"], {"recognitions": [{"level": "city", "date": "2024-05-01"}]})
    cov = union_year(2025)["coverage"]
    assert (cov["total"], cov["covered"], cov["met"]) == (2, 1, False)
    assert [r["name"] for r in cov["lacking"]] == ["周红职工创新工作室"]
    cov = union_year(2025, {"party_coverage_min_level": "provincial"})["coverage"]
    assert (cov["total"], cov["covered"], cov["scope"]) == (1, 1, "省级及以上")

    # studios in the recycle bin are left out
    R.trash("studio", sample["B"])
    data = union_year(2025)
    assert [r["name"] for r in data["studios"]] == ["李明劳模创新工作室"]
    assert data["totals"]["training_person_times"] == 40


def test_targets_from_a_json_file(tmp_path):
    path = targets_path(tmp_path)
    assert path == tmp_path / "union_targets.json"
    assert load_targets(None) == DEFAULT_TARGETS
    assert load_targets(path) == DEFAULT_TARGETS  # no file yet: the defaults
    path.write_text(json.dumps({"patents": 80, "party_coverage_min_level": "provincial"}),
                    "utf-8")
    assert load_targets(path) == DEFAULT_TARGETS | {"patents": 80,
                                                    "party_coverage_min_level": "provincial"}
    saved = save_targets(path, {"training_person_times": 3000})
    assert load_targets(path) == saved == DEFAULT_TARGETS | {"training_person_times": 3000}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


@pytest.mark.parametrize("content, key", [
    ('{"patents": -1}', "patents"),
    ('{"patents": 2.5}', "patents"),
    ('{"technical_innovations": "500"}', "technical_innovations"),
    ('{"training_person_times": true}', "training_person_times"),
    ('{"party_coverage_min_level": "town"}', "party_coverage_min_level"),
    ('{"patent": 5}', "patent"),
    ('[1, 2]', "JSON"),
    ('{"patents": 5', "union_targets.json"),
])
def test_broken_targets_are_refused_naming_the_key(tmp_path, content, key):
    path = tmp_path / "union_targets.json"
    path.write_text(content, "utf-8")
    with pytest.raises(LaomoError) as exc:
        load_targets(path)
    assert key in exc.value.message
    with pytest.raises(LaomoError):
        save_targets(tmp_path / "other.json", {"patents": -5})
    assert not (tmp_path / "other.json").exists()


def test_the_pdf_prints_names_totals_and_embeds_its_fonts(sample, tmp_path):
    R.update("studio", sample["B"], {"name": HOSTILE})
    pdf = tmp_path / "union.pdf"
    data = write_union_pdf(2025, {"training_person_times": 500}, pdf, generated=GENERATED)
    text = pdftotext(pdf)
    assert "2025 年度劳模创新工作室汇总表" in text and "生成于 2026年1月15日" in text
    assert "李明劳模创新工作室" in text and HOSTILE in text
    for heading in ("一、总体情况", "二、年度目标完成情况", "三、各工作室主要指标", "合计"):
        assert heading in text, heading
    assert str(data["totals"]["training_person_times"]) in text  # 541
    # on landscape A4 (the default twelve figures need it) the sentence wraps at another place
    assert "开展培训 4 场次、541 人次" in text.replace("\n", "")
    assert "108.2%" in text  # 541 of the 500 person-times set above
    fonts = pdffonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the 'emb' column
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    (tmp_path / "plain").touch()
    assert pdf.stat().st_mode == (tmp_path / "plain").stat().st_mode  # the umask's, not 0600


def test_an_empty_ledger_gives_a_valid_pdf_saying_so(ledger, tmp_path):
    pdf = tmp_path / "empty.pdf"
    write_union_pdf(2025, None, pdf)
    text = pdftotext(pdf)
    assert "台账中没有已成立的工作室" in text and "二、年度目标完成情况" in text


def test_a_year_without_records_says_so(sample, tmp_path):
    pdf = tmp_path / "2019.pdf"
    write_union_pdf(2019, None, pdf)
    text = pdftotext(pdf)
    assert "2019 年度各工作室均没有登记" in text and "李明劳模创新工作室" in text
    assert "周红职工创新工作室" not in text  # founded in 2024


def test_a_year_before_any_studio_was_founded_counts_none(sample, tmp_path):
    pdf = tmp_path / "2010.pdf"
    write_union_pdf(2010, None, pdf)
    text = pdftotext(pdf)
    assert "截至 2010 年度结束，台账中没有已成立的工作室" in text
    assert "李明劳模创新工作室" not in text


def test_the_xlsx_has_a_row_per_studio_and_totals(ledger, tmp_path):
    list(demo.generate(5, 2, today=TODAY))
    first, second = (r["uid"] for r in union_year(2025)["studios"][:2])
    R.update("studio", first, {"name": HOSTILE})
    R.update("studio", second, {"name": FORMULA})
    out = tmp_path / "union.xlsx"
    data = write_union_xlsx(2025, None, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总表", "目标完成情况"]
    ws = wb["汇总表"]
    assert ws.freeze_panes == "C3" and ws.cell(2, 1).font.bold
    header = [c.value.replace("\n", "") for c in ws[2]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert rows[-1][0].startswith("填报单位（盖章）") and rows[-3][0].startswith("说明：")
    assert rows[-2] == rows[-4] == [None] * len(header)
    rows = rows[:-4]  # the notes and the sign-off line below the table
    assert len(rows) == len(data["studios"]) + 1 == 6
    *studios, totals = rows
    assert totals[0] == "合计" and [r[0] for r in studios] == [1, 2, 3, 4, 5]
    assert {r[1] for r in studios} == {r["name"] for r in data["studios"]}
    assert {HOSTILE, FORMULA} <= {r[1] for r in studios}  # literal text, never a formula
    assert next(c for c in ws["B"] if c.value == FORMULA).data_type == "s"
    col = {h: i for i, h in enumerate(header)}
    numeric = [i for i, v in enumerate(totals) if isinstance(v, str) and v.startswith("=SUM(")]
    assert len(numeric) == 12 and "经济效益（元）" not in col  # grants received and spent too
    for i in numeric:
        assert all(isinstance(r[i], int | float) for r in studios), header[i]
    sums = {h: sum(r[col[h]] for r in studios) for h in ("培训人次", "经济效益（万元）")}
    assert sums["培训人次"] == data["totals"]["training_person_times"]
    assert sums["经济效益（万元）"] == pytest.approx(data["totals"]["benefit_fen"] / 1_000_000)
    assert ws.cell(3, col["经济效益（万元）"] + 1).number_format == "0.00"
    goals = [[c.value for c in r] for r in wb["目标完成情况"].iter_rows(min_row=3, max_row=6)]
    assert [g[0] for g in goals][1:] == ["培训人次", "技术创新和攻关成果（项）", "专利（件）"]


def test_a_failed_write_leaves_no_file(ledger, tmp_path, monkeypatch):
    out = tmp_path / "union.xlsx"

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("openpyxl.Workbook.save", broken)
    with pytest.raises(OSError):
        write_union_xlsx(2025, None, out)
    monkeypatch.setattr(report, "build", broken)
    with pytest.raises(OSError):
        write_union_pdf(2025, None, tmp_path / "union.pdf")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
