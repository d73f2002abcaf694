"""The reports look like the documents a union files (GB/T 9704 as unions print them): each role
in its face, headings numbered 一、（一）1.（1） without gaps, everything black, the body
indented and justified, the binding margin on the binding side of each page, table titles
above their tables."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from PIL import Image

from helpers import pdffonts, pdftotext
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from sample_ledger import build

MM = 72 / 25.4


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


@pytest.fixture
def annual(sample, tmp_path) -> Path:
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    return pdf


@pytest.fixture
def packet(ledger, sample, tmp_path) -> Path:
    """The sample's review packet without attachments (an appended PDF keeps its own margins)."""
    pdf = tmp_path / "packet.pdf"
    write_packet(ledger, sample["A"], 2025, "union_100", [], pdf)
    return pdf


def lines(pdf: Path) -> list[list[dict]]:
    """Each page's text lines as poppler lays them out: text, xMin, yMin (from the top), xMax."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        out = []
        for attrs, body in re.findall(r"<line (.*?)>(.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', attrs))
            words = re.findall(r"<word [^>]*>(.*?)</word>", body, re.S)
            out.append({"text": "".join(unescape(w) for w in words), "x": float(box["xMin"]),
                        "y": float(box["yMin"]), "right": float(box["xMax"]),
                        "bottom": float(box["yMax"])})
        pages.append(out)
    return pages


def faces_of_text(pdf: Path) -> dict[str, str]:
    """The text each face prints, page after page (the face's PostScript name, no subset tag)."""
    from pypdf import PdfReader

    out: dict[str, str] = {}

    def seen(text, cm, tm, font, size):
        if font and text.strip():
            face = str(font.get("/BaseFont", "")).split("+")[-1]
            face = re.sub(r"-\d+$", "", face)  # Zen Hei: WenQuanYiZenHei-0
            out[face] = out.get(face, "") + text

    for page in PdfReader(str(pdf)).pages:
        page.extract_text(visitor_text=seen)
    return {face: "".join(text.split()) for face, text in out.items()}


# ---- heading numbers -----------------------------------------------------------------------

def test_chinese_numbers_and_heading_labels():
    from laomo_desktop.reports.headings import Outline, chinese_number
    from laomo_desktop.reports.layout import styles

    assert [chinese_number(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 116)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零五",
        "一百一十", "一百一十六"]
    o = Outline(styles())
    got = [o.number(level) for level in (1, 2, 2, 3, 3, 4, 2, 1, 2, 3)]
    assert got == ["一、", "（一）", "（二）", "1.", "2.", "（1）", "（三）", "二、", "（一）", "1."]


def test_heading_numbers_leave_no_gap_when_a_section_is_missing(sample, tmp_path):
    R.update("studio", sample["A"], {"party_org": None})  # no 党建 section to print
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    text = "".join(pdftotext(pdf).split())
    assert "党建工作" not in text
    assert "八、制度建设与经费" in text and "九、荣誉" in text and "十、存在问题与下一年度计划" in text
    assert "十、荣誉" not in text and "十一、" not in text
    h1 = re.findall(r"([一二三四五六七八九十]+)、", text)
    numbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    assert [n for n in h1 if n in numbers] == numbers  # each once, in order
    assert "（一）命名表彰" in text and "（二）团队成员" in text and "（三）设备设施" in text
    assert "（一）创新课题" in text and "（一）存在问题" in text and "（二）下一年度计划" in text


# ---- faces -----------------------------------------------------------------------------------

def test_each_role_prints_in_its_face(annual):
    families = {row[0].split("+")[-1] for row in pdffonts(annual)}
    assert {"LaomoSerif-Bold", "LaomoSerif-Regular", "LaomoFang-Regular", "LaomoKai-Regular",
            "WenQuanYiZenHei-0"} <= families, families
    faces = faces_of_text(annual)
    assert "李明劳模创新工作室" in faces["LaomoSerif-Bold"]  # the title, 宋体 bold
    assert "一、基本情况" in faces["WenQuanYiZenHei"]  # level 1, 黑体
    assert "（一）命名表彰" in faces["LaomoKai-Regular"]  # level 2, 楷体
    assert "工作室共有成员" in faces["LaomoFang-Regular"]  # body, 仿宋
    assert "表1命名表彰情况" in faces["WenQuanYiZenHei"]  # table title, 黑体
    assert "命名日期命名级别" in faces["WenQuanYiZenHei"]  # table header, 黑体
    assert "江城供电公司" in faces["LaomoSerif-Regular"]  # table cells, 宋体
    assert "工作室共有成员" not in faces.get("LaomoSerif-Regular", "")


def test_level_three_is_fang_drawn_bold(tmp_path):
    from pypdf import PdfReader

    from laomo_desktop.reports.headings import Outline
    from laomo_desktop.reports.layout import build as build_pdf
    from laomo_desktop.reports.layout import styles

    st = styles()
    o = Outline(st)
    pdf = tmp_path / "levels.pdf"
    build_pdf(pdf, [o.heading(1, "总体情况"), o.heading(2, "创新"), o.heading(3, "课题进展"),
                    o.heading(4, "结题")], title="t", header_left="", header_right="",
              has_cover=False)
    faces = faces_of_text(pdf)
    assert "1.课题进展" in faces["LaomoFang-Regular"] and "（1）结题" in faces["LaomoFang-Regular"]
    stream = PdfReader(str(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert stream.count("2 Tr") == 1  # filled and outlined: the level-3 heading, no other


# ---- colour, indent, justification -------------------------------------------------------------

def test_documents_print_in_black_and_grey_only(ledger, sample, annual, packet, tmp_path):
    """Headings, table headers, totals rows and charts carry no colour: a union prints in
    black and white, where a dark-red heading comes out a muddy grey."""
    from laomo_desktop.reports.books import write_book
    from laomo_desktop.reports.union import write_union_pdf

    union, book = tmp_path / "union.pdf", tmp_path / "book.pdf"
    write_union_pdf(2025, None, union)
    write_book("activities", ledger, sample["A"], 2025, book)
    coloured = []
    for pdf in (annual, union, book, packet):
        out = tmp_path / f"{pdf.stem}-png"
        out.mkdir()
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(out / "p")], check=True)
        for png in sorted(out.glob("p-*.png")):
            saturation = Image.open(png).convert("RGB").convert("HSV").getchannel("S")
            n = sum(saturation.histogram()[24:])
            if n:
                coloured.append((pdf.stem, png.stem, n))
    assert not coloured


def test_body_paragraphs_are_indented_two_characters_and_justified(sample, tmp_path):
    long = ("本年度 3 名青年骨干参加 QC 小组活动 12 次，提出合理化建议 27 条，其中 8 条已实施；"
            "设备 2 台老化需更新。") * 6
    R.update("plan", sample["plan"], {"problems": long})
    pdf = tmp_path / "annual.pdf"
    write_annual(sample["A"], 2025, pdf)
    for page in lines(pdf):
        for i, line in enumerate(page):
            if line["text"].startswith("本年度3名青年骨干"):
                para = [line] + [x for x in page[i + 1:i + 12] if "设备" in x["text"]
                                 or "本年度" in x["text"] or "QC" in x["text"]]
                break
        else:
            continue
        break
    else:
        raise AssertionError("the paragraph was not found")
    first, rest = para[0], para[1:]
    assert len(rest) >= 3
    assert first["x"] - rest[0]["x"] == pytest.approx(24, abs=1.5)  # two 12 pt characters
    rights = [x["right"] for x in [first, *rest[:-1]]]  # every line but the last is full
    assert max(rights) - min(rights) < 1.0, rights


@pytest.mark.parametrize("document", ["annual", "packet"])
def test_binding_margin_alternates_sides(document, request):
    """Printed on both sides: the 28 mm margin is on the left of odd pages, on the right of
    even ones (the back of the sheet), so text never runs into the binding."""
    pages = lines(request.getfixturevalue(document))
    assert len(pages) >= 4
    for n, page in enumerate(pages[1:], 2):  # the cover has no header
        left = min(x["x"] for x in page)
        right = max(x["right"] for x in page)
        if n % 2:
            assert left == pytest.approx(28 * MM, abs=1), n
            assert right <= 210 * MM - 20 * MM + 1, n
        else:
            assert left == pytest.approx(20 * MM, abs=1), n
            assert right <= 210 * MM - 28 * MM + 1, n


def test_table_titles_stand_above_their_tables(annual):
    found = {}
    for page in lines(annual):
        for i, line in enumerate(page):
            m = re.fullmatch(r"(附?表[\d一二三四五]+)(.+)", line["text"])
            if m:
                below = page[i + 1] if i + 1 < len(page) else None
                found[m.group(1)] = (m.group(2), line, below)
    assert {"表1", "表2", "表3", "附表一", "附表二", "附表五"} <= set(found), sorted(found)
    title, line, header = found["表1"]
    assert title == "命名表彰情况" and header["text"].startswith("命名日期")
    for name, (_, line, below) in found.items():
        assert below is not None, name  # the title never ends a page
        assert line["bottom"] <= below["y"] and below["y"] - line["bottom"] < 12, name


def test_the_packets_titles_stand_in_the_middle_of_the_text_block(packet):
    """The contents' title and each part's title are centred between the page's margins, as
    the cover's lines are (not pushed right by a heading's indent)."""
    seen = []
    for n, page in enumerate(lines(packet)[1:], 2):
        left = 28 * MM if n % 2 else 20 * MM
        middle = left + (210 - 48) * MM / 2
        for line in page:
            if re.fullmatch(r"目\s*录|第[一二三四]部分.+", line["text"]):
                seen.append(line["text"][:4])
                assert (line["x"] + line["right"]) / 2 == pytest.approx(middle, abs=2), (
                    n, line["text"])
    assert {"目录", "第一部分", "第二部分", "第三部分"} <= {t.replace("　", "") for t in seen}
