"""An alliance's yearly report (联盟年度报告): the alliance, its member studios, the year's plan
against the joint projects under way, and the alliance funds in and out with the balance, as the
studio's ledger holds them. Described once as blocks (docmodel), printed as PDF and Word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from laomo_desktop.ledger import alliances as AL
from laomo_desktop.ledger.money import yuan
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.reports import docmodel as D
from laomo_desktop.store import enums as E

HEADER_RIGHT = "联盟年度报告"
NO_MEMBERS = "（未登记其他成员工作室）"
NO_PROJECTS = "（本年度未登记联盟联合项目）"
NO_FUNDS = "（本年度未登记联盟经费收支）"


def title(y: AL.AllianceYear) -> str:
    return f"{y.name}{y.period.year}年度报告"


def facts(y: AL.AllianceYear) -> list[tuple[str, str]]:
    return [("联盟名称", y.name), ("本工作室", f"{y.studio_name}（{E.AllianceRole.label(y.role)}）"),
            ("盟主工作室", y.lead_studio or "未填写"),
            ("联盟成立日期", date_cn(y.founded_on) or "未填写"),
            ("加入日期", date_cn(y.joined_on) or "未填写"),
            ("统计期间", y.period.label)] + ([("退出日期", date_cn(y.left_on))] if y.left_on else [])


def plan_text(y: AL.AllianceYear) -> str:
    done = len(y.projects)
    said = f"（其中年末已结题 {y.concluded} 项）"
    if y.planned_projects is None:
        return f"本年度未制定联合项目计划，实际开展联合项目 {done} 项{said}。"
    gap = y.planned_projects - done
    end = f"尚差 {gap} 项。" if gap > 0 else "完成计划。"
    return f"本年度计划联合项目 {y.planned_projects} 项，实际开展 {done} 项{said}，{end}"


def balance_text(y: AL.AllianceYear) -> str:
    return (f"上年结余 {yuan(y.carried_in_fen)} 元，本年收入 {yuan(y.received_fen)} 元、"
            f"支出 {yuan(y.spent_fen)} 元，年末结余 {yuan(y.balance_fen)} 元。")


def alliance_blocks(y: AL.AllianceYear) -> list[D.Block]:
    o = D.Outline()
    out: list[D.Block] = [D.Title(title(y), breaks=(len(y.name),)), D.Space(6),
                          o.heading(1, "联盟基本情况"), D.KeyValues(tuple(facts(y)))]
    aims = [line.strip() for line in y.aims.splitlines() if line.strip()]
    if aims:  # body text, as every paragraph, clear of the facts above
        out += [D.Space(6), D.Para("联盟宗旨与合作方向：" + "　".join(aims))]
    out.append(o.heading(1, "成员工作室"))
    out.append(o.table(("序号", "工作室名称", "所在单位", "联盟角色"),
                       [[i, m.studio_name, m.host_unit,
                         E.AllianceRole.label(m.role) if m.role else ""]
                        for i, m in enumerate(y.members, 1)],
                       (1.2, 6, 6, 2.4), title="成员工作室", empty=NO_MEMBERS))
    out.append(o.heading(1, "年度计划与联合项目"))
    if y.tasks:
        out.append(D.Para(f"年度任务：{y.tasks}"))
    out.append(D.Para(plan_text(y)))
    out.append(o.table(("序号", "项目名称", "类型", "开始日期", "结束日期", "年末状态"),
                       [[i, p.title, E.ProjectType.label(p.type) if p.type else "",
                         date_cn(p.start_date), date_cn(p.end_date),
                         E.ProjectStatus.label(p.status) if p.status else ""]
                        for i, p in enumerate(y.projects, 1)],
                       (1.2, 5.4, 2, 2.8, 2.8, 1.8), title="联盟联合项目", empty=NO_PROJECTS))
    out.append(o.heading(1, "联盟经费收支"))
    out.append(o.table(("日期", "收支", "摘要", "凭证号", "收入（元）", "支出（元）"),
                       [[date_cn(f.date), E.FundDirection.label(f.direction), f.note,
                         f.voucher_no, yuan(f.amount_fen) if f.direction == AL.INCOME else "",
                         yuan(f.amount_fen) if f.direction == AL.EXPENSE else ""]
                        for f in y.funds],
                       (2.8, 1.2, 5.4, 2, 2.4, 2.4), title="联盟经费收支",
                       totals=[["合计", "", "", "", yuan(y.received_fen), yuan(y.spent_fen)]]
                       if y.funds else (), empty=NO_FUNDS))
    out.append(D.Para(balance_text(y)))
    return out + [D.Space(10), D.Para(f"{y.studio_name}（盖章）", "right"),
                  D.Para("年　　月　　日", "right")]


def write_alliance_pdf(alliance_uid: str, year: int, out: Path | str,
                       generated: date | None = None) -> AL.AllianceYear:
    from laomo_desktop.reports.layout import build, styles
    from laomo_desktop.reports.pdf_render import flowables

    y = AL.alliance_year(alliance_uid, year)
    build(out, flowables(alliance_blocks(y), styles()), title=title(y),
          header_left=y.studio_name, header_right=HEADER_RIGHT, generated=generated,
          has_cover=False)
    return y


def write_alliance_docx(alliance_uid: str, year: int, out: Path | str) -> AL.AllianceYear:
    from laomo_desktop.reports.docx_render import write_docx

    y = AL.alliance_year(alliance_uid, year)
    write_docx(out, alliance_blocks(y), title=title(y), header_left=y.studio_name,
               header_right=HEADER_RIGHT)
    return y
