"""Self-assessment (自评) of one studio-year against a union's criteria template.

Forms and criteria are data: a template is a JSON file (format and vocabulary in Chinese and
English: resources/templates/README.md)::

    {"name": "union_100", "title": "…考核评分表", "description": "…", "total_points": 100,
     "grades": [{"min": 90, "grade": "三星级"}, …],   # optional: 星级 by total score → "grade"
     "verdict": "all_met",                             # optional: adds "eligible" (all met)
     "criteria": [{"id": "u01", "area": "组织建设", "item": "…", "points": 5,
                   "rule": {…}, "evidence": "activity"}]}

Rules give a fraction 0..1 and score = fraction × points. Without "partial": true a rule gives
all or nothing; with it, proportional credit (value / min, share of categories, of targets…):

- {"metric": M, "min": n [, "partial": true]}     a number (METRICS) is at least n
- {"metric": M, "in": [codes]}                     a coded fact (party_org, level) is one of these
- {"sum_of": [M1, M2, …], "min": n [, "partial"]}  the numbers added up are at least n
- {"any_of": [rule, …]}                            the best of the rules
- {"all_of": [rule, …] [, "partial"]}              every rule (partial: their mean)
- {"must_have": code}                              one of the eight must-haves (MUST_HAVES)
- {"rule_categories": [codes] [, "partial"]}       rules of all these categories adopted
- {"targets": "all" [, "partial"]}                 every target of the year's plan met

Evidence: "kind" or {"kind": K, "types": [codes], "cumulative": true} — up to 10 records of that
kind dated in the year (cumulative: up to year end). A must_have rule without it cites the
must-have's own evidence. Keys starting with "_" are comments; anything else unknown, a wrong
type, an unknown metric or code, a negative or mismatched point count is refused (LaomoError,
in Chinese, naming the file and the criterion and field).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import stats
from laomo_desktop.ledger.asof import highest_level
from laomo_desktop.paths import resources_dir
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.store.models import database

# name label unit: the numbers a "metric"/"sum_of" rule can use (flags, unit "-", are 0 or 1).
_TABLE = """
activities_total 本年度开展活动 次|training_sessions 本年度培训 场次
training_person_times 本年度培训 人次|training_hours 本年度培训 学时
exchanges 本年度技术交流 次|projects_total 本年度在研课题 项|projects_started 本年度新立项课题 项
results_total 本年度创新成果 项|results_cumulative 累计创新成果 项
results_awarded 本年度获奖成果 项|results_rolled_out 本年度推广应用成果 项
results_technical 本年度技术创新成果 项|patents_total 本年度专利 件
patents_granted 本年度获授权专利 件|benefit_wan 本年度经济效益 万元
benefit_cumulative_wan 累计经济效益 万元|fund_income_wan 本年度经费收入 万元
fund_expense_wan 本年度经费支出 万元|fund_balance_wan 累计经费结余 万元|members_total 成员 人
members_party 成员中党员 人|party_members 党员人数 人|promotions 本年度技能晋级 人
promotions_cumulative 累计技能晋级 人|mentoring_pairs 本年度在带师徒 对
apprentices 本年度在带徒弟 人|mentoring_new 本年度新签师徒协议 对
apprentices_graduated 本年度徒弟出师 人|apprentices_promoted 本年度徒弟出师并晋级 人
participating_members 本年度参加活动的成员 人|years_running 工作室已运行 年
party_activities 本年度党建活动 次|targets_total 年度目标 项|targets_met 完成年度目标 项
has_plaque 已悬挂标志牌匾 -|has_honour_board 设有荣誉展示 -|rules_on_wall 制度已上墙 -
"""
METRICS: dict[str, tuple[str, str]] = {
    e.split()[0]: (e.split()[1], e.split()[2].strip("-"))
    for e in _TABLE.replace("\n", "|").split("|") if e.strip()}
METRICS.update({f"activities_{t.value}": (f"本年度{t.zh}活动", "次") for t in E.ActivityType})
COUNTED = [k for k in S.KINDS if k.per_studio and k.name not in ("member", "attachment")]
METRICS.update({f"{k.name}_count": (f"累计登记{k.label}", "项") for k in COUNTED})
CODED: dict[str, tuple[str, type[E.Choice]]] = {  # facts compared with "in"
    "party_org": ("党组织形式", E.PartyOrg), "level": ("命名级别", E.Level)}
MUST_HAVES = ("sign", "room", "equipment", "participation", "rules", "funds", "ledger", "results")
RULE_KEYS = {"metric": {"min", "in", "partial"}, "sum_of": {"min", "partial"}, "any_of": set(),
             "all_of": {"partial"}, "must_have": set(), "rule_categories": {"partial"},
             "targets": {"partial"}}
EVIDENCE_KINDS = {k.name for k in S.KINDS if k.per_studio and k.name != "attachment"} | {"studio"}
DEFAULT_CUMULATIVE = {"rule", "equipment"}  # evidence kinds that count up to year end
MAX_EVIDENCE = 10
README = "resources/templates/README.md"


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    total_points: float
    criteria: tuple[dict, ...]  # id, area, item, points, rule, evidence (spec or None)
    path: Path
    verdict: str | None = None
    grades: tuple[tuple[float, str], ...] = ()  # (min score, grade), highest first


# ---- finding and loading -------------------------------------------------------------------

def shipped_dir() -> Path:
    return resources_dir() / "templates"


def list_templates(extra: Path | None = None) -> list[dict]:
    """Shipped templates, then a union's own *.json in `extra` (same name: the union's wins).

    A broken file is listed with its "error" rather than hiding the others."""
    found: dict[str, dict] = {}
    for source, folder in (("shipped", shipped_dir()), ("user", extra)):
        for path in sorted(Path(folder).glob("*.json")) if folder else ():
            row = {"name": path.stem, "title": "", "criteria": 0, "total_points": 0,
                   "source": source, "path": str(path)}
            try:
                t = _load_file(path)
                row.update(name=t.name, title=t.title, criteria=len(t.criteria),
                           total_points=t.total_points)
            except LaomoError as exc:
                row["error"] = exc.message
            found[row["name"]] = row
    return list(found.values())


def load_template(name_or_path: str | Path, extra: Path | None = None) -> Template:
    """A template by file path, or by name (its "name" or file name) among list_templates."""
    text = str(name_or_path)
    if Path(text).is_file() or text.lower().endswith(".json") or "/" in text or "\\" in text:
        if not Path(text).is_file():
            raise LaomoError(f"找不到评分模板文件 {text}。")
        return _load_file(Path(text))
    for entry in list_templates(extra):
        if text in (entry["name"], Path(entry["path"]).stem):
            return _load_file(Path(entry["path"]))
    raise LaomoError(f"找不到评分模板“{text}”。用 laomo templates 查看可用的模板。")


class _Bad(LaomoError):
    """A problem inside a template; _load_file adds the file name."""


def _load_file(path: Path) -> Template:
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise LaomoError(f"评分模板 {path.name} 无法读取：{exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LaomoError(f"评分模板 {path.name} 不是 UTF-8 编码的文本文件。") from exc
    except json.JSONDecodeError as exc:
        raise LaomoError(f"评分模板 {path.name} 不是有效的 JSON（第 {exc.lineno} 行第 "
                         f"{exc.colno} 列：{exc.msg}）。") from exc
    try:
        return _parse(data, path)
    except _Bad as exc:
        raise LaomoError(f"评分模板 {path.name}：{exc.message}") from None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _keys(obj: dict, allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed and not key.startswith("_"):
            raise _Bad(f"{where}有不认识的键“{key}”。")


def _text(obj: dict, key: str, where: str) -> str:
    if not isinstance(obj.get(key), str) or not obj[key].strip():
        raise _Bad(f"{where}{key} 缺失或为空（应为文字）。")
    return obj[key].strip()


def _parse(data: Any, path: Path) -> Template:
    if not isinstance(data, dict):
        raise _Bad("文件内容应为一个 JSON 对象 {…}。")
    _keys(data, {"name", "title", "description", "total_points", "criteria", "verdict",
                 "grades"}, "")
    name, title = _text(data, "name", ""), _text(data, "title", "")
    if not isinstance(data.get("criteria"), list) or not data["criteria"]:
        raise _Bad("criteria 缺失或为空（应为考核项列表）。")
    criteria: list[dict] = []
    for i, c in enumerate(data["criteria"], 1):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str) or not c["id"].strip():
            raise _Bad(f"criteria 第 {i} 项缺少 id（应为对象，且有文字 id）。")
        cid, where = c["id"], f"考核项 {c['id']} 的 "
        if any(x["id"] == cid for x in criteria):
            raise _Bad(f"考核项 id“{cid}”重复。")
        _keys(c, {"id", "area", "item", "points", "rule", "evidence"}, f"考核项 {cid} ")
        if not _number(c.get("points")) or c["points"] < 0:
            raise _Bad(f"{where}points 应为不小于 0 的数（现为 {json.dumps(c.get('points'))}）。")
        if not isinstance(c.get("rule"), dict):
            raise _Bad(f"{where}rule 缺失或不是对象。")
        _check_rule(c["rule"], f"{where}rule")
        criteria.append({"id": cid, "area": _text(c, "area", where),
                         "item": _text(c, "item", where), "points": c["points"],
                         "rule": c["rule"], "evidence": _evidence_spec(c.get("evidence"), where)})
    total = sum(c["points"] for c in criteria)
    given = data.get("total_points", total)
    if not _number(given) or given < 0:
        raise _Bad("total_points 应为不小于 0 的数。")
    if abs(given - total) > 1e-6:
        raise _Bad(f"各考核项 points 合计 {total:g}，与 total_points {given:g} 不一致。")
    if data.get("verdict") not in (None, "all_met"):
        raise _Bad("verdict 只能是 \"all_met\"（各项全部达标才合格）。")
    grades = data.get("grades", [])
    if not isinstance(grades, list) or not all(
            isinstance(g, dict) and set(g) == {"min", "grade"} and _number(g["min"])
            and isinstance(g["grade"], str) for g in grades):
        raise _Bad("grades 应为 [{\"min\": 分数, \"grade\": \"等级\"}, …]。")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise _Bad("description 应为文字。")
    return Template(name, title, description, total, tuple(criteria), path,
                    data.get("verdict"), tuple(sorted(((g["min"], g["grade"]) for g in grades),
                                                      reverse=True)))


def _check_rule(rule: Any, where: str) -> None:
    if not isinstance(rule, dict):
        raise _Bad(f"{where} 应为一个对象。")
    types = [k for k in rule if k in RULE_KEYS]
    if len(types) != 1:
        raise _Bad(f"{where} 应有且只有一种规则（{' / '.join(RULE_KEYS)}），现为"
                   f"“{'、'.join(rule) or '空'}”。")
    rtype = types[0]
    _keys(rule, {rtype} | RULE_KEYS[rtype], f"{where} ")
    value, w = rule[rtype], f"{where}.{rtype}"
    if "partial" in rule and not isinstance(rule["partial"], bool):
        raise _Bad(f"{where}.partial 应为 true 或 false。")
    if "min" in rule and (not _number(rule["min"]) or rule["min"] < 0):
        raise _Bad(f"{where}.min 应为不小于 0 的数。")
    if rtype in ("metric", "must_have") and not isinstance(value, str):
        raise _Bad(f"{w} 应为文字（现为 {json.dumps(value, ensure_ascii=False)}）。")
    if rtype == "metric" and value in CODED:
        if not isinstance(rule.get("in"), list) or not rule["in"] or set(rule) & {"min",
                                                                                  "partial"}:
            raise _Bad(f"{where}：{value} 是代码类指标，应写 \"in\": [代码, …]。")
        _codes(rule["in"], CODED[value][1], f"{where}.in")
    elif rtype in ("metric", "sum_of"):
        if rtype == "sum_of" and (not isinstance(value, list) or len(value) < 2):
            raise _Bad(f"{w} 应为至少两个指标名的列表。")
        for m in [value] if rtype == "metric" else value:
            if not isinstance(m, str) or m not in METRICS:
                raise _Bad(f"{w} 指标“{m}”不存在（可用指标见 {README}）。")
        if "min" not in rule or "in" in rule:
            raise _Bad(f"{where} 是数值规则，应写 \"min\": 数值（\"in\" 只用于代码类指标）。")
    elif rtype in ("any_of", "all_of"):
        if not isinstance(value, list) or not value:
            raise _Bad(f"{w} 应为至少一条规则的列表。")
        for i, sub in enumerate(value):
            _check_rule(sub, f"{w}[{i}]")
    elif rtype == "must_have" and value not in MUST_HAVES:
        raise _Bad(f"{w}“{value}”不是八个必有之一（{', '.join(MUST_HAVES)}）。")
    elif rtype == "rule_categories":
        if not isinstance(value, list) or not value:
            raise _Bad(f"{w} 应为制度类别代码的列表。")
        _codes(value, E.RuleCategory, w)
    elif rtype == "targets" and value != "all":
        raise _Bad(f"{w} 只能是 \"all\"。")


def _codes(codes: list, enum: type[E.Choice], where: str) -> None:
    valid = [c.value for c in enum]
    for code in codes:
        if code not in valid:
            raise _Bad(f"{where} 代码“{code}”无效（可用：{', '.join(valid)}）。")


def _type_field(kind: S.Kind) -> S.Field | None:
    return next((f for f in kind.fields if f.name in ("type", "category", "direction")), None)


def _evidence_spec(spec: Any, where: str) -> dict | None:
    if spec is None:
        return None
    spec = {"kind": spec} if isinstance(spec, str) else spec
    if not isinstance(spec, dict):
        raise _Bad(f"{where}evidence 应为记录类型名或对象。")
    _keys(spec, {"kind", "types", "cumulative"}, f"{where}evidence ")
    kind, types = spec.get("kind"), spec.get("types", [])
    if not isinstance(kind, str) or kind not in EVIDENCE_KINDS:
        raise _Bad(f"{where}evidence 记录类型“{kind}”无效"
                   f"（可用：{', '.join(sorted(EVIDENCE_KINDS))}）。")
    field = _type_field(S.kind(kind)) if kind != "studio" else None
    if types and (field is None or not isinstance(types, list)):
        raise _Bad(f"{where}evidence.types 不适用于记录类型 {kind}。")
    if types:
        _codes(types, field.choices, f"{where}evidence.types")
    cumulative = spec.get("cumulative", kind in DEFAULT_CUMULATIVE)
    if not isinstance(cumulative, bool):
        raise _Bad(f"{where}evidence.cumulative 应为 true 或 false。")
    return {"kind": kind, "types": list(types), "cumulative": cumulative}


# ---- facts and evaluation ------------------------------------------------------------------

FACTS_SQL = {
    "studio": """
        SELECT max(0, :year - CAST(substr(s.founded_on, 1, 4) AS INTEGER)), s.party_org,
               s.party_members, s.has_plaque, s.has_honour_board, s.rules_on_wall,
               (SELECT group_concat(DISTINCT r.level) FROM studio_recognition r
                WHERE r.parent_id = s.id AND r.date <= :end)
        FROM studio s WHERE s.id = :sid""",
    "rule_categories": """
        SELECT DISTINCT category FROM rule WHERE studio_id = :sid AND deleted_at IS NULL
          AND (adopted_on IS NULL OR adopted_on <= :end)""",
    "counts": " UNION ALL ".join(
        f"""SELECT '{k.name}', count(*) FROM "{k.table}" WHERE studio_id = :sid
            AND deleted_at IS NULL AND ("{c}" IS NULL OR "{c}" <= {':end' if d else ':year'})"""
        for k in COUNTED for c, d in [Q.year_filter(k)]),
}


def _params(studio_uid: str, year: int) -> dict:
    return {"sid": stats.studio_id_of(studio_uid), "year": year,
            "start": f"{year:04d}-01-01", "end": f"{year:04d}-12-31"}


def facts(studio_uid: str, year: int) -> dict[str, Any]:
    """stats.studio_year plus the extra facts rules use, in one consistent snapshot."""
    p = _params(studio_uid, year)

    def run(name: str) -> list[tuple]:
        return database.execute_sql(FACTS_SQL[name], p).fetchall()

    with database.atomic():
        f = stats.studio_year(studio_uid, year)
        running, party_org, party_members, plaque, board, on_wall, levels = run("studio")[0]
        f["rule_categories"] = sorted(c for (c,) in run("rule_categories"))
        f.update({f"{k}_count": n for k, n in run("counts")})
    f.update({f"{n}_wan": stats.fen_to_wan(f[f"{n}_fen"])
              for n in ("fund_income", "fund_expense", "fund_balance")})
    f.update({f"activities_{t.value}": f["activities_by_type"].get(t.value, 0)
              for t in E.ActivityType})
    f.update(years_running=running, party_org=party_org or E.PartyOrg.NONE.value,
             party_members=f["members_party"] if party_members is None else party_members,
             has_plaque=int(bool(plaque)), has_honour_board=int(bool(board)),
             rules_on_wall=int(bool(on_wall)), level=highest_level(levels),
             party_activities=f["activities_party"],
             targets_total=len(f["targets"]), targets_met=sum(t["met"] for t in f["targets"]))
    return f


def _num(value: float) -> str:
    return f"{round(value, 4):g}"


def _describe(metric: str, value: float) -> str:
    label, unit = METRICS[metric]
    if not unit:  # a flag
        return f"{label}：{'是' if value else '否'}"
    return f"{label} {_num(value)} {unit}"


def _fraction(value: float, need: float, partial: bool) -> float:
    if value >= need:
        return 1.0
    return value / need if partial and need > 0 else 0.0


def evaluate(rule: dict, f: dict) -> tuple[float, str]:
    """(fraction 0..1, Chinese detail) of one rule over the facts."""
    partial = rule.get("partial", False)
    if rule.get("metric") in CODED:
        (label, enum), value = CODED[rule["metric"]], f[rule["metric"]]
        allowed = "、".join(enum.label(c) for c in rule["in"])
        return (float(value in rule["in"]),
                f"{label}：{enum.label(value) if value else '未登记'}（要求：{allowed}）")
    if "metric" in rule or "sum_of" in rule:
        names = rule.get("sum_of") or [rule["metric"]]
        total = sum(f[m] for m in names)
        shown = " + ".join(_describe(m, f[m]) for m in names)
        if len(names) > 1:
            shown += f"，合计 {_num(total)}"
        return _fraction(total, rule["min"], partial), f"{shown}（要求 ≥ {_num(rule['min'])}）"
    if "any_of" in rule or "all_of" in rule:
        subs = [evaluate(r, f) for r in rule.get("any_of") or rule["all_of"]]
        details = "；".join(d for _, d in subs)
        if "any_of" in rule:
            return max(x for x, _ in subs), details
        mean = sum(x for x, _ in subs) / len(subs)
        return (mean if partial else float(all(x >= 1 for x, _ in subs))), details
    if "must_have" in rule:
        m = next(m for m in f["must_haves"] if m["item"] == rule["must_have"])
        return float(m["met"]), f"{m['label']}：{m['detail']}"
    if "rule_categories" in rule:
        need = rule["rule_categories"]
        have = [c for c in need if c in f["rule_categories"]]
        detail = f"已建立制度类别：{'、'.join(E.RuleCategory.label(c) for c in have) or '无'}"
        if len(have) < len(need):
            detail += "；缺少：" + "、".join(E.RuleCategory.label(c) for c in need
                                           if c not in have)
        return _fraction(len(have), len(need), partial), detail
    targets = f["targets"]  # {"targets": "all"}
    if not targets:
        return 0.0, "本年度没有制定年度目标"

    def show(t: dict, key: str) -> str:
        return _num(stats.fen_to_wan(t[key]) if t["metric"] == "benefit_fen" else t[key])

    unmet = [f"{t['label']}（目标 {show(t, 'target')}，完成 {show(t, 'actual')}）"
             for t in targets if not t["met"]]
    met = len(targets) - len(unmet)
    detail = f"年度目标完成 {met}/{len(targets)} 项"
    return (_fraction(met, len(targets), partial),
            detail + (f"；未完成：{'、'.join(unmet)}" if unmet else ""))


def _must_have_codes(rule: dict) -> list[str]:
    if "must_have" in rule:
        return [rule["must_have"]]
    return [c for sub in rule.get("any_of") or rule.get("all_of") or []
            for c in _must_have_codes(sub)]


_TITLES = {  # evidence titles where the kind's title field is not enough
    "mentorship": "(SELECT m.name FROM member m WHERE m.id = t.master_id) || ' 带徒 ' || "
                  "coalesce(t.apprentice_name, (SELECT m.name FROM member m "
                  "WHERE m.id = t.apprentice_id))",
    "plan": "t.year || ' 年度计划'", "benefit": "substr(t.basis, 1, 40)",
    "fund": "coalesce(t.note, t.date || CASE t.direction WHEN 'income' THEN ' 收入 ' "
            "ELSE ' 支出 ' END || printf('%.2f', t.amount_fen / 100.0) || ' 元')",
    "member": "t.name", "studio": "t.name"}


def _evidence(spec: dict, p: dict) -> list[dict]:
    """Up to MAX_EVIDENCE records of one kind for a criterion: {kind, uid, title}."""
    kind, params = spec["kind"], dict(p)
    k, cond = S.kind(kind), ["t.deleted_at IS NULL"]
    title, order = _TITLES.get(kind, f't."{k.title}"'), "t.id"
    if kind == "studio":
        cond = ["t.id = :sid"]
    elif kind == "member":
        cond += ["t.studio_id = :sid", "(t.joined_on IS NULL OR t.joined_on <= :end)",
                 "(t.left_on IS NULL OR t.left_on > :end)"]
        order = "t.role != 'leader', t.id"
    else:
        col, is_date = Q.year_filter(k)
        bound = ":end" if is_date else ":year"
        cond += ["t.studio_id = :sid",
                 f'(t."{col}" IS NULL OR t."{col}" <= {bound})' if spec["cumulative"] else
                 f't."{col}" BETWEEN :start AND :end' if is_date else f't."{col}" = :year']
        if spec["types"]:
            marks = ", ".join(f":t{i}" for i in range(len(spec["types"])))
            cond.append(f't."{_type_field(k).name}" IN ({marks})')
            params.update({f"t{i}": v for i, v in enumerate(spec["types"])})
        title, order = f'coalesce(CAST({title} AS TEXT), t."{col}")', f't."{col}" DESC, t.id DESC'
    rows = database.execute_sql(
        f'SELECT t.uid, {title} FROM "{k.table}" t WHERE {" AND ".join(cond)} '
        f"ORDER BY {order} LIMIT {MAX_EVIDENCE}", params).fetchall()
    return [{"kind": kind, "uid": uid, "title": str(title or "")} for uid, title in rows]


def assess(studio_uid: str, year: int, template: Template | str | Path) -> dict[str, Any]:
    """Score every criterion of the template for one studio-year; JSON-able."""
    if not isinstance(template, Template):
        template = load_template(template)
    f, p = facts(studio_uid, year), _params(studio_uid, year)
    by_code = {m["item"]: m["evidence"] for m in f["must_haves"]}
    rows = []
    for c in template.criteria:
        fraction, detail = evaluate(c["rule"], f)
        if c["evidence"]:
            evidence = _evidence(c["evidence"], p)
        else:
            cited = {e["uid"]: e for code in _must_have_codes(c["rule"]) for e in by_code[code]}
            evidence = list(cited.values())[:MAX_EVIDENCE]
        status = "met" if fraction >= 1 - 1e-9 else "partly" if fraction > 0 else "missing"
        rows.append({"id": c["id"], "area": c["area"], "item": c["item"], "points": c["points"],
                     "score": round(c["points"] * min(fraction, 1.0), 2), "status": status,
                     "detail": detail, "evidence": evidence})
    out: dict[str, Any] = {
        "template": {"name": template.name, "title": template.title,
                     "description": template.description},
        "studio": f["studio"], "year": year, "criteria": rows,
        "score": round(sum(r["score"] for r in rows), 2), "points": template.total_points,
        **{s: sum(r["status"] == s for r in rows) for s in ("met", "partly", "missing")},
    }
    if template.verdict == "all_met":
        out["eligible"] = all(r["status"] == "met" for r in rows)
    if template.grades:
        out["grade"] = next((g for low, g in template.grades if out["score"] >= low), None)
    return out
