"""The figures of one studio-year (ledger/figures.py's YearFigures), computed with SQL aggregates
(never row by row in Python).

QUERIES holds every aggregate as plain SQL with named parameters (:sid, :start, :end, :year,
:before), so the benchmark can run exactly the same statements on a bare sqlite3 connection.
Standing records are read as of the period (ledger/asof.py); its days come from the ledger's
statistics year (ledger/period.py).
"""

from __future__ import annotations

from dataclasses import replace

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import alliances, asof, grants, kinds, registers
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger.figures import MustHave, StudioThen, TargetResult, YearFigures
from laomo_desktop.ledger.meanings import IN_YEAR, LIVE
from laomo_desktop.ledger.metrics import BY_TARGET, COUNTED
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Joined, Message, Text

# the tables as the declarations name them (store/schema.py)
ACTIVITY, ATTENDEE = M.table("activity"), M.child_table("activity", "attendees")
PROJECT, RESULT, BENEFIT, FUND = (M.table(k) for k in ("project", "result", "benefit", "fund"))
MEMBER, SKILL_LEVEL = M.table("member"), M.child_table("member", "skill_levels")
MENTORSHIP, PLAN, TARGET = M.table("mentorship"), M.table("plan"), M.child_table("plan", "targets")
STUDIO, EQUIPMENT, RULE = M.table("studio"), M.table("equipment"), M.table("rule")


def _count_sql(k: S.Kind) -> str:
    """How record_counts counts a kind: rules and equipment in force at the period's end; pairs
    and projects that lasted into it (like mentoring_pairs, projects_total); dated records up
    to its end and yearly ones up to its year (cumulative)."""
    if kinds.rules(k).evidence_at_end:
        cond = asof.at_end_sql(k.name)
    elif kinds.rules(k).span is not None:
        cond = asof.during_sql(k.name)
    else:
        col, is_date = Q.year_filter(k)
        cond = f't."{col}" IS NULL OR t."{col}" <= {":end" if is_date else ":year"}'
    return (f"""SELECT '{k.name}', count(*) FROM "{k.table}" t WHERE t.studio_id = :sid
            AND t.{LIVE} AND ({cond})""")


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
        SELECT type, {asof.project_status_sql()}, count(*), sum(start_date {IN_YEAR}),
               total(source = '{E.ProjectSource.OPEN_CALL.value}')
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
    # has_honour_board and rules_on_wall, like has_plaque, are dateless present-day flags of
    # the studio's profile: the ledger has no history of them
    "studio": f"""
        SELECT uid, name, has_plaque, room_address, room_area, founded_on,
               {asof.party_org_sql("s")}, {asof.level_sql("s")}, {M.leader_sql("s")},
               has_honour_board, rules_on_wall
        FROM {STUDIO} s WHERE id = :sid""",
    "counts": " UNION ALL ".join(_count_sql(k) for k in COUNTED),
    "party_months": f"""
        SELECT DISTINCT substr(date, 1, 7) FROM {ACTIVITY} WHERE studio_id = :sid
          AND {LIVE} AND type = 'party' AND date {IN_YEAR}""",
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

# the registers unions count (issue 16 §3), computed with the same parameters
QUERIES.update(registers.QUERIES)
# ---- grants (补助资金) ----
QUERIES["grants_received"] = grants.received_sql()
QUERIES["grants_spent"] = grants.spent_sql()

# ---- alliances (联盟) ----
QUERIES.update(alliances.QUERIES)

MIN_MEMBERS = 5  # "职工参与": at least this many members (a template may set its own)


def _run(name: str, params: dict) -> list[tuple]:
    return database.execute_sql(QUERIES[name], params).fetchall()


NO_SUCH_STUDIO = Text("找不到该工作室。", "No such studio.")


def studio_id_of(studio_uid: str) -> int:
    row = database.execute_sql(f"SELECT id FROM {STUDIO} WHERE uid = ?",
                               (studio_uid,)).fetchone()
    if row is None:
        raise LaomoError(NO_SUCH_STUDIO())
    return row[0]


def fen_to_wan(fen: int) -> float:
    """万元 with six decimals: exact to the fen (1 万元 = 1,000,000 fen)."""
    return round(fen / 1_000_000, 6)


