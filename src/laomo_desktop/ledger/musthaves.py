"""The must-have set (必有项标准) a union checks its studios against: 八个必有, 六有, 七个有…

Which items a studio must have, and the thresholds they are held to, differ by union, so they
are data: an assessment template (ledger/templates.py) with "must_haves": "<short name>", one
criterion per item. The union chooses its set once (settings.MUST_HAVE_SET, kept in the data
folder's settings.ini); the dashboard, the annual summary and the review packet show the
checklist of that set. Choosing a file that cannot be used is refused with the reason, and the
set chosen before stays in force.

An item whose rule is a bare {"must_have": code} is one of the program's own checks
(stats._must_haves: its evidence, its wording of what was found or is missing, where it is
completed); any other rule is scored as the assessment scores it, with the template's
thresholds (metric minimums, the parameter min_members).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import assessment
from laomo_desktop.ledger.assessment import _cited, _evidence, _params
from laomo_desktop.ledger.figures import YearFigures
from laomo_desktop.ledger.period import Period, period
from laomo_desktop.ledger.templates import Template, list_templates, load_template
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.texts import Both, Text

DEFAULT_SET = declared.MUST_HAVE_SET.default  # eight_must_haves: the 八个必有
MAX_ITEMS = 20        # more is no checklist a dashboard can show, nor a union would print
MAX_LABEL = 20        # an item's name ("有标志"), shown beside its mark
EVIDENCE_KEPT = 5

NOT_A_SET = Text("“{title}”（{name}）不是必有项标准：模板中没有 \"must_haves\"（如 \"must_haves\": "
                 "\"八个必有\"）。",
                 "“{title}” ({name}) is not a must-have set: the template has no \"must_haves\" "
                 "(such as \"must_haves\": \"Eight must-haves\").")
TOO_MANY = Text("必有项标准 {name} 有 {n} 项，最多 {most} 项。",
                "The must-have set {name} has {n} items; at most {most} are allowed.")
LABEL_TOO_LONG = Text("必有项标准 {name} 的考核项 {id}：area（必有项名称）不超过 {most} 个字。",
                      "The must-have set {name}, criterion {id}: area (the item's name) may "
                      "hold at most {most} characters.")
CANNOT_USE = Text("必有项标准“{name}”无法使用：{why} 请在“工具 ▸ 设置”中另选一个标准。",
                  "The must-have set “{name}” cannot be used: {why} Choose another set in "
                  "Tools ▸ Settings.")


@dataclass(frozen=True)
class Item:
    """One item of the set as of the period."""

    item: str
    """The program's check it is (sign, room…) for a bare must_have rule, else the criterion's id."""
    label: Both
    """The item's name as the union words it ("有标志"; in English the check's own name)."""
    requirement: str
    """What the union asks (the criterion's "item")."""
    met: bool
    status: str
    """met / partly / missing, as the assessment says it."""
    section: str | None
    """The section where it is recorded (where "go and complete" leads); None: nowhere one."""
    evidence: list[dict]
    detail: Any
    """What was found or what is missing (a texts message, worded when shown)."""


@dataclass(frozen=True)
class Checklist:
    """A studio-year against the union's must-have set."""

    name: str
    short: str
    """The set's short name: 八个必有, 六有…"""
    title: str
    items: tuple[Item, ...]
    figures: YearFigures

    @property
    def met(self) -> int:
        return sum(1 for i in self.items if i.met)


# ---- the sets there are, and the union's choice ---------------------------------------------

def list_sets(extra: Path | None = None) -> list[dict]:
    """The must-have sets among the templates (list_templates rows); a broken file is listed
    with its "error", so a union sees why its own set is not offered."""
    return [r for r in list_templates(extra) if r.get("must_have_set") or r.get("error")]


def check_set(template: Template) -> Template:
    """The template if it can serve as a must-have set, else LaomoError saying why."""
    if not template.must_haves:
        raise LaomoError(NOT_A_SET(title=template.title, name=template.name))
    if len(template.criteria) > MAX_ITEMS:
        raise LaomoError(TOO_MANY(name=template.path.name, n=len(template.criteria),
                                  most=MAX_ITEMS))
    for c in template.criteria:
        if len(c["area"]) > MAX_LABEL:
            raise LaomoError(LABEL_TOO_LONG(name=template.path.name, id=c["id"], most=MAX_LABEL))
    return template


def load_set(name: str | Path, extra: Path | None = None) -> Template:
    """The set `name` (a template's name or file), checked; LaomoError in the user's words."""
    return check_set(load_template(name, extra))


def chosen_name(paths: LedgerPaths) -> str:
    """The union's chosen set as the data folder's settings.ini holds it (the GUI writes it
    there too)."""
    return declared.stored(paths.settings_file, declared.MUST_HAVE_SET) or DEFAULT_SET


def current(paths: LedgerPaths, name: str | None = None) -> Template:
    """The set in force: `name` if given, else the union's choice. A chosen set that has
    become unusable since (the file edited, removed) is refused with what to do."""
    name = name or chosen_name(paths)
    try:
        return load_set(name, paths.templates)
    except LaomoError as exc:
        raise LaomoError(CANNOT_USE(name=name, why=exc.said)) from exc


def choose(paths: LedgerPaths, name: str | Path) -> Template:
    """Make `name` the union's set. It is loaded and checked first: a file that cannot serve
    is refused (LaomoError) and the set chosen before stays in force. A file outside the data
    folder is used by its path as given."""
    template = load_set(name, paths.templates)
    declared.store(paths.settings_file, declared.MUST_HAVE_SET, str(name))
    return template


# ---- the checklist --------------------------------------------------------------------------

def checklist(studio_uid: str, year: int, template: Template, *,
              within: Period | None = None) -> Checklist:
    """The studio-year against the set, every item as of the period (ledger/asof.py)."""
    per = within or period(year)
    f = assessment.facts(studio_uid, year, min_members=template.parameters["min_members"],
                         within=per)
    p = _params(studio_uid, per)
    by_code = {m.item: m.evidence for m in f.figures.must_haves}
    items, used = [], set()
    for c in template.criteria:
        rule = c["rule"]
        fraction, detail = assessment.evaluate(rule, f)
        own = f.figures.must_have(rule["must_have"]) if set(rule) == {"must_have"} else None
        if own is not None:
            evidence, section, detail = own.evidence, own.section, own.detail
            label = Both(c["area"], own.label.en)
        else:
            spec = c["evidence"]
            evidence = _evidence(spec, p) if spec else _cited(rule, f, by_code)
            section = spec["kind"] if spec else None
            label = Both(c["area"], c["area"])
        key = own.item if own is not None and own.item not in used else c["id"]
        used.add(key)
        status = "met" if fraction >= 1 - 1e-9 else "partly" if fraction > 0 else "missing"
        items.append(Item(item=key, label=label, requirement=c["item"], met=status == "met",
                          status=status, section=section,
                          evidence=evidence[:EVIDENCE_KEPT] if status == "met" else [],
                          detail=detail))
    return Checklist(name=template.name, short=template.must_haves, title=template.title,
                     items=tuple(items), figures=f.figures)


def as_json(c: Checklist) -> dict:
    """The checklist as plain data (`laomo stats --json`), worded in the current language."""
    return {"name": c.name, "short": c.short, "title": c.title, "met": c.met,
            "items": [{"item": i.item, "label": str(i.label), "requirement": i.requirement,
                       "met": i.met, "status": i.status, "section": i.section,
                       "evidence": i.evidence, "detail": str(i.detail)} for i in c.items]}
