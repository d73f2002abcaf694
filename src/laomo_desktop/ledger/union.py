"""The union office's summary (汇总表) of one year over every live studio, and its targets.

Every per-studio figure is one SQL aggregate GROUPED BY studio (a handful of statements for all
studios at once) and equals what stats.studio_year gives for the same studio and year.
Targets are per-union settings kept in a JSON file (union_targets.json in the data directory).
"""

from __future__ import annotations

import json
import math
import os
import uuid
from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import alliances, asof, grants, registers
from laomo_desktop.ledger import meanings as M
from laomo_desktop.ledger.asof import highest_level
from laomo_desktop.ledger.meanings import IN_YEAR, LIVE
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.ledger.stats import (
    ACTIVITY,
    BENEFIT,
    FUND,
    MENTORSHIP,
    PROJECT,
    RESULT,
    STUDIO,
    fen_to_wan,
)
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database, figures_index
from laomo_desktop.texts import Both, Text

YEARS_KEY = "years"  # the file's targets of each year, by year; the keys outside it: any year
DEFAULT_TARGETS: dict[str, Any] = {"party_coverage_min_level": "city",
                                   "training_person_times": 2000,
                                   "technical_innovations": 500, "patents": 50,
                                   "party_coverage_percent": 100, "results_total": None,
                                   "studios_by_level": {}, "studios_by_unit": {}}
TARGET_LABELS = {
    "party_coverage_min_level": Both("党组织覆盖的最低工作室级别",
                                     "the lowest studio level party coverage counts"),
    "training_person_times": Both("培训人次", "training person-times"),
    "technical_innovations": Both("技术创新成果", "technical innovations"),
    "patents": Both("专利", "patents"),
    "party_coverage_percent": Both("党组织覆盖率（%）", "party organisation coverage (%)"),
    "results_total": Both("创新成果总数", "innovation results in all"),
    "studios_by_level": Both("各级别工作室数", "studios by level"),
    "studios_by_unit": Both("各单位工作室数", "studios by unit")}

# what a refused targets file is told
NOT_COUNT = Text("汇总表目标设置“{key}”（{label}）必须是不小于 0 的整数，现在是“{value}”。",
                 "The summary target “{key}” ({label}) must be a whole number not below 0; "
                 "it is “{value}”.")
NOT_OBJECT = Text("汇总表目标设置必须是一组“名称: 数值”（JSON 对象）。",
                  "The summary targets must be a set of “name: value” (a JSON object).")
UNKNOWN_TARGET = Text("汇总表目标设置中有未知的项目“{key}”（可用的项目：{known}）。",
                      "The summary targets hold an unknown item “{key}” (the items are: {known}).")
CODE_AND_NAME = Text("{code}（{name}）", "{code} ({name})")
NOT_LEVEL = Text("汇总表目标设置“{key}”（{label}）的值“{value}”不是已知的级别，应为 {codes} 之一。",
                 "The value “{value}” of the summary target “{key}” ({label}) is not a known "
                 "level; it should be one of {codes}.")
NOT_PERCENT = Text("汇总表目标设置“{key}”（{label}）必须是 0 到 100 之间的数，现在是“{value}”。",
                   "The summary target “{key}” ({label}) must be a number from 0 to 100; it is "
                   "“{value}”.")
NOT_COUNTS = Text("汇总表目标设置“{key}”（{label}）必须是一组“名称: 个数”。",
                  "The summary target “{key}” ({label}) must be a set of “name: number”.")
UNKNOWN_LEVEL = Text("汇总表目标设置“{key}”（{label}）中的“{name}”不是已知的级别，应为 {codes} 之一。",
                     "“{name}” in the summary target “{key}” ({label}) is not a known level; "
                     "it should be one of {codes}.")
EMPTY_UNIT = Text("汇总表目标设置“{key}”（{label}）中有一个空的单位名称。",
                  "The summary target “{key}” ({label}) holds an empty unit name.")
UNREADABLE = Text("无法读取汇总表目标设置文件“{path}”：{why}",
                  "Cannot read the summary targets file “{path}”: {why}")
