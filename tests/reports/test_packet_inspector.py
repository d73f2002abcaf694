"""The review packet as an inspector reads it: photos upright and captioned from their records,
four to a page; one page numbering for the whole file, appended PDFs stamped in the header band;
a contents page and bookmarks; the cover's seal line and the back page; no page left mostly
empty. The packet: packet_sample.make_packet (the `packet` fixture)."""

from __future__ import annotations

import re
import subprocess

from pypdf import PdfReader

from helpers import page_count
from packet_sample import BAND, flat, pages, words


def test_photos_are_upright_four_a_page_and_captioned_from_their_record(packet):
    reader = PdfReader(str(packet["out"]))
    photo_pages = [(n, len(p.images)) for n, p in enumerate(reader.pages) if len(p.images) > 0]
    sizes = [img.image.size for n, _ in photo_pages for img in reader.pages[n].images]
    assert len(sizes) == 5
    assert all(h > w for w, h in sizes), f"a portrait phone photo printed sideways: {sizes}"
    assert [k for _, k in photo_pages] == [4, 1]
    text = pages(packet["out"])
    assert "IMG_0001" not in "".join(text), "captioned with the file name"
    for n, k in photo_pages:  # each caption: the activity's title, date and place, none broken
        t = text[n]
        assert t.count("带电作业培训") == t.count("2025年3月10日") == t.count("二号楼实训室") == k


def test_one_page_numbering_and_the_appended_pdf_is_stamped_in_the_header_band(packet):
    text = pages(packet["out"])
    total = page_count(packet["out"])
    assert len(text) == total
    for number, t in enumerate(text[1:], 2):  # the cover carries no number
        assert re.search(rf"第\s*{number}\s*页\s*共\s*{total}\s*页", t), number
    scan = [n for n, t in enumerate(text, 1) if "周红职工创新工作室" in t]
    assert len(scan) == packet["scan_pages"]
    for own, n in enumerate(scan, 1):
        page = words(packet["out"], n)
        band = "".join(w for w, y in page if y < BAND)
        below = "".join(w for w, y in page if y >= BAND)
        assert band.startswith("附件6") and band.endswith(f"第{n}页共{total}页"), band
        # one footer only, the attachment's own: nothing stamped over it
        theirs = [] if own == 1 else [f"第{own}页共{len(scan)}页"]  # their cover: no footer
        assert re.findall(r"第\d+页共\d+页", below) == theirs
    first = "".join(w for w, y in words(packet["out"], scan[1]) if y >= BAND)
    assert first.startswith("周红职工创新工作室"), "the attachment's own header is not covered"


