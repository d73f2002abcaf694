"""A character the report font cannot draw (emoji, rare symbols) prints as a visible
stand-in such as [U+1F600], never as nothing: in paragraphs, in table cells, in page headers."""

from __future__ import annotations

import re

import pytest

from helpers import pdftotext
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.text import esc, printable
from sample_ledger import build


@pytest.fixture
def sample(ledger, tmp_path):
    return build(ledger, tmp_path)


def flat(text: str) -> str:
    """pdftotext's output without the line breaks and spaces wrapping puts in."""
    return "".join(text.split())


def test_emoji_and_symbols_the_font_lacks_print_as_stand_ins(sample, tmp_path):
    R.update("studio", sample["A"], {"name": "李明🏭劳模创新工作室"})
    R.update("result", sample["r3"], {"title": "李明😀操作法"})
    R.update("plan", sample["plan"], {"problems": "青年骨干偏少👨\u200d👩\u200d👧，已整改✓"})
    pdf = tmp_path / "emoji.pdf"
    write_annual(sample["A"], 2025, pdf)
    text = flat(pdftotext(pdf))
    assert "李明[U+1F600]操作法" in text  # a title in a paragraph and in the results table
    assert text.count("李明[U+1F3ED]劳模创新工作室") >= 2  # cover and the header of each page
    assert "偏少[U+1F468][U+200D][U+1F469][U+200D][U+1F467]，已整改√" in text
    assert "😀" not in text and "\U0001F3ED" not in text


def test_printable_replaces_exactly_what_the_font_lacks():
    assert printable("工作室 ¥1,000.00　“引号”℃…") == "工作室 ¥1,000.00　“引号”℃…"
    assert printable("a😀b\U000f0000c") == "a[U+1F600]b[U+F0000]c"
    assert printable("第一行\n\t第二行") == "第一行\n\t第二行"
    assert esc("<b>😀</b>") == "&lt;b&gt;[U+1F600]&lt;/b&gt;"


# ---- every character printed is one the embedded font can draw -------------------------------

