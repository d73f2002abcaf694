"""The annual summary's section on the registers unions count (issue 16 §3): rationalisation
proposals, QC groups, services to firms (劳模工匠助企行) and the mentoring additions. Printed
only when the year has any of them, so a studio that keeps none reads as before."""

from __future__ import annotations

from laomo_desktop.reports import docmodel as D
from laomo_desktop.reports import wording as W
from laomo_desktop.reports.layout import date_cn
from laomo_desktop.reports.wording import lab, wan
from laomo_desktop.store import enums as E

TITLE = "合理化建议、QC小组与助企服务"


def _has_any(data: dict) -> bool:
    f, A = data["figures"], E.ActivityType  # noqa: N806
    return bool(data["proposal_rows"] or data["qc_group_rows"] or data["firm_service_rows"]
                or f.activities_of(A.FIRM_SERVICE) or f.activities_of(A.ACADEMY_TEACHING)
                or f.apprentices_excellent or f.mentoring_renewed or f.mentoring_records)


def register_blocks(data: dict, o: D.Outline) -> list[D.Block]:
    """The section's blocks, numbered by the summary's outline `o` (nothing when it is empty)."""
    if not _has_any(data):
        return []
    f, A = data["figures"], E.ActivityType  # noqa: N806
    out: list[D.Block] = [o.heading(1, TITLE)]
    out.append(D.Para(
        f"本年度提出合理化建议 {f.proposals_total} 条，年度末已采纳 {f.proposals_adopted} 条、"
        f"已实施 {f.proposals_implemented} 条、已验收 {f.proposals_accepted} 条，"
        f"建议经济效益 {wan(f.proposal_benefit_fen)} 万元；注册QC小组 {f.qc_groups} 个，"
        f"取得成果 {f.qc_groups_with_result} 个、成果获奖 {f.qc_groups_awarded} 个；"
        f"开展助企服务 {f.firm_services} 次，服务企业 {f.firms_served} 家，解决技术难题 "
        f"{f.firm_problems_solved} 个，培训企业职工 {f.firm_workers_trained} 人次；"
        f"助企行/技术服务活动 {f.activities_of(A.FIRM_SERVICE)} 次，工匠学院授课 "
        f"{f.activities_of(A.ACADEMY_TEACHING)} 次。"))
    out.append(D.Para(
        f"师徒结对：本年度出师考核优秀 {f.apprentices_excellent} 人，续签师徒协议 "
        f"{f.mentoring_renewed} 对，填写带徒记录 {f.mentoring_records} 条。"))
    out.append(o.heading(2, "合理化建议"))
    rows = data["proposal_rows"]
    out.append(o.table(
        ["提出日期", "建议名称", "建议人", W.by_end(per := data["period"], "状态"),
         "经济效益（万元）"],
        [[date_cn(r["date"]), r["title"], r["proposer_names"] or "",
          lab(E.ProposalStatus, r["status"]), W.filled(r["amount_fen"], wan)] for r in rows],
        [2.6, 5, 3, 1.8, 2.2], title="合理化建议",
        totals=[["合计", f"{len(rows)} 条", "", "",
                 wan(sum(r["amount_fen"] or 0 for r in rows))]] if rows else [],
        empty="（本年度未提出合理化建议）"))
    out.append(o.heading(2, "QC小组"))
    out.append(o.table(
        ["小组名称", "活动课题", "组长", "人数", "活动阶段", "成果", "获奖"],
        [[g["name"], g["topic"], g["leader"] or "", g["member_count"],
          lab(E.QcStage, g["stage"]), g["result"] or "",
          (lab(E.Level, g["award_level"]) + lab(E.AwardGrade, g["award_grade"]))]
         for g in data["qc_group_rows"]], [2.6, 3.6, 1.4, 1, 1.6, 3, 1.8],
        title=f"{per.short}注册QC小组", empty="（本年度未注册QC小组）"))
    out.append(o.heading(2, "劳模工匠助企行"))
    services = data["firm_service_rows"]
    out.append(o.table(
        ["服务日期", "服务企业", "技术难题", "解决", "培训（人次）", "服务人员"],
        [[date_cn(x["date"]), x["firm"], x["problem"], "已解决" if x["solved"] else "未解决",
          W.filled(x["trained"]), x["server_names"] or ""] for x in services],
        [2.6, 3, 4.4, 1.4, 1.6, 2.4], title="助企服务",
        totals=[["合计", f"{len(services)} 次", "", f"{f.firm_problems_solved} 个",
                 str(f.firm_workers_trained), ""]] if services else [],
        empty="（本年度未登记助企服务）"))
    return out


# ---- alliances (联盟) ----
def joint(title: str, alliance: str | None) -> str:
    """A project's title in the summary's list, saying when it is an alliance's joint project."""
    return f"{title}（{alliance}联合项目）" if alliance else title


def alliance_note(note: str | None, alliance: str | None) -> str:
    """A fund entry's summary (摘要), saying when it is an alliance's money."""
    return f"【联盟经费：{alliance}】{note or ''}" if alliance else note or ""


def alliance_blocks(data: dict, o: D.Outline) -> list[D.Block]:
    """Alliances the studio was in during the year, with the year's joint projects and alliance
    funds: a heading of its own after the registers, only when the year has any."""
    f, rows = data["figures"], data.get("alliance_rows", [])
    if not (rows or f.alliance_projects or f.alliance_funds_received_fen
            or f.alliance_funds_spent_fen):
        return []
    return [o.heading(1, "创新联盟"), D.Para(
        f"年末参加创新联盟 {f.alliances_joined} 个，其中任盟主 {f.alliances_led} 个；本年度开展"
        f"联盟联合项目 {f.alliance_projects} 项；联盟经费收入 {wan(f.alliance_funds_received_fen)}"
        f" 万元、支出 {wan(f.alliance_funds_spent_fen)} 万元。"),
        o.table(["联盟名称", "本工作室角色", "盟主工作室", "成员工作室数"],
                [[r["name"], lab(E.AllianceRole, r["role"]), r["lead_studio"] or "",
                  r["member_count"]] for r in rows], [6, 2.4, 5, 2.4], title="创新联盟",
                empty="（本年度未参加创新联盟）")]
