"""The names a union's own form may use, and their values for one studio and year.

Nothing here is listed by hand: the vocabulary is read from the declarations the rest of the
program uses — the figures from the metric registry (ledger/metrics.py), the records and their
fields from store/schema.py with each kind's derived columns (ledger/kinds), the studio's
level, leader and party organisation as they stood at the year's end (ledger/asof.py through
the statistics). A new metric or field is a new placeholder, and the help page lists it.

How a name is made from a declared label (one rule, so the help can explain it):
- a field's or list's name is its label without the part in full-width brackets and without
  an alternative after "/" (主持人/主讲人 → 主持人, 徒弟（本工作室成员） → 徒弟);
- a field of the studio loses the leading "工作室" (工作室名称 → 名称);
- a figure's name is its label without a leading "本年度" (and, as above, without bracketed
  parts); where several figures share a name, the unit follows (培训场次, 培训人次, 培训学时).

Records of the year follow "as of the year": members, rules and equipment in force at its
end, projects and mentoring pairs that lasted into it, dated and yearly records of the year
(and, as 累计…, up to its end); each as it stood at the end (asof.known_at_end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from laomo_desktop.ledger import asof, kinds, metrics, stats
from laomo_desktop.ledger import queries as Q
from laomo_desktop.ledger import records as R
from laomo_desktop.ledger.annual import check_founded
from laomo_desktop.ledger.period import period
from laomo_desktop.ledger.typed import date_cn
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S

YEAR, PERIOD, STUDIO, FIGURES, PLAN = "年度", "统计期间", "工作室", "统计", "年度计划"
CUMULATIVE = "累计"
ITEM = "x"  # the loop variable the help's examples use


@dataclass(frozen=True)
class Scalar:
    meaning: str
    example: str = ""


@dataclass(frozen=True)
class Fields:
    meaning: str
    fields: dict[str, Node] = field(default_factory=dict)


@dataclass(frozen=True)
class Many:
    meaning: str
    item: Fields


Node = Scalar | Fields | Many

# inside a loop, `loop` says where it stands (Jinja's own loop variable; an Excel form gets the
# same names)
LOOP = Fields("循环的状态", {n: Scalar(m, e) for n, m, e in (
    ("index", "第几项（从 1 起，可作序号）", "1"), ("index0", "第几项（从 0 起）", "0"),
    ("revindex", "倒数第几项", "4"), ("revindex0", "倒数第几项（从 0 起）", "3"),
    ("first", "是否第一项", "True"), ("last", "是否最后一项", "False"),
    ("length", "共几项", "4"))})


# ---- values -----------------------------------------------------------------------------------

def _numeric(value: Any) -> Any:
    if isinstance(value, Num):
        return value.number
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class Num(str):
    """A number as the form shows it (培训学时 9.5, 金额 1,234.56); `number` is what a
    spreadsheet cell gets. Arithmetic and comparisons with numbers use the number, so
    `{{ 统计.培训场次 + 统计.技术交流 }}` adds up and `{% if 统计.培训人次 > 30 %}` compares."""

    number: float | int

    def __new__(cls, text: str, number: float | int) -> Num:
        obj = str.__new__(cls, text)
        obj.number = number
        return obj

    def _op(self, other: Any, op, text_op=None, swap: bool = False) -> Any:
        o = _numeric(other)
        if o is None:
            return text_op(self, other) if text_op else NotImplemented
        return op(o, self.number) if swap else op(self.number, o)

    def __add__(self, o):  return self._op(o, lambda a, b: a + b, str.__add__)
    def __radd__(self, o): return self._op(o, lambda a, b: a + b, swap=True)
    def __sub__(self, o):  return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: a - b, swap=True)
    def __mul__(self, o):  return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: a * b, swap=True)
    def __truediv__(self, o):  return self._op(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: a / b, swap=True)
    def __lt__(self, o): return self._op(o, lambda a, b: a < b, str.__lt__)
    def __le__(self, o): return self._op(o, lambda a, b: a <= b, str.__le__)
    def __gt__(self, o): return self._op(o, lambda a, b: a > b, str.__gt__)
    def __ge__(self, o): return self._op(o, lambda a, b: a >= b, str.__ge__)

    def __eq__(self, o: object) -> bool:
        n = _numeric(o)
        return self.number == n if n is not None else str.__eq__(self, o)

    def __ne__(self, o: object) -> bool:
        return not self.__eq__(o)

    __hash__ = str.__hash__


class Row(dict):
    """One record by its field names; printed whole, its filled values in order."""

    def __str__(self) -> str:
        return " ".join(str(v) for v in self.values()
                        if v not in ("", None) and not isinstance(v, (Row, Rows)))


class Rows(list):
    """A list of records; printed whole, the records separated by 、."""

    def __str__(self) -> str:
        return "、".join(str(r) for r in self if str(r))


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"


def shown(f: S.Field, value: Any, titles: dict[str, dict[str, str]]) -> Any:
    """A stored value as a form prints it: choices in Chinese, dates as 2025年3月5日, money in
    元 with two decimals, a reference as the record's title."""
    if value is None or value == "":
        return ""
    if f.type == S.CHOICE:
        return f.choices.label(value)
    if f.type == S.MULTI:
        codes = value if isinstance(value, list) else str(value).split(",")
        return "、".join(f.choices.label(c) for c in codes if c)
    if f.type == S.DATE:
        return date_cn(value)
    if f.type == S.BOOL:
        return "是" if value else "否"
    if f.type == S.MONEY:
        return Num(f"{value / 100:,.2f}", round(value / 100, 2))
    if f.type in (S.INT, S.YEAR):
        return Num(str(int(value)), int(value))
    if f.type == S.FLOAT:
        return Num(_number(float(value)), float(value))
    if f.type == S.REF:
        return titles.get(f.ref, {}).get(value, "")
    return str(value)


