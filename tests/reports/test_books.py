"""The ledger books (台账分册) and the year's plan: each lists exactly the records of the statistics
year (as of its end), with the fields an inspector looks for, and is reachable from `laomo`."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from helpers import page_count, pdftotext
from laomo_desktop.cli import main as cli_main
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.books import write_book
from laomo_desktop.reports.documents import BY_KEY, report_commands
from laomo_desktop.reports.plan import write_plan
from laomo_desktop.store.database import close_ledger, open_ledger
from sample_ledger import build

GENERATED = date(2026, 1, 15)


@pytest.fixture
def sample(ledger, tmp_path):
    u = build(ledger, tmp_path)
    R.update("member", u["wangfang"], {"sex": "female", "birth_date": "1988-05-12",
                                        "education": "bachelor", "post": "运维班长"})
    R.update("member", u["zhangwei"], {"sex": "male", "birth_date": "1979-11-03",
                                        "education": "college"})
    R.update("activity", u["m1"], {"summary": "讨论全年课题安排", "outcome": "确定三项攻关课题",
                                   "place": "一号楼 201 室", "host": "李明"})
    R.update("activity", u["t1"], {"summary": "带电作业规范讲解与实操", "place": "培训基地"})
    R.update("result", u["r1"], {"applied_where": "江城供电公司配网部",
                                 "applied_since": "2025-09-01"})
    R.update("result", u["r2"], {"patent_no": "2025 1 0099999.1"})
    R.update("mentorship", u["ms1"], {"plan": "每月带教两次，季度考核", "outcome": "取得中级工证书",
                                      "goal": "独立完成带电作业", "period_months": 12})
    R.update("plan", u["plan"], {"measures": "每季度组织一次技术交流", "schedule": "3月启动；6月中期检查"})
    photo = tmp_path / "现场.jpg"
    Image.new("RGB", (400, 300), (200, 40, 40)).save(photo)
    u["photo"] = A.attach(ledger, "activity", u["t1"], photo, "培训现场")["uid"]
    return u


def _write(kind: str, sample, ledger, tmp_path, *, layout: bool = False) -> str:
    """The book's text; with `layout`, line by line as printed (a table row on one line)."""
    pdf = tmp_path / f"{kind}.pdf"
    write_book(kind, ledger, sample["A"], 2025, pdf, generated=GENERATED)
    if not layout:
        return pdftotext(pdf)
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_activity_book_has_every_activity_of_the_year_with_content_minutes_and_people(
        sample, ledger, tmp_path):
    text = _write("activities", sample, ledger, tmp_path)
    f = flat(text)
    for topic in ("带电作业培训", "安全规程培训", "对外授课", "兄弟单位交流", "年度启动会"):
        assert topic in f, topic
    assert "去年培训" not in f and "已删除的培训" not in f  # 2024, and the recycle bin
    for field in ("活动内容", "活动成效", "会议纪要", "参加人员", "照片"):
        assert field in f, field
    assert "讨论全年课题安排" in f and "确定三项攻关课题" in f and "部署全年工作" in f
    assert "王芳、张伟、刘洋" in f and "外部人员10人" in f
    assert "采购测试仪" in f  # a meeting's follow-up
    assert "培训现场" in f  # the photo's caption
    pdf = tmp_path / "activities.pdf"
    images = [img for page in PdfReader(str(pdf)).pages for img in page.images]
    assert len(images) == 1


def test_the_training_book_has_a_sign_in_roster_per_training(sample, ledger, tmp_path):
    f = flat(_write("trainings", sample, ledger, tmp_path, layout=True))
    for topic in ("带电作业培训", "安全规程培训", "对外授课"):
        assert topic in f
    assert "去年培训" not in f and "兄弟单位交流" not in f and "年度启动会" not in f
    assert "学员花名册" in f and "签名" in f
    assert "1王芳运维班长" in f  # 序号, 姓名, 岗位 of the first trainee of 带电作业培训
    assert "外部学员25人" in f


def test_the_mentoring_book_has_the_pairs_of_the_year_with_plan_and_outcome(
        sample, ledger, tmp_path):
    f = flat(_write("mentoring", sample, ledger, tmp_path))
    assert "李明" in f and "刘洋" in f and "孙丽" in f
    assert "陈静" not in f  # ms3 ended in 2023
    assert "每月带教两次，季度考核" in f and "取得中级工证书" in f and "独立完成带电作业" in f
    assert "2025年6月30日出师" in f and "12个月" in f


