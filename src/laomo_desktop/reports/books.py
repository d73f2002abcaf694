"""The ledger books (台账分册) of one studio-year, as unions bind them on the inspector's shelf:
活动记录, 培训记录 with its 学员花名册, 师徒结对登记表, 创新成果登记表, 经费明细账 and 成员名册.

What each lists comes from ledger/books.py (the summary's as-of rules); here only how it looks:
records with long texts (an activity, a pair, a result) as one form each, kept to a page or a
half page; lists (the roster, the cash book) as tables. Every user text is escaped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from laomo_desktop.ledger import books as B
from laomo_desktop.ledger.money import yuan
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports import fonts
from laomo_desktop.reports.headings import Outline, label
from laomo_desktop.reports.layout import (
    BODY_W,
    build,
    cover,
    date_cn,
    styles,
    table,
)
from laomo_desktop.reports.text import esc
from laomo_desktop.reports.wording import NOT_FILLED, number
from laomo_desktop.store import blobs
from laomo_desktop.store import enums as E

LABEL_BG = colors.HexColor("#efefef")
PHOTO_W, PHOTO_H = (BODY_W - 6 * mm) / 2, 62 * mm
SIGN_ROW_H = 9 * mm  # room for a handwritten signature

TITLES = {"activities": "活动记录", "trainings": "培训记录", "mentoring": "师徒结对登记表",
          "results": "创新成果登记表", "funds": "经费明细账", "members": "成员名册"}


def lab(choices: type[E.Choice], code: str | None) -> str:
    return choices.label(code) if code else ""


def text_or_blank(value: object) -> str:
    """A long text as entered, or 未填写 (never an empty box an inspector reads as nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_FILLED
    return str(value)


def month_cn(iso: str | None) -> str:
    """A birth date as rosters print it: 1988年5月."""
    return f"{int(iso[:4])}年{int(iso[5:7])}月" if iso else ""


# -- a form: label | value cells, a long value across the row ----------------------------------

Row = tuple[str, object] | tuple[tuple[str, object], tuple[str, object]]


def form(st: dict, rows: Sequence[Row]) -> Table:
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


def block(heading: Paragraph | list, *parts) -> list:
    """One record's part of a page under its numbered heading (after the section's heading,
    for the first record: a heading does not end a page alone): kept whole on one page where
    it fits (so a record takes a page or a part of one, never its end on the next), else split
    at the page's end."""
    return [KeepTogether([*(heading if isinstance(heading, list) else [heading]), *parts,
                          Spacer(1, 8)])]


def record_number(i: int) -> str:
    """The 序号 of the `i`th record in a book's 一览 table: the number its heading carries
    under the records' section (（一）, （二）…), so an inspector finds one from the other."""
    return label(2, i)


def records_section(o: Outline, title: str, rows: list) -> Callable[[str], list]:
    """The records' level-1 heading and a maker of each record's numbered level-2 heading, the
    section's heading going with the first record."""
    section = [o.heading(1, title)] if rows else []

    def heading(text: str) -> list:
        out = [*section, o.heading(2, text)]
        section.clear()
        return out
    return heading


def photo_grid(st: dict, paths: LedgerPaths, photos: list[dict], caption: str) -> list:
    """The record's pictures two to a row, each scaled to fit and captioned with its own
    caption, else the record's; a file that cannot be read is named, not skipped silently."""
    cells = []
    for p in photos:
        img = _image(paths, p)
        words = p.get("title") or caption
        if img is None:
            cells.append(Paragraph(esc(f"（照片“{p['filename']}”无法读取）"), st["small"]))
        else:
            cells.append([img, Paragraph(esc(words), st["center"])])
    if not cells:
        return [Paragraph("（无照片）", st["small"])]
    rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    t = Table(rows, colWidths=[BODY_W / 2] * 2)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return [t]


def _image(paths: LedgerPaths, p: dict) -> Image | None:
    """The picture upright (its EXIF orientation applied) and scaled into the photo box; a
    phone's 4000-pixel photo is reduced to what the box prints at about 300 dpi."""
    import io

    from PIL import Image as PILImage
    from PIL import ImageOps

    path = blobs.blob_path(paths, p["sha256"])
    try:
        with PILImage.open(path) as raw:
            pic = ImageOps.exif_transpose(raw)
            pic.load()
    except (OSError, ValueError, SyntaxError):
        return None
    w, h = pic.size
    scale = min(PHOTO_W / w, PHOTO_H / h)
    if pic.mode not in ("RGB", "L"):
        pic = pic.convert("RGB")
    pic.thumbnail((1000, 1000))
    buf = io.BytesIO()
    pic.save(buf, "JPEG", quality=85)
    buf.seek(0)
    return Image(buf, width=w * scale, height=h * scale)


def fitted(st: dict, header: list[str], rows: list[list], keep: Sequence[int]) -> list[float]:
    """Column widths that follow content: the `keep` columns (dates, numbers, vouchers, short
    codes) as wide as their longest cell, so they never break; the others share what is left
    in proportion to their longest cell, at least three characters a line."""
    font, size = st["cell"].fontName, st["cell"].fontSize
    natural = []
    for i, h in enumerate(header):
        cells = [stringWidth(str(r[i]), font, size) for r in rows[:500]]
        head = h if i in keep else h[:2]
        # a plain cell needs its text + 8 (layout.table); a wrapped header its text + 12
        natural.append(max([stringWidth(head, font, size) + 13, *(c + 9 for c in cells)]))
    free = [i for i in range(len(header)) if i not in keep]
    least = {i: min(natural[i], 3 * size + 13) for i in free}  # three characters a line
    room = BODY_W - sum(natural[i] for i in keep)
    out = list(natural)
    if room < sum(least.values()):  # too many columns: the kept ones give way too
        shrink = (BODY_W - sum(least.values())) / (BODY_W - room)
        out = [w * shrink if i in keep else least[i] for i, w in enumerate(natural)]
    else:
        want = sum(natural[i] for i in free) or 1.0
        for i in free:
            out[i] = max(least[i], natural[i] * min(1.0, room / want))
    spare = BODY_W - sum(out)
    if spare > 0:  # a narrow table fills the width, the free columns growing
        for i in free or range(len(out)):
            out[i] += spare / len(free or out)
    return out


def overview(st: dict, header: list[str], rows: list[list], widths: Sequence[float],
             right: Sequence[int] = (), title: str = "") -> list:
    """A table of the registry's layout, numbers right-aligned in the `right` columns, `title`
    above it."""
    out = table(st, header, rows, widths, title=title)
    for t in out:
        if isinstance(t, Table) and right:
            t.setStyle(TableStyle([("ALIGN", (i, 1), (i, -1), "RIGHT") for i in right]))
    return out


# -- the books -------------------------------------------------------------------------------------

def _people(a: dict) -> str:
    names = "、".join(n for n in a["attendee_names"] if n)
    outside = a.get("outside_count")
    parts = [names] if names else []
    if outside:
        parts.append(f"外部人员 {outside} 人")
    text = "；".join(parts) or NOT_FILLED
    if a["person_times"] is not None:
        text += f"（共 {a['person_times']} 人次）"
    return text


def activities_story(st: dict, paths: LedgerPaths, rows: list[dict]) -> list:
    o = Outline(st)
    out = [o.heading(1, "活动一览")]
    out += overview(st, ["序号", "日期", "类型", "主题", "地点", "人次"],
                    [[record_number(i), date_cn(a["date"]), lab(E.ActivityType, a["type"]),
                      a["topic"], a["place"] or "",
                      "" if a["person_times"] is None else a["person_times"]]
                     for i, a in enumerate(rows, 1)], [1, 2.8, 1.8, 5, 3, 1.2], right=(5,),
                    title=o.table_title("活动一览表"))
    heading = records_section(o, "活动记录", rows)
    for a in rows:
        fields: list[Row] = [
            ("活动主题", a["topic"]),
            (("活动日期", date_cn(a["date"])), ("活动类型", lab(E.ActivityType, a["type"]))),
            (("活动地点", text_or_blank(a["place"])), ("主持/主讲", text_or_blank(a["host"]))),
        ]
        if a.get("hours") is not None:
            fields.append(("学时", number(a["hours"])))
        fields += [("参加人员", _people(a)), ("活动内容", text_or_blank(a.get("summary"))),
                   ("活动成效", text_or_blank(a.get("outcome")))]
        if a["type"] == E.ActivityType.MEETING or a.get("minutes") or a.get("agenda"):
            fields += [("会议议程", text_or_blank(a.get("agenda"))),
                       ("会议纪要", text_or_blank(a.get("minutes"))),
                       ("会议决定", text_or_blank(a.get("decisions")))]
        if a["follow_up_lines"]:
            fields.append(("待办事项", "\n".join(
                f"{what}（{who or '未指定'}，{date_cn(due) or '未定期限'}，"
                f"{'已完成' if done else '未完成'}）" for what, who, due, done
                in a["follow_up_lines"])))
        caption = f"{a['topic']}（{date_cn(a['date'])}{'，' + a['place'] if a['place'] else ''}）"
        out += block(heading(a["topic"]), form(st, fields), Spacer(1, 4),
                     Paragraph("照片", st["small"]), *photo_grid(st, paths, a["photos"], caption))
    return out


def trainings_story(st: dict, rows: list[dict]) -> list:
    out: list = []
    o = Outline(st)
    for a in rows:
        record = form(st, [
            ("培训主题", a["topic"]),
            (("培训日期", date_cn(a["date"])), ("培训地点", text_or_blank(a["place"]))),
            (("主讲人", text_or_blank(a["host"])),
             ("学时", "" if a.get("hours") is None else number(a["hours"]))),
            ("参加人次", NOT_FILLED if a["person_times"] is None else f"{a['person_times']} 人次"),
            ("培训内容", text_or_blank(a.get("summary"))),
            ("培训成效", text_or_blank(a.get("outcome"))),
        ])
        out += block(o.heading(1, a["topic"]), record, Spacer(1, 6),
                     Paragraph(esc(o.table_title("学员花名册")), st["table_title"]),
                     *sign_in(st, a))
    return out or [Paragraph("本年度无培训记录。", st["body"])]


def sign_in(st: dict, a: dict) -> list:
    """The sign-in sheet: 序号, 姓名, 岗位, a blank 签名 box tall enough to sign in, 备注."""
    cell = st["cell"]
    head = ["序号", "姓名", "岗位/单位", "签名", "备注"]
    data = [head] + [[str(i), n, p, "", ""] for i, (n, p) in
                     enumerate(zip(a["attendee_names"], a["attendee_posts"], strict=True), 1)]
    widths = [w * BODY_W for w in (0.08, 0.18, 0.3, 0.26, 0.18)]
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
    if a.get("outside_count"):
        out.append(Paragraph(esc(f"另有外部学员 {a['outside_count']} 人（名单另附）。"),
                             st["small"]))
    return out


def mentoring_story(st: dict, rows: list[dict]) -> list:
    o = Outline(st)
    out = [o.heading(1, "结对一览")]
    out += overview(st, ["序号", "师傅", "徒弟", "协议签订日期", "情况"],
                    [[record_number(i), p["master_name"], p["apprentice_full"],
                      date_cn(p["agreement_date"]), _pair_state(p)]
                     for i, p in enumerate(rows, 1)], [1, 2.5, 2.5, 3, 4],
                    title=o.table_title("师徒结对一览表"))
    heading = records_section(o, "结对登记", rows)
    for p in rows:
        out += block(heading(f"{p['master_name']} — {p['apprentice_full']}"), form(st, [
            (("师傅", p["master_name"]), ("徒弟", p["apprentice_full"])),
            (("协议签订日期", date_cn(p["agreement_date"])),
             ("带徒期限", f"{p['period_months']}个月" if p.get("period_months") else NOT_FILLED)),
            (("培养目标", text_or_blank(p.get("goal"))),
             ("目标技能等级", lab(E.SkillLevel, p.get("target_level")) or NOT_FILLED)),
            ("培养计划", text_or_blank(p.get("plan"))),
            (("出师/解除", _pair_state(p)), ("徒弟晋级", "是" if p.get("promoted") else "否")),
            ("带徒成效", text_or_blank(p.get("outcome"))),
        ]))
    return out


def _pair_state(p: dict) -> str:
    if p.get("graduated_on"):
        return f"{date_cn(p['graduated_on'])}出师"
    if p.get("ended_on"):
        return f"{date_cn(p['ended_on'])}解除"
    return "在培"


def _patent(r: dict) -> str:
    parts = [lab(E.PatentKind, r.get("patent_kind")),
             f"专利号/申请号 {r['patent_no']}" if r.get("patent_no") else "专利号未填写",
             lab(E.PatentStatus, r.get("patent_status"))]
    if r.get("patent_filed_on"):
        parts.append(f"申请日 {date_cn(r['patent_filed_on'])}")
    if r.get("patent_granted_on"):
        parts.append(f"授权日 {date_cn(r['patent_granted_on'])}")
    return "，".join(x for x in parts if x)


def _award(r: dict) -> str:
    if not r.get("award_name"):
        return "无"
    extra = "、".join(x for x in (lab(E.Level, r.get("award_level")),
                                  lab(E.AwardGrade, r.get("award_grade")),
                                  f"{r['award_year']}年" if r.get("award_year") else "",
                                  r.get("award_body") or "") if x)
    return r["award_name"] + (f"（{extra}）" if extra else "")


def results_story(st: dict, rows: list[dict]) -> list:
    kinds = B.patents_by_kind(rows)
    line = (f"本年度创新成果 {len(rows)} 项，其中专利类成果 {sum(kinds.values())} 件"
            + ("：" + "、".join(f"{E.PatentKind.label(k)}{n}件" for k, n in kinds.items())
               if kinds else "") + "。")
    o = Outline(st)
    out = [o.heading(1, "成果一览"), Paragraph(esc(line), st["body"]), Spacer(1, 4)]
    out += overview(st, ["序号", "成果名称", "类型", "完成日期", "专利号"],
                    [[record_number(i), r["title"], lab(E.ResultType, r["type"]),
                      date_cn(r["date"]), r.get("patent_no") or ""]
                     for i, r in enumerate(rows, 1)],
                    [1, 5.5, 2.2, 2.8, 3.5], title=o.table_title("创新成果一览表"))
    heading = records_section(o, "成果登记", rows)
    for r in rows:
        points = [p["text"] for p in r.get("points") or []]
        use = NOT_FILLED if not r.get("applied_where") else r["applied_where"] + (
            f"（自{date_cn(r['applied_since'])}起）" if r.get("applied_since") else "")
        fields: list[Row] = [
            ("成果名称", r["title"]),
            (("成果类型", lab(E.ResultType, r["type"])), ("完成日期", date_cn(r["date"]))),
            (("所属课题", r["project_title"] or "无"),
             ("认定级别", lab(E.Level, r.get("recognition_level")) or "无")),
            ("完成人（按排序）", "、".join(n for n in r["contributor_names"] if n) or NOT_FILLED),
            ("创新点", "\n".join(f"{n}. {t}" for n, t in enumerate(points, 1)) or NOT_FILLED),
        ]
        if r["type"] == E.ResultType.PATENT or r.get("patent_no"):
            fields.append(("专利情况", _patent(r)))
        fields += [("应用情况", use), ("获奖情况", _award(r))]
        out += block(heading(r["title"]), form(st, fields))
    return out


def funds_story(st: dict, ledger: dict) -> list:
    rows = [["", "", "上年结转", "", "", yuan(ledger["carried"])]]
    for f in ledger["lines"]:
        income = f["direction"] == E.FundDirection.INCOME
        summary = f.get("note") or (lab(E.FundSource, f.get("source")) if income
                                    else lab(E.FundCategory, f.get("category")))
        rows.append([date_cn(f["date"]), f.get("voucher_no") or "", summary,
                     yuan(f["amount_fen"]) if income else "",
                     "" if income else yuan(f["amount_fen"]), yuan(f["balance"])])
    rows.append(["", "", "本年合计", yuan(ledger["income"]), yuan(ledger["expense"]),
                 yuan(ledger["balance"])])
    header = ["日期", "凭证号", "摘要", "收入（元）", "支出（元）", "余额（元）"]
    out = overview(st, header, rows, fitted(st, header, rows, keep=(0, 1, 3, 4, 5)),
                   right=(3, 4, 5), title="表1 经费明细账")
    out.append(Paragraph(esc(
        f"上年结转 {yuan(ledger['carried'])} 元 ＋ 本年收入 {yuan(ledger['income'])} 元 － "
        f"本年支出 {yuan(ledger['expense'])} 元 ＝ 年末结余 {yuan(ledger['balance'])} 元。"),
        st["body"]))
    return out


def members_story(st: dict, rows: list[dict], end: str) -> list:
    """Twelve columns across a portrait page: a point smaller than other tables, so that a
    birth month, a title or a date of joining stays on one line."""
    small = {**st, "cell": ParagraphStyle("roster", parent=st["cell"], fontSize=8, leading=10.5),
             "head": ParagraphStyle("roster_head", parent=st["head"], fontSize=8, leading=10.5)}
    header = ["序号", "姓名", "性别", "出生年月", "学历", "专业", "岗位", "职称", "技能等级",
              "角色", "党员", "加入时间"]
    data = [[i, m["name"], lab(E.Sex, m.get("sex")), month_cn(m.get("birth_date")),
             lab(E.Education, m.get("education")), m.get("specialty") or "",
             m.get("post") or "", m.get("title") or "", lab(E.SkillLevel, m["skill_level"]),
             lab(E.MemberRole, m["role"]), "是" if m.get("party_member") else "",
             month_cn(m.get("joined_on"))] for i, m in enumerate(rows, 1)]
    widths = fitted(small, header, data, keep=(0, 1, 2, 3, 4, 8, 9, 10, 11))
    return overview(small, header, data, widths, right=(0,),
                    title=f"表1 成员名册（截至 {end} 在册成员）")


def _story(kind: str, st: dict, paths: LedgerPaths, studio_uid: str, year: int) -> list:
    stories: dict[str, Callable[[], list]] = {
        "activities": lambda: activities_story(st, paths, B.activities(studio_uid, year)),
        "trainings": lambda: trainings_story(st, B.activities(studio_uid, year, trainings=True)),
        "mentoring": lambda: mentoring_story(st, B.mentoring(studio_uid, year)),
        "results": lambda: results_story(st, B.results(studio_uid, year)),
        "funds": lambda: funds_story(st, B.fund_ledger(studio_uid, year)),
        "members": lambda: members_story(st, B.members(studio_uid, year),
                                         date_cn(B.studio_year(studio_uid, year)[1].end)),
    }
    return stories[kind]()


def write_book(kind: str, paths: LedgerPaths, studio_uid: str, year: int, out: Path | str,
               generated: date | None = None) -> None:
    """Write the ledger book `kind` (ledger.books.BOOKS) of the studio-year to `out`."""
    studio, per = B.studio_year(studio_uid, year)
    st = styles()
    title = TITLES[kind]
    story = cover(st, studio["name"], [title, per.short, studio["host_unit"],
                                       date_cn(generated or date.today())])
    story += _story(kind, st, paths, studio_uid, year)
    build(out, story, title=f"{studio['name']} {per.short}{title}", header_left=studio["name"],
          header_right=f"{per.short}{title}", generated=generated)