def font_cmap(path, index: int = 0) -> set[int]:
    """The code points the font's Unicode cmap gives a real glyph (not glyph 0), read from the
    file itself (formats 4 and 12) rather than through the report code's own font access."""
    import struct

    data = path.read_bytes()
    base = struct.unpack_from(">I", data, 12 + 4 * index)[0] if data[:4] == b"ttcf" else 0
    n_tables = struct.unpack_from(">H", data, base + 4)[0]
    tables = {data[base + 12 + 16 * i:base + 16 + 16 * i]: struct.unpack_from(
        ">I", data, base + 20 + 16 * i)[0] for i in range(n_tables)}
    cmap = tables[b"cmap"]
    subtables = {struct.unpack_from(">HH", data, cmap + 4 + 8 * i):
                 cmap + struct.unpack_from(">I", data, cmap + 8 + 8 * i)[0]
                 for i in range(struct.unpack_from(">H", data, cmap + 2)[0])}
    out: set[int] = set()
    if (3, 10) in subtables:
        at = subtables[(3, 10)]
        for g in range(struct.unpack_from(">I", data, at + 12)[0]):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
            out.update(c for c in range(start, end + 1) if glyph + c - start)
        return out
    at = subtables[(3, 1)]
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    range_at = at + 16 + 6 * segs
    offsets = struct.unpack_from(f">{segs}H", data, range_at)
    for i in range(segs):
        for c in range(starts[i], ends[i] + 1):
            if c == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (c + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + offsets[i] + 2 * (c - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                out.add(c)
    return out


TYPED = ("温度≤40℃ 压力≥2MPa 误差±0.5% 3×4÷2 面积5㎡ 合格率99‰ ①②③ ⑩ • 要点 ✓ 已整改 ✗ 未整改 "
         "✔ ✘ ✕ ✖ ✅ ❌ ❶❷❸ ⸺ ⩽ ⩾ ☐ ☑ ☒ ⭐ ∙ ⋅ 1‒2 非‑断 a\u2009b\u2002c\u3000d ✚ ∅12")


@pytest.fixture
def typed(sample):
    from laomo_desktop.ledger import records as R

    R.update("studio", sample["A"], {"name": "李明✓劳模−创新工作室"})
    R.update("member", sample["liming"], {"post": "班长 • 技师 ✔"})
    R.update("benefit", sample["b1"], {"basis": "外委单价 3700 元 − 自修材料费 1500 元"})
    R.update("plan", sample["plan"], {"problems": TYPED})
    return sample


def faces_used(pdf) -> dict[str, set[str]]:
    """For each face a PDF embeds (its PostScript name, without the subset tag), the characters
    it prints, read from the ToUnicode map of each embedded subset."""
    from pypdf import PdfReader

    out: dict[str, set[str]] = {}
    for page in PdfReader(str(pdf)).pages:
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            font = font.get_object()
            face = str(font["/BaseFont"]).split("+")[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = out.setdefault(face, set())
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for code in re.findall(r"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", block):
                    text = bytes.fromhex(code).decode("utf-16-be")
                    chars.update(c for c in text if c.isprintable())  # not \0, \x7f
    return out


def face_file(face: str):
    """The bundled file of a face named as the PDF names it (WenQuanYiZenHei-0, LaomoFang-…)."""
    from laomo_desktop.paths import resources_dir

    fonts = resources_dir() / "fonts"
    if face.startswith("WenQuanYiZenHei"):
        return fonts / "wqy-zenhei.ttc"
    return fonts / {"LaomoSerif-Regular": "laomo-serif-regular.ttf",
                    "LaomoSerif-Bold": "laomo-serif-bold.ttf",
                    "LaomoFang-Regular": "laomo-fang.ttf",
                    "LaomoKai-Regular": "laomo-kai.ttf"}[face]


def test_every_character_printed_is_in_the_face_that_prints_it(ledger, typed, tmp_path):
    """Per face: a character 仿宋 lacks (ñ, a rare hanzi outside GB 2312) is printed by a face
    that has it, never as the missing-glyph box of the face asked for."""
    from laomo_desktop.reports.packet import write_packet
    from laomo_desktop.reports.union import write_union_pdf

    R.update("plan", typed["plan"], {"next_year": "与Peña合作；堃、喆、玥三位骨干；¥5,000；"
                                                  "温度≤40℃ ①②③ ◐ ↔ H₂O"})
    annual, packet, union = (tmp_path / f"{n}.pdf" for n in ("annual", "packet", "union"))
    write_annual(typed["A"], 2025, annual)
    write_packet(ledger, typed["A"], 2025, "union_100", [], packet)
    write_union_pdf(2025, None, union)
    cmaps: dict[str, set[int]] = {}
    for pdf in (annual, packet, union):
        used = faces_used(pdf)
        assert len(used) >= 3, (pdf.name, sorted(used))
        for face, chars in used.items():
            cmap = cmaps.setdefault(face, font_cmap(face_file(face)))
            missing = sorted(f"U+{ord(c):04X} {c}" for c in chars
                             if not c.isspace() and ord(c) not in cmap)
            assert not missing, (pdf.name, face, missing)
        text = pdftotext(pdf)
        printed = {c for chars in used.values() for c in chars}
        assert {c for c in text if not c.isspace()} <= printed, pdf.name
        assert "李明√劳模－创新工作室" in flat(text), pdf.name
    text = flat(pdftotext(annual))
    assert "外委单价3700元－自修材料费1500元" in text  # the calculation still reads right
    assert "温度≤40℃压力≥2MPa误差±0.5%3×4÷2面积5㎡合格率99‰①②③⑩·要点√已整改×未整改" in text
    assert "√×××√×①②③——≤≥□√×★··1–2非-断abcd＋Ø12" in text
    assert "班长·技师√" in text and "√具备" in text
    assert "与Peña合作；堃、喆、玥三位骨干；¥5,000；温度≤40℃①②③◐↔H₂O" in text
    fang = faces_used(annual)["LaomoFang-Regular"]
    assert "合" in fang and not {"ñ", "堃", "喆", "玥", "◐", "↔", "₂"} & fang
    packet_text = flat(pdftotext(packet))
    assert "√达到" in packet_text and "◐部分达到" in packet_text


def test_stand_ins_for_what_users_type():
    assert printable("3700 元 − 1500 元") == "3700 元 － 1500 元"
    assert printable("✓✔✅☑ ✗✘✕✖❌❎☒") == "√√√√ ×××××××"
    assert printable("❶➀➊❿") == "①①①⑩"
    assert printable("✔\ufe0f 已办") == "√ 已办"  # the emoji-style selector adds nothing to print
    assert printable("😀\u200d") == "[U+1F600][U+200D]"  # still marked, never silently dropped


def test_each_stand_in_is_in_a_face_and_each_replaced_character_in_none():
    from laomo_desktop.reports.fonts import FILES, font_path
    from laomo_desktop.reports.text import SUBSTITUTES

    cmaps = [font_cmap(font_path(face), FILES[face][1]) for face in FILES]
    anywhere = set().union(*cmaps)
    wrong = {f"U+{ord(k):04X}": v for k, v in SUBSTITUTES.items()
             if ord(k) in anywhere or any(ord(c) not in anywhere for c in v)}
    assert not wrong
