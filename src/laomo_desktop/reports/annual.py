"""The annual summary (年度工作总结 / 台账汇编) of one studio-year, as an A4 PDF."""

from __future__ import annotations

from datetime import date

from laomo_desktop.ledger import musthaves
from laomo_desktop.ledger.annual import annual_data
from laomo_desktop.ledger.kinds.studio import category_of
from laomo_desktop.ledger.period import Period
from laomo_desktop.ledger.templates import Template
from laomo_desktop.reports import charts
from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.annual_registers import (
    alliance_blocks,
    alliance_note,
    joint,
    register_blocks,
)
from laomo_desktop.reports.layout import date_cn
from laomo_desktop.reports.wording import lab, wan, yuan
from laomo_desktop.store import enums as E


def naming_rows(data: dict) -> list[list[str]]:
    """The namings dated by the period's end, each as it stood then (ledger.annual)."""
    rows = []
    for r in data["namings"]:
        grade = "、".join(x for x in ("示范性" if r["demonstration"] else "",
                                      lab(E.StarGrade, r["star"])
                                      if r["star"] and r["star"] != E.StarGrade.NONE else "")
                          if x)
        status = lab(E.RecognitionStatus, r["status_then"])
        if r["status_then"] != E.RecognitionStatus.VALID and r.get("status_on"):
            status += f"（{date_cn(r['status_on'])}）"
        rows.append([date_cn(r["date"]), lab(E.Level, r["level"]) + (f"（{grade}）" if grade else ""),
                     r["body"] or "", r["doc_no"] or "", status])
    return rows


# The records come as they stood at the period's end (asof.known_at_end): a later grant, end
# or status is already left out, so these only word what the data says.

def patent_then(r: dict, per: Period) -> str:
    return f"{lab(E.PatentKind, r['patent_kind'])} {lab(E.PatentStatus, r['patent_status'])}".strip()


def project_status_then(p: dict, per: Period) -> str:
    return lab(E.ProjectStatus, p["status"])


def person_times(rows: list[dict]) -> str:
    """The sum of the 人次 column (rows without a number count nothing)."""
    return str(sum(r["person_times"] or 0 for r in rows))


def story_for(data: dict, st: dict) -> list:
    """The flowables of the summary (also reused by the review packet)."""
    from laomo_desktop.reports.pdf_render import flowables

    return flowables(blocks_for(data), st)


