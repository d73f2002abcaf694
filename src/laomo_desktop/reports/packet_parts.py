"""The parts of the review packet an inspector works with: the cover with its seal line, the
contents, the score sheet in the layout inspectors score on, the evidence index, the photo pages
and the back page. reports/packet.py puts them together and numbers the whole file; the page
numbers these parts print come from its previous layout pass (`Pages`)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Image,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.layout import BODY_W, GRID, HEAD_BG, date_cn
from laomo_desktop.reports.text import esc, printable
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Text

NOT_AN_IMAGE = Text("附件“{name}”不是能识别的图片，无法放入考核材料。",
                    'The attachment "{name}" is not an image the program can read and cannot go '
                    "into the review packet.")
PARTS = ("第一部分　年度工作总结（台账汇编）", "第二部分　自评表", "第三部分　佐证材料索引",
         "第四部分　附件")
BACK = "数据包签名指纹"
STATUS = {"met": "√达到", "partly": "◐部分达到", "missing": "×未达到"}  # all in the font
NO_LINE_END = "（《“‘〈「『【〔[("
NO_LINE_START = "，。、；：？！）》”’〉」』】〕…·%）]"
PHOTO_W, PHOTO_H = BODY_W / 2 - 6 * mm, 92 * mm  # four photos a page, two by two
PHOTO_PX = 1000  # the long side printed: ~280 dpi over the 92 mm a photo gets

# Where the summary prints each kind of record, by a word of its heading (the headings'
# numbers are assigned elsewhere), and how its records are counted.
SECTION = {"member": "团队成员", "equipment": "设备设施", "rule": "制度建设", "project": "创新课题",
           "result": "附表一", "activity": "附表二", "mentorship": "附表四", "fund": "附表五",
           "benefit": "经济效益", "honour": "荣誉", "plan": "年度目标", "studio": "基本情况"}
UNIT = {"member": "人", "activity": "次", "fund": "笔", "mentorship": "对"}


@dataclass
class Pages:
    """What the previous layout pass found: the page of each marked heading and of each
    photo (attachment number → page); empty on the first pass."""

    marks: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)
    photos: dict[int, int] = field(default_factory=dict)

    def of(self, word: str, *, part: int | None = None) -> int | None:
        """The page of the first heading holding `word` (within part 1 when part=1)."""
        inside = part is None
        for level, title, page in self.marks:
            if level == 0:
                inside = part is None or title == PARTS[part - 1]
            if inside and word in title:
                return page
        return None


def wrap_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """`text` broken into lines that fit `width`, the Chinese way: no line ends with an opening
    bracket or quote and none starts with closing punctuation. ReportLab's CJK wrapping knows
    only the second rule, so the packet's table cells are broken here and given as lines."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if not line or stringWidth(line + ch, font, size) <= width:
                line += ch
                continue
            rest = line + ch
            cut = len(line)  # move the break back until both sides of it read right
            while cut > 1 and (rest[cut] in NO_LINE_START or rest[cut - 1] in NO_LINE_END):
                cut -= 1
            if cut <= 1:
                cut = len(line)
            lines.append(line[:cut])
            line = line[cut:] + ch
        lines.append(line)
    return lines


