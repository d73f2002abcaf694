"""A document's blocks (reports/docmodel.py) as ReportLab flowables in the styles of
reports/layout.py: what the PDFs always printed, now read from the one description."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph, Spacer

from laomo_desktop.reports import book_parts, layout
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports.headings import BoldParagraph
from laomo_desktop.reports.packet_sheet import sheet_flowables
from laomo_desktop.reports.text import esc


def _para_style(st: dict, role: str) -> ParagraphStyle:
    if role == "right":
        return ParagraphStyle("sign", parent=st["body"], alignment=TA_RIGHT)
    return st[role]


def _compact(st: dict) -> dict:
    """The styles of a table a point smaller (twelve columns across the page: the roster)."""
    return {**st, "cell": ParagraphStyle("roster", parent=st["cell"], fontSize=8, leading=10.5),
            "head": ParagraphStyle("roster_head", parent=st["head"], fontSize=8, leading=10.5)}


TEXT_W = layout.BODY_W - 12  # what a paragraph has: the frame pads 6 pt on either side


def flowables(blocks: Sequence[D.Block], st: dict) -> list:
    """The flowables of `blocks` in order, styled by `st` (layout.styles())."""
    out: list = []
    for b in blocks:
        if isinstance(b, D.Cover):
            out += layout.cover(st, b.title, b.lines)
        elif isinstance(b, D.Title):
            t = st["doc_title"]
            out.append(Paragraph(esc(b.lines(lambda line, t=t: stringWidth(
                line, t.fontName, t.fontSize) <= TEXT_W)), t))
        elif isinstance(b, D.Heading):
            kind = BoldParagraph if b.level == 3 else Paragraph  # 仿宋 has no bold face
            out.append(kind(esc(b.text), st[f"h{b.level}"]))
        elif isinstance(b, D.Para):
            out.append(Paragraph(esc(b.text), _para_style(st, b.role)))
        elif isinstance(b, D.Table):
            out += layout.table(_compact(st) if b.compact else st, b.header, b.rows, b.widths,
                                b.empty, totals=b.totals, title=b.title)
        elif isinstance(b, D.KeyValues):
            out.append(layout.key_values(st, b.pairs))
        elif isinstance(b, D.Chart):
            out.append(b.draw())
        elif isinstance(b, D.ScoreSheet):
            out += sheet_flowables(st, b)
        elif isinstance(b, D.Form):
            out.append(book_parts.form(st, b.rows))
        elif isinstance(b, D.Photos):
            out += book_parts.photo_grid(st, b.photos)
        elif isinstance(b, D.SignIn):
            out += book_parts.sign_in(st, b)
        elif isinstance(b, D.Record):
            heads = [b.heading] if b.section is None else [b.section, b.heading]
            out += book_parts.block(*flowables(heads, st), *flowables(b.parts, st))
        elif isinstance(b, D.PageBreak):
            out.append(PageBreak())
        elif isinstance(b, D.Space):
            out.append(Spacer(1, b.points))
        else:
            raise TypeError(f"not a block: {b!r}")
    return out
