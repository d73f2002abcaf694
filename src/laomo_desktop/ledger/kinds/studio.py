"""The studio: owner of every other record; its namings, party organisation history and
leaders over time are dated lists that start no earlier than its founding."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Cited, KindRules, choice, label
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Message, Text

STATUS_DATE = Text("“{list}”第 {line} 行：“{status}”为“{value}”，须填写“{status_on}”（从哪天起是这个状态）",
                   '"{list}", line {line}: "{status}" is "{value}", so "{status_on}" must be '
                   "filled in (the day it has been so)")
LINE_EARLIER = Text("“{list}”第 {line} 行：“{field}”不能早于“{start}”（{day}）",
                    '"{list}", line {line}: "{field}" cannot be earlier than "{start}" ({day})')
LINE_LATER = Text("“{list}”第 {line} 行：“{field}”应晚于“{start}”（{day}）",
                  '"{list}", line {line}: "{field}" must be later than "{start}" ({day})')
SAME_DAY = Text("“{list}”第 {line} 行与第 {other} 行的“{field}”相同（{day}），同一天只能有一条",
                '"{list}", line {line}, has the same "{field}" as line {other} ({day}): '
                "there can be one entry a day")
BEFORE_FOUNDING = Text("“{list}”的{field}不能早于“{start}”",
                       'In "{list}", "{field}" cannot be earlier than "{start}"')
CODE_CHARACTERS = Text("“{field}”只能由英文字母、数字和“-”组成",
                       '"{field}" may hold only letters, digits and "-"')


def _child_label(child: S.Child, name: str) -> S.Field:
    return child.fields[[f.name for f in child.fields].index(name)]


def _naming_problem(namings: S.Child, i: int, r: dict) -> Message | None:
    """What is wrong with one naming (row `i`, from 1): a status other than 有效 is dated, and
    neither its date nor the next review comes before the naming itself."""
    status, status_on = _child_label(namings, "status"), _child_label(namings, "status_on")
    date = _child_label(namings, "date")
    if r.get("status") and r["status"] != E.RecognitionStatus.VALID and not r.get("status_on"):
        return STATUS_DATE(list=namings, line=i, status=status, status_on=status_on,
                           value=choice(E.RecognitionStatus(r["status"])))
    if r.get("status_on") and r["status_on"] < r["date"]:
        return LINE_EARLIER(list=namings, line=i, field=status_on, start=date, day=r["date"])
    if r.get("next_review") and r["next_review"] <= r["date"]:
        return LINE_LATER(list=namings, line=i, field=_child_label(namings, "next_review"),
                          start=date, day=r["date"])
    return None


def _history_problem(c: S.Child, key: str, rows: list[dict], founded: str | None,
                     founded_label: S.Field) -> Message | None:
    """A dated history list (党组织沿革, 领衔人沿革): nothing before the founding, one entry a day."""
    key_label = _child_label(c, key)
    seen: dict[str, int] = {}
    for i, r in enumerate(rows, 1):
        d = r[key]
        if founded and d < founded:
            return LINE_EARLIER(list=c, line=i, field=key_label, start=founded_label, day=founded)
        if d in seen:
            return SAME_DAY(list=c, line=i, other=seen[d], field=key_label, day=d)
        seen[d] = i
    return None


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    founded, founded_label = row.get("founded_on"), label(kind, "founded_on")
    namings_child = kind.child("recognitions")
    namings = children.get(namings_child.name, [])
    if founded and any(r["date"] < founded for r in namings):
        errors[namings_child.name] = BEFORE_FOUNDING(
            list=namings_child, field=_child_label(namings_child, "date"), start=founded_label)
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
        errors["code"] = CODE_CHARACTERS(field=label(kind, "code"))


def _cite(rec: dict, title: str) -> Cited:
    return Cited(title)  # a section of its own in the summary, not a row


RULES = KindRules(
    cite=_cite, validate=_validate, owns_records=True,
    defaults={"category": E.DEFAULT_STUDIO_CATEGORY.value})


def category_of(code: str | None) -> E.StudioCategory:
    """The studio's category (工作室类别); a studio whose category is not set, or holds a code
    this version does not know, is a 劳模创新工作室, the one kind earlier ledgers had."""
    try:
        return E.StudioCategory(code)
    except ValueError:
        return E.DEFAULT_STUDIO_CATEGORY


# the names a union's wording gives the kind of studio it means, longest first
_KIND_NAMES = ("劳模和工匠人才创新工作室", *sorted((c.zh for c in E.StudioCategory), key=len,
                                                  reverse=True))


def titled_for(text: str, code: str | None) -> str:
    """A template's or a form's title for a studio of category `code`: the kind of studio it
    names (劳模创新工作室…) becomes the studio's own, so a 技能大师工作室's packet never reads
    “劳模创新工作室…自查表”. A title naming no kind is left as it is."""
    own = category_of(code).zh
    for name in _KIND_NAMES:
        if name in text:
            return text.replace(name, own, 1)
    return text