# ---- names ------------------------------------------------------------------------------------

def name_of(label: str, prefix: str = "") -> str:
    """A declared label as a placeholder name (the module's rule)."""
    name = re.sub(r"（[^）]*）", "", label).split("/")[0].strip()
    if prefix and name.startswith(prefix) and len(name) > len(prefix):
        name = name[len(prefix):]
    return name


def _unit_words(f: S.Field) -> str:
    if f.type == S.MONEY:
        return "（元）"
    if f.type == S.DATE:
        return "（如 2025年3月5日）"
    if f.type == S.BOOL:
        return "（是/否）"
    return ""


def _example(f: S.Field) -> str:
    if f.type in (S.CHOICE, S.MULTI):
        return next(iter(f.choices)).zh
    return {S.DATE: "2025年3月5日", S.BOOL: "是", S.MONEY: "12,000.00", S.INT: "3",
            S.YEAR: "2025", S.FLOAT: "120"}.get(f.type, "")


def _record_fields(kind: S.Kind, prefix: str = "") -> dict[str, Node]:
    out: dict[str, Node] = {}
    for f in kind.fields:
        out[name_of(f.label, prefix)] = Scalar(f.label + _unit_words(f), _example(f))
    for e in kinds.rules(kind).extras:
        out.setdefault(name_of(e.label, prefix), Scalar(e.label + "（由台账计算）"))
    for c in kind.children:
        item = Fields(c.label, {name_of(f.label): Scalar(f.label + _unit_words(f), _example(f))
                                for f in c.fields})
        out[name_of(c.label)] = Many(f"{c.label}（列表；直接填写时以“、”分隔）", item)
    return out


def _studio_facts() -> dict[str, Node]:
    """The studio as it stood at the year's end (ledger/asof.py, via StudioThen)."""
    return {"级别": Scalar("年度末有效命名中的最高级别", E.Level.CITY.zh),
            "领衔人": Scalar("年度末的领衔人姓名"),
            "党组织形式": Scalar("年度末的党组织形式", E.PartyOrg.label("party_group"))}


def metric_names() -> dict[str, metrics.Metric]:
    """Each figure a form can name, by its name (the module's rule); figures shown only in fen
    and second names of the same figure are left out."""
    chosen: list[metrics.Metric] = []
    seen: set[tuple[str, str]] = set()
    for m in metrics.METRICS.values():
        if not m.in_templates or (m.label, m.unit) in seen:
            continue
        seen.add((m.label, m.unit))
        chosen.append(m)
    base = {m.key: name_of(m.label.removeprefix("本年度")) for m in chosen}
    count: dict[str, int] = {}
    for name in base.values():
        count[name] = count.get(name, 0) + 1
    return {base[m.key] + (m.unit if count[base[m.key]] > 1 else ""): m for m in chosen}


def _metric_meaning(m: metrics.Metric) -> str:
    unit = f"（{m.unit}）" if m.unit else "（是/否）"
    return m.label + unit


def list_kinds() -> list[S.Kind]:
    """The record kinds a form can loop over (all of a studio's records but files and plans)."""
    return [k for k in S.KINDS if k.per_studio and not kinds.rules(k).is_file
            and k is not S.PLAN]


