"""Every figure of a studio's year that is named to a user, declared once: its key (the name the
templates, the plans' targets and the dashboard use), its Chinese and English label and unit,
how it is shown, and how it is computed — the attribute of ledger/figures.py's YearFigures it
is read from, or a function of the figures — and which vocabularies use it (the assessment
templates' rules, the plans' targets).

The statistics compute the figures; the templates (ledger/templates.py), the plan targets
(stats.ACTUAL_OF), the dashboard's tiles and the union summary read their names and their
formatting from here, and anything that reads a figure by its key goes through `fact` or
`Metric.value`, so a new figure is one attribute of YearFigures plus one line in this table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from laomo_desktop.ledger import kinds
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S

if TYPE_CHECKING:
    from laomo_desktop.ledger.figures import YearFigures

COUNT, WAN, YUAN, FLAG = "count", "wan", "yuan", "flag"  # how a value is shown
FEN_PER_WAN = 1_000_000


@dataclass(frozen=True)
class Metric:
    key: str          # the templates' "metric", the dashboard's and the union summary's name
    label: str        # Chinese, as the templates' explanations say it
    en: str
    unit: str         # Chinese unit; "" for a flag (0 or 1)
    unit_en: str
    kind: str = COUNT
    attr: str = ""    # the YearFigures attribute it is read from ("": the key; fen for money)
    of: Callable[[YearFigures], Any] | None = None  # or how it is computed from the figures
    target: str | None = None  # the plans' target (E.TargetMetric) it measures
    in_templates: bool = True  # a name the assessment templates may use

    @property
    def attribute(self) -> str:
        """The YearFigures attribute it is read from ("" when a function computes it)."""
        return "" if self.of else self.attr or self.key

    @property
    def column(self) -> str:
        """Its key in a union summary row (ledger/union.py): the attribute, or the metric's own
        key for one a function computes (the activities of a type)."""
        return self.attribute or self.key

    def value(self, figures: YearFigures) -> Any:
        """The figure this metric shows, as stats.studio_year computed it (money in fen)."""
        return self.of(figures) if self.of else getattr(figures, self.attribute)

    def fact(self, figures: YearFigures) -> Any:
        """The figure as the templates' rules compare it: money in 万元 (six decimals, exact
        to the fen), anything else as it is."""
        value = self.value(figures)
        return round(value / FEN_PER_WAN, 6) if self.kind == WAN else value

    def text(self, figures: YearFigures) -> str:
        """The value as the dashboard and `laomo stats` show it (no unit)."""
        return self.text_of(self.value(figures))

    def text_of(self, value: Any) -> str:
        """A value of this figure from elsewhere (a union summary row) shown the same way."""
        return format_value(self.kind, value)


def format_value(kind: str, value: Any) -> str:
    """A value of `kind`: money as 万元 or ¥ with two decimals, a count as a whole number."""
    if value is None:
        return ""
    if kind == WAN:  # from fen
        return f"{value / FEN_PER_WAN:,.2f}"
    if kind == YUAN:
        sign, fen = ("-" if value < 0 else ""), abs(int(value))
        return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"
    return str(int(value))


def _m(key: str, label: str, en: str, unit: str, unit_en: str, **kw: Any) -> Metric:
    return Metric(key, label, en, unit, unit_en, **kw)


_TIMES, _ITEMS, _PEOPLE, _PAIRS = ("次", "times"), ("项", "items"), ("人", "people"), \
    ("对", "pairs")
_WAN = ("万元", "10k yuan")

_DECLARED: tuple[Metric, ...] = (
    _m("activities_total", "本年度开展活动", "Activities in the year", *_TIMES),
    _m("training_sessions", "本年度培训", "Training sessions", "场次", "sessions",
       target="training_sessions"),
    _m("training_person_times", "本年度培训", "Training person-times", "人次", "person-times",
       target="training_person_times"),
    _m("training_hours", "本年度培训", "Training hours", "学时", "hours"),
    _m("exchanges", "本年度技术交流", "Technical exchanges", *_TIMES),
    _m("projects_total", "本年度在研课题", "Projects under way", *_ITEMS),
    _m("projects_started", "本年度新立项课题", "Projects started", *_ITEMS, target="projects"),
    _m("projects_open_call", "本年度在研揭榜挂帅课题", "Open-call projects under way", *_ITEMS),
    _m("results_total", "本年度创新成果", "Innovation results", *_ITEMS, target="results"),
    _m("results_cumulative", "累计创新成果", "Innovation results to date", *_ITEMS),
    _m("results_awarded", "本年度获奖成果", "Awarded results", *_ITEMS),
    _m("results_rolled_out", "本年度推广应用成果", "Results rolled out", *_ITEMS),
    _m("results_technical", "本年度技术创新成果", "Technical innovations", *_ITEMS),
    _m("patents_total", "本年度专利成果（按成果日期）", "Patents (by result date)", "件",
       "patents", target="patents"),
    _m("patents_total_granted", "本年度专利成果中年度末已获授权的",
       "Patents among the results granted by the year's end", "件", "patents"),
    _m("patents_filed", "本年度申请专利（按申请日）", "Patents filed", "件", "patents"),
    _m("patents_granted", "本年度获授权专利（按授权日）", "Patents granted", "件", "patents"),
    _m("benefit_wan", "本年度经济效益", "Economic benefit", *_WAN, kind=WAN,
       attr="benefit_fen"),
    _m("benefit_cumulative_wan", "累计经济效益", "Economic benefit to date", *_WAN, kind=WAN,
       attr="benefit_cumulative_fen"),
    _m("fund_income_wan", "本年度经费收入", "Fund income", *_WAN, kind=WAN,
       attr="fund_income_fen"),
    _m("fund_expense_wan", "本年度经费支出", "Fund expense", *_WAN, kind=WAN,
       attr="fund_expense_fen"),
    _m("fund_balance_wan", "年度末经费结余", "Fund balance at the year's end", *_WAN, kind=WAN,
       attr="fund_balance_fen"),
    _m("members_total", "年度末在册成员", "Members at the year's end", *_PEOPLE),
    _m("members_party", "年度末成员中党员", "Party members among the members", *_PEOPLE),
    # the profile's 党员人数 has no date, so it cannot describe a past year: the party members
    # are those in the team at the period's end
    _m("party_members", "年度末成员中党员", "Party members among the members", *_PEOPLE,
       attr="members_party"),
    _m("promotions", "本年度技能晋级", "Skill promotions", *_PEOPLE, target="promotions"),
    _m("promotions_cumulative", "累计技能晋级", "Skill promotions to date", *_PEOPLE),
    _m("mentoring_pairs", "本年度在带师徒", "Mentoring pairs under way", *_PAIRS),
    _m("apprentices", "本年度在带徒弟", "Apprentices under way", *_PEOPLE),
    _m("mentoring_new", "本年度新签师徒协议", "New mentoring agreements", *_PAIRS,
       target="apprentices"),
    _m("apprentices_graduated", "本年度徒弟出师", "Apprentices graduated", *_PEOPLE),
    _m("apprentices_promoted", "本年度徒弟出师并晋级", "Apprentices graduated and promoted",
       *_PEOPLE),
    _m("participating_members", "本年度参加活动的成员", "Members who took part", *_PEOPLE),
    _m("years_running", "工作室已运行", "Years the studio has run", "年", "years"),
    _m("party_activities", "本年度党建活动", "Party activities", *_TIMES),
    _m("party_quarters", "本年度开展党建活动的季度", "Quarters with party activities", "个",
       "quarters"),
    _m("targets_total", "年度目标", "Targets of the year", *_ITEMS),
    _m("targets_met", "完成年度目标", "Targets met", *_ITEMS),
    _m("has_plaque", "已悬挂标志牌匾", "Plaque hung", "", "", kind=FLAG),
    _m("has_honour_board", "设有荣誉展示", "Honour board", "", "", kind=FLAG),
    _m("rules_on_wall", "制度已上墙", "Rules on the wall", "", "", kind=FLAG),
    # shown, not named in templates: money in fen as the statistics hold it
    _m("benefit_fen", "本年度经济效益", "Economic benefit", *_WAN, kind=WAN,
       target="benefit_fen", in_templates=False),
    _m("fund_income_fen", "本年度经费收入", "Fund income", "元", "yuan", kind=YUAN,
       in_templates=False),
    _m("fund_expense_fen", "本年度经费支出", "Fund expense", "元", "yuan", kind=YUAN,
       in_templates=False),
    _m("fund_balance", "年度末经费结余", "Fund balance", "元", "yuan", kind=YUAN,
       attr="fund_balance_fen", in_templates=False),
)

# the registers unions count (issue 16 §3; ledger/registers.py)
_REGISTERS: tuple[Metric, ...] = (
    _m("proposals_total", "本年度提出合理化建议", "Rationalisation proposals made", "条",
       "proposals"),
    _m("proposals_adopted", "本年度合理化建议被采纳", "Proposals adopted", "条", "proposals"),
    _m("proposals_implemented", "本年度合理化建议已实施", "Proposals implemented", "条",
       "proposals"),
    _m("proposals_accepted", "本年度合理化建议已验收", "Proposals accepted", "条", "proposals"),
    _m("proposal_benefit_wan", "本年度合理化建议经济效益", "Benefit of the proposals", *_WAN,
       kind=WAN, attr="proposal_benefit_fen"),
    _m("qc_groups", "本年度注册QC小组", "QC groups registered", "个", "groups"),
    _m("qc_groups_finished", "本年度QC小组已结题", "QC groups finished", "个", "groups"),
    _m("qc_groups_with_result", "本年度QC小组取得成果", "QC groups with a result", "个",
       "groups"),
    _m("qc_groups_awarded", "本年度QC小组成果获奖", "QC groups awarded", "个", "groups"),
    _m("firm_services", "本年度助企服务", "Services to firms", *_TIMES),
    _m("firms_served", "本年度服务企业", "Firms served", "家", "firms"),
    _m("firm_problems_solved", "本年度为企业解决技术难题", "Firms' problems solved", "个",
       "problems"),
    _m("firm_workers_trained", "本年度助企培训职工", "Firms' workers trained", "人次",
       "person-times"),
    _m("firm_service_person_times", "本年度劳模工匠助企服务", "Person-times serving firms",
       "人次", "person-times"),
    _m("apprentices_excellent", "本年度出师考核优秀", "Apprentices graduated with excellence",
       *_PEOPLE),
    _m("mentoring_renewed", "本年度续签师徒协议", "Mentoring agreements renewed", *_PAIRS),
    _m("mentoring_records", "本年度带徒记录", "Mentoring records", "条", "records"),
    _m("proposal_benefit_fen", "本年度合理化建议经济效益", "Benefit of the proposals", *_WAN,
       kind=WAN, in_templates=False),
)
_DECLARED += _REGISTERS

# <kind>_count: standing records as of the period (rules and equipment in force at its end,
# pairs and projects that lasted into it); dated and yearly records up to its end.
# Which kinds have one, and its words, are declared with the kind (KindRules.counted/count_words).
COUNTED = [k for k in S.KINDS if k.per_studio and kinds.rules(k).counted]
_UNITS_EN = {"项": "items", "对": "pairs"}

# ---- grants (补助资金) ----
_DECLARED += (
    _m("grants_received_wan", "本年度获得补助资金", "Grants received", *_WAN, kind=WAN,
       attr="grants_received_fen"),
    _m("grants_spent_wan", "本年度列支补助资金", "Grants spent", *_WAN, kind=WAN,
       attr="grants_spent_fen"),
    _m("grants_received_fen", "本年度获得补助资金", "Grants received", "元", "yuan", kind=YUAN,
       in_templates=False),
    _m("grants_spent_fen", "本年度列支补助资金", "Grants spent", "元", "yuan", kind=YUAN,
       in_templates=False),
)

# ---- alliances (联盟; ledger/alliances.py) ----
_DECLARED += (
    _m("alliances_joined", "年末参加创新联盟", "Alliances joined", "个", "alliances"),
    _m("alliances_led", "年末牵头（任盟主）创新联盟", "Alliances led", "个", "alliances"),
    _m("alliance_projects", "本年度联盟联合项目", "Joint projects of alliances", "项", "projects"),
    _m("alliance_funds_received_wan", "本年度联盟经费收入", "Alliance funds received", *_WAN,
       kind=WAN, attr="alliance_funds_received_fen"),
    _m("alliance_funds_spent_wan", "本年度联盟经费支出", "Alliance funds spent", *_WAN, kind=WAN,
       attr="alliance_funds_spent_fen"),
    _m("alliance_funds_received_fen", "本年度联盟经费收入", "Alliance funds received", "元",
       "yuan", kind=YUAN, in_templates=False),
    _m("alliance_funds_spent_fen", "本年度联盟经费支出", "Alliance funds spent", "元", "yuan",
       kind=YUAN, in_templates=False),
)

METRICS: dict[str, Metric] = {m.key: m for m in _DECLARED}


def _activities_of(code: str) -> Callable[[YearFigures], int]:
    return lambda figures: figures.activities_of(code)


def _count_of(kind: str) -> Callable[[YearFigures], int]:
    return lambda figures: figures.record_counts[kind]


METRICS.update({f"activities_{t.value}": _m(f"activities_{t.value}", f"本年度{t.zh}活动",
                                            f"{t.en} activities", *_TIMES,
                                            of=_activities_of(t.value))
                for t in E.ActivityType})
for _k in COUNTED:
    _zh, _en, _unit = kinds.rules(_k).count_words or (f"累计登记{_k.label}",
                                                     f"{_k.en} recorded to date", "项")
    METRICS[f"{_k.name}_count"] = _m(f"{_k.name}_count", _zh, _en, _unit, _UNITS_EN[_unit],
                                     of=_count_of(_k.name))

# the numeric attributes of YearFigures that no metric shows, and why
INTERNAL: dict[str, str] = {
    "year": "the statistics year itself, not a figure of it",
    "training_without_count": "a gap in the data the documents name beside the trainings",
    "training_without_hours": "a gap in the data the documents name beside the trainings",
    "benefit_wan": "benefit_fen in 万元 for `laomo stats --json`; metric benefit_wan shows the fen",
    "benefit_cumulative_wan": "benefit_cumulative_fen in 万元 for `laomo stats --json`",
    "fund_carried_in_fen": "what the must-have 经费 accepts besides the year's income",
    "leaders": "a check of the team (more than one leader is a warning), not a result",
}

TEMPLATE_METRICS: dict[str, Metric] = {k: m for k, m in METRICS.items() if m.in_templates}
BY_TARGET: dict[str, Metric] = {m.target: m for m in METRICS.values() if m.target}


def metric(key: str) -> Metric:
    return METRICS[key]


def fact(figures: YearFigures, key: str) -> Any:
    """The figure a template's rule names by its key, as the rule compares it (Metric.fact):
    the one way the figures are read by name."""
    return METRICS[key].fact(figures)


def target_metric(target: str) -> Metric:
    """The figure a plan's target (E.TargetMetric code) is measured against."""
    return BY_TARGET[target]
