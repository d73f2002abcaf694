"""Self-assessment (自评) of one studio-year against a union's criteria template.

The template format, its vocabulary and its checking are in ledger/templates.py (and, for
users, resources/templates/README.md). Every fact is taken as of the ledger's statistics year
(ledger/period.py) with the one definition of what was in force (ledger/asof.py): standing
records in force at the period's end (members, rules, equipment, the level given by the namings
still valid, the party organisation, the leader) or lasting into it (mentoring pairs,
projects); dated records within it; so records dated after the period never change it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from laomo_desktop.ledger import asof, kinds, money, stats
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger.annual import check_founded
from laomo_desktop.ledger.figures import TargetResult, YearFigures
from laomo_desktop.ledger.metrics import TEMPLATE_METRICS, WAN, fact, target_metric
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.ledger.templates import (  # noqa: F401  (the module's public names)
    CODED,
    EVIDENCE_KINDS,
    METRICS,
    MUST_HAVES,
    PARAMETERS,
    RULE_KEYS,
    Template,
    list_templates,
    load_template,
    shipped_dir,
    type_field,
)
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Joined, Text

MAX_EVIDENCE = 10

# the details beside each criterion's score; the criteria's own words are the union's data
YES, NO = Both("是", "yes"), Both("否", "no")
FLAG = Text("{label}：{answer}", "{label}: {answer}")
AMOUNT = Text("{label} {value} {unit}", "{label} {value} {unit}")
MONEY = Text("{value} {unit}", "{value} {unit}")
PLUS = Text("{parts}", "{parts}")  # metrics added up, joined with " + "
TOTAL = Text("{parts}，合计 {total}", "{parts}; total {total}")
AT_LEAST = Text("{shown}（要求 ≥ {need}）", "{shown} (required: ≥ {need})")
CODED_FACT = Text("{label}：{shown}（要求：{allowed}）", "{label}: {shown} (required: {allowed})")
NO_VALID_NAMING = Both("无有效命名", "no valid naming")
NOT_REGISTERED = Both("未登记", "not registered")
MUST_HAVE = Text("{label}：{detail}", "{label}: {detail}")
CATEGORIES = Text("已建立制度类别：{have}", "Rule categories in force: {have}")
NONE = Both("无", "none")
CATEGORIES_MISSING = Text("已建立制度类别：{have}；缺少：{missing}",
                          "Rule categories in force: {have}; missing: {missing}")
NO_TARGETS = Text("本年度没有制定年度目标", "No targets were set for the year")
UNMET_TARGET = Text("{label}（目标 {target}，完成 {actual}）", "{label} (target {target}, done {actual})")
TARGETS_MET = Text("年度目标完成 {met}/{total} 项", "{met} of {total} targets met")
TARGETS_UNMET = Text("年度目标完成 {met}/{total} 项；未完成：{unmet}",
                     "{met} of {total} targets met; not met: {unmet}")
HONOUR_OF = Text("{levels}荣誉", "a {levels} honour")
HONOUR_NAMED = Text("名称含{words}的{levels}荣誉", "a {levels} honour whose name holds {words}")
OR = Both("或", " or ")
OR_ELSE = Both("，或", "; or ")
QUOTED = Text("“{word}”", "“{word}”")
HONOUR = Text("{name}（{level}，{year} 年度）", "{name} ({level}, {year})")
NO_LEADER = Text("年度末没有登记领衔人", "No leader registered at the year's end")
LEADER_HOLDS = Text("领衔人{leader}：{honours}", "Leader {leader}: {honours}")
NO_HONOUR = Text("领衔人{leader}没有符合要求的荣誉（要求：{wanted}）",
                 "Leader {leader} holds no honour that fits (required: {wanted})")
NO_HONOUR_HELD = Text("领衔人{leader}没有符合要求的荣誉（要求：{wanted}）；已登记：{held}",
                      "Leader {leader} holds no honour that fits (required: {wanted}); "
                      "registered: {held}")
NO_HONOUR_NOT_MEMBER = Text("领衔人{leader}没有符合要求的荣誉（要求：{wanted}）；"
                            "{leader}不在成员名单中，台账里没有其荣誉记录",
                            "Leader {leader} holds no honour that fits (required: {wanted}); "
                            "{leader} is not on the list of members, so the ledger holds no "
                            "honours of theirs")

# ---- facts and evaluation ------------------------------------------------------------------

FACTS_SQL = {
    "rule_categories": f"""
        SELECT DISTINCT category FROM rule t WHERE studio_id = :sid AND deleted_at IS NULL
          AND {asof.at_end_sql("rule")}""",
    # the honours the leader at the period's end (a name, a member of the team then) had
    # received by its year
    "leader_honours": f"""
        SELECT h.uid, h.name, h.level, h.year FROM honour h JOIN member m ON m.id = h.holder_id
        WHERE h.studio_id = :sid AND h.deleted_at IS NULL AND h.year <= :year
          AND m.studio_id = :sid AND m.deleted_at IS NULL AND m.name = :leader
          AND {M.in_team_sql("m")}
        ORDER BY h.year DESC, h.id DESC""",
    "leader_is_member": f"""
        SELECT count(*) FROM member t WHERE studio_id = :sid AND deleted_at IS NULL
          AND name = :leader AND {M.in_team_sql("t")}""",
}


def _params(studio_uid: str, per: Period) -> dict:
    return {"sid": stats.studio_id_of(studio_uid), **per.params()}


@dataclass(frozen=True)
class Facts:
    """What a template's rules are scored on: the year's figures (every "metric" of the
    templates is one of them, read through ledger/metrics.py) and what only some rules ask."""

    figures: YearFigures
    rule_categories: list[str]
    """The categories (E.RuleCategory) of the rules in force at the period's end."""
    leader_honours: list[dict]
    """The honours ({uid, name, level, year}) the leader at the end had by its year."""
    leader_is_member: bool
    """The leader at the end is a member of the team then."""