def _cell(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    lines = wrap_lines(printable(text), width, style.fontName, style.fontSize)
    return Paragraph("<br/>".join(esc(line) for line in lines), style)


def _fit(text: str, style: ParagraphStyle, width: float):
    """A cell's text as a plain string where it fits on one line (a Paragraph costs ~10×)."""
    text = printable(text)
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return _cell(text, style, width)


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


def contents(st: dict, entries: list[tuple[int, str]], pages: Pages) -> list:
    """The contents page: parts and the summary's sections, each with its page."""
    page_of = {(lv, t): p for lv, t, p in pages.marks}
    rows = []
    for level, title in entries:
        page = page_of.get((level, title))
        rows.append([Paragraph("　" * (2 * level) + esc(title), st["body"]),
                     "" if page is None else str(page)])
    t = Table(rows, colWidths=[BODY_W - 20 * mm, 20 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st["body"].fontName),
                           ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                           ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [Paragraph("目　录", st["h1"]), t, PageBreak()]


def standard(rule: dict, points: float) -> str:
    """评分标准 as the template's rule scores: all or nothing, or in proportion."""
    if rule.get("partial"):
        return f"达到要求得 {points:g} 分；部分达到按比例计分"
    return f"达到要求得 {points:g} 分，未达到不得分"


def score_sheet(st: dict, result: dict, rules: dict[str, dict],
                evidence_of: dict[str, list[int]]) -> list:
    """The self-assessment as inspectors score it: 考核项目 merged over its rows, 考核内容 with
    the ledger's finding, 分值, 评分标准, 自评得分 and a blank 考核得分; then the signatures."""
    head = ParagraphStyle("sheet_head", parent=st["head"], alignment=1)
    cell = st["cell"]
    note = ParagraphStyle("sheet_note", parent=st["small"], fontSize=7.5, leading=10)
    widths = [w * BODY_W / 15 for w in (1.9, 5.3, 1.1, 3.4, 1.65, 1.65)]
    room = [w - 14 for w in widths]  # the cell padding (6 + 6) and a margin
    data = [[Paragraph(h, head) for h in ("考核项目", "考核内容", "分值", "评分标准", "自评得分",
                                          "考核得分")]]
    spans, start = [], 1
    crit = result["criteria"]
    for i, c in enumerate(crit, 1):
        found = f"自评{STATUS[c['status']]}：{c['detail']}"
        if evidence_of.get(c["id"]):
            found += "；佐证：" + "、".join(f"证据{n}" for n in evidence_of[c["id"]])
        if c.get("note"):
            found += f"（{c['note']}）"
        content = [_cell(f"{i}. {c['item']}", cell, room[1]), _cell(found, note, room[1])]
        data.append([_cell(c["area"], cell, room[0]), content, f"{c['points']:g}",
                     _cell(standard(rules.get(c["id"], {}), c["points"]), cell, room[3]),
                     f"{c['score']:g}", ""])
        if i == len(crit) or crit[i]["area"] != c["area"]:
            if i > start:
                spans.append(("SPAN", (0, start), (0, i)))
            start = i + 1
    data.append(["合计", "", f"{result.get('points') or 0:g}", "", f"{result['score']:g}", ""])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 1), (2, -1), "RIGHT"), ("ALIGN", (4, 1), (5, -1), "RIGHT"),
        ("SPAN", (0, len(data) - 1), (1, len(data) - 1)),
        ("ALIGN", (0, len(data) - 1), (0, len(data) - 1), "CENTER"),
        *spans]))
    sign = ParagraphStyle("sign", parent=st["body"], leading=24)
    return [t, Spacer(1, 8 * mm), Paragraph(
        "自评人（签字）：＿＿＿＿＿＿＿＿　　单位盖章：＿＿＿＿＿＿＿＿<br/>"
        "日期：＿＿＿＿年＿＿月＿＿日", sign)]


@dataclass
class Evidence:
    no: int
    kind: str
    title: str
    criteria: list[int]
    uid: str | None = None  # None: a count standing for a whole register


def evidence_list(result: dict) -> tuple[list[Evidence], dict[str, list[int]]]:
    """Every piece of evidence once, numbered 证据1, 2, … in the order the criteria cite them;
    a criterion citing more than the assessment lists gets one entry that says how many and
    where they all are. Returns the list and, per criterion id, its evidence numbers."""
    out: list[Evidence] = []
    by_uid: dict[str, Evidence] = {}
    of: dict[str, list[int]] = {}
    for i, c in enumerate(result["criteria"], 1):
        nums = of.setdefault(c["id"], [])
        total = c.get("evidence_total", len(c["evidence"]))
        if total > len(c["evidence"]):
            kind = c["evidence"][0]["kind"]
            e = Evidence(len(out) + 1, kind, f"共 {total} {UNIT.get(kind, '项')}", [i])
            out.append(e)
            nums.append(e.no)
            continue
        for rec in c["evidence"]:
            e = by_uid.get(rec["uid"])
            if e is None:
                e = by_uid[rec["uid"]] = Evidence(len(out) + 1, rec["kind"], rec["title"], [],
                                                  rec["uid"])
                out.append(e)
            if i not in e.criteria:
                e.criteria.append(i)
            nums.append(e.no)
    return out, of