def blocks_for(data: dict) -> list[D.Block]:
    """The summary's blocks (docmodel), cover left out: the PDF, the .docx and the packet's
    part one all print these."""
    s, f, per = data["studio"], data["figures"], data["period"]
    out: list[D.Block] = []
    o = D.Outline()  # 一、（一）and 表N numbered as they come: a section left out leaves no gap

    def table(*args, **options) -> list[D.Block]:
        return [o.table(*args, **options)]

    def h1(text):
        out.append(o.heading(1, text))

    def h2(text):
        out.append(o.heading(2, text))

    def para(text):
        out.append(D.Para(text))

    h1("基本情况")
    out.append(D.KeyValues((
        ("工作室名称", s["name"]), ("工作室类别", category_label(s)),
        ("领衔人", data["leader"] or "（未登记）"),
        ("所在单位", s["host_unit"]), ("单位性质", W.filled(lab(E.UnitType, s["unit_type"]))),
        ("所属行业", W.filled(s["industry"])), ("成立日期", date_cn(s["founded_on"])),
        ("创新方向", W.filled("、".join(lab(E.Direction, d)
                                      for d in (s["directions"] or "").split(",") if d))),
        ("场所", W.place(s["room_address"], s["room_area"])),
        ("党组织", lab(E.PartyOrg, data["party_org"]) or "无"),
        ("级别", lab(E.Level, data["level"]) or "未命名"),
        ("联系人", W.filled(" ".join(x for x in (s["contact_person"], s["contact_phone"])
                                    if x))),
    )))
    h2("命名表彰")
    out += table(["命名日期", "命名级别", "命名单位", "文件号", W.by_end(per, "的状态")],
                 naming_rows(data), [2.4, 2.6, 3, 3, 3.8], empty="（未登记命名表彰）",
                 title="命名表彰情况")
    roles = {r: sum(1 for m in data["members"] if m["role"] == r) for r in E.MemberRole}
    para(W.by_end(per, "，") + f"工作室共有成员 {f.members_total} 人，其中领衔人 "
         f"{roles[E.MemberRole.LEADER]} 人、骨干 {roles[E.MemberRole.CORE]} 人，"
         f"中共党员 {f.members_party} 人。登记设备设施 {len(data['equipment'])} 项。")
    h2("团队成员")
    out += table(["姓名", "角色", "岗位", "职称", "技能等级", "党员"],
                 [[m["name"], lab(E.MemberRole, m["role"]), m["post"] or "", m["title"] or "",
                   lab(E.SkillLevel, m["skill_level"]), "是" if m["party_member"] else ""]
                  for m in data["members"]], [3, 2, 4, 3, 3, 1.5], title="团队成员")
    h2("设备设施")
    out += table(["名称", "数量", "价值（元）", "购置日期", "资金来源"],
                 [[e["name"], W.filled(e["quantity"]), W.filled(e["value_fen"], yuan),
                   W.filled(e["acquired_on"], date_cn), lab(E.FundSource, e["funding_source"])]
                  for e in data["equipment"]], [5, 1.5, 2.5, 3, 2.5], title="设备设施",
                 empty="（未登记设备设施）")

    short, items = must_have_rows(data)
    h1(f"“{short}”自查")
    out += table(["必有项", "情况", "说明"], items, [2, 2, 10], title=f"“{short}”自查情况")

    h1("年度目标完成情况")
    if data["plan"] and f.targets:
        rows = []
        for t in f.targets:
            money = t.metric == E.TargetMetric.BENEFIT_FEN
            rows.append([t.label, wan(t.target) if money else t.target,
                         wan(t.actual) if money else t.actual,
                         W.completion(t.actual, t.target, met=t.met),
                         "完成" if t.met else "未完成"])
        out += table(["指标", "目标", "实际完成", "完成率", "结论"], rows, [5, 2, 2, 2, 2],
                     title="年度目标完成情况")
    else:
        para(f"{per.short}未登记年度计划或目标。")

    h1("技术创新与攻关")
    para(f"本年度在研及完成课题 {f.projects_total} 项（其中本年立项 {f.projects_started} 项）；"
         f"取得创新成果 {f.results_total} 项，其中获奖成果 {f.results_awarded} 项，"
         f"推广应用 {f.results_rolled_out} 项；" + W.by_end(per, "，")
         + f"累计创新成果 {f.results_cumulative} 项。")
    para(W.patents(f, per))
    h2("创新课题")
    out += table(["课题名称", "类型", "级别", "状态", "负责人", "起止时间"],
                 [[joint(p["title"], p.get("alliance")), lab(E.ProjectType, p["type"]),
                   lab(E.ProjectLevel, p["level"]),
                   project_status_then(p, per), p["leader"] or "",
                   f"{date_cn(p['start_date'])}—{date_cn(p['end_date'])}"]
                  for p in data["projects"]], [5, 2, 1.5, 1.5, 1.5, 4], title="创新课题",
                 empty="（本年度无在研或完成的课题）")
    by_type = sorted(f.results_by_type.items(), key=lambda kv: -kv[1])
    kinds = tuple((lab(E.ResultType, t), n) for t, n in by_type)
    out.append(D.Chart("创新成果按类型", ("成果类型", "项数"), kinds,
                       lambda: charts.results_by_type(list(kinds)),
                       empty="本年度没有创新成果记录"))
    awards = [r for r in data["results"] if r["award_name"]]
    h2("获奖成果")
    out += table(["成果名称", "奖项", "级别", "等次"],
                 [[r["title"], r["award_name"], lab(E.Level, r["award_level"]),
                   lab(E.AwardGrade, r["award_grade"])] for r in awards], [5, 4, 2, 2],
                 title="获奖成果", empty="（本年度无获奖成果）")
    rolled = [r for r in data["results"] if r["applied_where"]]
    h2("推广应用")
    out += table(["成果名称", "推广应用单位/范围"],
                 [[r["title"], r["applied_where"]] for r in rolled], [5, 7], title="推广应用",
                 empty="（本年度无推广应用的成果）")

    h1("经济效益和社会效益")
    para(f"本年度认定经济效益 {wan(f.benefit_fen)} 万元，累计 "
         f"{wan(f.benefit_cumulative_fen)} 万元。")
    out += table(["对应成果", "类别", "金额（万元）", "计算依据", "认定部门"],
                 [[b["result"] or "", lab(E.BenefitKind, b["kind"]), wan(b["amount_fen"]),
                   b["basis"], b["certified_by"] or ""] for b in data["benefits"]],
                 [3.5, 1.2, 1.8, 6, 2],
                 totals=[["合计", "", wan(sum(b["amount_fen"] or 0 for b in data["benefits"])),
                          "", ""]], title="经济效益认定", empty="（本年度无认定的经济效益）")

    h1("人才培养")
    para(f"本年度开展{W.trainings(f)}；技能晋级 {f.promotions} 人（累计 "
         f"{f.promotions_cumulative} 人）；师徒结对 {f.mentoring_pairs} 对（本年新结对 "
         f"{f.mentoring_new} 对），出师 {f.apprentices_graduated} 人；技能比武 "
         f"{f.activities_of(E.ActivityType.CONTEST)} 次。")

    h1("交流与示范")
    t, A = f.activities_of, E.ActivityType  # noqa: N806
    para(f"本年度共记录活动 {f.activities_total} 次，其中技术交流 {t(A.EXCHANGE)} 次、"
         f"宣讲 {t(A.LECTURE)} 次、现场服务 {t(A.FIELD_SERVICE)} 次、技术咨询 "
         f"{t(A.CONSULTING)} 次、校企合作 {t(A.SCHOOL_COOPERATION)} 次、外出学习 "
         f"{t(A.STUDY_TRIP)} 次。")
    months = tuple((f"{m}月", n) for (_, m), n in zip(per.months(), data["per_month"],
                                                      strict=True))
    out.append(D.Chart("各月活动次数", ("月份", "活动次数"), months,
                       lambda: charts.activities_per_month(data["per_month"], per.months())))

    out += register_blocks(data, o)  # the registers unions count, when the year has any
    out += alliance_blocks(data, o)  # alliances (联盟), when the year has any

    h1("制度建设与经费")
    out += table(["制度名称", "类别", "制定日期", "上墙"],
                 [[r["title"], lab(E.RuleCategory, r["category"]),
                   W.filled(r["adopted_on"], date_cn),
                   "是" if r["on_wall"] else ""] for r in data["rules"]], [6, 2.5, 3, 1],
                 title="规章制度", empty="（未登记规章制度）")
    h2("经费收支")
    income = [[lab(E.FundSource, k), yuan(v)] for k, v in f.fund_income_by_source.items()]
    expense = [[lab(E.FundCategory, k), yuan(v)] for k, v in f.fund_expense_by_category.items()]
    out += table(["收入来源", "金额（元）"], income, [3, 2], empty="本年度无经费收入",
                 totals=[["合计", yuan(f.fund_income_fen)]], title="经费收入")
    out += table(["支出类别", "金额（元）"], expense, [3, 2], empty="本年度无经费支出",
                 totals=[["合计", yuan(f.fund_expense_fen)]], title="经费支出")
    para(f"本年度收入 {yuan(f.fund_income_fen)} 元，支出 {yuan(f.fund_expense_fen)} 元；"
         + W.by_end(per, f"累计结余 {yuan(f.fund_balance_fen)} 元。"))
    para(f"经费平衡：上年结转 {yuan(f.fund_carried_in_fen)} 元 + 本年收入 "
         f"{yuan(f.fund_income_fen)} 元 − 本年支出 {yuan(f.fund_expense_fen)} 元 = 结余 "
         f"{yuan(f.fund_balance_fen)} 元。")

    party = f.party_activities
    if (data["party_org"] and data["party_org"] != E.PartyOrg.NONE) or party:
        h1("党建工作")
        para(f"党组织形式：{lab(E.PartyOrg, data['party_org']) or '无'}；"
             + W.by_end(per, f"，成员中有中共党员 {f.members_party} 人")
             + f"；本年度开展党建活动 {party} 次。")

    h1("荣誉")
    out += table(["荣誉名称", "级别", "年度", "获得者", "授予单位"],
                 [[h["name"], lab(E.Level, h["level"]), h["year"], h["holder"] or "工作室",
                   h["body"] or ""] for h in data["honours"]], [5, 1.5, 1.2, 2, 3.5],
                 title="荣誉", empty="（本年度未登记荣誉）")

    h1("存在问题与下一年度计划")
    plan = data["plan"] or {}
    h2("存在问题")
    para(W.filled(plan.get("problems")))
    h2("下一年度计划")
    para(W.filled(plan.get("next_year")))

    out.append(D.PageBreak())  # the appendix is a part of its own, bound after the summary
    out.append(D.Heading(1, "附表"))
    o = D.Outline(table_prefix="附表", chinese_tables=True)  # 附表一 … above each
    out += table(["成果名称", "类型", "完成日期", "第一完成人", "专利", "获奖"],
                 [[r["title"], lab(E.ResultType, r["type"]), date_cn(r["date"]),
                   r["first_author"] or "", patent_then(r, per),
                   r["award_name"] or ""] for r in data["results"]],
                 [5, 2, 2.5, 2, 2.5, 3], totals=[["合计", f"{len(data['results'])} 项"] + [""] * 4],
                 title="创新成果")
    out += table(["日期", "类型", "主题", "地点", "人次"],
                 [[date_cn(a["date"]), lab(E.ActivityType, a["type"]), a["topic"],
                   a["place"] or "", W.filled(a["person_times"])] for a in data["activities"]],
                 [2.6, 2, 6, 3, 1.2],
                 totals=[["合计", f"{len(data['activities'])} 次", "", "",
                          person_times(data["activities"])]],
                 title="活动")
    out += table(["日期", "主题", "主讲人", "学时", "人次"],
                 [[date_cn(a["date"]), a["topic"], a["host"] or "",
                   W.filled(a["hours"], W.number), W.filled(a["person_times"])]
                  for a in data["trainings"]], [2.6, 7, 2, 1.2, 1.2],
                 totals=[["合计", f"{len(data['trainings'])} 次", "",
                          W.number(sum(a["hours"] or 0 for a in data["trainings"])),
                          person_times(data["trainings"])]],
                 title="培训")
    out += table(["师傅", "徒弟", "签订日期", "培养目标", W.by_end(per, "的情况")],
                 [[m["master"] or "", m["apprentice"] or m["apprentice_name"] or "",
                   date_cn(m["agreement_date"]), m["goal"] or "", W.pair_state(m)]
                  for m in data["mentoring"]], [1.8, 1.8, 2.6, 4.4, 3.8],
                 totals=[["合计", f"{len(data['mentoring'])} 对", "", "", ""]],
                 title="师徒结对")
    out += table(["日期", "收支", "来源/类别", "金额（元）", "摘要", "凭证号"],
                 [[date_cn(x["date"]), lab(E.FundDirection, x["direction"]),
                   lab(E.FundSource, x["source"]) or lab(E.FundCategory, x["category"]),
                   yuan(x["amount_fen"]), alliance_note(x["note"], x.get("alliance")),
                   x["voucher_no"] or ""]
                  for x in data["funds"]], [2.6, 1.2, 2, 2.2, 5, 2],
                 totals=[["收入合计", "", "", yuan(f.fund_income_fen), "", ""],
                         ["支出合计", "", "", yuan(f.fund_expense_fen), "", ""]],
                 title="经费收支明细")
    out.append(D.Space(6))
    return out


