from __future__ import annotations

from datetime import date

import pytest

from helpers import page_count, pdffonts, pdftotext
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from sample_ledger import EXPECTED_2025, build

GENERATED = date(2026, 1, 15)
HOSTILE = "A&B x<y&z>w <b>粗体</b> <b>未闭合 &amp;"


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def test_the_annual_summary_prints_the_years_figures(sample, tmp_path):
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf, generated=GENERATED)
    text = "".join(pdftotext(pdf).split())  # a sentence may wrap anywhere
    e = EXPECTED_2025

    def printed(words: str) -> bool:
        return "".join(words.split()) in text

    assert printed("李明劳模创新工作室") and printed("2025 年度工作总结")
    assert printed(f"开展培训 {e['training_sessions']} 场次、{e['training_person_times']} 人次")
    assert printed("本年度认定经济效益 12.35 万元，累计 17.35 万元")
    assert printed(f"取得创新成果 {e['results_total']} 项，其中获奖成果 1 项")
    assert printed(f"本年度完成专利类成果 {e['patents_total']} 件（截至 2025 年底已授权 1 件）")
    assert printed("本年度收入 50,000.00 元，支出 12,345.67 元")
    assert printed("截至 2025 年底累计结余 42,654.33 元")
    for heading in ("一、基本情况", "二、“八个必有”自查", "三、年度目标完成情况", "四、技术创新与攻关",
                    "五、经济效益和社会效益", "六、人才培养", "七、交流与示范", "八、制度建设与经费",
                    "九、党建工作", "十、荣誉", "十一、存在问题与下一年度计划", "附表"):
        assert printed(heading), heading
    assert printed("青年骨干偏少") and printed("扩大培训")
    assert printed("一种绝缘操作杆") and not printed("已删除的QC")
    assert printed("生成于 2026年1月15日")
    pages = page_count(pdf)
    assert 4 <= pages <= 20
    assert f"第2页共{pages}页" in text


def test_fonts_are_embedded_and_chinese_comes_back(sample, tmp_path):
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    fonts = pdffonts(pdf)
    assert fonts, "no fonts listed"
    assert all(row[-5] == "yes" for row in fonts), fonts  # the 'emb' column
    faces = {row[0].split("+")[-1] for row in fonts}  # one face for each role (test_typography)
    assert faces == {"LaomoSerif-Bold", "LaomoSerif-Regular", "LaomoFang-Regular",
                     "LaomoKai-Regular", "WenQuanYiZenHei-0"}, faces


def test_hostile_and_long_text_prints_literally(sample, tmp_path):
    R.update("result", sample["r3"], {"title": HOSTILE[:100]})
    long = "存在的问题，主要是人员不足；设备老化：需要更新？还有！" * 200  # ~5,000 characters
    R.update("plan", sample["plan"], {"problems": long, "next_year": "第一行\n第二行"})
    pdf = tmp_path / "hostile.pdf"
    write_annual(sample["A"], 2025, pdf)
    text = pdftotext(pdf)
    assert "A&B x<y&z>w <b>粗体</b>" in text
    assert "<b>未闭合" in text
    furniture = ("李明劳模创新工作室", "2025 年度工作总结", "生成于")
    body = [line for line in text.replace("\f", "\n").splitlines()
            if not line.startswith(furniture) and not line.replace(" ", "").startswith("第")]
    assert "".join(body).count("存在的问题，主要是人员不足") == 200
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bad = [line for line in lines if line[0] in "，；：？！。、）》」』"]
    assert not bad, bad[:5]


def test_a_year_before_the_studio_was_founded_is_refused_and_writes_nothing(sample, tmp_path):
    pdf = tmp_path / "before.pdf"
    with pytest.raises(LaomoError, match="成立于 2019-03-01，2018 年度结束时尚未成立"):
        write_annual(sample["A"], 2018, pdf)
    assert not pdf.exists()


def test_an_empty_year_gives_a_valid_report_saying_so(sample, tmp_path):
    pdf = tmp_path / "empty.pdf"
    write_annual(sample["A"], 2019, pdf)
    text = pdftotext(pdf)
    assert "2019 年度未登记年度计划或目标" in text
    assert "（无记录）" in text
    assert "开展培训 0 场次、0 人次" in text
    assert page_count(pdf) >= 2


def test_the_pairs_table_says_the_grade_and_a_renewal(sample, tmp_path):
    """A pair's 出师 with its assessment grade, and a renewal, as the mentoring book says them;
    a grade given after the year is not the year's (the pair graduated then)."""
    R.update("mentorship", sample["ms1"], {"grade": "excellent"})
    R.update("mentorship", sample["ms2"], {"renewed_on": "2025-11-01", "renewed_months": 6})
    pdf = tmp_path / "a.pdf"
    write_annual(sample["A"], 2025, pdf)
    text = "".join(pdftotext(pdf).split())
    assert "2025年6月30日出师（考核优秀）" in text
    assert "在培；2025年11月1日续签6个月" in text
