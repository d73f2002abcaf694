"""The checklist of a notice (通知报送清单): the notice's facts, then each required item with
what produces it and a box, filled when it is done, so the secretary can tick off the paper
copy as the material is bound. From the notice's screen one notice; from the reports page every
notice of the studio due in the year, one to a page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import books as B
from laomo_desktop.ledger import notices as N
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports.wording import NOT_FILLED
from laomo_desktop.texts import Text

NOT_OF_STUDIO = Text("“{studio}”没有这份通知（它属于另一个工作室，或已在回收站中）",
                     'The studio "{studio}" has no such notice (it belongs to another studio, '
                     "or is in the recycle bin)")
DONE, UNDONE = "■", "□"
TITLE = "通知报送清单"


def item_rows(rec: dict) -> list[list]:
    """序号, 报送材料, 生成方式, 完成情况 (a filled box and the date done, or an empty box)."""
    rows = []
    for i, item in enumerate(rec.get("items") or [], 1):
        if item.get("done"):
            state = f"{DONE} 已完成" + (f"（{date_cn(item['done_on'])}）" if item.get("done_on")
                                      else "")
        else:
            state = f"{UNDONE} 未完成"
        rows.append([i, item.get("what") or "", N.source_label(item.get("source")).zh, state])
    return rows


def notice_blocks(rec: dict, today: date) -> list[D.Block]:
    """One notice: its title, facts, state on the day printed, the items and a sign-off line."""
    closed = N.is_closed(rec)
    state = N.state(rec["due_on"], today, closed=closed).render("zh")
    items = rec.get("items") or []
    done = sum(1 for i in items if i.get("done"))
    out: list[D.Block] = [D.Title(rec["title"] or NOT_FILLED), D.Space(6), D.KeyValues((
        ("发文单位", rec.get("issuer") or NOT_FILLED),
        ("文号", rec.get("doc_no") or NOT_FILLED),
        ("收文日期", date_cn(rec.get("received_on")) or NOT_FILLED),
        ("截止日期", date_cn(rec["due_on"])),
        ("办理情况", f"{state}（{date_cn(today)}）；报送材料 {len(items)} 项，已完成 {done} 项"),
        ("办结日期", date_cn(rec.get("closed_on")) or "—"),
    )), D.Space(8)]
    o = D.Outline()
    out.append(o.table(["序号", "报送材料", "生成方式", "完成情况"], item_rows(rec),
                       [1, 6, 3.2, 3.6], title="报送材料"))
    note = [line.strip() for line in (rec.get("note") or "").splitlines() if line.strip()]
    if note:
        out += [D.Space(6), D.Para("备注：" + note[0])] + [D.Para(line) for line in note[1:]]
    return out + [D.Space(24), D.Para("经办人：＿＿＿＿＿＿　　核对人：＿＿＿＿＿＿　　"
                                      "日期：＿＿＿＿年＿＿月＿＿日", "right")]


def chosen(studio_uid: str, year: int, notice_uid: str | None) -> tuple[dict, str, list[dict]]:
    """The studio, the period's short name and the notices to print: the one asked for, or
    every live notice due in the year, soonest first."""
    studio, per = B.studio_year(studio_uid, year)
    if notice_uid:
        rec = R.get("notice", notice_uid)
        if rec["studio"] != studio["uid"] or rec["deleted_at"]:
            raise LaomoError(NOT_OF_STUDIO(studio=studio["name"]))
        return studio, per.short, [rec]
    recs = [r for r in R.list_records("notice", studio_uid) if per.contains(r["due_on"])]
    return studio, per.short, sorted(recs, key=lambda r: (r["due_on"], r["title"] or ""))


def checklist_blocks(studio: dict, short: str, recs: list[dict], today: date) -> list[D.Block]:
    if not recs:
        return [D.Title(TITLE), D.Space(10), D.Para(f"{short}没有截止的通知。")]
    out: list[D.Block] = []
    for i, rec in enumerate(recs):
        if i:
            out.append(D.PageBreak())
        out += notice_blocks(rec, today)
    return out


def write_checklist(studio_uid: str, year: int, out: Path | str, notice_uid: str | None = None,
                    generated: date | None = None, docx: bool = False) -> None:
    """Write the checklist (PDF, or Word with `docx`) of one notice or the year's notices."""
    today = generated or date.today()
    studio, short, recs = chosen(studio_uid, year, notice_uid)
    blocks = checklist_blocks(studio, short, recs, today)
    if docx:
        from laomo_desktop.reports.docx_render import write_docx

        write_docx(out, blocks, title=f"{studio['name']}{TITLE}", header_left=studio["name"],
                   header_right=TITLE)
        return
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    build(out, flowables(blocks, styles()), title=f"{studio['name']}{TITLE}",
          header_left=studio["name"], header_right=TITLE, generated=generated, has_cover=False)
