"""The figures of one studio-year, computed with SQL aggregates (never row by row in Python).

QUERIES holds every aggregate as plain SQL with named parameters (:sid, :start, :end, :year,
:before), so the benchmark can run exactly the same statements on a bare sqlite3 connection.
Standing records are read as of the period (ledger/asof.py); its days come from the ledger's
statistics year (ledger/period.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import asof
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.meanings import IN_YEAR, LIVE
from laomo_desktop.ledger.metrics import BY_TARGET
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database

# the tables as the declarations name them (store/schema.py)
ACTIVITY, ATTENDEE = M.table("activity"), M.child_table("activity", "attendees")
PROJECT, RESULT, BENEFIT, FUND = (M.table(k) for k in ("project", "result", "benefit", "fund"))
MEMBER, SKILL_LEVEL = M.table("member"), M.child_table("member", "skill_levels")
MENTORSHIP, PLAN, TARGET = M.table("mentorship"), M.table("plan"), M.child_table("plan", "targets")
STUDIO, EQUIPMENT, RULE = M.table("studio"), M.table("equipment"), M.table("rule")

QUERIES: dict[str, str] = {
    "activities_by_type": f"""
        SELECT type, count(*) FROM {ACTIVITY}
        WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR} GROUP BY type""",
    "training": f"""
        SELECT count(*), total(a.hours), total({M.person_times_sql("a")}),
               total({M.uncounted_sql("a")}), total(a.hours IS NULL)
        FROM {ACTIVITY} a
        WHERE a.studio_id = :sid AND a.type = 'training' AND a.{LIVE} AND a.date {IN_YEAR}""",
    "participation": f"""
        SELECT count(DISTINCT t.member_id) FROM {ATTENDEE} t
        JOIN {ACTIVITY} a ON a.id = t.parent_id
        WHERE a.studio_id = :sid AND a.{LIVE} AND a.date {IN_YEAR}""",
    "projects": f"""
        SELECT type, {asof.project_status_sql()}, count(*), sum(start_date {IN_YEAR})
        FROM {PROJECT} t WHERE studio_id = :sid AND {LIVE} AND {asof.during_sql("project")}
        GROUP BY 1, 2""",
    "results_by_type": f"""
        SELECT type, count(*), sum({asof.awarded_sql()}), sum({asof.rolled_out_sql()})
        FROM {RESULT} t WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR} GROUP BY type""",
    "results_cumulative": f"""
        SELECT count(*) FROM {RESULT} WHERE studio_id = :sid AND {LIVE} AND date <= :end""",
    "patents": f"""
        SELECT patent_kind, count(*),
               sum(patent_status = 'granted' AND patent_granted_on <= :end) FROM {RESULT}
        WHERE studio_id = :sid AND {LIVE} AND type = 'patent' AND date {IN_YEAR}
        GROUP BY patent_kind""",
    "patents_filed_granted": f"""
        SELECT sum(patent_filed_on {IN_YEAR}),
               sum(patent_status = 'granted' AND patent_granted_on {IN_YEAR})
        FROM {RESULT} WHERE studio_id = :sid AND {LIVE} AND type = 'patent' AND date <= :end""",
    "benefit": f"""
        SELECT total(CASE WHEN year = :year THEN amount_fen END), total(amount_fen)
        FROM {BENEFIT} WHERE studio_id = :sid AND {LIVE} AND year <= :year""",
    "funds": f"""
        SELECT direction, source, category, total(amount_fen) FROM {FUND}
        WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR}
        GROUP BY direction, source, category""",
    "fund_balance": f"""
        SELECT total(CASE WHEN date <= :end THEN CASE direction WHEN 'income' THEN amount_fen
                                                  ELSE -amount_fen END END),
               total(CASE WHEN date <= :before THEN CASE direction WHEN 'income' THEN amount_fen
                                                     ELSE -amount_fen END END)
        FROM {FUND} WHERE studio_id = :sid AND {LIVE} AND date <= :end""",
    "members": f"""
        SELECT count(*), sum(party_member), sum({M.is_leader_sql("t")}) FROM {MEMBER} t
        WHERE studio_id = :sid AND {LIVE} AND {M.in_team_sql("t")}""",
    "promotions": f"""
        SELECT count(DISTINCT CASE WHEN s.date {IN_YEAR} THEN s.parent_id END),
               count(DISTINCT s.parent_id)
        FROM {SKILL_LEVEL} s JOIN {MEMBER} m ON m.id = s.parent_id
        WHERE m.studio_id = :sid AND m.{LIVE} AND s.date <= :end
          AND {M.in_team_sql("m", "s.date")}
          AND EXISTS (SELECT 1 FROM {SKILL_LEVEL} p
                      WHERE p.parent_id = s.parent_id AND p.date < s.date)""",
    "mentoring": f"""
        SELECT count(*), count(DISTINCT coalesce(apprentice_id, apprentice_name)),
               sum(agreement_date {IN_YEAR}), sum(graduated_on {IN_YEAR}),
               sum(promoted AND graduated_on {IN_YEAR})
        FROM {MENTORSHIP} t WHERE studio_id = :sid AND {LIVE} AND {asof.during_sql("mentorship")}
        """,
    "targets": f"""
        SELECT t.metric, t.value FROM {TARGET} t JOIN {PLAN} p ON p.id = t.parent_id
        WHERE p.studio_id = :sid AND p.{LIVE} AND p.year = :year ORDER BY t.position""",
    "plan": f"""
        SELECT uid FROM {PLAN} WHERE studio_id = :sid AND {LIVE} AND year = :year""",
    "studio": f"""
        SELECT uid, name, has_plaque, room_address, room_area, founded_on,
               {asof.party_org_sql("s")}, {asof.level_sql("s")}, {M.leader_sql("s")}
        FROM {STUDIO} s WHERE id = :sid""",
    "equipment": f"""
        SELECT uid, name FROM {EQUIPMENT} t WHERE studio_id = :sid AND {LIVE}
          AND {asof.at_end_sql("equipment")} ORDER BY acquired_on LIMIT 5""",
    "equipment_count": f"""
        SELECT count(*) FROM {EQUIPMENT} t WHERE studio_id = :sid AND {LIVE}
          AND {asof.at_end_sql("equipment")}""",
    "rules": f"""
        SELECT uid, title FROM {RULE} t WHERE studio_id = :sid AND {LIVE}
          AND {asof.at_end_sql("rule")} ORDER BY adopted_on""",
    "fund_evidence": f"""
        SELECT uid, coalesce(note, date) FROM {FUND} WHERE studio_id = :sid AND {LIVE}
          AND date {IN_YEAR} ORDER BY date LIMIT 5""",
    "fund_income_evidence": f"""
        SELECT uid, coalesce(note, date) FROM {FUND} WHERE studio_id = :sid AND {LIVE}
          AND direction = 'income' AND date {IN_YEAR} ORDER BY date LIMIT 5""",
    "activity_evidence": f"""
        SELECT uid, topic FROM {ACTIVITY} WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR}
        ORDER BY date DESC LIMIT 5""",
    "result_evidence": f"""
        SELECT uid, title FROM {RESULT} WHERE studio_id = :sid AND {LIVE} AND date {IN_YEAR}
        ORDER BY date DESC LIMIT 5""",
}

MIN_MEMBERS = 5  # "职工参与": at least this many members (a template may set its own)


@dataclass(frozen=True)
class Evidence:
    kind: str
    uid: str
    title: str


def _run(name: str, params: dict) -> list[tuple]:
    return database.execute_sql(QUERIES[name], params).fetchall()


def studio_id_of(studio_uid: str) -> int:
    row = database.execute_sql(f"SELECT id FROM {STUDIO} WHERE uid = ?",
                               (studio_uid,)).fetchone()
    if row is None:
        raise LaomoError("找不到该工作室。")
    return row[0]


def fen_to_wan(fen: int) -> float:
    """万元 with six decimals: exact to the fen (1 万元 = 1,000,000 fen)."""
    return round(fen / 1_000_000, 6)


def studio_year(studio_uid: str, year: int, *, min_members: int = MIN_MEMBERS,
                within: Period | None = None) -> dict[str, Any]:
    """Every figure of §3 for one studio and statistics year, as plain JSON-able data.
    `within`: the period to use (else the ledger's statistics year `year`)."""
    sid = studio_id_of(studio_uid)
    with database.atomic():  # one consistent snapshot
        per = within or period(year)
        return _compute({"sid": sid, **per.params()}, per, min_members)


def _compute(p: dict, per: Period, min_members: int) -> dict[str, Any]:
    out: dict[str, Any] = {"year": p["year"], "start": per.start, "end": per.end,
                           "period_label": per.label, "period_short": per.short}
    studio = _run("studio", p)[0]
    level = asof.highest_level(studio[7])
    out["studio"] = {"uid": studio[0], "name": studio[1], "founded_on": studio[5],
                     "founded": not studio[5] or studio[5] <= per.end,
                     "party_org": studio[6] or E.PartyOrg.NONE.value, "level": level,
                     "leader": studio[8]}

    by_type = dict(_run("activities_by_type", p))
    out["activities_by_type"] = by_type
    out["activities_total"] = sum(by_type.values())
    sessions, hours, person_times, no_count, no_hours = _run("training", p)[0]
    out["training_sessions"] = sessions
    out["training_person_times"] = int(person_times)
    out["training_hours"] = hours
    # trainings whose participants or hours were never entered: the totals above leave them
    # out, and the documents say so instead of counting them as 0
    out["training_without_count"] = int(no_count)
    out["training_without_hours"] = int(no_hours)
    out["exchanges"] = by_type.get(E.ActivityType.EXCHANGE, 0)

    projects_by_type: dict[str, int] = {}
    projects_by_status: dict[str, int] = {}
    started = 0
    for ptype, status, n, new in _run("projects", p):
        projects_by_type[ptype] = projects_by_type.get(ptype, 0) + n
        projects_by_status[status] = projects_by_status.get(status, 0) + n
        started += new or 0
    out.update(projects_by_type=projects_by_type, projects_by_status=projects_by_status,
               projects_total=sum(projects_by_type.values()), projects_started=started)

    results = _run("results_by_type", p)
    out["results_by_type"] = {t: n for t, n, _, _ in results}
    out["results_total"] = sum(n for _, n, _, _ in results)
    out["results_awarded"] = sum(a or 0 for _, _, a, _ in results)
    out["results_rolled_out"] = sum(r or 0 for _, _, _, r in results)
    out["results_technical"] = sum(n for t, n, _, _ in results if t in E.TECHNICAL_RESULT_TYPES)
    out["results_cumulative"] = _run("results_cumulative", p)[0][0]
    patents = _run("patents", p)
    out["patents_by_kind"] = {k: n for k, n, _ in patents}
    out["patents_total"] = sum(n for _, n, _ in patents)  # patent results dated in the period
    out["patents_total_granted"] = sum(g or 0 for _, _, g in patents)  # of those, granted by end
    filed, granted = _run("patents_filed_granted", p)[0]
    out["patents_filed"] = filed or 0  # filed in the period (by 申请日)
    out["patents_granted"] = granted or 0  # granted in the period (by 授权日), any result year

    year_fen, cum_fen = (int(v) for v in _run("benefit", p)[0])
    out.update(benefit_fen=year_fen, benefit_wan=fen_to_wan(year_fen),
               benefit_cumulative_fen=cum_fen, benefit_cumulative_wan=fen_to_wan(cum_fen))

    income_by_source: dict[str, int] = {}
    expense_by_category: dict[str, int] = {}
    for direction, source, category, amount in _run("funds", p):
        if direction == E.FundDirection.INCOME:
            income_by_source[source] = income_by_source.get(source, 0) + int(amount)
        else:
            expense_by_category[category] = expense_by_category.get(category, 0) + int(amount)
    out.update(fund_income_fen=sum(income_by_source.values()),
               fund_expense_fen=sum(expense_by_category.values()),
               fund_income_by_source=income_by_source,
               fund_expense_by_category=expense_by_category,
               )
    balance, carried_in = _run("fund_balance", p)[0]
    out.update(fund_balance_fen=int(balance), fund_carried_in_fen=int(carried_in))

    members, party, leaders = _run("members", p)[0]
    out.update(members_total=members, members_party=party or 0, leaders=leaders or 0)
    # a promotion is the studio's when the member was in the team on the day of the new level
    promoted_year, promoted_cum = _run("promotions", p)[0]
    out.update(promotions=promoted_year, promotions_cumulative=promoted_cum)
    pairs, apprentices, new_pairs, graduated, grad_promoted = _run("mentoring", p)[0]
    out.update(mentoring_pairs=pairs, apprentices=apprentices, mentoring_new=new_pairs or 0,
               apprentices_graduated=graduated or 0, apprentices_promoted=grad_promoted or 0)
    participants = _run("participation", p)[0][0]
    out["participating_members"] = participants

    out["targets"] = _targets(p, out)
    out["must_haves"] = _must_haves(p, out, studio, participants, min_members)
    return out


# each plan target → the figure it is measured against (declared in ledger/metrics.py)
ACTUAL_OF = {E.TargetMetric(code): m.key for code, m in BY_TARGET.items()}


def _targets(p: dict, out: dict) -> list[dict]:
    rows = []
    for metric, value in _run("targets", p):
        actual = out[ACTUAL_OF[E.TargetMetric(metric)]]
        rows.append({
            "metric": metric, "label": E.TargetMetric.label(metric), "target": value,
            "actual": actual, "met": actual >= value,
            "progress": 1.0 if value == 0 else round(min(actual / value, 9.99), 4),
        })
    return rows


def _ev(kind: str, rows: list[tuple]) -> list[dict]:
    return [{"kind": kind, "uid": uid, "title": str(title or "")} for uid, title in rows]


def _room_missing(address: str | None, area: float | None) -> str:
    """Why 场所 is missing, naming only what is really empty: a typed 0 m² is not "未填写"."""
    if not address and area is None:
        return "未填写场所地址和面积"
    if not address:
        return "未填写场所地址"
    return "未填写场所面积" if area is None else f"场所面积为 {format(area, '.15g')} 平方米"


def _funds_detail(out: dict) -> str:
    parts = []
    if out["fund_income_fen"] > 0:
        parts.append(f"本年度经费收入 {out['fund_income_fen'] / 100:,.2f} 元")
    if out["fund_carried_in_fen"] > 0:
        parts.append(f"上年度结转 {out['fund_carried_in_fen'] / 100:,.2f} 元")
    return "，".join(parts)


def _must_haves(p: dict, out: dict, studio: tuple, participants: int,
                min_members: int) -> list[dict]:
    uid, name, plaque, address, area = studio[:5]
    studio_ev = [{"kind": "studio", "uid": uid, "title": name}]
    n_equipment = _run("equipment_count", p)[0][0]
    rules = _run("rules", p)
    plan = _run("plan", p)
    items = [
        ("sign", "标志", bool(plaque), "studio", studio_ev if plaque else [],
         "已悬挂工作室标志牌匾", "未登记已悬挂的工作室标志牌匾"),
        ("room", "场所", bool(address) and (area or 0) > 0, "studio",
         studio_ev if address and (area or 0) > 0 else [],
         f"{address}，{format(area or 0, '.15g')} 平方米", _room_missing(address, area)),
        ("equipment", "设施", n_equipment > 0, "equipment", _ev("equipment", _run("equipment", p)),
         f"登记设备设施 {n_equipment} 项", "没有登记设备设施"),
        ("participation", "职工参与",
         out["members_total"] >= min_members and participants > 0, "member",
         _ev("activity", _run("activity_evidence", p)),
         f"年末成员 {out['members_total']} 人；本年度 {participants} 人参加过活动",
         f"成员不足 {min_members} 人或本年度没有成员参加活动的记录"),
        ("rules", "制度", len(rules) > 0, "rule", _ev("rule", rules[:5]),
         f"已建立制度 {len(rules)} 项", "没有登记工作室制度"),
        ("funds", "经费", out["fund_income_fen"] > 0 or out["fund_carried_in_fen"] > 0, "fund",
         _ev("fund", _run("fund_income_evidence", p) or _run("fund_evidence", p)),
         _funds_detail(out), "本年度没有经费收入，也没有上年度结转的经费"),
        ("ledger", "台账", bool(plan) and out["activities_total"] > 0, "plan",
         _ev("plan", [(plan[0][0], f"{out['period_short']}计划")]) if plan else [],
         f"有年度计划，记录活动 {out['activities_total']} 次",
         "没有本年度计划" if not plan else "本年度没有活动记录"),
        ("results", "成效", out["results_total"] > 0, "result",
         _ev("result", _run("result_evidence", p)),
         f"本年度创新成果 {out['results_total']} 项", "本年度没有创新成果记录"),
    ]
    return [{"item": code, "label": label, "met": met, "section": section,
             "evidence": evidence if met else [], "detail": good if met else missing}
            for code, label, met, section, evidence, good, missing in items]
