"""The review packet (考核材料): the annual summary, the self-assessment against a union's template,
an evidence index, and the attachments the secretary ticked — photos four to a page, PDF
attachments appended whole and stamped with their number and the packet's page — in one PDF
with one page numbering, a contents page and bookmarks.

Page numbers printed inside the packet (contents, evidence index) come from a first layout pass;
the second pass prints them. The parts are in reports/packet_parts.py, packet_sheet.py and
packet_index.py; the file is put together in reports/packet_merge.py."""

from __future__ import annotations

import contextlib
import io
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Table

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment, musthaves
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.ledger.kinds.studio import titled_for
from laomo_desktop.ledger.templates import Template
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports import packet_index as PI
from laomo_desktop.reports import packet_merge as M
from laomo_desktop.reports import packet_parts as P
from laomo_desktop.reports import tables
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.annual import category_label, story_for, with_checklist
from laomo_desktop.reports.layout import (
    BODY_W,
    BOTTOM,
    LEFT,
    PAGE_H,
    RIGHT,
    TOP,
    left_margin,
    make_canvas_class,
    styles,
)
from laomo_desktop.reports.packet_sheet import score_sheet
from laomo_desktop.reports.text import esc
from laomo_desktop.store import blobs
from laomo_desktop.texts import Text

IMAGE_TYPES = set(P.IMAGE_TYPES)

# What stops a packet, told to the user (the packet itself is the union's paperwork, in Chinese)
NOT_OURS = Text("附件“{name}”不属于本工作室，不能放入考核材料。",
                'The attachment "{name}" does not belong to this studio and cannot go into the '
                "review packet.")
IN_BIN = Text("附件“{name}”在回收站中，请先恢复。",
              'The attachment "{name}" is in the recycle bin; restore it first.')
FILE_LOST = Text("附件“{name}”的文件丢失，请从备份恢复或重新添加。",
                 'The file of the attachment "{name}" is missing; restore a backup or add it again.')
NOT_A_PDF = Text("附件“{name}”不是有效的 PDF 文件，无法放入考核材料（{error}）。请取消勾选它或换一个文件。",
                 'The attachment "{name}" is not a valid PDF file and cannot go into the review '
                 "packet ({error}). Untick it or choose another file.")
NOT_AN_IMAGE = P.NOT_AN_IMAGE
CANNOT_WRITE = Text("无法写入“{file}”：{why}", 'Cannot write "{file}": {why}')


def _attachments(paths: LedgerPaths, studio_uid: str, uids: list[str]) -> list[dict]:
    out = []
    for uid in uids:
        rec = R.get("attachment", uid)
        if rec["studio"] != studio_uid:
            raise LaomoError(NOT_OURS(name=rec["filename"]))
        if rec["deleted_at"]:
            raise LaomoError(IN_BIN(name=rec["filename"]))
        path = blobs.blob_path(paths, rec["sha256"])
        if not path.is_file():
            raise LaomoError(FILE_LOST(name=rec["filename"]))
        rec["path"] = path
        rec["suffix"] = Path(rec["filename"]).suffix.lower()
        out.append(rec)
    return out


def _check_pdf(rec: dict) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(str(rec["path"])).pages)
    except Exception as exc:
        raise LaomoError(NOT_A_PDF(name=rec["filename"], error=exc.__class__.__name__)) from exc



def _text(cell) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, (list, tuple)):
        return " ".join(_text(c) for c in cell)
    return cell.getPlainText() if hasattr(cell, "getPlainText") else ""


class _PacketPage(PageTemplate):
    """A page whose frame moves with the binding margin (layout.left_margin) by the number the
    page is printed with: the back page, laid out last but one behind the appended PDFs, is
    numbered `doc.total`."""

    def beforeDrawPage(self, canv, doc):  # noqa: N802 - ReportLab API
        printed = doc.total if doc.back is not None and doc.page == doc.back else doc.page
        for frame in self.frames:
            frame.x1 = left_margin(printed)  # Frame recomputes its geometry on assignment
        super().beforeDrawPage(canv, doc)


