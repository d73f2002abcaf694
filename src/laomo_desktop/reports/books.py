"""The ledger books (台账分册) of one studio-year, as unions bind them on the inspector's shelf:
活动记录, 培训记录 with its 学员花名册, 师徒结对登记表, 创新成果登记表, 经费明细账 and 成员名册.

What each lists comes from ledger/books.py (the summary's as-of rules); here only how it looks:
records with long texts (an activity, a pair, a result) as one form each, kept to a page or a
half page; lists (the roster, the cash book) as tables. Every user text is escaped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from laomo_desktop.ledger import books as B
from laomo_desktop.ledger.money import yuan
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import fonts
from laomo_desktop.reports.headings import label
from laomo_desktop.reports.layout import BODY_W, date_cn
from laomo_desktop.reports.wording import NOT_FILLED, lab, number, pair_state
from laomo_desktop.store import blobs
from laomo_desktop.store import enums as E

TITLES = {"activities": "活动记录", "trainings": "培训记录", "mentoring": "师徒结对登记表",
          "results": "创新成果登记表", "funds": "经费明细账", "members": "成员名册"}


def text_or_blank(value: object) -> str:
    """A long text as entered, or 未填写 (never an empty box an inspector reads as nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_FILLED
    return str(value)


def month_cn(iso: str | None) -> str:
    """A birth date as rosters print it: 1988年5月."""
    return f"{int(iso[:4])}年{int(iso[5:7])}月" if iso else ""


Row = D.FormRow


def fitted(size: float, header: list[str], rows: list[list], keep: Sequence[int]) -> list[float]:
    """Column widths that follow content (cells in 宋体 at `size`): the `keep` columns (dates,
    numbers, vouchers, short codes) as wide as their longest cell, so they never break; the
    others share what is left in proportion to their longest cell, at least three characters
    a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.register()
    font = fonts.SONG  # the tables' face (layout.styles "cell")
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


def _photos(paths: LedgerPaths, photos: list[dict], caption: str) -> D.Photos:
    """Each picture's stored file and the words under it: its own caption, else the record's."""
    return D.Photos(tuple(D.Photo(blobs.blob_path(paths, p["sha256"]), p["filename"],
                                  p.get("title") or caption) for p in photos))


def record_number(i: int) -> str:
    """The 序号 of the `i`th record in a book's 一览 table: the number its heading carries
    under the records' section (（一）, （二）…), so an inspector finds one from the other."""
    return label(2, i)


def records_section(o: D.Outline, title: str) -> Callable[[str, tuple], D.Record]:
    """A maker of the section's records, each under its numbered level-2 heading; the first
    carries the section's level-1 heading `title` (numbered only once a record exists), which
    the renderers keep with it."""
    pending = [title]

    def record(text: str, parts: tuple) -> D.Record:
        section = o.heading(1, pending.pop()) if pending else None
        return D.Record(o.heading(2, text), parts, section)
    return record


def activities_blocks(paths: LedgerPaths, rows: list[dict]) -> list[D.Block]:
    o = D.Outline()
    out: list[D.Block] = [o.heading(1, "活动一览")]
    out.append(o.table(["序号", "日期", "类型", "主题", "地点", "人次"],
                       [[record_number(i), date_cn(a["date"]), lab(E.ActivityType, a["type"]),
                         a["topic"], a["place"] or "",
                         "" if a["person_times"] is None else a["person_times"]]
                        for i, a in enumerate(rows, 1)], [1, 2.8, 1.8, 5, 3, 1.2],
                       title="活动一览表"))
    record = records_section(o, "活动记录")
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
        out.append(record(a["topic"], (
            D.Form(tuple(fields)), D.Space(4), D.Para("照片", "small"),
            _photos(paths, a["photos"], caption))))
    return out


def trainings_blocks(rows: list[dict]) -> list[D.Block]:
    out: list[D.Block] = []
    o = D.Outline()
    for a in rows:
        record = D.Form((
            ("培训主题", a["topic"]),
            (("培训日期", date_cn(a["date"])), ("培训地点", text_or_blank(a["place"]))),
            (("主讲人", text_or_blank(a["host"])),
             ("学时", "" if a.get("hours") is None else number(a["hours"]))),
            ("参加人次", NOT_FILLED if a["person_times"] is None else f"{a['person_times']} 人次"),
            ("培训内容", text_or_blank(a.get("summary"))),
            ("培训成效", text_or_blank(a.get("outcome"))),
        ))
        heading = o.heading(1, a["topic"])
        people = tuple(zip(a["attendee_names"], a["attendee_posts"], strict=True))
        out.append(D.Record(heading, (
            record, D.Space(6), D.Para(o.table_title("学员花名册"), "table_title"),
            D.SignIn(people, a.get("outside_count") or 0))))
    return out or [D.Para("本年度无培训记录。")]


def mentoring_blocks(rows: list[dict]) -> list[D.Block]:
    o = D.Outline()
    out: list[D.Block] = [o.heading(1, "结对一览")]
    out.append(o.table(["序号", "师傅", "徒弟", "协议签订日期", "情况"],
                       [[record_number(i), p["master_name"], p["apprentice_full"],
                         date_cn(p["agreement_date"]), pair_state(p)]
                        for i, p in enumerate(rows, 1)], [1, 2.5, 2.5, 3, 4],
                       title="师徒结对一览表"))
    record = records_section(o, "结对登记")
    for p in rows:
        out.append(record(f"{p['master_name']} — {p['apprentice_full']}", (
            D.Form((
                (("师傅", p["master_name"]), ("徒弟", p["apprentice_full"])),
                (("协议签订日期", date_cn(p["agreement_date"])),
                 ("带徒期限", f"{p['period_months']}个月" if p.get("period_months")
                  else NOT_FILLED)),
                (("培养目标", text_or_blank(p.get("goal"))),
                 ("目标技能等级", lab(E.SkillLevel, p.get("target_level")) or NOT_FILLED)),
                ("培养计划", text_or_blank(p.get("plan"))),
                (("出师/解除", pair_state(p)), ("徒弟晋级", "是" if p.get("promoted") else "否")),
                (("师傅带徒津贴（每月）", f"{yuan(p['allowance_fen'])}元"
                  if p.get("allowance_fen") is not None else NOT_FILLED),
                 ("出师考核等级", lab(E.MentorGrade, p.get("grade")) or NOT_FILLED)),
                ("带徒成效", text_or_blank(p.get("outcome"))),
            )), *_pair_records(p))))
    return out


def _pair_records(p: dict) -> tuple[D.Block, ...]:
    """The pair's periodic records (带徒记录) up to the year's end, by date."""
    kept = sorted(p.get("year_records") or [], key=lambda r: r["date"])
    if not kept:
        return ()
    return (D.Table("带徒记录", ("记录日期", "带徒内容与进展"),
                    [[date_cn(r["date"]), r["content"]] for r in kept], (3, 9)),)


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


def results_blocks(rows: list[dict]) -> list[D.Block]:
    kinds = B.patents_by_kind(rows)
    line = (f"本年度创新成果 {len(rows)} 项，其中专利类成果 {sum(kinds.values())} 件"
            + ("：" + "、".join(f"{E.PatentKind.label(k)}{n}件" for k, n in kinds.items())
               if kinds else "") + "。")
    o = D.Outline()
    out: list[D.Block] = [o.heading(1, "成果一览"), D.Para(line), D.Space(4)]
    out.append(o.table(["序号", "成果名称", "类型", "完成日期", "专利号"],
                       [[record_number(i), r["title"], lab(E.ResultType, r["type"]),
                         date_cn(r["date"]), r.get("patent_no") or ""]
                        for i, r in enumerate(rows, 1)],
                       [1, 5.5, 2.2, 2.8, 3.5], title="创新成果一览表"))
    record = records_section(o, "成果登记")
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
        out.append(record(r["title"], (D.Form(tuple(fields)),)))
    return out


def funds_blocks(ledger: dict) -> list[D.Block]:
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
    widths = fitted(8.5, header, rows, keep=(0, 1, 3, 4, 5))
    return [D.Table("表1 经费明细账", tuple(header), rows, tuple(widths)), D.Para(
        f"上年结转 {yuan(ledger['carried'])} 元 ＋ 本年收入 {yuan(ledger['income'])} 元 － "
        f"本年支出 {yuan(ledger['expense'])} 元 ＝ 年末结余 {yuan(ledger['balance'])} 元。")]


def members_blocks(rows: list[dict], end: str) -> list[D.Block]:
    """Twelve columns across a portrait page: a point smaller than other tables (compact), so
    that a birth month, a title or a date of joining stays on one line."""
    header = ["序号", "姓名", "性别", "出生年月", "学历", "专业", "岗位", "职称", "技能等级",
              "角色", "党员", "加入时间"]
    data = [[i, m["name"], lab(E.Sex, m.get("sex")), month_cn(m.get("birth_date")),
             lab(E.Education, m.get("education")), m.get("specialty") or "",
             m.get("post") or "", m.get("title") or "", lab(E.SkillLevel, m["skill_level"]),
             lab(E.MemberRole, m["role"]), "是" if m.get("party_member") else "",
             month_cn(m.get("joined_on"))] for i, m in enumerate(rows, 1)]
    widths = fitted(8, header, data, keep=(0, 1, 2, 3, 4, 8, 9, 10, 11))
    return [D.Table(f"表1 成员名册（截至 {end} 在册成员）", tuple(header), data, tuple(widths),
                    compact=True)]


def book_blocks(kind: str, paths: LedgerPaths, studio_uid: str, year: int,
                generated: date | None = None) -> tuple[list[D.Block], str, str, str]:
    """The book `kind` (ledger.books.BOOKS) of the studio-year: its blocks with its cover, its
    title and its header's two texts."""
    studio, per = B.studio_year(studio_uid, year)
    makers: dict[str, Callable[[], list[D.Block]]] = {
        "activities": lambda: activities_blocks(paths, B.activities(studio_uid, year)),
        "trainings": lambda: trainings_blocks(B.activities(studio_uid, year, trainings=True)),
        "mentoring": lambda: mentoring_blocks(B.mentoring(studio_uid, year)),
        "results": lambda: results_blocks(B.results(studio_uid, year)),
        "funds": lambda: funds_blocks(B.fund_ledger(studio_uid, year)),
        "members": lambda: members_blocks(B.members(studio_uid, year), date_cn(per.end)),
    }
    title = TITLES[kind]
    cover = D.Cover(studio["name"], (title, per.short, studio["host_unit"],
                                     date_cn(generated or date.today())))
    return ([cover, *makers[kind]()], f"{studio['name']} {per.short}{title}", studio["name"],
            f"{per.short}{title}")


def write_book(kind: str, paths: LedgerPaths, studio_uid: str, year: int, out: Path | str,
               generated: date | None = None, *, docx: bool = False) -> None:
    """Write the ledger book `kind` of the studio-year to `out`: PDF, or Word with `docx`."""
    blocks, title, left, right = book_blocks(kind, paths, studio_uid, year, generated)
    if docx:
        from laomo_desktop.reports.docx_render import write_docx

        write_docx(out, blocks, title=title, header_left=left, header_right=right)
        return
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    build(out, flowables(blocks, styles()), title=title, header_left=left, header_right=right,
          generated=generated)