def _dated(kind: S.Kind) -> bool:
    return kinds.rules(kind).span is None and Q.year_filter(kind) is not None


def _list_meaning(kind: S.Kind) -> str:
    rules = kinds.rules(kind)
    if rules.evidence_at_end:
        return f"年度末在册的{kind.label}"
    if rules.span is not None:
        return f"本年度内存续的{kind.label}"
    return f"本年度的{kind.label}"


@lru_cache(maxsize=1)
def vocabulary() -> Fields:
    """Every name a form may use, as a tree: records (Fields), lists (Many) and values."""
    studio = {**_record_fields(S.STUDIO, S.STUDIO.label), **_studio_facts()}
    top: dict[str, Node] = {
        YEAR: Scalar("统计年度", "2025"),
        PERIOD: Scalar("统计年度的称呼（统计年度不从 1 月起时注明起止日期）", "2025 年度"),
        STUDIO: Fields("工作室（年度末的情况）", studio),
        FIGURES: Fields("本年度统计数字（与年度工作总结、汇总表相同）",
                        {n: Scalar(_metric_meaning(m), "12" if m.kind != metrics.FLAG else "是")
                         for n, m in metric_names().items()}),
        PLAN: Fields("本年度的年度计划", _record_fields(S.PLAN)),
    }
    for k in list_kinds():
        item = Fields(k.label, _record_fields(k))
        top[name_of(k.label)] = Many(_list_meaning(k), item)
        if _dated(k):
            top[CUMULATIVE + name_of(k.label)] = Many(f"截至年度末的全部{k.label}", item)
    return Fields("表单可用的字段", top)


# ---- one studio, one year -----------------------------------------------------------------

def _row(kind: S.Kind, record: dict, titles: dict, extras: dict, prefix: str = "") -> Row:
    row = Row()
    for f in kind.fields:
        row[name_of(f.label, prefix)] = shown(f, record.get(f.name), titles)
    for e in kinds.rules(kind).extras:
        value = extras.get(e.name)
        row.setdefault(name_of(e.label, prefix),
                       e.choices.label(value) if e.choices and value else
                       Num(str(value), value) if isinstance(value, (int, float)) else
                       value or "")
    for c in kind.children:
        row[name_of(c.label)] = Rows(Row({name_of(f.label): shown(f, item.get(f.name), titles)
                                          for f in c.fields})
                                     for item in record.get(c.name) or [])
    return row


def _ref_titles(studio_uid: str) -> dict[str, dict[str, str]]:
    refs = {f.ref for k in S.KINDS for f in (*k.fields, *(g for c in k.children
                                                         for g in c.fields))
            if f.type == S.REF}
    return {kind: dict(Q.ref_choices(kind, studio_uid)) for kind in refs}


def _extras(kind: S.Kind, studio_uid: str) -> dict[str, dict[str, Any]]:
    names = [e.name for e in kinds.rules(kind).extras]
    if not names:
        return {}
    return {r[0]: dict(zip(names, r[2:], strict=True))
            for r in Q.fetch_rows(kind.name, studio_uid, names)}


def _skill_at(record: dict, end: str) -> str | None:
    held = [s for s in record.get("skill_levels") or [] if s.get("date") and s["date"] <= end]
    return max(held, key=lambda s: s["date"])["level"] if held else None


def _in_year(kind: S.Kind, record: dict, per, cumulative: bool) -> bool:
    rules = kinds.rules(kind)
    if rules.span is not None:
        return (asof.at_end if rules.evidence_at_end else asof.during)(kind.name, record, per)
    col, is_date = Q.year_filter(kind)
    value = record.get(col)
    if value is None:
        return cumulative
    if is_date:
        return value <= per.end and (cumulative or value >= per.start)
    return value <= per.year if cumulative else value == per.year


def _sort_key(kind: S.Kind):
    """Records in date order; the leader first in the kind the leader is a record of."""
    yf = Q.year_filter(kind) or (kinds.rules(kind).span.since if kinds.rules(kind).span
                                 else None, True)
    col, leader_first = yf[0], kinds.rules(kind).leader_first
    return lambda r: (leader_first and r.get("role") != E.MemberRole.LEADER.value,
                      str(r.get(col) or "") if col else "")