class _PacketDoc(BaseDocTemplate):
    """Records the page of every marked flowable (headings, parts), of every photo, and of
    every table row of the summary (part one) with the heading it stands under. `back` and
    `total`: the body's last page and the number it is printed with (from the previous pass)."""

    def __init__(self, *args, back: int | None = None, total: int | None = None, **kwargs):
        # BaseDocTemplate sets keepTogetherClass on the instance: a class attribute is not seen
        super().__init__(*args, keepTogetherClass=tables.KeepHeadingWithRows, **kwargs)
        self.back, self.total = back, total
        self.found = P.Pages()
        self._part, self._heading = "", ""

    def afterFlowable(self, flowable):  # noqa: N802 - ReportLab API
        if getattr(flowable, "_packet_mark", None):
            level, title = flowable._packet_mark
            self.found.marks.append((level, title, self.page))
            if level == 0:
                self._part = title
            self._heading = title
        for n in getattr(flowable, "_packet_photos", ()):
            self.found.photos[n] = self.page
        if self._part != P.PARTS[0]:
            return
        if isinstance(flowable, tables.PagedTable):
            rows = flowable.rows[flowable.start:]
        elif isinstance(flowable, Table):
            rows = flowable._cellvalues
        else:
            return
        self.found.rows += [(self._heading, _text(r), self.page) for r in rows]


def _summary(data: dict, st: dict) -> tuple[list, list[tuple[int, str]]]:
    """The summary's flowables with its headings marked (level 1 and 2 under part one), and
    its level-1 headings for the contents. The appendix's tables (附表一 …) are titled above
    them, not headed: their titles are marked at level 2 under 附表, so that a bookmark finds
    each and the evidence index knows which table a row is printed in."""
    story, entries = story_for(data, st), []
    for f in story:
        name = getattr(getattr(f, "style", None), "name", "")
        level = {"h1": 1, "h2": 2}.get(name)
        if name == "table_title" and f.getPlainText().startswith("附表"):
            level = 2
        if level and isinstance(f, Paragraph):
            title = f.getPlainText()
            P.mark(f, level, title)
            if level == 1:
                entries.append((1, title))
    return story, entries


def _story(ctx: dict, pages: P.Pages) -> list:
    """The whole body, printing the page numbers `pages` found in the previous pass."""
    st, data, result = ctx["st"], ctx["data"], ctx["result"]
    s, per, tpl = data["studio"], data["period"], ctx["tpl"]
    for a in ctx["chosen"]:
        a["page"] = pages.photos.get(a["number"]) or ctx["pdf_pages"].get(a["number"])
    title = titled_for(tpl.title, s.get("category"))  # the studio's own kind, not 劳模…
    story = P.cover(st, s, [category_label(s), f"{per.short}考核材料", W.span(per),
                            s["host_unit"], f"领衔人：{data['leader'] or '（未登记）'}",
                            f"自评模板：{title}"], ctx["generated"])
    summary, entries = _summary(data, st)
    own = f"自评：{title}"
    photos = [a for a in ctx["chosen"] if a["suffix"] in IMAGE_TYPES]
    toc = [(0, P.PARTS[0]), *entries, (0, P.PARTS[1]), (1, own), (0, P.PARTS[2]),
           *[(1, t) for t in PI.HEADINGS]]
    if photos or ctx["pdfs"]:
        toc += [(0, P.PARTS[3]), *[(1, M.label(a)) for a in ctx["pdfs"]]]
    page_of = {t: p for _, t, p in pages.marks}
    page_of.update({M.label(a): a["page"] for a in ctx["pdfs"] if a["page"]})
    story += P.contents(st, toc, page_of)
    part_style = ParagraphStyle("part", parent=st["h1"], fontSize=18, leading=28,
                                alignment=TA_CENTER, firstLineIndent=0, spaceBefore=0,
                                spaceAfter=10)

    def part(i: int) -> list:
        return [P.mark(Paragraph(esc(P.PARTS[i]), part_style), 0, P.PARTS[i])]

    story += [*part(0), *summary, PageBreak(), *part(1),
              P.mark(Paragraph(esc(own), st["h1"]), 1, own)]
    if tpl.description:
        note = ParagraphStyle("template_note", parent=st["small"], spaceAfter=4)
        story.append(Paragraph(esc(tpl.description), note))  # a gap between it and the sheet
    rules = {c["id"]: c["rule"] for c in tpl.criteria}
    story += score_sheet(st, result, rules, ctx["evidence_of"])
    story += [PageBreak(), *part(2)]
    story += PI.evidence_index(st, ctx["evidence"], ctx["chosen"], pages, P.mark)
    if photos or ctx["pdfs"]:
        story += [PageBreak(), *part(3)]
        story += P.photo_pages(st, photos, draft=not pages.marks)
    story += P.back_page(st, ctx["fingerprint"])
    return story


