"""Assessment templates (评分模板): the vocabulary a union's criteria are written in, and the
loading and checking of template files. Scoring lives in ledger/assessment.py.

Forms and criteria are data: a template is a JSON file (format and vocabulary in Chinese and
English: resources/templates/README.md)::

    {"name": "union_100", "title": "…考核评分表", "description": "…", "total_points": 100,
     "parameters": {"min_members": 5},                 # optional: see PARAMETERS
     "grades": [{"min": 90, "grade": "三星级"}, …],   # optional: 星级 by total score → "grade"
     "verdict": "all_met",                             # optional: adds "eligible" (all met)
     "criteria": [{"id": "u01", "area": "组织建设", "item": "…", "points": 5,
                   "rule": {…}, "evidence": "activity", "note": "…"}]}

Rules give a fraction 0..1 and score = fraction × points. Without "partial": true a rule gives
all or nothing; with it, proportional credit (value / min, share of categories, of targets…):

- {"metric": M, "min": n [, "partial": true]}     a number (METRICS) is at least n
- {"metric": M, "in": [codes]}                     a coded fact (party_org, level) is one of these
- {"sum_of": [M1, M2, …], "min": n [, "partial"]}  the numbers added up are at least n
- {"any_of": [rule, …]}                            the best of the rules
- {"all_of": [rule, …] [, "partial"]}              every rule (partial: their mean)
- {"must_have": code}                              one of the eight must-haves (MUST_HAVES)
- {"rule_categories": [codes] [, "partial"]}       rules of all these categories in force
- {"targets": "all" [, "partial"]}                 every target of the year's plan met
- {"leader_honour": [{"levels": [codes], "name_has": [words]}, …]}
                                                   the leader at the period's end holds an
                                                   honour of one of these descriptions

A criterion's "note" says what the ledger cannot know about it (shown with the result); keys
starting with "_" are comments. Anything else unknown, a wrong type, an unknown metric or code,
a negative or mismatched point count is refused (LaomoError, in Chinese, naming the file and the
criterion and field).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import kinds
from laomo_desktop.ledger.metrics import TEMPLATE_METRICS
from laomo_desktop.ledger.stats import MIN_MEMBERS
from laomo_desktop.paths import resources_dir
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

# the numbers a "metric"/"sum_of" rule can use, (label, unit) of each (flags, unit "", are 0
# or 1), from the one registry of figures (ledger/metrics.py). "本年度" is the ledger's
# statistics year; "年度末" its last day (ledger/period.py).
METRICS: dict[str, tuple[str, str]] = {k: (m.label, m.unit) for k, m in TEMPLATE_METRICS.items()}
CODED: dict[str, tuple[Both, type[E.Choice]]] = {  # facts compared with "in"
    "party_org": (Both("党组织形式", "Party organisation"), E.PartyOrg),
    "level": (Both("命名级别", "Naming level"), E.Level)}
MUST_HAVES = ("sign", "room", "equipment", "participation", "rules", "funds", "ledger", "results")
RULE_KEYS = {"metric": {"min", "in", "partial"}, "sum_of": {"min", "partial"}, "any_of": set(),
             "all_of": {"partial"}, "must_have": set(), "rule_categories": {"partial"},
             "targets": {"partial"}, "leader_honour": set()}
EVIDENCE_KINDS = {k.name for k in S.KINDS if not kinds.rules(k).is_file
                  and (k.per_studio or kinds.rules(k).owns_records)}
# name: (label, default, lowest, highest) of the integer parameters a template may set
PARAMETERS: dict[str, tuple[Both, int, int, int]] = {
    "min_members": (Both("“职工参与”要求的最少成员人数",
                         "the fewest members “Worker participation” asks for"), MIN_MEMBERS, 1, 1000)}
README = "resources/templates/README.md"

# what the program says about a template file; the criteria themselves are the union's data
NO_FILE = Text("找不到评分模板文件 {path}。", "The assessment template file {path} cannot be found.")
NO_TEMPLATE = Text("找不到评分模板“{name}”。用 laomo templates 查看可用的模板。",
                   "There is no assessment template “{name}”. laomo templates lists the "
                   "templates there are.")
UNREADABLE = Text("评分模板 {name} 无法读取：{why}", "The assessment template {name} cannot be read: {why}")
NOT_UTF8 = Text("评分模板 {name} 不是 UTF-8 编码的文本文件。",
                "The assessment template {name} is not a text file in UTF-8.")
NOT_JSON = Text("评分模板 {name} 不是有效的 JSON（第 {line} 行第 {col} 列：{why}）。",
                "The assessment template {name} is not valid JSON (line {line}, column {col}: "
                "{why}).")
IN_TEMPLATE = Text("评分模板 {name}：{problem}", "Assessment template {name}: {problem}")
AT = Text("{head}{tail}", "{head}{tail}")  # a place in the file: a criterion, then a key path
CRITERION_OF = Text("考核项 {id} 的 ", "criterion {id}: ")
CRITERION = Text("考核项 {id} ", "criterion {id}: ")
UNKNOWN_KEY = Text("{where}有不认识的键“{key}”。", "{where}has the unknown key “{key}”.")
NO_TEXT = Text("{where}{key} 缺失或为空（应为文字）。", "{where}{key} is missing or empty (text expected).")
NOT_OBJECT = Text("文件内容应为一个 JSON 对象 {{…}}。",
                  "The file should hold one JSON object {{…}}.")
NO_CRITERIA = Text("criteria 缺失或为空（应为考核项列表）。",
                   "criteria is missing or empty (a list of criteria expected).")
NO_ID = Text("criteria 第 {i} 项缺少 id（应为对象，且有文字 id）。",
             "Item {i} of criteria has no id (an object with a text id expected).")
SAME_ID = Text("考核项 id“{id}”重复。", "The criterion id “{id}” is used twice.")
BAD_POINTS = Text("{where}points 应为不小于 0 的数（现为 {value}）。",
                  "{where}points should be a number not below 0 (it is {value}).")
NO_RULE = Text("{where}rule 缺失或不是对象。", "{where}rule is missing or not an object.")
NOTE_NOT_TEXT = Text("{where}note 应为文字。", "{where}note should be text.")
BAD_TOTAL = Text("total_points 应为不小于 0 的数。", "total_points should be a number not below 0.")
TOTAL_DIFFERS = Text("各考核项 points 合计 {total}，与 total_points {given} 不一致。",
                     "The criteria's points add up to {total}, not to total_points {given}.")
BAD_VERDICT = Text("verdict 只能是 \"all_met\"（各项全部达标才合格）。",
                   "verdict can only be \"all_met\" (eligible only when every criterion is met).")
BAD_GRADES = Text("grades 应为 [{{\"min\": 分数, \"grade\": \"等级\"}}, …]。",
                  "grades should be [{{\"min\": score, \"grade\": \"grade\"}}, …].")
BAD_DESCRIPTION = Text("description 应为文字。", "description should be text.")
PARAMETERS_NOT_OBJECT = Text("parameters 应为对象，如 {{\"min_members\": 3}}。",
                             "parameters should be an object, such as {{\"min_members\": 3}}.")
BAD_PARAMETER = Text("parameters.{key} 应为 {lo} 到 {hi} 之间的整数（{label}），现为 {value}。",
                     "parameters.{key} should be a whole number from {lo} to {hi} ({label}); "
                     "it is {value}.")
RULE_NOT_OBJECT = Text("{where} 应为一个对象。", "{where} should be an object.")
ONE_RULE = Text("{where} 应有且只有一种规则（{kinds}），现为“{given}”。",
                "{where} should hold exactly one kind of rule ({kinds}); it holds “{given}”.")
NOTHING = Both("空", "nothing")
BAD_PARTIAL = Text("{where}.partial 应为 true 或 false。", "{where}.partial should be true or false.")
BAD_MIN = Text("{where}.min 应为不小于 0 的数。", "{where}.min should be a number not below 0.")
NOT_TEXT = Text("{where} 应为文字（现为 {value}）。", "{where} should be text (it is {value}).")
CODED_RULE = Text("{where}：{metric} 是代码类指标，应写 \"in\": [代码, …]。",
                  "{where}: {metric} is a coded fact; write \"in\": [codes, …].")
TWO_METRICS = Text("{where} 应为至少两个指标名的列表。",
                   "{where} should be a list of at least two metric names.")
NO_METRIC = Text("{where} 指标“{metric}”不存在（可用指标见 {readme}）。",
                 "{where}: there is no metric “{metric}” (the metrics are listed in {readme}).")
NUMBER_RULE = Text("{where} 是数值规则，应写 \"min\": 数值（\"in\" 只用于代码类指标）。",
                   "{where} is a numeric rule; write \"min\": number (\"in\" is only for "
                   "coded facts).")
NO_RULES = Text("{where} 应为至少一条规则的列表。", "{where} should be a list of at least one rule.")
NOT_MUST_HAVE = Text("{where}“{value}”不是八个必有之一（{codes}）。",
                     "{where}: “{value}” is not one of the eight must-haves ({codes}).")
NO_CATEGORIES = Text("{where} 应为制度类别代码的列表。",
                     "{where} should be a list of rule category codes.")
ONLY_ALL = Text("{where} 只能是 \"all\"。", "{where} can only be \"all\".")
NO_HONOURS = Text("{where} 应为荣誉要求的列表，如 [{{\"levels\": [\"provincial\", \"national\"], "
                  "\"name_has\": [\"劳动模范\"]}}]。",
                  "{where} should be a list of honour descriptions, such as "
                  "[{{\"levels\": [\"provincial\", \"national\"], \"name_has\": [\"model worker\"]}}].")
HONOUR_NOT_OBJECT = Text("{where} 应为对象（levels、name_has）。",
                         "{where} should be an object (levels, name_has).")
NO_LEVELS = Text("{where}.levels 应为荣誉级别代码的列表。",
                 "{where}.levels should be a list of honour level codes.")
BAD_WORDS = Text("{where}.name_has 应为非空文字的列表（荣誉名称含其中之一即可）。",
                 "{where}.name_has should be a list of texts that are not empty (an honour "
                 "whose name holds one of them fits).")
BAD_CODE = Text("{where} 代码“{code}”无效（可用：{valid}）。",
                "{where}: the code “{code}” is not valid (valid: {valid}).")
EVIDENCE_NOT_KIND = Text("{where}evidence 应为记录类型名或对象。",
                         "{where}evidence should be the name of a record kind or an object.")
BAD_EVIDENCE_KIND = Text("{where}evidence 记录类型“{kind}”无效（可用：{valid}）。",
                         "{where}evidence: the record kind “{kind}” is not valid (valid: {valid}).")
TYPES_NOT_FOR = Text("{where}evidence.types 不适用于记录类型 {kind}。",
                     "{where}evidence.types does not apply to the record kind {kind}.")
BAD_CUMULATIVE = Text("{where}evidence.cumulative 应为 true 或 false。",
                      "{where}evidence.cumulative should be true or false.")


def _at(head: Any, tail: str) -> Any:
    """A place in the file: a criterion (worded) followed by a key path."""
    return AT(head=head, tail=tail) if head != "" else tail


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    total_points: float
    criteria: tuple[dict, ...]  # id, area, item, points, rule, evidence (spec or None), note
    path: Path
    verdict: str | None = None
    grades: tuple[tuple[float, str], ...] = ()  # (min score, grade), highest first
    parameters: dict = field(default_factory=lambda: {k: v[1] for k, v in PARAMETERS.items()})
    must_haves: str = ""  # a must-have set's short name (八个必有, 六有…); "" for other templates


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
                   "source": source, "path": str(path), "must_have_set": ""}
            try:
                t = _load_file(path)
                row.update(name=t.name, title=t.title, criteria=len(t.criteria),
                           total_points=t.total_points, must_have_set=t.must_haves)
            except LaomoError as exc:
                row["error"] = exc.message
            found[row["name"]] = row
    return list(found.values())


def load_template(name_or_path: str | Path, extra: Path | None = None) -> Template:
    """A template by file path, or by name (its "name" or file name) among list_templates."""
    text = str(name_or_path)
    if Path(text).is_file() or text.lower().endswith(".json") or "/" in text or "\\" in text:
        if not Path(text).is_file():
            raise LaomoError(NO_FILE(path=text))
        return _load_file(Path(text))
    for entry in list_templates(extra):
        if text in (entry["name"], Path(entry["path"]).stem):
            return _load_file(Path(entry["path"]))
    raise LaomoError(NO_TEMPLATE(name=text))


class _Bad(LaomoError):
    """A problem inside a template; _load_file adds the file name."""


def _load_file(path: Path) -> Template:
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise LaomoError(TOO_LARGE(name=path.name, most=MAX_TEMPLATE_BYTES // 1024))
        data = json.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise LaomoError(UNREADABLE(name=path.name, why=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise LaomoError(NOT_UTF8(name=path.name)) from exc
    except json.JSONDecodeError as exc:
        raise LaomoError(NOT_JSON(name=path.name, line=exc.lineno, col=exc.colno,
                                  why=exc.msg)) from exc
    except (RecursionError, ValueError) as exc:  # nested too deep, a number too long
        raise LaomoError(TOO_DEEP(name=path.name)) from exc
    try:
        return _parse(data, path)
    except _Bad as exc:
        raise LaomoError(IN_TEMPLATE(name=path.name, problem=exc.said)) from None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _keys(obj: dict, allowed: set[str], where: Any) -> None:
    for key in obj:
        if key not in allowed and not key.startswith("_"):
            raise _Bad(UNKNOWN_KEY(where=where, key=key))


def _text(obj: dict, key: str, where: Any) -> str:
    if not isinstance(obj.get(key), str) or not obj[key].strip():
        raise _Bad(NO_TEXT(where=where, key=key))
    return obj[key].strip()


def _parse(data: Any, path: Path) -> Template:
    if not isinstance(data, dict):
        raise _Bad(NOT_OBJECT)
    _keys(data, {"name", "title", "description", "total_points", "criteria", "verdict",
                 "grades", "parameters", MUST_HAVE_SET_KEY}, "")
    name, title = _text(data, "name", ""), _text(data, "title", "")
    parameters = _parameters(data.get("parameters", {}))
    if not isinstance(data.get("criteria"), list) or not data["criteria"]:
        raise _Bad(NO_CRITERIA)
    criteria: list[dict] = []
    for i, c in enumerate(data["criteria"], 1):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str) or not c["id"].strip():
            raise _Bad(NO_ID(i=i))
        cid, where = c["id"], CRITERION_OF(id=c["id"])
        if any(x["id"] == cid for x in criteria):
            raise _Bad(SAME_ID(id=cid))
        _keys(c, {"id", "area", "item", "points", "rule", "evidence", "note"}, CRITERION(id=cid))
        if not _number(c.get("points")) or c["points"] < 0:
            raise _Bad(BAD_POINTS(where=where, value=json.dumps(c.get("points"))))
        if not isinstance(c.get("rule"), dict):
            raise _Bad(NO_RULE(where=where))
        _check_rule(c["rule"], _at(where, "rule"))
        if "note" in c and not isinstance(c["note"], str):
            raise _Bad(NOTE_NOT_TEXT(where=where))
        criteria.append({"id": cid, "area": _text(c, "area", where),
                         "item": _text(c, "item", where), "points": c["points"],
                         "rule": c["rule"], "evidence": _evidence_spec(c.get("evidence"), where),
                         "note": (c.get("note") or "").strip()})
    total = sum(c["points"] for c in criteria)
    given = data.get("total_points", total)
    if not _number(given) or given < 0:
        raise _Bad(BAD_TOTAL)
    if abs(given - total) > 1e-6:
        raise _Bad(TOTAL_DIFFERS(total=f"{total:g}", given=f"{given:g}"))
    if data.get("verdict") not in (None, "all_met"):
        raise _Bad(BAD_VERDICT)
    grades = data.get("grades", [])
    if not isinstance(grades, list) or not all(
            isinstance(g, dict) and set(g) == {"min", "grade"} and _number(g["min"])
            and isinstance(g["grade"], str) for g in grades):
        raise _Bad(BAD_GRADES)
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise _Bad(BAD_DESCRIPTION)
    return Template(name, title, description, total, tuple(criteria), path,
                    data.get("verdict"), tuple(sorted(((g["min"], g["grade"]) for g in grades),
                                                      reverse=True)), parameters,
                    _must_have_set(data))


def _parameters(given: Any) -> dict:
    """The template's parameters over the defaults; each a whole number within its range."""
    if not isinstance(given, dict):
        raise _Bad(PARAMETERS_NOT_OBJECT)
    _keys(given, set(PARAMETERS), "parameters ")
    out = {k: v[1] for k, v in PARAMETERS.items()}
    for key, value in given.items():
        if key.startswith("_"):
            continue
        label, _, lo, hi = PARAMETERS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise _Bad(BAD_PARAMETER(key=key, lo=lo, hi=hi, label=label,
                                     value=json.dumps(value, ensure_ascii=False)))
        out[key] = value
    return out


