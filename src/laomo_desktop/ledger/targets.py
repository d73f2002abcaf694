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
from laomo_desktop.texts import Both, Joined, Message, Text, worded

AUDIT_KIND = "union_targets"
AUDIT_ACTION = "targets"
MAX_COUNT = 10**9
NOT_SET = Both("未设", "not set")

# (field, label) of the totals; the field is the key in the targets
TOTALS = (("training_person_times", Both("培训人次", "Training person-times")),
          ("technical_innovations", Both("技术创新和攻关成果（项）",
                                         "Technical innovations and breakthroughs")),
          ("results_total", Both("创新成果总数（项）", "Innovation results in all")),
          ("patents", Both("专利（件）", "Patents")))
OPTIONAL = frozenset({"results_total"})
PERCENT = "party_coverage_percent"
PERCENT_LABEL = Both("党组织覆盖率（%）", "Party organisation coverage (%)")
PERCENT_SIGNS = "%％"  # half- and full-width: "85%" is read as 85
MIN_LEVEL = "party_coverage_min_level"

FILL_IN = Text("请填写{label}（不设目标可填 0）。", "Fill in {label} (0 sets no target).")
NEGATIVE = Text("{label}不能是负数。", "{label} cannot be negative.")
NOT_WHOLE = Text("{label}应为不小于 0 的整数，“{text}”不是整数。",
                 '{label} must be a whole number, 0 or more: "{text}" is not one.')
TOO_BIG = Text("{label}过大（最多 {max}）。", "{label} is too large (at most {max}).")
FILL_IN_PERCENT = Text("请填写{label}（0 到 100）。", "Fill in {label} (0 to 100).")
NOT_PERCENT = Text("{label}应为 0 到 100 之间的数，“{text}”不是数。",
                   '{label} must be a number from 0 to 100: "{text}" is not a number.')
OUT_OF_RANGE = Text("{label}应在 0 到 100 之间，现在是 {value}。",
                    "{label} must be from 0 to 100; it is {value}.")
LEVEL_STUDIOS = Text("{level}工作室数", "{level} studios")
UNIT_STUDIOS = Text("{unit}的工作室数", "Studios of {unit}")
CANNOT_SAVE = Text("无法保存目标设置文件“{path}”：{why}", 'Cannot save the targets file "{path}": {why}')
# the audit log's lines (kept in Chinese, as records.logged keeps every summary)
LOG_MIN_LEVEL = Text("党组织覆盖范围 {old}及以上 → {new}及以上",
                     "Party organisation coverage from {old} up → from {new} up")
LOG_CHANGE = Text("{label} {old} → {new}", "{label} {old} → {new}")
LOG_LEVEL = Text("{level}工作室 {old} → {new}", "{level} studios {old} → {new}")
LOG_TARGETS = Text("{year} 年度汇总表目标：{changes}", "Targets of the {year} summary: {changes}")


def level_field(level: str) -> str:
    return f"level:{level}"


def unit_field(unit: str) -> str:
    return f"unit:{unit}"


def _count(text: str, label: Any, required: bool) -> tuple[int | None, Message | None]:
    """(value, error) of a typed count: a whole number, 0 or more."""
    t = number_text(text)
    if not t:
        return None, (FILL_IN(label=label) if required else None)
    if t.startswith(("-", "−")) and t.lstrip("-−").isdigit():
        return None, NEGATIVE(label=label)
    if not t.isdigit():
        return None, NOT_WHOLE(label=label, text=text.strip())
    value = int(t)
    if value > MAX_COUNT:
        return None, TOO_BIG(label=label, max=f"{MAX_COUNT:,}")
    return value, None


def _percent(text: str) -> tuple[int | float | None, Message | None]:
    t = number_text(text).rstrip(PERCENT_SIGNS)
    if not t:
        return None, FILL_IN_PERCENT(label=PERCENT_LABEL)
    try:
        value = float(t)
    except ValueError:
        return None, NOT_PERCENT(label=PERCENT_LABEL, text=text.strip())
    if not 0 <= value <= 100:
        return None, OUT_OF_RANGE(label=PERCENT_LABEL, value=t)
    return (int(value) if value == int(value) else round(value, 1)), None


def read_form(texts: dict[str, str], min_level: str) -> dict[str, Any]:
    """The targets the editor's fields say (field → text typed); a ValidationError names
    every bad field with its message. An empty level or unit field sets no target for it."""
    errors: dict[str, Message] = {}
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
        label = (LEVEL_STUDIOS(level=_level(what)) if kind == "level"
                 else UNIT_STUDIOS(unit=what))
        value, err = _count(text, label, False)
        if err:
            errors[name] = err
        elif value is not None:
            (levels if kind == "level" else units)[what] = value
    if errors:
        raise ValidationError(errors)
    out["studios_by_level"], out["studios_by_unit"] = levels, units
    return U.validate_targets(out)


def _level(code: str) -> Any:
    """A level as a message names it (a code that is no level, as it is)."""
    try:
        lv = E.Level(code)
    except ValueError:
        return code
    return Both(lv.zh, lv.en)


def _shown(value: Any) -> Any:
    return NOT_SET if value is None else str(value)


def changes_said(old: dict[str, Any], new: dict[str, Any]) -> list[Message]:
    """Each change as "培训人次 2000 → 3000", in the editor's order."""
    out = []
    if old[MIN_LEVEL] != new[MIN_LEVEL]:
        out.append(LOG_MIN_LEVEL(old=_level(old[MIN_LEVEL]), new=_level(new[MIN_LEVEL])))
    if old[PERCENT] != new[PERCENT]:
        out.append(LOG_CHANGE(label=PERCENT_LABEL, old=old[PERCENT], new=new[PERCENT]))
    for key, label in TOTALS:
        if old[key] != new[key]:
            out.append(LOG_CHANGE(label=label, old=_shown(old[key]), new=_shown(new[key])))
    for lv in E.Level:
        a, b = old["studios_by_level"].get(lv.value), new["studios_by_level"].get(lv.value)
        if a != b:
            out.append(LOG_LEVEL(level=_level(lv.value), old=_shown(a), new=_shown(b)))
    for unit in sorted(set(old["studios_by_unit"]) | set(new["studios_by_unit"])):
        a, b = old["studios_by_unit"].get(unit), new["studios_by_unit"].get(unit)
        if a != b:
            out.append(LOG_LEVEL(level=unit, old=_shown(a), new=_shown(b)))
    return out


def describe(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The changes in Chinese, as the union's staff read them back (save_year returns them)."""
    return [worded(c, "zh") for c in changes_said(old, new)]


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
                {"year": year, **new},
                R.logged(LOG_TARGETS(year=year, changes=Joined(tuple(changes_said(old, new))))), actor)
        try:
            U.write_targets_file(path, {**raw, U.YEARS_KEY: years})
        except OSError as exc:
            raise LaomoError(CANNOT_SAVE(path=str(path), why=exc.strerror or str(exc))) from exc
    return changes
