"""The parts of the ledger books (reports/books.py) as PDF flowables: a record's registration
form, its photos two to a row, a training's sign-in sheet, and a record kept whole on a page.
The pictures are read here for both renderers (photo_jpeg)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import fonts
from laomo_desktop.reports.layout import BODY_W
from laomo_desktop.reports.text import esc

LABEL_BG = colors.HexColor("#efefef")
PHOTO_W, PHOTO_H = (BODY_W - 6 * mm) / 2, 62 * mm
SIGN_ROW_H = 9 * mm  # room for a handwritten signature
SIGN_HEAD = ["序号", "姓名", "岗位/单位", "签名", "备注"]
SIGN_WIDTHS = (0.08, 0.18, 0.3, 0.26, 0.18)


def form(st: dict, rows: Sequence[D.FormRow]) -> Table:
    """A bordered registration form: each row is one (label, value) across the width, or two
    pairs side by side; labels shaded, values wrapped."""
    label_w, value_w = 0.15 * BODY_W, 0.35 * BODY_W
    data, spans = [], []
    for i, row in enumerate(rows):
        cell = st["cell"]
        if isinstance(row[0], tuple):
            (k1, v1), (k2, v2) = row  # type: ignore[misc]
            data.append([Paragraph(esc(k1), cell), Paragraph(esc(v1), cell),
                         Paragraph(esc(k2), cell), Paragraph(esc(v2), cell)])
        else:
            k, v = row  # type: ignore[misc]
            data.append([Paragraph(esc(k), cell), Paragraph(esc(v), cell), "", ""])
            spans.append(("SPAN", (1, i), (3, i)))
    t = Table(data, colWidths=[label_w, value_w, label_w, value_w])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.register()),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]))
    for i, row in enumerate(rows):  # the label column of a row across the width is shaded too
        if not isinstance(row[0], tuple):
            t.setStyle(TableStyle([("BACKGROUND", (1, i), (3, i), colors.white)]))
    return t


def block(heading, *parts) -> list:
    """One record's part of a page under its numbered heading: kept whole on one page where it
    fits (so a record takes a page or a part of one, never its end on the next), else split at
    the page's end."""
    return [KeepTogether([heading, *parts, Spacer(1, 8)])]


def photo_grid(st: dict, photos: Sequence[D.Photo]) -> list:
    """The record's pictures two to a row, each scaled to fit and captioned; a file that
    cannot be read is named, not skipped silently."""
    cells = []
    for p in photos:
        pic = photo_jpeg(p.file)
        if pic is None:
            cells.append(Paragraph(esc(f"（照片“{p.filename}”无法读取）"), st["small"]))
        else:
            data, w, h = pic
            scale = min(PHOTO_W / w, PHOTO_H / h)
            cells.append([Image(io.BytesIO(data), width=w * scale, height=h * scale),
                          Paragraph(esc(p.caption), st["center"])])
    if not cells:
        return [Paragraph("（无照片）", st["small"])]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    t = Table(rows, colWidths=[BODY_W / 2] * 2)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return [t]


def photo_jpeg(path: Path | None) -> tuple[bytes, int, int] | None:
    """The picture upright (its EXIF orientation applied) as a JPEG of at most 1000 pixels a
    side (a phone's 4000-pixel photo prints at about 300 dpi in the photo box), with its
    original width and height; None when it cannot be read."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    if path is None:
        return None
    try:
        with PILImage.open(path) as raw:
            pic = ImageOps.exif_transpose(raw)
            pic.load()
    except (OSError, ValueError, SyntaxError):
        return None
    w, h = pic.size
    if pic.mode not in ("RGB", "L"):
        pic = pic.convert("RGB")
    pic.thumbnail((1000, 1000))
    buf = io.BytesIO()
    pic.save(buf, "JPEG", quality=85)
    return buf.getvalue(), w, h


def sign_in(st: dict, sheet: D.SignIn) -> list:
    """The sign-in sheet: 序号, 姓名, 岗位, a blank 签名 box tall enough to sign in, 备注."""
    cell = st["cell"]
    data = [SIGN_HEAD] + [[str(i), n, p, "", ""] for i, (n, p) in enumerate(sheet.people, 1)]
    widths = [w * BODY_W for w in SIGN_WIDTHS]
    t = Table(data, colWidths=widths, rowHeights=[7 * mm] + [SIGN_ROW_H] * (len(data) - 1),
              repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.register()),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize + 1),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]))
    out: list = [t] if len(data) > 1 else [Paragraph("（未登记本工作室参加成员）", st["small"])]
    if sheet.outside:
        out.append(Paragraph(esc(f"另有外部学员 {sheet.outside} 人（名单另附）。"), st["small"]))
    return out