def _check_rule(rule: Any, where: Any) -> None:
    if not isinstance(rule, dict):
        raise _Bad(RULE_NOT_OBJECT(where=where))
    types = [k for k in rule if k in RULE_KEYS]
    if len(types) != 1:
        raise _Bad(ONE_RULE(where=where, kinds=" / ".join(RULE_KEYS),
                            given=list(rule) or NOTHING))
    rtype = types[0]
    _keys(rule, {rtype} | RULE_KEYS[rtype], _at(where, " "))
    value, w = rule[rtype], _at(where, f".{rtype}")
    if "partial" in rule and not isinstance(rule["partial"], bool):
        raise _Bad(BAD_PARTIAL(where=where))
    if "min" in rule and (not _number(rule["min"]) or rule["min"] < 0):
        raise _Bad(BAD_MIN(where=where))
    if rtype in ("metric", "must_have") and not isinstance(value, str):
        raise _Bad(NOT_TEXT(where=w, value=json.dumps(value, ensure_ascii=False)))
    if rtype == "metric" and value in CODED:
        if not isinstance(rule.get("in"), list) or not rule["in"] or set(rule) & {"min",
                                                                                  "partial"}:
            raise _Bad(CODED_RULE(where=where, metric=value))
        _codes(rule["in"], CODED[value][1], _at(where, ".in"))
    elif rtype in ("metric", "sum_of"):
        if rtype == "sum_of" and (not isinstance(value, list) or len(value) < 2):
            raise _Bad(TWO_METRICS(where=w))
        for m in [value] if rtype == "metric" else value:
            if not isinstance(m, str) or m not in METRICS:
                raise _Bad(NO_METRIC(where=w, metric=m, readme=README))
        if "min" not in rule or "in" in rule:
            raise _Bad(NUMBER_RULE(where=where))
    elif rtype in ("any_of", "all_of"):
        if not isinstance(value, list) or not value:
            raise _Bad(NO_RULES(where=w))
        for i, sub in enumerate(value):
            _check_rule(sub, _at(w, f"[{i}]"))
    elif rtype == "must_have" and value not in MUST_HAVES:
        raise _Bad(NOT_MUST_HAVE(where=w, value=value, codes=", ".join(MUST_HAVES)))
    elif rtype == "rule_categories":
        if not isinstance(value, list) or not value:
            raise _Bad(NO_CATEGORIES(where=w))
        _codes(value, E.RuleCategory, w)
    elif rtype == "targets" and value != "all":
        raise _Bad(ONLY_ALL(where=w))
    elif rtype == "leader_honour":
        _check_honours(value, w)


