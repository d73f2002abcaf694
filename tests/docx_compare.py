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




# The order of the children of a paragraph's, a cell's and a run's properties in the schema
# (ECMA-376 Part 1, 17.3.1.26, 17.4.70, 17.3.2.28): Word reports a file whose elements come
# in another order as damaged, where LibreOffice reads it without a word.
_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
           "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
           "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
           "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
           "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
           "specVanish oMath",
}


def out_of_order(docx: Path) -> list[tuple[str, list[str]]]:
    """The property elements of `docx` whose children are not in the schema's order."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    found = []
    with zipfile.ZipFile(docx) as z:
        for name in z.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(z.read(name))
            for tag, names in _ORDER.items():
                order = names.split()
                for el in root.iter(w + tag):
                    kids = [c.tag.removeprefix(w) for c in el]
                    at = [order.index(k) for k in kids if k in order]
                    if at != sorted(at):
                        found.append((f"{name} {tag}", kids))
    return found
