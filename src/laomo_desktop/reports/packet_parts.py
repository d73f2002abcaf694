"""The parts of the review packet an inspector works with around the summary: the cover with
its seal line, the contents, the photo pages and the back page (the score sheet is in
reports/packet_sheet.py, the evidence index in reports/packet_index.py). reports/packet.py puts
them together and numbers the whole file; the page numbers these parts print come from its
previous layout pass (`Pages`)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger import records as R
from laomo_desktop.reports import fonts
from laomo_desktop.reports.layout import BODY_W, date_cn
from laomo_desktop.reports.text import esc, printable, wrap_lines
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Text

NOT_AN_IMAGE = Text("附件“{name}”不是能识别的图片，无法放入考核材料。",
                    'The attachment "{name}" is not an image the program can read and cannot go '
                    "into the review packet.")
PARTS = ("第一部分　年度工作总结（台账汇编）", "第二部分　自评表", "第三部分　佐证材料索引",
         "第四部分　附件")
BACK = "数据包签名指纹"
PHOTO_W, PHOTO_H = BODY_W / 2 - 6 * mm, 92 * mm  # four photos a page, two by two
PHOTO_PX = 1000  # the long side printed: ~280 dpi over the 92 mm a photo gets
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".gif", ".bmp")


@dataclass
class Pages:
    """What the previous layout pass found (empty on the first): the page of each marked
    heading, of each photo (attachment number → page) and of each table row the summary
    prints, with the heading it stands under."""

    marks: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)
    photos: dict[int, int] = field(default_factory=dict)
    rows: list[tuple[str, str, int]] = field(default_factory=list)  # (heading, text, page)

    def of(self, word: str, *, part: int | None = None) -> int | None:
        """The page of the first heading holding `word` (within part 1 when part=1)."""
        inside = part is None
        for level, title, page in self.marks:
            if level == 0:
                inside = part is None or title == PARTS[part - 1]
            if inside and word in title:
                return page
        return None

    def span(self, word: str) -> tuple[int, int] | None:
        """The first and last page of the rows under the headings holding `word`."""
        at = [page for heading, _, page in self.rows if word in heading]
        return (min(at), max(at)) if at else None

    def row(self, word: str, keys: list[str]) -> int | None:
        """The page of the first row under a heading holding `word` that shows all `keys`."""
        for heading, text, page in self.rows:
            if word in heading and all(k in text for k in keys):
                return page
        return None


def mark(flowable, level: int, title: str):
    """Mark a flowable as a bookmark (and contents) entry; packet.py records its page."""
    flowable._packet_mark = (level, title)
    return flowable


def cover(st: dict, studio: dict, lines: list[str], generated: date) -> list:
    """The cover: the studio, what this is, and the seal line the union expects on paper."""
    seal = ParagraphStyle("seal", parent=st["subtitle"], fontSize=13, leading=22, alignment=0)
    out = [Spacer(1, 45 * mm), Paragraph(esc(studio["name"]), st["title"]), Spacer(1, 14 * mm)]
    out += [Paragraph(esc(line), st["subtitle"]) for line in lines if line]
    out += [Spacer(1, 45 * mm)]
    for line in (f"报送单位（盖章）：{studio['host_unit'] or ''}",
                 f"报送日期：{date_cn(generated)}"):
        t = Table([[Paragraph(esc(line), seal)]], colWidths=[110 * mm], hAlign="CENTER")
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), seal.fontName)]))
        out.append(t)
    out += [NextPageTemplate("body"), PageBreak()]
    return out


class ContentsEntry(Flowable):
    """One line of the contents: the title (indented by its level) at the left, its page
    number flush right, and dots between them running from the one to the other."""

    def __init__(self, title: str, page: int | None, font: str, size: float, height: float):
        super().__init__()
        self.title, self.page, self.font, self.size, self.h = title, page, font, size, height

    def wrap(self, aW, aH):  # noqa: N803 - ReportLab API
        self.width = aW
        return aW, self.h

    def draw(self) -> None:
        c, font, size = self.canv, self.font, self.size
        number = "" if self.page is None else str(self.page)
        y = (self.h - size) / 2 + 0.15 * size  # the baseline of text centred in the line
        tx = c.beginText(0, y)
        for face, run in fonts.runs(self.title, font):
            tx.setFont(face, size)
            tx.textOut(run)
        gap = size / 4
        start = tx.getX() + gap
        end = self.width - gap - stringWidth(number, font, size)
        dot = stringWidth("·", font, size)
        count = int((end - start) / dot)
        if number and count > 0:
            tx.setFont(font, size)
            tx.setTextOrigin(start, y)
            tx.setCharSpace((end - start - count * dot) / count)  # the dots end at `end`
            tx.textOut("·" * count)
            tx.setCharSpace(0)
        c.drawText(tx)
        c.setFont(font, size)
        c.drawRightString(self.width, y, number)


def contents(st: dict, entries: list[tuple[int, str]], page_of: dict[str, int]) -> list:
    """The contents page: each entry indented by its level, dots leading to its page."""
    font, size = st["body"].fontName, st["body"].fontSize
    rows = [ContentsEntry("　" * (2 * level) + printable(title), page_of.get(title), font,
                          size, 20) for level, title in entries]
    title = ParagraphStyle("contents", parent=st["h1"], alignment=TA_CENTER, firstLineIndent=0)
    return [Paragraph("目　录", title), *rows, PageBreak()]


def describe(rec: dict) -> None:
    """Read, once, the record an attachment belongs to: `owner` ("活动：…") and `what` (what a
    photo shows: an activity's topic, date and place — a phone photo's file name says nothing —
    then the attachment's own title)."""
    kind = S.BY_NAME.get(rec["owner_kind"])
    try:
        owner = R.get(kind.name, rec["owner_uid"]) if kind else {}
    except LaomoError:
        owner = {}
    rec["owner"] = f"{kind.label}：{owner.get(kind.title) or ''}" if owner else (
        kind.label if kind else "")
    parts = []
    if owner:
        title = owner.get(kind.title) or kind.label
        cite = kinds.rules(kind.name).cite
        if cite is None:
            parts.append(title)
        else:  # as the record is cited: an activity by its topic, date and place
            cited = cite(owner, title)
            parts += [cited.title, date_cn(cited.date) if cited.date else "", cited.place]
    if rec.get("title"):
        parts.append(rec["title"])
    rec["parts"] = [p for p in parts if p] or [rec["filename"]]
    rec["what"] = "　".join(rec["parts"])


def caption(rec: dict, *, with_number: bool = True) -> str:
    return f"附件{rec['number']}　{rec['what']}" if with_number else rec["what"]


def _caption(rec: dict, style: ParagraphStyle, width: float) -> Paragraph:
    """A photo's caption, broken between its parts (number, title, date, place) where it
    does not fit one line, so that a date or a place is not cut in two."""
    font, size = style.fontName, style.fontSize
    lines: list[str] = []
    for part in [f"附件{rec['number']}", *rec["parts"]]:
        joined = f"{lines[-1]}　{part}" if lines else part
        if lines and stringWidth(joined, font, size) <= width:
            lines[-1] = joined
        else:
            lines += wrap_lines(printable(part), width, font, size)
    return Paragraph("<br/>".join(esc(line) for line in lines), style)


def prepare_photo(rec: dict) -> None:
    """Read a photo once: turned upright as its EXIF orientation says, scaled to what prints
    (a phone's 12-megapixel JPEG is decoded at a fraction of its size), kept as JPEG bytes."""
    from PIL import Image as PImage
    from PIL import ImageOps

    try:
        with PImage.open(rec["path"]) as im:
            scale = PHOTO_PX / max(im.size)
            # a JPEG is decoded at 1/2, 1/4 or 1/8 of its size when that still fills the print
            im.draft("RGB", (int(im.size[0] * scale), int(im.size[1] * scale)))
            im = ImageOps.exif_transpose(im)
            if max(im.size) > 1.5 * PHOTO_PX:  # the draft is close enough otherwise
                im.thumbnail((PHOTO_PX, PHOTO_PX), reducing_gap=2.0)
            if im.mode not in ("RGB", "L"):
                im = im.convert("RGB")
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=82)
    except Exception as exc:
        raise LaomoError(NOT_AN_IMAGE(name=rec["filename"])) from exc
    rec["jpeg"], rec["size"] = buf.getvalue(), im.size