def facts(studio_uid: str, year: int, *, min_members: int = stats.MIN_MEMBERS,
          within: Period | None = None) -> Facts:
    """stats.studio_year plus the extra facts rules use, in one consistent snapshot, all as of
    statistics year `year` (or the period `within`). `min_members`: the template's team size
    for the must-have 职工参与."""
    per = within or period(year)
    p = _params(studio_uid, per)

    def run(name: str) -> list[tuple]:
        return database.execute_sql(FACTS_SQL[name], p).fetchall()

    with database.atomic():
        figures = stats.studio_year(studio_uid, year, min_members=min_members, within=per)
        p["leader"] = figures.studio.leader
        return Facts(figures=figures,
                     rule_categories=sorted(c for (c,) in run("rule_categories")),
                     leader_honours=[{"uid": u, "name": n, "level": lv, "year": y}
                                     for u, n, lv, y in run("leader_honours")],
                     leader_is_member=bool(run("leader_is_member")[0][0]))


def _num(value: float) -> str:
    return f"{round(value, 4):g}"


def _describe(metric: str, value: float) -> Any:
    m = TEMPLATE_METRICS[metric]
    label, unit = Both(m.label, m.en), Both(m.unit, m.unit_en)
    if not m.unit:  # a flag
        return FLAG(label=label, answer=YES if value else NO)
    if m.kind == WAN:  # held as 万元 with six decimals (exact to the fen): shown as money is
        return AMOUNT(label=label, value=money.wan(round(value * money.FEN_PER_WAN)), unit=unit)
    return AMOUNT(label=label, value=_num(value), unit=unit)


def _fraction(value: float, need: float, partial: bool) -> float:
    if value >= need:
        return 1.0
    return value / need if partial and need > 0 else 0.0


