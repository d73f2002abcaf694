"""The review packet (考核材料): the annual summary, the self-assessment against a union's template,
an evidence index, and the attachments the secretary ticked — photos placed on pages scaled to
fit, PDF attachments appended whole (pypdf) — in one PDF."""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, PageBreak, Paragraph, Spacer

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.annual import story_for
from laomo_desktop.reports.layout import (
    BODY_W,
    BOTTOM,
    PAGE_H,
    TOP,
    build,
    cover,
    date_cn,
    styles,
    table,
)
from laomo_desktop.reports.text import esc
from laomo_desktop.store import blobs
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Text

IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".gif", ".bmp"}
STATUS = {"met": "√ 达到", "partly": "◐ 部分达到", "missing": "× 未达到"}  # all in the font

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
NOT_AN_IMAGE = Text("附件“{name}”不是能识别的图片，无法放入考核材料。",
                    'The attachment "{name}" is not an image the program can read and cannot go '
                    "into the review packet.")
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


def _owner_title(rec: dict) -> str:
    kind = S.BY_NAME.get(rec["owner_kind"])
    if kind is None:
        return ""
    try:
        owner = R.get(kind.name, rec["owner_uid"])
    except LaomoError:
        return kind.label
    return f"{kind.label}：{owner.get(kind.title) or ''}"


def _assessment_story(result: dict, st: dict) -> list:
    out = [Paragraph(esc(f"自评：{result['template']['title']}"), st["h1"])]
    if result["template"].get("description"):
        out.append(Paragraph(esc(result["template"]["description"]), st["small"]))
    total = f"合计：{result['score']:g}"
    if result.get("points"):
        total += f" / {result['points']:g} 分"
    total += f"；达到 {result['met']} 项，部分达到 {result['partly']} 项，未达到 {result['missing']} 项"
    if "eligible" in result:
        total += "；结论：" + ("符合条件" if result["eligible"] else "尚不符合条件")
    if result.get("grade"):
        total += f"；等级：{result['grade']}"
    # the total under the table's last rows, never alone on a page
    out += table(st, ["考核项目", "考核内容", "分值", "自评得分", "结论", "说明"],
                 [[c["area"], c["item"], f"{c['points']:g}", f"{c['score']:g}",
                   STATUS[c["status"]], c["detail"]] for c in result["criteria"]],
                 [2, 5, 1, 1.3, 1.8, 4.5],
                 after=[Spacer(1, 4), Paragraph(esc(total + "。"), st["body"])])
    return out


def _evidence_story(result: dict, attachments: list[dict], st: dict) -> list:
    out = [PageBreak(), Paragraph("佐证材料索引", st["h1"])]
    rows = []
    for c in result["criteria"]:
        for e in c["evidence"]:
            kind = S.BY_NAME.get(e["kind"])
            rows.append([c["id"], c["item"], kind.label if kind else e["kind"], e["title"]])
    out += table(st, ["编号", "考核内容", "记录类型", "佐证记录"], rows, [1.2, 5, 1.6, 5],
                 empty="本模板的考核项没有引用台账记录。")
    out.append(Paragraph("附件清单", st["h2"]))
    out += table(st, ["序号", "文件名", "说明", "所属记录", "位置"],
                 [[f"附件{i}", a["filename"], a["title"] or "", _owner_title(a),
                   "见后附图片页" if a["suffix"] in IMAGE_TYPES else
                   (f"附于文末（{a['pages']} 页）" if a["suffix"] == ".pdf" else "未附入（非图片/PDF）")]
                  for i, a in enumerate(attachments, 1)], [1.2, 4, 3, 4, 2.5],
                 empty="未选择附件。")
    return out


def _image_story(attachments: list[dict], st: dict) -> list:
    out: list = []
    max_h = PAGE_H - TOP - BOTTOM - 30 * mm
    for i, a in enumerate(attachments, 1):
        if a["suffix"] not in IMAGE_TYPES:
            continue
        try:
            img = Image(str(a["path"]))
        except Exception as exc:
            raise LaomoError(NOT_AN_IMAGE(name=a["filename"])) from exc
        scale = min(BODY_W / img.imageWidth, max_h / img.imageHeight, 2.0)  # small: ≤ 2×
        img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
        caption = f"附件{i}　{a['filename']}" + (f"　{a['title']}" if a["title"] else "")
        out += [PageBreak(), KeepTogether([img, Spacer(1, 4 * mm),
                                           Paragraph(esc(caption), st["center"])])]
    return out


def write_packet(paths: LedgerPaths, studio_uid: str, year: int, template: str | Path,
                 attachment_uids: list[str], out: Path, generated: date | None = None) -> dict:
    """Write the review packet to `out` (written under a temporary name, then renamed)."""
    from pypdf import PdfWriter

    tpl = assessment.load_template(template, paths.templates)
    # before the assessment: a year before the founding is refused here
    data = annual_data(studio_uid, year, min_members=tpl.parameters["min_members"])
    result = assessment.assess(studio_uid, year, tpl)
    chosen = _attachments(paths, studio_uid, list(dict.fromkeys(attachment_uids)))
    for a in chosen:
        if a["suffix"] == ".pdf":
            a["pages"] = _check_pdf(a)
    st = styles()
    s, per = data["studio"], data["period"]
    from laomo_desktop.exchange.keys import installation_fingerprint

    # The union office compares this with the key of the studio's data packages (by phone or
    # on paper) before it trusts them.
    fp = installation_fingerprint(paths)
    story = cover(st, s["name"], [line for line in (
        f"{per.short}考核材料", W.span(per), s["host_unit"], f"领衔人：{data['leader'] or '（未登记）'}",
        f"自评模板：{tpl.title}", date_cn(generated or date.today())) if line]
                  + ["", f"数据包签名指纹：{fp}"])
    story += [Paragraph("目录", st["h1"])]
    story += [Paragraph(esc(line), st["body"]) for line in (
        "第一部分　年度工作总结（台账汇编）", "第二部分　自评表", "第三部分　佐证材料索引",
        "第四部分　附件（图片在前，PDF 文件附于文末）")]
    story += [PageBreak(), Paragraph("第一部分　年度工作总结（台账汇编）", st["title"]),
              CondPageBreak(60 * mm)]
    story += story_for(data, st)
    story += [PageBreak()] + _assessment_story(result, st)
    story += _evidence_story(result, chosen, st)
    story += _image_story(chosen, st)
    out = Path(out)
    body = out.with_name(out.name + ".body.partial")
    whole = out.with_name(out.name + ".partial")
    try:
        build(body, story, title=f"{s['name']} {per.short}考核材料", header_left=s["name"],
              header_right=f"{per.short}考核材料", generated=generated)
        writer = PdfWriter()
        writer.append(str(body))
        for a in chosen:
            if a["suffix"] == ".pdf":
                writer.append(str(a["path"]))
        with open(whole, "wb") as fh:
            writer.write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(whole, out)
    except OSError as exc:
        raise LaomoError(CANNOT_WRITE(file=out, why=blobs.describe_os_error(exc))) from exc
    finally:
        for p in (body, whole):
            with contextlib.suppress(OSError):
                p.unlink()
    return result