def test_the_mentoring_book_has_the_grade_allowance_renewal_and_the_years_records(
        sample, ledger, tmp_path):
    """The 出师 grade, the master's allowance, a renewal and the pair's periodic records up to
    the year's end (a record of the next year is not the year's)."""
    R.update("mentorship", sample["ms2"], {
        "allowance_fen": 50_000, "renewed_on": "2025-11-01", "renewed_months": 6,
        "records": [{"date": "2025-06-10", "content": "讲解配网带电作业安全规程"},
                    {"date": "2026-01-20", "content": "次年的带徒记录"}]})
    R.update("mentorship", sample["ms1"], {"grade": "excellent"})
    f = flat(_write("mentoring", sample, ledger, tmp_path))
    assert "2025年6月30日出师（考核优秀）" in f
    assert "师傅带徒津贴（每月）500.00元" in f
    assert "2025年11月1日续签6个月" in f
    assert "2025年6月10日" in f and "讲解配网带电作业安全规程" in f
    assert "次年的带徒记录" not in f


def test_the_results_book_has_points_contributors_patent_numbers_and_use(
        sample, ledger, tmp_path):
    f = flat(_write("results", sample, ledger, tmp_path))
    for title in ("一种绝缘操作杆", "带电作业方法", "李明操作法", "关于巡检路线的建议"):
        assert title in f
    assert "去年的革新" not in f and "已删除的QC" not in f
    assert "ZL202520012345.6" in f and "202510099999.1" in f
    assert "实用新型专利" in f and "发明专利" in f
    assert "绝缘等级提高" in f and "李明、外单位专家、张伟" in f
    assert "江城供电公司配网部" in f and "创新点" in f and "应用情况" in f
    assert "发明专利1件、实用新型专利1件" in f  # patents by kind


def test_a_grant_after_the_year_is_not_printed_in_that_years_book(sample, ledger, tmp_path):
    R.update("result", sample["r2"], {"patent_status": "granted",
                                      "patent_granted_on": "2026-03-01"})
    f = flat(_write("results", sample, ledger, tmp_path))
    assert "2026年3月1日" not in f and "已受理" in f


def test_the_funds_book_runs_a_balance_from_the_amount_carried_over(sample, ledger, tmp_path):
    text = _write("funds", sample, ledger, tmp_path, layout=True)
    f = flat(text)
    assert "上年结转" in f and "5,000.00" in f
    balances = ["35,000.00", "55,000.00", "43,000.00", "42,654.33"]
    positions = [f.index(b) for b in balances]
    assert positions == sorted(positions)
    assert "本年合计" in f and "50,000.00" in f and "12,345.67" in f
    for voucher_field in ("日期", "凭证号", "摘要", "收入", "支出", "余额"):
        assert voucher_field in f
    # after 上年结转: each line's amount, then the balance it leaves; then the year's totals
    table = text.split("上年结转", 1)[1].split("本年合计", 1)[0]
    money = [int(m.replace(",", "").replace(".", "")) for m in
             re.findall(r"\d{1,3}(?:,\d{3})*\.\d{2}", table)]
    opening, lines = money[0], money[1:]
    totals = [int(m.replace(",", "").replace(".", "")) for m in re.findall(
        r"\d{1,3}(?:,\d{3})*\.\d{2}", text.split("本年合计", 1)[1].splitlines()[0])]
    assert opening == 500_000
    balance = opening
    for amount, shown, sign in zip(lines[::2], lines[1::2], (1, 1, -1, -1), strict=True):
        balance += sign * amount
        assert shown == balance
    assert totals == [5_000_000, 1_234_567, balance]


def test_the_roster_lists_the_team_at_the_years_end_with_sex_birth_and_education(
        sample, ledger, tmp_path):
    f = flat(_write("members", sample, ledger, tmp_path))
    for name in ("李明", "王芳", "张伟", "刘洋", "陈静"):
        assert name in f
    assert "赵强" not in f  # left in 2024
    assert "王芳女1988年5月大学本科" in f and "张伟男1979年11月大专" in f
    assert "技师" in f and "运维班长" in f


def test_the_plan_states_targets_measures_and_schedule(sample, ledger, tmp_path):
    pdf = tmp_path / "plan.pdf"
    write_plan(sample["A"], 2025, pdf, generated=GENERATED)
    f = flat(pdftotext(pdf))
    assert "李明劳模创新工作室2025年度工作计划" in f
    assert "培训场次4" in f and "培训人次40" in f and "经济效益（万元）10.00" in f
    assert "每季度组织一次技术交流" in f and "3月启动；6月中期检查" in f
    assert page_count(pdf) == 1