def evaluate(rule: dict, f: Facts) -> tuple[float, Any]:
    """(fraction 0..1, detail: a texts.Message) of one rule over the facts."""
    partial = rule.get("partial", False)
    if rule.get("metric") in CODED:  # party_org, level: the studio's at the period's end
        (label, enum), value = CODED[rule["metric"]], getattr(f.figures.studio, rule["metric"])
        allowed = [_choice(enum, c) for c in rule["in"]]
        shown = _choice(enum, value) if value else NO_VALID_NAMING \
            if rule["metric"] == "level" else NOT_REGISTERED
        return float(value in rule["in"]), CODED_FACT(label=label, shown=shown, allowed=allowed)
    if "metric" in rule or "sum_of" in rule:
        names = rule.get("sum_of") or [rule["metric"]]
        values = [fact(f.figures, m) for m in names]
        total = sum(values)
        shown: Any = Joined(tuple(_describe(m, v) for m, v in zip(names, values, strict=True)),
                            " + ", " + ")
        # money (万元) reads as money does, with two decimals: "≥ 10.00 万元", not "≥ 10"
        is_money = all(TEMPLATE_METRICS[m].kind == WAN for m in names)
        unit = TEMPLATE_METRICS[names[0]]

        def amount(v: float) -> Any:
            return (MONEY(value=money.wan(round(v * money.FEN_PER_WAN)),
                          unit=Both(unit.unit, unit.unit_en)) if is_money else _num(v))
        if len(names) > 1:
            shown = TOTAL(parts=shown, total=amount(total))
        return (_fraction(total, rule["min"], partial),
                AT_LEAST(shown=shown, need=amount(rule["min"])))
    if "any_of" in rule or "all_of" in rule:
        subs = [evaluate(r, f) for r in rule.get("any_of") or rule["all_of"]]
        details = Joined(tuple(d for _, d in subs))
        if "any_of" in rule:
            return max(x for x, _ in subs), details
        mean = sum(x for x, _ in subs) / len(subs)
        return (mean if partial else float(all(x >= 1 for x, _ in subs))), details
    if "must_have" in rule:
        m = f.figures.must_have(rule["must_have"])
        return float(m.met), MUST_HAVE(label=m.label, detail=m.detail)
    if "rule_categories" in rule:
        need = rule["rule_categories"]
        have = [c for c in need if c in f.rule_categories]
        shown_have = [_choice(E.RuleCategory, c) for c in have] or NONE
        missing = [_choice(E.RuleCategory, c) for c in need if c not in have]
        detail = (CATEGORIES_MISSING(have=shown_have, missing=missing) if missing
                  else CATEGORIES(have=shown_have))
        return _fraction(len(have), len(need), partial), detail
    if "leader_honour" in rule:
        fraction, detail, _ = leader_honour(rule["leader_honour"], f)
        return fraction, detail
    targets = f.figures.targets  # {"targets": "all"}
    if not targets:
        return 0.0, NO_TARGETS()

    def show(t: TargetResult, value: float) -> str:
        shown_as = target_metric(t.metric).kind  # money targets are shown in 万元
        return money.wan(value) if shown_as == WAN else _num(value)

    unmet = [UNMET_TARGET(label=_target_label(t), target=show(t, t.target),
                          actual=show(t, t.actual))
             for t in targets if not t.met]
    met = len(targets) - len(unmet)
    detail = (TARGETS_UNMET(met=met, total=len(targets), unmet=unmet) if unmet
              else TARGETS_MET(met=met, total=len(targets)))
    return _fraction(met, len(targets), partial), detail


def _choice(enum: type[E.Choice], code: str) -> Any:
    """A code as its choice (worded in either language), or as it is when unknown."""
    try:
        return enum(code)
    except ValueError:
        return code or ""


def _target_label(t: TargetResult) -> Any:
    """A plan target's label in both languages when the metric is known (it names the figure)."""
    try:
        m = target_metric(t.metric)
    except (KeyError, ValueError):
        return t.label
    return Both(t.label, m.en)