def photo_pages(st: dict, photos: list[dict], *, draft: bool = False) -> list:
    """Four photos a page, two by two, each centred in a box of the same size with its
    caption from its record under the box, so that pictures and captions line up whatever
    their shapes. A `draft` (the first layout pass) holds the same room without embedding
    the images."""
    out: list = []
    cap = ParagraphStyle("caption", parent=st["cell"], alignment=1)
    for start in range(0, len(photos), 4):
        rows: list[list] = []
        for i in range(start, min(start + 4, len(photos)), 2):
            pair = photos[i:i + 2]
            images, captions = [], []
            for rec in pair:
                w, h = rec["size"]
                scale = min(PHOTO_W / w, PHOTO_H / h)
                images.append(Spacer(w * scale, h * scale) if draft else
                              Image(io.BytesIO(rec["jpeg"]), width=w * scale, height=h * scale))
                captions.append(_caption(rec, cap, PHOTO_W - 2))
            pad = [""] * (2 - len(pair))
            rows += [images + pad, captions + pad]
        grid = Table(rows, colWidths=[BODY_W / 2] * 2,
                     rowHeights=[PHOTO_H + 6, 20 * mm - 6] * (len(rows) // 2))
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cap.fontName),
                                  ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  *[("VALIGN", (0, r), (-1, r), "MIDDLE")
                                    for r in range(0, len(rows), 2)]]))
        grid._packet_photos = [rec["number"] for rec in photos[start:start + 4]]
        if start:
            out.append(PageBreak())
        out.append(grid)
    return out


def back_page(st: dict, fingerprint: str) -> list:
    """The last page: the signing key's fingerprint, which the union office compares with the
    key of the studio's data packages (by phone or on paper) before it trusts them."""
    return [PageBreak(), Spacer(1, 150 * mm),
            mark(Paragraph(esc(f"{BACK}：{fingerprint}"), st["center"]), 0, BACK),
            Spacer(1, 4 * mm),
            Paragraph("工会收到本工作室报送的数据包时，请核对数据包的签名指纹与上面相同"
                      "（可电话或书面核对）。", st["small"])]