def _check_honours(value: Any, w: Any) -> None:
    """leader_honour: a list of honour descriptions, {"levels": [codes], "name_has": [words]}."""
    if not isinstance(value, list) or not value:
        raise _Bad(NO_HONOURS(where=w))
    for i, alt in enumerate(value):
        where = _at(w, f"[{i}]")
        if not isinstance(alt, dict):
            raise _Bad(HONOUR_NOT_OBJECT(where=where))
        _keys(alt, {"levels", "name_has"}, _at(where, " "))
        if not isinstance(alt.get("levels"), list) or not alt["levels"]:
            raise _Bad(NO_LEVELS(where=where))
        _codes(alt["levels"], E.Level, _at(where, ".levels"))
        words = alt.get("name_has", [])
        if "name_has" in alt and (not isinstance(words, list) or not words or not all(
                isinstance(x, str) and x.strip() for x in words)):
            raise _Bad(BAD_WORDS(where=where))


def _codes(codes: list, enum: type[E.Choice], where: Any) -> None:
    valid = [c.value for c in enum]
    for code in codes:
        if code not in valid:
            raise _Bad(BAD_CODE(where=where, code=code, valid=", ".join(valid)))


def type_field(kind: S.Kind) -> S.Field | None:
    """The field an evidence spec's "types" filters on (activity type, rule category…)."""
    return next((f for f in kind.fields if f.name in ("type", "category", "direction")), None)


