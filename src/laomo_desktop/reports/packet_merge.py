"""The packet as one file (pypdf): the laid-out body, the attached PDFs after the photos and
before the back page, every page numbered in one sequence, and the bookmarks.

An attached PDF has its own margins, header and footer — often its own page numbers — and a
scan has none at all. So its pages are not written over: each is shrunk by the height of a
12 mm band at its top (about 4 % on A4) and the band carries the stamp, "附件N　title" and the
packet's "第 X 页 共 Y 页". Its own footer stays as it was, the only one at its foot."""

from __future__ import annotations

import io
import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from laomo_desktop.reports import fonts
from laomo_desktop.reports.packet_parts import PARTS, Pages, caption
from laomo_desktop.reports.text import printable

BAND = 12 * mm


def label(rec: dict) -> str:
    """An attachment as the contents, the bookmarks and its stamp name it: a photo by its
    caption (a phone's file name says nothing), a document by its title or file name."""
    if rec["suffix"] != ".pdf":
        return printable(caption(rec))
    return printable(f"附件{rec['number']}　{rec.get('title') or rec['filename']}")


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _stamp(writer, first: int, rec: dict, total: int) -> None:
    """Shrink each page of an appended PDF below a band at its top, and print the stamp in
    the band."""
    from pypdf import PdfReader, Transformation
    from reportlab.pdfgen import canvas as rl_canvas

    font = fonts.register()
    pages = writer.pages[first:first + rec["pages"]]
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, initialFontName=font)  # no unembedded Helvetica
    boxes = []
    for i, page in enumerate(pages):
        if page.rotation % 360:  # a page turned by /Rotate: stamped as it is seen
            page.transfer_rotation_to_content()
        box = page.cropbox
        left, bottom = float(box.left), float(box.bottom)
        w, h = float(box.width), float(box.height)
        _shrink(page, (h - BAND) / h, left, bottom, w)
        boxes.append((left, bottom))
        c.setPageSize((w, h))
        number = f"第 {first + i + 1} 页 共 {total} 页"
        c.setFont(font, 9)
        c.setFillColorRGB(0.33, 0.33, 0.33)
        c.drawRightString(w - 10 * mm, h - 7.5 * mm, number)
        room = w - 20 * mm - stringWidth(number, font, 9) - 6 * mm
        c.setFillColorRGB(0.55, 0.1, 0.1)
        c.setFont(font, 10)
        c.drawString(10 * mm, h - 7.5 * mm, _fit(label(rec), font, 10, room))
        c.setStrokeColorRGB(0.73, 0.73, 0.73)
        c.setLineWidth(0.5)
        c.line(10 * mm, h - BAND + 2 * mm, w - 10 * mm, h - BAND + 2 * mm)
        c.showPage()
    c.save()
    overlay = PdfReader(io.BytesIO(buf.getvalue()))
    for page, over, (left, bottom) in zip(pages, overlay.pages, boxes, strict=True):
        page.merge_transformed_page(over, Transformation().translate(left, bottom))
        page.compress_content_streams()


def _shrink(page, s: float, left: float, bottom: float, w: float) -> None:
    """Scale a page's drawing by `s` towards its bottom edge, centred across. Written around
    its content as it is: pypdf's add_transformation parses the whole content stream first,
    a second or more for a dozen scanned or typeset pages."""
    content = page.get_contents()
    if content is None:
        return
    dx, dy = left * (1 - s) + w * (1 - s) / 2, bottom * (1 - s)
    content.set_data(b"q %.5f 0 0 %.5f %.3f %.3f cm\n" % (s, s, dx, dy) + content.get_data()
                     + b"\nQ\n")
    page.replace_contents(content)


def _outline(writer, found: Pages, chosen: list[dict], back: int, appended: int) -> None:
    """Bookmarks: the parts, the summary's sections and sub-sections, the other parts'
    headings, every attachment under 第四部分 and the back page."""
    parents: dict[int, object] = {}
    parts: dict[str, object] = {}
    for level, title, page in found.marks:
        at = page - 1 if page < back else page - 1 + appended
        item = writer.add_outline_item(title=title, page_number=at,
                                       parent=parents.get(level - 1) if level else None)
        parents[level] = item
        if level == 0:
            parts[title] = item
    for a in chosen:
        if a.get("page"):
            writer.add_outline_item(title=label(a), page_number=a["page"] - 1,
                                    parent=parts.get(PARTS[3]))


def assemble(body: bytes, found: Pages, chosen: list[dict], title: str, out: Path) -> None:
    """Write the packet to `out`: the body's pages but its last, the attached PDFs (each
    a["pages"] long, first printed on a["page"]), then the back page."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(body))
    back = len(reader.pages)
    pdfs = [a for a in chosen if a["suffix"] == ".pdf"]
    appended = sum(a["pages"] for a in pdfs)
    writer = PdfWriter()
    writer.append(reader, pages=list(range(back - 1)), import_outline=False)
    for a in pdfs:
        first = len(writer.pages)
        writer.append(str(a["path"]), import_outline=False)  # its own bookmarks stay out
        _stamp(writer, first, a, back + appended)
    writer.append(reader, pages=[back - 1], import_outline=False)
    _outline(writer, found, chosen, back, appended)
    writer.add_metadata({"/Title": title})
    with open(out, "wb") as fh:
        writer.write(fh)
        fh.flush()
        os.fsync(fh.fileno())