def _outline(pdf) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, page)."""
    reader = PdfReader(str(pdf))

    def walk(items, depth):
        for it in items:
            if isinstance(it, list):
                yield from walk(it, depth + 1)
            else:
                yield depth, it.title, reader.get_destination_page_number(it) + 1
    return list(walk(reader.outline, 0))


def test_every_contents_entry_gives_the_page_it_is_on(packet):
    text = pages(packet["out"])
    at = next(n for n, t in enumerate(text, 1) if re.search(r"^目\s*录$", t, re.M))
    layout = pages(packet["out"], layout=True)[at - 1]
    entries = [(m.group(1), int(m.group(2))) for m in
               re.finditer(r"^\s*(\S.*?)[\s.·…]*?(\d+)\s*$", layout, re.M)
               if not m.group(1).startswith(("第 ", "李明劳模"))]
    titles = [flat(t).rstrip("·.…") for t, _ in entries]
    for wanted in ("第一部分", "一、基本情况", "十一、存在问题", "附表", "第二部分", "第三部分",
                   "一、考核项与佐证材料对照", "二、附件清单", "第四部分", "附件6"):
        assert any(t.startswith(wanted) for t in titles), (wanted, titles)
    for (title, page), short in zip(entries, titles, strict=True):
        assert short in flat(text[page - 1]), f"{title} is not on page {page}"


def test_every_part_heading_and_attachment_is_bookmarked_at_its_page(packet):
    from laomo_desktop.ledger.annual import annual_data
    from laomo_desktop.reports.annual import story_for
    from laomo_desktop.reports.layout import styles

    text = pages(packet["out"])
    marks = _outline(packet["out"])
    headings = [f.getPlainText() for f in story_for(annual_data(packet["A"], 2025), styles())
                if getattr(getattr(f, "style", None), "name", "") in ("h1", "h2")]
    wanted = ["第一部分", *headings, "第二部分", "第三部分", "一、考核项与佐证材料对照", "二、附件清单",
              "第四部分", *(f"附件{n}" for n in range(1, 7))]
    for w in wanted:
        hit = [(t, p) for _, t, p in marks if flat(t).startswith(flat(w))]
        assert hit, f"no bookmark for {w}"
        title, page = hit[0]
        assert flat(w) in flat(text[page - 1]), f"bookmark {title} points to page {page}"
    assert not [t for _, t, _ in marks if "IMG_" in t], "a photo's bookmark is its caption"
    parts = [t[:4] for d, t, _ in marks if d == 0 and t.startswith("第")]
    assert parts == ["第一部分", "第二部分", "第三部分", "第四部分"]
    assert all(d == 1 for d, t, _ in marks if t.startswith("一、")), "sections under their part"


def test_cover_carries_the_seal_line_and_the_fingerprint_is_on_the_back_page(packet, ledger):
    from laomo_desktop.exchange.keys import installation_fingerprint

    text = pages(packet["out"])
    assert "报送单位（盖章）" in text[0] and "江城供电公司" in text[0]
    assert re.search(r"报送日期：\d{4}年\d+月\d+日", text[0])
    fp = installation_fingerprint(ledger)
    assert fp not in text[0]
    assert fp in text[-1]


def test_the_back_page_keeps_the_binding_margin_of_the_number_it_is_printed_with(packet):
    """Behind the appended PDF the back page is printed with the packet's last number: its
    text stands on that page's side of the binding (28 mm on the left of an odd page, on the
    right of an even one), like its header."""
    total = page_count(packet["out"])
    assert total % 2 != (total - packet["scan_pages"]) % 2, "laid out with the other parity"
    bbox = subprocess.run(["pdftotext", "-f", str(total), "-l", str(total), "-bbox",
                           str(packet["out"]), "-"], check=True, capture_output=True,
                          text=True).stdout
    x0 = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox)]
    x1 = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
    mm = 72 / 25.4
    left, right = (28, 20) if total % 2 else (20, 28)
    assert min(x0) >= left * mm - 1 and max(x1) <= (210 - right) * mm + 1, (min(x0), max(x1))


def test_no_page_inside_a_part_of_the_packet_is_mostly_empty(packet, tmp_path):
    from test_page_fill import underfilled

    assert not underfilled(packet["out"], tmp_path, ("李明劳模创新工作室", "2025 年度考核材料"))


def test_the_appended_pdf_keeps_its_own_bookmarks_out_of_the_packets(ledger, tmp_path):
    """An attachment with bookmarks of its own does not add them at the packet's top level."""
    from pypdf import PdfWriter

    from laomo_desktop.ledger import attachments as A
    from laomo_desktop.reports.packet import write_packet
    from sample_ledger import build

    u = build(ledger, tmp_path)
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    w.add_outline_item(title="外来书签", page_number=0)
    scan = tmp_path / "外来.pdf"
    with open(scan, "wb") as fh:
        w.write(fh)
    uid = A.attach(ledger, "studio", u["A"], scan, "外来文件")["uid"]
    out = tmp_path / "p.pdf"
    write_packet(ledger, u["A"], 2025, "union_100", [uid], out)
    assert [t for d, t, _ in _outline(out) if d == 0 and "外来书签" in t] == []
    assert subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True).returncode == 0


def test_a_page_turned_by_its_pdf_is_stamped_at_the_top_as_it_is_seen(ledger, tmp_path):
    from pypdf import PdfReader as Reader
    from pypdf import PdfWriter

    from laomo_desktop.ledger import attachments as A
    from laomo_desktop.reports.annual import write_annual
    from laomo_desktop.reports.packet import write_packet
    from sample_ledger import build

    u = build(ledger, tmp_path)
    write_annual(u["B"], 2025, tmp_path / "b.pdf")
    w = PdfWriter()
    w.add_page(Reader(str(tmp_path / "b.pdf")).pages[1])
    w.pages[0].rotate(90)  # shown landscape, its text running down the page
    scan = tmp_path / "横向.pdf"
    with open(scan, "wb") as fh:
        w.write(fh)
    uid = A.attach(ledger, "studio", u["A"], scan, "横向扫描")["uid"]
    out = tmp_path / "p.pdf"
    write_packet(ledger, u["A"], 2025, "union_100", [uid], out)
    n = page_count(out) - 1  # the appended page, before the back page
    page = Reader(str(out)).pages[n - 1]
    assert page.mediabox.width > page.mediabox.height, "still landscape"
    band = "".join(w for w, y in words(out, n) if y < BAND)
    assert band.startswith("附件1") and band.endswith(f"第{n}页共{n + 1}页"), band


def test_contents_dot_leaders_run_up_to_the_page_number(packet):
    """Each entry's dots end just before its page number (no blank column between them), and
    the page numbers end at one x."""
    text = pages(packet["out"])
    at = next(n for n, t in enumerate(text, 1) if re.search(r"^目\s*录$", t, re.M))
    html = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(at), "-l", str(at),
                           str(packet["out"]), "-"], check=True, capture_output=True,
                          text=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                       r'([^<]*)</word>', html)
    lines: dict[int, list] = {}
    for x0, y0, x1, w in found:
        lines.setdefault(round(float(y0)), []).append((float(x0), float(x1), w))
    gaps, ends = [], []
    for words_ in lines.values():
        words_.sort()
        if len(words_) < 2 or not words_[-1][2].isdigit() or "·" not in words_[-2][2]:
            continue
        gaps.append(words_[-1][0] - words_[-2][1])
        ends.append(words_[-1][1])
    assert len(gaps) >= 10
    assert max(gaps) < 9, gaps  # under one character of the body face (16 pt)
    assert max(ends) - min(ends) < 1, ends
