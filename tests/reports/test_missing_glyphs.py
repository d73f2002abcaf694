"""A character the report font cannot draw (emoji, rare symbols) prints as a visible
stand-in such as [U+1F600], never as nothing: in paragraphs, in table cells, in page headers."""

from __future__ import annotations

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
    assert "偏少[U+1F468][U+200D][U+1F469][U+200D][U+1F467]，已整改[U+2713]" in text
    assert "😀" not in text and "\U0001F3ED" not in text


def test_printable_replaces_exactly_what_the_font_lacks():
    assert printable("工作室 ¥1,000.00　“引号”℃…") == "工作室 ¥1,000.00　“引号”℃…"
    assert printable("a😀b\U000f0000c") == "a[U+1F600]b[U+F0000]c"
    assert printable("第一行\n\t第二行") == "第一行\n\t第二行"
    assert esc("<b>😀</b>") == "&lt;b&gt;[U+1F600]&lt;/b&gt;"