def context(studio_uid: str, year: int, only: set[str] | frozenset[str] | None = None
            ) -> dict[str, Any]:
    """The values of every name of `vocabulary()` for a studio and statistics year; with
    `only`, the record lists are gathered for those names only (a form's own, reports/
    formcheck.py finds them), the others are left empty."""
    per = period(year)
    studio = R.get("studio", studio_uid)
    check_founded(studio, per)
    figures = stats.studio_year(studio_uid, year, within=per)
    titles = _ref_titles(studio_uid)
    then = figures.studio
    studio_row = _row(S.STUDIO, {**studio, "party_org": then.party_org,
                                 "recognitions": asof.valid_namings(studio, per)},
                      titles, {}, S.STUDIO.label)
    studio_row.update({"级别": E.Level.label(then.level) if then.level else "",
                       "领衔人": then.leader or "",
                       "党组织形式": E.PartyOrg.label(then.party_org)})
    names = metric_names()
    stats_row = Row()
    for name, m in names.items():
        value = m.value(figures)
        if m.kind == metrics.FLAG:
            stats_row[name] = "是" if value else "否"
        else:
            number = m.fact(figures)
            text = _number(value) if isinstance(value, float) and m.kind == metrics.COUNT \
                else m.text_of(value)
            stats_row[name] = Num(text, round(number, 4) if isinstance(number, float) else number)
    plans = [p for p in R.list_records("plan", studio_uid) if p.get("year") == year]
    out: dict[str, Any] = {
        YEAR: Num(str(year), year), PERIOD: per.label, STUDIO: studio_row, FIGURES: stats_row,
        PLAN: _row(S.PLAN, plans[0] if plans else {}, titles, {})}
    for k in list_kinds():
        names = {name_of(k.label), CUMULATIVE + name_of(k.label)}
        if only is not None and not names & set(only):
            out.update({n: Rows() for n in names if n in vocabulary().fields})
            continue
        extras = _extras(k, studio_uid)
        records = sorted(R.list_records(k.name, studio_uid), key=_sort_key(k))
        for cumulative in (False, True) if _dated(k) else (False,):
            name = (CUMULATIVE if cumulative else "") + name_of(k.label)
            if only is not None and name not in only:
                out[name] = Rows()
                continue
            rows = Rows()
            for r in records:
                if not _in_year(k, r, per, cumulative):
                    continue
                known = asof.known_at_end(k.name, r, per)
                ex = dict(extras.get(r["uid"], {}))
                if k is S.MEMBER:
                    ex["skill_level"] = _skill_at(r, per.end)
                rows.append(_row(k, known, titles, ex))
            out[name] = rows
    return out


# ---- the help page ------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One line of the help on form fields: its group, the placeholder as a form writes it,
    what it means and an example value (the chosen studio's, when there is one)."""

    group: str
    placeholder: str
    meaning: str
    example: str


def _example_of(value: Any, node: Scalar) -> str:
    if value is None:
        return node.example
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def describe(ctx: dict[str, Any] | None = None) -> list[Entry]:
    """Every placeholder of the vocabulary, in order, with the values of `ctx` (formfields.
    context) as examples, or typical ones without it."""
    out: list[Entry] = []
    for name, node in vocabulary().fields.items():
        value = ctx.get(name) if ctx else None
        if isinstance(node, Scalar):
            out.append(Entry("基本", "{{ " + name + " }}", node.meaning, _example_of(value, node)))
        elif isinstance(node, Fields):
            for f, sub in node.fields.items():
                shown_value = value.get(f) if value is not None else None
                if isinstance(sub, Many):
                    out.append(Entry(name, f"{{{{ {name}.{f} }}}}", sub.meaning,
                                     _example_of(shown_value, Scalar(""))))
                else:
                    out.append(Entry(name, f"{{{{ {name}.{f} }}}}", sub.meaning,
                                     _example_of(shown_value, sub)))
        else:
            count = f"共 {len(value)} 项" if value is not None else ""
            out.append(Entry(name, f"{{%tr for {ITEM} in {name} %}} … {{%tr endfor %}}",
                             f"{node.meaning}：表格中夹在这两行之间的行按每项重复一次", count))
            first = value[0] if value else None
            for f, sub in node.item.fields.items():
                shown_value = first.get(f) if first is not None else None
                meaning = sub.meaning if isinstance(sub, Scalar) else sub.meaning
                example = _example_of(shown_value, sub if isinstance(sub, Scalar)
                                      else Scalar(""))
                out.append(Entry(name, f"{{{{ {ITEM}.{f} }}}}", meaning, example))
    out += [Entry("循环", f"{{{{ loop.{n} }}}}", node.meaning, node.example)
            for n, node in LOOP.fields.items()]
    return out