NOT_YEARS = Text("汇总表目标设置“{key}”必须是一组“年度: 目标”。",
                 "The summary target “{key}” must be a set of “year: targets”.")
YEAR_NOT_OBJECT = Text("汇总表目标设置中 {year} 年度的目标必须是一组“名称: 数值”。",
                       "The summary targets of {year} must be a set of “name: value”.")

# the union summary's own wording of its figures: the summary is a document, so its data holds
# the Chinese (the window words the same goals in English itself, ui/pages/unioncards.py)
UNNAMED = Both("未命名", "not named")
OR_ABOVE = Text("{level}及以上", "{level} or above")
GOAL_STUDIOS = Text("{what}工作室（个）", "{what} studios")
GOAL_PARTY = Text("{scope}工作室建立党组织或党员先锋岗（个）",
                  "{scope} studios with a party organisation or party member post")
GOAL_PARTY_PERCENT = Text("{scope}工作室建立党组织或党员先锋岗（个，覆盖率目标 {percent}%）",
                          "{scope} studios with a party organisation or party member post "
                          "(coverage target {percent}%)")
GOAL_TRAINING = Both("培训人次", "Training person-times")
GOAL_TECHNICAL = Both("技术创新和攻关成果（项）", "Technical innovations")
GOAL_PATENTS = Both("专利（件）", "Patents")
GOAL_RESULTS = Both("创新成果（项）", "Innovation results")
COUNTS = ("training_person_times", "technical_innovations", "patents")

RECOGNITION = M.child_table("studio", "recognitions")
_TECHNICAL = ", ".join(f"'{t.value}'" for t in E.TECHNICAL_RESULT_TYPES)

QUERIES: dict[str, str] = {
    # each studio as it stood at the period's end (ledger/asof.py); one founded later is left out
    "studios": f"""
        SELECT s.id, s.uid, s.name, {asof.party_org_sql("s")}, {M.leader_sql("s")},
               {asof.level_sql("s")}, s.host_unit
        FROM {STUDIO} s WHERE s.{LIVE} AND {asof.founded_sql("s")} ORDER BY s.name, s.id""",
    "training": f"""
        SELECT a.studio_id, count(*), total({M.person_times_sql("a")})
        FROM {ACTIVITY} a INDEXED BY {figures_index("activity")}
        WHERE a.type = 'training' AND a.{LIVE} AND a.date {IN_YEAR}
        GROUP BY a.studio_id""",
    "projects": f"""
        SELECT studio_id, count(*) FROM {PROJECT}
        WHERE {LIVE} AND start_date {IN_YEAR} AND (end_date IS NULL OR end_date >= :start)
        GROUP BY studio_id""",
    # the activity types the union's year added (issue 16 §3), by the index of the year's rows
    "activity_types": f"""
        SELECT a.studio_id, total(a.type = '{E.ActivityType.FIRM_SERVICE.value}'),
               total(a.type = '{E.ActivityType.ACADEMY_TEACHING.value}')
        FROM {ACTIVITY} a INDEXED BY {figures_index("activity")}
        WHERE a.type IN ('{E.ActivityType.FIRM_SERVICE.value}',
                         '{E.ActivityType.ACADEMY_TEACHING.value}')
          AND a.{LIVE} AND a.date {IN_YEAR} GROUP BY a.studio_id""",
    "projects_open_call": f"""
        SELECT studio_id, count(*) FROM {PROJECT} t
        WHERE {LIVE} AND source = '{E.ProjectSource.OPEN_CALL.value}'
          AND {asof.during_sql("project")} GROUP BY studio_id""",
    "results": f"""
        SELECT studio_id, count(*), total(type IN ({_TECHNICAL})), total(type = 'patent')
        FROM {RESULT} INDEXED BY {figures_index("result")} WHERE {LIVE} AND date {IN_YEAR}
        GROUP BY studio_id""",
    "mentoring": f"""
        SELECT studio_id, count(*) FROM {MENTORSHIP}
        WHERE {LIVE} AND agreement_date {IN_YEAR}
          AND (graduated_on IS NULL OR graduated_on >= :start)
        GROUP BY studio_id""",
    "benefit": f"""
        SELECT studio_id, total(amount_fen) FROM {BENEFIT} WHERE {LIVE} AND year = :year
        GROUP BY studio_id""",
    "funds": f"""
        SELECT studio_id, total(CASE WHEN direction = 'income' THEN amount_fen END),
               total(CASE WHEN direction IS NOT 'income' THEN amount_fen END)
        FROM {FUND} INDEXED BY {figures_index("fund")} WHERE {LIVE} AND date {IN_YEAR}
        GROUP BY studio_id""",
}

