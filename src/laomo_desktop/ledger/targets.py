"""The union office's targets of one year, as its editor reads and saves them.

The office sets each year what it means to reach: totals (training person-times, technical
innovations, results, patents), party-organisation coverage of the studios of a level and
above, and numbers of studios by level and by host unit (its sub-units). What is typed is read
as a spreadsheet reads it (ledger/typed.py: full-width digits, thousands separators, "85%");
a bad entry is refused with a message under its field, and nothing is written. Saving replaces
only that year's targets in union_targets.json (atomically), and an audit entry names each
change, old → new.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import union as U
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.typed import number_text
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database

AUDIT_KIND = "union_targets"
AUDIT_ACTION = "targets"
MAX_COUNT = 10**9
NOT_SET = "未设"

# (field, label) of the totals; the field is the key in the targets
TOTALS = (("training_person_times", "培训人次"),
          ("technical_innovations", "技术创新和攻关成果（项）"),
          ("results_total", "创新成果总数（项）"),
          ("patents", "专利（件）"))
OPTIONAL = frozenset({"results_total"})
PERCENT = "party_coverage_percent"
PERCENT_LABEL = "党组织覆盖率（%）"
MIN_LEVEL = "party_coverage_min_level"


def level_field(level: str) -> str:
    return f"level:{level}"


def unit_field(unit: str) -> str:
    return f"unit:{unit}"


def _count(text: str, label: str, required: bool) -> tuple[int | None, str | None]:
    """(value, error) of a typed count: a whole number, 0 or more."""
    t = number_text(text)
    if not t:
        return None, (f"请填写{label}（不设目标可填 0）。" if required else None)
    if t.startswith(("-", "−")) and t.lstrip("-−").isdigit():
        return None, f"{label}不能是负数。"
    if not t.isdigit():
        return None, f"{label}应为不小于 0 的整数，“{text.strip()}”不是整数。"
    value = int(t)
    if value > MAX_COUNT:
        return None, f"{label}过大（最多 {MAX_COUNT:,}）。"
    return value, None


def _percent(text: str) -> tuple[int | float | None, str | None]:
    t = number_text(text).rstrip("%％")
    if not t:
        return None, f"请填写{PERCENT_LABEL}（0 到 100）。"
    try:
        value = float(t)
    except ValueError:
        return None, f"{PERCENT_LABEL}应为 0 到 100 之间的数，“{text.strip()}”不是数。"
    if not 0 <= value <= 100:
        return None, f"{PERCENT_LABEL}应在 0 到 100 之间，现在是 {t}。"
    return (int(value) if value == int(value) else round(value, 1)), None


def read_form(texts: dict[str, str], min_level: str) -> dict[str, Any]:
    """The targets the editor's fields say (field → text typed); a ValidationError names
    every bad field with its message. An empty level or unit field sets no target for it."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {MIN_LEVEL: min_level}
    for key, label in TOTALS:
        value, err = _count(texts.get(key, ""), label, key not in OPTIONAL)
        if err:
            errors[key] = err
        out[key] = value
    out[PERCENT], err = _percent(texts.get(PERCENT, ""))
    if err:
        errors[PERCENT] = err
    levels, units = {}, {}
    for name, text in texts.items():
        kind, _, what = name.partition(":")
        if kind not in ("level", "unit"):
            continue
        label = (f"{E.Level.label(what)}工作室数" if kind == "level" else f"{what}的工作室数")
        value, err = _count(text, label, False)
        if err:
            errors[name] = err
        elif value is not None:
            (levels if kind == "level" else units)[what] = value
    if errors:
        raise ValidationError(errors)
    out["studios_by_level"], out["studios_by_unit"] = levels, units
    return U.validate_targets(out)


def _shown(value: Any) -> str:
    return NOT_SET if value is None else str(value)


def describe(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Each change as "培训人次 2000 → 3000", in the editor's order."""
    out = []
    if old[MIN_LEVEL] != new[MIN_LEVEL]:
        out.append(f"党组织覆盖范围 {E.Level.label(old[MIN_LEVEL])}及以上 → "
                   f"{E.Level.label(new[MIN_LEVEL])}及以上")
    if old[PERCENT] != new[PERCENT]:
        out.append(f"{PERCENT_LABEL} {old[PERCENT]} → {new[PERCENT]}")
    for key, label in TOTALS:
        if old[key] != new[key]:
            out.append(f"{label} {_shown(old[key])} → {_shown(new[key])}")
    for lv in E.Level:
        a, b = old["studios_by_level"].get(lv.value), new["studios_by_level"].get(lv.value)
        if a != b:
            out.append(f"{lv.zh}工作室 {_shown(a)} → {_shown(b)}")
    for unit in sorted(set(old["studios_by_unit"]) | set(new["studios_by_unit"])):
        a, b = old["studios_by_unit"].get(unit), new["studios_by_unit"].get(unit)
        if a != b:
            out.append(f"{unit}工作室 {_shown(a)} → {_shown(b)}")
    return out


def save_year(path: Path, year: int, targets: dict[str, Any], *,
              actor: str | None = None) -> list[str]:
    """Make `targets` the year's own in the file, keeping every other year and the targets for
    any year; returns the changes (none: nothing written, no audit entry). The audit entry and
    the file are written together: if the file cannot be written, no entry remains."""
    raw = U.read_targets_file(path)
    old = U.targets_of(raw, year)
    new = U.validate_targets(targets)
    changes = describe(old, new)
    if not changes:
        return []
    years = dict(raw.get(U.YEARS_KEY, {}))
    years[str(year)] = new
    with database.atomic():
        R.audit(AUDIT_ACTION, AUDIT_KIND, None, None, {"year": year, **old},
                {"year": year, **new}, f"{year} 年度汇总表目标：" + "；".join(changes), actor)
        try:
            U.write_targets_file(path, {**raw, U.YEARS_KEY: years})
        except OSError as exc:
            raise LaomoError(f"无法保存目标设置文件“{path}”：{exc.strerror or exc}") from exc
    return changes