def _canvas(ctx: dict, total: int | None, back: int | None):
    """The documents' canvas, numbering the packet as one file: the back page (the body's last)
    comes after the appended PDFs, so it is page `total`."""
    s, per = ctx["data"]["studio"], ctx["data"]["period"]
    base = make_canvas_class(s["name"], f"{per.short}考核材料", ctx["generated"])

    class PacketCanvas(base):
        def decorate(self, count: int) -> None:
            if total is None:
                return super().decorate(count)
            own = self._pageNumber
            if own == back:
                self._pageNumber = total
            try:
                super().decorate(total)
            finally:
                self._pageNumber = own

    return PacketCanvas


def _layout(ctx: dict) -> tuple[bytes, P.Pages]:
    """Lay the body out until the page numbers it prints are the ones it has (two passes as a
    rule; a third when the numbers themselves moved a page)."""
    from reportlab import rl_config

    pages, total, back = P.Pages(), None, None
    a85, rl_config.useA85 = rl_config.useA85, 0  # photos as binary JPEG: no text encoding
    try:
        return _passes(ctx, pages, total, back)
    finally:
        rl_config.useA85 = a85


def _passes(ctx: dict, pages: P.Pages, total: int | None, back: int | None):
    for _ in range(4):
        buf = io.BytesIO()
        doc = _PacketDoc(buf, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                         bottomMargin=BOTTOM, title=ctx["title"], author="劳模创新工作室台账",
                         creator="Laomo Desktop", back=back, total=total)
        doc.addPageTemplates([
            _PacketPage(id=name, frames=[Frame(LEFT, BOTTOM, BODY_W, PAGE_H - TOP - BOTTOM,
                                               id="body")])
            for name in ("cover", "body")])
        ctx["pdf_pages"] = {}
        if back is not None:  # the appended PDFs follow the body's last page but one
            at = back
            for a in ctx["pdfs"]:
                ctx["pdf_pages"][a["number"]] = at
                at += a["pages"]
        doc.build(_story(ctx, pages), canvasmaker=_canvas(ctx, total, back))
        found, n = doc.found, doc.page
        if total is not None and n == back and found == pages:
            return buf.getvalue(), found
        pages, back = found, n
        total = n + sum(a["pages"] for a in ctx["pdfs"])
    return buf.getvalue(), found


def write_packet(paths: LedgerPaths, studio_uid: str, year: int, template: str | Path,
                 attachment_uids: list[str], out: Path, generated: date | None = None,
                 must_haves: Template | None = None) -> dict:
    """Write the review packet to `out` (written under a temporary name, then renamed).
    `must_haves`: the union's must-have set; None: the one chosen in the data folder."""
    from laomo_desktop.exchange.keys import installation_fingerprint

    tpl = assessment.load_template(template, paths.templates)
    # the summary's self-check: the sheet's own set when the sheet is one (they agree), else
    # the union's
    must_haves = tpl if tpl.must_haves else must_haves or musthaves.current(paths)
    # before the assessment: a year before the founding is refused here
    data = with_checklist(annual_data(studio_uid, year,
                                      min_members=tpl.parameters["min_members"]), must_haves)
    result = assessment.assess(studio_uid, year, tpl)
    chosen = _attachments(paths, studio_uid, list(dict.fromkeys(attachment_uids)))
    for n, a in enumerate(chosen, 1):
        a["number"] = n
        P.describe(a)
        if a["suffix"] == ".pdf":
            a["pages"] = _check_pdf(a)
    photos = [a for a in chosen if a["suffix"] in IMAGE_TYPES]
    # Pillow decodes and encodes without holding the GIL: a photo per core (the first that
    # cannot be read is the one reported, in the attachments' order)
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        list(pool.map(P.prepare_photo, photos))
    evidence, evidence_of = PI.evidence_list(
        result, {c["id"]: c["evidence"] for c in tpl.criteria})
    s, per = data["studio"], data["period"]
    ctx = {"st": styles(), "data": data, "result": result, "tpl": tpl, "chosen": chosen,
           "pdfs": [a for a in chosen if a["suffix"] == ".pdf"], "evidence": evidence,
           "evidence_of": evidence_of, "generated": generated or date.today(),
           "fingerprint": installation_fingerprint(paths),
           "title": f"{s['name']} {per.short}考核材料"}
    body, found = _layout(ctx)
    out = Path(out)
    whole = out.with_name(out.name + ".partial")
    try:
        M.assemble(body, found, chosen, ctx["title"], whole)
        os.replace(whole, out)
    except OSError as exc:
        raise LaomoError(CANNOT_WRITE(file=out, why=blobs.describe_os_error(exc))) from exc
    finally:
        with contextlib.suppress(OSError):
            whole.unlink()
    return result