# ---- grants (补助资金) ----
QUERIES["grants_received"] = grants.received_sql(None)
QUERIES["grants_spent"] = grants.spent_sql(None)

# Every naming of a live studio that was due for review in the period (its next review date in
# it, the naming still valid that day) or whose plaque was removed or name revoked in it: one
# statement for all studios. A naming removed after its review in the same year is in both.
_ENDING = ", ".join(f"'{st.value}'" for st in sorted(E.ENDING_STATUSES))
NAMINGS = f"""
    SELECT uid, name, level, date, doc_no, status, status_on, next_review, due, gone FROM (
        SELECT s.uid, s.name, r.level, r.date, r.doc_no, r.status, r.status_on, r.next_review,
               r.next_review {IN_YEAR} AND {asof.naming_valid_sql("r", "r.next_review")} AS due,
               coalesce(r.status, '') IN ({_ENDING})
                 AND coalesce(r.status_on, r.date) {IN_YEAR} AS gone
        FROM {RECOGNITION} r JOIN {STUDIO} s ON s.id = r.parent_id
        WHERE s.{LIVE})
    WHERE due OR gone ORDER BY name, date"""

# query name → the row keys its columns (after studio_id) fill; the keys are studio_year's
FIGURES: dict[str, tuple[str, ...]] = {
    "training": ("training_sessions", "training_person_times"),
    "projects": ("projects_started",),
    "projects_open_call": ("projects_open_call",),
    "activity_types": ("activities_firm_service", "activities_academy_teaching"),
    "results": ("results_total", "results_technical", "patents_total"),
    "mentoring": ("mentoring_new",),
    "benefit": ("benefit_fen",),
    "funds": ("fund_income_fen", "fund_expense_fen"),
}
NUMBERS = ("projects_started", "projects_open_call", "activities_firm_service",
           "activities_academy_teaching", "results_total", "results_technical", "patents_total",
           "training_sessions", "training_person_times", "mentoring_new", "benefit_fen",
           "fund_income_fen", "fund_expense_fen")

# the registers unions count (issue 16 §3): columns a summary may show beside the others
QUERIES.update(registers.UNION_QUERIES)
FIGURES.update(registers.UNION_FIGURES)
NUMBERS += registers.UNION_NUMBERS
# ---- grants (补助资金) ----
FIGURES["grants_received"] = ("grants_received_fen",)
FIGURES["grants_spent"] = ("grants_spent_fen",)
NUMBERS += ("grants_received_fen", "grants_spent_fen")
# ---- alliances (联盟) ----
QUERIES.update(alliances.UNION_QUERIES)
FIGURES.update(alliances.UNION_FIGURES)
NUMBERS += alliances.UNION_NUMBERS


# ---- targets (settings) -----------------------------------------------------------------------