def document_blocks(data: dict, generated: date | None = None) -> list[D.Block]:
    """The whole summary: its cover, then blocks_for."""
    s, per = data["studio"], data["period"]
    lines = (category_label(s), f"{per.short}工作总结（台账汇编）", W.span(per), s["host_unit"],
             f"领衔人：{data['leader'] or '（未登记）'}", date_cn(generated or date.today()))
    return [D.Cover(s["name"], tuple(line for line in lines if line)), *blocks_for(data)]


def write_annual(studio_uid: str, year: int, out, generated: date | None = None,
                 must_haves: Template | None = None) -> dict:
    """Write the annual summary PDF to `out` (path or binary file); returns the data used.
    `must_haves`: the union's must-have set (ledger/musthaves.py); None: the 八个必有."""
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    data = with_checklist(annual_data(studio_uid, year), must_haves)
    s, per = data["studio"], data["period"]
    build(out, flowables(document_blocks(data, generated), styles()),
          title=f"{s['name']} {per.short}工作总结", header_left=s["name"],
          header_right=f"{per.short}工作总结", generated=generated)
    return data


def write_annual_docx(studio_uid: str, year: int, out, generated: date | None = None,
                      must_haves: Template | None = None) -> dict:
    """The same summary as an editable Word document (docx_render)."""
    from laomo_desktop.reports.docx_render import write_docx

    data = with_checklist(annual_data(studio_uid, year), must_haves)
    s, per = data["studio"], data["period"]
    write_docx(out, document_blocks(data, generated), title=f"{s['name']} {per.short}工作总结",
               header_left=s["name"], header_right=f"{per.short}工作总结")
    return data


# -- issue 16 §4: the studio's category and the union's must-have set -----------------------------
def category_label(studio: dict) -> str:
    """The studio's category as printed (劳模创新工作室 for a studio that never set one)."""
    return category_of(studio.get("category")).zh


def with_checklist(data: dict, must_haves: Template | None) -> dict:
    """The summary's data with the studio-year's checklist against the union's set."""
    if must_haves is not None:
        data["checklist"] = musthaves.checklist(data["studio"]["uid"], data["figures"].year,
                                                must_haves, within=data["period"])
    return data


def must_have_rows(data: dict) -> tuple[str, list[list[str]]]:
    """(the set's short name, a row per item) of the self-check: the union's set when the data
    has its checklist, else the 八个必有 as the figures hold them."""
    c = data.get("checklist")
    if c is None:
        return "八个必有", [[m.label.zh, "√ 具备" if m.met else "× 缺少", m.detail.render("zh")]
                            for m in data["figures"].must_haves]
    marks = {"met": "√ 具备", "partly": "◐ 部分具备", "missing": "× 缺少"}
    return c.short, [[i.label.zh, marks[i.status], i.detail.render("zh")] for i in c.items]
