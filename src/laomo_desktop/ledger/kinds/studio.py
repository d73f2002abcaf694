"""The studio: owner of every other record; its namings, party organisation history and
leaders over time are dated lists that start no earlier than its founding."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import KindRules, label, q
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S


def _child_label(child: S.Child, name: str) -> str:
    return child.fields[[f.name for f in child.fields].index(name)].label


def _naming_problem(namings: S.Child, i: int, r: dict) -> str | None:
    """What is wrong with one naming (row `i`, from 1): a status other than 有效 is dated, and
    neither its date nor the next review comes before the naming itself."""
    head = f"{q(namings.label)}第 {i} 行："
    status, status_on = q(_child_label(namings, "status")), q(_child_label(namings, "status_on"))
    date = q(_child_label(namings, "date"))
    if r.get("status") and r["status"] != E.RecognitionStatus.VALID and not r.get("status_on"):
        return (f"{head}{status}为“{E.RecognitionStatus(r['status']).zh}”，须填写{status_on}"
                "（从哪天起是这个状态）")
    if r.get("status_on") and r["status_on"] < r["date"]:
        return f"{head}{status_on}不能早于{date}（{r['date']}）"
    if r.get("next_review") and r["next_review"] <= r["date"]:
        return f"{head}{q(_child_label(namings, 'next_review'))}应晚于{date}（{r['date']}）"
    return None


def _history_problem(c: S.Child, key: str, rows: list[dict], founded: str | None,
                     founded_label: str) -> str | None:
    """A dated history list (党组织沿革, 领衔人沿革): nothing before the founding, one entry a day."""
    key_label = _child_label(c, key)
    seen: dict[str, int] = {}
    for i, r in enumerate(rows, 1):
        d = r[key]
        if founded and d < founded:
            return f"“{c.label}”第 {i} 行：{q(key_label)}不能早于{q(founded_label)}（{founded}）"
        if d in seen:
            return (f"“{c.label}”第 {i} 行与第 {seen[d]} 行的{q(key_label)}相同（{d}），"
                    "同一天只能有一条")
        seen[d] = i
    return None


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    founded, founded_label = row.get("founded_on"), label(kind, "founded_on")
    namings_child = kind.child("recognitions")
    namings = children.get(namings_child.name, [])
    if founded and any(r["date"] < founded for r in namings):
        errors[namings_child.name] = (f"{q(namings_child.label)}的"
                                      f"{_child_label(namings_child, 'date')}不能早于"
                                      f"{q(founded_label)}")
    for i, r in enumerate(namings, 1):
        problem = _naming_problem(namings_child, i, r)
        if problem:
            errors.setdefault(namings_child.name, problem)
            break
    for child, key in (("party_changes", "date"), ("leaders", "since")):
        problem = _history_problem(kind.child(child), key, children.get(child, []), founded,
                                   founded_label)
        if problem:
            errors.setdefault(child, problem)
    if row.get("code") and not all(c.isascii() and (c.isalnum() or c == "-") for c in row["code"]):
        errors["code"] = f"{q(label(kind, 'code'))}只能由英文字母、数字和“-”组成"


RULES = KindRules(validate=_validate, owns_records=True)