def _count(key: str, value: Any, label: Both, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise LaomoError(NOT_COUNT(key=key, label=label, value=value))


def validate_targets(raw: Any) -> dict[str, Any]:
    """The defaults with `raw` merged over them; a LaomoError names the first bad key."""
    if not isinstance(raw, dict):
        raise LaomoError(NOT_OBJECT)
    out = dict(DEFAULT_TARGETS)
    for key, value in raw.items():
        if key not in DEFAULT_TARGETS:
            raise LaomoError(UNKNOWN_TARGET(key=key, known=list(DEFAULT_TARGETS)))
        label = TARGET_LABELS[key]
        if key == "party_coverage_min_level":
            if value not in {lv.value for lv in E.Level}:
                codes = [CODE_AND_NAME(code=lv.value, name=lv) for lv in E.Level]
                raise LaomoError(NOT_LEVEL(key=key, label=label, value=value, codes=codes))
        elif key == "party_coverage_percent":
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not 0 <= value <= 100:
                raise LaomoError(NOT_PERCENT(key=key, label=label, value=value))
        elif key in ("studios_by_level", "studios_by_unit"):
            if not isinstance(value, dict):
                raise LaomoError(NOT_COUNTS(key=key, label=label))
            levels = {lv.value for lv in E.Level}
            for name, n in value.items():
                if key == "studios_by_level" and name not in levels:
                    raise LaomoError(UNKNOWN_LEVEL(key=key, label=label, name=name,
                                                   codes=sorted(levels)))
                if key == "studios_by_unit" and not (isinstance(name, str) and name.strip()):
                    raise LaomoError(EMPTY_UNIT(key=key, label=label))
                _count(f"{key}.{name}", n, label)
            value = dict(value)
        else:
            _count(key, value, label, optional=key == "results_total")
        out[key] = value
    return out


def targets_path(data_dir: Path) -> Path:
    """Where a ledger keeps its union targets: <data dir>/union_targets.json."""
    return LedgerPaths(data_dir).union_targets


def read_targets_file(path: Path | None) -> dict[str, Any]:
    """The file's JSON object as it is ({} when there is none); a LaomoError when unreadable."""
    if path is None or not Path(path).exists():
        return {}
    try:
        raw = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LaomoError(UNREADABLE(path=path, why=exc)) from exc
    if not isinstance(raw, dict):
        raise LaomoError(NOT_OBJECT)
    return raw


def targets_of(raw: dict[str, Any], year: int | None = None) -> dict[str, Any]:
    """The targets of `year` from a file's object: the year's own over the ones for any year
    over the defaults (no year: the ones for any year)."""
    base = {k: v for k, v in raw.items() if k != YEARS_KEY}
    years = raw.get(YEARS_KEY, {})
    if not isinstance(years, dict):
        raise LaomoError(NOT_YEARS(key=YEARS_KEY))
    own = years.get(str(year), {}) if year is not None else {}
    if not isinstance(own, dict):
        raise LaomoError(YEAR_NOT_OBJECT(year=year))
    return validate_targets({**base, **own})


def targets_set(path: Path | None, year: int) -> dict[str, Any]:
    """Only the targets the office set itself for `year` (its file's targets for any year, the
    year's own over them), checked, without the defaults: what it forwards to the office above,
    which must not read a default as the office's own target."""
    raw = read_targets_file(path)
    merged = targets_of(raw, year)  # checked as a whole first
    own = raw.get(YEARS_KEY, {}).get(str(year), {})
    return {k: merged[k] for k in (*raw, *own) if k != YEARS_KEY}


def load_targets(path: Path | None, year: int | None = None) -> dict[str, Any]:
    """Targets (of `year` when given) from a JSON file merged over DEFAULT_TARGETS; the
    defaults when there is none."""
    return targets_of(read_targets_file(path), year)


def write_targets_file(path: Path, raw: dict[str, Any]) -> None:
    """Write the whole file atomically (a temporary file, then replace): a failure leaves the
    old file as it was."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        with tmp.open("x", encoding="utf-8") as f:
            json.dump(raw, f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_targets(path: Path, targets: dict[str, Any]) -> dict[str, Any]:
    """Validate and write the targets for any year (atomically, keeping each year's own);
    returns what was written."""
    good = validate_targets(targets)
    raw = read_targets_file(path)
    write_targets_file(path, {**good, **({YEARS_KEY: raw[YEARS_KEY]} if YEARS_KEY in raw
                                         else {})})
    return good


# ---- the studios imported from their packages ------------------------------------------------

def studio_count() -> int:
    """How many studios the ledger holds (not those in the recycle bin)."""
    return database.execute_sql("SELECT count(*) FROM studio WHERE deleted_at IS NULL"
                                ).fetchone()[0]


def imported_studios() -> dict[str, tuple[str, int]]:
    """uid → (created_at of the last package imported, its sequence number): what the union
    page shows beside each studio that sends its data as packages."""
    rows = database.execute_sql(
        "SELECT s.uid, i.last_package_at, i.last_sequence FROM imported_studio i "
        "JOIN studio s ON s.id = i.studio_id").fetchall()
    return {uid: (at, seq) for uid, at, seq in rows}


# ---- the summary ------------------------------------------------------------------------------

def _progress(actual: int, target: int) -> float:
    """actual / target, not capped (a city total can be many times its target)."""
    return 1.0 if target == 0 else round(actual / target, 4)


def _goal(key: str, label: str, target: int, actual: int) -> dict:
    return {"key": key, "label": label, "target": target, "actual": actual,
            "met": actual >= target, "progress": _progress(actual, target)}


def _rows(p: dict) -> list[dict]:
    rows, by_id = [], {}
    for sid, uid, name, party, leader, levels, unit in database.execute_sql(QUERIES["studios"],
                                                                              p):
        level = highest_level(levels)
        row = {"uid": uid, "name": name, "leader": leader, "level": level,
               "host_unit": (unit or "").strip(),
               "level_label": E.Level.label(level) if level else UNNAMED.zh,
               "party_org": party or E.PartyOrg.NONE.value,
               "party_org_label": E.PartyOrg.label(party or E.PartyOrg.NONE),
               **dict.fromkeys(NUMBERS, 0)}
        rows.append(row)
        by_id[sid] = row
    for query, keys in FIGURES.items():
        for sid, *values in database.execute_sql(QUERIES[query], p):
            row = by_id.get(sid)  # None: a studio in the recycle bin
            if row is not None:
                row.update({k: int(v or 0) for k, v in zip(keys, values, strict=True)})
    _categories(by_id)
    rows.sort(key=lambda r: E.LEVEL_RANK[E.Level(r["level"])] if r["level"] else len(E.Level))
    for row in rows:  # highest level first, by name within a level
        row["benefit_wan"] = fen_to_wan(row["benefit_fen"])
    return rows


def _namings(per: Period) -> tuple[list[dict], list[dict]]:
    """(namings due for review in the period, namings withdrawn in it), each by date."""
    due, gone = [], []
    for uid, name, level, named, doc_no, status, status_on, review, is_due, is_gone in \
            database.execute_sql(NAMINGS, per.params()):
        status = asof.status_then({"status": status, "status_on": status_on}, per)
        row = {"uid": uid, "name": name, "level": level, "level_label": E.Level.label(level),
               "naming_date": named, "doc_no": doc_no, "status": status,
               "status_label": E.RecognitionStatus.label(status)}
        if is_due:
            due.append({**row, "date": review})
        if is_gone:
            gone.append({**row, "date": status_on or named})
    return (sorted(due, key=lambda r: r["date"]), sorted(gone, key=lambda r: r["date"]))


def _studio_goals(targets: dict, rows: list[dict], by_level: list[dict]) -> list[dict]:
    """The numbers of studios the union set by level and by host unit (its sub-units), against
    the studios named at that level, or hosted by that unit, at the period's end."""
    counts = {lv["level"]: lv["count"] for lv in by_level}
    goals = [_goal(f"studios:{lv.value}", GOAL_STUDIOS(what=lv).render("zh"),
                   targets["studios_by_level"][lv.value], counts[lv.value])
             for lv in E.Level if lv.value in targets["studios_by_level"]]
    for unit, target in sorted(targets["studios_by_unit"].items()):
        actual = sum(1 for r in rows if r["host_unit"] == unit.strip())
        goals.append(_goal(f"unit:{unit}", GOAL_STUDIOS(what=unit).render("zh"), target, actual))
    return goals


def has_party_org(row: dict) -> bool:
    return bool(row["party_org"]) and row["party_org"] != E.PartyOrg.NONE


def union_year(year: int, targets: dict[str, Any] | None = None, *,
               within: Period | None = None) -> dict[str, Any]:
    """The summary of statistics year `year` (the office's own setting) over every live studio
    founded by its end: rows, counts by level, party coverage, totals and the targets'
    completion, the namings due for review in the year (`due_review`, dated by the review) and
    those whose plaque was removed or name revoked in it (`withdrawn`, dated by the status);
    plain JSON-able data."""
    targets = validate_targets(DEFAULT_TARGETS if targets is None else targets)
    with database.atomic():  # one consistent snapshot
        per = within or period(year)
        rows = _rows(per.params())
        due_review, withdrawn = _namings(per)

    return {"year": year, "period_label": per.label, "start": per.start, "end": per.end,
            "targets": targets, "studios": rows, **_summary(rows, targets),
            "due_review": due_review, "withdrawn": withdrawn}


def _summary(rows: list[dict], targets: dict[str, Any]) -> dict[str, Any]:
    """Studios by level, party coverage, totals and the targets' completion over `rows`
    (union_year's, or an office's share of them) against checked `targets`."""
    by_level = [{"level": lv.value, "label": lv.zh,
                 "count": sum(1 for r in rows if r["level"] == lv)} for lv in E.Level]
    by_level.append({"level": None, "label": UNNAMED.zh,
                     "count": sum(1 for r in rows if r["level"] is None)})

    min_level = E.Level(targets["party_coverage_min_level"])
    rank = E.LEVEL_RANK[min_level]
    eligible = [r for r in rows if r["level"] and E.LEVEL_RANK[E.Level(r["level"])] <= rank]
    lacking = [r for r in eligible if not has_party_org(r)]
    scope = min_level.zh if rank == 0 else OR_ABOVE(level=min_level).render("zh")
    coverage = {
        "min_level": min_level.value, "scope": scope, "total": len(eligible),
        "covered": len(eligible) - len(lacking), "met": not lacking,
        "progress": _progress(len(eligible) - len(lacking), len(eligible)),
        "lacking": [{k: r[k] for k in ("uid", "name", "level", "level_label", "leader")}
                    for r in lacking],
        "all_covered": sum(1 for r in rows if has_party_org(r)),
    }

    totals = {k: sum(r[k] for r in rows) for k in NUMBERS}
    totals["benefit_wan"] = fen_to_wan(totals["benefit_fen"])
    percent = targets["party_coverage_percent"]
    goals = [
        _goal("party_coverage", GOAL_PARTY(scope=scope).render("zh") if percent == 100
              else GOAL_PARTY_PERCENT(scope=scope, percent=percent).render("zh"),
              math.ceil(coverage["total"] * percent / 100 - 1e-9), coverage["covered"]),
        _goal("training_person_times", GOAL_TRAINING.zh, targets["training_person_times"],
              totals["training_person_times"]),
        _goal("technical_innovations", GOAL_TECHNICAL.zh,
              targets["technical_innovations"], totals["results_technical"]),
        _goal("patents", GOAL_PATENTS.zh, targets["patents"], totals["patents_total"]),
        *_studio_goals(targets, rows, by_level),
    ]
    if targets["results_total"] is not None:
        goals.insert(3, _goal("results_total", GOAL_RESULTS.zh, targets["results_total"],
                              totals["results_total"]))
    return {"by_level": by_level, "coverage": coverage, "totals": totals, "goals": goals}


# the goals (by key, or key prefix) each target of a targets file sets
_GOALS_OF = {"training_person_times": "training_person_times",
             "technical_innovations": "technical_innovations", "patents": "patents",
             "results_total": "results_total", "party_coverage_percent": "party_coverage",
             "party_coverage_min_level": "party_coverage", "studios_by_level": "studios:",
             "studios_by_unit": "unit:"}


def goals_set(rows: list[dict], own: dict[str, Any]) -> list[dict]:
    """The goals of the targets an office below set itself (`own`: only the keys it set, as
    its office package carries them), against its studios' rows; none when it set none."""
    if not own:
        return []
    wanted = tuple(_GOALS_OF[k] for k in own if k in _GOALS_OF)
    return [g for g in _summary(rows, validate_targets(own))["goals"]
            if g["key"].startswith(wanted)]


# -- issue 16 §4: each studio's category (劳模创新工作室, 技能大师工作室…) -------------------------
def _categories(by_id: dict[int, dict]) -> None:
    """Add each row's category (the code, and its Chinese for the documents)."""
    from laomo_desktop.ledger.kinds.studio import category_of

    for sid, code in database.execute_sql(f"SELECT id, category FROM {STUDIO}"):
        row = by_id.get(sid)
        if row is not None:
            category = category_of(code)
            row["category"], row["category_label"] = category.value, category.zh
