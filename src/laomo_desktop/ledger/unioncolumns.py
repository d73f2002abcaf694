"""The union summary's columns (issue 16 §5): the figures the office chose from the metric
registry (ledger/metrics.py), in its order, for the union page, the summary PDF and its XLSX
alike; kept in the ledger (table union_column, migration step 13). No choice: DEFAULT, the
columns the summary had before there was a choice.

A metric can be a column when ledger/union.py computes it for every studio (its attribute is
one of union.NUMBERS), one metric per figure. A stored name this version does not know (a
ledger written by another version) is skipped, and `chosen` says which were skipped so the
caller can say so; it never fails.

Also here: the summary's title after its studios' category (劳模创新工作室汇总表 only when
every studio is one)."""

from __future__ import annotations

from dataclasses import dataclass

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import union
from laomo_desktop.ledger.metrics import METRICS, Metric
from laomo_desktop.store import enums as E
from laomo_desktop.store.models import database
from laomo_desktop.texts import Both, Text

DEFAULT: tuple[str, ...] = (
    "projects_started", "results_total", "results_technical", "patents_total",
    "training_sessions", "training_person_times", "mentoring_new", "benefit_wan",
    "fund_income_wan", "fund_expense_wan", "grants_received_wan", "grants_spent_wan")

# what the office can choose from: one metric per figure the union computes, registry order
CHOOSABLE: dict[str, Metric] = {}
for _key, _m in METRICS.items():
    if _m.in_templates and _m.column in union.NUMBERS \
            and all(c.column != _m.column for c in CHOOSABLE.values()):
        CHOOSABLE[_key] = _m

# the dialog's and `laomo union-columns --list`'s groups, by the metric's key
GROUPS: tuple[tuple[Both, tuple[str, ...]], ...] = (
    (Both("课题与成果", "Projects and results"),
     ("projects_started", "projects_open_call", "results_total", "results_technical",
      "patents_total")),
    (Both("培训与带徒", "Training and mentoring"),
     ("training_sessions", "training_person_times", "mentoring_new", "apprentices_excellent",
      "mentoring_renewed", "mentoring_records")),
    (Both("效益、经费与补助资金", "Benefit, funds and grants"),
     ("benefit_wan", "fund_income_wan", "fund_expense_wan", "grants_received_wan",
      "grants_spent_wan")),
    (Both("合理化建议与QC小组", "Proposals and QC groups"),
     ("proposals_total", "proposals_adopted", "proposals_implemented", "proposals_accepted",
      "proposal_benefit_wan", "qc_groups", "qc_groups_finished", "qc_groups_with_result",
      "qc_groups_awarded")),
    (Both("助企服务", "Services to firms"),
     ("activities_firm_service", "activities_academy_teaching", "firm_services", "firms_served",
      "firm_problems_solved", "firm_workers_trained", "firm_service_person_times")),
    (Both("创新联盟", "Alliances"),
     ("alliances_joined", "alliances_led", "alliance_projects", "alliance_funds_received_wan",
      "alliance_funds_spent_wan")),
)
OTHER = Both("其他", "Other")

# a column's head where the registry's label is a sentence (its unit follows in brackets)
SHORT: dict[str, Both] = {
    "projects_started": Both("新立项课题", "Projects"),
    "projects_open_call": Both("揭榜挂帅课题", "Open-call projects"),
    "activities_firm_service": Both("助企行活动", "Firm-service activities"),
    "activities_academy_teaching": Both("工匠学院授课", "Academy teaching"),
    "results_total": Both("创新成果", "Results"),
    "results_technical": Both("技术创新", "Technical innovations"),
    "patents_total": Both("专利", "Patents"),
    "training_sessions": Both("培训场次", "Trainings"),
    "training_person_times": Both("培训人次", "Person-times"),
    "mentoring_new": Both("新结对带徒", "New apprentices"),
    "benefit_wan": Both("经济效益", "Benefit"),
    "proposal_benefit_wan": Both("建议效益", "Benefit of proposals"),
    "proposals_implemented": Both("建议已实施", "Proposals implemented"),
    "proposals_accepted": Both("建议已验收", "Proposals accepted"),
    "qc_groups_finished": Both("QC小组结题", "QC groups finished"),
    "qc_groups_with_result": Both("QC小组成果", "QC groups with a result"),
    "qc_groups_awarded": Both("QC小组获奖", "QC groups awarded"),
    "apprentices_excellent": Both("出师优秀", "Graduated excellent"),
    "mentoring_renewed": Both("续签协议", "Agreements renewed"),
    "mentoring_records": Both("带徒记录", "Mentoring records"),
    "alliances_joined": Both("参加联盟", "Alliances joined"),
    "alliances_led": Both("牵头联盟", "Alliances led"),
    "alliance_projects": Both("联盟联合项目", "Joint projects of alliances"),
    "alliance_funds_received_wan": Both("联盟经费收入", "Alliance funds received"),
    "alliance_funds_spent_wan": Both("联盟经费支出", "Alliance funds spent"),
}