def _honour_wanted(alt: dict) -> Any:
    levels = [_choice(E.Level, c) for c in alt["levels"]]
    if not alt.get("name_has"):
        return HONOUR_OF(levels=levels)
    words = Joined(tuple(QUOTED(word=w) for w in alt["name_has"]), OR.zh, OR.en)
    return HONOUR_NAMED(words=words, levels=levels)


def _honour_fits(h: dict, alt: dict) -> bool:
    return h["level"] in alt["levels"] and (
        not alt.get("name_has") or any(w in h["name"] for w in alt["name_has"]))


def _honours_text(honours: list[dict]) -> list[Any]:
    return [HONOUR(name=h["name"], level=_choice(E.Level, h["level"]), year=h["year"])
            for h in honours]


def leader_honour(alts: list[dict], f: Facts) -> tuple[float, Any, list[dict]]:
    """(fraction, detail, the fitting honours) of a leader_honour rule: the leader at the
    period's end holds, by its year, an honour fitting one of the descriptions. The ledger
    knows an honour only by its level and name; the note of such a criterion says so."""
    leader = f.figures.studio.leader
    if not leader:
        return 0.0, NO_LEADER(), []
    held = f.leader_honours
    fit = [h for h in held if any(_honour_fits(h, alt) for alt in alts)]
    if fit:
        return 1.0, LEADER_HOLDS(leader=leader, honours=_honours_text(fit)), fit
    wanted = Joined(tuple(map(_honour_wanted, alts)), OR_ELSE.zh, OR_ELSE.en)
    if held:
        detail = NO_HONOUR_HELD(leader=leader, wanted=wanted, held=_honours_text(held))
    elif not f.leader_is_member:
        detail = NO_HONOUR_NOT_MEMBER(leader=leader, wanted=wanted)
    else:
        detail = NO_HONOUR(leader=leader, wanted=wanted)
    return 0.0, detail, []


def _cited(rule: dict, f: Facts, by_code: dict[str, list[dict]]) -> list[dict]:
    """The evidence a rule brings itself (must-haves, the leader's honours) when the criterion
    names none."""
    if "must_have" in rule:
        return by_code[rule["must_have"]]
    if "leader_honour" in rule:
        return [{"kind": "honour", "uid": h["uid"], "title": h["name"]}
                for h in leader_honour(rule["leader_honour"], f)[2]]
    return [e for sub in rule.get("any_of") or rule.get("all_of") or []
            for e in _cited(sub, f, by_code)]


_TITLES = {  # evidence titles where the kind's title field is not enough
    "mentorship": "(SELECT m.name FROM member m WHERE m.id = t.master_id) || ' 带徒 ' || "
                  "coalesce(t.apprentice_name, (SELECT m.name FROM member m "
                  "WHERE m.id = t.apprentice_id))",
    "plan": "t.year || ' 年度计划'", "benefit": "substr(t.basis, 1, 40)",
    "fund": "coalesce(t.note, t.date || CASE t.direction WHEN 'income' THEN ' 收入 ' "
            "ELSE ' 支出 ' END || printf('%.2f', t.amount_fen / 100.0) || ' 元')",
    "member": "t.name", "studio": "t.name"}


# Standing kinds whose evidence is what was in force at the period's end (KindRules.
# evidence_at_end): a rule repealed, a piece of equipment disposed of or a member gone by then
# is no evidence. Pairs and projects are those that lasted into the period; with "cumulative",
# every one begun by its end.
EARLIEST = "0001-01-01"  # a period "start" before any record: during … = begun by the end