def full_years(since: str | None, end: str) -> int:
    """Whole years from a date to `end` (both ISO): 满 n 年 on the n-th anniversary."""
    if not since or since > end:
        return 0
    return int(end[:4]) - int(since[:4]) - (end[5:10] < since[5:10])


def quarters(months: list[str], per: Period) -> int:
    """In how many quarters of the period (its months 1–3, 4–6, …) any of `months` falls."""
    index = {f"{y:04d}-{m:02d}": i // 3 for i, (y, m) in enumerate(per.months())}
    return len({index[m] for m in months if m in index})


def studio_year(studio_uid: str, year: int, *, min_members: int = MIN_MEMBERS,
                within: Period | None = None) -> YearFigures:
    """Every figure of §3 for one studio and statistics year, in one consistent snapshot.
    `within`: the period to use (else the ledger's statistics year `year`)."""
    sid = studio_id_of(studio_uid)
    with database.atomic():  # one consistent snapshot
        per = within or period(year)
        return _compute({"sid": sid, **per.params()}, per, min_members)


def _sum_by(rows: list[tuple[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in rows:
        out[key] = out.get(key, 0) + int(n)
    return out


def _compute(p: dict, per: Period, min_members: int) -> YearFigures:
    studio = _run("studio", p)[0]
    then = StudioThen(uid=studio[0], name=studio[1], founded_on=studio[5],
                      founded=not studio[5] or studio[5] <= per.end,
                      party_org=studio[6] or E.PartyOrg.NONE.value,
                      level=asof.highest_level(studio[7]), leader=studio[8])

    by_type = dict(_run("activities_by_type", p))
    sessions, hours, person_times, no_count, no_hours = _run("training", p)[0]

    project_rows = _run("projects", p)
    projects_by_type = _sum_by([(t, n) for t, _, n, _, _ in project_rows])
    results = _run("results_by_type", p)
    patents = _run("patents", p)
    filed, granted = _run("patents_filed_granted", p)[0]
    year_fen, cum_fen = (int(v) for v in _run("benefit", p)[0])

    funds = _run("funds", p)
    income = _sum_by([(s, a) for d, s, _, a in funds if d == E.FundDirection.INCOME])
    expense = _sum_by([(c, a) for d, _, c, a in funds if d != E.FundDirection.INCOME])
    balance, carried_in = _run("fund_balance", p)[0]

    members, party, leaders = _run("members", p)[0]
    # a promotion is the studio's when the member was in the team on the day of the new level
    promoted_year, promoted_cum = _run("promotions", p)[0]
    pairs, apprentices, new_pairs, graduated, grad_promoted = _run("mentoring", p)[0]
    participants = _run("participation", p)[0][0]

    figures = YearFigures(
        year=p["year"], start=per.start, end=per.end, period_label=per.label,
        period_short=per.short, studio=then,
        activities_by_type=by_type, activities_total=sum(by_type.values()),
        training_sessions=sessions, training_person_times=int(person_times),
        training_hours=hours,
        # trainings whose participants or hours were never entered: the totals above leave
        # them out, and the documents say so instead of counting them as 0
        training_without_count=int(no_count), training_without_hours=int(no_hours),
        exchanges=by_type.get(E.ActivityType.EXCHANGE, 0),
        projects_by_type=projects_by_type,
        projects_by_status=_sum_by([(s, n) for _, s, n, _, _ in project_rows]),
        projects_total=sum(projects_by_type.values()),
        projects_started=sum(new or 0 for _, _, _, new, _ in project_rows),
        projects_open_call=int(sum(o for *_, o in project_rows)),
        results_by_type={t: n for t, n, _, _ in results},
        results_total=sum(n for _, n, _, _ in results),
        results_awarded=sum(a or 0 for _, _, a, _ in results),
        results_rolled_out=sum(r or 0 for _, _, _, r in results),
        results_technical=sum(n for t, n, _, _ in results if t in E.TECHNICAL_RESULT_TYPES),
        results_cumulative=_run("results_cumulative", p)[0][0],
        patents_by_kind={k: n for k, n, _ in patents},
        patents_total=sum(n for _, n, _ in patents),
        patents_total_granted=sum(g or 0 for _, _, g in patents),
        patents_filed=filed or 0, patents_granted=granted or 0,
        benefit_fen=year_fen, benefit_wan=fen_to_wan(year_fen),
        benefit_cumulative_fen=cum_fen, benefit_cumulative_wan=fen_to_wan(cum_fen),
        fund_income_fen=sum(income.values()), fund_expense_fen=sum(expense.values()),
        fund_income_by_source=income, fund_expense_by_category=expense,
        fund_balance_fen=int(balance), fund_carried_in_fen=int(carried_in),
        members_total=members, members_party=party or 0, leaders=leaders or 0,
        promotions=promoted_year, promotions_cumulative=promoted_cum,
        mentoring_pairs=pairs, apprentices=apprentices, mentoring_new=new_pairs or 0,
        apprentices_graduated=graduated or 0, apprentices_promoted=grad_promoted or 0,
        participating_members=participants,
        years_running=full_years(then.founded_on, per.end),
        party_quarters=quarters([m for (m,) in _run("party_months", p)], per),
        has_plaque=int(bool(studio[2])), has_honour_board=int(bool(studio[9])),
        rules_on_wall=int(bool(studio[10])),
        record_counts=dict(_run("counts", p)),
        targets=(), must_haves=())
    figures = replace(figures, **registers.register_figures(lambda name: _run(name, p)))
    figures = replace(figures, grants_received_fen=_run("grants_received", p)[0][0],
                      grants_spent_fen=_run("grants_spent", p)[0][0])
    figures = replace(figures, **alliances.alliance_figures(lambda name: _run(name, p)))
    return replace(figures, targets=_targets(p, figures),
                   must_haves=_must_haves(p, figures, studio, min_members, per))


# each plan target → the figure it is measured against (declared in ledger/metrics.py)
ACTUAL_OF = {E.TargetMetric(code): m for code, m in BY_TARGET.items()}


def _targets(p: dict, figures: YearFigures) -> tuple[TargetResult, ...]:
    rows = []
    for metric, value in _run("targets", p):
        actual = ACTUAL_OF[E.TargetMetric(metric)].value(figures)
        rows.append(TargetResult(
            metric=metric, label=E.TargetMetric.label(metric), target=value, actual=actual,
            met=actual >= value,
            progress=1.0 if value == 0 else round(min(actual / value, 9.99), 4)))
    return tuple(rows)


def _ev(kind: str, rows: list[tuple]) -> list[dict]:
    return [{"kind": kind, "uid": uid, "title": str(title or "")} for uid, title in rows]


# the eight must-haves' names and what they say, in both languages
SIGN, ROOM, EQUIPMENT_ITEM = Both("标志", "Sign"), Both("场所", "Room"), Both("设施", "Equipment")
PARTICIPATION, RULES = Both("职工参与", "Staff participation"), Both("制度", "Rules")
FUNDS, LEDGER, RESULTS = Both("经费", "Funds"), Both("台账", "Ledger"), Both("成效", "Results")
SIGN_MET = Text("已悬挂工作室标志牌匾", "The studio's plaque is hung")
SIGN_MISSING = Text("未登记已悬挂的工作室标志牌匾", "No hung studio plaque is recorded")
ROOM_MET = Text("{address}，{area} 平方米", "{address}, {area} m²")
ROOM_NOTHING = Text("未填写场所地址和面积", "The room's address and area are not filled in")
ROOM_NO_ADDRESS = Text("未填写场所地址", "The room's address is not filled in")
ROOM_NO_AREA = Text("未填写场所面积", "The room's area is not filled in")
ROOM_AREA = Text("场所面积为 {area} 平方米", "The room's area is {area} m²")
EQUIPMENT_MET = Text("登记设备设施 {n} 项", "{n} pieces of equipment recorded")
EQUIPMENT_MISSING = Text("没有登记设备设施", "No equipment is recorded")
PARTICIPATION_MET = Text("年末成员 {members} 人；本年度 {participants} 人参加过活动",
                         "{members} members at the year's end; {participants} took part in "
                         "activities this year")
PARTICIPATION_MISSING = Text("成员不足 {least} 人或本年度没有成员参加活动的记录",
                             "Fewer than {least} members, or no member recorded taking part "
                             "in an activity this year")
RULES_MET = Text("已建立制度 {n} 项", "{n} rules adopted")
RULES_MISSING = Text("没有登记工作室制度", "No studio rules are recorded")
FUNDS_INCOME = Text("本年度经费收入 {amount} 元", "Fund income this year: {amount} yuan")
FUNDS_CARRIED = Text("上年度结转 {amount} 元", "Carried over from last year: {amount} yuan")
FUNDS_MISSING = Text("本年度没有经费收入，也没有上年度结转的经费",
                     "No fund income this year and nothing carried over from last year")
LEDGER_MET = Text("有年度计划，记录活动 {n} 次", "A yearly plan; {n} activities recorded")
LEDGER_NO_PLAN = Text("没有本年度计划", "No plan for this year")
LEDGER_NO_ACTIVITY = Text("本年度没有活动记录", "No activities recorded this year")
RESULTS_MET = Text("本年度创新成果 {n} 项", "{n} innovation results this year")
RESULTS_MISSING = Text("本年度没有创新成果记录", "No innovation results recorded this year")
PLAN_TITLE = Text("{period}计划", "Plan of {period}")


def _area(area: float) -> str:
    return format(area, ".15g")


def _room_missing(address: str | None, area: float | None) -> Message:
    """Why 场所 is missing, naming only what is really empty: a typed 0 m² is not "未填写"."""
    if not address and area is None:
        return ROOM_NOTHING()
    if not address:
        return ROOM_NO_ADDRESS()
    return ROOM_NO_AREA() if area is None else ROOM_AREA(area=_area(area))


def _funds_detail(figures: YearFigures) -> Message:
    parts = []
    if figures.fund_income_fen > 0:
        parts.append(FUNDS_INCOME(amount=f"{figures.fund_income_fen / 100:,.2f}"))
    if figures.fund_carried_in_fen > 0:
        parts.append(FUNDS_CARRIED(amount=f"{figures.fund_carried_in_fen / 100:,.2f}"))
    return Joined(tuple(parts), "，", ", ")


def _must_haves(p: dict, f: YearFigures, studio: tuple, min_members: int,
                per: Period) -> tuple[MustHave, ...]:
    uid, name, plaque, address, area = studio[:5]
    studio_ev = [{"kind": "studio", "uid": uid, "title": name}]
    n_equipment = _run("equipment_count", p)[0][0]
    rules = _run("rules", p)
    plan = _run("plan", p)
    room = bool(address) and (area or 0) > 0
    items = [
        ("sign", SIGN, bool(plaque), "studio", studio_ev if plaque else [],
         SIGN_MET(), SIGN_MISSING()),
        ("room", ROOM, room, "studio", studio_ev if room else [],
         ROOM_MET(address=address, area=_area(area or 0)), _room_missing(address, area)),
        ("equipment", EQUIPMENT_ITEM, n_equipment > 0, "equipment",
         _ev("equipment", _run("equipment", p)), EQUIPMENT_MET(n=n_equipment),
         EQUIPMENT_MISSING()),
        ("participation", PARTICIPATION,
         f.members_total >= min_members and f.participating_members > 0, "member",
         _ev("activity", _run("activity_evidence", p)),
         PARTICIPATION_MET(members=f.members_total, participants=f.participating_members),
         PARTICIPATION_MISSING(least=min_members)),
        ("rules", RULES, len(rules) > 0, "rule", _ev("rule", rules[:5]),
         RULES_MET(n=len(rules)), RULES_MISSING()),
        ("funds", FUNDS, f.fund_income_fen > 0 or f.fund_carried_in_fen > 0, "fund",
         _ev("fund", _run("fund_income_evidence", p) or _run("fund_evidence", p)),
         _funds_detail(f), FUNDS_MISSING()),
        ("ledger", LEDGER, bool(plan) and f.activities_total > 0, "plan",
         _ev("plan", [(plan[0][0], str(PLAN_TITLE(period=per.said_short)))]) if plan else [],
         LEDGER_MET(n=f.activities_total),
         LEDGER_NO_PLAN() if not plan else LEDGER_NO_ACTIVITY()),
        ("results", RESULTS, f.results_total > 0, "result",
         _ev("result", _run("result_evidence", p)),
         RESULTS_MET(n=f.results_total), RESULTS_MISSING()),
    ]
    return tuple(MustHave(item=code, label=label, met=met, section=section,
                          evidence=evidence if met else [], detail=good if met else missing)
                 for code, label, met, section, evidence, good, missing in items)