UNKNOWN = Text("汇总表列“{names}”在此版本中没有，已略过。",
               "Union summary column(s) {names} are unknown to this version and were skipped.")
NOT_CHOOSABLE = Text("“{name}”不是汇总表可用的列。可用的列：{known}",
                     "“{name}” is not a column the union summary can show. Columns: {known}")
NONE_CHOSEN = Text("汇总表至少要有一列指标。", "The union summary needs at least one figure.")
WITH_UNIT = Text("{name}（{unit}）", "{name} ({unit})")
TWICE = Text("汇总表列“{name}”重复了。", "Union summary column “{name}” is given twice.")


@dataclass(frozen=True)
class Columns:
    keys: tuple[str, ...]          # the metrics shown, in order (all known)
    skipped: tuple[str, ...] = ()  # stored names this version does not know
    chosen: bool = False           # the office's own choice (False: DEFAULT)

    @property
    def metrics(self) -> list[Metric]:
        return [CHOOSABLE[k] for k in self.keys]

    @property
    def attributes(self) -> tuple[str, ...]:
        """The union rows' keys the columns read (money in fen)."""
        return tuple(CHOOSABLE[k].column for k in self.keys)

    def notice(self) -> Text | None:
        return UNKNOWN(names=tuple(self.skipped)) if self.skipped else None


def group_of(key: str) -> Both:
    return next((g for g, keys in GROUPS if key in keys), OTHER)


def grouped() -> list[tuple[Both, list[str]]]:
    """Every choosable metric under its group, groups in order (OTHER last when any)."""
    out = [(g, [k for k in keys if k in CHOOSABLE]) for g, keys in GROUPS]
    rest = [k for k in CHOOSABLE if group_of(k) is OTHER]
    return [(g, ks) for g, ks in out + [(OTHER, rest)] if ks]


def head(key: str, lang: str = "zh", *, unit: bool = True) -> str:
    """The column's head: a short name and, unless `unit` is False, its unit in brackets."""
    m = CHOOSABLE[key]
    name = SHORT[key] if key in SHORT else Both(
        m.label.removeprefix("本年度").removeprefix("年度末"), m.en)
    text = name.zh if lang == "zh" else name.en
    u = m.unit if lang == "zh" else m.unit_en
    if not unit or not u or text.endswith(u):  # 培训人次, not 培训人次（人次）
        return text
    return WITH_UNIT(name=text, unit=u).render(lang)


def chosen() -> Columns:
    """The office's columns (DEFAULT when it chose none, or none it chose is known here)."""
    stored = [r[0] for r in database.execute_sql(
        "SELECT metric FROM union_column ORDER BY position")]
    known = tuple(dict.fromkeys(k for k in stored if k in CHOOSABLE))
    skipped = tuple(k for k in stored if k not in CHOOSABLE)
    if not known:
        return Columns(DEFAULT, skipped, False)
    return Columns(known, skipped, True)


def check(keys: list[str]) -> tuple[str, ...]:
    """`keys` as a choice to keep; a LaomoError (in Chinese) names the first bad one."""
    keys = [k.strip() for k in keys if k.strip()]
    if not keys:
        raise LaomoError(NONE_CHOSEN)
    for i, k in enumerate(keys):
        if k not in CHOOSABLE:
            raise LaomoError(NOT_CHOOSABLE(name=k, known=", ".join(CHOOSABLE)))
        if k in keys[:i]:
            raise LaomoError(TWICE(name=k))
    return tuple(keys)


def choose(keys: list[str]) -> tuple[str, ...]:
    """Keep `keys` as the summary's columns, in this order (checked first: a refused choice
    leaves the one before it)."""
    good = check(keys)
    with database.atomic():
        database.execute_sql("DELETE FROM union_column")
        for i, k in enumerate(good):
            database.execute_sql("INSERT INTO union_column (position, metric) VALUES (?, ?)",
                                 (i, k))
    return good


def reset() -> None:
    """Back to DEFAULT."""
    with database.atomic():
        database.execute_sql("DELETE FROM union_column")


# ---- the title, after the studios' category -----------------------------------------------

NEUTRAL = Both("创新工作室", "innovation studios")  # every studio an innovation studio of a kind
ANY_STUDIO = Both("工作室", "studios")  # innovation studios and master studios together
TITLE = Text("{studios}汇总表", "Summary of {studios}")


def studios_word(rows: list[dict]) -> str:
    """What the summary calls its studios: their category when all are one (劳模创新工作室
    only then), else 创新工作室, or 工作室 when master studios are among them."""
    labels = {E.StudioCategory.label(r.get("category") or E.DEFAULT_STUDIO_CATEGORY)
              for r in rows}
    if len(labels) == 1:
        return labels.pop()
    if labels and all(label.endswith(NEUTRAL.zh) for label in labels):
        return NEUTRAL.zh
    return ANY_STUDIO.zh if labels else NEUTRAL.zh


def summary_title(rows: list[dict]) -> str:
    """The printed summary's title (a Chinese document: the Chinese words)."""
    return TITLE(studios=studios_word(rows)).render("zh")