def _where(kind: str, pages: Pages) -> tuple[str, int | None]:
    k = S.BY_NAME.get(kind)
    word = SECTION.get(kind, k.label if k else "")
    return word, pages.of(word, part=1)


def evidence_index(st: dict, evidence: list[Evidence], attachments: list[dict],
                   pages: Pages) -> list:
    """The index: each piece of evidence with its number, the criteria it supports (their
    numbers on the score sheet) and the page it is printed on; then the attachments."""
    rows = []
    for e in evidence:
        word, page = _where(e.kind, pages)
        k = S.BY_NAME.get(e.kind)
        where = f"{word}，第 {page} 页" if page else word
        title = f"{e.title}，见{where}" if e.uid is None else e.title
        for n, a in enumerate(attachments, 1):
            if e.uid and a["owner_uid"] == e.uid and a.get("page"):
                where += f"；附件{n}，第 {a['page']} 页"
        rows.append([f"证据{e.no}", k.label if k else e.kind, title,
                     "、".join(f"第{i}项" for i in e.criteria), where])
    out = [Paragraph("考核项与佐证材料对照", st["h2"])]
    out += _table(st, ["编号", "类型", "佐证记录", "支撑考核内容", "所在位置"], rows,
                  [1.5, 1.6, 5.4, 2.4, 3.6], "本模板的考核项没有引用台账记录。")
    out.append(Paragraph("附件清单", st["h2"]))
    out += _table(st, ["编号", "说明", "所属记录", "所在页"],
                  [[f"附件{n}", caption(a, with_number=False), owner_title(a),
                    f"第 {a['page']} 页" if a.get("page") else
                    ("未附入（非图片/PDF）" if a["suffix"] not in (".pdf", *IMAGE_TYPES) else "")]
                   for n, a in enumerate(attachments, 1)], [1.5, 6, 5, 2], "未选择附件。")
    return out


def _table(st: dict, header: list[str], rows: list[list], widths: list[float],
           empty: str) -> list:
    if not rows:
        return [Paragraph(esc(empty), st["small"])]
    col = [w * BODY_W / sum(widths) for w in widths]
    cell = st["cell"]
    data = [[Paragraph(esc(h), st["head"]) for h in header]]
    data += [[_fit(str(v), cell, col[i] - 14) for i, v in enumerate(r)] for r in rows]
    t = Table(data, colWidths=col, repeatRows=1)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cell.fontName),
                           ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
                           ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                           ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [t, Spacer(1, 5)]


IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".gif", ".bmp")


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
    if owner and rec["owner_kind"] == "activity":
        parts += [owner.get("topic") or "", date_cn(owner.get("date")), owner.get("place") or ""]
    elif owner:
        parts.append(owner.get(kind.title) or kind.label)
    if rec.get("title"):
        parts.append(rec["title"])
    rec["what"] = "　".join(p for p in parts if p) or rec["filename"]


def owner_title(rec: dict) -> str:
    return rec["owner"]


def caption(rec: dict, *, with_number: bool = True) -> str:
    return f"附件{rec['number']}　{rec['what']}" if with_number else rec["what"]


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
    """Four photos a page, two by two, each captioned from its record. A `draft` (the first
    layout pass) holds the same room without embedding the images."""
    out: list = []
    cap = ParagraphStyle("caption", parent=st["cell"], alignment=1)
    for start in range(0, len(photos), 4):
        cells = []
        for rec in photos[start:start + 4]:
            w, h = rec["size"]
            scale = min(PHOTO_W / w, PHOTO_H / h)
            img = (Spacer(w * scale, h * scale) if draft else
                   Image(io.BytesIO(rec["jpeg"]), width=w * scale, height=h * scale))
            cells.append([img, Spacer(1, 2 * mm), _cell(caption(rec), cap, PHOTO_W)])
        cells += [""] * (4 - len(cells))
        grid = Table([cells[:2], cells[2:]], colWidths=[BODY_W / 2] * 2,
                     rowHeights=[PHOTO_H + 20 * mm] * 2)
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cap.fontName),
                                  ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
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