def test_the_registry_lists_the_books_and_the_plan():
    books = report_commands()["book"]
    assert [d.command[2] for d in books] == ["activities", "trainings", "mentoring", "results",
                                             "funds", "members"]
    assert [d.label for d in books] == ["活动记录", "培训记录", "师徒结对登记表", "创新成果登记表",
                                        "经费明细账", "成员名册"]
    assert BY_KEY["plan"].command == ("report", "plan") and BY_KEY["plan"].needs_studio


def test_the_cli_writes_each_book_and_the_plan(sample, ledger, tmp_path, capsys):
    close_ledger()
    data = ["--data-dir", str(ledger.root)]
    try:
        for kind in ("activities", "trainings", "mentoring", "results", "funds", "members"):
            out = tmp_path / f"cli-{kind}.pdf"
            assert cli_main([*data, "report", "book", kind, "--studio", "李明劳模创新工作室",
                             "--year", "2025", "--out", str(out)]) == 0, kind
            assert capsys.readouterr().out.strip() == str(out)
            assert "李明劳模创新工作室" in pdftotext(out)
        plan = tmp_path / "cli-plan.pdf"
        assert cli_main([*data, "report", "plan", "--studio", "李明", "--year", "2025",
                         "--out", str(plan)]) == 0
        assert "每季度组织一次技术交流" in pdftotext(plan)
    finally:
        open_ledger(ledger)


@pytest.mark.parametrize("kind", ["activities", "trainings", "mentoring", "results", "funds",
                                  "members"])
def test_each_book_as_a_word_document_says_what_its_pdf_says(kind, sample, ledger, tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    from docx_compare import assert_same_order, body_text, flat
    from laomo_desktop.reports.books import TITLES

    pdf, docx = tmp_path / f"{kind}.pdf", tmp_path / f"{kind}.docx"
    write_book(kind, ledger, sample["A"], 2025, pdf, generated=GENERATED)
    write_book(kind, ledger, sample["A"], 2025, docx, generated=GENERATED, docx=True)
    said = assert_same_order(docx, body_text(
        pdf, ("李明劳模创新工作室", f"2025 年度{TITLES[kind]}"), cover=True))
    assert said[:2] == ["李明劳模创新工作室", TITLES[kind]]  # the cover
    doc = Document(str(docx))
    cells = flat("".join(c.text for t in doc.tables for r in t.rows for c in r.cells))
    pdf_text = flat(pdftotext(pdf))
    if kind == "activities":
        assert "讨论全年课题安排" in cells and "王芳、张伟、刘洋" in cells  # the forms
        pictures = doc.element.body.findall(".//" + qn("w:drawing"))
        assert len(pictures) == 1 and "培训现场" in cells  # the photo, captioned
        assert [p.style.name for p in doc.paragraphs if p.text == "（一）年度启动会"] == [
            "Heading 2"]
    if kind == "trainings":
        roster = next(t for t in doc.tables if t.rows[0].cells[3].text == "签名")
        assert [c.text for c in roster.rows[0].cells] == ["序号", "姓名", "岗位/单位", "签名",
                                                          "备注"]
        assert roster.rows[1].height.mm > 8.9  # room to sign (9 mm, in twips)
    if kind == "funds":
        assert "上年结转" in cells and "本年合计" in cells
    if kind == "members":
        size = doc.styles["紧凑表格文字"].font.size.pt
        assert size < doc.styles["表格文字"].font.size.pt  # twelve columns: a point smaller
        assert "运维班长" in cells
    for t in doc.tables:  # every cell's text is printed in the PDF
        for r in t.rows:
            for c in r.cells:
                assert flat(c.text)[:10] in pdf_text, c.text


def test_a_photo_in_the_word_activity_book_is_shown_whole(sample, ledger, tmp_path):
    """The picture's paragraph is not on the body's exact line height (which crops a picture
    to one line in Word and LibreOffice): rendered by LibreOffice, the red 400 × 300 photo is
    as tall as three quarters of its width."""
    from helpers import soffice_pdf

    docx = tmp_path / "activities.docx"
    write_book("activities", ledger, sample["A"], 2025, docx, generated=GENERATED, docx=True)
    pdf = soffice_pdf(docx)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
                   check=True)
    boxes = []
    for png in sorted(tmp_path.glob("page-*.png")):
        red = Image.open(png).convert("RGB").point(lambda v: 255 if v > 150 else 0)
        r, g, _ = red.split()  # red where red is high and green low
        mask = Image.eval(g, lambda v: 255 - v)
        box = Image.composite(r, Image.new("L", r.size), mask).getbbox()
        if box:
            boxes.append(box)
    assert len(boxes) == 1, boxes
    x0, y0, x1, y1 = boxes[0]
    assert abs((y1 - y0) / (x1 - x0) - 0.75) < 0.08, boxes[0]