def _evidence(spec: dict, p: dict) -> list[dict]:
    """Every record of one kind a criterion cites: {kind, uid, title} (the caller keeps
    MAX_EVIDENCE of them and says how many there are)."""
    kind, params = spec["kind"], dict(p)
    k, cond = S.kind(kind), ["t.deleted_at IS NULL"]
    title, order = _TITLES.get(kind, f't."{k.title}"'), "t.id"
    if not k.per_studio:  # the studio itself
        cond = ["t.id = :sid"]
    else:
        cond.append("t.studio_id = :sid")
        if kinds.rules(k).evidence_at_end:
            cond.append(asof.at_end_sql(kind))
        elif kinds.rules(k).span is not None:
            cond.append(asof.during_sql(kind))
            if spec["cumulative"]:
                params["start"] = EARLIEST
        else:
            col, is_date = Q.year_filter(k)
            bound = ":end" if is_date else ":year"
            cond.append(f't."{col}" IS NULL OR t."{col}" <= {bound}' if spec["cumulative"] else
                        f't."{col}" BETWEEN :start AND :end' if is_date else
                        f't."{col}" = :year')
            cond[-1] = f"({cond[-1]})"
        if spec["types"]:
            marks = ", ".join(f":t{i}" for i in range(len(spec["types"])))
            cond.append(f't."{type_field(k).name}" IN ({marks})')
            params.update({f"t{i}": v for i, v in enumerate(spec["types"])})
        if kinds.rules(k).leader_first:
            order = f"NOT {M.is_leader_sql('t')}, t.id"
        else:
            col = Q.year_filter(k)[0]
            title = f'coalesce(CAST({title} AS TEXT), t."{col}")'
            order = f't."{col}" DESC, t.id DESC'
    rows = database.execute_sql(
        f'SELECT t.uid, {title} FROM "{k.table}" t WHERE {" AND ".join(cond)} '
        f"ORDER BY {order}", params).fetchall()
    return [{"kind": kind, "uid": uid, "title": str(title or "")} for uid, title in rows]


def assess(studio_uid: str, year: int, template: Template | str | Path) -> dict[str, Any]:
    """Score every criterion of the template for one statistics year of a studio; JSON-able.
    A year that ended before the studio was founded is refused (LaomoError), as for every
    other document of that year."""
    if not isinstance(template, Template):
        template = load_template(template)
    per = period(year)
    f = facts(studio_uid, year, min_members=template.parameters["min_members"], within=per)
    studio = asdict(f.figures.studio)
    check_founded(studio, per)
    p = _params(studio_uid, per)
    by_code = {m.item: m.evidence for m in f.figures.must_haves}
    rows = []
    for c in template.criteria:
        fraction, detail = evaluate(c["rule"], f)
        if c["evidence"]:
            evidence = _evidence(c["evidence"], p)
        else:
            evidence = list({e["uid"]: e for e in _cited(c["rule"], f, by_code)}.values())
        # the packet says "共 34 人，见成员名册" where more records stand behind a criterion
        evidence_total, evidence = len(evidence), evidence[:MAX_EVIDENCE]
        status = "met" if fraction >= 1 - 1e-9 else "partly" if fraction > 0 else "missing"
        rows.append({"id": c["id"], "area": c["area"], "item": c["item"], "points": c["points"],
                     "score": round(c["points"] * min(fraction, 1.0), 2), "status": status,
                     "detail": detail.render("zh"), "detail_en": detail.render("en"),
                     "evidence": evidence, "evidence_total": evidence_total,
                     "note": c["note"]})
    out: dict[str, Any] = {
        "template": {"name": template.name, "title": template.title,
                     "description": template.description,
                     "parameters": dict(template.parameters)},
        "studio": studio, "year": year, "period_label": per.label,
        "start": per.start, "end": per.end, "criteria": rows,
        "score": round(sum(r["score"] for r in rows), 2), "points": template.total_points,
        **{s: sum(r["status"] == s for r in rows) for s in ("met", "partly", "missing")},
    }
    if template.verdict == "all_met":
        out["eligible"] = all(r["status"] == "met" for r in rows)
    if template.grades:
        out["grade"] = next((g for low, g in template.grades if out["score"] >= low), None)
    return out
