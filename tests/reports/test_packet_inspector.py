"""The review packet as an inspector reads it: photos upright and captioned from their records,
four to a page; one page numbering for the whole file (appended PDFs stamped); a contents page
and bookmarks; the score sheet in the inspectors' layout; an evidence index with numbers and
pages; the cover's seal line."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from helpers import page_count, pdftotext
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from sample_ledger import build


def _phone_photo(path, rotated: bool, shade: int = 0):
    """A portrait photo (300 × 400 as seen) stored the way a phone stores it: the pixels
    landscape (400 × 300) and EXIF orientation 6 saying "turn 90° clockwise to view"."""
    seen = Image.new("RGB", (300, 400), (40 + 30 * shade, 90, 160))  # each its own image
    if rotated:
        exif = Image.Exif()
        exif[0x0112] = 6
        seen.transpose(Image.Transpose.ROTATE_90).save(path, exif=exif)
    else:
        seen.save(path)
    return path


@pytest.fixture
def packet(ledger, tmp_path):
    u = build(ledger, tmp_path)
    photos = []
    for i in range(5):
        f = _phone_photo(tmp_path / f"IMG_{i:04d}.jpg", rotated=True, shade=i)
        photos.append(A.attach(ledger, "activity", u["t1"], f)["uid"])
    scan = tmp_path / "证书扫描.pdf"
    write_annual(u["B"], 2025, scan)
    u["scan_pages"] = page_count(scan)
    scan_uid = A.attach(ledger, "result", u["r1"], scan, "专利证书")["uid"]
    out = tmp_path / "packet.pdf"
    u["result"] = write_packet(ledger, u["A"], 2025, "union_100", photos + [scan_uid], out)
    u["out"] = out
    return u


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def test_photos_are_upright_four_a_page_and_captioned_from_their_record(packet):
    reader = PdfReader(str(packet["out"]))
    photo_pages = [p for p in reader.pages if len(p.images) > 0]
    sizes = [img.image.size for p in photo_pages for img in p.images]
    assert len(sizes) == 5
    assert all(h > w for w, h in sizes), f"a portrait phone photo printed sideways: {sizes}"
    assert [len(p.images) for p in photo_pages] == [4, 1]
    text = pdftotext(packet["out"])
    assert "IMG_0001" not in text, "captioned with the file name"
    assert text.count("带电作业培训") >= 5 and "2025年3月10日" in text


def test_one_page_numbering_and_the_appended_pdf_is_stamped(packet):
    pages = _pages(packet["out"])
    total = page_count(packet["out"])
    assert len(pages) == total
    for number, text in enumerate(pages[1:], 2):  # the cover carries no number
        assert re.search(rf"第\s*{number}\s*页\s*共\s*{total}\s*页", text), number
    scan = [t for t in pages if "周红职工创新工作室" in t]
    assert len(scan) == packet["scan_pages"]
    assert all("附件6" in t for t in scan), "each appended page names its attachment"


def test_contents_page_numbers_are_right_and_every_part_is_bookmarked(packet):
    pages = _pages(packet["out"])
    contents = next(t for t in pages if re.search(r"^目\s*录$", t, re.M))
    for part in ("第一部分", "第二部分", "第三部分", "第四部分"):
        m = re.search(rf"{part}[^\n]*\n?[^\d]*?(\d+)", contents)
        assert m, part
        assert part in pages[int(m.group(1)) - 1], f"{part} is not on page {m.group(1)}"
    reader = PdfReader(str(packet["out"]))

    def titles(items):
        for it in items:
            if isinstance(it, list):
                yield from titles(it)
            else:
                yield it.title, reader.get_destination_page_number(it) + 1
    marks = dict(titles(reader.outline))
    for wanted in ("第一部分", "一、基本情况", "团队成员", "第二部分", "第三部分", "附件6"):
        hit = [(t, p) for t, p in marks.items() if wanted in t]
        assert hit, wanted
        title, page = hit[0]
        assert wanted in pages[page - 1] or wanted.startswith("附件"), title


def test_the_score_sheet_is_the_inspectors_layout(packet):
    pages = _pages(packet["out"])
    sheet = "\n".join(t for t in pages if "考核得分" in t)
    for col in ("考核项目", "考核内容", "分值", "评分标准", "自评得分", "考核得分"):
        assert col in sheet, col
    for sign in ("自评人", "单位盖章", "日期"):
        assert sign in sheet, sign
    assert sheet.split("\n").count("组织建设") == 1, "考核项目 is merged over its rows"
    assert "要求 ≥ 10.00 万元" in sheet or "10.00 万元" in sheet, "money to two decimals"
    assert "u01" not in sheet


def test_no_opening_bracket_at_a_line_end():
    from laomo_desktop.reports import fonts
    from laomo_desktop.reports.packet_parts import wrap_lines

    font = fonts.register()
    text = "本年度经济效益 42.08 万元（要求 ≥ 10.00 万元）；成员人数（年度末）8 人"
    for width in range(60, 260, 3):
        lines = wrap_lines(text, width, font, 8.5)
        assert "".join(lines) == text
        assert not any(line.endswith(("（", "“", "《")) for line in lines[:-1]), (width, lines)
        assert not any(line.startswith(("）", "，", "；")) for line in lines), (width, lines)
        assert all(stringWidth(line, font, 8.5) <= width + 0.01 for line in lines
                   if len(line) > 2), (width, lines)


def test_the_evidence_index_numbers_its_evidence_and_hides_no_record(packet):
    pages = _pages(packet["out"])
    start = next(i for i, t in enumerate(pages) if "佐证材料索引" in t and "证据1" in t)
    index = "\n".join(pages[start:start + 3])
    assert "证据1" in index and "证据2" in index
    for uid in (packet["t1"], packet["liming"]):
        assert uid not in index
    assert not re.search(r"\bu\d\d\b", index), "internal criterion ids"
    m = re.search(r"团队成员[^\n]*?第\s*(\d+)\s*页", index)
    assert m, "an evidence entry points to the page where the record is printed"
    assert "团队成员" in pages[int(m.group(1)) - 1]


def test_a_cap_is_said_not_silent(ledger, tmp_path):
    u = build(ledger, tmp_path)
    for i in range(12):
        R.create("member", u["A"], {"name": f"成员{i:02d}", "role": "member",
                                    "joined_on": "2020-01-01"})
    out = tmp_path / "p.pdf"
    write_packet(ledger, u["A"], 2025, "union_100", [], out)
    text = pdftotext(out)
    assert re.search(r"共\s*17\s*人，见", text), "more members than listed, and where to see them"


def test_cover_carries_the_seal_line_and_the_fingerprint_is_on_the_back_page(packet, ledger):
    from laomo_desktop.exchange.keys import installation_fingerprint

    pages = _pages(packet["out"])
    assert "报送单位（盖章）" in pages[0] and "江城供电公司" in pages[0]
    assert re.search(r"报送日期：\d{4}年\d+月\d+日", pages[0])
    fp = installation_fingerprint(ledger)
    assert fp not in pages[0]
    assert fp in pages[-1]
