"""Reading a Word document back beside its PDF (tests of reports/docx_render.py): the PDF's
text without its page headers and footers, the .docx's paragraphs and tables in order, and the
check that every paragraph of the one is in the other in the same order."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from helpers import pdftotext
from laomo_desktop.reports.text import printable

FOOTER = re.compile(r"第 ?\d+ ?页 ?共 ?\d+ ?页|生成于 ?\d+ ?年 ?\d+ ?月 ?\d+ ?日")


def flat(text: str) -> str:
    return "".join(text.split())


def body_text(pdf: Path, header: tuple[str, ...], cover: bool) -> str:
    """The PDF's text without its page headers and footers (a paragraph may run over a page
    break), flattened: a line may wrap anywhere."""
    pages = pdftotext(pdf).split("\f")
    kept = []
    for i, page in enumerate(pages):
        if cover and i == 0:
            kept.append(page)
            continue
        kept += [line for line in page.splitlines()
                 if line.strip() not in header and not FOOTER.fullmatch(line.strip())]
    return flat("\n".join(kept))


def blocks(docx: Path) -> list[Paragraph | Table]:
    doc = Document(str(docx))
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            out.append(Paragraph(el, doc))
        elif el.tag == qn("w:tbl"):
            out.append(Table(el, doc))
    return out


def assert_same_order(docx: Path, pdf_text: str) -> list[str]:
    """Every heading and paragraph of the .docx is in the PDF, in the same order."""
    said = [p.text for p in blocks(docx) if isinstance(p, Paragraph) and p.text.strip()]
    at = 0
    for text in said:  # as the PDF's faces print it (− as －: text.printable)
        found = pdf_text.find(flat(printable(text)), at)
        assert found >= 0, f"not in the PDF after position {at}: {text!r}"
        at = found + len(flat(printable(text)))
    return said