@pytest.mark.parametrize("kind, records", [
    ("activities", [("年度启动会", "2025年1月8日例会年度启动会"),
                    ("带电作业培训", "2025年3月10日培训带电作业培训"),
                    ("对外授课", "2025年11月1日培训对外授课")]),
    ("mentoring", [("李明—刘洋", "李明刘洋"), ("张伟—孙丽", "张伟孙丽")]),
    ("results", [("一种绝缘操作杆", "一种绝缘操作杆"), ("带电作业方法", "带电作业方法")])])
def test_a_record_has_the_same_number_in_the_overview_and_on_its_heading(
        kind, records, sample, ledger, tmp_path):
    """An inspector reading "（三）" on a record's heading finds the record as （三） in the
    一览 table above it; the headings still go 一、 → （一）."""
    lines = [flat(line) for line in _write(kind, sample, ledger, tmp_path, layout=True)
             .splitlines()]
    assert "一、" + {"activities": "活动一览", "mentoring": "结对一览",
                    "results": "成果一览"}[kind] in lines
    numbers = {}
    for heading, row in records:
        at = [line for line in lines if re.fullmatch(r"（[一二三四五六七八九十]+）" + heading, line)]
        assert len(at) == 1, (heading, lines)
        number = at[0][:-len(heading)]
        numbers[heading] = number
        assert any(line.startswith(number + row) and line != number + heading
                   for line in lines), (number, row)  # its row in the table
    assert len(set(numbers.values())) == len(records)


@pytest.mark.parametrize("kind, headings", [
    ("activities", ["（一）年度启动会", "（二）带电作业培训"]),
    ("mentoring", ["（一）李明 — 刘洋", "（二）张伟 — 孙丽"]),
    ("results", ["（一）一种绝缘操作杆", "（二）带电作业方法"])])
def test_the_word_book_numbers_its_overview_rows_as_its_record_headings(
        kind, headings, sample, ledger, tmp_path):
    """The Word book's 一览 table reads （一）（二）… down its 序号 column, the numbers its
    record headings carry, in the same order."""
    from docx import Document

    docx = tmp_path / f"{kind}.docx"
    write_book(kind, ledger, sample["A"], 2025, docx, generated=GENERATED, docx=True)
    doc = Document(str(docx))
    overview = doc.tables[0]
    assert overview.rows[0].cells[0].text == "序号"
    numbers = [r.cells[0].text for r in overview.rows[1:]]
    records = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert records[:len(headings)] == headings
    assert numbers == [h[:h.index("）") + 1] for h in records]


def _pages_with(text: str, pdf) -> list[int]:
    return [n for n, page in enumerate(pdftotext(pdf).split("\f"), 1) if text in flat(page)]


def test_the_records_section_heading_starts_a_page_with_the_first_record(
        sample, ledger, tmp_path):
    """二、活动记录 is not left alone at a page's foot: the PDF prints it on the page of the
    first record's heading, and the Word file keeps it with that heading (keep with next), as
    LibreOffice shows. The first record's minutes make it too tall for the room left under
    the 一览 table, so in the PDF (a record kept on one page) it starts the next page."""
    from docx import Document

    from helpers import soffice_pdf

    R.update("activity", sample["m1"], {"minutes": "\n".join(
        f"{k}. 议定本季度攻关课题的分工与进度安排，落实到人。" for k in range(1, 31))})
    pdf, docx = tmp_path / "activities.pdf", tmp_path / "word" / "activities.docx"
    docx.parent.mkdir()
    write_book("activities", ledger, sample["A"], 2025, pdf, generated=GENERATED)
    write_book("activities", ledger, sample["A"], 2025, docx, generated=GENERATED, docx=True)
    paragraphs = Document(str(docx)).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "二、活动记录")
    assert paragraphs[at].paragraph_format.keep_with_next
    assert paragraphs[at + 1].text == "（一）年度启动会"
    assert _pages_with("二、活动记录", pdf) == _pages_with("（一）年度启动会", pdf) == [3]
    word = soffice_pdf(docx)  # Word lets the form's rows run on: the record starts at once
    assert _pages_with("二、活动记录", word) == _pages_with("（一）年度启动会", word) == [2]