def _evidence_spec(spec: Any, where: Any) -> dict | None:
    if spec is None:
        return None
    spec = {"kind": spec} if isinstance(spec, str) else spec
    if not isinstance(spec, dict):
        raise _Bad(EVIDENCE_NOT_KIND(where=where))
    _keys(spec, {"kind", "types", "cumulative"}, _at(where, "evidence "))
    kind, types = spec.get("kind"), spec.get("types", [])
    if not isinstance(kind, str) or kind not in EVIDENCE_KINDS:
        raise _Bad(BAD_EVIDENCE_KIND(where=where, kind=kind,
                                     valid=", ".join(sorted(EVIDENCE_KINDS))))
    tfield = None if kinds.rules(kind).owns_records else type_field(S.kind(kind))
    if types and (tfield is None or not isinstance(types, list)):
        raise _Bad(TYPES_NOT_FOR(where=where, kind=kind))
    if types:
        _codes(types, tfield.choices, _at(where, "evidence.types"))
    cumulative = spec.get("cumulative", False)
    if not isinstance(cumulative, bool):
        raise _Bad(BAD_CUMULATIVE(where=where))
    return {"kind": kind, "types": list(types), "cumulative": cumulative}


# -- issue 16 §4: must-have sets (八个必有, 六有, 七个有) are templates too ------------------------
# A template with "must_haves": "<short name>" is a must-have set: each criterion is one item,
# its "area" the item's name ("有标志"), its rule and parameters the item's thresholds
# (ledger/musthaves.py). The checks below keep a hostile file from reaching a screen.
MUST_HAVE_SET_KEY = "must_haves"
MAX_TEMPLATE_BYTES = 1024 * 1024
TOO_LARGE = Text("评分模板 {name} 太大（超过 {most} KB），不像是评分模板。",
                 "The assessment template {name} is too large (over {most} KB) to be one.")
TOO_DEEP = Text("评分模板 {name} 无法读取：嵌套层数过多或数字过长。",
                "The assessment template {name} cannot be read: it is nested too deeply or "
                "holds a number too long.")
BAD_SET_NAME = Text("must_haves 应为必有项标准的简称（如“八个必有”“六有”），不超过 {most} 个字。",
                    "must_haves should be the must-have set's short name (such as “Eight "
                    "must-haves”), at most {most} characters.")
MAX_SET_NAME = 12


def _must_have_set(data: dict) -> str:
    value = data.get(MUST_HAVE_SET_KEY, "")
    if MUST_HAVE_SET_KEY in data and (not isinstance(value, str) or not value.strip()
                                      or len(value.strip()) > MAX_SET_NAME):
        raise _Bad(BAD_SET_NAME(most=MAX_SET_NAME))
    return value.strip()
